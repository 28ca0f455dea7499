//! The theme's fonts, compiled into the binary: which face has which character, and how wide it is.
//!
//! `linebreak` and `flow` measure text here and `paint` embeds the very same bytes, so the PDF shows
//! exactly what was measured. This is the only module that knows about font units: everything it
//! returns is in points. Body text is Atkinson Hyperlegible; DejaVu Sans is the fallback face for the
//! symbols Atkinson lacks (✓, →, ★, U+2011, Greek…). The files and their licences are described in
//! `themes/default/fonts/README.md`.

use std::sync::OnceLock;

use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::{name_id, GlyphId, Tag};

/// One of the embedded font faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Atkinson Hyperlegible Regular, the body face.
    Regular,
    /// Atkinson Hyperlegible Bold.
    Bold,
    /// Atkinson Hyperlegible Italic.
    Italic,
    /// Atkinson Hyperlegible Bold Italic.
    BoldItalic,
    /// DejaVu Sans, for glyphs Atkinson lacks.
    Fallback,
}

impl Face {
    /// Every face, in declaration order (`Face::ALL[face as usize] == face`).
    pub const ALL: [Face; 5] = [
        Face::Regular,
        Face::Bold,
        Face::Italic,
        Face::BoldItalic,
        Face::Fallback,
    ];
}

/// The embedded files, indexed like [`Face::ALL`], with the PostScript name to use should a file lack one.
const FILES: [(&[u8], &str); 5] = [
    (
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../themes/default/fonts/AtkinsonHyperlegible-Regular.ttf"
        )),
        "AtkinsonHyperlegible-Regular",
    ),
    (
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../themes/default/fonts/AtkinsonHyperlegible-Bold.ttf"
        )),
        "AtkinsonHyperlegible-Bold",
    ),
    (
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../themes/default/fonts/AtkinsonHyperlegible-Italic.ttf"
        )),
        "AtkinsonHyperlegible-Italic",
    ),
    (
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../themes/default/fonts/AtkinsonHyperlegible-BoldItalic.ttf"
        )),
        "AtkinsonHyperlegible-BoldItalic",
    ),
    (
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../themes/default/fonts/DejaVuSans.ttf"
        )),
        "DejaVuSans",
    ),
];

/// Chars below this code point get their advance from a table built once at load, because body text is
/// nearly all ASCII and Latin-1 and the cmap search is the costly part of measuring a char.
const TABLE_SIZE: usize = 256;

/// One parsed face.
struct Loaded {
    bytes: &'static [u8],
    face: ttf_parser::Face<'static>,
    fallback_name: &'static str,
    /// Font units to points at 1 pt: 1 / units_per_em.
    scale: f32,
    /// Advance in font units of U+0000..U+00FF, `None` where the face has no glyph.
    table: [Option<u16>; TABLE_SIZE],
    /// Glyph of U+0000..U+00FF, `None` where the face has none.
    glyphs: [Option<GlyphId>; TABLE_SIZE],
    /// The pair adjustments of the face's `kern` feature (GPOS), in lookup order.
    pairs: Vec<PairAdjustment<'static>>,
    /// The adjustment of each pair of common chars (see [`kern_slot`]), one row per left char,
    /// each row made the first time it is needed: looking a pair up in GPOS coverage and class
    /// tables was the costliest part of setting a line.
    kerns: Box<[OnceLock<Box<[i16]>>]>,
}

/// Chars whose kerning pairs are kept in [`Loaded::kerns`]: Latin-1 and the typographic quotes,
/// dashes, ellipsis and bullet that patient text uses.
const KERN_EXTRA: [char; 8] = [
    '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{2022}',
];

/// Chars in a row of [`Loaded::kerns`].
const KERN_SLOTS: usize = TABLE_SIZE + KERN_EXTRA.len();

/// The slot of `c` in a row of [`Loaded::kerns`], if it has one.
fn kern_slot(c: char) -> Option<usize> {
    let code = c as usize;
    if code < TABLE_SIZE {
        return Some(code);
    }
    KERN_EXTRA
        .iter()
        .position(|&x| x == c)
        .map(|i| TABLE_SIZE + i)
}

/// The char in slot `i` of a row of [`Loaded::kerns`].
fn slot_char(i: usize) -> char {
    match i.checked_sub(TABLE_SIZE) {
        Some(extra) => KERN_EXTRA[extra],
        None => char::from(i as u8),
    }
}

impl Loaded {
    fn parse(bytes: &'static [u8], fallback_name: &'static str) -> Option<Loaded> {
        let face = ttf_parser::Face::parse(bytes, 0).ok()?;
        let scale = 1.0 / f32::from(face.units_per_em().max(1));
        let mut table = [None; TABLE_SIZE];
        let mut glyphs = [None; TABLE_SIZE];
        for (code, (slot, glyph)) in (0u8..=255).zip(table.iter_mut().zip(glyphs.iter_mut())) {
            *slot = glyph_advance(&face, char::from(code));
            *glyph = face.glyph_index(char::from(code));
        }
        let pairs = kern_pairs(&face);
        Some(Loaded {
            bytes,
            face,
            fallback_name,
            scale,
            table,
            glyphs,
            pairs,
            kerns: (0..KERN_SLOTS).map(|_| OnceLock::new()).collect(),
        })
    }

    /// Advance of `c` in font units, `None` if the face has no glyph for it.
    fn units(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(cached) => *cached,
            None => glyph_advance(&self.face, c),
        }
    }

    fn glyph(&self, c: char) -> Option<GlyphId> {
        match self.glyphs.get(c as usize) {
            Some(cached) => *cached,
            None => self.face.glyph_index(c),
        }
    }

    /// The `kern` feature's adjustment between `left` and `right`, in font units: for each lookup,
    /// the first pair subtable whose coverage holds `left` (the OpenType rule), summed over lookups.
    fn kern_units(&self, left: char, right: char) -> i32 {
        if self.pairs.is_empty() {
            return 0;
        }
        if let (Some(l), Some(r)) = (kern_slot(left), kern_slot(right)) {
            let row = self.kerns[l].get_or_init(|| {
                (0..KERN_SLOTS)
                    .map(|i| {
                        let units = self.pair_units(left, slot_char(i));
                        i16::try_from(units).unwrap_or(0)
                    })
                    .collect()
            });
            return i32::from(row[r]);
        }
        self.pair_units(left, right)
    }

    /// [`Loaded::kern_units`] looked up in the GPOS tables.
    fn pair_units(&self, left: char, right: char) -> i32 {
        let (Some(l), Some(r)) = (self.glyph(left), self.glyph(right)) else {
            return 0;
        };
        let mut total = 0;
        for pair in &self.pairs {
            let value = match pair {
                PairAdjustment::Format1 { coverage, sets } => coverage
                    .get(l)
                    .and_then(|i| sets.get(i))
                    .and_then(|set| set.get(r)),
                PairAdjustment::Format2 {
                    coverage,
                    classes,
                    matrix,
                } => coverage
                    .get(l)
                    .and_then(|_| matrix.get((classes.0.get(l), classes.1.get(r)))),
            };
            if let Some((first, _)) = value {
                total += i32::from(first.x_advance);
            }
        }
        total
    }
}

/// The pair-adjustment subtables of every lookup the `kern` feature uses, lookups in index order,
/// each lookup's subtables in order (only the first that covers a glyph applies, as in a shaper).
fn kern_pairs(face: &ttf_parser::Face<'static>) -> Vec<PairAdjustment<'static>> {
    let Some(gpos) = face.tables().gpos else {
        return Vec::new();
    };
    let kern = Tag::from_bytes(b"kern");
    let mut lookups: Vec<u16> = gpos
        .features
        .into_iter()
        .filter(|f| f.tag == kern)
        .flat_map(|f| f.lookup_indices.into_iter())
        .collect();
    lookups.sort_unstable();
    lookups.dedup();
    let mut pairs = Vec::new();
    for index in lookups {
        let Some(lookup) = gpos.lookups.get(index) else {
            continue;
        };
        for i in 0..lookup.subtables.len() {
            if let Some(PositioningSubtable::Pair(pair)) = lookup.subtables.get(i) {
                pairs.push(pair);
            }
        }
    }
    pairs
}

fn glyph_advance(face: &ttf_parser::Face<'_>, c: char) -> Option<u16> {
    let glyph = face.glyph_index(c)?;
    // A glyph without an hmtx entry still prints; zero is the honest width for it.
    Some(face.glyph_hor_advance(glyph).unwrap_or(0))
}

/// Chars that take no room and are never painted: the soft hyphen (a hyphenation opportunity, drawn as
/// a real '-' only where a line breaks), zero-width spaces and joiners, and the line separators, which
/// end a line rather than sit on it.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'
            ..='\u{200d}'
                | '\u{2060}'
                | '\u{feff}'
                | '\n'
                | '\r'
                | '\u{b}'
                | '\u{c}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
    )
}

/// The four Atkinson faces and DejaVu Sans, parsed once.
pub struct Fonts {
    faces: [Loaded; 5],
}

impl Fonts {
    /// The fonts compiled into the binary, parsed on first use.
    pub fn embedded() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let [a, b, c, d, e] = FILES.map(|(bytes, name)| {
                // The bytes are fixed at compile time and a test parses them, so failing here means the
                // build shipped a broken font file: no input can cause it.
                Loaded::parse(bytes, name).expect("embedded theme font is a valid TrueType file")
            });
            Fonts {
                faces: [a, b, c, d, e],
            }
        })
    }

    fn get(&self, face: Face) -> &Loaded {
        &self.faces[face as usize]
    }

    /// The TTF file of `face`, for embedding in the PDF.
    pub fn bytes(&self, face: Face) -> &'static [u8] {
        self.get(face).bytes
    }

    /// The PostScript name of `face` (e.g. `AtkinsonHyperlegible-Bold`), for the PDF font dictionary.
    pub fn postscript_name(&self, face: Face) -> String {
        let loaded = self.get(face);
        loaded
            .face
            .names()
            .into_iter()
            .filter(|name| name.name_id == name_id::POST_SCRIPT_NAME)
            .find_map(|name| name.to_string())
            .unwrap_or_else(|| loaded.fallback_name.to_string())
    }

    /// The face that will draw `c` when the text asks for `face`: `face` itself if it has the glyph,
    /// else [`Face::Fallback`] if that has it, else `None`. Invisible chars (soft hyphen, zero-width
    /// space, line separators) resolve to `face`, and so does whitespace no face has (tab), which is
    /// measured as a space.
    pub fn resolve(&self, face: Face, c: char) -> Option<Face> {
        let loaded = self.get(face);
        if is_invisible(c) || loaded.units(c).is_some() {
            Some(face)
        } else if self.get(Face::Fallback).units(c).is_some() {
            Some(Face::Fallback)
        } else if c.is_whitespace() && loaded.units(' ').is_some() {
            Some(face)
        } else {
            None
        }
    }

    /// The advance width of `c` in `face` at `size`, in points. `face` should be the result of
    /// [`Fonts::resolve`]; for a char it lacks this is the width of the box the PDF would show.
    pub fn advance(&self, face: Face, c: char, size: f32) -> f32 {
        let loaded = self.get(face);
        let units = if is_invisible(c) {
            0
        } else if let Some(units) = loaded.units(c) {
            units
        } else if c.is_whitespace() {
            loaded.units(' ').unwrap_or(0)
        } else {
            loaded
                .face
                .glyph_hor_advance(GlyphId(0))
                .unwrap_or_default()
        };
        f32::from(units) * loaded.scale * size
    }

    /// `resolve` and `advance` in one lookup, for measuring running text: the face drawing `c` and its
    /// advance in points, `None` if no face has `c`.
    pub(super) fn measure(&self, face: Face, c: char, size: f32) -> Option<(Face, f32)> {
        let loaded = self.get(face);
        if is_invisible(c) {
            return Some((face, 0.0));
        }
        if let Some(units) = loaded.units(c) {
            return Some((face, f32::from(units) * loaded.scale * size));
        }
        let fallback = self.get(Face::Fallback);
        if let Some(units) = fallback.units(c) {
            return Some((Face::Fallback, f32::from(units) * fallback.scale * size));
        }
        if c.is_whitespace() {
            let units = loaded.units(' ')?;
            return Some((face, f32::from(units) * loaded.scale * size));
        }
        None
    }

    /// The char to put in the PDF for `c` drawn in `face` (as returned by `resolve`): `None` for invisible
    /// chars, a plain space for whitespace the face lacks (a no-break space the font does not have
    /// would otherwise print as a box), else `c`.
    pub(super) fn paint_char(&self, face: Face, c: char) -> Option<char> {
        if is_invisible(c) {
            None
        } else if c.is_whitespace() && self.get(face).units(c).is_none() {
            Some(' ')
        } else {
            Some(c)
        }
    }

    /// The kerning between `left` and `right` set side by side in `face` at `size`, in points
    /// (negative: closer), from the face's GPOS `kern` feature. Whitespace and invisible chars are
    /// never kerned, so a word's kerning does not depend on what is around it.
    pub fn kern(&self, face: Face, left: char, right: char, size: f32) -> f32 {
        let kernable = |c: char| !c.is_whitespace() && !is_invisible(c);
        if !kernable(left) || !kernable(right) {
            return 0.0;
        }
        let loaded = self.get(face);
        loaded.kern_units(left, right) as f32 * loaded.scale * size
    }

    /// The ascender of `face` at `size`: points above the baseline.
    pub fn ascent(&self, face: Face, size: f32) -> f32 {
        let loaded = self.get(face);
        f32::from(loaded.face.ascender()) * loaded.scale * size
    }

    /// The height of capital letters of `face` at `size`, in points above the baseline (the
    /// ascender's when the font does not say).
    pub fn cap_height(&self, face: Face, size: f32) -> f32 {
        let loaded = self.get(face);
        let units = loaded
            .face
            .capital_height()
            .unwrap_or_else(|| loaded.face.ascender());
        f32::from(units) * loaded.scale * size
    }

    /// The descender of `face` at `size`: points below the baseline, as a positive number.
    pub fn descent(&self, face: Face, size: f32) -> f32 {
        let loaded = self.get(face);
        -f32::from(loaded.face.descender()) * loaded.scale * size
    }

    /// The chars of `text` that would print as a box: those some face cannot draw even with the
    /// fallback, which in practice means no embedded font has them. Each is listed once, in order of
    /// first appearance. Whitespace and line breaks are never reported (they are measured as spaces).
    pub fn missing_chars(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        // A text is a few thousand chars of a few dozen kinds: each kind is looked up once,
        // ASCII in a table, the few others in a short list.
        let mut ascii = [false; 128];
        let mut others: Vec<char> = Vec::new();
        for c in text.chars() {
            let first = match ascii.get_mut(c as usize) {
                Some(seen) => !std::mem::replace(seen, true),
                None if others.contains(&c) => false,
                None => {
                    others.push(c);
                    true
                }
            };
            if first && Face::ALL.iter().any(|&f| self.resolve(f, c).is_none()) {
                missing.push(c);
            }
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(fonts: &Fonts, face: Face, text: &str, size: f32) -> f32 {
        text.chars().map(|c| fonts.advance(face, c, size)).sum()
    }

    #[test]
    fn every_embedded_face_parses() {
        let fonts = Fonts::embedded();
        for face in Face::ALL {
            assert!(fonts.bytes(face).len() > 50_000, "{face:?}");
            assert_eq!(fonts.resolve(face, 'a'), Some(face), "{face:?}");
        }
    }

    #[test]
    fn hello_world_at_11pt_matches_the_fact_sheet() {
        let w = width(Fonts::embedded(), Face::Regular, "Hello world", 11.0);
        assert!((w - 53.768).abs() < 0.001, "{w}");
    }

    #[test]
    fn the_kerning_table_gives_what_the_gpos_lookup_gives() {
        let fonts = Fonts::embedded();
        let chars: Vec<char> = "AVTYWLPForey.,-’“”–(Tä é\u{00ff}→✓".chars().collect();
        let mut kerned = 0;
        for face in Face::ALL {
            let loaded = fonts.get(face);
            for &l in &chars {
                for &r in &chars {
                    let looked_up = loaded.pair_units(l, r);
                    assert_eq!(loaded.kern_units(l, r), looked_up, "{face:?} {l}{r}");
                    kerned += usize::from(looked_up != 0);
                }
            }
        }
        // "AV", "Te", "Yo" and the like: the table is not trivially all zero.
        assert!(kerned > 50, "{kerned}");
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let fonts = Fonts::embedded();
        let text = "Recommendations after treatment";
        assert!(width(fonts, Face::Bold, text, 11.0) > width(fonts, Face::Regular, text, 11.0));
    }

    #[test]
    fn symbols_atkinson_lacks_resolve_to_the_fallback() {
        let fonts = Fonts::embedded();
        for c in ['✓', '→', '★', '\u{2011}', 'α'] {
            assert_eq!(fonts.resolve(Face::Regular, c), Some(Face::Fallback), "{c}");
            assert_eq!(fonts.resolve(Face::Bold, c), Some(Face::Fallback), "{c}");
        }
        let check = fonts.advance(Face::Fallback, '✓', 10.0);
        assert!((check - 1716.0 / 2048.0 * 10.0).abs() < 1e-4, "{check}");
    }

    #[test]
    fn missing_chars_reports_private_use_and_cjk_once() {
        let fonts = Fonts::embedded();
        // The test is only meaningful while DejaVu Sans really lacks CJK.
        assert_eq!(fonts.resolve(Face::Fallback, '漢'), None);
        assert_eq!(
            fonts.missing_chars("a\u{e000}b 漢 \u{e000}✓\n\t"),
            vec!['\u{e000}', '漢']
        );
        assert!(fonts
            .missing_chars("Plain text, “quotes” – 10\u{a0}mg → ✓")
            .is_empty());
    }

    #[test]
    fn soft_hyphen_is_invisible_and_no_break_space_measures_as_a_space() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.resolve(Face::Regular, '\u{ad}'), Some(Face::Regular));
        assert_eq!(fonts.advance(Face::Regular, '\u{ad}', 11.0), 0.0);
        assert_eq!(fonts.paint_char(Face::Regular, '\u{ad}'), None);
        let space = fonts.advance(Face::Regular, ' ', 11.0);
        assert_eq!(fonts.advance(Face::Regular, '\u{a0}', 11.0), space);
        // A tab is in no font: it is measured and painted as a space.
        assert_eq!(fonts.resolve(Face::Regular, '\t'), Some(Face::Regular));
        assert_eq!(fonts.advance(Face::Regular, '\t', 11.0), space);
        assert_eq!(fonts.paint_char(Face::Regular, '\t'), Some(' '));
    }

    #[test]
    fn measure_agrees_with_resolve_and_advance() {
        let fonts = Fonts::embedded();
        for c in "Aé’–✓\u{ad}\u{a0}\u{202f}\t漢".chars() {
            let expected = fonts
                .resolve(Face::Italic, c)
                .map(|f| (f, fonts.advance(f, c, 9.5)));
            assert_eq!(fonts.measure(Face::Italic, c, 9.5), expected, "{c:?}");
        }
    }

    #[test]
    fn metrics_and_names() {
        let fonts = Fonts::embedded();
        assert!((fonts.ascent(Face::Regular, 10.0) - 9.5).abs() < 1e-4);
        assert!((fonts.descent(Face::Regular, 10.0) - 2.9).abs() < 1e-4);
        assert_eq!(
            fonts.postscript_name(Face::BoldItalic),
            "AtkinsonHyperlegible-BoldItalic"
        );
        assert_eq!(fonts.postscript_name(Face::Fallback), "DejaVuSans");
    }
}
