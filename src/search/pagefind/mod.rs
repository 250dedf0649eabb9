//! The fence around Pagefind's internals: everything lajur copies of
//! Pagefind's index format lives here, and nothing outside this module
//! knows it. Records go in, files come out:
//!
//! ```text
//! let mut bundle = Bundle::new(language, &["title", "nomor"], sops.len(), sink);
//! bundle.add(&sops, |sop| Record { url, content, shown, meta, filters })?;
//! bundle.finish()?;   // sink got index, fragments, filters, metadata,
//!                     // entry file, pagefind.js and its wasm, each named
//!                     // within the bundle's folder ("fragment/….pf_fragment")
//! ```
//!
//! A record's `content` is written with [`Content`], which puts Pagefind's
//! weight marks around the parts that rank higher.
//!
//! Why lajur writes Pagefind's files itself rather than through the
//! `pagefind` crate's API: at ten thousand SOPs the crate took 9 seconds and
//! 1.5 GiB, most of a build (docs/performance.md). The browser half
//! (pagefind.js, its worker and WebAssembly) is Pagefind's own, vendored
//! byte for byte in `vendor/`, and reads these files as its own. What is
//! copied, and where:
//!
//! | Pagefind's                                   | here                |
//! |----------------------------------------------|---------------------|
//! | CBOR field numbers of meta, index, filter    | `format`            |
//! | the `pagefind_dcd` marker, gzipped           | `format::gzip`      |
//! | fragment JSON, file naming by SHA-1          | `format`            |
//! | location packing (weights, deltas)           | `locations`         |
//! | tokenizer: parts, diacritics, stems          | `words`             |
//! | weight marks `___PAGEFIND_WEIGHT___`         | [`Content`], `page` |
//! | chunking of the word index, chunk ranges     | `postings`, `bundle`|
//! | fragment groups (`max_fragments`)            | `bundle`            |
//! | the entry file, patched for our meta file    | `runtime`           |
//!
//! lajur adds one field of its own to every fragment, `shown_words`
//! (see [`Record::shown`]), which Pagefind's script passes through.
//!
//! The format is Pagefind [`PAGEFIND_VERSION`]'s, and only that version's:
//! the bundle declares it, the vendored scripts must declare it too (a test
//! in `runtime`), and the `pagefind` dev-dependency is pinned to it with `=`.
//! `tests/search_format.rs` indexes the same records with that crate's own
//! indexer and compares both bundles as generic CBOR and JSON, so a field
//! lajur does not write (or writes differently) fails the test, and every
//! vendored file must be the crate's, byte for byte. Updating Pagefind:
//! vendor the new version's files (`vendor/README.md`), change the pin and
//! [`PAGEFIND_VERSION`], run that test, and fix what it reports here.

mod bundle;
mod format;
mod locations;
mod page;
mod postings;
mod runtime;
mod words;

use std::collections::BTreeMap;
use std::fmt::Write;

pub use bundle::{Bundle, MAX_FRAGMENTS};
pub use runtime::NOT_SERVED;

/// The Pagefind version whose format this module writes, whose browser
/// files are vendored, and to which the `pagefind` dev-dependency (Pagefind's
/// own indexer, for tests/search_format.rs) is pinned.
pub const PAGEFIND_VERSION: &str = "1.6.0";

/// What the index holds of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The page's URL below the site root, as Pagefind returns it
    /// (`/unit/sop/`); the search page puts the base path in front.
    pub url: String,
    /// The text the index reads, with Pagefind's weight marks around the
    /// parts that rank higher (see [`Content`]).
    pub content: String,
    /// How much of `content` (in bytes) is the page's own text, which a
    /// result's excerpt is cut from. The rest, the other forms of its terms
    /// and the other ways to cite its laws, finds the page but would read as
    /// noise in an excerpt ("UU 17/2003. UU 17 2003. UU No 17 Tahun 2003.").
    /// Written to each fragment as `shown_words`, lajur's one field.
    pub shown: usize,
    /// Shown in a result: title, nomor, unit.
    pub meta: BTreeMap<String, String>,
    /// The result list's filters: unit and pelaksana.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// Mark Pagefind's own HTML reader writes before a run of weighted words
/// (headings, `data-pagefind-weight`), followed by the weight; a custom
/// record goes through the same reader of marks.
const WEIGHT_MARK: &str = "___PAGEFIND_WEIGHT___";
/// Mark after a run of weighted words.
const END_WEIGHT_MARK: &str = "___END_PAGEFIND_WEIGHT___";

/// The text of a record, as Pagefind reads it: sentences, and runs of words
/// between weight marks.
#[derive(Default)]
pub struct Content(String);

impl Content {
    /// Empty, with room for `bytes`.
    pub fn with_capacity(bytes: usize) -> Content {
        Content(String::with_capacity(bytes))
    }

    /// Bytes written so far (for [`Record::shown`]).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text, for [`Record::content`].
    pub fn into_string(self) -> String {
        self.0
    }

    /// Adds `text` as a sentence of plain weight; blank text adds nothing.
    pub fn sentence(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // A word that looks like a mark must not be read as one. (Looking for
        // one underscore first is a byte search, and most texts have none.)
        if text.contains('_') && text.contains("___") {
            self.0.push_str(&text.replace("___", "_ _ _"));
        } else {
            self.0.push_str(text);
        }
        // Ends the sentence, so a phrase match does not run into the next
        // field and an excerpt reads as the page does.
        if !text.ends_with(['.', '!', '?', ':', ';']) {
            self.0.push('.');
        }
        self.0.push(' ');
    }

    /// Adds each of `texts` as a sentence.
    pub fn sentences(&mut self, texts: impl IntoIterator<Item = impl AsRef<str>>) {
        texts.into_iter().for_each(|t| self.sentence(t.as_ref()));
    }

    /// Adds `text` as a sentence of `weight`, on Pagefind's scale where an
    /// `<h1>` is 7 and plain text 1.
    pub fn weighted(&mut self, weight: u8, text: &str) {
        // Written in place: `format!` would make a string to copy.
        write!(self.0, " {WEIGHT_MARK}{weight} ").expect("a String takes any text");
        self.sentence(text);
        write!(self.0, " {END_WEIGHT_MARK} ").expect("a String takes any text");
    }
}

/// The words of a record's content as a reader wrote them: split at white
/// space, without the weight marks [`Content`] put in.
pub fn text_words(content: &str) -> impl Iterator<Item = &str> {
    content
        .split_whitespace()
        .filter(|w| !w.starts_with(WEIGHT_MARK) && *w != END_WEIGHT_MARK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_a_content_are_without_its_marks() {
        let mut content = Content::default();
        content.weighted(7, "Cuti Pegawai");
        content.sentence("Kepala Dinas");
        let words: Vec<&str> = text_words(&content.0).collect();
        assert_eq!(words, ["Cuti", "Pegawai.", "Kepala", "Dinas."]);
    }

    #[test]
    fn text_that_looks_like_a_weight_mark_stays_text() {
        let mut content = Content::default();
        content.sentence("___PAGEFIND_WEIGHT___9 curang");
        assert!(!content.0.contains("___PAGEFIND"));
        assert!(content.0.contains("curang"));
    }

    /// tests/search_format.rs proves the vendored files and the format
    /// against the crate Cargo.toml names: it must be this version.
    #[test]
    fn the_reference_indexer_is_pinned_to_the_version_whose_format_is_written() {
        let manifest = include_str!("../../../Cargo.toml");
        let pin = format!("pagefind = {{ version = \"={PAGEFIND_VERSION}\"");
        let dev = manifest
            .split_once("[dev-dependencies]")
            .expect("Cargo.toml has dev-dependencies")
            .1;
        assert!(
            dev.lines().any(|l| l.starts_with(&pin)),
            "Cargo.toml must pin the pagefind dev-dependency with \
             `={PAGEFIND_VERSION}`: lajur writes Pagefind {PAGEFIND_VERSION}'s \
             index format (src/search/pagefind/)"
        );
    }
}
