//! Load and validate, again on every change, checking again only the procedure folders whose
//! files changed: the whole content is read (tens of milliseconds for 1,000 handouts) and each
//! folder's text compared with the one last checked.
//!
//! The model owns its procedures, so each new model is made of copies of the remembered ones;
//! [`Checker::prepare`] makes those copies while the editor types, not after the save.

use crate::diag::Diagnostics;
use crate::labels::LabelSets;
use crate::load::{self, ProcedureFiles, SourceFile, Sources};
use crate::model::{Date, Site};
use crate::validate::{glyphs, incremental, placeholders};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The checked content, and which of its problems were found by this check.
pub(crate) struct Checked {
    /// The model, when nothing is an error.
    pub(crate) site: Option<Site>,
    /// Every problem of the content.
    pub(crate) problems: Diagnostics,
    /// The problems of the files checked this time (all of them, the first time).
    pub(crate) fresh: Diagnostics,
}

/// One folder's last check.
struct Remembered {
    files: ProcedureFiles,
    folder: Option<incremental::Folder>,
    problems: Diagnostics,
}

/// Remembers each folder's check, to reuse it while its files stay the same.
pub(crate) struct Checker {
    content: PathBuf,
    today: Date,
    /// What every folder was checked against: `clinic.yaml`'s text and the labels.
    rules: Option<(Option<SourceFile>, LabelSets)>,
    folders: HashMap<String, Remembered>,
    /// Copies of remembered folders for the next model to take, made by [`Checker::prepare`].
    spare: HashMap<String, incremental::Folder>,
    /// Size and modification time of every other file of the content (pictures, linked files),
    /// as at the last check: a picture can change while every Markdown file stays the same.
    others: Others,
}

/// Files of the content folder other than Markdown and `clinic.yaml`, with their size and time.
type Others = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

/// Every file under `root` but Markdown and `clinic.yaml` (hidden folders left out, as the
/// content loader leaves them out), with its size and modification time.
fn others(root: &Path) -> Others {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !load::is_hidden(e))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let path = e.path();
            path.extension().is_none_or(|x| x != "md") && path != root.join(load::CLINIC_FILE)
        })
        .map(|e| {
            let meta = e.metadata().ok();
            let stamp = (
                meta.as_ref().map_or(0, |m| m.len()),
                meta.and_then(|m| m.modified().ok()),
            );
            (e.into_path(), stamp)
        })
        .collect()
}

/// The files that are new, gone or different in `now` compared with `before`.
fn changed(before: &Others, now: &Others) -> BTreeSet<PathBuf> {
    let differs = |a: &Others, b: &Others| {
        a.iter()
            .filter(|(path, stamp)| b.get(*path) != Some(*stamp))
            .map(|(path, _)| path.clone())
            .collect::<Vec<_>>()
    };
    differs(before, now)
        .into_iter()
        .chain(differs(now, before))
        .collect()
}

impl Checker {
    /// A checker of the content folder `content` that has checked nothing yet.
    pub(crate) fn new(content: PathBuf, today: Date) -> Checker {
        Checker {
            content,
            today,
            rules: None,
            folders: HashMap::new(),
            spare: HashMap::new(),
            others: Others::new(),
        }
    }

    /// Copies every remembered folder for the next check, so that it does not have to.
    pub(crate) fn prepare(&mut self) {
        for (name, r) in &self.folders {
            if let (false, Some(folder)) = (self.spare.contains_key(name), &r.folder) {
                self.spare.insert(name.clone(), folder.clone());
            }
        }
    }

    /// Reads and checks the content, with `labels` naming the sections.
    pub(crate) fn check(&mut self, labels: &LabelSets) -> Checked {
        let (sources, mut problems) = load::load(&self.content);
        let (rules, rule_problems) =
            incremental::Rules::new(&sources, &self.content, self.today, labels);
        problems.extend(rule_problems);
        problems.extend(glyphs::check(
            &Sources {
                clinic: sources.clinic.clone(),
                procedures: Vec::new(),
            },
            handouts_print::Fonts::embedded(),
        ));
        // Every folder is checked against clinic.yaml and the labels: when they change, all are stale.
        let others = others(&self.content);
        let touched = changed(&self.others, &others);
        self.others = others;
        let same_rules = self
            .rules
            .as_ref()
            .is_some_and(|(clinic, l)| *clinic == sources.clinic && l == labels)
            && rules.logo().is_none_or(|logo| !touched.contains(logo));
        if !same_rules {
            self.folders.clear();
            self.spare.clear();
            self.rules = Some((sources.clinic.clone(), labels.clone()));
        }
        let stale: Vec<&ProcedureFiles> = sources
            .procedures
            .iter()
            .filter(|f| {
                self.folders.get(&f.name).is_none_or(|r| {
                    r.files != **f
                        // A picture it shows changed, or one it lacked may be there now.
                        || r.folder.as_ref().is_some_and(|folder| {
                            folder.pictures().any(|p| touched.contains(p))
                        })
                        || (!touched.is_empty() && r.problems.has_errors())
                })
            })
            .collect();
        let mut fresh = problems.clone();
        for (files, folder, found) in check_folders(&stale, &rules, labels) {
            fresh.extend(found.clone());
            self.spare.remove(&files.name);
            self.folders.insert(
                files.name.clone(),
                Remembered {
                    files: files.clone(),
                    folder,
                    problems: found,
                },
            );
        }
        self.folders
            .retain(|name, _| sources.procedures.iter().any(|f| f.name == *name));
        self.spare.retain(|name, _| self.folders.contains_key(name));
        let remembered: Vec<(&String, &Remembered)> = sources
            .procedures
            .iter()
            .filter_map(|f| self.folders.get_key_value(&f.name))
            .collect();
        for (_, r) in &remembered {
            problems.extend(r.problems.clone());
        }
        let site = if problems.has_errors() {
            None
        } else {
            let folders = remembered
                .iter()
                .filter_map(|(name, r)| {
                    let spare = self.spare.remove(*name);
                    spare.or_else(|| r.folder.clone())
                })
                .collect();
            incremental::site(&rules, folders)
        };
        Checked {
            site,
            problems,
            fresh,
        }
    }
}

/// Checks folders on every core (they are independent): each with its model and problems, found
/// as `handouts check` finds them (characters the fonts lack, hints `handouts new` left).
fn check_folders<'a>(
    stale: &[&'a ProcedureFiles],
    rules: &incremental::Rules,
    labels: &LabelSets,
) -> Vec<(&'a ProcedureFiles, Option<incremental::Folder>, Diagnostics)> {
    let one = |files: &'a ProcedureFiles| {
        let (folder, mut found) = incremental::folder(files, rules);
        let alone = Sources {
            clinic: None,
            procedures: vec![files.clone()],
        };
        found.extend(glyphs::check(&alone, handouts_print::Fonts::embedded()));
        found.extend(placeholders::check(&alone, labels));
        (files, folder, found)
    };
    use rayon::prelude::*;
    stale.par_iter().map(|f| one(f)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let mut checker = Checker::new(root.clone(), today);
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
        same_as_check(&mut Checker::new(sample.clone(), today), &sample);
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        handouts_corpus::generate(12, &root).unwrap();
        let mut checker = Checker::new(root.clone(), today);
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
