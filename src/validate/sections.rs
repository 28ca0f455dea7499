//! A body's `##` sections: which of the eight each heading names, and whether its content has the
//! shape that section needs (a list of points, a timeline of labelled stages, questions with answers).

use crate::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::labels::{normalise_heading, Labels};
use crate::markdown::{self, Located, MdBlock};
use crate::model::{
    plain_text, Block, Faq, FaqEntry, Figure, Inline, Points, SectionKind, Stage, Timeline,
};
use std::collections::BTreeMap;
use std::path::Path;

/// One section's content, shaped for its kind.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Content {
    /// Free text.
    Prose(Vec<Block>),
    /// A bullet list with an optional lead-in.
    Points(Points),
    /// Labelled stages.
    Timeline(Timeline),
    /// Questions and answers.
    Faq(Faq),
}

/// The sections one file provides, by kind. `None` marks a section the file tried to give but
/// got wrong (already reported), so it is not reported again as missing.
pub(crate) type SectionMap = BTreeMap<SectionKind, Option<Content>>;

/// Where the body sits in its file, for turning offsets into locations.
pub(crate) struct Body<'a> {
    /// The file, for messages.
    pub file: &'a Path,
    /// The whole file's text.
    pub text: &'a str,
    /// The Markdown body, parsed once for every check that reads it.
    pub markdown: markdown::Parsed<'a>,
    /// Byte offset of the body in the file.
    pub offset: usize,
    /// Raw HTML tags the clinic allows.
    pub allowed_html: &'a [String],
    /// The file's language's labels: which headings name which section.
    pub labels: &'a Labels,
    /// Where pictures are read and checked.
    pub images: &'a crate::validate::images::Images,
}

impl Body<'_> {
    fn error(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(message)
            .in_file(self.file)
            .at_offset(self.text, self.offset + offset)
            .hint(hint)
    }
}

/// The most items a list may have: a printed handout has room for a few dozen at most.
pub(crate) const MAX_LIST_ITEMS: usize = 500;
/// The longest heading or question, in characters.
pub(crate) const MAX_HEADING_CHARS: usize = 200;

/// Reads the sections of a body. Problems are reported; sections with problems are left out.
pub(crate) fn sections(body: &Body<'_>, diags: &mut Diagnostics) -> SectionMap {
    let (chunks, problems) = markdown::chunks(&body.markdown, body.allowed_html);
    for p in problems {
        diags.push(body.error(p.offset, p.message, p.hint));
    }
    let mut found: SectionMap = BTreeMap::new();
    let mut first_line: BTreeMap<SectionKind, usize> = BTreeMap::new();
    for chunk in chunks {
        let Some(heading) = chunk.heading else {
            if let Some(first) = chunk.blocks.first() {
                diags.push(body.error(
                    first.offset,
                    "this text comes before the first `##` section heading, so it would not be shown.",
                    format!(
                        "move it under one of the section headings, such as `## {}`.",
                        body.labels.section_title(SectionKind::WhatItIs)
                    ),
                ));
            }
            continue;
        };
        if heading.value.chars().count() > MAX_HEADING_CHARS {
            diags.push(body.error(
                heading.offset,
                format!("this heading is {} characters long; a heading may have at most {MAX_HEADING_CHARS}.", heading.value.chars().count()),
                "use one of the section headings; the text belongs under it.",
            ));
            continue;
        }
        let Some(kind) = body.labels.section_of(&heading.value) else {
            let valid: Vec<&str> = SectionKind::ALL
                .iter()
                .map(|k| body.labels.section_title(*k))
                .collect();
            let headings = body.labels.all_headings();
            let names: Vec<&str> = headings.iter().map(|(n, _)| n.as_str()).collect();
            let suggested = did_you_mean(&normalise_heading(&heading.value), &names)
                .and_then(|n| headings.iter().find(|(h, _)| h == n))
                .map(|(_, k)| *k);
            if let Some(k) = suggested {
                found.entry(k).or_insert(None);
            }
            let suggestion = suggested
                .map(|k| format!("did you mean `## {}`? ", body.labels.section_title(k)))
                .unwrap_or_default();
            diags.push(body.error(
                heading.offset,
                format!(
                    "`## {}` is not one of the handout's sections.",
                    heading.value
                ),
                format!("{suggestion}The sections are: {}.", valid.join(", ")),
            ));
            continue;
        };
        let line = crate::diag::Location::from_offset(body.text, body.offset + heading.offset).line;
        if let Some(first) = first_line.get(&kind) {
            diags.push(body.error(
                heading.offset,
                format!(
                    "the `{}` section appears twice; the first is on line {first}.",
                    body.labels.section_title(kind)
                ),
                "merge the two into one section and delete this heading.",
            ));
            continue;
        }
        first_line.insert(kind, line);
        found.insert(kind, None);
        if chunk.blocks.is_empty() {
            diags.push(body.error(
                heading.offset,
                format!("the `{}` section is empty.", body.labels.section_title(kind)),
                "write its text under the heading, or delete the heading to use the procedure's shared section.",
            ));
            continue;
        }
        found.insert(kind, shape(kind, &heading, chunk.blocks, body, diags));
    }
    found
}

fn shape(
    kind: SectionKind,
    heading: &Located<String>,
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<Content> {
    if let Some(long) = blocks.iter().find_map(|b| match &b.value {
        MdBlock::List { items, .. } if items.len() > MAX_LIST_ITEMS => {
            Some((b.offset, items.len()))
        }
        _ => None,
    }) {
        diags.push(body.error(
            long.0,
            format!("this list in the `{}` section has {} items; a list may have at most {MAX_LIST_ITEMS}.", body.labels.section_title(kind), long.1),
            "keep the points a patient needs; a handout has room for a few dozen at most.",
        ));
        return None;
    }
    match kind {
        SectionKind::WhatItIs | SectionKind::WhatToExpect => {
            let mut ok = true;
            let mut out = Vec::new();
            for b in blocks {
                match to_block(b, body, diags) {
                    Some(b) => out.push(b),
                    None => ok = false,
                }
            }
            ok.then_some(Content::Prose(out))
        }
        SectionKind::RecoveryTimeline => {
            let (intro, items, figures) = intro_and_list(kind, heading, blocks, body, diags)?;
            let mut stages = Vec::new();
            for item in items {
                match stage(item.value) {
                    Some(s) => stages.push(s),
                    None => diags.push(body.error(
                        item.offset,
                        "each stage of the recovery timeline must start with a bold label.",
                        "start the item with the time in bold and a colon, for example `- **Days 1–3:** redness like a mild sunburn`.",
                    )),
                }
            }
            Some(Content::Timeline(Timeline {
                intro,
                stages,
                figures,
            }))
        }
        SectionKind::Dos | SectionKind::Donts | SectionKind::Risks | SectionKind::WhenToCall => {
            let (intro, items, figures) = intro_and_list(kind, heading, blocks, body, diags)?;
            Some(Content::Points(Points {
                intro,
                items: items.into_iter().map(|i| i.value).collect(),
                figures,
            }))
        }
        SectionKind::Faq => faq(blocks, heading, body, diags).map(Content::Faq),
    }
}

/// Lead-in paragraphs, the list's items (each with its offset) and the section's pictures.
type IntroAndList = (Vec<Vec<Inline>>, Vec<Located<Vec<Inline>>>, Vec<Figure>);

/// Lead-in paragraphs, then exactly one non-empty list; pictures may stand before or after it (they
/// are shown after it).
fn intro_and_list(
    kind: SectionKind,
    heading: &Located<String>,
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<IntroAndList> {
    let mut intro = Vec::new();
    let mut figures = Vec::new();
    let mut list: Option<Vec<Located<Vec<Inline>>>> = None;
    let mut ok = true;
    for block in blocks {
        match (block.value, &list) {
            (MdBlock::Figure { src, alt, caption }, _) => {
                match figure(&src, alt, caption, block.offset, body, diags) {
                    Some(f) => figures.push(f),
                    None => ok = false,
                }
            }
            (MdBlock::Paragraph(p), None) => intro.push(p),
            (MdBlock::List { items, .. }, None) => list = Some(items),
            (_, _) => {
                ok = false;
                diags.push(body.error(
                    block.offset,
                    format!("the `{}` section must be one list; this comes after the list or is a subheading.", body.labels.section_title(kind)),
                    "make it another `- ` item of the list, or move it to another section.",
                ));
            }
        }
    }
    let Some(items) = list else {
        diags.push(body.error(
            heading.offset,
            format!(
                "the `{}` section has no list items.",
                body.labels.section_title(kind)
            ),
            "write each point on its own line starting with `- `.",
        ));
        return None;
    };
    for item in &items {
        if plain_text(&item.value).trim().is_empty() {
            ok = false;
            diags.push(body.error(
                item.offset,
                "this list item is empty.",
                "write the point after the `- `, or delete the line.",
            ));
        }
    }
    ok.then_some((intro, items, figures))
}

/// `**Label:** text` → a stage.
fn stage(mut item: Vec<Inline>) -> Option<Stage> {
    if item.is_empty() {
        return None;
    }
    let Inline::Strong(label) = item.remove(0) else {
        return None;
    };
    let mut label = plain_text(&label).trim().to_string();
    if label.ends_with(':') {
        label.pop();
    }
    let label = label.trim_end().to_string();
    if let Some(Inline::Text(t)) = item.first_mut() {
        *t = t
            .trim_start()
            .trim_start_matches(':')
            .trim_start()
            .to_string();
        if t.is_empty() {
            item.remove(0);
        }
    }
    (!label.is_empty() && !item.is_empty()).then_some(Stage { label, text: item })
}

fn faq(
    blocks: Vec<Located<MdBlock>>,
    heading: &Located<String>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<Faq> {
    let mut entries: Vec<(usize, FaqEntry)> = Vec::new();
    let mut ok = true;
    for block in blocks {
        match block.value {
            MdBlock::Subheading(q) if plain_text(&q).chars().count() > MAX_HEADING_CHARS => {
                ok = false;
                diags.push(body.error(
                    block.offset,
                    format!("this question is {} characters long; a question may have at most {MAX_HEADING_CHARS}.", plain_text(&q).chars().count()),
                    "shorten the question; the details belong in its answer.",
                ));
                // Keep it as a question so its answer is not reported again as stray text.
                entries.push((
                    block.offset,
                    FaqEntry {
                        question: String::new(),
                        answer: Vec::new(),
                    },
                ));
            }
            MdBlock::Subheading(q) => entries.push((
                block.offset,
                FaqEntry {
                    question: plain_text(&super::quotes::inlines(q)).trim().to_string(),
                    answer: Vec::new(),
                },
            )),
            other => match entries.last_mut() {
                Some((_, entry)) => match to_block(
                    Located {
                        offset: block.offset,
                        value: other,
                    },
                    body,
                    diags,
                ) {
                    Some(b) => entry.answer.push(b),
                    None => ok = false,
                },
                None => {
                    ok = false;
                    diags.push(body.error(
                        block.offset,
                        "this FAQ text comes before the first question.",
                        "put each question on its own line starting with `### `, followed by its answer.",
                    ));
                }
            },
        }
    }
    if entries.is_empty() && ok {
        diags.push(body.error(
            heading.offset,
            "the FAQ has no questions.",
            "write each question as `### Question?` with its answer below it.",
        ));
        return None;
    }
    for (offset, entry) in &entries {
        if entry.answer.is_empty() && !entry.question.is_empty() {
            ok = false;
            diags.push(body.error(
                *offset,
                format!("the question `{}` has no answer.", entry.question),
                "write the answer as a paragraph under the question.",
            ));
        }
    }
    ok.then(|| Faq {
        entries: entries.into_iter().map(|(_, e)| e).collect(),
    })
}

/// A Markdown block as a model block; `None` for a picture that cannot be shown (reported).
fn to_block(block: Located<MdBlock>, body: &Body<'_>, diags: &mut Diagnostics) -> Option<Block> {
    Some(match block.value {
        MdBlock::Paragraph(p) => Block::Paragraph(p),
        MdBlock::Subheading(h) => Block::Subheading(super::quotes::inlines(h)),
        MdBlock::List { ordered, items } => Block::List {
            ordered,
            items: items.into_iter().map(|i| i.value).collect(),
        },
        MdBlock::Figure { src, alt, caption } => {
            Block::Figure(figure(&src, alt, caption, block.offset, body, diags)?)
        }
    })
}

/// The picture `src` written at `offset`, checked: it needs alt text, and a readable PNG or JPEG file.
fn figure(
    src: &str,
    alt: String,
    caption: Vec<Inline>,
    offset: usize,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<Figure> {
    let mut ok = true;
    if alt.is_empty() {
        ok = false;
        diags.push(body.error(
            offset,
            "this picture has no alt text. Alt text says in words what the picture shows, for patients who cannot see it: screen readers read it aloud, and browsers show it when the picture does not load.",
            format!("write a short description between the brackets, for example `![Skin on day 3: pink, like a mild sunburn]({})`.", src.trim()),
        ));
    }
    let image = match body.images.load(body.file, src) {
        Ok(image) => Some(image),
        Err((message, hint)) => {
            diags.push(body.error(offset, message, hint));
            None
        }
    };
    let image = image?;
    ok.then_some(Figure {
        image,
        alt,
        caption,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_whatever_the_case_and_apostrophe() {
        let theme = crate::theme::Theme::load(None).unwrap_or_else(|d| panic!("{d}"));
        let en = theme
            .labels(crate::edition::Lang::EN)
            .unwrap_or_else(|| panic!("en"));
        assert_eq!(en.section_of("DON\u{2019}TS"), Some(SectionKind::Donts));
        assert_eq!(
            en.section_of("  When to call us: "),
            Some(SectionKind::WhenToCall)
        );
        assert_eq!(en.section_of("Questions"), Some(SectionKind::Faq));
        assert_eq!(en.section_of("Do's"), Some(SectionKind::Dos));
        assert_eq!(en.section_of("Aftercare"), None);
    }

    #[test]
    fn a_timeline_stage_splits_its_bold_label() {
        let s = stage(vec![
            Inline::Strong(vec![Inline::Text("Days 1–3:".into())]),
            Inline::Text(" redness".into()),
        ])
        .unwrap();
        assert_eq!(s.label, "Days 1–3");
        assert_eq!(s.text, vec![Inline::Text("redness".into())]);
        assert!(stage(vec![Inline::Text("Days 1–3: redness".into())]).is_none());
    }
}
