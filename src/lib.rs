//! handouts: clinic patient handouts from Markdown, as a website section and printable PDFs.
//!
//! The pipeline runs one way: [`load`] reads files → [`validate`] checks them into the [`model`]
//! → [`render`] makes pages and PDFs as values → [`write`] swaps the new output folder in.

pub mod cache;
pub mod config;
pub mod diag;
pub mod edition;
mod fnv;
pub mod front_matter;
pub mod labels;
pub mod load;
pub mod markdown;
pub mod model;
pub mod project;
pub mod render;
pub mod report;
pub mod routes;
pub mod scaffold;
pub mod serve;
pub mod theme;
pub mod validate;
pub mod write;
pub mod yaml;

use diag::Diagnostics;
use model::{Date, Site, Slug};
use std::path::{Path, PathBuf};
use theme::Theme;

/// What a build reads and where it writes.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// A theme folder overriding the built-in theme's files.
    pub theme: Option<PathBuf>,
    /// The output folder, replaced as a whole on success.
    pub out: PathBuf,
    /// Today's date, to tell which reviews are overdue.
    pub today: Date,
    /// Settings given on the command line that replace clinic.yaml's.
    pub overrides: Overrides,
}

/// `clinic.yaml` settings replaced for one build (`--base-url`, `--paper`).
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// The address the site is published at, e.g. a staging site.
    pub base_url: Option<String>,
    /// The paper handouts are printed on.
    pub paper: Option<model::Paper>,
}

impl Overrides {
    /// Applies the overrides to a checked site; a base URL that is not an absolute web address
    /// is an error in the same words as in clinic.yaml.
    pub fn apply(&self, site: &mut Site) -> Result<(), Diagnostics> {
        if let Some(text) = &self.base_url {
            site.clinic.base_url = model::BaseUrl::parse(text).ok_or_else(|| {
                Diagnostics::from(
                    diag::Diagnostic::error(format!("`{text}` (given with --base-url) is not an absolute web address."))
                        .hint("give the full address the handouts are published at, starting with https://, for example `--base-url https://staging.clinic.example/care/handouts/`."),
                )
            })?;
        }
        if let Some(paper) = self.paper {
            site.clinic.paper = paper;
        }
        Ok(())
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Files written.
    pub files: usize,
    /// Variant pages written.
    pub variants: usize,
    /// Warnings (overdue reviews, empty procedures).
    pub warnings: Diagnostics,
    /// Procedure folders taken unchanged from the build cache's memo, not checked or made again.
    pub reused: usize,
}

/// Loads and validates the content: the checked site and its warnings, or every problem found.
pub fn check(
    content: &Path,
    theme_dir: Option<&Path>,
    today: Date,
) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
    let inputs = project::SiteInputs {
        content,
        theme: theme_dir,
        overrides: "",
    };
    check_with(&inputs, today, &project::Forgetful).map(|c| (c.site, c.theme, c.warnings))
}

/// Which warnings stop a run: only errors do, or (`--strict`) plain-language warnings too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Strictness {
    /// Plain-language findings are warnings; the run succeeds.
    #[default]
    Warn,
    /// Plain-language findings are errors; nothing is written.
    Strict,
}

impl Strictness {
    /// The diagnostics of a run under this strictness.
    pub fn apply(self, diags: Diagnostics) -> Diagnostics {
        match self {
            Strictness::Warn => diags,
            Strictness::Strict => diags.deny(diag::Lint::PlainLanguage),
        }
    }
}

/// Builds the whole site into `options.out`. On any error nothing is written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with(options, Strictness::Warn)
}

/// [`build`], where `strictness` decides whether plain-language warnings stop it.
pub fn build_with(
    options: &BuildOptions,
    strictness: Strictness,
) -> Result<BuildReport, Diagnostics> {
    build_reporting(options, strictness, &|_, _| {})
}

/// [`build_with`], telling `progress` how many handouts are finished each time a page or PDF is.
pub fn build_reporting(
    options: &BuildOptions,
    strictness: Strictness,
    progress: Progress<'_>,
) -> Result<BuildReport, Diagnostics> {
    // The cache is read under the output's lock, so no other build changes it before this one
    // has written its files.
    let lock = write::lock_output(&options.out).map_err(|d| Diagnostics::from(*d))?;
    let cache = cache::Cache::open(&options.out);
    let memo = cache::folders::Memo::open(&options.out);
    let overrides = format!("{:?}", options.overrides);
    let inputs = project::SiteInputs {
        content: &options.content,
        theme: options.theme.as_deref(),
        overrides: &overrides,
    };
    let checked = check_with(&inputs, options.today, &memo.memory(&cache))
        .map_err(|d| strictness.apply(d))?;
    let Checked {
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
        render::render_into(&site, &theme, &sink, &reused)
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
                let own = render::procedure_files(&site, &slug);
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
struct Checked<K> {
    site: Site,
    theme: Theme,
    warnings: Diagnostics,
    /// Each folder of the site, taken from memory or checked now.
    folders: Vec<project::Outcome<K>>,
    /// The hash of the site-wide inputs (zero without a memory).
    site_key: cache::Digest,
}

/// Loads the theme and the content and checks it ([`project::check`]), taking from `memory` each
/// folder whose earlier check still stands: the site and the problems are the same either way.
fn check_with<M: project::Memory>(
    inputs: &project::SiteInputs<'_>,
    today: Date,
    memory: &M,
) -> Result<Checked<M::Kept>, Diagnostics> {
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
        (Some(site), Ok(theme)) if !checked.problems.has_errors() => Ok(Checked {
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

/// How far a build is: the work of `done` of `total` handouts finished.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

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

/// What `handouts pdf` is asked to write.
#[derive(Clone, Debug)]
pub struct PdfRequest<'a> {
    /// The content folder.
    pub content: &'a Path,
    /// A theme folder overriding the built-in theme's files.
    pub theme: Option<&'a Path>,
    /// `procedure/variant`.
    pub which: &'a str,
    /// The file to write; default `procedure-variant.pdf` (or `…-large.pdf`) in the current folder.
    pub output: Option<&'a Path>,
    /// The language (a code from `clinic.yaml`); default the clinic's first language.
    pub lang: Option<&'a str>,
    /// Regular or large print.
    pub size: edition::PrintSize,
    /// Today's date, to tell which reviews are overdue.
    pub today: Date,
}

/// Writes the PDF handout of one variant in one edition. Returns the path written; a variant or
/// language that does not exist is a [`diag::Failure::Usage`].
pub fn pdf_one(request: &PdfRequest<'_>) -> Result<PathBuf, diag::Failure> {
    let which = request.which;
    let (site, theme, _) = check(request.content, request.theme, request.today)?;
    let book = match request.lang {
        None => site.default_book(),
        Some(code) => {
            let found = site.books.iter().find(|b| b.lang.as_str() == code);
            let Some(book) = found else {
                let listed: Vec<String> =
                    site.books.iter().map(|b| format!("`{}`", b.lang)).collect();
                return Err(diag::Failure::Usage(format!(
                    "there are no handouts in the language `{code}`; clinic.yaml lists {}.",
                    listed.join(", ")
                )));
            };
            book
        }
    };
    let (proc_slug, variant_slug) = which
        .trim_matches('/')
        .split_once('/')
        .unwrap_or((which, ""));
    let found = book
        .variants()
        .find(|(p, v)| p.slug.as_str() == proc_slug && v.slug.as_str() == variant_slug);
    let Some((procedure, variant)) = found else {
        let all: Vec<String> = book
            .variants()
            .map(|(p, v)| format!("{}/{}", p.slug, v.slug))
            .collect();
        let language = if request.lang.is_some() {
            format!(" in `{}`", book.lang)
        } else {
            String::new()
        };
        return Err(diag::Failure::Usage(format!(
            "there is no handout `{which}`{language}; the handouts are: {}.",
            all.join(", ")
        )));
    };
    let Some(job) = render::Job::new(&site, &theme, book.lang, request.size) else {
        return Err(diag::Failure::Usage(format!(
            "the theme has no labels for the language `{}`.",
            book.lang
        )));
    };
    let rendered =
        render::print::handout(&job, procedure, variant, handouts_print::Fonts::embedded())?;
    let path = request.output.map_or_else(
        || {
            PathBuf::from(
                job.routes
                    .pdf_name(&procedure.slug, &variant.slug, request.size),
            )
        },
        Path::to_path_buf,
    );
    write::file(&path, &rendered.bytes)?;
    Ok(path)
}
