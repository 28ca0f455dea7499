//! The domain: a clinic, its procedures and their variants, with every section already checked.
//!
//! Only `validate` builds these values; renderers read them and never see YAML or Markdown.

pub use crate::edition::Lang;
use std::fmt;
use std::path::PathBuf;

/// Everything one build publishes.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The clinic the handouts belong to.
    pub clinic: Clinic,
    /// One book of handouts per language, the default language's first.
    pub books: Vec<Book>,
}

impl Site {
    /// Every picture the site shows: the logo first, then each variant's figures in every
    /// language, in reading order (a picture shown twice, twice).
    pub fn pictures(&self) -> impl Iterator<Item = &Image> {
        let figures = self
            .books
            .iter()
            .flat_map(|b| &b.procedures)
            .flat_map(|p| &p.variants)
            .flat_map(|v| v.figures())
            .map(|f| &f.image);
        self.clinic.logo.iter().chain(figures)
    }

    /// The default language's handouts: every procedure and variant there is.
    pub fn default_book(&self) -> &Book {
        // `validate` always makes the default language's book, first.
        &self.books[0]
    }

    /// The same page in every language that has it, the default language's first.
    pub fn translations_of<'a>(
        &'a self,
        procedure: &'a Slug,
        variant: Option<&'a Slug>,
    ) -> impl Iterator<Item = &'a Book> + 'a {
        self.books
            .iter()
            .filter(move |b| match b.procedure(procedure) {
                Some(p) => variant.is_none_or(|v| p.variant(v).is_some()),
                None => false,
            })
    }
}

/// The handouts of one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    /// The language every text in it is written in.
    pub lang: Lang,
    /// Procedures in display order (only those with at least one variant in this language, except
    /// in the default language, which has them all).
    pub procedures: Vec<Procedure>,
}

impl Book {
    /// The procedure with this slug.
    pub fn procedure(&self, slug: &Slug) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.slug == *slug)
    }

    /// Every variant with its procedure, in display order.
    pub fn variants(&self) -> impl Iterator<Item = (&Procedure, &Variant)> {
        self.procedures
            .iter()
            .flat_map(|p| p.variants.iter().map(move |v| (p, v)))
    }
}

/// The clinic, from `clinic.yaml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clinic {
    /// Display name.
    pub name: String,
    /// The main phone number.
    pub phone: Phone,
    /// The number to call out of hours.
    pub after_hours_phone: Option<Phone>,
    /// The number to dial in an emergency (`emergency:`, default 911): every text that names it
    /// takes it from here.
    pub emergency: Phone,
    /// Postal address, one line.
    pub address: Option<String>,
    /// Contact e-mail address.
    pub email: Option<String>,
    /// Where the site is published.
    pub base_url: BaseUrl,
    /// Raw HTML tags editors may use in Markdown (from a fixed safe list).
    pub allowed_html: Vec<String>,
    /// Paper size for printed handouts.
    pub paper: Paper,
    /// Months between reviews, when a variant gives no `next_review`.
    pub review_interval_months: u32,
    /// The languages handouts are published in, the default first.
    pub languages: Vec<Lang>,
    /// The highest school grade a handout may read at without a plain-language warning.
    pub max_grade: f64,
    /// Whether search engines are asked not to list the pages (a staging site).
    pub noindex: bool,
    /// The clinic's logo (`logo:`), shown in the web header and the handout's header band.
    pub logo: Option<Image>,
    /// The standard sections every handout needs unless its procedure or itself says otherwise
    /// (`required_sections:`; by default those the theme's table marks required), by key.
    pub required_sections: Vec<String>,
    /// Words the printed handouts never break at a line end (`keep_whole:`), besides the theme's
    /// list for each language: the clinic's own medicines, products and names.
    pub keep_whole: Vec<String>,
}

/// A phone number as written, and as a `tel:` URI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// As the clinic writes it, e.g. `(555) 010-0142` or `(555) 010-0142 ext. 3`.
    pub display: String,
    /// Digits only (with a leading `+` if given), for `tel:` links; an extension follows as RFC
    /// 3966 writes it, `5550100142;ext=3`.
    pub dial: String,
}

impl Phone {
    /// The words that introduce an extension, lowercase, longest first so `ext.` is not read as
    /// `ext`.
    pub const EXTENSION_WORDS: [&str; 5] = ["extensión", "extension", "ext.", "ext", "x"];

    /// Parses a number that has at least three digits and only phone punctuation, optionally
    /// followed by an extension: `ext. 3`, `ext 3`, `extension 3`, `x3` (after a comma or not).
    pub fn parse(text: &str) -> Option<Phone> {
        let text = text.trim();
        let (number, ext) = match split_extension(text) {
            Some((number, ext)) => (number, format!(";ext={ext}")),
            None => (text, String::new()),
        };
        let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 3
            || !number.chars().all(allowed)
            || number.rfind('+').is_some_and(|i| i > 0)
        {
            return None;
        }
        let plus = if number.starts_with('+') { "+" } else { "" };
        Some(Phone {
            display: text.to_string(),
            dial: format!("{plus}{digits}{ext}"),
        })
    }

    /// The `tel:` URI (`tel:5550100142`, `tel:5550100142;ext=3`).
    pub fn href(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

/// `text` split into the number and its extension's digits, when it ends in one (`… ext. 3`).
fn split_extension(text: &str) -> Option<(&str, &str)> {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=6).contains(&digits) {
        return None;
    }
    let (head, ext) = text.split_at(text.len() - digits);
    let head = head.trim_end();
    let lower = head.to_lowercase();
    let word = Phone::EXTENSION_WORDS
        .iter()
        .find(|w| lower.ends_with(*w))?;
    let number = head.get(..head.len().checked_sub(word.len())?)?.trim_end();
    let number = number.strip_suffix(',').unwrap_or(number).trim_end();
    // The word follows the number's last digit or bracket (spaces and a comma between are fine):
    // a letter before it makes it part of another word ("fax 3").
    let before = number.chars().next_back()?;
    (before.is_ascii_digit() || before == ')').then_some((number, ext))
}

/// The absolute URL the site is published at, ending in `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Accepts an absolute `http(s)://host/optional/path/` URL (a missing final `/` is added):
    /// a URL the `url` crate parses, with a host, and no query, fragment, password or characters
    /// that would need escaping in a page.
    pub fn parse(text: &str) -> Option<BaseUrl> {
        let text = text.trim();
        let bad = |c: char| c.is_whitespace() || "\"'<>\\^`{|}#?".contains(c);
        if text.chars().any(bad) {
            return None;
        }
        let url = url::Url::parse(text).ok()?;
        let web = matches!(url.scheme(), "http" | "https");
        if !web || url.host_str().is_none_or(str::is_empty) || url.password().is_some() {
            return None;
        }
        let mut url = text.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Some(BaseUrl(url))
    }

    /// The URL of a page at `path` below the base (no leading `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }

    /// The URL itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Paper size for the printed handouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// The name used in `clinic.yaml` and in the print template.
    pub fn name(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
        }
    }
}

/// A URL-safe name made of `a-z`, `0-9` and `-`, from a folder name or file stem.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    /// Accepts lowercase `a-z0-9-`, not starting or ending with `-`.
    pub fn parse(text: &str) -> Option<Slug> {
        let ok = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        ok.then(|| Slug(text.to_string()))
    }

    /// What `text` would be as a slug, to suggest in an error.
    pub fn suggest(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') {
                out.push('-');
            }
        }
        let out = out.trim_matches('-').to_string();
        if out.is_empty() {
            "procedure-name".into()
        } else {
            out
        }
    }

    /// The slug text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date (proleptic Gregorian), on the `time` crate's calendar arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not in `YYYY-MM-DD` shape.
    Shape,
    /// The month is not 1–12.
    Month(u32),
    /// The day does not exist in that month.
    Day(u32, u32),
}

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// English month names, for editor-facing messages only (readers see the labels' names).
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY-MM-DD` and checks that the day exists.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(DateError::Shape);
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(DateError::Shape);
        }
        let (year, month, day): (i32, u32, u32) = (
            y.parse().map_err(|_| DateError::Shape)?,
            m.parse().map_err(|_| DateError::Shape)?,
            d.parse().map_err(|_| DateError::Shape)?,
        );
        let month_value = u8::try_from(month)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok())
            .ok_or(DateError::Month(month))?;
        let day_value = u8::try_from(day).map_err(|_| DateError::Day(month, day))?;
        time::Date::from_calendar_date(year, month_value, day_value)
            .map(Date)
            .map_err(|_| DateError::Day(month, day))
    }

    /// The date `months` later, clamped to the end of a shorter month.
    pub fn add_months(self, months: u32) -> Date {
        let total = i64::from(self.0.year()) * 12 + i64::from(self.month()) - 1 + i64::from(months);
        let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MAX);
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
        let month = time::Month::try_from(month).unwrap_or(time::Month::January);
        let day = self.0.day().min(time::util::days_in_month(month, year));
        time::Date::from_calendar_date(year, month, day).map_or(self, Date)
    }

    /// `2026-09-14`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(u8::from(self.0.month()))
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.0.day())
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        i64::from(self.0.to_julian_day() - UNIX_EPOCH_JULIAN_DAY)
    }

    /// The date `days` after 1970-01-01 (clamped to the calendar's range).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let julian = i64::from(UNIX_EPOCH_JULIAN_DAY) + days;
        let julian = i32::try_from(julian).unwrap_or(i32::MAX);
        let clamp = if days < 0 {
            time::Date::MIN
        } else {
            time::Date::MAX
        };
        Date(time::Date::from_julian_day(julian).unwrap_or(clamp))
    }
}

/// The English name of month `month` (1–12), for messages to editors.
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTHS.get((month as usize).checked_sub(1)?).copied()
}

/// A procedure (a folder of `content/`) and its variants.
#[derive(Clone, Debug, PartialEq)]
pub struct Procedure {
    /// The folder name.
    pub slug: Slug,
    /// Display title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Variants in display order.
    pub variants: Vec<Variant>,
    /// Local files its handouts link to, published beside the pages.
    pub attachments: Vec<Attachment>,
}

impl Procedure {
    /// The variant with this slug.
    pub fn variant(&self, slug: &Slug) -> Option<&Variant> {
        self.variants.iter().find(|v| v.slug == *slug)
    }

    /// What a list of handouts shows of the procedure itself.
    pub fn header(&self) -> Header<'_> {
        Header {
            slug: &self.slug,
            title: &self.title,
            summary: &self.summary,
        }
    }
}

/// What a list of handouts (an index, a procedure page, the catalog, the feed) shows of a
/// procedure: the one definition that the build's keys of lists and `serve`'s comparison of
/// models both read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// The folder name.
    pub slug: &'a Slug,
    /// Display title.
    pub title: &'a str,
    /// One or two sentences.
    pub summary: &'a str,
}

/// What a list of handouts shows of a variant: everything a template's `variant` has but its
/// sections, its reading counts and its file. The one definition of "what a list shows" (see
/// [`Header`]); a field added here is listed, and lists are made again when it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Card<'a> {
    /// The file stem.
    pub slug: &'a Slug,
    /// The procedure's folder name.
    pub procedure: &'a Slug,
    /// Display title.
    pub title: &'a str,
    /// One or two sentences.
    pub summary: &'a str,
    /// Who checked it and when, and when it is due again.
    pub revision: &'a Revision,
    /// The facts box.
    pub facts: &'a Facts,
    /// The write-in blanks its handout prints, by name.
    pub write_in: &'a [String],
    /// Where its content comes from.
    pub attribution: Option<&'a Attribution>,
}

/// Where a handout's content comes from: a credit line (`source`) and its address
/// (`source_url`), at least one of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The credit line, e.g. "Adapted from the CDC Vaccine Information Statement, edition 8/6/2021".
    pub text: Option<String>,
    /// An absolute `https://` (or `http://`) address of the source.
    pub url: Option<String>,
}

/// A file from `content/` that a handout links to, published at the same place under the site.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    /// Where it is read from.
    pub source: PathBuf,
    /// Its path under the site, with `/` separators (e.g. `microneedling/forms/consent.pdf`).
    pub path: String,
}

/// One variant of a procedure: what becomes one page and one printed handout.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The file stem.
    pub slug: Slug,
    /// The procedure's folder name.
    pub procedure: Slug,
    /// Display title.
    pub title: String,
    /// One or two sentences, at most 200 characters.
    pub summary: String,
    /// Who checked the content, and when, and when it is due again.
    pub revision: Revision,
    /// Short facts for the facts box.
    pub facts: Facts,
    /// Sort key within the procedure (then the title).
    pub order: i64,
    /// The write-in blanks the printed handout carries, by name from the theme's `blanks.yaml`, in
    /// print order (front matter `write_in`; `true` is the table's default set, `false` none).
    pub write_in: Vec<String>,
    /// Where its content comes from (front matter `source` and `source_url`), when it says.
    pub attribution: Option<Attribution>,
    /// Its sections, in reading order.
    pub sections: Sections,
    /// The variant's file, for messages.
    pub source: PathBuf,
    /// The language it is written in.
    pub lang: Lang,
    /// How hard its text is to read, and the plain-language warnings about it.
    pub reading: Reading,
    /// A hash of everything above, made once it is checked ([`Variant::seal`]): a variant with
    /// the same digest as before shows the same in its page and handout.
    pub digest: [u8; 32],
}

/// How hard a variant's published text is to read, and the plain-language warnings about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// Words, sentences and syllables over the prose of its eight sections (headings left out);
    /// `None` for a language without readability rules.
    pub counts: Option<handouts_readability::Report>,
    /// The plain-language warnings on that prose, from its own file and its inherited sections.
    pub warnings: Vec<crate::diag::Diagnostic>,
    /// Why the handout is exempt from the plain-language checks (`plain_language_exempt`, its own
    /// or its procedure's), when it is: then `warnings` is empty.
    pub exempt: Option<String>,
}

/// The review record of a variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// When the content was last reviewed.
    pub reviewed: Date,
    /// Who reviewed it.
    pub reviewed_by: String,
    /// When it must be reviewed again.
    pub next_review: Date,
}

/// The short facts shown in a box at the top.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// How many sessions, how far apart.
    pub sessions: Option<String>,
    /// How long recovery keeps a patient from usual life.
    pub downtime: Option<String>,
}

/// A handout's sections in reading order: the theme's standard sections it has (see
/// `themes/default/sections.yaml`) with the clinic's own sections where they were written. The
/// default is empty (the card of a variant whose page and handouts a build takes from its cache,
/// which lists of variants show).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sections(pub Vec<Section>);

impl Sections {
    /// Every picture of every section, in reading order (a picture shown twice, twice).
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        let mut out = Vec::new();
        for section in &self.0 {
            section.content.figures(&mut out);
        }
        out.into_iter()
    }

    /// The section with this key (a standard section's key or a section of the clinic's own id).
    pub fn get(&self, key: &str) -> Option<&Section> {
        self.0.iter().find(|s| s.key == key)
    }

    /// The sections in reading order.
    pub fn iter(&self) -> std::slice::Iter<'_, Section> {
        self.0.iter()
    }
}

impl Variant {
    /// What a list of handouts shows of it.
    pub fn card(&self) -> Card<'_> {
        Card {
            slug: &self.slug,
            procedure: &self.procedure,
            title: &self.title,
            summary: &self.summary,
            revision: &self.revision,
            facts: &self.facts,
            write_in: &self.write_in,
            attribution: self.attribution.as_ref(),
        }
    }

    /// Every picture the variant's page and handout show.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.sections.figures()
    }

    /// Sets [`Variant::digest`] from everything else it holds, once it is checked. The model
    /// holds no map, so its `Debug` text is the same for the same variant; a picture shows there
    /// by its published name, which carries the hash of its bytes.
    pub fn seal(&mut self) {
        use sha2::Digest as _;
        use std::fmt::Write as _;
        /// Hashes text as it is written, so no copy of a whole variant's text is ever held (at
        /// 10,000 variants those copies raised a build's peak memory by about 10 MB).
        struct Hasher(sha2::Sha256);
        impl std::fmt::Write for Hasher {
            fn write_str(&mut self, text: &str) -> std::fmt::Result {
                self.0.update(text.as_bytes());
                Ok(())
            }
        }
        self.digest = [0; 32];
        let mut hasher = Hasher(sha2::Sha256::new());
        // Writing into a hash cannot fail.
        let _ = write!(hasher, "{self:?}");
        self.digest = hasher.0.finalize().into();
    }
}

/// How a section's content is shaped and shown: a value of the theme's `sections.yaml`, so a
/// section kind is one entry there, not a code path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Free text: paragraphs, lists, tables, callouts, pictures, `###` subheadings.
    Prose,
    /// Points: paragraphs and one or more lists.
    List,
    /// A list whose items print with an empty box to tick.
    Checklist,
    /// Things to do: a list printed with check marks, beside a following `Dont`.
    Do,
    /// Things to avoid: a list printed with crosses.
    Dont,
    /// Signs to call about: a list in the alert box with the clinic's phone numbers.
    Call,
    /// Stages of recovery: one list whose items start with a bold label.
    Timeline,
    /// Questions (`###`) with their answers.
    Faq,
}

impl Shape {
    /// Every shape, as `sections.yaml` names them.
    pub const ALL: [Shape; 8] = [
        Shape::Prose,
        Shape::List,
        Shape::Checklist,
        Shape::Do,
        Shape::Dont,
        Shape::Call,
        Shape::Timeline,
        Shape::Faq,
    ];

    /// The name `sections.yaml` and templates use (`s.shape`).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Prose => "prose",
            Shape::List => "list",
            Shape::Checklist => "checklist",
            Shape::Do => "do",
            Shape::Dont => "dont",
            Shape::Call => "call",
            Shape::Timeline => "timeline",
            Shape::Faq => "faq",
        }
    }

    /// The shape named `name` in `sections.yaml`.
    pub fn parse(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The content kind templates have always switched on (`s.kind`): `prose`, `points`,
    /// `timeline` or `faq`.
    pub fn kind(self) -> &'static str {
        match self {
            Shape::Prose => "prose",
            Shape::Timeline => "timeline",
            Shape::Faq => "faq",
            Shape::List | Shape::Checklist | Shape::Do | Shape::Dont | Shape::Call => "points",
        }
    }
}

/// One section of a handout: a standard one or one of the clinic's own, with its content.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// A standard section's key (`what-it-is`, `do` …) or, for a section of the clinic's own, an
    /// id made from its heading in the default language (`day-of-treatment`); the web anchor.
    pub key: String,
    /// Whether it is a section of the clinic's own rather than one of the theme's table.
    pub own: bool,
    /// The heading shown: the label of a standard section, the heading of the clinic's own.
    pub title: String,
    /// How its content is shaped and shown.
    pub shape: Shape,
    /// The templates' styling hook: the table's `style` for a standard section, `own` for one of
    /// the clinic's own.
    pub style: String,
    /// True when it was taken from the procedure's `_procedure.md`.
    pub inherited: bool,
    /// The content.
    pub content: Content,
}

/// One section's content, shaped for its kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Free text.
    Prose(Vec<Block>),
    /// Paragraphs and lists.
    Points(Points),
    /// Labelled stages.
    Timeline(Timeline),
    /// Questions and answers.
    Faq(Faq),
}

impl Content {
    /// Adds the content's pictures to `out`, in reading order.
    fn figures<'a>(&'a self, out: &mut Vec<&'a Figure>) {
        fn in_blocks<'a>(blocks: &'a [Block], out: &mut Vec<&'a Figure>) {
            for b in blocks {
                match b {
                    Block::Figure(f) => out.push(f),
                    Block::Callout(c) => in_blocks(&c.blocks, out),
                    _ => {}
                }
            }
        }
        match self {
            Content::Prose(blocks) => in_blocks(blocks, out),
            Content::Points(p) => {
                in_blocks(&p.blocks, out);
                out.extend(&p.figures);
            }
            Content::Timeline(t) => out.extend(&t.figures),
            Content::Faq(f) => f.entries.iter().for_each(|e| in_blocks(&e.answer, out)),
        }
    }

    /// Every block of text it holds, for checks that read them all (a timeline's stages and
    /// lead-in excepted: they are not blocks).
    pub fn blocks_mut(&mut self) -> Vec<&mut Block> {
        match self {
            Content::Prose(blocks) => blocks.iter_mut().collect(),
            Content::Points(p) => p.blocks.iter_mut().collect(),
            Content::Timeline(_) => Vec::new(),
            Content::Faq(f) => f
                .entries
                .iter_mut()
                .flat_map(|e| e.answer.iter_mut())
                .collect(),
        }
    }
}

/// A block of free text.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list.
    List(List),
    /// A `###` subheading.
    Subheading(Vec<Inline>),
    /// A paragraph that is only a picture: `![alt](images/day-3.jpg "Caption")`.
    Figure(Figure),
    /// A pipe table with a header row.
    Table(Table),
    /// A `> [!IMPORTANT]` box.
    Callout(Callout),
}

/// A list, bulleted or numbered; its items may hold one level of nested list.
#[derive(Clone, Debug, PartialEq)]
pub struct List {
    /// Numbered rather than bulleted.
    pub ordered: bool,
    /// The first item's number (numbered lists; 1 unless the editor wrote another).
    pub start: u64,
    /// The items.
    pub items: Vec<ListItem>,
}

/// One list item: its words, and a list nested under it.
#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    /// The item's own words (empty when it is only a nested list).
    pub text: Vec<Inline>,
    /// A list indented under the item (one level deep at most).
    pub nested: Option<List>,
}

/// A table with a header row, each row as many cells as the header.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// How each column's text is aligned.
    pub align: Vec<Align>,
    /// The header row's cells.
    pub head: Vec<Vec<Inline>>,
    /// The body rows.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A table column's alignment, as the delimiter row gives it (`:--`, `:-:`, `--:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// No colon: the reading direction's start.
    Default,
    /// `:--`.
    Left,
    /// `:-:`.
    Center,
    /// `--:`.
    Right,
}

impl Align {
    /// `left`, `center` or `right` (the default is `left`).
    pub fn name(self) -> &'static str {
        match self {
            Align::Default | Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        }
    }
}

/// A callout box: GitHub's `> [!NOTE]` alert syntax.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// Which kind, which gives its label and colour.
    pub kind: CalloutKind,
    /// Its paragraphs and lists.
    pub blocks: Vec<Block>,
}

/// The five kinds of callout; each has a label per language (`callout_note` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalloutKind {
    /// `[!NOTE]`.
    Note,
    /// `[!TIP]`.
    Tip,
    /// `[!IMPORTANT]`.
    Important,
    /// `[!WARNING]`.
    Warning,
    /// `[!CAUTION]`.
    Caution,
}

impl CalloutKind {
    /// `note`, `tip`, `important`, `warning` or `caution`: the print tone and the web class.
    pub fn name(self) -> &'static str {
        match self {
            CalloutKind::Note => "note",
            CalloutKind::Tip => "tip",
            CalloutKind::Important => "important",
            CalloutKind::Warning => "warning",
            CalloutKind::Caution => "caution",
        }
    }

    /// The label key of its visible label, e.g. `callout_important`.
    pub fn label_key(self) -> &'static str {
        match self {
            CalloutKind::Note => "callout_note",
            CalloutKind::Tip => "callout_tip",
            CalloutKind::Important => "callout_important",
            CalloutKind::Warning => "callout_warning",
            CalloutKind::Caution => "callout_caution",
        }
    }
}

/// A picture with its alt text and caption.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The picture.
    pub image: Image,
    /// What it shows, in words, for readers who cannot see it (never empty).
    pub alt: String,
    /// The italic line under it, or its Markdown title; may be empty.
    pub caption: Vec<Inline>,
}

/// A checked picture file (PNG or JPEG) from the content folder, published under a content-hashed
/// name so a web server may cache it forever.
#[derive(Clone, PartialEq)]
pub struct Image {
    /// Where it is read from.
    pub source: PathBuf,
    /// Its path under the site with the content hash in its name
    /// (`microneedling/images/healing.3f9a1c2b.png`).
    pub path: String,
    /// Its pixels and format, as the print engine embeds them (prepared once per build).
    pub picture: std::sync::Arc<handouts_print::Picture>,
}

/// Without the picture's bytes: its published name carries their hash.
impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("source", &self.source)
            .field("path", &self.path)
            .field("width", &self.picture.width)
            .field("height", &self.picture.height)
            .finish()
    }
}

impl Image {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.picture.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.picture.height
    }
}

/// Inline text with emphasis and links.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**bold**`.
    Strong(Vec<Inline>),
    /// `*italic*`.
    Emphasis(Vec<Inline>),
    /// `` `code` ``, shown as plain text in a handout.
    Code(String),
    /// A link.
    Link {
        /// Where it points.
        href: String,
        /// The link text.
        children: Vec<Inline>,
    },
    /// A forced line break.
    Break,
    /// A blank to write in, from a run of `chars` underscores (at least four) in a sentence.
    Blank(u32),
    /// Raw HTML the clinic allows (`<sup>`, `<abbr>` …), without attributes.
    Tagged {
        /// The lowercase tag name.
        tag: String,
        /// Its content.
        children: Vec<Inline>,
    },
}

/// The children of an inline, through a shared or a mutable reference alike: one pattern for
/// [`Inline::children`] and the mutable walk.
macro_rules! children {
    ($inline:expr) => {
        match $inline {
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Link { children: c, .. }
            | Inline::Tagged { children: c, .. } => Some(c),
            Inline::Text(_) | Inline::Code(_) | Inline::Break | Inline::Blank(_) => None,
        }
    };
}

impl Inline {
    /// The inlines inside this one (the words of bold, italic, a link or an allowed HTML tag);
    /// `None` for text, code and breaks, which have none.
    pub fn children(&self) -> Option<&[Inline]> {
        children!(self).map(Vec::as_slice)
    }
}

/// A step of [`walk`]: an inline reached, or one whose children are all visited.
#[derive(Clone, Copy, Debug)]
pub enum Visit<'a> {
    /// An inline, before its children.
    Enter(&'a Inline),
    /// An inline that has children (bold, italic, a link, an allowed tag), after them.
    Leave(&'a Inline),
}

/// Walks inline content in reading order: every inline is entered, and one with children is left
/// after them. This is the one recursion over inline trees; the renderers and checks each say only
/// what they do at each step.
pub fn walk<'a>(items: &'a [Inline], visit: &mut impl FnMut(Visit<'a>)) {
    for item in items {
        visit(Visit::Enter(item));
        if let Some(children) = item.children() {
            walk(children, visit);
            visit(Visit::Leave(item));
        }
    }
}

/// Visits every inline in reading order, each before its children, to change it in place (the
/// children as changed are visited next).
pub fn walk_mut(items: &mut [Inline], visit: &mut impl FnMut(&mut Inline)) {
    for item in items {
        visit(item);
        if let Some(children) = children!(item) {
            walk_mut(children, visit);
        }
    }
}

/// Plain text of inline content, for titles, metadata and search.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    walk(inlines, &mut |visit| match visit {
        Visit::Enter(Inline::Text(t) | Inline::Code(t)) => out.push_str(t),
        Visit::Enter(Inline::Break) => out.push(' '),
        Visit::Enter(Inline::Blank(chars)) => out.extend((0..*chars).map(|_| '_')),
        _ => {}
    });
    out
}

/// A list section: paragraphs and lists (and callouts), then its pictures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Points {
    /// Lead-in paragraphs, the lists, and anything after them, in reading order (at least one
    /// list).
    pub blocks: Vec<Block>,
    /// Pictures in the section, shown after the list.
    pub figures: Vec<Figure>,
}

/// The recovery timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Paragraphs before the list.
    pub intro: Vec<Vec<Inline>>,
    /// One stage per list item.
    pub stages: Vec<Stage>,
    /// Pictures in the section (a healing strip), shown after the stages.
    pub figures: Vec<Figure>,
}

/// One stage of recovery, e.g. "Days 1–3: redness like a mild sunburn".
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// The bold label, without its trailing colon.
    pub label: String,
    /// What happens then.
    pub text: Vec<Inline>,
}

/// Questions and answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Faq {
    /// In file order.
    pub entries: Vec<FaqEntry>,
}

/// One question and its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct FaqEntry {
    /// The `###` heading.
    pub question: String,
    /// The paragraphs (or lists) under it.
    pub answer: Vec<Block>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_formatted() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.iso(), "2024-02-29");
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
        assert_eq!(Date::parse("2026-13-01"), Err(DateError::Month(13)));
        assert_eq!(Date::parse("2025-02-29"), Err(DateError::Day(2, 29)));
        assert_eq!(Date::parse("14/09/2026"), Err(DateError::Shape));
        assert_eq!(Date::parse("2026-9-14"), Err(DateError::Shape));
    }

    #[test]
    fn adding_months_clamps_to_the_month_end() {
        let d = Date::parse("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).iso(), "2026-02-28");
        assert_eq!(d.add_months(12).iso(), "2027-01-31");
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2026-09-14").unwrap().days_since_epoch(),
            20_710
        );
        for days in [-1000, 0, 59, 20_710, 40_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn slugs_phones_and_urls() {
        assert!(Slug::parse("chemical-peel").is_some());
        assert!(Slug::parse("Chemical Peel").is_none());
        assert!(Slug::parse("-peel").is_none());
        assert_eq!(Slug::suggest("Chemical Peel"), "chemical-peel");
        let p = Phone::parse("(555) 010-0142").unwrap();
        assert_eq!(p.href(), "tel:5550100142");
        assert_eq!(
            Phone::parse("+1 555 010 0142").unwrap().dial,
            "+15550100142"
        );
        assert!(Phone::parse("call us").is_none());
        let b = BaseUrl::parse("https://clinic.example/care/handouts").unwrap();
        assert_eq!(
            b.join("microneedling/"),
            "https://clinic.example/care/handouts/microneedling/"
        );
        assert!(BaseUrl::parse("/care/handouts/").is_none());
        assert!(BaseUrl::parse("https://").is_none());
    }
}
