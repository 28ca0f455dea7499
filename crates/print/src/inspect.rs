//! Layout inspection for checks: how far down its text box each page is filled. Tests (the
//! engine's and the site's) use it to hold large print to "no page less than 60 % full but the
//! last" from the layout itself, without reading a PDF back.

use super::frame::{Item, Page, Rect};

impl Page {
    /// The lowest point of the body's content, in page coordinates: the bottom of its lowest
    /// picture, panel, rule or field, or the baseline of its lowest text (descenders left out);
    /// `None` for a page with an empty body.
    pub fn content_bottom(&self) -> Option<f32> {
        let body = self.body;
        self.items
            .iter()
            .filter_map(|item| bottom_in(item, &body))
            .reduce(f32::min)
    }

    /// How much of the text box's height the body's content takes, from its top down to
    /// [`Page::content_bottom`]: 0 for an empty body, about 1 for a full page.
    pub fn fill(&self) -> f32 {
        let body = self.body;
        match self.content_bottom() {
            Some(bottom) if body.h > 0.0 => ((body.top() - bottom) / body.h).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }
}

/// The bottom of `item` when it lies in `body` (the header's and footer's items do not).
fn bottom_in(item: &Item, body: &Rect) -> Option<f32> {
    // Half a point of slack: a panel's edge or a rule's round cap may touch the box's edge.
    let inside = |y: f32| y >= body.y - 0.5 && y <= body.top() + 0.5;
    let bottom = match item {
        Item::Text { y, .. } | Item::Qr { y, .. } => *y,
        Item::Rect { rect, .. }
        | Item::Link { rect, .. }
        | Item::Field { rect, .. }
        | Item::Image { rect, .. } => rect.y,
        Item::Line { points, .. } => points.iter().map(|(_, y)| *y).reduce(f32::min)?,
    };
    inside(bottom).then_some(bottom)
}
