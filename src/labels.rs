//! Labels: every fixed word a reader sees, per language, from the theme's `labels/<lang>.yaml`.
//!
//! Section titles and the heading aliases editors may write, month names and the date format, and
//! the words of pages and printed handouts all live in these files, so a new language is a new file
//! and Rust code holds no reader-facing English. A clinic's theme overrides single keys; a key that is
//! missing after that is an error naming the file and the key.

use crate::blank_table::{Blank, BlankTable};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::edition::Lang;
use crate::model::Date;
use crate::section_table::{SectionTable, Standard};
use crate::yaml::{self, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every plain-text label a theme's templates and the renderers may use.
pub const KEYS: &[&str] = &[
    "language_name",
    "html_lang",
    "pdf_lang",
    "og_locale",
    "date_format",
    "skip_link",
    "header_call",
    "footer_phone",
    "after_hours",
    "disclaimer",
    "language_switcher",
    "index_title",
    "feed_title",
    "station_title",
    "station_intro",
    "station_search",
    "station_search_hint",
    "station_none",
    "station_handout",
    "station_language",
    "station_pages",
    "station_reviewed",
    "station_print",
    "station_regular",
    "station_large",
    "not_found_title",
    "not_found_text",
    "not_found_home",
    "index_description",
    "breadcrumb",
    "all_handouts",
    "choose_treatment",
    "fact_sessions",
    "fact_downtime",
    "fact_questions",
    "print_handout",
    "print_large",
    "pdf_note",
    "on_this_page",
    "call_now",
    "after_hours_colon",
    "review_note",
    "card_reviewed",
    "printable_pdf",
    "printable_pdf_of",
    "print_fact_questions",
    "print_call",
    "print_reviewed",
    "print_questions_call",
    "print_scan",
    "print_page",
    "print_continued",
    "print_qr_alt",
    "print_running",
    "print_form",
    "emergency_line",
    "source",
    "callout_note",
    "callout_tip",
    "callout_important",
    "callout_warning",
    "callout_caution",
    "blank",
    // Written by `handouts new` into a new handout, for its editor.
    "new_placeholder",
    "new_title_note",
    "new_summary",
    "new_reviewed_note",
    "new_reviewed_by",
    "new_optional_note",
    "new_sessions_example",
    "new_downtime_example",
    "new_shared_note",
    "new_procedure_summary",
    "new_procedure_note",
    "new_what_it_is",
    "new_what_to_expect",
    "new_timeline_when",
    "new_timeline_what",
    "new_do",
    "new_dont",
    "new_risks",
    "new_when_to_call",
    "new_faq_question",
    "new_faq_answer",
    "new_before_your_visit",
    "new_more_note",
    "new_more_sections",
    "new_more_own",
    "new_more_lists",
    "new_more_table",
    "new_more_callout",
    "new_more_blank",
];

/// Where a label a theme may leave out takes its words from when it does.
#[derive(Clone, Copy, Debug)]
pub enum Fallback {
    /// Another label of the same language (always present).
    Label(&'static str),
    /// These words.
    Text(&'static str),
}

/// Labels a theme may leave out, each with what stands in: a theme written before the label
/// existed still builds, and its pages show the older, more general words.
pub const OPTIONAL: &[(&str, Fallback)] = &[
    ("skip_link_index", Fallback::Label("skip_link")),
    ("skip_link_procedure", Fallback::Label("skip_link")),
    ("skip_link_station", Fallback::Label("skip_link")),
    ("skip_link_not_found", Fallback::Label("skip_link")),
    ("disclaimer_one", Fallback::Label("disclaimer")),
    ("card_in_language", Fallback::Text("{language}")),
];

/// The label sets of a theme, by language.
pub type LabelSets = BTreeMap<Lang, Labels>;

/// Keys holding lists or mappings rather than one text.
const STRUCTURED: &[&str] = &["months", "sections", "blanks", "language_names"];

/// The theme's tables whose every entry the labels must name.
#[derive(Clone, Copy, Debug)]
pub struct Tables<'a> {
    /// The standard sections (`sections.yaml`): each needs a title under `sections:`.
    pub sections: &'a SectionTable,
    /// The write-in blanks (`blanks.yaml`): each needs a label under `blanks:`.
    pub blanks: &'a BlankTable,
}

/// One section's heading and the other headings that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionLabel {
    /// Shown on pages and handouts, and the heading editors are told to write.
    pub title: String,
    /// Other headings accepted for the section.
    pub aliases: Vec<String>,
}

/// The labels of one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// Which language they are for.
    pub lang: Lang,
    /// The file they came from (the theme's override when there is one), for messages.
    pub source: PathBuf,
    /// Plain labels by key (see [`KEYS`]).
    pub strings: BTreeMap<String, String>,
    /// Month names, January first.
    pub months: Vec<String>,
    /// Each standard section of the theme's table, in reading order, with its labels.
    pub sections: Vec<(Standard, SectionLabel)>,
    /// Each write-in blank of the theme's table, in table order, with its label.
    pub blanks: Vec<(Blank, String)>,
    /// Other languages' names in this language's words, by language code (`en: inglés`).
    pub language_names: BTreeMap<String, String>,
}

impl Labels {
    /// The label `key` (every key of [`KEYS`] is present once loading succeeded).
    pub fn get(&self, key: &str) -> &str {
        self.strings.get(key).map_or("", String::as_str)
    }

    /// The label `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.get(key), values)
    }

    /// A date in this language's words, e.g. `14 September 2026` or `14 de septiembre de 2026`.
    pub fn date(&self, date: Date) -> String {
        let month = self
            .months
            .get((date.month() as usize).saturating_sub(1))
            .map_or("", String::as_str);
        self.fill(
            "date_format",
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// The heading shown for the standard section `key`.
    pub fn section_title(&self, key: &str) -> &str {
        self.sections
            .iter()
            .find(|(k, _)| k.key == key)
            .map_or("", |(_, l)| l.title.as_str())
    }

    /// The language of `other` named in this language's words (`inglés` in Spanish labels), from
    /// `language_names:`, else in its own words.
    pub fn language_in_words(&self, other: &Labels) -> String {
        self.language_names
            .get(other.lang.as_str())
            .cloned()
            .unwrap_or_else(|| other.get("language_name").to_string())
    }

    /// The write-in blank `name` and its label, if the theme has it.
    pub fn blank(&self, name: &str) -> Option<(&Blank, &str)> {
        self.blanks
            .iter()
            .find(|(b, _)| b.name == name)
            .map(|(b, l)| (b, l.as_str()))
    }

    /// The names of the blanks `write_in: true` prints, in table order.
    pub fn default_blanks(&self) -> Vec<String> {
        self.blanks
            .iter()
            .filter(|(b, _)| b.default)
            .map(|(b, _)| b.name.clone())
            .collect()
    }

    /// Which standard section `heading` names: its title or an alias, ignoring case, accents, the
    /// shape of apostrophes, extra spaces, a trailing colon, and a plural `s` (`FAQs`, `Risk`).
    pub fn section_of(&self, heading: &str) -> Option<&Standard> {
        let wanted = normalise_heading(heading);
        self.all_headings()
            .into_iter()
            .find(|(name, _)| same_but_plural(name, &wanted))
            .map(|(_, standard)| standard)
    }

    /// The standard sections, in reading order.
    pub fn standard(&self) -> impl Iterator<Item = &Standard> {
        self.sections.iter().map(|(s, _)| s)
    }

    /// Every heading accepted for any standard section, normalised, with its key (for
    /// did-you-mean).
    pub fn all_headings(&self) -> Vec<(String, &Standard)> {
        self.sections
            .iter()
            .flat_map(|(k, l)| {
                std::iter::once(&l.title)
                    .chain(&l.aliases)
                    .map(move |name| (normalise_heading(name), k))
            })
            .collect()
    }
}

/// Whether two normalised headings are the same, or the same but for a final `s` on one of them.
fn same_but_plural(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// `text` with each `{name}` replaced by its value; unknown names are left as written.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A heading reduced to what matching compares: lowercase, without accents, with straight
/// apostrophes, single spaces and no trailing colon.
pub fn normalise_heading(heading: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lower: String = heading
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '`'], "'")
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.join(" ").trim_end_matches(':').trim_end().to_string()
}

/// A labels file as read: the built-in default and, when the clinic's theme has one, its override.
pub struct LabelFiles<'a> {
    /// The language.
    pub lang: Lang,
    /// The built-in file's path (for messages) and text, if the default theme has this language.
    pub default: Option<(PathBuf, &'a str)>,
    /// The theme's file, if any.
    pub theme: Option<(PathBuf, String)>,
}

/// Reads one language's labels: the theme's keys over the built-in ones. Every problem is reported.
pub fn load(files: &LabelFiles<'_>, tables: Tables<'_>, diags: &mut Diagnostics) -> Option<Labels> {
    let before = diags.error_count();
    let mut merged: Vec<(String, Value)> = Vec::new();
    let mut source = PathBuf::new();
    let layers = files
        .default
        .iter()
        .map(|(p, t)| (p.clone(), *t))
        .chain(files.theme.iter().map(|(p, t)| (p.clone(), t.as_str())));
    let mut texts: Vec<(PathBuf, String)> = Vec::new();
    for (path, text) in layers {
        source = path.clone();
        texts.push((path.clone(), text.to_string()));
        let Some(entries) = read_mapping(&path, text, diags) else {
            continue;
        };
        for (key, value) in entries {
            let optional = OPTIONAL.iter().any(|(k, _)| *k == key);
            if !KEYS.contains(&key.as_str()) && !STRUCTURED.contains(&key.as_str()) && !optional {
                let all: Vec<&str> = KEYS
                    .iter()
                    .chain(STRUCTURED)
                    .copied()
                    .chain(OPTIONAL.iter().map(|(k, _)| *k))
                    .collect();
                let hint = match did_you_mean(&key, &all) {
                    Some(s) => format!("did you mean `{s}`? Otherwise delete the line."),
                    None => "delete the line; the labels a theme can set are listed in themes/default/labels/en.yaml.".into(),
                };
                diags.push(located(
                    Diagnostic::error(format!("`{key}` is not a label handouts knows."))
                        .in_file(&path)
                        .hint(hint),
                    text,
                    &key,
                ));
                continue;
            }
            // A theme's `blanks:` adds to or changes single blanks' words (a theme that adds a
            // blank names only it); other keys replace the built-in value whole.
            if let (Value::Mapping(new), Some((_, Value::Mapping(old)))) = (
                &value,
                merged.iter_mut().find(|(k, _)| *k == key && k == "blanks"),
            ) {
                for (name, label) in new {
                    old.retain(|(n, _)| n != name);
                    old.push((name.clone(), label.clone()));
                }
                continue;
            }
            merged.retain(|(k, _)| *k != key);
            merged.push((key, value));
        }
    }
    let (path, text) = texts.last().cloned().unwrap_or_default();
    let missing = |key: &str, diags: &mut Diagnostics| {
        diags.push(
            Diagnostic::error(format!(
                "the label `{key}` is missing from the {} labels.",
                files.lang
            ))
            .in_file(&path)
            .hint(format!(
                "add a line `{key}: …` with the words to show (themes/default/labels/en.yaml has every label, in English)."
            )),
        );
    };
    let mut strings = BTreeMap::new();
    for key in KEYS {
        match merged.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(Value::Scalar(s)) => {
                strings.insert(key.to_string(), s.clone());
            }
            Some(_) => diags.push(located(
                Diagnostic::error(format!("the label `{key}` must be one line of text."))
                    .in_file(&path)
                    .hint(format!("write it as `{key}: \"…\"`.")),
                &text,
                key,
            )),
            None => missing(key, diags),
        }
    }
    for (key, fallback) in OPTIONAL {
        let words = match merged.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(Value::Scalar(s)) => s.clone(),
            Some(_) => {
                diags.push(located(
                    Diagnostic::error(format!("the label `{key}` must be one line of text."))
                        .in_file(&path)
                        .hint(format!("write it as `{key}: \"…\"`.")),
                    &text,
                    key,
                ));
                continue;
            }
            None => match fallback {
                Fallback::Label(other) => strings.get(*other).cloned().unwrap_or_default(),
                Fallback::Text(words) => (*words).to_string(),
            },
        };
        strings.insert((*key).to_string(), words);
    }
    let language_names = language_names(
        merged
            .iter()
            .find(|(k, _)| k == "language_names")
            .map(|(_, v)| v),
        &path,
        &text,
        diags,
    );
    let months = match merged.iter().find(|(k, _)| k == "months").map(|(_, v)| v) {
        Some(Value::Sequence(items))
            if items.len() == 12 && items.iter().all(|i| matches!(i, Value::Scalar(_))) =>
        {
            items
                .iter()
                .filter_map(|i| match i {
                    Value::Scalar(s) => Some(s.clone()),
                    _ => None,
                })
                .collect()
        }
        Some(_) => {
            diags.push(located(
                Diagnostic::error("`months` must list the twelve month names, January first.")
                    .in_file(&path)
                    .hint("write it as `months: [January, February, …, December]` in the file's language."),
                &text,
                "months",
            ));
            Vec::new()
        }
        None => {
            missing("months", diags);
            Vec::new()
        }
    };
    let sections = sections(
        merged.iter().find(|(k, _)| k == "sections").map(|(_, v)| v),
        tables.sections,
        &path,
        &text,
        files.lang,
        diags,
    );
    let blanks = blanks(
        merged.iter().find(|(k, _)| k == "blanks").map(|(_, v)| v),
        tables.blanks,
        &path,
        &text,
        files.lang,
        diags,
    );
    if diags.error_count() > before {
        return None;
    }
    Some(Labels {
        lang: files.lang,
        source,
        strings,
        months,
        sections,
        blanks,
        language_names,
    })
}

/// The optional `language_names:` mapping: other languages' names in this language's words.
fn language_names(
    value: Option<&Value>,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    match value {
        None => {}
        Some(Value::Mapping(entries)) => {
            for (code, name) in entries {
                match name {
                    Value::Scalar(name) => {
                        names.insert(code.clone(), name.clone());
                    }
                    _ => diags.push(located(
                        Diagnostic::error(format!(
                            "the name of the language `{code}` in `language_names` must be one line of text."
                        ))
                        .in_file(path)
                        .hint(format!("write it as `  {code}: \"…\"`.")),
                        text,
                        code,
                    )),
                }
            }
        }
        Some(_) => diags.push(located(
            Diagnostic::error(
                "`language_names` must name other languages in this language’s words.",
            )
            .in_file(path)
            .hint("write it as `language_names:` with lines like `  en: \"inglés\"` under it."),
            text,
            "language_names",
        )),
    }
    names
}

/// The `blanks:` mapping: a label for each blank of the table.
fn blanks(
    value: Option<&Value>,
    table: &BlankTable,
    path: &Path,
    text: &str,
    lang: Lang,
    diags: &mut Diagnostics,
) -> Vec<(Blank, String)> {
    let names: Vec<&str> = table.names().collect();
    let entries = table_entries(
        value,
        &names,
        ("blanks", "the blanks", "blanks.yaml"),
        "`blanks` must give each write-in blank's label.",
        (path, text),
        diags,
    );
    let mut out = Vec::new();
    for blank in &table.blanks {
        match entries
            .iter()
            .find(|(n, _)| *n == blank.name)
            .map(|(_, v)| v)
        {
            Some(Value::Scalar(label)) if !label.trim().is_empty() => {
                out.push((blank.clone(), label.clone()));
            }
            _ => diags.push(
                Diagnostic::error(format!(
                    "the {lang} labels have no label for the write-in blank `{}`.",
                    blank.name
                ))
                .in_file(path)
                .hint(format!(
                    "add it under `blanks:`, for example\n  {}: \"…\"",
                    blank.name
                )),
            ),
        }
    }
    out
}

/// The entries of a labels mapping that names the entries of a theme table (`sections:`,
/// `blanks:`), each name checked against `names`: `(key, "the sections", "sections.yaml")` words
/// the messages, `shape` is the message when the value is not a mapping.
fn table_entries<'v>(
    value: Option<&'v Value>,
    names: &[&str],
    (key, these, file): (&str, &str, &str),
    shape: &str,
    (path, text): (&Path, &str),
    diags: &mut Diagnostics,
) -> &'v [(String, Value)] {
    let entries = match value {
        Some(Value::Mapping(entries)) => entries.as_slice(),
        Some(_) => {
            diags.push(located(
                Diagnostic::error(shape)
                    .in_file(path)
                    .hint("see themes/default/labels/en.yaml for the layout."),
                text,
                key,
            ));
            return &[];
        }
        None => &[],
    };
    for (name, _) in entries {
        if !names.contains(&name.as_str()) {
            let hint = match did_you_mean(name, names) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("{these} are {}.", names.join(", ")),
            };
            diags.push(located(
                Diagnostic::error(format!("`{name}` is not one of {these} of {file}."))
                    .in_file(path)
                    .hint(hint),
                text,
                name,
            ));
        }
    }
    entries
}

/// The `sections:` mapping: a title (and optional aliases) for each section of the table.
fn sections(
    value: Option<&Value>,
    table: &SectionTable,
    path: &Path,
    text: &str,
    lang: Lang,
    diags: &mut Diagnostics,
) -> Vec<(Standard, SectionLabel)> {
    let ids: Vec<&str> = table.keys().collect();
    let entries = table_entries(
        value,
        &ids,
        ("sections", "the sections", "sections.yaml"),
        "`sections` must give each section's `title:`.",
        (path, text),
        diags,
    );
    let mut out = Vec::new();
    for standard in &table.sections {
        let key = standard.key.as_str();
        let entry = entries.iter().find(|(id, _)| id == key).map(|(_, v)| v);
        let field = |name: &str| match entry {
            Some(Value::Mapping(m)) => m.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        };
        let title = match field("title") {
            Some(Value::Scalar(t)) if !t.trim().is_empty() => t.clone(),
            _ => {
                diags.push(
                    Diagnostic::error(format!(
                        "the {lang} labels have no `title` for the section `{key}`."
                    ))
                    .in_file(path)
                    .hint(format!(
                        "add it under `sections:`, for example\n  {key}:\n    title: \"…\""
                    )),
                );
                continue;
            }
        };
        let aliases = match field("aliases") {
            Some(Value::Sequence(items)) => items
                .iter()
                .filter_map(|i| match i {
                    Value::Scalar(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        out.push((standard.clone(), SectionLabel { title, aliases }));
    }
    out
}

fn read_mapping(path: &Path, text: &str, diags: &mut Diagnostics) -> Option<Vec<(String, Value)>> {
    match yaml::parse(text) {
        Ok(Value::Mapping(entries)) => Some(entries),
        Ok(Value::Null) => Some(Vec::new()),
        Ok(_) => {
            diags.push(
                Diagnostic::error("a labels file must be a list of `key: value` lines.")
                    .in_file(path)
                    .hint("see themes/default/labels/en.yaml for the layout."),
            );
            None
        }
        Err(errors) => {
            yaml::report(errors, path, text, diags);
            None
        }
    }
}

/// Points `d` at the line where `key:` is written, when it can be found.
fn located(d: Diagnostic, text: &str, key: &str) -> Diagnostic {
    let found = text.split('\n').enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start().len();
        line.trim_start()
            .strip_prefix(key)
            .filter(|rest| rest.trim_start().starts_with(':'))
            .map(|_| Location {
                line: i + 1,
                column: indent + 1,
            })
    });
    match found {
        Some(l) => d.at(text, l),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = include_str!("../themes/default/labels/en.yaml");
    const ES: &str = include_str!("../themes/default/labels/es.yaml");

    fn labels(lang: &str, default: &str, theme: Option<&str>) -> (Option<Labels>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let files = LabelFiles {
            lang: Lang::parse(lang).unwrap_or(Lang::EN),
            default: Some((
                PathBuf::from(format!("themes/default/labels/{lang}.yaml")),
                default,
            )),
            theme: theme.map(|t| {
                (
                    PathBuf::from(format!("mytheme/labels/{lang}.yaml")),
                    t.to_string(),
                )
            }),
        };
        let (sections, blanks) = (
            crate::theme::Theme::builtin_sections(),
            crate::theme::Theme::builtin_blanks(),
        );
        let tables = Tables {
            sections: &sections,
            blanks: &blanks,
        };
        (load(&files, tables, &mut diags), diags)
    }

    #[test]
    fn the_built_in_label_sets_are_complete() {
        for (lang, text) in [("en", EN), ("es", ES)] {
            let (l, diags) = labels(lang, text, None);
            assert!(diags.is_empty(), "{lang}: {diags}");
            let l = l.unwrap_or_else(|| panic!("{lang} labels"));
            assert_eq!(l.sections.len(), 9);
            assert_eq!(l.months.len(), 12);
        }
    }

    #[test]
    fn every_built_in_label_has_typographic_quotes_and_apostrophes() {
        for (lang, text) in [("en", EN), ("es", ES)] {
            let (l, _) = labels(lang, text, None);
            let l = l.unwrap_or_else(|| panic!("{lang} labels"));
            let sections = l
                .sections
                .iter()
                .flat_map(|(_, s)| std::iter::once(&s.title).chain(&s.aliases));
            let mut checked = 0;
            for value in l.strings.values().chain(sections).chain(&l.months) {
                // Straight quotes are a typewriter's; print and screen get ’ “ ” (and « » in Spanish).
                assert!(
                    !value.contains(['\'', '"']),
                    "{lang}: {value:?} has a straight quote or apostrophe"
                );
                checked += 1;
            }
            assert!(checked > 80, "{lang}: only {checked} labels");
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let date = Date::parse("2026-09-14").unwrap_or_else(|_| panic!("date"));
        let (en, _) = labels("en", EN, None);
        let (es, _) = labels("es", ES, None);
        assert_eq!(en.map(|l| l.date(date)), Some("14 September 2026".into()));
        assert_eq!(
            es.map(|l| l.date(date)),
            Some("14 de septiembre de 2026".into())
        );
    }

    #[test]
    fn headings_match_without_case_accents_or_curly_apostrophes() {
        let (es, _) = labels("es", ES, None);
        let es = es.unwrap_or_else(|| panic!("es labels"));
        assert_eq!(
            es.section_of("Que esperar").map(|s| s.key.as_str()),
            Some("what-to-expect")
        );
        assert_eq!(
            es.section_of("CUÁNDO LLAMAR:").map(|s| s.key.as_str()),
            Some("when-to-call")
        );
        assert_eq!(es.section_of("Evite").map(|s| s.key.as_str()), Some("dont"));
        let (en, _) = labels("en", EN, None);
        let en = en.unwrap_or_else(|| panic!("en labels"));
        assert_eq!(
            en.section_of("Don\u{2019}ts").map(|s| s.key.as_str()),
            Some("dont")
        );
        assert!(en.section_of("Qué esperar").is_none());
    }

    #[test]
    fn a_theme_overrides_single_keys_and_unknown_or_missing_ones_are_named() {
        let (l, diags) = labels("en", EN, Some("print_handout: \"Print me\"\n"));
        assert!(diags.is_empty(), "{diags}");
        assert_eq!(
            l.map(|l| l.get("print_handout").to_string()),
            Some("Print me".into())
        );

        let (_, diags) = labels("en", EN, Some("print_handot: x\n"));
        let text = diags.to_string();
        assert!(
            text.contains(
                "mytheme/labels/en.yaml:1:1: `print_handot` is not a label handouts knows."
            ),
            "{text}"
        );
        assert!(text.contains("did you mean `print_handout`?"), "{text}");

        let (_, diags) = labels("fr", "language_name: Français\n", None);
        let text = diags.to_string();
        assert!(text.contains("themes/default/labels/fr.yaml: the label `skip_link` is missing from the fr labels."), "{text}");
    }
}
