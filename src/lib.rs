//! handouts: clinic patient handouts from Markdown, as a website section and printable PDFs.
//!
//! The pipeline runs one way: [`load`] reads files → [`validate`] checks them into the [`model`]
//! → [`render`] makes pages and PDFs as values → [`write`] swaps the new output folder in.

pub mod cli;
pub mod config;
pub mod diag;
pub mod front_matter;
pub mod load;
pub mod markdown;
pub mod model;
pub mod render;
pub mod serve;
pub mod theme;
pub mod validate;
pub mod write;
pub mod yaml;

use diag::Diagnostics;
use model::{Date, Site};
use std::path::{Path, PathBuf};
use theme::Theme;

/// What a build reads and where it writes.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// A theme folder overriding the built-in theme's files.
    pub theme: Option<PathBuf>,
    /// The output folder, replaced as a whole on success.
    pub out: PathBuf,
    /// Today's date, to tell which reviews are overdue.
    pub today: Date,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Files written.
    pub files: usize,
    /// Variant pages written.
    pub variants: usize,
    /// Warnings (overdue reviews, empty procedures).
    pub warnings: Diagnostics,
}

/// Loads and validates the content: the checked site and its warnings, or every problem found.
pub fn check(
    content: &Path,
    theme_dir: Option<&Path>,
    today: Date,
) -> Result<(Site, Theme, Diagnostics), Diagnostics> {
    // Read every file first, so unreadable files and content problems are reported together.
    let (sources, mut diags) = load::load(content);
    let (site, checked) = validate::validate(&sources, content, today);
    diags.extend(checked);
    // A character no font has would print as an empty box: catch it where the editor typed it.
    diags.extend(validate::glyphs::check(
        &sources,
        render::pdf::Fonts::embedded(),
    ));
    // The theme is checked even when the content has errors: a run reports everything.
    let theme = Theme::load(theme_dir).map_err(|d| diags.extend(d));
    match (site, theme) {
        (Some(site), Ok(theme)) if !diags.has_errors() => Ok((site, theme, diags)),
        _ => Err(diags),
    }
}

/// Builds the whole site into `options.out`. On any error nothing is written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let (site, theme, warnings) = check(&options.content, options.theme.as_deref(), options.today)?;
    // Render everything in memory before touching the output folder.
    let mut files = render::html::render(&site, &theme)?;
    files.extend(render::pdfs(&site, &theme)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    write::commit(&files, &options.out).map_err(|d| Diagnostics::from(*d))?;
    Ok(BuildReport {
        files: files.len(),
        variants: site.procedures.iter().map(|p| p.variants.len()).sum(),
        warnings,
    })
}

/// Why `handouts pdf` could not write its file.
#[derive(Debug)]
pub enum PdfOneError {
    /// The variant named does not exist or is not `procedure/variant`.
    Usage(String),
    /// Problems in the content, the theme or the output path.
    Content(Diagnostics),
}

/// Writes the PDF handout of one variant (`procedure/variant`) to `output`, or to
/// `procedure-variant.pdf` in the current folder. Returns the path written.
pub fn pdf_one(
    content: &Path,
    theme_dir: Option<&Path>,
    which: &str,
    output: Option<&Path>,
    today: Date,
) -> Result<PathBuf, PdfOneError> {
    let (site, theme, _) = check(content, theme_dir, today).map_err(PdfOneError::Content)?;
    let (proc_slug, variant_slug) = which
        .trim_matches('/')
        .split_once('/')
        .unwrap_or((which, ""));
    let found = site
        .procedures
        .iter()
        .filter(|p| p.slug.as_str() == proc_slug)
        .find_map(|p| {
            p.variants
                .iter()
                .find(|v| v.slug.as_str() == variant_slug)
                .map(|v| (p, v))
        });
    let Some((procedure, variant)) = found else {
        let all: Vec<String> = site
            .procedures
            .iter()
            .flat_map(|p| {
                p.variants
                    .iter()
                    .map(move |v| format!("{}/{}", p.slug, v.slug))
            })
            .collect();
        return Err(PdfOneError::Usage(format!(
            "there is no handout `{which}`; the handouts are: {}.",
            all.join(", ")
        )));
    };
    let rendered = render::print::handout(
        &site,
        procedure,
        variant,
        &theme,
        render::pdf::Fonts::embedded(),
    )
    .map_err(PdfOneError::Content)?;
    let path = output.map_or_else(
        || PathBuf::from(render::context::pdf_name(variant)),
        Path::to_path_buf,
    );
    write::file(&path, &rendered.bytes).map_err(|d| PdfOneError::Content(Diagnostics::from(*d)))?;
    Ok(path)
}
