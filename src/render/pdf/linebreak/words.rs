//! The second stage: the measured text cut at UAX #14 break opportunities into [`Word`]s that carry
//! their trailing whitespace, which is where a line may end.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::super::font::is_invisible;
use super::measure::Paragraph;

/// A UAX #14 segment: a word (glyphs `start..end`) and the whitespace after it.
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Width of the trailing whitespace, which counts only when another word follows on the line.
    pub(super) space: f64,
    /// Whether the whitespace holds a line separator (`\n`), forcing a break after the word.
    pub(super) forced: bool,
}

impl Paragraph<'_> {
    /// Cuts the text into UAX #14 segments: the places where a line may end.
    pub(super) fn words(&self) -> Vec<Word> {
        let mut words = Vec::new();
        let mut start = 0;
        for (byte, opportunity) in linebreaks(&self.text) {
            // UAX #14 allows a break after a soft hyphen, but breaking there needs a visible hyphen and
            // its width: keep the word whole and let hyphenation, which knows about both, decide.
            if opportunity == BreakOpportunity::Allowed && self.text[..byte].ends_with('\u{ad}') {
                continue;
            }
            let next = self.glyph_at(byte);
            let mut end = next;
            while end > start && is_trailing(self.glyphs[end - 1].c) {
                end -= 1;
            }
            words.push(Word {
                start,
                end,
                space: self.width(end, next),
                forced: opportunity == BreakOpportunity::Mandatory
                    && self.glyphs[end..next]
                        .iter()
                        .any(|g| is_line_separator(g.c)),
            });
            start = next;
        }
        words
    }
}

/// Chars trimmed from the end of a UAX #14 segment: breaking whitespace, which only separates words,
/// and invisible chars. No-break spaces stay: they are part of the word ("10 mg").
pub(super) fn is_trailing(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) || is_invisible(c)
}

/// Chars that force a line break (UAX #14 classes BK, CR, LF, NL).
fn is_line_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}
