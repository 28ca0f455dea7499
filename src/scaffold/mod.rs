//! `handouts new <procedure>/<variant> [--lang xx]`: starts a handout file that teaches its format.
//!
//! The file has its front matter filled in, every section heading in the file's language, and a
//! hint under each (see [`text`]); a new procedure gets its `_procedure.md` too. Nothing is ever
//! overwritten. The hints are placeholders that `handouts check` reports until they are replaced.

mod text;

use crate::diag::{Diagnostics, Failure};
use crate::labels::Labels;
use crate::load::{Sources, CLINIC_FILE, PROCEDURE_FILE};
use crate::model::{Date, Lang, Slug};
use crate::theme::Theme;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What `handouts new` is asked to write.
#[derive(Clone, Debug)]
pub struct NewRequest<'a> {
    /// The content folder.
    pub content: &'a Path,
    /// A theme folder whose labels replace the built-in ones.
    pub theme: Option<&'a Path>,
    /// `procedure/variant`.
    pub which: &'a str,
    /// The language; default the clinic's first.
    pub lang: Option<&'a str>,
    /// Today, the first `reviewed` date.
    pub today: Date,
}

/// Writes the new handout (and its procedure's file, when the procedure is new). Returns the
/// files written, the procedure's first; a file that exists already is [`Failure::Refused`].
pub fn new(request: &NewRequest<'_>) -> Result<Vec<PathBuf>, Failure> {
    let (procedure, variant) = slugs(request.which)?;
    let theme = Theme::load(request.theme)?;
    let (sources, _) = crate::load::load(request.content);
    let languages = languages(&sources, &theme);
    let (lang, labels) = language(request.lang, &languages, &theme)?;
    let folder = request.content.join(procedure.as_str());
    // The default language's files have no language in their names.
    let suffix = if lang == languages[0] {
        String::new()
    } else {
        format!(".{lang}")
    };
    let variant_path = folder.join(format!("{variant}{suffix}.md"));
    let procedure_name = format!("_procedure{suffix}.md");
    let procedure_path = folder.join(&procedure_name);
    if variant_path.exists() {
        return Err(exists(&variant_path));
    }
    let original = folder.join(format!("{variant}.md"));
    if !suffix.is_empty() && !original.exists() {
        return Err(Failure::Refused(format!(
            "there is no `{}` to translate yet: a translation needs its original.\n  fix: write the original first, with `handouts new {procedure}/{variant}`.",
            original.display()
        )));
    }
    let shared = shared_sections(&sources, &procedure, &procedure_name, labels);
    let draft = text::VariantDraft {
        title: text::title(&[procedure.as_str(), variant.as_str()]),
        today: request.today,
        shared: shared.map(|kinds| (procedure_name.as_str(), kinds)),
    };
    let mut written = Vec::new();
    std::fs::create_dir_all(&folder).map_err(|e| io_problem(&folder, &e))?;
    if !procedure_path.exists() {
        let title = text::title(&[procedure.as_str()]);
        create(&procedure_path, &text::procedure(labels, &title))?;
        written.push(procedure_path);
    }
    create(&variant_path, &text::variant(labels, &draft))?;
    written.push(variant_path);
    Ok(written)
}

/// `procedure/variant` → both slugs, or a plain message with the slug to use instead.
fn slugs(which: &str) -> Result<(Slug, Slug), Failure> {
    let parts: Vec<&str> = which.trim_matches('/').split('/').collect();
    let [procedure, variant] = parts.as_slice() else {
        return Err(Failure::Usage(format!(
            "`{which}` does not name a new handout as procedure/variant.\n  fix: write the procedure's folder and the variant's file name with a `/` between them, for example `handouts new microneedling/with-prp`."
        )));
    };
    let check = |name: &str, what: &str| {
        Slug::parse(name).ok_or_else(|| {
            let procedure = Slug::suggest(procedure);
            let variant = Slug::suggest(variant);
            Failure::Usage(format!(
                "the {what} `{name}` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: use `{}`, for example `handouts new {procedure}/{variant}`.",
                Slug::suggest(name)
            ))
        })
    };
    Ok((
        check(procedure, "procedure name")?,
        check(variant, "variant name")?,
    ))
}

/// The languages `clinic.yaml` lists, the default first; English when it cannot be read (its
/// problems are `handouts check`'s to report).
fn languages(sources: &Sources, theme: &Theme) -> Vec<Lang> {
    sources
        .clinic
        .as_ref()
        .and_then(|file| {
            let root = file.path.parent().unwrap_or(std::path::Path::new("."));
            let images = crate::validate::images::Images::new(root);
            crate::validate::clinic::clinic(file, &theme.labels, &images, &mut Diagnostics::new())
        })
        .map_or_else(|| vec![Lang::EN], |c| c.languages)
}

/// The language asked for (or the default) and its labels.
fn language<'t>(
    asked: Option<&str>,
    languages: &[Lang],
    theme: &'t Theme,
) -> Result<(Lang, &'t Labels), Failure> {
    let listed = || {
        languages
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let lang = match asked {
        None => languages[0],
        Some(code) => match Lang::parse(code) {
            Some(lang) if languages.contains(&lang) => lang,
            Some(lang) => {
                return Err(Failure::Usage(format!(
                    "{CLINIC_FILE} does not list the language `{lang}`; it lists {}.\n  fix: add `{lang}` to `languages:` in {CLINIC_FILE} first, or choose one of those.",
                    listed()
                )))
            }
            None => {
                return Err(Failure::Usage(format!(
                    "`{code}` is not a language code.\n  fix: write the two-letter lowercase code, for example `--lang es`; {CLINIC_FILE} lists {}.",
                    listed()
                )))
            }
        },
    };
    let labels = theme.labels(lang).ok_or_else(|| {
        Failure::Usage(format!(
            "the theme has no labels for the language `{lang}`, so the headings cannot be written in it.\n  fix: add `labels/{lang}.yaml` to your theme."
        ))
    })?;
    Ok((lang, labels))
}

/// The sections the procedure's existing file (`name`) already shares, in reading order; `None`
/// when the procedure has no such file yet.
fn shared_sections(
    sources: &Sources,
    procedure: &Slug,
    name: &str,
    labels: &Labels,
) -> Option<Vec<String>> {
    let files = sources
        .procedures
        .iter()
        .find(|p| p.name == procedure.as_str())?;
    let file = if name == PROCEDURE_FILE {
        files.procedure.as_ref()?
    } else {
        let stem = name.strip_suffix(".md")?;
        &files
            .translations
            .iter()
            .find(|t| format!("{}.{}", t.original, t.lang) == stem)?
            .file
    };
    let written: Vec<&str> = file
        .text
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|h| labels.section_of(h))
        .map(|s| s.key.as_str())
        .collect();
    // In the table's reading order, each once.
    Some(
        labels
            .standard()
            .filter(|s| written.contains(&s.key.as_str()))
            .map(|s| s.key.clone())
            .collect(),
    )
}

/// Writes a new file; one that appeared meanwhile is not overwritten either.
fn create(path: &Path, text: &str) -> Result<(), Failure> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut f) => f
            .write_all(text.as_bytes())
            .map_err(|e| io_problem(path, &e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists(path)),
        Err(e) => Err(io_problem(path, &e)),
    }
}

fn exists(path: &Path) -> Failure {
    Failure::Refused(format!(
        "`{}` already exists; `handouts new` never overwrites a file.\n  fix: edit that file, or choose another name for the new variant.",
        path.display()
    ))
}

fn io_problem(path: &Path, err: &std::io::Error) -> Failure {
    Failure::Content(Diagnostics::from(
        crate::diag::Diagnostic::error(format!(
            "the file could not be written: {}.",
            crate::load::io_words(Some(err))
        ))
        .in_file(path)
        .hint("check that the content folder can be written to."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(which: &str) -> String {
        match slugs(which) {
            Err(Failure::Usage(m)) => m,
            other => panic!("{which}: {other:?}"),
        }
    }

    #[test]
    fn slugs_are_checked_with_a_suggestion() {
        let (p, v) = slugs("microneedling/with-prp").unwrap_or_else(|_| panic!("valid"));
        assert_eq!((p.as_str(), v.as_str()), ("microneedling", "with-prp"));
        assert_eq!(
            usage("Chemical Peel/deep"),
            "the procedure name `Chemical Peel` cannot be used in a web address; it may only have lowercase letters a–z, digits 0–9 and dashes.\n  fix: use `chemical-peel`, for example `handouts new chemical-peel/deep`."
        );
        assert!(usage("peel/Deep_One").starts_with("the variant name `Deep_One`"));
        assert!(usage("peel").starts_with("`peel` does not name a new handout"));
        assert!(usage("a/b/c").starts_with("`a/b/c` does not name"));
    }
}
