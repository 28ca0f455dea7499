//! Markdown body → an owned tree of headings, paragraphs and lists, with byte offsets for messages.
//!
//! This is generic Markdown knowledge only; which headings and shapes a handout allows is decided
//! in `validate::sections`. Both renderers work from the resulting model, never from Markdown.

use crate::model::{Align, CalloutKind, Inline, Table};
use pulldown_cmark::{
    Alignment, BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::iter::Peekable;
use std::ops::Range;

/// A block of Markdown as the body has it; `validate::sections` shapes it into model blocks.
#[derive(Clone, Debug, PartialEq)]
pub enum MdBlock {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A list, each item with its own offset for messages.
    List(MdList),
    /// A `###` (or deeper) heading.
    Subheading(Vec<Inline>),
    /// A paragraph that is only a picture, with its caption (italic text right after it, or its title).
    Figure {
        /// The path as written.
        src: String,
        /// The alt text (the words in the brackets), as plain text.
        alt: String,
        /// The caption; may be empty.
        caption: Vec<Inline>,
    },
    /// A pipe table with its header row.
    Table(Table),
    /// A `> [!NOTE]` … callout and the blocks inside it.
    Callout {
        /// Which of the five kinds.
        kind: CalloutKind,
        /// Its paragraphs, lists and pictures.
        blocks: Vec<Located<MdBlock>>,
    },
}

/// A list as written: numbered or not, its start number, its items with their offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct MdList {
    /// Numbered rather than bulleted.
    pub ordered: bool,
    /// The first number of a numbered list (1 for a bulleted one).
    pub start: u64,
    /// The items.
    pub items: Vec<Located<MdItem>>,
}

/// A list item as written: its words and a list nested under it (one level at most).
#[derive(Clone, Debug, PartialEq)]
pub struct MdItem {
    /// The item's words, its paragraphs joined by line breaks.
    pub text: Vec<Inline>,
    /// A list indented under the item.
    pub nested: Option<MdList>,
}

impl MdList {
    /// The model's list: the same items without their offsets.
    pub fn to_model(&self) -> crate::model::List {
        crate::model::List {
            ordered: self.ordered,
            start: self.start,
            items: self
                .items
                .iter()
                .map(|i| crate::model::ListItem {
                    text: i.value.text.clone(),
                    nested: i.value.nested.as_ref().map(MdList::to_model),
                })
                .collect(),
        }
    }
}

/// A block with the byte offset (in the parsed text) where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// The value.
    pub value: T,
}

/// Everything under one heading: the heading's text and the blocks until the next heading of
/// the same level.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    /// The heading's text, or `None` for blocks before the first heading.
    pub heading: Option<Located<String>>,
    /// The blocks, `###` subheadings included.
    pub blocks: Vec<Located<MdBlock>>,
}

/// Something in the Markdown that a handout cannot show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// A Markdown body parsed once: pulldown-cmark's events, each with its byte range in the text.
///
/// Every reader of a body (its sections, its links, the plain-language checks) walks these events,
/// so the text is parsed once however many checks read it.
pub struct Parsed<'a> {
    text: &'a str,
    events: Vec<(Event<'a>, Range<usize>)>,
}

impl<'a> Parsed<'a> {
    /// Parses `text` as the Markdown a handout is written in: CommonMark with GitHub's pipe
    /// tables and `> [!NOTE]` callouts.
    pub fn new(text: &'a str) -> Parsed<'a> {
        Parsed {
            text,
            events: Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_GFM)
                .into_offset_iter()
                .collect(),
        }
    }

    /// The Markdown text; the events' ranges are byte offsets into it.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The events in document order, each with the range of the text it came from.
    pub fn events(&self) -> &[(Event<'a>, Range<usize>)] {
        &self.events
    }
}

type Events<'a> = Peekable<std::slice::Iter<'a, (Event<'a>, Range<usize>)>>;

/// Cuts a parsed body at its `##` headings. A `#` heading is a problem: the title comes from the
/// front matter.
pub fn chunks(parsed: &Parsed<'_>, allowed_html: &[String]) -> (Vec<Chunk>, Vec<Problem>) {
    let mut events = parsed.events().iter().peekable();
    let mut chunks = vec![Chunk {
        heading: None,
        blocks: Vec::new(),
    }];
    let mut problems = Reader {
        problems: Vec::new(),
        allowed_html,
        text: parsed.text(),
    };
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                let inlines = inlines_until(&mut events, &mut problems);
                let title = crate::model::plain_text(&inlines).trim().to_string();
                chunks.push(Chunk {
                    heading: Some(Located {
                        offset: range.start,
                        value: title,
                    }),
                    blocks: Vec::new(),
                });
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                let _ = inlines_until(&mut events, &mut problems);
                problems.push(Problem {
                    offset: range.start,
                    message: "a `#` heading is not used in the body; the title comes from the front matter.".into(),
                    hint: "use `##` for the eight sections and `###` for FAQ questions.".into(),
                });
            }
            other => {
                if let Some(block) = block(other, range, &mut events, &mut problems) {
                    if let Some(last) = chunks.last_mut() {
                        push_block(&mut last.blocks, block);
                    }
                }
            }
        }
    }
    (chunks, problems.problems)
}

/// Adds `block` to `blocks`; a paragraph all in italics right after a figure without a caption
/// becomes its caption.
fn push_block(blocks: &mut Vec<Located<MdBlock>>, block: Located<MdBlock>) {
    if let (
        Some(Located {
            value: MdBlock::Figure { caption, .. },
            ..
        }),
        MdBlock::Paragraph(p),
    ) = (blocks.last_mut(), &block.value)
    {
        if caption.is_empty() {
            if let Some(words) = all_italic(p) {
                *caption = words;
                return;
            }
        }
    }
    blocks.push(block);
}

/// The words of `inlines` if they are one italic run (blank text around it allowed).
fn all_italic(inlines: &[Inline]) -> Option<Vec<Inline>> {
    let mut found = None;
    for inline in inlines {
        match inline {
            Inline::Text(t) if t.trim().is_empty() => {}
            Inline::Break => {}
            Inline::Emphasis(words) if found.is_none() => found = Some(words.clone()),
            _ => return None,
        }
    }
    found
}

/// A paragraph whose first event (peeked, not yet read) starts a picture: a figure if the picture is
/// alone or followed only by its italic caption; otherwise a problem.
fn figure(events: &mut Events<'_>, problems: &mut Reader<'_>) -> Option<MdBlock> {
    let Some((
        Event::Start(Tag::Image {
            dest_url, title, ..
        }),
        range,
    )) = events.next()
    else {
        return None;
    };
    let alt = crate::model::plain_text(&inlines_until(events, problems))
        .trim()
        .to_string();
    let rest = inlines_until(events, problems);
    let caption = if crate::model::plain_text(&rest).trim().is_empty() {
        Vec::new()
    } else if let Some(words) = all_italic(&rest) {
        words
    } else {
        problems.push(Problem {
            offset: range.start,
            message: "a picture must be a paragraph of its own; here text follows it in the same paragraph.".into(),
            hint: "leave an empty line between the picture and the text; an italic line right under the picture becomes its caption.".into(),
        });
        return None;
    };
    let caption = if caption.is_empty() && !title.trim().is_empty() {
        vec![Inline::Text(title.trim().to_string())]
    } else {
        caption
    };
    Some(MdBlock::Figure {
        src: dest_url.to_string(),
        alt,
        caption,
    })
}

/// Reads one block that began with `event`; `None` for things skipped (and reported).
fn block(
    event: &Event<'_>,
    range: &Range<usize>,
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
) -> Option<Located<MdBlock>> {
    let offset = range.start;
    let value = match event {
        Event::Start(Tag::Paragraph) => match events.peek() {
            Some((Event::Start(Tag::Image { .. }), _)) => figure(events, problems)?,
            _ => MdBlock::Paragraph(inlines_until(events, problems)),
        },
        Event::Start(Tag::Heading { .. }) => MdBlock::Subheading(inlines_until(events, problems)),
        Event::Start(Tag::List(start)) => MdBlock::List(list(*start, events, problems, 0)),
        Event::Start(Tag::Table(align)) => table(align, range, events, problems)?,
        Event::Start(Tag::BlockQuote(Some(kind))) => callout(*kind, range, events, problems)?,
        Event::Start(tag) => {
            let (what, hint) = unsupported(tag);
            problems.push(Problem {
                offset,
                message: format!("{what} cannot be shown in a handout."),
                hint: hint.into(),
            });
            skip_to_end(events);
            return None;
        }
        Event::Html(_) | Event::InlineHtml(_) => {
            problems.push(raw_html(offset, problems.allowed_html));
            return None;
        }
        Event::Rule => {
            problems.push(Problem {
                offset,
                message: "a horizontal rule (`---` or `***`) cannot be shown in a handout.".into(),
                hint: "delete the line; sections are separated by their `##` headings.".into(),
            });
            return None;
        }
        _ => return None,
    };
    Some(Located { offset, value })
}

fn unsupported(tag: &Tag<'_>) -> (&'static str, &'static str) {
    match tag {
        Tag::BlockQuote(_) => (
            "a quote block (lines starting with `>`)",
            "remove the `>` and write it as a normal paragraph; for a box that stands out, start it with a line `> [!IMPORTANT]` (or `[!NOTE]`, `[!TIP]`, `[!WARNING]`, `[!CAUTION]`).",
        ),
        Tag::CodeBlock(_) => (
            "a code block (text indented by four spaces or fenced with ```)",
            "remove the indentation or the ``` fences so it becomes a normal paragraph.",
        ),
        Tag::Table(_) => (
            "a table inside a list item",
            "end the list, then put the table on its own after an empty line.",
        ),
        Tag::HtmlBlock => (
            "raw HTML",
            "write it in Markdown instead: **bold**, *italic*, [link](https://…), or a `-` list.",
        ),
        _ => (
            "this kind of Markdown",
            "use paragraphs, `-` lists, **bold**, *italic* and [links](https://…).",
        ),
    }
}

fn raw_html(offset: usize, allowed: &[String]) -> Problem {
    let hint =
        "write it in Markdown instead: **bold**, *italic*, [link](https://…), or a `-` list.";
    Problem {
        offset,
        message: "raw HTML is not allowed in handout text.".into(),
        hint: if allowed.is_empty() {
            hint.into()
        } else {
            format!(
                "{hint} The HTML tags clinic.yaml allows are: {}.",
                allowed.join(", ")
            )
        },
    }
}

/// Reading state shared by the parsing functions: problems found, and the raw HTML tags the
/// clinic allows.
struct Reader<'a> {
    problems: Vec<Problem>,
    allowed_html: &'a [String],
    /// The Markdown text, for what the events do not say (how many cells a row was written with).
    text: &'a str,
}

impl Reader<'_> {
    fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn allows(&self, tag: &str) -> bool {
        self.allowed_html.iter().any(|t| t == tag)
    }
}

/// The most columns a table may have: a printed handout has no room for more.
pub const MAX_TABLE_COLUMNS: usize = 4;

/// A table whose `Start(Table)` was just read; `None` (reported) when it cannot be shown.
fn table(
    align: &[Alignment],
    range: &Range<usize>,
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
) -> Option<MdBlock> {
    let mut head: Vec<Vec<Inline>> = Vec::new();
    let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
    let mut extra_cells: Option<(usize, usize)> = None;
    while let Some((event, row_range)) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => head = cells(events, problems),
            Event::Start(Tag::TableRow) => {
                // GitHub's tables drop the cells past the header's count without a word, so
                // they are counted in the source: nothing the editor wrote may vanish.
                let written = problems.text.get(row_range.clone()).map_or(0, count_cells);
                if written > align.len() && extra_cells.is_none() {
                    extra_cells = Some((row_range.start, written));
                }
                rows.push(cells(events, problems));
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let columns = align.len();
    if columns > MAX_TABLE_COLUMNS {
        problems.push(Problem {
            offset: range.start,
            message: format!("this table has {columns} columns; a printed handout has room for at most {MAX_TABLE_COLUMNS}."),
            hint: "split it into two tables, or write it as a list.".into(),
        });
        return None;
    }
    if let Some((offset, written)) = extra_cells {
        problems.push(Problem {
            offset,
            message: format!("this row has {written} cells, but the table's header has {columns}, so the last would not be shown."),
            hint: "add a column to the header row (and the `|---|` line under it), or merge the extra cells into the others.".into(),
        });
        return None;
    }
    if rows.is_empty() {
        problems.push(Problem {
            offset: range.start,
            message: "this table has a header row but no rows under it.".into(),
            hint: "add rows under the `|---|` line, one line each, or write the header's words as a paragraph.".into(),
        });
        return None;
    }
    Some(MdBlock::Table(Table {
        align: align
            .iter()
            .map(|a| match a {
                Alignment::None => Align::Default,
                Alignment::Left => Align::Left,
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
            })
            .collect(),
        head,
        rows,
    }))
}

/// The cells of a table row (or of its head) whose start was just read.
fn cells(events: &mut Events<'_>, problems: &mut Reader<'_>) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    while let Some((event, _)) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => out.push(inlines_until(events, problems)),
            Event::End(_) => break,
            _ => {}
        }
    }
    out
}

/// How many cells a table row's source line has: its `|` separators outside code spans, not
/// escaped, without the optional ones at the start and end.
fn count_cells(line: &str) -> usize {
    let line = line.trim();
    let mut cells = 1;
    let (mut escaped, mut in_code) = (false, false);
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\\' if !escaped => {
                escaped = true;
                continue;
            }
            b'`' if !escaped => in_code = !in_code,
            b'|' if !escaped && !in_code && i != 0 && i != bytes.len() - 1 => cells += 1,
            _ => {}
        }
        escaped = false;
    }
    cells
}

/// A callout whose `Start(BlockQuote(kind))` was just read; `None` (reported) when it is empty or
/// holds what a callout cannot.
fn callout(
    kind: BlockQuoteKind,
    range: &Range<usize>,
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
) -> Option<MdBlock> {
    let mut blocks = Vec::new();
    let mut ok = true;
    while let Some((event, inner)) = events.next() {
        match event {
            Event::End(TagEnd::BlockQuote(_)) => break,
            Event::Start(Tag::Heading { .. } | Tag::BlockQuote(_)) => {
                ok = false;
                problems.push(Problem {
                    offset: inner.start,
                    message: "a callout box can hold paragraphs, lists, tables and pictures, not headings or other boxes.".into(),
                    hint: "move it out of the box (delete the `>` before it), or write it as a paragraph.".into(),
                });
                skip_to_end(events);
            }
            other => {
                if let Some(block) = block(other, inner, events, problems) {
                    push_block(&mut blocks, block);
                }
            }
        }
    }
    if blocks.is_empty() {
        if ok {
            problems.push(Problem {
                offset: range.start,
                message: "this callout box is empty.".into(),
                hint: "write its text on `>` lines under the `> [!…]` line, or delete it.".into(),
            });
        }
        return None;
    }
    let kind = match kind {
        BlockQuoteKind::Note => CalloutKind::Note,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Important => CalloutKind::Important,
        BlockQuoteKind::Warning => CalloutKind::Warning,
        BlockQuoteKind::Caution => CalloutKind::Caution,
    };
    ok.then_some(MdBlock::Callout { kind, blocks })
}

/// A list whose `Start(List(start))` was just read, `depth` lists deep (0 for a list of its own).
/// A list nested in a nested item is reported and left out: a handout shows one level.
fn list(
    start: Option<u64>,
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
    depth: usize,
) -> MdList {
    let mut items = Vec::new();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                let item_offset = range.start;
                let mut item = MdItem {
                    text: Vec::new(),
                    nested: None,
                };
                while let Some((event, range)) = events.next() {
                    match event {
                        Event::End(TagEnd::Item) => break,
                        Event::Start(Tag::List(inner)) if depth == 0 && item.nested.is_none() => {
                            item.nested = Some(list(*inner, events, problems, depth + 1));
                        }
                        Event::Start(Tag::List(_)) if depth > 0 => {
                            problems.push(Problem {
                                offset: range.start,
                                message: "this list is nested two levels deep; a handout shows lists one level deep inside a list item, no deeper.".into(),
                                hint: "remove some indentation so these points are items of the list above, or make them a list of their own.".into(),
                            });
                            skip_to_end(events);
                        }
                        _ if item.nested.is_some() => {
                            problems.push(Problem {
                                offset: range.start,
                                message: "this comes after the list nested in this item, so it would be shown out of order.".into(),
                                hint: "make it an item of the nested list, or a new item of the main list (less indented).".into(),
                            });
                            if matches!(event, Event::Start(_)) {
                                skip_to_end(events);
                            }
                        }
                        Event::Start(Tag::Paragraph) => {
                            if !item.text.is_empty() {
                                item.text.push(Inline::Break);
                            }
                            item.text.extend(inlines_until(events, problems));
                        }
                        Event::Start(
                            tag @ (Tag::BlockQuote(_)
                            | Tag::CodeBlock(_)
                            | Tag::HtmlBlock
                            | Tag::Heading { .. }
                            | Tag::Table(_)),
                        ) => {
                            let (what, hint) = unsupported(tag);
                            problems.push(Problem {
                                offset: range.start,
                                message: format!("{what} cannot be shown in a handout."),
                                hint: hint.into(),
                            });
                            skip_to_end(events);
                        }
                        other => {
                            if inline(other, range, events, problems, &mut item.text, 0) {
                                break;
                            }
                        }
                    }
                }
                // Text read event by event is one run now: its blanks are found once.
                item.text = blanks(std::mem::take(&mut item.text));
                items.push(Located {
                    offset: item_offset,
                    value: item,
                });
            }
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    MdList {
        ordered: start.is_some(),
        start: start.unwrap_or(1),
        items,
    }
}

/// The fewest underscores in a row that make a blank to write in (`____`).
const MIN_BLANK: usize = 4;
/// The widest blank, in underscores: wider would not fit a printed line.
const MAX_BLANK: usize = 80;

/// `inlines` with every run of four or more underscores in its text made a [`Inline::Blank`].
fn blanks(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let Inline::Text(text) = inline else {
            out.push(inline);
            continue;
        };
        let mut rest = text.as_str();
        while let Some(at) = find_blank(rest) {
            let run = rest[at..].bytes().take_while(|b| *b == b'_').count();
            if at > 0 {
                push_text(&mut out, &rest[..at]);
            }
            out.push(Inline::Blank(run.min(MAX_BLANK) as u32));
            rest = &rest[at + run..];
        }
        if !rest.is_empty() {
            push_text(&mut out, rest);
        }
    }
    out
}

/// Appends text, joined to the text before it.
fn push_text(out: &mut Vec<Inline>, text: &str) {
    match out.last_mut() {
        Some(Inline::Text(prev)) => prev.push_str(text),
        _ => out.push(Inline::Text(text.to_string())),
    }
}

/// Where the first run of at least [`MIN_BLANK`] underscores starts.
fn find_blank(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'_' {
            let run = bytes[i..].iter().take_while(|b| **b == b'_').count();
            if run >= MIN_BLANK {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// How deeply emphasis and links may nest. Real text needs two or three levels; the limit keeps
/// hostile input (`*****…`) from exhausting the stack.
const MAX_INLINE_DEPTH: usize = 16;

/// Inline content up to the end of the element whose `Start` was just read.
fn inlines_until(events: &mut Events<'_>, problems: &mut Reader<'_>) -> Vec<Inline> {
    inlines_at(events, problems, 0, None).0
}

/// Inline content up to the end of the enclosing element, or up to the closing tag `</until>` of
/// an allowed raw HTML element. The flag says whether the enclosing element ended (its `End` was
/// read), which a caller collecting an HTML element must pass on.
fn inlines_at(
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
    depth: usize,
    until: Option<&str>,
) -> (Vec<Inline>, bool) {
    let mut out = Vec::new();
    while let Some((event, range)) = events.next() {
        if let Event::End(_) = event {
            return (blanks(out), true);
        }
        if let (Some(name), Event::InlineHtml(h)) = (until, &event) {
            if html_tag(h) == Some(HtmlTag::Close(name.to_string())) {
                return (blanks(out), false);
            }
        }
        if inline(event, range, events, problems, &mut out, depth) {
            return (blanks(out), true);
        }
    }
    (blanks(out), true)
}

/// A raw HTML tag, as far as the allow-list needs to know it.
#[derive(Debug, PartialEq, Eq)]
enum HtmlTag {
    Open(String),
    Close(String),
    Void(String),
}

/// Reads `<name …>`, `</name>` or `<name/>`; `None` for comments and anything else.
fn html_tag(html: &str) -> Option<HtmlTag> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (close, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    Some(if close {
        HtmlTag::Close(name)
    } else if inner.trim_end().ends_with('/') || name == "br" {
        HtmlTag::Void(name)
    } else {
        HtmlTag::Open(name)
    })
}

/// Reads one inline event; returns true when it ended the enclosing element (a raw HTML element
/// left open until the end of its paragraph).
fn inline(
    event: &Event<'_>,
    range: &Range<usize>,
    events: &mut Events<'_>,
    problems: &mut Reader<'_>,
    out: &mut Vec<Inline>,
    depth: usize,
) -> bool {
    if matches!(event, Event::Start(_)) && depth >= MAX_INLINE_DEPTH {
        problems.push(Problem {
            offset: range.start,
            message: "bold, italic and links are nested too deeply here.".into(),
            hint: "remove the extra `*`, `_` or `[` characters.".into(),
        });
        skip_to_end(events);
        return false;
    }
    let nested = |events: &mut Events<'_>, problems: &mut Reader<'_>| {
        inlines_at(events, problems, depth + 1, None).0
    };
    match event {
        Event::Text(t) => match out.last_mut() {
            Some(Inline::Text(prev)) => prev.push_str(t),
            _ => out.push(Inline::Text(t.to_string())),
        },
        Event::Code(t) => out.push(Inline::Code(t.to_string())),
        Event::SoftBreak => match out.last_mut() {
            Some(Inline::Text(prev)) => prev.push(' '),
            _ => out.push(Inline::Text(" ".into())),
        },
        Event::HardBreak => out.push(Inline::Break),
        Event::Start(Tag::Strong) => out.push(Inline::Strong(nested(events, problems))),
        Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis(nested(events, problems))),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let children = nested(events, problems);
            if let Some(scheme) = unsafe_scheme(dest_url) {
                problems.push(Problem {
                    offset: range.start,
                    message: format!("links starting with `{scheme}` are not allowed: they could run code in a reader's browser."),
                    hint: "link to a web page (https://…), a phone number (tel:…) or an e-mail address (mailto:…).".into(),
                });
                return false;
            }
            let href = dest_url.trim().to_string();
            if href.is_empty() {
                // `[text]()` points nowhere: keep the words, drop the link.
                out.extend(children);
                return false;
            }
            // A link needs words a screen reader can announce; `[](url)` shows its address.
            let children = if crate::model::plain_text(&children).trim().is_empty() {
                vec![Inline::Text(href.clone())]
            } else {
                children
            };
            out.push(Inline::Link { href, children });
        }
        Event::Start(Tag::Image { .. }) => {
            problems.push(Problem {
                offset: range.start,
                message: "a picture cannot stand inside a sentence or a list item.".into(),
                hint: "put the `![…](…)` picture on a line of its own, with an empty line before and after it.".into(),
            });
            skip_to_end(events);
        }
        Event::Html(h) | Event::InlineHtml(h) => match html_tag(h) {
            Some(HtmlTag::Void(name)) if name == "br" && problems.allows(&name) => {
                out.push(Inline::Break)
            }
            Some(HtmlTag::Open(name)) if problems.allows(&name) && depth < MAX_INLINE_DEPTH => {
                let (children, ended) = inlines_at(events, problems, depth + 1, Some(&name));
                if ended {
                    problems.push(Problem {
                        offset: range.start,
                        message: format!("the HTML tag `<{name}>` is never closed."),
                        hint: format!(
                            "add `</{name}>` where it should end, in the same paragraph."
                        ),
                    });
                }
                out.push(Inline::Tagged {
                    tag: name,
                    children,
                });
                return ended;
            }
            // A closing tag belongs to an opening one already handled or reported.
            Some(HtmlTag::Close(_)) => {}
            _ => problems.push(raw_html(range.start, problems.allowed_html)),
        },
        Event::Start(_) => skip_to_end(events),
        _ => {}
    }
    false
}

/// The dangerous scheme a link uses, if any. Browsers ignore ASCII whitespace and control
/// characters inside a scheme (`java\tscript:`), so those are removed before comparing.
pub fn unsafe_scheme(href: &str) -> Option<&'static str> {
    let cleaned: String = href
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .into_iter()
        .find(|s| cleaned.starts_with(s))
}

/// Skips past the `End` matching a `Start` that was just read.
fn skip_to_end(events: &mut Events<'_>) {
    let mut depth = 1usize;
    for (event, _) in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_level_two_headings_with_offsets() {
        let text = "## Do\n\n- **Wash** gently\n- Rest\n\n## FAQ\n\n### Why?\n\nBecause.\n";
        let (chunks, problems) = chunks(&Parsed::new(text), &[]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(chunks.len(), 3);
        assert!(chunks[0].blocks.is_empty());
        let do_ = &chunks[1];
        assert_eq!(
            do_.heading.as_ref().map(|h| (h.offset, h.value.as_str())),
            Some((0, "Do"))
        );
        assert_eq!(
            do_.blocks[0].value,
            MdBlock::List(MdList {
                ordered: false,
                start: 1,
                items: vec![
                    Located {
                        offset: 7,
                        value: MdItem {
                            text: vec![
                                Inline::Strong(vec![Inline::Text("Wash".into())]),
                                Inline::Text(" gently".into())
                            ],
                            nested: None
                        }
                    },
                    Located {
                        offset: 25,
                        value: MdItem {
                            text: vec![Inline::Text("Rest".into())],
                            nested: None
                        }
                    },
                ]
            })
        );
        assert_eq!(chunks[2].heading.as_ref().map(|h| h.offset), Some(33));
        assert_eq!(
            chunks[2].blocks[0].value,
            MdBlock::Subheading(vec![Inline::Text("Why?".into())])
        );
        assert_eq!(chunks[2].blocks[1].offset, 51);
    }

    #[test]
    fn reports_what_a_handout_cannot_show() {
        let text = "## Do\n\n- a\n  - nested\n    - deeper\n\n<b>x</b>\n\n> quote\n\n# Title\n";
        let (_, problems) = chunks(&Parsed::new(text), &[]);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this list is nested two levels deep; a handout shows lists one level deep inside a list item, no deeper.",
                "raw HTML is not allowed in handout text.",
                "a quote block (lines starting with `>`) cannot be shown in a handout.",
                "a `#` heading is not used in the body; the title comes from the front matter.",
            ]
        );
        assert_eq!(problems[1].offset, text.find("<b>").unwrap());
    }
}
