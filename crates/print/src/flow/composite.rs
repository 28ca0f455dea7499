//! The composite blocks: tables, boxes (tinted panels), the facts panel and side-by-side columns.
//! Each is built from the simple blocks of `blocks`, plus the rules and panels that frame them
//! (layout artifacts). A table is a `Table` of `TR`s, each a `TH` row header and a `TD`; so is the
//! facts panel, one row per fact; a box is a `Div`; columns add no element, their blocks are read
//! one column after the other.

use super::super::block::{Block, Fact, Inline, Row, Tone};
use super::super::font::Face;
use super::super::frame::{Artifact, Item, Rect, Role, Stroke, Tag};
use super::super::linebreak::Align;
use super::blocks::{
    hline, keep_headings_with_next, keep_together, push_shifted, recolor, Builder, Ctx,
};
use super::text::{self, Owner, TextStyle};
use super::{continued, paginate, Chunk, LayoutError, Panel, PanelRef, Slice, Split};

/// `chunks` cut into keep-groups (runs joined by `keep_with_next`), each non-empty.
fn keep_groups(chunks: Vec<Chunk>) -> Vec<Vec<Chunk>> {
    let mut groups = Vec::new();
    let mut group: Vec<Chunk> = Vec::new();
    let count = chunks.len();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let more = chunk.keep_with_next && i + 1 < count;
        group.push(chunk);
        if !more {
            groups.push(std::mem::take(&mut group));
        }
    }
    groups
}

/// The words of `inlines`, styles dropped (for measuring a label).
fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) => span.text.as_str(),
            Inline::Break => " ",
            // At least 3 em wide: about six underscores.
            Inline::Blank(_) => "______",
        })
        .collect()
}

impl Builder<'_> {
    /// A table of label and content rows; `top_rule` is false under a section heading's rule,
    /// which stands for the table's top rule.
    pub(super) fn table(
        &mut self,
        rows: &[Row],
        ctx: Ctx,
        top_rule: bool,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let head_style = TextStyle {
            bold: true,
            color: s.accent,
            align: Align::Left,
            ..self.body_style(ctx)
        };
        // The label column is as wide as its widest label, within the style's bounds: short labels
        // ("Day 1") do not leave a wide empty band, long ones wrap.
        let widest = rows
            .iter()
            .map(|row| {
                text::width(
                    self.fonts,
                    &plain_text(&row.head),
                    Face::Bold,
                    head_style.size,
                )
            })
            .fold(0.0, f32::max);
        let most = (ctx.width - s.table_gap) * s.table_label_share;
        // A little slack, so the line breaker never finds the widest label a hair too long.
        let label_w = (widest + 2.0)
            .clamp(s.table_label_min.min(most), most)
            .max(1.0);
        let cell_x = label_w + s.table_gap;
        let cell_w = (ctx.width - cell_x).max(1.0);
        let cell_style = TextStyle {
            align: Align::Left,
            ..self.body_style(ctx)
        };
        let mut out = Vec::new();
        let last_row = rows.len().saturating_sub(1);
        let rule = (s.row_rule, s.hairline);
        let table = self.tree.add(Role::Table, ctx.parent);
        for (n, row) in rows.iter().enumerate() {
            let tr = self.tree.add(Role::TR, table);
            let (th, td) = (self.tree.add(Role::TH, tr), self.tree.add(Role::TD, tr));
            let head = self.set(&row.head, head_style, label_w, th)?;
            let cell = self.set(&row.cell, cell_style, cell_w, td)?;
            // Zip the two cells line by line, so an over-tall row can split between lines.
            let count = head.len().max(cell.len()).max(1);
            let mut chunks = Vec::with_capacity(count);
            for i in 0..count {
                let (h, c) = (head.get(i), cell.get(i));
                let mut chunk = Chunk {
                    height: h.map_or(0.0, |l| l.height).max(c.map_or(0.0, |l| l.height)),
                    lines: 1,
                    ..Chunk::default()
                };
                if let Some(h) = h {
                    push_shifted(&mut chunk.items, &h.items, ctx.x);
                }
                if let Some(c) = c {
                    push_shifted(&mut chunk.items, &c.items, ctx.x + cell_x);
                }
                chunks.push(chunk);
            }
            keep_together(&mut chunks);
            // A row counts once when a heading keeps "two rows" with it.
            for chunk in chunks.iter_mut().skip(1) {
                chunk.lines = 0;
            }
            // Never a single row alone on either side of a page break.
            if rows.len() > 1 && (n == 0 || n + 2 == rows.len()) {
                if let Some(last) = chunks.last_mut() {
                    last.keep_with_next = true;
                }
            }
            if let Some(first) = chunks.first_mut() {
                first.gap = if n == 0 { s.block_space } else { 0.0 };
                first.pad_top = s.row_padding;
                if n > 0 || top_rule {
                    let y = s.row_padding - s.hairline / 2.0;
                    let line = hline(ctx.x, ctx.x + ctx.width, y, rule, Artifact::Layout);
                    first.items.push(line);
                } else {
                    // The heading's own space below its rule already pads the first row.
                    first.pad_top = (s.row_padding - s.heading_after).max(0.0);
                }
            }
            if let Some(last) = chunks.last_mut() {
                last.pad_bottom = s.row_padding;
                if n == last_row {
                    let y = -last.height - s.row_padding + s.hairline / 2.0;
                    let line = hline(ctx.x, ctx.x + ctx.width, y, rule, Artifact::Layout);
                    last.items.push(line);
                }
            }
            out.append(&mut chunks);
        }
        Ok(out)
    }

    /// A `<box>`: a tinted panel behind its blocks, kept on one page unless taller than a page.
    pub(super) fn panel(
        &mut self,
        tone: Tone,
        blocks: &[Block],
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let id = self.panels.len();
        let (fill, border, bar) = if tone.is_alert() {
            (
                s.alert_tint,
                s.alert_border,
                Some((s.alert_strong, s.alert_bar)),
            )
        } else {
            (s.info_tint, s.info_border, None)
        };
        self.panels.push(Panel {
            x: ctx.x,
            w: ctx.width,
            fill,
            border: Some(Stroke {
                color: border,
                width: s.hairline,
            }),
            bar,
            radius: s.radius,
            padding: s.box_padding,
        });
        let left = s.box_padding + bar.map_or(0.0, |(_, w)| w);
        let inner = Ctx {
            in_panel: true,
            parent: self.tree.add(Role::Div, ctx.parent),
            ..ctx.inset(left, s.box_padding)
        };
        let mut chunks = self.blocks(blocks, inner)?;
        // Where the box's own keep forbids a break, it may still split to fill a page.
        let count = chunks.len();
        for chunk in chunks.iter_mut().take(count.saturating_sub(1)) {
            chunk.box_break = !chunk.keep_with_next;
        }
        self.continue_with(&mut chunks, continued::box_heading(blocks), inner)?;
        if tone.is_alert() {
            // The teal accent would clash with the warm panel: headings, phone numbers and rules
            // take the panel's own strong colour.
            recolor(
                &mut chunks,
                &[(s.accent, s.alert_strong), (s.accent_rule, s.alert_border)],
            );
        }
        keep_together(&mut chunks);
        let count = chunks.len();
        for (i, chunk) in chunks.iter_mut().enumerate() {
            let mut membership = PanelRef {
                id,
                open: None,
                close: None,
            };
            if i == 0 {
                chunk.gap = s.block_space + 3.0;
                chunk.pad_top += s.box_padding;
                membership.open = Some(chunk.pad_top);
            }
            if i + 1 == count {
                chunk.pad_bottom += s.box_padding;
                membership.close = Some(chunk.pad_bottom);
            }
            chunk.panels.insert(0, membership);
        }
        Ok(chunks)
    }

    /// Key figures side by side in a tinted panel: a small caption above each value.
    pub(super) fn facts(&mut self, facts: &[Fact], ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        if facts.is_empty() {
            return Ok(Vec::new());
        }
        let per_row = facts.len().clamp(1, 4);
        let inner = ctx.inset(s.box_padding + 2.0, s.box_padding + 2.0);
        let cell_w =
            ((inner.width - s.fact_gap * (per_row as f32 - 1.0)) / per_row as f32).max(1.0);
        let label_style = TextStyle {
            size: s.fact_label_size,
            leading: s.fact_label_leading,
            bold: true,
            color: s.accent,
            link_color: s.accent,
            align: Align::Left,
            lang: self.lang,
        };
        let value_style = TextStyle {
            bold: true,
            align: Align::Left,
            ..self.body_style(inner)
        };
        let mut items = Vec::new();
        let mut y = -s.box_padding;
        // Read as a table of label and value, one row per fact, row after row.
        let mark = self.tree.mark();
        let table = self.tree.add(Role::Table, ctx.parent);
        for row in facts.chunks(per_row) {
            let mut row_height: f32 = 0.0;
            for (i, fact) in row.iter().enumerate() {
                let x = inner.x + i as f32 * (cell_w + s.fact_gap);
                let mut cell_y = y;
                let tr = self.tree.add(Role::TR, table);
                let (th, td) = (self.tree.add(Role::TH, tr), self.tree.add(Role::TD, tr));
                let mut owner = Owner::node(&mut self.tree, th);
                let label =
                    text::set_plain(self.fonts, &fact.label, label_style, cell_w, &mut owner)?;
                let value = self.set(&fact.value, value_style, cell_w, td)?;
                for line in label.iter().chain(value.iter()) {
                    let mut shifted = Vec::new();
                    push_shifted(&mut shifted, &line.items, x);
                    for mut item in shifted {
                        super::translate(&mut item, 0.0, cell_y);
                        items.push(item);
                    }
                    cell_y -= line.height;
                }
                row_height = row_height.max(y - cell_y);
            }
            y -= row_height + s.fact_row_gap;
        }
        let height = -(y + s.fact_row_gap) + s.box_padding;
        if height > self.page_height {
            // Absurdly long facts: fall back to a table, which can split between lines.
            self.tree.rollback(mark);
            let rows: Vec<Row> = facts
                .iter()
                .map(|f| Row {
                    head: vec![Inline::plain(&f.label)],
                    cell: f.value.clone(),
                })
                .collect();
            return self.table(&rows, ctx, true);
        }
        let panel = Item::Rect {
            rect: Rect {
                x: ctx.x,
                y: -height,
                w: ctx.width,
                h: height,
            },
            fill: Some(s.info_tint),
            stroke: None,
            radius: s.radius,
            tag: Tag::Artifact(Artifact::Layout),
        };
        items.insert(0, panel);
        Ok(vec![Chunk {
            height,
            gap: s.block_space + 3.0,
            lines: 2,
            items,
            ..Chunk::default()
        }])
    }

    /// Side-by-side columns. They move as one unit when they fit on a page; when taller than a page,
    /// or narrower than the style's `columns_min_width`, they are set one after the other at full
    /// width, so nothing is ever cut and large type is never a few words per line.
    pub(super) fn columns(
        &mut self,
        columns: &[Vec<Block>],
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let n = columns.len().max(1) as f32;
        let col_w = ((ctx.width - s.column_gap * (n - 1.0)) / n).max(1.0);
        if columns.len() > 1 && col_w < s.columns_min_width {
            return self.stacked(columns, ctx);
        }
        let mark = self.tree.mark();
        let mut unit = Chunk {
            gap: s.block_space,
            lines: 2,
            ..Chunk::default()
        };
        let mut split = Split::default();
        for (i, blocks) in columns.iter().enumerate() {
            let col = Ctx {
                x: ctx.x + i as f32 * (col_w + s.column_gap),
                width: col_w,
                ..ctx
            };
            let mut chunks = self.blocks(blocks, col)?;
            keep_headings_with_next(&mut chunks);
            // Each keep-group is laid out on its own, so pagination can split the set between them.
            let mut slices = Vec::new();
            let mut bottom = 0.0;
            for group in keep_groups(chunks) {
                let gap = if slices.is_empty() { 0.0 } else { group[0].gap };
                let cont = group[0].cont.clone();
                let top = bottom + gap;
                for body in paginate::paginate(group, &self.panels, [f32::INFINITY; 2]) {
                    for item in &body.items {
                        let mut item = item.clone();
                        super::translate(&mut item, 0.0, -top);
                        unit.items.push(item);
                    }
                    for (title, y) in &body.bookmarks {
                        unit.bookmarks.push((title.clone(), y - top));
                    }
                    bottom = top + body.used;
                    slices.push(Slice {
                        top,
                        height: body.used,
                        items: body.items,
                        bookmarks: body.bookmarks,
                        cont: cont.clone(),
                    });
                }
            }
            unit.height = unit.height.max(bottom);
            split.columns.push(slices);
        }
        if unit.height <= self.page_height {
            unit.split = Some(split);
            return Ok(vec![unit]);
        }
        self.tree.rollback(mark);
        self.stacked(columns, ctx)
    }

    /// Columns set one after the other at the full width of `ctx`: as if their blocks were written
    /// in sequence, so a column's heading gets the space above it that any heading gets.
    fn stacked(&mut self, columns: &[Vec<Block>], ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let mut chunks = self.blocks(&columns.concat(), ctx)?;
        if let Some(first) = chunks.first_mut() {
            first.gap = self.style.block_space;
        }
        Ok(chunks)
    }
}
