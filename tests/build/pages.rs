//! The pages a build writes: each at its URL, the SOP page's form, links
//! under base_url and to written files, drafts, the 404 page, roles.

use std::fs;

use crate::handbook::{HANDBOOK, handbook};
use crate::support::lajur_in;
use crate::{build, links, read, snapshot, write};

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
    let (code, text) = lajur_in(
        dir.path(),
        &[
            "build",
            "--output",
            &out.to_string_lossy(),
            "--base-url",
            "/sop/",
        ],
    );
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
    let draft_page = dir
        .path()
        .join("public/bagian-umum/perencanaan/draf/index.html");

    let (code, text) = lajur_in(dir.path(), &["build"]);
    assert_eq!(code, 0, "{text}");
    assert!(!draft_page.exists());
    let unit = read(
        &dir.path().join("public"),
        "bagian-umum/perencanaan/index.html",
    );
    assert!(!unit.contains("SOP-099/Setda"));
    assert!(!read(&dir.path().join("public"), "sitemap.xml").contains("draf"));

    let (code, text) = lajur_in(dir.path(), &["build", "--drafts"]);
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
