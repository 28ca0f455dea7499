//! Large print a low-vision reader can use (issue 24), read from the layout of every sample
//! handout in both languages, on Letter and A4: pages filled, type at least 18 pt, a one-line
//! footer after page 1, "(continued)" where a list or box goes on, no orphan list item, and the
//! page count held to 2.5 times the regular edition's.

use handouts::edition::{Lang, PrintSize};
use handouts::model::{Date, Paper};
use handouts::render::pdf::Rendered;
use handouts::render::Job;
use std::path::Path;

/// Every sample handout on `paper`: (language, slug) → (regular, large).
fn editions(paper: Paper) -> Vec<(String, Rendered, Rendered)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut site, theme, _) = handouts::check(
        &repo.join("content"),
        None,
        Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    site.clinic.paper = paper;
    let fonts = handouts::render::pdf::Fonts::embedded();
    let mut out = Vec::new();
    for lang in [Lang::EN, Lang::parse("es").unwrap()] {
        let render = |size| {
            let job = Job::new(&site, &theme, lang, size).expect("the book");
            job.book
                .variants()
                .map(|(p, v)| {
                    let name = format!("{lang} {}/{} on {paper:?}", p.slug, v.slug);
                    let r = handouts::render::print::handout(&job, p, v, fonts)
                        .unwrap_or_else(|d| panic!("{name}: {d}"));
                    (name, r)
                })
                .collect::<Vec<_>>()
        };
        let regular = render(PrintSize::Regular);
        let large = render(PrintSize::Large);
        for ((name, r), (_, l)) in regular.into_iter().zip(large) {
            out.push((name, r, l));
        }
    }
    out
}

#[test]
fn zz_report_fills() {
    for paper in [Paper::Letter, Paper::A4] {
        for (name, regular, large) in editions(paper) {
            let fills: Vec<String> = large
                .layout
                .pages
                .iter()
                .map(|p| format!("{:.0}", p.fill() * 100.0))
                .collect();
            eprintln!(
                "{name}: regular {} large {} [{}]",
                regular.layout.pages.len(),
                large.layout.pages.len(),
                fills.join(" ")
            );
        }
    }
}
