//! The live preview on a generated corpus of 1,000 variants: `cargo bench --bench serve`.
//!
//! Runs the `handouts serve` binary as an editor would and measures, from outside:
//! - start-up: from starting the process to the first page received;
//! - save → reload event: from a one-variant edit written to disk to the server-sent event;
//! - save → fresh PDF: from the same edit to that variant's new PDF received in full.
//!
//! Goals: first page within 1.5 s, event and PDF within 200 ms. Each edit is saved the way many
//! editors save (a new file renamed over the old one). `HANDOUTS_BENCH_VARIANTS` changes the size.
//!
//! The baseline, measured in the same run on the same corpus: `handouts::check` (reading and
//! checking every file once, in this process), the least a rebuild of the whole site would do
//! before rendering anything; and one PDF handout rendered in this process.
#![allow(missing_docs)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EDITS: usize = 15;

fn main() {
    let n = std::env::var("HANDOUTS_BENCH_VARIANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().expect("a temp dir");
    let content = dir.path().join("content");
    handouts_corpus::generate(n, &content).expect("the corpus is written");
    let (p, v) = (
        handouts_corpus::procedure_slug(0),
        handouts_corpus::variant_slug(0, 0, n as u64),
    );
    let file = content.join(&p).join(format!("{v}.md"));
    let page = format!("/{p}/{v}/");
    let pdf = format!("/{p}/{v}/{p}-{v}.pdf");
    let large = format!("/{p}/{v}/{p}-{v}-large.pdf");

    // The baseline.
    let today = handouts::model::Date::parse("2026-11-01").expect("a date");
    let mut check = time(5, || {
        handouts::check(&content, None, today).expect("the corpus is valid");
    });
    let (site, theme, _) = handouts::check(&content, None, today).expect("the corpus is valid");
    let job = handouts::render::Job::new(
        &site,
        &theme,
        site.default_book().lang,
        handouts::edition::PrintSize::Regular,
    )
    .expect("the default book");
    let (bp, bv) = site.default_book().variants().next().expect("a variant");
    let mut one_pdf = time(10, || {
        handouts::render::handout(&job, bp, bv).expect("the handout renders");
    });
    drop((site, theme));

    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_handouts"))
        .args(["serve", "--port", "0", "--content"])
        .arg(&content)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("handouts serve starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("its stdout"));
    let mut built = String::new();
    let port = loop {
        let mut line = String::new();
        if stdout.read_line(&mut line).unwrap_or(0) == 0 {
            panic!("handouts serve stopped before it was ready");
        }
        if line.starts_with("Built") {
            built = line.trim().to_string();
        }
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .split('/')
                .next()
                .and_then(|p| p.parse::<u16>().ok())
                .expect("a port");
        }
    };
    let index = get(port, "/");
    let first_page = start.elapsed();
    assert!(index.starts_with(b"HTTP/1.1 200"), "the index is served");
    // The server's own account of each rebuild, from its terminal.
    let (tx, said) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // A handout nobody has opened yet is made on its first request.
    let last = handouts_corpus::procedure_count(n) - 1;
    let (lp, lv) = (
        handouts_corpus::procedure_slug(last),
        handouts_corpus::variant_slug(last, 0, n as u64),
    );
    let t = Instant::now();
    let lazy = get(port, &format!("/{lp}/{lv}/{lp}-{lv}.pdf"));
    let lazy_pdf = t.elapsed();
    assert!(lazy.starts_with(b"HTTP/1.1 200"), "the PDF is served");
    let first_pdf = get(port, &pdf);

    let mut events = events(port);
    let original = std::fs::read_to_string(&file).expect("the variant's text");
    let mut last_pdf = first_pdf;
    let (mut to_event, mut to_pdf, mut to_large) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..EDITS {
        // One word more in the first section each time: its page and PDF change, nothing else.
        let edited = original.replacen(
            "\n\n## What to expect",
            &format!(" Edit {i}.\n\n## What to expect"),
            1,
        );
        assert_ne!(
            edited, original,
            "the variant has a `## What to expect` section"
        );
        let temp = content.join(&p).join(format!(".{v}.md.tmp"));
        std::fs::write(&temp, edited).expect("write the edit");
        let saved = Instant::now();
        std::fs::rename(&temp, &file).expect("save the edit");
        next_event(&mut events);
        to_event.push(saved.elapsed());
        let fresh = get(port, &pdf);
        to_pdf.push(saved.elapsed());
        assert!(fresh.starts_with(b"HTTP/1.1 200"), "the PDF is served");
        assert_ne!(body(&fresh), body(&last_pdf), "the PDF is made again");
        last_pdf = fresh;
        let fresh_large = get(port, &large);
        to_large.push(saved.elapsed());
        assert!(
            fresh_large.starts_with(b"HTTP/1.1 200"),
            "the large PDF is served"
        );
        let _ = get(port, &page);
        // Let the editor type the next word.
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = child.kill();
    let _ = child.wait();
    let mut inside: Vec<Duration> = said
        .try_iter()
        .filter_map(|line| {
            let ms = line.strip_prefix("Rebuilt in ")?.split(' ').next()?;
            Some(Duration::from_millis(ms.parse().ok()?))
        })
        .collect();

    let base = median(&mut check);
    println!("handouts serve, generated corpus of {n} variants (release build):");
    println!("  {built}");
    report("baseline: check the whole corpus", &mut check, base);
    report("baseline: render one PDF in-process", &mut one_pdf, base);
    println!(
        "  {:<41} {:>8.1} ms  ({:.2}× baseline)",
        "start-up to the first page (goal 1.5 s)",
        ms(first_page),
        first_page.as_secs_f64() / base.as_secs_f64()
    );
    println!(
        "  {:<41} {:>8.1} ms",
        "first request of a PDF (made on request)",
        ms(lazy_pdf)
    );
    report("save → reload event (goal 200 ms)", &mut to_event, base);
    report("save → fresh PDF received (goal 200 ms)", &mut to_pdf, base);
    report("save → fresh large-print PDF received", &mut to_large, base);
    if !inside.is_empty() {
        report(
            "the rebuild itself, as the server reports",
            &mut inside,
            base,
        );
    }
}

/// `runs` timings of `f`, after one to warm up.
fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    f();
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(label: &str, times: &mut [Duration], base: Duration) {
    let mid = median(times);
    println!(
        "  {label:<41} min {:>6.1} ms  median {:>6.1} ms  max {:>6.1} ms  ({} runs, median {:.2}× baseline)",
        ms(times[0]),
        ms(mid),
        ms(times[times.len() - 1]),
        times.len(),
        mid.as_secs_f64() / base.as_secs_f64()
    );
}

/// The whole response to `GET path`.
fn get(port: u16, path: &str) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut out = Vec::new();
    s.read_to_end(&mut out).expect("read");
    out
}

fn body(response: &[u8]) -> &[u8] {
    let at = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(0, |i| i + 4);
    &response[at..]
}

/// An open event stream, past its first event (the current version).
fn events(port: u16) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        s,
        "GET /__handouts/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .expect("send");
    let mut events = BufReader::new(s);
    next_event(&mut events);
    events
}

fn next_event(events: &mut BufReader<TcpStream>) {
    loop {
        let mut line = String::new();
        if events.read_line(&mut line).unwrap_or(0) == 0 {
            panic!("the event stream closed");
        }
        if line.starts_with("data: ") {
            return;
        }
    }
}
