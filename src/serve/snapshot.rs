//! What the preview serves at one moment: the last good build's files, the problems of the latest
//! rebuild, and a version that changes with every rebuild that changed what a reader would see.
//!
//! A snapshot never changes once published (the next rebuild makes a new one) except that a file
//! left to be made on request is made once, the first time it is asked for.

use super::target::{self, PageKey, Target};
use crate::diag::Diagnostics;
use crate::edition::PrintSize;
use crate::model::Site;
use crate::routes::Routes;
use crate::theme::Theme;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The preview at one moment.
pub struct Snapshot {
    pub(crate) version: u64,
    pub(crate) build: Option<Arc<Build>>,
    pub(crate) problems: Option<Arc<str>>,
}

/// The site as last checked without errors, and its files.
pub(crate) struct Build {
    pub(crate) site: Arc<Site>,
    pub(crate) theme: Arc<Theme>,
    pub(crate) files: HashMap<String, Arc<Slot>>,
}

/// One file of a build: made at once, or the first time it is asked for.
pub(crate) struct Slot {
    pub(crate) target: Target,
    made: OnceLock<Made>,
}

/// A file's bytes, or why it could not be made.
pub(crate) type Made = Result<Arc<[u8]>, Diagnostics>;

impl Slot {
    /// A file to make when it is first asked for.
    pub(crate) fn later(target: Target) -> Slot {
        Slot {
            target,
            made: OnceLock::new(),
        }
    }

    /// A file already made.
    pub(crate) fn made(target: Target, made: Made) -> Slot {
        Slot {
            target,
            made: OnceLock::from(made),
        }
    }

    /// Its bytes, made now from `site` and `theme` if they were not yet. A linked file is read from
    /// the content folder every time, so the preview always shows the file as saved.
    pub(crate) fn bytes(&self, site: &Site, theme: &Theme) -> Made {
        if let Target::Attachment(_) = self.target {
            return target::make(&self.target, site, theme);
        }
        self.made
            .get_or_init(|| target::make(&self.target, site, theme))
            .clone()
    }

    /// Whether its bytes are made.
    pub(crate) fn is_made(&self) -> bool {
        self.made.get().is_some()
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
    pub fn file(&self, path: &str) -> Option<Made> {
        let build = self.build.as_ref()?;
        let slot = build.files.get(path)?;
        Some(slot.bytes(&build.site, &build.theme))
    }

    /// Whether the file at `path` is made yet (`None` when there is no such file).
    pub fn is_made(&self, path: &str) -> Option<bool> {
        Some(self.build.as_ref()?.files.get(path)?.is_made())
    }

    /// For a variant's page, the path of its printed handout.
    pub(crate) fn handout_of(&self, path: &str) -> Option<String> {
        let build = self.build.as_ref()?;
        let Target::Page(lang, PageKey::Variant(p, v)) = &build.files.get(path)?.target else {
            return None;
        };
        let site = &build.site;
        let routes = Routes::new(&site.clinic.base_url, site.default_book().lang);
        let pdf = routes.pdf_file(*lang, p, v, PrintSize::Regular);
        build.files.contains_key(&pdf).then_some(pdf)
    }
}
