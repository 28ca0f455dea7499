//! Block elements (`<p>`, headings, lists, tables, boxes, facts, columns, keeps, spacers, figures) → [`Block`]s,
//! each checked for its attributes and allowed children; inline content is left to `inlines`.

use roxmltree::Node;

use super::super::block::{Block, Fact, ParagraphClass, Row};
use super::attributes::attr_offset;
use super::content::is_text;
use super::{collapse, Parser};

/// Elements that may stand where a block is expected (the body, a column, a box, a keep).
const BLOCKS: &[&str] = &[
    "h1", "h2", "h3", "p", "ul", "ol", "columns", "table", "box", "facts", "keep", "spacer",
    "figure", "fields",
];
/// The attribute any block element may have: `hyphenate="no"` keeps every word inside whole.
pub(super) const HYPHENATE: &str = "hyphenate";
/// Largest `<spacer pt>`: more than two inches of blank paper is surely a typo.
const MAX_SPACER_PT: f32 = 144.0;

/// Whether `name`, an element's name, is a block element, which may have [`HYPHENATE`].
pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

impl Parser<'_, '_> {
    /// Parses the block children of a container (`<handout>`, `<column>`, `<box>`, `<keep>`),
    /// skipping the names in `skip` (handled by the caller).
    pub(super) fn blocks(&mut self, parent: Node<'_, '_>, skip: &[&str]) -> Vec<Block> {
        let mut out = Vec::new();
        for child in parent.children() {
            if is_text(child) {
                self.stray_text(child, parent, "a block element such as <p>");
            } else if child.is_element() {
                let name = child.tag_name().name();
                if skip.contains(&name) {
                    continue;
                }
                if let Some(block) = self.block(child, parent) {
                    out.push(block);
                }
            }
        }
        out
    }

    /// One block element of `parent`, or `None` (with an error) if it may not stand there.
    fn block(&mut self, node: Node<'_, '_>, parent: Node<'_, '_>) -> Option<Block> {
        let name = node.tag_name().name();
        if !BLOCKS.contains(&name) {
            self.misplaced(node, parent, BLOCKS);
            return None;
        }
        let block = match name {
            "h1" | "h2" | "h3" => {
                self.check_attributes(node, &["bookmark"]);
                let bookmark = node.attribute("bookmark").map(collapse);
                if bookmark.as_deref() == Some("") {
                    let offset = attr_offset(node, "bookmark");
                    self.error_at(
                        offset,
                        name,
                        format!("attribute `bookmark` on <{name}> must not be empty"),
                    );
                }
                Block::Heading {
                    level: if name == "h1" {
                        1
                    } else if name == "h2" {
                        2
                    } else {
                        3
                    },
                    inlines: self.inlines(node),
                    bookmark,
                }
            }
            "p" => {
                self.check_attributes(node, &["class"]);
                let classes = [
                    ("body", ParagraphClass::Body),
                    ("lead", ParagraphClass::Lead),
                    ("phone", ParagraphClass::Phone),
                    ("emergency", ParagraphClass::Emergency),
                ];
                let class = self.choice(node, "class", &classes, ParagraphClass::Body, false);
                Block::Paragraph {
                    class,
                    inlines: self.inlines(node),
                }
            }
            "ul" | "ol" => self.list(node),
            "columns" => {
                self.check_attributes(node, &[]);
                let columns = self
                    .children_named(node, "column")
                    .into_iter()
                    .map(|column| {
                        self.check_attributes(column, &[]);
                        self.blocks(column, &[])
                    })
                    .collect();
                Block::Columns(columns)
            }
            "table" if super::table::is_data_table(node) => Block::DataTable(self.data_table(node)),
            "table" => {
                self.check_attributes(node, &[]);
                let rows = self
                    .children_named(node, "row")
                    .into_iter()
                    .map(|row| self.row(row))
                    .collect();
                Block::Table(rows)
            }
            "box" => self.callout(node),
            "facts" => {
                self.check_attributes(node, &[]);
                let facts = self
                    .children_named(node, "fact")
                    .into_iter()
                    .map(|fact| {
                        self.check_attributes(fact, &["label"]);
                        Fact {
                            label: self.required(fact, "label"),
                            value: self.inlines(fact),
                        }
                    })
                    .collect();
                Block::Facts(facts)
            }
            "keep" => {
                self.check_attributes(node, &[]);
                Block::Keep(self.blocks(node, &[]))
            }
            "fields" => {
                self.check_attributes(node, &[]);
                Block::Fields(self.fields(node))
            }
            "figure" => {
                self.check_attributes(node, &["src", "alt"]);
                Block::Figure {
                    src: self.required(node, "src"),
                    alt: self.required(node, "alt"),
                    caption: self.inlines(node),
                }
            }
            _ => {
                // "spacer".
                self.check_attributes(node, &["pt"]);
                self.no_children(node);
                Block::Spacer(self.spacer_points(node))
            }
        };
        // "yes" is the default: it cannot switch hyphenation back on inside a "no" block.
        let options = [("yes", true), ("no", false)];
        if self.choice(node, HYPHENATE, &options, true, false) {
            Some(block)
        } else {
            Some(Block::Unhyphenated(Box::new(block)))
        }
    }

    /// The height of a `<spacer>`, in points; 0 (with an error) when missing or out of range.
    fn spacer_points(&mut self, node: Node<'_, '_>) -> f32 {
        let Some(raw) = node.attribute("pt") else {
            self.error(node, "missing required attribute `pt` on <spacer>".into());
            return 0.0;
        };
        match raw.trim().parse::<f32>() {
            Ok(pt) if (0.0..=MAX_SPACER_PT).contains(&pt) => pt,
            _ => {
                let offset = attr_offset(node, "pt");
                self.error_at(
                    offset,
                    "spacer",
                    format!("attribute `pt` on <spacer> must be a number of points from 0 to {MAX_SPACER_PT}, not `{raw}`"),
                );
                0.0
            }
        }
    }

    /// A `<row>`: exactly one `<th>` followed by one `<td>`.
    fn row(&mut self, row: Node<'_, '_>) -> Row {
        self.check_attributes(row, &[]);
        let mut cells = Vec::new();
        for child in row.children() {
            if is_text(child) {
                self.stray_text(child, row, "<th> or <td>");
            } else if child.is_element() {
                let name = child.tag_name().name();
                if name == "th" || name == "td" {
                    self.check_attributes(child, &[]);
                    cells.push((name, child));
                } else {
                    self.misplaced(child, row, &["th", "td"]);
                }
            }
        }
        let mut out = Row {
            head: Vec::new(),
            cell: Vec::new(),
        };
        match cells.as_slice() {
            [("th", head), ("td", cell)] => {
                out.head = self.inlines(*head);
                out.cell = self.inlines(*cell);
            }
            _ => self.error(
                row,
                "<row> must contain one <th> followed by one <td>".into(),
            ),
        }
        out
    }
}
