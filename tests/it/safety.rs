//! Nothing unsafe reaches a reader, and nothing is lost: escaping in every output context,
//! content that looks like template code, killed and concurrent builds, unwritable output.

use crate::common;
use common::{snapshot, Fixture};
use std::process::{Command, Stdio};
use std::time::Duration;

const NASTY: &str = "Peel </script><script>alert(1)</script> & \"quotes\" 'too'";

#[test]
fn a_hostile_title_is_escaped_in_html_attributes_json_ld_and_pdf_metadata() {
    let f = Fixture::new();
    // YAML double quotes allow the \n escape: a newline inside the title.
    let yaml_title = format!("\"{}\\nline two\"", NASTY.replace('"', "\\\""));
    f.edit(
        "content/microneedling/classic.md",
        "title: Classic microneedling",
        &format!("title: {yaml_title}"),
    );
    f.edit(
        "content/microneedling/classic.md",
        "summary: What to expect from classic microneedling and how to care for your skin.",
        &format!("summary: {yaml_title}"),
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(!page.contains("<script>alert"), "script injected:\n{page}");
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the JSON-LD script element"
    );
    // The newline became a space; text and attributes are entity-escaped. A title's quotes are
    // typographic (they are punctuation there); the summary keeps its straight ones, escaped.
    let escaped =
        "Peel &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes” ‘too’ line two";
    assert!(page.contains(&format!("<h1>{escaped}</h1>")), "{page}");
    assert!(page.contains(&format!(
        "<meta property=\"og:title\" content=\"{escaped}\">"
    )));
    let summary = "Peel &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39; line two";
    assert!(page.contains(&format!("content=\"{summary}\"")), "{page}");
    // JSON-LD: no `<` at all inside the script element, quotes escaped for JSON.
    let json = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    assert!(
        !json.contains('<') && !json.contains('>') && !json.contains('&'),
        "{json}"
    );
    assert!(json.contains("\"name\":\"Peel \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 “quotes” ‘too’ line two\""), "{json}");
    // The summary's straight quotes, escaped for JSON.
    assert!(json.contains("\\\"quotes\\\" 'too' line two"), "{json}");
    let sitemap = f.read("output/sitemap.xml");
    assert!(!sitemap.contains("script"));
    if let Ok(info) = Command::new("pdfinfo")
        .arg(f.path("output/microneedling/classic/microneedling-classic.pdf"))
        .output()
    {
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        assert!(
            info.contains(&format!(
                "Title:           {} line two",
                NASTY.replace("\"quotes\" 'too'", "“quotes” ‘too’")
            )),
            "{info}"
        );
    }
}

#[test]
fn text_that_looks_like_template_code_is_shown_literally() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Most people feel pressure, not pain.",
        "Type {{ clinic.name }} or {% if x %} — shown as is.",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(
        page.contains("<p>Type {{ clinic.name }} or {% if x %} — shown as is.</p>"),
        "{page}"
    );
}

#[test]
fn dangerous_link_schemes_are_errors() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "<java\tscript:alert(1)>",
        "data:text/html,<b>x</b>",
        "vbscript:msgbox",
    ] {
        let f = Fixture::new();
        f.edit(
            "content/microneedling/classic.md",
            "Usually four to six.",
            &format!("See [this]({href})."),
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1), "{href}: {}", out.stderr);
        assert!(
            out.stderr
                .starts_with("content/microneedling/classic.md:31:5: links starting with `"),
            "{href}: {}",
            out.stderr
        );
    }
}

#[test]
fn an_unwritable_output_keeps_the_previous_site() {
    let f = Fixture::new();
    assert_eq!(f.run(&["build"]).code, Some(0));
    let before = snapshot(&f.path("output"));
    // A file where the output's parent folder should be.
    f.write("blocked", "a file");
    let out = f.run(&["build", "--out", "blocked/site"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with("blocked: this is a file, so the output folder cannot be created inside it.\n  fix: move or delete the file, or choose another folder with `--out`."),
        "{}",
        out.stderr
    );
    // A file where the output folder should be.
    let out = f.run(&["build", "--out", "blocked"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .starts_with("blocked: the output path is a file, not a folder"),
        "{}",
        out.stderr
    );
    assert_eq!(f.read("blocked"), "a file");
    assert_eq!(before, snapshot(&f.path("output")));
}

/// A content folder big enough that a build takes long enough to be killed part-way.
fn big_fixture(variants: usize) -> Fixture {
    let f = Fixture::new();
    for i in 0..variants {
        f.write(&format!("content/microneedling/v{i}.md"), common::VARIANT);
    }
    f
}

#[test]
fn killing_a_build_at_any_moment_leaves_a_complete_site() {
    let f = big_fixture(40);
    assert_eq!(f.run(&["build"]).code, Some(0));
    let old = snapshot(&f.path("output"));
    // The complete result of the changed content, built elsewhere.
    f.edit(
        "content/microneedling/classic.md",
        "Usually four to six.",
        "Usually four to six sessions.",
    );
    assert_eq!(f.run(&["build", "--out", "expected"]).code, Some(0));
    let new = snapshot(&f.path("expected"));
    assert_ne!(old, new);
    let started = std::time::Instant::now();
    assert_eq!(f.run(&["build", "--out", "timing"]).code, Some(0));
    let full = started.elapsed();
    let mut seed = 0x1234_5678_u64;
    let (mut kept_old, mut got_new) = (0, 0);
    for trial in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = full.mul_f64((seed % 1000) as f64 / 1000.0 * 1.2);
        let mut child = Command::new(env!("CARGO_BIN_EXE_handouts"))
            .arg("build")
            .current_dir(f.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = snapshot(&f.path("output"));
        if now == old {
            kept_old += 1;
        } else if now == new {
            got_new += 1;
            // Start the next trial from the old site again.
            std::fs::remove_dir_all(f.path("output")).unwrap();
            copy_tree(&old, &f.path("output"));
        } else {
            panic!(
                "trial {trial}: killed after {wait:?}, output/ is neither the old nor the new site"
            );
        }
    }
    assert_eq!(kept_old + got_new, 50);
    eprintln!("50 kills: {kept_old} kept the previous site, {got_new} had finished the swap");
}

fn copy_tree(files: &[(String, Vec<u8>)], to: &std::path::Path) {
    for (rel, bytes) in files {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

#[test]
fn two_builds_at_once_do_not_corrupt_the_output() {
    let f = big_fixture(20);
    assert_eq!(f.run(&["build", "--out", "expected"]).code, Some(0));
    let expected = snapshot(&f.path("expected"));
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_handouts"))
            .arg("build")
            .current_dir(f.root())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(
        a.status.success() && b.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    assert_eq!(snapshot(&f.path("output")), expected);
    // A build killed while holding the lock does not leave it stuck.
    let mut child = spawn();
    std::thread::sleep(Duration::from_millis(30));
    let _ = child.kill();
    let _ = child.wait();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(snapshot(&f.path("output")), expected);
}

#[test]
fn local_files_must_exist_and_stay_inside_the_content_folder() {
    let cases = [
        ("[form](../../secret.txt)", "the link `../../secret.txt` leads out of the content folder."),
        ("[form](/etc/passwd)", "the link `/etc/passwd` is an absolute path; links to files must stay inside the content folder."),
        ("[form](forms/missing.pdf)", "the linked file `microneedling/forms/missing.pdf` does not exist in the content folder."),
        ("[form](file:///etc/passwd)", "links starting with `file:` cannot be opened by patients."),
        ("[form](outside.pdf)", "the linked file `microneedling/outside.pdf` is a symbolic link to a file outside the content folder."),
    ];
    for (link, message) in cases {
        let f = Fixture::new();
        f.write("secret.txt", "not for publishing");
        std::os::unix::fs::symlink(
            f.path("secret.txt"),
            f.path("content/microneedling/outside.pdf"),
        )
        .unwrap();
        f.edit(
            "content/microneedling/classic.md",
            "Usually four to six.",
            &format!("See the {link}."),
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(1), "{link}: {}", out.stderr);
        let first = out.stderr.lines().next().unwrap_or("");
        assert_eq!(
            first,
            format!("content/microneedling/classic.md:31:9: {message}"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_linked_local_file_is_published_and_linked_by_its_address() {
    let f = Fixture::new();
    f.write(
        "content/microneedling/forms/consent.pdf",
        "%PDF-1.4 consent form",
    );
    f.edit(
        "content/microneedling/classic.md",
        "Usually four to six.",
        "Sign the [consent form](forms/consent.pdf).",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        f.read("output/microneedling/forms/consent.pdf"),
        "%PDF-1.4 consent form"
    );
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains("<a href=\"https://clinic.example/care/handouts/microneedling/forms/consent.pdf\">consent form</a>"), "{page}");
}

#[test]
fn a_content_file_linking_outside_the_folder_is_an_error() {
    let f = Fixture::new();
    f.write("elsewhere.md", common::VARIANT);
    std::os::unix::fs::symlink(
        f.path("elsewhere.md"),
        f.path("content/microneedling/linked.md"),
    )
    .unwrap();
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.starts_with("content/microneedling/linked.md: this is a symbolic link to something outside the content folder, so it is not used."), "{}", out.stderr);
}

#[test]
fn raw_html_passes_only_when_clinic_yaml_allows_the_tag() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Usually four to six.",
        "Usually 4<sup>–6</sup> <abbr title=\"x\" onclick=\"evil()\">PRP</abbr>.",
    );
    // Not allowed: an error naming the place.
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with(
            "content/microneedling/classic.md:31:10: raw HTML is not allowed in handout text."
        ),
        "{}",
        out.stderr
    );
    // Allowed: shown, with every attribute stripped.
    f.edit(
        "content/clinic.yaml",
        "site:",
        "allowed_html: [sup, abbr]\nsite:",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let page = f.read("output/microneedling/classic/index.html");
    assert!(
        page.contains("<p>Usually 4<sup>–6</sup> <abbr>PRP</abbr>.</p>"),
        "{page}"
    );
    // A script stays an error even then, and the hint lists what is allowed.
    f.edit(
        "content/microneedling/classic.md",
        "Usually 4",
        "Usually <script>alert(1)</script> 4",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .contains("raw HTML is not allowed in handout text.")
            && out
                .stderr
                .contains("The HTML tags clinic.yaml allows are: abbr, sup."),
        "{}",
        out.stderr
    );
}

#[test]
fn only_harmless_tags_can_be_allowed() {
    let f = Fixture::new();
    f.edit(
        "content/clinic.yaml",
        "site:",
        "allowed_html: [sup, script]\nsite:",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.starts_with("content/clinic.yaml:4:15: the HTML tag `script` cannot be allowed: it could change how pages behave or look."),
        "{}",
        out.stderr
    );
}
