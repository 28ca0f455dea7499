//! Checking the content one procedure folder at a time: the only way content is checked.
//!
//! A folder's checked procedures and problems depend only on its own files and on the site-wide
//! [`Rules`] (`clinic.yaml`, the theme's labels, today), so after an edit only the folders whose
//! files changed need checking again. [`Rules::new`] → [`folder`] for each folder → [`site`]; the
//! project (`crate::project`) decides which folders to check and which to take as they were.

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
    required: Vec<String>,
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
        let images = crate::validate::images::Images::new(content_root);
        let clinic = match &sources.clinic {
            Some(file) => crate::validate::clinic::clinic(file, labels, &images, &mut diags),
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
        // The settings come field by field, so a wrong phone number does not also turn every
        // translation into an error (as a fallback to the defaults would).
        // A clinic read without errors already holds them; only a broken file is read again.
        let settings = match &clinic {
            Some(c) => Some(crate::validate::clinic::Settings::of(c)),
            None => sources
                .clinic
                .as_ref()
                .and_then(|file| crate::validate::clinic::settings(file, labels)),
        };
        let default_required = || {
            labels.values().next().map_or_else(Vec::new, |l| {
                l.standard()
                    .filter(|s| s.required)
                    .map(|s| s.key.clone())
                    .collect()
            })
        };
        let rules = Rules {
            interval: settings.as_ref().map_or(12, |c| c.review_interval_months),
            max_grade: settings
                .as_ref()
                .map_or(crate::validate::clinic::DEFAULT_MAX_GRADE, |c| c.max_grade),
            today,
            languages: settings
                .as_ref()
                .map(|c| c.languages.clone())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| vec![Lang::EN]),
            links: ContentContext {
                root: content_root.to_path_buf(),
                real_root: std::fs::canonicalize(content_root).ok(),
                base_url: clinic.as_ref().map(|c| c.base_url.clone()),
                allowed_html: settings
                    .as_ref()
                    .map_or_else(Vec::new, |c| c.allowed_html.clone()),
                images,
            },
            labels: labels.clone(),
            required: settings
                .as_ref()
                .map_or_else(default_required, |c| c.required_sections.clone()),
            clinic,
        };
        (rules, diags)
    }
}

impl Rules {
    /// The file of the clinic's logo, when it has one.
    pub fn logo(&self) -> Option<&Path> {
        self.clinic
            .as_ref()?
            .logo
            .as_ref()
            .map(|l| l.source.as_path())
    }
}

impl Rules {
    /// The bytes of the clinic's logo as checked, when it has one.
    pub fn logo_bytes(&self) -> Option<&[u8]> {
        let logo = self.clinic.as_ref()?.logo.as_ref()?;
        Some(&logo.picture.bytes)
    }
}

impl Folder {
    /// A folder checked earlier: its sort key and its procedure in each language, default first.
    pub fn new(order: i64, editions: Vec<(Lang, Procedure)>) -> Folder {
        Folder { order, editions }
    }

    /// Its sort key among the folders.
    pub fn order(&self) -> i64 {
        self.order
    }

    /// Its procedure in each language it has, the default language first.
    pub fn editions(&self) -> &[(Lang, Procedure)] {
        &self.editions
    }

    /// The file of every picture the folder's handouts show, in every language.
    pub fn pictures(&self) -> impl Iterator<Item = &Path> {
        self.editions
            .iter()
            .flat_map(|(_, p)| &p.variants)
            .flat_map(|v| v.figures())
            .map(|f| f.image.source.as_path())
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
        required: &rules.required,
    };
    let mut diags = Diagnostics::new();
    // The model outlives the many temporaries that checking it made. Copied now, it lands in
    // memory of its own instead of pinning the allocator's pages those temporaries freed: at
    // 10,000 variants the checked model kept 260 MB resident uncopied, 142 MB copied at the end.
    let checked = super::procedure(files, &site_rules, &mut diags).map(|(order, editions)| {
        let mut editions = editions.to_vec();
        for v in editions.iter_mut().flat_map(|(_, p)| &mut p.variants) {
            v.seal();
        }
        Folder { order, editions }
    });
    (checked, diags)
}

/// The site made of checked folders (taken, not copied), ordered by their `order` and name;
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
