//! Pagefind's browser half: pagefind.js, its worker and WebAssembly, and the
//! entry file that points them at the index.
//!
//! The files are Pagefind [`PAGEFIND_VERSION`]'s own, vendored byte for byte
//! in `vendor/` (its README says where from) and embedded in the binary:
//! linking the `pagefind` crate to get them carried its indexer, an HTML
//! rewriter, a JavaScript minifier and the WebAssembly of 34 languages, a
//! fifth of the downloadable binary. `tests/search_format.rs` checks that
//! they are what the pinned `pagefind` dev-dependency writes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::PAGEFIND_VERSION;
use super::words::WORD_SYMBOLS;
use crate::config::Language;
use crate::output::OutputFile;

/// One vendored file: its name in the bundle's folder, and its bytes.
struct Vendored {
    name: &'static str,
    bytes: &'static [u8],
}

macro_rules! vendored {
    ($name:literal) => {
        Vendored {
            name: $name,
            bytes: include_bytes!(concat!("vendor/", $name)),
        }
    };
}

/// What lajur's pages load from every bundle, whatever its language:
/// `pagefind.js`, the worker it starts, and the WebAssembly it falls back to
/// for a page whose language the index does not name. Pagefind's own indexer
/// also writes its ready-made search UIs and a highlighter
/// ([`NOT_SERVED`]); lajur's search page is its own (themes/default), so they
/// are neither vendored nor written, which keeps about 430 KB out of the
/// binary and of every site.
const COMMON: [Vendored; 3] = [
    vendored!("pagefind.js"),
    vendored!("pagefind-worker.js"),
    vendored!("wasm.unknown.pagefind"),
];

/// The files Pagefind 1.6.0's indexer writes that lajur does not (see
/// [`COMMON`]); `tests/search_format.rs` allows exactly these to be missing.
pub const NOT_SERVED: [&str; 7] = [
    "pagefind-highlight.js",
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
];

/// The WebAssembly that stems queries as the index was stemmed: one per
/// language lajur speaks, the only ones it embeds.
fn wasm(language: Language) -> Vendored {
    match language {
        Language::Id => vendored!("wasm.id.pagefind"),
        Language::En => vendored!("wasm.en.pagefind"),
    }
}

/// `pagefind-entry.json`.
#[derive(Serialize)]
struct Entry<'a> {
    version: &'static str,
    languages: BTreeMap<&'static str, EntryLanguage<'a>>,
    include_characters: &'static [char],
}

#[derive(Serialize)]
struct EntryLanguage<'a> {
    hash: &'a str,
    wasm: Option<&'static str>,
    page_count: usize,
}

/// The scripts and WebAssembly, named within the bundle's folder.
pub(super) fn files(language: Language) -> impl Iterator<Item = OutputFile> {
    COMMON
        .into_iter()
        .chain([wasm(language)])
        .map(|file| OutputFile {
            path: file.name.to_string(),
            bytes: file.bytes.to_vec(),
        })
}

/// The entry file of an index of `page_count` pages whose metadata file is
/// `pagefind.<meta_hash>.pf_meta`, as Pagefind writes it.
pub(super) fn entry(language: Language, meta_hash: &str, page_count: usize) -> Vec<u8> {
    let entry = Entry {
        version: PAGEFIND_VERSION,
        languages: BTreeMap::from([(
            language.code(),
            EntryLanguage {
                hash: meta_hash,
                wasm: Some(language.code()),
                page_count,
            },
        )]),
        include_characters: &WORD_SYMBOLS,
    };
    serde_json::to_vec(&entry).expect("the entry is plain JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Pagefind version a script of Pagefind's says it is: each starts by
    /// declaring `pagefind_version`, which the browser half checks the index's
    /// version against.
    fn declared_version(script: &[u8]) -> Option<&str> {
        let rest = script.strip_prefix(b"const pagefind_version=\"")?;
        let end = rest.iter().position(|&b| b == b'"')?;
        std::str::from_utf8(&rest[..end]).ok()
    }

    /// The fence: the vendored scripts are the version whose format lajur
    /// writes. Another version's script would read lajur's index by its own
    /// rules, and might find nothing, or the wrong pages, without an error.
    #[test]
    fn the_vendored_scripts_are_the_version_whose_format_is_written() {
        for name in ["pagefind.js", "pagefind-worker.js"] {
            let file = COMMON.iter().find(|f| f.name == name).expect(name);
            assert_eq!(
                declared_version(file.bytes),
                Some(PAGEFIND_VERSION),
                "src/search/pagefind/vendor/{name} is not Pagefind {PAGEFIND_VERSION}'s: \
                 vendor every file of one version and set PAGEFIND_VERSION to it"
            );
        }
        let readme = include_str!("vendor/README.md");
        assert!(
            readme.contains(&format!("**{PAGEFIND_VERSION}**")),
            "vendor/README.md names another version"
        );
    }

    #[test]
    fn another_version_of_a_script_is_told_apart() {
        let script = b"const pagefind_version=\"1.7.0\";let wasm_bindgen=";
        assert_eq!(declared_version(script), Some("1.7.0"));
        assert_eq!(declared_version(b"let wasm_bindgen="), None);
    }

    #[test]
    fn every_language_gets_its_own_stemmer_and_the_fallback() {
        for language in [Language::Id, Language::En] {
            let names: Vec<String> = files(language).map(|f| f.path).collect();
            let own = format!("wasm.{}.pagefind", language.code());
            assert!(names.contains(&own), "{names:?}");
            assert!(names.contains(&"wasm.unknown.pagefind".to_string()));
            assert!(names.contains(&"pagefind.js".to_string()));
        }
    }

    #[test]
    fn the_entry_points_at_the_index_and_declares_the_version() {
        let entry: serde_json::Value =
            serde_json::from_slice(&entry(Language::En, "en_0123456789", 7)).expect("JSON");
        assert_eq!(entry["version"], PAGEFIND_VERSION);
        let en = &entry["languages"]["en"];
        assert_eq!(en["hash"], "en_0123456789");
        assert_eq!(en["wasm"], "en");
        assert_eq!(en["page_count"], 7);
    }
}
