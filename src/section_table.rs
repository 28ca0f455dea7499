//! The theme's table of standard sections (`sections.yaml`): each section's key, shape, whether a
//! handout needs it, and its styling hook, in the order handouts show them.
//!
//! Validation, the model, both templates, the print XML, the outline and "On this page" all read
//! this table, so a new standard section is one entry here plus its title in each labels file.

use crate::diag::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::Shape;
use crate::yaml::{self, Value};
use std::path::Path;

/// One standard section, as `sections.yaml` declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standard {
    /// Its id: the web anchor, the label key under `sections:` and the templates' `s.id`.
    pub key: String,
    /// How its content is written and shown.
    pub shape: Shape,
    /// Whether a handout needs it when `required_sections` is `all`.
    pub required: bool,
    /// The templates' styling hook (`s.style`); the key unless the table gives another.
    pub style: String,
}

/// The standard sections in the order handouts show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionTable {
    /// The entries, in reading order.
    pub sections: Vec<Standard>,
}

impl SectionTable {
    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&Standard> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Where the entry with this key comes in reading order.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.key == key)
    }

    /// Every key, in reading order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|s| s.key.as_str())
    }

    /// Reads `sections.yaml` (the text of the file at `path`); every problem is reported.
    pub fn parse(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<SectionTable> {
        let before = diags.error_count();
        let problem = |message: String, hint: &str| problem(path, message, hint);
        let entries = top_list(path, text, "sections", diags)?;
        let shapes: Vec<&str> = Shape::ALL.iter().map(|s| s.name()).collect();
        let mut sections: Vec<Standard> = Vec::new();
        for (n, entry) in entries.into_iter().enumerate() {
            let Value::Mapping(fields) = entry else {
                diags.push(problem(
                    format!(
                        "entry {} of `sections` is not a `key:`, `shape:` … mapping.",
                        n + 1
                    ),
                    "write each section as `- key: …` with `shape:` and `required:` under it.",
                ));
                continue;
            };
            let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v);
            for (name, _) in &fields {
                if !["key", "shape", "required", "style"].contains(&name.as_str()) {
                    diags.push(problem(
                        format!(
                            "`{name}` in entry {} of `sections` is not a setting of a section.",
                            n + 1
                        ),
                        "a section has `key`, `shape`, `required` and `style`; delete the line.",
                    ));
                }
            }
            let key = match field("key") {
                Some(Value::Scalar(k)) if valid_key(k) => k.clone(),
                _ => {
                    diags.push(problem(
                        format!("entry {} of `sections` has no valid `key`.", n + 1),
                        "give it a `key:` of lowercase letters, digits and `-`, such as `before-your-visit`.",
                    ));
                    continue;
                }
            };
            if sections.iter().any(|s| s.key == key) {
                diags.push(problem(
                    format!("the section `{key}` is listed twice in `sections`."),
                    "delete one of the two entries.",
                ));
                continue;
            }
            let shape = match field("shape") {
                Some(Value::Scalar(s)) => match Shape::parse(s) {
                    Some(shape) => shape,
                    None => {
                        let hint = match did_you_mean(s, &shapes) {
                            Some(m) => format!(
                                "did you mean `{m}`? The shapes are: {}.",
                                shapes.join(", ")
                            ),
                            None => format!("the shapes are: {}.", shapes.join(", ")),
                        };
                        diags.push(problem(
                            format!("`{s}` is not a shape of a section (section `{key}`)."),
                            &hint,
                        ));
                        continue;
                    }
                },
                _ => {
                    diags.push(problem(
                        format!("the section `{key}` has no `shape`."),
                        &format!("add `shape:` with one of: {}.", shapes.join(", ")),
                    ));
                    continue;
                }
            };
            let required = match field("required") {
                None => false,
                Some(Value::Scalar(b)) if b == "true" => true,
                Some(Value::Scalar(b)) if b == "false" => false,
                Some(_) => {
                    diags.push(problem(
                        format!("`required` of the section `{key}` must be `true` or `false`."),
                        "write `required: true` or `required: false`.",
                    ));
                    continue;
                }
            };
            let style = match field("style") {
                Some(Value::Scalar(s)) if valid_key(s) => s.clone(),
                None => key.clone(),
                Some(_) => {
                    diags.push(problem(
                        format!("`style` of the section `{key}` must be a name of lowercase letters, digits and `-`."),
                        "write it like `style: checklist`, or delete the line to use the key.",
                    ));
                    continue;
                }
            };
            sections.push(Standard {
                key,
                shape,
                required,
                style,
            });
        }
        if sections.is_empty() && diags.error_count() == before {
            diags.push(problem(
                "`sections.yaml` lists no sections.".into(),
                "list at least one section, as themes/default/sections.yaml does.",
            ));
        }
        (diags.error_count() == before).then_some(SectionTable { sections })
    }
}

/// An error about the theme file at `path`.
pub(crate) fn problem(path: &Path, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(message)
        .in_file(path)
        .hint(hint.to_string())
}

/// The entries of the list under `key:` in a theme table file (`sections.yaml`, `blanks.yaml`);
/// `None` (reported) when the file is not YAML or has no such list.
pub(crate) fn top_list(
    path: &Path,
    text: &str,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<Value>> {
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().to_string());
    match yaml::parse(text) {
        Ok(Value::Mapping(top)) => {
            if let Some((_, Value::Sequence(items))) = top.into_iter().find(|(k, _)| k == key) {
                return Some(items);
            }
        }
        Ok(_) => {}
        Err(errors) => {
            yaml::report(errors, path, text, diags);
            return None;
        }
    }
    diags.push(problem(
        path,
        format!("`{file}` must have a `{key}:` list."),
        &format!("see themes/default/{file} for the layout."),
    ));
    None
}

/// A key or style name: lowercase ASCII letters, digits and inner `-`.
fn valid_key(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_table_reads_in_order() {
        let mut diags = Diagnostics::new();
        let table = SectionTable::parse(
            Path::new("sections.yaml"),
            include_str!("../themes/default/sections.yaml"),
            &mut diags,
        )
        .unwrap_or_else(|| panic!("{diags}"));
        let keys: Vec<&str> = table.keys().collect();
        assert_eq!(
            keys,
            [
                "what-it-is",
                "before-your-visit",
                "what-to-expect",
                "recovery-timeline",
                "do",
                "dont",
                "risks",
                "when-to-call",
                "faq"
            ]
        );
        assert_eq!(table.sections.iter().filter(|s| s.required).count(), 8);
        assert_eq!(
            table.get("before-your-visit").map(|s| s.shape),
            Some(Shape::Checklist)
        );
    }

    #[test]
    fn a_bad_shape_is_named_with_a_suggestion() {
        let mut diags = Diagnostics::new();
        let text = "sections:\n  - key: a\n    shape: prse\n";
        assert!(SectionTable::parse(Path::new("s.yaml"), text, &mut diags).is_none());
        let d = diags.iter().next().unwrap_or_else(|| panic!("no error"));
        assert_eq!(
            d.message,
            "`prse` is not a shape of a section (section `a`)."
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean `prose`? The shapes are: prose, list, checklist, do, dont, call, timeline, faq.")
        );
    }
}
