//! Nothing the source says is silently lost: every word and number of a handout's Markdown (its
//! own sections and the ones it inherits), and every list number, reaches its web page and the
//! text of both its PDFs. Checked on the sample and on a generated corpus, with a Markdown reader
//! of its own (pulldown-cmark directly), so the pipeline does not check itself.

use crate::common;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// What a Markdown body says: its words (headings of sections aside: a standard heading shows as
/// the labels' title, which may differ from an alias written), and the numbers of its numbered
/// lists' items.
#[derive(Default)]
struct Said {
    /// Lowercase runs of letters and digits.
    words: Vec<String>,
    /// The number each numbered list's items show, as `3.`.
    numbers: Vec<String>,
}

/// Lowercase runs of letters and digits of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The `##` sections of a body, by heading (lowercase), each with what it says.
fn sections(body: &str) -> Vec<(String, Said)> {
    let mut out: Vec<(String, Said)> = Vec::new();
    let mut heading: Option<String> = None;
    let mut in_image = 0usize;
    // Each open list: its next number, if numbered.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_GFM);
    for event in parser {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                let h = heading.take().unwrap_or_default();
                out.push((h.trim().to_lowercase(), Said::default()));
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                if let (Some(Some(n)), Some((_, said))) = (lists.last_mut(), out.last_mut()) {
                    said.numbers.push(format!("{n}."));
                    *n += 1;
                }
            }
            Event::Text(t) | Event::Code(t) => match (&mut heading, out.last_mut()) {
                (Some(h), _) => h.push_str(&t),
                // Alt text is not printed: it is the picture's description for screen readers.
                (None, Some((_, said))) if in_image == 0 => said.words.extend(words(&t)),
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// The body of a Markdown file (after its front matter).
fn body(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").unwrap_or(text);
    rest.find("\n---\n").map_or(rest, |i| &rest[i + 5..])
}

/// What a variant's page and PDFs must say: its own sections and those of its procedure's file
/// that it does not write itself.
fn expected(variant: &str, procedure: &str) -> Said {
    let own = sections(body(variant));
    let mut said = Said::default();
    for (heading, s) in sections(body(procedure)) {
        if !own.iter().any(|(h, _)| *h == heading) {
            said.words.extend(s.words);
            said.numbers.extend(s.numbers);
        }
    }
    for (_, s) in own {
        said.words.extend(s.words);
        said.numbers.extend(s.numbers);
    }
    said
}

/// Text with every character but letters and digits removed, lowercase: hyphenation, line breaks
/// and spacing set aside.
fn stream(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text of an HTML page: its tags removed, its entities decoded.
fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Asserts that every word and list number `said` reaches the page and both PDFs of the variant
/// at `dir` (`…/<procedure>/<variant>/`).
fn assert_reaches(said: &Said, dir: &Path, procedure: &str, variant: &str) {
    let page = page_text(&std::fs::read_to_string(dir.join("index.html")).unwrap_or_default());
    let mut outputs = vec![("the page".to_string(), page)];
    for pdf in [
        format!("{procedure}-{variant}.pdf"),
        format!("{procedure}-{variant}-large.pdf"),
    ] {
        outputs.push((pdf.clone(), common::pdftotext(&dir.join(&pdf))));
    }
    for (what, text) in &outputs {
        let all = stream(text);
        for word in &said.words {
            assert!(
                all.contains(word.as_str()),
                "{}: {word:?} is in the source but not in {what}",
                dir.display()
            );
        }
        if what != "the page" {
            for number in &said.numbers {
                assert!(
                    text.contains(number.as_str()),
                    "{}: the list number {number:?} is not in {what}",
                    dir.display()
                );
            }
        }
    }
}

/// Builds `content` into `out` and checks every variant of every procedure, in every language.
fn check_all(content: &Path, out: &Path) {
    let report = handouts::build(&common::build_options(content, out))
        .unwrap_or_else(|d| panic!("the build failed: {d}"));
    let mut checked = 0;
    for entry in std::fs::read_dir(content).unwrap_or_else(|e| panic!("{e}")) {
        let folder = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if !folder.is_dir() {
            continue;
        }
        let procedure = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for file in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{e}")) {
            let path = file.unwrap_or_else(|e| panic!("{e}")).path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let Some(stem) = name.strip_suffix(".md") else {
                continue;
            };
            if stem.starts_with('_') {
                continue;
            }
            let (variant, lang) = match stem.split_once('.') {
                Some((v, l)) => (v.to_string(), Some(l.to_string())),
                None => (stem.to_string(), None),
            };
            let shared = match &lang {
                Some(l) => folder.join(format!("_procedure.{l}.md")),
                None => folder.join("_procedure.md"),
            };
            let said = expected(
                &std::fs::read_to_string(&path).unwrap_or_default(),
                &std::fs::read_to_string(&shared).unwrap_or_default(),
            );
            let dir = match &lang {
                Some(l) => out.join(l).join(&procedure).join(&variant),
                None => out.join(&procedure).join(&variant),
            };
            assert_reaches(&said, &dir, &procedure, &variant);
            checked += 1;
        }
    }
    assert!(checked > 0 && report.files > 0, "nothing was checked");
}

#[test]
fn every_word_and_list_number_of_the_sample_reaches_the_page_and_both_pdfs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    check_all(&root.join("content"), &out.path().join("output"));
}

#[test]
fn every_word_of_a_generated_corpus_reaches_the_page_and_both_pdfs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let content = dir.path().join("content");
    handouts_corpus::generate(4, &content).unwrap_or_else(|e| panic!("{e}"));
    check_all(&content, &dir.path().join("output"));
}

#[test]
fn the_checker_sees_a_word_that_is_missing() {
    // The check can fail: a word only in the source is found missing.
    let said = Said {
        words: vec!["zyxwvut".into()],
        numbers: Vec::new(),
    };
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = out.path().join("output");
    handouts::build(&common::build_options(&root.join("content"), &target))
        .unwrap_or_else(|d| panic!("{d}"));
    let caught = std::panic::catch_unwind(|| {
        assert_reaches(
            &said,
            &target.join("microneedling/prp"),
            "microneedling",
            "prp",
        )
    });
    assert!(caught.is_err());
}

#[test]
fn every_word_of_fuzzed_content_that_builds_reaches_the_page_and_both_pdfs() {
    // The fuzz corpus: byte-level mutations of the fixture's variant; those that build must lose
    // nothing either (those that do not are the fuzz test's business).
    let mut rng = crate::fuzz::Rng(0x5eed_1e55_0000_0022);
    let mut checked = 0;
    for _ in 0..400 {
        let f = common::Fixture::new();
        let bytes = crate::fuzz::mutate(common::VARIANT.as_bytes(), &mut rng);
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        f.write("content/microneedling/classic.md", &text);
        let out = f.path("output");
        if handouts::build(&common::build_options(&f.path("content"), &out)).is_err() {
            continue;
        }
        let said = expected(&text, common::PROCEDURE);
        assert_reaches(
            &said,
            &out.join("microneedling/classic"),
            "microneedling",
            "classic",
        );
        checked += 1;
        if checked == 25 {
            break;
        }
    }
    assert!(checked >= 10, "only {checked} mutated handouts built");
}
