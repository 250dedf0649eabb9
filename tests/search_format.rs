//! lajur writes its search index itself, in Pagefind's format, so the
//! browser half of Pagefind must find in it exactly what Pagefind's own
//! indexer would have put there. These tests index the same records both
//! ways (lajur's writer and the `pagefind` crate's API) and compare what the
//! browser reads: every word with the pages, locations and weights it is
//! found at, the text and metadata of every result, the filters, and the
//! ranges of words each index chunk holds.

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use lajur::search::{self, Abbreviations, Record};
use lajur::{Options, OutputFile};
use minicbor::Decode;

#[derive(Decode)]
struct Meta {
    #[n(0)]
    version: String,
    #[n(1)]
    pages: Vec<MetaPage>,
    #[n(2)]
    chunks: Vec<Chunk>,
    #[n(3)]
    filters: Vec<NamedFile>,
    #[n(5)]
    meta_fields: Vec<String>,
}

#[derive(Decode)]
struct MetaPage {
    #[n(0)]
    hash: String,
    #[n(1)]
    word_count: u32,
    #[n(2)]
    group_hash: String,
}

#[derive(Decode)]
struct Chunk {
    #[n(0)]
    from: String,
    #[n(1)]
    to: String,
    #[n(2)]
    hash: String,
}

#[derive(Decode)]
struct NamedFile {
    #[n(0)]
    name: String,
    #[n(1)]
    hash: String,
}

#[derive(Decode)]
struct WordIndex {
    #[n(0)]
    words: Vec<Word>,
}

#[derive(Decode)]
struct Word {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<Page>,
    #[n(2)]
    variants: Vec<Variant>,
}

#[derive(Decode)]
struct Variant {
    #[n(0)]
    form: String,
    #[n(1)]
    pages: Vec<Page>,
}

#[derive(Decode)]
struct Page {
    #[n(0)]
    number: u32,
    #[n(1)]
    locs: Vec<i32>,
    #[n(2)]
    meta_locs: Vec<i32>,
}

#[derive(Decode)]
struct Filter {
    #[n(1)]
    values: Vec<FilterValue>,
}

#[derive(Decode)]
struct FilterValue {
    #[n(0)]
    value: String,
    #[n(1)]
    pages: Vec<u32>,
}

/// Where a word is on one page: (locations, metadata locations).
type Found = (Vec<i32>, Vec<i32>);

/// What the browser reads of a bundle, with pages named by URL so two
/// bundles compare whatever their file names.
#[derive(Debug, PartialEq)]
struct Readable {
    /// How many pages have their fragment in a group file.
    grouped: usize,
    version: String,
    meta_fields: Vec<String>,
    /// URL → (word count, fragment JSON).
    pages: BTreeMap<String, (u32, serde_json::Value)>,
    /// (from, to) of each chunk, in order.
    chunks: Vec<(String, String)>,
    /// word → variant form ("" for the plain word) → URL → locations.
    words: BTreeMap<String, BTreeMap<String, BTreeMap<String, Found>>>,
    /// filter → value → URLs.
    filters: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// A bundle's files by their path below the bundle folder.
fn by_name(files: Vec<(String, Vec<u8>)>) -> BTreeMap<String, Vec<u8>> {
    files.into_iter().collect()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out.strip_prefix(b"pagefind_dcd")
        .expect("Pagefind's marker")
        .to_vec()
}

fn read(files: &BTreeMap<String, Vec<u8>>) -> Readable {
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind-entry.json"]).expect("entry JSON");
    let (_, language) = entry["languages"]
        .as_object()
        .and_then(|l| l.iter().next())
        .expect("one language");
    let meta_hash = language["hash"].as_str().expect("hash");
    let meta: Meta = minicbor::decode(&gunzip(&files[&format!("pagefind.{meta_hash}.pf_meta")]))
        .expect("pf_meta");
    assert_eq!(
        language["page_count"].as_u64(),
        Some(meta.pages.len() as u64)
    );

    let mut urls = Vec::new();
    let mut pages = BTreeMap::new();
    let mut grouped = 0;
    for page in &meta.pages {
        let json: serde_json::Value = if page.group_hash.is_empty() {
            let fragment = &files[&format!("fragment/{}.pf_fragment", page.hash)];
            serde_json::from_slice(&gunzip(fragment)).expect("fragment")
        } else {
            grouped += 1;
            let group = &files[&format!("fragment/{}.pf_fragment", page.group_hash)];
            let group: serde_json::Value =
                serde_json::from_slice(&gunzip(group)).expect("fragment group");
            group[&page.hash].clone()
        };
        let url = json["url"].as_str().expect("url").to_string();
        urls.push(url.clone());
        pages.insert(url, (page.word_count, json));
    }

    let mut words: BTreeMap<String, BTreeMap<String, BTreeMap<String, Found>>> = BTreeMap::new();
    let by_url = |pages: Vec<Page>| -> BTreeMap<String, Found> {
        let mut number = 0;
        pages
            .into_iter()
            .map(|p| {
                number += p.number;
                (urls[number as usize].clone(), (p.locs, p.meta_locs))
            })
            .collect()
    };
    for chunk in &meta.chunks {
        let index: WordIndex =
            minicbor::decode(&gunzip(&files[&format!("index/{}.pf_index", chunk.hash)]))
                .expect("pf_index");
        for word in index.words {
            let forms = words.entry(word.word).or_default();
            forms.insert(String::new(), by_url(word.pages));
            for variant in word.variants {
                forms.insert(variant.form, by_url(variant.pages));
            }
        }
    }

    let mut filters = BTreeMap::new();
    for filter in &meta.filters {
        let index: Filter = minicbor::decode(&gunzip(
            &files[&format!("filter/{}.pf_filter", filter.hash)],
        ))
        .expect("pf_filter");
        let values = index
            .values
            .into_iter()
            .map(|v| {
                let pages = v.pages.iter().map(|&p| urls[p as usize].clone()).collect();
                (v.value, pages)
            })
            .collect();
        filters.insert(filter.name.clone(), values);
    }

    Readable {
        grouped,
        version: meta.version,
        meta_fields: meta.meta_fields,
        pages,
        chunks: meta
            .chunks
            .iter()
            .map(|c| (c.from.clone(), c.to.clone()))
            .collect(),
        words,
        filters,
    }
}

/// The records, indexed by Pagefind's own indexer.
fn pagefind_bundle(records: Vec<Record>, language: &str) -> BTreeMap<String, Vec<u8>> {
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio");
    let files = tokio.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder()
            .force_language(language.to_string())
            .max_fragments(search::MAX_FRAGMENTS as u32)
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options)).expect("index");
        for r in records {
            index
                .add_custom_record(
                    r.url,
                    r.content,
                    language.to_string(),
                    Some(r.meta),
                    Some(r.filters),
                    None,
                )
                .await
                .expect("add record");
        }
        index.get_files().await.expect("files")
    });
    by_name(
        files
            .into_iter()
            .map(|f| {
                let parts: Vec<String> = f
                    .filename
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                // Paths are below the bundle folder, or below the current
                // directory's pagefind/ in older versions.
                let at = parts
                    .iter()
                    .rposition(|p| p == "pagefind")
                    .map_or(0, |i| i + 1);
                (parts[at..].join("/"), f.contents)
            })
            .collect(),
    )
}

fn lajur_bundle(files: Vec<OutputFile>) -> BTreeMap<String, Vec<u8>> {
    by_name(
        files
            .into_iter()
            .map(|f| {
                let rel = f.path.strip_prefix("pagefind/").expect("under pagefind/");
                (rel.to_string(), f.bytes)
            })
            .collect(),
    )
}

fn load(root: &Path) -> lajur::model::Handbook {
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    let (handbook, _) = lajur::load_checked(&opts).expect("the handbook loads");
    handbook
}

/// Indexes the handbook at `root` both ways; returns the number of chunks
/// and of pages whose fragment is in a group.
fn compare(root: &Path) -> (usize, usize) {
    let handbook = load(root);
    let abbreviations = Abbreviations::new(&handbook.config.abbreviations);
    let records = handbook
        .sops
        .iter()
        .map(|sop| search::record(sop, &handbook, &abbreviations))
        .collect();
    let language = handbook.config.language.code();
    let theirs_files = pagefind_bundle(records, language);
    let ours_files = lajur_bundle(search::index_as_pagefind(&handbook).expect("index"));
    let theirs = read(&theirs_files);
    let ours = read(&ours_files);

    assert_eq!(ours.grouped, theirs.grouped);
    assert_eq!(ours.version, theirs.version);
    assert_eq!(ours.meta_fields, theirs.meta_fields);
    assert_eq!(ours.pages.len(), theirs.pages.len());
    let mut cut = 0;
    for (url, page) in &theirs.pages {
        let (word_count, fragment) = ours.pages.get(url).expect("the same pages");
        // lajur's one field of its own: the words excerpts are cut from,
        // the SOP's text before the index-only terms.
        let shown = fragment["shown_words"].as_u64().expect("shown_words") as usize;
        let words = fragment["content"]
            .as_str()
            .expect("text")
            .split(' ')
            .count();
        assert!(shown > 0 && shown <= words, "{url}: {shown} of {words}");
        cut += usize::from(shown < words);
        let mut fragment = fragment.clone();
        fragment
            .as_object_mut()
            .expect("an object")
            .remove("shown_words");
        assert_eq!(
            (*word_count, fragment),
            page.clone(),
            "the result shown for {url}"
        );
    }
    assert!(cut > 0, "no page had index-only terms after its own words");
    for (word, forms) in &theirs.words {
        assert_eq!(ours.words.get(word), Some(forms), "where {word:?} is found");
    }
    let extra: Vec<&String> = ours
        .words
        .keys()
        .filter(|w| !theirs.words.contains_key(*w))
        .collect();
    assert!(extra.is_empty(), "words only lajur indexes: {extra:?}");
    assert_eq!(ours.filters, theirs.filters);
    assert_eq!(ours.chunks, theirs.chunks);
    // The scripts and WebAssembly are Pagefind's own, byte for byte.
    for (name, bytes) in &theirs_files {
        let index_file = name.ends_with(".pf_meta")
            || ["fragment/", "index/", "filter/"]
                .iter()
                .any(|d| name.starts_with(d));
        if !index_file && name != "pagefind-entry.json" {
            assert!(
                ours_files.get(name) == Some(bytes),
                "{name} as Pagefind ships it"
            );
        }
    }
    let entry = |files: &BTreeMap<String, Vec<u8>>| {
        let mut entry: serde_json::Value =
            serde_json::from_slice(&files["pagefind-entry.json"]).expect("entry");
        entry["languages"][language]["hash"] = serde_json::Value::Null;
        entry
    };
    assert_eq!(entry(&ours_files), entry(&theirs_files));
    (ours.chunks.len(), ours.grouped)
}

#[test]
fn the_example_handbook_indexes_as_pagefind_would() {
    let (chunks, grouped) = compare(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(chunks > 0);
    assert_eq!(grouped, 0, "a small handbook has a fragment per page");
}

/// More synthetic SOPs than fragment files: enough words for many index
/// chunks, so the ranges the browser picks a chunk by are compared too, and
/// fragments written in groups.
#[test]
fn a_large_handbook_indexes_as_pagefind_would() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sops = search::MAX_FRAGMENTS + 100;
    synthetic::write_lajur(dir.path(), sops, 7).expect("write the handbook");
    let (chunks, grouped) = compare(dir.path());
    assert!(chunks > 5, "only {chunks} chunks");
    assert_eq!(grouped, sops, "every fragment in a group");
    compare_trimmed(dir.path());
}

/// The index lajur publishes trims the words on most pages to their
/// heaviest location per page: the same words on the same pages, with the
/// same results shown, only fewer locations.
fn compare_trimmed(root: &Path) {
    let handbook = load(root);
    let full = read(&lajur_bundle(
        search::index_as_pagefind(&handbook).expect("index"),
    ));
    let trimmed = read(&lajur_bundle(search::index(&handbook).expect("index")));
    assert_eq!(trimmed.pages, full.pages, "the results shown");
    assert_eq!(trimmed.filters, full.filters);
    let mut cut = 0;
    for (word, forms) in &full.words {
        let ours = trimmed.words.get(word).expect("every word kept");
        for (form, pages) in forms {
            let ours = &ours[form];
            assert_eq!(
                ours.keys().collect::<Vec<_>>(),
                pages.keys().collect::<Vec<_>>(),
                "the pages of {word:?}"
            );
            for (url, (locs, meta_locs)) in pages {
                let (kept, kept_meta) = &ours[url];
                assert_eq!(kept_meta, meta_locs);
                let (kept, all) = (locations(kept), locations(locs));
                assert!(kept.iter().all(|l| all.contains(l)), "{word:?} on {url}");
                if kept.len() < all.len() {
                    assert_eq!(kept.len(), 1, "{word:?} on {url}");
                    let heaviest = all.iter().map(|l| l.0).max();
                    assert_eq!(Some(kept[0].0), heaviest, "{word:?} on {url}");
                    cut += 1;
                }
            }
        }
    }
    assert!(cut > 1000, "only {cut} word locations trimmed");
}

/// Packed locations as (weight, position): `-(w + 1)` starts the group of
/// weight `w` with an absolute position, the rest are deltas.
fn locations(locs: &[i32]) -> Vec<(i32, i32)> {
    let (mut weight, mut position, mut starts) = (25, 0, false);
    let mut out = Vec::new();
    for &n in locs {
        if n < 0 {
            (weight, starts) = (-n - 1, true);
            continue;
        }
        position = if starts { n } else { position + n };
        starts = false;
        out.push((weight, position));
    }
    out
}

/// Words Pagefind splits, strips or keeps apart: parts, dots, diacritics,
/// capitals inside a word, weights, and text in an English handbook.
#[test]
fn tricky_words_index_as_pagefind_would() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("handbook.yaml", "title: Kata Sulit\n");
    write(
        "content/a.yaml",
        "nomor: 800/12.3-KEU/2024\n\
         nama: Penerbitan SP2D e-Government Sub-Bagian Café\n\
         pelaksana: [KaSubBag Keuangan, Petugas SIMDA]\n\
         dasar_hukum:\n\
         \x20 - Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara\n\
         \x20 - Permendagri No.77/2020\n\
         langkah:\n\
         \x20 - kegiatan: Memeriksa SPM/SPP-LS dan berkas sysconfig.is_python_build (café, crème, naïve) — lalu __PAGEFIND_x__\n\
         \x20   pelaksana: KaSubBag Keuangan\n\
         \x20 - kegiatan: Menerbitkan SP2D ke Bank    Kalsel; e‑mail ke BUD!\n\
         \x20   pelaksana: Petugas SIMDA\n",
    );
    assert!(compare(root).0 > 0);
}
