//! Readability formulas. Each takes raw counts so it can be unit-tested with hand-computed
//! numbers, and each returns 0.0 (never NaN or infinity) when a denominator would be zero.

/// `num / den` as `f64`, or 0 when `den` is 0 (every score divides by a count that may be 0).
pub(super) fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Flesch–Kincaid grade: `0.39 × (words/sentences) + 11.8 × (syllables/words) − 15.59`
/// (Kincaid, Fishburne, Rogers & Chissom, 1975, *Derivation of new readability formulas for
/// Navy enlisted personnel*, Research Branch Report 8-75); 0 for empty input, may be negative.
pub fn flesch_kincaid_grade(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    0.39 * ratio(words, sentences) + 11.8 * ratio(syllables, words) - 15.59
}

/// SMOG grade: `1.0430 × √(polysyllables × 30 / sentences) + 3.1291`, polysyllable = 3+
/// syllables (McLaughlin, 1969, "SMOG grading: a new readability formula", *Journal of
/// Reading* 12(8):639–646, regression form); 0 when there are no sentences.
pub fn smog_grade(polysyllables: usize, sentences: usize) -> f64 {
    if sentences == 0 {
        return 0.0;
    }
    1.0430 * (polysyllables as f64 * 30.0 / sentences as f64).sqrt() + 3.1291
}

/// Fernández-Huerta ease as usually published: `206.84 − 0.60 × P − 1.02 × F`, P = syllables
/// per 100 words, F = sentences per 100 words (Fernández Huerta, 1959, "Medidas sencillas de
/// lecturabilidad", *Consigna* 214:29–32); 0 for empty input.
///
/// Caveat: with F defined this way, *shorter* sentences lower the score, the opposite of
/// Flesch's sentence-length term. Law (2011, LINGUIST List 22.2332) argues the published
/// formula is in error; see [`fernandez_huerta_corrected`]. This form is kept because it is
/// the one most tools and papers report, so scores stay comparable.
pub fn fernandez_huerta(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    let p = 100.0 * ratio(syllables, words);
    let f = 100.0 * ratio(sentences, words);
    206.84 - 0.60 * p - 1.02 * f
}

/// Fernández-Huerta with F read as words per sentence, `206.84 − 0.60 × P − 1.02 × (words /
/// sentences)`, the correction proposed by Law (2011, LINGUIST List 22.2332) so that longer
/// sentences lower the score as in Flesch (1948); 0 for empty input.
pub fn fernandez_huerta_corrected(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    206.84 - 0.60 * (100.0 * ratio(syllables, words)) - 1.02 * ratio(words, sentences)
}

/// Szigriszt-Pazos perspicuity, read on the INFLESZ scale: `206.835 − 62.3 × (syllables/words)
/// − (words/sentences)` (Szigriszt Pazos, 1993, doctoral thesis, Universidad Complutense de
/// Madrid; INFLESZ bands: Barrio-Cantalejo et al., 2008, *An. Sist. Sanit. Navar.*
/// 31(2):135–152); 0 for empty input.
pub fn inflesz(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 0.0;
    }
    206.835 - 62.3 * ratio(syllables, words) - ratio(words, sentences)
}

/// INFLESZ difficulty bands (Barrio-Cantalejo et al., 2008); 55–65 "normal" is the target
/// the authors recommend for patient information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InfleszBand {
    /// Below 40: "muy difícil".
    MuyDificil,
    /// 40 up to (not including) 55: "algo difícil".
    AlgoDificil,
    /// 55 up to (not including) 65: "normal".
    Normal,
    /// 65 up to and including 80: "bastante fácil".
    BastanteFacil,
    /// Above 80: "muy fácil".
    MuyFacil,
}

impl InfleszBand {
    /// Band for an INFLESZ score; a score exactly on an edge goes to the easier band,
    /// except 80, which the published table puts in 65–80.
    pub fn from_score(score: f64) -> Self {
        if score < 40.0 {
            InfleszBand::MuyDificil
        } else if score < 55.0 {
            InfleszBand::AlgoDificil
        } else if score < 65.0 {
            InfleszBand::Normal
        } else if score <= 80.0 {
            InfleszBand::BastanteFacil
        } else {
            InfleszBand::MuyFacil
        }
    }

    /// The Spanish label used in the INFLESZ paper, for showing to Spanish-speaking staff.
    pub fn label(self) -> &'static str {
        match self {
            InfleszBand::MuyDificil => "muy difícil",
            InfleszBand::AlgoDificil => "algo difícil",
            InfleszBand::Normal => "normal",
            InfleszBand::BastanteFacil => "bastante fácil",
            InfleszBand::MuyFacil => "muy fácil",
        }
    }
}

/// Knots `(ease score, grade)` of the piecewise-linear Fernández-Huerta → grade mapping,
/// highest score first. The bands are Flesch's (1948) table, which Fernández-Huerta's mirrors:
/// 90–100 → 5, 80–90 → 6, 70–80 → 7, 60–70 → 8–9, 50–60 → 10–12, 30–50 → college (13–16),
/// below 30 → graduate (17+). Each band's top edge maps to its lowest grade and its bottom
/// edge to the next band's lowest grade, so `floor(grade)` reproduces the table row.
const FH_GRADE_KNOTS: [(f64, f64); 7] = [
    (100.0, 5.0),
    (90.0, 6.0),
    (80.0, 7.0),
    (70.0, 8.0),
    (60.0, 10.0),
    (50.0, 13.0),
    (30.0, 17.0),
];

/// US school-grade equivalent of a Fernández-Huerta score, so one `max_grade` works for
/// English and Spanish: linear interpolation between the knots of Flesch's band table
/// (100→5, 90→6, 80→7, 70→8, 60→10, 50→13, 30→17); outside 30–100 the end slopes continue
/// (one grade per 10 points), floored at 0.
pub fn fernandez_huerta_grade(score: f64) -> f64 {
    if !score.is_finite() {
        return 0.0;
    }
    let first = FH_GRADE_KNOTS[0];
    if score >= first.0 {
        return (first.1 - (score - first.0) / 10.0).max(0.0);
    }
    for pair in FH_GRADE_KNOTS.windows(2) {
        let ((hi_s, hi_g), (lo_s, lo_g)) = (pair[0], pair[1]);
        if score >= lo_s {
            return hi_g + (hi_s - score) / (hi_s - lo_s) * (lo_g - hi_g);
        }
    }
    let last = FH_GRADE_KNOTS[FH_GRADE_KNOTS.len() - 1];
    last.1 + (last.0 - score) / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn zero_denominators_give_zero() {
        assert_eq!(flesch_kincaid_grade(0, 0, 0), 0.0);
        assert_eq!(flesch_kincaid_grade(5, 0, 7), 0.0);
        assert_eq!(smog_grade(3, 0), 0.0);
        assert_eq!(fernandez_huerta(0, 1, 0), 0.0);
        assert_eq!(fernandez_huerta_corrected(0, 0, 0), 0.0);
        assert_eq!(inflesz(0, 0, 0), 0.0);
        assert_eq!(ratio(1, 0), 0.0);
        assert_eq!(fernandez_huerta_grade(f64::NAN), 0.0);
    }

    #[test]
    fn formulas_match_hand_values() {
        // 100 words, 5 sentences, 150 syllables:
        // FK = 0.39*20 + 11.8*1.5 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91
        assert!(close(flesch_kincaid_grade(100, 5, 150), 9.91));
        // SMOG with 10 polysyllables in 30 sentences: 1.0430*sqrt(10) + 3.1291
        assert!(close(smog_grade(10, 30), 1.0430 * 10f64.sqrt() + 3.1291));
        // 100 words, 5 sentences, 200 syllables: FH = 206.84 - 120 - 5.1 = 81.74
        assert!(close(fernandez_huerta(100, 5, 200), 81.74));
        // Law's reading: 206.84 - 120 - 1.02*20 = 66.44
        assert!(close(fernandez_huerta_corrected(100, 5, 200), 66.44));
        // INFLESZ = 206.835 - 124.6 - 20 = 62.235
        assert!(close(inflesz(100, 5, 200), 62.235));
    }

    #[test]
    fn published_fernandez_huerta_rewards_longer_sentences() {
        // Documents the caveat: same words and syllables, fewer (longer) sentences
        // scores *easier* in the published form but harder in Law's correction.
        assert!(fernandez_huerta(100, 2, 200) > fernandez_huerta(100, 10, 200));
        assert!(fernandez_huerta_corrected(100, 2, 200) < fernandez_huerta_corrected(100, 10, 200));
    }

    #[test]
    fn inflesz_band_edges() {
        assert_eq!(InfleszBand::from_score(39.99), InfleszBand::MuyDificil);
        assert_eq!(InfleszBand::from_score(40.0), InfleszBand::AlgoDificil);
        assert_eq!(InfleszBand::from_score(55.0), InfleszBand::Normal);
        assert_eq!(InfleszBand::from_score(64.9), InfleszBand::Normal);
        assert_eq!(InfleszBand::from_score(65.0), InfleszBand::BastanteFacil);
        assert_eq!(InfleszBand::from_score(80.0), InfleszBand::BastanteFacil);
        assert_eq!(InfleszBand::from_score(80.01), InfleszBand::MuyFacil);
        assert_eq!(InfleszBand::Normal.label(), "normal");
        assert_eq!(InfleszBand::MuyDificil.label(), "muy difícil");
    }

    #[test]
    fn fh_grade_reproduces_the_band_table() {
        // (score, expected floor(grade)) straight from the table rows.
        let rows = [
            (95.0, 5.0),
            (85.0, 6.0),
            (75.0, 7.0),
            (65.0, 9.0), // 8–9
            (61.0, 9.0),
            (55.0, 11.0), // 10–12
            (40.0, 15.0), // college 13–16
            (10.0, 19.0), // graduate 17+
        ];
        for (score, want) in rows {
            assert_eq!(fernandez_huerta_grade(score).floor(), want, "score {score}");
        }
        assert!(close(fernandez_huerta_grade(100.0), 5.0));
        assert!(close(fernandez_huerta_grade(90.0), 6.0));
        assert!(close(fernandez_huerta_grade(60.0), 10.0));
        assert!(close(fernandez_huerta_grade(50.0), 13.0));
        assert!(close(fernandez_huerta_grade(30.0), 17.0));
        assert!(close(fernandez_huerta_grade(110.0), 4.0));
        assert_eq!(fernandez_huerta_grade(500.0), 0.0);
        // Monotone: easier score, lower grade.
        let mut prev = f64::INFINITY;
        for s in (-20..=120).map(f64::from) {
            let g = fernandez_huerta_grade(s);
            assert!(g <= prev, "not monotone at {s}");
            prev = g;
        }
    }
}
