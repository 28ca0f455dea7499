//! The page furniture in the structure tree: page 1's header is read before the title and its
//! footer after the body, a `P` per text; every furniture link is one `Link` element, inside the
//! `P` of its words, holding its annotation on every page; later pages' furniture is artifacts.

use super::super::super::frame::{Artifact, Item, Layout, Rect, Role, Tag};
use super::super::super::style::Style;
use super::editions::lay_in;
use super::fixture::HANDOUT;
use super::structure::roles;

/// Whether element `n` is `group` or inside it.
fn within(layout: &Layout, n: usize, group: usize) -> bool {
    let mut at = Some(n);
    while let Some(n) = at {
        if n == group {
            return true;
        }
        at = layout.tree[n].parent;
    }
    false
}

/// Element `n` and all below it, in reading order.
fn walk(layout: &Layout, n: usize, out: &mut Vec<usize>) {
    out.push(n);
    for &child in &layout.tree[n].children {
        walk(layout, child, out);
    }
}

/// The words page `page` shows as content of element `n` and the elements inside it, in painting
/// order, joined by spaces.
fn words(layout: &Layout, page: usize, n: usize) -> String {
    let words: Vec<&str> = layout.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, tag, .. } if tag.node().is_some_and(|t| within(layout, t, n)) => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    words.join(" ")
}

/// Page 1's header and footer groups: the first and the last element of the document.
fn groups(layout: &Layout) -> (usize, usize) {
    let top = &layout.tree[0].children;
    (top[0], top[top.len() - 1])
}

/// Whether `item` is drawn inside `band`.
fn in_band(item: &Item, band: Rect) -> bool {
    let point = |x: f32, y: f32| Rect {
        x,
        y,
        w: 0.0,
        h: 0.0,
    };
    match item {
        Item::Text { x, y, .. } => band.contains(&point(*x, *y), 0.05),
        Item::Qr { y, .. } => band.contains(&point(band.x, *y), 0.05),
        Item::Link { rect, .. } | Item::Rect { rect, .. } | Item::Image { rect, .. } => {
            band.contains(rect, 0.05)
        }
        Item::Field { .. } => false,
        Item::Line { points, .. } => points
            .iter()
            .all(|&(x, y)| band.contains(&point(x, y), 1.0)),
    }
}

#[test]
fn page_1_reads_the_header_before_the_title_and_the_footer_after_the_body() {
    use Role::{Div, Figure, Link, H1, P};
    let layout = lay_in(HANDOUT, Style::regular());
    let total = layout.pages.len();
    assert!(total >= 2);
    let (header, footer) = groups(&layout);
    assert_eq!(layout.tree[header].role, Div);
    assert_eq!(layout.tree[layout.tree[0].children[1]].role, H1);
    assert_eq!(roles(&layout, header), [P, P]);
    let [name, phone] = layout.tree[header].children[..] else {
        panic!("two paragraphs");
    };
    assert_eq!(words(&layout, 0, name), "Harbor Skin Clinic");
    assert_eq!(words(&layout, 0, phone), "Questions? Call (555) 010-0100");
    // The phone link inside its line, as in the body.
    assert_eq!(roles(&layout, phone), [Link]);
    let link = layout.tree[phone].children[0];
    assert_eq!(layout.tree[link].alt.as_deref(), Some("(555) 010-0100"));

    assert_eq!(layout.tree[footer].role, Div);
    assert_eq!(roles(&layout, footer), [P, P, P, P, Link]);
    let lines: Vec<String> = layout.tree[footer].children[..4]
        .iter()
        .map(|&p| words(&layout, 0, p))
        .collect();
    assert_eq!(
        lines,
        [
            "Reviewed 1 March 2026 by Dr. Ana Reyes, MD".to_string(),
            "Questions? Call (555) 010-0100".to_string(),
            format!("Page 1 of {total}"),
            "Scan or visit for the latest version:".to_string(),
        ]
    );
    assert_eq!(roles(&layout, layout.tree[footer].children[1]), [Link]);
    // The web address's link holds the QR code's picture, whose alt says where it leads.
    let url = layout.tree[footer].children[4];
    assert_eq!(roles(&layout, url), [Figure]);
    let figure = layout.tree[url].children[0];
    assert_eq!(
        layout.tree[figure].alt.as_deref(),
        Some("https://harborskin.example/microneedling/classic/")
    );
}

#[test]
fn later_pages_furniture_is_pagination_artifacts() {
    let xml = HANDOUT.replace(
        "</right>",
        "</right>\n    <later>Microneedling aftercare · English</later>",
    );
    for style in [Style::regular(), Style::large_print()] {
        let layout = lay_in(&xml, style);
        let (header, footer) = groups(&layout);
        assert!(layout.pages.len() >= 2);
        let mut running = false;
        for (i, page) in layout.pages.iter().enumerate().skip(1) {
            for item in &page.items {
                for (band, kind, group) in [
                    (page.header, Artifact::Header, header),
                    (page.footer, Artifact::Footer, footer),
                ] {
                    if !in_band(item, band) {
                        continue;
                    }
                    match item {
                        // Page 1's link elements hold the annotations of every page.
                        Item::Link { tag, .. } => {
                            let link = tag.node().unwrap_or(0);
                            assert_eq!(layout.tree[link].role, Role::Link);
                            assert!(within(&layout, link, group), "p{i}: {item:?}");
                        }
                        _ => assert_eq!(item.tag(), Tag::Artifact(kind), "p{i}: {item:?}"),
                    }
                }
                running |= matches!(item, Item::Text { text, .. } if text == "aftercare");
            }
        }
        assert!(running, "the running head is on later pages");
        // Nothing of the running head is read: it only names the handout the title named.
        assert!(layout.tree.iter().all(|n| n
            .alt
            .as_deref()
            .is_none_or(|alt| !alt.contains("aftercare"))));
    }
}

#[test]
fn each_furniture_link_is_one_element_with_an_annotation_on_every_page_it_is_on() {
    let email = "<a href=\"mailto:care@harborskin.example\">care@harborskin.example</a>";
    let xml = HANDOUT
        .replace(
            "<line>Page {page} of {pages}</line>",
            &format!(
                "<line pages=\"first\">12 Harbor Way · {email}</line>\n    \
                 <line>Page {{page}} of {{pages}} · <a href=\"https://harborskin.example/help\">help</a></line>"
            ),
        );
    let layout = lay_in(&xml, Style::regular());
    let (header, footer) = groups(&layout);
    let total = layout.pages.len();
    assert!(total >= 2);
    // In reading order.
    let mut links = Vec::new();
    for group in [header, footer] {
        walk(&layout, group, &mut links);
    }
    links.retain(|&n| layout.tree[n].role == Role::Link);
    let alts: Vec<&str> = links
        .iter()
        .map(|&n| layout.tree[n].alt.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        alts,
        [
            "(555) 010-0100",
            "(555) 010-0100",
            "care@harborskin.example",
            "help",
            "https://harborskin.example/microneedling/classic/",
        ]
    );
    // A line printed on page 1 only is read there, its link inside it; the line that names the
    // page is read as page 1 shows it.
    let lines: Vec<String> = layout.tree[footer].children[2..4]
        .iter()
        .map(|&p| words(&layout, 0, p))
        .collect();
    assert_eq!(
        lines,
        [
            "12 Harbor Way · care@harborskin.example".to_string(),
            format!("Page 1 of {total} · help")
        ]
    );
    for (i, page) in layout.pages.iter().enumerate() {
        for &link in &links {
            let annotations = page
                .items
                .iter()
                .filter(|item| matches!(item, Item::Link { tag, .. } if *tag == Tag::Node(link)))
                .count();
            let on_page =
                i == 0 || layout.tree[link].alt.as_deref() != Some("care@harborskin.example");
            assert_eq!(
                annotations,
                usize::from(on_page),
                "p{i}: {:?}",
                layout.tree[link].alt
            );
            let worded = page.items.iter().any(|item| {
                matches!(item, Item::Text { tag, .. } if tag.node().is_some_and(|t| within(&layout, t, link)))
            });
            // Words are read once, from page 1; the QR code's link has its picture instead.
            assert_eq!(worded, i == 0 && link != links[4], "p{i}: {link}");
        }
        // Every furniture annotation belongs to one of them.
        for item in &page.items {
            if let Item::Link { tag, .. } = item {
                if in_band(item, page.header) || in_band(item, page.footer) {
                    assert!(tag.node().is_some_and(|n| links.contains(&n)), "{item:?}");
                }
            }
        }
    }
}

#[test]
fn furniture_without_words_adds_no_elements() {
    use Role::{Div, Figure, Link, P};
    for header in ["<header/>", "<header><later>Only later</later></header>"] {
        let xml = format!(
            "<handout lang=\"en-US\" title=\"t\" created=\"2026-01-02\">{header}\
             <footer url=\"https://x.example/\"/><p>x</p></handout>"
        );
        let layout = lay_in(&xml, Style::regular());
        assert_eq!(roles(&layout, 0), [P, Div], "{header}");
        let footer = layout.tree[0].children[1];
        assert_eq!(roles(&layout, footer), [Link]);
        assert_eq!(roles(&layout, layout.tree[footer].children[0]), [Figure]);
    }
}
