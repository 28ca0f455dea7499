//! Tests for `break_lines`: geometry invariants over many widths, then one behaviour per test.

use super::super::hyphenate::{hyphenation_points, Language};
use super::*;

/// A realistic aftercare paragraph: long clinical words, a no-break space, punctuation.
const PARAGRAPH: &str = "Microneedling with radiofrequency creates thousands of tiny, controlled channels \
in the skin, which prompts the body to produce new collagen and elastin over the following weeks. \
Most people notice redness similar to a mild sunburn for one to three days, and some swelling or \
pinpoint bleeding is expected immediately after treatment. Apply only the hyaluronic serum we give \
you for the first 24\u{a0}hours, then a gentle, fragrance-free moisturizer. Avoid direct sun, saunas, \
strenuous exercise and makeup for at least 48\u{a0}hours, and use a broad-spectrum sunscreen every \
day for two weeks, because the healing skin is especially vulnerable to hyperpigmentation. Our \
recommendations are based on current dermatological guidelines and on the experience of our \
clinicians; call us if anything seems unusual, such as blistering, crusting, or signs of infection.";

fn run(text: &str, face: Face) -> Run {
    Run {
        text: text.to_string(),
        face,
        size: 11.0,
        link: None,
        lang: Some(Language::English),
        blank: None,
    }
}

#[test]
fn a_short_paragraph_breaks_at_words() {
    let runs = [Run {
        text: "Avoid direct sun for two weeks.".into(),
        face: Face::Regular,
        size: 11.0,
        link: None,
        lang: Some(Language::English),
        blank: None,
    }];
    let lines = break_lines(&runs, &[100.0], Align::Left, Fonts::embedded()).unwrap();
    let texts: Vec<Vec<&str>> = lines
        .iter()
        .map(|line| line.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        [vec!["Avoid", "direct", "sun", "for"], vec!["two", "weeks."]]
    );
    assert!(lines.iter().all(|line| line.width <= 100.0));
}

#[test]
fn a_spanish_paragraph_is_hyphenated_with_spanish_points() {
    // Narrow enough that the long words must be hyphenated to fill the lines.
    let text = "El enrojecimiento desaparece durante la recuperación, normalmente en pocos días.";
    let lines_in = |lang| {
        let runs = [Run {
            lang,
            ..run(text, Face::Regular)
        }];
        lines_of(&runs, &[62.0], Align::Left)
    };
    // (prefix before the inserted hyphen, the whole word) for every hyphenated line.
    let splits = |lines: &[Line]| -> Vec<(String, String)> {
        lines
            .windows(2)
            .filter(|pair| pair[0].hyphenated)
            .map(|pair| {
                let prefix = pair[0].pieces[pair[0].pieces.len() - 2].text.clone();
                let word = format!("{prefix}{}", pair[1].pieces[0].text);
                (prefix, word)
            })
            .collect()
    };
    let spanish = splits(&lines_in(Some(Language::Spanish)));
    assert!(spanish.len() >= 2, "{spanish:?}");
    for (prefix, word) in &spanish {
        let points = hyphenation_points(word, Some(Language::Spanish));
        assert!(points.contains(&prefix.len()), "{prefix}- in {word}");
    }
    // English patterns would not have split all of them there: these are Spanish points.
    assert!(
        spanish.iter().any(|(prefix, word)| {
            !hyphenation_points(word, Some(Language::English)).contains(&prefix.len())
        }),
        "{spanish:?}"
    );
    // Without patterns the same paragraph gets no inserted hyphen at all.
    assert!(splits(&lines_in(None)).is_empty());
}

fn lines_of(runs: &[Run], widths: &[f32], align: Align) -> Vec<Line> {
    break_lines(runs, widths, align, Fonts::embedded()).expect("all chars are in the fonts")
}

/// The text of one line as drawn: pieces in order, a space wherever a gap separates two pieces,
/// without the inserted hyphen.
fn line_text(line: &Line) -> String {
    let count = line.pieces.len() - usize::from(line.hyphenated);
    let mut out = String::new();
    let mut prev_end: Option<f32> = None;
    for piece in &line.pieces[..count] {
        if prev_end.is_some_and(|end| piece.x > end + 0.01) {
            out.push(' ');
        }
        out.push_str(&piece.text);
        prev_end = Some(piece.x + piece.width);
    }
    out
}

/// Asserts that the lines give back the source text: the same chars in the same order, and every
/// line (spaces included) a piece of the source, so no word was dropped, duplicated or split by a space.
fn assert_reassembles(source: &str, lines: &[Line]) {
    // Breaking whitespace collapses to one space; no-break spaces are part of words.
    let normalized = source
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{ad}', "");
    let all: String = lines.iter().map(line_text).collect();
    let strip = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() || *c == '\u{a0}')
            .collect::<String>()
    };
    assert_eq!(strip(&all), strip(&normalized));
    for line in lines {
        let text = line_text(line);
        assert!(
            normalized.contains(&text),
            "line {text:?} is not in the source"
        );
        if line.hyphenated {
            let hyphen = line.pieces.last().map(|p| p.text.as_str());
            assert_eq!(hyphen, Some("-"));
        }
    }
}

/// Asserts every piece lies inside `0..=widths[i]` and pieces do not overlap.
fn assert_inside(lines: &[Line], widths: &[f32]) {
    for (i, line) in lines.iter().enumerate() {
        let width = widths[i.min(widths.len() - 1)];
        let mut prev_end = -0.01;
        for piece in &line.pieces {
            assert!(piece.x >= prev_end - 0.01, "overlap at line {i}: {piece:?}");
            assert!(
                piece.x + piece.width <= width + 0.01,
                "line {i} of width {width} overflows: {piece:?}"
            );
            prev_end = piece.x + piece.width;
        }
    }
}

#[test]
fn no_line_exceeds_its_width_at_any_width() {
    let runs = [run(PARAGRAPH, Face::Regular)];
    for width in 40..=400 {
        let widths = [width as f32];
        for align in [Align::Left, Align::Justify, Align::Center, Align::Right] {
            let lines = lines_of(&runs, &widths, align);
            assert_inside(&lines, &widths);
            assert_reassembles(PARAGRAPH, &lines);
        }
    }
}

#[test]
fn justified_lines_end_exactly_at_the_width_except_the_last() {
    let runs = [run(PARAGRAPH, Face::Regular)];
    let space = Fonts::embedded().advance(Face::Regular, ' ', 11.0);
    let mut checked = 0;
    for width in (120..=400).step_by(13) {
        let width = width as f32;
        let lines = lines_of(&runs, &[width], Align::Justify);
        let (last, rest) = lines.split_last().expect("the paragraph has lines");
        for line in rest {
            if line_text(line).contains(' ') {
                let end = line.pieces.last().map_or(0.0, |p| p.x + p.width);
                assert!(
                    (end - width).abs() < 0.05,
                    "{width}: ends at {end}: {line:?}"
                );
                assert!((line.width - width).abs() < 0.05);
                checked += 1;
            }
        }
        // The last line keeps natural spacing.
        for pair in last.pieces.windows(2) {
            let gap = pair[1].x - (pair[0].x + pair[0].width);
            assert!(
                gap.abs() < 0.01 || (gap - space).abs() < 0.01,
                "{width}: gap {gap}"
            );
        }
    }
    assert!(checked > 100, "only {checked} lines checked");
}

#[test]
fn narrow_columns_hyphenate_long_words() {
    let runs = [run(PARAGRAPH, Face::Regular)];
    let lines = lines_of(&runs, &[110.0], Align::Left);
    let hyphenated: Vec<&Line> = lines.iter().filter(|l| l.hyphenated).collect();
    assert!(!hyphenated.is_empty(), "no hyphenation in a 110 pt column");
    for line in hyphenated {
        let last = line.pieces.last().expect("a hyphenated line has pieces");
        assert_eq!(last.text, "-");
        assert!(last.width > 3.0, "the hyphen has its real width");
    }
    assert_reassembles(PARAGRAPH, &lines);
}

#[test]
fn full_lines_push_the_word_down_and_loose_lines_hyphenate() {
    let text = "We recommend sunscreen";
    let fonts = Fonts::embedded();
    let prefix: f32 = "We recommend"
        .chars()
        .map(|c| fonts.advance(Face::Regular, c, 11.0))
        .sum();
    let texts = |width: f32| -> Vec<String> {
        lines_of(&[run(text, Face::Regular)], &[width], Align::Left)
            .iter()
            .map(line_text)
            .collect()
    };
    // 85% full: "sunscreen" moves down whole.
    assert_eq!(texts(prefix / 0.85), ["We recommend", "sunscreen"]);
    // 70% full: "sun-" fills the line.
    assert_eq!(texts(prefix / 0.7), ["We recommend sun", "screen"]);
}

/// For each line but the last, how wide its gaps would be when justified, as a multiple of their natural width.
fn gap_ratios(lines: &[Line], width: f32) -> Vec<f32> {
    let space = Fonts::embedded().advance(Face::Regular, ' ', 11.0);
    let (_, rest) = lines.split_last().expect("lines");
    rest.iter()
        .filter_map(|line| {
            let ink: f32 = line.pieces.iter().map(|p| p.width).sum();
            let gaps = line
                .pieces
                .windows(2)
                .filter(|p| p[1].x > p[0].x + p[0].width + 0.01)
                .count();
            (gaps > 0).then(|| (width - ink) / (gaps as f32 * space))
        })
        .collect()
}

#[test]
fn justified_text_uses_optimal_fit() {
    let runs = [run(PARAGRAPH, Face::Regular)];
    let max = |ratios: Vec<f32>| ratios.into_iter().fold(0.0, f32::max);
    for width in [200.0, 250.0, 300.0, 440.0] {
        let first_fit = max(gap_ratios(&lines_of(&runs, &[width], Align::Left), width));
        let justified = lines_of(&runs, &[width], Align::Justify);
        let optimal = gap_ratios(&justified, width);
        // The loosest line is much less loose than first fit's, and no gap shrinks below 80%.
        assert!(
            max(optimal.clone()) < first_fit * 0.9,
            "{width}: {optimal:?} vs {first_fit}"
        );
        assert!(
            optimal.iter().all(|&r| r >= 1.0 - 0.2 - 1e-3),
            "{width}: {optimal:?}"
        );
        assert_reassembles(PARAGRAPH, &justified);
    }
}

#[test]
fn justified_gaps_scale_with_their_font_size() {
    let runs = [
        run("Small words here and ", Face::Regular),
        Run {
            text: "large words there ".into(),
            face: Face::Bold,
            size: 22.0,
            link: None,
            lang: Some(Language::English),
            blank: None,
        },
        run(
            "then small again, long enough to wrap twice over.",
            Face::Regular,
        ),
    ];
    let fonts = Fonts::embedded();
    let lines = lines_of(&runs, &[180.0], Align::Justify);
    let mut mixed = 0;
    for line in &lines[..lines.len() - 1] {
        // Each gap, as a multiple of the space of the word before it, is the same across the line.
        let ratios: Vec<f32> = line
            .pieces
            .windows(2)
            .map(|p| (p[1].x - p[0].x - p[0].width) / fonts.advance(p[0].face, ' ', p[0].size))
            .collect();
        for r in &ratios {
            assert!((r - ratios[0]).abs() < 1e-3, "{ratios:?}");
        }
        let sizes: Vec<f32> = line.pieces.iter().map(|p| p.size).collect();
        mixed += usize::from(sizes.contains(&11.0) && sizes.contains(&22.0) && ratios.len() > 1);
    }
    assert!(
        mixed > 0,
        "no justified line mixes the two sizes: {lines:?}"
    );
}

#[test]
fn a_long_url_is_cut_into_lines_that_reassemble() {
    let url = "https://clinic.example/care/handouts/microneedling/radiofrequency/?utm_source=print";
    let lines = lines_of(&[run(url, Face::Regular)], &[100.0], Align::Justify);
    assert!(lines.len() >= 4, "{} lines", lines.len());
    assert_inside(&lines, &[100.0]);
    assert!(
        lines.iter().all(|l| !l.hyphenated),
        "a URL must not get hyphens"
    );
    let joined: String = lines
        .iter()
        .flat_map(|l| &l.pieces)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(joined, url);
}

#[test]
fn a_word_wider_than_the_line_is_cut_at_a_char() {
    let text = "Take Supercalifragilisticexpialidocious1234567890 twice";
    for align in [Align::Left, Align::Justify, Align::Center] {
        let lines = lines_of(&[run(text, Face::Bold)], &[40.0], align);
        assert!(lines.len() > 3);
        assert_inside(&lines, &[40.0]);
        assert_reassembles(text, &lines);
    }
}

#[test]
fn mixed_faces_keep_their_faces() {
    let runs = [
        run("Important:", Face::Bold),
        run(" keep the area clean and ", Face::Regular),
        run("dry", Face::Italic),
        run(".", Face::Regular),
    ];
    let lines = lines_of(&runs, &[400.0], Align::Left);
    assert_eq!(lines.len(), 1);
    let pieces: Vec<(&str, Face)> = lines[0]
        .pieces
        .iter()
        .map(|p| (p.text.as_str(), p.face))
        .collect();
    assert_eq!(
        pieces,
        [
            ("Important:", Face::Bold),
            ("keep", Face::Regular),
            ("the", Face::Regular),
            ("area", Face::Regular),
            ("clean", Face::Regular),
            ("and", Face::Regular),
            ("dry", Face::Italic),
            (".", Face::Regular),
        ]
    );
    // "dry" and "." are one word in two faces: they abut.
    let (dry, dot) = (&lines[0].pieces[6], &lines[0].pieces[7]);
    assert!((dry.x + dry.width - dot.x).abs() < 1e-4);
    // Bold is wider, so its piece is wider than the same text in Regular.
    let regular: f32 = "Important:"
        .chars()
        .map(|c| Fonts::embedded().advance(Face::Regular, c, 11.0))
        .sum();
    assert!(lines[0].pieces[0].width > regular);
}

#[test]
fn a_check_mark_in_a_regular_run_becomes_a_fallback_piece() {
    let lines = lines_of(
        &[run("✓ Wash gently, done✓", Face::Regular)],
        &[400.0],
        Align::Left,
    );
    let pieces: Vec<(&str, Face)> = lines[0]
        .pieces
        .iter()
        .map(|p| (p.text.as_str(), p.face))
        .collect();
    assert_eq!(
        pieces,
        [
            ("✓", Face::Fallback),
            ("Wash", Face::Regular),
            ("gently,", Face::Regular),
            ("done", Face::Regular),
            ("✓", Face::Fallback),
        ]
    );
    let fonts = Fonts::embedded();
    assert_eq!(
        lines[0].pieces[0].width,
        fonts.advance(Face::Fallback, '✓', 11.0)
    );
}

#[test]
fn links_and_sizes_carry_over_to_pieces() {
    let runs = [
        run("Call ", Face::Regular),
        Run {
            text: "(555) 010-0100".into(),
            face: Face::Bold,
            size: 16.0,
            link: Some("tel:+15550100100".into()),
            lang: Some(Language::English),
            blank: None,
        },
    ];
    let lines = lines_of(&runs, &[400.0], Align::Left);
    let last = lines[0].pieces.last().expect("pieces");
    assert_eq!(last.link.as_deref(), Some("tel:+15550100100"));
    assert_eq!(last.size, 16.0);
    assert!((lines[0].ascent - Fonts::embedded().ascent(Face::Bold, 16.0)).abs() < 1e-4);
}

#[test]
fn the_last_width_repeats() {
    let runs = [run(PARAGRAPH, Face::Regular)];
    let widths = [80.0, 120.0, 300.0];
    let lines = lines_of(&runs, &widths, Align::Left);
    assert_inside(&lines, &widths);
    assert!(lines[0].width <= 80.0 && lines[1].width <= 120.0);
    assert!(
        lines[2..].iter().any(|l| l.width > 200.0),
        "later lines use the last width"
    );
    assert!(lines.len() > 5);
}

#[test]
fn no_break_space_never_breaks() {
    let text = "Take 10\u{a0}mg twice a day, 20\u{a0}mg at night, and at most 40\u{a0}mg in 24\u{a0}hours.";
    for width in 40..=200 {
        let lines = lines_of(&[run(text, Face::Regular)], &[width as f32], Align::Justify);
        for piece in lines.iter().flat_map(|l| &l.pieces) {
            if piece.text.contains("mg") || piece.text.contains("hours") {
                assert!(
                    piece.text.contains('\u{a0}'),
                    "{width}: {:?} was separated",
                    piece.text
                );
            }
        }
        assert_reassembles(text, &lines);
    }
}

#[test]
fn soft_hyphens_break_with_a_visible_hyphen() {
    let text = "Super\u{ad}cali\u{ad}fragilistic";
    let lines = lines_of(&[run(text, Face::Regular)], &[60.0], Align::Left);
    assert!(lines.len() >= 2);
    assert!(lines[0].hyphenated);
    assert!(lines
        .iter()
        .flat_map(|l| &l.pieces)
        .all(|p| !p.text.contains('\u{ad}')));
    assert_reassembles(text, &lines);
    // Where it does not break, the soft hyphen is invisible.
    let wide = lines_of(&[run(text, Face::Regular)], &[400.0], Align::Left);
    assert_eq!(wide[0].pieces[0].text, "Supercalifragilistic");
}

#[test]
fn forced_breaks() {
    let text =
        "First line\nSecond line that is long enough to wrap at this width\n\nAfter a blank line";
    let lines = lines_of(&[run(text, Face::Regular)], &[150.0], Align::Justify);
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    assert_eq!(texts[0], "First line");
    let blank = texts
        .iter()
        .position(String::is_empty)
        .expect("a blank line");
    assert_eq!(texts[blank + 1], "After a blank line");
    assert!(lines[blank].ascent > 0.0, "a blank line still has height");
    // The line before `\n` is not justified.
    let before = &lines[blank - 1];
    assert!(before.width < 140.0, "{before:?}");
    // A trailing `\n` adds no line.
    assert_eq!(
        lines_of(&[run("One\n", Face::Regular)], &[150.0], Align::Left).len(),
        1
    );
}

#[test]
fn empty_paragraphs_have_no_lines() {
    for runs in [
        vec![],
        vec![run("", Face::Regular)],
        vec![run("  ", Face::Bold), run(" \t", Face::Regular)],
    ] {
        assert!(lines_of(&runs, &[100.0], Align::Justify).is_empty());
    }
}

#[test]
fn center_and_right_offset_the_line() {
    let runs = [run("Short", Face::Regular)];
    let natural = lines_of(&runs, &[200.0], Align::Left)[0].width;
    let center = &lines_of(&runs, &[200.0], Align::Center)[0];
    let right = &lines_of(&runs, &[200.0], Align::Right)[0];
    assert!((center.pieces[0].x - (200.0 - natural) / 2.0).abs() < 1e-3);
    assert!((right.pieces[0].x + natural - 200.0).abs() < 1e-3);
}

#[test]
fn a_char_no_font_has_is_an_error() {
    let runs = [run("Fine ", Face::Regular), run("but 漢", Face::Bold)];
    let err = break_lines(&runs, &[100.0], Align::Left, Fonts::embedded()).unwrap_err();
    assert_eq!(err, MissingGlyph { ch: '漢', run: 1 });
    assert!(err.to_string().contains("U+6F22"));
}

#[test]
fn nonsense_input_does_not_panic() {
    let fonts = Fonts::embedded();
    let bad_sizes = [f32::NAN, -3.0, 0.0, f32::INFINITY];
    for size in bad_sizes {
        let runs = [Run {
            text: PARAGRAPH.into(),
            face: Face::Regular,
            size,
            link: None,
            lang: Some(Language::English),
            blank: None,
        }];
        assert!(break_lines(&runs, &[100.0], Align::Justify, fonts).is_ok());
    }
    let runs = [run(
        "Some words\u{200b}here \u{feff}and there",
        Face::Regular,
    )];
    for widths in [
        &[][..],
        &[0.0],
        &[-5.0],
        &[f32::NAN],
        &[f32::INFINITY],
        &[1.0, 0.0],
    ] {
        for align in [Align::Justify, Align::Center, Align::Right] {
            let lines = break_lines(&runs, widths, align, fonts).expect("fonts have these chars");
            assert!(!lines.is_empty());
            assert!(lines
                .iter()
                .flat_map(|l| &l.pieces)
                .all(|p| p.x.is_finite() && p.width.is_finite()));
        }
    }
    // Unbounded width: one line, flush left.
    let lines = break_lines(&runs, &[], Align::Center, fonts).expect("ok");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].pieces[0].x, 0.0);
}

/// Release-mode timing: `cargo test --release -- --ignored --nocapture timing`.
#[test]
#[ignore]
fn timing_900_words() {
    let text = [PARAGRAPH; 7].join(" ");
    let words = text.split_whitespace().count();
    let runs = [run(&text, Face::Regular)];
    let fonts = Fonts::embedded();
    let iterations = 200;
    for align in [Align::Left, Align::Justify] {
        for width in [468.0, 230.0] {
            let mut lines = 0;
            let mut times = Vec::with_capacity(iterations);
            for _ in 0..iterations {
                let started = std::time::Instant::now();
                lines = break_lines(&runs, &[width], align, fonts)
                    .expect("ok")
                    .len();
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            let (min, median) = (times[0], times[iterations / 2]);
            println!(
                "{align:?} {width} pt: {words} words -> {lines} lines, min {min:.3} ms, median {median:.3} ms: {:.0} lines/ms",
                lines as f64 / median
            );
        }
    }
}

#[test]
fn a_compound_on_one_line_is_one_piece() {
    let lines = lines_of(
        &[run("Use anti-inflammatory cream", Face::Regular)],
        &[400.0],
        Align::Justify,
    );
    let texts: Vec<&str> = lines[0].pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Use", "anti-inflammatory", "cream"]);
}
