//! The PDF outline (bookmarks pane): one flat list of the layout's bookmarks in document order,
//! written as lopdf objects because printpdf 0.12 cannot jump to a y on the page.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::super::frame::Bookmark;

/// A flat outline in document order, each entry jumping to its heading's y; `None` without bookmarks.
pub(super) fn outline(
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
pub(super) fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::string_literal(s.as_bytes());
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}
