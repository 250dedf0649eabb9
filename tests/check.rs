//! `source::load` and `lajur check` over small handbooks: every problem an
//! author can make is reported at its file and line, and a valid handbook
//! loads every field of the form.

use std::path::{Path, PathBuf};
use std::process::Command;

use lajur::diagnostic::{Diagnostic, Severity};
use lajur::model::{Flow, Hubungan, StepKind, Target};
use lajur::source::{Loaded, load};
use lajur::{Handbook, Options};

/// A handbook in a temporary folder made of `(path, text)` files.
fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    std::fs::create_dir_all(dir.path().join("content")).expect("content dir");
    dir
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let full = root.join(path);
    std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    std::fs::write(full, bytes).expect("write");
}

fn load_dir(root: &Path) -> Loaded {
    load(&Options {
        root: root.to_path_buf(),
        ..Options::default()
    })
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

const STEPS: &str = "langkah:
  - kegiatan: Menerima berkas
    pelaksana: Pelaksana
  - kegiatan: Mengarsipkan
    pelaksana: Pelaksana
";

fn sop(nomor: &str) -> String {
    format!("nomor: {nomor}\nnama: SOP {nomor}\n{STEPS}")
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

// ---------------------------------------------------------------- the valid handbook

#[test]
fn valid_handbook_loads_every_field_of_the_form() {
    let h = valid();
    assert_eq!(h.config.title, "Buku Pedoman SOP Setda");
    let rkt = h
        .sops
        .iter()
        .find(|s| s.path == "bagian-umum/sub-bagian-perencanaan/rkt")
        .expect("rkt by slugged path");
    assert_eq!(
        rkt.file,
        PathBuf::from("content/bagian-umum/Sub Bagian Perencanaan/rkt.yaml")
    );
    assert_eq!(rkt.unit, "bagian-umum/sub-bagian-perencanaan");
    assert_eq!(rkt.nomor, "SOP- 070/Setda");
    assert_eq!(rkt.pos.line, 1);
    // Inherited from content/_index.md; unit lines are the folders' units.
    assert_eq!(
        rkt.satuan_kerja.as_deref(),
        Some("Sekretariat Daerah Kota Banjarbaru")
    );
    assert_eq!(rkt.unit_lines, ["Bagian Umum", "Sub Bagian Perencanaan"]);
    // Dates in three of the accepted forms; revisions newest first.
    assert_eq!(
        rkt.tanggal_pembuatan.map(|d| d.iso()).as_deref(),
        Some("2018-11-07")
    );
    assert_eq!(
        rkt.tanggal_efektif.map(|d| d.iso()).as_deref(),
        Some("2018-12-31")
    );
    let revisions: Vec<String> = rkt.tanggal_revisi.iter().map(|d| d.iso()).collect();
    assert_eq!(revisions, ["2023-07-01", "2019-01-02"]);
    let approver = rkt.disahkan_oleh.as_ref().expect("disahkan_oleh");
    assert_eq!(approver.jabatan.as_deref(), Some("Sekretaris Daerah"));
    assert_eq!(approver.nip.as_deref(), Some("19650928 199203 1 008"));
    assert_eq!(rkt.peralatan, ["Komputer", "Printer"]);
    assert_eq!(rkt.pencatatan, ["Disimpan sebagai data elektronik"]);
    assert!(!rkt.peringatan.is_empty());
    assert_eq!(rkt.kualifikasi_pelaksana.len(), 1);
    let ids: Vec<Option<&str>> = rkt.dasar_hukum.iter().map(|c| c.id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("uu-no-17-tahun-2003"), Some("pp-no-58-tahun-2005")]
    );

    // Lanes as written, the roles setting merging another spelling.
    let lanes: Vec<(&str, Option<&str>, &str)> = rkt
        .lanes
        .iter()
        .map(|l| (l.nama.as_str(), l.singkatan.as_deref(), l.slug.as_str()))
        .collect();
    assert_eq!(
        lanes,
        [
            (
                "Kepala Sub Bagian Perencanaan",
                Some("Kasubbag"),
                "kepala-sub-bagian-perencanaan"
            ),
            ("Pelaksana", None, "pelaksana"),
            ("Sekretaris Daerah", Some("Sekda"), "sekretaris-daerah"),
        ]
    );
    let steps = &rkt.steps;
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[0].lanes, [0], "singkatan in any case");
    assert_eq!(steps[2].lanes, [0], "roles: other spelling → nama");
    assert_eq!(steps[3].lanes, [0, 2], "a joint step");
    assert_eq!(steps[0].kind, StepKind::Mulai);
    assert_eq!(steps[1].kind, StepKind::Proses);
    assert_eq!(steps[4].kind, StepKind::Selesai);
    assert_eq!(steps[1].id.as_deref(), Some("konsep"));
    assert_eq!(
        steps[2].flow,
        Flow::Decision {
            ya: Target::step(3),
            tidak: Target::step(1),
            label_ya: "Benar".into(),
            label_tidak: "Perlu perbaikan".into()
        },
        "ya defaults to the next step, tidak by id"
    );
    assert_eq!(steps[4].flow, Flow::Next { to: Vec::new() });
    assert_eq!(steps[0].kelengkapan, ["Nota dinas"]);
    assert_eq!(steps[0].output.as_deref(), Some("Data usulan RKT"));
    assert_eq!(steps[0].pos.line, 31);
    let total = rkt.total_waktu.expect("total waktu");
    assert_eq!(total.min.minutes, 15.0 + 60.0 + 5.0 + 30.0);

    // Keterkaitan by nama (with "SOP") and by content path.
    let lkj = h
        .sops
        .iter()
        .position(|s| s.nomor == "SOP-071/Setda")
        .expect("lkj");
    let dpa = h
        .sops
        .iter()
        .position(|s| s.nomor == "SOP-072/Setda")
        .expect("dpa");
    let targets: Vec<(Option<usize>, Hubungan)> = rkt
        .keterkaitan
        .iter()
        .map(|r| (r.target, r.hubungan))
        .collect();
    assert_eq!(
        targets,
        [
            (Some(lkj), Hubungan::Terkait),
            (Some(dpa), Hubungan::Lanjutan)
        ]
    );
}

#[test]
fn markdown_sop_has_front_matter_and_body() {
    let h = valid();
    let lkj = h
        .sops
        .iter()
        .find(|s| s.path == "bagian-umum/lkj")
        .expect("lkj.md");
    assert_eq!(lkj.satuan_kerja.as_deref(), Some("Bagian Umum Setda"));
    assert_eq!(lkj.unit_lines, ["Bagian Umum"]);
    assert!(lkj.body.contains("Laporan disusun **setiap tahun**."));
    assert!(!lkj.body.contains("nomor:"));
    // No pelaksana written: the roles in order of first use.
    let lanes: Vec<&str> = lkj.lanes.iter().map(|l| l.nama.as_str()).collect();
    assert_eq!(lanes, ["Pelaksana", "Kepala Bagian Umum"]);
    // Positions count the opening `---` line.
    assert_eq!(lkj.pos.line, 2);
    assert_eq!(lkj.keterkaitan[0].hubungan, Hubungan::Prasyarat);
}

#[test]
fn units_attachments_and_register() {
    let h = valid();
    let units: Vec<(&str, &str)> = h
        .units
        .iter()
        .map(|u| (u.path.as_str(), u.nama.as_str()))
        .collect();
    assert_eq!(
        units,
        [
            ("", "Sekretariat Daerah"),
            ("bagian-umum", "Bagian Umum"),
            (
                "bagian-umum/sub-bagian-perencanaan",
                "Sub Bagian Perencanaan"
            ),
        ]
    );
    assert_eq!(h.units[1].urutan, Some(1));
    assert!(h.units[1].body.contains("perencanaan dan keuangan"));
    assert_eq!(h.units[2].parent.as_deref(), Some("bagian-umum"));
    let dests: Vec<&str> = h.assets.iter().map(|a| a.dest.as_str()).collect();
    assert_eq!(
        dests,
        ["bagian-umum/sub-bagian-perencanaan/Formulir Usulan.pdf"]
    );
    assert!(h.assets[0].source.is_file());
    assert_eq!(h.register.len(), 1);
    assert_eq!(h.register[0].id, "uu-no-17-tahun-2003");
    // SOPs by unit order, then nomor.
    let order: Vec<&str> = h.sops.iter().map(|s| s.nomor.as_str()).collect();
    assert_eq!(order, ["SOP-071/Setda", "SOP-072/Setda", "SOP- 070/Setda"]);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let without = valid();
    assert!(without.sops.iter().all(|s| s.nomor != "SOP-099/Setda"));
    let with = load(&Options {
        root: fixture("valid"),
        drafts: true,
        base_url: Some("https://x.go.id/sop".into()),
    });
    let h = with.handbook.expect("handbook");
    let draft = h
        .sops
        .iter()
        .find(|s| s.nomor == "SOP-099/Setda")
        .expect("draft included with --drafts");
    assert!(draft.draft);
    assert_eq!(h.config.base_url, "https://x.go.id/sop/");
}

#[test]
fn editor_temp_files_are_ignored() {
    let text = sop("SOP-1");
    let loaded = check(&[
        ("content/a.yaml", &text),
        ("content/.a.yaml.swp", "garbage: ["),
        ("content/a.yaml~", "garbage: ["),
        ("content/#a.yaml#", "garbage: ["),
        ("content/a.yaml.tmp", "garbage: ["),
        ("content/4913", ""),
        ("content/.git/config", "x"),
    ]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let h = loaded.handbook.expect("handbook");
    assert_eq!(h.sops.len(), 1);
    assert!(h.assets.is_empty(), "{:?}", h.assets);
}

// ---------------------------------------------------------------- one test per diagnostic

#[test]
fn yaml_syntax_error() {
    let loaded = check(&[(
        "content/umum/rkt.yaml",
        "nomor: SOP-1\nnama: RKT\nlangkah: [\n  - kegiatan: a\n",
    )]);
    let d = find(&loaded, "YAML syntax error");
    assert_eq!(d.file, PathBuf::from("content/umum/rkt.yaml"));
    assert!(d.line >= 3, "{d:#?}");
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn unknown_key_has_did_you_mean() {
    let text = sop("SOP-1").replace("nama:", "nmaa:");
    let loaded = check(&[("content/umum/rkt.yaml", &text)]);
    let d = find(&loaded, "unknown key `nmaa`");
    assert_at(d, "content/umum/rkt.yaml", 2, Severity::Error);
    assert_eq!(d.column, 1);
    assert_eq!(d.hint.as_deref(), Some("did you mean `nama`?"));
    // The missing nama is reported too, in the same run.
    find(&loaded, "missing required field `nama`");
}

#[test]
fn unknown_step_key_has_did_you_mean() {
    let text = sop("SOP-1").replace(
        "    pelaksana: Pelaksana\n  - keg",
        "    pelaksana: Pelaksana\n    keterangn: x\n  - keg",
    );
    let loaded = check(&[("content/rkt.yaml", &text)]);
    let d = find(&loaded, "unknown key `keterangn`");
    assert_at(d, "content/rkt.yaml", 6, Severity::Error);
    assert_eq!(d.hint.as_deref(), Some("did you mean `keterangan`?"));
}

#[test]
fn missing_required_field() {
    // Many real SOPs are published before they are numbered: a warning.
    let loaded = check(&[("content/rkt.yaml", &format!("nama: RKT\n{STEPS}"))]);
    let d = find(&loaded, "the SOP has no nomor");
    assert_at(d, "content/rkt.yaml", 1, Severity::Warning);
    let loaded = check(&[("content/rkt.yaml", &format!("nomor: 1\n{STEPS}"))]);
    let d = find(&loaded, "missing required field `nama`");
    assert_at(d, "content/rkt.yaml", 1, Severity::Error);
    let loaded = check(&[(
        "content/rkt.yaml",
        "nomor: 1\nnama: RKT\nlangkah:\n  - kegiatan: a\n  - pelaksana: P\n",
    )]);
    let d = find(&loaded, "missing required field `kegiatan`");
    assert_at(d, "content/rkt.yaml", 5, Severity::Error);
    let d = find(&loaded, "missing required field `pelaksana`");
    assert_at(d, "content/rkt.yaml", 4, Severity::Error);
}

#[test]
fn wrong_type() {
    let loaded = check(&[(
        "content/rkt.yaml",
        "nomor: 070\nnama: RKT\nperalatan:\n  komputer: 1\nlangkah:\n  kegiatan: a\n",
    )]);
    let d = find(&loaded, "`peralatan` should be a list, not a map");
    assert_at(d, "content/rkt.yaml", 4, Severity::Error);
    let d = find(&loaded, "`langkah` should be a list of steps, not a map");
    assert_at(d, "content/rkt.yaml", 6, Severity::Error);
    // A number where text is wanted is text as written.
    assert!(
        !loaded
            .diagnostics
            .iter()
            .any(|d| d.message.contains("nomor")),
        "{:#?}",
        loaded.diagnostics
    );
}

#[test]
fn numbers_are_accepted_as_text() {
    let text = "nomor: 070\nnama: 2024\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    waktu: 15\n  - kegiatan: b\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    assert!(
        !loaded.diagnostics.has_errors(),
        "{:#?}",
        loaded.diagnostics
    );
    let h = loaded.handbook.expect("handbook");
    assert_eq!(h.sops[0].nomor, "070");
    assert_eq!(
        h.sops[0].steps[0].waktu.as_ref().map(|w| w.text.as_str()),
        Some("15")
    );
}

#[test]
fn duplicate_key() {
    let text = format!("nomor: SOP-1\nnama: A\nnama: B\n{STEPS}");
    let loaded = check(&[("content/rkt.yaml", &text)]);
    let d = find(&loaded, "duplicate key `nama`");
    assert_at(d, "content/rkt.yaml", 3, Severity::Error);
}

#[test]
fn unknown_pelaksana_has_did_you_mean() {
    let text = "nomor: SOP-1\nnama: RKT\npelaksana:\n  - nama: Kepala Sub Bagian Perencanaan\n    singkatan: Kasubbag\n  - Pelaksana\nlangkah:\n  - kegiatan: a\n    pelaksana: Kasubag\n  - kegiatan: b\n    pelaksana: Pelaksana\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "unknown pelaksana `Kasubag`");
    assert_at(d, "content/rkt.yaml", 9, Severity::Error);
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(hint.starts_with("did you mean `Kasubbag`?"), "{hint}");
}

#[test]
fn decision_without_tidak() {
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n  - kegiatan: Lengkap?\n    pelaksana: P\n    jenis: keputusan\n  - kegiatan: c\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "decision without `tidak`");
    assert_at(d, "content/rkt.yaml", 6, Severity::Error);
}

#[test]
fn target_that_does_not_exist() {
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    id: awal\n  - kegiatan: Lengkap?\n    pelaksana: P\n    jenis: keputusan\n    tidak: 9\n  - kegiatan: c\n    pelaksana: P\n    lanjut: akhr\n  - kegiatan: d\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "step 9, which does not exist");
    assert_at(d, "content/rkt.yaml", 10, Severity::Error);
    assert!(
        d.hint.as_deref().unwrap_or_default().contains("1 to 4"),
        "{d:#?}"
    );
    let d = find(&loaded, "`akhr`, which is no step number or id");
    assert_at(d, "content/rkt.yaml", 13, Severity::Error);
    assert!(
        d.hint.as_deref().unwrap_or_default().contains("awal"),
        "{d:#?}"
    );
}

#[test]
fn ya_on_a_step_that_is_no_decision() {
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    ya: 2\n  - kegiatan: b\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "which is not a decision");
    assert_at(d, "content/rkt.yaml", 6, Severity::Error);
}

#[test]
fn unreachable_step() {
    // Step 2 jumps over step 3: nothing leads to it.
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n  - kegiatan: b\n    pelaksana: P\n    lanjut: 4\n  - kegiatan: c\n    pelaksana: P\n  - kegiatan: d\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "step 3 cannot be reached");
    assert_at(d, "content/rkt.yaml", 9, Severity::Error);
}

#[test]
fn step_with_no_way_to_the_end() {
    // Steps 2 and 3 loop forever.
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n  - kegiatan: b\n    pelaksana: P\n  - kegiatan: c\n    pelaksana: P\n    lanjut: 2\n  - kegiatan: d\n    pelaksana: P\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "no way to a selesai step");
    assert_at(d, "content/rkt.yaml", 4, Severity::Error);
    assert!(d.message.contains("1, 2, 3"), "{d:#?}");
}

#[test]
fn duplicate_nomor() {
    let loaded = check(&[
        ("content/a.yaml", &sop("SOP-070/Setda")),
        ("content/b/c.yaml", &sop("SOP- 070/setda")),
    ]);
    let d = find(&loaded, "duplicate nomor");
    assert_at(d, "content/b/c.yaml", 1, Severity::Error);
    assert!(d.message.contains("content/a.yaml"), "{d:#?}");
}

#[test]
fn duplicate_slug() {
    let text = format!("---\n{}---\n", sop("SOP-2"));
    let loaded = check(&[
        ("content/umum/Rkt.yaml", &sop("SOP-1")),
        ("content/umum/rkt.md", &text),
    ]);
    let d = find(&loaded, "duplicate URL `umum/rkt/`");
    assert_at(d, "content/umum/rkt.md", 1, Severity::Error);
    assert!(d.message.contains("content/umum/Rkt.yaml"), "{d:#?}");
}

#[test]
fn reserved_path() {
    let loaded = check(&[("content/cari.yaml", &sop("SOP-1"))]);
    let d = find(&loaded, "is a page of the site itself");
    assert_at(d, "content/cari.yaml", 1, Severity::Error);
}

#[test]
fn impossible_date() {
    let text = format!("nomor: SOP-1\nnama: RKT\ntanggal_efektif: 31 April 2019\n{STEPS}");
    let loaded = check(&[("content/rkt.yaml", &text)]);
    let d = find(&loaded, "impossible date");
    assert_at(d, "content/rkt.yaml", 3, Severity::Error);
}

#[test]
fn unreadable_date_lists_the_accepted_forms() {
    let text =
        format!("nomor: SOP-1\nnama: RKT\ntanggal_revisi:\n  - 2019-01-01\n  - kemarin\n{STEPS}");
    let loaded = check(&[("content/rkt.yaml", &text)]);
    let d = find(&loaded, "cannot read the date `kemarin`");
    assert_at(d, "content/rkt.yaml", 5, Severity::Error);
    assert!(
        d.hint
            .as_deref()
            .unwrap_or_default()
            .contains("7 November 2018")
    );
}

#[test]
fn unreadable_waktu_is_a_warning() {
    let text = "nomor: SOP-1\nnama: RKT\nlangkah:\n  - kegiatan: a\n    pelaksana: P\n    waktu: secepatnya\n  - kegiatan: b\n    pelaksana: P\n    waktu: 1 jam\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "cannot read the waktu `secepatnya`");
    assert_at(d, "content/rkt.yaml", 6, Severity::Warning);
    assert!(!loaded.diagnostics.has_errors());
    let h = loaded.handbook.expect("handbook");
    let sop = &h.sops[0];
    assert_eq!(
        sop.steps[0].waktu.as_ref().map(|w| w.text.as_str()),
        Some("secepatnya"),
        "kept as written"
    );
    assert_eq!(sop.total_waktu.map(|t| t.max.minutes), Some(60.0));
}

#[test]
fn unreadable_citation_is_a_warning() {
    let text = format!(
        "nomor: SOP-1\nnama: RKT\ndasar_hukum:\n  - UU 17/2003\n  - Arahan lisan pimpinan\n{STEPS}"
    );
    let loaded = check(&[("content/rkt.yaml", &text)]);
    let d = find(&loaded, "cannot read this citation");
    assert_at(d, "content/rkt.yaml", 5, Severity::Warning);
    // Not a regulation at all: the hint says where else it can go.
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("not a regulation")),
        "{:?}",
        d.hint
    );
    let h = loaded.handbook.expect("handbook");
    assert_eq!(h.sops[0].dasar_hukum[1].text, "Arahan lisan pimpinan");
}

#[test]
fn a_citation_whose_number_the_paper_left_blank_says_to_fill_it_in() {
    // As a puskesmas form prints it: "Surat keputusan puskesmas no. tentang ...".
    let text = format!(
        "nomor: SOP-1\nnama: Imunisasi\ndasar_hukum:\n  - Surat keputusan puskesmas no. tentang pelayanan klinis\n{STEPS}"
    );
    let loaded = check(&[("content/imunisasi.yaml", &text)]);
    let d = find(&loaded, "cannot read this citation");
    assert_at(d, "content/imunisasi.yaml", 4, Severity::Warning);
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("is blank on the paper")),
        "{:?}",
        d.hint
    );
}

#[test]
fn unresolved_keterkaitan_is_a_warning() {
    let text = format!(
        "nomor: SOP-1\nnama: Penyusunan RKT\nketerkaitan:\n  - SOP Penyusunan Laporan Kinerjaa\n{STEPS}"
    );
    let other = format!("nomor: SOP-2\nnama: Penyusunan Laporan Kinerja\n{STEPS}");
    let loaded = check(&[("content/a.yaml", &text), ("content/b.yaml", &other)]);
    let d = find(&loaded, "matches no SOP");
    assert_at(d, "content/a.yaml", 4, Severity::Warning);
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean `Penyusunan Laporan Kinerja`?")
    );
}

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
fn unknown_handbook_key_is_a_settings_error() {
    let loaded = check(&[
        (
            "handbook.yaml",
            "title: X\nlanguag: id\nprint:\n  paper: A5\n",
        ),
        ("content/rkt.yaml", &sop("SOP-1")),
    ]);
    assert!(!loaded.settings_ok);
    let d = find(&loaded, "unknown key `languag`");
    assert_at(d, "handbook.yaml", 2, Severity::Error);
    assert_eq!(d.hint.as_deref(), Some("did you mean `language`?"));
    let d = find(&loaded, "unknown paper `A5`");
    assert_at(d, "handbook.yaml", 4, Severity::Error);
}

#[test]
fn wrong_language_is_a_settings_error() {
    let loaded = check(&[("handbook.yaml", "language: fr\n")]);
    assert!(!loaded.settings_ok);
    assert_at(
        find(&loaded, "unknown language"),
        "handbook.yaml",
        1,
        Severity::Error,
    );
}

#[test]
fn unit_index_is_checked() {
    let loaded = check(&[
        (
            "content/umum/_index.md",
            "---\nnma: Bagian Umum\n---\nTeks\n",
        ),
        ("content/umum/rkt.yaml", &sop("SOP-1")),
    ]);
    let d = find(&loaded, "unknown key `nma`");
    assert_at(d, "content/umum/_index.md", 2, Severity::Error);
    let d = find(&loaded, "missing required field `nama`");
    assert_at(d, "content/umum/_index.md", 2, Severity::Error);
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

// ---------------------------------------------------------------- the binary

fn lajur_check(root: &Path, json: bool) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lajur"));
    cmd.arg("check").arg("--root").arg(root);
    if json {
        cmd.args(["--format", "json"]);
    }
    cmd.output().expect("run lajur")
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

#[test]
fn lane_without_a_step_is_a_warning() {
    let text = "nomor: SOP-1\nnama: RKT\npelaksana:\n  - Pelaksana\n  - Sekretaris Daerah\nlangkah:\n  - kegiatan: a\n    pelaksana: Pelaksana\n  - kegiatan: b\n    pelaksana: pelaksana\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "the lane `Sekretaris Daerah` has no step");
    assert_at(d, "content/rkt.yaml", 5, Severity::Warning);
}
