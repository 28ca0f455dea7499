//! Readability analysis for patient handouts (English and Spanish).
//!
//! Patient-education guidance (AMA, NIH, CDC) asks for material written at a
//! 6th–8th grade reading level. This module counts words, sentences and
//! syllables, turns them into the standard readability scores, and points at
//! the two things a writer can actually fix: long sentences and jargon.
//!
//! It needs nothing but `std` and the `fnv` hasher for its word maps, and
//! knows nothing of the site generator: text in, counts and findings out.

mod excused;
mod jargon;
mod scores;
mod syllables;
mod tokenize;

pub use jargon::{jargon, JargonHit};
pub use scores::{
    fernandez_huerta, fernandez_huerta_corrected, fernandez_huerta_grade, flesch_kincaid_grade,
    inflesz, smog_grade, InfleszBand,
};
pub use syllables::syllables;
pub use tokenize::{sentences, Sentence, Word};

/// Language of the text being analysed; selects the syllable rules, jargon list and grade formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
}

/// Raw counts for a set of text units; the score methods are computed from these on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Language the counts were made for (decides what [`Report::grade`] means).
    pub lang: Lang,
    /// Number of words, numbers included (each number counts as one word).
    pub words: usize,
    /// Number of sentences that contain at least one word.
    pub sentences: usize,
    /// Total syllables over all words (a number counts as one syllable).
    pub syllables: usize,
    /// Words of three or more syllables (the SMOG "polysyllables").
    pub polysyllables: usize,
}

impl Report {
    /// An all-zero report for `lang`; every score of it is 0.
    pub fn empty(lang: Lang) -> Self {
        Report {
            lang,
            words: 0,
            sentences: 0,
            syllables: 0,
            polysyllables: 0,
        }
    }

    /// Average words per sentence, 0 when there are no sentences.
    pub fn words_per_sentence(&self) -> f64 {
        scores::ratio(self.words, self.sentences)
    }

    /// Average syllables per word, 0 when there are no words.
    pub fn syllables_per_word(&self) -> f64 {
        scores::ratio(self.syllables, self.words)
    }

    /// Flesch–Kincaid grade level; see [`flesch_kincaid_grade`].
    pub fn fk_grade(&self) -> f64 {
        flesch_kincaid_grade(self.words, self.sentences, self.syllables)
    }

    /// SMOG grade; see [`smog_grade`].
    pub fn smog(&self) -> f64 {
        smog_grade(self.polysyllables, self.sentences)
    }

    /// Fernández-Huerta ease score in the commonly published form; see [`fernandez_huerta`].
    pub fn fernandez_huerta(&self) -> f64 {
        fernandez_huerta(self.words, self.sentences, self.syllables)
    }

    /// Fernández-Huerta with Law's (2011) correction; see [`fernandez_huerta_corrected`].
    pub fn fernandez_huerta_corrected(&self) -> f64 {
        fernandez_huerta_corrected(self.words, self.sentences, self.syllables)
    }

    /// Szigriszt-Pazos perspicuity, the score behind the INFLESZ scale; see [`inflesz`].
    pub fn inflesz(&self) -> f64 {
        inflesz(self.words, self.sentences, self.syllables)
    }

    /// INFLESZ band of [`Report::inflesz`], or `None` for empty input (no text is not "easy").
    pub fn inflesz_band(&self) -> Option<InfleszBand> {
        (self.words > 0).then(|| InfleszBand::from_score(self.inflesz()))
    }

    /// School grade for one `max_grade` check across languages: FK for English, the
    /// Fernández-Huerta grade equivalent for Spanish; never negative, 0 for empty input.
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let g = match self.lang {
            Lang::En => self.fk_grade(),
            Lang::Es => fernandez_huerta_grade(self.fernandez_huerta()),
        };
        // FK goes negative for very short, monosyllabic text; "below grade 0" means nothing
        // to a writer, so the shared grade is floored at 0.
        g.max(0.0)
    }

    /// [`Report::grade`], but for Spanish from Law's corrected Fernández-Huerta, in which shorter
    /// sentences read easier, as in Flesch. The published form scores a list of short items as
    /// hard, so a check on it would ask writers for longer sentences; checks use this one.
    pub fn grade_corrected(&self) -> f64 {
        match self.lang {
            Lang::En => self.grade(),
            Lang::Es if self.words == 0 => 0.0,
            Lang::Es => fernandez_huerta_grade(self.fernandez_huerta_corrected()).max(0.0),
        }
    }
}

/// Counts words, sentences and syllables over several text units (paragraphs, list items).
///
/// Each unit is sentence-split on its own, so a list item without a final period still
/// counts as one sentence instead of being glued onto the next item.
pub fn measure(units: &[&str], lang: Lang) -> Report {
    let mut report = Report::empty(lang);
    for unit in units {
        for sentence in sentences(unit) {
            report.sentences += 1;
            for word in &sentence.words {
                let n = syllables(word.text, lang);
                report.words += 1;
                report.syllables += n;
                if n >= 3 {
                    report.polysyllables += 1;
                }
            }
        }
    }
    report
}

/// Sentences of `text` with more than `max_words` words, as `(byte start, word count)`.
pub fn long_sentences(text: &str, max_words: usize) -> Vec<(usize, usize)> {
    sentences(text)
        .into_iter()
        .filter(|s| s.words.len() > max_words)
        .map(|s| (s.start, s.words.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round2(x: f64) -> f64 {
        (x * 100.0).round() / 100.0
    }

    #[test]
    fn english_fk_and_smog_hand_computed() {
        // Hand count (syllables per word in brackets):
        //  S1: Wash(1) your(1) face(1) gently(2)                         -> 4 words,  5 syl
        //  S2: Avoid(2) direct(2) sunlight(2) for(1) two(1) days(1)      -> 6 words,  9 syl
        //  S3: Call(1) the(1) clinic(2) if(1) you(1) notice(2)
        //      swelling(2) blisters(2) or(1) infection(3)                -> 10 words, 16 syl
        // Totals: 20 words, 3 sentences, 30 syllables, 1 polysyllable (infection).
        // FK   = 0.39*(20/3) + 11.8*(30/20) - 15.59 = 2.60 + 17.70 - 15.59 = 4.71
        // SMOG = 1.0430*sqrt(1*30/3) + 3.1291 = 1.0430*3.16228 + 3.1291 = 6.43
        let text = "Wash your face gently. Avoid direct sunlight for two days. \
                    Call the clinic if you notice swelling, blisters, or infection.";
        let r = measure(&[text], Lang::En);
        assert_eq!(
            (r.words, r.sentences, r.syllables, r.polysyllables),
            (20, 3, 30, 1)
        );
        assert_eq!(round2(r.fk_grade()), 4.71);
        assert_eq!(round2(r.smog()), 6.43);
        assert_eq!(round2(r.grade()), 4.71);
    }

    #[test]
    fn spanish_fernandez_huerta_and_inflesz_hand_computed() {
        // Hand count (syllables per word in brackets):
        //  S1: Lave(2) su(1) cara(2) con(1) agua(2)                      -> 5 words,  8 syl
        //  S2: Evite(3) el(1) sol(1) durante(3) dos(1) días(2)            -> 6 words, 11 syl
        //  S3: Llame(2) a(1) la(1) clínica(3) si(1) tiene(2) fiebre(2)    -> 7 words, 12 syl
        // Totals: 18 words, 3 sentences, 31 syllables.
        // P = 31/18*100 = 172.222, F = 3/18*100 = 16.667
        // FH      = 206.84 - 0.60*172.222 - 1.02*16.667 = 206.84 - 103.333 - 17.000 = 86.51
        // FH(Law) = 206.84 - 103.333 - 1.02*(18/3)     = 97.39
        // INFLESZ = 206.835 - 62.3*(31/18) - 18/3 = 206.835 - 107.294 - 6 = 93.54 (muy fácil)
        // Grade: 86.507 lies in the 80–90 band -> 6 + (90 - 86.507)/10 = 6.35
        let text = "Lave su cara con agua. Evite el sol durante dos días. \
                    Llame a la clínica si tiene fiebre.";
        let r = measure(&[text], Lang::Es);
        assert_eq!((r.words, r.sentences, r.syllables), (18, 3, 31));
        assert_eq!(round2(r.fernandez_huerta()), 86.51);
        assert_eq!(round2(r.fernandez_huerta_corrected()), 97.39);
        assert_eq!(round2(r.inflesz()), 93.54);
        assert_eq!(r.inflesz_band(), Some(InfleszBand::MuyFacil));
        assert_eq!(round2(r.grade()), 6.35);
        // Law's reading, 97.39, lies in the 90–100 band -> 5 + (100 - 97.39)/10 = 5.26
        assert_eq!(round2(r.grade_corrected()), 5.26);
    }

    #[test]
    fn the_corrected_grade_rewards_short_items_in_spanish_only() {
        // Two-word items: the published form reads them as hard, Law's as easy.
        let items = ["Piel roja.", "Use crema.", "No se rasque."];
        let r = measure(&items, Lang::Es);
        assert!(r.grade() > 8.0, "{}", r.grade());
        assert!(r.grade_corrected() < 6.0, "{}", r.grade_corrected());
        let en = measure(&["Red skin.", "Use cream."], Lang::En);
        assert_eq!(en.grade_corrected(), en.grade());
        assert_eq!(Report::empty(Lang::Es).grade_corrected(), 0.0);
    }

    #[test]
    fn empty_input_is_all_zero_without_nan() {
        for lang in [Lang::En, Lang::Es] {
            for units in [&[][..], &[""][..], &["   \n  ", "..."][..]] {
                let r = measure(units, lang);
                assert_eq!(r, Report::empty(lang));
                let all = [
                    r.fk_grade(),
                    r.smog(),
                    r.fernandez_huerta(),
                    r.fernandez_huerta_corrected(),
                    r.inflesz(),
                    r.grade(),
                    r.words_per_sentence(),
                    r.syllables_per_word(),
                ];
                assert!(all.iter().all(|x| *x == 0.0), "{all:?}");
                assert_eq!(r.inflesz_band(), None);
            }
        }
    }

    #[test]
    fn units_without_final_period_count_as_one_sentence_each() {
        // Three bullet items with no punctuation: three sentences, not one run-on.
        let units = ["Wash your face", "Use sunscreen", "Call us with questions"];
        let r = measure(&units, Lang::En);
        assert_eq!(r.sentences, 3);
        assert_eq!(r.words, 9);
        // The same words glued into one unit really are one sentence.
        let glued = measure(
            &["Wash your face use sunscreen call us with questions"],
            Lang::En,
        );
        assert_eq!(glued.sentences, 1);
    }

    #[test]
    fn grade_is_floored_at_zero_for_tiny_text() {
        let r = measure(&["Go."], Lang::En);
        assert!(r.fk_grade() < 0.0);
        assert_eq!(r.grade(), 0.0);
    }

    #[test]
    fn harder_text_gets_higher_grade() {
        let easy = measure(&["Put ice on it. Rest. Call us if it hurts."], Lang::En);
        let hard = measure(
            &[
                "Topical anesthetic application is contraindicated in patients with documented \
               hypersensitivity to amide-type anesthetics.",
            ],
            Lang::En,
        );
        assert!(hard.grade() > 12.0, "{}", hard.grade());
        assert!(easy.grade() < 3.0, "{}", easy.grade());
    }

    #[test]
    fn long_sentences_reports_start_and_length() {
        let text = "Rest today. Do not rub, scratch, pick, or peel the treated skin for at least \
                    seven days after your visit. Call us.";
        let long = long_sentences(text, 10);
        assert_eq!(long, vec![(12, 18)]);
        assert!(text[12..].starts_with("Do not rub"));
        assert!(long_sentences(text, 18).is_empty());
        assert!(long_sentences("", 0).is_empty());
    }
}
