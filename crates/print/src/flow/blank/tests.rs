//! Inline blanks laid out: a box in the line between its words, as wide as its chars in the type
//! size, moved whole to the next line when it does not fit, read between its words, and set in
//! justified and hyphenated text like any word.

use super::super::super::font::{Face, Fonts};
use super::super::super::frame::{Artifact, Item, Layout, Rect, Role, Tag, Underscores};
use super::super::super::linebreak::{break_lines, Align, Run};
use super::super::super::print_xml::parse;
use super::super::super::style::Style;
use super::super::layout;

/// The PRP sentence of the task, with its blank.
pub(crate) const PRP: &str = "<p>Leave the PRP on for <blank name=\"blank-1\" chars=\"4\" tip=\"Leave the PRP on for ____ hours.\"/> hours.</p>";

/// A one-page handout around `body`, its paragraphs aligned `align`.
pub(crate) fn handout(align: &str, body: &str) -> String {
    format!(
        "<handout paper=\"letter\" lang=\"en-US\" title=\"Blanks\" created=\"2026-03-01\" align=\"{align}\">\
         <header><left>Blanks</left></header>\
         <footer url=\"https://example.org/prp/\"><line>Page {{page}} of {{pages}}</line></footer>\
         {body}</handout>"
    )
}

fn lay(xml: &str, style: &Style) -> Layout {
    let doc = parse(xml).unwrap_or_else(|e| panic!("{e:?}"));
    layout(&doc, Fonts::embedded(), style).unwrap_or_else(|e| panic!("{e}"))
}

/// The field item named `name` on page 1, and its index among the page's items.
fn field<'l>(layout: &'l Layout, name: &str) -> (usize, &'l Item) {
    layout.pages[0]
        .items
        .iter()
        .enumerate()
        .find(|(_, item)| matches!(item, Item::Field { name: n, .. } if n == name))
        .unwrap_or_else(|| panic!("no field {name}"))
}

fn rect_of(item: &Item) -> Rect {
    match item {
        Item::Field { rect, .. } => *rect,
        other => panic!("not a field: {other:?}"),
    }
}

/// The text item reading `text` on page 1: its index, x, baseline, width and tag.
fn word(layout: &Layout, text: &str) -> (usize, f32, f32, f32, Tag) {
    layout.pages[0]
        .items
        .iter()
        .enumerate()
        .find_map(|(i, item)| match item {
            Item::Text {
                x,
                y,
                width,
                text: t,
                tag,
                ..
            } if t == text => Some((i, *x, *y, *width, *tag)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

#[test]
fn a_blank_sits_on_the_line_between_its_words() {
    let s = Style::regular();
    let layout = lay(&handout("left", PRP), s);
    let (at, item) = field(&layout, "blank-1");
    let rect = rect_of(item);
    let (before, for_x, baseline, for_w, p) = word(&layout, "for");
    let (after, hours_x, hours_y, _, hours_tag) = word(&layout, "hours.");
    // One line: the words share the baseline, and the field spans it, between them.
    assert_eq!(baseline, hours_y);
    assert!(
        rect.y < baseline && baseline < rect.top(),
        "{rect:?} {baseline}"
    );
    assert!(for_x + for_w < rect.x && rect.right() < hours_x, "{rect:?}");
    // As tall as the line (its leading) and 4 chars wide, which is the 3 em minimum.
    assert!((rect.h - s.body_size * s.leading).abs() < 0.01, "{rect:?}");
    assert!((rect.w - 3.0 * s.body_size).abs() < 0.01, "{rect:?}");
    let Item::Field {
        tooltip,
        multiline,
        size,
        underscores,
        ..
    } = item
    else {
        unreachable!()
    };
    assert_eq!(tooltip, "Leave the PRP on for ____ hours.");
    assert!(!multiline);
    assert!(*size <= s.body_size);
    let Some(Underscores {
        count,
        rise,
        face,
        size: text_size,
    }) = *underscores
    else {
        panic!("a blank stands for its underscores")
    };
    assert_eq!((count, face, text_size), (4, Face::Regular, s.body_size));
    assert!((rect.y + rise - baseline).abs() < 0.01, "{rise}");
    // Its rule runs under it, a little below the baseline, in the colour and weight of a
    // <field>'s rules, as a layout artifact; it is painted between the words around it.
    let rule = &layout.pages[0].items[at - 1];
    let Item::Line {
        points,
        color,
        width,
        tag,
    } = rule
    else {
        panic!("no rule before the field: {rule:?}");
    };
    assert_eq!((*color, *width), (s.muted, s.hairline));
    assert_eq!(*tag, Tag::Artifact(Artifact::Layout));
    let drop = baseline - points[0].1;
    assert!((drop - 0.12 * s.body_size).abs() < 0.01, "{drop}");
    assert!((points[0].0 - width / 2.0 - rect.x).abs() < 0.01);
    assert!((points[1].0 + width / 2.0 - rect.right()).abs() < 0.01);
    // Read between its words: the paragraph's text, then the `Form`, then its text again.
    assert!(before < at && at < after);
    assert_eq!(hours_tag, p);
    let Tag::Node(p) = p else {
        panic!("untagged words")
    };
    assert_eq!(layout.tree[p].role, Role::P);
    let form = item
        .tag()
        .node()
        .unwrap_or_else(|| panic!("untagged field"));
    assert_eq!(layout.tree[form].role, Role::Form);
    assert_eq!(layout.tree[form].parent, Some(p));
    assert_eq!(layout.tree[p].children, [form]);
}

#[test]
fn in_a_list_item_or_a_table_cell_the_form_is_its_body_s() {
    let body = "<ul><li>Take <blank name=\"a\" chars=\"6\" tip=\"Take ____ tablets.\"/> tablets.</li></ul>\
                <table><row><th>Day 1</th><td>Keep it on <blank name=\"b\" chars=\"4\" tip=\"Day 1: keep it on ____ hours.\"/> hours.</td></row></table>";
    let layout = lay(&handout("left", body), Style::regular());
    for (name, role) in [("a", Role::LBody), ("b", Role::TD)] {
        let form = field(&layout, name).1.tag().node().unwrap_or_default();
        assert_eq!(layout.tree[form].role, Role::Form);
        let parent = layout.tree[form].parent.unwrap_or_default();
        assert_eq!(layout.tree[parent].role, role, "{name}");
    }
}

#[test]
fn the_width_follows_the_chars_and_the_type_size() {
    let body = "<p>A <blank name=\"a\" chars=\"4\" tip=\"A\"/> b <blank name=\"b\" chars=\"10\" tip=\"B\"/> c <blank name=\"c\" chars=\"20\" tip=\"C\"/>.</p>\
                <p>D <blank name=\"d\" chars=\"80\" tip=\"D\"/>.</p>";
    let widths = |style: &Style| {
        let layout = lay(&handout("left", body), style);
        let body_w = layout.pages[0].body.w;
        let w: Vec<f32> = ["a", "b", "c", "d"]
            .iter()
            .map(|name| rect_of(field(&layout, name).1).w)
            .collect();
        (w, body_w)
    };
    for style in [Style::regular(), Style::large_print()] {
        let (w, body_w) = widths(style);
        let em = style.body_size;
        // 4 chars: the 3 em minimum; then 0.6 em a char; 80 chars: no wider than the line.
        let expected = [3.0 * em, 6.0 * em, 12.0 * em, body_w];
        for (got, want) in w.iter().zip(expected) {
            assert!((got - want).abs() < 0.01, "{w:?} != {expected:?}");
        }
    }
    // Large print is 18 pt where regular is 12: every blank is half as wide again.
    let (regular, _) = widths(Style::regular());
    let (large, _) = widths(Style::large_print());
    let ratio = Style::large_print().body_size / Style::regular().body_size;
    assert_eq!(ratio, 1.5);
    for (r, l) in regular.iter().zip(&large).take(3) {
        assert!((l - r * ratio).abs() < 0.01, "{regular:?} {large:?}");
    }
}

#[test]
fn a_blank_that_does_not_fit_moves_whole_to_the_next_line() {
    let text = "Rinse with cool water and pat the skin dry with a soft towel, then rest and keep your face out of the sun for the rest of the day and the next day too.";
    let plain = lay(
        &handout("left", &format!("<p>{text}</p>")),
        Style::regular(),
    );
    // The last word of the first line, which has room for it but not for a blank of 10 chars.
    let first = plain.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { y, text, tag, .. } if tag.node().is_some() && text != "Blanks" => {
                Some((*y, text.clone()))
            }
            _ => None,
        })
        .collect::<Vec<_>>();
    let line_1 = first[1].0; // [0] is the paragraph's first word, on line 1 too
    let last = first
        .iter()
        .rposition(|(y, _)| *y == line_1)
        .unwrap_or_default();
    let (prev, moved) = (first[last - 1].1.clone(), first[last].1.clone());
    // Put the blank in that word's place, its 72 pt more than the word left over.
    let with_blank = text.replacen(
        &format!("{prev} {moved} "),
        &format!("{prev} <blank name=\"n\" chars=\"10\" tip=\"N\"/> {moved} "),
        1,
    );
    assert_ne!(with_blank, text);
    let layout = lay(
        &handout("left", &format!("<p>{with_blank}</p>")),
        Style::regular(),
    );
    let rect = rect_of(field(&layout, "n").1);
    let body = layout.pages[0].body;
    // Whole, at the start of the second line; the first line ends with the word before it.
    assert!((rect.w - 72.0).abs() < 0.01, "{rect:?}");
    assert!((rect.x - body.x).abs() < 0.01, "{rect:?} {body:?}");
    let (_, _, prev_y, _, _) = word(&layout, &prev);
    assert_eq!(prev_y, line_1);
    assert!(rect.top() <= line_1, "{rect:?} below {line_1}");
    let (_, moved_x, moved_y, _, _) = word(&layout, &moved);
    assert!(moved_y < line_1 && moved_x > rect.right());
}

/// Where a word or a blank lies on its line: from x0 to x1, and whether it is a blank.
type Extent = (f32, f32, bool);

/// Every line of page 1's body: its baseline, and the extents of its words and blanks, left to
/// right.
fn spans(layout: &Layout) -> Vec<(f32, Vec<Extent>)> {
    let mut lines: Vec<(f32, Vec<Extent>)> = Vec::new();
    let page = &layout.pages[0];
    for item in &page.items {
        let (y, span) = match item {
            Item::Text { x, y, width, .. } => (*y, (*x, x + width, false)),
            Item::Field {
                rect,
                underscores: Some(u),
                ..
            } => (rect.y + u.rise, (rect.x, rect.right(), true)),
            _ => continue,
        };
        if !page.body.contains(
            &Rect {
                x: span.0,
                y,
                w: 0.0,
                h: 0.0,
            },
            0.05,
        ) {
            continue;
        }
        match lines.iter_mut().find(|(b, _)| (b - y).abs() < 0.01) {
            Some((_, spans)) => spans.push(span),
            None => lines.push((y, vec![span])),
        }
    }
    for (_, spans) in &mut lines {
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    lines
}

#[test]
fn justified_and_hyphenated_text_flows_around_blanks() {
    let body = "<p>Microneedling with platelet-rich plasma: leave the plasma on for <blank name=\"a\" chars=\"4\" tip=\"A\"/> hours, \
                then cleanse with lukewarm water. Moisturize with the hyaluronic serum <blank name=\"b\" chars=\"6\" tip=\"B\"/> times daily; \
                avoid retinoids, exfoliating acids and anti-inflammatory medication for <blank name=\"c\" chars=\"8\" tip=\"C\"/> days, \
                unless your dermatologist recommends otherwise. Hyperpigmentation and photosensitivity are uncommon but possible.</p>";
    let style = Style {
        // A narrow measure, so that lines are tight and long words must be hyphenated.
        margin_x: 190.0,
        justify_min_width: 100.0,
        ..Style::regular().clone()
    };
    let layout = lay(&handout("justify", body), &style);
    let right = layout.pages[0].body.right();
    let lines = spans(&layout);
    let hyphens = layout.pages[0]
        .items
        .iter()
        .filter(|i| matches!(i, Item::Text { text, tag: Tag::Artifact(Artifact::Layout), .. } if text == "-"))
        .count();
    assert!(hyphens > 0, "no line was hyphenated");
    let blanks: usize = lines
        .iter()
        .map(|(_, s)| s.iter().filter(|s| s.2).count())
        .sum();
    assert_eq!(blanks, 3);
    for (i, (y, spans)) in lines.iter().enumerate() {
        // Every line but the last is flush right, blanks or not.
        let end = spans.last().map_or(0.0, |s| s.1);
        if i + 1 < lines.len() {
            assert!(
                (end - right).abs() < 0.05,
                "line at {y} ends at {end}, not {right}"
            );
        }
        // A blank never overlaps a word, and keeps a gap on both sides.
        for pair in spans.windows(2) {
            assert!(pair[0].1 <= pair[1].0 + 0.01, "{spans:?}");
            if pair[0].2 || pair[1].2 {
                assert!(pair[1].0 - pair[0].1 > 1.0, "{spans:?}");
            }
        }
    }
}

/// A run of `text` in the regular face at 12 pt.
fn words_run(text: &str) -> Run {
    Run {
        text: text.into(),
        face: Face::Regular,
        size: 12.0,
        link: None,
        lang: super::super::super::hyphenate::Language::from_tag("en"),
        blank: None,
    }
}

#[test]
fn the_line_breaker_breaks_only_at_the_spaces_around_a_blank() {
    // "aged____-years" and "unpredictable____": UAX #14 allows a break on both sides of U+FFFC, and
    // the long word could take a hyphen right before it; neither may part the blank from its word.
    let runs = [
        words_run("Patients aged "),
        Run {
            text: super::super::super::linebreak::BLANK.to_string(),
            blank: Some(40.0),
            ..words_run("")
        },
        words_run("-years or an unpredictable"),
        Run {
            text: super::super::super::linebreak::BLANK.to_string(),
            blank: Some(40.0),
            ..words_run("")
        },
        words_run(" schedule need a check-up first."),
    ];
    let fonts = Fonts::embedded();
    for width in (130..320).step_by(3) {
        for align in [Align::Left, Align::Justify] {
            let lines =
                break_lines(&runs, &[width as f32], align, fonts).unwrap_or_else(|e| panic!("{e}"));
            let pieces: Vec<Vec<(&str, bool)>> = lines
                .iter()
                .map(|l| {
                    l.pieces
                        .iter()
                        .map(|p| (p.text.as_str(), p.blank))
                        .collect()
                })
                .collect();
            let blanks = pieces.iter().flatten().filter(|p| p.1).count();
            assert_eq!(blanks, 2, "{width}: {pieces:?}");
            for line in &pieces {
                for (i, piece) in line.iter().enumerate() {
                    if !piece.1 {
                        continue;
                    }
                    // The first blank is always followed by its hyphen ("-years", or "-" when the
                    // line breaks after it, as at any hyphen), the second preceded by
                    // "unpredictable", whole, on the same line.
                    let next = line.get(i + 1).map(|p| p.0);
                    let prev = i.checked_sub(1).map(|j| line[j].0);
                    assert!(
                        next.is_some_and(|n| n.starts_with('-')) || prev == Some("unpredictable"),
                        "{width} {align:?}: {pieces:?}"
                    );
                }
            }
        }
    }
}
