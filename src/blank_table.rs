//! The theme's table of write-in blanks (`blanks.yaml`): each blank a printed handout can carry,
//! where it goes, how many lines it has, and which ones `write_in: true` prints.
//!
//! Validation (`write_in:` lists names from it), the labels (a label for each name) and the print
//! template all read this table, so a new blank is one entry here plus its label in each labels
//! file.

use crate::diag::Diagnostics;
use crate::section_table::{problem, top_list};
use crate::yaml::Value;
use serde::Serialize;
use std::path::Path;

/// Where on the handout a blank is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// On page 1, under the title: what staff fill in before handing it over.
    Top,
    /// After the last section: the next appointment and notes.
    End,
}

/// One blank, as `blanks.yaml` declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Blank {
    /// What `write_in:` lists, and its label key under `blanks:`.
    pub name: String,
    /// The fillable field's name in the PDF.
    pub field: String,
    /// Where it is printed.
    pub place: Place,
    /// How many ruled lines it has.
    pub lines: u32,
    /// Whether it grows to fill what is left of its page.
    pub fill: bool,
    /// Whether `write_in: true` prints it.
    pub default: bool,
}

/// The blanks a handout can carry, in the order `write_in: true` prints them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlankTable {
    /// The entries, in table order.
    pub blanks: Vec<Blank>,
}

/// The settings an entry of `blanks.yaml` may have.
const SETTINGS: &[&str] = &["name", "field", "place", "lines", "fill", "default"];

impl BlankTable {
    /// The entry named `name`.
    pub fn get(&self, name: &str) -> Option<&Blank> {
        self.blanks.iter().find(|b| b.name == name)
    }

    /// Every name, in table order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.blanks.iter().map(|b| b.name.as_str())
    }

    /// The names `write_in: true` prints, in table order.
    pub fn defaults(&self) -> Vec<String> {
        self.blanks
            .iter()
            .filter(|b| b.default)
            .map(|b| b.name.clone())
            .collect()
    }

    /// Reads `blanks.yaml` (the text of the file at `path`); every problem is reported.
    pub fn parse(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<BlankTable> {
        let before = diags.error_count();
        let entries = top_list(path, text, "blanks", diags)?;
        let mut blanks: Vec<Blank> = Vec::new();
        for (n, entry) in entries.into_iter().enumerate() {
            if let Some(blank) = entry_of(path, n + 1, entry, diags) {
                if blanks.iter().any(|b| b.name == blank.name) {
                    diags.push(problem(
                        path,
                        format!("the blank `{}` is listed twice in `blanks`.", blank.name),
                        "delete one of the two entries.",
                    ));
                } else {
                    blanks.push(blank);
                }
            }
        }
        if blanks.iter().filter(|b| b.fill).count() > 1 {
            diags.push(problem(
                path,
                "more than one blank has `fill: true`, but only one can fill what is left of its page.".into(),
                "keep `fill: true` on one blank (the notes) and delete it from the others.",
            ));
        }
        (diags.error_count() == before).then_some(BlankTable { blanks })
    }
}

/// Entry `n` (counting from 1) of the `blanks:` list.
fn entry_of(path: &Path, n: usize, entry: Value, diags: &mut Diagnostics) -> Option<Blank> {
    let report = |diags: &mut Diagnostics, message: String, hint: &str| {
        diags.push(problem(path, message, hint));
    };
    let Value::Mapping(fields) = entry else {
        report(
            diags,
            format!("entry {n} of `blanks` is not a `name:`, `place:` … mapping."),
            "write each blank as `- name: …` with `place:` under it.",
        );
        return None;
    };
    let field = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let mut ok = true;
    for (key, _) in &fields {
        if !SETTINGS.contains(&key.as_str()) {
            ok = false;
            report(
                diags,
                format!("`{key}` in entry {n} of `blanks` is not a setting of a blank."),
                "a blank has `name`, `field`, `place`, `lines`, `fill` and `default`; delete the line.",
            );
        }
    }
    let Some(Value::Scalar(name)) =
        field("name").filter(|v| matches!(v, Value::Scalar(s) if valid_name(s, b'_')))
    else {
        report(
            diags,
            format!("entry {n} of `blanks` has no valid `name`."),
            "give it a `name:` of lowercase letters, digits and `_`, such as `lot_number`.",
        );
        return None;
    };
    let form_name = match field("field") {
        None => Some(name.replace('_', "-")),
        Some(Value::Scalar(f)) if valid_name(f, b'-') => Some(f.clone()),
        Some(_) => {
            report(
                diags,
                format!("`field` of the blank `{name}` must be a name of lowercase letters, digits and `-`."),
                "write it like `field: lot-number`, or delete the line to use the blank's name.",
            );
            None
        }
    };
    let place = match field("place") {
        Some(Value::Scalar(p)) if p == "top" => Some(Place::Top),
        Some(Value::Scalar(p)) if p == "end" => Some(Place::End),
        _ => {
            report(
                diags,
                format!("the blank `{name}` needs `place: top` or `place: end`."),
                "`top` prints it on page 1 under the title, `end` after the last section.",
            );
            None
        }
    };
    let lines = match field("lines") {
        None => Some(1),
        Some(Value::Scalar(l)) => match l.parse::<u32>() {
            Ok(l @ 1..=20) => Some(l),
            _ => {
                report(
                    diags,
                    format!("`lines` of the blank `{name}` must be a whole number from 1 to 20, not `{l}`."),
                    "write for example `lines: 3`, or delete the line for one line.",
                );
                None
            }
        },
        Some(_) => {
            report(
                diags,
                format!("`lines` of the blank `{name}` must be a whole number from 1 to 20."),
                "write for example `lines: 3`, or delete the line for one line.",
            );
            None
        }
    };
    let flag = |key: &str, diags: &mut Diagnostics| match field(key) {
        None => Some(false),
        Some(Value::Scalar(b)) if b == "true" => Some(true),
        Some(Value::Scalar(b)) if b == "false" => Some(false),
        Some(_) => {
            diags.push(problem(
                path,
                format!("`{key}` of the blank `{name}` must be `true` or `false`."),
                &format!("write `{key}: true` or `{key}: false`."),
            ));
            None
        }
    };
    let fill = flag("fill", diags);
    let default = flag("default", diags);
    if !ok {
        return None;
    }
    Some(Blank {
        name: name.clone(),
        field: form_name?,
        place: place?,
        lines: lines?,
        fill: fill?,
        default: default?,
    })
}

/// A name of lowercase ASCII letters, digits and inner `sep`s.
fn valid_name(text: &str, sep: u8) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == sep)
        && !text.starts_with(sep as char)
        && !text.ends_with(sep as char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;

    fn parse(text: &str) -> (Option<BlankTable>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let table = BlankTable::parse(Path::new("blanks.yaml"), text, &mut diags);
        (table, diags.iter().cloned().collect())
    }

    #[test]
    fn the_built_in_table_has_todays_blanks_as_the_default_set() {
        let (table, diags) = parse(include_str!("../themes/default/blanks.yaml"));
        assert!(diags.is_empty(), "{diags:?}");
        let table = table.unwrap();
        assert_eq!(
            table.defaults(),
            [
                "patient",
                "date",
                "treated_area",
                "clinician",
                "next_appointment",
                "notes"
            ]
        );
        assert_eq!(table.get("patient").unwrap().field, "patient-name");
        assert_eq!(table.get("lot_number").unwrap().field, "lot-number");
        assert_eq!(table.get("notes").unwrap().lines, 3);
        assert!(table.get("notes").unwrap().fill);
        assert_eq!(table.names().count(), 11);
    }

    #[test]
    fn each_mistake_in_an_entry_is_one_message() {
        let (table, diags) = parse(
            "blanks:\n  - name: Lot\n    place: top\n  - name: site\n    place: middle\n  - name: time\n    place: end\n    lines: 0\n  - name: time\n    place: top\n  - name: a\n    place: top\n    colour: red\n",
        );
        assert!(table.is_none());
        let messages: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            messages,
            [
                "entry 1 of `blanks` has no valid `name`.",
                "the blank `site` needs `place: top` or `place: end`.",
                "`lines` of the blank `time` must be a whole number from 1 to 20, not `0`.",
                "`colour` in entry 5 of `blanks` is not a setting of a blank.",
            ]
        );
    }

    #[test]
    fn a_file_without_the_list_says_so() {
        let (table, diags) = parse("blank:\n  - name: a\n");
        assert!(table.is_none());
        assert_eq!(
            diags[0].message,
            "`blanks.yaml` must have a `blanks:` list."
        );
    }
}
