//! `<box tone label>` → [`Block::Box`]: a tinted panel, and for a callout its label, which is
//! read first, as the box's first paragraph.

use roxmltree::Node;

use super::super::block::{Block, Inline, ParagraphClass, Tone};
use super::attributes::attr_offset;
use super::Parser;

/// Every tone, and whether a box of it must say what it is (`label`): the callouts are told apart
/// by their words, not by a colour a patient may not see.
const TONES: &[(&str, Tone, bool)] = &[
    ("alert", Tone::Alert, false),
    ("info", Tone::Info, false),
    ("note", Tone::Note, true),
    ("tip", Tone::Tip, true),
    ("important", Tone::Important, true),
    ("warning", Tone::Warning, true),
    ("caution", Tone::Caution, true),
];

impl Parser<'_, '_> {
    /// A `<box>`: its tone, then its label (when it has one) and its blocks.
    pub(super) fn callout(&mut self, node: Node<'_, '_>) -> Block {
        self.check_attributes(node, &["tone", "label"]);
        let tones: Vec<(&str, Tone)> = TONES.iter().map(|(name, t, _)| (*name, *t)).collect();
        let tone = self.choice(node, "tone", &tones, Tone::Info, true);
        let needs_label = TONES.iter().any(|(_, t, needs)| *t == tone && *needs);
        let mut blocks = Vec::new();
        match node.attribute("label").map(super::collapse) {
            Some(label) if label.is_empty() => self.error_at(
                attr_offset(node, "label"),
                "box",
                "attribute `label` on <box> must not be empty".into(),
            ),
            Some(label) => blocks.push(Block::Paragraph {
                class: ParagraphClass::Label,
                inlines: vec![Inline::plain(&label)],
            }),
            None if needs_label => {
                let name = node.attribute("tone").unwrap_or_default().trim();
                self.error(
                    node,
                    format!("missing required attribute `label` on <box tone=\"{name}\">; a callout says what it is in words (e.g. label=\"Important\")"),
                );
            }
            None => {}
        }
        blocks.extend(self.blocks(node, &[]));
        Block::Box { tone, blocks }
    }
}
