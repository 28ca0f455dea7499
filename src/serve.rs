//! `handouts serve`: a local preview that rebuilds when a content or theme file changes and
//! reloads the browser, so an editor sees each save within a second.
//!
//! The pipeline is simply run again from scratch on every change (a sample builds in tens of
//! milliseconds). Changes are found by polling modification times, which works on every file
//! system, network shares included. Pages are served from a private folder, never `output/`.

use crate::diag::Diagnostics;
use crate::render::inline::escape;
use crate::BuildOptions;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How often the content is looked at for changes.
const POLL: Duration = Duration::from_millis(300);

/// The script added to previewed pages (never to built output): it asks for the build number
/// and reloads the page when it changes.
const RELOAD_SCRIPT: &str = "<script>(function(){var v=null;setInterval(function(){fetch('/__handouts/version').then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},500)})()</script>";

/// The state shared between the watcher and the HTTP handlers.
struct State {
    /// Incremented on every rebuild.
    version: u64,
    /// The problems of the last build, if it failed.
    errors: Option<String>,
}

/// Serves a live preview of `options.content` on `127.0.0.1:port` until the process is stopped.
pub fn run(options: BuildOptions, port: u16) -> std::io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let site_dir = options.out.clone();
    let state = Arc::new(Mutex::new(State {
        version: 0,
        errors: None,
    }));
    // Fingerprint before the first build and before announcing the address, so an edit made the
    // moment the address appears is seen as a change.
    let first = fingerprint(&options);
    rebuild(&options, &state);
    // Port 0 lets the system choose; the message names the port actually used.
    let port = listener.local_addr().map_or(port, |a| a.port());
    println!(
        "Previewing {} at http://127.0.0.1:{port}/ (Ctrl+C to stop).",
        options.content.display()
    );
    let _ = std::io::stdout().flush();
    let watcher_state = Arc::clone(&state);
    std::thread::spawn(move || watch(options, first, watcher_state));
    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        let site_dir = site_dir.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &site_dir, &state);
        });
    }
    Ok(())
}

fn watch(options: BuildOptions, mut last: Vec<Stamp>, state: Arc<Mutex<State>>) {
    loop {
        std::thread::sleep(POLL);
        let now = fingerprint(&options);
        if now != last {
            last = now;
            rebuild(&options, &state);
        }
    }
}

/// One watched file's path, size and modification time.
type Stamp = (PathBuf, u64, Option<SystemTime>);

/// Every watched file's stamp, sorted.
fn fingerprint(options: &BuildOptions) -> Vec<Stamp> {
    let roots = std::iter::once(&options.content).chain(options.theme.as_ref());
    let mut files: Vec<Stamp> = roots
        .flat_map(|root| walkdir::WalkDir::new(root).into_iter().flatten())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.path().to_path_buf(), meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files
}

fn rebuild(options: &BuildOptions, state: &Mutex<State>) {
    let result = crate::build(options);
    let Ok(mut s) = state.lock() else { return };
    s.version += 1;
    match result {
        Ok(report) => {
            s.errors = None;
            println!("Rebuilt {} handouts.", report.variants);
        }
        Err(diags) => {
            eprint!("{diags}");
            s.errors = Some(error_text(&diags));
        }
    }
}

fn error_text(diags: &Diagnostics) -> String {
    let n = diags.error_count();
    format!(
        "{diags}{n} problem{} found; the preview shows the last good build.",
        if n == 1 { "" } else { "s" }
    )
}

fn handle(mut stream: TcpStream, site_dir: &Path, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"only GET",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (version, errors) = match state.lock() {
        Ok(s) => (s.version, s.errors.clone()),
        Err(_) => (0, None),
    };
    if path == "/__handouts/version" {
        return respond(
            &mut stream,
            "200 OK",
            "text/plain",
            version.to_string().as_bytes(),
        );
    }
    let Some(file) = resolve(site_dir, path) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            page("Not found", "<p>There is no page here.</p>").as_bytes(),
        );
    };
    let bytes = std::fs::read(&file)?;
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let mut html = String::from_utf8_lossy(&bytes).into_owned();
        let banner = errors.map_or_else(String::new, |e| {
            format!("<pre style=\"position:sticky;top:0;z-index:99;margin:0;padding:1rem;background:#fdf1ee;color:#a3241b;border-bottom:3px solid #a3241b;white-space:pre-wrap;font-size:15px\">{}</pre>", escape(&e))
        });
        html = html.replacen("<body>", &format!("<body>{banner}"), 1);
        html = html.replacen("</body>", &format!("{RELOAD_SCRIPT}</body>"), 1);
        return respond(&mut stream, "200 OK", kind, html.as_bytes());
    }
    respond(&mut stream, "200 OK", kind, &bytes)
}

/// The file a URL path names inside `root`, refusing anything that would leave it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
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

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("pdf") => "application/pdf",
        Some("xml") => "application/xml",
        _ => "application/octet-stream",
    }
}

fn page(title: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>")
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        assert_eq!(
            resolve(dir.path(), "/a/"),
            Some(dir.path().join("a/index.html"))
        );
        assert_eq!(
            resolve(dir.path(), "/a/%69ndex.html"),
            Some(dir.path().join("a/index.html"))
        );
        assert_eq!(resolve(dir.path(), "/../etc/passwd"), None);
        assert_eq!(resolve(dir.path(), "/a/%2e%2e/%2e%2e/x"), None);
        assert_eq!(resolve(dir.path(), "/missing"), None);
    }
}
