//! What the preview serves at one moment: the last good build's files, the problems of the latest
//! rebuild, and a version that changes with every rebuild that changed what a reader would see.
//!
//! A snapshot never changes once published (the next rebuild makes a new one) except that a file
//! left to be made on request is made once, the first time it is asked for.

use super::target::{self, Made};
use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::PrintSize;
use crate::model::Site;
use crate::render::targets::{PageKey, Target};
use crate::render::{OutputFile, Outputs};
use crate::routes::Routes;
use crate::theme::Theme;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The preview at one moment.
pub struct Snapshot {
    pub(crate) version: u64,
    pub(crate) build: Option<Arc<Build>>,
    pub(crate) problems: Option<Arc<str>>,
}

/// The site as last checked without errors, and its files.
pub(crate) struct Build {
    /// The site-wide inputs it was made from ([`crate::render::targets::Keys::base`]).
    pub(crate) base: crate::cache::Digest,
    /// The outputs its targets are of.
    pub(crate) outputs: Arc<Outputs>,
    pub(crate) site: Arc<Site>,
    pub(crate) theme: Arc<Theme>,
    /// What makes each target's files.
    pub(crate) slots: HashMap<Target, Arc<Slot>>,
    /// Each file's path, and the slot that makes it.
    pub(crate) files: HashMap<String, Arc<Slot>>,
    /// Content files the handouts link to, by path: read from the content folder every time they
    /// are asked for, so the preview shows them as saved.
    pub(crate) attachments: HashMap<String, PathBuf>,
}

/// One target of a build: made at once, or the first time one of its files is asked for.
pub(crate) struct Slot {
    pub(crate) target: Target,
    /// What it read ([`crate::render::targets::Keys::key`]): while that is the same, it is kept.
    pub(crate) key: crate::cache::Digest,
    /// The paths of its files.
    pub(crate) paths: Vec<String>,
    made: OnceLock<Made>,
}

impl Slot {
    /// A target to make when one of its files, at `paths`, is first asked for.
    pub(crate) fn later(target: Target, key: crate::cache::Digest, paths: Vec<String>) -> Slot {
        Slot {
            target,
            key,
            paths,
            made: OnceLock::new(),
        }
    }

    /// A target already made.
    pub(crate) fn made(target: Target, key: crate::cache::Digest, made: Made) -> Slot {
        let paths = match &made {
            Ok(files) => files.iter().map(|f| f.path.clone()).collect(),
            Err(_) => Vec::new(),
        };
        Slot {
            target,
            key,
            paths,
            made: OnceLock::from(made),
        }
    }

    /// Its files, if they are made.
    pub(crate) fn get(&self) -> Option<&Made> {
        self.made.get()
    }
}

impl Build {
    /// The files of `slot`, made now if they were not yet. A summary (the print station) is made
    /// from every other output's files, so those are made first, on every core.
    pub(crate) fn made<'s>(&self, slot: &'s Slot) -> &'s Made {
        slot.made.get_or_init(|| {
            let others = if slot.target.is_summary(&self.outputs) {
                self.others()
            } else {
                Vec::new()
            };
            target::make(
                &slot.target,
                &self.outputs,
                &self.site,
                &self.theme,
                &others,
            )
        })
    }

    /// Every file of every target but the summaries, made now where need be, sorted by path.
    fn others(&self) -> Vec<OutputFile> {
        let mut slots: Vec<&Arc<Slot>> = self
            .slots
            .values()
            .filter(|s| !s.target.is_summary(&self.outputs))
            .collect();
        slots.sort_by(|a, b| a.target.cmp(&b.target));
        let next = AtomicUsize::new(0);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    while let Some(slot) = slots.get(next.fetch_add(1, Ordering::Relaxed)) {
                        self.made(slot);
                    }
                });
            }
        });
        let mut files = target::as_outputs(
            slots
                .iter()
                .filter_map(|s| s.get()?.as_ref().ok())
                .flat_map(|files| files.iter()),
        );
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Snapshot {
    /// The snapshot before the first build.
    pub(crate) fn empty() -> Snapshot {
        Snapshot {
            version: 0,
            build: None,
            problems: None,
        }
    }

    /// Changes with every rebuild that changed a file or the problems shown.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The problems of the latest rebuild, as the terminal shows them, when it failed.
    pub fn problems(&self) -> Option<&str> {
        self.problems.as_deref()
    }

    /// Every file's path, sorted (the paths `handouts build` writes).
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self
            .build
            .iter()
            .flat_map(|b| b.files.keys().map(String::as_str))
            .collect();
        paths.sort_unstable();
        paths
    }

    /// The bytes of the file at `path` (as `handouts build` writes it), made now if need be.
    pub fn file(&self, path: &str) -> Option<Result<Arc<[u8]>, Diagnostics>> {
        let build = self.build.as_ref()?;
        let slot = build.files.get(path)?;
        if let Some(source) = build.attachments.get(path) {
            return Some(std::fs::read(source).map(Into::into).map_err(|err| {
                Diagnostic::error(format!(
                    "this linked file could not be read: {}.",
                    crate::load::io_words(Some(&err))
                ))
                .in_file(source)
                .into()
            }));
        }
        target::bytes_of(build.made(slot), path)
    }

    /// Whether the file at `path` is made yet (`None` when there is no such file).
    pub fn is_made(&self, path: &str) -> Option<bool> {
        Some(self.build.as_ref()?.files.get(path)?.get().is_some())
    }

    /// The site's base URL, which the page-not-found page's links start with.
    pub(crate) fn base_url(&self) -> Option<&str> {
        Some(self.build.as_ref()?.site.clinic.base_url.as_str())
    }

    /// For a variant's page, the path of its printed handout.
    pub(crate) fn handout_of(&self, path: &str) -> Option<String> {
        let build = self.build.as_ref()?;
        let Target::Page(_, lang, PageKey::Variant(p, v)) = &build.files.get(path)?.target else {
            return None;
        };
        let site = &build.site;
        let routes = Routes::new(&site.clinic.base_url, site.default_book().lang);
        let pdf = routes.pdf_file(*lang, p, v, PrintSize::Regular);
        build.files.contains_key(&pdf).then_some(pdf)
    }
}
