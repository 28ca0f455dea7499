//! Watching the content and theme folders with notify. Saving a file is often several events (an
//! editor writes a temporary file and renames it): the debouncer makes each burst one change.

use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// How long a burst of events may last: long enough for an editor's save, short enough to
/// leave most of the 200 ms between a save and the page's reload for the rebuild itself.
const SETTLE: Duration = Duration::from_millis(25);

/// Changes in the watched folders, as long as this lives.
pub(crate) struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// One message per burst of changes, or what went wrong with watching.
    pub(crate) changes: Receiver<Result<(), String>>,
}

/// Watches each folder of `folders` that exists, with everything in it.
pub(crate) fn start(folders: &[&Path]) -> Result<Watch, notify::Error> {
    let (tx, changes) = mpsc::channel();
    let mut debouncer = new_debouncer(SETTLE, None, move |result: DebounceEventResult| {
        let message = match result {
            // Reading a file is an event too, and the preview reads every file on each
            // rebuild: only changes count, or each rebuild would set off the next.
            Ok(events) if events.iter().all(|e| e.event.kind.is_access()) => return,
            Ok(_) => Ok(()),
            Err(errors) => Err(errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")),
        };
        let _ = tx.send(message);
    })?;
    for folder in folders.iter().filter(|f| f.is_dir()) {
        debouncer.watch(folder, RecursiveMode::Recursive)?;
    }
    Ok(Watch {
        _debouncer: debouncer,
        changes,
    })
}
