//! The handout's typographic design as named constants: sizes, spacing and colours.
//!
//! Patients read these on paper, often with poor eyesight, so body text never goes below 12 pt and the
//! palette is one calm accent on white with dark text, which prints well in colour and in grey.

use super::super::frame::Color;

/// 1 in in points.
pub(super) const INCH: f32 = 72.0;
/// Left and right margins: 0.65 in clears every office printer's unprintable edge with room to spare.
pub(super) const MARGIN_X: f32 = 0.65 * INCH;
/// Top and bottom margins (at least 0.6 in, for the same reason).
pub(super) const MARGIN_Y: f32 = 0.6 * INCH;

/// Body text size. Never smaller: this is the floor for anything a patient must read.
pub(super) const BODY_SIZE: f32 = 12.0;
/// Line height as a multiple of the font size; 1.3 keeps 12 pt Atkinson airy without wasting paper.
pub(super) const LEADING: f32 = 1.3;
/// The summary paragraph under the title.
pub(super) const LEAD_SIZE: f32 = 13.0;
/// `<p class="phone">`: a number to dial should be readable at arm's length.
pub(super) const PHONE_SIZE: f32 = 18.0;
/// Heading sizes by level.
pub(super) const H1_SIZE: f32 = 22.0;
/// Section headings.
pub(super) const H2_SIZE: f32 = 15.0;
/// Sub-section headings (and FAQ questions).
pub(super) const H3_SIZE: f32 = 12.75;
/// Headings are set tighter than body text: they are short and large.
pub(super) const HEADING_LEADING: f32 = 1.2;

/// Space above a section heading: the main visual separator between sections.
pub(super) const H2_SPACE: f32 = 13.0;
/// Space above a sub-heading.
pub(super) const H3_SPACE: f32 = 8.0;
/// Space between the h2 text and its rule, and below the rule.
pub(super) const H2_RULE_GAP: f32 = 2.5;
/// Space after a heading before its content.
pub(super) const HEADING_AFTER: f32 = 4.0;
/// Space between paragraphs and other blocks.
pub(super) const BLOCK_SPACE: f32 = 6.0;
/// Space between list items: less than between paragraphs, so a list reads as one block.
pub(super) const ITEM_SPACE: f32 = 2.5;
/// Indent of list item text; the marker sits in this gutter.
pub(super) const LIST_INDENT: f32 = 19.0;
/// Gap between side-by-side columns: wide enough that text extraction (pdftotext) sees two columns
/// and reads each one down instead of zig-zagging across.
pub(super) const COLUMN_GAP: f32 = 32.0;
/// Inner padding of boxes and the facts panel.
pub(super) const BOX_PADDING: f32 = 11.0;
/// Width of the strong left bar on alert boxes.
pub(super) const ALERT_BAR: f32 = 4.0;
/// Corner radius of panels.
pub(super) const RADIUS: f32 = 5.0;
/// Share of the table width given to the label column.
pub(super) const TABLE_LABEL_SHARE: f32 = 0.3;
/// Gap between the table's label and content columns.
pub(super) const TABLE_GAP: f32 = 12.0;
/// Padding above and below the text of a table row.
pub(super) const ROW_PADDING: f32 = 4.0;
/// Caption size in the facts panel (a label, not reading text).
pub(super) const FACT_LABEL_SIZE: f32 = 10.0;
/// Gap between the facts panel's cells.
pub(super) const FACT_GAP: f32 = 14.0;

/// Header band height on every page.
pub(super) const HEADER_HEIGHT: f32 = 24.0;
/// Clinic name size in the header.
pub(super) const HEADER_NAME_SIZE: f32 = 13.0;
/// Phone size in the header.
pub(super) const HEADER_PHONE_SIZE: f32 = 12.0;
/// Space between the header band and the text box.
pub(super) const HEADER_GAP: f32 = 14.0;
/// Footer text size: small but at least 8 pt so it still prints crisply.
pub(super) const FOOTER_SIZE: f32 = 8.5;
/// Footer line height.
pub(super) const FOOTER_LEADING: f32 = 1.3;
/// Space between the text box and the footer band.
pub(super) const FOOTER_GAP: f32 = 10.0;
/// Space between the footer rule and the footer content.
pub(super) const FOOTER_RULE_GAP: f32 = 5.0;
/// Side of the QR symbol with its quiet zone: 0.7 in leaves the dark part at about 0.55 in, which a
/// phone reads easily from a sheet on a table.
pub(super) const QR_SIDE: f32 = 0.7 * INCH;
/// Widest the URL beside the QR may be before it breaks.
pub(super) const FOOTER_URL_WIDTH: f32 = 2.6 * INCH;

/// Thin rule width (table rows, header and footer rules).
pub(super) const HAIRLINE: f32 = 0.6;
/// Stroke width of check and cross marks as a share of the body size.
pub(super) const MARK_STROKE: f32 = 0.14;

/// Body text.
pub(super) const TEXT: Color = Color::hex(0x1a1a1a);
/// Secondary text (footer).
pub(super) const MUTED: Color = Color::hex(0x4a5458);
/// The one accent: a deep teal.
pub(super) const ACCENT: Color = Color::hex(0x0b5563);
/// Light accent for rules.
pub(super) const ACCENT_RULE: Color = Color::hex(0xa9c7cb);
/// Tint of info boxes and the facts panel.
pub(super) const INFO_TINT: Color = Color::hex(0xedf5f6);
/// Border of info boxes.
pub(super) const INFO_BORDER: Color = Color::hex(0xbfd8db);
/// Tint of alert boxes: warm, so "when to call us" stands out without alarming red.
pub(super) const ALERT_TINT: Color = Color::hex(0xfdf2e9);
/// Border of alert boxes.
pub(super) const ALERT_BORDER: Color = Color::hex(0xecc8a8);
/// Left bar and phone colour of alert boxes.
pub(super) const ALERT_STRONG: Color = Color::hex(0xa8431a);
/// Check marks.
pub(super) const CHECK: Color = Color::hex(0x2e7d32);
/// Crosses.
pub(super) const CROSS: Color = Color::hex(0xb3261e);
/// Table row rules.
pub(super) const ROW_RULE: Color = Color::hex(0xcfdcde);
