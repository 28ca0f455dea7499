use super::*;
use crate::labels::LabelSets;
use crate::model::Lang as ModelLang;
use std::path::Path;

fn labels() -> LabelSets {
    crate::theme::Theme::builtin_labels()
}

/// Reads `text` (a whole file: front matter, then body) as English or Spanish.
fn read_text(text: &str, lang: &str) -> (FileReading, Diagnostics) {
    read_file(text, lang, false)
}

/// Reads `text` as English or Spanish, as a file `exempt` from the checks or not.
fn read_file(text: &str, lang: &str, exempt: bool) -> (FileReading, Diagnostics) {
    let sets = labels();
    let labels = sets
        .get(&ModelLang::parse(lang).unwrap_or(ModelLang::EN))
        .unwrap_or_else(|| panic!("{lang} labels"));
    let split = crate::front_matter::split(text).unwrap_or_else(|e| panic!("{e:?}"));
    let body = Body {
        file: Path::new("content/p/v.md"),
        text,
        markdown: crate::markdown::Parsed::new(split.body),
        offset: split.body_offset,
        allowed_html: &[],
        labels,
        images: &crate::validate::images::Images::new(Path::new("content")),
    };
    let mut diags = Diagnostics::new();
    let reading = read(&body, exempt, &mut diags);
    (reading, diags)
}

fn counts(reading: &FileReading, kind: &str) -> (usize, usize, usize, usize) {
    let c = &reading
        .sections
        .as_ref()
        .unwrap_or_else(|| panic!("measured"))[kind]
        .counts;
    (c.words, c.sentences, c.syllables, c.polysyllables)
}

fn messages(diags: &Diagnostics) -> Vec<String> {
    diags
        .sorted()
        .iter()
        .map(|d| {
            let l = d.location.unwrap_or_else(|| panic!("located"));
            format!("{}:{}: {}", l.line, l.column, d.message)
        })
        .collect()
}

#[test]
fn sections_are_measured_without_headings_or_questions() {
    // The module's hand-counted text (20 words, 3 sentences, 30 syllables, 1 polysyllable), split
    // over a paragraph and a list item; the FAQ question is a heading and is not counted.
    let text = "---\ntitle: T\n---\n\n## What it is\n\nWash your face gently. Avoid direct sunlight for two days.\n\n## Do\n\n- Call the clinic if you notice swelling, blisters, or infection.\n\n## FAQ\n\n### Is microneedling uncomfortable afterwards?\n\nNo.\n";
    let (reading, diags) = read_text(text, "en");
    assert!(diags.is_empty(), "{diags}");
    assert_eq!(counts(&reading, "what-it-is"), (10, 2, 14, 0));
    assert_eq!(counts(&reading, "do"), (10, 1, 16, 1));
    assert_eq!(counts(&reading, "faq"), (1, 1, 1, 0));
}

#[test]
fn the_clinics_own_sections_and_table_cells_are_measured_as_prose() {
    // The same 10 words, 2 sentences and 14 syllables, in a section of the clinic's own and in a
    // table's cells.
    let text = "---\ntitle: T\n---\n\n## Day of treatment\n\nWash your face gently. Avoid direct sunlight for two days.\n\n## What it is\n\n| Wash your face gently. | Avoid direct sunlight for two days. |\n|---|---|\n| x | y |\n";
    let (reading, diags) = read_text(text, "en");
    assert!(diags.is_empty(), "{diags}");
    assert_eq!(counts(&reading, "own:day of treatment"), (10, 2, 14, 0));
    assert_eq!(counts(&reading, "what-it-is"), (12, 4, 16, 0));
}

#[test]
fn every_kind_of_warning_points_at_its_text() {
    // 27 words, none of them long.
    let long = "Rest and drink some water and eat well and sleep and then rest some more and walk a bit and then rest and read and sleep again";
    let text = format!(
        "---\ntitle: T\n---\n\n## What it is\n\n{long}. Mild **erythema** is normal.\n\n## Do\n\n- Rest well. Rest more. {long}.\n- Rest. {long}.\n"
    );
    let erythema = text
        .lines()
        .nth(6)
        .and_then(|l| l.find("erythema"))
        .unwrap_or(0)
        + 1;
    let (_, diags) = read_text(&text, "en");
    assert_eq!(
        messages(&diags),
        [
            "7:1: this sentence has 27 words; a sentence of more than 25 is hard to follow.".to_string(),
            format!("7:{erythema}: `erythema` is jargon that many patients do not know."),
            // 31 words in the item: one warning for the item, none for its long sentence.
            "11:3: this list item has 31 words; an item of more than 30 is hard to take in at a glance.".into(),
            // 28 words: short enough for an item, but its sentence is long.
            "12:9: this sentence has 27 words; a sentence of more than 25 is hard to follow.".into(),
        ]
    );
    assert!(diags
        .iter()
        .all(|d| d.lint == Some(crate::diag::Lint::PlainLanguage)));
    assert!(!diags.has_errors());
}

fn report(lang: readability::Lang, counts: (usize, usize, usize, usize)) -> Report {
    Report {
        lang,
        words: counts.0,
        sentences: counts.1,
        syllables: counts.2,
        polysyllables: counts.3,
    }
}

fn grade_message(counts: &Report, max_grade: f64) -> Option<String> {
    let g = findings::Grade {
        handout: "v.md",
        counts,
        section: "What it is",
        section_counts: counts,
        max_grade,
    };
    findings::grade(Diagnostic::warning(String::new()), &g).map(|d| d.message)
}

#[test]
fn the_grade_is_compared_as_it_is_shown() {
    // 8 words, 1 sentence, 29 syllables: FK = 0.39 × 8 + 11.8 × 29/8 − 15.59 = 30.305, shown 30.3;
    // 7 polysyllables: SMOG = 1.0430 × √210 + 3.1291 = 18.24.
    let hard = report(readability::Lang::En, (8, 1, 29, 7));
    assert_eq!(
        grade_message(&hard, 8.0).as_deref(),
        Some("`v.md` reads at grade 30.3 (Flesch–Kincaid; SMOG 18.2), above the clinic's `max_grade` of 8; its hardest section is `What it is`, at grade 30.3.")
    );
    assert_eq!(grade_message(&hard, 30.3), None);
}

#[test]
fn spanish_uses_the_corrected_fernandez_huerta_grade_and_its_own_jargon() {
    // The module's hand-counted text: 18 words, 3 sentences, 31 syllables (3 of 3+: Evite, durante,
    // clínica). Law's FH = 206.84 − 0.60 × 172.22 − 1.02 × 6 = 97.39; grade = 5 + (100 − 97.39) / 10
    // = 5.26, shown 5.3; INFLESZ = 93.54.
    let text = "---\ntitle: T\n---\n\n## Qué es\n\nLave su cara con agua. Evite el sol durante dos días. Llame a la clínica si tiene fiebre.\n\n## Riesgos\n\n- Eritema que pasa en dos o tres días.\n";
    let (reading, diags) = read_text(text, "es");
    assert_eq!(counts(&reading, "what-it-is"), (18, 3, 31, 3));
    let c = report(readability::Lang::Es, (18, 3, 31, 3));
    assert_eq!(
        grade_message(&c, 5.0).as_deref(),
        Some("`v.md` reads at grade 5.3 (Fernández-Huerta 97.4 with Law's correction; INFLESZ 93.5, “muy fácil”), above the clinic's `max_grade` of 5; its hardest section is `What it is`, at grade 5.3.")
    );
    assert_eq!(
        messages(&diags),
        ["11:3: `Eritema` is jargon that many patients do not know."]
    );
    assert_eq!(
        diags.sorted()[0].hint.as_deref(),
        Some("write `enrojecimiento` instead.")
    );
}

#[test]
fn the_hardest_section_is_one_long_enough_to_measure() {
    let section = |title: &str, counts: (usize, usize, usize, usize)| SectionReading {
        title: title.into(),
        heading: Diagnostic::warning(String::new()),
        counts: report(readability::Lang::En, counts),
        warnings: Vec::new(),
    };
    // "Again." alone reads at grade 8.4, above the 40-word section (7.2) and the 30-word one (0.9),
    // but is too short to measure: the 40-word section is the one to rewrite.
    let tiny = section("Tiny", (1, 1, 2, 0));
    let long = section("Long", (40, 4, 64, 6));
    let easy = section("Easy", (30, 5, 36, 0));
    let pick = |s: &[&SectionReading]| hardest(s).map(|s| s.title.clone());
    assert_eq!(pick(&[&tiny, &easy, &long]).as_deref(), Some("Long"));
    assert_eq!(pick(&[&tiny, &easy]).as_deref(), Some("Easy"));
    // None long enough: the longest.
    let short = section("Short", (12, 2, 15, 0));
    assert_eq!(pick(&[&tiny, &short]).as_deref(), Some("Short"));
    assert_eq!(pick(&[]), None);
}

#[test]
fn a_language_without_rules_is_not_measured() {
    let mut sets = labels();
    let mut fr = sets
        .remove(&ModelLang::EN)
        .unwrap_or_else(|| panic!("en labels"));
    fr.lang = ModelLang::parse("fr").unwrap_or(ModelLang::EN);
    let text = "---\ntitle: T\n---\n\n## What it is\n\nMild erythema.\n";
    let split = crate::front_matter::split(text).unwrap_or_else(|e| panic!("{e:?}"));
    let body = Body {
        file: Path::new("content/p/v.fr.md"),
        text,
        markdown: crate::markdown::Parsed::new(split.body),
        offset: split.body_offset,
        allowed_html: &[],
        labels: &fr,
        images: &crate::validate::images::Images::new(Path::new("content")),
    };
    let mut diags = Diagnostics::new();
    assert_eq!(read(&body, false, &mut diags), FileReading::default());
    assert!(diags.is_empty());
}

#[test]
fn an_exempt_file_is_measured_but_warns_of_nothing() {
    let text = "---\ntitle: T\n---\n\n## What it is\n\nMild erythema. Occasionally, individuals experience considerable discomfort.\n";
    let (checked, diags) = read_text(text, "en");
    assert_eq!(
        messages(&diags),
        ["7:6: `erythema` is jargon that many patients do not know."]
    );
    let (exempt, diags) = read_file(text, "en", true);
    assert!(diags.is_empty(), "{diags}");
    assert_eq!(
        counts(&exempt, "what-it-is"),
        counts(&checked, "what-it-is")
    );
}
