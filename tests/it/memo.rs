//! Rebuilds that take unchanged procedure folders from the build cache's memo: after every kind of
//! change an editor or a web team makes, the output and the messages are exactly those of a build
//! with no cache at all, and the folders that did not change are not checked again.

use crate::common;

use handouts::model::Date;
use handouts::{BuildOptions, BuildReport, Overrides};
use std::fs;
use std::path::{Path, PathBuf};

/// A copy of the bundled sample content in a temp dir, with the options to build it into
/// `output/` beside it.
struct Sample {
    dir: tempfile::TempDir,
    content: PathBuf,
    out: PathBuf,
    opts: BuildOptions,
}

impl Sample {
    fn new() -> Sample {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        for entry in walkdir::WalkDir::new("content").into_iter().flatten() {
            let target = content.join(entry.path().strip_prefix("content").unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
        let out = dir.path().join("output");
        let opts = common::build_options(&content, &out);
        Sample {
            dir,
            content,
            out,
            opts,
        }
    }

    /// Writes `text` as the peel's consent form and links it from the light peel, so the memo
    /// has a file outside the Markdown to watch; returns the form's path.
    fn link_consent_form(&self, text: &str) -> PathBuf {
        let peel = self.content.join("chemical-peel");
        fs::create_dir_all(peel.join("forms")).unwrap();
        let form = peel.join("forms/consent.txt");
        fs::write(&form, text).unwrap();
        edit(
            &peel.join("light.md"),
            "## What it is\n",
            "## What it is\n\nPlease read the [consent form](forms/consent.txt) first.\n",
        );
        form
    }
}

/// Builds with the memo into `out`, and with no cache into a fresh folder; asserts both give the
/// same files and the same messages, and returns the memo build's report.
fn same_as_cold(opts: &BuildOptions, step: &str) -> BuildReport {
    let warm = handouts::build(opts).unwrap_or_else(|d| panic!("{step}: {d}"));
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = BuildOptions {
        out: fresh_dir.path().join("output"),
        ..opts.clone()
    };
    let cold = handouts::build(&fresh).unwrap();
    assert_eq!(
        cold.reused, 0,
        "{step}: a build with no cache takes nothing"
    );
    let (a, b) = (common::snapshot(&opts.out), common::snapshot(&fresh.out));
    assert_eq!(
        a.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        b.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        "{step}: the same files"
    );
    for ((path, bytes), (_, other)) in a.iter().zip(&b) {
        assert!(bytes == other, "{step}: {path} differs");
    }
    assert_eq!(
        warm.warnings.to_string(),
        cold.warnings.to_string(),
        "{step}: the same messages"
    );
    assert_eq!(warm.files, cold.files, "{step}: the same file count");
    warm
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has `{from}`", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_kind_of_change_gives_what_a_build_without_a_cache_gives() {
    let sample = Sample::new();
    let (content, out, opts) = (&sample.content, &sample.out, &sample.opts);
    let peel = content.join("chemical-peel");
    let needling = content.join("microneedling");
    let form = sample.link_consent_form("Consent form, version 1.\n");

    let first = same_as_cold(opts, "first build");
    assert_eq!(first.reused, 0);
    let nothing = same_as_cold(opts, "nothing changed");
    assert_eq!(nothing.reused, 2, "both folders are taken from the memo");

    // A sentence of one variant: only its folder is checked again, and the lists of handouts,
    // which do not show it, are put back as they were (the same files).
    let ino =
        |rel: &str| std::os::unix::fs::MetadataExt::ino(&fs::metadata(out.join(rel)).unwrap());
    let lists = [
        "index.html",
        "es/index.html",
        "feed.xml",
        "handouts.json",
        "print/index.html",
    ];
    let before: Vec<u64> = lists.iter().map(|l| ino(l)).collect();
    edit(
        &peel.join("medium.md"),
        "## What it is\n",
        "## What it is\n\nAsk us anything before the day.\n",
    );
    assert_eq!(same_as_cold(opts, "a sentence").reused, 1);
    assert_eq!(lists.iter().map(|l| ino(l)).collect::<Vec<_>>(), before);

    // A title, which the index and the feed list: they are made again.
    edit(&peel.join("light.md"), "title: ", "title: Gentle ");
    assert_eq!(same_as_cold(opts, "a title").reused, 1);
    assert!(fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("Gentle "));
    assert!(fs::read_to_string(out.join("feed.xml"))
        .unwrap()
        .contains("Gentle "));
    assert_ne!(ino("print/index.html"), before[4]);

    // A Spanish translation.
    let es = needling.join("classic.es.md");
    edit(&es, "## ", "## ");
    fs::write(&es, fs::read_to_string(&es).unwrap() + "\n").unwrap();
    assert_eq!(same_as_cold(opts, "a translation").reused, 1);

    // The linked file's bytes, and the picture's: no Markdown changed.
    fs::write(&form, "Consent form, version 2.\n").unwrap();
    assert_eq!(same_as_cold(opts, "a linked file").reused, 1);
    let picture = needling.join("images/healing-strip.png");
    let png = fs::read(&picture).unwrap();
    let other = image::RgbImage::from_pixel(600, 165, image::Rgb([200, 120, 90]));
    other.save(&picture).unwrap();
    assert_eq!(same_as_cold(opts, "a picture").reused, 1);
    fs::write(&picture, png).unwrap();
    same_as_cold(opts, "the picture back");
    // The logo is on every page and handout.
    let logo = content.join("logo.png");
    let before = fs::read(&logo).unwrap();
    image::RgbImage::from_pixel(120, 120, image::Rgb([20, 90, 100]))
        .save(&logo)
        .unwrap();
    assert_eq!(same_as_cold(opts, "the logo").reused, 0);
    fs::write(&logo, before).unwrap();
    assert_eq!(same_as_cold(opts, "the logo back").reused, 0);

    // A new variant, then one deleted.
    fs::copy(peel.join("light.md"), peel.join("deep.md")).unwrap();
    assert_eq!(same_as_cold(opts, "a new variant").reused, 1);
    fs::remove_file(peel.join("deep.md")).unwrap();
    assert_eq!(same_as_cold(opts, "a deleted variant").reused, 1);

    // clinic.yaml and the command line change every folder's inputs.
    edit(&content.join("clinic.yaml"), "(555)", "(556)");
    assert_eq!(same_as_cold(opts, "clinic.yaml").reused, 0);
    let staging = BuildOptions {
        overrides: Overrides {
            base_url: Some("https://staging.example.org/handouts/".into()),
            paper: None,
        },
        ..opts.clone()
    };
    assert_eq!(same_as_cold(&staging, "--base-url").reused, 0);
    assert_eq!(same_as_cold(opts, "--base-url dropped").reused, 0);

    // A theme folder, then one of its labels changed.
    let theme = sample.dir.path().join("theme");
    fs::create_dir_all(theme.join("labels")).unwrap();
    let en = fs::read_to_string("themes/default/labels/en.yaml").unwrap();
    fs::write(theme.join("labels/en.yaml"), &en).unwrap();
    let themed = BuildOptions {
        theme: Some(theme.clone()),
        ..opts.clone()
    };
    assert_eq!(same_as_cold(&themed, "a theme folder").reused, 0);
    assert_eq!(same_as_cold(&themed, "the same theme").reused, 2);
    let first_value = en.lines().find(|l| l.contains(": ")).unwrap();
    let changed = en.replacen(first_value, &format!("{first_value} (changed)"), 1);
    fs::write(theme.join("labels/en.yaml"), changed).unwrap();
    assert_eq!(same_as_cold(&themed, "a label").reused, 0);

    // A whole folder deleted.
    assert_eq!(same_as_cold(opts, "no theme folder").reused, 0);
    fs::remove_dir_all(&needling).unwrap();
    assert_eq!(same_as_cold(opts, "a deleted folder").reused, 1);
}

#[test]
fn a_review_falling_due_brings_its_warning_back_without_any_file_changing() {
    let sample = Sample::new();
    let light = sample.content.join("chemical-peel/light.md");
    let text = fs::read_to_string(&light).unwrap();
    let reviewed = text.lines().find(|l| l.starts_with("reviewed:")).unwrap();
    fs::write(
        &light,
        text.replacen(reviewed, &format!("{reviewed}\nnext_review: 2026-11-15"), 1),
    )
    .unwrap();
    let mut opts = sample.opts.clone();
    let before = same_as_cold(&opts, "before the review date");
    assert!(!before.warnings.to_string().contains("due for review"));
    assert_eq!(same_as_cold(&opts, "again").reused, 2);

    opts.today = Date::parse("2026-11-15").unwrap();
    assert_eq!(same_as_cold(&opts, "on the review date").reused, 2);
    opts.today = Date::parse("2026-11-16").unwrap();
    let after = same_as_cold(&opts, "the day after");
    assert_eq!(after.reused, 1, "the peel folder is checked again");
    assert!(
        after
            .warnings
            .to_string()
            .contains("was due for review on 2026-11-15"),
        "{}",
        after.warnings
    );
    assert_eq!(same_as_cold(&opts, "still overdue").reused, 2);
}

#[test]
fn a_damaged_memo_or_output_file_is_made_again() {
    let sample = Sample::new();
    let (out, opts) = (&sample.out, &sample.opts);
    same_as_cold(opts, "first build");
    let memo = handouts::cache::dir_for(out).join("folders");
    let text = fs::read_to_string(&memo).unwrap();
    assert_eq!(text.lines().count(), 3, "a header and one line per folder");

    // Garbage lines are ignored; a good line is still used.
    let mut lines: Vec<&str> = text.lines().collect();
    let kept = lines.pop().unwrap().to_string();
    fs::write(
        &memo,
        format!("{}\n{{\"name\": 3}}\n\u{1}\n{kept}\n", lines[0]),
    )
    .unwrap();
    assert_eq!(same_as_cold(opts, "a damaged memo").reused, 1);
    fs::write(&memo, "not a memo\n").unwrap();
    assert_eq!(same_as_cold(opts, "not a memo").reused, 0);

    // An output file edited in place edits its cache object too (they are one file): its
    // folder is made again, and the edit does not survive.
    let page = out.join("chemical-peel/light/index.html");
    let html = fs::read_to_string(&page).unwrap();
    fs::write(&page, html.replacen("<h1", "<h1 data-edited", 1)).unwrap();
    assert_eq!(same_as_cold(opts, "an edited output file").reused, 1);
    assert!(!fs::read_to_string(&page).unwrap().contains("data-edited"));
}

#[test]
fn a_folder_with_an_error_is_never_taken_from_the_memo() {
    let sample = Sample::new();
    let (content, out, opts) = (&sample.content, &sample.out, &sample.opts);
    same_as_cold(opts, "first build");
    let before = common::snapshot(out);
    let light = content.join("chemical-peel/light.md");
    let good = fs::read_to_string(&light).unwrap();
    fs::write(&light, good.replacen("title:", "titel:", 1)).unwrap();
    let err = handouts::build(opts).expect_err("an unknown key is an error");
    assert!(err.to_string().contains("titel"), "{err}");
    assert_eq!(
        common::snapshot(out),
        before,
        "a failed build leaves the output as it was"
    );
    // The error is reported again, not hidden by the memo of the last good build.
    let again = handouts::build(opts).expect_err("still an error");
    assert_eq!(again.to_string(), err.to_string());
    fs::write(&light, good).unwrap();
    assert_eq!(same_as_cold(opts, "fixed").reused, 2);
}

#[test]
fn a_linked_file_that_becomes_a_link_out_of_the_content_folder_is_caught_again() {
    let sample = Sample::new();
    let form = sample.link_consent_form("Consent form.\n");
    let opts = &sample.opts;
    same_as_cold(opts, "first build");
    // The same bytes, now outside the content folder behind a symbolic link.
    let outside = sample.dir.path().join("elsewhere.txt");
    fs::write(&outside, "Consent form.\n").unwrap();
    fs::remove_file(&form).unwrap();
    std::os::unix::fs::symlink(&outside, &form).unwrap();
    let err = handouts::build(opts).expect_err("a link out of the content folder");
    assert!(
        err.to_string()
            .contains("symbolic link to a file outside the content folder"),
        "{err}"
    );
}

#[test]
fn a_build_with_a_memo_reports_the_same_problems_as_check() {
    let sample = Sample::new();
    let (content, opts) = (&sample.content, &sample.opts);
    same_as_cold(opts, "first build");
    // Errors of three kinds in the peel folder: a key, a character no font has, and a hint
    // `handouts new` left; the microneedling folder is still taken from the memo.
    let light = content.join("chemical-peel/light.md");
    edit(&light, "title:", "titel:");
    edit(
        &light,
        "## What it is\n",
        "## What it is\n\nA sign \u{6F22} here.\n",
    );
    let labels = handouts::theme::Theme::builtin_labels();
    let placeholder = labels[&handouts::model::Lang::EN].get("new_placeholder");
    edit(
        &content.join("chemical-peel/medium.md"),
        "## What it is\n",
        &format!("## What it is\n\n[{placeholder}: say what it is]\n"),
    );
    let built = handouts::build(opts).expect_err("errors").to_string();
    let checked = handouts::check(content, None, Date::parse(common::BUILD_DAY).unwrap())
        .map(|_| ())
        .expect_err("errors")
        .to_string();
    assert_eq!(built, checked);
    for part in ["titel", "U+6F22", "a hint from `handouts new`"] {
        assert!(built.contains(part), "{part}: {built}");
    }
    // Printed by file and place, whichever check found them.
    let at = |part: &str| built.find(part).unwrap();
    assert!(at("titel") < at("U+6F22") && at("U+6F22") < at("a hint from"));
}
