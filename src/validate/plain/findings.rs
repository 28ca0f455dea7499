//! The plain-language warnings, worded for an editor: where the text is and what to do about it.
//!
//! Every one is a warning of the [`Lint::PlainLanguage`] family, so `--strict` can make it an error.

use crate::diag::{Diagnostic, Lint};
use crate::validate::sections::Body;
use handouts_readability::{Lang, Report};

/// The most words a sentence may have before it is flagged. Readers of health information lose
/// the thread of longer ones; plain-language guides put the limit between 20 and 25 words.
pub(super) const MAX_SENTENCE_WORDS: usize = 25;
/// The most words a list item may have: a point is read at a glance, so a little more than one
/// sentence's worth, no more.
pub(super) const MAX_ITEM_WORDS: usize = 30;

/// A plain-language warning at byte `offset` of the file, its message and fix still to write.
pub(super) fn at(body: &Body<'_>, offset: usize) -> Diagnostic {
    Diagnostic::warning(String::new())
        .in_file(body.file)
        .at_offset(body.text, offset)
        .lint(Lint::PlainLanguage)
}

/// A plain-language warning at byte `offset` of the file.
fn warning(body: &Body<'_>, offset: usize, message: String, hint: String) -> Diagnostic {
    Diagnostic {
        message,
        ..at(body, offset)
    }
    .hint(hint)
}

/// A score rounded to the one decimal it is shown with.
fn shown(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// What a grade warning says: the handout's grade and its hardest section's.
pub(super) struct Grade<'a> {
    /// The variant's file name.
    pub handout: &'a str,
    /// The counts over all the handout's sections.
    pub counts: &'a Report,
    /// The hardest section's heading.
    pub section: &'a str,
    /// Its counts.
    pub section_counts: &'a Report,
    /// The clinic's limit.
    pub max_grade: f64,
}

/// The handout reads above the limit: a warning at its hardest section's heading (`at`), or `None`.
pub(super) fn grade(at: Diagnostic, g: &Grade<'_>) -> Option<Diagnostic> {
    // Compared as shown, so "grade 8.0" is never reported as above 8.
    let grade = shown(g.counts.grade_corrected());
    if grade <= g.max_grade {
        return None;
    }
    let scores = match g.counts.lang {
        Lang::En => format!("Flesch–Kincaid; SMOG {:.1}", g.counts.smog()),
        Lang::Es => {
            let band = g.counts.inflesz_band().map_or("", |b| b.label());
            format!(
                "Fernández-Huerta {:.1} with Law's correction; INFLESZ {:.1}, “{band}”",
                g.counts.fernandez_huerta_corrected(),
                g.counts.inflesz()
            )
        }
    };
    let message = format!(
        "`{}` reads at grade {grade:.1} ({scores}), above the clinic's `max_grade` of {}; its hardest section is `{}`, at grade {:.1}.",
        g.handout,
        g.max_grade,
        g.section,
        shown(g.section_counts.grade_corrected()),
    );
    Some(Diagnostic { message, ..at }.hint(
        "start with this section: shorter sentences and everyday words; patient handouts should read at grade 6 to 8 (AMA, NIH and CDC guidance).",
    ))
}

/// A sentence of `words` words starts at `offset`.
pub(super) fn long_sentence(body: &Body<'_>, offset: usize, words: usize) -> Diagnostic {
    warning(
        body,
        offset,
        format!("this sentence has {words} words; a sentence of more than {MAX_SENTENCE_WORDS} is hard to follow."),
        "split it into two or three shorter sentences, one idea each.".into(),
    )
}

/// A list item of `words` words starts at `offset`.
pub(super) fn long_item(body: &Body<'_>, offset: usize, words: usize) -> Diagnostic {
    warning(
        body,
        offset,
        format!("this list item has {words} words; an item of more than {MAX_ITEM_WORDS} is hard to take in at a glance."),
        "keep one point per item: split it into two items, or shorten it.".into(),
    )
}

/// The jargon `text` is at `offset`; `plain` is what to write instead.
pub(super) fn jargon(body: &Body<'_>, offset: usize, text: &str, plain: &str) -> Diagnostic {
    warning(
        body,
        offset,
        format!("`{text}` is jargon that many patients do not know."),
        format!("write `{plain}` instead."),
    )
}
