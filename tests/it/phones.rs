//! Phone numbers: the clinic's numbers with an extension, and numbers written in the text, which
//! become `tel:` links on the page and tagged link annotations in both PDFs, never broken across
//! lines; and the doses, dates, times and codes that are never taken for one.

use crate::common;
use crate::tagged::text;
use common::Fixture;
use handouts::model::Phone;
use handouts::validate::phones::{find, is_number};
use handouts_print::lopdf::{Document, Object};

const PAGE: &str = "output/microneedling/classic/index.html";
const PDFS: [&str; 2] = [
    "output/microneedling/classic/microneedling-classic.pdf",
    "output/microneedling/classic/microneedling-classic-large.pdf",
];

/// Every link annotation of the PDF at `path`: its /URI and /Contents, and whether it has a
/// /StructParent (is reached from a `Link` element).
fn links(path: &std::path::Path) -> Vec<(String, String, bool)> {
    let doc = Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        let dict = doc.get_dictionary(page).unwrap();
        let Ok(annots) = dict.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for annot in annots {
            let a = doc.get_dictionary(annot.as_reference().unwrap()).unwrap();
            let Ok(uri) = a
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|a| a.get(b"URI"))
            else {
                continue;
            };
            out.push((
                text(uri),
                text(a.get(b"Contents").unwrap()),
                a.get(b"StructParent").is_ok(),
            ));
        }
    }
    out
}

/// Builds the fixture, asserting it succeeds.
fn build(f: &Fixture) {
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn the_clinics_phone_may_have_an_extension_linked_as_rfc_3966_says() {
    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "phone: (555) 010-0100",
        "phone: (555) 010-0100 ext. 3",
    );
    f.edit(
        "content/clinic.yaml",
        "after_hours_phone: (555) 010-0199",
        "after_hours_phone: +1 555 010 0199 x12",
    );
    build(&f);
    let page = f.read(PAGE);
    assert!(page.contains("<a href=\"tel:5550100100;ext=3\">(555) 010-0100 ext. 3</a>"));
    assert!(page.contains("<a href=\"tel:+15550100199;ext=12\">+1 555 010 0199 x12</a>"));
    for pdf in PDFS {
        let links = links(&f.path(pdf));
        // The header on every page and the call box.
        assert!(
            links
                .iter()
                .any(|(uri, contents, tagged)| uri == "tel:5550100100;ext=3"
                    && contents == "Call (555) 010-0100 ext. 3 (tel:5550100100;ext=3)"
                    && *tagged),
            "{pdf}: {links:?}"
        );
        assert!(
            links
                .iter()
                .any(|(uri, _, tagged)| uri == "tel:+15550100199;ext=12" && *tagged),
            "{pdf}: {links:?}"
        );
    }
}

#[test]
fn every_way_of_writing_an_extension_reads_the_same() {
    for (written, href) in [
        ("(555) 010-0142 ext. 3", "tel:5550100142;ext=3"),
        ("(555) 010-0142 ext 3", "tel:5550100142;ext=3"),
        ("(555) 010-0142 x3", "tel:5550100142;ext=3"),
        ("(555) 010-0142 Ext. 3", "tel:5550100142;ext=3"),
        ("(555) 010-0142, ext. 45", "tel:5550100142;ext=45"),
        ("555-010-0142 extension 204", "tel:5550100142;ext=204"),
        ("555-010-0142 extensión 7", "tel:5550100142;ext=7"),
        ("+1 555 010 0142 x12", "tel:+15550100142;ext=12"),
        ("(555) 010-0142", "tel:5550100142"),
        ("911", "tel:911"),
    ] {
        let phone = Phone::parse(written).unwrap_or_else(|| panic!("{written}"));
        assert_eq!(phone.href(), href, "{written}");
        assert_eq!(phone.display, written);
    }
    for wrong in [
        "(555) 010-0142,3",
        "(555) 010-0142 fax 3",
        "(555) 010-0142 ext.",
        "(555) 010-0142 ext. 1234567",
        "ext. 3",
        "call us",
    ] {
        assert_eq!(Phone::parse(wrong), None, "{wrong}");
    }
}

#[test]
fn a_phone_that_cannot_be_read_says_how_to_write_an_extension() {
    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "phone: (555) 010-0100",
        "phone: (555) 010-0100,3",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "content/clinic.yaml:2:8: `(555) 010-0100,3` is not a phone number.\n 2 | phone: (555) 010-0100,3\n   |        ^\n  fix: use digits with spaces, dashes, dots or brackets, for example `phone: (555) 010-0142`; write an extension after `ext.` or `x`, as in `phone: (555) 010-0142 ext. 3`.\n\n1 problem found; nothing was written.\n"
    );
}

/// The fixture's variant with numbers in a paragraph, a list item, a table cell and a callout,
/// and numbers that must stay as written: inside a link, in code, in a heading.
fn with_numbers() -> Fixture {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Numbing cream first, then about 15 minutes of needling.",
        "Numbing cream first, then about 15 minutes of needling. If you swallow the cream, call \
         Poison Help at 1-800-222-1222 or our nurse at (555) 014-2200 ext. 3.\n\n\
         - Report a reaction to 1-800-822-7967.\n- Or ask [the desk at 555-014-2299](https://clinic.example/desk/), \
         or dial `555-014-2288`.\n\n\
         | Line | Number |\n|---|---|\n| Questions | +1 555 014 2200 |\n| Billing | 555.014.2211 |\n\n\
         > [!IMPORTANT]\n> After hours, call 555-014-2277 x12.\n\n\
         ### Or call 555-014-2266\n\nDoses of 500 mg, 2026-09-14 at 10:30, Lot 1234567 and ZIP 12345-6789 stay plain.",
    );
    build(&f);
    f
}

#[test]
fn numbers_in_the_text_become_tel_links_on_the_page() {
    let f = with_numbers();
    let page = f.read(PAGE);
    for link in [
        "call Poison Help at <a href=\"tel:18002221222\">1-800-222-1222</a> or",
        "our nurse at <a href=\"tel:5550142200;ext=3\">(555) 014-2200 ext. 3</a>.",
        "<li>Report a reaction to <a href=\"tel:18008227967\">1-800-822-7967</a>.</li>",
        "<td><a href=\"tel:+15550142200\">+1 555 014 2200</a></td>",
        "<td><a href=\"tel:5550142211\">555.014.2211</a></td>",
        "After hours, call <a href=\"tel:5550142277;ext=12\">555-014-2277 x12</a>.",
        // Already in a link, in code or in a heading: as written.
        "<a href=\"https://clinic.example/desk/\">the desk at 555-014-2299</a>",
        "<code>555-014-2288</code>",
        ">Or call 555-014-2266</h3>",
        "Doses of 500\u{a0}mg, 2026-09-14 at 10:30, Lot 1234567 and ZIP 12345-6789 stay plain.",
    ] {
        assert!(page.contains(link), "{link}");
    }
    // The page's own rule keeps every tel: link on one line.
    let css = walkdir::WalkDir::new(f.path("output"))
        .into_iter()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "css"))
        .unwrap();
    let css = std::fs::read_to_string(css.path()).unwrap();
    assert!(css.contains("a[href^=\"tel:\"], time { white-space: nowrap; }"));
}

#[test]
fn numbers_in_the_text_are_tagged_link_annotations_in_both_pdfs() {
    let f = with_numbers();
    for pdf in PDFS {
        let links = links(&f.path(pdf));
        let tel: Vec<(&str, &str)> = links
            .iter()
            .filter(|(uri, _, _)| {
                uri.starts_with("tel:55501422")
                    || uri.starts_with("tel:1800")
                    || uri.starts_with("tel:+1555")
            })
            .map(|(uri, contents, tagged)| {
                assert!(tagged, "{pdf}: {uri} is not in a Link element");
                (uri.as_str(), contents.as_str())
            })
            .collect();
        // The words are set with no-break spaces, which /Contents keeps.
        assert_eq!(
            tel,
            [
                ("tel:18002221222", "1-800-222-1222 (tel:18002221222)"),
                (
                    "tel:5550142200;ext=3",
                    "(555)\u{a0}014-2200\u{a0}ext.\u{a0}3 (tel:5550142200;ext=3)"
                ),
                ("tel:18008227967", "1-800-822-7967 (tel:18008227967)"),
                (
                    "tel:+15550142200",
                    "+1\u{a0}555\u{a0}014\u{a0}2200 (tel:+15550142200)"
                ),
                ("tel:5550142211", "555.014.2211 (tel:5550142211)"),
                (
                    "tel:5550142277;ext=12",
                    "555-014-2277\u{a0}x12 (tel:5550142277;ext=12)"
                ),
            ],
            "{pdf}"
        );
        let words = common::pdftotext(&f.path(pdf)).replace('\u{a0}', " ");
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        for kept in [
            "the desk at 555-014-2299",
            "555-014-2288",
            "Or call 555-014-2266",
        ] {
            assert!(words.contains(kept), "{pdf}: {kept}");
        }
    }
}

#[test]
fn a_number_never_breaks_across_lines_in_print() {
    let numbers = [
        "(555) 014-2200 ext. 3",
        "+1 555 014 2200",
        "1-800-222-1222",
        "555.014.2200",
        "555-014-2200 x12",
        "+44 20 7946 0958",
    ];
    // Each number after 30 to 43 short words: somewhere among them it falls at a line's end.
    let mut text = String::new();
    for (n, number) in numbers.iter().enumerate() {
        for words in 30..44 {
            text.push_str(&format!(
                "\n\n{} {} call {number} now.",
                vec!["ab"; words].join(" "),
                "x".repeat(n % 3 + 1)
            ));
        }
    }
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "then about 15 minutes of needling.",
        &format!("then about 15 minutes of needling.{text}"),
    );
    build(&f);
    for pdf in PDFS {
        let words = common::pdftotext(&f.path(pdf)).replace('\u{a0}', " ");
        for number in numbers {
            assert_eq!(words.matches(number).count(), 14, "{pdf}: {number}");
        }
    }
}

#[test]
fn real_numbers_are_found_whole_with_their_tel_uri() {
    for (written, href) in [
        ("1-800-822-7967", "tel:18008227967"),
        ("(555) 014-2200", "tel:5550142200"),
        ("555-014-2200", "tel:5550142200"),
        ("+1 555 014 2200", "tel:+15550142200"),
        ("555.014.2200", "tel:5550142200"),
        ("(555) 014-2200 ext. 3", "tel:5550142200;ext=3"),
        ("555-014-2200 x3", "tel:5550142200;ext=3"),
        ("1-800-222-1222 ext 12", "tel:18002221222;ext=12"),
        ("555-014-2200, ext. 45", "tel:5550142200;ext=45"),
        ("(555)014-2200", "tel:5550142200"),
        ("1 (800) 822-7967", "tel:18008227967"),
        ("1.800.822.7967", "tel:18008227967"),
        ("+1 (555) 014-2200", "tel:+15550142200"),
        ("+1-800-822-7967", "tel:+18008227967"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("+34 912 345 678", "tel:+34912345678"),
    ] {
        for text in [
            written.to_string(),
            format!("Call {written}."),
            format!("Call us ({written}) today"),
            format!("“{written}”, or 911"),
        ] {
            let found = find(&text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].range.clone()], written, "{text}");
            assert_eq!(found[0].phone.href(), href, "{text}");
        }
        assert!(is_number(written), "{written}");
    }
    // Two in one sentence.
    let two = find("Call 555-014-2200 or 1-800-222-1222.");
    assert_eq!(
        two.iter().map(|f| f.phone.href()).collect::<Vec<_>>(),
        ["tel:5550142200", "tel:18002221222"]
    );
}

#[test]
fn doses_dates_times_ranges_and_codes_are_never_phone_numbers() {
    // Short numbers ("call 911") are not linked either: the emergency line is the theme's.
    let near_misses = [
        "2026-09-14",
        "100.4 °F",
        "3–4 weeks",
        "1-2 days",
        "10:30",
        "4/5/2026",
        "12345-6789",
        "Lot 1234567",
        "500 mg twice a day",
        "0.5 mL",
        "20% off",
        "$1,250.00",
        "version 2.10.3",
        "10:30–11:45",
        "8/6/2021",
        "2026.09.14",
        "123-45-6789",
        "12-345-6789",
        "555-0142",
        "1234-567-8901",
        "555-014-22000",
        "5550142200",
        "Lot 555-014-2200",
        "NDC 0006-4047-41",
        "ID: 555.014.2200",
        "Fax: 555-014-2266",
        "192.168.100.200",
        "555-014-2200-01",
        "https://x.example/555-014-2200",
        "(555) 01-2200",
        "+1 555 014",
        "4–6 sessions, 3–4 weeks apart",
        "6:00 p.m.",
        "v1.555.014.2200",
        "A1C of 6.5%",
        "42 U.S.C. 300aa-26",
        "2026-09-14T10:30",
        "123-456-7890",
        "555-014-2200%",
        "#555-014-2200",
        "555-014-2200@clinic.example",
        "1,555-014-2200",
        "+12",
        "2 x 500 mg",
    ];
    assert!(near_misses.len() >= 25);
    for text in near_misses {
        assert_eq!(find(text), [], "{text}");
        assert!(!is_number(text), "{text}");
    }
}

proptest::proptest! {
    /// Any text, and text made of the characters numbers are written with: no panic, and every
    /// number found reads back as a phone with a `tel:` URI.
    #[test]
    fn finding_numbers_in_any_text_never_panics(
        text in proptest::prop_oneof!["\\PC{0,60}", "[0-9 ()+.,:/x\\-–eEtTnsióN%#]{0,40}"]
    ) {
        for found in find(&text) {
            let phone = Phone::parse(&text[found.range.clone()]);
            proptest::prop_assert_eq!(phone.map(|p| p.href()), Some(found.phone.href()));
        }
        let _ = is_number(&text);
        let _ = handouts::validate::phones::unbreakable(&text);
    }
}
