//! What an import reads out of a document, before it becomes YAML: the
//! fields of the SOP AP form as the author wrote them, and, at each place,
//! what a person has to check (`# periksa:`).
//!
//! Every reader (text, PDF) fills a [`Draft`]; [`super::yaml`] writes it.
//! Nothing here is guessed: a value is either read from the document or
//! left out with a note saying why.

/// One SOP as read from a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The kop's top line ("PEMERINTAH KOTA ..."): not an SOP key, so it is
    /// written as a comment for the unit's _index.md.
    pub organisasi: Option<String>,
    pub satuan_kerja: Option<String>,
    /// The unit lines of the kop (Bagian / Sub Bagian), top first.
    pub unit: Vec<String>,
    pub nomor: Option<String>,
    pub nama: Option<String>,
    pub tanggal_pembuatan: Option<String>,
    pub tanggal_revisi: Option<String>,
    pub tanggal_efektif: Option<String>,
    pub tanggal_pengesahan: Option<String>,
    pub disahkan_oleh: Option<Approver>,
    pub dasar_hukum: Vec<String>,
    pub kualifikasi_pelaksana: Vec<String>,
    pub keterkaitan: Vec<String>,
    pub peralatan: Vec<String>,
    pub peringatan: Vec<String>,
    pub pencatatan: Vec<String>,
    /// The lanes, left to right, as the column headers name them.
    pub lanes: Vec<String>,
    pub steps: Vec<Step>,
    /// What to check, by the field it concerns (`nomor`, `disahkan_oleh`,
    /// ...) or "" for the SOP as a whole.
    pub notes: Vec<(String, String)>,
}

impl Draft {
    /// Adds a `# periksa:` note at `field` ("" for the whole SOP).
    pub fn note(&mut self, field: &str, message: impl Into<String>) {
        self.notes.push((field.to_string(), message.into()));
    }

    /// The notes at `field`.
    pub fn notes_at<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.notes
            .iter()
            .filter(move |(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// Disahkan oleh: jabatan, nama and NIP as printed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Approver {
    pub jabatan: String,
    pub nama: String,
    pub nip: String,
}

/// The kind of a flowchart symbol, named as `jenis` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Mulai,
    Proses,
    Keputusan,
    Selesai,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Mulai => "mulai",
            Kind::Proses => "proses",
            Kind::Keputusan => "keputusan",
            Kind::Selesai => "selesai",
        }
    }
}

/// One row of the flowchart table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// The number printed in the No column.
    pub no: String,
    pub kegiatan: String,
    /// The lanes of its symbols, left to right or in the order of the
    /// arrows (berurutan); one for most steps.
    pub pelaksana: Vec<String>,
    /// Several symbols joined by arrows rather than plain lines.
    pub berurutan: bool,
    /// One per symbol when known (PDF); empty when the document does not
    /// show it (text), so the format's default applies.
    pub jenis: Vec<Kind>,
    /// Branch targets as the YAML writes them: a number or `selesai`.
    pub ya: Option<String>,
    pub tidak: Option<String>,
    pub label_ya: Option<String>,
    pub label_tidak: Option<String>,
    /// For a non-decision step: where it goes when not the next row.
    pub lanjut: Vec<String>,
    pub kelengkapan: Option<String>,
    pub waktu: Option<String>,
    pub output: Option<String>,
    pub keterangan: Option<String>,
    /// `# periksa:` notes on this step.
    pub notes: Vec<String>,
}
