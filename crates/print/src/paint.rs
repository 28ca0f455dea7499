//! Paints a [`Layout`] as PDF bytes: the last stage of the print engine and the only module that
//! knows printpdf and lopdf.
//!
//! It translates frame items to printpdf operators one for one (layout already decided every
//! position), each in the marked-content sequence its tag calls for, then post-processes the file
//! with lopdf for what printpdf 0.12 cannot express: the structure tree of a tagged PDF (PDF/UA-1),
//! the catalog's /Lang, XMP metadata, an outline in document order that jumps to each heading's y,
//! PDF 1.7, and a trailer /ID derived from the content. Output is deterministic: fonts get fixed resource names,
//! dates come from the document, never from the clock, so a rebuild is byte-identical.
//!
//! [`paint`] is the recipe; each stage is a file named for it: `metadata` (the Info dictionary,
//! then the lopdf pass over catalog, Info and trailer, with the XMP packet from `xmp`), `fonts`
//! (which faces to embed, under which names), `ops` (a page's frame items → printpdf operators, with
//! `text` for text objects, `blank` for inline blanks' underscores and `marks` for marked content), `structure` (the structure tree, parent
//! tree and link annotations), and `outline` (the bookmarks).

mod blank;
mod fields;
mod fonts;
mod form_font;
mod marks;
mod metadata;
mod ops;
mod outline;
mod pictures;
mod structure;
mod text;
mod xmp;

use std::fmt;

use printpdf::{PdfDocument, PdfFont, PdfSaveOptions};

use self::fonts::{parsed_font, used_faces};
use self::marks::PageMarks;
use self::metadata::{finish, set_metadata};
use self::ops::pdf_page;
use self::structure::tag;
use super::block::Document;
use super::font::Fonts;
use super::frame::Layout;

/// Why the PDF could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PaintError(String);

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

/// Paints `layout` (made from `doc`) as a complete PDF file.
pub(crate) fn paint(doc: &Document, layout: &Layout, fonts: &Fonts) -> Result<Vec<u8>, PaintError> {
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
    // Each picture once, however many pages show it.
    pictures::embed(&mut pdf, layout);
    // Every tagged piece of content, in painting order, for the structure tree.
    let mut content = Vec::new();
    pdf.pages = layout
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let mut marks = PageMarks::new(&layout.tree, &mut content, i);
            pdf_page(page, fonts, &faces, &mut marks)
        })
        .collect();

    let options = PdfSaveOptions {
        optimize: false, // lopdf compresses below, after the post-processing
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&options, &mut warnings);
    tag(&mut lo, layout, &content)?;
    finish(&mut lo, doc, layout)?;
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| PaintError(e.to_string()))?;
    Ok(out)
}

/// Flate-compresses every stream. lopdf's own `compress` always uses zlib's slowest level, which
/// was half the time of a whole handout; see [`deflate`] for the level used.
fn compress(lo: &mut lopdf::Document) {
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        // A font program (its dictionary has /Length1) is the same subset in many handouts: it is
        // compressed once per process and shared.
        let is_font = stream.dict.get(b"Length1").is_ok();
        let compressed = if is_font {
            font_programs::compressed(&stream.content)
        } else {
            deflate(&stream.content).map(std::sync::Arc::new)
        };
        if let Some(compressed) = compressed {
            let compressed = std::sync::Arc::unwrap_or_clone(compressed);
            // A tiny stream can grow; the dictionary entry costs about 19 bytes.
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// `bytes` compressed at zlib level 2: on 200 generated handouts it made the whole output 4.5 %
/// larger than the default level 6 and the build about a sixth faster.
fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .ok()
}

/// Compressed font programs, shared by every handout of a process that embeds the same subset.
mod font_programs {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};

    /// The most bytes of font programs kept (uncompressed and compressed); past it, new subsets
    /// are compressed without being kept.
    const LIMIT: usize = 64 << 20;

    #[derive(Default)]
    struct Programs {
        map: HashMap<Vec<u8>, Arc<Vec<u8>>>,
        bytes: usize,
    }

    /// `program` compressed: from the shared table when another handout embedded the same bytes.
    pub(super) fn compressed(program: &[u8]) -> Option<Arc<Vec<u8>>> {
        static PROGRAMS: OnceLock<Mutex<Programs>> = OnceLock::new();
        let programs = PROGRAMS.get_or_init(Mutex::default);
        if let Some(hit) = programs.lock().ok()?.map.get(program) {
            return Some(Arc::clone(hit));
        }
        // Compressed outside the lock, so threads compress different subsets at once.
        let made = Arc::new(super::deflate(program)?);
        if let Ok(mut programs) = programs.lock() {
            let size = program.len() + made.len();
            if programs.bytes + size <= LIMIT {
                programs.bytes += size;
                programs.map.insert(program.to_vec(), Arc::clone(&made));
            }
        }
        Some(made)
    }
}

#[cfg(test)]
pub(super) mod tests;
