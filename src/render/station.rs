//! The print station, `print/index.html`: one page from which front-desk staff open any handout
//! in any language, regular or large print. It is not linked from the public pages, asks search
//! engines not to list it, and is left out of the sitemap.

use super::{html, Job, OutputFile};
use crate::diag::Diagnostics;
use crate::edition::PrintSize;
use crate::routes::Page;
use serde::Serialize;

/// Where the print station of the default language is published.
pub const PATH: &str = "print/index.html";

/// One handout row.
#[derive(Serialize)]
struct Row {
    title: String,
    /// The language's name in its own words.
    language: String,
    /// The language's web tag, for `lang` on the title.
    lang: String,
    /// Page count of the regular PDF (text, for the label's `{pages}`).
    pages: String,
    /// Page count of the large-print PDF.
    large_pages: String,
    reviewed_iso: String,
    reviewed: String,
    pdf_href: String,
    large_pdf_href: String,
    /// Words to match the search box against: title, procedure, language.
    search: String,
}

/// The print station, one page per language (`print/index.html`, `es/print/index.html` …), each
/// listing every PDF the other outputs made with its page count, and each naming the others as
/// its translations.
pub fn page(job: &Job<'_>, files: &[OutputFile]) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut out = Vec::new();
    let mut diags = Diagnostics::new();
    for book in &job.site.books {
        let Some(here) = Job::new(job.site, job.theme, book.lang, job.edition.size) else {
            continue;
        };
        match one(&here, files) {
            Ok(file) => out.push(file),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// The folder of the print station in `lang`, under the site: `print/`, `es/print/`.
fn folder(job: &Job<'_>, lang: crate::edition::Lang) -> String {
    format!("{}print/", job.routes.lang_dir(lang))
}

/// The print station in the job's language.
fn one(job: &Job<'_>, files: &[OutputFile]) -> Result<OutputFile, Diagnostics> {
    let dir = folder(job, job.edition.lang);
    let root = "../".repeat(dir.matches('/').count());
    let root = root.as_str();
    // Looked up once per PDF: a map, since a network's station lists tens of thousands.
    let counts: std::collections::HashMap<&str, usize> = files
        .iter()
        .filter_map(|f| Some((f.path.as_str(), f.pages?)))
        .collect();
    let pages_of = |path: &str| counts.get(path).copied().unwrap_or(0).to_string();
    let mut rows = Vec::new();
    for book in &job.site.books {
        let Some(labels) = job.theme.labels(book.lang) else {
            continue;
        };
        for (p, v) in book.variants() {
            let regular = job
                .routes
                .pdf_file(book.lang, &p.slug, &v.slug, PrintSize::Regular);
            let large = job
                .routes
                .pdf_file(book.lang, &p.slug, &v.slug, PrintSize::Large);
            rows.push(Row {
                title: v.title.clone(),
                language: labels.get("language_name").to_string(),
                lang: labels.get("html_lang").to_string(),
                pages: pages_of(&regular),
                large_pages: pages_of(&large),
                reviewed_iso: v.revision.reviewed.iso(),
                reviewed: job.labels.date(v.revision.reviewed),
                search: format!(
                    "{} {} {} {}",
                    v.title,
                    p.title,
                    p.slug,
                    labels.get("language_name")
                )
                .to_lowercase(),
                pdf_href: format!("{root}{regular}"),
                large_pdf_href: format!("{root}{large}"),
            });
        }
    }
    let mut ctx = html::page_context(job, Page::Index, root);
    // Its translations are the other languages' stations, not their start pages.
    let alternates: Vec<serde_json::Value> = if job.site.books.len() < 2 {
        Vec::new()
    } else {
        job.site
            .books
            .iter()
            .filter_map(|b| {
                let labels = job.theme.labels(b.lang)?;
                let there = folder(job, b.lang);
                Some(serde_json::json!({
                    "hreflang": labels.get("html_lang"),
                    "name": labels.get("language_name"),
                    "url": job.site.clinic.base_url.join(&there),
                    "href": format!("{root}{there}"),
                    "current": b.lang == job.edition.lang,
                }))
            })
            .collect()
    };
    ctx.insert("alternates", &alternates);
    ctx.insert(
        "page",
        &serde_json::json!({
            "title": job.labels.get("station_title"),
            "description": job.labels.get("station_intro"),
            "canonical": job.site.clinic.base_url.join(&dir),
            "noindex": true,
        }),
    );
    ctx.insert("rows", &rows);
    let text = job.theme.render("print.html", &ctx)?;
    Ok(OutputFile {
        path: format!("{dir}index.html"),
        bytes: text.into_bytes(),
        pages: None,
    })
}
