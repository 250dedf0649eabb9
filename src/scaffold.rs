//! `lajur new` and `lajur init`: starting points for authors.

use std::path::Path;

pub fn new_sop(_path: &Path, _nama: Option<&str>) -> std::io::Result<()> {
    todo!("scaffold::new_sop")
}

pub fn init(_dir: &Path) -> std::io::Result<()> {
    todo!("scaffold::init")
}
