//! Where no word is hyphenated (issue 24), read back from the laid-out lines: the call box and the
//! facts panel (`hyphenate="no"`), large print, the header and footer, and words that never break
//! anywhere (listed medicines, codes, phone numbers, addresses). Each test first sets the same
//! words where they are hyphenated, so it shows that the columns are narrow enough to need hyphens.

use super::super::super::frame::{Item, Layout};
use super::super::super::style::Style;
use super::super::super::{render_keeping, Fonts, KeepWhole, Pictures};
use super::fixture::HANDOUT;

/// The fixture with `body` in place of its blocks, in `lang`.
fn handout(body: &str, lang: &str) -> String {
    let start = HANDOUT.find("<h1>").unwrap_or(0);
    let end = HANDOUT.find("</handout>").unwrap_or(HANDOUT.len());
    format!("{}{body}{}", &HANDOUT[..start], &HANDOUT[end..])
        .replace("lang=\"en-US\"", &format!("lang=\"{lang}\""))
}

/// `xml` laid out in `style`, keeping `keep` whole.
fn layout(xml: &str, style: &Style, keep: &KeepWhole) -> Layout {
    render_keeping(xml, Fonts::embedded(), style, &Pictures::new(), keep)
        .unwrap_or_else(|e| panic!("render failed: {e:?}"))
        .layout
}

/// Every text item of every page, in order.
fn texts(layout: &Layout) -> Vec<String> {
    layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The words before each hyphen inserted at a line end (a hyphen piece of its own).
fn hyphenated(layout: &Layout) -> Vec<String> {
    texts(layout)
        .windows(2)
        .filter(|w| w[1] == "-")
        .map(|w| w[0].clone())
        .collect()
}

/// A table whose label column is narrow: its long words need hyphens (see `editions`).
fn narrow(words: &str) -> String {
    format!("<table><row><th>{words}</th><td>x</td></row></table>")
}

/// Long words for a narrow column, in English and Spanish.
const EN_WORDS: &str = "Hyperpigmentation and redness disappear during the recovery of \
    the treated skin, with recommendations for microneedling.";
const ES_WORDS: &str = "La hiperpigmentación y el enrojecimiento desaparecen durante la \
    recuperación de la piel tratada.";

#[test]
fn nothing_inside_a_hyphenate_no_block_is_hyphenated() {
    for (lang, words) in [("en-US", EN_WORDS), ("es-US", ES_WORDS)] {
        let table = narrow(words);
        let keep = KeepWhole::new();
        let open = handout(&format!("<box tone=\"alert\">{table}</box>"), lang);
        assert!(
            !hyphenated(&layout(&open, Style::regular(), &keep)).is_empty(),
            "{lang}"
        );
        let call_box = handout(
            &format!("<box tone=\"alert\" hyphenate=\"no\"><p>Call us.</p>{table}</box>"),
            lang,
        );
        assert_eq!(
            hyphenated(&layout(&call_box, Style::regular(), &keep)),
            Vec::<String>::new()
        );
        // Inherited through any depth; "yes" inside does not switch it back on.
        let nested = handout(
            &format!(
                "<keep hyphenate=\"no\"><box tone=\"info\" hyphenate=\"yes\">{table}</box></keep>"
            ),
            lang,
        );
        assert_eq!(
            hyphenated(&layout(&nested, Style::regular(), &keep)),
            Vec::<String>::new()
        );
    }
}

#[test]
fn the_facts_panel_keeps_its_words_whole() {
    // Six facts make cells narrow enough that the labels and values need hyphens.
    let fact = "<fact label=\"Tiempo de recuperación\">Enrojecimiento e hinchazón moderados</fact>";
    let facts = |attr: &str| handout(&format!("<facts{attr}>{}</facts>", fact.repeat(6)), "es-US");
    let keep = KeepWhole::new();
    let before = hyphenated(&layout(&facts(""), Style::regular(), &keep));
    assert!(
        before.iter().any(|w| w.starts_with("recupera")),
        "{before:?}"
    );
    let after = hyphenated(&layout(
        &facts(" hyphenate=\"no\""),
        Style::regular(),
        &keep,
    ));
    assert_eq!(after, Vec::<String>::new());
}

#[test]
fn large_print_never_hyphenates() {
    for (lang, words) in [("en-US", EN_WORDS), ("es-US", ES_WORDS)] {
        let xml = handout(&narrow(words), lang);
        let keep = KeepWhole::new();
        let hyphenating = Style::large_print()
            .with_overrides("hyphenate: true")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            !hyphenated(&layout(&xml, &hyphenating, &keep)).is_empty(),
            "{lang}"
        );
        assert_eq!(
            hyphenated(&layout(&xml, Style::large_print(), &keep)),
            Vec::<String>::new()
        );
        // Not even at a soft hyphen, which the regular edition honours.
        let soft = handout(&narrow(&"Hyper\u{ad}pigmentation ".repeat(8)), lang);
        assert!(!hyphenated(&layout(&soft, Style::regular(), &keep)).is_empty());
        assert_eq!(
            hyphenated(&layout(&soft, Style::large_print(), &keep)),
            Vec::<String>::new()
        );
    }
}

#[test]
fn listed_medicines_are_never_broken() {
    let cases = [
        (
            "en-US",
            "acetaminophen",
            "Take acetaminophen or ibuprofen for pain, not aspirin or naproxen.",
        ),
        (
            "es-US",
            "acetaminofén",
            "Tome acetaminofén o ibuprofeno para el dolor, nunca aspirina ni naproxeno.",
        ),
    ];
    for (lang, name, sentence) in cases {
        let xml = handout(&narrow(&format!("{sentence} ").repeat(4)), lang);
        let before = hyphenated(&layout(&xml, Style::regular(), &KeepWhole::new()));
        assert!(!before.is_empty(), "{lang}");
        let mut keep = KeepWhole::new();
        keep.insert_list("acetaminophen\nacetaminofén\nibuprofen\nibuprofeno\naspirin\naspirina\nnaproxen\nnaproxeno\n");
        let kept = layout(&xml, Style::regular(), &keep);
        let words = ["acetamin", "ibupro", "aspiri", "naprox"];
        let broken: Vec<String> = hyphenated(&kept)
            .into_iter()
            .filter(|w| words.iter().any(|m| w.contains(m)))
            .collect();
        assert_eq!(broken, Vec::<String>::new(), "{lang}");
        assert!(
            texts(&kept).iter().all(|t| !t.contains('\u{2060}')),
            "{:?}",
            texts(&kept)
        );
        let whole = texts(&kept).iter().filter(|t| t.contains(name)).count();
        assert_eq!(whole, 4, "{lang}: {:?}", texts(&kept));
    }
}

#[test]
fn codes_numbers_and_addresses_are_never_broken() {
    // Each thing, after as many short words as make it straddle the end of a half-width column's
    // first line (where the same word in small letters, no code, is broken), stays whole.
    let column = |words: &str| {
        format!("<columns><column><p>{words}</p></column><column><p>x</p></column></columns>")
    };
    let keep = KeepWhole::new();
    let things = [
        ("MICRONEEDLING-CLASSIC-EN", "microneedling-classic-en"),
        ("CHEMICAL-PEEL-LIGHT-ES", "chemical-peel-light-es"),
        // Today's rules break these after a hyphen of their own.
        ("front-desk@harbor-skin.example", "front-desk harbor-skin"),
        ("harbor-skin.example", "harbor-skin example"),
    ];
    for lang in ["en-US", "es-US"] {
        for (thing, control) in things {
            let xml = |n: usize, word: &str| {
                handout(&column(&format!("{}{word} on it.", "so ".repeat(n))), lang)
            };
            let straddles = (0..40).find(|&n| {
                let texts = texts(&layout(&xml(n, control), Style::regular(), &keep));
                !texts
                    .iter()
                    .any(|t| t.contains(control.split(' ').next().unwrap_or("")))
            });
            let Some(n) = straddles else {
                panic!("{control} is never broken");
            };
            let laid = layout(&xml(n, thing), Style::regular(), &keep);
            let texts = texts(&laid);
            assert!(
                texts.iter().any(|t| t.contains(thing)),
                "{thing} broken: {texts:?}"
            );
            assert_eq!(hyphenated(&laid), Vec::<String>::new(), "{lang}");
        }
    }
}

#[test]
fn a_phone_number_is_never_broken() {
    let column = format!(
        "<columns><column><p>{}</p></column><column><p>x</p></column></columns>",
        "Call 555-014-2200 or (555) 014-2201 now. ".repeat(12)
    );
    for lang in ["en-US", "es-US"] {
        let laid = layout(&handout(&column, lang), Style::regular(), &KeepWhole::new());
        let texts = texts(&laid);
        assert_eq!(
            texts.iter().filter(|t| t.contains("555-014-2200")).count(),
            12,
            "{texts:?}"
        );
        assert_eq!(
            texts.iter().filter(|t| t.contains("014-2201")).count(),
            12,
            "{texts:?}"
        );
    }
}

#[test]
fn a_word_with_a_capital_inside_is_never_hyphenated() {
    let xml = |word: &str| handout(&narrow(&format!("{word} ").repeat(8)), "en-US");
    let keep = KeepWhole::new();
    assert!(!hyphenated(&layout(&xml("Dermatologists"), Style::regular(), &keep)).is_empty());
    let laid = layout(&xml("DermaLogistics"), Style::regular(), &keep);
    assert_eq!(hyphenated(&laid), Vec::<String>::new());
    assert_eq!(
        texts(&laid)
            .iter()
            .filter(|t| *t == "DermaLogistics")
            .count(),
        8
    );
}

#[test]
fn the_header_and_footer_never_hyphenate() {
    // The footer's lines are narrow beside the QR code; long words there would need hyphens.
    let words = "Sampletown Hyperpigmentation Recommendations Microneedling ".repeat(6);
    let xml = HANDOUT
        .replace(
            "<line>Page {page} of {pages}</line>",
            &format!("<line>{words}</line>"),
        )
        .replace(
            "<left>Harbor Skin Clinic</left>",
            &format!("<left>{words}</left>"),
        );
    let body = handout(&narrow(&words), "en-US");
    let keep = KeepWhole::new();
    assert!(!hyphenated(&layout(&body, Style::regular(), &keep)).is_empty());
    for style in [Style::regular(), Style::large_print()] {
        let laid = layout(&xml, style, &keep);
        let furniture: Vec<String> = laid
            .pages
            .iter()
            .flat_map(|p| p.items.iter().map(move |i| (p, i)))
            .filter_map(|(p, i)| match i {
                Item::Text { text, y, .. } if *y < p.body.y || *y > p.body.top() => {
                    Some(text.clone())
                }
                _ => None,
            })
            .collect();
        assert!(furniture.iter().any(|t| t == "Sampletown"), "{furniture:?}");
        assert!(!furniture.iter().any(|t| t == "-"), "{furniture:?}");
    }
}
