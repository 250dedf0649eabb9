//! One page's words: read from a record (in parallel with the other
//! pages) into [`PageWords`], each word's locations already packed the way
//! the index file stores them (see `locations`). Words go by their stem's
//! number (see `Words`), so reading a page makes no string per word.

use std::cell::RefCell;
use std::collections::BTreeMap;

// hashbrown's default hasher (foldhash) rather than SipHash: looked up for
// every word of every page.
use hashbrown::HashMap;

use super::locations::{encode_locations, encode_meta_locations};
use super::words::Words;
use super::{END_WEIGHT_MARK, WEIGHT_MARK};

/// The weight of plain text: Pagefind multiplies weights by 24, so an
/// `<h1>` (weight 7) counts 168.
const UNIT_WEIGHT: u8 = 24;
const MAX_WEIGHT: f32 = 10.0;

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
pub(super) struct WordOnPage {
    pub stem: u32,
    /// The written form, when it had diacritics; `None` for the plain form.
    pub form: Option<String>,
    /// How many of `PageWords::locations` are in the text, then in the
    /// metadata.
    locs: usize,
    meta_locs: usize,
}

impl PageWords {
    /// Each word with its locations in the text and in the metadata.
    pub fn each(&self) -> impl Iterator<Item = (&WordOnPage, &[i32], &[i32])> {
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
        encode_meta_locations(meta, |o| (o.field, o.position), locations);
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

/// `text` as a page without metadata, all of it shown.
#[cfg(test)]
pub(super) fn plain_text(text: &str) -> PageText<'_> {
    static NO_META: BTreeMap<String, String> = BTreeMap::new();
    PageText {
        text,
        shown: text.len(),
        meta: &NO_META,
        meta_fields: &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

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
}
