//! `<fields>` → the write-in blanks of a [`Block::Fields`](super::super::block::Block): each
//! `<field>` needs a name a PDF form can use (unique, no dots) and a label, and may ask for
//! several ruled lines.

use roxmltree::Node;

use super::super::block::Field;
use super::attributes::attr_offset;
use super::{collapse, Parser};

/// Most ruled lines one field may have: more than a dozen is a page of blanks, surely a typo.
const MAX_LINES: u8 = 12;

impl Parser<'_, '_> {
    /// The `<field>` children of a `<fields>` element.
    pub(super) fn fields(&mut self, node: Node<'_, '_>) -> Vec<Field> {
        self.children_named(node, "field")
            .into_iter()
            .map(|field| {
                self.check_attributes(field, &["name", "label", "lines", "fill"]);
                self.no_children(field);
                let choices = [("false", false), ("true", true)];
                Field {
                    name: self.form_name(field, "patient-name"),
                    label: self.required(field, "label"),
                    lines: self.field_lines(field),
                    fill: self.choice(field, "fill", &choices, false, false),
                }
            })
            .collect()
    }

    /// The `name` of a `<field>` or `<blank>` (the PDF form field's /T; `example` is a good one):
    /// letters, digits, `-` and `_` (a dot would make it a child of another field in the PDF
    /// form), and not the name of an earlier field or blank.
    pub(super) fn form_name(&mut self, node: Node<'_, '_>, example: &str) -> String {
        let element = node.tag_name().name();
        let name = self.required(node, "name");
        if node.attribute("name").is_none() {
            return name;
        }
        let offset = attr_offset(node, "name");
        let fine = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if name.is_empty() || !name.chars().all(fine) {
            self.error_at(
                offset,
                element,
                format!("attribute `name` on <{element}> must be letters, digits, `-` or `_` (such as `{example}`), not `{name}`"),
            );
        } else if let Some((_, earlier)) = self.field_names.iter().find(|(n, _)| *n == name) {
            let earlier = earlier.clone();
            self.error_at(
                offset,
                element,
                format!("there is already a <{earlier} name=\"{name}\">; give each {element} its own name"),
            );
        } else {
            self.field_names.push((name.clone(), element.to_string()));
        }
        name
    }

    /// A field's `lines`: 1 when absent.
    fn field_lines(&mut self, field: Node<'_, '_>) -> u8 {
        let Some(raw) = field.attribute("lines") else {
            return 1;
        };
        match collapse(raw).parse::<u8>() {
            Ok(n) if (1..=MAX_LINES).contains(&n) => n,
            _ => {
                let offset = attr_offset(field, "lines");
                self.error_at(
                    offset,
                    "field",
                    format!("attribute `lines` on <field> must be a whole number from 1 to {MAX_LINES}, not `{raw}`"),
                );
                1
            }
        }
    }
}
