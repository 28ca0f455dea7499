//! Where a word may take a hyphen at the end of a line.
//!
//! `linebreak` asks for a word's hyphenation points when the word does not fit (first fit) or when it
//! weighs every possible break of a justified paragraph (optimal fit); this module answers with byte
//! offsets, using hypher's English TeX patterns plus an exception list for the clinical words the
//! patterns split badly. It sees one word at a time and knows nothing about widths.

/// Fewest chars left before a hyphen. Two is TeX's English default: "re-" and "in-" read fine.
const LEFT_MIN: usize = 2;

/// Fewest chars carried to the next line. Three (TeX's English default) avoids orphaned "-ly" and "-ed",
/// which make a reader stop to put the word back together.
const RIGHT_MIN: usize = 3;

/// Words shorter than this are never hyphenated: the space saved is smaller than the reading cost.
const MIN_WORD_CHARS: usize = 6;

/// Words the patterns split badly or not at all, with their break points marked by '-' (ASCII, lowercase,
/// matched ignoring case). The patterns give "mi-croneedling", "ra-diofre-quency" and nothing at all for
/// "hyaluronic", and these words are the ones our handouts repeat on every page. The points are used as
/// written, without `LEFT_MIN`/`RIGHT_MIN`: each was chosen by hand, and a two-letter "-cy" or "-ic"
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

/// Byte offsets inside `word` where a hyphen may be inserted (English TeX patterns via hypher,
/// with an exception list, splitting at existing hyphens/apostrophes first; nothing for words < 6 chars).
///
/// Each offset `p` splits the word into `word[..p]` + "-" and `word[p..]`. Punctuation around the word
/// is ignored, so "(recommendations)," works. Existing hyphens are break opportunities already (UAX #14),
/// so they are not returned, and each part between hyphens or apostrophes is hyphenated on its own.
/// Soft hyphens (U+00AD), when present, are the author's choice and are the only points returned (the
/// offset just after each). Parts that are not purely alphabetic (numbers, URLs) get nothing.
///
/// # Example
/// ```
/// use handouts::render::pdf::hyphenate::hyphenation_points;
///
/// let word = "recommendations";
/// let points = hyphenation_points(word);
/// assert_eq!(points, vec![3, 5, 8, 10]); // rec-om-men-da-tions
/// assert_eq!(&word[..points[0]], "rec");
/// assert!(hyphenation_points("skin").is_empty());
/// assert!(hyphenation_points("https://clinic.example/").is_empty());
/// ```
pub fn hyphenation_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    if word.contains('\u{ad}') {
        points.extend(
            word.match_indices('\u{ad}')
                .map(|(i, shy)| i + shy.len())
                .filter(|&p| p < word.len()),
        );
        return points;
    }

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
        points.extend(part_points(part).into_iter().map(|p| base + p));
        part_start = i + sep.len_utf8();
    }
    points
}

/// Punctuation that may precede a word in prose.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '\u{2018}' | '\u{201c}' | '\u{bf}' | '\u{a1}'
    )
}

/// Punctuation that may follow a word in prose.
fn is_closing(c: char) -> bool {
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
fn part_points(part: &str) -> Vec<usize> {
    if part.chars().count() < MIN_WORD_CHARS || !part.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    if let Some(points) = exception_points(part) {
        return points;
    }
    let mut points = Vec::new();
    let mut offset = 0;
    for syllable in hypher::hyphenate_bounded(part, hypher::Lang::English, LEFT_MIN, RIGHT_MIN) {
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

    /// The word with '-' at each point, which is what a failing assertion should show.
    fn marked(word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for p in hyphenation_points(word) {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
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
            assert_eq!(hyphenation_points(word), Vec::<usize>::new(), "{word:?}");
        }
    }

    #[test]
    fn soft_hyphens_override_the_patterns() {
        let word = "micro\u{ad}needling\u{ad}";
        assert_eq!(hyphenation_points(word), vec!["micro\u{ad}".len()]);
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
            for p in hyphenation_points(word) {
                assert!(
                    p > 0 && p < word.len() && word.is_char_boundary(p),
                    "{word} {p}"
                );
            }
        }
    }
}
