//! Raw content → the checked model: every front-matter key, every section, across all files.
//!
//! All problems of a run are collected; a [`Site`] is returned only when there are no errors.

pub mod clinic;
pub(crate) mod fields;
pub mod glyphs;
pub(crate) mod images;
pub mod incremental;
mod links;
pub mod phones;
pub mod placeholders;
mod plain;
mod quotes;
pub(crate) mod sections;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::front_matter::{self, SplitError};
use crate::labels::{LabelSets, Labels};
use crate::load::{ProcedureFiles, SourceFile, PROCEDURE_FILE};
use crate::model::{
    Attribution, Date, Facts, Lang, Procedure, Revision, Section, Sections, Slug, Variant,
};
use fields::{Describe, Fields};
use links::ContentContext;
use sections::{Body, SectionMap};
use std::path::Path;

/// The longest summary allowed: it must fit a search result and the handout's lead.
pub const MAX_SUMMARY_CHARS: usize = 200;

const VARIANT_KEYS: Describe = Describe {
    what: "a variant",
    keys: &[
        "title",
        "summary",
        "reviewed",
        "reviewed_by",
        "next_review",
        "sessions",
        "downtime",
        "order",
        "write_in",
        "required_sections",
        "source",
        "source_url",
        "plain_language_exempt",
    ],
};
const PROCEDURE_KEYS: Describe = Describe {
    what: "a procedure",
    keys: &[
        "title",
        "summary",
        "order",
        "write_in",
        "required_sections",
        "source",
        "source_url",
        "plain_language_exempt",
    ],
};

/// What every file is checked against.
struct SiteRules<'a> {
    /// Months from one review to the next.
    interval: u32,
    /// The reading grade above which a section gets a plain-language warning.
    max_grade: f64,
    /// For overdue warnings.
    today: Date,
    /// For checking links to local files.
    links: &'a ContentContext,
    /// The languages of `clinic.yaml`, the default first.
    languages: &'a [Lang],
    /// Every label set of the theme.
    labels: &'a LabelSets,
    /// The standard sections every handout needs unless its procedure or itself says otherwise
    /// (`clinic.yaml`'s `required_sections`), by key.
    required: &'a [String],
}

/// What a procedure's `_procedure.md` (or its translation) gives its variants.
struct ProcedureInfo {
    title: String,
    summary: String,
    order: i64,
    sections: SectionMap,
    attachments: Vec<crate::model::Attachment>,
    /// Its sections' readability, for the variants that inherit them.
    reading: plain::FileReading,
    /// Its `required_sections`, by key, when it sets them.
    required: Option<Vec<String>>,
    /// Its `source` and `source_url`, for the variants that give none.
    attribution: Attribution,
    /// Why its handouts are exempt from the plain-language checks, when they are.
    exempt: Option<String>,
    /// The write-in blanks of its variants that do not choose their own (`write_in`).
    write_in: Option<Vec<String>>,
}

/// A procedure in each language it has variants in, the default language first, with its sort key.
fn procedure(
    files: &ProcedureFiles,
    rules: &SiteRules<'_>,
    diags: &mut Diagnostics,
) -> Option<(i64, Vec<(Lang, Procedure)>)> {
    let slug = checked_slug(&files.name, &files.path, "folder", diags);
    if let Some(lang) = slug.as_ref().and_then(|s| Lang::parse(s.as_str())) {
        if rules.languages.contains(&lang) && lang != rules.languages[0] {
            diags.push(
                Diagnostic::error(format!("the procedure folder `{}` has the same name as the language `{lang}` listed in clinic.yaml, so its pages would collide with that language's pages.", files.name))
                    .in_file(&files.path)
                    .hint("rename the folder, for example to a longer name for the procedure."),
            );
        }
    }
    let default_lang = rules.languages[0];
    let default_labels = rules.labels.get(&default_lang)?;
    let info = match &files.procedure {
        Some(file) => procedure_info(
            file,
            rules.links,
            default_labels,
            default_labels,
            None,
            diags,
        ),
        None => {
            diags.push(
                Diagnostic::error(format!("the procedure folder has no `{PROCEDURE_FILE}`."))
                    .in_file(&files.path)
                    .hint(format!("add `{PROCEDURE_FILE}` with the procedure's `title:` and `summary:` in its front matter, and the sections its variants share.")),
            );
            None
        }
    };
    if files.variants.is_empty() && files.unreadable == 0 {
        diags.push(
            Diagnostic::warning(
                "this procedure has no variant files, so nothing of it is published.",
            )
            .in_file(&files.path)
            .hint("add one `.md` file per variant, such as `classic.md`."),
        );
    }
    let context = VariantContext {
        shared: info.as_ref(),
        procedure: slug.clone(),
        rules,
        lang: default_lang,
        labels: default_labels,
        original: None,
        default_labels,
        default_shared: info.as_ref(),
    };
    let mut attachments = info
        .as_ref()
        .map_or_else(Vec::new, |i| i.attachments.clone());
    let variants: Vec<Variant> = files
        .variants
        .iter()
        .filter_map(|file| variant(file, &context, &mut attachments, diags))
        .collect();
    let translated = translations(files, rules, &context, &variants, &mut attachments, diags);
    attachments.sort();
    attachments.dedup();
    let info = info?;
    let slug = slug?;
    let order = info.order;
    // Every language's procedure is made the same way: its own title and summary, its variants
    // in display order, the attachments of all languages.
    let edition = |lang: Lang, info: ProcedureInfo, mut variants: Vec<Variant>| {
        variants.sort_by(|a, b| (a.order, &a.title, &a.slug).cmp(&(b.order, &b.title, &b.slug)));
        (
            lang,
            Procedure {
                slug: slug.clone(),
                title: info.title,
                summary: info.summary,
                variants,
                attachments: attachments.clone(),
            },
        )
    };
    let mut editions = vec![edition(default_lang, info, variants)];
    for (lang, info, variants) in translated {
        editions.push(edition(lang, info, variants));
    }
    Some((order, editions))
}

/// The translated procedure files and variants of a procedure folder, per language (in
/// `clinic.yaml` order): each is checked like an original, with its language's headings, and
/// inherits sections from the procedure's file in the same language only.
fn translations(
    files: &ProcedureFiles,
    rules: &SiteRules<'_>,
    original: &VariantContext<'_>,
    originals: &[Variant],
    attachments: &mut Vec<crate::model::Attachment>,
    diags: &mut Diagnostics,
) -> Vec<(Lang, ProcedureInfo, Vec<Variant>)> {
    let mut out = Vec::new();
    // Files in a language `clinic.yaml` does not list are mistakes (a typo such as `prp.sp.md`).
    for t in &files.translations {
        let listed = Lang::parse(&t.lang).is_some_and(|l| rules.languages[1..].contains(&l));
        if !listed {
            let listed_names: Vec<String> =
                rules.languages.iter().map(|l| format!("`{l}`")).collect();
            diags.push(
                Diagnostic::error(format!("this file is named as a translation into the language `{}`, which clinic.yaml does not list as a translation language.", t.lang))
                    .in_file(&t.file.path)
                    .hint(format!("clinic.yaml lists {}; add `{}` to `languages:` there, or rename the file (the original is `{}.md`).", listed_names.join(", "), t.lang, t.original)),
            );
            continue;
        }
        if t.original != "_procedure" && !files.variants.iter().any(|v| stem(&v.path) == t.original)
        {
            diags.push(
                Diagnostic::error(format!("this translation has no original: there is no `{}.md` in this folder.", t.original))
                    .in_file(&t.file.path)
                    .hint(format!("write the handout in the default language first as `{}.md`, or rename this file to match the original it translates.", t.original)),
            );
        }
    }
    for &lang in &rules.languages[1..] {
        let Some(labels) = rules.labels.get(&lang) else {
            continue;
        };
        let mine: Vec<&crate::load::Translation> = files
            .translations
            .iter()
            .filter(|t| t.lang == lang.as_str())
            .collect();
        let variant_files: Vec<&crate::load::Translation> = mine
            .iter()
            .copied()
            .filter(|t| {
                t.original != "_procedure"
                    && files.variants.iter().any(|v| stem(&v.path) == t.original)
            })
            .collect();
        if variant_files.is_empty() {
            continue;
        }
        let proc_file = mine.iter().find(|t| t.original == "_procedure");
        let info = match proc_file {
            Some(t) => procedure_info(
                &t.file,
                rules.links,
                labels,
                original.default_labels,
                original.default_shared.and_then(|s| s.exempt.as_deref()),
                diags,
            ),
            None => {
                let name = format!("_procedure.{lang}.md");
                diags.push(
                    Diagnostic::error(format!("this procedure has handouts in `{lang}` but no `{name}` with the procedure's title and summary in that language."))
                        .in_file(&files.path)
                        .hint(format!("add `{name}` beside `{PROCEDURE_FILE}`, with `title:` and `summary:` translated, and any sections its translated handouts share.")),
                );
                None
            }
        };
        if let (Some(t), Some(info), Some(default)) = (proc_file, &info, original.default_shared) {
            let theirs: Vec<&str> = default
                .sections
                .own
                .iter()
                .map(|o| o.title.as_str())
                .collect();
            own_count_matches(
                &t.file.path,
                &info.sections,
                &files.path.join(PROCEDURE_FILE),
                &theirs,
                diags,
            );
        }
        let mut variants = Vec::new();
        for t in variant_files {
            let Some(orig) = originals.iter().find(|v| v.slug.as_str() == t.original) else {
                continue; // the original has errors of its own, already reported.
            };
            let context = VariantContext {
                shared: info.as_ref(),
                procedure: original.procedure.clone(),
                rules,
                lang,
                labels,
                original: Some(orig),
                default_labels: original.default_labels,
                default_shared: original.default_shared,
            };
            if let Some(v) = variant(&t.file, &context, attachments, diags) {
                variants.push(v);
            }
        }
        if let Some(info) = info {
            out.push((lang, info, variants));
        }
    }
    out
}

/// A file's stem: `prp` for `prp.md`.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

fn checked_slug(name: &str, path: &Path, what: &str, diags: &mut Diagnostics) -> Option<Slug> {
    let slug = Slug::parse(name);
    if slug.is_none() {
        let suggestion = Slug::suggest(name);
        diags.push(
            Diagnostic::error(format!("the {what} `{name}` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes."))
                .in_file(path)
                .hint(format!("rename it to `{suggestion}`.")),
        );
    }
    slug
}

/// Splits a file and parses its front matter; problems with the fences are reported.
fn front<'a>(
    file: &'a SourceFile,
    links: &'a ContentContext,
    labels: &'a Labels,
    diags: &mut Diagnostics,
) -> Option<(Fields<'a>, Body<'a>)> {
    let split = match front_matter::split(&file.text) {
        Ok(s) => s,
        Err(SplitError::NoOpening) => {
            diags.push(
                Diagnostic::error("the file does not start with front matter.")
                    .in_file(&file.path)
                    .at(&file.text, Location { line: 1, column: 1 })
                    .hint("begin the file with a line `---`, then `title:`, `summary:` and the other keys, then another `---` line."),
            );
            return None;
        }
        Err(SplitError::NotClosed) => {
            diags.push(
                Diagnostic::error("the front matter is never closed.")
                    .in_file(&file.path)
                    .at(&file.text, Location { line: 1, column: 1 })
                    .hint("add a line with just `---` after the last key, before the first `##` section."),
            );
            return None;
        }
    };
    let fields = Fields::parse(&file.path, &file.text, split.yaml, split.yaml_offset, diags)?;
    let body = Body {
        file: &file.path,
        text: &file.text,
        markdown: crate::markdown::Parsed::new(split.body),
        offset: split.body_offset,
        allowed_html: &links.allowed_html,
        labels,
        images: &links.images,
    };
    Some((fields, body))
}

/// `source` (a credit line) and `source_url` (an absolute web address), as far as they are
/// written and valid.
fn attribution(fields: &Fields<'_>, diags: &mut Diagnostics) -> Attribution {
    let text = fields.text(
        "source",
        false,
        "Adapted from the CDC Vaccine Information Statement, edition 8/6/2021",
        diags,
    );
    let url = fields
        .text("source_url", false, "https://www.cdc.gov/vaccines/hcp/current-vis/", diags)
        .filter(|u| {
            let ok = url::Url::parse(u).is_ok_and(|p| {
                matches!(p.scheme(), "https" | "http") && p.host_str().is_some_and(|h| !h.is_empty())
            }) && !u.contains(char::is_whitespace);
            if !ok {
                diags.push(fields.problem(
                    "source_url",
                    format!("`{u}` is not a web address."),
                    "write the full address of the source, starting with https://, for example `source_url: https://www.cdc.gov/vaccines/hcp/current-vis/`.",
                ));
            }
            ok
        });
    Attribution { text, url }
}

fn summary(fields: &Fields<'_>, labels: &Labels, diags: &mut Diagnostics) -> Option<String> {
    let s = fields.text(
        "summary",
        true,
        "One or two sentences about the treatment.",
        diags,
    )?;
    let n = s.chars().count();
    if n > MAX_SUMMARY_CHARS {
        diags.push(fields.problem(
            "summary",
            format!("the summary is {n} characters long; it may be at most {MAX_SUMMARY_CHARS}, so it fits search results and the top of the handout."),
            format!(
                "shorten it to one or two sentences; details belong in `## {}`.",
                labels.standard().next().map_or("", |s| labels.section_title(&s.key))
            ),
        ));
    }
    Some(s)
}

fn procedure_info(
    file: &SourceFile,
    links: &ContentContext,
    labels: &Labels,
    default_labels: &Labels,
    original_exempt: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<ProcedureInfo> {
    let (mut fields, body) = front(file, links, labels, diags)?;
    fields.reject_unknown(&PROCEDURE_KEYS, diags);
    // A translation of a text fixed by law is fixed too, unless it says otherwise.
    let exempt = plain::exemption(&fields, diags).or_else(|| original_exempt.map(str::to_string));
    let title = fields
        .text("title", true, "Microneedling", diags)
        .map(|t| quotes::text(&t));
    let summary = summary(&fields, labels, diags);
    let order = fields
        .integer("order", i64::MIN, 1, diags)
        .unwrap_or(i64::MAX);
    let required = fields.required_sections(default_labels, diags);
    let write_in = fields.write_in(default_labels, diags);
    let attribution = attribution(&fields, diags);
    let mut sections = sections::sections(&body, diags);
    // Checked here once, not in every variant that inherits them.
    let reading = plain::read(&body, exempt.is_some(), diags);
    let checked = links::check(&body, links, diags);
    checked.rewrite(&mut sections);
    phones::link(&mut sections);
    Some(ProcedureInfo {
        title: title?,
        summary: summary?,
        order,
        sections,
        attachments: checked.attachments,
        reading,
        required,
        attribution,
        exempt,
        write_in,
    })
}

/// What a variant is checked against.
struct VariantContext<'a> {
    /// The procedure's own file in the variant's language, when it could be read.
    shared: Option<&'a ProcedureInfo>,
    /// The procedure's slug, when its folder name is valid.
    procedure: Option<Slug>,
    /// The site-wide rules.
    rules: &'a SiteRules<'a>,
    /// The variant's language.
    lang: Lang,
    /// That language's labels.
    labels: &'a Labels,
    /// For a translation: the checked original it translates.
    original: Option<&'a Variant>,
    /// The default language's labels: `required_sections` names sections in it.
    default_labels: &'a Labels,
    /// The default language's `_procedure.md`, which a translation's own sections are counted
    /// against.
    default_shared: Option<&'a ProcedureInfo>,
}

fn variant(
    file: &SourceFile,
    context: &VariantContext<'_>,
    attachments: &mut Vec<crate::model::Attachment>,
    diags: &mut Diagnostics,
) -> Option<Variant> {
    let before = diags.error_count();
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let slug = match context.original {
        Some(original) => Some(original.slug.clone()),
        None => checked_slug(&stem, &file.path, "file name", diags),
    };
    let links = context.rules.links;
    let (mut fields, body) = front(file, links, context.labels, diags)?;
    fields.reject_unknown(&VARIANT_KEYS, diags);
    // Typographic quotes, as in the theme's labels: `Don't` prints as `Don’t`.
    let title = fields
        .text("title", true, "Microneedling with PRP", diags)
        .map(|t| quotes::text(&t));
    let summary = summary(&fields, context.labels, diags);
    let reviewed = fields.date("reviewed", true, diags);
    let reviewed_by = fields.text("reviewed_by", true, "Dr. Priya Raman, MD", diags);
    let next_review = fields.date("next_review", false, diags);
    let sessions = fields.text("sessions", false, "4–6 sessions, 3–4 weeks apart", diags);
    let downtime = fields.text("downtime", false, "1–3 days", diags);
    let order = fields
        .integer("order", i64::MIN, 1, diags)
        .unwrap_or(i64::MAX);
    // A translation is listed where its original is.
    let order = context.original.map_or(order, |o| o.order);
    // The printed write-in blanks: the variant's own choice, else its procedure's, else (a
    // translation) its original's, else the theme's default set.
    let write_in = fields
        .write_in(context.default_labels, diags)
        .or_else(|| context.shared.and_then(|s| s.write_in.clone()))
        .or_else(|| context.original.map(|o| o.write_in.clone()))
        .or_else(|| context.default_shared.and_then(|s| s.write_in.clone()))
        .unwrap_or_else(|| context.default_labels.default_blanks());
    if let (Some(r), Some(n)) = (reviewed, next_review) {
        if n < r {
            diags.push(fields.problem(
                "next_review",
                format!("the next review ({}) is before the last review ({}).", n.iso(), r.iso()),
                "set `next_review` to a date after `reviewed`, or delete it to use the clinic's review interval.",
            ));
        }
    }
    // A field the variant does not give comes from its procedure's file, then (for a
    // translation) from its original, then from the default language's procedure file.
    let own_attribution = attribution(&fields, diags);
    let inherited = [
        context.shared.map(|s| s.attribution.clone()),
        context.original.and_then(|o| o.attribution.clone()),
        context.default_shared.map(|s| s.attribution.clone()),
    ];
    let attribution = inherited
        .into_iter()
        .flatten()
        .fold(own_attribution, |a, b| Attribution {
            text: a.text.or(b.text),
            url: a.url.or(b.url),
        });
    let attribution =
        (attribution.text.is_some() || attribution.url.is_some()).then_some(attribution);
    let required = fields
        .required_sections(context.default_labels, diags)
        .or_else(|| context.shared.and_then(|s| s.required.clone()))
        .or_else(|| context.default_shared.and_then(|s| s.required.clone()))
        .unwrap_or_else(|| context.rules.required.to_vec());
    let mut own = sections::sections(&body, diags);
    if let Some(original) = context.original {
        let theirs: Vec<&str> = original
            .sections
            .iter()
            .filter(|s| s.own && !s.inherited)
            .map(|s| s.title.as_str())
            .collect();
        own_count_matches(&file.path, &own, &original.source, &theirs, diags);
    }
    // A variant is exempt if it says so, or its procedure, or (a translation) its original.
    let exempt = plain::exemption(&fields, diags)
        .or_else(|| context.shared.and_then(|s| s.exempt.clone()))
        .or_else(|| context.original.and_then(|o| o.reading.exempt.clone()));
    let own_reading = plain::read(&body, exempt.is_some(), diags);
    let checked = links::check(&body, links, diags);
    checked.rewrite(&mut own);
    phones::link(&mut own);
    attachments.extend(checked.attachments);
    let sections = inherit(
        own,
        context.shared.map(|s| &s.sections),
        &required,
        file,
        context,
        diags,
    );
    if diags.error_count() > before || context.shared.is_none() {
        return None;
    }
    let reviewed = reviewed?;
    let sections = sections?;
    let name = file
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    let limit = plain::Limit {
        handout: &name,
        max_grade: context.rules.max_grade,
        exempt: exempt.as_deref(),
    };
    let reading = own_reading.resolve(context.shared.map(|s| &s.reading), &sections, &limit, diags);
    let next_review = next_review.unwrap_or_else(|| reviewed.add_months(context.rules.interval));
    if let Some(original) = context.original {
        if reviewed < original.revision.reviewed {
            diags.push(
                Diagnostic::warning(format!(
                    "the {} text may be out of date: it was reviewed on {}, before the original `{}` was last reviewed on {}.",
                    context.labels.get("language_name"),
                    reviewed.iso(),
                    original.source.file_name().map_or_else(String::new, |n| n.to_string_lossy().to_string()),
                    original.revision.reviewed.iso()
                ))
                .in_file(&file.path)
                .hint("compare it with the original, update the translation, then set its `reviewed` date."),
            );
        }
    }
    if next_review < context.rules.today {
        diags.push(
            Diagnostic::warning(format!("this handout was due for review on {}; it was last reviewed on {}.", next_review.iso(), reviewed.iso()))
                .in_file(&file.path)
                .hint("have a clinician check it, then update `reviewed` (and `next_review`, if you set one)."),
        );
    }
    Some(Variant {
        slug: slug?,
        procedure: context.procedure.clone()?,
        title: title?,
        summary: summary?,
        revision: Revision {
            reviewed,
            reviewed_by: reviewed_by?,
            next_review,
        },
        facts: Facts { sessions, downtime },
        order,
        write_in,
        attribution,
        sections,
        source: file.path.clone(),
        lang: context.lang,
        reading,
        digest: [0; 32],
    })
}

/// Reports a translation whose number of sections of the clinic's own differs from its
/// original's (titled `theirs`, in `original`): they are matched by their order.
fn own_count_matches(
    path: &Path,
    mine: &SectionMap,
    original: &Path,
    theirs: &[&str],
    diags: &mut Diagnostics,
) {
    let ours = mine.own.len();
    if ours == theirs.len() {
        return;
    }
    let name = original
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    let count = |n: usize| match n {
        0 => "no section".to_string(),
        1 => "1 section".to_string(),
        n => format!("{n} sections"),
    };
    let listed = if theirs.is_empty() {
        String::new()
    } else {
        let headings: Vec<String> = theirs.iter().map(|t| format!("`## {t}`")).collect();
        format!(" ({})", headings.join(", "))
    };
    diags.push(
        Diagnostic::error(format!(
            "this translation has {} of the clinic's own, and its original `{name}` has {}{listed}; a translation's sections are matched to the original's by their order, so both need the same number.",
            count(ours),
            count(theirs.len()),
        ))
        .in_file(path)
        .hint(format!(
            "translate each section of the clinic's own in `{}` under a heading in this file's language, in the same order, and add no others.",
            original.display()
        )),
    );
}

/// The variant's own sections, completed from the procedure's, in the theme's order with the
/// clinic's own sections where they were written. A `required` section in neither file is an
/// error; an optional one is left out.
fn inherit(
    mut own: SectionMap,
    shared: Option<&SectionMap>,
    required: &[String],
    file: &SourceFile,
    context: &VariantContext<'_>,
    diags: &mut Diagnostics,
) -> Option<Sections> {
    let procedure_file = match context.original {
        None => file.path.with_file_name(PROCEDURE_FILE),
        Some(_) => file
            .path
            .with_file_name(format!("_procedure.{}.md", context.lang)),
    };
    let labels = context.labels;
    let mut ok = true;
    // The procedure's own sections that the variant does not give itself, then the variant's.
    let owns: Vec<(&sections::Own, bool)> = shared
        .map_or(&[][..], |s| s.own.as_slice())
        .iter()
        .filter(|o| !own.own.iter().any(|mine| mine.normalised == o.normalised))
        .map(|o| (o, true))
        .chain(own.own.iter().map(|o| (o, false)))
        .collect();
    let mut out = Vec::new();
    let mut ids: Vec<String> = labels.standard().map(|s| s.key.clone()).collect();
    let mut place = |after: Option<&str>, out: &mut Vec<Section>, ok: &mut bool| {
        for (o, inherited) in owns.iter().filter(|(o, _)| o.after.as_deref() == after) {
            let Some(content) = o.content.clone() else {
                *ok = false;
                continue;
            };
            let key = unique_id(&o.title, &mut ids);
            out.push(Section {
                key,
                own: true,
                title: o.title.clone(),
                shape: o.shape,
                style: "own".to_string(),
                inherited: *inherited,
                content,
            });
        }
    };
    place(None, &mut out, &mut ok);
    for standard in labels.standard() {
        let key = standard.key.as_str();
        let taken = match own.standard.remove(key) {
            Some(c) => Some(c.map(|c| (c, false))),
            None => shared
                .and_then(|s| s.standard.get(key))
                .map(|c| c.clone().map(|c| (c, true))),
        };
        match taken {
            Some(Some((content, inherited))) => out.push(Section {
                key: key.to_string(),
                own: false,
                title: labels.section_title(key).to_string(),
                shape: standard.shape,
                style: standard.style.clone(),
                inherited,
                content,
            }),
            // Written but wrong: already reported.
            Some(None) => ok = false,
            None if required.iter().any(|r| r == key) => {
                ok = false;
                let heading = labels.section_title(key);
                diags.push(
                    Diagnostic::error(format!("the section `## {heading}` is missing."))
                        .in_file(&file.path)
                        .hint(format!("add a `## {heading}` section to this file, or to `{}` so every variant of the procedure shares it.", procedure_file.display())),
                );
            }
            None => {}
        }
        place(Some(key), &mut out, &mut ok);
    }
    // A translation's own sections take the ids of its original's, by their order.
    if let Some(original) = context.original {
        let theirs: Vec<&str> = original
            .sections
            .iter()
            .filter(|s| s.own)
            .map(|s| s.key.as_str())
            .collect();
        let mine: Vec<&mut Section> = out.iter_mut().filter(|s| s.own).collect();
        if mine.len() == theirs.len() {
            for (section, id) in mine.into_iter().zip(theirs) {
                section.key = id.to_string();
            }
        }
    }
    ok.then_some(Sections(out))
}

/// A web anchor for a section of the clinic's own titled `title`, unlike every id in `taken`
/// (which it joins): its words in lowercase ASCII with `-` between them.
fn unique_id(title: &str, taken: &mut Vec<String>) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = title
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    let mut base = Slug::suggest(&folded);
    if base == "procedure-name" || base.is_empty() {
        // A heading without Latin letters (Chinese, Arabic …): its place among the sections.
        base = format!("section-{}", taken.len() + 1);
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}
