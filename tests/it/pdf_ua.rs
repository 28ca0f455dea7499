//! Tagged PDF (PDF/UA-1): the sample's handouts read back with lopdf. The structure tree mirrors the
//! handout in reading order, every marked-content id is reached from it and from the parent tree,
//! page 1's furniture is read (before and after the body) and later pages' is artifacts, links are
//! `Link` elements holding their annotations, the catalog and XMP
//! declare PDF/UA; `pdfinfo -struct-text` reads like the web page; large print is large and complete.

use crate::tagged;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use tagged::text::{bare, body_lines, page_texts, struct_text};
use tagged::{name, parent_tree, text, tree, Elem, Kid};

use handouts::edition::{Lang, PrintSize};
use handouts::model::Date;
use handouts::render::pdf::{Artifact, Item, Layout, Rendered, Role, Tag};
use handouts::render::Job;
use handouts_print::lopdf::content::Content;
use handouts_print::lopdf::{Document, Object, ObjectId};

/// The bundled sample, built once for all tests of this file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-ua-sample");
        let _ = std::fs::remove_dir_all(&out);
        let repo = env!("CARGO_MANIFEST_DIR");
        let run = Command::new(env!("CARGO_BIN_EXE_handouts"))
            .args(["build", "--content", &format!("{repo}/content"), "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        out
    })
}

const PRP: &str = "microneedling/prp/microneedling-prp.pdf";
const PRP_ES: &str = "es/microneedling/prp/microneedling-prp.pdf";

/// Every PDF of the sample, relative to the site.
fn pdfs() -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(site())
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            e.path()
                .strip_prefix(site())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    assert_eq!(
        out.len(),
        16,
        "5 variants, 3 of them in Spanish too, 2 sizes each"
    );
    out
}

fn load(rel: &str) -> Document {
    Document::load(site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_prp_handout_is_tagged_in_reading_order() {
    let doc = load(PRP);
    let top = tree(&doc);
    assert_eq!(top.role, "Document");
    assert_eq!(
        top.roles(),
        [
            "Div", // the page header: the clinic's name, the phone line
            "H1", "P", // title, summary
            "P", "Form", "P", "Form", "P", "Form", "P", "Form",  // the write-in blanks
            "Table", // facts
            "H2", "P", // what it is
            "H2", "L", // before your visit: a checklist
            "H2", "P", // what to expect (its blank is a Form inside the P)
            "H2", "Table", // recovery timeline
            "H2", "L", "H2", "L", // Do, then Don't
            "H2", "L",   // risks
            "Div", // when to call us
            "H2", "H3", "P", // FAQ
            "P", "Form", "P", "Form", // next appointment, notes
            "P",    // the disclaimer
            "Div",  // the page footer: its lines, caption and web address
        ]
    );
    let header = top.elems().next().unwrap();
    // The phone link inside the phone line's paragraph.
    assert_eq!(header.roles(), ["P", "P"]);
    assert_eq!(header.elems().nth(1).unwrap().roles(), ["Link"]);
    let call = top.elems().nth(26).unwrap();
    // The emergency line first, then the list, the phone and after hours.
    assert_eq!(call.roles(), ["H2", "P", "L", "P", "P"]);
    let footer = top.elems().last().unwrap();
    // Review line, address (holding the e-mail link), form line, caption; the QR code's link.
    assert_eq!(footer.roles(), ["P", "P", "P", "P", "Link"]);
    assert_eq!(footer.elems().nth(1).unwrap().roles(), ["Link"]);
    let mut all = Vec::new();
    top.walk(&mut all);
    for e in &all {
        match e.role.as_str() {
            "L" => assert!(e.roles().iter().all(|r| *r == "LI")),
            "LI" => assert_eq!(e.roles(), ["Lbl", "LBody"]),
            "Table" => assert!(e.roles().iter().all(|r| *r == "TR")),
            "TR" => assert_eq!(e.roles(), ["TH", "TD"]),
            "TH" => {
                let a = e.dict.get(b"A").and_then(Object::as_dict).unwrap();
                assert_eq!(name(a.get(b"Scope").unwrap()), "Row");
            }
            _ => {}
        }
    }
    // Facts (sessions, downtime, the after-hours number), then the timeline's four stages; the Before your visit
    // checklist's three items; five Do items before six Don’ts; the three risks.
    let rows: Vec<usize> = top
        .elems()
        .filter(|e| e.role == "Table")
        .map(|t| t.kids.len())
        .collect();
    assert_eq!(rows, [3, 4]);
    let items: Vec<usize> = top
        .elems()
        .filter(|e| e.role == "L")
        .map(|l| l.kids.len())
        .collect();
    assert_eq!(items, [3, 5, 6, 3]);
    // Bold and links stay inside their paragraph: the box's phone line is a P holding a Link.
    let phone = call.elems().nth(3).unwrap();
    assert_eq!(phone.roles(), ["Link"]);
}

#[test]
fn every_marked_content_id_is_reached_from_the_tree_and_the_parent_tree() {
    for rel in pdfs() {
        let doc = load(&rel);
        // (page, MCID) → element, from the tree.
        let mut reached: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
        let mut all = Vec::new();
        let top = tree(&doc);
        top.walk(&mut all);
        for e in &all {
            for kid in &e.kids {
                if let Kid::Mcid { page, mcid } = kid {
                    let before = reached.insert((*page, *mcid), e.id);
                    assert!(before.is_none(), "{rel}: MCID {mcid} in two elements");
                }
            }
        }
        let parents = parent_tree(&doc);
        let mut on_pages = 0;
        for (n, page) in doc.get_pages() {
            let dict = doc.get_dictionary(page).unwrap();
            let content = Content::decode(&doc.get_page_content(page)).unwrap();
            let mut depth = 0;
            let mut mcids = Vec::new();
            for op in &content.operations {
                match op.operator.as_str() {
                    "BDC" | "BMC" => {
                        depth += 1;
                        if let Some(Object::Dictionary(props)) = op.operands.get(1) {
                            if let Ok(mcid) = props.get(b"MCID").and_then(Object::as_i64) {
                                mcids.push(mcid);
                            }
                        }
                    }
                    "EMC" => depth -= 1,
                    "Tj" | "TJ" | "f" | "S" | "B" | "b" => {
                        assert!(
                            depth > 0,
                            "{rel} p{n}: {} outside marked content",
                            op.operator
                        )
                    }
                    _ => {}
                }
            }
            assert_eq!(depth, 0, "{rel} p{n}: unbalanced marked content");
            // MCIDs count from 0 on every page, each once.
            assert_eq!(
                mcids,
                (0..mcids.len() as i64).collect::<Vec<_>>(),
                "{rel} p{n}"
            );
            let key = dict.get(b"StructParents").and_then(Object::as_i64).unwrap();
            let by_mcid = parents.get(&key).and_then(|o| o.as_array().ok()).unwrap();
            assert_eq!(by_mcid.len(), mcids.len(), "{rel} p{n}");
            for (mcid, parent) in mcids.iter().zip(by_mcid) {
                let element = reached.get(&(page, *mcid));
                assert_eq!(
                    element,
                    Some(&parent.as_reference().unwrap()),
                    "{rel} p{n}: MCID {mcid}"
                );
            }
            on_pages += mcids.len();
        }
        assert_eq!(
            on_pages,
            reached.len(),
            "{rel}: the tree names content no page has"
        );
    }
}

/// The PRP handout in `size`, laid out by the library (the same code the build runs).
fn prp_layout(size: PrintSize) -> Rendered {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, theme, _) = handouts::check(
        &repo.join("content"),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    let job = Job::new(&site, &theme, Lang::EN, size).unwrap();
    let (p, v) = job
        .book
        .variants()
        .find(|(_, v)| v.slug.as_str() == "prp")
        .unwrap();
    handouts::render::print::handout(&job, p, v, handouts::render::pdf::Fonts::embedded())
        .unwrap_or_else(|d| panic!("{d}"))
}

fn role(layout: &Layout, tag: Tag) -> Option<Role> {
    tag.node().map(|n| layout.tree[n].role)
}

#[test]
fn header_and_footer_are_pagination_artifacts() {
    for size in PrintSize::ALL {
        let rendered = prp_layout(size);
        let layout = &rendered.layout;
        for (i, page) in layout.pages.iter().enumerate() {
            for item in &page.items {
                let tag = item.tag();
                let in_band = |band: &handouts::render::pdf::Rect| match item {
                    Item::Text { x, y, .. } => band.contains(
                        &handouts::render::pdf::Rect {
                            x: *x,
                            y: *y,
                            w: 0.0,
                            h: 0.0,
                        },
                        0.05,
                    ),
                    Item::Link { rect, .. }
                    | Item::Field { rect, .. }
                    | Item::Rect { rect, .. }
                    | Item::Image { rect, .. } => band.contains(rect, 0.05),
                    Item::Line { points, .. } => points.iter().all(|&(x, y)| {
                        band.contains(
                            &handouts::render::pdf::Rect {
                                x,
                                y,
                                w: 0.0,
                                h: 0.0,
                            },
                            1.0,
                        )
                    }),
                    Item::Qr { y, .. } => band.contains(
                        &handouts::render::pdf::Rect {
                            x: band.x,
                            y: *y,
                            w: 0.0,
                            h: 0.0,
                        },
                        0.05,
                    ),
                };
                for (band, kind) in [
                    (page.header, Artifact::Header),
                    (page.footer, Artifact::Footer),
                ] {
                    if !in_band(&band) {
                        continue;
                    }
                    // Only links (and, on page 1, the words and the QR code) are in the tree.
                    let allowed = match item {
                        Item::Link { .. } => role(layout, tag) == Some(Role::Link),
                        Item::Qr { .. } if i == 0 => role(layout, tag) == Some(Role::Figure),
                        Item::Text { .. } if i == 0 && tag.node().is_some() => {
                            matches!(role(layout, tag), Some(Role::P | Role::Link))
                        }
                        // As in the body, a hyphen that line breaking put in read words.
                        Item::Text { text, .. } if i == 0 && text == "-" => {
                            tag == Tag::Artifact(Artifact::Layout)
                        }
                        _ => tag == Tag::Artifact(kind),
                    };
                    assert!(allowed, "{size:?} p{i}: {item:?}");
                }
            }
        }
        // Page 1's header is the first group of the tree, its footer the last: read once, before
        // and after the body; each furniture link is in one of them, on every page.
        let header = layout.tree[0].children[0];
        let footer = *layout.tree[0].children.last().unwrap();
        assert_eq!(layout.tree[header].role, Role::Div);
        assert_eq!(layout.tree[footer].role, Role::Div);
        let group = |mut n: usize| {
            while let Some(parent) = layout.tree[n].parent.filter(|&p| p != 0) {
                n = parent;
            }
            n
        };
        for page in &layout.pages {
            for item in &page.items {
                if let Item::Link { tag, rect, .. } = item {
                    let group = group(tag.node().unwrap());
                    let furniture = if page.header.contains(rect, 0.05) {
                        Some(header)
                    } else if page.footer.contains(rect, 0.05) {
                        Some(footer)
                    } else {
                        None
                    };
                    if let Some(furniture) = furniture {
                        assert_eq!(group, furniture, "{rect:?}");
                    } else {
                        assert!(group != header && group != footer, "{rect:?}");
                    }
                }
            }
        }
    }
    // In the PDF: every page has both kinds of pagination artifact.
    for rel in [PRP, PRP_ES] {
        let doc = load(rel);
        for (n, page) in doc.get_pages() {
            let content = Content::decode(&doc.get_page_content(page)).unwrap();
            let mut kinds = BTreeSet::new();
            for op in content.operations.iter().filter(|op| op.operator == "BDC") {
                if name(&op.operands[0]) == "Artifact" {
                    let props = op.operands[1].as_dict().unwrap();
                    let kind = props.get(b"Subtype").map(name).unwrap_or_default();
                    kinds.insert((name(props.get(b"Type").unwrap()), kind));
                }
            }
            for band in ["Header", "Footer"] {
                assert!(
                    kinds.contains(&("Pagination".to_string(), band.to_string())),
                    "{rel} p{n}: {kinds:?}"
                );
            }
        }
    }
}

#[test]
fn the_qr_code_is_one_figure_with_alt_text_saying_where_it_leads() {
    let url = "https://clinic.example/care/handouts/";
    for (rel, alt) in [
        (
            PRP,
            format!("QR code: a link to the latest version of this handout at {url}microneedling/prp/"),
        ),
        (
            PRP_ES,
            format!("Código QR: un enlace a la versión más reciente de este folleto en {url}es/microneedling/prp/"),
        ),
    ] {
        let doc = load(rel);
        let top = tree(&doc);
        let mut all = Vec::new();
        top.walk(&mut all);
        let figures: Vec<&&Elem> = all.iter().filter(|e| e.role == "Figure").collect();
        assert_eq!(figures.len(), 1, "{rel}: one QR code in the tree, not one per page");
        assert_eq!(text(figures[0].dict.get(b"Alt").unwrap()), alt);
        let first_page = *doc.get_pages().get(&1).unwrap();
        assert!(figures[0]
            .kids
            .iter()
            .all(|k| matches!(k, Kid::Mcid { page, .. } if *page == first_page)));
        // Inside the web address's link.
        let link = all
            .iter()
            .find(|e| e.elems().any(|c| c.id == figures[0].id))
            .unwrap();
        assert_eq!(link.role, "Link");
    }
}

#[test]
fn links_are_link_elements_holding_their_annotations() {
    for rel in pdfs() {
        let doc = load(&rel);
        let mut all = Vec::new();
        let top = tree(&doc);
        top.walk(&mut all);
        let mut objr: BTreeMap<ObjectId, (&str, ObjectId)> = BTreeMap::new();
        for e in &all {
            for kid in &e.kids {
                if let Kid::Objr { obj } = kid {
                    assert!(objr.insert(*obj, (e.role.as_str(), e.id)).is_none());
                }
            }
        }
        let parents = parent_tree(&doc);
        let mut annotations = 0;
        for (n, page) in doc.get_pages() {
            let dict = doc.get_dictionary(page).unwrap();
            let Ok(annots) = dict.get(b"Annots").and_then(Object::as_array) else {
                continue;
            };
            assert!(!annots.is_empty());
            assert_eq!(
                dict.get(b"Tabs").map(name).ok().as_deref(),
                Some("S"),
                "{rel} p{n}"
            );
            for annot in annots {
                let id = annot.as_reference().unwrap();
                let a = doc.get_dictionary(id).unwrap();
                let key = a.get(b"StructParent").and_then(Object::as_i64).unwrap();
                // A write-in blank's form field: the one kid of its `Form` element.
                if name(a.get(b"Subtype").unwrap()) == "Widget" {
                    let (role, element) = objr.get(&id).copied().unwrap();
                    assert_eq!(role, "Form", "{rel}");
                    assert_eq!(
                        parents.get(&key).and_then(|o| o.as_reference().ok()),
                        Some(element)
                    );
                    annotations += 1;
                    continue;
                }
                assert_eq!(name(a.get(b"Subtype").unwrap()), "Link");
                let uri = a
                    .get(b"A")
                    .and_then(Object::as_dict)
                    .and_then(|a| a.get(b"URI"))
                    .map(text)
                    .unwrap();
                let contents = text(a.get(b"Contents").unwrap());
                assert!(contents.contains(&uri), "{rel}: {contents:?} names {uri}");
                let (role, element) = objr.get(&id).copied().unwrap();
                assert_eq!(role, "Link", "{rel}");
                assert_eq!(
                    parents.get(&key).and_then(|o| o.as_reference().ok()),
                    Some(element)
                );
                annotations += 1;
            }
        }
        assert_eq!(annotations, objr.len(), "{rel}");
        // The phone in the box: its words and its target.
        if rel == PRP {
            assert!(all.iter().any(|e| e.role == "Link"
                && e.kids.iter().any(|k| matches!(k, Kid::Objr { obj }
                    if text(doc.get_dictionary(*obj).unwrap().get(b"Contents").unwrap())
                        == "Call (555) 010-0142 (tel:5550100142)"))));
        }
    }
}

#[test]
fn the_catalog_and_xmp_declare_pdf_ua_in_the_document_language() {
    for rel in pdfs() {
        let doc = load(&rel);
        let catalog = doc.catalog().unwrap();
        let lang = if rel.starts_with("es/") {
            "es-US"
        } else {
            "en-US"
        };
        assert_eq!(text(catalog.get(b"Lang").unwrap()), lang);
        let marked = catalog.get(b"MarkInfo").and_then(Object::as_dict).unwrap();
        assert_eq!(
            marked.get(b"Marked").and_then(Object::as_bool).ok(),
            Some(true)
        );
        let prefs = catalog
            .get(b"ViewerPreferences")
            .and_then(Object::as_dict)
            .unwrap();
        assert_eq!(
            prefs.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
            Some(true)
        );
        let xmp = catalog
            .get(b"Metadata")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_object(id))
            .and_then(Object::as_stream)
            .unwrap();
        assert_eq!(name(xmp.dict.get(b"Type").unwrap()), "Metadata");
        assert_eq!(name(xmp.dict.get(b"Subtype").unwrap()), "XML");
        assert!(
            xmp.dict.get(b"Filter").is_err(),
            "XMP must stay uncompressed"
        );
        let packet = String::from_utf8(xmp.content.clone()).unwrap();
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .unwrap();
        let title = text(info.get(b"Title").unwrap());
        for needle in [
            "<pdfuaid:part>1</pdfuaid:part>".to_string(),
            format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>"),
            format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"),
            "<rdf:li>Maple Grove Skin Clinic (sample)</rdf:li>".to_string(),
        ] {
            assert!(packet.contains(&needle), "{rel}: no {needle} in\n{packet}");
        }
        // Dates are the handout's, the same as the Info dictionary's, never the clock.
        let created = text(info.get(b"CreationDate").unwrap());
        let day = &created[2..10];
        let xmp_day = format!("{}-{}-{}T00:00:00Z", &day[..4], &day[4..6], &day[6..]);
        assert!(
            packet.contains(&format!("<xmp:CreateDate>{xmp_day}</xmp:CreateDate>")),
            "{rel}"
        );
    }
}

#[test]
fn the_struct_text_lists_what_the_web_page_shows_in_its_order() {
    for (page, pdfs) in [
        (
            "microneedling/prp/index.html",
            [
                "microneedling/prp/microneedling-prp.pdf",
                "microneedling/prp/microneedling-prp-large.pdf",
            ],
        ),
        (
            "es/microneedling/prp/index.html",
            [
                "es/microneedling/prp/microneedling-prp.pdf",
                "es/microneedling/prp/microneedling-prp-large.pdf",
            ],
        ),
        (
            "chemical-peel/medium/index.html",
            [
                "chemical-peel/medium/chemical-peel-medium.pdf",
                "chemical-peel/medium/chemical-peel-medium-large.pdf",
            ],
        ),
    ] {
        let html = std::fs::read_to_string(site().join(page)).unwrap();
        let texts = page_texts(&html);
        assert!(texts.len() > 30, "{page}: {texts:?}");
        for pdf in pdfs {
            let Some(tagged) = struct_text(&site().join(pdf)) else {
                return;
            };
            let mut from = 0;
            for t in &texts {
                match tagged[from..].find(t.as_str()) {
                    Some(at) => from += at + t.len(),
                    None => panic!(
                        "{pdf}: {t:?} missing or out of order after {:?}",
                        &tagged[..from]
                    ),
                }
            }
        }
    }
}

/// For each pair of regular and large PDF.
fn pairs() -> Vec<(String, String)> {
    pdfs()
        .into_iter()
        .filter(|p| !p.ends_with("-large.pdf"))
        .map(|p| {
            let large = p.replace(".pdf", "-large.pdf");
            (p, large)
        })
        .collect()
}

#[test]
fn large_print_body_text_is_at_least_18_pt() {
    for (_, large) in pairs() {
        let doc = load(&large);
        // Page 1's header and footer (the first and last groups of the tree) are read too, but are
        // furniture, at the footer's 14 pt.
        let top = tree(&doc);
        let mut furniture = Vec::new();
        for group in [top.elems().next().unwrap(), top.elems().last().unwrap()] {
            group.walk(&mut furniture);
        }
        let furniture: BTreeSet<(ObjectId, i64)> = furniture
            .iter()
            .flat_map(|e| &e.kids)
            .filter_map(|k| match k {
                Kid::Mcid { page, mcid } => Some((*page, *mcid)),
                _ => None,
            })
            .collect();
        for (n, page) in doc.get_pages() {
            let content = Content::decode(&doc.get_page_content(page)).unwrap();
            let mut open: Vec<(String, Option<i64>)> = Vec::new();
            for op in &content.operations {
                match op.operator.as_str() {
                    "BDC" | "BMC" => {
                        let mcid = op.operands.get(1).and_then(|p| p.as_dict().ok());
                        let mcid = mcid.and_then(|p| p.get(b"MCID").and_then(Object::as_i64).ok());
                        open.push((name(&op.operands[0]), mcid));
                    }
                    "EMC" => {
                        open.pop();
                    }
                    "Tf" => {
                        let size = op.operands[1].as_float().unwrap();
                        assert!(size >= 14.0, "{large} p{n}: {size} pt");
                        let reading = ["P", "LBody", "TD", "Lbl", "H1", "H2", "H3"];
                        if open.last().is_some_and(|(t, mcid)| {
                            reading.contains(&t.as_str())
                                && !mcid.is_some_and(|m| furniture.contains(&(page, m)))
                        }) {
                            assert!(size >= 18.0, "{large} p{n}: {size} pt in {open:?}");
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    // And in the layout: every word of a paragraph, list item or table cell.
    let rendered = prp_layout(PrintSize::Large);
    let layout = &rendered.layout;
    for page in &layout.pages {
        for item in &page.items {
            let Item::Text {
                size, tag, text, y, ..
            } = item
            else {
                continue;
            };
            let body = *y <= page.body.top() && *y >= page.body.y;
            if body && matches!(role(layout, *tag), Some(Role::P | Role::LBody | Role::TD)) {
                assert!(*size >= 18.0, "{text:?} at {size} pt");
            }
        }
    }
}

#[test]
fn every_phrase_of_the_regular_pdf_is_in_the_large_one() {
    for (regular, large) in pairs() {
        let Some(lines) = body_lines(&site().join(&regular)) else {
            return;
        };
        let Some(large_lines) = body_lines(&site().join(&large)) else {
            return;
        };
        let large_text = bare(&large_lines.concat());
        assert!(lines.len() > 40, "{regular}");
        // A heading repeated where its list goes on on a new page depends on where each
        // edition's pages break (issue 24): it is pagination, not a phrase of the handout.
        let repeated = |l: &&String| l.ends_with("(continued)") || l.ends_with("(continuación)");
        for line in lines.iter().filter(|l| !repeated(l)) {
            assert!(large_text.contains(&bare(line)), "{large} lacks {line:?}");
        }
    }
}

#[test]
fn every_page_header_shows_the_whole_phone_number() {
    // The header's phone line is drawn on one line only: a wrapped one lost its number.
    for rel in pdfs() {
        let Some(text) = tagged::text::tool(
            "pdftotext",
            &["-raw", &site().join(&rel).to_string_lossy(), "-"],
        ) else {
            return;
        };
        for (i, page) in text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .enumerate()
        {
            let head: String = page.lines().take(3).collect::<Vec<_>>().join(" ");
            assert!(head.contains("(555) 010-0142"), "{rel} p{}: {head}", i + 1);
        }
    }
}
