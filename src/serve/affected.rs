//! Which outputs an edit affects. The new model is compared with the last good one once, each
//! variant and procedure with its previous value ([`Changes`]); an output is rendered again only
//! when something it reads is among the changes.
//!
//! A variant page reads its variant, its procedure's title and summary, and which languages have
//! the page; a listing (a procedure page, a language's index) reads the title, summary, review and
//! facts of every variant it lists, in order. A whole output (the sitemap, the feed) reads what its
//! entry in `OUTPUTS` says it reads ([`crate::render::Reads`]). A change of `clinic.yaml` or of
//! the theme affects everything, and is decided before this.

use super::target::{PageKey, Target};
use crate::model::{Lang, Procedure, Site, Slug, Variant};
use crate::render::{self, Parts, OUTPUTS};
use crate::theme::Theme;
use std::collections::{HashMap, HashSet};

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

/// What differs between the last good model and the new one (same clinic, same theme), found in
/// one pass over the new model: each variant is compared once, whatever reads it.
pub(crate) struct Changes<'a> {
    /// Variants that are new or differ in anything.
    variants: HashSet<(Lang, &'a Slug, &'a Slug)>,
    /// Procedures that are new or have another title or summary.
    headers: HashSet<(Lang, &'a Slug)>,
    /// Procedures whose variants differ in what a listing shows of them, or in their order.
    cards: HashSet<(Lang, &'a Slug)>,
    /// Languages whose index lists other procedures, or other cards.
    indexes: HashSet<Lang>,
    /// Pages that now exist in other languages than before.
    languages: HashSet<(&'a Slug, Option<&'a Slug>)>,
    /// Whether any page, linked file or review date differs.
    pages: bool,
    reads: Reads,
}

impl<'a> Changes<'a> {
    /// Compares `new` with `old`, for a theme whose templates read `reads`.
    pub(crate) fn between(old: &Site, new: &'a Site, reads: Reads) -> Changes<'a> {
        let mut changes = Changes {
            variants: HashSet::new(),
            headers: HashSet::new(),
            cards: HashSet::new(),
            indexes: HashSet::new(),
            languages: HashSet::new(),
            pages: !same_pages(old, new),
            reads,
        };
        let old_index = Lookup::new(old);
        for book in &new.books {
            let lang = book.lang;
            let old_book = procedures(old, lang).unwrap_or(&[]);
            let mut index = old_book.len() != book.procedures.len();
            for (i, p) in book.procedures.iter().enumerate() {
                let before = old_index.procedure(lang, &p.slug);
                index |= old_book.get(i).map(|o| &o.slug) != Some(&p.slug);
                if !before.is_some_and(|o| same_header(o, p)) {
                    changes.headers.insert((lang, &p.slug));
                    index = true;
                }
                if !before.is_some_and(|o| same_cards(o, p)) {
                    changes.cards.insert((lang, &p.slug));
                    index = true;
                }
                for v in &p.variants {
                    if before.and_then(|o| o.variant(&v.slug)) != Some(v) {
                        changes.variants.insert((lang, &p.slug, &v.slug));
                    }
                }
            }
            if index {
                changes.indexes.insert(lang);
            }
        }
        // A page's alternates and language switcher list the languages that have it.
        if new.books.len() > 1 {
            let new_index = Lookup::new(new);
            for p in new.books.iter().flat_map(|b| &b.procedures) {
                let pages = std::iter::once(None).chain(p.variants.iter().map(|v| Some(&v.slug)));
                for v in pages {
                    if old_index.languages(&p.slug, v) != new_index.languages(&p.slug, v) {
                        changes.languages.insert((&p.slug, v));
                    }
                }
            }
        }
        changes
    }

    /// Whether `target` reads something that changed, so it must be rendered again.
    pub(crate) fn affect(&self, target: &Target) -> bool {
        let reads = self.reads;
        match target {
            Target::Page(_, lang, PageKey::Index) => self.indexes.contains(lang),
            Target::Page(_, lang, PageKey::Procedure(p)) => {
                self.headers.contains(&(*lang, p))
                    || self.cards.contains(&(*lang, p))
                    || self.languages.contains(&(p, None))
            }
            Target::Page(_, lang, PageKey::Variant(p, v)) => {
                self.variants.contains(&(*lang, p, v))
                    || self.headers.contains(&(*lang, p))
                    || (reads.siblings_on_pages && self.cards.contains(&(*lang, p)))
                    || self.languages.contains(&(p, Some(v)))
            }
            Target::Handout(_, lang, p, v) => {
                self.variants.contains(&(*lang, p, v))
                    || (reads.procedure_in_handouts && self.headers.contains(&(*lang, p)))
                    || (reads.siblings_in_handouts && self.cards.contains(&(*lang, p)))
            }
            Target::Whole(output, _) => match OUTPUTS[*output].parts {
                Parts::Whole(render::Reads::Nothing) => false,
                Parts::Whole(render::Reads::Pages) => self.pages,
                // Every listed change (a title, an order) changes some language's index.
                Parts::Whole(render::Reads::Listing) => self.pages || !self.indexes.is_empty(),
                Parts::Whole(render::Reads::Everything) | Parts::Pages(_) | Parts::Handouts(_) => {
                    self.any()
                }
            },
        }
    }

    /// Whether anything at all differs.
    fn any(&self) -> bool {
        self.pages
            || !self.variants.is_empty()
            || !self.headers.is_empty()
            || !self.cards.is_empty()
            || !self.indexes.is_empty()
            || !self.languages.is_empty()
    }
}

/// A site's procedures by language and slug.
struct Lookup<'a> {
    site: &'a Site,
    procedures: HashMap<(Lang, &'a Slug), &'a Procedure>,
}

impl<'a> Lookup<'a> {
    fn new(site: &'a Site) -> Lookup<'a> {
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

    /// The languages that have the page.
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

/// The sitemap lists every page of every language, with review dates; the site's files include
/// the files its handouts link to and the pictures they show (whose names carry their hash).
fn same_pages(a: &Site, b: &Site) -> bool {
    same_each(&a.books, &b.books, |a, b| {
        a.lang == b.lang
            && same_each(&a.procedures, &b.procedures, |p, q| {
                p.slug == q.slug
                    && p.attachments == q.attachments
                    && same_each(&p.variants, &q.variants, |v, w| {
                        v.slug == w.slug
                            && v.revision.reviewed == w.revision.reviewed
                            && v.figures()
                                .map(|f| &f.image.path)
                                .eq(w.figures().map(|f| &f.image.path))
                    })
            })
    })
}

/// Whether `a` and `b` have as many items, each the `same` as the other's.
fn same_each<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
}
