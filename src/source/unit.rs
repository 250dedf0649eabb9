//! A unit folder and its optional _index.md (front matter + Markdown).

use std::path::Path;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::{Unit, slug};

use super::clean::clean_text;
use super::fields::{self, Fields, Report};
use super::files::{self, FrontMatterError};
use super::{walk, yaml};

pub const UNIT_KEYS: &[&str] = &[
    "nama",
    "satuan_kerja",
    "urutan",
    "organisasi",
    "logo",
    "satuan_waktu",
];

/// Reads the unit of the content folder `rel` ("" for content/ itself: the
/// front page). `default_nama` names a unit without _index.md.
pub fn read(root: &Path, rel: &str, default_nama: &str) -> (Unit, Vec<Diagnostic>) {
    let path = slug::slugify_path(rel);
    let parent = (!rel.is_empty()).then(|| slug::slugify_path(walk::folder(rel)));
    let mut unit = Unit {
        path,
        parent,
        nama: clean_text(default_nama).into_owned(),
        satuan_kerja: None,
        urutan: None,
        organisasi: None,
        logo: None,
        satuan_waktu: None,
        body: String::new(),
        file: None,
    };
    let index_rel = if rel.is_empty() {
        "content/_index.md".to_string()
    } else {
        format!("content/{rel}/_index.md")
    };
    let index = root.join(&index_rel);
    // A FIFO or a link out of the handbook is skipped, with the walk's warning.
    if !walk::Guard::new(root).allows_file(&index) {
        return (unit, Vec::new());
    }
    unit.file = Some(index_rel.clone().into());
    let text = match files::read_text(&index, Path::new(&index_rel)) {
        Ok(text) => text,
        Err(d) => return (unit, vec![*d]),
    };
    let mut report = Report::new(&index_rel);
    let front = match files::split_front_matter(&text) {
        Ok(front) => front,
        // A description alone: the unit keeps the folder's name.
        Err(FrontMatterError::Missing) => {
            unit.body = clean_text(&text).into_owned();
            return (unit, Vec::new());
        }
        Err(FrontMatterError::NeverClosed) => {
            report.error_hint(
                Pos::new(1, 1),
                "front matter never closed",
                "end the front matter with a line `---` before the Markdown",
            );
            return (unit, report.diagnostics);
        }
    };
    unit.body = clean_text(front.body).into_owned();
    let node = match yaml::parse(front.yaml, 1) {
        Ok(node) => node,
        Err(e) => {
            report.yaml(e);
            return (unit, report.diagnostics);
        }
    };
    if node.is_null() && rel.is_empty() {
        return (unit, Vec::new());
    }
    let what = "a unit (_index.md)";
    let Some(f) = Fields::read(&node, UNIT_KEYS, what, &mut report) else {
        return (unit, report.diagnostics);
    };
    // The front page may leave nama out: the site title stands for it.
    let nama = if rel.is_empty() {
        f.get("nama")
            .and_then(|n| fields::text(n, "nama", &mut report))
    } else {
        fields::required_text(&f, "nama", what, &mut report)
    };
    if let Some(nama) = nama.filter(|s| !s.is_empty()) {
        unit.nama = nama;
    }
    let mut text = |key: &str| {
        f.get(key)
            .and_then(|n| fields::text(n, key, &mut report))
            .filter(|s| !s.is_empty())
    };
    unit.satuan_kerja = text("satuan_kerja");
    unit.organisasi = text("organisasi");
    unit.logo = text("logo").map(|l| l.trim_start_matches('/').to_string());
    unit.satuan_waktu = f
        .get("satuan_waktu")
        .and_then(|n| super::sop::read_time_unit(n, &mut report));
    unit.urutan = f
        .get("urutan")
        .and_then(|n| fields::integer(n, "urutan", &mut report));
    (unit, report.diagnostics)
}
