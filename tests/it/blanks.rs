//! Blank sets (issue 23's part of the content contract): `write_in:` is `true`, `false` or the
//! names of the blanks to print, in order, from the theme's `blanks.yaml`; `_procedure.md` sets
//! the default of its variants; a translation follows its original; a theme adds its own blanks.

use crate::common::{self, message_lines, Fixture};
use crate::languages::spanish;
use crate::sheet::fields;
use handouts_print::lopdf::Document;

const VARIANT: &str = "content/microneedling/classic.md";
const PDF: &str = "output/microneedling/classic/microneedling-classic.pdf";

/// The form fields of the PDF at `rel` in the fixture: (name, tooltip) in print order.
fn form(f: &Fixture, rel: &str) -> Vec<(String, String)> {
    let doc = Document::load(f.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    fields(&doc).into_iter().map(|(n, t, _)| (n, t)).collect()
}

fn names(found: &[(String, String)]) -> Vec<&str> {
    found.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn a_list_of_blanks_prints_those_blanks_in_that_order_where_the_table_places_them() {
    let f = Fixture::new();
    f.edit(
        VARIANT,
        "reviewed:",
        "write_in: [given_by, lot_number, injection_site, time_given, notes]\nreviewed:",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for rel in [
        PDF,
        "output/microneedling/classic/microneedling-classic-large.pdf",
    ] {
        let found = form(&f, rel);
        assert_eq!(
            found,
            [
                ("given-by", "Given by"),
                ("lot-number", "Lot number"),
                ("injection-site", "Injection site"),
                ("time-given", "Time given"),
                ("notes", "Notes"),
            ]
            .map(|(n, t)| (n.to_string(), t.to_string())),
            "{rel}"
        );
        // The labels print in that order: the four at the top under the title, before the first
        // section; the notes after the last.
        let text = common::pdftotext(&f.path(rel));
        common::assert_in_order(
            &text,
            &[
                "Classic microneedling",
                "Given by",
                "Lot number",
                "Injection site",
                "Time given",
                "What it is",
                "Does it hurt?",
                "Notes",
            ],
        );
        assert!(!text.contains("Patient name"), "{rel}");
        assert!(!text.contains("Next appointment"), "{rel}");
    }
}

#[test]
fn true_is_the_usual_set_and_an_empty_list_is_none() {
    let f = Fixture::new();
    f.edit(VARIANT, "reviewed:", "write_in: true\nreviewed:");
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        names(&form(&f, PDF)),
        [
            "patient-name",
            "treatment-date",
            "treated-area",
            "clinician",
            "next-appointment",
            "notes"
        ]
    );
    f.edit(VARIANT, "write_in: true", "write_in: []");
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(form(&f, PDF).is_empty());
}

#[test]
fn the_procedure_sets_the_default_a_variant_its_own_and_a_translation_follows_its_original() {
    let f = spanish();
    f.edit(
        "content/microneedling/_procedure.md",
        "title: Microneedling\n",
        "title: Microneedling\nwrite_in: [patient, escort]\n",
    );
    let other = f.read(VARIANT);
    f.write("content/microneedling/other.md", &other);
    f.edit(
        "content/microneedling/other.md",
        "reviewed:",
        "write_in: [lot_number]\nreviewed:",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(names(&form(&f, PDF)), ["patient-name", "escort"]);
    assert_eq!(
        names(&form(
            &f,
            "output/microneedling/other/microneedling-other.pdf"
        )),
        ["lot-number"]
    );
    // The Spanish classic says nothing, so it follows its original, in Spanish words.
    assert_eq!(
        form(
            &f,
            "output/es/microneedling/classic/microneedling-classic.pdf"
        ),
        [
            ("patient-name", "Paciente"),
            ("escort", "Persona adulta que lo lleva a casa")
        ]
        .map(|(n, t)| (n.to_string(), t.to_string()))
    );
}

#[test]
fn an_unknown_blank_is_one_located_error_with_did_you_mean() {
    let f = Fixture::new();
    f.edit(
        VARIANT,
        "reviewed:",
        "write_in: [patient, lot_nmber, date]\nreviewed:",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:4:21: `lot_nmber` in `write_in` is not a write-in blank.\n 4 | write_in: [patient, lot_nmber, date]\n   |                     ^\n  fix: did you mean `lot_number`? The blanks are: patient, date, treated_area, clinician, lot_number, injection_site, given_by, time_given, escort, next_appointment, notes.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_blank_listed_twice_or_a_list_in_a_list_is_an_error_at_its_place() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/_procedure.md",
        "title: Microneedling\n",
        "title: Microneedling\nwrite_in:\n  - patient\n  - notes\n  - patient\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(
        message_lines(&out.stderr),
        ["content/microneedling/_procedure.md:6:5: `patient` is listed twice in `write_in`."]
    );
    f.edit(
        "content/microneedling/_procedure.md",
        "  - patient\n  - notes\n  - patient\n",
        "  - [patient]\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(
        message_lines(&out.stderr),
        ["content/microneedling/_procedure.md:3:1: `write_in` must list blank names, each a single word."]
    );
}

#[test]
fn a_theme_adds_a_blank_with_its_table_entry_and_its_label() {
    let f = Fixture::new();
    let table = include_str!("../../themes/default/blanks.yaml");
    f.write(
        "themes/clinic/blanks.yaml",
        &format!("{table}  - name: weight\n    place: top\n"),
    );
    f.edit(
        VARIANT,
        "reviewed:",
        "write_in: [patient, weight]\nreviewed:",
    );
    // Without its label the theme is refused, naming the label to add.
    let build = ["build", "--theme", "themes/clinic"];
    let out = f.run(&build);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let theme_lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("themes/"))
        .collect();
    assert_eq!(
        theme_lines,
        [
            "themes/default/labels/en.yaml: the en labels have no label for the write-in blank `weight`.",
            "themes/default/labels/es.yaml: the es labels have no label for the write-in blank `weight`."
        ]
    );
    // The theme's labels name only the new blank: the others keep the built-in words.
    f.write(
        "themes/clinic/labels/en.yaml",
        "blanks:\n  weight: \"Weight\"\n",
    );
    f.write(
        "themes/clinic/labels/es.yaml",
        "blanks:\n  weight: \"Peso\"\n",
    );
    let out = f.run(&build);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        form(&f, PDF),
        [("patient-name", "Patient name"), ("weight", "Weight")]
            .map(|(n, t)| (n.to_string(), t.to_string()))
    );
}

#[test]
fn the_sample_shows_a_handout_with_its_own_blank_set() {
    // The medium peel may follow medicine to relax: its sheet records who takes the patient home.
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = handouts::model::Date::parse("2026-11-01").unwrap();
    let (site, _, _) = handouts::check(&repo.join("content"), None, today).unwrap();
    let variant = |slug: &str| {
        site.books[0]
            .procedures
            .iter()
            .flat_map(|p| &p.variants)
            .find(|v| v.slug.as_str() == slug)
            .unwrap_or_else(|| panic!("the sample has `{slug}`"))
            .write_in
            .clone()
    };
    assert_eq!(
        variant("medium"),
        [
            "patient",
            "date",
            "treated_area",
            "clinician",
            "escort",
            "next_appointment",
            "notes"
        ]
    );
    assert_eq!(
        variant("prp"),
        [
            "patient",
            "date",
            "treated_area",
            "clinician",
            "next_appointment",
            "notes"
        ]
    );
}
