//! `lajur check` as an author runs it, in the handbook folder: its exit
//! status (0, 1 or 2), its messages and its JSON.

use std::path::Path;

use crate::support::lajur_output;
use crate::{fixture, handbook};

/// `lajur check` run in `root`, its report as text or as JSON.
fn lajur_check(root: &Path, json: bool) -> std::process::Output {
    if json {
        lajur_output(root, &["check", "--format", "json"])
    } else {
        lajur_output(root, &["check"])
    }
}

#[test]
fn check_exit_status_is_0_1_or_2() {
    let ok = lajur_check(&fixture("valid"), false);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let warned = handbook(&[(
        "content/rkt.yaml",
        "nomor: 1\nnama: x\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    waktu: kapan-kapan\n",
    )]);
    let out = lajur_check(warned.path(), false);
    assert_eq!(out.status.code(), Some(0), "warnings allowed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/rkt.yaml:6:12: warning: cannot read the waktu"),
        "{stderr}"
    );

    let broken = handbook(&[("content/rkt.yaml", "nomor: 1\nnmaa: x\n")]);
    let out = lajur_check(broken.path(), false);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/rkt.yaml:2:1: error: unknown key `nmaa`"),
        "{stderr}"
    );
    assert!(stderr.contains("2 | nmaa: x"), "the source line: {stderr}");
    assert!(stderr.contains("hint: did you mean `nama`?"), "{stderr}");

    let settings = handbook(&[("handbook.yaml", "titel: x\n")]);
    let out = lajur_check(settings.path(), false);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_json_output_shape() {
    let broken = handbook(&[(
        "content/rkt.yaml",
        "nomor: 1\nnama: x\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    waktu: kapan-kapan\n  - kegiatan: b\n    pelaksana: Q\n    jenis: mulaii\n",
    )]);
    let out = lajur_check(broken.path(), true);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 1);
    let list = json["diagnostics"].as_array().expect("diagnostics array");
    assert_eq!(list.len(), 2);
    let first = &list[0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["file"], "content/rkt.yaml");
    assert_eq!(first["line"], 6);
    assert_eq!(first["column"], 12);
    assert!(
        first["message"]
            .as_str()
            .unwrap_or_default()
            .contains("waktu")
    );
    let second = &list[1];
    assert_eq!(second["severity"], "error");
    assert_eq!(second["line"], 9);
    assert_eq!(second["hint"], "did you mean `mulai`?");
}

/// The link stage runs on a handbook loaded with errors: one `lajur check`
/// reports a keterkaitan that names no SOP together with a YAML error of
/// another file, not the one after the other is fixed.
#[test]
fn check_reports_a_bad_keterkaitan_with_the_yaml_errors() {
    let broken = handbook(&[
        ("content/a.yaml", "nomor: 1\nnmaa: x\n"),
        (
            "content/b.yaml",
            "nomor: 2\nnama: Penyusunan RKT\nketerkaitan:\n  - SOP Tidak Ada\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n",
        ),
    ]);
    let out = lajur_check(broken.path(), false);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/a.yaml:2:1: error: unknown key `nmaa`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/b.yaml:4:5: warning: keterkaitan `SOP Tidak Ada` matches no SOP"),
        "{stderr}"
    );
}
