//! The printed handouts: what they say (read back with pdftotext), where things sit on the page
//! (from the layout engine's own boxes), and that they are valid, embedded, linked and scannable.

use crate::common;
use common::{assert_in_order, Fixture};
use handouts::edition::{Lang, PrintSize};
use handouts::model::{Date, Paper, Site};
use handouts::render::pdf::{Face, Item, Rendered};
use handouts::render::Job;
use handouts_print::lopdf;
use std::path::Path;
use std::process::Command;

/// Runs an external tool; `None` (with a note) when it is not installed on a developer's machine.
/// Under CI (`CI` set) a missing tool fails the test: `.ci/run` installs them, and a check that
/// quietly skipped itself there would prove nothing.
fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{name} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(err) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "`{name}` could not be run under CI ({err}); .ci/run must install it"
            );
            eprintln!("note: `{name}` is not installed; this check is skipped (CI installs it)");
            None
        }
    }
}

fn pdftotext(pdf: &Path, page: Option<usize>) -> Option<String> {
    let p = pdf.to_string_lossy();
    let page = page.map(|n| n.to_string());
    // -raw keeps the order the engine painted in: reading order, a wrapped URL's pieces together.
    let mut args: Vec<&str> = vec!["-raw"];
    if let Some(n) = &page {
        args.extend(["-f", n, "-l", n]);
    }
    args.extend([&*p, "-"]);
    tool("pdftotext", &args)
}

/// The checked sample site, printed on `paper` (shared with `large`).
pub fn sample(paper: Paper) -> (Site, handouts::theme::Theme) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut site, theme, _) = handouts::check(
        &repo.join("content"),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    site.clinic.paper = paper;
    (site, theme)
}

fn render_all(site: &Site, theme: &handouts::theme::Theme) -> Vec<(String, Rendered)> {
    let fonts = handouts::render::pdf::Fonts::embedded();
    let job = Job::new(site, theme, Lang::EN, PrintSize::Regular).expect("the English book");
    job.book
        .variants()
        .map(|(p, v)| {
            let r = handouts::render::print::handout(&job, p, v, fonts)
                .unwrap_or_else(|d| panic!("{d}"));
            (format!("{}/{}", p.slug, v.slug), r)
        })
        .collect()
}

fn built() -> Fixture {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    f
}

const PDF: &str = "output/microneedling/classic/microneedling-classic.pdf";

#[test]
fn every_sample_handout_fits_two_pages_on_letter_and_a4() {
    for paper in [Paper::Letter, Paper::A4] {
        let (mut site, theme) = sample(paper);
        // The write-in blanks (patient, date, next appointment, notes) take about a fifth of a page;
        // without them the sheet is as short as it always was.
        for book in &mut site.books {
            for procedure in &mut book.procedures {
                for variant in &mut procedure.variants {
                    variant.write_in = Vec::new();
                }
            }
        }
        for (name, r) in render_all(&site, &theme) {
            // The classic handout also carries the healing-strip figure, which takes a third page.
            let expected = if name.contains("classic") { 3 } else { 2 };
            assert_eq!(r.layout.pages.len(), expected, "{name} on {paper:?}");
        }
    }
}

#[test]
fn with_write_in_blanks_every_sample_handout_fits_three_pages() {
    for paper in [Paper::Letter, Paper::A4] {
        let (site, theme) = sample(paper);
        for (name, r) in render_all(&site, &theme) {
            assert!(r.layout.pages.len() <= 3, "{name} on {paper:?}");
        }
    }
}

#[test]
fn nothing_is_drawn_outside_its_band_and_body_text_is_at_least_12_pt() {
    for paper in [Paper::Letter, Paper::A4] {
        let (site, theme) = sample(paper);
        for (name, r) in render_all(&site, &theme) {
            for (i, page) in r.layout.pages.iter().enumerate() {
                // Margins of at least 0.6 in on every side.
                assert!(
                    page.body.x >= 43.2 && page.width - page.body.right() >= 43.2,
                    "{name} p{i}"
                );
                assert!(
                    page.footer.y >= 43.2 - 0.01 && page.height - page.header.top() >= 30.0,
                    "{name} p{i}"
                );
                for item in &page.items {
                    if let Item::Text {
                        x,
                        y,
                        text,
                        size,
                        width,
                        face,
                        ..
                    } = item
                    {
                        let inside = |b: &handouts::render::pdf::Rect| {
                            *x >= b.x - 0.01
                                && x + width <= b.right() + 0.05
                                && *y >= b.y - 0.01
                                && *y <= b.top() + 0.01
                        };
                        assert!(
                            inside(&page.body) || inside(&page.header) || inside(&page.footer),
                            "{name} page {i}: {text:?} at ({x}, {y}) width {width} is outside every band"
                        );
                        // Body text is at least 12 pt; only bold captions (the facts box's labels) are smaller.
                        if inside(&page.body) {
                            let min = if *face == Face::Regular || *face == Face::Italic {
                                12.0
                            } else {
                                10.0
                            };
                            assert!(
                                *size >= min - 0.01,
                                "{name} page {i}: {text:?} is {size} pt in {face:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn handout_text_has_every_heading_and_item_in_order() {
    let f = built();
    let Some(text) = pdftotext(&f.path(PDF), None) else {
        return;
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_in_order(
        &flat,
        &[
            "Classic microneedling",
            "What to expect from classic microneedling",
            "What it is",
            "tiny wounds so the skin builds collagen",
            "What to expect",
            "Numbing cream first",
            "Recovery timeline",
            "Days 1–3",
            "redness like a mild sunburn",
            "Week 2",
            "Do",
            "Wash gently with a mild cleanser.",
            "Use sunscreen every day.",
            "Risks",
            "Infection, which is rare.",
            "When to call us",
            "A fever or spreading redness.",
            "Common questions",
            "Does it hurt?",
            "Most people feel pressure, not pain.",
            "How many sessions?",
            "Usually four to six.",
        ],
    );
    // Do and Don't stand side by side, so the Don't column is checked on its own.
    assert_in_order(
        &flat,
        &[
            "Recovery timeline",
            "Don’t",
            "Do not pick at flaking skin.",
            "Risks",
        ],
    );
}

#[test]
fn every_page_carries_phone_review_date_url_and_page_number() {
    let f = built();
    let Some(info) = tool("pdfinfo", &[&f.path(PDF).to_string_lossy()]) else {
        return;
    };
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map_or(0, |n| n.trim().parse().unwrap_or(0));
    assert!(pages >= 1);
    let mut phones = 0;
    for page in 1..=pages {
        let text = pdftotext(&f.path(PDF), Some(page)).unwrap_or_default();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "Reviewed 14 March 2026 by Dr. Test Reviewer",
            "Form MICRONEEDLING-CLASSIC-EN · Rev. 2026-03-14",
            &format!("Page {page} of {pages}"),
        ] {
            assert!(
                flat.contains(needle),
                "page {page} lacks {needle:?}:\n{flat}"
            );
        }
        // The main phone once per page in the furniture, plus once, large, in the call box.
        phones += flat.matches("(555) 010-0100").count();
        // The address as typed into a browser, without its scheme.
        let url = "clinic.example/care/handouts/microneedling/classic/";
        let joined = flat.replace(' ', "");
        assert!(joined.contains(url), "page {page} lacks the URL:\n{flat}");
        assert!(!joined.contains("https://"), "page {page}:\n{flat}");
    }
    assert_eq!(phones, pages + 1);
}

#[test]
fn metadata_fonts_and_structure_are_valid() {
    let f = built();
    let pdf = f.path(PDF);
    let p = pdf.to_string_lossy();
    if let Some(info) = tool("pdfinfo", &[&p]) {
        assert!(
            info.contains("Title:           Classic microneedling"),
            "{info}"
        );
        assert!(
            info.contains("Author:          Test Clinic (sample)"),
            "{info}"
        );
        assert!(
            info.contains("Subject:         What to expect from classic microneedling"),
            "{info}"
        );
        assert!(
            info.contains("CreationDate:    Sat Mar 14 00:00:00 2026 UTC"),
            "{info}"
        );
    }
    if let Some(fonts) = tool("pdffonts", &[&p]) {
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // Issue 24: the form fields' font is the regular face whole, not a subset, so that
            // a viewer can type any letter it has.
            if cols[0] == "AtkinsonHyperlegible-Regular" {
                assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "no", "yes"]);
                continue;
            }
            assert!(
                row.contains("+AtkinsonHyperlegible") || row.contains("+DejaVuSans"),
                "{row}"
            );
            assert_eq!(
                &cols[cols.len() - 5..cols.len() - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, unicode: {row}"
            );
        }
    }
    if let Some(check) = tool("qpdf", &["--check", &p]) {
        assert!(
            check.contains("No syntax or stream encoding errors found"),
            "{check}"
        );
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.starts_with("%PDF-1.7"), "{}", &raw[..20]);
}

#[test]
fn the_qr_code_decodes_to_the_variant_page_url() {
    let f = built();
    let png = f.path("qr");
    let Some(_) = tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            &f.path(PDF).to_string_lossy(),
            &png.to_string_lossy(),
        ],
    ) else {
        return;
    };
    let image = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("qr-"))
        .unwrap();
    let Some(decoded) = tool("zbarimg", &["--quiet", "--raw", &image.to_string_lossy()]) else {
        return;
    };
    assert_eq!(
        decoded.trim(),
        "https://clinic.example/care/handouts/microneedling/classic/"
    );
}

#[test]
fn the_variant_page_links_to_its_pdf() {
    let f = built();
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains("<a class=\"print-link\" href=\"../../microneedling/classic/microneedling-classic.pdf\">Print this handout"), "{page}");
    assert!(page.contains("<a class=\"print-link-large\" href=\"../../microneedling/classic/microneedling-classic-large.pdf\">Large print"), "{page}");
    assert!(f.path(PDF).is_file());
    assert!(f
        .path("output/microneedling/classic/microneedling-classic-large.pdf")
        .is_file());
}

#[test]
fn the_pdf_command_writes_one_handout() {
    let f = Fixture::new();
    let out = f.run(&["pdf", "microneedling/classic", "-o", "one.pdf"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(out.stdout, "Wrote one.pdf.\n");
    let built = built();
    assert_eq!(
        std::fs::read(f.path("one.pdf")).unwrap(),
        std::fs::read(built.path(PDF)).unwrap(),
        "same bytes as the build's"
    );
    let out = f.run(&["pdf", "microneedling/nope"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stderr, "error: there is no handout `microneedling/nope`; the handouts are: microneedling/classic.\n");
}

#[test]
fn a_character_no_font_has_is_an_error_where_it_was_typed() {
    let f = Fixture::new();
    f.edit(
        "content/microneedling/classic.md",
        "Does it hurt?",
        "Does it hurt? \u{6f22}",
    );
    let out = f.run(&["check"]);
    assert_eq!(out.code, Some(1));
    assert_eq!(
        out.stderr,
        "content/microneedling/classic.md:25:19: the character `\u{6f22}` (U+6F22) is in none of the handout's fonts, so it cannot be printed.\n 25 | ### Does it hurt? \u{6f22}\n    |                   ^\n  fix: replace it with ordinary letters or punctuation, or remove it.\n\n1 problem found; nothing was written.\n"
    );
}

#[test]
fn a_bad_print_template_names_the_template_file_and_line() {
    let f = Fixture::new();
    let template = include_str!("../../themes/default/print/handout.xml")
        .replace("<table>", "<tabel>")
        .replace("</table>", "</tabel>");
    f.write("theme/print/handout.xml", &template);
    let out = f.run(&["build", "--theme", "theme"]);
    assert_eq!(out.code, Some(1));
    let line = template
        .lines()
        .position(|l| l.contains("<tabel>"))
        .unwrap()
        + 1;
    let first = out.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("theme/print/handout.xml:{line}:")),
        "{}",
        out.stderr
    );
    assert!(first.contains("tabel"), "{first}");
    assert!(!f.path("output").exists());
}

/// The sample PRP handout grown long (tests/fixtures/long): 7 timeline rows, 10 Do and 9 Don't
/// items, 8 risks, 9 "when to call" items and 11 FAQ entries.
fn long_handout(paper: Paper, size: PrintSize) -> Rendered {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut site, theme, _) = handouts::check(
        &repo.join("tests/fixtures/long"),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    site.clinic.paper = paper;
    let fonts = handouts::render::pdf::Fonts::embedded();
    let job = Job::new(&site, &theme, Lang::EN, size).expect("the English book");
    let (p, v) = job.book.variants().next().expect("the long handout");
    handouts::render::print::handout(&job, p, v, fonts).unwrap_or_else(|d| panic!("{d}"))
}

fn is_heading(r: &Rendered, item: &Item) -> bool {
    use handouts::render::pdf::{Role, Tag};
    match item.tag() {
        Tag::Node(n) => r
            .layout
            .tree
            .get(n)
            .is_some_and(|node| matches!(node.role, Role::H1 | Role::H2 | Role::H3)),
        _ => false,
    }
}

#[test]
fn the_long_handout_fits_four_letter_pages() {
    let r = long_handout(Paper::Letter, PrintSize::Regular);
    assert!(r.layout.pages.len() <= 4, "{} pages", r.layout.pages.len());
}

#[test]
fn no_page_ends_with_a_heading_and_fewer_than_two_lines_after_it() {
    for paper in [Paper::Letter, Paper::A4] {
        for size in [PrintSize::Regular, PrintSize::Large] {
            let r = long_handout(paper, size);
            for (i, page) in r.layout.pages.iter().enumerate() {
                let body: Vec<(&Item, f32)> = page
                    .items
                    .iter()
                    .filter_map(|item| match item {
                        Item::Text { y, .. } if *y >= page.body.y && *y <= page.body.top() => {
                            Some((item, *y))
                        }
                        _ => None,
                    })
                    .collect();
                // The lowest heading on the page, and the text baselines below it.
                let Some(lowest) = body
                    .iter()
                    .filter(|(item, _)| is_heading(&r, item))
                    .map(|(_, y)| *y)
                    .reduce(f32::min)
                else {
                    continue;
                };
                let mut below: Vec<i32> = body
                    .iter()
                    .filter(|(item, y)| *y < lowest - 0.5 && !is_heading(&r, item))
                    .map(|(_, y)| (y * 10.0).round() as i32)
                    .collect();
                below.sort_unstable();
                below.dedup();
                // Fewer is fine only when that is all there is: the next page starts a new heading
                // (an FAQ question with a one-line answer, kept whole).
                let complete = r.layout.pages.get(i + 1).is_none_or(|next| {
                    next.items
                        .iter()
                        .filter(|item| matches!(item, Item::Text { y, .. } if *y >= next.body.y && *y <= next.body.top()))
                        .max_by(|a, b| match (a, b) {
                            (Item::Text { y: ya, .. }, Item::Text { y: yb, .. }) => ya.total_cmp(yb),
                            _ => std::cmp::Ordering::Equal,
                        })
                        .is_some_and(|item| is_heading(&r, item))
                });
                assert!(
                    below.len() >= 2 || (complete && !below.is_empty()),
                    "{paper:?} {size:?} page {}: a heading with {} line(s) after it",
                    i + 1,
                    below.len()
                );
            }
        }
    }
}

#[test]
fn the_running_head_names_the_handout_from_page_two() {
    let r = long_handout(Paper::Letter, PrintSize::Regular);
    let head = |page: &handouts::render::pdf::Page| -> String {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { y, text, .. } if *y >= page.header.y => Some(text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(r.layout.pages.len() >= 2);
    let first = head(&r.layout.pages[0]);
    assert!(first.contains("Maple Grove"), "{first}");
    for page in &r.layout.pages[1..] {
        // The handout's title alone: no language after it.
        let text = head(page).replace('\u{a0}', " ");
        assert!(text.contains("Microneedling with PRP"), "{text}");
        assert!(!text.contains("English") && !text.contains('·'), "{text}");
    }
}

#[test]
fn text_is_kerned_in_the_content_stream_and_extracts_as_whole_words() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("long.pdf");
    let r = long_handout(Paper::Letter, PrintSize::Regular);
    std::fs::write(&pdf, &r.bytes).unwrap();
    // Left-aligned text has no justification offsets: every number in a TJ array is kerning.
    let doc = lopdf::Document::load(&pdf).unwrap();
    let mut offsets = 0;
    for (_, page) in doc.get_pages() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "TJ") {
            if let Some(lopdf::Object::Array(items)) = op.operands.first() {
                offsets += items
                    .iter()
                    .filter(|o| matches!(o, lopdf::Object::Integer(_) | lopdf::Object::Real(_)))
                    .count();
            }
        }
    }
    assert!(offsets > 100, "only {offsets} kerning adjustments");
    let Some(text) = pdftotext(&pdf, None) else {
        return;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    for word in ["Texture", "Your", "We", "Wear", "Tell", "Yes."] {
        assert!(
            words.contains(&word),
            "{word} is not a whole word in:\n{text}"
        );
    }
    for phrase in [
        "Texture improves slowly",
        "Your skin may glow",
        "We draw a little blood",
    ] {
        let flat = words.join(" ");
        assert!(flat.contains(phrase), "{phrase:?} not in:\n{flat}");
    }
}

#[test]
fn every_text_colour_prints_at_least_as_dark_as_luma_70() {
    for size in [PrintSize::Regular, PrintSize::Large] {
        let r = long_handout(Paper::Letter, size);
        for page in &r.layout.pages {
            for item in &page.items {
                if let Item::Text { color, text, .. } = item {
                    let luma = 0.299 * f32::from(color.r)
                        + 0.587 * f32::from(color.g)
                        + 0.114 * f32::from(color.b);
                    assert!(luma <= 70.5, "{text:?} is luma {luma} ({size:?})");
                }
            }
        }
    }
}

#[test]
fn the_call_box_opens_with_the_emergency_line_in_bold_before_the_clinics_numbers() {
    use handouts::render::pdf::{Role, Tag};
    let r = long_handout(Paper::Letter, PrintSize::Regular);
    let tree = &r.layout.tree;
    let in_list_item = |mut n: usize| loop {
        match tree.get(n) {
            Some(node) if node.role == Role::LBody => return true,
            Some(node) => match node.parent {
                Some(p) => n = p,
                None => return false,
            },
            None => return false,
        }
    };
    // The texts in painting order: the emergency line is one of them, bold and larger, not a
    // bullet, and it comes before the clinic's number in the box.
    let texts: Vec<&Item> = r
        .layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i, Item::Text { .. }))
        .collect();
    // Text is painted in runs (a word, a line): the item where `words` start, read word by word.
    let at = |words: &str| {
        let mut flat = String::new();
        let mut index = Vec::new();
        for (n, item) in texts.iter().enumerate() {
            if let Item::Text { text, .. } = item {
                for word in text.split_whitespace() {
                    index.push((flat.len(), n));
                    flat.push_str(word);
                    flat.push(' ');
                }
            }
        }
        let byte = flat
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} is not printed"));
        index
            .iter()
            .rev()
            .find(|(b, _)| *b <= byte)
            .map_or(0, |(_, n)| *n)
    };
    let emergency = at("In an emergency");
    let Item::Text { face, size, .. } = texts[emergency] else {
        unreachable!()
    };
    assert_eq!(*face, Face::Bold);
    assert!(*size > 12.0, "{size}");
    if let Tag::Node(n) = texts[emergency].tag() {
        assert!(!in_list_item(n), "the emergency line is a bullet");
    }
    assert!(
        emergency < at("After hours: (555)"),
        "the clinic's numbers come first"
    );
}

/// The first page of `pdf` rendered in greyscale at `dpi`, as a binary PGM's width, height and
/// pixels (row by row, top first).
fn grey_page(pdf: &Path, dpi: u32, out: &Path) -> Option<(usize, usize, Vec<u8>)> {
    let dpi = dpi.to_string();
    let (p, o) = (pdf.to_string_lossy(), out.to_string_lossy());
    let args = [
        "-gray",
        "-r",
        &dpi,
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        &p,
        &o,
    ];
    tool("pdftoppm", &args)?;
    let bytes = std::fs::read(format!("{o}.pgm")).unwrap();
    // "P5", width, height, maxval, each followed by one whitespace byte, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!((fields[0].as_str(), fields[3].as_str()), ("P5", "255"));
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    Some((w, h, pixels))
}

/// What zbarimg reads in a greyscale picture, written to `path` as a PGM first.
fn scan(path: &Path, (w, h, pixels): &(usize, usize, Vec<u8>)) -> Option<String> {
    let mut pgm = format!("P5\n{w} {h}\n255\n").into_bytes();
    pgm.extend_from_slice(pixels);
    std::fs::write(path, pgm).unwrap();
    tool("zbarimg", &["--quiet", "--raw", &path.to_string_lossy()]).map(|s| s.trim().to_string())
}

/// The bottom third of `page`, where the footer and its code are (large print's footer is tall).
fn footer_band((w, h, pixels): &(usize, usize, Vec<u8>)) -> (usize, usize, Vec<u8>) {
    let top = h - h / 3;
    (*w, h - top, pixels[top * w..].to_vec())
}

/// A photocopy of `page`: a slight blur (each pixel a quarter of its own and its four neighbours'
/// mean), then ±40 grey levels on a fifth of the pixels, from a fixed xorshift seed so that a
/// failure can be reproduced.
fn photocopy((w, h, pixels): &(usize, usize, Vec<u8>)) -> (usize, usize, Vec<u8>) {
    let (w, h) = (*w, *h);
    let at = |x: usize, y: usize| u32::from(pixels[y * w + x]);
    let mut out = pixels.clone();
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let around = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1);
            out[y * w + x] = ((3 * at(x, y) + around / 4) / 4) as u8;
        }
    }
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut noisy = 0;
    for pixel in &mut out {
        let r = next();
        if r % 5 == 0 {
            let delta = if (r >> 8) % 2 == 0 { 40 } else { -40 };
            *pixel = (i32::from(*pixel) + delta).clamp(0, 255) as u8;
            noisy += 1;
        }
    }
    // About a fifth of the pixels really changed level.
    assert!(noisy * 100 / out.len() >= 19, "{noisy} of {}", out.len());
    (w, h, out)
}

#[test]
fn the_qr_code_is_at_least_20_mm_with_modules_of_half_a_millimetre() {
    let mm = 72.0 / 25.4;
    for paper in [Paper::Letter, Paper::A4] {
        let (site, theme) = sample(paper);
        for (name, r) in render_all(&site, &theme) {
            for page in &r.layout.pages {
                let qr = page.items.iter().find_map(|item| match item {
                    Item::Qr {
                        x,
                        y,
                        module,
                        modules,
                        ..
                    } => Some((*x, *y, *module, *modules)),
                    _ => None,
                });
                let (x, y, module, modules) = qr.unwrap_or_else(|| panic!("{name}: no QR code"));
                let side = module * f32::from(modules);
                assert!(side >= 20.0 * mm, "{name} on {paper:?}: {} mm", side / mm);
                assert!(
                    module >= 0.5 * mm,
                    "{name} on {paper:?}: {} mm",
                    module / mm
                );
                // The corner is on a whole point from the page's left and top edges.
                let top = page.height - (y + side);
                assert!(
                    x.fract().abs() < 1e-3 && top.fract().abs() < 1e-3,
                    "{x} {top}"
                );
            }
        }
    }
}

#[test]
fn the_qr_code_decodes_from_a_72_dpi_preview_and_a_noisy_300_dpi_photocopy() {
    // The real sample, on both papers.
    let f = Fixture::new();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let content = content.to_string_lossy();
    for (paper, out) in [("letter", "output"), ("a4", "a4")] {
        let built = f.run(&[
            "build",
            "--content",
            &content,
            "--paper",
            paper,
            "--out",
            out,
        ]);
        assert_eq!(built.code, Some(0), "{}", built.stderr);
    }
    // The PRP address makes a 41-module symbol, the radio-frequency one 45 modules.
    for (pdf, url) in [
        ("microneedling/prp/microneedling-prp", "microneedling/prp/"),
        (
            "microneedling/prp/microneedling-prp-large",
            "microneedling/prp/",
        ),
        (
            "microneedling/radiofrequency/microneedling-radiofrequency",
            "microneedling/radiofrequency/",
        ),
    ] {
        let url = format!("https://clinic.example/care/handouts/{url}");
        for out in ["output", "a4"] {
            let path = f.path(&format!("{out}/{pdf}.pdf"));
            let Some(preview) = grey_page(&path, 72, &f.path("preview")) else {
                return;
            };
            assert_eq!(
                scan(&f.path("preview.pgm"), &preview).as_deref(),
                Some(&*url),
                "{out}/{pdf} at 72 dpi"
            );
            let Some(sharp) = grey_page(&path, 300, &f.path("sharp")) else {
                return;
            };
            let copy = photocopy(&footer_band(&sharp));
            assert_eq!(
                scan(&f.path("copy.pgm"), &copy).as_deref(),
                Some(&*url),
                "{out}/{pdf} photocopied"
            );
        }
    }
}

/// The rows of `pdffonts` for `pdf`: name, and whether the font is embedded.
fn font_rows(pdf: &Path) -> Option<Vec<(String, String)>> {
    let fonts = tool("pdffonts", &[&pdf.to_string_lossy()])?;
    let rows = fonts.lines().skip(2).map(|row| {
        let cols: Vec<&str> = row.split_whitespace().collect();
        (cols[0].to_string(), cols[cols.len() - 5].to_string())
    });
    Some(rows.collect())
}

#[test]
fn form_fields_type_in_the_handouts_own_embedded_font_and_stay_embedded_once_filled() {
    let (site, theme) = sample(Paper::Letter);
    let (_, prp) = render_all(&site, &theme)
        .into_iter()
        .find(|(name, _)| name == "microneedling/prp")
        .unwrap();
    let f = Fixture::new();
    let blank = f.path("blank.pdf");
    std::fs::write(&blank, &prp.bytes).unwrap();
    let Some(rows) = font_rows(&blank) else {
        return;
    };
    // The form font is the regular face whole (no subset tag: a viewer may use every glyph).
    assert!(
        rows.iter()
            .any(|(name, _)| name == "AtkinsonHyperlegible-Regular"),
        "{rows:?}"
    );
    assert!(rows.iter().all(|(_, emb)| emb == "yes"), "{rows:?}");

    // Staff fill the form in and save: the values, and NeedAppearances asks the viewer to draw them.
    let typed = [
        ("patient-name", "José Ñandú"),
        ("treated-area", "Łódź"),
        ("clinician", "Dr. Müller"),
    ];
    let mut doc = lopdf::Document::load_mem(&prp.bytes).unwrap();
    let fields: Vec<lopdf::ObjectId> = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .and_then(lopdf::Object::as_dict)
        .and_then(|form| form.get(b"Fields"))
        .and_then(lopdf::Object::as_array)
        .unwrap()
        .iter()
        .map(|f| f.as_reference().unwrap())
        .collect();
    let mut filled = 0;
    for id in fields {
        let dict = doc
            .get_object_mut(id)
            .and_then(lopdf::Object::as_dict_mut)
            .unwrap();
        let name = String::from_utf8_lossy(dict.get(b"T").unwrap().as_str().unwrap()).into_owned();
        // Every field names the form font, which the /DR holds.
        let da = String::from_utf8_lossy(dict.get(b"DA").unwrap().as_str().unwrap()).into_owned();
        assert!(da.starts_with("/FormFont "), "{name}: {da}");
        if let Some((_, value)) = typed.iter().find(|(n, _)| *n == name) {
            let mut utf16 = vec![0xfe, 0xff];
            utf16.extend(value.encode_utf16().flat_map(u16::to_be_bytes));
            dict.set(
                "V",
                lopdf::Object::String(utf16, lopdf::StringFormat::Hexadecimal),
            );
            filled += 1;
        }
    }
    assert_eq!(filled, typed.len());
    let saved = f.path("filled.pdf");
    doc.save(&saved).unwrap();

    // Poppler draws each field from its /V with the /DA font (NeedAppearances): the text it
    // extracts is the typed names, in the form font, which it maps back through its ToUnicode.
    let Some(text) = pdftotext(&saved, Some(1)) else {
        return;
    };
    for (_, value) in typed {
        assert!(text.contains(value), "{value} in {text}");
    }
    let rows = font_rows(&saved).unwrap();
    assert!(rows.iter().all(|(_, emb)| emb == "yes"), "{rows:?}");

    // qpdf writes the appearance streams into the file, with the /DR font: still only embedded
    // fonts. (qpdf 11 encodes a value in one byte a char, ASCII or WinAnsi by the font's
    // /Encoding name, so with a two-byte Identity-H font its streams do not show the name; it
    // says so, and viewers redraw from /V as NeedAppearances asks.)
    let generated = f.path("generated.pdf");
    let out = Command::new("qpdf")
        .args(["--generate-appearances"])
        .arg(&saved)
        .arg(&generated)
        .output();
    match out {
        Ok(out) => assert!(matches!(out.status.code(), Some(0 | 3)), "{out:?}"),
        Err(e) => assert!(std::env::var_os("CI").is_none(), "qpdf: {e}"),
    }
    if generated.is_file() {
        let rows = font_rows(&generated).unwrap();
        assert!(rows.iter().all(|(_, emb)| emb == "yes"), "{rows:?}");
    }
}
