//! The command line: subcommands and their flags, nothing else.

use clap::{Parser, Subcommand, ValueEnum};
use handouts::edition::PrintSize;
use handouts::model::Paper;
use std::path::PathBuf;

/// Clinic patient handouts from Markdown: a website section and a printable PDF per treatment.
#[derive(Debug, Parser)]
#[command(name = "handouts", version, about, propagate_version = true)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Folders shared by every subcommand.
#[derive(Debug, clap::Args)]
pub(crate) struct Folders {
    /// The content folder (clinic.yaml and one folder per procedure).
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub(crate) content: PathBuf,
    /// A theme folder whose files replace the built-in theme's (templates/, print/, static/).
    #[arg(long, value_name = "DIR")]
    pub(crate) theme: Option<PathBuf>,
}

/// How plain-language warnings count.
#[derive(Debug, clap::Args)]
pub(crate) struct Plain {
    /// Treat plain-language warnings (reading grade, long sentences, jargon) as errors.
    #[arg(long)]
    pub(crate) strict: bool,
}

impl Plain {
    /// The strictness these flags ask for.
    pub(crate) fn strictness(&self) -> handouts::Strictness {
        if self.strict {
            handouts::Strictness::Strict
        } else {
            handouts::Strictness::Warn
        }
    }
}

/// The paper sizes `--paper` accepts, in any letter case (`A4` works as well as `a4`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum PaperName {
    /// US Letter, 8.5 × 11 inches.
    Letter,
    /// A4, 210 × 297 mm.
    A4,
}

impl From<PaperName> for Paper {
    fn from(name: PaperName) -> Paper {
        match name {
            PaperName::Letter => Paper::Letter,
            PaperName::A4 => Paper::A4,
        }
    }
}

/// The print sizes `--size` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SizeName {
    /// The handout staff print for most patients (12 pt text).
    Regular,
    /// Large print for patients who see poorly (18 pt text).
    Large,
}

/// Which print size to write: `--size regular|large`, or `--large` for short.
#[derive(Debug, clap::Args)]
pub(crate) struct SizeChoice {
    /// Which print size to write.
    #[arg(long, value_enum, ignore_case = true, value_name = "SIZE")]
    size: Option<SizeName>,
    /// Write the large-print edition (18 pt text); the same as `--size large`.
    #[arg(long, conflicts_with = "size")]
    large: bool,
}

impl From<SizeName> for PrintSize {
    fn from(name: SizeName) -> PrintSize {
        match name {
            SizeName::Regular => PrintSize::Regular,
            SizeName::Large => PrintSize::Large,
        }
    }
}

impl SizeChoice {
    /// The print size these flags ask for (regular unless told otherwise).
    pub(crate) fn size(&self) -> PrintSize {
        if self.large {
            PrintSize::Large
        } else {
            self.size.map_or(PrintSize::Regular, PrintSize::from)
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check the content and write the website and the PDF handouts.
    Build {
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// Where to write the site; replaced as a whole, only when the build succeeds.
        #[arg(long, default_value = "output", value_name = "DIR")]
        out: PathBuf,
        /// Publish for this address instead of clinic.yaml's `site.base_url` (e.g. a staging site).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Print the handouts on this paper instead of the one clinic.yaml names.
        #[arg(long, value_enum, ignore_case = true, value_name = "PAPER")]
        paper: Option<PaperName>,
        /// Plain-language warnings.
        #[command(flatten)]
        plain: Plain,
        /// How many threads make pages and PDFs (default: one per core).
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Check the content and report every problem, without writing anything.
    Check {
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// Plain-language warnings.
        #[command(flatten)]
        plain: Plain,
    },
    /// Write the plain-language report for the clinic manager: one HTML page, never in the site.
    Report {
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// The HTML file to write.
        #[arg(long, default_value = handouts::report::DEFAULT_FILE, value_name = "FILE")]
        out: PathBuf,
    },
    /// Start a handout file with every section and hints, e.g. `handouts new microneedling/with-prp`.
    New {
        /// The new variant, as procedure/variant (a new procedure gets its `_procedure.md` too).
        #[arg(value_name = "PROCEDURE/VARIANT")]
        variant: String,
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// The language to write it in, as a code from clinic.yaml's `languages` (default: the first).
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
    },
    /// Write the PDF handout of one variant, e.g. `handouts pdf microneedling/classic`.
    Pdf {
        /// The variant, as procedure/variant.
        #[arg(value_name = "PROCEDURE/VARIANT")]
        variant: String,
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// The PDF file to write (default: procedure-variant.pdf in the current folder).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The language, as a code from clinic.yaml's `languages` (default: the first).
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Regular or large print.
        #[command(flatten)]
        size: SizeChoice,
    },
    /// Preview the site locally; it rebuilds and the browser reloads whenever a file changes.
    Serve {
        /// Content and theme folders.
        #[command(flatten)]
        folders: Folders,
        /// The port to serve on (0 lets the system choose a free one).
        #[arg(long, default_value_t = 4400)]
        port: u16,
        /// The address to listen on. Only this computer can see the preview unless another
        /// address is named here, such as 0.0.0.0 for every network the computer is on.
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: std::net::IpAddr,
    },
}

impl Command {
    /// The content and theme folders, which every subcommand has.
    pub(crate) fn folders(&self) -> &Folders {
        match self {
            Command::Build { folders, .. }
            | Command::Check { folders, .. }
            | Command::Report { folders, .. }
            | Command::New { folders, .. }
            | Command::Pdf { folders, .. }
            | Command::Serve { folders, .. } => folders,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("handouts").chain(args.iter().copied()))
    }

    /// The paper `build` is given, as the model's type.
    fn paper(args: &[&str]) -> Option<Paper> {
        match parse(args).unwrap().command {
            Command::Build { paper, .. } => paper.map(Paper::from),
            other => panic!("not a build: {other:?}"),
        }
    }

    /// The print size `pdf` is given, as the model's type.
    fn size(args: &[&str]) -> PrintSize {
        match parse(args).unwrap().command {
            Command::Pdf { size, .. } => size.size(),
            other => panic!("not a pdf: {other:?}"),
        }
    }

    #[test]
    fn an_unknown_paper_is_a_usage_error_that_lists_the_papers() {
        let err = parse(&["build", "--paper", "legal"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
        assert_eq!(err.exit_code(), 2);
        let message = err.to_string();
        assert!(message.contains("legal"), "{message}");
        assert!(message.contains("letter"), "{message}");
        assert!(message.contains("a4"), "{message}");
    }

    #[test]
    fn paper_names_keep_their_spelling_in_any_case() {
        assert_eq!(paper(&["build"]), None);
        assert_eq!(paper(&["build", "--paper", "a4"]), Some(Paper::A4));
        assert_eq!(paper(&["build", "--paper", "letter"]), Some(Paper::Letter));
        assert_eq!(paper(&["build", "--paper", "A4"]), Some(Paper::A4));
        assert_eq!(paper(&["build", "--paper=Letter"]), Some(Paper::Letter));
    }

    #[test]
    fn large_and_size_large_both_ask_for_large_print() {
        let pdf = ["pdf", "microneedling/classic"];
        assert_eq!(size(&pdf), PrintSize::Regular);
        assert_eq!(size(&[&pdf[..], &["--large"]].concat()), PrintSize::Large);
        assert_eq!(
            size(&[&pdf[..], &["--size", "large"]].concat()),
            PrintSize::Large
        );
        assert_eq!(
            size(&[&pdf[..], &["--size", "Regular"]].concat()),
            PrintSize::Regular
        );
    }

    #[test]
    fn an_unknown_size_or_large_with_size_is_a_usage_error() {
        let err = parse(&["pdf", "a/b", "--size", "huge"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
        assert!(err.to_string().contains("regular"), "{err}");
        let err = parse(&["pdf", "a/b", "--large", "--size", "regular"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArgumentConflict);
        assert_eq!(err.exit_code(), 2);
    }
}
