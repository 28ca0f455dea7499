//! `handouts report`: one standalone HTML page for the clinic manager with every handout's reading
//! level, length, review dates and plain-language warnings, overdue reviews first.
//!
//! It is made from the checked model like any other output, but it is staff information, not
//! something patients should find: it is written to a file of its own, never into the site.

mod page;

use crate::diag::{Diagnostic, Diagnostics, Failure};
use crate::model::{Date, Site, Variant};
use crate::theme::Theme;
use std::path::{Path, PathBuf};

/// The report's file when none is named: in the current folder, away from the published site.
pub const DEFAULT_FILE: &str = "handouts-report.html";

/// The output folder a build writes when given no `--out`.
const DEFAULT_OUTPUT: &str = "output";

/// One row of the report: a variant in one language.
#[derive(Debug)]
pub struct Row<'a> {
    /// The variant.
    pub variant: &'a Variant,
    /// Whether its next review date has passed.
    pub overdue: bool,
    /// Every warning about it: plain-language ones (its own and inherited sections), then the
    /// others about its file (an overdue review, an out-of-date translation).
    pub warnings: Vec<&'a Diagnostic>,
}

/// One row per variant and language, overdue reviews first (the longest overdue at the top), then
/// the rest in the site's order with each translation after its original.
pub fn rows<'a>(site: &'a Site, warnings: &'a Diagnostics, today: Date) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (procedure, original) in site.default_book().variants() {
        for book in site.translations_of(&procedure.slug, Some(&original.slug)) {
            let found = book
                .procedure(&procedure.slug)
                .and_then(|p| p.variant(&original.slug));
            let Some(variant) = found else {
                continue;
            };
            let others = warnings
                .iter()
                .filter(|d| d.lint.is_none() && d.file.as_deref() == Some(&variant.source));
            rows.push(Row {
                variant,
                overdue: variant.revision.next_review < today,
                warnings: variant.reading.warnings.iter().chain(others).collect(),
            });
        }
    }
    // A stable sort keeps the site's order among rows that are not overdue.
    rows.sort_by_key(|r| {
        (
            !r.overdue,
            r.overdue.then_some(r.variant.revision.next_review),
        )
    });
    rows
}

/// What `handouts report` is asked to do.
#[derive(Clone, Debug)]
pub struct ReportRequest<'a> {
    /// The content folder.
    pub content: &'a Path,
    /// A theme folder overriding the built-in theme's files.
    pub theme: Option<&'a Path>,
    /// The file to write; default [`DEFAULT_FILE`] in the current folder.
    pub out: Option<&'a Path>,
    /// Today's date, to tell which reviews are overdue.
    pub today: Date,
}

/// Checks the content and writes the report. Returns the path written and the run's warnings; a
/// file inside the published site is a [`Failure::Usage`].
pub fn write(request: &ReportRequest<'_>) -> Result<(PathBuf, Diagnostics), Failure> {
    let path = request
        .out
        .map_or_else(|| PathBuf::from(DEFAULT_FILE), Path::to_path_buf);
    if let Some(folder) = published_folder(&path) {
        return Err(Failure::Usage(format!(
            "`{}` is inside the published output folder `{}`, where patients could find it; the report is for staff only.\n  fix: write it somewhere else, for example `--out {DEFAULT_FILE}` (the default).",
            path.display(),
            folder.display()
        )));
    }
    let (site, theme, warnings) = crate::check(request.content, request.theme, request.today)?;
    let rows = rows(&site, &warnings, request.today);
    let html = page::html(&site, &theme, &rows, request.today);
    crate::write::file(&path, html.as_bytes())?;
    Ok((path, warnings))
}

/// The published output folder `path` would be inside, if any: the default `output/`, or any
/// folder a build has written (a build leaves its lock file `.NAME.lock` beside the folder).
fn published_folder(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let default = std::path::absolute(DEFAULT_OUTPUT).ok();
    absolute.ancestors().skip(1).find_map(|folder| {
        let name = folder.file_name()?.to_string_lossy();
        let lock = folder.parent()?.join(format!(".{name}.lock"));
        (Some(folder) == default.as_deref() || lock.exists()).then(|| folder.to_path_buf())
    })
}

/// Themes give every language's own name; the report shows it beside the code.
fn language_name(theme: &Theme, variant: &Variant) -> String {
    theme.labels(variant.lang).map_or_else(
        || variant.lang.to_string(),
        |l| l.get("language_name").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_folder_and_built_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let site = dir.path().join("public");
        std::fs::create_dir_all(&site).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(published_folder(&site.join("report.html")), None);
        std::fs::write(dir.path().join(".public.lock"), "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(published_folder(&site.join("a/report.html")), Some(site));
        assert!(published_folder(Path::new("output/report.html")).is_some());
        assert_eq!(published_folder(Path::new(DEFAULT_FILE)), None);
    }
}
