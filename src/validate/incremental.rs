//! Checking the content one procedure folder at a time, for `handouts serve`.
//!
//! A folder's checked procedures and problems depend only on its own files and on the site-wide
//! [`Rules`] (`clinic.yaml`, the theme's labels, today), so after an edit only the folders whose
//! files changed need checking again. [`Rules::new`] → [`folder`] for each folder → [`site`] gives
//! the same model and the same problems as [`super::validate`]; the tests below pin that.

use super::links::ContentContext;
use super::SiteRules;
use crate::diag::{Diagnostic, Diagnostics};
use crate::labels::LabelSets;
use crate::load::{ProcedureFiles, Sources, CLINIC_FILE};
use crate::model::{Book, Clinic, Date, Lang, Procedure, Site};
use std::path::Path;

/// What every procedure folder is checked against: the clinic, its languages and the labels.
pub struct Rules {
    clinic: Option<Clinic>,
    interval: u32,
    max_grade: f64,
    today: Date,
    links: ContentContext,
    languages: Vec<Lang>,
    labels: LabelSets,
}

/// One procedure folder, checked: its sort key and its procedure in each language it has.
#[derive(Clone, Debug, PartialEq)]
pub struct Folder {
    order: i64,
    editions: Vec<(Lang, Procedure)>,
}

impl Rules {
    /// Reads `clinic.yaml` from `sources`; its problems (and a content folder without procedure
    /// folders) are returned with the rules.
    pub fn new(
        sources: &Sources,
        content_root: &Path,
        today: Date,
        labels: &LabelSets,
    ) -> (Rules, Diagnostics) {
        let mut diags = Diagnostics::new();
        let known: Vec<Lang> = labels.keys().copied().collect();
        let clinic = match &sources.clinic {
            Some(file) => crate::config::clinic(file, &known, &mut diags),
            None => {
                diags.push(
                    Diagnostic::error(format!("the clinic file `{CLINIC_FILE}` is missing from the content folder."))
                        .in_file(&content_root.join(CLINIC_FILE))
                        .hint("create it with at least `name:`, `phone:` and `site:` with `base_url:` (see README.md, \"Content format\")."),
                );
                None
            }
        };
        if sources.procedures.is_empty() {
            diags.push(
                Diagnostic::error("the content folder has no procedure folders, so there is nothing to publish.")
                    .in_file(content_root)
                    .hint("add a folder such as `microneedling/` with a `_procedure.md` and one `.md` file per variant."),
            );
        }
        let rules = Rules {
            interval: clinic.as_ref().map_or(12, |c| c.review_interval_months),
            max_grade: clinic
                .as_ref()
                .map_or(crate::config::DEFAULT_MAX_GRADE, |c| c.max_grade),
            today,
            languages: clinic
                .as_ref()
                .map_or_else(|| vec![Lang::EN], |c| c.languages.clone()),
            links: ContentContext {
                root: content_root.to_path_buf(),
                real_root: std::fs::canonicalize(content_root).ok(),
                base_url: clinic.as_ref().map(|c| c.base_url.clone()),
                allowed_html: clinic
                    .as_ref()
                    .map_or_else(Vec::new, |c| c.allowed_html.clone()),
            },
            labels: labels.clone(),
            clinic,
        };
        (rules, diags)
    }
}

/// Checks one procedure folder: the folder checked (`None` when it has errors that leave nothing
/// to publish) and every problem found in it.
pub fn folder(files: &ProcedureFiles, rules: &Rules) -> (Option<Folder>, Diagnostics) {
    let site_rules = SiteRules {
        interval: rules.interval,
        max_grade: rules.max_grade,
        today: rules.today,
        links: &rules.links,
        languages: &rules.languages,
        labels: &rules.labels,
    };
    let mut diags = Diagnostics::new();
    let checked = super::procedure(files, &site_rules, &mut diags)
        .map(|(order, editions)| Folder { order, editions });
    (checked, diags)
}

/// The site made of checked folders (taken, not copied), as [`super::validate`] orders it;
/// `None` without a clinic. Only meaningful when no folder (and no rule) had an error.
pub fn site(rules: &Rules, mut folders: Vec<Folder>) -> Option<Site> {
    let clinic = rules.clinic.clone()?;
    folders.sort_by(|a, b| (a.order, &a.editions[0].1.slug).cmp(&(b.order, &b.editions[0].1.slug)));
    // One book per language, in `clinic.yaml` order; a language shows the procedures it translates.
    let mut books: Vec<Book> = rules
        .languages
        .iter()
        .map(|&lang| Book {
            lang,
            procedures: Vec::new(),
        })
        .collect();
    for (lang, procedure) in folders.into_iter().flat_map(|f| f.editions) {
        if let Some(book) = books.iter_mut().find(|b| b.lang == lang) {
            book.procedures.push(procedure);
        }
    }
    Some(Site { clinic, books })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::theme::Theme;

    /// The folder-at-a-time check against the whole check, on one content folder.
    fn same_as_validate(root: &Path) -> (Option<Site>, String) {
        let today = Date::parse("2026-11-01").unwrap();
        let labels = Theme::builtin_labels();
        let (sources, _) = load(root);
        let (whole, whole_diags) = super::super::validate(&sources, root, today, &labels);
        let (rules, mut diags) = Rules::new(&sources, root, today, &labels);
        let mut folders = Vec::new();
        for files in &sources.procedures {
            let (f, d) = folder(files, &rules);
            diags.extend(d);
            folders.extend(f);
        }
        let parts = site(&rules, folders).filter(|_| !diags.has_errors());
        assert_eq!(parts, whole, "{}", root.display());
        assert_eq!(diags.to_string(), whole_diags.to_string());
        (parts, diags.to_string())
    }

    /// Replaces `from` with `to` in the file at `path`.
    fn edit(path: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    const SPANISH: &str = "---\ntitle: Peeling\nsummary: Cuidados después del peeling.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento.\n\n## Qué esperar\n\nUn poco de ardor.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Haga\n\n- Use protector solar.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Infección.\n\n## Cuándo llamarnos\n\n- **Fiebre**.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nUn poco.\n";

    #[test]
    fn checking_folder_by_folder_gives_what_the_whole_check_gives() {
        same_as_validate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        crate::corpus::generate(12, &root).unwrap();
        same_as_validate(&root);
        // A procedure moved first by its `order`, a folder without handouts, a translation.
        let (first, second) = (
            root.join(crate::corpus::procedure_slug(0)),
            root.join(crate::corpus::procedure_slug(1)),
        );
        edit(&second.join("_procedure.md"), "order: ", "order: -9");
        std::fs::create_dir(root.join("zz-empty")).unwrap();
        std::fs::write(
            root.join("zz-empty/_procedure.md"),
            "---\ntitle: Empty\nsummary: None yet.\n---\n",
        )
        .unwrap();
        edit(
            &root.join("clinic.yaml"),
            "paper:",
            "languages: [en, es]\npaper:",
        );
        let variant = std::fs::read_dir(&first)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| !p.ends_with("_procedure.md"))
            .unwrap();
        let stem = variant.file_stem().unwrap().to_string_lossy().to_string();
        std::fs::write(first.join(format!("{stem}.es.md")), SPANISH).unwrap();
        std::fs::write(
            first.join("_procedure.es.md"),
            "---\ntitle: Peeling\nsummary: Un peeling.\n---\n",
        )
        .unwrap();
        let (site, diags) = same_as_validate(&root);
        let site = site.unwrap_or_else(|| panic!("{diags}"));
        assert_eq!(
            site.books[1].procedures.len(),
            1,
            "the translation is published"
        );
        // Problems: a misspelt key, then no clinic file at all.
        edit(&variant, "reviewed:", "reviewd:");
        same_as_validate(&root);
        std::fs::remove_file(root.join("clinic.yaml")).unwrap();
        same_as_validate(&root);
    }
}
