//! Jargon finder: flags medical and bureaucratic terms and offers plain alternatives.
//!
//! The lists live in `jargon_en.txt` / `jargon_es.txt` so clinicians can edit them without
//! touching code; they are compiled in with `include_str!` and parsed once. A term is not
//! flagged inside a proper name or beside a plain word for it in parentheses (see
//! [`super::excused`]), nor inside a phrase the list marks as plain as it stands.

use super::excused;
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
    /// A phrase that is plain as it stands (`! lesión grave`): matched like a term, so no
    /// shorter term inside it is flagged, but never reported itself.
    keep: bool,
}

/// Comparison key for a word: lowercase, accents and hyphens removed, apostrophes unified,
/// possessive "'s" dropped. "ñ" is kept, because "año" and "ano" are different words.
pub(super) fn fold(word: &str) -> String {
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

/// One line of a list file: `Ok(None)` for a blank or comment line, the entry it writes, or
/// what is wrong with it.
fn parse_line(line: &'static str) -> Result<Option<Entry>, &'static str> {
    let line = line.split('#').next().unwrap_or("").trim();
    if line.is_empty() {
        return Ok(None);
    }
    let keys = |term: &str| -> Vec<String> { words(term).iter().map(|w| fold(w.text)).collect() };
    if let Some(phrase) = line.strip_prefix('!') {
        let term = phrase.trim();
        let keys = keys(term);
        if keys.is_empty() || term.contains('=') {
            return Err("a `!` line names a plain phrase, with no `=`");
        }
        return Ok(Some(Entry {
            term,
            plain: "",
            keys,
            keep: true,
        }));
    }
    let (term, plain) = line
        .split_once('=')
        .ok_or("no `=` between term and plain word")?;
    let (term, plain) = (term.trim(), plain.trim());
    let keys = keys(term);
    if keys.is_empty() || plain.is_empty() || plain.contains('=') {
        return Err("a line must be `term = plain word`");
    }
    Ok(Some(Entry {
        term,
        plain,
        keys,
        keep: false,
    }))
}

fn parse(data: &'static str) -> Vec<Entry> {
    // A line that does not parse is left out; the tests read every line of both lists.
    let mut entries: Vec<Entry> = data
        .lines()
        .filter_map(|line| parse_line(line).ok().flatten())
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

/// The jargon entries of a language's list (not its plain phrases).
#[cfg(test)]
fn entries(lang: Lang) -> Vec<&'static Entry> {
    list(lang).entries.iter().filter(|e| !e.keep).collect()
}

/// Each word of a text was compared with every entry; looking entries up by first word makes
/// the check a small part of a build instead of the largest.
fn list(lang: Lang) -> &'static List {
    static EN: OnceLock<List> = OnceLock::new();
    static ES: OnceLock<List> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| List::new(parse(source(lang)))),
        Lang::Es => ES.get_or_init(|| List::new(parse(source(lang)))),
    }
}

/// The list file of a language, as bundled.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("jargon_en.txt"),
        Lang::Es => include_str!("jargon_es.txt"),
    }
}

/// Whether text word `got` matches term word `want`, which may carry a plural ending: in Spanish
/// every word of a phrase takes one ("reacciones adversas" for "reacción adversa").
fn word_matches(got: &str, want: &str) -> bool {
    got == want
        || got
            .strip_prefix(want)
            .is_some_and(|tail| tail == "s" || tail == "es")
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
        gap_ok && word_matches(&keys[j], &entry.keys[k])
    })
}

/// Jargon terms in `text` from the bundled list for `lang`, in text order, non-overlapping.
///
/// Whole words only and case-insensitive (Spanish and English alike are also matched
/// without regard to accents), so "edematous" is not "edema" and "prior" alone is not
/// "prior to". Where terms overlap, the longest one starting first wins. A term inside a
/// proper name ("Vaccine Adverse Event Reporting System") or with a plain word for it beside it
/// in parentheses ("germ-free (sterile)") is not jargon there, and is left out.
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
                let n = e.keys.len();
                let (start, end) = (toks[i].start, toks[i + n - 1].end());
                let excused = e.keep
                    || excused::in_name(text, &toks, i, n)
                    || excused::explained(text, start, end, e.plain);
                if !excused {
                    hits.push(JargonHit {
                        start,
                        end,
                        text: &text[start..end],
                        term: e.term,
                        plain: e.plain,
                    });
                }
                i += n;
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

    #[test]
    fn every_line_parses_and_the_lists_know_medicine() {
        for (lang, min, sources) in [
            (
                Lang::En,
                400,
                &[
                    "cdc.gov/ccindex/everydaywords",
                    "stacks.cdc.gov/view/cdc/11500",
                    "cancer.gov",
                    "plainlanguage.gov",
                ][..],
            ),
            (
                Lang::Es,
                250,
                &[
                    "cancer.gov/espanol",
                    "medlineplus.gov/spanish",
                    "stacks.cdc.gov/view/cdc/11500",
                ][..],
            ),
        ] {
            let text = source(lang);
            let mut terms = 0;
            for (n, line) in text.lines().enumerate() {
                match parse_line(line) {
                    Ok(Some(e)) if !e.keep => terms += 1,
                    Ok(_) => {}
                    Err(why) => panic!("{lang:?} line {}: {why}: {line:?}", n + 1),
                }
            }
            assert!(terms >= min, "{lang:?}: {terms} entries, fewer than {min}");
            assert_eq!(terms, entries(lang).len());
            // Each source is credited in the file's opening comment.
            let header: String = text.lines().take_while(|l| l.starts_with('#')).collect();
            for s in sources {
                assert!(header.contains(s), "{lang:?} does not credit {s}");
            }
        }
        for bad in [
            "sedation",
            "sedation =",
            "= calm",
            "a = b = c",
            "!",
            "! a = b",
        ] {
            assert!(parse_line(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(parse_line("  # a comment"), Ok(None)));
    }

    #[test]
    fn the_words_of_common_procedures_are_found() {
        let en = "Sedation helps. A polyp was removed. Hemorrhoids and rectal bleeding. \
                  The suture and the incision. Anesthesia, an analgesic, a topical retinoid, \
                  hydroquinone, a depilatory cream. Edema is contraindicated. Perioral herpes.";
        let terms: Vec<&str> = jargon(en, Lang::En).iter().map(|h| h.term).collect();
        assert_eq!(
            terms,
            [
                "sedation",
                "polyp",
                "hemorrhoids",
                "rectal",
                "suture",
                "incision",
                "anesthesia",
                "analgesic",
                "topical retinoid",
                "hydroquinone",
                "depilatory",
                "edema",
                "contraindicated",
                "perioral herpes"
            ]
        );
        let es = "La sedación ayuda. Le quitamos un pólipo. Hemorroides y sangrado rectal. \
                  La sutura y la incisión. Anestesia, un analgésico, un retinoide tópico, \
                  hidroquinona, crema depilatoria. El edema está contraindicado. Herpes perioral.";
        let terms: Vec<&str> = jargon(es, Lang::Es).iter().map(|h| h.term).collect();
        assert_eq!(
            terms,
            [
                "sedación",
                "pólipo",
                "hemorroides",
                "rectal",
                "sutura",
                "incisión",
                "anestesia",
                "analgésico",
                "retinoide tópico",
                "hidroquinona",
                "crema depilatoria",
                "edema",
                "contraindicado",
                "herpes perioral"
            ]
        );
    }

    #[test]
    fn names_and_explained_terms_are_not_jargon() {
        assert!(jargon(
            "Report it to the Vaccine Adverse Event Reporting System (VAERS).",
            Lang::En
        )
        .is_empty());
        assert!(jargon(
            "El Programa de Compensación por Lesiones Causadas por Vacunas le puede ayudar.",
            Lang::Es
        )
        .is_empty());
        assert!(jargon("Use germ-free (sterile) gauze.", Lang::En).is_empty());
        assert!(jargon("Use sterile (germ-free) gauze.", Lang::En).is_empty());
        assert!(jargon("Tiene un herpes labial (fuego o calentura).", Lang::Es).is_empty());
        // The same words outside a name, or beside a parenthesis about something else, are.
        let hits = jargon("An adverse event is rare. Use sterile gauze.", Lang::En);
        assert_eq!(found(&hits), ["adverse event", "sterile"]);
        let hits = jargon("Use sterile (new) gauze.", Lang::En);
        assert_eq!(found(&hits), ["sterile"]);
        let hits = jargon("Las lesiones de la piel sanan.", Lang::Es);
        assert_eq!(found(&hits), ["lesiones"]);
    }

    #[test]
    fn a_suggestion_never_changes_the_meaning() {
        // "lesión grave" is a serious injury: plain as it stands, never "a sore or a spot".
        for text in [
            "Una lesión grave.",
            "Lesiones graves, que son raras.",
            "Una lesión seria.",
        ] {
            assert!(jargon(text, Lang::Es).is_empty(), "{text}");
        }
        // Alone, "lesión" carries all its senses, so the writer picks the one meant.
        let hits = jargon("Una lesión en la piel.", Lang::Es);
        assert_eq!(found(&hits), ["lesión"]);
        assert_eq!(hits[0].plain, "herida, llaga o mancha, según el caso");
        let hits = jargon("Una celulitis.", Lang::Es);
        assert!(
            hits[0].plain.ends_with("según el caso"),
            "{}",
            hits[0].plain
        );
        // "puntos de sutura" is the plain way to say stitches; "sutura" alone is not.
        assert!(jargon("Le quitamos los puntos de sutura.", Lang::Es).is_empty());
        // Words with two everyday meanings are left out of the lists.
        assert!(jargon(
            "Discharge instructions. Prone to bruising. Siga recto.",
            Lang::En
        )
        .is_empty());
        assert!(jargon("Siga recto. Una melena larga.", Lang::Es).is_empty());
    }
}
