//! `build`: the project's files, written. Each procedure folder is checked (or taken from the
//! build cache's memo), the outputs are rendered into a staging folder as they are made, and the
//! staging folder replaces the output folder only when every file was made.

use super::{self as project, Project};
use crate::diag::Diagnostics;
use crate::model::{Date, Site, Slug};
use crate::theme::Theme;
use crate::{cache, load, render, write, BuildReport, Progress, Strictness};

/// Builds `project` into its output folder, telling `progress` how many handouts are finished
/// each time a page or PDF is ([`Project::build`]).
pub(super) fn build(
    project: &Project,
    strictness: Strictness,
    progress: Progress<'_>,
) -> Result<BuildReport, Diagnostics> {
    let options = project.options();
    // The cache is read under the output's lock, so no other build changes it before this one
    // has written its files.
    let lock = write::lock_output(&options.out).map_err(|d| Diagnostics::from(*d))?;
    let cache = cache::Cache::open(&options.out);
    let memo = cache::folders::Memo::open(&options.out);
    let overrides = project.overrides_text();
    let inputs = project.site_inputs(&overrides);
    let checked = load_and_check(&inputs, options.today, &memo.memory(&cache))
        .map_err(|d| strictness.apply(d))?;
    let Loaded {
        mut site,
        theme,
        warnings,
        folders,
        site_key,
    } = checked;
    let warnings = strictness.apply(warnings);
    if warnings.has_errors() {
        return Err(warnings);
    }
    options.overrides.apply(&mut site)?;
    let listings = std::sync::Mutex::new(Vec::new());
    // Files go into a staging folder as they are made, as links to the build cache's objects; the
    // staging folder replaces the output only when every file was made.
    let (files, placed) = write::commit_placing(&options.out, Some(&cache), Some(lock), |stage| {
        let mut reused = place_taken(&folders, stage)?;
        reused.site_key = Some(site_key);
        let sink = StageSink {
            stage,
            progress,
            memo: Some(&memo),
            listings: &listings,
        };
        render::render_into(&site, &theme, project.outputs(), &sink, &reused)
    })
    .map_err(|e| match e {
        write::Failed::Write(d) => Diagnostics::from(*d),
        write::Failed::Make(d) => d,
    })?;
    let reused = folders
        .iter()
        .filter(|f| matches!(f, project::Outcome::Taken(_)))
        .count();
    // What the next build may take from the memo: every folder of this one.
    let mut memo_out = cache::folders::folders_file(&options.out);
    for folder in folders {
        match folder {
            project::Outcome::Taken(taken) => {
                if let Some(line) = taken.record().line() {
                    memo_out.add(&line);
                }
            }
            project::Outcome::Checked {
                name,
                key,
                order,
                warnings,
                ..
            } => {
                let Some(slug) = Slug::parse(&name) else {
                    continue;
                };
                let own = render::procedure_files(&site, project.outputs(), &slug);
                let record = cache::folders::Record::new(
                    &key,
                    options.today,
                    (&site, &slug, order),
                    warnings,
                    &own,
                    &placed,
                    &cache,
                );
                if let Some(line) = record.as_ref().and_then(|r| r.line()) {
                    memo_out.add(&line);
                }
            }
        }
    }
    let mut listings_out = cache::folders::listings_file(&options.out);
    for (key, paths) in listings.into_inner().unwrap_or_default() {
        if let Some(line) = cache::folders::listing_line(&key, &paths, &placed, &cache) {
            listings_out.add(&line);
        }
    }
    cache.finish();
    memo_out.finish();
    listings_out.finish();
    Ok(BuildReport {
        files,
        variants: site.default_book().variants().count(),
        warnings,
        reused,
    })
}

/// A checked site, with how each of its procedure folders was checked.
pub(super) struct Loaded<K> {
    pub(super) site: Site,
    pub(super) theme: Theme,
    pub(super) warnings: Diagnostics,
    /// Each folder of the site, taken from memory or checked now.
    pub(super) folders: Vec<project::Outcome<K>>,
    /// The hash of the site-wide inputs (zero without a memory).
    pub(super) site_key: cache::Digest,
}

/// Loads the theme and the content and checks it ([`project::check`]), taking from `memory` each
/// folder whose earlier check still stands: the site and the problems are the same either way.
pub(super) fn load_and_check<M: project::Memory>(
    inputs: &project::SiteInputs<'_>,
    today: Date,
    memory: &M,
) -> Result<Loaded<M::Kept>, Diagnostics> {
    // Read every file first, so unreadable files and content problems are reported together.
    let (sources, mut diags) = load::load(inputs.content);
    // The theme's labels say which headings name which section, so it is read before the content
    // is checked; its problems are reported with the content's.
    let theme = Theme::load(inputs.theme);
    let labels = match &theme {
        Ok(theme) => theme.labels.clone(),
        Err(d) => {
            diags.extend(d.clone());
            Theme::builtin_labels()
        }
    };
    let checked = project::check(inputs, &sources, diags, &labels, today, memory, false);
    match (checked.site, theme) {
        (Some(site), Ok(theme)) if !checked.problems.has_errors() => Ok(Loaded {
            site,
            theme,
            warnings: checked.problems,
            folders: checked.folders,
            site_key: checked.site_key,
        }),
        _ => Err(checked.problems),
    }
}

/// Puts the files of the folders taken from the memo into the staging folder, on every core
/// (those the staging folder has from the spare tree are there already).
fn place_taken(
    folders: &[project::Outcome<cache::folders::Taken<'_>>],
    stage: &write::Stage<'_>,
) -> Result<render::Reused, Diagnostics> {
    use rayon::prelude::*;
    let mut reused = render::Reused::default();
    let mut files: Vec<(&str, cache::Entry, bool)> = Vec::new();
    for folder in folders {
        if let project::Outcome::Taken(taken) = folder {
            if let Some(slug) = Slug::parse(taken.name()) {
                reused.procedures.insert(slug);
            }
            files.extend(taken.files());
        }
    }
    // A picture two folders show is placed once.
    files.sort_by(|a, b| a.0.cmp(b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    files
        .par_iter()
        .try_for_each(|&(path, entry, in_place)| stage.put_back(path, entry, in_place))
        .map_err(|d| Diagnostics::from(*d))?;
    reused.files = files
        .iter()
        .map(|&(path, entry, _)| put_back_record(path, entry))
        .collect();
    Ok(reused)
}

/// What a file put back from the cache is to the outputs that list files: a PDF with its page
/// count.
fn put_back_record(path: &str, entry: cache::Entry) -> render::OutputFile {
    render::OutputFile {
        path: path.to_string(),
        bytes: Vec::new(),
        pages: path.ends_with(".pdf").then_some(entry.pages),
    }
}

/// Hands rendered files to the staging folder.
struct StageSink<'a, 'c> {
    stage: &'a write::Stage<'c>,
    progress: Progress<'a>,
    /// The memo that listing outputs are taken from.
    memo: Option<&'a cache::folders::Memo>,
    /// The listing outputs of this build, by key, with their files' paths.
    listings: &'a std::sync::Mutex<Vec<(cache::Digest, Vec<String>)>>,
}

impl render::Sink for StageSink<'_, '_> {
    fn put(&self, file: render::OutputFile, key: Option<cache::Digest>) -> Result<(), Diagnostics> {
        let key = key.map(|k| (k, file.pages.unwrap_or(0)));
        self.stage
            .put(&file.path, &file.bytes, key)
            .map_err(|d| Diagnostics::from(*d))
    }

    fn reuse(&self, key: &cache::Digest, path: &str) -> Option<usize> {
        self.stage.reuse(key, path)
    }

    fn progress(&self, done: usize, total: usize) {
        (self.progress)(done, total);
    }

    fn reuse_listing(&self, key: &cache::Digest) -> Option<Vec<render::OutputFile>> {
        let files = self.memo?.take_listing(key, self.stage.cache()?)?;
        for (path, entry, in_place) in &files {
            // One that cannot be put back is made again instead.
            self.stage.put_back(path, *entry, *in_place).ok()?;
        }
        let paths: Vec<String> = files.iter().map(|(path, ..)| path.clone()).collect();
        self.made_listing(*key, paths);
        Some(
            files
                .iter()
                .map(|(path, entry, _)| put_back_record(path, *entry))
                .collect(),
        )
    }

    fn made_listing(&self, key: cache::Digest, paths: Vec<String>) {
        if let Ok(mut listings) = self.listings.lock() {
            listings.push((key, paths));
        }
    }
}
