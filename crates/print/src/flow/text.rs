//! Sets inline content into line boxes: styled runs go through `linebreak::break_lines`, and each
//! line's pieces become text items (plus link areas) relative to the line's top-left corner.
//!
//! The words are tagged as their [`Owner`] says; each link becomes a `Link` element of its own
//! (under the owner's element) holding its words and its clickable areas, one per line it spans.

use super::super::block::{Blank, Inline, Span};
use super::super::font::{Face, Fonts};
use super::super::frame::{Artifact, Color, Item, Rect, Role, Stroke, Tag};
use super::super::hyphenate::Language;
use super::super::linebreak::{self, break_lines, Align, Line, Piece, Run};
use super::blank::{self, LineFrame};
use super::structure::Tree;
use super::LayoutError;

/// Whose text is being set: how its words are tagged, and where its links go in the tree.
pub(super) struct Owner<'t> {
    /// The tree the links are added to.
    pub(super) tree: &'t mut Tree,
    /// The tag of words outside links: the paragraph's element, or an artifact for furniture.
    pub(super) text: Tag,
    /// The element each link (and each write-in blank's `Form`) becomes the last child of.
    pub(super) links: usize,
    /// How write-in blanks are ruled (`blank`); `None` where text has no blanks.
    pub(super) blank_rule: Option<Stroke>,
}

impl<'t> Owner<'t> {
    /// Text that is the content of `node`, its links children of it.
    pub(super) fn node(tree: &'t mut Tree, node: usize) -> Owner<'t> {
        Owner {
            tree,
            text: Tag::Node(node),
            links: node,
            blank_rule: None,
        }
    }

    /// The same owner, its write-in blanks ruled with `rule`.
    pub(super) fn with_blanks(self, rule: Stroke) -> Owner<'t> {
        Owner {
            blank_rule: Some(rule),
            ..self
        }
    }
}

/// The link being set: its target, its element, and whether its words so far end a line.
struct OpenLink {
    target: String,
    node: usize,
    /// Right edge of its last piece on the current line, `None` at the start of a line.
    end: Option<f32>,
    /// Whether its words so far end in a hyphen inserted at a line end (the word goes on).
    hyphen: bool,
}

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
    owner: &mut Owner<'_>,
) -> Result<Vec<LineBox>, LayoutError> {
    set_widths(fonts, inlines, style, &[width], owner)
}

/// Like [`set`], with `widths[i]` the width of line i (the last repeats): a run-in label's
/// value starts on what is left of the label's line.
pub(super) fn set_widths(
    fonts: &Fonts,
    inlines: &[Inline],
    style: TextStyle,
    widths: &[f32],
    owner: &mut Owner<'_>,
) -> Result<Vec<LineBox>, LayoutError> {
    // A blank is at most as wide as the narrowest line it could go on.
    let narrowest = widths.iter().copied().fold(f32::INFINITY, f32::min);
    let runs = runs(inlines, style, narrowest);
    let lines = break_lines(&runs, widths, style.align, fonts)
        .map_err(|e| LayoutError::MissingGlyph(e.ch))?;
    let mut open = None;
    // The blanks in order: the n-th blank piece set is the n-th blank, as none ever splits.
    let mut blanks = inlines.iter().filter_map(|inline| match inline {
        Inline::Blank(blank) => Some(blank),
        _ => None,
    });
    Ok(lines
        .iter()
        .map(|line| line_box(fonts, line, style, owner, &mut open, &mut blanks))
        .collect())
}

/// The plain text `text` set as lines (for captions, labels and the footer's address).
pub(super) fn set_plain(
    fonts: &Fonts,
    text: &str,
    style: TextStyle,
    width: f32,
    owner: &mut Owner<'_>,
) -> Result<Vec<LineBox>, LayoutError> {
    set(fonts, &[Inline::plain(text)], style, width, owner)
}

/// The tag of `piece` (`hyphen`: the hyphen inserted at the end of a line), opening a new `Link`
/// element when a link starts and adding the piece's words to the open link's alt text.
fn piece_tag(
    piece: &Piece,
    hyphen: bool,
    owner: &mut Owner<'_>,
    open: &mut Option<OpenLink>,
) -> Tag {
    // A hyphen inserted at a line end is there for the layout, not a word: a reader gets the
    // word whole (ISO 32000-1, 14.8.2.5).
    let inserted = match owner.text {
        Tag::Node(_) => Tag::Artifact(Artifact::Layout),
        furniture => furniture,
    };
    let Some(target) = &piece.link else {
        *open = None;
        return if hyphen { inserted } else { owner.text };
    };
    let link = match open {
        Some(link) if link.target == *target => link,
        _ => {
            let node = owner.tree.add(Role::Link, owner.links);
            open.insert(OpenLink {
                target: target.clone(),
                node,
                end: None,
                hyphen: false,
            })
        }
    };
    if hyphen {
        // The word goes on on the next line.
        link.hyphen = true;
        return inserted;
    }
    // Pieces apart on a line, or on two lines, are two words.
    let glued = link.hyphen || link.end.is_some_and(|end| piece.x <= end + 0.01);
    owner.tree.push_words(link.node, &piece.text, glued);
    link.hyphen = false;
    link.end = Some(piece.x + piece.width);
    Tag::Node(link.node)
}

fn runs(inlines: &[Inline], style: TextStyle, width: f32) -> Vec<Run> {
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
                blank: None,
            },
            Inline::Break => Run {
                text: "\n".into(),
                face: face(style.bold, false),
                size: style.size,
                link: None,
                lang: style.lang,
                blank: None,
            },
            Inline::Blank(b) => blank::run(b, style, width),
        })
        .collect()
}

fn line_box(
    fonts: &Fonts,
    line: &Line,
    style: TextStyle,
    owner: &mut Owner<'_>,
    open: &mut Option<OpenLink>,
    blanks: &mut dyn Iterator<Item = &Blank>,
) -> LineBox {
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
    let mut link: Option<(LinkArea, f32, f32)> = None;
    if let Some(open) = open {
        open.end = None;
    }
    let last = line.pieces.len().saturating_sub(1);
    for (i, piece) in line.pieces.iter().enumerate() {
        if piece.text.is_empty() {
            continue;
        }
        if piece.blank {
            // A blank ends any link area, and its items go between the words around it.
            if let Some(done) = link.take() {
                links.push(link_item(done, baseline, ascent, descent));
            }
            *open = None;
            if let Some(b) = blanks.next() {
                let frame = LineFrame { baseline, height };
                items.extend(blank::items(b, piece, frame, owner));
            }
            continue;
        }
        let color = if piece.link.is_some() {
            style.link_color
        } else {
            style.color
        };
        let tag = piece_tag(piece, line.hyphenated && i == last, owner, open);
        items.push(Item::Text {
            x: piece.x,
            y: -baseline,
            text: piece.text.clone(),
            face: piece.face,
            size: piece.size,
            color,
            width: piece.width,
            tag,
        });
        // Consecutive pieces of one link make one clickable area, spaces included.
        let area = match (&piece.link, tag) {
            (Some(uri), Tag::Node(node)) => Some(LinkArea {
                uri: uri.clone(),
                node,
            }),
            _ => None,
        };
        match (&mut link, area) {
            (Some((open, _, end)), Some(area)) if open.node == area.node => {
                *end = piece.x + piece.width;
            }
            (_, area) => {
                if let Some(done) = link.take() {
                    links.push(link_item(done, baseline, ascent, descent));
                }
                link = area.map(|a| (a, piece.x, piece.x + piece.width));
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

/// The target of a clickable area and the `Link` element it belongs to.
struct LinkArea {
    uri: String,
    node: usize,
}

fn link_item(
    (area, start, end): (LinkArea, f32, f32),
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
        uri: area.uri,
        tag: Tag::Node(area.node),
    }
}

/// The narrowest and the widest `inlines` can be set in `style` without cutting a word (see
/// `linebreak::content_widths`).
pub(super) fn content_widths(
    fonts: &Fonts,
    inlines: &[Inline],
    style: TextStyle,
) -> Result<(f32, f32), LayoutError> {
    // Measured without a line to fit: a blank is as wide as its underscores ask.
    linebreak::content_widths(&runs(inlines, style, f32::INFINITY), fonts)
        .map_err(|e| LayoutError::MissingGlyph(e.ch))
}

/// Width of `text` set on one line in `face` at `size` (for right-aligning short labels).
/// Kerned like running text, since paint kerns every item.
pub(super) fn width(fonts: &Fonts, text: &str, face: Face, size: f32) -> f32 {
    let mut prev: Option<char> = None;
    let mut total = 0.0;
    for c in text.chars() {
        if let Some(f) = fonts.resolve(face, c) {
            total += fonts.advance(f, c, size);
            if let Some(p) = prev.filter(|_| f == face) {
                total += fonts.kern(face, p, c, size);
            }
            prev = (f == face).then_some(c);
        }
    }
    total
}
