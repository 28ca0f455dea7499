//! Fills pages with chunks, first fit, a keep-group at a time, and draws box panels behind the
//! chunks that landed on each page.
//!
//! A keep-group is a run of chunks joined by `keep_with_next`. It goes to the next page whole when it
//! does not fit the rest of this one; only a group taller than an empty page is split, at the last
//! chunk that fits, so nothing is ever cut or pushed past the text box. A data table's body chunk
//! that starts a page after the first brings its table's header row with it.

use std::collections::BTreeMap;

use super::super::frame::{Artifact, Item, Rect, Tag};
use super::blocks::hline;
use super::{translate, Chunk, Fill, Panel, PanelRef, Slice, Split};

/// Rounding slack when testing whether a group fits, in points.
const FIT_SLACK: f32 = 0.01;

/// The body of one page, relative to the text box's top-left corner (content at y < 0).
#[derive(Debug, Default)]
pub(super) struct PageBody {
    /// Items in reading order, panels first.
    pub(super) items: Vec<Item>,
    /// Outline entries: title and y of the heading's top.
    pub(super) bookmarks: Vec<(String, f32)>,
    /// Height used, from the top of the text box.
    pub(super) used: f32,
}

/// Where a panel reaches on the current page.
#[derive(Clone, Copy)]
struct Extent {
    top: f32,
    bottom: f32,
    /// Whether the panel ends on this page (else it goes on, and keeps its padding under the text).
    closed: bool,
}

/// Pages filled with `chunks`, the first `heights[0]` tall and the others `heights[1]`; heights
/// may be infinite (for columns).
pub(super) fn paginate(chunks: Vec<Chunk>, panels: &[Panel], heights: [f32; 2]) -> Vec<PageBody> {
    paginate_filling(chunks, panels, heights, 0.0)
}

/// Like [`paginate`], a box that does not fit the rest of a page split between its blocks and
/// items while the page is filled less than `split_fill` (a share of its text box).
pub(super) fn paginate_filling(
    chunks: Vec<Chunk>,
    panels: &[Panel],
    heights: [f32; 2],
    split_fill: f32,
) -> Vec<PageBody> {
    let mut pager = Pager {
        panels,
        heights,
        split_fill,
        pages: Vec::new(),
        page: PageBody::default(),
        extents: BTreeMap::new(),
        growing: None,
    };
    let mut chunks = chunks.into_iter().peekable();
    let mut group: Vec<Chunk> = Vec::new();
    while let Some(chunk) = chunks.next() {
        let more = chunk.keep_with_next && chunks.peek().is_some();
        group.push(chunk);
        if !more {
            pager.place_group(std::mem::take(&mut group));
        }
    }
    pager.finish_page();
    pager.pages
}

struct Pager<'a> {
    panels: &'a [Panel],
    /// How full a page must be before a box that does not fit moves whole to the next one.
    split_fill: f32,
    /// Text box heights of page 1 and of later pages.
    heights: [f32; 2],
    pages: Vec<PageBody>,
    page: PageBody,
    /// Panels touched on the current page.
    extents: BTreeMap<usize, Extent>,
    /// A `fill` blank on the current page, to grow when the page is done.
    growing: Option<Growing>,
}

/// A `fill` blank placed on the current page.
struct Growing {
    /// Its items in the page's list: `start..end`.
    start: usize,
    end: usize,
    /// Bookmarks of the page before it.
    bookmarks: usize,
    /// Its first rule's height on the page.
    rule: f32,
    fill: Fill,
}

impl Pager<'_> {
    fn empty(&self) -> bool {
        self.page.items.is_empty() && self.page.used == 0.0
    }

    /// The current page's text box height.
    fn height(&self) -> f32 {
        self.heights[usize::from(!self.pages.is_empty())]
    }

    fn place_group(&mut self, mut group: Vec<Chunk>) {
        if self.page.used + self.height_of(&group) <= self.height() + FIT_SLACK {
            group.into_iter().for_each(|c| self.place(c));
            return;
        }
        if let Some(compact) = self.compact(&group) {
            compact.into_iter().for_each(|c| self.place(c));
            return;
        }
        // A column set that does not fit the rest of the page: as much of each column as fits here,
        // the rest at the top of the next page.
        if let [chunk] = group.as_mut_slice() {
            let gap = if self.empty() { 0.0 } else { chunk.gap };
            let room = self.height() - self.page.used - gap - chunk.pad_top - chunk.pad_bottom;
            if let Some((here, rest)) = split_columns(chunk, room) {
                self.place(here);
                self.finish_page();
                self.place_group(vec![rest]);
                return;
            }
        }
        // A box on a page still too empty: as many of its blocks and items as fit here.
        if !self.empty() && self.page.used < self.split_fill * self.height() {
            if let Some(at) = self.box_cut(&group) {
                let rest = group.split_off(at + 1);
                group.into_iter().for_each(|c| self.place(c));
                self.finish_page();
                self.place_group(rest);
                return;
            }
        }
        // Whole on the next page, when that page can hold it (and the header row it repeats there).
        let repeat = group.first().map_or(0.0, |c| self.top_extra(c));
        if !self.empty() && self.height_of(&group) + repeat <= self.heights[1] + FIT_SLACK {
            self.finish_page();
            group.into_iter().for_each(|c| self.place(c));
            return;
        }
        // Taller than a whole page: fill this page part by part, then carry on on fresh pages. It
        // splits only where its own parts allowed a break (between list items, never leaving a
        // paragraph's single line behind); a heading still goes with the two lines after it when
        // a page can hold them.
        let ahead: Vec<f32> = (0..group.len())
            .map(|i| {
                let chunks = group.get(i..).unwrap_or(&[]);
                let n = heading_run(chunks);
                chunks.get(..n).map_or(0.0, |run| self.height_of(run))
            })
            .collect();
        self.place_split(group.into_iter().enumerate().collect(), &ahead);
    }

    /// Places `part` (chunks with their index in the keep-group, whose heading runs need `ahead`),
    /// too tall for a page: split where its outermost keep allowed a break, each piece whole where
    /// a page holds it, else split again a level further in; chunk by chunk at the last.
    fn place_split(&mut self, part: Vec<(usize, Chunk)>, ahead: &[f32]) {
        let inner = part.len().saturating_sub(1);
        let level = part[..inner]
            .iter()
            .map(|(_, c)| c.kept_by)
            .max()
            .unwrap_or(0);
        if level == 0 {
            for (i, chunk) in part {
                let need = ahead.get(i).copied().unwrap_or(0.0);
                if chunk.heading
                    && !self.empty()
                    && self.page.used + need > self.height() + FIT_SLACK
                {
                    self.finish_page();
                }
                let fits = self.page.used + self.height_of(std::iter::once(&chunk))
                    <= self.height() + FIT_SLACK;
                if !fits && !self.empty() {
                    self.finish_page();
                }
                self.place(chunk);
            }
            return;
        }
        let mut pieces: Vec<Vec<(usize, Chunk)>> = vec![Vec::new()];
        for (n, (i, chunk)) in part.into_iter().enumerate() {
            let split = n < inner && chunk.kept_by == level;
            if let Some(piece) = pieces.last_mut() {
                piece.push((i, chunk));
            }
            if split {
                pieces.push(Vec::new());
            }
        }
        for piece in pieces {
            let Some((first, chunk)) = piece.first() else {
                continue;
            };
            let height = self.height_of(piece.iter().map(|(_, c)| c));
            // A piece that opens with a heading needs the heading's two lines after it too.
            let need = if chunk.heading {
                height.max(ahead.get(*first).copied().unwrap_or(0.0))
            } else {
                height
            };
            if need + self.top_extra(chunk) > self.heights[1] + FIT_SLACK {
                self.place_split(piece, ahead);
                continue;
            }
            if !self.empty() && self.page.used + need > self.height() + FIT_SLACK {
                self.finish_page();
            }
            piece.into_iter().for_each(|(_, c)| self.place(c));
        }
    }

    /// Height of `chunks` placed at the current position.
    fn height_of<'c>(&self, chunks: impl IntoIterator<Item = &'c Chunk>) -> f32 {
        let at_top = self.empty();
        let later = !self.pages.is_empty();
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let gap = if i == 0 && at_top { 0.0 } else { c.gap };
                let repeat = if i == 0 && at_top && later {
                    self.top_extra(c)
                } else {
                    0.0
                };
                repeat + gap + c.pad_top + c.height + c.pad_bottom
            })
            .sum()
    }

    /// What `chunk` brings above itself when it starts a page after the first: its table's header
    /// row, its list's or box's heading and "(continued)" (with the box's padding above).
    fn top_extra(&self, chunk: &Chunk) -> f32 {
        let cont = chunk.cont.as_ref().map_or(0.0, |c| {
            let height = c.height();
            if height > 0.0 {
                height + self.padding(chunk)
            } else {
                0.0
            }
        });
        repeat_height(chunk) + cont
    }

    /// The padding of the innermost box `chunk` sits in (0 outside boxes).
    fn padding(&self, chunk: &Chunk) -> f32 {
        (chunk.panels.last())
            .and_then(|p| self.panels.get(p.id))
            .map_or(0.0, |p| p.padding)
    }

    /// The last chunk of `group` after which a box may split so that what comes before it fits
    /// the rest of the page, with the box's padding under it.
    fn box_cut(&self, group: &[Chunk]) -> Option<usize> {
        let room = self.height() - self.page.used;
        (0..group.len().saturating_sub(1))
            .filter(|&i| group[i].box_break)
            .take_while(|&i| {
                self.height_of(&group[..=i]) + self.padding(&group[i]) <= room + FIT_SLACK
            })
            .last()
    }

    fn place(&mut self, chunk: Chunk) {
        // A list or box going on on a new page shows its heading again and "(continued)".
        if self.empty() && !self.pages.is_empty() {
            if let Some(head) = chunk.cont.as_ref().and_then(|c| c.chunk()) {
                let panels = chunk.panels.iter().map(|p| PanelRef {
                    open: None,
                    close: None,
                    ..*p
                });
                self.place(Chunk {
                    pad_top: self.padding(&chunk),
                    panels: panels.collect(),
                    ..head
                });
            }
        }
        // A table going on on a new page shows its header row again first.
        if let Some(repeat) = chunk.repeat.as_deref().filter(|_| !self.pages.is_empty()) {
            if self.empty() {
                let panels = chunk.panels.iter().map(|p| PanelRef {
                    open: None,
                    close: None,
                    ..*p
                });
                self.place(Chunk {
                    panels: panels.collect(),
                    ..repeat.clone()
                });
            }
        }
        let gap = if self.empty() { 0.0 } else { chunk.gap };
        let top = -(self.page.used + gap + chunk.pad_top);
        let bottom = top - chunk.height;
        for panel in &chunk.panels {
            let extent = Extent {
                top: top + panel.open.unwrap_or(chunk.pad_top),
                bottom: bottom - panel.close.unwrap_or(chunk.pad_bottom),
                closed: panel.close.is_some(),
            };
            self.extents
                .entry(panel.id)
                .and_modify(|e| {
                    e.top = e.top.max(extent.top);
                    e.bottom = e.bottom.min(extent.bottom);
                    e.closed |= extent.closed;
                })
                .or_insert(extent);
        }
        let start = self.page.items.len();
        for mut item in chunk.items {
            translate(&mut item, 0.0, top);
            self.page.items.push(item);
        }
        if let Some(fill) = chunk.fill {
            self.growing = Some(Growing {
                start,
                end: self.page.items.len(),
                bookmarks: self.page.bookmarks.len() + chunk.bookmarks.len(),
                rule: top + fill.first_rule,
                fill,
            });
        }
        for (title, y) in chunk.bookmarks {
            self.page.bookmarks.push((title, y + top));
        }
        self.page.used += gap + chunk.pad_top + chunk.height + chunk.pad_bottom;
    }

    fn finish_page(&mut self) {
        if self.empty() && !self.pages.is_empty() {
            return;
        }
        self.grow();
        // Panels go under the text they hold, so they are drawn first; outer boxes before inner ones.
        let mut backgrounds = Vec::new();
        let floor = -self.height();
        for (id, mut extent) in std::mem::take(&mut self.extents) {
            if let Some(panel) = self.panels.get(id) {
                // A box going on on the next page keeps its padding under its text here.
                if !extent.closed {
                    extent.bottom = (extent.bottom - panel.padding).max(floor.min(extent.bottom));
                }
                backgrounds.extend(panel_items(panel, extent));
            }
        }
        let mut page = std::mem::take(&mut self.page);
        backgrounds.append(&mut page.items);
        page.items = backgrounds;
        self.pages.push(page);
    }
}

impl Pager<'_> {
    /// Grows the page's `fill` blank, if it has one, by every rule the page has room for under
    /// what follows it, which moves down as far.
    fn grow(&mut self) {
        let Some(g) = self.growing.take() else {
            return;
        };
        let free = self.height() - self.page.used;
        let more = ((free + FIT_SLACK) / g.fill.step).floor();
        if !more.is_finite() || more < 1.0 {
            return;
        }
        let delta = more * g.fill.step;
        for item in self.page.items.iter_mut().skip(g.end) {
            translate(item, 0.0, -delta);
        }
        for (_, y) in self.page.bookmarks.iter_mut().skip(g.bookmarks) {
            *y -= delta;
        }
        for extent in self.extents.values_mut() {
            if extent.top <= g.rule {
                extent.top -= delta;
                extent.bottom -= delta;
            }
        }
        for item in self.page.items.get_mut(g.start..g.end).unwrap_or(&mut []) {
            match item {
                Item::Field {
                    rect,
                    name,
                    multiline,
                    ..
                } if *name == g.fill.grows => {
                    rect.y -= delta;
                    rect.h += delta;
                    // Over several rules, it takes several lines.
                    *multiline = true;
                }
                _ => {}
            }
        }
        let rules = (1..=more as usize).map(|n| {
            let y = g.rule - g.fill.step * n as f32;
            hline(g.fill.x0, g.fill.x1, y, g.fill.stroke, Artifact::Layout)
        });
        self.page.items.splice(g.end..g.end, rules);
        self.page.used += delta;
    }
}

impl Pager<'_> {
    /// `group` with its `fill` blank in its compact form (one line beside the fields before it),
    /// when the group does not fit the rest of the page with the blank's fewest rules but does
    /// so: the blank and what is kept with it stay here rather than start a page. `None` at the
    /// top of a page, or when that does not fit either.
    fn compact(&self, group: &[Chunk]) -> Option<Vec<Chunk>> {
        if self.empty() {
            return None;
        }
        let at = group.iter().position(|c| c.fill.is_some())?;
        let chunk = &group[at];
        let compact = chunk.fill.as_ref()?.compact.as_deref()?;
        let mut group = group.to_vec();
        group[at] = Chunk {
            height: compact.height,
            items: compact.items.clone(),
            fill: compact.fill.clone(),
            ..chunk.clone()
        };
        let fits = self.page.used + self.height_of(&group) <= self.height() + FIT_SLACK;
        fits.then_some(group)
    }
}

/// Height of the header row `chunk` repeats when it starts a page (0 outside a data table).
fn repeat_height(chunk: &Chunk) -> f32 {
    chunk.repeat.as_ref().map_or(0.0, |r| r.height)
}

/// How many chunks from the start of `chunks` a heading there must keep together: its own lines
/// and two lines (items, rows) after it, never past the next heading; 0 when it is not a heading.
fn heading_run(chunks: &[Chunk]) -> usize {
    let mut n = 0;
    while chunks.get(n).is_some_and(|c| c.heading) {
        n += 1;
    }
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    while let Some(next) = chunks.get(n) {
        if next.heading || seen >= 2 {
            break;
        }
        seen += next.lines;
        n += 1;
    }
    // The rest of the last item or row counted.
    while chunks.get(n).is_some_and(|c| c.lines == 0 && !c.heading) {
        n += 1;
    }
    n
}

/// `chunk` (a column set) cut where every column's groups fit `room`: the part for this page and
/// the rest, each column of the rest moved up to start at its top. `None` when the chunk cannot be
/// split, or when some column would have nothing on this page (the columns start together).
fn split_columns(chunk: &Chunk, room: f32) -> Option<(Chunk, Chunk)> {
    let split = chunk.split.as_ref()?;
    if !chunk.panels.is_empty() || room <= 0.0 {
        return None;
    }
    let mut here = Chunk {
        items: Vec::new(),
        bookmarks: Vec::new(),
        split: None,
        ..chunk.clone()
    };
    here.height = 0.0;
    here.pad_bottom = 0.0;
    let mut rest = Chunk {
        gap: 0.0,
        pad_top: 0.0,
        items: Vec::new(),
        bookmarks: Vec::new(),
        split: None,
        ..chunk.clone()
    };
    rest.height = 0.0;
    let mut rest_columns = Vec::new();
    let mut moved_any = false;
    for slices in &split.columns {
        let fit = slices
            .iter()
            .take_while(|s| s.top + s.height <= room + FIT_SLACK)
            .count();
        if fit == 0 && !slices.is_empty() {
            return None;
        }
        moved_any |= fit < slices.len();
        for slice in &slices[..fit] {
            here.height = here.height.max(slice.top + slice.height);
            push_slice(&mut here, slice, slice.top);
        }
        // The column's heading and "(continued)" first, when it goes on inside a list.
        let head = slices.get(fit).and_then(|s| s.cont.as_ref());
        let lead = head.map_or(0.0, |c| c.height());
        let shift = slices.get(fit).map_or(0.0, |s| s.top) - lead;
        let mut moved = Vec::new();
        if let Some(head) = head.and_then(|c| c.chunk()) {
            rest.height = rest.height.max(lead);
            rest.items.extend(head.items.iter().cloned());
            moved.push(Slice {
                top: 0.0,
                height: lead,
                items: head.items,
                ..Slice::default()
            });
        }
        for slice in &slices[fit..] {
            let top = slice.top - shift;
            rest.height = rest.height.max(top + slice.height);
            push_slice(&mut rest, slice, top);
            moved.push(Slice {
                top,
                ..slice.clone()
            });
        }
        rest_columns.push(moved);
    }
    if !moved_any {
        return None;
    }
    rest.split = Some(Split {
        columns: rest_columns,
    });
    Some((here, rest))
}

/// Adds `slice`'s items and outline entries to `chunk`, with the slice's top `top` below the
/// chunk's.
fn push_slice(chunk: &mut Chunk, slice: &Slice, top: f32) {
    for item in &slice.items {
        let mut item = item.clone();
        translate(&mut item, 0.0, -top);
        chunk.items.push(item);
    }
    for (title, y) in &slice.bookmarks {
        chunk.bookmarks.push((title.clone(), y - top));
    }
}

fn panel_items(panel: &Panel, extent: Extent) -> Vec<Item> {
    let rect = Rect {
        x: panel.x,
        y: extent.bottom,
        w: panel.w,
        h: extent.top - extent.bottom,
    };
    let mut items = vec![Item::Rect {
        rect,
        fill: Some(panel.fill),
        stroke: panel.border,
        radius: panel.radius,
        tag: Tag::Artifact(Artifact::Layout),
    }];
    if let Some((color, width)) = panel.bar {
        items.push(Item::Rect {
            rect: Rect { w: width, ..rect },
            fill: Some(color),
            stroke: None,
            radius: width / 2.0,
            tag: Tag::Artifact(Artifact::Layout),
        });
    }
    items
}
