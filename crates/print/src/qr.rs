//! Encodes the footer's web address as a QR symbol made of rectangles, for `flow` to place and `paint`
//! to draw as vector fills.
//!
//! Adjacent dark modules in a row are merged into one run, so a 29×29 symbol is a few hundred
//! rectangles rather than ~450 squares, and no hairline seams appear between neighbours when printed.

use qrcode::{EcLevel, QrCode};

use super::frame::QrRun;
use super::style::Style;

/// Light modules around the symbol, as the QR specification requires for reliable scanning.
pub(crate) const QUIET_ZONE: u16 = 4;

/// A QR symbol ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QrSymbol {
    /// Modules per side, quiet zone included.
    pub modules: u16,
    /// Dark modules as horizontal runs; row 0 is the top row of the quiet zone.
    pub runs: Vec<QrRun>,
}

impl QrSymbol {
    /// Side of one module in points: `qr_side` shared among the modules, never under
    /// `qr_module_min`, rounded up to a half point. With its corner on a whole point, a 72 dpi
    /// raster (a screen preview, a fax, a coarse scan) then gives every module at least one solid
    /// pixel, which is what lets a reader find the modules' edges at 1.5 pixels a module.
    pub(crate) fn module(&self, s: &Style) -> f32 {
        let shared = s.qr_side / f32::from(self.modules.max(1));
        (shared.max(s.qr_module_min) * 2.0).ceil() / 2.0
    }

    /// Side of the symbol in points, quiet zone included: [`QrSymbol::module`] times the modules,
    /// so at least `qr_side`.
    pub(crate) fn side(&self, s: &Style) -> f32 {
        self.module(s) * f32::from(self.modules)
    }
}

/// `at` (a distance from the page's left or top edge, in points) moved to the whole point before
/// it: the corner of a symbol whose modules are half points, so that it lines up with the pixels
/// of a 72 dpi raster (see [`QrSymbol::module`]).
pub(crate) fn snap(at: f32) -> f32 {
    at.floor()
}

/// The most symbols [`encode`] remembers: one per handout of a 16,000-variant language, about
/// 2 KB each.
const REMEMBERED: usize = 16_384;

/// Encodes `data` at error-correction level M (15 % recovery: survives a crease or a smudge
/// without making the symbol much denser than level L).
///
/// The regular and the large-print handout of a variant show the same address, and choosing the
/// mask (scoring all eight) was 6 % of a handout's time: each symbol is made once per process.
pub(crate) fn encode(data: &str) -> Result<QrSymbol, String> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static MADE: OnceLock<Mutex<HashMap<String, QrSymbol>>> = OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    if let Some(symbol) = made.lock().ok().and_then(|m| m.get(data).cloned()) {
        return Ok(symbol);
    }
    let symbol = make(data)?;
    if let Ok(mut made) = made.lock() {
        if made.len() < REMEMBERED {
            made.insert(data.to_string(), symbol.clone());
        }
    }
    Ok(symbol)
}

/// [`encode`] without remembering.
fn make(data: &str) -> Result<QrSymbol, String> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of `{}`: {e}", shorten(data)))?;
    let width = code.width();
    let colors = code.to_colors();
    let modules = u16::try_from(width)
        .ok()
        .and_then(|w| w.checked_add(2 * QUIET_ZONE))
        .ok_or_else(|| format!("QR code of `{}` is too large", shorten(data)))?;
    let mut runs = Vec::new();
    for (row, cells) in colors.chunks(width.max(1)).enumerate() {
        let mut start: Option<usize> = None;
        // A light sentinel after the row closes a run that reaches the right edge.
        let dark = cells
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .chain(std::iter::once(false));
        for (col, is_dark) in dark.enumerate() {
            match (is_dark, start) {
                (true, None) => start = Some(col),
                (false, Some(first)) => {
                    runs.push(QrRun {
                        row: to_u16(row) + QUIET_ZONE,
                        col: to_u16(first) + QUIET_ZONE,
                        len: to_u16(col - first),
                    });
                    start = None;
                }
                _ => {}
            }
        }
    }
    Ok(QrSymbol { modules, runs })
}

/// The start of `data` for a message (a URL long enough to fail is far too long to print).
fn shorten(data: &str) -> String {
    match data.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &data[..end]),
        None => data.to_string(),
    }
}

/// Module indices are below the symbol width, which fitted in a u16 above.
fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The symbol as a grid of booleans, rebuilt from the runs.
    fn grid(symbol: &QrSymbol) -> Vec<Vec<bool>> {
        let n = usize::from(symbol.modules);
        let mut grid = vec![vec![false; n]; n];
        for run in &symbol.runs {
            for col in run.col..run.col + run.len {
                grid[usize::from(run.row)][usize::from(col)] = true;
            }
        }
        grid
    }

    #[test]
    fn runs_reproduce_the_code_with_a_quiet_zone() {
        let url = "https://example-clinic.org/microneedling/classic/";
        let symbol = encode(url).unwrap_or_else(|e| panic!("{e}"));
        let code =
            QrCode::with_error_correction_level(url, EcLevel::M).unwrap_or_else(|e| panic!("{e}"));
        let w = code.width();
        assert_eq!(usize::from(symbol.modules), w + 8);
        let grid = grid(&symbol);
        for (i, color) in code.to_colors().iter().enumerate() {
            assert_eq!(
                grid[i / w + 4][i % w + 4],
                *color == qrcode::Color::Dark,
                "module {i}"
            );
        }
        // The quiet zone is light all round.
        for i in 0..grid.len() {
            for q in (0..4).chain(grid.len() - 4..grid.len()) {
                assert!(!grid[q][i] && !grid[i][q]);
            }
        }
        // The top-left finder pattern's first row is one run of 7.
        assert!(symbol.runs.contains(&QrRun {
            row: 4,
            col: 4,
            len: 7
        }));
        // Runs are maximal: no two touch in the same row.
        for pair in symbol.runs.windows(2) {
            assert!(pair[0].row != pair[1].row || pair[0].col + pair[0].len < pair[1].col);
        }
    }

    #[test]
    fn modules_are_never_under_the_least_and_are_whole_half_points() {
        let short = encode("https://x.example/").unwrap_or_else(|e| panic!("{e}"));
        let long = encode("https://clinic.example/care/handouts/microneedling/radiofrequency/")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((short.modules, long.modules), (33, 45));
        let s = Style::regular();
        let mm = 72.0 / 25.4;
        // 20 mm over 33 modules is 1.72 pt a module, rounded up to 2; 45 modules of 0.5 mm are
        // 1.42 pt each, rounded up to 1.5.
        assert_eq!(short.module(s), 2.0);
        assert_eq!(long.module(s), 1.5);
        assert_eq!(long.side(s), 67.5);
        for symbol in [&short, &long] {
            assert!(symbol.side(s) >= 20.0 * mm && symbol.module(s) >= 0.5 * mm);
            assert!(symbol.side(s) >= s.qr_side);
        }
        let large = Style::large_print();
        assert!(long.module(large) >= 0.6 * mm && long.side(large) >= large.qr_side);
        assert_eq!((snap(503.7), snap(12.0)), (503.0, 12.0));
    }

    #[test]
    fn too_much_data_is_an_error_not_a_panic() {
        let long = "x".repeat(5000);
        let err = encode(&long).err().unwrap_or_default();
        assert!(err.starts_with("cannot make a QR code of `xxx"), "{err}");
    }
}
