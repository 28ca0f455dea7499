//! Text without italics, for a style whose `italic` is false (large print): slanted letters are the
//! hardest for a low-vision reader, so `<i>` keeps its emphasis in bold, as the large-print
//! guideline recommends.

use super::super::block::Inline;

/// `inlines` with every italic span set bold and upright.
pub(super) fn bold(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(span) if span.italic => {
                let mut span = span.clone();
                span.italic = false;
                span.bold = true;
                Inline::Text(span)
            }
            other => other.clone(),
        })
        .collect()
}
