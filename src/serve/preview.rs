//! The preview's builds, in memory. Each rebuild checks again only the folders whose files
//! changed, compares the new model with the last good one, and renders only the outputs whose
//! inputs differ (their keys, [`crate::render::targets::Keys`], as the build decides it).
//!
//! What an edit affects is rendered before the rebuild is announced, when it is a few pages and
//! PDFs. When it is many (the first build, an edit of the theme or `clinic.yaml`), only the first
//! of each kind is, to report a broken template at once, and every other file is made the first
//! time it is asked for: the first page of 1,000 handouts is served in well under a second.

use super::check::Checker;
use super::snapshot::{Build, Slot, Snapshot};
use super::target::{self, Kind, Made};
use crate::cache::Digest;
use crate::diag::Diagnostics;
use crate::model::{Date, Site};
use crate::project::Project;
use crate::render::targets::{self, Keys, Target, TemplateReads};
use crate::render::{OutputFile, Outputs};
use crate::theme::Theme;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The most affected pages rendered before a rebuild is announced: a procedure's worth, in a
/// language or two (half a millisecond each).
const EAGER_PAGES: usize = 50;

/// The most affected PDFs rendered before a rebuild is announced (about 10 ms each).
const EAGER_PDFS: usize = 12;

/// The most files a summary (the print station) is made from before a rebuild is announced: it
/// is given a copy of each, and on a large site most are made only when asked for.
const EAGER_SUMMARY_INPUTS: usize = 200;

/// The live preview's state: the project it previews, the last good build and the latest problems.
pub struct Preview {
    project: Project,
    /// The project's outputs, shared with every build it serves.
    outputs: Arc<Outputs>,
    checker: Checker,
    theme: Option<LoadedTheme>,
    good: Option<Arc<Build>>,
    problems: Option<Diagnostics>,
    snapshot: Arc<Snapshot>,
}

/// A theme as loaded, with the files it was loaded from.
struct LoadedTheme {
    files: Vec<(PathBuf, Vec<u8>)>,
    theme: Arc<Theme>,
    reads: TemplateReads,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuild {
    /// Paths of the files rendered, sorted.
    pub rendered: Vec<String>,
    /// How many new or changed pages and PDFs are left to be made when first asked for.
    pub deferred: usize,
    /// Paths of the files no longer in the site, sorted.
    pub removed: Vec<String>,
    /// Whether everything was rendered again (the first build, a theme or `clinic.yaml` edit).
    pub everything: bool,
    /// Every problem, when the rebuild failed and the preview kept the last good version.
    pub problems: Option<Diagnostics>,
    /// Warnings about the files checked this time.
    pub warnings: Diagnostics,
    /// Whether the last rebuild's problems are gone.
    pub fixed: bool,
    /// Whether open pages should reload: a file or the problems shown changed.
    pub changed: bool,
    /// How long the rebuild took.
    pub took: Duration,
}

impl Preview {
    /// A preview of the content folder `content` with the theme folder `theme`, built by the
    /// first [`Preview::rebuild`] ([`Project::preview`] of a project that only reads them).
    pub fn new(content: &Path, theme: Option<&Path>, today: Date) -> Preview {
        Project::reading(content, theme, today).preview()
    }

    /// A preview of `project`, built by the first [`Preview::rebuild`].
    pub(crate) fn of(project: Project) -> Preview {
        Preview {
            outputs: Arc::new(project.outputs().clone()),
            checker: Checker::new(project.clone()),
            project,
            theme: None,
            good: None,
            problems: None,
            snapshot: Arc::new(Snapshot::empty()),
        }
    }

    /// The content folder.
    pub fn content(&self) -> &Path {
        &self.project.options().content
    }

    /// What is served now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot)
    }

    /// Gets ready for the next rebuild while the editor types: copies now what the next model
    /// will reuse (about 15 ms for 1,000 handouts), so the rebuild after a save need not.
    pub fn prepare(&mut self) {
        self.checker.prepare();
    }

    /// Checks the content again and renders what changed; on any error the last good files stay
    /// and the problems are shown over them.
    pub fn rebuild(&mut self) -> Rebuild {
        let start = Instant::now();
        // The theme first: its labels say which headings name which section.
        let theme_problems = self.refresh_theme();
        let builtin;
        let labels = match (&theme_problems, &self.theme) {
            (None, Some(loaded)) => &loaded.theme.labels,
            _ => {
                builtin = Theme::builtin_labels();
                &builtin
            }
        };
        let checked = self.checker.check(labels);
        let mut problems = theme_problems.unwrap_or_default();
        problems.extend(checked.problems);
        let theme = self.theme.as_ref().map(|t| (Arc::clone(&t.theme), t.reads));
        match (checked.site, theme) {
            (Some(mut site), Some((theme, reads))) if !problems.has_errors() => {
                // The command line's settings over clinic.yaml's, as `build` applies them.
                if let Err(problems) = self.project.options().overrides.apply(&mut site) {
                    return self.fail(problems, start);
                }
                self.render(site, theme, reads, &checked.site_key, checked.fresh, start)
            }
            _ => self.fail(problems, start),
        }
    }

    /// Loads the theme again when a file of its folder changed; its problems, if it has any.
    fn refresh_theme(&mut self) -> Option<Diagnostics> {
        let dir = self.project.options().theme.as_deref();
        let files = dir.map_or_else(Vec::new, theme_files);
        if self.theme.as_ref().is_some_and(|t| t.files == files) {
            return None;
        }
        match Theme::load(dir) {
            Ok(theme) => {
                self.theme = Some(LoadedTheme {
                    files,
                    reads: TemplateReads::of(&theme),
                    theme: Arc::new(theme),
                });
                None
            }
            Err(problems) => Some(problems),
        }
    }

    /// Renders the outputs of `site` whose inputs changed since the last good build.
    fn render(
        &mut self,
        site: Site,
        theme: Arc<Theme>,
        reads: TemplateReads,
        site_key: &Digest,
        warnings: Diagnostics,
        start: Instant,
    ) -> Rebuild {
        // Each target is made again when what it reads changed (`Keys`, as the build decides
        // it); after a theme or clinic.yaml edit, that is everything.
        let outputs = Arc::clone(&self.outputs);
        let keys = Keys::new(&site, site_key, reads, &outputs);
        let previous = self.good.as_ref();
        let everything = previous.is_none_or(|g| g.base != *keys.base());
        let mut slots = HashMap::new();
        let mut to_make = Vec::new();
        let mut summaries = Vec::new();
        let all = targets::all(&site, &outputs);
        let mut made_keys: Vec<Digest> = Vec::new();
        // The last build's slot for `target`, when what it reads is still `key`: kept as it is.
        let mut keep = |target: &Target, key: &Digest| {
            let kept = previous
                .and_then(|g| g.slots.get(target))
                .filter(|slot| slot.key == *key);
            kept.map(|slot| slots.insert(target.clone(), Arc::clone(slot)))
                .is_some()
        };
        for (path, target) in all {
            if target.is_summary(&outputs) {
                summaries.push(target);
                continue;
            }
            let key = keys.key(&target, None);
            made_keys.push(key);
            if !keep(&target, &key) {
                to_make.push((path, target, key));
            }
        }
        // A summary lists every other file: `serve` makes many of them only when asked, so it
        // reads every other target's key.
        made_keys.sort_unstable();
        let others = crate::cache::key(&made_keys.iter().map(|k| k.as_slice()).collect::<Vec<_>>());
        let summaries: Vec<(Target, Digest)> = summaries
            .into_iter()
            .map(|target| {
                let key = keys.key(&target, Some(&others));
                (target, key)
            })
            .filter(|(target, key)| !keep(target, key))
            .collect();
        let new_targets = to_make.len() + summaries.len();
        let now = now_or_later(&to_make);
        let made = make_all(&now, &to_make, &outputs, &site, &theme);
        let mut failed = Diagnostics::new();
        let (mut rendered, mut deferred) = (Vec::new(), 0);
        for ((path, target, key), made) in to_make.into_iter().zip(made) {
            let slot = match made {
                Some(Err(problems)) => {
                    failed.extend(problems);
                    continue;
                }
                Some(made) => Slot::made(target, key, made),
                None => {
                    deferred += 1;
                    Slot::later(target, key, path.into_iter().collect())
                }
            };
            rendered.extend(slot.get().map(|_| slot.paths.clone()).unwrap_or_default());
            slots.insert(slot.target.clone(), Arc::new(slot));
        }
        // A summary reads every other file. On a small site, where they are all made, it is made
        // too; else it is made on request, and rendered now over the files' paths and page counts
        // alone, to learn its own paths and to report a broken template at once.
        for (target, key) in summaries {
            let eager =
                slots.len() <= EAGER_SUMMARY_INPUTS && slots.values().all(|s| s.get().is_some());
            let mut inputs: Vec<OutputFile> = if eager {
                target::as_outputs(
                    slots
                        .values()
                        .filter_map(|s| s.get()?.as_ref().ok())
                        .flat_map(|files| files.iter()),
                )
            } else {
                slots.values().flat_map(|s| stubs(s)).collect()
            };
            inputs.sort_by(|a, b| a.path.cmp(&b.path));
            match target::make(&target, &outputs, &site, &theme, &inputs) {
                Err(problems) => failed.extend(problems),
                Ok(files) if eager => {
                    let slot = Slot::made(target, key, Ok(files));
                    rendered.extend(slot.paths.iter().cloned());
                    slots.insert(slot.target.clone(), Arc::new(slot));
                }
                Ok(files) => {
                    deferred += 1;
                    let paths = files.iter().map(|f| f.path.clone()).collect();
                    slots.insert(target.clone(), Arc::new(Slot::later(target, key, paths)));
                }
            }
        }
        if failed.has_errors() {
            return self.fail(failed, start);
        }
        let files: HashMap<String, Arc<Slot>> = slots
            .values()
            .flat_map(|slot| {
                slot.paths
                    .iter()
                    .map(move |p| (p.clone(), Arc::clone(slot)))
            })
            .collect();
        let removed: Vec<String> = previous
            .map(|g| {
                g.files
                    .keys()
                    .filter(|p| !files.contains_key(*p))
                    .cloned()
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect()
            })
            .unwrap_or_default();
        rendered.sort();
        let fixed = self.problems.is_some();
        let changed = new_targets > 0 || !removed.is_empty() || fixed;
        let attachments = site
            .default_book()
            .procedures
            .iter()
            .flat_map(|p| &p.attachments)
            .map(|a| (a.path.clone(), a.source.clone()))
            .collect();
        let build = Arc::new(Build {
            base: *keys.base(),
            outputs: Arc::clone(&outputs),
            site: Arc::new(site),
            theme,
            slots,
            files,
            attachments,
        });
        self.good = Some(Arc::clone(&build));
        self.problems = None;
        if changed {
            self.publish(None);
        }
        Rebuild {
            rendered,
            deferred,
            removed,
            everything,
            problems: None,
            warnings,
            fixed,
            changed,
            took: start.elapsed(),
        }
    }

    /// Keeps the last good build and shows `problems` over it.
    fn fail(&mut self, problems: Diagnostics, start: Instant) -> Rebuild {
        let changed = self.problems.as_ref() != Some(&problems);
        if changed {
            self.problems = Some(problems.clone());
            self.publish(Some(problem_text(&problems, self.good.is_some())));
        }
        Rebuild {
            rendered: Vec::new(),
            deferred: 0,
            removed: Vec::new(),
            everything: false,
            problems: Some(problems),
            warnings: Diagnostics::new(),
            fixed: false,
            changed,
            took: start.elapsed(),
        }
    }

    fn publish(&mut self, problems: Option<String>) {
        self.snapshot = Arc::new(Snapshot {
            version: self.snapshot.version + 1,
            build: self.good.clone(),
            problems: problems.map(Into::into),
        });
    }
}

impl Rebuild {
    /// One line for the terminal (problems are printed apart, with [`problem_text`]).
    pub fn summary(&self) -> String {
        let ms = self.took.as_millis();
        if self.problems.is_some() {
            return format!("Checked in {ms} ms.");
        }
        let mut parts = Vec::new();
        if self.fixed {
            parts.push("the problems are fixed".to_string());
        }
        match self.rendered.len() {
            0 => {}
            n @ 1..=4 if !self.everything => parts.push(format!(
                "{} ({n} file{})",
                self.rendered.join(", "),
                plural(n)
            )),
            n => parts.push(format!("{n} files")),
        }
        if self.deferred > 0 {
            parts.push(format!("{} more to make when first opened", self.deferred));
        }
        if !self.removed.is_empty() {
            parts.push(format!("{} removed", self.removed.len()));
        }
        if parts.is_empty() {
            return format!("Checked in {ms} ms: nothing on the site changed.");
        }
        let what = if self.everything { "Built" } else { "Rebuilt" };
        format!("{what} in {ms} ms: {}.", parts.join("; "))
    }
}

/// The problems as the terminal and the browser show them.
pub fn problem_text(problems: &Diagnostics, has_good_version: bool) -> String {
    let n = problems.error_count();
    let shown = if has_good_version {
        "the preview shows the last good version until they are fixed"
    } else {
        "the preview shows the site once they are fixed"
    };
    let noun = if n == 1 { "problem" } else { "problems" };
    format!("{problems}{n} {noun} found; {shown}.")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Which of `to_make` to render before the rebuild is announced: all pages and all PDFs when
/// they are few, else the first of each kind. Whole outputs (the sitemap, the feed, the theme's
/// files) are always made at once: their paths are known only then.
fn now_or_later(to_make: &[(Option<String>, Target, Digest)]) -> Vec<bool> {
    let is_pdf = |t: &Target| matches!(target::kind(t), Some(Kind::Pdf(..)));
    let pdfs = to_make.iter().filter(|(_, t, _)| is_pdf(t)).count();
    let pages = to_make
        .iter()
        .filter(|(_, t, _)| target::kind(t).is_some())
        .count()
        - pdfs;
    let mut probed: BTreeSet<Kind> = BTreeSet::new();
    to_make
        .iter()
        .map(|(_, t, _)| match target::kind(t) {
            Some(kind @ Kind::Pdf(..)) => pdfs <= EAGER_PDFS || probed.insert(kind),
            Some(kind) => pages <= EAGER_PAGES || probed.insert(kind),
            None => true,
        })
        .collect()
}

/// Makes the targets marked `now`, on every core; one target at a time is taken from a shared
/// counter, so one slow PDF does not hold up a thread's share of pages.
fn make_all(
    now: &[bool],
    to_make: &[(Option<String>, Target, Digest)],
    outputs: &Outputs,
    site: &Site,
    theme: &Theme,
) -> Vec<Option<Made>> {
    let wanted: Vec<usize> = (0..to_make.len()).filter(|&i| now[i]).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(wanted.len())
        .max(1);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&i) = wanted.get(k) else {
                return done;
            };
            done.push((i, target::make(&to_make[i].1, outputs, site, theme, &[])));
        }
    };
    let mut out: Vec<Option<Made>> = (0..to_make.len()).map(|_| None).collect();
    let done: Vec<(usize, Made)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for h in handles {
            // `make` turns panics into problems, so a thread can only fail by a bug here.
            done.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        done
    });
    for (i, made) in done {
        out[i] = Some(made);
    }
    out
}

/// The files of `slot` without their bytes, for a summary to learn its paths from: their paths,
/// and page counts where they are made.
fn stubs(slot: &Slot) -> Vec<OutputFile> {
    match slot.get() {
        Some(Ok(files)) => files
            .iter()
            .map(|f| OutputFile {
                path: f.path.clone(),
                bytes: Vec::new(),
                pages: f.pages,
            })
            .collect(),
        _ => slot
            .paths
            .iter()
            .map(|path| OutputFile {
                path: path.clone(),
                bytes: Vec::new(),
                pages: None,
            })
            .collect(),
    }
}

/// Every file of the theme folder with its bytes, sorted: the theme is loaded again only when
/// this changes.
fn theme_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| Some((e.path().to_path_buf(), std::fs::read(e.path()).ok()?)))
        .collect();
    files.sort();
    files
}
