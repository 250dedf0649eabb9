//! Riwayat perubahan: the commits that changed an SOP's file, each with
//! what changed in the SOP in the form's own terms.
//!
//! Plain data: `source::history` reads it from git, `model::diff` says what
//! changed between two versions, `render` puts it into words (Indonesian or
//! English) on the SOP page.

use serde::Serialize;

/// One commit that changed the SOP's file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    /// The commit id, abbreviated as git shows it (7 hex digits).
    pub commit: String,
    /// The author's date, in the author's own time zone.
    pub date: super::Date,
    /// The author's name as git has it (no mailmap).
    pub author: String,
    /// The first line of the commit message.
    pub message: String,
    /// What changed in the SOP; empty when only its wording outside the
    /// form changed (spaces, comments, the order of keys).
    pub changes: Vec<Change>,
}

/// One change to an SOP, field by field. Values are as a reader sees them
/// (dates in long form, waktu as written), each language's words for the
/// fields and verbs are added when rendered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Change {
    /// The file first appears in this commit.
    Created,
    /// The file was renamed or moved; `from` is its old path.
    Moved { from: String },
    /// This version could not be read as an SOP (or the one before it), so
    /// no field can be compared.
    Unreadable,
    /// A field of the form changed from `old` to `new` (None: empty).
    Field {
        field: Field,
        old: Option<String>,
        new: Option<String>,
    },
    /// An item added to a list field (a dasar hukum line, a pelaksana).
    Added { field: Field, item: String },
    /// An item taken out of a list field.
    Removed { field: Field, item: String },
    /// A step added; `no` is its number in the new version.
    StepAdded { no: String, kegiatan: String },
    /// A step taken out; `no` is its number in the old version.
    StepRemoved { no: String, kegiatan: String },
    /// A field of a step kept in both versions (numbered as in the new one).
    StepField {
        no: String,
        field: StepField,
        old: Option<String>,
        new: Option<String>,
    },
    /// An item added to or taken out of a step's kelengkapan.
    StepItemAdded {
        no: String,
        field: StepField,
        item: String,
    },
    StepItemRemoved {
        no: String,
        field: StepField,
        item: String,
    },
}

/// The fields of the form outside the steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Nomor,
    Nama,
    SatuanKerja,
    TanggalPembuatan,
    TanggalRevisi,
    TanggalEfektif,
    TanggalPengesahan,
    /// Disahkan oleh: jabatan.
    Jabatan,
    /// Disahkan oleh: nama.
    Penandatangan,
    /// Disahkan oleh: NIP.
    Nip,
    DasarHukum,
    KualifikasiPelaksana,
    Keterkaitan,
    Peralatan,
    Peringatan,
    Pencatatan,
    /// The lanes of the flowchart.
    Pelaksana,
    TotalWaktu,
    /// The Markdown body of an .md SOP.
    Uraian,
    Draft,
}

/// The fields of a step (a row of the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepField {
    Kegiatan,
    Pelaksana,
    Jenis,
    /// Where the step leads: ya/tidak, lanjut.
    Alur,
    Kelengkapan,
    Waktu,
    Output,
    Keterangan,
}
