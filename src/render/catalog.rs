//! Machine-readable lists of every handout: `feed.xml` (Atom, newest review first) for people who
//! follow updates, and `handouts.json` for a patient portal or an EHR link-out to point at the
//! right handout in the right language.

use super::{inline::escape, Job, OutputFile};
use crate::diag::Diagnostics;
use crate::edition::PrintSize;
use crate::model::{Book, Procedure, Variant};
use crate::routes::Page;
use serde::Serialize;

/// One handout in `handouts.json`.
#[derive(Serialize)]
struct Entry<'a> {
    /// `procedure/variant`, the same in every language.
    slug: String,
    /// The language code, e.g. `es`.
    language: &'a str,
    procedure: &'a str,
    variant: &'a str,
    title: &'a str,
    summary: &'a str,
    page_url: String,
    pdf_url: String,
    large_print_pdf_url: String,
    reviewed: String,
    next_review: String,
    /// The credit line of its content, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    /// The address of its content's source, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
}

/// Every variant of every language with its procedure and book.
fn all<'a>(job: &'a Job<'_>) -> Vec<(&'a Book, &'a Procedure, &'a Variant)> {
    job.site
        .books
        .iter()
        .flat_map(|b| b.variants().map(move |(p, v)| (b, p, v)))
        .collect()
}

/// `handouts.json`: every handout in every language, in site order.
pub fn json(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let routes = &job.routes;
    let entries: Vec<Entry<'_>> = all(job)
        .into_iter()
        .map(|(b, p, v)| {
            let pdf = |size| {
                job.site
                    .clinic
                    .base_url
                    .join(&routes.pdf_file(b.lang, &p.slug, &v.slug, size))
            };
            Entry {
                slug: format!("{}/{}", p.slug, v.slug),
                language: b.lang.as_str(),
                procedure: p.slug.as_str(),
                variant: v.slug.as_str(),
                title: &v.title,
                summary: &v.summary,
                page_url: routes.url(b.lang, Page::Variant(&p.slug, &v.slug)),
                pdf_url: pdf(PrintSize::Regular),
                large_print_pdf_url: pdf(PrintSize::Large),
                reviewed: v.revision.reviewed.iso(),
                next_review: v.revision.next_review.iso(),
                source: v.attribution.as_ref().and_then(|a| a.text.as_deref()),
                source_url: v.attribution.as_ref().and_then(|a| a.url.as_deref()),
            }
        })
        .collect();
    let value = serde_json::json!({
        "clinic": job.site.clinic.name,
        "base_url": job.site.clinic.base_url.as_str(),
        "handouts": entries,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    Ok(vec![OutputFile {
        path: "handouts.json".into(),
        bytes: text.into_bytes(),
        pages: None,
    }])
}

/// `feed.xml`: an Atom feed of every handout, most recently reviewed first. Dates are review
/// dates, never the clock, so an unchanged site gives the same feed.
pub fn feed(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut entries = all(job);
    entries.sort_by(|a, b| {
        (b.2.revision.reviewed, a.0.lang, &a.1.slug, &a.2.slug).cmp(&(
            a.2.revision.reviewed,
            b.0.lang,
            &b.1.slug,
            &b.2.slug,
        ))
    });
    let stamp = |v: &Variant| format!("{}T00:00:00Z", v.revision.reviewed.iso());
    let base = job.site.clinic.base_url.as_str();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <title>{} – {}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link href=\"{}\"/>\n",
        escape(&job.site.clinic.name),
        escape(job.labels.get("feed_title")),
        escape(&job.site.clinic.base_url.join("feed.xml")),
        escape(&job.site.clinic.base_url.join("feed.xml")),
        escape(base),
    ));
    if let Some((_, _, newest)) = entries.first() {
        out.push_str(&format!("  <updated>{}</updated>\n", stamp(newest)));
    }
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&job.site.clinic.name)
    ));
    for (b, p, v) in entries {
        let url = job.routes.url(b.lang, Page::Variant(&p.slug, &v.slug));
        let tag = job
            .theme
            .labels(b.lang)
            .map_or(b.lang.as_str(), |l| l.get("html_lang"));
        out.push_str(&format!(
            "  <entry xml:lang=\"{}\">\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(tag),
            escape(&v.title),
            escape(&url),
            escape(&url),
            stamp(v),
            escape(&v.summary),
        ));
    }
    out.push_str("</feed>\n");
    Ok(vec![OutputFile {
        path: "feed.xml".into(),
        bytes: out.into_bytes(),
        pages: None,
    }])
}
