//! The invisible underscores of an inline write-in blank (`flow/blank.rs`): the text it stands for
//! in its line, painted where its field is so that text extraction and copying read "on for ____
//! hours." in one line. Its rule is an ordinary line and its field a widget (`fields`); this draws
//! only the text, in render mode 3 (neither filled nor stroked: nothing shows or prints), stretched
//! horizontally to the blank's width, as an artifact (a screen reader gets the blank from its `Form`
//! element and tooltip instead).

use std::collections::BTreeMap;

use printpdf::{FontId, Op, PdfFontHandle, TextItem, TextMatrix, TextRenderingMode};

use super::super::font::{Face, Fonts};
use super::super::frame::{Artifact, Rect, Tag, Underscores};
use super::marks::PageMarks;
use super::ops::{pt, Pen};

/// The char a blank stands for, as an editor types it.
pub(super) const UNDERSCORE: char = '_';

/// Paints `underscores` over the field `rect` as an invisible text object, an artifact.
pub(super) fn paint(
    pen: &mut Pen,
    marks: &mut PageMarks<'_>,
    rect: &Rect,
    underscores: &Underscores,
    fonts: &Fonts,
    faces: &BTreeMap<Face, FontId>,
) {
    let Underscores {
        count,
        rise,
        face,
        size,
    } = *underscores;
    let natural = fonts.advance(face, UNDERSCORE, size) * f32::from(count);
    let Some(id) = faces.get(&face) else {
        return;
    };
    if count == 0 || natural <= 0.0 || rect.w <= 0.0 {
        return;
    }
    marks.enter(Tag::Artifact(Artifact::Layout), &mut pen.ops);
    pen.ops.push(Op::StartTextSection);
    pen.ops.push(Op::SetFont {
        font: PdfFontHandle::External(id.clone()),
        size: pt(size),
    });
    pen.ops.push(Op::SetTextRenderingMode {
        mode: TextRenderingMode::Invisible,
    });
    pen.ops.push(Op::SetHorizontalScaling {
        percent: rect.w / natural * 100.0,
    });
    pen.ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(pt(rect.x), pt(rect.y + rise)),
    });
    pen.ops.push(Op::ShowText {
        items: vec![TextItem::Text(
            std::iter::repeat_n(UNDERSCORE, usize::from(count)).collect(),
        )],
    });
    // Text state outlives the text object: later text is filled and unscaled again.
    pen.ops.push(Op::SetHorizontalScaling { percent: 100.0 });
    pen.ops.push(Op::SetTextRenderingMode {
        mode: TextRenderingMode::Fill,
    });
    pen.ops.push(Op::EndTextSection);
}

#[cfg(test)]
mod tests;
