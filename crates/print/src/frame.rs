//! Layout output as plain data: pages of positioned items, produced by `flow` and translated to PDF
//! operators by `paint`.
//!
//! Keeping this as data (rather than drawing while laying out) lets tests assert on positions, page
//! counts and line texts without parsing a PDF. Coordinates are PDF points (1/72 in) with the origin at
//! the bottom-left corner of the page and y growing upwards, exactly as PDF draws them, so `paint`
//! copies numbers without converting.
//!
//! Every item also says what it is to a reader of the tagged PDF ([`Tag`]): content of a structure
//! element in [`Layout::tree`] (a heading, a paragraph, a list label…) or an artifact (page furniture
//! and decoration), so `paint` can mark it up without knowing the document.

use std::sync::Arc;

use super::font::Face;
use super::picture::Picture;

/// An sRGB colour, 8 bits per channel (black by default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Color {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Color {
    /// A colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Color {
        Color {
            r: ((rgb >> 16) & 0xff) as u8,
            g: ((rgb >> 8) & 0xff) as u8,
            b: (rgb & 0xff) as u8,
        }
    }
}

/// An axis-aligned rectangle: lower-left corner (`x`, `y`) and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// Top edge.
    pub fn top(&self) -> f32 {
        self.y + self.h
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Whether `other` lies inside `self`, allowing `slack` points for rounding.
    pub fn contains(&self, other: &Rect, slack: f32) -> bool {
        other.x >= self.x - slack
            && other.y >= self.y - slack
            && other.right() <= self.right() + slack
            && other.top() <= self.top() + slack
    }
}

/// A stroke: colour and line width in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Line colour.
    pub color: Color,
    /// Line width in points.
    pub width: f32,
}

/// One horizontal run of dark QR modules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QrRun {
    /// Module row, 0 at the top of the symbol (quiet zone included).
    pub row: u16,
    /// First module column, 0 at the left (quiet zone included).
    pub col: u16,
    /// Number of dark modules in the run.
    pub len: u16,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A picture (a figure, the logo) scaled into `rect`.
    Image {
        /// Where it is drawn; its aspect is the picture's.
        rect: Rect,
        /// The picture, embedded once per file however often it is drawn.
        picture: Arc<Picture>,
        /// A `Figure` with alt text in the body, an artifact in the header.
        tag: Tag,
    },
    /// Text in one face and size, starting at `x` on the baseline `y`.
    Text {
        /// Left end of the text.
        x: f32,
        /// Baseline.
        y: f32,
        /// The characters to show (already resolved to `face`).
        text: String,
        /// Font face.
        face: Face,
        /// Font size in points.
        size: f32,
        /// Fill colour.
        color: Color,
        /// Advance width as measured by layout, for bounds checks.
        width: f32,
        /// What the words are to a reader.
        tag: Tag,
    },
    /// A rectangle, optionally with rounded corners.
    Rect {
        /// Position and size.
        rect: Rect,
        /// Fill colour, if filled.
        fill: Option<Color>,
        /// Outline, if stroked.
        stroke: Option<Stroke>,
        /// Corner radius in points (0 for square corners).
        radius: f32,
        /// What the shape is to a reader (a bullet is a list label, a panel an artifact).
        tag: Tag,
    },
    /// An open polyline with round caps and joins (rules, check marks, crosses).
    Line {
        /// The points, in order.
        points: Vec<(f32, f32)>,
        /// Stroke colour.
        color: Color,
        /// Stroke width in points.
        width: f32,
        /// What the line is to a reader (a check mark is a list label, a rule an artifact).
        tag: Tag,
    },
    /// A clickable area opening `uri`; draws nothing.
    Link {
        /// The clickable area.
        rect: Rect,
        /// Target (`https:`, `tel:`, `mailto:` …).
        uri: String,
        /// The `Link` element the annotation belongs to (always a [`Tag::Node`]).
        tag: Tag,
    },
    /// A fillable form field over a write-in blank, so staff can type before printing. It draws
    /// nothing but an inline blank's invisible [`Underscores`]: the blank's rule is a line of its
    /// own, and an empty field prints as that blank.
    Field {
        /// The area typed text goes in.
        rect: Rect,
        /// The field's name (/T), unique in the handout.
        name: String,
        /// What to write there (/TU), the label printed beside the blank.
        tooltip: String,
        /// Whether it takes several lines (the notes).
        multiline: bool,
        /// Size of typed text, in points.
        size: f32,
        /// The `Form` element the widget belongs to (always a [`Tag::Node`]).
        tag: Tag,
        /// For an inline `<blank>`, the underscores it stands for in its line; `None` for a
        /// `<field>`.
        underscores: Option<Underscores>,
    },
    /// A QR code: a white square (quiet zone included) with dark runs.
    Qr {
        /// Lower-left corner of the whole symbol, quiet zone included.
        x: f32,
        /// Bottom edge of the whole symbol.
        y: f32,
        /// Side of one module in points.
        module: f32,
        /// Modules per side, quiet zone included.
        modules: u16,
        /// Dark modules, merged into horizontal runs.
        runs: Vec<QrRun>,
        /// A `Figure` with alt text on the first page, a footer artifact on the others.
        tag: Tag,
    },
}

impl Item {
    /// What the item is to a reader.
    pub fn tag(&self) -> Tag {
        match self {
            Item::Text { tag, .. }
            | Item::Rect { tag, .. }
            | Item::Line { tag, .. }
            | Item::Link { tag, .. }
            | Item::Field { tag, .. }
            | Item::Image { tag, .. }
            | Item::Qr { tag, .. } => *tag,
        }
    }
}

/// The text an inline write-in blank stands for: `paint` draws these underscores invisibly (text
/// render mode 3, an artifact) across its field, on the baseline of the words around it, so text
/// extraction reads "on for ____ hours." as one line. A gap alone, several em wide, reads as a
/// column gap to extractors, which then split the line and shuffle the lines after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Underscores {
    /// How many: as many as the editor wrote.
    pub count: u8,
    /// The baseline, in points above the field's bottom edge.
    pub rise: f32,
    /// The face of the words around the blank.
    pub face: Face,
    /// Their size, in points.
    pub size: f32,
}

/// What an item is to a reader of the tagged PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Content of the structure element with this index in [`Layout::tree`].
    Node(usize),
    /// Drawn for the eye only; a screen reader skips it.
    Artifact(Artifact),
}

impl Tag {
    /// The structure element, unless an artifact.
    pub fn node(self) -> Option<usize> {
        match self {
            Tag::Node(n) => Some(n),
            Tag::Artifact(_) => None,
        }
    }
}

/// The kinds of artifact the engine draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Artifact {
    /// The running header band: repeated on every page, so read once (from the structure tree's
    /// trailing links) rather than on every page.
    Header,
    /// The footer band: review line, phone, page number, web address and (after page 1) its QR code.
    Footer,
    /// Decoration in the body: rules and panel backgrounds.
    Layout,
    /// A table's header row drawn again where the table goes on on a new page: read once, from
    /// the table's first page.
    Pagination,
}

/// A standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4); only these are used, so the PDF
/// needs no role map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The whole handout (the root element).
    Document,
    /// A group: a `<box>`, or the trailing group of the page furniture's links.
    Div,
    /// The title.
    H1,
    /// A section heading.
    H2,
    /// A subheading (an FAQ question).
    H3,
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item: its `Lbl` and `LBody`.
    LI,
    /// A list item's marker (bullet, check mark, cross, number).
    Lbl,
    /// A list item's text.
    LBody,
    /// A table (the timeline, the facts panel).
    Table,
    /// A data table's header row group.
    THead,
    /// A data table's body row group.
    TBody,
    /// A table row.
    TR,
    /// A header cell: of its column in a `THead` (`/Scope /Column`), else of its row (`/Scope /Row`).
    TH,
    /// A data cell.
    TD,
    /// A link: its words and its annotations.
    Link,
    /// A picture with alt text (the QR code, a figure).
    Figure,
    /// A figure's caption, read right after the figure.
    Caption,
    /// A form field's widget (a write-in blank), its one kid the annotation's `OBJR`.
    Form,
}

impl Role {
    /// The structure type's PDF name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Div => "Div",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::THead => "THead",
            Role::TBody => "TBody",
            Role::TR => "TR",
            Role::TH => "TH",
            Role::TD => "TD",
            Role::Link => "Link",
            Role::Figure => "Figure",
            Role::Caption => "Caption",
            Role::Form => "Form",
        }
    }
}

/// One element of the structure tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Structure type.
    pub role: Role,
    /// Parent element; `None` for the root.
    pub parent: Option<usize>,
    /// Child elements in reading order.
    pub children: Vec<usize>,
    /// For a `Figure`, its alt text; for a `Link`, the words it covers (its annotations' /Contents
    /// name them and the target).
    pub alt: Option<String>,
}

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The header band: header items lie inside it.
    pub header: Rect,
    /// The text box: every body item lies inside it.
    pub body: Rect,
    /// The footer band: footer items lie inside it.
    pub footer: Rect,
    /// What to draw, in painting (and reading) order: header, body, footer.
    pub items: Vec<Item>,
}

/// An outline entry pointing at a heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    /// Title shown in the viewer's outline.
    pub title: String,
    /// 0-based index of the page.
    pub page: usize,
    /// y of the top of the heading's first line, in points from the bottom.
    pub y: f32,
}

/// The result of layout: all pages and the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Outline entries in document order.
    pub bookmarks: Vec<Bookmark>,
    /// The structure tree in reading order: element 0 is the `Document`, and every [`Tag::Node`] of
    /// an item indexes this list.
    pub tree: Vec<Node>,
}
