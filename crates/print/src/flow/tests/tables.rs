//! Data tables laid out: columns sized to their content, the header row kept with the first body
//! row and repeated (as a pagination artifact) where the table goes on, rows never split, and
//! large print set row by row at the body size when the columns cannot hold their words.

use std::collections::BTreeSet;

use super::super::super::frame::{Artifact, Item, Layout, Rect, Role, Tag};
use super::super::super::style::Style;
use super::super::table::column_widths;
use super::editions::lay_in;
use super::structure::{node_of, roles};
use super::{assert_inside, body_lines};

/// A handout with the fixture's kind of furniture around `body`.
pub(crate) fn handout(body: &str) -> String {
    format!(
        r#"<handout paper="letter" lang="en-US" title="Microneedling: sessions" author="Harbor Skin Clinic" created="2026-03-01">
  <header><left>Harbor Skin Clinic</left><right>Questions? Call <a href="tel:+15550100100"><b>(555) 010-0100</b></a></right></header>
  <footer url="https://harborskin.example/microneedling/sessions/"><line>Page {{page}} of {{pages}}</line></footer>
  <h1>How many sessions you need</h1>
  {body}
</handout>"#
    )
}

/// Two columns: short names and sentences that wrap.
pub(crate) const PRODUCTS: &str = r#"<table>
  <thead><tr><th>Product</th><th>When to use it</th></tr></thead>
  <tbody>
    <tr><td>Recovery balm</td><td>Three times a day for the first three days, then morning and evening until your skin no longer feels tight.</td></tr>
    <tr><td>Mineral sunscreen</td><td>Every morning from day 2, SPF 30 or higher, even on cloudy days.</td></tr>
  </tbody>
</table>"#;

/// Three short columns, each aligned its own way.
pub(crate) const SESSIONS: &str = r#"<table>
  <thead><tr><th align="left">Skin concern</th><th align="center">Sessions</th><th align="right">Weeks apart</th></tr></thead>
  <tbody>
    <tr><td align="left">Fine lines</td><td align="center">3 to 4</td><td align="right">4</td></tr>
    <tr><td align="left"><b>Acne scars</b></td><td align="center">4 to 6</td><td align="right">4 to 6</td></tr>
  </tbody>
</table>"#;

/// Four columns of long words: ruled at 12 pt, too wide for them at 18 pt.
pub(crate) const WIDE: &str = r#"<table>
  <thead><tr><th>Treatment</th><th>Hyperpigmentation</th><th>Photosensitivity</th><th>Recommendations</th></tr></thead>
  <tbody>
    <tr><td>Microneedling</td><td>Uncommon</td><td>Moderate</td><td>Sunscreen, gentle cleanser</td></tr>
    <tr><td>Chemical peel</td><td>Occasional</td><td>Significant</td><td>Avoid sunlight for a week</td></tr>
  </tbody>
</table>"#;

/// A schedule of `rows` weeks, every fourth row two lines long at 12 pt.
pub(crate) fn schedule(rows: usize) -> String {
    let body: String = (1..=rows)
        .map(|i| {
            let more = if i % 4 == 0 {
                " and take photographs to compare with those of your first visit"
            } else {
                ""
            };
            format!(
                "<tr><td>Week {i}</td><td align=\"center\">{}</td><td>Check-in {i}: we look at your skin{more}.</td></tr>\n",
                i % 3 + 1
            )
        })
        .collect();
    format!(
        "<table><thead><tr><th>Week</th><th align=\"center\">Visits</th><th>What happens</th></tr></thead>\n<tbody>{body}</tbody></table>"
    )
}

/// The element of `role` that is the `n`th of its role in the tree.
fn nth(layout: &Layout, role: Role, n: usize) -> usize {
    layout
        .tree
        .iter()
        .enumerate()
        .filter(|(_, node)| node.role == role)
        .nth(n)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no {role:?} number {n}"))
}

/// The pages on which items tagged `node` are drawn.
fn pages_of(layout: &Layout, node: usize) -> BTreeSet<usize> {
    (0..layout.pages.len())
        .filter(|&p| {
            layout.pages[p]
                .items
                .iter()
                .any(|i| i.tag() == Tag::Node(node))
        })
        .collect()
}

/// The pages on which the elements under `node` (itself included) are drawn.
fn pages_under(layout: &Layout, node: usize) -> BTreeSet<usize> {
    let mut pages = pages_of(layout, node);
    for &child in &layout.tree[node].children {
        pages.extend(pages_under(layout, child));
    }
    pages
}

/// The words of `page`'s items tagged `tag`, in painting order.
fn texts(layout: &Layout, page: usize, tag: Tag) -> String {
    let words: Vec<&str> = layout.pages[page]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, tag: t, .. } if *t == tag => Some(text.as_str()),
            _ => None,
        })
        .collect();
    words.join(" ")
}

/// The element of the cell in column `col` of row `row` of the first data table (row 0 is the
/// header row).
fn cell(layout: &Layout, row: usize, col: usize) -> usize {
    let table = nth(layout, Role::Table, 0);
    let group = &layout.tree[table].children;
    let tr = if row == 0 {
        layout.tree[group[0]].children[0]
    } else {
        layout.tree[group[1]].children[row - 1]
    };
    layout.tree[tr].children[col]
}

/// The left and right ends of the words of element `node`.
fn extent(layout: &Layout, node: usize) -> (f32, f32) {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { x, width, tag, .. } if *tag == Tag::Node(node) => Some((*x, x + width)),
            _ => None,
        })
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), (x0, x1)| {
            (a.min(x0), b.max(x1))
        })
}

/// `count` body lines of the first page, from the one reading `first`.
fn lines_from(layout: &Layout, first: &str, count: usize) -> Vec<String> {
    let lines: Vec<String> = body_lines(&layout.pages[0])
        .into_iter()
        .map(|l| l.2)
        .collect();
    let at = lines
        .iter()
        .position(|l| l == first)
        .unwrap_or_else(|| panic!("{first:?} is not in {lines:?}"));
    lines.into_iter().skip(at).take(count).collect()
}

/// The header row's tint on `page`: the table's left and right edges.
fn tint(layout: &Layout, page: usize) -> Rect {
    let fill = Some(Style::regular().info_tint);
    layout.pages[page]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Rect { rect, fill: f, .. } if *f == fill => Some(*rect),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no header tint on page {page}"))
}

#[test]
fn a_data_table_is_table_thead_and_tbody() {
    use Role::*;
    let layout = lay_in(&handout(SESSIONS), Style::regular());
    let table = nth(&layout, Table, 0);
    assert_eq!(roles(&layout, table), [THead, TBody]);
    let (head, body) = (
        layout.tree[table].children[0],
        layout.tree[table].children[1],
    );
    assert_eq!(roles(&layout, head), [TR]);
    assert_eq!(roles(&layout, layout.tree[head].children[0]), [TH, TH, TH]);
    assert_eq!(roles(&layout, body), [TR, TR]);
    for &row in &layout.tree[body].children {
        assert_eq!(roles(&layout, row), [TD, TD, TD]);
    }
    // Each cell's words are its own element's content, bold inside a cell included.
    assert_eq!(layout.tree[node_of(&layout, "Sessions")].role, TH);
    let acne = node_of(&layout, "Acne");
    assert_eq!(layout.tree[acne].role, TD);
    assert_eq!(
        layout.tree[acne].parent,
        Some(layout.tree[body].children[1])
    );
    assert_eq!(texts(&layout, 0, Tag::Node(acne)), "Acne scars");
    // Read header first, then row by row.
    assert_eq!(
        lines_from(&layout, "Skin concern Sessions Weeks apart", 3),
        [
            "Skin concern Sessions Weeks apart",
            "Fine lines 3 to 4 4",
            "Acne scars 4 to 6 4 to 6"
        ]
    );
    assert_inside(&layout);
}

#[test]
fn cells_are_aligned_as_they_say() {
    let layout = lay_in(&handout(SESSIONS), Style::regular());
    let (head, first, second) = (
        |c| extent(&layout, cell(&layout, 0, c)),
        |c| extent(&layout, cell(&layout, 1, c)),
        |c| extent(&layout, cell(&layout, 2, c)),
    );
    // Left-aligned cells start together, right-aligned ones end together, centred ones share a
    // middle.
    assert_eq!(head(0).0, first(0).0);
    assert_eq!(head(0).0, second(0).0);
    assert!((head(2).1 - first(2).1).abs() < 0.01);
    assert!((head(2).1 - second(2).1).abs() < 0.01);
    let middle = |(a, b): (f32, f32)| (a + b) / 2.0;
    assert!((middle(head(1)) - middle(first(1))).abs() < 0.01);
    assert!(first(0).1 < first(1).0 && first(1).1 < first(2).0);
}

#[test]
fn columns_take_their_content_width() {
    let s = Style::regular();
    let widest = |layout: &Layout, col: usize, rows: usize| {
        (0..=rows)
            .map(|r| {
                let (a, b) = extent(layout, cell(layout, r, col));
                b - a
            })
            .fold(0.0, f32::max)
    };
    // All fits: every column as wide as its widest line, the table no wider than they are.
    let layout = lay_in(&handout(SESSIONS), s);
    let table = tint(&layout, 0);
    let columns: f32 = (0..3)
        .map(|c| widest(&layout, c, 2) + 0.5 + 2.0 * s.cell_padding)
        .sum();
    assert!((table.w - columns).abs() < 0.01, "{table:?}");
    assert!(table.w < layout.pages[0].body.w / 2.0);
    // Too much for one line: the short column keeps its width, the sentences wrap.
    let layout = lay_in(&handout(PRODUCTS), s);
    let table = tint(&layout, 0);
    assert!((table.w - layout.pages[0].body.w).abs() < 0.01, "{table:?}");
    let name = extent(&layout, cell(&layout, 0, 1)).0 - extent(&layout, cell(&layout, 0, 0)).0;
    assert!((name - (widest(&layout, 0, 2) + 0.5 + 2.0 * s.cell_padding)).abs() < 0.01);
    // How many lines the words of element `node` take on the page.
    let lines = |node: usize| {
        let baselines: BTreeSet<i32> = layout.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y, tag, .. } if *tag == Tag::Node(node) => Some(*y as i32),
                _ => None,
            })
            .collect();
        baselines.len()
    };
    assert_eq!(lines(cell(&layout, 1, 0)), 1);
    assert_eq!(lines(cell(&layout, 2, 0)), 1);
    assert_eq!(lines(node_of(&layout, "Three")), 2);
}

#[test]
fn column_widths_are_html_auto_layout() {
    // All fit: each its widest line.
    assert_eq!(
        column_widths(&[10.0, 5.0], &[40.0, 20.0], 100.0),
        Some(vec![40.0, 20.0])
    );
    // A column that fits in its share keeps its widest line; the rest goes to the others,
    // between their longest words and their widest lines.
    assert_eq!(
        column_widths(&[10.0, 30.0, 50.0], &[20.0, 400.0, 60.0], 200.0),
        Some(vec![20.0, 120.0, 60.0])
    );
    // Neither fits its share: each gets a third of what it would still like.
    let got = column_widths(&[50.0, 50.0], &[150.0, 350.0], 200.0).unwrap_or_default();
    assert!(
        (got[0] - 75.0).abs() < 0.001 && (got[1] - 125.0).abs() < 0.001,
        "{got:?}"
    );
    // The longest words do not fit.
    assert_eq!(column_widths(&[60.0, 50.0], &[70.0, 80.0], 100.0), None);
}

#[test]
fn a_long_table_repeats_its_header_and_never_splits_a_row() {
    let layout = lay_in(&handout(&schedule(60)), Style::regular());
    assert!(layout.pages.len() >= 3);
    assert_inside(&layout);
    let header = nth(&layout, Role::THead, 0);
    // The header row is read once, from the first page.
    assert_eq!(pages_under(&layout, header), BTreeSet::from([0]));
    let repeat = Tag::Artifact(Artifact::Pagination);
    assert_eq!(texts(&layout, 0, repeat), "");
    for page in 1..layout.pages.len() {
        // Every later page starts with the header row again, drawn for the eye only.
        assert_eq!(texts(&layout, page, repeat), "Week Visits What happens");
        let first = body_lines(&layout.pages[page]);
        assert_eq!(first[0].2, "Week Visits What happens", "page {page}");
        assert!(
            first[1].2.starts_with("Week "),
            "page {page}: {:?}",
            first[1]
        );
    }
    // Every row whole on one page, and all 60 there, in order.
    let body = nth(&layout, Role::TBody, 0);
    let rows = &layout.tree[body].children;
    assert_eq!(rows.len(), 60);
    let mut last = 0;
    for &row in rows {
        let pages = pages_under(&layout, row);
        assert_eq!(pages.len(), 1, "row {row} is split: {pages:?}");
        let page = pages.into_iter().next().unwrap_or_default();
        assert!(page >= last);
        last = page;
    }
    assert_eq!(last, layout.pages.len() - 1);
}

#[test]
fn the_header_row_never_ends_a_page() {
    let s = Style::regular();
    // The table's header row fits where it would start, its first row does not.
    let header = s.block_space + s.body_size * s.leading + 2.0 * s.row_padding;
    let mut moved = 0;
    let paragraphs = "<p>A line of text before the table.</p>".repeat(22);
    for step in 0..=36 {
        let spacer = format!("<spacer pt=\"{}\"/>", step * 4);
        let layout = lay_in(&handout(&format!("{paragraphs}{spacer}{}", schedule(3))), s);
        let head = nth(&layout, Role::THead, 0);
        let first_row = layout.tree[nth(&layout, Role::TBody, 0)].children[0];
        let page = pages_under(&layout, head);
        assert_eq!(page, pages_under(&layout, first_row), "spacer {step}");
        if page != BTreeSet::from([1]) {
            continue;
        }
        let before = &layout.pages[0];
        let lowest = before
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y, size, .. } if *y > before.body.y => Some(y - size * 0.3),
                _ => None,
            })
            .fold(f32::INFINITY, f32::min);
        if lowest - before.body.y > header + 1.0 {
            moved += 1;
        }
    }
    assert!(
        moved > 0,
        "the header row never had room of its own at a page's end"
    );
}

#[test]
fn a_table_in_columns_repeats_nothing() {
    let body = format!(
        "<columns><column>{}</column><column><p>Beside it.</p></column></columns>",
        schedule(4).replace("What happens", "What")
    );
    let layout = lay_in(&handout(&body), Style::regular());
    let repeat = Tag::Artifact(Artifact::Pagination);
    assert!(layout
        .pages
        .iter()
        .all(|p| p.items.iter().all(|i| i.tag() != repeat)));
    assert_eq!(
        roles(&layout, nth(&layout, Role::Table, 0)),
        [Role::THead, Role::TBody]
    );
}

#[test]
fn large_print_sets_a_table_too_wide_for_its_words_row_by_row() {
    use Role::*;
    // At 12 pt the four columns fit.
    let layout = lay_in(&handout(WIDE), Style::regular());
    assert_eq!(roles(&layout, nth(&layout, Table, 0)), [THead, TBody]);
    // At 18 pt their longest words do not: each row becomes "Header: value" lines.
    let large = Style::large_print();
    let layout = lay_in(&handout(WIDE), large);
    assert_inside(&layout);
    let table = nth(&layout, Table, 0);
    assert_eq!(roles(&layout, table), [TBody, TBody]);
    for &row in &layout.tree[table].children {
        assert_eq!(roles(&layout, row), [TR, TR, TR, TR]);
        for &pair in &layout.tree[row].children {
            assert_eq!(roles(&layout, pair), [TH, TD]);
        }
    }
    assert_eq!(
        lines_from(&layout, "Treatment: Microneedling", 8),
        [
            "Treatment: Microneedling",
            "Hyperpigmentation: Uncommon",
            "Photosensitivity: Moderate",
            "Recommendations: Sunscreen, gentle cleanser",
            "Treatment: Chemical peel",
            "Hyperpigmentation: Occasional",
            "Photosensitivity: Significant",
            "Recommendations: Avoid sunlight for a week",
        ]
    );
    // Nothing in the table is smaller than body text; each "Header:" is its TH.
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text {
                size,
                tag: Tag::Node(n),
                ..
            } = item
            {
                if matches!(layout.tree[*n].role, TH | TD) {
                    assert_eq!(*size, large.body_size);
                }
            }
        }
    }
    assert_eq!(layout.tree[node_of(&layout, "Hyperpigmentation:")].role, TH);
    assert_eq!(layout.tree[node_of(&layout, "Uncommon")].role, TD);
}
