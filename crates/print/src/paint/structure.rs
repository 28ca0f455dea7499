//! The structure tree of the tagged PDF, written with lopdf once printpdf has made the pages.
//!
//! Every element of the layout's tree that has content becomes a structure element. Its kids are in
//! reading order: its child elements in the tree's order, with its own marked-content sequences and
//! link annotations (`OBJR`s) between them in painting order. The parent tree maps each page's MCIDs
//! (the page's /StructParents) and each link annotation (its /StructParent) back to its element.
//! Link annotations become indirect objects with /Contents naming the link's words and target, and a
//! page with annotations orders them by structure (/Tabs /S). Form fields (`fields`) are widget
//! annotations, each the one kid of its `Form` element, keyed after the links.

use lopdf::{Dictionary, Object, ObjectId};

use super::super::frame::{Item, Layout, Node, Role};
use super::fields::widgets;
use super::marks::{Content, Mark};
use super::outline::text_string;
use super::PaintError;

/// Writes the structure tree of `layout`, whose tagged content paint recorded in `content`, into
/// `lo`: the elements, the parent tree, the annotations' entries and the catalog's /StructTreeRoot
/// and /MarkInfo.
pub(super) fn tag(
    lo: &mut lopdf::Document,
    layout: &Layout,
    content: &[Content],
) -> Result<(), PaintError> {
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let tree = &layout.tree;
    // Each element's own content in painting order, and the first content of its whole subtree,
    // which places it among its parent's kids; elements without any are left out.
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); tree.len()];
    for (i, c) in content.iter().enumerate() {
        if let Some(list) = own.get_mut(c.node) {
            list.push(i);
        }
    }
    let mut first = vec![None; tree.len()];
    subtree_first(tree, &own, 0, &mut first);

    // Object ids in document order, so that the same layout always gives the same file.
    let root_id = lo.new_object_id();
    let mut ids: Vec<Option<ObjectId>> = vec![None; tree.len()];
    let mut order = Vec::new();
    number(tree, &first, 0, &mut order);
    for &n in &order {
        ids[n] = Some(lo.new_object_id());
    }
    let Some(document) = ids.first().copied().flatten() else {
        return Err(PaintError("the structure tree has no root".into()));
    };

    let (annots, annot_keys) = annotations(lo, layout, &pages, &ids)?;
    // Form fields' keys follow the links'.
    let first_widget_key = i64::try_from(pages.len() + annot_keys.len()).unwrap_or(i64::MAX);
    let widgets = widgets(lo, layout, &pages, &ids, first_widget_key)?;
    let page_of = |p: usize| {
        pages
            .get(p)
            .copied()
            .map_or(Object::Null, Object::Reference)
    };

    for &n in &order {
        let (Some(node), Some(id)) = (tree.get(n), ids[n]) else {
            continue;
        };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(node.role.name().as_bytes().to_vec()));
        let parent = node.parent.and_then(|p| ids[p]).unwrap_or(root_id);
        dict.set("P", Object::Reference(parent));
        // MCIDs on the element's own page are plain numbers; others say their page.
        let home = own[n].iter().find_map(|&i| match content[i].mark {
            Mark::Mcid(_) => Some(content[i].page),
            Mark::Annot(_) | Mark::Widget(_) => None,
        });
        if let Some(page) = home {
            dict.set("Pg", page_of(page));
        }
        let kid = |i: usize| -> Object {
            let c = content[i];
            match c.mark {
                Mark::Mcid(mcid) if Some(c.page) == home => Object::Integer(mcid),
                Mark::Mcid(mcid) => Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"MCR".to_vec())),
                    ("Pg", page_of(c.page)),
                    ("MCID", Object::Integer(mcid)),
                ])),
                Mark::Annot(k) => {
                    let annot = annots
                        .get(c.page)
                        .and_then(|a| a.get(k))
                        .copied()
                        .map_or(Object::Null, Object::Reference);
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"OBJR".to_vec())),
                        ("Obj", annot),
                        ("Pg", page_of(c.page)),
                    ]))
                }
                Mark::Widget(k) => {
                    let widget = widgets
                        .ids
                        .get(c.page)
                        .and_then(|w| w.get(k))
                        .copied()
                        .map_or(Object::Null, Object::Reference);
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"OBJR".to_vec())),
                        ("Obj", widget),
                        ("Pg", page_of(c.page)),
                    ]))
                }
            }
        };
        let mut kids = Vec::new();
        let mut mine = own[n].iter().copied().peekable();
        for &child in &node.children {
            let (Some(at), Some(child_id)) = (first[child], ids[child]) else {
                continue;
            };
            while let Some(i) = mine.next_if(|&i| i < at) {
                kids.push(kid(i));
            }
            kids.push(Object::Reference(child_id));
        }
        kids.extend(mine.map(kid));
        dict.set("K", Object::Array(kids));
        match node.role {
            // A header cell heads its row (a timeline stage, a fact's label), unless it is in a
            // data table's header row, where it heads its column.
            Role::TH => dict.set(
                "A",
                Dictionary::from_iter([
                    ("O", Object::Name(b"Table".to_vec())),
                    ("Scope", Object::Name(scope(tree, node).to_vec())),
                ]),
            ),
            Role::Figure => dict.set("Alt", text_string(node.alt.as_deref().unwrap_or(""))),
            _ => {}
        }
        lo.objects.insert(id, Object::Dictionary(dict));
    }

    // The parent tree: page i's MCIDs under key i, then one key per annotation.
    let mut by_page: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for c in content {
        if let (Mark::Mcid(_), Some(list), Some(id)) = (
            c.mark,
            by_page.get_mut(c.page),
            ids.get(c.node).copied().flatten(),
        ) {
            list.push(Object::Reference(id));
        }
    }
    let mut nums = Vec::new();
    for (i, (list, &page)) in by_page.into_iter().zip(&pages).enumerate() {
        let key = i64::try_from(i).unwrap_or(i64::MAX);
        if let Ok(dict) = lo.get_object_mut(page).and_then(Object::as_dict_mut) {
            dict.set("StructParents", Object::Integer(key));
        }
        nums.push(Object::Integer(key));
        nums.push(Object::Array(list));
    }
    let mut next_key = i64::try_from(pages.len()).unwrap_or(i64::MAX);
    for (key, id) in annot_keys.into_iter().chain(widgets.keys) {
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(id));
        next_key = key + 1;
    }
    let parent_tree = lo.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    lo.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", Object::Reference(document)),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ])),
    );
    let catalog = lo.catalog_mut()?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    Ok(())
}

/// The `/Scope` of the header cell `node`: `Column` when its row is a `THead`'s, else `Row`.
fn scope(tree: &[Node], node: &Node) -> &'static [u8] {
    let group = node
        .parent
        .and_then(|row| tree.get(row))
        .and_then(|row| row.parent)
        .and_then(|group| tree.get(group));
    match group {
        Some(group) if group.role == Role::THead => b"Column",
        _ => b"Row",
    }
}

/// Fills `first[n]` with the earliest content (index into the record) in the subtree of `n`.
fn subtree_first(tree: &[Node], own: &[Vec<usize>], n: usize, first: &mut [Option<usize>]) {
    let mut earliest = own.get(n).and_then(|o| o.first().copied());
    for &child in tree.get(n).map_or(&[][..], |node| &node.children) {
        subtree_first(tree, own, child, first);
        earliest = match (earliest, first[child]) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    first[n] = earliest;
}

/// The elements with content in the subtree of `n`, in document order (`n` itself always, so the
/// tree has a root).
fn number(tree: &[Node], first: &[Option<usize>], n: usize, order: &mut Vec<usize>) {
    order.push(n);
    for &child in tree.get(n).map_or(&[][..], |node| &node.children) {
        if first[child].is_some() {
            number(tree, first, child, order);
        }
    }
}

/// The annotations' ids per page (in /Annots order), and the parent tree's entries for them: the key
/// of each annotation's /StructParent and its `Link` element.
type Annotations = (Vec<Vec<ObjectId>>, Vec<(i64, ObjectId)>);

/// Makes each page's link annotations indirect objects, each with its /StructParent (numbered after
/// the pages' keys, in painting order) and /Contents, and gives pages with annotations /Tabs /S.
fn annotations(
    lo: &mut lopdf::Document,
    layout: &Layout,
    pages: &[ObjectId],
    ids: &[Option<ObjectId>],
) -> Result<Annotations, PaintError> {
    let mut next_key = i64::try_from(pages.len()).unwrap_or(i64::MAX);
    let mut out = Vec::with_capacity(pages.len());
    let mut keys = Vec::new();
    for (&page_id, page) in pages.iter().zip(&layout.pages) {
        let annots = match lo.get_object_mut(page_id)?.as_dict_mut()?.remove(b"Annots") {
            Some(Object::Array(annots)) => annots,
            _ => Vec::new(),
        };
        // The layout's links of this page, in the order paint made their annotations.
        let links = page.items.iter().filter_map(|item| match item {
            Item::Link { tag, .. } => Some(tag.node()),
            _ => None,
        });
        let mut refs = Vec::with_capacity(annots.len());
        for (annot, node) in annots.into_iter().zip(links) {
            let Object::Dictionary(mut dict) = annot else {
                continue;
            };
            let uri = dict
                .get(b"A")
                .and_then(|a| a.as_dict())
                .and_then(|a| a.get(b"URI"))
                .and_then(|u| u.as_str())
                .map(|u| String::from_utf8_lossy(u).into_owned())
                .unwrap_or_default();
            let words = node
                .and_then(|n| layout.tree.get(n))
                .and_then(|n| n.alt.as_deref());
            dict.set("Contents", text_string(&contents(words, &uri)));
            if let Some(element) = node.and_then(|n| ids.get(n).copied().flatten()) {
                dict.set("StructParent", Object::Integer(next_key));
                keys.push((next_key, element));
                next_key += 1;
            }
            refs.push(lo.add_object(dict));
        }
        let dict = lo.get_object_mut(page_id)?.as_dict_mut()?;
        if !refs.is_empty() {
            dict.set("Tabs", Object::Name(b"S".to_vec()));
            dict.set(
                "Annots",
                Object::Array(refs.iter().copied().map(Object::Reference).collect()),
            );
        }
        out.push(refs);
    }
    Ok((out, keys))
}

/// A link annotation's /Contents: the link's words and, unless they are the address itself, the
/// address they lead to.
fn contents(words: Option<&str>, uri: &str) -> String {
    match words.map(str::trim) {
        Some(words) if !words.is_empty() && words != uri => format!("{words} ({uri})"),
        _ => uri.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::contents;

    #[test]
    fn contents_name_the_words_and_the_target() {
        assert_eq!(
            contents(Some("(555) 010-0142"), "tel:5550100142"),
            "(555) 010-0142 (tel:5550100142)"
        );
        assert_eq!(
            contents(Some("https://x.example/"), "https://x.example/"),
            "https://x.example/"
        );
        assert_eq!(contents(None, "https://x.example/"), "https://x.example/");
    }
}
