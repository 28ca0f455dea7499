//! Pictures: a figure on the page and in the PDF (embedded once, JPEG passed through), the clinic's
//! logo in both, and every picture mistake with its exact, located message.

use crate::common;
use common::{assert_in_order, Fixture};
use std::io::Cursor;
use std::process::Command;

/// Where the fixture's figure goes: after the "What to expect" paragraph (line 18 of classic.md).
const AFTER: &str = "Numbing cream first, then about 15 minutes of needling.\n";

/// A PNG of `w` × `h` pixels, a horizontal gradient (so it compresses like a drawing, not a blank).
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 120, 160]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

/// A JPEG of `w` × `h` pixels.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

/// The fixture with `markdown` (a picture paragraph) after the "What to expect" text, and `file`
/// written under `content/microneedling/`.
fn with_figure(markdown: &str, file: Option<(&str, &[u8])>) -> Fixture {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        AFTER,
        &format!("{AFTER}\n{markdown}\n"),
    );
    if let Some((name, bytes)) = file {
        f.write_bytes(&format!("content/microneedling/{name}"), bytes);
    }
    f
}

/// Runs `handouts check` and returns all of stderr, asserting it failed.
fn check_fails(f: &Fixture) -> String {
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    out.stderr
}

/// `pdfimages -list` of `pdf`: (page, object number, encoding) per drawn picture. Under CI the tool
/// must be there; elsewhere the check is skipped with a note.
fn pdfimages(pdf: &std::path::Path) -> Option<Vec<(String, String, String)>> {
    let out = match Command::new("pdfimages").arg("-list").arg(pdf).output() {
        Ok(out) => out,
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "pdfimages could not be run under CI ({err}); .ci/run must install poppler-utils"
            );
            eprintln!("note: pdfimages is not installed; this check is skipped (CI installs it)");
            return None;
        }
    };
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // page num type width height color comp bpc enc interp object ID …
    Some(
        text.lines()
            .skip(2)
            .map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                (
                    cols[0].to_string(),
                    cols[10].to_string(),
                    cols[8].to_string(),
                )
            })
            .collect(),
    )
}

#[test]
fn a_figure_shows_on_the_page_and_in_the_pdf_with_its_caption() {
    let f = with_figure(
        "![Four patches of skin, red to calm.](images/strip.png)\n*How skin settles over two weeks.*",
        Some(("images/strip.png", &png(600, 200))),
    );
    f.write_bytes("content/logo.png", &png(120, 120));
    f.edit("content/clinic.yaml", "phone:", "logo: logo.png\nphone:");
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);

    let html = f.read("output/microneedling/classic/index.html");
    let strip = html
        .split("src=\"../../microneedling/images/strip.")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no figure in the page:\n{html}"));
    // The picture is published under its content-hashed name, which the page links.
    let published = format!("output/microneedling/images/strip.{strip}");
    assert!(f.path(&published).is_file(), "{published}");
    assert_eq!(
        std::fs::read(f.path(&published)).unwrap_or_default(),
        png(600, 200)
    );
    assert_in_order(
        &html,
        &[
            "<figure><img src=\"../../microneedling/images/strip.",
            "alt=\"Four patches of skin, red to calm.\" width=\"600\" height=\"200\"",
            "<figcaption>How skin settles over two weeks.</figcaption></figure>",
        ],
    );
    // Below the first section a picture loads when scrolled near; the logo is in the header.
    assert!(html.contains("height=\"200\" loading=\"lazy\""), "{html}");
    assert_in_order(
        &html,
        &[
            "<a class=\"brand\" href=\"../../\"><img class=\"brand-logo\" src=\"../../logo.",
            "alt=\"Test Clinic (sample)\" width=\"120\" height=\"120\">",
        ],
    );
    assert!(html.contains(
        "<meta property=\"og:image\" content=\"https://clinic.example/care/handouts/logo."
    ));

    let pdf = f.path("output/microneedling/classic/microneedling-classic.pdf");
    let Some(images) = pdfimages(&pdf) else {
        return;
    };
    // The logo on every page and the figure once, each one object however often it is drawn.
    let mut objects: Vec<&str> = images.iter().map(|(_, o, _)| o.as_str()).collect();
    objects.sort_unstable();
    objects.dedup();
    assert_eq!(objects.len(), 2, "{images:?}");
    let pages = images.iter().filter(|(p, _, _)| p == "1").count();
    assert_eq!(pages, 2, "logo and figure on page 1: {images:?}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    assert!(text.contains("How skin settles over two weeks."), "{text}");
}

#[test]
fn a_jpeg_is_embedded_as_it_is() {
    let photo = jpeg(400, 300);
    let f = with_figure(
        "![A gloved hand applying cream to a cheek.](images/cream.jpg \"Apply a thin layer.\")",
        Some(("images/cream.jpg", &photo)),
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let html = f.read("output/microneedling/classic/index.html");
    assert!(
        html.contains("<figcaption>Apply a thin layer.</figcaption>"),
        "{html}"
    );
    let pdf = f.path("output/microneedling/classic/microneedling-classic.pdf");
    let Some(images) = pdfimages(&pdf) else {
        return;
    };
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!(images[0].2, "jpeg");
    // The bytes in the PDF are the file's own: `pdfimages -j` writes them back out unchanged.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let prefix = dir.path().join("x");
    let status = Command::new("pdfimages")
        .arg("-j")
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .map(|s| s.success());
    assert_eq!(status.ok(), Some(true));
    let written = std::fs::read(dir.path().join("x-000.jpg")).unwrap_or_default();
    assert_eq!(written, photo);
}

#[test]
fn a_picture_without_alt_text_is_an_error_that_says_what_alt_text_is_for() {
    let f = with_figure(
        "![](images/strip.png)",
        Some(("images/strip.png", &png(60, 20))),
    );
    assert_eq!(
        check_fails(&f),
        "content/microneedling/classic.md:18:1: this picture has no alt text. Alt text says in words what the picture shows, for patients who cannot see it: screen readers read it aloud, and browsers show it when the picture does not load.\n 18 | ![](images/strip.png)\n    | ^\n  fix: write a short description between the brackets, for example `![Skin on day 3: pink, like a mild sunburn](images/strip.png)`.\n\n1 problem found; nothing was written.\n"
    );
}

/// Asserts that the picture `file` holding `bytes` gives exactly `message` and `fix`.
fn assert_picture_error(file: &str, bytes: &[u8], message: &str, fix: &str) {
    let f = with_figure(
        &format!("![Skin on day 3.](images/{file})"),
        Some((&format!("images/{file}"), bytes)),
    );
    let src = format!("![Skin on day 3.](images/{file})");
    assert_eq!(
        check_fails(&f),
        format!("content/microneedling/classic.md:18:1: {message}\n 18 | {src}\n    | ^\n  fix: {fix}\n\n1 problem found; nothing was written.\n")
    );
}

const RESAVE: &str = "open it on a computer to check it, then export or save it again (a copy that did not finish downloading is often cut short).";
const FORMATS: &str = "save or export it as PNG (drawings and diagrams) or JPEG (photos), and write the new file's name.";

#[test]
fn a_missing_picture_names_the_file() {
    let f = with_figure("![Skin on day 3.](images/day-3.jpg)", None);
    assert_eq!(
        check_fails(&f),
        "content/microneedling/classic.md:18:1: the picture `microneedling/images/day-3.jpg` does not exist in the content folder.\n 18 | ![Skin on day 3.](images/day-3.jpg)\n    | ^\n  fix: check the spelling of the path, or add the file; paths are relative to this Markdown file.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_truncated_png_is_damaged() {
    let whole = png(300, 100);
    assert_picture_error(
        "cut.png",
        &whole[..whole.len() / 2],
        "the picture `microneedling/images/cut.png` is damaged or incomplete, so it cannot be shown.",
        RESAVE,
    );
}

#[test]
fn a_truncated_jpeg_is_damaged() {
    let whole = jpeg(300, 200);
    assert_picture_error(
        "cut.jpg",
        &whole[..whole.len() * 2 / 3],
        "the picture `microneedling/images/cut.jpg` is damaged or incomplete, so it cannot be shown.",
        RESAVE,
    );
}

#[test]
fn a_corrupt_png_is_damaged() {
    let mut bytes = png(300, 100);
    let len = bytes.len();
    for b in &mut bytes[40..len - 20] {
        *b ^= 0x5A;
    }
    assert_picture_error(
        "noise.png",
        &bytes,
        "the picture `microneedling/images/noise.png` is damaged or incomplete, so it cannot be shown.",
        RESAVE,
    );
}

#[test]
fn unsupported_formats_say_what_the_file_is() {
    assert_picture_error(
        "anim.gif",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        "the picture `microneedling/images/anim.gif` is a GIF file; a handout can show PNG and JPEG pictures.",
        FORMATS,
    );
    assert_picture_error(
        "icon.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
        "the picture `microneedling/images/icon.svg` is an SVG file; a handout can show PNG and JPEG pictures.",
        FORMATS,
    );
}

#[test]
fn a_picture_over_5_mb_is_too_big() {
    // A valid PNG header followed by padding: the size is checked before anything is decoded.
    let mut bytes = png(10, 10);
    bytes.resize(5 * 1024 * 1024 + 1, 0);
    assert_picture_error(
        "huge.png",
        &bytes,
        "the picture `microneedling/images/huge.png` is 5.0 MB; a picture may be at most 5 MB.",
        "save a smaller copy (about 1,600 pixels wide; JPEG for photos): that is plenty for a screen and a printed sheet.",
    );
}

#[test]
fn a_picture_over_6000_pixels_on_a_side_is_too_large() {
    assert_picture_error(
        "wide.png",
        &png(6001, 2),
        "the picture `microneedling/images/wide.png` is 6001 × 2 pixels; a picture may be at most 6,000 pixels on a side.",
        "make a smaller copy in a photo editor; about 1,600 pixels wide is plenty for a screen and a printed sheet.",
    );
}

#[test]
fn a_picture_inside_a_sentence_is_an_error() {
    let f = with_figure(
        "See ![Skin on day 3.](images/strip.png) here.",
        Some(("images/strip.png", &png(60, 20))),
    );
    assert_eq!(
        check_fails(&f),
        "content/microneedling/classic.md:18:5: a picture cannot stand inside a sentence or a list item.\n 18 | See ![Skin on day 3.](images/strip.png) here.\n    |     ^\n  fix: put the `![…](…)` picture on a line of its own, with an empty line before and after it.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_broken_logo_is_located_in_clinic_yaml() {
    let f = Fixture::new();
    f.write_bytes(
        "content/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    f.edit("content/clinic.yaml", "phone:", "logo: logo.svg\nphone:");
    let stderr = check_fails(&f);
    assert!(
        stderr.starts_with("content/clinic.yaml:2:7: the picture `logo.svg` is an SVG file; a handout can show PNG and JPEG pictures.\n"),
        "{stderr}"
    );
}
