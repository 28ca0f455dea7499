//! "(continued)": where a list, a box or a column goes on on a new page, the top of its new part
//! repeats its heading and says so in the words of `<handout continued>`, so a reader who turns the
//! page knows what the items under it belong to.
//!
//! The repeated heading is a pagination artifact (a screen reader heard it where it stands first);
//! the label is read, as the first words of the element it stands above (a list item's `LBody`, a
//! paragraph), since it says something only this page shows. Without `continued` nothing is
//! repeated.

use std::ops::Range;
use std::rc::Rc;

use super::super::block::{Block, Inline, ParagraphClass};
use super::super::font::Face;
use super::super::frame::{Artifact, Color, Item, Tag};
use super::super::linebreak::Align;
use super::blocks::{recolor, Builder, Ctx};
use super::structure::{Tree, ROOT};
use super::text::{self, LineBox, Owner, TextStyle};
use super::{translate, Chunk, LayoutError};

/// The top of a continued part: the heading again and the label, laid out once per list or box.
#[derive(Clone, Debug)]
pub(super) struct Head {
    /// Its lines, items relative to the chunk's top.
    chunk: Chunk,
    /// Which of the chunk's items are the label.
    label: Range<usize>,
}

/// What a chunk inside a list, box or column shows above itself when it starts a page.
#[derive(Clone, Debug, Default)]
pub(super) struct Cont {
    /// The heading and label; `None` until the list's or box's heading is known.
    pub(super) head: Option<Rc<Head>>,
    /// The element the label is read in: the chunk's own.
    pub(super) tag: Option<Tag>,
}

impl Cont {
    /// The head as a chunk to place above the chunk it continues, its label read in `tag`.
    pub(super) fn chunk(&self) -> Option<Chunk> {
        let head = self.head.as_ref()?;
        let mut chunk = head.chunk.clone();
        let tag = self.tag.unwrap_or(Tag::Artifact(Artifact::Pagination));
        for item in chunk.items.get_mut(head.label.clone()).unwrap_or(&mut []) {
            if let Item::Text { tag: t, .. } = item {
                *t = tag;
            }
        }
        Some(chunk)
    }

    /// The head's height with the space under it.
    pub(super) fn height(&self) -> f32 {
        self.head
            .as_ref()
            .map_or(0.0, |h| h.chunk.height + h.chunk.pad_bottom)
    }
}

/// Gives every chunk of `chunks` without a head `head`, its label read in the chunk's own element
/// (the one a list set for it, else that of its first words).
pub(super) fn mark(chunks: &mut [Chunk], head: &Rc<Head>) {
    for chunk in chunks {
        let cont = chunk.cont.get_or_insert_with(Cont::default);
        if cont.head.is_some() {
            continue;
        }
        cont.head = Some(Rc::clone(head));
        if cont.tag.is_none() {
            cont.tag = chunk.items.iter().find_map(|item| match item {
                Item::Text {
                    tag: tag @ Tag::Node(_),
                    ..
                } => Some(*tag),
                _ => None,
            });
        }
    }
}

/// Recolours the heads `chunk` would show (an alert box's colours), as [`recolor`] does its items.
pub(super) fn recolor_head(chunk: &mut Chunk, map: &[(Color, Color)]) {
    if let Some(head) = chunk.cont.as_mut().and_then(|c| c.head.as_mut()) {
        recolor(std::slice::from_mut(&mut Rc::make_mut(head).chunk), map);
    }
}

/// The words of `inlines` as plain text: a repeated heading has no links or blanks of its own.
fn plain(inlines: &[Inline]) -> String {
    let text: String = inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) => span.text.as_str(),
            Inline::Break => " ",
            Inline::Blank(_) => "____",
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The heading a box repeats: its first block when that is a heading or a callout's label.
pub(super) fn box_heading(blocks: &[Block]) -> Option<(u8, &[Inline])> {
    match blocks.first()? {
        Block::Heading { level, inlines, .. } => Some((*level, inlines)),
        Block::Paragraph {
            class: ParagraphClass::Label,
            inlines,
        } => Some((3, inlines)),
        _ => None,
    }
}

impl Builder<'_> {
    /// Marks the chunks of a list, box or column after its first with the head of its continued
    /// parts: `heading` (level and words; `None`, the label alone) set in `ctx`.
    pub(super) fn continue_with(
        &mut self,
        chunks: &mut [Chunk],
        heading: Option<(u8, &[Inline])>,
        ctx: Ctx,
    ) -> Result<(), LayoutError> {
        if self.continued.is_empty() || chunks.len() < 2 {
            return Ok(());
        }
        let head = Rc::new(self.head(heading, ctx)?);
        mark(&mut chunks[1..], &head);
        Ok(())
    }

    /// The heading in its own size and colour (an artifact), then the label in the same size,
    /// regular weight, on the heading's last line when it fits there.
    fn head(&mut self, heading: Option<(u8, &[Inline])>, ctx: Ctx) -> Result<Head, LayoutError> {
        let s = self.style;
        let (size, color, after) = match heading.map(|(level, _)| level) {
            Some(1) => (s.h1_size, s.text, s.heading_after),
            Some(2) => (s.h2_size, s.accent, s.heading_after),
            _ => (s.h3_size, s.text, s.h3_after),
        };
        // The heading's own look (see `Builder::heading`).
        let mut style = self.body_style(ctx);
        (style.size, style.leading, style.bold) = (size, s.heading_leading, true);
        (style.color, style.link_color, style.align) = (color, color, Align::Left);
        let mut scratch = Tree::new();
        let mut owner = Owner {
            tree: &mut scratch,
            text: Tag::Artifact(Artifact::Pagination),
            links: ROOT,
            blank_rule: None,
        };
        let words = heading
            .map(|(_, inlines)| plain(inlines))
            .unwrap_or_default();
        let mut lines: Vec<LineBox> = if words.is_empty() {
            Vec::new()
        } else {
            text::set_plain(self.fonts, &words, style, ctx.width, &mut owner)?
        };
        let label_style = TextStyle {
            bold: false,
            ..style
        };
        let label = text::set_plain(
            self.fonts,
            &self.continued,
            label_style,
            ctx.width,
            &mut owner,
        )?;
        let label_width = text::width(self.fonts, &self.continued, Face::Regular, size);
        let space = text::width(self.fonts, " ", Face::Regular, size);
        let mut chunk = Chunk {
            pad_bottom: after,
            lines: 1,
            ..Chunk::default()
        };
        let mut top = 0.0;
        let count = lines.len();
        let mut label_range = 0..0;
        for (i, line) in lines.iter_mut().enumerate() {
            let end = line
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Text { x, width, .. } => Some(x + width),
                    _ => None,
                })
                .fold(0.0, f32::max);
            let beside =
                i + 1 == count && label.len() == 1 && end + space + label_width <= ctx.width;
            for item in &line.items {
                let mut item = item.clone();
                translate(&mut item, ctx.x, -top);
                chunk.items.push(item);
            }
            if beside {
                // On this line's baseline, after a space.
                let start = chunk.items.len();
                for item in label.iter().flat_map(|l| &l.items) {
                    let mut item = item.clone();
                    let dy = label[0].baseline - line.baseline - top;
                    translate(&mut item, ctx.x + end + space, dy);
                    chunk.items.push(item);
                }
                label_range = start..chunk.items.len();
            }
            top += line.height;
        }
        if label_range.is_empty() {
            let start = chunk.items.len();
            for line in &label {
                for item in &line.items {
                    let mut item = item.clone();
                    translate(&mut item, ctx.x, -top);
                    chunk.items.push(item);
                }
                top += line.height;
            }
            label_range = start..chunk.items.len();
        }
        chunk.height = top;
        Ok(Head {
            chunk,
            label: label_range,
        })
    }
}
