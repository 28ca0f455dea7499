//! The project: what `build`, `check` and `serve` are given and drive ([`Project`]: the folders,
//! the day, the overrides and the outputs registry), how they read and check the content, and the
//! one place that decides which procedure folders must be checked again.
//!
//! One way through, for both commands: load → check the folders ([`check`]) → make the targets
//! (pages, PDFs, lists, site files: [`crate::render::targets`], of the project's
//! [`Outputs`]) → files, written by `build` ([`Project::build`]) or served from memory by the
//! preview ([`Project::preview`]).
//!
//! Every command reads every file, reads `clinic.yaml` and the theme's labels into the
//! [`Rules`], then checks each procedure folder — or, when an earlier run checked exactly the same
//! files against exactly the same site-wide inputs, and nothing else the folder read has changed
//! since, takes that earlier check from its [`Memory`]. `build` remembers folders on disk (the
//! memo in the build cache, [`crate::cache::folders`]); `serve` in memory ([`Remembered`]). What
//! counts as "the same" is decided here alone: the folder's key ([`folder_key`] of the
//! [`site_key`]), the hashes of what else it read ([`Read`]), and whether a review fell due.

mod build;

use crate::cache::{self, Digest};
use crate::diag::{Diagnostic, Diagnostics};
use crate::labels::LabelSets;
use crate::load::{ProcedureFiles, Sources};
use crate::model::{Date, Procedure, Site};
use crate::render::{Output, Outputs};
use crate::theme::Theme;
use crate::validate::incremental::{self, Folder, Rules};
use crate::validate::{glyphs, placeholders};
use crate::{BuildOptions, BuildReport, Overrides, Progress, Strictness};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The first part of every site key: a change to what a key means changes every key.
const KEY_VERSION: &str = "handouts folder memo 2";

/// One project: what it reads (the content, the theme, the day, the overrides), where `build`
/// writes it, and the outputs it makes. `build` and `serve` both drive it, so a preview makes
/// exactly the files a build writes, with the same registry.
#[derive(Clone)]
pub struct Project {
    options: BuildOptions,
    outputs: Outputs,
}

impl Project {
    /// The project `options` describe, making the tool's own outputs ([`Outputs::default`]).
    pub fn new(options: BuildOptions) -> Project {
        Project {
            options,
            outputs: Outputs::default(),
        }
    }

    /// A project that only reads `content` with the theme folder `theme` on `today` (to check or
    /// preview it): no output folder and no overrides.
    pub fn reading(content: &Path, theme: Option<&Path>, today: Date) -> Project {
        Project::new(BuildOptions {
            content: content.to_path_buf(),
            theme: theme.map(Path::to_path_buf),
            out: PathBuf::new(),
            today,
            overrides: Overrides::default(),
        })
    }

    /// The project with `output` registered after the others: `build`, the build cache and the
    /// preview make its files like those of the tool's own outputs.
    pub fn with_output(mut self, output: Output) -> Project {
        self.outputs.push(output);
        self
    }

    /// What it reads and where `build` writes.
    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The outputs it makes, in the order they run.
    pub fn outputs(&self) -> &Outputs {
        &self.outputs
    }

    /// Loads and checks the content: the checked site (without the overrides, which `build`
    /// applies), the theme and the warnings, or every problem found.
    pub fn check(&self) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
        let overrides = self.overrides_text();
        let inputs = self.site_inputs(&overrides);
        build::load_and_check(&inputs, self.options.today, &Forgetful)
            .map(|c| (c.site, c.theme, c.warnings))
    }

    /// Builds the whole site into the output folder, taking from the build cache what did not
    /// change; `strictness` decides whether plain-language warnings stop it, and `progress` is
    /// told how many handouts are finished each time a page or PDF is. On any error nothing is
    /// written.
    pub fn build(
        &self,
        strictness: Strictness,
        progress: Progress<'_>,
    ) -> Result<BuildReport, Diagnostics> {
        build::build(self, strictness, progress)
    }

    /// A live preview of the project, in memory, built by its first
    /// [`crate::serve::Preview::rebuild`]: the files `build` writes, made from the same outputs.
    pub fn preview(&self) -> crate::serve::Preview {
        crate::serve::Preview::of(self.clone())
    }

    /// The overrides as text, as the site key holds them.
    pub(crate) fn overrides_text(&self) -> String {
        format!("{:?}", self.options.overrides)
    }

    /// The site-wide inputs of every folder's check, with the overrides as `overrides`
    /// ([`Project::overrides_text`]).
    pub(crate) fn site_inputs<'a>(&'a self, overrides: &'a str) -> SiteInputs<'a> {
        SiteInputs {
            content: &self.options.content,
            theme: self.options.theme.as_deref(),
            overrides,
            outputs: &self.outputs,
        }
    }
}

/// A file a folder's check read besides its own `.md` files (a picture, a linked file), with the
/// SHA-256 of its bytes then, in hexadecimal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Read {
    /// Where it is.
    pub path: PathBuf,
    /// The hash of its bytes when the folder was checked.
    pub sha256: String,
}

/// The files the procedures `procedures` (one folder's, in its languages) read besides their
/// folder's `.md` files, each once, sorted; `None` when a linked file can no longer be read.
pub fn reads<'a>(procedures: impl Iterator<Item = &'a Procedure> + Clone) -> Option<Vec<Read>> {
    let mut reads: Vec<Read> = Vec::new();
    for a in procedures.clone().flat_map(|p| &p.attachments) {
        let bytes = fs::read(&a.source).ok()?;
        reads.push(Read {
            path: a.source.clone(),
            sha256: cache::hex(&cache::digest(&bytes)),
        });
    }
    // The pictures' bytes are at hand: they were read to check them.
    for f in procedures
        .flat_map(|p| &p.variants)
        .flat_map(|v| v.figures())
    {
        reads.push(Read {
            path: f.image.source.clone(),
            sha256: cache::hex(&cache::digest(&f.image.picture.bytes)),
        });
    }
    reads.sort_by(|a, b| a.path.cmp(&b.path));
    reads.dedup_by(|a, b| a.path == b.path);
    Some(reads)
}

/// The hashes of the files earlier checks read, each file read once per run.
#[derive(Debug, Default)]
pub struct Hashes(Mutex<HashMap<PathBuf, Option<Digest>>>);

impl Hashes {
    /// Whether the file `read` names still has the bytes it had.
    pub fn unchanged(&self, read: &Read) -> bool {
        let known = self.0.lock().ok().and_then(|h| h.get(&read.path).copied());
        let hash = match known {
            Some(hash) => hash,
            None => {
                // A file that became a symbolic link is checked again (it may now lead out of the
                // content folder), even with the same bytes.
                let plain = fs::symlink_metadata(&read.path).is_ok_and(|m| m.file_type().is_file());
                let hash = plain
                    .then(|| fs::read(&read.path).ok())
                    .flatten()
                    .map(|b| cache::digest(&b));
                if let Ok(mut hashes) = self.0.lock() {
                    hashes.insert(read.path.clone(), hash);
                }
                hash
            }
        };
        hash.is_some_and(|h| cache::hex(&h) == read.sha256)
    }
}

/// An earlier run's check of one procedure folder, as its [`Memory`] has it.
pub struct Earlier<'m> {
    /// The key it was checked under ([`folder_key`]).
    pub key: Digest,
    /// The day it was checked.
    pub checked_on: Date,
    /// What else it read.
    pub reads: &'m [Read],
}

/// Where earlier checks of procedure folders are kept: only folders that had no error are.
pub trait Memory: Sync {
    /// What a run keeps of a folder taken from memory (the build: its files to put in place).
    type Kept: Send;
    /// Whether it may hold anything: without, no site key is worked out.
    fn remembers(&self) -> bool {
        true
    }
    /// The earlier check of the folder `name`, if there is one.
    fn earlier(&self, name: &str) -> Option<Earlier<'_>>;
    /// The earlier check of `name`, taken for this run (asked only once [`check`] decided it
    /// stands): the folder, its warnings and what the caller keeps. `None` when it cannot be had
    /// after all, and the folder is checked again.
    fn take(&self, name: &str) -> Option<(Folder, Vec<Diagnostic>, Self::Kept)>;
}

/// A memory that holds nothing: every folder is checked.
pub struct Forgetful;

impl Memory for Forgetful {
    type Kept = ();
    fn remembers(&self) -> bool {
        false
    }
    fn earlier(&self, _name: &str) -> Option<Earlier<'_>> {
        None
    }
    fn take(&self, _name: &str) -> Option<(Folder, Vec<Diagnostic>, ())> {
        None
    }
}

/// One procedure folder of a run that is part of the site: taken from memory, or checked now.
pub enum Outcome<K> {
    /// Unchanged since the earlier check; what the memory gave to keep.
    Taken(K),
    /// Checked now.
    Checked {
        /// The folder's name.
        name: String,
        /// Its key.
        key: Digest,
        /// Its sort key among the folders.
        order: i64,
        /// Its warnings.
        warnings: Vec<Diagnostic>,
        /// For a memory that keeps models (`serve`), a copy of the checked folder.
        folder: Option<Folder>,
    },
}

/// What one check of the whole content found.
pub struct Checked<K> {
    /// The model, when nothing is an error.
    pub site: Option<Site>,
    /// Every problem and warning, in the order `handouts check` has always listed them.
    pub problems: Diagnostics,
    /// The problems of the files checked this time: all but those of folders taken from memory.
    pub fresh: Diagnostics,
    /// Each folder without errors, in content order.
    pub folders: Vec<Outcome<K>>,
    /// The hash of the site-wide inputs (zero for a memory that remembers nothing).
    pub site_key: Digest,
}

/// What decides every folder's check besides its own files: the theme folder's files, the
/// command line's overrides (as text), where the content is and which outputs are made.
/// `clinic.yaml` and the logo are read from the content itself.
pub struct SiteInputs<'a> {
    /// The content folder.
    pub content: &'a Path,
    /// The theme folder, if any.
    pub theme: Option<&'a Path>,
    /// The overrides, as text (`Debug` of `Overrides`).
    pub overrides: &'a str,
    /// The outputs made: they decide which files are a folder's own.
    pub outputs: &'a Outputs,
}

/// The hash of the site-wide inputs: `clinic.yaml`, the logo as checked, the theme folder's
/// files, the overrides, where the content is (its name as given and as resolved) and the names
/// of the outputs.
pub fn site_key(inputs: &SiteInputs<'_>, sources: &Sources, rules: &Rules) -> Digest {
    let clinic = sources.clinic.as_ref().map_or("", |f| f.text.as_str());
    let theme = theme_digest(inputs.theme);
    let content = inputs.content.as_os_str().as_encoded_bytes();
    let real = fs::canonicalize(inputs.content).unwrap_or_default();
    let outputs = inputs.outputs.names();
    cache::key(&[
        KEY_VERSION.as_bytes(),
        clinic.as_bytes(),
        rules.logo_bytes().unwrap_or_default(),
        &theme,
        inputs.overrides.as_bytes(),
        content,
        real.as_os_str().as_encoded_bytes(),
        outputs.as_bytes(),
    ])
}

/// The names and hashes of every file of the theme folder `dir`, in order: what changes when any
/// theme file is added, removed or edited.
pub fn theme_digest(dir: Option<&Path>) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    let Some(dir) = dir else {
        return out;
    };
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let Ok(entry) = entry else {
            out.extend_from_slice(b"unreadable");
            continue;
        };
        let path = entry.path().as_os_str().as_encoded_bytes();
        out.extend_from_slice(&(path.len() as u64).to_le_bytes());
        out.extend_from_slice(path);
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap_or_default();
            out.extend_from_slice(&cache::digest(&bytes));
        }
    }
    out
}

/// The key of a procedure folder: the site-wide key and the name and text of each of its files.
pub fn folder_key(site: &Digest, files: &ProcedureFiles) -> Digest {
    let mut parts: Vec<&[u8]> = vec![site, files.name.as_bytes()];
    let sources = files
        .procedure
        .iter()
        .chain(&files.variants)
        .chain(files.translations.iter().map(|t| &t.file));
    for file in sources {
        parts.push(file.path.as_os_str().as_encoded_bytes());
        parts.push(file.text.as_bytes());
    }
    // A folder with an unreadable file is never taken from memory; its count keeps the keys apart.
    let unreadable = files.unreadable.to_le_bytes();
    parts.push(&unreadable);
    cache::key(&parts)
}

/// Whether an earlier check of `folder` on `checked_on` still holds `today`: no review date lies
/// between the two, since a review falling due turns a warning on.
fn still_current(folder: &Folder, checked_on: Date, today: Date) -> bool {
    folder
        .editions()
        .iter()
        .flat_map(|(_, p)| &p.variants)
        .all(|v| (v.revision.next_review < checked_on) == (v.revision.next_review < today))
}

/// Checks the content `sources` against `labels` (the problems found reading them and the theme
/// are `found`), taking from `memory` every folder whose earlier check still stands. With
/// `keep_models`, each folder checked now is also handed back as a copy, for a memory that keeps
/// models between runs.
pub fn check<M: Memory>(
    inputs: &SiteInputs<'_>,
    sources: &Sources,
    mut found: Diagnostics,
    labels: &LabelSets,
    today: Date,
    memory: &M,
    keep_models: bool,
) -> Checked<M::Kept> {
    use rayon::prelude::*;
    let (rules, rule_problems) = Rules::new(sources, inputs.content, today, labels);
    found.extend(rule_problems);
    let site_key = if memory.remembers() {
        site_key(inputs, sources, &rules)
    } else {
        Digest::default()
    };
    let hashes = Hashes::default();
    // Folders are independent: check them on every core, keeping their order for the messages.
    let checked: Vec<Folded<M::Kept>> = sources
        .procedures
        .par_iter()
        .map(|files| {
            let key = folder_key(&site_key, files);
            // An earlier check stands when it had the same key and what else it read is the same.
            let checked_on = memory
                .earlier(&files.name)
                .filter(|e| e.key == key && e.reads.iter().all(|r| hashes.unchanged(r)))
                .map(|e| e.checked_on);
            if let Some(on) = checked_on {
                if let Some((folder, warnings, kept)) = memory.take(&files.name) {
                    if still_current(&folder, on, today) {
                        return Folded::Taken(folder, warnings, kept);
                    }
                }
            }
            let (folder, found) = incremental::folder(files, &rules);
            // A character no font has would print as an empty box, and a hint `handouts new`
            // wrote must never reach a patient: both are errors, looked for in the files
            // checked now (a folder taken from memory had neither).
            let alone = Sources {
                clinic: None,
                procedures: vec![files.clone()],
            };
            let glyphs = glyphs::check(&alone, handouts_print::Fonts::embedded());
            let hints = placeholders::check(&alone, labels);
            Folded::Checked {
                name: files.name.clone(),
                key,
                folder,
                found,
                glyphs,
                hints,
            }
        })
        .collect();
    // `clinic.yaml` is looked at first, as `handouts check` always has.
    let mut glyph_problems = glyphs::check(
        &Sources {
            clinic: sources.clinic.clone(),
            procedures: Vec::new(),
        },
        handouts_print::Fonts::embedded(),
    );
    let mut fresh = found.clone();
    fresh.extend(glyph_problems.clone());
    let mut problems = found;
    let mut hint_problems = Diagnostics::new();
    let mut folders = Vec::new();
    let mut outcomes = Vec::new();
    for folded in checked {
        match folded {
            Folded::Taken(folder, warnings, kept) => {
                problems.extend(Diagnostics::from_iter(warnings));
                outcomes.push(Outcome::Taken(kept));
                folders.push(folder);
            }
            Folded::Checked {
                name,
                key,
                folder,
                found,
                glyphs,
                hints,
            } => {
                let fails = found.has_errors() || glyphs.has_errors() || hints.has_errors();
                fresh.extend(found.clone());
                fresh.extend(glyphs.clone());
                fresh.extend(hints.clone());
                if let Some(folder) = folder {
                    // Only folders in the site are remembered: one with errors is checked again.
                    if !fails {
                        outcomes.push(Outcome::Checked {
                            name,
                            key,
                            order: folder.order(),
                            warnings: found.iter().cloned().collect(),
                            folder: keep_models.then(|| folder.clone()),
                        });
                    }
                    folders.push(folder);
                }
                problems.extend(found);
                glyph_problems.extend(glyphs);
                hint_problems.extend(hints);
            }
        }
    }
    // The characters and hints after the folders' problems, as `handouts check` lists them.
    problems.extend(glyph_problems);
    problems.extend(hint_problems);
    let site = if problems.has_errors() {
        None
    } else {
        incremental::site(&rules, folders)
    };
    Checked {
        site,
        problems,
        fresh,
        folders: outcomes,
        site_key,
    }
}

/// One folder after [`check`]'s parallel pass.
enum Folded<K> {
    Taken(Folder, Vec<Diagnostic>, K),
    Checked {
        name: String,
        key: Digest,
        folder: Option<Folder>,
        found: Diagnostics,
        glyphs: Diagnostics,
        hints: Diagnostics,
    },
}

/// `serve`'s memory: the folders of its last check that had no error, with copies of their models
/// made between saves ([`Remembered::prepare`]) so the next check need not make them.
#[derive(Default)]
pub struct Remembered {
    folders: HashMap<String, Kept>,
    spare: Mutex<HashMap<String, Folder>>,
}

/// One folder `serve` remembers.
struct Kept {
    key: Digest,
    checked_on: Date,
    folder: Folder,
    warnings: Vec<Diagnostic>,
    reads: Vec<Read>,
}

impl Remembered {
    /// Remembers what `checked` found, in place of what it remembered: each folder of the site,
    /// checked now or taken. Folders no longer in the site are forgotten.
    pub fn update(&mut self, checked: &mut Checked<String>, today: Date) {
        let mut now = HashMap::new();
        for outcome in &mut checked.folders {
            match outcome {
                Outcome::Taken(name) => {
                    if let Some(kept) = self.folders.remove(name.as_str()) {
                        now.insert(name.clone(), kept);
                    }
                }
                Outcome::Checked {
                    name,
                    key,
                    warnings,
                    folder,
                    ..
                } => {
                    let Some(folder) = folder.take() else {
                        continue;
                    };
                    let Some(reads) = reads(folder.editions().iter().map(|(_, p)| p)) else {
                        continue;
                    };
                    now.insert(
                        name.clone(),
                        Kept {
                            key: *key,
                            checked_on: today,
                            folder,
                            warnings: std::mem::take(warnings),
                            reads,
                        },
                    );
                }
            }
        }
        self.folders = now;
        // A spare copy is of the folder as it was remembered: one checked again has none.
        let checked_now: std::collections::HashSet<&str> = checked
            .folders
            .iter()
            .filter_map(|o| match o {
                Outcome::Checked { name, .. } => Some(name.as_str()),
                Outcome::Taken(_) => None,
            })
            .collect();
        if let Ok(spare) = self.spare.get_mut() {
            spare.retain(|name, _| {
                self.folders.contains_key(name) && !checked_now.contains(name.as_str())
            });
        }
    }

    /// Copies every remembered folder for the next check, so that it does not have to.
    pub fn prepare(&mut self) {
        let Ok(spare) = self.spare.get_mut() else {
            return;
        };
        for (name, kept) in &self.folders {
            if !spare.contains_key(name) {
                spare.insert(name.clone(), kept.folder.clone());
            }
        }
    }
}

impl Memory for Remembered {
    type Kept = String;

    fn earlier(&self, name: &str) -> Option<Earlier<'_>> {
        let kept = self.folders.get(name)?;
        Some(Earlier {
            key: kept.key,
            checked_on: kept.checked_on,
            reads: &kept.reads,
        })
    }

    fn take(&self, name: &str) -> Option<(Folder, Vec<Diagnostic>, String)> {
        let kept = self.folders.get(name)?;
        let spare = self.spare.lock().ok().and_then(|mut s| s.remove(name));
        let folder = spare.unwrap_or_else(|| kept.folder.clone());
        Some((folder, kept.warnings.clone(), name.to_string()))
    }
}
