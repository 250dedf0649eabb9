//! lajur: a static site generator for SOP AP handbooks (PermenPAN-RB 35/2012).
//!
//! One pipeline runs one way and is pure in the middle (see [`pipeline`]):
//!
//! ```text
//! disk ──source──▶ Handbook + Theme ──link──▶ indexes ──render──▶ OutputFile, one by one ──sink──▶ public/
//!                                                └─────search──▶ pagefind/ ───────────┘
//! ```
//!
//! Only [`source`] reads the disk (the handbook and the theme's templates)
//! and only [`output`] writes (render and search hand their files to an
//! [`output::Sink`]). `build`, `check` and `serve` run the same stages and
//! differ in the sink: a staging folder swapped in whole, nothing, memory.

pub mod citations;
pub mod config;
pub mod diagnostic;
pub mod i18n;
pub mod import;
pub mod link;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod source;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;

use std::path::PathBuf;

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Handbook;
pub use output::OutputFile;
pub use pipeline::BuildError;

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

/// A finished build: what was written and the warnings met on the way.
#[derive(Debug)]
pub struct BuildReport {
    pub output_dir: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub sops: usize,
    pub warnings: Diagnostics,
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
    // The git history is read while the handbook loads (it needs only the
    // root), then given to the SOPs: see source::history.
    let (prepared, history) = rayon::join(
        || prepare(opts, target),
        || source::history::read(&opts.root),
    );
    let (mut linked, (output_dir, resolved)) = prepared?;
    if let Some(history) = history {
        history.attach(&mut linked.handbook);
    }
    let producer = pipeline::Producer::new(&linked, &opts.root)?;
    let staging =
        output::Staging::create(&resolved, &linked.handbook.assets, routes::OUTPUT_MARKER)
            .map_err(BuildError::Write)?;
    // Every page and index file goes to disk as soon as it is made, so the
    // site is never held in memory.
    producer.site(&|file| staging.put(&file), true)?;
    let written = staging.commit().map_err(BuildError::Write)?;
    Ok(BuildReport {
        output_dir,
        pages: written.pages,
        files: written.files,
        sops: linked.handbook.sops.len(),
        warnings: linked.warnings,
    })
}

/// `lajur check`: every problem [`build`] into output_dir would stop on,
/// writing nothing: the settings and the output folder, the handbook, the
/// templates, the pages and the search index, made as `build` makes them
/// and handed to a sink that keeps nothing. Ok holds the warnings.
pub fn check(opts: &Options) -> Result<Diagnostics, BuildError> {
    check_linked(opts).map(|linked| linked.warnings)
}

/// [`check`], keeping the handbook as linked: its warnings and its
/// kelengkapan (`lajur check --format json` prints both).
pub fn check_linked(opts: &Options) -> Result<pipeline::Linked, BuildError> {
    let (linked, _) = prepare(opts, &Target::default())?;
    pipeline::Producer::new(&linked, &opts.root)?.site(&|_| Ok(()), true)?;
    Ok(linked)
}

/// What `build` and `check` share: the handbook loaded, checked and linked,
/// and the output folder checked, as given and resolved. The settings
/// (handbook.yaml, the output folder) are checked first, as errors there
/// are exit status 2.
fn prepare(
    opts: &Options,
    target: &Target,
) -> Result<(pipeline::Linked, (PathBuf, PathBuf)), BuildError> {
    let mut cache = source::SourceCache::disabled();
    let (loaded, out) = pipeline::load_for(opts, &mut cache, |handbook| {
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
        // A site lajur wrote is known by the route table's name of its
        // marker or, from before it left one, of its front page and search
        // index.
        let landmarks = output::Landmarks {
            marker: routes::OUTPUT_MARKER,
            front_page: routes::PAGE_FILE,
            search_index: routes::SEARCH_INDEX_DIR,
        };
        let resolved = output::destination(&opts.root, &out, target.force, setting, landmarks)?;
        Ok((out, resolved))
    })?;
    Ok((pipeline::link(loaded)?, out))
}
