//! Large print a low-vision reader can use (issue 24), read from the layout of every sample
//! handout in both languages, on Letter and A4: pages filled, type at least 18 pt, a one-line
//! footer after page 1, "(continued)" where a list or box goes on, no orphan list item, and the
//! page count held to 2.5 times the regular edition's.

use crate::pdf::sample;
use crate::tagged::text::{squash, struct_text, tool};
use handouts::edition::{Lang, PrintSize};
use handouts::model::Paper;
use handouts::render::pdf::{Item, Layout, Page, Rendered, Role, Tag};
use handouts::render::Job;
use std::collections::BTreeMap;

/// The sample's handout `slug` in `lang`, large print on Letter.
fn large_print(lang: Lang, slug: &str) -> Rendered {
    let (site, theme) = sample(Paper::Letter);
    crate::common::render_variant(&site, &theme, lang, PrintSize::Large, slug)
}

/// Every sample handout on `paper`: (language, slug) → (regular, large).
fn editions(paper: Paper) -> Vec<(String, Rendered, Rendered)> {
    let (site, theme) = sample(paper);
    let fonts = handouts::render::pdf::Fonts::embedded();
    let mut out = Vec::new();
    for lang in [Lang::EN, Lang::parse("es").unwrap()] {
        let render = |size| {
            let job = Job::new(&site, &theme, lang, size).expect("the book");
            job.book
                .variants()
                .map(|(p, v)| {
                    let name = format!("{lang} {}/{} on {paper:?}", p.slug, v.slug);
                    let r = handouts::render::print::handout(&job, p, v, fonts)
                        .unwrap_or_else(|d| panic!("{name}: {d}"));
                    (name, r)
                })
                .collect::<Vec<_>>()
        };
        let regular = render(PrintSize::Regular);
        let large = render(PrintSize::Large);
        for ((name, r), (_, l)) in regular.into_iter().zip(large) {
            out.push((name, r, l));
        }
    }
    out
}

/// Both papers' handouts.
fn every_edition() -> Vec<(String, Rendered, Rendered)> {
    let mut out = editions(Paper::Letter);
    out.extend(editions(Paper::A4));
    assert_eq!(
        out.len(),
        16,
        "8 handouts (4 English, 4 Spanish… ) on 2 papers"
    );
    out
}

/// The role of the element an item is tagged with.
fn role(layout: &Layout, tag: Tag) -> Option<Role> {
    tag.node().and_then(|n| layout.tree.get(n)).map(|n| n.role)
}

#[test]
fn large_print_fills_every_page_but_the_last_at_least_60_percent() {
    for (name, _, large) in every_edition() {
        let pages = &large.layout.pages;
        for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let fill = page.fill();
            assert!(
                fill >= 0.6,
                "{name}: page {} of {} is {:.0} % full",
                n + 1,
                pages.len(),
                fill * 100.0
            );
        }
    }
}

#[test]
fn large_print_takes_at_most_two_and_a_half_times_the_regular_pages() {
    for (name, regular, large) in every_edition() {
        let (r, l) = (regular.layout.pages.len(), large.layout.pages.len());
        assert!(
            2 * l <= 5 * r,
            "{name}: {l} large-print pages for {r} regular"
        );
    }
}

#[test]
fn every_word_of_large_print_is_at_least_18_pt_and_upright() {
    for (name, _, large) in every_edition() {
        for (n, page) in large.layout.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text {
                    text, size, face, ..
                } = item
                {
                    // Header, footer, captions, labels, the facts' captions: every run of text.
                    assert!(
                        *size >= 18.0 - 0.01,
                        "{name} p{}: {text:?} at {size} pt",
                        n + 1
                    );
                    assert!(
                        !matches!(face, handouts::render::pdf::Face::Italic)
                            && !matches!(face, handouts::render::pdf::Face::BoldItalic),
                        "{name} p{}: {text:?} in {face:?}",
                        n + 1
                    );
                }
            }
            // Margins of at least 0.75 in on every side.
            assert!(
                page.header.x >= 54.0 - 0.01 && page.width - page.header.right() >= 54.0 - 0.01
            );
            assert!(page.footer.y >= 54.0 - 0.01 && page.height - page.header.top() >= 54.0 - 0.01);
        }
    }
}

/// The baselines of the text in `page`'s footer band.
fn footer_baselines(page: &Page) -> Vec<f32> {
    let mut baselines: Vec<f32> = Vec::new();
    for item in &page.items {
        if let Item::Text { y, .. } = item {
            if *y >= page.footer.y
                && *y <= page.footer.top()
                && !baselines.iter().any(|b| (b - y).abs() < 0.5)
            {
                baselines.push(*y);
            }
        }
    }
    baselines
}

/// The words of `page`'s footer, in painting order.
fn footer_words(page: &Page) -> String {
    let words: Vec<&str> = page
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { y, text, .. } if *y >= page.footer.y && *y <= page.footer.top() => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    squash(&words.join(" "))
}

#[test]
fn after_page_one_the_large_print_footer_is_one_line_of_page_and_phone() {
    for (name, _, large) in every_edition() {
        let pages = &large.layout.pages;
        let total = pages.len();
        for (n, page) in pages.iter().enumerate().skip(1) {
            assert_eq!(footer_baselines(page).len(), 1, "{name} p{}", n + 1);
            let words = footer_words(page);
            let counter = if name.starts_with("es") {
                format!("Página {} de {total}", n + 1)
            } else {
                format!("Page {} of {total}", n + 1)
            };
            assert!(
                words.contains(&counter) && words.contains("(555) 010-0142"),
                "{name} p{}: {words}",
                n + 1
            );
            assert!(
                !page.items.iter().any(|i| matches!(i, Item::Qr { .. })),
                "{name} p{}",
                n + 1
            );
        }
        // Page 1 says the rest once: the review, the address, the form code and the QR code.
        let first = footer_words(&pages[0]);
        let (review, form) = if name.starts_with("es") {
            ("Revisado el", "Formulario")
        } else {
            ("Reviewed", "Form")
        };
        for needle in [review, "Example Way", form, "clinic.example/care/handouts"] {
            assert!(first.contains(needle), "{name}: {needle} not in {first}");
        }
        assert!(pages[0].items.iter().any(|i| matches!(i, Item::Qr { .. })));
    }
}

#[test]
fn the_review_the_form_code_the_address_and_the_qr_code_are_printed_once_and_read_once() {
    let rendered = large_print(Lang::EN, "prp");
    let layout = &rendered.layout;
    // The QR code once, a Figure with alt text.
    let codes: Vec<Tag> = (layout.pages.iter())
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Qr { tag, .. } => Some(*tag),
            _ => None,
        })
        .collect();
    assert_eq!(codes.len(), 1);
    assert_eq!(role(layout, codes[0]), Some(Role::Figure));
    // Each phrase printed once, and tagged where printed (never an artifact).
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("prp-large.pdf");
    std::fs::write(&pdf, &rendered.bytes).unwrap();
    let Some(printed) = tool("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"]) else {
        return;
    };
    let Some(read) = struct_text(&pdf) else {
        return;
    };
    let printed = squash(&printed);
    for phrase in [
        "Reviewed 14 September 2026 by Dr. Priya Raman, MD (sample)",
        "1 Example Way, Suite 100, Sampletown (fictional address) · care@clinic.example",
        "Form MICRONEEDLING-PRP-EN · Rev. 2026-09-14",
        "Scan or visit for the latest version:",
    ] {
        assert_eq!(
            printed.matches(phrase).count(),
            1,
            "{phrase:?} in {printed}"
        );
        assert_eq!(read.matches(phrase).count(), 1, "{phrase:?} in {read}");
    }
}

#[test]
fn a_list_or_box_that_goes_on_says_continued_under_its_heading_again() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (Lang::EN, "prp", "(continued)", ["Don’t", "When to call us"]),
        (
            Lang::parse("es").unwrap(),
            "prp",
            "(continuación)",
            ["Lo que debe hacer", "Cuándo llamarnos"],
        ),
    ];
    for (lang, slug, label, headings) in cases {
        let rendered = large_print(lang, slug);
        let pdf = dir.path().join(format!("{lang}-{slug}.pdf"));
        std::fs::write(&pdf, &rendered.bytes).unwrap();
        let Some(text) = tool("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"]) else {
            return;
        };
        // Each page's text: the label follows the heading at the top of the page it goes on on.
        let pages: Vec<String> = text.split('\u{c}').map(squash).collect();
        for heading in headings {
            let again = format!("{heading} {label}");
            let at = pages.iter().position(|p| p.contains(&again));
            let Some(at) = at else {
                panic!("{lang} {slug}: no {again:?} in {pages:#?}");
            };
            // ... where the list or box started on the page before.
            assert!(
                pages[at - 1].contains(heading) && !pages[at - 1].contains(&again),
                "{lang} {slug}: {heading:?} is not on page {}",
                at
            );
        }
        // The label is read (in the element it stands above), the repeated heading is not.
        let read = struct_text(&pdf).unwrap_or_default();
        assert!(read.contains(&format!("{label} ")), "{read}");
        let layout = &rendered.layout;
        for page in &layout.pages {
            for item in &page.items {
                if let Item::Text { text, tag, .. } = item {
                    if text.contains(label.trim_start_matches('(').trim_end_matches(')')) {
                        assert!(
                            matches!(role(layout, *tag), Some(Role::LBody | Role::P)),
                            "{text:?} is {tag:?}"
                        );
                    }
                }
            }
        }
    }
}

/// For each list in `layout` (an `L` element), the number of its items that start on each page
/// it spans, in page order.
fn items_per_page(layout: &Layout) -> Vec<Vec<usize>> {
    // The page each list label (Lbl) is drawn on.
    let mut label_page: BTreeMap<usize, usize> = BTreeMap::new();
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Some(node) = item.tag().node() {
                if layout.tree[node].role == Role::Lbl {
                    label_page.entry(node).or_insert(n);
                }
            }
        }
    }
    let mut out = Vec::new();
    for list in layout.tree.iter().filter(|n| n.role == Role::L) {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &li in &list.children {
            let label = layout.tree[li]
                .children
                .iter()
                .find(|&&c| layout.tree[c].role == Role::Lbl);
            if let Some(page) = label.and_then(|l| label_page.get(l)) {
                *counts.entry(*page).or_default() += 1;
            }
        }
        out.push(counts.into_values().collect());
    }
    out
}

#[test]
fn no_list_leaves_one_item_alone_on_either_side_of_a_page_break() {
    let mut split = 0;
    for (name, regular, large) in every_edition() {
        for (size, rendered) in [("regular", &regular), ("large", &large)] {
            for counts in items_per_page(&rendered.layout) {
                if counts.len() > 1 {
                    split += 1;
                    assert!(
                        counts.iter().all(|&c| c >= 2),
                        "{name} {size}: a list's items per page {counts:?}"
                    );
                }
            }
        }
    }
    // Lists do split in the sample (Do, Don't, the call box's signs).
    assert!(split >= 10, "{split} split lists");
}
