//! lajur: a static site generator for SOP AP handbooks (PermenPAN-RB 35/2012).
//!
//! The pipeline runs one way and is pure in the middle:
//!
//! ```text
//! disk ──source──▶ Handbook ──render──▶ OutputFile, one by one ──output──▶ public/
//!                      └─────search──▶ pagefind/ ─────────────────────────┘
//! ```
//!
//! Only [`source`] reads and only [`output`] writes (render and search hand
//! their files to an [`output::Sink`]); `check` runs the first
//! stage, `build` all of them (the search index beside the rendering), and
//! `serve` renders into memory and serves from there.

pub mod citations;
pub mod config;
pub mod diagnostic;
pub mod i18n;
pub mod import;
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
pub use output::OutputFile;

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

/// Loads and checks the handbook: the model, and the warnings met.
pub fn load_checked(opts: &Options) -> Result<(Handbook, Diagnostics), BuildError> {
    let loaded = source::load(opts);
    if !loaded.settings_ok {
        return Err(BuildError::Settings(loaded.diagnostics));
    }
    let diagnostics = loaded.diagnostics;
    match loaded.handbook {
        Some(h) if !diagnostics.has_errors() => Ok((h, diagnostics)),
        _ => Err(BuildError::Handbook(diagnostics)),
    }
}

/// Loads and checks the handbook and renders the whole site in memory.
pub fn render_site(opts: &Options) -> Result<(Handbook, Vec<OutputFile>, Diagnostics), BuildError> {
    let (handbook, mut diagnostics) = load_checked(opts)?;
    match render::render_site(&handbook, &opts.root) {
        Ok(files) => Ok((handbook, files, diagnostics)),
        Err(errors) => {
            diagnostics.extend(errors);
            Err(BuildError::Handbook(diagnostics))
        }
    }
}

/// Where `build` writes: `dir` (else output_dir of handbook.yaml under the
/// root), replacing it only when lajur wrote it, it is empty, or `force`.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// `-o, --output`: a path as given on the command line.
    pub dir: Option<PathBuf>,
    /// `--force`: replace a folder holding files lajur did not write.
    pub force: bool,
}

/// `lajur build`: load, check, render, then swap the new site in whole.
/// On any error, the output folder is left exactly as it was.
pub fn build(opts: &Options, output: Option<PathBuf>) -> Result<BuildReport, BuildError> {
    build_to(
        opts,
        &Target {
            dir: output,
            force: false,
        },
    )
}

/// [`build`] into `target`.
pub fn build_to(opts: &Options, target: &Target) -> Result<BuildReport, BuildError> {
    let (handbook, mut warnings, (output_dir, resolved)) = prepare(opts, target)?;
    let staging = output::Staging::create(&resolved, &handbook.assets).map_err(BuildError::Io)?;
    // The search index is made from the model, not from the pages, so it is
    // built while the pages are rendered and written; every page and index
    // file goes to disk as soon as it is made, so the site is never held in
    // memory.
    let write = |file: OutputFile| staging.put(&file);
    let (rendered, indexed) = rayon::join(
        || render::render_site_to(&handbook, &opts.root, &write),
        || search::index_to(&handbook, &write),
    );
    match rendered {
        Ok(()) => {}
        Err(render::RenderError::Pages(errors)) => {
            warnings.extend(errors);
            return Err(BuildError::Handbook(warnings));
        }
        Err(render::RenderError::Write(e)) => return Err(BuildError::Io(e)),
    }
    indexed.map_err(|e| BuildError::Io(std::io::Error::other(e)))?;
    let written = staging.commit().map_err(BuildError::Io)?;
    Ok(BuildReport {
        output_dir,
        pages: written.pages,
        files: written.files,
        sops: handbook.sops.len(),
        warnings,
    })
}

/// `lajur check`: every problem [`build`] into output_dir would stop on,
/// writing nothing: the settings and the output folder, the handbook, and
/// the pages rendered (templates, clashes) into a sink that keeps nothing.
/// Ok holds the warnings.
pub fn check(opts: &Options) -> Result<Diagnostics, BuildError> {
    let (handbook, mut warnings, _) = prepare(opts, &Target::default())?;
    match render::render_site_to(&handbook, &opts.root, &|_| Ok(())) {
        Ok(()) => Ok(warnings),
        Err(render::RenderError::Pages(errors)) => {
            warnings.extend(errors);
            Err(BuildError::Handbook(warnings))
        }
        Err(render::RenderError::Write(e)) => Err(BuildError::Io(e)),
    }
}

/// What `build` and `check` share: the handbook loaded and checked, and the
/// output folder checked, as given and resolved. The settings (handbook.yaml,
/// the output folder) are checked first, as errors there are exit status 2.
fn prepare(
    opts: &Options,
    target: &Target,
) -> Result<(Handbook, Diagnostics, (PathBuf, PathBuf)), BuildError> {
    let loaded = source::load(opts);
    let mut diagnostics = loaded.diagnostics;
    let Some(handbook) = loaded.handbook.filter(|_| loaded.settings_ok) else {
        return Err(BuildError::Settings(diagnostics));
    };
    let (out, setting) = match &target.dir {
        Some(dir) => (dir.clone(), output::Setting::CommandLine),
        None => (
            opts.root.join(&handbook.config.output_dir),
            match source::config::output_dir_position(&opts.root) {
                Some(pos) => output::Setting::HandbookYaml(pos),
                None => output::Setting::Default,
            },
        ),
    };
    let resolved = match output::destination(&opts.root, &out, target.force, setting) {
        Ok(resolved) => resolved,
        Err(d) => {
            diagnostics.push(*d);
            diagnostics.sort();
            return Err(BuildError::Settings(diagnostics));
        }
    };
    if diagnostics.has_errors() {
        return Err(BuildError::Handbook(diagnostics));
    }
    Ok((handbook, diagnostics, (out, resolved)))
}
