//! The files of a Pagefind 1.6 bundle, as its browser half reads them.
//!
//! Every index file is the marker `pagefind_dcd` and a CBOR document,
//! gzipped; the field numbers below are the ones Pagefind's decoder
//! expects. A fragment (one per page, fetched for a result) is JSON.

use std::collections::BTreeMap;
use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use minicbor::Encode;
use serde::Serialize;
use sha1::{Digest, Sha1};

/// `pagefind.<hash>.pf_meta` (in the bundle's folder): what the browser loads first.
#[derive(Encode)]
pub(super) struct MetaIndex {
    #[n(0)]
    pub version: String,
    #[n(1)]
    pub pages: Vec<MetaPage>,
    #[n(2)]
    pub index_chunks: Vec<MetaChunk>,
    #[n(3)]
    pub filters: Vec<MetaFilter>,
    #[n(4)]
    pub sorts: Vec<MetaSort>,
    #[n(5)]
    pub meta_fields: Vec<String>,
}

#[derive(Encode)]
pub(super) struct MetaPage {
    /// The fragment's name.
    #[n(0)]
    pub hash: String,
    #[n(1)]
    pub word_count: u32,
    /// Fragments are not grouped: always empty.
    #[n(2)]
    pub group_hash: String,
}

/// The chunk of the word index holding the words from `from` to `to`.
#[derive(Encode)]
pub(super) struct MetaChunk {
    #[n(0)]
    pub from: String,
    #[n(1)]
    pub to: String,
    #[n(2)]
    pub hash: String,
}

#[derive(Encode)]
pub(super) struct MetaFilter {
    #[n(0)]
    pub filter: String,
    #[n(1)]
    pub hash: String,
}

/// Unused (no sort keys), but part of the format.
#[derive(Encode)]
pub(super) struct MetaSort {
    #[n(0)]
    pub sort: String,
    #[n(1)]
    pub pages: Vec<u32>,
}

/// `pagefind/index/<hash>.pf_index`: a run of words in order.
#[derive(Encode)]
pub(super) struct WordIndex {
    #[n(0)]
    pub words: Vec<PackedWord>,
}

#[derive(Encode)]
pub(super) struct PackedWord {
    #[n(0)]
    pub word: String,
    /// Page numbers delta-coded: each is the distance from the one before.
    #[n(1)]
    pub pages: Vec<PackedPage>,
    #[n(2)]
    pub additional_variants: Vec<PackedVariant>,
}

/// The same word written with diacritics.
#[derive(Encode)]
pub(super) struct PackedVariant {
    #[n(0)]
    pub form: String,
    #[n(1)]
    pub pages: Vec<PackedPage>,
}

#[derive(Encode)]
pub(super) struct PackedPage {
    #[n(0)]
    pub page_number: u32,
    /// Positions in the page's text; see `super::locations::encode_locations`.
    #[n(1)]
    pub locs: Vec<i32>,
    /// Positions in the metadata fields.
    #[n(2)]
    pub meta_locs: Vec<i32>,
}

/// `pagefind/filter/<hash>.pf_filter`: the pages of each value of a filter.
#[derive(Encode)]
pub(super) struct FilterIndex {
    #[n(0)]
    pub filter: String,
    #[n(1)]
    pub values: Vec<FilterValue>,
}

#[derive(Encode)]
pub(super) struct FilterValue {
    #[n(0)]
    pub value: String,
    #[n(1)]
    pub pages: Vec<u32>,
}

/// `pagefind/fragment/<hash>.pf_fragment`: what a result shows of a page.
/// Field order matters: it is the JSON Pagefind writes.
#[derive(Serialize)]
pub(super) struct Fragment<'a> {
    pub url: &'a str,
    pub content: &'a str,
    pub word_count: usize,
    pub filters: &'a BTreeMap<String, Vec<String>>,
    pub meta: &'a BTreeMap<String, String>,
    /// Headings to jump to inside a page; an SOP result links to the page.
    pub anchors: [(); 0],
    /// lajur's own field, passed through by Pagefind's script: how many of
    /// the first words of `content` are the SOP's own text, which the
    /// search page cuts its excerpts from. The words after are the other
    /// forms of its terms (`search::Record::shown`).
    pub shown_words: usize,
}

/// The CBOR bytes of `value`.
pub(super) fn cbor<T: Encode<()>>(value: &T) -> Vec<u8> {
    minicbor::to_vec(value).expect("writing CBOR to memory cannot fail")
}

/// `bytes` with Pagefind's marker, gzipped. Level 6 rather than Pagefind's
/// 9: on this index the files are a few percent larger and made several
/// times faster.
pub(super) fn gzip(bytes: &[u8]) -> Vec<u8> {
    gzip_level(bytes, 6)
}

/// [`gzip`] at `level`, from 0 (stored) to 9 (smallest).
pub(super) fn gzip_level(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3 + 64),
        Compression::new(level),
    );
    gz.write_all(b"pagefind_dcd")
        .and_then(|()| gz.write_all(bytes))
        .expect("gzip to memory cannot fail");
    gz.finish().expect("gzip to memory cannot fail")
}

/// The SHA-1 of `bytes` in hexadecimal: files are named by their content,
/// so a browser may cache them for ever.
pub(super) fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha1::digest(bytes);
    let mut hex = String::with_capacity(40);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// Short names for hashed files: `<language>_<7 hex digits>`, longer only
/// when two files would share a name.
#[derive(Default)]
pub(super) struct Names(std::collections::HashMap<String, String>);

impl Names {
    /// The name of the file whose full hash is `hash`, and whether it is
    /// new: the same content gets the same name.
    pub fn name(&mut self, language: &str, hash: &str) -> (String, bool) {
        let mut len = 7;
        loop {
            let name = format!("{language}_{}", &hash[..len.min(hash.len())]);
            match self.0.get(&name) {
                Some(full) if full != hash && len < hash.len() => len += 1,
                Some(_) => return (name, false),
                None => {
                    self.0.insert(name.clone(), hash.to_string());
                    return (name, true);
                }
            }
        }
    }
}
