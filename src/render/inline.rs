//! Inline and block content → HTML, escaped. Templates receive this as trusted markup.

use crate::model::{walk, Block, Inline, Visit};

pub use crate::escape::escape;

/// Inline content as HTML.
pub fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    // An allowed tag is cleaned as a whole element, so its content is written apart first; the
    // text around it waits here.
    let mut around: Vec<String> = Vec::new();
    walk(items, &mut |visit| match visit {
        Visit::Enter(Inline::Text(t)) => out.push_str(&escape(t)),
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
        Visit::Enter(Inline::Tagged { .. }) => around.push(std::mem::take(&mut out)),
        Visit::Leave(Inline::Tagged { tag, .. }) => {
            let inner = std::mem::replace(&mut out, around.pop().unwrap_or_default());
            out.push_str(&allowed_tag(tag, &inner));
        }
        Visit::Leave(_) => {}
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
        format!("<figcaption>{}</figcaption>", inlines(&f.caption))
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

/// Blocks as HTML; `subheading` is the heading level used for `###` lines.
pub fn blocks(items: &[Block], subheading: u8, pictures: Pictures<'_>) -> String {
    let mut out = String::new();
    for block in items {
        match block {
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", inlines(p))),
            Block::Subheading(h) => {
                out.push_str(&format!("<h{subheading}>{}</h{subheading}>\n", inlines(h)))
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", inlines(item)));
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Figure(f) => out.push_str(&figure(f, pictures)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_links_are_escaped() {
        let html = inlines(&[
            Inline::Text("a < b & \"c\"".into()),
            Inline::Link {
                href: "https://x.example/?a=1&b=\"2\"".into(),
                children: vec![Inline::Strong(vec![Inline::Text("go".into())])],
            },
        ]);
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
