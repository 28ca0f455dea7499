//! Where a word may take a hyphen at the end of a line.
//!
//! `linebreak` asks for a word's hyphenation points when the word does not fit (first fit) or when it
//! weighs every possible break of a justified paragraph (optimal fit); this module answers with byte
//! offsets, using hypher's TeX patterns for the handout's language (English, with an exception list
//! for the clinical words the patterns split badly, or Spanish). It sees one word at a time and knows
//! nothing about widths.

/// A language whose hyphenation patterns are compiled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Language {
    /// English TeX patterns (US), plus [`EXCEPTIONS`].
    English,
    /// Spanish TeX patterns.
    Spanish,
    /// No hyphenation at all, not even at soft hyphens: text that is read by matching it, not word
    /// by word (a `hyphenate="no"` block, the header and footer, a style with `hyphenate: false`).
    /// Lines still break at spaces and after a word's own hyphens.
    Off,
}

impl Language {
    /// The patterns for a BCP 47 tag (`en`, `en-US`, `es-419` …), by its primary language subtag;
    /// `None` for a language without patterns, whose words are then never hyphenated: no hyphen is
    /// better than one in the wrong place.
    pub(crate) fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Language::English)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Language::Spanish)
        } else {
            None
        }
    }

    /// Fewest chars before and after a hyphen: TeX's defaults for the language. English keeps three
    /// after, which avoids orphaned "-ly" and "-ed" that make a reader stop to put the word back
    /// together; Spanish syllables are regular enough that two on each side read fine ("re-", "-ra").
    fn bounds(self) -> (usize, usize) {
        match self {
            Language::English => (2, 3),
            Language::Spanish | Language::Off => (2, 2),
        }
    }

    fn patterns(self) -> Option<hypher::Lang> {
        match self {
            Language::English => Some(hypher::Lang::English),
            Language::Spanish => Some(hypher::Lang::Spanish),
            Language::Off => None,
        }
    }
}

/// U+2060 WORD JOINER: no line break on either side of it, so a word that holds one is kept whole.
pub(crate) const WORD_JOINER: char = '\u{2060}';

/// Words shorter than this are never hyphenated: the space saved is smaller than the reading cost.
const MIN_WORD_CHARS: usize = 6;

/// Words the patterns split badly or not at all, with their break points marked by '-' (ASCII, lowercase,
/// matched ignoring case), for English only. The patterns give "mi-croneedling", "ra-diofre-quency" and
/// nothing at all for "hyaluronic", and these words are the ones our handouts repeat on every page. The
/// points are used as written, without the language's bounds: each was chosen by hand, and a two-letter "-cy" or "-ic"
/// after a long clinical word reads fine.
const EXCEPTIONS: &[&str] = &[
    "an-es-thet-ic",
    "an-ti-bi-ot-ics",
    "bot-u-li-num",
    "der-ma-plan-ing",
    "er-y-the-ma",
    "hy-al-u-ron-ic",
    "hy-dro-qui-none",
    "hy-po-pig-men-ta-tion",
    "iso-tret-i-noin",
    "med-i-ca-tion",
    "mi-cro-chan-nel-ing",
    "mi-cro-der-ma-bra-sion",
    "mi-cro-nee-dling",
    "ra-dio-fre-quen-cy",
    "ret-i-noids",
    "ret-i-nol",
    "swell-ing",
    "tret-i-noin",
    "vi-ta-min",
];

/// Byte offsets inside `word` where a hyphen may be inserted (TeX patterns of `lang` via hypher, with
/// an exception list for English, splitting at existing hyphens/apostrophes first; nothing for words
/// < 6 chars, nor for a language without patterns).
///
/// Each offset `p` splits the word into `word[..p]` + "-" and `word[p..]`. Punctuation around the word
/// is ignored, so "(recommendations)," works. Existing hyphens are break opportunities already (UAX #14),
/// so they are not returned, and each part between hyphens or apostrophes is hyphenated on its own.
/// Soft hyphens (U+00AD), when present, are the author's choice and are the only points returned (the
/// offset just after each), in any language. Parts that are not purely alphabetic (numbers, URLs)
/// get nothing, and neither does any word with [`Language::Off`] or with a word joiner (U+2060) in
/// it: `keep_whole` glues the names that must stay whole with word joiners.
pub(crate) fn hyphenation_points(word: &str, lang: Option<Language>) -> Vec<usize> {
    let mut points = Vec::new();
    if lang == Some(Language::Off) || word.contains(WORD_JOINER) {
        return points;
    }
    if word.contains('\u{ad}') {
        points.extend(
            word.match_indices('\u{ad}')
                .map(|(i, shy)| i + shy.len())
                .filter(|&p| p < word.len()),
        );
        return points;
    }
    let Some(lang) = lang else {
        return points;
    };

    // Strip the punctuation prose puts around words: "(hypopigmentation)," is "hypopigmentation". Only
    // that: "microneedling/" is a piece of a URL, whose "/" is kept so the part is not alphabetic.
    let core = word
        .trim_start_matches(is_opening)
        .trim_end_matches(is_closing);
    let start = word.len() - word.trim_start_matches(is_opening).len();

    // The patterns treat '-' and '’' as letters ("anti-inflammatory" would get a break in "ti-in"), so
    // each part between them is hyphenated on its own.
    let mut part_start = 0;
    let separators = core.char_indices().filter(|&(_, c)| is_separator(c));
    for (i, sep) in separators.chain(std::iter::once((core.len(), ' '))) {
        let part = &core[part_start..i];
        let base = start + part_start;
        points.extend(part_points(part, lang).into_iter().map(|p| base + p));
        part_start = i + sep.len_utf8();
    }
    points
}

/// Punctuation that may precede a word in prose.
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '\u{2018}' | '\u{201c}' | '\u{bf}' | '\u{a1}'
    )
}

/// Punctuation that may follow a word in prose.
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '"'
            | '\''
            | '\u{2019}'
            | '\u{201d}'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{2026}'
    )
}

/// Hyphens and apostrophes, which join the parts of a compound word.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

/// Hyphenation points of one purely alphabetic part, as byte offsets inside it.
fn part_points(part: &str, lang: Language) -> Vec<usize> {
    if part.chars().count() < MIN_WORD_CHARS || !part.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    if lang == Language::English {
        if let Some(points) = exception_points(part) {
            return points;
        }
    }
    let mut points = Vec::new();
    let mut offset = 0;
    let Some(patterns) = lang.patterns() else {
        return Vec::new();
    };
    let (left, right) = lang.bounds();
    for syllable in hypher::hyphenate_bounded(part, patterns, left, right) {
        offset += syllable.len();
        points.push(offset);
    }
    // The last syllable ends the word: that is not a place for a hyphen.
    points.pop();
    points
}

/// Points from the exception list, if `part` is listed.
fn exception_points(part: &str) -> Option<Vec<usize>> {
    let entry = EXCEPTIONS.iter().find(|entry| {
        let mut letters = entry.bytes().filter(|&b| b != b'-');
        part.bytes()
            .all(|b| letters.next() == Some(b.to_ascii_lowercase()))
            && letters.next().is_none()
    })?;
    // A match means `part` is ASCII, so byte offsets equal char counts.
    let mut points: Vec<usize> = entry
        .split('-')
        .scan(0, |offset, syllable| {
            *offset += syllable.len();
            Some(*offset)
        })
        .collect();
    points.pop();
    Some(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Option<Language> = Some(Language::English);
    const ES: Option<Language> = Some(Language::Spanish);

    /// The word with '-' at each point, which is what a failing assertion should show.
    fn marked(word: &str) -> String {
        marked_in(word, EN)
    }

    fn marked_in(word: &str, lang: Option<Language>) -> String {
        let mut out = String::new();
        let mut last = 0;
        for p in hyphenation_points(word, lang) {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn offsets_split_the_word() {
        let word = "recommendations";
        let points = hyphenation_points(word, EN);
        assert_eq!(points, vec![3, 5, 8, 10]); // rec-om-men-da-tions
        assert_eq!(&word[..points[0]], "rec");
        assert!(hyphenation_points("skin", EN).is_empty());
        assert!(hyphenation_points("https://clinic.example/", EN).is_empty());
    }

    #[test]
    fn words_from_the_handouts() {
        let cases = [
            ("hypopigmentation", "hy-po-pig-men-ta-tion"),
            ("recommendations", "rec-om-men-da-tions"),
            ("Recommendations", "Rec-om-men-da-tions"),
            ("HYPERPIGMENTATION", "HY-PER-PIG-MEN-TA-TION"),
            ("microneedling", "mi-cro-nee-dling"),
            ("Microneedling", "Mi-cro-nee-dling"),
            ("radiofrequency", "ra-dio-fre-quen-cy"),
            ("hyaluronic", "hy-al-u-ron-ic"),
            ("isotretinoin", "iso-tret-i-noin"),
            ("anti-inflammatory", "anti-in-flam-ma-tory"),
            ("clinician’s", "clin-i-cian’s"),
            ("(recommendations),", "(rec-om-men-da-tions),"),
            ("“Hypopigmentation?”", "“Hy-po-pig-men-ta-tion?”"),
        ];
        for (word, expected) in cases {
            assert_eq!(marked(word), expected, "{word}");
        }
    }

    #[test]
    fn short_and_non_alphabetic_words_get_nothing() {
        for word in [
            "",
            "a",
            "skin",
            "after",
            "anti",
            "24–48",
            "10\u{a0}mg",
            "SPF30+",
            "covid19virus",
            "https://clinic.example/",
            "microneedling/",
            "radiofrequency/?",
            "utm_source=print",
            "—",
            "!!!",
        ] {
            for lang in [EN, ES] {
                assert_eq!(
                    hyphenation_points(word, lang),
                    Vec::<usize>::new(),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn soft_hyphens_override_the_patterns() {
        let word = "micro\u{ad}needling\u{ad}";
        for lang in [EN, ES, None] {
            assert_eq!(hyphenation_points(word, lang), vec!["micro\u{ad}".len()]);
        }
    }

    #[test]
    fn spanish_words_get_spanish_points() {
        let cases = [
            ("enrojecimiento", "en-ro-je-ci-mien-to"),
            ("recuperación", "re-cu-pe-ra-ción"),
            ("hiperpigmentación", "hi-per-pig-men-ta-ción"),
            ("recomendaciones", "re-co-men-da-cio-nes"),
            ("¿Microagujas?", "¿Mi-cro-agu-jas?"),
        ];
        for (word, expected) in cases {
            assert_eq!(marked_in(word, ES), expected, "{word}");
        }
        // The English exception list is not applied to Spanish text.
        assert_ne!(marked_in("medication", ES), marked("medication"));
    }

    #[test]
    fn a_language_without_patterns_is_never_hyphenated() {
        assert!(hyphenation_points("recommendations", None).is_empty());
        assert_eq!(Language::from_tag("de-DE"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn languages_come_from_the_primary_subtag() {
        for (tag, lang) in [
            ("en", EN),
            ("en-US", EN),
            ("EN-gb", EN),
            ("es", ES),
            ("es-US", ES),
            ("es-419", ES),
            ("fr-CA", None),
        ] {
            assert_eq!(Language::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn points_are_inside_the_word_and_on_char_boundaries() {
        for word in [
            "naïveté-résumés",
            "Érythème",
            "straße’s",
            "ſtraße",
            "İnstanbulinstanbul",
        ] {
            for p in hyphenation_points(word, EN) {
                assert!(
                    p > 0 && p < word.len() && word.is_char_boundary(p),
                    "{word} {p}"
                );
            }
        }
    }
}
