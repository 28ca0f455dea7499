//! `handouts new`: a new handout with every section and a hint under each, in the file's language;
//! it passes `handouts check` once its hints are replaced, and until then check names each one.

use crate::common;
use common::{message_lines, Fixture};
use handouts::model::Date;

/// Replaces every placeholder opening with `opening` (up to its `]`) by plain words.
fn fill(text: &str, opening: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(opening) {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(']').map_or(rest.len(), |e| i + e + 1);
        out.push_str("Rest and drink water.");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch(secs.div_euclid(86_400)).iso()
}

const HINT_ERROR: &str =
    "this is a hint from `handouts new`, still waiting for the handout's own words.";

#[test]
fn a_new_procedure_and_variant_teach_the_format_and_pass_check_once_filled() {
    let f = Fixture::new();
    let out = f.run(&["new", "laser-hair/face"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "Wrote content/laser-hair/_procedure.md.\nWrote content/laser-hair/face.md.\nReplace each hint in square brackets with the handout's text; `handouts check` lists the ones left.\n"
    );
    let variant = f.read("content/laser-hair/face.md");
    let procedure = f.read("content/laser-hair/_procedure.md");
    assert_eq!(
        procedure,
        "---\n# The title comes from the file name: change it to the name patients know, for example with capitals such as PRP.\ntitle: \"Laser hair\"\nsummary: \"[write here: one or two short sentences on what the treatment is]\"\n# Sections written in this file are shared by every variant of the treatment; a variant’s own section takes the place of the shared one.\n---\n"
    );
    assert_eq!(
        variant,
        format!("---\n# The title comes from the file name: change it to the name patients know, for example with capitals such as PRP.\ntitle: \"Laser hair face\"\nsummary: \"[write here: one or two short sentences on what this handout covers]\"\n# The date a clinician last checked this handout, as year-month-day. It is set to today: change it when the check is done.\nreviewed: {}\nreviewed_by: \"[write here: the name of the clinician who checked this handout]\"\n# Optional lines for the facts box: remove the # to use one.\n# sessions: 3 sessions, 4 weeks apart\n# downtime: 2–3 days of redness\n# More a handout may have (see README.md, Content format):\n# ## Before your visit: a list of things to do before the day, printed with boxes to tick.\n# A ## heading of your own (such as ## Day of treatment) starts a section of your own, shown where you write it.\n# Numbered lists (1. 2. 3.) keep their numbers; indent a list under an item by two spaces for one more level.\n# A table: | Column | Column | on one line, | --- | --- | under it, then one line per row (at most 4 columns).\n# A box that stands out: > [!IMPORTANT] on one line, then > and its text (also NOTE, TIP, WARNING, CAUTION).\n# A blank to fill in: four or more underscores in a sentence, such as: Come back in ____ weeks.\n---\n\n## What it is\n\n[write here: what the treatment is and what it can help, in two or three short sentences.]\n\n## What to expect\n\n[write here: what happens on the day, from arrival to going home.]\n\n## Recovery timeline\n\n- **[write here: when, for example Days 1–3]:** [write here: how the skin looks and feels then. Add one line like this for each stage.]\n\n## Do\n\n- [write here: one thing to do while the skin heals. Write each point on its own line that starts with a dash.]\n\n## Don’t\n\n- [write here: one thing to avoid while the skin heals. Write each point on its own line.]\n\n## Risks\n\n- [write here: one side effect or risk, and how often it happens.]\n\n## When to call us\n\n- [write here: a sign that means the patient should call the clinic, such as a fever.]\n\n## Common questions\n\n### [write here: a question patients often ask?]\n\n[write here: its answer, in plain words. Each question starts with ### on its own line.]\n", today())
    );

    // Left as it is, check names every hint and nothing else.
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    let firsts = message_lines(&out.stderr);
    assert_eq!(firsts.len(), 13, "{}", out.stderr);
    assert!(
        firsts.iter().all(|l| l.ends_with(HINT_ERROR)),
        "{}",
        out.stderr
    );
    assert_eq!(
        firsts[0],
        format!("content/laser-hair/_procedure.md:4:11: {HINT_ERROR}")
    );
    assert!(out.stderr.contains("content/laser-hair/face.md:30:5: this is a hint from `handouts new`, still waiting for the handout's own words.\n 30 | - **[write here: when, for example Days 1–3]:** [write here: how the skin looks and feels then. Add …\n    |     ^\n  fix: replace the whole `[write here: …]` with your text; it must not be published as it is.\n"), "{}", out.stderr);
    assert!(!f.path("output").exists());
    assert_ne!(f.run(&["build"]).code, Some(0));

    // Filled in, the new handout is correct: no problem, no warning.
    f.write(
        "content/laser-hair/face.md",
        &fill(&variant, "[write here:"),
    );
    f.write(
        "content/laser-hair/_procedure.md",
        &fill(&procedure, "[write here:"),
    );
    let out = f.run(&["check"]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.stdout, "All 2 handouts are correct.\n");
    assert_eq!(out.code, Some(0));
}

#[test]
fn a_variant_of_an_existing_procedure_names_the_shared_sections() {
    let f = Fixture::new();
    let out = f.run(&["new", "microneedling/with-prp"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().next(),
        Some("Wrote content/microneedling/with-prp.md.")
    );
    let variant = f.read("content/microneedling/with-prp.md");
    assert!(variant.contains("title: \"Microneedling with prp\"\n"));
    assert!(variant.contains("# _procedure.md already has these sections for every variant: Do, Don’t, Risks, When to call us. Delete them here to use the shared text.\n---\n"));
    assert_eq!(variant.matches("\n## ").count(), 8);
    f.write(
        "content/microneedling/with-prp.md",
        &fill(&variant, "[write here:"),
    );
    let out = f.run(&["check"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_translation_gets_the_languages_headings_and_hints() {
    let f = Fixture::new();
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    let out = f.run(&["new", "microneedling/classic", "--lang", "es"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().take(2).collect::<Vec<_>>(),
        [
            "Wrote content/microneedling/_procedure.es.md.",
            "Wrote content/microneedling/classic.es.md."
        ]
    );
    let variant = f.read("content/microneedling/classic.es.md");
    let headings: Vec<&str> = variant.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Qué es",
            "## Qué esperar",
            "## Recuperación",
            "## Lo que debe hacer",
            "## Lo que no debe hacer",
            "## Riesgos",
            "## Cuándo llamarnos",
            "## Preguntas frecuentes"
        ]
    );
    assert!(variant.contains("\n[escriba aquí: qué es el tratamiento y en qué puede ayudar, en dos o tres frases cortas.]\n"));
    assert!(!variant.contains("write here"));
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(message_lines(&out.stderr)
        .iter()
        .all(|l| l.ends_with(HINT_ERROR)));
    for file in ["classic.es.md", "_procedure.es.md"] {
        let path = format!("content/microneedling/{file}");
        f.write(&path, &fill(&f.read(&path), "[escriba aquí:"));
    }
    let out = f.run(&["check"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
}

#[test]
fn nothing_is_ever_overwritten() {
    let f = Fixture::new();
    let before = f.read("content/microneedling/classic.md");
    let out = f.run(&["new", "microneedling/classic"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "error: `content/microneedling/classic.md` already exists; `handouts new` never overwrites a file.\n  fix: edit that file, or choose another name for the new variant.\n"
    );
    assert_eq!(out.stdout, "");
    assert_eq!(f.read("content/microneedling/classic.md"), before);
}

#[test]
fn names_and_languages_are_checked_with_a_plain_message() {
    let f = Fixture::new();
    let cases: [(&[&str], i32, &str); 6] = [
        (
            &["new", "Laser Hair/face"],
            2,
            "error: the procedure name `Laser Hair` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: use `laser-hair`, for example `handouts new laser-hair/face`.\n",
        ),
        (
            &["new", "laser-hair/Upper_Lip"],
            2,
            "error: the variant name `Upper_Lip` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: use `upper-lip`, for example `handouts new laser-hair/upper-lip`.\n",
        ),
        (
            &["new", "laser-hair"],
            2,
            "error: `laser-hair` does not name a new handout as procedure/variant.\n  fix: write the procedure's folder and the variant's file name with a `/` between them, for example `handouts new microneedling/with-prp`.\n",
        ),
        (
            &["new", "microneedling/classic", "--lang", "es"],
            2,
            "error: clinic.yaml does not list the language `es`; it lists `en`.\n  fix: add `es` to `languages:` in clinic.yaml first, or choose one of those.\n",
        ),
        (
            &["new", "microneedling/classic", "--lang", "Spanish"],
            2,
            "error: `Spanish` is not a language code.\n  fix: write the two-letter lowercase code, for example `--lang es`; clinic.yaml lists `en`.\n",
        ),
        (
            &["new", "microneedling/deep", "--content", "nowhere"],
            2,
            "error: the content folder `nowhere` does not exist.\n  fix: run handouts from the folder that holds `content/`, or name it with `--content DIR`.\n",
        ),
    ];
    for (args, code, stderr) in cases {
        let out = f.run(args);
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (Some(code), stderr),
            "{args:?}"
        );
    }
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    let out = f.run(&["new", "microneedling/deep", "--lang", "es"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "error: there is no `content/microneedling/deep.md` to translate yet: a translation needs its original.\n  fix: write the original first, with `handouts new microneedling/deep`.\n"
    );
    assert!(!f.path("content/laser-hair").exists());
    assert!(!f.path("content/microneedling/deep.es.md").exists());
}

#[test]
fn the_hints_are_the_themes_words() {
    let f = Fixture::new();
    f.write(
        "mytheme/labels/en.yaml",
        "new_placeholder: \"fill in\"\nnew_do: \"a step for the first week\"\n",
    );
    let out = f.run(&["new", "microneedling/deep", "--theme", "mytheme"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let variant = f.read("content/microneedling/deep.md");
    assert!(variant.contains("\n## Do\n\n- [fill in: a step for the first week]\n"));
    assert!(!variant.contains("write here"));
    // The theme's marker is what check looks for.
    let out = f.run(&["check", "--theme", "mytheme"]);
    assert_eq!(out.code, Some(1));
    assert!(out
        .stderr
        .contains("content/microneedling/deep.md:4:11: this is a hint from `handouts new`"));
    assert!(out
        .stderr
        .contains("fix: replace the whole `[fill in: …]` with your text"));
}
