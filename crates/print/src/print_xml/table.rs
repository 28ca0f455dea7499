//! The data-table form of `<table>` → a [`DataTable`]: one `<thead>` with one `<tr>` of `<th>`
//! cells naming the columns, then one `<tbody>` of `<tr>`s with one `<td>` per column. The
//! two-column `<row>` form (the recovery timeline) stays in `blocks`; a `<table>` is this form as
//! soon as one of its element children is a part of it.

use roxmltree::Node;

use super::super::block::{Align, Cell, DataTable, Inline};
use super::content::is_text;
use super::Parser;

/// The elements that only a data table holds: known to the vocabulary, though not listed with the
/// others in the message about an unknown element.
pub(super) const PARTS: &[&str] = &["thead", "tbody", "tr"];

/// Whether `table` is written in the data-table form.
pub(super) fn is_data_table(table: Node<'_, '_>) -> bool {
    table
        .children()
        .any(|c| c.is_element() && PARTS.contains(&c.tag_name().name()))
}

impl Parser<'_, '_> {
    /// A `<table>` of `<thead>` and `<tbody>`; every problem is reported, and what is usable kept.
    pub(super) fn data_table(&mut self, table: Node<'_, '_>) -> DataTable {
        self.check_attributes(table, &[]);
        let mut thead = None;
        let mut tbody = None;
        // A part out of place is reported, and its content still checked, so one rebuild shows
        // every mistake.
        for part in self.children_among(table, &["thead", "tbody"]) {
            if part.tag_name().name() == "thead" {
                if thead.is_some() {
                    self.error(part, "a <table> has only one <thead>".into());
                    self.head_row(part);
                    continue;
                }
                if tbody.is_some() {
                    self.error(part, "<thead> must come before <tbody>".into());
                }
                thead = Some(part);
            } else if tbody.is_some() {
                self.error(
                    part,
                    "a <table> has only one <tbody>; put all its rows in it".into(),
                );
                self.body_rows(part, 0);
            } else {
                tbody = Some(part);
            }
        }
        let head = match thead {
            Some(thead) => self.head_row(thead),
            None => {
                self.error(
                    table,
                    "this <table> has no <thead>: a data table starts with \
                     <thead><tr><th>…</th></tr></thead>, one <th> per column"
                        .into(),
                );
                Vec::new()
            }
        };
        let rows = match tbody {
            Some(tbody) => self.body_rows(tbody, head.len()),
            None => {
                self.error(
                    table,
                    "this <table> has no <tbody>: its rows go in \
                     <tbody><tr><td>…</td></tr></tbody> after the <thead>"
                        .into(),
                );
                Vec::new()
            }
        };
        DataTable { head, rows }
    }

    /// The header cells: the `<th>`s of the one `<tr>` of `<thead>`.
    fn head_row(&mut self, thead: Node<'_, '_>) -> Vec<Cell> {
        self.check_attributes(thead, &[]);
        let rows = self.children_named(thead, "tr");
        let Some((row, more)) = rows.split_first() else {
            self.error(
                thead,
                "<thead> must hold one <tr> of <th> cells, one per column".into(),
            );
            return Vec::new();
        };
        for extra in more {
            self.error(
                *extra,
                "<thead> holds one <tr>; put the other rows in <tbody>".into(),
            );
        }
        let cells = self.cells(*row, "th");
        if cells.is_empty() {
            self.error(*row, "the header row needs a <th> for every column".into());
        }
        cells
    }

    /// The rows of `<tbody>`, each checked to have one cell per column (`columns`, 0 when the
    /// header is missing, which is reported already).
    fn body_rows(&mut self, tbody: Node<'_, '_>, columns: usize) -> Vec<Vec<Cell>> {
        self.check_attributes(tbody, &[]);
        let rows = self.children_named(tbody, "tr");
        if rows.is_empty() {
            self.error(
                tbody,
                "<tbody> must hold at least one <tr> of <td> cells".into(),
            );
        }
        rows.into_iter()
            .map(|row| {
                let cells = self.cells(row, "td");
                if columns > 0 && cells.len() != columns {
                    let has = match cells.len() {
                        1 => "1 cell".to_string(),
                        n => format!("{n} cells"),
                    };
                    self.error(
                        row,
                        format!(
                            "this <tr> has {has} but the header row has {columns}: \
                             every row needs one <td> per column"
                        ),
                    );
                }
                cells
            })
            .collect()
    }

    /// The cells of a `<tr>`, which must all be `<kind>` (`th` in the header, `td` in the body).
    fn cells(&mut self, row: Node<'_, '_>, kind: &str) -> Vec<Cell> {
        self.check_attributes(row, &[]);
        let mut cells = Vec::new();
        for child in row.children() {
            if is_text(child) {
                self.stray_text(child, row, &format!("<{kind}>"));
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.tag_name().name();
            if name == kind {
                cells.push(self.cell(child));
            } else if name == "th" {
                self.error(
                    child,
                    "a body row holds <td> cells, not <th>: the column headers go in <thead>"
                        .into(),
                );
            } else if name == "td" {
                self.error(child, "the header row holds <th> cells, not <td>".into());
            } else {
                self.misplaced(child, row, &[kind]);
            }
        }
        cells
    }

    /// One `<th>` or `<td>`: inline content like a `<p>`, never empty (an empty cell would leave
    /// its row a cell short for a screen reader), and an optional `align`.
    fn cell(&mut self, cell: Node<'_, '_>) -> Cell {
        self.check_attributes(cell, &["align"]);
        let aligns = [
            ("left", Align::Left),
            ("center", Align::Center),
            ("right", Align::Right),
        ];
        let align = self.choice(cell, "align", &aligns, Align::Left, false);
        let before = self.errors.len();
        let inlines = self.inlines(cell);
        let visible = inlines
            .iter()
            .any(|i| matches!(i, Inline::Text(span) if !span.text.is_empty()));
        // A cell whose content was all wrong is not also reported as empty.
        if !visible && self.errors.len() == before {
            let name = cell.tag_name().name();
            self.error(
                cell,
                format!(
                    "<{name}> must not be empty: write “–” or “none” in a cell with nothing to say"
                ),
            );
        }
        Cell { inlines, align }
    }
}
