//! `lajur import`: an agency's existing SOPs, as PDF or as text copied out
//! of the form, into YAML files of the handbook.
//!
//! ```text
//! file ──read (text/, pdf/)──▶ Draft ──yaml──▶ content/UNIT/NAME.yaml
//! ```
//!
//! A reader never guesses: what it cannot read becomes a `# periksa:`
//! comment at its place in the YAML and a line in the report. Nothing is
//! written before every destination has been checked, and an existing file
//! is never replaced unless `--force`.

pub mod draft;
pub mod form;
pub mod lists;
pub mod pdf;
pub mod roles;
pub mod text;
pub mod yaml;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::slug::slugify;
pub use draft::Draft;

/// What `lajur import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--into content/UNIT`; default a unit named from the form's unit line.
    pub into: Option<PathBuf>,
    pub dry_run: bool,
    pub force: bool,
}

/// One document imported (or that would be, on --dry-run).
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub source: PathBuf,
    pub output: PathBuf,
    pub nama: String,
    pub steps: usize,
    pub lanes: usize,
    /// Written to disk (false on --dry-run or when the run was refused).
    pub written: bool,
    /// Each `# periksa:` comment: its line in the YAML and its message.
    pub periksa: Vec<Periksa>,
    /// A unit file written beside it (its folder was new).
    pub unit_index: Option<PathBuf>,
    pub yaml: String,
    #[serde(skip)]
    unit_index_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Periksa {
    pub line: usize,
    pub message: String,
}

/// A document that gave no SOP.
#[derive(Debug, Clone, Serialize)]
pub struct Failed {
    pub source: PathBuf,
    pub message: String,
}

/// What a run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub imported: Vec<Imported>,
    pub failed: Vec<Failed>,
    /// Files that exist already (or that two documents would both write):
    /// nothing was written.
    pub refused: Vec<PathBuf>,
}

impl Report {
    /// 2 when a destination exists (nothing written), 1 when a document
    /// gave no SOP, else 0.
    pub fn exit_code(&self) -> u8 {
        if !self.refused.is_empty() {
            2
        } else if !self.failed.is_empty() {
            1
        } else {
            0
        }
    }
}

/// Reads one document: a PDF by its signature, anything else as text.
pub fn read(path: &Path) -> Result<Draft, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.starts_with(b"%PDF") {
        return pdf::read(&bytes);
    }
    let (text, decoded_from) = decode(&bytes);
    let mut draft = text::read(&text);
    if let Some(encoding) = decoded_from {
        draft.note(
            "",
            format!("berkas bukan UTF-8; dibaca sebagai {encoding}: periksa huruf beraksen"),
        );
    }
    Ok(draft)
}

/// The text of a file: UTF-8 (a BOM dropped), UTF-16 with a BOM, else
/// Windows-1252 as old office exports write it (named in the second value).
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return (utf16(true), None);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (utf16(false), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Some("Windows-1252"),
        ),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Imports `files` under `root` (the handbook folder): reads every one,
/// checks every destination, then writes (unless dry_run). When any
/// destination exists already, nothing is written.
pub fn run(root: &Path, files: &[PathBuf], opts: &ImportOptions) -> Report {
    let mut report = Report::default();
    for file in files {
        let draft = match read(file) {
            Ok(d) => d,
            Err(message) => {
                report.failed.push(Failed {
                    source: file.clone(),
                    message,
                });
                continue;
            }
        };
        match prepare(root, file, draft, opts) {
            Ok(imported) => report.imported.push(imported),
            Err(message) => report.failed.push(Failed {
                source: file.clone(),
                message,
            }),
        }
    }
    // Refuse an existing file, or two documents writing one file.
    let mut seen = std::collections::HashSet::new();
    for imported in &report.imported {
        let path = root.join(&imported.output);
        if (path.exists() && !opts.force) || !seen.insert(imported.output.clone()) {
            report.refused.push(imported.output.clone());
        }
    }
    if opts.dry_run || !report.refused.is_empty() {
        return report;
    }
    for imported in &mut report.imported {
        let path = root.join(&imported.output);
        let result = (|| -> std::io::Result<()> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            if let (Some(index), Some(text)) = (&imported.unit_index, &imported.unit_index_text) {
                let index = root.join(index);
                if !index.exists() {
                    std::fs::write(index, text)?;
                }
            }
            std::fs::write(&path, &imported.yaml)
        })();
        match result {
            Ok(()) => imported.written = true,
            Err(e) => report.failed.push(Failed {
                source: imported.source.clone(),
                message: format!("cannot write {}: {e}", imported.output.display()),
            }),
        }
    }
    report
}

/// The YAML of one draft and where it goes.
fn prepare(
    root: &Path,
    file: &Path,
    mut draft: Draft,
    opts: &ImportOptions,
) -> Result<Imported, String> {
    if draft.steps.is_empty() {
        let mut why = String::from("no steps found (a table with No and Kegiatan columns)");
        for (_, note) in draft.notes.iter().filter(|(f, _)| f.is_empty()) {
            why.push_str("; ");
            why.push_str(note);
        }
        return Err(why);
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if draft.nama.as_deref().is_none_or(|n| n.trim().is_empty()) {
        draft.note(
            "nama",
            format!("Nama SOP tidak ditemukan; diisi dari nama berkas \"{stem}\""),
        );
        draft.nama = Some(stem.clone());
    }
    let nama = draft.nama.clone().unwrap_or_default();
    let mut name = slugify(nama.trim_start_matches(|c: char| c.is_whitespace()));
    name = name.strip_prefix("sop-").unwrap_or(&name).to_string();
    if name.is_empty() {
        name = slugify(&stem);
    }
    let (dir, unit_nama) = match &opts.into {
        Some(into) => (into.clone(), None),
        None => {
            let unit = draft
                .unit
                .last()
                .or(draft.satuan_kerja.as_ref())
                .cloned()
                .unwrap_or_else(|| "impor".to_string());
            (Path::new("content").join(slugify(&unit)), Some(unit))
        }
    };
    let output = dir.join(format!("{name}.yaml"));
    let written = yaml::write(&draft, &file.display().to_string());
    let index = dir.join("_index.md");
    let (unit_index, unit_index_text) = match unit_nama {
        Some(nama) if !root.join(&dir).exists() => {
            let mut text = format!("---\nnama: {}\n", yaml::scalar(&nama));
            if let Some(org) = &draft.organisasi {
                text.push_str(&format!("organisasi: {}\n", yaml::scalar(org)));
            }
            text.push_str("---\n");
            (Some(index), Some(text))
        }
        _ => (None, None),
    };
    Ok(Imported {
        source: file.to_path_buf(),
        output,
        nama,
        steps: draft.steps.len(),
        lanes: draft.lanes.len(),
        written: false,
        periksa: written
            .periksa
            .into_iter()
            .map(|(line, message)| Periksa { line, message })
            .collect(),
        unit_index,
        yaml: written.yaml,
        unit_index_text,
    })
}

/// The report for a person: on standard output what was (or would be)
/// written, each `# periksa:` as `file:line: periksa: message`, and on
/// --dry-run the YAML itself; on standard error what stopped the run.
pub fn report_text(report: &Report, dry_run: bool) -> (String, String) {
    let mut out = String::new();
    let mut err = String::new();
    for f in &report.failed {
        err.push_str(&format!("{}: error: {}\n", f.source.display(), f.message));
    }
    for r in &report.refused {
        err.push_str(&format!(
            "{}: error: the file exists already; nothing was written\n  hint: move or rename it, import --into another unit, or pass --force to replace it\n",
            r.display()
        ));
    }
    for i in &report.imported {
        if dry_run {
            out.push_str(&format!("# ---- {} ----\n{}\n", i.output.display(), i.yaml));
        }
        let verb = if i.written { "wrote" } else { "would write" };
        out.push_str(&format!(
            "{verb} {} from {}: {} langkah, {} pelaksana, {} to check\n",
            i.output.display(),
            i.source.display(),
            i.steps,
            i.lanes,
            i.periksa.len()
        ));
        if let (Some(index), true) = (&i.unit_index, i.written) {
            out.push_str(&format!("wrote {}\n", index.display()));
        }
        for p in &i.periksa {
            out.push_str(&format!(
                "{}:{}: periksa: {}\n",
                i.output.display(),
                p.line,
                p.message
            ));
        }
    }
    if !report.imported.is_empty() && !dry_run && report.refused.is_empty() {
        out.push_str(
            "Next: check each \"# periksa:\" against the original, then run `lajur check`.\n",
        );
    }
    (out, err)
}
