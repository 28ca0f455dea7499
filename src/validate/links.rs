//! Links in the body: which are allowed, and local files that must be published with the page.
//!
//! Web, phone and e-mail links pass through. A relative link names a file inside `content/`
//! (a consent form, a price list): it must exist, stay inside the folder (no `../` out of it,
//! no absolute path, no symbolic link to elsewhere), and is published at the same place under
//! the site, so its link becomes that absolute URL, which works on the page and on paper alike.

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Content;
use crate::model::{walk_mut, Attachment, BaseUrl, Block, Inline};
use crate::validate::sections::{Body, SectionMap};
use pulldown_cmark::{Event, Tag};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// What every content file is read against: the folder, the site's address, the clinic's HTML allow-list.
pub(crate) struct ContentContext {
    /// The content folder, as given (for messages) and resolved (for containment checks).
    pub root: PathBuf,
    /// The content folder with symbolic links resolved.
    pub real_root: Option<PathBuf>,
    /// Where the site is published, when `clinic.yaml` could be read.
    pub base_url: Option<BaseUrl>,
    /// Raw HTML tags editors may use.
    pub allowed_html: Vec<String>,
    /// Pictures, read and checked once each.
    pub images: crate::validate::images::Images,
}

/// The links of one file: how to rewrite local ones, and the files to publish.
#[derive(Default)]
pub(crate) struct Checked {
    rewrites: BTreeMap<String, String>,
    /// Local files the links point at.
    pub attachments: Vec<Attachment>,
}

/// Checks every link in `body`, reporting the ones that cannot be published.
pub(crate) fn check(body: &Body<'_>, ctx: &ContentContext, diags: &mut Diagnostics) -> Checked {
    let mut checked = Checked::default();
    for (event, range) in body.markdown.events() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let href = dest_url.trim();
        if href.is_empty() || crate::markdown::unsafe_scheme(href).is_some() {
            continue; // handled where the Markdown is read
        }
        let error = |message: String, hint: &str| {
            Diagnostic::error(message)
                .in_file(body.file)
                .at_offset(body.text, body.offset + range.start)
                .hint(hint)
        };
        if let Some(scheme) = scheme(href) {
            if !matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel") {
                diags.push(error(
                    format!("links starting with `{scheme}:` cannot be opened by patients."),
                    "link to a web page (https://…), a phone number (tel:…) or an e-mail address (mailto:…).",
                ));
            }
            continue;
        }
        if href.starts_with('#') {
            diags.push(error(
                "links to a place on the same page are not supported; they do nothing on paper."
                    .into(),
                "name the section in words instead, for example \"see When to call us\".",
            ));
            continue;
        }
        if href.starts_with('/') || href.starts_with('\\') {
            diags.push(error(
                format!("the link `{href}` is an absolute path; links to files must stay inside the content folder."),
                "write the path relative to this file, for example `forms/consent.pdf`, or use a full https:// address.",
            ));
            continue;
        }
        match local(body.file, href, ctx) {
            Ok((source, site_path)) => {
                let url = ctx
                    .base_url
                    .as_ref()
                    .map_or_else(|| site_path.clone(), |b| b.join(&site_path));
                checked.rewrites.insert(href.to_string(), url);
                checked.attachments.push(Attachment {
                    source,
                    path: site_path,
                });
            }
            Err((message, hint)) => diags.push(error(message, hint)),
        }
    }
    checked
}

/// The scheme of `href`, lowercased, if it has one.
fn scheme(href: &str) -> Option<String> {
    let (scheme, _) = href.split_once(':')?;
    let valid = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// What a path in the body is, for messages: a link to a file, or a picture.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Noun {
    /// `[words](forms/consent.pdf)`.
    Link,
    /// `![alt](images/day-3.jpg)`.
    Picture,
}

impl Noun {
    /// "the link" / "the picture", naming what was written.
    fn written(self) -> &'static str {
        match self {
            Noun::Link => "the link",
            Noun::Picture => "the picture",
        }
    }

    /// "the linked file" / "the picture", naming the file it leads to.
    fn file(self) -> &'static str {
        match self {
            Noun::Link => "the linked file",
            Noun::Picture => "the picture",
        }
    }
}

/// Resolves a relative link from `file` to a file inside the content folder.
fn local(
    file: &Path,
    href: &str,
    ctx: &ContentContext,
) -> Result<(PathBuf, String), (String, &'static str)> {
    resolve(file, href, &ctx.root, ctx.real_root.as_deref(), Noun::Link)
}

/// Resolves a relative path written in `file` to a file inside the content folder `root` (`real_root`
/// with symbolic links resolved): its path on disk and its path under the site.
pub(crate) fn resolve(
    file: &Path,
    href: &str,
    root: &Path,
    real_root: Option<&Path>,
    noun: Noun,
) -> Result<(PathBuf, String), (String, &'static str)> {
    let (what, target) = (noun.written(), noun.file());
    let path_part = href.split(['?', '#']).next().unwrap_or(href);
    let dir = file.parent().unwrap_or(Path::new("."));
    let rel_dir = dir.strip_prefix(root).unwrap_or(Path::new(""));
    // Resolve `.` and `..` by hand: the file may not exist, and escaping must be caught either way.
    let mut parts: Vec<String> = rel_dir
        .components()
        .filter_map(|c| c.as_os_str().to_str().map(str::to_string))
        .collect();
    for c in Path::new(path_part).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err((
                        format!("{what} `{href}` leads out of the content folder."),
                        "put the file inside the content folder and link to it from there, for example `forms/consent.pdf`.",
                    ));
                }
            }
            _ => {
                return Err((
                    format!("{what} `{href}` is not a path inside the content folder."),
                    "write a relative path such as `forms/consent.pdf`.",
                ))
            }
        }
    }
    let site_path = parts.join("/");
    let source = root.join(&site_path);
    if !source.is_file() {
        return Err((
            format!("{target} `{site_path}` does not exist in the content folder."),
            "check the spelling of the path, or add the file; paths are relative to this Markdown file.",
        ));
    }
    if site_path.ends_with(".md") || site_path.ends_with(".yaml") {
        return Err((
            format!("the link `{href}` points at a content file, which is not published as it is."),
            "link to the handout's web address (https://…) instead.",
        ));
    }
    let real = std::fs::canonicalize(&source).ok();
    let inside = match (&real, real_root) {
        (Some(real), Some(root)) => real.starts_with(root),
        _ => false,
    };
    if !inside {
        return Err((
            format!(
                "{target} `{site_path}` is a symbolic link to a file outside the content folder."
            ),
            "copy the file into the content folder instead of linking to it.",
        ));
    }
    Ok((source, site_path))
}

impl Checked {
    /// Rewrites the local links in `sections` to the published files' addresses.
    pub(crate) fn rewrite(&self, sections: &mut SectionMap) {
        if self.rewrites.is_empty() {
            return;
        }
        for content in sections.contents_mut() {
            match content {
                Content::Prose(blocks) => blocks.iter_mut().for_each(|b| self.block(b)),
                Content::Points(p) => p.blocks.iter_mut().for_each(|b| self.block(b)),
                Content::Timeline(t) => {
                    t.intro.iter_mut().for_each(|i| self.inlines(i));
                    t.stages.iter_mut().for_each(|s| self.inlines(&mut s.text));
                }
                Content::Faq(f) => f
                    .entries
                    .iter_mut()
                    .flat_map(|e| e.answer.iter_mut())
                    .for_each(|b| self.block(b)),
            }
        }
    }

    fn block(&self, block: &mut Block) {
        match block {
            Block::Paragraph(i) | Block::Subheading(i) => self.inlines(i),
            Block::List(list) => self.list(list),
            Block::Figure(f) => self.inlines(&mut f.caption),
            Block::Table(t) => t
                .head
                .iter_mut()
                .chain(t.rows.iter_mut().flatten())
                .for_each(|c| self.inlines(c)),
            Block::Callout(c) => c.blocks.iter_mut().for_each(|b| self.block(b)),
        }
    }

    fn list(&self, list: &mut crate::model::List) {
        for item in &mut list.items {
            self.inlines(&mut item.text);
            if let Some(nested) = &mut item.nested {
                self.list(nested);
            }
        }
    }

    fn inlines(&self, inlines: &mut [Inline]) {
        walk_mut(inlines, &mut |inline| {
            if let Inline::Link { href, .. } = inline {
                if let Some(url) = self.rewrites.get(href.as_str()) {
                    *href = url.clone();
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_links_are_rewritten_at_any_depth() {
        let checked = Checked {
            rewrites: BTreeMap::from([(
                "forms/a.pdf".to_string(),
                "https://x.example/p/forms/a.pdf".to_string(),
            )]),
            attachments: Vec::new(),
        };
        let link = |href: &str| Inline::Link {
            href: href.into(),
            children: vec![Inline::Text("form".into())],
        };
        let mut items = vec![
            Inline::Strong(vec![link("forms/a.pdf")]),
            Inline::Tagged {
                tag: "sup".into(),
                children: vec![link("forms/a.pdf")],
            },
            link("https://y.example/"),
        ];
        checked.inlines(&mut items);
        let rewritten = link("https://x.example/p/forms/a.pdf");
        assert_eq!(
            items,
            vec![
                Inline::Strong(vec![rewritten.clone()]),
                Inline::Tagged {
                    tag: "sup".into(),
                    children: vec![rewritten],
                },
                link("https://y.example/"),
            ]
        );
    }
}
