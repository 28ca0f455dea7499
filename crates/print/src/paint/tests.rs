//! Paint tests: a real PDF comes out, deterministically, and external tools (when installed) can read
//! its text, check its structure and decode its QR code. A missing tool skips that check with a note
//! on a developer's machine, and fails it under CI (`CI` set), where `.ci/run` installs them all.

use std::path::PathBuf;
use std::process::Command;

use super::super::flow::tests::fixture::HANDOUT;
use super::super::{render, Fonts, Style};
use super::metadata::unix_time;

fn fixture_pdf() -> Vec<u8> {
    match render(HANDOUT, Fonts::embedded(), Style::regular()) {
        Ok(rendered) => rendered.bytes,
        Err(e) => panic!("fixture does not render: {e:?}"),
    }
}

/// Writes `bytes` to a per-test file in the temp dir.
pub(crate) fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("handouts-paint-{}-{name}", std::process::id()));
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

/// Runs `tool args…`; `None` (with a note) when the tool is not installed, except under CI.
pub(crate) fn run(tool: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => Some(out),
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "`{tool}` could not be run under CI ({err}); .ci/run must install it"
            );
            eprintln!("note: `{tool}` is not installed; skipping this check");
            None
        }
    }
}

#[test]
fn writes_a_pdf_1_7_deterministically() {
    let a = fixture_pdf();
    let b = fixture_pdf();
    assert!(a.starts_with(b"%PDF-1.7"), "{:?}", a.get(..8));
    assert!(a == b, "two renders of the same handout differ");
    let changed = render(
        &HANDOUT.replace("Does it hurt?", "Is it painful?"),
        Fonts::embedded(),
        Style::regular(),
    )
    .map(|r| r.bytes)
    .unwrap_or_default();
    assert!(!changed.is_empty() && changed != a);
}

#[test]
fn iso_dates_become_unix_time() {
    assert_eq!(unix_time("1970-01-01"), Some(0));
    assert_eq!(unix_time("2026-03-01"), Some(1_772_323_200));
    assert_eq!(unix_time("2024-02-29"), Some(1_709_164_800));
    assert_eq!(unix_time("2026-13-01"), None);
    assert_eq!(unix_time("soon"), None);
}

/// Asserts that `needles` occur in `text` in this order.
fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{needle:?} missing or out of order in:\n{text}"),
        }
    }
}

#[test]
fn text_extracts_in_reading_order_with_real_spaces() {
    let path = write_temp("text.pdf", &fixture_pdf());
    // pdftotext's default mode guesses the reading order from the page's geometry: every heading
    // must come out in order, with real spaces between words.
    let Some(out) = run("pdftotext", &[&path.to_string_lossy(), "-"]) else {
        return;
    };
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_in_order(
        &text,
        &[
            "Harbor Skin Clinic",
            "Microneedling: caring for your skin",
            "What it is",
            "Microneedling uses a small pen with very fine, sterile needles",
            "Before your treatment",
            "What to expect",
            "Days 2–3",
            "Page 1 of 2",
            "Caring for your skin",
            "Possible risks",
            "When to call us",
            "(555) 010-0100",
            "Questions",
            "When can I wear makeup again?",
            "How soon will I see results?",
            "Does it hurt?",
            "Reviewed 1 March 2026 by Dr. Ana Reyes, MD",
            "Page 2 of 2",
        ],
    );
    // Raw mode follows the content stream: header, body in order (each column down), footer.
    let Some(out) = run("pdftotext", &["-raw", &path.to_string_lossy(), "-"]) else {
        return;
    };
    let raw = String::from_utf8_lossy(&out.stdout);
    assert_in_order(
        &raw,
        &[
            "Harbor Skin Clinic",
            "Questions? Call (555) 010-0100",
            "Microneedling: caring for your skin",
            "Page 1 of 2",
            "harborskin.example/microneedling/",
            "Do\n",
            "Wash gently",
            "Sleep on a clean pillowcase",
            "Don't",
            "Wear makeup",
            "Pick, peel or rub flaking skin.",
            "Possible risks",
            "uncomfortable and we will pause.",
            "Page 2 of 2",
        ],
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn qpdf_finds_no_errors() {
    let path = write_temp("check.pdf", &fixture_pdf());
    let Some(out) = run("qpdf", &["--check", &path.to_string_lossy()]) else {
        return;
    };
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}");
    assert!(
        report.contains("No syntax or stream encoding errors found"),
        "{report}"
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn metadata_outline_and_language_are_set() {
    let bytes = fixture_pdf();
    let doc = match lopdf::Document::load_mem(&bytes) {
        Ok(doc) => doc,
        Err(e) => panic!("lopdf cannot read the output: {e}"),
    };
    let catalog = doc.catalog().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        catalog.get(b"Lang").ok().and_then(|l| l.as_str().ok()),
        Some(&b"en-US"[..])
    );
    assert_eq!(
        catalog.get(b"PageMode").ok().and_then(|m| m.as_name().ok()),
        Some(&b"UseOutlines"[..])
    );
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|id| doc.get_dictionary(id))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(info.get(b"GTS_PDFXVersion").is_err());
    // Outline titles in document order (printpdf's own outline would sort them by name).
    let mut titles = Vec::new();
    let root = catalog
        .get(b"Outlines")
        .and_then(|o| o.as_reference())
        .and_then(|id| doc.get_dictionary(id));
    let mut next = root
        .ok()
        .and_then(|r| r.get(b"First").ok())
        .and_then(|f| f.as_reference().ok());
    while let Some(id) = next {
        let entry = doc.get_dictionary(id).unwrap_or_else(|e| panic!("{e}"));
        let title = entry
            .get(b"Title")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        titles.push(String::from_utf8_lossy(title).into_owned());
        let dest = entry
            .get(b"Dest")
            .and_then(|d| d.as_array())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(dest.get(3), Some(lopdf::Object::Real(y)) if *y > 100.0));
        next = entry.get(b"Next").ok().and_then(|n| n.as_reference().ok());
    }
    assert_eq!(
        titles,
        [
            "What it is",
            "Before your treatment",
            "What to expect",
            "Caring for your skin",
            "Risks",
            "When to call us",
            "Questions"
        ]
    );
}

#[test]
fn the_qr_code_scans_back_to_the_url() {
    let path = write_temp("qr.pdf", &fixture_pdf());
    let prefix = path.with_extension("");
    let Some(out) = run(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            &path.to_string_lossy(),
            &prefix.to_string_lossy(),
        ],
    ) else {
        return;
    };
    assert!(out.status.success());
    // pdftoppm numbers its output; the digit count depends on the page count.
    let png = ["-1.png", "-01.png"]
        .iter()
        .map(|suffix| PathBuf::from(format!("{}{suffix}", prefix.display())))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("pdftoppm wrote no page image"));
    let Some(out) = run("zbarimg", &["--quiet", "--raw", &png.to_string_lossy()]) else {
        return;
    };
    let decoded = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        decoded.trim(),
        "https://harborskin.example/microneedling/classic/"
    );
    let _ = std::fs::remove_file(png);
    let _ = std::fs::remove_file(path);
}

mod furniture;
mod tables;
