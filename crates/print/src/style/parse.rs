//! Reads a style file: flat `key: value` lines, `#` comments, quoted colours. It is valid YAML, but
//! the engine reads it itself so that it depends on nothing outside its folder; the subset is small
//! enough that a nested or multi-line value is better reported as a mistake than understood.
//!
//! Every problem is collected with its 1-based line and column (columns count chars), so one rebuild
//! shows a designer everything to fix.

use std::collections::BTreeSet;
use std::fmt;

use super::super::frame::Color;
use super::{Kind, Style, Value, KEYS};

/// Points per inch: lengths in `in` are multiplied by it in `f32`, as the design's constants always
/// were, so `0.65in` is bit for bit the margin the engine used before styles were files.
const POINTS_PER_INCH: f32 = 72.0;
/// Millimetres per inch.
const MM_PER_INCH: f32 = 25.4;

/// A problem in a style file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in chars.
    pub column: u32,
    /// What is wrong and what a good value looks like.
    pub message: String,
}

impl fmt::Display for StyleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for StyleError {}

impl Style {
    /// Parses a complete style file: every key must be present, once.
    pub fn parse(text: &str) -> Result<Style, Vec<StyleError>> {
        let mut style = Style::blank();
        let mut errors = Vec::new();
        let seen = apply(&mut style, text, &mut errors);
        for (key, kind) in KEYS {
            if !seen.contains(key) {
                errors.push(StyleError {
                    line: 1,
                    column: 1,
                    message: format!(
                        "the style has no `{key}`; every key is required (e.g. `{key}: {}`)",
                        example(*kind)
                    ),
                });
            }
        }
        finish(style, errors)
    }

    /// This style with the keys listed in `text` changed: for a clinic theme's style file, which
    /// names only what it changes.
    pub fn with_overrides(&self, text: &str) -> Result<Style, Vec<StyleError>> {
        let mut style = self.clone();
        let mut errors = Vec::new();
        apply(&mut style, text, &mut errors);
        finish(style, errors)
    }
}

fn finish(style: Style, mut errors: Vec<StyleError>) -> Result<Style, Vec<StyleError>> {
    if errors.is_empty() {
        Ok(style)
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err(errors)
    }
}

/// Sets every valid `key: value` line of `text` in `style`, reporting the others; returns the keys set.
fn apply(style: &mut Style, text: &str, errors: &mut Vec<StyleError>) -> BTreeSet<&'static str> {
    let mut seen: BTreeSet<&'static str> = BTreeSet::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let error = |column: usize, message: String| StyleError {
            line,
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            message,
        };
        let content = strip_comment(raw);
        if content.trim().is_empty() {
            continue;
        }
        let indent = content.chars().take_while(|c| c.is_whitespace()).count();
        if indent > 0 {
            errors.push(error(
                indent,
                "the style file is a flat list: write `key: value` at the start of the line".into(),
            ));
            continue;
        }
        let Some((raw_key, rest)) = content.split_once(':') else {
            errors.push(error(
                0,
                format!("expected `key: value`, not `{}`", content.trim()),
            ));
            continue;
        };
        let key = raw_key.trim_end();
        let Some(&(name, kind)) = KEYS.iter().find(|(k, _)| *k == key) else {
            errors.push(error(0, unknown_key(key)));
            continue;
        };
        // The value's column: after the colon and the spaces that follow it.
        let value_start =
            raw_key.chars().count() + 1 + rest.chars().count() - rest.trim_start().chars().count();
        let raw_value = rest.trim();
        if !seen.insert(name) {
            errors.push(error(
                0,
                format!("`{name}` is set twice; keep one of the lines"),
            ));
            continue;
        }
        match value(kind, raw_value) {
            Some(v) => {
                style.set(name, v);
            }
            None => errors.push(error(value_start, bad_value(name, kind, raw_value))),
        }
    }
    seen
}

/// The line without its comment: `#` at the start or after a space, outside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return &line[..i],
            None => {}
        }
        previous = c;
    }
    line
}

/// A value of `kind`, or `None` when `raw` is not one.
fn value(kind: Kind, raw: &str) -> Option<Value> {
    match kind {
        Kind::Length => length(raw).map(Value::Number),
        Kind::Ratio => number(raw).map(Value::Number),
        Kind::Colour => colour(raw).map(Value::Colour),
        Kind::Switch => match raw {
            "true" => Some(Value::Switch(true)),
            "false" => Some(Value::Switch(false)),
            _ => None,
        },
    }
}

/// A finite, non-negative number.
fn number(raw: &str) -> Option<f32> {
    let n: f32 = raw.parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// `12pt`, `0.65in`, `25mm` or a bare number, in points.
fn length(raw: &str) -> Option<f32> {
    if let Some(n) = raw.strip_suffix("in") {
        return number(n.trim_end()).map(|n| n * POINTS_PER_INCH);
    }
    if let Some(n) = raw.strip_suffix("mm") {
        return number(n.trim_end()).map(|n| n * POINTS_PER_INCH / MM_PER_INCH);
    }
    number(raw.strip_suffix("pt").map_or(raw, str::trim_end))
}

/// `"#rrggbb"` (or single quotes).
fn colour(raw: &str) -> Option<Color> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))?;
    let hex = inner.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok().map(Color::hex)
}

/// A good value of `kind`, for messages.
fn example(kind: Kind) -> &'static str {
    match kind {
        Kind::Length => "12pt",
        Kind::Ratio => "1.3",
        Kind::Colour => "\"#1a1a1a\"",
        Kind::Switch => "true",
    }
}

fn bad_value(key: &str, kind: Kind, raw: &str) -> String {
    let shown = if raw.is_empty() {
        "nothing".to_string()
    } else {
        format!("`{raw}`")
    };
    match kind {
        Kind::Length => format!(
            "`{key}` must be a length like 12pt, 0.65in or 25mm (a bare number is points), not {shown}"
        ),
        Kind::Ratio => format!("`{key}` must be a number like 1.3 (no unit), not {shown}"),
        // An unquoted colour loses everything after `#` to the comment, hence the hint.
        Kind::Colour => format!(
            "`{key}` must be a colour like \"#1a1a1a\", in quotes (without them # starts a comment), not {shown}"
        ),
        Kind::Switch => format!("`{key}` must be true or false, not {shown}"),
    }
}

/// "unknown key", with the closest known key when one is close enough to be a typo.
fn unknown_key(key: &str) -> String {
    let closest = KEYS
        .iter()
        .map(|(k, _)| (distance(key, k), *k))
        .min_by_key(|(d, _)| *d);
    match closest {
        // A third of the key's length in edits is about where a typo stops being likely.
        Some((d, k)) if d <= (key.chars().count() / 3).max(1) => {
            format!("unknown style key `{key}`; did you mean `{k}`?")
        }
        _ => format!(
            "unknown style key `{key}`; the keys are listed in themes/default/print/style.yaml"
        ),
    }
}

/// Levenshtein distance in chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
