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
//!
//! Each stage is a file named for it: `measure` (runs → glyphs and their x), `words` (UAX #14
//! segments), `first_fit` and `optimal_fit` (where the lines end, both asking `hyphens` where a word
//! may be split), and `position` (the chosen lines → positioned pieces). [`break_lines`] runs them in
//! that order; the types they hand each other (`Frag`, `LineSpec`) are defined here, between the
//! stages that make them and the one that reads them.

mod first_fit;
mod hyphens;
mod measure;
mod optimal_fit;
mod position;
mod words;

use self::measure::Paragraph;
use super::font::{Face, Fonts};
use super::hyphenate::Language;

/// Slack when testing whether something fits, in points. Float sums of the same widths in a different
/// order differ in the last bits; without slack a word that fits exactly could be pushed down. It is
/// far below anything visible and below the 0.01 pt that callers may rely on.
const FIT_TOLERANCE: f64 = 0.005;

/// A styled span of one paragraph's text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    /// The text; `\n` is a forced line break, U+00AD a hyphenation opportunity, U+00A0 a space that never breaks.
    pub text: String,
    /// The face asked for; chars it lacks are drawn in [`Face::Fallback`].
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// Link target (`https://…`, `tel:…`) of every piece cut from this run.
    pub link: Option<String>,
    /// Hyphenation patterns for the run's language; `None` (a language without patterns) never
    /// inserts a hyphen, though soft hyphens still break.
    pub lang: Option<Language>,
    /// `Some(width)`: the run is an inline box this many points wide (a write-in blank), its text one
    /// [`BLANK`]. It is a word that never splits, and lines break only at the spaces around it.
    pub blank: Option<f32>,
}

/// The char that stands for an inline box in a run's text and in its [`Piece`]: U+FFFC OBJECT
/// REPLACEMENT CHARACTER, which no font draws, so it never comes from text.
pub(crate) const BLANK: char = '\u{fffc}';

/// How a line's pieces sit within its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
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
pub(crate) struct Piece {
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
    /// Whether the piece is an inline box (a blank run, its text [`BLANK`]) rather than glyphs.
    pub blank: bool,
}

/// One line of a paragraph, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
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
pub(crate) struct MissingGlyph {
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
pub(crate) fn break_lines(
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
        Align::Left => {
            let mut lines = para.first_fit(&words, widths);
            para.no_runt(&mut lines, &words, widths);
            lines
        }
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

/// The narrowest and the widest `runs` can be set: the widest of the words the breaker cuts the
/// text into (UAX #14 segments, "day 3" one word), so a line that wide never cuts a word, and the
/// widest line when nothing wraps. A table column's width is chosen between the two.
pub(crate) fn content_widths(runs: &[Run], fonts: &Fonts) -> Result<(f32, f32), MissingGlyph> {
    let para = Paragraph::measure(runs, fonts)?;
    let min = para
        .words()
        .iter()
        .map(|w| para.width(w.start, w.end))
        .fold(0.0, f64::max) as f32;
    let max = break_lines(runs, &[], Align::Left, fonts)?
        .iter()
        .map(|line| line.width)
        .fold(min, f32::max);
    Ok((min, max))
}

/// The width available to line `index`, as `f64`; nonsense (negative, NaN) counts as no room at all.
fn line_width(widths: &[f32], index: usize) -> f64 {
    match widths.get(index).or(widths.last()) {
        None => f64::INFINITY,
        Some(&w) if w >= 0.0 => f64::from(w),
        Some(_) => 0.0,
    }
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

/// The break chosen for one line, before positioning.
struct LineSpec {
    frags: Vec<Frag>,
    hyphenated: bool,
    end: End,
    /// A glyph whose run gives the metrics of a blank line.
    style: usize,
}

#[cfg(test)]
mod tests;
