//! `source::load` with the link stage, and `lajur check`, over small handbooks: every problem an
//! author can make is reported at its file and line, and a valid handbook
//! loads every field of the form.
//!
//! One file per concern: the valid handbook read field by field, the
//! diagnostics of an SOP's fields, of its flow, of the handbook as a whole,
//! files that cannot be read as they are, and `lajur check` run as an
//! author runs it.

#[path = "../support/mod.rs"]
mod support;

mod binary;
mod fields;
mod files;
mod flow;
mod handbook_wide;
mod valid_handbook;

use std::path::{Path, PathBuf};

use lajur::diagnostic::{Diagnostic, Severity};
use lajur::source::{Loaded, load};
use lajur::{Handbook, Options};
use support::{STEPS, handbook, sop, write};

/// The handbook under `root` as `lajur check` reads it: loaded, then its
/// keterkaitan resolved by the link stage, which runs on a handbook with
/// errors too, every diagnostic of both kept.
fn load_dir(root: &Path) -> Loaded {
    let mut loaded = load(&Options {
        root: root.to_path_buf(),
        ..Options::default()
    });
    if let Some(handbook) = loaded.handbook.as_mut() {
        lajur::link::link(handbook, &mut loaded.diagnostics);
        loaded.diagnostics.sort();
    }
    loaded
}

fn check(files: &[(&str, &str)]) -> Loaded {
    let dir = handbook(files);
    load_dir(dir.path())
}

/// The one diagnostic whose message contains `needle`.
fn find<'a>(loaded: &'a Loaded, needle: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one diagnostic containing {needle:?}, got {:#?}",
        loaded.diagnostics
    );
    found[0]
}

fn assert_at(d: &Diagnostic, file: &str, line: usize, severity: Severity) {
    assert_eq!(d.file, PathBuf::from(file), "{d:#?}");
    assert_eq!(d.line, line, "{d:#?}");
    assert_eq!(d.severity, severity, "{d:#?}");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

fn valid() -> Handbook {
    let loaded = load_dir(&fixture("valid"));
    assert!(loaded.settings_ok);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.diagnostics.to_text()
    );
    loaded.handbook.expect("handbook")
}
