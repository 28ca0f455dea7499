//! Inline write-in blanks (`<blank>`): a gap in a sentence to write on ("Leave it on for ____
//! hours."), on paper with a pen and on screen in the fillable form field over it.
//!
//! A blank is a run of its own that the line breaker treats as one word of its width (`chars` ×
//! 0.6 em of the text's size, at least 3 em, at most the line): it never splits, and lines break
//! only at the spaces around it. Its line draws it as a rule a little under the baseline, in the
//! colour and weight of a `<field>`'s rules, and covers it with a single-line text field as tall
//! as the line. The field is a `Form` element under the text's element (`P`, `LBody`, `TD` …),
//! added when its line is set, so it is read between the words around it; its one kid is the
//! widget's `OBJR`, as ISO 32000-1 (table 340) asks of a `Form` without a `Role` attribute. So the
//! rule, which holds no text, is a layout artifact, as a `<field>`'s rule is: the `Form` and its
//! tooltip (/TU) are what a screen reader announces. Text extraction reads the blank as the
//! underscores the editor wrote ("on for ____ hours."): `paint` draws them, invisible, over the
//! rule ([`Underscores`]).

use super::super::block::Blank;
use super::super::frame::{Artifact, Item, Rect, Role, Tag, Underscores};
use super::super::linebreak::{Piece, Run, BLANK};
use super::blocks::hline;
use super::fields::RULE_DROP;
use super::text::{face, Owner, TextStyle};

/// Width of one char the editor wrote, in em: about an underscore of running text, so a blank
/// of 10 chars is as wide as the 10 underscores were.
const EM_PER_CHAR: f32 = 0.6;
/// The narrowest blank, in em: room for a short number or a word, written by hand.
const MIN_EM: f32 = 3.0;

/// The run that stands for `blank` in text set in `style`, on lines `width` points wide.
pub(super) fn run(blank: &Blank, style: TextStyle, width: f32) -> Run {
    let em = style.size;
    let wide = (f32::from(blank.chars) * EM_PER_CHAR).max(MIN_EM) * em;
    Run {
        text: BLANK.to_string(),
        face: face(style.bold, false),
        size: style.size,
        link: None,
        lang: style.lang,
        blank: Some(wide.min(width.max(0.0))),
    }
}

/// Where a blank's line is: the distance from its top down to the baseline, and its height.
#[derive(Clone, Copy, Debug)]
pub(super) struct LineFrame {
    /// From the top of the line down to its baseline.
    pub(super) baseline: f32,
    /// The line's height (its leading).
    pub(super) height: f32,
}

/// The items of `blank`, set as `piece` of a line framed by `line` (coordinates relative to the
/// line's top-left corner): its rule in `owner`'s blank rule, then its form field as a new `Form`
/// element of `owner`. Text that is not content (furniture, where the parser allows no blank)
/// gets no field.
pub(super) fn items(
    blank: &Blank,
    piece: &Piece,
    line: LineFrame,
    owner: &mut Owner<'_>,
) -> Vec<Item> {
    let mut items = Vec::with_capacity(2);
    if let Some(rule) = owner.blank_rule {
        let y = -line.baseline - piece.size * RULE_DROP;
        let (x0, x1) = (piece.x, piece.x + piece.width);
        let stroke = (rule.color, rule.width);
        items.push(hline(x0, x1, y, stroke, Artifact::Layout));
    }
    if let Tag::Node(_) = owner.text {
        let form = owner.tree.add(Role::Form, owner.links);
        let rect = Rect {
            x: piece.x,
            y: -line.height,
            w: piece.width,
            h: line.height,
        };
        items.push(Item::Field {
            rect,
            name: blank.name.clone(),
            tooltip: blank.tip.clone(),
            multiline: false,
            // Typed text as large as the words around it, but never taller than the line.
            size: piece.size.min(rect.h * 0.75),
            tag: Tag::Node(form),
            underscores: Some(Underscores {
                count: blank.chars,
                rise: line.height - line.baseline,
                face: piece.face,
                size: piece.size,
            }),
        });
    }
    items
}

#[cfg(test)]
pub(crate) mod tests;
