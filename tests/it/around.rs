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
                "These handouts are general information.",
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
