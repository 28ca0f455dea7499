//! Editions: the language, paper and print size one rendering is made for, as plain values.
//!
//! Every renderer receives an [`Edition`] and takes all its reader-facing words from the labels of
//! `edition.lang` and all its sizes from the style of `edition.size`; none of them guesses either.

use std::fmt;

/// A language, as a lowercase ISO 639-1 code (`en`, `es`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang([u8; 2]);

impl Lang {
    /// English, the language of the built-in sample and the default when `clinic.yaml` lists none.
    pub const EN: Lang = Lang(*b"en");

    /// Accepts exactly two lowercase ASCII letters.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.as_bytes() {
            [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => Some(Lang([*a, *b])),
            _ => None,
        }
    }

    /// The code, e.g. `es`.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters (checked in `parse`), so this never falls back.
        std::str::from_utf8(&self.0).unwrap_or("en")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type scale of a printed handout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrintSize {
    /// 12 pt body text: the handout staff print for most patients.
    Regular,
    /// 18 pt body text, for low-vision readers (the ACB/APH large-print guideline).
    Large,
}

impl PrintSize {
    /// Both sizes, in the order their PDFs are listed.
    pub const ALL: [PrintSize; 2] = [PrintSize::Regular, PrintSize::Large];

    /// The theme's style file for this size, relative to the theme folder.
    pub fn style_file(self) -> &'static str {
        match self {
            PrintSize::Regular => "print/style.yaml",
            PrintSize::Large => "print/style-large.yaml",
        }
    }
}

/// One rendering's audience: the language its words are in, the paper it is printed on, and the
/// type scale of its printed handouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edition {
    /// The language of every word on the page or sheet.
    pub lang: Lang,
    /// The paper of printed handouts.
    pub paper: crate::model::Paper,
    /// The type scale of printed handouts.
    pub size: PrintSize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_two_lowercase_letters() {
        assert_eq!(Lang::parse("es").map(|l| l.to_string()), Some("es".into()));
        for bad in ["", "e", "ES", "spa", "e1", "é"] {
            assert_eq!(Lang::parse(bad), None, "{bad:?}");
        }
    }
}
