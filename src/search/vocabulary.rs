//! Kosakata: every word of the handbook, for correcting a typo in a query.
//!
//! Pagefind matches words and their prefixes, so "berkla" or "pemelihraan"
//! finds nothing. The search page corrects such a word (one that finds no
//! SOP) to the nearest words the SOPs have: one edit for words of 4 to 7
//! letters, two for 8 or more, a transposition counting as one, as
//! Typesense does. For that it needs the words themselves, which Pagefind's
//! index does not give (it holds stems, in chunks by prefix).
//!
//! So the build writes the vocabulary beside the index, in shards a query
//! fetches only as it needs them: one per word length and first letter
//! (`kata/7-k.kata`: the words of seven letters that start with k). A word
//! of length L with k edits can only be corrected to words of length L-k to
//! L+k; nearly always they start with the same letter, or with its second
//! one (two letters swapped, or the first one doubled), so a query fetches
//! those shards first, and the other letters of those lengths only when
//! they had nothing. `kata/index.json` lists the shards there are.
//!
//! A shard is gzipped text, a line per document frequency, most frequent
//! first: `12 kantor kepala\n3 kegiatan\n`. The frequency chooses between
//! corrections at the same distance. At 10,000 synthetic SOPs the
//! vocabulary is small; on a real handbook a shard is a few hundred words.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;

use hashbrown::{HashMap, HashSet};

use crate::output::OutputFile;
// The folder of the shards, under the search bundle's folder.
use crate::routes::SEARCH_VOCABULARY_DIR as DIR;

/// Shorter words are not corrected (one edit in three letters makes another
/// word), but a four-letter word may be corrected to one of three.
const MIN_LEN: usize = 3;
/// Longer "words" are codes and run-together text, never corrected to.
const MAX_LEN: usize = 30;

/// The words of the records read so far, with how many records have each.
#[derive(Default)]
pub struct Vocabulary {
    counts: Mutex<HashMap<String, u32>>,
}

impl Vocabulary {
    /// Counts the words of one record's text (`words`: its text as the
    /// indexer reads it, without Pagefind's marks); each word once however
    /// often the record has it. Called from the threads reading records.
    pub fn note<'a>(&self, words: impl Iterator<Item = &'a str>) {
        let mut seen: HashSet<String> = HashSet::new();
        for token in words {
            for word in token.split(|c: char| !c.is_alphanumeric()) {
                if is_correctable(word) {
                    seen.insert(word.to_lowercase());
                }
            }
        }
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        for word in seen {
            *counts.entry(word).or_default() += 1;
        }
    }

    /// The shards and their list, with paths under the bundle's folder
    /// (`kata/7-k.kata`, `kata/index.json`), in a stable order.
    pub fn files(self) -> Vec<OutputFile> {
        let counts = self.counts.into_inner().unwrap_or_else(|e| e.into_inner());
        // (length, first letter) → frequency, most first → words in order.
        let mut shards: BTreeMap<(usize, char), BTreeMap<std::cmp::Reverse<u32>, Vec<String>>> =
            BTreeMap::new();
        for (word, count) in counts {
            shards
                .entry(shard_key(&word))
                .or_default()
                .entry(std::cmp::Reverse(count))
                .or_default()
                .push(word);
        }
        let mut list: BTreeMap<usize, String> = BTreeMap::new();
        let mut files = Vec::with_capacity(shards.len() + 1);
        for ((len, first), by_count) in shards {
            list.entry(len).or_default().push(first);
            let mut text = String::new();
            for (std::cmp::Reverse(count), mut words) in by_count {
                words.sort_unstable();
                text.push_str(&count.to_string());
                for w in words {
                    text.push(' ');
                    text.push_str(&w);
                }
                text.push('\n');
            }
            files.push(OutputFile {
                path: format!("{DIR}/{len}-{first}.kata"),
                bytes: gzip(text.as_bytes()),
            });
        }
        files.push(OutputFile {
            path: format!("{DIR}/index.json"),
            bytes: serde_json::to_vec(&list).expect("a map of strings is JSON"),
        });
        files
    }
}

/// Whether `word` may be a correction: letters only (a number or a code
/// with digits is not mistyped the way words are), of a length corrected.
fn is_correctable(word: &str) -> bool {
    let len = word.chars().count();
    (MIN_LEN..=MAX_LEN).contains(&len) && word.chars().all(char::is_alphabetic)
}

/// The shard of a lower-case word: its length in letters and its first
/// letter, `_` for a letter outside a-z (the search page does the same).
fn shard_key(word: &str) -> (usize, char) {
    let first = word.chars().next().unwrap_or('_');
    let first = if first.is_ascii_lowercase() {
        first
    } else {
        '_'
    };
    (word.chars().count(), first)
}

/// Gzipped at the highest level: written once, fetched by many. A gzip
/// header without a time, so a build is reproducible.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn text(file: &OutputFile) -> String {
        let mut out = String::new();
        flate2::read::GzDecoder::new(file.bytes.as_slice())
            .read_to_string(&mut out)
            .expect("gzip");
        out
    }

    #[test]
    fn words_are_sharded_by_length_and_first_letter_most_frequent_first() {
        let vocabulary = Vocabulary::default();
        vocabulary.note("Kenaikan gaji berkala. Kenaikan pangkat".split(' '));
        vocabulary.note("kenaikan gaji, UU 17/2003 SP2D (Évaluasi) kepangkatan".split(' '));
        let files = vocabulary.files();
        let by_path: BTreeMap<&str, &OutputFile> =
            files.iter().map(|f| (f.path.as_str(), f)).collect();
        assert_eq!(text(by_path["kata/8-k.kata"]), "2 kenaikan\n");
        assert_eq!(text(by_path["kata/4-g.kata"]), "2 gaji\n");
        assert_eq!(text(by_path["kata/7-b.kata"]), "1 berkala\n");
        // Numbers, codes and short words are not corrected to.
        assert!(!by_path.keys().any(|p| p.starts_with("kata/2-")));
        assert!(
            !files
                .iter()
                .any(|f| f.path.ends_with(".kata") && text(f).contains("sp2d"))
        );
        // A word that does not start with a-z has its own shard.
        assert_eq!(text(by_path["kata/8-_.kata"]), "1 évaluasi\n");
        let list: BTreeMap<String, String> =
            serde_json::from_slice(&by_path["kata/index.json"].bytes).expect("JSON");
        assert_eq!(list["8"], "_k");
        assert_eq!(list["11"], "k");
    }
}
