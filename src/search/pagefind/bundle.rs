//! Writes the search index as a Pagefind bundle, page by page.
//!
//! Pagefind's own indexer (the `pagefind` crate's API) takes one record at a
//! time behind a lock, keeps a struct per word occurrence of the whole site
//! until the end, then gzips every file at the highest level: at ten
//! thousand SOPs that was 9 seconds and 1.5 GiB, most of a build. This
//! writer reads records in parallel, batch by batch, writes each page's
//! fragment as soon as it is read, and keeps only the packed locations of
//! each word (see `postings`). The browser half (pagefind.js and its
//! WebAssembly) is Pagefind's own, vendored unchanged, and reads these files
//! as its own: `tests/search_format.rs` indexes the same records with
//! Pagefind and checks that both bundles hold the same words, pages,
//! locations and fragments.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::Language;
use crate::output::{OutputError, OutputFile, Sink};
use crate::search::SearchError;

use super::format::{
    FilterIndex, FilterValue, Fragment, MetaChunk, MetaFilter, MetaIndex, MetaPage, Names,
    WordIndex,
};
use super::page::{PageText, PageWords, read_page};
use super::postings::{Postings, Trim};
use super::words::Words;

use super::{PAGEFIND_VERSION, Record, format, postings, runtime};

/// Past this many pages, fragments are written in groups, so the bundle
/// has about this many fragment files. Every file is an inode to allocate:
/// at ten thousand SOPs one per page made a quarter of the files of the
/// site. A result then loads its group instead of its fragment: at 10,000
/// SOPs groups of 5 (2.4 KB) rather than Pagefind's default 1,000 files and
/// groups of 10, which made the fragments of ten results 47 KB of a query.
pub const MAX_FRAGMENTS: usize = 2000;

/// Pagefind's chunk size: a chunk of the word index ends once it holds
/// about this many locations.
const CHUNK_SIZE: usize = 20_000;
/// The chunk size of a trimmed index: a word a query names comes with fewer
/// neighbours (at 10,000 SOPs, a five-word query downloaded 121 KB of
/// chunks at 20,000, 67 KB at 10,000; there are 281 chunks instead of 218).
const TRIMMED_CHUNK_SIZE: usize = 10_000;

/// A word is trimmed (see [`Trim`]) when it is on an eighth of the pages
/// and on at least this many: below, its chunk stays under 20 KB anyway.
const TRIM_MIN_PAGES: usize = 1000;
/// The locations a trimmed word keeps on each page: its heaviest, so a page
/// with the word in its title still ranks first. At 10,000 SOPs the largest
/// chunk went from 142 KB (every location) to 50 KB (three) and 32 KB (one).
const TRIM_LOCATIONS: usize = 1;

/// Records are read in batches of this many: while one batch is read, in
/// parallel, the batch before it is added to the index and its fragments
/// written, so the one step that takes pages in order keeps no core idle.
const BATCH: usize = 512;

/// A bundle being written: records go in with [`Bundle::add`], in the order
/// the pages should have; [`Bundle::finish`] writes the rest.
pub struct Bundle<'a> {
    /// What reading a record takes, shared by the threads reading.
    reader: Reader,
    /// What the records read so far add up to.
    index: Gathered<'a>,
}

struct Reader {
    words: Words,
    meta_fields: Vec<String>,
    /// Whether fragments are written in groups.
    grouped: bool,
}

struct Gathered<'a> {
    language: Language,
    postings: Postings,
    pages: Vec<MetaPage>,
    filters: BTreeMap<String, BTreeMap<String, Vec<u32>>>,
    names: Names,
    /// Pages per fragment file (1: no groups).
    group_size: usize,
    /// Fragments read whose group is not full yet: (page, name, JSON).
    pending: Vec<(usize, String, Vec<u8>)>,
    trim: Option<Trim>,
    sink: Sink<'a>,
}

/// One record read, its fragment ready to write.
struct ReadPage {
    words: PageWords,
    filters: BTreeMap<String, Vec<String>>,
    hash: String,
    json: Vec<u8>,
    /// Gzipped, when fragments are not grouped.
    gzipped: Option<Vec<u8>>,
}

impl<'a> Bundle<'a> {
    /// A bundle of `page_count` records carrying metadata fields among
    /// `meta_fields`.
    pub fn new(
        language: Language,
        meta_fields: &[&str],
        page_count: usize,
        sink: Sink<'a>,
    ) -> Bundle<'a> {
        let mut meta_fields: Vec<String> = meta_fields.iter().map(|f| f.to_string()).collect();
        meta_fields.sort();
        meta_fields.dedup();
        // Pagefind's rule for its `max_fragments` setting.
        let group_size = if page_count > MAX_FRAGMENTS {
            page_count.div_ceil(MAX_FRAGMENTS)
        } else {
            1
        };
        Bundle {
            reader: Reader {
                words: Words::new(language),
                meta_fields,
                grouped: group_size > 1,
            },
            index: Gathered {
                language,
                postings: Postings::default(),
                pages: Vec::new(),
                filters: BTreeMap::new(),
                names: Names::default(),
                group_size,
                pending: Vec::new(),
                trim: Some(Trim {
                    min_pages: (page_count / 8).max(TRIM_MIN_PAGES),
                    locations: TRIM_LOCATIONS,
                }),
                sink,
            },
        }
    }

    /// Keeps every location of every word, as Pagefind's own indexer does
    /// (see [`Trim`]); for comparing the two.
    pub fn untrimmed(mut self) -> Self {
        self.index.trim = None;
        self
    }

    /// Adds the records `make` makes of `items`, as pages in that order,
    /// and writes their fragments. Records are made and read in parallel,
    /// and each is dropped once read.
    pub fn add<T: Sync>(
        &mut self,
        items: &[T],
        make: impl Fn(&T) -> Record + Sync,
    ) -> Result<(), OutputError> {
        let reader = &self.reader;
        let mut previous = Vec::new();
        for batch in items.chunks(BATCH) {
            let index = &mut self.index;
            let (added, read) = rayon::join(
                || index.add(std::mem::take(&mut previous)),
                || {
                    batch
                        .par_iter()
                        .map(|item| reader.read(make(item)))
                        .collect::<Vec<ReadPage>>()
                },
            );
            added?;
            previous = read;
        }
        self.index.add(previous)
    }

    /// Writes the word index, the filters, the metadata, the entry file and
    /// Pagefind's scripts.
    pub fn finish(self) -> Result<(), SearchError> {
        let Reader {
            words, meta_fields, ..
        } = self.reader;
        self.index.finish(words.into_stems(), meta_fields)
    }
}

impl Reader {
    /// Reads a record's words and makes its fragment.
    fn read(&self, record: Record) -> ReadPage {
        let page = read_page(
            &self.words,
            PageText {
                text: &record.content,
                shown: record.shown,
                meta: &record.meta,
                meta_fields: &self.meta_fields,
            },
        );
        let json = serde_json::to_vec(&Fragment {
            url: &record.url,
            content: &page.content,
            word_count: page.word_count,
            filters: &record.filters,
            meta: &record.meta,
            anchors: [],
            shown_words: page.shown_words,
        })
        .expect("a fragment is plain JSON");
        ReadPage {
            // A grouped fragment is found by its group's name.
            hash: if self.grouped {
                String::new()
            } else {
                format::content_hash(&json)
            },
            gzipped: (!self.grouped).then(|| format::gzip(&json)),
            json,
            words: page,
            filters: record.filters,
        }
    }
}

impl Gathered<'_> {
    /// Adds pages read, in order, and writes their fragments.
    fn add(&mut self, read: Vec<ReadPage>) -> Result<(), OutputError> {
        let language = self.language.code();
        for page in read {
            let number = self.pages.len() as u32;
            let name = match page.gzipped {
                Some(bytes) => {
                    let (name, new) = self.names.name(language, &page.hash);
                    if new {
                        (self.sink)(OutputFile {
                            path: format!("fragment/{name}.pf_fragment"),
                            bytes,
                        })?;
                    }
                    name
                }
                None => {
                    // The page's key in its group's file, which the group's
                    // own (content-hashed) name keeps fresh in caches: the
                    // page number, which the metadata file, loaded before
                    // any query, holds far more compactly than 10,000
                    // random hashes (88 KB became 48 KB at 10,000 SOPs).
                    let name = format!("{language}_p{number}");
                    self.pending
                        .push((number as usize, name.clone(), page.json));
                    name
                }
            };
            self.pages.push(MetaPage {
                hash: name,
                word_count: page.words.word_count as u32,
                group_hash: String::new(),
            });
            for (filter, values) in page.filters {
                let filter = self.filters.entry(filter).or_default();
                for value in values {
                    filter.entry(value).or_default().push(number);
                }
            }
            self.postings.add_page(number, &page.words);
        }
        self.write_groups(false)
    }

    /// Writes the full groups of fragments, and the last one if `all`.
    fn write_groups(&mut self, all: bool) -> Result<(), OutputError> {
        let mut groups: Vec<Vec<(usize, String, Vec<u8>)>> = Vec::new();
        while self.pending.len() >= self.group_size || (all && !self.pending.is_empty()) {
            let size = self.group_size.min(self.pending.len());
            groups.push(self.pending.drain(..size).collect());
        }
        let encoded: Vec<(String, Vec<u8>)> = groups
            .par_iter()
            .map(|group| {
                // A JSON object of the group's fragments by name.
                let by_name: BTreeMap<&str, &[u8]> = group
                    .iter()
                    .map(|(_, name, json)| (name.as_str(), json.as_slice()))
                    .collect();
                let mut json = b"{".to_vec();
                for (i, (name, fragment)) in by_name.into_iter().enumerate() {
                    if i > 0 {
                        json.push(b',');
                    }
                    json.extend_from_slice(format!("\"{name}\":").as_bytes());
                    json.extend_from_slice(fragment);
                }
                json.push(b'}');
                (format::content_hash(&json), format::gzip(&json))
            })
            .collect();
        let prefix = format!("{}_group", self.language.code());
        for (group, (hash, bytes)) in groups.iter().zip(encoded) {
            let (name, _) = self.names.name(&prefix, &hash);
            for (page, _, _) in group {
                self.pages[*page].group_hash = name.clone();
            }
            (self.sink)(OutputFile {
                path: format!("fragment/{name}.pf_fragment"),
                bytes,
            })?;
        }
        Ok(())
    }

    /// Writes the last fragments, the word index (its words named by
    /// `stems`), the filters, the metadata, the entry file and Pagefind's
    /// scripts.
    fn finish(mut self, stems: Vec<String>, meta_fields: Vec<String>) -> Result<(), SearchError> {
        self.write_groups(true)?;
        let language = self.language.code();
        let mut names = self.names;
        let chunk_size = match self.trim {
            Some(_) => TRIMMED_CHUNK_SIZE,
            None => CHUNK_SIZE,
        };
        let chunks = self.postings.into_chunks(stems, chunk_size, self.trim);
        let mut index_chunks = chunk_ranges(
            chunks
                .iter()
                .map(|c| (&c[0].word, &c[c.len() - 1].word))
                .collect(),
        );
        let encoded: Vec<(String, Vec<u8>)> = chunks
            .into_par_iter()
            .map(|chunk| {
                let words = chunk
                    .into_iter()
                    .map(postings::ChunkWord::into_packed)
                    .collect();
                let cbor = format::cbor(&WordIndex { words });
                // Level 4: at 10,000 SOPs the chunks (16 MB of CBOR) were
                // a seventh of indexing at level 6, for 9 % smaller files.
                (format::content_hash(&cbor), format::gzip_level(&cbor, 4))
            })
            .collect();
        for (chunk, (hash, bytes)) in index_chunks.iter_mut().zip(encoded) {
            chunk.hash = names.name(language, &hash).0;
            (self.sink)(OutputFile {
                path: format!("index/{}.pf_index", chunk.hash),
                bytes,
            })?;
        }

        let mut filters = Vec::new();
        for (filter, values) in self.filters {
            let cbor = format::cbor(&FilterIndex {
                filter: filter.clone(),
                values: values
                    .into_iter()
                    .map(|(value, pages)| FilterValue { value, pages })
                    .collect(),
            });
            let (hash, _) = names.name(language, &format::content_hash(&cbor));
            (self.sink)(OutputFile {
                path: format!("filter/{hash}.pf_filter"),
                bytes: format::gzip(&cbor),
            })?;
            filters.push(MetaFilter { filter, hash });
        }

        let page_count = self.pages.len();
        let meta = format::cbor(&MetaIndex {
            version: PAGEFIND_VERSION.to_string(),
            pages: self.pages,
            index_chunks,
            filters,
            sorts: Vec::new(),
            meta_fields,
        });
        let meta_hash = format!("{language}_{}", &format::content_hash(&meta)[..10]);
        (self.sink)(OutputFile {
            path: format!("pagefind.{meta_hash}.pf_meta"),
            bytes: format::gzip(&meta),
        })?;
        (self.sink)(OutputFile {
            path: "pagefind-entry.json".to_string(),
            bytes: runtime::entry(self.language, &meta_hash, page_count),
        })?;
        for file in runtime::files(self.language) {
            (self.sink)(file)?;
        }
        Ok(())
    }
}

/// The first and last word of each chunk, shortened to the prefixes that
/// tell neighbouring chunks apart: the browser fetches the chunk whose range
/// holds the word typed.
fn chunk_ranges(bounds: Vec<(&String, &String)>) -> Vec<MetaChunk> {
    let mut ranges: Vec<MetaChunk> = bounds
        .into_iter()
        .map(|(from, to)| MetaChunk {
            from: from.clone(),
            to: to.clone(),
            hash: String::new(),
        })
        .collect();
    for i in 1..ranges.len() {
        let (to, from) = distinct_prefixes(&ranges[i - 1].to, &ranges[i].from);
        // A shorter `to` must not fall before the chunk's own `from`.
        if to >= ranges[i - 1].from {
            ranges[i - 1].to = to;
        }
        ranges[i].from = from;
    }
    ranges
}

/// The shortest prefixes of `a` and `b` (one character past what they
/// share) that still tell them apart.
fn distinct_prefixes(a: &str, b: &str) -> (String, String) {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    (
        a.chars().take(shared + 1).collect(),
        b.chars().take(shared + 1).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_ranges_are_cut_to_the_prefixes_that_tell_them_apart() {
        let words = ["apple", "apricot", "banana", "peach"].map(String::from);
        let ranges = chunk_ranges(vec![
            (&words[0], &words[0]),
            (&words[1], &words[2]),
            (&words[3], &words[3]),
        ]);
        let got: Vec<(&str, &str)> = ranges
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        assert_eq!(got, [("apple", "apple"), ("apr", "b"), ("p", "peach")]);
    }
}
