//! A deterministic generator of realistic handout content, for benchmarks and tests.
//!
//! [`generate`] writes a content folder with `clinic.yaml`, `max(1, n / 5)` procedure folders
//! (each with a `_procedure.md`) and `n` variant files of about 900 words each. Every variant
//! has all eight sections itself, written in plain language from banks of procedures, body
//! areas, aftercare steps, timings and sensations. The same `n` always gives byte-identical
//! files: all choices come from a SplitMix64 generator seeded from `n` and the file's place.
//!
//! A dev-only crate: the benches, the scale tests and `examples/corpus.rs` of `handouts` use it;
//! it is not part of the generator. Uses nothing outside `std`.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The eight section headings every variant file has, in the order they are written.
pub const HEADINGS: [&str; 8] = [
    "What it is",
    "What to expect",
    "Recovery timeline",
    "Do",
    "Don't",
    "Risks",
    "When to call us",
    "FAQ",
];

/// The fewest words a variant file may have ([`word_count`]); the target is 900 minus 15 %.
pub const MIN_WORDS: usize = 765;
/// The most words a variant file may have ([`word_count`]); the target is 900 plus 15 %.
pub const MAX_WORDS: usize = 1035;
/// Words each variant aims for, before its random spread ([`TARGET_SPREAD`]).
const TARGET_WORDS: usize = 800;
/// The target of each variant lies in `TARGET_WORDS..TARGET_WORDS + TARGET_SPREAD`.
const TARGET_SPREAD: usize = 160;

/// What [`generate`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Procedure folders written.
    pub procedures: usize,
    /// Variant files written.
    pub variants: usize,
    /// Files written: `clinic.yaml`, every `_procedure.md` and every variant.
    pub files: usize,
    /// Words ([`word_count`]) in all files together.
    pub words: usize,
}

/// Writes a corpus of `n` variants into `dir`, which must be missing or empty.
///
/// The folder gets `clinic.yaml`, `max(1, n / 5)` procedure folders with a `_procedure.md`, and
/// `n` variant files spread as evenly as possible over the procedures. The seed is `n`, so the
/// same `n` always writes the same bytes.
pub fn generate(n: usize, dir: &Path) -> io::Result<Summary> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already has files in it; the corpus is written only into a new or empty folder",
                dir.display()
            ),
        ));
    }
    fs::create_dir_all(dir)?;
    let seed = n as u64;
    let mut summary = Summary::default();
    let mut write = |path: &Path, text: &str| -> io::Result<()> {
        fs::write(path, text)?;
        summary.files += 1;
        summary.words += word_count(text);
        Ok(())
    };
    write(&dir.join("clinic.yaml"), &clinic_yaml())?;
    let procedures = procedure_count(n);
    for p in 0..procedures {
        let folder = dir.join(procedure_slug(p));
        fs::create_dir(&folder)?;
        write(&folder.join("_procedure.md"), &procedure_text(p, seed))?;
        for v in 0..variant_count(n, p) {
            let name = format!("{}.md", variant_slug(p, v, seed));
            write(&folder.join(name), &variant_text(p, v, seed))?;
        }
    }
    summary.procedures = procedures;
    summary.variants = n;
    Ok(summary)
}

/// How many procedure folders a corpus of `n` variants has: `max(1, n / 5)`.
pub fn procedure_count(n: usize) -> usize {
    (n / 5).max(1)
}

/// How many variants procedure `p` has in a corpus of `n`: the first `n % procedures` get one more.
pub fn variant_count(n: usize, p: usize) -> usize {
    let procedures = procedure_count(n);
    if p >= procedures {
        return 0;
    }
    n / procedures + usize::from(p < n % procedures)
}

/// The text of `clinic.yaml`: the sample clinic's fields, all fictional.
pub fn clinic_yaml() -> String {
    "# A generated sample clinic for benchmarks and tests. Everything here is fictional.\n\
     name: \"Maple Grove Skin Clinic (generated sample)\"\n\
     phone: \"(555) 010-0142\"\n\
     after_hours_phone: \"(555) 010-0199\"\n\
     address: \"1 Example Way, Suite 100, Sampletown (fictional address)\"\n\
     email: \"care@clinic.example\"\n\
     site:\n  base_url: \"https://clinic.example/care/handouts/\"\n\
     paper: letter\n\
     review_interval_months: 12\n"
        .to_string()
}

/// The folder name (slug) of procedure `p`; unique for every `p`.
pub fn procedure_slug(p: usize) -> String {
    let kind = &KINDS[p % KINDS.len()];
    match office(p) {
        None => kind.slug.to_string(),
        Some((name, 0)) => format!("{}-{}", kind.slug, slugify(name)),
        Some((name, round)) => format!("{}-{}-{}", kind.slug, slugify(name), round + 1),
    }
}

/// The title of procedure `p`: the procedure's name, and an office name after the first round.
pub fn procedure_title(p: usize) -> String {
    let kind = &KINDS[p % KINDS.len()];
    match office(p) {
        None => kind.title.to_string(),
        Some((name, 0)) => format!("{} ({name} office)", kind.title),
        Some((name, round)) => format!("{} ({name} office {})", kind.title, round + 1),
    }
}

/// The file stem (slug) of variant `v` of procedure `p`; unique within the procedure.
pub fn variant_slug(p: usize, v: usize, seed: u64) -> String {
    variant_name(p, v, seed).slug
}

/// The text of procedure `p`'s `_procedure.md`: front matter and the four shared sections.
pub fn procedure_text(p: usize, seed: u64) -> String {
    let kind = &KINDS[p % KINDS.len()];
    let mut rng = Rng::new(seed, p as u64, u64::MAX);
    let ctx = Ctx::new(kind, &kind.areas[0], &mut rng);
    let mut out = String::new();
    out.push_str("---\n");
    let _ = writeln!(out, "title: \"{}\"", yaml(&procedure_title(p)));
    let _ = writeln!(out, "order: {}", p + 1);
    let _ = writeln!(out, "summary: \"{}\"", yaml(kind.summary));
    out.push_str("---\n");
    list_section(&mut out, "Do", &dos(&ctx, &mut rng));
    list_section(&mut out, "Don't", &donts(&ctx, &mut rng));
    list_section(&mut out, "Risks", &risks(&ctx, &mut rng));
    list_section(&mut out, "When to call us", &calls(&ctx, &mut rng));
    out
}

/// The text of variant `v` of procedure `p` for `seed`; [`generate`] uses `seed = n`.
pub fn variant_text(p: usize, v: usize, seed: u64) -> String {
    let kind = &KINDS[p % KINDS.len()];
    let name = variant_name(p, v, seed);
    let mut rng = Rng::new(seed, p as u64, v as u64);
    let ctx = Ctx::new(kind, &kind.areas[name.area], &mut rng);
    let mut doc = Doc::new(&ctx, &name, v, &mut rng);
    let target = TARGET_WORDS + rng.below(TARGET_SPREAD);
    // Extra sentences are added one at a time until the file reaches its target length.
    let mut extras = doc.extras(&ctx, &mut rng);
    extras.reverse();
    let mut text = doc.render();
    while word_count(&text) < target {
        let Some((place, sentence)) = extras.pop() else {
            break;
        };
        doc.add(place, sentence);
        text = doc.render();
    }
    text
}

/// Words in `text`: whitespace-separated pieces with at least one letter or digit, so Markdown
/// marks such as `-` and `##` are not counted.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    /// A generator for one file, from the corpus seed and the file's place.
    fn new(seed: u64, a: u64, b: u64) -> Rng {
        let mut r = Rng(seed ^ 0x6a09_e667_f3bc_c908);
        let x = r.next() ^ a.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut r = Rng(x);
        let y = r.next() ^ b.wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        Rng(y)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct indices of `0..n`, in increasing order.
    fn subset(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        self.shuffle(&mut all);
        all.truncate(k.min(n));
        all.sort_unstable();
        all
    }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/// Offices that name the second, third … copy of a procedure.
const OFFICES: &[&str] = &[
    "Lakeview",
    "Riverside",
    "Hillcrest",
    "Oak Park",
    "Westgate",
    "Northfield",
    "Harbor",
    "Cedar Hill",
    "Southpoint",
    "Elm Street",
];

/// The office of procedure `p` and how many times its name was used before; `None` for the
/// first round of procedures.
fn office(p: usize) -> Option<(&'static str, usize)> {
    let round = p / KINDS.len();
    if round == 0 {
        return None;
    }
    let i = round - 1;
    Some((OFFICES[i % OFFICES.len()], i / OFFICES.len()))
}

fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// One variant's name and the area it covers.
struct VariantName {
    slug: String,
    title: String,
    /// Index into the kind's specifics.
    spec: usize,
    /// Index into the kind's areas.
    area: usize,
}

/// The variant at place `v` of procedure `p`: the first is the kind's main variant on its main
/// area, the rest are the other (specific, area) pairs in a shuffled order.
fn variant_name(p: usize, v: usize, seed: u64) -> VariantName {
    let kind = &KINDS[p % KINDS.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (s, spec) in kind.specifics.iter().enumerate() {
        for (a, area) in kind.areas.iter().enumerate() {
            if spec.only.is_empty() || spec.only.contains(&area.slug) {
                pairs.push((s, a));
            }
        }
    }
    let mut rng = Rng::new(seed, p as u64, u64::MAX - 1);
    rng.shuffle(&mut pairs[1..]);
    let (spec, area) = pairs[v % pairs.len()];
    let round = v / pairs.len();
    let s = &kind.specifics[spec];
    let a = &kind.areas[area];
    let (mut slug, mut title) = match (spec, area) {
        (_, 0) => (s.slug.to_string(), s.title.to_string()),
        (0, _) => (a.slug.to_string(), format!("{} on the {}", s.title, a.name)),
        _ => (
            format!("{}-{}", s.slug, a.slug),
            format!("{} on the {}", s.title, a.name),
        ),
    };
    if round > 0 {
        let _ = write!(slug, "-{}", round + 1);
        let _ = write!(title, " (plan {})", round + 1);
    }
    VariantName {
        slug,
        title,
        spec,
        area,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// What templates are filled from.
struct Ctx<'a> {
    kind: &'a Kind,
    bank: &'a Bank,
    area: &'a Area,
    /// Waiting times chosen once per file, so the Don't list and the FAQ agree.
    vars: Vec<(&'static str, &'static str)>,
}

impl<'a> Ctx<'a> {
    fn new(kind: &'a Kind, area: &'a Area, rng: &mut Rng) -> Ctx<'a> {
        let bank = bank(kind.cat);
        let vars = bank
            .waits
            .iter()
            .map(|&(name, choices)| {
                let choices = kind
                    .waits
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(choices, |(_, c)| *c);
                (name, rng.pick(choices))
            })
            .collect();
        Ctx {
            kind,
            bank,
            area,
            vars,
        }
    }
}

/// Fills a template: `{area}` and `{proc}`/`{Proc}` by the variant, `{makeup}`, `{sweat}` and
/// `{heat}` by the file's waiting times, `{a|b|c}` by one of the choices. A leading `^` (an item only for the face) is removed.
fn fill(template: &str, ctx: &Ctx<'_>, rng: &mut Rng) -> String {
    let template = template.strip_prefix('^').unwrap_or(template);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("a closed template brace");
        let inner = &rest[open + 1..close];
        match inner {
            "area" => out.push_str(ctx.area.name),
            "proc" => out.push_str(ctx.kind.noun),
            "Proc" => out.push_str(&capitalize(ctx.kind.noun)),
            name if !name.contains('|') => {
                let value = ctx.vars.iter().find(|(n, _)| *n == name);
                out.push_str(value.expect("a known template variable").1);
            }
            _ => {
                let choices: Vec<&str> = inner.split('|').collect();
                out.push_str(rng.pick(&choices));
            }
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The title as it reads inside a sentence: "Classic microneedling" → "classic microneedling",
/// but "IPL photofacial" stays.
fn lower_title(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_lowercase() => {
            a.to_lowercase().chain(Some(b)).chain(chars).collect()
        }
        _ => title.to_string(),
    }
}

/// Whether a bank item may be used for `area` (items starting with `^` are for the face only).
fn fits(item: &str, area: &Area) -> bool {
    area.face || !item.starts_with('^')
}

/// `k` items of `bank` that fit the area, filled, in the bank's order.
fn choose(bank: &[&str], k: usize, ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let usable: Vec<&str> = bank.iter().copied().filter(|i| fits(i, ctx.area)).collect();
    rng.subset(usable.len(), k)
        .into_iter()
        .map(|i| fill(usable[i], ctx, rng))
        .collect()
}

/// "a, b, and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// Double-quoted YAML needs `"` and `\` escaped; the banks have neither.
fn yaml(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn list_section(out: &mut String, heading: &str, items: &[String]) {
    let _ = write!(out, "\n## {heading}\n\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
}

fn dos(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let k = rng.range(5, 8);
    let mut items: Vec<String> = ctx.kind.dos.iter().map(|d| fill(d, ctx, rng)).collect();
    let pool: Vec<&str> = ctx.bank.dos.iter().chain(UNIVERSAL_DOS).copied().collect();
    items.extend(choose(&pool, k.saturating_sub(items.len()), ctx, rng));
    items
}

fn donts(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let k = rng.range(5, 8);
    let mut items: Vec<String> = ctx.kind.donts.iter().map(|d| fill(d, ctx, rng)).collect();
    let pool: Vec<&str> = ctx
        .bank
        .donts
        .iter()
        .chain(UNIVERSAL_DONTS)
        .copied()
        .collect();
    items.extend(choose(&pool, k.saturating_sub(items.len()), ctx, rng));
    items
}

/// An "expected" item first, a "rare" item last, the likelier problems between.
fn risks(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let k = rng.range(4, 6);
    let mut items = vec![fill(rng.pick(ctx.bank.expected), ctx, rng)];
    items.extend(ctx.kind.risks.iter().map(|r| fill(r, ctx, rng)));
    let middle = k.saturating_sub(items.len() + 1);
    items.extend(choose(ctx.bank.risks, middle, ctx, rng));
    items.push(fill(rng.pick(ctx.bank.rare), ctx, rng));
    items
}

/// Warning signs, then the procedure's own, then "call us" and the 911 item, always last.
fn calls(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let k = rng.range(5, 7);
    let own: Vec<String> = ctx.kind.calls.iter().map(|c| fill(c, ctx, rng)).collect();
    let mut items = vec![fill(FEVER, ctx, rng)];
    let pool: Vec<&str> = UNIVERSAL_CALLS
        .iter()
        .chain(ctx.bank.calls)
        .copied()
        .collect();
    let more = k.saturating_sub(own.len() + 3);
    items.extend(choose(&pool, more, ctx, rng));
    items.extend(own);
    items.push(fill(rng.pick(CALL_US), ctx, rng));
    items.push(fill(rng.pick(CALL_911), ctx, rng));
    items
}

/// Where an extra sentence goes.
#[derive(Clone, Copy)]
enum Place {
    WhatItIs,
    /// The paragraph: before, during or after the visit.
    WhatToExpect(usize),
}

/// One variant's content before it is written out.
struct Doc {
    front: String,
    what_it_is: Vec<Vec<String>>,
    what_to_expect: Vec<Vec<String>>,
    timeline: Vec<String>,
    dos: Vec<String>,
    donts: Vec<String>,
    risks: Vec<String>,
    calls: Vec<String>,
    faq: Vec<(String, Vec<String>)>,
}

impl Doc {
    fn new(ctx: &Ctx<'_>, name: &VariantName, v: usize, rng: &mut Rng) -> Doc {
        let kind = ctx.kind;
        let spec = &kind.specifics[name.spec];
        let front = front_matter(ctx, name, v, rng);

        let mut intro = vec![
            fill(rng.pick(kind.what), ctx, rng),
            fill(rng.pick(kind.how), ctx, rng),
        ];
        if !spec.detail.is_empty() {
            intro.push(fill(spec.detail, ctx, rng));
        }
        let helps: Vec<&str> = rng
            .subset(kind.helps.len(), 3)
            .into_iter()
            .map(|i| kind.helps[i])
            .collect();
        let second = vec![
            format!("It can help with {}.", join_and(&helps)),
            fill(rng.pick(AREA_LINES), ctx, rng),
            fill(rng.pick(ctx.bank.contra), ctx, rng),
        ];
        let what_it_is = vec![intro, second];

        let mut before = choose(ctx.bank.before, 2, ctx, rng);
        before.extend(kind.before.iter().map(|b| fill(b, ctx, rng)));
        let during = vec![
            fill(rng.pick(DURING_LINES), ctx, rng),
            fill(rng.pick(kind.comfort), ctx, rng),
            format!("Most people feel {}.", fill(rng.pick(kind.feel), ctx, rng)),
            format!("The treatment itself takes about {} minutes.", kind.minutes),
        ];
        let mut after = vec![format!(
            "Afterward, the treated skin may look {}.",
            fill(rng.pick(kind.after), ctx, rng)
        )];
        after.extend(choose(AFTER_LINES, 2, ctx, rng));
        let what_to_expect = vec![before, during, after];

        let timeline = timeline(ctx, rng);
        let dos = dos(ctx, rng);
        let donts = donts(ctx, rng);
        let risks = risks(ctx, rng);
        let calls = calls(ctx, rng);
        let faq = faq(ctx, rng);
        Doc {
            front,
            what_it_is,
            what_to_expect,
            timeline,
            dos,
            donts,
            risks,
            calls,
            faq,
        }
    }

    /// Every extra sentence this variant may take, in the order they are added: the two
    /// sections take turns, so both grow a little.
    fn extras(&self, ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<(Place, String)> {
        let mut wii: Vec<usize> = (0..WHAT_IT_IS_EXTRAS.len()).collect();
        rng.shuffle(&mut wii);
        let mut wte: Vec<usize> = (0..WHAT_TO_EXPECT_EXTRAS.len()).collect();
        rng.shuffle(&mut wte);
        let mut extras = Vec::new();
        for i in 0..wii.len().max(wte.len()) {
            if let Some(&w) = wte.get(i) {
                let (para, text) = WHAT_TO_EXPECT_EXTRAS[w];
                extras.push((Place::WhatToExpect(para), fill(text, ctx, rng)));
            }
            if let Some(&w) = wii.get(i) {
                extras.push((Place::WhatItIs, fill(WHAT_IT_IS_EXTRAS[w], ctx, rng)));
            }
        }
        extras
    }

    fn add(&mut self, place: Place, sentence: String) {
        match place {
            Place::WhatItIs => match self.what_it_is.last_mut() {
                Some(p) if p.len() < MAX_SENTENCES => p.push(sentence),
                _ => self.what_it_is.push(vec![sentence]),
            },
            Place::WhatToExpect(i) => self.what_to_expect[i].push(sentence),
        }
    }

    fn render(&self) -> String {
        let mut out = String::with_capacity(8 * 1024);
        out.push_str(&self.front);
        let prose = |out: &mut String, heading: &str, paragraphs: &[Vec<String>]| {
            let _ = write!(out, "\n## {heading}\n");
            for p in paragraphs {
                let _ = write!(out, "\n{}\n", p.join(" "));
            }
        };
        prose(&mut out, HEADINGS[0], &self.what_it_is);
        prose(&mut out, HEADINGS[1], &self.what_to_expect);
        list_section(&mut out, HEADINGS[2], &self.timeline);
        list_section(&mut out, HEADINGS[3], &self.dos);
        list_section(&mut out, HEADINGS[4], &self.donts);
        list_section(&mut out, HEADINGS[5], &self.risks);
        list_section(&mut out, HEADINGS[6], &self.calls);
        let _ = write!(out, "\n## {}\n", HEADINGS[7]);
        for (q, answer) in &self.faq {
            let _ = write!(out, "\n### {q}\n\n{}\n", answer.join(" "));
        }
        out
    }
}

/// The most sentences a paragraph of "What it is" gets before extra sentences start a new one.
const MAX_SENTENCES: usize = 5;

fn front_matter(ctx: &Ctx<'_>, name: &VariantName, v: usize, rng: &mut Rng) -> String {
    let summary =
        fill(rng.pick(SUMMARIES), ctx, rng).replacen("TITLE", &lower_title(&name.title), 1);
    let (month, day) = date_of(rng.below(334));
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: \"{}\"", yaml(&name.title));
    let _ = writeln!(out, "summary: \"{}\"", yaml(&summary));
    let _ = writeln!(out, "reviewed: 2026-{month:02}-{day:02}");
    let _ = writeln!(out, "reviewed_by: \"{}\"", yaml(rng.pick(REVIEWERS)));
    let _ = writeln!(
        out,
        "sessions: \"{}\"",
        yaml(&fill(rng.pick(ctx.kind.sessions), ctx, rng))
    );
    let _ = writeln!(
        out,
        "downtime: \"{}\"",
        yaml(&fill(rng.pick(ctx.kind.downtime), ctx, rng))
    );
    let _ = writeln!(out, "order: {}", v + 1);
    out.push_str("---\n");
    out
}

/// Month and day of the `day`-th day (0-based) of 2026, which is not a leap year.
fn date_of(mut day: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (m, len) in DAYS.iter().enumerate() {
        if day < *len {
            return (m + 1, day + 1);
        }
        day -= len;
    }
    (12, 31)
}

/// 4–6 stages: some of the category's early stages, in order, and the procedure's results.
fn timeline(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<String> {
    let k = rng.range(4, 6);
    let slots = ctx.bank.timeline;
    let mut items: Vec<String> = rng
        .subset(slots.len(), k - 1)
        .into_iter()
        .map(|i| {
            let slot = &slots[i];
            let label = rng.pick(slot.labels);
            let text = fill(rng.pick(slot.texts), ctx, rng);
            format!("**{label}:** {text}")
        })
        .collect();
    let (label, text) = rng.pick(ctx.kind.results);
    items.push(format!("**{label}:** {}", fill(text, ctx, rng)));
    items
}

/// Six questions with their answers.
fn faq(ctx: &Ctx<'_>, rng: &mut Rng) -> Vec<(String, Vec<String>)> {
    let kind = ctx.kind;
    let mut entries: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for (q, a) in kind.faq {
        entries.push((q.to_string(), vec![fill(a, ctx, rng)], Vec::new()));
    }
    // The questions every procedure can answer from its own facts.
    let mut built: Vec<(String, Vec<String>, Vec<String>)> = vec![
        (
            "Will it hurt?".into(),
            vec![
                format!("Most people feel {}.", fill(rng.pick(kind.feel), ctx, rng)),
                fill(rng.pick(kind.comfort), ctx, rng),
            ],
            vec!["Afterward, acetaminophen (Tylenol) usually eases any soreness.".into()],
        ),
        (
            "How long does the visit take?".into(),
            vec![
                format!("The treatment itself takes about {} minutes.", kind.minutes),
                fill(
                    "Plan on {30|45} to 60 minutes in all, with time to check in and get ready.",
                    ctx,
                    rng,
                ),
            ],
            vec![fill(
                "Come {10|15} minutes early if this is your first visit.",
                ctx,
                rng,
            )],
        ),
        (
            "How many sessions will I need?".into(),
            vec![
                format!(
                    "Most people need {}.",
                    fill(rng.pick(kind.sessions), ctx, rng)
                ),
                "We will check your skin at each visit and adjust the plan.".into(),
            ],
            vec!["Some people need fewer, and some need a touch-up later.".into()],
        ),
        (
            "When will I see results?".into(),
            {
                let (label, text) = rng.pick(kind.results);
                vec![
                    format!("Most people see results by {}.", label.to_lowercase()),
                    fill(text, ctx, rng),
                    "Results vary from person to person.".into(),
                ]
            },
            vec!["Photos taken before your first session help you see the change.".into()],
        ),
        (
            "When can I go back to work?".into(),
            vec![
                format!(
                    "Downtime is usually {}.",
                    fill(rng.pick(kind.downtime), ctx, rng)
                ),
                fill(rng.pick(WORK_LINES), ctx, rng),
            ],
            vec![
                "If your job is hot, dusty, or very active, ask us about taking a day off.".into(),
            ],
        ),
    ];
    for item in FAQ_POOL {
        let fits = item.cats.contains(&kind.cat) && (ctx.area.face || !item.face);
        if fits && !kind.skip.contains(&item.question) {
            let answer: Vec<String> = item.answer.iter().map(|s| fill(s, ctx, rng)).collect();
            let more: Vec<String> = item.more.iter().map(|s| fill(s, ctx, rng)).collect();
            built.push((item.question.to_string(), answer, more));
        }
    }
    rng.shuffle(&mut built);
    entries.extend(built);
    entries.truncate(6);
    entries
        .into_iter()
        .map(|(q, mut a, more)| {
            a.extend(more);
            (q, a)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Banks shared by all procedures
// ---------------------------------------------------------------------------------------------

const REVIEWERS: &[&str] = &[
    "Dr. Priya Raman, MD (sample)",
    "Dr. Samuel Okafor, MD (sample)",
    "Dr. Elena Marsh, MD (sample)",
    "Dr. Kenji Watanabe, MD (sample)",
    "Dr. Grace Mbeki, DO (sample)",
    "Dr. Amir Haddad, MD (sample)",
    "Jordan Lee, PA-C (sample)",
    "Maria Santos, NP (sample)",
];

/// Summaries; `TITLE` becomes the variant's title as it reads inside a sentence.
const SUMMARIES: &[&str] = &[
    "How to care for your skin after TITLE, what is normal while you heal, and when to call us.",
    "Aftercare for TITLE: what to expect, what to avoid, and when to call us.",
    "What to expect after TITLE, how to help your skin heal, and when to call us.",
    "Your guide to TITLE: how to get ready, how to heal well, and the signs that mean you should call us.",
    "Simple steps for healing after TITLE, with a day-by-day timeline and answers to common questions.",
];

const AREA_LINES: &[&str] = &[
    "This handout is for treatment of the {area}.",
    "This handout is written for treatment of the {area}.",
    "The steps below are for treatment of the {area}.",
    "We wrote this handout for treatment of the {area}.",
];

const AFTER_LINES: &[&str] = &[
    "This is normal and usually settles {within a few days|in a day or two|over the next few days}.",
    "Most people go back to their usual routine {the same day|the next day|within a day or two}.",
    "You can go home right away, and you can drive yourself.",
    "We will go over your aftercare before you leave.",
    "A nurse will call you {the next day|in a day or two} to see how you are doing.",
];

const DURING_LINES: &[&str] = &[
    "First, we clean the skin {well|carefully}.",
    "First, we clean the skin and check the area with you.",
    "We start by cleaning the skin and going over the plan.",
];

const WORK_LINES: &[&str] = &[
    "Many people go back to work the same day or the next day.",
    "Most people go back to desk work the next day.",
    "If you are worried about how you look, plan your visit before a weekend.",
];

const UNIVERSAL_DOS: &[&str] = &[
    "For soreness, take acetaminophen (Tylenol) unless we told you not to.",
    "Take any medicine we prescribed exactly as directed.",
    "Wash your hands before you touch the treated skin.",
    "Keep your follow-up visit, even if you feel fine.",
    "Write down any questions and bring them to your next visit.",
    "Get plenty of sleep. Your skin heals best when you rest.",
];

const UNIVERSAL_DONTS: &[&str] = &[
    "Do not smoke or vape while you heal. It slows healing.",
    "No alcohol for the first {24|48} hours.",
    "Ask us before you take ibuprofen, aspirin, or fish oil, or stop any medicine.",
    "Do not try home remedies or new products on the treated skin.",
    "Do not touch the treated skin with unwashed hands.",
];

const FEVER: &str = "**A fever** of 100.4 °F (38 °C) or higher, or chills.";

const UNIVERSAL_CALLS: &[&str] = &[
    "**Signs of infection:** pus, yellow crusts, a bad smell, or redness, warmth, or swelling that gets worse after day {2|3}.",
    "**Severe pain**, or pain that acetaminophen does not help.",
    "**Hives, an itchy rash, or blisters** on or near the treated skin.",
];

const CALL_US: &[&str] = &[
    "**Anything else that worries you** about how you are healing: call us. We would rather hear from you early.",
    "**Questions at any hour:** call us. After hours, use the after-hours number on this handout.",
    "**If you are not sure** whether something is normal, call us. We are glad to check.",
];

const CALL_911: &[&str] = &[
    "**In an emergency**, such as trouble breathing or swelling of your lips, tongue, or throat, call 911.",
    "**Call 911 in an emergency**, such as trouble breathing, chest pain, or swelling of your face or throat.",
];

const WHAT_IT_IS_EXTRAS: &[&str] = &[
    "Results vary from person to person.",
    "Before you decide, we will talk about what {proc} can and cannot do for you.",
    "It is done in our office, and you go home the same day.",
    "A trained member of our team does every treatment.",
    "Good daily care and sunscreen help the results last.",
    "Tell us if you are pregnant or breastfeeding. We may suggest waiting.",
    "Your first visit starts with a short talk about your health and your goals.",
    "We will check that the treatment is a good fit for your skin.",
];

/// Extra sentences for "What to expect", each with its paragraph: 0 before, 1 during, 2 after.
const WHAT_TO_EXPECT_EXTRAS: &[(usize, &str)] = &[
    (0, "Bring a list of the medicines and supplements you take."),
    (
        0,
        "Wear comfortable clothes that are easy to take off and put on.",
    ),
    (
        0,
        "We take photos before treatment so we can compare your results later.",
    ),
    (
        0,
        "Plan to arrive {10|15} minutes early to fill in a short form.",
    ),
    (
        1,
        "Tell us right away if you feel too uncomfortable. We can pause at any time.",
    ),
    (1, "You can listen to music or talk with us while we work."),
    (2, "*Tip:* bring a hat and sunglasses for the trip home."),
    (2, "Plan a quiet evening at home after your visit."),
    (
        2,
        "We will give you a printed copy of this handout to take home.",
    ),
    (
        2,
        "Ask any questions before you leave. There are no silly questions.",
    ),
];

/// A question any procedure of the listed categories can answer.
struct FaqItem {
    question: &'static str,
    cats: &'static [Cat],
    /// Only for treatments of the face.
    face: bool,
    answer: &'static [&'static str],
    /// Sentences the answer may take when the file is still short.
    more: &'static [&'static str],
}

const ALL: &[Cat] = &[
    Cat::Resurface,
    Cat::Facial,
    Cat::Light,
    Cat::Spot,
    Cat::Inject,
    Cat::Energy,
];

const FAQ_POOL: &[FaqItem] = &[
    FaqItem {
        question: "When can I wear makeup again?",
        cats: &[
            Cat::Resurface,
            Cat::Facial,
            Cat::Light,
            Cat::Inject,
            Cat::Energy,
        ],
        face: true,
        answer: &[
            "Usually after {makeup}, once your skin is not raw or stinging.",
            "Choose gentle, fragrance-free products.",
        ],
        more: &["Clean your brushes and sponges before you use them."],
    },
    FaqItem {
        question: "When can I exercise?",
        cats: ALL,
        face: false,
        answer: &[
            "Wait {sweat} before hard exercise or anything that makes you sweat a lot.",
            "Gentle walking is fine.",
        ],
        more: &["Heat and sweat can irritate healing skin."],
    },
    FaqItem {
        question: "Can I go out in the sun?",
        cats: ALL,
        face: false,
        answer: &[
            "Try to stay out of direct sun while you heal.",
            "Use sunscreen, SPF 30 or higher, and wear a wide-brimmed hat.",
        ],
        more: &["Treated skin burns more easily than usual."],
    },
    FaqItem {
        question: "Is it safe during pregnancy?",
        cats: ALL,
        face: false,
        answer: &[
            "To be safe, we do not offer this treatment during pregnancy or while breastfeeding.",
            "Tell us if you are pregnant or trying to get pregnant.",
        ],
        more: &["We are happy to plan your treatment for later."],
    },
    FaqItem {
        question: "Can I take something for pain?",
        cats: ALL,
        face: false,
        answer: &[
            "Acetaminophen (Tylenol) is usually fine unless we told you not to.",
            "Ask us before you take ibuprofen or aspirin.",
        ],
        more: &["They can make bruising and bleeding worse."],
    },
    FaqItem {
        question: "What if I get cold sores?",
        cats: &[Cat::Resurface, Cat::Light, Cat::Inject],
        face: true,
        answer: &[
            "Tell us before your visit, because treatment can set off a flare.",
            "We may give you medicine to take before and after.",
        ],
        more: &["Call us if a cold sore starts while you heal."],
    },
    FaqItem {
        question: "Is it safe for darker skin?",
        cats: &[Cat::Resurface, Cat::Light, Cat::Facial],
        face: false,
        answer: &[
            "Often, yes, but some settings have a higher chance of dark patches.",
            "We choose the right approach for your skin.",
        ],
        more: &["Careful sun protection lowers the risk."],
    },
    FaqItem {
        question: "Can I shower after my visit?",
        cats: ALL,
        face: false,
        answer: &[
            "Yes. Use lukewarm water and a gentle cleanser.",
            "Pat the treated skin dry with a clean towel.",
        ],
        more: &["Avoid very hot water for a day or two."],
    },
    FaqItem {
        question: "What if I have a big event coming up?",
        cats: ALL,
        face: false,
        answer: &[
            "Plan your visit at least {two|three} weeks before the event.",
            "That gives any redness, swelling, or bruising time to settle.",
        ],
        more: &["Tell us the date when you book, and we will help you plan."],
    },
    FaqItem {
        question: "How long do the results last?",
        cats: ALL,
        face: false,
        answer: &[
            "It depends on your skin, your age, and how well you protect it.",
            "Many people book a touch-up visit once or twice a year.",
        ],
        more: &["Sunscreen and a simple routine help results last longer."],
    },
    FaqItem {
        question: "Can I have other treatments at the same time?",
        cats: ALL,
        face: false,
        answer: &[
            "Sometimes. Some treatments work well together, and others need a few weeks apart.",
            "Ask us before you book anything else on the same area.",
        ],
        more: &["This includes facials, waxing, and treatments at other clinics."],
    },
    FaqItem {
        question: "Can I travel after my visit?",
        cats: ALL,
        face: false,
        answer: &[
            "Short trips are usually fine.",
            "Bring your aftercare products and keep the treated skin out of the sun.",
        ],
        more: &["Call us if you notice any warning signs while you are away."],
    },
];

// ---------------------------------------------------------------------------------------------
// Categories: what procedures of one kind share
// ---------------------------------------------------------------------------------------------

/// A family of procedures with the same kind of healing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    /// The skin's surface is removed or wounded and grows back: peels, needling, lasers.
    Resurface,
    /// Gentle facials and light treatments with little or no downtime.
    Facial,
    /// Light and laser treatments that heat color, hair or vessels.
    Light,
    /// Small wounds on single spots: tattoo removal, skin tags, freezing.
    Spot,
    /// Injections.
    Inject,
    /// Heat, sound or cold under the skin, with no wound.
    Energy,
}

/// One stage slot of a recovery timeline.
struct Slot {
    labels: &'static [&'static str],
    texts: &'static [&'static str],
}

/// What every procedure of a category shares.
struct Bank {
    before: &'static [&'static str],
    contra: &'static [&'static str],
    /// Early stages, in order; every label comes before the procedures' result labels.
    timeline: &'static [Slot],
    dos: &'static [&'static str],
    donts: &'static [&'static str],
    expected: &'static [&'static str],
    risks: &'static [&'static str],
    rare: &'static [&'static str],
    calls: &'static [&'static str],
    /// Waiting times by name (`makeup`, `sweat`, `heat`), each with its choices.
    waits: Waits,
}

/// Named waiting times, each with its choices.
type Waits = &'static [(&'static str, &'static [&'static str])];

fn bank(cat: Cat) -> &'static Bank {
    match cat {
        Cat::Resurface => &RESURFACE,
        Cat::Facial => &FACIAL,
        Cat::Light => &LIGHT,
        Cat::Spot => &SPOT,
        Cat::Inject => &INJECT,
        Cat::Energy => &ENERGY,
    }
}

const RESURFACE: Bank = Bank {
    before: &[
        "Stop retinoids, such as retinol or tretinoin, {3|5|7} days before your visit.",
        "Tell us if you have ever had cold sores. We may give you medicine to help prevent a flare.",
        "Avoid sunburn and tanning for {two|four} weeks before your treatment.",
        "Tell us about every medicine and supplement you take, including blood thinners.",
        "Do not wax or use hair removal cream on the area for a week before.",
        "^Come with a clean face and no makeup.",
    ],
    contra: &[
        "It is not a good choice if you have an active rash, cold sore, or infection in the area.",
        "Tell us if you took isotretinoin (Accutane) in the past 6 months. We may need to wait.",
        "Tell us if you scar easily or form thick, raised scars.",
    ],
    timeline: &[
        Slot {
            labels: &["Day 1", "The first day", "First 24 hours"],
            texts: &[
                "Skin may look red and feel warm and tight, like a mild sunburn.",
                "Expect redness, warmth, and a tight feeling. Mild swelling is normal.",
                "Skin may feel hot and look pink or red. A cool, clean cloth can help.",
            ],
        },
        Slot {
            labels: &["Days 2–3"],
            texts: &[
                "Redness and swelling start to fade. Skin may feel rough or dry.",
                "Skin may look a bit darker or feel like sandpaper. This is normal.",
                "Tightness eases. Keep using the gentle moisturizer we gave you.",
            ],
        },
        Slot {
            labels: &["Days 3–5", "Days 3–7", "Days 4–7"],
            texts: &[
                "Skin may flake or peel. Let flakes fall off on their own.",
                "Dry, flaky patches are common. Do not pick or scrub them.",
                "Light peeling often starts where the skin moves the most.",
            ],
        },
        Slot {
            labels: &["Week 2", "Days 7–14", "Days 8–14"],
            texts: &[
                "Most flaking is done. Skin may still look a little pink.",
                "New skin may look pink and feel tender. Keep protecting it from the sun.",
                "Most people look like themselves again. Ask us before you restart your usual products.",
            ],
        },
        Slot {
            labels: &["Weeks 2–3", "Week 3"],
            texts: &[
                "Pinkness fades, and skin tone looks more even.",
                "Skin feels smoother. Keep up daily sunscreen to protect the new skin.",
            ],
        },
    ],
    dos: &[
        "Wash {gently|twice a day} with a mild, fragrance-free cleanser and lukewarm water.",
        "Pat your skin dry with a clean towel. Do not rub.",
        "Keep skin moist with the plain moisturizer or ointment we recommend.",
        "Use a mineral sunscreen, SPF 30 or higher, every day. Reapply every 2 hours outside.",
        "^Sleep on a clean pillowcase {for the first few nights|for the first week}.",
        "^Sleep with your head raised on an extra pillow for the first {two|three} nights.",
        "Wear a wide-brimmed hat and stay in the shade when you are outside.",
        "Drink plenty of water and eat as you normally do.",
    ],
    donts: &[
        "Do not pick, peel, or scrub flaking skin. It can scar or leave dark marks.",
        "^No makeup for {makeup}, or until we say it is okay.",
        "No retinoids, acids, vitamin C, or benzoyl peroxide until we say so.",
        "No pools, hot tubs, saunas, or steam rooms for {heat}.",
        "No hard exercise or heavy sweating for {sweat}.",
        "No waxing, threading, or hair removal cream on treated skin for {two weeks|at least 10 days}.",
        "No tanning beds or sunbathing while your skin heals.",
    ],
    expected: &[
        "**Expected for {2–3|3–5} days:** redness, swelling, tenderness, and tightness. This is normal healing.",
        "**Expected:** redness, stinging, dryness, and flaking, which usually settle within a week.",
    ],
    risks: &[
        "**Dry, flaking skin** for a few days, starting around day {2|3}.",
        "**Minor bruising** or pinpoint bleeding, more likely if you bruise easily.",
        "**A cold sore flare** if you have had cold sores before.",
        "**Darker or lighter patches**, more likely on darker skin or after sun exposure. Most fade with time.",
        "**Small breakouts or tiny white bumps**, which usually clear on their own.",
    ],
    rare: &[
        "**Rare:** an infection, an allergic reaction, or scarring.",
        "**Rare:** an infection, a scar, or lasting changes in skin color.",
    ],
    calls: &[
        "**Bleeding** that does not stop after 10 minutes of gentle, steady pressure.",
        "**Cold sores or open sores** on or near the treated skin.",
        "**Dark patches or redness** that keep getting worse instead of slowly fading.",
    ],
    waits: &[("makeup", &["48 hours", "3 days"]), ("sweat", &["48 hours", "3 days"]), ("heat", &["a week", "at least 5 days"])],
};

const FACIAL: Bank = Bank {
    before: &[
        "Skip retinoids and exfoliating acids for {2|3} days before your visit.",
        "Come with clean skin, or we will cleanse it for you.",
        "Tell us about any new rash, sunburn, or cold sore.",
        "Tell us if you use acne medicine such as isotretinoin (Accutane).",
        "Do not wax or use hair removal cream on the area for {3|5} days before.",
    ],
    contra: &[
        "We may wait if you have a sunburn, an open sore, or a rash in the area.",
        "It is not a good choice while you have a cold sore or skin infection.",
    ],
    timeline: &[
        Slot {
            labels: &["Right after", "The first few hours"],
            texts: &[
                "Skin may look a little pink and feel fresh and smooth.",
                "Mild pinkness is common and usually fades within a few hours.",
            ],
        },
        Slot {
            labels: &["Day 1", "The first day"],
            texts: &[
                "Skin may feel a bit dry or sensitive. Use only gentle products.",
                "Any pinkness should be gone. Skin may look brighter.",
            ],
        },
        Slot {
            labels: &["Days 2–3"],
            texts: &[
                "A few small breakouts can appear as pores clear. They settle on their own.",
                "You can usually go back to your normal skin care.",
            ],
        },
        Slot {
            labels: &["Days 3–7", "Week 1"],
            texts: &[
                "Skin feels smoother and looks brighter.",
                "Keep up sunscreen and a simple routine to make the results last.",
            ],
        },
        Slot {
            labels: &["Week 2"],
            texts: &[
                "Skin keeps its glow if you protect it from the sun.",
                "Any small breakouts are gone. Skin feels soft and clean.",
            ],
        },
    ],
    dos: &[
        "Wash with a gentle cleanser tonight and tomorrow morning.",
        "Use a light, fragrance-free moisturizer.",
        "Use sunscreen, SPF 30 or higher, every day.",
        "Drink plenty of water.",
        "^Use a clean pillowcase tonight.",
        "^Wait {makeup} before you wear makeup, if you can.",
    ],
    donts: &[
        "No scrubs, peels, or exfoliating acids for {2|3} days.",
        "No retinoids for {48 hours|2 days}.",
        "No saunas, steam rooms, or hot yoga for {heat}.",
        "Do not pick or squeeze any bumps.",
        "No waxing or threading on treated skin for {2|3} days.",
        "No tanning or sunbathing for a few days.",
    ],
    expected: &[
        "**Expected:** mild pinkness or tightness for a few hours.",
        "**Expected:** slight redness and a warm feeling that fade the same day.",
    ],
    risks: &[
        "**Small breakouts** for a day or two as pores clear.",
        "**Dry or sensitive skin** for a day or two.",
        "**Stinging** if you use strong products too soon.",
        "**Mild swelling** in spots where we cleared pores.",
    ],
    rare: &[
        "**Rare:** an allergic reaction to a product, a rash, or a skin infection.",
        "**Rare:** a skin infection or a reaction to one of the products.",
    ],
    calls: &[
        "**A rash, hives, or swelling** that spreads or gets worse.",
        "**Painful bumps or sores** that get bigger instead of smaller.",
        "**Redness that lasts** more than {2|3} days.",
    ],
    waits: &[
        ("makeup", &["12 hours", "24 hours"]),
        ("sweat", &["24 hours"]),
        ("heat", &["24 hours", "48 hours"]),
    ],
};

const LIGHT: Bank = Bank {
    before: &[
        "Avoid sun, tanning beds, and self-tanner for {two|four} weeks before.",
        "Tell us about any new medicine, especially antibiotics. Some make skin more sensitive to light.",
        "Come without lotion, makeup, or deodorant on the area.",
        "Tell us if you have a tan. We may need to wait until it fades.",
        "Tell us if you have ever had cold sores.",
    ],
    contra: &[
        "It is not a good choice on tanned skin or right after a sunburn.",
        "Tell us if you take medicine that makes skin sensitive to light.",
        "We may wait if you have a rash, cold sore, or infection in the area.",
    ],
    timeline: &[
        Slot {
            labels: &["Right after", "First few hours"],
            texts: &[
                "Skin may look pink and feel warm, like a mild sunburn.",
                "Small bumps or redness around the treated spots are common.",
            ],
        },
        Slot {
            labels: &["Day 1", "Days 1–2"],
            texts: &[
                "Redness and swelling ease. A cool pack can help.",
                "Skin may feel warm and tender. Use a gentle moisturizer.",
            ],
        },
        Slot {
            labels: &["Days 2–5", "Days 3–7"],
            texts: &[
                "Skin calms down. Any darker spots or tiny crusts start to flake away.",
                "Most redness is gone. Keep the treated skin out of the sun.",
            ],
        },
        Slot {
            labels: &["Week 2", "Days 7–14"],
            texts: &[
                "Skin looks clearer and more even.",
                "Most skin looks normal again. Keep using sunscreen every day.",
            ],
        },
        Slot {
            labels: &["Week 3"],
            texts: &[
                "Skin keeps improving. Protect it from the sun to keep the results.",
                "We will check how your skin responded and plan the next session.",
            ],
        },
    ],
    dos: &[
        "Use a cool pack wrapped in a soft cloth for {10|15} minutes at a time.",
        "Wash gently with cool or lukewarm water.",
        "Use a plain, fragrance-free moisturizer.",
        "Use sunscreen, SPF 30 or higher, on treated skin every day.",
        "Keep the treated skin covered or in the shade when you go outside.",
        "Use aloe vera gel if the skin feels hot or tight.",
    ],
    donts: &[
        "No sun, tanning beds, or self-tanner for {two|four} weeks.",
        "No hot showers, hot tubs, or saunas for {heat}.",
        "No hard exercise for {sweat}.",
        "Do not pick or scratch the treated skin.",
        "No retinoids, acids, or scrubs on treated skin for {3|5} days.",
        "^No heavy makeup until redness has settled.",
    ],
    expected: &[
        "**Expected for {1–2|2–3} days:** redness, warmth, and mild swelling, like a mild sunburn.",
        "**Expected:** pink, warm skin for a few hours to a day or two.",
    ],
    risks: &[
        "**Darker or lighter patches**, more likely on tanned or darker skin. They usually fade over weeks to months.",
        "**Blisters or crusts** on treated spots, which need gentle care.",
        "**Mild bruising**, which fades within a week or two.",
        "**Swelling** that is worse in the morning for a day or two.",
    ],
    rare: &[
        "**Rare:** a burn, a scar, or an infection.",
        "**Rare:** a burn or a lasting change in skin color.",
    ],
    calls: &[
        "**Blisters, open skin, or crusts** that spread or weep.",
        "**Skin that looks white, gray, or burned** in the treated area.",
        "^**Eye pain or changes in your vision** after a treatment near the eyes.",
    ],
    waits: &[("makeup", &["24 hours"]), ("sweat", &["24 hours", "48 hours"]), ("heat", &["24 hours", "48 hours"])],
};

const SPOT: Bank = Bank {
    before: &[
        "Tell us if you take blood thinners, such as warfarin or daily aspirin.",
        "Tell us if you heal slowly or form thick scars.",
        "Wear loose clothing that will not rub the area.",
        "Avoid sunburn on the area before your visit.",
        "Tell us if you have diabetes or poor blood flow, since healing may take longer.",
    ],
    contra: &[
        "We may wait if the skin around the spot is sunburned, broken, or infected.",
        "Tell us if a spot has changed, bled, or grown quickly. We may check it first.",
    ],
    timeline: &[
        Slot {
            labels: &["Day 1", "The first day"],
            texts: &[
                "The spot may sting, look red, and swell a little.",
                "Keep the bandage on for the time we told you. A little oozing is normal.",
            ],
        },
        Slot {
            labels: &["Days 1–3", "Days 2–3"],
            texts: &[
                "A blister may form. Leave it alone and keep it covered.",
                "The area may look red and feel tender. Keep it clean and covered.",
            ],
        },
        Slot {
            labels: &["Days 3–7", "Days 4–7"],
            texts: &[
                "A scab or crust forms. Let it fall off on its own.",
                "Swelling goes down. Keep a thin layer of petroleum jelly on the spot.",
            ],
        },
        Slot {
            labels: &["Weeks 1–2", "Week 2"],
            texts: &[
                "The scab falls off. New skin may look pink.",
                "The area looks pink and feels smooth. Protect it from the sun.",
            ],
        },
        Slot {
            labels: &["Weeks 2–3", "Week 3"],
            texts: &[
                "Pink skin slowly fades toward your normal color.",
                "The spot keeps healing under the surface. Keep using sunscreen.",
            ],
        },
    ],
    dos: &[
        "Keep the bandage on for {24|48} hours, or as long as we told you.",
        "Wash the area gently once a day with mild soap and water, then pat dry.",
        "Put a thin layer of petroleum jelly on the spot and cover it with a clean bandage.",
        "Change the bandage once a day, or sooner if it gets wet or dirty.",
        "Wear loose clothing over the area.",
        "Use sunscreen on the healed spot for at least {3|6} months.",
    ],
    donts: &[
        "Do not pop blisters or pick scabs.",
        "No swimming, baths, or hot tubs until the skin has closed.",
        "Do not shave over the spot until it heals.",
        "No tight clothing, straps, or jewelry rubbing the area.",
        "Do not use hydrogen peroxide or rubbing alcohol on the spot. They slow healing.",
        "No tanning or sunbathing on the area.",
    ],
    expected: &[
        "**Expected:** redness, swelling, and a small scab or blister. This is normal healing.",
        "**Expected:** stinging for a few hours, then a scab that falls off in 1–2 weeks.",
    ],
    risks: &[
        "**A lighter or darker spot**, which may fade over months or may last.",
        "**A small scar**, more likely if a scab is picked.",
        "**Itching** as the skin heals.",
        "**A spot that needs a second treatment** if it does not fully clear.",
    ],
    rare: &[
        "**Rare:** an infection, an allergic reaction, or a raised, thick scar.",
        "**Rare:** an infection or a thick scar.",
    ],
    calls: &[
        "**Bleeding** that does not stop after 10 minutes of firm, steady pressure.",
        "**A blister larger than a quarter**, or one that fills with cloudy fluid.",
        "**Redness spreading** out from the spot, or red streaks.",
    ],
    waits: &[
        ("makeup", &["24 hours"]),
        ("sweat", &["48 hours", "2–3 days"]),
        ("heat", &["a week"]),
    ],
};

const INJECT: Bank = Bank {
    before: &[
        "Ask us before you stop any medicine. Do not stop a blood thinner on your own.",
        "For {5|7} days before, avoid fish oil and vitamin E, unless your doctor says you need them.",
        "Skip alcohol the day before to lower the chance of bruising.",
        "Tell us if you have a cold sore, rash, or infection near the area.",
        "Eat a light meal before you come in.",
    ],
    contra: &[
        "It is not a good choice if you have an infection or rash where we would inject.",
        "Tell us about any nerve or muscle condition, or any past reaction to an injection.",
    ],
    timeline: &[
        Slot {
            labels: &["Right after", "The first few hours", "First 4 hours"],
            texts: &[
                "Small bumps or pink marks at the injection sites fade within an hour or so.",
                "Stay upright and keep your hands off the treated area.",
            ],
        },
        Slot {
            labels: &["Day 1", "The first day"],
            texts: &[
                "Mild swelling or tenderness is common. A cool pack can help.",
                "You may see small bruises. Most fade within a week.",
            ],
        },
        Slot {
            labels: &["Days 2–3"],
            texts: &[
                "Swelling goes down. Bruises may turn yellow or green as they fade.",
                "Tenderness eases, and you can go back to gentle activity.",
            ],
        },
        Slot {
            labels: &["Days 3–7", "Days 4–7"],
            texts: &[
                "Most swelling and bruising are gone.",
                "You may start to notice the first changes.",
            ],
        },
    ],
    dos: &[
        "Use a cool pack wrapped in a soft cloth for {10|15} minutes at a time the first day.",
        "^Keep your head up for the rest of the day.",
        "Walk and move gently the same day.",
        "Keep the injection sites clean for the first day.",
        "Cover bruises with makeup or clothing once the skin has closed, if you like.",
    ],
    donts: &[
        "Do not rub, press, or massage the treated area {for 24 hours|unless we showed you how}.",
        "No hard exercise for {sweat}.",
        "No saunas, hot tubs, or very hot showers for {heat}.",
        "No other skin treatments on the area for {two weeks|at least 10 days} unless we say so.",
        "^Do not lie face down for the first 4 hours.",
    ],
    expected: &[
        "**Expected:** small bumps, pinkness, or tenderness at the injection sites for a few hours to a day.",
        "**Expected:** mild swelling, soreness, or small bruises where the needle went in.",
    ],
    risks: &[
        "**Bruising**, more likely if you take blood thinners or supplements such as fish oil.",
        "**Swelling** for a few days, often worse the morning after.",
        "**Uneven results**, which we can often adjust at a follow-up visit.",
        "**A headache** on the first day, which usually goes away quickly.",
    ],
    rare: &[
        "**Rare:** an infection or an allergic reaction.",
        "**Rare:** an infection, an allergic reaction, or a lasting lump.",
    ],
    calls: &[
        "**Pain that gets worse** instead of better after the first day.",
        "**A red, warm, or painful lump** at an injection site.",
        "**Bruising or swelling that keeps growing** after day {2|3}.",
    ],
    waits: &[("makeup", &["12 hours", "24 hours"]), ("sweat", &["24 hours", "48 hours"]), ("heat", &["24 hours", "48 hours"])],
};

const ENERGY: Bank = Bank {
    before: &[
        "Come with clean skin and no lotion on the area.",
        "Drink plenty of water the day before and the day of your visit.",
        "Wear loose, comfortable clothes.",
        "Tell us about any medical devices, implants, or recent surgery.",
        "Tell us if you have any numb areas or nerve problems in the area.",
    ],
    contra: &[
        "It is not a good choice over an open wound, a rash, or an infection.",
        "It may not suit very loose skin. We will talk about other choices if so.",
    ],
    timeline: &[
        Slot {
            labels: &["Right after", "First few hours"],
            texts: &[
                "Skin may look pink and feel warm. This fades within a few hours.",
                "The area may feel tender, tingly, or a little swollen.",
            ],
        },
        Slot {
            labels: &["Day 1", "Days 1–2"],
            texts: &[
                "Mild swelling or tenderness may last a day or two.",
                "Most people go back to work and their usual activities.",
            ],
        },
        Slot {
            labels: &["Days 2–7", "Week 1"],
            texts: &[
                "The area may feel sore to the touch, like after a workout.",
                "Any swelling or numb patches slowly ease.",
            ],
        },
        Slot {
            labels: &["Weeks 2–3", "Week 2"],
            texts: &[
                "Skin looks and feels normal again.",
                "Tingling or numbness should be gone or nearly gone.",
            ],
        },
    ],
    dos: &[
        "Drink plenty of water.",
        "Use a gentle moisturizer on the area.",
        "Go back to normal activity as soon as you feel ready.",
        "Use a cool pack if the area feels warm or swollen.",
        "Use sunscreen on treated skin every day.",
    ],
    donts: &[
        "No very hot baths, saunas, or hot tubs for {heat}.",
        "No scrubs, acids, or retinoids on the area for {2|3} days.",
        "No other treatments on the area for {two weeks|a month} unless we say so.",
        "Do not put a heating pad or ice right on the skin.",
    ],
    expected: &[
        "**Expected:** redness, warmth, and mild swelling for a few hours to a few days.",
        "**Expected:** pinkness and tenderness that fade within a day or two.",
    ],
    risks: &[
        "**Tenderness or soreness**, like after a workout.",
        "**Tingling or numb patches**, which usually fade over weeks.",
        "**Little or no change** for some people. Results vary.",
        "**Small bruises** where the device pressed on the skin.",
    ],
    rare: &[
        "**Rare:** a burn, a blister, or a dent in the skin.",
        "**Rare:** a burn or a blister on the treated skin.",
    ],
    calls: &[
        "**Blisters or burns** on treated skin.",
        "**Numbness or pain that gets worse** after the first week.",
        "**Swelling that keeps growing** after day {2|3}.",
    ],
    waits: &[
        ("makeup", &["24 hours"]),
        ("sweat", &["24 hours"]),
        ("heat", &["24 hours", "48 hours"]),
    ],
};

// ---------------------------------------------------------------------------------------------
// Procedures
// ---------------------------------------------------------------------------------------------

/// A body area a variant is written for.
struct Area {
    slug: &'static str,
    /// Reads after "the": "face", "upper lip and chin".
    name: &'static str,
    /// Face-only items (`^…`) apply.
    face: bool,
}

/// A named version of a procedure.
struct Spec {
    slug: &'static str,
    title: &'static str,
    /// One sentence on what sets this version apart (may be empty).
    detail: &'static str,
    /// The only area slugs it is offered on; empty for every area.
    only: &'static [&'static str],
}

/// One procedure and everything specific to it.
struct Kind {
    slug: &'static str,
    title: &'static str,
    /// Reads inside a sentence: "microneedling", "your peel".
    noun: &'static str,
    cat: Cat,
    summary: &'static str,
    what: &'static [&'static str],
    how: &'static [&'static str],
    helps: &'static [&'static str],
    /// The first is the main area.
    areas: &'static [Area],
    /// The first is the main version.
    specifics: &'static [Spec],
    feel: &'static [&'static str],
    comfort: &'static [&'static str],
    minutes: &'static str,
    after: &'static [&'static str],
    /// (label, text): the last stage of the timeline; labels come after the category's stages.
    results: &'static [(&'static str, &'static str)],
    sessions: &'static [&'static str],
    downtime: &'static [&'static str],
    /// Always in the variant's list, before the category's.
    before: &'static [&'static str],
    dos: &'static [&'static str],
    donts: &'static [&'static str],
    risks: &'static [&'static str],
    calls: &'static [&'static str],
    faq: &'static [(&'static str, &'static str)],
    /// Waiting times that differ from the category's.
    waits: Waits,
    /// Questions of the shared FAQ pool that do not fit this procedure.
    skip: &'static [&'static str],
}

const fn area(slug: &'static str, name: &'static str, face: bool) -> Area {
    Area { slug, name, face }
}

const fn spec(slug: &'static str, title: &'static str, detail: &'static str) -> Spec {
    Spec {
        slug,
        title,
        detail,
        only: &[],
    }
}

/// A version offered only on some areas.
const fn spec_on(
    slug: &'static str,
    title: &'static str,
    detail: &'static str,
    only: &'static [&'static str],
) -> Spec {
    Spec {
        slug,
        title,
        detail,
        only,
    }
}

const KINDS: &[Kind] = &[
    Kind {
        slug: "microneedling",
        title: "Microneedling",
        noun: "microneedling",
        cat: Cat::Resurface,
        summary: "Microneedling uses very fine needles to make tiny wounds in your skin. As your skin heals, it builds new collagen, which can improve scars, lines, and texture.",
        what: &[
            "Microneedling uses very fine, single-use needles to make tiny wounds in the top layer of skin.",
            "In this short office treatment, fine, single-use needles make tiny pinpoint wounds in your skin.",
        ],
        how: &[
            "As your skin heals, it makes new collagen, which helps skin look firmer and smoother.",
            "Your skin repairs these tiny wounds by building new collagen.",
        ],
        helps: &["fine lines", "acne scars", "large pores", "uneven texture", "stretch marks", "sun damage"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("stomach", "stomach", false),
            area("thighs", "thighs", false),
        ],
        specifics: &[
            spec("classic", "Classic microneedling", "This visit uses microneedling on its own, with a soothing serum afterward."),
            spec("prp", "Microneedling with PRP", "Platelet-rich plasma (PRP), made from a small sample of your own blood, goes on your skin during the treatment."),
            spec("radiofrequency", "Microneedling with radiofrequency", "The needles also give off gentle heat, which helps tighten the skin."),
            spec("growth-factor", "Microneedling with a growth factor serum", "A calming serum goes on right after the needling to help your skin recover."),
        ],
        feel: &["light pressure and a scratchy feeling", "a gentle vibration and mild prickling", "pressure and some stinging over bony spots"],
        comfort: &[
            "Numbing cream goes on {30|45} minutes before we start.",
            "We put on numbing cream first, so most people feel only light pressure.",
        ],
        minutes: "15–30",
        after: &["red, like a mild sunburn", "pink and a little swollen"],
        results: &[
            ("Months 1–3", "Texture improves as new collagen builds. Results keep growing after each session."),
            ("Weeks 4–12", "Skin looks smoother and more even as collagen builds over the next few months."),
        ],
        sessions: &["4–6 sessions, every 4–6 weeks", "3–6 sessions, about a month apart"],
        downtime: &["2–3 days of redness", "1–3 days of pinkness"],
        before: &[],
        dos: &["For the first {2|3} days, use only the gentle serum or moisturizer we recommend."],
        donts: &["Do not use scented lotions, toners, or self-tanner for {a week|5 days}."],
        risks: &["**Tiny dots or lines** from the needles for a day or two, which fade on their own."],
        calls: &[],
        faq: &[(
            "Why does my skin feel rough after a few days?",
            "Tiny wounds heal with a thin, dry layer on top. It flakes away within a week. Keep your skin moist and let it shed on its own.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "chemical-peel",
        title: "Chemical peel",
        noun: "your peel",
        cat: Cat::Resurface,
        summary: "A chemical peel uses an acid solution to remove worn outer layers of skin. Smoother, more even skin grows back as you heal.",
        what: &[
            "A chemical peel uses an acid solution to remove worn outer layers of skin.",
            "During a chemical peel, we brush a mild acid solution onto your skin.",
        ],
        how: &[
            "As the old layers shed, smoother and more even skin grows in.",
            "The acid loosens dead skin cells so fresh skin can come through.",
        ],
        helps: &["dull skin", "uneven tone", "dark spots", "mild acne", "fine lines", "rough texture"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("hands", "hands", false),
            area("back", "back", false),
        ],
        specifics: &[
            spec("light", "Light chemical peel", "A light peel uses a mild acid, such as glycolic, lactic, or salicylic acid, on the top layer of skin only."),
            spec("medium", "Medium chemical peel", "A medium peel goes a bit deeper, so it has more peeling and a longer recovery."),
            spec_on("acne", "Chemical peel for acne", "This peel uses salicylic acid, which clears oil from pores.", &["face", "chest", "back"]),
            spec("dark-spots", "Chemical peel for dark spots", "This peel is chosen to fade dark spots and even out skin tone slowly."),
        ],
        feel: &["tingling or stinging for a few minutes", "warmth and stinging that fade once the peel comes off"],
        comfort: &[
            "We may use a small fan to keep you cool during the peel.",
            "A cool cloth after the peel helps ease any stinging.",
        ],
        minutes: "20–40",
        after: &["pink and tight", "red and shiny, like a mild sunburn"],
        results: &[
            ("Weeks 4–6", "Skin looks smoother and more even. Results build with each peel in a series."),
            ("Months 1–2", "Dark spots and rough patches keep fading as new skin grows in."),
        ],
        sessions: &["3–6 peels, every 2–4 weeks", "1–3 peels, about a month apart"],
        downtime: &["1–7 days of flaking", "3–7 days of peeling"],
        before: &[],
        dos: &["Keep your skin moist with plain petroleum jelly if it feels raw or tight."],
        donts: &["Do not use a washcloth, brush, or scrub on peeling skin."],
        risks: &["**Sun sensitivity:** new skin burns easily for several months."],
        calls: &[],
        faq: &[(
            "Will my skin peel a lot?",
            "It depends on the peel. Light peels may cause only light flaking, and some people see none. The peel still works without visible peeling.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "laser-resurfacing",
        title: "Laser resurfacing",
        noun: "laser resurfacing",
        cat: Cat::Resurface,
        summary: "Laser resurfacing uses focused light to remove or heat thin layers of skin. The skin heals smoother, with fewer lines, scars, and sun spots.",
        what: &[
            "Laser resurfacing uses a laser to remove thin layers of skin or to heat the skin below the surface.",
            "Laser resurfacing uses focused light to make tiny columns of heat in the skin.",
        ],
        how: &[
            "The skin heals by making new collagen and fresh surface skin.",
            "As the treated skin heals, it grows back smoother and more even.",
        ],
        helps: &["wrinkles", "acne scars", "sun damage", "uneven tone", "rough texture", "age spots"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("hands", "hands", false),
        ],
        specifics: &[
            spec("fractional", "Fractional laser resurfacing", "A fractional laser treats tiny dots of skin and leaves healthy skin between them, which speeds healing."),
            spec("co2", "CO2 laser resurfacing", "A CO2 laser works deeper, so recovery takes longer and results are stronger."),
            spec("light", "Light laser resurfacing", "A gentle setting treats only the surface, so recovery is short."),
            spec("scars", "Laser resurfacing for scars", "We aim the laser at acne scars or other scars to soften their edges."),
        ],
        feel: &["heat and a snapping feeling, like a rubber band", "warmth and prickling"],
        comfort: &[
            "Numbing cream goes on about an hour before we start.",
            "A cooling fan blows cold air on your skin during the treatment.",
        ],
        minutes: "20–60",
        after: &["red and swollen, like a bad sunburn", "pink and warm, with a rough, sandpaper feel"],
        results: &[
            ("Months 1–3", "Skin keeps getting smoother as new collagen forms. Full results can take 3–6 months."),
            ("Months 2–6", "Lines and scars look softer. Results keep improving for several months."),
        ],
        sessions: &["1–3 sessions, about 4–6 weeks apart", "1 session for deeper treatments, 3–5 for gentle ones"],
        downtime: &["3–7 days of redness and peeling", "5–10 days, depending on depth"],
        before: &[],
        dos: &["Put on the healing ointment we gave you as often as we told you, so the skin never dries out."],
        donts: &["Do not let treated skin dry out or form thick crusts."],
        risks: &["**Redness that lasts** for several weeks after deeper treatments."],
        calls: &["**Skin that stays raw or weeps** after day {5|7}."],
        faq: &[(
            "How long will the redness last?",
            "It depends on how deep the treatment was. Light treatments fade in a few days. Deeper ones can stay pink for several weeks.",
        )],
        waits: &[("makeup", &["5–7 days", "a week"]), ("sweat", &["a week"]), ("heat", &["two weeks"])],
        skip: &[],
    },
    Kind {
        slug: "dermaplaning",
        title: "Dermaplaning",
        noun: "dermaplaning",
        cat: Cat::Facial,
        summary: "Dermaplaning gently scrapes away dead skin cells and fine facial hair with a small blade. It leaves skin smooth, with almost no downtime.",
        what: &[
            "Dermaplaning uses a small, single-use blade to gently scrape away dead skin cells and fine facial hair.",
            "In dermaplaning, we glide a small, single-use blade over the skin to lift off dead skin and fine hair.",
        ],
        how: &[
            "This leaves the skin smoother and helps skin care products soak in better.",
            "Without the dead skin on top, your skin looks brighter and feels softer.",
        ],
        helps: &["dull skin", "rough texture", "fine facial hair", "makeup that sits unevenly", "dry, flaky patches"],
        areas: &[area("face", "face", true), area("neck", "neck", false)],
        specifics: &[
            spec("classic", "Classic dermaplaning", ""),
            spec("peel", "Dermaplaning with a light peel", "A light acid peel right after dermaplaning gently lifts off more dead skin."),
            spec("hydrating", "Dermaplaning with a hydrating mask", "A cool, hydrating mask calms your skin at the end of the visit."),
            spec("led", "Dermaplaning with LED light", "A short session of calming LED light follows the treatment."),
        ],
        feel: &["a light scraping, like a gentle shave", "a soft brushing feeling"],
        comfort: &[
            "No numbing is needed. Tell us if any spot feels sore.",
            "Most people find it relaxing, and some fall asleep.",
        ],
        minutes: "20–30",
        after: &["a little pink, smooth, and bright", "slightly pink in a few spots"],
        results: &[
            ("Weeks 3–4", "Fine hair grows back soft, and dead skin builds up again. Many people book every 4 weeks."),
            ("Week 4", "Skin slowly returns to how it was. A new session keeps it smooth."),
        ],
        sessions: &["1 session, repeated every 3–4 weeks", "1 session every month, if you like the result"],
        downtime: &["none, or a few hours of pinkness", "up to 1 day of mild pinkness"],
        before: &[],
        dos: &[],
        donts: &["Do not shave, wax, or thread the treated skin for {a week|two weeks}."],
        risks: &["**Small nicks** from the blade, which heal in a day or two."],
        calls: &[],
        faq: &[(
            "Will my hair grow back thicker or darker?",
            "No. The fine hair grows back the same as before. Shaving and dermaplaning do not change how hair grows.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "hydrafacial",
        title: "Hydrafacial",
        noun: "your hydrafacial",
        cat: Cat::Facial,
        summary: "A hydrafacial cleans, exfoliates, and hydrates the skin in one visit, using water, gentle suction, and serums. Most people have no downtime.",
        what: &[
            "A hydrafacial cleans, exfoliates, and hydrates the skin in one visit.",
            "A hydrafacial is a deep-cleaning facial done with a special wand.",
        ],
        how: &[
            "The wand uses water and gentle suction to clear pores, then puts on hydrating serums.",
            "Gentle suction lifts dirt and oil out of pores while serums soak into the skin.",
        ],
        helps: &["dull skin", "clogged pores", "dry skin", "fine lines", "oily skin"],
        areas: &[area("face", "face", true), area("neck", "neck", false), area("back", "back", false)],
        specifics: &[
            spec("classic", "Classic hydrafacial", ""),
            spec("deluxe", "Deluxe hydrafacial with boosters", "Extra serums, called boosters, are chosen for your skin type."),
            spec("led", "Hydrafacial with LED light", "A few minutes of LED light at the end helps calm the skin."),
        ],
        feel: &["a cool, wet, swirling feeling", "gentle suction, like a tiny vacuum"],
        comfort: &[
            "No numbing is needed. Tell us if the suction feels too strong.",
            "Most people find it relaxing from start to finish.",
        ],
        minutes: "30–60",
        after: &["a little pink and fresh", "bright and slightly flushed"],
        results: &[
            ("Weeks 3–4", "The glow slowly fades as skin renews. Many people book their next visit now."),
            ("Month 1", "Skin stays clearer with sunscreen and a simple home routine."),
        ],
        sessions: &["1 session every 4 weeks", "a single visit, or a series of 3–6 a month apart"],
        downtime: &["none", "a few hours of pinkness"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[(
            "What should my skin look like the next day?",
            "Most people look fresh and bright. A few small breakouts can happen as pores clear. They settle on their own.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "ipl-photofacial",
        title: "IPL photofacial",
        noun: "your IPL treatment",
        cat: Cat::Light,
        summary: "An IPL photofacial uses bright flashes of light to fade sun spots, redness, and small visible blood vessels.",
        what: &[
            "An IPL photofacial uses intense pulsed light (IPL), which is bright flashes of light, to treat brown spots and redness.",
            "IPL stands for intense pulsed light. A hand piece sends quick, bright flashes into the skin.",
        ],
        how: &[
            "The light heats the color in sun spots and small blood vessels, which then fade.",
            "Dark spots absorb the light and slowly fade, and small red vessels shrink.",
        ],
        helps: &["sun spots", "age spots", "redness", "small red blood vessels", "uneven tone", "flushing"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("hands", "hands", false),
            area("arms", "arms", false),
        ],
        specifics: &[
            spec("classic", "IPL photofacial", ""),
            spec_on("redness", "IPL for redness and flushing", "We set the light to target redness and small, visible blood vessels.", &["face", "neck", "chest"]),
            spec("sun-spots", "IPL for sun spots", "We set the light to target brown spots from the sun."),
        ],
        feel: &["a quick snap, like a rubber band, and a flash of warmth", "warm flashes and a brief sting"],
        comfort: &[
            "You will wear goggles to protect your eyes, and a cool gel goes on your skin first.",
            "A cooling tip on the hand piece makes each flash more comfortable.",
        ],
        minutes: "20–30",
        after: &["pink, like a mild sunburn", "pink, with spots that look a little darker"],
        results: &[
            ("Weeks 4–6", "Spots and redness look lighter. Most people need a few sessions for the best result."),
            ("Month 1", "Skin tone looks more even. We plan the next session if you need one."),
        ],
        sessions: &["3–5 sessions, about a month apart", "3 sessions, then 1 each year"],
        downtime: &["1–3 days of pinkness", "up to a week of darker spots that flake"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &["**Sun spots that look darker** for a week before they flake off."],
        calls: &[],
        faq: &[(
            "Why do my spots look darker?",
            "This is normal and means the light worked. The spots often look like coffee grounds, then flake off within 1–2 weeks.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "laser-hair-removal",
        title: "Laser hair removal",
        noun: "laser hair removal",
        cat: Cat::Light,
        summary: "Laser hair removal heats hair roots with a laser so they grow less hair. Most people need a series of sessions a few weeks apart.",
        what: &[
            "Laser hair removal uses a laser to heat hair roots so they grow less hair.",
            "In laser hair removal, light from the laser travels down the hair to its root.",
        ],
        how: &[
            "Hair grows in cycles, so several sessions are needed to reach every root.",
            "The heat damages the root, and the treated hairs shed over the next few weeks.",
        ],
        helps: &["unwanted hair", "ingrown hairs", "razor bumps", "daily shaving"],
        areas: &[
            area("underarms", "underarms", false),
            area("legs", "legs", false),
            area("bikini-line", "bikini line", false),
            area("back", "back", false),
            area("arms", "arms", false),
            area("upper-lip", "upper lip and chin", true),
        ],
        specifics: &[
            spec("classic", "Laser hair removal", ""),
            spec("darker-skin", "Laser hair removal for darker skin", "We use a laser setting that is safer for darker skin tones."),
        ],
        feel: &["a quick snap, like a rubber band", "warm pinpricks that pass quickly"],
        comfort: &[
            "A cooling tip or cold air keeps your skin comfortable.",
            "You may use numbing cream for sensitive areas. Ask us first.",
        ],
        minutes: "10–45",
        after: &["pink, with small bumps around each hair", "red and a little puffy, like after waxing"],
        results: &[
            ("Weeks 4–8", "Treated hairs have shed. Hair grows back slower and finer after each session."),
            ("Months 2–6", "Each session clears more hair. We space them to match how your hair grows."),
        ],
        sessions: &["6–8 sessions, every 4–6 weeks", "6–10 sessions, 4–8 weeks apart"],
        downtime: &["a few hours to 1 day of redness", "none, or 1–2 days of small bumps"],
        before: &["Shave the area the day before your visit. Do not wax or pluck."],
        dos: &["Shave between sessions if you like, once your skin has calmed."],
        donts: &["Do not wax, pluck, or thread between sessions. The laser needs the hair root in place."],
        risks: &["**Small red bumps** around treated hairs for a day or two."],
        calls: &[],
        faq: &[(
            "Will the hair be gone for good?",
            "Most people have much less hair after a full series. Some hairs may grow back over time, so a yearly touch-up can help.",
        )],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "microdermabrasion",
        title: "Microdermabrasion",
        noun: "microdermabrasion",
        cat: Cat::Facial,
        summary: "Microdermabrasion buffs away the outer layer of dead skin with a gentle wand. It can brighten dull skin with little or no downtime.",
        what: &[
            "Microdermabrasion uses a wand with a rough tip or tiny crystals to buff away the outer layer of dead skin.",
            "Microdermabrasion is a gentle way to polish the surface of the skin.",
        ],
        how: &[
            "Gentle suction lifts away the loosened skin cells.",
            "Removing the dull top layer lets fresher skin show through.",
        ],
        helps: &["dull skin", "uneven tone", "fine lines", "clogged pores", "mild acne marks"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("back", "back", false),
            area("hands", "hands", false),
        ],
        specifics: &[
            spec("diamond-tip", "Diamond-tip microdermabrasion", "A wand with a rough, diamond-coated tip buffs the skin."),
            spec("crystal", "Crystal microdermabrasion", "A wand sprays fine crystals onto the skin and vacuums them away."),
        ],
        feel: &["a light scratching and gentle suction", "a rough, cat-tongue feeling"],
        comfort: &[
            "No numbing is needed. We can make it gentler if it feels too strong.",
            "Most people find it comfortable, like a firm massage.",
        ],
        minutes: "20–40",
        after: &["pink, like after a brisk walk in the wind", "slightly pink and smooth"],
        results: &[
            ("Weeks 3–4", "Skin looks brighter and smoother. A series gives the best results."),
            ("Month 1", "Dull skin slowly returns, so many people book every 4 weeks."),
        ],
        sessions: &["5–10 sessions, every 2–4 weeks", "a series of 6, then 1 a month"],
        downtime: &["none, or a few hours of pinkness", "up to 1 day of mild pinkness"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &["**Small scrapes** in sensitive spots, which heal in a day or two."],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "wrinkle-relaxing-injections",
        title: "Wrinkle-relaxing injections",
        noun: "your wrinkle-relaxing treatment",
        cat: Cat::Inject,
        summary: "Wrinkle-relaxing injections, such as Botox, relax certain face muscles to soften lines. Results show within two weeks and last about three to four months.",
        what: &[
            "Wrinkle-relaxing injections, such as Botox, use tiny amounts of a purified protein to relax certain muscles.",
            "We inject a small amount of a wrinkle-relaxing medicine, such as Botox, with a very fine needle.",
        ],
        how: &[
            "When these muscles relax, lines from frowning, squinting, or raising your brows soften.",
            "The medicine calms the muscle, so the skin above it creases less.",
        ],
        helps: &["frown lines", "forehead lines", "crow's feet", "jaw clenching", "neck bands"],
        areas: &[
            area("forehead", "forehead", true),
            area("frown-lines", "frown lines between the brows", true),
            area("crows-feet", "crow's feet", true),
            area("jaw", "jaw muscles", true),
            area("neck", "neck", false),
        ],
        specifics: &[
            spec("classic", "Wrinkle-relaxing injections", ""),
            spec("touch-up", "Wrinkle-relaxer touch-up", "A small top-up dose about two weeks after your first visit evens out the result."),
        ],
        feel: &["a few quick pinches", "a tiny pinch and brief stinging"],
        comfort: &[
            "We can use ice or numbing cream first, but most people do not need it.",
            "The needle is very fine, and each injection takes only a second.",
        ],
        minutes: "10–20",
        after: &["a little pink, with small bumps that fade within an hour", "pink at the injection sites"],
        results: &[
            ("Days 10–14", "You see the full effect. Results last about 3–4 months."),
            ("Week 2", "The full effect shows. We can check it and add a small touch-up if needed."),
        ],
        sessions: &["1 treatment every 3–4 months", "1 visit, repeated when lines return"],
        downtime: &["none, or a few small bumps for an hour", "none for most people"],
        before: &[],
        dos: &["Stay upright for 4 hours after your visit."],
        donts: &["No facials, massages, or tight headbands on the area for {24 hours|2 days}."],
        risks: &["**A droopy eyelid or brow**, which is uncommon and wears off over weeks."],
        calls: &["**Trouble swallowing, speaking, or breathing**, or new muscle weakness. Call 911 if it is severe."],
        faq: &[(
            "When will it start to work?",
            "Most people notice a change in 3–5 days. The full effect shows after about 2 weeks.",
        )],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "dermal-fillers",
        title: "Dermal fillers",
        noun: "your filler treatment",
        cat: Cat::Inject,
        summary: "Dermal fillers are soft gels injected under the skin to add volume and smooth lines. Mild swelling and bruising for a few days are common.",
        what: &[
            "Dermal fillers are soft gels, most often made of hyaluronic acid, a substance found naturally in your skin.",
            "We inject a soft gel filler under the skin with a fine needle or a thin, blunt tube.",
        ],
        how: &[
            "They add volume, smooth deep lines, and shape areas such as the lips or cheeks.",
            "The gel fills in hollows and lines and holds water, which keeps the area plump.",
        ],
        helps: &["thin lips", "deep smile lines", "hollow cheeks", "under-eye hollows", "a weak chin", "a soft jawline"],
        areas: &[
            area("lips", "lips", true),
            area("cheeks", "cheeks", true),
            area("smile-lines", "smile lines", true),
            area("under-eyes", "under-eye area", true),
            area("chin", "chin", true),
            area("jawline", "jawline", true),
        ],
        specifics: &[
            spec("classic", "Dermal fillers", ""),
            spec("touch-up", "Dermal filler touch-up", "A small amount of filler refreshes an earlier treatment."),
        ],
        feel: &["pressure and a few pinches", "a pinch, then a feeling of fullness"],
        comfort: &[
            "Most fillers have numbing medicine mixed in, and we can use numbing cream first.",
            "We put on numbing cream before we start and go slowly.",
        ],
        minutes: "20–45",
        after: &["swollen and a little bruised", "puffy, with small bruises at the injection sites"],
        results: &[
            ("Weeks 2–4", "Swelling is gone and you see the final shape. Results last 6–18 months, depending on the filler and area."),
            ("Week 2", "The filler settles into place. We check the result at a follow-up visit."),
        ],
        sessions: &["1 treatment, with a touch-up in 6–12 months", "1 visit, sometimes with a small top-up after 2 weeks"],
        downtime: &["2–7 days of swelling", "3–5 days of swelling and possible bruising"],
        before: &[],
        dos: &["Gently massage the area only if we showed you how."],
        donts: &["Do not press on the area or wear tight glasses or masks on it for {2|3} days."],
        risks: &[
            "**Lumps or unevenness**, which often settle within 2 weeks.",
            "**Rare but serious:** filler can block a blood vessel. This needs treatment right away.",
        ],
        calls: &[
            "**Skin that turns white, gray, blue, or blotchy** near the filler, or severe pain: call us right away.",
            "**Any change in your vision** after filler near the eyes or nose: call 911 or go to an emergency room.",
        ],
        faq: &[(
            "Can filler be undone?",
            "Most hyaluronic acid fillers can be dissolved with another injection if needed. Ask us which filler we used.",
        )],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "spider-vein-injections",
        title: "Spider vein injections",
        noun: "your vein injection treatment",
        cat: Cat::Inject,
        summary: "Spider vein injections, also called sclerotherapy, close small veins on the legs so they fade. You can walk right away and wear compression stockings while you heal.",
        what: &[
            "We inject a medicine into small spider veins with a very fine needle. This is called sclerotherapy.",
            "Spider vein injections put a medicine into small veins that show through the skin.",
        ],
        how: &[
            "The medicine makes the vein walls stick together, and the vein closes.",
            "The closed veins fade over the next few weeks as your body clears them.",
        ],
        helps: &["spider veins", "small bulging veins", "leg veins that ache or itch"],
        areas: &[
            area("legs", "legs", false),
            area("thighs", "thighs", false),
            area("calves", "calves", false),
            area("ankles", "ankles", false),
        ],
        specifics: &[
            spec("classic", "Spider vein injections", ""),
            spec("foam", "Foam vein injections", "The medicine is mixed into a foam, which works well in slightly larger veins."),
        ],
        feel: &["small pinches and a mild burning for a few seconds", "a brief sting with each injection"],
        comfort: &[
            "The needle is very fine, so no numbing is needed.",
            "We massage the area after each injection, which eases the sting.",
        ],
        minutes: "15–45",
        after: &["red and raised at the injection sites", "bruised, with small raised bumps"],
        results: &[
            ("Weeks 3–6", "Treated veins fade. Larger veins can take 3–4 months, and some need a second session."),
            ("Months 1–3", "Most treated veins are gone or much lighter."),
        ],
        sessions: &["2–4 sessions, about 6 weeks apart", "1–3 sessions, 4–8 weeks apart"],
        downtime: &["none for walking, 1–2 weeks of bruising", "a few days of bruising"],
        before: &["Bring your compression stockings to your visit."],
        dos: &[
            "Wear your compression stockings day and night for {2|3} days, then during the day for {1|2} weeks.",
            "Walk for 10–20 minutes right after your visit and every day after.",
        ],
        donts: &["No long flights or car rides over 2 hours for a week, unless we say it is okay."],
        risks: &["**Brown lines or spots** along treated veins, which usually fade over months."],
        calls: &[
            "**Pain, swelling, or warmth in your calf or thigh**, which can mean a blood clot.",
            "**Sudden shortness of breath or chest pain:** call 911.",
        ],
        faq: &[(
            "Why do I need to wear compression stockings?",
            "They press on the treated veins so they stay closed. They also lower the chance of bruising and blood clots.",
        )],
        waits: &[("sweat", &["a week", "two weeks"])],
        skip: &[],
    },
    Kind {
        slug: "laser-vein-treatment",
        title: "Laser vein treatment",
        noun: "your laser vein treatment",
        cat: Cat::Light,
        summary: "Laser vein treatment heats small, visible blood vessels so they close and fade. Most people go back to their day right away.",
        what: &[
            "A laser heats small, visible blood vessels, called spider veins, so they close and fade.",
            "Laser vein treatment aims a beam of light at small red or blue veins under the skin.",
        ],
        how: &[
            "Your body slowly clears away the treated vessels over a few weeks.",
            "The heat seals the vessel, and it fades as your body clears it.",
        ],
        helps: &["spider veins", "small red blood vessels", "redness around the nose", "small red spots"],
        areas: &[
            area("face", "face", true),
            area("cheeks", "cheeks", true),
            area("nose", "nose", true),
            area("legs", "legs", false),
            area("chest", "chest", false),
        ],
        specifics: &[
            spec("classic", "Laser vein treatment", ""),
            spec("spot", "Laser vein spot treatment", "We treat only a few small veins at a time."),
        ],
        feel: &["a snap and a flash of heat", "a quick sting, like a rubber band"],
        comfort: &[
            "You will wear goggles to protect your eyes, and a cooling tip soothes the skin.",
            "Cold air blows on the skin during the treatment.",
        ],
        minutes: "15–30",
        after: &["pink and a little swollen", "red, with some small bruises"],
        results: &[
            ("Weeks 4–6", "Treated veins fade. Some veins need a second session."),
            ("Months 1–3", "Most treated vessels are gone or much lighter."),
        ],
        sessions: &["1–3 sessions, about 4–6 weeks apart", "2–3 sessions, a month apart"],
        downtime: &["1–3 days of redness", "up to a week of mild bruising"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "laser-tattoo-removal",
        title: "Laser tattoo removal",
        noun: "tattoo removal",
        cat: Cat::Spot,
        summary: "Laser tattoo removal breaks tattoo ink into tiny pieces that your body clears over time. Most tattoos need several sessions, weeks apart.",
        what: &[
            "Laser tattoo removal uses a laser that breaks tattoo ink into tiny pieces.",
            "In tattoo removal, very short pulses of laser light shatter the ink under the skin.",
        ],
        how: &[
            "Your body slowly clears the broken-up ink over the next several weeks.",
            "Your body carries the tiny pieces of ink away, and the tattoo fades.",
        ],
        helps: &["unwanted tattoos", "fading a tattoo before a cover-up", "cosmetic tattoos that have changed color"],
        areas: &[
            area("arm", "arm", false),
            area("lower-leg", "lower leg", false),
            area("back", "back", false),
            area("ankle", "ankle", false),
            area("wrist", "wrist", false),
            area("shoulder", "shoulder", false),
        ],
        specifics: &[
            spec("classic", "Laser tattoo removal", ""),
            spec("cover-up", "Tattoo fading before a cover-up", "We lighten the tattoo so a new design can cover it."),
        ],
        feel: &["a sharp snapping, like hot drops of grease", "a quick sting, like a rubber band"],
        comfort: &[
            "Numbing cream or a cold air blower helps with the sting.",
            "We can stop for a moment whenever you need a break.",
        ],
        minutes: "5–20",
        after: &["white and raised at first, then red and swollen", "red and puffy, with tiny spots of blood"],
        results: &[
            ("Weeks 6–8", "The tattoo fades as your body clears the ink. We wait at least 6 weeks between sessions."),
            ("Months 2–3", "The tattoo looks lighter. Each session fades it a bit more."),
        ],
        sessions: &["5–10 sessions, 6–8 weeks apart", "6–12 sessions, at least 6 weeks apart"],
        downtime: &["1–2 weeks of scabs", "a few days of swelling and 1–2 weeks of crusting"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &["**Ink that does not fully clear**, more likely with green, blue, or yellow ink."],
        calls: &[],
        faq: &[(
            "Will the tattoo be gone completely?",
            "Many tattoos fade a great deal, but some ink may stay. We will tell you what to expect for your tattoo.",
        )],
        waits: &[("heat", &["two weeks", "until the skin has healed"])],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "skin-tag-removal",
        title: "Skin tag removal",
        noun: "skin tag removal",
        cat: Cat::Spot,
        summary: "Skin tags are small, harmless growths. We remove them in a few minutes by snipping, freezing, or gentle heat, and the skin heals in one to two weeks.",
        what: &[
            "Skin tags are small, soft growths that hang from the skin. They are harmless.",
            "A skin tag is a small flap of soft skin, often where skin rubs together.",
        ],
        how: &[
            "We remove them by snipping, freezing, or gentle heat.",
            "Removing a tag takes only a few minutes, and the spot heals like a small scrape.",
        ],
        helps: &["tags that catch on clothing", "tags that rub on jewelry", "sore tags", "tags that bleed", "tags you do not like"],
        areas: &[
            area("neck", "neck", false),
            area("underarms", "underarms", false),
            area("chest", "chest", false),
            area("back", "back", false),
            area("groin", "groin area", false),
        ],
        specifics: &[
            spec("snip", "Skin tag removal by snipping", "We numb the skin and snip the tag off with clean, single-use scissors."),
            spec("freezing", "Skin tag removal by freezing", "We freeze the tag with liquid nitrogen, and it falls off in a week or two."),
            spec("heat", "Skin tag removal with heat", "A small heated tip seals the skin as it removes the tag."),
        ],
        feel: &["a quick pinch or sting", "brief cold or a small pinch"],
        comfort: &[
            "A small numbing shot makes the area numb first.",
            "Small tags often need no numbing at all.",
        ],
        minutes: "5–15",
        after: &["red, with a small scab or bandage", "a little red and tender"],
        results: &[
            ("Weeks 4–6", "The area looks smooth. Any pink or dark mark slowly fades."),
            ("Month 1", "The spot has healed. New tags can grow, and we can remove those too."),
        ],
        sessions: &["1 visit", "1 visit, with a second if a tag comes back"],
        downtime: &["none, with 1–2 weeks of healing", "a few days of tenderness"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "freezing-treatment",
        title: "Freezing treatment for skin spots",
        noun: "the freezing treatment",
        cat: Cat::Spot,
        summary: "A freezing treatment, also called cryotherapy, uses very cold liquid nitrogen to remove warts, rough sun spots, and other small growths.",
        what: &[
            "The freezing treatment uses very cold liquid nitrogen to freeze small skin growths. Your doctor may call it cryotherapy.",
            "We spray or dab a tiny amount of liquid nitrogen on the spot to freeze it.",
        ],
        how: &[
            "The frozen cells die, and the spot scabs and falls off over one to three weeks.",
            "Healthy skin grows in under the treated spot as it heals.",
        ],
        helps: &["warts", "rough sun spots", "harmless brown, waxy growths", "small age spots"],
        areas: &[
            area("face", "face", true),
            area("hands", "hands", false),
            area("arms", "arms", false),
            area("legs", "legs", false),
            area("back", "back", false),
            area("feet", "feet", false),
        ],
        specifics: &[
            spec("warts", "Freezing treatment for warts", "Warts often need 2–4 treatments, a few weeks apart."),
            spec_on("sun-spots", "Freezing treatment for sun spots", "Rough sun spots usually clear after one treatment.", &["face", "hands", "arms", "legs", "back"]),
            spec("growths", "Freezing treatment for harmless growths", "We freeze each growth for a few seconds."),
        ],
        feel: &["sharp cold and stinging, then a burning feeling", "a cold sting for a few seconds"],
        comfort: &[
            "Most people need no numbing. The cold lasts only seconds.",
            "The sting fades within a few minutes.",
        ],
        minutes: "5–10",
        after: &["red and puffy, and a blister may form", "red, with a small raised bump"],
        results: &[
            ("Weeks 4–6", "The treated spot is gone or smaller. Some growths need a second treatment."),
            ("Months 1–2", "The skin looks smooth. It may be a bit lighter than the skin around it."),
        ],
        sessions: &["1–3 treatments, 3–4 weeks apart", "1 treatment for most spots"],
        downtime: &["1–3 weeks of healing", "a few days of blistering, then a scab"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &["**A blister**, sometimes filled with clear fluid or blood, within a day."],
        calls: &[],
        faq: &[(
            "What if a blister forms?",
            "Leave it alone and keep it covered. If it is large or painful, call us. We can drain it safely.",
        )],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "prp-hair",
        title: "PRP for hair thinning",
        noun: "your PRP scalp treatment",
        cat: Cat::Inject,
        summary: "PRP for hair thinning uses platelet-rich plasma from your own blood, injected into the scalp, to help thinning hair grow thicker.",
        what: &[
            "For this treatment, we draw a small sample of your blood and spin it to collect platelet-rich plasma (PRP).",
            "PRP stands for platelet-rich plasma, a part of your own blood that helps tissue heal.",
        ],
        how: &[
            "We then inject the PRP into the scalp where hair is thinning. It may help hair grow thicker.",
            "The PRP goes into the scalp with tiny injections, where it may wake up resting hair roots.",
        ],
        helps: &["thinning hair", "a widening part", "hair shedding", "a thinning crown"],
        areas: &[
            area("scalp", "scalp", false),
            area("crown", "crown of the head", false),
            area("hairline", "hairline", false),
            area("part", "part line", false),
        ],
        specifics: &[
            spec("classic", "PRP for hair thinning", ""),
            spec("microneedling", "PRP with scalp microneedling", "We also use fine needles on the scalp to help the PRP spread."),
        ],
        feel: &["pressure and small pinches on the scalp", "a tight, full feeling in the scalp"],
        comfort: &[
            "We numb the scalp first with a cold air blower or numbing medicine.",
            "Numbing medicine makes the injections more comfortable.",
        ],
        minutes: "30–60",
        after: &["pink, with some small spots of blood", "a little swollen and tender"],
        results: &[
            ("Months 3–6", "Shedding slows and new hair may grow. Most people need 3 sessions a month apart, then top-ups."),
            ("Months 4–6", "You may see thicker hair. Results vary, and some people see little change."),
        ],
        sessions: &["3 sessions, a month apart, then 1 every 4–6 months", "3–4 sessions, 4–6 weeks apart"],
        downtime: &["1–2 days of scalp tenderness", "none, or a day of mild swelling"],
        before: &["Wash your hair the morning of your visit, and skip hair spray and gel."],
        dos: &["Wait until the next morning before you wash your hair, then use a gentle shampoo."],
        donts: &["No hair dye, perms, or strong hair products for {3|7} days."],
        risks: &["**Mild headache or scalp tenderness** for a day or two."],
        calls: &[],
        faq: &[(
            "Where does the PRP come from?",
            "It comes from a small sample of your own blood. We spin it in a machine to collect the part rich in platelets.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "radiofrequency-skin-tightening",
        title: "Radiofrequency skin tightening",
        noun: "your skin tightening treatment",
        cat: Cat::Energy,
        summary: "Radiofrequency skin tightening uses gentle heat under the skin to firm loose skin over time, with little or no downtime.",
        what: &[
            "Radiofrequency skin tightening uses gentle heat to warm the deeper layers of your skin.",
            "A hand piece glides over the skin and sends radiofrequency energy, a form of heat, below the surface.",
        ],
        how: &[
            "The heat tightens existing collagen and helps your skin make more over time.",
            "As the deeper skin heals from the heat, it slowly firms up.",
        ],
        helps: &["loose skin", "fine lines", "thin, crepey skin", "a softer jawline"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("jawline", "jawline", true),
            area("stomach", "stomach", false),
            area("arms", "arms", false),
            area("thighs", "thighs", false),
        ],
        specifics: &[
            spec("classic", "Radiofrequency skin tightening", ""),
            spec("maintenance", "Skin tightening maintenance visit", "A single visit every 6–12 months helps keep your results."),
        ],
        feel: &["deep warmth, like a hot stone massage, with brief hot spots", "warmth that builds, then fades"],
        comfort: &[
            "The hand piece cools the skin's surface while it heats deeper layers.",
            "Tell us if it feels too hot. We can turn it down.",
        ],
        minutes: "30–60",
        after: &["pink and warm", "a little flushed, like after exercise"],
        results: &[
            ("Months 2–6", "Skin looks firmer as new collagen builds. Results are gradual."),
            ("Months 3–6", "The full result shows. Many people come back once a year."),
        ],
        sessions: &["1–3 sessions, a month apart", "1 session, then 1 each year"],
        downtime: &["none, or a few hours of redness", "up to 1 day of pinkness"],
        before: &["Tell us if you have a pacemaker, defibrillator, or metal implant near the area."],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "ultrasound-skin-lifting",
        title: "Ultrasound skin lifting",
        noun: "ultrasound skin lifting",
        cat: Cat::Energy,
        summary: "Ultrasound skin lifting sends focused sound waves under the skin to lift and firm it over a few months, without cuts or stitches.",
        what: &[
            "Ultrasound skin lifting sends focused sound waves deep under the skin to heat small spots.",
            "A hand piece uses focused ultrasound to reach the layers under the skin without any cuts.",
        ],
        how: &[
            "The heat prompts your skin to build new collagen, which can lift and firm it over a few months.",
            "As the heated spots heal, the skin slowly tightens.",
        ],
        helps: &["sagging brows", "loose skin under the chin", "neck lines", "chest wrinkles"],
        areas: &[
            area("face", "face", true),
            area("brows", "brows", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("chin-neck", "chin and neck", true),
        ],
        specifics: &[
            spec("classic", "Ultrasound skin lifting", ""),
            spec("targeted", "Targeted ultrasound lifting", "We treat only a few small areas, so the visit is shorter."),
        ],
        feel: &["deep, brief pulses of heat and some aching over bone", "tingling and short bursts of heat"],
        comfort: &[
            "We may offer a pain reliever before we start.",
            "We can lower the energy in spots that feel too strong.",
        ],
        minutes: "30–90",
        after: &["a little pink, with mild swelling", "pink, and it may feel tender to the touch"],
        results: &[
            ("Months 2–3", "You may see lifting and firmer skin. The full result can take up to 6 months."),
            ("Months 3–6", "Skin looks firmer. Results can last a year or more."),
        ],
        sessions: &["1 session, sometimes with a second after a year", "1 session a year"],
        downtime: &["none, or 1–2 days of tenderness", "a few days of mild swelling"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &["**Brief muscle weakness or numbness** in the face, which is uncommon and goes away over weeks."],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "fat-freezing",
        title: "Fat-freezing body contouring",
        noun: "fat freezing",
        cat: Cat::Energy,
        summary: "Fat freezing cools stubborn fat under the skin until the fat cells break down. Your body clears them over the next few months.",
        what: &[
            "Fat freezing uses controlled cold to cool fat cells under the skin until they break down.",
            "In fat freezing, a cooling cup or pad rests on the area and chills the fat under the skin.",
        ],
        how: &[
            "Over the next few months, your body clears away the treated fat cells.",
            "Fat cells are more sensitive to cold than skin, so the skin stays safe while fat shrinks.",
        ],
        helps: &["stubborn belly fat", "love handles", "inner thigh fat", "a double chin", "bra-line bulges"],
        areas: &[
            area("stomach", "stomach", false),
            area("flanks", "flanks", false),
            area("inner-thighs", "inner thighs", false),
            area("chin", "chin", true),
            area("upper-arms", "upper arms", false),
            area("back", "back", false),
        ],
        specifics: &[
            spec("classic", "Fat-freezing body contouring", ""),
            spec("repeat", "Fat-freezing repeat session", "A second session on the same area can reduce more fat."),
        ],
        feel: &["strong cold and pulling for the first few minutes, then numbness", "deep cold that fades into numbness"],
        comfort: &[
            "The area goes numb after the first few minutes, and many people read or nap.",
            "After the cup comes off, we massage the area for a few minutes.",
        ],
        minutes: "35–60",
        after: &["red and stiff, and it may look swollen", "red, firm, and a bit numb"],
        results: &[
            ("Months 1–3", "Fat slowly shrinks. Most people see the full result after 2–3 months."),
            ("Months 2–4", "The area looks slimmer. Some people choose a second session."),
        ],
        sessions: &["1–2 sessions per area, 6–8 weeks apart", "1 session per area, sometimes 2"],
        downtime: &["none, with a few weeks of numbness", "1–2 weeks of tenderness"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &[
            "**Numbness, tingling, or itching** for a few weeks.",
            "**Fat that grows instead of shrinks**, which is uncommon and needs a visit.",
        ],
        calls: &["**A firm, growing bulge** in the treated area, weeks or months later."],
        faq: &[],
        waits: &[],
        skip: &["How long do the results last?"],
    },
    Kind {
        slug: "acne-facial",
        title: "Acne facial with extractions",
        noun: "your acne facial",
        cat: Cat::Facial,
        summary: "An acne facial deep-cleans the skin and gently clears blocked pores. Skin may look pink for a few hours, and small breakouts can follow.",
        what: &[
            "An acne facial deep-cleans the skin and clears blocked pores by hand.",
            "In an acne facial, we clean the skin, soften it, and gently clear blocked pores.",
        ],
        how: &[
            "We soften the skin with steam or a gentle peel, then carefully press out blackheads and whiteheads.",
            "Clearing blocked pores lets the skin calm down and heal.",
        ],
        helps: &["blackheads", "whiteheads", "oily skin", "clogged pores", "mild acne"],
        areas: &[area("face", "face", true), area("back", "back", false), area("chest", "chest", false)],
        specifics: &[
            spec("classic", "Acne facial with extractions", ""),
            spec("blue-light", "Acne facial with blue light", "Blue LED light at the end targets the germs that cause acne."),
            spec("teen", "Teen acne facial", "A gentle version for teens, with a simple home routine to follow."),
        ],
        feel: &["pressure and a brief sting as pores are cleared", "warm steam and some pressure"],
        comfort: &[
            "We go slowly and can skip spots that feel too sore.",
            "A cool mask at the end helps calm the skin.",
        ],
        minutes: "45–60",
        after: &["pink, with some red spots where pores were cleared", "a little red and blotchy"],
        results: &[
            ("Weeks 3–4", "Pores look clearer. Regular facials and home care help keep them that way."),
            ("Month 1", "Skin looks calmer. Many people book a facial every 4–6 weeks."),
        ],
        sessions: &["1 facial every 4–6 weeks", "a series of 4–6, a month apart"],
        downtime: &["a few hours of redness", "up to 1 day of red spots"],
        before: &[],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[(
            "Why did I break out after my facial?",
            "Clearing pores can bring a few spots to the surface. This is common and settles within a few days.",
        )],
        waits: &[],
        skip: &[],
    },
    Kind {
        slug: "led-light-therapy",
        title: "LED light therapy",
        noun: "LED light therapy",
        cat: Cat::Facial,
        summary: "LED light therapy shines gentle red or blue light on the skin to calm redness and help clear acne. There is no heat and no downtime.",
        what: &[
            "LED light therapy shines low-level red or blue light on the skin.",
            "In LED light therapy, you rest under a panel of soft, colored lights.",
        ],
        how: &[
            "The light has no heat and no UV rays. It helps calm the skin and may help it heal.",
            "Red light may calm the skin, and blue light may help clear acne.",
        ],
        helps: &["mild acne", "redness", "fine lines", "skin that needs calming after other treatments"],
        areas: &[
            area("face", "face", true),
            area("neck", "neck", false),
            area("chest", "chest", false),
            area("back", "back", false),
        ],
        specifics: &[
            spec("red", "Red LED light therapy", "Red light is used to calm the skin and support healing."),
            spec_on("blue", "Blue LED light therapy", "Blue light is used to help clear acne.", &["face", "chest", "back"]),
        ],
        feel: &["nothing at all, or gentle warmth", "a soft, relaxing glow"],
        comfort: &[
            "You will wear goggles to protect your eyes from the bright light.",
            "There is no pain, and you can rest with your eyes closed.",
        ],
        minutes: "15–20",
        after: &["the same as before, or a little pink", "calm and slightly pink"],
        results: &[
            ("Weeks 4–6", "Skin looks calmer after a series. Results build slowly."),
            ("Weeks 4–8", "Acne and redness may improve. Many people keep up weekly sessions."),
        ],
        sessions: &["6–10 sessions, 1–2 a week", "1 session a week for 6–8 weeks"],
        downtime: &["none", "none, or an hour of pinkness"],
        before: &["Tell us if you take medicine that makes you sensitive to light."],
        dos: &[],
        donts: &[],
        risks: &[],
        calls: &[],
        faq: &[],
        waits: &[],
        skip: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    /// A fresh, empty folder under the system's temp folder; removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path =
                std::env::temp_dir().join(format!("corpus-test-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&path);
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Every file under `dir`, as (path relative to `dir`, bytes), sorted.
    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                    out.push((rel, fs::read(&path).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    fn variants(n: usize) -> Vec<(String, String)> {
        let seed = n as u64;
        let mut out = Vec::new();
        for p in 0..procedure_count(n) {
            for v in 0..variant_count(n, p) {
                let name = format!("{}/{}", procedure_slug(p), variant_slug(p, v, seed));
                out.push((name, variant_text(p, v, seed)));
            }
        }
        out
    }

    /// The body of each `## heading` section, in order.
    fn sections(text: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                out.push((h.to_string(), String::new()));
            } else if let Some((_, body)) = out.last_mut() {
                body.push_str(line);
                body.push('\n');
            }
        }
        out
    }

    fn items(body: &str) -> Vec<&str> {
        body.lines().filter_map(|l| l.strip_prefix("- ")).collect()
    }

    #[test]
    fn the_same_n_writes_the_same_bytes() {
        let (a, b) = (TempDir::new("det-a"), TempDir::new("det-b"));
        let sa = generate(50, &a.0).unwrap();
        let sb = generate(50, &b.0).unwrap();
        assert_eq!(sa, sb);
        let (fa, fb) = (files(&a.0), files(&b.0));
        assert_eq!(fa.len(), sa.files);
        assert_eq!(fa, fb);
        // The files on disk are exactly what the text functions give.
        for (rel, bytes) in &fa {
            let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into()).collect();
            if let [folder, file] = parts.as_slice() {
                let p = (0..sa.procedures)
                    .find(|&p| procedure_slug(p) == *folder)
                    .unwrap();
                let text = String::from_utf8(bytes.clone()).unwrap();
                if file == "_procedure.md" {
                    assert_eq!(text, procedure_text(p, 50));
                } else {
                    let v = (0..variant_count(50, p))
                        .find(|&v| format!("{}.md", variant_slug(p, v, 50)) == *file)
                        .unwrap();
                    assert_eq!(text, variant_text(p, v, 50));
                }
            }
        }
    }

    #[test]
    fn refuses_a_folder_with_files_in_it() {
        let dir = TempDir::new("busy");
        fs::create_dir_all(&dir.0).unwrap();
        fs::write(dir.0.join("keep.txt"), "mine").unwrap();
        let err = generate(5, &dir.0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(dir.0.join("keep.txt")).unwrap(), "mine");
    }

    #[test]
    fn counts_follow_n() {
        let dir = TempDir::new("counts");
        let s = generate(50, &dir.0).unwrap();
        assert_eq!((s.procedures, s.variants, s.files), (10, 50, 61));
        let folders = fs::read_dir(&dir.0)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count();
        assert_eq!(folders, 10);
        for n in [0, 1, 4, 9, 14, 50, 200, 1003] {
            let total: usize = (0..procedure_count(n)).map(|p| variant_count(n, p)).sum();
            assert_eq!(total, n, "n = {n}");
            assert_eq!(procedure_count(n), (n / 5).max(1));
        }
    }

    #[test]
    fn slugs_are_unique_and_valid() {
        let valid = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let procedures: BTreeSet<String> = (0..500).map(procedure_slug).collect();
        assert_eq!(procedures.len(), 500);
        assert!(procedures.iter().all(|s| valid(s)));
        for n in [9, 14, 200] {
            for p in 0..procedure_count(n) {
                let slugs: BTreeSet<String> =
                    (0..40).map(|v| variant_slug(p, v, n as u64)).collect();
                assert_eq!(slugs.len(), 40);
                assert!(slugs.iter().all(|s| valid(s) && s != "_procedure"));
            }
        }
    }

    #[test]
    fn every_variant_has_the_eight_sections_and_realistic_lengths() {
        let mut checked = 0;
        let mut all = variants(200);
        for seed in 0..40u64 {
            for p in 0..KINDS.len() {
                all.push((
                    format!("seed {seed}, {p}"),
                    variant_text(p, seed as usize % 7, seed),
                ));
            }
        }
        for (name, text) in &all {
            let words = word_count(text);
            assert!(
                (MIN_WORDS..=MAX_WORDS).contains(&words),
                "{name}: {words} words"
            );
            let wc = text.split_whitespace().count();
            assert!(
                (MIN_WORDS..=MAX_WORDS).contains(&wc),
                "{name}: {wc} wc words"
            );
            let s = sections(text);
            let headings: Vec<&str> = s.iter().map(|(h, _)| h.as_str()).collect();
            assert_eq!(headings, HEADINGS, "{name}");
            let body = |h: &str| s.iter().find(|(x, _)| x == h).unwrap().1.as_str();
            let count = |h: &str| items(body(h)).len();
            assert!((4..=6).contains(&count("Recovery timeline")), "{name}");
            assert!((5..=8).contains(&count("Do")), "{name}: {} do", count("Do"));
            assert!(
                (5..=8).contains(&count("Don't")),
                "{name}: {} don't",
                count("Don't")
            );
            assert!(
                (4..=6).contains(&count("Risks")),
                "{name}: {} risks",
                count("Risks")
            );
            assert!((5..=7).contains(&count("When to call us")), "{name}");
            assert_eq!(
                body("FAQ")
                    .lines()
                    .filter(|l| l.starts_with("### "))
                    .count(),
                6,
                "{name}"
            );
            assert_eq!(text.matches("### ").count(), 6, "{name}");
            for stage in items(body("Recovery timeline")) {
                assert!(
                    stage.starts_with("**") && stage.contains(":** "),
                    "{name}: {stage}"
                );
            }
            let calls = body("When to call us");
            assert!(calls.contains("call us"), "{name}");
            assert!(calls.contains("911"), "{name}");
            for h in ["What it is", "What to expect"] {
                let paragraphs = body(h)
                    .split("\n\n")
                    .filter(|p| !p.trim().is_empty())
                    .count();
                assert!(paragraphs >= 2, "{name}: {h}");
            }
            checked += 1;
        }
        assert!(checked > 1000);
    }

    #[test]
    fn words_spread_around_900() {
        let mut counts: Vec<usize> = variants(200).iter().map(|(_, t)| word_count(t)).collect();
        counts.sort_unstable();
        let median = counts[counts.len() / 2];
        assert!((850..=950).contains(&median), "median {median}");
        let distinct: BTreeSet<String> = variants(200).into_iter().map(|(_, t)| t).collect();
        assert_eq!(distinct.len(), 200, "no two variants are the same");
    }

    #[test]
    fn front_matter_keeps_the_rules() {
        for (name, text) in variants(200) {
            let front = text.split("---\n").nth(1).unwrap();
            let keys: Vec<&str> = front
                .lines()
                .map(|l| l.split(':').next().unwrap())
                .collect();
            assert_eq!(
                keys,
                [
                    "title",
                    "summary",
                    "reviewed",
                    "reviewed_by",
                    "sessions",
                    "downtime",
                    "order"
                ],
                "{name}"
            );
            let value = |k: &str| {
                front
                    .lines()
                    .find_map(|l| l.strip_prefix(&format!("{k}: ")))
                    .unwrap()
            };
            let summary = value("summary").trim_matches('"');
            assert!(summary.chars().count() <= 200, "{name}: {summary}");
            let reviewed = value("reviewed");
            assert!(
                ("2026-01-01"..="2026-11-30").contains(&reviewed),
                "{name}: {reviewed}"
            );
            for line in front.lines() {
                let v = line.split_once(": ").unwrap().1;
                if v.starts_with('"') {
                    assert!(
                        v.ends_with('"') && !v[1..v.len() - 1].contains('"'),
                        "{name}: {line}"
                    );
                }
            }
        }
        for p in 0..200 {
            let text = procedure_text(p, 7);
            let summary = text
                .lines()
                .find_map(|l| l.strip_prefix("summary: "))
                .unwrap();
            assert!(summary.trim_matches('"').chars().count() <= 200, "{p}");
            let headings: Vec<String> = sections(&text).into_iter().map(|(h, _)| h).collect();
            assert_eq!(headings, ["Do", "Don't", "Risks", "When to call us"]);
        }
        let mut seen = BTreeSet::new();
        for day in 0..334 {
            seen.insert(date_of(day));
        }
        assert_eq!(seen.len(), 334);
        assert_eq!(date_of(333), (11, 30));
    }

    /// Characters the handout fonts are known to have, and no Markdown the validator rejects.
    #[test]
    fn text_is_plain_and_printable() {
        let mut texts: Vec<String> = variants(200).into_iter().map(|(_, t)| t).collect();
        texts.extend((0..60).map(|p| procedure_text(p, 200)));
        texts.push(clinic_yaml());
        for text in &texts {
            for c in text.chars() {
                assert!(
                    c == '\n' || (' '..='~').contains(&c) || "–’°".contains(c),
                    "unexpected character {c:?}"
                );
            }
            assert!(!text.contains('{') && !text.contains('}') && !text.contains('<'));
            assert!(!text.contains("TITLE") && !text.contains('^'));
            let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
            assert!(!body.contains('_') && !body.contains('`') && !body.contains('&'));
            for line in text.lines() {
                assert!(!line.starts_with("# ") || text.starts_with("# A generated"));
                assert!(!line.starts_with('>') && !line.starts_with("    "));
                assert!(!line.starts_with(|c: char| c.is_ascii_digit()), "{line}");
                assert!(!line.starts_with("- -") && !line.starts_with("  -"));
            }
        }
    }

    #[test]
    fn no_medical_jargon() {
        const JARGON: &[&str] = &[
            "erythema",
            "edema",
            "oedema",
            "analgesic",
            "pruritus",
            "purpura",
            "ecchymosis",
            "hyperpigmentation",
            "hypopigmentation",
            "desquamation",
            "contraindicated",
            "sequelae",
            "epidermis",
            "dermis",
            "topical",
            "anesthetic",
            "occlusive",
            "emollient",
            "necrosis",
            "erythematous",
            "post-inflammatory",
            "prophylaxis",
            "nonablative",
            "ablative",
            "vasoconstriction",
            "inflammation",
            "subcutaneous",
            "adipose",
            "comedones",
            "follicle",
        ];
        for (name, text) in variants(200) {
            let lower = text.to_lowercase();
            for word in JARGON {
                let found = lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| w == *word);
                assert!(!found, "{name}: {word}");
            }
        }
    }

    /// Sentences of the body, list items counted as sentences of their own.
    fn sentences(text: &str) -> Vec<String> {
        let body = text.splitn(3, "---\n").nth(2).unwrap();
        let mut out = Vec::new();
        for line in body.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let line = line
                .trim_start_matches("- ")
                .replace("**", "")
                .replace('*', "");
            let mut current = String::new();
            let chars: Vec<char> = line.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                current.push(c);
                let end = matches!(c, '.' | '?' | '!' | ':')
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
                if end {
                    out.push(std::mem::take(&mut current));
                }
            }
            if !current.trim().is_empty() {
                out.push(current);
            }
        }
        out
    }

    fn syllables(word: &str) -> usize {
        let w: Vec<char> = word
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect();
        if w.is_empty() {
            return 0;
        }
        let vowel = |c: char| "aeiouy".contains(c);
        let mut count = 0;
        let mut prev = false;
        for &c in &w {
            let v = vowel(c);
            if v && !prev {
                count += 1;
            }
            prev = v;
        }
        if w.len() > 2 && w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) && count > 1 {
            count -= 1;
        }
        count.max(1)
    }

    /// Flesch–Kincaid grade of `text`'s body.
    fn grade(text: &str) -> f64 {
        let s = sentences(text);
        let words: Vec<&str> = s
            .iter()
            .flat_map(|x| x.split_whitespace())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let syl: usize = words.iter().map(|w| syllables(w)).sum();
        0.39 * words.len() as f64 / s.len() as f64 + 11.8 * syl as f64 / words.len() as f64 - 15.59
    }

    #[test]
    fn plain_language_short_sentences() {
        let mut grades = Vec::new();
        for (name, text) in variants(200) {
            for s in sentences(&text) {
                let n = s.split_whitespace().count();
                assert!(n < 25, "{name}: {n} words: {s}");
            }
            for line in text.lines().filter_map(|l| l.strip_prefix("- ")) {
                let n = line.split_whitespace().count();
                assert!(n < 30, "{name}: item of {n} words: {line}");
            }
            grades.push(grade(&text));
        }
        grades.sort_by(f64::total_cmp);
        let median = grades[grades.len() / 2];
        let max = grades[grades.len() - 1];
        assert!(
            median <= 8.0 && max <= 9.0,
            "grade median {median:.1}, max {max:.1}"
        );
    }

    /// `cargo test --release figures -- --ignored --nocapture` prints the corpus's figures.
    #[test]
    #[ignore]
    fn figures() {
        let all = variants(200);
        let mut words: Vec<usize> = all.iter().map(|(_, t)| word_count(t)).collect();
        let mut wc: Vec<usize> = all
            .iter()
            .map(|(_, t)| t.split_whitespace().count())
            .collect();
        let mut grades: Vec<f64> = all.iter().map(|(_, t)| grade(t)).collect();
        let longest = all
            .iter()
            .flat_map(|(_, t)| sentences(t))
            .map(|s| s.split_whitespace().count())
            .max();
        words.sort_unstable();
        wc.sort_unstable();
        grades.sort_by(f64::total_cmp);
        let mid = all.len() / 2;
        println!(
            "N=200 words min/median/max {}/{}/{} (wc -w {}/{}/{}), grade min/median/max {:.1}/{:.1}/{:.1}, longest sentence {longest:?} words",
            words[0], words[mid], words[all.len() - 1], wc[0], wc[mid], wc[all.len() - 1],
            grades[0], grades[mid], grades[all.len() - 1],
        );
    }
}
