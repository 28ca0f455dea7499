//! Plain-language warnings: each kind with its exact message and place, figures computed by hand,
//! `--strict`, `max_grade`, and the bundled sample (which must have none).

use crate::common;
use common::{snapshot, Fixture};

/// Runs `handouts check` and compares all of stderr; the warnings do not fail the check.
fn assert_warns(f: &Fixture, expected: &str) {
    let out = f.run(&["check"]);
    assert_eq!(out.stderr, expected);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        "All 1 handouts are correct (see the warnings above).\n"
    );
}

/// Adds a Spanish translation of the fixture whose `## Qué es` says `what_it_is`.
fn spanish(f: &Fixture, what_it_is: &str) {
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    f.write(
        "content/microneedling/_procedure.es.md",
        "---\ntitle: Microagujas\nsummary: Agujas finas.\n---\n\n## Haga\n\n- Lave la piel con agua.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o piel roja que crece.\n",
    );
    f.write(
        "content/microneedling/classic.es.md",
        &format!("---\ntitle: Microagujas clásicas\nsummary: Qué esperar.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## Qué es\n\n{what_it_is}\n\n## Qué esperar\n\nCrema para adormecer y luego unos 15 minutos de agujas.\n\n## Recuperación\n\n- **Días 1–3:** piel roja, como una quemadura de sol leve.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nCasi todos sienten presión, no dolor.\n"),
    );
}

/// A handout whose eight sections are all its own: a hard first one, then one or two short words
/// each, so the whole can be counted by hand.
fn counted(what_it_is: &str) -> String {
    format!("---\ntitle: Counted microneedling\nsummary: A handout small enough to count.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## What it is\n\n{what_it_is}\n\n## What to expect\n\nRest.\n\n## Recovery timeline\n\n- **Day 1:** Rest.\n\n## Do\n\n- Rest.\n\n## Don't\n\n- Run.\n\n## Risks\n\n- Pain.\n\n## When to call us\n\n- A fever.\n\n## FAQ\n\n### Why?\n\nTo heal.\n")
}

#[test]
fn a_hard_handout_is_reported_at_its_hardest_section_with_hand_computed_grades() {
    // What it is: Oc-ca-sion-al-ly (5), in-di-vid-u-als (5), ex-pe-ri-ence (4), con-sid-er-a-ble
    // (5), dis-com-fort (3), fol-low-ing (3), the (1), pro-ce-dure (3): 8 words, 1 sentence,
    // 29 syllables, 7 of three or more; alone FK = 0.39 × 8 + 11.8 × 29/8 − 15.59 = 30.3.
    // The rest: "Rest." 1/1/1, "Day 1: Rest." 3/1/3, "Rest." 1/1/1, "Run." 1/1/1, "Pain." 1/1/1,
    // "A fever." 2/1/3, "To heal." 2/1/2 (the question is a heading, not counted).
    // Handout: 19 words, 8 sentences, 41 syllables, 7 polysyllables.
    // FK   = 0.39 × 19/8 + 11.8 × 41/19 − 15.59 = 0.926 + 25.463 − 15.59 = 10.80 → 10.8
    // SMOG = 1.0430 × √(7 × 30/8) + 3.1291 = 1.0430 × 5.123 + 3.1291 = 8.47 → 8.5
    let f = Fixture::new();
    f.write(
        "content/microneedling/counted.md",
        &counted(
            "Occasionally, individuals experience considerable discomfort following the procedure.",
        ),
    );
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/counted.md:8:1: warning: `counted.md` reads at grade 10.8 (Flesch–Kincaid; SMOG 8.5), above the clinic's `max_grade` of 8; its hardest section is `What it is`, at grade 30.3.\n 8 | ## What it is\n   | ^\n  fix: start with this section: shorter sentences and everyday words; patient handouts should read at grade 6 to 8 (AMA, NIH and CDC guidance).\n\n"
    );
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stdout,
        "All 2 handouts are correct (see the warnings above).\n"
    );
    // One short sentence alone does not decide a grade: the same words in a plain handout pass.
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "## FAQ",
        "## What to expect\n\nAgain.\n\n## FAQ",
    );
    assert!(!f.run(&["check"]).stderr.contains("reads at grade"));
}

#[test]
fn a_hard_spanish_handout_uses_fernandez_huerta_and_inflesz() {
    // Qué es: Las (1), com-pli-ca-cio-nes (5), pos-o-pe-ra-to-rias (6), son (1), ex-cep-cio-na-les
    // (5): 5 words, 1 sentence, 18 syllables; alone Law's FH = 206.84 − 0.60 × 360 − 1.02 × 5
    // = −14.26, grade 17 + (30 + 14.26)/10 = 21.4. The rest: "Paz." 1/1/1, "Día 1: paz." 3/1/4
    // (dí-a), "Paz." 1/1/1, "Sol no." 2/1/2, "Dolor." 1/1/2, "Fiebre." 1/1/2, "Poco." 1/1/2.
    // Handout: 15 words, 8 sentences, 32 syllables.
    // FH (Law) = 206.84 − 0.60 × 213.33 − 1.02 × 1.875 = 76.93; grade = 7 + (80 − 76.93)/10 = 7.3
    // INFLESZ  = 206.835 − 62.3 × 2.1333 − 1.875 = 72.05 (bastante fácil)
    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "site:",
        "languages: [en, es]\nmax_grade: 7\nsite:",
    );
    f.write(
        "content/microneedling/_procedure.es.md",
        "---\ntitle: Microagujas\nsummary: Agujas finas.\n---\n",
    );
    f.write(
        "content/microneedling/classic.es.md",
        "---\ntitle: Microagujas clásicas\nsummary: Qué esperar.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## Qué es\n\nLas complicaciones posoperatorias son excepcionales.\n\n## Qué esperar\n\nPaz.\n\n## Recuperación\n\n- **Día 1:** paz.\n\n## Haga\n\n- Paz.\n\n## No haga\n\n- Sol no.\n\n## Riesgos\n\n- Dolor.\n\n## Cuándo llamarnos\n\n- Fiebre.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nPoco.\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.es.md:8:1: warning: `classic.es.md` reads at grade 7.3 (Fernández-Huerta 76.9 with Law's correction; INFLESZ 72.1, “bastante fácil”), above the clinic's `max_grade` of 7; its hardest section is `Qué es`, at grade 21.4.\n 8 | ## Qué es\n   | ^\n  fix: start with this section: shorter sentences and everyday words; patient handouts should read at grade 6 to 8 (AMA, NIH and CDC guidance).\n\n"
    );
}

#[test]
fn spanish_jargon_has_a_spanish_plain_word() {
    let f = Fixture::new();
    spanish(&f, "Puede haber eritema.");
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.es.md:10:13: warning: `eritema` is jargon that many patients do not know.\n 10 | Puede haber eritema.\n    |             ^\n  fix: write `enrojecimiento` instead.\n\n"
    );
}

#[test]
fn a_long_sentence_is_reported_where_it_starts() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Usually four to six.",
        "You will need four to six visits, and each one is set a few weeks from the last so that your skin has time to heal and grow back.",
    );
    assert_warns(
        &f,
        "content/microneedling/classic.md:31:1: warning: this sentence has 29 words; a sentence of more than 25 is hard to follow.\n 31 | You will need four to six visits, and each one is set a few weeks from the last so that your skin ha…\n    | ^\n  fix: split it into two or three shorter sentences, one idea each.\n\n",
    );
}

#[test]
fn a_long_list_item_is_reported_once_in_the_procedure_file() {
    // The item is inherited by both variants but is written once, so it is reported once.
    let f = Fixture::new();
    f.edit(
        "content/microneedling/_procedure.md",
        "- Wash gently with a mild cleanser.",
        "- Wash gently with a mild cleanser. Pat the skin dry with a clean soft towel, and do not rub it. Then put on a thin layer of the cream we gave you.",
    );
    f.write(
        "content/microneedling/prp.md",
        &common::VARIANT.replace("Classic microneedling", "Microneedling with PRP"),
    );
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/_procedure.md:8:3: warning: this list item has 32 words; an item of more than 30 is hard to take in at a glance.\n 8 | - Wash gently with a mild cleanser. Pat the skin dry with a clean soft towel, and do not rub it. The…\n   |   ^\n  fix: keep one point per item: split it into two items, or shorten it.\n\n"
    );
    assert_eq!(out.code, Some(0));
}

#[test]
fn jargon_is_reported_at_the_word_even_in_bold() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "so the skin builds collagen.",
        "so the skin builds collagen. Mild **erythema** is normal.",
    );
    assert_warns(
        &f,
        "content/microneedling/classic.md:12:72: warning: `erythema` is jargon that many patients do not know.\n 12 | A treatment that makes tiny wounds so the skin builds collagen. Mild **erythema** is normal.\n    |                                                                        ^\n  fix: write `redness` instead.\n\n",
    );
}

#[test]
fn max_grade_changes_the_limit_and_is_checked() {
    // The counted handout reads at grade 10.8 (see above).
    let f = Fixture::new();
    f.write(
        "content/microneedling/counted.md",
        &counted(
            "Occasionally, individuals experience considerable discomfort following the procedure.",
        ),
    );
    f.edit("content/clinic.yaml", "site:", "max_grade: 9.5\nsite:");
    assert!(f
        .run(&["check"])
        .stderr
        .contains("above the clinic's `max_grade` of 9.5;"));
    f.edit("content/clinic.yaml", "max_grade: 9.5", "max_grade: 10.8");
    assert_eq!(f.run(&["check"]).stderr, "");
    for (value, column) in [("25", 12), ("eight", 12), ("0.5", 12)] {
        let f = Fixture::new();
        f.edit(
            "content/clinic.yaml",
            "site:",
            &format!("max_grade: {value}\nsite:"),
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1));
        assert_eq!(
            out.stderr,
            format!("content/clinic.yaml:4:{column}: `max_grade` must be a school grade from 1 to 20, not `{value}`.\n 4 | max_grade: {value}\n   |            ^\n  fix: write a number without quotes, for example `max_grade: 8` (patient handouts should read at grade 6 to 8).\n\n1 problem found; nothing was written.\n")
        );
    }
}

#[test]
fn strict_makes_plain_language_warnings_errors_and_writes_nothing() {
    let f = Fixture::new();
    assert_eq!(f.run(&["check", "--strict"]).code, Some(0));
    f.edit(
        "content/microneedling/classic.md",
        "so the skin builds collagen.",
        "so the skin builds collagen. Mild **erythema** is normal.",
    );
    let out = f.run(&["check", "--strict"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:12:72: `erythema` is jargon that many patients do not know.\n 12 | A treatment that makes tiny wounds so the skin builds collagen. Mild **erythema** is normal.\n    |                                                                        ^\n  fix: write `redness` instead.\n\n1 problem found; nothing was written.\n"
    );
    assert_eq!(out.stdout, "");
    let out = f.run(&["build", "--strict"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .ends_with("1 problem found; nothing was written; the previous output is unchanged.\n"),
        "{}",
        out.stderr
    );
    assert!(!f.path("output").exists());
    // Without --strict the same content builds, with the warning.
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stderr.contains("warning: `erythema` is jargon"));
    let before = snapshot(&f.path("output"));
    assert_eq!(f.run(&["build", "--strict"]).code, Some(1));
    assert_eq!(snapshot(&f.path("output")), before);
}

#[test]
fn strict_counts_plain_language_warnings_with_other_errors() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "so the skin builds collagen.",
        "so the skin builds collagen. Mild **erythema** is normal.",
    );
    f.edit("content/microneedling/classic.md", "reviewed:", "reviewd:");
    let out = f.run(&["check", "--strict"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .ends_with("2 problems found; nothing was written.\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_bundled_sample_has_no_plain_language_warnings() {
    let repo = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_handouts"))
        .args(["check", "--strict", "--content", &format!("{repo}/content")])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success());
}

#[test]
fn jargon_in_a_name_a_link_or_beside_a_plain_word_is_not_reported() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "so the skin builds collagen.",
        "so the skin builds collagen. Tell the Vaccine Adverse Event Reporting System, or see [adverse event reports](https://vaers.hhs.gov/). We use germ-free (sterile) needles and sterile (germ-free) gauze. An adverse event is rare.",
    );
    assert_warns(
        &f,
        "content/microneedling/classic.md:12:239: warning: `adverse event` is jargon that many patients do not know.\n 12 | …terile) needles and sterile (germ-free) gauze. An adverse event is rare.\n    |                                                    ^\n  fix: write `side effect` instead.\n\n",
    );
}

#[test]
fn spanish_names_and_a_serious_injury_are_not_jargon_and_a_sore_keeps_its_senses() {
    let f = Fixture::new();
    spanish(
        &f,
        "El Programa de Compensación por Lesiones Causadas por Vacunas ayuda si hay una lesión grave. Una lesión en la piel sana sola.",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.es.md:10:98: warning: `lesión` is jargon that many patients do not know.\n 10 | …as por Vacunas ayuda si hay una lesión grave. Una lesión en la piel sana sola.\n    |                                                    ^\n  fix: write `herida, llaga o mancha, según el caso` instead.\n\n"
    );
}

/// The reason the sample of a fixed text gives, as a federal vaccine statement would.
const REASON: &str = "federal vaccine statement, must be used unaltered (42 U.S.C. 300aa-26)";

/// A variant that draws every kind of plain-language warning: its grade, a long sentence and
/// jargon.
fn hard() -> String {
    counted(
        "Individuals occasionally experience considerable erythema, tenderness, and discomfort following the procedure, particularly individuals with sensitive complexions, previously irritated areas, or additional underlying dermatological conditions requiring specialized evaluation.",
    )
}

#[test]
fn an_exempt_handout_gets_no_plain_language_warnings_and_passes_strict() {
    let f = Fixture::new();
    f.write("content/microneedling/counted.md", &hard());
    let out = f.run(&["check"]);
    for warning in [
        "warning: `counted.md` reads at grade",
        "warning: this sentence has 27 words",
        "warning: `erythema` is jargon",
    ] {
        assert!(out.stderr.contains(warning), "{warning}: {}", out.stderr);
    }
    assert_eq!(f.run(&["check", "--strict"]).code, Some(1));
    f.edit(
        "content/microneedling/counted.md",
        "reviewed:",
        &format!("plain_language_exempt: {REASON}\nreviewed:"),
    );
    let out = f.run(&["check"]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "All 2 handouts are correct.\n");
    let out = f.run(&["check", "--strict"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert_eq!(f.run(&["build", "--strict"]).code, Some(0));
}

#[test]
fn a_variant_and_its_translation_inherit_the_procedures_exemption() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/_procedure.md",
        "- Infection, which is rare.",
        "- Infection or an adverse reaction, which is rare.",
    );
    f.write("content/microneedling/counted.md", &hard());
    spanish(&f, "Puede haber eritema.");
    f.edit(
        "content/microneedling/_procedure.es.md",
        "- Una infección, que es rara.",
        "- Una infección o una reacción adversa, que es rara.",
    );
    let out = f.run(&["check"]);
    for warning in [
        "_procedure.md:17:19: warning: `adverse reaction`",
        "counted.md:8:1: warning: `counted.md` reads at grade",
        "classic.es.md:10:13: warning: `eritema`",
        "_procedure.es.md:16:23: warning: `reacción adversa`",
    ] {
        assert!(out.stderr.contains(warning), "{warning}: {}", out.stderr);
    }
    f.edit(
        "content/microneedling/_procedure.md",
        "summary:",
        &format!("plain_language_exempt: {REASON}\nsummary:"),
    );
    let out = f.run(&["check", "--strict"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    assert_eq!(out.stdout, "All 2 handouts are correct.\n");
}

#[test]
fn an_exemption_without_a_reason_is_an_error_at_its_line() {
    for (value, shown, message) in [
        ("", "plain_language_exempt:", "`plain_language_exempt` is empty; it must give the reason this handout is exempt from the plain-language checks."),
        (" \"\"", "plain_language_exempt: \"\"", "`plain_language_exempt` is empty; it must give the reason this handout is exempt from the plain-language checks."),
        (" true", "plain_language_exempt: true", "`plain_language_exempt` must give the reason this handout is exempt from the plain-language checks, not `true`."),
    ] {
        let f = Fixture::new();
        f.edit(
            "content/microneedling/classic.md",
            "reviewed:",
            &format!("plain_language_exempt:{value}\nreviewed:"),
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1));
        let column = if value.is_empty() { 1 } else { 24 };
        assert_eq!(
            out.stderr,
            format!("content/microneedling/classic.md:4:{column}: {message}\n 4 | {shown}\n   | {caret}^\n  fix: write the reason, for example `plain_language_exempt: {REASON}`, or delete the line to check the handout.\n\n1 problem found; nothing was written.\n", caret = " ".repeat(column - 1))
        );
    }
}
