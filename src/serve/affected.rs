//! Which outputs an edit affects. Each output is compared by what it reads from the model: it is
//! rendered again only when that part differs between the last good model and the new one.
//!
//! A variant page reads its variant, its procedure's title and summary, and which languages have
//! the page; a listing (a procedure page, a language's index) reads the title, summary, review and
//! facts of every variant it lists, in order; the sitemap reads every page and review date. A
//! change of `clinic.yaml` or of the theme affects everything, and is decided before this.

use super::target::{PageKey, Target};
use crate::model::{Lang, Procedure, Site, Slug, Variant};
use crate::theme::Theme;
use std::collections::HashMap;

/// What the theme's templates read beyond the defaults' needs, found in their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reads {
    /// A variant page lists the other variants of its procedure (`procedure.variants`).
    pub(crate) siblings_on_pages: bool,
    /// The printed handout names its procedure at all (`procedure.`).
    pub(crate) procedure_in_handouts: bool,
    /// The printed handout lists the other variants of its procedure.
    pub(crate) siblings_in_handouts: bool,
}

impl Reads {
    /// What `theme`'s variant and print templates read. The default theme's variant page shows
    /// its procedure's title only, and its handout nothing of the procedure.
    pub(crate) fn of(theme: &Theme) -> Reads {
        let mentions = |names: &[&str], what: &str| {
            names
                .iter()
                .any(|n| theme.template_text(n).is_some_and(|t| t.contains(what)))
        };
        let page = ["base.html", "variant.html", "variant_card.html"];
        let print = [crate::render::print::TEMPLATE];
        Reads {
            siblings_on_pages: mentions(&page, ".variants"),
            procedure_in_handouts: mentions(&print, "procedure."),
            siblings_in_handouts: mentions(&print, ".variants"),
        }
    }
}

/// A site's procedures by language and slug, to find a target's inputs quickly.
pub(crate) struct Lookup<'a> {
    site: &'a Site,
    procedures: HashMap<(Lang, &'a Slug), &'a Procedure>,
}

impl<'a> Lookup<'a> {
    /// Indexes `site`.
    pub(crate) fn new(site: &'a Site) -> Lookup<'a> {
        let procedures = site
            .books
            .iter()
            .flat_map(|b| b.procedures.iter().map(move |p| ((b.lang, &p.slug), p)))
            .collect();
        Lookup { site, procedures }
    }

    fn procedure(&self, lang: Lang, slug: &Slug) -> Option<&'a Procedure> {
        self.procedures.get(&(lang, slug)).copied()
    }

    fn variant(&self, lang: Lang, p: &Slug, v: &Slug) -> Option<(&'a Procedure, &'a Variant)> {
        let procedure = self.procedure(lang, p)?;
        Some((procedure, procedure.variant(v)?))
    }

    /// The languages that have the page (its alternates and language switcher).
    fn languages(&self, p: &Slug, v: Option<&Slug>) -> Vec<Lang> {
        self.site
            .books
            .iter()
            .filter(|b| {
                self.procedure(b.lang, p)
                    .is_some_and(|p| v.is_none_or(|v| p.variant(v).is_some()))
            })
            .map(|b| b.lang)
            .collect()
    }
}

/// Whether `target` reads the same from `old` as from `new`, so its last rendering still holds.
/// Both sites have the same clinic and theme.
pub(crate) fn unchanged(old: &Lookup<'_>, new: &Lookup<'_>, target: &Target, reads: Reads) -> bool {
    match target {
        Target::Page(lang, PageKey::Index) => {
            match (procedures(old.site, *lang), procedures(new.site, *lang)) {
                (Some(a), Some(b)) => same_each(a, b, same_listing),
                _ => false,
            }
        }
        Target::Page(lang, PageKey::Procedure(p)) => {
            match (old.procedure(*lang, p), new.procedure(*lang, p)) {
                (Some(a), Some(b)) => {
                    same_listing(a, b) && old.languages(p, None) == new.languages(p, None)
                }
                _ => false,
            }
        }
        Target::Page(lang, PageKey::Variant(p, v)) => {
            match (old.variant(*lang, p, v), new.variant(*lang, p, v)) {
                (Some((op, ov)), Some((np, nv))) => {
                    ov == nv
                        && same_header(op, np)
                        && (!reads.siblings_on_pages || same_cards(op, np))
                        && old.languages(p, Some(v)) == new.languages(p, Some(v))
                }
                _ => false,
            }
        }
        Target::Pdf(lang, p, v, _) => match (old.variant(*lang, p, v), new.variant(*lang, p, v)) {
            (Some((op, ov)), Some((np, nv))) => {
                ov == nv
                    && (!reads.procedure_in_handouts || same_header(op, np))
                    && (!reads.siblings_in_handouts || same_cards(op, np))
            }
            _ => false,
        },
        Target::Sitemap => same_sitemap(old.site, new.site),
        // Theme files change only with the theme (which affects everything); linked files are
        // read from the content folder each time they are asked for.
        Target::Asset(_) | Target::Attachment(_) => true,
    }
}

/// The procedures of a language, in order.
fn procedures(site: &Site, lang: Lang) -> Option<&[Procedure]> {
    site.books
        .iter()
        .find(|b| b.lang == lang)
        .map(|b| b.procedures.as_slice())
}

/// What a listing shows of a procedure.
fn same_header(a: &Procedure, b: &Procedure) -> bool {
    a.slug == b.slug && a.title == b.title && a.summary == b.summary
}

/// What a listing shows of a variant: everything a template's `variant` has but its sections.
fn same_card(a: &Variant, b: &Variant) -> bool {
    a.slug == b.slug
        && a.procedure == b.procedure
        && a.title == b.title
        && a.summary == b.summary
        && a.revision == b.revision
        && a.facts == b.facts
}

fn same_cards(a: &Procedure, b: &Procedure) -> bool {
    a.variants.len() == b.variants.len()
        && a.variants
            .iter()
            .zip(&b.variants)
            .all(|(a, b)| same_card(a, b))
}

fn same_listing(a: &Procedure, b: &Procedure) -> bool {
    same_header(a, b) && same_cards(a, b)
}

/// The sitemap lists every page of every language, with review dates.
fn same_sitemap(a: &Site, b: &Site) -> bool {
    same_each(&a.books, &b.books, |a, b| {
        a.lang == b.lang
            && same_each(&a.procedures, &b.procedures, |p, q| {
                p.slug == q.slug
                    && same_each(&p.variants, &q.variants, |v, w| {
                        v.slug == w.slug && v.revision.reviewed == w.revision.reviewed
                    })
            })
    })
}

/// Whether `a` and `b` have as many items, each the `same` as the other's.
fn same_each<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
}
