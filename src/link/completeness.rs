//! Kelengkapan: which parts of the SOP AP form each SOP leaves empty or
//! writes in a way lajur cannot read, a score per SOP and per unit, and
//! which SOPs are due for review (review_after).
//!
//! Computed once, in the link stage ([`crate::pipeline::link`]), and read
//! as it is by the kelengkapan page, its CSV and `lajur check --format
//! json`: the three cannot disagree, as each would if it judged the SOPs
//! itself.
//!
//! Decisions:
//! - An *item* is one thing the form asks for: the nomor, tanggal
//!   pembuatan, tanggal efektif (tanggal pengesahan stands in for it, as on
//!   many forms), tanggal revisi only when one is written (an SOP not yet
//!   revised lacks nothing), the approver's nama and NIP, dasar hukum (each
//!   line, or the field when empty), kualifikasi pelaksana, peralatan,
//!   peringatan, pencatatan, and per step pelaksana, waktu and output. A
//!   [`Gap`] is an item missing or unreadable; the SOP's score is the share
//!   of its items without one, rounded down, so 100 means complete.
//! - Unreadable: a date without a year, a waktu lajur cannot read, a dasar
//!   hukum line it cannot parse, a NIP that is not 18 digits (the NIP of a
//!   civil servant, spaces aside).
//! - A unit's score is the mean of the scores of the SOPs in it and below
//!   (each SOP weighs the same, however many steps it has).
//! - Review: the newest date is the newest tanggal revisi, else tanggal
//!   efektif, else tanggal pengesahan, else tanggal pembuatan. A partial
//!   date ("Juni 2020", "2016") counts from its last day, so an SOP is only
//!   called due when it is due whichever day was meant. An SOP without any
//!   date cannot be due (its missing dates are gaps already).

use serde::Serialize;

use crate::diagnostic::Pos;
use crate::model::calendar::{self, Elapsed, Period};
use crate::model::{Date, Handbook, Sop};

/// A part of the form that an item checks. Serialised as its key in the
/// SOP's source (`disahkan_oleh.nip`), which tools know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Part {
    #[serde(rename = "nomor")]
    Nomor,
    #[serde(rename = "tanggal_pembuatan")]
    TanggalPembuatan,
    #[serde(rename = "tanggal_efektif")]
    TanggalEfektif,
    #[serde(rename = "tanggal_revisi")]
    TanggalRevisi,
    #[serde(rename = "disahkan_oleh.nama")]
    DisahkanNama,
    #[serde(rename = "disahkan_oleh.nip")]
    DisahkanNip,
    #[serde(rename = "dasar_hukum")]
    DasarHukum,
    #[serde(rename = "kualifikasi_pelaksana")]
    Kualifikasi,
    #[serde(rename = "peralatan")]
    Peralatan,
    #[serde(rename = "peringatan")]
    Peringatan,
    #[serde(rename = "pencatatan")]
    Pencatatan,
    #[serde(rename = "pelaksana")]
    Pelaksana,
    #[serde(rename = "waktu")]
    Waktu,
    #[serde(rename = "output")]
    Output,
}

impl Part {
    /// Every part, in the order of the form: the columns of the CSV.
    pub const ALL: [Part; 14] = [
        Part::Nomor,
        Part::TanggalPembuatan,
        Part::TanggalEfektif,
        Part::TanggalRevisi,
        Part::DisahkanNama,
        Part::DisahkanNip,
        Part::DasarHukum,
        Part::Kualifikasi,
        Part::Peralatan,
        Part::Peringatan,
        Part::Pencatatan,
        Part::Pelaksana,
        Part::Waktu,
        Part::Output,
    ];

    /// The part's key in the source, as serialised.
    pub fn key(self) -> &'static str {
        match self {
            Part::Nomor => "nomor",
            Part::TanggalPembuatan => "tanggal_pembuatan",
            Part::TanggalEfektif => "tanggal_efektif",
            Part::TanggalRevisi => "tanggal_revisi",
            Part::DisahkanNama => "disahkan_oleh.nama",
            Part::DisahkanNip => "disahkan_oleh.nip",
            Part::DasarHukum => "dasar_hukum",
            Part::Kualifikasi => "kualifikasi_pelaksana",
            Part::Peralatan => "peralatan",
            Part::Peringatan => "peringatan",
            Part::Pencatatan => "pencatatan",
            Part::Pelaksana => "pelaksana",
            Part::Waktu => "waktu",
            Part::Output => "output",
        }
    }

    /// A part of each step rather than of the SOP.
    pub fn is_per_step(self) -> bool {
        matches!(self, Part::Pelaksana | Part::Waktu | Part::Output)
    }
}

/// What is wrong with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Problem {
    /// Not written, or written empty.
    Missing,
    /// Written, but lajur cannot read it (kept as written).
    Unreadable,
}

/// One item missing or unreadable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub part: Part,
    pub problem: Problem,
    /// The step's position (1-based) for a part of a step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// The text as written, for an unreadable item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// Where in the SOP's file: the step, else where the SOP starts.
    pub line: usize,
    pub column: usize,
}

/// When an SOP is due for review, with review_after set and a date to
/// count from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The newest date, as written (maybe a month or a year).
    pub newest: Date,
    /// Which field it is (`tanggal_revisi`, ...).
    pub newest_field: &'static str,
    /// The day the review falls due.
    pub due: Date,
    /// How long ago it fell due; None while it has not.
    pub overdue: Option<Elapsed>,
}

/// The kelengkapan of one SOP.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SopCompleteness {
    /// How many items the form asks of this SOP.
    pub items: usize,
    pub gaps: Vec<Gap>,
    /// Share of the items without a gap, in percent, rounded down.
    pub score: u32,
    pub review: Option<Review>,
}

impl SopCompleteness {
    /// True when the SOP is past its review date.
    pub fn is_due(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.overdue.is_some())
    }
}

/// A unit's totals over the SOPs in it and every unit below.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitCompleteness {
    pub sops: usize,
    pub gaps: usize,
    /// SOPs past their review date.
    pub due: usize,
    /// The mean of the SOPs' scores; None for a unit without SOPs.
    pub score: Option<u32>,
}

/// The kelengkapan of the whole handbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completeness {
    /// The day of the build, which review dates are compared with.
    pub today: Date,
    pub review_after: Option<Period>,
    /// One per SOP of the handbook, in its order.
    pub sops: Vec<SopCompleteness>,
    /// One per unit of the handbook, in its order (the root first: the
    /// whole handbook).
    pub units: Vec<UnitCompleteness>,
}

/// The findings as `lajur check --format json` prints them, under
/// `kelengkapan`: each SOP and unit named, beside its own judgement.
#[derive(Debug, Serialize)]
pub struct Findings<'a> {
    pub today: Date,
    pub review_after: Option<&'a Period>,
    pub units: Vec<UnitFindings<'a>>,
    pub sops: Vec<SopFindings<'a>>,
}

#[derive(Debug, Serialize)]
pub struct UnitFindings<'a> {
    pub path: &'a str,
    pub nama: &'a str,
    #[serde(flatten)]
    pub completeness: &'a UnitCompleteness,
}

#[derive(Debug, Serialize)]
pub struct SopFindings<'a> {
    /// The source file, relative to the handbook root.
    pub file: &'a std::path::Path,
    pub path: &'a str,
    pub unit: &'a str,
    pub nomor: &'a str,
    pub nama: &'a str,
    #[serde(flatten)]
    pub completeness: &'a SopCompleteness,
}

impl Completeness {
    /// The findings with the names of what they are about.
    pub fn findings<'a>(&'a self, handbook: &'a Handbook) -> Findings<'a> {
        Findings {
            today: self.today,
            review_after: self.review_after.as_ref(),
            units: handbook
                .units
                .iter()
                .zip(&self.units)
                .map(|(u, c)| UnitFindings {
                    path: &u.path,
                    nama: &u.nama,
                    completeness: c,
                })
                .collect(),
            sops: handbook
                .sops
                .iter()
                .zip(&self.sops)
                .map(|(s, c)| SopFindings {
                    file: &s.file,
                    path: &s.path,
                    unit: &s.unit,
                    nomor: &s.nomor,
                    nama: &s.nama,
                    completeness: c,
                })
                .collect(),
        }
    }
}

/// Judges every SOP of `handbook` on `today` (the day of the build).
pub fn assess(handbook: &Handbook, today: Date) -> Completeness {
    let review_after = handbook.config.review_after.clone();
    let sops: Vec<SopCompleteness> = handbook
        .sops
        .iter()
        .map(|sop| {
            let (items, gaps) = gaps(sop);
            // Every gap is one item, so the items with a gap are the gaps.
            let complete = items - gaps.len();
            SopCompleteness {
                score: (complete * 100 / items.max(1)) as u32,
                items,
                gaps,
                review: review_after.as_ref().and_then(|p| review(sop, p, today)),
            }
        })
        .collect();
    let units = handbook
        .units
        .iter()
        .map(|unit| {
            let inside = |s: &&Sop| {
                unit.path.is_empty()
                    || s.unit == unit.path
                    || s.unit
                        .strip_prefix(unit.path.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            };
            let mine: Vec<&SopCompleteness> = handbook
                .sops
                .iter()
                .zip(&sops)
                .filter(|(s, _)| inside(s))
                .map(|(_, c)| c)
                .collect();
            let n = mine.len();
            UnitCompleteness {
                sops: n,
                gaps: mine.iter().map(|c| c.gaps.len()).sum(),
                due: mine.iter().filter(|c| c.is_due()).count(),
                score: (n > 0).then(|| mine.iter().map(|c| c.score).sum::<u32>() / n as u32),
            }
        })
        .collect();
    Completeness {
        today,
        review_after,
        sops,
        units,
    }
}

/// A NIP as civil servants have it: 18 digits, spaces and dots aside.
fn nip_is_readable(nip: &str) -> bool {
    let digits: Vec<char> = nip.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    digits.len() == 18 && digits.iter().all(char::is_ascii_digit)
}

/// The items of `sop` and its gaps.
fn gaps(sop: &Sop) -> (usize, Vec<Gap>) {
    let mut items = 0;
    let mut out = Vec::new();
    let at =
        |pos: Pos, part: Part, problem: Problem, step: Option<usize>, written: Option<&str>| Gap {
            part,
            problem,
            step,
            written: written.map(String::from),
            line: pos.line,
            column: pos.column,
        };
    let mut check = |part: Part, problem: Option<(Problem, Option<&str>)>| {
        items += 1;
        if let Some((problem, written)) = problem {
            out.push(at(sop.pos, part, problem, None, written));
        }
    };
    let missing = Some((Problem::Missing, None));
    let date = |date: Option<&Date>, key: &str| match (date, sop.date_as_written(key)) {
        (Some(_), _) => None,
        (None, Some(text)) => Some((Problem::Unreadable, Some(text))),
        (None, None) => Some((Problem::Missing, None)),
    };
    let empty = |list: &[String]| list.iter().all(|s| s.trim().is_empty());

    check(
        Part::Nomor,
        sop.nomor.trim().is_empty().then_some(missing).flatten(),
    );
    check(
        Part::TanggalPembuatan,
        date(sop.tanggal_pembuatan.as_ref(), "tanggal_pembuatan"),
    );
    check(
        Part::TanggalEfektif,
        // Either date fills the field; of two problems the unreadable one
        // is the one to fix.
        match (
            date(sop.tanggal_efektif.as_ref(), "tanggal_efektif"),
            date(sop.tanggal_pengesahan.as_ref(), "tanggal_pengesahan"),
        ) {
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => Some(if a.0 == Problem::Unreadable { a } else { b }),
        },
    );
    if let Some(text) = sop.date_as_written("tanggal_revisi") {
        check(Part::TanggalRevisi, Some((Problem::Unreadable, Some(text))));
    }
    let approver = sop.disahkan_oleh.as_ref();
    let nama = approver.and_then(|a| a.nama.as_deref()).map(str::trim);
    check(
        Part::DisahkanNama,
        nama.is_none_or(|n| n.is_empty() || Date::means_none(n))
            .then_some(missing)
            .flatten(),
    );
    let nip = approver.and_then(|a| a.nip.as_deref()).map(str::trim);
    check(
        Part::DisahkanNip,
        match nip {
            None => missing,
            Some(n) if n.is_empty() || Date::means_none(n) => missing,
            Some(n) if !nip_is_readable(n) => Some((Problem::Unreadable, Some(n))),
            Some(_) => None,
        },
    );
    if sop.dasar_hukum.is_empty() {
        check(Part::DasarHukum, missing);
    }
    for citation in &sop.dasar_hukum {
        check(
            Part::DasarHukum,
            citation
                .id
                .is_none()
                .then_some((Problem::Unreadable, Some(citation.text.as_str()))),
        );
    }
    check(
        Part::Kualifikasi,
        empty(&sop.kualifikasi_pelaksana)
            .then_some(missing)
            .flatten(),
    );
    check(
        Part::Peralatan,
        empty(&sop.peralatan).then_some(missing).flatten(),
    );
    check(
        Part::Peringatan,
        empty(&sop.peringatan).then_some(missing).flatten(),
    );
    check(
        Part::Pencatatan,
        empty(&sop.pencatatan).then_some(missing).flatten(),
    );

    for step in &sop.steps {
        let n = Some(step.number);
        items += 3;
        if step.lanes.is_empty() {
            out.push(at(step.pos, Part::Pelaksana, Problem::Missing, n, None));
        }
        match &step.waktu {
            Some(w) if w.text.trim().is_empty() => {
                out.push(at(step.pos, Part::Waktu, Problem::Missing, n, None));
            }
            Some(w) if w.duration.is_none() => {
                out.push(at(
                    step.pos,
                    Part::Waktu,
                    Problem::Unreadable,
                    n,
                    Some(&w.text),
                ));
            }
            Some(_) => {}
            None => out.push(at(step.pos, Part::Waktu, Problem::Missing, n, None)),
        }
        if step.output.as_deref().is_none_or(|o| o.trim().is_empty()) {
            out.push(at(step.pos, Part::Output, Problem::Missing, n, None));
        }
    }
    (items, out)
}

/// The review of `sop` under `period`, on `today`.
fn review(sop: &Sop, period: &Period, today: Date) -> Option<Review> {
    let (newest, newest_field) = sop
        .latest_revision()
        .map(|d| (*d, "tanggal_revisi"))
        .or(sop.tanggal_efektif.map(|d| (d, "tanggal_efektif")))
        .or(sop.tanggal_pengesahan.map(|d| (d, "tanggal_pengesahan")))
        .or(sop.tanggal_pembuatan.map(|d| (d, "tanggal_pembuatan")))?;
    let due = period.after(calendar::last_day(newest));
    Some(Review {
        newest,
        newest_field,
        due,
        overdue: calendar::overdue(due, today),
    })
}

#[cfg(test)]
mod tests;
