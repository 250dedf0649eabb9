//! What one search costs a reader on a large handbook: 10,000 synthetic SOPs
//! (the generator of `scripts/bench.sh`) are built and served the way a web
//! server publishes a site (text gzipped, Pagefind's files as they are), and
//! each query of a set is run in headless Chromium from a cold cache, on the
//! real /cari/?q= page. Every byte the server sends for it counts: the page,
//! its CSS and script, Pagefind's script and WebAssembly, the index metadata,
//! the index chunks of the words and the fragments of the results shown.
//! Each query must stay under 300 KB.
//!
//! Skipped (loudly) where Chromium is not installed; .ci/run installs it.

mod support;

use std::path::Path;

use support::{Site, dump_dom, query_param, synthetic, tool};

const SOPS: usize = 10_000;
/// The seed `examples/gen_handbook.rs` uses, so the figures match
/// docs/performance.md.
const SEED: u64 = 35_2012;
const BUDGET: usize = 300 * 1024;

/// What the server sent: each path asked for and the bytes of its body.
type Sent = Vec<(String, usize)>;

/// What readers type: abbreviations, long forms, citations both ways, words
/// found on most pages, a question, and typos (each typo sends the page to
/// the vocabulary's shards and its corrections' index chunks).
const QUERIES: &[&str] = &[
    "Kasi",
    "kabid sekretariat",
    "ATK",
    "SIPD laporan",
    "kepala dinas keuangan",
    "pengadaan barang dan jasa",
    "arsip surat masuk",
    "Permendagri 4/2003",
    "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2003",
    "UU 9/2017",
    "Undang-Undang Nomor 9 Tahun 2017 tentang Pelayanan Publik",
    "bagaimana cara mengarsipkan surat masuk",
    "laporan keuagan",
    "rekomendasi tekins izin usaha",
];

/// The queries of QUERIES with a typo: their cost must include correcting it.
const TYPOS: &[&str] = &["laporan keuagan", "rekomendasi tekins izin usaha"];

#[test]
fn one_query_on_10000_sops_transfers_under_300_kb() {
    let Some(chromium) = tool("chromium") else {
        support::skipped(
            "chromium",
            "chromium not installed (the search budget test needs it; .ci/run installs it)",
        );
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("handbook");
    synthetic::write_lajur(&root, SOPS, SEED).expect("write the handbook");
    let site = tmp.path().join("site");
    let opts = lajur::Options {
        root,
        ..lajur::Options::default()
    };
    if let Err(e) = lajur::build(&opts, Some(site.clone())) {
        panic!("the synthetic handbook does not build: {e:?}");
    }
    // Queries run side by side, each in its own browser talking to its own
    // server, so every byte is counted for the query that asked for it.
    let measured: Vec<(&str, usize, Sent)> = std::thread::scope(|scope| {
        let mut measured = Vec::new();
        for batch in QUERIES.chunks(4) {
            let running: Vec<_> = batch
                .iter()
                .map(|&query| {
                    let (chromium, site) = (&chromium, &site);
                    let profile = tmp.path().join(format!("profile-{}", query_param(query)));
                    scope.spawn(move || {
                        let server = Site::serve(site.clone());
                        let (shown, sent) = run(chromium, &profile, &server, query);
                        (query, shown, sent)
                    })
                })
                .collect();
            measured.extend(running.into_iter().map(|r| r.join().expect("query thread")));
        }
        measured
    });

    let mut over = Vec::new();
    for (query, shown, sent) in measured {
        let total: usize = sent.iter().map(|(_, bytes)| bytes).sum();
        let part = |pred: &dyn Fn(&str) -> bool| -> (usize, usize) {
            sent.iter()
                .filter(|(path, _)| pred(path))
                .fold((0, 0), |(n, sum), (_, bytes)| (n + 1, sum + bytes))
        };
        let (chunks, chunk_bytes) = part(&|p| p.ends_with(".pf_index"));
        let (fragments, fragment_bytes) = part(&|p| p.ends_with(".pf_fragment"));
        eprintln!(
            "{query:?}: {shown} results shown, {total} B in {} files \
             ({chunks} index chunks {chunk_bytes} B, {fragments} fragment files {fragment_bytes} B)",
            sent.len()
        );
        // A query that finds nothing loads no fragments: it would not
        // measure what a reader pays.
        assert!(shown > 0, "{query:?} found nothing on {SOPS} SOPs");
        if TYPOS.contains(&query) {
            assert!(
                sent.iter().any(|(path, _)| path.ends_with(".kata")),
                "{query:?} was not corrected from the vocabulary: {sent:?}"
            );
        }
        if total >= BUDGET {
            over.push(format!("  {query:?}: {total} B: {sent:?}"));
        }
    }
    assert!(
        over.is_empty(),
        "queries over {BUDGET} B:\n{}",
        over.join("\n")
    );
}

/// Runs `query` on the search page with a fresh profile (nothing cached);
/// returns the number of results shown and what the server sent for it.
fn run(chromium: &Path, profile: &Path, site: &Site, query: &str) -> (usize, Sent) {
    let url = site.url(&format!("/cari/?q={}", query_param(query)));
    // A cold browser may give up on the page before its results are shown:
    // try again, from a new profile so the cache stays empty.
    for attempt in 0..3 {
        site.take_log();
        let dom = dump_dom(chromium, &profile.join(attempt.to_string()), &url);
        if dom.contains("data-state=\"done\"") {
            let shown = dom.matches("class=\"sop-item search-result\"").count();
            return (shown, site.take_log());
        }
    }
    panic!("the search page never finished for {query:?}");
}
