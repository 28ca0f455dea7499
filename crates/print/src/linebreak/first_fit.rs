//! First fit, for ragged text: each line takes as many words as fit, a word that does not fit is
//! hyphenated when the line would otherwise be loose, and a word wider than the whole line is cut.
//! Also the fallback for justified text when optimal fit cannot place a word.

use super::measure::Paragraph;
use super::words::Word;
use super::{line_width, End, Frag, LineSpec, FIT_TOLERANCE};

/// A word that does not fit is hyphenated only when the line so far is less than this fraction of its
/// width. A fuller line looks fine pushed down (ragged) or stretched (justified), and every hyphen costs
/// the reader a little, so hyphens go where they save a visibly loose line.
const HYPHENATE_BELOW_FILL: f64 = 0.8;

/// When a word wider than the whole line must be cut without a hyphen (a URL, a long number), a cut
/// just after one of these chars keeps the pieces readable ("…/care/" + "handouts/…").
const CUT_AFTER: &[char] = &['/', '.', '-', '?', '&'];

/// Such a preferred cut is taken only if it still fills this fraction of the line; otherwise the line
/// is filled up to the last char that fits, because a half-empty line in the middle of a URL is worse.
const PREFERRED_CUT_MIN_FILL: f64 = 0.5;

impl Paragraph<'_> {
    /// First fit: fill each line with as many words as fit, hyphenating a word that does not fit when
    /// the line would be loose, and cutting one wider than the line.
    pub(super) fn first_fit(&self, words: &[Word], widths: &[f32]) -> Vec<LineSpec> {
        let mut lines: Vec<LineSpec> = Vec::new();
        let mut frags: Vec<Frag> = Vec::new();
        // Width of `frags` with their gaps, and the space that would precede the next frag.
        let mut used = 0.0;
        let mut pending = 0.0;
        // Glyph where the rest of the current word starts, after it was hyphenated or cut.
        let mut from = 0;
        let mut k = 0;
        while let Some(word) = words.get(k) {
            let avail = line_width(widths, lines.len());
            let start = from.max(word.start);
            let mut finish = |frags: &mut Vec<Frag>, hyphenated, end| {
                lines.push(LineSpec {
                    frags: std::mem::take(frags),
                    hyphenated,
                    end,
                    style: start,
                });
            };

            if start == word.end {
                // Only whitespace: a leading space, or the `\n` of a blank line.
                if !frags.is_empty() {
                    pending += word.space;
                }
                if word.forced {
                    finish(&mut frags, false, End::Forced);
                    used = 0.0;
                }
                k += 1;
                continue;
            }

            let gap = if frags.is_empty() { 0.0 } else { pending };
            let room = avail - used - gap;
            let w = self.width(start, word.end);
            if w <= room + FIT_TOLERANCE {
                frags.push(Frag {
                    start,
                    end: word.end,
                    gap,
                });
                used += gap + w;
                pending = word.space;
                if word.forced {
                    finish(&mut frags, false, End::Forced);
                    used = 0.0;
                }
                k += 1;
                continue;
            }

            let too_wide = w > avail + FIT_TOLERANCE;
            let loose = used < HYPHENATE_BELOW_FILL * avail;
            if too_wide || loose {
                if let Some(point) = self.hyphen_point(word, start, room) {
                    frags.push(Frag {
                        start,
                        end: point,
                        gap,
                    });
                    finish(&mut frags, true, End::Wrap);
                    used = 0.0;
                    from = point;
                    continue;
                }
            }
            if !frags.is_empty() {
                // Try the word again at the start of the next line.
                finish(&mut frags, false, End::Wrap);
                used = 0.0;
                continue;
            }
            // Alone on the line and still too wide, with no usable hyphenation point: cut it.
            let cut = self.cut_point(start, word.end, avail);
            frags.push(Frag {
                start,
                end: cut,
                gap: 0.0,
            });
            finish(&mut frags, false, End::Wrap);
            used = 0.0;
            from = cut;
        }
        if !frags.is_empty() {
            let style = frags[0].start;
            lines.push(LineSpec {
                frags,
                hyphenated: false,
                end: End::Last,
                style,
            });
        }
        lines
    }

    /// A paragraph whose last line is a single word (a runt: "healing.") takes the last word of the
    /// line before down with it, when that line keeps at least four words and is not hyphenated. First
    /// fit cannot see the end coming; this is the cheap form of TeX's penalty on a short last line.
    pub(super) fn no_runt(&self, lines: &mut [LineSpec], words: &[Word], widths: &[f32]) {
        let n = lines.len();
        if n < 2 {
            return;
        }
        let avail = line_width(widths, n - 1);
        let (before, last) = lines.split_at_mut(n - 1);
        let (Some(prev), Some(last)) = (before.last_mut(), last.first_mut()) else {
            return;
        };
        if last.end != End::Last || last.frags.len() != 1 || prev.end != End::Wrap {
            return;
        }
        // A line of four words or fewer is a name or a label (the header's clinic name), not prose.
        if prev.hyphenated || prev.frags.len() < 5 {
            return;
        }
        let (Some(moved), Some(runt)) = (prev.frags.last(), last.frags.first()) else {
            return;
        };
        // The space after the moved word is the one its UAX #14 segment carries.
        let Some(word) = words
            .iter()
            .find(|w| w.end == moved.end && w.start <= moved.start)
        else {
            return;
        };
        if runt.gap != 0.0 || moved.start != word.start {
            return;
        }
        let width =
            self.width(moved.start, moved.end) + word.space + self.width(runt.start, runt.end);
        if width > avail + FIT_TOLERANCE {
            return;
        }
        let Some(moved) = prev.frags.pop() else {
            return;
        };
        if let Some(runt) = last.frags.first_mut() {
            runt.gap = word.space;
        }
        last.style = moved.start;
        last.frags.insert(
            0,
            Frag {
                start: moved.start,
                end: moved.end,
                gap: 0.0,
            },
        );
    }

    /// The last hyphenation point of `word` after `start` whose prefix, with its hyphen, fits `room`.
    fn hyphen_point(&self, word: &Word, start: usize, room: f64) -> Option<usize> {
        self.hyphen_points(word)
            .into_iter()
            .rev()
            .filter(|&g| g > start)
            .find(|&g| self.width(start, g) + self.hyphen_width(g) <= room + FIT_TOLERANCE)
    }

    /// Where to cut glyphs `start..end`, which are wider than `avail`: after the last glyph that fits,
    /// or earlier just after URL punctuation; always after at least one glyph, so the text advances.
    fn cut_point(&self, start: usize, end: usize, avail: f64) -> usize {
        let mut fit = start + 1;
        while fit < end && self.width(start, fit + 1) <= avail + FIT_TOLERANCE {
            fit += 1;
        }
        let min_fill = PREFERRED_CUT_MIN_FILL * avail;
        (start + 1..=fit)
            .rev()
            .take_while(|&g| self.width(start, g) >= min_fill)
            .find(|&g| g < end && CUT_AFTER.contains(&self.glyphs[g - 1].c))
            .unwrap_or(fit)
    }
}
