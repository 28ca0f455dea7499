//! The root element: `<handout>`'s document attributes and its one `<header>` (a `<left>` and a
//! `<right>`) and one `<footer>` (the URL for the QR code, the code's alt text and its `<line>`s),
//! whose text is inline content like a `<p>`'s. The body's blocks are left to `blocks`.

use roxmltree::Node;

use super::super::block::{
    Align, Document, Footer, FooterLine, Header, LinePages, LineTone, Paper,
};
use super::attributes::attr_offset;
use super::{collapse, Parser};

impl Parser<'_, '_> {
    /// The root element: a [`Document`] with its attributes, header, footer and body blocks.
    pub(super) fn handout(&mut self, root: Node<'_, '_>) -> Document {
        let name = root.tag_name().name();
        let mut doc = Document {
            paper: Paper::Letter,
            lang: String::new(),
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            created: String::new(),
            align: Align::Left,
            continued: String::new(),
            header: Header::default(),
            footer: Footer::default(),
            blocks: Vec::new(),
        };
        if name != "handout" {
            self.error(
                root,
                format!("the root element must be <handout>, not <{name}>"),
            );
            return doc;
        }
        self.check_attributes(
            root,
            &[
                "paper",
                "lang",
                "title",
                "author",
                "subject",
                "created",
                "align",
                "continued",
            ],
        );
        let papers = [("letter", Paper::Letter), ("a4", Paper::A4)];
        doc.paper = self.choice(root, "paper", &papers, Paper::Letter, false);
        doc.lang = self.required(root, "lang");
        doc.title = self.required(root, "title");
        doc.author = root.attribute("author").map(collapse).unwrap_or_default();
        doc.subject = root.attribute("subject").map(collapse).unwrap_or_default();
        doc.created = self.required(root, "created");
        if !doc.created.is_empty() && !is_iso_date(&doc.created) {
            let value = doc.created.clone();
            let offset = attr_offset(root, "created");
            self.error_at(
                offset,
                "handout",
                format!("attribute `created` on <handout> must be a date like 2026-03-01, not `{value}`"),
            );
        }
        let aligns = [("left", Align::Left), ("justify", Align::Justify)];
        doc.align = self.choice(root, "align", &aligns, Align::Left, false);
        doc.continued = root
            .attribute("continued")
            .map(collapse)
            .unwrap_or_default();

        let (mut header, mut footer) = (None, None);
        for child in root.children() {
            match child.tag_name().name() {
                "header" if child.is_element() => {
                    let value = self.header(child);
                    if header.replace(value).is_some() {
                        self.error(child, "only one <header> is allowed in <handout>".into());
                    }
                }
                "footer" if child.is_element() => {
                    let value = self.footer(child);
                    if footer.replace(value).is_some() {
                        self.error(child, "only one <footer> is allowed in <handout>".into());
                    }
                }
                _ => {}
            }
        }
        if header.is_none() {
            self.error(
                root,
                "<handout> is missing its <header> (a <left> and a <right>)".into(),
            );
        }
        if footer.is_none() {
            self.error(
                root,
                "<handout> is missing its <footer url=\"…\"> (with its <line>s)".into(),
            );
        }
        doc.header = header.unwrap_or_default();
        doc.footer = footer.unwrap_or_default();
        doc.blocks = self.blocks(root, &["header", "footer"]);
        doc
    }
}

impl Parser<'_, '_> {
    /// `<header logo>`: at most one `<left>`, one `<right>` and one `<later>` (plain text), in any
    /// order.
    fn header(&mut self, node: Node<'_, '_>) -> Header {
        self.check_attributes(node, &["logo"]);
        let mut header = Header {
            logo: node
                .attribute("logo")
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
            ..Header::default()
        };
        let (mut left, mut right, mut later) = (false, false, false);
        for child in self.children_among(node, &["left", "right", "later"]) {
            self.check_attributes(child, &[]);
            let name = child.tag_name().name();
            let seen = match name {
                "left" => &mut left,
                "right" => &mut right,
                _ => &mut later,
            };
            if std::mem::replace(seen, true) {
                self.error(child, format!("only one <{name}> is allowed in <header>"));
                continue;
            }
            if name == "later" {
                let text: String = child
                    .descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect();
                header.later = collapse(&text);
                continue;
            }
            let inlines = self.inlines(child);
            if name == "left" {
                header.left = inlines;
            } else {
                header.right = inlines;
            }
        }
        header
    }

    /// `<footer url caption>` and its `<line tone>`s.
    fn footer(&mut self, node: Node<'_, '_>) -> Footer {
        self.check_attributes(node, &["url", "caption", "qr-alt", "qr-pages"]);
        let url = self.required(node, "url");
        let caption = node.attribute("caption").map(collapse).unwrap_or_default();
        let qr_alt = node
            .attribute("qr-alt")
            .map(collapse)
            .filter(|alt| !alt.is_empty())
            .unwrap_or_else(|| url.clone());
        let tones = [("muted", LineTone::Muted), ("strong", LineTone::Strong)];
        let pages = [
            ("all", LinePages::All),
            ("first", LinePages::First),
            ("last", LinePages::Last),
        ];
        let qr_pages = self.choice(node, "qr-pages", &pages, LinePages::All, false);
        let lines = self
            .children_among(node, &["line"])
            .into_iter()
            .map(|line| {
                self.check_attributes(line, &["tone", "pages"]);
                FooterLine {
                    tone: self.choice(line, "tone", &tones, LineTone::Muted, false),
                    inlines: self.inlines(line),
                    pages: self.choice(line, "pages", &pages, LinePages::All, false),
                }
            })
            .collect();
        Footer {
            url,
            caption,
            qr_alt,
            lines,
            qr_pages,
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (m, d) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}
