//! The build cache: the last build's files, kept beside the output folder so a rebuild reuses
//! what did not change instead of making it again.
//!
//! `.{out}.cache/` (beside the output folder `out`, git-ignored) holds:
//! - `objects/<SHA-256 of the bytes>`: every file of the last build. The output folder's files are
//!   hard links to these, so a file whose bytes did not change keeps its inode and modification
//!   time from build to build, and a web team's sync copies only what changed.
//! - `index`: for each PDF, the key it was made from, its object, length and page count. A PDF's
//!   key is a hash of the tool (version and executable, which holds the engine, the fonts and the
//!   built-in theme), the print style, the words kept whole and the print XML (which holds everything the handout shows:
//!   the variant and its procedure, the templates, the labels and `clinic.yaml`). Laying out and
//!   painting a PDF is the expensive part of a build; the XML is cheap to make, so a changed input
//!   of any kind changes the key, and nothing has to list what depends on what.
//!
//! - `folders`: the memo of each procedure folder of the last build ([`folders`]): what lets a
//!   rebuild skip checking an unchanged folder and making its files at all.
//! - `listings`: the files of each output that lists handouts, by the key of the cards it lists
//!   ([`crate::render::targets::Keys`]), put back when nothing it lists changed.
//! - `spare/`: the site before the current one, a tree of links to objects, which the next build
//!   stages into (`write`): its folders exist and most of its files are already the right links.
//!
//! The cache only ever saves work: an object is used only after its bytes hash to its name (or,
//! for a folder taken from the memo, its stamp is the one recorded when it was made), and a
//! missing, unreadable or damaged index, memo or object is treated as not cached, so the file is
//! made again. Output is byte-identical whatever the cache holds.

pub mod folders;

use sha2::{Digest as _, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A SHA-256 digest: an object's name or a PDF's key.
pub type Digest = [u8; 32];

/// The first line of the index; a file that does not start with it is ignored.
const INDEX_HEADER: &str = "handouts build cache 1";

/// What the cache remembers of one PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The object holding its bytes.
    pub object: Digest,
    /// Its length in bytes.
    pub len: u64,
    /// Its page count.
    pub pages: usize,
}

/// An object's length, modification time and inode: see [`Cache::stamp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Its length in bytes.
    pub len: u64,
    /// When it was written, in nanoseconds since 1970.
    pub modified_ns: u64,
    /// Its inode number (0 where the system has none): a link to it has the same.
    pub ino: u64,
}

impl Stamp {
    /// The stamp of a file from its metadata.
    pub fn of(meta: &fs::Metadata) -> Option<Stamp> {
        let since = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        Some(Stamp {
            len: meta.len(),
            modified_ns: since.as_nanos() as u64,
            ino,
        })
    }
}

/// An open build cache (see the module documentation).
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    index: HashMap<Digest, Entry>,
    /// Entries used or made by this build: the next index.
    next: Mutex<HashMap<Digest, Entry>>,
    /// Objects this build's output links to; the others are removed when it finishes.
    used: Mutex<HashSet<Digest>>,
}

/// The cache folder of the output folder `out`: `.{name}.cache` beside it.
pub fn dir_for(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().unwrap_or_else(|| Path::new("."));
    parent.join(format!(".{name}.cache"))
}

/// The hash of `parts`, each length-prefixed so that no two lists of parts collide, and of the
/// tool that makes the output.
pub fn key(parts: &[&[u8]]) -> Digest {
    let mut hash = Sha256::new();
    hash.update(tool_id());
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().into()
}

/// The SHA-256 of `bytes`.
pub fn digest(bytes: &[u8]) -> Digest {
    Sha256::digest(bytes).into()
}

/// What identifies this build of the tool: its version and the hash of its executable (which
/// holds the engine, the fonts and the built-in theme), hashed once per process.
fn tool_id() -> &'static Digest {
    static ID: OnceLock<Digest> = OnceLock::new();
    ID.get_or_init(|| {
        let mut hash = Sha256::new();
        hash.update(env!("CARGO_PKG_VERSION").as_bytes());
        // An executable that cannot be read still gets a cache, keyed by the version alone.
        if let Ok(bytes) = std::env::current_exe().and_then(fs::read) {
            hash.update(bytes);
        }
        hash.finalize().into()
    })
}

/// `d` in lowercase hexadecimal, as objects are named.
pub(crate) fn hex(d: &Digest) -> String {
    // By table, not `format!`: a rebuild names tens of thousands of objects.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in d {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// The digest named by 64 hexadecimal digits.
pub(crate) fn unhex(text: &str) -> Option<Digest> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl Cache {
    /// Opens the cache of the output folder `out`; a missing or damaged index is an empty cache.
    pub fn open(out: &Path) -> Cache {
        let dir = dir_for(out);
        let index = fs::read_to_string(dir.join("index"))
            .ok()
            .map(|text| parse_index(&text))
            .unwrap_or_default();
        Cache {
            dir,
            index,
            next: Mutex::default(),
            used: Mutex::default(),
        }
    }

    /// Where the site before the current one is kept, for the next build to stage into (see
    /// `write`): a tree of links to objects, most of which that build links again.
    pub fn spare_dir(&self) -> PathBuf {
        self.dir.join("spare")
    }

    fn object_path(&self, object: &Digest) -> PathBuf {
        self.dir.join("objects").join(hex(object))
    }

    /// The cached PDF made from `key`, if the index has it.
    pub fn lookup(&self, key: &Digest) -> Option<Entry> {
        self.index.get(key).copied()
    }

    /// Links the object of `entry` to `path` if it is intact (its bytes hash to its name);
    /// false when it is missing or damaged, and the caller makes the file instead.
    pub fn link(&self, entry: &Entry, path: &Path) -> bool {
        let object = self.object_path(&entry.object);
        match fs::read(&object) {
            Ok(bytes) if bytes.len() as u64 == entry.len && digest(&bytes) == entry.object => {}
            _ => return false,
        }
        if place(&object, path).is_err() {
            return false;
        }
        self.use_object(entry.object);
        true
    }

    /// Puts `bytes` at `path` as a link to their object, storing the object first unless an intact
    /// one is there already. Remembers `key` → the object when given. Returns what was placed.
    pub fn put(
        &self,
        path: &Path,
        bytes: &[u8],
        key: Option<(Digest, usize)>,
    ) -> io::Result<Entry> {
        let object = digest(bytes);
        let stored = self.object_path(&object);
        let intact = fs::read(&stored).is_ok_and(|old| old == bytes);
        if !intact {
            write_object(&stored, bytes)?;
        }
        place(&stored, path)?;
        self.use_object(object);
        let entry = Entry {
            object,
            len: bytes.len() as u64,
            pages: key.map_or(0, |(_, pages)| pages),
        };
        if let Some((key, _)) = key {
            self.remember(key, entry);
        }
        Ok(entry)
    }

    /// The length, modification time and inode of `object` as stored, or `None` when it is
    /// missing.
    /// An object is written once and never changed by a build, so a stamp that still matches the
    /// one recorded when it was made says its bytes are those it was made with, without reading
    /// them (as `make` and git trust a file's stamp); anyone who edits an output file in place
    /// changes its object's stamp too, since they are the same file.
    pub fn stamp(&self, object: &Digest) -> Option<Stamp> {
        Stamp::of(&fs::metadata(self.object_path(object)).ok()?)
    }

    /// Links `object` to `path` without reading it: for callers that checked its [`Cache::stamp`].
    pub fn place_object(&self, object: &Digest, path: &Path) -> io::Result<()> {
        place(&self.object_path(object), path)?;
        self.use_object(*object);
        Ok(())
    }

    /// Keeps `key` → `entry` in the next index.
    pub fn remember(&self, key: Digest, entry: Entry) {
        if let Ok(mut next) = self.next.lock() {
            next.insert(key, entry);
        }
    }

    pub(crate) fn use_object(&self, object: Digest) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(object);
        }
    }

    /// After a successful build: writes the index of this build's PDFs and removes the objects
    /// no file of it links to. Problems are ignored: the next build only makes more files again.
    pub fn finish(self) {
        let mut next = self.next.into_inner().unwrap_or_default();
        let used = self.used.into_inner().unwrap_or_default();
        // A PDF put in place with its folder (`folders`) was not looked up by its key; its entry
        // stays, for when that folder changes in a way its handout does not show.
        for (key, entry) in self.index {
            if used.contains(&entry.object) {
                next.entry(key).or_insert(entry);
            }
        }
        let mut keys: Vec<(&Digest, &Entry)> = next.iter().collect();
        keys.sort_by_key(|(key, _)| *key);
        let mut index = Lines::create(self.dir.join("index"), INDEX_HEADER);
        for (key, e) in keys {
            index.add(&format!(
                "{} {} {} {}",
                hex(key),
                hex(&e.object),
                e.len,
                e.pages
            ));
        }
        index.finish();
        if let Ok(entries) = fs::read_dir(self.dir.join("objects")) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let keep = unhex(&name.to_string_lossy()).is_some_and(|d| used.contains(&d));
                if !keep {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }
}

fn parse_index(text: &str) -> HashMap<Digest, Entry> {
    after_header(text, INDEX_HEADER)
        .into_iter()
        .flatten()
        .filter_map(|line| {
            let mut words = line.split(' ');
            let key = unhex(words.next()?)?;
            let object = unhex(words.next()?)?;
            let len = words.next()?.parse().ok()?;
            let pages = words.next()?.parse().ok()?;
            words
                .next()
                .is_none()
                .then_some((key, Entry { object, len, pages }))
        })
        .collect()
}

/// The lines of `text` after its first, when that is `header`; `None` for a file of another kind
/// or version, which is then treated as empty.
pub(crate) fn after_header<'t>(text: &'t str, header: &str) -> Option<std::str::Lines<'t>> {
    let mut lines = text.lines();
    (lines.next() == Some(header)).then_some(lines)
}

/// A file of the cache written one line at a time under a header line (so a build never holds
/// all its lines), through a temporary file that replaces it when finished. A problem only means
/// the next build finds less in the cache.
pub struct Lines {
    tmp: PathBuf,
    target: PathBuf,
    file: Option<io::BufWriter<fs::File>>,
}

impl Lines {
    /// Starts the file `target`, its folder made if needed, with `header` as its first line.
    pub fn create(target: PathBuf, header: &str) -> Lines {
        use std::io::Write as _;
        let name = target
            .file_name()
            .map_or_else(Default::default, |n| n.to_string_lossy());
        let tmp = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let file = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::File::create(&tmp))
            .map(io::BufWriter::new)
            .and_then(|mut file| writeln!(file, "{header}").map(|()| file))
            .ok();
        Lines { tmp, target, file }
    }

    /// Adds one line (without its line end).
    pub fn add(&mut self, line: &str) {
        use std::io::Write as _;
        let written = self
            .file
            .as_mut()
            .is_some_and(|file| writeln!(file, "{line}").is_ok());
        if !written {
            self.file = None;
        }
    }

    /// Puts the file in place of the last one, if every line was written.
    pub fn finish(mut self) {
        let done = self
            .file
            .take()
            .is_some_and(|file| file.into_inner().is_ok());
        if !done || fs::rename(&self.tmp, &self.target).is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Writes an object through a temporary file, so a killed build never leaves half of one.
fn write_object(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!(
        "tmp-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Hard-links `object` to `path`, or copies it where links cannot be made. A `path` that is
/// already a link to `object` (a staging folder made from the last site, see `write`) is left as
/// it is; anything else there is replaced, never written into, since it may be another object.
fn place(object: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(object, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if same_file(object, path) {
                return Ok(());
            }
            // What an older site had here may be a folder where this one has a file.
            fs::remove_file(path).or_else(|_| fs::remove_dir_all(path))?;
            fs::hard_link(object, path).or_else(|_| fs::copy(object, path).map(|_| ()))
        }
        Err(_) => fs::copy(object, path).map(|_| ()),
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_index_is_an_empty_cache() {
        assert!(parse_index("garbage\n").is_empty());
        let key = hex(&digest(b"k"));
        let obj = hex(&digest(b"o"));
        let text = format!("{INDEX_HEADER}\n{key} {obj} 3 1\n{key} zz 3 1\nnot a line\n");
        let index = parse_index(&text);
        assert_eq!(index.len(), 1);
        assert_eq!(index[&digest(b"k")].pages, 1);
    }

    #[test]
    fn a_damaged_object_is_not_linked() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir(&out).unwrap();
        let cache = Cache::open(&out);
        let key = key(&[b"x"]);
        cache
            .put(&out.join("a.pdf"), b"bytes", Some((key, 2)))
            .unwrap();
        let entry = cache.next.lock().unwrap()[&key];
        assert!(cache.link(&entry, &out.join("b.pdf")));
        fs::write(cache.object_path(&entry.object), b"BYTES").unwrap();
        assert!(!cache.link(&entry, &out.join("c.pdf")));
        assert!(!out.join("c.pdf").exists());
    }
}
