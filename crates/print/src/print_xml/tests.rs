//! Tests of the print-XML parser: each error kind with its exact message and location, and
//! whitespace collapsing.

mod lists;

use super::super::block::{
    Block, Field, Inline, LineTone, ListMark, Paper, ParagraphClass, Span, Tone,
};
use super::{parse, PrintError};

/// A valid handout around `body`, whose first line is line 4.
fn handout(body: &str) -> String {
    format!(
        "<handout paper=\"letter\" lang=\"en-US\" title=\"T\" created=\"2026-03-01\">\n\
         <header><left>Clinic</left><right>Call <a href=\"tel:+15550100100\"><b>(555) 010-0100</b></a></right></header>\n\
         <footer url=\"https://example.org/a/\" caption=\"Scan me:\"><line>Reviewed</line><line tone=\"strong\">Call</line><line>Page {{page}} of {{pages}}</line></footer>\n\
         {body}\n</handout>"
    )
}

/// The errors of `xml`, without the element each is about (checked on its own, in `errors_name_their_element`).
fn errors(xml: &str) -> Vec<PrintError> {
    located(xml)
        .into_iter()
        .map(|e| PrintError { element: None, ..e })
        .collect()
}

fn located(xml: &str) -> Vec<PrintError> {
    match parse(xml) {
        Ok(_) => panic!("expected errors for {xml}"),
        Err(errors) => errors,
    }
}

fn blocks(body: &str) -> Vec<Block> {
    match parse(&handout(body)) {
        Ok(doc) => doc.blocks,
        Err(errors) => panic!("unexpected errors: {errors:?}"),
    }
}

fn span(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Inline {
    Inline::Text(Span {
        text: text.into(),
        bold,
        italic,
        link: link.map(str::to_string),
    })
}

fn err(line: u32, column: u32, message: &str) -> PrintError {
    PrintError {
        line,
        column,
        element: None,
        message: message.into(),
    }
}

#[test]
fn parses_a_minimal_handout() {
    let doc = parse(&handout("<h1>Title</h1>")).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(doc.paper, Paper::Letter);
    assert_eq!(doc.lang, "en-US");
    assert_eq!(doc.created, "2026-03-01");
    assert_eq!(doc.header.left, vec![Inline::plain("Clinic")]);
    assert_eq!(
        doc.header.right,
        vec![
            span("Call ", false, false, None),
            span("(555) 010-0100", true, false, Some("tel:+15550100100"))
        ]
    );
    assert_eq!(doc.footer.url, "https://example.org/a/");
    assert_eq!(doc.footer.caption, "Scan me:");
    // Without `qr-alt`, the QR code's alt text is the address it encodes.
    assert_eq!(doc.footer.qr_alt, "https://example.org/a/");
    let described = handout("").replace("caption=", "qr-alt=\"  QR code:\n a link \" caption=");
    let doc_alt = parse(&described).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(doc_alt.footer.qr_alt, "QR code: a link");
    let lines: Vec<(LineTone, Vec<Inline>)> = doc
        .footer
        .lines
        .iter()
        .map(|l| (l.tone, l.inlines.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            (LineTone::Muted, vec![Inline::plain("Reviewed")]),
            (LineTone::Strong, vec![Inline::plain("Call")]),
            (
                LineTone::Muted,
                vec![Inline::plain("Page {page} of {pages}")]
            ),
        ]
    );
    assert_eq!(
        doc.blocks,
        vec![Block::Heading {
            level: 1,
            inlines: vec![Inline::plain("Title")],
            bookmark: None
        }]
    );
}

#[test]
fn unknown_element_on_line_1_and_line_n() {
    assert_eq!(
        errors("<tabel/>"),
        vec![err(1, 1, "the root element must be <handout>, not <tabel>")]
    );
    let all = "header, left, right, later, footer, line, h1, h2, h3, p, ul, ol, li, columns, column, table, row, th, td, box, facts, fact, keep, spacer, b, i, a, br";
    assert_eq!(
        errors(&handout("<p>ok</p>\n  <tabel><row/></tabel>")),
        vec![err(
            5,
            3,
            &format!("unknown element <tabel>; the print template may use: {all}")
        )]
    );
}

#[test]
fn bad_choice_names_the_allowed_values() {
    assert_eq!(
        errors(&handout("<box tone=\"red\"><p>x</p></box>")),
        vec![err(
            4,
            6,
            "attribute `tone` on <box> must be alert, info, note, tip, important, warning or caution, not `red`"
        )]
    );
    assert_eq!(
        errors(&handout("<ul mark=\"star\"/>")),
        vec![err(
            4,
            5,
            "attribute `mark` on <ul> must be bullet, check, cross or box, not `star`"
        )]
    );
}

#[test]
fn missing_required_attributes_are_all_reported() {
    let xml = "<handout lang=\"en\">\n<header><left>C</left></header>\n<footer caption=\"c\"><line>r</line></footer>\n<box><p>x</p></box>\n<p>a <a>link</a></p>\n</handout>";
    assert_eq!(
        errors(xml),
        vec![
            err(1, 1, "missing required attribute `title` on <handout>"),
            err(1, 1, "missing required attribute `created` on <handout>"),
            err(3, 1, "missing required attribute `url` on <footer>"),
            err(4, 1, "missing required attribute `tone` on <box>"),
            err(5, 6, "missing required attribute `href` on <a>"),
        ]
    );
}

#[test]
fn unknown_attribute_and_misplaced_element() {
    assert_eq!(
        errors(&handout("<p colour=\"red\">x</p>\n<li>y</li>\n<ul><li><p>z</p></li></ul>")),
        vec![
            err(4, 4, "unknown attribute `colour` on <p>; <p> may have: class"),
            err(5, 1, "<li> is not allowed inside <handout>; <handout> may contain: h1, h2, h3, p, ul, ol, columns, table, box, facts, keep, spacer, figure, fields"),
            err(6, 9, "<p> is not allowed inside <li>; <li> may contain: b, i, a, br"),
        ]
    );
    assert_eq!(
        errors(&handout("<ul start=\"3\"/>")),
        vec![err(
            4,
            5,
            "unknown attribute `start` on <ul>; <ul> may have: mark"
        )]
    );
}

#[test]
fn stray_text_bad_rows_dates_and_spacers() {
    let xml = handout("loose words\n<table><row><td>a</td></row></table>\n<spacer pt=\"lots\"/>");
    assert_eq!(
        errors(&xml),
        vec![
            err(4, 1, "text “loose words” is not allowed directly inside <handout>; put it in a block element such as <p>"),
            err(5, 8, "<row> must contain one <th> followed by one <td>"),
            err(6, 9, "attribute `pt` on <spacer> must be a number of points from 0 to 144, not `lots`"),
        ]
    );
    let bad_date = handout("").replace("2026-03-01", "1 March");
    assert_eq!(
        errors(&bad_date),
        vec![err(
            1,
            48,
            "attribute `created` on <handout> must be a date like 2026-03-01, not `1 March`"
        )]
    );
}

#[test]
fn missing_header_and_footer() {
    assert_eq!(
        errors("<handout lang=\"en\" title=\"t\" created=\"2026-01-02\"><p>x</p></handout>"),
        vec![
            err(
                1,
                1,
                "<handout> is missing its <header> (a <left> and a <right>)"
            ),
            err(
                1,
                1,
                "<handout> is missing its <footer url=\"…\"> (with its <line>s)"
            ),
        ]
    );
}

#[test]
fn malformed_xml_has_one_located_error() {
    let found = errors(&handout("<p>unclosed <b>bold</p>"));
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (4, 20));
    assert_eq!(
        found[0].message,
        "the print template is not well-formed XML: expected 'b' tag, not 'p'"
    );
    assert_eq!(found[0].to_string(), format!("4:20: {}", found[0].message));
}

#[test]
fn whitespace_collapses_like_html() {
    let body = "<p>\n   Call   us <b> today </b>\t\n or <a href=\"tel:+1\">call\n  now</a>  <br/>  next   line\n</p>";
    assert_eq!(
        blocks(body),
        vec![Block::Paragraph {
            class: ParagraphClass::Body,
            inlines: vec![
                span("Call us ", false, false, None),
                span("today ", true, false, None),
                span("or ", false, false, None),
                span("call now", false, false, Some("tel:+1")),
                Inline::Break,
                span("next line", false, false, None),
            ]
        }]
    );
}

#[test]
fn nbsp_and_adjacent_same_style_text_are_kept_together() {
    let body = "<p>3&#160;to&#160;6 <!-- note --> sessions</p>";
    assert_eq!(
        blocks(body),
        vec![Block::Paragraph {
            class: ParagraphClass::Body,
            inlines: vec![Inline::plain("3\u{a0}to\u{a0}6 sessions")]
        }]
    );
}

#[test]
fn structures_parse_into_the_model() {
    let body = "<ul mark=\"check\"><li>one</li><li> two </li></ul>\n\
        <columns><column><h3>Do</h3></column><column><spacer pt=\"6\"/></column></columns>\n\
        <table><row><th>Day 1</th><td>Rest</td></row></table>\n\
        <box tone=\"alert\"><p class=\"phone\">555</p></box>\n\
        <facts><fact label=\"Sessions\"> 3 to 6 </fact></facts>\n\
        <keep><h2 bookmark=\"FAQ\">FAQ</h2></keep>";
    let got = blocks(body);
    assert_eq!(got.len(), 6);
    assert_eq!(
        got[0],
        Block::List {
            mark: ListMark::Check,
            items: vec![
                vec![Inline::plain("one")].into(),
                vec![Inline::plain("two")].into()
            ]
        }
    );
    assert!(
        matches!(&got[1], Block::Columns(cols) if cols.len() == 2 && cols[1] == vec![Block::Spacer(6.0)])
    );
    assert!(matches!(&got[2], Block::Table(rows) if rows[0].head == vec![Inline::plain("Day 1")]));
    assert!(
        matches!(&got[3], Block::Box { tone: Tone::Alert, blocks } if matches!(blocks[0], Block::Paragraph { class: ParagraphClass::Phone, .. }))
    );
    assert!(
        matches!(&got[4], Block::Facts(f) if f[0].label == "Sessions" && f[0].value == vec![Inline::plain("3 to 6")])
    );
    assert!(
        matches!(&got[5], Block::Keep(k) if matches!(&k[0], Block::Heading { level: 2, bookmark: Some(b), .. } if b == "FAQ"))
    );
}

#[test]
fn header_and_footer_take_only_their_own_children() {
    let xml = handout("")
        .replace(
            "<left>Clinic</left>",
            "<left>Clinic</left>stray<p>x</p><left>again</left>",
        )
        .replace(
            "<line>Reviewed</line>",
            "<line tone=\"loud\" x=\"1\">Reviewed</line><left/><line pages=\"odd\">Page</line>",
        );
    assert_eq!(
        errors(&xml),
        vec![
            err(
                2,
                28,
                "text “stray” is not allowed directly inside <header>; put it in <left> or <right> or <later>"
            ),
            err(
                2,
                33,
                "<p> is not allowed inside <header>; <header> may contain: left, right, later"
            ),
            err(2, 41, "only one <left> is allowed in <header>"),
            err(
                3,
                63,
                "attribute `tone` on <line> must be muted or strong, not `loud`"
            ),
            err(
                3,
                75,
                "unknown attribute `x` on <line>; <line> may have: tone, pages"
            ),
            err(
                3,
                96,
                "<left> is not allowed inside <footer>; <footer> may contain: line"
            ),
            err(
                3,
                109,
                "attribute `pages` on <line> must be all, first or last, not `odd`"
            ),
        ]
    );
}

#[test]
fn errors_name_their_element() {
    let xml = handout("<p colour=\"red\">x</p>\nloose\n<tabel/>\n<ul><li><p>z</p></li></ul>");
    let elements: Vec<Option<String>> = located(&xml).into_iter().map(|e| e.element).collect();
    let names = ["p", "handout", "tabel", "p"];
    assert_eq!(elements, names.map(|n| Some(n.to_string())));
    // Malformed XML is about no element in particular.
    assert_eq!(located("<handout>")[0].element, None);
}

#[test]
fn fields_are_named_labelled_blanks() {
    let doc = parse(&handout(
        "<fields><field name=\"patient-name\" label=\"Patient name\"/><field name=\"notes\" label=\"Notes\" lines=\"3\" fill=\"true\"/></fields>",
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        doc.blocks,
        vec![Block::Fields(vec![
            Field {
                name: "patient-name".into(),
                label: "Patient name".into(),
                lines: 1,
                fill: false,
            },
            Field {
                name: "notes".into(),
                label: "Notes".into(),
                lines: 3,
                fill: true,
            },
        ])]
    );
}

#[test]
fn a_field_needs_a_usable_unique_name_and_sensible_lines() {
    assert_eq!(
        errors(&handout(
            "<fields><field name=\"a.b\" label=\"A\"/>\n<field name=\"n\" label=\"N\"/><field name=\"n\" label=\"M\" lines=\"40\"/>\n<field label=\"L\">x</field>\n<field name=\"m\" label=\"M\" fill=\"yes\"/></fields>"
        )),
        vec![
            err(4, 16, "attribute `name` on <field> must be letters, digits, `-` or `_` (such as `patient-name`), not `a.b`"),
            err(5, 35, "there is already a <field name=\"n\">; give each field its own name"),
            err(5, 54, "attribute `lines` on <field> must be a whole number from 1 to 12, not `40`"),
            err(6, 1, "missing required attribute `name` on <field>"),
            err(6, 18, "<field> must be empty; write its content in attributes"),
            err(7, 27, "attribute `fill` on <field> must be false or true, not `yes`"),
        ]
    );
}

mod tables;
