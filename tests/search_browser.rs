//! Search in a real browser: the example handbook is built under the base_url
//! subpath /sop/, served on a free localhost port, and the real /sop/cari/?q=
//! page is loaded in headless Chromium for each query of a relevance set.
//! A query passes when the SOP a reader means is among the first 3 results.
//!
//! Skipped (loudly) where Chromium is not installed; .ci/run installs it.

mod support;

use std::path::{Path, PathBuf};

use support::{Site, query_param, result_list, result_urls, search_page, tool};

/// (what the reader types, what it tests, the SOP page it should find: its path under the site).
const RELEVANCE: &[(&str, &str, &str)] = &[
    // Abbreviations, as typed, in any case.
    (
        "SP2D",
        "abbreviation",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    (
        "spm",
        "abbreviation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/penerbitan-spm/",
    ),
    (
        "SPP UP",
        "abbreviation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/pengajuan-spp-up/",
    ),
    (
        "ATK",
        "abbreviation",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
    (
        "RKT",
        "abbreviation",
        "setda-banjarbaru/bagian-umum/perencanaan/penyusunan-rkt/",
    ),
    (
        "LAKIP",
        "abbreviation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/laporan-kinerja/",
    ),
    (
        "kasubag TU",
        "abbreviation",
        "setda-banjarbaru/bagian-umum/tata-usaha/surat-keluar/",
    ),
    (
        "kasubag umpeg",
        "abbreviation",
        "bpkpad-balangan/sekretariat/umum-kepegawaian/cuti-pegawai/",
    ),
    (
        "kuasa BUD",
        "abbreviation",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    (
        "renja",
        "abbreviation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/rencana-kerja-tahunan/",
    ),
    // Long forms of what the SOP abbreviates, and the reverse.
    (
        "surat perintah pencairan dana",
        "long form",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    (
        "alat tulis kantor",
        "long form",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
    (
        "kepala sub bagian tata usaha surat keluar",
        "long form",
        "setda-banjarbaru/bagian-umum/tata-usaha/surat-keluar/",
    ),
    (
        "surat permintaan pembayaran uang persediaan",
        "long form",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/pengajuan-spp-up/",
    ),
    (
        "laporan kinerja instansi pemerintah",
        "long form",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/laporan-kinerja/",
    ),
    (
        "sekretaris daerah surat masuk",
        "long form",
        "setda-banjarbaru/bagian-umum/tata-usaha/surat-masuk/",
    ),
    // Other forms of a word (stemming and its repairs).
    (
        "mencairkan dana",
        "stem",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    (
        "memeriksa sisa hak",
        "stem",
        "bpkpad-balangan/sekretariat/umum-kepegawaian/cuti-pegawai/",
    ),
    (
        "arsip surat",
        "stem",
        "setda-banjarbaru/bagian-umum/tata-usaha/surat-masuk/",
    ),
    (
        "menyalurkan alat tulis",
        "stem",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
    (
        "mengajukan cuti",
        "stem",
        "bpkpad-balangan/sekretariat/umum-kepegawaian/cuti-pegawai/",
    ),
    (
        "menyusun rencana kerja tahunan",
        "stem",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/rencana-kerja-tahunan/",
    ),
    (
        "pengadaan",
        "stem",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
    (
        "terbit sp2d",
        "stem",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    // Citations, however written in the query and in the SOP.
    (
        "UU 43/2009",
        "citation",
        "setda-banjarbaru/bagian-umum/tata-usaha/surat-masuk/",
    ),
    (
        "uu 25 2004",
        "citation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/rencana-kerja-tahunan/",
    ),
    (
        "Peraturan Presiden Nomor 29 Tahun 2014",
        "citation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/laporan-kinerja/",
    ),
    (
        "Perpres 16/2018",
        "citation",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
    (
        "PP 11/2017",
        "citation",
        "bpkpad-balangan/sekretariat/umum-kepegawaian/cuti-pegawai/",
    ),
    (
        "Undang-Undang Nomor 1 Tahun 2004",
        "citation",
        "bpkpad-balangan/sekretariat/perencanaan-keuangan/pengajuan-spp-up/",
    ),
    (
        "UU 17/2003 SP2D",
        "citation",
        "bpkpad-balangan/perbendaharaan/penerbitan-sp2d/",
    ),
    // By nomor.
    (
        "SOP-080",
        "nomor",
        "setda-banjarbaru/bagian-umum/rumah-tangga/permintaan-atk/",
    ),
];

const BASE: &str = "/sop/";

/// The result URLs the search page shows for `query`, in order.
fn results(chromium: &Path, profile: &Path, site: &Site, query: &str) -> Vec<String> {
    result_urls(&page(chromium, profile, site, query))
}

/// The search page for `query`, as its DOM.
fn page(chromium: &Path, profile: &Path, site: &Site, query: &str) -> String {
    let url = site.url(&format!("{BASE}cari/?q={}", query_param(query)));
    search_page(chromium, profile, &url)
}

#[test]
fn the_relevance_set_finds_each_sop_in_the_top_3_under_a_subpath() {
    let Some(chromium) = tool("chromium") else {
        support::skipped(
            "chromium",
            "chromium not installed (search_browser needs it; .ci/run installs it)",
        );
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let opts = lajur::Options {
        root: root.clone(),
        base_url: Some(BASE.to_string()),
        ..lajur::Options::default()
    };
    let started = std::time::Instant::now();
    if let Err(e) = lajur::build(&opts, Some(site.join(BASE.trim_matches('/')))) {
        panic!("the example handbook does not build: {e:?}");
    }
    eprintln!("built the example handbook in {:?}", started.elapsed());
    let site = Site::serve(site);
    let profile = tmp.path().join("profile");

    assert!(RELEVANCE.len() >= 25);
    let mut misses = Vec::new();
    let mut hits = 0;
    for (query, kind, expected) in RELEVANCE {
        let found = results(&chromium, &profile, &site, query);
        let want = format!("{BASE}{expected}");
        let rank = found.iter().position(|u| *u == want);
        match rank {
            Some(r) if r < 3 => hits += 1,
            _ => misses.push(format!(
                "  {query:?} ({kind}): wanted {want} at rank {}, got {:?}",
                rank.map_or("none".to_string(), |r| (r + 1).to_string()),
                &found[..found.len().min(5)]
            )),
        }
    }
    let total = RELEVANCE.len();
    eprintln!(
        "search relevance: success@3 = {hits}/{total} ({:.0}%)",
        100.0 * hits as f64 / total as f64
    );
    assert!(
        misses.is_empty(),
        "queries that missed the top 3:\n{}",
        misses.join("\n")
    );

    // An excerpt is cut from the SOP's own words, around its citation of the
    // law with words of the query marked; never from the other forms the
    // index holds only to find it ("UU 17 2003", "uu-no-17-tahun-2003").
    let dom = page(&chromium, &profile, &site, "UU 17/2003");
    let list = result_list(&dom);
    let excerpts: Vec<&str> = list
        .split("class=\"search-result__excerpt\">")
        .skip(1)
        .map(|e| e.split("</p>").next().unwrap_or(""))
        .collect();
    assert!(excerpts.len() >= 3, "results for UU 17/2003: {list}");
    for excerpt in excerpts {
        assert!(
            excerpt.contains("<mark>") && excerpt.contains("17") && excerpt.contains("2003"),
            "not the citation, marked: {excerpt}"
        );
        for index_only in ["uu-no-17-tahun-2003", "UU 17 2003"] {
            assert!(!excerpt.contains(index_only), "{index_only} in {excerpt}");
        }
    }
    // An SOP found by an abbreviation has the long form in its text marked.
    let dom = page(&chromium, &profile, &site, "kasubag umpeg");
    let list = result_list(&dom);
    let long_form = "<mark>Kepala</mark> <mark>Sub</mark> <mark>Bagian</mark> <mark>Umum</mark>";
    assert!(
        list.contains(long_form),
        "the long form of kasubag umpeg is not marked: {list}"
    );
}
