//! Inline and block content → HTML, escaped. Templates receive this as trusted markup.

use crate::labels::Labels;
use crate::model::{walk, Block, Inline, List, ListItem, Table, Visit};

pub use crate::escape::escape;

/// Inline content as HTML; `blank` is the words a screen reader says for a blank to write in.
pub fn inlines(items: &[Inline], blank: &str) -> String {
    let mut out = String::new();
    // An allowed tag is cleaned as a whole element, so its content is written apart first; the
    // text around it waits here.
    let mut around: Vec<String> = Vec::new();
    walk(items, &mut |visit| {
        match visit {
        // A number keeps its unit on the page (`2\u{a0}weeks`).
        Visit::Enter(Inline::Text(t)) => out.push_str(&escape(&super::units::glue(t))),
        Visit::Enter(Inline::Code(t)) => {
            out.push_str("<code>");
            out.push_str(&escape(t));
            out.push_str("</code>");
        }
        Visit::Enter(Inline::Strong(_)) => out.push_str("<strong>"),
        Visit::Leave(Inline::Strong(_)) => out.push_str("</strong>"),
        Visit::Enter(Inline::Emphasis(_)) => out.push_str("<em>"),
        Visit::Leave(Inline::Emphasis(_)) => out.push_str("</em>"),
        Visit::Enter(Inline::Link { href, .. }) => open_link(&mut out, href),
        Visit::Leave(Inline::Link { .. }) => out.push_str("</a>"),
        Visit::Enter(Inline::Break) => out.push_str("<br>"),
        // A line to write on, as wide as the underscores were: read as one word, not as
        // underscores one by one.
        Visit::Enter(Inline::Blank(chars)) => out.push_str(&format!(
            "<span class=\"blank\" role=\"img\" aria-label=\"{}\" style=\"--chars:{chars}\"></span>",
            escape(blank)
        )),
        Visit::Enter(Inline::Tagged { .. }) => around.push(std::mem::take(&mut out)),
        Visit::Leave(Inline::Tagged { tag, .. }) => {
            let inner = std::mem::replace(&mut out, around.pop().unwrap_or_default());
            out.push_str(&allowed_tag(tag, &inner));
        }
        Visit::Leave(_) => {}
    }
    });
    out
}

/// Writes a link's opening `<a href="…">`, which HTML and print XML write alike.
pub(super) fn open_link(out: &mut String, href: &str) {
    out.push_str("<a href=\"");
    out.push_str(&escape(href));
    out.push_str("\">");
}

/// `<tag>inner</tag>`, passed through ammonia with only that tag allowed and no attributes, so
/// whatever the tag name, nothing but harmless markup reaches the page.
fn allowed_tag(tag: &str, inner: &str) -> String {
    let html = format!("<{tag}>{inner}</{tag}>");
    ammonia::Builder::empty()
        .add_tags([tag])
        .add_tags([
            "strong", "em", "code", "a", "br", "abbr", "b", "cite", "del", "i", "ins", "kbd",
            "mark", "q", "s", "small", "sub", "sup", "u",
        ])
        .add_tag_attributes("a", ["href"])
        .link_rel(None)
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .clean(&html)
        .to_string()
}

/// How pictures are linked from a page: the page's root prefix (`../../`), and whether they load
/// only when scrolled near (pictures below the fold).
#[derive(Clone, Copy, Debug)]
pub struct Pictures<'a> {
    /// Prefix from the page to the site root.
    pub root: &'a str,
    /// `loading="lazy"`.
    pub lazy: bool,
}

/// A figure as HTML: its picture at its pixel size (so the page does not shift as it loads; CSS
/// scales it down to the column), alt text, and caption.
pub fn figure(f: &crate::model::Figure, pictures: Pictures<'_>) -> String {
    let lazy = if pictures.lazy {
        " loading=\"lazy\""
    } else {
        ""
    };
    let caption = if f.caption.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", inlines(&f.caption, ""))
    };
    format!(
        "<figure><img src=\"{}{}\" alt=\"{}\" width=\"{}\" height=\"{}\"{lazy} decoding=\"async\">{caption}</figure>\n",
        escape(pictures.root),
        escape(&f.image.path),
        escape(&f.alt),
        f.image.width(),
        f.image.height(),
    )
}

/// What block markup needs besides the blocks: the heading level of `###` lines, how pictures are
/// linked, and the labels (callouts' words, a blank's spoken name).
#[derive(Clone, Copy)]
pub struct BlockStyle<'a> {
    /// The heading level used for `###` lines.
    pub subheading: u8,
    /// How pictures are linked.
    pub pictures: Pictures<'a>,
    /// The edition's labels.
    pub labels: &'a Labels,
}

/// Blocks as HTML.
pub fn blocks(items: &[Block], style: BlockStyle<'_>) -> String {
    let blank = style.labels.get("blank");
    let mut out = String::new();
    for block in items {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", inlines(p, blank))),
            Block::Subheading(h) => {
                let level = style.subheading;
                out.push_str(&format!("<h{level}>{}</h{level}>\n", inlines(h, blank)))
            }
            Block::List(list) => out.push_str(&self::list(list, "", blank)),
            Block::Figure(f) => out.push_str(&figure(f, style.pictures)),
            Block::Table(t) => out.push_str(&table(t, blank)),
            Block::Callout(c) => out.push_str(&format!(
                "<div class=\"callout callout-{}\" role=\"note\">\n<p class=\"callout-label\">{}</p>\n{}</div>\n",
                c.kind.name(),
                escape(style.labels.get(c.kind.label_key())),
                blocks(&c.blocks, style)
            )),
        }
    }
    out
}

/// A list as HTML, with `class` on it when not empty.
pub fn list(list: &List, class: &str, blank: &str) -> String {
    let tag = if list.ordered { "ol" } else { "ul" };
    let mut out = format!("<{tag}");
    if !class.is_empty() {
        out.push_str(&format!(" class=\"{}\"", escape(class)));
    }
    if list.ordered && list.start != 1 {
        out.push_str(&format!(" start=\"{}\"", list.start));
    }
    out.push_str(">\n");
    for item in &list.items {
        out.push_str(&format!("<li>{}</li>\n", self::item(item, blank)));
    }
    out.push_str(&format!("</{tag}>\n"));
    out
}

/// A list item's content as HTML: its words, then its nested list.
pub fn item(item: &ListItem, blank: &str) -> String {
    let mut out = inlines(&item.text, blank);
    if let Some(nested) = &item.nested {
        out.push('\n');
        out.push_str(list(nested, "", blank).trim_end());
    }
    out
}

/// A table as HTML: header cells are column headers, each cell aligned as its column.
fn table(t: &Table, blank: &str) -> String {
    let align = |n: usize| match t.align.get(n) {
        Some(crate::model::Align::Center) => " class=\"align-center\"",
        Some(crate::model::Align::Right) => " class=\"align-right\"",
        _ => "",
    };
    let mut out = String::from("<table>\n<thead>\n<tr>");
    for (n, cell) in t.head.iter().enumerate() {
        out.push_str(&format!(
            "<th scope=\"col\"{}>{}</th>",
            align(n),
            inlines(cell, blank)
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (n, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", align(n), inlines(cell, blank)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_links_are_escaped() {
        let html = inlines(
            &[
                Inline::Text("a < b & \"c\"".into()),
                Inline::Link {
                    href: "https://x.example/?a=1&b=\"2\"".into(),
                    children: vec![Inline::Strong(vec![Inline::Text("go".into())])],
                },
            ],
            "",
        );
        assert_eq!(html, "a &lt; b &amp; &quot;c&quot;<a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"><strong>go</strong></a>");
    }

    #[test]
    fn escaping_keeps_every_other_character_and_handles_the_ends() {
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("<"), "&lt;");
        assert_eq!(escape("'año' > “é” & ✓"), "&#39;año&#39; &gt; “é” &amp; ✓");
        assert_eq!(escape("&&"), "&amp;&amp;");
        assert_eq!(escape("x<"), "x&lt;");
    }
}
