//! The handbook as plain data: what `source` loads and `render` draws.
//!
//! Identifiers are English; the label of the SOP AP form each field stands
//! for is in its doc comment and in its serde name.

pub mod calendar;
pub mod citation;
pub mod diff;
pub mod graph;
pub mod history;
pub mod slug;
pub mod tanggal;
pub mod url;
pub mod waktu;

use std::path::PathBuf;

use serde::Serialize;

use crate::config::Config;
use crate::diagnostic::Pos;
pub use citation::{Citation, RegulationKind};
pub use tanggal::Date;
pub use waktu::{Duration, Waktu};

/// The whole handbook, loaded and checked.
#[derive(Debug, Clone, Serialize)]
pub struct Handbook {
    pub config: Config,
    /// Every unit, the root (path "") first, then in depth-first order,
    /// siblings sorted by urutan then nama.
    pub units: Vec<Unit>,
    /// Every published SOP (drafts only with `--drafts`), in the order of
    /// their units, then by nomor.
    pub sops: Vec<Sop>,
    /// content/dasar-hukum.yaml: full titles and links of regulations.
    pub register: Vec<RegisterEntry>,
    /// Files to copy as they are: attachments in content/ and static files.
    pub assets: Vec<Asset>,
}

/// An organisational unit: a folder of content/ (the root is the front page).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Unit {
    /// Slugged path from content/ ("" for the root, "bagian-umum/perencanaan").
    pub path: String,
    /// Path of the parent unit; None for the root.
    pub parent: Option<String>,
    /// nama: from _index.md, else the folder name.
    pub nama: String,
    /// satuan_kerja: inherited by every SOP below unless they set their own.
    pub satuan_kerja: Option<String>,
    /// urutan: sort order among siblings.
    pub urutan: Option<i64>,
    /// organisasi: the top line of the kop for every SOP below.
    pub organisasi: Option<String>,
    /// logo: the kop's logo for every SOP below (a path under static/).
    pub logo: Option<String>,
    /// satuan_waktu: the unit of a bare number in waktu for every SOP below.
    pub satuan_waktu: Option<String>,
    /// The Markdown body of _index.md.
    pub body: String,
    /// The file it was read from (content/x/_index.md), if any.
    pub file: Option<PathBuf>,
}

/// One SOP: the identity section of the form, the lanes and the steps.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sop {
    /// The source file relative to the handbook root (content/a/b/name.yaml).
    pub file: PathBuf,
    /// Slugged content path without extension ("a/b/name"): the page URL.
    pub path: String,
    /// Path of the unit (folder) the SOP is in.
    pub unit: String,
    /// Where `nomor` is written, for diagnostics that concern the whole SOP.
    pub pos: Pos,
    /// Nomor SOP; empty when the SOP has none yet (the form shows "—").
    pub nomor: String,
    /// Nama SOP.
    pub nama: String,
    /// The kop's top line: organisasi of the nearest unit that sets it;
    /// None falls back to handbook.yaml's organisation.
    pub organisasi: Option<String>,
    /// The kop's logo (a path under static/) of the nearest unit that sets
    /// it; None falls back to handbook.yaml's logo.
    pub logo: Option<String>,
    /// Satuan Kerja (own or inherited from the unit).
    pub satuan_kerja: Option<String>,
    /// The unit lines of the header (Bagian / Sub Bagian).
    pub unit_lines: Vec<String>,
    /// Tanggal Pembuatan.
    pub tanggal_pembuatan: Option<Date>,
    /// Tanggal Revisi, newest first.
    pub tanggal_revisi: Vec<Date>,
    /// Tanggal Efektif.
    pub tanggal_efektif: Option<Date>,
    /// Tanggal Pengesahan (many forms print it instead of or beside Tanggal Efektif).
    pub tanggal_pengesahan: Option<Date>,
    /// Dates written without a year ("7 November"): not dates, so shown
    /// as written, field by field.
    pub dates_as_written: Vec<WrittenDate>,
    /// Disahkan oleh.
    pub disahkan_oleh: Option<Approver>,
    /// Dasar Hukum, each line read as a citation.
    pub dasar_hukum: Vec<Citation>,
    /// Kualifikasi Pelaksana.
    pub kualifikasi_pelaksana: Vec<String>,
    /// Keterkaitan: related SOPs, resolved by `link::references::resolve`.
    pub keterkaitan: Vec<Relation>,
    /// Peralatan / Perlengkapan.
    pub peralatan: Vec<String>,
    /// Peringatan: one paragraph, or the numbered items of the form.
    pub peringatan: Vec<String>,
    /// Pencatatan dan Pendataan.
    pub pencatatan: Vec<String>,
    /// Pelaksana: the lanes, left to right.
    pub lanes: Vec<Lane>,
    /// judul_lajur: what the flowchart's lane headers show.
    pub lane_title: LaneTitle,
    /// Langkah: the steps in order; `steps[i].number == i + 1`.
    pub steps: Vec<Step>,
    /// Sum of every step's readable waktu.
    pub total_waktu: Option<waktu::DurationRange>,
    /// How many steps have a readable waktu: the total is partial when
    /// fewer than all.
    pub waktu_steps: usize,
    /// satuan_waktu in force (the SOP's, else its unit's), as written.
    pub satuan_waktu: Option<String>,
    /// total_waktu as printed on the paper form, as written.
    pub total_waktu_written: Option<String>,
    pub draft: bool,
    /// The Markdown body (of a .md SOP), empty for .yaml.
    pub body: String,
    /// Riwayat perubahan: the commits that changed the file, newest first
    /// (`source::history`, read by `build` when the handbook is a git
    /// repository); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<history::Revision>,
}

/// A date field written without a year, kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WrittenDate {
    /// The field: tanggal_pembuatan, tanggal_revisi, ...
    pub key: String,
    pub text: String,
}

/// judul_lajur: what a lane header shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LaneTitle {
    #[default]
    Nama,
    /// The singkatan, or the nama of a lane without one.
    Singkatan,
}

impl Sop {
    /// The text a lane's header shows, after judul_lajur.
    pub fn lane_header(&self, lane: &Lane) -> String {
        match (self.lane_title, &lane.singkatan) {
            (LaneTitle::Singkatan, Some(s)) => s.clone(),
            _ => lane.nama.clone(),
        }
    }

    /// The nomor, or "—" (as the form shows it) for an SOP without one.
    pub fn nomor_or_dash(&self) -> &str {
        if self.nomor.is_empty() {
            "—"
        } else {
            &self.nomor
        }
    }

    /// True when some steps have no readable waktu, so the total is a lower bound.
    pub fn total_is_partial(&self) -> bool {
        self.waktu_steps < self.steps.len()
    }

    /// A field written without a year, as written.
    pub fn date_as_written(&self, key: &str) -> Option<&str> {
        self.dates_as_written
            .iter()
            .find(|d| d.key == key)
            .map(|d| d.text.as_str())
    }
}

/// Disahkan oleh: who signed the SOP.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Approver {
    pub jabatan: Option<String>,
    pub nama: Option<String>,
    pub nip: Option<String>,
}

/// A lane of the flowchart: one role (pelaksana).
#[derive(Debug, Clone, Serialize)]
pub struct Lane {
    pub nama: String,
    pub singkatan: Option<String>,
    /// Slug of `nama`: the role page and `data-lane` in the SVG.
    pub slug: String,
}

/// One activity (a row of the form).
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// 1-based position: `data-step` in the flowchart and the page's anchors.
    pub number: usize,
    /// No: the number printed on the paper form. The position unless the
    /// SOP writes `no` (a step without `no` after one that has it counts on
    /// from it); empty for a row the paper leaves unnumbered.
    pub no: String,
    pub id: Option<String>,
    /// Kegiatan.
    pub kegiatan: String,
    /// Pelaksana: indices into `Sop::lanes`, one per symbol, in the order
    /// written. More than one for a joint (bersama) step or for an activity
    /// that passes from lane to lane (berurutan), where a lane may repeat.
    pub lanes: Vec<usize>,
    /// Jenis: the kind of the step; for a berurutan row, the kind of its
    /// last symbol (where its arrows leave).
    pub kind: StepKind,
    /// Alur: how the symbols of a step in several lanes are connected.
    pub alur: Alur,
    /// Jenis of each symbol of a berurutan row (as long as `lanes`); empty
    /// when every symbol is `kind`.
    pub kinds: Vec<StepKind>,
    /// Simbol: short text drawn inside the symbol instead of the number.
    pub simbol: Option<String>,
    /// Where the step leads.
    pub flow: Flow,
    /// Mutu Baku: Kelengkapan / Persyaratan.
    pub kelengkapan: Vec<String>,
    /// Mutu Baku: Waktu.
    pub waktu: Option<Waktu>,
    /// Mutu Baku: Output.
    pub output: Option<String>,
    /// Keterangan.
    pub keterangan: Option<String>,
    /// Where the step starts in the source.
    pub pos: Pos,
}

/// Jenis: the symbol of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A capsule (terminator) at the start.
    Mulai,
    /// A rectangle.
    Proses,
    /// A diamond with Ya/Tidak branches.
    Keputusan,
    /// A capsule at the end.
    Selesai,
}

impl StepKind {
    /// The symbol of the step at 0-based `i` of `n` when the SOP gives no
    /// `jenis` and it is no decision: mulai first, selesai last, proses
    /// between.
    pub fn default_at(i: usize, n: usize) -> StepKind {
        if i == 0 {
            StepKind::Mulai
        } else if i + 1 == n {
            StepKind::Selesai
        } else {
            StepKind::Proses
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Mulai => "mulai",
            StepKind::Proses => "proses",
            StepKind::Keputusan => "keputusan",
            StepKind::Selesai => "selesai",
        }
    }
}

/// Alur: how a step done in several lanes is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Alur {
    /// One joint activity: the same symbol in each lane, joined by plain lines.
    #[default]
    Bersama,
    /// The activity passes from lane to lane within the row, in the order
    /// written: one symbol per lane, joined by arrows.
    Berurutan,
}

impl Alur {
    pub fn as_str(self) -> &'static str {
        match self {
            Alur::Bersama => "bersama",
            Alur::Berurutan => "berurutan",
        }
    }
}

/// Where an arrow leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// A step (0-based index into `Sop::steps`) and which of its symbols
    /// (0-based into its `lanes`; 0, the first, unless `{ke, pelaksana}`
    /// aims at another one of a berurutan row).
    Step { step: usize, symbol: usize },
    /// `selesai`: the procedure ends on this branch, without a row of its own.
    End,
}

impl Target {
    /// The first symbol of step `step`.
    pub fn step(step: usize) -> Target {
        Target::Step { step, symbol: 0 }
    }

    /// The step it leads to; None for the end.
    pub fn step_index(self) -> Option<usize> {
        match self {
            Target::Step { step, .. } => Some(step),
            Target::End => None,
        }
    }
}

/// Where a step leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Flow {
    /// To the next step, or to `lanjut` (several when the flow forks);
    /// empty after a selesai.
    Next { to: Vec<Target> },
    /// A decision: "Ya" and "Tidak" with their labels (empty: no label drawn).
    Decision {
        ya: Target,
        tidak: Target,
        label_ya: String,
        label_tidak: String,
    },
}

impl Flow {
    /// The labels of a decision's branches when the SOP gives none, as the
    /// form prints them. Words of the handbook's form, not of the UI: an
    /// English site shows them too unless the SOP writes its own.
    pub const YA: &'static str = "Ya";
    pub const TIDAK: &'static str = "Tidak";

    /// A branch's `label`, or `default` (one of the above) where the SOP
    /// leaves it empty: the steps table names every branch, even one the
    /// drawing leaves unlabelled.
    pub fn named<'a>(label: &'a str, default: &'static str) -> &'a str {
        if label.is_empty() { default } else { label }
    }

    /// To one step (0-based), or nowhere.
    pub fn next(to: Option<usize>) -> Flow {
        Flow::Next {
            to: to.map(Target::step).into_iter().collect(),
        }
    }
}

/// An arrow of the flowchart between steps (or to an end of a branch).
/// The arrows inside a berurutan row are not edges: see [`Step::symbol_count`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge<'a> {
    pub from: usize,
    /// The symbol of `from` it leaves: the last one of a berurutan row.
    pub from_symbol: usize,
    /// Where it leads: a step and its symbol, or the end of the procedure.
    pub target: Target,
    /// The branch label of a decision ("Ya", "Tidak" or the custom labels);
    /// None for a plain arrow and for a label written `""`.
    pub label: Option<&'a str>,
    /// True for the "Tidak" branch of a decision.
    pub is_no: bool,
}

impl Edge<'_> {
    /// The step it leads to, or `usize::MAX` for the end (never a step).
    pub fn to(&self) -> usize {
        self.target.step_index().unwrap_or(usize::MAX)
    }

    /// True when the branch ends the procedure (`selesai` as a target).
    pub fn is_end(&self) -> bool {
        self.target == Target::End
    }
}

impl Default for Step {
    /// An empty proses step leading nowhere, for code that fills in the rest.
    fn default() -> Step {
        Step {
            number: 1,
            no: "1".into(),
            id: None,
            kegiatan: String::new(),
            lanes: Vec::new(),
            kind: StepKind::Proses,
            alur: Alur::Bersama,
            kinds: Vec::new(),
            simbol: None,
            flow: Flow::Next { to: Vec::new() },
            kelengkapan: Vec::new(),
            waktu: None,
            output: None,
            keterangan: None,
            pos: Pos::default(),
        }
    }
}

impl Step {
    /// How many symbols the step draws: one per lane.
    pub fn symbol_count(&self) -> usize {
        self.lanes.len().max(1)
    }

    /// The kind of symbol `j`.
    pub fn symbol_kind(&self, j: usize) -> StepKind {
        self.kinds.get(j).copied().unwrap_or(self.kind)
    }

    /// The symbol the step's arrows leave: the last of a berurutan row,
    /// the first (any, they are one activity) of a joint step.
    pub fn exit_symbol(&self) -> usize {
        match self.alur {
            Alur::Berurutan => self.symbol_count() - 1,
            Alur::Bersama => 0,
        }
    }

    /// True when the symbols are joined by arrows (a berurutan row of
    /// more than one symbol).
    pub fn is_sequence(&self) -> bool {
        self.alur == Alur::Berurutan && self.lanes.len() > 1
    }
}

/// A branch label as drawn: none when written `""`.
fn shown(label: &str) -> Option<&str> {
    (!label.is_empty()).then_some(label)
}

impl Sop {
    /// Every arrow between steps, in step order (a decision gives Ya then
    /// Tidak; a fork its branches in the order written).
    pub fn edges(&self) -> Vec<Edge<'_>> {
        let mut out = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            let from_symbol = step.exit_symbol();
            match &step.flow {
                Flow::Next { to } => out.extend(to.iter().map(|&target| Edge {
                    from: i,
                    from_symbol,
                    target,
                    label: None,
                    is_no: false,
                })),
                Flow::Decision {
                    ya,
                    tidak,
                    label_ya,
                    label_tidak,
                } => {
                    out.push(Edge {
                        from: i,
                        from_symbol,
                        target: *ya,
                        label: shown(label_ya),
                        is_no: false,
                    });
                    out.push(Edge {
                        from: i,
                        from_symbol,
                        target: *tidak,
                        label: shown(label_tidak),
                        is_no: true,
                    });
                }
            }
        }
        out
    }

    /// The newest revision date, if any.
    pub fn latest_revision(&self) -> Option<&Date> {
        self.tanggal_revisi.first()
    }
}

/// Hubungan: how a related SOP relates to this one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hubungan {
    #[default]
    Terkait,
    Prasyarat,
    Lanjutan,
    BagianDari,
}

impl Hubungan {
    pub const ALL: [(&'static str, Hubungan); 4] = [
        ("terkait", Hubungan::Terkait),
        ("prasyarat", Hubungan::Prasyarat),
        ("lanjutan", Hubungan::Lanjutan),
        ("bagian-dari", Hubungan::BagianDari),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, h)| *h == self)
            .map(|(s, _)| *s)
            .unwrap_or("terkait")
    }
}

/// A Keterkaitan entry.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Relation {
    /// The reference as written: a nomor, a nama or a content path; for
    /// something outside the handbook (`{teks, url}`), its teks.
    pub reference: String,
    pub hubungan: Hubungan,
    /// Index into `Handbook::sops` once resolved; None shows "belum tersedia".
    pub target: Option<usize>,
    /// `{teks}` / `{teks, url}`: outside the handbook, shown as written,
    /// never resolved.
    pub outside: bool,
    /// The link of an outside entry, as written.
    pub url: Option<String>,
    /// The entry names its own SOP (shown as "SOP ini").
    pub is_self: bool,
    pub pos: Pos,
}

/// An entry of content/dasar-hukum.yaml.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    pub id: String,
    pub judul: Option<String>,
    pub url: Option<String>,
}

/// A file copied as it is into the output.
#[derive(Debug, Clone, Serialize)]
pub struct Asset {
    /// Absolute or root-relative path on disk.
    pub source: PathBuf,
    /// Path under the output folder, '/'-separated.
    pub dest: String,
    pub kind: AssetKind,
}

/// Where an asset comes from, which decides what it may replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AssetKind {
    /// The theme's or the handbook's static/: the admin's, it may replace a
    /// built-in file of the theme (style.css).
    Static,
    /// A file of content/, published beside its page; it never replaces a
    /// file lajur generates (a clash is an error).
    Attachment,
    /// A file of content/ that is not published: HTML or SVG while
    /// allow_html is false. Kept so a clash is still reported.
    Withheld,
}

impl Asset {
    /// True unless the asset is withheld.
    pub fn is_published(&self) -> bool {
        self.kind != AssetKind::Withheld
    }

    /// True for a file of content/, published or not.
    pub fn is_from_content(&self) -> bool {
        matches!(self.kind, AssetKind::Attachment | AssetKind::Withheld)
    }
}
