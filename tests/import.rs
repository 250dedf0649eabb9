//! `lajur import`, run as an author would: in a handbook folder, on the
//! documents the agency already has. What it writes must pass `lajur
//! check`, build, and show the form's fields; it must never overwrite a
//! file, and write nothing on --dry-run.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{lajur_output as lajur, said};

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name)
}

/// A new handbook (`lajur init`) with the two seeds copied in, as an author
/// keeps the agency's documents beside it.
fn handbook() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let out = lajur(tmp.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    fs::create_dir(tmp.path().join("asli")).unwrap();
    for s in ["sop-070-setda-banjarbaru.txt", "sop-04-bpkpad-balangan.txt"] {
        fs::copy(seed(s), tmp.path().join("asli").join(s)).unwrap();
    }
    tmp
}

#[test]
fn seed_text_imports_checks_and_builds_with_every_field_on_the_page() {
    let tmp = handbook();
    let out = lajur(
        tmp.path(),
        &[
            "import",
            "asli/sop-070-setda-banjarbaru.txt",
            "asli/sop-04-bpkpad-balangan.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    // Default unit: the form's unit line (070), the satuan kerja (04).
    let rkt = tmp
        .path()
        .join("content/sub-bagian-perencanaan/penyusunan-rencana-kinerja-tahunan.yaml");
    let kinerja = tmp.path().join(
        "content/badan-pengelolaan-keuangan-pendapatan-dan-aset-daerah-kabupaten-balangan/tehnis-perencanaan-kinerja.yaml",
    );
    assert!(rkt.is_file(), "{}", said(&out));
    assert!(kinerja.is_file(), "{}", said(&out));
    let yaml = fs::read_to_string(&rkt).unwrap();
    // Each step's lane is a guess from its wording: marked for checking.
    assert_eq!(
        yaml.matches("  - kegiatan: ").count(),
        yaml.matches("# periksa: pelaksana").count(),
        "{yaml}"
    );
    // The report names the file and line of each comment.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first = stdout
        .lines()
        .find(|l| l.contains(": periksa: pelaksana"))
        .expect("a periksa line");
    let line: usize = first.split(':').nth(1).unwrap().parse().unwrap();
    assert!(
        yaml.lines()
            .nth(line - 1)
            .unwrap()
            .contains("# periksa: pelaksana"),
        "{first}\n{yaml}"
    );

    let check = lajur(tmp.path(), &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", said(&check));
    assert_eq!(json["errors"], 0, "{}", said(&check));

    let build = lajur(tmp.path(), &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", said(&build));
    let page = fs::read_to_string(
        tmp.path()
            .join("public/sub-bagian-perencanaan/penyusunan-rencana-kinerja-tahunan/index.html"),
    )
    .unwrap();
    for shown in [
        "SOP- 070/Setda",
        "Penyusunan Rencana Kinerja Tahunan",
        "31 Desember 2018",
        "Drs. H. SAID ABDULLAH, M.Si",
        "19650928 199203 1 008",
        "Keuangan Negara",
        "Memiliki kemampuan pengolahan data sederhana",
        "Renstra Setdako Banjarbaru",
        "Disimpan sebagai data elektronik",
        "Menggandakan, membukukan dan mengarsipkan dokumen Rencana Kinerja Tahunan",
        "Undangan Rapat",
        "Asisten III",
    ] {
        assert!(page.contains(shown), "the page lacks {shown:?}");
    }
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            tmp.path()
                .join("public/sub-bagian-perencanaan/penyusunan-rencana-kinerja-tahunan/sop.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let steps = json["steps"]
        .as_array()
        .or(json["langkah"].as_array())
        .expect("steps in sop.json");
    assert_eq!(steps.len(), 11);
    let page = fs::read_to_string(tmp.path().join(
        "public/badan-pengelolaan-keuangan-pendapatan-dan-aset-daerah-kabupaten-balangan/tehnis-perencanaan-kinerja/index.html",
    ))
    .unwrap();
    for shown in [
        "SOP – 04/BPKPAD",
        "FAKHRIYANTO, S.Pt, MP",
        "120 hari",
        "Staf Penyusun Evaluasi Kinerja",
    ] {
        assert!(page.contains(shown), "the page lacks {shown:?}");
    }
}

#[test]
fn an_existing_file_is_never_overwritten_and_nothing_is_written() {
    let tmp = handbook();
    let into = ["import", "--into", "content/bagian-umum"];
    let first = lajur(
        tmp.path(),
        &[&into[..], &["asli/sop-04-bpkpad-balangan.txt"]].concat(),
    );
    assert_eq!(first.status.code(), Some(0), "{}", said(&first));
    let target = tmp
        .path()
        .join("content/bagian-umum/tehnis-perencanaan-kinerja.yaml");
    fs::write(&target, "nama: edited by the author\n").unwrap();
    let again = lajur(
        tmp.path(),
        &[
            &into[..],
            &[
                "asli/sop-070-setda-banjarbaru.txt",
                "asli/sop-04-bpkpad-balangan.txt",
            ],
        ]
        .concat(),
    );
    assert_eq!(again.status.code(), Some(2), "{}", said(&again));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("tehnis-perencanaan-kinerja.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("exists"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "nama: edited by the author\n"
    );
    // The other document was not written either: a refused run writes nothing.
    assert!(
        !tmp.path()
            .join("content/bagian-umum/penyusunan-rencana-kinerja-tahunan.yaml")
            .exists()
    );
    let forced = lajur(
        tmp.path(),
        &[&into[..], &["--force", "asli/sop-04-bpkpad-balangan.txt"]].concat(),
    );
    assert_eq!(forced.status.code(), Some(0), "{}", said(&forced));
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("SOP – 04/BPKPAD")
    );
}

#[test]
fn dry_run_writes_nothing_and_json_reports_for_tools() {
    let tmp = handbook();
    let before = list(tmp.path());
    let out = lajur(
        tmp.path(),
        &[
            "import",
            "--dry-run",
            "--format",
            "json",
            "asli/sop-070-setda-banjarbaru.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert_eq!(list(tmp.path()), before, "--dry-run wrote a file");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let imported = &json["imported"][0];
    assert_eq!(imported["nama"], "Penyusunan Rencana Kinerja Tahunan");
    assert_eq!(imported["steps"], 11);
    assert_eq!(imported["lanes"], 5);
    assert_eq!(imported["written"], false);
    let periksa = imported["periksa"].as_array().unwrap();
    assert!(periksa.len() >= 11, "{periksa:?}");
    let yaml = imported["yaml"].as_str().unwrap();
    let line = periksa[0]["line"].as_u64().unwrap() as usize;
    assert!(yaml.lines().nth(line - 1).unwrap().contains("# periksa:"));

    let text_out = lajur(
        tmp.path(),
        &["import", "--dry-run", "asli/sop-070-setda-banjarbaru.txt"],
    );
    assert_eq!(list(tmp.path()), before, "--dry-run wrote a file");
    assert!(String::from_utf8_lossy(&text_out.stdout).contains("nomor: SOP- 070/Setda"));
}

#[test]
fn a_document_without_a_steps_table_is_an_error_naming_it() {
    let tmp = handbook();
    fs::write(tmp.path().join("asli/kosong.txt"), "Nama SOP\tSesuatu\n").unwrap();
    let out = lajur(tmp.path(), &["import", "asli/kosong.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kosong.txt") && stderr.contains("no steps"),
        "{stderr}"
    );
}

fn list(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walk(dir);
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}
