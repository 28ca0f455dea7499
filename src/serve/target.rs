//! Every file the preview serves, as a [`Target`]: what it is made from, where it is published,
//! and how to make it. The same files as `handouts build` writes, made by the same renderers.

use super::snapshot::Made;
use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::{Lang, PrintSize};
use crate::model::{Site, Slug};
use crate::render::{self, html, print, Job, Scope};
use crate::routes::Page;
use crate::theme::Theme;
use std::path::PathBuf;

/// One output of the site.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Target {
    /// An HTML page of one language.
    Page(Lang, PageKey),
    /// A variant's printed handout in one language and print size.
    Pdf(Lang, Slug, Slug, PrintSize),
    /// The sitemap of every language.
    Sitemap,
    /// A theme file published as it is (`style.css`), by its name in the theme.
    Asset(String),
    /// A content file a handout links to, read from the content folder when it is asked for.
    Attachment(PathBuf),
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
    /// The route's view of it.
    pub(crate) fn page(&self) -> Page<'_> {
        match self {
            PageKey::Index => Page::Index,
            PageKey::Procedure(p) => Page::Procedure(p),
            PageKey::Variant(p, v) => Page::Variant(p, v),
        }
    }
}

/// A kind of output that comes in numbers: what is rendered at once, or first of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A language's index.
    Index(Lang),
    /// A procedure page.
    Procedure(Lang),
    /// A variant page.
    Variant(Lang),
    /// A printed handout, about a hundred times slower to make than a page.
    Pdf(Lang, PrintSize),
}

impl Target {
    /// Whether it is a printed handout.
    pub(crate) fn is_pdf(&self) -> bool {
        matches!(self, Target::Pdf(..))
    }

    /// Its kind, for a page or PDF (`None` for the sitemap and files published as they are).
    pub(crate) fn kind(&self) -> Option<Kind> {
        match self {
            Target::Page(lang, PageKey::Index) => Some(Kind::Index(*lang)),
            Target::Page(lang, PageKey::Procedure(_)) => Some(Kind::Procedure(*lang)),
            Target::Page(lang, PageKey::Variant(..)) => Some(Kind::Variant(*lang)),
            Target::Pdf(lang, _, _, size) => Some(Kind::Pdf(*lang, *size)),
            Target::Sitemap | Target::Asset(_) | Target::Attachment(_) => None,
        }
    }
}

/// The print sizes the build makes PDFs at: the sizes of its per-language outputs (pages are made
/// at the regular size, so a large-print entry in `OUTPUTS` adds large-print PDFs here too).
pub(crate) fn pdf_sizes() -> Vec<PrintSize> {
    let mut sizes: Vec<PrintSize> = render::OUTPUTS
        .iter()
        .filter(|o| o.scope == Scope::Language)
        .map(|o| o.size)
        .collect();
    sizes.sort();
    sizes.dedup();
    sizes
}

/// Every output of `site` with its path, in the order `handouts build` lists them.
pub(crate) fn all(site: &Site, theme: &Theme) -> Vec<(String, Target)> {
    let routes = crate::routes::Routes::new(&site.clinic.base_url, site.default_book().lang);
    let sizes = pdf_sizes();
    let mut out = vec![(routes.sitemap().to_string(), Target::Sitemap)];
    for asset in &theme.assets {
        out.push((asset.path.clone(), Target::Asset(asset.name.clone())));
    }
    for a in site
        .default_book()
        .procedures
        .iter()
        .flat_map(|p| &p.attachments)
    {
        out.push((a.path.clone(), Target::Attachment(a.source.clone())));
    }
    for book in &site.books {
        let lang = book.lang;
        out.push((
            routes.file(lang, Page::Index),
            Target::Page(lang, PageKey::Index),
        ));
        for p in &book.procedures {
            out.push((
                routes.file(lang, Page::Procedure(&p.slug)),
                Target::Page(lang, PageKey::Procedure(p.slug.clone())),
            ));
            for v in &p.variants {
                out.push((
                    routes.file(lang, Page::Variant(&p.slug, &v.slug)),
                    Target::Page(lang, PageKey::Variant(p.slug.clone(), v.slug.clone())),
                ));
                for &size in &sizes {
                    out.push((
                        routes.pdf_file(lang, &p.slug, &v.slug, size),
                        Target::Pdf(lang, p.slug.clone(), v.slug.clone(), size),
                    ));
                }
            }
        }
    }
    out
}

/// Makes the bytes of `target` from `site` and `theme`. A panic (a bug) becomes a problem to
/// show, so one bad handout does not stop the preview.
pub(crate) fn make(target: &Target, site: &Site, theme: &Theme) -> Made {
    let made =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(target, site, theme)));
    match made {
        Ok(Ok(bytes)) => Ok(bytes.into()),
        Ok(Err(problems)) => Err(problems),
        Err(_) => Err(Diagnostic::error(
            "an internal error stopped this file from being made. Please report it with the content that caused it.",
        )
        .into()),
    }
}

fn render(target: &Target, site: &Site, theme: &Theme) -> Result<Vec<u8>, Diagnostics> {
    let job = |lang: Lang, size: PrintSize| {
        Job::new(site, theme, lang, size).ok_or_else(|| {
            Diagnostics::from(Diagnostic::error(format!(
                "the theme has no labels for the language `{lang}`."
            )))
        })
    };
    let gone = || {
        Diagnostics::from(Diagnostic::error(
            "this page is no longer part of the site.",
        ))
    };
    match target {
        Target::Page(lang, key) => {
            let job = job(*lang, PrintSize::Regular)?;
            let file = html::page(&job, key.page()).ok_or_else(gone)??;
            Ok(file.bytes)
        }
        Target::Pdf(lang, p, v, size) => {
            let job = job(*lang, *size)?;
            let procedure = job.book.procedure(p).ok_or_else(gone)?;
            let variant = procedure.variant(v).ok_or_else(gone)?;
            let fonts = render::pdf::Fonts::embedded();
            Ok(print::handout(&job, procedure, variant, fonts)?.bytes)
        }
        Target::Sitemap => {
            Ok(html::sitemap_file(&job(site.default_book().lang, PrintSize::Regular)?).bytes)
        }
        Target::Asset(name) => theme
            .assets
            .iter()
            .find(|a| a.name == *name)
            .map(|a| a.bytes.clone())
            .ok_or_else(gone),
        Target::Attachment(source) => std::fs::read(source).map_err(|err| {
            Diagnostic::error(format!(
                "this linked file could not be read: {}.",
                crate::load::io_words(Some(&err))
            ))
            .in_file(source)
            .into()
        }),
    }
}
