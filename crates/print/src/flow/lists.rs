//! Lists: each item's marker in the gutter and its words beside it, tagged `L` → `LI` → `Lbl` +
//! `LBody`. A list nested in an item is an `L` inside that item's `LBody`, one gutter further in.
//!
//! Keep rules: an item's words are never split across pages, nor a nested item's; an item's words
//! stay with its first nested item (a lead-in such as "For the next 12 hours:" is never the last
//! line of a page), and a page may break between nested items.

use super::super::block::{Inline, ListItem, ListMark, Nested};
use super::super::font::Face;
use super::super::frame::{Item, Rect, Role, Stroke, Tag};
use super::blocks::{keep_together, line_chunks, Builder, Ctx};
use super::text;
use super::{Chunk, LayoutError};

/// Space the style's gutter keeps between a number and the item's words, right-aligned numbers
/// ending this far before them.
const NUMBER_GAP: f32 = 6.0;

/// One item as layout sees it: its words and the list nested after them (never deeper).
type Entry<'i> = (&'i [Inline], Option<&'i Nested>);

impl Builder<'_> {
    /// A `<ul>` or `<ol>` of the body, a column or a box.
    pub(super) fn list(
        &mut self,
        mark: ListMark,
        items: &[ListItem],
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let entries: Vec<Entry<'_>> = items
            .iter()
            .map(|item| (item.inlines.as_slice(), item.nested.as_ref()))
            .collect();
        Ok(self.entries(mark, &entries, ctx, false)?.0)
    }

    /// The chunks of a list's items set in `ctx` (the list's `L` goes under `ctx.parent`), and the
    /// distance from the top of the first chunk down to the first baseline, where the marker of an
    /// item made only of a nested list stands. A `nested` list follows its item's words at item
    /// spacing rather than block spacing.
    fn entries(
        &mut self,
        mark: ListMark,
        items: &[Entry<'_>],
        ctx: Ctx,
        nested: bool,
    ) -> Result<(Vec<Chunk>, f32), LayoutError> {
        let s = self.style;
        let gutter = self.gutter(mark, items.len());
        let inner = ctx.inset(gutter, 0.0);
        let style = self.body_style(inner);
        let list = self.tree.add(Role::L, ctx.parent);
        let mut out = Vec::new();
        let mut first_baseline = 0.0;
        for (n, (inlines, sub)) in items.iter().enumerate() {
            let li = self.tree.add(Role::LI, list);
            let label = self.tree.add(Role::Lbl, li);
            let body = self.tree.add(Role::LBody, li);
            let mut chunks = Vec::new();
            let mut baseline = 0.0;
            // An item holding only a nested list has no line of its own: its marker stands on the
            // nested list's first line.
            if !inlines.is_empty() || sub.is_none() {
                let lines = self.set(inlines, style, inner.width, body)?;
                baseline = lines.first().map_or(0.0, |l| l.baseline);
                chunks = line_chunks(lines, inner);
                // A list item is never split across pages, and counts once when a heading keeps
                // "two items" with it.
                keep_together(&mut chunks);
                for chunk in chunks.iter_mut().skip(1) {
                    chunk.lines = 0;
                }
            }
            if let Some(sub) = sub {
                let words: Vec<Entry<'_>> = sub
                    .items
                    .iter()
                    .map(|words| (words.as_slice(), None))
                    .collect();
                let within = Ctx {
                    parent: body,
                    ..inner
                };
                let (more, sub_baseline) = self.entries(sub.mark, &words, within, true)?;
                match chunks.last_mut() {
                    Some(last) if !more.is_empty() => last.keep_with_next = true,
                    Some(_) => {}
                    None => baseline = sub_baseline,
                }
                chunks.extend(more);
            }
            if let Some(first) = chunks.first_mut() {
                first.gap = if n == 0 && !nested {
                    s.block_space
                } else {
                    s.item_space
                };
                // The marker is read (and drawn) before the item's words.
                let marker = self.marker(mark, n, ctx.x, gutter, -baseline, Tag::Node(label));
                first.items.splice(0..0, marker);
            }
            if n == 0 {
                first_baseline = baseline;
            }
            // Never one item alone on either side of a page break: the first keeps with the
            // second, the last with the one before it.
            if items.len() > 1 && (n == 0 || n + 2 == items.len()) {
                if let Some(last) = chunks.last_mut() {
                    last.keep_with_next = true;
                }
            }
            // "(continued)" above an item that starts a page is read as the item's first words.
            for chunk in &mut chunks {
                let cont = chunk.cont.get_or_insert_with(Default::default);
                cont.tag.get_or_insert(Tag::Node(body));
            }
            out.append(&mut chunks);
        }
        Ok((out, first_baseline))
    }

    /// The number of the item at `index` in a list marked `mark`, as printed ("3.").
    fn number(mark: ListMark, index: usize) -> Option<String> {
        let ListMark::Number { start } = mark else {
            return None;
        };
        let index = u64::try_from(index).unwrap_or(u64::MAX);
        Some(format!("{}.", u64::from(start).saturating_add(index)))
    }

    /// The width of a list's gutter: the style's, or as wide as its widest number needs.
    fn gutter(&self, mark: ListMark, count: usize) -> f32 {
        let s = self.style;
        let widest = (0..count)
            .filter_map(|n| Self::number(mark, n))
            .map(|label| text::width(self.fonts, &label, Face::Bold, s.body_size))
            .fold(0.0, f32::max);
        // Only numbers that would reach the words widen the gutter: a short list keeps the
        // style's, exactly as before lists could start anywhere.
        if widest > s.list_indent {
            widest + NUMBER_GAP
        } else {
            s.list_indent
        }
    }

    /// The marker of the item at `index` whose first baseline is at `baseline`, drawn in the gutter
    /// of width `gutter` at `x` and tagged `tag` (the item's `Lbl`).
    fn marker(
        &self,
        mark: ListMark,
        index: usize,
        x: f32,
        gutter: f32,
        baseline: f32,
        tag: Tag,
    ) -> Vec<Item> {
        let s = self.style;
        // Marks are sized from the x-height region so they sit centred on lowercase text.
        let m = s.body_size * s.mark_size;
        let stroke = s.body_size * s.mark_stroke;
        match mark {
            ListMark::Bullet => {
                let d = s.body_size * s.bullet_size;
                vec![Item::Rect {
                    rect: Rect {
                        x: x + 5.0,
                        y: baseline + s.body_size * 0.25 - d / 2.0 + 0.6,
                        w: d,
                        h: d,
                    },
                    fill: Some(s.accent),
                    stroke: None,
                    radius: d / 2.0,
                    tag,
                }]
            }
            ListMark::Check => {
                let (x0, y0) = (x + 2.5, baseline + 0.5);
                vec![Item::Line {
                    points: vec![
                        (x0, y0 + m * 0.5),
                        (x0 + m * 0.38, y0 + m * 0.1),
                        (x0 + m * 1.05, y0 + m * 1.05),
                    ],
                    color: s.check,
                    width: stroke,
                    tag,
                }]
            }
            ListMark::Cross => {
                let (x0, y0) = (x + 3.0, baseline + 0.6);
                let c = m * 0.85;
                vec![
                    Item::Line {
                        points: vec![(x0, y0), (x0 + c, y0 + c)],
                        color: s.cross,
                        width: stroke,
                        tag,
                    },
                    Item::Line {
                        points: vec![(x0, y0 + c), (x0 + c, y0)],
                        color: s.cross,
                        width: stroke,
                        tag,
                    },
                ]
            }
            ListMark::Box => {
                // An empty square from the baseline to the cap height, its outer edge there: as
                // tall as a capital letter beside it, room for a pen's tick. The line is half a
                // check mark's, so the box reads as a place to write, not as ink already there.
                let side = self.fonts.cap_height(Face::Regular, s.body_size);
                let width = stroke / 2.0;
                vec![Item::Rect {
                    rect: Rect {
                        x: x + 2.5 + width / 2.0,
                        y: baseline + width / 2.0,
                        w: side - width,
                        h: side - width,
                    },
                    fill: None,
                    stroke: Some(Stroke {
                        color: s.accent,
                        width,
                    }),
                    radius: 0.0,
                    tag,
                }]
            }
            ListMark::Number { .. } => {
                let label = Self::number(mark, index).unwrap_or_default();
                let w = text::width(self.fonts, &label, Face::Bold, s.body_size);
                vec![Item::Text {
                    x: (x + gutter - NUMBER_GAP - w).max(x),
                    y: baseline,
                    text: label,
                    face: Face::Bold,
                    size: s.body_size,
                    color: s.accent,
                    width: w,
                    tag,
                }]
            }
        }
    }
}
