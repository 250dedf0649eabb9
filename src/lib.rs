//! lajur: a static site generator for SOP AP handbooks (PermenPAN-RB 35/2012).
//!
//! The pipeline runs one way and is pure in the middle:
//!
//! ```text
//! disk ──source──▶ Handbook ──render──▶ Vec<OutputFile> ──output──▶ public/
//! ```
//!
//! Only [`source`] reads and only [`output`] writes; `check` runs the first
//! stage, `build` all three, `serve` the first two and serves from memory.

pub mod config;
pub mod diagnostic;
pub mod model;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod source;

use std::path::PathBuf;

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Handbook;
pub use render::OutputFile;

/// What every command shares: where the handbook is and how to read it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The handbook root (holds handbook.yaml and content/).
    pub root: PathBuf,
    /// Publish SOPs marked `draft: true`.
    pub drafts: bool,
    /// Overrides base_url of handbook.yaml.
    pub base_url: Option<String>,
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum BuildError {
    /// handbook.yaml is wrong (exit status 2).
    Settings(Diagnostics),
    /// The handbook has errors (exit status 1).
    Handbook(Diagnostics),
    /// The output could not be written.
    Io(std::io::Error),
}

/// A finished build: what was written and the warnings met on the way.
#[derive(Debug)]
pub struct BuildReport {
    pub output_dir: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub sops: usize,
    pub warnings: Diagnostics,
}

/// Loads and checks the handbook and renders the whole site in memory.
pub fn render_site(opts: &Options) -> Result<(Handbook, Vec<OutputFile>, Diagnostics), BuildError> {
    let loaded = source::load(opts);
    if !loaded.settings_ok {
        return Err(BuildError::Settings(loaded.diagnostics));
    }
    let mut diagnostics = loaded.diagnostics;
    let handbook = match loaded.handbook {
        Some(h) if !diagnostics.has_errors() => h,
        _ => return Err(BuildError::Handbook(diagnostics)),
    };
    match render::render_site(&handbook, &opts.root) {
        Ok(files) => Ok((handbook, files, diagnostics)),
        Err(errors) => {
            diagnostics.extend(errors);
            Err(BuildError::Handbook(diagnostics))
        }
    }
}

/// `lajur build`: load, check, render, then swap the new site in whole.
/// On any error, the output folder is left exactly as it was.
pub fn build(opts: &Options, output: Option<PathBuf>) -> Result<BuildReport, BuildError> {
    let (handbook, mut files, warnings) = render_site(opts)?;
    // The search index reads the rendered pages, so it comes last (`serve`
    // can do the same after a reload, off the critical path).
    let index =
        search::index(&files, &handbook).map_err(|e| BuildError::Io(std::io::Error::other(e)))?;
    files.extend(index);
    let output_dir = output.unwrap_or_else(|| opts.root.join(&handbook.config.output_dir));
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    output::write_site(&files, &handbook.assets, &output_dir).map_err(BuildError::Io)?;
    Ok(BuildReport {
        output_dir,
        pages,
        files: files.len() + handbook.assets.len(),
        sops: handbook.sops.len(),
        warnings,
    })
}
