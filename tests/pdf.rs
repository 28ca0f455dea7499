//! The printed handouts: what they say (read back with pdftotext), where things sit on the page
//! (from the layout engine's own boxes), and that they are valid, embedded, linked and scannable.
#![allow(missing_docs)]

mod common;
use common::{assert_in_order, Fixture};
use handouts::edition::{Lang, PrintSize};
use handouts::model::{Date, Paper, Site};
use handouts::render::pdf::{Face, Item, Rendered};
use handouts::render::Job;
use std::path::Path;
use std::process::Command;

/// Runs an external tool; `None` (with a note) when it is not installed on a developer's machine.
/// Under CI (`CI` set) a missing tool fails the test: `.ci/run` installs them, and a check that
/// quietly skipped itself there would prove nothing.
fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{name} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "`{name}` could not be run under CI ({err}); .ci/run must install it"
            );
            eprintln!("note: `{name}` is not installed; this check is skipped (CI installs it)");
            None
        }
    }
}

fn pdftotext(pdf: &Path, page: Option<usize>) -> Option<String> {
    let p = pdf.to_string_lossy();
    let page = page.map(|n| n.to_string());
    // -raw keeps the order the engine painted in: reading order, a wrapped URL's pieces together.
    let mut args: Vec<&str> = vec!["-raw"];
    if let Some(n) = &page {
        args.extend(["-f", n, "-l", n]);
    }
    args.extend([&*p, "-"]);
    tool("pdftotext", &args)
}

fn sample(paper: Paper) -> (Site, handouts::theme::Theme) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut site, theme, _) = handouts::check(
        &repo.join("content"),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    site.clinic.paper = paper;
    (site, theme)
}

fn render_all(site: &Site, theme: &handouts::theme::Theme) -> Vec<(String, Rendered)> {
    let fonts = handouts::render::pdf::Fonts::embedded();
    let job = Job::new(site, theme, Lang::EN, PrintSize::Regular).expect("the English book");
    job.book
        .variants()
        .map(|(p, v)| {
            let r = handouts::render::print::handout(&job, p, v, fonts)
                .unwrap_or_else(|d| panic!("{d}"));
            (format!("{}/{}", p.slug, v.slug), r)
        })
        .collect()
}

fn built() -> Fixture {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    f
}

const PDF: &str = "output/microneedling/classic/microneedling-classic.pdf";

#[test]
fn every_sample_handout_fits_two_pages_on_letter_and_a4() {
    for paper in [Paper::Letter, Paper::A4] {
        let (site, theme) = sample(paper);
        for (name, r) in render_all(&site, &theme) {
            assert_eq!(r.layout.pages.len(), 2, "{name} on {paper:?}");
        }
    }
}

#[test]
fn nothing_is_drawn_outside_its_band_and_body_text_is_at_least_12_pt() {
    for paper in [Paper::Letter, Paper::A4] {
        let (site, theme) = sample(paper);
        for (name, r) in render_all(&site, &theme) {
            for (i, page) in r.layout.pages.iter().enumerate() {
                // Margins of at least 0.6 in on every side.
                assert!(
                    page.body.x >= 43.2 && page.width - page.body.right() >= 43.2,
                    "{name} p{i}"
                );
                assert!(
                    page.footer.y >= 43.2 - 0.01 && page.height - page.header.top() >= 30.0,
                    "{name} p{i}"
                );
                for item in &page.items {
                    if let Item::Text {
                        x,
                        y,
                        text,
                        size,
                        width,
                        face,
                        ..
                    } = item
                    {
                        let inside = |b: &handouts::render::pdf::Rect| {
                            *x >= b.x - 0.01
                                && x + width <= b.right() + 0.05
                                && *y >= b.y - 0.01
                                && *y <= b.top() + 0.01
                        };
                        assert!(
                            inside(&page.body) || inside(&page.header) || inside(&page.footer),
                            "{name} page {i}: {text:?} at ({x}, {y}) width {width} is outside every band"
                        );
                        // Body text is at least 12 pt; only bold captions (the facts box's labels) are smaller.
                        if inside(&page.body) {
                            let min = if *face == Face::Regular || *face == Face::Italic {
                                12.0
                            } else {
                                10.0
                            };
                            assert!(
                                *size >= min - 0.01,
                                "{name} page {i}: {text:?} is {size} pt in {face:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn handout_text_has_every_heading_and_item_in_order() {
    let f = built();
    let Some(text) = pdftotext(&f.path(PDF), None) else {
        return;
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_in_order(
        &flat,
        &[
            "Classic microneedling",
            "What to expect from classic microneedling",
            "What it is",
            "tiny wounds so the skin builds collagen",
            "What to expect",
            "Numbing cream first",
            "Recovery timeline",
            "Days 1–3",
            "redness like a mild sunburn",
            "Week 2",
            "Do",
            "Wash gently with a mild cleanser.",
            "Use sunscreen every day.",
            "Risks",
            "Infection, which is rare.",
            "When to call us",
            "A fever or spreading redness.",
            "FAQ",
            "Does it hurt?",
            "Most people feel pressure, not pain.",
            "How many sessions?",
            "Usually four to six.",
        ],
    );
    // Do and Don't stand side by side, so the Don't column is checked on its own.
    assert_in_order(
        &flat,
        &[
            "Recovery timeline",
            "Don't",
            "Do not pick at flaking skin.",
            "Risks",
        ],
    );
}

#[test]
fn every_page_carries_phone_review_date_url_and_page_number() {
    let f = built();
    let Some(info) = tool("pdfinfo", &[&f.path(PDF).to_string_lossy()]) else {
        return;
    };
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map_or(0, |n| n.trim().parse().unwrap_or(0));
    assert!(pages >= 1);
    for page in 1..=pages {
        let text = pdftotext(&f.path(PDF), Some(page)).unwrap_or_default();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "(555) 010-0100",
            "Reviewed 14 March 2026 by Dr. Test Reviewer",
            &format!("Page {page} of {pages}"),
        ] {
            assert!(
                flat.contains(needle),
                "page {page} lacks {needle:?}:\n{flat}"
            );
        }
        let url = "https://clinic.example/care/handouts/microneedling/classic/";
        assert!(
            flat.replace(' ', "").contains(url),
            "page {page} lacks the URL:\n{flat}"
        );
    }
}

#[test]
fn metadata_fonts_and_structure_are_valid() {
    let f = built();
    let pdf = f.path(PDF);
    let p = pdf.to_string_lossy();
    if let Some(info) = tool("pdfinfo", &[&p]) {
        assert!(
            info.contains("Title:           Classic microneedling"),
            "{info}"
        );
        assert!(
            info.contains("Author:          Test Clinic (sample)"),
            "{info}"
        );
        assert!(
            info.contains("Subject:         What to expect from classic microneedling"),
            "{info}"
        );
        assert!(
            info.contains("CreationDate:    Sat Mar 14 00:00:00 2026 UTC"),
            "{info}"
        );
    }
    if let Some(fonts) = tool("pdffonts", &[&p]) {
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert!(
                row.contains("+AtkinsonHyperlegible") || row.contains("+DejaVuSans"),
                "{row}"
            );
            assert_eq!(
                &cols[cols.len() - 5..cols.len() - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, unicode: {row}"
            );
        }
    }
    if let Some(check) = tool("qpdf", &["--check", &p]) {
        assert!(
            check.contains("No syntax or stream encoding errors found"),
            "{check}"
        );
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.starts_with("%PDF-1.7"), "{}", &raw[..20]);
}

#[test]
fn the_qr_code_decodes_to_the_variant_page_url() {
    let f = built();
    let png = f.path("qr");
    let Some(_) = tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            &f.path(PDF).to_string_lossy(),
            &png.to_string_lossy(),
        ],
    ) else {
        return;
    };
    let image = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("qr-"))
        .unwrap();
    let Some(decoded) = tool("zbarimg", &["--quiet", "--raw", &image.to_string_lossy()]) else {
        return;
    };
    assert_eq!(
        decoded.trim(),
        "https://clinic.example/care/handouts/microneedling/classic/"
    );
}

#[test]
fn the_variant_page_links_to_its_pdf() {
    let f = built();
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains("<a class=\"print-link\" href=\"../../microneedling/classic/microneedling-classic.pdf\" download>Print this handout"), "{page}");
    assert!(page.contains("<a class=\"print-link-large\" href=\"../../microneedling/classic/microneedling-classic-large.pdf\" download>Large print"), "{page}");
    assert!(f.path(PDF).is_file());
    assert!(f
        .path("output/microneedling/classic/microneedling-classic-large.pdf")
        .is_file());
}

#[test]
fn the_pdf_command_writes_one_handout() {
    let f = Fixture::new();
    let out = f.run(&["pdf", "microneedling/classic", "-o", "one.pdf"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "Wrote one.pdf.\n");
    let built = built();
    assert_eq!(
        std::fs::read(f.path("one.pdf")).unwrap(),
        std::fs::read(built.path(PDF)).unwrap(),
        "same bytes as the build's"
    );
    let out = f.run(&["pdf", "microneedling/nope"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stderr, "error: there is no handout `microneedling/nope`; the handouts are: microneedling/classic.\n");
}

#[test]
fn a_character_no_font_has_is_an_error_where_it_was_typed() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Does it hurt?",
        "Does it hurt? \u{6f22}",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:25:19: the character `\u{6f22}` (U+6F22) is in none of the handout's fonts, so it cannot be printed.\n 25 | ### Does it hurt? \u{6f22}\n    |                   ^\n  fix: replace it with ordinary letters or punctuation, or remove it.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_bad_print_template_names_the_template_file_and_line() {
    let f = Fixture::new();
    let template = include_str!("../themes/default/print/handout.xml")
        .replace("<table>", "<tabel>")
        .replace("</table>", "</tabel>");
    f.write("theme/print/handout.xml", &template);
    let out = f.run(&["build", "--theme", "theme"]);
    assert_eq!(out.code, Some(1));
    let line = template
        .lines()
        .position(|l| l.contains("<tabel>"))
        .unwrap()
        + 1;
    let first = out.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("theme/print/handout.xml:{line}:")),
        "{}",
        out.stderr
    );
    assert!(first.contains("tabel"), "{first}");
    assert!(!f.path("output").exists());
}
