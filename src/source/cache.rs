//! What `lajur serve` keeps between two loads, so a rebuild after one save
//! re-reads and re-parses only the files that changed.
//!
//! A file is read again when its length or modification time changed, or
//! when the watcher named it ([`SourceCache::forget`]: modification times
//! can be coarser than two quick saves of the same length). What an SOP
//! inherits from its units is part of its key, so editing an `_index.md`
//! re-reads the SOPs below it; editing handbook.yaml re-reads everything.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{RegisterEntry, Sop, Unit};

use super::sop::Place;
use super::walk::{self, Content};

/// What a file looked like when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    /// The stamp of `path`; None when it is not there (nothing to cache).
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// What an SOP's reading depends on besides its own text and the settings:
/// the place it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlaceKey {
    path: String,
    unit: String,
    satuan_kerja: Option<String>,
    organisasi: Option<String>,
    logo: Option<String>,
    satuan_waktu: Option<String>,
    unit_lines: Vec<String>,
}

impl PlaceKey {
    fn of(place: &Place<'_>) -> Self {
        PlaceKey {
            path: place.path.clone(),
            unit: place.unit.clone(),
            satuan_kerja: place.satuan_kerja.clone(),
            organisasi: place.organisasi.clone(),
            logo: place.logo.clone(),
            satuan_waktu: place.satuan_waktu.clone(),
            unit_lines: place.unit_lines.clone(),
        }
    }
}

/// One file's parse result and what it was read from.
#[derive(Debug)]
struct Entry<K, V> {
    stamp: Stamp,
    key: K,
    value: V,
    diagnostics: Vec<Diagnostic>,
}

type Entries<K, V> = Mutex<HashMap<String, Entry<K, V>>>;

/// Parse results of the last load, by file. Create one with
/// `SourceCache::default()` and pass it to every [`super::load_with_cache`].
#[derive(Debug, Default)]
pub struct SourceCache {
    /// False for [`super::load`]: read everything, keep nothing.
    disabled: bool,
    root: PathBuf,
    /// handbook.yaml's stamp (None: no such file), settings and problems.
    config: Option<(Option<Stamp>, Config, Vec<Diagnostic>)>,
    /// By content folder ("" for content/), keyed by the default nama.
    units: Entries<String, Unit>,
    /// By path relative to content/.
    sops: Entries<PlaceKey, Option<Sop>>,
    register: Entries<(), Vec<RegisterEntry>>,
    /// Files parsed (not taken from the cache) by the last load.
    parsed: Mutex<Vec<PathBuf>>,
}

/// A poisoned lock only means a reader panicked mid-insert; the maps stay valid.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl SourceCache {
    /// A cache that keeps nothing: every load reads every file.
    pub fn disabled() -> Self {
        SourceCache {
            disabled: true,
            ..SourceCache::default()
        }
    }

    /// Drops what was read of `path` (absolute under the root, or relative
    /// to it), so the next load reads it again whatever its stamp says.
    pub fn forget(&mut self, path: &Path) {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        if rel == Path::new("handbook.yaml") {
            self.clear();
            return;
        }
        let Ok(in_content) = rel.strip_prefix("content") else {
            return;
        };
        let key: String = in_content
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if walk::file_name(&key) == "_index.md" {
            lock(&self.units).remove(walk::folder(&key));
        }
        // A folder renamed or removed: whatever was read below it goes too.
        let below = format!("{key}/");
        let stale = |k: &String| k == &key || k.starts_with(&below);
        lock(&self.sops).retain(|k, _| !stale(k));
        lock(&self.units).retain(|k, _| !stale(k));
        lock(&self.register).retain(|k, _| !stale(k));
    }

    /// Forgets everything read.
    pub fn clear(&mut self) {
        self.config = None;
        lock(&self.units).clear();
        lock(&self.sops).clear();
        lock(&self.register).clear();
    }

    /// The files the last load parsed, relative to the root: the ones new or
    /// changed since the load before (every file, the first time).
    pub fn parsed(&self) -> Vec<PathBuf> {
        let mut parsed = lock(&self.parsed).clone();
        parsed.sort();
        parsed
    }

    pub(super) fn begin(&mut self, root: &Path) {
        if self.root != root {
            self.clear();
            self.root = root.to_path_buf();
        }
        lock(&self.parsed).clear();
    }

    /// handbook.yaml through the cache. Every SOP is read in the light of
    /// the settings, so new settings drop everything else.
    pub(super) fn config(
        &mut self,
        read: impl FnOnce() -> (Config, Vec<Diagnostic>),
    ) -> (Config, Vec<Diagnostic>) {
        let rel = Path::new("handbook.yaml");
        let stamp = Stamp::of(&self.root.join(rel));
        if let Some((was, config, diagnostics)) = &self.config
            && !self.disabled
            && *was == stamp
        {
            return (config.clone(), diagnostics.clone());
        }
        let (config, diagnostics) = read();
        if self.disabled {
            return (config, diagnostics);
        }
        self.clear();
        lock(&self.parsed).push(rel.to_path_buf());
        self.config = Some((stamp, config.clone(), diagnostics.clone()));
        (config, diagnostics)
    }

    /// The unit of content folder `rel`, read from its _index.md if changed.
    pub(super) fn unit(
        &self,
        rel: &str,
        default_nama: &str,
        read: impl FnOnce() -> (Unit, Vec<Diagnostic>),
    ) -> (Unit, Vec<Diagnostic>) {
        let file = if rel.is_empty() {
            "content/_index.md".to_string()
        } else {
            format!("content/{rel}/_index.md")
        };
        self.through(&self.units, rel, &file, default_nama.to_string(), read)
    }

    /// The SOP file `rel` (under content/), read if changed or moved.
    pub(super) fn sop(
        &self,
        rel: &str,
        place: &Place<'_>,
        read: impl FnOnce() -> (Option<Sop>, Vec<Diagnostic>),
    ) -> (Option<Sop>, Vec<Diagnostic>) {
        let file = format!("content/{rel}");
        self.through(&self.sops, rel, &file, PlaceKey::of(place), read)
    }

    /// The register file `rel` (under content/), read if changed.
    pub(super) fn register(
        &self,
        rel: &str,
        read: impl FnOnce() -> (Vec<RegisterEntry>, Vec<Diagnostic>),
    ) -> (Vec<RegisterEntry>, Vec<Diagnostic>) {
        let file = format!("content/{rel}");
        self.through(&self.register, rel, &file, (), read)
    }

    /// Drops the files content/ no longer holds.
    pub(super) fn finish(&self, content: &Content) {
        let folders: HashSet<&str> = content.folders.iter().map(String::as_str).collect();
        let sops: HashSet<&str> = content.sops.iter().map(String::as_str).collect();
        lock(&self.units).retain(|k, _| folders.contains(k.as_str()));
        lock(&self.sops).retain(|k, _| sops.contains(k.as_str()));
        lock(&self.register).retain(|k, _| content.register.as_deref() == Some(k.as_str()));
    }

    /// The cached value of `rel` when its file (`file`, from the root) and
    /// key are as they were, else `read()` and keep the result.
    fn through<K: PartialEq, V: Clone>(
        &self,
        entries: &Entries<K, V>,
        rel: &str,
        file: &str,
        key: K,
        read: impl FnOnce() -> (V, Vec<Diagnostic>),
    ) -> (V, Vec<Diagnostic>) {
        if self.disabled {
            return read();
        }
        // Stamped before reading: a save during the read shows as a change next time.
        let Some(stamp) = Stamp::of(&self.root.join(file)) else {
            lock(entries).remove(rel);
            return read();
        };
        if let Some(entry) = lock(entries).get(rel)
            && entry.stamp == stamp
            && entry.key == key
        {
            return (entry.value.clone(), entry.diagnostics.clone());
        }
        let (value, diagnostics) = read();
        lock(&self.parsed).push(PathBuf::from(file));
        lock(entries).insert(
            rel.to_string(),
            Entry {
                stamp,
                key,
                value: value.clone(),
                diagnostics: diagnostics.clone(),
            },
        );
        (value, diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;
    use crate::source::{load, load_with_cache};
    use crate::testing::folder::{self, named_sop as sop, unit, write};

    fn handbook() -> (tempfile::TempDir, Options) {
        let dir = folder::handbook(&[
            ("handbook.yaml", "title: Pedoman\n"),
            ("content/umum/_index.md", &unit("Bagian Umum")),
            ("content/umum/a.yaml", &sop("SOP-1", "Satu")),
            ("content/umum/b.yaml", &sop("SOP-2", "Dua")),
            ("content/keuangan/c.yaml", &sop("SOP-3", "Tiga")),
        ]);
        let opts = Options {
            root: dir.path().to_path_buf(),
            ..Options::default()
        };
        (dir, opts)
    }

    fn parsed(cache: &SourceCache) -> Vec<String> {
        cache
            .parsed()
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    /// What a load read, in a form to compare two loads by.
    fn summary(opts: &Options, cache: Option<&mut SourceCache>) -> Vec<String> {
        let loaded = match cache {
            Some(cache) => load_with_cache(opts, cache),
            None => load(opts),
        };
        let handbook = loaded.handbook.unwrap();
        let mut out: Vec<String> = handbook
            .sops
            .iter()
            .map(|s| format!("{} {} {} {:?}", s.path, s.nomor, s.nama, s.unit_lines))
            .collect();
        out.extend(loaded.diagnostics.iter().map(|d| d.to_text()));
        out
    }

    #[test]
    fn unchanged_files_are_not_parsed_again() {
        let (_dir, opts) = handbook();
        let mut cache = SourceCache::default();
        let first = summary(&opts, Some(&mut cache));
        assert_eq!(first, summary(&opts, None));
        assert_eq!(parsed(&cache).len(), 5, "{:?}", parsed(&cache));

        assert_eq!(summary(&opts, Some(&mut cache)), first);
        assert!(parsed(&cache).is_empty(), "{:?}", parsed(&cache));

        write(
            &opts.root,
            "content/umum/b.yaml",
            sop("SOP-2", "Dua Diubah Lagi"),
        );
        let edited = summary(&opts, Some(&mut cache));
        assert_eq!(parsed(&cache), ["content/umum/b.yaml"]);
        assert!(edited.iter().any(|l| l.contains("Dua Diubah Lagi")));
        assert_eq!(edited, summary(&opts, None));
    }

    #[test]
    fn a_file_the_watcher_names_is_read_again_even_with_the_same_stamp() {
        let (_dir, opts) = handbook();
        let mut cache = SourceCache::default();
        summary(&opts, Some(&mut cache));
        cache.forget(&opts.root.join("content/umum/a.yaml"));
        summary(&opts, Some(&mut cache));
        assert_eq!(parsed(&cache), ["content/umum/a.yaml"]);
    }

    #[test]
    fn a_unit_change_rereads_its_sops_and_settings_reread_all() {
        let (_dir, opts) = handbook();
        let mut cache = SourceCache::default();
        summary(&opts, Some(&mut cache));
        write(
            &opts.root,
            "content/umum/_index.md",
            unit("Bagian Umum dan Kepegawaian"),
        );
        let after = summary(&opts, Some(&mut cache));
        assert_eq!(
            parsed(&cache),
            [
                "content/umum/_index.md",
                "content/umum/a.yaml",
                "content/umum/b.yaml"
            ]
        );
        assert!(after.iter().any(|l| l.contains("Kepegawaian")));
        assert_eq!(after, summary(&opts, None));

        write(&opts.root, "handbook.yaml", "title: Pedoman Baru\n");
        summary(&opts, Some(&mut cache));
        assert_eq!(parsed(&cache).len(), 5);
    }

    #[test]
    fn deleted_and_broken_files_are_seen() {
        let (_dir, opts) = handbook();
        let mut cache = SourceCache::default();
        summary(&opts, Some(&mut cache));
        std::fs::remove_file(opts.root.join("content/keuangan/c.yaml")).unwrap();
        write(&opts.root, "content/umum/a.yaml", "nomor: [\n");
        let broken = summary(&opts, Some(&mut cache));
        assert_eq!(broken, summary(&opts, None));
        assert!(!broken.iter().any(|l| l.contains("Tiga")));
        assert!(broken.iter().any(|l| l.contains("content/umum/a.yaml:")));
        // Still broken and unchanged: the same problems, without a re-read.
        assert_eq!(summary(&opts, Some(&mut cache)), broken);
        assert!(parsed(&cache).is_empty());
    }
}
