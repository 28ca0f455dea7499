//! Text items → PDF text objects: the words of one line in one style become one object, with real
//! spaces between them and TJ offsets where layout spaced them differently.

use std::collections::BTreeMap;

use printpdf::{FontId, Op, PdfFontHandle, TextItem, TextMatrix};

use super::super::font::{Face, Fonts};
use super::super::frame::Item;
use super::ops::{pt, Pen};

/// Whether `next` continues the text of `prev` on the same line, in the same face, size and colour,
/// to its right, as content of the same element (a text object never spans two sequences).
pub(super) fn continues(prev: Option<&Item>, next: &Item) -> bool {
    match (prev, next) {
        (
            Some(Item::Text {
                x: x0,
                y: y0,
                face: f0,
                size: s0,
                color: c0,
                width: w0,
                tag: t0,
                ..
            }),
            Item::Text {
                x,
                y,
                face,
                size,
                color,
                tag,
                ..
            },
        ) => {
            (y - y0).abs() < 0.001
                && tag == t0
                && face == f0
                && size == s0
                && color == c0
                && *x >= x0 + w0 - 0.01
        }
        _ => false,
    }
}

/// Whether `next` starts on the baseline of `prev` right where `prev` ends (the rest of a word in
/// another face or colour).
pub(super) fn glued(prev: Option<&Item>, next: Option<&Item>) -> bool {
    match (prev, next) {
        (
            Some(Item::Text {
                x: x0,
                y: y0,
                width: w0,
                ..
            }),
            Some(Item::Text { x, y, .. }),
        ) => (y - y0).abs() < 0.001 && *x <= x0 + w0 + 0.01,
        _ => false,
    }
}

/// One text object for `run` (same baseline, face, size, colour, left to right), ending in a space
/// when `space_after`.
pub(super) fn text_ops(
    pen: &mut Pen,
    run: &[&Item],
    fonts: &Fonts,
    faces: &BTreeMap<Face, FontId>,
    space_after: bool,
) {
    let Some(Item::Text {
        x,
        y,
        face,
        size,
        color,
        ..
    }) = run.first()
    else {
        return;
    };
    let space = fonts.advance(*face, ' ', *size);
    let mut shown = Vec::new();
    // Words and the spaces between them accumulate into one string, cut only where a TJ offset is
    // needed: fewer, longer strings keep the content stream (and its compression time) small.
    let mut pending = String::new();
    let mut end = *x;
    for item in run {
        let Item::Text { x, text, width, .. } = item else {
            continue;
        };
        let gap = x - end;
        if gap > 0.01 {
            // A real space where words are apart, then a TJ adjustment (1/1000 em, positive moves
            // left) for any difference between that space and the gap layout chose (justification).
            pending.push(' ');
            let adjust = (gap - space) * 1000.0 / size;
            if adjust.abs() > 0.5 {
                shown.push(TextItem::Text(std::mem::take(&mut pending)));
                shown.push(TextItem::Offset(-adjust));
            }
        } else if gap < -0.01 {
            // Kerning across two items of one word (a link ending mid-word): layout moved it closer.
            shown.push(TextItem::Text(std::mem::take(&mut pending)));
            shown.push(TextItem::Offset(-gap * 1000.0 / size));
        }
        // The font's pair kerning, exactly as layout measured it (`Fonts::kern`).
        let mut prev: Option<char> = None;
        for c in text.chars() {
            if let Some(p) = prev {
                let kern = fonts.kern(*face, p, c, *size);
                if kern != 0.0 {
                    shown.push(TextItem::Text(std::mem::take(&mut pending)));
                    shown.push(TextItem::Offset(-kern * 1000.0 / size));
                }
            }
            pending.push(c);
            prev = Some(c);
        }
        end = x + width;
    }
    if space_after {
        pending.push(' ');
    }
    if !pending.is_empty() {
        shown.push(TextItem::Text(pending));
    }
    let Some(id) = faces.get(face) else {
        return;
    };
    // The fill colour is graphics state, which survives ET, so it is set before BT and only on change.
    pen.fill(*color);
    pen.ops.push(Op::StartTextSection);
    pen.ops.push(Op::SetFont {
        font: PdfFontHandle::External(id.clone()),
        size: pt(*size),
    });
    pen.ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(pt(*x), pt(*y)),
    });
    pen.ops.push(Op::ShowText { items: shown });
    pen.ops.push(Op::EndTextSection);
}
