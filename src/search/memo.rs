//! What a thread has worked out for each word it met while indexing. A
//! handbook repeats the same few thousand words on every SOP, so the index
//! words of a token, its root forms and its place in the abbreviation list
//! are each worked out once per thread, not once per occurrence.

use std::sync::atomic::{AtomicU64, Ordering};

// foldhash: looked up for every word of every SOP.
use hashbrown::HashMap;

/// Past this many words a memo starts afresh: nothing stops a handbook of
/// unique strings (numbers, names) from growing it without end.
const MAX_WORDS: usize = 100_000;

/// The owner of memos whose values depend on the word alone.
pub(crate) const NO_OWNER: u64 = 0;

/// A new owner, told apart from every other: what a memo holds for one
/// (a numbering of stems, a list of abbreviations) is wrong for the next,
/// and `lajur serve` indexes again on the same threads after every save.
pub(crate) fn new_owner() -> u64 {
    static OWNERS: AtomicU64 = AtomicU64::new(NO_OWNER + 1);
    OWNERS.fetch_add(1, Ordering::Relaxed)
}

/// One thread's memo: for each word as written, what was worked out for it
/// on behalf of one owner.
pub(crate) struct WordMemo<V> {
    owner: u64,
    values: HashMap<String, V>,
}

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo {
            owner: NO_OWNER,
            values: HashMap::new(),
        }
    }
}

impl<V> WordMemo<V> {
    /// The value of `word` for `owner`, made by `make` the first time;
    /// what was kept for another owner is forgotten.
    pub fn get_or_make(&mut self, owner: u64, word: &str, make: impl FnOnce() -> V) -> &V {
        if self.owner != owner {
            self.owner = owner;
            self.values.clear();
        }
        // The length first: a word met before costs one lookup.
        if self.values.len() >= MAX_WORDS && !self.values.contains_key(word) {
            self.values.clear();
        }
        self.values.entry_ref(word).or_insert_with(make)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_per_owner() {
        let mut memo = WordMemo::default();
        let (first, second) = (new_owner(), new_owner());
        let mut made = 0;
        for owner in [first, first, second, second, first] {
            memo.get_or_make(owner, "kasubag", || {
                made += 1;
                owner
            });
        }
        assert_eq!(made, 3);
        assert_eq!(*memo.get_or_make(first, "kasubag", || 0), first);
    }

    #[test]
    fn a_full_memo_starts_afresh() {
        let mut memo = WordMemo::default();
        for n in 0..MAX_WORDS {
            memo.get_or_make(NO_OWNER, &n.to_string(), || n);
        }
        assert_eq!(memo.values.len(), MAX_WORDS);
        // A word it has costs nothing; a new one clears it first.
        memo.get_or_make(NO_OWNER, "0", || 1);
        assert_eq!(memo.values.len(), MAX_WORDS);
        memo.get_or_make(NO_OWNER, "baru", || 1);
        assert_eq!(memo.values.len(), 1);
    }
}
