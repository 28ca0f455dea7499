//! "(continued)" where a list, box or column goes on on a new page, lists without a lone item at a
//! break, the large-print box that splits to fill its page, and footer lines and QR code printed on
//! one page only.

use super::super::super::font::Face;
use super::super::super::frame::{Artifact, Item, Layout, Role, Tag};
use super::super::super::style::Style;
use super::editions::lay_in;
use super::fixture::HANDOUT;
use super::{body_lines, lay};

/// A handout with `body` and the `continued` label.
fn handout(body: &str) -> String {
    let start = HANDOUT.find("<h1>").unwrap_or(0);
    let end = HANDOUT.find("</handout>").unwrap_or(HANDOUT.len());
    let mut xml = HANDOUT[..start].replace(
        "align=\"left\">",
        "align=\"left\" continued=\"(continued)\">",
    );
    xml.push_str(body);
    xml.push_str(&HANDOUT[end..]);
    xml
}

/// `n` list items of a few lines each, numbered in their words.
fn items(n: usize) -> String {
    (1..=n)
        .map(|i| format!("<li>Item {i}: wash gently with a mild cleanser, pat dry and use the moisturiser we gave you.</li>"))
        .collect()
}

/// The role of the element `tag` points at.
fn role(layout: &Layout, tag: Tag) -> Option<Role> {
    tag.node().and_then(|n| layout.tree.get(n)).map(|n| n.role)
}

/// Per page, the numbers of the list items that start there (from "Item N:").
fn items_on_pages(layout: &Layout) -> Vec<Vec<usize>> {
    layout
        .pages
        .iter()
        .map(|page| {
            body_lines(page)
                .iter()
                .filter_map(|(_, _, line)| {
                    let rest = line.split("Item ").nth(1)?;
                    rest.split(':').next()?.parse().ok()
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_list_going_on_repeats_its_heading_with_the_label_read_as_the_items_words() {
    let xml = handout(&format!(
        "<h1>Care</h1><h2>Do</h2><ul mark=\"check\">{}</ul>",
        items(40)
    ));
    let layout = lay(&super::doc(&xml));
    assert!(layout.pages.len() >= 2, "{} pages", layout.pages.len());
    for page in &layout.pages[1..] {
        let lines = body_lines(page);
        assert_eq!(lines[0].2, "Do (continued)", "{lines:?}");
        for item in &page.items {
            if let Item::Text { text, tag, y, .. } = item {
                if (y - lines[0].0).abs() > 0.01 {
                    continue;
                }
                // The heading is said once, where it stands first; the label is read.
                if text == "Do" {
                    assert_eq!(*tag, Tag::Artifact(Artifact::Pagination));
                } else {
                    assert_eq!(role(&layout, *tag), Some(Role::LBody), "{text:?}");
                }
            }
        }
    }
    // Never one item alone on either side of a break.
    let pages = items_on_pages(&layout);
    for (n, items) in pages.iter().enumerate() {
        assert!(items.len() >= 2, "page {}: items {items:?}", n + 1);
    }
    let all: Vec<usize> = pages.concat();
    assert_eq!(all, (1..=40).collect::<Vec<_>>());
}

#[test]
fn without_a_continued_label_nothing_is_repeated() {
    let xml = handout(&format!(
        "<h1>Care</h1><h2>Do</h2><ul mark=\"check\">{}</ul>",
        items(40)
    ))
    .replace(" continued=\"(continued)\"", "");
    let layout = lay(&super::doc(&xml));
    for page in &layout.pages[1..] {
        assert!(
            body_lines(page)[0].2.starts_with("Item"),
            "{:?}",
            body_lines(page)
        );
    }
}

#[test]
fn a_list_of_three_moves_whole_and_a_last_item_never_stands_alone() {
    // A filler that leaves room for two items at the bottom of page 1.
    for filler in 20..60 {
        let para = "<p>".to_string() + &"Word ".repeat(filler * 10) + "</p>";
        let xml = handout(&format!(
            "<h1>Care</h1>{para}<h2>Do</h2><ul>{}</ul>",
            items(3)
        ));
        let layout = lay(&super::doc(&xml));
        for items in items_on_pages(&layout) {
            assert!(
                items.is_empty() || items.len() == 3,
                "filler {filler}: {items:?}"
            );
        }
    }
}

#[test]
fn side_by_side_columns_going_on_repeat_each_columns_heading() {
    let para = "<p>".to_string() + &"Word ".repeat(300) + "</p>";
    let xml = handout(&format!(
        "<h1>Care</h1>{para}<columns><column><h2>Do</h2><ul mark=\"check\">{}</ul></column><column><h2>Don’t</h2><ul mark=\"cross\">{}</ul></column></columns>",
        items(10),
        items(10)
    ));
    let layout = lay(&super::doc(&xml));
    assert!(layout.pages.len() >= 2);
    // Side by side on page 1, going on side by side on page 2.
    let first = body_lines(&layout.pages[0]);
    assert!(first.iter().any(|l| l.2 == "Do Don’t"), "{first:?}");
    let second = body_lines(&layout.pages[1]);
    assert_eq!(
        second[0].2, "Do (continued) Don’t (continued)",
        "{second:?}"
    );
}

#[test]
fn large_print_splits_a_box_that_does_not_fit_and_says_so_on_the_next_page() {
    let para = "<p>".to_string() + &"Word ".repeat(60) + "</p>";
    let xml = handout(&format!(
        "<h1>Care</h1>{para}<box tone=\"alert\"><h2>When to call us</h2><ul>{}</ul></box>",
        items(8)
    ));
    let large = lay_in(&xml, Style::large_print());
    let regular_whole = lay_in(
        &xml,
        &Style::large_print()
            .with_overrides("box_split_fill: 0")
            .unwrap(),
    );
    // Kept whole, the box goes to page 2 and leaves page 1 half empty.
    assert!(
        regular_whole.pages[0].fill() < 0.6,
        "{}",
        regular_whole.pages[0].fill()
    );
    // Split, page 1 is full, and page 2 says where the box goes on.
    assert!(large.pages[0].fill() >= 0.6, "{}", large.pages[0].fill());
    let first = body_lines(&large.pages[0]);
    assert!(first.iter().any(|l| l.2 == "When to call us"), "{first:?}");
    let second = body_lines(&large.pages[1]);
    assert_eq!(second[0].2, "When to call us (continued)", "{second:?}");
    // The panel is drawn on both pages, around the text.
    for page in &large.pages[..2] {
        assert!(page.items.iter().any(|i| matches!(i, Item::Rect { fill: Some(c), .. } if *c == Style::large_print().alert_tint)));
    }
}

#[test]
fn footer_lines_and_the_qr_code_can_be_printed_on_the_last_page_only() {
    let body = format!("<h1>Care</h1><h2>Do</h2><ul>{}</ul>", items(40));
    let xml = handout(&body)
        .replace(
            "<line>Reviewed 1 March 2026 by Dr. Ana Reyes, MD</line>",
            "<line pages=\"last\">Reviewed 1 March 2026 by Dr. Ana Reyes, MD</line>",
        )
        .replace(
            "caption=\"Scan or visit for the latest version:\">",
            "caption=\"Scan or visit for the latest version:\" qr-pages=\"last\">",
        );
    let layout = lay(&super::doc(&xml));
    let last = layout.pages.len() - 1;
    for (n, page) in layout.pages.iter().enumerate() {
        let words: Vec<(&str, Tag)> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, tag, y, .. } if *y < page.footer.top() => {
                    Some((text.as_str(), *tag))
                }
                _ => None,
            })
            .collect();
        let reviewed = words.iter().find(|(t, _)| t.contains("Reviewed"));
        let qr = page.items.iter().find_map(|i| match i {
            Item::Qr { tag, .. } => Some(*tag),
            _ => None,
        });
        if n == last {
            // Printed once, and read there.
            assert_eq!(
                role(&layout, reviewed.expect("the review").1),
                Some(Role::P)
            );
            assert_eq!(role(&layout, qr.expect("the code")), Some(Role::Figure));
        } else {
            assert!(reviewed.is_none() && qr.is_none(), "page {}", n + 1);
        }
    }
    // The last page's footer is taller; its body ends above it.
    assert!(layout.pages[last].footer.h > layout.pages[0].footer.h + 18.0);
    for page in &layout.pages {
        if let Some(bottom) = page.content_bottom() {
            assert!(bottom >= page.body.y - 0.5);
        }
    }
}

#[test]
fn without_italics_captions_are_upright_and_emphasis_is_bold() {
    let xml = handout("<h1>Care</h1><p>Keep it <i>dry</i>.</p>");
    let upright = Style::large_print();
    assert!(!upright.italic);
    let layout = lay_in(&xml, upright);
    let dry = layout.pages[0].items.iter().find_map(|i| match i {
        Item::Text { text, face, .. } if text.contains("dry") => Some(*face),
        _ => None,
    });
    assert_eq!(dry, Some(Face::Bold));
    let italic = lay_in(&xml, Style::regular());
    let dry = italic.pages[0].items.iter().find_map(|i| match i {
        Item::Text { text, face, .. } if text.contains("dry") => Some(*face),
        _ => None,
    });
    assert_eq!(dry, Some(Face::Italic));
}

#[test]
fn a_bad_switch_or_page_choice_is_an_error_where_it_was_written() {
    let errors = Style::regular()
        .with_overrides("italic: maybe\n")
        .unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "1:9: `italic` must be true or false, not `maybe`"
    );
    let xml = handout("<h1>Care</h1>").replace(
        "caption=\"Scan or visit for the latest version:\">",
        "caption=\"Scan or visit for the latest version:\" qr-pages=\"odd\">",
    );
    let errors = super::super::super::print_xml::parse(&xml).unwrap_err();
    assert_eq!(
        errors[0].message,
        "attribute `qr-pages` on <footer> must be all, first or last, not `odd`"
    );
    assert_eq!((errors[0].line, errors[0].column), (6, 115));
}
