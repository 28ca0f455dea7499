//! Every file the site has, as a [`Target`]: which entry of the [`Outputs`] registry makes it,
//! for which language and which page or handout, and how to make it alone. Read off the registry
//! itself, so `serve` makes exactly what `build` writes, with the same renderers, and the build
//! knows which files are a procedure's own ([`super::procedure_files`]) from the same list.

use super::{html, Job, OutputFile, Outputs, Parts, Reads, Render, Scope};
use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::Lang;
use crate::model::{Book, Site, Slug};
use crate::routes::{Page, Routes};
use crate::theme::Theme;
use std::collections::HashMap;

/// One thing to make: a single file, or every file of a whole output.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// An HTML page of one language, made by `outputs[output]`.
    Page(usize, Lang, PageKey),
    /// A variant's file in one language, made by `outputs[output]`: its printed handout (at the
    /// output's print size), or another file of its own.
    Handout(usize, Lang, Slug, Slug),
    /// Every file of `outputs[output]` in one language (the default one for a site-wide output).
    Whole(usize, Lang),
}

/// Which page, with owned slugs (a [`Page`] borrows them from the model).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKey {
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
    pub fn page(&self) -> Page<'_> {
        match self {
            PageKey::Index => Page::Index,
            PageKey::Procedure(p) => Page::Procedure(p),
            PageKey::Variant(p, v) => Page::Variant(p, v),
        }
    }
}

impl Target {
    /// Whether it summarises the other outputs' files (of `outputs`, the registry it is of), so
    /// it is made after all of them.
    pub fn is_summary(&self, outputs: &Outputs) -> bool {
        matches!(self, Target::Whole(o, _) if matches!(outputs[*o].render, Render::Summary(_)))
    }
}

/// Every target of `site` for the outputs `outputs`, each single file with its path (a whole
/// output's paths are known once it is made), in the registry's order.
pub fn all(site: &Site, outputs: &Outputs) -> Vec<(Option<String>, Target)> {
    each(site, outputs, None)
}

/// The targets of `outputs` that belong to the procedure `slug` alone, with their paths: its
/// page, its variants' pages and each of their handouts and other files, in every language.
pub fn of_procedure(site: &Site, outputs: &Outputs, slug: &Slug) -> Vec<(Option<String>, Target)> {
    each(site, outputs, Some(slug))
}

fn each(site: &Site, outputs: &Outputs, only: Option<&Slug>) -> Vec<(Option<String>, Target)> {
    let routes = Routes::new(&site.clinic.base_url, site.default_book().lang);
    let mut out = Vec::new();
    for (i, output) in outputs.iter().enumerate() {
        let books: Vec<&Book> = match output.scope {
            Scope::Site => vec![site.default_book()],
            Scope::Language => site.books.iter().collect(),
        };
        for book in books {
            let lang = book.lang;
            let procedures = book
                .procedures
                .iter()
                .filter(|p| only.is_none_or(|slug| p.slug == *slug));
            match output.parts {
                Parts::Whole(_) if only.is_none() => out.push((None, Target::Whole(i, lang))),
                Parts::Whole(_) => {}
                Parts::Pages(_) => {
                    let pages = match only {
                        None => html::all_pages(book),
                        Some(_) => procedures
                            .flat_map(|p| {
                                std::iter::once(Page::Procedure(&p.slug)).chain(
                                    p.variants.iter().map(|v| Page::Variant(&p.slug, &v.slug)),
                                )
                            })
                            .collect(),
                    };
                    for page in pages {
                        out.push((
                            Some(routes.file(lang, page)),
                            Target::Page(i, lang, PageKey::of(page)),
                        ));
                    }
                }
                Parts::Handouts { path, .. } => {
                    for p in procedures {
                        for v in &p.variants {
                            out.push((
                                Some(path(&routes, lang, &p.slug, &v.slug, output.size)),
                                Target::Handout(i, lang, p.slug.clone(), v.slug.clone()),
                            ));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Makes the files of `target`, a target of `outputs`, from `site` and `theme`; a summary is
/// given `others`, every other output's files.
pub fn render(
    target: &Target,
    outputs: &Outputs,
    site: &Site,
    theme: &Theme,
    others: &[OutputFile],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let (Target::Page(i, lang, _) | Target::Handout(i, lang, ..) | Target::Whole(i, lang)) = target;
    let output = outputs.get(*i).ok_or_else(|| {
        Diagnostics::from(Diagnostic::error(
            "an internal error asked for an output the build does not make.",
        ))
    })?;
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
        (Target::Handout(_, _, p, v), Parts::Handouts { make, .. }, _) => {
            let procedure = job.book.procedure(p).ok_or_else(gone)?;
            let variant = procedure.variant(v).ok_or_else(gone)?;
            Ok(vec![make(&job, procedure, variant)?])
        }
        (Target::Whole(..), _, Render::Each(render)) => render(&job),
        (Target::Whole(..), _, Render::Summary(render)) => render(&job, others),
        // `all` makes pages and handouts only of outputs that make them one at a time.
        _ => Err(gone()),
    }
}

/// What the theme's templates read beyond the defaults' needs, found in their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateReads {
    /// A variant page lists the other variants of its procedure (`procedure.variants`).
    pub siblings_on_pages: bool,
    /// The printed handout names its procedure at all (`procedure.`).
    pub procedure_in_handouts: bool,
    /// The printed handout lists the other variants of its procedure.
    pub siblings_in_handouts: bool,
}

impl TemplateReads {
    /// What `theme`'s variant and print templates read. The default theme's variant page shows
    /// its procedure's title only, and its handout nothing of the procedure.
    pub fn of(theme: &Theme) -> TemplateReads {
        let mentions = |names: &[&str], what: &str| {
            names
                .iter()
                .any(|n| theme.template_text(n).is_some_and(|t| t.contains(what)))
        };
        let page = ["base.html", "variant.html", "variant_card.html"];
        let print = [super::print::TEMPLATE];
        TemplateReads {
            siblings_on_pages: mentions(&page, ".variants"),
            procedure_in_handouts: mentions(&print, "procedure."),
            siblings_in_handouts: mentions(&print, ".variants"),
        }
    }
}

/// A hash of what each target reads: a target whose key is what it was makes the same files, so
/// it is not made again. The one definition of what depends on what, read by `serve` for every
/// target and by `build` for the lists of handouts (the other files it takes per folder).
///
/// A variant's page reads its variant ([`crate::model::Variant::digest`]), its procedure's
/// [`crate::model::Header`], which languages have the page, and, where the theme shows them, its
/// siblings' [`crate::model::Card`]s; its handout the same but the languages. A list (a procedure
/// page, an index) reads headers and cards; a whole output what its entry in the registry says.
/// Everything also reads `base`: the site-wide inputs and the clinic as checked.
pub struct Keys<'a> {
    base: Digest,
    /// The outputs the targets are of: what a whole output reads is its entry's.
    outputs: &'a Outputs,
    reads: TemplateReads,
    /// Per language, per procedure: its header and its cards, hashed.
    cards: HashMap<(Lang, &'a Slug), Digest>,
    /// Per language, per procedure: its header, as text.
    headers: HashMap<(Lang, &'a Slug), String>,
    /// Per language, procedure and variant: its digest.
    variants: HashMap<(Lang, &'a Slug, &'a Slug), Digest>,
    /// Per language: every procedure's cards in order, hashed.
    listings: HashMap<Lang, Digest>,
    /// Per language but the default: the default language's cards it has no translation of, which
    /// its index lists too, hashed.
    untranslated: HashMap<Lang, Digest>,
    /// Per page (procedure, variant): the languages that have it.
    languages: HashMap<(&'a Slug, Option<&'a Slug>), Vec<Lang>>,
    /// Which pages and linked files there are, with their review dates and pictures.
    pages: Digest,
}

/// A key: SHA-256.
pub type Digest = [u8; 32];

/// Hashes `parts`, each length-prefixed so no two lists of parts collide.
fn hash<'p>(parts: impl IntoIterator<Item = &'p [u8]>) -> Digest {
    use sha2::Digest as _;
    let mut hash = sha2::Sha256::new();
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().into()
}

impl<'a> Keys<'a> {
    /// The keys of `site`'s targets of `outputs`, for the site-wide inputs `site_key` and a theme
    /// whose templates read `reads`.
    pub fn new(
        site: &'a Site,
        site_key: &Digest,
        reads: TemplateReads,
        outputs: &'a Outputs,
    ) -> Keys<'a> {
        let clinic = format!("{:?}", site.clinic);
        let base = hash([site_key.as_slice(), clinic.as_bytes()]);
        let mut cards = HashMap::new();
        let mut headers = HashMap::new();
        let mut variants = HashMap::new();
        let mut listings = HashMap::new();
        let mut languages: HashMap<(&Slug, Option<&Slug>), Vec<Lang>> = HashMap::new();
        let mut pages: Vec<String> = Vec::new();
        for book in &site.books {
            let lang = book.lang;
            let mut listing: Vec<Digest> = Vec::new();
            pages.push(format!("book {lang}"));
            for p in &book.procedures {
                let header = format!("{:?}", p.header());
                let mut text = header.clone();
                for v in &p.variants {
                    text.push_str(&format!("{:?}", v.card()));
                    variants.insert((lang, &p.slug, &v.slug), v.digest);
                }
                headers.insert((lang, &p.slug), header);
                let digest = hash([text.as_bytes()]);
                cards.insert((lang, &p.slug), digest);
                listing.push(digest);
                languages.entry((&p.slug, None)).or_default().push(lang);
                pages.push(format!("procedure {} {:?}", p.slug, p.attachments));
                for v in &p.variants {
                    languages
                        .entry((&p.slug, Some(&v.slug)))
                        .or_default()
                        .push(lang);
                    let figures: Vec<&str> = v.figures().map(|f| f.image.path.as_str()).collect();
                    pages.push(format!(
                        "variant {} {} {figures:?}",
                        v.slug,
                        v.revision.reviewed.iso()
                    ));
                }
            }
            listings.insert(lang, hash(listing.iter().map(|d| d.as_slice())));
        }
        let pages = hash(pages.iter().map(|p| p.as_bytes()));
        let default = site.default_book();
        let untranslated = site
            .books
            .iter()
            .filter(|b| b.lang != default.lang)
            .map(|book| {
                let mut text = String::new();
                for p in &default.procedures {
                    let theirs = book.procedure(&p.slug);
                    if theirs.is_none() {
                        text.push_str(&format!("{:?}", p.header()));
                    }
                    for v in &p.variants {
                        if theirs.and_then(|t| t.variant(&v.slug)).is_none() {
                            text.push_str(&format!("{:?}", v.card()));
                        }
                    }
                }
                (book.lang, hash([text.as_bytes()]))
            })
            .collect();
        Keys {
            base,
            outputs,
            reads,
            cards,
            headers,
            variants,
            listings,
            languages,
            pages,
            untranslated,
        }
    }

    /// The hash of the site-wide inputs and the clinic as checked, which every key holds: when it
    /// changed, everything is made again.
    pub fn base(&self) -> &Digest {
        &self.base
    }

    /// The procedure `p`'s header in `lang`, as text (empty for one the site does not have).
    fn header<'s>(&'s self, lang: Lang, p: &'s Slug) -> &'s str {
        self.headers.get(&(lang, p)).map_or("", String::as_str)
    }

    /// The key of `target`; for a summary, `made` is the hash of what it lists of the other
    /// outputs' files (a build knows their paths and page counts; `serve`, which makes many only
    /// when asked, gives the hash of every other target's key instead).
    pub fn key(&self, target: &Target, made: Option<&Digest>) -> Digest {
        let none: &[u8] = &[];
        let cards = |lang: Lang, p: &Slug| self.cards.get(&(lang, p)).copied().unwrap_or_default();
        let langs = |p: &Slug, v: Option<&Slug>| {
            let langs = self.languages.get(&(p, v)).map_or(&[][..], Vec::as_slice);
            langs
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let variant = |lang: Lang, p: &Slug, v: &Slug| {
            self.variants
                .get(&(lang, p, v))
                .copied()
                .unwrap_or_default()
        };
        match target {
            Target::Page(i, lang, PageKey::Index) => hash([
                b"index".as_slice(),
                &self.base,
                &i.to_le_bytes(),
                lang.as_str().as_bytes(),
                &self.listings.get(lang).copied().unwrap_or_default(),
                &self.untranslated.get(lang).copied().unwrap_or_default(),
            ]),
            Target::Page(i, lang, PageKey::Procedure(p)) => hash([
                b"procedure".as_slice(),
                &self.base,
                &i.to_le_bytes(),
                lang.as_str().as_bytes(),
                &cards(*lang, p),
                langs(p, None).as_bytes(),
            ]),
            Target::Page(i, lang, PageKey::Variant(p, v)) => {
                let siblings = if self.reads.siblings_on_pages {
                    cards(*lang, p)
                } else {
                    Digest::default()
                };
                hash([
                    b"variant".as_slice(),
                    &self.base,
                    &i.to_le_bytes(),
                    lang.as_str().as_bytes(),
                    &variant(*lang, p, v),
                    self.header(*lang, p).as_bytes(),
                    &siblings,
                    langs(p, Some(v)).as_bytes(),
                ])
            }
            Target::Handout(i, lang, p, v) => {
                // A file made by a plain fn ([`super::Output::per_variant`]) may read anything of
                // its procedure, as a build that makes its folder's files again would give it;
                // a printed handout reads what its template names.
                let any = self
                    .outputs
                    .get(*i)
                    .is_some_and(|o| matches!(o.render, Render::Variants(_)));
                let procedure = if any || self.reads.procedure_in_handouts {
                    self.header(*lang, p)
                } else {
                    ""
                };
                let siblings = if any || self.reads.siblings_in_handouts {
                    cards(*lang, p)
                } else {
                    Digest::default()
                };
                let (langs, i) = (langs(p, Some(v)), i.to_le_bytes());
                let variant = variant(*lang, p, v);
                let mut parts = vec![
                    b"handout".as_slice(),
                    &self.base,
                    &i,
                    lang.as_str().as_bytes(),
                    &variant,
                    procedure.as_bytes(),
                    &siblings,
                ];
                if any {
                    parts.push(langs.as_bytes());
                }
                hash(parts)
            }
            Target::Whole(i, lang) => {
                let all: Vec<&[u8]> = self.listings.values().map(|d| d.as_slice()).collect();
                let mut all = all;
                all.sort_unstable();
                let listed = hash(all);
                let parts = self.outputs.get(*i).map(|o| o.parts);
                let reads: [&[u8]; 2] = match parts {
                    Some(Parts::Whole(Reads::Nothing)) => [none, none],
                    Some(Parts::Whole(Reads::Pages)) => [&self.pages, none],
                    Some(Parts::Whole(Reads::Listing)) => [&self.pages, &listed],
                    _ => [&self.pages, made.map_or(none, |m| m.as_slice())],
                };
                let listing = match parts {
                    Some(Parts::Whole(Reads::Everything)) => listed.to_vec(),
                    _ => Vec::new(),
                };
                hash([
                    b"whole".as_slice(),
                    &self.base,
                    &i.to_le_bytes(),
                    lang.as_str().as_bytes(),
                    reads[0],
                    reads[1],
                    &listing,
                ])
            }
        }
    }
}
