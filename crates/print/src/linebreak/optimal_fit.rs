//! Optimal fit, for justified text: Knuth and Plass's total fit, which chooses all of a paragraph's
//! breaks together so that no line is much looser than the others. The penalties below are the
//! whole of its taste; each says why it has its value.

use super::measure::Paragraph;
use super::words::Word;
use super::{line_width, End, Frag, LineSpec, FIT_TOLERANCE};

/// Optimal fit (justified text) scores each line like TeX: `(LINE_PENALTY + badness)²`, so that one
/// very loose line costs more than several slightly loose ones. Knuth's default; it also makes an extra
/// line cost something, so the paragraph does not grow a line to shave a little stretch.
const LINE_PENALTY: f64 = 10.0;

/// Badness of a line whose gaps are stretched to `1 + r` times their natural width is `100 r³` (TeX's
/// formula), capped here at r = 10: past gaps eleven times normal every line looks equally broken, and
/// the cap keeps the sums finite. A loose line with no gap to stretch (one long word) gets the cap too.
const MAX_BADNESS: f64 = 100_000.0;

/// Optimal fit may also shrink the gaps of a justified line, by at most this fraction of their natural
/// width (badness 100 at the limit, like a doubled gap). Without any shrink a narrow column has only
/// loose lines to choose from; TeX allows a third, but Atkinson's letters are wide and open, and
/// words closer than 80% of a space start to run together.
pub(super) const MAX_SHRINK: f64 = 0.2;

/// Added (squared, as in TeX) for a line ending in an inserted hyphen. Knuth's `\hyphenpenalty` is 50;
/// ours is higher because a patient reading in a second language stumbles more over split words.
const HYPHEN_PENALTY: f64 = 200.0;

/// Extra demerits when two consecutive lines end in a hyphen: a ladder of hyphens is hard to read.
/// Knuth's `\doublehyphendemerits`.
const DOUBLE_HYPHEN_DEMERITS: f64 = 10_000.0;

/// TeX's badness of a justified line: `slack` points to add to its `gaps` points of natural
/// inter-word space (negative: to take away).
fn badness(slack: f64, gaps: f64) -> f64 {
    let ratio = if slack.abs() <= FIT_TOLERANCE {
        0.0
    } else if gaps <= 0.0 {
        return MAX_BADNESS;
    } else if slack > 0.0 {
        slack / gaps
    } else {
        -slack / (MAX_SHRINK * gaps)
    };
    (100.0 * ratio.powi(3)).min(MAX_BADNESS)
}

/// A place where optimal fit may end a line: after glyph `glyph - 1` of word `word`, which is either
/// the word's end or (with `hyphen`) a hyphenation point inside it.
#[derive(Clone, Copy)]
struct Cand {
    word: usize,
    glyph: usize,
    hyphen: bool,
    /// Word and glyph where the next line starts.
    resume: (usize, usize),
}

impl Cand {
    /// Where the next line's text starts inside word `k` (0 if it starts before that word).
    fn resume_in(&self, k: usize) -> usize {
        if k == self.resume.0 {
            self.resume.1
        } else {
            0
        }
    }
}

impl Paragraph<'_> {
    /// Optimal fit: the breaks with the least total demerits, or `None` if some word cannot be placed
    /// on any line.
    pub(super) fn optimal_fit(&self, words: &[Word], widths: &[f32]) -> Option<Vec<LineSpec>> {
        OptimalFit::new(self, words, widths)?.run()
    }
}

/// Optimal fit over one paragraph: Knuth and Plass's total-fit algorithm, with stretch and a little
/// shrink in the gaps but no fitness classes.
///
/// A break candidate is the end of a word or a hyphenation point inside one. A node is a candidate plus
/// the number of lines before it, capped where `widths` starts repeating (only the width depends on
/// it). From every reachable node, in order, the next line is tried against each later candidate
/// until the words no longer fit, and the cheapest way to reach each node is kept; a line may not run
/// past a forced break.
struct OptimalFit<'p> {
    para: &'p Paragraph<'p>,
    words: &'p [Word],
    widths: &'p [f32],
    cands: Vec<Cand>,
    /// Distinct line-width slots: `widths.len()`, at least 1.
    slots: usize,
    /// For node `cand * slots + slot`: the least total demerits to reach it, and the node the line
    /// ending there started from.
    best: Vec<(f64, usize)>,
}

impl<'p> OptimalFit<'p> {
    fn new(para: &'p Paragraph<'p>, words: &'p [Word], widths: &'p [f32]) -> Option<Self> {
        // Trailing whitespace-only words make no line (as in first fit).
        let last = words.iter().rposition(|w| w.start < w.end || w.forced)?;
        let words = &words[..=last];
        // The paragraph's start is a pseudo-candidate, with no line before it.
        let mut cands = vec![Cand {
            word: 0,
            glyph: 0,
            hyphen: false,
            resume: (0, 0),
        }];
        for (k, word) in words.iter().enumerate() {
            let points = para.hyphen_points(word);
            cands.extend(points.into_iter().map(|glyph| Cand {
                word: k,
                glyph,
                hyphen: true,
                resume: (k, glyph),
            }));
            cands.push(Cand {
                word: k,
                glyph: word.end,
                hyphen: false,
                resume: (k + 1, 0),
            });
        }
        let slots = widths.len().max(1);
        let mut best = vec![(f64::INFINITY, usize::MAX); cands.len() * slots];
        best[0].0 = 0.0;
        Some(OptimalFit {
            para,
            words,
            widths,
            cands,
            slots,
            best,
        })
    }

    fn run(mut self) -> Option<Vec<LineSpec>> {
        for node in 0..self.best.len() {
            if self.best[node].0.is_finite() {
                self.relax(node);
            }
        }

        // Walk back from the cheapest way to reach the end.
        let end = self.cands.len() - 1;
        let mut node = (0..self.slots)
            .map(|slot| end * self.slots + slot)
            .min_by(|&a, &b| self.best[a].0.total_cmp(&self.best[b].0))?;
        if !self.best[node].0.is_finite() {
            return None;
        }
        let mut chain = Vec::new();
        while node != 0 {
            chain.push(node / self.slots);
            node = self.best[node].1;
        }
        let mut from = self.cands[0];
        let lines = chain
            .iter()
            .rev()
            .map(|&c| {
                let line = self.line_between(from, self.cands[c], c == end);
                from = self.cands[c];
                line
            })
            .collect();
        Some(lines)
    }

    /// Tries every line that can start at `node`, updating the nodes where it can end.
    fn relax(&mut self, node: usize) {
        let (para, slots) = (self.para, self.slots);
        let (from, slot) = (node / slots, node % slots);
        let avail = line_width(self.widths, slot);
        let base = self.best[node].0;
        let next_slot = (slot + 1).min(slots - 1);
        let start = self.cands[from];
        let end_of_paragraph = self.cands.len() - 1;
        // The line so far: width of whole words with their gaps, total gap width, the space pending
        // after the last word, and whether any word has content.
        let (mut used, mut gaps, mut pending, mut content) = (0.0, 0.0, 0.0, false);
        for (to, cand) in self.cands.iter().enumerate().skip(from + 1) {
            let word = &self.words[cand.word];
            let a = start.resume_in(cand.word).max(word.start);
            let gap = if content { pending } else { 0.0 };
            let has_text = a < cand.glyph;
            let (natural, line_gaps) = if has_text {
                let line_gaps = gaps + if content { gap } else { 0.0 };
                (used + gap + para.width(a, cand.glyph), line_gaps)
            } else {
                (used, gaps)
            };
            if natural - MAX_SHRINK * line_gaps > avail + FIT_TOLERANCE {
                // Later candidates only add width, and at most `MAX_SHRINK` of it can be taken back.
                return;
            }
            let forced = !cand.hyphen && word.forced;
            if content || has_text || forced {
                let natural = natural
                    + if cand.hyphen {
                        para.hyphen_width(cand.glyph)
                    } else {
                        0.0
                    };
                // The last line and lines before `\n` are set at natural spacing.
                let justified = to != end_of_paragraph && !forced;
                let shrink = if justified {
                    MAX_SHRINK * line_gaps
                } else {
                    0.0
                };
                if natural - shrink <= avail + FIT_TOLERANCE {
                    let badness = if justified {
                        badness(avail - natural, line_gaps)
                    } else {
                        0.0
                    };
                    let mut demerits = (LINE_PENALTY + badness).powi(2);
                    if cand.hyphen {
                        demerits += HYPHEN_PENALTY.powi(2);
                        if start.hyphen {
                            demerits += DOUBLE_HYPHEN_DEMERITS;
                        }
                    }
                    let target = &mut self.best[to * slots + next_slot];
                    if base + demerits < target.0 {
                        *target = (base + demerits, node);
                    }
                }
            }
            if forced {
                return;
            }
            if !cand.hyphen {
                // The word is complete: fold it into the line.
                if has_text {
                    if content {
                        gaps += gap;
                    }
                    used += gap + para.width(a, cand.glyph);
                    pending = word.space;
                    content = true;
                } else if content {
                    pending += word.space;
                }
            }
        }
    }

    /// The line from candidate `from` to candidate `to`, built the way first fit builds its lines.
    fn line_between(&self, from: Cand, to: Cand, last: bool) -> LineSpec {
        let mut frags = Vec::new();
        let mut pending = 0.0;
        let words = self.words.iter().enumerate();
        for (k, word) in words.take(to.word + 1).skip(from.resume.0) {
            let a = from.resume_in(k).max(word.start);
            let b = if k == to.word { to.glyph } else { word.end };
            if a < b {
                let gap = if frags.is_empty() { 0.0 } else { pending };
                frags.push(Frag {
                    start: a,
                    end: b,
                    gap,
                });
                pending = word.space;
            } else if !frags.is_empty() {
                pending += word.space;
            }
        }
        let end = if !to.hyphen && self.words[to.word].forced {
            End::Forced
        } else if last {
            End::Last
        } else {
            End::Wrap
        };
        LineSpec {
            frags,
            hyphenated: to.hyphen,
            end,
            style: self.words[to.word].end,
        }
    }
}
