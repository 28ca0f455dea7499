//! Fills pages with chunks, first fit, a keep-group at a time, and draws box panels behind the
//! chunks that landed on each page.
//!
//! A keep-group is a run of chunks joined by `keep_with_next`. It goes to the next page whole when it
//! does not fit the rest of this one; only a group taller than an empty page is split, at the last
//! chunk that fits, so nothing is ever cut or pushed past the text box.

use std::collections::BTreeMap;

use super::super::frame::{Artifact, Item, Rect, Tag};
use super::{translate, Chunk, Panel};

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
}

/// Pages of `height` filled with `chunks`; `height` may be infinite (for columns).
pub(super) fn paginate(chunks: Vec<Chunk>, panels: &[Panel], height: f32) -> Vec<PageBody> {
    let mut pager = Pager {
        panels,
        height,
        pages: Vec::new(),
        page: PageBody::default(),
        extents: BTreeMap::new(),
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
    height: f32,
    pages: Vec<PageBody>,
    page: PageBody,
    /// Panels touched on the current page.
    extents: BTreeMap<usize, Extent>,
}

impl Pager<'_> {
    fn empty(&self) -> bool {
        self.page.items.is_empty() && self.page.used == 0.0
    }

    /// Height of `group` placed at the current position.
    fn group_height(&self, group: &[Chunk]) -> f32 {
        let at_top = self.empty();
        group
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let gap = if i == 0 && at_top { 0.0 } else { c.gap };
                gap + c.pad_top + c.height + c.pad_bottom
            })
            .sum()
    }

    fn place_group(&mut self, group: Vec<Chunk>) {
        if self.page.used + self.group_height(&group) <= self.height + FIT_SLACK {
            group.into_iter().for_each(|c| self.place(c));
            return;
        }
        if !self.empty() && self.group_height(&group) <= self.height + FIT_SLACK {
            self.finish_page();
            group.into_iter().for_each(|c| self.place(c));
            return;
        }
        // Taller than a whole page: fill this page chunk by chunk, then carry on on fresh pages.
        for chunk in group {
            let fits = self.page.used + self.group_height(std::slice::from_ref(&chunk))
                <= self.height + FIT_SLACK;
            if !fits && !self.empty() {
                self.finish_page();
            }
            self.place(chunk);
        }
    }

    fn place(&mut self, chunk: Chunk) {
        let gap = if self.empty() { 0.0 } else { chunk.gap };
        let top = -(self.page.used + gap + chunk.pad_top);
        let bottom = top - chunk.height;
        for panel in &chunk.panels {
            let extent = Extent {
                top: top + panel.open.unwrap_or(chunk.pad_top),
                bottom: bottom - panel.close.unwrap_or(chunk.pad_bottom),
            };
            self.extents
                .entry(panel.id)
                .and_modify(|e| {
                    e.top = e.top.max(extent.top);
                    e.bottom = e.bottom.min(extent.bottom);
                })
                .or_insert(extent);
        }
        for mut item in chunk.items {
            translate(&mut item, 0.0, top);
            self.page.items.push(item);
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
        // Panels go under the text they hold, so they are drawn first; outer boxes before inner ones.
        let mut backgrounds = Vec::new();
        for (id, extent) in std::mem::take(&mut self.extents) {
            if let Some(panel) = self.panels.get(id) {
                backgrounds.extend(panel_items(panel, extent));
            }
        }
        let mut page = std::mem::take(&mut self.page);
        backgrounds.append(&mut page.items);
        page.items = backgrounds;
        self.pages.push(page);
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
