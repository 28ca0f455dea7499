//! The website section: index, procedure and variant pages, the sitemap and the theme's files.

use super::context::{self, Markup, ProcedureCtx, VariantCtx};
use super::{inline, OutputFile};
use crate::diag::Diagnostics;
use crate::model::{Block, Inline, Procedure, Site, Variant};
use crate::theme::Theme;
use serde::Serialize;

/// HTML markup for template contexts.
pub struct Html;

impl Markup for Html {
    fn inlines(&self, items: &[Inline]) -> String {
        inline::inlines(items)
    }
    fn blocks(&self, items: &[Block]) -> String {
        // Inside a section (h2), a subheading is an h3.
        inline::blocks(items, 3)
    }
}

/// What every page's `<head>` needs.
#[derive(Serialize)]
struct PageCtx {
    title: String,
    description: String,
    canonical: String,
}

/// Every HTML page, the sitemap and the theme's static files.
pub fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files = Vec::new();
    let mut diags = Diagnostics::new();
    let mut page = |path: String, result: Result<String, Diagnostics>| match result {
        Ok(html) => files.push(OutputFile {
            path,
            bytes: html.into_bytes(),
        }),
        Err(d) => diags.extend(d),
    };
    page("index.html".into(), index(site, theme));
    for p in &site.procedures {
        page(format!("{}/index.html", p.slug), procedure(site, p, theme));
        for v in &p.variants {
            page(
                format!("{}index.html", context::variant_path(v)),
                variant(site, p, v, theme),
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    files.push(OutputFile {
        path: "sitemap.xml".into(),
        bytes: sitemap(site).into_bytes(),
    });
    for (name, bytes) in &theme.assets {
        files.push(OutputFile {
            path: name.clone(),
            bytes: bytes.clone(),
        });
    }
    // Files the handouts link to, published at the same place under the site.
    for a in site.procedures.iter().flat_map(|p| &p.attachments) {
        match std::fs::read(&a.source) {
            Ok(bytes) => files.push(OutputFile {
                path: a.path.clone(),
                bytes,
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
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(files)
}

fn index(site: &Site, theme: &Theme) -> Result<String, Diagnostics> {
    let mut ctx = context::base(site, "");
    ctx.insert(
        "page",
        &PageCtx {
            title: "Patient handouts".into(),
            description: format!("Treatment and aftercare handouts from {}: what to expect, how to recover, and when to call us.", site.clinic.name),
            canonical: site.clinic.base_url.as_str().to_string(),
        },
    );
    let procedures: Vec<ProcedureCtx> = site
        .procedures
        .iter()
        .map(|p| ProcedureCtx::new(p, &site.clinic, ""))
        .collect();
    ctx.insert("procedures", &procedures);
    theme.render("index.html", &ctx)
}

fn procedure(site: &Site, p: &Procedure, theme: &Theme) -> Result<String, Diagnostics> {
    let mut ctx = context::base(site, "../");
    let pc = ProcedureCtx::new(p, &site.clinic, "../");
    ctx.insert(
        "page",
        &PageCtx {
            title: p.title.clone(),
            description: p.summary.clone(),
            canonical: pc.url.clone(),
        },
    );
    ctx.insert("procedure", &pc);
    theme.render("procedure.html", &ctx)
}

fn variant(site: &Site, p: &Procedure, v: &Variant, theme: &Theme) -> Result<String, Diagnostics> {
    let root = "../../";
    let mut ctx = context::base(site, root);
    let vc = VariantCtx::new(v, &site.clinic, root);
    ctx.insert(
        "page",
        &PageCtx {
            title: v.title.clone(),
            description: v.summary.clone(),
            canonical: vc.url.clone(),
        },
    );
    ctx.insert("jsonld", &json_ld(site, p, v, &vc.url));
    ctx.insert("procedure", &ProcedureCtx::new(p, &site.clinic, root));
    ctx.insert("variant", &vc);
    ctx.insert("sections", &context::sections(v, &Html));
    theme.render("variant.html", &ctx)
}

/// schema.org `MedicalWebPage`, safe to place inside `<script>`: `<` is written as `\u003c` so
/// no text can close the element.
fn json_ld(site: &Site, p: &Procedure, v: &Variant, url: &str) -> String {
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": v.title,
        "description": v.summary,
        "url": url,
        "inLanguage": "en",
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
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Every page's absolute URL, with `lastmod` from the review date where there is one.
fn sitemap(site: &Site) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut url = |loc: String, lastmod: Option<String>| {
        out.push_str("  <url><loc>");
        out.push_str(&inline::escape(&loc));
        out.push_str("</loc>");
        if let Some(m) = lastmod {
            out.push_str(&format!("<lastmod>{m}</lastmod>"));
        }
        out.push_str("</url>\n");
    };
    let newest = |vs: &[Variant]| {
        vs.iter()
            .map(|v| v.revision.reviewed)
            .max()
            .map(|d| d.iso())
    };
    let all: Vec<Variant> = site
        .procedures
        .iter()
        .flat_map(|p| p.variants.iter().cloned())
        .collect();
    url(site.clinic.base_url.as_str().to_string(), newest(&all));
    for p in &site.procedures {
        url(
            site.clinic.base_url.join(&format!("{}/", p.slug)),
            newest(&p.variants),
        );
        for v in &p.variants {
            url(
                site.clinic.base_url.join(&context::variant_path(v)),
                Some(v.revision.reviewed.iso()),
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}
