//! Typographic quotes in the headings and titles editors write: `Don't` becomes `Don’t` and
//! `"quotes"` become `“quotes”`, as the theme's labels already are, so a heading from content looks
//! like one from the theme in the PDF, the web heading and the table of contents. Code spans and
//! web addresses keep their straight quotes: there they are characters, not punctuation.

use crate::model::{walk_mut, Inline};

/// `text` with typographic quotes, leaving web addresses as written.
pub(crate) fn text(text: &str) -> String {
    let mut prev = None;
    curl(text, &mut prev)
}

/// `items` with typographic quotes in their text, code spans and link addresses left alone.
pub(crate) fn inlines(mut items: Vec<Inline>) -> Vec<Inline> {
    // The character before each piece of text, across the inline tree, decides how a quote opens.
    let mut prev = None;
    walk_mut(&mut items, &mut |item| match item {
        Inline::Text(t) => *t = curl(t, &mut prev),
        Inline::Code(c) => prev = c.chars().last().or(prev),
        Inline::Break => prev = None,
        _ => {}
    });
    items
}

/// `text` curled, word by word; `prev` is the character before it (and after it, on return).
fn curl(text: &str, prev: &mut Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
            *prev = Some(' ');
        }
        if word.contains("://") || word.starts_with("www.") {
            out.push_str(word);
            *prev = word.chars().last().or(*prev);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            let next = chars.get(j + 1).copied();
            let opens = prev.is_none_or(|p| p.is_whitespace() || "([{‘“-–—/".contains(p));
            let curled = match c {
                // After a letter it is an apostrophe (Don’t, PRP’s) or a closing quote; so it is
                // before nothing or punctuation.
                '\'' if opens && next.is_some_and(char::is_alphanumeric) => '‘',
                '\'' => '’',
                '"' if opens => '“',
                '"' => '”',
                other => other,
            };
            out.push(curled);
            *prev = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{inlines, text};
    use crate::model::Inline;

    #[test]
    fn apostrophes_and_quotes_curl() {
        assert_eq!(text("Don't"), "Don’t");
        assert_eq!(
            text("Can I use \"natural\" creams?"),
            "Can I use “natural” creams?"
        );
        assert_eq!(
            text("'Quick' fixes and the patients' skin"),
            "‘Quick’ fixes and the patients’ skin"
        );
        assert_eq!(text("\"Why?\""), "“Why?”");
        assert_eq!(
            text("See https://x.example/it's"),
            "See https://x.example/it's"
        );
        assert_eq!(text("Already ’curly’"), "Already ’curly’");
    }

    #[test]
    fn code_spans_and_link_addresses_keep_straight_quotes() {
        let items = vec![
            Inline::Text("What does ".into()),
            Inline::Code("don't".into()),
            Inline::Text(" mean in \"".into()),
            Inline::Link {
                href: "https://x.example/a'b".into(),
                children: vec![Inline::Text("the guide".into())],
            },
            Inline::Text("\"?".into()),
        ];
        assert_eq!(
            inlines(items),
            vec![
                Inline::Text("What does ".into()),
                Inline::Code("don't".into()),
                Inline::Text(" mean in “".into()),
                Inline::Link {
                    href: "https://x.example/a'b".into(),
                    children: vec![Inline::Text("the guide".into())],
                },
                Inline::Text("”?".into()),
            ]
        );
    }
}
