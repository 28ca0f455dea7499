//! The print engine: a rendered print template (XML) in, a typeset patient handout (PDF) out.
//!
//! The stages, each a module with one job (contracts in `docs/print-engine.md`):
//! `print_xml` parses the XML into the `block` model, `keep_whole` glues the words that must never
//! break (listed medicines, codes, phone numbers), `flow` lays it out on pages of `frame` items
//! in a `style` (breaking lines with `linebreak`, measuring with `font`, hyphenating with `hyphenate`,
//! drawing the footer's QR code with `qr`), and `paint` writes the PDF. [`render`] runs them in order.
//! It is the only crate of the workspace that knows PDF, fonts, hyphenation or the XML parser.
//!
//! Other crates see only what is re-exported here: [`render`] and its result, the layout types
//! that checks and tests read, the fonts, the pictures, the style and the errors.

mod block;
mod flow;
mod font;
mod frame;
mod hyphenate;
mod inspect;
mod keep_whole;
mod linebreak;
mod paint;
mod picture;
mod print_xml;
mod qr;
mod style;

use self::flow::{layout_with, LayoutError};
use self::print_xml::parse;

pub use self::font::{Face, Fonts};
pub use self::frame::{
    Artifact, Bookmark, Color, Item, Layout, Node, Page, QrRun, Rect, Role, Stroke, Tag,
    Underscores,
};
pub use self::keep_whole::KeepWhole;
pub use self::picture::{Picture, PictureFormat, Pictures};
pub use self::print_xml::PrintError;
pub use self::style::{Style, StyleError};
/// The PDF object model the engine writes with, for callers that read its PDFs back (the tests),
/// so that no other crate depends on it.
pub use lopdf;

/// A finished handout: the PDF and the layout it was painted from.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// The pages as laid out, for tests and checks that need positions rather than PDF bytes.
    pub layout: Layout,
}

/// Renders print XML into a PDF in `style`, or reports every problem found, located in `xml` where
/// possible.
pub fn render(xml: &str, fonts: &Fonts, style: &Style) -> Result<Rendered, Vec<PrintError>> {
    render_with(xml, fonts, style, &Pictures::new())
}

/// Renders print XML like [`render`], with `pictures` holding what its `<figure src>` and
/// `<header logo>` name.
pub fn render_with(
    xml: &str,
    fonts: &Fonts,
    style: &Style,
    pictures: &Pictures,
) -> Result<Rendered, Vec<PrintError>> {
    render_keeping(xml, fonts, style, pictures, &KeepWhole::new())
}

/// Renders print XML like [`render_with`], never breaking a word of `keep` (the medicines and
/// products of the handout's language) at a line end.
pub fn render_keeping(
    xml: &str,
    fonts: &Fonts,
    style: &Style,
    pictures: &Pictures,
    keep: &KeepWhole,
) -> Result<Rendered, Vec<PrintError>> {
    // Parse and validate the template output; all XML problems are reported together.
    let mut doc = parse(xml)?;
    // Glue the words that must not break (names, codes, numbers) before anything measures them.
    keep_whole::glue_document(&mut doc, keep);
    // Lay out pages; a missing glyph is pointed at where it first occurs in the XML.
    let layout =
        layout_with(&doc, fonts, style, pictures).map_err(|e| vec![layout_error(xml, &e)])?;
    // Paint the PDF.
    let bytes = paint::paint(&doc, &layout, fonts)
        .map_err(|e| vec![PrintError::unlocated(e.to_string())])?;
    Ok(Rendered { bytes, layout })
}

/// A layout error as a print error, located at the first occurrence of the character it is about.
fn layout_error(xml: &str, error: &LayoutError) -> PrintError {
    let mut located = PrintError::unlocated(error.to_string());
    if let LayoutError::MissingGlyph(c) = error {
        if let Some(offset) = xml.find(*c) {
            let before = &xml[..offset];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            located.line = u32::try_from(before.matches('\n').count() + 1).unwrap_or(u32::MAX);
            located.column =
                u32::try_from(before[line_start..].chars().count() + 1).unwrap_or(u32::MAX);
        }
    }
    located
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_glyph_is_located_in_the_xml() {
        // No embedded face has CJK ideographs; the column counts characters, not bytes ("–" is 3).
        let xml =
            flow::tests::fixture::HANDOUT.replace("Does it hurt?", "Does it hurt – \u{4E2D}?");
        let errors = render(&xml, Fonts::embedded(), Style::regular())
            .err()
            .unwrap_or_default();
        let line = xml
            .lines()
            .position(|l| l.contains('\u{4E2D}'))
            .unwrap_or(0)
            + 1;
        let text = xml.lines().nth(line - 1).unwrap_or_default();
        let column = text.chars().position(|c| c == '\u{4E2D}').unwrap_or(0) + 1;
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].line as usize, errors[0].column as usize),
            (line, column)
        );
        assert_eq!(
            errors[0].message,
            "no font in the theme has the character '\u{4E2D}' (U+4E2D); replace it or remove it"
        );
    }

    #[test]
    fn odd_but_valid_inputs_render_without_panicking() {
        let head = "<handout lang=\"en\" title=\"t\" created=\"2026-01-02\">\
            <header><left>N</left><right>1</right></header>\
            <footer url=\"https://x.example/\"><line>r</line><line>1</line></footer>";
        let long_name = format!(
            "<header><left>{}</left><right><a href=\"tel:1\">1</a></right></header>",
            "Clinic ".repeat(40)
        );
        let bodies = [
            String::new(),
            "<p></p><p> </p><h2></h2><ul></ul><ol><li/></ol><table/><facts/><columns/><box tone=\"info\"/><keep/>".into(),
            "<spacer pt=\"144\"/><spacer pt=\"144\"/><spacer pt=\"144\"/><spacer pt=\"144\"/><p>x</p>".into(),
            format!("<facts>{}</facts>", "<fact label=\"L\">value</fact>".repeat(9)),
            "<box tone=\"alert\"><box tone=\"info\"><columns><column><box tone=\"alert\"><p>deep</p></box></column></columns></box></box>".into(),
            format!("<p>{}</p>", "<br/>".repeat(200)),
            format!("<h1>{}</h1>", "W".repeat(3000)),
        ];
        for body in bodies {
            let xml = format!("{head}{body}</handout>");
            assert!(
                render(&xml, Fonts::embedded(), Style::regular()).is_ok(),
                "{body}"
            );
        }
        let xml = format!(
            "{}</handout>",
            head.replace(
                "<header><left>N</left><right>1</right></header>",
                &long_name
            )
        );
        assert!(render(&xml, Fonts::embedded(), Style::regular()).is_ok());
        // Empty furniture, and a page line that wraps onto many lines in every edition.
        let bare = "<handout lang=\"xx\" title=\"t\" created=\"2026-01-02\"><header/>\
            <footer url=\"https://x.example/\"/><p>x</p></handout>";
        let numbered = head.replace(
            "<line>r</line>",
            &format!("<line>{}</line>", "{page} of {pages} ".repeat(30)),
        );
        for xml in [bare.to_string(), format!("{numbered}</handout>")] {
            for style in [Style::regular(), Style::large_print()] {
                assert!(render(&xml, Fonts::embedded(), style).is_ok(), "{xml}");
            }
        }
        // A URL too long for any QR code is an error, not a panic.
        let xml = format!(
            "{}</handout>",
            head.replace("https://x.example/", &"u".repeat(8000))
        );
        let errors = render(&xml, Fonts::embedded(), Style::regular())
            .err()
            .unwrap_or_default();
        assert!(
            errors[0].message.starts_with("cannot make a QR code"),
            "{errors:?}"
        );
    }

    #[test]
    fn parse_errors_pass_through() {
        let errors = render("<handout>", Fonts::embedded(), Style::regular())
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1);
    }
}
