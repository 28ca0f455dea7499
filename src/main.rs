//! The `handouts` command: parse the command line, run the pipeline, print what happened.

use clap::Parser;
use handouts::cli::{Cli, Command, Folders};
use handouts::diag::Diagnostics;
use handouts::model::{Date, Paper};
use handouts::BuildOptions;
use std::process::ExitCode;

/// Content problems: the editor has something to fix.
const EXIT_CONTENT: u8 = 1;
/// The command itself was wrong (bad flag, missing folder).
const EXIT_USAGE: u8 = 2;

mod progress;

/// Asks Linux not to back this process's memory with transparent huge pages. Where the system
/// enables them for every mapping (`always`, as on Debian's cloud images), each 2 MiB region the
/// allocator touches is resident whole: a 2,000-handout check took 96 MB instead of 74 MB, a build
/// 155 MB instead of 124 MB, for no measurable gain in speed.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag of this process; it
    // cannot fail in a way that matters (an old kernel ignores it, and so do we).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// A build makes millions of short-lived allocations (printpdf's operators, lopdf's objects) on
/// every core; the system allocator was about a sixth of a build's time in the profile.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    let today = today();
    match cli.command {
        Command::Build {
            folders,
            out,
            base_url,
            paper,
            plain,
            jobs,
        } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            if let Some(n) = jobs {
                // Only fails if a pool exists already, which nothing makes before this.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(usize::from(n))
                    .build_global();
            }
            let options = BuildOptions {
                content: folders.content,
                theme: folders.theme,
                out: out.clone(),
                today,
                overrides: handouts::Overrides {
                    base_url,
                    paper: paper.map(Paper::from),
                },
            };
            let progress = progress::Line::new();
            let result = handouts::build_reporting(&options, plain.strictness(), &|done, total| {
                progress.update(done, total)
            });
            progress.clear();
            match result {
                Ok(report) => {
                    print_diagnostics(&report.warnings);
                    println!(
                        "Built {} {} ({} files) into {} in {:.1} s.",
                        progress::thousands(report.variants),
                        if report.variants == 1 {
                            "handout"
                        } else {
                            "handouts"
                        },
                        progress::thousands(report.files),
                        out.display(),
                        progress.elapsed().as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(
                    &diags,
                    "nothing was written; the previous output is unchanged",
                ),
            }
        }
        Command::Check { folders, plain } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            let strictness = plain.strictness();
            match handouts::check(&folders.content, folders.theme.as_deref(), today) {
                Ok((_, _, warnings)) if strictness.apply(warnings.clone()).has_errors() => {
                    fail(&strictness.apply(warnings), "nothing was written")
                }
                Ok((site, _, warnings)) => {
                    print_diagnostics(&warnings);
                    let n = site.default_book().variants().count();
                    println!(
                        "All {n} handouts are correct{}.",
                        if warnings.is_empty() {
                            ""
                        } else {
                            " (see the warnings above)"
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&strictness.apply(diags), "nothing was written"),
            }
        }
        Command::Report { folders, out } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            let request = handouts::report::ReportRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                out: Some(&out),
                today,
            };
            match handouts::report::write(&request) {
                Ok((path, warnings)) => {
                    print_diagnostics(&warnings);
                    println!("Wrote the report to {}.", path.display());
                    ExitCode::SUCCESS
                }
                Err(handouts::report::ReportError::Usage(message)) => {
                    eprintln!("error: {message}");
                    ExitCode::from(EXIT_USAGE)
                }
                Err(handouts::report::ReportError::Content(diags)) => {
                    fail(&diags, "no report was written")
                }
            }
        }
        Command::New {
            variant,
            folders,
            lang,
        } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            let request = handouts::scaffold::NewRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                which: &variant,
                lang: lang.as_deref(),
                today,
            };
            match handouts::scaffold::new(&request) {
                Ok(written) => {
                    for path in written {
                        println!("Wrote {}.", path.display());
                    }
                    println!("Replace each hint in square brackets with the handout's text; `handouts check` lists the ones left.");
                    ExitCode::SUCCESS
                }
                Err(handouts::scaffold::NewError::Usage(message)) => {
                    eprintln!("error: {message}");
                    ExitCode::from(EXIT_USAGE)
                }
                Err(handouts::scaffold::NewError::Refused(message)) => {
                    eprintln!("error: {message}");
                    ExitCode::from(EXIT_CONTENT)
                }
                Err(handouts::scaffold::NewError::Content(diags)) => {
                    fail(&diags, "nothing was written")
                }
            }
        }
        Command::Pdf {
            variant,
            folders,
            output,
            lang,
            size,
        } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            match handouts::pdf_one(&handouts::PdfRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                which: &variant,
                output: output.as_deref(),
                lang: lang.as_deref(),
                size: size.size(),
                today,
            }) {
                Ok(path) => {
                    println!("Wrote {}.", path.display());
                    ExitCode::SUCCESS
                }
                Err(handouts::PdfOneError::Usage(message)) => {
                    eprintln!("error: {message}");
                    ExitCode::from(EXIT_USAGE)
                }
                Err(handouts::PdfOneError::Content(diags)) => fail(&diags, "no PDF was written"),
            }
        }
        Command::Serve {
            folders,
            port,
            bind,
        } => {
            if let Some(code) = missing_content(&folders) {
                return code;
            }
            let options = handouts::serve::Options {
                content: folders.content,
                theme: folders.theme,
                today,
                addr: std::net::SocketAddr::new(bind, port),
            };
            match handouts::serve::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::from(EXIT_USAGE)
                }
            }
        }
    }
}

fn missing_content(folders: &Folders) -> Option<ExitCode> {
    if folders.content.is_dir() {
        return None;
    }
    eprintln!(
        "error: the content folder `{}` does not exist.\n  fix: run handouts from the folder that holds `content/`, or name it with `--content DIR`.",
        folders.content.display()
    );
    Some(ExitCode::from(EXIT_USAGE))
}

fn print_diagnostics(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{diags}");
    }
}

fn fail(diags: &Diagnostics, consequence: &str) -> ExitCode {
    print_diagnostics(diags);
    let errors = diags.error_count();
    let plural = if errors == 1 { "problem" } else { "problems" };
    eprintln!("{errors} {plural} found; {consequence}.");
    ExitCode::from(EXIT_CONTENT)
}

/// Today's date in UTC, from the system clock (used only to flag overdue reviews).
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}
