//! Files that cannot be read as they are (not UTF-8, empty, unclosed front
//! matter, alias bombs, megabytes, symlink loops, garbage): an error at the
//! file, never a panic, and every file reported in one run.

use std::path::PathBuf;

use lajur::diagnostic::Severity;

use crate::{assert_at, check, find, handbook, load_dir, sop, write};

#[test]
fn non_utf8_file() {
    let dir = handbook(&[]);
    write(
        dir.path(),
        "content/rkt.yaml",
        b"nomor: SOP-1\nnama: Caf\xE9\n",
    );
    let loaded = load_dir(dir.path());
    let d = find(&loaded, "not UTF-8");
    assert_at(d, "content/rkt.yaml", 2, Severity::Error);
    assert_eq!(d.column, 10);
}

#[test]
fn empty_file() {
    let loaded = check(&[("content/rkt.yaml", "  \n\n")]);
    let d = find(&loaded, "empty file");
    assert_at(d, "content/rkt.yaml", 1, Severity::Error);
}

#[test]
fn front_matter_never_closed() {
    let loaded = check(&[("content/rkt.md", "---\nnomor: SOP-1\nnama: RKT\n\n# Isi\n")]);
    let d = find(&loaded, "front matter never closed");
    assert_at(d, "content/rkt.md", 1, Severity::Error);
    assert!(d.hint.is_some());
}

#[test]
fn alias_bomb_is_bounded() {
    let mut text = String::from("nomor: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..15 {
        let items = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("k{i}: &a{i} [{items}]\n"));
    }
    let started = std::time::Instant::now();
    let loaded = check(&[("content/bomb.yaml", &text)]);
    assert!(started.elapsed().as_secs() < 10);
    let d = find(&loaded, "too many values");
    assert_eq!(d.file, PathBuf::from("content/bomb.yaml"));
    assert_eq!(d.severity, Severity::Error);
    assert!(d.line >= 2, "{d:#?}");
}

#[test]
fn file_of_several_megabytes_is_bounded() {
    let mut text = sop("SOP-1");
    text.push_str("peringatan: \"");
    text.push_str(&"a".repeat(5 * 1024 * 1024));
    text.push_str("\"\n");
    let started = std::time::Instant::now();
    let loaded = check(&[("content/besar.yaml", &text)]);
    assert!(started.elapsed().as_secs() < 10);
    let d = find(&loaded, "file too large");
    assert_at(d, "content/besar.yaml", 1, Severity::Error);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_not_fatal() {
    let dir = handbook(&[("content/umum/rkt.yaml", &sop("SOP-1"))]);
    std::os::unix::fs::symlink(
        dir.path().join("content/umum"),
        dir.path().join("content/umum/loop"),
    )
    .expect("symlink");
    let loaded = load_dir(dir.path());
    let d = find(&loaded, "symlink loop");
    assert_at(d, "content/umum/loop", 0, Severity::Warning);
    assert!(
        !loaded.diagnostics.has_errors(),
        "{:#?}",
        loaded.diagnostics
    );
    assert_eq!(loaded.handbook.expect("handbook").sops.len(), 1);
}

#[test]
fn broken_handbook_reports_every_file_in_one_run() {
    let loaded = check(&[
        ("content/a.yaml", "nomor: [\n"),
        ("content/b/c.yaml", &sop("SOP-1").replace("nama:", "name:")),
        ("content/b/d.md", "---\nnomor: SOP-3\n"),
        ("content/e.yaml", ""),
        ("content/f.yaml", &sop("SOP-1")),
    ]);
    let files: std::collections::BTreeSet<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [
            "content/a.yaml",
            "content/b/c.yaml",
            "content/b/d.md",
            "content/e.yaml",
            "content/f.yaml"
        ]
    );
    // Sorted by file, then line: the same order on every run.
    let keys: Vec<(PathBuf, usize, usize)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.line, d.column))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn garbage_never_panics() {
    let inputs: Vec<String> = vec![
        "[[[[[[[[".into(),
        "{".repeat(5000),
        "- ".repeat(5000),
        "a:\n".to_string() + &" b:\n".repeat(3000),
        "*unknown".into(),
        "&a [*a]".into(),
        "nomor: !!binary aGVsbG8=\nnama: x\nlangkah: x\n".into(),
        "? [a, b]\n: c\n".into(),
        "langkah:\n  - - - kegiatan: a\n".into(),
        "langkah:\n  - kegiatan: a\n    pelaksana: {x: y}\n    jenis: [keputusan]\n    tidak: {}\n".into(),
        "\t\tnomor: 1".into(),
        "\u{feff}\u{0}\u{1}".into(),
        "---\n---\n---\n".into(),
        "nomor: 1\nnama: x\nlangkah:\n  - kegiatan: a\n    pelaksana: b\n    jenis: keputusan\n    tidak: 0\n    ya: -1\n".into(),
    ];
    for (i, input) in inputs.iter().enumerate() {
        let yaml = format!("content/g{i}.yaml");
        let md = format!("content/g{i}.md");
        let front = format!("---\n{input}\n---\n");
        let loaded = check(&[(&yaml, input), (&md, &front)]);
        assert!(
            loaded.diagnostics.has_errors(),
            "input {i} should be an error: {input:?}"
        );
    }
}
