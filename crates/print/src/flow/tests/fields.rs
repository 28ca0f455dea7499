//! Write-in blanks at a handout's end (issue 24): the notes take the room their page has left,
//! never fewer rules than their `lines` where they stand, else one line beside the blank before
//! them; a page never holds only blanks and what follows them.

use super::super::super::block::{Block, Field};
use super::super::super::frame::{Item, Layout, Rect};
use super::{body_lines, lay, para, with_blocks, words};

fn field(name: &str, label: &str, lines: u8, fill: bool) -> Field {
    Field {
        name: name.into(),
        label: label.into(),
        lines,
        fill,
    }
}

/// A handout of `filler` words of text, then the end blanks, then the disclaimer.
fn ending(filler: usize) -> Layout {
    lay(&with_blocks(vec![
        para(&words("alpha", filler)),
        para("The paragraph before the blanks."),
        Block::Fields(vec![
            field("next-appointment", "Next appointment", 1, false),
            field("notes", "Notes", 3, true),
        ]),
        para("These handouts are general information."),
    ]))
}

/// Each form field of `layout`: page, name, rect, multi-line.
fn fields(layout: &Layout) -> Vec<(usize, String, Rect, bool)> {
    let mut out = Vec::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Field {
                name,
                rect,
                multiline,
                ..
            } = item
            {
                out.push((p, name.clone(), *rect, *multiline));
            }
        }
    }
    out
}

#[test]
fn notes_take_three_rules_or_move_up_beside_the_next_appointment() {
    let (mut ruled, mut compact) = (0, 0);
    for filler in (200..1400).step_by(9) {
        let layout = ending(filler);
        let found = fields(&layout);
        let [(next_page, _, next, false), (page, _, notes, multiline)] = found.as_slice() else {
            panic!("{filler}: {found:?}");
        };
        assert_eq!(next_page, page, "{filler}: the blanks are split");
        // The rules drawn across the notes' widget.
        let rules = layout.pages[*page]
            .items
            .iter()
            .filter(|item| {
                matches!(item, Item::Line { points, .. } if points.len() == 2
                    && (points[0].1 - points[1].1).abs() < 0.01
                    && points[0].0 <= notes.x + 1.0 && points[1].0 >= notes.x + notes.w - 1.0
                    && points[0].1 >= notes.y - 1.0 && points[0].1 < notes.y + notes.h)
            })
            .count();
        if (notes.y + notes.h - next.y - next.h).abs() < 0.01 {
            // Compact: the same row as the next appointment, to its right.
            compact += 1;
            assert!(notes.x > next.x + next.w, "{filler}: {notes:?} {next:?}");
            // It may still take the rules left under that row: fewer than the ruled form's row
            // and three rules.
            assert!(
                (1..=3).contains(&rules),
                "{filler}: compact with {rules} rules"
            );
            assert_eq!(*multiline, rules > 1, "{filler}");
        } else {
            // Ruled: under the next appointment, the widget over every one of its rules.
            ruled += 1;
            assert!(
                notes.y + notes.h <= next.y + 0.01,
                "{filler}: {notes:?} {next:?}"
            );
            assert!(rules >= 3, "{filler}: {rules} rules under the notes");
            assert!(*multiline, "{filler}");
            let lowest = layout.pages[*page]
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Line { points, .. } if points[0].1 >= notes.y - 1.0 => Some(points[0].1),
                    _ => None,
                });
            let lowest = lowest.fold(f32::INFINITY, f32::min);
            assert!(
                (lowest - notes.y).abs() < 1.0,
                "{filler}: {lowest} {notes:?}"
            );
        }
        // The paragraph before the blanks shares their page: it never holds them alone.
        let lines: Vec<String> = body_lines(&layout.pages[*page])
            .into_iter()
            .map(|(_, _, text)| text)
            .collect();
        assert!(
            lines.iter().any(|l| l.contains("before the blanks")),
            "{filler}: {lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.contains("general information")),
            "{filler}"
        );
    }
    // The sweep sees both forms.
    assert!(
        ruled > 10 && compact > 3,
        "ruled {ruled}, compact {compact}"
    );
}

#[test]
fn a_multi_line_field_covers_all_its_rules() {
    let layout = lay(&with_blocks(vec![Block::Fields(vec![field(
        "plan", "Plan", 4, false,
    )])]));
    let found = fields(&layout);
    let [(0, _, rect, true)] = found.as_slice() else {
        panic!("{found:?}");
    };
    let rules: Vec<f32> = layout.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Line { points, .. } if points.len() == 2 && points[0].1 < rect.y + rect.h => {
                Some(points[0].1)
            }
            _ => None,
        })
        .filter(|y| *y >= rect.y - 1.0)
        .collect();
    assert_eq!(rules.len(), 4, "{rules:?} {rect:?}");
}
