//! The one pipeline `build`, `check` and `serve` run:
//!
//! ```text
//! load ──▶ link ──▶ plan ──▶ render ∥ index ──▶ sink
//! ```
//!
//! 1. **load** ([`load`]): `source` reads handbook.yaml, content/, the
//!    static files and the theme's templates, and checks them. A problem of
//!    the settings stops here with exit status 2; the handbook's own
//!    problems go on to the link stage, so one run reports them all.
//! 2. **link** ([`link`]): keterkaitan are resolved (on a handbook with
//!    errors too); then, unless there are errors (exit status 1), the
//!    indexes (regulations, roles, backlinks) are computed once and kept
//!    beside the handbook; every lane takes its role's slug from them.
//! 3. **plan** ([`crate::routes::plan`], at the end of [`link`]): the path
//!    and URL of every page and file, read by every page that links.
//! 4. **render ∥ index** ([`Producer`]): the pages are rendered while the
//!    search index is built from the model, both handing each file to the
//!    sink as soon as it is made, through [`Assets::pass`] (a file of the
//!    handbook's on disk wins over a generated one).
//! 5. **sink**: `build` writes into a staging folder swapped in whole
//!    ([`crate::output::Staging`]); `check` keeps nothing, so it meets every
//!    error `build` would; `serve` keeps the files in memory and builds the
//!    index in the background.
//!
//! What a failure means for the exit status is said once, by
//! [`BuildError::exit_code`].

use std::path::Path;

use crate::Options;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::link::completeness::{self, Completeness};
use crate::link::index::Indexes;
use crate::model::Handbook;
use crate::model::calendar;
use crate::output::{Assets, OutputFile, Sink};
use crate::render::{RenderError, Renderer};
use crate::routes::Routes;
use crate::search::SearchError;
use crate::source::{self, SourceCache, Theme};

/// Why a build (or check) stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// handbook.yaml, the command line or the output folder is wrong.
    #[error("{} error(s) in the settings", .0.errors())]
    Settings(Diagnostics),
    /// The handbook has errors (its files, or its templates when rendered).
    #[error("{} error(s) in the handbook", .0.errors())]
    Handbook(Diagnostics),
    /// A file of the site could not be written.
    #[error("could not write the site: {0}")]
    Write(#[source] crate::output::OutputError),
}

impl From<SearchError> for BuildError {
    /// A file of the index the sink could not take is a failure to write
    /// the site, like a page's.
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Write(e) => BuildError::Write(e),
        }
    }
}

impl BuildError {
    /// The exit status of `lajur build` and `lajur check` for this error: 2
    /// for the settings, 1 for the handbook or a failure to write.
    pub fn exit_code(&self) -> u8 {
        match self {
            BuildError::Settings(_) => 2,
            BuildError::Handbook(_) | BuildError::Write(_) => 1,
        }
    }

    /// The diagnostics to show, when the error has any.
    pub fn diagnostics(&self) -> Option<&Diagnostics> {
        match self {
            BuildError::Settings(d) | BuildError::Handbook(d) => Some(d),
            BuildError::Write(_) => None,
        }
    }
}

/// The handbook as loaded and checked, with its theme and the problems
/// met: warnings, and errors of the handbook (not of the settings), which
/// [`link`] reports with its own.
#[derive(Debug)]
pub struct Loaded {
    pub handbook: Handbook,
    pub theme: Theme,
    pub diagnostics: Diagnostics,
}

/// Stage 1: reads and checks the handbook under `opts.root`, taking from
/// `cache` what is unchanged since its last use (`serve`; a disabled cache
/// reads everything). Only the settings stop it: the handbook's errors are
/// kept in [`Loaded::diagnostics`] for [`link`].
pub fn load(opts: &Options, cache: &mut SourceCache) -> Result<Loaded, BuildError> {
    load_for(opts, cache, |_| Ok(())).map(|(loaded, ())| loaded)
}

/// [`load`], with one more setting to check: `sink` checks where the site
/// is to go (the output folder of `build`), and says what it found. A wrong
/// setting is reported before the handbook's errors, as exit status 2.
pub fn load_for<T>(
    opts: &Options,
    cache: &mut SourceCache,
    sink: impl FnOnce(&Handbook) -> Result<T, Box<Diagnostic>>,
) -> Result<(Loaded, T), BuildError> {
    let loaded = source::load_with_cache(opts, cache);
    let mut diagnostics = loaded.diagnostics;
    let Some(handbook) = loaded.handbook.filter(|_| loaded.settings_ok) else {
        return Err(BuildError::Settings(diagnostics));
    };
    let found = match sink(&handbook) {
        Ok(found) => found,
        Err(d) => {
            diagnostics.push(*d);
            diagnostics.sort();
            return Err(BuildError::Settings(diagnostics));
        }
    };
    let loaded = Loaded {
        handbook,
        theme: loaded.theme,
        diagnostics,
    };
    Ok((loaded, found))
}

/// The handbook with what is computed across it, once per build.
#[derive(Debug)]
pub struct Linked {
    pub handbook: Handbook,
    pub indexes: Indexes,
    /// Stage 3, plan: the path and URL of every page and file.
    pub routes: Routes,
    /// What each SOP lacks and which are due for review, judged once on
    /// the day of the build: the kelengkapan page, its CSV and `check
    /// --format json` read this one value.
    pub completeness: Completeness,
    pub theme: Theme,
    pub warnings: Diagnostics,
}

/// Stage 2 (and 3): resolves the keterkaitan, and when the handbook has no
/// error, computes the indexes once (every lane gets the slug of its role)
/// and plans the routes. An error of the load or of the link stage stops
/// here, every one of them reported together (exit status 1).
pub fn link(loaded: Loaded) -> Result<Linked, BuildError> {
    let Loaded {
        mut handbook,
        theme,
        mut diagnostics,
    } = loaded;
    let indexes = crate::link::link(&mut handbook, &mut diagnostics);
    diagnostics.sort();
    let Some(indexes) = indexes else {
        return Err(BuildError::Handbook(diagnostics));
    };
    let routes = crate::routes::plan(&handbook, &indexes);
    let completeness = completeness::assess(&handbook, calendar::build_day());
    Ok(Linked {
        handbook,
        indexes,
        routes,
        completeness,
        theme,
        warnings: diagnostics,
    })
}

/// Stages 3 and 4 of one build: the templates parsed, the assets' paths
/// known, ready to render the site (or some SOP pages) into a sink.
pub struct Producer<'a> {
    linked: &'a Linked,
    renderer: Renderer<'a>,
    assets: Assets,
}

impl<'a> Producer<'a> {
    /// Parses the templates; a broken one is an error of the handbook.
    pub fn new(linked: &'a Linked, root: &'a Path) -> Result<Self, BuildError> {
        let handbook = &linked.handbook;
        let renderer = Renderer::new(
            handbook,
            &linked.indexes,
            &linked.routes,
            &linked.completeness,
            &linked.theme,
            root,
        )
        .map_err(|e| linked.render_error(e))?;
        Ok(Producer {
            linked,
            renderer,
            assets: Assets::new(&handbook.assets),
        })
    }

    /// Renders the whole site into `sink`, and with `search` builds the
    /// search index beside it (the index is made from the model, not from
    /// the pages, so both run at once).
    pub fn site(&self, sink: Sink<'_>, search: bool) -> Result<(), BuildError> {
        let pass = |file: OutputFile| self.assets.pass(file, sink);
        let (rendered, indexed) = if search {
            rayon::join(
                || self.renderer.site(&pass),
                || crate::search::index_to(&self.linked.handbook, &self.linked.routes, &pass),
            )
        } else {
            (self.renderer.site(&pass), Ok(()))
        };
        rendered.map_err(|e| self.linked.render_error(e))?;
        indexed?;
        Ok(())
    }

    /// Only the pages of the SOPs at `sops`, as [`Producer::site`] renders them.
    pub fn sop_pages(&self, sops: &[usize], sink: Sink<'_>) -> Result<(), BuildError> {
        let pass = |file: OutputFile| self.assets.pass(file, sink);
        self.renderer
            .sop_pages(sops, &pass)
            .map_err(|e| self.linked.render_error(e))
    }
}

impl Linked {
    /// A render failure as a build error: template errors join the warnings.
    fn render_error(&self, e: RenderError) -> BuildError {
        match e {
            RenderError::Pages(errors) => {
                let mut all = self.warnings.clone();
                all.extend(errors);
                BuildError::Handbook(all)
            }
            RenderError::Write(e) => BuildError::Write(e),
        }
    }
}

/// Loads, links and renders the whole site into memory (no search index):
/// what `serve` shows, in a stable order. For tests and tools that want the
/// files rather than a folder.
pub fn render_in_memory(opts: &Options) -> Result<(Linked, Vec<OutputFile>), BuildError> {
    let linked = link(load(opts, &mut SourceCache::disabled())?)?;
    let producer = Producer::new(&linked, &opts.root)?;
    let mut files = crate::output::keep_files(|sink| producer.site(sink, false))?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    drop(producer);
    Ok((linked, files))
}
