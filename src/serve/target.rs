//! Making the preview's targets ([`crate::render::targets`]: every file `handouts build` writes,
//! one page, handout or whole output at a time) into files held in memory, and the kinds of
//! target the preview makes at once or first asked for.

use crate::diag::{Diagnostic, Diagnostics};
use crate::edition::Lang;
use crate::model::Site;
use crate::render::targets::{self, PageKey, Target};
use crate::render::{OutputFile, Outputs};
use crate::theme::Theme;
use std::sync::Arc;

/// One file, as made.
pub(crate) struct File {
    pub(crate) path: String,
    pub(crate) bytes: Arc<[u8]>,
    /// For a PDF, its page count.
    pub(crate) pages: Option<usize>,
}

/// A target's files, or why they could not be made.
pub(crate) type Made = Result<Arc<[File]>, Diagnostics>;

/// A kind of file that comes in numbers: what is rendered at once, or first of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A language's index.
    Index(Lang),
    /// A procedure page.
    Procedure(Lang),
    /// A variant page.
    Variant(Lang),
    /// A variant's file of one output: a printed handout (of a print size), about a hundred times
    /// slower than a page, or another file of its own.
    Pdf(Lang, usize),
}

/// Its kind, for a page or handout (`None` for a whole output).
pub(crate) fn kind(target: &Target) -> Option<Kind> {
    match target {
        Target::Page(_, lang, PageKey::Index) => Some(Kind::Index(*lang)),
        Target::Page(_, lang, PageKey::Procedure(_)) => Some(Kind::Procedure(*lang)),
        Target::Page(_, lang, PageKey::Variant(..)) => Some(Kind::Variant(*lang)),
        Target::Handout(output, lang, ..) => Some(Kind::Pdf(*lang, *output)),
        Target::Whole(..) => None,
    }
}

/// Makes the files of `target`, a target of `outputs`, from `site` and `theme`; a summary is
/// given `others`, every other output's files. A panic (a bug) becomes a problem to show, so one
/// bad handout does not stop the preview.
pub(crate) fn make(
    target: &Target,
    outputs: &Outputs,
    site: &Site,
    theme: &Theme,
    others: &[OutputFile],
) -> Made {
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        targets::render(target, outputs, site, theme, others)
    }));
    match made {
        Ok(Ok(files)) => Ok(files
            .into_iter()
            .map(|f| File {
                path: f.path,
                bytes: f.bytes.into(),
                pages: f.pages,
            })
            .collect::<Vec<_>>()
            .into()),
        Ok(Err(problems)) => Err(problems),
        Err(_) => Err(Diagnostic::error(
            "an internal error stopped this file from being made. Please report it with the content that caused it.",
        )
        .into()),
    }
}

/// Every file of `files` as a renderer's output, for a summary to read.
pub(crate) fn as_outputs<'a>(files: impl Iterator<Item = &'a File>) -> Vec<OutputFile> {
    files
        .map(|f| OutputFile {
            path: f.path.clone(),
            bytes: f.bytes.to_vec(),
            pages: f.pages,
        })
        .collect()
}

/// The bytes of one file of `made`.
pub(crate) fn bytes_of(made: &Made, path: &str) -> Option<Result<Arc<[u8]>, Diagnostics>> {
    match made {
        Ok(files) => files
            .iter()
            .find(|f| f.path == path)
            .map(|f| Ok(Arc::clone(&f.bytes))),
        Err(problems) => Some(Err(problems.clone())),
    }
}
