//! The sheet staff write on and the rhythm a designer signs off (issue 14): write-in blanks that are
//! fillable form fields and print as blanks, the switch that leaves them out, typographic quotes in
//! every label, the FAQ and timeline rhythm read from the layout boxes, and footer separators.

use crate::common;

use common::Fixture;
use handouts::edition::{Lang, PrintSize};
use handouts::model::{Date, Paper};
use handouts::render::pdf::{Item, Layout, Rendered, Role, Tag};
use handouts::render::Job;
use handouts_print::lopdf::{self, Document, Object};
use std::path::Path;
use std::process::Command;

/// The sample's PRP handout, regular and large print, on Letter.
fn prp(size: PrintSize) -> Rendered {
    handout("content", "prp", size)
}

/// The checked site of `content` (relative to the repository), printed on `paper`.
fn checked(content: &str, paper: Paper) -> (handouts::model::Site, handouts::theme::Theme) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut site, theme, _) = handouts::check(
        &repo.join(content),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    site.clinic.paper = paper;
    (site, theme)
}

fn handout(content: &str, slug: &str, size: PrintSize) -> Rendered {
    let (site, theme) = checked(content, Paper::Letter);
    crate::common::render_variant(&site, &theme, Lang::EN, size, slug)
}

fn pdftotext(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("h.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    match Command::new("pdftotext")
        .args(["-raw", &pdf.to_string_lossy(), "-"])
        .output()
    {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(err) => {
            assert!(std::env::var_os("CI").is_none(), "pdftotext: {err}");
            eprintln!("note: `pdftotext` is not installed; this check is skipped (CI installs it)");
            None
        }
    }
}

fn string(o: &Object) -> String {
    match o {
        Object::String(bytes, _) => {
            if bytes.starts_with(&[0xfe, 0xff]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
        _ => String::new(),
    }
}

/// The form fields of a PDF: (name, tooltip) in /Fields order, with their dictionaries.
pub fn fields(doc: &Document) -> Vec<(String, String, lopdf::Dictionary)> {
    let Ok(form) = doc
        .catalog()
        .and_then(|c| c.get(b"AcroForm"))
        .and_then(Object::as_dict)
    else {
        return Vec::new();
    };
    form.get(b"Fields")
        .and_then(Object::as_array)
        .unwrap()
        .iter()
        .map(|f| {
            let dict = doc.get_dictionary(f.as_reference().unwrap()).unwrap();
            (
                string(dict.get(b"T").unwrap()),
                string(dict.get(b"TU").unwrap()),
                dict.clone(),
            )
        })
        .collect()
}

#[test]
fn write_in_blanks_are_named_form_fields_with_tooltips_and_print_blank() {
    let r = prp(PrintSize::Regular);
    let doc = Document::load_mem(&r.bytes).unwrap();
    let found = fields(&doc);
    let names: Vec<(&str, &str)> = found
        .iter()
        .map(|(n, t, _)| (n.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("patient-name", "Patient name"),
            ("treatment-date", "Treatment date"),
            ("treated-area", "Treated area"),
            ("clinician", "Clinician"),
            // A blank in a sentence (`____` in What to expect), its sentence the tooltip.
            (
                "blank-1",
                "Leave the PRP on your skin for ____ hours, as your clinician tells you."
            ),
            ("next-appointment", "Next appointment"),
            ("notes", "Notes"),
        ]
    );
    let form = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .and_then(Object::as_dict)
        .unwrap();
    let helv = form
        .get(b"DR")
        .and_then(Object::as_dict)
        .and_then(|dr| dr.get(b"Font"))
        .and_then(Object::as_dict)
        .and_then(|f| f.get(b"FormFont"))
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .unwrap();
    // Issue 24: the handout's own face, embedded whole (it was Helvetica, not embedded).
    assert_eq!(
        helv.get(b"BaseFont").unwrap().as_name().unwrap(),
        b"AtkinsonHyperlegible-Regular"
    );
    for (name, _, dict) in &found {
        assert_eq!(dict.get(b"FT").unwrap().as_name().unwrap(), b"Tx", "{name}");
        assert_eq!(dict.get(b"Subtype").unwrap().as_name().unwrap(), b"Widget");
        assert!(
            string(dict.get(b"DA").unwrap()).starts_with("/FormFont "),
            "{name}"
        );
        // Nothing typed in: no value, and an appearance with no text in it.
        assert!(dict.get(b"V").is_err(), "{name}");
        let ap = dict
            .get(b"AP")
            .and_then(Object::as_dict)
            .and_then(|ap| ap.get(b"N"))
            .and_then(Object::as_reference)
            .unwrap();
        let stream = doc.get_object(ap).unwrap().as_stream().unwrap();
        let content = String::from_utf8_lossy(
            &stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone()),
        )
        .into_owned();
        assert!(
            !content.contains("Tj") && !content.contains("TJ"),
            "{name}: {content}"
        );
        let multiline = dict.get(b"Ff").and_then(Object::as_i64).unwrap_or(0) & (1 << 12) != 0;
        assert_eq!(multiline, name == "notes");
    }
    // Each blank is a label, a rule under the area the field covers, and the field in a `Form`
    // element of the structure tree, read right after its label.
    let layout = &r.layout;
    let mut count = 0;
    for page in &layout.pages {
        for (i, item) in page.items.iter().enumerate() {
            // The form's write-in blanks; a blank inside a sentence is read in its sentence.
            let Item::Field {
                rect,
                tag,
                tooltip,
                underscores: None,
                ..
            } = item
            else {
                continue;
            };
            count += 1;
            let node = tag.node().unwrap();
            assert_eq!(layout.tree[node].role, Role::Form);
            let parent = &layout.tree[layout.tree[node].parent.unwrap()];
            let at = parent.children.iter().position(|&c| c == node).unwrap();
            let label = parent.children[at - 1];
            assert_eq!(layout.tree[label].role, Role::P);
            let words: String = page.items[..i]
                .iter()
                .filter_map(|it| match it {
                    Item::Text { text, tag, .. } if *tag == Tag::Node(label) => Some(text.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(&words, tooltip);
            let ruled = page.items.iter().any(|it| match it {
                Item::Line { points, .. } => {
                    let (x0, y0) = points[0];
                    let (x1, _) = points[points.len() - 1];
                    (y0 - rect.y).abs() < 2.0 && x0 <= rect.x + 2.0 && x1 >= rect.right() - 2.0
                }
                _ => false,
            });
            assert!(ruled, "{tooltip}: no rule under its field");
            assert!(page.body.contains(rect, 0.5), "{tooltip}");
        }
    }
    assert_eq!(count, 6);
    // Printed, the labels show and nothing else does.
    if let Some(text) = pdftotext(&r.bytes) {
        for label in [
            "Patient name",
            "Treatment date",
            "Treated area",
            "Clinician",
            "Next appointment",
            "Notes",
        ] {
            assert!(text.contains(label), "{label}");
        }
        assert!(!text.contains("patient-name"));
    }
    // Large print keeps them (the six of the form and the one in a sentence), bigger.
    let large = prp(PrintSize::Large);
    assert_eq!(fields(&Document::load_mem(&large.bytes).unwrap()).len(), 7);
    let label_size = |layout: &Layout| {
        layout
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|it| match it {
                Item::Text { text, size, .. } if text == "Clinician" => Some(*size),
                _ => None,
            })
            .unwrap()
    };
    assert!(label_size(&large.layout) > label_size(&r.layout) + 4.0);
}

#[test]
fn a_variant_with_write_in_off_has_no_fields_and_no_form() {
    let f = Fixture::new();
    // A second variant, as the first was, keeps its blanks.
    let classic = f.read("content/microneedling/classic.md");
    f.write("content/microneedling/other.md", &classic);
    f.edit(
        "content/microneedling/classic.md",
        "reviewed:",
        "write_in: false\nreviewed:",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for rel in [
        "output/microneedling/classic/microneedling-classic.pdf",
        "output/microneedling/classic/microneedling-classic-large.pdf",
    ] {
        let doc = Document::load(f.path(rel)).unwrap();
        assert!(doc.catalog().unwrap().get(b"AcroForm").is_err(), "{rel}");
        assert!(fields(&doc).is_empty());
        for (_, page) in doc.get_pages() {
            let dict = doc.get_dictionary(page).unwrap();
            if let Ok(annots) = dict.get(b"Annots").and_then(Object::as_array) {
                for a in annots {
                    let a = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
                    assert_eq!(a.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
                }
            }
        }
        if let Some(text) = pdftotext(&std::fs::read(f.path(rel)).unwrap()) {
            assert!(!text.contains("Patient name") && !text.contains("Next appointment"));
        }
    }
    let other =
        Document::load(f.path("output/microneedling/other/microneedling-other.pdf")).unwrap();
    assert_eq!(fields(&other).len(), 6);
    // The web page never shows them.
    let page = f.read("output/microneedling/other/index.html");
    assert!(!page.contains("Patient name") && !page.contains("Next appointment"));
}

#[test]
fn every_label_has_typographic_quotes() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for theme in std::fs::read_dir(repo.join("themes")).unwrap() {
        let dir = theme.unwrap().path().join("labels");
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for file in files {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with('#') || line.is_empty() {
                    continue;
                }
                let Some((_, value)) = line.split_once(':') else {
                    continue;
                };
                // The YAML's own quotes around a value are syntax, not words.
                let value = value.trim();
                let inner = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .unwrap_or(value);
                let inner = inner.trim_start_matches('[').trim_end_matches(']');
                for item in inner.split("\", \"") {
                    let words = item.trim_matches('"');
                    assert!(
                        !words.contains('\'') && !words.contains('"') && !words.contains('`'),
                        "{}:{}: straight quote in {words:?}; write ’ ‘ “ ” instead",
                        path.display(),
                        n + 1
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 150, "{checked} labels");
}

/// Text items of `role` in reading order, with their page.
fn texts(layout: &Layout, role: Role) -> Vec<(usize, f32, f32, String)> {
    let mut out = Vec::new();
    for (p, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                text,
                tag: Tag::Node(n),
                ..
            } = item
            {
                if layout.tree[*n].role == role {
                    out.push((p, *x, *y, text.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn an_faq_question_sits_closer_to_its_answer_than_to_the_answer_before() {
    for size in [PrintSize::Regular, PrintSize::Large] {
        let r = handout("tests/fixtures/long", "prp", size);
        let layout = &r.layout;
        let mut checked = 0;
        for page in &layout.pages {
            // Baselines of body text and questions down the page, in order.
            let mut lines: Vec<(f32, bool)> = Vec::new();
            for item in &page.items {
                if let Item::Text {
                    y,
                    tag: Tag::Node(n),
                    ..
                } = item
                {
                    let role = layout.tree[*n].role;
                    if !matches!(role, Role::H3 | Role::P)
                        || !page.body.contains(
                            &handouts::render::pdf::Rect {
                                x: page.body.x,
                                y: *y,
                                w: 0.0,
                                h: 0.0,
                            },
                            0.5,
                        )
                    {
                        continue;
                    }
                    if lines.last().is_none_or(|(last, _)| (last - y).abs() > 0.5) {
                        lines.push((*y, role == Role::H3));
                    }
                }
            }
            for w in lines.windows(3) {
                let [(before, false), (question, true), (answer, false)] = w else {
                    continue;
                };
                let above = before - question;
                let below = question - answer;
                assert!(
                    above > below + 4.0,
                    "{size:?}: {above} above, {below} below"
                );
                checked += 1;
            }
        }
        assert!(checked >= 8, "{size:?}: {checked} questions");
    }
}

#[test]
fn the_timeline_has_one_rule_under_its_heading_a_label_column_its_labels_need_and_level_baselines()
{
    for size in [PrintSize::Regular, PrintSize::Large] {
        let r = handout("tests/fixtures/long", "prp", size);
        let layout = &r.layout;
        let h2 = texts(layout, Role::H2);
        let heading = h2
            .iter()
            .find(|(_, _, _, t)| t == "Recovery")
            .cloned()
            .unwrap();
        let page = heading.0;
        // The timeline: the rows between its heading and the next (the facts panel is a table too).
        let next = h2
            .iter()
            .filter(|(p, _, y, _)| *p == page && *y < heading.2 - 1.0)
            .map(|h| h.2)
            .fold(f32::NEG_INFINITY, f32::max);
        let timeline = |role| -> Vec<(usize, f32, f32, String)> {
            texts(layout, role)
                .into_iter()
                .filter(|(p, _, y, _)| *p == page && *y < heading.2 && *y > next)
                .collect()
        };
        let (heads, cells) = (timeline(Role::TH), timeline(Role::TD));
        assert!(heads.len() >= 3, "{size:?}: {heads:?}");
        let first_row = heads[0].2;
        let body = layout.pages[page].body;
        // Horizontal rules between the "Recovery timeline" heading and the first row: one.
        let rules: Vec<f32> = layout.pages[page]
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Line { points, .. }
                    if points.len() == 2
                        && (points[0].1 - points[1].1).abs() < 0.01
                        && points[1].0 - points[0].0 > body.w * 0.9 =>
                {
                    Some(points[0].1)
                }
                _ => None,
            })
            .filter(|&y| y < heading.2 && y > first_row)
            .collect();
        assert_eq!(rules.len(), 1, "{size:?}: rules at {rules:?}");
        // The label column is as wide as its widest label (plus the gap), far under 30 %.
        let cell_x = cells[0].1;
        let widest = layout.pages[page]
            .items
            .iter()
            .filter_map(|it| match it {
                Item::Text {
                    x,
                    y,
                    width,
                    tag: Tag::Node(n),
                    ..
                } if layout.tree[*n].role == Role::TH && *y < heading.2 && *y > next => {
                    Some(x + width)
                }
                _ => None,
            })
            .fold(0.0, f32::max);
        let gap = cell_x - widest;
        assert!(gap > 5.0, "{size:?}: {gap} pt between labels and cells");
        if size == PrintSize::Regular {
            // The whole timeline is on this page, its widest label ("Months 1–3") included.
            assert!(gap < 25.0, "{size:?}: {gap} pt between labels and cells");
        }
        assert!(cell_x - body.x < body.w * 0.3, "{size:?}");
        // Each row's label and its text share their first baseline.
        for (p, _, y, label) in &heads {
            let level = cells
                .iter()
                .any(|(q, _, cy, _)| q == p && (cy - y).abs() < 0.01);
            assert!(
                level,
                "{size:?}: {label} at {y} has no cell line on its baseline"
            );
        }
    }
}

#[test]
fn no_footer_line_starts_with_a_separator() {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for entry in walkdir::WalkDir::new(f.path("output")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let Some(text) = pdftotext(&std::fs::read(&path).unwrap()) else {
            return;
        };
        for line in text.lines() {
            assert!(
                !line.trim_start().starts_with('·'),
                "{}: {line:?}",
                path.display()
            );
        }
    }
}

#[test]
fn headings_and_titles_from_content_get_typographic_quotes_but_code_keeps_its_own() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "title: Classic microneedling",
        "title: \"Classic microneedling: don't skip it\"",
    );
    f.edit(
        "content/microneedling/classic.md",
        "### Does it hurt?",
        "### Does it \"hurt\" if I type `don't`?",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(
        page.contains("<h1>Classic microneedling: don’t skip it</h1>"),
        "{page}"
    );
    assert!(
        page.contains("<h3>Does it “hurt” if I type don't?</h3>")
            || page.contains("<h3>Does it “hurt” if I type don&#39;t?</h3>"),
        "{page}"
    );
    // The procedure page lists the variant by its title, and the PDF's heading is the same.
    let listing = f.read("output/microneedling/index.html");
    assert!(listing.contains("don’t skip it"));
    let pdf =
        std::fs::read(f.path("output/microneedling/classic/microneedling-classic.pdf")).unwrap();
    if let Some(text) = pdftotext(&pdf) {
        assert!(
            text.contains("Classic microneedling: don’t skip it"),
            "{text}"
        );
        assert!(text.contains("Does it “hurt” if I type don't?"), "{text}");
    }
}

/// Every sample handout in every language and print size, on `paper`: (name, rendered).
fn every_handout(paper: Paper) -> Vec<(String, Rendered)> {
    let (site, theme) = checked("content", paper);
    let fonts = handouts::render::pdf::Fonts::embedded();
    let mut out = Vec::new();
    for lang in [Lang::EN, Lang::parse("es").unwrap()] {
        for size in [PrintSize::Regular, PrintSize::Large] {
            let job = Job::new(&site, &theme, lang, size).expect("the book");
            for (p, v) in job.book.variants() {
                let name = format!("{lang} {size:?} {}", v.slug);
                let rendered = handouts::render::print::handout(&job, p, v, fonts)
                    .unwrap_or_else(|d| panic!("{name}: {d}"));
                out.push((name, rendered));
            }
        }
    }
    assert!(out.len() >= 16, "{} handouts", out.len());
    out
}

/// Text items inside `rect`: (x, right end, baseline, text).
fn words_in(
    page: &handouts::render::pdf::Page,
    rect: handouts::render::pdf::Rect,
) -> Vec<(f32, f32, f32, String)> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Text {
                x, y, width, text, ..
            } if *y >= rect.y && *y <= rect.y + rect.h => Some((*x, x + width, *y, text.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn the_header_phone_line_never_overlaps_the_clinic_name_or_the_running_head() {
    // Spanish large print: "¿Preguntas? Llame al (555) 010-0142" at 18 pt left the name 40 % of the
    // band, and the name and the running head were drawn under the phone line.
    for paper in [Paper::Letter, Paper::A4] {
        for (name, rendered) in every_handout(paper) {
            for (n, page) in rendered.layout.pages.iter().enumerate() {
                let words = words_in(page, page.header);
                assert!(words.len() >= 4, "{name} page {}: {words:?}", n + 1);
                for (i, a) in words.iter().enumerate() {
                    for b in &words[i + 1..] {
                        let same_line = (a.2 - b.2).abs() < 1.0;
                        let apart = a.1 <= b.0 + 0.5 || b.1 <= a.0 + 0.5;
                        assert!(
                            !same_line || apart,
                            "{name} page {}: {:?} overlaps {:?}",
                            n + 1,
                            a.3,
                            b.3
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn later_pages_leave_the_address_out_of_the_footer_and_so_hold_more_text() {
    let rendered = prp(PrintSize::Large);
    let pages = &rendered.layout.pages;
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let footer = |n: usize| -> String {
        let words = words_in(&pages[n], pages[n].footer);
        words
            .iter()
            .map(|w| w.3.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(footer(0).contains("Reviewed"), "{}", footer(0));
    assert!(footer(0).contains("Example Way"), "{}", footer(0));
    for n in 1..pages.len() {
        let text = footer(n);
        // Large print says the review and the form code once, on page 1 (issue 24).
        assert!(!text.contains("Reviewed"), "page {}: {text}", n + 1);
        assert!(!text.contains("Example Way"), "page {}: {text}", n + 1);
        assert!(
            !text.contains("Form") && text.contains(&format!("{}", n + 1)),
            "{text}"
        );
        assert!(
            pages[n].body.h > pages[0].body.h + 18.0,
            "page {}: text box {} pt, page 1's {} pt",
            n + 1,
            pages[n].body.h,
            pages[0].body.h
        );
        assert!((pages[n].body.top() - pages[0].body.top()).abs() < 0.01);
    }
}

#[test]
fn the_notes_fill_the_last_page_down_to_the_disclaimer_which_is_never_alone() {
    let mut grown = 0;
    for paper in [Paper::Letter, Paper::A4] {
        for (name, rendered) in every_handout(paper) {
            let layout = &rendered.layout;
            let last = layout.pages.len() - 1;
            let notes: Vec<(usize, handouts::render::pdf::Rect)> = layout
                .pages
                .iter()
                .enumerate()
                .flat_map(|(p, page)| {
                    page.items.iter().filter_map(move |item| match item {
                        Item::Field { name, rect, .. } if name == "notes" => Some((p, *rect)),
                        _ => None,
                    })
                })
                .collect();
            assert_eq!(notes.len(), 1, "{name}: {notes:?}");
            let (page, rect) = notes[0];
            assert_eq!(page, last, "{name}: the notes are not on the last page");
            let body = layout.pages[last].body;
            let words = words_in(&layout.pages[last], body);
            let below: Vec<&(f32, f32, f32, String)> =
                words.iter().filter(|w| w.2 < rect.y).collect();
            // The disclaimer follows the notes on their page: the page never holds it alone.
            assert!(
                below.iter().any(|w| w.3.contains("general"))
                    && below.iter().any(|w| w.3.contains("911")),
                "{name}: {below:?}"
            );
            // ... and the page is used down to its end: less than a blank's row and a line left.
            let lowest = below.iter().map(|w| w.2).fold(f32::INFINITY, f32::min);
            let left = lowest - body.y;
            assert!(left < 60.0, "{name}: {left} pt left empty at the bottom");
            // Its rules: at least the first (it shrinks to one when that keeps the disclaimer
            // with it and saves a page), and as many as the page holds.
            let rules = layout.pages[last]
                .items
                .iter()
                .filter(|item| {
                    matches!(item, Item::Line { points, .. } if points.len() == 2
                    && (points[0].1 - points[1].1).abs() < 0.01
                    && points[0].1 < rect.y + rect.h && points[0].1 >= rect.y - 1.0)
                })
                .count();
            assert!(rules >= 1, "{name}: {rules} rules under Notes");
            grown += usize::from(rules >= 3);
        }
    }
    // Most handouts' last pages have room to grow the notes well past their first line.
    assert!(
        grown >= 20,
        "{grown} of 32 handouts have three or more rules under Notes"
    );
}

#[test]
fn the_web_timeline_shares_one_label_column_as_wide_as_its_widest_label() {
    // Per-stage grids gave every label 30 % of the measure; one grid with a subgrid per stage
    // sizes the column to the widest label, as print does, and it still stacks under 30rem.
    let css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    let rule = |selector: &str| -> String {
        css.lines()
            .filter(|l| l.trim_start().starts_with(selector))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        rule(".timeline {").contains("grid-template-columns: fit-content("),
        "{}",
        rule(".timeline {")
    );
    assert!(css.contains("@supports (grid-template-columns: subgrid) { .timeline .stage { grid-template-columns: subgrid; } }"));
    assert!(rule(".timeline .stage {").contains("grid-column: 1 / -1"));
    let narrow = css
        .lines()
        .find(|l| l.contains("@media (max-width: 30rem)") && l.contains(".timeline"))
        .unwrap_or_default();
    assert!(narrow.contains(".timeline { display: block; }"), "{narrow}");
    assert!(narrow.contains("grid-template-columns: 1fr"), "{narrow}");
}

#[test]
fn the_blanks_of_a_column_start_level_as_on_a_printed_form() {
    for (size, columns) in [(PrintSize::Regular, 2), (PrintSize::Large, 1)] {
        let rendered = prp(size);
        let pages = &rendered.layout.pages;
        let starts = |page: &handouts::render::pdf::Page| -> Vec<f32> {
            let mut xs: Vec<f32> = page
                .items
                .iter()
                .filter_map(|item| match item {
                    // The write-in blanks of the form, not a blank inside a sentence.
                    Item::Field {
                        rect,
                        underscores: None,
                        ..
                    } => Some((rect.x * 100.0).round() / 100.0),
                    _ => None,
                })
                .collect();
            xs.dedup();
            xs.sort_by(f32::total_cmp);
            xs.dedup();
            xs
        };
        let first = starts(&pages[0]);
        assert_eq!(
            first.len(),
            columns,
            "{size:?} page 1: blanks start at {first:?}"
        );
        let last = starts(pages.last().unwrap());
        assert_eq!(
            last.len(),
            1,
            "{size:?} last page: blanks start at {last:?}"
        );
    }
}
