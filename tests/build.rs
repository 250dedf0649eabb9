//! `lajur build` end to end: a handbook written into a temp folder, built
//! through the library and the binary, and the site read back from disk.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lajur::Options;
use support::lajur_in;

mod support;

const HANDBOOK: &str = "\
title: Buku Pedoman SOP Sekretariat Daerah
organisation: Pemerintah Kota Banjarbaru
";

const FRONT: &str = "\
---
nama: Beranda
---
Buku pedoman ini memuat **Standar Operasional Prosedur** Sekretariat Daerah.
";

const UNIT: &str = "\
---
nama: Bagian Umum
satuan_kerja: Sekretariat Daerah Kota Banjarbaru
---
Bagian Umum mengurus perencanaan, keuangan dan rumah tangga.
";

const SUB_UNIT: &str = "\
---
nama: Sub Bagian Perencanaan
---
";

const RKT: &str = "\
nomor: SOP-070/Setda
nama: Penyusunan Rencana Kinerja Tahunan
tanggal_pembuatan: 7-Nov-2018
tanggal_efektif: 31 Desember 2018
disahkan_oleh:
  jabatan: Sekretaris Daerah
  nama: Drs. H. SAID ABDULLAH, M.Si
  nip: 19650928 199203 1 008
dasar_hukum:
  - Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara
kualifikasi_pelaksana:
  - Memiliki kemampuan pengolahan data sederhana
keterkaitan:
  - ref: SOP-071/Setda
    hubungan: lanjutan
  - SOP Pengadaan Barang
peralatan: [Komputer, Printer]
peringatan: Jika tidak dilaksanakan sesuai SOP, penyusunan RKT tidak lancar
pencatatan: Disimpan sebagai data elektronik
pelaksana:
  - {nama: Kepala Sub Bagian Perencanaan, singkatan: Kasubbag}
  - Pelaksana
  - Kepala Bagian Umum
langkah:
  - kegiatan: Melaksanakan koordinasi dan meminta data usulan kegiatan
    pelaksana: Kasubbag
    kelengkapan: Nota dinas
    waktu: 15 menit
    output: Data usulan RKT
  - kegiatan: Membuat konsep Rencana Kinerja Tahunan
    pelaksana: Pelaksana
    waktu: 1 hari
    output: Draft RKT
  - kegiatan: Mengoreksi draft Rencana Kinerja Tahunan
    pelaksana: Kepala Bagian Umum
    jenis: keputusan
    tidak: 2
    label_tidak: Perlu perbaikan
    waktu: 5 menit
  - kegiatan: Mengarsipkan dokumen RKT
    pelaksana: Pelaksana
    waktu: 30 menit
    output: Dokumen RKT
";

const LKJ: &str = "\
---
nomor: SOP-071/Setda
nama: Penyusunan Laporan Kinerja
tanggal_pembuatan: 2019-01-10
tanggal_revisi: [2020-05-15, 01 JULI 2023]
langkah:
  - kegiatan: Menghimpun data capaian kinerja
    pelaksana: Kepala Sub Bagian Perencanaan
  - kegiatan: Menyusun laporan
    pelaksana: Pelaksana
---
Laporan disampaikan paling lambat **31 Maret**. <b>Penting</b> <script>alert(1)</script>
";

const DRAFT: &str = "\
nomor: SOP-099/Setda
nama: Prosedur Yang Masih Draf
draft: true
langkah:
  - kegiatan: Mulai
    pelaksana: Pelaksana
  - kegiatan: Selesai
    pelaksana: Pelaksana
";

/// Writes the fixture handbook into a new temp folder.
fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let files: &[(&str, &[u8])] = &[
        ("handbook.yaml", HANDBOOK.as_bytes()),
        ("content/_index.md", FRONT.as_bytes()),
        ("content/bagian-umum/_index.md", UNIT.as_bytes()),
        (
            "content/bagian-umum/formulir-usulan.pdf",
            b"%PDF-1.4 formulir",
        ),
        (
            "content/bagian-umum/perencanaan/_index.md",
            SUB_UNIT.as_bytes(),
        ),
        ("content/bagian-umum/perencanaan/rkt.yaml", RKT.as_bytes()),
        ("content/bagian-umum/perencanaan/lkj.md", LKJ.as_bytes()),
        (
            "content/bagian-umum/perencanaan/draf.yaml",
            DRAFT.as_bytes(),
        ),
    ];
    for (path, bytes) in files {
        write(root, path, bytes);
    }
    dir
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write fixture");
}

/// Builds through the library into `<root>/public`.
fn build(root: &Path) -> PathBuf {
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    match lajur::build(&opts, None) {
        Ok(report) => report.output_dir,
        Err(e) => panic!("build failed: {e:?}"),
    }
}

/// Runs the binary; returns its exit status and everything it printed.
fn lajur(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .output()
        .expect("run lajur");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            (rel, fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

/// Every value of href, src and action attributes in `html`.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\"", " action=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
        }
    }
    out
}

#[test]
fn every_page_is_at_its_format_url() {
    let dir = handbook();
    let out = build(dir.path());
    assert_eq!(out, dir.path().join("public"));
    for path in [
        "index.html",
        "bagian-umum/index.html",
        "bagian-umum/perencanaan/index.html",
        "bagian-umum/perencanaan/rkt/index.html",
        "bagian-umum/perencanaan/rkt/alur.svg",
        "bagian-umum/perencanaan/lkj/index.html",
        "bagian-umum/perencanaan/lkj/alur.svg",
        "404.html",
        "sitemap.xml",
        "style.css",
    ] {
        assert!(out.join(path).is_file(), "{path} missing");
    }
    // The attachment is copied beside its unit's page and linked from it.
    assert_eq!(
        fs::read(out.join("bagian-umum/formulir-usulan.pdf")).expect("attachment"),
        b"%PDF-1.4 formulir"
    );
    assert!(
        read(&out, "bagian-umum/index.html").contains("href=\"/bagian-umum/formulir-usulan.pdf\"")
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>/bagian-umum/perencanaan/rkt/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn sop_page_shows_identity_steps_and_links() {
    let dir = handbook();
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/rkt/index.html");
    for want in [
        "<html lang=\"id\">",
        "SOP-070/Setda",
        "Penyusunan Rencana Kinerja Tahunan",
        "Pemerintah Kota Banjarbaru",
        "Sekretariat Daerah Kota Banjarbaru",
        "7 November 2018",
        "31 Desember 2018",
        "Drs. H. SAID ABDULLAH, M.Si",
        "19650928 199203 1 008",
        "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
        "Memiliki kemampuan pengolahan data sederhana",
        "Jika tidak dilaksanakan sesuai SOP",
        "Disimpan sebagai data elektronik",
        "Melaksanakan koordinasi dan meminta data usulan kegiatan",
        "Nota dinas",
        "15 menit",
        "Perlu perbaikan",
        "Total waktu",
        "belum tersedia",
    ] {
        assert!(page.contains(want), "`{want}` not on the SOP page");
    }
    for n in 1..=4 {
        assert!(
            page.contains(&format!("id=\"langkah-{n}\"")),
            "row of step {n}"
        );
    }
    // The flowchart is inline and the same drawing as alur.svg.
    let svg = read(&out, "bagian-umum/perencanaan/rkt/alur.svg");
    assert!(svg.starts_with("<svg"));
    assert!(
        page.contains(svg.trim()),
        "inline SVG differs from alur.svg"
    );
    // Keterkaitan links to the resolved SOP, which lists this one back.
    assert!(page.contains("href=\"/bagian-umum/perencanaan/lkj/\""));
    let lkj = read(&out, "bagian-umum/perencanaan/lkj/index.html");
    assert!(lkj.contains("SOP yang merujuk ke SOP ini"));
    assert!(lkj.contains("href=\"/bagian-umum/perencanaan/rkt/\""));
    assert!(lkj.contains("1 Juli 2023"), "newest revision in long form");
}

#[test]
fn base_url_prefixes_every_internal_link() {
    let dir = handbook();
    let out = dir.path().join("situs");
    let (code, text) = lajur(&[
        "build",
        "--root",
        &dir.path().to_string_lossy(),
        "--output",
        &out.to_string_lossy(),
        "--base-url",
        "/sop/",
    ]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&out);
    let mut checked = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            assert!(
                link.starts_with("/sop/") || link.starts_with('#'),
                "{path}: `{link}` does not go through base_url"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} links seen");
    assert!(String::from_utf8_lossy(&site["sitemap.xml"]).contains("<loc>/sop/</loc>"));
}

#[test]
fn drafts_are_published_only_with_the_flag() {
    let dir = handbook();
    let root = dir.path().to_string_lossy().into_owned();
    let draft_page = dir
        .path()
        .join("public/bagian-umum/perencanaan/draf/index.html");

    let (code, text) = lajur(&["build", "--root", &root]);
    assert_eq!(code, 0, "{text}");
    assert!(!draft_page.exists());
    let unit = read(
        &dir.path().join("public"),
        "bagian-umum/perencanaan/index.html",
    );
    assert!(!unit.contains("SOP-099/Setda"));
    assert!(!read(&dir.path().join("public"), "sitemap.xml").contains("draf"));

    let (code, text) = lajur(&["build", "--root", &root, "--drafts"]);
    assert_eq!(code, 0, "{text}");
    let page = fs::read_to_string(&draft_page).expect("draft page with --drafts");
    assert!(page.contains("Prosedur Yang Masih Draf"));
    assert!(
        page.contains("noindex"),
        "a draft is kept out of search engines"
    );
    assert!(!read(&dir.path().join("public"), "sitemap.xml").contains("/draf/"));
}

#[test]
fn raw_html_is_escaped_unless_allowed() {
    let dir = handbook();
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/lkj/index.html");
    assert!(page.contains("<strong>31 Maret</strong>"));
    assert!(page.contains("&lt;b&gt;Penting&lt;/b&gt;"));
    assert!(!page.contains("<script>alert(1)</script>"));

    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}allow_html: true\n").as_bytes(),
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/lkj/index.html");
    assert!(page.contains("<b>Penting</b>"));
}

#[test]
fn english_switches_the_interface() {
    let dir = handbook();
    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}language: en\n").as_bytes(),
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/rkt/index.html");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Skip to content"));
    assert!(page.contains("Date created"));
    assert!(page.contains("31 December 2018"));
    assert!(!page.contains("Tanggal Pembuatan"));
    assert!(read(&out, "index.html").contains("<html lang=\"en\">"));

    // A count of one is in the singular: "1 SOP · 1 step", not "1 SOPs".
    let mut ones = 0;
    for file in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if file.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = fs::read_to_string(file.path()).expect("a page");
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for pair in words.windows(2).filter(|w| w[0] == "1") {
            assert!(
                !["SOPs", "steps", "roles", "regulations"].contains(&pair[1]),
                "1 {} in {}",
                pair[1],
                file.path().display()
            );
            ones += usize::from(["SOP", "step"].contains(&pair[1]));
        }
    }
    assert!(ones > 0, "no count of one to check");
}

#[test]
fn handbook_templates_override_the_theme() {
    let dir = handbook();
    write(
        dir.path(),
        "templates/unit.html",
        b"{% extends \"base.html\" %}{% block content %}<h1>Unit: {{ page.nama }}</h1>{% endblock content %}",
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/index.html");
    assert!(page.contains("<h1>Unit: Bagian Umum</h1>"));
    assert!(
        page.contains("class=\"skip-link\""),
        "the theme's base.html still wraps it"
    );
    // Other pages keep the theme's templates.
    assert!(read(&out, "bagian-umum/perencanaan/rkt/index.html").contains("Tanggal Efektif"));
}

#[test]
fn handbook_static_files_replace_the_theme_css() {
    let dir = handbook();
    write(dir.path(), "static/style.css", b"body { color: teal }");
    write(dir.path(), "static/img/logo.png", b"PNG");
    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}logo: img/logo.png\n").as_bytes(),
    );
    let out = build(dir.path());
    assert_eq!(read(&out, "style.css"), "body { color: teal }");
    assert_eq!(fs::read(out.join("img/logo.png")).expect("logo"), b"PNG");
    assert!(read(&out, "index.html").contains("src=\"/img/logo.png\""));
}

#[test]
fn a_broken_template_fails_the_build_naming_it() {
    let dir = handbook();
    write(dir.path(), "templates/sop.html", b"{% for %}");
    let (code, text) = lajur(&["build", "--root", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("templates/sop.html"), "{text}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_failed_build_leaves_the_published_site_untouched() {
    let dir = handbook();
    let out = build(dir.path());
    let before = snapshot(&out);
    assert!(before.len() > 5);

    // nama is required: the handbook now has an error.
    let broken = RKT.replace("nama: Penyusunan Rencana Kinerja Tahunan\n", "");
    assert_ne!(broken, RKT);
    write(
        dir.path(),
        "content/bagian-umum/perencanaan/rkt.yaml",
        broken.as_bytes(),
    );
    let (code, text) = lajur(&["build", "--root", &dir.path().to_string_lossy()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("rkt.yaml"), "{text}");
    assert_eq!(
        snapshot(&out),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .expect("root")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("lajur-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_404_page_works_at_any_depth() {
    let dir = handbook();
    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}base_url: /sop/\n").as_bytes(),
    );
    let out = build(dir.path());
    let page = read(&out, "404.html");
    assert!(page.contains("Halaman tidak ditemukan"));
    // Served for any missing URL, so its links and CSS cannot be relative.
    for link in links(&page) {
        assert!(
            link.starts_with("/sop/") || link.starts_with('#'),
            "`{link}`"
        );
    }
}

#[test]
fn every_internal_link_leads_to_a_written_file() {
    let dir = handbook();
    let out = build(dir.path());
    let site = snapshot(&out);
    let mut checked = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            // Only links within the site; the search page's form action
            // and fragments on the same page need no file of their own.
            let Some(rel) = link.strip_prefix('/') else {
                continue;
            };
            let rel = rel.split(['#', '?']).next().unwrap_or_default();
            let file = if rel.is_empty() || rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.to_string()
            };
            assert!(site.contains_key(&file), "{path}: `{link}` leads nowhere");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links seen");
}

#[test]
fn a_lane_written_by_its_singkatan_is_one_role_everywhere() {
    let dir = handbook();
    write(
        dir.path(),
        "content/bagian-umum/perencanaan/renja.yaml",
        b"nomor: SOP-072/Setda\n\
          nama: Penyusunan Rencana Kerja\n\
          langkah:\n\
          \x20 - kegiatan: Menghimpun usulan rencana kerja\n\
          \x20   pelaksana: Kasubbag\n\
          \x20 - kegiatan: Menyusun rencana kerja\n\
          \x20   pelaksana: Pelaksana\n",
    );
    let out = build(dir.path());
    let renja = read(&out, "bagian-umum/perencanaan/renja/index.html");
    let svg = read(&out, "bagian-umum/perencanaan/renja/alur.svg");
    // RKT defines Kasubbag as the singkatan of Kepala Sub Bagian Perencanaan.
    assert!(
        svg.contains("data-lane=\"kepala-sub-bagian-perencanaan\""),
        "the flowchart names the lane by its role's slug"
    );
    assert!(!svg.contains("data-lane=\"kasubbag\""));
    assert!(renja.contains("href=\"/pelaksana/kepala-sub-bagian-perencanaan/\""));
    let role = read(&out, "pelaksana/kepala-sub-bagian-perencanaan/index.html");
    assert!(role.contains("Menghimpun usulan rencana kerja"));
    assert!(!out.join("pelaksana/kasubbag").exists());
}

// ------------------------------------------------- the output folder (Safety)

/// The names in `dir` that a build left beside its output.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".lajur"))
        .collect()
}

#[test]
fn the_output_folder_is_never_a_source_folder() {
    let dir = handbook();
    let root = dir.path();
    write(root, "static/logo.png", b"PNG");
    write(root, "templates/.keep", b"");
    write(root, "themes/gelap/templates/.keep", b"");
    let sources = snapshot(root);
    let inside = root.join("content/bagian-umum");
    let outputs: Vec<(&Path, Vec<&str>)> = vec![
        (root, vec!["build", "-o", "content"]),
        (root, vec!["build", "-o", "content/../content"]),
        (root, vec!["build", "-o", "./content/bagian-umum"]),
        (root, vec!["build", "-o", "."]),
        (root, vec!["build", "-o", ".."]),
        (root, vec!["build", "-o", "static"]),
        (root, vec!["build", "-o", "static/site"]),
        (root, vec!["build", "-o", "themes"]),
        (root, vec!["build", "-o", "templates"]),
        (&inside, vec!["build", "--root", "../..", "-o", "../.."]),
        (&inside, vec!["build", "--root", "../..", "-o", "."]),
    ];
    for (cwd, args) in &outputs {
        let (code, text) = lajur_in(cwd, args);
        assert_eq!(code, 2, "{args:?} must be a settings error: {text}");
        assert!(text.contains("output folder"), "{args:?}: {text}");
        assert_eq!(snapshot(root), sources, "{args:?} touched the handbook");
        assert!(
            leftovers(root).is_empty(),
            "{args:?}: {:?}",
            leftovers(root)
        );
    }
    // The same from handbook.yaml, named at its line; `check` says so too.
    for setting in ["content", "./", "content/..", "static/../content"] {
        write(
            root,
            "handbook.yaml",
            format!("{HANDBOOK}output_dir: {setting}\n").as_bytes(),
        );
        let sources = snapshot(root);
        for command in ["build", "check"] {
            let (code, text) = lajur_in(root, &[command]);
            assert_eq!(code, 2, "{command} with output_dir {setting}: {text}");
            assert!(text.contains("handbook.yaml:3:1: error:"), "{text}");
            assert_eq!(snapshot(root), sources, "output_dir {setting}");
        }
    }
}

#[test]
fn a_folder_lajur_did_not_write_is_replaced_only_with_force() {
    let dir = handbook();
    let root = dir.path();
    write(root, "situs/catatan.txt", b"milik orang lain");
    write(root, "situs/foto/kantor.jpg", b"JPG");
    let before = snapshot(&root.join("situs"));
    for command in [vec!["build", "-o", "situs"], vec!["check"]] {
        let (code, text) = if command[0] == "check" {
            write(
                root,
                "handbook.yaml",
                format!("{HANDBOOK}output_dir: situs\n").as_bytes(),
            );
            lajur_in(root, &command)
        } else {
            lajur_in(root, &command)
        };
        assert_eq!(code, 2, "{command:?}: {text}");
        assert!(text.contains("did not write"), "{text}");
        assert!(
            text.contains("--force"),
            "the hint names the way out: {text}"
        );
        assert_eq!(snapshot(&root.join("situs")), before);
    }
    write(root, "handbook.yaml", HANDBOOK.as_bytes());

    let (code, text) = lajur_in(root, &["build", "-o", "situs", "--force"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("situs"));
    assert!(!site.contains_key("catatan.txt"), "replaced whole");
    assert!(site.contains_key("index.html"));
    assert!(site.contains_key(".lajur"), "the marker is left");
    // From now on the folder is lajur's: no --force needed.
    let (code, text) = lajur_in(root, &["build", "-o", "situs"]);
    assert_eq!(code, 0, "{text}");
    // An empty folder or a missing one is fine too.
    fs::create_dir_all(root.join("kosong")).expect("mkdir");
    assert_eq!(lajur_in(root, &["build", "-o", "kosong"]).0, 0);
    assert_eq!(lajur_in(root, &["build", "-o", "baru/situs"]).0, 0);
    assert!(root.join("baru/situs/index.html").is_file());
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn an_output_path_with_dot_dot_is_replaced_in_place() {
    let dir = handbook();
    let root = dir.path();
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let first = snapshot(&root.join("public"));

    write(
        root,
        "content/bagian-umum/baru.yaml",
        RKT.replace("SOP-070", "SOP-080").as_bytes(),
    );
    let (code, text) = lajur_in(root, &["build", "-o", "public/../public"]);
    assert_eq!(code, 0, "{text}");
    let second = snapshot(&root.join("public"));
    assert!(
        second.contains_key("bagian-umum/baru/index.html"),
        "{second:?}"
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));

    // A failed build through the same path leaves it exactly as it was.
    write(root, "templates/sop.html", b"{{ tidak.ada }}");
    let (code, text) = lajur_in(root, &["build", "-o", "public/../public"]);
    assert_eq!(code, 1, "{text}");
    assert_eq!(snapshot(&root.join("public")), second);
    assert_ne!(second, first);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = handbook();
    let root = dir.path();
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    let public = root.join("public");
    let before = snapshot(&public);
    fs::set_permissions(&public, fs::Permissions::from_mode(0o555)).expect("chmod");
    for _ in 0..2 {
        let (code, text) = lajur_in(root, &["build"]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains("read-only"), "{text}");
        assert_eq!(snapshot(&public), before);
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    }
    fs::set_permissions(&public, fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn a_failed_build_into_a_new_folder_leaves_nothing() {
    let dir = handbook();
    let root = dir.path();
    write(root, "templates/unit.html", b"{% if %}");
    let (code, text) = lajur_in(root, &["build", "-o", "hasil/situs"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        !root.join("hasil").exists(),
        "no folder made for a failed build"
    );
    assert!(leftovers(root).is_empty());
}

// ------------------------------------- files from outside the handbook (Safety)

/// Runs the binary in `dir`; a run that has not ended after a minute is
/// killed and fails the test (a FIFO read would wait for ever).
fn lajur_in_finite(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lajur"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run lajur");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("lajur {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[cfg(unix)]
#[test]
fn links_out_of_the_handbook_are_not_published() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "rahasia.txt", b"kata sandi");
    write(outside.path(), "folder/data.csv", b"gaji,pegawai");
    let dir = handbook();
    let root = dir.path();
    write(root, "berkas/formulir-b.pdf", b"%PDF formulir b");
    let umum = root.join("content/bagian-umum");
    symlink(outside.path().join("rahasia.txt"), umum.join("rahasia.txt")).expect("link");
    symlink(outside.path().join("folder"), umum.join("luar")).expect("link");
    symlink("/etc/passwd", umum.join("passwd")).expect("link");
    symlink("/dev/zero", umum.join("nol.bin")).expect("link");
    write(root, "static/.keep", b"");
    symlink(
        outside.path().join("rahasia.txt"),
        root.join("static/rahasia.txt"),
    )
    .expect("link");
    symlink(outside.path().join("folder"), root.join("static/luar")).expect("link");
    // A link that stays inside the handbook is followed.
    symlink("../../berkas/formulir-b.pdf", umum.join("formulir-b.pdf")).expect("link");

    let (code, text) = lajur_in_finite(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("public"));
    for leaked in [
        "bagian-umum/rahasia.txt",
        "bagian-umum/luar/data.csv",
        "bagian-umum/passwd",
        "bagian-umum/nol.bin",
        "rahasia.txt",
        "luar/data.csv",
    ] {
        assert!(!site.contains_key(leaked), "{leaked} was published");
    }
    assert_eq!(site["bagian-umum/formulir-b.pdf"], b"%PDF formulir b");
    for warned in [
        "content/bagian-umum/rahasia.txt",
        "content/bagian-umum/luar",
        "content/bagian-umum/passwd",
        "content/bagian-umum/nol.bin",
        "static/rahasia.txt",
        "static/luar",
    ] {
        assert!(
            text.contains(&format!("{warned}:0:0: warning: symbolic link to")),
            "{warned}: {text}"
        );
    }
    assert!(!text.contains("formulir-b.pdf:0:0: warning"), "{text}");
    let (code, checked) = lajur_in_finite(root, &["check"]);
    assert_eq!(code, 0, "{checked}");
    assert!(
        checked.contains("content/bagian-umum/passwd:0:0: warning"),
        "{checked}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_with_a_warning_and_never_hang() {
    let dir = handbook();
    let root = dir.path();
    let umum = root.join("content/bagian-umum");
    if !(support::mkfifo(&umum.join("x.yaml"))
        && support::mkfifo(&umum.join("lampiran.pdf"))
        && support::mkfifo(&root.join("content/_index.md.pipe"))
        && support::mkfifo(&umum.join("perencanaan/sub.md")))
    {
        return;
    }
    write(root, "static/.keep", b"");
    assert!(support::mkfifo(&root.join("static/pipa.css")));
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 0, "{command}: {text}");
        for fifo in [
            "content/bagian-umum/x.yaml",
            "content/bagian-umum/lampiran.pdf",
            "content/bagian-umum/perencanaan/sub.md",
            "static/pipa.css",
        ] {
            assert!(
                text.contains(&format!("{fifo}:0:0: warning: not a regular file")),
                "{command}, {fifo}: {text}"
            );
        }
    }
    let site = snapshot(&root.join("public"));
    assert!(!site.contains_key("bagian-umum/lampiran.pdf"));
    assert!(!site.contains_key("pipa.css"));
    assert!(site.contains_key("bagian-umum/perencanaan/rkt/index.html"));
}

#[cfg(unix)]
#[test]
fn a_fifo_for_handbook_yaml_is_a_settings_error() {
    let dir = handbook();
    let root = dir.path();
    fs::remove_file(root.join("handbook.yaml")).expect("rm");
    if !support::mkfifo(&root.join("handbook.yaml")) {
        return;
    }
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 2, "{command}: {text}");
        assert!(
            text.contains("handbook.yaml:1:1: error: not a regular file"),
            "{text}"
        );
    }
}

// ------------------------------------------- attachments stay in their place (Safety)

#[test]
fn an_attachment_never_replaces_a_generated_file() {
    let dir = handbook();
    let root = dir.path();
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    let before = snapshot(&root.join("public"));
    let clashes: &[(&str, &str)] = &[
        (
            "content/bagian-umum/index.html",
            "`bagian-umum/index.html`, a page of the site",
        ),
        ("content/style.css", "`style.css`, the site's stylesheet"),
        ("content/search.js", "`search.js`, the search script"),
        ("content/404.html", "`404.html`, a page of the site"),
        ("content/sitemap.xml", "`sitemap.xml`"),
        (
            "content/bagian-umum/perencanaan/rkt",
            "where lajur generates `bagian-umum/perencanaan/rkt/`, a folder of the site",
        ),
        (
            "content/pagefind/pagefind.js",
            "`pagefind/pagefind.js`, the search index",
        ),
    ];
    for (file, generated) in clashes {
        write(root, file, b"<script>alert('diganti')</script>");
        for command in ["check", "build"] {
            let (code, text) = lajur_in(root, &[command]);
            assert_eq!(code, 1, "{command} with {file}: {text}");
            assert!(
                text.contains(&format!("{file}:0:0: error: `{file}`")),
                "{command}: {text}"
            );
            assert!(
                text.contains(generated),
                "{command} names {generated}: {text}"
            );
        }
        assert_eq!(snapshot(&root.join("public")), before, "{file}");
        fs::remove_file(root.join(file)).expect("rm");
    }
}

#[test]
fn html_and_svg_attachments_are_published_only_with_allow_html() {
    let dir = handbook();
    let root = dir.path();
    let markup = [
        "content/bagian-umum/panduan.html",
        "content/bagian-umum/panduan.HTM",
        "content/bagian-umum/panduan.xhtml",
        "content/bagian-umum/peta.svg",
    ];
    for file in markup {
        write(root, file, b"<svg onload=\"alert(1)\"/>");
    }
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("public"));
    for file in markup {
        let dest = file.trim_start_matches("content/");
        assert!(!site.contains_key(dest), "{dest} published");
        assert!(
            text.contains(&format!("{file}:0:0: warning: not published")),
            "{file}: {text}"
        );
    }
    let unit = read(&root.join("public"), "bagian-umum/index.html");
    assert!(
        unit.contains("formulir-usulan.pdf"),
        "the PDF is still listed"
    );
    assert!(!unit.contains("peta.svg"), "a withheld file is not listed");

    write(
        root,
        "handbook.yaml",
        format!("{HANDBOOK}allow_html: true\n").as_bytes(),
    );
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("not published"), "{text}");
    let site = snapshot(&root.join("public"));
    assert!(site.contains_key("bagian-umum/peta.svg"));
    assert!(site.contains_key("bagian-umum/panduan.html"));
}

#[cfg(unix)]
#[test]
fn template_links_are_followed_only_inside_the_handbook() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "sop.html", b"DARI LUAR {{ page.nama }}");
    let dir = handbook();
    let root = dir.path();
    write(
        root,
        "bersama/unit.html",
        b"{% extends \"base.html\" %}{% block content %}<h1>Bersama: {{ page.nama }}</h1>{% endblock content %}",
    );
    fs::create_dir_all(root.join("templates")).expect("mkdir");
    symlink(
        outside.path().join("sop.html"),
        root.join("templates/sop.html"),
    )
    .expect("link");
    symlink("../bersama/unit.html", root.join("templates/unit.html")).expect("link");
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 0, "{command}: {text}");
        assert!(
            text.contains("templates/sop.html:0:0: warning: symbolic link to"),
            "{command}: {text}"
        );
    }
    let out = root.join("public");
    assert!(!read(&out, "bagian-umum/perencanaan/rkt/index.html").contains("DARI LUAR"));
    assert!(read(&out, "bagian-umum/index.html").contains("<h1>Bersama: Bagian Umum</h1>"));
}
