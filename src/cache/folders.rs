//! The folder memo: what the last build found in each procedure folder, so that a rebuild takes
//! an unchanged folder's cards, warnings and files from the cache instead of checking it,
//! rendering its pages and laying out its handouts again.
//!
//! A procedure folder's check and its own files (its pages, handouts and pictures,
//! [`crate::render::procedure_files`]) read only its own `.md` files, the files its handouts link
//! to or show, and the site-wide inputs: the tool, `clinic.yaml` and the logo, the theme folder,
//! the command line's overrides and where the content is. `.{out}.cache/folders` keeps, for each
//! folder that was part of the last successful build:
//! - its key: a hash of the site-wide inputs and of the folder's files (names and text);
//! - the day it was checked, since a review falls overdue with time alone;
//! - every other file it read (pictures, linked files), with the hash of its bytes;
//! - its warnings, word for word, with their places;
//! - its procedure in each language as lists show it (titles, summaries, review dates, facts,
//!   order; not the sections, which only its own pages and handouts read);
//! - each of its files, with the cache object it links to and that object's stamp.
//!
//! A folder is taken from the memo only when its key is the same, no review date lies between the
//! day it was checked and today, every file it read hashes as it did, and every object it links
//! to is in the cache with its stamp. Anything else, including a damaged memo, means checking it
//! again, so a build's output and messages are the same whatever the memo holds.

use super::{hex, unhex, Cache, Digest, Entry, Stamp};
use crate::diag::Diagnostic;
use crate::model::{Attachment, Date, Facts, Lang, Procedure, Revision, Site, Slug, Variant};
use crate::project::{self, Earlier, Memory, Read};
use crate::validate::incremental::Folder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The first line of the memo; a file that does not start with it is ignored.
const HEADER: &str = "handouts folder memo 5";

/// What the last build found in one procedure folder (see the module documentation).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    /// The folder's name.
    name: String,
    /// The hash of the site-wide inputs and the folder's files, in hexadecimal.
    key: String,
    /// The day it was checked, `YYYY-MM-DD`.
    checked_on: String,
    /// Its sort key among the folders.
    order: i64,
    /// Its procedure in each language, default first, as lists show it.
    editions: Vec<Listed>,
    /// Its warnings.
    warnings: Vec<Diagnostic>,
    /// The other files it read, with the hash of their bytes.
    reads: Vec<Read>,
    /// Its own files in the output.
    files: Vec<Placed>,
    /// The memo's line it was read from (empty for a record made by this build).
    #[serde(skip)]
    line: String,
}

/// A procedure in one language, as lists show it.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Listed {
    lang: String,
    slug: String,
    title: String,
    summary: String,
    attachments: Vec<Attachment>,
    variants: Vec<Card>,
}

/// A variant as lists show it: everything but its sections and readability.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Card {
    slug: String,
    title: String,
    summary: String,
    reviewed: String,
    reviewed_by: String,
    next_review: String,
    sessions: Option<String>,
    downtime: Option<String>,
    order: i64,
    write_in: Vec<String>,
    /// The credit line and its address (`source`, `source_url`).
    attribution: Option<(Option<String>, Option<String>)>,
    source: PathBuf,
    /// The variant's [`Variant::digest`], in hexadecimal.
    digest: String,
}

/// One of a folder's files in the output, and the object it links to.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Placed {
    path: String,
    object: String,
    pages: usize,
    stamp: Stamp,
}

/// The files of one output that lists handouts (an index, the catalog, the feed, the print
/// station), by the key of what it read: the site-wide inputs and the cards of every handout.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Listing {
    key: String,
    files: Vec<Placed>,
}

/// The memo of an output folder, as the last build left it.
#[derive(Debug, Default)]
pub struct Memo {
    records: HashMap<String, Record>,
    listings: HashMap<String, Listing>,
}

/// A folder taken from the memo: its files to put in place.
pub struct Taken<'m> {
    /// The record, kept for the next memo.
    record: &'m Record,
    /// For each of its files, whether the spare tree has it already.
    in_place: Vec<bool>,
}

impl Taken<'_> {
    /// The folder's name.
    pub fn name(&self) -> &str {
        &self.record.name
    }

    /// Its files: each path with the cache entry to link there, and whether the spare tree the
    /// build stages into has that file there already.
    pub fn files(&self) -> impl Iterator<Item = (&str, Entry, bool)> {
        let files = self.record.files.iter().zip(&self.in_place);
        files.filter_map(|(f, &in_place)| Some((f.path.as_str(), f.entry()?, in_place)))
    }

    /// The record, for the next build's memo.
    pub fn record(&self) -> &Record {
        self.record
    }
}

impl Memo {
    /// The memo beside the output folder `out`; missing or damaged, an empty one.
    pub fn open(out: &Path) -> Memo {
        let dir = super::dir_for(out);
        let listings = fs::read_to_string(dir.join(LISTINGS)).unwrap_or_default();
        let listings = super::after_header(&listings, HEADER)
            .into_iter()
            .flatten()
            .filter_map(|line| serde_json::from_str::<Listing>(line).ok())
            .map(|l| (l.key.clone(), l))
            .collect();
        // Parsed on every core; each record keeps its line, which the next memo repeats as it is
        // when the folder is taken again.
        use rayon::prelude::*;
        let folders = fs::read_to_string(dir.join(FOLDERS)).unwrap_or_default();
        let lines: Vec<&str> = super::after_header(&folders, HEADER)
            .into_iter()
            .flatten()
            .collect();
        let records = lines
            .par_iter()
            .filter_map(|line| {
                let mut record = serde_json::from_str::<Record>(line).ok()?;
                record.line = line.to_string();
                Some((record.name.clone(), record))
            })
            .collect();
        Memo { records, listings }
    }

    /// The files of the listing output made from `key` by the last build, each with the cache
    /// entry to link and whether the spare tree has it in place; `None` unless every one is intact.
    pub fn take_listing(&self, key: &Digest, cache: &Cache) -> Option<Vec<(String, Entry, bool)>> {
        let listing = self.listings.get(&hex(key))?;
        let spare = cache.spare_dir();
        listing
            .files
            .iter()
            .map(|f| {
                let in_place = where_intact(f, &spare, cache)?;
                Some((f.path.clone(), f.entry()?, in_place))
            })
            .collect()
    }

    /// The memo as one build's memory of folders, whose files are in `cache`.
    pub fn memory<'m>(&'m self, cache: &'m Cache) -> BuildMemory<'m> {
        BuildMemory { memo: self, cache }
    }
}

/// The memo as a build's [`Memory`]: a folder is taken only when each of its files is intact in
/// the cache or the spare tree, so it can be put in place without being made.
pub struct BuildMemory<'m> {
    memo: &'m Memo,
    cache: &'m Cache,
}

impl<'m> Memory for BuildMemory<'m> {
    type Kept = Taken<'m>;

    fn earlier(&self, name: &str) -> Option<Earlier<'_>> {
        let record = self.memo.records.get(name)?;
        Some(Earlier {
            key: unhex(&record.key)?,
            checked_on: Date::parse(&record.checked_on).ok()?,
            reads: &record.reads,
        })
    }

    fn take(&self, name: &str) -> Option<(Folder, Vec<Diagnostic>, Taken<'m>)> {
        let record = self.memo.records.get(name)?;
        let folder = record.folder()?;
        // Each file is the same file as when it was made (its stamp holds its inode) either in
        // the spare tree the build stages into, so it is in place already, or in the cache.
        let spare = self.cache.spare_dir();
        let in_place = record
            .files
            .iter()
            .map(|f| where_intact(f, &spare, self.cache))
            .collect::<Option<Vec<bool>>>()?;
        Some((folder, record.warnings.clone(), Taken { record, in_place }))
    }
}

impl Placed {
    /// The cache entry to link at its path; `None` when the record is damaged.
    fn entry(&self) -> Option<Entry> {
        Some(Entry {
            object: unhex(&self.object)?,
            len: self.stamp.len,
            pages: self.pages,
        })
    }
}

/// Whether `file` is intact in the spare tree (`Some(true)`: in place already) or in the cache
/// (`Some(false)`: to be linked); `None` when neither has it with its stamp.
fn where_intact(file: &Placed, spare: &Path, cache: &Cache) -> Option<bool> {
    let staged = fs::symlink_metadata(spare.join(&file.path)).ok();
    if staged.and_then(|m| Stamp::of(&m)) == Some(file.stamp) {
        return Some(true);
    }
    let object = unhex(&file.object)?;
    (cache.stamp(&object) == Some(file.stamp)).then_some(false)
}

/// The record of a listing output made from `key`: its files' entries in `placed`, with their
/// stamps in `cache`; `None` when one is missing.
pub fn listing_line(
    key: &Digest,
    files: &[String],
    placed: &HashMap<String, Entry>,
    cache: &Cache,
) -> Option<String> {
    let files = placed_files(files, placed, cache)?;
    serde_json::to_string(&Listing {
        key: hex(key),
        files,
    })
    .ok()
}

fn placed_files(
    files: &[String],
    placed: &HashMap<String, Entry>,
    cache: &Cache,
) -> Option<Vec<Placed>> {
    files
        .iter()
        .map(|path| {
            let entry = placed.get(path)?;
            Some(Placed {
                path: path.clone(),
                object: hex(&entry.object),
                pages: entry.pages,
                stamp: cache.stamp(&entry.object)?,
            })
        })
        .collect()
}

impl Record {
    /// What a build found in a folder it checked: its key, the day, its procedure `slug` in each
    /// language of `site` with its sort key `order`, its warnings, and the entries of its `files` in
    /// `placed` (with their stamps in `cache`). `None` when a file is missing from `placed` (the
    /// folder is then checked again next time).
    pub fn new(
        key: &Digest,
        today: Date,
        (site, slug, order): (&Site, &Slug, i64),
        warnings: Vec<Diagnostic>,
        files: &[String],
        placed: &HashMap<String, Entry>,
        cache: &Cache,
    ) -> Option<Record> {
        let editions: Vec<(Lang, &Procedure)> = site
            .books
            .iter()
            .filter_map(|b| Some((b.lang, b.procedure(slug)?)))
            .collect();
        // The files its check read: linked files, and pictures.
        let reads = project::reads(editions.iter().map(|(_, p)| *p))?;
        let placed_files = placed_files(files, placed, cache)?;
        Some(Record {
            name: slug.to_string(),
            key: hex(key),
            checked_on: today.iso(),
            order,
            editions: editions
                .iter()
                .map(|(lang, p)| Listed::of(*lang, p))
                .collect(),
            warnings,
            reads,
            files: placed_files,
            line: String::new(),
        })
    }

    /// Its line in the memo: as it was read, or made now (`None` if it cannot be).
    pub fn line(&self) -> Option<std::borrow::Cow<'_, str>> {
        if self.line.is_empty() {
            serde_json::to_string(self).ok().map(Into::into)
        } else {
            Some(self.line.as_str().into())
        }
    }

    /// The folder as lists show it; `None` when the record is damaged.
    fn folder(&self) -> Option<Folder> {
        let editions = self
            .editions
            .iter()
            .map(Listed::procedure)
            .collect::<Option<Vec<_>>>()?;
        (!editions.is_empty()).then(|| Folder::new(self.order, editions))
    }
}

impl Listed {
    fn of(lang: Lang, p: &Procedure) -> Listed {
        Listed {
            lang: lang.to_string(),
            slug: p.slug.to_string(),
            title: p.title.clone(),
            summary: p.summary.clone(),
            attachments: p.attachments.clone(),
            variants: p
                .variants
                .iter()
                .map(|v| Card {
                    slug: v.slug.to_string(),
                    title: v.title.clone(),
                    summary: v.summary.clone(),
                    reviewed: v.revision.reviewed.iso(),
                    reviewed_by: v.revision.reviewed_by.clone(),
                    next_review: v.revision.next_review.iso(),
                    sessions: v.facts.sessions.clone(),
                    downtime: v.facts.downtime.clone(),
                    order: v.order,
                    write_in: v.write_in.clone(),
                    attribution: v
                        .attribution
                        .as_ref()
                        .map(|a| (a.text.clone(), a.url.clone())),
                    source: v.source.clone(),
                    digest: hex(&v.digest),
                })
                .collect(),
        }
    }

    /// The procedure with its variants' cards; their sections are empty.
    fn procedure(&self) -> Option<(Lang, Procedure)> {
        let lang = Lang::parse(&self.lang)?;
        let slug = Slug::parse(&self.slug)?;
        let variants = self
            .variants
            .iter()
            .map(|c| {
                Some(Variant {
                    slug: Slug::parse(&c.slug)?,
                    procedure: slug.clone(),
                    title: c.title.clone(),
                    summary: c.summary.clone(),
                    revision: Revision {
                        reviewed: Date::parse(&c.reviewed).ok()?,
                        reviewed_by: c.reviewed_by.clone(),
                        next_review: Date::parse(&c.next_review).ok()?,
                    },
                    facts: Facts {
                        sessions: c.sessions.clone(),
                        downtime: c.downtime.clone(),
                    },
                    order: c.order,
                    write_in: c.write_in.clone(),
                    attribution: c
                        .attribution
                        .clone()
                        .map(|(text, url)| crate::model::Attribution { text, url }),
                    sections: Default::default(),
                    source: c.source.clone(),
                    lang,
                    reading: Default::default(),
                    digest: unhex(&c.digest)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some((
            lang,
            Procedure {
                slug,
                title: self.title.clone(),
                summary: self.summary.clone(),
                variants,
                attachments: self.attachments.clone(),
            },
        ))
    }
}

/// The file of the folders' records, in the cache folder.
const FOLDERS: &str = "folders";
/// The file of the listing outputs' records, in the cache folder.
const LISTINGS: &str = "listings";

/// Starts the memo of this build's folders beside the output folder `out`, one record a line.
pub fn folders_file(out: &Path) -> super::Lines {
    super::Lines::create(super::dir_for(out).join(FOLDERS), HEADER)
}

/// Starts the memo of this build's listing outputs beside `out`, one [`listing_line`] a line.
pub fn listings_file(out: &Path) -> super::Lines {
    super::Lines::create(super::dir_for(out).join(LISTINGS), HEADER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::{ProcedureCtx, VariantCtx};

    /// Lists of handouts show taken folders from their cards: a card must hold everything a list
    /// shows of a checked variant, so a field added to the list contexts and not to `Card` fails here.
    #[test]
    fn a_card_shows_in_lists_exactly_what_the_checked_variant_shows() {
        let today = Date::parse("2026-11-01").unwrap();
        let (site, theme, _) =
            crate::check(Path::new("content"), None, today).expect("the sample is valid");
        let mut compared = 0;
        for book in &site.books {
            let job = crate::render::Job::new(
                &site,
                &theme,
                book.lang,
                crate::edition::PrintSize::Regular,
            )
            .unwrap();
            let here = job.here("../");
            for p in &book.procedures {
                let (lang, card) = Listed::of(book.lang, p).procedure().expect("a card");
                assert_eq!(lang, book.lang);
                assert_eq!(
                    json(&ProcedureCtx::new(&card, here)),
                    json(&ProcedureCtx::new(p, here))
                );
                assert_eq!(card.header(), p.header());
                for (c, v) in card.variants.iter().zip(&p.variants) {
                    assert_eq!(c.card(), v.card());
                    assert_eq!(
                        json(&VariantCtx::new(c, here)),
                        json(&VariantCtx::new(v, here))
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared >= 8, "{compared} variants compared");
    }

    /// A context as JSON, to compare two of them.
    fn json<T: Serialize>(context: &T) -> String {
        serde_json::to_string(context).unwrap()
    }
}
