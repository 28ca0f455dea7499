//! Builds at scale: output is byte-identical whatever the thread count and whatever the build
//! cache holds, and a rebuild leaves unchanged files untouched.

use crate::common;

use common::build_options as options;
use handouts::BuildOptions;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Every file under `dir`, by path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| (PathBuf::from(path), bytes))
        .collect()
}

fn build_on(threads: usize, options: &BuildOptions) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| handouts::build(options))
        .expect("the corpus builds");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    handouts_corpus::generate(12, &content).unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    build_on(1, &options(&content, &one));
    build_on(2, &options(&content, &two));
    let (a, b) = (tree(&one), tree(&two));
    assert!(a.keys().any(|p| p.extension().is_some_and(|e| e == "pdf")));
    assert_eq!(a.len(), b.len());
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{} differs", path.display());
    }
}

#[test]
fn output_is_identical_whatever_the_cache_held() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    handouts_corpus::generate(8, &content).unwrap();
    let out = dir.path().join("output");
    let cache = handouts::cache::dir_for(&out);
    let opts = options(&content, &out);

    handouts::build(&opts).unwrap();
    let cold = tree(&out);
    assert!(cache.join("index").is_file());

    // Warm: nothing changed, so every file is the same file (inode and modification time).
    let stamps = |out: &Path| -> BTreeMap<PathBuf, (u64, i64)> {
        tree(out)
            .keys()
            .map(|p| {
                let m = fs::metadata(out.join(p)).unwrap();
                (p.clone(), (m.ino(), m.mtime_nsec()))
            })
            .collect()
    };
    let before = stamps(&out);
    handouts::build(&opts).unwrap();
    assert_eq!(tree(&out), cold);
    assert_eq!(stamps(&out), before);

    // Poisoned: a damaged index and objects overwritten, truncated or removed.
    let objects: Vec<PathBuf> = fs::read_dir(cache.join("objects"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    for (i, object) in objects.iter().enumerate() {
        match i % 3 {
            0 => {
                let len = fs::metadata(object).unwrap().len() as usize;
                fs::remove_file(object).unwrap();
                fs::write(object, vec![b'x'; len]).unwrap();
            }
            1 => {
                fs::remove_file(object).unwrap();
                fs::write(object, b"%PDF-1.7 truncated").unwrap();
            }
            _ => fs::remove_file(object).unwrap(),
        }
    }
    handouts::build(&opts).unwrap();
    assert_eq!(tree(&out), cold);
    fs::write(
        cache.join("index"),
        b"handouts build cache 1\nnot hex at all 1 2\n\xff\xfe",
    )
    .unwrap();
    handouts::build(&opts).unwrap();
    assert_eq!(tree(&out), cold);

    // Stale: the cache of another corpus, in the same place.
    let other = dir.path().join("other");
    handouts_corpus::generate(9, &other).unwrap();
    handouts::build(&options(&other, &out)).unwrap();
    handouts::build(&opts).unwrap();
    assert_eq!(tree(&out), cold);

    // No cache at all, into another folder: the same bytes again.
    let fresh = dir.path().join("fresh");
    handouts::build(&options(&content, &fresh)).unwrap();
    assert_eq!(tree(&fresh), cold);
}

#[test]
fn a_changed_variant_rewrites_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    handouts_corpus::generate(6, &content).unwrap();
    let out = dir.path().join("output");
    let opts = options(&content, &out);
    handouts::build(&opts).unwrap();
    let before = tree(&out);
    let ino = |p: &Path| fs::metadata(out.join(p)).unwrap().ino();
    let inodes: BTreeMap<PathBuf, u64> = before.keys().map(|p| (p.clone(), ino(p))).collect();

    // Change one sentence of one variant.
    let variant = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .find(|e| {
            e.path().extension().is_some_and(|x| x == "md") && e.file_name() != "_procedure.md"
        })
        .unwrap()
        .into_path();
    let text = fs::read_to_string(&variant).unwrap();
    fs::write(
        &variant,
        text.replacen("## What it is\n", "## What it is\n\nA new first line.\n", 1),
    )
    .unwrap();
    handouts::build(&opts).unwrap();
    let after = tree(&out);
    let slug = variant.file_stem().unwrap().to_string_lossy().to_string();
    let changed: Vec<&PathBuf> = after
        .keys()
        .filter(|p| inodes.get(*p) != Some(&ino(p)))
        .collect();
    assert!(changed
        .iter()
        .any(|p| p.to_string_lossy().ends_with(&format!("{slug}.pdf"))));
    for path in &changed {
        assert_ne!(
            before.get(*path),
            after.get(*path),
            "{} was rewritten unchanged",
            path.display()
        );
    }
    // The other variants' PDFs are untouched.
    let pdfs = after
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    let changed_pdfs = changed
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    assert_eq!(
        changed_pdfs, 2,
        "regular and large print of the changed variant only"
    );
    assert!(pdfs > changed_pdfs);
}
