//! Data tables (`<table>` with `<thead>` and `<tbody>`): columns sized to their content the way
//! HTML's automatic table layout does it, a tinted bold header row over a strong rule, a thin rule
//! under every body row. A row is never split across pages (unless taller than a page); the header
//! row stays with the first body row, and where the table goes on on a new page it is drawn again
//! there as a pagination artifact, so a reader hears it once.
//!
//! When even the narrowest columns (each as wide as its longest word) do not fit, as with four
//! columns in large print, the table is set row by row instead: each body row a group of
//! "Header: value" paragraphs at full width, a rule under each group. Type is never shrunk.
//!
//! Tags: `Table` → `THead` → `TR` → `TH`s (`/Scope /Column`), then `TBody` → `TR`s → `TD`s. Row
//! by row, `Table` → one `TBody` per body row → one `TR` per cell, its `TH` the printed "Header:"
//! (`/Scope /Row`) and its `TD` the value.

use std::rc::Rc;

use super::super::block::{Cell, DataTable, Inline};
use super::super::font::Face;
use super::super::frame::{Artifact, Item, Rect, Role, Tag};
use super::super::linebreak::Align;
use super::blocks::{hline, keep_together, line_chunks, push_shifted, Builder, Ctx};
use super::text::{self, LineBox, Owner, TextStyle};
use super::{translate, Chunk, LayoutError};

/// Added to every content width, so the line breaker never finds a cell's longest word or line a
/// hair too long for the column measured to hold it.
const SLACK: f32 = 0.5;

/// Where the columns' text goes: each column's left edge and width, relative to the text box.
struct Columns {
    x: Vec<f32>,
    w: Vec<f32>,
    /// The table's left and right edges (rules and the header's tint span them).
    left: f32,
    right: f32,
}

impl Builder<'_> {
    /// A data table in `ctx`: ruled columns when their narrowest widths fit, else row by row.
    pub(super) fn data_table(
        &mut self,
        table: &DataTable,
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        // The parser never lets an empty table through; nothing to draw is nothing to tag.
        if table.head.is_empty() || table.rows.is_empty() {
            return Ok(Vec::new());
        }
        let pad = self.style.cell_padding;
        let (head, body) = (self.head_style(ctx), self.cell_style(ctx));
        let count = table.head.len();
        let mut min = vec![0.0f32; count];
        let mut max = vec![0.0f32; count];
        let cells = table.head.iter().map(|cell| (cell, head)).enumerate();
        let rows = table
            .rows
            .iter()
            .flat_map(|row| row.iter().take(count).map(|cell| (cell, body)).enumerate());
        for (i, (cell, style)) in cells.chain(rows) {
            let (least, most) = text::content_widths(self.fonts, &cell.inlines, style)?;
            min[i] = min[i].max(least + SLACK);
            max[i] = max[i].max(most + SLACK);
        }
        let room = ctx.width - count as f32 * 2.0 * pad;
        let Some(widths) = column_widths(&min, &max, room) else {
            return self.row_by_row(table, ctx);
        };
        let mut x = ctx.x;
        let mut columns = Columns {
            x: Vec::with_capacity(count),
            w: widths,
            left: ctx.x,
            right: ctx.x,
        };
        for w in &columns.w {
            columns.x.push(x + pad);
            x += w + 2.0 * pad;
        }
        columns.right = x;
        self.ruled(table, &columns, ctx)
    }

    /// The header cells' style: bold body text.
    fn head_style(&self, ctx: Ctx) -> TextStyle {
        TextStyle {
            bold: true,
            ..self.cell_style(ctx)
        }
    }

    /// The body cells' style: body text, flush left unless the cell says otherwise.
    fn cell_style(&self, ctx: Ctx) -> TextStyle {
        TextStyle {
            align: Align::Left,
            ..self.body_style(ctx)
        }
    }

    /// The table as ruled columns placed as `columns` says, under `ctx.parent`.
    fn ruled(
        &mut self,
        table: &DataTable,
        columns: &Columns,
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let node = self.tree.add(Role::Table, ctx.parent);
        let thead = self.tree.add(Role::THead, node);
        let tr = self.tree.add(Role::TR, thead);
        let mut head = self.row(&table.head, self.head_style(ctx), Role::TH, tr, columns)?;
        let height: f32 = head.iter().map(|c| c.height).sum();
        let strong = (s.accent, s.hairline * 1.5);
        if let Some(first) = head.first_mut() {
            first.gap = s.block_space;
            // The tint goes under the words, so it is drawn first.
            let tint = Item::Rect {
                rect: Rect {
                    x: columns.left,
                    y: -height - s.row_padding,
                    w: columns.right - columns.left,
                    h: height + 2.0 * s.row_padding,
                },
                fill: Some(s.info_tint),
                stroke: None,
                radius: 0.0,
                tag: Tag::Artifact(Artifact::Layout),
            };
            first.items.insert(0, tint);
        }
        if let Some(last) = head.last_mut() {
            let y = -last.height - s.row_padding + strong.1 / 2.0;
            let rule = hline(columns.left, columns.right, y, strong, Artifact::Layout);
            last.items.push(rule);
        }
        let repeat = Rc::new(repeated(&head));
        let tbody = self.tree.add(Role::TBody, node);
        let rule = (s.row_rule, s.hairline);
        let mut out = head;
        for (n, cells) in table.rows.iter().enumerate() {
            let tr = self.tree.add(Role::TR, tbody);
            let mut chunks = self.row(cells, self.cell_style(ctx), Role::TD, tr, columns)?;
            if let Some(last) = chunks.last_mut() {
                let y = -last.height - s.row_padding + rule.1 / 2.0;
                let line = hline(columns.left, columns.right, y, rule, Artifact::Layout);
                last.items.push(line);
            }
            for chunk in &mut chunks {
                chunk.repeat = Some(Rc::clone(&repeat));
            }
            out.append(&mut chunks);
            // The header row never ends a page: it goes with the first body row. This keep is
            // the outermost, so a first row taller than a page splits inside itself first.
            if n == 0 {
                keep_together(&mut out);
            }
        }
        Ok(out)
    }

    /// One row of `cells` in `style` (each cell's own alignment), the cells elements of `role`
    /// under `tr`: its lines side by side, one chunk per line, padded above and below and kept
    /// together (a row taller than a page may still split between lines), counted as one line
    /// when a heading keeps lines with it.
    fn row(
        &mut self,
        cells: &[Cell],
        style: TextStyle,
        role: Role,
        tr: usize,
        columns: &Columns,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let mut set = Vec::with_capacity(cells.len());
        for ((cell, &x), &w) in cells.iter().zip(&columns.x).zip(&columns.w) {
            let node = self.tree.add(role, tr);
            let style = TextStyle {
                align: cell.align,
                ..style
            };
            set.push((self.set(&cell.inlines, style, w, node)?, x));
        }
        let count = set
            .iter()
            .map(|(lines, _)| lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut chunks: Vec<Chunk> = (0..count)
            .map(|i| {
                let mut chunk = Chunk {
                    lines: usize::from(i == 0),
                    ..Chunk::default()
                };
                for (lines, x) in &set {
                    if let Some(line) = lines.get(i) {
                        chunk.height = chunk.height.max(line.height);
                        push_shifted(&mut chunk.items, &line.items, *x);
                    }
                }
                chunk
            })
            .collect();
        keep_together(&mut chunks);
        if let Some(first) = chunks.first_mut() {
            first.pad_top = self.style.row_padding;
        }
        if let Some(last) = chunks.last_mut() {
            last.pad_bottom = self.style.row_padding;
        }
        Ok(chunks)
    }

    /// The table set row by row, at the full width of `ctx`: per body row, one "Header: value"
    /// paragraph per cell, a thin rule under each row. Columns too narrow for their words would
    /// cut them, and shrinking the type would defeat large print.
    fn row_by_row(&mut self, table: &DataTable, ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let label = TextStyle {
            color: s.accent,
            link_color: s.accent,
            ..self.head_style(ctx)
        };
        let value = self.cell_style(ctx);
        let rule = (s.row_rule, s.hairline);
        let node = self.tree.add(Role::Table, ctx.parent);
        let mut out = Vec::new();
        for (n, cells) in table.rows.iter().enumerate() {
            let group = self.tree.add(Role::TBody, node);
            let mut chunks = Vec::new();
            for (i, (head, cell)) in table.head.iter().zip(cells).enumerate() {
                let tr = self.tree.add(Role::TR, group);
                let (th, td) = (self.tree.add(Role::TH, tr), self.tree.add(Role::TD, tr));
                let mut pair =
                    self.run_in(&head.inlines, &cell.inlines, (label, value), ctx, (th, td))?;
                if let Some(first) = pair.first_mut().filter(|_| i > 0) {
                    first.gap = s.item_space;
                }
                chunks.append(&mut pair);
            }
            keep_together(&mut chunks);
            for chunk in chunks.iter_mut().skip(1) {
                chunk.lines = 0;
            }
            // No rule above the first row: under a section heading it would double the
            // heading's rule, and the bold labels already say where a row starts.
            if let Some(first) = chunks.first_mut() {
                first.pad_top = s.row_padding;
                if n == 0 {
                    first.gap = s.block_space;
                }
            }
            if let Some(last) = chunks.last_mut() {
                last.pad_bottom = s.row_padding;
                let y = -last.height - s.row_padding + rule.1 / 2.0;
                last.items
                    .push(hline(ctx.x, ctx.x + ctx.width, y, rule, Artifact::Layout));
            }
            out.append(&mut chunks);
        }
        Ok(out)
    }

    /// "Header: value" as one paragraph: the header and a colon in `styles.0`, the content of
    /// `nodes.0` (the `TH`), and the value in `styles.1` going on on the same line when its longest
    /// word fits there, the content of `nodes.1` (the `TD`).
    fn run_in(
        &mut self,
        head: &[Inline],
        value: &[Inline],
        styles: (TextStyle, TextStyle),
        ctx: Ctx,
        nodes: (usize, usize),
    ) -> Result<Vec<Chunk>, LayoutError> {
        let mut label = head.to_vec();
        label.push(Inline::plain(":"));
        let mut labels = self.set(&label, styles.0, ctx.width, nodes.0)?;
        let end = labels.last().map_or(0.0, line_end);
        let space = text::width(self.fonts, " ", Face::Regular, styles.1.size);
        let (longest, _) = text::content_widths(self.fonts, value, styles.1)?;
        let room = ctx.width - end - space;
        let run_in = !labels.is_empty() && room >= longest + SLACK;
        let widths = if run_in {
            vec![room, ctx.width]
        } else {
            vec![ctx.width]
        };
        let mut owner = Owner::node(&mut self.tree, nodes.1);
        let mut values = text::set_widths(self.fonts, value, styles.1, &widths, &mut owner)?;
        if run_in && !values.is_empty() {
            let first = values.remove(0);
            if let Some(last) = labels.last_mut() {
                join(last, first, end + space);
            }
        }
        let mut chunks = line_chunks(labels, ctx);
        chunks.append(&mut line_chunks(values, ctx));
        Ok(chunks)
    }
}

/// HTML's automatic table layout: every column as wide as its widest line when they all fit in
/// `room`; `None` when even their longest words (`min`) do not. Otherwise a column whose widest
/// line fits in an equal share of the room left is given it, so a short label or a number never
/// wraps to spare a column of sentences a few points; the columns left share the rest, each
/// between its longest word and its widest line, in proportion to what it would still like.
pub(super) fn column_widths(min: &[f32], max: &[f32], room: f32) -> Option<Vec<f32>> {
    if max.iter().sum::<f32>() <= room {
        return Some(max.to_vec());
    }
    if min.iter().sum::<f32>() > room {
        return None;
    }
    // The sum of `v` over the columns given their widest line (`given` true) or not.
    let sum = |v: &[f32], whole: &[bool], given: bool| -> f32 {
        v.iter()
            .zip(whole)
            .filter(|(_, w)| **w == given)
            .map(|(x, _)| x)
            .sum()
    };
    let mut whole = vec![false; max.len()];
    // One column at a time, as the fair share grows with each; only while the others can still
    // have their longest words.
    while let Some(i) = (0..max.len()).find(|&i| {
        let given = sum(max, &whole, true);
        let open = whole.iter().filter(|w| !**w).count() as f32;
        let others = sum(min, &whole, false) - min[i];
        !whole[i] && max[i] <= (room - given) / open && given + max[i] + others <= room
    }) {
        whole[i] = true;
    }
    let left = room - sum(max, &whole, true);
    let (least, most) = (sum(min, &whole, false), sum(max, &whole, false));
    let share = if most > least {
        ((left - least) / (most - least)).clamp(0.0, 1.0)
    } else {
        0.0
    };
    Some(
        min.iter()
            .zip(max)
            .zip(&whole)
            .map(|((a, b), w)| if *w { *b } else { a + (b - a) * share })
            .collect(),
    )
}

/// The header row `head` as one chunk of pagination artifacts, drawn above a body row that starts
/// a later page: the same words, tint and rule, but read only where the table starts. Its links
/// are left out: the first header row has them.
fn repeated(head: &[Chunk]) -> Chunk {
    let mut items = Vec::new();
    let mut used = 0.0;
    for chunk in head {
        let top = -(used + chunk.pad_top);
        for mut item in chunk.items.iter().filter_map(for_the_eye) {
            translate(&mut item, 0.0, top);
            items.push(item);
        }
        used += chunk.pad_top + chunk.height + chunk.pad_bottom;
    }
    Chunk {
        height: used,
        items,
        ..Chunk::default()
    }
}

/// `item` of the header row as a pagination artifact; `None` for a link's clickable area, which
/// the first header row has. (Words, the tint and rules are all a header row draws.)
fn for_the_eye(item: &Item) -> Option<Item> {
    let mut item = item.clone();
    match &mut item {
        Item::Text { tag, .. } | Item::Rect { tag, .. } | Item::Line { tag, .. } => {
            *tag = Tag::Artifact(Artifact::Pagination);
            Some(item)
        }
        _ => None,
    }
}

/// The right end of the words of `line`.
fn line_end(line: &LineBox) -> f32 {
    line.items
        .iter()
        .filter_map(|item| match item {
            Item::Text { x, width, .. } => Some(x + width),
            _ => None,
        })
        .fold(0.0, f32::max)
}

/// Puts the words of `value` on `line` from `x` on, their baselines aligned.
fn join(line: &mut LineBox, value: LineBox, x: f32) {
    let baseline = line.baseline.max(value.baseline);
    for item in &mut line.items {
        translate(item, 0.0, line.baseline - baseline);
    }
    for mut item in value.items {
        translate(&mut item, x, value.baseline - baseline);
        line.items.push(item);
    }
    line.height = (line.height - line.baseline).max(value.height - value.baseline) + baseline;
    line.baseline = baseline;
}
