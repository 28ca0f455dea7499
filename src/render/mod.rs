//! Model → output files. Renderers return files as values; only `write` touches the disk.

pub mod context;
pub mod html;
pub mod inline;
pub mod pdf;
pub mod print;

/// One file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The PDF handout of every variant, beside its page: `<procedure>/<variant>/<procedure>-<variant>.pdf`.
pub fn pdfs(
    site: &crate::model::Site,
    theme: &crate::theme::Theme,
) -> Result<Vec<OutputFile>, crate::diag::Diagnostics> {
    let fonts = pdf::Fonts::embedded();
    let jobs: Vec<(&crate::model::Procedure, &crate::model::Variant)> = site
        .procedures
        .iter()
        .flat_map(|p| p.variants.iter().map(move |v| (p, v)))
        .collect();
    // Handouts are independent: lay them out on every core.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let chunk = jobs.len().div_ceil(threads).max(1);
    let results: Vec<Result<OutputFile, crate::diag::Diagnostics>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|(p, v)| {
                            print::handout(site, p, v, theme, fonts).map(|r| OutputFile {
                                path: format!(
                                    "{}{}",
                                    context::variant_path(v),
                                    context::pdf_name(v)
                                ),
                                bytes: r.bytes,
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic is a bug, but it must still fail the build rather than drop handouts silently.
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(crate::diag::Diagnostic::error(
                        "an internal error stopped some PDF handouts from being made; nothing was written. Please report it with the content that caused it.",
                    )
                    .into())]
                })
            })
            .collect()
    });
    let mut files = Vec::new();
    let mut diags = crate::diag::Diagnostics::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(files)
}
