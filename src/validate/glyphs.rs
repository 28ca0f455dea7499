//! Characters that cannot be published: invisible control characters (pasted from other
//! programs; they are not even allowed in XML) and characters no theme font can print. Each is an
//! error where the editor typed it, never an empty box or a broken file.

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Sources;
use handouts_print::Fonts;

/// Reports the first place of every character in the content that no font has.
pub fn check(sources: &Sources, fonts: &Fonts) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let files = sources
        .clinic
        .iter()
        .chain(sources.procedures.iter().flat_map(|p| {
            p.procedure
                .iter()
                .chain(p.variants.iter())
                .chain(p.translations.iter().map(|t| &t.file))
        }));
    // Files are independent: look at them on every core, reporting in file order.
    use rayon::prelude::*;
    let files: Vec<_> = files.collect();
    let one = |file: &&crate::load::SourceFile| {
        let mut diags = Diagnostics::new();
        if let Some((offset, c)) = file.text.char_indices().find(|(_, c)| is_forbidden(*c)) {
            diags.push(
                Diagnostic::error(format!(
                    "the file contains an invisible control character (U+{:04X}).",
                    c as u32
                ))
                .in_file(&file.path)
                .at_offset(&file.text, offset)
                .hint("delete it: retype the text around this spot, or paste it as plain text."),
            );
            return diags;
        }
        // Each character once, at its first place: `missing_chars` lists each only once.
        for c in fonts.missing_chars(&file.text) {
            let Some(offset) = file.text.find(c) else {
                continue;
            };
            diags.push(
                Diagnostic::error(format!(
                    "the character `{c}` (U+{:04X}) is in none of the handout's fonts, so it cannot be printed.",
                    c as u32
                ))
                .in_file(&file.path)
                .at_offset(&file.text, offset)
                .hint("replace it with ordinary letters or punctuation, or remove it."),
            );
        }
        diags
    };
    let found: Vec<Diagnostics> = files.par_iter().map(one).collect();
    for d in found {
        diags.extend(d);
    }
    diags
}

/// Control characters other than tab and line breaks, and the two non-characters XML forbids.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}
