//! The website section: index, procedure and variant pages, the sitemap and the theme's files.

use super::context::{self, Markup, ProcedureCtx, VariantCtx};
use super::{inline, Job, OutputFile};
use crate::diag::Diagnostics;
use crate::model::{Block, Inline, Procedure, Site, Variant};
use crate::routes::{Page, Routes};
use crate::theme::Theme;
use serde::Serialize;

/// HTML markup for template contexts.
pub struct Html<'a> {
    /// How the page links its pictures.
    pub pictures: inline::Pictures<'a>,
    /// The page's labels: callouts' words, a blank's spoken name.
    pub labels: &'a crate::labels::Labels,
}

impl Markup for Html<'_> {
    fn inlines(&self, items: &[Inline]) -> String {
        inline::inlines(items, self.labels.get("blank"))
    }
    fn blocks(&self, items: &[Block]) -> String {
        inline::blocks(
            items,
            inline::BlockStyle {
                // Inside a section (h2), a subheading is an h3.
                subheading: 3,
                pictures: self.pictures,
                labels: self.labels,
            },
        )
    }
    fn item(&self, item: &crate::model::ListItem) -> String {
        inline::item(item, self.labels.get("blank"))
    }
}

/// What every page's `<head>` needs.
#[derive(Serialize)]
struct PageCtx {
    title: String,
    description: String,
    canonical: String,
    /// Asks search engines not to list this page whatever `site.noindex` says.
    noindex: bool,
}

/// The same page in another language, for `<link rel="alternate" hreflang>` and the switcher.
#[derive(Serialize)]
struct AlternateCtx {
    /// `hreflang`: the language's web tag, e.g. `es`.
    hreflang: String,
    /// The language's name in its own words, e.g. `Español`.
    name: String,
    /// Absolute URL of that version.
    url: String,
    /// Link to it from the current page.
    href: String,
    /// Whether it is the current page.
    current: bool,
}

/// The theme's static files, the sitemap and the files handouts link to: one set for the whole site.
pub fn site_files(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let site = job.site;
    let mut files = vec![OutputFile {
        path: job.routes.sitemap().into(),
        bytes: sitemap(site, &job.routes, job.theme).into_bytes(),
        pages: None,
    }];
    for asset in &job.theme.assets {
        files.push(OutputFile {
            path: asset.path.clone(),
            bytes: asset.bytes.clone(),
            pages: None,
        });
    }
    // Files the handouts link to, published at the same place under the site.
    let mut diags = Diagnostics::new();
    for a in site
        .default_book()
        .procedures
        .iter()
        .flat_map(|p| &p.attachments)
    {
        match std::fs::read(&a.source) {
            Ok(bytes) => files.push(OutputFile {
                path: a.path.clone(),
                bytes,
                pages: None,
            }),
            Err(err) => diags.push(
                crate::diag::Diagnostic::error(format!(
                    "this linked file could not be read: {}.",
                    crate::load::io_words(Some(&err))
                ))
                .in_file(&a.source),
            ),
        }
    }
    // Pictures, once each under their content-hashed names, from every language's pages.
    let mut pictures = std::collections::BTreeMap::new();
    for image in site.pictures() {
        pictures
            .entry(image.path.clone())
            .or_insert_with(|| image.picture.bytes.to_vec());
    }
    for (path, bytes) in pictures {
        files.push(OutputFile {
            path,
            bytes,
            pages: None,
        });
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(files)
}

/// Every page of a language's book: its index, then each procedure followed by its variants.
pub fn all_pages(book: &crate::model::Book) -> Vec<Page<'_>> {
    let mut pages = vec![Page::Index];
    for p in &book.procedures {
        pages.push(Page::Procedure(&p.slug));
        pages.extend(p.variants.iter().map(|v| Page::Variant(&p.slug, &v.slug)));
    }
    pages
}

/// One HTML page of the job's language (`None` when the book has no such page); `serve` renders
/// again only the pages an edit affects.
pub fn page(job: &Job<'_>, page: Page<'_>) -> Option<Result<OutputFile, Diagnostics>> {
    let html = match page {
        Page::Index => index(job),
        Page::Procedure(p) => procedure(job, job.book.procedure(p)?),
        Page::Variant(p, v) => {
            let p = job.book.procedure(p)?;
            variant(job, p, p.variant(v)?)
        }
    };
    let path = job.routes.file(job.edition.lang, page);
    Some(html.map(|html| OutputFile {
        path,
        bytes: html.into_bytes(),
        pages: None,
    }))
}

/// The context every page starts from, for `page` of the job's language.
pub(crate) fn page_context(job: &Job<'_>, page: Page<'_>, root: &str) -> tera::Context {
    let here = job.here(root);
    let mut ctx = context::base(job.site, here);
    ctx.insert("alternates", &alternates(job, page, root));
    // Static files by name, for `{{ root }}{{ assets["style.css"] }}`: their names carry a hash.
    ctx.insert("assets", &job.theme.asset_paths());
    ctx
}

/// The page in every language that has it (only when the site has more than one language).
fn alternates(job: &Job<'_>, page: Page<'_>, root: &str) -> Vec<AlternateCtx> {
    let site = job.site;
    if site.books.len() < 2 {
        return Vec::new();
    }
    books_with(site, page)
        .into_iter()
        .filter_map(|b| {
            let labels = job.theme.labels(b.lang)?;
            Some(AlternateCtx {
                hreflang: labels.get("html_lang").to_string(),
                name: labels.get("language_name").to_string(),
                url: job.routes.url(b.lang, page),
                href: format!("{root}{}", job.routes.dir(b.lang, page)),
                current: b.lang == job.edition.lang,
            })
        })
        .collect()
}

/// `404.html`, for the web server to show at any missing address. Links in it are absolute (from
/// the base URL): the server shows it at whatever depth the missing address had.
pub fn not_found(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let root = job.site.clinic.base_url.as_str().to_string();
    let here = job.here(&root);
    let mut ctx = context::base(job.site, here);
    ctx.insert("alternates", &Vec::<AlternateCtx>::new());
    ctx.insert("assets", &job.theme.asset_paths());
    // The server shows this page at any depth, where no relative link to the stylesheet would
    // resolve: the styles go inline, their web fonts linked from the base URL like every link
    // here (`serve` shows the page with its own address in place of the base URL).
    let css = job
        .theme
        .assets
        .iter()
        .find(|a| a.name == "style.css")
        .map(|a| String::from_utf8_lossy(&a.bytes).into_owned())
        .unwrap_or_default();
    let css = absolute_urls(&css, &root).replace("</", "<\\/");
    ctx.insert("inline_css", &css);
    // One page for every language: a server shows it under any language's folder.
    let others: Vec<serde_json::Value> = job
        .site
        .books
        .iter()
        .filter(|b| b.lang != job.edition.lang)
        .filter_map(|b| {
            let labels = job.theme.labels(b.lang)?;
            Some(serde_json::json!({
                "lang": labels.get("html_lang"),
                "title": labels.get("not_found_title"),
                "text": labels.get("not_found_text"),
                "home": labels.get("not_found_home"),
                "href": format!("{root}{}", job.routes.lang_dir(b.lang)),
            }))
        })
        .collect();
    ctx.insert("others", &others);
    // For the same reason the logo and the icon go inline, as data: URLs.
    let data_url = |mime: &str, bytes: &[u8]| {
        use base64::Engine as _;
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        format!("data:{mime};base64,{encoded}")
    };
    if let Some(logo) = &job.site.clinic.logo {
        let mime = match logo.picture.format {
            handouts_print::PictureFormat::Png => "image/png",
            handouts_print::PictureFormat::Jpeg => "image/jpeg",
        };
        ctx.insert("inline_logo", &data_url(mime, &logo.picture.bytes));
    }
    if let Some(icon) = job.theme.assets.iter().find(|a| a.name == "favicon.svg") {
        ctx.insert("inline_icon", &data_url("image/svg+xml", &icon.bytes));
    }
    ctx.insert(
        "page",
        &PageCtx {
            title: here.labels.get("not_found_title").into(),
            description: here.labels.get("not_found_text").into(),
            canonical: job.routes.url(job.edition.lang, Page::Index),
            // Like every page, it follows `site.noindex`: a server answers a missing address
            // with it and status 404, which search engines do not list anyway.
            noindex: false,
        },
    );
    let html = job.theme.render("404.html", &ctx)?;
    Ok(vec![OutputFile {
        path: "404.html".into(),
        bytes: html.into_bytes(),
        pages: None,
    }])
}

/// A procedure's words as a page shows them: each number kept with its unit.
fn on_the_web(p: &mut ProcedureCtx) {
    p.summary = super::units::glue(&p.summary);
    p.variants.iter_mut().for_each(card_on_the_web);
}

/// A variant's summary and facts as a page shows them: each number kept with its unit
/// (`4–6\u{a0}sessions`).
fn card_on_the_web(v: &mut VariantCtx) {
    v.summary = super::units::glue(&v.summary);
    for fact in [&mut v.sessions, &mut v.downtime].into_iter().flatten() {
        *fact = super::units::glue(fact);
    }
}

/// `css` with each relative `url(…)` made absolute from `base`.
fn absolute_urls(css: &str, base: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        let (before, after) = rest.split_at(at + 4);
        out.push_str(before);
        let target = after.trim_start_matches(['"', '\'']);
        let relative = !(target.starts_with("data:")
            || target.starts_with('#')
            || target.starts_with('/')
            || target.contains("://"));
        if relative {
            let quote = &after[..after.len() - target.len()];
            out.push_str(quote);
            out.push_str(base);
            rest = target;
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The books (languages) that have `page`, the default language's first.
fn books_with<'a>(site: &'a Site, page: Page<'a>) -> Vec<&'a crate::model::Book> {
    match page {
        Page::Index => site.books.iter().collect(),
        Page::Procedure(p) => site.translations_of(p, None).collect(),
        Page::Variant(p, v) => site.translations_of(p, Some(v)).collect(),
    }
}

pub(crate) fn index(job: &Job<'_>) -> Result<String, Diagnostics> {
    let lang = job.edition.lang;
    let root = job.routes.root_from(lang, Page::Index);
    let here = job.here(&root);
    let mut ctx = page_context(job, Page::Index, &root);
    ctx.insert(
        "page",
        &PageCtx {
            title: here.labels.get("index_title").into(),
            description: here
                .labels
                .fill("index_description", &[("clinic", &job.site.clinic.name)]),
            canonical: job.routes.url(lang, Page::Index),
            noindex: false,
        },
    );
    let mut procedures = listed(job, here);
    procedures.iter_mut().for_each(on_the_web);
    ctx.insert("procedures", &procedures);
    job.theme.render("index.html", &ctx)
}

/// The procedures an index lists: its language's, and, in the default language's order, those
/// handouts of the default language not yet translated, marked as in that language (a patient
/// who reads it too can still find them).
fn listed(job: &Job<'_>, here: context::Here<'_>) -> Vec<ProcedureCtx> {
    let default = job.site.default_book();
    let original = job.theme.labels(default.lang);
    let (Some(original), false) = (original, default.lang == job.edition.lang) else {
        return job
            .book
            .procedures
            .iter()
            .map(|p| ProcedureCtx::new(p, here))
            .collect();
    };
    // The untranslated handouts are the default language's pages, linked from this page.
    let there = context::Here {
        edition: crate::edition::Edition {
            lang: default.lang,
            ..here.edition
        },
        labels: original,
        ..here
    };
    let tag = original.get("html_lang").to_string();
    let note = here.labels.fill(
        "card_in_language",
        &[("language", &here.labels.language_in_words(original))],
    );
    // The card's words are the handout's; its dates and notes are the page's.
    let foreign = |v: &Variant| {
        let mut card = VariantCtx::new(v, there);
        card.lang = Some(tag.clone());
        card.language_note = Some(note.clone());
        card.reviewed_long = here.labels.date(v.revision.reviewed);
        card.next_review_long = here.labels.date(v.revision.next_review);
        card
    };
    let mut out = Vec::new();
    for first in &default.procedures {
        let Some(p) = job.book.procedure(&first.slug) else {
            let mut ctx = ProcedureCtx::new(first, there);
            ctx.lang = Some(tag.clone());
            ctx.variants = first.variants.iter().map(foreign).collect();
            out.push(ctx);
            continue;
        };
        let mut ctx = ProcedureCtx::new(p, here);
        let missing = first
            .variants
            .iter()
            .filter(|v| p.variant(&v.slug).is_none())
            .map(foreign);
        ctx.variants.extend(missing);
        out.push(ctx);
    }
    // A translation's own procedures (none, when every page has its original) come last.
    out.extend(
        job.book
            .procedures
            .iter()
            .filter(|p| default.procedure(&p.slug).is_none())
            .map(|p| ProcedureCtx::new(p, here)),
    );
    out
}

pub(crate) fn procedure(job: &Job<'_>, p: &Procedure) -> Result<String, Diagnostics> {
    let page = Page::Procedure(&p.slug);
    let root = job.routes.root_from(job.edition.lang, page);
    let here = job.here(&root);
    let mut ctx = page_context(job, page, &root);
    let mut pc = ProcedureCtx::new(p, here);
    on_the_web(&mut pc);
    ctx.insert(
        "page",
        &PageCtx {
            title: p.title.clone(),
            description: p.summary.clone(),
            canonical: pc.url.clone(),
            noindex: false,
        },
    );
    ctx.insert("procedure", &pc);
    job.theme.render("procedure.html", &ctx)
}

pub(crate) fn variant(job: &Job<'_>, p: &Procedure, v: &Variant) -> Result<String, Diagnostics> {
    let page = Page::Variant(&p.slug, &v.slug);
    let root = job.routes.root_from(job.edition.lang, page);
    let here = job.here(&root);
    let mut ctx = page_context(job, page, &root);
    let mut vc = VariantCtx::new(v, here);
    card_on_the_web(&mut vc);
    ctx.insert(
        "page",
        &PageCtx {
            title: v.title.clone(),
            description: v.summary.clone(),
            canonical: vc.url.clone(),
            noindex: false,
        },
    );
    ctx.insert("jsonld", &json_ld(job, p, v, &vc.url));
    ctx.insert("procedure", &ProcedureCtx::new(p, here));
    ctx.insert("variant", &vc);
    // Pictures load lazily, except in the first section, which may be on screen at once.
    let lazy = Html {
        pictures: inline::Pictures {
            root: &root,
            lazy: true,
        },
        labels: here.labels,
    };
    let mut sections = context::sections(v, &lazy);
    // The first section may be on screen at once: its pictures load eagerly.
    if let (Some(first), Some(model)) = (sections.first_mut(), v.sections.0.first()) {
        if let crate::model::Content::Prose(blocks) = &model.content {
            let eager = Html {
                pictures: inline::Pictures {
                    root: &root,
                    lazy: false,
                },
                labels: here.labels,
            };
            first.body = eager.blocks(blocks);
        }
    }
    ctx.insert("sections", &sections);
    job.theme.render("variant.html", &ctx)
}

/// schema.org `MedicalWebPage`, safe to place inside `<script>`: `<` is written as `\u003c` so
/// no text can close the element.
fn json_ld(job: &Job<'_>, p: &Procedure, v: &Variant, url: &str) -> String {
    let site = job.site;
    let in_language = job
        .theme
        .labels(job.edition.lang)
        .map_or("", |l| l.get("html_lang"));
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": v.title,
        "description": v.summary,
        "url": url,
        "inLanguage": in_language,
        "lastReviewed": v.revision.reviewed.iso(),
        "reviewedBy": { "@type": "Person", "name": v.revision.reviewed_by },
        "about": { "@type": "MedicalProcedure", "name": p.title },
        "audience": "https://schema.org/Patient",
        "publisher": {
            "@type": "MedicalClinic",
            "name": site.clinic.name,
            "telephone": site.clinic.phone.display,
        },
    });
    // What the handout was adapted from: `source` and `source_url`.
    if let (Some(a), Some(map)) = (&v.attribution, value.as_object_mut()) {
        let mut work = serde_json::json!({ "@type": "CreativeWork" });
        if let Some(text) = &a.text {
            work["name"] = serde_json::Value::from(text.as_str());
        }
        if let Some(url) = &a.url {
            work["url"] = serde_json::Value::from(url.as_str());
        }
        map.insert("isBasedOn".into(), work);
    }
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Every page of every language with its absolute URL and `lastmod` from the review dates; with
/// more than one language, each entry lists its translations as `xhtml:link` alternates.
fn sitemap(site: &Site, routes: &Routes, theme: &Theme) -> String {
    let multilingual = site.books.len() > 1;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(if multilingual {
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
    } else {
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    });
    let newest = |vs: &mut dyn Iterator<Item = &Variant>| {
        vs.map(|v| v.revision.reviewed).max().map(|d| d.iso())
    };
    for book in &site.books {
        let mut url = |page: Page<'_>, lastmod: Option<String>| {
            out.push_str("  <url><loc>");
            out.push_str(&inline::escape(&routes.url(book.lang, page)));
            out.push_str("</loc>");
            if let Some(m) = lastmod {
                out.push_str(&format!("<lastmod>{m}</lastmod>"));
            }
            if multilingual {
                for other in books_with(site, page) {
                    let tag = theme.labels(other.lang).map_or("", |l| l.get("html_lang"));
                    out.push_str(&format!(
                        "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        inline::escape(tag),
                        inline::escape(&routes.url(other.lang, page))
                    ));
                }
            }
            out.push_str("</url>\n");
        };
        url(
            Page::Index,
            newest(&mut book.procedures.iter().flat_map(|p| &p.variants)),
        );
        for p in &book.procedures {
            url(Page::Procedure(&p.slug), newest(&mut p.variants.iter()));
            for v in &p.variants {
                url(
                    Page::Variant(&p.slug, &v.slug),
                    Some(v.revision.reviewed.iso()),
                );
            }
        }
    }
    out.push_str("</urlset>\n");
    out
}
