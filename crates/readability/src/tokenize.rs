//! Word and sentence splitting, language-independent.
//!
//! Choices (documented because they move the scores):
//! * A word is a run of letters/digits that starts with a letter; an apostrophe or hyphen
//!   between two letters stays inside it ("don't", "well-being", "post-inflammatory").
//! * A number ("38", "100.4", "2–3", "1,000", "8:00", "50%", "38°C") is one word; the
//!   syllable counter gives it one syllable. Reading "100.4" aloud takes more, but the common
//!   readability convention is one word, and numbers are not what makes a handout hard.
//! * A sentence ends at `.`, `!`, `?` or `…` (runs like "?!" or "..." included, plus any
//!   closing quotes/brackets) followed by whitespace or the end of the text, and also at a
//!   blank line, so headings and list items without punctuation do not merge.
//! * A single `.` does not end a sentence after a known abbreviation (Dr., e.g., etc., Sra.
//!   …) or a dotted initialism ("U.S."), nor after a list number at the start of a sentence
//!   ("1. Wash…"), which is dropped from the words. A `.` inside a number never ends one.
//! * Spanish `¿` and `¡` are plain punctuation.

/// A word (or number) token borrowed from the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word exactly as written.
    pub text: &'a str,
    /// Byte offset of the word's first character in the analysed text.
    pub start: usize,
    /// True for numbers such as "38" or "100.4" (counted as one word of one syllable).
    pub is_number: bool,
}

impl Word<'_> {
    /// Byte offset just past the word's last character.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// A sentence: its byte span in the analysed text and the words inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// Byte offset of the sentence's first non-space character (may be `¿`, a quote…).
    pub start: usize,
    /// Byte offset just past its final punctuation (or last non-space character).
    pub end: usize,
    /// The sentence text, `text[start..end]`.
    pub text: &'a str,
    /// Words in order; never empty (punctuation-only fragments are not sentences).
    pub words: Vec<Word<'a>>,
}

/// Abbreviations whose trailing period does not end a sentence (lowercase, no final dot).
const ABBREVIATIONS: &[&str] = &[
    "dr", "dra", "mr", "mrs", "ms", "sr", "sra", "srta", "st", "jr", "prof", "etc", "vs", "approx",
    "e.g", "i.e", "fig", "ud", "uds", "aprox", "p.ej", "lic", "ing",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Combining diacritics (U+0300–U+036F) belong to the letter before them, so decomposed
/// text ("e" + U+0301) does not split words.
pub(super) fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '»' | '\u{201D}' | '\u{2019}' | '\u{203A}'
    )
}

/// Separators allowed inside a number when a digit follows: "100.4", "1,000", "2–3", "8:00".
fn is_number_joiner(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | '/' | '-' | '\u{2013}' | '\u{2010}' | '\u{2011}'
    )
}

/// Scans one token starting at `chars[i]`; returns the index one past it, or `None` if no
/// token starts there.
fn scan_token(chars: &[(usize, char)], i: usize) -> Option<(usize, bool)> {
    let c = chars[i].1;
    let next_is = |j: usize, f: fn(char) -> bool| chars.get(j).is_some_and(|&(_, c)| f(c));
    if c.is_numeric() {
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) || c == '%' || c == '°' {
                j += 1;
            } else if is_number_joiner(c) && next_is(j + 1, |c| c.is_numeric()) {
                j += 2;
            } else {
                break;
            }
        }
        Some((j, true))
    } else if c.is_alphabetic() {
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if (is_apostrophe(c) || is_hyphen(c)) && next_is(j + 1, char::is_alphanumeric) {
                j += 2;
            } else {
                break;
            }
        }
        Some((j, false))
    } else {
        None
    }
}

fn byte_at(chars: &[(usize, char)], i: usize, len: usize) -> usize {
    chars.get(i).map_or(len, |&(b, _)| b)
}

/// All word/number tokens of `text`, ignoring sentence structure (used by jargon matching).
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((j, is_number)) = scan_token(&chars, i) {
            let (s, e) = (chars[i].0, byte_at(&chars, j, text.len()));
            out.push(Word {
                text: &text[s..e],
                start: s,
                is_number,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// True if the non-space run ending just before the period at `dot` is an abbreviation.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let run_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(b, c)| b + c.len_utf8());
    let run = before[run_start..].trim_start_matches(|c: char| !c.is_alphanumeric());
    if run.is_empty() {
        return false;
    }
    let lower = run.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Dotted initialisms: "U.S", "a.m" — single letters separated by periods.
    lower.contains('.') && lower.split('.').all(|p| p.chars().count() == 1)
}

struct Builder<'a> {
    text: &'a str,
    out: Vec<Sentence<'a>>,
    start: Option<usize>,
    words: Vec<Word<'a>>,
}

impl<'a> Builder<'a> {
    fn flush(&mut self, end: usize) {
        let words = std::mem::take(&mut self.words);
        if let (Some(start), false) = (self.start.take(), words.is_empty()) {
            self.out.push(Sentence {
                start,
                end,
                text: &self.text[start..end],
                words,
            });
        }
    }
}

/// Splits `text` into sentences with byte spans and words (see the module notes for the rules).
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut b = Builder {
        text,
        out: Vec::new(),
        start: None,
        words: Vec::new(),
    };
    // End of the last non-space character, for sentences that stop without punctuation.
    let mut last_end = 0;
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            // A blank line (two newlines with only spaces between) ends a sentence.
            if c == '\n' {
                let mut j = i + 1;
                while j < n && chars[j].1.is_whitespace() && chars[j].1 != '\n' {
                    j += 1;
                }
                if j < n && chars[j].1 == '\n' {
                    b.flush(last_end);
                }
            }
            i += 1;
            continue;
        }
        b.start.get_or_insert(pos);
        if let Some((j, is_number)) = scan_token(&chars, i) {
            let end = byte_at(&chars, j, text.len());
            b.words.push(Word {
                text: &text[pos..end],
                start: pos,
                is_number,
            });
            last_end = end;
            i = j;
            continue;
        }
        if is_terminal(c) {
            let mut j = i;
            while j < n && is_terminal(chars[j].1) {
                j += 1;
            }
            while j < n && is_closer(chars[j].1) {
                j += 1;
            }
            let end = byte_at(&chars, j, text.len());
            last_end = end;
            let at_break = j == n || chars[j].1.is_whitespace();
            let single_dot = c == '.' && (i + 1 == n || chars[i + 1].1 != '.');
            let enumerator = single_dot
                && b.words.len() == 1
                && b.words[0].is_number
                && b.words[0].end() == pos
                && b.words[0].text.len() <= 3;
            if at_break && enumerator {
                // "1. Wash your face": a list number, not a one-word sentence.
                b.words.clear();
                b.start = None;
            } else if at_break && !(single_dot && is_abbreviation(text, pos)) {
                b.flush(end);
            }
            i = j;
            continue;
        }
        last_end = pos + c.len_utf8();
        i += 1;
    }
    b.flush(last_end);
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(s: &[Sentence<'a>]) -> Vec<&'a str> {
        s.iter().map(|s| s.text).collect()
    }

    fn word_texts<'a>(s: &Sentence<'a>) -> Vec<&'a str> {
        s.words.iter().map(|w| w.text).collect()
    }

    #[test]
    fn basic_split_with_offsets() {
        let t = "Rest today. Drink water! Any questions?";
        let s = sentences(t);
        assert_eq!(texts(&s), ["Rest today.", "Drink water!", "Any questions?"]);
        assert_eq!((s[1].start, s[1].end), (12, 24));
        assert_eq!(&t[s[1].start..s[1].end], "Drink water!");
        assert_eq!(word_texts(&s[2]), ["Any", "questions"]);
        assert_eq!(s[2].words[1].start, 29);
    }

    #[test]
    fn no_final_punctuation_is_one_sentence() {
        let s = sentences("  Apply a thin layer twice a day  ");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "Apply a thin layer twice a day");
        assert_eq!(s[0].words.len(), 7);
        let s = sentences("Rest. Then apply cream");
        assert_eq!(texts(&s), ["Rest.", "Then apply cream"]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        let t = "Dr. Smith and Mrs. Lee will see you at 3 p.m. on St. Mark's Road. \
                 Use a mild cleanser, e.g. CeraVe, i.e. nothing harsh. Bring pads, towels, etc. and relax.";
        let s = sentences(t);
        assert_eq!(
            texts(&s),
            [
                "Dr. Smith and Mrs. Lee will see you at 3 p.m. on St. Mark's Road.",
                "Use a mild cleanser, e.g. CeraVe, i.e. nothing harsh.",
                "Bring pads, towels, etc. and relax."
            ]
        );
        // Spanish "No." is an answer, not the abbreviation of "número".
        assert_eq!(sentences("¿Puede maquillarse? No. Espere un día.").len(), 3);
        let t = "La Dra. Pérez y la Sra. Gómez la verán. Aprox. 2 horas.";
        assert_eq!(sentences(t).len(), 2);
        // Case-insensitive, and inside brackets.
        assert_eq!(sentences("See the chart (VS. last week) now.").len(), 1);
        // A normal word ending in the same letters is not an abbreviation.
        assert_eq!(sentences("Wash first. Then dry.").len(), 2);
    }

    #[test]
    fn numbers_are_single_words_and_keep_their_dots() {
        let s = sentences("Call if your fever is over 100.4 or lasts 2–3 days. Take 2. Then rest.");
        assert_eq!(s.len(), 3);
        let w = word_texts(&s[0]);
        assert_eq!(
            w,
            ["Call", "if", "your", "fever", "is", "over", "100.4", "or", "lasts", "2–3", "days"]
        );
        assert!(s[0].words[6].is_number && !s[0].words[5].is_number);
        assert_eq!(word_texts(&s[1]), ["Take", "2"]);
        let s = sentences("Fiebre de 38 °C o 38,5. Más de 1,000 personas a las 8:00.");
        assert_eq!(s.len(), 2);
        assert_eq!(word_texts(&s[0]), ["Fiebre", "de", "38", "C", "o", "38,5"]);
        assert_eq!(
            word_texts(&s[1]),
            ["Más", "de", "1,000", "personas", "a", "las", "8:00"]
        );
    }

    #[test]
    fn list_numbers_are_not_sentences() {
        let s = sentences("1. Wash your face. 2. Pat it dry.");
        assert_eq!(texts(&s), ["Wash your face.", "Pat it dry."]);
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_words() {
        let s = sentences("Don't rub. Your well-being matters — it's post-inflammatory - or not.");
        assert_eq!(word_texts(&s[0]), ["Don't", "rub"]);
        assert_eq!(
            word_texts(&s[1]),
            [
                "Your",
                "well-being",
                "matters",
                "it's",
                "post-inflammatory",
                "or",
                "not"
            ]
        );
        // Curly apostrophe too; a trailing apostrophe is not part of the word.
        let s = sentences("Don\u{2019}t touch the patients' bandages.");
        assert_eq!(
            word_texts(&s[0]),
            ["Don\u{2019}t", "touch", "the", "patients", "bandages"]
        );
    }

    #[test]
    fn spanish_marks_and_unicode() {
        let t = "¿Tiene fiebre? ¡Llame hoy! Evite el sol… Use crema.";
        let s = sentences(t);
        assert_eq!(
            texts(&s),
            [
                "¿Tiene fiebre?",
                "¡Llame hoy!",
                "Evite el sol…",
                "Use crema."
            ]
        );
        assert_eq!(s[0].start, 0);
        assert_eq!(word_texts(&s[0]), ["Tiene", "fiebre"]);
        assert_eq!(word_texts(&s[3]), ["Use", "crema"]);
        // Decomposed accent stays in the word.
        let s = sentences("Hinchazo\u{0301}n leve.");
        assert_eq!(word_texts(&s[0]), ["Hinchazo\u{0301}n", "leve"]);
    }

    #[test]
    fn closers_ellipses_and_blank_lines() {
        let s = sentences("He said \"stop.\" Then he left... Really?! Yes.");
        assert_eq!(
            texts(&s),
            ["He said \"stop.\"", "Then he left...", "Really?!", "Yes."]
        );
        let s = sentences("Aftercare\n\nKeep it clean\nand dry\n\n  Call us");
        assert_eq!(
            texts(&s),
            ["Aftercare", "Keep it clean\nand dry", "Call us"]
        );
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n\t ").is_empty());
        assert!(sentences("... !!! — •").is_empty());
        let s = sentences("• Ice packs");
        assert_eq!(s[0].start, 0);
        assert_eq!(word_texts(&s[0]), ["Ice", "packs"]);
    }

    #[test]
    fn words_helper_finds_all_tokens() {
        let w: Vec<&str> = words("Prior to (your) visit: 2 days.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["Prior", "to", "your", "visit", "2", "days"]);
    }
}
