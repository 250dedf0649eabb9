//! The words of a text as Pagefind's search box sees them.
//!
//! The browser half of Pagefind (its WebAssembly) lowercases, strips and
//! stems what a reader types, then looks the result up in the index; so the
//! index must hold each word in exactly that form. These rules follow
//! Pagefind 1.6's indexer for text in Latin script, the only script an
//! Indonesian or English handbook is written in: a word is its letters and
//! digits, lowercased, without diacritics, stemmed by the same Snowball
//! stemmer; a word built of parts ("sub-bagian", "SubBagian", "No.12") is
//! also found by each part. `tests/search_format.rs` builds the same records
//! with Pagefind itself and checks that both indexes hold the same words.

use std::cell::RefCell;
use std::sync::{Mutex, PoisonError};

use convert_case::{Case, Casing};
use hashbrown::HashMap;
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::config::Language;
use crate::search::memo::{self, WordMemo};

/// Characters that count as part of a word besides letters and digits:
/// Unicode's connector punctuation, as in Pagefind.
pub(super) const WORD_SYMBOLS: [char; 10] =
    ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// A tail after a dot longer than this is cut, as Pagefind cuts it.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// One word to put in the index for a word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IndexWord {
    /// The form a query is matched against: lowercase, no diacritics, stemmed.
    pub stem: String,
    /// The word as written, when it had diacritics ("kopi" for "kópi" is
    /// found either way; the written form ranks an exact match higher).
    pub original: Option<String>,
    /// A part of a longer word: it shares the word's weight with the other
    /// parts.
    pub part: bool,
}

/// Splits and stems words for one language, and numbers each stem: the
/// index gathers the locations of a handbook's words by number, not by
/// string, so reading a page makes no string per word and merging it into
/// the index looks nothing up by string.
pub(super) struct Words {
    stemmer: Stemmer,
    /// Tells this set of numbers from another's in the threads' memos.
    owner: u64,
    stems: Mutex<Stems>,
}

/// The stems numbered so far.
#[derive(Default)]
struct Stems {
    numbers: HashMap<String, u32>,
    names: Vec<String>,
}

/// An index word of a token, its stem by number (see [`Words::into_stems`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NumberedWord {
    pub stem: u32,
    /// See [`IndexWord::original`].
    pub original: Option<String>,
    /// See [`IndexWord::part`].
    pub part: bool,
}

/// The index words of the tokens a thread has already read, in body text
/// and in metadata: stemming them again was a third of the time it took
/// to read a page.
#[derive(Default)]
struct Seen {
    text: WordMemo<Vec<NumberedWord>>,
    meta: WordMemo<Vec<NumberedWord>>,
}

thread_local! {
    static SEEN: RefCell<Seen> = RefCell::default();
}

impl Words {
    pub fn new(language: Language) -> Words {
        let algorithm = match language {
            Language::Id => Algorithm::Indonesian,
            Language::En => Algorithm::English,
        };
        Words {
            stemmer: Stemmer::create(algorithm),
            owner: memo::new_owner(),
            stems: Mutex::default(),
        }
    }

    /// Calls `f` with the index words of a token of body text (see
    /// [`Words::of_text_word`]), from this thread's cache when it has them.
    pub fn text_word<R>(&self, raw: &str, f: impl FnOnce(&[NumberedWord]) -> R) -> R {
        self.cached(raw, true, f)
    }

    /// Calls `f` with the index words of a token of metadata (see
    /// [`Words::of_word`]), from this thread's cache when it has them.
    pub fn meta_word<R>(&self, raw: &str, f: impl FnOnce(&[NumberedWord]) -> R) -> R {
        self.cached(raw, false, f)
    }

    /// The number of `stem`, if a page had it.
    #[cfg(test)]
    pub fn number_of(&self, stem: &str) -> Option<u32> {
        self.lock().numbers.get(stem).copied()
    }

    /// Every stem, by number.
    pub fn into_stems(self) -> Vec<String> {
        self.stems
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .names
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Stems> {
        // A thread that panicked mid-insert left the map and the list in
        // step (the list is pushed last), so the lock is still good.
        self.stems.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn cached<R>(&self, raw: &str, text: bool, f: impl FnOnce(&[NumberedWord]) -> R) -> R {
        SEEN.with_borrow_mut(|seen| {
            let memo = if text { &mut seen.text } else { &mut seen.meta };
            f(memo.get_or_make(self.owner, raw, || {
                let mut words = Vec::new();
                if text {
                    self.of_text_word(raw, &mut words);
                } else {
                    self.of_word(raw, &mut words);
                }
                self.number(words)
            }))
        })
    }

    /// `words` with their stems numbered, new stems numbered next.
    fn number(&self, words: Vec<IndexWord>) -> Vec<NumberedWord> {
        let mut stems = self.lock();
        words
            .into_iter()
            .map(|w| {
                let stem = match stems.numbers.get(&w.stem) {
                    Some(&n) => n,
                    None => {
                        let n = u32::try_from(stems.names.len()).expect("under 4 billion words");
                        stems.numbers.insert(w.stem.clone(), n);
                        stems.names.push(w.stem);
                        n
                    }
                };
                NumberedWord {
                    stem,
                    original: w.original,
                    part: w.part,
                }
            })
            .collect()
    }

    /// The index words of one whitespace-separated word of body text: the
    /// word, its parts, and the compound tails after its dots.
    pub fn of_text_word(&self, raw: &str, out: &mut Vec<IndexWord>) {
        let start = out.len();
        self.of_word(raw, out);
        self.dotted_tails(raw, start, out);
    }

    /// The index words of one whitespace-separated word: the word and, when
    /// it is made of parts, each part of two letters or more.
    pub fn of_word(&self, raw: &str, out: &mut Vec<IndexWord>) {
        let normalized = normalize(raw);
        if !normalized.is_empty() {
            out.push(self.stem(&normalized, false));
        }
        if !could_be_compound(raw) || normalized.is_empty() || is_plain_word(raw) {
            return;
        }
        let parts = discrete_words(raw);
        if !parts.contains(char::is_whitespace) && normalized.starts_with(&parts) {
            return;
        }
        for part in parts.split_whitespace().filter(|p| p.len() > 1) {
            let plain = strip_diacritics(part);
            out.push(IndexWord {
                stem: self
                    .stemmer
                    .stem(plain.as_deref().unwrap_or(part))
                    .into_owned(),
                original: plain.map(|_| part.to_string()),
                part: true,
            });
        }
    }

    /// "sysconfig.is_python_build" is found by "is_python_build": the
    /// compound tails after each dot, when not indexed already.
    fn dotted_tails(&self, raw: &str, start: usize, out: &mut Vec<IndexWord>) {
        if !raw.contains('.') {
            return;
        }
        let first_tail = out.len();
        for (i, _) in raw.match_indices('.') {
            let rest = &raw[i + 1..];
            let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
                Some((end, _)) => &rest[..end],
                None => rest,
            };
            // A plain tail is already there, as the word's last part.
            if !could_be_compound(tail) {
                continue;
            }
            let normalized = normalize(tail);
            if normalized.chars().count() < 2 {
                continue;
            }
            let word = self.stem(&normalized, true);
            let known = out[start..first_tail].iter().any(|w| w.stem == word.stem)
                || out[first_tail..].iter().any(|w| w.stem == word.stem);
            if !known {
                out.push(word);
            }
        }
    }

    fn stem(&self, normalized: &str, part: bool) -> IndexWord {
        let plain = strip_diacritics(normalized);
        IndexWord {
            stem: self
                .stemmer
                .stem(plain.as_deref().unwrap_or(normalized))
                .into_owned(),
            original: plain.map(|_| normalized.to_string()),
            part,
        }
    }
}

/// Letters, digits and word symbols, lowercased.
fn normalize(raw: &str) -> String {
    let mut word = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_alphanumeric() || WORD_SYMBOLS.contains(&c) {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        }
    }
    word
}

/// Punctuation inside, or a capital after the first letter ("SubBagian",
/// "SP2D"): the word may be made of parts.
fn could_be_compound(raw: &str) -> bool {
    raw.chars().any(|c| !c.is_alphanumeric()) || raw.chars().skip(1).any(char::is_uppercase)
}

/// A word of ASCII letters alone, capitalised or not, between ASCII
/// punctuation ("surat.", "(Kepala"): its only part is the word itself, so
/// splitting it would find nothing more. Most words that end a sentence are
/// such words.
fn is_plain_word(raw: &str) -> bool {
    let core = raw.trim_matches(|c: char| c.is_ascii_punctuation());
    let mut chars = core.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_lowercase())
}

/// The parts of a word, lowercased and separated by spaces: split at ASCII
/// punctuation and where the case changes, as Pagefind splits them (with the
/// same crate).
fn discrete_words(raw: &str) -> String {
    raw.replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word without its diacritics, when it had any.
fn strip_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !has_decomposition(word) {
        return None;
    }
    // The kana sound marks are combining marks that tell words apart.
    let kana_mark = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word
        .nfd()
        .filter(|&c| !is_combining_mark(c) || kana_mark(c))
        .collect();
    let stripped = if stripped.chars().any(kana_mark) {
        stripped.nfc().collect()
    } else {
        stripped
    };
    (stripped != word).then_some(stripped)
}

fn has_decomposition(word: &str) -> bool {
    word.chars().any(|c| {
        let mut decomposes = is_combining_mark(c);
        decompose_canonical(c, |part| decomposes |= part != c);
        decomposes
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(raw: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        Words::new(Language::Id).of_text_word(raw, &mut out);
        out.into_iter().map(|w| (w.stem, w.part)).collect()
    }

    #[test]
    fn a_word_is_lowercased_stripped_of_punctuation_and_stemmed() {
        assert_eq!(stems("Pengadaan,"), [("ada".to_string(), false)]);
        assert_eq!(stems("SPM"), [("spm".to_string(), false)]);
    }

    #[test]
    fn a_word_of_parts_is_found_by_each_part() {
        let words = stems("Sub-Bagian");
        assert_eq!(words[0], ("subbagi".to_string(), false));
        assert!(words.contains(&("sub".to_string(), true)));
        assert!(words.contains(&("bagi".to_string(), true)));
    }

    #[test]
    fn diacritics_are_stripped_but_the_written_form_is_kept() {
        let mut out = Vec::new();
        Words::new(Language::En).of_word("Café", &mut out);
        assert_eq!(out[0].stem, "cafe");
        assert_eq!(out[0].original.as_deref(), Some("café"));
    }

    #[test]
    fn each_words_numbers_its_own_stems_on_a_thread_that_read_for_another() {
        // `lajur serve` indexes the handbook again on every save, with the
        // same threads and their caches.
        let first = Words::new(Language::Id);
        first.text_word("arsip", |_| ());
        first.text_word("surat", |_| ());
        let second = Words::new(Language::Id);
        let surat = second.text_word("surat", |found| found[0].stem);
        assert_eq!(second.into_stems()[surat as usize], "surat");
    }

    #[test]
    fn punctuation_alone_is_no_word() {
        assert!(stems("—").is_empty());
        assert!(stems("-").is_empty());
    }
}
