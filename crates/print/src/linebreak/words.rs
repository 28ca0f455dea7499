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
            // A short number stays with the word before it: "call 911", "day 3" (a TeX tie).
            if opportunity == BreakOpportunity::Allowed
                && (self.ties_to_next(byte) || self.hyphen_in_address(byte))
            {
                continue;
            }
            let next = self.glyph_at(byte);
            if opportunity == BreakOpportunity::Allowed && self.touches_blank(next) {
                continue;
            }
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

impl Paragraph<'_> {
    /// Whether a break before glyph `next` would part an inline box from a word it touches: UAX #14
    /// allows a break on both sides of U+FFFC, but a blank breaks only at the spaces around it, so
    /// "(____)" or "____-year" stays whole.
    fn touches_blank(&self, next: usize) -> bool {
        let Some(before) = next.checked_sub(1) else {
            return false;
        };
        self.is_blank(before) || (self.is_blank(next) && !is_trailing(self.glyphs[before].c))
    }

    /// Whether the break at `byte` follows a hyphen inside a web or e-mail address ("…/chemical-peel/",
    /// "front-desk@…", "harbor-skin.example"): a reader could not tell the address's own hyphen from
    /// an inserted one. A web address breaks at its `/`s; an e-mail address or a bare domain is
    /// cut only when it is wider than the line.
    fn hyphen_in_address(&self, byte: usize) -> bool {
        if !self.text[..byte].ends_with('-') {
            return false;
        }
        let start = self.text[..byte]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = self.text[byte..]
            .find(char::is_whitespace)
            .map_or(self.text.len(), |i| byte + i);
        is_address(&self.text[start..end])
    }

    /// Whether the break at `byte` is after a space and before a number of at most three digits
    /// (with closing punctuation) that ends the segment: "911.", "3", "2)".
    fn ties_to_next(&self, byte: usize) -> bool {
        if !self.text[..byte].ends_with(' ') {
            return false;
        }
        let rest = &self.text[byte..];
        // A no-break space joins a unit to the number ("10\u{a0}mg"): that token is not a bare number.
        let token = rest.split(is_trailing).next().unwrap_or("");
        let digits = token.chars().take_while(char::is_ascii_digit).count();
        let tail = &token[digits..];
        (1..=3).contains(&digits)
            && tail
                .chars()
                .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')'))
    }
}

/// Whether `token`, the text between two spaces, is (or holds) a web address, an e-mail address or
/// a domain: it has a `/` or an `@`, or a `.` between two letters ("harbor-skin.example"; prose
/// puts a space after a full stop).
pub(super) fn is_address(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    chars.iter().any(|&c| c == '/' || c == '@')
        || chars
            .windows(3)
            .any(|w| w[1] == '.' && w[0].is_alphabetic() && w[2].is_alphabetic())
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
