//! Inline blanks in the PDF: a named single-line text field with its tip, tagged as a `Form` between
//! the words of its paragraph, and invisible underscores that text extraction reads in its place.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::super::super::flow::blank::tests::{handout, PRP};
use super::super::super::{render, Fonts, Style};
use super::super::tests::{run, write_temp};

fn pdf(body: &str) -> Vec<u8> {
    match render(&handout("left", body), Fonts::embedded(), Style::regular()) {
        Ok(rendered) => rendered.bytes,
        Err(e) => panic!("{e:?}"),
    }
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn dict(doc: &Document, id: ObjectId) -> &Dictionary {
    doc.get_dictionary(id).unwrap_or_else(|e| panic!("{e}"))
}

fn reference(d: &Dictionary, key: &[u8]) -> ObjectId {
    d.get(key)
        .and_then(Object::as_reference)
        .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(key)))
}

fn text(d: &Dictionary, key: &[u8]) -> String {
    let bytes = d.get(key).and_then(Object::as_str).unwrap_or_default();
    String::from_utf8_lossy(bytes).into_owned()
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    let bytes = d.get(key).and_then(Object::as_name).unwrap_or_default();
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_blank_is_a_named_single_line_text_field_with_its_tip() {
    let doc = load(&pdf(PRP));
    let catalog = doc.catalog().unwrap_or_else(|e| panic!("{e}"));
    let form = catalog
        .get(b"AcroForm")
        .and_then(Object::as_dict)
        .unwrap_or_else(|e| panic!("{e}"));
    let fields = form
        .get(b"Fields")
        .and_then(Object::as_array)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fields.len(), 1);
    let id = fields[0].as_reference().unwrap_or_else(|e| panic!("{e}"));
    let widget = dict(&doc, id);
    assert_eq!(name(widget, b"FT"), "Tx");
    assert_eq!(text(widget, b"T"), "blank-1");
    assert_eq!(text(widget, b"TU"), "Leave the PRP on for ____ hours.");
    assert_eq!(text(widget, b"DA"), "/FormFont 11.7 Tf 0 g");
    assert!(widget.get(b"Ff").is_err(), "a blank takes one line");
    let rect: Vec<f32> = widget
        .get(b"Rect")
        .and_then(Object::as_array)
        .map(|r| r.iter().filter_map(|v| v.as_float().ok()).collect())
        .unwrap_or_default();
    // 4 chars: 3 em of 12 pt wide; as tall as the line, 12 pt × 1.3.
    assert!((rect[2] - rect[0] - 36.0).abs() < 0.01, "{rect:?}");
    assert!((rect[3] - rect[1] - 15.6).abs() < 0.01, "{rect:?}");

    // The widget's parent-tree entry is its `Form`, whose one kid is the widget, inside the
    // paragraph's `P` between the words before and after it.
    let key = widget
        .get(b"StructParent")
        .and_then(Object::as_i64)
        .unwrap_or_else(|e| panic!("{e}"));
    let root = dict(&doc, reference(catalog, b"StructTreeRoot"));
    let nums = dict(&doc, reference(root, b"ParentTree"))
        .get(b"Nums")
        .and_then(Object::as_array)
        .unwrap_or_else(|e| panic!("{e}"));
    let element = nums
        .chunks(2)
        .find(|pair| pair[0].as_i64().ok() == Some(key))
        .and_then(|pair| pair[1].as_reference().ok())
        .unwrap_or_else(|| panic!("no parent-tree entry {key}"));
    let form_elem = dict(&doc, element);
    assert_eq!(name(form_elem, b"S"), "Form");
    let kids = form_elem
        .get(b"K")
        .and_then(Object::as_array)
        .unwrap_or_else(|e| panic!("{e}"));
    let [Object::Dictionary(objr)] = kids.as_slice() else {
        panic!("{kids:?}");
    };
    assert_eq!(name(objr, b"Type"), "OBJR");
    assert_eq!(reference(objr, b"Obj"), id);
    let p = dict(&doc, reference(form_elem, b"P"));
    assert_eq!(name(p, b"S"), "P");
    let kids = p
        .get(b"K")
        .and_then(Object::as_array)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(kids.as_slice(), [Object::Integer(_), Object::Reference(f), Object::Integer(_)] if *f == element),
        "{kids:?}"
    );
}

#[test]
fn text_extraction_reads_each_blank_as_its_underscores_in_its_sentence() {
    let body = format!(
        "{PRP}<ul><li>Take <blank name=\"tablets\" chars=\"6\" tip=\"Take ____ tablets.\"/> tablets of the antiviral medication each morning, \
         starting the day before treatment, and <blank name=\"more\" chars=\"12\" tip=\"And ____.\"/> after it.</li></ul>"
    );
    let path = write_temp("blanks.pdf", &pdf(&body));
    let Some(out) = run("pdftotext", &[&path.to_string_lossy(), "-"]) else {
        return;
    };
    let _ = std::fs::remove_file(path);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for sentence in [
        "Leave the PRP on for ____ hours.",
        "Take ______ tablets of the antiviral medication each morning, starting the day before treatment, and ____________ after it.",
    ] {
        assert!(words.contains(sentence), "{sentence:?} not in {text}");
    }
}

#[test]
fn the_underscores_are_an_invisible_artifact() {
    let doc = load(&pdf(PRP));
    let page = doc.page_iter().next().unwrap_or_else(|| panic!("no page"));
    let content = doc
        .get_and_decode_page_content(page)
        .unwrap_or_else(|e| panic!("{e}"));
    // The marked-content sequences open at each operator, and the text render mode.
    let mut open: Vec<String> = Vec::new();
    let mut mode = 0;
    let mut shown = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => open.push(
                op.operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default(),
            ),
            "EMC" => {
                open.pop();
            }
            "Tr" => mode = op.operands[0].as_i64().unwrap_or(-1),
            "Tj" | "TJ" if mode == 3 => shown.push(open.clone()),
            "ET" => assert_eq!(
                mode, 0,
                "the render mode is reset before the text object ends"
            ),
            _ => {}
        }
    }
    assert_eq!(shown, [vec!["Artifact".to_string()]]);
}
