//! The data-table form of `<table>`: what it parses to, that the two-column `<row>` form is
//! untouched, and every mistake reported at its line and column.

use super::super::super::block::{Align, Block, Cell, DataTable, Inline, Row};
use super::{blocks, err, errors, handout, span};

fn cell(text: &str, align: Align) -> Cell {
    Cell {
        inlines: vec![Inline::plain(text)],
        align,
    }
}

#[test]
fn thead_and_tbody_make_a_data_table() {
    let got = blocks(
        "<table>\n\
           <thead><tr><th align=\"left\">Skin concern</th><th align=\"center\">Sessions</th><th align=\"right\">Weeks apart</th></tr></thead>\n\
           <tbody>\n\
             <tr><td>Fine lines</td><td align=\"center\">3 to 4</td><td align=\"right\"> 4 </td></tr>\n\
             <tr><td><b>Acne scars</b><br/>(deep)</td><td align=\"center\">4 to 6</td><td align=\"right\">4 to 6</td></tr>\n\
           </tbody>\n\
         </table>",
    );
    let table = DataTable {
        head: vec![
            cell("Skin concern", Align::Left),
            cell("Sessions", Align::Center),
            cell("Weeks apart", Align::Right),
        ],
        rows: vec![
            vec![
                cell("Fine lines", Align::Left),
                cell("3 to 4", Align::Center),
                cell("4", Align::Right),
            ],
            vec![
                Cell {
                    inlines: vec![
                        span("Acne scars", true, false, None),
                        Inline::Break,
                        Inline::plain("(deep)"),
                    ],
                    align: Align::Left,
                },
                cell("4 to 6", Align::Center),
                cell("4 to 6", Align::Right),
            ],
        ],
    };
    assert_eq!(got, vec![Block::DataTable(table)]);
}

#[test]
fn a_single_column_is_a_table_too() {
    let got = blocks("<table><thead><tr><th>Bring</th></tr></thead><tbody><tr><td>Your ID</td></tr></tbody></table>");
    assert!(matches!(&got[..], [Block::DataTable(t)] if t.head.len() == 1 && t.rows.len() == 1));
}

#[test]
fn the_row_form_is_unchanged() {
    let got = blocks("<table><row><th>Day 1</th><td>Rest</td></row></table>");
    assert_eq!(
        got,
        vec![Block::Table(vec![Row {
            head: vec![Inline::plain("Day 1")],
            cell: vec![Inline::plain("Rest")],
        }])]
    );
}

#[test]
fn a_row_with_the_wrong_cell_count_is_an_error() {
    let xml = handout(
        "<table>\n\
         <thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>\n\
         <tbody>\n\
         <tr><td>1</td><td>2</td></tr>\n\
         <tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>\n\
         <tr><td>1</td></tr>\n\
         </tbody></table>",
    );
    let count = |n: &str| {
        format!("this <tr> has {n} but the header row has 3: every row needs one <td> per column")
    };
    assert_eq!(
        errors(&xml),
        vec![
            err(7, 1, &count("2 cells")),
            err(8, 1, &count("4 cells")),
            err(9, 1, &count("1 cell")),
        ]
    );
}

#[test]
fn a_missing_thead_or_tbody_is_an_error() {
    let xml = handout("<p>x</p>\n  <table><tbody><tr><td>1</td></tr></tbody></table>");
    assert_eq!(
        errors(&xml),
        vec![err(
            5,
            3,
            "this <table> has no <thead>: a data table starts with <thead><tr><th>…</th></tr></thead>, one <th> per column"
        )]
    );
    // Rows written straight into the table, as HTML allows, are neither.
    let xml = handout("<table><tr><th>A</th></tr><tr><td>1</td></tr></table>");
    assert_eq!(
        errors(&xml),
        vec![
            err(4, 1, "this <table> has no <thead>: a data table starts with <thead><tr><th>…</th></tr></thead>, one <th> per column"),
            err(4, 1, "this <table> has no <tbody>: its rows go in <tbody><tr><td>…</td></tr></tbody> after the <thead>"),
            err(4, 8, "<tr> is not allowed inside <table>; <table> may contain: thead, tbody"),
            err(4, 27, "<tr> is not allowed inside <table>; <table> may contain: thead, tbody"),
        ]
    );
}

#[test]
fn misplaced_parts_cells_and_attributes_are_errors() {
    let xml = handout(
        "<table>\n\
         <tbody><tr><td>1</td></tr></tbody>\n\
         <thead><tr><th>A</th></tr></thead>\n\
         <tbody><tr><th>2</th></tr></tbody>\n\
         </table>\n\
         <table border=\"1\"><thead><tr><th align=\"middle\">A</th><th> </th></tr></thead>\n\
         <tbody><tr>x<td><p>1</p></td><td/></tr></tbody></table>\n\
         <tr/>",
    );
    assert_eq!(
        errors(&xml),
        vec![
            err(6, 1, "<thead> must come before <tbody>"),
            err(7, 1, "a <table> has only one <tbody>; put all its rows in it"),
            err(7, 12, "a body row holds <td> cells, not <th>: the column headers go in <thead>"),
            err(9, 8, "unknown attribute `border`: <table> takes no attributes"),
            err(9, 34, "attribute `align` on <th> must be left, center or right, not `middle`"),
            err(9, 55, "<th> must not be empty: write “–” or “none” in a cell with nothing to say"),
            err(10, 12, "text “x” is not allowed directly inside <tr>; put it in <td>"),
            err(10, 17, "<p> is not allowed inside <td>; <td> may contain: b, i, a, br"),
            err(10, 30, "<td> must not be empty: write “–” or “none” in a cell with nothing to say"),
            err(11, 1, "<tr> is not allowed inside <handout>; <handout> may contain: h1, h2, h3, p, ul, ol, columns, table, box, facts, keep, spacer, figure, fields"),
        ]
    );
    let xml =
        handout("<table><thead><tr><td>A</td></tr><tr><th>B</th></tr></thead><tbody/></table>");
    assert_eq!(
        errors(&xml),
        vec![
            err(4, 15, "the header row needs a <th> for every column"),
            err(4, 19, "the header row holds <th> cells, not <td>"),
            err(
                4,
                34,
                "<thead> holds one <tr>; put the other rows in <tbody>"
            ),
            err(4, 61, "<tbody> must hold at least one <tr> of <td> cells"),
        ]
    );
}
