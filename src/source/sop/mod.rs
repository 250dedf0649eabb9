//! One SOP file (its YAML tree) read into [`Sop`], every field of docs/format.md
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

use crate::source::fields::{self, Fields, Report};
use crate::source::keys;
use crate::source::yaml::{Node, Value};

mod flow;
mod lanes;
mod steps;

use flow::*;
use lanes::*;
use steps::*;

// The keys the loader knows, from the tables the JSON Schema is written from
// (source/keys.rs): the two cannot name different keys.
pub const SOP_KEYS: &[&str] = &keys::names::<{ keys::SOP.len() }>(keys::SOP);
pub const STEP_KEYS: &[&str] = &keys::names::<{ keys::STEP.len() }>(keys::STEP);
const APPROVER_KEYS: &[&str] = &keys::names::<{ keys::APPROVER.len() }>(keys::APPROVER);
const LANE_KEYS: &[&str] = &keys::names::<{ keys::LANE.len() }>(keys::LANE);
const RELATION_KEYS: &[&str] = &keys::names::<{ keys::RELATION.len() }>(keys::RELATION);
const TARGET_KEYS: &[&str] = &keys::names::<{ keys::TARGET.len() }>(keys::TARGET);
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
        history: Vec::new(),
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
