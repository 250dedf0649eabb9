//! Real SOPs as agencies write them (docs/format.md, issue 16): a handbook of
//! forms copied from paper, built and checked through the binary from the
//! handbook's own folder, the way an author runs it; the pages and
//! sop.json read back for what a reader sees.

mod support;

use std::fs;
use std::path::Path;

use support::{handbook, lajur_in as lajur, write};

/// Builds in `root` (must succeed) and returns `lajur check`'s output.
fn build_and_check(root: &Path) -> String {
    let (code, text) = lajur(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = lajur(root, &["check"]);
    assert_eq!(code, 0, "{text}");
    text
}

fn read(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join("public").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(root: &Path, path: &str) -> serde_json::Value {
    serde_json::from_str(&read(root, path)).expect("valid JSON")
}

/// The text of the `<dd>` after the `<dt>` labelled `label` on an SOP page.
fn field(html: &str, label: &str) -> String {
    let start = html
        .find(&format!("<dt>{label}</dt>"))
        .unwrap_or_else(|| panic!("no field {label}"));
    let rest = &html[start..];
    let dd = rest.find("<dd>").expect("dd") + 4;
    let end = rest[dd..].find("</dd>").expect("/dd");
    rest[dd..dd + end].trim().to_string()
}

/// The problems `check` printed for `file` (first lines only).
fn problems<'a>(check: &'a str, file: &str) -> Vec<&'a str> {
    check
        .lines()
        .filter(|l| l.starts_with(file) && (l.contains(": warning:") || l.contains(": error:")))
        .collect()
}

const TWO_STEPS: &str = "langkah:
  - kegiatan: Menerima berkas
    pelaksana: Petugas
  - kegiatan: Mengarsipkan
    pelaksana: Petugas
";

#[test]
fn an_sop_without_nomor_is_published_with_a_dash_and_a_warning() {
    let dir = handbook(&[
        ("content/a.yaml", &format!("nama: Surat Masuk\n{TWO_STEPS}")),
        (
            "content/b.yaml",
            &format!("nomor: \"\"\nnama: Surat Keluar\n{TWO_STEPS}"),
        ),
    ]);
    let check = build_and_check(dir.path());
    for file in ["content/a.yaml", "content/b.yaml"] {
        let found = problems(&check, file);
        assert_eq!(found.len(), 1, "{check}");
        assert!(
            found[0].contains("warning: the SOP has no nomor"),
            "{check}"
        );
    }
    // Two SOPs without nomor do not clash.
    assert!(!check.contains("duplicate nomor"), "{check}");
    let page = read(dir.path(), "a/index.html");
    assert_eq!(field(&page, "Nomor SOP"), "—");
    // The header and the title do not print a dash for the missing nomor.
    assert!(page.contains("<title>Surat Masuk · "), "{page}");
    assert!(!page.contains("sop-header__nomor"), "{page}");
    assert!(json(dir.path(), "a/sop.json")["nomor"].is_null());
}

#[test]
fn partial_and_empty_dates_are_shown_as_the_paper_prints_them() {
    let sop = format!(
        "nomor: SOP-1
nama: Cuti Pegawai
tanggal_pembuatan: JUNI 2020
tanggal_revisi: \"-\"
tanggal_efektif: 2016
tanggal_pengesahan: 7 November
{TWO_STEPS}"
    );
    let dir = handbook(&[("content/cuti.yaml", &sop)]);
    let check = build_and_check(dir.path());
    let found = problems(&check, "content/cuti.yaml");
    assert_eq!(found.len(), 1, "{check}");
    assert!(found[0].contains("content/cuti.yaml:6:"), "{check}");
    assert!(found[0].contains("has no year"), "{check}");

    let page = read(dir.path(), "cuti/index.html");
    assert_eq!(field(&page, "Tanggal Pembuatan"), "Juni 2020");
    assert_eq!(field(&page, "Tanggal Revisi"), "—");
    assert_eq!(field(&page, "Tanggal Efektif"), "2016");
    assert_eq!(field(&page, "Tanggal Pengesahan"), "7 November");

    let sop = json(dir.path(), "cuti/sop.json");
    assert_eq!(sop["tanggal_pembuatan"], "2020-06");
    assert_eq!(sop["tanggal_efektif"], "2016");
    assert_eq!(sop["tanggal_revisi"], serde_json::json!([]));
    assert!(sop["tanggal_pengesahan"].is_null());
    assert_eq!(sop["tanggal_tertulis"]["tanggal_pengesahan"], "7 November");
}

#[test]
fn the_front_page_sorts_a_month_before_the_days_of_that_month() {
    let dated = |nomor: &str, date: &str| {
        format!("nomor: {nomor}\nnama: SOP {nomor}\ntanggal_pembuatan: {date}\n{TWO_STEPS}")
    };
    let dir = handbook(&[
        ("content/a.yaml", &dated("A", "Juni 2020")),
        ("content/b.yaml", &dated("B", "2 Juni 2020")),
        ("content/c.yaml", &dated("C", "31 Mei 2020")),
    ]);
    build_and_check(dir.path());
    let front = read(dir.path(), "index.html");
    let front = &front[front.find("Pembaruan Terakhir").expect("recent")..];
    let at = |nama: &str| front.find(nama).unwrap_or_else(|| panic!("{nama}"));
    // Newest first: 2 Juni, then Juni (its start), then 31 Mei.
    assert!(at("SOP B") < at("SOP A"), "{front}");
    assert!(at("SOP A") < at("SOP C"), "{front}");
    assert!(front.contains("Juni 2020"));
}

#[test]
fn peringatan_as_a_list_is_a_numbered_list() {
    let sop = format!(
        "nomor: SOP-1
nama: Cuti
peringatan:
  - Berkas tidak lengkap dikembalikan
  - Cuti tidak diproses bila sisa cuti habis
{TWO_STEPS}"
    );
    let dir = handbook(&[("content/cuti.yaml", &sop)]);
    build_and_check(dir.path());
    let page = read(dir.path(), "cuti/index.html");
    assert!(
        page.contains("<ol><li>Berkas tidak lengkap dikembalikan</li><li>Cuti tidak diproses bila sisa cuti habis</li></ol>"),
        "{page}"
    );
    let sop = json(dir.path(), "cuti/sop.json");
    assert_eq!(sop["peringatan"].as_array().map(Vec::len), Some(2));
}

const UNIT_IN_MINUTES: &str = "---
nama: Kelurahan Guntung Paikat
satuan_waktu: menit
---
";

#[test]
fn waktu_as_the_paper_writes_it_adds_up() {
    let sop = "nomor: SOP-1
nama: Surat Keterangan
total_waktu: 35
langkah:
  - kegiatan: Menerima berkas
    pelaksana: Petugas
    waktu: 5
  - kegiatan: Memeriksa berkas
    pelaksana: Petugas
    waktu: maks. 10 menit
  - kegiatan: Mengetik surat
    pelaksana: Petugas
    waktu: 5 menit/berkas
  - kegiatan: Menandatangani
    pelaksana: Lurah
    waktu: ± 10
";
    let dir = handbook(&[
        ("content/kelurahan/_index.md", UNIT_IN_MINUTES),
        ("content/kelurahan/sk.yaml", sop),
    ]);
    let check = build_and_check(dir.path());
    // 5 + 10 + 5 + 10 = 30 menit; the paper says 35: one warning.
    let found = problems(&check, "content/kelurahan/sk.yaml");
    assert_eq!(found.len(), 1, "{check}");
    assert!(found[0].contains("content/kelurahan/sk.yaml:3:"), "{check}");
    assert!(found[0].contains("differs"), "{check}");
    assert!(found[0].contains("30 menit"), "{check}");

    let page = read(dir.path(), "kelurahan/sk/index.html");
    assert!(
        page.contains("<strong class=\"total-waktu__computed\">30 menit</strong>"),
        "{page}"
    );
    assert!(
        page.contains("pada formulir: <strong>35</strong>"),
        "{page}"
    );
    let sop = json(dir.path(), "kelurahan/sk/sop.json");
    assert_eq!(sop["total_waktu"]["min"]["minutes"], 30.0);
    assert_eq!(sop["total_waktu"]["complete"], true);
    assert_eq!(sop["total_waktu_tertulis"], "35");
    assert_eq!(sop["satuan_waktu"], "menit");

    // A bare number is shown with the satuan_waktu it was counted in,
    // everywhere a reader meets it: the steps table (the phone's cards are
    // that table), the printed form's Mutu Baku column and the role page.
    // sop.json keeps the text as written beside the amounts it was read as.
    let cell = |w: &str| format!("class=\"steps__waktu\">{w}</td>");
    for shown in ["5 menit", "maks. 10 menit", "5 menit/berkas", "± 10 menit"] {
        assert!(page.contains(&cell(shown)), "no {shown}: {page}");
    }
    assert!(!page.contains(&cell("5")) && !page.contains(&cell("± 10")));
    let print = &page[page
        .find("class=\"print-page print-page--alur")
        .expect("print form")..];
    let texts = svg_texts(print);
    for shown in ["5 menit", "± 10 menit"] {
        assert!(
            texts.iter().any(|t| t == shown),
            "print lacks {shown}: {texts:?}"
        );
    }
    assert!(!texts.iter().any(|t| t == "5" || t == "± 10"), "{texts:?}");
    let lurah = read(dir.path(), "pelaksana/lurah/index.html");
    assert!(lurah.contains(&cell("± 10 menit")), "{lurah}");
    assert_eq!(sop["langkah"][0]["waktu"]["text"], "5");
    assert_eq!(sop["langkah"][0]["waktu"]["min"]["minutes"], 5.0);
}

#[test]
fn a_total_over_some_steps_says_it_is_partial() {
    let sop = "nomor: SOP-1
nama: Surat Keterangan
langkah:
  - kegiatan: Menerima berkas
    pelaksana: Petugas
    waktu: 1 jam
  - kegiatan: Memeriksa berkas
    pelaksana: Petugas
    waktu: 20 menit
  - kegiatan: Mengetik surat
    pelaksana: Petugas
    waktu: segera
  - kegiatan: Menandatangani
    pelaksana: Lurah
";
    let dir = handbook(&[("content/sk.yaml", sop)]);
    let check = build_and_check(dir.path());
    assert!(check.contains("cannot read the waktu `segera`"), "{check}");
    let page = read(dir.path(), "sk/index.html");
    assert!(
        page.contains("sekurang-kurangnya 1 jam 20 menit, 2 dari 4 langkah"),
        "{page}"
    );
    let sop = json(dir.path(), "sk/sop.json");
    assert_eq!(sop["total_waktu"]["complete"], false);
    assert_eq!(sop["total_waktu"]["steps_counted"], 2);

    write(dir.path(), "handbook.yaml", "language: en\n");
    build_and_check(dir.path());
    let page = read(dir.path(), "sk/index.html");
    assert!(
        page.contains("at least 1 hour 20 minutes, 2 of 4 steps"),
        "{page}"
    );
}

#[test]
fn a_bare_number_without_satuan_waktu_says_how_to_give_it_a_unit() {
    let sop = "nomor: SOP-1
nama: Surat
langkah:
  - kegiatan: Menerima berkas
    pelaksana: Petugas
    waktu: 5
  - kegiatan: Selesai
    pelaksana: Petugas
";
    let dir = handbook(&[("content/s.yaml", sop)]);
    let (code, text) = lajur(dir.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("cannot read the waktu `5`"), "{text}");
    assert!(text.contains("satuan_waktu: menit"), "{text}");
    // Without a unit to read it in, it is shown as written.
    let (code, text) = lajur(dir.path(), &["build"]);
    assert_eq!(code, 0, "{text}");
    let page = read(dir.path(), "s/index.html");
    assert!(page.contains("class=\"steps__waktu\">5</td>"), "{page}");
}

#[test]
fn judul_lajur_singkatan_puts_the_short_forms_in_the_lane_headers() {
    let sop = "nomor: SOP-1
nama: Surat
judul_lajur: singkatan
pelaksana:
  - nama: Kepala Sub Bagian Umum
    singkatan: Kasubbag
  - Staf
langkah:
  - kegiatan: Menerima surat
    pelaksana: Staf
  - kegiatan: Mendisposisi
    pelaksana: Kasubbag
";
    let dir = handbook(&[("content/s.yaml", sop)]);
    build_and_check(dir.path());
    let svg = read(dir.path(), "s/alur.svg");
    assert!(svg.contains(">Kasubbag</tspan>"), "{svg}");
    assert!(!svg.contains(">Kepala</tspan>"), "{svg}");
    // A lane without singkatan keeps its nama.
    assert!(svg.contains(">Staf</tspan>"), "{svg}");
    assert_eq!(json(dir.path(), "s/sop.json")["judul_lajur"], "singkatan");
}

#[test]
fn keterkaitan_outside_the_handbook_and_to_itself() {
    let surat = format!(
        "nomor: SOP-01/KEL
nama: Pelayanan Surat Masuk
keterkaitan:
  - teks: SOP Pelayanan KTP Disdukcapil
    url: https://disdukcapil.example.go.id/sop/ktp
  - teks: Seksi Pemerintahan
  - SOP-01/KEL
  - Pelayanan Surat Keterangan Usaha
{TWO_STEPS}"
    );
    let other = format!("nomor: SOP-9/DPK\nnama: Pengelolaan Arsip Statis\n{TWO_STEPS}");
    let dir = handbook(&[
        ("content/surat.yaml", &surat),
        ("content/arsip.yaml", &other),
    ]);
    let check = build_and_check(dir.path());
    let found = problems(&check, "content/surat.yaml");
    assert_eq!(found.len(), 2, "{check}");
    assert!(
        found[0].contains(":7:") && found[0].contains("this SOP itself"),
        "{check}"
    );
    assert!(
        found[1].contains(":8:") && found[1].contains("matches no SOP"),
        "{check}"
    );
    // No unrelated SOP is suggested.
    assert!(!check.contains("did you mean"), "{check}");

    let page = read(dir.path(), "surat/index.html");
    assert!(
        page.contains("<a href=\"https://disdukcapil.example.go.id/sop/ktp\" rel=\"external\">SOP Pelayanan KTP Disdukcapil</a>"),
        "{page}"
    );
    let seksi = page
        .find("Seksi Pemerintahan")
        .expect("outside entry shown");
    let line_end = page[seksi..].find("</li>").expect("li") + seksi;
    assert!(!page[seksi..line_end].contains("belum tersedia"));
    assert!(page.contains("SOP ini</span>"), "{page}");
    let sop = json(dir.path(), "surat/sop.json");
    assert_eq!(sop["keterkaitan"][0]["outside"], true);
    assert_eq!(sop["keterkaitan"][2]["is_self"], true);
}

#[test]
fn several_agencies_each_have_their_kop_and_logo() {
    let dinkes = "---
nama: Dinas Kesehatan
organisasi: PEMERINTAH KABUPATEN KULON PROGO
satuan_kerja: Dinas Kesehatan
logo: logo-kp.png
---
";
    let sop = format!("nomor: SOP-1\nnama: Rujukan\n{TWO_STEPS}");
    let dir = handbook(&[
        (
            "handbook.yaml",
            "title: SOP\norganisation: Pemerintah Provinsi DIY\nlogo: logo-diy.png\n",
        ),
        ("content/dinkes/_index.md", dinkes),
        ("content/dinkes/rujukan.yaml", &sop),
        ("content/umum.yaml", &sop.replace("SOP-1", "SOP-2")),
        ("static/logo-kp.png", "png"),
        ("static/logo-diy.png", "png"),
    ]);
    build_and_check(dir.path());
    let page = read(dir.path(), "dinkes/rujukan/index.html");
    let head = &page[page.find("form-head__lines").expect("kop")..];
    let head = &head[..head.find("</div>").expect("end")];
    assert!(head.contains("PEMERINTAH KABUPATEN KULON PROGO"), "{head}");
    assert!(!head.contains("Provinsi DIY"), "{head}");
    // satuan_kerja "Dinas Kesehatan" and the unit line "Dinas Kesehatan" are one line.
    assert_eq!(head.matches("Dinas Kesehatan").count(), 1, "{head}");
    assert!(page.contains("src=\"/logo-kp.png\""), "{page}");
    let other = read(dir.path(), "umum/index.html");
    assert!(other.contains("Pemerintah Provinsi DIY"));
    assert!(other.contains("src=\"/logo-diy.png\""));
    assert_eq!(
        json(dir.path(), "dinkes/rujukan/sop.json")["organisasi"],
        "PEMERINTAH KABUPATEN KULON PROGO"
    );
}

#[test]
fn citations_of_madrasah_puskesmas_and_lembaga_get_their_pages() {
    let sop = format!(
        "nomor: SOP-1
nama: Cuti Pegawai
dasar_hukum:
  - PMA Nomor 90 Tahun 2013 tentang Penyelenggaraan Pendidikan Madrasah
  - Perka BKN No. 24 Tahun 2017 tentang Tata Cara Pemberian Cuti PNS
  - Keputusan Menteri Negara Pendayagunaan Aparatur Negara Nomor 63 Tahun 2003
  - \"SK Kepala MTs Negeri 1 Kota Banjarbaru Nomor : 1798 Tahun 2023 tentang Pembagian Tugas\"
{TWO_STEPS}"
    );
    let dir = handbook(&[("content/cuti.yaml", &sop)]);
    let check = build_and_check(dir.path());
    assert!(problems(&check, "content/cuti.yaml").is_empty(), "{check}");
    for id in [
        "pma-no-90-tahun-2013",
        "perka-bkn-no-24-tahun-2017",
        "kepmenpan-no-63-tahun-2003",
        "keputusan-kepala-mts-negeri-1-kota-banjarbaru-no-1798-tahun-2023",
    ] {
        let page = read(dir.path(), &format!("dasar-hukum/{id}/index.html"));
        assert!(page.contains("Cuti Pegawai"), "{id}");
    }
    let page = read(
        dir.path(),
        "dasar-hukum/kepmenpan-no-63-tahun-2003/index.html",
    );
    assert!(!page.contains("Reformasi Birokrasi"), "{page}");
    let sop = json(dir.path(), "cuti/sop.json");
    assert_eq!(sop["dasar_hukum"][3]["number"], "1798");
}

#[test]
fn a_line_with_a_colon_in_a_list_is_kept_with_a_warning_to_quote_it() {
    let sop = format!(
        "nomor: SOP-1
nama: Cuti
dasar_hukum:
  - SK Kepala MTs Negeri 1 Nomor : 1798 Tahun 2023
{TWO_STEPS}"
    );
    let dir = handbook(&[("content/cuti.yaml", &sop)]);
    let check = build_and_check(dir.path());
    let found = problems(&check, "content/cuti.yaml");
    assert_eq!(found.len(), 1, "{check}");
    assert!(
        found[0].contains("content/cuti.yaml:4:5: warning"),
        "{check}"
    );
    assert!(
        check.contains(
            "put the line in quotes: `- \"SK Kepala MTs Negeri 1 Nomor: 1798 Tahun 2023\"`"
        ),
        "{check}"
    );
    let sop = json(dir.path(), "cuti/sop.json");
    assert_eq!(sop["dasar_hukum"][0]["number"], "1798");
}

/// Each shape an author gets wrong: the message names the field and the
/// shape it should have, and the hint shows how to write it.
#[test]
fn wrong_shapes_say_what_to_write() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "nomor: SOP-1\nnama:\n  - Cuti\n  - Pegawai\n",
            "`nama` should be one text, not a list",
            "`nama: |`",
        ),
        (
            "nomor: SOP-1\nnama:\n  Cuti Pegawai: tahunan\n",
            "`nama` should be text, not a map",
            "`nama: \"Cuti Pegawai: tahunan\"`",
        ),
        (
            "nomor: SOP-1\nnama: Cuti\nperalatan:\n  komputer: 1\n  printer: 2\n",
            "`peralatan` should be a list, not a map",
            "- first item",
        ),
        (
            "nomor: SOP-1\nnama: Cuti\nperalatan:\n  - - Komputer\n",
            "an item of `peralatan` should be text, not a list",
            "`- - text`",
        ),
        (
            "nomor: SOP-1\nnama: Cuti\nperalatan:\n  - nama: Komputer\n    jumlah: 2\n",
            "an item of `peralatan` should be text, not a map",
            "`nama`, `jumlah`",
        ),
        (
            "nomor: SOP-1\nnama: Cuti\nlangkah:\n  - Menerima berkas\n",
            "step 1 should be a map of `key: value`, not text",
            "`- kegiatan: Menerima berkas`",
        ),
        (
            "nomor: SOP-1\nnama: Cuti\nketerkaitan:\n  - - SOP-2\n",
            "an item of `keterkaitan` should be text or {ref, hubungan}, not a list",
            "`- teks: ...`",
        ),
    ];
    for (text, message, hint) in cases {
        let text = if text.contains("langkah") {
            text.to_string()
        } else {
            format!("{text}{TWO_STEPS}")
        };
        let dir = handbook(&[("content/x.yaml", &text)]);
        let (code, out) = lajur(dir.path(), &["check"]);
        assert_eq!(code, 1, "{text}\n{out}");
        let at = out
            .find(message)
            .unwrap_or_else(|| panic!("{message}\n{out}"));
        let rest = &out[at..];
        let hint_line = rest
            .lines()
            .find(|l| l.contains("hint:"))
            .unwrap_or_else(|| panic!("no hint for {message}\n{out}"));
        assert!(
            hint_line.contains(hint) || rest.contains(hint),
            "{hint}\n{out}"
        );
    }
}

#[test]
fn roles_per_agency_keeps_the_kepala_of_two_agencies_apart() {
    let unit = |nama: &str| format!("---\nnama: {nama}\nsatuan_kerja: {nama}\n---\n");
    let sop = |nomor: &str| {
        format!(
            "nomor: {nomor}
nama: SOP {nomor}
langkah:
  - kegiatan: Menerima berkas
    pelaksana: Staf
  - kegiatan: Menandatangani
    pelaksana: Kepala
"
        )
    };
    let files = [
        ("content/dinkes/_index.md", unit("Dinas Kesehatan")),
        ("content/dinkes/a.yaml", sop("A")),
        ("content/kel/_index.md", unit("Kelurahan Loktabat")),
        ("content/kel/b.yaml", sop("B")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let dir = handbook(&files);
    build_and_check(dir.path());
    // By default one "Kepala" across the handbook.
    let kepala = read(dir.path(), "pelaksana/kepala/index.html");
    assert!(kepala.contains("SOP A") && kepala.contains("SOP B"));

    write(dir.path(), "handbook.yaml", "roles_per_agency: true\n");
    build_and_check(dir.path());
    assert!(!dir.path().join("public/pelaksana/kepala").exists());
    let dinkes = read(dir.path(), "pelaksana/dinas-kesehatan/kepala/index.html");
    assert!(
        dinkes.contains("SOP A") && !dinkes.contains("SOP B"),
        "{dinkes}"
    );
    let kel = read(dir.path(), "pelaksana/kelurahan-loktabat/kepala/index.html");
    assert!(kel.contains("SOP B") && !kel.contains("SOP A"), "{kel}");
    let list = read(dir.path(), "pelaksana/index.html");
    assert!(
        list.contains("href=\"/pelaksana/dinas-kesehatan/kepala/\""),
        "{list}"
    );
    let page = read(dir.path(), "dinkes/a/index.html");
    assert!(page.contains("href=\"/pelaksana/dinas-kesehatan/kepala/\""));

    // One level up from a role is its satuan kerja: the roles of that
    // agency only, linked from the role's breadcrumbs.
    let agency = read(dir.path(), "pelaksana/dinas-kesehatan/index.html");
    assert!(agency.contains("<h1>Dinas Kesehatan</h1>"), "{agency}");
    for role in ["kepala", "staf"] {
        assert!(
            agency.contains(&format!("href=\"/pelaksana/dinas-kesehatan/{role}/\"")),
            "{agency}"
        );
    }
    assert!(
        !agency.contains("/pelaksana/kelurahan-loktabat/"),
        "{agency}"
    );
    let crumbs = between(&dinkes, "<nav class=\"breadcrumbs", "</nav>");
    assert!(
        crumbs.contains("href=\"/pelaksana/\"")
            && crumbs.contains("href=\"/pelaksana/dinas-kesehatan/\">Dinas Kesehatan</a>"),
        "{crumbs}"
    );
    // The index groups the roles under each agency, its heading a link to
    // the agency's page; the agency pages are in the sitemap.
    let heading = list
        .find("href=\"/pelaksana/kelurahan-loktabat/\">Kelurahan Loktabat</a>")
        .unwrap_or_else(|| panic!("no heading for Kelurahan Loktabat: {list}"));
    let kel_kepala = list
        .find("href=\"/pelaksana/kelurahan-loktabat/kepala/\"")
        .expect("kelurahan kepala listed");
    let dinkes_kepala = list
        .find("href=\"/pelaksana/dinas-kesehatan/kepala/\"")
        .expect("dinkes kepala listed");
    assert!(dinkes_kepala < heading && heading < kel_kepala, "{list}");
    let sitemap = read(dir.path(), "sitemap.xml");
    for url in [
        "/pelaksana/dinas-kesehatan/",
        "/pelaksana/kelurahan-loktabat/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{sitemap}");
    }

    // A role of an SOP that names no satuan kerja keeps /pelaksana/ROLE/;
    // one spelled like an agency does not take the agency's page.
    write(
        dir.path(),
        "content/lain/c.yaml",
        "nomor: C\nnama: SOP C\nlangkah:\n  - kegiatan: Memeriksa\n    pelaksana: Dinas Kesehatan\n  - kegiatan: Menyimpan\n    pelaksana: Staf\n",
    );
    build_and_check(dir.path());
    let agency = read(dir.path(), "pelaksana/dinas-kesehatan/index.html");
    assert!(agency.contains("<h1>Dinas Kesehatan</h1>"), "{agency}");
    let role = read(dir.path(), "pelaksana/dinas-kesehatan-2/index.html");
    assert!(role.contains("SOP C"), "{role}");
    assert!(read(dir.path(), "pelaksana/staf/index.html").contains("SOP C"));
}

/// The `<text>` elements of an SVG, each with its wrapped lines (`<tspan>`)
/// joined by a space, as a reader reads them.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</text>").unwrap_or(t.len())];
            let mut lines = Vec::new();
            for part in t.split('>').skip(1) {
                let line = part.split('<').next().unwrap_or("").trim();
                if !line.is_empty() {
                    lines.push(line.to_string());
                }
            }
            lines.join(" ")
        })
        .collect()
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let to = html[from..].find(end).expect("end") + from;
    &html[from..to]
}

#[test]
fn an_unknown_satuan_waktu_or_judul_lajur_names_the_choices() {
    let dir = handbook(&[
        (
            "content/kel/_index.md",
            "---\nnama: Kelurahan\nsatuan_waktu: menitan\n---\n",
        ),
        (
            "content/kel/s.yaml",
            &format!("nomor: SOP-1\nnama: Surat\njudul_lajur: pendek\n{TWO_STEPS}"),
        ),
    ]);
    let (code, out) = lajur(dir.path(), &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("content/kel/_index.md:3:15: error"), "{out}");
    assert!(out.contains("unknown satuan_waktu `menitan`"), "{out}");
    assert!(out.contains("detik, menit (mnt, m), jam (j)"), "{out}");
    assert!(out.contains("content/kel/s.yaml:3:"), "{out}");
    assert!(out.contains("unknown judul_lajur `pendek`"), "{out}");
    assert!(out.contains("`judul_lajur: singkatan`"), "{out}");
}
