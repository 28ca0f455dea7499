//! The structure tree as layout builds it: every block adds its elements (a paragraph its `P`, a list
//! its `L`, `LI`s, `Lbl`s and `LBody`s …) under the element its container gives it, in reading order,
//! and tags the items it draws with them. `paint` turns the tree into PDF structure elements.

use super::super::frame::{Node, Role};

/// The tree being built; element 0 is the `Document`.
#[derive(Clone, Debug)]
pub(super) struct Tree {
    nodes: Vec<Node>,
}

/// The `Document` element, root of every tree.
pub(super) const ROOT: usize = 0;

impl Tree {
    /// A tree holding only the `Document`.
    pub(super) fn new() -> Tree {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                children: Vec::new(),
                alt: None,
            }],
        }
    }

    /// A new element of `role`, the last child of `parent`.
    pub(super) fn add(&mut self, role: Role, parent: usize) -> usize {
        let id = self.detached(role);
        self.attach(parent, id);
        id
    }

    /// A new element with no parent yet (the page footer, which is set before the body but read
    /// after it); [`Tree::attach`] places it.
    pub(super) fn detached(&mut self, role: Role) -> usize {
        self.nodes.push(Node {
            role,
            parent: None,
            children: Vec::new(),
            alt: None,
        });
        self.nodes.len() - 1
    }

    /// Makes `child` (which has no parent) the last child of `parent`.
    pub(super) fn attach(&mut self, parent: usize, child: usize) {
        if let Some(node) = self.nodes.get_mut(child) {
            node.parent = Some(parent);
        }
        if let Some(node) = self.nodes.get_mut(parent) {
            node.children.push(child);
        }
    }

    /// The children of `id` that are `role` elements, in reading order.
    pub(super) fn children_of_role(&self, id: usize, role: Role) -> Vec<usize> {
        let children = self.nodes.get(id).map_or(&[][..], |n| &n.children);
        (children.iter().copied())
            .filter(|&c| self.nodes.get(c).is_some_and(|n| n.role == role))
            .collect()
    }

    /// Sets the alt text of `id`.
    pub(super) fn set_alt(&mut self, id: usize, alt: String) {
        if let Some(node) = self.nodes.get_mut(id) {
            node.alt = Some(alt);
        }
    }

    /// Appends `words` to the alt text of `id`, after a space unless `glued` to what is there.
    pub(super) fn push_words(&mut self, id: usize, words: &str, glued: bool) {
        if let Some(node) = self.nodes.get_mut(id) {
            let alt = node.alt.get_or_insert_with(String::new);
            if !glued && !alt.is_empty() {
                alt.push(' ');
            }
            alt.push_str(words);
        }
    }

    /// How many elements there are: a mark to [`Tree::rollback`] to.
    pub(super) fn mark(&self) -> usize {
        self.nodes.len()
    }

    /// Forgets every element added since `mark` (a block laid out again another way, such as
    /// columns that had to be stacked).
    pub(super) fn rollback(&mut self, mark: usize) {
        self.nodes.truncate(mark.max(1));
        for node in &mut self.nodes {
            node.children.retain(|&c| c < mark);
        }
    }

    /// The finished tree.
    pub(super) fn into_nodes(self) -> Vec<Node> {
        self.nodes
    }
}
