//! Phone numbers written in the text (a poison line, a national reporting line) become `tel:`
//! links, so a reader on a phone can tap them and the PDF carries a link annotation.
//!
//! What counts as a number is narrow on purpose: a handout is full of doses, dates, times, ranges,
//! lot numbers and ZIP codes, and a dose taken for a phone number is worse than a number left
//! unlinked. A number is one of
//!
//! - a North American number: an optional `1` and separator, an area code starting with 2–9 in
//!   brackets (`(555) 014-2200`, `(555)014-2200`) or followed by `-` or `.`, then three digits,
//!   the same separator (after brackets: `-`, `.` or a space) and four digits: `555-014-2200`,
//!   `555.014.2200`, `1-800-822-7967`;
//! - `+1` and a separator before such a number, whose separators may also be spaces:
//!   `+1 555 014 2200`;
//! - `+` and 8 to 15 digits in groups split by one space, `-` or `.` (a later group has at least
//!   two digits, or is a bracketed `(0)`): `+44 20 7946 0958`;
//!
//! each optionally followed by an extension (`ext. 3`, `ext 3`, `extension 3`, `x3`, after a
//! comma or not). It stands apart: no letter, digit or `+-./\$€£¥#_@=&%` just before it, no `,` or
//! `:` after a digit just before it, no letter, digit or `_@%°/\` just after it, and no `-.,:+–`
//! followed by a digit just after it. And the word before it is not one that names a code or a
//! number nobody should dial (`Lot`, `NDC`, `ID`, `Fax` …).

use crate::model::{Block, Content, Inline, List, Phone};
use crate::validate::sections::SectionMap;
use std::ops::Range;

/// A phone number found in a text: where it is (bytes), and how to dial it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its bytes in the text, extension included.
    pub range: Range<usize>,
    /// The number as written, and its `tel:` URI.
    pub phone: Phone,
}

/// Words after which a number is a code, not something to dial: "Lot 555-014-2200", "Fax: …".
const NOT_DIALLED_AFTER: [&str; 17] = [
    "lot", "lote", "batch", "ndc", "ref", "serial", "id", "isbn", "no", "nº", "code", "código",
    "codigo", "account", "cuenta", "fax", "order",
];

/// Every phone number in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let could_start = matches!(chars[i].1, '0'..='9' | '(' | '+');
        let end = could_start
            .then(|| number(&chars, i))
            .flatten()
            .filter(|_| starts_apart(&chars, i, text))
            .map(|end| extension(&chars, end).unwrap_or(end))
            .filter(|&end| ends_apart(&chars, end));
        let phone = end.and_then(|end| Phone::parse(&text[byte(i)..byte(end)]));
        match (end, phone) {
            (Some(end), Some(phone)) => {
                found.push(Found {
                    range: byte(i)..byte(end),
                    phone,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// Whether `text` is one phone number and nothing else (spaces aside): a link whose words are a
/// number, which must not break across lines.
pub fn is_number(text: &str) -> bool {
    let trimmed = text.trim();
    matches!(find(trimmed).as_slice(), [one] if one.range == (0..trimmed.len()))
}

/// A number's text that a line cannot break inside: its spaces become no-break spaces, and a
/// word joiner follows each hyphen, dot and bracket. The print engine paints nothing for the
/// joiner and leaves it out of the link's /Contents; a no-break hyphen (U+2011) instead would
/// come from the fallback face, as Atkinson lacks it, and look unlike the digits around it.
pub fn unbreakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 12);
    for c in text.chars() {
        match c {
            ' ' => out.push('\u{a0}'),
            '-' | '.' | '(' | ')' => {
                out.push(c);
                out.push('\u{2060}');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Turns the phone numbers in the text of every paragraph, list item, table cell and callout of
/// `sections` into `tel:` links. Text already inside a link, code, headings and captions stay
/// as written.
pub(crate) fn link(sections: &mut SectionMap) {
    for content in sections.contents_mut() {
        if let Content::Timeline(t) = content {
            t.intro.iter_mut().for_each(inlines);
            t.stages.iter_mut().for_each(|s| inlines(&mut s.text));
        }
        content.blocks_mut().into_iter().for_each(block);
    }
}

fn block(b: &mut Block) {
    match b {
        Block::Paragraph(text) => inlines(text),
        Block::List(list) => items(list),
        Block::Table(t) => t
            .head
            .iter_mut()
            .chain(t.rows.iter_mut().flatten())
            .for_each(inlines),
        Block::Callout(c) => c.blocks.iter_mut().for_each(block),
        Block::Subheading(_) | Block::Figure(_) => {}
    }
}

fn items(list: &mut List) {
    for item in &mut list.items {
        inlines(&mut item.text);
        if let Some(nested) = &mut item.nested {
            items(nested);
        }
    }
}

/// `text` with each number in its plain text made a link; links and code are left alone.
fn inlines(text: &mut Vec<Inline>) {
    for inline in std::mem::take(text) {
        match inline {
            Inline::Text(t) => split(t, text),
            Inline::Strong(mut c) => {
                inlines(&mut c);
                text.push(Inline::Strong(c));
            }
            Inline::Emphasis(mut c) => {
                inlines(&mut c);
                text.push(Inline::Emphasis(c));
            }
            Inline::Tagged { tag, mut children } => {
                inlines(&mut children);
                text.push(Inline::Tagged { tag, children });
            }
            other => text.push(other),
        }
    }
}

/// Pushes `t` onto `out` as text and links.
fn split(t: String, out: &mut Vec<Inline>) {
    let found = find(&t);
    if found.is_empty() {
        out.push(Inline::Text(t));
        return;
    }
    let mut from = 0;
    for f in found {
        if f.range.start > from {
            out.push(Inline::Text(t[from..f.range.start].to_string()));
        }
        out.push(Inline::Link {
            href: f.phone.href(),
            children: vec![Inline::Text(t[f.range.clone()].to_string())],
        });
        from = f.range.end;
    }
    if from < t.len() {
        out.push(Inline::Text(t[from..].to_string()));
    }
}

fn char_at(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i).map(|&(_, c)| c)
}

/// `n` ASCII digits from `i`: the index after them.
fn digits(chars: &[(usize, char)], i: usize, n: usize) -> Option<usize> {
    (i..i + n)
        .all(|k| char_at(chars, k).is_some_and(|c| c.is_ascii_digit()))
        .then_some(i + n)
}

/// `c` at `i`: the index after it.
fn exactly(chars: &[(usize, char)], i: usize, c: char) -> Option<usize> {
    (char_at(chars, i) == Some(c)).then_some(i + 1)
}

/// A number starting at `i`: the index after it.
fn number(chars: &[(usize, char)], i: usize) -> Option<usize> {
    match char_at(chars, i)? {
        '+' if char_at(chars, i + 1) == Some('1') => {
            let sep = char_at(chars, i + 2).filter(|c| matches!(c, ' ' | '-' | '.'));
            sep.and_then(|_| north_american(chars, i + 3, true))
                .or_else(|| international(chars, i + 1))
        }
        '+' => international(chars, i + 1),
        '1' => {
            let sep = char_at(chars, i + 1).filter(|c| matches!(c, ' ' | '-' | '.'))?;
            let after = north_american(chars, i + 2, false)?;
            // "1-800-…" and "1.800.…" keep one separator; "1 (800) …" and "1 800-…" may differ.
            let first = char_at(chars, i + 2)?;
            let own = char_at(chars, i + 5)?;
            (sep == ' ' || first == '(' || own == sep).then_some(after)
        }
        _ => north_american(chars, i, false),
    }
}

/// Area code, exchange and line from `i`; `spaced`: spaces may separate them (after `+1`).
fn north_american(chars: &[(usize, char)], i: usize, spaced: bool) -> Option<usize> {
    let first = char_at(chars, i)?;
    let (after_area, sep) = if first == '(' {
        let close = exactly(chars, digits(chars, i + 1, 3)?, ')')?;
        let next = if char_at(chars, close) == Some(' ') {
            close + 1
        } else {
            close
        };
        (next, None)
    } else {
        let end = digits(chars, i, 3)?;
        let sep = char_at(chars, end).filter(|&c| c == '-' || c == '.' || (spaced && c == ' '))?;
        (end + 1, Some(sep))
    };
    let area = char_at(chars, i + usize::from(first == '('))?;
    if !('2'..='9').contains(&area) {
        return None;
    }
    let exchange = digits(chars, after_area, 3)?;
    let between = char_at(chars, exchange)?;
    let fits = match sep {
        Some(sep) => between == sep,
        None => matches!(between, '-' | '.' | ' '),
    };
    fits.then(|| digits(chars, exchange + 1, 4)).flatten()
}

/// Digit groups after `+` (at `i`, the country code first): the index after the last, when they
/// hold 8 to 15 digits.
fn international(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let run = |from: usize| {
        (from..)
            .take_while(|&k| char_at(chars, k).is_some_and(|c| c.is_ascii_digit()))
            .count()
    };
    let first = run(i);
    if first == 0 {
        return None;
    }
    let (mut end, mut total) = (i + first, first);
    while matches!(char_at(chars, end), Some(' ' | '-' | '.')) {
        let group = if char_at(chars, end + 1) == Some('(') {
            let n = run(end + 2);
            exactly(chars, end + 2 + n, ')')
                .filter(|_| (1..=4).contains(&n))
                .map(|after| (after, n))
        } else {
            let n = run(end + 1);
            (n >= 2).then_some((end + 1 + n, n))
        };
        let Some((after, n)) = group else { break };
        end = after;
        total += n;
    }
    (8..=15).contains(&total).then_some(end)
}

/// An extension after the number ending at `end`: the index after its digits.
fn extension(chars: &[(usize, char)], end: usize) -> Option<usize> {
    let mut k = end;
    if char_at(chars, k) == Some(',') {
        k += 1;
    }
    let spaced = char_at(chars, k) == Some(' ');
    if spaced {
        k += 1;
    }
    let rest: String = chars[k.min(chars.len())..]
        .iter()
        .take(9)
        .map(|&(_, c)| c)
        .collect::<String>()
        .to_lowercase();
    let word = Phone::EXTENSION_WORDS
        .iter()
        .find(|w| rest.starts_with(*w))?;
    k += word.chars().count();
    // "x3" is an extension, "x 3" may be a multiplication.
    if *word != "x" && char_at(chars, k) == Some(' ') {
        k += 1;
    }
    let n = (k..)
        .take_while(|&j| char_at(chars, j).is_some_and(|c| c.is_ascii_digit()))
        .count();
    ((1..=6).contains(&n) && ends_apart(chars, k + n)).then_some(k + n)
}

/// Whether a number may start at `i`: nothing that would make it part of a longer token or a code.
fn starts_apart(chars: &[(usize, char)], i: usize, text: &str) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| char_at(chars, p)) else {
        return true;
    };
    if prev.is_alphanumeric() || "+-./\\$€£¥#_@=&%‑–—".contains(prev) {
        return false;
    }
    let before = i.checked_sub(2).and_then(|p| char_at(chars, p));
    if matches!(prev, ',' | ':') && before.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let head =
        text[..chars[i].0].trim_end_matches(|c: char| c.is_whitespace() || ":#.".contains(c));
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    !NOT_DIALLED_AFTER.contains(&word.as_str())
}

/// Whether a number may end at `end`: nothing after it that would make it part of a longer token.
fn ends_apart(chars: &[(usize, char)], end: usize) -> bool {
    let Some(next) = char_at(chars, end) else {
        return true;
    };
    if next.is_alphanumeric() || "_@%°/\\".contains(next) {
        return false;
    }
    let after = char_at(chars, end + 1);
    !("-.,:+–—‑".contains(next) && after.is_some_and(|c| c.is_ascii_digit()))
}
