//! The print station, `print/index.html`: one page from which front-desk staff open any handout
//! in any language, regular or large print. It is not linked from the public pages, asks search
//! engines not to list it, and is left out of the sitemap.

use super::{html, Job, OutputFile};
use crate::diag::Diagnostics;
use crate::edition::PrintSize;
use crate::routes::Page;
use serde::Serialize;

/// Where the print station is published.
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

/// The print station page, listing every PDF the other outputs made with its page count.
pub fn page(job: &Job<'_>, files: &[OutputFile]) -> Result<Vec<OutputFile>, Diagnostics> {
    let root = "../";
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
    ctx.insert(
        "page",
        &serde_json::json!({
            "title": job.labels.get("station_title"),
            "description": job.labels.get("station_intro"),
            "canonical": job.site.clinic.base_url.join("print/"),
            "noindex": true,
        }),
    );
    ctx.insert("rows", &rows);
    let text = job.theme.render("print.html", &ctx)?;
    Ok(vec![OutputFile {
        path: PATH.into(),
        bytes: text.into_bytes(),
        pages: None,
    }])
}
