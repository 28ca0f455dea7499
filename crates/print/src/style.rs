//! The handout's typographic design as a value: sizes, spacing and colours, read from a theme's
//! `print/style.yaml` and handed to `flow` at run time.
//!
//! A large-print edition is the same engine with another [`Style`]. The file format and its checks
//! are in `parse`; this file holds the keys themselves. Each key is declared once, in
//! `style_keys!`, which makes the struct field, the parser's table and the setter from that one
//! line, so the three cannot disagree. What each key is for is explained in the default file,
//! `themes/default/print/style.yaml`.

mod parse;

use std::sync::OnceLock;

pub use self::parse::StyleError;
use super::frame::Color;

/// The default theme's regular edition, compiled in like the fonts.
const REGULAR: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../themes/default/print/style.yaml"
));
/// The default theme's large-print edition.
const LARGE_PRINT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../themes/default/print/style-large.yaml"
));

/// What a key's value is, which decides how it is written and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `12pt`, `0.65in`, `25mm` or a bare number of points.
    Length,
    /// A bare number: a multiple or a share of something.
    Ratio,
    /// `"#rrggbb"`.
    Colour,
    /// `true` or `false`.
    Switch,
}

/// A checked value from the file.
#[derive(Clone, Copy, Debug)]
enum Value {
    /// A length in points, or a ratio.
    Number(f32),
    /// A colour.
    Colour(Color),
    /// On or off.
    Switch(bool),
}

impl Value {
    fn number(self) -> f32 {
        match self {
            Value::Number(n) => n,
            Value::Colour(_) | Value::Switch(_) => 0.0,
        }
    }

    fn colour(self) -> Color {
        match self {
            Value::Colour(c) => c,
            Value::Number(_) | Value::Switch(_) => Color::hex(0),
        }
    }

    fn switch(self) -> bool {
        matches!(self, Value::Switch(true))
    }
}

/// The Rust type of a key's kind.
macro_rules! kind_type {
    (Length) => {
        f32
    };
    (Ratio) => {
        f32
    };
    (Colour) => {
        Color
    };
    (Switch) => {
        bool
    };
}

/// How a checked value is stored in a field of a key's kind.
macro_rules! kind_take {
    (Length, $value:expr) => {
        $value.number()
    };
    (Ratio, $value:expr) => {
        $value.number()
    };
    (Colour, $value:expr) => {
        $value.colour()
    };
    (Switch, $value:expr) => {
        $value.switch()
    };
}

/// Declares every style key once: the [`Style`] field (same name as the key), its kind in the
/// parser's table `KEYS`, and its arm in `Style::set`.
macro_rules! style_keys {
    ($( #[doc = $doc:literal] $key:ident: $kind:ident, )+) => {
        /// The handout's typographic design; lengths are in points, colours sRGB. One field per key of
        /// `print/style.yaml`, which says what each is for.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Style {
            $( #[doc = $doc] pub $key: kind_type!($kind), )+
        }

        /// Every key of a style file and the kind of value it takes, in the default file's order.
        const KEYS: &[(&str, Kind)] = &[ $( (stringify!($key), Kind::$kind), )+ ];

        impl Style {
            /// A style with every number 0 and every colour black, for the parser to fill in.
            fn blank() -> Style {
                Style { $( $key: Default::default(), )+ }
            }

            /// Stores `value`, already checked against the kind of `key`; false for an unknown key.
            fn set(&mut self, key: &str, value: Value) -> bool {
                match key {
                    $( stringify!($key) => self.$key = kind_take!($kind, value), )+
                    _ => return false,
                }
                true
            }
        }
    };
}

style_keys! {
    /// Left and right page margins.
    margin_x: Length,
    /// Top and bottom page margins.
    margin_y: Length,
    /// Body text size: the floor for anything a patient must read.
    body_size: Length,
    /// Line height of body text, as a multiple of its size.
    leading: Ratio,
    /// Size of the summary paragraph under the title.
    lead_size: Length,
    /// Size of `<p class="phone">`.
    phone_size: Length,
    /// Line height of `<p class="phone">`.
    phone_leading: Ratio,
    /// Title size.
    h1_size: Length,
    /// Section heading size.
    h2_size: Length,
    /// Sub-section heading size (and FAQ questions).
    h3_size: Length,
    /// Line height of headings.
    heading_leading: Ratio,
    /// Narrowest paragraph that may be justified.
    justify_min_width: Length,
    /// Whether words are hyphenated at all (false in large print).
    hyphenate: Switch,
    /// Space above a section heading.
    h2_space: Length,
    /// Space above a sub-heading.
    h3_space: Length,
    /// Space between a section heading and its rule, and below the rule.
    h2_rule_gap: Length,
    /// Space after a heading before its content.
    heading_after: Length,
    /// Space after a sub-heading (an FAQ question): less than above it, so it reads with its answer.
    h3_after: Length,
    /// Space between paragraphs and other blocks.
    block_space: Length,
    /// Space between list items.
    item_space: Length,
    /// Indent of list item text (the marker's gutter).
    list_indent: Length,
    /// Size of check marks and crosses, as a share of the body size.
    mark_size: Ratio,
    /// Diameter of bullets, as a share of the body size.
    bullet_size: Ratio,
    /// Stroke width of check marks and crosses, as a share of the body size.
    mark_stroke: Ratio,
    /// Gap between side-by-side columns.
    column_gap: Length,
    /// Narrowest side-by-side column; narrower ones are stacked at full width (0: never stack).
    columns_min_width: Length,
    /// Inner padding of boxes and the facts panel.
    box_padding: Length,
    /// Width of the strong left bar on alert boxes.
    alert_bar: Length,
    /// Corner radius of panels.
    radius: Length,
    /// Widest share of a table's width its label column (as wide as its widest label) may take.
    table_label_share: Ratio,
    /// Narrowest a table's label column is.
    table_label_min: Length,
    /// Gap between a table's label and content columns.
    table_gap: Length,
    /// Padding above and below the text of a table row.
    row_padding: Length,
    /// Padding left and right of the text of a data table's cell.
    cell_padding: Length,
    /// Caption size in the facts panel.
    fact_label_size: Length,
    /// Line height of the facts panel's captions.
    fact_label_leading: Ratio,
    /// Gap between the facts panel's cells.
    fact_gap: Length,
    /// Gap between rows of the facts panel.
    fact_row_gap: Length,
    /// Size of a write-in field's label.
    field_label_size: Length,
    /// Height of one write-in line: room to write by hand.
    field_height: Length,
    /// Gap between write-in fields side by side.
    field_gap: Length,
    /// How many one-line write-in fields share a row.
    field_columns: Ratio,
    /// Least height of the header band.
    header_height: Length,
    /// Space the header band keeps below the clinic name.
    header_padding: Length,
    /// Clinic name size in the header.
    header_name_size: Length,
    /// Phone line size in the header.
    header_phone_size: Length,
    /// Line height of the header's text.
    header_leading: Ratio,
    /// Space between the header band and the text box.
    header_gap: Length,
    /// Footer text size.
    footer_size: Length,
    /// Line height of footer text.
    footer_leading: Ratio,
    /// Space between the text box and the footer band.
    footer_gap: Length,
    /// Space between the footer rule and the footer content.
    footer_rule_gap: Length,
    /// Side of the QR symbol, quiet zone included.
    qr_side: Length,
    /// Least side of one QR module: the symbol grows past `qr_side` for a long address.
    qr_module_min: Length,
    /// Widest the URL beside the QR may be before it breaks.
    footer_url_width: Length,
    /// Least space between the footer's left column and the URL.
    footer_column_gap: Length,
    /// Thin rule width (table rows, header and footer rules).
    hairline: Length,
    /// Height of the clinic's logo in the header band.
    logo_height: Length,
    /// Space between the logo and the clinic's name.
    logo_gap: Length,
    /// Tallest a figure may be, as a share of the text box's height.
    figure_max_share: Ratio,
    /// Least resolution a figure is printed at, in pixels per inch: a picture is never enlarged past it.
    figure_min_ppi: Ratio,
    /// Caption text size.
    caption_size: Length,
    /// Space between a figure and its caption.
    caption_gap: Length,
    /// Whether anything is set in italic: captions and `<i>` (false: captions upright, `<i>` bold).
    italic: Switch,
    /// How full a page is (a share of its text box) before a box that does not fit moves whole on.
    box_split_fill: Ratio,
    /// Body text colour.
    text: Colour,
    /// Secondary text colour (footer, the header's phone line).
    muted: Colour,
    /// The one accent colour.
    accent: Colour,
    /// Light accent for rules.
    accent_rule: Colour,
    /// Tint of info boxes and the facts panel.
    info_tint: Colour,
    /// Border of info boxes.
    info_border: Colour,
    /// Tint of alert boxes.
    alert_tint: Colour,
    /// Border of alert boxes.
    alert_border: Colour,
    /// Left bar and phone colour of alert boxes.
    alert_strong: Colour,
    /// Check marks.
    check: Colour,
    /// Crosses.
    cross: Colour,
    /// Table row rules.
    row_rule: Colour,
}

impl Style {
    /// The default theme's regular edition (`themes/default/print/style.yaml`), parsed once.
    pub fn regular() -> &'static Style {
        static STYLE: OnceLock<Style> = OnceLock::new();
        STYLE.get_or_init(|| embedded(REGULAR))
    }

    /// The default theme's large-print edition (`themes/default/print/style-large.yaml`), parsed once.
    pub fn large_print() -> &'static Style {
        static STYLE: OnceLock<Style> = OnceLock::new();
        STYLE.get_or_init(|| embedded(LARGE_PRINT))
    }
}

/// A style file compiled into the binary.
fn embedded(text: &str) -> Style {
    // The text is fixed at compile time and a test parses both files, so failing here means the build
    // shipped a broken style file: no input can cause it.
    Style::parse(text).unwrap_or_else(|errors| {
        panic!("embedded theme style file is invalid: {errors:?}");
    })
}

#[cfg(test)]
mod tests;
