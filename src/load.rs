//! Reads `content/` from disk: which files there are and their text. Nothing is interpreted here.

use crate::diag::{Diagnostic, Diagnostics, Location};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One content file's text, with the path to show in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as the user would type it (the `--content` folder joined with the file's place).
    pub path: PathBuf,
    /// The file's text, UTF-8.
    pub text: String,
}

/// One procedure folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcedureFiles {
    /// The folder name (not yet checked as a slug).
    pub name: String,
    /// The folder's path, for messages.
    pub path: PathBuf,
    /// `_procedure.md`, if present.
    pub procedure: Option<SourceFile>,
    /// The variant files, sorted by name.
    pub variants: Vec<SourceFile>,
    /// Translations (`prp.es.md`, `_procedure.es.md`), sorted by name.
    pub translations: Vec<Translation>,
    /// How many `.md` files could not be read (already reported).
    pub unreadable: usize,
}

/// A file named `<original>.<xx>.md`: a translation of `<original>.md` into language `xx`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language code as written in the file name (not yet checked against `clinic.yaml`).
    pub lang: String,
    /// The original's file stem (`prp`, or `_procedure` for the procedure's own file).
    pub original: String,
    /// The file.
    pub file: SourceFile,
}

/// Splits `prp.es.md` into (`prp`, `es`): a file stem, a dot and two lowercase letters before `.md`.
pub fn translation_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".md")?;
    let (original, lang) = stem.rsplit_once('.')?;
    let is_code = lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase());
    (is_code && !original.is_empty()).then_some((original, lang))
}

/// Everything read from the content folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sources {
    /// `clinic.yaml`, if present.
    pub clinic: Option<SourceFile>,
    /// Procedure folders, sorted by name.
    pub procedures: Vec<ProcedureFiles>,
}

/// The name of the clinic file at the top of the content folder.
pub const CLINIC_FILE: &str = "clinic.yaml";
/// The name of a procedure's own file inside its folder.
pub const PROCEDURE_FILE: &str = "_procedure.md";

/// What one entry of the content folder's walk is, decided once for both passes of [`load`].
enum Kind {
    /// Not content: a file or folder no rule mentions.
    Ignored,
    /// A symbolic link that leads out of the content folder.
    LinkOutside,
    /// A procedure folder.
    Procedure,
    /// `clinic.yaml`.
    Clinic,
    /// A `.md` file at the top, outside any procedure folder.
    LooseHandout,
    /// A `.md` file in a procedure folder.
    Handout,
    /// A `.md` file in a folder inside a procedure folder.
    TooDeep,
}

impl Kind {
    fn of(root: &Path, entry: &walkdir::DirEntry) -> Kind {
        let name = entry.file_name().to_string_lossy();
        // A symbolic link is looked at before it is read (it may lead out of the content folder).
        if entry.path_is_symlink() && !inside(root, entry.path()) {
            return Kind::LinkOutside;
        }
        let is_dir = entry.file_type().is_dir();
        let markdown = !is_dir && name.ends_with(".md");
        match entry.depth() {
            1 if is_dir => Kind::Procedure,
            1 if name == CLINIC_FILE => Kind::Clinic,
            1 if name.ends_with(".md") => Kind::LooseHandout,
            2 if markdown => Kind::Handout,
            3 if markdown => Kind::TooDeep,
            _ => Kind::Ignored,
        }
    }

    /// Whether the file's text is read.
    fn is_read(&self) -> bool {
        matches!(self, Kind::Clinic | Kind::Handout)
    }
}

/// Whether a walk entry below the content folder is hidden: editor and system files (`.DS_Store`,
/// `.swp`) and folders (`.git`, `.versions`) are not content, and a hidden folder is not walked.
/// The content folder itself may have any name (a temporary folder's starts with a dot).
pub(crate) fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// Reads every content file under `root`, in a stable order. Files that cannot be read become
/// diagnostics; the rest are still returned so that one run reports everything.
pub fn load(root: &Path) -> (Sources, Diagnostics) {
    use rayon::prelude::*;
    let mut sources = Sources::default();
    let mut diags = Diagnostics::new();
    let walker = WalkDir::new(root)
        .min_depth(1)
        .max_depth(3)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    // Each entry is classified and its file read on every core, then taken in walk order, so the
    // messages keep it.
    type Read = Option<(Option<SourceFile>, Diagnostics)>;
    let entries: Vec<(Result<walkdir::DirEntry, walkdir::Error>, Kind, Read)> = walker
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|entry| {
            let Ok(e) = &entry else {
                return (entry, Kind::Ignored, None);
            };
            let kind = Kind::of(root, e);
            let read = kind.is_read().then(|| {
                let mut diags = Diagnostics::new();
                (read(e.path(), &mut diags), diags)
            });
            (entry, kind, read)
        })
        .collect();
    for (entry, kind, read) in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                diags.push(
                    Diagnostic::error(format!(
                        "this could not be read: {}.",
                        io_words(err.io_error())
                    ))
                    .in_file(&path),
                );
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        let file = read.and_then(|(file, found)| {
            diags.extend(found);
            file
        });
        match kind {
            Kind::Ignored => {}
            Kind::LinkOutside => diags.push(
                Diagnostic::error("this is a symbolic link to something outside the content folder, so it is not used.")
                    .in_file(&path)
                    .hint("copy the file into the content folder instead of linking to it."),
            ),
            Kind::Procedure => sources.procedures.push(ProcedureFiles {
                name: entry.file_name().to_string_lossy().to_string(),
                path,
                procedure: None,
                variants: Vec::new(),
                translations: Vec::new(),
                unreadable: 0,
            }),
            Kind::Clinic => sources.clinic = file,
            Kind::LooseHandout => diags.push(
                Diagnostic::error("a handout file must be inside a procedure folder, not at the top of the content folder.")
                    .in_file(&path)
                    .hint("move it into a folder named for its procedure, such as `microneedling/`."),
            ),
            Kind::Handout => {
                let Some(proc) = sources.procedures.last_mut() else {
                    continue;
                };
                let Some(file) = file else {
                    proc.unreadable += 1;
                    continue;
                };
                let name = entry.file_name().to_string_lossy();
                if name == PROCEDURE_FILE {
                    proc.procedure = Some(file);
                } else if let Some((original, lang)) = translation_name(&name) {
                    proc.translations.push(Translation {
                        lang: lang.to_string(),
                        original: original.to_string(),
                        file,
                    });
                } else {
                    proc.variants.push(file);
                }
            }
            Kind::TooDeep => diags.push(
                Diagnostic::error("this file is in a folder inside a procedure folder, so it is not used.")
                    .in_file(&path)
                    .hint("move it up into its procedure folder; one level of folders is all that is read."),
            ),
        }
    }
    (sources, diags)
}

/// Whether `path`, with every symbolic link resolved, is inside `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// The largest content file read: a handout is a few kilobytes; anything near this is a mistake
/// (a pasted document, an export) that would only slow every build down.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a file as UTF-8, reporting where the first invalid byte is.
fn read(path: &Path, diags: &mut Diagnostics) -> Option<SourceFile> {
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_FILE_BYTES {
            diags.push(
                Diagnostic::error(format!(
                    "this file is {} KB; a content file may be at most {} KB (1 MB).",
                    meta.len().div_ceil(1024),
                    MAX_FILE_BYTES / 1024
                ))
                .in_file(path)
                .hint("a handout is a few pages of text: remove pasted or generated material from the file."),
            );
            return None;
        }
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(err) => {
            diags.push(
                Diagnostic::error(format!(
                    "this file could not be read: {}.",
                    io_words(Some(&err))
                ))
                .in_file(path),
            );
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(SourceFile {
            path: path.to_path_buf(),
            text: normalise_text(text),
        }),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
            let location = Location::from_offset(&prefix, prefix.len());
            diags.push(
                Diagnostic::error("this file is not UTF-8 text (it may have been saved as Windows-1252 or Latin-1).")
                    .in_file(path)
                    .at(&prefix, location)
                    .hint("save the file again with the UTF-8 encoding; most editors offer it under \"Save As\" or \"Encoding\"."),
            );
            None
        }
    }
}

/// The text as every later stage expects it: without the byte-order mark Windows Notepad writes at
/// the start, and with LF line ends (CRLF and lone CR become LF), so a file saved on any system
/// reads the same and locations count lines the way the editor shows them.
pub fn normalise_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// An I/O error in plain words.
pub fn io_words(err: Option<&std::io::Error>) -> String {
    use std::io::ErrorKind::*;
    match err.map(|e| e.kind()) {
        Some(NotFound) => "it does not exist".into(),
        Some(PermissionDenied) => "permission was denied".into(),
        Some(_) | None => err.map_or_else(|| "an unknown error".into(), |e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_files_in_sorted_order_and_reports_bad_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("clinic.yaml"), "name: A\n").unwrap();
        std::fs::create_dir(root.join("peel")).unwrap();
        std::fs::write(root.join("peel/_procedure.md"), "x").unwrap();
        std::fs::write(root.join("peel/b.md"), "x").unwrap();
        std::fs::write(root.join("peel/a.md"), "x").unwrap();
        std::fs::write(root.join("peel/c.md"), b"ok\nbad \xff here").unwrap();
        std::fs::write(root.join("peel/.c.md.swp"), "x").unwrap();
        let (sources, diags) = load(root);
        assert!(sources.clinic.is_some());
        let names: Vec<_> = sources.procedures[0]
            .variants
            .iter()
            .map(|f| f.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.md"]);
        assert!(sources.procedures[0].procedure.is_some());
        let d = diags.iter().next().unwrap();
        assert_eq!(d.location, Some(Location { line: 2, column: 5 }));
        assert!(d.message.starts_with("this file is not UTF-8"));
    }

    #[test]
    fn a_hidden_folder_is_not_walked_but_a_visible_one_too_deep_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("peel/.versions")).unwrap();
        std::fs::create_dir_all(root.join("peel/old")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("peel/a.md"), "x").unwrap();
        std::fs::write(root.join("peel/.versions/a.md"), "x").unwrap();
        std::fs::write(root.join("peel/old/a.md"), "x").unwrap();
        std::fs::write(root.join(".git/notes.md"), "x").unwrap();
        let (sources, diags) = load(root);
        assert_eq!(sources.procedures.len(), 1);
        assert_eq!(sources.procedures[0].variants.len(), 1);
        let messages: Vec<_> = diags
            .iter()
            .map(|d| (d.file.clone(), d.message.clone()))
            .collect();
        assert_eq!(
            messages,
            [(
                Some(root.join("peel/old/a.md")),
                "this file is in a folder inside a procedure folder, so it is not used."
                    .to_string()
            )]
        );
    }
}
