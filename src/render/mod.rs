//! Model → output files. Renderers return files as values; only `write` touches the disk.
//!
//! Every output the build makes is one entry of [`OUTPUTS`], the way mdBook registers its
//! renderers: the site's shared files, each language's pages, and each print size's PDFs. A new
//! output (a large-print PDF, a catalog) is one more entry; [`render_all`] runs them all for every
//! language and collects every problem.

pub mod catalog;
pub mod context;
pub mod html;
pub mod inline;
pub mod pdf;
pub mod print;
pub mod station;

use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::{Edition, Lang, PrintSize};
use crate::model::{Book, Procedure, Site, Variant};
use crate::routes::{Page, Routes};
use crate::theme::Theme;

/// One file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// For a PDF, its page count (the print station lists it).
    pub pages: Option<usize>,
}

/// Everything a renderer reads: the site, the theme, the language's book and the edition.
pub struct Job<'a> {
    /// The whole site (for links between languages).
    pub site: &'a Site,
    /// Templates, labels and styles.
    pub theme: &'a Theme,
    /// The handouts of the edition's language.
    pub book: &'a Book,
    /// Language, paper and print size.
    pub edition: Edition,
    /// Every path and URL.
    pub routes: Routes,
    /// The labels of the edition's language.
    pub labels: &'a crate::labels::Labels,
}

impl<'a> Job<'a> {
    /// The job for one language's book (`None` when the site has no book in `lang`, or the theme
    /// no labels for it) at print size `size`, on the clinic's paper.
    pub fn new(site: &'a Site, theme: &'a Theme, lang: Lang, size: PrintSize) -> Option<Job<'a>> {
        let book = site.books.iter().find(|b| b.lang == lang)?;
        Some(Job {
            site,
            theme,
            book,
            edition: Edition {
                lang,
                paper: site.clinic.paper,
                size,
            },
            routes: Routes::new(&site.clinic.base_url, site.default_book().lang),
            labels: theme.labels(lang)?,
        })
    }

    /// Where a template is rendered from: this job's edition, its labels and `root`.
    pub fn here<'b>(&'b self, root: &'b str) -> context::Here<'b> {
        context::Here {
            edition: self.edition,
            labels: self.labels,
            routes: &self.routes,
            root,
        }
    }
}

/// How often an output runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Once for the whole site.
    Site,
    /// Once per language.
    Language,
}

/// One kind of output the build makes.
pub struct Output {
    /// What it makes, for messages.
    pub name: &'static str,
    /// Once per site or per language.
    pub scope: Scope,
    /// The print size it is made at (pages ignore it).
    pub size: PrintSize,
    /// Makes the files.
    pub render: Render,
    /// How `serve` makes them again after an edit: only those whose inputs changed.
    pub parts: Parts,
}

/// How `serve` makes an output's files one at a time, so an edit renders only what it affects.
#[derive(Clone, Copy)]
pub enum Parts {
    /// Made as a whole, again whenever what it reads has changed.
    Whole(Reads),
    /// One file per page of the language, made by this (the same file `render` makes).
    Pages(fn(&Job<'_>, Page<'_>) -> Option<Result<OutputFile, Diagnostics>>),
    /// One file per variant of the language, made by this (the same file `render` makes).
    Handouts(fn(&Job<'_>, &Procedure, &Variant) -> Result<OutputFile, Diagnostics>),
}

/// What of the handouts a whole output reads; the clinic and the theme it always may.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// Nothing of the handouts (the page-not-found page).
    Nothing,
    /// Which pages and linked files there are, and their review dates (the sitemap).
    Pages,
    /// What a list of handouts shows: titles, summaries, review dates, facts and order.
    Listing,
    /// Anything, the other outputs' files included (the print station's page counts).
    Everything,
}

/// How an output is made.
#[derive(Clone, Copy)]
pub enum Render {
    /// From the model alone.
    Each(fn(&Job<'_>) -> Result<Vec<OutputFile>, Diagnostics>),
    /// After every `Each` output, from the model and the files they made (the print station
    /// lists every PDF with its page count).
    Summary(fn(&Job<'_>, &[OutputFile]) -> Result<Vec<OutputFile>, Diagnostics>),
}

/// Every output of a build, in the order they run.
pub const OUTPUTS: &[Output] = &[
    Output {
        name: "site files",
        scope: Scope::Site,
        size: PrintSize::Regular,
        render: Render::Each(html::site_files),
        parts: Parts::Whole(Reads::Pages),
    },
    Output {
        name: "feed",
        scope: Scope::Site,
        size: PrintSize::Regular,
        render: Render::Each(catalog::feed),
        parts: Parts::Whole(Reads::Listing),
    },
    Output {
        name: "catalog",
        scope: Scope::Site,
        size: PrintSize::Regular,
        render: Render::Each(catalog::json),
        parts: Parts::Whole(Reads::Listing),
    },
    Output {
        name: "page-not-found page",
        scope: Scope::Site,
        size: PrintSize::Regular,
        render: Render::Each(html::not_found),
        parts: Parts::Whole(Reads::Nothing),
    },
    Output {
        name: "web pages",
        scope: Scope::Language,
        size: PrintSize::Regular,
        render: Render::Each(html::pages),
        parts: Parts::Pages(html::page),
    },
    Output {
        name: "PDF handouts",
        scope: Scope::Language,
        size: PrintSize::Regular,
        render: Render::Each(pdfs),
        parts: Parts::Handouts(handout),
    },
    Output {
        name: "large-print PDF handouts",
        scope: Scope::Language,
        size: PrintSize::Large,
        render: Render::Each(pdfs),
        parts: Parts::Handouts(handout),
    },
    Output {
        name: "print station",
        scope: Scope::Site,
        size: PrintSize::Regular,
        render: Render::Summary(station::page),
        parts: Parts::Whole(Reads::Everything),
    },
];

/// Runs every output for every language; all problems of all outputs are reported together.
pub fn render_all(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
    let default = site.default_book();
    let mut files = Vec::new();
    let mut diags = Diagnostics::new();
    // Outputs made from the model first, then those that summarise what the others made.
    for summary in [false, true] {
        for output in OUTPUTS {
            if matches!(output.render, Render::Summary(_)) != summary {
                continue;
            }
            let books: Vec<&Book> = match output.scope {
                Scope::Site => vec![default],
                Scope::Language => site.books.iter().collect(),
            };
            for book in books {
                let Some(job) = Job::new(site, theme, book.lang, output.size) else {
                    // Validation refuses a language without labels; this only guards against a bug.
                    diags.push(Diagnostic::error(format!(
                        "the theme has no labels for the language `{}`.",
                        book.lang
                    )));
                    continue;
                };
                let made = match output.render {
                    Render::Each(render) => render(&job),
                    Render::Summary(render) => render(&job, &files),
                };
                match made {
                    Ok(mut made) => files.append(&mut made),
                    Err(d) => diags.extend(d),
                }
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The PDF handout of one variant in the job's language and print size, beside its page.
pub fn handout(job: &Job<'_>, p: &Procedure, v: &Variant) -> Result<OutputFile, Diagnostics> {
    print::handout(job, p, v, pdf::Fonts::embedded()).map(|r| OutputFile {
        path: job
            .routes
            .pdf_file(job.edition.lang, &p.slug, &v.slug, job.edition.size),
        pages: Some(r.layout.pages.len()),
        bytes: r.bytes,
    })
}

/// The PDF handout of every variant of the job's language, beside its page.
pub fn pdfs(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let jobs: Vec<_> = job.book.variants().collect();
    // Handouts are independent: lay them out on every core.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(threads).max(1);
    let results: Vec<Result<OutputFile, Diagnostics>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(p, v)| handout(job, p, v))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic is a bug, but it must still fail the build rather than drop handouts silently.
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(Diagnostic::error(
                        "an internal error stopped some PDF handouts from being made; nothing was written. Please report it with the content that caused it.",
                    )
                    .into())]
                })
            })
            .collect()
    });
    let mut files = Vec::new();
    let mut diags = Diagnostics::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(files)
}
