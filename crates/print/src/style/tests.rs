//! Style files: the default ones parse to the values the engine was designed with, and every kind
//! of mistake is reported at its line and column with what a good value looks like.

use super::super::frame::Color;
use super::{Style, StyleError, KEYS, LARGE_PRINT, REGULAR};

fn errors(text: &str) -> Vec<StyleError> {
    match Style::regular().with_overrides(text) {
        Ok(_) => panic!("expected errors for {text:?}"),
        Err(errors) => errors,
    }
}

fn err(line: u32, column: u32, message: &str) -> StyleError {
    StyleError {
        line,
        column,
        message: message.into(),
    }
}

#[test]
fn both_default_files_parse_with_every_key() {
    for text in [REGULAR, LARGE_PRINT] {
        if let Err(errors) = Style::parse(text) {
            panic!("{errors:?}");
        }
        // Each key once, in the same order in both files, so they can be compared side by side.
        let keys: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split(':').next())
            .collect();
        assert_eq!(keys, KEYS.iter().map(|(k, _)| *k).collect::<Vec<_>>());
    }
}

#[test]
fn lengths_are_the_f32_values_the_constants_had() {
    let s = Style::regular();
    // Computed in f32 exactly as the constants were (`0.65 * INCH`), so the PDFs stay byte-identical.
    assert_eq!(s.margin_x.to_bits(), (0.65f32 * 72.0f32).to_bits());
    assert_eq!(s.margin_y.to_bits(), (0.6f32 * 72.0f32).to_bits());
    // Issue 24 made the QR code at least 20 mm (it was 0.7 in, 17.8 mm, and did not scan when coarse).
    assert_eq!(s.qr_side.to_bits(), (20.0f32 * 72.0f32 / 25.4f32).to_bits());
    assert_eq!(s.footer_url_width.to_bits(), (2.6f32 * 72.0f32).to_bits());
    assert_eq!(s.h3_size, 12.75);
    assert_eq!(s.leading, 1.3);
    assert_eq!(s.text, Color::hex(0x1a1a1a));
    assert_eq!(s.alert_strong, Color::hex(0x842f0e));
}

#[test]
fn units_and_comments() {
    let s = Style::regular()
        .with_overrides(
            "# a comment line\nmargin_x: 25mm # a trailing comment\nmargin_y: 36\nh2_size: 15.5pt\naccent: '#00FF7f'\n",
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!((s.margin_x - 25.0 * 72.0 / 25.4).abs() < 1e-4);
    assert_eq!(s.margin_y, 36.0);
    assert_eq!(s.h2_size, 15.5);
    assert_eq!(s.accent, Color::hex(0x00ff7f));
}

#[test]
fn an_override_file_changes_only_its_keys() {
    let regular = Style::regular();
    let changed = regular
        .with_overrides("# Our clinic's colour.\naccent: \"#7a1f5c\"\n")
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(changed.accent, Color::hex(0x7a1f5c));
    assert_eq!(
        Style {
            accent: regular.accent,
            ..changed
        },
        *regular
    );
    // An empty override file is the style itself.
    assert_eq!(regular.with_overrides(""), Ok(regular.clone()));
}

#[test]
fn a_misspelt_key_is_located_and_named_with_a_suggestion() {
    assert_eq!(
        errors("body_size: 12pt\n\nbody_sise: 13pt\nfooter_colour: 2\n"),
        vec![
            err(3, 1, "unknown style key `body_sise`; did you mean `body_size`?"),
            err(
                4,
                1,
                "unknown style key `footer_colour`; the keys are listed in themes/default/print/style.yaml"
            ),
        ]
    );
}

#[test]
fn bad_values_say_what_a_good_one_looks_like() {
    let text =
        "leading: 1.3pt\nmargin_x:  wide\ntext: #1a1a1a\naccent: \"#12345\"\nh1_size: -4pt\n";
    assert_eq!(
        errors(text),
        vec![
            err(1, 10, "`leading` must be a number like 1.3 (no unit), not `1.3pt`"),
            err(2, 12, "`margin_x` must be a length like 12pt, 0.65in or 25mm (a bare number is points), not `wide`"),
            err(3, 7, "`text` must be a colour like \"#1a1a1a\", in quotes (without them # starts a comment), not nothing"),
            err(4, 9, "`accent` must be a colour like \"#1a1a1a\", in quotes (without them # starts a comment), not `\"#12345\"`"),
            err(5, 10, "`h1_size` must be a length like 12pt, 0.65in or 25mm (a bare number is points), not `-4pt`"),
        ]
    );
}

#[test]
fn structure_mistakes_are_reported_too() {
    assert_eq!(
        errors("margins:\n  x: 1in\nleading 1.3\nleading: 1.2\nleading: 1.4\n"),
        vec![
            err(
                1,
                1,
                "unknown style key `margins`; did you mean `margin_x`?"
            ),
            err(
                2,
                3,
                "the style file is a flat list: write `key: value` at the start of the line"
            ),
            err(3, 1, "expected `key: value`, not `leading 1.3`"),
            err(5, 1, "`leading` is set twice; keep one of the lines"),
        ]
    );
}

#[test]
fn a_complete_style_needs_every_key() {
    let without = REGULAR.replace("\nleading: 1.3\n", "\n");
    let errors = Style::parse(&without).err().unwrap_or_default();
    assert_eq!(
        errors,
        vec![err(
            1,
            1,
            "the style has no `leading`; every key is required (e.g. `leading: 1.3`)"
        )]
    );
    assert_eq!(errors[0].to_string(), format!("1:1: {}", errors[0].message));
}

#[test]
fn the_large_print_edition_follows_the_guideline() {
    let s = Style::large_print();
    assert!(s.body_size >= 18.0);
    assert!(s.leading >= 1.35);
    assert!(s.footer_size >= 14.0 && s.header_phone_size >= 14.0 && s.header_name_size >= 14.0);
    assert!(s.fact_label_size >= 14.0);
    assert!(s.h1_size > s.h2_size && s.h2_size > s.h3_size && s.h3_size > s.body_size);
    assert!(s.qr_side > Style::regular().qr_side);
    assert!(s.list_indent > Style::regular().list_indent);
}
