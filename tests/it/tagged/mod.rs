//! Reading a tagged PDF back with lopdf: its structure tree as plain values, and its parent tree.

pub mod text;

use std::collections::BTreeMap;

use handouts_print::lopdf::{Dictionary, Document, Object, ObjectId};

/// A name object's text.
pub fn name(o: &Object) -> String {
    String::from_utf8_lossy(o.as_name().unwrap_or_default()).into_owned()
}

/// A text string's text (PDFDocEncoding as UTF-8, or UTF-16BE with a byte-order mark).
pub fn text(o: &Object) -> String {
    let bytes = o.as_str().unwrap_or_default();
    match bytes.strip_prefix(&[0xfe, 0xff][..]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A structure element as read back: its type, its object and its kids.
#[derive(Debug)]
pub struct Elem {
    pub role: String,
    pub id: ObjectId,
    pub dict: Dictionary,
    pub kids: Vec<Kid>,
}

#[derive(Debug)]
pub enum Kid {
    Elem(Elem),
    /// Marked content `mcid` on page `page`.
    Mcid {
        page: ObjectId,
        mcid: i64,
    },
    /// An annotation.
    Objr {
        obj: ObjectId,
    },
}

impl Elem {
    pub fn roles(&self) -> Vec<&str> {
        self.elems().map(|e| e.role.as_str()).collect()
    }

    pub fn elems(&self) -> impl Iterator<Item = &Elem> {
        self.kids.iter().filter_map(|k| match k {
            Kid::Elem(e) => Some(e),
            _ => None,
        })
    }

    /// This element and all below it, in document order.
    pub fn walk<'a>(&'a self, out: &mut Vec<&'a Elem>) {
        out.push(self);
        for e in self.elems() {
            e.walk(out);
        }
    }
}

/// The structure element `id` and all below it; `page` is the /Pg inherited from above.
pub fn read_elem(doc: &Document, id: ObjectId, page: Option<ObjectId>) -> Elem {
    let dict = doc.get_dictionary(id).unwrap().clone();
    let page = dict.get(b"Pg").and_then(Object::as_reference).ok().or(page);
    let kids = match dict.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    let kids = kids
        .iter()
        .map(|kid| match kid {
            Object::Integer(mcid) => Kid::Mcid {
                page: page.expect("an MCID needs a /Pg"),
                mcid: *mcid,
            },
            Object::Reference(child) => Kid::Elem(read_elem(doc, *child, page)),
            Object::Dictionary(d) => match name(d.get(b"Type").unwrap()).as_str() {
                "MCR" => Kid::Mcid {
                    page: d.get(b"Pg").and_then(Object::as_reference).unwrap(),
                    mcid: d.get(b"MCID").and_then(Object::as_i64).unwrap(),
                },
                "OBJR" => Kid::Objr {
                    obj: d.get(b"Obj").and_then(Object::as_reference).unwrap(),
                },
                other => panic!("unexpected kid /{other}"),
            },
            other => panic!("unexpected kid {other:?}"),
        })
        .collect();
    let role = name(dict.get(b"S").unwrap());
    Elem {
        role,
        id,
        dict,
        kids,
    }
}

/// The `Document` element of a PDF.
pub fn tree(doc: &Document) -> Elem {
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    let top = root.get(b"K").and_then(Object::as_reference).unwrap();
    read_elem(doc, top, None)
}

/// The parent tree's entries: key → value.
pub fn parent_tree(doc: &Document) -> BTreeMap<i64, Object> {
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    let tree = root
        .get(b"ParentTree")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    let nums = tree.get(b"Nums").and_then(Object::as_array).unwrap();
    nums.chunks(2)
        .map(|pair| (pair[0].as_i64().unwrap(), pair[1].clone()))
        .collect()
}
