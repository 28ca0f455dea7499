//! `<figure>`: a picture scaled to fit the column and kept on one page with its caption.
//!
//! A picture is never drawn larger than its pixels allow at the style's `figure_min_ppi` (a small
//! picture stays sharp), never wider than the column and never taller than `figure_max_share` of the
//! text box, so a figure and its caption always fit a page and are never split.

use super::super::block::Inline;
use super::super::frame::{Item, Rect, Role, Tag};
use super::super::picture::Picture;
use super::blocks::{keep_together, line_chunks, Builder, Ctx};
use super::text::TextStyle;
use super::{Chunk, LayoutError};

/// Points per inch.
const PT_PER_INCH: f32 = 72.0;

impl Builder<'_> {
    /// The chunks of a figure showing the picture `src`, described by `alt`, captioned `caption`.
    pub(super) fn figure(
        &mut self,
        src: &str,
        alt: &str,
        caption: &[Inline],
        ctx: Ctx,
    ) -> Result<Vec<Chunk>, LayoutError> {
        let s = self.style;
        let picture = self
            .pictures
            .get(src)
            .cloned()
            .ok_or_else(|| LayoutError::MissingPicture(src.to_string()))?;
        let (w, h) = fit(
            &picture,
            ctx.width,
            self.page_height * s.figure_max_share,
            s.figure_min_ppi,
        );
        let figure = self.tree.add(Role::Figure, ctx.parent);
        self.tree.set_alt(figure, alt.to_string());
        let mut chunks = vec![Chunk {
            height: h,
            gap: s.block_space,
            lines: 2,
            items: vec![Item::Image {
                rect: Rect {
                    x: ctx.x,
                    y: -h,
                    w,
                    h,
                },
                picture,
                tag: Tag::Node(figure),
            }],
            ..Chunk::default()
        }];
        if !caption.is_empty() {
            let node = self.tree.add(Role::Caption, ctx.parent);
            let style = TextStyle {
                size: s.caption_size,
                color: s.muted,
                link_color: s.accent,
                ..self.body_style(ctx)
            };
            // Upright where the style has no italics (large print).
            let italic: Vec<Inline> = if s.italic {
                caption.iter().map(italicised).collect()
            } else {
                caption.to_vec()
            };
            let mut lines = line_chunks(self.set(&italic, style, ctx.width, node)?, ctx);
            if let Some(first) = lines.first_mut() {
                first.gap = s.caption_gap;
            }
            chunks.append(&mut lines);
        }
        keep_together(&mut chunks);
        Ok(chunks)
    }
}

/// The drawn size of `picture`: its size at `min_ppi`, shrunk (keeping its shape) to fit
/// `max_w` × `max_h`.
fn fit(picture: &Picture, max_w: f32, max_h: f32, min_ppi: f32) -> (f32, f32) {
    let ppi = if min_ppi > 0.0 { min_ppi } else { 150.0 };
    let natural_w = picture.width.max(1) as f32 * PT_PER_INCH / ppi;
    let natural_h = picture.height.max(1) as f32 * PT_PER_INCH / ppi;
    let scale = 1f32
        .min(max_w.max(1.0) / natural_w)
        .min(max_h.max(1.0) / natural_h);
    (natural_w * scale, natural_h * scale)
}

/// `inline` set in italic.
fn italicised(inline: &Inline) -> Inline {
    match inline {
        Inline::Text(span) => {
            let mut span = span.clone();
            span.italic = true;
            Inline::Text(span)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::PictureFormat;
    use std::sync::Arc;

    fn picture(w: u32, h: u32) -> Picture {
        Picture::new(PictureFormat::Png, w, h, Arc::from(Vec::new()))
    }

    #[test]
    fn a_picture_is_never_enlarged_past_its_pixels_and_keeps_its_shape() {
        // 300 × 150 px at 150 ppi is 2 × 1 in.
        assert_eq!(fit(&picture(300, 150), 400.0, 400.0, 150.0), (144.0, 72.0));
        // Too wide for the column: shrunk to the column, same shape.
        assert_eq!(
            fit(&picture(3000, 1500), 360.0, 400.0, 150.0),
            (360.0, 180.0)
        );
        // Too tall for its share of the page.
        assert_eq!(fit(&picture(600, 3000), 360.0, 300.0, 150.0), (60.0, 300.0));
    }
}
