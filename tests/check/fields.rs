//! One test per diagnostic of an SOP's fields: YAML syntax, unknown and
//! missing keys, types, dates, waktu, citations and keterkaitan, each at its
//! file and line, with a hint where one helps.

use std::path::PathBuf;

use lajur::diagnostic::Severity;

use crate::{STEPS, assert_at, check, find, sop};

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
