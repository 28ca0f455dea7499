//! Parses a rendered print template (the print-XML vocabulary of `docs/print-engine.md`) into a
//! [`Document`]: the first stage of the print engine.
//!
//! The XML comes from a template a clinic may edit, so every problem is reported in plain English with
//! its 1-based line and column, and all problems are collected (not just the first) so one rebuild shows
//! everything to fix. Text is whitespace-collapsed like HTML: runs of XML whitespace become one space,
//! trimmed at the start and end of each block and around `<br/>`.

use std::fmt;

use roxmltree::{Node, NodeType};

use super::block::{
    Align, Block, Document, Fact, Footer, Header, Inline, ListMark, Paper, ParagraphClass, Row,
    Span, Tone,
};

/// A problem in the print XML, located in the rendered template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintError {
    /// 1-based line; 0 when the problem has no location (e.g. it arose during layout).
    pub line: u32,
    /// 1-based column; 0 when `line` is 0.
    pub column: u32,
    /// What is wrong, in words a clinic's web editor can act on.
    pub message: String,
}

impl PrintError {
    /// An error without a location.
    pub fn unlocated(message: impl Into<String>) -> PrintError {
        PrintError {
            line: 0,
            column: 0,
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

/// Every element of the vocabulary, in the order the error message lists them.
const ELEMENTS: &[&str] = &[
    "header", "footer", "h1", "h2", "h3", "p", "ul", "ol", "li", "columns", "column", "table",
    "row", "th", "td", "box", "facts", "fact", "keep", "spacer", "b", "i", "a", "br",
];
/// Elements that may stand where a block is expected (the body, a column, a box, a keep).
const BLOCKS: &[&str] = &[
    "h1", "h2", "h3", "p", "ul", "ol", "columns", "table", "box", "facts", "keep", "spacer",
];
/// Elements allowed inside inline content.
const INLINES: &[&str] = &["b", "i", "a", "br"];
/// Largest `<spacer pt>`: more than two inches of blank paper is surely a typo.
const MAX_SPACER_PT: f32 = 144.0;

/// Parses rendered print XML into a [`Document`], or returns every problem found.
pub fn parse(xml: &str) -> Result<Document, Vec<PrintError>> {
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
                message: format!("the print template is not well-formed XML: {text}"),
            }]);
        }
    };
    let mut parser = Parser {
        tree: &tree,
        errors: Vec::new(),
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
}

/// Bold/italic/link state while walking inline content.
#[derive(Clone, Default)]
struct Style {
    bold: bool,
    italic: bool,
    link: Option<String>,
}

impl<'a, 'input: 'a> Parser<'a, 'input> {
    fn error_at(&mut self, offset: usize, message: String) {
        let pos = self.tree.text_pos_at(offset);
        self.errors.push(PrintError {
            line: pos.row,
            column: pos.col,
            message,
        });
    }

    fn error(&mut self, node: Node<'_, '_>, message: String) {
        self.error_at(node.range().start, message);
    }

    /// Reports attributes not in `allowed`.
    fn check_attributes(&mut self, node: Node<'_, '_>, allowed: &[&str]) {
        let name = node.tag_name().name();
        for attr in node.attributes() {
            if allowed.contains(&attr.name()) && attr.namespace().is_none() {
                continue;
            }
            let message = if allowed.is_empty() {
                format!(
                    "unknown attribute `{}`: <{name}> takes no attributes",
                    attr.name()
                )
            } else {
                format!(
                    "unknown attribute `{}` on <{name}>; <{name}> may have: {}",
                    attr.name(),
                    allowed.join(", ")
                )
            };
            self.error_at(attr.range().start, message);
        }
    }

    /// The collapsed value of a required attribute, or an error.
    fn required(&mut self, node: Node<'_, '_>, attr: &str) -> String {
        match node.attribute(attr) {
            Some(value) => collapse(value),
            None => {
                let name = node.tag_name().name();
                self.error(
                    node,
                    format!("missing required attribute `{attr}` on <{name}>"),
                );
                String::new()
            }
        }
    }

    /// The value paired with an attribute's text in `options`. When the attribute is absent that is
    /// `default`, or an error if `required`; an unlisted text is an error naming the allowed ones.
    fn choice<T: Copy>(
        &mut self,
        node: Node<'_, '_>,
        attr: &str,
        options: &[(&str, T)],
        default: T,
        required: bool,
    ) -> T {
        let name = node.tag_name().name();
        let Some(found) = node.attributes().find(|a| a.name() == attr) else {
            if required {
                self.error(
                    node,
                    format!("missing required attribute `{attr}` on <{name}>"),
                );
            }
            return default;
        };
        let value = found.value().trim();
        if let Some((_, v)) = options.iter().find(|(o, _)| *o == value) {
            return *v;
        }
        let names: Vec<&str> = options.iter().map(|(o, _)| *o).collect();
        let message = format!(
            "attribute `{attr}` on <{name}> must be {}, not `{value}`",
            or_list(&names)
        );
        self.error_at(found.range().start, message);
        default
    }

    fn handout(&mut self, root: Node<'_, '_>) -> Document {
        let name = root.tag_name().name();
        let mut doc = Document {
            paper: Paper::Letter,
            lang: String::new(),
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            created: String::new(),
            align: Align::Left,
            header: Header::default(),
            footer: Footer::default(),
            blocks: Vec::new(),
        };
        if name != "handout" {
            self.error(
                root,
                format!("the root element must be <handout>, not <{name}>"),
            );
            return doc;
        }
        self.check_attributes(
            root,
            &[
                "paper", "lang", "title", "author", "subject", "created", "align",
            ],
        );
        let papers = [("letter", Paper::Letter), ("a4", Paper::A4)];
        doc.paper = self.choice(root, "paper", &papers, Paper::Letter, false);
        doc.lang = self.required(root, "lang");
        doc.title = self.required(root, "title");
        doc.author = root.attribute("author").map(collapse).unwrap_or_default();
        doc.subject = root.attribute("subject").map(collapse).unwrap_or_default();
        doc.created = self.required(root, "created");
        if !doc.created.is_empty() && !is_iso_date(&doc.created) {
            let value = doc.created.clone();
            let offset = attr_offset(root, "created");
            self.error_at(
                offset,
                format!("attribute `created` on <handout> must be a date like 2026-03-01, not `{value}`"),
            );
        }
        let aligns = [("left", Align::Left), ("justify", Align::Justify)];
        doc.align = self.choice(root, "align", &aligns, Align::Left, false);

        let (mut header, mut footer) = (None, None);
        for child in root.children() {
            match child.tag_name().name() {
                "header" if child.is_element() => {
                    self.check_attributes(child, &["name", "phone", "tel"]);
                    self.no_children(child);
                    let value = Header {
                        name: self.required(child, "name"),
                        phone: self.required(child, "phone"),
                        tel: self.required(child, "tel"),
                    };
                    if header.replace(value).is_some() {
                        self.error(child, "only one <header> is allowed in <handout>".into());
                    }
                }
                "footer" if child.is_element() => {
                    self.check_attributes(child, &["reviewed", "url", "phone", "tel"]);
                    self.no_children(child);
                    let value = Footer {
                        reviewed: self.required(child, "reviewed"),
                        url: self.required(child, "url"),
                        phone: self.required(child, "phone"),
                        tel: self.required(child, "tel"),
                    };
                    if footer.replace(value).is_some() {
                        self.error(child, "only one <footer> is allowed in <handout>".into());
                    }
                }
                _ => {}
            }
        }
        if header.is_none() {
            self.error(
                root,
                "<handout> is missing its <header name=\"…\" phone=\"…\" tel=\"…\"/>".into(),
            );
        }
        if footer.is_none() {
            self.error(
                root,
                "<handout> is missing its <footer reviewed=\"…\" url=\"…\" phone=\"…\" tel=\"…\"/>"
                    .into(),
            );
        }
        doc.header = header.unwrap_or_default();
        doc.footer = footer.unwrap_or_default();
        doc.blocks = self.blocks(root, &["header", "footer"]);
        doc
    }

    /// Reports any element or text inside an element that must be empty.
    fn no_children(&mut self, node: Node<'_, '_>) {
        let name = node.tag_name().name();
        for child in node.children() {
            if child.is_element() || is_text(child) {
                self.error(
                    child,
                    format!("<{name}> must be empty; write its content in attributes"),
                );
            }
        }
    }

    /// Parses the block children of a container (`<handout>`, `<column>`, `<box>`, `<keep>`),
    /// skipping the names in `skip` (handled by the caller).
    fn blocks(&mut self, parent: Node<'_, '_>, skip: &[&str]) -> Vec<Block> {
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
                ];
                let class = self.choice(node, "class", &classes, ParagraphClass::Body, false);
                Block::Paragraph {
                    class,
                    inlines: self.inlines(node),
                }
            }
            "ul" | "ol" => {
                let mark = if name == "ul" {
                    self.check_attributes(node, &["mark"]);
                    let marks = [
                        ("bullet", ListMark::Bullet),
                        ("check", ListMark::Check),
                        ("cross", ListMark::Cross),
                    ];
                    self.choice(node, "mark", &marks, ListMark::Bullet, false)
                } else {
                    self.check_attributes(node, &[]);
                    ListMark::Number
                };
                let items = self
                    .children_named(node, "li")
                    .into_iter()
                    .map(|li| {
                        self.check_attributes(li, &[]);
                        self.inlines(li)
                    })
                    .collect();
                Block::List { mark, items }
            }
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
            "table" => {
                self.check_attributes(node, &[]);
                let rows = self
                    .children_named(node, "row")
                    .into_iter()
                    .map(|row| self.row(row))
                    .collect();
                Block::Table(rows)
            }
            "box" => {
                self.check_attributes(node, &["tone"]);
                let tones = [("alert", Tone::Alert), ("info", Tone::Info)];
                let tone = self.choice(node, "tone", &tones, Tone::Info, true);
                Block::Box {
                    tone,
                    blocks: self.blocks(node, &[]),
                }
            }
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
            _ => {
                // "spacer", the last of BLOCKS.
                self.check_attributes(node, &["pt"]);
                self.no_children(node);
                Block::Spacer(self.spacer_points(node))
            }
        };
        Some(block)
    }

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

    /// The element children of `node`, which must all be `<name>`; anything else is reported.
    fn children_named<'n, 'i>(&mut self, node: Node<'n, 'i>, name: &str) -> Vec<Node<'n, 'i>> {
        let mut out = Vec::new();
        for child in node.children() {
            if is_text(child) {
                self.stray_text(child, node, &format!("<{name}>"));
            } else if child.is_element() {
                if child.tag_name().name() == name {
                    out.push(child);
                } else {
                    self.misplaced(child, node, &[name]);
                }
            }
        }
        out
    }

    /// Reports an element that is unknown, or known but in the wrong place.
    fn misplaced(&mut self, node: Node<'_, '_>, parent: Node<'_, '_>, allowed: &[&str]) {
        let name = node.tag_name().name();
        let parent_name = parent.tag_name().name();
        let message = if !ELEMENTS.contains(&name) {
            format!(
                "unknown element <{name}>; the print template may use: {}",
                ELEMENTS.join(", ")
            )
        } else {
            format!(
                "<{name}> is not allowed inside <{parent_name}>; <{parent_name}> may contain: {}",
                allowed.join(", ")
            )
        };
        self.error(node, message);
    }

    fn stray_text(&mut self, text: Node<'_, '_>, parent: Node<'_, '_>, wrap_in: &str) {
        let parent_name = parent.tag_name().name();
        let raw = text.text().unwrap_or_default();
        let snippet: String = collapse(raw).chars().take(30).collect();
        // Point at the first visible character, not at the newline that starts the text node.
        let lead = raw.len() - raw.trim_start_matches(is_xml_space).len();
        self.error_at(
            text.range().start + lead,
            format!("text “{snippet}” is not allowed directly inside <{parent_name}>; put it in {wrap_in}"),
        );
    }

    /// The collapsed inline content of a text-bearing element (`<p>`, `<li>`, `<th>`, …).
    fn inlines(&mut self, node: Node<'_, '_>) -> Vec<Inline> {
        let mut builder = InlineBuilder::default();
        self.walk_inlines(node, &Style::default(), &mut builder);
        builder.finish()
    }

    fn walk_inlines(&mut self, node: Node<'_, '_>, style: &Style, out: &mut InlineBuilder) {
        for child in node.children() {
            match child.node_type() {
                NodeType::Text => out.text(child.text().unwrap_or_default(), style),
                NodeType::Element => {
                    let name = child.tag_name().name();
                    if !INLINES.contains(&name) {
                        self.misplaced(child, node, INLINES);
                        continue;
                    }
                    let mut inner = style.clone();
                    match name {
                        "b" => {
                            self.check_attributes(child, &[]);
                            inner.bold = true;
                        }
                        "i" => {
                            self.check_attributes(child, &[]);
                            inner.italic = true;
                        }
                        "a" => {
                            self.check_attributes(child, &["href"]);
                            let href = self.required(child, "href");
                            if child.attribute("href").is_some() && href.is_empty() {
                                let offset = attr_offset(child, "href");
                                self.error_at(
                                    offset,
                                    "attribute `href` on <a> must not be empty".into(),
                                );
                            }
                            inner.link = Some(href);
                        }
                        _ => {
                            // "br"
                            self.check_attributes(child, &[]);
                            self.no_children(child);
                            out.line_break();
                            continue;
                        }
                    }
                    self.walk_inlines(child, &inner, out);
                }
                _ => {} // comments and processing instructions are not content
            }
        }
    }
}

/// Accumulates inline spans, collapsing whitespace across element boundaries like HTML.
#[derive(Default)]
struct InlineBuilder {
    out: Vec<Inline>,
    /// Whether the last thing emitted was a space, a break, or nothing yet: a following
    /// whitespace run is then dropped (this trims block starts and the text after `<br/>`).
    after_space: bool,
    started: bool,
}

impl InlineBuilder {
    fn text(&mut self, raw: &str, style: &Style) {
        let mut text = String::with_capacity(raw.len());
        for c in raw.chars() {
            if is_xml_space(c) {
                if !self.after_space && self.started {
                    text.push(' ');
                }
                self.after_space = true;
            } else {
                text.push(c);
                self.after_space = false;
                self.started = true;
            }
        }
        if text.is_empty() {
            return;
        }
        // Merge with the previous span when the style is the same, so layout sees fewer runs.
        if let Some(Inline::Text(last)) = self.out.last_mut() {
            if last.bold == style.bold && last.italic == style.italic && last.link == style.link {
                last.text.push_str(&text);
                return;
            }
        }
        self.out.push(Inline::Text(Span {
            text,
            bold: style.bold,
            italic: style.italic,
            link: style.link.clone(),
        }));
    }

    fn line_break(&mut self) {
        self.trim_end();
        self.out.push(Inline::Break);
        self.after_space = true;
        self.started = true;
    }

    /// Drops a trailing space (before a break or at the end of the block).
    fn trim_end(&mut self) {
        if let Some(Inline::Text(last)) = self.out.last_mut() {
            if last.text.ends_with(' ') {
                last.text.pop();
                if last.text.is_empty() {
                    self.out.pop();
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        self.trim_end();
        self.out
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

/// A text node with something other than whitespace in it.
fn is_text(node: Node<'_, '_>) -> bool {
    node.is_text() && !node.text().unwrap_or_default().chars().all(is_xml_space)
}

/// Where an attribute starts, or its element when the attribute is absent.
fn attr_offset(node: Node<'_, '_>, name: &str) -> usize {
    node.attributes()
        .find(|a| a.name() == name)
        .map_or(node.range().start, |a| a.range().start)
}

/// "a", "a or b", "a, b or c".
fn or_list(options: &[&str]) -> String {
    match options.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (m, d) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

#[cfg(test)]
mod tests;
