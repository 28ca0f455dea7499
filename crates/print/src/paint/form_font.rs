//! The form fields' font: the handout's regular face embedded whole, as its own font resource, so
//! that what staff type shows in the handout's face and a filled, saved handout still embeds every
//! font it uses (PDF/UA-1 7.21.4.1). The text the page shows uses subsets, which hold only the
//! glyphs printed; a name typed later needs any glyph the face has, so this font keeps them all.
//!
//! It is a `Type0` font with `Identity-H` encoding over a `CIDFontType2` whose CIDs are the glyph
//! ids (`/CIDToGIDMap /Identity`), as printpdf writes the page fonts: two bytes a glyph, so a name
//! outside Latin-1 (Łódź) can be encoded, which a simple font's 256 codes cannot promise. Its
//! /W has every glyph's advance and its ToUnicode every char the face maps, which is what a viewer
//! uses to turn typed text into glyph codes when it draws a field's appearance.
//!
//! The font program, the widths and the ToUnicode map depend only on the face: they are made once
//! per process (compressed, ~30 KB) and copied into each PDF, which costs microseconds.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::super::font::{Face, Fonts};
use super::PaintError;

/// One face's form-font objects, made once.
struct Made {
    /// The PostScript name, for /BaseFont and /FontName.
    name: String,
    /// The TrueType file, Flate-compressed, and its length before compression (/Length1).
    program: Vec<u8>,
    length1: i64,
    /// The ToUnicode CMap, Flate-compressed.
    to_unicode: Vec<u8>,
    /// /W: the advance of every glyph from glyph 0, in thousandths of an em.
    widths: Vec<i64>,
    /// /FontBBox, /Ascent, /Descent, /CapHeight in thousandths of an em.
    bbox: [i64; 4],
    ascent: i64,
    descent: i64,
    cap_height: i64,
}

/// The form font of `face`, made on first use: `None` if the face cannot be parsed.
fn made(fonts: &Fonts, face: Face) -> Option<&'static Made> {
    static MADE: [OnceLock<Option<Made>>; 5] = [const { OnceLock::new() }; 5];
    MADE.get(face as usize)?
        .get_or_init(|| make(fonts, face))
        .as_ref()
}

fn make(fonts: &Fonts, face: Face) -> Option<Made> {
    let bytes = fonts.bytes(face);
    let parsed = ttf_parser::Face::parse(bytes, 0).ok()?;
    let upem = f64::from(parsed.units_per_em().max(1));
    let em = |units: f64| (units * 1000.0 / upem).round() as i64;
    let widths = (0..parsed.number_of_glyphs())
        .map(|g| {
            em(f64::from(
                parsed
                    .glyph_hor_advance(ttf_parser::GlyphId(g))
                    .unwrap_or(0),
            ))
        })
        .collect();
    // Each glyph's char for ToUnicode: the lowest where several share one (space and no-break space).
    let mut glyphs: BTreeMap<u16, char> = BTreeMap::new();
    if let Some(cmap) = parsed.tables().cmap {
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|code| {
                let Some(c) = char::from_u32(code) else {
                    return;
                };
                if let Some(glyph) = subtable.glyph_index(code).filter(|g| g.0 != 0) {
                    let lowest = glyphs.entry(glyph.0).or_insert(c);
                    *lowest = (*lowest).min(c);
                }
            });
        }
    }
    let b = parsed.global_bounding_box();
    let cap = parsed.capital_height().unwrap_or_else(|| parsed.ascender());
    Some(Made {
        name: fonts.postscript_name(face),
        program: deflate_best(bytes)?,
        length1: i64::try_from(bytes.len()).ok()?,
        to_unicode: deflate_best(to_unicode(&glyphs).as_bytes())?,
        widths,
        bbox: [b.x_min, b.y_min, b.x_max, b.y_max].map(|v| em(f64::from(v))),
        ascent: em(f64::from(parsed.ascender())),
        descent: em(f64::from(parsed.descender())),
        cap_height: em(f64::from(cap)),
    })
}

/// `bytes` compressed at zlib's best level: done once per process, so the smallest file wins.
fn deflate_best(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .ok()
}

/// A ToUnicode CMap mapping each glyph id (the two-byte code) to its char.
fn to_unicode(glyphs: &BTreeMap<u16, char>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = glyphs.iter().collect();
    // At most 100 entries a block (PDF reference, 5.9.2).
    for block in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (glyph, c) in block {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(out, "<{glyph:04X}> <{hex}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// The form font of `face` added to `lo`: its Type0 font dictionary's id.
pub(super) fn add(
    lo: &mut lopdf::Document,
    fonts: &Fonts,
    face: Face,
) -> Result<ObjectId, PaintError> {
    let made = made(fonts, face)
        .ok_or_else(|| PaintError(format!("cannot parse the {face:?} font for the form")))?;
    let name = || Object::Name(made.name.as_bytes().to_vec());
    let compressed = |content: &[u8], extra: Option<(&str, i64)>| {
        let mut dict = Dictionary::from_iter([("Filter", Object::Name(b"FlateDecode".to_vec()))]);
        if let Some((key, value)) = extra {
            dict.set(key, Object::Integer(value));
        }
        // Already compressed: `paint::compress` leaves a stream with a /Filter alone.
        Stream::new(dict, content.to_vec()).with_compression(false)
    };
    let program = lo.add_object(compressed(&made.program, Some(("Length1", made.length1))));
    let to_unicode = lo.add_object(compressed(&made.to_unicode, None));
    let descriptor = lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", name()),
        // Nonsymbolic: Latin text.
        ("Flags", Object::Integer(32)),
        (
            "FontBBox",
            Object::Array(made.bbox.iter().map(|&v| Object::Integer(v)).collect()),
        ),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", Object::Integer(made.ascent)),
        ("Descent", Object::Integer(made.descent)),
        ("CapHeight", Object::Integer(made.cap_height)),
        ("StemV", Object::Integer(80)),
        ("FontFile2", Object::Reference(program)),
    ]));
    let widths = Object::Array(made.widths.iter().map(|&w| Object::Integer(w)).collect());
    let cid_font = lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", name()),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("W", Object::Array(vec![Object::Integer(0), widths])),
        ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
    ]));
    Ok(lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", name()),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Reference(cid_font)]),
        ),
        ("ToUnicode", Object::Reference(to_unicode)),
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_latin_letter_a_name_needs_is_in_the_form_font() {
        use std::io::Read;
        let fonts = Fonts::embedded();
        let made = made(fonts, Face::Regular).unwrap_or_else(|| panic!("parsed"));
        let face = ttf_parser::Face::parse(fonts.bytes(Face::Regular), 0)
            .unwrap_or_else(|e| panic!("{e}"));
        // The whole face: every glyph has its width, many more than a printed subset holds.
        assert_eq!(made.widths.len(), usize::from(face.number_of_glyphs()));
        assert!(made.widths.len() > 300, "{}", made.widths.len());
        assert_eq!(made.length1, fonts.bytes(Face::Regular).len() as i64);
        let mut cmap = String::new();
        flate2::read::ZlibDecoder::new(&made.to_unicode[..])
            .read_to_string(&mut cmap)
            .unwrap_or_else(|e| panic!("{e}"));
        for c in "AaZz0 José Ñandú Łódź Müller Ørsted Çelik Dvořák ß’–".chars() {
            let glyph = face.glyph_index(c).unwrap_or_else(|| panic!("{c}")).0;
            let advance = face.glyph_hor_advance(ttf_parser::GlyphId(glyph));
            assert_eq!(
                made.widths[usize::from(glyph)],
                i64::from(advance.unwrap_or(0)),
                "{c}"
            );
            if c != ' ' {
                let entry = format!("<{glyph:04X}> <{:04X}>\n", u32::from(c));
                assert!(cmap.contains(&entry), "{c}: {entry}");
            }
        }
        // Made once: the same bytes on every call.
        let again = super::made(fonts, Face::Regular).unwrap_or_else(|| panic!("parsed"));
        assert!(std::ptr::eq(made, again));
    }

    #[test]
    fn the_to_unicode_map_has_every_glyph_once_in_blocks_of_100() {
        let glyphs: BTreeMap<u16, char> = (1..=150u16)
            .map(|g| (g, char::from(b'A' + (g % 26) as u8)))
            .chain([(151, '😀')])
            .collect();
        let cmap = to_unicode(&glyphs);
        assert!(cmap.contains("100 beginbfchar\n<0001> <0042>\n"), "{cmap}");
        assert!(cmap.contains("51 beginbfchar\n"));
        assert!(cmap.contains("<0097> <D83DDE00>\n"));
        assert_eq!(cmap.matches("endbfchar").count(), 2);
    }
}
