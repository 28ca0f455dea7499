//! Template contexts built from the model, shared by the page templates and the print template.
//!
//! Content arrives already turned into markup by a [`Markup`] (HTML for pages, print XML for the
//! handout), escaped, so templates place it with `| safe` and never see raw editor text.

use crate::blank_table::Blank;
use crate::edition::{Edition, PrintSize};
use crate::labels::Labels;
use crate::model::{
    Block, Clinic, Content, Inline, ListItem, Phone, Procedure, Shape, Site, Variant,
};
use crate::routes::{Page, Routes};
use serde::Serialize;

/// Turns content into one output language's markup.
pub trait Markup {
    /// Inline content.
    fn inlines(&self, items: &[Inline]) -> String;
    /// Blocks of free text.
    fn blocks(&self, items: &[Block]) -> String;
    /// One list item's content: its words, then the list nested under it.
    fn item(&self, item: &ListItem) -> String;
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
    /// The number to dial in an emergency.
    pub emergency: PhoneCtx,
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
            emergency: (&c.emergency).into(),
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
    /// Whether the printed handout has any write-in blanks.
    pub write_in: bool,
    /// Its write-in blanks, in print order.
    pub blanks: Vec<BlankCtx>,
    /// Where its content comes from: the credit line (`source`).
    pub source: Option<String>,
    /// The source's web address (`source_url`).
    pub source_url: Option<String>,
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
    /// On a list in another language (a handout not yet translated): its language's web tag,
    /// for `lang` and `hreflang`.
    pub lang: Option<String>,
    /// Then also the words saying which language it is in, in the list's language.
    pub language_note: Option<String>,
}

/// A write-in blank as templates see it: `name`, `field`, `place` (`top` or `end`), `lines`,
/// `fill`, `default` and its `label`.
#[derive(Serialize, Clone, Debug)]
pub struct BlankCtx {
    /// The blank as the theme's table declares it.
    #[serde(flatten)]
    pub blank: Blank,
    /// Its words in the handout's language.
    pub label: String,
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
            write_in: !v.write_in.is_empty(),
            blanks: v
                .write_in
                .iter()
                .filter_map(|name| here.labels.blank(name))
                .map(|(blank, label)| BlankCtx {
                    blank: blank.clone(),
                    label: label.to_string(),
                })
                .collect(),
            source: v.attribution.as_ref().and_then(|a| a.text.clone()),
            source_url: v.attribution.as_ref().and_then(|a| a.url.clone()),
            href: format!("{}{path}", here.root),
            url: here.routes.url(lang, page),
            pdf_href: format!("{}{path}{pdf_name}", here.root),
            pdf_name,
            large_pdf_href: format!("{}{path}{large_pdf_name}", here.root),
            large_pdf_name,
            lang: None,
            language_note: None,
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
    /// On a list in another language (not yet translated): its language's web tag.
    pub lang: Option<String>,
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
            lang: None,
        }
    }
}

/// One section, ready for a template.
#[derive(Serialize)]
pub struct SectionCtx {
    /// Stable id and web anchor: `what-it-is`, `do`, `when-to-call` … or, for a section of the
    /// clinic's own, one made from its heading (`day-of-treatment`).
    pub id: String,
    /// The heading in the edition's language, e.g. `When to call us`.
    pub title: String,
    /// `prose`, `timeline`, `points` or `faq`: what content fields it fills.
    pub kind: &'static str,
    /// Its shape in `sections.yaml` (`prose`, `list`, `checklist`, `do`, `dont`, `call`,
    /// `timeline`, `faq`): how it is shown.
    pub shape: &'static str,
    /// The styling hook of `sections.yaml` (the key unless the table names another); for a
    /// section of the clinic's own, `own`.
    pub style: String,
    /// Whether it is a section of the clinic's own.
    pub own: bool,
    /// `start` for a `do` section followed by a `dont` one, `end` for that `dont` section: the
    /// two are shown side by side.
    pub pair: &'static str,
    /// Whether it came from `_procedure.md`.
    pub inherited: bool,
    /// Lead-in paragraphs (inline markup each).
    pub intro: Vec<String>,
    /// For `points`: blocks between the lead-in paragraphs and the first list (a callout), as
    /// markup.
    pub lead: String,
    /// For `prose`: the blocks as markup.
    pub body: String,
    /// For `timeline`: the stages.
    pub stages: Vec<StageCtx>,
    /// For `points`: each item of the first list as markup (its words and any nested list).
    pub items: Vec<String>,
    /// For `points`: whether the first list is numbered.
    pub ordered: bool,
    /// For `points`: the first list's first number.
    pub start: u64,
    /// For `points`: the blocks after the first list (paragraphs, more lists), as markup.
    pub rest: String,
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

/// The sections of `v`, in reading order, as `markup`. Titles come from the model: the labels of
/// its language for a standard section, the heading as written for one of the clinic's own.
pub fn sections(v: &Variant, markup: &dyn Markup) -> Vec<SectionCtx> {
    let all = &v.sections.0;
    all.iter()
        .enumerate()
        .map(|(n, section)| {
            let shape = section.shape;
            let next = all.get(n + 1).map(|s| s.shape);
            let before = n.checked_sub(1).and_then(|p| all.get(p)).map(|s| s.shape);
            let pair = match (shape, next, before) {
                (Shape::Do, Some(Shape::Dont), _) => "start",
                (Shape::Dont, _, Some(Shape::Do)) => "end",
                _ => "",
            };
            let mut ctx = SectionCtx {
                id: section.key.clone(),
                title: section.title.clone(),
                kind: shape.kind(),
                shape: shape.name(),
                style: section.style.clone(),
                own: section.own,
                pair,
                inherited: section.inherited,
                intro: Vec::new(),
                lead: String::new(),
                body: String::new(),
                stages: Vec::new(),
                items: Vec::new(),
                ordered: false,
                start: 1,
                rest: String::new(),
                entries: Vec::new(),
                figures: String::new(),
            };
            match &section.content {
                Content::Prose(blocks) => ctx.body = markup.blocks(blocks),
                Content::Points(points) => {
                    let blocks = &points.blocks;
                    let first_list = blocks.iter().position(|b| matches!(b, Block::List(_)));
                    let split = first_list.unwrap_or(blocks.len());
                    let paragraphs = blocks[..split]
                        .iter()
                        .take_while(|b| matches!(b, Block::Paragraph(_)))
                        .count();
                    ctx.intro = blocks[..paragraphs]
                        .iter()
                        .filter_map(|b| match b {
                            Block::Paragraph(p) => Some(markup.inlines(p)),
                            _ => None,
                        })
                        .collect();
                    ctx.lead = markup.blocks(&blocks[paragraphs..split]);
                    if let Some(Block::List(list)) = first_list.and_then(|i| blocks.get(i)) {
                        ctx.items = list.items.iter().map(|i| markup.item(i)).collect();
                        ctx.ordered = list.ordered;
                        ctx.start = list.start;
                        ctx.rest = markup.blocks(&blocks[split + 1..]);
                    }
                    ctx.figures = figures(markup, &points.figures);
                }
                Content::Timeline(t) => {
                    ctx.intro = t.intro.iter().map(|p| markup.inlines(p)).collect();
                    ctx.figures = figures(markup, &t.figures);
                    ctx.stages = t
                        .stages
                        .iter()
                        .map(|st| StageCtx {
                            label: st.label.clone(),
                            text: markup.inlines(&st.text),
                        })
                        .collect();
                }
                Content::Faq(f) => {
                    ctx.entries = f
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
