//! Where each word occurs across the handbook: the handbook-wide
//! [`Postings`] take each page's words (see `page`) in page order. They
//! keep the locations packed, in flat vectors of numbers: at ten thousand
//! SOPs that is a few tens of megabytes, where a struct per occurrence took
//! gigabytes. Words go by their stem's number, so merging a page looks
//! nothing up by string.

use rayon::prelude::*;

use super::format::{PackedPage, PackedVariant, PackedWord};
use super::locations::heaviest_locations;
use super::page::PageWords;

/// Every word of the handbook and the pages it is on, by stem number.
#[derive(Default)]
pub(super) struct Postings {
    words: Vec<WordPostings>,
}

/// One word's pages, flat: for each page its number, then the length and
/// the numbers of `locs`, then of `meta_locs`.
#[derive(Default)]
struct WordPostings {
    plain: Vec<i32>,
    variants: Vec<(String, Vec<i32>)>,
    /// Pagefind's measure of a word's share of a chunk: one per page plus
    /// one per location.
    size: usize,
}

impl Postings {
    /// Adds the words of page number `page`; pages come in order.
    pub fn add_page(&mut self, page: u32, words: &PageWords) {
        for (word, locs, meta_locs) in words.each() {
            let stem = word.stem as usize;
            if stem >= self.words.len() {
                self.words.resize_with(stem + 1, WordPostings::default);
            }
            let entry = &mut self.words[stem];
            let list = match &word.form {
                None => &mut entry.plain,
                Some(form) => match entry.variants.iter().position(|v| &v.0 == form) {
                    Some(i) => &mut entry.variants[i].1,
                    None => {
                        entry.size += 1;
                        entry.variants.push((form.clone(), Vec::new()));
                        &mut entry.variants.last_mut().expect("just pushed").1
                    }
                },
            };
            entry.size += push_page(list, page, locs, meta_locs);
        }
    }

    /// The words in order, cut into chunks the way Pagefind cuts them: a
    /// chunk ends after the word that brings its size to `chunk_size`.
    /// With `trim`, the commonest words keep only their heaviest locations
    /// on each page (see [`Trim`]). `stems` names the words by number.
    pub fn into_chunks(
        self,
        stems: Vec<String>,
        chunk_size: usize,
        trim: Option<Trim>,
    ) -> Vec<Vec<ChunkWord>> {
        let mut words: Vec<(String, WordPostings)> = stems
            .into_iter()
            .zip(self.words)
            .filter(|(_, postings)| postings.size > 0)
            .collect();
        words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        if let Some(trim) = trim {
            words
                .par_iter_mut()
                .filter(|(_, postings)| postings.page_count() >= trim.min_pages)
                .for_each(|(_, postings)| postings.trim(trim.locations));
        }
        let mut chunks = Vec::new();
        let mut chunk = Vec::new();
        let mut size = 0;
        for (word, postings) in words {
            size += postings.size;
            chunk.push(ChunkWord {
                word,
                plain: postings.plain,
                variants: postings.variants,
            });
            if size >= chunk_size {
                chunks.push(std::mem::take(&mut chunk));
                size = 0;
            }
        }
        if !chunk.is_empty() {
            chunks.push(chunk);
        }
        chunks
    }
}

/// How the index is cut down for words on many pages. Such a word tells
/// pages apart little (its BM25 weight is near nothing), yet with every
/// location on every page it made index chunks of 100 KB and more at ten
/// thousand SOPs, which a query naming it must download. Each page keeps
/// the word's heaviest locations: enough to rank a title match first and to
/// place the excerpt; the pages themselves are all kept.
#[derive(Debug, Clone, Copy)]
pub(super) struct Trim {
    /// A word on at least this many pages is trimmed.
    pub min_pages: usize,
    /// How many locations it keeps on each page.
    pub locations: usize,
}

impl WordPostings {
    fn page_count(&self) -> usize {
        pages(&self.plain).count()
            + self
                .variants
                .iter()
                .map(|(_, list)| pages(list).count())
                .sum::<usize>()
    }

    /// Keeps the `keep` heaviest locations of the word on each page.
    fn trim(&mut self, keep: usize) {
        let trim_list = |flat: &[i32]| -> (Vec<i32>, usize) {
            let mut out = Vec::with_capacity(flat.len());
            let mut size = 0;
            for (page, locs, meta_locs) in pages(flat) {
                size += push_page(
                    &mut out,
                    page as u32,
                    &heaviest_locations(locs, keep),
                    meta_locs,
                );
            }
            (out, size)
        };
        let (plain, mut size) = trim_list(&self.plain);
        self.plain = plain;
        for (_, list) in &mut self.variants {
            let (trimmed, list_size) = trim_list(list);
            *list = trimmed;
            size += 1 + list_size;
        }
        self.size = size;
    }
}

/// The pages of a flat list: number, locations, metadata locations.
fn pages(mut flat: &[i32]) -> impl Iterator<Item = (i32, &[i32], &[i32])> {
    std::iter::from_fn(move || {
        let [page, n, rest @ ..] = flat else {
            return None;
        };
        let (locs, rest) = rest.split_at(*n as usize);
        let [m, rest @ ..] = rest else { return None };
        let (meta_locs, rest) = rest.split_at(*m as usize);
        flat = rest;
        Some((*page, locs, meta_locs))
    })
}

/// A word of a chunk, its pages still flat.
pub(super) struct ChunkWord {
    pub word: String,
    plain: Vec<i32>,
    variants: Vec<(String, Vec<i32>)>,
}

impl ChunkWord {
    /// The word as the index file stores it, page numbers delta-coded.
    pub fn into_packed(self) -> PackedWord {
        PackedWord {
            word: self.word,
            pages: unflatten(&self.plain),
            additional_variants: self
                .variants
                .into_iter()
                .map(|(form, pages)| PackedVariant {
                    form,
                    pages: unflatten(&pages),
                })
                .collect(),
        }
    }
}

fn push_page(list: &mut Vec<i32>, page: u32, locs: &[i32], meta_locs: &[i32]) -> usize {
    list.push(page as i32);
    list.push(locs.len() as i32);
    list.extend_from_slice(locs);
    list.push(meta_locs.len() as i32);
    list.extend_from_slice(meta_locs);
    locs.len() + meta_locs.len() + 1
}

fn unflatten(flat: &[i32]) -> Vec<PackedPage> {
    let mut last = 0;
    pages(flat)
        .map(|(page, locs, meta_locs)| {
            let packed = PackedPage {
                page_number: (page - last) as u32,
                locs: locs.to_vec(),
                meta_locs: meta_locs.to_vec(),
            };
            last = page;
            packed
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;
    use crate::search::pagefind::locations::decode_locations;
    use crate::search::pagefind::page::{plain_text, read_page};
    use crate::search::pagefind::words::Words;

    #[test]
    fn only_words_on_many_pages_are_trimmed_and_no_page_is_lost() {
        let words = Words::new(Language::Id);
        let mut postings = Postings::default();
        for n in 0..6 {
            let text = if n % 2 == 0 {
                "surat surat surat arsip arsip"
            } else {
                "surat surat"
            };
            let page = read_page(&words, plain_text(text));
            postings.add_page(n, &page);
        }
        let trim = Trim {
            min_pages: 4,
            locations: 1,
        };
        let packed: Vec<PackedWord> = postings
            .into_chunks(words.into_stems(), 1000, Some(trim))
            .into_iter()
            .flatten()
            .map(ChunkWord::into_packed)
            .collect();
        let surat = packed.iter().find(|w| w.word == "surat").unwrap();
        assert_eq!(surat.pages.len(), 6, "every page kept");
        assert!(
            surat
                .pages
                .iter()
                .all(|p| decode_locations(&p.locs).len() == 1)
        );
        // On 3 pages only: below min_pages, every location kept.
        let arsip = packed.iter().find(|w| w.word == "arsip").unwrap();
        assert_eq!(arsip.pages.len(), 3);
        assert!(
            arsip
                .pages
                .iter()
                .all(|p| decode_locations(&p.locs).len() == 2)
        );
    }

    #[test]
    fn pages_are_delta_coded_and_chunks_end_at_their_size() {
        let words = Words::new(Language::Id);
        let mut postings = Postings::default();
        for (n, text) in ["arsip surat", "surat", "arsip"].iter().enumerate() {
            let page = read_page(&words, plain_text(text));
            postings.add_page(n as u32, &page);
        }
        let chunks = postings.into_chunks(words.into_stems(), 4, None);
        // arsip: 2 pages of one location each = size 4, a chunk of its own.
        assert_eq!(chunks.len(), 2);
        let packed = chunks.into_iter().next().unwrap().remove(0).into_packed();
        assert_eq!(packed.word, "arsip");
        let pages: Vec<u32> = packed.pages.iter().map(|p| p.page_number).collect();
        assert_eq!(pages, [0, 2]);
    }
}
