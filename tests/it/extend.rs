//! Extending handouts through only the places the "To add X, touch Y" table of
//! docs/architecture.md names, each shown in the build, in a rebuild that takes it from the build
//! cache, and in `serve`:
//! - a language: a theme's `labels/<code>.yaml`, the clinic's `languages:` and `*.<code>.md`
//!   translations (here French, in a temporary theme folder: test data, not shipped);
//! - a section kind: an entry in the theme's `sections.yaml` and its title in each labels file;
//! - a per-variant output: a fn and one `Project::with_output(Output::per_variant(…))`;
//! - a site-wide output: a fn and one `Project::with_output(Output::site_wide(…))`.

use crate::common;

use common::{assert_in_order, pdftotext, Fixture, CLINIC, PROCEDURE, VARIANT};
use handouts::diag::Diagnostics;
use handouts::edition::{Lang, PrintSize};
use handouts::model::{Procedure, Slug, Variant};
use handouts::render::{Job, Output, OutputFile, Reads};
use handouts::routes::{Page, Routes};
use handouts::serve::{Preview, Rebuild};
use handouts::{BuildOptions, BuildReport, Project, Strictness};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every file of one version of the site, by path.
type Files = BTreeMap<String, Vec<u8>>;

/// Builds `project` (as `handouts build` does), which must succeed.
fn build(project: &Project) -> BuildReport {
    project
        .build(Strictness::Warn, &|_, _| {})
        .unwrap_or_else(|d| panic!("the build failed: {d}"))
}

/// What the build wrote into `out`.
fn built(out: &Path) -> Files {
    common::snapshot(out).into_iter().collect()
}

/// Rebuilds `preview`, which must succeed, and returns what it did and every file it serves.
fn serve(preview: &mut Preview) -> (Rebuild, Files) {
    let rebuild = preview.rebuild();
    if let Some(problems) = &rebuild.problems {
        panic!("the preview failed: {problems}");
    }
    let snapshot = preview.snapshot();
    let files = snapshot
        .paths()
        .into_iter()
        .map(|path| match snapshot.file(path) {
            Some(Ok(bytes)) => (path.to_string(), bytes.to_vec()),
            other => panic!(
                "the preview could not make {path}: {:?}",
                other.map(|r| r.err())
            ),
        })
        .collect();
    (rebuild, files)
}

/// Options to build the fixture's content into its `output` folder.
fn options(f: &Fixture) -> BuildOptions {
    common::build_options(&f.path("content"), &f.path("output"))
}

/// Asserts that the build and the preview hold the same paths with the same bytes.
fn assert_same(what: &str, built: &Files, served: &Files) {
    let paths = |files: &Files| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(built), paths(served), "{what}: the same files");
    for (path, bytes) in built {
        assert!(served[path] == *bytes, "{what}: {path} differs");
    }
}

/// Edits the content file `rel` (`from` becomes `to`), then rebuilds `preview` and builds
/// `project`: both hold the same files, and the preview made each of `made` again or not, as
/// said. Returns the files.
fn edit_and_agree(
    f: &Fixture,
    (project, preview): (&Project, &mut Preview),
    (rel, from, to): (&str, &str, &str),
    made: &[(&str, bool)],
) -> Files {
    f.edit(rel, from, to);
    let (rebuild, served) = serve(preview);
    for (path, again) in made {
        let rendered = rebuild.rendered.iter().any(|p| p == path);
        assert_eq!(
            rendered, *again,
            "after {rel}: {path} in {:?}",
            rebuild.rendered
        );
    }
    build(project);
    assert_same(rel, &built(&f.path("output")), &served);
    served
}

// ---------------------------------------------------------------------------------------------
// A language.

/// `themes/default/labels/en.yaml`, translated into French.
const LABELS_FR: &str = r###"# Étiquettes en français (test data: themes/default/labels/en.yaml, translated).
language_name: "Français"
html_lang: "fr"
og_locale: "fr_CA"
pdf_lang: "fr-CA"

date_format: "{day} {month} {year}"
months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]

sections:
  what-it-is:
    title: "De quoi s’agit-il"
  before-your-visit:
    title: "Avant votre rendez-vous"
  what-to-expect:
    title: "À quoi s’attendre"
  recovery-timeline:
    title: "Étapes de la guérison"
  do:
    title: "À faire"
  dont:
    title: "À éviter"
  risks:
    title: "Risques"
  when-to-call:
    title: "Quand nous appeler"
  faq:
    title: "Questions fréquentes"

skip_link: "Aller au document"
header_call: "Appelez-nous"
footer_phone: "Téléphone"
after_hours: "En dehors des heures d’ouverture"
disclaimer: "Ces documents donnent des renseignements généraux. Suivez toujours les conseils de votre propre soignant. En cas d’urgence, composez le {number}."
emergency_line: "En cas d’urgence, composez le {number} ou allez aux urgences les plus proches."
language_switcher: "Langues"
index_title: "Documents pour les patients"
feed_title: "Documents nouveaux et mis à jour"
station_title: "Poste d’impression"
station_intro: "Chaque document, prêt à imprimer. Ouvrez le PDF, puis imprimez-le."
station_search: "Trouver un document"
station_search_hint: "Tapez une partie d’un titre ou une langue."
station_none: "Aucun document ne correspond à ce que vous avez tapé."
station_handout: "Document"
station_language: "Langue"
station_pages: "Pages"
station_reviewed: "Révisé"
station_print: "Imprimer"
station_regular: "Normal ({pages} pages)"
station_large: "Gros caractères ({pages} pages)"
not_found_title: "Page introuvable"
not_found_text: "Il n’y a aucun document à cette adresse. Il a peut-être été déplacé : chaque document figure sur la page d’accueil."
not_found_home: "Voir tous les documents"
index_description: "Documents sur les traitements et les soins de suivi de {clinic} : à quoi s’attendre, comment guérir et quand nous appeler."
breadcrumb: "Fil d’Ariane"
all_handouts: "Tous les documents"
choose_treatment: "Choisissez votre traitement"
fact_sessions: "Séances"
fact_downtime: "Temps de récupération"
fact_questions: "Des questions ?"
print_handout: "Imprimer ce document"
print_large: "Gros caractères"
pdf_note: "(PDF)"
on_this_page: "Sur cette page"
call_now: "Appelez-nous :"
after_hours_colon: "En dehors des heures d’ouverture :"
review_note: "Révisé le {date} par {name}. Prochaine révision prévue le {next}."
card_reviewed: "Révisé le {date}"
printable_pdf: "PDF à imprimer"
printable_pdf_of: "de {title}"

print_fact_questions: "Questions"
print_call: "Appelez le {phone}"
print_reviewed: "Révisé le {date} par {name}"
print_questions_call: "Des questions ? Appelez le"
print_scan: "Scannez ou consultez la dernière version :"
print_page: "Page {page} sur {pages}"
print_continued: "(suite)"
print_qr_alt: "Code QR : un lien vers la dernière version de ce document à {url}"
print_running: "{title} · {language}"
print_form: "Formulaire {code} · Rév. {date}"
source: "Source :"
callout_note: "Remarque"
callout_tip: "Conseil"
callout_important: "Important"
callout_warning: "Avertissement"
callout_caution: "Attention"
blank: "espace à remplir"
blanks:
  patient: "Nom du patient"
  date: "Date du traitement"
  treated_area: "Zone traitée"
  clinician: "Soignant"
  lot_number: "Numéro de lot"
  injection_site: "Point d’injection"
  given_by: "Administré par"
  time_given: "Heure"
  escort: "Adulte qui vous raccompagne"
  next_appointment: "Prochain rendez-vous"
  notes: "Notes"

new_placeholder: "écrire ici"
new_title_note: "Le titre vient du nom du fichier : remplacez-le par le nom que les patients connaissent."
new_summary: "une ou deux phrases courtes sur ce que couvre ce document"
new_reviewed_note: "La date à laquelle un soignant a vérifié ce document pour la dernière fois, en année-mois-jour. Elle est fixée à aujourd’hui : changez-la une fois la vérification faite."
new_reviewed_by: "le nom du soignant qui a vérifié ce document"
new_optional_note: "Lignes facultatives pour l’encadré des faits : enlevez le # pour en utiliser une."
new_sessions_example: "3 séances, à 4 semaines d’intervalle"
new_downtime_example: "2 à 3 jours de rougeur"
new_shared_note: "{file} contient déjà ces sections pour chaque variante : {sections}. Supprimez-les ici pour utiliser le texte commun."
new_procedure_summary: "une ou deux phrases courtes sur ce qu’est le traitement"
new_procedure_note: "Les sections écrites dans ce fichier sont communes à chaque variante du traitement ; la section propre à une variante remplace la section commune."
new_what_it_is: "ce qu’est le traitement et ce qu’il peut aider, en deux ou trois phrases courtes."
new_what_to_expect: "ce qui se passe le jour même, de l’arrivée au départ."
new_timeline_when: "quand, par exemple Jours 1 à 3"
new_timeline_what: "l’aspect et les sensations de la peau à ce moment. Ajoutez une ligne comme celle-ci pour chaque étape."
new_do: "une chose à faire pendant la guérison de la peau. Écrivez chaque point sur sa propre ligne, qui commence par un tiret."
new_dont: "une chose à éviter pendant la guérison de la peau. Écrivez chaque point sur sa propre ligne."
new_risks: "un effet secondaire ou un risque, et sa fréquence."
new_when_to_call: "un signe qui veut dire que le patient doit appeler la clinique, comme de la fièvre."
new_faq_question: "une question que les patients posent souvent ?"
new_faq_answer: "sa réponse, en mots simples. Chaque question commence par ### sur sa propre ligne."
new_before_your_visit: "une chose à faire avant le rendez-vous, comme ce qu’il faut cesser de prendre et quand."
new_more_note: "Ce qu’un document peut aussi contenir (voir README.md) :"
new_more_sections: "## Avant votre rendez-vous : une liste de choses à faire avant le jour même, imprimée avec des cases à cocher."
new_more_own: "Un titre ## de votre choix commence une section à vous, affichée là où vous l’écrivez."
new_more_lists: "Les listes numérotées gardent leurs numéros ; décalez une liste de deux espaces sous un point pour un niveau de plus."
new_more_table: "Un tableau : | Colonne | Colonne | sur une ligne, | --- | --- | dessous, puis une ligne par rangée (4 colonnes au plus)."
new_more_callout: "Un encadré : > [!IMPORTANT] sur une ligne, puis > et son texte."
new_more_blank: "Un espace à remplir : quatre traits de soulignement ou plus dans une phrase."
"###;

/// The sample procedure's shared sections, in French.
const PROCEDURE_FR: &str = "---\ntitle: Microneedling\nsummary: De fines aiguilles qui aident la peau à se renouveler.\n---\n\n## À faire\n\n- Lavez-vous doucement avec un nettoyant doux.\n\n## À éviter\n\n- Ne grattez pas la peau qui pèle.\n\n## Risques\n\n- Une infection, qui est rare.\n\n## Quand nous appeler\n\n- **De la fièvre** ou une rougeur qui s’étend.\n";

/// The sample variant, in French.
const VARIANT_FR: &str = "---\ntitle: Microneedling classique\nsummary: À quoi vous attendre du microneedling classique et comment soigner votre peau.\nreviewed: 2026-03-14\nreviewed_by: Dre Essai\n---\n\n## De quoi s’agit-il\n\nUn traitement qui fait de minuscules blessures pour que la peau fabrique du collagène.\n\n## À quoi s’attendre\n\nD’abord une crème anesthésiante.\n\n## Étapes de la guérison\n\n- **Jours 1 à 3 :** une rougeur.\n\n## Questions fréquentes\n\n### Est-ce que ça fait mal ?\n\nLa plupart des gens sentent une pression.\n";

/// The English words the French page and PDF must not show.
const ENGLISH: &[&str] = &[
    "What it is",
    "What to expect",
    "Recovery timeline",
    "When to call us",
    "Wash gently",
    "Reviewed ",
    "Questions?",
    "Call (555)",
];

#[test]
fn a_language_is_a_labels_file_a_line_in_clinic_yaml_and_translations() {
    // The places the table names: the theme's labels file, `languages:`, the `*.fr.md` files.
    let f = Fixture::new();
    f.write("theme/labels/fr.yaml", LABELS_FR);
    f.write(
        "content/clinic.yaml",
        &format!("{CLINIC}languages: [en, fr]\n"),
    );
    f.write("content/microneedling/_procedure.fr.md", PROCEDURE_FR);
    f.write("content/microneedling/classic.fr.md", VARIANT_FR);
    let project = Project::new(BuildOptions {
        theme: Some(f.path("theme")),
        ..options(&f)
    });

    let first = build(&project);
    assert_eq!(first.reused, 0);
    assert!(first.warnings.is_empty(), "{}", first.warnings);
    let page = f.read("output/fr/microneedling/classic/index.html");
    assert!(page.contains("<html lang=\"fr\">"), "{page}");
    assert_in_order(
        &page,
        &[
            ">De quoi s’agit-il</h2>",
            ">À quoi s’attendre</h2>",
            ">Étapes de la guérison</h2>",
            ">À faire</h2>",
            "Lavez-vous doucement",
            ">À éviter</h2>",
            ">Risques</h2>",
            ">Quand nous appeler</h2>",
            ">Questions fréquentes</h2>",
            "Révisé le <time datetime=\"2026-03-14\">14 mars 2026</time> par Dre Essai.",
        ],
    );
    assert!(page.contains("Imprimer ce document"), "{page}");
    assert!(page.contains("lang=\"fr\">Français</span>"), "{page}");
    for english in ENGLISH {
        assert!(
            !page.contains(english),
            "English {english:?} on the French page"
        );
    }
    // The English page links its French version.
    let en = f.read("output/microneedling/classic/index.html");
    assert!(
        en.contains("hreflang=\"fr\" lang=\"fr\">Français</a>"),
        "{en}"
    );

    let pdf = f.path("output/fr/microneedling/classic/microneedling-classic.pdf");
    let text = pdftotext(&pdf);
    for words in [
        "De quoi s’agit-il",
        "À quoi s’attendre",
        "À faire",
        "Lavez-vous doucement",
        "Quand nous appeler",
        "Page 1 sur",
        "Révisé le 14 mars 2026 par Dre Essai",
        "Scannez ou consultez",
        "clinic.example/care/handouts/fr/",
    ] {
        assert!(text.contains(words), "missing {words:?}:\n{text}");
    }
    for english in ENGLISH {
        assert!(
            !text.contains(english),
            "English {english:?} in the PDF:\n{text}"
        );
    }

    // A second build takes the folder, French files and all, from the build cache.
    let files = built(&f.path("output"));
    let second = build(&project);
    assert_eq!(second.reused, 1, "the folder is taken from the memo");
    assert_eq!(built(&f.path("output")), files, "the same output");

    // The preview serves the same bytes.
    let (_, served) = serve(&mut project.preview());
    assert_same("the French site", &files, &served);
}

// ---------------------------------------------------------------------------------------------
// A section kind.

/// The default theme's `sections.yaml` with one more standard section, `what-to-bring`.
fn sections_with_what_to_bring() -> String {
    let default = include_str!("../../themes/default/sections.yaml");
    default.replace(
        "  - key: recovery-timeline\n",
        "  - key: what-to-bring\n    shape: list\n    required: false\n  - key: recovery-timeline\n",
    )
}

/// The English labels' `sections:` with the new section's title and an alias.
const SECTION_LABELS_EN: &str = "sections:\n  what-it-is:\n    title: \"What it is\"\n  before-your-visit:\n    title: \"Before your visit\"\n  what-to-expect:\n    title: \"What to expect\"\n  what-to-bring:\n    title: \"What to bring\"\n    aliases: [\"Bring with you\"]\n  recovery-timeline:\n    title: \"Recovery timeline\"\n  do:\n    title: \"Do\"\n  dont:\n    title: \"Don’t\"\n  risks:\n    title: \"Risks\"\n  when-to-call:\n    title: \"When to call us\"\n  faq:\n    title: \"FAQ\"\n";

/// The Spanish labels' `sections:`, likewise: every labels file titles every section.
const SECTION_LABELS_ES: &str = "sections:\n  what-it-is:\n    title: \"Qué es\"\n  before-your-visit:\n    title: \"Antes de su cita\"\n  what-to-expect:\n    title: \"Qué esperar\"\n  what-to-bring:\n    title: \"Qué traer\"\n  recovery-timeline:\n    title: \"Recuperación\"\n  do:\n    title: \"Haga\"\n  dont:\n    title: \"No haga\"\n  risks:\n    title: \"Riesgos\"\n  when-to-call:\n    title: \"Cuándo llamarnos\"\n  faq:\n    title: \"Preguntas frecuentes\"\n";

#[test]
fn a_section_kind_is_an_entry_in_sections_yaml_and_its_labels() {
    // The places the table names: the theme's `sections.yaml` and the labels' `sections:`.
    let f = Fixture::new();
    f.write("theme/sections.yaml", &sections_with_what_to_bring());
    f.write("theme/labels/en.yaml", SECTION_LABELS_EN);
    f.write("theme/labels/es.yaml", SECTION_LABELS_ES);
    // Written in `_procedure.md` before `## Do`, under its alias: every variant has it, shown
    // where the table puts it (after What to expect), not where the file writes it.
    f.edit(
        "content/microneedling/_procedure.md",
        "## Do\n",
        "## Bring with you\n\n- A wide-brimmed hat.\n- Your sunscreen.\n\n## Do\n",
    );
    let project = Project::new(BuildOptions {
        theme: Some(f.path("theme")),
        ..options(&f)
    });
    let first = build(&project);
    assert!(first.warnings.is_empty(), "{}", first.warnings);
    let page = f.read("output/microneedling/classic/index.html");
    assert_in_order(
        &page,
        &[
            "<li><a href=\"#what-to-expect\">What to expect</a></li>",
            "<li><a href=\"#what-to-bring\">What to bring</a></li>",
            "<li><a href=\"#recovery-timeline\">",
            "id=\"what-to-expect\"",
            "<section id=\"what-to-bring\" class=\"section section-what-to-bring shape-list\"",
            ">What to bring</h2>",
            "<li>A wide-brimmed hat.</li>",
            "id=\"recovery-timeline\"",
        ],
    );
    let text = pdftotext(&f.path("output/microneedling/classic/microneedling-classic.pdf"));
    assert_in_order(
        &text,
        &[
            "What to expect",
            "What to bring",
            "A wide-brimmed hat.",
            "Recovery timeline",
        ],
    );
    // The build cache and the preview know it like any other section.
    let files = built(&f.path("output"));
    let second = build(&project);
    assert_eq!(second.reused, 1, "the folder is taken from the memo");
    assert_eq!(built(&f.path("output")), files, "the same output");
    let (_, served) = serve(&mut project.preview());
    assert_same("the site with a new section kind", &files, &served);
}

// ---------------------------------------------------------------------------------------------
// A per-variant output: a plain-text version of each variant's page, beside it.

/// How many times [`text`] made a file.
static TEXT_MADE: AtomicUsize = AtomicUsize::new(0);

/// Where the plain-text version of a variant's page goes: `…/index.txt` beside its `index.html`.
fn text_path(routes: &Routes, lang: Lang, p: &Slug, v: &Slug, _size: PrintSize) -> String {
    format!("{}index.txt", routes.dir(lang, Page::Variant(p, v)))
}

/// The plain-text version of a variant's page: its procedure, title and summary.
fn text(job: &Job<'_>, p: &Procedure, v: &Variant) -> Result<OutputFile, Diagnostics> {
    TEXT_MADE.fetch_add(1, Ordering::SeqCst);
    let lang = job.edition.lang;
    Ok(OutputFile {
        path: text_path(&job.routes, lang, &p.slug, &v.slug, job.edition.size),
        bytes: format!("{} · {}\n\n{}\n", p.title, v.title, v.summary).into_bytes(),
        pages: None,
    })
}

#[test]
fn a_per_variant_output_is_one_registration() {
    let f = Fixture::new();
    f.write(
        "content/peel/_procedure.md",
        &PROCEDURE.replace("Microneedling", "Peel"),
    );
    f.write(
        "content/peel/light.md",
        &VARIANT.replace("Classic microneedling", "Light peel"),
    );
    let project = Project::new(options(&f)).with_output(Output::per_variant(
        "plain-text pages",
        text,
        text_path,
    ));
    let out = f.path("output");

    let first = build(&project);
    assert_eq!(first.reused, 0);
    assert_eq!(TEXT_MADE.load(Ordering::SeqCst), 2, "one file per variant");
    assert_eq!(
        f.read("output/microneedling/classic/index.txt"),
        "Microneedling · Classic microneedling\n\nWhat to expect from classic microneedling and how to care for your skin.\n"
    );
    assert!(f
        .read("output/peel/light/index.txt")
        .starts_with("Peel · Light peel\n"));

    // An edit of one folder: the other is taken from the memo, its text file with it.
    let files = built(&out);
    f.edit(
        "content/peel/light.md",
        "summary: What to expect",
        "summary: All about",
    );
    let second = build(&project);
    assert_eq!(second.reused, 1, "microneedling is taken from the memo");
    assert_eq!(
        TEXT_MADE.load(Ordering::SeqCst),
        3,
        "only the edited variant's is made"
    );
    let after = built(&out);
    let path = "microneedling/classic/index.txt";
    assert_eq!(after.get(path), files.get(path), "taken, byte for byte");
    assert!(f.read("output/peel/light/index.txt").contains("All about"));

    // The preview serves it, and makes it again when its variant changes.
    let mut preview = project.preview();
    let (_, served) = serve(&mut preview);
    assert_same("with the text files", &after, &served);
    let text = "peel/light/index.txt";
    let edit = ("content/peel/light.md", "All about", "Everything about");
    edit_and_agree(
        &f,
        (&project, &mut preview),
        edit,
        &[(text, true), (path, false)],
    );
    // It reads its procedure too (its title): an edit of the procedure alone makes it again.
    let edit = (
        "content/peel/_procedure.md",
        "title: Peel",
        "title: Chemical peel",
    );
    edit_and_agree(&f, (&project, &mut preview), edit, &[(text, true)]);
    assert!(f
        .read("output/peel/light/index.txt")
        .starts_with("Chemical peel · Light peel\n"));

    // The outputs are part of the build cache's key: without the registration, nothing is taken
    // (the memo's folders list the text files as their own) and the text files are gone.
    let plain = build(&Project::new(options(&f)));
    assert_eq!(plain.reused, 0);
    assert!(!f.path("output/microneedling/classic/index.txt").exists());
}

// ---------------------------------------------------------------------------------------------
// A site-wide output: a text file listing every handout's title.

/// How many times [`titles`] made its file.
static TITLES_MADE: AtomicUsize = AtomicUsize::new(0);

/// `handouts.txt`: every handout of every language, with its title.
fn titles(job: &Job<'_>) -> Result<Vec<OutputFile>, Diagnostics> {
    TITLES_MADE.fetch_add(1, Ordering::SeqCst);
    let mut text = String::new();
    for book in &job.site.books {
        for (p, v) in book.variants() {
            text.push_str(&format!(
                "{} {}/{}: {}\n",
                book.lang, p.slug, v.slug, v.title
            ));
        }
    }
    Ok(vec![OutputFile {
        path: "handouts.txt".to_string(),
        bytes: text.into_bytes(),
        pages: None,
    }])
}

#[test]
fn a_site_wide_output_is_one_registration() {
    let f = Fixture::new();
    let project = Project::new(options(&f)).with_output(Output::site_wide(
        "list of titles",
        titles,
        Reads::Listing,
    ));
    let out = f.path("output");
    let made = || TITLES_MADE.load(Ordering::SeqCst);

    build(&project);
    assert_eq!(made(), 1);
    assert_eq!(
        f.read("output/handouts.txt"),
        "en microneedling/classic: Classic microneedling\n"
    );

    // No edit, then an edit no list shows: put back from the build cache's listings memo.
    let files = built(&out);
    build(&project);
    f.edit(
        "content/microneedling/classic.md",
        "Most people feel pressure",
        "Most feel pressure",
    );
    build(&project);
    assert_eq!(made(), 1, "taken from the listings memo");
    assert_eq!(built(&out).get("handouts.txt"), files.get("handouts.txt"));

    // A title edit: made again.
    f.edit(
        "content/microneedling/classic.md",
        "title: Classic",
        "title: Gentle",
    );
    build(&project);
    assert_eq!(made(), 2);
    assert_eq!(
        f.read("output/handouts.txt"),
        "en microneedling/classic: Gentle microneedling\n"
    );

    // The preview serves it, and makes it again only when a title (a card) changed.
    let mut preview = project.preview();
    let (_, served) = serve(&mut preview);
    assert_same("with the list", &built(&out), &served);
    let file = "handouts.txt";
    let edit = (
        "content/microneedling/classic.md",
        "feel pressure",
        "feel a pressure",
    );
    edit_and_agree(&f, (&project, &mut preview), edit, &[(file, false)]);
    let edit = (
        "content/microneedling/classic.md",
        "title: Gentle",
        "title: Classic",
    );
    let served = edit_and_agree(&f, (&project, &mut preview), edit, &[(file, true)]);
    assert_eq!(
        served["handouts.txt"],
        b"en microneedling/classic: Classic microneedling\n"
    );
}
