//! Jargon finder: flags medical and bureaucratic terms and offers plain alternatives.
//!
//! The lists live in `jargon_en.txt` / `jargon_es.txt` so clinicians can edit them without
//! touching code; they are compiled in with `include_str!` and parsed once.

use super::tokenize::{is_combining, words, Word};
use super::Lang;
use fnv::FnvHashMap as FnvMap;
use std::sync::OnceLock;

/// One jargon term found in a text, with where it is and what to say instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JargonHit<'a> {
    /// Byte offset of the term's first character in the text.
    pub start: usize,
    /// Byte offset just past the term's last character.
    pub end: usize,
    /// The term exactly as written in the text (original case, accents, spacing).
    pub text: &'a str,
    /// The list entry it matched, as spelled in the jargon file.
    pub term: &'static str,
    /// The plain alternative to suggest.
    pub plain: &'static str,
}

struct Entry {
    term: &'static str,
    plain: &'static str,
    /// Folded words of the term; matched against folded words of the text.
    keys: Vec<String>,
}

/// Comparison key for a word: lowercase, accents and hyphens removed, apostrophes unified,
/// possessive "'s" dropped. "ñ" is kept, because "año" and "ano" are different words.
fn fold(word: &str) -> String {
    // Most words are plain ASCII letters: nothing to fold but the case (a tenth of a check's
    // time went here, mostly on these).
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'á' | 'à' | 'â' | 'ä' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => out.push('u'),
            // Decomposed ñ: n + combining tilde.
            '\u{0303}' if out.ends_with('n') => {
                out.pop();
                out.push('ñ');
            }
            '-' | '\u{2010}' | '\u{2011}' => {}
            '\u{2019}' | '\u{02BC}' => out.push('\''),
            c if is_combining(c) => {}
            c => out.push(c),
        }
    }
    if let Some(stem) = out.strip_suffix("'s") {
        out.truncate(stem.len());
    }
    out
}

fn parse(data: &'static str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = data
        .lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("");
            let (term, plain) = line.split_once('=')?;
            let (term, plain) = (term.trim(), plain.trim());
            let keys: Vec<String> = words(term).iter().map(|w| fold(w.text)).collect();
            (!keys.is_empty() && !plain.is_empty()).then_some(Entry { term, plain, keys })
        })
        .collect();
    // Longest first, so "post-inflammatory hyperpigmentation" beats "post-inflammatory".
    entries.sort_by_key(|e| std::cmp::Reverse(e.keys.len()));
    entries
}

/// A language's list, longest terms first, with the entries each first word starts.
struct List {
    entries: Vec<Entry>,
    /// Indices into `entries` (ascending, so longest first) by the term's first folded word.
    by_first: FnvMap<String, Vec<usize>>,
}

impl List {
    fn new(entries: Vec<Entry>) -> List {
        let mut by_first: FnvMap<String, Vec<usize>> = FnvMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_first.entry(e.keys[0].clone()).or_default().push(i);
        }
        List { entries, by_first }
    }

    /// The entries that may start at a text word folded to `key`, in list order: those whose
    /// first word is `key`, or `key` without a plural ending (a one-word term's plural).
    fn candidates(&self, key: &str) -> Vec<usize> {
        let mut found: Vec<usize> = [Some(key), key.strip_suffix('s'), key.strip_suffix("es")]
            .into_iter()
            .flatten()
            .filter_map(|k| self.by_first.get(k))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
fn entries(lang: Lang) -> &'static [Entry] {
    &list(lang).entries
}

/// Each word of a text was compared with every entry; looking entries up by first word makes
/// the check a small part of a build instead of the largest.
fn list(lang: Lang) -> &'static List {
    static EN: OnceLock<List> = OnceLock::new();
    static ES: OnceLock<List> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| List::new(parse(include_str!("jargon_en.txt")))),
        Lang::Es => ES.get_or_init(|| List::new(parse(include_str!("jargon_es.txt")))),
    }
}

/// Whether text word `got` matches term word `want`; the last word may carry a plural ending.
fn word_matches(got: &str, want: &str, last: bool) -> bool {
    got == want
        || (last
            && got
                .strip_prefix(want)
                .is_some_and(|tail| tail == "s" || tail == "es"))
}

/// Whether every word of `entry` matches the text words starting at `toks[i]`.
fn match_at(text: &str, toks: &[Word<'_>], keys: &[String], i: usize, entry: &Entry) -> bool {
    let n = entry.keys.len();
    if i + n > toks.len() {
        return false;
    }
    (0..n).all(|k| {
        let j = i + k;
        // Words of a multi-word term must be separated by whitespace only, so "prior. To"
        // or "prior (to" is not "prior to".
        let gap_ok = k == 0
            || text[toks[j - 1].end()..toks[j].start]
                .chars()
                .all(char::is_whitespace);
        gap_ok && word_matches(&keys[j], &entry.keys[k], k + 1 == n)
    })
}

/// Jargon terms in `text` from the bundled list for `lang`, in text order, non-overlapping.
///
/// Whole words only and case-insensitive (Spanish and English alike are also matched
/// without regard to accents), so "edematous" is not "edema" and "prior" alone is not
/// "prior to". Where terms overlap, the longest one starting first wins.
pub fn jargon(text: &str, lang: Lang) -> Vec<JargonHit<'_>> {
    let toks: Vec<Word<'_>> = words(text).into_iter().filter(|w| !w.is_number).collect();
    let keys: Vec<String> = toks.iter().map(|w| fold(w.text)).collect();
    let list = list(lang);
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = list
            .candidates(&keys[i])
            .into_iter()
            .map(|c| &list.entries[c])
            .find(|e| match_at(text, &toks, &keys, i, e));
        match found {
            Some(e) => {
                let last = &toks[i + e.keys.len() - 1];
                let (start, end) = (toks[i].start, last.end());
                hits.push(JargonHit {
                    start,
                    end,
                    text: &text[start..end],
                    term: e.term,
                    plain: e.plain,
                });
                i += e.keys.len();
            }
            None => i += 1,
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn found<'a>(hits: &[JargonHit<'a>]) -> Vec<&'a str> {
        hits.iter().map(|h| h.text).collect()
    }

    #[test]
    fn lists_are_large_and_clean() {
        for (lang, min) in [(Lang::En, 60), (Lang::Es, 40)] {
            let list = entries(lang);
            assert!(list.len() >= min, "{lang:?}: {} entries", list.len());
            let mut seen = HashSet::new();
            for e in list {
                assert!(seen.insert(e.keys.join(" ")), "duplicate {:?}", e.term);
                assert!(!e.plain.contains('='), "bad line {:?}", e.term);
                // Every term must find itself in a sentence (guards against typos that
                // make a term unmatchable, e.g. a stray number).
                let text = format!("See {} today.", e.term);
                let hits = jargon(&text, lang);
                assert_eq!(hits.len(), 1, "{:?} in {text:?}", e.term);
                assert_eq!(hits[0].term, e.term);
            }
        }
    }

    #[test]
    fn positions_and_plain_alternatives() {
        let text = "Mild erythema and edema are normal. Apply a topical analgesic prior to bed.";
        let hits = jargon(text, Lang::En);
        assert_eq!(
            found(&hits),
            ["erythema", "edema", "topical", "analgesic", "prior to"]
        );
        assert_eq!((hits[0].start, hits[0].end), (5, 13));
        assert_eq!(hits[0].plain, "redness");
        assert_eq!(hits[1].start, 18);
        assert_eq!(hits[1].plain, "swelling");
        assert_eq!(hits[4].plain, "before");
        for h in &hits {
            assert_eq!(&text[h.start..h.end], h.text);
        }
    }

    #[test]
    fn whole_words_only() {
        // "edematous" is its own entry; "edemas" is a plural of "edema"; "dermis" is not
        // found inside "epidermis"; "prior" alone is not "prior to".
        let hits = jargon(
            "Edematous skin. Several edemas. The epidermis. Prior visits.",
            Lang::En,
        );
        let terms: Vec<&str> = hits.iter().map(|h| h.term).collect();
        assert_eq!(terms, ["edematous", "edema", "epidermis"]);
        assert!(jargon("Submit your prior authorization. Adverseness.", Lang::En).is_empty());
        assert!(jargon("Cease-fire? No: ceasefire, cessation.", Lang::En).is_empty());
        assert!(jargon("erythemas-like", Lang::En).is_empty());
    }

    #[test]
    fn case_multiword_and_longest_match() {
        let text = "IN THE EVENT OF   bleeding, call. In the event that it spreads, call.";
        let hits = jargon(text, Lang::En);
        assert_eq!(found(&hits), ["IN THE EVENT OF", "In the event that"]);
        assert_eq!(hits[0].plain, "if");
        // Words of a phrase split by punctuation do not match.
        assert!(jargon("Do it prior. To start, rest.", Lang::En).is_empty());
        // Longest term wins; hyphen spelling does not matter.
        let hits = jargon(
            "Postinflammatory hyperpigmentation may follow. Post-inflammatory redness.",
            Lang::En,
        );
        assert_eq!(hits[0].term, "post-inflammatory hyperpigmentation");
        assert_eq!(hits[0].text, "Postinflammatory hyperpigmentation");
        assert_eq!(hits[1].term, "post-inflammatory");
        assert_eq!(hits.len(), 2);
        let hits = jargon(
            "Use a topical anesthetic. Avoid an adverse reaction.",
            Lang::En,
        );
        assert_eq!(found(&hits), ["topical anesthetic", "adverse reaction"]);
    }

    #[test]
    fn spanish_accent_insensitive() {
        let text = "Puede haber eritema y edema. Tome un analgesico (sin tilde) o un ANALGÉSICO \
                    previo a la sesión. En caso de prurito, llame.";
        let hits = jargon(text, Lang::Es);
        assert_eq!(
            found(&hits),
            [
                "eritema",
                "edema",
                "analgesico",
                "ANALGÉSICO",
                "previo a",
                "En caso de",
                "prurito"
            ]
        );
        assert_eq!(hits[0].plain, "enrojecimiento");
        assert_eq!(hits[1].plain, "hinchazón");
        assert_eq!(hits[2].plain, "medicina para el dolor");
        assert_eq!(hits[6].plain, "picazón");
        assert_eq!(&text[hits[3].start..hits[3].end], "ANALGÉSICO");
        // Plurals and feminine forms; "previo" alone is not "previo a".
        let hits = jargon(
            "Lesiones tópicas: está contraindicada. Día previo.",
            Lang::Es,
        );
        let terms: Vec<&str> = hits.iter().map(|h| h.term).collect();
        assert_eq!(terms, ["lesión", "tópica", "contraindicada"]);
        // Spanish list is not used for English and vice versa.
        assert!(jargon("eritema", Lang::En).is_empty());
        assert!(jargon("erythema", Lang::Es).is_empty());
    }

    #[test]
    fn fold_rules() {
        assert_eq!(fold("Analgésico"), "analgesico");
        assert_eq!(fold("Post\u{2010}Inflammatory"), "postinflammatory");
        assert_eq!(fold("patient\u{2019}s"), "patient");
        assert_eq!(fold("año"), "año");
        assert_eq!(fold("an\u{0303}o"), "año");
        assert_eq!(fold("pingu\u{0308}ino"), "pinguino");
        assert_eq!(fold("Retinol"), "retinol");
        assert_eq!(fold("SPF30"), "spf30");
    }

    #[test]
    fn empty_and_numbers() {
        assert!(jargon("", Lang::En).is_empty());
        assert!(jargon("100.4 38 2–3", Lang::Es).is_empty());
    }
}
