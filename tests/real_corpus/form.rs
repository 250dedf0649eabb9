//! The SOP form of each page: its identity (nomor, nama, dates, approver,
//! dasar hukum), its kop, its lists, and an SOP without a nomor.

use std::fs;

use crate::html::{between, form_value, kop_lines, shown_lines, text};
use crate::papers::PAPERS;
use crate::{Paper, built, page, source, written_lines};

#[test]
fn every_page_shows_the_identity_of_its_paper() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let at = paper.path;
        assert_eq!(
            form_value(&html, "Nomor SOP").as_deref(),
            Some(paper.nomor),
            "{at}: nomor"
        );
        assert_eq!(
            form_value(&html, "Nama SOP").as_deref(),
            Some(paper.nama),
            "{at}: nama"
        );
        for (label, shown) in paper.dates {
            assert_eq!(
                form_value(&html, label).as_deref(),
                Some(*shown),
                "{at}: {label}"
            );
        }
        if !paper.disahkan.is_empty() {
            let approver = form_value(&html, "Disahkan oleh").unwrap_or_default();
            for part in paper.disahkan {
                assert!(
                    approver.contains(part),
                    "{at}: disahkan oleh {approver:?} lacks {part:?}"
                );
            }
        }
        let citations: Vec<String> = between(&html, "<ol class=\"citations\">", "</ol>")
            .map(|ol| ol.split("<li>").skip(1).map(text).collect())
            .unwrap_or_default();
        let citations: Vec<&str> = citations
            .iter()
            .map(|c| c.strip_suffix("(tidak terbaca)").unwrap_or(c).trim_end())
            .collect();
        assert_eq!(citations, paper.dasar_hukum, "{at}: dasar hukum");
    }
}

/// The kop: the paper's lines top to bottom, on screen and in print, never
/// one line twice (the same up to case and punctuation).
#[test]
fn every_kop_prints_the_papers_lines_once() {
    let (_dir, site) = built();
    let key = |line: &str| -> String {
        line.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    for paper in PAPERS {
        let html = page(&site, paper);
        let (screen, print) = kop_lines(&html);
        assert_eq!(screen, paper.kop, "{}: kop", paper.path);
        assert_eq!(print, paper.kop, "{}: printed kop", paper.path);
        let mut keys: Vec<String> = screen.iter().map(|l| key(l)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), screen.len(), "{}: a kop line twice", paper.path);
    }
}

/// Kualifikasi, keterkaitan, peralatan, peringatan and pencatatan: each
/// line the paper prints, in its order, on the page and on the printed form.
#[test]
fn every_page_shows_the_lists_of_its_paper() {
    let (_dir, site) = built();
    let fields = [
        ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
        ("keterkaitan", "Keterkaitan"),
        ("peralatan", "Peralatan/Perlengkapan"),
        ("peringatan", "Peringatan"),
        ("pencatatan", "Pencatatan dan Pendataan"),
    ];
    let mut shown_somewhere = 0;
    for paper in PAPERS {
        let html = page(&site, paper);
        let (sop, _) = source(paper);
        let print = between(&html, "class=\"print-pairs\"", "</table>").expect("printed pairs");
        for (key, label) in fields {
            let want = written_lines(sop.get(key));
            shown_somewhere += want.len();
            let cell = between(&html, &format!("<h3>{label}</h3>"), "</section>")
                .unwrap_or_else(|| panic!("{}: no {label}", paper.path));
            assert_eq!(shown_lines(cell), want, "{}: {label}", paper.path);
            // The printed form: the cell under the label's <th>, by column.
            let heads = print
                .split("<tr>")
                .position(|row| row.contains(&format!("<th>{label}:</th>")))
                .unwrap_or_else(|| panic!("{}: no printed {label}", paper.path));
            let row = print.split("<tr>").nth(heads).expect("the label row");
            let column = row
                .split("<th>")
                .skip(1)
                .position(|th| th.starts_with(&format!("{label}:")))
                .expect("column");
            let cells = print.split("<tr>").nth(heads + 1).expect("the value row");
            let printed = cells
                .split("<td>")
                .nth(column + 1)
                .expect("the printed cell");
            let printed = &printed[..printed.find("</td>").unwrap_or(printed.len())];
            assert_eq!(
                shown_lines(printed),
                want,
                "{}: printed {label}",
                paper.path
            );
        }
    }
    assert!(shown_somewhere > 30, "the corpus prints these lists");
}

/// A paper without a number: "—" in the Nomor field of the form and of the
/// printed form, and nothing in its place above or before the title.
#[test]
fn an_sop_without_nomor_shows_a_dash_only_in_the_nomor_field() {
    let (_dir, site) = built();
    let unnumbered: Vec<&Paper> = PAPERS.iter().filter(|p| p.nomor == "—").collect();
    assert!(unnumbered.len() >= 5);
    for paper in unnumbered {
        let html = page(&site, paper);
        let at = paper.path;
        assert_eq!(form_value(&html, "Nomor SOP").as_deref(), Some("—"), "{at}");
        assert_eq!(
            between(&html, "class=\"print-ident__nomor\">", "</td>")
                .map(text)
                .as_deref(),
            Some("—"),
            "{at}: printed nomor"
        );
        let header = between(&html, "<header class=\"page-header sop-header\">", "<h1>")
            .expect("the SOP header");
        assert_eq!(text(header), "", "{at}: above the title");
        let caption = between(&html, "class=\"print-page__caption\"><span>", "</span>")
            .expect("the flowchart page caption");
        assert_eq!(text(caption), paper.nama, "{at}: printed caption");
        let footer = between(&html, "@bottom-left { content: \"", "\"").expect("print footer");
        assert_eq!(footer, paper.nama, "{at}: printed footer");
        assert!(!html.contains("— ·"), "{at}");
    }
    // A role page heads each SOP by its nama alone when it has no nomor.
    let role = fs::read_to_string(
        site.join("pelaksana/madrasah-tsanawiyah-negeri/pengadministrasi-umum/index.html"),
    )
    .expect("the role page");
    let heading = between(&role, "<h2 id=\"sop-1-judul\">", "</h2>").expect("the SOP heading");
    assert_eq!(text(heading), "PELAYANAN PILAM", "{role}");
}
