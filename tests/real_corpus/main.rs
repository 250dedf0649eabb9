//! The real corpus: tests/fixtures/real holds SOPs that thirteen agencies
//! published (a kelurahan, a kecamatan, dinas, madrasah, Kementerian Agama
//! offices, a pengadilan agama, puskesmas, BPS), transcribed as they are
//! printed. The binary builds it in the handbook folder, and every SOP's page
//! is read back field by field against the expectations in papers.rs, which were
//! written from the papers (see each unit's _index.md for the source), not
//! from lajur's output.
//!
//! One file per part of the page: the form (identity, kop, lists),
//! the steps table, the flowchart, and what `lajur check` says of the corpus;
//! papers.rs holds the expectations, html.rs reads a page.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod flowchart;
mod form;
mod html;
mod papers;
mod steps;

use std::fs;
use std::path::{Path, PathBuf};
use support::{copy_dir, lajur_in as lajur};

use papers::PAPERS;

/// What one paper shows, as its page must show it.
struct Paper {
    /// Content path of the SOP (its page is public/PATH/index.html).
    path: &'static str,
    /// The kop (the form's header lines), top to bottom, each once: the
    /// paper's own, or for a paper published without one (a web page) the
    /// agency lines its unit's _index.md gives.
    kop: &'static [&'static str],
    /// Nomor as shown on the form: "—" where the paper prints none.
    nomor: &'static str,
    nama: &'static str,
    /// (form label, date as the page shows it): only the dates on the paper.
    dates: &'static [(&'static str, &'static str)],
    /// Jabatan, nama and NIP of "Disahkan oleh", as far as printed.
    disahkan: &'static [&'static str],
    dasar_hukum: &'static [&'static str],
    steps: &'static [Step],
    /// The decisions: (step position, (label, target) for Ya, for Tidak);
    /// a target is a step position or "selesai".
    decisions: &'static [Decision],
    /// The total printed on the paper, shown as written.
    total_printed: Option<&'static str>,
    /// The sum of the paper's waktu column, when every row has one.
    total_sum: Option<&'static str>,
}

struct Step {
    /// The number printed beside the row ("" when the paper prints none).
    no: &'static str,
    kegiatan: &'static str,
    /// The lanes the activity is drawn in.
    lanes: &'static [&'static str],
}

struct Decision {
    step: usize,
    ya: (&'static str, &'static str),
    tidak: (&'static str, &'static str),
}

const fn s(no: &'static str, kegiatan: &'static str, lanes: &'static [&'static str]) -> Step {
    Step {
        no,
        kegiatan,
        lanes,
    }
}

/// The corpus built by the binary, run in a copy of the handbook folder the
/// way an author runs it: the temp folder, and its public/ folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("real");
    copy_dir(&fixture(), &root);
    let (code, printed) = lajur(&root, &["build"]);
    assert_eq!(code, 0, "the real corpus must build:\n{printed}");
    assert!(
        !printed.contains(": error:"),
        "the real corpus builds with no errors:\n{printed}"
    );
    (dir, root.join("public"))
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

fn page(site: &Path, paper: &Paper) -> String {
    let file = site.join(paper.path).join("index.html");
    fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The SOP's source in the fixture (its transcription of the paper) and its
/// unit's front matter, read as plain YAML, not by lajur.
fn source(paper: &Paper) -> (serde_json::Value, serde_json::Value) {
    let content = fixture().join("content");
    let yaml = content.join(format!("{}.yaml", paper.path));
    let text = match fs::read_to_string(&yaml) {
        Ok(text) => text,
        Err(_) => front_matter(&content.join(format!("{}.md", paper.path))),
    };
    let unit = Path::new(paper.path).parent().expect("a unit folder");
    let unit = front_matter(&content.join(unit).join("_index.md"));
    let read = |text: &str| -> serde_json::Value {
        serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", paper.path))
    };
    (read(&text), read(&unit))
}

fn front_matter(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let body = text.strip_prefix("---\n").expect("front matter");
    body[..body.find("\n---").expect("closing ---")].to_string()
}

/// White space collapsed, as a browser shows text.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A field written as one text or a list (a keterkaitan outside the handbook
/// as `{teks}`), as the lines the paper prints; missing or empty: none.
fn written_lines(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    let one = |v: &Value| match v {
        Value::String(s) => collapsed(s),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => map
            .get("teks")
            .or_else(|| map.get("ref"))
            .and_then(Value::as_str)
            .map(collapsed)
            .unwrap_or_default(),
        other => panic!("unexpected {other}"),
    };
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(one).collect(),
        Some(v) => vec![one(v)].into_iter().filter(|s| !s.is_empty()).collect(),
    }
}

#[test]
fn the_corpus_holds_twelve_agencies_or_more() {
    let units: Vec<_> = fs::read_dir(fixture().join("content"))
        .expect("content")
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    assert!(units.len() >= 12, "{} agencies", units.len());
    for unit in &units {
        let index = fs::read_to_string(unit.path().join("_index.md")).expect("a unit _index.md");
        assert!(
            index.contains("<http"),
            "{}: the unit names its source URL",
            unit.path().display()
        );
    }
    // Every SOP of the corpus has its paper in the table above.
    let sops = walkdir::WalkDir::new(fixture().join("content"))
        .into_iter()
        .flatten()
        .filter(|e| {
            e.file_type().is_file()
                && e.file_name() != "_index.md"
                && e.path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "md")
        })
        .count();
    assert_eq!(sops, PAPERS.len());
}
