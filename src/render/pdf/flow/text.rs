//! Sets inline content into line boxes: styled runs go through `linebreak::break_lines`, and each
//! line's pieces become text items (plus link areas) relative to the line's top-left corner.

use super::super::block::{Inline, Span};
use super::super::font::{Face, Fonts};
use super::super::frame::{Color, Item, Rect};
use super::super::hyphenate::Language;
use super::super::linebreak::{break_lines, Align, Line, Run};
use super::LayoutError;

/// How to set one piece of inline content.
#[derive(Clone, Copy, Debug)]
pub(super) struct TextStyle {
    /// Font size.
    pub(super) size: f32,
    /// Line height as a multiple of `size`.
    pub(super) leading: f32,
    /// Whether all of the text is bold (headings, table labels).
    pub(super) bold: bool,
    /// Colour of unlinked text.
    pub(super) color: Color,
    /// Colour of linked text.
    pub(super) link_color: Color,
    /// Line alignment.
    pub(super) align: Align,
    /// Hyphenation patterns (the document's language); `None` never hyphenates.
    pub(super) lang: Option<Language>,
}

/// One set line: items relative to its top-left corner (y grows upwards, content at y < 0).
#[derive(Clone, Debug, Default)]
pub(super) struct LineBox {
    /// Line height.
    pub(super) height: f32,
    /// Distance from the top of the line down to its baseline.
    pub(super) baseline: f32,
    /// Text and link items.
    pub(super) items: Vec<Item>,
}

/// The face for a combination of weights.
pub(super) fn face(bold: bool, italic: bool) -> Face {
    match (bold, italic) {
        (false, false) => Face::Regular,
        (true, false) => Face::Bold,
        (false, true) => Face::Italic,
        (true, true) => Face::BoldItalic,
    }
}

/// Breaks `inlines` into lines of at most `width` points and positions their items.
pub(super) fn set(
    fonts: &Fonts,
    inlines: &[Inline],
    style: TextStyle,
    width: f32,
) -> Result<Vec<LineBox>, LayoutError> {
    let runs = runs(inlines, style);
    let lines = break_lines(&runs, &[width], style.align, fonts)
        .map_err(|e| LayoutError::MissingGlyph(e.ch))?;
    Ok(lines
        .iter()
        .map(|line| line_box(fonts, line, style))
        .collect())
}

/// The plain text `text` set as lines (for the header and footer).
pub(super) fn set_plain(
    fonts: &Fonts,
    text: &str,
    style: TextStyle,
    width: f32,
) -> Result<Vec<LineBox>, LayoutError> {
    set(fonts, &[Inline::plain(text)], style, width)
}

fn runs(inlines: &[Inline], style: TextStyle) -> Vec<Run> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(Span {
                text,
                bold,
                italic,
                link,
            }) => Run {
                text: text.clone(),
                face: face(style.bold || *bold, *italic),
                size: style.size,
                link: link.clone(),
                lang: style.lang,
            },
            Inline::Break => Run {
                text: "\n".into(),
                face: face(style.bold, false),
                size: style.size,
                link: None,
                lang: style.lang,
            },
        })
        .collect()
}

fn line_box(fonts: &Fonts, line: &Line, style: TextStyle) -> LineBox {
    let base = face(style.bold, false);
    let (ascent, descent) = if line.pieces.is_empty() {
        (
            fonts.ascent(base, style.size),
            fonts.descent(base, style.size),
        )
    } else {
        (line.ascent, line.descent)
    };
    let height = (style.size * style.leading).max(ascent + descent);
    // Split the leading evenly above and below the glyphs, as CSS does.
    let baseline = (height - ascent - descent) / 2.0 + ascent;
    let mut items = Vec::with_capacity(line.pieces.len() + 1);
    // Link areas go after the line's text, so `paint` sees the words of a line without interruption.
    let mut links = Vec::new();
    let mut link: Option<(String, f32, f32)> = None;
    for piece in &line.pieces {
        if piece.text.is_empty() {
            continue;
        }
        let color = if piece.link.is_some() {
            style.link_color
        } else {
            style.color
        };
        items.push(Item::Text {
            x: piece.x,
            y: -baseline,
            text: piece.text.clone(),
            face: piece.face,
            size: piece.size,
            color,
            width: piece.width,
        });
        // Consecutive pieces with the same target make one clickable area, spaces included.
        match (&mut link, &piece.link) {
            (Some((uri, _, end)), Some(target)) if uri == target => *end = piece.x + piece.width,
            (_, target) => {
                if let Some(done) = link.take() {
                    links.push(link_item(done, baseline, ascent, descent));
                }
                link = target
                    .as_ref()
                    .map(|t| (t.clone(), piece.x, piece.x + piece.width));
            }
        }
    }
    if let Some(done) = link {
        links.push(link_item(done, baseline, ascent, descent));
    }
    items.append(&mut links);
    LineBox {
        height,
        baseline,
        items,
    }
}

fn link_item(
    (uri, start, end): (String, f32, f32),
    baseline: f32,
    ascent: f32,
    descent: f32,
) -> Item {
    Item::Link {
        rect: Rect {
            x: start,
            y: -baseline - descent,
            w: end - start,
            h: ascent + descent,
        },
        uri,
    }
}

/// Width of `text` set on one line in `face` at `size` (for right-aligning short labels).
pub(super) fn width(fonts: &Fonts, text: &str, face: Face, size: f32) -> f32 {
    text.chars()
        .map(|c| match fonts.resolve(face, c) {
            Some(f) => fonts.advance(f, c, size),
            None => 0.0,
        })
        .sum()
}
