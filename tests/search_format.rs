//! lajur writes its search index itself, in Pagefind's format, so the
//! browser half of Pagefind must find in it exactly what Pagefind's own
//! indexer would have put there. These tests index the same records both
//! ways (lajur's writer and the `pagefind` crate's API) and compare the two
//! bundles whole, as generic CBOR and JSON, not through lajur's own
//! structs: every file name in the metadata is replaced by that file's
//! decoded content, and the two trees must be equal field for field, so a
//! field Pagefind writes that lajur does not (or one lajur adds) fails the
//! test. The one field lajur adds, `shown_words` in each fragment, is
//! allowed by name and checked. Files nothing refers to (pagefind.js, its
//! worker and WebAssembly) must be Pagefind's, byte for byte.

mod support;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use ciborium::Value;
use lajur::search::pagefind::NOT_SERVED;
use lajur::search::{self, Abbreviations, Record};
use lajur::{Options, OutputFile};
use support::synthetic;

/// A bundle's files by their path below the bundle folder.
type Files = BTreeMap<String, Vec<u8>>;

/// lajur's one field of its own in a fragment: how many of the first words
/// of `content` are the SOP's own text, which excerpts are cut from.
const LAJUR_FIELD: &str = "shown_words";

fn by_name(files: Vec<(String, Vec<u8>)>) -> Files {
    files.into_iter().collect()
}

/// The bytes of an index file: gzipped, behind Pagefind's marker.
fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out.strip_prefix(b"pagefind_dcd")
        .expect("Pagefind's marker")
        .to_vec()
}

/// An index file as generic CBOR.
fn cbor(bytes: &[u8]) -> Value {
    ciborium::from_reader(gunzip(bytes).as_slice()).expect("CBOR")
}

/// The fields of a CBOR record (Pagefind writes its structs as arrays).
fn fields<'a>(value: &'a mut Value, what: &str) -> &'a mut Vec<Value> {
    value
        .as_array_mut()
        .unwrap_or_else(|| panic!("{what} is not an array"))
}

fn text(value: &Value) -> &str {
    value.as_text().expect("text")
}

fn int(value: &Value) -> i128 {
    value.as_integer().expect("an integer").into()
}

/// A bundle as one generic tree, and what is not in it.
struct Bundle {
    /// The entry file, without the name of the metadata file.
    entry: serde_json::Value,
    /// The metadata (`pf_meta`), every file name in it replaced by that
    /// file's content: a fragment by its JSON (with its name gone, and a
    /// group's name by "group"), a chunk of the word index and a filter by
    /// their CBOR.
    meta: Value,
    /// The files the metadata does not name: Pagefind's scripts.
    rest: Files,
    /// How many fragments are in a group file.
    grouped: usize,
    /// How many fragments have index-only words after the SOP's own text.
    cut: usize,
}

/// Reads a bundle; `ours` allows (and checks, and removes) lajur's field.
fn resolve(mut files: Files, ours: bool) -> Bundle {
    let mut entry: serde_json::Value =
        serde_json::from_slice(&files.remove("pagefind-entry.json").expect("an entry file"))
            .expect("entry JSON");
    let languages = entry["languages"].as_object_mut().expect("languages");
    assert_eq!(languages.len(), 1, "one language");
    let language = languages.values_mut().next().expect("one language");
    let meta_hash = language["hash"].as_str().expect("hash").to_string();
    language["hash"] = serde_json::Value::Null;
    let page_count = language["page_count"].as_u64().expect("page_count");

    let mut take = |name: String| files.remove(&name).unwrap_or_else(|| panic!("no {name}"));
    let mut meta = cbor(&take(format!("pagefind.{meta_hash}.pf_meta")));
    let meta_fields = fields(&mut meta, "pf_meta");

    let (mut grouped, mut cut) = (0, 0);
    let mut groups: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let pages = fields(&mut meta_fields[1], "pages");
    assert_eq!(pages.len() as u64, page_count);
    for page in pages.iter_mut() {
        let page = fields(page, "a page");
        let (name, group) = (text(&page[0]).to_string(), text(&page[2]).to_string());
        let mut fragment: serde_json::Value = if group.is_empty() {
            let bytes = take(format!("fragment/{name}.pf_fragment"));
            serde_json::from_slice(&gunzip(&bytes)).expect("fragment")
        } else {
            grouped += 1;
            let file = groups.entry(group.clone()).or_insert_with(|| {
                let bytes = take(format!("fragment/{group}.pf_fragment"));
                serde_json::from_slice(&gunzip(&bytes)).expect("fragment group")
            });
            file.as_object_mut()
                .and_then(|g| g.remove(&name))
                .unwrap_or_else(|| panic!("{name} in its group"))
        };
        if ours {
            let object = fragment.as_object_mut().expect("a fragment object");
            let shown = object
                .remove(LAJUR_FIELD)
                .and_then(|v| v.as_u64())
                .expect("shown_words") as usize;
            let words = object["content"].as_str().expect("text").split(' ').count();
            assert!(shown > 0 && shown <= words, "{shown} of {words} words");
            cut += usize::from(shown < words);
        }
        page[0] = Value::serialized(&fragment).expect("JSON as CBOR");
        page[2] = Value::Text(if group.is_empty() { "" } else { "group" }.into());
    }
    for (group, rest) in groups {
        let left = rest.as_object().map_or(0, |g| g.len());
        assert_eq!(left, 0, "fragments of {group} no page names");
    }
    for chunk in fields(&mut meta_fields[2], "chunks") {
        let chunk = fields(chunk, "a chunk");
        let name = text(&chunk[2]).to_string();
        chunk[2] = cbor(&take(format!("index/{name}.pf_index")));
    }
    for filter in fields(&mut meta_fields[3], "filters") {
        let filter = fields(filter, "a filter");
        let name = text(&filter[1]).to_string();
        filter[1] = cbor(&take(format!("filter/{name}.pf_filter")));
    }
    Bundle {
        entry,
        meta,
        rest: files,
        grouped,
        cut,
    }
}

/// Where two generic trees first differ, as a path of indices and keys.
fn difference(at: &str, ours: &Value, theirs: &Value) -> Option<String> {
    match (ours, theirs) {
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!(
                    "{at}: {} fields or items, Pagefind {}",
                    a.len(),
                    b.len()
                ));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (a, b))| difference(&format!("{at}[{i}]"), a, b))
        }
        (Value::Map(a), Value::Map(b)) => {
            let keys = |m: &Vec<(Value, Value)>| -> Vec<String> {
                m.iter().map(|(k, _)| format!("{k:?}")).collect()
            };
            if keys(a) != keys(b) {
                return Some(format!("{at}: keys {:?}, Pagefind {:?}", keys(a), keys(b)));
            }
            a.iter().zip(b).find_map(|((k, a), (_, b))| {
                difference(&format!("{at}.{}", k.as_text().unwrap_or("?")), a, b)
            })
        }
        _ if ours == theirs => None,
        _ => Some(format!("{at}: {ours:?}, Pagefind {theirs:?}")),
    }
}

/// The words of a resolved bundle: word → form ("" for the word itself) →
/// page number → (locations, metadata locations).
type Words = BTreeMap<String, BTreeMap<String, BTreeMap<i128, (Vec<i128>, Vec<i128>)>>>;

fn words(meta: &Value) -> Words {
    let pages = |pages: &Value| {
        let mut number = 0;
        pages
            .as_array()
            .expect("pages")
            .iter()
            .map(|page| {
                let page = page.as_array().expect("a page");
                number += int(&page[0]);
                let locs = |v: &Value| v.as_array().expect("locations").iter().map(int).collect();
                (number, (locs(&page[1]), locs(&page[2])))
            })
            .collect()
    };
    let mut out = Words::new();
    for chunk in meta.as_array().expect("pf_meta")[2]
        .as_array()
        .expect("chunks")
    {
        let index = &chunk.as_array().expect("a chunk")[2];
        for word in index.as_array().expect("pf_index")[0]
            .as_array()
            .expect("words")
        {
            let word = word.as_array().expect("a word");
            let forms = out.entry(text(&word[0]).to_string()).or_default();
            forms.insert(String::new(), pages(&word[1]));
            for variant in word[2].as_array().expect("variants") {
                let variant = variant.as_array().expect("a variant");
                forms.insert(text(&variant[0]).to_string(), pages(&variant[1]));
            }
        }
    }
    out
}

/// The records, indexed by Pagefind's own indexer.
fn pagefind_bundle(records: Vec<Record>, language: &str) -> Files {
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

fn lajur_bundle(files: Vec<OutputFile>) -> Files {
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

fn load(root: &Path) -> lajur::pipeline::Linked {
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    let cache = &mut lajur::source::SourceCache::disabled();
    let loaded = lajur::pipeline::load(&opts, cache).expect("the handbook loads");
    lajur::pipeline::link(loaded).expect("the handbook links")
}

/// Indexes the handbook at `root` both ways; returns the number of chunks
/// and of pages whose fragment is in a group.
fn compare(root: &Path) -> (usize, usize) {
    let linked = load(root);
    let (handbook, routes) = (&linked.handbook, &linked.routes);
    let abbreviations = Abbreviations::new(&handbook.config.abbreviations);
    let records = (0..handbook.sops.len())
        .map(|i| search::record(i, handbook, routes, &abbreviations))
        .collect();
    let language = handbook.config.language.code();
    let theirs = resolve(pagefind_bundle(records, language), false);
    let ours = resolve(
        lajur_bundle(search::index_as_pagefind(handbook, routes).expect("index")),
        true,
    );

    assert_eq!(ours.entry, theirs.entry, "the entry file");
    if let Some(at) = difference("pf_meta", &ours.meta, &theirs.meta) {
        panic!("lajur's bundle differs from Pagefind's at {at}");
    }
    assert_eq!(ours.grouped, theirs.grouped);
    assert!(
        ours.cut > 0,
        "no page had index-only terms after its own words"
    );
    // The scripts and WebAssembly are Pagefind's own, byte for byte, and
    // nothing else is left over; only Pagefind's ready-made UIs, which
    // lajur's pages do not load, are left out.
    let expected: Vec<&String> = theirs
        .rest
        .keys()
        .filter(|name| !NOT_SERVED.contains(&name.as_str()))
        .collect();
    assert_eq!(
        ours.rest.keys().collect::<Vec<_>>(),
        expected,
        "files the metadata does not name"
    );
    assert_eq!(
        theirs.rest.len() - expected.len(),
        NOT_SERVED.len(),
        "Pagefind no longer writes every file lajur leaves out"
    );
    for name in expected {
        assert!(
            ours.rest[name] == theirs.rest[name],
            "{name} as Pagefind ships it"
        );
    }
    let chunks = ours.meta.as_array().expect("pf_meta")[2]
        .as_array()
        .expect("chunks")
        .len();
    (chunks, ours.grouped)
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
    let linked = load(root);
    let (handbook, routes) = (&linked.handbook, &linked.routes);
    let full = resolve(
        lajur_bundle(search::index_as_pagefind(handbook, routes).expect("index")),
        true,
    );
    let trimmed = resolve(
        lajur_bundle(search::index(handbook, routes).expect("index")),
        true,
    );
    let part = |b: &Bundle, i: usize| b.meta.as_array().expect("pf_meta")[i].clone();
    assert_eq!(part(&trimmed, 1), part(&full, 1), "the results shown");
    assert_eq!(part(&trimmed, 3), part(&full, 3), "the filters");
    let (full, trimmed) = (words(&full.meta), words(&trimmed.meta));
    let mut cut = 0;
    for (word, forms) in &full {
        let ours = trimmed.get(word).expect("every word kept");
        for (form, pages) in forms {
            let ours = &ours[form];
            assert_eq!(
                ours.keys().collect::<Vec<_>>(),
                pages.keys().collect::<Vec<_>>(),
                "the pages of {word:?}"
            );
            for (page, (locs, meta_locs)) in pages {
                let (kept, kept_meta) = &ours[page];
                assert_eq!(kept_meta, meta_locs);
                let (kept, all) = (locations(kept), locations(locs));
                assert!(kept.iter().all(|l| all.contains(l)), "{word:?} on {page}");
                if kept.len() < all.len() {
                    assert_eq!(kept.len(), 1, "{word:?} on {page}");
                    let heaviest = all.iter().map(|l| l.0).max();
                    assert_eq!(Some(kept[0].0), heaviest, "{word:?} on {page}");
                    cut += 1;
                }
            }
        }
    }
    assert!(cut > 1000, "only {cut} word locations trimmed");
}

/// Packed locations as (weight, position): `-(w + 1)` starts the group of
/// weight `w` with an absolute position, the rest are deltas.
fn locations(locs: &[i128]) -> Vec<(i128, i128)> {
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
    let dir = support::handbook(&[
        ("handbook.yaml", "title: Kata Sulit\n"),
        (
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
        ),
    ]);
    assert!(compare(dir.path()).0 > 0);
}

/// An English handbook: its own stemmer's WebAssembly (vendored apart from
/// the Indonesian one) and its entry file are Pagefind's too.
#[test]
fn an_english_handbook_indexes_as_pagefind_would() {
    let dir = support::handbook(&[
        ("handbook.yaml", "title: Procedures\nlanguage: en\n"),
        (
            "content/a.yaml",
            "nomor: 1/2024\n\
         nama: Issuing payment orders\n\
         pelaksana: [Treasurer]\n\
         dasar_hukum: [Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara]\n\
         langkah:\n\
         \x20 - kegiatan: Checks the running payments and issues the order\n\
         \x20   pelaksana: Treasurer\n",
        ),
    ]);
    let root = dir.path();
    let linked = load(root);
    assert_eq!(linked.handbook.config.language.code(), "en");
    assert!(compare(root).0 > 0);
}

/// The comparison sees what lajur's own structs would skip: a field
/// Pagefind writes and lajur does not, a key only one side has, a value
/// that differs deep inside.
#[test]
fn an_unknown_field_is_a_difference() {
    let page = |fields: Vec<Value>| Value::Array(vec![Value::Array(fields)]);
    let ours = page(vec![Value::Text("en_1".into()), Value::Integer(3.into())]);
    let mut theirs_fields = vec![Value::Text("en_1".into()), Value::Integer(3.into())];
    assert_eq!(
        difference("pf_meta", &ours, &page(theirs_fields.clone())),
        None
    );
    theirs_fields.push(Value::Bool(true));
    let found = difference("pf_meta", &ours, &page(theirs_fields)).expect("a difference");
    assert!(found.starts_with("pf_meta[0]: 2 fields"), "{found}");

    let map = |keys: &[&str]| {
        Value::Map(
            keys.iter()
                .map(|k| (Value::Text(k.to_string()), Value::Null))
                .collect(),
        )
    };
    let found = difference("f", &map(&["url"]), &map(&["url", "sort"])).expect("a key");
    assert!(found.contains("sort"), "{found}");
    let found = difference(
        "f",
        &Value::Array(vec![Value::Integer(1.into())]),
        &Value::Array(vec![Value::Integer(2.into())]),
    )
    .expect("a value");
    assert!(found.starts_with("f[0]:"), "{found}");
}
