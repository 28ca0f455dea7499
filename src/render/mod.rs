//! Model → output files. Renderers return files as values; only `write` touches the disk.

pub mod context;
pub mod html;
pub mod inline;

/// One file to write, relative to the output folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}
