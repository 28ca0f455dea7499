//! `handouts report`: one row per variant and language with hand-checked figures, overdue reviews
//! first, a valid accessible page, and never a file inside the published site.

use crate::common;
use common::{assert_in_order, snapshot, Fixture};

/// A variant whose eight sections are all its own and tiny, so its figures can be counted by hand.
const COUNTED: &str = "---\ntitle: Counted microneedling\nsummary: A handout small enough to count.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## What it is\n\nWash your face gently. Avoid direct sunlight for two days. Call the clinic if you notice swelling, blisters, or infection.\n\n## What to expect\n\nRest.\n\n## Recovery timeline\n\n- **Day 1:** Rest.\n\n## Do\n\n- Rest.\n\n## Don't\n\n- Run.\n\n## Risks\n\n- Pain.\n\n## When to call us\n\n- A fever.\n\n## FAQ\n\n### Why?\n\nTo heal.\n";

/// The report's table rows (`<tr>…</tr>` in the body), in order.
fn rows(html: &str) -> Vec<&str> {
    let body = &html[html.find("<tbody>").unwrap_or(0)..];
    body.split("<tr").skip(1).collect()
}

#[test]
fn every_variant_has_a_row_with_hand_counted_figures() {
    // What it is: the readability module's hand-counted text, 20 words, 3 sentences, 30 syllables,
    // 1 of three or more (in-fec-tion). The other sections: "Rest." 1/1/1; "Day 1: Rest." 3/1/3;
    // "Rest." 1/1/1; "Run." 1/1/1; "Pain." 1/1/1; "A fever." 2/1/3; "To heal." 2/1/2 (the
    // question is a heading). Totals: 31 words, 10 sentences, 42 syllables, 1 polysyllable.
    // FK   = 0.39 × 31/10 + 11.8 × 42/31 − 15.59 = 1.209 + 15.987 − 15.59 = 1.61 → 1.6
    // SMOG = 1.0430 × √(1 × 30/10) + 3.1291 = 1.0430 × 1.732 + 3.1291 = 4.94 → 4.9
    let f = Fixture::new();
    f.write("content/microneedling/counted.md", COUNTED);
    let out = f.run(&["report"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "Wrote the report to handouts-report.html.\n");
    let html = f.read("handouts-report.html");
    let rows = rows(&html);
    assert_eq!(rows.len(), 2, "{html}");
    assert_in_order(
        rows[0],
        &["Classic microneedling", "content/microneedling/classic.md"],
    );
    assert_in_order(
        rows[1],
        &[
            "<th scope=\"row\">Counted microneedling",
            "content/microneedling/counted.md",
            "<td>English (en)</td>",
            "<td class=\"num\">1.6</td>",
            "<td class=\"num\">SMOG 4.9</td>",
            "<td class=\"num\">31</td>",
            "<time datetime=\"2026-03-14\">2026-03-14</time>",
            "<time datetime=\"2027-03-14\">2027-03-14</time>",
            "<td>0</td>",
        ],
    );
}

#[test]
fn overdue_reviews_come_first_and_warnings_are_listed_for_each_variant_they_touch() {
    let f = Fixture::new();
    f.write(
        "content/microneedling/prp.md",
        &common::VARIANT
            .replace("Classic microneedling", "Microneedling with PRP")
            .replace("reviewed: 2026-03-14", "reviewed: 2020-01-01"),
    );
    // Inherited by both variants: listed in both rows, reported once by check.
    f.edit(
        "content/microneedling/_procedure.md",
        "Infection, which is rare.",
        "Infection or an adverse reaction, which is rare.",
    );
    f.write("reports/README", "Monthly reports.\n");
    let out = f.run(&["report", "--out", "reports/march.html"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("`adverse reaction` is jargon").count(),
        1
    );
    let html = f.read("reports/march.html");
    let rows = rows(&html);
    assert_eq!(rows.len(), 2);
    assert_in_order(
        rows[0],
        &[
            " class=\"overdue\"",
            "Microneedling with PRP",
            "2021-01-01</time> <span class=\"flag\">overdue</span>",
            "<td>2<ul>",
            "content/microneedling/_procedure.md:17:19: `adverse reaction` is jargon that many patients do not know.",
            "content/microneedling/prp.md: this handout was due for review on 2021-01-01; it was last reviewed on 2020-01-01.",
        ],
    );
    assert_in_order(
        rows[1],
        &[
            "Classic microneedling",
            "<td>1<ul>",
            "content/microneedling/_procedure.md:17:19: `adverse reaction`",
        ],
    );
}

#[test]
fn translations_have_rows_with_inflesz() {
    let f = Fixture::new();
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    f.write(
        "content/microneedling/_procedure.es.md",
        "---\ntitle: Microagujas\nsummary: Agujas finas.\n---\n\n## Haga\n\n- Lave la piel con agua.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o piel roja que crece.\n",
    );
    f.write(
        "content/microneedling/classic.es.md",
        "---\ntitle: Microagujas clásicas\nsummary: Qué esperar.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## Qué es\n\nLave su cara con agua. Evite el sol durante dos días. Llame a la clínica si tiene fiebre.\n\n## Qué esperar\n\nCrema y luego agujas.\n\n## Recuperación\n\n- **Días 1–3:** piel roja.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nCasi todos sienten presión, no dolor.\n",
    );
    let out = f.run(&["report"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let html = f.read("handouts-report.html");
    let rows = rows(&html);
    assert_eq!(rows.len(), 2);
    assert_in_order(
        rows[1],
        &[
            "Microagujas clásicas",
            "content/microneedling/classic.es.md",
            "<td>Español (es)</td>",
            "INFLESZ ",
        ],
    );
    assert!(rows[0].contains("<td>English (en)</td>"));
}

#[test]
fn the_page_is_standalone_accessible_html() {
    let f = Fixture::new();
    assert_eq!(f.run(&["report"]).code, Some(0));
    let html = f.read("handouts-report.html");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    for needle in [
        "<title>Plain-language report: Test Clinic (sample)</title>",
        "<style>",
        "<main>",
        "<h1>Plain-language report</h1>",
        "<table>\n<caption>",
        "<thead>",
        "<tbody>",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert_eq!(html.matches("<th scope=\"col\">").count(), 8);
    assert_eq!(html.matches("<th scope=\"row\">").count(), 1);
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains(" style="));
    assert_balanced(&html);
}

/// Every element the report uses is closed, in order (void elements excepted).
fn assert_balanced(html: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap_or_else(|| panic!("unclosed tag"));
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if ["meta", "br"].contains(&name.as_str()) {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                open.pop().as_deref(),
                Some(name.as_str()),
                "misnested </{name}>"
            );
        } else {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

#[test]
fn the_report_is_never_written_into_the_published_site() {
    let f = Fixture::new();
    assert_eq!(f.run(&["build"]).code, Some(0));
    let site = snapshot(&f.path("output"));
    assert_eq!(f.run(&["report"]).code, Some(0));
    assert!(f.path("handouts-report.html").is_file());
    assert_eq!(snapshot(&f.path("output")), site);
    for (args, folder) in [
        (&["report", "--out", "output/report.html"][..], "output"),
        (
            &["report", "--out", "public/staff/report.html"][..],
            "public",
        ),
    ] {
        if folder == "public" {
            assert_eq!(f.run(&["build", "--out", "public"]).code, Some(0));
        }
        let out = f.run(args);
        assert_eq!(out.code, Some(2));
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&format!(
                "error: `{}` is inside the published output folder `",
                args[2]
            )),
            "{}",
            out.stderr
        );
        assert!(
            first.ends_with(&format!(
                "{folder}`, where patients could find it; the report is for staff only."
            )),
            "{first}"
        );
    }
    assert!(!f.path("output/report.html").exists());
    assert!(!f.path("public/staff").exists());
}

#[test]
fn content_problems_write_no_report() {
    let f = Fixture::new();
    f.edit("content/microneedling/classic.md", "reviewed:", "reviewd:");
    let out = f.run(&["report"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .ends_with("1 problem found; no report was written.\n"),
        "{}",
        out.stderr
    );
    assert!(!f.path("handouts-report.html").exists());
}

#[test]
fn an_exempt_handout_is_listed_as_exempt_with_its_reason() {
    let f = Fixture::new();
    // Reads at grade 30.3 with jargon: without the exemption, flagged and warned about.
    let hard = COUNTED.replace(
        "Wash your face gently. Avoid direct sunlight for two days. Call the clinic if you notice swelling, blisters, or infection.",
        "Occasionally, individuals experience considerable discomfort and erythema following the procedure.",
    );
    f.write("content/microneedling/counted.md", &hard);
    assert_eq!(f.run(&["report"]).code, Some(0));
    let html = f.read("handouts-report.html");
    assert!(html.contains("<p>2 handouts; 0 overdue for review; 1 with warnings.</p>"));
    assert_in_order(
        rows(&html)[1],
        &[
            "Counted microneedling",
            "<span class=\"flag\">above 8</span>",
            "<td>2<ul>",
        ],
    );
    f.edit(
        "content/microneedling/counted.md",
        "reviewed:",
        "plain_language_exempt: federal vaccine statement, must be used unaltered (42 U.S.C. 300aa-26)\nreviewed:",
    );
    let out = f.run(&["report"]);
    assert_eq!((out.code, out.stderr.as_str()), (Some(0), ""));
    let html = f.read("handouts-report.html");
    assert!(html.contains(
        "<p>2 handouts; 0 overdue for review; 0 with warnings; 1 exempt from the plain-language checks.</p>"
    ));
    let rows = rows(&html);
    assert_in_order(
        rows[1],
        &[
            "Counted microneedling",
            "<td>English (en)</td>",
            "<td class=\"num\">",
            "<td><p><strong>Exempt</strong> from the plain-language checks: federal vaccine statement, must be used unaltered (42 U.S.C. 300aa-26)</p>0</td>",
        ],
    );
    // Its grade is shown, but not flagged: the text may not be changed.
    assert!(!rows[1].contains("class=\"flag\""), "{}", rows[1]);
    assert!(!rows[0].contains("Exempt"));
    assert_balanced(&html);
}
