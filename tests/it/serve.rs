//! The live preview: it serves the build's files from memory, renders again exactly what an edit
//! affects, tells open pages by server-sent events, and shows problems in the page until fixed.

use crate::common;
use common::Fixture;
use handouts::model::Date;
use handouts::serve::{Preview, Rebuild};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for anything the preview should do: far more than it needs, so a busy
/// machine makes a test slower, never flaky.
const PATIENCE: Duration = Duration::from_secs(20);

fn today() -> Date {
    Date::parse("2026-11-01").unwrap()
}

const PRP: &str = "---\ntitle: Microneedling with PRP\nsummary: Microneedling with platelet-rich plasma.\nreviewed: 2026-03-14\nreviewed_by: Dr. Test Reviewer\n---\n\n## What it is\n\nMicroneedling with plasma from your own blood.\n\n## What to expect\n\nA blood draw, then needling.\n\n## Recovery timeline\n\n- **Days 1–3:** redness.\n\n## FAQ\n\n### Is it safe?\n\nYes, the plasma is your own.\n";

const PROCEDURE_ES: &str = "---\ntitle: Microagujas\nsummary: Agujas diminutas que renuevan la piel.\n---\n\n## Haga\n\n- Use protector solar.\n\n## No haga\n\n- No se rasque.\n\n## Riesgos\n\n- Infección, que es rara.\n\n## Cuándo llamarnos\n\n- **Fiebre** o enrojecimiento.\n";

const CLASSIC_ES: &str = "---\ntitle: Microagujas clásicas\nsummary: Qué esperar de las microagujas clásicas.\nreviewed: 2026-03-14\nreviewed_by: Dra. Prueba\n---\n\n## Qué es\n\nUn tratamiento que crea colágeno.\n\n## Qué esperar\n\nCrema anestésica y luego agujas.\n\n## Recuperación\n\n- **Días 1–3:** enrojecimiento.\n\n## Preguntas frecuentes\n\n### ¿Duele?\n\nPoco.\n";

/// Two variants in English, one of them in Spanish too.
fn bilingual() -> Fixture {
    let f = Fixture::new();
    f.write("content/microneedling/prp.md", PRP);
    f.edit("content/clinic.yaml", "site:", "languages: [en, es]\nsite:");
    f.write("content/microneedling/_procedure.es.md", PROCEDURE_ES);
    f.write("content/microneedling/classic.es.md", CLASSIC_ES);
    f
}

/// Rebuilds and checks that exactly `expected` was rendered, and that everything served is what
/// a full build makes, byte for byte.
fn rebuild(preview: &mut Preview, f: &Fixture, expected: &[impl AsRef<str>]) -> Rebuild {
    let r = preview.rebuild();
    // As the preview does between saves: the next rebuild takes these copies of the model.
    preview.prepare();
    assert!(
        r.problems.is_none(),
        "{:?}",
        r.problems.map(|p| p.to_string())
    );
    let expected: Vec<&str> = expected.iter().map(AsRef::as_ref).collect();
    assert_eq!(r.rendered, expected, "rendered");
    assert_same_as_build(preview, f);
    r
}

fn assert_same_as_build(preview: &Preview, f: &Fixture) {
    let theme = f.path("theme");
    let theme = theme.is_dir().then_some(theme.as_path());
    let (site, theme, _) = handouts::check(&f.path("content"), theme, today()).unwrap();
    let built: BTreeMap<String, Vec<u8>> = handouts::render::render_all(&site, &theme)
        .unwrap()
        .into_iter()
        .map(|o| (o.path, o.bytes))
        .collect();
    let snapshot = preview.snapshot();
    assert_eq!(
        snapshot.paths(),
        built.keys().map(String::as_str).collect::<Vec<_>>()
    );
    for (path, bytes) in &built {
        let served = snapshot.file(path).unwrap().unwrap();
        assert!(served[..] == bytes[..], "{path} differs from the build's");
    }
}

/// The paths of the site's shared files (the sitemap and the theme's hashed static files), made
/// as one whole output: made again together when a page or a review date changes.
fn site_files(theme: Option<&std::path::Path>) -> Vec<String> {
    let theme = handouts::theme::Theme::load(theme).unwrap();
    let mut paths: Vec<String> = theme.assets.iter().map(|a| a.path.clone()).collect();
    paths.push("sitemap.xml".into());
    paths
}

/// `expected`, and `more`, sorted: what a rebuild renders.
fn sorted(expected: &[&str], more: &[String]) -> Vec<String> {
    let mut all: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    all.extend(more.iter().cloned());
    all.sort();
    all
}

/// A served text file, as a string.
fn text_of(preview: &Preview, path: &str) -> String {
    let bytes = preview.snapshot().file(path).unwrap().unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Asserts that each file at `paths` shows `text`.
fn all_show(preview: &Preview, paths: &[&str], text: &str) {
    for path in paths {
        assert!(
            text_of(preview, path).contains(text),
            "{path} lacks {text:?}"
        );
    }
}

#[test]
fn an_edit_renders_exactly_the_outputs_it_affects() {
    let f = bilingual();
    let mut preview = Preview::new(&f.path("content"), None, today());
    let first = preview.rebuild();
    assert!(first.everything && first.changed, "{}", first.summary());
    // A small site is made whole at once: 7 pages (English: index, procedure, 2 variants;
    // Spanish: index, procedure, 1 variant), 6 PDFs (3 handouts, regular and large print), the
    // feed, the catalog, the 404 page, the print station in each language, the sitemap and the
    // theme's files.
    let shared = site_files(None);
    assert_eq!(
        first.rendered.len(),
        7 + 6 + 5 + shared.len(),
        "{:?}",
        first.rendered
    );
    assert_eq!(first.deferred, 0);
    assert_eq!(first.rendered, preview.snapshot().paths());
    assert!(
        shared
            .iter()
            .any(|p| p.starts_with("style.") && p.ends_with(".css") && p != "style.css"),
        "hashed: {shared:?}"
    );
    assert_same_as_build(&preview, &f);

    // The body of a variant: its page, its two PDFs, and the print station in each language
    // (which lists their page counts).
    let classic = [
        "es/print/index.html",
        "microneedling/classic/index.html",
        "microneedling/classic/microneedling-classic-large.pdf",
        "microneedling/classic/microneedling-classic.pdf",
        "print/index.html",
    ];
    f.edit(
        "content/microneedling/classic.md",
        "about 15 minutes",
        "about 20 minutes",
    );
    rebuild(&mut preview, &f, &classic);
    // Its title shows in the listings too: the procedure page, its language's index, the feed
    // and the catalog.
    f.edit(
        "content/microneedling/classic.md",
        "title: Classic microneedling",
        "title: Classic micro-needling",
    );
    let listed = [
        "feed.xml",
        "handouts.json",
        "index.html",
        "microneedling/index.html",
    ];
    rebuild(&mut preview, &f, &sorted(&classic, &sorted(&listed, &[])));
    all_show(
        &preview,
        &["feed.xml", "handouts.json", "print/index.html"],
        "Classic micro-needling",
    );
    // Its review date is in the sitemap as well, made with the other shared files.
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-03-15",
    );
    let dated = sorted(&classic, &sorted(&listed, &shared));
    rebuild(&mut preview, &f, &dated);
    all_show(
        &preview,
        &["feed.xml", "handouts.json", "sitemap.xml"],
        "2026-03-15",
    );
    // A section every English variant inherits from `_procedure.md`: both, and nothing else.
    f.edit(
        "content/microneedling/_procedure.md",
        "Infection, which is rare.",
        "Infection, which is very rare.",
    );
    rebuild(
        &mut preview,
        &f,
        &[
            "es/print/index.html",
            "microneedling/classic/index.html",
            "microneedling/classic/microneedling-classic-large.pdf",
            "microneedling/classic/microneedling-classic.pdf",
            "microneedling/prp/index.html",
            "microneedling/prp/microneedling-prp-large.pdf",
            "microneedling/prp/microneedling-prp.pdf",
            "print/index.html",
        ],
    );
    // The Spanish translation: the Spanish page and PDFs only.
    f.edit(
        "content/microneedling/classic.es.md",
        "Crema anestésica",
        "Gel anestésico",
    );
    rebuild(
        &mut preview,
        &f,
        &[
            "es/microneedling/classic/index.html",
            "es/microneedling/classic/microneedling-classic-large.pdf",
            "es/microneedling/classic/microneedling-classic.pdf",
            "es/print/index.html",
            "print/index.html",
        ],
    );
    // A new translation: its pages, the English page that now links to it, the summaries.
    f.write(
        "content/microneedling/prp.es.md",
        &CLASSIC_ES.replace("Microagujas clásicas", "Microagujas con PRP"),
    );
    let translated = [
        "es/index.html",
        "es/microneedling/index.html",
        "es/microneedling/prp/index.html",
        "es/microneedling/prp/microneedling-prp-large.pdf",
        "es/microneedling/prp/microneedling-prp.pdf",
        "feed.xml",
        "handouts.json",
        "microneedling/prp/index.html",
        "es/print/index.html",
        "print/index.html",
    ];
    let r = rebuild(&mut preview, &f, &sorted(&translated, &shared));
    assert!(r.removed.is_empty());
    assert!(text_of(&preview, "print/index.html").contains("Microagujas con PRP"));
    // A deleted variant: its files go, the listings and the summaries change.
    std::fs::remove_file(f.path("content/microneedling/prp.es.md")).unwrap();
    let r = rebuild(
        &mut preview,
        &f,
        &sorted(
            &[
                "es/index.html",
                "es/microneedling/index.html",
                "feed.xml",
                "handouts.json",
                "microneedling/prp/index.html",
                "es/print/index.html",
                "print/index.html",
            ],
            &shared,
        ),
    );
    assert_eq!(
        r.removed,
        [
            "es/microneedling/prp/index.html",
            "es/microneedling/prp/microneedling-prp-large.pdf",
            "es/microneedling/prp/microneedling-prp.pdf",
        ]
    );
    // A save that changes nothing the reader sees: nothing, and no reload.
    f.edit("content/microneedling/prp.md", "\n## FAQ", "\n\n## FAQ");
    let r = rebuild(&mut preview, &f, &[] as &[&str]);
    assert!(!r.changed, "{}", r.summary());
    // clinic.yaml: everything.
    f.edit("content/clinic.yaml", "Test Clinic", "Test Skin Clinic");
    let r = rebuild(&mut preview, &f, &first.rendered);
    assert!(r.everything);
}

#[test]
fn a_theme_edit_renders_everything_and_many_pdfs_wait_until_asked_for() {
    let f = Fixture::new();
    for i in 0..13 {
        f.write(
            &format!("content/microneedling/v{i}.md"),
            &PRP.replace("Microneedling with PRP", &format!("Variant {i}")),
        );
    }
    f.write("theme/static/style.css", "body { color: black }\n");
    let mut preview = Preview::new(&f.path("content"), Some(&f.path("theme")), today());
    let first = preview.rebuild();
    // 14 handouts, 28 PDFs: more than are rendered before the preview is ready. The first of each
    // size is, to report a broken print template at once; the print station, which lists every
    // PDF's page count, waits with them.
    assert_eq!(first.deferred, 26 + 1, "{}", first.summary());
    let snapshot = preview.snapshot();
    let pdf = "microneedling/v7/microneedling-v7.pdf";
    let large = "microneedling/v8/microneedling-v8-large.pdf";
    assert_eq!(snapshot.is_made(pdf), Some(false));
    assert!(snapshot.file(pdf).unwrap().unwrap().starts_with(b"%PDF"));
    assert_eq!(snapshot.is_made(pdf), Some(true));
    assert_eq!(snapshot.is_made(large), Some(false));
    assert_eq!(snapshot.is_made("print/index.html"), Some(false));
    // Asking for the print station makes every PDF it lists.
    assert!(snapshot.file("print/index.html").unwrap().is_ok());
    assert_eq!(snapshot.is_made(large), Some(true));
    assert_same_as_build(&preview, &f);

    f.write("theme/static/style.css", "body { color: navy }\n");
    let r = preview.rebuild();
    let style = preview
        .snapshot()
        .paths()
        .into_iter()
        .find(|p| p.starts_with("style.") && p.ends_with(".css"))
        .unwrap()
        .to_string();
    assert!(
        r.everything && r.rendered.contains(&style),
        "{:?}",
        r.rendered
    );
    assert_eq!(r.deferred, 27);
    assert_eq!(
        &preview.snapshot().file(&style).unwrap().unwrap()[..],
        b"body { color: navy }\n"
    );
    assert_same_as_build(&preview, &f);
}

#[test]
fn a_problem_keeps_the_last_good_files_and_is_shown_until_fixed() {
    let f = Fixture::new();
    let mut preview = Preview::new(&f.path("content"), None, today());
    preview.rebuild();
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-13-14",
    );
    let r = preview.rebuild();
    assert!(r.changed && r.rendered.is_empty());
    let snapshot = preview.snapshot();
    let problems = snapshot.problems().unwrap();
    assert!(problems.contains("content/microneedling/classic.md:4:11: `2026-13-14` is not a real date: there is no month 13.\n 4 | reviewed: 2026-13-14\n"), "{problems}");
    assert!(snapshot.file("microneedling/classic/index.html").is_some());
    // The same problem again: nothing new to show.
    assert!(!preview.rebuild().changed);
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-13-14",
        "reviewed: 2026-03-14",
    );
    let r = preview.rebuild();
    assert!(r.changed && r.fixed, "{}", r.summary());
    assert_eq!(preview.snapshot().problems(), None);
}

/// `handouts serve` running on a free port, stopped when dropped.
struct Served {
    child: Child,
    port: u16,
    stdout: Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Served {
    fn start(f: &Fixture) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handouts"))
            .args(["serve", "--port", "0"])
            .current_dir(f.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, stdout) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let (err, sink) = (child.stderr.take().unwrap(), Arc::clone(&stderr));
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        let mut served = Served {
            child,
            port: 0,
            stdout,
            stderr,
        };
        let line = served.line_with("http://127.0.0.1:");
        served.port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap();
        served
    }

    /// The next line of standard output that contains `needle`.
    fn line_with(&self, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(e) => panic!("no line with {needle:?} on stdout: {e}"),
            }
        }
    }

    /// The raw response to `GET target`, status line and headers included.
    fn get(&self, target: &str) -> String {
        String::from_utf8_lossy(&self.get_bytes(target)).into_owned()
    }

    fn get_bytes(&self, target: &str) -> Vec<u8> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        out
    }

    /// Listens for rebuilds, as an open page does.
    fn events(&self) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            s,
            "GET /__handouts/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events {
            lines: BufReader::new(s),
        };
        let head = events.line();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        events
    }

    /// Stops it as Ctrl+C does; its exit code.
    fn interrupt(&mut self) -> Option<i32> {
        let pid = self.child.id().to_string();
        let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
        assert!(killed.success());
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the preview did not stop on Ctrl+C");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream.
struct Events {
    lines: BufReader<TcpStream>,
}

impl Events {
    fn line(&mut self) -> String {
        let mut line = String::new();
        self.lines.read_line(&mut line).unwrap();
        line.trim_end().to_string()
    }

    /// The data of the next event (the read times out after [`PATIENCE`]).
    fn next(&mut self) -> String {
        loop {
            let line = self.line();
            if let Some(data) = line.strip_prefix("data: ") {
                return data.to_string();
            }
            assert!(!line.starts_with("HTTP/") || line.is_empty(), "{line}");
        }
    }
}

/// Saves an edit the way many editors do, as a new file renamed over the old one, so the preview
/// never sees it half written.
fn save(f: &Fixture, rel: &str, from: &str, to: &str) {
    let text = f.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    let temp = f.path(&format!("content/.{}.tmp", rel.replace('/', "-")));
    std::fs::write(&temp, text.replacen(from, to, 1)).unwrap();
    std::fs::rename(&temp, f.path(rel)).unwrap();
}

/// Waits for rebuilds until `done` holds for the page at `target`; the page and its version.
fn page_after_rebuilds(
    served: &Served,
    events: &mut Events,
    target: &str,
    done: impl Fn(&str) -> bool,
) -> (String, String) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let version = events.next();
        let page = served.get(target);
        if done(&page) {
            return (page, version);
        }
        assert!(Instant::now() < deadline, "the page never changed:\n{page}");
    }
}

fn body(response: &str) -> &str {
    response.split_once("\r\n\r\n").map_or("", |(_, b)| b)
}

#[test]
fn a_save_is_announced_to_open_pages_and_its_error_shown_in_them_until_fixed() {
    let f = Fixture::new();
    let served = Served::start(&f);
    let page = served.get("/microneedling/classic/");
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("Classic microneedling") && page.contains("new EventSource("));
    let mut events = served.events();
    let first = events.next();
    assert!(page.contains(&format!("var v=\"{first}\"")), "{page}");

    // An error, with markup in it: the page shows the terminal's message, escaped.
    let rel = "content/microneedling/classic.md";
    save(
        &f,
        rel,
        "A treatment that",
        "A <script>alert(1)</script> treatment that",
    );
    let (page, second) =
        page_after_rebuilds(&served, &mut events, "/microneedling/classic/", |p| {
            p.contains("role=\"alert\"")
        });
    assert_ne!(second, first);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"), "{page}");
    let terminal = wait_for(|| {
        let s = served.stderr.lock().unwrap().clone();
        s.contains("until they are fixed.").then_some(s)
    });
    let start = terminal.find(rel).unwrap();
    let end = start + terminal[start..].find("until they are fixed.").unwrap();
    let shown = &terminal[start..end];
    assert!(shown.starts_with(&format!("{rel}:12:3: ")), "{shown}");
    let escaped = shown
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;");
    assert!(
        page.contains(&escaped),
        "not the terminal's\n{shown}\n\n{page}"
    );

    // The next good save: the message goes.
    save(
        &f,
        rel,
        "A <script>alert(1)</script> treatment that",
        "A treatment that",
    );
    let (page, third) = page_after_rebuilds(&served, &mut events, "/microneedling/classic/", |p| {
        !p.contains("role=\"alert\"")
    });
    assert!(page.contains(&format!("var v=\"{third}\"")), "{page}");
}

/// Waits for `found` to give something.
fn wait_for<T>(found: impl Fn() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(t) = found() {
            return t;
        }
        assert!(Instant::now() < deadline, "gave up waiting");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_variant_page_links_its_fresh_pdf() {
    let f = Fixture::new();
    let served = Served::start(&f);
    let mut events = served.events();
    let version = events.next();
    let page = served.get("/microneedling/classic/");
    assert!(page.contains("open the printed handout (PDF)"), "{page}");
    let pdf = "/microneedling/classic/microneedling-classic.pdf";
    let before = served.get_bytes(&format!("{pdf}?v={version}"));
    save(
        &f,
        "content/microneedling/classic.md",
        "about 15 minutes",
        "about 25 minutes",
    );
    let link = |v: &str| format!("{pdf}?v={v}\"");
    assert!(page.contains(&link(&version)), "{page}");
    let (_, after_version) =
        page_after_rebuilds(&served, &mut events, "/microneedling/classic/", |p| {
            !p.contains(&link(&version))
        });
    let page = served.get("/microneedling/classic/");
    assert!(page.contains(&link(&after_version)), "{page}");
    let after = served.get_bytes(pdf);
    let head = String::from_utf8_lossy(&after[..after.len().min(400)]).into_owned();
    assert!(head.contains("Content-Type: application/pdf"), "{head}");
    assert!(head.contains("Cache-Control: no-store"), "{head}");
    assert_ne!(before, after, "the PDF was not made again");
}

#[test]
fn only_the_builds_files_are_served_with_their_types() {
    let f = Fixture::new();
    let served = Served::start(&f);
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/x",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2fx",
        "/..%2F..%2Fetc%2Fpasswd",
        "\\x",
        "/\\x",
        "/%5c..%5cx",
        "//etc/passwd",
        "/etc/passwd",
        "/microneedling/../../x",
        "/microneedling/%2e%2e/%2e%2e/Cargo.toml",
        "/%2Fetc%2Fpasswd",
        "/C:%5CWindows%5Cwin.ini",
        "/C:/Windows/win.ini",
        "http://localhost/../Cargo.toml",
        "/content/clinic.yaml",
    ] {
        let response = served.get(target);
        assert!(response.starts_with("HTTP/1.1 404"), "{target}: {response}");
    }
    for (target, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/microneedling/classic/", "text/html; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        (
            "/microneedling/classic/microneedling-classic.pdf",
            "application/pdf",
        ),
    ] {
        let response = served.get(target);
        assert!(response.starts_with("HTTP/1.1 200"), "{target}: {response}");
        assert!(
            response.contains(&format!("Content-Type: {kind}\r\n")),
            "{target}: {response}"
        );
        assert!(response.contains("Cache-Control: no-store\r\n"), "{target}");
    }
    let moved = served.get("/microneedling/classic");
    assert!(moved.starts_with("HTTP/1.1 301"), "{moved}");
    assert!(
        moved.contains("Location: /microneedling/classic/\r\n"),
        "{moved}"
    );
    // Only pages get the script; nothing is written next to the content.
    assert!(!body(&served.get("/sitemap.xml")).contains("EventSource"));
    // Theme files are published under hashed names only, as the build writes them.
    assert!(served.get("/style.css").starts_with("HTTP/1.1 404"));
    assert!(!f.path("output").exists());
}

#[test]
fn ctrl_c_stops_the_preview_cleanly() {
    let f = Fixture::new();
    let mut served = Served::start(&f);
    assert_eq!(served.interrupt(), Some(0));
    served.line_with("Stopped the preview.");
}

#[test]
fn a_port_in_use_is_a_usage_error() {
    let f = Fixture::new();
    let served = Served::start(&f);
    let port = served.port.to_string();
    let out = f.run(&["serve", "--port", &port]);
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(
        out.stderr.starts_with(&format!(
            "error: the preview could not listen on 127.0.0.1:{port}: "
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn everything_the_build_writes_is_served_in_every_language() {
    let f = bilingual();
    let served = Served::start(&f);
    let page = served.get("/es/microneedling/classic/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains("lang=\"es\"") && page.contains("Microagujas clásicas"),
        "{page}"
    );
    // The stylesheet has the hashed name the page links to.
    let css = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.ends_with(".css"))
        .unwrap();
    let name = css.rsplit('/').next().unwrap();
    assert!(name.starts_with("style.") && name != "style.css", "{css}");
    let style = served.get(&format!("/{name}"));
    assert!(style.starts_with("HTTP/1.1 200"), "{style}");
    assert!(style.contains("Content-Type: text/css; charset=utf-8\r\n"));
    for (target, kind, text) in [
        (
            "/es/microneedling/classic/microneedling-classic-large.pdf",
            "application/pdf",
            "%PDF",
        ),
        (
            "/microneedling/prp/microneedling-prp-large.pdf",
            "application/pdf",
            "%PDF",
        ),
        (
            "/feed.xml",
            "application/xml; charset=utf-8",
            "Microagujas clásicas",
        ),
        ("/handouts.json", "application/json", "\"language\": \"es\""),
        (
            "/print/",
            "text/html; charset=utf-8",
            "microneedling-prp-large.pdf",
        ),
        ("/404.html", "text/html; charset=utf-8", "Page not found"),
    ] {
        let response = served.get(target);
        assert!(response.starts_with("HTTP/1.1 200"), "{target}: {response}");
        assert!(
            response.contains(&format!("Content-Type: {kind}\r\n")),
            "{target}: {response}"
        );
        assert!(body(&response).contains(text), "{target}: {response}");
    }
    // An address the site does not have: the build's own 404 page, which reloads too.
    let missing = served.get("/microneedling/no-such-handout/");
    assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
    assert!(
        missing.contains("Page not found") && missing.contains("new EventSource("),
        "{missing}"
    );
}

#[test]
fn the_built_site_has_no_reload_script() {
    let f = bilingual();
    let out = f.run(&["build"]);
    assert_eq!(out.code, Some(0), "{out:?}");
    let pages = common::snapshot(&f.path("output"));
    for path in [
        "es/microneedling/classic/index.html",
        "print/index.html",
        "404.html",
    ] {
        assert!(pages.iter().any(|(p, _)| p == path), "{path}");
    }
    for (path, bytes) in pages {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__handouts") && !text.contains("EventSource"),
            "{path}"
        );
    }
}

#[test]
fn the_preview_shows_its_not_found_page_with_links_into_the_preview() {
    let f = Fixture::new();
    let served = Served::start(&f);
    for target in ["/no-such-page/", "/404.html"] {
        let page = served.get(target);
        // Built, the page links the live site; in the preview, the preview's own root.
        assert!(
            page.contains("<a href=\"/\">See all handouts</a>"),
            "{target}: {page}"
        );
        assert!(
            page.contains("src: url(/fonts/atkinson-hyperlegible-regular."),
            "{target}: {page}"
        );
        assert!(
            !page.contains("https://clinic.example/"),
            "{target}: {page}"
        );
    }
    // Other pages are served as built.
    let page = served.get("/microneedling/classic/");
    assert!(
        page.contains("https://clinic.example/care/handouts/microneedling/classic/"),
        "{page}"
    );
}

#[test]
fn the_preview_badge_floats_only_beside_the_column_and_is_docked_on_a_phone() {
    let f = Fixture::new();
    let served = Served::start(&f);
    let page = served.get("/microneedling/classic/");
    // By default (a phone, a narrow window) the badge is a block after the footer: it covers
    // nothing. It floats in the corner only where the window leaves room beside the 48rem column.
    common::assert_in_order(
        &page,
        &[
            "<footer class=\"site-footer\">",
            "<style>.handouts-preview-badge{display:block;margin:1rem;",
            "@media (min-width:76rem){.handouts-preview-badge{position:fixed;right:1rem;bottom:1rem;z-index:100;margin:0;max-width:calc((100vw - 48rem) / 2 - 2rem)}}</style>",
            "<p class=\"handouts-preview-badge\">Preview: <a href=\"/microneedling/classic/microneedling-classic.pdf?v=",
        ],
    );
    assert!(!page.contains("style=\"position:fixed"), "{page}");
}
