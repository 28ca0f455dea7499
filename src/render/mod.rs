//! Model → output files. Renderers return files as values; only `write` touches the disk.
//!
//! Every output the build makes is one entry of an [`Outputs`] registry, the way mdBook registers
//! its renderers: the site's shared files, each language's pages, and each print size's PDFs. The
//! tool's own are [`Outputs::default`]; a new output (a large-print PDF, a catalog) is one more
//! entry, there or registered by a caller ([`crate::Project::with_output`]). [`render_into`] runs
//! them all for every language and collects every problem.

pub mod catalog;
pub mod context;
pub mod html;
pub mod inline;
pub mod print;
pub mod station;
pub mod targets;
mod units;

/// The print engine (the `handouts-print` crate), at the path the integration tests name it by.
pub use handouts_print as pdf;

use crate::cache::{self, Digest};
use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::{Edition, Lang, PrintSize};
use crate::model::{Book, Procedure, Site, Slug, Variant};
use crate::routes::{Page, Routes};
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use targets::{PageKey, Target};

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
#[derive(Clone, Copy)]
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
    /// One file per variant of the language (a printed handout, or any other file of its own).
    Handouts {
        /// Makes one variant's file (the same file `render` makes).
        make: MakeVariant,
        /// Where that file goes, known before it is made: `serve` lists every file first, and
        /// the build cache keeps it with its folder's own files ([`procedure_files`]).
        path: VariantPath,
    },
}

/// Makes the file of one variant of the job's language.
pub type MakeVariant = fn(&Job<'_>, &Procedure, &Variant) -> Result<OutputFile, Diagnostics>;

/// The path of a variant's file in a language, at a print size (the output's), from the site's
/// routes: [`Routes::pdf_file`] for a printed handout.
pub type VariantPath = fn(&Routes, Lang, &Slug, &Slug, PrintSize) -> String;

/// What of the handouts a whole output reads; the clinic and the theme it always may.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// Nothing of the handouts (the page-not-found page).
    Nothing,
    /// Which pages and linked files there are, and their review dates (the sitemap).
    Pages,
    /// What a list of handouts shows: titles, summaries, review dates, facts and order.
    Listing,
    /// What a list shows and the other outputs' files: their paths and page counts (the print
    /// station). A build keys it by both (`render_into`), so it reads nothing else.
    Everything,
}

/// How an output is made.
#[derive(Clone, Copy)]
pub enum Render {
    /// From the model alone.
    Each(fn(&Job<'_>) -> Result<Vec<OutputFile>, Diagnostics>),
    /// From the model alone, one file per variant in parallel, each handed to the build's
    /// [`Emit`] as soon as it is made; returns what it made without the bytes.
    Stream(fn(&Job<'_>, &Emit<'_>) -> Result<Vec<OutputFile>, Diagnostics>),
    /// One file per variant, each made by this alone, in parallel and handed to the build's
    /// [`Emit`] as soon as it is made ([`Output::per_variant`]).
    Variants(MakeVariant),
    /// After every `Each` output, from the model and the files they made (the print station
    /// lists every PDF with its page count); the files' bytes are left out.
    Summary(fn(&Job<'_>, &[OutputFile]) -> Result<Vec<OutputFile>, Diagnostics>),
}

/// Where a build puts each finished file as soon as it is made, so no build holds them all.
pub trait Sink: Sync {
    /// Takes one finished file; `key` is what a PDF was made from, for the build cache.
    fn put(&self, file: OutputFile, key: Option<Digest>) -> Result<(), Diagnostics>;
    /// Puts the file made from `key` at `path` again without making it: its page count, or `None`
    /// when it has to be made.
    fn reuse(&self, _key: &Digest, _path: &str) -> Option<usize> {
        None
    }
    /// The work of `done` of the build's `total` handouts (variants in a language, each with its
    /// page and PDFs) is finished.
    fn progress(&self, _done: usize, _total: usize) {}
    /// Puts the files of the listing output made from `key` (see [`Reused::site_key`]) in place
    /// again without making them: their records, or `None` when they have to be made.
    fn reuse_listing(&self, _key: &Digest) -> Option<Vec<OutputFile>> {
        None
    }
    /// Remembers that the files at `paths` were made from `key`, for the next build.
    fn made_listing(&self, _key: Digest, _paths: Vec<String>) {}
}

/// Collects the files in memory, for callers that want them as values.
struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile, _key: Option<Digest>) -> Result<(), Diagnostics> {
        self.0
            .lock()
            .map_err(|_| {
                Diagnostics::from(Diagnostic::error("an internal error stopped the build."))
            })?
            .push(file);
        Ok(())
    }
}

/// The files of procedure folders a build found unchanged and put in place from its cache
/// (their pages, handouts and pictures): rendering leaves these procedures' own files out, and
/// only lists them.
#[derive(Debug, Default)]
pub struct Reused {
    /// The procedures, by folder name.
    pub procedures: HashSet<Slug>,
    /// Their files, without bytes (a PDF with its page count, for the print station).
    pub files: Vec<OutputFile>,
    /// With a build cache, the hash of the site-wide inputs (the tool, `clinic.yaml`, the theme,
    /// the overrides): with the cards of every handout, it keys each output that lists them, which
    /// the sink may then put in place instead of it being made.
    pub site_key: Option<Digest>,
}

impl Reused {
    fn has(&self, procedure: &Slug) -> bool {
        self.procedures.contains(procedure)
    }
}

/// A build's sink with its progress count: what streaming outputs hand their files to.
pub struct Emit<'s> {
    sink: &'s dyn Sink,
    done: AtomicUsize,
    /// Per-variant files to make.
    total: usize,
    /// Handouts (variants in every language) they make.
    handouts: usize,
    /// Procedures whose files are already in place.
    reused: &'s Reused,
    /// With a build cache, the keys of what each list of handouts reads ([`targets::Keys`]).
    keys: Option<targets::Keys<'s>>,
    /// The place in the registry of the output that makes the web pages, whose index is a list of
    /// handouts.
    pages_output: usize,
}

impl Emit<'_> {
    /// Hands `file` to the sink (with its cache key) and returns it without its bytes.
    pub fn put(&self, file: OutputFile, key: Option<Digest>) -> Result<OutputFile, Diagnostics> {
        let record = OutputFile {
            path: file.path.clone(),
            bytes: Vec::new(),
            pages: file.pages,
        };
        self.sink.put(file, key)?;
        self.tick();
        Ok(record)
    }

    /// The file made from `key`, put at `path` from the cache, without its bytes; `None` when
    /// it has to be made.
    pub fn reuse(&self, key: &Digest, path: &str) -> Option<OutputFile> {
        let pages = self.sink.reuse(key, path)?;
        self.tick();
        Some(OutputFile {
            path: path.to_string(),
            bytes: Vec::new(),
            pages: Some(pages),
        })
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let handouts = done * self.handouts / self.total.max(1);
        self.sink.progress(handouts, self.handouts);
    }
}

impl Output {
    /// An output of one file per variant in every language: `make` makes it and `path` says where
    /// it goes. The build makes it for the folders it does not take from its cache, and keeps it
    /// with their files; `serve` makes it again when the variant's page would be.
    pub const fn per_variant(name: &'static str, make: MakeVariant, path: VariantPath) -> Output {
        Output {
            name,
            scope: Scope::Language,
            size: PrintSize::Regular,
            render: Render::Variants(make),
            parts: Parts::Handouts { make, path },
        }
    }

    /// An output made once for the whole site from the model by `render`, that reads `reads` of
    /// the handouts: with [`Reads::Listing`] a rebuild puts it back from the build cache while no
    /// list of handouts changed, and `serve` makes it again only when one did.
    pub const fn site_wide(
        name: &'static str,
        render: fn(&Job<'_>) -> Result<Vec<OutputFile>, Diagnostics>,
        reads: Reads,
    ) -> Output {
        Output {
            name,
            scope: Scope::Site,
            size: PrintSize::Regular,
            render: Render::Each(render),
            parts: Parts::Whole(reads),
        }
    }
}

/// The outputs a build makes, in the order they run: the tool's own ([`Outputs::default`]) and
/// any a caller adds ([`Outputs::push`]). A [`Target`] names its output by its place in here, so
/// `build` and `serve` must be given the same registry.
#[derive(Clone)]
pub struct Outputs(Vec<Output>);

impl Default for Outputs {
    fn default() -> Outputs {
        Outputs(OUTPUTS.to_vec())
    }
}

impl Outputs {
    /// Adds `output` after the others: the places of the others, and so their targets, stay.
    pub fn push(&mut self, output: Output) {
        self.0.push(output);
    }

    /// Every output's name, one a line: what the build cache keys a folder's files by, since the
    /// outputs decide which files are its own.
    pub fn names(&self) -> String {
        self.0.iter().map(|o| format!("{}\n", o.name)).collect()
    }
}

impl std::ops::Deref for Outputs {
    type Target = [Output];
    fn deref(&self) -> &[Output] {
        &self.0
    }
}

/// The tool's own outputs, in the order they run: [`Outputs::default`].
const OUTPUTS: &[Output] = &[
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
        render: Render::Stream(pages),
        parts: Parts::Pages(html::page),
    },
    Output {
        name: "PDF handouts",
        scope: Scope::Language,
        size: PrintSize::Regular,
        render: Render::Stream(pdfs),
        parts: Parts::Handouts {
            make: handout,
            path: Routes::pdf_file,
        },
    },
    Output {
        name: "large-print PDF handouts",
        scope: Scope::Language,
        size: PrintSize::Large,
        render: Render::Stream(pdfs),
        parts: Parts::Handouts {
            make: handout,
            path: Routes::pdf_file,
        },
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
/// The files are returned in memory, sorted by path.
pub fn render_all(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
    let collect = Collect(Mutex::new(Vec::new()));
    let outputs = Outputs::default();
    render_into(site, theme, &outputs, &collect, &Reused::default())?;
    let mut files = collect.0.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Runs every output of `outputs` for every language, handing each file to `sink` as soon as it
/// is made; all problems of all outputs are reported together. The procedures of `reused` are listed but their
/// own files not made (they are in place). Returns how many files there are, `reused`'s included.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    outputs: &Outputs,
    sink: &dyn Sink,
    reused: &Reused,
) -> Result<usize, Diagnostics> {
    let default = site.default_book();
    let per_variant: usize = outputs
        .iter()
        .filter(|o| matches!(o.render, Render::Stream(_) | Render::Variants(_)))
        .count();
    let all = site.books.iter().flat_map(|b| b.variants());
    let (variants, done) = all.fold((0, 0), |(n, done), (p, _)| {
        (n + 1, done + usize::from(reused.has(&p.slug)))
    });
    let emit = Emit {
        sink,
        done: AtomicUsize::new(done * per_variant),
        total: per_variant * variants,
        handouts: variants,
        reused,
        pages_output: outputs
            .iter()
            .position(|o| matches!(o.parts, Parts::Pages(_)))
            .unwrap_or_default(),
        keys: reused
            .site_key
            .map(|key| targets::Keys::new(site, &key, targets::TemplateReads::of(theme), outputs)),
    };
    let keys = emit.keys.as_ref();
    let books_of = |output: &Output| -> Vec<&Book> {
        match output.scope {
            Scope::Site => vec![default],
            Scope::Language => site.books.iter().collect(),
        }
    };
    // One output for one book: the files it made (without their bytes) and its problems.
    let run = |i: usize, output: &Output, book: &Book, made: &[OutputFile]| {
        let mut diags = Diagnostics::new();
        let Some(job) = Job::new(site, theme, book.lang, output.size) else {
            // Validation refuses a language without labels; this only guards against a bug.
            diags.push(Diagnostic::error(format!(
                "the theme has no labels for the language `{}`.",
                book.lang
            )));
            return (Vec::new(), diags);
        };
        // A list of handouts made from the same inputs as last time is put in place again.
        // The site files (the sitemap, the linked files) are always made: they hold the linked
        // files' bytes, which no key reads.
        let whole = Target::Whole(i, book.lang);
        let key = keys.and_then(|keys| match output.parts {
            Parts::Whole(Reads::Nothing | Reads::Listing) => Some(keys.key(&whole, None)),
            // What a summary reads of the other outputs: their files' paths and page counts.
            Parts::Whole(Reads::Everything) => Some(keys.key(&whole, Some(&files_digest(made)))),
            _ => None,
        });
        if let Some(records) = key.as_ref().and_then(|k| sink.reuse_listing(k)) {
            return (records, diags);
        }
        let result = match output.render {
            Render::Each(render) => render(&job),
            Render::Summary(render) => render(&job, made),
            Render::Stream(render) => {
                return match render(&job, &emit) {
                    Ok(records) => (records, diags),
                    Err(d) => (Vec::new(), d),
                };
            }
            Render::Variants(make) => {
                return match each_variant(&job, &emit, make) {
                    Ok(records) => (records, diags),
                    Err(d) => (Vec::new(), d),
                };
            }
        };
        let mut records = Vec::new();
        match result {
            Ok(files) => {
                for file in files {
                    let record = OutputFile {
                        path: file.path.clone(),
                        bytes: Vec::new(),
                        pages: file.pages,
                    };
                    match sink.put(file, None) {
                        Ok(()) => records.push(record),
                        Err(d) => diags.extend(d),
                    }
                }
            }
            Err(d) => diags.extend(d),
        }
        if let (Some(key), false) = (key, diags.has_errors()) {
            sink.made_listing(key, records.iter().map(|r| r.path.clone()).collect());
        }
        (records, diags)
    };
    // Outputs made from the model first, side by side (a rebuild that makes few handouts spends
    // its time on the lists of them: the index, the catalog, the feed); then those that summarise
    // what the others made. Results are taken in the registry's order, so messages keep it.
    let tasks: Vec<(usize, &Output, &Book)> = outputs
        .iter()
        .enumerate()
        .filter(|(_, o)| !matches!(o.render, Render::Summary(_)))
        .flat_map(|(i, o)| books_of(o).into_iter().map(move |b| (i, o, b)))
        .collect();
    let results: Vec<_> = tasks
        .par_iter()
        .map(|&(i, output, book)| run(i, output, book, &[]))
        .collect();
    let mut made: Vec<OutputFile> = reused.files.clone();
    let mut diags = Diagnostics::new();
    for (mut records, found) in results {
        made.append(&mut records);
        diags.extend(found);
    }
    for (i, output) in outputs.iter().enumerate() {
        if matches!(output.render, Render::Summary(_)) {
            for book in books_of(output) {
                let (mut records, found) = run(i, output, book, &made);
                made.append(&mut records);
                diags.extend(found);
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(made.len())
}

/// The PDF handout of one variant in the job's language and print size, beside its page.
pub fn handout(job: &Job<'_>, p: &Procedure, v: &Variant) -> Result<OutputFile, Diagnostics> {
    print::handout(job, p, v, handouts_print::Fonts::embedded()).map(|r| OutputFile {
        path: job
            .routes
            .pdf_file(job.edition.lang, &p.slug, &v.slug, job.edition.size),
        pages: Some(r.layout.pages.len()),
        bytes: r.bytes,
    })
}

/// Runs `make` for every item on the build's threads, keeping the items' order; every problem is
/// reported, and a panic fails the build rather than dropping files silently.
fn each<T: Sync>(
    items: &[T],
    make: impl Fn(&T) -> Result<OutputFile, Diagnostics> + Sync,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let results: Vec<Result<OutputFile, Diagnostics>> = items
        .par_iter()
        .map(|item| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| make(item))).unwrap_or_else(
                |_| {
                    Err(Diagnostic::error(
                        "an internal error stopped some handouts from being made; nothing was written. Please report it with the content that caused it.",
                    )
                    .into())
                },
            )
        })
        .collect();
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

/// The web pages of the job's language: its index and procedure pages, then every variant's page
/// in parallel, each handed to `emit` as soon as it is made (each the file [`html::page`] makes,
/// which `serve` calls one at a time).
pub fn pages(job: &Job<'_>, emit: &Emit<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut made = Vec::new();
    let mut diags = Diagnostics::new();
    let mut listings = vec![Page::Index];
    let made_here = job
        .book
        .procedures
        .iter()
        .filter(|p| !emit.reused.has(&p.slug));
    listings.extend(made_here.map(|p| Page::Procedure(&p.slug)));
    for page in listings {
        // The index lists every handout: made from the same cards as last time, it is put back.
        let key = match (page, &emit.keys) {
            (Page::Index, Some(keys)) => {
                let target = Target::Page(emit.pages_output, job.edition.lang, PageKey::Index);
                Some(keys.key(&target, None))
            }
            _ => None,
        };
        if let Some(records) = key.as_ref().and_then(|k| emit.sink.reuse_listing(k)) {
            made.extend(records);
            continue;
        }
        let Some(result) = html::page(job, page) else {
            continue;
        };
        if let Some(key) = key {
            let path = job.routes.file(job.edition.lang, page);
            emit.sink.made_listing(key, vec![path]);
        }
        let put = result.and_then(|file| {
            let path = file.path.clone();
            emit.sink.put(file, None)?;
            made.push(OutputFile {
                path,
                bytes: Vec::new(),
                pages: None,
            });
            Ok(())
        });
        if let Err(d) = put {
            diags.extend(d);
        }
    }
    let variants = to_make(job, emit);
    match each(&variants, |(p, v)| {
        let file = html::page(job, Page::Variant(&p.slug, &v.slug)).ok_or_else(|| {
            Diagnostics::from(Diagnostic::error("an internal error lost a page."))
        })??;
        emit.put(file, None)
    }) {
        Ok(mut files) => made.append(&mut files),
        Err(d) => diags.extend(d),
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(made)
}

/// The PDF handout of every variant of the job's language, beside its page, made in parallel and
/// handed to `emit` as each is finished. A PDF whose print XML, style, words kept whole and tool
/// are those of one in the build cache is taken from it instead of being laid out and painted again.
pub fn pdfs(job: &Job<'_>, emit: &Emit<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let fonts = handouts_print::Fonts::embedded();
    let style = format!("{:?}", job.theme.style(job.edition.size));
    let keep = format!("{:?}", print::keep_whole(job));
    let variants = to_make(job, emit);
    each(&variants, |(p, v)| {
        let path = job
            .routes
            .pdf_file(job.edition.lang, &p.slug, &v.slug, job.edition.size);
        let xml = print::xml(job, p, v)?;
        let key = cache::key(&[b"pdf", style.as_bytes(), keep.as_bytes(), xml.as_bytes()]);
        if let Some(record) = emit.reuse(&key, &path) {
            return Ok(record);
        }
        let rendered = print::from_xml(job, &xml, v, fonts)?;
        emit.put(
            OutputFile {
                path,
                pages: Some(rendered.layout.pages.len()),
                bytes: rendered.bytes,
            },
            Some(key),
        )
    })
}

/// The file `make` makes of every variant of the job's language, made in parallel and handed to
/// `emit` as each is finished.
fn each_variant(
    job: &Job<'_>,
    emit: &Emit<'_>,
    make: MakeVariant,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let variants = to_make(job, emit);
    each(&variants, |(p, v)| emit.put(make(job, p, v)?, None))
}

/// The variants of the job's book whose files are not already in place.
fn to_make<'a>(job: &Job<'a>, emit: &Emit<'_>) -> Vec<(&'a Procedure, &'a Variant)> {
    let book: &'a Book = job.book;
    book.variants()
        .filter(|(p, _)| !emit.reused.has(&p.slug))
        .collect()
}

/// Every file that belongs to the procedure `slug` alone, in every language: its page, its
/// variants' pages and handouts (each print size `outputs` makes, and every other file it makes per
/// variant) and the pictures they show. A procedure's files read only its own folder and the
/// site-wide inputs (the clinic, the theme), so a build may take them from its cache when those
/// did not change.
pub fn procedure_files(site: &Site, outputs: &Outputs, slug: &Slug) -> Vec<String> {
    let targets = targets::of_procedure(site, outputs, slug);
    let mut files: Vec<String> = targets.into_iter().filter_map(|(path, _)| path).collect();
    let pictures = site
        .books
        .iter()
        .filter_map(|b| b.procedure(slug))
        .flat_map(|p| &p.variants)
        .flat_map(|v| v.figures());
    files.extend(pictures.map(|f| f.image.path.clone()));
    files.sort();
    files.dedup();
    files
}

/// The hash of the paths and page counts of `files`, in path order.
fn files_digest(files: &[OutputFile]) -> Digest {
    let mut listed: Vec<(&str, Option<usize>)> =
        files.iter().map(|f| (f.path.as_str(), f.pages)).collect();
    listed.sort_unstable();
    let text: String = listed
        .iter()
        .map(|(path, pages)| format!("{path} {pages:?}\n"))
        .collect();
    cache::digest(text.as_bytes())
}
