//! `keep_whole:` in clinic.yaml: a word the clinic lists is never broken at a line end in its
//! printed handouts, and an empty entry is a located error.

use crate::common;
use common::{pdftotext, Fixture};

const PDF: &str = "output/microneedling/classic/microneedling-classic.pdf";

/// A long made-up product name, which the English patterns hyphenate.
const NAME: &str = "Dermaplanexiatron";

/// The lines of the regular PDF's text that end in a piece of [`NAME`] and a hyphen.
fn broken(f: &Fixture) -> Vec<String> {
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    pdftotext(&f.path(PDF))
        .lines()
        .filter(|l| {
            l.ends_with('-')
                && NAME.starts_with(l.rsplit(' ').next().unwrap_or("-").trim_end_matches('-'))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_word_listed_in_clinic_yaml_is_kept_whole_in_the_pdf() {
    let f = Fixture::new();
    // In the half-width Do column, where a line that cannot take the name is loose.
    let words = format!("Use a {NAME} now. ").repeat(20);
    f.edit(
        "content/microneedling/_procedure.md",
        "- Wash gently with a mild cleanser.",
        &format!("- {}", words.trim_end()),
    );
    assert!(
        !broken(&f).is_empty(),
        "the name should need a hyphen: {}",
        pdftotext(&f.path(PDF))
    );
    f.edit(
        "content/clinic.yaml",
        "name: Test Clinic (sample)",
        "name: Test Clinic (sample)\nkeep_whole: [dermaplanexiatron]",
    );
    assert_eq!(broken(&f), Vec::<String>::new());
    let text = pdftotext(&f.path(PDF));
    assert_eq!(text.matches(NAME).count(), 20, "{text}");
}

#[test]
fn an_empty_keep_whole_word_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "name: Test Clinic (sample)",
        "name: Test Clinic (sample)\nkeep_whole: [Botox, \"\"]",
    );
    let out = f.run(&["build"]);
    assert_ne!(out.code, Some(0));
    assert!(
        out.stderr.contains("the list has an empty word."),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("clinic.yaml:"), "{}", out.stderr);
}
