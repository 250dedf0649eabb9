//! The steps table of each page: every step with the paper's number and
//! text, its Mutu Baku, and the total waktu.

use crate::html::{between, shown_lines, step_rows, text};
use crate::papers::PAPERS;
use crate::{built, page, source, written_lines};

#[test]
fn every_step_is_on_its_page_with_the_papers_number_and_text() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let rows = step_rows(&html);
        let want: Vec<(String, String)> = paper
            .steps
            .iter()
            .map(|s| (s.no.to_string(), s.kegiatan.to_string()))
            .collect();
        assert_eq!(rows, want, "{}: steps", paper.path);
    }
}

/// Per step, the Mutu Baku the paper prints: kelengkapan, waktu (a bare
/// number with the SOP's satuan_waktu, as "5 menit") and output.
#[test]
fn every_step_shows_the_mutu_baku_of_its_paper() {
    let (_dir, site) = built();
    let mut cells_checked = 0;
    for paper in PAPERS {
        let html = page(&site, paper);
        let (sop, unit) = source(paper);
        let satuan = sop
            .get("satuan_waktu")
            .or_else(|| unit.get("satuan_waktu"))
            .and_then(|v| v.as_str());
        let table = between(&html, "<table class=\"steps\"", "</table>").expect("a steps table");
        let rows: Vec<&str> = table.split("<tr id=\"langkah-").skip(1).collect();
        let steps = sop["langkah"].as_array().expect("langkah");
        assert_eq!(rows.len(), steps.len(), "{}: rows", paper.path);
        for (i, (row, step)) in rows.iter().zip(steps).enumerate() {
            let cell = |label: &str| -> Vec<String> {
                let cell = between(row, &format!("data-label=\"{label}\""), "</td>")
                    .unwrap_or_else(|| panic!("{}: step {}: no {label}", paper.path, i + 1));
                shown_lines(&cell[cell.find('>').map_or(0, |j| j + 1)..])
            };
            let mut waktu = written_lines(step.get("waktu"));
            if let (Some(unit), [w]) = (satuan, waktu.as_mut_slice())
                && w.chars().all(|c| c.is_ascii_digit() || c == ',')
            {
                *w = format!("{w} {unit}");
            }
            for (label, want) in [
                ("Kelengkapan", written_lines(step.get("kelengkapan"))),
                ("Waktu", waktu),
                ("Output", written_lines(step.get("output"))),
            ] {
                cells_checked += want.len();
                assert_eq!(cell(label), want, "{}: step {}: {label}", paper.path, i + 1);
            }
        }
    }
    assert!(
        cells_checked >= 50,
        "the corpus prints mutu baku: {cells_checked}"
    );
}

#[test]
fn the_total_waktu_is_the_papers() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let total = between(&html, "class=\"total-waktu\"", "</p>").map(text);
        for want in paper.total_printed.iter().chain(&paper.total_sum) {
            let total = total.as_deref().unwrap_or_default();
            assert!(
                total.contains(want),
                "{}: total waktu {total:?} shows {want:?}",
                paper.path
            );
        }
    }
}
