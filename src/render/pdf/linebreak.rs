//! Breaking one paragraph of styled runs into positioned lines.
//!
//! `flow` calls [`break_lines`] for every paragraph, list item and table cell, with the widths the lines
//! will have, and stacks the returned [`Line`]s; `paint` draws each [`Piece`] at its `x`. The recipe:
//! measure every char once in the face that will draw it (`font`), cut the text at UAX #14 break
//! opportunities into words that carry their trailing spaces, choose the breaks, then position the
//! pieces for the alignment. Ragged text is filled first-fit, hyphenating a word that does not fit when
//! the line would otherwise be left loose (`hyphenate`) and cutting a word or URL wider than the whole
//! line at a character. Justified text gets optimal fit (Knuth–Plass demerits over word ends and
//! hyphenation points, with a little shrink), falling back to first fit when a word is too wide.
//!
//! All arithmetic is in points; the sums run in `f64` so that a long paragraph cannot drift by the
//! hundredths of a point that decide whether a word fits.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::font::{is_invisible, Face, Fonts};
use super::hyphenate::hyphenation_points;

/// A word that does not fit is hyphenated only when the line so far is less than this fraction of its
/// width. A fuller line looks fine pushed down (ragged) or stretched (justified), and every hyphen costs
/// the reader a little, so hyphens go where they save a visibly loose line.
const HYPHENATE_BELOW_FILL: f64 = 0.8;

/// Slack when testing whether something fits, in points. Float sums of the same widths in a different
/// order differ in the last bits; without slack a word that fits exactly could be pushed down. It is
/// far below anything visible and below the 0.01 pt that callers may rely on.
const FIT_TOLERANCE: f64 = 0.005;

/// When a word wider than the whole line must be cut without a hyphen (a URL, a long number), a cut
/// just after one of these chars keeps the pieces readable ("…/care/" + "handouts/…").
const CUT_AFTER: &[char] = &['/', '.', '-', '?', '&'];

/// Such a preferred cut is taken only if it still fills this fraction of the line; otherwise the line
/// is filled up to the last char that fits, because a half-empty line in the middle of a URL is worse.
const PREFERRED_CUT_MIN_FILL: f64 = 0.5;

/// Words shorter than this many chars are not even offered to `hyphenate` (which would refuse them):
/// a cheap test that spares most words of a paragraph the pattern lookup.
const MIN_HYPHENATED_CHARS: usize = 6;

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
const MAX_SHRINK: f64 = 0.2;

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

/// A styled span of one paragraph's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The text; `\n` is a forced line break, U+00AD a hyphenation opportunity, U+00A0 a space that never breaks.
    pub text: String,
    /// The face asked for; chars it lacks are drawn in [`Face::Fallback`].
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// Link target (`https://…`, `tel:…`) of every piece cut from this run.
    pub link: Option<String>,
}

/// How a line's pieces sit within its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Flush left, ragged right.
    Left,
    /// Both edges flush: extra space goes into the gaps between words, except on the last line of the
    /// paragraph and lines ending in a forced break, which stay flush left.
    Justify,
    /// Centred in the line width.
    Center,
    /// Flush right.
    Right,
}

/// One positioned piece of a line, in a single face (possibly Fallback) and size.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The chars to draw; every one is in `face` (soft hyphens and zero-width chars are removed).
    pub text: String,
    /// The face that draws `text`.
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// Left edge, in points from the start of the line.
    pub x: f32,
    /// Advance width of `text`, in points.
    pub width: f32,
    /// Link target, from the run the piece was cut from.
    pub link: Option<String>,
}

/// One line of a paragraph, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Pieces left to right; a word is one piece unless its face changes inside it. Empty only for a
    /// blank line made by consecutive forced breaks.
    pub pieces: Vec<Piece>,
    /// Set width of the content, from the first piece's left edge to the last piece's right edge
    /// (equal to the available width on a justified line); 0 for a blank line.
    pub width: f32,
    /// Largest ascent of the pieces (of the run's face for a blank line), in points above the baseline.
    pub ascent: f32,
    /// Largest descent of the pieces (of the run's face for a blank line), in points below the baseline.
    pub descent: f32,
    /// Whether the line ends with an inserted hyphen (its last piece is that "-").
    pub hyphenated: bool,
}

/// A char that no embedded face can draw, and the index of the run it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The char.
    pub ch: char,
    /// Index into the `runs` passed to [`break_lines`].
    pub run: usize,
}

impl std::fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no font in the theme has the character '{}' (U+{:04X})",
            self.ch, self.ch as u32
        )
    }
}

impl std::error::Error for MissingGlyph {}

/// `widths[i]` is the width available to line i; the last entry repeats.
/// UAX #14 breaks, hyphenation for words that do not fit, forced breaks inside a word wider than the
/// line; never returns a line whose pieces extend past its width. `\n` in a run is a forced break.
///
/// The one exception to the width guarantee is a single char wider than the line, which is set alone
/// on its line rather than lost. An empty `widths`, or an infinite width, means lines of unbounded width.
/// A paragraph with no visible text returns no lines; consecutive forced breaks make blank lines.
///
/// # Example
/// ```
/// use handouts::render::pdf::font::{Face, Fonts};
/// use handouts::render::pdf::linebreak::{break_lines, Align, Run};
///
/// let runs = [Run { text: "Avoid direct sun for two weeks.".into(), face: Face::Regular, size: 11.0, link: None }];
/// let lines = break_lines(&runs, &[100.0], Align::Left, Fonts::embedded()).unwrap();
/// let texts: Vec<Vec<&str>> = lines
///     .iter()
///     .map(|line| line.pieces.iter().map(|p| p.text.as_str()).collect())
///     .collect();
/// assert_eq!(texts, [vec!["Avoid", "direct", "sun", "for"], vec!["two", "weeks."]]);
/// assert!(lines.iter().all(|line| line.width <= 100.0));
/// ```
pub fn break_lines(
    runs: &[Run],
    widths: &[f32],
    align: Align,
    fonts: &Fonts,
) -> Result<Vec<Line>, MissingGlyph> {
    // Measure every char once, in the face that will draw it.
    let para = Paragraph::measure(runs, fonts)?;
    // Cut at UAX #14 opportunities into words that carry their trailing spaces.
    let words = para.words();
    // Choose where each line ends. Justified text shows every unevenness as a wide gap, so it gets
    // optimal fit; ragged text gets first fit, which is what readers expect of it and which does not
    // reflow earlier lines when a word changes. First fit also takes over when a word is wider than a
    // line, which optimal fit does not model.
    // (Unbounded widths would make optimal fit try every line against every later break.)
    let bounded = !widths.is_empty() && widths.iter().all(|w| w.is_finite());
    let breaks = match align {
        Align::Justify if bounded => para
            .optimal_fit(&words, widths)
            .unwrap_or_else(|| para.first_fit(&words, widths)),
        _ => para.first_fit(&words, widths),
    };
    // Turn each choice into positioned pieces.
    let lines = breaks
        .iter()
        .enumerate()
        .map(|(i, spec)| para.set_line(spec, line_width(widths, i), align, fonts))
        .collect();
    Ok(lines)
}

/// The width available to line `index`, as `f64`; nonsense (negative, NaN) counts as no room at all.
fn line_width(widths: &[f32], index: usize) -> f64 {
    match widths.get(index).or(widths.last()) {
        None => f64::INFINITY,
        Some(&w) if w >= 0.0 => f64::from(w),
        Some(_) => 0.0,
    }
}

/// One char of the paragraph, with the run it came from and the face that draws it.
struct Glyph {
    c: char,
    /// Byte offset in the concatenated text.
    byte: usize,
    run: usize,
    face: Face,
}

/// A paragraph's runs concatenated and measured.
struct Paragraph<'a> {
    runs: &'a [Run],
    text: String,
    glyphs: Vec<Glyph>,
    /// `x[i]` is the left edge of glyph i when the whole paragraph is set on one line; one entry more
    /// than `glyphs`, so the width of glyphs `a..b` is `x[b] - x[a]`.
    x: Vec<f64>,
    fonts: &'a Fonts,
}

/// A UAX #14 segment: a word (glyphs `start..end`) and the whitespace after it.
struct Word {
    start: usize,
    end: usize,
    /// Width of the trailing whitespace, which counts only when another word follows on the line.
    space: f64,
    /// Whether the whitespace holds a line separator (`\n`), forcing a break after the word.
    forced: bool,
}

/// Where a line ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// Wrapped because the next word did not fit: justified if asked.
    Wrap,
    /// Ended by `\n`: stays flush left when justifying.
    Forced,
    /// The paragraph's last line: stays flush left when justifying.
    Last,
}

/// A part of a word placed on a line: glyphs `start..end`, after `gap` points of inter-word space.
struct Frag {
    start: usize,
    end: usize,
    gap: f64,
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

/// The break chosen for one line, before positioning.
struct LineSpec {
    frags: Vec<Frag>,
    hyphenated: bool,
    end: End,
    /// A glyph whose run gives the metrics of a blank line.
    style: usize,
}

impl<'a> Paragraph<'a> {
    fn measure(runs: &'a [Run], fonts: &'a Fonts) -> Result<Paragraph<'a>, MissingGlyph> {
        let len = runs.iter().map(|run| run.text.len()).sum();
        let mut text = String::with_capacity(len);
        let mut glyphs = Vec::with_capacity(len);
        let mut x = Vec::with_capacity(len + 1);
        let mut pen = 0.0f64;
        x.push(pen);
        for (r, run) in runs.iter().enumerate() {
            let size = font_size(run.size);
            for (i, c) in run.text.char_indices() {
                let (face, advance) = fonts
                    .measure(run.face, c, size)
                    .ok_or(MissingGlyph { ch: c, run: r })?;
                glyphs.push(Glyph {
                    c,
                    byte: text.len() + i,
                    run: r,
                    face,
                });
                pen += f64::from(advance);
                x.push(pen);
            }
            text.push_str(&run.text);
        }
        Ok(Paragraph {
            runs,
            text,
            glyphs,
            x,
            fonts,
        })
    }

    /// Width of glyphs `a..b`.
    fn width(&self, a: usize, b: usize) -> f64 {
        self.x[b] - self.x[a]
    }

    /// The index of the glyph starting at byte `byte` (or the glyph count at the end of the text).
    fn glyph_at(&self, byte: usize) -> usize {
        self.glyphs.partition_point(|g| g.byte < byte)
    }

    fn byte_of(&self, glyph: usize) -> usize {
        self.glyphs.get(glyph).map_or(self.text.len(), |g| g.byte)
    }

    fn words(&self) -> Vec<Word> {
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

    /// First fit: fill each line with as many words as fit, hyphenating a word that does not fit when
    /// the line would be loose, and cutting one wider than the line.
    fn first_fit(&self, words: &[Word], widths: &[f32]) -> Vec<LineSpec> {
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

    /// Optimal fit: the breaks with the least total demerits, or `None` if some word cannot be placed
    /// on any line.
    fn optimal_fit(&self, words: &[Word], widths: &[f32]) -> Option<Vec<LineSpec>> {
        OptimalFit::new(self, words, widths)?.run()
    }

    /// The last hyphenation point of `word` after `start` whose prefix, with its hyphen, fits `room`.
    fn hyphen_point(&self, word: &Word, start: usize, room: f64) -> Option<usize> {
        self.hyphen_points(word)
            .into_iter()
            .rev()
            .filter(|&g| g > start)
            .find(|&g| self.width(start, g) + self.hyphen_width(g) <= room + FIT_TOLERANCE)
    }

    /// The hyphenation points of `word`, as glyph indices strictly inside it.
    fn hyphen_points(&self, word: &Word) -> Vec<usize> {
        // UAX #14 cuts a URL into segments such as "microneedling/", which look like plain words; a
        // hyphen inserted there would become part of the address when someone types it in.
        if word.end - word.start < MIN_HYPHENATED_CHARS || self.in_address(word) {
            return Vec::new();
        }
        let base = self.byte_of(word.start);
        let text = &self.text[base..self.byte_of(word.end)];
        hyphenation_points(text)
            .into_iter()
            .map(|p| self.glyph_at(base + p))
            .filter(|&g| g > word.start && g < word.end)
            .collect()
    }

    /// Whether `word` belongs to a URL, e-mail address or file path: the text between the breaking
    /// spaces around it contains a char that never occurs in prose words.
    fn in_address(&self, word: &Word) -> bool {
        let is_space = |g: &Glyph| is_trailing(g.c);
        let before = self.glyphs[..word.start]
            .iter()
            .rev()
            .take_while(|g| !is_space(g));
        let after = self.glyphs[word.start..]
            .iter()
            .take_while(|g| !is_space(g));
        before
            .chain(after)
            .any(|g| matches!(g.c, '/' | '\\' | '@' | '_' | '=' | '#' | '~'))
    }

    /// The width of the hyphen drawn when a line breaks before glyph `point`.
    fn hyphen_width(&self, point: usize) -> f64 {
        point
            .checked_sub(1)
            .and_then(|g| self.hyphen(g))
            .map_or(0.0, |(_, w)| f64::from(w))
    }

    /// The face and width of the hyphen drawn after `glyph`, in that glyph's run style.
    fn hyphen(&self, glyph: usize) -> Option<(Face, f32)> {
        let run = self.runs.get(self.glyphs.get(glyph)?.run)?;
        self.fonts.measure(run.face, '-', font_size(run.size))
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

    fn set_line(&self, spec: &LineSpec, avail: f64, align: Align, fonts: &Fonts) -> Line {
        let hyphen = if spec.hyphenated {
            spec.frags.last().and_then(|f| {
                let (face, width) = self.hyphen(f.end.checked_sub(1)?)?;
                Some((f.end - 1, face, width))
            })
        } else {
            None
        };
        let natural: f64 = spec
            .frags
            .iter()
            .map(|f| f.gap + self.width(f.start, f.end))
            .sum::<f64>()
            + hyphen.map_or(0.0, |(_, _, w)| f64::from(w));

        // Justify by widening the real inter-word gaps only: the joins inside "care/handouts/" or
        // "anti-inflammatory" have no space to widen.
        // Each gap grows (or, after optimal fit, shrinks) in proportion to its natural width, so a gap
        // set in a larger size stays larger.
        let gaps: f64 = spec.frags.iter().map(|f| f.gap).sum();
        let ratio = if align == Align::Justify
            && spec.end == End::Wrap
            && gaps > 0.0
            && avail.is_finite()
        {
            ((avail - natural) / gaps).max(-MAX_SHRINK)
        } else {
            0.0
        };
        let slack = if avail.is_finite() {
            (avail - natural).max(0.0)
        } else {
            0.0
        };
        let mut pen = match align {
            Align::Center => slack / 2.0,
            Align::Right => slack,
            Align::Left | Align::Justify => 0.0,
        };

        let mut pieces: Vec<Piece> = Vec::new();
        // Whether the next piece starts exactly where the previous one ends (no gap between).
        let mut glued = false;
        for frag in &spec.frags {
            if frag.gap > 0.0 {
                pen += frag.gap * (1.0 + ratio);
                glued = false;
            }
            let mut a = frag.start;
            while a < frag.end {
                let key = (self.glyphs[a].run, self.glyphs[a].face);
                let mut b = a + 1;
                while b < frag.end && (self.glyphs[b].run, self.glyphs[b].face) == key {
                    b += 1;
                }
                self.push_piece(&mut pieces, a, b, pen, glued);
                pen += self.width(a, b);
                glued = true;
                a = b;
            }
        }
        if let Some((glyph, face, width)) = hyphen {
            let run = &self.runs[self.glyphs[glyph].run];
            pieces.push(Piece {
                text: "-".to_string(),
                face,
                size: font_size(run.size),
                x: pen as f32,
                width,
                link: run.link.clone(),
            });
        }

        let (ascent, descent) = if pieces.is_empty() {
            let run = self
                .glyphs
                .get(spec.style)
                .and_then(|g| self.runs.get(g.run));
            run.map_or((0.0, 0.0), |run| {
                let size = font_size(run.size);
                (fonts.ascent(run.face, size), fonts.descent(run.face, size))
            })
        } else {
            pieces.iter().fold((0.0f32, 0.0f32), |(a, d), p| {
                (
                    a.max(fonts.ascent(p.face, p.size)),
                    d.max(fonts.descent(p.face, p.size)),
                )
            })
        };
        let width = match (pieces.first(), pieces.last()) {
            (Some(first), Some(last)) => last.x + last.width - first.x,
            _ => 0.0,
        };
        Line {
            pieces,
            width,
            ascent,
            descent,
            hyphenated: hyphen.is_some(),
        }
    }

    /// Appends glyphs `a..b` (one run, one face) at `x`, joining the previous piece when `glued` to it
    /// and in the same style, so "anti-" + "inflammatory" is drawn as one piece.
    fn push_piece(&self, pieces: &mut Vec<Piece>, a: usize, b: usize, x: f64, glued: bool) {
        let glyph = &self.glyphs[a];
        let run = &self.runs[glyph.run];
        let size = font_size(run.size);
        let width = self.width(a, b);
        let chars = self.glyphs[a..b]
            .iter()
            .filter_map(|g| self.fonts.paint_char(g.face, g.c));
        if let Some(last) = pieces.last_mut() {
            let joins =
                glued && last.face == glyph.face && last.size == size && last.link == run.link;
            if joins {
                last.text.extend(chars);
                last.width = (x + width - f64::from(last.x)) as f32;
                return;
            }
        }
        let text: String = chars.collect();
        if text.is_empty() {
            return;
        }
        pieces.push(Piece {
            text,
            face: glyph.face,
            size,
            x: x as f32,
            width: width as f32,
            link: run.link.clone(),
        });
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

/// A run's size, with nonsense (negative, NaN, infinite) read as 0 so it cannot poison every sum.
fn font_size(size: f32) -> f32 {
    if size.is_finite() && size > 0.0 {
        size
    } else {
        0.0
    }
}

/// Chars trimmed from the end of a UAX #14 segment: breaking whitespace, which only separates words,
/// and invisible chars. No-break spaces stay: they are part of the word ("10 mg").
fn is_trailing(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) || is_invisible(c)
}

/// Chars that force a line break (UAX #14 classes BK, CR, LF, NL).
fn is_line_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
#[path = "linebreak/tests.rs"]
mod tests;
