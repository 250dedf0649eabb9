//! Writing the site: into a staging folder, swapped in only when whole.

use std::path::Path;

use crate::model::Asset;
use crate::render::OutputFile;

pub fn write_site(_files: &[OutputFile], _assets: &[Asset], _out: &Path) -> std::io::Result<()> {
    todo!("output::write_site")
}
