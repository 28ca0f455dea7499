//! Turns blocks into chunks: each block kind's look (sizes, markers, rules, panels), its keep
//! rules (no orphans or widows, list items and table rows whole, boxes and `<keep>` on one page) and
//! its structure elements (a heading's `H1`–`H3`, a paragraph's `P`; lists are in `lists`);
//! rules are layout artifacts.

use std::rc::Rc;

use super::super::block::{Block, Document, Inline, ParagraphClass};
use super::super::font::Fonts;
use super::super::frame::{Artifact, Color, Item, Role, Stroke, Tag};
use super::super::hyphenate::Language;
use super::super::linebreak::Align;
use super::super::picture::Pictures;
use super::super::style::Style;
use super::structure::Tree;
use super::text::{self, LineBox, Owner, TextStyle};
use super::{Chunk, LayoutError, Panel};

/// Where a run of blocks is set: left edge (relative to the text box) and width, and the structure
/// element their elements go under.
#[derive(Clone, Copy, Debug)]
pub(super) struct Ctx {
    pub(super) x: f32,
    pub(super) width: f32,
    /// Inside a box, where the panel already sets content apart and heading rules would be clutter.
    pub(super) in_panel: bool,
    /// The element the blocks' elements become children of.
    pub(super) parent: usize,
}

impl Ctx {
    /// The whole width of the text box, under the element `parent`.
    pub(super) fn full(width: f32, parent: usize) -> Ctx {
        Ctx {
            x: 0.0,
            width,
            in_panel: false,
            parent,
        }
    }

    pub(super) fn inset(self, left: f32, right: f32) -> Ctx {
        Ctx {
            x: self.x + left,
            width: (self.width - left - right).max(1.0),
            ..self
        }
    }
}

/// Builds chunks, collecting the panels that boxes draw behind them.
pub(super) struct Builder<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) style: &'a Style,
    align: Align,
    /// Hyphenation patterns for the document's language.
    pub(super) lang: Option<Language>,
    /// Height of a page's text box: groups taller than this must split.
    pub(super) page_height: f32,
    /// Backgrounds of boxes, indexed by [`PanelRef::id`].
    pub(super) panels: Vec<Panel>,
    /// The structure tree, which the blocks add their elements to.
    pub(super) tree: Tree,
    /// The pictures figures name.
    pub(super) pictures: &'a Pictures,
    /// The words after a heading repeated where a list or box goes on (`<handout continued>`).
    pub(super) continued: String,
}

impl<'a> Builder<'a> {
    /// A builder for the body of `doc`, on pages whose text box is `page_height` tall.
    pub(super) fn new(
        fonts: &'a Fonts,
        style: &'a Style,
        doc: &Document,
        page_height: f32,
        tree: Tree,
    ) -> Builder<'a> {
        Builder {
            fonts,
            style,
            align: doc.align,
            lang: if style.hyphenate {
                Language::from_tag(&doc.lang)
            } else {
                Some(Language::Off)
            },
            page_height,
            panels: Vec::new(),
            tree,
            pictures: Pictures::empty(),
            continued: doc.continued.clone(),
        }
    }

    /// The chunks of a sequence of blocks set in `ctx`. The first chunk has no gap: the container's
    /// caller decides the space above it.
    pub(super) fn blocks(&mut self, blocks: &[Block], ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let mut out: Vec<Chunk> = Vec::new();
        let mut spacer = 0.0;
        let mut after_heading = false;
        let mut after_rule = false;
        let lang = self.lang;
        // The heading a list goes on under on a new page.
        let mut heading = None;
        for block in blocks {
            // A `hyphenate="no"` block is laid out as the block it wraps, with hyphenation off.
            self.lang = match block {
                Block::Unhyphenated(_) => Some(Language::Off),
                _ => lang,
            };
            let block = block.unwrapped();
            if let Block::Spacer(pt) = block {
                spacer += pt;
                continue;
            }
            let mut chunks = match block {
                // A table right under a section heading's rule takes that rule as its top rule:
                // two rules a few points apart read as a printing fault.
                Block::Table(rows) if after_rule && spacer == 0.0 => {
                    self.table(rows, ctx, false)?
                }
                _ => self.block(block, ctx)?,
            };
            match block {
                Block::List { .. } => self.continue_with(&mut chunks, heading, ctx)?,
                Block::Heading { level, inlines, .. } => heading = Some((*level, &inlines[..])),
                _ => {}
            }
            let Some(first) = chunks.first_mut() else {
                continue;
            };
            // A heading's own bottom spacing already separates it from what follows.
            if out.is_empty() || after_heading {
                first.gap = 0.0;
            }
            first.gap += spacer;
            spacer = 0.0;
            if super::fields::keeps_block_before(block) {
                if let Some(before) = out.last_mut() {
                    before.keep_with_next = true;
                }
            }
            after_heading = matches!(block, Block::Heading { .. });
            after_rule = matches!(block, Block::Heading { level: 2, .. }) && !ctx.in_panel;
            out.append(&mut chunks);
        }
        self.lang = lang;
        Ok(out)
    }

    fn block(&mut self, block: &Block, ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        match block {
            Block::Heading {
                level,
                inlines,
                bookmark,
            } => self.heading(*level, inlines, bookmark.as_deref(), ctx),
            Block::Paragraph { class, inlines } => self.paragraph(*class, inlines, ctx),
            Block::List { mark, items } => self.list(*mark, items, ctx),
            Block::Columns(columns) => self.columns(columns, ctx),
            Block::Table(rows) => self.table(rows, ctx, true),
            Block::DataTable(table) => self.data_table(table, ctx),
            Block::Box { tone, blocks } => self.panel(*tone, blocks, ctx),
            Block::Facts(facts) => self.facts(facts, ctx),
            Block::Keep(blocks) => {
                let mut chunks = self.blocks(blocks, ctx)?;
                keep_together(&mut chunks);
                // A question keeps the larger space a heading has above it: that space, not the
                // one under it, is what ties it to its answer.
                let above = match blocks.first().map(Block::unwrapped) {
                    Some(Block::Heading { level: 3, .. }) => s.h3_space,
                    Some(Block::Heading { .. }) => s.h2_space,
                    _ => s.block_space,
                };
                if let Some(first) = chunks.first_mut() {
                    first.gap = above.max(s.block_space);
                }
                if let Some(last) = chunks.last_mut() {
                    last.keep_end = true;
                }
                Ok(chunks)
            }
            Block::Spacer(_) => Ok(Vec::new()),
            Block::Figure { src, alt, caption } => self.figure(src, alt, caption, ctx),
            Block::Fields(fields) => self.fields(fields, ctx),
            Block::Unhyphenated(inner) => {
                let lang = self.lang.replace(Language::Off);
                let chunks = self.block(inner, ctx);
                self.lang = lang;
                chunks
            }
        }
    }

    /// `inlines` set as lines of at most `width`, the content of element `node`.
    pub(super) fn set(
        &mut self,
        inlines: &[Inline],
        style: TextStyle,
        width: f32,
        node: usize,
    ) -> Result<Vec<LineBox>, LayoutError> {
        let rule = Stroke {
            color: self.style.muted,
            width: self.style.hairline,
        };
        let upright;
        let inlines = if self.style.italic {
            inlines
        } else {
            upright = super::upright::bold(inlines);
            &upright
        };
        let mut owner = Owner::node(&mut self.tree, node).with_blanks(rule);
        text::set(self.fonts, inlines, style, width, &mut owner)
    }

    pub(super) fn body_style(&self, ctx: Ctx) -> TextStyle {
        let s = self.style;
        TextStyle {
            size: s.body_size,
            leading: s.leading,
            bold: false,
            color: s.text,
            link_color: s.accent,
            align: if ctx.width >= s.justify_min_width {
                self.align
            } else {
                Align::Left
            },
            lang: self.lang,
        }
    }

    fn heading(
        &mut self,
        level: u8,
        inlines: &[Inline],
        bookmark: Option<&str>,
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let (size, color, gap, role) = match level {
            1 => (s.h1_size, s.text, s.h2_space, Role::H1),
            2 => (s.h2_size, s.accent, s.h2_space, Role::H2),
            _ => (s.h3_size, s.text, s.h3_space, Role::H3),
        };
        let node = self.tree.add(role, ctx.parent);
        let style = TextStyle {
            size,
            leading: s.heading_leading,
            bold: true,
            color,
            link_color: color,
            align: Align::Left,
            lang: self.lang,
        };
        let mut chunks = line_chunks(self.set(inlines, style, ctx.width, node)?, ctx);
        for chunk in &mut chunks {
            chunk.heading = true;
            chunk.keep_with_next = true;
        }
        if let Some(first) = chunks.first_mut() {
            first.gap = gap;
            if let Some(title) = bookmark {
                first.bookmarks.push((title.to_string(), 0.0));
            }
        }
        if let Some(last) = chunks.last_mut() {
            last.pad_bottom = if level == 3 {
                s.h3_after
            } else {
                s.heading_after
            };
            if level == 2 && !ctx.in_panel {
                // A light rule under section headings marks where each section starts.
                let y = -last.height - s.h2_rule_gap;
                last.items.push(hline(
                    ctx.x,
                    ctx.x + ctx.width,
                    y,
                    (s.accent_rule, s.hairline),
                    Artifact::Layout,
                ));
                last.pad_bottom += s.h2_rule_gap + s.hairline;
            }
            if level == 1 {
                last.pad_bottom += 2.0;
            }
        }
        Ok(chunks)
    }

    fn paragraph(
        &mut self,
        class: ParagraphClass,
        inlines: &[Inline],
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let mut style = self.body_style(ctx);
        match class {
            ParagraphClass::Body => {}
            ParagraphClass::Lead => {
                style.size = s.lead_size;
                style.leading = s.leading;
            }
            ParagraphClass::Emergency => {
                style.size = s.h3_size;
                style.leading = s.heading_leading;
                style.bold = true;
                style.align = Align::Left;
            }
            ParagraphClass::Label => {
                style.bold = true;
                style.color = s.accent;
                style.link_color = s.accent;
                style.align = Align::Left;
            }
            ParagraphClass::Phone => {
                style.size = s.phone_size;
                style.leading = s.phone_leading;
                style.bold = true;
                style.color = s.accent;
                style.link_color = s.accent;
                style.align = Align::Left;
            }
        }
        let node = self.tree.add(Role::P, ctx.parent);
        let mut chunks = line_chunks(self.set(inlines, style, ctx.width, node)?, ctx);
        no_orphans_or_widows(&mut chunks);
        if class == ParagraphClass::Label {
            // A callout's label is never the last line of a page: it says what follows.
            chunks.iter_mut().for_each(|c| c.keep_with_next = true);
        }
        if let Some(first) = chunks.first_mut() {
            first.gap = s.block_space;
        }
        Ok(chunks)
    }
}

/// One chunk per line, stacked with no gaps.
pub(super) fn line_chunks(lines: Vec<LineBox>, ctx: Ctx) -> Vec<Chunk> {
    lines
        .into_iter()
        .map(|line| {
            let mut items = Vec::with_capacity(line.items.len());
            push_shifted(&mut items, &line.items, ctx.x);
            Chunk {
                height: line.height,
                lines: 1,
                items,
                ..Chunk::default()
            }
        })
        .collect()
}

pub(super) fn push_shifted(out: &mut Vec<Item>, items: &[Item], dx: f32) {
    for item in items {
        let mut item = item.clone();
        super::translate(&mut item, dx, 0.0);
        out.push(item);
    }
}

/// A horizontal rule spanning `x0` to `x1` at height `y`, an artifact of `kind`. Lines have round
/// caps, which reach half the width past each end point, so the end points are pulled in by that much.
pub(super) fn hline(
    x0: f32,
    x1: f32,
    y: f32,
    (color, width): (Color, f32),
    kind: Artifact,
) -> Item {
    Item::Line {
        points: vec![(x0 + width / 2.0, y), (x1 - width / 2.0, y)],
        color,
        width,
        tag: Tag::Artifact(kind),
    }
}

/// Forbids page breaks inside `chunks` (the last may still break after itself), remembering at
/// which level each was allowed, for a group taller than a page that must split somewhere.
pub(super) fn keep_together(chunks: &mut [Chunk]) {
    if let Some((_, rest)) = chunks.split_last_mut() {
        // Inner keeps ran first, on parts of these chunks: this one is a level above them all.
        let level = 1 + rest.iter().map(|c| c.kept_by).max().unwrap_or(0);
        for chunk in rest {
            if !chunk.keep_with_next {
                chunk.kept_by = level;
            }
            chunk.keep_with_next = true;
        }
    }
}

/// Never one line of a paragraph alone at a page bottom (orphan) or top (widow): no break after the
/// first line nor before the last, so 2- and 3-line paragraphs move whole.
fn no_orphans_or_widows(lines: &mut [Chunk]) {
    let n = lines.len();
    if n >= 2 {
        if let Some(first) = lines.first_mut() {
            first.keep_with_next = true;
        }
        if let Some(before_last) = lines.get_mut(n - 2) {
            before_last.keep_with_next = true;
        }
    }
}

/// Keeps every heading with at least two lines, list items or table rows of what follows it (an
/// item or a row counts once, however many lines it has).
pub(super) fn keep_headings_with_next(chunks: &mut [Chunk]) {
    for i in 0..chunks.len() {
        if !chunks.get(i).is_some_and(|c| c.heading) {
            continue;
        }
        // Link following chunks until two lines are covered, but never past the next heading: the
        // link must not chain this heading to the next section (or the next FAQ).
        let mut seen = 0;
        let mut j = i + 1;
        while let Some(next) = chunks.get(j) {
            seen += next.lines;
            let next_is_heading = chunks.get(j + 1).is_none_or(|c| c.heading);
            if next.heading || seen >= 2 || next_is_heading || next.keep_end {
                break;
            }
            if let Some(next) = chunks.get_mut(j) {
                next.keep_with_next = true;
            }
            j += 1;
        }
    }
}

/// Replaces colours of text and rules in `chunks` by `map` (from, to).
pub(super) fn recolor(chunks: &mut [Chunk], map: &[(Color, Color)]) {
    let swap = |c: &mut Color| {
        if let Some((_, to)) = map.iter().find(|(from, _)| from == c) {
            *c = *to;
        }
    };
    for chunk in chunks {
        if let Some(repeat) = &mut chunk.repeat {
            recolor(std::slice::from_mut(Rc::make_mut(repeat)), map);
        }
        super::continued::recolor_head(chunk, map);
        for item in &mut chunk.items {
            match item {
                Item::Text { color, .. } | Item::Line { color, .. } => swap(color),
                _ => {}
            }
        }
    }
}
