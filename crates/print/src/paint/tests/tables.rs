//! Data tables in the PDF: their text read back in order, their structure (`THead` of column
//! headers, `TBody` of rows; row headers when set row by row), and a header row repeated on a
//! later page marked as a pagination artifact rather than tagged again.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::super::super::flow::tests::tables::{handout, schedule, SESSIONS, WIDE};
use super::super::super::{render, Fonts, Style};
use super::{assert_in_order, run, write_temp};

fn pdf(xml: &str, style: &Style) -> Vec<u8> {
    match render(xml, Fonts::embedded(), style) {
        Ok(rendered) => rendered.bytes,
        Err(e) => panic!("does not render: {e:?}"),
    }
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).unwrap_or_else(|e| panic!("lopdf cannot read the output: {e}"))
}

/// The dictionary `object` is or refers to.
fn dict<'d>(doc: &'d Document, object: &'d Object) -> Option<&'d Dictionary> {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// The structure tree as `Role[kids …]`, a `TH` followed by its scope (`TH/Column`).
fn outline(doc: &Document) -> String {
    fn element(doc: &Document, elem: &Dictionary, out: &mut String) {
        let role = elem.get(b"S").and_then(Object::as_name).unwrap_or_default();
        out.push_str(&String::from_utf8_lossy(role));
        let scope = elem
            .get(b"A")
            .ok()
            .and_then(|a| dict(doc, a))
            .and_then(|a| a.get(b"Scope").and_then(Object::as_name).ok());
        if let Some(scope) = scope {
            out.push('/');
            out.push_str(&String::from_utf8_lossy(scope));
        }
        let kids: Vec<&Dictionary> = match elem.get(b"K") {
            Ok(Object::Array(kids)) => kids
                .iter()
                .filter_map(|k| dict(doc, k))
                .filter(|d| d.get(b"S").is_ok())
                .collect(),
            _ => Vec::new(),
        };
        if !kids.is_empty() {
            out.push('[');
            for (i, kid) in kids.into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                element(doc, kid, out);
            }
            out.push(']');
        }
    }
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"StructTreeRoot").ok())
        .and_then(|r| dict(doc, r))
        .and_then(|r| r.get(b"K").ok())
        .and_then(|k| dict(doc, k))
        .unwrap_or_else(|| panic!("no structure tree"));
    let mut out = String::new();
    element(doc, root, &mut out);
    out
}

/// How many `/Artifact <</Type /Pagination>>` sequences (no subtype: neither header nor footer
/// band) each page has.
fn pagination_artifacts(doc: &Document) -> Vec<usize> {
    doc.get_pages()
        .into_values()
        .map(|page| {
            let bytes = doc.get_page_content(page);
            let content = Content::decode(&bytes).unwrap_or_else(|e| panic!("{e}"));
            content
                .operations
                .iter()
                .filter(|op| op.operator == "BDC")
                .filter(|op| {
                    let tag = op.operands.first().and_then(|o| o.as_name().ok());
                    let props = op.operands.get(1).and_then(|o| o.as_dict().ok());
                    tag == Some(&b"Artifact"[..])
                        && props.is_some_and(|p| {
                            p.get(b"Type").and_then(Object::as_name).ok()
                                == Some(&b"Pagination"[..])
                                && p.get(b"Subtype").is_err()
                        })
                })
                .count()
        })
        .collect()
}

/// The text `pdftotext -raw` reads from `bytes` (content stream order), `args` before the file;
/// `None` when pdftotext is not installed.
fn raw_text(bytes: &[u8], name: &str, args: &[&str]) -> Option<String> {
    let path = write_temp(name, bytes);
    let file = path.to_string_lossy().into_owned();
    let args: Vec<&str> = args.iter().copied().chain(["-raw", &file, "-"]).collect();
    let out = run("pdftotext", &args);
    let _ = std::fs::remove_file(path);
    out.map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_data_table_reads_in_order_with_column_headers() {
    let bytes = pdf(&handout(SESSIONS), Style::regular());
    let tree = outline(&load(&bytes));
    let row = "TR[TD TD TD]";
    let table = format!("Table[THead[TR[TH/Column TH/Column TH/Column]] TBody[{row} {row}]]");
    let header = "Div[P P[Link]]";
    assert!(
        tree.starts_with(&format!("Document[{header} H1 {table} ")),
        "{tree}"
    );
    let Some(text) = raw_text(&bytes, "table.pdf", &[]) else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "How many sessions you need",
            "Skin concern Sessions Weeks apart",
            "Fine lines 3 to 4 4",
            "Acne scars 4 to 6 4 to 6",
        ],
    );
}

#[test]
fn set_row_by_row_each_header_is_a_row_header() {
    let bytes = pdf(&handout(WIDE), Style::large_print());
    let tree = outline(&load(&bytes));
    let row = "TBody[TR[TH/Row TD] TR[TH/Row TD] TR[TH/Row TD] TR[TH/Row TD]]";
    assert!(
        tree.starts_with(&format!("Document[Div[P P[Link]] H1 Table[{row} {row}] ")),
        "{tree}"
    );
    let Some(text) = raw_text(&bytes, "table-large.pdf", &[]) else {
        return;
    };
    assert_in_order(
        &text,
        &[
            "Treatment: Microneedling",
            "Hyperpigmentation: Uncommon",
            "Recommendations: Sunscreen, gentle cleanser",
            "Treatment: Chemical peel",
            "Recommendations: Avoid sunlight for a week",
        ],
    );
}

#[test]
fn a_repeated_header_row_is_a_pagination_artifact() {
    let bytes = pdf(&handout(&schedule(60)), Style::regular());
    let doc = load(&bytes);
    let counts = pagination_artifacts(&doc);
    assert!(counts.len() >= 3, "{counts:?}");
    // None where the table starts; on every later page, its header row.
    assert_eq!(counts[0], 0);
    assert!(counts[1..].iter().all(|&n| n == 1), "{counts:?}");
    // The structure holds the header row once.
    let tree = outline(&doc);
    assert_eq!(tree.matches("THead").count(), 1);
    assert_eq!(tree.matches("TH/Column").count(), 3);
    assert_eq!(tree.matches("TR[TD TD TD]").count(), 60);
    let Some(page) = raw_text(&bytes, "table-long.pdf", &["-f", "2", "-l", "2"]) else {
        return;
    };
    assert_in_order(
        &page,
        &["Harbor Skin Clinic", "Week Visits What happens", "Week "],
    );
}
