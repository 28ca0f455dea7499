//! A small, valid content folder that each test copies and then breaks in one way.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const CLINIC: &str = "name: Test Clinic (sample)\nphone: (555) 010-0100\nafter_hours_phone: (555) 010-0199\nsite:\n  base_url: https://clinic.example/care/handouts/\n";

pub const PROCEDURE: &str = "---\ntitle: Microneedling\nsummary: Tiny needles that help the skin renew itself.\n---\n\n## Do\n\n- Wash gently with a mild cleanser.\n- Use sunscreen every day.\n\n## Don't\n\n- Do not pick at flaking skin.\n\n## Risks\n\n- Infection, which is rare.\n\n## When to call us\n\n- **A fever** or spreading redness.\n";

pub const VARIANT: &str = "---\ntitle: Classic microneedling\nsummary: What to expect from classic microneedling and how to care for your skin.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\nsessions: 4–6 sessions\ndowntime: 1–3 days\n---\n\n## What it is\n\nA treatment that makes tiny wounds so the skin builds collagen.\n\n## What to expect\n\nNumbing cream first, then about 15 minutes of needling.\n\n## Recovery timeline\n\n- **Days 1–3:** redness like a mild sunburn.\n- **Week 2:** the skin looks smoother.\n\n## FAQ\n\n### Does it hurt?\n\nMost people feel pressure, not pain.\n\n### How many sessions?\n\nUsually four to six.\n";

/// A content folder in a temp dir: clinic.yaml, microneedling/_procedure.md and classic.md.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let f = Fixture { dir };
        f.write("content/clinic.yaml", CLINIC);
        f.write("content/microneedling/_procedure.md", PROCEDURE);
        f.write("content/microneedling/classic.md", VARIANT);
        f
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Replaces `from` with `to` in a file, asserting that `from` is there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Runs `handouts ARGS` in the fixture folder.
    pub fn run(&self, args: &[&str]) -> Outcome {
        let out = Command::new(env!("CARGO_BIN_EXE_handouts"))
            .args(args)
            .current_dir(self.root())
            .output()
            .unwrap();
        Outcome {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

#[derive(Debug)]
pub struct Outcome {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Every file under `dir`, relative path → bytes, sorted.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Asserts that each of `needles` is in `hay`, in this order.
pub fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match hay[from..].find(n) {
            Some(i) => from += i + n.len(),
            None => panic!("{n:?} missing or out of order after byte {from}:\n{hay}"),
        }
    }
}

/// The first line of each message in `stderr` (the `path:line:column: …` lines).
pub fn message_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("content/"))
        .collect()
}

/// The day library-level test builds run on.
pub const BUILD_DAY: &str = "2026-11-01";

/// Options to build `content` into `out` on [`BUILD_DAY`], with no theme folder or overrides.
pub fn build_options(content: &Path, out: &Path) -> handouts::BuildOptions {
    handouts::BuildOptions {
        content: content.to_path_buf(),
        theme: None,
        out: out.to_path_buf(),
        today: handouts::model::Date::parse(BUILD_DAY).expect("a date"),
        overrides: handouts::Overrides::default(),
    }
}

/// The text of the PDF at `pdf` in the order it was painted (`pdftotext -raw`, from
/// poppler-utils, which the CI installs).
pub fn pdftotext(pdf: &Path) -> String {
    let run = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output();
    let out = run.expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext: {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The handout of variant `slug` of `site`, in `lang` and `size`.
pub fn render_variant(
    site: &handouts::model::Site,
    theme: &handouts::theme::Theme,
    lang: handouts::edition::Lang,
    size: handouts::edition::PrintSize,
    slug: &str,
) -> handouts::render::pdf::Rendered {
    let fonts = handouts::render::pdf::Fonts::embedded();
    let job = handouts::render::Job::new(site, theme, lang, size).expect("the book");
    let (p, v) = job
        .book
        .variants()
        .find(|(_, v)| v.slug.to_string() == slug)
        .expect("the handout");
    handouts::render::print::handout(&job, p, v, fonts).unwrap_or_else(|d| panic!("{d}"))
}
