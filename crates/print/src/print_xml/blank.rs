//! `<blank name="…" chars="…" tip="…"/>` → an [`Inline::Blank`](super::super::block::Inline): a
//! write-in blank inside running text. Its name is a PDF form field's, checked with the fields'
//! names; `chars` is how many underscores the editor wrote; `tip` is what a screen reader says.
//! Blanks belong to the body: the header and footer are repeated artifacts, and a link cannot hold
//! a form field.

use roxmltree::Node;

use super::super::block::Blank;
use super::attributes::attr_offset;
use super::{collapse, Parser};

/// The fewest and most chars a blank may be: fewer is no room to write, more is wider than a line.
const CHARS: std::ops::RangeInclusive<u8> = 4..=80;

impl Parser<'_, '_> {
    /// The `<blank>` element `node`, or `None` (with an error) where a blank may not stand.
    pub(super) fn blank(&mut self, node: Node<'_, '_>) -> Option<Blank> {
        self.check_attributes(node, &["name", "chars", "tip"]);
        self.no_children(node);
        let outside = node.ancestors().find_map(|a| match a.tag_name().name() {
            "header" | "footer" => Some("the header or footer: they repeat on every page, and screen readers skip them; put the blank in the body"),
            "a" => Some("<a>: a form field cannot be part of a link"),
            _ => None,
        });
        if let Some(place) = outside {
            self.error(node, format!("<blank> is not allowed inside {place}"));
            return None;
        }
        let name = self.form_name(node, "blank-1");
        let chars = self.blank_chars(node);
        let why = ": it is what a screen reader says (the sentence with the blank)";
        let tip = self.required_text(node, "tip", why);
        Some(Blank { name, chars, tip })
    }

    /// A blank's `chars`: a whole number in [`CHARS`].
    fn blank_chars(&mut self, node: Node<'_, '_>) -> u8 {
        let Some(raw) = node.attribute("chars") else {
            self.required(node, "chars");
            return *CHARS.start();
        };
        match collapse(raw).parse::<u8>() {
            Ok(n) if CHARS.contains(&n) => n,
            _ => {
                let offset = attr_offset(node, "chars");
                self.error_at(
                    offset,
                    "blank",
                    format!(
                        "attribute `chars` on <blank> must be a whole number from {} to {}, not `{raw}`",
                        CHARS.start(),
                        CHARS.end()
                    ),
                );
                *CHARS.start()
            }
        }
    }
}

#[cfg(test)]
mod tests;
