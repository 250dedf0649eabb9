//! Where the site goes: the files a build makes and the sinks that take them.
//!
//! Rendering and the search index hand every file they make, as soon as it
//! is made, to a [`Sink`]: `build` gives one that writes into a staging
//! folder ([`Staging`], swapped in whole when the build succeeds), `check`
//! one that keeps nothing, `serve` one that keeps the files in memory. Both
//! producers depend on this module, not on each other.

mod destination;
mod error;
mod staging;

pub use destination::{Landmarks, Setting, destination};
pub use error::OutputError;
pub use staging::{Staging, Written};

/// One file of the site: a path under the output folder ('/'-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// A text file.
    pub fn text(path: impl Into<String>, text: String) -> Self {
        OutputFile {
            path: path.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Where made files go; called from many threads at once.
pub type Sink<'a> = &'a (dyn Fn(OutputFile) -> Result<(), OutputError> + Sync);

/// Runs `write` with a sink that keeps every file in memory, in the order
/// they came, for callers that want the files rather than a folder.
pub fn keep_files<E>(write: impl FnOnce(Sink<'_>) -> Result<(), E>) -> Result<Vec<OutputFile>, E> {
    let files = std::sync::Mutex::new(Vec::new());
    let keep = |file: OutputFile| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
        Ok(())
    };
    write(&keep)?;
    Ok(files
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// The paths the handbook's files on disk take in the site (static files,
/// published attachments): a generated file with one of these paths gives
/// way, so the handbook's own static/style.css replaces the built-in one.
/// The one place this rule is made: every sink is fed through [`Assets::pass`].
#[derive(Debug, Default)]
pub struct Assets {
    paths: std::collections::HashSet<String>,
}

impl Assets {
    /// The published assets of a handbook (an attachment withheld, HTML while
    /// allow_html is false, takes no path).
    pub fn new(assets: &[crate::model::Asset]) -> Self {
        Assets {
            paths: assets
                .iter()
                .filter(|a| a.is_published())
                .map(|a| a.dest.clone())
                .collect(),
        }
    }

    /// Hands `file` to `sink` unless an asset takes its path.
    pub fn pass(&self, file: OutputFile, sink: Sink<'_>) -> Result<(), OutputError> {
        if self.paths.contains(&file.path) {
            return Ok(());
        }
        sink(file)
    }
}
