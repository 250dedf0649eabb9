//! Repairs for Snowball's Indonesian stemmer, which Pagefind applies to the
//! index and to every query.
//!
//! The stemmer strips peN-/meN- without restoring the consonant that the
//! prefix swallowed, so a derived word and its root can end up with different
//! stems and a reader typing the root misses the page:
//!
//! | page word    | its stem | root typed | its stem |
//! |--------------|----------|------------|----------|
//! | penerbitan   | erbit    | terbit     | terbit   |
//! | penetapan    | etap     | tetap      | tetap    |
//! | pengelolaan  | elola    | kelola     | lola     |
//! | pemeriksaan  | periksa  | periksa    | iksa     |
//! | perencanaan  | encana   | rencana    | rencana  |
//! | kepegawaian  | gawai    | pegawai    | gawa     |
//!
//! For each such word of a page, the root is indexed too (only when its stem
//! differs, so nothing already found is added twice). The opposite failure,
//! words reduced so far that they collide (pengadaan, keadaan and ada all
//! become "ada"), cannot be repaired in the index: the search page ranks
//! results whose text has the typed word itself first (see search.js).

use std::cell::RefCell;
use std::collections::BTreeSet;

use pagefind_stem::{Algorithm, Stemmer};

use crate::config::Language;

use super::memo::{NO_OWNER, WordMemo};

/// Root forms to index beside the words of `texts`, for `language`.
pub fn root_forms(texts: &[&str], language: Language) -> Vec<String> {
    if language != Language::Id {
        return Vec::new();
    }
    let mut out = BTreeSet::new();
    ROOTS.with_borrow_mut(|roots| {
        let words = texts
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            // Fewer than 6 bytes is fewer than 6 letters: the short words,
            // most of a text, are not even looked up.
            .filter(|w| w.len() >= MIN_LETTERS && may_have_roots(w));
        for word in words {
            let found = roots.get_or_make(NO_OWNER, word, || roots_of(word));
            for root in found.iter() {
                if !out.contains(root) {
                    out.insert(root.clone());
                }
            }
        }
    });
    out.into_iter().collect()
}

/// Words shorter than this (in letters) are left as they are.
const MIN_LETTERS: usize = 6;

/// Whether `word` starts as the words with roots do: [`candidates`] only
/// takes words from pe-, me- and ke-, so the others (some two thirds of
/// the long words) are passed over without a lookup. Told by the first two
/// bytes when both are ASCII, as they then are the first two letters and
/// lower-case to ASCII; a word starting otherwise is looked up.
fn may_have_roots(word: &str) -> bool {
    match word.as_bytes() {
        [first, second, ..] if first.is_ascii() && second.is_ascii() => {
            matches!(first.to_ascii_lowercase(), b'p' | b'm' | b'k')
                && second.eq_ignore_ascii_case(&b'e')
        }
        _ => true,
    }
}

/// The roots of `word` (as written) whose stems differ from its own.
fn roots_of(word: &str) -> Vec<String> {
    if word.chars().count() < MIN_LETTERS {
        return Vec::new();
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    let stem = STEMMER.with(|s| s.stem(&lower).into_owned());
    candidates(&lower)
        .into_iter()
        .filter(|c| c.chars().count() >= 4 && STEMMER.with(|s| s.stem(c) != stem.as_str()))
        .collect()
}

// Each thread remembers the roots of the words it has seen, keyed by the
// word as written so that a word seen before is neither lower-cased nor
// stemmed again: every SOP of a handbook repeats the same few thousand
// words, and stemming each word and its candidates again was a fifth of
// making a search record, lower-casing it another fifth.
thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::Indonesian);
    static ROOTS: RefCell<WordMemo<Vec<String>>> = RefCell::default();
}

/// What `word` may be derived from, by the rules of the peN-, meN-, per- and
/// ke-...-an affixes. Some candidates are not words; they cost a little index
/// and match nothing a reader types.
fn candidates(word: &str) -> Vec<String> {
    // One suffix at most, the longest that fits: "-kan" before "-an", so
    // "siapkan" gives "siap", not "siapk".
    let base = ["kan", "an", "i"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    let bases = [base];
    let mut out = Vec::new();
    for base in &bases {
        for prefix in ["pe", "me"] {
            let Some(rest) = base.strip_prefix(prefix) else {
                continue;
            };
            let swallowed = [("ny", "s"), ("ng", "k"), ("n", "t"), ("m", "p")];
            for (nasal, consonant) in swallowed {
                if let Some(tail) = rest.strip_prefix(nasal)
                    && tail.starts_with(is_vowel)
                {
                    out.push(format!("{consonant}{tail}"));
                    break;
                }
            }
            // pe- + a root in r-e (perencanaan, perekaman); per- + a vowel
            // root (peraturan, perubahan) is stemmed right already.
            if prefix == "pe" && rest.starts_with("re") {
                out.push(rest.to_string());
            }
        }
    }
    if let Some(inner) = word.strip_prefix("ke").and_then(|w| w.strip_suffix("an")) {
        out.push(inner.to_string());
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        Stemmer::create(Algorithm::Indonesian).stem(w).into_owned()
    }

    #[test]
    fn the_pitfalls_are_real() {
        // If the stemmer ever changes, this module may no longer be needed.
        assert_eq!(stem("pengadaan"), stem("ada"));
        assert_ne!(stem("penerbitan"), stem("terbit"));
        assert_ne!(stem("perencanaan"), stem("rencana"));
        assert_ne!(stem("pemeriksaan"), stem("periksa"));
    }

    #[test]
    fn a_derived_word_brings_the_root_a_reader_types() {
        let roots = root_forms(
            &[
                "Penerbitan SP2D, penetapan kinerja, pengelolaan dan pemeriksaan; perencanaan kepegawaian",
            ],
            Language::Id,
        );
        for root in ["terbit", "tetap", "kelola", "periksa", "rencana", "pegawai"] {
            assert!(
                roots.contains(&root.to_string()),
                "{root} missing: {roots:?}"
            );
            // And with it the page is found by the root's stem.
            assert!(roots.iter().any(|r| stem(r) == stem(root)));
        }
    }

    #[test]
    fn words_the_stemmer_already_handles_bring_nothing() {
        // penyusunan → susun and peminjaman → pinjam are stemmed right.
        let roots = root_forms(&["penyusunan peminjaman"], Language::Id);
        assert!(!roots.contains(&"susun".to_string()), "{roots:?}");
        assert!(!roots.contains(&"pinjam".to_string()), "{roots:?}");
    }

    #[test]
    fn a_word_brings_its_roots_however_it_is_capitalised() {
        for text in ["penerbitan", "Penerbitan", "PENERBITAN"] {
            let roots = root_forms(&[text], Language::Id);
            assert_eq!(roots, ["terbit"], "{text}");
        }
        // Words not from pe-, me- or ke- have none to bring.
        assert!(root_forms(&["terbitan dokumentasi"], Language::Id).is_empty());
    }

    #[test]
    fn english_handbooks_are_left_alone() {
        assert!(root_forms(&["penerbitan"], Language::En).is_empty());
    }
}
