//! The JSON Schema of an SOP file (docs/sop.source.schema.json): current,
//! true to the loader, and what `lajur new` and `lajur init` point to.
//!
//! An editor checks an author's YAML with it as they type, so it must accept
//! every SOP lajur accepts (the example handbook, a new SOP) and flag what
//! lajur rejects as an unknown key, with the same verdict as `lajur check`.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::lajur_in;

const REGENERATE: &str = "cargo run --example source_schema > docs/sop.source.schema.json";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&lajur::source::schema::sop_source_schema())
        .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// An SOP file as the editor sees its data: a .yaml file whole, the front
/// matter of a .md file.
fn sop_data(path: &Path) -> Value {
    let text = fs::read_to_string(path).expect("read the SOP");
    let yaml = match text.strip_prefix("---\n") {
        Some(rest) => rest
            .split("\n---")
            .next()
            .expect("front matter")
            .to_string(),
        None => text,
    };
    serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The problems the schema finds in `data`, one line each.
fn schema_errors(validator: &jsonschema::Validator, data: &Value) -> Vec<String> {
    validator
        .iter_errors(data)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_current() {
    let path = repo().join("docs/sop.source.schema.json");
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == lajur::source::schema::sop_source_schema(),
        "docs/sop.source.schema.json is not what the loader's keys (src/source/keys.rs) give; regenerate it:\n  {REGENERATE}"
    );
}

#[test]
fn every_key_has_an_indonesian_label_and_description() {
    let schema: Value =
        serde_json::from_str(&lajur::source::schema::sop_source_schema()).expect("JSON");
    let sop = &schema["properties"];
    let step = &sop["langkah"]["items"]["anyOf"][0]["properties"];
    for (what, keys, properties) in [
        ("an SOP", lajur::source::SOP_KEYS, sop),
        ("a step", lajur::source::STEP_KEYS, step),
    ] {
        let described: Vec<&str> = properties
            .as_object()
            .unwrap_or_else(|| panic!("no properties of {what}"))
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = keys.to_vec();
        expected.sort_unstable();
        let mut described_sorted = described.clone();
        described_sorted.sort_unstable();
        assert_eq!(described_sorted, expected, "the keys of {what}");
        for key in keys {
            let p = &properties[key];
            let about = p["description"].as_str().unwrap_or("");
            assert!(
                p["title"].as_str().is_some_and(|t| !t.is_empty()) && about.len() > 10,
                "{what}: `{key}` has no label or description"
            );
        }
    }
    assert_eq!(sop["nomor"]["title"], "Nomor SOP");
    assert_eq!(step["waktu"]["title"], "Mutu Baku: Waktu");
}

#[test]
fn the_schema_accepts_every_sop_of_the_example_handbook() {
    let validator = validator();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(repo().join("content")) {
        let entry = entry.expect("walk content/");
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let is_sop = (name.ends_with(".yaml") || name.ends_with(".md"))
            && name != "_index.md"
            && !(entry.depth() == 1 && name.starts_with("dasar-hukum."));
        if !is_sop {
            continue;
        }
        let errors = schema_errors(&validator, &sop_data(path));
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            path.display(),
            errors.join("\n")
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} SOPs found in content/");
}

/// A one-SOP handbook holding `sop`; the number of errors `lajur check`
/// reports for it, and the problems the schema finds.
fn both_verdicts(sop: &str) -> (usize, Vec<String>) {
    let dir = support::handbook(&[("content/umum/cuti.yaml", sop)]);
    let file = dir.path().join("content/umum/cuti.yaml");
    let loaded = lajur::source::load(&lajur::Options {
        root: dir.path().to_path_buf(),
        ..lajur::Options::default()
    });
    let errors = loaded.diagnostics.errors();
    (errors, schema_errors(&validator(), &sop_data(&file)))
}

const SOP: &str = "\
nomor: SOP-012/Umum
nama: Pelayanan Cuti Pegawai
tanggal_revisi: [2-1-2023, 12 Maret 2021]
disahkan_oleh: {jabatan: Sekretaris Daerah, nama: Drs. H. Said Abdullah, nip: 19650928 199203 1 008}
dasar_hukum: Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara
keterkaitan:
  - SOP-011/Umum
  - {ref: SOP-013/Umum, hubungan: Bagian Dari}
  - {teks: SOP Pelayanan KTP Disdukcapil, url: 'https://example.go.id/ktp'}
pelaksana: [Pegawai, {nama: Kepala Sub Bagian Umum, singkatan: Kasubbag}]
judul_lajur: Singkatan
satuan_waktu: menit
total_waktu: 35
draft: false
langkah:
  - {kegiatan: Mengajukan permohonan, pelaksana: Pegawai, waktu: 10}
  - kegiatan: Memeriksa berkas
    pelaksana: Kasubbag
    jenis: Keputusan
    tidak: 1
    ya: {ke: 3, pelaksana: Pegawai}
    label_ya: ''
  - {kegiatan: Menerima surat, pelaksana: [Pegawai, Kasubbag], alur: berurutan, jenis: [proses, selesai], waktu: 25}
";

#[test]
fn the_schema_and_lajur_check_agree() {
    let (errors, problems) = both_verdicts(SOP);
    assert_eq!(errors, 0, "lajur check rejects the fixture");
    assert!(
        problems.is_empty(),
        "the schema rejects what lajur accepts:\n{}",
        problems.join("\n")
    );
    // Each change makes an error for lajur check and a problem in the editor.
    for (what, from, to) in [
        (
            "a misspelt key of the SOP",
            "tanggal_revisi:",
            "tanggal_revsi:",
        ),
        (
            "a misspelt key of a step",
            "    label_ya:",
            "    label_yes:",
        ),
        ("a misspelt key of disahkan_oleh", "nip: 1965", "nipp: 1965"),
        (
            "a misspelt key of a lane",
            "singkatan: Kasubbag}",
            "singkat: Kasubbag}",
        ),
        ("no nama", "nama: Pelayanan Cuti Pegawai\n", ""),
        ("an unknown jenis", "jenis: Keputusan", "jenis: pertanyaan"),
        (
            "an unknown hubungan",
            "hubungan: Bagian Dari",
            "hubungan: induk",
        ),
        ("draft that is no flag", "draft: false", "draft: mungkin"),
        (
            "ref and teks together",
            "{teks: SOP",
            "{ref: SOP-011/Umum, teks: SOP",
        ),
    ] {
        assert!(SOP.contains(from), "{what}: the fixture has no `{from}`");
        let (errors, problems) = both_verdicts(&SOP.replacen(from, to, 1));
        assert!(errors > 0, "{what}: lajur check accepts it");
        assert!(!problems.is_empty(), "{what}: the schema accepts it");
    }
    let (_, problems) = both_verdicts(&SOP.replace("tanggal_revisi:", "tanggal_revsi:"));
    assert!(
        problems.iter().any(|p| p.contains("tanggal_revsi")),
        "the problem names the misspelt key: {problems:?}"
    );
}

/// The schema a .yaml file's first line points to, read from where the
/// editor resolves it (the file's own folder).
fn schema_of(file: &Path) -> PathBuf {
    let text = fs::read_to_string(file).expect("read the SOP");
    let first = text.lines().next().unwrap_or("");
    let target = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: the first line is `{first}`", file.display()));
    file.parent().unwrap().join(target)
}

#[test]
fn lajur_init_and_new_point_the_editor_to_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let (status, out) = lajur_in(root, &["init"]);
    assert_eq!(status, 0, "{out}");
    let current = lajur::source::schema::sop_source_schema();
    let example = root.join("content/bagian-umum/naskah-dinas.yaml");
    let (status, out) = lajur_in(root, &["new", "content/keuangan/spp/spp-up"]);
    assert_eq!(status, 0, "{out}");
    let deep = root.join("content/keuangan/spp/spp-up.yaml");
    let validator = validator();
    for sop in [&example, &deep] {
        let schema = schema_of(sop);
        assert_eq!(
            fs::read_to_string(&schema).ok().as_deref(),
            Some(current.as_str()),
            "{}: no current schema at {}",
            sop.display(),
            schema.display()
        );
        let problems = schema_errors(&validator, &sop_data(sop));
        assert!(problems.is_empty(), "{}: {problems:?}", sop.display());
    }
    // A .md SOP keeps its front matter as it was: editors do not read it.
    let (status, out) = lajur_in(root, &["new", "content/umum/rkt.md"]);
    assert_eq!(status, 0, "{out}");
    let md = fs::read_to_string(root.join("content/umum/rkt.md")).unwrap();
    assert!(md.starts_with("---\n"), "{md}");
    // The handbook with these files still checks clean.
    let (status, out) = lajur_in(root, &["check"]);
    assert_eq!(status, 0, "{out}");
}

#[test]
fn lajur_new_brings_an_old_schema_up_to_date_and_leaves_another_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let schema = root.join("sop.source.schema.json");
    let id = lajur::source::schema::ID;
    fs::write(&schema, format!("{{\"$id\": \"{id}\", \"old\": true}}")).unwrap();
    let (status, out) = lajur_in(root, &["new", "content/umum/a.yaml"]);
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        fs::read_to_string(&schema).unwrap(),
        lajur::source::schema::sop_source_schema()
    );
    assert!(out.contains("sop.source.schema.json"), "{out}");
    fs::write(&schema, "{\"mine\": true}").unwrap();
    let (status, out) = lajur_in(root, &["new", "content/umum/b.yaml"]);
    assert_eq!(status, 0, "{out}");
    assert_eq!(fs::read_to_string(&schema).unwrap(), "{\"mine\": true}");
}
