//! Lays a [`Document`] out on pages: the stage between `print_xml` (the model) and `paint` (PDF ops).
//!
//! The recipe is in [`layout`]: the page furniture is set first because the footer's height decides
//! the text box; the blocks become *chunks* (slices that are never split: a line, a table row line, a
//! facts panel, a column set), each saying whether a page break may follow it; pagination then fills
//! pages first-fit, moving a whole keep-group (heading with its first lines, a list item, a box, an FAQ)
//! to the next page when it does not fit; finally each page gets its header and its footer, whose
//! `{page}` and `{pages}` need the page count, which is why pagination finishes before the furniture
//! is drawn.
//!
//! Layout also builds the structure tree (`structure`): each block adds its elements under its
//! container's and tags what it draws with them, in reading order; page 1's header is read before
//! the body and its footer after it, later pages' furniture is artifacts.
//!
//! The typography comes in as a [`Style`] value. Text setting lives in `text`, simple blocks and
//! keep rules in `blocks`, lists (nested one level) in `lists`, timeline tables, boxes, facts and
//! columns in `composite`, data tables in `table`, write-in blanks in `fields` (inline ones in
//! `blank`), page breaking in `paginate`, headers and footers in `furniture`, the one-line running
//! head of later pages in `running`.

pub(super) mod blank;
mod blocks;
mod composite;
mod continued;
mod fields;
mod figure;
mod furniture;
mod lists;
mod paginate;
mod running;
mod structure;
mod table;
mod text;
mod upright;

use std::fmt;
use std::rc::Rc;

use super::block::Document;
use super::font::Fonts;
use super::frame::{Bookmark, Color, Item, Layout, Page, Stroke};
use super::picture::Pictures;
use super::style::Style;
use furniture::Kind;

/// Why a document could not be laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LayoutError {
    /// No embedded font can draw this character.
    MissingGlyph(char),
    /// The footer URL cannot be encoded as a QR code (far too long).
    Qr(String),
    /// A `<figure src>` or `<header logo>` names a picture the engine was not given.
    MissingPicture(String),
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutError::MissingGlyph(c) => write!(
                f,
                "no font in the theme has the character '{c}' (U+{:04X}); replace it or remove it",
                u32::from(*c)
            ),
            LayoutError::Qr(message) => write!(f, "{message}"),
            LayoutError::MissingPicture(src) => write!(
                f,
                "the picture `{src}` is not among the pictures of this handout"
            ),
        }
    }
}

impl std::error::Error for LayoutError {}

/// Lays out `doc` on pages of its paper size, in `style`, with no pictures.
#[cfg(test)]
pub(crate) fn layout(doc: &Document, fonts: &Fonts, style: &Style) -> Result<Layout, LayoutError> {
    layout_with(doc, fonts, style, &Pictures::new())
}

/// Lays out `doc` on pages of its paper size, in `style`; `pictures` holds what its figures and
/// logo name.
pub(crate) fn layout_with(
    doc: &Document,
    fonts: &Fonts,
    style: &Style,
    pictures: &Pictures,
) -> Result<Layout, LayoutError> {
    // The footer's content (review note, URL, QR) decides its height, and so the text box.
    let mut tree = structure::Tree::new();
    let furniture = furniture::Furniture::new(doc, fonts, style, pictures, &mut tree)?;
    // Page 1 may have a taller footer than later pages, and so a shorter text box.
    let geometry = furniture.geometry(Kind::page(0, 2));
    let later = furniture.geometry(Kind::page(1, 3));
    // Blocks become unsplittable chunks that carry their keep rules and their structure elements.
    let mut builder = blocks::Builder::new(fonts, style, doc, geometry.body.h, tree);
    builder.pictures = pictures;
    let ctx = blocks::Ctx::full(geometry.body.w, structure::ROOT);
    let mut chunks = builder.blocks(&doc.blocks, ctx)?;
    blocks::keep_headings_with_next(&mut chunks);
    // The last page's own footer lines take room its body keeps free at its end.
    furniture::reserve_last_page(&mut chunks, furniture.last_page_reserve());
    // Chunks fill pages first-fit, whole keep-groups at a time.
    let heights = [geometry.body.h, later.body.h];
    let bodies = paginate::paginate_filling(chunks, &builder.panels, heights, style.box_split_fill);
    // Page 1's footer is read once, after the body.
    let mut tree = builder.tree;
    tree.attach(structure::ROOT, furniture.group());
    // Only now is the page count known for the footer's `{pages}`.
    let total = bodies.len();
    let mut pages = Vec::with_capacity(total);
    let mut bookmarks = Vec::new();
    for (index, body) in bodies.into_iter().enumerate() {
        let geometry = furniture.geometry(Kind::page(index, total));
        let mut items = furniture.header(index, &geometry);
        let (dx, dy) = (geometry.body.x, geometry.body.top());
        for mut item in body.items {
            translate(&mut item, dx, dy);
            items.push(item);
        }
        items.extend(furniture.footer(index, total, &geometry, &mut tree)?);
        for (title, y) in body.bookmarks {
            bookmarks.push(Bookmark {
                title,
                page: index,
                y: y + dy,
            });
        }
        pages.push(Page {
            width: geometry.width,
            height: geometry.height,
            header: geometry.header,
            body: geometry.body,
            footer: geometry.footer,
            items,
        });
    }
    Ok(Layout {
        pages,
        bookmarks,
        tree: tree.into_nodes(),
    })
}

/// One unsplittable slice of the body, positioned relative to its own top-left corner: x from the
/// text box's left edge, y from the top of its content, growing upwards (so content is at y < 0).
#[derive(Clone, Debug, Default)]
struct Chunk {
    /// Height of the content.
    height: f32,
    /// Space above, dropped at the top of a page.
    gap: f32,
    /// Space above the content that is always kept (panel padding, table row padding).
    pad_top: f32,
    /// Space below the content that is always kept.
    pad_bottom: f32,
    /// Whether a page break is forbidden between this chunk and the next.
    keep_with_next: bool,
    /// For a write-in blank that fills its page: how it grows.
    fill: Option<Fill>,
    /// Which `keep_together` forbade a break after it, numbered from the innermost (1: inside a
    /// list item; higher: between the items of a box); 0 when none did (free, or an orphan or
    /// heading rule). A keep-group taller than a page splits at its outermost level first.
    kept_by: u32,
    /// Text lines in the chunk (a panel or column set counts as many), for keep-with-next.
    lines: usize,
    /// A heading line.
    heading: bool,
    /// Drawn content.
    items: Vec<Item>,
    /// Outline entries starting in this chunk, at y relative to the chunk top.
    bookmarks: Vec<(String, f32)>,
    /// Panels (boxes) this chunk sits in, outermost first.
    panels: Vec<PanelRef>,
    /// For a column set: its columns' keep-groups, where pagination may split it.
    split: Option<Split>,
    /// The last chunk of a `<keep>`: a heading inside it already stays with everything the keep
    /// holds, so keeping it with two lines never reaches past it.
    keep_end: bool,
    /// In a data table's body: its header row, as pagination artifacts, drawn above this chunk when
    /// it starts a page after the first.
    repeat: Option<Rc<Chunk>>,
    /// Inside a list, box or column after its start: what this chunk shows above itself when it
    /// starts a page (its heading again and "(continued)").
    cont: Option<continued::Cont>,
    /// A box may split after this chunk to fill a page (`box_split_fill`): a break its own keep
    /// forbade, between its blocks and list items.
    box_break: bool,
}

/// How a `fill` blank grows into the room its page has left: more rules under its last, each
/// `step` further down, the form field stretched over them and what follows moved down.
#[derive(Clone, Debug)]
struct Fill {
    /// Distance between rules.
    step: f32,
    /// Where the rules start and end.
    x0: f32,
    x1: f32,
    /// The last rule's height relative to the chunk's top (the first to grow from).
    first_rule: f32,
    /// The rules' colour and width.
    stroke: (Color, f32),
    /// The name of the form field that grows (the chunk may hold others, on the row above).
    grows: String,
    /// The chunk to place instead where the rest of the page cannot hold this one: the blank as
    /// one line beside the fields before it (`fields::filling_field`).
    compact: Option<Rc<Chunk>>,
}

/// A column set that may be split across pages between keep-groups: per column, its groups in
/// order. The chunk's own items are all the groups' items in place; each part of a split starts
/// its columns together at the top of the page.
#[derive(Clone, Debug, Default)]
struct Split {
    columns: Vec<Vec<Slice>>,
}

/// One keep-group of a column, laid out: `top` is its distance below the column's top.
#[derive(Clone, Debug, Default)]
struct Slice {
    top: f32,
    height: f32,
    /// Items relative to the slice's own top.
    items: Vec<Item>,
    /// Outline entries, at y relative to the slice's top.
    bookmarks: Vec<(String, f32)>,
    /// What the slice shows above itself when it starts its column on a new page.
    cont: Option<continued::Cont>,
}

/// A chunk's membership in a panel, and whether it opens or closes it.
#[derive(Clone, Copy, Debug)]
struct PanelRef {
    /// Index into the builder's panels.
    id: usize,
    /// Distance from the content top up to the panel's top edge, if this chunk opens the panel.
    open: Option<f32>,
    /// Distance from the content bottom down to the panel's bottom edge, if this chunk closes it.
    close: Option<f32>,
}

/// The background of a box, drawn behind its chunks on each page it spans.
#[derive(Clone, Debug)]
struct Panel {
    /// Left edge relative to the text box.
    x: f32,
    /// Width.
    w: f32,
    /// Tint.
    fill: Color,
    /// Border.
    border: Option<Stroke>,
    /// A strong bar down the left edge (alert boxes): colour and width.
    bar: Option<(Color, f32)>,
    /// Corner radius.
    radius: f32,
    /// Inner padding: kept above and below its content where the box splits over pages.
    padding: f32,
}

/// Moves an item by (`dx`, `dy`).
fn translate(item: &mut Item, dx: f32, dy: f32) {
    match item {
        Item::Text { x, y, .. } | Item::Qr { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Item::Rect { rect, .. }
        | Item::Link { rect, .. }
        | Item::Field { rect, .. }
        | Item::Image { rect, .. } => {
            rect.x += dx;
            rect.y += dy;
        }
        Item::Line { points, .. } => {
            for (x, y) in points {
                *x += dx;
                *y += dy;
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests;
