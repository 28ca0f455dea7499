//! A Markdown body → the prose a patient reads: paragraphs and list items (never headings), each
//! as plain text with a map back to byte offsets in the file, grouped under their `##` headings.
//!
//! The plain-language checks measure this text and point their warnings through the map, so a
//! sentence behind `**bold**`, a link or an escaped character is still found at its true column.

use crate::markdown::Parsed;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use std::ops::Range;

/// What kind of block a unit of prose is; list items have a length limit of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A paragraph (also an FAQ answer).
    Paragraph,
    /// One item of a list, all its paragraphs together.
    ListItem,
}

/// One paragraph or list item as plain text, with where each piece of it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Paragraph or list item.
    pub kind: UnitKind,
    /// The text a reader sees: Markdown marks removed, line breaks as spaces.
    pub text: String,
    /// Pieces of `text` in order, each with its place in the file.
    pieces: Vec<Piece>,
    /// Byte ranges of `text` that are the text of a link: a link names a page or a program as
    /// it is called, so its words are not checked for jargon.
    links: Vec<Range<usize>>,
}

/// A run of `text` that came from one Markdown text event.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    /// Byte offset in the unit's text.
    at: usize,
    /// Its length in the unit's text.
    len: usize,
    /// Byte offset in the file where its source starts.
    source: usize,
    /// Whether the source is the text byte for byte; an escape (`\*`) or an entity (`&amp;`)
    /// is not, and then every offset inside the piece maps to the start of its source.
    exact: bool,
}

impl Unit {
    fn new(kind: UnitKind) -> Unit {
        Unit {
            kind,
            text: String::new(),
            pieces: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Whether byte `at` of the unit's text is inside the text of a link.
    pub(crate) fn in_link(&self, at: usize) -> bool {
        self.links.iter().any(|r| r.contains(&at))
    }

    /// Appends text whose source is `range` of `body` (file offset `base`).
    fn push(&mut self, text: &str, body: &str, range: Range<usize>, base: usize) {
        self.pieces.push(Piece {
            at: self.text.len(),
            len: text.len(),
            source: base + range.start,
            exact: body.get(range) == Some(text),
        });
        self.text.push_str(text);
    }

    /// Appends text that has no source of its own (a space for a line break).
    fn push_gap(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// The file offset of byte `at` of the unit's text.
    pub(crate) fn source_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.at <= at);
        let Some(piece) = i.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return self.pieces.first().map_or(0, |p| p.source);
        };
        if piece.exact {
            piece.source + (at - piece.at).min(piece.len)
        } else {
            piece.source
        }
    }
}

/// The prose under one `##` heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    /// The heading's text, as written.
    pub heading: String,
    /// File offset of the heading's line.
    pub heading_offset: usize,
    /// Its paragraphs and list items, in order.
    pub units: Vec<Unit>,
}

/// The prose of a parsed body (found at byte `base` of its file), cut at its `##` headings. Text
/// before the first heading is left out: it is an error of its own and never shown.
pub(crate) fn parts(parsed: &Parsed<'_>, base: usize) -> Vec<Part> {
    let body = parsed.text();
    let mut parts: Vec<Part> = Vec::new();
    // Units being read: a paragraph, or a list item (and, in a mistaken nested list, its items).
    let mut open: Vec<Unit> = Vec::new();
    // The `##` heading being read, with its offset; other headings' text is skipped.
    let mut heading: Option<(usize, String)> = None;
    let mut in_heading = false;
    // Depth inside things whose text is not prose: code blocks, images, raw HTML blocks.
    let mut skip = 0usize;
    // Where the text of the link being read starts in the open unit's text.
    let mut link: Option<usize> = None;
    let finish = |unit: Unit, parts: &mut Vec<Part>| {
        if let (Some(part), false) = (parts.last_mut(), unit.text.trim().is_empty()) {
            part.units.push(unit);
        }
    };
    for (event, range) in parsed.events() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1)
            }
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = true;
                if *level == HeadingLevel::H2 {
                    heading = Some((base + range.start, String::new()));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                if let Some((heading_offset, text)) = heading.take() {
                    parts.push(Part {
                        heading: text.trim().to_string(),
                        heading_offset,
                        units: Vec::new(),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if in_heading => {
                if let Some((_, text)) = &mut heading {
                    text.push_str(t);
                }
            }
            _ if in_heading => {}
            Event::Start(Tag::Link { .. }) => link = open.last().map(|u| u.text.len()),
            Event::End(TagEnd::Link) => {
                if let (Some(start), Some(unit)) = (link.take(), open.last_mut()) {
                    let end = unit.text.len();
                    unit.links.push(start..end);
                }
            }
            Event::Start(Tag::Item) => open.push(Unit::new(UnitKind::ListItem)),
            // A table cell is measured as prose, a paragraph of its own.
            Event::Start(Tag::TableCell) => open.push(Unit::new(UnitKind::Paragraph)),
            Event::End(TagEnd::TableCell) => {
                if let Some(unit) = open.pop() {
                    finish(unit, &mut parts);
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(unit) = open.pop() {
                    finish(unit, &mut parts);
                }
            }
            Event::Start(Tag::Paragraph) => match open.last_mut() {
                // A second paragraph of a list item: a blank line, which also ends a sentence.
                Some(item) if !item.text.is_empty() => item.push_gap("\n\n"),
                Some(_) => {}
                None => open.push(Unit::new(UnitKind::Paragraph)),
            },
            Event::End(TagEnd::Paragraph)
                if open.last().is_some_and(|u| u.kind == UnitKind::Paragraph) =>
            {
                if let Some(unit) = open.pop() {
                    finish(unit, &mut parts);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(unit) = open.last_mut() {
                    unit.push(t, body, range.clone(), base);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(unit) = open.last_mut() {
                    unit.push_gap(" ");
                }
            }
            _ => {}
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(part: &Part) -> Vec<(&str, UnitKind)> {
        part.units
            .iter()
            .map(|u| (u.text.as_str(), u.kind))
            .collect()
    }

    #[test]
    fn paragraphs_and_items_under_their_headings_without_heading_text() {
        let body = "Stray text.\n\n## What it is\n\nA **gentle** peel,\nfor [dull](https://x.example) skin.\n\n## FAQ\n\n### Does it hurt?\n\nA little.\n\n## Do\n\n- Rest.\n- Drink `water`.\n";
        let parts = parts(&Parsed::new(body), 0);
        assert_eq!(
            parts.iter().map(|p| p.heading.as_str()).collect::<Vec<_>>(),
            ["What it is", "FAQ", "Do"]
        );
        assert_eq!(
            texts(&parts[0]),
            [("A gentle peel, for dull skin.", UnitKind::Paragraph)]
        );
        assert_eq!(texts(&parts[1]), [("A little.", UnitKind::Paragraph)]);
        assert_eq!(
            texts(&parts[2]),
            [
                ("Rest.", UnitKind::ListItem),
                ("Drink water.", UnitKind::ListItem)
            ]
        );
        assert_eq!(parts[1].heading_offset, body.find("## FAQ").unwrap());
    }

    #[test]
    fn offsets_map_back_through_markup_escapes_and_the_body_start() {
        let body = "## Do\n\n- **A fever** of 100.4 \\* or *more* &amp; up.\n- Loose item.\n\n  Second paragraph.\n";
        let base = 40;
        let parts = parts(&Parsed::new(body), base);
        let unit = &parts[0].units[0];
        assert_eq!(unit.text, "A fever of 100.4 * or more & up.");
        // "A" sits after `- **`; "of" after `** `; "more" after `*`.
        assert_eq!(unit.source_offset(0), base + body.find("A fever").unwrap());
        let of = unit.text.find("of").unwrap();
        assert_eq!(unit.source_offset(of), base + body.find("of 100").unwrap());
        let more = unit.text.find("more").unwrap();
        assert_eq!(unit.source_offset(more), base + body.find("more").unwrap());
        // An escaped star is found after its backslash; an entity maps to its `&`, and the
        // text after it is back in step.
        let star = unit.text.find('*').unwrap();
        assert_eq!(
            unit.source_offset(star),
            base + body.find('\\').unwrap() + 1
        );
        let amp = unit.text.find('&').unwrap();
        assert_eq!(unit.source_offset(amp), base + body.find("&amp;").unwrap());
        let up = unit.text.find("up").unwrap();
        assert_eq!(unit.source_offset(up), base + body.find("up.").unwrap());
        let loose = &parts[0].units[1];
        assert_eq!(loose.text, "Loose item.\n\nSecond paragraph.");
        let second = loose.text.find("Second").unwrap();
        assert_eq!(
            loose.source_offset(second),
            base + body.find("Second").unwrap()
        );
    }

    #[test]
    fn table_cells_callouts_and_nested_items_are_prose() {
        let body = "## Sessions\n\n| Concern | Sessions |\n|---|--:|\n| Fine lines | Three or four. |\n\n> [!IMPORTANT]\n> Call us first.\n\n1. Rest.\n   - Sleep well.\n";
        let parts = parts(&Parsed::new(body), 0);
        assert_eq!(
            texts(&parts[0]),
            [
                ("Concern", UnitKind::Paragraph),
                ("Sessions", UnitKind::Paragraph),
                ("Fine lines", UnitKind::Paragraph),
                ("Three or four.", UnitKind::Paragraph),
                ("Call us first.", UnitKind::Paragraph),
                ("Sleep well.", UnitKind::ListItem),
                ("Rest.", UnitKind::ListItem),
            ]
        );
    }

    #[test]
    fn link_text_is_marked() {
        let body = "## Do\n\nReport it to [the Vaccine **Adverse** Event system](https://vaers.hhs.gov/) or call.\n";
        let parts = parts(&Parsed::new(body), 0);
        let unit = &parts[0].units[0];
        assert_eq!(
            unit.text,
            "Report it to the Vaccine Adverse Event system or call."
        );
        let adverse = unit.text.find("Adverse").unwrap_or(0);
        assert!(unit.in_link(adverse));
        assert!(unit.in_link(unit.text.find("the Vaccine").unwrap_or(0)));
        assert!(!unit.in_link(unit.text.find("Report").unwrap_or(0)));
        assert!(!unit.in_link(unit.text.find(" or call").unwrap_or(0)));
    }

    #[test]
    fn code_blocks_images_and_html_are_not_prose() {
        let body = "## What it is\n\n    indented code\n\n![alt words](x.png) Seen.\n\n<div>\nhidden\n</div>\n";
        let parts = parts(&Parsed::new(body), 0);
        assert_eq!(texts(&parts[0]), [(" Seen.", UnitKind::Paragraph)]);
    }
}
