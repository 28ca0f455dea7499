//! Template contexts built from the model, shared by the page templates and the print template.
//!
//! Content arrives already turned into markup by a [`Markup`] (HTML for pages, print XML for the
//! handout), escaped, so templates place it with `| safe` and never see raw editor text.

use crate::edition::{Edition, PrintSize};
use crate::labels::Labels;
use crate::model::{Block, Clinic, Inline, Phone, Procedure, SectionKind, Site, Variant};
use crate::routes::{Page, Routes};
use serde::Serialize;

/// Turns content into one output language's markup.
pub trait Markup {
    /// Inline content.
    fn inlines(&self, items: &[Inline]) -> String;
    /// Blocks of free text.
    fn blocks(&self, items: &[Block]) -> String;
}

/// A phone number for templates.
#[derive(Serialize)]
pub struct PhoneCtx {
    /// As written.
    pub display: String,
    /// `tel:` URI.
    pub href: String,
    /// Digits only (and a leading `+`), for the print template's `tel` attributes.
    pub dial: String,
}

impl From<&Phone> for PhoneCtx {
    fn from(p: &Phone) -> PhoneCtx {
        PhoneCtx {
            display: p.display.clone(),
            href: p.href(),
            dial: p.dial.clone(),
        }
    }
}

/// The clinic for templates.
#[derive(Serialize)]
pub struct ClinicCtx {
    /// Display name.
    pub name: String,
    /// Main phone.
    pub phone: PhoneCtx,
    /// After-hours phone.
    pub after_hours_phone: Option<PhoneCtx>,
    /// Postal address.
    pub address: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// The site's absolute base URL.
    pub base_url: String,
    /// `letter` or `a4`.
    pub paper: &'static str,
    /// Search engines are asked not to list the pages.
    pub noindex: bool,
    /// The logo, when `clinic.yaml` names one.
    pub logo: Option<LogoCtx>,
}

/// The clinic's logo for templates: `{{ root }}{{ clinic.logo.path }}` on a page, `path` as the print
/// template's `<header logo>`.
#[derive(Serialize)]
pub struct LogoCtx {
    /// Its path under the site (content-hashed name).
    pub path: String,
    /// Absolute URL, for Open Graph and other pages' meta tags.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl ClinicCtx {
    /// From the model.
    pub fn new(c: &Clinic) -> ClinicCtx {
        ClinicCtx {
            name: c.name.clone(),
            phone: (&c.phone).into(),
            after_hours_phone: c.after_hours_phone.as_ref().map(Into::into),
            address: c.address.clone(),
            email: c.email.clone(),
            base_url: c.base_url.as_str().to_string(),
            paper: c.paper.name(),
            noindex: c.noindex,
            logo: c.logo.as_ref().map(|l| LogoCtx {
                path: l.path.clone(),
                url: c.base_url.join(&l.path),
                width: l.width(),
                height: l.height(),
            }),
        }
    }
}

/// A variant's facts and links (not its sections).
#[derive(Serialize)]
pub struct VariantCtx {
    /// File stem.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// `2026-09-14`.
    pub reviewed_iso: String,
    /// `14 September 2026`.
    pub reviewed_long: String,
    /// Reviewer.
    pub reviewed_by: String,
    /// `2027-09-14`.
    pub next_review_iso: String,
    /// `14 September 2027`.
    pub next_review_long: String,
    /// Sessions fact.
    pub sessions: Option<String>,
    /// Downtime fact.
    pub downtime: Option<String>,
    /// Whether the printed handout has its write-in blanks.
    pub write_in: bool,
    /// Link from the site root's point of view, made relative by the page's `root`.
    pub href: String,
    /// Absolute URL of the page.
    pub url: String,
    /// File name of the PDF.
    pub pdf_name: String,
    /// Link to the PDF, relative to the current page.
    pub pdf_href: String,
    /// File name of the large-print PDF.
    pub large_pdf_name: String,
    /// Link to the large-print PDF, relative to the current page.
    pub large_pdf_href: String,
}

/// Where a context is being rendered: its edition and labels, the site's routes, and the relative
/// path from the current page up to the site root (or the absolute base URL, for print).
#[derive(Clone, Copy)]
pub struct Here<'a> {
    /// The edition being rendered.
    pub edition: Edition,
    /// Its language's labels.
    pub labels: &'a Labels,
    /// Every path and URL.
    pub routes: &'a Routes,
    /// Prefix that turns a site path into a link from the current page.
    pub root: &'a str,
}

impl VariantCtx {
    /// From the model, for a page or handout rendered `here`.
    pub fn new(v: &Variant, here: Here<'_>) -> VariantCtx {
        let lang = here.edition.lang;
        let page = Page::Variant(&v.procedure, &v.slug);
        let path = here.routes.dir(lang, page);
        let pdf_name = here
            .routes
            .pdf_name(&v.procedure, &v.slug, PrintSize::Regular);
        let large_pdf_name = here
            .routes
            .pdf_name(&v.procedure, &v.slug, PrintSize::Large);
        VariantCtx {
            slug: v.slug.to_string(),
            title: v.title.clone(),
            summary: v.summary.clone(),
            reviewed_iso: v.revision.reviewed.iso(),
            reviewed_long: here.labels.date(v.revision.reviewed),
            reviewed_by: v.revision.reviewed_by.clone(),
            next_review_iso: v.revision.next_review.iso(),
            next_review_long: here.labels.date(v.revision.next_review),
            sessions: v.facts.sessions.clone(),
            downtime: v.facts.downtime.clone(),
            write_in: v.write_in,
            href: format!("{}{path}", here.root),
            url: here.routes.url(lang, page),
            pdf_href: format!("{}{path}{pdf_name}", here.root),
            pdf_name,
            large_pdf_href: format!("{}{path}{large_pdf_name}", here.root),
            large_pdf_name,
        }
    }
}

/// A procedure with its variants' facts.
#[derive(Serialize)]
pub struct ProcedureCtx {
    /// Folder name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Link relative to the current page.
    pub href: String,
    /// Absolute URL.
    pub url: String,
    /// Its variants.
    pub variants: Vec<VariantCtx>,
}

impl ProcedureCtx {
    /// From the model, for a page or handout rendered `here`.
    pub fn new(p: &Procedure, here: Here<'_>) -> ProcedureCtx {
        let lang = here.edition.lang;
        let page = Page::Procedure(&p.slug);
        ProcedureCtx {
            slug: p.slug.to_string(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            href: format!("{}{}", here.root, here.routes.dir(lang, page)),
            url: here.routes.url(lang, page),
            variants: p
                .variants
                .iter()
                .map(|v| VariantCtx::new(v, here))
                .collect(),
        }
    }
}

/// One of the eight sections, ready for a template.
#[derive(Serialize)]
pub struct SectionCtx {
    /// Stable id: `what-it-is`, `do`, `when-to-call` …
    pub id: &'static str,
    /// The heading in the edition's language, e.g. `When to call us`.
    pub title: String,
    /// `prose`, `timeline`, `points` or `faq`.
    pub kind: &'static str,
    /// Whether it came from `_procedure.md`.
    pub inherited: bool,
    /// Lead-in paragraphs (inline markup each).
    pub intro: Vec<String>,
    /// For `prose`: the blocks as markup.
    pub body: String,
    /// For `timeline`: the stages.
    pub stages: Vec<StageCtx>,
    /// For `points`: each item as inline markup.
    pub items: Vec<String>,
    /// For `faq`: questions and answers.
    pub entries: Vec<FaqCtx>,
    /// For `points` and `timeline`: the section's pictures as markup, shown after the list.
    pub figures: String,
}

/// A recovery stage.
#[derive(Serialize)]
pub struct StageCtx {
    /// `Days 1–3`.
    pub label: String,
    /// Inline markup.
    pub text: String,
}

/// A question and its answer.
#[derive(Serialize)]
pub struct FaqCtx {
    /// Plain text.
    pub question: String,
    /// Blocks as markup.
    pub answer: String,
}

/// The eight sections of `v`, in reading order, as `markup`, titled from `labels`.
pub fn sections(v: &Variant, labels: &Labels, markup: &dyn Markup) -> Vec<SectionCtx> {
    let s = &v.sections;
    SectionKind::ALL
        .iter()
        .map(|&kind| {
            let mut ctx = SectionCtx {
                id: kind.id(),
                title: labels.section_title(kind).to_string(),
                kind: "points",
                inherited: false,
                intro: Vec::new(),
                body: String::new(),
                stages: Vec::new(),
                items: Vec::new(),
                entries: Vec::new(),
                figures: String::new(),
            };
            let points =
                |ctx: &mut SectionCtx, sec: &crate::model::Section<crate::model::Points>| {
                    ctx.inherited = sec.inherited;
                    ctx.intro = sec.body.intro.iter().map(|p| markup.inlines(p)).collect();
                    ctx.items = sec.body.items.iter().map(|i| markup.inlines(i)).collect();
                    ctx.figures = figures(markup, &sec.body.figures);
                };
            match kind {
                SectionKind::WhatItIs | SectionKind::WhatToExpect => {
                    let sec = if kind == SectionKind::WhatItIs {
                        &s.what_it_is
                    } else {
                        &s.what_to_expect
                    };
                    ctx.kind = "prose";
                    ctx.inherited = sec.inherited;
                    ctx.body = markup.blocks(&sec.body);
                }
                SectionKind::RecoveryTimeline => {
                    ctx.kind = "timeline";
                    ctx.inherited = s.recovery_timeline.inherited;
                    ctx.intro = s
                        .recovery_timeline
                        .body
                        .intro
                        .iter()
                        .map(|p| markup.inlines(p))
                        .collect();
                    ctx.figures = figures(markup, &s.recovery_timeline.body.figures);
                    ctx.stages = s
                        .recovery_timeline
                        .body
                        .stages
                        .iter()
                        .map(|st| StageCtx {
                            label: st.label.clone(),
                            text: markup.inlines(&st.text),
                        })
                        .collect();
                }
                SectionKind::Dos => points(&mut ctx, &s.dos),
                SectionKind::Donts => points(&mut ctx, &s.donts),
                SectionKind::Risks => points(&mut ctx, &s.risks),
                SectionKind::WhenToCall => points(&mut ctx, &s.when_to_call),
                SectionKind::Faq => {
                    ctx.kind = "faq";
                    ctx.inherited = s.faq.inherited;
                    ctx.entries = s
                        .faq
                        .body
                        .entries
                        .iter()
                        .map(|e| FaqCtx {
                            question: e.question.clone(),
                            answer: markup.blocks(&e.answer),
                        })
                        .collect();
                }
            }
            ctx
        })
        .collect()
}

/// `figures` as markup.
fn figures(markup: &dyn Markup, figures: &[crate::model::Figure]) -> String {
    let blocks: Vec<Block> = figures.iter().cloned().map(Block::Figure).collect();
    markup.blocks(&blocks)
}

/// The edition for templates.
#[derive(Serialize)]
pub struct EditionCtx {
    /// Language code, e.g. `es`.
    pub lang: String,
    /// `regular` or `large`.
    pub size: &'static str,
    /// `letter` or `a4`.
    pub paper: &'static str,
}

/// The site-wide part of every context: the clinic, the edition, its labels and the root prefix.
pub fn base(site: &Site, here: Here<'_>) -> tera::Context {
    let mut ctx = tera::Context::new();
    ctx.insert("clinic", &ClinicCtx::new(&site.clinic));
    ctx.insert("root", here.root);
    // The start page of the edition's language, for the brand link and breadcrumbs.
    ctx.insert(
        "home",
        &format!("{}{}", here.root, here.routes.lang_dir(here.edition.lang)),
    );
    ctx.insert("lang", here.labels.get("html_lang"));
    ctx.insert("labels", &here.labels.strings);
    ctx.insert(
        "edition",
        &EditionCtx {
            lang: here.edition.lang.to_string(),
            size: match here.edition.size {
                PrintSize::Regular => "regular",
                PrintSize::Large => "large",
            },
            paper: here.edition.paper.name(),
        },
    );
    ctx
}
