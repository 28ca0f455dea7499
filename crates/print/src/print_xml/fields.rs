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
                    name: self.field_name(field),
                    label: self.required(field, "label"),
                    lines: self.field_lines(field),
                    fill: self.choice(field, "fill", &choices, false, false),
                }
            })
            .collect()
    }

    /// A field's `name`: letters, digits, `-` and `_` (a dot would make it a child of another
    /// field in the PDF form), and not the name of an earlier field.
    fn field_name(&mut self, field: Node<'_, '_>) -> String {
        let name = self.required(field, "name");
        if field.attribute("name").is_none() {
            return name;
        }
        let offset = attr_offset(field, "name");
        let fine = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        if name.is_empty() || !name.chars().all(fine) {
            self.error_at(
                offset,
                "field",
                format!("attribute `name` on <field> must be letters, digits, `-` or `_` (such as `patient-name`), not `{name}`"),
            );
        } else if self.field_names.contains(&name) {
            self.error_at(
                offset,
                "field",
                format!("there is already a <field name=\"{name}\">; give each field its own name"),
            );
        } else {
            self.field_names.push(name.clone());
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
