//! Diagnostics: what went wrong, where, and how to fix it, in words an editor can act on.
//!
//! Every layer reports problems as [`Diagnostic`] values and collects them in [`Diagnostics`],
//! so one run reports all of its errors together instead of stopping at the first.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// Worth telling the clinic, but the build still succeeds.
    Warning,
}

/// A family of warnings that a stricter run (`--strict`) turns into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lint {
    /// Reading level, long sentences and list items, jargon.
    PlainLanguage,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number, starting at 1, in characters.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`; offsets past the end clamp to the end.
    pub fn from_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

/// One problem found in the content, the theme or the environment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, as the user named it (e.g. `content/microneedling/prp.md`).
    pub file: Option<PathBuf>,
    /// Where in the file, when there is a place to point at.
    pub location: Option<Location>,
    /// What is wrong, as one plain sentence.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    pub source_line: Option<String>,
    /// The family of warnings it belongs to, if `--strict` can turn it into an error.
    pub lint: Option<Lint>,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            location: None,
            message: message.into(),
            hint: None,
            source_line: None,
            lint: None,
        }
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: &Path) -> Diagnostic {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Points at a place in `text` (the whole file) and quotes that line.
    pub fn at(mut self, text: &str, location: Location) -> Diagnostic {
        self.source_line = text
            .split('\n')
            .nth(location.line - 1)
            .map(|l| l.trim_end_matches('\r').to_string());
        self.location = Some(location);
        self
    }

    /// Points at byte `offset` of `text` (the whole file).
    pub fn at_offset(self, text: &str, offset: usize) -> Diagnostic {
        self.at(text, Location::from_offset(text, offset))
    }

    /// Adds how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Marks it as one of the `lint` family of warnings.
    pub fn lint(mut self, lint: Lint) -> Diagnostic {
        self.lint = Some(lint);
        self
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (Option<&Path>, Option<Location>, Severity) {
        (self.file.as_deref(), self.location, self.severity)
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: message`, then the source line with a caret, then the fix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}:", file.display())?;
            if let Some(loc) = self.location {
                write!(f, "{}:{}:", loc.line, loc.column)?;
            }
            write!(f, " ")?;
        }
        if self.severity == Severity::Warning {
            write!(f, "warning: ")?;
        }
        write!(f, "{}", self.message)?;
        if let (Some(line), Some(loc)) = (&self.source_line, self.location) {
            let number = loc.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, caret) = excerpt(line, loc.column);
            write!(f, "\n {number} | {shown}")?;
            write!(f, "\n {pad} | {}^", " ".repeat(caret))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  fix: {hint}")?;
        }
        Ok(())
    }
}

/// The longest source line quoted whole; longer ones are cut to a window around the column.
const MAX_QUOTED: usize = 100;

/// The line as quoted (tabs as spaces, long lines cut with `…`) and the caret's offset in it.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    // Tabs are shown as one space so the caret lines up under the right character.
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect();
    let at = column.saturating_sub(1).min(chars.len());
    if chars.len() <= MAX_QUOTED {
        return (chars.into_iter().collect(), at);
    }
    let start = at.saturating_sub(MAX_QUOTED / 2);
    let end = (start + MAX_QUOTED).min(chars.len());
    let mut shown = String::new();
    let mut caret = at - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// All the diagnostics of one run, in the order they were found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all of another collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Whether any of them stops the build.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many errors there are.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings there are.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Whether there are none at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics sorted by file, line and column, for printing.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        items
    }

    /// The same diagnostics with every warning of the `lint` family made an error.
    pub fn deny(mut self, lint: Lint) -> Diagnostics {
        for d in &mut self.items {
            if d.lint == Some(lint) {
                d.severity = Severity::Error;
            }
        }
        self
    }

    /// Iterates in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Diagnostics {
        Diagnostics {
            items: items.into_iter().collect(),
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics { items: vec![d] }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{d}\n")?;
        }
        Ok(())
    }
}

/// Why a command did nothing: the one error type of every command the binary runs, which gives
/// each case its own exit code.
#[derive(Debug)]
pub enum Failure {
    /// The command was wrong (an unknown handout or language, a name that is not a slug, a port
    /// in use): one message, with its fix, and nothing in the content to blame.
    Usage(String),
    /// The command was right but the files refuse it (a file that exists, a translation without
    /// its original): one message, with its fix.
    Refused(String),
    /// Problems in the content, the theme or a file to write, each located.
    Content(Diagnostics),
}

impl From<Diagnostics> for Failure {
    fn from(diags: Diagnostics) -> Failure {
        Failure::Content(diags)
    }
}

impl From<Box<Diagnostic>> for Failure {
    fn from(diag: Box<Diagnostic>) -> Failure {
        Failure::Content(Diagnostics::from(*diag))
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(&word, &c.to_lowercase()), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_on_the_first_and_later_lines() {
        let text = "abc\nde\u{e9}f\n";
        assert_eq!(
            Location::from_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        assert_eq!(
            Location::from_offset(text, 2),
            Location { line: 1, column: 3 }
        );
        assert_eq!(
            Location::from_offset(text, 4),
            Location { line: 2, column: 1 }
        );
        // After the two-byte é, the column counts characters.
        assert_eq!(
            Location::from_offset(text, 8),
            Location { line: 2, column: 4 }
        );
        // Inside a multi-byte character, and past the end, it clamps instead of panicking.
        assert_eq!(
            Location::from_offset(text, 7),
            Location { line: 2, column: 3 }
        );
        assert_eq!(
            Location::from_offset(text, 99),
            Location { line: 3, column: 1 }
        );
    }

    #[test]
    fn display_shows_path_location_source_and_fix() {
        let text = "---\ntitle: A\nreviewd: 2026-01-01\n---\n";
        let d = Diagnostic::error("unknown key `reviewd`.")
            .in_file(Path::new("content/a/b.md"))
            .at(text, Location { line: 3, column: 1 })
            .hint("did you mean `reviewed`?");
        assert_eq!(
            d.to_string(),
            "content/a/b.md:3:1: unknown key `reviewd`.\n 3 | reviewd: 2026-01-01\n   | ^\n  fix: did you mean `reviewed`?"
        );
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let line = format!("{}X{}", "a".repeat(300), "b".repeat(300));
        let (shown, caret) = excerpt(&line, 301);
        assert_eq!(shown.chars().count(), MAX_QUOTED + 2);
        assert_eq!(shown.chars().nth(caret), Some('X'));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(excerpt("a\tb", 3), ("a b".to_string(), 2));
    }

    #[test]
    fn deny_makes_only_that_family_of_warnings_errors() {
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::warning("a long sentence.").lint(Lint::PlainLanguage));
        diags.push(Diagnostic::warning("due for review."));
        assert!(!diags.has_errors());
        let denied = diags.deny(Lint::PlainLanguage);
        assert_eq!((denied.error_count(), denied.warning_count()), (1, 1));
        assert_eq!(
            denied.to_string(),
            "a long sentence.\n\nwarning: due for review.\n\n"
        );
    }

    #[test]
    fn suggestions_find_typos_but_not_unrelated_words() {
        let keys = ["title", "summary", "reviewed", "reviewed_by"];
        assert_eq!(did_you_mean("reviewd", &keys), Some("reviewed"));
        assert_eq!(did_you_mean("Titel", &keys), Some("title"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
