//! Text as external tools read it from a PDF (`pdfinfo -struct-text`, `pdftotext -raw`) and as a
//! web page shows it, normalised for comparing them.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Runs an external tool; `None` (with a note) when it is not installed on a developer's machine.
/// Under CI (`CI` set) a missing tool fails the test, as in `tests/it/pdf.rs`.
pub fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{name} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "`{name}` could not be run under CI ({err}); .ci/run must install it"
            );
            eprintln!("note: `{name}` is not installed; this check is skipped (CI installs it)");
            None
        }
    }
}

/// Whitespace runs as one space, trimmed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of the `<h2>`, `<h3>`, `<li>` and `<dt>` elements inside the page's `<section>`s, in
/// order, tags stripped and entities decoded.
pub fn page_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for section in html.split("<section").skip(1) {
        let section = section.split("</section>").next().unwrap_or_default();
        let mut rest = section;
        while let Some(at) = ["<h2", "<h3", "<li", "<dt"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, &t[1..])))
            .min()
        {
            let (start, tag) = at;
            let body = &rest[start..];
            let open_end = body.find('>').unwrap() + 1;
            let close = format!("</{tag}>");
            let end = body.find(&close).unwrap();
            let mut text = String::new();
            let mut in_tag = false;
            for c in body[open_end..end].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let text = text
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            out.push(squash(&text));
            rest = &body[end + close.len()..];
        }
    }
    out
}

/// The text of `pdfinfo -struct-text` in tree order: its quoted strings joined as they are (a word
/// hyphenated at a line end is two strings that join into the word).
pub fn struct_text(pdf: &Path) -> Option<String> {
    let out = tool("pdfinfo", &["-struct-text", &pdf.to_string_lossy()])?;
    let mut joined = String::new();
    for line in out.lines() {
        let line = line.trim();
        if let Some(inner) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            joined.push_str(inner);
        }
    }
    Some(squash(&joined))
}

/// `pdftotext -raw` lines of `pdf` without the running header and footer: furniture is the lines on
/// every page once page numbers are masked; each page's first line (the header band is painted
/// first: the clinic's name on page 1, the running head on later pages) and the furniture lines
/// after it are the header, and the footer starts at the next furniture line.
pub fn body_lines(pdf: &Path) -> Option<Vec<String>> {
    let pages: Vec<Vec<String>> = tool("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"])?
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.lines().map(str::to_string).collect())
        .collect();
    let mask = |l: &str| -> String {
        l.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let furniture: BTreeSet<String> = pages
        .first()
        .map(|first| {
            first
                .iter()
                .map(|l| mask(l))
                // A page's first line is skipped below whatever it says: a running head that
                // repeats page 1's title (the title alone) is not furniture on page 1.
                .filter(|m| {
                    pages
                        .iter()
                        .all(|p| p.iter().skip(1).any(|l| mask(l) == *m))
                })
                .collect()
        })
        .unwrap_or_default();
    // The header's phone line and the footer's page line at least: large print's footer is one
    // line after page 1.
    assert!(pages.len() < 2 || furniture.len() >= 2, "{furniture:?}");
    // The body runs from after the header's lines to the footer's first line: the footer is painted
    // after the body, and a footer line printed on page 1 only (the address) is not on every page.
    let is_furniture = |l: &String| furniture.contains(&mask(l)) || l.trim().is_empty();
    Some(
        pages
            .iter()
            .flat_map(|p| {
                p.iter()
                    .skip(1)
                    .skip_while(|l| is_furniture(l))
                    .take_while(|l| !furniture.contains(&mask(l)))
            })
            .filter(|l| !l.trim().is_empty())
            .cloned()
            .collect(),
    )
}

/// Text for comparing two editions: no whitespace and no hyphens, which line breaks add and remove.
pub fn bare(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}
