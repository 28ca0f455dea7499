//! Every file the preview serves, as a [`Target`]: which entry of [`OUTPUTS`] makes it, for which
//! language and which page or handout, and how to make it. The targets are read off `OUTPUTS`
//! itself, so the preview serves exactly what `handouts build` writes, made by the same renderers,
//! and an output added there is served without a change here.

use super::snapshot::{File, Made};
use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::Lang;
use crate::model::{Site, Slug};
use crate::render::{html, Job, OutputFile, Parts, Render, Scope, OUTPUTS};
use crate::routes::{Page, Routes};
use crate::theme::Theme;
use std::sync::Arc;

/// One thing to make: a single file, or every file of a whole output.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Target {
    /// An HTML page of one language, made by `OUTPUTS[output]`.
    Page(usize, Lang, PageKey),
    /// A variant's printed handout in one language, made by `OUTPUTS[output]` (at its print size).
    Handout(usize, Lang, Slug, Slug),
    /// Every file of `OUTPUTS[output]` in one language (the default one for a site-wide output).
    Whole(usize, Lang),
}

/// Which page, with owned slugs (a [`Page`] borrows them from the model).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum PageKey {
    /// The list of every handout.
    Index,
    /// A procedure and its variants.
    Procedure(Slug),
    /// One variant's handout.
    Variant(Slug, Slug),
}

impl PageKey {
    fn of(page: Page<'_>) -> PageKey {
        match page {
            Page::Index => PageKey::Index,
            Page::Procedure(p) => PageKey::Procedure(p.clone()),
            Page::Variant(p, v) => PageKey::Variant(p.clone(), v.clone()),
        }
    }

    /// The route's view of it.
    pub(crate) fn page(&self) -> Page<'_> {
        match self {
            PageKey::Index => Page::Index,
            PageKey::Procedure(p) => Page::Procedure(p),
            PageKey::Variant(p, v) => Page::Variant(p, v),
        }
    }
}

/// A kind of file that comes in numbers: what is rendered at once, or first of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A language's index.
    Index(Lang),
    /// A procedure page.
    Procedure(Lang),
    /// A variant page.
    Variant(Lang),
    /// A printed handout of one output (a print size), about a hundred times slower than a page.
    Pdf(Lang, usize),
}

impl Target {
    /// Its kind, for a page or handout (`None` for a whole output).
    pub(crate) fn kind(&self) -> Option<Kind> {
        match self {
            Target::Page(_, lang, PageKey::Index) => Some(Kind::Index(*lang)),
            Target::Page(_, lang, PageKey::Procedure(_)) => Some(Kind::Procedure(*lang)),
            Target::Page(_, lang, PageKey::Variant(..)) => Some(Kind::Variant(*lang)),
            Target::Handout(output, lang, ..) => Some(Kind::Pdf(*lang, *output)),
            Target::Whole(..) => None,
        }
    }

    /// Whether it summarises the other outputs' files, so it is made after all of them.
    pub(crate) fn is_summary(&self) -> bool {
        matches!(self, Target::Whole(o, _) if matches!(OUTPUTS[*o].render, Render::Summary(_)))
    }
}

/// Every target of `site`, each single file with its path (a whole output's paths are known once
/// it is made), in the order of `OUTPUTS`.
pub(crate) fn all(site: &Site) -> Vec<(Option<String>, Target)> {
    let routes = Routes::new(&site.clinic.base_url, site.default_book().lang);
    let mut out = Vec::new();
    for (i, output) in OUTPUTS.iter().enumerate() {
        let books: Vec<&crate::model::Book> = match output.scope {
            Scope::Site => vec![site.default_book()],
            Scope::Language => site.books.iter().collect(),
        };
        for book in books {
            let lang = book.lang;
            match output.parts {
                Parts::Whole(_) => out.push((None, Target::Whole(i, lang))),
                Parts::Pages(_) => {
                    for page in html::all_pages(book) {
                        out.push((
                            Some(routes.file(lang, page)),
                            Target::Page(i, lang, PageKey::of(page)),
                        ));
                    }
                }
                Parts::Handouts(_) => {
                    for (p, v) in book.variants() {
                        out.push((
                            Some(routes.pdf_file(lang, &p.slug, &v.slug, output.size)),
                            Target::Handout(i, lang, p.slug.clone(), v.slug.clone()),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Makes the files of `target` from `site` and `theme`; a summary is given `others`, every other
/// output's files. A panic (a bug) becomes a problem to show, so one bad handout does not stop
/// the preview.
pub(crate) fn make(target: &Target, site: &Site, theme: &Theme, others: &[OutputFile]) -> Made {
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render(target, site, theme, others)
    }));
    match made {
        Ok(Ok(files)) => Ok(files
            .into_iter()
            .map(|f| File {
                path: f.path,
                bytes: f.bytes.into(),
                pages: f.pages,
            })
            .collect::<Vec<_>>()
            .into()),
        Ok(Err(problems)) => Err(problems),
        Err(_) => Err(Diagnostic::error(
            "an internal error stopped this file from being made. Please report it with the content that caused it.",
        )
        .into()),
    }
}

fn render(
    target: &Target,
    site: &Site,
    theme: &Theme,
    others: &[OutputFile],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let (Target::Page(i, lang, _) | Target::Handout(i, lang, ..) | Target::Whole(i, lang)) = target;
    let output = &OUTPUTS[*i];
    let job = Job::new(site, theme, *lang, output.size).ok_or_else(|| {
        Diagnostics::from(Diagnostic::error(format!(
            "the theme has no labels for the language `{lang}`."
        )))
    })?;
    let gone = || {
        Diagnostics::from(Diagnostic::error(
            "this page is no longer part of the site.",
        ))
    };
    match (target, output.parts, output.render) {
        (Target::Page(_, _, key), Parts::Pages(page), _) => {
            Ok(vec![page(&job, key.page()).ok_or_else(gone)??])
        }
        (Target::Handout(_, _, p, v), Parts::Handouts(handout), _) => {
            let procedure = job.book.procedure(p).ok_or_else(gone)?;
            let variant = procedure.variant(v).ok_or_else(gone)?;
            Ok(vec![handout(&job, procedure, variant)?])
        }
        (Target::Whole(..), _, Render::Each(render)) => render(&job),
        (Target::Whole(..), _, Render::Summary(render)) => render(&job, others),
        // `all` makes pages and handouts only of outputs that make them one at a time.
        _ => Err(gone()),
    }
}

/// Every file of `files` as a renderer's output, for a summary to read.
pub(crate) fn as_outputs<'a>(files: impl Iterator<Item = &'a File>) -> Vec<OutputFile> {
    files
        .map(|f| OutputFile {
            path: f.path.clone(),
            bytes: f.bytes.to_vec(),
            pages: f.pages,
        })
        .collect()
}

/// The bytes of one file of `made`.
pub(crate) fn bytes_of(made: &Made, path: &str) -> Option<Result<Arc<[u8]>, Diagnostics>> {
    match made {
        Ok(files) => files
            .iter()
            .find(|f| f.path == path)
            .map(|f| Ok(Arc::clone(&f.bytes))),
        Err(problems) => Some(Err(problems.clone())),
    }
}
