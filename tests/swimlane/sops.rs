//! SOPs built in code: the two seeds, a made-up one with what they lack,
//! and the handbooks on disk (the example, the shapes of real SOPs). The
//! builders are lajur::testing::model's, under the names these tests use.

use std::path::PathBuf;

use lajur::model::{Flow, Lane, Sop, Step, StepKind};
use lajur::testing::model;
pub use lajur::testing::model::{Go, form_sop as sop};

/// A lane of the role `nama`, without a singkatan.
pub fn lane(nama: &str) -> Lane {
    model::lane(nama, None)
}

/// The step at 0-based `i`: its kegiatan, lanes, kind and flow.
pub fn step(i: usize, kegiatan: &str, lanes: Vec<usize>, kind: StepKind, flow: Flow) -> Step {
    Step {
        kegiatan: kegiatan.to_string(),
        kind,
        flow,
        ..model::step(i + 1, &lanes, None)
    }
}

/// An SOP of no step: where a test puts its own.
pub fn empty_sop(nama: &str) -> Sop {
    sop(nama, &[], &[])
}

/// SOP-04/BPKPAD Balangan (seeds/): five lanes, nine steps, the correction
/// at step 7 sends the draft back to step 6 when it is not right.
pub fn balangan() -> Sop {
    sop(
        "SOP Tehnis Perencanaan Kinerja",
        &[
            "Sekretaris",
            "Kepala Bidang",
            "Kasubbag Perencanaan dan Keuangan",
            "Kepala Seksi",
            "Staf Penyusun Evaluasi Kinerja",
        ],
        &[
            (
                "Disposisi kepada kasubag Renkeu untuk melaksanakan penyusunan RKT",
                &[0],
                Go::Next,
            ),
            ("Perencanaan melakukan penyusunan RKT", &[2], Go::Next),
            ("Rapat sosialisasi pengisian form RKT", &[1, 2, 3], Go::Next),
            ("Mengisi form RKT", &[3], Go::Next),
            (
                "Mensosialisasikan Form RKT yang sudah diisi oleh semua bidang",
                &[2],
                Go::Next,
            ),
            (
                "Mengkompilasikan form RKT dari masing-masing bidang",
                &[4],
                Go::Next,
            ),
            ("Koreksi draft RKT", &[1], Go::Decide(8, 6)),
            ("Menerima dan menandatangani RKT", &[0], Go::Next),
            ("Pengarsipan RKT", &[4], Go::Next),
        ],
    )
}

/// SOP-070/Setda Banjarbaru (seeds/): eleven steps, two corrections that
/// both send the draft back to step 6.
pub fn banjarbaru() -> Sop {
    sop(
        "Penyusunan Rencana Kinerja Tahunan",
        &[
            "Kepala Sub Bagian Perencanaan",
            "Pelaksana",
            "Sekretaris Daerah",
            "Kepala Bagian Umum",
            "Asisten III",
        ],
        &[
            (
                "Melaksanakan koordinasi dengan masing-masing bagian dan meminta data usulan kegiatan",
                &[0],
                Go::Next,
            ),
            (
                "Menerima data usulan dari masing-masing bagian",
                &[1],
                Go::Next,
            ),
            (
                "Mengundang Seluruh Kabag dan Kasubbag untuk rapat pembahasan Rencana Kinerja Tahunan",
                &[0],
                Go::Next,
            ),
            (
                "Melaksanakan rapat koordinasi perihal penetapan prioritas program dan target program/ kegiatan",
                &[0, 3],
                Go::Next,
            ),
            (
                "Menghimpun data dan informasi dari masing-masing bagian",
                &[1],
                Go::Next,
            ),
            ("Membuat konsep Rencana Kinerja Tahunan", &[1], Go::Next),
            (
                "Mengoreksi dan memberi paraf draft Rencana Kinerja Tahunan",
                &[3],
                Go::Decide(8, 6),
            ),
            (
                "Mengoreksi dan memberi paraf draft Rencana Kinerja Tahunan",
                &[4],
                Go::Decide(9, 6),
            ),
            (
                "Menyusun Draft Akhir Rencana Kinerja Tahunan",
                &[1],
                Go::Next,
            ),
            (
                "Menandatangani dokumen Rencana Kinerja Tahunan",
                &[2],
                Go::Next,
            ),
            (
                "Menggandakan, membukukan dan mengarsipkan dokumen Rencana Kinerja Tahunan",
                &[1],
                Go::Next,
            ),
        ],
    )
}

/// A made-up SOP with what the seeds lack: a forward skip, a lanjut
/// upwards, a decision whose Ya skips ahead, long words in narrow lanes.
pub fn tricky() -> Sop {
    sop(
        "Pertanggungjawaban Penggunaan Anggaran",
        &[
            "Bendahara Pengeluaran",
            "Pejabat Penatausahaan Keuangan",
            "PPK",
            "Pengguna Anggaran",
        ],
        &[
            ("Menerima pertanggungjawaban", &[0], Go::Next),
            (
                "Mengkompilasikan dokumen pertanggungjawaban",
                &[0, 1],
                Go::Next,
            ),
            ("Verifikasi kelengkapan", &[1], Go::Decide(5, 2)),
            ("Meminta kelengkapan", &[0], Go::Lanjut(2)),
            ("Menyetujui", &[3], Go::Decide(7, 4)),
            ("Dicatat", &[2], Go::Next),
            ("Selesai", &[2], Go::Next),
        ],
    )
}

/// The SOPs of the example handbook (content/), as the loader reads them.
pub fn example_handbook() -> Vec<Sop> {
    handbook_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The shapes of real SOPs that issue 17 was found on
/// (tests/fixtures/flowchart), by path.
pub fn real_shapes() -> Vec<Sop> {
    handbook_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flowchart"))
}

pub fn real_shape(path: &str) -> Sop {
    real_shapes()
        .into_iter()
        .find(|s| s.path == path)
        .unwrap_or_else(|| panic!("no SOP {path} in tests/fixtures/flowchart"))
}

/// The SOPs of the handbook at `root`, as the loader reads them.
pub fn handbook_at(root: PathBuf) -> Vec<Sop> {
    let opts = lajur::Options {
        root,
        ..Default::default()
    };
    let loaded = lajur::source::load(&opts);
    let handbook = loaded.handbook.unwrap_or_else(|| {
        panic!(
            "the example handbook does not load: {:?}",
            loaded.diagnostics
        )
    });
    handbook.sops
}
