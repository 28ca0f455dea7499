//! The HTTP side, on tiny_http: the current snapshot's files from memory, and the event stream.
//! Only paths of the build are served; anything else, `..` in any spelling included, is a 404.

use super::events::{self, Listeners};
use super::inject::{self, Additions, EVENTS};
use super::snapshot::Snapshot;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tiny_http::{Header, Method, Request, Response};

/// What the HTTP threads share with the rebuild thread: the snapshot to serve, and the pages to
/// tell when it changes.
pub(crate) struct Live {
    snapshot: Mutex<Arc<Snapshot>>,
    listeners: Listeners,
    /// Tells this run's versions from an earlier run's, for pages left open across a restart.
    session: u32,
}

impl Live {
    /// Serving `snapshot`.
    pub(crate) fn new(snapshot: Arc<Snapshot>) -> Live {
        Live {
            snapshot: Mutex::new(snapshot),
            listeners: Listeners::default(),
            session: std::process::id(),
        }
    }

    fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.lock() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Serves `snapshot` from now on, and tells every open page.
    pub(crate) fn publish(&self, snapshot: Arc<Snapshot>) {
        let version = self.version(&snapshot);
        let previous = match self.snapshot.lock() {
            Ok(mut s) => std::mem::replace(&mut *s, snapshot),
            Err(poisoned) => std::mem::replace(&mut *poisoned.into_inner(), snapshot),
        };
        self.listeners.send(&version);
        // Freeing a large site takes milliseconds: only once the pages are told.
        drop(previous);
    }

    fn version(&self, snapshot: &Snapshot) -> String {
        format!("{}-{}", self.session, snapshot.version())
    }
}

/// Answers requests, each on its own thread, until `stopping` is set and the server unblocked.
pub(crate) fn serve(server: &tiny_http::Server, live: &Arc<Live>, stopping: &AtomicBool) {
    loop {
        match server.recv() {
            Ok(request) => {
                let live = Arc::clone(live);
                std::thread::spawn(move || answer(request, &live));
            }
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            // One connection failed; the next may be fine.
            Err(_) => {}
        }
    }
}

fn answer(request: Request, live: &Live) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text(405, "Only GET and HEAD are answered here."));
        return;
    }
    let url = request.url().to_string();
    if url.split('?').next() == Some(EVENTS) {
        // Listen before reading the version, so a rebuild in between is not missed.
        let versions = live.listeners.subscribe();
        let current = live.version(&live.current());
        events::stream(request.into_writer(), &current, &versions);
        return;
    }
    let snapshot = live.current();
    let version = live.version(&snapshot);
    let _ = request.respond(respond(&snapshot, &url, &version));
}

/// The response to a GET of `url` from `snapshot`, whose version is `version`.
fn respond(snapshot: &Snapshot, url: &str, version: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(path) = resolve(url) else {
        return not_found(snapshot, version);
    };
    match snapshot.file(&path) {
        Some(Ok(bytes)) => {
            let kind = content_type(&path);
            let body = if path == NOT_FOUND {
                inject::page(
                    &local(snapshot, &bytes),
                    &additions(snapshot, version, None),
                )
            } else if kind.starts_with("text/html") {
                let handout = snapshot.handout_of(&path);
                inject::page(&bytes, &additions(snapshot, version, handout.as_deref()))
            } else {
                bytes.to_vec()
            };
            with_headers(Response::from_data(body), kind)
        }
        Some(Err(problems)) => {
            let text = super::preview::problem_text(&problems, true);
            eprintln!("{path} could not be made:\n{text}");
            let body = inject::own_page(
                "This file could not be made",
                &text,
                &additions(snapshot, version, None),
            );
            with_headers(Response::from_data(body), HTML).with_status_code(500)
        }
        None if snapshot.file(&format!("{path}/index.html")).is_some() => {
            // A page's folder without its final `/`: its relative links need the `/`.
            let to = format!("/{path}/");
            let moved = with_headers(Response::from_data(Vec::new()), HTML).with_status_code(301);
            with_header(moved, "Location", &to)
        }
        None if snapshot.paths().is_empty() && path.ends_with(".html") => {
            let body = inject::own_page(
                "The preview is not ready",
                "The content has problems (shown above); the site appears when they are fixed.",
                &additions(snapshot, version, None),
            );
            with_headers(Response::from_data(body), HTML).with_status_code(503)
        }
        None => not_found(snapshot, version),
    }
}

/// What the preview adds to a page served from `snapshot`.
fn additions<'a>(
    snapshot: &'a Snapshot,
    version: &'a str,
    handout: Option<&'a str>,
) -> Additions<'a> {
    Additions {
        version,
        problems: snapshot.problems(),
        handout,
    }
}

/// The build's own page-not-found page (`404.html`, as a web server shows it), else a plain one.
fn not_found(snapshot: &Snapshot, version: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let add = additions(snapshot, version, None);
    let body = match snapshot.file(NOT_FOUND) {
        Some(Ok(page)) => inject::page(&local(snapshot, &page), &add),
        _ => inject::own_page("Not found", "There is no page at this address.", &add),
    };
    with_headers(Response::from_data(body), HTML).with_status_code(404)
}

/// The page-not-found page as the preview shows it: its links start with the site's base URL
/// (it is shown at any depth), which here is the preview's own root, so they stay in the preview.
fn local(snapshot: &Snapshot, page: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(page);
    match snapshot.base_url() {
        Some(base) => html.replace(base, "/").into_bytes(),
        None => page.to_vec(),
    }
}

/// The page a web server shows at an address the site does not have.
const NOT_FOUND: &str = "404.html";

/// The path inside the build that `url` names (`index.html` for a folder), or `None` for anything
/// that could reach outside it: `..` (also as `%2e%2e` or `..%2f`), backslashes, empty segments
/// (`//etc/passwd`), NUL, or a target that is not an absolute path.
pub(crate) fn resolve(url: &str) -> Option<String> {
    let raw = url.split(['?', '#']).next()?;
    let decoded = percent_decode(raw)?;
    let rest = decoded.strip_prefix('/')?;
    if rest.contains(['\\', '\0']) {
        return None;
    }
    let folder = rest.is_empty() || rest.ends_with('/');
    let mut path = rest.strip_suffix('/').unwrap_or(rest).to_string();
    if !path.is_empty()
        && path
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return None;
    }
    if folder {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

const HTML: &str = "text/html; charset=utf-8";

/// The `Content-Type` of a file of the build, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" => HTML,
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "woff2" => "font/woff2",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn with_header<R: std::io::Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        // tiny_http refuses only non-ASCII, and every name and value here is ASCII.
        Err(()) => response,
    }
}

/// The preview's files change with every save: none may be cached.
fn with_headers<R: std::io::Read>(response: Response<R>, kind: &str) -> Response<R> {
    let response = with_header(response, "Content-Type", kind);
    let response = with_header(response, "Cache-Control", "no-store");
    with_header(response, "X-Content-Type-Options", "nosniff")
}

fn text(status: u16, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    with_headers(Response::from_string(message), "text/plain; charset=utf-8")
        .with_status_code(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_build_resolve() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/a/").as_deref(), Some("a/index.html"));
        assert_eq!(
            resolve("/a/%69ndex.html?v=3").as_deref(),
            Some("a/index.html")
        );
        assert_eq!(resolve("/style.css").as_deref(), Some("style.css"));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/x",
            "/..%2fx",
            "/a/%2E%2E/%2e%2e/x",
            "\\x",
            "/\\x",
            "/a%5cb",
            "//etc/passwd",
            "/a//b",
            "/./a",
            "/%00",
            "/%zz",
            "x",
            "http://example.com/",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        for (path, kind) in [
            ("index.html", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("favicon.svg", "image/svg+xml"),
            ("a/b.pdf", "application/pdf"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("data.json", "application/json"),
            ("font.woff2", "font/woff2"),
            ("a.PNG", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.jpeg", "image/jpeg"),
            ("a", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), kind, "{path}");
        }
    }
}
