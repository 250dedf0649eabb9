//! The printed form: an SOP page printed to PDF by headless Chromium (as the
//! browser's Print does), read back with poppler's pdfinfo and pdftotext.
//!
//! The fixture is a 15-step SOP whose decision at step 10 sends "Tidak"
//! back to step 6, across the break after step 8: with 8 steps per page the
//! form is one identity page and two flowchart pages, and two arrows cross
//! the break (A: 8 → 9, B: 10 → 6).
//!
//! Set LAJUR_KEEP_PRINT=DIR to keep the PDFs (to look at them, or to make
//! docs/print.png with `pdftoppm -png -r 60`).

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lajur::Options;
use support::{headless, tool, write};

const HANDBOOK: &str = "\
title: Buku Pedoman SOP Sekretariat Daerah
organisation: Pemerintah Kota Banjarbaru
logo: logo.svg
";

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120">
<path d="M50 4 L94 20 V62 C94 92 72 108 50 116 C28 108 6 92 6 62 V20 Z" fill="#0b3a66" stroke="#000" stroke-width="3"/>
<path d="M50 24 L62 54 H38 Z M30 64 H70 V74 H30 Z M34 80 H66 V90 H34 Z" fill="#f0b400"/>
</svg>"##;

const UNIT: &str = "\
---
nama: Bagian Umum
satuan_kerja: Sekretariat Daerah Kota Banjarbaru
---
";

const KEGIATAN: [&str; 15] = [
    "Mengajukan permohonan cuti dengan mengisi formulir",
    "Menerima dan mencatat permohonan cuti dalam agenda",
    "Memeriksa sisa hak cuti tahunan pegawai",
    "Meneruskan permohonan kepada atasan langsung",
    "Memberikan pertimbangan atasan langsung",
    "Menyusun konsep surat izin cuti",
    "Memaraf konsep surat izin cuti",
    "Menyampaikan konsep kepada Kepala Sub Bagian",
    "Meneliti konsep surat izin cuti",
    "Memeriksa kelengkapan dan kebenaran konsep",
    "Menandatangani surat izin cuti",
    "Memberi nomor dan tanggal surat",
    "Menyampaikan surat izin cuti kepada pegawai",
    "Mengarsipkan salinan surat izin cuti",
    "Memperbarui data cuti pada aplikasi kepegawaian",
];

/// The SOP: four lanes, the decision at step 10 loops back to step 6.
fn sop_yaml() -> String {
    // Lanes by nama or singkatan, as an author writes them.
    let lanes = ["Pegawai", "Pengadministrasi", "Kasubbag", "Sekretaris"];
    let lane_of = |i: usize| match i {
        0 | 12 => lanes[0],
        4 | 6 | 8 => lanes[2],
        9 | 10 => lanes[3],
        _ => lanes[1],
    };
    let mut out = String::from(
        "\
nomor: SOP-012/Umum/2023
nama: Pelayanan Permohonan Cuti Pegawai
tanggal_pembuatan: 7 November 2018
tanggal_revisi: [2-1-2023, 12 Maret 2021]
tanggal_efektif: 1 Februari 2023
disahkan_oleh:
  jabatan: Sekretaris Daerah
  nama: Drs. H. SAID ABDULLAH, M.Si
  nip: 19650928 199203 1 008
dasar_hukum:
  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara
  - Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil
kualifikasi_pelaksana:
  - Memahami ketentuan cuti Pegawai Negeri Sipil
  - Mampu mengoperasikan komputer
keterkaitan:
  - SOP Pengelolaan Arsip Kepegawaian
peralatan: [Komputer, Printer, Formulir permohonan cuti]
peringatan: Jika SOP tidak dilaksanakan, hak cuti pegawai tidak terlayani tepat waktu
pencatatan: Disimpan sebagai arsip kepegawaian
pelaksana:
  - Pegawai
  - {nama: Pengadministrasi Kepegawaian, singkatan: Pengadministrasi}
  - {nama: Kepala Sub Bagian Umum dan Kepegawaian, singkatan: Kasubbag}
  - Sekretaris
langkah:
",
    );
    for (i, kegiatan) in KEGIATAN.iter().enumerate() {
        out.push_str(&format!(
            "  - kegiatan: {kegiatan}\n    pelaksana: {}\n",
            lane_of(i)
        ));
        if i == 9 {
            out.push_str(
                "    jenis: keputusan\n    tidak: 6\n    label_ya: Benar\n    label_tidak: Perlu perbaikan\n",
            );
        }
        out.push_str(&format!(
            "    kelengkapan: [Formulir cuti, Berkas langkah {}]\n    waktu: {} menit\n    output: Dokumen langkah {}\n",
            i + 1,
            5 * (i % 4 + 1),
            i + 1
        ));
        if i == 2 {
            out.push_str("    keterangan: Hak cuti dilihat di aplikasi\n");
        }
    }
    out
}

/// Builds the fixture handbook with `extra` settings; returns the root
/// (kept alive by the TempDir) and the SOP page's HTML file.
fn build(extra: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "handbook.yaml", format!("{HANDBOOK}{extra}"));
    write(root, "static/logo.svg", LOGO);
    write(root, "content/bagian-umum/_index.md", UNIT);
    write(root, "content/bagian-umum/cuti.yaml", sop_yaml());
    let public = root.join("public");
    // The folder's own path as base_url, so the browser, opening the page
    // as a file, finds the stylesheet and the logo without a server.
    let opts = Options {
        root: root.to_path_buf(),
        base_url: Some(format!("{}/", public.display())),
        ..Options::default()
    };
    if let Err(e) = lajur::build(&opts, None) {
        panic!("build failed: {e:?}");
    }
    let page = public.join("bagian-umum/cuti/index.html");
    assert!(page.is_file(), "no SOP page at {}", page.display());
    (dir, page)
}

/// Chromium and poppler, or a loud skip.
fn tools() -> Option<PathBuf> {
    // The first one missing, by the name LAJUR_REQUIRE knows it by.
    let missing = ["chromium", "pdftotext", "pdfinfo"]
        .into_iter()
        .find(|name| tool(name).is_none());
    if let Some(name) = missing {
        support::skipped(
            if name == "chromium" {
                name
            } else {
                "pdftotext"
            },
            &format!(
                "{name} not installed (the print test needs chromium and poppler-utils; .ci/run installs them)"
            ),
        );
        return None;
    }
    tool("chromium")
}

/// Prints `page` to a PDF beside it, as the browser's Print does.
/// With LAJUR_KEEP_PRINT set, a copy is kept there as `<name>.pdf`.
fn print_to_pdf(chromium: &Path, page: &Path, name: &str) -> PathBuf {
    let dir = page.parent().expect("page folder");
    let pdf = dir.join("cetak.pdf");
    let profile = tempfile::tempdir().expect("profile dir");
    let out = headless(chromium, profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        pdf.is_file(),
        "chromium wrote no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(keep) = std::env::var_os("LAJUR_KEEP_PRINT") {
        let keep = PathBuf::from(keep);
        let _ = fs::create_dir_all(&keep);
        let _ = fs::copy(&pdf, keep.join(format!("{name}.pdf")));
    }
    pdf
}

fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo: {info}"))
}

/// Width and height of the first page in points.
fn page_size(info: &str) -> (f64, f64) {
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_else(|| panic!("no page size in pdfinfo: {info}"));
    let mut numbers = line
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    (numbers.next().unwrap_or(0.0), numbers.next().unwrap_or(0.0))
}

/// The text of page `n` (1-based), in the order it is drawn, with runs of
/// white space made one space: a wrapped Kegiatan reads as one line again.
fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    let raw = run("pdftotext", &["-raw", "-f", &n, "-l", &n], pdf);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn a_15_step_sop_prints_as_the_official_form() {
    let (_dir, page) = build("print: {paper: A4, steps_per_page: 8}\n");
    let html = fs::read_to_string(&page).expect("read page");
    // Without a browser: the form is in the page, with one drawing per page.
    assert_eq!(
        html.matches("class=\"print-page print-page--alur\"")
            .count(),
        2
    );
    assert!(html.contains("size: 297mm 210mm"));

    let Some(chromium) = tools() else { return };
    let pdf = print_to_pdf(&chromium, &page, "a4");
    let info = pdfinfo(&pdf);
    // The identity page, then steps 1-8, then steps 9-15.
    assert_eq!(page_count(&info), 3, "{info}");
    let (w, h) = page_size(&info);
    assert!(
        (w - 841.9).abs() < 1.0 && (h - 595.3).abs() < 1.0,
        "A4 landscape is 841.9 x 595.3 pt, got {w} x {h}"
    );

    let layout = run("pdftotext", &["-layout"], &pdf);
    for field in [
        "Nomor SOP",
        "SOP-012/Umum/2023",
        "Tanggal Pembuatan",
        "7 November 2018",
        "Tanggal Revisi",
        "2 Januari 2023",
        "Tanggal Efektif",
        "1 Februari 2023",
        "Disahkan oleh",
        "Drs. H. SAID ABDULLAH, M.Si",
        "19650928 199203 1 008",
        "Nama SOP",
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
        "Komputer",
        "PEMERINTAH KOTA BANJARBARU",
    ] {
        assert!(
            layout.contains(field),
            "the form lacks {field:?}:\n{layout}"
        );
    }

    let identity = page_text(&pdf, 1);
    assert!(identity.contains("PELAYANAN PERMOHONAN CUTI PEGAWAI"));
    // Screen furniture stays on screen: skip link, search, steps table, footer.
    for furniture in [
        "Langsung ke isi",
        "Cari SOP",
        "Dibuat dengan",
        "Total waktu",
    ] {
        assert!(
            !layout.contains(furniture),
            "{furniture:?} is printed:\n{layout}"
        );
    }
    // Every step on its page, in order, with its Mutu Baku.
    let pages = [page_text(&pdf, 2), page_text(&pdf, 3)];
    for (i, kegiatan) in KEGIATAN.iter().enumerate() {
        let (on, off) = if i < 8 {
            (&pages[0], &pages[1])
        } else {
            (&pages[1], &pages[0])
        };
        assert!(on.contains(kegiatan), "step {} missing: {on}", i + 1);
        assert!(!off.contains(kegiatan), "step {} printed twice", i + 1);
        assert!(on.contains(&format!("Dokumen langkah {}", i + 1)));
    }
    for text in &pages {
        // The header row repeats on every page.
        for header in [
            "No",
            "Kegiatan",
            "Pelaksana",
            "Pegawai",
            "Sekretaris",
            "Mutu Baku",
            "Kelengkapan",
            "Waktu",
            "Output",
            "Keterangan",
        ] {
            assert!(text.contains(header), "{header:?} missing: {text}");
        }
        // Two arrows cross the break, each a pair of lettered pentagons.
        let letters: Vec<&str> = words(text)
            .into_iter()
            .filter(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        assert!(letters.contains(&"A") && letters.contains(&"B"), "{text}");
        assert!(!letters.contains(&"C"), "{text}");
    }
    // Page 1 ends at A (on to step 9) and B (back from step 10); page 2
    // starts from them.
    assert!(pages[0].contains("Langkah 9 di halaman 2"));
    assert!(pages[0].contains("Langkah 10 di halaman 2"));
    assert!(pages[1].contains("Langkah 8 di halaman 1"));
    assert!(pages[1].contains("Langkah 6 di halaman 1"));
    assert!(pages[1].contains("Perlu perbaikan"));
    // The footer counts the sheets.
    assert!(layout.contains("Halaman 3 dari 3"), "{layout}");

    // Issue 17, defect 7: each branch label once (a stroked halo printed
    // a second copy: "Tidak Tidak").
    for (text, label) in [(&pages[1], "Perlu perbaikan"), (&pages[1], "Benar")] {
        assert_eq!(text.matches(label).count(), 1, "{label:?} twice: {text}");
    }
    // Issue 17, defect 9: the approver's jabatan as written.
    assert!(identity.contains("Sekretaris Daerah"), "{identity}");
    assert!(!identity.contains("SEKRETARIS DAERAH"), "{identity}");
    // Issue 17, defect 6: the last page ends with the form's Jumlah waktu
    // row, the same total the page shows.
    let total = html
        .split("class=\"total-waktu__computed\">")
        .nth(1)
        .and_then(|t| t.split('<').next())
        .expect("the page's total");
    assert!(
        pages[1].contains(&format!("Jumlah waktu {total}")),
        "no Jumlah waktu {total}: {}",
        pages[1]
    );
    assert!(!pages[0].contains("Jumlah waktu"));
}

#[test]
fn f4_changes_the_paper_size() {
    let (_dir, page) = build("print: {paper: F4, steps_per_page: 5}\n");
    let html = fs::read_to_string(&page).expect("read page");
    assert!(html.contains("size: 330mm 215mm"));
    assert!(!html.contains("size: 297mm 210mm"));
    // 15 steps, 5 a page.
    assert_eq!(
        html.matches("class=\"print-page print-page--alur\"")
            .count(),
        3
    );

    let Some(chromium) = tools() else { return };
    let pdf = print_to_pdf(&chromium, &page, "f4");
    let info = pdfinfo(&pdf);
    let (w, h) = page_size(&info);
    // 330 x 215 mm is 935.4 x 609.4 pt.
    assert!(
        (w - 935.4).abs() < 1.0 && (h - 609.4).abs() < 1.0,
        "F4 landscape is 935.4 x 609.4 pt, got {w} x {h}"
    );
    assert_eq!(page_count(&info), 4, "{info}");
}

#[test]
fn every_sop_page_has_a_print_button() {
    let (_dir, page) = build("");
    let html = fs::read_to_string(&page).expect("read page");
    let button = html
        .split("<button")
        .find(|b| b.contains("data-print"))
        .and_then(|b| b.split("</button>").next())
        .unwrap_or_else(|| panic!("no print button"));
    assert!(button.ends_with(">Cetak"), "{button}");
    // Shown by the script that makes it print; without script, a hint.
    assert!(html.contains("window.print()"));
    assert!(html.contains("<noscript>") && html.contains("Ctrl+P"));
    // The default: A4, 8 steps a page.
    assert!(html.contains("size: 297mm 210mm"));
    assert_eq!(
        html.matches("class=\"print-page print-page--alur\"")
            .count(),
        2
    );
}
