//! Where each word occurs: first on one page, then across the handbook.
//!
//! A page is read on its own (in parallel with the others) into
//! [`PageWords`]; the handbook-wide [`Postings`] then take each page's words
//! in page order. They keep the locations already packed the way the index
//! file stores them, in flat vectors of numbers: at ten thousand SOPs that is
//! a few tens of megabytes, where a struct per occurrence took gigabytes.
//! Words go by their stem's number (see `Words`), so neither step hashes or
//! copies a string per word.

use std::cell::RefCell;
use std::collections::BTreeMap;

// hashbrown's default hasher (foldhash) rather than SipHash: looked up for
// every word of every page.
use hashbrown::HashMap;
use rayon::prelude::*;

use super::format::{PackedPage, PackedVariant, PackedWord};
use super::words::Words;

/// The weight of plain text: Pagefind multiplies weights by 24, so an
/// `<h1>` (weight 7) counts 168.
const UNIT_WEIGHT: u8 = 24;
const MAX_WEIGHT: f32 = 10.0;

/// Mark Pagefind's own reader writes for a run of weighted words; the
/// records use the same marks (see `search::Digest`).
const WEIGHT_MARK: &str = "___PAGEFIND_WEIGHT___";
const END_WEIGHT_MARK: &str = "___END_PAGEFIND_WEIGHT___";

/// One page's text, as shown in a result, and the words in it.
pub(super) struct PageWords {
    /// The text without the weight marks, words separated by one space.
    pub content: String,
    /// The number of word positions.
    pub word_count: usize,
    /// How many of the first words of `content` are the record's `shown`
    /// part.
    pub shown_words: usize,
    /// Each word on the page (a stem once without diacritics, once per
    /// written form with them); their locations follow one another in
    /// `locations`.
    words: Vec<WordOnPage>,
    /// The packed locations of every word, in the order of `words`: for
    /// each, its locations in the text, then in the metadata.
    locations: Vec<i32>,
}

/// One word of a page.
struct WordOnPage {
    stem: u32,
    /// The written form, when it had diacritics; `None` for the plain form.
    form: Option<String>,
    /// How many of `PageWords::locations` are in the text, then in the
    /// metadata.
    locs: usize,
    meta_locs: usize,
}

impl PageWords {
    /// Each word with its locations in the text and in the metadata.
    fn each(&self) -> impl Iterator<Item = (&WordOnPage, &[i32], &[i32])> {
        let mut rest = self.locations.as_slice();
        self.words.iter().map(move |word| {
            let (locs, after) = rest.split_at(word.locs);
            let (meta_locs, after) = after.split_at(word.meta_locs);
            rest = after;
            (word, locs, meta_locs)
        })
    }

    /// The plain locations of `stem`, in the text and in the metadata.
    #[cfg(test)]
    fn plain(&self, stem: u32) -> Option<(&[i32], &[i32])> {
        self.each()
            .find(|(w, _, _)| w.stem == stem && w.form.is_none())
            .map(|(_, locs, meta_locs)| (locs, meta_locs))
    }
}

#[derive(Clone)]
struct Occurrence {
    position: u32,
    weight: u8,
    original: Option<String>,
}

#[derive(Clone)]
struct MetaOccurrence {
    field: u16,
    position: u32,
    original: Option<String>,
}

/// Where each word of the page being read occurs. One per thread, kept
/// from page to page, so reading a page allocates almost nothing: its
/// lists keep their room.
#[derive(Default)]
struct Scratch {
    /// The place in `words` of each stem of the page.
    places: HashMap<u32, usize>,
    /// The page's words (the first `used`): stem, occurrences in the
    /// text, in the metadata.
    words: Vec<(u32, Vec<Occurrence>, Vec<MetaOccurrence>)>,
    used: usize,
}

/// The lists a thread keeps between pages: more only for a page of
/// unusually many different words.
const MAX_KEPT_WORDS: usize = 4096;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Scratch {
    fn word(&mut self, stem: u32) -> &mut (u32, Vec<Occurrence>, Vec<MetaOccurrence>) {
        let place = *self.places.entry(stem).or_insert_with(|| {
            if self.used == self.words.len() {
                self.words.push((stem, Vec::new(), Vec::new()));
            }
            self.words[self.used].0 = stem;
            self.used += 1;
            self.used - 1
        });
        &mut self.words[place]
    }

    /// Packs the page's words and makes ready for the next page.
    fn pack(&mut self) -> (Vec<WordOnPage>, Vec<i32>) {
        let mut words = Vec::with_capacity(self.used);
        let mut locations = Vec::new();
        for (stem, text, meta) in &mut self.words[..self.used] {
            pack_word(*stem, text, meta, &mut words, &mut locations);
        }
        self.clear();
        (words, locations)
    }

    /// Empties the lists, keeping their room.
    fn clear(&mut self) {
        for (_, text, meta) in &mut self.words[..self.used] {
            text.clear();
            meta.clear();
        }
        self.places.clear();
        self.used = 0;
        self.words.truncate(MAX_KEPT_WORDS);
    }
}

/// A record's text and metadata, as [`read_page`] reads them.
pub(super) struct PageText<'a> {
    /// The text, with weight marks.
    pub text: &'a str,
    /// How many bytes of `text` a reader is shown (see `Record::shown`).
    pub shown: usize,
    pub meta: &'a BTreeMap<String, String>,
    /// The sorted list of every metadata field of the index: locations in
    /// metadata name their field by its place in that list.
    pub meta_fields: &'a [String],
}

/// Reads a record's text and its metadata fields.
pub(super) fn read_page(words: &Words, page: PageText<'_>) -> PageWords {
    SCRATCH.with_borrow_mut(|scratch| read_page_into(scratch, words, page))
}

fn read_page_into(scratch: &mut Scratch, words: &Words, page: PageText<'_>) -> PageWords {
    let PageText {
        text,
        shown,
        meta,
        meta_fields,
    } = page;
    // Left full only by a page whose reading panicked on this thread.
    if scratch.used > 0 {
        scratch.clear();
    }
    let mut content = String::with_capacity(text.len());
    let mut shown_words = 0;
    let mut weights = vec![UNIT_WEIGHT];
    let mut position: u32 = 0;
    for token in text.split_whitespace() {
        // Where the token starts in `text`: it is a slice of it.
        let offset = token.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(weight) = token.strip_prefix(WEIGHT_MARK) {
            let weight = weight.parse::<f32>().unwrap_or(1.0);
            weights.push(if weight <= 0.0 {
                0
            } else {
                ((weight.clamp(0.0, MAX_WEIGHT) * f32::from(UNIT_WEIGHT)) as u8).max(1)
            });
            continue;
        }
        if token.starts_with(END_WEIGHT_MARK) {
            weights.pop();
            continue;
        }
        // Zero-width spaces are dropped, as Pagefind does; rare, so the
        // token is copied only when it has one.
        let token: std::borrow::Cow<'_, str> = if token.contains('\u{200B}') {
            token.replace('\u{200B}', "").into()
        } else {
            token.into()
        };
        if token.is_empty() {
            continue;
        }
        content.push_str(&token);
        content.push(' ');
        if offset < shown {
            shown_words = position + 1;
        }
        let weight = *weights.last().unwrap_or(&1);
        words.text_word(&token, |found| {
            // The parts of a word share its weight, so a match on a part
            // counts less than one on the whole word.
            let parts = found.iter().filter(|w| w.part).count();
            let part_weight = if parts > 0 && weight > 0 {
                (weight / u8::try_from(parts).unwrap_or(u8::MAX)).max(1)
            } else {
                0
            };
            for w in found {
                scratch.word(w.stem).1.push(Occurrence {
                    position,
                    weight: if w.part { part_weight } else { weight },
                    original: w.original.clone(),
                });
            }
        });
        position += 1;
    }
    if content.ends_with(' ') {
        content.pop();
    }

    for (name, value) in meta {
        let field = meta_fields
            .iter()
            .position(|f| f == name)
            .expect("every metadata field is declared");
        for (position, word) in value.split_whitespace().enumerate() {
            words.meta_word(word, |found| {
                for w in found {
                    scratch.word(w.stem).2.push(MetaOccurrence {
                        field: field as u16,
                        position: position as u32,
                        original: w.original.clone(),
                    });
                }
            });
        }
    }

    let (words, locations) = scratch.pack();
    PageWords {
        content,
        // Pagefind counts positions up to the last word, and at least one.
        word_count: position.max(1) as usize,
        shown_words: shown_words as usize,
        words,
        locations,
    }
}

/// Packs the occurrences of `stem` onto `words` and `locations`: the plain
/// form first, then each form with diacritics, those in the text in order,
/// then those only in the metadata.
fn pack_word(
    stem: u32,
    text: &mut [Occurrence],
    meta: &mut [MetaOccurrence],
    words: &mut Vec<WordOnPage>,
    locations: &mut Vec<i32>,
) {
    let mut push = |form: Option<String>,
                    text: &mut [Occurrence],
                    meta: &mut [MetaOccurrence],
                    locations: &mut Vec<i32>| {
        let start = locations.len();
        encode_locations(text, |o| (o.weight, o.position), locations);
        let locs = locations.len() - start;
        encode_meta_locations(meta, locations);
        words.push(WordOnPage {
            stem,
            form,
            locs,
            meta_locs: locations.len() - start - locs,
        });
    };
    // Almost every word is written without diacritics.
    if text.iter().all(|o| o.original.is_none()) && meta.iter().all(|o| o.original.is_none()) {
        push(None, text, meta, locations);
        return;
    }
    let (mut plain_text, text_forms) = by_form(text, |o| &o.original);
    let (mut plain_meta, mut meta_forms) = by_form(meta, |o| &o.original);
    if !plain_text.is_empty() || !plain_meta.is_empty() {
        push(None, &mut plain_text, &mut plain_meta, locations);
    }
    for (form, mut occurrences) in text_forms {
        let mut meta = meta_forms.remove(&form).unwrap_or_default();
        push(Some(form), &mut occurrences, &mut meta, locations);
    }
    for (form, mut meta) in meta_forms {
        push(Some(form), &mut [], &mut meta, locations);
    }
}

/// `items` split into those without a written form and those of each form.
#[allow(clippy::type_complexity)]
fn by_form<T: Clone>(
    items: &[T],
    form: impl Fn(&T) -> &Option<String>,
) -> (Vec<T>, BTreeMap<String, Vec<T>>) {
    let mut plain = Vec::new();
    let mut forms: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for item in items {
        match form(item) {
            None => plain.push(item.clone()),
            Some(f) => forms.entry(f.clone()).or_default().push(item.clone()),
        }
    }
    (plain, forms)
}

/// Pagefind takes 25 as its common weight here (plain text weighs 24), so
/// every list opens with a weight mark; kept, to index alike.
const FIRST_WEIGHT: u8 = 25;

/// Locations as the index stores them, written onto `locs`: grouped by
/// weight (plain text first), delta-coded inside a group; a negative number
/// `-(w + 1)` starts the group of weight `w` and is followed by an absolute
/// position. Generic so the occurrences of a page are packed where they
/// are, without a copy per word.
fn encode_locations<T>(items: &mut [T], weighted: impl Fn(&T) -> (u8, u32), locs: &mut Vec<i32>) {
    items.sort_by_key(|item| {
        let (weight, position) = weighted(item);
        let group = if weight == FIRST_WEIGHT { 0 } else { weight };
        (group, position)
    });
    locs.reserve(items.len() + 2);
    let mut current = FIRST_WEIGHT;
    let mut last = 0;
    for item in items.iter() {
        let (weight, position) = weighted(item);
        if weight != current {
            locs.push(-i32::from(weight) - 1);
            locs.push(position as i32);
            current = weight;
        } else {
            locs.push((position - last) as i32);
        }
        last = position;
    }
}

/// The `(weight, position)` pairs of packed locations.
fn decode_locations(locs: &[i32]) -> Vec<(u8, u32)> {
    let mut weighted = Vec::with_capacity(locs.len());
    let mut weight = FIRST_WEIGHT;
    let mut position: i64 = 0;
    let mut starts_group = false;
    for &n in locs {
        if n < 0 {
            weight = u8::try_from(-n - 1).unwrap_or(u8::MAX);
            starts_group = true;
            continue;
        }
        position = if starts_group {
            i64::from(n)
        } else {
            position + i64::from(n)
        };
        starts_group = false;
        weighted.push((weight, position as u32));
    }
    weighted
}

/// Packed locations cut to the `keep` heaviest (the earliest among equals).
fn heaviest_locations(locs: &[i32], keep: usize) -> Vec<i32> {
    let mut weighted = decode_locations(locs);
    if weighted.len() <= keep {
        return locs.to_vec();
    }
    weighted.sort_by_key(|&(weight, position)| (std::cmp::Reverse(weight), position));
    weighted.truncate(keep);
    let mut trimmed = Vec::with_capacity(keep + 2);
    encode_locations(&mut weighted, |&pair| pair, &mut trimmed);
    trimmed
}

/// Locations in the metadata, written onto `locs`: `-(field + 1)` starts a
/// field, then positions in it, delta-coded.
fn encode_meta_locations(occurrences: &mut [MetaOccurrence], locs: &mut Vec<i32>) {
    occurrences.sort_by_key(|o| (o.field, o.position));
    let mut field = None;
    let mut last = 0;
    for o in occurrences.iter() {
        if field != Some(o.field) {
            locs.push(-i32::from(o.field) - 1);
            field = Some(o.field);
            last = 0;
        }
        locs.push((o.position - last) as i32);
        last = o.position;
    }
}

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

    /// `text` as a page without metadata, all of it shown.
    fn plain_text(text: &str) -> PageText<'_> {
        static NO_META: BTreeMap<String, String> = BTreeMap::new();
        PageText {
            text,
            shown: text.len(),
            meta: &NO_META,
            meta_fields: &[],
        }
    }

    #[test]
    fn weighted_words_open_a_group_and_plain_ones_are_delta_coded() {
        let words = Words::new(Language::Id);
        let page = read_page(
            &words,
            plain_text(
                "___PAGEFIND_WEIGHT___7 Arsip surat. ___END_PAGEFIND_WEIGHT___ arsip dan arsip",
            ),
        );
        assert_eq!(page.content, "Arsip surat. arsip dan arsip");
        assert_eq!(page.word_count, 5);
        let (locs, meta) = page.plain(words.number_of("arsip").unwrap()).unwrap();
        // Weight 24 from position 2, then +2; weight 168 at position 0.
        assert_eq!(locs, &[-25, 2, 2, -169, 0]);
        assert!(meta.is_empty());
    }

    #[test]
    fn words_past_the_shown_part_are_counted_apart_and_found_all_the_same() {
        let words = Words::new(Language::Id);
        let page = read_page(
            &words,
            PageText {
                shown: "Arsip surat.".len(),
                ..plain_text("Arsip surat. Kasubag")
            },
        );
        assert_eq!(page.content, "Arsip surat. Kasubag");
        assert_eq!((page.shown_words, page.word_count), (2, 3));
        let (locs, _) = page.plain(words.number_of("kasubag").unwrap()).unwrap();
        assert_eq!(locs, &[-25, 2]);
    }

    #[test]
    fn metadata_locations_name_their_field() {
        let words = Words::new(Language::Id);
        let meta = BTreeMap::from([
            ("nomor".to_string(), "800/12".to_string()),
            ("title".to_string(), "Arsip surat arsip".to_string()),
        ]);
        let fields = ["nomor".to_string(), "title".to_string()];
        let page = read_page(
            &words,
            PageText {
                text: "x",
                shown: 1,
                meta: &meta,
                meta_fields: &fields,
            },
        );
        let (locs, meta_locs) = page.plain(words.number_of("arsip").unwrap()).unwrap();
        assert!(locs.is_empty());
        assert_eq!(meta_locs, &[-2, 0, 2]);
    }

    #[test]
    fn a_trimmed_word_keeps_its_heaviest_locations() {
        // Weight 24 at 2 and 4, weight 168 at 0.
        let locs = [-25, 2, 2, -169, 0];
        assert_eq!(decode_locations(&locs), [(24, 2), (24, 4), (168, 0)]);
        assert_eq!(heaviest_locations(&locs, 1), [-169, 0]);
        assert_eq!(heaviest_locations(&locs, 2), [-25, 2, -169, 0]);
        assert_eq!(heaviest_locations(&locs, 3), locs);
    }

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
