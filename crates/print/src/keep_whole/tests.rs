//! Which words are glued, and how: the text read back without its word joiners is unchanged.

use super::*;

/// The list of the tests: a medicine, a brand, one with a hyphen of its own, a name of two words.
fn list() -> KeepWhole {
    let mut keep = KeepWhole::new();
    keep.insert_list(
        "# Medicines\nacetaminophen\nAcetaminofén   # Spanish\n\nTylenol\nRetin-A\nbenzoyl peroxide\n",
    );
    keep
}

/// `text` glued, with each word joiner shown as `+` so a failing assertion is readable.
fn shown(text: &str) -> String {
    glue_text(text, &list())
        .unwrap_or_else(|| text.to_string())
        .replace(WORD_JOINER, "+")
}

#[test]
fn a_list_file_has_one_name_a_line_and_comments() {
    let keep = list();
    assert_eq!(keep.len(), 6);
    for word in [
        "acetaminophen",
        "ACETAMINOFÉN",
        "tylenol",
        "retin-a",
        "Benzoyl",
        "peroxide",
    ] {
        assert!(keep.contains(word), "{word}");
    }
    assert!(!keep.contains("medicines"));
    assert!(!keep.contains("spanish"));
    assert!(KeepWhole::new().is_empty());
}

#[test]
fn listed_words_are_glued_whatever_their_case_and_punctuation() {
    assert_eq!(shown("Take acetaminophen."), "Take a+cetaminophen.");
    assert_eq!(shown("(ACETAMINOFÉN),"), "(A+CETAMINOFÉN),");
    assert_eq!(shown("Tylenol’s dose"), "T+ylenol’+s dose");
    assert_eq!(shown("¿Acetaminofén?"), "¿A+cetaminofén?");
}

#[test]
fn a_listed_name_keeps_its_own_hyphen_but_a_compound_breaks_at_its_own() {
    // "Retin-" at a line end would read as an inserted hyphen: the name stays whole.
    assert_eq!(shown("Retin-A"), "R+etin-+A");
    // The compound's hyphen is not the name's: "acetaminophen-" may still end a line.
    assert_eq!(shown("acetaminophen-free"), "a+cetaminophen-free");
}

#[test]
fn codes_and_inner_capitals_are_glued_without_a_list() {
    let none = KeepWhole::new();
    let glued = |text: &str| {
        glue_text(text, &none)
            .unwrap_or_else(|| text.to_string())
            .replace(WORD_JOINER, "+")
    };
    assert_eq!(glued("Form MICRONEEDLING-EN"), "Form M+ICRONEEDLING-+EN");
    assert_eq!(glued("COVID-19"), "C+OVID-+19");
    assert_eq!(glued("McKesson"), "M+cKesson");
    assert_eq!(glued("iPhone-compatible"), "i+Phone-compatible");
}

#[test]
fn prose_is_left_alone() {
    let none = KeepWhole::new();
    for text in [
        "Recommendations for the first week",
        "HYPERPIGMENTATION",
        "Sampletown",
        "anti-inflammatory",
        "24–48 hours",
        "day 3",
        // Numbers: UAX #14 keeps them whole, and a joiner inside would change how it reads them.
        "call 555-014-2200 or 555.014.2200",
        "a fever of 100.4 °F",
        "Rev. 2026-03-14",
        "",
    ] {
        assert_eq!(glue_text(text, &none), None, "{text}");
        assert_eq!(glue_text(text, &list()), None, "{text}");
    }
}

#[test]
fn existing_word_joiners_are_not_doubled() {
    // A tel: link's number, as the site writes it: a joiner after each hyphen already.
    let text = "555-\u{2060}014";
    assert_eq!(shown(text), "555-+014");
}

#[test]
fn glued_text_reads_back_as_written() {
    let text = "Take Tylenol or acetaminophen (not McKesson’s), form HSC-04, 555.014.2200.";
    let glued = glue_text(text, &list()).unwrap_or_default();
    assert_eq!(glued.replace(WORD_JOINER, ""), text);
}
