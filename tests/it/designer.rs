//! What a designer saw on the pages, the report and the handouts (issue 24): each fix asserted on
//! the built output, in the words a reader gets.

use crate::common;
use common::Fixture;

/// The sample built, with `content/` as `Fixture::new` writes it.
fn built() -> Fixture {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    f
}

/// Spanish alongside English, with one English handout (PRP) not translated yet.
fn bilingual() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/microneedling/prp.md",
        &common::VARIANT
            .replace("Classic microneedling", "Microneedling with PRP")
            .replace("classic microneedling", "microneedling with PRP"),
    );
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    f.write(
        "content/microneedling/_procedure.es.md",
        "---\ntitle: Microagujas\nsummary: Agujas finas que ayudan a la piel a renovarse.\n---\n\n## Haga\n\n- Lávese con suavidad.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Una infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o enrojecimiento.\n",
    );
    f.write(
        "content/microneedling/classic.es.md",
        "---\ntitle: Microagujas clásicas\nsummary: Qué esperar de las microagujas durante 2 semanas.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\nsessions: 4–6 sesiones\n---\n\n## Qué es\n\nUn tratamiento que hace heridas diminutas.\n\n## Qué esperar\n\nCrema para adormecer y luego unos 15 minutos de agujas.\n\n## Recuperación\n\n- **Días 1–3:** piel roja durante 2 semanas.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nCasi todos sienten presión, no dolor.\n",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    f
}

/// The text of page `page` of a PDF, as pdftotext reads it (`-raw`: in painting order).
fn pdf_page(pdf: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn print_this_handout_opens_the_pdf_in_the_browser() {
    let f = built();
    let page = f.read("output/microneedling/classic/index.html");
    assert!(page.contains("<a class=\"print-link\" href=\"../../microneedling/classic/microneedling-classic.pdf\">Print this handout <span class=\"small\">(PDF)</span></a>"), "{page}");
    assert!(page.contains("<a class=\"print-link-large\" href=\"../../microneedling/classic/microneedling-classic-large.pdf\">Large print"), "{page}");
    assert!(!page.contains(" download"), "{page}");
}

#[test]
fn later_pages_name_the_handout_only_and_one_handout_says_this_handout() {
    let f = Fixture::new();
    let long = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long");
    f.write(
        "content/clinic.yaml",
        &std::fs::read_to_string(long.join("clinic.yaml")).unwrap(),
    );
    for file in ["_procedure.md", "prp.md"] {
        let text = std::fs::read_to_string(long.join("microneedling").join(file)).unwrap();
        f.write(&format!("content/microneedling/{file}"), &text);
    }
    std::fs::remove_file(f.path("content/microneedling/classic.md")).unwrap();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let pdf = f.path("output/microneedling/prp/microneedling-prp.pdf");
    let second = pdf_page(&pdf, 2);
    // The running head is the first line pdftotext reads on page 2: the title, then the header's
    // phone line, nothing between them.
    assert_eq!(
        second.lines().next(),
        Some("Microneedling with PRP Questions? Call (555) 010-0142"),
        "{second}"
    );
    assert!(!second.contains("English"), "{second}");
    let all = common::pdftotext(&pdf);
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("This handout is general information. Always follow the advice your own clinician gives you. In an emergency, call 911."), "{flat}");
    assert!(!flat.contains("These handouts"), "{flat}");
    // And on its web page; the index, which lists many, keeps the plural.
    let page = f.read("output/microneedling/prp/index.html");
    assert!(
        page.contains("<p class=\"disclaimer\">This handout is general information."),
        "{page}"
    );
    let index = f.read("output/index.html");
    assert!(
        index.contains("<p class=\"disclaimer\">These handouts are general information."),
        "{index}"
    );
}

#[test]
fn the_spanish_handout_says_este_folleto() {
    let f = bilingual();
    let page = f.read("output/es/microneedling/classic/index.html");
    assert!(page.contains("<p class=\"disclaimer\">Este folleto es información general. Siga siempre las indicaciones de su médico o enfermera. En una emergencia, llame al 911.</p>"), "{page}");
    let text =
        common::pdftotext(&f.path("output/es/microneedling/classic/microneedling-classic.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Este folleto es información general."),
        "{flat}"
    );
    assert!(!flat.contains("Estos folletos"), "{flat}");
}

#[test]
fn a_cards_separator_is_drawn_by_the_stylesheet_never_typed_between_its_facts() {
    let f = built();
    let index = f.read("output/index.html");
    assert!(index.contains("<ul class=\"meta\"><li>Reviewed <time datetime=\"2026-03-14\">14 March 2026</time></li><li><a href=\"microneedling/classic/microneedling-classic.pdf\">Printable PDF<span class=\"visually-hidden\"> of Classic microneedling</span></a></li></ul>"), "{index}");
    let card = &index[index.find("<li class=\"card\"").unwrap()..];
    let card = &card[..card.find("</ul>").unwrap()];
    assert!(!card.contains('·'), "{card}");
    // The stylesheet hangs each separator before its item and clips the list's left edge.
    let css = std::fs::read_dir(f.path("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".css"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .unwrap();
    assert!(
        css.contains(".meta li { position: relative; padding-left: 1.4em; }"),
        "{css}"
    );
    assert!(
        css.contains(".meta li::before { content: \"\\B7\" / \"\"; position: absolute; left: 0;"),
        "{css}"
    );
    assert!(
        css.contains("clip-path: inset(-0.25em -0.25em -0.25em 1.4em)"),
        "{css}"
    );
}

#[test]
fn a_number_keeps_its_unit_on_the_web_only() {
    let f = bilingual();
    let en = f.read("output/microneedling/classic/index.html");
    // The Markdown says "about 15 minutes", "4–6 sessions", "1–3 days".
    assert!(en.contains("about 15\u{a0}minutes of needling"), "{en}");
    assert!(en.contains("<dd>4–6\u{a0}sessions</dd>"), "{en}");
    assert!(en.contains("<dd>1–3\u{a0}days</dd>"), "{en}");
    let es = f.read("output/es/microneedling/classic/index.html");
    assert!(es.contains("unos 15\u{a0}minutos de agujas"), "{es}");
    assert!(es.contains("piel roja durante 2\u{a0}semanas"), "{es}");
    assert!(es.contains("<dd>4–6\u{a0}sesiones</dd>"), "{es}");
    assert!(
        es.contains("<p class=\"lead\">Qué esperar de las microagujas durante 2\u{a0}semanas.</p>"),
        "{es}"
    );
    // A number before a word that is no unit keeps its space.
    assert!(en.contains("Usually four to six."), "{en}");
    // The Markdown is unchanged, and the PDF reads as before: ordinary spaces.
    assert!(f
        .read("content/microneedling/classic.md")
        .contains("about 15 minutes"));
    let text = common::pdftotext(&f.path("output/microneedling/classic/microneedling-classic.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("about 15 minutes of needling"), "{flat}");
    assert!(!text.contains('\u{a0}'), "{text}");
}

#[test]
fn each_kind_of_page_has_its_own_skip_link() {
    let f = bilingual();
    for (path, words) in [
        ("output/index.html", "Skip to the list of handouts"),
        (
            "output/microneedling/index.html",
            "Skip to the treatment’s handouts",
        ),
        (
            "output/microneedling/classic/index.html",
            "Skip to the handout",
        ),
        ("output/print/index.html", "Skip to the handouts to print"),
        ("output/404.html", "Skip to the message"),
        ("output/es/index.html", "Ir a la lista de folletos"),
        (
            "output/es/microneedling/index.html",
            "Ir a los folletos del tratamiento",
        ),
        (
            "output/es/microneedling/classic/index.html",
            "Ir al folleto",
        ),
        (
            "output/es/print/index.html",
            "Ir a los folletos para imprimir",
        ),
    ] {
        let page = f.read(path);
        assert!(
            page.contains(&format!("<a class=\"skip\" href=\"#main\">{words}</a>")),
            "{path}: {page}"
        );
    }
}

#[test]
fn the_not_found_page_has_the_sites_fonts_and_every_language() {
    let f = bilingual();
    let page = f.read("output/404.html");
    // The stylesheet inline, its web fonts linked from the base URL, as every link here is.
    assert!(page.contains("@font-face"), "{page}");
    assert!(
        page.contains(
            "src: url(https://clinic.example/care/handouts/fonts/atkinson-hyperlegible-regular."
        ),
        "{page}"
    );
    assert!(!page.contains("url(fonts/"), "{page}");
    // Right under /es/ too: the Spanish words, marked as Spanish, linking the Spanish start page.
    common::assert_in_order(
        &page,
        &[
            "<h1>Page not found</h1>",
            "<a href=\"https://clinic.example/care/handouts/\">See all handouts</a>",
            "<section class=\"not-found-other\" lang=\"es\" aria-labelledby=\"not-found-es\">",
            "<h2 id=\"not-found-es\">No encontramos esta página</h2>",
            "<p>No hay ningún folleto en esta dirección.",
            "<a href=\"https://clinic.example/care/handouts/es/\" hreflang=\"es\">Ver todos los folletos</a>",
        ],
    );
    // A site in one language shows one.
    let one = built();
    let page = one.read("output/404.html");
    assert!(!page.contains("not-found-other"), "{page}");
}

#[test]
fn the_print_stations_translations_are_the_other_print_station() {
    let f = bilingual();
    let en = f.read("output/print/index.html");
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://clinic.example/care/handouts/es/print/\">"), "{en}");
    assert!(en.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://clinic.example/care/handouts/print/\">"), "{en}");
    assert!(
        en.contains("<a href=\"../es/print/\" hreflang=\"es\" lang=\"es\">Español</a>"),
        "{en}"
    );
    let es = f.read("output/es/print/index.html");
    assert!(es.contains("<html lang=\"es\">"), "{es}");
    assert!(es.contains("<h1>Estación de impresión</h1>"), "{es}");
    assert!(
        es.contains(
            "<link rel=\"canonical\" href=\"https://clinic.example/care/handouts/es/print/\">"
        ),
        "{es}"
    );
    assert!(
        es.contains("<a href=\"../../print/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "{es}"
    );
    // It lists every PDF of both languages, linked from its own folder, with Spanish dates.
    assert!(
        es.contains("href=\"../../microneedling/prp/microneedling-prp.pdf\""),
        "{es}"
    );
    assert!(
        es.contains("href=\"../../es/microneedling/classic/microneedling-classic-large.pdf\""),
        "{es}"
    );
    assert!(es.contains("14 de marzo de 2026"), "{es}");
    assert!(es.contains("noindex, nofollow"), "{es}");
}

#[test]
fn the_report_fits_a_phone_and_says_why_smog_above_the_limit_is_no_warning() {
    let f = Fixture::new();
    // The sample reads at grade 3.3 with a SMOG of 6.6: a limit of 5 lies between them.
    f.edit("content/clinic.yaml", "site:", "max_grade: 5\nsite:");
    let out = f.run(&["report"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let html = f.read("handouts-report.html");
    assert!(html.contains("Only the grade is held to the limit: SMOG (English) and INFLESZ (Spanish) are a second measure, shown for information, so a SMOG above the limit beside 0 warnings is expected."), "{html}");
    assert!(
        html.contains(
            "<th scope=\"col\">SMOG (English) or INFLESZ (Spanish), for information</th>"
        ),
        "{html}"
    );
    assert!(html.contains("<td class=\"num\">3.3</td><td class=\"num\">SMOG 6.6<span class=\"note\">above 5, for information: the limit applies to the grade</span></td>"), "{html}");
    assert!(
        html.contains("<p>1 handout; 0 overdue for review; 0 with warnings.</p>"),
        "{html}"
    );
    // On a phone the table stacks: each row a block, each cell named by its column.
    assert!(
        html.contains(
            "@media (max-width:40rem){body{margin:1rem}table,caption,tbody,tr,th,td{display:block}"
        ),
        "{html}"
    );
    assert!(
        html.contains("td:nth-of-type(3)::before{content:\"SMOG or INFLESZ, for information\"}"),
        "{html}"
    );
}

#[test]
fn common_questions_and_a_full_spanish_phrase_are_the_headings_and_the_old_ones_still_match() {
    let f = bilingual();
    let en = f.read("output/microneedling/classic/index.html");
    assert!(
        en.contains("<h2 id=\"faq-h\">Common questions</h2>"),
        "{en}"
    );
    assert!(!en.contains(">FAQ<"), "{en}");
    let es = f.read("output/es/microneedling/classic/index.html");
    assert!(es.contains(">Lo que debe hacer</h2>"), "{es}");
    assert!(es.contains(">Lo que no debe hacer</h2>"), "{es}");
    let text =
        common::pdftotext(&f.path("output/es/microneedling/classic/microneedling-classic.pdf"));
    assert!(
        text.contains("Lo que debe hacer") && text.contains("Lo que no debe hacer"),
        "{text}"
    );
    // The fixture's headings are the old ones (`## FAQ`, `## Haga`, `## No haga`): still accepted,
    // as are the new ones and the long form.
    for heading in ["Common questions", "Frequently asked questions", "FAQs"] {
        f.edit(
            "content/microneedling/classic.md",
            "## FAQ",
            &format!("## {heading}"),
        );
        let out = f.run(&["check"]);
        assert_eq!(out.code, Some(0), "{heading}: {}", out.stderr);
        f.edit(
            "content/microneedling/classic.md",
            &format!("## {heading}"),
            "## FAQ",
        );
    }
    f.edit(
        "content/microneedling/_procedure.es.md",
        "## Haga",
        "## Lo que debe hacer",
    );
    f.edit(
        "content/microneedling/_procedure.es.md",
        "## No haga",
        "## Lo que no debe hacer",
    );
    assert_eq!(f.run(&["check"]).code, Some(0));
}

#[test]
fn the_spanish_index_lists_the_handouts_only_in_english_as_english() {
    let f = bilingual();
    let es = f.read("output/es/index.html");
    common::assert_in_order(
        &es,
        &[
            "<a href=\"../es/microneedling/\">Microagujas</a>",
            "Microagujas clásicas",
            "<li class=\"card\" lang=\"en\">",
            "<h3><a href=\"../microneedling/prp/\" hreflang=\"en\">Microneedling with PRP</a></h3>",
            "<p class=\"card-language\" lang=\"es\">En inglés</p>",
            "<p>What to expect from microneedling with PRP and how to care for your skin.</p>",
            "<ul class=\"meta\" lang=\"es\"><li>Revisado el <time datetime=\"2026-03-14\">14 de marzo de 2026</time></li><li><a href=\"../microneedling/prp/microneedling-prp.pdf\" hreflang=\"en\">PDF para imprimir",
        ],
    );
    // The English index is as before: no language notes.
    let en = f.read("output/index.html");
    assert!(!en.contains("card-language"), "{en}");
}

#[test]
fn the_contact_details_in_the_printed_footer_are_at_least_nine_and_a_half_points() {
    use handouts::edition::{Lang, PrintSize};
    use handouts::render::pdf::Item;
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, theme, _) = handouts::check(
        &repo.join("content"),
        None,
        handouts::model::Date::parse("2026-11-01").unwrap(),
    )
    .unwrap();
    let fonts = handouts::render::pdf::Fonts::embedded();
    let job = handouts::render::Job::new(&site, &theme, Lang::EN, PrintSize::Regular).unwrap();
    let (p, v) = job.book.variants().next().unwrap();
    let r = handouts::render::print::handout(&job, p, v, fonts).unwrap_or_else(|d| panic!("{d}"));
    let sizes: Vec<(String, f32)> = r.layout.pages[0]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { text, size, .. }
                if text.contains("Example") || text.contains("care@clinic.example") =>
            {
                Some((text.clone(), *size))
            }
            _ => None,
        })
        .collect();
    assert!(!sizes.is_empty());
    for (text, size) in sizes {
        assert!(size >= 9.5, "{text:?} at {size} pt");
    }
}
