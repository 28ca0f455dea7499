//! `clinic.yaml` → [`Clinic`]: the clinic's name, phones, address and where the site is published.

use super::fields::{Describe, Fields};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::model::{BaseUrl, Clinic, Lang, Paper, Phone};

const CLINIC_KEYS: Describe = Describe {
    what: "clinic.yaml",
    keys: &[
        "allowed_html",
        "name",
        "phone",
        "after_hours_phone",
        "address",
        "email",
        "site",
        "paper",
        "review_interval_months",
        "languages",
        "max_grade",
        "logo",
        "required_sections",
        "emergency",
        "keep_whole",
    ],
};
const SITE_KEYS: Describe = Describe {
    what: "`site`",
    keys: &["base_url", "noindex"],
};

/// Reads the clinic file; every problem in it is reported. `known` are the languages the theme has
/// labels for.
pub(crate) fn clinic(
    file: &SourceFile,
    labels: &crate::labels::LabelSets,
    images: &super::images::Images,
    diags: &mut Diagnostics,
) -> Option<Clinic> {
    let before = diags.error_count();
    let mut fields = Fields::parse(&file.path, &file.text, &file.text, 0, diags)?;
    fields.reject_unknown(&CLINIC_KEYS, diags);
    let name = fields.text("name", true, "Maple Grove Skin Clinic", diags);
    let main_phone = phone(&fields, "phone", true, diags);
    let after_hours_phone = phone(&fields, "after_hours_phone", false, diags);
    let emergency = emergency(&fields, diags);
    let address = fields.text("address", false, "12 Example Street, Springfield", diags);
    let email = fields.text("email", false, "care@clinic.example", diags);
    if let Some(e) = &email {
        if !e.contains('@') || e.contains(char::is_whitespace) {
            diags.push(fields.problem(
                "email",
                format!("`{e}` is not an e-mail address."),
                "write it as name@domain, for example `email: care@clinic.example`.",
            ));
        }
    }
    let mut noindex = false;
    let base_url = match fields.nested("site", diags) {
        Some(mut site) => {
            site.reject_unknown(&SITE_KEYS, diags);
            noindex = match site.text("noindex", false, "true", diags).as_deref() {
                None | Some("false") | Some("no") => false,
                Some("true") | Some("yes") => true,
                Some(other) => {
                    diags.push(site.problem(
                        "noindex",
                        format!("`{other}` is not `true` or `false`."),
                        "write `noindex: true` to keep search engines from listing the pages (a staging site), or delete the line.",
                    ));
                    false
                }
            };
            site.text("base_url", true, "https://clinic.example/care/handouts/", diags).and_then(|t| {
                let url = BaseUrl::parse(&t);
                if url.is_none() {
                    diags.push(site.problem(
                        "base_url",
                        format!("`{t}` is not an absolute web address."),
                        "write the full address the handouts are published at, starting with https://, for example `base_url: https://clinic.example/care/handouts/`.",
                    ));
                }
                url
            })
        }
        None => {
            if !fields.has("site") {
                diags.push(
                    Diagnostic::error("the required key `site` is missing.")
                        .in_file(&file.path)
                        .hint("add the address the site is published at:\n  site:\n    base_url: https://clinic.example/care/handouts/"),
                );
            }
            None
        }
    };
    let paper = match fields.text("paper", false, "letter", diags).as_deref() {
        None | Some("letter") | Some("Letter") => Paper::Letter,
        Some("a4") | Some("A4") => Paper::A4,
        Some(other) => {
            diags.push(fields.problem(
                "paper",
                format!("`{other}` is not a paper size handouts knows."),
                "write `paper: letter` (US) or `paper: a4`.",
            ));
            Paper::Letter
        }
    };
    let Settings {
        languages,
        allowed_html,
        review_interval_months,
        max_grade,
        required_sections,
    } = read_settings(&fields, labels, diags);
    let keep_whole = keep_whole(&fields, diags);
    let logo = fields
        .text("logo", false, "logo.png", diags)
        .and_then(|src| match images.load(&file.path, &src) {
            Ok(image) => Some(image),
            Err((message, hint)) => {
                diags.push(fields.problem("logo", message, hint));
                None
            }
        });
    if diags.error_count() > before {
        return None;
    }
    Some(Clinic {
        name: name?,
        phone: main_phone?,
        after_hours_phone,
        emergency,
        address,
        email,
        base_url: base_url?,
        paper,
        review_interval_months,
        allowed_html,
        languages,
        max_grade,
        noindex,
        logo,
        required_sections,
        keep_whole,
    })
}

/// What every folder's check reads of `clinic.yaml` besides the clinic itself, taken field by
/// field even when another field is wrong: one mistake in `clinic.yaml` is one message, not a
/// fallback to English that turns every translation into an error of its own.
pub(crate) struct Settings {
    /// The languages, the default first.
    pub languages: Vec<Lang>,
    /// Raw HTML tags editors may use.
    pub allowed_html: Vec<String>,
    /// Months between reviews.
    pub review_interval_months: u32,
    /// The plain-language grade limit.
    pub max_grade: f64,
    /// The standard sections every handout needs, by key.
    pub required_sections: Vec<String>,
}

impl Settings {
    /// The settings of a clinic read without errors.
    pub(crate) fn of(c: &Clinic) -> Settings {
        Settings {
            languages: c.languages.clone(),
            allowed_html: c.allowed_html.clone(),
            review_interval_months: c.review_interval_months,
            max_grade: c.max_grade,
            required_sections: c.required_sections.clone(),
        }
    }
}

/// The [`Settings`] of the clinic file, each field read on its own; its problems are reported by
/// [`clinic`], so here they are dropped.
pub(crate) fn settings(file: &SourceFile, labels: &crate::labels::LabelSets) -> Option<Settings> {
    let diags = &mut Diagnostics::new();
    let fields = Fields::parse(&file.path, &file.text, &file.text, 0, diags)?;
    Some(read_settings(&fields, labels, diags))
}

/// Reads the [`Settings`] fields, reporting their problems.
fn read_settings(
    fields: &Fields<'_>,
    labels: &crate::labels::LabelSets,
    diags: &mut Diagnostics,
) -> Settings {
    let known: Vec<Lang> = labels.keys().copied().collect();
    let languages = languages(fields, &known, diags);
    // Section names are those of the default language; with no labels for it, the languages'
    // own error says why.
    let required_sections = match languages.first().and_then(|l| labels.get(l)) {
        Some(default) => fields.required_sections(default, diags).unwrap_or_else(|| {
            default
                .standard()
                .filter(|s| s.required)
                .map(|s| s.key.clone())
                .collect()
        }),
        None => Vec::new(),
    };
    Settings {
        allowed_html: allowed_html(fields, diags),
        review_interval_months: fields
            .integer("review_interval_months", 1, 12, diags)
            .map_or(12, |n| n.min(120) as u32),
        max_grade: max_grade(fields, diags),
        languages,
        required_sections,
    }
}

/// The emergency number patients are told to dial when no `emergency:` is given.
pub const DEFAULT_EMERGENCY: &str = "911";

/// `emergency: 112`: the number to dial in an emergency, two to fifteen digits.
fn emergency(fields: &Fields<'_>, diags: &mut Diagnostics) -> Phone {
    let default = Phone {
        display: DEFAULT_EMERGENCY.to_string(),
        dial: DEFAULT_EMERGENCY.to_string(),
    };
    let Some(text) = fields.text("emergency", false, "911", diags) else {
        return default;
    };
    let text = text.trim().to_string();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if (2..=15).contains(&digits.len()) && text.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return Phone {
            display: text,
            dial: digits,
        };
    }
    diags.push(fields.problem(
        "emergency",
        format!("`{text}` is not an emergency number."),
        "write the number people dial in an emergency where the clinic is, digits only, for example `emergency: 911` (US, Canada) or `emergency: 112` (EU).",
    ));
    default
}

/// The reading grade patient handouts should not go above, when `clinic.yaml` sets none: the top
/// of the 6th–8th grade range that AMA, NIH and CDC guidance asks for.
pub const DEFAULT_MAX_GRADE: f64 = 8.0;

/// `max_grade: 8`: the highest school grade a section may read at before a plain-language warning.
fn max_grade(fields: &Fields<'_>, diags: &mut Diagnostics) -> f64 {
    let Some(text) = fields.text("max_grade", false, "8", diags) else {
        return DEFAULT_MAX_GRADE;
    };
    match text.parse::<f64>() {
        // Below grade 1 no text can pass; above 20 (beyond graduate school) nothing is checked.
        Ok(n) if (1.0..=20.0).contains(&n) => n,
        _ => {
            diags.push(fields.problem(
                "max_grade",
                format!("`max_grade` must be a school grade from 1 to 20, not `{text}`."),
                "write a number without quotes, for example `max_grade: 8` (patient handouts should read at grade 6 to 8).",
            ));
            DEFAULT_MAX_GRADE
        }
    }
}

/// `languages: [en, es]`: the languages handouts are published in, the default first; each needs a
/// label set in the theme.
fn languages(fields: &Fields<'_>, known: &[Lang], diags: &mut Diagnostics) -> Vec<Lang> {
    let Some(items) = fields.list("languages", "[en, es]", diags) else {
        return vec![Lang::EN];
    };
    let known_list = || {
        known
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out: Vec<Lang> = Vec::new();
    for item in &items {
        let code = item.trim();
        match Lang::parse(code) {
            None => diags.push(fields.problem(
                "languages",
                format!("`{code}` is not a language code."),
                format!("write each language as its two-letter lowercase ISO 639-1 code, for example `languages: [en, es]`; the theme has labels for {}.", known_list()),
            )),
            Some(lang) if !known.contains(&lang) => diags.push(fields.problem(
                "languages",
                format!("the theme has no labels for the language `{lang}`."),
                format!("the label sets there are {}; add `labels/{lang}.yaml` to your theme, or remove `{lang}` from the list.", known_list()),
            )),
            Some(lang) if out.contains(&lang) => diags.push(fields.problem(
                "languages",
                format!("`{lang}` is listed twice."),
                "list each language once, the default language first.",
            )),
            Some(lang) => out.push(lang),
        }
    }
    if items.is_empty() {
        diags.push(fields.problem(
            "languages",
            "the list of languages is empty.",
            "list at least one language, the default first, for example `languages: [en]`, or delete the line.",
        ));
    }
    if out.is_empty() {
        out.push(Lang::EN);
    }
    out
}

fn phone(fields: &Fields<'_>, key: &str, required: bool, diags: &mut Diagnostics) -> Option<Phone> {
    let text = fields.text(key, required, "(555) 010-0142", diags)?;
    let phone = Phone::parse(&text);
    if phone.is_none() {
        diags.push(fields.problem(
            key,
            format!("`{text}` is not a phone number."),
            format!("use digits with spaces, dashes, dots or brackets, for example `{key}: (555) 010-0142`; write an extension after `ext.` or `x`, as in `{key}: (555) 010-0142 ext. 3`."),
        ));
    }
    phone
}

/// `keep_whole: [Dermaplane, Sampletown]`: words the printed handouts never break at a line end,
/// added to the theme's `print/keep-whole/` list of each language (a name of two words keeps both).
fn keep_whole(fields: &Fields<'_>, diags: &mut Diagnostics) -> Vec<String> {
    let items = fields.list("keep_whole", "[Dermaplane, Sampletown]", diags);
    let (words, empty): (Vec<String>, Vec<String>) = items
        .unwrap_or_default()
        .into_iter()
        .partition(|w| !w.trim().is_empty());
    if !empty.is_empty() {
        diags.push(fields.problem("keep_whole", "the list has an empty word.", "write each word between the commas, for example `keep_whole: [Dermaplane, Sampletown]`, or delete the empty one."));
    }
    words
}

/// Inline HTML tags that carry no behaviour and no attributes: the only ones a clinic may allow.
pub const SAFE_HTML_TAGS: &[&str] = &[
    "abbr", "b", "br", "cite", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "strong",
    "sub", "sup", "u",
];

/// `allowed_html: [sup, sub]`: raw HTML tags editors may use; anything outside the safe list is an error.
fn allowed_html(fields: &Fields<'_>, diags: &mut Diagnostics) -> Vec<String> {
    let Some(items) = fields.list("allowed_html", "[sup, sub]", diags) else {
        return Vec::new();
    };
    let mut tags = Vec::new();
    for item in items {
        let tag = item
            .trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_ascii_lowercase();
        if SAFE_HTML_TAGS.contains(&tag.as_str()) {
            tags.push(tag);
        } else {
            diags.push(fields.problem(
                "allowed_html",
                format!("the HTML tag `{item}` cannot be allowed: it could change how pages behave or look."),
                format!("allow only tags from this list: {}.", SAFE_HTML_TAGS.join(", ")),
            ));
        }
    }
    tags.sort();
    tags.dedup();
    tags
}
