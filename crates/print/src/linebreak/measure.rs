//! The first stage of line breaking: a paragraph's runs concatenated into one text and every char
//! measured once, in the face that will draw it. Later stages ask the [`Paragraph`] for widths by
//! glyph index and never go back to the fonts, except for the hyphen they insert.

use super::super::font::{is_invisible, Face, Fonts};
use super::{MissingGlyph, Run};

/// One char of the paragraph, with the run it came from and the face that draws it.
pub(super) struct Glyph {
    pub(super) c: char,
    /// Byte offset in the concatenated text.
    pub(super) byte: usize,
    pub(super) run: usize,
    pub(super) face: Face,
}

/// A paragraph's runs concatenated and measured.
pub(super) struct Paragraph<'a> {
    pub(super) runs: &'a [Run],
    pub(super) text: String,
    pub(super) glyphs: Vec<Glyph>,
    /// `x[i]` is the left edge of glyph i when the whole paragraph is set on one line; one entry more
    /// than `glyphs`. Kerning between glyphs i-1 and i is inside `x[i]`, so the width of glyphs `a..b`
    /// is `x[b] - kern[b] - x[a]`.
    x: Vec<f64>,
    /// `kern[i]`: the pair kerning between glyph i-1 and glyph i (0 for the first and past the end).
    kern: Vec<f64>,
    pub(super) fonts: &'a Fonts,
}

impl<'a> Paragraph<'a> {
    /// Concatenates and measures `runs`; a char that no face can draw is an error.
    pub(super) fn measure(
        runs: &'a [Run],
        fonts: &'a Fonts,
    ) -> Result<Paragraph<'a>, MissingGlyph> {
        let len = runs.iter().map(|run| run.text.len()).sum();
        let mut text = String::with_capacity(len);
        let mut glyphs = Vec::with_capacity(len);
        let mut x = Vec::with_capacity(len + 1);
        let mut kern = Vec::with_capacity(len + 1);
        let mut pen = 0.0f64;
        // The last visible char, its face and size: kerning pairs skip invisible chars (a soft
        // hyphen), as the painted text does, and only join chars of one face and size.
        let mut prev: Option<(char, Face, f32)> = None;
        for (r, run) in runs.iter().enumerate() {
            let size = font_size(run.size);
            for (i, c) in run.text.char_indices() {
                let (face, advance) = match run.blank {
                    // An inline box: its width, not a glyph's, and nothing kerns against it.
                    Some(width) => {
                        prev = None;
                        (run.face, font_size(width))
                    }
                    None => fonts
                        .measure(run.face, c, size)
                        .ok_or(MissingGlyph { ch: c, run: r })?,
                };
                let k = match prev {
                    Some((p, f, s)) if f == face && s == size => {
                        f64::from(fonts.kern(face, p, c, size))
                    }
                    _ => 0.0,
                };
                pen += k;
                x.push(pen);
                kern.push(k);
                if c.is_whitespace() || run.blank.is_some() {
                    prev = None;
                } else if !is_invisible(c) {
                    prev = Some((c, face, size));
                }
                glyphs.push(Glyph {
                    c,
                    byte: text.len() + i,
                    run: r,
                    face,
                });
                pen += f64::from(advance);
            }
            text.push_str(&run.text);
        }
        x.push(pen);
        kern.push(0.0);
        Ok(Paragraph {
            runs,
            text,
            glyphs,
            x,
            kern,
            fonts,
        })
    }

    /// Width of glyphs `a..b`.
    pub(super) fn width(&self, a: usize, b: usize) -> f64 {
        if b <= a {
            return 0.0;
        }
        self.x[b] - self.kern[b] - self.x[a]
    }

    /// The kerning between glyph `b - 1` and glyph `b` (0 at the ends).
    pub(super) fn kern_before(&self, b: usize) -> f64 {
        self.kern.get(b).copied().unwrap_or(0.0)
    }

    /// Whether glyph `glyph` is an inline box (a blank run's [`BLANK`](super::BLANK)); false past the end.
    pub(super) fn is_blank(&self, glyph: usize) -> bool {
        self.glyphs
            .get(glyph)
            .and_then(|g| self.runs.get(g.run))
            .is_some_and(|run| run.blank.is_some())
    }

    /// The index of the glyph starting at byte `byte` (or the glyph count at the end of the text).
    pub(super) fn glyph_at(&self, byte: usize) -> usize {
        self.glyphs.partition_point(|g| g.byte < byte)
    }

    /// The byte offset of glyph `glyph` (the text's length for the index past the last glyph).
    pub(super) fn byte_of(&self, glyph: usize) -> usize {
        self.glyphs.get(glyph).map_or(self.text.len(), |g| g.byte)
    }
}

/// A run's size, with nonsense (negative, NaN, infinite) read as 0 so it cannot poison every sum.
pub(super) fn font_size(size: f32) -> f32 {
    if size.is_finite() && size > 0.0 {
        size
    } else {
        0.0
    }
}
