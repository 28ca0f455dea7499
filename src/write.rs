//! Output files → the output folder, all or nothing.
//!
//! Everything is written to a staging folder beside the output folder and swapped in with one
//! atomic exchange of the two folders (Linux `renameat2`), so a build that fails, or is killed at
//! any moment, leaves either the complete previous site or the complete new one. A lock file
//! beside the output makes a second build wait for the first; the system releases the lock
//! when a build dies, so it never stays stuck.

use crate::cache::{Cache, Digest, Entry};
use crate::diag::Diagnostic;
use crate::load::io_words;
use crate::render::OutputFile;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Replaces the contents of `out` with `files`.
pub fn commit(files: &[OutputFile], out: &Path) -> Result<(), Box<Diagnostic>> {
    commit_with(out, None, |stage| {
        for file in files {
            stage.put(&file.path, &file.bytes, None)?;
        }
        Ok(())
    })
    .map_err(|e| match e {
        Failed::Write(d) | Failed::Make(d) => d,
    })
}

/// Why [`commit_with`] left the output as it was.
#[derive(Debug)]
pub enum Failed<E> {
    /// The output folder could not be written.
    Write(Box<Diagnostic>),
    /// Making the files failed.
    Make(E),
}

/// The staging folder a build writes its files into, one at a time as they are finished.
pub struct Stage<'c> {
    root: PathBuf,
    cache: Option<&'c Cache>,
    /// With a cache: each file placed, by its path, with the object it links to.
    placed: Mutex<HashMap<String, Entry>>,
    /// Folders made so far.
    folders: Mutex<HashSet<PathBuf>>,
    /// Whether it started as the spare tree.
    from_spare: bool,
}

impl Stage<'_> {
    /// The path of `rel` (with `/` separators) inside the staging folder, its folder created.
    fn prepare(&self, rel: &str) -> Result<PathBuf, Box<Diagnostic>> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            // Many files share a folder: each folder is made once (two system calls a file saved).
            let known = self.folders.lock().is_ok_and(|f| f.contains(dir));
            if !known {
                fs::create_dir_all(dir)
                    .or_else(|_| {
                        // A staging folder made from a spare may hold an older site's file where
                        // this site has a folder.
                        for ancestor in dir.ancestors().take_while(|a| *a != self.root) {
                            if ancestor.is_file() {
                                fs::remove_file(ancestor)?;
                            }
                        }
                        fs::create_dir_all(dir)
                    })
                    .map_err(|e| fail("a folder could not be created", dir, e))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(dir.to_path_buf());
                }
            }
        }
        Ok(path)
    }

    /// Writes one file; with a cache, as a link to its object, and remembers `key` (with the
    /// PDF's page count) for the next build.
    pub fn put(
        &self,
        rel: &str,
        bytes: &[u8],
        key: Option<(Digest, usize)>,
    ) -> Result<(), Box<Diagnostic>> {
        let path = self.prepare(rel)?;
        let written = match self.cache {
            Some(cache) => cache
                .put(&path, bytes, key)
                .map(|entry| self.record(rel, entry)),
            None => fs::write(&path, bytes),
        };
        written.map_err(|e| fail("a file could not be written", &path, e))
    }

    /// Puts the cache's `entry` at `rel` without reading it (its stamp was checked).
    fn place(&self, rel: &str, entry: Entry) -> Result<(), Box<Diagnostic>> {
        let path = self.prepare(rel)?;
        let Some(cache) = self.cache else {
            return Err(fail(
                "a file could not be written",
                &path,
                std::io::Error::other("no build cache"),
            ));
        };
        cache
            .place_object(&entry.object, &path)
            .map(|()| self.record(rel, entry))
            .map_err(|e| fail("a file could not be written", &path, e))
    }

    /// Deletes what a staging folder made from a spare still holds of that older site: every
    /// file this build did not place, and every folder left empty.
    fn remove_unplaced(&self) {
        use rayon::prelude::*;
        let placed = self.placed.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(top) = fs::read_dir(&self.root) else {
            return;
        };
        // Each top-level entry on its own core: a network's site has thousands of folders.
        let top: Vec<PathBuf> = top.flatten().map(|e| e.path()).collect();
        top.par_iter().for_each(|start| {
            let walk = walkdir::WalkDir::new(start).contents_first(true);
            for entry in walk.into_iter().flatten() {
                let path = entry.path();
                if entry.file_type().is_dir() {
                    // Only an empty folder can be removed; one that still holds files stays.
                    let _ = fs::remove_dir(path);
                    continue;
                }
                let rel = path.strip_prefix(&self.root).ok().and_then(Path::to_str);
                let keep = rel.is_some_and(|rel| {
                    let rel = rel.replace(std::path::MAIN_SEPARATOR, "/");
                    placed.contains_key(&rel)
                });
                if !keep {
                    let _ = fs::remove_file(path);
                }
            }
        });
    }

    /// The build cache its files link to, if any.
    pub fn cache(&self) -> Option<&Cache> {
        self.cache
    }

    /// Puts the cache's `entry` back at `rel`. `in_place` says the spare tree has it there
    /// already as a link to that object (the caller checked it under the output's lock); when the
    /// staging folder is that spare tree, the file is kept as it is, else it is linked.
    pub fn put_back(&self, rel: &str, entry: Entry, in_place: bool) -> Result<(), Box<Diagnostic>> {
        match self.cache {
            Some(cache) if in_place && self.from_spare => {
                cache.use_object(entry.object);
                self.record(rel, entry);
                Ok(())
            }
            _ => self.place(rel, entry),
        }
    }

    fn record(&self, rel: &str, entry: Entry) {
        if let Ok(mut placed) = self.placed.lock() {
            placed.insert(rel.to_string(), entry);
        }
    }

    /// Puts the cached file made from `key` at `rel` without making it again: its page count, or
    /// `None` when there is no intact cached file and it must be made.
    pub fn reuse(&self, key: &Digest, rel: &str) -> Option<usize> {
        let cache = self.cache?;
        let entry = cache.lookup(key)?;
        let path = self.prepare(rel).ok()?;
        if !cache.link(&entry, &path) {
            return None;
        }
        cache.remember(*key, entry);
        self.record(rel, entry);
        Some(entry.pages)
    }
}

fn fail(what: &str, path: &Path, err: std::io::Error) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(format!("{what}: {}.", io_words(Some(&err))))
        .in_file(path)
        .hint("check that the folder can be written to and the disk is not full; the previous output was left as it was."))
}

/// Replaces the contents of `out` with the files `make` puts into the staging folder, as it makes
/// them; if `make` fails, nothing changes. With a cache, files are links to its objects.
pub fn commit_with<T, E>(
    out: &Path,
    cache: Option<&Cache>,
    make: impl FnOnce(&Stage<'_>) -> Result<T, E>,
) -> Result<T, Failed<E>> {
    commit_placing(out, cache, None, make).map(|(made, _)| made)
}

/// The output folder's lock, held by one build at a time: see [`lock_output`].
pub struct Lock {
    _file: fs::File,
}

/// Takes the lock of the output folder `out`, waiting (and saying so) while another build holds
/// it. A build that reads its cache before writing takes it first, so that no other build changes
/// the cache between the two.
pub fn lock_output(out: &Path) -> Result<Lock, Box<Diagnostic>> {
    let (parent, name) = split(out)?;
    lock(&parent, &name).map(|file| Lock { _file: file })
}

/// [`commit_with`] under `lock` (taken here when `None`), returning also every file placed, by
/// its path, with the cache object it links to (empty without a cache).
pub fn commit_placing<T, E>(
    out: &Path,
    cache: Option<&Cache>,
    lock: Option<Lock>,
    make: impl FnOnce(&Stage<'_>) -> Result<T, E>,
) -> Result<(T, HashMap<String, Entry>), Failed<E>> {
    let _lock = match lock {
        Some(lock) => lock,
        None => lock_output(out).map_err(Failed::Write)?,
    };
    let (parent, name) = split(out).map_err(Failed::Write)?;
    recover(out, &parent, &name);
    if out.exists() && !out.is_dir() {
        return Err(Failed::Write(Box::new(
            Diagnostic::error(
                "the output path is a file, not a folder, so the site cannot be written there.",
            )
            .in_file(out)
            .hint("move or delete that file, or choose another folder with `--out`."),
        )));
    }
    fs::create_dir_all(&parent).map_err(|e| {
        Failed::Write(fail(
            "the folder for the output could not be created",
            &parent,
            e,
        ))
    })?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    // With a cache, the site before the last one is staged into: its folders exist and most of
    // its files are links to the objects this build links again, so a rebuild makes and deletes
    // few folders and files (creating thousands of folders right after deleting thousands is slow
    // on ext4). Without one, the staging folder starts empty.
    let spare = cache.map(Cache::spare_dir);
    let from_spare = spare
        .as_ref()
        .is_some_and(|spare| fs::rename(spare, &staging).is_ok());
    if !from_spare {
        if let Err(e) = fs::create_dir(&staging) {
            return Err(Failed::Write(fail(
                "the staging folder could not be created",
                &staging,
                e,
            )));
        }
    }
    // A folder that is not needed any more is kept as the next build's spare, or deleted.
    let put_away = |dir: &Path| {
        let kept = spare
            .as_ref()
            .is_some_and(|spare| fs::rename(dir, spare).is_ok());
        if !kept {
            let _ = fs::remove_dir_all(dir);
        }
    };
    let stage = Stage {
        root: staging.clone(),
        cache,
        placed: Mutex::default(),
        folders: Mutex::default(),
        from_spare,
    };
    let made = match make(&stage) {
        Ok(made) => made,
        Err(e) => {
            put_away(&staging);
            return Err(Failed::Make(e));
        }
    };
    if from_spare {
        stage.remove_unplaced();
    }
    if out.exists() {
        if let Err(e) = exchange(&staging, out, &parent, &name) {
            put_away(&staging);
            return Err(Failed::Write(fail(
                "the new output could not be swapped in",
                out,
                e,
            )));
        }
        // `staging` now holds the previous site.
        put_away(&staging);
    } else if let Err(e) = fs::rename(&staging, out) {
        put_away(&staging);
        return Err(Failed::Write(fail(
            "the new output could not be moved into place",
            out,
            e,
        )));
    }
    Ok((made, stage.placed.into_inner().unwrap_or_default()))
}

/// Swaps the folders `a` and `b` in one step, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path, parent: &Path, name: &str) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (ca, cb) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    // Some file systems lack RENAME_EXCHANGE: fall back to two renames (recovered if interrupted).
    match err.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) => exchange_by_renames(a, b, parent, name),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path, parent: &Path, name: &str) -> std::io::Result<()> {
    exchange_by_renames(a, b, parent, name)
}

/// Two renames through `.{name}.old-*`; `recover` repairs an interruption between them.
fn exchange_by_renames(
    staging: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
) -> std::io::Result<()> {
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    fs::rename(out, &old)?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(e);
    }
    fs::rename(&old, staging)
}

/// Takes the output folder's lock, waiting (and saying so) while another build holds it.
fn lock(parent: &Path, name: &str) -> Result<fs::File, Box<Diagnostic>> {
    let path = parent.join(format!(".{name}.lock"));
    let failed = |err: std::io::Error| {
        Box::new(
            Diagnostic::error(format!(
                "the output folder's lock file could not be used: {}.",
                io_words(Some(&err))
            ))
            .in_file(&path)
            .hint("check that the folder holding the output can be written to."),
        )
    };
    if let Some(file) = parent.ancestors().find(|p| p.is_file()) {
        return Err(Box::new(
            Diagnostic::error("this is a file, so the output folder cannot be created inside it.")
                .in_file(file)
                .hint("move or delete the file, or choose another folder with `--out`."),
        ));
    }
    if let Err(err) = fs::create_dir_all(parent) {
        return Err(failed(err));
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "Another build is writing {}; waiting for it to finish…",
                parent.join(name).display()
            );
            file.lock().map_err(failed)?;
            Ok(file)
        }
        Err(fs::TryLockError::Error(err)) => Err(failed(err)),
    }
}

/// Writes one file through a temporary file and a rename, so it is never seen half-written.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), Box<Diagnostic>> {
    let tmp = path.with_file_name(format!(
        ".{}.tmp-{}",
        path.file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|err| {
        let _ = fs::remove_file(&tmp);
        Box::new(
            Diagnostic::error(format!(
                "the file could not be written: {}.",
                io_words(Some(&err))
            ))
            .in_file(path)
            .hint("check that the folder exists and can be written to."),
        )
    })
}

fn split(out: &Path) -> Result<(PathBuf, String), Box<Diagnostic>> {
    let name = out.file_name().map(|n| n.to_string_lossy().to_string());
    let parent = out.parent().map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    match (parent, name) {
        (Some(p), Some(n)) => Ok((p, n)),
        _ => Err(Box::new(
            Diagnostic::error(
                "the output folder must be a named folder, not the file system's root.",
            )
            .in_file(out)
            .hint("choose a folder such as `output` with `--out`."),
        )),
    }
}

/// A build killed between its two renames leaves the previous site under `.{name}.old-*`:
/// put it back before doing anything else, and clear staging folders of killed builds.
fn recover(out: &Path, parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().to_string();
        if file.starts_with(&format!(".{name}.old-")) {
            olds.push(entry.path());
        } else if file.starts_with(&format!(".{name}.staging-")) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    olds.sort();
    for old in olds {
        if !out.exists() {
            let _ = fs::rename(&old, out);
        } else {
            let _ = fs::remove_dir_all(&old);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
            pages: None,
        }
    }

    #[test]
    fn replaces_the_whole_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        commit(&[file("a/index.html", "one"), file("stale.txt", "x")], &out).unwrap();
        commit(&[file("a/index.html", "two")], &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("stale.txt").exists());
        let mut leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".output.lock", "output"]);
    }

    #[test]
    fn a_killed_swap_is_recovered() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let old = dir.path().join(".output.old-1");
        fs::create_dir(&old).unwrap();
        fs::write(old.join("index.html"), "previous").unwrap();
        fs::create_dir(dir.path().join(".output.staging-1")).unwrap();
        recover(&out, dir.path(), "output");
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "previous"
        );
        assert!(!dir.path().join(".output.staging-1").exists());
    }

    /// Commits `files` with the build cache of `out`, as a build does.
    fn commit_cached(files: &[OutputFile], out: &Path) {
        let cache = Cache::open(out);
        commit_with(out, Some(&cache), |stage| {
            files
                .iter()
                .try_for_each(|f| stage.put(&f.path, &f.bytes, None))
        })
        .unwrap();
        cache.finish();
    }

    fn files_under(dir: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into();
                (rel, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn staging_into_the_site_before_last_gives_exactly_the_new_site() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let spare = Cache::open(&out).spare_dir();
        // Site 1 has a file where site 3 has a folder, and a folder where site 3 has a file.
        let one = [
            file("a/index.html", "one"),
            file("b", "a file"),
            file("c/index.html", "c"),
            file("gone/deep/x.html", "x"),
        ];
        commit_cached(&one, &out);
        assert!(!spare.exists(), "a first build has no site before it");
        commit_cached(&[file("a/index.html", "two")], &out);
        let as_pairs = |files: &[OutputFile]| -> Vec<(String, String)> {
            files
                .iter()
                .map(|f| (f.path.clone(), String::from_utf8(f.bytes.clone()).unwrap()))
                .collect()
        };
        assert_eq!(
            files_under(&spare),
            as_pairs(&one),
            "the site before is kept whole"
        );
        let kept = fs::metadata(out.join("a/index.html")).unwrap().ino();
        let three = [
            file("a/index.html", "two"),
            file("b/index.html", "now a folder"),
            file("c", "now a file"),
        ];
        commit_cached(&three, &out);
        assert_eq!(files_under(&out), as_pairs(&three));
        assert!(!out.join("gone").exists(), "emptied folders are removed");
        assert_eq!(
            fs::metadata(out.join("a/index.html")).unwrap().ino(),
            kept,
            "an unchanged file keeps its inode"
        );
        // The spare is never the output: the older site's texts are untouched by the new one.
        assert_eq!(files_under(&spare), [("a/index.html".into(), "two".into())]);
    }

    #[test]
    fn a_file_in_the_way_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::write(&out, "not a folder").unwrap();
        let err = commit(&[file("index.html", "x")], &out).unwrap_err();
        assert!(err.message.starts_with("the output path is a file"));
        assert_eq!(fs::read_to_string(&out).unwrap(), "not a folder");
    }
}
