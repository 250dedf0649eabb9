//! `lajur build` end to end: a handbook written into a temp folder, built
//! through the library and the binary, and the site read back from disk.
//!
//! One file per concern: the pages and their links, what a handbook's
//! settings, templates and static files change, the output folder, files
//! from outside the handbook, and attachments; handbook.rs is the fixture.

#[path = "../support/mod.rs"]
mod support;

mod attachments;
mod handbook;
mod output_folder;
mod outside_files;
mod pages;
mod settings;

use std::fs;
use std::path::{Path, PathBuf};

use lajur::Options;
use support::{lajur_in_finite, read, snapshot, write};

/// Builds through the library into `<root>/public`.
fn build(root: &Path) -> PathBuf {
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    match lajur::build(&opts, None) {
        Ok(report) => report.output_dir,
        Err(e) => panic!("build failed: {e:?}"),
    }
}

/// Every value of href, src and action attributes in `html`.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\"", " action=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
        }
    }
    out
}

/// The names in `dir` that a build left beside its output.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".lajur"))
        .collect()
}
