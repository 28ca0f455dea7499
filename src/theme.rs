//! The theme: Tera templates for pages and the printed handout, plus static files (CSS, icon).
//!
//! The default theme is compiled into the binary so `handouts` works from any folder; a clinic's
//! own theme folder (`--theme`) overrides any file of it, keeping the same layout.

use crate::blank_table::BlankTable;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::edition::{Lang, PrintSize};
use crate::labels::Tables;
use crate::labels::{LabelFiles, LabelSets, Labels};
use crate::section_table::SectionTable;
use handouts_print::{KeepWhole, Style};
use std::path::{Path, PathBuf};
use tera::Tera;

/// Where the default theme lives in the repository, for messages about its files.
const DEFAULT_DIR: &str = "themes/default";

/// Template files: name inside Tera, path inside a theme folder, default text.
const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "base.html",
        "templates/base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        "templates/index.html",
        include_str!("../themes/default/templates/index.html"),
    ),
    (
        "procedure.html",
        "templates/procedure.html",
        include_str!("../themes/default/templates/procedure.html"),
    ),
    (
        "variant.html",
        "templates/variant.html",
        include_str!("../themes/default/templates/variant.html"),
    ),
    (
        "variant_card.html",
        "templates/variant_card.html",
        include_str!("../themes/default/templates/variant_card.html"),
    ),
    (
        "print.html",
        "templates/print.html",
        include_str!("../themes/default/templates/print.html"),
    ),
    (
        "404.html",
        "templates/404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
    (
        "handout.xml",
        "print/handout.xml",
        include_str!("../themes/default/print/handout.xml"),
    ),
];

/// The built-in label sets: language, default text.
const LABELS: &[(&str, &str)] = &[
    ("en", include_str!("../themes/default/labels/en.yaml")),
    ("es", include_str!("../themes/default/labels/es.yaml")),
];

/// The built-in lists of words the printed handouts never break at a line end: language, text.
const KEEP_WHOLE: &[(&str, &str)] = &[
    (
        "en",
        include_str!("../themes/default/print/keep-whole/en.txt"),
    ),
    (
        "es",
        include_str!("../themes/default/print/keep-whole/es.txt"),
    ),
];

/// The built-in table of standard sections.
const SECTIONS: &str = include_str!("../themes/default/sections.yaml");
/// The built-in table of write-in blanks.
const BLANKS: &str = include_str!("../themes/default/blanks.yaml");

/// Static files copied to the output root: path inside a theme folder, default bytes.
const ASSETS: &[(&str, &[u8])] = &[
    (
        "static/style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "static/favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
    (
        "static/fonts/atkinson-hyperlegible-regular.woff2",
        include_bytes!("../themes/default/static/fonts/atkinson-hyperlegible-regular.woff2"),
    ),
    (
        "static/fonts/atkinson-hyperlegible-bold.woff2",
        include_bytes!("../themes/default/static/fonts/atkinson-hyperlegible-bold.woff2"),
    ),
    (
        "static/fonts/atkinson-hyperlegible-italic.woff2",
        include_bytes!("../themes/default/static/fonts/atkinson-hyperlegible-italic.woff2"),
    ),
    (
        "static/fonts/atkinson-hyperlegible-bolditalic.woff2",
        include_bytes!("../themes/default/static/fonts/atkinson-hyperlegible-bolditalic.woff2"),
    ),
];

/// A static file as published: its name in the theme (`style.css`), the path it is published at
/// with a content hash in it (`style.3f9a1c2b.css`), so a web server may cache it forever, and
/// its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    /// The name templates ask for, e.g. `style.css` or `fonts/atkinson-hyperlegible-bold.woff2`.
    pub name: String,
    /// Where it is published, relative to the site root.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Loaded templates and static files.
pub struct Theme {
    /// Every template, by name (`variant.html`, `handout.xml` …).
    pub tera: Tera,
    /// Static files to publish, with content-hashed names.
    pub assets: Vec<Asset>,
    /// Every language's labels: the built-in sets, and any the clinic's theme adds or changes.
    pub labels: LabelSets,
    /// The standard sections, in reading order: `sections.yaml`, the theme's or the built-in one.
    pub sections: SectionTable,
    /// The write-in blanks a handout can carry: `blanks.yaml`, the theme's or the built-in one.
    pub blanks: BlankTable,
    /// The print style of each size: the built-in style with the theme's keys over it.
    styles: Vec<(PrintSize, Style)>,
    /// Each language's words never broken at a line end: the built-in list and the theme's.
    keep_whole: Vec<(Lang, KeepWhole)>,
    /// Template name → the file it came from, for messages.
    sources: Vec<(String, PathBuf)>,
    /// Template name → its text, to quote lines in messages.
    texts: Vec<(String, String)>,
}

impl Theme {
    /// The default theme, with any file present in `dir` taking its place.
    pub fn load(dir: Option<&Path>) -> Result<Theme, Diagnostics> {
        let mut diags = Diagnostics::new();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's own escaper also rewrites `/` as `&#x2F;`, which makes canonical URLs unreadable;
        // escaping & < > " ' is all that text and quoted attributes need, in HTML and in XML.
        tera.set_escape_fn(crate::escape::escape);
        let mut sources = Vec::new();
        let mut texts = Vec::new();
        for (name, rel, default) in TEMPLATES {
            let (path, text) = match read_override(dir, rel, &mut diags) {
                Some((path, bytes)) => match String::from_utf8(bytes) {
                    Ok(t) => (path, t),
                    Err(_) => {
                        diags.push(
                            Diagnostic::error("this template is not UTF-8 text.")
                                .in_file(&path)
                                .hint("save it again with the UTF-8 encoding."),
                        );
                        continue;
                    }
                },
                None => (Path::new(DEFAULT_DIR).join(rel), default.to_string()),
            };
            sources.push((name.to_string(), path));
            texts.push((name.to_string(), text));
        }
        // Templates are added together so `{% extends %}` can refer to any of them.
        if let Err(err) =
            tera.add_raw_templates(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            diags.push(template_error(&err, &sources, &texts));
        }
        let mut files = Vec::new();
        for (rel, default) in ASSETS {
            let bytes =
                read_override(dir, rel, &mut diags).map_or_else(|| default.to_vec(), |(_, b)| b);
            let name = rel.trim_start_matches("static/").to_string();
            files.push((name, bytes));
        }
        let assets = hashed(files);
        let sections = load_table(dir, "sections.yaml", SectionTable::parse, &mut diags)
            .unwrap_or_else(Theme::builtin_sections);
        let blanks = load_table(dir, "blanks.yaml", BlankTable::parse, &mut diags)
            .unwrap_or_else(Theme::builtin_blanks);
        let tables = Tables {
            sections: &sections,
            blanks: &blanks,
        };
        let labels = load_labels(dir, tables, &mut diags);
        let styles = load_styles(dir, &mut diags);
        let keep_whole = load_keep_whole(dir, &labels, &mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Theme {
            tera,
            assets,
            labels,
            sections,
            blanks,
            styles,
            keep_whole,
            sources,
            texts,
        })
    }

    /// Renders template `name`; a failure becomes a diagnostic naming the template file.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostics> {
        self.tera
            .render(name, context)
            .map_err(|err| template_error(&err, &self.sources, &self.texts).into())
    }

    /// The print style of `size` (the built-in one when the theme changes nothing).
    pub fn style(&self, size: PrintSize) -> &Style {
        self.styles
            .iter()
            .find(|(s, _)| *s == size)
            .map_or_else(|| builtin_style(size), |(_, style)| style)
    }

    /// The words of `lang` the printed handouts never break at a line end (empty for a language
    /// without a list).
    pub fn keep_whole(&self, lang: Lang) -> KeepWhole {
        self.keep_whole
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, keep)| keep.clone())
            .unwrap_or_default()
    }

    /// The built-in label sets alone, for checking content when the clinic's theme has errors.
    pub fn builtin_labels() -> LabelSets {
        let (sections, blanks) = (Theme::builtin_sections(), Theme::builtin_blanks());
        let tables = Tables {
            sections: &sections,
            blanks: &blanks,
        };
        load_labels(None, tables, &mut Diagnostics::new())
    }

    /// The built-in table of standard sections, for checking content when the clinic's theme has
    /// errors.
    pub fn builtin_sections() -> SectionTable {
        SectionTable::parse(
            &Path::new(DEFAULT_DIR).join("sections.yaml"),
            SECTIONS,
            &mut Diagnostics::new(),
        )
        .unwrap_or(SectionTable {
            sections: Vec::new(),
        })
    }

    /// The built-in table of write-in blanks, for checking content when the clinic's theme has
    /// errors.
    pub fn builtin_blanks() -> BlankTable {
        BlankTable::parse(
            &Path::new(DEFAULT_DIR).join("blanks.yaml"),
            BLANKS,
            &mut Diagnostics::new(),
        )
        .unwrap_or(BlankTable { blanks: Vec::new() })
    }

    /// The labels of `lang`, if the theme has them (validation checks every listed language).
    pub fn labels(&self, lang: Lang) -> Option<&Labels> {
        self.labels.get(&lang)
    }

    /// The published path of asset `name` (`style.css` → `style.3f9a1c2b.css`).
    pub fn asset_path(&self, name: &str) -> Option<&str> {
        self.assets
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.path.as_str())
    }

    /// Every asset's published path by name, for templates (`{{ root }}{{ assets["style.css"] }}`).
    pub fn asset_paths(&self) -> std::collections::BTreeMap<&str, &str> {
        self.assets
            .iter()
            .map(|a| (a.name.as_str(), a.path.as_str()))
            .collect()
    }

    /// The text of template `name`.
    pub fn template_text(&self, name: &str) -> Option<String> {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
    }

    /// The file template `name` came from.
    pub fn source_of(&self, name: &str) -> PathBuf {
        self.sources
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| PathBuf::from(name), |(_, p)| p.clone())
    }
}

/// The built-in style of a print size.
fn builtin_style(size: PrintSize) -> &'static Style {
    match size {
        PrintSize::Regular => Style::regular(),
        PrintSize::Large => Style::large_print(),
    }
}

/// Each print size's style: the built-in one, with the keys of the theme's `print/style.yaml` or
/// `print/style-large.yaml` over it. A theme file lists only what it changes.
fn load_styles(dir: Option<&Path>, diags: &mut Diagnostics) -> Vec<(PrintSize, Style)> {
    let mut out = Vec::new();
    for size in PrintSize::ALL {
        let base = builtin_style(size);
        let Some((path, bytes)) = read_override(dir, size.style_file(), diags) else {
            out.push((size, base.clone()));
            continue;
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => crate::load::normalise_text(t),
            Err(_) => {
                diags.push(
                    Diagnostic::error("this style file is not UTF-8 text.")
                        .in_file(&path)
                        .hint("save it again with the UTF-8 encoding."),
                );
                continue;
            }
        };
        match base.with_overrides(&text) {
            Ok(style) => out.push((size, style)),
            Err(errors) => {
                for e in errors {
                    let location = Location {
                        line: e.line as usize,
                        column: e.column as usize,
                    };
                    let mut d = Diagnostic::error(e.message.clone())
                        .in_file(&path)
                        .hint("fix the value, or delete the line to keep the default; every key is explained in themes/default/print/style.yaml.");
                    if location.line > 0 {
                        d = d.at(&text, location);
                    }
                    diags.push(d);
                }
            }
        }
    }
    out
}

/// Each labelled language's words never broken at a line end: the built-in
/// `print/keep-whole/<lang>.txt` with the theme's file of that name added to it (a list only grows:
/// a theme's few names of its own should not have to repeat every medicine).
fn load_keep_whole(
    dir: Option<&Path>,
    labels: &LabelSets,
    diags: &mut Diagnostics,
) -> Vec<(Lang, KeepWhole)> {
    let mut out = Vec::new();
    for &lang in labels.keys() {
        let mut keep = KeepWhole::new();
        if let Some((_, text)) = KEEP_WHOLE.iter().find(|(l, _)| *l == lang.as_str()) {
            keep.insert_list(text);
        }
        let rel = format!("print/keep-whole/{lang}.txt");
        if let Some((path, bytes)) = read_override(dir, &rel, diags) {
            match String::from_utf8(bytes) {
                Ok(text) => keep.insert_list(&text),
                Err(_) => diags.push(
                    Diagnostic::error("this word list is not UTF-8 text.")
                        .in_file(&path)
                        .hint("save it again with the UTF-8 encoding."),
                ),
            }
        }
        out.push((lang, keep));
    }
    out
}

/// The theme's table file `name` (`sections.yaml`, `blanks.yaml`) read by `parse`; `None` when
/// the theme has none or it has errors (reported), and the caller takes the built-in one. A theme's
/// table replaces the built-in one whole: it is an ordered list, which keys could not merge into.
fn load_table<T>(
    dir: Option<&Path>,
    name: &str,
    parse: fn(&Path, &str, &mut Diagnostics) -> Option<T>,
    diags: &mut Diagnostics,
) -> Option<T> {
    let (path, bytes) = read_override(dir, name, diags)?;
    let Ok(text) = String::from_utf8(bytes) else {
        diags.push(
            Diagnostic::error(format!("`{name}` is not UTF-8 text."))
                .in_file(&path)
                .hint("save it again with the UTF-8 encoding."),
        );
        return None;
    };
    parse(&path, &crate::load::normalise_text(text), diags)
}

/// The built-in label sets with the theme's `labels/<lang>.yaml` files over them; a theme file for
/// a language the default theme lacks adds that language. Each must name every entry of `tables`.
fn load_labels(dir: Option<&Path>, tables: Tables<'_>, diags: &mut Diagnostics) -> LabelSets {
    let mut langs: Vec<Lang> = LABELS.iter().filter_map(|(l, _)| Lang::parse(l)).collect();
    if let Some(entries) = dir.and_then(|d| std::fs::read_dir(d.join("labels")).ok()) {
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        for name in names {
            let Some(code) = name.strip_suffix(".yaml") else {
                continue;
            };
            match Lang::parse(code) {
                Some(lang) if !langs.contains(&lang) => langs.push(lang),
                Some(_) => {}
                None => diags.push(
                    Diagnostic::error(format!("`{name}` is not named for a language, so it is not used."))
                        .in_file(&dir.map(|d| d.join("labels").join(&name)).unwrap_or_default())
                        .hint("name a labels file for its language's two-letter lowercase code, for example `es.yaml`."),
                ),
            }
        }
    }
    let mut sets = LabelSets::new();
    for lang in langs {
        let rel = format!("labels/{lang}.yaml");
        let default = LABELS
            .iter()
            .find(|(l, _)| *l == lang.as_str())
            .map(|(_, text)| (Path::new(DEFAULT_DIR).join(&rel), *text));
        let theme =
            read_override(dir, &rel, diags).and_then(|(path, bytes)| {
                match String::from_utf8(bytes) {
                    Ok(text) => Some((path, crate::load::normalise_text(text))),
                    Err(_) => {
                        diags.push(
                            Diagnostic::error("this labels file is not UTF-8 text.")
                                .in_file(&path)
                                .hint("save it again with the UTF-8 encoding."),
                        );
                        None
                    }
                }
            });
        let files = LabelFiles {
            lang,
            default,
            theme,
        };
        if let Some(labels) = crate::labels::load(&files, tables, diags) {
            sets.insert(lang, labels);
        }
    }
    sets
}

/// Content-hashed names for `files`. Stylesheets name other assets (`url(fonts/….woff2)`), so
/// those references are rewritten to the hashed names first and the stylesheet hashed after.
fn hashed(files: Vec<(String, Vec<u8>)>) -> Vec<Asset> {
    let (sheets, others): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(name, _)| name.ends_with(".css"));
    let mut assets: Vec<Asset> = others
        .into_iter()
        .map(|(name, bytes)| Asset {
            path: hashed_name(&name, &bytes),
            name,
            bytes,
        })
        .collect();
    for (name, bytes) in sheets {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        for other in &assets {
            text = text.replace(
                &format!("url({})", other.name),
                &format!("url({})", other.path),
            );
        }
        let bytes = text.into_bytes();
        assets.push(Asset {
            path: hashed_name(&name, &bytes),
            name,
            bytes,
        });
    }
    assets.sort_by(|a, b| a.name.cmp(&b.name));
    assets
}

/// `style.css` with the first 8 hex digits of its content's FNV-1a hash before the extension.
pub(crate) fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = crate::fnv::hash(bytes);
    let short = format!("{:08x}", hash >> 32);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{name}.{short}"),
    }
}

fn read_override(
    dir: Option<&Path>,
    rel: &str,
    diags: &mut Diagnostics,
) -> Option<(PathBuf, Vec<u8>)> {
    let path = dir?.join(rel);
    if !path.exists() {
        return None;
    }
    match std::fs::read(&path) {
        Ok(bytes) => Some((path, bytes)),
        Err(err) => {
            diags.push(
                Diagnostic::error(format!(
                    "this theme file could not be read: {}.",
                    crate::load::io_words(Some(&err))
                ))
                .in_file(&path),
            );
            None
        }
    }
}

/// A Tera error as a diagnostic: the template's file, the line and column Tera names, and the
/// whole chain of causes in one sentence.
///
/// This is the one place that still reads a location out of message text: Tera 1 reports parse
/// errors as a pest-formatted string (`--> 58:104`) and exposes no structured position, so the
/// text is all there is. Every other parser (YAML, Markdown, print XML, style files) hands over
/// its position as a value.
fn template_error(
    err: &tera::Error,
    sources: &[(String, PathBuf)],
    texts: &[(String, String)],
) -> Diagnostic {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    let all = parts.join("\n");
    let name = sources
        .iter()
        .map(|(n, _)| n)
        .find(|n| all.contains(&format!("'{n}'")) || all.contains(&format!("`{n}`")))
        .cloned();
    let location = all.split("--> ").nth(1).and_then(|rest| {
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some(Location {
            line: nums.next()?.parse().ok()?,
            column: nums.next()?.parse().ok()?,
        })
    });
    let first = parts
        .iter()
        .rev()
        .find(|p| !p.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let summary: String = first
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    let message = format!(
        "the template could not be used: {}",
        summary.trim_start_matches('=').trim().trim_end_matches('.')
    );
    let mut d = Diagnostic::error(format!("{message}."))
        .hint("fix the template, or delete it from your theme folder to use the default.");
    if let Some(name) = name {
        d = d.in_file(
            &sources
                .iter()
                .find(|(n, _)| *n == name)
                .map_or_else(|| PathBuf::from(&name), |(_, p)| p.clone()),
        );
        if let (Some(loc), Some((_, text))) = (location, texts.iter().find(|(n, _)| *n == name)) {
            d = d.at(text, loc);
        } else if let Some(loc) = location {
            d.location = Some(loc);
        }
    }
    d
}
