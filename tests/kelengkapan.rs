//! Kelengkapan and review, as whoever keeps the handbook sees them: each gap
//! of the form on /kelengkapan/, in kelengkapan.csv and in `lajur check
//! --format json`, and an SOP past review_after marked "Perlu ditinjau" on
//! its page, its unit's page and the kelengkapan page, on a build day fixed
//! by SOURCE_DATE_EPOCH (as reproducible builds fix it).

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use support::{handbook, said, unit};

/// 2024-06-01 and 2020-06-01, 00:00 UTC, as SOURCE_DATE_EPOCH.
const JUNE_2024: &str = "1717200000";
const JUNE_2020: &str = "1590969600";

/// An SOP with every part of the form filled in and readable; its newest
/// date, tanggal efektif 1 Maret 2024, is not a year old in June 2024.
const COMPLETE: &str = "nomor: SOP-001/Umum
nama: Penerimaan Surat Masuk
tanggal_pembuatan: 2024-01-10
tanggal_efektif: 2024-03-01
disahkan_oleh:
  jabatan: Sekretaris Daerah
  nama: Drs. H. Said Abdullah
  nip: \"19650928 199203 1 008\"
dasar_hukum:
  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara
kualifikasi_pelaksana: Memahami tata naskah dinas
peralatan: [Komputer, Buku agenda]
peringatan: Surat terlambat diproses
pencatatan: Buku agenda surat masuk
langkah:
  - kegiatan: Menerima surat
    pelaksana: Staf Umum
    waktu: 10 menit
    output: Surat diterima
  - kegiatan: Mencatat surat
    pelaksana: Staf Umum
    waktu: 5 menit
    output: Agenda surat
";

/// The complete SOP with nine gaps, one per line changed: its newest date,
/// tanggal revisi 15 Januari 2020, makes it due from 15 Januari 2021.
fn gappy() -> String {
    let sop = COMPLETE
        .replace("nomor: SOP-001/Umum\n", "")
        .replace("Penerimaan Surat Masuk", "Pengelolaan Arsip")
        .replace(
            "tanggal_pembuatan: 2024-01-10\n",
            "tanggal_pembuatan: 2019-05-02\n",
        )
        .replace(
            "tanggal_efektif: 2024-03-01\n",
            "tanggal_efektif: 2019-06-01\ntanggal_revisi: 2020-01-15\n",
        )
        .replace("  nama: Drs. H. Said Abdullah\n", "")
        .replace("\"19650928 199203 1 008\"", "\"1965\"")
        .replace(
            "  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara\n",
            "  - Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara\n  - Surat edaran Pak Kadis\n",
        )
        .replace("peralatan: [Komputer, Buku agenda]\n", "")
        .replace("    waktu: 10 menit\n", "    waktu: segera\n")
        .replace("    waktu: 5 menit\n    output: Agenda surat\n", "");
    format!("nomor: \"\"\n{sop}")
}

/// The gaps of [`gappy`], as `(part, problem, step)`, in the form's order.
const GAPS: [(&str, &str, Option<u64>); 8] = [
    ("nomor", "missing", None),
    ("disahkan_oleh.nama", "missing", None),
    ("disahkan_oleh.nip", "unreadable", None),
    ("dasar_hukum", "unreadable", None),
    ("peralatan", "missing", None),
    ("waktu", "unreadable", Some(1)),
    ("waktu", "missing", Some(2)),
    ("output", "missing", Some(2)),
];

/// A handbook of two units: Bagian Umum with the complete SOP and the one
/// with gaps, Keuangan with a complete SOP effective from 1 September 2019
/// (due for review from 2020 with review_after 1 tahun).
fn folder(review_after: &str) -> tempfile::TempDir {
    let old = COMPLETE
        .replace("SOP-001/Umum", "SOP-002/Keu")
        .replace("Penerimaan Surat Masuk", "Penerbitan SPM")
        .replace(
            "tanggal_pembuatan: 2024-01-10",
            "tanggal_pembuatan: 2019-08-01",
        )
        .replace("tanggal_efektif: 2024-03-01", "tanggal_efektif: 2019-09-01");
    let config = format!("title: Buku SOP\n{review_after}");
    let arsip = gappy();
    handbook(&[
        ("handbook.yaml", &config),
        ("content/umum/_index.md", &unit("Bagian Umum")),
        ("content/umum/surat-masuk.yaml", COMPLETE),
        ("content/umum/arsip.yaml", &arsip),
        ("content/keuangan/_index.md", &unit("Bagian Keuangan")),
        ("content/keuangan/spm.yaml", &old),
    ])
}

/// lajur run in `dir` as a user runs it, on the build day `epoch`.
fn lajur_on(dir: &Path, epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("the lajur binary runs")
}

fn build(dir: &Path, epoch: &str) {
    let out = lajur_on(dir, epoch, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
}

fn page(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join("public").join(path).join("index.html"))
        .unwrap_or_else(|e| panic!("public/{path}/index.html: {e}"))
}

/// The row of the kelengkapan table that links to `sop_url`.
fn row<'a>(html: &'a str, sop_url: &str) -> &'a str {
    let link = format!("href=\"{sop_url}\"");
    let at = html
        .find(&link)
        .unwrap_or_else(|| panic!("no row links to {sop_url}"));
    let start = html[..at].rfind("<tr").expect("row start");
    let end = at + html[at..].find("</tr>").expect("row end");
    &html[start..end]
}

/// The parts named by the gap marks of a row, in order.
fn marked_parts(row: &str) -> Vec<&str> {
    row.split("data-gap=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').expect("attribute end")])
        .collect()
}

/// kelengkapan.csv as records of fields (`;` between fields, `"` around a
/// field holding `;`, RFC 4180), the byte order mark checked and dropped.
fn csv(dir: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(dir.join("public/kelengkapan/kelengkapan.csv")).expect("the CSV");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark, for Excel");
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => record.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends"
    );
    records
}

#[test]
fn each_gap_shows_on_the_kelengkapan_page_in_the_csv_and_in_check_json() {
    let dir = folder("");
    build(dir.path(), JUNE_2024);

    // The page: the SOP with gaps has a mark per gap, by part; the
    // complete SOPs none, and say so.
    let html = page(dir.path(), "kelengkapan");
    let expected: Vec<&str> = GAPS.iter().map(|g| g.0).collect();
    let arsip = row(&html, "/umum/arsip/");
    assert_eq!(marked_parts(arsip), expected, "{arsip}");
    assert!(
        arsip.contains("langkah 1: tidak terbaca “segera”"),
        "{arsip}"
    );
    assert!(
        arsip.contains("tidak terbaca “Surat edaran Pak Kadis”"),
        "{arsip}"
    );
    // 17 items (10 of the SOP, a second dasar hukum line, 3 per step), 8 gaps.
    let score = (17 - 8) * 100 / 17;
    assert!(arsip.contains(&format!("{score}%")), "{arsip}");
    for complete in ["/umum/surat-masuk/", "/keuangan/spm/"] {
        let r = row(&html, complete);
        assert_eq!(marked_parts(r), Vec::<&str>::new(), "{r}");
        assert!(r.contains("Lengkap") && r.contains("100%"), "{r}");
    }
    // Per unit: Bagian Umum has the 8 gaps and the mean score of its two.
    let by_unit = &html[html.find("id=\"per-unit\"").expect("the table per unit")..];
    let umum = row(by_unit, "/umum/");
    assert!(umum.contains(&format!("{}%", (100 + score) / 2)), "{umum}");
    assert!(umum.contains(">8</td>"), "{umum}");
    // The page is linked from the front page.
    assert!(
        page(dir.path(), "").contains("href=\"/kelengkapan/\""),
        "the front page links to /kelengkapan/"
    );

    // The CSV: one record per SOP, the gaps counted and in their columns.
    let table = csv(dir.path());
    let header = &table[0];
    assert_eq!(table.len(), 4, "a header and three SOPs: {table:?}");
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}: {header:?}"))
    };
    let arsip = table
        .iter()
        .find(|r| r.contains(&"Pengelolaan Arsip".to_string()))
        .expect("the SOP with gaps in the CSV");
    assert_eq!(arsip[column("Jumlah kekurangan")], GAPS.len().to_string());
    assert_eq!(arsip[column("Skor")], score.to_string());
    let gap_columns: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| h.starts_with("Kekurangan: "))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(gap_columns.len(), 14, "a column per part of the form");
    // Every gap is one item in its part's cell, "; " between two.
    let counted: usize = gap_columns
        .iter()
        .filter(|&&i| !arsip[i].is_empty())
        .map(|&i| arsip[i].split("; ").count())
        .sum();
    assert_eq!(counted, GAPS.len(), "{arsip:?}");
    let waktu = &arsip[column("Kekurangan: Waktu")];
    assert_eq!(
        waktu,
        "langkah 1: tidak terbaca “segera”; langkah 2: kosong"
    );
    for r in &table[1..] {
        if !r.contains(&"Pengelolaan Arsip".to_string()) {
            assert_eq!(r[column("Jumlah kekurangan")], "0", "{r:?}");
        }
    }

    // check --format json: the same gaps, for tools.
    let out = lajur_on(dir.path(), JUNE_2024, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let sops = json["kelengkapan"]["sops"]
        .as_array()
        .expect("kelengkapan.sops");
    assert_eq!(sops.len(), 3);
    let arsip = sops
        .iter()
        .find(|s| s["nama"] == "Pengelolaan Arsip")
        .expect("the SOP with gaps");
    assert_eq!(arsip["file"], "content/umum/arsip.yaml");
    let gaps: Vec<(&str, &str, Option<u64>)> = arsip["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["part"].as_str().expect("part"),
                g["problem"].as_str().expect("problem"),
                g["step"].as_u64(),
            )
        })
        .collect();
    assert_eq!(gaps, GAPS);
    assert!(
        arsip["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["line"].as_u64().is_some_and(|l| l > 0)),
        "each gap says its line: {arsip}"
    );
    assert_eq!(arsip["score"], score);
}

/// True when `html` carries the review mark.
fn marked(html: &str) -> bool {
    html.contains("badge--review") && html.contains("Perlu ditinjau")
}

#[test]
fn an_sop_past_review_after_is_marked_on_its_page_its_unit_and_kelengkapan() {
    let dir = folder("review_after: 1 tahun\n");
    build(dir.path(), JUNE_2024);
    // Pengelolaan Arsip: newest date tanggal revisi 15 Januari 2020, due
    // 15 Januari 2021, so 3 years 4 months overdue on 1 Juni 2024.
    let sop = page(dir.path(), "umum/arsip");
    assert!(marked(&sop), "the SOP page is marked");
    assert!(sop.contains("Lewat 3 tahun 4 bulan"), "how long overdue");
    assert!(sop.contains("15 Januari 2020"), "from which date");
    let unit = page(dir.path(), "umum");
    let item = &unit[unit.find("href=\"/umum/arsip/\"").expect("listed")..];
    let item = &item[..item.find("</li>").expect("item end")];
    assert!(marked(item), "the unit page marks it: {item}");
    let html = page(dir.path(), "kelengkapan");
    let r = row(&html, "/umum/arsip/");
    assert!(marked(r) && r.contains("is-due"), "{r}");
    assert!(r.contains("lewat 3 tahun 4 bulan"), "{r}");
    // The SOP of March 2024 is not: not on its page, not in its row.
    assert!(!marked(&page(dir.path(), "umum/surat-masuk")));
    let fresh = row(&html, "/umum/surat-masuk/");
    assert!(!marked(fresh) && fresh.contains("1 Maret 2025"), "{fresh}");
    let unit_item = &unit[unit.find("href=\"/umum/surat-masuk/\"").expect("listed")..];
    assert!(!marked(&unit_item[..unit_item.find("</li>").unwrap()]));
    // The CSV says it too.
    let table = csv(dir.path());
    let arsip = table
        .iter()
        .find(|r| r.contains(&"Pengelolaan Arsip".to_string()))
        .expect("in the CSV");
    assert!(
        arsip.iter().any(|f| f.starts_with("Perlu ditinjau")),
        "{arsip:?}"
    );
    // And check --format json, with the day it fell due.
    let out = lajur_on(dir.path(), JUNE_2024, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let arsip = json["kelengkapan"]["sops"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["nama"] == "Pengelolaan Arsip")
        .unwrap();
    assert_eq!(arsip["review"]["due"], "2021-01-15", "{arsip}");
    assert!(arsip["review"]["overdue"].is_object(), "{arsip}");

    // Built on 1 Juni 2020 nothing is due yet: no mark anywhere.
    build(dir.path(), JUNE_2020);
    for p in [
        "umum/arsip",
        "umum",
        "keuangan/spm",
        "keuangan",
        "kelengkapan",
    ] {
        let html = page(dir.path(), p);
        assert!(!html.contains("badge--review"), "{p} is marked in 2020");
    }
    let html = page(dir.path(), "kelengkapan");
    assert!(row(&html, "/umum/arsip/").contains("15 Januari 2021"));

    // Without review_after no SOP is ever due, however old.
    let dir = folder("");
    build(dir.path(), JUNE_2024);
    for p in ["umum/arsip", "umum", "keuangan/spm", "kelengkapan"] {
        assert!(!page(dir.path(), p).contains("badge--review"), "{p}");
    }
}

#[test]
fn a_review_after_lajur_cannot_read_stops_the_build_at_its_line() {
    let dir = folder("review_after: 1 tahun\n");
    build(dir.path(), JUNE_2024);
    let before = page(dir.path(), "kelengkapan");
    fs::write(
        dir.path().join("handbook.yaml"),
        "title: Buku SOP\nreview_after: setahun\n",
    )
    .unwrap();
    for command in ["build", "check"] {
        let out = lajur_on(dir.path(), JUNE_2024, &[command]);
        let text = said(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("handbook.yaml"), "names the file: {text}");
        assert!(text.contains(":2:"), "and the line: {text}");
        assert!(text.contains("`setahun`"), "quotes the value: {text}");
        assert!(text.contains("1 tahun"), "and hints the form: {text}");
    }
    // The failed build left the site as it was.
    assert_eq!(page(dir.path(), "kelengkapan"), before);
}
