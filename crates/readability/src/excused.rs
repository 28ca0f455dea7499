//! When a listed term is not jargon where it stands: inside a proper name, or beside a plain word
//! for it in parentheses.
//!
//! A name such as "Vaccine Adverse Event Reporting System" must be written as it is; telling a
//! writer to make it "Vaccine Side Effect Reporting System" would be wrong. And a term the text
//! already explains ("germ-free (sterile)", "sterile (germ-free)") is what plain-language guides
//! ask for when a term has to stay, so it is no longer a problem.

use super::jargon::fold;
use super::tokenize::{words, Word};

/// Small words that may join the capitalised words of a name ("Programa de Compensación por
/// Lesiones", "Centers for Disease Control and Prevention").
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "to", "at", "&", "de", "del", "la", "las", "los", "el",
    "y", "e", "por", "para", "en", "con", "contra", "a", "al",
];

/// Words that say nothing of a meaning, left out when a parenthesis is compared with the list's
/// plain word ("on the skin" is "skin"; "herida, llaga o mancha, según el caso" is three words).
const STOPWORDS: &[&str] = &[
    // English
    "a",
    "an",
    "the",
    "of",
    "to",
    "or",
    "and",
    "on",
    "in",
    "for",
    "with",
    "from",
    "by",
    "it",
    "its",
    "your",
    "you",
    "that",
    "this",
    "be",
    "is",
    "are",
    "as",
    "at",
    "such",
    "like",
    "so",
    "can",
    "may",
    "will",
    "some",
    "any",
    "case",
    "use",
    "used",
    "depending",
    "usually",
    "often",
    // Spanish
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "al",
    "o",
    "u",
    "y",
    "e",
    "en",
    "con",
    "por",
    "para",
    "que",
    "se",
    "su",
    "sus",
    "lo",
    "le",
    "les",
    "es",
    "son",
    "según",
    "caso",
    "como",
    "muy",
    "más",
];

/// A word written with a capital and at least one small letter: "Vaccine", "Lesiones".
fn is_title(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// An all-capital abbreviation of two letters or more: "VAERS", "CDC".
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Whether only spaces stand between two words (a comma or a full stop ends a name).
fn joined(text: &str, left: &Word<'_>, right: &Word<'_>) -> bool {
    text.get(left.end()..right.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// Whether the `n` words at `toks[i]` lie inside a run of capitalised words (a proper name):
/// they are capitalised themselves, and at least one more capitalised word or abbreviation
/// joins them, directly or across small words such as "of" or "de". Words in capitals only
/// ("IN THE EVENT OF") are emphasis, not a name.
pub(super) fn in_name(text: &str, toks: &[Word<'_>], i: usize, n: usize) -> bool {
    let own = &toks[i..i + n];
    let capitalised = |w: &Word<'_>| is_title(w.text);
    if !own.iter().any(capitalised)
        || !own
            .iter()
            .all(|w| capitalised(w) || CONNECTORS.contains(&w.text))
    {
        return false;
    }
    let name_word = |w: &Word<'_>| is_title(w.text) || is_acronym(w.text);
    // Leftwards: over connectors, to a capitalised word joined by spaces only.
    let mut j = i;
    while j > 0 && joined(text, &toks[j - 1], &toks[j]) {
        let w = &toks[j - 1];
        if name_word(w) {
            return true;
        }
        if !CONNECTORS.contains(&w.text) {
            break;
        }
        j -= 1;
    }
    // Rightwards, likewise.
    let mut j = i + n - 1;
    while j + 1 < toks.len() && joined(text, &toks[j], &toks[j + 1]) {
        let w = &toks[j + 1];
        if name_word(w) {
            return true;
        }
        if !CONNECTORS.contains(&w.text) {
            break;
        }
        j += 1;
    }
    false
}

/// The folded words of `text` that carry meaning.
fn content_words(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .filter(|w| !w.is_number)
        .map(|w| fold(w.text))
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// `word` as written and without a plural ending ("sores": "sores", "sore", "sor").
fn forms(word: &str) -> [&str; 3] {
    [
        word,
        word.strip_suffix('s').unwrap_or(word),
        word.strip_suffix("es").unwrap_or(word),
    ]
}

/// Whether two folded words are one word in another form: the same, a plural, or one the start
/// of the other ("swell", "swelling"; "sleep", "sleepy").
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    forms(a).iter().any(|x| forms(b).contains(x))
        || (short.chars().count() >= 4 && long.starts_with(short))
}

/// Whether `text` shares a meaningful word with the list's `plain` word for the term.
fn says_plainly(text: &str, plain: &str) -> bool {
    let plain = content_words(plain);
    content_words(text)
        .iter()
        .any(|w| plain.iter().any(|p| same_word(w, p)))
}

/// The text from byte `from` of `text` to the next closing `)` (or the end).
fn to_close(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    &rest[..rest.find(')').unwrap_or(rest.len())]
}

/// Whether a plain word for the term at `start..end` stands beside it in parentheses: after it
/// ("sterile (germ-free)"), or before it when the term is the one in parentheses ("germ-free
/// (sterile)"). `plain` is the list's plain word; a parenthesis that shares none of its words
/// ("analgésico (sin tilde)") explains nothing.
pub(super) fn explained(text: &str, start: usize, end: usize, plain: &str) -> bool {
    let after = &text[end..];
    let gap = after.len() - after.trim_start().len();
    if after.trim_start().starts_with('(') && says_plainly(to_close(text, end + gap + 1), plain) {
        return true;
    }
    let before = text[..start].trim_end();
    let Some(head) = before.strip_suffix('(') else {
        return false;
    };
    // The term opens the parenthesis: the plain word is what the parenthesis explains (the last
    // few words before it), or follows the term inside it ("(sterile, germ-free)").
    let wanted = content_words(plain).len() + 2;
    let preceding = words(head);
    let from = preceding.len().saturating_sub(wanted);
    let explained_words = preceding.get(from).map_or("", |w| &head[w.start..]);
    says_plainly(explained_words, plain) || says_plainly(to_close(text, end), plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, word: &str, n: usize) -> bool {
        let toks: Vec<Word<'_>> = words(text);
        let i = toks.iter().position(|w| w.text == word).unwrap_or(0);
        in_name(text, &toks, i, n)
    }

    #[test]
    fn names_are_runs_of_capitalised_words() {
        let vaers = "Report it to the Vaccine Adverse Event Reporting System.";
        assert!(named(vaers, "Adverse", 2));
        let vicp = "el Programa de Compensación por Lesiones Causadas por Vacunas";
        assert!(named(vicp, "Lesiones", 1));
        assert!(named("call VAERS Adverse line", "Adverse", 1));
        // One capital at a sentence start is not a name, nor shouting in capitals.
        assert!(!named("Adverse events are rare.", "Adverse", 2));
        assert!(!named("IN THE EVENT OF bleeding", "IN", 4));
        // A full stop or a comma ends a name.
        assert!(!named("the System. Sedation helps", "Sedation", 1));
        assert!(!named("Reporting, Adverse", "Adverse", 1));
        // Small words join only when a capitalised word follows them.
        assert!(!named("Lesiones de la piel", "Lesiones", 1));
        assert!(!named("a lesion of the Skin", "lesion", 1));
    }

    #[test]
    fn a_parenthesis_explains_only_with_a_plain_word() {
        let germ_free = "Use germ-free (sterile) gauze.";
        let at = germ_free.find("sterile").unwrap_or(0);
        assert!(explained(germ_free, at, at + 7, "germ-free"));
        let sterile = "Use sterile (germ-free) gauze.";
        let at = sterile.find("sterile").unwrap_or(0);
        assert!(explained(sterile, at, at + 7, "germ-free"));
        let inside = "Use gauze (sterile, that is germ-free).";
        let at = inside.find("sterile").unwrap_or(0);
        assert!(explained(inside, at, at + 7, "germ-free"));
        // A parenthesis about something else, or a plain word with no parenthesis, is no help.
        let other = "Tome un analgésico (sin tilde) hoy.";
        let at = other.find("analgésico").unwrap_or(0);
        let end = at + "analgésico".len();
        assert!(!explained(other, at, end, "medicina para el dolor"));
        let bare = "Use germ-free sterile gauze.";
        let at = bare.find("sterile").unwrap_or(0);
        assert!(!explained(bare, at, at + 7, "germ-free"));
        // Forms of a word count: "swelling" explains "edema" (plain "swelling"), "sleepy"
        // explains "sedation" (plain "medicine that makes you calm and sleepy").
        let edema = "Some edema (swelling) is normal.";
        let at = edema.find("edema").unwrap_or(0);
        assert!(explained(edema, at, at + 5, "swelling"));
        let sedation = "You get sedation (medicine to make you sleep).";
        let at = sedation.find("sedation").unwrap_or(0);
        assert!(explained(
            sedation,
            at,
            at + 8,
            "medicine that makes you calm and sleepy"
        ));
    }

    #[test]
    fn same_word_forms() {
        assert!(same_word("swelling", "swell"));
        assert!(same_word("heridas", "herida"));
        assert!(!same_word("skin", "sin"));
        assert!(!same_word("red", "redness"));
    }
}
