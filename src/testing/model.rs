//! Handbooks built in code, for the tests of the stages after the loader
//! (link, routes, render, the flowchart): an SOP of numbered steps over
//! named lanes ([`sop`], [`step`], [`lane`]) or one written as its form reads
//! ([`form_sop`] with [`Go`]), citations read or unread, a handbook of one
//! root unit. A test that starts from files writes them with
//! [`super::folder`] instead.

use std::path::PathBuf;

use crate::Handbook;
use crate::config::Config;
use crate::diagnostic::Pos;
use crate::model::waktu::{Duration, DurationRange, Waktu};
use crate::model::{Citation, Flow, Lane, RegulationKind, Sop, Step, StepKind, Target, Unit};

/// A citation the recogniser read: its kind, number, year and the id the
/// register gives it.
pub fn citation(
    text: &str,
    kind: RegulationKind,
    number: &str,
    year: u16,
    title: Option<&str>,
) -> Citation {
    let prefix = match kind {
        RegulationKind::Uu => "uu",
        RegulationKind::Pp => "pp",
        RegulationKind::Permendagri => "permendagri",
        RegulationKind::Perda => "perda",
        _ => "permen",
    };
    Citation {
        text: text.into(),
        kind: Some(kind),
        number: Some(number.into()),
        year: Some(year),
        place: None,
        title: title.map(Into::into),
        id: Some(format!("{prefix}-no-{number}-tahun-{year}")),
        amends: None,
    }
}

/// A citation the recogniser could not read: its text alone.
pub fn unread(text: &str) -> Citation {
    Citation {
        text: text.into(),
        kind: None,
        number: None,
        year: None,
        place: None,
        title: None,
        id: None,
        amends: None,
    }
}

/// A lane and its role's slug.
pub fn lane(nama: &str, singkatan: Option<&str>) -> Lane {
    Lane {
        nama: nama.into(),
        singkatan: singkatan.map(Into::into),
        slug: crate::model::slug::slugify(nama),
    }
}

/// A waktu of `m` minutes, as written "`m` menit".
pub fn minutes(m: f64) -> Waktu {
    let d = Duration {
        minutes: m,
        ..Duration::default()
    };
    Waktu {
        text: format!("{m} menit"),
        duration: Some(DurationRange { min: d, max: d }),
        implied_unit: None,
    }
}

/// Step `number` ("Kegiatan N"), a plain process in `lanes`.
pub fn step(number: usize, lanes: &[usize], waktu: Option<Waktu>) -> Step {
    Step {
        number,
        id: None,
        kegiatan: format!("Kegiatan {number}"),
        lanes: lanes.to_vec(),
        kind: StepKind::Proses,
        flow: Flow::Next { to: Vec::new() },
        kelengkapan: Vec::new(),
        waktu,
        output: None,
        keterangan: None,
        pos: Pos::default(),
        no: number.to_string(),
        ..Step::default()
    }
}

/// The SOP `nomor` ("SOP NOMOR") at content/NOMOR.yaml.
pub fn sop(nomor: &str, lanes: Vec<Lane>, steps: Vec<Step>, dasar_hukum: Vec<Citation>) -> Sop {
    Sop {
        file: PathBuf::from(format!("content/{nomor}.yaml")),
        path: crate::model::slug::slugify(nomor),
        nomor: nomor.into(),
        nama: format!("SOP {nomor}"),
        dasar_hukum,
        lanes,
        steps,
        ..Sop::default()
    }
}

/// How a step leads on, in the words of the form.
#[derive(Clone, Copy, Debug)]
pub enum Go {
    /// The next step (or nothing after selesai).
    Next,
    /// lanjut: 1-based step number.
    Lanjut(usize),
    /// A decision: ya and tidak as 1-based step numbers.
    Decide(usize, usize),
}

/// An SOP as its form reads: its nama, its lanes (roles without a
/// singkatan) and each step's kegiatan, lanes (0-based) and where it goes.
/// The first step is mulai, the last selesai, a [`Go::Decide`] a keputusan
/// labelled Ya and Tidak. It sits at content/contoh.yaml as SOP-01.
pub fn form_sop(nama: &str, lanes: &[&str], steps: &[(&str, &[usize], Go)]) -> Sop {
    let n = steps.len();
    let steps = steps
        .iter()
        .enumerate()
        .map(|(i, &(kegiatan, lanes, go))| {
            let (kind, flow) = match go {
                Go::Decide(ya, tidak) => (
                    StepKind::Keputusan,
                    Flow::Decision {
                        ya: Target::step(ya - 1),
                        tidak: Target::step(tidak - 1),
                        label_ya: "Ya".into(),
                        label_tidak: "Tidak".into(),
                    },
                ),
                Go::Lanjut(to) => (StepKind::default_at(i, n), Flow::next(Some(to - 1))),
                Go::Next => (
                    StepKind::default_at(i, n),
                    Flow::next((i + 1 < n).then_some(i + 1)),
                ),
            };
            Step {
                kegiatan: kegiatan.into(),
                kind,
                flow,
                ..step(i + 1, lanes, None)
            }
        })
        .collect();
    Sop {
        file: PathBuf::from("content/contoh.yaml"),
        path: "contoh".into(),
        nomor: "SOP-01".into(),
        nama: nama.into(),
        lanes: lanes.iter().map(|nama| lane(nama, None)).collect(),
        steps,
        ..Sop::default()
    }
}

/// A handbook of `sops` under one root unit, with the default settings.
pub fn handbook(sops: Vec<Sop>) -> Handbook {
    Handbook {
        config: Config::default(),
        units: vec![unit("", None, "Root", "")],
        sops,
        register: Vec::new(),
        assets: Vec::new(),
    }
}

/// A unit at `path` under `parent` (None for the front page).
pub fn unit(path: &str, parent: Option<&str>, nama: &str, body: &str) -> Unit {
    Unit {
        path: path.into(),
        parent: parent.map(Into::into),
        nama: nama.into(),
        satuan_kerja: None,
        urutan: None,
        body: body.into(),
        file: None,
        ..Unit::default()
    }
}
