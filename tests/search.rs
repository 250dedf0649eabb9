//! The search index built from a small handbook: the Pagefind bundle lands in
//! pagefind/, and what the index reads of each SOP page carries the other
//! forms of its abbreviations.

mod support;

use std::path::Path;

use lajur::search::{self, Abbreviations};
use lajur::{Options, OutputFile};
use support::{unit, write};

/// Two SOPs: one that writes abbreviations, one that writes long forms.
fn fixture(extra_settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "handbook.yaml",
        format!("title: Uji Cari\n{extra_settings}"),
    );
    write(
        root,
        "content/keuangan/_index.md",
        unit("Sub Bagian Keuangan"),
    );
    write(
        root,
        "content/keuangan/sp2d.yaml",
        "nomor: SOP-01/KEU\n\
         nama: Penerbitan SP2D\n\
         pelaksana: [Kasubag Keuangan, BUD]\n\
         langkah:\n\
         \x20 - kegiatan: Kasubag memeriksa SPM dan kelengkapan SIMDA\n\
         \x20   pelaksana: Kasubag Keuangan\n\
         \x20 - kegiatan: Menerbitkan SP2D\n\
         \x20   pelaksana: BUD\n",
    );
    write(root, "content/umum/_index.md", unit("Bagian Umum"));
    write(
        root,
        "content/umum/atk.yaml",
        "nomor: SOP-02/UM\n\
         nama: Permintaan Alat Tulis Kantor\n\
         pelaksana: [Kepala Sub Bagian Umum, Pengurus Barang]\n\
         langkah:\n\
         \x20 - kegiatan: Mengajukan permintaan alat tulis kantor\n\
         \x20   pelaksana: Kepala Sub Bagian Umum\n\
         \x20 - kegiatan: Menyerahkan barang\n\
         \x20   pelaksana: Pengurus Barang\n",
    );
    dir
}

fn render(root: &Path) -> (lajur::pipeline::Linked, Vec<OutputFile>) {
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    match lajur::pipeline::render_in_memory(&opts) {
        Ok((linked, files)) => (linked, files),
        Err(e) => panic!("the fixture does not render: {e:?}"),
    }
}

/// The search page, as text.
fn search_page(files: &[OutputFile]) -> String {
    files
        .iter()
        .find(|f| f.path == "cari/index.html")
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .expect("the search page")
}

/// The index's entry file (languages, page counts), as text; empty if missing.
fn entry_file(index: &[OutputFile]) -> String {
    index
        .iter()
        .find(|f| f.path == "pagefind/pagefind-entry.json")
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default()
}

#[test]
fn the_index_lands_in_pagefind_with_its_script_and_one_index_per_language() {
    let dir = fixture("");
    let (linked, _) = render(dir.path());
    let index = search::index(&linked.handbook, &linked.routes).expect("index");
    let paths: Vec<&str> = index.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"pagefind/pagefind.js"), "{paths:?}");
    assert!(paths.contains(&"pagefind/pagefind-entry.json"), "{paths:?}");
    assert!(
        paths.iter().all(|p| p.starts_with("pagefind/")),
        "{paths:?}"
    );
    // Indonesian stemming: the index is the Indonesian one, and both SOPs are in it.
    let entry = entry_file(&index);
    assert!(entry.contains("\"id\""), "{entry}");
    assert!(entry.contains("\"page_count\":2"), "{entry}");
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("pagefind/index/") && p.ends_with(".pf_index"))
    );
    assert!(paths.iter().any(|p| p.starts_with("pagefind/fragment/")));
}

#[test]
fn an_english_handbook_gets_an_english_index() {
    let dir = fixture("language: en\n");
    let (linked, _) = render(dir.path());
    let index = search::index(&linked.handbook, &linked.routes).expect("index");
    let entry = entry_file(&index);
    assert!(entry.contains("\"en\""), "{entry}");
    assert!(!entry.contains("\"id\""), "{entry}");
}

#[test]
fn the_indexed_page_carries_expansions_meta_and_filters() {
    let dir = fixture("abbreviations:\n  SIMDA: Sistem Informasi Manajemen Daerah\n");
    let (linked, files) = render(dir.path());
    let handbook = &linked.handbook;
    let abbreviations = Abbreviations::new(&handbook.config.abbreviations);
    let i = handbook
        .sops
        .iter()
        .position(|s| s.nomor == "SOP-01/KEU")
        .expect("the SP2D SOP");
    let sop = &handbook.sops[i];
    let record = search::record(i, handbook, &linked.routes, &abbreviations);
    for expected in [
        "Surat Perintah Pencairan Dana",
        "Kepala Sub Bagian",
        "Kasubbag",
        "Bendahara Umum Daerah",
        "Surat Perintah Membayar",
        // From handbook.yaml.
        "Sistem Informasi Manajemen Daerah",
        // The page's own words.
        "Kasubag memeriksa SPM dan kelengkapan SIMDA",
    ] {
        assert!(
            record.content.contains(expected),
            "{expected} missing from the record: {}",
            record.content
        );
    }
    // A result shows the SOP's own words; the other forms only find it.
    let shown = &record.content[..record.shown];
    assert!(shown.contains("Kasubag memeriksa SPM dan kelengkapan SIMDA"));
    for index_only in ["Surat Perintah Pencairan Dana", "Sistem Informasi"] {
        assert!(!shown.contains(index_only), "{index_only} shown: {shown}");
    }
    assert_eq!(record.url, format!("/{}/", sop.path));
    assert_eq!(record.meta["nomor"], "SOP-01/KEU");
    assert_eq!(record.meta["title"], "Penerbitan SP2D");
    assert_eq!(record.filters["unit"], ["Sub Bagian Keuangan"]);
    assert!(record.filters["pelaksana"].contains(&"BUD".to_string()));
    // The reader's page is not touched: the terms are for the index only.
    let page = files
        .iter()
        .find(|f| f.path == format!("{}/index.html", sop.path))
        .expect("its page");
    let served = String::from_utf8_lossy(&page.bytes);
    assert!(!served.contains("Surat Perintah Pencairan Dana"));

    let atk = handbook
        .sops
        .iter()
        .position(|s| s.nomor == "SOP-02/UM")
        .expect("the ATK SOP");
    let record = search::record(atk, handbook, &linked.routes, &abbreviations);
    for expected in ["ATK", "Kasubbag", "Kasubag"] {
        assert!(
            record.content.contains(expected),
            "{expected} missing from the ATK record"
        );
    }
}

#[test]
fn pages_other_than_sops_are_left_out_of_the_index() {
    let dir = fixture("");
    let (linked, files) = render(dir.path());
    let index = search::index(&linked.handbook, &linked.routes).expect("index");
    let entry = entry_file(&index);
    // Two SOPs, although the site also has a front page, unit pages and 404.
    assert!(files.iter().filter(|f| f.path.ends_with(".html")).count() > 2);
    assert!(entry.contains("\"page_count\":2"), "{entry}");
}

#[test]
fn the_search_page_offers_every_unit_and_role_with_its_count() {
    let dir = fixture("");
    let (_, files) = render(dir.path());
    let page = search_page(&files);
    for option in [
        r#"<option value="Sub Bagian Keuangan">Sub Bagian Keuangan (1)</option>"#,
        r#"<option value="Bagian Umum">Bagian Umum (1)</option>"#,
        r#"<option value="BUD">BUD (1)</option>"#,
        r#"<option value="Pengurus Barang">Pengurus Barang (1)</option>"#,
    ] {
        assert!(
            page.contains(option),
            "{option} missing from the filter menus"
        );
    }
    // The menus are shown without waiting for the index.
    assert!(!page.contains(r#"class="search-filters" hidden"#));
}

#[test]
fn an_english_search_page_counts_one_sop_in_the_singular() {
    let dir = fixture("language: en\n");
    let (_, files) = render(dir.path());
    let page = search_page(&files);
    assert!(
        page.contains(r#"data-t-count="{n} SOPs found for"#),
        "{page}"
    );
    assert!(
        page.contains(r#"data-t-count-one="1 SOP found for"#),
        "{page}"
    );
}
