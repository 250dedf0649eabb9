//! Handbooks built in code, for the unit tests of the stages after the
//! loader (link, routes, render): an SOP of numbered steps over named lanes,
//! citations read or unread, a handbook of one root unit. A test that
//! starts from files writes them with [`super::folder`] instead.

use std::path::PathBuf;

use crate::Handbook;
use crate::config::Config;
use crate::diagnostic::Pos;
use crate::model::waktu::{Duration, DurationRange, Waktu};
use crate::model::{Citation, Flow, Lane, RegulationKind, Sop, Step, StepKind, Unit};

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
