//! Write-in blanks (`<fields>`): each field is its label and a rule to write on, and a fillable
//! form field over the rule, so staff can type before printing and a pen still works after.
//!
//! One-line fields share rows (`field_columns` a row, the last of a short row running to the
//! row's end), the label on the rule's baseline; a field of several lines takes the whole width,
//! its blank going on over more rules under the first. Rows are `field_height` apart, room for handwriting. The whole group
//! stays on one page. A `fill` field is laid out with its first rule only and keeps the next block
//! with it; pagination (`paginate::Pager::grow`) then adds the rules its page has room for. A label is a `P` and the field a `Form` element read after it (its only kid
//! is the widget's `OBJR`, as PDF/UA asks); the rules are layout artifacts.

use super::super::block::{Block, Field};
use super::super::frame::{Artifact, Item, Rect, Role, Tag};
use super::super::linebreak::Align;
use super::blocks::{hline, keep_together, Builder, Ctx};
use super::text::{LineBox, Owner, TextStyle};
use super::{Chunk, Fill, LayoutError};
use std::rc::Rc;

/// How far below the baseline the rule runs, as a share of the label size: just under the
/// letters, so writing sits on it as on a ruled line.
pub(super) const RULE_DROP: f32 = 0.12;
/// How far the rule lies above the bottom of its row, as a share of the label size: the rest of
/// the row's height is room to write above it.
const RULE_LIFT: f32 = 0.3;
/// Space between a label and the start of its blank, as a share of the label size.
const LABEL_GAP: f32 = 0.6;
/// The narrowest blank beside a label, as a share of its cell: a long label wraps before it
/// leaves no room to write.
const MIN_BLANK_SHARE: f32 = 0.4;

/// A row of one-line fields and their `P` and `Form` elements.
type SetRow<'f> = (&'f [&'f Field], Vec<(usize, usize)>);

impl Builder<'_> {
    /// The chunks of a `<fields>` block set in `ctx`.
    pub(super) fn fields(&mut self, fields: &[Field], ctx: Ctx) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let columns = (s.field_columns.round().max(1.0)) as usize;
        let rows = rows(fields, columns);
        let starts = self.blank_starts(&rows, columns, ctx);
        let mut out: Vec<Chunk> = Vec::new();
        // The one-line row just set, with its fields' elements: a `fill` field after it may move
        // up beside them.
        let mut previous: Option<SetRow<'_>> = None;
        for row in &rows {
            let mut nodes = Vec::new();
            match row.as_slice() {
                [field] if field.fill => {
                    let beside = previous.take();
                    if beside.is_some() {
                        out.pop();
                    }
                    out.push(self.filling_field(field, beside, columns, ctx, &starts)?);
                }
                [field] if ruled(field) => {
                    previous = None;
                    out.extend(self.ruled_field(field, ctx, &starts)?);
                }
                _ => {
                    out.push(self.field_row(row, columns, ctx, &starts, &mut nodes)?);
                    previous = Some((row.as_slice(), nodes));
                }
            }
        }
        // A set of blanks is filled in together: it never starts on one page and ends on the next.
        keep_together(&mut out);
        // A blank that fills its page keeps what follows on that page (the disclaimer under the
        // notes), or it would fill the page and push that alone onto the next.
        if let Some(last) = out.last_mut() {
            if last.fill.is_some() {
                last.keep_with_next = true;
            }
        }
        for chunk in &mut out {
            chunk.lines = 1;
        }
        if let Some(first) = out.first_mut() {
            first.gap = s.block_space;
        }
        Ok(out)
    }

    /// Where the blanks of each column start, from the cell's left edge: after the column's widest
    /// label, so the rules under each other start level, as on a printed form; never so far that
    /// a blank keeps less than its share of the cell.
    fn blank_starts(&self, rows: &[Vec<&Field>], columns: usize, ctx: Ctx) -> Vec<f32> {
        let s = self.style;
        let gaps = s.field_gap * (columns as f32 - 1.0);
        let cell_w = ((ctx.width - gaps) / columns as f32).max(1.0);
        let face = super::text::face(true, false);
        let mut starts = vec![0.0_f32; columns];
        for row in rows {
            for (start, field) in starts.iter_mut().zip(row) {
                let w = super::text::width(self.fonts, &field.label, face, s.field_label_size);
                *start = start.max(w + s.field_label_size * LABEL_GAP);
            }
        }
        let most = cell_w * (1.0 - MIN_BLANK_SHARE);
        starts.iter().map(|start| start.min(most)).collect()
    }

    /// How labels are set.
    fn label_style(&self) -> TextStyle {
        let s = self.style;
        TextStyle {
            size: s.field_label_size,
            leading: s.heading_leading,
            bold: true,
            color: s.accent,
            link_color: s.accent,
            align: Align::Left,
            lang: self.lang,
        }
    }

    /// The label of `field` set in `width`, as the content of its `P` element `node`.
    fn field_label(
        &mut self,
        field: &Field,
        width: f32,
        node: usize,
    ) -> Result<Vec<LineBox>, LayoutError> {
        let style = self.label_style();
        let mut owner = Owner::node(&mut self.tree, node);
        super::text::set_plain(self.fonts, &field.label, style, width, &mut owner)
    }

    /// The form field of `field` over `rect`, the content of the `Form` element `form`.
    fn field_item(&self, field: &Field, rect: Rect, form: usize) -> Item {
        let s = self.style;
        Item::Field {
            rect,
            name: field.name.clone(),
            tooltip: field.label.clone(),
            multiline: field.lines > 1 || field.fill,
            // Typed text as large as the body text, but never taller than the blank.
            size: s.body_size.min(rect.h * 0.75),
            tag: Tag::Node(form),
            underscores: None,
        }
    }

    /// One row of one-line fields: each a label on the baseline and a rule to the cell's end.
    /// `nodes` are the fields' `P` and `Form` elements: those it has are used again (the same
    /// field laid out another way), the others are made and added.
    fn field_row(
        &mut self,
        row: &[&Field],
        columns: usize,
        ctx: Ctx,
        starts: &[f32],
        nodes: &mut Vec<(usize, usize)>,
    ) -> Result<Chunk, LayoutError> {
        let s = self.style;
        let gaps = s.field_gap * (columns as f32 - 1.0);
        let cell_w = ((ctx.width - gaps) / columns as f32).max(1.0);
        let rule = (s.muted, s.hairline);
        let mut items = Vec::new();
        let mut height = s.field_height;
        let mut cells = Vec::new();
        for (i, field) in row.iter().enumerate() {
            let x = ctx.x + i as f32 * (cell_w + s.field_gap);
            // The last field of a short row runs to the row's end.
            let right = if i + 1 == row.len() {
                ctx.x + ctx.width
            } else {
                x + cell_w
            };
            let room = (right - x) * (1.0 - MIN_BLANK_SHARE);
            let (label, form) = match nodes.get(i) {
                Some(&made) => made,
                None => {
                    let label = self.tree.add(Role::P, ctx.parent);
                    // Read right after its label, before the next field's.
                    let form = self.tree.add(Role::Form, ctx.parent);
                    nodes.push((label, form));
                    (label, form)
                }
            };
            let lines = self.field_label(field, room, label)?;
            let level = x + starts.get(i).copied().unwrap_or(0.0);
            cells.push((field, x, right, lines, form, level));
        }
        // A label that wrapped makes the row taller; every label of the row shares its last baseline.
        for (_, _, _, lines, _, _) in &cells {
            let above: f32 = lines.iter().rev().skip(1).map(|l| l.height).sum();
            height = height.max(above + s.field_height);
        }
        let baseline = height - s.field_label_size * (RULE_DROP + RULE_LIFT);
        let rule_y = -baseline - s.field_label_size * RULE_DROP;
        for (field, x, right, lines, form, level) in cells {
            let mut end = x;
            let above: f32 = lines.iter().rev().skip(1).map(|l| l.height).sum();
            let mut top = -baseline + lines.last().map_or(0.0, |l| l.baseline) + above;
            for line in &lines {
                for item in &line.items {
                    let mut item = item.clone();
                    super::translate(&mut item, x, top);
                    if let Item::Text { x, width, .. } = &item {
                        end = end.max(x + width);
                    }
                    items.push(item);
                }
                top -= line.height;
            }
            // Reading order: the label's words, then its field.
            let start = (end + s.field_label_size * LABEL_GAP)
                .max(level)
                .min(right - 1.0);
            items.push(hline(start, right, rule_y, rule, Artifact::Layout));
            let rect = Rect {
                x: start,
                y: rule_y + s.hairline,
                w: right - start,
                h: (-rule_y - s.hairline - 1.0).max(1.0),
            };
            items.push(self.field_item(field, rect, form));
        }
        Ok(Chunk {
            height,
            items,
            ..Chunk::default()
        })
    }

    /// A field of several lines: a one-line field whose blank goes on over more rules across the
    /// whole width, as lined paper does, one field over all of them.
    fn ruled_field(
        &mut self,
        field: &Field,
        ctx: Ctx,
        starts: &[f32],
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let mut first = self.field_row(&[field], 1, ctx, starts, &mut Vec::new())?;
        let lift = s.field_label_size * RULE_LIFT;
        let more = f32::from(field.lines.saturating_sub(1));
        // The first rule lies `lift` above its row's bottom, so the next rows keep its rhythm.
        for item in &mut first.items {
            if let Item::Field { rect, .. } = item {
                rect.y -= s.field_height * more;
                rect.h += s.field_height * more;
            }
        }
        let mut items = Vec::new();
        for n in 1..field.lines {
            let y = lift - s.field_height * f32::from(n);
            items.push(hline(
                ctx.x,
                ctx.x + ctx.width,
                y,
                (s.muted, s.hairline),
                Artifact::Layout,
            ));
        }
        let rules = Chunk {
            height: s.field_height * more - lift + s.hairline,
            items,
            ..Chunk::default()
        };
        Ok(vec![first, rules])
    }
}

impl Builder<'_> {
    /// A `fill` field (notes at a handout's end) as one chunk: the one-line row before it, if
    /// any (`beside`, with its elements), then its label and `lines` rules across the whole
    /// width, the fewest it takes; pagination (`paginate::Pager::grow`) adds as many more as its
    /// page has room for. Where fewer fit, pagination uses the chunk's `compact` form instead:
    /// the field as a one-line blank at the end of that row, with the same elements, so the
    /// notes never go to a new page alone.
    fn filling_field(
        &mut self,
        field: &Field,
        beside: Option<SetRow<'_>>,
        columns: usize,
        ctx: Ctx,
        starts: &[f32],
    ) -> Result<Chunk, LayoutError> {
        let s = self.style;
        let (row, mut nodes) = beside.unwrap_or_default();
        let mut chunk = if row.is_empty() {
            Chunk::default()
        } else {
            self.field_row(row, columns, ctx, starts, &mut nodes)?
        };
        let mut own = Vec::new();
        let ruled = self.field_row(&[field], 1, ctx, starts, &mut own)?;
        nodes.extend(own);
        let lines = f32::from(field.lines.max(1));
        let lift = s.field_label_size * RULE_LIFT;
        let rule = (s.muted, s.hairline);
        let top = chunk.height;
        for mut item in ruled.items {
            super::translate(&mut item, 0.0, -top);
            if let Item::Field { rect, .. } = &mut item {
                rect.y -= s.field_height * (lines - 1.0);
                rect.h += s.field_height * (lines - 1.0);
            }
            chunk.items.push(item);
        }
        // Each further rule one row under the last, keeping the first rule's rhythm.
        let first_rule = lift - top - ruled.height;
        for n in 1..usize::from(field.lines.max(1)) {
            let y = first_rule - s.field_height * n as f32;
            chunk
                .items
                .push(hline(ctx.x, ctx.x + ctx.width, y, rule, Artifact::Layout));
        }
        chunk.height = top + ruled.height + s.field_height * (lines - 1.0);
        // The compact form: one row, the field a one-line blank at its end.
        let mut cells: Vec<&Field> = row.to_vec();
        cells.push(field);
        let mut compact =
            self.field_row(&cells, columns.max(cells.len()), ctx, starts, &mut nodes)?;
        for item in &mut compact.items {
            if let Item::Field {
                name, multiline, ..
            } = item
            {
                if *name == field.name {
                    *multiline = false;
                }
            }
        }
        let fill = |first_rule: f32, compact: Option<Rc<Chunk>>| Fill {
            step: s.field_height,
            x0: ctx.x,
            x1: ctx.x + ctx.width,
            first_rule,
            stroke: rule,
            grows: field.name.clone(),
            compact,
        };
        // Compact, it still takes the rules (fewer than `lines`) its page has left under its row.
        compact.fill = Some(fill(lift - compact.height, None));
        chunk.fill = Some(fill(
            first_rule - s.field_height * (lines - 1.0),
            Some(Rc::new(compact)),
        ));
        Ok(chunk)
    }
}

/// Whether `block` is a set of blanks with one that fills its page, which keeps the block before
/// it on its page: a page never holds only blanks, notes and what follows them.
pub(super) fn keeps_block_before(block: &Block) -> bool {
    matches!(block, Block::Fields(fields) if fields.iter().any(|f| f.fill))
}

/// Whether `field` takes a row of its own, its blank going on over more rules.
fn ruled(field: &Field) -> bool {
    field.lines > 1 || field.fill
}

/// `fields` in rows: one-line fields `columns` a row, a ruled field alone in its row.
fn rows(fields: &[Field], columns: usize) -> Vec<Vec<&Field>> {
    let mut rows = Vec::new();
    let mut row: Vec<&Field> = Vec::new();
    for field in fields {
        if ruled(field) {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            rows.push(vec![field]);
            continue;
        }
        row.push(field);
        if row.len() == columns {
            rows.push(std::mem::take(&mut row));
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}
