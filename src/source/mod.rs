//! Reading the handbook from disk: handbook.yaml, content/, static files and
//! the theme's templates (the only stage that reads the disk).
//!
//! Every file is read on its own (in parallel), into a YAML tree that keeps
//! positions and then into the model, so one run reports every problem of
//! every file. Checks across files (nomor, URLs) come last; keterkaitan are
//! resolved later, by the link stage (`link::link`), which runs on a
//! handbook with errors too so that `check` reports both in one run.

mod cache;
mod checks;
pub mod clean;
pub mod config;
mod fields;
pub mod files;
pub mod history;
pub mod keys;
mod register;
pub mod schema;
mod sop;
pub mod theme;
mod unit;
mod walk;
pub mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::Options;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Pos, Severity};
use crate::model::{Asset, AssetKind, Handbook, RegisterEntry, Sop, Unit, slug};

use fields::Report;
use files::FrontMatterError;

pub use cache::SourceCache;
pub use checks::natural_cmp;
pub use sop::{SOP_KEYS, STEP_KEYS};
pub use theme::Theme;
pub use unit::UNIT_KEYS;
pub use walk::{display as display_path, guarded_files};

/// The result of loading: the handbook when it could be built at all, and every problem met.
#[derive(Debug, Default)]
pub struct Loaded {
    pub handbook: Option<Handbook>,
    /// The templates and built-in files the pages are rendered with.
    pub theme: Theme,
    pub diagnostics: Diagnostics,
    /// False when handbook.yaml itself is wrong (exit status 2).
    pub settings_ok: bool,
}

/// Loads and checks the handbook under `opts.root`.
pub fn load(opts: &Options) -> Loaded {
    load_with_cache(opts, &mut SourceCache::disabled())
}

/// [`load`], taking from `cache` the parse results of files unchanged since
/// the last call with it (`lajur serve` after a save); the result is the same.
pub fn load_with_cache(opts: &Options, cache: &mut SourceCache) -> Loaded {
    let root = opts.root.as_path();
    cache.begin(root);
    let mut diagnostics = Diagnostics::default();
    if !root.is_dir() {
        diagnostics.push(
            Diagnostic::error(root, Pos::default(), "no such folder")
                .with_hint("pass the handbook folder (with handbook.yaml and content/) as --root"),
        );
        return Loaded {
            handbook: None,
            theme: Theme::default(),
            diagnostics,
            settings_ok: false,
        };
    }
    let (mut config, settings) = cache.config(|| config::read(root));
    let mut settings_ok = settings.is_empty();
    diagnostics.extend(settings);
    if let Some(url) = &opts.base_url {
        match crate::model::url::check_base_url(url) {
            Ok(()) => config.base_url = Config::normalise_base_url(url),
            Err((message, hint)) => {
                settings_ok = false;
                diagnostics
                    .push(Diagnostic::error("--base-url", Pos::default(), message).with_hint(hint));
            }
        }
    }

    let mut handbook = Handbook {
        config,
        units: Vec::new(),
        sops: Vec::new(),
        register: Vec::new(),
        assets: Vec::new(),
    };
    if !root.join("content").is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "content",
                Pos::default(),
                "no content/ folder: the handbook has no SOPs",
            )
            .with_hint("run `lajur init` to start a handbook, or pass its folder as --root"),
        );
    } else {
        read_content(root, opts, cache, &mut handbook, &mut diagnostics);
    }
    let (assets, skipped) = static_assets(root, &handbook.config);
    handbook.assets.extend(assets);
    diagnostics.extend(skipped);
    // A theme that is not a folder of themes/ is a settings error already:
    // its templates are not looked for (the name could lead out of the
    // handbook); the built-in ones stand in.
    let theme = if settings_ok {
        let (theme, problems) = theme::load(root, &handbook.config);
        diagnostics.extend(problems);
        theme
    } else {
        theme::load(root, &Config::default()).0
    };
    diagnostics.sort();
    Loaded {
        handbook: Some(handbook),
        theme,
        diagnostics,
        settings_ok,
    }
}

fn read_content(
    root: &Path,
    opts: &Options,
    cache: &SourceCache,
    handbook: &mut Handbook,
    out: &mut Diagnostics,
) {
    let content = walk::walk(root);
    cache.finish(&content);
    out.extend(content.diagnostics);
    let config = &handbook.config;

    let read_units: Vec<(String, Unit, Vec<Diagnostic>)> = content
        .folders
        .par_iter()
        .map(|rel| {
            let default_nama = if rel.is_empty() {
                config.title.as_str()
            } else {
                walk::file_name(rel)
            };
            let (unit, diagnostics) =
                cache.unit(rel, default_nama, || unit::read(root, rel, default_nama));
            (rel.clone(), unit, diagnostics)
        })
        .collect();
    let by_folder: HashMap<&str, &Unit> = read_units
        .iter()
        .map(|(rel, unit, _)| (rel.as_str(), unit))
        .collect();

    let read_sops: Vec<(Option<Sop>, Vec<Diagnostic>)> = content
        .sops
        .par_iter()
        .map(|rel| {
            let place = place(rel, &by_folder, config);
            cache.sop(rel, &place, || {
                read_sop_file(&root.join("content").join(rel), &place)
            })
        })
        .collect();

    let mut units: Vec<Unit> = Vec::with_capacity(read_units.len());
    for (_, unit, diagnostics) in read_units {
        out.extend(diagnostics);
        units.push(unit);
    }
    let mut sops = Vec::new();
    for (sop, diagnostics) in read_sops {
        match sop {
            // A draft left out is still checked, but cannot stop a build.
            Some(sop) if sop.draft && !opts.drafts => {
                out.extend(diagnostics.into_iter().map(as_draft_warning))
            }
            Some(sop) => {
                out.extend(diagnostics);
                sops.push(sop);
            }
            None => out.extend(diagnostics),
        }
    }

    if let Some(rel) = &content.register {
        let (register, diagnostics) = cache.register(rel, || read_register(root, rel));
        handbook.register = register;
        out.extend(diagnostics);
    }

    out.extend(checks::duplicate_paths(&units, &sops));
    out.extend(checks::duplicate_nomor(&sops));

    let units = sort_units(units);
    sort_sops(&mut sops, &units);

    let allow_html = handbook.config.allow_html;
    handbook.assets = content
        .attachments
        .iter()
        .map(|rel| {
            let folder = slug::slugify_path(walk::folder(rel));
            let name = walk::file_name(rel);
            let kind = if !allow_html && is_markup(name) {
                out.push(
                    Diagnostic::warning(
                        format!("content/{rel}"),
                        Pos::default(),
                        "not published: an HTML or SVG attachment can run script in the site, and allow_html is false",
                    )
                    .with_hint("attach it as PDF, or set `allow_html: true` in handbook.yaml if every author is trusted"),
                );
                AssetKind::Withheld
            } else {
                AssetKind::Attachment
            };
            Asset {
                source: root.join("content").join(rel),
                dest: if folder.is_empty() {
                    name.to_string()
                } else {
                    format!("{folder}/{name}")
                },
                kind,
            }
        })
        .collect();
    handbook.units = units;
    handbook.sops = sops;
}

/// A file a browser runs script from: HTML or SVG.
fn is_markup(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".svg"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

fn as_draft_warning(mut d: Diagnostic) -> Diagnostic {
    if d.severity == Severity::Error {
        d.severity = Severity::Warning;
        d.message.push_str(" (in a draft, not published)");
    }
    d
}

/// What an SOP in content folder of `rel` inherits from its units.
fn place<'a>(rel: &str, by_folder: &HashMap<&str, &Unit>, config: &'a Config) -> sop::Place<'a> {
    let folder = walk::folder(rel);
    let mut chain: Vec<&Unit> = Vec::new();
    let mut prefix = String::new();
    for part in folder.split('/').filter(|p| !p.is_empty()) {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if let Some(unit) = by_folder.get(prefix.as_str()) {
            chain.push(unit);
        }
    }
    let root_unit = by_folder.get("");
    let inherited = |get: fn(&Unit) -> &Option<String>| {
        chain
            .iter()
            .rev()
            .chain(root_unit)
            .find_map(|u| get(u).clone())
    };
    let satuan_kerja = inherited(|u| &u.satuan_kerja);
    let stem = walk::sop_extension(rel).map_or(rel, |ext| &rel[..rel.len() - ext.len()]);
    sop::Place {
        file: PathBuf::from(format!("content/{rel}")),
        path: slug::slugify_path(stem),
        unit: slug::slugify_path(folder),
        satuan_kerja,
        organisasi: inherited(|u| &u.organisasi),
        logo: inherited(|u| &u.logo),
        satuan_waktu: inherited(|u| &u.satuan_waktu),
        unit_lines: chain.iter().map(|u| u.nama.clone()).collect(),
        config,
    }
}

/// Reads one SOP file, .yaml or .md.
fn read_sop_file(path: &Path, place: &sop::Place<'_>) -> (Option<Sop>, Vec<Diagnostic>) {
    let rel = &place.file;
    let report = Report::new(rel);
    let text = match files::read_text(path, rel) {
        Ok(text) => text,
        Err(d) => return (None, vec![*d]),
    };
    read_sop_source(&text, place, report)
}

/// Reads the text of one SOP file as `lajur check` does, for a file
/// `content/<rel>` at the top of content/ (no unit to inherit from): the
/// SOP when it could be read, and every problem met. The fuzz harness
/// (tests/fuzz.rs) feeds it whatever an author could write.
pub fn read_sop_text(rel: &str, text: &str, config: &Config) -> (Option<Sop>, Vec<Diagnostic>) {
    let place = place(rel, &HashMap::new(), config);
    let report = Report::new(&place.file);
    read_sop_source(text, &place, report)
}

fn read_sop_source(
    text: &str,
    place: &sop::Place<'_>,
    mut report: Report,
) -> (Option<Sop>, Vec<Diagnostic>) {
    let rel = &place.file;
    if text.trim().is_empty() {
        report.error_hint(
            Pos::new(1, 1),
            "empty file",
            "an SOP needs at least nomor, nama and langkah; `lajur new` writes one with every field",
        );
        return (None, report.diagnostics);
    }
    let is_md = walk::sop_extension(&rel.to_string_lossy()) == Some(".md");
    let (yaml_text, line_offset, body) = if is_md {
        match files::split_front_matter(text) {
            Ok(front) => (front.yaml, 1, front.body),
            Err(FrontMatterError::Missing) => {
                report.error_hint(
                    Pos::new(1, 1),
                    "no front matter: an .md SOP starts with a `---` line",
                    "put the SOP fields between two `---` lines at the top, then the Markdown",
                );
                return (None, report.diagnostics);
            }
            Err(FrontMatterError::NeverClosed) => {
                report.error_hint(
                    Pos::new(1, 1),
                    "front matter never closed",
                    "end the front matter with a line `---` before the Markdown",
                );
                return (None, report.diagnostics);
            }
        }
    } else {
        (text, 0, "")
    };
    let node = match yaml::parse(yaml_text, line_offset) {
        Ok(node) => node,
        Err(e) => {
            report.yaml(e);
            return (None, report.diagnostics);
        }
    };
    let sop = sop::read(&node, body, place, &mut report);
    (sop, report.diagnostics)
}

fn read_register(root: &Path, rel: &str) -> (Vec<RegisterEntry>, Vec<Diagnostic>) {
    let shown = format!("content/{rel}");
    let mut report = Report::new(&shown);
    let text = match files::read_text(&root.join("content").join(rel), Path::new(&shown)) {
        Ok(text) => text,
        Err(d) => return (Vec::new(), vec![*d]),
    };
    match yaml::parse(&text, 0) {
        Ok(node) => {
            let entries = register::read(&node, &mut report);
            (entries, report.diagnostics)
        }
        Err(e) => {
            report.yaml(e);
            (Vec::new(), report.diagnostics)
        }
    }
}

/// Units depth-first from the root, siblings by urutan (unset last), then nama.
fn sort_units(units: Vec<Unit>) -> Vec<Unit> {
    let mut children: HashMap<Option<String>, Vec<Unit>> = HashMap::new();
    for unit in units {
        children.entry(unit.parent.clone()).or_default().push(unit);
    }
    for siblings in children.values_mut() {
        siblings.sort_by(|a, b| {
            a.urutan
                .unwrap_or(i64::MAX)
                .cmp(&b.urutan.unwrap_or(i64::MAX))
                .then_with(|| a.nama.to_lowercase().cmp(&b.nama.to_lowercase()))
                .then_with(|| a.path.cmp(&b.path))
        });
    }
    let mut out = Vec::new();
    let mut stack: Vec<Unit> = children.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(unit) = stack.pop() {
        let mut kids = children
            .remove(&Some(unit.path.clone()))
            .unwrap_or_default();
        out.push(unit);
        kids.reverse();
        stack.extend(kids);
    }
    // Units whose parent slug collided elsewhere are kept, not lost.
    let mut rest: Vec<Unit> = children.into_values().flatten().collect();
    rest.sort_by(|a, b| a.path.cmp(&b.path));
    out.extend(rest);
    out
}

/// SOPs in the order of their units, then by nomor as people read it.
fn sort_sops(sops: &mut [Sop], units: &[Unit]) {
    let unit_order: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.path.as_str(), i))
        .collect();
    let order = |sop: &Sop| {
        unit_order
            .get(sop.unit.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    };
    sops.sort_by(|a, b| {
        order(a)
            .cmp(&order(b))
            .then_with(|| natural_cmp(&a.nomor, &b.nomor))
            .then_with(|| a.path.cmp(&b.path))
    });
}

/// The handbook's static/ and its theme's static/ (when the handbook has
/// one), copied to the output root; the handbook's own files win. Links out
/// of the handbook and what is not a file or folder are skipped, with a
/// warning.
fn static_assets(root: &Path, config: &Config) -> (Vec<Asset>, Vec<Diagnostic>) {
    let mut assets: Vec<Asset> = Vec::new();
    let mut skipped = Vec::new();
    let guard = walk::Guard::new(root);
    let theme_static = root.join("themes").join(&config.theme).join("static");
    for dir in [theme_static, root.join("static")] {
        if !dir.is_dir() {
            continue;
        }
        let walker = WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| {
                if e.file_name().to_str().is_some_and(files::is_ignored) {
                    return false;
                }
                guard.check(e).map_err(|d| skipped.push(d)).is_ok()
            });
        for entry in walker.flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let dest = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            assets.retain(|a| a.dest != dest);
            assets.push(Asset {
                source: entry.path().to_path_buf(),
                dest,
                kind: AssetKind::Static,
            });
        }
    }
    (assets, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces SOP files are made of, in any order.
    fn yamlish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("nomor: "),
            Just("nama: x"),
            Just("langkah:"),
            Just("  - kegiatan: a"),
            Just("    pelaksana: [P, Q]"),
            Just("    jenis: keputusan"),
            Just("    tidak: 1"),
            Just("    ya: zz"),
            Just("    lanjut: 99"),
            Just("    waktu: 1-"),
            Just("pelaksana:\n  - nama: P\n    singkatan: p"),
            Just("tanggal_revisi: [31-02-2020, x]"),
            Just("keterkaitan: {ref: x}"),
            Just("&a [*a]"),
            Just("- "),
            Just(": "),
            Just("{"),
            Just("\t"),
            Just("\n"),
            Just("---\n"),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.join("\n"))
    }

    proptest! {
        #[test]
        fn reading_never_panics(text in yamlish(), garbage in ".{0,100}") {
            let config = Config::default();
            for input in [text.as_str(), garbage.as_str()] {
                let place = sop::Place {
                    file: "content/x.yaml".into(),
                    path: "x".into(),
                    unit: String::new(),
                    satuan_kerja: None,
                    organisasi: None,
                    logo: None,
                    satuan_waktu: None,
                    unit_lines: Vec::new(),
                    config: &config,
                };
                let mut report = Report::new("content/x.yaml");
                if let Ok(node) = yaml::parse(input, 0) {
                    let _ = sop::read(&node, "", &place, &mut report);
                }
            }
        }
    }
}
