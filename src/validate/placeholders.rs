//! Placeholders that `handouts new` writes (`[write here: …]`) and an editor has not yet replaced.
//!
//! A new file is valid Markdown and front matter with its hints left in, so an editor can check and
//! preview it while writing; but a hint must never reach a patient, so each one left is an error.

use crate::diag::{Diagnostic, Diagnostics};
use crate::labels::{LabelSets, Labels};
use crate::load::Sources;

/// `[write here: hint]`, in the words of `labels`.
pub fn placeholder(labels: &Labels, hint: &str) -> String {
    format!("{}{hint}]", opening(labels))
}

/// The start every placeholder in `labels`' language has: `[write here: `.
fn opening(labels: &Labels) -> String {
    format!("[{}: ", labels.get("new_placeholder"))
}

/// Reports every placeholder left in a handout file, in any language the theme has labels for.
pub fn check(sources: &Sources, labels: &LabelSets) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // The opening without its space, so a hint whose space was deleted is still found.
    let openings: Vec<String> = labels
        .values()
        .map(|l| opening(l).trim_end().to_string())
        .filter(|o| o.len() > "[:".len())
        .collect();
    let files = sources.procedures.iter().flat_map(|p| {
        p.procedure
            .iter()
            .chain(p.variants.iter())
            .chain(p.translations.iter().map(|t| &t.file))
    });
    for file in files {
        let mut found: Vec<(usize, &str)> = openings
            .iter()
            .flat_map(|o| file.text.match_indices(o.as_str()))
            .collect();
        found.sort();
        found.dedup_by_key(|(offset, _)| *offset);
        for (offset, opening) in found {
            diags.push(
                Diagnostic::error("this is a hint from `handouts new`, still waiting for the handout's own words.")
                    .in_file(&file.path)
                    .at_offset(&file.text, offset)
                    .hint(format!("replace the whole `{opening} …]` with your text; it must not be published as it is.")),
            );
        }
    }
    diags
}
