//! Layout with other styles (scaled, large print) and with furniture and languages written in the
//! template: the seams that let one engine print every edition.

use super::super::super::font::{Face, Fonts};
use super::super::super::frame::{Item, Layout, Page, Rect};
use super::super::super::style::Style;
use super::super::layout;
use super::fixture::HANDOUT;
use super::{assert_inside, doc};

pub(super) fn lay_in(xml: &str, style: &Style) -> Layout {
    layout(&doc(xml), Fonts::embedded(), style).unwrap_or_else(|e| panic!("layout failed: {e}"))
}

/// The regular style with every type size multiplied by `factor`, everything else unchanged.
fn scaled(factor: f32) -> Style {
    let s = Style::regular();
    Style {
        body_size: s.body_size * factor,
        lead_size: s.lead_size * factor,
        phone_size: s.phone_size * factor,
        h1_size: s.h1_size * factor,
        h2_size: s.h2_size * factor,
        h3_size: s.h3_size * factor,
        fact_label_size: s.fact_label_size * factor,
        header_name_size: s.header_name_size * factor,
        header_phone_size: s.header_phone_size * factor,
        footer_size: s.footer_size * factor,
        ..s.clone()
    }
}

/// The texts of the items inside `zone` of `page`, in painting order, joined by spaces.
fn zone_text(page: &Page, zone: Rect) -> String {
    let words: Vec<&str> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, y, text, .. } if zone.contains(&rect_at(*x, *y), 0.05) => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    words.join(" ")
}

/// The point (`x`, `y`) as an empty rectangle, for containment tests.
fn rect_at(x: f32, y: f32) -> Rect {
    Rect {
        x,
        y,
        w: 0.0,
        h: 0.0,
    }
}

/// The left edge and first baseline of the body line containing `needle`, and its page.
fn find_line(layout: &Layout, needle: &str) -> (usize, f32, f32) {
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text { x, y, text, .. } = item {
                if text == needle && *y < page.body.top() && *y > page.body.y {
                    return (n, *x, *y);
                }
            }
        }
    }
    panic!("{needle} not laid out");
}

#[test]
fn every_size_times_one_and_a_half_sets_body_text_at_18_pt() {
    let layout = lay_in(HANDOUT, &scaled(1.5));
    assert_inside(&layout);
    let body: Vec<f32> = layout
        .pages
        .iter()
        .flat_map(|p| {
            p.items.iter().filter_map(move |i| match i {
                Item::Text {
                    y,
                    size,
                    face: Face::Regular,
                    ..
                } if *y < p.body.top() && *y > p.body.y => Some(*size),
                _ => None,
            })
        })
        .collect();
    assert!(body.len() > 300, "{} body words", body.len());
    // Regular-face body text is paragraphs, list items and table cells (18 pt), or the lead (19.5 pt).
    assert!(body.iter().all(|&s| s == 18.0 || s == 19.5), "{body:?}");
    assert!(body.iter().filter(|&&s| s == 18.0).count() > 250);
    // The same words need more pages than the regular two.
    assert!(layout.pages.len() > 2, "{} pages", layout.pages.len());
}

#[test]
fn regular_keeps_columns_side_by_side_and_large_print_stacks_them() {
    let regular = lay_in(HANDOUT, Style::regular());
    let (page_do, x_do, _) = find_line(&regular, "Wash");
    let (page_dont, x_dont, _) = find_line(&regular, "Pick,");
    assert_eq!(page_do, page_dont);
    assert!(x_dont > x_do + 100.0, "{x_do} {x_dont}");

    let large = lay_in(HANDOUT, Style::large_print());
    assert_inside(&large);
    let (page_do, x_do, y_do) = find_line(&large, "Wash");
    let (page_dont, x_dont, y_dont) = find_line(&large, "Pick,");
    // The Don't column comes after the Do column, at the same left edge.
    assert!((x_do - x_dont).abs() < 0.01, "{x_do} {x_dont}");
    assert!(page_dont > page_do || y_dont < y_do);
    // Body text of the large edition is at least 18 pt, the (bold) facts captions and the header and
    // footer at least 14 pt.
    for page in &large.pages {
        for item in &page.items {
            if let Item::Text {
                size,
                face,
                text,
                y,
                ..
            } = item
            {
                let in_body = *y < page.body.top() && *y > page.body.y;
                let min = if in_body && matches!(face, Face::Regular | Face::Italic) {
                    18.0
                } else {
                    14.0
                };
                assert!(*size >= min, "{size} pt: {text}");
            }
        }
    }
}

#[test]
fn the_footer_numbers_every_page_where_the_template_says() {
    let xml = HANDOUT.replace(
        "<line>Page {page} of {pages}</line>",
        "<line>Sheet {page}/{pages} ({pages} in all)</line>",
    );
    let layout = lay_in(&xml, Style::regular());
    let total = layout.pages.len();
    assert_eq!(total, 2);
    for (n, page) in layout.pages.iter().enumerate() {
        let footer = zone_text(page, page.footer);
        assert!(
            footer.contains(&format!("Sheet {}/{total} ({total} in all)", n + 1)),
            "{footer}"
        );
        assert!(!footer.contains('{'), "{footer}");
    }
}

#[test]
fn furniture_text_comes_from_the_template() {
    let xml = HANDOUT
        .replace(
            "<left>Harbor Skin Clinic</left>",
            "<left>Clínica Bahía</left>",
        )
        .replace(
            "<right>Questions? Call <a href=\"tel:+15550100100\"><b>(555) 010-0100</b></a></right>",
            "<right>¿Preguntas? <a href=\"tel:+15550100100\"><b>Llame</b></a></right>",
        )
        .replace(
            "caption=\"Scan or visit for the latest version:\"",
            "caption=\"Escanee:\"",
        )
        .replace(
            "<line>Reviewed 1 March 2026 by Dr. Ana Reyes, MD</line>",
            "<line>Revisado el 1 de marzo de 2026</line><line tone=\"strong\">Dra. Ana Reyes</line>",
        );
    let layout = lay_in(&xml, Style::regular());
    let s = Style::regular();
    for page in &layout.pages {
        let header = zone_text(page, page.header);
        assert_eq!(header, "Clínica Bahía ¿Preguntas? Llame");
        let footer = zone_text(page, page.footer);
        for words in [
            "Revisado el 1 de marzo de 2026",
            "Dra. Ana Reyes",
            "Escanee:",
        ] {
            assert!(footer.contains(words), "{footer}");
        }
        assert!(!footer.contains("Reviewed") && !footer.contains("Scan"));
        // The header's link is where the template put it; tone="strong" is body text colour.
        assert!(page.items.iter().any(|i| matches!(i,
            Item::Link { rect, uri, .. } if uri == "tel:+15550100100" && page.header.contains(rect, 0.05))));
        let strong = page.items.iter().find_map(|i| match i {
            Item::Text { text, color, .. } if text == "Reyes" => Some(*color),
            _ => None,
        });
        assert_eq!(strong, Some(s.text));
        let muted = page.items.iter().find_map(|i| match i {
            Item::Text { text, color, .. } if text == "Revisado" => Some(*color),
            _ => None,
        });
        assert_eq!(muted, Some(s.muted));
    }
}

#[test]
fn the_documents_language_picks_the_hyphenation_patterns() {
    // A table's label column is narrow, so long Spanish words there must be hyphenated.
    let body = "<table><row><th>La hiperpigmentación y el enrojecimiento desaparecen durante la \
        recuperación de la piel tratada.</th><td>x</td></row></table>";
    let xml = |lang: &str| {
        let start = HANDOUT.find("<h1>").unwrap_or(0);
        let end = HANDOUT.find("</handout>").unwrap_or(HANDOUT.len());
        format!("{}{body}{}", &HANDOUT[..start], &HANDOUT[end..])
            .replace("lang=\"en-US\"", &format!("lang=\"{lang}\""))
    };
    let hyphens = |lang: &str| -> Vec<String> {
        let layout = lay_in(&xml(lang), Style::regular());
        let texts: Vec<String> = layout.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        texts
            .windows(2)
            .filter(|w| w[1] == "-")
            .map(|w| w[0].clone())
            .collect()
    };
    let spanish = hyphens("es-US");
    assert!(!spanish.is_empty());
    assert_ne!(spanish, hyphens("en-US"));
    assert!(hyphens("de").is_empty(), "{:?}", hyphens("de"));
}
