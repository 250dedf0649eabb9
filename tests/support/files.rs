//! Reading what a build wrote, and copying a fixture handbook to a temp
//! folder so that a build never writes into the repository.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The text of `root/path`; a missing file fails the test naming it.
pub fn read(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file of a folder with its bytes, by its path under `dir` with `/`.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            (rel, fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

/// Copies the folder `from` to `to`, every file and folder in it.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}
