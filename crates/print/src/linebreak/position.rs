//! The last stage: each chosen line turned into [`Line`] with positioned [`Piece`]s, its gaps
//! stretched (or shrunk) for justification or the whole line shifted for centring and flush right.

use super::super::font::Fonts;
use super::measure::{font_size, Paragraph};
use super::optimal_fit::MAX_SHRINK;
use super::{Align, End, Line, LineSpec, Piece, BLANK};

impl Paragraph<'_> {
    /// Positions the line chosen in `spec` within `avail` points, for `align`.
    pub(super) fn set_line(
        &self,
        spec: &LineSpec,
        avail: f64,
        align: Align,
        fonts: &Fonts,
    ) -> Line {
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
                if b < frag.end {
                    // The pair kerning across a change of run or face inside a word.
                    pen += self.kern_before(b);
                }
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
                blank: false,
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
        if run.blank.is_some() {
            // An inline box is a piece of its own, joined to nothing.
            pieces.push(Piece {
                text: BLANK.to_string(),
                face: glyph.face,
                size,
                x: x as f32,
                width: width as f32,
                link: run.link.clone(),
                blank: true,
            });
            return;
        }
        let chars = self.glyphs[a..b]
            .iter()
            .filter_map(|g| self.fonts.paint_char(g.face, g.c));
        if let Some(last) = pieces.last_mut() {
            let joins = glued
                && !last.blank
                && last.face == glyph.face
                && last.size == size
                && last.link == run.link;
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
            blank: false,
        });
    }
}
