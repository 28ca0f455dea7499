//! Parses a rendered print template (the print-XML vocabulary of `docs/print-engine.md`) into a
//! [`Document`]: the first stage of the print engine.
//!
//! The XML comes from a template a clinic may edit, so every problem is reported in plain English with
//! its 1-based line and column, and all problems are collected (not just the first) so one rebuild shows
//! everything to fix. Text is whitespace-collapsed like HTML: runs of XML whitespace become one space,
//! trimmed at the start and end of each block and around `<br/>`.
//!
//! [`parse`] checks well-formedness, then one `Parser` walks the tree from the root down; each level
//! of the vocabulary is a file: `handout` (the root element, its header and footer), `blocks`,
//! `inlines`, `fields` (write-in blanks), `blank` (inline ones), `table` (the data-table form of `<table>`), with the checks they share in `attributes` (unknown, missing and invalid attributes)
//! and `content` (misplaced elements and stray text).

mod attributes;
mod blank;
mod blocks;
mod callout;
mod content;
mod fields;
mod handout;
mod inlines;
mod lists;
mod table;

use std::fmt;

use roxmltree::Node;

use super::block::Document;

/// A problem in the print XML, located in the rendered template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintError {
    /// 1-based line; 0 when the problem has no location (e.g. it arose during layout).
    pub line: u32,
    /// 1-based column; 0 when `line` is 0.
    pub column: u32,
    /// The element the problem is about (`p`, `header` …; for stray text, the element it stands in),
    /// so a caller can find it in the template before rendering; `None` when no element is to blame
    /// (malformed XML, a character no font has).
    pub element: Option<String>,
    /// What is wrong, in words a clinic's web editor can act on.
    pub message: String,
}

impl PrintError {
    /// An error without a location.
    pub(crate) fn unlocated(message: impl Into<String>) -> PrintError {
        PrintError {
            line: 0,
            column: 0,
            element: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for PrintError {}

/// Parses rendered print XML into a [`Document`], or returns every problem found.
pub(crate) fn parse(xml: &str) -> Result<Document, Vec<PrintError>> {
    let tree = match roxmltree::Document::parse(xml) {
        Ok(tree) => tree,
        Err(e) => {
            let pos = e.pos();
            // roxmltree's message ends with " at row:col", which the location already says.
            let text = e.to_string();
            let suffix = format!(" at {pos}");
            let text = text.strip_suffix(&suffix).unwrap_or(&text);
            return Err(vec![PrintError {
                line: pos.row,
                column: pos.col,
                element: None,
                message: format!("the print template is not well-formed XML: {text}"),
            }]);
        }
    };
    let mut parser = Parser {
        tree: &tree,
        errors: Vec::new(),
        field_names: Vec::new(),
    };
    let document = parser.handout(tree.root_element());
    let mut errors = parser.errors;
    if errors.is_empty() {
        Ok(document)
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err(errors)
    }
}

/// Walks the tree, building the model and collecting errors.
struct Parser<'a, 'input> {
    tree: &'a roxmltree::Document<'input>,
    errors: Vec<PrintError>,
    /// The `<field name>`s and `<blank name>`s seen so far, with the element that used each: a
    /// PDF form needs each name once.
    field_names: Vec<(String, String)>,
}

impl Parser<'_, '_> {
    /// Records `message` about `<element>` at byte `offset` of the XML, which roxmltree turns into a
    /// 1-based line and column.
    fn error_at(&mut self, offset: usize, element: &str, message: String) {
        let pos = self.tree.text_pos_at(offset);
        self.errors.push(PrintError {
            line: pos.row,
            column: pos.col,
            element: Some(element.to_string()),
            message,
        });
    }

    /// Records `message` about the element `node`, at its start.
    fn error(&mut self, node: Node<'_, '_>, message: String) {
        self.error_at(node.range().start, node.tag_name().name(), message);
    }
}

/// XML's whitespace characters (not NBSP, which must stay unbreakable).
fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Collapses runs of XML whitespace to one space and trims the ends (for attribute values).
fn collapse(value: &str) -> String {
    value
        .split(is_xml_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
