//! Words that must never be broken at a line end, glued before layout.
//!
//! A patient or a pharmacist matches a medicine's name, a form code or a phone number letter by
//! letter against a label or a record; "acetamino-" at the end of one line and "fén" at the start of
//! the next is a different word to them, and "Retin-" at a line end cannot be told from an inserted
//! hyphen. So before layout every such word of the document's text is glued with WORD JOINERs
//! (U+2060): one after its first letter and one after each of its hyphens, dots and other marks that
//! UAX #14 may break after. UAX #14 never breaks next to one, `hyphenate` gives no
//! hyphenation point to a word that holds one, and the fonts draw nothing for it, so a glued word
//! is set exactly as before unless it was about to be broken. Which words: those in the
//! [`KeepWhole`] list (medicines and products, from the theme and the clinic), words with a capital
//! inside (McKesson, iPhone) and codes (MICRONEEDLING-CLASSIC-EN, COVID-19). Phone numbers need no
//! glue: UAX #14 never breaks between a hyphen and a digit, and the site makes a `tel:` link's
//! number unbreakable with joiners of its own.
//!
//! Capitalised words are not taken for proper names: a sentence or a title-case heading starts with
//! one too, and keeping those whole would cost the hyphens that narrow columns need. The clinic's
//! own names (its town, its street) are in the header and footer, which never hyphenate, and a
//! clinic lists any other name in `keep_whole:`.

use std::collections::BTreeSet;

use super::block::{Block, Document, Inline};
use super::hyphenate::{is_closing, is_opening, WORD_JOINER};

/// Words never hyphenated nor broken inside, matched ignoring case: the names of medicines and
/// products a handout mentions, from the theme's list for the handout's language and the clinic's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeepWhole {
    /// Lowercase.
    words: BTreeSet<String>,
}

impl KeepWhole {
    /// An empty list: only the words the rules find (codes, numbers, inner capitals) are kept whole.
    pub fn new() -> KeepWhole {
        KeepWhole::default()
    }

    /// Adds every word of `name`: "benzoyl peroxide" keeps both "benzoyl" and "peroxide" whole.
    pub fn insert(&mut self, name: &str) {
        for word in name.split_whitespace() {
            let word = word.trim_matches(is_prose_punctuation);
            if !word.is_empty() {
                self.words.insert(word.to_lowercase());
            }
        }
    }

    /// Adds the names of a list file: one name a line; `#` starts a comment, blank lines are skipped.
    pub fn insert_list(&mut self, text: &str) {
        for line in text.lines() {
            let name = line.split_once('#').map_or(line, |(name, _)| name);
            self.insert(name);
        }
    }

    /// Whether `word` (without the punctuation around it) is listed, ignoring case.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }

    /// How many words are listed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Glues every word of `doc`'s text that must stay whole: the body, the header and the footer.
pub(crate) fn glue_document(doc: &mut Document, keep: &KeepWhole) {
    glue_inlines(&mut doc.header.left, keep);
    glue_inlines(&mut doc.header.right, keep);
    for line in &mut doc.footer.lines {
        glue_inlines(&mut line.inlines, keep);
    }
    glue_blocks(&mut doc.blocks, keep);
}

fn glue_blocks(blocks: &mut [Block], keep: &KeepWhole) {
    for block in blocks {
        match block {
            Block::Heading { inlines, .. } | Block::Paragraph { inlines, .. } => {
                glue_inlines(inlines, keep);
            }
            Block::Figure { caption, .. } => glue_inlines(caption, keep),
            Block::List { items, .. } => {
                for item in items {
                    glue_inlines(&mut item.inlines, keep);
                    for nested in item.nested.iter_mut().flat_map(|n| &mut n.items) {
                        glue_inlines(nested, keep);
                    }
                }
            }
            Block::Columns(columns) => {
                for column in columns {
                    glue_blocks(column, keep);
                }
            }
            Block::Table(rows) => {
                for row in rows {
                    glue_inlines(&mut row.head, keep);
                    glue_inlines(&mut row.cell, keep);
                }
            }
            Block::DataTable(table) => {
                for cell in table.head.iter_mut().chain(table.rows.iter_mut().flatten()) {
                    glue_inlines(&mut cell.inlines, keep);
                }
            }
            Block::Box { blocks, .. } | Block::Keep(blocks) => glue_blocks(blocks, keep),
            Block::Facts(facts) => {
                for fact in facts {
                    glue_inlines(&mut fact.value, keep);
                }
            }
            Block::Unhyphenated(inner) => glue_blocks(std::slice::from_mut(&mut **inner), keep),
            Block::Spacer(_) | Block::Fields(_) => {}
        }
    }
}

fn glue_inlines(inlines: &mut [Inline], keep: &KeepWhole) {
    for inline in inlines {
        if let Inline::Text(span) = inline {
            if let Some(glued) = glue_text(&span.text, keep) {
                span.text = glued;
            }
        }
    }
}

/// `text` with each word that must stay whole glued, or `None` when there is none. Words are
/// what lies between spaces; a word split over two spans (`<b>Tyle</b>nol`) is not seen whole.
pub(crate) fn glue_text(text: &str, keep: &KeepWhole) -> Option<String> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if start < i {
                whole_parts(&text[start..i], keep, start, &mut ranges);
            }
            start = i + c.len_utf8();
        }
    }
    if ranges.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 3 * ranges.len());
    let mut ranges = ranges.into_iter().peekable();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(c);
        while ranges.peek().is_some_and(|r| r.end <= i) {
            ranges.next();
        }
        let Some(range) = ranges.peek() else {
            continue;
        };
        let next = chars.peek().map(|&(j, n)| (j, n));
        let inside = range.start <= i && next.is_some_and(|(j, _)| j < range.end);
        // After the first letter, so that the word holds a joiner, and after each char UAX #14
        // may break after (a hyphen, a dot); not between digits, where a joiner changes how UAX #14
        // reads the number and so the breaks around it.
        let joins = (i == range.start && c.is_alphabetic()) || !c.is_alphanumeric();
        if inside && joins && c != WORD_JOINER && next.is_some_and(|(_, n)| n != WORD_JOINER) {
            out.push(WORD_JOINER);
        }
    }
    Some(out)
}

/// Adds to `out` the byte ranges (offset by `base`) of `token`, a word between spaces, that must
/// stay whole: the whole word without its punctuation, or the parts of a compound that must.
fn whole_parts(token: &str, keep: &KeepWhole, base: usize, out: &mut Vec<std::ops::Range<usize>>) {
    let core = token.trim_matches(is_prose_punctuation);
    if core.is_empty() {
        return;
    }
    let core_start = base + (token.len() - token.trim_start_matches(is_prose_punctuation).len());
    // A listed name with a hyphen of its own ("Retin-A") stays whole with it: at a line end, its
    // hyphen would pass for an inserted one.
    if is_listed(core, keep) || is_code(core) {
        out.push(core_start..core_start + core.len());
        return;
    }
    // In a compound, only the parts that are names: "acetaminophen-free" may still break after
    // "acetaminophen-", the compound's own hyphen, which the name does not have.
    let mut part_start = 0;
    let separators = core.char_indices().filter(|&(_, c)| is_joiner(c));
    for (i, sep) in separators.chain(std::iter::once((core.len(), ' '))) {
        let part = &core[part_start..i];
        if !part.is_empty() && (is_listed(part, keep) || has_inner_capital(part)) {
            out.push(core_start + part_start..core_start + i);
        }
        part_start = i + sep.len_utf8();
    }
}

/// Whether `word` is listed, as written or without a possessive "’s" ("Tylenol’s").
fn is_listed(word: &str, keep: &KeepWhole) -> bool {
    if keep.is_empty() {
        return false;
    }
    let bare = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    keep.contains(word) || keep.contains(bare)
}

/// A capital letter after a small one: a brand or a name written as one word (McKesson, iPhone).
fn has_inner_capital(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// A code: capitals, digits and hyphens, starting with a capital, with at least one hyphen or digit
/// (MICRONEEDLING-CLASSIC-EN, COVID-19, HSC-04). A word all in capitals is not one. Numbers are
/// left alone: UAX #14 never breaks a number at its own hyphen or dot ("555-014-2200", "100.4"),
/// and a joiner inside one changes how it reads the number, and so the breaks around it.
fn is_code(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut capital = false;
    let mut mark = false;
    for c in word.chars() {
        if c.is_ascii_uppercase() {
            capital = true;
        } else if c.is_ascii_digit() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '_' | '.') {
            mark = true;
        } else if c != WORD_JOINER {
            return false;
        }
    }
    capital && mark
}

/// Chars that join the parts of a compound word.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '/')
}

/// Punctuation prose puts around a word, which is not part of a name: what `hyphenate` strips,
/// and the asterisk of a footnote mark.
fn is_prose_punctuation(c: char) -> bool {
    c == '*' || is_opening(c) || is_closing(c)
}

#[cfg(test)]
mod tests;
