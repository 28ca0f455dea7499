//! The `handouts` command: parse the command line, run the pipeline, print what happened.

use clap::Parser;
use cli::{Cli, Command, Folders};
use handouts::diag::{Diagnostics, Failure};
use handouts::model::{Date, Paper};
use handouts::BuildOptions;
use std::process::ExitCode;

/// Content problems: the editor has something to fix.
const EXIT_CONTENT: u8 = 1;
/// The command itself was wrong (bad flag, missing folder).
const EXIT_USAGE: u8 = 2;

mod cli;
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
    let command = Cli::parse().command;
    let unwritten = unwritten(&command);
    finish(run(command, today()), unwritten)
}

/// What a command that succeeded has to say: its warnings, on standard error, and its summary,
/// one line each on standard output.
#[derive(Debug, Default)]
struct Done {
    warnings: Diagnostics,
    lines: Vec<String>,
}

/// Runs one command, once its content folder is known to exist.
fn run(command: Command, today: Date) -> Result<Done, Failure> {
    content_exists(command.folders())?;
    match command {
        Command::Build {
            folders,
            out,
            base_url,
            paper,
            plain,
            jobs,
        } => {
            if let Some(n) = jobs {
                // Only fails if a pool exists already, which nothing makes before this.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(usize::from(n))
                    .build_global();
            }
            let options = BuildOptions {
                content: folders.content,
                theme: folders.theme,
                out,
                today,
                overrides: handouts::Overrides {
                    base_url,
                    paper: paper.map(Paper::from),
                },
            };
            build(&options, plain.strictness())
        }
        Command::Check { folders, plain } => {
            let strictness = plain.strictness();
            let (site, _, warnings) =
                handouts::check(&folders.content, folders.theme.as_deref(), today)
                    .map_err(|diags| strictness.apply(diags))?;
            let warnings = strictness.apply(warnings);
            if warnings.has_errors() {
                return Err(Failure::Content(warnings));
            }
            let n = site.default_book().variants().count();
            let see = if warnings.is_empty() {
                ""
            } else {
                " (see the warnings above)"
            };
            Ok(Done {
                lines: vec![format!("All {n} handouts are correct{see}.")],
                warnings,
            })
        }
        Command::Report { folders, out } => {
            let request = handouts::report::ReportRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                out: Some(&out),
                today,
            };
            let (path, warnings) = handouts::report::write(&request)?;
            Ok(Done {
                warnings,
                lines: vec![format!("Wrote the report to {}.", path.display())],
            })
        }
        Command::New {
            variant,
            folders,
            lang,
        } => {
            let request = handouts::scaffold::NewRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                which: &variant,
                lang: lang.as_deref(),
                today,
            };
            let written = handouts::scaffold::new(&request)?;
            let mut lines: Vec<String> = written
                .iter()
                .map(|path| format!("Wrote {}.", path.display()))
                .collect();
            lines.push("Replace each hint in square brackets with the handout's text; `handouts check` lists the ones left.".to_string());
            Ok(Done {
                lines,
                ..Done::default()
            })
        }
        Command::Pdf {
            variant,
            folders,
            output,
            lang,
            size,
        } => {
            let path = handouts::pdf_one(&handouts::PdfRequest {
                content: &folders.content,
                theme: folders.theme.as_deref(),
                which: &variant,
                output: output.as_deref(),
                lang: lang.as_deref(),
                size: size.size(),
                today,
            })?;
            Ok(Done {
                lines: vec![format!("Wrote {}.", path.display())],
                ..Done::default()
            })
        }
        Command::Serve {
            folders,
            port,
            bind,
        } => {
            handouts::serve::run(handouts::serve::Options {
                content: folders.content,
                theme: folders.theme,
                today,
                addr: std::net::SocketAddr::new(bind, port),
            })?;
            Ok(Done::default())
        }
    }
}

/// `handouts build`, with a progress line while it runs.
fn build(options: &BuildOptions, strictness: handouts::Strictness) -> Result<Done, Failure> {
    let progress = progress::Line::new();
    let result = handouts::build_reporting(options, strictness, &|done, total| {
        progress.update(done, total)
    });
    progress.clear();
    let report = result?;
    let noun = if report.variants == 1 {
        "handout"
    } else {
        "handouts"
    };
    Ok(Done {
        lines: vec![format!(
            "Built {} {noun} ({} files) into {} in {:.1} s.",
            progress::thousands(report.variants),
            progress::thousands(report.files),
            options.out.display(),
            progress.elapsed().as_secs_f64()
        )],
        warnings: report.warnings,
    })
}

/// What a command that stops on problems in the content leaves as it was.
fn unwritten(command: &Command) -> &'static str {
    match command {
        Command::Build { .. } => "nothing was written; the previous output is unchanged",
        Command::Report { .. } => "no report was written",
        Command::Pdf { .. } => "no PDF was written",
        Command::Check { .. } | Command::New { .. } | Command::Serve { .. } => {
            "nothing was written"
        }
    }
}

/// A content folder that does not exist is a usage error: most likely handouts was run from
/// the wrong folder.
fn content_exists(folders: &Folders) -> Result<(), Failure> {
    if folders.content.is_dir() {
        return Ok(());
    }
    Err(Failure::Usage(format!(
        "the content folder `{}` does not exist.\n  fix: run handouts from the folder that holds `content/`, or name it with `--content DIR`.",
        folders.content.display()
    )))
}

/// Prints what a command did and gives its exit code: 0 when it succeeded (warnings or not), 1
/// for problems in the content or the theme, 2 when the command itself was wrong. `unwritten`
/// says what content problems left as it was.
fn finish(outcome: Result<Done, Failure>, unwritten: &str) -> ExitCode {
    match outcome {
        Ok(done) => {
            print_diagnostics(&done.warnings);
            for line in done.lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(Failure::Refused(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_CONTENT)
        }
        Err(Failure::Content(diags)) => {
            print_diagnostics(&diags);
            let errors = diags.error_count();
            let plural = if errors == 1 { "problem" } else { "problems" };
            eprintln!("{errors} {plural} found; {unwritten}.");
            ExitCode::from(EXIT_CONTENT)
        }
    }
}

fn print_diagnostics(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{diags}");
    }
}

/// Today's date in UTC, from the system clock (used only to flag overdue reviews).
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}

#[cfg(test)]
mod tests {
    use super::*;
    use handouts::diag::Diagnostic;

    #[test]
    fn warnings_exit_0_content_problems_1_and_usage_errors_2() {
        let warned = Done {
            warnings: Diagnostics::from(Diagnostic::warning("due for review.")),
            lines: vec!["Built 1 handout.".to_string()],
        };
        let problems = Diagnostics::from(Diagnostic::error("unknown key."));
        let cases = [
            (Ok(Done::default()), 0),
            (Ok(warned), 0),
            (Err(Failure::Content(problems)), 1),
            (Err(Failure::Refused("the file exists.".to_string())), 1),
            (Err(Failure::Usage("no such handout.".to_string())), 2),
        ];
        for (outcome, code) in cases {
            assert_eq!(finish(outcome, "nothing was written"), ExitCode::from(code));
        }
    }
}
