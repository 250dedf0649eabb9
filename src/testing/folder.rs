//! The one way a test makes a handbook folder: files written under a temp
//! folder (parents made as needed), and small builders for the YAML of a
//! valid SOP and a unit's `_index.md`.
//!
//! It writes text and knows nothing of the model: what the text means is
//! the loader's business, which the tests test.

use std::path::Path;

/// Writes `bytes` to `root/path`, making its folders.
pub fn write(root: &Path, path: &str, bytes: impl AsRef<[u8]>) {
    let full = root.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(full, bytes).expect("write");
}

/// A handbook in a new temp folder made of `(path, text)` files; content/
/// is there even when no file is in it.
pub fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    std::fs::create_dir_all(dir.path().join("content")).expect("content dir");
    dir
}

/// The `langkah` of a small valid SOP: two steps of one pelaksana, for a
/// test that writes the other fields itself.
pub const STEPS: &str = "langkah:
  - kegiatan: Menerima berkas
    pelaksana: Pelaksana
  - kegiatan: Mengarsipkan
    pelaksana: Pelaksana
";

/// The YAML of a small valid SOP: its nomor, the nama "SOP {nomor}" and
/// [`STEPS`].
pub fn sop(nomor: &str) -> String {
    named_sop(nomor, &format!("SOP {nomor}"))
}

/// The YAML of a small valid SOP with its nomor, its nama and [`STEPS`].
pub fn named_sop(nomor: &str, nama: &str) -> String {
    format!("nomor: {nomor}\nnama: {nama}\n{STEPS}")
}

/// The `_index.md` of a unit that gives only its nama.
pub fn unit(nama: &str) -> String {
    format!("---\nnama: {nama}\n---\n")
}
