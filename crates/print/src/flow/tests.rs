//! Layout tests over the fixture handout and small documents built for one rule each.

mod continued;
mod editions;
mod fields;
pub(crate) mod fixture;
mod furniture;
mod hyphens;
mod lists;
mod structure;
pub(crate) mod tables;

use super::super::block::{
    Block, Document, Inline, ListItem, ListMark, Paper, ParagraphClass, Row,
};
use super::super::font::{Face, Fonts};
use super::super::frame::{Item, Layout, Page, Rect};
use super::super::print_xml::parse;
use super::super::style::Style;
use super::layout;

/// Rounding slack for containment checks, in points: far below anything visible.
const SLACK: f32 = 0.05;

fn doc(xml: &str) -> Document {
    parse(xml).unwrap_or_else(|e| panic!("fixture does not parse: {e:?}"))
}

fn lay(doc: &Document) -> Layout {
    layout(doc, Fonts::embedded(), Style::regular())
        .unwrap_or_else(|e| panic!("layout failed: {e}"))
}

fn fixture(paper: Paper) -> Document {
    let xml = match paper {
        Paper::Letter => fixture::HANDOUT.to_string(),
        Paper::A4 => fixture::HANDOUT.replace("paper=\"letter\"", "paper=\"a4\""),
    };
    doc(&xml)
}

/// The fixture's metadata and furniture around other body blocks.
fn with_blocks(blocks: Vec<Block>) -> Document {
    Document {
        blocks,
        ..fixture(Paper::Letter)
    }
}

fn para(text: &str) -> Block {
    Block::Paragraph {
        class: ParagraphClass::Body,
        inlines: vec![Inline::plain(text)],
    }
}

fn h2(text: &str) -> Block {
    Block::Heading {
        level: 2,
        inlines: vec![Inline::plain(text)],
        bookmark: None,
    }
}

/// `word` repeated `n` times.
fn words(word: &str, n: usize) -> String {
    vec![word; n].join(" ")
}

/// The text lines of a page's body, top to bottom, as (baseline, size, text), pieces joined by spaces.
pub(crate) fn body_lines(page: &Page) -> Vec<(f32, f32, String)> {
    let mut out: Vec<(f32, f32, String)> = Vec::new();
    for item in &page.items {
        if let Item::Text { y, size, text, .. } = item {
            if *y > page.body.top() || *y < page.body.y {
                continue;
            }
            match out.iter_mut().find(|(b, _, _)| (b - y).abs() < 0.01) {
                Some((_, s, line)) => {
                    *s = s.max(*size);
                    line.push(' ');
                    line.push_str(text);
                }
                None => out.push((*y, *size, text.clone())),
            }
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out
}

/// The area an item covers.
fn bounds(item: &Item, fonts: &Fonts) -> Rect {
    match item {
        Item::Text {
            x,
            y,
            face,
            size,
            width,
            ..
        } => {
            let descent = fonts.descent(*face, *size);
            Rect {
                x: *x,
                y: y - descent,
                w: *width,
                h: descent + fonts.ascent(*face, *size),
            }
        }
        Item::Rect { rect, .. }
        | Item::Link { rect, .. }
        | Item::Field { rect, .. }
        | Item::Image { rect, .. } => *rect,
        Item::Line { points, width, .. } => {
            let xs = points.iter().map(|p| p.0);
            let ys = points.iter().map(|p| p.1);
            let (x0, x1) = (
                xs.clone().fold(f32::INFINITY, f32::min),
                xs.fold(f32::NEG_INFINITY, f32::max),
            );
            let (y0, y1) = (
                ys.clone().fold(f32::INFINITY, f32::min),
                ys.fold(f32::NEG_INFINITY, f32::max),
            );
            // Round caps reach half the width past every end point.
            Rect {
                x: x0 - width / 2.0,
                y: y0 - width / 2.0,
                w: x1 - x0 + width,
                h: y1 - y0 + width,
            }
        }
        Item::Qr {
            x,
            y,
            module,
            modules,
            ..
        } => Rect {
            x: *x,
            y: *y,
            w: module * f32::from(*modules),
            h: module * f32::from(*modules),
        },
    }
}

/// Every item lies wholly inside the header band, the text box or the footer band, which do not
/// overlap: so nothing is outside the margins and no body item overlaps the header or footer.
fn assert_inside(layout: &Layout) {
    let fonts = Fonts::embedded();
    for (n, page) in layout.pages.iter().enumerate() {
        assert!(
            page.header.y >= page.body.top(),
            "header overlaps the body on page {n}"
        );
        assert!(
            page.footer.top() <= page.body.y,
            "footer overlaps the body on page {n}"
        );
        assert!(page.body.x >= 0.6 * 72.0 && page.width - page.body.right() >= 0.6 * 72.0);
        assert!(page.footer.y >= 0.6 * 72.0 && page.height - page.header.top() >= 0.6 * 72.0);
        for item in &page.items {
            let b = bounds(item, fonts);
            assert!(
                [page.header, page.body, page.footer]
                    .iter()
                    .any(|zone| zone.contains(&b, SLACK)),
                "item outside every zone on page {n}: {b:?} {item:?}"
            );
        }
    }
}

fn is_heading_line(size: f32) -> bool {
    size > 12.5
}

/// No page (but the last) ends with a heading, and every heading has two lines under it on its page.
fn assert_headings_kept(layout: &Layout) {
    for (n, page) in layout.pages.iter().enumerate() {
        let lines = body_lines(page);
        for (i, (_, size, text)) in lines.iter().enumerate() {
            if is_heading_line(*size) && *size < 18.0 && n + 1 < layout.pages.len() {
                let after = lines.len() - i - 1;
                assert!(
                    after >= 2,
                    "heading {text:?} has only {after} lines after it on page {n}"
                );
            }
        }
    }
}

#[test]
fn fixture_fills_exactly_two_pages_of_letter_and_a4() {
    for paper in [Paper::Letter, Paper::A4] {
        let layout = lay(&fixture(paper));
        assert_eq!(layout.pages.len(), 2, "{paper:?}");
        let (w, h) = paper.size();
        assert!(layout.pages.iter().all(|p| p.width == w && p.height == h));
        assert_inside(&layout);
        assert_headings_kept(&layout);
    }
}

#[test]
fn body_text_is_never_below_12_pt() {
    let doc = fixture(Paper::Letter);
    let labels: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Facts(facts) => Some(facts.iter().map(|f| f.label.clone()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    for page in lay(&doc).pages {
        for (_, size, text) in body_lines(&page) {
            assert!(
                size >= 12.0 || labels.iter().any(|l| text.contains(l.as_str())),
                "{size} pt: {text}"
            );
        }
        for item in &page.items {
            if let Item::Text { size, y, .. } = item {
                // Footer and header type is small but stays printable.
                assert!(*size >= 8.0, "{size} pt at y {y}");
            }
        }
    }
}

#[test]
fn fixture_reads_in_order_with_keeps_and_bookmarks() {
    let layout = lay(&fixture(Paper::Letter));
    let text: Vec<String> = layout
        .pages
        .iter()
        .flat_map(body_lines)
        .map(|l| l.2)
        .collect();
    let find = |s: &str| {
        text.iter()
            .position(|l| l.contains(s))
            .unwrap_or_else(|| panic!("{s} missing"))
    };
    let order = [
        "Microneedling: caring for your skin",
        "What it is",
        "Before your treatment",
        "What to expect",
        "Caring for your skin",
        "Possible risks",
        "When to call us",
        "Questions",
        "Does it hurt?",
    ];
    let positions: Vec<usize> = order.iter().map(|s| find(s)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // Each FAQ question is on the same page as its whole answer.
    let page_of = |s: &str| {
        layout
            .pages
            .iter()
            .position(|p| body_lines(p).iter().any(|l| l.2.contains(s)))
    };
    assert_eq!(
        page_of("Does it hurt?"),
        page_of("uncomfortable and we will pause.")
    );
    // The Do and Don't columns sit side by side on one page.
    assert_eq!(page_of("Wash gently"), page_of("Pick, peel or rub"));
    let titles: Vec<&str> = layout.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "What it is",
            "Before your treatment",
            "What to expect",
            "Caring for your skin",
            "Risks",
            "When to call us",
            "Questions"
        ]
    );
    for b in &layout.bookmarks {
        let page = &layout.pages[b.page];
        assert!(
            b.y <= page.body.top() + SLACK && b.y >= page.body.y,
            "{b:?}"
        );
    }
    // Every page links the phone numbers (header and footer) and the URL, whose area covers the QR.
    for page in &layout.pages {
        let links: Vec<(&Rect, &str)> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Link { rect, uri, .. } => Some((rect, uri.as_str())),
                _ => None,
            })
            .collect();
        let tel = links.iter().filter(|(_, u)| *u == "tel:+15550100100");
        assert!(tel.clone().any(|(r, _)| page.header.contains(r, SLACK)));
        assert!(tel.clone().any(|(r, _)| page.footer.contains(r, SLACK)));
        let qr = page.items.iter().find_map(|i| match i {
            Item::Qr { .. } => Some(bounds(i, Fonts::embedded())),
            _ => None,
        });
        let url = links.iter().find(|(r, u)| {
            u.starts_with("https://harborskin.example/") && page.footer.contains(r, SLACK)
        });
        match (qr, url) {
            (Some(qr), Some((rect, _))) => assert!(rect.contains(&qr, SLACK)),
            _ => panic!("QR code or its link missing"),
        }
    }
    // Every page says which page it is.
    for (n, page) in layout.pages.iter().enumerate() {
        let footer: Vec<&str> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, y, .. } if *y < page.footer.top() => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            footer.join(" ").contains(&format!("Page {} of 2", n + 1)),
            "{footer:?}"
        );
    }
}

#[test]
fn headings_keep_with_two_lines_wherever_the_page_breaks() {
    // Slide a heading across the bottom of page 1 a point at a time.
    for lead in 55..85 {
        let layout = lay(&with_blocks(vec![
            para(&words("alpha", lead * 8)),
            h2("Heading"),
            para(&words("beta", 200)),
        ]));
        assert_headings_kept(&layout);
        assert_inside(&layout);
        // One-line list items: the heading must take two of them along, not just the first.
        let items = (0..30)
            .map(|i| vec![Inline::plain(&format!("Item {i}"))].into())
            .collect();
        let layout = lay(&with_blocks(vec![
            para(&words("alpha", lead * 8)),
            h2("Heading"),
            Block::List {
                mark: ListMark::Bullet,
                items,
            },
        ]));
        assert_headings_kept(&layout);
    }
}

#[test]
fn no_orphans_or_widows_and_short_paragraphs_move_whole() {
    for filler in 20..60 {
        for tail in [2, 3, 5, 40] {
            let layout = lay(&with_blocks(vec![
                para(&words("alpha", filler * 8)),
                para(&words("beta", tail * 15)),
                para(&words("gamma", 300)),
            ]));
            for (n, page) in layout.pages.iter().enumerate() {
                for word in ["alpha", "beta", "gamma"] {
                    let lines = body_lines(page)
                        .iter()
                        .filter(|l| l.2.contains(word))
                        .count();
                    let total: usize = layout
                        .pages
                        .iter()
                        .map(|p| body_lines(p).iter().filter(|l| l.2.contains(word)).count())
                        .sum();
                    assert!(
                        lines != 1 || total == 1,
                        "{word}: a lone line on page {n} (filler {filler}, tail {tail})"
                    );
                    if total <= 3 {
                        assert!(
                            lines == 0 || lines == total,
                            "{word}: {total}-line paragraph split"
                        );
                    }
                }
            }
        }
    }
}

/// Each of the `n` list items (item `i` is made of the word `item{i}`) lies on a single page.
fn assert_items_whole(layout: &Layout, n: usize, filler: usize) {
    for i in 0..n {
        let word = format!("item{i} ");
        let pages = layout
            .pages
            .iter()
            .filter(|p| body_lines(p).iter().any(|l| l.2.contains(&word)))
            .count();
        assert_eq!(pages, 1, "item {i} split (filler {filler})");
    }
}

#[test]
fn a_list_item_is_never_split() {
    for filler in 30..45 {
        let items: Vec<ListItem> = (0..12)
            .map(|i| vec![Inline::plain(&words(&format!("item{i}"), 40))].into())
            .collect();
        let layout = lay(&with_blocks(vec![
            para(&words("alpha", filler * 8)),
            Block::List {
                mark: ListMark::Check,
                items,
            },
        ]));
        assert_items_whole(&layout, 12, filler);
        assert_inside(&layout);
    }
}

#[test]
fn a_box_taller_than_a_page_splits_between_items_and_leaves_no_lone_line() {
    // Whatever the lead-in, the box's items stay whole and its closing paragraph (the emergency
    // line of a call box) never leaves one line alone on either side of the break.
    for filler in 0..40 {
        let items: Vec<ListItem> = (0..14)
            .map(|i| vec![Inline::plain(&words(&format!("item{i}"), 30))].into())
            .collect();
        let layout = lay(&with_blocks(vec![
            para(&words("alpha", filler * 6 + 1)),
            Block::Box {
                tone: super::super::block::Tone::Alert,
                blocks: vec![
                    h2("When to call"),
                    Block::List {
                        mark: ListMark::Bullet,
                        items,
                    },
                    para(&words("omega", 36)),
                ],
            },
        ]));
        assert!(
            layout.pages.len() >= 2,
            "the box must split (filler {filler})"
        );
        assert_inside(&layout);
        assert_items_whole(&layout, 14, filler);
        let total: usize = layout
            .pages
            .iter()
            .map(|p| {
                body_lines(p)
                    .iter()
                    .filter(|l| l.2.contains("omega"))
                    .count()
            })
            .sum();
        assert!(total >= 3, "the closing paragraph has {total} lines");
        for (n, page) in layout.pages.iter().enumerate() {
            let here = body_lines(page)
                .iter()
                .filter(|l| l.2.contains("omega"))
                .count();
            assert_ne!(here, 1, "a lone closing line on page {n} (filler {filler})");
        }
    }
}

#[test]
fn a_table_row_taller_than_a_page_splits_between_lines() {
    let rows = vec![
        Row {
            head: vec![Inline::plain("Short")],
            cell: vec![Inline::plain("One line.")],
        },
        Row {
            head: vec![Inline::plain("Very long")],
            cell: vec![Inline::plain(&words("delta", 1500))],
        },
    ];
    let layout = lay(&with_blocks(vec![h2("Timeline"), Block::Table(rows)]));
    assert!(layout.pages.len() >= 3, "{} pages", layout.pages.len());
    assert_inside(&layout);
    let count: usize = layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter(|i| matches!(i, Item::Text { text, .. } if text == "delta"))
        .count();
    assert_eq!(count, 1500, "every word is set, none cut");
    // Page 1 is filled down to the bottom rather than the row jumping to page 2.
    let first = body_lines(&layout.pages[0]);
    assert!(first.iter().any(|l| l.2.contains("delta")));
}

#[test]
fn a_long_unbreakable_url_stays_inside_the_text_box() {
    let url = format!("https://example.org/{}", "a".repeat(400));
    let inlines = vec![
        Inline::plain("See "),
        Inline::plain(&url),
        Inline::plain(" for more."),
    ];
    let layout = lay(&with_blocks(vec![Block::Paragraph {
        class: ParagraphClass::Body,
        inlines,
    }]));
    assert_inside(&layout);
    let text: String = layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, y, .. }
                if *y < layout.pages[0].body.top() && *y > layout.pages[0].body.y =>
            {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    // All of it is there, cut across lines without anything added or lost.
    assert_eq!(text, format!("See{url}formore."));
}

#[test]
fn oversized_keeps_boxes_and_columns_still_fit_the_page() {
    let long = || vec![para(&words("epsilon", 900))];
    let layout = lay(&with_blocks(vec![
        Block::Keep(long()),
        Block::Box {
            tone: super::super::block::Tone::Alert,
            blocks: long(),
        },
        Block::Columns(vec![long(), long()]),
    ]));
    assert_inside(&layout);
    let count: usize = layout
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter(|i| matches!(i, Item::Text { text, .. } if text == "epsilon"))
        .count();
    assert_eq!(count, 900 * 4);
}

#[test]
fn empty_document_has_one_page_with_furniture() {
    let layout = lay(&with_blocks(Vec::new()));
    assert_eq!(layout.pages.len(), 1);
    assert!(layout.pages[0]
        .items
        .iter()
        .any(|i| matches!(i, Item::Qr { .. })));
    assert!(layout.bookmarks.is_empty());
    let _ = Face::Regular;
}
