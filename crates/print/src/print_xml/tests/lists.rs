//! Lists that start anywhere, nest one level and tick off, and callout boxes with labels: what
//! parses into the model, and each mistake's exact message and place.

use super::super::super::block::{Block, Inline, ListItem, ListMark, Nested, ParagraphClass, Tone};
use super::{blocks, err, errors, handout};

fn plain(words: &[&str]) -> Vec<Vec<Inline>> {
    words.iter().map(|w| vec![Inline::plain(w)]).collect()
}

#[test]
fn an_ordered_list_keeps_its_start_number() {
    let got = blocks(
        "<ol start=\"3\"><li>a</li></ol><ol><li>b</li></ol><ol start=\" 0 \"/><ol start=\"999999999\"/>",
    );
    let marks: Vec<ListMark> = got
        .iter()
        .filter_map(|b| match b {
            Block::List { mark, .. } => Some(*mark),
            _ => None,
        })
        .collect();
    assert_eq!(
        marks,
        [3, 1, 0, 999_999_999].map(|start| ListMark::Number { start })
    );
}

#[test]
fn a_bad_start_is_located_at_the_attribute() {
    let message = |raw: &str| {
        format!("attribute `start` on <ol> must be a whole number from 0 to 999999999, not `{raw}`")
    };
    for raw in [
        "three",
        "-1",
        "+3",
        "3.0",
        "",
        "1000000000",
        "99999999999999999999",
    ] {
        assert_eq!(
            errors(&handout(&format!("<ol start=\"{raw}\"><li>a</li></ol>"))),
            vec![err(4, 5, &message(raw))],
            "{raw:?}"
        );
    }
}

#[test]
fn an_item_may_end_with_one_nested_list() {
    let got = blocks(
        "<ol><li>For the next 12 hours:<ul><li>Do not drive.</li><li>Rest.</li></ul></li><li>Drink water.</li></ol>\n\
         <ul mark=\"check\"><li> <ol start=\"4\"><li>Only a nested list</li></ol> </li></ul>",
    );
    assert_eq!(
        got[0],
        Block::List {
            mark: ListMark::Number { start: 1 },
            items: vec![
                ListItem {
                    inlines: vec![Inline::plain("For the next 12 hours:")],
                    nested: Some(Nested {
                        mark: ListMark::Bullet,
                        items: plain(&["Do not drive.", "Rest."]),
                    }),
                },
                vec![Inline::plain("Drink water.")].into(),
            ],
        }
    );
    assert_eq!(
        got[1],
        Block::List {
            mark: ListMark::Check,
            items: vec![ListItem {
                inlines: Vec::new(),
                nested: Some(Nested {
                    mark: ListMark::Number { start: 4 },
                    items: plain(&["Only a nested list"]),
                }),
            }],
        }
    );
}

#[test]
fn lists_nest_one_level_deep() {
    assert_eq!(
        errors(&handout(
            "<ul><li>a<ul><li>b</li>\n<li>c <ol start=\"2\"><li>d</li></ol></li></ul></li></ul>"
        )),
        vec![err(
            5,
            7,
            "lists nest one level deep in a handout: this <ol> is inside an item of a nested list; make its items items of that list, or start a new list after it"
        )]
    );
    assert_eq!(
        errors(&handout(
            "<ol><li>a<ul><li>b</li></ul>\n<ul><li>c</li></ul> and more <b>words</b></li></ol>"
        )),
        vec![
            err(5, 1, "an <li> may hold one nested list; put these items in the list before it, or in an <li> of their own"),
            err(5, 20, "a nested list ends its <li>; put what follows it before the list, or in an <li> of its own"),
            err(5, 30, "a nested list ends its <li>; put what follows it before the list, or in an <li> of its own"),
        ]
    );
    // What a nested list's attributes and items may be is checked as for any list.
    assert_eq!(
        errors(&handout(
            "<ul><li>a<ol start=\"x\" mark=\"box\"><p>b</p></ol></li></ul>"
        )),
        vec![
            err(
                4,
                14,
                "attribute `start` on <ol> must be a whole number from 0 to 999999999, not `x`"
            ),
            err(
                4,
                24,
                "unknown attribute `mark` on <ol>; <ol> may have: start"
            ),
            err(
                4,
                35,
                "<p> is not allowed inside <ol>; <ol> may contain: li"
            ),
        ]
    );
}

#[test]
fn a_checklist_is_a_list_marked_box() {
    assert_eq!(
        blocks("<ul mark=\"box\"><li>Ice pack</li></ul>"),
        vec![Block::List {
            mark: ListMark::Box,
            items: vec![vec![Inline::plain("Ice pack")].into()],
        }]
    );
}

#[test]
fn a_callout_reads_its_label_first() {
    let got = blocks(
        "<box tone=\"important\" label=\"  Before\n you leave \"><p>Take your kit.</p></box>\n\
         <box tone=\"alert\"><p>Call us.</p></box><box tone=\"info\" label=\"Good to know\"/>",
    );
    assert_eq!(
        got[0],
        Block::Box {
            tone: Tone::Important,
            blocks: vec![
                Block::Paragraph {
                    class: ParagraphClass::Label,
                    inlines: vec![Inline::plain("Before you leave")],
                },
                Block::Paragraph {
                    class: ParagraphClass::Body,
                    inlines: vec![Inline::plain("Take your kit.")],
                },
            ],
        }
    );
    // The two tones from before need no label, and may have one.
    assert!(matches!(&got[1], Block::Box { tone: Tone::Alert, blocks } if blocks.len() == 1));
    assert!(
        matches!(&got[2], Block::Box { tone: Tone::Info, blocks } if matches!(&blocks[..], [Block::Paragraph { class: ParagraphClass::Label, .. }]))
    );
    let tones = ["note", "tip", "important", "warning", "caution"];
    for (tone, want) in tones.iter().zip([
        Tone::Note,
        Tone::Tip,
        Tone::Important,
        Tone::Warning,
        Tone::Caution,
    ]) {
        let got = blocks(&format!("<box tone=\"{tone}\" label=\"L\"><p>x</p></box>"));
        assert!(matches!(&got[0], Block::Box { tone, .. } if *tone == want));
    }
}

#[test]
fn a_callout_must_say_what_it_is() {
    for tone in ["note", "tip", "important", "warning", "caution"] {
        assert_eq!(
            errors(&handout(&format!("<p>x</p><box tone=\"{tone}\"><p>x</p></box>"))),
            vec![err(4, 9, &format!("missing required attribute `label` on <box tone=\"{tone}\">; a callout says what it is in words (e.g. label=\"Important\")"))]
        );
    }
    assert_eq!(
        errors(&handout("<box tone=\"tip\" label=\" \" lable=\"Tip\"/>")),
        vec![
            err(4, 17, "attribute `label` on <box> must not be empty"),
            err(
                4,
                27,
                "unknown attribute `lable` on <box>; <box> may have: tone, label"
            ),
        ]
    );
}
