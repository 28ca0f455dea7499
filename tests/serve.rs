//! The live preview: it serves the site, and a saved edit is rebuilt and announced to the browser.
#![allow(missing_docs)]

mod common;
use common::Fixture;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn an_edit_is_rebuilt_and_its_error_shown_in_the_preview() {
    let f = Fixture::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_handouts"))
        .args(["serve", "--port", "0"])
        .current_dir(f.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    // Stop the preview even when an assertion fails.
    let _guard = KillOnDrop(child);
    let mut lines = BufReader::new(stdout).lines();
    let mut port = 0;
    for line in lines.by_ref().map_while(Result::ok) {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            port = rest.split('/').next().unwrap().parse().unwrap();
            break;
        }
    }
    assert_ne!(port, 0);
    let page = get(port, "/microneedling/classic/");
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("Classic microneedling") && page.contains("/__handouts/version"));
    let version = |p| {
        get(p, "/__handouts/version")
            .rsplit("\r\n\r\n")
            .next()
            .unwrap_or("")
            .to_string()
    };
    let before = version(port);
    f.edit(
        "content/microneedling/classic.md",
        "reviewed: 2026-03-14",
        "reviewed: 2026-13-14",
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while version(port) == before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_ne!(version(port), before, "the edit was not noticed");
    let page = get(port, "/microneedling/classic/");
    assert!(
        page.contains("content/microneedling/classic.md:4:11: `2026-13-14` is not a real date"),
        "{page}"
    );
    assert!(get(port, "/../Cargo.toml").starts_with("HTTP/1.1 404"));
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
