//! What the preview adds to the pages it serves, and only there (never to `handouts build`'s
//! output): the reload script, the problems of a failed rebuild, and a link to the fresh PDF.

use crate::render::inline::escape;

/// The address open pages listen on for rebuilds.
pub(crate) const EVENTS: &str = "/__handouts/events";

/// Reloads the page when the preview's version differs from the one it was served at: at once
/// after a rebuild, and on reconnecting to a preview that rebuilt (or restarted) meanwhile.
fn script(version: &str) -> String {
    format!(
        "<script>(function(){{var v={};var s=new EventSource('{EVENTS}');s.onmessage=function(e){{if(e.data!==v){{s.close();location.reload()}}}}}})()</script>",
        serde_json::Value::from(version)
    )
}

/// Everything the preview adds to one page.
pub(crate) struct Additions<'a> {
    /// The version the page is served at.
    pub(crate) version: &'a str,
    /// The latest rebuild's problems, if it failed.
    pub(crate) problems: Option<&'a str>,
    /// For a variant's page, its printed handout's path.
    pub(crate) handout: Option<&'a str>,
}

/// `html` as the preview serves it: the problems at the top, PDF links that change with every
/// rebuild (so the browser never shows an old one), a link to the handout, and the reload script.
pub(crate) fn page(html: &[u8], add: &Additions<'_>) -> Vec<u8> {
    let mut html = String::from_utf8_lossy(html).into_owned();
    html = html.replace(".pdf\"", &format!(".pdf?v={}\"", add.version));
    if let Some(problems) = add.problems {
        let top = banner(problems);
        html = match html.find("<body>") {
            Some(i) => format!("{}{top}{}", &html[..i + 6], &html[i + 6..]),
            None => format!("{top}{html}"),
        };
    }
    let mut end = String::new();
    if let Some(pdf) = add.handout {
        end.push_str(BADGE_STYLE);
        end.push_str(&format!(
            "<p class=\"handouts-preview-badge\">Preview: <a href=\"/{}?v={}\" target=\"handouts-pdf\">open the printed handout (PDF)</a></p>",
            escape(pdf),
            escape(add.version)
        ));
    }
    end.push_str(&script(add.version));
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &end),
        None => html.push_str(&end),
    }
    html.into_bytes()
}

/// The badge's look. It floats in a corner only where the window is wider than the page's
/// column (48rem) by the badge's width on each side, so it covers no text; on a phone or a narrow
/// window it is docked at the end of the page, after the footer, where it covers nothing.
const BADGE_STYLE: &str = "<style>.handouts-preview-badge{display:block;margin:1rem;padding:.5rem .8rem;background:#fff;color:#000;border:2px solid #1d4f91;border-radius:6px;font:15px/1.4 sans-serif}@media (min-width:76rem){.handouts-preview-badge{position:fixed;right:1rem;bottom:1rem;z-index:100;margin:0;max-width:calc((100vw - 48rem) / 2 - 2rem)}}</style>";

/// The problems, escaped, in a plain box at the top of the page.
fn banner(problems: &str) -> String {
    format!(
        "<div role=\"alert\" style=\"position:sticky;top:0;z-index:101;margin:0;padding:1rem;background:#fdf1ee;color:#5c120c;border-bottom:3px solid #a3241b\"><pre style=\"margin:0;white-space:pre-wrap;font:15px/1.45 monospace\">{}</pre></div>",
        escape(problems)
    )
}

/// A page of the preview's own (no page of the site to show): a title and a message.
pub(crate) fn own_page(title: &str, message: &str, add: &Additions<'_>) -> Vec<u8> {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main style=\"padding:1rem;font:16px/1.5 sans-serif\"><h1>{}</h1><p>{}</p></main></body></html>",
        escape(title),
        escape(title),
        escape(message)
    );
    page(html.as_bytes(), add)
}
