//! Server-sent events: each open page keeps one request open, and is sent the preview's version
//! when it connects and again the moment a rebuild is published.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

/// How often an idle stream is sent a comment, so a closed page is noticed and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The open pages, to tell of each new version.
#[derive(Default)]
pub(crate) struct Listeners {
    senders: Mutex<Vec<Sender<String>>>,
}

impl Listeners {
    /// A new listener, told of every version sent from now on.
    pub(crate) fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut senders) = self.senders.lock() {
            senders.push(tx);
        }
        rx
    }

    /// Tells every listener of `version`, forgetting those whose page has gone.
    pub(crate) fn send(&self, version: &str) {
        if let Ok(mut senders) = self.senders.lock() {
            senders.retain(|tx| tx.send(version.to_string()).is_ok());
        }
    }
}

/// Streams versions to one page until it goes away: first `current`, then each one received.
pub(crate) fn stream(mut out: Box<dyn Write + Send>, current: &str, versions: &Receiver<String>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if write(&mut out, head).is_err() || write(&mut out, &event(current)).is_err() {
        return;
    }
    loop {
        let sent = match versions.recv_timeout(KEEP_ALIVE) {
            Ok(version) => write(&mut out, &event(&version)),
            Err(RecvTimeoutError::Timeout) => write(&mut out, ": still here\n\n"),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if sent.is_err() {
            return;
        }
    }
}

fn event(version: &str) -> String {
    format!("data: {version}\n\n")
}

fn write(out: &mut Box<dyn Write + Send>, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}
