//! The document model of a print handout: what `print_xml::parse` produces and `flow::layout` consumes.
//!
//! It mirrors the print-XML vocabulary (see `docs/print-engine.md`) one element to one variant, with
//! whitespace already collapsed and attributes already validated, so layout never sees raw XML.

pub(crate) use super::linebreak::Align;

/// A whole handout: page setup, metadata, the repeated header and footer, and the body blocks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Document {
    /// Paper size of every page.
    pub paper: Paper,
    /// BCP 47 language tag, written to the PDF catalog as /Lang.
    pub lang: String,
    /// Document title (PDF metadata).
    pub title: String,
    /// Document author (PDF metadata).
    pub author: String,
    /// Document subject (PDF metadata).
    pub subject: String,
    /// Creation date as an ISO date `YYYY-MM-DD`; the PDF dates come from it, never from the clock.
    pub created: String,
    /// Alignment of body paragraphs.
    pub align: Align,
    /// `continued`: the words after a heading repeated where a list, box or column goes on on a
    /// new page ("(continued)"); empty when absent, and then nothing is repeated.
    pub continued: String,
    /// The band at the top of every page.
    pub header: Header,
    /// The band at the bottom of every page.
    pub footer: Footer,
    /// Body content in reading order.
    pub blocks: Vec<Block>,
}

/// Paper sizes a clinic prints on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paper {
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in PDF points (1/72 in).
    pub(crate) fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.28, 841.89),
        }
    }
}

/// The band at the top of every page: `<header><left>…</left><right>…</right><later>…</later></header>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Header {
    /// `<left>`: set bold in the accent colour (the clinic's name).
    pub left: Vec<Inline>,
    /// `<right>`: flush right on the first line of `left`, muted, links in accent (the phone).
    pub right: Vec<Inline>,
    /// `logo="…"`: a picture drawn at the left of the band, before `left`, at the style's logo height.
    pub logo: Option<String>,
    /// `<later>`: plain text that takes the place of `left` on pages 2 and later (the running head
    /// naming the handout); empty when absent.
    pub later: String,
}

/// The band at the bottom of every page: text lines at the left, the web address and its QR code at
/// the right.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Footer {
    /// Address of the web version, encoded in the QR code and printed beside it.
    pub url: String,
    /// Words above the printed address ("Scan or visit for the latest version:"); may be empty.
    pub caption: String,
    /// What the QR code is, for a screen reader (`qr-alt`; the address itself when not given).
    pub qr_alt: String,
    /// The `<line>`s of the left column, top to bottom. `{page}` and `{pages}` in their text stand
    /// for the page's number and the page count, which only layout knows.
    pub lines: Vec<FooterLine>,
    /// `qr-pages`: the pages the QR code, the caption and the printed address are on.
    pub qr_pages: LinePages,
}

/// One `<line>` of the footer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FooterLine {
    /// Its colour.
    pub tone: LineTone,
    /// Its text, possibly with `{page}` and `{pages}`.
    pub inlines: Vec<Inline>,
    /// The pages it is printed on.
    pub pages: LinePages,
}

/// The pages a footer line (or the QR code) is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum LinePages {
    /// Every page, the default.
    #[default]
    All,
    /// `pages="first"`: page 1 only (the review note, the address), so later pages keep more room
    /// for the body.
    First,
    /// `pages="last"`: the last page only, where the body usually ends with room to spare (large
    /// print says the review note, the address, the form code and the QR code once, there).
    Last,
}

/// The colour of a footer line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineTone {
    /// Secondary text, the default: the footer should not compete with the body.
    Muted,
    /// `tone="strong"`: body text colour, for the one line a patient must find (the phone).
    Strong,
}

/// A block-level element of the body.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Block {
    /// `<h1>`–`<h3>`; `bookmark` makes an outline entry.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading text.
        inlines: Vec<Inline>,
        /// Outline title, when the heading should appear in the PDF bookmarks.
        bookmark: Option<String>,
    },
    /// `<p>`.
    Paragraph {
        /// Typographic role of the paragraph.
        class: ParagraphClass,
        /// The paragraph text.
        inlines: Vec<Inline>,
    },
    /// `<ul>` or `<ol>`.
    List {
        /// The marker drawn before each item.
        mark: ListMark,
        /// One per `<li>`: its words, and the list nested under them.
        items: Vec<ListItem>,
    },
    /// `<columns>`: side-by-side columns, each a sequence of blocks.
    Columns(Vec<Vec<Block>>),
    /// `<table>`: two-column label/content rows.
    Table(Vec<Row>),
    /// `<table>` with `<thead>` and `<tbody>`: a data table, one header cell per column.
    DataTable(DataTable),
    /// `<box>`: a tinted panel.
    Box {
        /// Colour scheme of the panel.
        tone: Tone,
        /// Panel content.
        blocks: Vec<Block>,
    },
    /// `<facts>`: key figures shown side by side in a tinted panel.
    Facts(Vec<Fact>),
    /// `<keep>`: blocks that must stay on one page.
    Keep(Vec<Block>),
    /// `<spacer pt="…"/>`: extra vertical space in points.
    Spacer(f32),
    /// `<figure src="…" alt="…">caption</figure>`: a picture scaled to fit the column, kept on one
    /// page with its caption.
    Figure {
        /// The picture's name among the pictures given to the engine.
        src: String,
        /// What the picture shows, for a screen reader (required: a figure is content).
        alt: String,
        /// The caption under it; may be empty.
        caption: Vec<Inline>,
    },
    /// `<fields>`: labelled blanks to write on, each also a fillable form field of the PDF.
    Fields(Vec<Field>),
    /// A block with `hyphenate="no"`: laid out as the block it wraps, with no word of it or of what
    /// it holds hyphenated (the call box, the facts panel).
    Unhyphenated(Box<Block>),
}

impl Block {
    /// What the block is, seen through a `hyphenate="no"` wrapper: the spacing rules that look at
    /// a block's kind treat it like the block it wraps.
    pub(crate) fn unwrapped(&self) -> &Block {
        match self {
            Block::Unhyphenated(inner) => inner.unwrapped(),
            block => block,
        }
    }
}

/// One `<field name="…" label="…" lines="…"/>`: a label and a rule to write on (or `lines` rules
/// under the label), and the form field that covers them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Field {
    /// The form field's name (/T), unique in the handout.
    pub name: String,
    /// What to write there; also the field's tooltip (/TU), which screen readers announce.
    pub label: String,
    /// How many ruled lines: 1 is a blank beside the label, more are lines under it, full width.
    pub lines: u8,
    /// `fill="true"`: the blank takes its page's room (notes at a handout's end): at least `lines`
    /// rules, growing by as many as its page has room for below what follows; where `lines` do not
    /// fit, one line beside the blank before it. The blocks before and after stay on its page.
    pub fill: bool,
}

/// One `<li>` of a top-level list.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ListItem {
    /// Its own words (possibly none, when it only holds a nested list).
    pub inlines: Vec<Inline>,
    /// The `<ul>` or `<ol>` after its words, one step further in.
    pub nested: Option<Nested>,
}

impl From<Vec<Inline>> for ListItem {
    /// An item of words only.
    fn from(inlines: Vec<Inline>) -> ListItem {
        ListItem {
            inlines,
            nested: None,
        }
    }
}

/// A list inside an `<li>`: its items hold words only, since a handout's lists nest one level deep.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Nested {
    /// The marker drawn before each item.
    pub mark: ListMark,
    /// One inline sequence per `<li>`.
    pub items: Vec<Vec<Inline>>,
}

/// Typographic role of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParagraphClass {
    /// Ordinary body text.
    Body,
    /// The summary under the title, slightly larger.
    Lead,
    /// A phone number in large bold type.
    Phone,
    /// What to do in an emergency: bold, a little larger, in the body text colour.
    Emergency,
    /// A callout box's `label` ("Important"), read first in it: bold, in the box's strong colour.
    Label,
}

/// The marker of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListMark {
    /// A round bullet.
    Bullet,
    /// A green check mark (things to do).
    Check,
    /// A red cross (things to avoid).
    Cross,
    /// An empty square a patient ticks with a pen (`<ul mark="box">`, a checklist).
    Box,
    /// 1., 2., 3. (`<ol>`), the first item numbered `start`.
    Number {
        /// `<ol start>`: the first item's number, 1 unless the list goes on from an earlier one.
        start: u32,
    },
}

/// Colour scheme of a `<box>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Warm tint with a strong left bar: "When to call us".
    Alert,
    /// Cool accent tint: general information.
    Info,
    /// Like `Info`, under a label: something worth knowing.
    Note,
    /// Like `Info`, under a label: advice that makes things easier.
    Tip,
    /// Like `Alert`, under a label: what a patient must not miss.
    Important,
    /// Like `Alert`, under a label: a risk to avoid.
    Warning,
    /// Like `Alert`, under a label: take care.
    Caution,
}

impl Tone {
    /// Whether the box takes the warm alert colours (a strong left bar) rather than the cool info ones.
    pub(crate) fn is_alert(self) -> bool {
        matches!(
            self,
            Tone::Alert | Tone::Important | Tone::Warning | Tone::Caution
        )
    }
}

/// One table row: a bold label and its content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// The `<th>` cell.
    pub head: Vec<Inline>,
    /// The `<td>` cell.
    pub cell: Vec<Inline>,
}

/// A data table: `<thead>`'s one row of header cells, then `<tbody>`'s rows, each with as many
/// cells as the header.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DataTable {
    /// The `<th>` cells: one per column, left to right.
    pub head: Vec<Cell>,
    /// The body's rows of `<td>` cells, top to bottom.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a data table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    /// The cell's text, never empty.
    pub inlines: Vec<Inline>,
    /// `align="left|center|right"`, left by default.
    pub align: Align,
}

/// One `<fact label="…">value</fact>`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fact {
    /// The small caption above the value.
    pub label: String,
    /// The value text.
    pub value: Vec<Inline>,
}

/// A piece of inline content.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Inline {
    /// A run of text in one style.
    Text(Span),
    /// `<br/>`: a forced line break.
    Break,
    /// `<blank/>`: a write-in blank inside the line (see `flow/blank.rs`).
    Blank(Blank),
}

/// One `<blank name="…" chars="…" tip="…"/>`: a blank to write on in the middle of a sentence, set
/// as an unbreakable box in the line, and the fillable form field over it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Blank {
    /// The form field's name (/T), unique in the handout among fields and blanks.
    pub name: String,
    /// How many underscores the editor wrote: the blank is about that many chars wide.
    pub chars: u8,
    /// The field's tooltip (/TU): the sentence with the blank, which screen readers announce.
    pub tip: String,
}

/// Text in one style, possibly linked.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Span {
    /// The text, whitespace already collapsed.
    pub text: String,
    /// Inside `<b>`.
    pub bold: bool,
    /// Inside `<i>`.
    pub italic: bool,
    /// Target of an enclosing `<a href>`.
    pub link: Option<String>,
}

impl Inline {
    /// Plain, unlinked text (a convenience for tests and generated content).
    pub(crate) fn plain(text: &str) -> Inline {
        Inline::Text(Span {
            text: text.to_string(),
            ..Span::default()
        })
    }
}
