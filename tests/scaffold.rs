//! `lajur init` and `lajur new`, run as an author would: through the binary.
//!
//! What they write must pass `lajur check` with no warning and build as it
//! is, and they must never overwrite a file.

mod support;

use std::fs;
use std::path::Path;

use support::{lajur_output as lajur, said};

/// Runs `check --format json` and returns (exit code, errors, warnings).
fn check(dir: &Path) -> (Option<i32>, u64, u64, String) {
    let out = lajur(dir, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let count = |k: &str| json.get(k).and_then(|v| v.as_u64()).unwrap_or(u64::MAX);
    (
        out.status.code(),
        count("errors"),
        count("warnings"),
        said(&out),
    )
}

fn init(dir: &Path) {
    let out = lajur(dir, &["init", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
}

#[test]
fn init_writes_a_handbook_that_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path());
    for f in [
        "handbook.yaml",
        "content/_index.md",
        "content/bagian-umum/_index.md",
        "content/bagian-umum/naskah-dinas.yaml",
    ] {
        assert!(tmp.path().join(f).is_file(), "{f} was not written");
    }
    let (code, errors, warnings, out) = check(tmp.path());
    assert_eq!(code, Some(0), "{out}");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn init_handbook_builds_every_page_of_its_example() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path());
    let out = lajur(tmp.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let public = tmp.path().join("public");
    for f in [
        "index.html",
        "bagian-umum/index.html",
        "bagian-umum/naskah-dinas/index.html",
        "bagian-umum/naskah-dinas/alur.svg",
        "bagian-umum/naskah-dinas/sop.json",
    ] {
        assert!(public.join(f).is_file(), "public/{f} was not built");
    }
    // The example has a decision whose "Tidak" loops back: the flowchart
    // must draw it as an arrow to the drafting step.
    let svg = fs::read_to_string(public.join("bagian-umum/naskah-dinas/alur.svg")).unwrap();
    assert!(svg.contains(r#"data-jenis="keputusan""#), "{svg}");
    assert!(svg.contains(r#"data-from="3" data-to="2""#), "{svg}");
}

#[test]
fn init_into_a_new_folder_creates_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = lajur(tmp.path(), &["init", "sop-kami"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(tmp.path().join("sop-kami/handbook.yaml").is_file());
    assert!(
        tmp.path()
            .join("sop-kami/content/bagian-umum/naskah-dinas.yaml")
            .is_file()
    );
}

#[test]
fn init_refuses_an_existing_handbook_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("handbook.yaml"), "title: Milik Kami\n").unwrap();
    let out = lajur(tmp.path(), &["init", "."]);
    assert_ne!(out.status.code(), Some(0), "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("handbook.yaml"),
        "the error names the file: {}",
        said(&out)
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("handbook.yaml")).unwrap(),
        "title: Milik Kami\n"
    );
    assert!(
        !tmp.path().join("content").exists(),
        "nothing else was written"
    );
}

#[test]
fn new_sops_in_both_formats_check_clean_beside_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path());
    let out = lajur(
        tmp.path(),
        &[
            "new",
            "content/bagian-umum/surat-masuk.md",
            "--nama",
            "Pengelolaan Surat Masuk: \"Biasa\" & Rahasia",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    // No extension: a .yaml, in a unit folder that does not exist yet.
    let out = lajur(tmp.path(), &["new", "content/keuangan/spp-up"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(tmp.path().join("content/keuangan/spp-up.yaml").is_file());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("spp-up.yaml"),
        "the message names the file written: {}",
        said(&out)
    );

    let md = fs::read_to_string(tmp.path().join("content/bagian-umum/surat-masuk.md")).unwrap();
    assert!(md.starts_with("---\n"), "front matter first: {md}");

    // Two new SOPs and the example: three nomor, none duplicated.
    let (code, errors, warnings, out) = check(tmp.path());
    assert_eq!(code, Some(0), "{out}");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn a_new_sop_is_a_draft_until_the_author_publishes_it() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path());
    let nama = "Pengelolaan Surat Masuk: \"Biasa\" & Rahasia";
    let out = lajur(
        tmp.path(),
        &["new", "content/bagian-umum/surat-masuk.md", "--nama", nama],
    );
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let page = "public/bagian-umum/surat-masuk/index.html";

    let out = lajur(tmp.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(!tmp.path().join(page).exists(), "a draft is not published");

    let out = lajur(tmp.path(), &["build", "--drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(tmp.path().join(page).is_file(), "{}", said(&out));
    let json: serde_json::Value = serde_json::from_slice(
        &fs::read(tmp.path().join("public/bagian-umum/surat-masuk/sop.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["nama"], nama, "--nama is kept exactly");
}

#[test]
fn new_refuses_to_overwrite_an_sop() {
    let tmp = tempfile::tempdir().unwrap();
    let sop = tmp.path().join("content/umum/rkt.yaml");
    fs::create_dir_all(sop.parent().unwrap()).unwrap();
    fs::write(&sop, "nomor: SOP-070/Setda\n").unwrap();

    let out = lajur(tmp.path(), &["new", "content/umum/rkt.yaml"]);
    assert_ne!(out.status.code(), Some(0), "{}", said(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("rkt.yaml"),
        "{}",
        said(&out)
    );
    assert_eq!(fs::read_to_string(&sop).unwrap(), "nomor: SOP-070/Setda\n");

    // The same file reached without its extension is refused too.
    let out = lajur(tmp.path(), &["new", "content/umum/rkt"]);
    assert_ne!(out.status.code(), Some(0), "{}", said(&out));
    assert_eq!(fs::read_to_string(&sop).unwrap(), "nomor: SOP-070/Setda\n");
}

#[test]
fn new_refuses_a_file_that_is_no_sop() {
    let tmp = tempfile::tempdir().unwrap();
    let out = lajur(tmp.path(), &["new", "content/umum/formulir.txt"]);
    assert_ne!(out.status.code(), Some(0), "{}", said(&out));
    assert!(!tmp.path().join("content/umum/formulir.txt").exists());
}
