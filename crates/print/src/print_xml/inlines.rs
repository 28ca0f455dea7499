//! Inline content (`<b>`, `<i>`, `<a>`, `<br/>`, `<blank/>` and text) → [`Inline`] spans, with
//! whitespace collapsed across element boundaries the way HTML does it.

use roxmltree::{Node, NodeType};

use super::super::block::{Blank, Inline, Span};
use super::{is_xml_space, Parser};

/// Elements allowed inside inline content.
const INLINES: &[&str] = &["b", "i", "a", "br"];

/// Bold/italic/link state while walking inline content.
#[derive(Clone, Default)]
struct Style {
    bold: bool,
    italic: bool,
    link: Option<String>,
}

impl Parser<'_, '_> {
    /// The collapsed inline content of a text-bearing element (`<p>`, `<li>`, `<th>`, …).
    pub(super) fn inlines(&mut self, node: Node<'_, '_>) -> Vec<Inline> {
        self.inlines_before(node, None)
    }

    /// The collapsed inline content of `node`'s children before its child `end` (all of them when
    /// `None`): an `<li>`'s words, which its nested list follows.
    pub(super) fn inlines_before(
        &mut self,
        node: Node<'_, '_>,
        end: Option<Node<'_, '_>>,
    ) -> Vec<Inline> {
        let mut builder = InlineBuilder::default();
        self.walk_inlines(node, end, &Style::default(), &mut builder);
        builder.finish()
    }

    /// Adds the content of `node` before `end` to `out` in `style`, descending into `<b>`, `<i>`
    /// and `<a>`.
    fn walk_inlines(
        &mut self,
        node: Node<'_, '_>,
        end: Option<Node<'_, '_>>,
        style: &Style,
        out: &mut InlineBuilder,
    ) {
        for child in node.children().take_while(|c| Some(*c) != end) {
            match child.node_type() {
                NodeType::Text => out.text(child.text().unwrap_or_default(), style),
                NodeType::Element => {
                    let name = child.tag_name().name();
                    if name == "blank" {
                        if let Some(blank) = self.blank(child) {
                            out.blank(blank);
                        }
                        continue;
                    }
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
                            inner.link = Some(self.required_text(child, "href", ""));
                        }
                        _ => {
                            // "br"
                            self.check_attributes(child, &[]);
                            self.no_children(child);
                            out.line_break();
                            continue;
                        }
                    }
                    self.walk_inlines(child, None, &inner, out);
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

    /// A write-in blank: like a word, it keeps the spaces around it.
    fn blank(&mut self, blank: Blank) {
        self.out.push(Inline::Blank(blank));
        self.after_space = false;
        self.started = true;
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
