//! Plain-language checks: how hard each handout is to read, sentences and list items that run
//! long, and jargon with a plainer word, each pointed at its line and column in the Markdown.
//!
//! Patient materials should read at a 6th–8th grade level (AMA, NIH and CDC guidance). The text
//! checks run where the Markdown is parsed, once per file: a section a variant inherits is checked
//! in the `_procedure.md` that holds it, not again for every variant. The grade is a property of
//! the whole handout (the formulas are made for samples of a hundred words or more; one short
//! section swings by grades on a single word), so it is checked per variant, at the heading of the
//! section that reads hardest. The results also go into the model ([`Reading`]) for the clinic
//! manager's report. All of them are warnings, which `--strict` makes errors.
//!
//! A handout whose text may not be changed (a federal vaccine statement must be handed out as
//! published) says so with `plain_language_exempt:` and the reason; it is still measured for the
//! report, but none of these warnings is given for it.

mod findings;
mod prose;

use crate::diag::{Diagnostic, Diagnostics};
use crate::labels::normalise_heading;
use crate::model::{Reading, Section, Sections};
use crate::validate::fields::Fields;
use crate::validate::sections::Body;
use findings::{MAX_ITEM_WORDS, MAX_SENTENCE_WORDS};
use handouts_readability::{self as readability, Report};
use prose::UnitKind;
use std::collections::BTreeMap;

/// What the checks found in one section of one file.
#[derive(Clone, Debug, PartialEq)]
struct SectionReading {
    /// The heading as written.
    title: String,
    /// An empty warning pointing at the heading, for a grade warning about this section.
    heading: Diagnostic,
    /// Words, sentences and syllables of its prose.
    counts: Report,
    /// Its plain-language warnings.
    warnings: Vec<Diagnostic>,
}

/// What the checks found in one file, by section.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct FileReading {
    /// `None` when the file's language has no readability rules (only English and Spanish do).
    sections: Option<BTreeMap<String, SectionReading>>,
}

/// What a handout's grade is checked against.
pub(crate) struct Limit<'a> {
    /// The variant's file name, for the message.
    pub handout: &'a str,
    /// The clinic's `max_grade`.
    pub max_grade: f64,
    /// Why the handout is exempt from the plain-language checks, when it is: then it gets no
    /// grade warning, and its reading lists no warnings.
    pub exempt: Option<&'a str>,
}

/// The front-matter key of a variant or `_procedure.md` that exempts it from these checks.
pub(crate) const EXEMPT_KEY: &str = "plain_language_exempt";

/// The reason a file gives with `plain_language_exempt:`, if it sets the key. A reason is text;
/// an empty one, or a bare yes or no, is an error at the key's line.
pub(crate) fn exemption(fields: &Fields<'_>, diags: &mut Diagnostics) -> Option<String> {
    const EXAMPLE: &str = "federal vaccine statement, must be used unaltered (42 U.S.C. 300aa-26)";
    if !fields.has(EXEMPT_KEY) {
        return None;
    }
    // A list or a group of keys is reported by the text reading itself.
    let mut problems = Diagnostics::new();
    let reason = fields.text(EXEMPT_KEY, false, EXAMPLE, &mut problems);
    let is_flag =
        |r: &str| ["true", "false", "yes", "no", "on", "off"].contains(&r.to_lowercase().as_str());
    let problem = match reason.as_deref() {
        None if problems.is_empty() => Some(format!(
            "`{EXEMPT_KEY}` is empty; it must give the reason this handout is exempt from the plain-language checks."
        )),
        Some(r) if is_flag(r) => Some(format!(
            "`{EXEMPT_KEY}` must give the reason this handout is exempt from the plain-language checks, not `{r}`."
        )),
        _ => None,
    };
    diags.extend(problems);
    if let Some(message) = problem {
        diags.push(fields.problem(
            EXEMPT_KEY,
            message,
            format!("write the reason, for example `{EXEMPT_KEY}: {EXAMPLE}`, or delete the line to check the handout."),
        ));
        return None;
    }
    reason
}

/// The fewest words a section needs for its own grade to mean something when the hardest section
/// of a handout is picked; below it, a grade swings by whole grades on one long word.
const MIN_SAMPLE_WORDS: usize = 30;

/// The readability rules for a language, if there are any.
fn rules_for(lang: crate::model::Lang) -> Option<readability::Lang> {
    match lang.as_str() {
        "en" => Some(readability::Lang::En),
        "es" => Some(readability::Lang::Es),
        _ => None,
    }
}

/// Measures and checks the prose of `body`; every warning is also added to `diags`, unless the
/// file is `exempt` from the checks: then it is measured only.
pub(crate) fn read(body: &Body<'_>, exempt: bool, diags: &mut Diagnostics) -> FileReading {
    let Some(lang) = rules_for(body.labels.lang) else {
        return FileReading::default();
    };
    let mut sections: BTreeMap<String, SectionReading> = BTreeMap::new();
    for part in prose::parts(&body.markdown, body.offset) {
        // A heading that names no standard section heads one of the clinic's own, measured as
        // prose like the others (a near miss is an error of its own, never published).
        let kind = reading_key(
            body.labels
                .section_of(&part.heading)
                .map(|s| s.key.as_str()),
            &part.heading,
        );
        let texts: Vec<&str> = part.units.iter().map(|u| u.text.as_str()).collect();
        let counts = readability::measure(&texts, lang);
        let mut warnings = Vec::new();
        for unit in &part.units {
            let sentences = readability::sentences(&unit.text);
            let words: usize = sentences.iter().map(|s| s.words.len()).sum();
            if unit.kind == UnitKind::ListItem && words > MAX_ITEM_WORDS {
                // Splitting the item fixes its long sentences too: one warning, not two.
                let start = sentences.first().map_or(0, |s| s.start);
                warnings.push(findings::long_item(body, unit.source_offset(start), words));
            } else {
                for s in sentences
                    .iter()
                    .filter(|s| s.words.len() > MAX_SENTENCE_WORDS)
                {
                    let offset = unit.source_offset(s.start);
                    warnings.push(findings::long_sentence(body, offset, s.words.len()));
                }
            }
            // A link's text names a page as it is called, like a proper name.
            for hit in readability::jargon(&unit.text, lang)
                .into_iter()
                .filter(|hit| !unit.in_link(hit.start))
            {
                let offset = unit.source_offset(hit.start);
                warnings.push(findings::jargon(body, offset, hit.text, hit.plain));
            }
        }
        if exempt {
            warnings.clear();
        }
        for w in &warnings {
            diags.push(w.clone());
        }
        // A section written twice is an error already; its halves are still counted once each.
        match sections.get_mut(&kind) {
            Some(earlier) => {
                earlier.counts = sum(&earlier.counts, &counts);
                earlier.warnings.extend(warnings);
            }
            None => {
                let heading = findings::at(body, part.heading_offset);
                let title = part.heading;
                sections.insert(
                    kind,
                    SectionReading {
                        title,
                        heading,
                        counts,
                        warnings,
                    },
                );
            }
        }
    }
    FileReading {
        sections: Some(sections),
    }
}

impl FileReading {
    /// The reading of the variant whose own file this is: each of its `sections` measured in the
    /// file it is written in, this one or (for an inherited section) the procedure's, `shared`. A
    /// grade above the `limit` is warned about here, and added to `diags`.
    pub(crate) fn resolve(
        &self,
        shared: Option<&FileReading>,
        sections: &Sections,
        limit: &Limit<'_>,
        diags: &mut Diagnostics,
    ) -> Reading {
        let exempt = limit.exempt.map(str::to_string);
        let Some(own) = &self.sections else {
            return Reading {
                exempt,
                ..Reading::default()
            };
        };
        let shown: Vec<&SectionReading> = sections
            .iter()
            .filter_map(|section| {
                let from = if section.inherited {
                    shared.and_then(|s| s.sections.as_ref())
                } else {
                    Some(own)
                };
                from.and_then(|s| s.get(&section_key(section)))
            })
            .collect();
        let Some(counts) = shown.iter().map(|s| s.counts).reduce(|a, b| sum(&a, &b)) else {
            return Reading {
                exempt,
                ..Reading::default()
            };
        };
        if exempt.is_some() {
            return Reading {
                counts: Some(counts),
                warnings: Vec::new(),
                exempt,
            };
        }
        let mut warnings = Vec::new();
        if let Some(hardest) = hardest(&shown) {
            let grade = findings::Grade {
                handout: limit.handout,
                counts: &counts,
                section: &hardest.title,
                section_counts: &hardest.counts,
                max_grade: limit.max_grade,
            };
            if let Some(w) = findings::grade(hardest.heading.clone(), &grade) {
                diags.push(w.clone());
                warnings.push(w);
            }
        }
        warnings.extend(shown.iter().flat_map(|s| s.warnings.iter().cloned()));
        Reading {
            counts: Some(counts),
            warnings,
            exempt,
        }
    }
}

/// The section to point a grade warning at: the hardest to read among those long enough for a
/// grade to mean something, else simply the longest.
fn hardest<'a>(shown: &[&'a SectionReading]) -> Option<&'a SectionReading> {
    let sampled = shown
        .iter()
        .filter(|s| s.counts.words >= MIN_SAMPLE_WORDS)
        .max_by(|a, b| {
            a.counts
                .grade_corrected()
                .total_cmp(&b.counts.grade_corrected())
        });
    sampled
        .or_else(|| shown.iter().max_by_key(|s| s.counts.words))
        .copied()
}

/// The key a file's reading of a section is kept under: a standard section's key, or the heading
/// of one of the clinic's own (set apart from keys, as the file writes it).
fn reading_key(standard: Option<&str>, heading: &str) -> String {
    match standard {
        Some(key) => key.to_string(),
        None => format!("own:{}", normalise_heading(heading)),
    }
}

/// The key of a checked section's reading in the file it was written in.
fn section_key(section: &Section) -> String {
    reading_key(
        (!section.own).then_some(section.key.as_str()),
        &section.title,
    )
}

/// The counts of two texts read as one (every score is a ratio of these sums).
fn sum(a: &Report, b: &Report) -> Report {
    Report {
        lang: a.lang,
        words: a.words + b.words,
        sentences: a.sentences + b.sentences,
        syllables: a.syllables + b.syllables,
        polysyllables: a.polysyllables + b.polysyllables,
    }
}

#[cfg(test)]
mod tests;
