//! Rendering the handbook to the whole site in memory.

use std::path::Path;

use crate::diagnostic::Diagnostics;
use crate::model::Handbook;

/// One file of the site: a path under the output folder ('/'-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Renders every page of the site. `root` is the handbook root, for the
/// theme and the handbook's own templates/.
pub fn render_site(_handbook: &Handbook, _root: &Path) -> Result<Vec<OutputFile>, Diagnostics> {
    todo!("render::render_site")
}
