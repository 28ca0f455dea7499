//! Marked content: consecutive items of one structure element become one `BDC … EMC` sequence with
//! the next marked-content id (MCID) of the page, artifacts an `/Artifact` sequence, and every piece
//! of tagged content, every link annotation and every form field is recorded, in painting order, for `structure`.

use std::collections::BTreeMap;

use printpdf::{DictItem, Op};

use super::super::frame::{Artifact, Node, Tag};

/// A piece of tagged content: a marked-content sequence or a link annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// The sequence with this MCID on its page.
    Mcid(i64),
    /// The page's link annotation with this index in its /Annots.
    Annot(usize),
    /// The page's form field (widget annotation) with this index among its fields.
    Widget(usize),
}

/// Where a piece of content is and which element it belongs to.
#[derive(Clone, Copy, Debug)]
pub(super) struct Content {
    /// The structure element (index into the layout's tree).
    pub(super) node: usize,
    /// 0-based page index.
    pub(super) page: usize,
    /// What it is on that page.
    pub(super) mark: Mark,
}

/// One page's marking, appending to the document's record.
pub(super) struct PageMarks<'a> {
    tree: &'a [Node],
    /// Every piece of tagged content of the document so far, in painting order.
    content: &'a mut Vec<Content>,
    page: usize,
    /// The sequence the painted operators are in now.
    open: Option<Tag>,
    next_mcid: i64,
    annots: usize,
    widgets: usize,
}

impl<'a> PageMarks<'a> {
    /// Marking for page `page` of a layout with structure `tree`.
    pub(super) fn new(
        tree: &'a [Node],
        content: &'a mut Vec<Content>,
        page: usize,
    ) -> PageMarks<'a> {
        PageMarks {
            tree,
            content,
            page,
            open: None,
            next_mcid: 0,
            annots: 0,
            widgets: 0,
        }
    }

    /// Makes what is painted next part of `tag`: a new sequence unless it is the open one.
    pub(super) fn enter(&mut self, tag: Tag, ops: &mut Vec<Op>) {
        if self.open == Some(tag) {
            return;
        }
        self.close(ops);
        let (name, properties) = match tag {
            Tag::Node(node) => {
                let mcid = self.next_mcid;
                self.next_mcid += 1;
                self.content.push(Content {
                    node,
                    page: self.page,
                    mark: Mark::Mcid(mcid),
                });
                let role = self.tree.get(node).map_or("Span", |n| n.role.name());
                (role, BTreeMap::from([("MCID".into(), DictItem::Int(mcid))]))
            }
            Tag::Artifact(kind) => ("Artifact", artifact(kind)),
        };
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: name.into(),
            properties: DictItem::Dict { map: properties },
        });
        self.open = Some(tag);
    }

    /// Ends the open sequence, if any.
    pub(super) fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    /// Records the page's next link annotation as content of `tag`'s element.
    pub(super) fn annotation(&mut self, tag: Tag) {
        if let Tag::Node(node) = tag {
            self.content.push(Content {
                node,
                page: self.page,
                mark: Mark::Annot(self.annots),
            });
        }
        self.annots += 1;
    }

    /// Records the page's next form field as the content of `tag`'s `Form` element.
    pub(super) fn widget(&mut self, tag: Tag) {
        if let Tag::Node(node) = tag {
            self.content.push(Content {
                node,
                page: self.page,
                mark: Mark::Widget(self.widgets),
            });
        }
        self.widgets += 1;
    }
}

/// The property list of an artifact: pagination artifacts say which band they are, if any.
fn artifact(kind: Artifact) -> BTreeMap<String, DictItem> {
    let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
    match kind {
        Artifact::Header => BTreeMap::from([
            ("Type".into(), name("Pagination")),
            ("Subtype".into(), name("Header")),
        ]),
        Artifact::Footer => BTreeMap::from([
            ("Type".into(), name("Pagination")),
            ("Subtype".into(), name("Footer")),
        ]),
        Artifact::Layout => BTreeMap::from([("Type".into(), name("Layout"))]),
        Artifact::Pagination => BTreeMap::from([("Type".into(), name("Pagination"))]),
    }
}
