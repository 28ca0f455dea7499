//! The one place that knows the YAML library: text in, a plain [`Value`] tree or a readable error out.
//!
//! The parser is yaml_serde, the YAML organization's maintained fork of the archived serde_yaml.
//! Keeping it behind this module means the next replacement, too, edits this file alone.

use crate::diag::{Diagnostic, Diagnostics, Location};
use std::path::Path;

/// A YAML document reduced to what front matter needs: scalars as text, lists and mappings.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An empty value (`key:` with nothing after it, or `~`/`null`).
    Null,
    /// Any scalar (text, number, boolean), as the text it stands for.
    Scalar(String),
    /// A `- item` list.
    Sequence(Vec<Value>),
    /// A `key: value` mapping, in file order.
    Mapping(Vec<(String, Value)>),
}

/// A YAML problem, already put into plain words, with its place relative to the parsed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Where, relative to the start of the YAML text (1-based).
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Adds `errors`, found parsing `text` (the whole file at `path`), to `diags`, each at its place.
pub fn report(errors: Vec<YamlError>, path: &Path, text: &str, diags: &mut Diagnostics) {
    for e in errors {
        let mut d = Diagnostic::error(e.message).in_file(path).hint(e.hint);
        if let Some(l) = e.location {
            d = d.at(text, l);
        }
        diags.push(d);
    }
}

/// Parses `text`, reporting problems an editor can fix. Tabs used for indentation and top-level
/// lines without a colon are caught first, because the YAML parser's own words for them
/// ("found character that cannot start any token") help nobody.
pub fn parse(text: &str) -> Result<Value, Vec<YamlError>> {
    let problems = lint(text);
    if !problems.is_empty() {
        return Err(problems);
    }
    match yaml_serde::from_str::<yaml_serde::Value>(text) {
        Ok(value) => convert(value).map_err(|e| vec![e]),
        Err(err) => Err(vec![explain(text, &err)]),
    }
}

fn lint(text: &str) -> Vec<YamlError> {
    let mut problems = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            problems.push(YamlError {
                location: Some(Location {
                    line: i + 1,
                    column: col + 1,
                }),
                message:
                    "a tab character is used to indent this line, and YAML only allows spaces."
                        .into(),
                hint: "replace the tab with spaces (two spaces per level is usual).".into(),
            });
            continue;
        }
        let content = line.trim();
        if !indent.is_empty() {
            continue; // indented lines belong to the value above; the parser judges them.
        }
        if content.is_empty()
            || content.starts_with('#')
            || content.starts_with("- ")
            || content == "-"
        {
            continue;
        }
        if content.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!', '%', '?']) {
            continue; // flow and exotic syntax: leave it to the parser.
        }
        if key_colon(content).is_none() {
            let key = content.split_whitespace().next().unwrap_or(content);
            problems.push(YamlError {
                location: Some(Location { line: i + 1, column: 1 }),
                message: format!("this line has no colon, so YAML cannot tell the key from the value (`{content}`)."),
                hint: format!("write the key, a colon and a space, then the value, for example `{key}: …`."),
            });
        }
    }
    problems
}

/// The text after `key:` when `line` starts with a plain key followed by a colon.
fn key_colon(line: &str) -> Option<&str> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let rest = &line[colon + 1..];
    (!key.is_empty() && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some(rest)
}

fn convert(value: yaml_serde::Value) -> Result<Value, YamlError> {
    use yaml_serde::Value as Y;
    Ok(match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Scalar(b.to_string()),
        Y::Number(n) => Value::Scalar(n.to_string()),
        Y::String(s) => Value::Scalar(s),
        Y::Sequence(items) => {
            Value::Sequence(items.into_iter().map(convert).collect::<Result<_, _>>()?)
        }
        Y::Mapping(map) => {
            let mut entries = Vec::with_capacity(map.len());
            for (k, v) in map {
                let key = match convert(k)? {
                    Value::Scalar(s) => s,
                    _ => return Err(YamlError {
                        location: None,
                        message: "a key is a list or a mapping; keys must be plain words.".into(),
                        hint:
                            "write each key as a single word followed by a colon, such as `title:`."
                                .into(),
                    }),
                };
                entries.push((key, convert(v)?));
            }
            Value::Mapping(entries)
        }
        Y::Tagged(tagged) => {
            return Err(YamlError {
                location: None,
                message: format!("the YAML tag `{}` is not supported.", tagged.tag),
                hint: "remove the `!` tag and write the value as plain text.".into(),
            })
        }
    })
}

/// Turns the parser's message into a sentence and a fix.
fn explain(text: &str, err: &yaml_serde::Error) -> YamlError {
    let raw = err.to_string();
    let mut location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let line_text = location
        .and_then(|l| text.split('\n').nth(l.line - 1))
        .unwrap_or("");
    let indented = line_text.starts_with(' ');
    let (message, hint): (String, String) = if raw.contains("mapping values are not allowed") {
        if indented {
            // Point at the indentation, the thing to fix, not at the colon the parser tripped on.
            location = location.map(|l| Location { column: 1, ..l });
            (
                "this line is indented, but the line above it already has its value, so YAML reads it as a mistake.".into(),
                "remove the spaces at the start of the line so the key lines up with the others; if the value itself contains `: `, put the whole value in double quotes.".into(),
            )
        } else {
            (
                "this value contains a colon followed by a space, which YAML reads as the start of another key.".into(),
                "put the whole value in double quotes, for example `title: \"Peels: what to expect\"`.".into(),
            )
        }
    } else if raw.contains("did not find expected key")
        || raw.contains("did not find expected '-' indicator")
    {
        (
            "this line does not line up with the lines around it.".into(),
            "indent every key of the same level by the same number of spaces.".into(),
        )
    } else if raw.contains("could not find expected ':'") {
        (
            "a key is missing the colon that separates it from its value.".into(),
            "write the key, a colon and a space, then the value, for example `title: Chemical peel`.".into(),
        )
    } else if raw.contains("duplicate entry") {
        let key = raw.split('"').nth(1).unwrap_or("a key");
        // The parser points at the mapping; the second line with this key is the one to remove.
        let second = text
            .split('\n')
            .enumerate()
            .filter(|(_, l)| {
                l.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .nth(1);
        if let Some((i, _)) = second {
            location = Some(Location {
                line: i + 1,
                column: 1,
            });
        }
        (
            format!("`{key}` is given twice."),
            format!("keep one `{key}:` line and delete the other."),
        )
    } else if raw.contains("found unexpected end of stream") || raw.contains("unexpected end") {
        // The parser only notices at the end of the text; the place to fix is where the quote opens.
        if let Some(open) = unclosed_quote(text) {
            location = Some(open);
        }
        (
            "a quote or bracket is opened here but never closed.".into(),
            "add the closing quote (\") or bracket, or remove the opening one.".into(),
        )
    } else if raw.contains("recursion limit")
        || raw.contains("repetition limit")
        || raw.contains("alias")
    {
        (
            "this YAML uses anchors and aliases (`&` and `*`) in a way that is too large or not defined.".into(),
            "write each value out in full instead of using `&` and `*`.".into(),
        )
    } else if raw.contains("cannot start any token") {
        let ch = location
            .and_then(|l| line_text.chars().nth(l.column - 1))
            .unwrap_or('?');
        (
            format!("a value cannot begin with `{ch}`."),
            "put the whole value in double quotes.".into(),
        )
    } else {
        let detail = raw.split(" at line ").next().unwrap_or(&raw).to_string();
        (
            format!("the YAML here could not be read ({detail})."),
            "check the line for a missing colon, a stray quote or uneven indentation.".into(),
        )
    };
    YamlError {
        location,
        message,
        hint,
    }
}

/// Where a quoted value opens that is never closed: the quote's line and column. A quote counts as
/// opening only where a value starts (after `key: `, `- `, `[` or `,`), so the apostrophe in
/// `title: Don't` is not mistaken for one; `\"` inside double quotes and `''` inside single quotes
/// are escapes, and a quoted value may run over several lines, as YAML allows.
fn unclosed_quote(text: &str) -> Option<Location> {
    let mut open: Option<(char, Location)> = None;
    for (i, line) in text.split('\n').enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut col = 0;
        while col < chars.len() {
            let c = chars[col];
            match open {
                Some(('"', _)) if c == '\\' => col += 1,
                Some((q, _)) if c == q => {
                    if q == '\'' && chars.get(col + 1) == Some(&'\'') {
                        col += 1;
                    } else {
                        open = None;
                    }
                }
                Some(_) => {}
                None if c == '#' && (col == 0 || chars[col - 1].is_whitespace()) => break,
                None if c == '"' || c == '\'' => {
                    let before = chars[..col].iter().rev().find(|c| !c.is_whitespace());
                    if matches!(before, None | Some(':' | '-' | '[' | ',' | '{')) {
                        open = Some((
                            c,
                            Location {
                                line: i + 1,
                                column: col + 1,
                            },
                        ));
                    }
                }
                None => {}
            }
            col += 1;
        }
    }
    open.map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> YamlError {
        parse(text).unwrap_err().remove(0)
    }

    #[test]
    fn scalars_lists_and_mappings_keep_their_order() {
        let v = parse("b: 1\na: yes\nc:\n  - x\nd:\n").unwrap();
        assert_eq!(
            v,
            Value::Mapping(vec![
                ("b".into(), Value::Scalar("1".into())),
                ("a".into(), Value::Scalar("yes".into())),
                ("c".into(), Value::Sequence(vec![Value::Scalar("x".into())])),
                ("d".into(), Value::Null),
            ])
        );
    }

    #[test]
    fn a_tab_is_reported_at_its_column() {
        let e = err("title: A\n\tsummary: B\n");
        assert_eq!(e.location, Some(Location { line: 2, column: 1 }));
        assert!(e.message.starts_with("a tab character"), "{}", e.message);
    }

    #[test]
    fn a_missing_colon_is_reported_on_its_line() {
        let e = err("title: A\nsummary B\n");
        assert_eq!(e.location, Some(Location { line: 2, column: 1 }));
        assert!(
            e.message.starts_with("this line has no colon"),
            "{}",
            e.message
        );
    }

    #[test]
    fn bad_indentation_says_to_remove_the_spaces() {
        let e = err("title: A\n  summary: B\n");
        assert_eq!(e.location.map(|l| l.line), Some(2));
        assert!(e.hint.starts_with("remove the spaces"), "{}", e.hint);
    }

    #[test]
    fn a_duplicate_key_is_named() {
        let e = err("title: A\ntitle: B\n");
        assert_eq!(e.message, "`title` is given twice.");
    }

    #[test]
    fn an_unclosed_quote_is_explained_where_it_opens() {
        let e = err("title: \"A\nsummary: B\nreviewed_by: Dr. O'Hara\n");
        assert!(e.message.contains("never closed"), "{}", e.message);
        assert_eq!(e.location, Some(Location { line: 1, column: 8 }));
        let e = err("title: Don't worry\nsummary: 'It''s fine\nreviewed: 2026-01-01\n");
        assert_eq!(
            e.location,
            Some(Location {
                line: 2,
                column: 10
            })
        );
    }

    #[test]
    fn folded_block_scalars_are_not_mistaken_for_missing_colons() {
        assert!(parse("summary: >\n  one\n  two\ntitle: A\n").is_ok());
    }
}
