//! Writes a generated content corpus: `cargo run --release --example corpus -- N DIR`.
//!
//! N variants over max(1, N / 5) procedures, with a `clinic.yaml`, into DIR, which must be new
//! or empty. The same N always gives byte-identical files.

use handouts_corpus::generate;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: corpus N DIR\n  writes N generated handout variants (N at least 1) into the folder DIR, which must be new or empty";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let [n, dir] = args.as_slice() else {
        eprintln!("corpus: expected two arguments, the number of variants and a folder.\n{USAGE}");
        return ExitCode::from(2);
    };
    let n = match n.parse::<usize>() {
        Ok(n) if n >= 1 => n,
        _ => {
            eprintln!("corpus: `{n}` is not a number of variants; write a whole number of at least 1, such as 200.\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let dir = Path::new(dir);
    if dir.exists() {
        if !dir.is_dir() {
            eprintln!(
                "corpus: {} already exists and is not a folder; choose a new folder name.",
                dir.display()
            );
            return ExitCode::from(2);
        }
        match std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
            Ok(true) => {
                eprintln!(
                    "corpus: the folder {} is not empty, and nothing in it will be overwritten; choose a new or empty folder.",
                    dir.display()
                );
                return ExitCode::from(2);
            }
            Ok(false) => {}
            Err(e) => {
                eprintln!("corpus: cannot read the folder {}: {e}.", dir.display());
                return ExitCode::from(1);
            }
        }
    }
    match generate(n, dir) {
        Ok(s) => {
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            println!(
                "Wrote {} of {} ({} files, {} words) to {}.",
                plural(s.variants, "variant"),
                plural(s.procedures, "procedure"),
                s.files,
                s.words,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "corpus: could not write the corpus to {}: {e}.",
                dir.display()
            );
            ExitCode::from(1)
        }
    }
}
