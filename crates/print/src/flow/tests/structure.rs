//! The structure tree that layout builds: elements in reading order under the right parents, every
//! item tagged, furniture as artifacts, and no element left without content.

use super::super::super::block::Paper;
use super::super::super::frame::{Artifact, Item, Layout, Role, Tag};
use super::super::super::style::Style;
use super::editions::lay_in;
use super::fixture::HANDOUT;
use super::{fixture, lay};

/// The roles of the children of element `n`.
pub(super) fn roles(layout: &Layout, n: usize) -> Vec<Role> {
    layout.tree[n]
        .children
        .iter()
        .map(|&c| layout.tree[c].role)
        .collect()
}

/// Whether element `n` or one below it tags an item.
fn has_content(layout: &Layout, n: usize) -> bool {
    let tagged = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|i| i.tag() == Tag::Node(n));
    tagged
        || layout.tree[n]
            .children
            .iter()
            .any(|&c| has_content(layout, c))
}

/// The element of the first text item of a page's body reading `text` (page 1's furniture is
/// tagged too, and its words may be the body's).
pub(super) fn node_of(layout: &Layout, text: &str) -> usize {
    layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter().map(move |i| (p, i)))
        .find_map(|(p, i)| match i {
            Item::Text {
                text: t, tag, y, ..
            } if t == text && *y <= p.body.top() && *y >= p.body.y => tag.node(),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no tagged text {text:?}"))
}

#[test]
fn the_fixture_reads_in_document_order() {
    use Role::*;
    let layout = lay(&fixture(Paper::Letter));
    assert_eq!(layout.tree[0].role, Document);
    assert_eq!(
        roles(&layout, 0),
        [
            Div, H1, P, Table, H2, P, H2, L, H2, P, Table, H2, H3, L, H3, L, H2, P, Div, H2, H3, P,
            H3, P, H3, P, Div
        ]
    );
    // Do's heading and list come before Don't's, though they sit side by side.
    let do_list = node_of(&layout, "Wash");
    let dont_list = node_of(&layout, "Wear");
    assert!(do_list < dont_list);
    // Every list item: its label, then its body, in the tree and in painting order.
    for (n, node) in layout.tree.iter().enumerate() {
        if node.role == LI {
            assert_eq!(roles(&layout, n), [Lbl, LBody]);
            let position = |tag: Tag| {
                layout.pages[0]
                    .items
                    .iter()
                    .chain(&layout.pages[1].items)
                    .position(|i| i.tag() == tag)
            };
            let (label, body) = (node.children[0], node.children[1]);
            assert!(position(Tag::Node(label)) < position(Tag::Node(body)));
        }
        if node.role == TR {
            assert_eq!(roles(&layout, n), [TH, TD]);
        }
        if n > 0 {
            let parent = node.parent.unwrap_or_else(|| panic!("{n} has no parent"));
            assert!(layout.tree[parent].children.contains(&n));
        }
    }
    // Every tag names an element; only links are tagged on clickable areas.
    for item in layout.pages.iter().flat_map(|p| &p.items) {
        if let Tag::Node(n) = item.tag() {
            assert!(n < layout.tree.len());
            if let Item::Link { .. } = item {
                assert_eq!(layout.tree[n].role, Link);
            }
        }
    }
}

#[test]
fn bold_and_links_stay_in_their_paragraph() {
    let xml = HANDOUT.replace(
        "<p>Your skin heals in a predictable way.",
        "<p>Call <a href=\"tel:+15550100100\">our <b>front desk</b></a>, <i>any</i> time. Your skin heals in a predictable way.",
    );
    let layout = lay_in(&xml, Style::regular());
    let p = node_of(&layout, "Call");
    assert_eq!(layout.tree[p].role, Role::P);
    assert_eq!(
        node_of(&layout, "any"),
        p,
        "italic is part of the paragraph"
    );
    let link = node_of(&layout, "front");
    assert_eq!(
        node_of(&layout, "our"),
        link,
        "a link is one element, bold inside it too"
    );
    assert_eq!(layout.tree[link].role, Role::Link);
    assert_eq!(layout.tree[link].parent, Some(p));
    assert_eq!(layout.tree[link].alt.as_deref(), Some("our front desk"));
}

#[test]
fn furniture_is_read_on_page_1_and_artifacts_after() {
    let xml = HANDOUT.replace(
        "caption=\"Scan or visit for the latest version:\"",
        "caption=\"Scan or visit for the latest version:\" qr-alt=\"QR code of our page\"",
    );
    let layout = lay_in(&xml, Style::regular());
    let group = *layout.tree[0].children.last().unwrap_or(&0);
    assert_eq!(layout.tree[group].role, Role::Div);
    use Role::{Link, P};
    assert_eq!(roles(&layout, group), [P, P, P, P, Link]);
    let header = layout.tree[0].children[0];
    assert_eq!(roles(&layout, header), [P, P]);
    let in_furniture = |n: usize| {
        let mut at = Some(n);
        while let Some(n) = at {
            if n == group || n == header {
                return true;
            }
            at = layout.tree[n].parent;
        }
        false
    };
    for (i, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            let tag = item.tag();
            let role = tag.node().map(|n| layout.tree[n].role);
            match item {
                Item::Qr { .. } if i == 0 => {
                    let figure = tag.node().unwrap_or(0);
                    assert_eq!(role, Some(Role::Figure));
                    assert_eq!(
                        layout.tree[figure].alt.as_deref(),
                        Some("QR code of our page")
                    );
                }
                Item::Qr { .. } => assert_eq!(tag, Tag::Artifact(Artifact::Footer)),
                // The furniture's words are read once, from page 1.
                Item::Text { text, y, .. }
                    if tag.node().is_some() && (*y > page.header.y || *y < page.footer.top()) =>
                {
                    assert_eq!(i, 0, "{text}");
                    assert!(tag.node().is_some_and(in_furniture), "{text}");
                }
                Item::Text { text, y, .. } if *y > page.header.y => {
                    assert_eq!(tag, Tag::Artifact(Artifact::Header), "{text}");
                }
                Item::Text { text, y, .. } if *y < page.footer.top() => {
                    assert_eq!(tag, Tag::Artifact(Artifact::Footer), "{text}");
                }
                // Rules and panels are decoration.
                Item::Rect { .. } | Item::Line { .. } if role.is_none() => {}
                Item::Rect { .. } | Item::Line { .. } => assert_eq!(role, Some(Role::Lbl)),
                _ => {}
            }
        }
    }
}

#[test]
fn a_hyphen_inserted_at_a_line_end_is_an_artifact() {
    let words = "Hyperpigmentation recommendations microneedling ".repeat(30);
    let xml = HANDOUT.replace(
        "<p>Your skin heals in a predictable way.",
        &format!("<p>{words}Your skin heals in a predictable way."),
    );
    // Large print's short lines need hyphens, when it hyphenates (by default it never does), on
    // a line as wide as these words need hyphens on (0.6 in margins).
    let hyphenating = Style::large_print()
        .with_overrides("hyphenate: true\nmargin_x: 0.6in")
        .unwrap_or_else(|e| panic!("{e:?}"));
    let layout = lay_in(&xml, &hyphenating);
    let hyphens: Vec<Tag> = layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter().map(move |i| (p, i)))
        .filter_map(|(p, i)| match i {
            Item::Text { text, y, tag, .. } if text == "-" && *y > p.body.y => Some(*tag),
            _ => None,
        })
        .collect();
    assert!(!hyphens.is_empty(), "the words should need hyphens");
    assert!(hyphens
        .iter()
        .all(|t| *t == Tag::Artifact(Artifact::Layout)));
}

#[test]
fn no_element_is_left_without_content() {
    // Columns too tall for a page are set again, stacked: the first attempt's elements are gone.
    let column =
        "<p>A paragraph that is long enough to take a few lines in a narrow column.</p>".repeat(30);
    let tall = HANDOUT.replace(
        "<h2 bookmark=\"Risks\">",
        &format!("<columns><column>{column}</column><column>{column}</column></columns><h2 bookmark=\"Risks\">"),
    );
    for xml in [HANDOUT.to_string(), tall] {
        for style in [Style::regular(), Style::large_print()] {
            let layout = lay_in(&xml, style);
            for n in 1..layout.tree.len() {
                assert!(
                    has_content(&layout, n),
                    "element {n} ({:?})",
                    layout.tree[n].role
                );
            }
        }
    }
}
