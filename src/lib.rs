//! handouts: clinic patient handouts from Markdown, as a website section and printable PDFs.
//!
//! The pipeline runs one way: [`load`] reads files → [`validate`] checks them into the [`model`]
//! → [`render`] makes pages and PDFs as values → [`write`] swaps the new output folder in.

pub mod cache;
pub mod cli;
pub mod config;
pub mod diag;
pub mod edition;
mod fnv;
pub mod front_matter;
pub mod labels;
pub mod load;
pub mod markdown;
pub mod model;
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
    check_reusing(content, theme_dir, today, None).map(|c| (c.site, c.theme, c.warnings))
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
    let reuse = Reuse {
        memo: &memo,
        cache: &cache,
        options,
    };
    let checked = check_reusing(
        &options.content,
        options.theme.as_deref(),
        options.today,
        Some(reuse),
    )
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
        reused.site_key = site_key;
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
        .filter(|f| matches!(f, FolderOutcome::Taken(_)))
        .count();
    // What the next build may take from the memo: every folder of this one.
    let mut memo_out = cache::folders::folders_file(&options.out);
    for folder in folders {
        match folder {
            FolderOutcome::Taken(taken) => {
                if let Some(line) = taken.record().line() {
                    memo_out.add(&line);
                }
            }
            FolderOutcome::Checked {
                name,
                key,
                order,
                warnings,
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
struct Checked<'m> {
    site: Site,
    theme: Theme,
    warnings: Diagnostics,
    /// With a memo, each folder in it.
    folders: Vec<FolderOutcome<'m>>,
    /// With a memo, the hash of the site-wide inputs.
    site_key: Option<cache::Digest>,
}

/// One procedure folder of a build: taken from the memo, or checked now.
enum FolderOutcome<'m> {
    /// Unchanged since the last build.
    Taken(cache::folders::Taken<'m>),
    /// Checked now.
    Checked {
        name: String,
        key: cache::Digest,
        order: i64,
        warnings: Vec<diag::Diagnostic>,
    },
}

/// The build's memo of folders, with what decides whether one may be taken from it.
struct Reuse<'a, 'm> {
    memo: &'m cache::folders::Memo,
    cache: &'a cache::Cache,
    options: &'a BuildOptions,
}

/// Loads and validates the content (see [`check`]). With `reuse`, a folder the memo has unchanged
/// is taken from it with its warnings instead of being checked again (see [`cache::folders`]); the
/// site and the problems are the same either way.
fn check_reusing<'m>(
    content: &Path,
    theme_dir: Option<&Path>,
    today: Date,
    reuse: Option<Reuse<'_, 'm>>,
) -> Result<Checked<'m>, Diagnostics> {
    use rayon::prelude::*;
    // Read every file first, so unreadable files and content problems are reported together.
    let (sources, mut diags) = load::load(content);
    // The theme's labels say which headings name which section, so it is read before the content
    // is checked; its problems are reported with the content's.
    let theme = Theme::load(theme_dir);
    let labels = match &theme {
        Ok(theme) => theme.labels.clone(),
        Err(d) => {
            diags.extend(d.clone());
            Theme::builtin_labels()
        }
    };
    let (rules, found) = validate::incremental::Rules::new(&sources, content, today, &labels);
    diags.extend(found);
    let site_key = reuse
        .as_ref()
        .map(|r| site_key(r.options, &sources, &rules));
    // Folders are independent: check them on every core, keeping their order for the messages.
    let checked: Vec<_> = sources
        .procedures
        .par_iter()
        .map(|files| {
            let (Some(reuse), Some(site_key)) = (&reuse, &site_key) else {
                let (folder, found) = validate::incremental::folder(files, &rules);
                return (folder, None, found);
            };
            let key = cache::folders::folder_key(site_key, files);
            if let Some(taken) = reuse.memo.take(&files.name, &key, today, reuse.cache) {
                let found = taken.warnings.iter().cloned().collect();
                return (
                    Some(taken.folder.clone()),
                    Some(FolderOutcome::Taken(taken)),
                    found,
                );
            }
            let (folder, found) = validate::incremental::folder(files, &rules);
            let outcome = FolderOutcome::Checked {
                name: files.name.clone(),
                key,
                order: folder.as_ref().map_or(0, |f| f.order()),
                warnings: found.iter().cloned().collect(),
            };
            (folder, Some(outcome), found)
        })
        .collect();
    // A character no font has would print as an empty box, and a hint `handouts new` wrote must
    // never reach a patient: both are looked for in every file but those of the folders taken from
    // the memo, which had neither (either is an error).
    let is_taken =
        |c: &(_, Option<FolderOutcome<'_>>, _)| matches!(c.1, Some(FolderOutcome::Taken(_)));
    let checked_now;
    let looked_at = if checked.iter().any(is_taken) {
        let files = sources.procedures.iter().zip(&checked);
        checked_now = load::Sources {
            clinic: sources.clinic.clone(),
            procedures: files
                .filter(|(_, c)| !is_taken(c))
                .map(|(f, _)| f.clone())
                .collect(),
        };
        &checked_now
    } else {
        &sources
    };
    let glyphs = validate::glyphs::check(looked_at, handouts_print::Fonts::embedded());
    let placeholders = validate::placeholders::check(looked_at, &labels);
    let mut folders = Vec::new();
    let mut outcomes = Vec::new();
    for (folder, outcome, found) in checked {
        diags.extend(found);
        // Only folders in the site go into the memo: one with errors fails the build anyway.
        if folder.is_some() {
            outcomes.extend(outcome);
        }
        folders.extend(folder);
    }
    let site = validate::incremental::site(&rules, folders).filter(|_| !diags.has_errors());
    // After the folders' problems, as `check` has always listed them.
    diags.extend(glyphs);
    diags.extend(placeholders);
    match (site, theme) {
        (Some(site), Ok(theme)) if !diags.has_errors() => Ok(Checked {
            site,
            theme,
            warnings: diags,
            folders: outcomes,
            site_key,
        }),
        _ => Err(diags),
    }
}

/// What every folder's check and own files read besides the folder: `clinic.yaml`, the logo, the
/// theme folder, the overrides and where the content is.
fn site_key(
    options: &BuildOptions,
    sources: &load::Sources,
    rules: &validate::incremental::Rules,
) -> cache::Digest {
    let clinic = sources.clinic.as_ref().map_or("", |f| f.text.as_str());
    // As checked: the file was read for that already.
    let logo = rules.logo_bytes();
    let mut theme_files: Vec<u8> = Vec::new();
    if let Some(dir) = &options.theme {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let Ok(entry) = entry else {
                theme_files.extend_from_slice(b"unreadable");
                continue;
            };
            let path = entry.path().as_os_str().as_encoded_bytes();
            theme_files.extend_from_slice(&(path.len() as u64).to_le_bytes());
            theme_files.extend_from_slice(path);
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path()).unwrap_or_default();
                theme_files.extend_from_slice(&cache::digest(&bytes));
            }
        }
    }
    let overrides = format!("{:?}", options.overrides);
    let content = options.content.as_os_str().as_encoded_bytes();
    let real = std::fs::canonicalize(&options.content).unwrap_or_default();
    cache::folders::site_key(&[
        clinic.as_bytes(),
        logo.unwrap_or_default(),
        &theme_files,
        overrides.as_bytes(),
        content,
        real.as_os_str().as_encoded_bytes(),
    ])
}

/// Puts the files of the folders taken from the memo into the staging folder, on every core
/// (those the staging folder has from the spare tree are there already).
fn place_taken(
    folders: &[FolderOutcome<'_>],
    stage: &write::Stage<'_>,
) -> Result<render::Reused, Diagnostics> {
    use rayon::prelude::*;
    let mut reused = render::Reused::default();
    let mut files: Vec<(&str, cache::Entry, bool)> = Vec::new();
    for folder in folders {
        if let FolderOutcome::Taken(taken) = folder {
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

/// Why `handouts pdf` could not write its file.
#[derive(Debug)]
pub enum PdfOneError {
    /// The variant named does not exist or is not `procedure/variant`.
    Usage(String),
    /// Problems in the content, the theme or the output path.
    Content(Diagnostics),
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

/// Writes the PDF handout of one variant in one edition. Returns the path written.
pub fn pdf_one(request: &PdfRequest<'_>) -> Result<PathBuf, PdfOneError> {
    let which = request.which;
    let (site, theme, _) =
        check(request.content, request.theme, request.today).map_err(PdfOneError::Content)?;
    let book = match request.lang {
        None => site.default_book(),
        Some(code) => {
            let found = site.books.iter().find(|b| b.lang.as_str() == code);
            let Some(book) = found else {
                let listed: Vec<String> =
                    site.books.iter().map(|b| format!("`{}`", b.lang)).collect();
                return Err(PdfOneError::Usage(format!(
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
        return Err(PdfOneError::Usage(format!(
            "there is no handout `{which}`{language}; the handouts are: {}.",
            all.join(", ")
        )));
    };
    let Some(job) = render::Job::new(&site, &theme, book.lang, request.size) else {
        return Err(PdfOneError::Usage(format!(
            "the theme has no labels for the language `{}`.",
            book.lang
        )));
    };
    let rendered =
        render::print::handout(&job, procedure, variant, handouts_print::Fonts::embedded())
            .map_err(PdfOneError::Content)?;
    let path = request.output.map_or_else(
        || {
            PathBuf::from(
                job.routes
                    .pdf_name(&procedure.slug, &variant.slug, request.size),
            )
        },
        Path::to_path_buf,
    );
    write::file(&path, &rendered.bytes).map_err(|d| PdfOneError::Content(Diagnostics::from(*d)))?;
    Ok(path)
}
