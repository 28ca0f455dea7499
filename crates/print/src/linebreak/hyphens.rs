//! Where a word may be split with an inserted hyphen, and what that hyphen costs in width. Both
//! first fit and optimal fit ask here; positioning asks for the hyphen's face.

use super::super::font::Face;
use super::super::hyphenate::hyphenation_points;
use super::measure::{font_size, Glyph, Paragraph};
use super::words::{is_address, is_trailing, Word};

/// Words shorter than this many chars are not even offered to `hyphenate` (which would refuse them):
/// a cheap test that spares most words of a paragraph the pattern lookup.
const MIN_HYPHENATED_CHARS: usize = 6;

impl Paragraph<'_> {
    /// The hyphenation points of `word`, as glyph indices strictly inside it.
    pub(super) fn hyphen_points(&self, word: &Word) -> Vec<usize> {
        // UAX #14 cuts a URL into segments such as "microneedling/", which look like plain words; a
        // hyphen inserted there would become part of the address when someone types it in.
        if word.end - word.start < MIN_HYPHENATED_CHARS || self.in_address(word) {
            return Vec::new();
        }
        let base = self.byte_of(word.start);
        let text = &self.text[base..self.byte_of(word.end)];
        // A word takes the language of the run it starts in.
        let lang = self
            .glyphs
            .get(word.start)
            .and_then(|g| self.runs.get(g.run))
            .and_then(|run| run.lang);
        hyphenation_points(text, lang)
            .into_iter()
            .map(|p| self.glyph_at(base + p))
            .filter(|&g| g > word.start && g < word.end)
            // An inline box is no letter: a hyphen never parts it from the word it touches.
            .filter(|&g| !self.is_blank(g - 1) && !self.is_blank(g))
            .collect()
    }

    /// Whether `word` belongs to a URL, e-mail address, domain or file path: the text between the
    /// breaking spaces around it contains a char that never occurs in prose words, or is an address
    /// by [`is_address`] ("harbor-skin.example").
    fn in_address(&self, word: &Word) -> bool {
        let is_space = |g: &Glyph| is_trailing(g.c);
        let before = self.glyphs[..word.start]
            .iter()
            .rev()
            .take_while(|g| !is_space(g));
        let after = self.glyphs[word.start..]
            .iter()
            .take_while(|g| !is_space(g));
        let token: String = before
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .chain(after)
            .map(|g| g.c)
            .collect();
        is_address(&token)
            || token
                .chars()
                .any(|c| matches!(c, '\\' | '_' | '=' | '#' | '~'))
    }

    /// The width of the hyphen drawn when a line breaks before glyph `point`.
    pub(super) fn hyphen_width(&self, point: usize) -> f64 {
        point
            .checked_sub(1)
            .and_then(|g| self.hyphen(g))
            .map_or(0.0, |(_, w)| f64::from(w))
    }

    /// The face and width of the hyphen drawn after `glyph`, in that glyph's run style.
    pub(super) fn hyphen(&self, glyph: usize) -> Option<(Face, f32)> {
        let run = self.runs.get(self.glyphs.get(glyph)?.run)?;
        self.fonts.measure(run.face, '-', font_size(run.size))
    }
}
