//! Attribute checks shared by every element: unknown attributes, required ones, and values that
//! must be one of a fixed list. Each problem is reported at the attribute itself when it exists.

use roxmltree::Node;

use super::{collapse, Parser};

impl Parser<'_, '_> {
    /// Reports attributes not in `allowed`.
    pub(super) fn check_attributes(&mut self, node: Node<'_, '_>, allowed: &[&str]) {
        let name = node.tag_name().name();
        for attr in node.attributes() {
            if allowed.contains(&attr.name()) && attr.namespace().is_none() {
                continue;
            }
            // Every block element may have `hyphenate`, which `blocks` reads; the lists leave it out.
            if attr.name() == super::blocks::HYPHENATE && super::blocks::is_block(name) {
                continue;
            }
            let message = if allowed.is_empty() {
                format!(
                    "unknown attribute `{}`: <{name}> takes no attributes",
                    attr.name()
                )
            } else {
                format!(
                    "unknown attribute `{}` on <{name}>; <{name}> may have: {}",
                    attr.name(),
                    allowed.join(", ")
                )
            };
            self.error_at(attr.range().start, name, message);
        }
    }

    /// The collapsed value of a required attribute, or an error.
    pub(super) fn required(&mut self, node: Node<'_, '_>, attr: &str) -> String {
        match node.attribute(attr) {
            Some(value) => collapse(value),
            None => {
                let name = node.tag_name().name();
                self.error(
                    node,
                    format!("missing required attribute `{attr}` on <{name}>"),
                );
                String::new()
            }
        }
    }

    /// The collapsed value of a required attribute that must not be empty either (`why` ends the
    /// message about an empty one), or an error.
    pub(super) fn required_text(&mut self, node: Node<'_, '_>, attr: &str, why: &str) -> String {
        let value = self.required(node, attr);
        if node.attribute(attr).is_some() && value.is_empty() {
            let name = node.tag_name().name();
            let message = format!("attribute `{attr}` on <{name}> must not be empty{why}");
            self.error_at(attr_offset(node, attr), name, message);
        }
        value
    }

    /// The value paired with an attribute's text in `options`. When the attribute is absent that is
    /// `default`, or an error if `required`; an unlisted text is an error naming the allowed ones.
    pub(super) fn choice<T: Copy>(
        &mut self,
        node: Node<'_, '_>,
        attr: &str,
        options: &[(&str, T)],
        default: T,
        required: bool,
    ) -> T {
        let name = node.tag_name().name();
        let Some(found) = node.attributes().find(|a| a.name() == attr) else {
            if required {
                self.error(
                    node,
                    format!("missing required attribute `{attr}` on <{name}>"),
                );
            }
            return default;
        };
        let value = found.value().trim();
        if let Some((_, v)) = options.iter().find(|(o, _)| *o == value) {
            return *v;
        }
        let names: Vec<&str> = options.iter().map(|(o, _)| *o).collect();
        let message = format!(
            "attribute `{attr}` on <{name}> must be {}, not `{value}`",
            or_list(&names)
        );
        self.error_at(found.range().start, name, message);
        default
    }
}

/// Where an attribute starts, or its element when the attribute is absent.
pub(super) fn attr_offset(node: Node<'_, '_>, name: &str) -> usize {
    node.attributes()
        .find(|a| a.name() == name)
        .map_or(node.range().start, |a| a.range().start)
}

/// "a", "a or b", "a, b or c".
fn or_list(options: &[&str]) -> String {
    match options.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
