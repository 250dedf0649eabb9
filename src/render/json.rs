//! Open data: every SOP as `<sop>/sop.json` and the whole handbook in short
//! as `handbook.json`, for other tools (a portal, a dashboard, a checker).
//!
//! The shapes are described by docs/sop.schema.json and
//! docs/handbook.schema.json; a test keeps the two in step. Keys of the form
//! stay as the source format writes them (nomor, langkah, waktu); keys that
//! only exist here (url, path, min, max) are English, as in handbook.yaml.

use std::borrow::Cow;

use serde::Serialize;

use crate::config::Language;
use crate::link::index::{Indexes, Regulation, RegulationGroup, Role};
use crate::model::waktu::{Duration, DurationRange, Waktu};
use crate::model::{Citation, Flow, Handbook, Hubungan, RegulationKind, Sop, Step, Target};
use crate::routes::{Kind, Routes};

/// A length of time as numbers a program can add up.
#[derive(Debug, Serialize)]
struct Amount {
    minutes: f64,
    days: f64,
    months: f64,
}

impl From<&Duration> for Amount {
    fn from(d: &Duration) -> Self {
        Amount {
            minutes: d.minutes,
            days: d.days,
            months: d.months,
        }
    }
}

// The structs of sop.json borrow their text from the SOP: at ten thousand
// SOPs, copying every string only to write it out once was a good part of
// the time spent on sop.json.

/// A waktu: the text (as written, or displayed for a total) and, when it
/// could be read, both ends of its range.
#[derive(Debug, Serialize)]
struct WaktuJson<'a> {
    text: Cow<'a, str>,
    min: Option<Amount>,
    max: Option<Amount>,
}

impl<'a> WaktuJson<'a> {
    fn of_step(w: &'a Waktu) -> Self {
        WaktuJson {
            text: Cow::Borrowed(&w.text),
            min: w.duration.as_ref().map(|d| Amount::from(&d.min)),
            max: w.duration.as_ref().map(|d| Amount::from(&d.max)),
        }
    }

    fn of_total(d: &DurationRange, language: Language) -> Self {
        WaktuJson {
            text: Cow::Owned(d.display(language)),
            min: Some(Amount::from(&d.min)),
            max: Some(Amount::from(&d.max)),
        }
    }
}

/// The computed total of an SOP: the sum, and over how many steps.
#[derive(Debug, Serialize)]
struct TotalJson {
    /// As the page says it ("sekurang-kurangnya ..., 4 dari 6 langkah" when partial).
    text: String,
    min: Amount,
    max: Amount,
    /// False when some steps have no readable waktu: the sum is a lower bound.
    complete: bool,
    /// Steps whose waktu was read and counted.
    steps_counted: usize,
    steps: usize,
}

impl TotalJson {
    fn of(sop: &Sop, language: Language) -> Option<Self> {
        let total = sop.total_waktu.as_ref()?;
        Some(TotalJson {
            text: super::total::waktu(sop, language)?,
            min: Amount::from(&total.min),
            max: Amount::from(&total.max),
            complete: !sop.total_is_partial(),
            steps_counted: sop.waktu_steps,
            steps: sop.steps.len(),
        })
    }
}

/// A link to another SOP of the handbook.
#[derive(Debug, Serialize)]
struct SopRef<'a> {
    nomor: &'a str,
    nama: &'a str,
    path: &'a str,
    url: String,
}

impl<'a> SopRef<'a> {
    /// SOP `index` of the handbook, `sop`.
    fn new(routes: &Routes, index: usize, sop: &'a Sop) -> Self {
        SopRef {
            nomor: sop.nomor_or_dash(),
            nama: &sop.nama,
            path: &sop.path,
            url: routes.url(Kind::Sop(index)).to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
struct UnitRef<'a> {
    path: &'a str,
    nama: &'a str,
    url: String,
}

#[derive(Debug, Serialize)]
struct CitationJson<'a> {
    /// The line as written.
    text: &'a str,
    /// None: the line could not be read ("tidak terbaca").
    id: Option<&'a str>,
    kind: Option<RegulationKind>,
    /// "Undang-Undang Nomor 17 Tahun 2003".
    name: Option<&'a str>,
    number: Option<&'a str>,
    year: Option<u16>,
    place: Option<&'a str>,
    title: Option<&'a str>,
    /// The regulation's page on this site.
    url: Option<String>,
    /// The register's link (JDIH), if any.
    source_url: Option<&'a str>,
    /// The id of the regulation this one amends.
    amends: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct RelationJson<'a> {
    #[serde(rename = "ref")]
    reference: &'a str,
    hubungan: Hubungan,
    /// False: not (yet) in the handbook ("belum tersedia"), or outside it.
    resolved: bool,
    target: Option<SopRef<'a>>,
    /// `{teks, url}`: something outside the handbook; `ref` is its teks.
    outside: bool,
    /// The link of an outside entry, as written.
    url: Option<&'a str>,
    /// The entry names the SOP it is on ("SOP ini").
    is_self: bool,
}

#[derive(Debug, Serialize)]
struct BacklinkJson<'a> {
    hubungan: Hubungan,
    #[serde(flatten)]
    sop: SopRef<'a>,
}

#[derive(Debug, Serialize)]
struct LaneJson<'a> {
    nama: &'a str,
    singkatan: Option<&'a str>,
    /// `data-lane` in the flowchart.
    slug: &'a str,
    /// The role this lane is, across the handbook.
    role: Option<RoleRef<'a>>,
}

#[derive(Debug, Serialize)]
struct RoleRef<'a> {
    nama: &'a str,
    slug: &'a str,
    url: String,
}

impl<'a> RoleRef<'a> {
    /// Role `index` of the indexes, `role`.
    fn new(routes: &Routes, index: usize, role: &'a Role) -> Self {
        RoleRef {
            nama: &role.nama,
            slug: &role.slug,
            url: routes.url(Kind::Role(index)).to_string(),
        }
    }
}

/// Where an arrow leads: a step's position (`nomor`), `"selesai"`, or one
/// lane's symbol of a berurutan row.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum TargetJson<'a> {
    Step(usize),
    End(&'static str),
    Symbol { ke: usize, pelaksana: &'a str },
}

impl<'a> TargetJson<'a> {
    fn new(sop: &'a Sop, target: Target) -> Self {
        match target {
            Target::End => TargetJson::End("selesai"),
            Target::Step { step, symbol } => {
                let lanes = sop.steps.get(step).map_or(&[][..], |s| &s.lanes[..]);
                match lanes.get(symbol).and_then(|&l| sop.lanes.get(l)) {
                    Some(lane) if symbol > 0 => TargetJson::Symbol {
                        ke: step + 1,
                        pelaksana: &lane.nama,
                    },
                    _ => TargetJson::Step(step + 1),
                }
            }
        }
    }
}

/// `lanjut`: one target, or several when the flow forks.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum NextJson<'a> {
    One(TargetJson<'a>),
    Fork(Vec<TargetJson<'a>>),
}

/// One symbol of a step: the lane it is drawn in and its kind.
#[derive(Debug, Serialize)]
struct SymbolJson<'a> {
    pelaksana: &'a str,
    lane: usize,
    jenis: &'static str,
}

#[derive(Debug, Serialize)]
struct StepJson<'a> {
    /// 1-based position: what ya, tidak and lanjut here point to, and
    /// `data-step` in the flowchart.
    nomor: usize,
    /// The number printed on the paper ("" for an unnumbered row).
    no: &'a str,
    id: Option<&'a str>,
    kegiatan: &'a str,
    jenis: &'static str,
    /// The lanes' nama.
    pelaksana: Vec<&'a str>,
    /// 0-based indices into `pelaksana` of the SOP.
    lanes: &'a [usize],
    /// bersama or berurutan.
    alur: &'static str,
    /// Every symbol drawn for the step, in order.
    simbol_lajur: Vec<SymbolJson<'a>>,
    /// The text drawn inside the symbol instead of the number.
    simbol: Option<&'a str>,
    /// What follows a non-decision step; None after selesai.
    lanjut: Option<NextJson<'a>>,
    /// A decision's branches, with their labels.
    ya: Option<TargetJson<'a>>,
    tidak: Option<TargetJson<'a>>,
    label_ya: Option<&'a str>,
    label_tidak: Option<&'a str>,
    kelengkapan: &'a [String],
    waktu: Option<WaktuJson<'a>>,
    output: Option<&'a str>,
    keterangan: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct Approver<'a> {
    jabatan: Option<&'a str>,
    nama: Option<&'a str>,
    nip: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct SopJson<'a> {
    /// Null for an SOP without a nomor yet.
    nomor: Option<&'a str>,
    nama: &'a str,
    path: &'a str,
    url: String,
    json_url: String,
    flowchart_url: String,
    /// The source file, relative to the handbook root.
    source: String,
    unit_kerja: Option<UnitRef<'a>>,
    /// The kop's top line: the unit's organisasi, else handbook.yaml's.
    organisasi: Option<&'a str>,
    satuan_kerja: Option<&'a str>,
    unit: &'a [String],
    /// ISO dates as precise as written: `2018-11-07`, `2020-06`, `2016`.
    tanggal_pembuatan: Option<String>,
    tanggal_revisi: Vec<String>,
    tanggal_efektif: Option<String>,
    tanggal_pengesahan: Option<String>,
    /// Date fields written without a year, as written (field → text).
    tanggal_tertulis: std::collections::BTreeMap<&'a str, &'a str>,
    disahkan_oleh: Option<Approver<'a>>,
    dasar_hukum: Vec<CitationJson<'a>>,
    kualifikasi_pelaksana: &'a [String],
    keterkaitan: Vec<RelationJson<'a>>,
    /// The SOPs whose keterkaitan points here.
    dirujuk_oleh: Vec<BacklinkJson<'a>>,
    peralatan: &'a [String],
    peringatan: &'a [String],
    pencatatan: &'a [String],
    pelaksana: Vec<LaneJson<'a>>,
    /// What the lane headers show: `nama` or `singkatan`.
    judul_lajur: crate::model::LaneTitle,
    langkah: Vec<StepJson<'a>>,
    total_waktu: Option<TotalJson>,
    /// The total printed on the paper form, as written.
    total_waktu_tertulis: Option<&'a str>,
    /// The unit of a bare number in waktu (the SOP's or its unit's).
    satuan_waktu: Option<&'a str>,
    draft: bool,
    /// The Markdown body, as written.
    body: &'a str,
    /// Riwayat perubahan, only when the handbook's git history has the file.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    riwayat: &'a [crate::model::history::Revision],
}

/// The bytes of `<sop>/sop.json` for SOP `index` of the handbook: every
/// field of the SOP, with links resolved to URLs, keys in the order of the
/// form (a `Value` would sort them) for people reading it.
pub fn sop_json_bytes(
    handbook: &Handbook,
    index: usize,
    indexes: &Indexes,
    routes: &Routes,
) -> Vec<u8> {
    let sop = &handbook.sops[index];
    // Pretty JSON of an SOP runs to about a kilobyte per step over the text
    // of its fields; room for it up front saves growing the buffer several
    // times.
    let capacity = 4096 + sop.body.len() + sop.steps.len() * 1024;
    to_bytes(&build_sop(handbook, index, indexes, routes), capacity)
}

/// The bytes of `handbook.json`, keys in a readable order.
pub fn handbook_json_bytes(handbook: &Handbook, indexes: &Indexes, routes: &Routes) -> Vec<u8> {
    let capacity = 4096 + handbook.sops.len() * 1024;
    to_bytes(&build_handbook(handbook, indexes, routes), capacity)
}

/// Pretty JSON and a final newline.
fn to_bytes(value: &impl Serialize, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    // Serialising plain structs into memory cannot fail; an empty object
    // rather than a panic.
    if serde_json::to_writer_pretty(&mut out, value).is_err() {
        out = b"{}".to_vec();
    }
    out.push(b'\n');
    out
}

fn build_sop<'a>(
    handbook: &'a Handbook,
    index: usize,
    indexes: &'a Indexes,
    routes: &Routes,
) -> SopJson<'a> {
    let config = &handbook.config;
    let sop = &handbook.sops[index];
    let unit_kerja = handbook
        .units
        .iter()
        .position(|u| u.path == sop.unit)
        .map(|i| {
            let u = &handbook.units[i];
            UnitRef {
                path: &u.path,
                nama: &u.nama,
                url: routes.url(Kind::Unit(i)).to_string(),
            }
        });
    let keterkaitan = sop
        .keterkaitan
        .iter()
        .map(|r| {
            let target = r.target.map(|t| SopRef::new(routes, t, &handbook.sops[t]));
            RelationJson {
                reference: &r.reference,
                hubungan: r.hubungan,
                resolved: target.is_some(),
                target,
                outside: r.outside,
                url: r.url.as_deref(),
                is_self: r.is_self,
            }
        })
        .collect();
    let dirujuk_oleh = indexes
        .backlinks
        .get(index)
        .map(|list| {
            list.iter()
                .map(|&(from, hubungan)| BacklinkJson {
                    hubungan,
                    sop: SopRef::new(routes, from, &handbook.sops[from]),
                })
                .collect()
        })
        .unwrap_or_default();
    let pelaksana = sop
        .lanes
        .iter()
        .enumerate()
        .map(|(l, lane)| LaneJson {
            nama: &lane.nama,
            singkatan: lane.singkatan.as_deref(),
            slug: &lane.slug,
            role: indexes
                .lane_roles
                .get(index)
                .and_then(|lanes| lanes.get(l).copied().flatten())
                .map(|r| RoleRef::new(routes, r, &indexes.roles[r])),
        })
        .collect();
    let langkah = sop
        .steps
        .iter()
        .map(|step| {
            let target = |t: &Target| TargetJson::new(sop, *t);
            let (lanjut, ya, tidak, label_ya, label_tidak) = match &step.flow {
                Flow::Next { to } => {
                    let lanjut = match &to[..] {
                        [] => None,
                        [one] => Some(NextJson::One(target(one))),
                        many => Some(NextJson::Fork(many.iter().map(target).collect())),
                    };
                    (lanjut, None, None, None, None)
                }
                Flow::Decision {
                    ya,
                    tidak,
                    label_ya,
                    label_tidak,
                } => (
                    None,
                    Some(target(ya)),
                    Some(target(tidak)),
                    Some(label_ya.as_str()),
                    Some(label_tidak.as_str()),
                ),
            };
            StepJson {
                nomor: step.number,
                no: &step.no,
                id: step.id.as_deref(),
                kegiatan: &step.kegiatan,
                jenis: step.kind.as_str(),
                pelaksana: step
                    .lanes
                    .iter()
                    .map(|&l| sop.lanes[l].nama.as_str())
                    .collect(),
                lanes: &step.lanes,
                alur: step.alur.as_str(),
                simbol_lajur: symbols_json(sop, step),
                simbol: step.simbol.as_deref(),
                lanjut,
                ya,
                tidak,
                label_ya,
                label_tidak,
                kelengkapan: &step.kelengkapan,
                waktu: step.waktu.as_ref().map(WaktuJson::of_step),
                output: step.output.as_deref(),
                keterangan: step.keterangan.as_deref(),
            }
        })
        .collect();
    SopJson {
        nomor: (!sop.nomor.is_empty()).then_some(sop.nomor.as_str()),
        nama: &sop.nama,
        path: &sop.path,
        url: routes.sop(index).page.url.clone(),
        json_url: routes.sop(index).json.url.clone(),
        flowchart_url: routes.sop(index).flowchart.url.clone(),
        source: sop.file.to_string_lossy().replace('\\', "/"),
        unit_kerja,
        organisasi: sop.organisasi.as_deref().or(config.organisation.as_deref()),
        satuan_kerja: sop.satuan_kerja.as_deref(),
        unit: &sop.unit_lines,
        tanggal_pembuatan: sop.tanggal_pembuatan.map(|d| d.iso()),
        tanggal_revisi: sop.tanggal_revisi.iter().map(|d| d.iso()).collect(),
        tanggal_efektif: sop.tanggal_efektif.map(|d| d.iso()),
        tanggal_pengesahan: sop.tanggal_pengesahan.map(|d| d.iso()),
        tanggal_tertulis: sop
            .dates_as_written
            .iter()
            .map(|d| (d.key.as_str(), d.text.as_str()))
            .collect(),
        disahkan_oleh: sop.disahkan_oleh.as_ref().map(|a| Approver {
            jabatan: a.jabatan.as_deref(),
            nama: a.nama.as_deref(),
            nip: a.nip.as_deref(),
        }),
        dasar_hukum: sop
            .dasar_hukum
            .iter()
            .map(|c| citation_json(c, indexes, routes))
            .collect(),
        kualifikasi_pelaksana: &sop.kualifikasi_pelaksana,
        keterkaitan,
        dirujuk_oleh,
        peralatan: &sop.peralatan,
        peringatan: &sop.peringatan,
        pencatatan: &sop.pencatatan,
        pelaksana,
        judul_lajur: sop.lane_title,
        langkah,
        total_waktu: TotalJson::of(sop, config.language),
        total_waktu_tertulis: sop.total_waktu_written.as_deref(),
        satuan_waktu: sop.satuan_waktu.as_deref(),
        draft: sop.draft,
        body: &sop.body,
        riwayat: &sop.history,
    }
}

fn symbols_json<'a>(sop: &'a Sop, step: &Step) -> Vec<SymbolJson<'a>> {
    step.lanes
        .iter()
        .enumerate()
        // The loader checks every lane index of a step.
        .map(|(j, &l)| SymbolJson {
            pelaksana: &sop.lanes[l].nama,
            lane: l,
            jenis: step.symbol_kind(j).as_str(),
        })
        .collect()
}

fn citation_json<'a>(c: &'a Citation, indexes: &'a Indexes, routes: &Routes) -> CitationJson<'a> {
    let regulation = c.id.as_deref().and_then(|id| indexes.regulation(id));
    CitationJson {
        text: &c.text,
        id: c.id.as_deref(),
        kind: c.kind,
        name: regulation.map(|r| r.name.as_str()),
        number: c.number.as_deref(),
        year: c.year,
        place: c.place.as_deref(),
        title: regulation
            .and_then(|r| r.title.as_deref())
            .or(c.title.as_deref()),
        url: c
            .id
            .as_deref()
            .and_then(|id| routes.regulation(id))
            .map(|r| r.url.clone()),
        source_url: regulation.and_then(|r| r.url.as_deref()),
        amends: c.amends.as_ref().and_then(|a| a.id.as_deref()),
    }
}

#[derive(Debug, Serialize)]
struct HandbookJson {
    title: String,
    base_url: String,
    language: Language,
    organisation: Option<String>,
    sop_count: usize,
    units: Vec<UnitJson>,
    sops: Vec<SopShort>,
    dasar_hukum: Vec<RegulationJson>,
    pelaksana: Vec<RoleJson>,
}

#[derive(Debug, Serialize)]
struct UnitJson {
    path: String,
    nama: String,
    parent: Option<String>,
    satuan_kerja: Option<String>,
    url: String,
    /// SOPs directly in the unit and in every unit below.
    sop_count: usize,
}

#[derive(Debug, Serialize)]
struct SopShort {
    nomor: String,
    nama: String,
    path: String,
    url: String,
    json_url: String,
    unit_kerja: String,
    satuan_kerja: Option<String>,
    tanggal_pembuatan: Option<String>,
    /// The newest revision.
    tanggal_revisi: Option<String>,
    tanggal_efektif: Option<String>,
    /// Role slugs, one per lane.
    pelaksana: Vec<String>,
    step_count: usize,
    total_waktu: Option<WaktuJson<'static>>,
    /// Regulation ids.
    dasar_hukum: Vec<String>,
    /// Nomor of the resolved keterkaitan.
    keterkaitan: Vec<String>,
    draft: bool,
}

#[derive(Debug, Serialize)]
struct RegulationJson {
    id: String,
    kind: Option<RegulationKind>,
    group: RegulationGroup,
    name: String,
    number: Option<String>,
    year: Option<u16>,
    place: Option<String>,
    title: Option<String>,
    url: String,
    source_url: Option<String>,
    amends: Vec<String>,
    amended_by: Vec<String>,
    /// Nomor of the citing SOPs.
    cited_by: Vec<String>,
}

#[derive(Debug, Serialize)]
struct RoleJson {
    nama: String,
    slug: String,
    url: String,
    singkatan: Vec<String>,
    sop_count: usize,
    step_count: usize,
    total_waktu: Option<WaktuJson<'static>>,
    /// Nomor of the SOPs the role works in.
    sops: Vec<String>,
}

/// `handbook.json`: every unit, every SOP in short, every regulation and role.
fn build_handbook(handbook: &Handbook, indexes: &Indexes, routes: &Routes) -> HandbookJson {
    let config = &handbook.config;
    let nomor = |i: &usize| handbook.sops.get(*i).map(|s| s.nomor.clone());
    // Counting the SOPs within each unit in turn took units × SOPs steps.
    let sop_counts = super::pages::sop_counts(handbook);
    let units = handbook
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| UnitJson {
            path: u.path.clone(),
            nama: u.nama.clone(),
            parent: u.parent.clone(),
            satuan_kerja: u.satuan_kerja.clone(),
            url: routes.url(Kind::Unit(i)).to_string(),
            sop_count: sop_counts.get(u.path.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let sops = handbook
        .sops
        .iter()
        .enumerate()
        .map(|(i, s)| SopShort {
            nomor: s.nomor.clone(),
            nama: s.nama.clone(),
            path: s.path.clone(),
            url: routes.sop(i).page.url.clone(),
            json_url: routes.sop(i).json.url.clone(),
            unit_kerja: s.unit.clone(),
            satuan_kerja: s.satuan_kerja.clone(),
            tanggal_pembuatan: s.tanggal_pembuatan.map(|d| d.iso()),
            tanggal_revisi: s.latest_revision().map(|d| d.iso()),
            tanggal_efektif: s.tanggal_efektif.map(|d| d.iso()),
            pelaksana: (0..s.lanes.len())
                .filter_map(|l| indexes.lane_role(i, l).map(|r| r.slug.clone()))
                .collect(),
            step_count: s.steps.len(),
            total_waktu: s
                .total_waktu
                .as_ref()
                .map(|t| WaktuJson::of_total(t, config.language)),
            dasar_hukum: s.dasar_hukum.iter().filter_map(|c| c.id.clone()).collect(),
            keterkaitan: s
                .keterkaitan
                .iter()
                .filter_map(|r| r.target.and_then(|t| handbook.sops.get(t)))
                .map(|t| t.nomor.clone())
                .collect(),
            draft: s.draft,
        })
        .collect();
    let dasar_hukum = indexes
        .regulations
        .iter()
        .enumerate()
        .map(|(i, r): (usize, &Regulation)| RegulationJson {
            id: r.id.clone(),
            kind: r.kind,
            group: r.group,
            name: r.name.clone(),
            number: r.number.clone(),
            year: r.year,
            place: r.place.clone(),
            title: r.title.clone(),
            url: routes.url(Kind::Regulation(i)).to_string(),
            source_url: r.url.clone(),
            amends: r.amends.clone(),
            amended_by: r.amended_by.clone(),
            cited_by: r.cited_by.iter().filter_map(nomor).collect(),
        })
        .collect();
    let pelaksana = indexes
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| RoleJson {
            nama: r.nama.clone(),
            slug: r.slug.clone(),
            url: routes.url(Kind::Role(i)).to_string(),
            singkatan: r.singkatan.clone(),
            sop_count: r.sops.len(),
            step_count: r.step_count,
            total_waktu: r
                .total_waktu
                .as_ref()
                .map(|t| WaktuJson::of_total(t, config.language)),
            sops: r.sops.iter().filter_map(|s| nomor(&s.sop)).collect(),
        })
        .collect();
    HandbookJson {
        title: config.title.clone(),
        base_url: config.base_url.clone(),
        language: config.language,
        organisation: config.organisation.clone(),
        sop_count: handbook.sops.len(),
        units,
        sops,
        dasar_hukum,
        pelaksana,
    }
}

#[cfg(test)]
mod tests;
