//! `handouts serve`: a live preview for editors. The site is checked and rendered in memory and
//! served on a local address; when a content or theme file is saved, only what the edit affects
//! is rendered again, and open pages reload the moment it is done. Nothing is written to disk.
//!
//! One way through, each stage its own module:
//! `watch` (notify, debounced) → `Preview::rebuild` (`check`: the project checks again the
//! folders whose inputs changed; each `target` whose key changed is made again) → a new immutable
//! `Snapshot` → `http` serves it from memory (with `inject`'s reload script and problems) and
//! `events` tells every open page.

mod check;
mod events;
mod http;
mod inject;
mod preview;
mod snapshot;
mod target;
mod watch;

pub use preview::{problem_text, Preview, Rebuild};
pub use snapshot::Snapshot;

use crate::diag::Failure;
use crate::model::Date;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What to preview, and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// The content folder.
    pub content: PathBuf,
    /// A theme folder overriding the built-in theme's files.
    pub theme: Option<PathBuf>,
    /// Today's date, to tell which reviews are overdue.
    pub today: Date,
    /// The address to listen on (port 0 lets the system choose).
    pub addr: SocketAddr,
}

/// Serves a live preview of `options.content` until Ctrl+C. Whatever stops it from starting (a
/// port in use, folders that cannot be watched) is a [`Failure::Usage`].
pub fn run(options: Options) -> Result<(), Failure> {
    // Listen first, so a port in use is reported before any work is done.
    let server = tiny_http::Server::http(options.addr).map_err(|e| {
        Failure::Usage(format!(
            "the preview could not listen on {}: {e}.\n  fix: choose another port with `--port`, or stop the program that uses this one.",
            options.addr
        ))
    })?;
    let server = Arc::new(server);
    let addr = server.server_addr().to_ip().unwrap_or(options.addr);
    // Watch before the first build, so a save made while it runs is not missed.
    let folders: Vec<&std::path::Path> = std::iter::once(options.content.as_path())
        .chain(options.theme.as_deref())
        .collect();
    let watch = watch::start(&folders).map_err(|e| {
        Failure::Usage(format!(
            "the content folder could not be watched for changes: {e}.\n  fix: check that the folder can be read; on Linux, raise fs.inotify.max_user_watches if it is very large."
        ))
    })?;
    let project =
        crate::Project::reading(&options.content, options.theme.as_deref(), options.today);
    let mut preview = project.preview();
    report(&preview.rebuild(), &preview);
    preview.prepare();
    let live = Arc::new(http::Live::new(preview.snapshot()));
    let stopping = Arc::new(AtomicBool::new(false));
    {
        let (server, stopping) = (Arc::clone(&server), Arc::clone(&stopping));
        ctrlc::set_handler(move || {
            stopping.store(true, Ordering::SeqCst);
            server.unblock();
        })
        .map_err(|e| {
            Failure::Usage(format!(
                "Ctrl+C could not be set up to stop the preview: {e}."
            ))
        })?;
    }
    say(&format!(
        "Previewing {} at http://{addr}/ (Ctrl+C to stop).",
        options.content.display()
    ));
    if !addr.ip().is_loopback() {
        say("Anyone who can reach this computer's address on the network can see this preview.");
    }
    let rebuilder = Arc::clone(&live);
    std::thread::spawn(move || rebuild_on_change(&watch, preview, &rebuilder));
    http::serve(&server, &live, &stopping);
    say("Stopped the preview.");
    Ok(())
}

/// Rebuilds after each burst of changes, and publishes what changed.
fn rebuild_on_change(watch: &watch::Watch, mut preview: Preview, live: &http::Live) {
    while let Ok(first) = watch.changes.recv() {
        if let Err(e) = first {
            eprintln!("warning: watching for changes: {e}");
        }
        // Everything that arrived meanwhile is part of the same rebuild.
        while watch.changes.try_recv().is_ok() {}
        let rebuild = preview.rebuild();
        if rebuild.changed {
            live.publish(preview.snapshot());
        }
        report(&rebuild, &preview);
        preview.prepare();
    }
}

/// Prints a rebuild's problems (every one, each time) or its summary and fresh warnings.
fn report(rebuild: &Rebuild, preview: &Preview) {
    match preview
        .snapshot()
        .problems()
        .filter(|_| rebuild.problems.is_some())
    {
        // The very text the browser shows.
        Some(text) => {
            let _ = write!(std::io::stderr(), "{text}\n\n");
        }
        None => {
            if !rebuild.warnings.is_empty() {
                let _ = write!(std::io::stderr(), "{}", rebuild.warnings);
            }
            if rebuild.changed {
                say(&rebuild.summary());
            }
        }
    }
}

/// One line on the terminal; a closed terminal must not stop the preview.
fn say(line: &str) {
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
