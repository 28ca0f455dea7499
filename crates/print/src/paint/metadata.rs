//! Document metadata: the Info dictionary printpdf writes, then the lopdf pass for what printpdf 0.12
//! cannot express (catalog /Lang, /PageMode, /ViewerPreferences and the XMP /Metadata stream, the
//! outline's place in the catalog, PDF 1.7, a trailer /ID derived from the content). Dates come from
//! the handout, never from the clock.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::PdfDocument;

use super::super::block::Document;
use super::super::frame::{Item, Layout};
use super::outline::outline;
use super::xmp;
use super::PaintError;
use fnv::FnvHasher;
use std::hash::Hasher as _;

/// Tool name written to the PDF's /Creator and /Producer.
const CREATOR: &str = "handouts";

/// Fills printpdf's Info dictionary: the handout's title, author, subject and date, and this tool's name.
pub(super) fn set_metadata(pdf: &mut PdfDocument, doc: &Document) {
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
pub(super) fn unix_time(date: &str) -> Option<i64> {
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

/// lopdf post-processing: language, title bar, XMP, clean Info, outline, version, deterministic /ID.
pub(super) fn finish(
    lo: &mut lopdf::Document,
    doc: &Document,
    layout: &Layout,
) -> Result<(), PaintError> {
    lo.version = "1.7".into();
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let outline = outline(lo, &layout.bookmarks, &pages);
    // XMP is read by tools that do not parse PDF objects, so it stays uncompressed (PDF/UA-1 7.1).
    let mut xmp = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp::packet(doc).into_bytes(),
    );
    xmp.allows_compression = false;
    let metadata = lo.add_object(xmp);
    let catalog = lo.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(doc.lang.as_bytes()));
    catalog.set("Metadata", Object::Reference(metadata));
    // The window shows the handout's title, not its file name.
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
    );
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

/// 16 bytes derived from the content (two FNV-1a hashes over the metadata and every text item), so
/// the same handout always gets the same /ID and a changed one a new /ID.
fn document_id(doc: &Document, layout: &Layout) -> Vec<u8> {
    let mut a = FnvHasher::with_key(0xcbf2_9ce4_8422_2325);
    let mut b = FnvHasher::with_key(0x8422_2325_cbf2_9ce4);
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
    a.finish()
        .to_be_bytes()
        .into_iter()
        .chain(b.finish().to_be_bytes())
        .collect()
}
