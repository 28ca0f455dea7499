//! The write-in blanks' form fields, written with lopdf once printpdf has made the pages (printpdf
//! 0.12 has no forms): one text field per [`Item::Field`], its field and widget in one dictionary,
//! listed in the catalog's /AcroForm.
//!
//! Each field has its name (/T), its label as tooltip (/TU, what a screen reader announces), a
//! default appearance (/DA) in the handout's regular face, embedded whole as the form's own font
//! (`form_font`; the page text's fonts are subsets without the letters a typed name may need) and
//! named in the /AcroForm's /DR, and an appearance stream that selects that font and draws nothing,
//! so an unfilled field prints as the blank drawn under it. A viewer draws typed text itself
//! (/NeedAppearances) with the same font, so a filled and saved handout embeds every font it uses.
//! Tagging: the widget's /StructParent is its key in the parent tree, which maps it to its `Form`
//! element; `structure` puts its `OBJR` there.

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::super::font::{Face, Fonts};
use super::super::frame::{Item, Layout};
use super::form_font;
use super::outline::text_string;
use super::PaintError;

/// The form font's resource name in /DA and /DR.
const FONT: &str = "FormFont";
/// The face typed text is shown in: the body text's.
const FACE: Face = Face::Regular;
/// Field flag: the field may hold several lines (ISO 32000-1, table 228).
const MULTILINE: i64 = 1 << 12;
/// Annotation flag: printed (ISO 32000-1, table 165).
const PRINT: i64 = 1 << 2;

/// The form fields of a PDF: their widgets per page, in painting order, and the parent tree's
/// entries for them.
pub(super) struct Widgets {
    /// Per page, its widgets' ids in the order of its [`Item::Field`]s.
    pub(super) ids: Vec<Vec<ObjectId>>,
    /// Each widget's /StructParent key and its `Form` element.
    pub(super) keys: Vec<(i64, ObjectId)>,
}

/// Adds every [`Item::Field`] of `layout` as a widget on its page (after the page's links, with
/// /Tabs /S), its /StructParent counted from `first_key`, and the catalog's /AcroForm. `elements`
/// are the structure elements' ids by tree index.
pub(super) fn widgets(
    lo: &mut lopdf::Document,
    layout: &Layout,
    pages: &[ObjectId],
    elements: &[Option<ObjectId>],
    first_key: i64,
) -> Result<Widgets, PaintError> {
    let mut out = Widgets {
        ids: Vec::with_capacity(pages.len()),
        keys: Vec::new(),
    };
    let mut next_key = first_key;
    let mut font = None;
    for (&page_id, page) in pages.iter().zip(&layout.pages) {
        let mut ids = Vec::new();
        for item in &page.items {
            let Item::Field {
                rect,
                name,
                tooltip,
                multiline,
                size,
                tag,
                ..
            } = item
            else {
                continue;
            };
            // The form font once per PDF, only in a PDF with fields.
            let font = match font {
                Some(font) => font,
                None => *font.insert(form_font::add(lo, Fonts::embedded(), FACE)?),
            };
            let (w, h) = (rect.w.max(1.0), rect.h.max(1.0));
            // Nothing drawn: an unfilled field shows (and prints) only its blank. It selects the
            // form font, as a viewer's appearance for typed text will.
            let blank = lo.add_object(Stream::new(
                Dictionary::from_iter([
                    ("Type", Object::Name(b"XObject".to_vec())),
                    ("Subtype", Object::Name(b"Form".to_vec())),
                    ("BBox", numbers(&[0.0, 0.0, w, h])),
                    ("Resources", font_resources(font)),
                ]),
                format!("/Tx BMC\nq BT {} ET Q\nEMC\n", appearance(*size)).into_bytes(),
            ));
            let mut dict = Dictionary::from_iter([
                ("Type", Object::Name(b"Annot".to_vec())),
                ("Subtype", Object::Name(b"Widget".to_vec())),
                ("FT", Object::Name(b"Tx".to_vec())),
                ("T", text_string(name)),
                ("TU", text_string(tooltip)),
                ("Rect", numbers(&[rect.x, rect.y, rect.x + w, rect.y + h])),
                ("F", Object::Integer(PRINT)),
                ("P", Object::Reference(page_id)),
                ("DA", Object::string_literal(appearance(*size))),
                ("Border", numbers(&[0.0, 0.0, 0.0])),
                (
                    "AP",
                    Object::Dictionary(Dictionary::from_iter([("N", Object::Reference(blank))])),
                ),
            ]);
            if *multiline {
                dict.set("Ff", Object::Integer(MULTILINE));
            }
            if let Some(element) = tag.node().and_then(|n| elements.get(n).copied().flatten()) {
                dict.set("StructParent", Object::Integer(next_key));
                out.keys.push((next_key, element));
                next_key += 1;
            }
            ids.push(lo.add_object(dict));
        }
        if !ids.is_empty() {
            let page = lo.get_object_mut(page_id)?.as_dict_mut()?;
            let mut annots = match page.remove(b"Annots") {
                Some(Object::Array(annots)) => annots,
                _ => Vec::new(),
            };
            annots.extend(ids.iter().copied().map(Object::Reference));
            page.set("Annots", Object::Array(annots));
            // Tab order follows the structure tree, which reads each label before its field.
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
        out.ids.push(ids);
    }
    if let Some(font) = font {
        let fields = out.ids.iter().flatten().copied().map(Object::Reference);
        let acroform = Dictionary::from_iter([
            ("Fields", Object::Array(fields.collect())),
            ("DA", Object::string_literal(appearance(0.0))),
            ("DR", font_resources(font)),
            // Viewers draw what staff type; the empty appearances keep the printout blank.
            ("NeedAppearances", Object::Boolean(true)),
        ]);
        lo.catalog_mut()?.set("AcroForm", acroform);
    }
    Ok(out)
}

/// A default appearance: the form font at `size` (0: fit the field), black.
fn appearance(size: f32) -> String {
    format!("/{FONT} {} Tf 0 g", (size * 10.0).round() / 10.0)
}

/// A resource dictionary holding the form font `font` under its name.
fn font_resources(font: ObjectId) -> Object {
    Object::Dictionary(Dictionary::from_iter([(
        "Font",
        Object::Dictionary(Dictionary::from_iter([(FONT, Object::Reference(font))])),
    )]))
}

/// An array of numbers.
fn numbers(values: &[f32]) -> Object {
    Object::Array(values.iter().map(|&v| Object::Real(v)).collect())
}

#[cfg(test)]
mod tests {
    use super::appearance;

    #[test]
    fn the_default_appearance_names_the_form_font() {
        assert_eq!(appearance(12.0), "/FormFont 12 Tf 0 g");
        assert_eq!(appearance(0.0), "/FormFont 0 Tf 0 g");
        assert_eq!(appearance(10.54), "/FormFont 10.5 Tf 0 g");
    }
}
