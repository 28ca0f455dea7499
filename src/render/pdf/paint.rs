//! Paints a [`Layout`] as PDF bytes: the last stage of the print engine and the only module that
//! knows printpdf and lopdf.
//!
//! It translates frame items to printpdf operators one for one (layout already decided every
//! position), then post-processes the file with lopdf for what printpdf 0.12 cannot express: the
//! catalog's /Lang, an outline in document order that jumps to each heading's y, PDF 1.7, and a
//! trailer /ID derived from the content. Output is deterministic: fonts get fixed resource names,
//! dates come from the document, never from the clock, so a rebuild is byte-identical.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, CurTransMat, FontId, LineCapStyle, LineJoinStyle, LinePoint,
    LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, TextMatrix, WindingOrder,
};

use super::block::Document;
use super::font::{Face, Fonts};
use super::frame::{Bookmark, Color, Item, Layout, Page, QrRun, Rect, Stroke};

/// Why the PDF could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaintError(String);

impl fmt::Display for PaintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not write the PDF: {}", self.0)
    }
}

impl std::error::Error for PaintError {}

impl From<lopdf::Error> for PaintError {
    fn from(e: lopdf::Error) -> PaintError {
        PaintError(e.to_string())
    }
}

/// Tool name written to the PDF's /Creator and /Producer.
const CREATOR: &str = "handouts";

/// Bézier handle length for a quarter circle, as a share of the radius.
const KAPPA: f32 = 0.552_284_8;

/// Paints `layout` (made from `doc`) as a complete PDF file.
pub fn paint(doc: &Document, layout: &Layout, fonts: &Fonts) -> Result<Vec<u8>, PaintError> {
    let mut pdf = PdfDocument::new(&doc.title);
    set_metadata(&mut pdf, doc);
    // Fonts get content-derived resource names instead of add_font's counter-based ids, so two runs
    // in one process write identical bytes; only faces that are used are embedded.
    let faces = used_faces(layout);
    for (&face, id) in &faces {
        let parsed = parsed_font(fonts, face)
            .ok_or_else(|| PaintError(format!("cannot parse the {face:?} font")))?;
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed.clone()));
    }
    pdf.pages = layout
        .pages
        .iter()
        .map(|page| pdf_page(page, fonts, &faces))
        .collect();

    let options = PdfSaveOptions {
        optimize: false, // lopdf compresses below, after the post-processing
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    finish(&mut lo, doc, layout)?;
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PaintError(e.to_string()))?;
    Ok(out)
}

fn set_metadata(pdf: &mut PdfDocument, doc: &Document) {
    let info = &mut pdf.metadata.info;
    info.document_title = doc.title.clone();
    info.author = doc.author.clone();
    info.subject = doc.subject.clone();
    info.creator = CREATOR.into();
    info.producer = CREATOR.into();
    // The handout's own date, so rebuilding an unchanged handout changes nothing.
    let stamp = unix_time(&doc.created).unwrap_or(0);
    if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(stamp) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
}

/// Seconds since 1970 at midnight UTC of an ISO date `YYYY-MM-DD`.
fn unix_time(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm): exact for the proleptic Gregorian calendar.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400)
}

/// The faces the layout uses, each with its font resource name. printpdf takes the first six
/// characters of that name as the subset tag (`ABCDEF+AtkinsonHyperlegible-Bold`), which must be six
/// capital letters and should differ between different subsets: so the name is a hash of the face
/// and the characters it shows, which is also deterministic.
fn used_faces(layout: &Layout) -> BTreeMap<Face, FontId> {
    let mut chars: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text { face, text, .. } = item {
                chars.entry(*face).or_default().extend(text.chars());
            }
        }
    }
    chars
        .into_iter()
        .map(|(face, set)| {
            let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
            hash.write(&[face as u8]);
            for c in set {
                hash.write(&u32::from(c).to_le_bytes());
            }
            let mut n = hash.0;
            let tag: String = (0..6)
                .map(|_| {
                    let letter = char::from(b'A' + (n % 26) as u8);
                    n /= 26;
                    letter
                })
                .collect();
            (face, FontId(tag))
        })
        .collect()
}

/// printpdf's parsed form of each embedded face, parsed once per process (~1 ms each).
fn parsed_font(fonts: &Fonts, face: Face) -> Option<&'static ParsedFont> {
    static PARSED: OnceLock<Vec<Option<ParsedFont>>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        Face::ALL
            .iter()
            .map(|&f| ParsedFont::from_bytes(fonts.bytes(f), 0, &mut Vec::new()))
            .collect()
    });
    all.get(face as usize)?.as_ref()
}

fn pt(v: f32) -> Pt {
    Pt(v)
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: false,
    }
}

fn rgb(c: Color) -> printpdf::Color {
    printpdf::Color::Rgb(Rgb::new(
        f32::from(c.r) / 255.0,
        f32::from(c.g) / 255.0,
        f32::from(c.b) / 255.0,
        None,
    ))
}

fn pdf_rect(r: &Rect, mode: Option<PaintMode>) -> printpdf::Rect {
    printpdf::Rect {
        x: pt(r.x),
        y: pt(r.y),
        width: pt(r.w),
        height: pt(r.h),
        mode,
        winding_order: Some(WindingOrder::NonZero),
    }
}

/// Runs of dark QR modules merged downwards: a run with the same columns in the rows right below it
/// becomes one rectangle `rows` modules tall.
fn stack_runs(runs: &[QrRun]) -> Vec<(QrRun, u16)> {
    let mut out: Vec<(QrRun, u16)> = Vec::new();
    for run in runs {
        let below = out
            .iter_mut()
            .rev()
            .find(|(r, rows)| r.col == run.col && r.len == run.len && r.row + *rows == run.row);
        match below {
            Some((_, rows)) => *rows += 1,
            None => out.push((*run, 1)),
        }
    }
    out
}

/// A page's operators, and the colour and width they last set, so that unchanged state is not
/// repeated (it would only lengthen the content stream that has to be compressed).
#[derive(Default)]
struct Pen {
    ops: Vec<Op>,
    fill: Option<Color>,
    stroke: Option<Stroke>,
}

impl Pen {
    fn fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.ops.push(Op::SetFillColor { col: rgb(color) });
            self.fill = Some(color);
        }
    }

    fn stroke(&mut self, stroke: Stroke) {
        let last = self.stroke;
        if last.map(|s| s.color) != Some(stroke.color) {
            self.ops.push(Op::SetOutlineColor {
                col: rgb(stroke.color),
            });
        }
        if last.map(|s| s.width) != Some(stroke.width) {
            self.ops.push(Op::SetOutlineThickness {
                pt: pt(stroke.width),
            });
        }
        self.stroke = Some(stroke);
    }
}

fn pdf_page(page: &Page, fonts: &Fonts, faces: &BTreeMap<Face, FontId>) -> PdfPage {
    let mut pen = Pen::default();
    pen.ops.push(Op::SetLineCapStyle {
        cap: LineCapStyle::Round,
    });
    pen.ops.push(Op::SetLineJoinStyle {
        join: LineJoinStyle::Round,
    });
    let mut items = page.items.iter().peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Text { .. } => {
                // Words of one line in one style go into one text object, with real spaces between
                // them so that copying and text extraction get words, not letters.
                let mut run = vec![item];
                while let Some(next) = items.peek() {
                    if continues(run.last().copied(), next) {
                        run.push(next);
                        items.next();
                    } else {
                        break;
                    }
                }
                text_ops(&mut pen, &run, fonts, faces);
            }
            Item::Rect {
                rect,
                fill,
                stroke,
                radius,
            } => rect_ops(&mut pen, rect, *fill, *stroke, *radius),
            Item::Line {
                points,
                color,
                width,
            } => {
                pen.stroke(Stroke {
                    color: *color,
                    width: *width,
                });
                pen.ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: points.iter().map(|&(x, y)| point(x, y)).collect(),
                        is_closed: false,
                    },
                });
            }
            Item::Link { rect, uri } => pen.ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    pdf_rect(rect, None),
                    Actions::Uri(uri.clone()),
                    // printpdf's default border is a visible cyan box in some viewers.
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            }),
            Item::Qr {
                x,
                y,
                module,
                modules,
                runs,
            } => {
                pen.fill(Color::hex(0x000000));
                // One module = one unit, row 0 at the top: the runs become small integers, which
                // keeps the ~200 rectangles of a symbol short in the content stream.
                let top = y + module * f32::from(*modules);
                pen.ops.push(Op::SaveGraphicsState);
                pen.ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([*module, 0.0, 0.0, -*module, *x, top]),
                });
                for (run, rows) in stack_runs(runs) {
                    let cell = Rect {
                        x: f32::from(run.col),
                        y: f32::from(run.row),
                        w: f32::from(run.len),
                        h: f32::from(rows),
                    };
                    pen.ops.push(Op::DrawRectangle {
                        rectangle: pdf_rect(&cell, Some(PaintMode::Fill)),
                    });
                }
                pen.ops.push(Op::RestoreGraphicsState);
            }
        }
    }
    PdfPage {
        media_box: pdf_rect(
            &Rect {
                x: 0.0,
                y: 0.0,
                w: page.width,
                h: page.height,
            },
            None,
        ),
        trim_box: pdf_rect(
            &Rect {
                x: 0.0,
                y: 0.0,
                w: page.width,
                h: page.height,
            },
            None,
        ),
        crop_box: pdf_rect(
            &Rect {
                x: 0.0,
                y: 0.0,
                w: page.width,
                h: page.height,
            },
            None,
        ),
        ops: pen.ops,
    }
}

/// Whether `next` continues the text of `prev` on the same line, in the same face, size and colour,
/// to its right.
fn continues(prev: Option<&Item>, next: &Item) -> bool {
    match (prev, next) {
        (
            Some(Item::Text {
                x: x0,
                y: y0,
                face: f0,
                size: s0,
                color: c0,
                width: w0,
                ..
            }),
            Item::Text {
                x,
                y,
                face,
                size,
                color,
                ..
            },
        ) => {
            (y - y0).abs() < 0.001
                && face == f0
                && size == s0
                && color == c0
                && *x >= x0 + w0 - 0.01
        }
        _ => false,
    }
}

/// One text object for `run` (same baseline, face, size, colour, left to right).
fn text_ops(pen: &mut Pen, run: &[&Item], fonts: &Fonts, faces: &BTreeMap<Face, FontId>) {
    let Some(Item::Text {
        x,
        y,
        face,
        size,
        color,
        ..
    }) = run.first()
    else {
        return;
    };
    let space = fonts.advance(*face, ' ', *size);
    let mut shown = Vec::new();
    // Words and the spaces between them accumulate into one string, cut only where a TJ offset is
    // needed: fewer, longer strings keep the content stream (and its compression time) small.
    let mut pending = String::new();
    let mut end = *x;
    for item in run {
        let Item::Text { x, text, width, .. } = item else {
            continue;
        };
        let gap = x - end;
        if gap > 0.01 {
            // A real space where words are apart, then a TJ adjustment (1/1000 em, positive moves
            // left) for any difference between that space and the gap layout chose (justification).
            pending.push(' ');
            let adjust = (gap - space) * 1000.0 / size;
            if adjust.abs() > 0.5 {
                shown.push(TextItem::Text(std::mem::take(&mut pending)));
                shown.push(TextItem::Offset(-adjust));
            }
        }
        pending.push_str(text);
        end = x + width;
    }
    if !pending.is_empty() {
        shown.push(TextItem::Text(pending));
    }
    let Some(id) = faces.get(face) else {
        return;
    };
    // The fill colour is graphics state, which survives ET, so it is set before BT and only on change.
    pen.fill(*color);
    pen.ops.push(Op::StartTextSection);
    pen.ops.push(Op::SetFont {
        font: PdfFontHandle::External(id.clone()),
        size: pt(*size),
    });
    pen.ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(pt(*x), pt(*y)),
    });
    pen.ops.push(Op::ShowText { items: shown });
    pen.ops.push(Op::EndTextSection);
}

fn rect_ops(pen: &mut Pen, rect: &Rect, fill: Option<Color>, stroke: Option<Stroke>, radius: f32) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    if let Some(fill) = fill {
        pen.fill(fill);
    }
    if let Some(stroke) = stroke {
        pen.stroke(stroke);
    }
    let r = radius.min(rect.w / 2.0).min(rect.h / 2.0).max(0.0);
    if r <= 0.0 {
        pen.ops.push(Op::DrawRectangle {
            rectangle: pdf_rect(rect, Some(mode)),
        });
        return;
    }
    pen.ops.push(Op::DrawPolygon {
        polygon: Polygon {
            rings: vec![PolygonRing {
                points: rounded_rect(rect, r),
            }],
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
}

/// The outline of a rectangle with corners of radius `r`, as lines and cubic Béziers.
fn rounded_rect(rect: &Rect, r: f32) -> Vec<LinePoint> {
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.right(), rect.top());
    let k = KAPPA * r;
    let ctrl = |x: f32, y: f32| LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: true,
    };
    vec![
        point(x0 + r, y0),
        point(x1 - r, y0),
        ctrl(x1 - r + k, y0),
        ctrl(x1, y0 + r - k),
        point(x1, y0 + r),
        point(x1, y1 - r),
        ctrl(x1, y1 - r + k),
        ctrl(x1 - r + k, y1),
        point(x1 - r, y1),
        point(x0 + r, y1),
        ctrl(x0 + r - k, y1),
        ctrl(x0, y1 - r + k),
        point(x0, y1 - r),
        point(x0, y0 + r),
        ctrl(x0, y0 + r - k),
        ctrl(x0 + r - k, y0),
        point(x0 + r, y0),
    ]
}

/// lopdf post-processing: language, clean Info, outline, version, deterministic /ID.
fn finish(lo: &mut lopdf::Document, doc: &Document, layout: &Layout) -> Result<(), PaintError> {
    lo.version = "1.7".into();
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let outline = outline(lo, &layout.bookmarks, &pages);
    let catalog = lo.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(doc.lang.as_bytes()));
    match outline {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => catalog.set("PageMode", Object::Name(b"UseNone".to_vec())),
    }
    // printpdf labels every file PDF/X with empty identifiers; this is not PDF/X.
    let info_id = lo.trailer.get(b"Info").and_then(Object::as_reference)?;
    if let Ok(info) = lo.get_object_mut(info_id).and_then(Object::as_dict_mut) {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Identifier");
        if doc.subject.is_empty() {
            info.remove(b"Subject");
        }
        info.remove(b"Keywords");
    }
    let id = Object::String(document_id(doc, layout), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// A flat outline in document order, each entry jumping to its heading's y; `None` without bookmarks.
fn outline(
    lo: &mut lopdf::Document,
    bookmarks: &[Bookmark],
    pages: &[ObjectId],
) -> Option<ObjectId> {
    // A bookmark on a page that does not exist is dropped rather than allowed to break the file.
    let entries: Vec<(&Bookmark, ObjectId)> = bookmarks
        .iter()
        .filter_map(|b| pages.get(b.page).map(|&page| (b, page)))
        .collect();
    if entries.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    for (i, ((bookmark, page), id)) in entries.iter().zip(&ids).enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&bookmark.title));
        dict.set("Parent", Object::Reference(root));
        dict.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(*page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                // A little above the heading, so its first line is not flush with the window edge.
                Object::Real(bookmark.y + 6.0),
                Object::Null,
            ]),
        );
        if let Some(prev) = i.checked_sub(1).and_then(|p| ids.get(p)) {
            dict.set("Prev", Object::Reference(*prev));
        }
        if let Some(next) = ids.get(i + 1) {
            dict.set("Next", Object::Reference(*next));
        }
        lo.objects.insert(*id, Object::Dictionary(dict));
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    root_dict.set(
        "Count",
        Object::Integer(i64::try_from(ids.len()).unwrap_or(0)),
    );
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        root_dict.set("First", Object::Reference(*first));
        root_dict.set("Last", Object::Reference(*last));
    }
    lo.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}

/// A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::string_literal(s.as_bytes());
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// 16 bytes derived from the content (two FNV-1a hashes over the metadata and every text item), so
/// the same handout always gets the same /ID and a changed one a new /ID.
fn document_id(doc: &Document, layout: &Layout) -> Vec<u8> {
    let mut a = Fnv(0xcbf2_9ce4_8422_2325);
    let mut b = Fnv(0x8422_2325_cbf2_9ce4);
    for part in [&doc.title, &doc.created, &doc.lang, &doc.footer.url] {
        a.write(part.as_bytes());
        b.write(part.as_bytes());
        b.write(b"\x1f");
    }
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text { text, .. } = item {
                a.write(text.as_bytes());
                b.write(text.as_bytes());
                b.write(b"\x1e");
            }
        }
    }
    a.0.to_be_bytes()
        .into_iter()
        .chain(b.0.to_be_bytes())
        .collect()
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests;
