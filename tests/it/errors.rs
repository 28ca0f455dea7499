//! Every kind of editor mistake gives one exact, located, plain-English message and exit code 1.
//! The expected texts are the whole of stderr: a change of wording is a deliberate act.

use crate::common;
use common::Fixture;

/// Applies one edit to the valid fixture, runs `handouts check`, and compares all of stderr.
fn assert_check_fails(file: &str, from: &str, to: &str, expected: &str) {
    let f = Fixture::new();
    f.edit(file, from, to);
    let out = f.run(&["check"]);
    assert_eq!(out.stderr, expected);
    assert_eq!(out.code, Some(1));
    assert_eq!(out.stdout, "");
}

#[test]
fn tab_in_yaml() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "summary:",
        "\tsummary:",
        "content/microneedling/classic.md:3:1: a tab character is used to indent this line, and YAML only allows spaces.\n 3 |  summary: What to expect from classic microneedling and how to care for your skin.\n   | ^\n  fix: replace the tab with spaces (two spaces per level is usual).\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn missing_colon() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed_by:",
        "reviewed_by",
        "content/microneedling/classic.md:5:1: this line has no colon, so YAML cannot tell the key from the value (`reviewed_by Dr. Test Reviewer`).\n 5 | reviewed_by Dr. Test Reviewer\n   | ^\n  fix: write the key, a colon and a space, then the value, for example `reviewed_by: …`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn bad_indentation() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "summary:",
        "  summary:",
        "content/microneedling/classic.md:3:1: this line is indented, but the line above it already has its value, so YAML reads it as a mistake.\n 3 |   summary: What to expect from classic microneedling and how to care for your skin.\n   | ^\n  fix: remove the spaces at the start of the line so the key lines up with the others; if the value itself contains `: `, put the whole value in double quotes.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn impossible_month() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-13-01",
        "content/microneedling/classic.md:4:11: `2026-13-01` is not a real date: there is no month 13.\n 4 | reviewed: 2026-13-01\n   |           ^\n  fix: write the date as year-month-day with leading zeros, for example `reviewed: 2026-03-14`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn impossible_day() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2025-02-29",
        "content/microneedling/classic.md:4:11: `2025-02-29` is not a real date: February has no day 29.\n 4 | reviewed: 2025-02-29\n   |           ^\n  fix: write the date as year-month-day with leading zeros, for example `reviewed: 2026-03-14`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn date_in_wrong_shape() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 14/03/2026",
        "content/microneedling/classic.md:4:11: `14/03/2026` is not a date in the form YYYY-MM-DD.\n 4 | reviewed: 14/03/2026\n   |           ^\n  fix: write the date as year-month-day with leading zeros, for example `reviewed: 2026-03-14`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn missing_required_key() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed_by: Dr. Test Reviewer\n",
        "",
        "content/microneedling/classic.md:2:1: the required key `reviewed_by` is missing.\n 2 | title: Classic microneedling\n   | ^\n  fix: add a line such as `reviewed_by: Dr. Priya Raman, MD`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn unknown_key_with_suggestion() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "reviewed:",
        "reviewd:",
        "content/microneedling/classic.md:4:1: unknown key `reviewd`.\n 4 | reviewd: 2026-03-14\n   | ^\n  fix: did you mean `reviewed`? The keys a variant may have are: title, summary, reviewed, reviewed_by, next_review, sessions, downtime, order, write_in, required_sections, source, source_url, plain_language_exempt.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn unknown_key_without_suggestion() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "sessions:",
        "colour: blue\nsessions:",
        "content/microneedling/classic.md:6:1: unknown key `colour`.\n 6 | colour: blue\n   | ^\n  fix: remove it, or use one of the keys a variant may have: title, summary, reviewed, reviewed_by, next_review, sessions, downtime, order, write_in, required_sections, source, source_url, plain_language_exempt.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn write_in_must_be_true_false_or_a_list_of_blanks() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "sessions:",
        "write_in: no thanks\nsessions:",
        "content/microneedling/classic.md:6:11: `write_in` must be `true`, `false` or a list of blanks, not `no thanks`.\n 6 | write_in: no thanks\n   |           ^\n  fix: write `write_in: true` for the usual blanks, `write_in: false` for none, or list the blanks to print, for example `write_in: [patient, date, treated_area]`. The blanks are: patient, date, treated_area, clinician, lot_number, injection_site, given_by, time_given, escort, next_appointment, notes.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn missing_section() {
    assert_check_fails(
        "content/microneedling/_procedure.md",
        "## Risks\n\n- Infection, which is rare.\n\n",
        "",
        "content/microneedling/classic.md: the section `## Risks` is missing.\n  fix: add a `## Risks` section to this file, or to `content/microneedling/_procedure.md` so every variant of the procedure shares it.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn unknown_section() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "## What to expect",
        "## What to expct",
        "content/microneedling/classic.md:14:1: `## What to expct` is not one of the handout's sections.\n 14 | ## What to expct\n    | ^\n  fix: did you mean `## What to expect`? The sections are: What it is, Before your visit, What to expect, Recovery timeline, Do, Don’t, Risks, When to call us, Common questions.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn duplicate_section() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "## FAQ",
        "## What it is\n\nAgain.\n\n## FAQ",
        "content/microneedling/classic.md:23:1: the `What it is` section appears twice; the first is on line 10.\n 23 | ## What it is\n    | ^\n  fix: merge the two into one section and delete this heading.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn empty_list() {
    assert_check_fails(
        "content/microneedling/_procedure.md",
        "## Don't\n\n- Do not pick at flaking skin.\n",
        "## Don't\n\nNothing to avoid.\n",
        "content/microneedling/_procedure.md:11:1: the `Don’t` section has no list items.\n 11 | ## Don't\n    | ^\n  fix: write each point on its own line starting with `- `.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn empty_list_item() {
    assert_check_fails(
        "content/microneedling/_procedure.md",
        "- Use sunscreen every day.",
        "- ",
        "content/microneedling/_procedure.md:9:1: this list item is empty.\n 9 | - \n   | ^\n  fix: write the point after the `- `, or delete the line.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn timeline_without_bold_label() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "- **Week 2:** the skin",
        "- Week 2: the skin",
        "content/microneedling/classic.md:21:1: each stage of the recovery timeline must start with a bold label.\n 21 | - Week 2: the skin looks smoother.\n    | ^\n  fix: start the item with the time in bold and a colon, for example `- **Days 1–3:** redness like a mild sunburn`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn summary_too_long() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "summary: What",
        "summary: Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. Long words here. What",
        "content/microneedling/classic.md:3:10: the summary is 276 characters long; it may be at most 200, so it fits search results and the top of the handout.\n 3 | summary: Long words here. Long words here. Long words here. Long words here. Long words here. Long w…\n   |          ^\n  fix: shorten it to one or two sentences; details belong in `## What it is`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn unclosed_front_matter() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "---\n\n## What it is",
        "\n## What it is",
        "content/microneedling/classic.md:1:1: the front matter is never closed.\n 1 | ---\n   | ^\n  fix: add a line with just `---` after the last key, before the first `##` section.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn no_front_matter() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "---\ntitle",
        "title",
        "content/microneedling/classic.md:1:1: the file does not start with front matter.\n 1 | title: Classic microneedling\n   | ^\n  fix: begin the file with a line `---`, then `title:`, `summary:` and the other keys, then another `---` line.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn bad_base_url() {
    assert_check_fails(
        "content/clinic.yaml",
        "base_url: https://clinic.example/care/handouts/",
        "base_url: clinic.example/care",
        "content/clinic.yaml:5:13: `clinic.example/care` is not an absolute web address.\n 5 |   base_url: clinic.example/care\n   |             ^\n  fix: write the full address the handouts are published at, starting with https://, for example `base_url: https://clinic.example/care/handouts/`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn missing_clinic_phone() {
    assert_check_fails(
        "content/clinic.yaml",
        "phone: (555) 010-0100\n",
        "",
        "content/clinic.yaml:1:1: the required key `phone` is missing.\n 1 | name: Test Clinic (sample)\n   | ^\n  fix: add a line such as `phone: (555) 010-0142`.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn duplicate_key() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "sessions:",
        "title: Again\nsessions:",
        "content/microneedling/classic.md:6:1: `title` is given twice.\n 6 | title: Again\n   | ^\n  fix: keep one `title:` line and delete the other.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn raw_html() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "A treatment that",
        "A <b>treatment</b> that",
        "content/microneedling/classic.md:12:3: raw HTML is not allowed in handout text.\n 12 | A <b>treatment</b> that makes tiny wounds so the skin builds collagen.\n    |   ^\n  fix: write it in Markdown instead: **bold**, *italic*, [link](https://…), or a `-` list.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn nested_list() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "- **Week 2:** the skin looks smoother.",
        "- **Week 2:** the skin looks smoother.\n  - nested",
        "content/microneedling/classic.md:22:3: a stage of the recovery timeline cannot have a list inside it.\n 22 |   - nested\n    |   ^\n  fix: write the stage as a sentence or two, or move the details to a section of prose.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn faq_question_without_answer() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "\n\nUsually four to six.\n",
        "\n",
        "content/microneedling/classic.md:29:1: the question `How many sessions?` has no answer.\n 29 | ### How many sessions?\n    | ^\n  fix: write the answer as a paragraph under the question.\n\n1 problem found; nothing was written.\n",
    );
}
#[test]
fn next_review_before_reviewed() {
    assert_check_fails(
        "content/microneedling/classic.md",
        "sessions:",
        "next_review: 2026-01-01\nsessions:",
        "content/microneedling/classic.md:6:14: the next review (2026-01-01) is before the last review (2026-03-14).\n 6 | next_review: 2026-01-01\n   |              ^\n  fix: set `next_review` to a date after `reviewed`, or delete it to use the clinic's review interval.\n\n1 problem found; nothing was written.\n",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let f = Fixture::new();
    f.write_bytes(
        "content/microneedling/classic.md",
        b"---\ntitle: Caf\xe9\n---\n",
    );
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:2:11: this file is not UTF-8 text (it may have been saved as Windows-1252 or Latin-1).\n 2 | title: Caf\n   |           ^\n  fix: save the file again with the UTF-8 encoding; most editors offer it under \"Save As\" or \"Encoding\".\n\n1 problem found; nothing was written.\n"
    );
    assert_eq!(out.code, Some(1));
}

#[test]
fn bad_slugs_say_what_to_rename_them_to() {
    let f = Fixture::new();
    std::fs::rename(
        f.path("content/microneedling/classic.md"),
        f.path("content/microneedling/Classic Needling.md"),
    )
    .unwrap();
    let out = f.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/Classic Needling.md: the file name `Classic Needling` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: rename it to `classic-needling`.\n\n1 problem found; nothing was written.\n"
    );
    std::fs::rename(
        f.path("content/microneedling"),
        f.path("content/Micro_Needling"),
    )
    .unwrap();
    let out = f.run(&["check"]);
    assert!(out.stderr.starts_with("content/Micro_Needling: the folder `Micro_Needling` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: rename it to `micro-needling`.\n"), "{}", out.stderr);
}

#[test]
fn all_errors_of_a_run_are_reported_together_in_file_order() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-02-30",
    );
    f.edit(
        "content/microneedling/classic.md",
        "## What to expect",
        "## Expectations",
    );
    f.edit(
        "content/clinic.yaml",
        "phone: (555) 010-0100",
        "phone: call us",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(1));
    let firsts = common::message_lines(&out.stderr);
    assert_eq!(
        firsts,
        [
            "content/clinic.yaml:2:8: `call us` is not a phone number.",
            "content/microneedling/classic.md: the section `## What to expect` is missing.",
            "content/microneedling/classic.md:4:11: `2026-02-30` is not a real date: February has no day 30.",
        ]
    );
    assert!(out
        .stderr
        .ends_with("3 problems found; nothing was written; the previous output is unchanged.\n"));
    assert!(!f.path("output").exists());
}

#[test]
fn an_overdue_review_is_a_warning_not_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2020-01-10",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md: warning: this handout was due for review on 2021-01-10; it was last reviewed on 2020-01-10.\n  fix: have a clinician check it, then update `reviewed` (and `next_review`, if you set one).\n\n"
    );
    assert_eq!(
        out.stdout,
        "All 1 handouts are correct (see the warnings above).\n"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let f = Fixture::new();
    let out = f.run(&["build", "--no-such-flag"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("--no-such-flag"), "{}", out.stderr);
    let out = f.run(&["check", "--content", "nowhere"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(
        out.stderr,
        "error: the content folder `nowhere` does not exist.\n  fix: run handouts from the folder that holds `content/`, or name it with `--content DIR`.\n"
    );
    assert_eq!(f.run(&["frobnicate"]).code, Some(2));
}

#[test]
fn a_broken_theme_template_names_its_file_and_line() {
    let f = Fixture::new();
    f.write(
        "theme/templates/variant.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ variant.title \n{% endblock main %}\n",
    );
    let out = f.run(&["check", "--theme", "theme"]);
    assert_eq!(out.code, Some(1));
    let first = out.stderr.lines().next().unwrap_or("");
    // Tera notices the unclosed `{{` where the next tag starts, on line 4.
    assert_eq!(first, "theme/templates/variant.html:4:1: the template could not be used: expected `or`, `and`, `not`, `<=`, `>=`, `<`, `>`, `==`, `!=`, `+`, `-`, `*`, `/`, `%`, a filter, or a variable end (`}}`).");
}

#[test]
fn arbitrary_bytes_never_crash_the_checker() {
    let f = Fixture::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let original = common::VARIANT.as_bytes();
    for _ in 0..40 {
        let mut bytes = original.to_vec();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] = (seed >> 32) as u8;
        }
        f.write_bytes("content/microneedling/classic.md", &bytes);
        let out = f.run(&["check"]);
        assert!(
            matches!(out.code, Some(0) | Some(1)),
            "{bytes:?}\n{}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
}

#[test]
fn limits_have_their_own_messages() {
    let f = Fixture::new();
    let long_question = format!("### {}?", "Why ".repeat(60));
    f.edit(
        "content/microneedling/classic.md",
        "### Does it hurt?",
        &long_question,
    );
    let items: String = (0..501).map(|i| format!("- point {i}\n")).collect();
    f.edit(
        "content/microneedling/classic.md",
        "## FAQ",
        &format!("## Risks\n\n{items}\n## FAQ"),
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    let firsts = common::message_lines(&out.stderr);
    assert_eq!(
        firsts,
        [
            "content/microneedling/classic.md:25:1: this list in the `Risks` section has 501 items; a list may have at most 500.",
            "content/microneedling/classic.md:529:1: this question is 241 characters long; a question may have at most 200.",
        ]
    );
    let big = Fixture::new();
    big.write(
        "content/microneedling/classic.md",
        &format!("{}{}", common::VARIANT, "x".repeat(1024 * 1024)),
    );
    let out = big.run(&["check"]);
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md: this file is 1025 KB; a content file may be at most 1024 KB (1 MB).\n  fix: a handout is a few pages of text: remove pasted or generated material from the file.\n\n1 problem found; nothing was written.\n"
    );
}
