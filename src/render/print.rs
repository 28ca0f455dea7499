//! Model → print XML (through the theme's `print/handout.xml` Tera template) → PDF.
//!
//! This is the seam between the site pipeline and the print engine (`handouts-print`): it fills the
//! template and turns the engine's problems into diagnostics that name the template file.

use super::context::{self, Markup, ProcedureCtx, VariantCtx};
use super::inline::{escape, open_link};
use super::Job;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{
    plain_text, walk, Block, Inline, List, ListItem, Procedure, Table, Variant, Visit,
};
use crate::theme::Theme;
use crate::validate::phones;
use handouts_print::{self as pdf, Fonts, PrintError, Rendered};

/// The print template's name in the theme.
pub const TEMPLATE: &str = "handout.xml";

/// Print-XML markup for template contexts: `<b>`, `<i>`, `<a>`, `<br/>`, `<p>`, `<ul>`, `<ol>`,
/// `<h3>`, `<table>`, `<box>` and `<blank/>`.
pub struct PrintXml<'a> {
    /// The handout's labels: callouts' words.
    pub labels: &'a crate::labels::Labels,
    /// Blanks written so far: each is a form field, and needs a name of its own in the handout.
    blanks: std::cell::Cell<u32>,
}

impl<'a> PrintXml<'a> {
    /// Markup for one handout in the language of `labels`.
    pub fn new(labels: &'a crate::labels::Labels) -> PrintXml<'a> {
        PrintXml {
            labels,
            blanks: std::cell::Cell::new(0),
        }
    }

    fn list(&self, list: &List) -> String {
        let mut out = if list.ordered {
            if list.start == 1 {
                "<ol>".to_string()
            } else {
                format!("<ol start=\"{}\">", list.start)
            }
        } else {
            "<ul>".to_string()
        };
        for item in &list.items {
            out.push_str(&format!("<li>{}</li>", self.item(item)));
        }
        out.push_str(if list.ordered { "</ol>" } else { "</ul>" });
        out
    }

    fn table(&self, t: &Table) -> String {
        let align = |n: usize| t.align.get(n).map_or("left", |a| a.name());
        let mut out = String::from("<table><thead><tr>");
        for (n, cell) in t.head.iter().enumerate() {
            out.push_str(&format!(
                "<th align=\"{}\">{}</th>",
                align(n),
                self.inlines(cell)
            ));
        }
        out.push_str("</tr></thead><tbody>");
        for row in &t.rows {
            out.push_str("<tr>");
            for (n, cell) in row.iter().enumerate() {
                out.push_str(&format!(
                    "<td align=\"{}\">{}</td>",
                    align(n),
                    self.inlines(cell)
                ));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }
}

impl Markup for PrintXml<'_> {
    fn inlines(&self, items: &[Inline]) -> String {
        let mut out = String::new();
        // A blank's tooltip is the sentence it stands in, read with its underscores.
        let mut run: Option<String> = None;
        let mut nth = 0;
        // Inside a link whose words are a phone number: a number split over two lines is misread.
        let mut number = 0;
        walk(items, &mut |visit| match visit {
            Visit::Enter(Inline::Text(t) | Inline::Code(t)) if number > 0 => {
                out.push_str(&escape(&phones::unbreakable(t)))
            }
            Visit::Enter(Inline::Text(t) | Inline::Code(t)) => out.push_str(&escape(t)),
            Visit::Enter(link @ Inline::Link { href, .. }) => {
                number += usize::from(is_number_link(link));
                open_link(&mut out, href)
            }
            Visit::Leave(link @ Inline::Link { .. }) => {
                number -= usize::from(is_number_link(link));
                out.push_str("</a>")
            }
            Visit::Enter(Inline::Break) => out.push_str("<br/>"),
            Visit::Enter(Inline::Blank(chars)) => {
                let run = run.get_or_insert_with(|| plain_text(items));
                let tip = sentence_with_blank(run, nth);
                nth += 1;
                let n = self.blanks.get() + 1;
                self.blanks.set(n);
                out.push_str(&format!(
                    "<blank name=\"blank-{n}\" chars=\"{chars}\" tip=\"{}\"/>",
                    escape(&tip)
                ));
            }
            Visit::Enter(inline) => {
                if let Some(style) = style(inline) {
                    out.push_str(&format!("<{style}>"));
                }
            }
            Visit::Leave(inline) => {
                if let Some(style) = style(inline) {
                    out.push_str(&format!("</{style}>"));
                }
            }
        });
        out
    }

    fn blocks(&self, items: &[Block]) -> String {
        let mut out = String::new();
        for block in items {
            match block {
                Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>", self.inlines(p))),
                Block::Subheading(h) => out.push_str(&format!("<h3>{}</h3>", self.inlines(h))),
                Block::List(list) => out.push_str(&self.list(list)),
                Block::Figure(f) => out.push_str(&format!(
                    "<figure src=\"{}\" alt=\"{}\">{}</figure>",
                    escape(&f.image.path),
                    escape(&f.alt),
                    self.inlines(&f.caption)
                )),
                Block::Table(t) => out.push_str(&self.table(t)),
                Block::Callout(c) => out.push_str(&format!(
                    "<box tone=\"{}\" label=\"{}\">{}</box>",
                    c.kind.name(),
                    escape(self.labels.get(c.kind.label_key())),
                    self.blocks(&c.blocks)
                )),
            }
        }
        out
    }

    fn item(&self, item: &ListItem) -> String {
        let mut out = self.inlines(&item.text);
        if let Some(nested) = &item.nested {
            out.push_str(&self.list(nested));
        }
        out
    }
}

/// The sentence of `text` that holds its `nth` blank (a run of underscores), trimmed: a blank's
/// tooltip, which a screen reader announces for the field.
fn sentence_with_blank(text: &str, nth: usize) -> String {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c == '_', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    let Some(run) = runs.iter().filter(|r| r.len() >= 4).nth(nth) else {
        return text.trim().to_string();
    };
    // A sentence ends at `.`, `!` or `?` followed by a space.
    let ends = |c: char| matches!(c, '.' | '!' | '?');
    let before = &text[..run.start];
    let from = before
        .char_indices()
        .rfind(|(i, c)| ends(*c) && before[*i + c.len_utf8()..].starts_with(' '))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = &text[run.end..];
    let to = after
        .char_indices()
        .find(|(i, c)| {
            ends(*c)
                && (after[*i + c.len_utf8()..].is_empty()
                    || after[*i + c.len_utf8()..].starts_with(' '))
        })
        .map_or(text.len(), |(i, c)| run.end + i + c.len_utf8());
    text[from..to].trim().to_string()
}

/// Whether `inline` is a `tel:` link whose words are the number itself (`555-014-2200`, not
/// "call the front desk"), which is set so no line breaks inside it.
fn is_number_link(inline: &Inline) -> bool {
    matches!(inline, Inline::Link { href, children }
        if href.starts_with("tel:") && phones::is_number(&plain_text(children)))
}

/// The print element an inline is set in: `b` or `i`. The handout's type has bold and italic; other
/// allowed tags print as their text.
fn style(inline: &Inline) -> Option<&'static str> {
    match inline {
        Inline::Strong(_) => Some("b"),
        Inline::Emphasis(_) => Some("i"),
        Inline::Tagged { tag, .. } => match tag.as_str() {
            "b" | "strong" => Some("b"),
            "i" | "em" | "cite" => Some("i"),
            _ => None,
        },
        _ => None,
    }
}

/// The print XML of one variant: the theme's template filled with its content, in the job's edition.
pub fn xml(job: &Job<'_>, procedure: &Procedure, variant: &Variant) -> Result<String, Diagnostics> {
    // Links in the print template are absolute: a printed page has no "current folder".
    let root = job.site.clinic.base_url.as_str();
    let here = job.here(root);
    let mut ctx = context::base(job.site, here);
    ctx.insert("procedure", &ProcedureCtx::new(procedure, here));
    ctx.insert("variant", &VariantCtx::new(variant, here));
    ctx.insert(
        "sections",
        &context::sections(variant, &PrintXml::new(job.labels)),
    );
    job.theme.render(TEMPLATE, &ctx)
}

/// The PDF handout of one variant in the job's edition, with its layout for checks.
pub fn handout(
    job: &Job<'_>,
    procedure: &Procedure,
    variant: &Variant,
    fonts: &Fonts,
) -> Result<Rendered, Diagnostics> {
    let xml = xml(job, procedure, variant)?;
    from_xml(job, &xml, variant, fonts)
}

/// The PDF handout of `variant` from its print XML (made by [`xml`]) in the job's edition.
pub fn from_xml(
    job: &Job<'_>,
    xml: &str,
    variant: &Variant,
    fonts: &Fonts,
) -> Result<Rendered, Diagnostics> {
    let theme = job.theme;
    let pictures = pictures(job, variant);
    let style = theme.style(job.edition.size);
    pdf::render_keeping(xml, fonts, style, &pictures, &keep_whole(job)).map_err(|errors| {
        let mut diags = Diagnostics::new();
        for e in errors {
            diags.push(template_problem(&e, xml, theme, variant));
        }
        diags
    })
}

/// The words the job's handouts never break at a line end: the theme's list for the job's language
/// and the clinic's `keep_whole:`. It is an input of every PDF besides its XML (the build cache's key
/// holds it).
pub fn keep_whole(job: &Job<'_>) -> pdf::KeepWhole {
    let mut keep = job.theme.keep_whole(job.edition.lang);
    for word in &job.site.clinic.keep_whole {
        keep.insert(word);
    }
    keep
}

/// The pictures a variant's handout may show: its figures and the clinic's logo, by site path.
fn pictures(job: &Job<'_>, variant: &Variant) -> pdf::Pictures {
    let mut pictures = pdf::Pictures::new();
    for image in job
        .site
        .clinic
        .logo
        .iter()
        .chain(variant.figures().map(|f| &f.image))
    {
        pictures.insert(image.path.clone(), image.picture.clone());
    }
    pictures
}

/// A print-engine problem as a diagnostic on the template file. The engine locates problems in the
/// rendered XML; the template line is found by looking for the element the problem is about.
fn template_problem(e: &PrintError, xml: &str, theme: &Theme, variant: &Variant) -> Diagnostic {
    let file = theme.source_of(TEMPLATE);
    let which = format!("{}/{}", variant.procedure, variant.slug);
    let rendered_line = xml
        .lines()
        .nth((e.line as usize).saturating_sub(1))
        .unwrap_or("")
        .trim();
    let mut d = Diagnostic::error(format!(
        "{} (in the handout for {which}).",
        e.message.trim_end_matches('.')
    ))
    .in_file(&file)
    .hint("fix the print template; the elements it may use are listed in docs/print-engine.md.");
    let template = theme.template_text(TEMPLATE);
    let needle = e.element.as_ref().map(|name| format!("<{name}"));
    let found = match (&template, needle) {
        (Some(t), Some(n)) => t.find(&n).map(|offset| (t.clone(), offset)),
        _ => None,
    };
    if let Some((text, offset)) = found {
        d = d.at(&text, Location::from_offset(&text, offset));
    } else if e.line > 0 {
        d.message = format!(
            "{} It is on line {} of the XML the template produced: `{rendered_line}`",
            d.message, e.line
        );
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blanks_tooltip_is_the_sentence_it_stands_in() {
        let text =
            "We draw blood. Leave the PRP on for ____ hours, as we say. Then rest for ____ days.";
        assert_eq!(
            sentence_with_blank(text, 0),
            "Leave the PRP on for ____ hours, as we say."
        );
        assert_eq!(sentence_with_blank(text, 1), "Then rest for ____ days.");
        assert_eq!(
            sentence_with_blank("Come back in ____ weeks", 0),
            "Come back in ____ weeks"
        );
    }
}
