//! One test per diagnostic of an SOP's flow: pelaksana, decisions, targets,
//! steps that cannot be reached or cannot reach the end, empty lanes.

use lajur::diagnostic::Severity;

use crate::{assert_at, check, find};

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
fn lane_without_a_step_is_a_warning() {
    let text = "nomor: SOP-1\nnama: RKT\npelaksana:\n  - Pelaksana\n  - Sekretaris Daerah\nlangkah:\n  - kegiatan: a\n    pelaksana: Pelaksana\n  - kegiatan: b\n    pelaksana: pelaksana\n";
    let loaded = check(&[("content/rkt.yaml", text)]);
    let d = find(&loaded, "the lane `Sekretaris Daerah` has no step");
    assert_at(d, "content/rkt.yaml", 5, Severity::Warning);
}
