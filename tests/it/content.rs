//! The content contract's second version (sections as data, sections of the clinic's own,
//! `required_sections`, numbered and nested lists, tables, callouts, blanks): every rule an editor
//! writes to, its exact error messages, and what reaches the page and both PDFs.

use crate::common;
use common::Fixture;

/// Applies `edits` (file, from, to) to the valid fixture, runs `handouts check`, and compares all
/// of stderr.
fn assert_fails(edits: &[(&str, &str, &str)], expected: &str) {
    let f = Fixture::new();
    for (file, from, to) in edits {
        f.edit(file, from, to);
    }
    let out = f.run(&["check"]);
    assert_eq!(out.stderr, expected);
    assert_eq!(out.code, Some(1));
}

const VARIANT: &str = "content/microneedling/classic.md";
const PROCEDURE: &str = "content/microneedling/_procedure.md";
const WHAT_IT_IS: &str = "A treatment that makes tiny wounds so the skin builds collagen.";

#[test]
fn a_list_nested_two_levels_deep_is_an_error_at_its_line() {
    assert_fails(
        &[(
            PROCEDURE,
            "- Use sunscreen every day.",
            "- Use sunscreen every day.\n  - On your face\n    - Even indoors",
        )],
        "content/microneedling/_procedure.md:11:5: this list is nested two levels deep; a handout shows lists one level deep inside a list item, no deeper.\n 11 |     - Even indoors\n    |     ^\n  fix: remove some indentation so these points are items of the list above, or make them a list of their own.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_fifth_column_is_too_wide_for_a_printed_handout() {
    assert_fails(
        &[(
            VARIANT,
            WHAT_IT_IS,
            &format!("{WHAT_IT_IS}\n\n| A | B | C | D | E |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |"),
        )],
        "content/microneedling/classic.md:14:1: this table has 5 columns; a printed handout has room for at most 4.\n 14 | | A | B | C | D | E |\n    | ^\n  fix: split it into two tables, or write it as a list.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_row_with_more_cells_than_the_header_would_lose_one() {
    assert_fails(
        &[(
            VARIANT,
            WHAT_IT_IS,
            &format!("{WHAT_IT_IS}\n\n| A | B |\n|---|---|\n| 1 | 2 | 3 |"),
        )],
        "content/microneedling/classic.md:16:1: this row has 3 cells, but the table's header has 2, so the last would not be shown.\n 16 | | 1 | 2 | 3 |\n    | ^\n  fix: add a column to the header row (and the `|---|` line under it), or merge the extra cells into the others.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_table_in_a_list_section_is_an_error() {
    assert_fails(
        &[(
            PROCEDURE,
            "- Infection, which is rare.",
            "- Infection, which is rare.\n\n| A | B |\n|---|---|\n| 1 | 2 |",
        )],
        "content/microneedling/_procedure.md:19:1: the `Risks` section is a list of points; a subheading or a table cannot be in it.\n 19 | | A | B |\n    | ^\n  fix: make it a paragraph or a list item, or move it to a section of prose such as a section of your own.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_near_miss_of_a_title_is_a_typo_with_did_you_mean() {
    // Case, accents and punctuation set aside, at most two letters apart.
    let f = Fixture::new();
    f.edit(PROCEDURE, "## When to call us", "## When-to cal us!");
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with(
            "content/microneedling/_procedure.md:19:1: `## When-to cal us!` is not one of the handout's sections.\n"
        ),
        "{}",
        out.stderr
    );
    assert!(out
        .stderr
        .contains("fix: did you mean `## When to call us`?"));
    // Far from every title, a heading is a section of the clinic's own; plural and singular
    // forms of a title are aliases.
    let f = Fixture::new();
    f.edit(PROCEDURE, "## Risks", "## Risk");
    f.edit(VARIANT, "## FAQ", "## FAQs");
    f.edit(
        VARIANT,
        "## What to expect",
        "## Before your peel\n\nStop retinol creams a week before.\n\n## What to expect",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_fails(
        &[(VARIANT, "## Recovery timeline", "## Recovry timeline")],
        "content/microneedling/classic.md:18:1: `## Recovry timeline` is not one of the handout's sections.\n 18 | ## Recovry timeline\n    | ^\n  fix: did you mean `## Recovery timeline`? The sections are: What it is, Before your visit, What to expect, Recovery timeline, Do, Don’t, Risks, When to call us, Common questions.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn an_unknown_required_section_is_named_with_did_you_mean() {
    assert_fails(
        &[(
            "content/clinic.yaml",
            "site:",
            "required_sections: [What it is, Recovry timeline]\nsite:",
        )],
        "content/clinic.yaml:4:20: `Recovry timeline` in `required_sections` is not the name of one of the handout's sections.\n 4 | required_sections: [What it is, Recovry timeline]\n   |                    ^\n  fix: did you mean `Recovery timeline`? The sections are: What it is, Before your visit, What to expect, Recovery timeline, Do, Don’t, Risks, When to call us, Common questions.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_plain_quote_stays_an_error_whose_fix_names_the_callout_syntax() {
    assert_fails(
        &[(VARIANT, WHAT_IT_IS, &format!("{WHAT_IT_IS}\n\n> A plain quote."))],
        "content/microneedling/classic.md:14:1: a quote block (lines starting with `>`) cannot be shown in a handout.\n 14 | > A plain quote.\n    | ^\n  fix: remove the `>` and write it as a normal paragraph; for a box that stands out, start it with a line `> [!IMPORTANT]` (or `[!NOTE]`, `[!TIP]`, `[!WARNING]`, `[!CAUTION]`).\n\n1 problem found; nothing was written.\n",
    );
}

/// The fixture with Spanish added: `_procedure.es.md` and `classic.es.md`, each with the same
/// sections of the clinic's own as their originals when `own` is set.
fn with_spanish(f: &Fixture, own: bool) {
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    f.edit(
        VARIANT,
        "## What to expect",
        "## Day of treatment\n\nCome with a clean face.\n\n## What to expect",
    );
    let own_es = if own {
        "## El día del tratamiento\n\nVenga con la cara limpia.\n\n"
    } else {
        ""
    };
    f.write(
        "content/microneedling/_procedure.es.md",
        "---\ntitle: Microagujas\nsummary: Agujas finas que ayudan a la piel a renovarse.\n---\n\n## Haga\n\n- Lávese con suavidad.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o enrojecimiento.\n",
    );
    f.write(
        "content/microneedling/classic.es.md",
        &format!("---\ntitle: Microagujas clásicas\nsummary: Qué esperar del tratamiento.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento.\n\n{own_es}## Qué esperar\n\nCrema primero.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nUn poco.\n"),
    );
}

#[test]
fn a_translation_whose_own_sections_do_not_match_names_both_files() {
    let f = Fixture::new();
    with_spanish(&f, false);
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.es.md: this translation has no section of the clinic's own, and its original `classic.md` has 1 section (`## Day of treatment`); a translation's sections are matched to the original's by their order, so both need the same number.\n  fix: translate each section of the clinic's own in `content/microneedling/classic.md` under a heading in this file's language, in the same order, and add no others.\n\n1 problem found; nothing was written.\n"
    );
    assert_eq!(out.code, Some(1));
}

#[test]
fn own_sections_are_shown_where_written_inherited_and_matched_by_position() {
    let f = Fixture::new();
    with_spanish(&f, true);
    // In `_procedure.md`, a section of the clinic's own written first comes before every
    // standard section, and every variant inherits it.
    f.edit(
        PROCEDURE,
        "## Do\n",
        "## Costs\n\nAsk the front desk for a quote.\n\n## Do\n",
    );
    f.edit(
        "content/microneedling/_procedure.es.md",
        "## Haga\n",
        "## Precios\n\nPida un presupuesto en recepción.\n\n## Haga\n",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let en = f.read("output/microneedling/classic/index.html");
    let es = f.read("output/es/microneedling/classic/index.html");
    let order = [
        "id=\"costs\"",
        "id=\"what-it-is\"",
        "id=\"day-of-treatment\"",
        "id=\"what-to-expect\"",
        "id=\"recovery-timeline\"",
        "id=\"do\"",
    ];
    common::assert_in_order(&en, &order);
    // The Spanish page keeps the original's anchors, matched by position.
    common::assert_in_order(&es, &order);
    assert!(en.contains("<li><a href=\"#day-of-treatment\">Day of treatment</a></li>"));
    assert!(es.contains("<li><a href=\"#day-of-treatment\">El día del tratamiento</a></li>"));
    assert!(es.contains("<h2 id=\"costs-h\">Precios</h2>"));
    assert!(en.contains("class=\"section section-own shape-prose\""));
    // In the PDF: an H2 in the outline and in the tagged structure.
    let text = common::pdftotext(&f.path("output/microneedling/classic/microneedling-classic.pdf"));
    common::assert_in_order(
        &text,
        &[
            "Costs",
            "Ask the front desk",
            "What it is",
            "Day of treatment",
            "Come with a clean face",
            "What to expect",
        ],
    );
}

#[test]
fn required_sections_decide_what_may_be_left_out() {
    // A vaccine sheet needs no recovery timeline: `_procedure.md` says which sections it needs,
    // and an optional section present nowhere is left out, heading and "On this page" entry too.
    let f = Fixture::new();
    f.edit(
        PROCEDURE,
        "summary: Tiny needles that help the skin renew itself.\n",
        "summary: Tiny needles that help the skin renew itself.\nrequired_sections: [What it is, When to call us]\n",
    );
    f.edit(
        VARIANT,
        "## Recovery timeline\n\n- **Days 1–3:** redness like a mild sunburn.\n- **Week 2:** the skin looks smoother.\n\n",
        "",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(!page.contains("Recovery timeline"), "{page}");
    assert!(!page.contains("Before your visit"));
    // The clinic's `all` (the default) still requires it elsewhere; a variant may say `[]`.
    let f = Fixture::new();
    f.edit(
        VARIANT,
        "## Recovery timeline\n\n- **Days 1–3:** redness like a mild sunburn.\n- **Week 2:** the skin looks smoother.\n\n",
        "",
    );
    let out = f.run(&["check"]);
    assert!(
        out.stderr.starts_with(
            "content/microneedling/classic.md: the section `## Recovery timeline` is missing.\n"
        ),
        "{}",
        out.stderr
    );
    f.edit(
        VARIANT,
        "downtime: 1–3 days\n",
        "downtime: 1–3 days\nrequired_sections: []\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

/// The structure tree of the PDF at `pdf` as text (`pdfinfo -struct-text`, from poppler-utils,
/// which the CI installs).
fn struct_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    assert!(out.status.success(), "pdfinfo: {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The outline (bookmark) titles of the PDF at `pdf`, in order.
fn outline(pdf: &std::path::Path) -> Vec<String> {
    use handouts_print::lopdf;
    let doc = lopdf::Document::load(pdf).unwrap_or_else(|e| panic!("{e}"));
    let catalog = doc.catalog().unwrap_or_else(|e| panic!("{e}"));
    let root = catalog
        .get(b"Outlines")
        .and_then(|o| o.as_reference())
        .and_then(|id| doc.get_dictionary(id));
    let mut next = root
        .ok()
        .and_then(|r| r.get(b"First").ok())
        .and_then(|f| f.as_reference().ok());
    let mut titles = Vec::new();
    while let Some(id) = next {
        let entry = doc.get_dictionary(id).unwrap_or_else(|e| panic!("{e}"));
        let title = entry
            .get(b"Title")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        titles.push(
            lopdf::decode_text_string(entry.get(b"Title").unwrap_or(&lopdf::Object::Null))
                .unwrap_or_else(|_| String::from_utf8_lossy(title).into_owned()),
        );
        next = entry.get(b"Next").ok().and_then(|n| n.as_reference().ok());
    }
    titles
}

/// The sample built into a temporary folder (kept alive with the returned guard).
fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("output");
    handouts::build(&common::build_options(&root.join("content"), &out))
        .unwrap_or_else(|d| panic!("the sample does not build: {d}"));
    (dir, out)
}

#[test]
fn the_samples_table_callout_and_numbered_list_on_the_page_and_in_the_tagged_pdf() {
    let (_dir, out) = sample();
    let page = std::fs::read_to_string(out.join("microneedling/classic/index.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    common::assert_in_order(
        &page,
        &[
            "<div class=\"callout callout-important\" role=\"note\">",
            "<p class=\"callout-label\">Important</p>",
            "<table>",
            "<th scope=\"col\">Treatments</th><th scope=\"col\" class=\"align-center\">How many</th>",
            "<td>First series</td><td class=\"align-center\">4–6\u{a0}sessions</td>",
            "</table>",
            "<section id=\"day-of-treatment\" class=\"section section-own shape-list\"",
            "<ol class=\"points points-own\">",
            "<li>We clean your skin and put on numbing cream.</li>",
        ],
    );
    let es = std::fs::read_to_string(out.join("es/microneedling/classic/index.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        es.contains("<p class=\"callout-label\">Importante</p>"),
        "{es}"
    );
    for pdf in [
        "microneedling-classic.pdf",
        "microneedling-classic-large.pdf",
    ] {
        let tree = struct_text(&out.join("microneedling/classic").join(pdf));
        common::assert_in_order(
            &tree,
            &[
                "Div",
                "\"Important \"",
                "Table",
                "THead",
                "TH:",
                "/Scope /Column",
                "\"Treatments \"",
                "TBody",
                "TD",
                "\"First series \"",
                "\"Day of treatment \"",
                "Lbl",
                "\"1. \"",
                "LBody",
                "\"We clean your skin",
            ],
        );
    }
    // The section of the clinic's own is an H2 of the tagged structure and an outline entry,
    // where it is written.
    let tree = struct_text(&out.join("microneedling/classic/microneedling-classic.pdf"));
    assert!(
        tree.contains("H2 (block)\n    \"Day of treatment \""),
        "{tree}"
    );
    assert_eq!(
        outline(&out.join("microneedling/classic/microneedling-classic.pdf")),
        [
            "What it is",
            "What to expect",
            "Day of treatment",
            "Recovery timeline",
            "Do",
            "Don’t",
            "Risks",
            "When to call us",
            "Common questions"
        ]
    );
    // In large print the three columns still fit at 18 pt: the table stays a table.
    let text =
        common::pdftotext(&out.join("microneedling/classic/microneedling-classic-large.pdf"));
    assert!(text.contains("Treatments"), "{text}");
}

#[test]
fn the_samples_checklist_nested_list_and_blank_on_the_page_and_in_the_tagged_pdf() {
    let (_dir, out) = sample();
    let page = std::fs::read_to_string(out.join("microneedling/prp/index.html"))
        .unwrap_or_else(|e| panic!("{e}"));
    common::assert_in_order(
        &page,
        &[
            "<li><a href=\"#before-your-visit\">Before your visit</a></li>",
            "<section id=\"before-your-visit\" class=\"section section-before-your-visit shape-checklist\"",
            "<ul class=\"points points-before-your-visit checklist\">",
            "<li>Tell us every medicine and supplement you take, and if you have a bleeding disorder.\n<ul>\n<li><strong>Blood thinners or prescribed aspirin:</strong>",
            "Leave the PRP on your skin for <span class=\"blank\" role=\"img\" aria-label=\"blank to fill in\" style=\"--chars:4\"></span> hours",
        ],
    );
    let tree = struct_text(&out.join("microneedling/prp/microneedling-prp.pdf"));
    common::assert_in_order(
        &tree,
        &[
            "\"Before your visit \"",
            "L (block)",
            "LI (block)",
            "Lbl",
            "LBody",
            "\"Tell us every medicine",
            "L (block)",
            "\"Blood thinners or prescribed aspirin:",
            "\"What to expect \"",
            "\"Leave the PRP on your skin for ",
            "Form",
            "hours, as your clinician tells you.",
        ],
    );
}

#[test]
fn every_construct_a_handout_cannot_show_is_an_error_at_its_line() {
    // Everything pulldown-cmark produces with the options a handout is read with, but cannot
    // show, each inserted under `## What it is` (line 14 is the first line after its paragraph).
    let cases: &[(&str, &str)] = &[
        ("```\ncode\n```", "14:1: a code block (text indented by four spaces or fenced with ```) cannot be shown in a handout."),
        ("    indented code", "14:5: a code block (text indented by four spaces or fenced with ```) cannot be shown in a handout."),
        ("<div>\nhidden\n</div>", "14:1: raw HTML cannot be shown in a handout."),
        ("<!-- a note -->", "14:1: raw HTML cannot be shown in a handout."),
        ("Some <b>bold</b> words.", "14:6: raw HTML is not allowed in handout text."),
        ("***", "14:1: a horizontal rule (`---` or `***`) cannot be shown in a handout."),
        ("# A title", "14:1: a `#` heading is not used in the body; the title comes from the front matter."),
        ("A title\n=======", "14:1: a `#` heading is not used in the body; the title comes from the front matter."),
        ("> A quote.", "14:1: a quote block (lines starting with `>`) cannot be shown in a handout."),
        ("Words ![a picture](images/x.png) in a sentence.", "14:7: a picture cannot stand inside a sentence or a list item."),
        ("- An item\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |", "16:3: a table inside a list item cannot be shown in a handout."),
        ("> [!NOTE]\n> ### A heading", "15:3: a callout box can hold paragraphs, lists, tables and pictures, not headings or other boxes."),
        ("> [!TIP]", "14:1: this callout box is empty."),
        ("- a\n  - b\n    - c", "16:5: this list is nested two levels deep; a handout shows lists one level deep inside a list item, no deeper."),
    ];
    for (markdown, first) in cases {
        let f = Fixture::new();
        f.edit(VARIANT, WHAT_IT_IS, &format!("{WHAT_IT_IS}\n\n{markdown}"));
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1), "{markdown:?}: {}", out.stderr);
        let line = out.stderr.lines().next().unwrap_or_default();
        assert_eq!(
            line,
            format!("content/microneedling/classic.md:{first}"),
            "{markdown:?}:\n{}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with("1 problem found; nothing was written.\n"),
            "{markdown:?}: one mistake, one message:\n{}",
            out.stderr
        );
    }
}
