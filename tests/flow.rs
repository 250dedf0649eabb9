//! Flowcharts as agencies draw them (docs/format.md, "A step"): a step's `no`
//! as printed on the paper, `selesai` as a target, `alur: berurutan`,
//! forks and joins, `{ke, pelaksana}` targets, `simbol` and empty branch
//! labels: what the model reads, what `lajur check` says when an author
//! gets one wrong, and how the flowchart draws them.

mod support;

use std::path::Path;

use support::{lajur_output, read};

use lajur::model::{Alur, Flow, Sop, StepKind, Target};
use lajur::source::{Loaded, load};
use lajur::{Handbook, Options};

/// A handbook with one SOP, content/layanan/tamu.yaml.
fn handbook(sop: &str) -> tempfile::TempDir {
    support::handbook(&[("content/layanan/tamu.yaml", sop)])
}

fn load_dir(root: &Path) -> Loaded {
    load(&Options {
        root: root.to_path_buf(),
        ..Options::default()
    })
}

/// The SOP, which must load without a problem.
fn clean(text: &str) -> Sop {
    let dir = handbook(text);
    let loaded = load_dir(dir.path());
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        loaded.diagnostics.to_text()
    );
    let handbook: Handbook = loaded.handbook.expect("handbook");
    handbook.sops.into_iter().next().expect("one SOP")
}

/// `lajur check` run in the handbook folder, as an author runs it: the
/// exit code and what it printed.
fn lajur_check(root: &Path) -> (Option<i32>, String) {
    let out = lajur_output(root, &["check"]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that `check` fails and prints `line` (file:line:col: error:
/// message...) followed, further on, by `hint`.
fn assert_error(text: &str, line: &str, hint: &str) {
    let dir = handbook(text);
    let (code, stderr) = lajur_check(dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    let at = stderr
        .find(line)
        .unwrap_or_else(|| panic!("no `{line}` in:\n{stderr}"));
    let rest = &stderr[at..];
    let hint_at = rest.find("hint: ").expect("a hint");
    assert!(
        rest[hint_at..].lines().next().unwrap_or("").contains(hint),
        "hint `{hint}` not in:\n{rest}"
    );
}

const HEAD: &str = "nomor: SOP-01\nnama: Penerimaan Tamu\npelaksana:\n  - Satpam\n  - Resepsionis\n  - Pejabat\nlangkah:\n";

fn sop(steps: &str) -> String {
    format!("{HEAD}{steps}")
}

// ------------------------------------------------------------------ no

#[test]
fn no_is_the_number_on_the_paper_and_targets_use_it() {
    // The form numbers 1, 2, 3, 4, 6: the fifth row says `no: 6`, the rows
    // after it count on, and `tidak: 2` and `lanjut: 7` mean those numbers.
    let sop = clean(&sop("  - kegiatan: Tamu datang
    pelaksana: Satpam
  - kegiatan: Mengisi buku tamu
    pelaksana: Satpam
  - kegiatan: Memeriksa identitas
    pelaksana: Resepsionis
  - kegiatan: Identitas lengkap?
    pelaksana: Resepsionis
    jenis: keputusan
    tidak: 2
  - kegiatan: Menghubungi pejabat
    pelaksana: Resepsionis
    no: 6
  - kegiatan: Mencatat
    pelaksana: Resepsionis
    no: \"\"
  - kegiatan: Menerima tamu
    pelaksana: Pejabat
"));
    let nos: Vec<&str> = sop.steps.iter().map(|s| s.no.as_str()).collect();
    assert_eq!(nos, ["1", "2", "3", "4", "6", "", "7"]);
    let positions: Vec<usize> = sop.steps.iter().map(|s| s.number).collect();
    assert_eq!(positions, [1, 2, 3, 4, 5, 6, 7]);
    assert!(matches!(
        sop.steps[3].flow,
        Flow::Decision { tidak, .. } if tidak == Target::step(1)
    ));
    // An unnumbered row takes no number from the rows after it.
    assert_eq!(sop.steps[5].no, "");
}

#[test]
fn a_reference_to_a_number_no_step_has_is_an_error_that_lists_the_numbers() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: Satpam
  - kegiatan: b
    pelaksana: Satpam
    no: 3
    lanjut: 2
  - kegiatan: c
    pelaksana: Satpam
"),
        "content/layanan/tamu.yaml:13:13: error: `lanjut` leads to step 2, which does not exist",
        "the steps' numbers (`no`) are: 1, 3, 4",
    );
}

#[test]
fn two_rows_with_one_number_is_an_error() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: Satpam
  - kegiatan: b
    pelaksana: Satpam
  - kegiatan: c
    pelaksana: Satpam
    no: 2
"),
        "content/layanan/tamu.yaml:14:9: error: two steps are numbered 2",
        "is already numbered 2",
    );
}

// ------------------------------------------------------------------ selesai

#[test]
fn selesai_ends_a_branch_without_a_row_of_its_own() {
    let sop = clean(&sop("  - kegiatan: Tamu datang
    pelaksana: Satpam
  - kegiatan: Pejabat berkenan menerima?
    pelaksana: Resepsionis
    jenis: keputusan
    tidak: selesai
    label_tidak: Tidak berkenan
  - kegiatan: Menerima tamu
    pelaksana: Pejabat
    lanjut: selesai
"));
    // A last row that leads on is an activity, not the selesai symbol.
    assert_eq!(sop.steps[2].kind, StepKind::Proses);
    assert_eq!(
        sop.steps[1].flow,
        Flow::Decision {
            ya: Target::step(2),
            tidak: Target::End,
            label_ya: "Ya".into(),
            label_tidak: "Tidak berkenan".into(),
        }
    );
    assert_eq!(
        sop.steps[2].flow,
        Flow::Next {
            to: vec![Target::End]
        }
    );
}

#[test]
fn a_step_that_never_reaches_selesai_is_still_an_error() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: Satpam
  - kegiatan: b
    pelaksana: Satpam
    lanjut: 2
  - kegiatan: c
    pelaksana: Satpam
    lanjut: selesai
"),
        "error: no way to a selesai step from steps 1, 2",
        "`selesai` ends the procedure on that branch",
    );
}

// ------------------------------------------------------------------ berurutan

#[test]
fn berurutan_keeps_the_lanes_in_order_with_a_jenis_each() {
    let sop = clean(&sop("  - kegiatan: Tamu datang
    pelaksana: Satpam
  - kegiatan: Berkas diserahkan dan diperiksa
    pelaksana: [Satpam, Resepsionis, Resepsionis]
    alur: berurutan
    jenis: [proses, proses, keputusan]
    tidak: {ke: 2, pelaksana: Resepsionis}
    simbol: Lengkap?
    label_ya: \"\"
    label_tidak: \"\"
  - kegiatan: Diterima
    pelaksana: [Resepsionis, Pejabat]
"));
    let row = &sop.steps[1];
    assert_eq!(row.alur, Alur::Berurutan);
    assert_eq!(row.lanes, [0, 1, 1], "a lane may come twice");
    assert_eq!(
        row.kinds,
        [StepKind::Proses, StepKind::Proses, StepKind::Keputusan]
    );
    assert_eq!(row.kind, StepKind::Keputusan, "the kind of its last symbol");
    assert_eq!(row.simbol.as_deref(), Some("Lengkap?"));
    assert_eq!(
        row.flow,
        Flow::Decision {
            ya: Target::step(2),
            tidak: Target::Step { step: 1, symbol: 1 },
            label_ya: String::new(),
            label_tidak: String::new(),
        }
    );
    let edges = sop.edges();
    assert!(edges.iter().all(|e| e.label.is_none()), "no label drawn");
    assert_eq!(edges[1].from_symbol, 2, "arrows leave the last symbol");
    // The joint step stays bersama: one activity in two lanes.
    assert_eq!(sop.steps[2].alur, Alur::Bersama);
}

#[test]
fn a_target_in_a_lane_the_row_does_not_use_is_an_error() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: [Satpam, Resepsionis]
    alur: berurutan
  - kegiatan: b
    pelaksana: Pejabat
    jenis: keputusan
    tidak: {ke: 1, pelaksana: Pejabat}
  - kegiatan: c
    pelaksana: Pejabat
"),
        "content/layanan/tamu.yaml:14:31: error: `tidak` aims at `Pejabat` in step 1, which has no symbol in that lane",
        "step 1 is done by: Satpam, Resepsionis",
    );
}

#[test]
fn a_symbol_every_arrow_aims_past_is_unreachable() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: Satpam
    lanjut: {ke: 2, pelaksana: Pejabat}
  - kegiatan: b
    pelaksana: [Resepsionis, Pejabat]
    alur: berurutan
  - kegiatan: c
    pelaksana: Pejabat
"),
        "content/layanan/tamu.yaml:11:5: error: the symbol of `Resepsionis` in step 2 cannot be reached",
        "aim one arrow at `Resepsionis` or before it",
    );
}

#[test]
fn a_decision_in_the_middle_of_a_berurutan_row_is_an_error() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: [Satpam, Resepsionis]
    alur: berurutan
    jenis: [keputusan, proses]
    tidak: selesai
  - kegiatan: c
    pelaksana: Pejabat
"),
        "error: in step 1 the decision (keputusan) is symbol 1 of 2, not the last",
        "end the row with the decision",
    );
}

#[test]
fn a_list_of_jenis_needs_berurutan() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: [Satpam, Resepsionis]
    jenis: [mulai, proses]
  - kegiatan: c
    pelaksana: Pejabat
"),
        "content/layanan/tamu.yaml:10:12: error: `jenis` of step 1 is a list, but the step is not `alur: berurutan`",
        "add `alur: berurutan`",
    );
}

// ------------------------------------------------------------------ forks

#[test]
fn a_fork_and_its_join() {
    let sop = clean(&sop("  - kegiatan: Tamu datang
    pelaksana: Satpam
    lanjut: [2, 3]
  - kegiatan: Mencatat di buku tamu
    pelaksana: Satpam
    lanjut: 4
  - kegiatan: Memberi tahu pejabat
    pelaksana: Resepsionis
  - kegiatan: Tamu diterima
    pelaksana: Pejabat
"));
    assert_eq!(
        sop.steps[0].flow,
        Flow::Next {
            to: vec![Target::step(1), Target::step(2)]
        }
    );
    let into_last = sop.edges().iter().filter(|e| e.to() == 3).count();
    assert_eq!(into_last, 2, "step 4 is where the branches join");
}

#[test]
fn a_fork_that_never_joins_is_an_error_at_the_fork() {
    assert_error(
        &sop("  - kegiatan: a
    pelaksana: Satpam
    lanjut: [2, 3]
  - kegiatan: b
    pelaksana: Satpam
    lanjut: 4
  - kegiatan: c
    pelaksana: Resepsionis
    lanjut: 3
  - kegiatan: d
    pelaksana: Pejabat
"),
        "content/layanan/tamu.yaml:8:5: error: the fork at step 1 never comes together again: the branch to step 3 never joins the others nor reaches the end",
        "or end it with `lanjut: selesai`",
    );
}

// ------------------------------------------------------------------ the drawing

/// `lajur build` run in the handbook folder; the text of a built file.
fn build(root: &Path) {
    let out = lajur_output(root, &["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The opening tags of `tag` elements.
fn tags<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(at, _)| {
            let end = svg[at..].find('>').map_or(svg.len(), |e| at + e);
            &svg[at..end]
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// The SOP of the examples below: a form numbered 1, 2, 3, 4, 6 with an
/// unnumbered row, a berurutan row that comes back to a lane and ends in
/// a decision whose Tidak ends the procedure, a fork and its join, a
/// loop back into one lane's symbol of the row, short text in a symbol.
const DRAWN: &str = "nomor: SOP-02
nama: Penerimaan Surat Masuk
pelaksana:
  - Pengirim
  - Petugas Arsip
  - Kepala Bagian
langkah:
  - kegiatan: Menyerahkan surat
    pelaksana: Pengirim
  - kegiatan: Surat diterima, dicatat, lalu diperiksa kelengkapannya
    pelaksana: [Pengirim, Petugas Arsip, Petugas Arsip]
    alur: berurutan
    jenis: [proses, proses, keputusan]
    simbol: Lengkap?
    tidak: selesai
    label_tidak: Ditolak
  - kegiatan: Mendisposisikan surat
    pelaksana: Kepala Bagian
    lanjut: [4, 6]
  - kegiatan: Menyalin surat
    pelaksana: Petugas Arsip
  - kegiatan: Menindaklanjuti
    pelaksana: Kepala Bagian
    no: 6
    jenis: keputusan
    tidak: {ke: 2, pelaksana: Petugas Arsip}
    label_ya: \"\"
    label_tidak: \"\"
  - kegiatan: Mengarsipkan
    pelaksana: Petugas Arsip
    no: \"\"
    lanjut: selesai
";

#[test]
fn the_flowchart_draws_what_the_paper_shows() {
    let dir = handbook(DRAWN);
    build(dir.path());
    let svg = read(dir.path(), "public/layanan/tamu/alur.svg");
    let page = read(dir.path(), "public/layanan/tamu/index.html");
    assert!(page.contains(&svg), "the page holds the same drawing");

    // Every symbol: data-step is the position, whatever `no` says.
    let symbols: Vec<(&str, &str, &str)> = tags(&svg, "g")
        .into_iter()
        .filter_map(|g| {
            Some((
                attr(g, "data-step")?,
                attr(g, "data-jenis")?,
                attr(g, "data-lane")?,
            ))
        })
        .collect();
    assert_eq!(
        symbols,
        [
            ("1", "mulai", "pengirim"),
            ("2", "proses", "pengirim"),
            ("2", "proses", "petugas-arsip"),
            ("2", "keputusan", "petugas-arsip"),
            ("3", "proses", "kepala-bagian"),
            ("4", "proses", "petugas-arsip"),
            ("5", "keputusan", "kepala-bagian"),
            ("6", "proses", "petugas-arsip"),
        ]
    );

    let paths = tags(&svg, "path");
    let arrows: Vec<(&str, &str)> = paths
        .iter()
        .filter_map(|p| Some((attr(p, "data-from")?, attr(p, "data-to")?)))
        .collect();
    for expected in [
        ("2", "2"),
        ("2", "3"),
        ("2", "selesai"),
        ("3", "4"),
        ("3", "5"),
        ("4", "5"),
        ("5", "2"),
        ("5", "6"),
        ("6", "selesai"),
    ] {
        let count = arrows.iter().filter(|a| **a == expected).count();
        let want = if expected == ("2", "2") { 2 } else { 1 };
        assert_eq!(count, want, "arrows {expected:?} in {arrows:?}");
    }
    for p in &paths {
        let d = attr(p, "d").expect("d");
        assert!(
            d.chars()
                .filter(|c| c.is_ascii_alphabetic())
                .all(|c| "MLHV".contains(c)),
            "{d}"
        );
    }

    // Ends of branches: a small terminator in the lane the branch leaves.
    let ends: Vec<(Option<&str>, Option<&str>)> = tags(&svg, "g")
        .into_iter()
        .filter(|g| attr(g, "data-end-of").is_some())
        .map(|g| (attr(g, "data-end-of"), attr(g, "data-lane")))
        .collect();
    assert_eq!(
        ends,
        [
            (Some("2"), Some("petugas-arsip")),
            (Some("6"), Some("petugas-arsip"))
        ]
    );
    assert!(
        tags(&svg, "g")
            .iter()
            .filter(|g| attr(g, "data-end-of").is_some())
            .all(|g| attr(g, "data-jenis") == Some("selesai"))
    );

    // Labels: the branch that ends says why; `""` draws none.
    let labels: Vec<&str> = svg
        .split("class=\"alur-label\"")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .collect();
    assert_eq!(labels, ["Ya", "Ditolak"]);

    // The paper's numbers in the No column; the SOP's text in the symbol.
    let numbers: Vec<&str> = svg
        .split("class=\"alur-no\"")
        .skip(1)
        .filter_map(|t| {
            let cell = &t[..t.find("</tspan>")?];
            Some(&cell[cell.rfind('>')? + 1..])
        })
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "6"]);
    // The row's last symbol (its decision) says it; the others their number.
    assert_eq!(svg.matches(">Lengkap?</tspan>").count(), 1);
    let decision = svg
        .split("data-jenis=\"keputusan\"")
        .nth(1)
        .expect("a decision");
    assert!(decision[..decision.find("</g>").unwrap_or(0)].contains(">Lengkap?</tspan>"));
}

#[test]
fn sop_json_and_the_steps_table_carry_the_printed_numbers_and_targets() {
    let dir = handbook(DRAWN);
    build(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/layanan/tamu/sop.json")).expect("json");
    let steps = json["langkah"].as_array().expect("langkah");
    let nos: Vec<&str> = steps.iter().filter_map(|s| s["no"].as_str()).collect();
    assert_eq!(nos, ["1", "2", "3", "4", "6", ""]);
    assert_eq!(steps[1]["alur"], "berurutan");
    assert_eq!(steps[1]["tidak"], "selesai");
    assert_eq!(steps[1]["simbol"], "Lengkap?");
    assert_eq!(steps[1]["simbol_lajur"][2]["jenis"], "keputusan");
    assert_eq!(steps[2]["lanjut"], serde_json::json!([4, 5]));
    assert_eq!(
        steps[4]["tidak"],
        serde_json::json!({"ke": 2, "pelaksana": "Petugas Arsip"})
    );
    assert_eq!(steps[5]["lanjut"], "selesai");

    let page = read(dir.path(), "public/layanan/tamu/index.html");
    assert!(page.contains("Langkah </span>6</a>"), "the printed number");
    assert!(page.contains("tanpa nomor"), "the unnumbered row says so");
    assert!(page.contains("prosedur selesai"), "a branch that ends");
    let role = read(dir.path(), "public/pelaksana/kepala-bagian/index.html");
    assert!(role.contains("Langkah </span>6</a>"), "{role}");
}
