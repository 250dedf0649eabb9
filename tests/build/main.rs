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

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lajur::Options;

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write fixture");
}

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

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
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

/// Runs the binary in `dir`; a run that has not ended after a minute is
/// killed and fails the test (a FIFO read would wait for ever).
fn lajur_in_finite(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run lajur");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("lajur {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}
