//! What clinics need around a handout's text (issue 23's part of the content contract): where a
//! handout comes from (`source`, `source_url`) on the page, in both PDFs, in the page's JSON-LD
//! and in `handouts.json`.

use crate::common;
use common::Fixture;

const VARIANT: &str = "content/microneedling/classic.md";

#[test]
fn a_source_line_reaches_the_page_both_pdfs_the_json_ld_and_the_catalog() {
    let f = Fixture::new();
    f.edit(
        VARIANT,
        "reviewed: 2026-03-14\n",
        "reviewed: 2026-03-14\nsource: Adapted from the CDC Vaccine Information Statement, edition 8/6/2021\nsource_url: https://www.cdc.gov/vaccines/hcp/current-vis/\n",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    common::assert_in_order(
        &page,
        &[
            "\"isBasedOn\":{\"@type\":\"CreativeWork\",\"name\":\"Adapted from the CDC Vaccine Information Statement, edition 8/6/2021\",\"url\":\"https://www.cdc.gov/vaccines/hcp/current-vis/\"}",
            "<p class=\"review\">",
            "<p class=\"source\">Source: <a href=\"https://www.cdc.gov/vaccines/hcp/current-vis/\">Adapted from the CDC Vaccine Information Statement, edition 8/6/2021</a></p>",
            "<p class=\"disclaimer\">",
        ],
    );
    for pdf in [
        "microneedling-classic.pdf",
        "microneedling-classic-large.pdf",
    ] {
        let text = common::pdftotext(&f.path("output/microneedling/classic").join(pdf));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        common::assert_in_order(
            &flat,
            &[
                "Source: Adapted from the CDC Vaccine Information Statement, edition 8/6/2021",
                "This handout is general information.",
            ],
        );
    }
    let catalog = f.read("output/handouts.json");
    assert!(catalog.contains("\"source\": \"Adapted from the CDC Vaccine Information Statement, edition 8/6/2021\",\n      \"source_url\": \"https://www.cdc.gov/vaccines/hcp/current-vis/\""), "{catalog}");
}

#[test]
fn a_procedure_gives_its_source_to_its_variants_and_a_bad_address_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/_procedure.md",
        "title: Microneedling\n",
        "title: Microneedling\nsource: Written by the clinic's nurses\n",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(
        page.contains("<p class=\"source\">Source: Written by the clinic’s nurses</p>")
            || page.contains("<p class=\"source\">Source: Written by the clinic&#39;s nurses</p>"),
        "{page}"
    );
    let f = Fixture::new();
    f.edit(
        VARIANT,
        "reviewed: 2026-03-14\n",
        "reviewed: 2026-03-14\nsource_url: www.cdc.gov/vis\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:5:13: `www.cdc.gov/vis` is not a web address.\n 5 | source_url: www.cdc.gov/vis\n   |             ^\n  fix: write the full address of the source, starting with https://, for example `source_url: https://www.cdc.gov/vaccines/hcp/current-vis/`.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn the_samples_classic_handout_credits_its_source_in_both_languages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("output");
    handouts::build(&common::build_options(&root.join("content"), &out))
        .unwrap_or_else(|d| panic!("{d}"));
    let en =
        std::fs::read_to_string(out.join("microneedling/classic/index.html")).unwrap_or_default();
    assert!(en.contains("<p class=\"source\">Source: Facts adapted from “Microneedling Aftercare and Recovery”, Don Mehrabi, 2021</p>"), "{en}");
    let es = common::pdftotext(&out.join("es/microneedling/classic/microneedling-classic.pdf"));
    assert!(
        es.contains(
            "Fuente: Datos tomados de «Microneedling Aftercare and Recovery», Don Mehrabi, 2021"
        ),
        "{es}"
    );
}

#[test]
fn the_emergency_line_opens_the_call_box_on_the_page_and_in_both_pdfs_in_every_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("output");
    handouts::build(&common::build_options(&root.join("content"), &out))
        .unwrap_or_else(|d| panic!("{d}"));
    for (lang, line, box_title, clinic) in [
        (
            "",
            "In an emergency, call 911 or go to the nearest emergency room.",
            "When to call us",
            "Call (555) 010-0142",
        ),
        (
            "es/",
            "En una emergencia, llame al 911 o vaya a la sala de emergencias más cercana.",
            "Cuándo llamarnos",
            "Llame al (555) 010-0142",
        ),
    ] {
        let page = std::fs::read_to_string(out.join(format!("{lang}microneedling/prp/index.html")))
            .unwrap_or_default();
        let html_line = line.replace("911", "<a href=\"tel:911\">911</a>");
        common::assert_in_order(
            &page,
            &[
                &format!(">{box_title}</h2>"),
                &format!("<p class=\"emergency-line\"><strong>{html_line}</strong></p>"),
                "<ul class=\"points points-when-to-call\">",
                "<p class=\"call-now\">",
            ],
        );
        for pdf in ["microneedling-prp.pdf", "microneedling-prp-large.pdf"] {
            let text = common::pdftotext(&out.join(format!("{lang}microneedling/prp/{pdf}")));
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            common::assert_in_order(&flat, &[box_title, line, clinic]);
        }
    }
}

#[test]
fn the_clinics_emergency_number_replaces_911_everywhere() {
    let f = Fixture::new();
    f.edit("content/clinic.yaml", "site:", "emergency: 112\nsite:");
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains("In an emergency, call <a href=\"tel:112\">112</a> or go to the nearest emergency room."), "{page}");
    assert!(
        page.contains("In an emergency, call 112.</p>"),
        "the disclaimer: {page}"
    );
    assert!(!page.contains("911"), "{page}");
    let text = common::pdftotext(&f.path("output/microneedling/classic/microneedling-classic.pdf"));
    assert!(!text.contains("911"), "{text}");
    assert!(text.contains("In an emergency, call 112"), "{text}");
    // The after-hours number is in the facts, on the page and on page 1 of the handout.
    assert!(
        page.contains(
            "<div><dt>After hours</dt><dd><a href=\"tel:5550100199\">(555) 010-0199</a></dd></div>"
        ),
        "{page}"
    );
    let first = std::process::Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-raw"])
        .arg(f.path("output/microneedling/classic/microneedling-classic.pdf"))
        .arg("-")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    assert!(first.contains("After hours"), "{first}");

    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "site:",
        "emergency: call the police\nsite:",
    );
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/clinic.yaml:4:12: `call the police` is not an emergency number.\n 4 | emergency: call the police\n   |            ^\n  fix: write the number people dial in an emergency where the clinic is, digits only, for example `emergency: 911` (US, Canada) or `emergency: 112` (EU).\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn one_mistake_in_clinic_yaml_is_one_message_and_every_other_field_still_holds() {
    // Each field broken in turn, with Spanish handouts present: exactly one error, on that field
    // (before, a wrong phone number fell back to English and made every translation an error).
    let cases = [
        (
            "phone: (555) 010-0100",
            "phone: call us",
            "content/clinic.yaml:2:8: ",
        ),
        (
            "after_hours_phone: (555) 010-0199",
            "after_hours_phone: later",
            "content/clinic.yaml:3:20: ",
        ),
        ("site:", "email: nobody\nsite:", "content/clinic.yaml:5:8: "),
        ("site:", "paper: legal\nsite:", "content/clinic.yaml:5:8: "),
        (
            "site:",
            "max_grade: hard\nsite:",
            "content/clinic.yaml:5:12: ",
        ),
        (
            "site:",
            "emergency: soon\nsite:",
            "content/clinic.yaml:5:12: ",
        ),
        (
            "base_url: https://clinic.example/care/handouts/",
            "base_url: handouts",
            "content/clinic.yaml:6:13: ",
        ),
    ];
    for (from, to, at) in cases {
        let f = Fixture::new();
        f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
        f.edit("content/clinic.yaml", from, to);
        f.write(
            "content/microneedling/_procedure.es.md",
            "---\ntitle: Microagujas\nsummary: Agujas finas que ayudan a la piel a renovarse.\n---\n\n## Haga\n\n- Lávese con suavidad.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o enrojecimiento.\n",
        );
        f.write(
            "content/microneedling/classic.es.md",
            "---\ntitle: Microagujas clásicas\nsummary: Qué esperar del tratamiento.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento.\n\n## Qué esperar\n\nCrema primero.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nUn poco.\n",
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1), "{to}");
        let firsts = common::message_lines(&out.stderr);
        assert_eq!(firsts.len(), 1, "{to}: {}", out.stderr);
        assert!(firsts[0].starts_with(at), "{to}: {}", out.stderr);
    }
}

#[test]
fn one_mistake_in_the_front_matter_is_one_message_on_that_field() {
    // Each field of a variant broken in turn: exactly one error, at that field's line, and none
    // about the fields around it or the sections below.
    let variant = "---\ntitle: Classic microneedling\nsummary: What to expect.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\nnext_review: 2027-03-14\nsessions: 4–6 sessions\ndowntime: 1–3 days\norder: 2\nwrite_in: true\nrequired_sections: all\nsource: Adapted from a sample\nsource_url: https://clinic.example/source\nplain_language_exempt: a text fixed by law\n---\n\n## What it is\n\nA treatment.\n\n## What to expect\n\nNumbing cream first.\n\n## Recovery timeline\n\n- **Days 1–3:** redness.\n\n## FAQ\n\n### Does it hurt?\n\nA little.\n";
    let cases = [
        ("title: Classic microneedling", "title: [Classic]", 2),
        ("summary: What to expect.", "summary: [What]", 3),
        ("reviewed: 2026-03-14", "reviewed: 2026-13-14", 4),
        (
            "reviewed_by: Dr. Test Reviewer",
            "reviewed_by: [Dr. A, Dr. B]",
            5,
        ),
        ("next_review: 2027-03-14", "next_review: soon", 6),
        ("sessions: 4–6 sessions", "sessions: {a: b}", 7),
        ("downtime: 1–3 days", "downtime: [1, 3]", 8),
        ("order: 2", "order: second", 9),
        ("write_in: true", "write_in: [patient, nurse]", 10),
        (
            "required_sections: all",
            "required_sections: [Aftercare]",
            11,
        ),
        ("source: Adapted from a sample", "source: [a, b]", 12),
        (
            "source_url: https://clinic.example/source",
            "source_url: clinic.example",
            13,
        ),
        (
            "plain_language_exempt: a text fixed by law",
            "plain_language_exempt: \"\"",
            14,
        ),
    ];
    for (from, to, line) in cases {
        let f = Fixture::new();
        f.write(VARIANT, variant);
        assert_eq!(
            f.run(&["check"]).code,
            Some(0),
            "the unbroken variant passes"
        );
        f.edit(VARIANT, from, to);
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1), "{to}");
        let firsts = common::message_lines(&out.stderr);
        assert_eq!(firsts.len(), 1, "{to}: {}", out.stderr);
        let at = format!("{VARIANT}:{line}:");
        assert!(firsts[0].starts_with(&at), "{to}: {}", out.stderr);
    }
}
