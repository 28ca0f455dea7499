//! Benchmarks: time per printed handout, and a whole-site build over a generated corpus.
//!
//! Run with `cargo bench`. Times on a shared 2-core machine are noisy, so each figure is the
//! minimum and median of many runs, and every figure is also given as a ratio to a baseline
//! measured in the same run (so a slower machine does not read as a regression).
#![allow(missing_docs)]

use handouts::edition::{Lang, PrintSize};
use handouts::model::Date;
use handouts::render::pdf::Fonts;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = Date::parse("2026-11-01").expect("a valid date");
    let fonts = Fonts::embedded();

    // Per handout, on one thread: validation of the same content is the baseline.
    let content = repo.join("content");
    let (site, theme, _) =
        handouts::check(&content, None, today).expect("the sample content is valid");
    let job = handouts::render::Job::new(&site, &theme, Lang::EN, PrintSize::Regular)
        .expect("the English book");
    let book = site.default_book();
    let (p, v) = (&book.procedures[0], &book.procedures[0].variants[0]);
    let runs = 200;
    let baseline = time(runs, || {
        let _ = handouts::check(&content, None, today);
    });
    let html = time(runs, || {
        let _ = handouts::render::html::pages(&job);
    });
    let pdf = time(runs, || {
        let _ = handouts::render::print::handout(&job, p, v, fonts);
    });
    let pages =
        handouts::render::print::handout(&job, p, v, fonts).map_or(0, |r| r.layout.pages.len());
    println!(
        "one handout ({}/{}, {pages} pages, fonts subset), {runs} runs on one thread:",
        p.slug, v.slug
    );
    report(
        "  load + validate all sample content (baseline)",
        baseline,
        baseline,
    );
    report("  render every HTML page of the sample", html, baseline);
    report("  render one PDF handout", pdf, baseline);

    // A generated corpus: the sample's procedures copied until there are `n` variants.
    for n in [50, 200] {
        let dir = tempfile::tempdir().expect("a temp dir");
        let corpus = generate(&content, dir.path(), n);
        let out = dir.path().join("output");
        let options = handouts::BuildOptions {
            content: corpus.clone(),
            theme: None,
            out,
            today,
            overrides: handouts::Overrides::default(),
        };
        let check = time(5, || {
            let _ = handouts::check(&corpus, None, today);
        });
        let build = time(5, || {
            handouts::build(&options).expect("the corpus builds");
        });
        println!("generated corpus of {n} variants, 5 runs (all cores):");
        report("  check (baseline)", check, check);
        report("  full build: pages + PDFs + write", build, check);
        println!(
            "  per handout in the full build: {:.2} ms (median)",
            build.1.as_secs_f64() * 1000.0 / n as f64
        );
    }
}

/// (minimum, median) of `runs` calls.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm up: the fonts are parsed once per process.
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[times.len() / 2])
}

fn report(label: &str, (min, median): (Duration, Duration), (_, base): (Duration, Duration)) {
    println!(
        "{label:<52} min {:>8.3} ms  median {:>8.3} ms  ({:.2}× baseline)",
        min.as_secs_f64() * 1000.0,
        median.as_secs_f64() * 1000.0,
        median.as_secs_f64() / base.as_secs_f64()
    );
}

/// Copies the sample's clinic and procedures into `dir`, renaming copies, until it holds `n` variants.
fn generate(sample: &Path, dir: &Path, n: usize) -> std::path::PathBuf {
    let root = dir.join("content");
    std::fs::create_dir_all(&root).expect("create corpus");
    std::fs::copy(sample.join("clinic.yaml"), root.join("clinic.yaml")).expect("copy clinic.yaml");
    let procedures: Vec<std::path::PathBuf> = std::fs::read_dir(sample)
        .expect("read sample")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    let mut made = 0;
    let mut copy = 0;
    while made < n {
        for proc_dir in &procedures {
            let name = proc_dir
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let target = root.join(format!("{name}-{copy}"));
            std::fs::create_dir_all(&target).expect("create procedure");
            for entry in std::fs::read_dir(proc_dir)
                .expect("read procedure")
                .flatten()
            {
                let file = entry.file_name().to_string_lossy().into_owned();
                let is_variant = file.ends_with(".md") && file != "_procedure.md";
                if is_variant && made >= n {
                    continue;
                }
                std::fs::copy(entry.path(), target.join(&file)).expect("copy file");
                made += usize::from(is_variant);
            }
        }
        copy += 1;
    }
    root
}
