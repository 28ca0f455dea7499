//! Bad input at volume: mutated content must end in a good build or in located errors, never a
//! panic, a hang, a stack overflow or an empty PDF.
//!
//! `cargo test` runs a few thousand cases; `cargo test --release -- --ignored fuzz` runs 100,000.

use crate::common;
use handouts::model::Date;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::path::Path;
use std::sync::{mpsc, OnceLock};
use std::time::{Duration, Instant};

/// The most one case may take: a hang is a failure, not a slow test.
const CASE_LIMIT: Duration = Duration::from_secs(20);

/// The pool the cases run on, for this module's tests only. In the one test binary, other
/// modules' builds keep rayon's global pool busy, and a case's parallel steps would wait behind
/// them: the time limits would measure other tests. Its threads have rayon's default stack, as the
/// binary's workers do; the binary's serial steps have its main thread's 8 MiB and here they get
/// less, so a stack overflow there is one here too.
fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("fuzz-{i}"))
            .build()
            .expect("a thread pool")
    })
}

/// A content folder the cases write into, one variant file at a time.
struct Bench {
    dir: tempfile::TempDir,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        std::fs::create_dir_all(root.join("microneedling")).unwrap();
        std::fs::write(root.join("clinic.yaml"), common::CLINIC).unwrap();
        std::fs::write(root.join("microneedling/_procedure.md"), common::PROCEDURE).unwrap();
        Bench { dir }
    }

    fn content(&self) -> std::path::PathBuf {
        self.dir.path().join("content")
    }

    /// Runs one case: check the content and, if it is valid, render the page and the PDF.
    /// Returns what happened, or panics with the case when an invariant breaks.
    fn case(&self, file: &str, bytes: &[u8]) -> Outcome {
        let path = self.content().join(file);
        std::fs::write(&path, bytes).unwrap();
        let content = self.content();
        let (tx, rx) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            let started = Instant::now();
            let outcome = pool().install(|| run(&content));
            let _ = tx.send((outcome, started.elapsed()));
        });
        let (outcome, took) = match rx.recv_timeout(CASE_LIMIT) {
            Ok(r) => r,
            Err(_) => panic!("case took longer than {CASE_LIMIT:?}: {:?}", shorten(bytes)),
        };
        if worker.join().is_err() {
            panic!("the pipeline panicked on: {:?}", shorten(bytes));
        }
        let _ = std::fs::remove_file(&path);
        match outcome {
            Outcome::Failed(msg) => panic!("{msg}\ninput: {:?}", shorten(bytes)),
            other => {
                SLOWEST.with(|s| s.set(s.get().max(took)));
                other
            }
        }
    }
}

thread_local! {
    static SLOWEST: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
}

#[derive(Debug)]
enum Outcome {
    Built,
    Rejected,
    Failed(String),
}

fn run(content: &Path) -> Outcome {
    let today = Date::parse("2026-11-01").unwrap();
    match handouts::check(content, None, today) {
        Err(diags) => {
            if !diags.has_errors() {
                return Outcome::Failed("a failed check reported no error".into());
            }
            for d in diags.iter() {
                if d.file.is_none() {
                    return Outcome::Failed(format!("an error names no file: {d}"));
                }
            }
            Outcome::Rejected
        }
        Ok((site, theme, _)) => {
            // Every output: pages, site files and every handout's PDF.
            match handouts::render::render_all(&site, &theme) {
                Err(d) => Outcome::Failed(format!("valid content failed to render: {d}")),
                Ok(files) => {
                    let pdfs: Vec<_> = files.iter().filter(|f| f.path.ends_with(".pdf")).collect();
                    if pdfs.iter().any(|f| !f.bytes.starts_with(b"%PDF")) {
                        return Outcome::Failed("a file named .pdf is not a PDF".into());
                    }
                    if pdfs.len() < site.default_book().variants().count() {
                        return Outcome::Failed("a handout has no PDF".into());
                    }
                    Outcome::Built
                }
            }
        }
    }
}

fn shorten(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.len() > 600 {
        format!(
            "{}…({} bytes)",
            &text.chars().take(600).collect::<String>(),
            bytes.len()
        )
    } else {
        text.into_owned()
    }
}

/// A small deterministic generator, so a failing case can be replayed from its number.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Applies 1–4 random edits of the kinds editors and copy-paste make.
pub(crate) fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(12) {
            0 => {
                if at < b.len() {
                    b[at] ^= 1 << rng.below(8);
                }
            }
            1 => b.insert(at, rng.next() as u8),
            2 => {
                if at < b.len() {
                    b.remove(at);
                }
            }
            3 => b.truncate(at),
            4 => b.insert(at, b'\t'),
            5 => b.insert(at, 0),
            6 => b.splice(at..at, [0xff, 0xfe, 0xc3]).for_each(drop),
            7 => b.splice(0..0, "\u{feff}".bytes()).for_each(drop),
            8 => {
                b = String::from_utf8_lossy(&b)
                    .replace('\n', "\r\n")
                    .into_bytes()
            }
            9 => {
                // Delete, duplicate or swap whole lines.
                let mut lines: Vec<Vec<u8>> =
                    b.split(|c| *c == b'\n').map(<[u8]>::to_vec).collect();
                let i = rng.below(lines.len());
                let j = rng.below(lines.len());
                match rng.below(3) {
                    0 => {
                        lines.remove(i);
                    }
                    1 => {
                        let l = lines[i].clone();
                        lines.insert(j, l);
                    }
                    _ => lines.swap(i, j),
                }
                b = lines.join(&b'\n');
            }
            10 => {
                const SNIPPETS: &[&str] = &[
                    "\n## ",
                    "\n### ",
                    "\n- ",
                    ": ",
                    "**",
                    "*",
                    "[",
                    "](",
                    "<b>",
                    "{{ title }}",
                    "{% if %}",
                    "---\n",
                    "\n---",
                    "&amp;",
                    "\"",
                    "'",
                    "  ",
                    "\n\n",
                    "> ",
                    "`",
                    "javascript:alert(1)",
                    "\u{6f22}",
                    "\u{2713}",
                    "|",
                    "&a *a",
                ];
                let s = SNIPPETS[rng.below(SNIPPETS.len())];
                b.splice(at..at, s.bytes()).for_each(drop);
            }
            _ => {
                let n = rng.below(b.len().saturating_sub(at) + 1);
                let end = (at + n).min(b.len());
                b.drain(at..end);
            }
        }
    }
    b
}

/// Runs `n` mutation cases per file of the fixture; returns (built, rejected) counts.
fn mutation_run(n: usize, seed: u64) -> (usize, usize) {
    let bench = Bench::new();
    let mut rng = Rng(seed);
    let (mut built, mut rejected) = (0, 0);
    for _ in 0..n {
        let (file, original) = if rng.below(4) == 0 {
            ("microneedling/_procedure.md", common::PROCEDURE)
        } else {
            ("microneedling/classic.md", common::VARIANT)
        };
        let bytes = mutate(original.as_bytes(), &mut rng);
        match bench.case(file, &bytes) {
            Outcome::Built => built += 1,
            _ => rejected += 1,
        }
        // Keep the other file valid for the next case.
        std::fs::write(
            bench.content().join("microneedling/_procedure.md"),
            common::PROCEDURE,
        )
        .unwrap();
    }
    (built, rejected)
}

#[test]
fn mutated_content_never_crashes() {
    let (built, rejected) = mutation_run(2_000, 0x9e37_79b9_7f4a_7c15);
    assert!(
        built > 50 && rejected > 50,
        "the mutations should give both outcomes: {built} built, {rejected} rejected"
    );
}

#[test]
#[ignore = "100,000 cases: run with `cargo test --release -- --ignored fuzz`"]
fn fuzz_100k_mutations() {
    let started = Instant::now();
    let (built, rejected) = mutation_run(100_000, 0x2545_f491_4f6c_dd1d);
    let slowest = SLOWEST.with(|s| s.get());
    println!(
        "fuzz: 100000 cases, {built} built, {rejected} rejected, slowest {slowest:?}, total {:?}",
        started.elapsed()
    );
}

#[test]
fn hostile_shapes_are_rejected_quickly() {
    let bench = Bench::new();
    let v = common::VARIANT;
    let deep_list: String = (0..10_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let deep_quote = format!("{}x\n", "> ".repeat(10_000));
    let deep_emphasis = format!("{}x{}", "*".repeat(20_000), "*".repeat(20_000));
    let long_line = "a".repeat(5 * 1024 * 1024);
    let anchors = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    let many_items: String = (0..600).map(|i| format!("- item {i}\n")).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "deep list",
            v.replace("## FAQ", &format!("## Risks\n\n{deep_list}\n## FAQ"))
                .into_bytes(),
        ),
        (
            "deep quote",
            v.replace("## FAQ", &format!("{deep_quote}\n## FAQ"))
                .into_bytes(),
        ),
        (
            "deep emphasis",
            v.replace("Numbing cream first", &deep_emphasis)
                .into_bytes(),
        ),
        (
            "5 MB line",
            v.replace("Numbing cream first", &long_line).into_bytes(),
        ),
        (
            "anchor bomb",
            v.replacen("---\n", &format!("---\n{anchors}"), 1)
                .into_bytes(),
        ),
        (
            "600 items",
            v.replace("## FAQ", &format!("## Risks\n\n{many_items}\n## FAQ"))
                .into_bytes(),
        ),
        ("only NULs", vec![0; 4096]),
        ("empty", Vec::new()),
    ];
    for (name, bytes) in cases {
        let started = Instant::now();
        let outcome = bench.case("microneedling/classic.md", &bytes);
        assert!(matches!(outcome, Outcome::Rejected), "{name}: {outcome:?}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

proptest! {
    // Past failures are kept in `fuzz.proptest-regressions` beside this file and re-run first.
    // Named explicitly: proptest's default looks for the folder holding a `main.rs` (this one)
    // and would read `tests/proptest-regressions/fuzz.txt` instead.
    #![proptest_config(ProptestConfig {
        cases: 300,
        failure_persistence: Some(Box::new(
            FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    /// Any text at all in a front-matter value either builds or gives located errors.
    #[test]
    fn any_front_matter_value(value in ".{0,80}") {
        let bench = Bench::new();
        let text = common::VARIANT.replace("Dr. Test Reviewer", &value);
        let _ = bench.case("microneedling/classic.md", text.as_bytes());
    }

    /// Any text in a body section either builds or gives located errors.
    #[test]
    fn any_body_text(body in "(\\PC|\n|\t|\\*|#|-|\\[|\\]|\\(|\\)){0,200}") {
        let bench = Bench::new();
        let text = common::VARIANT.replace("Most people feel pressure, not pain.", &body);
        let _ = bench.case("microneedling/classic.md", text.as_bytes());
    }
}
