//! Typed reading of front-matter and `clinic.yaml` keys, with each problem pointed at its line.

use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::labels::Labels;
use crate::model::{Date, DateError};
use crate::yaml::{self, Value};
use std::path::Path;

/// The keys of one YAML mapping, read one by one; problems go to the shared diagnostics.
pub(crate) struct Fields<'a> {
    entries: Vec<(String, Value)>,
    file: &'a Path,
    /// The whole file, for quoting lines.
    text: &'a str,
    /// The YAML part of the file and the file line it starts on.
    yaml: &'a str,
    first_line: usize,
    /// Only lines after this one (in `yaml`, 0-based) are searched for keys: where a nested mapping starts.
    search_from: usize,
    /// For messages: `site.` for keys under `site:`.
    prefix: String,
    /// Keys suggested for unknown keys: when one is missing, the suggestion already says so.
    suggested: Vec<&'static str>,
}

/// What a mapping is for, to word its messages.
pub(crate) struct Describe {
    /// "a variant", "a procedure", "clinic.yaml".
    pub what: &'static str,
    /// Every key it may have.
    pub keys: &'static [&'static str],
}

impl<'a> Fields<'a> {
    /// Parses `yaml` (found at byte `yaml_offset` of `text`) as a mapping, or reports why not.
    pub(crate) fn parse(
        file: &'a Path,
        text: &'a str,
        yaml: &'a str,
        yaml_offset: usize,
        diags: &mut Diagnostics,
    ) -> Option<Fields<'a>> {
        let first_line = Location::from_offset(text, yaml_offset).line;
        let map_loc = |l: Location| Location {
            line: l.line + first_line - 1,
            column: l.column,
        };
        let fields = |entries| Fields {
            entries,
            file,
            text,
            yaml,
            first_line,
            search_from: 0,
            prefix: String::new(),
            suggested: Vec::new(),
        };
        match yaml::parse(yaml) {
            Ok(Value::Mapping(entries)) => Some(fields(entries)),
            // An empty front matter is a mapping with no keys: each required key is reported missing.
            Ok(Value::Null) => Some(fields(Vec::new())),
            Ok(_) => {
                diags.push(
                    Diagnostic::error("the front matter must be a list of `key: value` lines.")
                        .in_file(file)
                        .at(
                            text,
                            Location {
                                line: first_line,
                                column: 1,
                            },
                        )
                        .hint("write one `key: value` per line, such as `title: Microneedling`."),
                );
                None
            }
            Err(errors) => {
                for e in errors {
                    let mut d = Diagnostic::error(e.message).in_file(file).hint(e.hint);
                    if let Some(l) = e.location {
                        d = d.at(text, map_loc(l));
                    }
                    diags.push(d);
                }
                None
            }
        }
    }

    /// Reports keys not in `describe.keys`, each with a did-you-mean and the list of valid keys.
    pub(crate) fn reject_unknown(&mut self, describe: &Describe, diags: &mut Diagnostics) {
        let mut suggested = Vec::new();
        for (key, _) in &self.entries {
            if describe.keys.contains(&key.as_str()) {
                continue;
            }
            let list = describe.keys.join(", ");
            let suggestion = did_you_mean(key, describe.keys);
            suggested.extend(suggestion);
            let hint = match suggestion {
                Some(s) => format!(
                    "did you mean `{}{s}`? The keys {} may have are: {list}.",
                    self.prefix, describe.what
                ),
                None => format!(
                    "remove it, or use one of the keys {} may have: {list}.",
                    describe.what
                ),
            };
            diags.push(self.at_key(
                key,
                Diagnostic::error(format!("unknown key `{}{key}`.", self.prefix)).hint(hint),
            ));
        }
        self.suggested.extend(suggested);
    }

    /// Whether `key` is written at all (even if empty).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Where `key` is written, as a file location (the start of the key).
    fn key_location(&self, key: &str) -> Option<Location> {
        self.yaml
            .split('\n')
            .enumerate()
            .skip(self.search_from)
            .find_map(|(i, line)| {
                let trimmed = line.trim_start();
                let rest = trimmed.strip_prefix(key)?;
                rest.trim_start().starts_with(':').then(|| Location {
                    line: self.first_line + i,
                    column: line.chars().count() - trimmed.chars().count() + 1,
                })
            })
    }

    /// Where the value of `key` starts, or the key itself when the value is on other lines.
    fn value_location(&self, key: &str) -> Option<Location> {
        let loc = self.key_location(key)?;
        let line = self.text.split('\n').nth(loc.line - 1)?;
        let after_key: String = line
            .chars()
            .skip(loc.column - 1 + key.chars().count())
            .collect();
        let after_colon = after_key.trim_start().strip_prefix(':')?;
        let spaces = after_colon
            .chars()
            .take_while(|c| c.is_whitespace())
            .count();
        let used = after_key.chars().count() - after_colon.chars().count() + spaces;
        if spaces == after_colon.chars().count() {
            return Some(loc);
        }
        Some(Location {
            line: loc.line,
            column: loc.column + key.chars().count() + used,
        })
    }

    fn at_key(&self, key: &str, d: Diagnostic) -> Diagnostic {
        let d = d.in_file(self.file);
        match self.key_location(key) {
            Some(l) => d.at(self.text, l),
            None => d,
        }
    }

    /// `d` at the place `item` is written as a whole word for the `nth` time (from 0) in the value
    /// of `key` (on its line or the lines under it), or at the value when it cannot be found.
    fn at_item(&self, key: &str, item: &str, nth: usize, d: Diagnostic) -> Diagnostic {
        let mut seen = 0;
        let found = self.key_location(key).and_then(|key_at| {
            let lines = self.text.split('\n').enumerate().skip(key_at.line - 1);
            for (i, line) in lines {
                // The value ends where the next key of the mapping starts.
                let is_next_key = i + 1 > key_at.line
                    && line.chars().take_while(|c| c.is_whitespace()).count() < key_at.column
                    && !line.trim_start().starts_with('-')
                    && !line.trim().is_empty();
                if is_next_key {
                    return None;
                }
                let skip = if i + 1 == key_at.line {
                    key_at.column - 1 + key.len()
                } else {
                    0
                };
                let found = line.char_indices().skip(skip).find(|(at, _)| {
                    let rest = &line[*at..];
                    let before = line[..*at].chars().next_back();
                    let whole = rest.starts_with(item)
                        && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !rest[item.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    if whole {
                        seen += 1;
                    }
                    whole && seen > nth
                });
                if let Some((at, _)) = found {
                    return Some(Location {
                        line: i + 1,
                        column: line[..at].chars().count() + 1,
                    });
                }
            }
            None
        });
        match found {
            Some(l) => d.in_file(self.file).at(self.text, l),
            None => self.at_value(key, d),
        }
    }

    fn at_value(&self, key: &str, d: Diagnostic) -> Diagnostic {
        let d = d.in_file(self.file);
        match self.value_location(key) {
            Some(l) => d.at(self.text, l),
            None => d,
        }
    }

    /// A diagnostic for `key`, at its value.
    pub(crate) fn problem(
        &self,
        key: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        self.at_value(key, Diagnostic::error(message).hint(hint))
    }

    /// A one-line text value. `example` shows the fix when it is missing or not text.
    pub(crate) fn text(
        &self,
        key: &str,
        required: bool,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let full = format!("{}{key}", self.prefix);
        match self.get(key) {
            None if self.suggested.contains(&key) => None,
            None | Some(Value::Null) if required => {
                let (message, hint) = if self.get(key).is_some() {
                    (
                        format!("`{full}` is empty."),
                        format!("write a value after the colon, for example `{key}: {example}`."),
                    )
                } else {
                    (
                        format!("the required key `{full}` is missing."),
                        format!("add a line such as `{key}: {example}`."),
                    )
                };
                let d = Diagnostic::error(message).hint(hint);
                diags.push(if self.get(key).is_some() {
                    self.at_key(key, d)
                } else {
                    self.at_mapping(d)
                });
                None
            }
            None | Some(Value::Null) => None,
            Some(Value::Scalar(s)) => {
                let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if s.is_empty() && required {
                    diags.push(
                        self.at_key(
                            key,
                            Diagnostic::error(format!("`{full}` is empty."))
                                .hint(format!("write a value, for example `{key}: {example}`.")),
                        ),
                    );
                    return None;
                }
                (!s.is_empty()).then_some(s)
            }
            Some(_) => {
                diags.push(self.at_key(
                    key,
                    Diagnostic::error(format!("`{full}` must be a single piece of text, not a list or a group of keys."))
                        .hint(format!("write it on one line, for example `{key}: {example}`.")),
                ));
                None
            }
        }
    }

    /// A list of short texts (`key: [a, b]` or one `- item` per line).
    pub(crate) fn list(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<Vec<String>> {
        match self.get(key)? {
            Value::Null => None,
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::Scalar(s) => out.push(s.clone()),
                        _ => {
                            diags.push(self.problem(
                                key,
                                format!("`{key}` must be a list of words."),
                                format!("write it as `{key}: {example}`."),
                            ));
                            return None;
                        }
                    }
                }
                Some(out)
            }
            _ => {
                diags.push(self.problem(
                    key,
                    format!("`{key}` must be a list."),
                    format!("write it as `{key}: {example}`."),
                ));
                None
            }
        }
    }

    /// `required_sections`: `all` (the standard sections the theme's table requires) or a list of
    /// section titles or aliases in the default language's `labels` (`[]`: none), as keys.
    /// `None` when the key is not written (or is wrong, reported).
    pub(crate) fn required_sections(
        &self,
        labels: &crate::labels::Labels,
        diags: &mut Diagnostics,
    ) -> Option<Vec<String>> {
        const KEY: &str = "required_sections";
        let titles: Vec<&str> = labels
            .standard()
            .map(|s| labels.section_title(&s.key))
            .collect();
        let shape_hint = format!(
            "write `{KEY}: all`, or list the sections every handout here needs, for example `{KEY}: [{}]` (`[]`: none).",
            titles.iter().take(2).copied().collect::<Vec<_>>().join(", ")
        );
        let names = match self.get(KEY)? {
            Value::Scalar(s) if s.trim() == "all" => {
                return Some(
                    labels
                        .standard()
                        .filter(|s| s.required)
                        .map(|s| s.key.clone())
                        .collect(),
                )
            }
            Value::Sequence(items) => items,
            _ => {
                diags.push(self.problem(
                    KEY,
                    format!("`{KEY}` must be `all` or a list of section names."),
                    shape_hint,
                ));
                return None;
            }
        };
        let mut keys = Vec::new();
        let mut ok = true;
        for name in names {
            let Value::Scalar(name) = name else {
                ok = false;
                diags.push(self.problem(
                    KEY,
                    format!(
                        "`{KEY}` must be a list of section names, each a single piece of text."
                    ),
                    shape_hint.clone(),
                ));
                continue;
            };
            match labels.section_of(name) {
                Some(s) if !keys.contains(&s.key) => keys.push(s.key.clone()),
                Some(_) => {}
                None => {
                    ok = false;
                    let suggestion = did_you_mean(name, &titles)
                        .map(|t| format!("did you mean `{t}`? "))
                        .unwrap_or_default();
                    diags.push(self.problem(
                        KEY,
                        format!(
                            "`{name}` in `{KEY}` is not the name of one of the handout's sections."
                        ),
                        format!("{suggestion}The sections are: {}.", titles.join(", ")),
                    ));
                }
            }
        }
        ok.then_some(keys)
    }

    /// `write_in`: `true` (the theme's default blanks), `false` (none) or a list of the blanks to
    /// print, by name, in order.
    pub(crate) fn write_in(&self, labels: &Labels, diags: &mut Diagnostics) -> Option<Vec<String>> {
        const KEY: &str = "write_in";
        let names: Vec<&str> = labels.blanks.iter().map(|(b, _)| b.name.as_str()).collect();
        let hint = format!(
            "write `{KEY}: true` for the usual blanks, `{KEY}: false` for none, or list the blanks to print, for example `{KEY}: [patient, date, {}]`. The blanks are: {}.",
            names.iter().find(|n| !["patient", "date"].contains(n)).unwrap_or(&"notes"),
            names.join(", ")
        );
        let items = match self.get(KEY)? {
            Value::Scalar(s) if s == "true" => return Some(labels.default_blanks()),
            Value::Scalar(s) if s == "false" => return Some(Vec::new()),
            Value::Scalar(s) => {
                diags.push(self.problem(
                    KEY,
                    format!("`{KEY}` must be `true`, `false` or a list of blanks, not `{s}`."),
                    hint,
                ));
                return None;
            }
            Value::Sequence(items) => items,
            _ => {
                diags.push(self.problem(
                    KEY,
                    format!("`{KEY}` must be `true`, `false` or a list of blanks."),
                    hint,
                ));
                return None;
            }
        };
        let mut chosen: Vec<String> = Vec::new();
        let mut ok = true;
        for item in items {
            let Value::Scalar(name) = item else {
                ok = false;
                diags.push(self.problem(
                    KEY,
                    format!("`{KEY}` must list blank names, each a single word."),
                    hint.clone(),
                ));
                continue;
            };
            let nth = chosen.iter().filter(|c| *c == name).count();
            let at = |d: Diagnostic| self.at_item(KEY, name, nth, d);
            if chosen.contains(name) {
                ok = false;
                diags.push(at(Diagnostic::error(format!(
                    "`{name}` is listed twice in `{KEY}`."
                ))
                .hint("delete one of the two: each blank is printed once.")));
            } else if names.contains(&name.as_str()) {
                chosen.push(name.clone());
            } else {
                ok = false;
                let suggestion = did_you_mean(name, &names)
                    .map(|n| format!("did you mean `{n}`? "))
                    .unwrap_or_default();
                diags.push(at(Diagnostic::error(format!(
                    "`{name}` in `{KEY}` is not a write-in blank."
                ))
                .hint(format!("{suggestion}The blanks are: {}.", names.join(", ")))));
            }
        }
        ok.then_some(chosen)
    }

    /// A `YYYY-MM-DD` date.
    pub(crate) fn date(&self, key: &str, required: bool, diags: &mut Diagnostics) -> Option<Date> {
        let text = self.text(key, required, "2026-03-14", diags)?;
        match Date::parse(&text) {
            Ok(d) => Some(d),
            Err(err) => {
                let why = match err {
                    DateError::Shape => format!("`{text}` is not a date in the form YYYY-MM-DD."),
                    DateError::Month(m) => {
                        format!("`{text}` is not a real date: there is no month {m}.")
                    }
                    DateError::Day(m, d) => format!(
                        "`{text}` is not a real date: {} has no day {d}.",
                        month_name(m)
                    ),
                };
                diags.push(self.problem(key, why, format!("write the date as year-month-day with leading zeros, for example `{key}: 2026-03-14`.")));
                None
            }
        }
    }

    /// A whole number, at least `min`.
    pub(crate) fn integer(
        &self,
        key: &str,
        min: i64,
        example: i64,
        diags: &mut Diagnostics,
    ) -> Option<i64> {
        let text = self.text(key, false, &example.to_string(), diags)?;
        match text.parse::<i64>() {
            Ok(n) if n >= min => Some(n),
            _ => {
                diags.push(self.problem(
                    key,
                    format!("`{key}` must be a whole number of at least {min}, not `{text}`."),
                    format!(
                        "write a number without quotes or units, for example `{key}: {example}`."
                    ),
                ));
                None
            }
        }
    }

    /// The nested mapping under `key` (such as `site:`), if there is one.
    pub(crate) fn nested(&self, key: &str, diags: &mut Diagnostics) -> Option<Fields<'a>> {
        match self.get(key)? {
            Value::Mapping(entries) => {
                let search_from = self
                    .key_location(key)
                    .map_or(0, |l| l.line - self.first_line + 1);
                Some(Fields {
                    entries: entries.clone(),
                    file: self.file,
                    text: self.text,
                    yaml: self.yaml,
                    first_line: self.first_line,
                    search_from,
                    prefix: format!("{}{key}.", self.prefix),
                    suggested: Vec::new(),
                })
            }
            _ => {
                diags.push(self.at_key(
                    key,
                    Diagnostic::error(format!("`{key}` must hold indented `key: value` lines."))
                        .hint(format!("write `{key}:` on its own line and indent the keys under it by two spaces.")),
                ));
                None
            }
        }
    }

    /// Points a diagnostic at the mapping as a whole (its first line) for keys that are absent.
    fn at_mapping(&self, d: Diagnostic) -> Diagnostic {
        let line = self.first_line + self.search_from.saturating_sub(1);
        let d = d.in_file(self.file);
        if self.text.is_empty() {
            return d;
        }
        d.at(self.text, Location { line, column: 1 })
    }
}

fn month_name(m: u32) -> &'static str {
    crate::model::month_name(m).unwrap_or("that month")
}
