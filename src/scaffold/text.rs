//! The text of a new variant file and a new `_procedure.md`, every word from the theme's labels.
//!
//! Each hint is a placeholder (`[write here: …]`) in the shape its section needs (a paragraph, a
//! list item, a timeline stage, a question and answer), so the file passes every check but the one
//! for placeholders, and an editor learns the format by replacing them.

use crate::labels::Labels;
use crate::model::{Date, Shape};
use crate::validate::placeholders::placeholder;

/// `text` as a double-quoted YAML string (labels may hold `:` or `#`, which plain YAML would misread).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A label as YAML comment lines.
fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

/// A title from slugs: their words with a capital first letter (`microneedling/with-prp` →
/// "Microneedling with prp"); the file tells the editor to correct it.
pub(super) fn title(slugs: &[&str]) -> String {
    let words: Vec<&str> = slugs.iter().flat_map(|s| s.split('-')).collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What a new variant file holds beyond the labels.
pub(super) struct VariantDraft<'a> {
    /// The title from the slugs.
    pub title: String,
    /// Today, the first `reviewed` date.
    pub today: Date,
    /// The procedure's file name and the keys of the sections it already shares, if it has any.
    pub shared: Option<(&'a str, Vec<String>)>,
}

/// A new variant file: front matter with notes (and, as comments, what else a handout may have),
/// then every section the theme's table requires, with a hint under each in its shape.
pub(super) fn variant(labels: &Labels, draft: &VariantDraft<'_>) -> String {
    let hint = |key: &str| placeholder(labels, labels.get(key));
    let mut out = String::from("---\n");
    out += &comment(labels.get("new_title_note"));
    out += &format!("title: {}\n", quoted(&draft.title));
    out += &format!("summary: {}\n", quoted(&hint("new_summary")));
    out += &comment(labels.get("new_reviewed_note"));
    out += &format!("reviewed: {}\n", draft.today.iso());
    out += &format!("reviewed_by: {}\n", quoted(&hint("new_reviewed_by")));
    out += &comment(labels.get("new_optional_note"));
    out += &format!("# sessions: {}\n", labels.get("new_sessions_example"));
    out += &format!("# downtime: {}\n", labels.get("new_downtime_example"));
    for key in more() {
        out += &comment(labels.get(key));
    }
    if let Some((file, kinds)) = &draft.shared {
        if !kinds.is_empty() {
            let names: Vec<&str> = kinds.iter().map(|k| labels.section_title(k)).collect();
            out += &comment(&labels.fill(
                "new_shared_note",
                &[("file", file), ("sections", &names.join(", "))],
            ));
        }
    }
    out += "---\n";
    for standard in labels.standard().filter(|s| s.required) {
        let key = standard.key.as_str();
        // Each standard section's own hint (`new_what_it_is` …), else one for its shape.
        let own_hint = format!("new_{}", key.replace('-', "_"));
        let text = |fallback: &str| {
            if labels.strings.contains_key(&own_hint) {
                hint(&own_hint)
            } else {
                hint(fallback)
            }
        };
        out += &format!("\n## {}\n\n", labels.section_title(key));
        out += &match standard.shape {
            Shape::Prose => format!("{}\n", text("new_what_it_is")),
            Shape::Timeline => format!(
                "- **{}:** {}\n",
                hint("new_timeline_when"),
                hint("new_timeline_what")
            ),
            Shape::List | Shape::Checklist | Shape::Do | Shape::Dont | Shape::Call => {
                format!("- {}\n", text("new_do"))
            }
            Shape::Faq => format!(
                "### {}\n\n{}\n",
                hint("new_faq_question"),
                hint("new_faq_answer")
            ),
        };
    }
    out
}

/// The labels that tell, as comments in a new file's front matter, what else a handout may have:
/// optional sections, sections of the clinic's own, lists, tables, callouts and blanks (the
/// `new_more_…` labels, in the order the labels list them).
fn more() -> impl Iterator<Item = &'static str> {
    crate::labels::KEYS
        .iter()
        .copied()
        .filter(|k| k.starts_with("new_more_"))
}

/// A new `_procedure.md`: its title and summary, and a note on the sections it may share.
pub(super) fn procedure(labels: &Labels, title: &str) -> String {
    let summary = placeholder(labels, labels.get("new_procedure_summary"));
    format!(
        "---\n{}title: {}\nsummary: {}\n{}---\n",
        comment(labels.get("new_title_note")),
        quoted(title),
        quoted(&summary),
        comment(labels.get("new_procedure_note")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_slugs_words() {
        assert_eq!(
            title(&["microneedling", "with-prp"]),
            "Microneedling with prp"
        );
        assert_eq!(title(&["chemical-peel"]), "Chemical peel");
        assert_eq!(title(&[]), "");
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(quoted(r#"a "b": \c"#), r#""a \"b\": \\c""#);
        assert_eq!(comment("one"), "# one\n");
    }
}
