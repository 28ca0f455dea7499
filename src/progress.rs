//! The build's progress line on a terminal: "Building 4,213 of 10,000 handouts".

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Builds quicker than this show no progress line.
const QUIET_FOR: Duration = Duration::from_secs(1);
/// The line is redrawn at most this often.
const EVERY: Duration = Duration::from_millis(100);

/// A progress line on standard error, drawn only when it is a terminal and the build is slow.
pub(crate) struct Line {
    start: Instant,
    terminal: bool,
    /// When the line was last drawn, if it has been.
    drawn: Mutex<Option<Instant>>,
}

impl Line {
    /// A line for a build starting now.
    pub(crate) fn new() -> Line {
        Line {
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            drawn: Mutex::new(None),
        }
    }

    /// The work of `done` of `total` handouts is finished.
    pub(crate) fn update(&self, done: usize, total: usize) {
        if !self.terminal || self.start.elapsed() < QUIET_FOR {
            return;
        }
        let Ok(mut drawn) = self.drawn.lock() else {
            return;
        };
        if drawn.is_some_and(|at| at.elapsed() < EVERY) && done < total {
            return;
        }
        *drawn = Some(Instant::now());
        eprint!(
            "\r\x1b[KBuilding {} of {} handouts",
            thousands(done),
            thousands(total)
        );
        let _ = std::io::stderr().flush();
    }

    /// Removes the line, if it was drawn.
    pub(crate) fn clear(&self) {
        if self.drawn.lock().is_ok_and(|d| d.is_some()) {
            eprint!("\r\x1b[K");
            let _ = std::io::stderr().flush();
        }
    }

    /// The time since the build started.
    pub(crate) fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}

/// `n` with thousands separators: 10,000.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::thousands(7), "7");
        assert_eq!(super::thousands(4213), "4,213");
        assert_eq!(super::thousands(10000), "10,000");
        assert_eq!(super::thousands(1234567), "1,234,567");
    }
}
