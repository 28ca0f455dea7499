//! Load and check the content again on every change. Which procedure folders are checked again
//! is decided by the project ([`crate::project::check`]), as for `handouts build`: a folder is
//! taken from memory while its files, the site-wide inputs and what else it read are the same.
//!
//! The model owns its procedures, so each new model is made of copies of the remembered ones;
//! [`Checker::prepare`] makes those copies while the editor types, not after the save.

use crate::diag::Diagnostics;
use crate::labels::LabelSets;
use crate::load;
use crate::model::Site;
use crate::project::{self, Project, Remembered};

/// The checked content, and which of its problems were found by this check.
pub(crate) struct Checked {
    /// The model, when nothing is an error.
    pub(crate) site: Option<Site>,
    /// Every problem of the content.
    pub(crate) problems: Diagnostics,
    /// The problems of the files checked this time (all of them, the first time).
    pub(crate) fresh: Diagnostics,
    /// The hash of the site-wide inputs.
    pub(crate) site_key: crate::cache::Digest,
}

/// Remembers each folder's check, to reuse it while nothing it read changed.
pub(crate) struct Checker {
    project: Project,
    memory: Remembered,
}

impl Checker {
    /// A checker of `project`'s content, that has checked nothing yet.
    pub(crate) fn new(project: Project) -> Checker {
        Checker {
            project,
            memory: Remembered::default(),
        }
    }

    /// Copies every remembered folder for the next check, so that it does not have to.
    pub(crate) fn prepare(&mut self) {
        self.memory.prepare();
    }

    /// Reads and checks the content, with `labels` naming the sections.
    pub(crate) fn check(&mut self, labels: &LabelSets) -> Checked {
        let options = self.project.options();
        let (sources, found) = load::load(&options.content);
        let overrides = self.project.overrides_text();
        let inputs = self.project.site_inputs(&overrides);
        let today = options.today;
        let mut checked =
            project::check(&inputs, &sources, found, labels, today, &self.memory, true);
        self.memory.update(&mut checked, today);
        Checked {
            site: checked.site,
            problems: checked.problems,
            fresh: checked.fresh,
            site_key: checked.site_key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::theme::Theme;
    use std::path::Path;

    /// The checker, reusing what it checked before, against `handouts check` of the same folder.
    fn same_as_check(checker: &mut Checker, root: &Path) -> (Option<Site>, String) {
        let today = Date::parse("2026-11-01").unwrap();
        let checked = checker.check(&Theme::builtin_labels());
        checker.prepare();
        let (whole, diags) = match crate::check(root, None, today) {
            Ok((site, _, warnings)) => (Some(site), warnings),
            Err(diags) => (None, diags),
        };
        assert_eq!(checked.site, whole, "{}", root.display());
        assert_eq!(checked.problems.to_string(), diags.to_string());
        (checked.site, diags.to_string())
    }

    /// A checker of the content folder `root`, as the preview makes one, on `today`.
    fn checker(root: &Path, today: Date) -> Checker {
        Checker::new(Project::reading(root, None, today))
    }

    /// Replaces `from` with `to` in the file at `path`.
    fn edit(path: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    const SPANISH: &str = "---\ntitle: Peeling\nsummary: Cuidados después del peeling.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento.\n\n## Qué esperar\n\nUn poco de ardor.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Haga\n\n- Use protector solar.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Infección.\n\n## Cuándo llamarnos\n\n- **Fiebre**.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nUn poco.\n";

    /// Copies the folder `from` into `to`, recursively.
    fn copy_dir(from: &Path, to: &Path) {
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// The published path of every picture the site shows, logo first.
    fn picture_paths(site: &Site) -> Vec<String> {
        site.pictures().map(|image| image.path.clone()).collect()
    }

    #[test]
    fn a_changed_picture_is_read_again_though_no_markdown_changed() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        copy_dir(&sample, &root);
        let today = Date::parse("2026-11-01").unwrap();
        let mut checker = checker(&root, today);
        let (site, _) = same_as_check(&mut checker, &root);
        let before = picture_paths(&site.unwrap());
        assert!(before.len() >= 3, "{before:?}");
        // The figure becomes the logo's picture, and the logo the figure's.
        let figure = root.join("microneedling/images/healing-strip.png");
        let logo = root.join("logo.png");
        let (f, l) = (
            std::fs::read(&figure).unwrap(),
            std::fs::read(&logo).unwrap(),
        );
        std::fs::write(&figure, &l).unwrap();
        std::fs::write(&logo, &f).unwrap();
        let (site, diags) = same_as_check(&mut checker, &root);
        let after = picture_paths(&site.unwrap_or_else(|| panic!("{diags}")));
        assert_eq!(after.len(), before.len());
        assert!(
            after.iter().zip(&before).all(|(a, b)| a != b),
            "{before:?} → {after:?}"
        );
        // A broken picture is an error at once, and gone when the picture is mended.
        std::fs::write(&figure, b"not a picture").unwrap();
        let (site, diags) = same_as_check(&mut checker, &root);
        assert!(
            site.is_none() && diags.contains("healing-strip.png"),
            "{diags}"
        );
        std::fs::write(&figure, &f).unwrap();
        let (site, diags) = same_as_check(&mut checker, &root);
        assert!(site.is_some(), "{diags}");
    }

    #[test]
    fn rechecking_only_the_changed_folders_gives_what_the_whole_check_gives() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let today = Date::parse("2026-11-01").unwrap();
        same_as_check(&mut checker(&sample, today), &sample);
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        handouts_corpus::generate(12, &root).unwrap();
        let mut checker = checker(&root, today);
        let checker = &mut checker;
        same_as_check(checker, &root);
        // A procedure moved first by its `order`, a folder without handouts, a translation.
        let (first, second) = (
            root.join(handouts_corpus::procedure_slug(0)),
            root.join(handouts_corpus::procedure_slug(1)),
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
        let (site, diags) = same_as_check(checker, &root);
        let site = site.unwrap_or_else(|| panic!("{diags}"));
        assert_eq!(
            site.books[1].procedures.len(),
            1,
            "the translation is published"
        );
        // A hint `handouts new` left is an error, as in `handouts check`.
        edit(
            &variant,
            "## What to expect\n",
            "## What to expect\n\n[write here: what happens]\n",
        );
        same_as_check(checker, &root);
        edit(&variant, "\n[write here: what happens]\n", "");
        same_as_check(checker, &root);
        // Problems: a misspelt key, then no clinic file at all.
        edit(&variant, "reviewed:", "reviewd:");
        same_as_check(checker, &root);
        std::fs::remove_file(root.join("clinic.yaml")).unwrap();
        same_as_check(checker, &root);
    }
}
