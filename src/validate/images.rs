//! Pictures: `![alt](images/day-3.jpg)` in a body and `logo:` in `clinic.yaml`.
//!
//! A picture is a PNG or JPEG file inside the content folder (the rules for linked files apply: no
//! way out of the folder, no symbolic link to elsewhere). Each is read and decoded once per run, so a
//! damaged or truncated file, an unsupported format, a file over [`MAX_BYTES`] or a picture over
//! [`MAX_SIDE`] pixels on a side is found before anything is built, with the Markdown file and line.

use crate::model::Image;
use crate::validate::links::{resolve, Noun};
use handouts_print::{Picture, PictureFormat};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The largest picture file: a printed sheet and a phone screen need far less.
pub(crate) const MAX_BYTES: u64 = 5 * 1024 * 1024;
/// The most pixels on a side.
pub(crate) const MAX_SIDE: u32 = 6_000;

/// Why a picture cannot be used: a sentence and its fix.
pub(crate) type Problem = (String, String);

/// Reads and checks pictures, each file once per run however many handouts show it.
pub(crate) struct Images {
    root: PathBuf,
    real_root: Option<PathBuf>,
    /// Results by file on disk.
    seen: Mutex<BTreeMap<PathBuf, Result<Image, Problem>>>,
}

impl Images {
    /// Pictures from the content folder `root`.
    pub(crate) fn new(root: &Path) -> Images {
        Images {
            root: root.to_path_buf(),
            real_root: std::fs::canonicalize(root).ok(),
            seen: Mutex::new(BTreeMap::new()),
        }
    }

    /// The picture `src`, written in `file` (relative to that file's folder).
    pub(crate) fn load(&self, file: &Path, src: &str) -> Result<Image, Problem> {
        let src = src.trim();
        if src.contains("://") || src.starts_with("data:") {
            return Err((
                format!("the picture `{src}` is on the web; a handout can only show pictures kept in the content folder."),
                "save the picture into the content folder (for example `images/day-3.jpg`) and write that path instead.".into(),
            ));
        }
        if src.starts_with('/') || src.starts_with('\\') {
            return Err((
                format!("the picture `{src}` is an absolute path; pictures must be inside the content folder."),
                "write the path relative to this file, for example `images/day-3.jpg`.".into(),
            ));
        }
        let (source, site_path) = resolve(
            file,
            src,
            &self.root,
            self.real_root.as_deref(),
            Noun::Picture,
        )
        .map_err(|(m, h)| (m, h.to_string()))?;
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.entry(source.clone())
            .or_insert_with(|| read(&source, &site_path))
            .clone()
    }
}

/// Reads and checks one picture file.
fn read(source: &Path, site_path: &str) -> Result<Image, Problem> {
    let size = std::fs::metadata(source).map(|m| m.len()).unwrap_or(0);
    if size > MAX_BYTES {
        return Err((
            format!(
                "the picture `{site_path}` is {:.1} MB; a picture may be at most 5 MB.",
                size as f64 / (1024.0 * 1024.0)
            ),
            "save a smaller copy (about 1,600 pixels wide; JPEG for photos): that is plenty for a screen and a printed sheet.".into(),
        ));
    }
    let bytes = std::fs::read(source).map_err(|err| {
        (
            format!(
                "the picture `{site_path}` could not be read: {}.",
                crate::load::io_words(Some(&err))
            ),
            "check that the file exists and that you may open it.".to_string(),
        )
    })?;
    let format = format_of(&bytes, site_path)?;
    let damaged = || {
        (
            format!("the picture `{site_path}` is damaged or incomplete, so it cannot be shown."),
            "open it on a computer to check it, then export or save it again (a copy that did not finish downloading is often cut short).".to_string(),
        )
    };
    let image_format = match format {
        PictureFormat::Png => image::ImageFormat::Png,
        PictureFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), image_format);
    let (width, height) = reader.into_dimensions().map_err(|_| damaged())?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err((
            format!("the picture `{site_path}` is {width} × {height} pixels; a picture may be at most 6,000 pixels on a side."),
            "make a smaller copy in a photo editor; about 1,600 pixels wide is plenty for a screen and a printed sheet.".into(),
        ));
    }
    if width == 0 || height == 0 {
        return Err(damaged());
    }
    // Decoding the whole picture is the only way to know it is not cut short or corrupt; a JPEG
    // decoder fills a cut-off picture with grey, so its end marker is checked too.
    let decoded = image::load_from_memory_with_format(&bytes, image_format);
    if decoded.is_err() || (format == PictureFormat::Jpeg && !jpeg_is_complete(&bytes)) {
        return Err(damaged());
    }
    let path = crate::theme::hashed_name(site_path, &bytes);
    Ok(Image {
        source: source.to_path_buf(),
        path,
        picture: Arc::new(Picture::new(format, width, height, Arc::from(bytes))),
    })
}

/// The format from the file's first bytes (its name may lie); anything but PNG and JPEG is a problem
/// that names what the file is.
fn format_of(bytes: &[u8], site_path: &str) -> Result<PictureFormat, Problem> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(PictureFormat::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(PictureFormat::Jpeg);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let kind = if bytes.starts_with(b"GIF8") {
        Some("a GIF")
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("a WebP")
    } else if head.trim_start().starts_with("<?xml") || head.contains("<svg") {
        Some("an SVG")
    } else if bytes.starts_with(b"BM") {
        Some("a BMP")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("a TIFF")
    } else if bytes.get(4..12).is_some_and(|b| b.starts_with(b"ftyp")) {
        Some("a HEIC (iPhone)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF")
    } else {
        None
    };
    let message = match kind {
        Some(kind) => format!("the picture `{site_path}` is {kind} file; a handout can show PNG and JPEG pictures."),
        None if bytes.is_empty() => format!("the picture `{site_path}` is an empty file."),
        None => format!("the picture `{site_path}` is not a PNG or JPEG picture; a handout can show only those."),
    };
    Err((
        message,
        "save or export it as PNG (drawings and diagrams) or JPEG (photos), and write the new file's name.".into(),
    ))
}

/// Whether a JPEG's data ends with its end-of-image marker after the start of its scan, as a whole
/// file does; a cut-off one stops inside the scan.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let Some(scan) = bytes.windows(2).position(|w| w == [0xFF, 0xDA]) else {
        return false;
    };
    // Some cameras pad after the end marker; look at the last few kilobytes only.
    let tail_from = bytes.len().saturating_sub(4096).max(scan);
    bytes[tail_from..].windows(2).any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_bytes_not_their_names() {
        assert_eq!(
            format_of(b"\x89PNG\r\n\x1a\nrest", "a.jpg"),
            Ok(PictureFormat::Png)
        );
        let svg = format_of(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "a.png");
        assert_eq!(
            svg.map_err(|e| e.0),
            Err(
                "the picture `a.png` is an SVG file; a handout can show PNG and JPEG pictures."
                    .to_string()
            )
        );
        assert!(format_of(b"GIF89a", "a.gif")
            .map_err(|e| e.0)
            .is_err_and(|m| m.contains("is a GIF file")));
    }

    #[test]
    fn a_jpeg_without_its_end_marker_is_incomplete() {
        let whole = [0xFF, 0xD8, 0xFF, 0xDA, 1, 2, 3, 0xFF, 0xD9];
        assert!(jpeg_is_complete(&whole));
        assert!(!jpeg_is_complete(&whole[..7]));
    }
}
