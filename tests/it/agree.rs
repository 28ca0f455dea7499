//! `handouts build` and `handouts serve` agree file for file: one output folder, built again with
//! its cache after each edit, and one live preview, rebuilt in memory after the same edit, follow
//! the bundled sample through every kind of change an editor or a web team makes, and after each
//! one hold the same paths with the same bytes. A failed edit leaves both as they were.

use crate::common;

use handouts::model::Date;
use handouts::serve::{Preview, Rebuild};
use handouts::{BuildOptions, BuildReport};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every file of one version of the site, by path.
type Files = BTreeMap<String, Vec<u8>>;

/// A copy of the sample content and a theme folder overriding the English labels, with one
/// output folder and one preview that live as long as it does.
struct Both {
    dir: tempfile::TempDir,
    opts: BuildOptions,
    preview: Preview,
    /// What both held after the last edit that built.
    last: Files,
}

impl Both {
    fn new() -> Both {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let copied = std::process::Command::new("cp")
            .args(["-R", "content"])
            .arg(&content)
            .status()
            .unwrap();
        assert!(copied.success(), "copying the sample content");
        let theme = dir.path().join("theme");
        fs::create_dir_all(theme.join("labels")).unwrap();
        fs::copy(
            "themes/default/labels/en.yaml",
            theme.join("labels/en.yaml"),
        )
        .unwrap();
        let opts = BuildOptions {
            theme: Some(theme.clone()),
            ..common::build_options(&content, &dir.path().join("output"))
        };
        let preview = Preview::new(&content, Some(&theme), opts.today);
        Both {
            dir,
            opts,
            preview,
            last: Files::new(),
        }
    }

    /// The path of `rel` in the content folder.
    fn content(&self, rel: &str) -> PathBuf {
        self.opts.content.join(rel)
    }

    /// Replaces `from` with `to` in the content file `rel`, asserting that `from` is there.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        edit(&self.content(rel), from, to);
    }

    /// Builds to disk and rebuilds the preview after `step`; asserts that both succeed and hold
    /// the same files, and that each of `touched` was added, removed or changed by the step.
    fn agree(&mut self, step: &str, touched: &[&str]) -> (BuildReport, Rebuild) {
        let report =
            handouts::build(&self.opts).unwrap_or_else(|d| panic!("{step}: the build failed: {d}"));
        let r = self.preview.rebuild();
        self.preview.prepare();
        if let Some(problems) = &r.problems {
            panic!("{step}: the preview failed: {problems}");
        }
        let built: Files = common::snapshot(&self.opts.out).into_iter().collect();
        let served = served(&self.preview, step);
        assert_same(step, &built, &served);

        let before = std::mem::replace(&mut self.last, built);
        if before.is_empty() {
            return (report, r);
        }
        let differs = |path: &&str| before.get(*path) != self.last.get(*path);
        let unchanged: Vec<&&str> = touched.iter().filter(|p| !differs(p)).collect();
        assert!(unchanged.is_empty(), "{step}: did not change {unchanged:?}");
        // A step that changed no file's bytes proves nothing about how the two make them.
        assert!(
            before
                .iter()
                .any(|(path, bytes)| self.last.get(path).is_some_and(|b| b != bytes)),
            "{step}: no file's bytes changed"
        );
        (report, r)
    }

    /// After `step`, which makes the content wrong: the build fails and leaves the output folder
    /// as it was, and the preview reports the problem and keeps serving the last good files.
    fn both_refuse(&mut self, step: &str, problem: &str) {
        let err = handouts::build(&self.opts).expect_err(step).to_string();
        assert!(err.contains(problem), "{step}: the build said {err}");
        let kept: Files = common::snapshot(&self.opts.out).into_iter().collect();
        assert_same(&format!("{step}, the output folder"), &self.last, &kept);

        let r = self.preview.rebuild();
        self.preview.prepare();
        let shown = r.problems.map(|p| p.to_string()).unwrap_or_default();
        assert!(
            shown.contains(problem),
            "{step}: the preview said {shown:?}"
        );
        assert_eq!(shown, err, "{step}: the same messages");
        let snapshot = self.preview.snapshot();
        let in_page = snapshot.problems().unwrap_or_default();
        assert!(
            in_page.contains(problem),
            "{step}: the page shows {in_page:?}"
        );
        let kept = served(&self.preview, step);
        assert_same(&format!("{step}, the preview"), &self.last, &kept);
    }
}

/// Every file the preview serves, each made now if it was deferred.
fn served(preview: &Preview, step: &str) -> Files {
    let snapshot = preview.snapshot();
    snapshot
        .paths()
        .into_iter()
        .map(|path| {
            let bytes = match snapshot.file(path) {
                Some(Ok(bytes)) => bytes.to_vec(),
                Some(Err(d)) => panic!("{step}: the preview could not make {path}: {d}"),
                None => panic!("{step}: the preview lists {path} but has no file"),
            };
            (path.to_string(), bytes)
        })
        .collect()
}

/// Asserts that `built` (what `handouts build` wrote) and `served` have the same paths and bytes,
/// naming every path that differs.
fn assert_same(step: &str, built: &Files, served: &Files) {
    let (a, b): (BTreeSet<&String>, BTreeSet<&String>) =
        (built.keys().collect(), served.keys().collect());
    let only_built: Vec<_> = a.difference(&b).collect();
    let only_served: Vec<_> = b.difference(&a).collect();
    assert!(
        only_built.is_empty() && only_served.is_empty(),
        "{step}: only built: {only_built:?}; only served: {only_served:?}"
    );
    let differ: Vec<String> = built
        .iter()
        .filter(|(path, bytes)| served[*path] != **bytes)
        .map(|(path, bytes)| {
            let other = &served[path];
            let at = bytes.iter().zip(other).position(|(x, y)| x != y);
            let at = at.unwrap_or(bytes.len().min(other.len()));
            format!(
                "{path} ({} bytes built, {} served, first difference at byte {at})",
                bytes.len(),
                other.len()
            )
        })
        .collect();
    assert!(differ.is_empty(), "{step}: the bytes differ: {differ:#?}");
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn build_and_serve_agree_file_for_file_after_every_edit() {
    let mut both = Both::new();
    assert_eq!(both.opts.today, Date::parse(common::BUILD_DAY).unwrap());
    both.agree("the first build", &[]);
    let classic = [
        "microneedling/classic/index.html",
        "microneedling/classic/microneedling-classic.pdf",
        "microneedling/classic/microneedling-classic-large.pdf",
    ];

    // (1) A sentence in a section of one variant.
    both.edit(
        "microneedling/classic.md",
        "Numbing cream keeps it comfortable.",
        "Numbing cream keeps it comfortable for most people.",
    );
    let (report, rebuild) = both.agree("a sentence", &classic);
    // Both are incremental: the build takes the peel folder from its memo, and the preview
    // renders only what the sentence affects.
    assert_eq!(report.reused, 1, "a sentence: folders taken from the memo");
    assert!(!rebuild.everything, "a sentence: {}", rebuild.summary());

    // (2) A title, which the lists show too.
    both.edit(
        "chemical-peel/light.md",
        "title: \"Light chemical peel\"",
        "title: \"Gentle chemical peel\"",
    );
    both.agree(
        "a title",
        &[
            "chemical-peel/light/index.html",
            "chemical-peel/light/chemical-peel-light.pdf",
            "chemical-peel/index.html",
            "index.html",
            "feed.xml",
            "handouts.json",
            "print/index.html",
        ],
    );

    // (3) The bytes of a picture the classic variant shows, in both languages.
    let strip = both.content("microneedling/images/healing-strip.png");
    image::RgbImage::from_fn(1200, 330, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 140])
    })
    .save(&strip)
    .unwrap();
    both.agree(
        "a picture",
        &[
            classic[1],
            classic[2],
            "es/microneedling/classic/microneedling-classic.pdf",
        ],
    );

    // (4) A theme label: the heading of a section on every English page and handout, with the
    // old heading kept as another name so the content still matches it.
    edit(
        &both.dir.path().join("theme/labels/en.yaml"),
        "    title: \"What it is\"\n",
        "    title: \"What it is, in short\"\n    aliases: [\"What it is\"]\n",
    );
    let (report, rebuild) = both.agree("a theme label", &classic);
    assert_eq!(
        report.reused, 0,
        "a theme label: folders taken from the memo"
    );
    // Most files were left for the preview to make when asked: they were compared too.
    assert!(
        rebuild.everything && rebuild.deferred > 0,
        "a theme label: {}",
        rebuild.summary()
    );

    // (5) clinic.yaml: the phone number, on every page and handout.
    both.edit("clinic.yaml", "(555) 010-0142", "(555) 010-0143");
    both.agree(
        "clinic.yaml",
        &[
            classic[0],
            classic[1],
            "es/microneedling/classic/index.html",
            "404.html",
        ],
    );

    // (6) A deleted variant: a Spanish translation.
    fs::remove_file(both.content("microneedling/radiofrequency.es.md")).unwrap();
    both.agree(
        "a deleted variant",
        &[
            "es/microneedling/radiofrequency/index.html",
            "es/microneedling/index.html",
            "microneedling/radiofrequency/index.html",
            "handouts.json",
        ],
    );

    // (7) A renamed procedure folder: every address of its pages and handouts moves.
    fs::rename(both.content("chemical-peel"), both.content("skin-peel")).unwrap();
    both.agree(
        "a renamed procedure",
        &[
            "chemical-peel/index.html",
            "chemical-peel/light/chemical-peel-light.pdf",
            "skin-peel/index.html",
            "skin-peel/light/index.html",
            "index.html",
            "sitemap.xml",
        ],
    );

    // (8) A new variant.
    let light = fs::read_to_string(both.content("skin-peel/light.md")).unwrap();
    let deep = light.replacen("Gentle chemical peel", "Deep chemical peel", 1);
    fs::write(both.content("skin-peel/deep.md"), deep).unwrap();
    both.agree(
        "a new variant",
        &[
            "skin-peel/deep/index.html",
            "skin-peel/deep/skin-peel-deep.pdf",
            "skin-peel/index.html",
            "print/index.html",
        ],
    );

    // (9) An error, then its fix, which also changes the title.
    both.edit("skin-peel/deep.md", "title:", "titel:");
    both.both_refuse("an error", "titel");
    both.edit(
        "skin-peel/deep.md",
        "titel: \"Deep chemical peel\"",
        "title: \"Deep skin peel\"",
    );
    both.agree(
        "the error fixed",
        &["skin-peel/deep/index.html", "skin-peel/index.html"],
    );
}
