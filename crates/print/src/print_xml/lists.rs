//! Lists (`<ul mark>`, `<ol start>`, their `<li>`s) → [`Block::List`]. An `<li>` of a top-level
//! list may end with one nested `<ul>` or `<ol>`, whose items hold words only: a handout's lists
//! nest one level deep, which is as far as a patient follows an outline on paper.

use roxmltree::Node;

use super::super::block::{Block, Inline, ListItem, ListMark, Nested};
use super::attributes::attr_offset;
use super::content::is_text;
use super::Parser;

/// Largest `<ol start>`: nine digits, which the gutter still holds beside the item's words.
const MAX_START: u32 = 999_999_999;

/// Whether `node` is a `<ul>` or an `<ol>`.
fn is_list(node: Node<'_, '_>) -> bool {
    node.is_element() && matches!(node.tag_name().name(), "ul" | "ol")
}

impl Parser<'_, '_> {
    /// A top-level `<ul>` or `<ol>`.
    pub(super) fn list(&mut self, node: Node<'_, '_>) -> Block {
        let (mark, items) = self.marked_items(node, Self::item);
        Block::List { mark, items }
    }

    /// The marker of a `<ul>` or `<ol>` and its `<li>`s, each read by `item`.
    fn marked_items<T>(
        &mut self,
        node: Node<'_, '_>,
        item: fn(&mut Self, Node<'_, '_>) -> T,
    ) -> (ListMark, Vec<T>) {
        let mark = self.list_mark(node);
        let items = self
            .children_named(node, "li")
            .into_iter()
            .map(|li| item(self, li))
            .collect();
        (mark, items)
    }

    /// The marker of a `<ul>` (its `mark`) or an `<ol>` (numbers from its `start`).
    fn list_mark(&mut self, node: Node<'_, '_>) -> ListMark {
        if node.tag_name().name() == "ul" {
            self.check_attributes(node, &["mark"]);
            let marks = [
                ("bullet", ListMark::Bullet),
                ("check", ListMark::Check),
                ("cross", ListMark::Cross),
                ("box", ListMark::Box),
            ];
            self.choice(node, "mark", &marks, ListMark::Bullet, false)
        } else {
            self.check_attributes(node, &["start"]);
            ListMark::Number {
                start: self.start(node),
            }
        }
    }

    /// `<ol start>`: 1 when absent; 1 (with an error) when not a whole number in range.
    fn start(&mut self, node: Node<'_, '_>) -> u32 {
        let Some(raw) = node.attribute("start") else {
            return 1;
        };
        let digits = raw.trim();
        match digits.parse::<u32>() {
            // Digits only: `+3` in a template is a typo, not a number to guess at.
            Ok(n) if n <= MAX_START && digits.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => {
                self.error_at(
                    attr_offset(node, "start"),
                    "ol",
                    format!("attribute `start` on <ol> must be a whole number from 0 to {MAX_START}, not `{raw}`"),
                );
                1
            }
        }
    }

    /// An `<li>` of a top-level list: its words, then at most one nested list, which ends it.
    fn item(&mut self, li: Node<'_, '_>) -> ListItem {
        self.check_attributes(li, &[]);
        let Some(list) = li.children().find(|c| is_list(*c)) else {
            return self.inlines(li).into();
        };
        let inlines = self.inlines_before(li, Some(list));
        for after in list.next_siblings().skip(1) {
            if is_list(after) {
                self.error(
                    after,
                    "an <li> may hold one nested list; put these items in the list before it, or in an <li> of their own".into(),
                );
            } else if after.is_element() || is_text(after) {
                self.error_at(
                    after.range().start,
                    "li",
                    "a nested list ends its <li>; put what follows it before the list, or in an <li> of its own".into(),
                );
            }
        }
        let (mark, items) = self.marked_items(list, Self::nested_item);
        ListItem {
            inlines,
            nested: Some(Nested { mark, items }),
        }
    }

    /// An `<li>` of a nested list: words only.
    fn nested_item(&mut self, li: Node<'_, '_>) -> Vec<Inline> {
        self.check_attributes(li, &[]);
        let third = li.children().find(|c| is_list(*c));
        if let Some(list) = third {
            let name = list.tag_name().name();
            self.error(
                list,
                format!("lists nest one level deep in a handout: this <{name}> is inside an item of a nested list; make its items items of that list, or start a new list after it"),
            );
        }
        self.inlines_before(li, third)
    }
}
