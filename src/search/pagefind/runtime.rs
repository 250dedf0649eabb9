//! Pagefind's browser half: pagefind.js, its worker and WebAssembly, and the
//! entry file that points them at the index.
//!
//! The crate only hands these out with an index, so they are taken from the
//! bundle of a one-word index, once per language per process (`lajur serve`
//! rebuilds often), and that bundle's own index files are left out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ::pagefind::api::PagefindIndex;
use ::pagefind::options::PagefindServiceConfig;
use serde::{Deserialize, Serialize};

use super::{DIR as BUNDLE_DIR, VERSION};
use crate::config::Language;
use crate::output::OutputFile;

/// What the browser half needs besides the index.
struct Runtime {
    files: Vec<OutputFile>,
    entry: Entry,
}

/// `pagefind-entry.json`.
#[derive(Serialize, Deserialize, Clone)]
struct Entry {
    version: String,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

#[derive(Serialize, Deserialize, Clone)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

/// The scripts and WebAssembly, with paths under `pagefind/`.
pub(super) fn files(language: Language) -> Result<Vec<OutputFile>, String> {
    runtime(language).map(|r| r.files.clone())
}

/// The entry file of an index of `page_count` pages whose metadata file is
/// `pagefind.<meta_hash>.pf_meta`.
pub(super) fn entry(
    language: Language,
    meta_hash: &str,
    page_count: usize,
) -> Result<Vec<u8>, String> {
    let mut entry = runtime(language)?.entry.clone();
    for lang in entry.languages.values_mut() {
        lang.hash = meta_hash.to_string();
        lang.page_count = page_count;
    }
    Ok(serde_json::to_vec(&entry).expect("the entry is plain JSON"))
}

fn runtime(language: Language) -> Result<&'static Runtime, String> {
    static ID: OnceLock<Result<Runtime, String>> = OnceLock::new();
    static EN: OnceLock<Result<Runtime, String>> = OnceLock::new();
    let cell = match language {
        Language::Id => &ID,
        Language::En => &EN,
    };
    cell.get_or_init(|| load(language))
        .as_ref()
        .map_err(Clone::clone)
}

fn load(language: Language) -> Result<Runtime, String> {
    let code = language.code().to_string();
    let tokio = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let files = tokio.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(code.clone())
            .build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        index
            .add_custom_record("/".into(), "lajur".into(), code.clone(), None, None, None)
            .await
            .map_err(|e| e.to_string())?;
        index.get_files().await.map_err(|e| e.to_string())
    })?;

    // Pagefind names its files under <current dir>/pagefind/; the folder
    // holding pagefind.js is that bundle folder whatever the current dir is.
    let bundle = files
        .iter()
        .find(|f| f.filename.file_name().is_some_and(|n| n == "pagefind.js"))
        .and_then(|f| f.filename.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from(BUNDLE_DIR));
    let mut entry = None;
    let mut runtime_files = Vec::new();
    for file in files {
        let Ok(rel) = file.filename.strip_prefix(&bundle) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        if rel == "pagefind-entry.json" {
            entry =
                Some(serde_json::from_slice::<Entry>(&file.contents).map_err(|e| e.to_string())?);
        } else if !is_index_file(&rel) {
            runtime_files.push(OutputFile {
                path: format!("{BUNDLE_DIR}/{rel}"),
                bytes: file.contents,
            });
        }
    }
    let entry = entry.ok_or("Pagefind wrote no pagefind-entry.json")?;
    check_version(&entry.version)?;
    Ok(Runtime {
        files: runtime_files,
        entry,
    })
}

/// Fails unless the browser half is the version whose format lajur writes:
/// another would read the index lajur writes by its own rules, and might
/// find nothing, or the wrong pages, without any error.
fn check_version(version: &str) -> Result<(), String> {
    if version == VERSION {
        Ok(())
    } else {
        Err(format!(
            "the pagefind crate is version {version}, but lajur writes the index \
             in Pagefind {VERSION}'s format: pin pagefind = \"={VERSION}\" in \
             Cargo.toml, or update src/search/pagefind/ and its VERSION \
             (tests/search_format.rs shows what changed)"
        ))
    }
}

/// The files of the one-word index itself.
fn is_index_file(rel: &str) -> bool {
    rel.ends_with(".pf_meta")
        || rel.starts_with("fragment/")
        || rel.starts_with("index/")
        || rel.starts_with("filter/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_half_is_the_version_whose_format_is_written() {
        let runtime = runtime(Language::Id).expect("Pagefind's browser half");
        assert_eq!(runtime.entry.version, VERSION);
    }

    #[test]
    fn another_version_of_the_crate_fails_loudly() {
        let error = check_version("1.7.0").expect_err("another version");
        assert!(
            error.contains("1.7.0") && error.contains(VERSION),
            "{error}"
        );
        assert!(error.contains("src/search/pagefind/"), "{error}");
    }
}
