//! The website a build writes: pages, their sections and metadata, links under a sub-path.

use crate::common;
use common::{assert_in_order, snapshot, Fixture};

fn built() -> Fixture {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    f
}

#[test]
fn variant_page_has_all_eight_sections_in_order_with_inherited_ones() {
    let f = built();
    let page = f.read("output/microneedling/classic/index.html");
    assert_in_order(
        &page,
        &[
            "<h2 id=\"what-it-is-h\">What it is</h2>",
            "tiny wounds so the skin builds collagen",
            "<h2 id=\"what-to-expect-h\">What to expect</h2>",
            "<h2 id=\"recovery-timeline-h\">Recovery timeline</h2>",
            "<dt>Days 1–3</dt><dd>redness like a mild sunburn.</dd>",
            "<h2 id=\"do-h\">Do</h2>",
            // Inherited from _procedure.md:
            "<li>Wash gently with a mild cleanser.</li>",
            "<h2 id=\"dont-h\">Don’t</h2>",
            "<li>Do not pick at flaking skin.</li>",
            "<h2 id=\"risks-h\">Risks</h2>",
            "<h2 id=\"when-to-call-h\">When to call us</h2>",
            "<li><strong>A fever</strong> or spreading redness.</li>",
            "<h2 id=\"faq-h\">Common questions</h2>",
            "<h3>Does it hurt?</h3>",
            "<p>Most people feel pressure, not pain.</p>",
            "<h3>How many sessions?</h3>",
        ],
    );
}

#[test]
fn variant_page_has_facts_review_phone_and_metadata() {
    let f = built();
    let page = f.read("output/microneedling/classic/index.html");
    for needle in [
        "<dt>Sessions</dt><dd>4–6\u{a0}sessions</dd>",
        "<dt>Downtime</dt><dd>1–3\u{a0}days</dd>",
        "Reviewed <time datetime=\"2026-03-14\">14 March 2026</time> by Dr. Test Reviewer.",
        "Next review due <time datetime=\"2027-03-14\">14 March 2027</time>.",
        "<a href=\"tel:5550100100\">(555) 010-0100</a>",
        "<link rel=\"canonical\" href=\"https://clinic.example/care/handouts/microneedling/classic/\">",
        "<meta name=\"description\" content=\"What to expect from classic microneedling and how to care for your skin.\">",
        "\"@type\":\"MedicalWebPage\"",
        "\"lastReviewed\":\"2026-03-14\"",
        "\"reviewedBy\":{\"@type\":\"Person\",\"name\":\"Dr. Test Reviewer\"}",
        "class=\"section section-when-to-call shape-call\"",
        "After hours: <a href=\"tel:5550100199\">(555) 010-0199</a>",
    ] {
        assert!(page.contains(needle), "missing {needle:?}");
    }
    assert!(
        !page.contains("<script src"),
        "no JavaScript is needed to read a page"
    );
}

#[test]
fn index_and_procedure_pages_list_the_variants_with_relative_links() {
    let f = built();
    let index = f.read("output/index.html");
    assert!(
        index.contains("<a href=\"microneedling/\">Microneedling</a>"),
        "{index}"
    );
    assert!(index.contains("<a href=\"microneedling/classic/\">Classic microneedling</a>"));
    let procedure = f.read("output/microneedling/index.html");
    assert!(procedure.contains("<a href=\"../microneedling/classic/\">Classic microneedling</a>"));
    // The stylesheet's name carries its content hash, and every page links the published file.
    let sheet = std::fs::read_dir(f.path("output"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| {
            n.starts_with("style.") && n.ends_with(".css") && n.len() == "style.12345678.css".len()
        })
        .expect("a hashed stylesheet");
    assert!(procedure.contains(&format!("<link rel=\"stylesheet\" href=\"../{sheet}\">")));
    assert!(index.contains(&format!("<link rel=\"stylesheet\" href=\"{sheet}\">")));
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains(&format!("<link rel=\"stylesheet\" href=\"../../{sheet}\">")));
    // The stylesheet names the hashed font files, which are published.
    let css = f.read(&format!("output/{sheet}"));
    let font = css
        .split("url(")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("a font in the stylesheet");
    assert!(
        font.starts_with("fonts/atkinson-hyperlegible-regular.") && font.ends_with(".woff2"),
        "{font}"
    );
    assert!(f.path(&format!("output/{font}")).is_file(), "{font}");
    assert!(!f.path("output/style.css").exists());
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let f = built();
    let sitemap = f.read("output/sitemap.xml");
    assert_in_order(
        &sitemap,
        &[
            "<loc>https://clinic.example/care/handouts/</loc><lastmod>2026-03-14</lastmod>",
            "<loc>https://clinic.example/care/handouts/microneedling/</loc>",
            "<loc>https://clinic.example/care/handouts/microneedling/classic/</loc><lastmod>2026-03-14</lastmod>",
        ],
    );
}

#[test]
fn variants_are_sorted_by_order_then_title() {
    let f = Fixture::new();
    let second = common::VARIANT
        .replace("title: Classic microneedling", "title: Another one")
        .replace("sessions:", "order: 2\nsessions:");
    f.write("content/microneedling/another.md", &second);
    f.edit(
        "content/microneedling/classic.md",
        "sessions:",
        "order: 1\nsessions:",
    );
    assert_eq!(f.run(&["build"]).code, Some(0));
    let page = f.read("output/microneedling/index.html");
    assert_in_order(&page, &["Classic microneedling", "Another one"]);
}

#[test]
fn rebuilds_are_byte_identical() {
    let f = built();
    let first = snapshot(&f.path("output"));
    assert_eq!(f.run(&["build"]).code, Some(0));
    assert_eq!(first, snapshot(&f.path("output")));
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let f = built();
    let before = snapshot(&f.path("output"));
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-13-14",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .ends_with("1 problem found; nothing was written; the previous output is unchanged.\n"),
        "{}",
        out.stderr
    );
    assert_eq!(before, snapshot(&f.path("output")));
    let leftovers: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.starts_with(".output") || n == ".output.lock" || n == ".output.cache"),
        "{leftovers:?}"
    );
}

#[test]
fn content_and_out_flags_are_honoured() {
    let f = Fixture::new();
    std::fs::rename(f.path("content"), f.path("site-src")).unwrap();
    let out = f.run(&["build", "--content", "site-src", "--out", "public"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(f.path("public/microneedling/classic/index.html").is_file());
    assert!(!f.path("output").exists());
}

#[test]
fn the_bundled_sample_builds_and_checks_clean() {
    let repo = env!("CARGO_MANIFEST_DIR");
    let out_dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_handouts"))
        .args(["build", "--content", &format!("{repo}/content"), "--out"])
        .arg(out_dir.path().join("site"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The eight required sections; classic adds one of the clinic's own (Day of treatment) and
    // PRP the optional Before your visit.
    for (page, sections) in [
        ("microneedling/classic", 9),
        ("microneedling/prp", 9),
        ("microneedling/radiofrequency", 8),
        ("chemical-peel/light", 8),
        ("chemical-peel/medium", 8),
    ] {
        let html =
            std::fs::read_to_string(out_dir.path().join("site").join(page).join("index.html"))
                .unwrap();
        assert_eq!(
            html.matches("<h2 id=").count(),
            sections,
            "{page} must have its {sections} sections"
        );
    }
}

#[test]
fn the_feed_and_the_catalog_list_every_handout() {
    let f = built();
    let feed = f.read("output/feed.xml");
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(feed.matches("<entry ").count(), 1);
    assert!(feed
        .contains("<link href=\"https://clinic.example/care/handouts/microneedling/classic/\"/>"));
    assert!(feed.contains("<updated>2026-03-14T00:00:00Z</updated>"));
    let json: serde_json::Value =
        serde_json::from_str(&f.read("output/handouts.json")).expect("handouts.json parses");
    let handouts = json["handouts"].as_array().expect("a list");
    assert_eq!(handouts.len(), 1);
    let h = &handouts[0];
    assert_eq!(h["slug"], "microneedling/classic");
    assert_eq!(h["language"], "en");
    assert_eq!(
        h["page_url"],
        "https://clinic.example/care/handouts/microneedling/classic/"
    );
    assert_eq!(
        h["pdf_url"],
        "https://clinic.example/care/handouts/microneedling/classic/microneedling-classic.pdf"
    );
    assert_eq!(h["reviewed"], "2026-03-14");
    assert_eq!(h["next_review"], "2027-03-14");
}

#[test]
fn a_not_found_page_and_a_robots_meta_from_clinic_yaml() {
    let f = built();
    let page = f.read("output/404.html");
    assert!(page.contains("<h1>Page not found</h1>"), "{page}");
    // Like every page it follows `site.noindex` (the server's 404 status keeps it out of search
    // results).
    assert!(page.contains("<meta name=\"robots\" content=\"index, follow\">"));
    // Served at any depth, so its links are absolute, and its styles, logo and icon inline: no
    // request it makes can miss.
    assert!(!page.contains("stylesheet"), "{page}");
    assert!(
        page.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,"),
        "{page}"
    );
    for attr in ["src=\"", "href=\""] {
        for value in page.split(attr).skip(1) {
            let value = value.split('"').next().unwrap_or_default();
            assert!(
                value.starts_with("https://")
                    || value.starts_with("data:")
                    || value.starts_with("mailto:")
                    || value.starts_with("tel:")
                    || value.starts_with('#'),
                "a relative {attr}{value}\" in 404.html"
            );
        }
    }
    assert!(page.contains("<a href=\"https://clinic.example/care/handouts/\">See all handouts</a>"));
    let variant = f.read("output/microneedling/classic/index.html");
    assert!(variant.contains("<meta name=\"robots\" content=\"index, follow\">"));
    assert!(variant.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(variant.contains("<meta property=\"og:locale\" content=\"en_US\">"));

    f.write(
        "content/clinic.yaml",
        &common::CLINIC.replace("site:\n", "site:\n  noindex: true\n"),
    );
    assert_eq!(f.run(&["build"]).code, Some(0));
    let variant = f.read("output/microneedling/classic/index.html");
    assert!(variant.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    let page = f.read("output/404.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
}

#[test]
fn base_url_and_paper_can_be_given_for_one_build() {
    let f = Fixture::new();
    let out = f.run(&[
        "build",
        "--base-url",
        "https://staging.clinic.example/handouts",
        "--paper",
        "a4",
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://staging.clinic.example/handouts/microneedling/classic/\">"
    ));
    let pdf =
        std::fs::read(f.path("output/microneedling/classic/microneedling-classic.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/MediaBox[0 0 595.28 841.89"), "A4 pages");

    let out = f.run(&["build", "--base-url", "staging.clinic.example"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "`staging.clinic.example` (given with --base-url) is not an absolute web address.\n  fix: give the full address the handouts are published at, starting with https://, for example `--base-url https://staging.clinic.example/care/handouts/`.\n\n1 problem found; nothing was written; the previous output is unchanged.\n"
    );
}

#[test]
fn the_print_station_lists_every_pdf_and_is_kept_out_of_search() {
    let f = built();
    let page = f.read("output/print/index.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(page.contains("<th scope=\"row\" lang=\"en\">Classic microneedling</th><td>English</td><td><time datetime=\"2026-03-14\">14 March 2026</time></td>"), "{page}");
    // Every PDF the build wrote is linked, with its page count.
    let pdfs: Vec<String> = snapshot(&f.path("output"))
        .into_iter()
        .map(|(path, _)| path)
        .filter(|p| p.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs.len(), 2);
    for pdf in &pdfs {
        assert!(
            page.contains(&format!("href=\"../{pdf}\"")),
            "{pdf} missing"
        );
    }
    assert!(page.contains(">Regular (2 pages)</a>"), "{page}");
    assert!(page.contains(">Large print ("), "{page}");
    // Not linked from the public pages, not in the sitemap.
    assert!(!f.read("output/index.html").contains("print/"));
    assert!(!f.read("output/sitemap.xml").contains("print/"));
}

#[test]
fn the_build_summary_counts_one_handout_in_the_singular() {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let summary = out.stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("Built 1 handout (") && summary.contains(" files) into "),
        "{summary}"
    );
}
