//! The command line: subcommands and their flags, nothing else.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Clinic patient handouts from Markdown: a website section and a printable PDF per treatment.
#[derive(Debug, Parser)]
#[command(name = "handouts", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Folders shared by every subcommand.
#[derive(Debug, clap::Args)]
pub struct Folders {
    /// The content folder (clinic.yaml and one folder per procedure).
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// A theme folder whose files replace the built-in theme's (templates/, print/, static/).
    #[arg(long, value_name = "DIR")]
    pub theme: Option<PathBuf>,
}

/// How plain-language warnings count.
#[derive(Debug, clap::Args)]
pub struct Plain {
    /// Treat plain-language warnings (reading grade, long sentences, jargon) as errors.
    #[arg(long)]
    pub strict: bool,
}

impl Plain {
    /// The strictness these flags ask for.
    pub fn strictness(&self) -> crate::Strictness {
        if self.strict {
            crate::Strictness::Strict
        } else {
            crate::Strictness::Warn
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
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
        /// Print the handouts on this paper instead of clinic.yaml's `paper`: `letter` or `a4`.
        #[arg(long, value_name = "PAPER", value_parser = ["letter", "a4"])]
        paper: Option<String>,
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
        #[arg(long, default_value = crate::report::DEFAULT_FILE, value_name = "FILE")]
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
        /// Write the large-print edition (18 pt text) instead of the regular one.
        #[arg(long)]
        large: bool,
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
