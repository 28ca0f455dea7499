//! Which faces the PDF embeds and under which resource names. printpdf subsets each face to the
//! chars it shows when the file is saved; the names are chosen here so that output is deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

use super::super::font::{Face, Fonts};
use super::super::frame::{Item, Layout};
use super::blank::UNDERSCORE;
use fnv::FnvHasher;
use std::hash::Hasher as _;

/// The faces the layout uses, each with its font resource name. printpdf takes the first six
/// characters of that name as the subset tag (`ABCDEF+AtkinsonHyperlegible-Bold`), which must be six
/// capital letters and should differ between different subsets: so the name is a hash of the face
/// and the characters it shows, which is also deterministic.
pub(super) fn used_faces(layout: &Layout) -> BTreeMap<Face, FontId> {
    let mut chars: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            match item {
                Item::Text { face, text, .. } => {
                    chars.entry(*face).or_default().extend(text.chars());
                }
                Item::Field {
                    underscores: Some(u),
                    ..
                } => {
                    chars.entry(u.face).or_default().insert(UNDERSCORE);
                }
                _ => {}
            }
        }
    }
    chars
        .into_iter()
        .map(|(face, set)| {
            let mut hash = FnvHasher::with_key(0xcbf2_9ce4_8422_2325);
            hash.write(&[face as u8]);
            for c in set {
                hash.write(&u32::from(c).to_le_bytes());
            }
            let mut n = hash.finish();
            let tag: String = (0..6)
                .map(|_| {
                    let letter = char::from(b'A' + (n % 26) as u8);
                    n /= 26;
                    letter
                })
                .collect();
            (face, FontId(tag))
        })
        .collect()
}

/// printpdf's parsed form of each embedded face, parsed once per process (~1 ms each).
pub(super) fn parsed_font(fonts: &Fonts, face: Face) -> Option<&'static ParsedFont> {
    static PARSED: OnceLock<Vec<Option<ParsedFont>>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        Face::ALL
            .iter()
            .map(|&f| ParsedFont::from_bytes(fonts.bytes(f), 0, &mut Vec::new()))
            .collect()
    });
    all.get(face as usize)?.as_ref()
}
