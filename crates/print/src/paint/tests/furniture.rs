//! Page furniture in the PDF: page 1's header and footer are marked content of the structure tree,
//! read before the title and after the body; later pages' are only pagination artifacts.

use lopdf::content::Content;
use lopdf::{Document, Object};

use super::super::super::flow::tests::fixture::HANDOUT;
use super::super::super::{render, Fonts, Style};
use super::{assert_in_order, run, write_temp};

fn fixture_pdf() -> Vec<u8> {
    match render(HANDOUT, Fonts::embedded(), Style::regular()) {
        Ok(rendered) => rendered.bytes,
        Err(e) => panic!("fixture does not render: {e:?}"),
    }
}

#[test]
fn page_1_furniture_is_tagged_and_later_pages_furniture_is_artifacts() {
    let bytes = fixture_pdf();
    let doc = Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    assert_eq!(pages.len(), 2);
    // Per page, its marked-content sequences in painting order: the element's role with an MCID,
    // or the artifact's subtype (`Header`, `Footer`, or none).
    let sequences: Vec<Vec<(bool, String)>> = pages
        .iter()
        .map(|&page| {
            let bytes = doc.get_page_content(page);
            let content = Content::decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
            let name = |o: Option<&Object>| {
                let name = o.and_then(|o| o.as_name().ok()).unwrap_or_default();
                String::from_utf8_lossy(name).into_owned()
            };
            (content.operations.iter())
                .filter(|op| op.operator == "BDC")
                .map(|op| {
                    let props = op.operands.get(1).and_then(|p| p.as_dict().ok());
                    match props {
                        Some(p) if p.get(b"MCID").is_ok() => (true, name(op.operands.first())),
                        Some(p) => (false, name(p.get(b"Subtype").ok())),
                        None => (false, String::new()),
                    }
                })
                .collect()
        })
        .collect();
    // Each band's rule is painted first, then its words: the header before the body, the footer
    // after it.
    let tagged = |seqs: &[(bool, String)]| -> Vec<String> {
        seqs.iter().filter(|s| s.0).map(|s| s.1.clone()).collect()
    };
    let footer = |page: &[(bool, String)]| -> usize {
        let rule = page
            .iter()
            .position(|s| *s == (false, "Footer".to_string()));
        rule.unwrap_or_else(|| panic!("no footer in {page:?}"))
    };
    let (first, later) = (&sequences[0], &sequences[1]);
    let title = first.iter().position(|s| s.1 == "H1").unwrap_or(0);
    assert_eq!(
        first[..title],
        [
            (false, "Header".to_string()),
            (true, "P".to_string()),
            (true, "P".to_string()),
            (true, "Link".to_string()),
        ]
    );
    assert_eq!(
        tagged(&first[footer(first)..]),
        ["P", "P", "Link", "P", "P", "Figure"]
    );
    // Page 2's bands are one artifact each, rule and words: nothing in them is read again.
    let header = (false, "Header".to_string());
    assert_eq!(later[0], header);
    assert_eq!(later.iter().filter(|s| **s == header).count(), 1);
    assert_eq!(later[footer(later)..], [(false, "Footer".to_string())]);

    let path = write_temp("furniture.pdf", &bytes);
    let Some(out) = run("pdfinfo", &["-struct-text", &path.to_string_lossy()]) else {
        return;
    };
    let _ = std::fs::remove_file(&path);
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.starts_with("Document\n  Div\n    P (block)\n      \"Harbor Skin Clinic \""));
    assert_in_order(
        &tree,
        &[
            "\"Questions? Call \"",
            "Link (inline)",
            "\"(555) 010-0100 \"",
            "H1 (block)",
            "\"Microneedling: caring for your skin \"",
            "\"Does it hurt? \"",
            "\n  Div\n    P (block)\n      \"Reviewed 1 March 2026 by Dr. Ana Reyes, MD \"",
            "\"Questions? Call \"",
            "\"(555) 010-0100 \"",
            "\"Page 1 of 2 \"",
            "\"Scan or visit for the latest version: \"",
            "Link (inline)",
            "Figure",
        ],
    );
    // Read once: what page 2 repeats is not read again.
    assert_eq!(tree.matches("Harbor Skin Clinic").count(), 1, "{tree}");
    assert!(!tree.contains("Page 2 of 2"), "{tree}");
}
