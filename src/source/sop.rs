//! One SOP file (its YAML tree) read into [`Sop`], every field of FORMAT.md
//! checked, with the step graph checked at the end.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::{Pos, did_you_mean};
use crate::model::tanggal::DateError;
use crate::model::waktu::DurationRange;
use crate::model::waktu::Unit;
use crate::model::{
    Alur, Approver, Date, Flow, Hubungan, Lane, LaneTitle, Relation, Sop, Step, StepKind, Target,
    Waktu, WrittenDate, graph, slug,
};

use super::fields::{self, Fields, Report};
use super::yaml::{Node, Value};

pub const SOP_KEYS: &[&str] = &[
    "nomor",
    "nama",
    "satuan_kerja",
    "unit",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "tanggal_pengesahan",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
    "pelaksana",
    "judul_lajur",
    "satuan_waktu",
    "total_waktu",
    "langkah",
    "draft",
];

pub const STEP_KEYS: &[&str] = &[
    "kegiatan",
    "pelaksana",
    "id",
    "jenis",
    "ya",
    "tidak",
    "label_ya",
    "label_tidak",
    "lanjut",
    "no",
    "alur",
    "simbol",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
];

const APPROVER_KEYS: &[&str] = &["jabatan", "nama", "nip"];
const LANE_KEYS: &[&str] = &["nama", "singkatan"];
const RELATION_KEYS: &[&str] = &["ref", "hubungan", "teks", "url"];
const TARGET_KEYS: &[&str] = &["ke", "pelaksana"];
const ALUR: [(&str, Alur); 2] = [("bersama", Alur::Bersama), ("berurutan", Alur::Berurutan)];
const KINDS: [(&str, StepKind); 4] = [
    ("mulai", StepKind::Mulai),
    ("proses", StepKind::Proses),
    ("keputusan", StepKind::Keputusan),
    ("selesai", StepKind::Selesai),
];

const DATE_FORMS: &str = "write a date as 2018-11-07, 7-11-2018, 07/11/2018, 7-Nov-2018 or 7 November 2018; a month or a year alone as Juni 2020 or 2016; `-` for none";

/// Where an SOP file sits in the handbook: what it inherits from its units.
pub struct Place<'a> {
    /// The file relative to the root (content/a/b/name.yaml).
    pub file: PathBuf,
    /// Slugged content path without extension ("a/b/name").
    pub path: String,
    /// The unit path ("a/b").
    pub unit: String,
    /// satuan_kerja of the nearest unit that sets it.
    pub satuan_kerja: Option<String>,
    /// organisasi, logo and satuan_waktu of the nearest unit that sets each.
    pub organisasi: Option<String>,
    pub logo: Option<String>,
    pub satuan_waktu: Option<String>,
    /// The units' nama from the top down, without the root.
    pub unit_lines: Vec<String>,
    pub config: &'a Config,
}

/// Reads an SOP. None when `node` is not a map at all; otherwise an SOP is
/// always returned (with whatever could be read) and the problems are in `report`.
pub fn read(node: &Node, body: &str, place: &Place<'_>, report: &mut Report) -> Option<Sop> {
    if node.is_null() {
        report.error_hint(
            node.pos,
            "the SOP has no fields",
            "an SOP needs at least nama and langkah",
        );
        return None;
    }
    let f = Fields::read(node, SOP_KEYS, "an SOP", report)?;
    let what = "the SOP";
    let text = |key: &str, report: &mut Report| {
        f.get(key)
            .and_then(|n| fields::text(n, key, report))
            .filter(|s| !s.is_empty())
    };
    let list = |key: &str, report: &mut Report| {
        f.get(key)
            .map(|n| fields::text_list(n, key, report))
            .unwrap_or_default()
    };
    let nomor = text("nomor", report).unwrap_or_default();
    if nomor.is_empty() {
        report.warning_hint(
            f.key_pos("nomor").unwrap_or(f.pos),
            "the SOP has no nomor",
            "the form shows \"—\" until it gets one: add `nomor: ...` when the SOP is numbered",
        );
    }
    let nama = fields::required_text(&f, "nama", what, report).unwrap_or_default();
    let satuan_kerja = text("satuan_kerja", report).or_else(|| place.satuan_kerja.clone());
    let unit_lines = match f.get("unit") {
        Some(n) => unit_lines(n, report),
        None => place.unit_lines.clone(),
    };
    let mut dates_as_written = Vec::new();
    let mut date = |key: &str, report: &mut Report| {
        f.get(key)
            .and_then(|n| read_date(n, key, &mut dates_as_written, report))
    };
    let tanggal_pembuatan = date("tanggal_pembuatan", report);
    let tanggal_efektif = date("tanggal_efektif", report);
    let tanggal_pengesahan = date("tanggal_pengesahan", report);
    let mut tanggal_revisi: Vec<Date> = match f.get("tanggal_revisi") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => items
            .iter()
            .filter(|i| !i.is_null())
            .filter_map(|i| read_date(i, "tanggal_revisi", &mut dates_as_written, report))
            .collect(),
        Some(n) => read_date(n, "tanggal_revisi", &mut dates_as_written, report)
            .into_iter()
            .collect(),
        None => Vec::new(),
    };
    tanggal_revisi.sort_by(|a, b| b.cmp(a));
    tanggal_revisi.dedup();
    let disahkan_oleh = f
        .get("disahkan_oleh")
        .and_then(|n| read_approver(n, report));
    let dasar_hukum = f
        .get("dasar_hukum")
        .map(|n| fields::text_items(n, "dasar_hukum", report))
        .unwrap_or_default()
        .into_iter()
        .map(|(line, pos)| {
            let citation = crate::citations::parse(&line);
            if citation.id.is_none() {
                report.warning_hint(
                    pos,
                    format!("cannot read this citation: `{line}`"),
                    citation_hint(&line),
                );
            }
            citation
        })
        .collect();
    let keterkaitan = f
        .get("keterkaitan")
        .map(|n| read_relations(n, report))
        .unwrap_or_default();
    let draft = f
        .get("draft")
        .and_then(|n| fields::boolean(n, "draft", report))
        .unwrap_or(false);

    let lane_title = f
        .get("judul_lajur")
        .and_then(|n| read_lane_title(n, report))
        .unwrap_or_default();
    // The SOP's own satuan_waktu, else its unit's (already checked there).
    let satuan_waktu = match f.get("satuan_waktu") {
        Some(n) => read_time_unit(n, report),
        None => place.satuan_waktu.clone(),
    };
    let time_unit = satuan_waktu.as_deref().and_then(Unit::parse);
    let total_waktu_written = text("total_waktu", report);

    let errors_before_steps = report.error_count();
    let (lanes, steps) = match f.required("langkah", what, report) {
        Some(n) => read_steps(n, f.get("pelaksana"), place.config, time_unit, report),
        None => (Vec::new(), Vec::new()),
    };
    let known: Vec<&DurationRange> = steps
        .iter()
        .filter_map(|s| s.waktu.as_ref()?.duration.as_ref())
        .collect();
    let waktu_steps = known.len();
    let total_waktu = (!known.is_empty()).then(|| DurationRange::sum(known));
    if let (Some(written), Some(node)) = (&total_waktu_written, f.get("total_waktu")) {
        check_total(
            written,
            node,
            total_waktu.as_ref(),
            waktu_steps,
            &steps,
            time_unit,
            report,
        );
    }
    let sop = Sop {
        file: place.file.clone(),
        path: place.path.clone(),
        unit: place.unit.clone(),
        pos: f.key_pos("nomor").unwrap_or(f.pos),
        nomor,
        nama,
        organisasi: place.organisasi.clone(),
        logo: place.logo.clone(),
        satuan_kerja,
        unit_lines,
        tanggal_pembuatan,
        tanggal_revisi,
        tanggal_efektif,
        tanggal_pengesahan,
        dates_as_written,
        disahkan_oleh,
        dasar_hukum,
        kualifikasi_pelaksana: list("kualifikasi_pelaksana", report),
        keterkaitan,
        peralatan: list("peralatan", report),
        peringatan: list("peringatan", report),
        pencatatan: list("pencatatan", report),
        lanes,
        lane_title,
        steps,
        total_waktu,
        waktu_steps,
        satuan_waktu,
        total_waktu_written,
        draft,
        body: super::clean::clean_text(body).into_owned(),
    };
    // The graph is only meaningful once every arrow points where it was meant to.
    // A single step is its own start and end.
    if report.error_count() == errors_before_steps && sop.steps.len() > 1 {
        check_graph(&sop, report);
    }
    Some(sop)
}

fn unit_lines(node: &Node, report: &mut Report) -> Vec<String> {
    match &node.value {
        Value::Scalar(s) => s
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        _ => fields::text_list(node, "unit", report),
    }
}

/// A date field. `-`, `–`, `—` or blank is no date; a day or month with no
/// year is kept as written in `as_written`, with a warning.
fn read_date(
    node: &Node,
    key: &str,
    as_written: &mut Vec<WrittenDate>,
    report: &mut Report,
) -> Option<Date> {
    let text = fields::text(node, key, report)?;
    if Date::means_none(&text) {
        return None;
    }
    match Date::parse(&text) {
        Ok(d) => Some(d),
        Err(DateError::NoYear) => {
            report.warning_hint(
                node.pos,
                format!("the date `{text}` in `{key}` has no year; it is shown as written"),
                "add the year as the paper means it, e.g. 7 November 2018 or Juni 2020",
            );
            if !as_written.iter().any(|d| d.key == key) {
                as_written.push(WrittenDate {
                    key: key.to_string(),
                    text,
                });
            }
            None
        }
        Err(DateError::Impossible) => {
            report.error_hint(
                node.pos,
                format!("impossible date `{text}` in `{key}`: there is no such day"),
                "check the day and the month",
            );
            None
        }
        Err(DateError::Unreadable) => {
            report.error_hint(
                node.pos,
                format!("cannot read the date `{text}` in `{key}`"),
                DATE_FORMS,
            );
            None
        }
    }
}

/// A satuan_waktu: one of the units of waktu, as written (checked).
pub(super) fn read_time_unit(node: &Node, report: &mut Report) -> Option<String> {
    let written = fields::text(node, "satuan_waktu", report)?;
    if Unit::parse(&written).is_some() {
        return Some(written);
    }
    report.error_hint(
        node.pos,
        format!("unknown satuan_waktu `{written}`"),
        format!("write one of: {}", Unit::NAMES),
    );
    None
}

fn read_lane_title(node: &Node, report: &mut Report) -> Option<LaneTitle> {
    let written = fields::text(node, "judul_lajur", report)?;
    match written.to_lowercase().as_str() {
        "nama" => Some(LaneTitle::Nama),
        "singkatan" => Some(LaneTitle::Singkatan),
        _ => {
            report.error_hint(
                node.pos,
                format!("unknown judul_lajur `{written}`"),
                "write `judul_lajur: nama` (the lane headers show the full names) or `judul_lajur: singkatan` (the short forms)",
            );
            None
        }
    }
}

/// `check` warns when the paper's total_waktu and the sum of the steps differ.
fn check_total(
    written: &str,
    node: &Node,
    computed: Option<&DurationRange>,
    known: usize,
    steps: &[Step],
    unit: Option<Unit>,
    report: &mut Report,
) {
    let (Some(paper), Some(sum)) = (Waktu::parse_in(written, unit).duration, computed) else {
        return;
    };
    let lang = crate::config::Language::Id;
    let (paper_text, sum_text) = (paper.display(lang), sum.display(lang));
    if paper_text == sum_text {
        return;
    }
    let partial = if known < steps.len() {
        format!(" ({known} of {} steps have a readable waktu)", steps.len())
    } else {
        String::new()
    };
    report.warning_hint(
        node.pos,
        format!(
            "total_waktu `{written}` differs from the sum of the steps' waktu, {sum_text}{partial}"
        ),
        "both are shown; check the waktu of each step against the paper, or correct total_waktu",
    );
}

/// What an author can do about a dasar_hukum line that names no regulation:
/// fill in a number the paper left blank ("SK Kepala Puskesmas no. tentang
/// ..."), write the kind, number and year, or, for what is not a regulation
/// at all (a training module, a book), take it out of dasar_hukum.
fn citation_hint(line: &str) -> &'static str {
    let lower = line.to_lowercase();
    let blank_number = ["nomor", "no."].iter().any(|word| {
        lower.match_indices(word).any(|(i, _)| {
            let after = lower[i + word.len()..].trim_start_matches([' ', ':', '.']);
            after.is_empty()
                || ["tentang", "tahun", "/", ","]
                    .iter()
                    .any(|next| after.starts_with(next))
        })
    });
    if blank_number {
        "the number after `no.`/`Nomor` is blank on the paper: fill it in (with the year) from the decision itself; until then the line is shown as written, without a page of its own"
    } else {
        "a regulation: write its kind, number and year, e.g. `Peraturan Pemerintah Nomor 58 Tahun 2005 tentang Pengelolaan Keuangan Daerah`; not a regulation (a module, a book, a guideline): move it out of dasar_hukum into the SOP's text (the Markdown body of a .md SOP). Until then it is shown as written"
    }
}

fn read_approver(node: &Node, report: &mut Report) -> Option<Approver> {
    let f = Fields::read(node, APPROVER_KEYS, "disahkan_oleh", report)?;
    let text = |key: &str, report: &mut Report| {
        f.get(key)
            .and_then(|n| fields::text(n, key, report))
            .filter(|s| !s.is_empty())
    };
    Some(Approver {
        jabatan: text("jabatan", report),
        nama: text("nama", report),
        nip: text("nip", report),
    })
}

fn read_relations(node: &Node, report: &mut Report) -> Vec<Relation> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar(_) => vec![node],
        Value::Null => Vec::new(),
        Value::Map(_) => {
            report.error_hint(
                node.pos,
                "wrong type: `keterkaitan` should be a list, not a map",
                "write each related SOP on its own line starting with `- `",
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Null => {}
            Value::Scalar(s) if !s.trim().is_empty() => out.push(Relation {
                reference: s.trim().to_string(),
                pos: item.pos,
                ..Relation::default()
            }),
            Value::Scalar(_) => {}
            Value::Map(_) => {
                let Some(f) = Fields::read(item, RELATION_KEYS, "a keterkaitan", report) else {
                    continue;
                };
                let hubungan = f
                    .get("hubungan")
                    .and_then(|n| read_hubungan(n, report))
                    .unwrap_or(Hubungan::Terkait);
                let text = |key: &str, report: &mut Report| {
                    f.get(key)
                        .and_then(|n| fields::text(n, key, report))
                        .filter(|s| !s.is_empty())
                };
                let teks = text("teks", report);
                let url = text("url", report);
                if f.get("ref").is_some() && (teks.is_some() || url.is_some()) {
                    report.error_hint(
                        item.pos,
                        "a keterkaitan has both `ref` and `teks`",
                        "`ref` names an SOP of this handbook; `teks` (with `url`) something outside it: keep one",
                    );
                    continue;
                }
                if let Some(teks) = teks {
                    out.push(Relation {
                        reference: teks,
                        hubungan,
                        outside: true,
                        url,
                        pos: item.pos,
                        ..Relation::default()
                    });
                    continue;
                }
                if url.is_some() {
                    report.error_hint(
                        item.pos,
                        "a keterkaitan with `url` but no `teks`",
                        "write what the link is: `- teks: SOP Pelayanan KTP Disdukcapil` and `url: https://...`",
                    );
                    continue;
                }
                let Some(reference) = fields::required_text(&f, "ref", "a keterkaitan", report)
                else {
                    continue;
                };
                out.push(Relation {
                    reference,
                    hubungan,
                    pos: item.pos,
                    ..Relation::default()
                });
            }
            Value::Seq(_) => report.error_hint(
                item.pos,
                "wrong type: an item of `keterkaitan` should be text or {ref, hubungan}, not a list",
                "one `- ` per entry: `- SOP-071/Setda`, `- ref: SOP-071/Setda` with `hubungan: lanjutan` below it, or `- teks: ...` for something outside the handbook",
            ),
        }
    }
    out
}

fn read_hubungan(node: &Node, report: &mut Report) -> Option<Hubungan> {
    let text = fields::text(node, "hubungan", report)?;
    let key: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect();
    if let Some((_, h)) = Hubungan::ALL.iter().find(|(name, _)| *name == key) {
        return Some(*h);
    }
    let names = Hubungan::ALL.map(|(n, _)| n);
    let hint = match did_you_mean(&key, names) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("hubungan is one of: {}", names.join(", ")),
    };
    report.error_hint(node.pos, format!("unknown hubungan `{text}`"), hint);
    None
}

/// A role name as compared: trimmed, spaces collapsed, any case.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The role nama `written` stands for, after handbook.yaml `roles`.
fn canonical(written: &str, config: &Config) -> String {
    let key = norm(written);
    config
        .roles
        .iter()
        .find(|(other, _)| norm(other) == key)
        .map(|(_, nama)| nama.trim().to_string())
        .unwrap_or_else(|| written.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn lane(nama: String, singkatan: Option<String>) -> Lane {
    Lane {
        slug: slug::slugify(&nama),
        nama,
        singkatan,
    }
}

/// The lanes written in `pelaksana`, each with where it is written.
fn read_lanes(node: &Node, config: &Config, report: &mut Report) -> Vec<(Lane, Pos)> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar(_) => vec![node],
        _ => {
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: `pelaksana` should be a list of roles, not {}",
                    node.kind_name()
                ),
                "write each role on its own line starting with `- `, left to right",
            );
            return Vec::new();
        }
    };
    let mut lanes: Vec<(Lane, Pos)> = Vec::new();
    for item in items {
        let new = match &item.value {
            Value::Null => continue,
            Value::Scalar(s) => lane(canonical(s, config), None),
            Value::Map(_) => {
                let Some(f) = Fields::read(item, LANE_KEYS, "a pelaksana", report) else {
                    continue;
                };
                let Some(nama) = fields::required_text(&f, "nama", "a pelaksana", report) else {
                    continue;
                };
                let singkatan = f
                    .get("singkatan")
                    .and_then(|n| fields::text(n, "singkatan", report))
                    .filter(|s| !s.is_empty());
                lane(canonical(&nama, config), singkatan)
            }
            Value::Seq(_) => {
                report.error_hint(
                    item.pos,
                    "wrong type: a pelaksana should be a role or {nama, singkatan}, not a list",
                    "one `- ` per lane: `- Kepala Sub Bagian Umum`, or `- nama: Kepala Sub Bagian Umum` with `singkatan: Kasubbag Umum` below it",
                );
                continue;
            }
        };
        if new.nama.is_empty() {
            continue;
        }
        let names = |l: &Lane| {
            let mut v = vec![norm(&l.nama)];
            v.extend(l.singkatan.as_deref().map(norm));
            v
        };
        if let Some((_, first)) = lanes
            .iter()
            .find(|(l, _)| names(l).iter().any(|n| names(&new).contains(n)))
        {
            report.error_hint(
                item.pos,
                format!("the lane `{}` is listed twice", new.nama),
                format!("it is already on line {}", first.line),
            );
            continue;
        }
        lanes.push((new, item.pos));
    }
    lanes
}

/// A step as written, before targets are resolved (they need every id,
/// every printed number and every step's lanes).
struct RawStep<'n> {
    pos: Pos,
    id: Option<String>,
    /// `no` as written, with where.
    no: Option<(String, Pos)>,
    kegiatan: String,
    pelaksana: Vec<(String, Pos)>,
    /// `jenis`: one kind, or (with `alur: berurutan`) one per pelaksana.
    jenis: Vec<(StepKind, Pos)>,
    jenis_is_list: bool,
    jenis_pos: Option<Pos>,
    alur: Alur,
    alur_pos: Option<Pos>,
    simbol: Option<String>,
    ya: Option<&'n Node>,
    tidak: Option<&'n Node>,
    lanjut: Option<&'n Node>,
    /// Branch labels; `Some("")` when written `""` (no label drawn).
    label_ya: Option<String>,
    label_tidak: Option<String>,
    label_pos: Option<Pos>,
    kelengkapan: Vec<String>,
    waktu: Option<Waktu>,
    output: Option<String>,
    keterangan: Option<String>,
}

/// A `jenis` word to a kind, with an error that names the kinds.
fn read_kind(node: &Node, report: &mut Report) -> Option<(StepKind, Pos)> {
    let written = fields::text(node, "jenis", report)?;
    let key = written.to_lowercase();
    if let Some((_, kind)) = KINDS.iter().find(|(name, _)| *name == key) {
        return Some((*kind, node.pos));
    }
    let names = KINDS.map(|(name, _)| name);
    let hint = match did_you_mean(&key, names) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("jenis is one of: {}", names.join(", ")),
    };
    report.error_hint(node.pos, format!("unknown jenis `{written}`"), hint);
    None
}

fn read_raw_step<'n>(
    node: &'n Node,
    number: usize,
    time_unit: Option<Unit>,
    report: &mut Report,
) -> Option<RawStep<'n>> {
    let what = format!("step {number}");
    let f = Fields::read(node, STEP_KEYS, &what, report)?;
    let text = |key: &str, report: &mut Report| {
        f.get(key)
            .and_then(|n| fields::text(n, key, report))
            .filter(|s| !s.is_empty())
    };
    // Text that may be written `""` on purpose.
    let maybe_empty =
        |key: &str, report: &mut Report| f.get(key).and_then(|n| fields::text(n, key, report));
    let kegiatan = fields::required_text(&f, "kegiatan", &what, report).unwrap_or_default();
    let pelaksana = match f.required("pelaksana", &what, report) {
        Some(n) => {
            let written = fields::text_items(n, "pelaksana", report);
            if written.is_empty() && !matches!(n.value, Value::Map(_)) {
                report.error_hint(
                    n.pos,
                    format!("`pelaksana` of step {number} names no role"),
                    "write the lane that does the step: `pelaksana: Kepala Sub Bagian Umum`, or a list for a joint step",
                );
            }
            written
        }
        None => Vec::new(),
    };
    let (jenis, jenis_is_list) = match f.get("jenis") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => (
            items
                .iter()
                .filter(|i| !i.is_null())
                .filter_map(|i| read_kind(i, report))
                .collect(),
            true,
        ),
        Some(n) => (read_kind(n, report).into_iter().collect(), false),
        None => (Vec::new(), false),
    };
    let alur = f.get("alur").and_then(|n| {
        let written = fields::text(n, "alur", report)?;
        let key = written.to_lowercase();
        if let Some((_, alur)) = ALUR.iter().find(|(name, _)| *name == key) {
            return Some(*alur);
        }
        let names = ALUR.map(|(name, _)| name);
        let hint = match did_you_mean(&key, names) {
            Some(c) => format!("did you mean `{c}`?"),
            None => "alur is `bersama` (one joint activity) or `berurutan` (passed from lane to lane in the order of pelaksana)".to_string(),
        };
        report.error_hint(n.pos, format!("unknown alur `{written}`"), hint);
        None
    });
    let id = text("id", report);
    let no = f
        .get("no")
        .and_then(|n| fields::text(n, "no", report).map(|t| (t, n.pos)));
    let waktu = text("waktu", report).map(|written| {
        let w = Waktu::parse_in(&written, time_unit);
        if w.duration.is_none()
            && let Some(n) = f.get("waktu")
        {
            report.warning_hint(
                n.pos,
                format!("cannot read the waktu `{written}`; it is shown as written and left out of the total"),
                if time_unit.is_none() && written.trim().chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | ' ')) {
                    "a number alone has no unit: add one (15 menit), or set `satuan_waktu: menit` on the SOP or its unit (_index.md)"
                } else {
                    "write a number and a unit, e.g. 15 menit, 1 jam, 1,5 jam, 2 hari, 1-2 hari"
                },
            );
        }
        w
    });
    Some(RawStep {
        pos: f.pos,
        id,
        no,
        kegiatan,
        pelaksana,
        jenis,
        jenis_is_list,
        jenis_pos: f.get("jenis").map(|n| n.pos),
        alur: alur.unwrap_or_default(),
        alur_pos: f.get("alur").map(|n| n.pos),
        simbol: text("simbol", report),
        ya: f.get("ya"),
        tidak: f.get("tidak"),
        lanjut: f.get("lanjut"),
        label_ya: maybe_empty("label_ya", report),
        label_tidak: maybe_empty("label_tidak", report),
        label_pos: f.key_pos("label_ya").or(f.key_pos("label_tidak")),
        kelengkapan: f
            .get("kelengkapan")
            .map(|n| fields::text_list(n, "kelengkapan", report))
            .unwrap_or_default(),
        waktu,
        output: text("output", report),
        keterangan: text("keterangan", report),
    })
}

/// The numbers printed in the No column: `no` where written, else one more
/// than the last number above (the position when no step writes `no`); an
/// empty `no` leaves the row unnumbered. A duplicate is an error.
fn printed_numbers(raw: &[Option<RawStep<'_>>], report: &mut Report) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut last = 0usize;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, step) in raw.iter().enumerate() {
        let written = step.as_ref().and_then(|s| s.no.as_ref());
        let no = match written {
            Some((text, _)) => text.clone(),
            None => (last + 1).to_string(),
        };
        if let Ok(value) = no.parse::<usize>() {
            last = value;
        }
        if !no.is_empty() {
            if let Some(first) = seen.get(&no) {
                let pos = written
                    .map(|(_, pos)| *pos)
                    .or(step.as_ref().map(|s| s.pos))
                    .unwrap_or_default();
                let hint = if written.is_some() {
                    format!(
                        "step {} (the {} row) is already numbered {no}; give each row its own `no` as on the paper",
                        no_of(&out, *first),
                        ordinal(*first + 1)
                    )
                } else {
                    format!(
                        "this row counts on from the row above; write its own `no` (or `no: \"\"` for a row the paper leaves unnumbered); the {} row is already numbered {no}",
                        ordinal(*first + 1)
                    )
                };
                report.error_hint(pos, format!("two steps are numbered {no}"), hint);
            } else {
                seen.insert(no.clone(), i);
            }
        }
        out.push(no);
    }
    out
}

fn no_of(numbers: &[String], i: usize) -> &str {
    numbers.get(i).map_or("", String::as_str)
}

/// "1st", "2nd": which row of the list, for messages about numbering.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The kinds of the symbols of a step, one per lane written, and the kind
/// of the step (of its last symbol, where its arrows leave).
fn symbol_kinds(
    s: &RawStep<'_>,
    i: usize,
    n: usize,
    symbols: usize,
    report: &mut Report,
) -> (StepKind, Vec<StepKind>) {
    let sequence = s.alur == Alur::Berurutan && symbols > 1;
    if s.jenis_is_list && !sequence {
        let pos = s.jenis_pos.unwrap_or(s.pos);
        if s.alur == Alur::Berurutan {
            report.error_hint(
                pos,
                format!("`jenis` of step {} is a list, but the step has one pelaksana", i + 1),
                "a list of jenis gives one per pelaksana of an `alur: berurutan` row; write one jenis",
            );
        } else {
            report.error_hint(
                pos,
                format!("`jenis` of step {} is a list, but the step is not `alur: berurutan`", i + 1),
                "a joint step (bersama) has one symbol drawn in each lane: write one jenis, or add `alur: berurutan` when the activity passes from lane to lane",
            );
        }
        let kind = s.jenis.first().map_or(default_kind(i, n), |(k, _)| *k);
        return (kind, Vec::new());
    }
    if !sequence {
        let kind = s.jenis.first().map_or(default_kind(i, n), |(k, _)| *k);
        return (kind, Vec::new());
    }
    let kinds: Vec<StepKind> = if s.jenis_is_list {
        if s.jenis.len() != symbols {
            report.error_hint(
                s.jenis_pos.unwrap_or(s.pos),
                format!(
                    "step {} has {} jenis for {} pelaksana",
                    i + 1,
                    s.jenis.len(),
                    symbols
                ),
                "with `alur: berurutan`, write one jenis per pelaksana, in the same order",
            );
        }
        (0..symbols)
            .map(|j| s.jenis.get(j).map_or(StepKind::Proses, |(k, _)| *k))
            .collect()
    } else {
        // One kind for a row: a mulai is where the row starts, a decision
        // or a selesai where it ends; the other symbols are boxes.
        let kind = s.jenis.first().map_or(default_kind(i, n), |(k, _)| *k);
        let mut kinds = vec![StepKind::Proses; symbols];
        match kind {
            StepKind::Mulai => kinds[0] = kind,
            StepKind::Keputusan | StepKind::Selesai => kinds[symbols - 1] = kind,
            StepKind::Proses => {}
        }
        kinds
    };
    // Branches leave a row from its last symbol: a diamond anywhere else
    // would have nowhere to send "Tidak".
    if let Some(j) = kinds[..symbols - 1]
        .iter()
        .position(|k| *k == StepKind::Keputusan)
    {
        let pos = s.jenis.get(j).map_or(s.pos, |(_, p)| *p);
        report.error_hint(
            pos,
            format!(
                "in step {} the decision (keputusan) is symbol {} of {}, not the last",
                i + 1,
                j + 1,
                symbols
            ),
            "the arrows of a berurutan row (ya, tidak) leave from its last symbol: end the row with the decision, or split the row into two steps",
        );
    }
    let kind = kinds[symbols - 1];
    (kind, kinds)
}

fn read_steps(
    node: &Node,
    pelaksana: Option<&Node>,
    config: &Config,
    time_unit: Option<Unit>,
    report: &mut Report,
) -> (Vec<Lane>, Vec<Step>) {
    let Value::Seq(items) = &node.value else {
        report.error_hint(
            node.pos,
            format!(
                "wrong type: `langkah` should be a list of steps, not {}",
                node.kind_name()
            ),
            "write each step on its own line starting with `- kegiatan: ...`",
        );
        return (Vec::new(), Vec::new());
    };
    if items.is_empty() {
        report.error_hint(
            node.pos,
            "`langkah` has no steps",
            "write each step below it as `- kegiatan: ...` with `pelaksana: ...` on the next line",
        );
        return (Vec::new(), Vec::new());
    }
    let raw: Vec<Option<RawStep<'_>>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| read_raw_step(item, i + 1, time_unit, report))
        .collect();

    // Lanes: as written, else every role in order of first use.
    let written_lanes = pelaksana
        .map(|n| read_lanes(n, config, report))
        .unwrap_or_default();
    let lane_pos: Vec<Pos> = written_lanes.iter().map(|(_, pos)| *pos).collect();
    let mut lanes: Vec<Lane> = written_lanes.into_iter().map(|(l, _)| l).collect();
    if lanes.is_empty() {
        for (written, _) in raw.iter().flatten().flat_map(|s| &s.pelaksana) {
            let nama = canonical(written, config);
            if !nama.is_empty() && !lanes.iter().any(|l| norm(&l.nama) == norm(&nama)) {
                lanes.push(lane(nama, None));
            }
        }
    }

    let n = items.len();
    let mut ids: Vec<(String, usize)> = Vec::new();
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (i, step) in raw.iter().enumerate() {
        let Some(id) = step.as_ref().and_then(|s| s.id.as_ref()) else {
            continue;
        };
        if let Some(first) = first_with.get(id.as_str()) {
            report.error_hint(
                raw[i].as_ref().map_or(items[i].pos, |s| s.pos),
                format!("duplicate step id `{id}`"),
                format!("step {} already has this id", first + 1),
            );
        } else {
            first_with.insert(id, i);
            ids.push((id.clone(), i));
        }
    }
    let numbers = printed_numbers(&raw, report);
    let lane_keys = LaneKeys::new(&lanes);

    // Every step's lanes first: a target may aim at one lane's symbol of any row.
    let step_lanes: Vec<Vec<usize>> = raw
        .iter()
        .map(|step| {
            let Some(s) = step else {
                return Vec::new();
            };
            let found = s.pelaksana.iter().filter_map(|(written, pos)| {
                find_lane(written, *pos, &lanes, &lane_keys, config, report)
            });
            if s.alur == Alur::Berurutan {
                // In order, a lane as often as the activity comes back to it.
                found.collect()
            } else {
                found.fold(Vec::new(), |mut acc, l| {
                    if !acc.contains(&l) {
                        acc.push(l);
                    }
                    acc
                })
            }
        })
        .collect();
    let targets = Targets::new(n, &ids, &numbers, &step_lanes, &lanes, &lane_keys, config);

    let mut steps = Vec::with_capacity(n);
    for (i, step) in raw.into_iter().enumerate() {
        let Some(s) = step else {
            let mut step = placeholder(i, n, items[i].pos);
            step.no = numbers[i].clone();
            steps.push(step);
            continue;
        };
        let step_lanes = step_lanes[i].clone();
        // A last row that says where it goes (`lanjut: selesai`, a loop
        // back) is an activity, not the selesai symbol.
        let last_leads_on = i + 1 == n && s.lanjut.is_some();
        let (kind, kinds) = symbol_kinds(
            &s,
            i,
            if last_leads_on { n + 1 } else { n },
            step_lanes.len(),
            report,
        );
        if s.alur == Alur::Berurutan
            && s.pelaksana.len() < 2
            && let Some(pos) = s.alur_pos
        {
            report.warning_hint(
                pos,
                format!("`alur: berurutan` on step {}, which has one pelaksana", i + 1),
                "berurutan passes the activity from lane to lane: list the pelaksana in order, or remove `alur`",
            );
        }
        let next = (i + 1 < n).then_some(Target::step(i + 1));
        let flow = if kind == StepKind::Keputusan {
            if let Some(l) = s.lanjut {
                report.error_hint(
                    l.pos,
                    "`lanjut` on a decision",
                    "a decision leads by `ya` and `tidak`; remove `lanjut`",
                );
            }
            let tidak = match s.tidak {
                Some(t) => targets.resolve(t, "tidak", report),
                None => {
                    report.error_hint(
                        s.pos,
                        format!("decision without `tidak` (step {})", i + 1),
                        "add `tidak: <step number or id>`, or `tidak: selesai`: where the answer \"Tidak\" leads",
                    );
                    None
                }
            };
            let ya = match s.ya {
                Some(t) => targets.resolve(t, "ya", report),
                None if next.is_none() => {
                    report.error_hint(
                        s.pos,
                        "the last step is a decision: `ya` has no next step to lead to",
                        "add `ya: <step number or id>`, or `ya: selesai`",
                    );
                    None
                }
                None => next,
            };
            match (ya, tidak) {
                (Some(ya), Some(tidak)) => Flow::Decision {
                    ya,
                    tidak,
                    label_ya: s.label_ya.unwrap_or_else(|| "Ya".into()),
                    label_tidak: s.label_tidak.unwrap_or_else(|| "Tidak".into()),
                },
                _ => Flow::Next {
                    to: next.into_iter().collect(),
                },
            }
        } else {
            for (key, node) in [("ya", s.ya), ("tidak", s.tidak)] {
                if let Some(node) = node {
                    report.error_hint(
                        node.pos,
                        format!("`{key}` on step {}, which is not a decision", i + 1),
                        "add `jenis: keputusan` to make it a decision, or use `lanjut` for the next step",
                    );
                }
            }
            if let Some(pos) = s.label_pos {
                report.error_hint(
                    pos,
                    format!("branch labels on step {}, which is not a decision", i + 1),
                    "add `jenis: keputusan`, or remove label_ya / label_tidak",
                );
            }
            match (kind, s.lanjut) {
                (StepKind::Selesai, Some(l)) => {
                    report.error_hint(
                        l.pos,
                        "`lanjut` on a selesai step",
                        "a selesai step ends the SOP; remove `lanjut` or change `jenis`",
                    );
                    Flow::Next { to: Vec::new() }
                }
                (StepKind::Selesai, None) => Flow::Next { to: Vec::new() },
                (_, Some(l)) => {
                    let to = targets.resolve_list(l, report);
                    Flow::Next {
                        to: to.unwrap_or_else(|| next.into_iter().collect()),
                    }
                }
                (_, None) => Flow::Next {
                    to: next.into_iter().collect(),
                },
            }
        };
        steps.push(Step {
            number: i + 1,
            no: numbers[i].clone(),
            id: s.id,
            kegiatan: s.kegiatan,
            lanes: step_lanes,
            kind,
            alur: s.alur,
            kinds,
            simbol: s.simbol,
            flow,
            kelengkapan: s.kelengkapan,
            waktu: s.waktu,
            output: s.output,
            keterangan: s.keterangan,
            pos: s.pos,
        });
    }
    // A lane nobody works in is an empty column: most likely a step names it differently.
    let clean = report.error_count() == 0;
    for (i, pos) in lane_pos.iter().enumerate() {
        if clean && !steps.iter().any(|s| s.lanes.contains(&i)) {
            report.warning_hint(
                *pos,
                format!("the lane `{}` has no step", lanes[i].nama),
                "give it a step, or remove it from `pelaksana`",
            );
        }
    }
    (lanes, steps)
}

fn default_kind(i: usize, n: usize) -> StepKind {
    if i == 0 {
        StepKind::Mulai
    } else if i + 1 == n {
        StepKind::Selesai
    } else {
        StepKind::Proses
    }
}

/// Stands in for a step that is no map, so numbering stays right.
fn placeholder(i: usize, n: usize, pos: Pos) -> Step {
    Step {
        number: i + 1,
        no: (i + 1).to_string(),
        kind: default_kind(i, n),
        flow: Flow::next((i + 1 < n).then_some(i + 1)),
        pos,
        ..Step::default()
    }
}

fn find_lane(
    written: &str,
    pos: Pos,
    lanes: &[Lane],
    keys: &LaneKeys,
    config: &Config,
    report: &mut Report,
) -> Option<usize> {
    let found = keys.find(written, config);
    if found.is_none() {
        let names: Vec<&str> = lanes
            .iter()
            .flat_map(|l| std::iter::once(l.nama.as_str()).chain(l.singkatan.as_deref()))
            .collect();
        let hint = match did_you_mean(written, names) {
            Some(c) => format!("did you mean `{c}`? the lanes are: {}", lane_list(lanes)),
            None => format!("the lanes (pelaksana) are: {}", lane_list(lanes)),
        };
        report.error_hint(pos, format!("unknown pelaksana `{written}`"), hint);
    }
    found
}

/// The lane a pelaksana as written names (its nama or singkatan, any case).
/// Every lane by its nama and singkatan as compared (any case and spacing),
/// made once per SOP: a step's pelaksana is looked up, not compared with
/// every lane (an SOP of thousands of lanes and steps was quadratic).
struct LaneKeys(HashMap<String, usize>);

impl LaneKeys {
    fn new(lanes: &[Lane]) -> LaneKeys {
        let mut keys = HashMap::new();
        for (i, lane) in lanes.iter().enumerate() {
            for name in std::iter::once(&lane.nama).chain(&lane.singkatan) {
                keys.entry(norm(name)).or_insert(i);
            }
        }
        LaneKeys(keys)
    }

    /// The first lane named `written`, as written or as the role it stands
    /// for after handbook.yaml `roles`.
    fn find(&self, written: &str, config: &Config) -> Option<usize> {
        let as_written = self.0.get(&norm(written));
        let as_role = self.0.get(&norm(&canonical(written, config)));
        as_written.into_iter().chain(as_role).min().copied()
    }
}

/// "Nama (SINGKATAN), ..." for hints.
fn lane_list<'l>(lanes: impl IntoIterator<Item = &'l Lane>) -> String {
    listed(lanes.into_iter().map(|l| match &l.singkatan {
        Some(s) => format!("{} ({s})", l.nama),
        None => l.nama.clone(),
    }))
}

/// The most names a hint lists: every hint of an SOP of thousands of steps
/// listing them all made its messages grow with the square of the SOP.
const LISTED: usize = 12;

/// "a, b, c" or, past `LISTED` names, "a, b, ... (40 in all)".
fn listed(names: impl IntoIterator<Item = String>) -> String {
    let mut shown = Vec::with_capacity(LISTED);
    let mut count = 0usize;
    for name in names {
        if count < LISTED {
            shown.push(name);
        }
        count += 1;
    }
    let mut out = shown.join(", ");
    if count > LISTED {
        out.push_str(&format!(", ... ({count} in all)"));
    }
    out
}

/// "steps are numbered 1 to 7" or the printed numbers, and the ids: for
/// hints. Made once per SOP, not once per wrong target.
fn describe_range(n: usize, numbers: &[String], ids: &[(String, usize)]) -> String {
    let numbered: Vec<&str> = numbers
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let plain = numbered
        .iter()
        .enumerate()
        .all(|(i, s)| *s == (i + 1).to_string())
        && numbered.len() == n;
    let mut out = if plain {
        format!("steps are numbered 1 to {n}")
    } else {
        format!(
            "the steps' numbers (`no`) are: {}",
            listed(numbered.iter().map(|s| s.to_string()))
        )
    };
    if !ids.is_empty() {
        let ids = listed(ids.iter().map(|(id, _)| id.clone()));
        out.push_str(&format!("; the ids are: {ids}"));
    }
    out
}

/// What a target (ya, tidak, lanjut) can name.
struct Targets<'a> {
    ids: &'a [(String, usize)],
    /// The printed number of each step ("" when unnumbered).
    numbers: &'a [String],
    step_lanes: &'a [Vec<usize>],
    lanes: &'a [Lane],
    lane_keys: &'a LaneKeys,
    config: &'a Config,
    /// The first step printed with each number, by id, by id as compared:
    /// a target is looked up, not compared with every step.
    by_number: HashMap<&'a str, usize>,
    by_id: HashMap<&'a str, usize>,
    by_loose_id: HashMap<String, usize>,
    range: String,
}

impl<'a> Targets<'a> {
    fn new(
        n: usize,
        ids: &'a [(String, usize)],
        numbers: &'a [String],
        step_lanes: &'a [Vec<usize>],
        lanes: &'a [Lane],
        lane_keys: &'a LaneKeys,
        config: &'a Config,
    ) -> Self {
        let mut by_number = HashMap::new();
        for (i, no) in numbers.iter().enumerate().filter(|(_, no)| !no.is_empty()) {
            by_number.entry(no.as_str()).or_insert(i);
        }
        let mut by_id = HashMap::new();
        let mut by_loose_id = HashMap::new();
        for (id, i) in ids {
            by_id.entry(id.as_str()).or_insert(*i);
            by_loose_id.entry(norm(id)).or_insert(*i);
        }
        Targets {
            ids,
            numbers,
            step_lanes,
            lanes,
            lane_keys,
            config,
            by_number,
            by_id,
            by_loose_id,
            range: describe_range(n, numbers, ids),
        }
    }

    /// "steps are numbered 1 to 7" or the printed numbers, and the ids: for hints.
    fn range(&self) -> String {
        self.range.clone()
    }

    /// `lanjut`: one target, or a list of them (a fork).
    fn resolve_list(&self, node: &Node, report: &mut Report) -> Option<Vec<Target>> {
        let Value::Seq(items) = &node.value else {
            return self.resolve(node, "lanjut", report).map(|t| vec![t]);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter().filter(|i| !i.is_null()) {
            match self.resolve(item, "lanjut", report) {
                Some(t) if !out.contains(&t) => out.push(t),
                Some(_) => report.error_hint(
                    item.pos,
                    "the same step is listed twice in `lanjut`",
                    "a fork lists each following step once",
                ),
                None => ok = false,
            }
        }
        if out.is_empty() && ok {
            report.error_hint(
                node.pos,
                "`lanjut` is an empty list",
                "write the step that follows, or a list of the steps that all follow (a fork)",
            );
            return None;
        }
        ok.then_some(out)
    }

    /// A target: a step number (as printed), an id, `selesai`, or `{ke, pelaksana}`.
    fn resolve(&self, node: &Node, key: &str, report: &mut Report) -> Option<Target> {
        match &node.value {
            Value::Map(_) => return self.resolve_symbol(node, key, report),
            Value::Seq(_) => {
                let hint = if key == "lanjut" {
                    "a fork is one list of steps: `lanjut: [8, 9]`".to_string()
                } else {
                    format!(
                        "`{key}` leads to one step; for several steps that all follow, let `{key}` lead to a step whose `lanjut` is a list"
                    )
                };
                report.error_hint(
                    node.pos,
                    format!("wrong type: `{key}` should be a step number, an id or `selesai`, not a list"),
                    hint,
                );
                return None;
            }
            _ => {}
        }
        let written = fields::text(node, key, report)?;
        if written.eq_ignore_ascii_case("selesai") {
            return Some(Target::End);
        }
        self.step(&written, node.pos, key, report).map(Target::step)
    }

    /// A step number (as printed) or id to a 0-based index.
    fn step(&self, written: &str, pos: Pos, key: &str, report: &mut Report) -> Option<usize> {
        if let Some(&i) = self.by_number.get(written) {
            return Some(i);
        }
        if written.parse::<usize>().is_ok() {
            report.error_hint(
                pos,
                format!("`{key}` leads to step {written}, which does not exist"),
                self.range(),
            );
            return None;
        }
        if let Some(&i) = self
            .by_id
            .get(written)
            .or_else(|| self.by_loose_id.get(&norm(written)))
        {
            return Some(i);
        }
        let hint = match did_you_mean(written, self.ids.iter().map(|(id, _)| id.as_str())) {
            Some(c) => format!("did you mean `{c}`? {}", self.range()),
            None => format!(
                "{}; or `selesai` to end the procedure on this branch",
                self.range()
            ),
        };
        report.error_hint(
            pos,
            format!("`{key}` leads to `{written}`, which is no step number or id"),
            hint,
        );
        None
    }

    /// `{ke: N, pelaksana: X}`: the symbol of lane X in step N.
    fn resolve_symbol(&self, node: &Node, key: &str, report: &mut Report) -> Option<Target> {
        let what = format!("a target in `{key}`");
        let f = Fields::read(node, TARGET_KEYS, &what, report)?;
        let ke = fields::required_text(&f, "ke", &what, report);
        let pelaksana = fields::required_text(&f, "pelaksana", &what, report);
        let (ke, pelaksana) = (ke?, pelaksana?);
        let ke_pos = f.get("ke").map_or(node.pos, |n| n.pos);
        let lane_pos = f.get("pelaksana").map_or(node.pos, |n| n.pos);
        if ke.eq_ignore_ascii_case("selesai") {
            report.error_hint(
                ke_pos,
                "`selesai` has no pelaksana to aim at",
                format!("write `{key}: selesai`"),
            );
            return None;
        }
        let step = self.step(&ke, ke_pos, key, report)?;
        let lanes = &self.step_lanes[step];
        let number = self.numbers.get(step).map_or("", String::as_str);
        let lane = self.lane_keys.find(&pelaksana, self.config);
        let symbol = lane.and_then(|l| lanes.iter().position(|&x| x == l));
        if let Some(symbol) = symbol {
            return Some(Target::Step { step, symbol });
        }
        let listed = lane_list(lanes.iter().filter_map(|&l| self.lanes.get(l)));
        let which = if number.is_empty() {
            format!("the {} row", ordinal(step + 1))
        } else {
            format!("step {number}")
        };
        report.error_hint(
            lane_pos,
            format!("`{key}` aims at `{pelaksana}` in {which}, which has no symbol in that lane"),
            format!(
                "{which} is done by: {listed}; name one of them, or write only `{key}: {}` for its first symbol",
                if number.is_empty() { ke.as_str() } else { number }
            ),
        );
        None
    }
}

/// "step 6" (its printed number), or "the 5th row (unnumbered)".
fn step_name(step: &Step) -> String {
    if step.no.is_empty() {
        format!("the {} row (unnumbered)", ordinal(step.number))
    } else {
        format!("step {}", step.no)
    }
}

fn check_graph(sop: &Sop, report: &mut Report) {
    let first = sop.steps.first().map(step_name).unwrap_or_default();
    for i in graph::unreachable(sop) {
        let step = &sop.steps[i];
        report.error_hint(
            step.pos,
            format!("{} cannot be reached from {first}", step_name(step)),
            "no arrow leads to it: point a `lanjut`, `ya` or `tidak` of an earlier step to it, or remove it",
        );
    }
    for (i, symbol) in graph::unreachable_symbols(sop) {
        let step = &sop.steps[i];
        let lane = step
            .lanes
            .get(symbol)
            .and_then(|&l| sop.lanes.get(l))
            .map_or("", |l| l.nama.as_str());
        report.error_hint(
            step.pos,
            format!(
                "the symbol of `{lane}` in {} cannot be reached: every arrow into the row aims past it",
                step_name(step)
            ),
            format!(
                "a plain number aims at the row's first symbol; `{{ke: {}, pelaksana: ...}}` aims further in: aim one arrow at `{lane}` or before it, or remove it from the row's pelaksana",
                step.no
            ),
        );
    }
    let forks = graph::dead_forks(sop);
    for &(i, branch) in &forks {
        let step = &sop.steps[i];
        report.error_hint(
            step.pos,
            format!(
                "the fork at {} never comes together again: the branch to {} never joins the others nor reaches the end",
                step_name(step),
                step_name(&sop.steps[branch])
            ),
            "let that branch lead (with `lanjut`) to a step the other branches also reach, or end it with `lanjut: selesai`",
        );
    }
    let dead = graph::dead_ends(sop);
    if let (Some(&first), true) = (dead.first(), forks.is_empty()) {
        let names: Vec<String> = dead.iter().map(|&i| step_name(&sop.steps[i])).collect();
        let message = if dead.len() == 1 {
            format!("no way from {} to a selesai step", names[0])
        } else {
            let which = if dead.iter().all(|&i| !sop.steps[i].no.is_empty()) {
                let nos: Vec<&str> = dead.iter().map(|&i| sop.steps[i].no.as_str()).collect();
                format!("steps {}", nos.join(", "))
            } else {
                names.join(", ")
            };
            format!("no way to a selesai step from {which}")
        };
        let hint = if sop.steps.iter().any(|s| s.kind == StepKind::Selesai)
            || sop.edges().iter().any(|e| e.is_end())
        {
            "a loop never ends or a step leads nowhere: give a way out with `lanjut`, `ya` or `tidak` (`selesai` ends the procedure on that branch)"
        } else {
            "no step is `jenis: selesai`: the last step usually is"
        };
        report.error_hint(sop.steps[first].pos, message, hint);
    }
}
