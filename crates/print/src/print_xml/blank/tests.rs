//! `<blank>`: what it parses to, where it may stand, and every error with its exact message and
//! location.

use super::super::super::block::{Blank, Block, Inline, Span};
use super::super::{parse, PrintError};

/// A handout whose body starts on line 3, with `furniture` in its header and footer.
fn with_furniture(header: &str, footer: &str, body: &str) -> String {
    format!(
        "<handout paper=\"letter\" lang=\"en-US\" title=\"T\" created=\"2026-03-01\">\n\
         <header><left>Clinic</left>{header}</header><footer url=\"https://example.org/a/\">{footer}</footer>\n\
         {body}\n</handout>"
    )
}

/// A handout with a plain header and footer around `body`, which starts on line 3.
fn body(body: &str) -> String {
    with_furniture("", "<line>Page {page} of {pages}</line>", body)
}

/// `(line, column, message)` of each error in `xml`.
fn problems(xml: &str) -> Vec<(u32, u32, String)> {
    match parse(xml) {
        Ok(_) => panic!("expected errors for {xml}"),
        Err(errors) => errors
            .into_iter()
            .map(
                |PrintError {
                     line,
                     column,
                     message,
                     ..
                 }| (line, column, message),
            )
            .collect(),
    }
}

fn problem(line: u32, column: u32, message: &str) -> (u32, u32, String) {
    (line, column, message.to_string())
}

fn text(text: &str, bold: bool) -> Inline {
    Inline::Text(Span {
        text: text.into(),
        bold,
        ..Span::default()
    })
}

fn blank(name: &str, chars: u8, tip: &str) -> Inline {
    Inline::Blank(Blank {
        name: name.into(),
        chars,
        tip: tip.into(),
    })
}

#[test]
fn a_blank_is_an_inline_between_the_words_around_it() {
    let xml = body(
        "<p>Leave the PRP on for <blank name=\"blank-1\" chars=\"4\" tip=\"Leave the PRP on for ____ hours.\"/> hours.</p>\n\
         <ul><li>Take <b><blank name=\"tablets\" chars=\" 6 \" tip=\"Take ____ tablets.\"/></b> tablets.</li></ul>\n\
         <table><row><th>Day 1</th><td><blank name=\"day_1\" chars=\"80\" tip=\"Day 1: ____\"/></td></row></table>",
    );
    let doc = parse(&xml).unwrap_or_else(|e| panic!("{e:?}"));
    let Block::Paragraph { inlines, .. } = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks[0]);
    };
    assert_eq!(
        inlines,
        &[
            text("Leave the PRP on for ", false),
            blank("blank-1", 4, "Leave the PRP on for ____ hours."),
            text(" hours.", false),
        ]
    );
    let Block::List { items, .. } = &doc.blocks[1] else {
        panic!("{:?}", doc.blocks[1]);
    };
    // Inside <b> it is the same blank; the spaces around it stay.
    assert_eq!(
        items[0].inlines,
        [
            text("Take ", false),
            blank("tablets", 6, "Take ____ tablets."),
            text(" tablets.", false),
        ]
    );
    let Block::Table(rows) = &doc.blocks[2] else {
        panic!("{:?}", doc.blocks[2]);
    };
    assert_eq!(rows[0].cell, [blank("day_1", 80, "Day 1: ____")]);
}

#[test]
fn a_blank_needs_a_name_a_width_and_a_tip() {
    let xml = body(
        "<p>a <blank chars=\"4\" tip=\"A\"/> b <blank name=\"b\" tip=\"B\"/></p>\n\
         <p><blank name=\"c\" chars=\"4\"/> <blank name=\"d\" chars=\"4\" tip=\" \"/></p>\n\
         <p><blank name=\"e.f\" chars=\"3\" tip=\"E\"/><blank name=\"g\" chars=\"81\" tip=\"G\"/><blank name=\"h\" chars=\"four\" tip=\"H\" size=\"9\">x</blank></p>",
    );
    assert_eq!(
        problems(&xml),
        [
            problem(3, 6, "missing required attribute `name` on <blank>"),
            problem(3, 35, "missing required attribute `chars` on <blank>"),
            problem(4, 4, "missing required attribute `tip` on <blank>"),
            problem(4, 58, "attribute `tip` on <blank> must not be empty: it is what a screen reader says (the sentence with the blank)"),
            problem(5, 11, "attribute `name` on <blank> must be letters, digits, `-` or `_` (such as `blank-1`), not `e.f`"),
            problem(5, 22, "attribute `chars` on <blank> must be a whole number from 4 to 80, not `3`"),
            problem(5, 57, "attribute `chars` on <blank> must be a whole number from 4 to 80, not `81`"),
            problem(5, 93, "attribute `chars` on <blank> must be a whole number from 4 to 80, not `four`"),
            problem(5, 114, "unknown attribute `size` on <blank>; <blank> may have: name, chars, tip"),
            problem(5, 123, "<blank> must be empty; write its content in attributes"),
        ]
    );
}

#[test]
fn fields_and_blanks_share_one_set_of_names() {
    let xml = body(
        "<fields><field name=\"date\" label=\"Date\"/></fields>\n\
         <p>On <blank name=\"date\" chars=\"8\" tip=\"On ____\"/> and <blank name=\"time\" chars=\"8\" tip=\"At ____\"/>.</p>\n\
         <p><blank name=\"time\" chars=\"8\" tip=\"At ____\"/></p>\n\
         <fields><field name=\"time\" label=\"Time\"/></fields>",
    );
    assert_eq!(
        problems(&xml),
        [
            problem(
                4,
                14,
                "there is already a <field name=\"date\">; give each blank its own name"
            ),
            problem(
                5,
                11,
                "there is already a <blank name=\"time\">; give each blank its own name"
            ),
            problem(
                6,
                16,
                "there is already a <blank name=\"time\">; give each field its own name"
            ),
        ]
    );
}

#[test]
fn blanks_belong_to_the_body_and_never_to_a_link() {
    let xml = with_furniture(
        "<right>Call <blank name=\"a\" chars=\"4\" tip=\"A\"/></right>",
        "<line>Seen by <blank name=\"b\" chars=\"4\" tip=\"B\"/></line>",
        "<p><a href=\"tel:1\">Call <blank name=\"c\" chars=\"4\" tip=\"C\"/></a></p>\n\
         <blank name=\"d\" chars=\"4\" tip=\"D\"/>",
    );
    let header = "<blank> is not allowed inside the header or footer: they repeat on every page, and screen readers skip them; put the blank in the body";
    assert_eq!(
        problems(&xml),
        [
            problem(2, 40, header),
            problem(2, 143, header),
            problem(3, 25, "<blank> is not allowed inside <a>: a form field cannot be part of a link"),
            problem(4, 1, "<blank> is not allowed inside <handout>; <handout> may contain: h1, h2, h3, p, ul, ol, columns, table, box, facts, keep, spacer, figure, fields"),
        ]
    );
}
