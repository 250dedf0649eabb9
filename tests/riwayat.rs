//! Riwayat perubahan: a handbook kept in git shows, on each SOP page, the
//! commits that changed the SOP's file with what changed in the form's
//! terms. The repositories are made with the git program (tests only: lajur
//! reads them with gix); without it the tests say loudly that they skipped.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

use support::{lajur_in, skipped, tool, write};

/// Runs git in `dir` as a fixed author at a fixed date, untouched by the
/// machine's own git settings.
fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Siti Rahma")
        .env("GIT_AUTHOR_EMAIL", "siti@example.go.id")
        .env("GIT_COMMITTER_NAME", "Siti Rahma")
        .env("GIT_COMMITTER_EMAIL", "siti@example.go.id")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn has_git() -> bool {
    if tool("git").is_some() {
        return true;
    }
    skipped(
        "git",
        "git is not installed: the Riwayat perubahan cases were NOT tested",
    );
    false
}

fn commit(dir: &Path, message: &str, date: &str) {
    git(dir, &["add", "-A"], date);
    git(dir, &["commit", "-q", "-m", message], date);
}

const V1: &str = "nomor: SOP-UM/01
nama: Penerimaan Surat Masuk
dasar_hukum:
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
pelaksana: [Kasubbag Umum, Staf Umum]
langkah:
  - kegiatan: Menerima dan mencatat surat masuk
    pelaksana: Staf Umum
    waktu: 1 hari
  - kegiatan: Memeriksa surat
    pelaksana: Kasubbag Umum
    waktu: 1 hari
  - kegiatan: Mendistribusikan surat
    pelaksana: Staf Umum
    waktu: 1 hari
";

/// A handbook with one SOP in content/umum/surat-masuk.yaml.
fn handbook(dir: &Path, sop: &str) {
    write(dir, "handbook.yaml", "title: Buku SOP\n");
    write(dir, "content/umum/surat-masuk.yaml", sop);
}

/// The Riwayat perubahan section of a built page, if it has one.
fn section(site: &Path, page: &str) -> Option<String> {
    let html = fs::read_to_string(site.join(page).join("index.html")).expect("page");
    let start = html.find("id=\"riwayat\"")?;
    let end = start + html[start..].find("</section>").expect("section end");
    Some(html[start..end].to_string())
}

fn entries(section: &str) -> Vec<&str> {
    section.split("class=\"riwayat__entry\"").skip(1).collect()
}

/// The page's sop.json, checked against docs/sop.schema.json.
fn sop_json(site: &Path, page: &str) -> serde_json::Value {
    let text = fs::read_to_string(site.join(page).join("sop.json")).expect("sop.json");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sop.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(schema).expect("schema")).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "sop.json against its schema: {errors:?}");
    value
}

fn build(dir: &Path) {
    let (code, out) = lajur_in(dir, &["build"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn an_sop_edited_in_three_commits_shows_each_commit_with_its_changes() {
    if !has_git() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"], "2024-01-01T09:00:00+07:00");
    handbook(root, V1);
    commit(root, "SOP surat masuk", "2024-01-02T09:00:00+07:00");

    let v2 = V1.replacen("waktu: 1 hari", "waktu: 2 hari", 1);
    fs::write(root.join("content/umum/surat-masuk.yaml"), &v2).unwrap();
    commit(root, "Waktu pencatatan", "2024-02-03T09:00:00+07:00");

    let v3 = v2.replace("Kasubbag Umum", "Kabag Umum").replace(
        "dasar_hukum:\n",
        "dasar_hukum:\n  - Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah\n",
    );
    fs::write(root.join("content/umum/surat-masuk.yaml"), &v3).unwrap();
    commit(
        root,
        "Pelaksana dan dasar hukum",
        "2024-03-04T09:00:00+07:00",
    );

    let v4 = format!(
        "{v3}  - kegiatan: Mengarsipkan surat\n    pelaksana: Staf Umum\n    waktu: 1 hari\n"
    );
    fs::write(root.join("content/umum/surat-masuk.yaml"), &v4).unwrap();
    commit(root, "Langkah arsip", "2024-04-05T09:00:00+07:00");

    build(root);
    let section = section(&root.join("public"), "umum/surat-masuk").expect("a Riwayat section");
    assert!(section.contains("Riwayat Perubahan"), "{section}");
    let entries = entries(&section);
    assert_eq!(entries.len(), 4, "three edits and the creation: {section}");
    // Newest first, each with its date, author and message.
    assert!(entries[0].contains("5 April 2024"), "{}", entries[0]);
    assert!(entries[0].contains("Siti Rahma"));
    assert!(entries[0].contains("Langkah arsip"));
    assert!(entries[0].contains("langkah 4 ditambah: Mengarsipkan surat"));
    assert!(entries[1].contains("Pelaksana dan dasar hukum"));
    assert!(entries[1].contains("pelaksana Kasubbag Umum → Kabag Umum"));
    assert!(entries[1].contains("dasar hukum: + Permendagri 77/2020"));
    // The lane renamed is said once, not again for the step it does.
    assert!(
        !entries[1].contains("langkah 2: pelaksana"),
        "{}",
        entries[1]
    );
    assert!(entries[2].contains("langkah 1: waktu 1 hari → 2 hari"));
    assert_eq!(entries[2].matches("<li>").count(), 1, "{}", entries[2]);
    assert!(entries[3].contains("SOP dibuat"));
    assert!(entries[3].contains("2 Januari 2024"));

    // sop.json carries the same history for tools, as data.
    let json = sop_json(&root.join("public"), "umum/surat-masuk");
    let riwayat = json["riwayat"].as_array().expect("riwayat in sop.json");
    assert_eq!(riwayat.len(), 4);
    assert_eq!(riwayat[0]["message"], "Langkah arsip");
    assert_eq!(riwayat[0]["date"], "2024-04-05");
    assert_eq!(riwayat[0]["author"], "Siti Rahma");
    // The step added (the step before it also stops being the last: jenis).
    let added = riwayat[0]["changes"].as_array().expect("changes");
    assert!(
        added
            .iter()
            .any(|c| c["jenis"] == "step_added" && c["no"] == "4"),
        "{added:?}"
    );
    assert_eq!(riwayat[2]["changes"][0]["field"], "waktu");
    assert_eq!(riwayat[2]["changes"][0]["new"], "2 hari");
}

#[test]
fn the_history_follows_a_renamed_file_and_speaks_english_when_asked() {
    if !has_git() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"], "2024-01-01T09:00:00+07:00");
    handbook(root, V1);
    commit(root, "SOP surat masuk", "2024-01-02T09:00:00+07:00");
    fs::create_dir_all(root.join("content/tata-usaha")).unwrap();
    git(
        root,
        &[
            "mv",
            "content/umum/surat-masuk.yaml",
            "content/tata-usaha/surat.yaml",
        ],
        "2024-02-01T09:00:00+07:00",
    );
    commit(root, "Pindah ke tata usaha", "2024-02-01T09:00:00+07:00");
    // Renamed and edited at once: still the same SOP (same nomor).
    let v2 = V1.replace("Memeriksa surat", "Memeriksa dan memaraf surat");
    fs::remove_file(root.join("content/tata-usaha/surat.yaml")).unwrap();
    fs::write(root.join("content/tata-usaha/surat-masuk.yaml"), v2).unwrap();
    commit(
        root,
        "Nama berkas dan langkah 2",
        "2024-03-01T09:00:00+07:00",
    );
    fs::write(
        root.join("handbook.yaml"),
        "title: Buku SOP\nlanguage: en\n",
    )
    .unwrap();

    build(root);
    let section =
        section(&root.join("public"), "tata-usaha/surat-masuk").expect("a Riwayat section");
    let entries = entries(&section);
    assert_eq!(entries.len(), 3, "{section}");
    assert!(entries[0].contains("moved from content/tata-usaha/surat.yaml"));
    assert!(entries[0].contains("step 2: activity Memeriksa surat → Memeriksa dan memaraf surat"));
    assert!(entries[1].contains("moved from content/umum/surat-masuk.yaml"));
    assert!(entries[2].contains("SOP created"));
}

#[test]
fn a_handbook_without_git_or_with_a_broken_or_shallow_repository_still_builds() {
    // No repository: no section.
    let plain = tempfile::tempdir().unwrap();
    handbook(plain.path(), V1);
    build(plain.path());
    assert_eq!(
        section(&plain.path().join("public"), "umum/surat-masuk"),
        None
    );

    // A .git that is not a repository.
    let broken = tempfile::tempdir().unwrap();
    handbook(broken.path(), V1);
    fs::create_dir_all(broken.path().join(".git")).unwrap();
    fs::write(broken.path().join(".git/HEAD"), "not a ref\n").unwrap();
    build(broken.path());
    assert_eq!(
        section(&broken.path().join("public"), "umum/surat-masuk"),
        None
    );

    if !has_git() {
        return;
    }
    // A repository without commits, and a file never committed.
    let fresh = tempfile::tempdir().unwrap();
    git(fresh.path(), &["init", "-q"], "2024-01-01T09:00:00+07:00");
    handbook(fresh.path(), V1);
    build(fresh.path());
    assert_eq!(
        section(&fresh.path().join("public"), "umum/surat-masuk"),
        None
    );

    // A shallow clone: the one commit it has has no parent to compare with,
    // so it is not shown as having created the SOP.
    let origin = tempfile::tempdir().unwrap();
    git(origin.path(), &["init", "-q"], "2024-01-01T09:00:00+07:00");
    handbook(origin.path(), V1);
    commit(origin.path(), "Pertama", "2024-01-02T09:00:00+07:00");
    fs::write(
        origin.path().join("content/umum/surat-masuk.yaml"),
        V1.replace("1 hari", "3 hari"),
    )
    .unwrap();
    commit(origin.path(), "Kedua", "2024-01-03T09:00:00+07:00");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "buku"],
        "2024-01-04T09:00:00+07:00",
    );
    let shallow = clone.path().join("buku");
    build(&shallow);
    let page = section(&shallow.join("public"), "umum/surat-masuk");
    assert!(
        page.as_deref().is_none_or(|s| !s.contains("SOP dibuat")),
        "{page:?}"
    );
}
