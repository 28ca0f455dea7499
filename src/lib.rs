//! handouts: clinic patient handouts from Markdown, as a website section and printable PDFs.
//!
//! The pipeline runs one way: [`load`] reads files → [`validate`] checks them into the [`model`]
//! → [`render`] makes pages and PDFs as values → [`write`] swaps the new output folder in.

pub mod blank_table;
pub mod cache;
pub mod diag;
pub mod edition;
pub mod escape;
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
pub mod section_table;
pub mod serve;
pub mod theme;
pub mod validate;
pub mod write;
pub mod yaml;

pub use project::Project;

use diag::Diagnostics;
use model::{Date, Site};
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

/// Loads and validates the content: the checked site and its warnings, or every problem found
/// ([`Project::check`]).
pub fn check(
    content: &Path,
    theme_dir: Option<&Path>,
    today: Date,
) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
    Project::reading(content, theme_dir, today).check()
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

/// [`build_with`], telling `progress` how many handouts are finished each time a page or PDF is
/// ([`Project::build`] of the tool's own outputs).
pub fn build_reporting(
    options: &BuildOptions,
    strictness: Strictness,
    progress: Progress<'_>,
) -> Result<BuildReport, Diagnostics> {
    Project::new(options.clone()).build(strictness, progress)
}
/// How far a build is: the work of `done` of `total` handouts finished.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

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
