//! Pictures the handout shows (figures, the clinic's logo): their pixel size for layout, and the
//! image XObject `paint` embeds, prepared once however many handouts and pages show them.
//!
//! A JPEG goes into the PDF as it is (`/DCTDecode`): re-encoding would lose quality and time. A PNG is
//! decoded to 8-bit RGB or grey, composited over white (paper is white, so transparency looks the
//! same and needs no soft mask), and Flate-compressed once.

use std::collections::BTreeMap;
use std::hash::Hasher as _;
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// A picture file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    /// PNG: decoded and re-compressed losslessly.
    Png,
    /// JPEG: embedded as it is.
    Jpeg,
}

/// One picture file, already checked (readable, not truncated, a sane size) by whoever made it.
#[derive(Debug)]
pub struct Picture {
    /// Its format.
    pub format: PictureFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The file's bytes.
    pub bytes: Arc<[u8]>,
    /// The XObject stream, made on first use.
    prepared: OnceLock<Option<Prepared>>,
}

impl PartialEq for Picture {
    fn eq(&self, other: &Picture) -> bool {
        self.format == other.format && self.bytes == other.bytes
    }
}

/// The image XObject of a picture: its dictionary entries and its (already encoded) data.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    /// `/ColorSpace` name.
    pub color_space: &'static str,
    /// `/Filter` name.
    pub filter: &'static str,
    /// Number of colour components, for a CMYK JPEG's `/Decode` array.
    pub components: u8,
    /// Whether an Adobe CMYK JPEG stores inverted values (`/Decode [1 0 1 0 1 0 1 0]`).
    pub inverted: bool,
    /// The stream's data.
    pub data: Vec<u8>,
    /// A name derived from the content, so two runs write identical resource names.
    pub name: String,
}

impl Picture {
    /// A picture of `format` and `width` × `height` pixels held in `bytes`.
    pub fn new(format: PictureFormat, width: u32, height: u32, bytes: Arc<[u8]>) -> Picture {
        Picture {
            format,
            width,
            height,
            bytes,
            prepared: OnceLock::new(),
        }
    }

    /// The XObject stream, encoded on the first call; `None` if the data cannot be decoded.
    pub(crate) fn prepared(&self) -> Option<&Prepared> {
        self.prepared.get_or_init(|| prepare(self)).as_ref()
    }
}

/// Pictures by the `src` the print XML names them with.
#[derive(Clone, Debug, Default)]
pub struct Pictures {
    by_src: BTreeMap<String, Arc<Picture>>,
}

impl Pictures {
    /// No pictures.
    pub fn new() -> Pictures {
        Pictures::default()
    }

    /// A shared empty set, for layouts without pictures.
    pub(crate) fn empty() -> &'static Pictures {
        static EMPTY: OnceLock<Pictures> = OnceLock::new();
        EMPTY.get_or_init(Pictures::new)
    }

    /// Makes `picture` available as `src`.
    pub fn insert(&mut self, src: impl Into<String>, picture: Arc<Picture>) {
        self.by_src.insert(src.into(), picture);
    }

    /// The picture named `src`.
    pub(crate) fn get(&self, src: &str) -> Option<&Arc<Picture>> {
        self.by_src.get(src)
    }
}

fn prepare(picture: &Picture) -> Option<Prepared> {
    let mut hash = fnv::FnvHasher::default();
    hash.write(&picture.bytes);
    let name = format!("Im{:016x}", hash.finish());
    match picture.format {
        PictureFormat::Jpeg => {
            let (components, inverted) = jpeg_components(&picture.bytes)?;
            let color_space = match components {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                4 => "DeviceCMYK",
                _ => return None,
            };
            Some(Prepared {
                color_space,
                filter: "DCTDecode",
                components,
                inverted,
                data: picture.bytes.to_vec(),
                name,
            })
        }
        PictureFormat::Png => {
            let decoded =
                image::load_from_memory_with_format(&picture.bytes, image::ImageFormat::Png)
                    .ok()?;
            let grey = !decoded.color().has_color();
            let rgba = decoded.to_rgba8();
            // Composite over white paper: c·a + 255·(1 − a).
            let over_white = |c: u8, a: u8| -> u8 {
                let (c, a) = (u32::from(c), u32::from(a));
                ((c * a + 255 * (255 - a) + 127) / 255) as u8
            };
            let channels = if grey { 1 } else { 3 };
            let mut raw = Vec::with_capacity(rgba.pixels().len() * channels);
            for p in rgba.pixels() {
                let [r, g, b, a] = p.0;
                if grey {
                    raw.push(over_white(r, a));
                } else {
                    raw.extend([over_white(r, a), over_white(g, a), over_white(b, a)]);
                }
            }
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&raw).ok()?;
            Some(Prepared {
                color_space: if grey { "DeviceGray" } else { "DeviceRGB" },
                filter: "FlateDecode",
                components: if grey { 1 } else { 3 },
                inverted: false,
                data: encoder.finish().ok()?,
                name,
            })
        }
    }
}

/// The number of components of a JPEG's frame, and whether it carries an Adobe marker (whose CMYK
/// data is stored inverted), read from its markers.
fn jpeg_components(bytes: &[u8]) -> Option<(u8, bool)> {
    let mut at = 2; // after SOI
    let mut adobe = false;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let segment = bytes.get(at + 4..at + 2 + len)?;
        if marker == 0xEE && segment.starts_with(b"Adobe") {
            adobe = true;
        }
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return Some((*segment.get(5)?, adobe));
        }
        at += 2 + len;
    }
    None
}
