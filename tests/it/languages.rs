//! Translated handouts: a Spanish tree beside the English one, its messages, and label sets.

use crate::common;
use common::{message_lines, Fixture, CLINIC};
use std::process::Command;

const PROCEDURE_ES: &str = "---\ntitle: Microneedling\nsummary: Agujas diminutas que ayudan a la piel a renovarse.\n---\n\n## Haga\n\n- Lávese con suavidad.\n\n## No haga\n\n- No se rasque la piel que se pela.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o enrojecimiento que se extiende.\n";

const VARIANT_ES: &str = "---\ntitle: Microneedling clásico\nsummary: Qué esperar del microneedling clásico y cómo cuidar su piel.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento que hace heridas diminutas.\n\n## Que esperar\n\nPrimero una crema para adormecer.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nLa mayoría siente presión.\n";

pub fn spanish() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/clinic.yaml",
        &format!("{CLINIC}languages: [en, es]\n"),
    );
    f.write("content/microneedling/_procedure.es.md", PROCEDURE_ES);
    f.write("content/microneedling/classic.es.md", VARIANT_ES);
    f
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_spanish_tree_is_built_beside_the_english_one() {
    let f = spanish();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for file in [
        "output/index.html",
        "output/es/index.html",
        "output/es/microneedling/index.html",
        "output/es/microneedling/classic/index.html",
        "output/es/microneedling/classic/microneedling-classic.pdf",
    ] {
        assert!(f.path(file).is_file(), "{file}");
    }
    let page = f.read("output/es/microneedling/classic/index.html");
    assert!(page.contains("<html lang=\"es\">"), "{page}");
    // Headings and dates in Spanish; the `Que esperar` heading matched without its accent.
    for words in [
        ">Qué es</h2>",
        ">Qué esperar</h2>",
        ">Preguntas frecuentes</h2>",
        "14 de marzo de 2026",
        "Imprimir este folleto",
        // Inherited from _procedure.es.md, the Spanish procedure file.
        "Lávese con suavidad.",
        "\"inLanguage\":\"es\"",
    ] {
        assert!(page.contains(words), "missing {words:?}");
    }
    for english in [
        "What it is",
        "Print this handout",
        "Reviewed ",
        "March",
        "Wash gently",
    ] {
        assert!(
            !page.contains(english),
            "English {english:?} on the Spanish page"
        );
    }
    // The language switcher names languages in their own words and links the other version.
    assert!(
        page.contains(
            "<a href=\"../../../microneedling/classic/\" hreflang=\"en\" lang=\"en\">English</a>"
        ),
        "{page}"
    );
    assert!(page.contains("<span aria-current=\"true\" lang=\"es\">Español</span>"));
}

#[test]
fn hreflang_links_are_symmetric_and_in_the_sitemap() {
    let f = spanish();
    assert_eq!(f.run(&["build"]).code, Some(0));
    let base = "https://clinic.example/care/handouts/";
    let en = f.read("output/microneedling/classic/index.html");
    let es = f.read("output/es/microneedling/classic/index.html");
    for page in [&en, &es] {
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"{base}microneedling/classic/\">"
        )));
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"es\" href=\"{base}es/microneedling/classic/\">"
        )));
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}microneedling/classic/\">"
        )));
    }
    let sitemap = f.read("output/sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{base}es/microneedling/classic/</loc>")));
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    assert_eq!(
        sitemap.matches(&format!("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"{base}es/microneedling/classic/\"/>")).count(),
        2,
        "both the English and the Spanish entry list the Spanish page"
    );
}

#[test]
fn the_spanish_pdf_is_in_spanish_and_one_can_be_written_alone() {
    let f = spanish();
    let out = f.run(&[
        "pdf",
        "microneedling/classic",
        "--lang",
        "es",
        "-o",
        "es.pdf",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let text = pdftotext(&f.path("es.pdf"));
    for words in [
        "Qué es",
        "Lo que debe hacer",
        "Lo que no debe hacer",
        "Cuándo llamarnos",
        "Preguntas",
        "Lávese con suavidad.",
    ] {
        assert!(text.contains(words), "missing {words:?}:\n{text}");
    }
    for words in [
        "Página 1 de",
        "Revisado el 14 de marzo de 2026 por",
        "¿Preguntas? Llame al",
        "Escanee o visite",
    ] {
        assert!(text.contains(words), "missing {words:?}:\n{text}");
    }
    for english in [
        "Questions",
        "Page ",
        "Reviewed",
        "Scan or visit",
        "What it is",
        "Call (555)",
        "After hours",
    ] {
        assert!(
            !text.contains(english),
            "English {english:?} in the Spanish PDF:\n{text}"
        );
    }
    // The QR code and the printed address lead to the Spanish page.
    assert!(text.contains("clinic.example/care/handouts/es/"), "{text}");
    let out = f.run(&["pdf", "microneedling/classic", "--lang", "fr"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "error: there are no handouts in the language `fr`; clinic.yaml lists `en`, `es`.\n"
    );
}

#[test]
fn a_missing_spanish_section_is_named_in_spanish() {
    let f = spanish();
    f.edit(
        "content/microneedling/_procedure.es.md",
        "## Riesgos\n\n- Una infección, que es rara.\n\n",
        "",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.es.md: the section `## Riesgos` is missing.\n  fix: add a `## Riesgos` section to this file, or to `content/microneedling/_procedure.es.md` so every variant of the procedure shares it.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn translations_without_an_original_or_in_an_unlisted_language_are_errors() {
    let f = spanish();
    f.write("content/microneedling/prp.es.md", VARIANT_ES);
    f.write("content/microneedling/classic.sp.md", VARIANT_ES);
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        message_lines(&out.stderr),
        [
            "content/microneedling/classic.sp.md: this file is named as a translation into the language `sp`, which clinic.yaml does not list as a translation language.",
            "content/microneedling/prp.es.md: this translation has no original: there is no `prp.md` in this folder.",
        ]
    );
    assert!(out.stderr.contains("fix: clinic.yaml lists `en`, `es`; add `sp` to `languages:` there, or rename the file (the original is `classic.md`)."), "{}", out.stderr);
}

#[test]
fn an_unknown_language_names_the_line_and_the_label_sets() {
    let f = Fixture::new();
    f.write(
        "content/clinic.yaml",
        &format!("{CLINIC}languages: [en, xx]\n"),
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "content/clinic.yaml:6:12: the theme has no labels for the language `xx`.\n 6 | languages: [en, xx]\n   |            ^\n  fix: the label sets there are `en`, `es`; add `labels/xx.yaml` to your theme, or remove `xx` from the list.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_procedure_named_like_a_language_collides() {
    let f = spanish();
    f.write("content/es/_procedure.md", common::PROCEDURE);
    f.write("content/es/classic.md", common::VARIANT);
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        message_lines(&out.stderr),
        ["content/es: the procedure folder `es` has the same name as the language `es` listed in clinic.yaml, so its pages would collide with that language's pages."]
    );
}

#[test]
fn an_older_translation_is_a_warning_not_an_error() {
    let f = spanish();
    f.edit(
        "content/microneedling/classic.es.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-01-10",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("content/microneedling/classic.es.md: warning: the Español text may be out of date: it was reviewed on 2026-01-10, before the original `classic.md` was last reviewed on 2026-03-14.\n"),
        "{}",
        out.stderr
    );
    assert!(f
        .path("output/es/microneedling/classic/index.html")
        .is_file());
}

#[test]
fn every_file_kind_builds_the_same_with_a_bom_and_crlf_line_ends() {
    let plain = spanish();
    assert_eq!(plain.run(&["build"]).code, Some(0));
    let windows = spanish();
    for rel in [
        "content/clinic.yaml",
        "content/microneedling/_procedure.md",
        "content/microneedling/classic.md",
        "content/microneedling/_procedure.es.md",
        "content/microneedling/classic.es.md",
    ] {
        let text = windows.read(rel).replace('\n', "\r\n");
        windows.write_bytes(rel, &[b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat());
    }
    let theme_labels = "\u{feff}print_handout: \"Print me\"\r\n";
    windows.write("theme/labels/en.yaml", theme_labels);
    plain.write("theme/labels/en.yaml", "print_handout: \"Print me\"\n");
    assert_eq!(plain.run(&["build", "--theme", "theme"]).code, Some(0));
    let out = windows.run(&["build", "--theme", "theme"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        common::snapshot(&plain.path("output")),
        common::snapshot(&windows.path("output"))
    );
    // And a mistake in a CRLF file is still reported at the line and column the editor sees.
    windows.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-13-14",
    );
    let out = windows.run(&["check"]);
    assert!(
        out.stderr
            .starts_with("content/microneedling/classic.md:4:11: `2026-13-14` is not a real date"),
        "{}",
        out.stderr
    );
}

/// `text` upper-cased except the `{placeholders}`, which handouts fills in.
fn shout(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth > 0 || c == '}' {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
    }
    out
}

/// The built-in English labels with every value upper-cased (keys, tags and placeholders kept).
fn shouted_labels() -> (String, Vec<String>) {
    let en = include_str!("../../themes/default/labels/en.yaml");
    let mut out = String::new();
    let mut fragments = Vec::new();
    for line in en.lines() {
        let keep = [
            "html_lang",
            "pdf_lang",
            "og_locale",
            "date_format",
            "language_name",
        ];
        match line.split_once(": ") {
            Some((key, value))
                if !line.trim_start().starts_with('#') && !keep.contains(&key.trim()) =>
            {
                out.push_str(&format!("{key}: {}\n", shout(value)));
                let value = value.trim_matches(|c| c == '"' || c == '[' || c == ']');
                // The words around each `{placeholder}`, without the placeholder's own name.
                let mut words = String::new();
                let mut depth = 0;
                for c in value.chars() {
                    match c {
                        '{' => {
                            depth += 1;
                            words.push('|');
                        }
                        '}' => depth -= 1,
                        _ if depth == 0 => words.push(c),
                        _ => {}
                    }
                }
                for part in words.split(['|', ',']) {
                    let part = part.trim().trim_matches('"').trim();
                    // "FAQ" shouted is still "FAQ": only words that change can be told apart.
                    if part.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && shout(part) != part
                    {
                        fragments.push(part.to_string());
                    }
                }
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    (out, fragments)
}

/// The visible text of a page: tags removed, entities for quotes decoded.
fn visible(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn a_second_label_set_replaces_every_english_label() {
    let f = Fixture::new();
    // The content's own words stay as written, so none of them may look like a label here.
    f.edit(
        "content/microneedling/classic.md",
        "summary: What to expect from classic microneedling",
        "summary: How classic microneedling works",
    );
    let (labels, english) = shouted_labels();
    f.write("theme/labels/en.yaml", &labels);
    let out = f.run(&["build", "--theme", "theme"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = visible(&f.read("output/microneedling/classic/index.html"));
    for words in [
        "PRINT THIS HANDOUT",
        "ON THIS PAGE",
        "WHAT IT IS",
        "WHEN TO CALL US",
        "14 MARCH 2026",
        "ALL HANDOUTS",
        "SKIP TO THE HANDOUT",
    ] {
        assert!(page.contains(words), "missing {words:?} in {page}");
    }
    let pdf = pdftotext(&f.path("output/microneedling/classic/microneedling-classic.pdf"));
    for words in [
        "QUESTIONS? CALL",
        "PAGE 1 OF 2",
        "SCAN OR VISIT FOR THE LATEST VERSION:",
        "REVIEWED 14 MARCH 2026 BY",
        "WHAT TO EXPECT",
        "SESSIONS",
    ] {
        assert!(pdf.contains(words), "missing {words:?} in {pdf}");
    }
    // No English label is left anywhere a reader looks (the content itself stays as written).
    for phrase in &english {
        assert!(
            !page.contains(phrase.as_str()),
            "English label {phrase:?} left on the page"
        );
        assert!(
            !pdf.contains(phrase.as_str()),
            "English label {phrase:?} left in the PDF"
        );
    }
    assert!(english.len() > 40, "{english:?}");
}
