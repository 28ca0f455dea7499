//! The pictures a layout draws, each registered once as an image XObject named from its content.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, PdfDocument, XObject, XObjectId};

use super::super::frame::{Item, Layout};

/// Adds an image XObject to `pdf` for every distinct picture `layout` draws.
pub(super) fn embed(pdf: &mut PdfDocument, layout: &Layout) {
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        let Item::Image { picture, .. } = item else {
            continue;
        };
        let Some(p) = picture.prepared() else {
            continue;
        };
        let id = XObjectId(p.name.clone());
        if pdf.resources.xobjects.map.contains_key(&id) {
            continue;
        }
        let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
        let mut dict = BTreeMap::from([
            ("Type".to_string(), name("XObject")),
            ("Subtype".to_string(), name("Image")),
            ("Width".to_string(), DictItem::Int(i64::from(picture.width))),
            (
                "Height".to_string(),
                DictItem::Int(i64::from(picture.height)),
            ),
            ("ColorSpace".to_string(), name(p.color_space)),
            ("BitsPerComponent".to_string(), DictItem::Int(8)),
            ("Filter".to_string(), name(p.filter)),
        ]);
        if p.inverted && p.components == 4 {
            // Adobe's CMYK JPEGs store inverted values.
            let decode = [1.0, 0.0].repeat(4).into_iter().map(DictItem::Real);
            dict.insert("Decode".to_string(), DictItem::Array(decode.collect()));
        }
        let stream = ExternalStream {
            dict,
            content: p.data.clone(),
            compress: false,
        };
        pdf.resources.xobjects.map.insert(
            id,
            XObject::External(ExternalXObject {
                stream,
                width: None,
                height: None,
                dpi: None,
            }),
        );
    }
}
