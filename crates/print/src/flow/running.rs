//! The running head of pages 2 and later ("Microneedling with PRP · English"), fitted on one line
//! beside the header's phone line: a wrapped head would push the band down and hyphenate a word
//! on every page.
//!
//! In order, until it fits: the head's own size, then down to [`FLOOR`] of the header's phone
//! size; then without its last ` · ` part (the language, which the page's words show anyway);
//! then with words taken out of the middle of the title, keeping its first and last words, where
//! the procedure and the variant are named ("Microneedling … radiofrequency"); last, cut at the
//! end with an ellipsis.

use super::super::font::Fonts;
use super::text::{self, LineBox, Owner, TextStyle};
use super::LayoutError;

/// The smallest the running head is set, as a share of the header's phone size: still as large
/// as the footer's text in both editions, and at least 14 pt in large print.
pub(super) const FLOOR: f32 = 0.8;
/// Between the parts of the running head, as the labels write it (after a space or a no-break
/// space).
const SEPARATOR: char = '·';
/// Marks words left out.
const ELLIPSIS: &str = "…";

/// `head` set as one line of at most `width` in `style` (whose size it may lower to `floor`).
pub(super) fn fit(
    fonts: &Fonts,
    head: &str,
    style: TextStyle,
    floor: f32,
    width: f32,
    owner: &mut Owner<'_>,
) -> Result<Vec<LineBox>, LayoutError> {
    let one_line = |text: &str, style: TextStyle| -> bool {
        let face = text::face(style.bold, false);
        text::width(fonts, text, face, style.size) <= width - 1.0
    };
    let mut sized = style;
    while !one_line(head, sized) && sized.size - 0.5 >= floor {
        sized.size -= 0.5;
    }
    let text = if one_line(head, sized) {
        head.to_string()
    } else {
        sized.size = floor.min(style.size);
        shortened(head, |t| one_line(t, sized))
    };
    text::set_plain(fonts, &text, sized, width.max(1.0) + 1.0, owner)
}

/// `head` shortened until `fits` says so (see the module's comment for the order).
fn shortened(head: &str, fits: impl Fn(&str) -> bool) -> String {
    let title = head
        .rsplit_once(SEPARATOR)
        .map_or(head, |(title, _)| title.trim_end());
    if fits(title) {
        return title.to_string();
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    // Take words out of the middle, keeping the first and the last.
    for keep in (2..words.len()).rev() {
        let front = keep / 2 + keep % 2;
        let back = keep - front;
        let text = format!(
            "{} {ELLIPSIS} {}",
            words[..front].join(" "),
            words[words.len() - back..].join(" ")
        );
        if fits(&text) {
            return text;
        }
    }
    // Cut at the end, a character at a time.
    let mut chars: Vec<char> = title.chars().collect();
    while !chars.is_empty() {
        let text = format!("{}{ELLIPSIS}", chars.iter().collect::<String>().trim_end());
        if fits(&text) {
            return text;
        }
        chars.pop();
    }
    ELLIPSIS.to_string()
}

#[cfg(test)]
mod tests {
    use super::shortened;

    /// "Fits" when at most `n` characters.
    fn at_most(n: usize) -> impl Fn(&str) -> bool {
        move |t: &str| t.chars().count() <= n
    }

    #[test]
    fn the_language_goes_first_then_middle_words_then_the_end() {
        let head = "Microneedling with radiofrequency · English";
        assert_eq!(
            shortened(head, at_most(40)),
            "Microneedling with radiofrequency"
        );
        assert_eq!(
            shortened(head, at_most(30)),
            "Microneedling … radiofrequency"
        );
        assert_eq!(
            shortened("Light chemical peel for the face · English", at_most(26)),
            "Light chemical … the face"
        );
        assert_eq!(shortened(head, at_most(10)), "Microneed…");
        let glued = "Microneedling with radiofrequency\u{a0}· English";
        assert_eq!(
            shortened(glued, at_most(40)),
            "Microneedling with radiofrequency"
        );
        assert_eq!(shortened(head, at_most(0)), "…");
    }
}
