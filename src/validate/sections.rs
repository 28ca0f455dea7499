//! A body's `##` sections: which standard section each heading names (or that it is one of the
//! clinic's own), and whether its content has the shape that section needs (points, a timeline of
//! labelled stages, questions with answers). The shapes come from the theme's `sections.yaml`.

use crate::diag::{Diagnostic, Diagnostics};
use crate::labels::{normalise_heading, Labels};
use crate::markdown::{self, Located, MdBlock, MdList};
use crate::model::{
    plain_text, Block, Callout, Content, Faq, FaqEntry, Figure, Inline, Points, Shape, Stage,
    Timeline,
};
use crate::section_table::Standard;
use std::collections::BTreeMap;
use std::path::Path;

/// A section of the clinic's own, as one file gives it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Own {
    /// The heading as written.
    pub title: String,
    /// The heading as matched against another file's (case, accents and spacing set aside).
    pub normalised: String,
    /// The key of the standard section written before it in the file; `None` when it comes first.
    pub after: Option<String>,
    /// Prose, or a list section when its body is one list.
    pub shape: Shape,
    /// Its content; `None` when it has problems (already reported).
    pub content: Option<Content>,
}

/// The sections one file provides. A standard section mapped to `None` is one the file tried to
/// give but got wrong (already reported), so it is not reported again as missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SectionMap {
    /// Standard sections by key.
    pub standard: BTreeMap<String, Option<Content>>,
    /// Sections of the clinic's own, in file order.
    pub own: Vec<Own>,
}

impl SectionMap {
    /// Every section's content, to rewrite links in.
    pub(crate) fn contents_mut(&mut self) -> impl Iterator<Item = &mut Content> {
        self.standard
            .values_mut()
            .flatten()
            .chain(self.own.iter_mut().filter_map(|o| o.content.as_mut()))
    }
}

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

    /// The title of the first standard section, for hints that name one.
    fn first_title(&self) -> &str {
        self.labels
            .standard()
            .next()
            .map_or("", |s| self.labels.section_title(&s.key))
    }
}

/// The most items a list may have: a printed handout has room for a few dozen at most.
pub(crate) const MAX_LIST_ITEMS: usize = 500;
/// The longest heading or question, in characters.
pub(crate) const MAX_HEADING_CHARS: usize = 200;
/// How many letters a heading may differ from a section's name and still be taken for a typo of
/// it rather than a section of the clinic's own.
pub(crate) const NEAR_MISS: usize = 2;

/// What a `##` heading names.
enum Named<'l> {
    /// A standard section, by its title or an alias.
    Standard(&'l Standard),
    /// Almost a standard section's name: a typo (reported).
    NearMiss(&'l Standard),
    /// A section of the clinic's own.
    Own,
}

/// What `heading` names in the file's language.
fn named<'l>(heading: &str, labels: &'l Labels) -> Named<'l> {
    if let Some(standard) = labels.section_of(heading) {
        return Named::Standard(standard);
    }
    let wanted = loose(heading);
    labels
        .all_headings()
        .into_iter()
        .map(|(name, standard)| {
            (
                strsim::damerau_levenshtein(&loose(&name), &wanted),
                standard,
            )
        })
        .filter(|(distance, _)| *distance <= NEAR_MISS)
        .min_by_key(|(distance, _)| *distance)
        .map_or(Named::Own, |(_, standard)| Named::NearMiss(standard))
}

/// A heading as the near-miss rule compares it: case, accents and punctuation set aside.
fn loose(heading: &str) -> String {
    let normalised = normalise_heading(heading);
    let kept: String = normalised
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the sections of a body. Problems are reported; sections with problems are left out.
pub(crate) fn sections(body: &Body<'_>, diags: &mut Diagnostics) -> SectionMap {
    let (chunks, problems) = markdown::chunks(&body.markdown, body.allowed_html);
    for p in problems {
        diags.push(body.error(p.offset, p.message, p.hint));
    }
    let mut found = SectionMap::default();
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    let mut last_standard: Option<String> = None;
    for chunk in chunks {
        let Some(heading) = chunk.heading else {
            if let Some(first) = chunk.blocks.first() {
                diags.push(body.error(
                    first.offset,
                    "this text comes before the first `##` section heading, so it would not be shown.",
                    format!(
                        "move it under one of the section headings, such as `## {}`.",
                        body.first_title()
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
        let line = crate::diag::Location::from_offset(body.text, body.offset + heading.offset).line;
        let standard = match named(&heading.value, body.labels) {
            Named::Standard(standard) => standard,
            Named::NearMiss(standard) => {
                found.standard.entry(standard.key.clone()).or_insert(None);
                let valid: Vec<&str> = body
                    .labels
                    .standard()
                    .map(|s| body.labels.section_title(&s.key))
                    .collect();
                diags.push(body.error(
                    heading.offset,
                    format!(
                        "`## {}` is not one of the handout's sections.",
                        heading.value
                    ),
                    format!(
                        "did you mean `## {}`? The sections are: {}.",
                        body.labels.section_title(&standard.key),
                        valid.join(", ")
                    ),
                ));
                continue;
            }
            Named::Own => {
                let normalised = normalise_heading(&heading.value);
                let key = format!("own:{normalised}");
                if let Some(first) = first_line.get(&key) {
                    diags.push(body.error(
                        heading.offset,
                        format!(
                            "the `{}` section appears twice; the first is on line {first}.",
                            heading.value
                        ),
                        "merge the two into one section and delete this heading.",
                    ));
                    continue;
                }
                first_line.insert(key, line);
                if chunk.blocks.is_empty() {
                    diags.push(body.error(
                        heading.offset,
                        format!("the `{}` section is empty.", heading.value),
                        "write its text under the heading, or delete the heading.",
                    ));
                    continue;
                }
                let (shape, content) = own(chunk.blocks, body, diags);
                found.own.push(Own {
                    title: heading.value.clone(),
                    normalised,
                    after: last_standard.clone(),
                    shape,
                    content,
                });
                continue;
            }
        };
        let key = standard.key.clone();
        let title = body.labels.section_title(&key);
        last_standard = Some(key.clone());
        if let Some(first) = first_line.get(&key) {
            diags.push(body.error(
                heading.offset,
                format!("the `{title}` section appears twice; the first is on line {first}."),
                "merge the two into one section and delete this heading.",
            ));
            continue;
        }
        first_line.insert(key.clone(), line);
        found.standard.insert(key.clone(), None);
        if chunk.blocks.is_empty() {
            diags.push(body.error(
                heading.offset,
                format!("the `{title}` section is empty."),
                "write its text under the heading, or delete the heading to use the procedure's shared section.",
            ));
            continue;
        }
        let content = shape(standard.shape, title, &heading, chunk.blocks, body, diags);
        found.standard.insert(key, content);
    }
    found
}

/// A section of the clinic's own: prose, or a list section when its body is one list.
fn own(
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> (Shape, Option<Content>) {
    if too_long(&blocks, "", body, diags) {
        return (Shape::Prose, None);
    }
    let one_list = matches!(
        blocks.as_slice(),
        [Located {
            value: MdBlock::List(_),
            ..
        }]
    );
    let mut ok = true;
    let mut out = Vec::new();
    for b in blocks {
        match to_block(b, body, diags) {
            Some(b) => out.push(b),
            None => ok = false,
        }
    }
    if one_list {
        (
            Shape::List,
            ok.then_some(Content::Points(Points {
                blocks: out,
                figures: Vec::new(),
            })),
        )
    } else {
        (Shape::Prose, ok.then_some(Content::Prose(out)))
    }
}

/// Whether a list among `blocks` has more items than a handout can hold (reported).
fn too_long(
    blocks: &[Located<MdBlock>],
    title: &str,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> bool {
    let Some((offset, n)) = blocks.iter().find_map(|b| match &b.value {
        MdBlock::List(l) if l.items.len() > MAX_LIST_ITEMS => Some((b.offset, l.items.len())),
        _ => None,
    }) else {
        return false;
    };
    let message = if title.is_empty() {
        format!("this list has {n} items; a list may have at most {MAX_LIST_ITEMS}.")
    } else {
        format!("this list in the `{title}` section has {n} items; a list may have at most {MAX_LIST_ITEMS}.")
    };
    diags.push(body.error(
        offset,
        message,
        "keep the points a patient needs; a handout has room for a few dozen at most.",
    ));
    true
}

/// A standard section's content, checked against its `shape`.
fn shape(
    shape: Shape,
    title: &str,
    heading: &Located<String>,
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<Content> {
    if too_long(&blocks, title, body, diags) {
        return None;
    }
    match shape {
        Shape::Prose => {
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
        Shape::Timeline => {
            let (intro, items, figures) = intro_and_list(title, heading, blocks, body, diags)?;
            let mut stages = Vec::new();
            let mut ok = true;
            for item in items {
                if let Some(nested) = &item.value.nested {
                    ok = false;
                    let at = nested.items.first().map_or(item.offset, |i| i.offset);
                    diags.push(body.error(
                        at,
                        "a stage of the recovery timeline cannot have a list inside it.",
                        "write the stage as a sentence or two, or move the details to a section of prose.",
                    ));
                    continue;
                }
                match stage(item.value.text) {
                    Some(s) => stages.push(s),
                    None => diags.push(body.error(
                        item.offset,
                        "each stage of the recovery timeline must start with a bold label.",
                        "start the item with the time in bold and a colon, for example `- **Days 1–3:** redness like a mild sunburn`.",
                    )),
                }
            }
            ok.then_some(Content::Timeline(Timeline {
                intro,
                stages,
                figures,
            }))
        }
        Shape::List | Shape::Checklist | Shape::Do | Shape::Dont | Shape::Call => {
            points(title, heading, blocks, body, diags).map(Content::Points)
        }
        Shape::Faq => faq(blocks, heading, body, diags).map(Content::Faq),
    }
}

/// A list section: paragraphs, lists and callouts in any order (at least one list), and its
/// pictures, which are shown after them.
fn points(
    title: &str,
    heading: &Located<String>,
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<Points> {
    let mut out = Vec::new();
    let mut figures = Vec::new();
    let mut ok = true;
    let mut lists = 0;
    for block in blocks {
        match block.value {
            MdBlock::Figure { src, alt, caption } => {
                ok &= push_figure(
                    &mut figures,
                    (&src, alt, caption),
                    block.offset,
                    body,
                    diags,
                );
            }
            MdBlock::List(list) => {
                lists += 1;
                ok &= no_empty_items(&list, body, diags);
                out.push(Block::List(list.to_model()));
            }
            MdBlock::Subheading(_) | MdBlock::Table(_) => {
                ok = false;
                diags.push(body.error(
                    block.offset,
                    format!("the `{title}` section is a list of points; a subheading or a table cannot be in it."),
                    "make it a paragraph or a list item, or move it to a section of prose such as a section of your own.",
                ));
            }
            other => match to_block(
                Located {
                    offset: block.offset,
                    value: other,
                },
                body,
                diags,
            ) {
                Some(b) => out.push(b),
                None => ok = false,
            },
        }
    }
    if lists == 0 {
        diags.push(no_list_items(title, heading, body));
        return None;
    }
    ok.then_some(Points {
        blocks: out,
        figures,
    })
}

/// The error for a list section (titled `title`, headed at `heading`) without a list.
fn no_list_items(title: &str, heading: &Located<String>, body: &Body<'_>) -> Diagnostic {
    body.error(
        heading.offset,
        format!("the `{title}` section has no list items."),
        "write each point on its own line starting with `- `.",
    )
}

/// Reports every empty item of `list` and of the lists nested in it; whether there was none.
fn no_empty_items(list: &MdList, body: &Body<'_>, diags: &mut Diagnostics) -> bool {
    let mut ok = true;
    for item in &list.items {
        let empty = plain_text(&item.value.text).trim().is_empty()
            && !item
                .value
                .text
                .iter()
                .any(|i| matches!(i, Inline::Blank(_)));
        if empty && item.value.nested.is_none() {
            ok = false;
            diags.push(body.error(
                item.offset,
                "this list item is empty.",
                "write the point after the `- `, or delete the line.",
            ));
        }
        if let Some(nested) = &item.value.nested {
            ok &= no_empty_items(nested, body, diags);
        }
    }
    ok
}

/// Lead-in paragraphs, the list's items (each with its offset) and the section's pictures.
type IntroAndList = (
    Vec<Vec<Inline>>,
    Vec<Located<markdown::MdItem>>,
    Vec<Figure>,
);

/// Lead-in paragraphs, then exactly one non-empty list; pictures may stand before or after it (they
/// are shown after it). The recovery timeline's shape.
fn intro_and_list(
    title: &str,
    heading: &Located<String>,
    blocks: Vec<Located<MdBlock>>,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> Option<IntroAndList> {
    let mut intro = Vec::new();
    let mut figures = Vec::new();
    let mut list: Option<MdList> = None;
    let mut ok = true;
    for block in blocks {
        match (block.value, &list) {
            (MdBlock::Figure { src, alt, caption }, _) => {
                ok &= push_figure(
                    &mut figures,
                    (&src, alt, caption),
                    block.offset,
                    body,
                    diags,
                );
            }
            (MdBlock::Paragraph(p), None) => intro.push(p),
            (MdBlock::List(l), None) => list = Some(l),
            (_, _) => {
                ok = false;
                diags.push(body.error(
                    block.offset,
                    format!("the `{title}` section must be one list; this comes after the list or is a subheading."),
                    "make it another `- ` item of the list, or move it to another section.",
                ));
            }
        }
    }
    let Some(list) = list else {
        diags.push(no_list_items(title, heading, body));
        return None;
    };
    ok &= no_empty_items(&list, body, diags);
    ok.then_some((intro, list.items, figures))
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
        MdBlock::List(list) => Block::List(list.to_model()),
        MdBlock::Figure { src, alt, caption } => {
            Block::Figure(figure(&src, alt, caption, block.offset, body, diags)?)
        }
        MdBlock::Table(table) => Block::Table(table),
        MdBlock::Callout { kind, blocks } => {
            let mut ok = true;
            let mut out = Vec::new();
            for b in blocks {
                match to_block(b, body, diags) {
                    Some(b) => out.push(b),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            Block::Callout(Callout { kind, blocks: out })
        }
    })
}

/// Checks the picture written at `offset` and adds it to `figures`; whether it could be shown.
fn push_figure(
    figures: &mut Vec<Figure>,
    (src, alt, caption): (&str, String, Vec<Inline>),
    offset: usize,
    body: &Body<'_>,
    diags: &mut Diagnostics,
) -> bool {
    match figure(src, alt, caption, offset, body, diags) {
        Some(f) => {
            figures.push(f);
            true
        }
        None => false,
    }
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
        let key = |h: &str| en.section_of(h).map(|s| s.key.as_str());
        assert_eq!(key("DON\u{2019}TS"), Some("dont"));
        assert_eq!(key("  When to call us: "), Some("when-to-call"));
        assert_eq!(key("Questions"), Some("faq"));
        assert_eq!(key("Do's"), Some("do"));
        assert_eq!(key("FAQs"), Some("faq"));
        assert_eq!(key("Risk"), Some("risks"));
        assert_eq!(key("How to prepare"), Some("before-your-visit"));
        assert_eq!(key("Aftercare"), None);
    }

    #[test]
    fn near_misses_are_typos_and_far_headings_are_the_clinics_own() {
        let theme = crate::theme::Theme::load(None).unwrap_or_else(|d| panic!("{d}"));
        let en = theme
            .labels(crate::edition::Lang::EN)
            .unwrap_or_else(|| panic!("en"));
        let near = |h: &str| match named(h, en) {
            Named::NearMiss(s) => Some(s.key.clone()),
            _ => None,
        };
        assert_eq!(
            near("Recovry timeline").as_deref(),
            Some("recovery-timeline")
        );
        assert_eq!(near("When to cal us").as_deref(), Some("when-to-call"));
        assert_eq!(near("When-to call us!").as_deref(), Some("when-to-call"));
        for own in ["Before your peel", "Day of treatment", "Aftercare", "Costs"] {
            assert!(matches!(named(own, en), Named::Own), "{own}");
        }
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
