//! The valid handbook (tests/fixtures/check/valid) loads every field of
//! the form, its units, attachments and register, and leaves out drafts and
//! editor files.

use std::path::PathBuf;

use lajur::Options;
use lajur::model::{Flow, Hubungan, StepKind, Target};
use lajur::source::load;

use crate::{check, fixture, sop, valid};

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
