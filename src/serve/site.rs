//! One generation of the built site, served from memory and replaced whole
//! after each good build, so a reader never sees half a site.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::model::Asset;
use crate::output::OutputFile;

/// A file of the site: rendered in memory, or on disk (attachments and
/// static files, which may be large and are read when asked for).
#[derive(Debug, Clone)]
pub enum Body {
    Memory(Arc<Vec<u8>>),
    Disk(PathBuf),
}

/// Files by path under the site root ("index.html", "umum/rkt/index.html").
pub type Files = HashMap<String, Body>;

#[derive(Debug, Default)]
pub struct Site {
    /// Counts good builds; the search index of an older one is not used.
    pub generation: u64,
    pub files: Files,
    /// The search index, rebuilt in the background after each build; the
    /// previous one is served until then.
    pub search: Arc<Files>,
}

impl Site {
    /// The site of one build: the rendered files (none where an asset takes
    /// the path: the pipeline's sink filter saw to it) and the assets, read
    /// from disk when asked for.
    pub fn new(
        generation: u64,
        rendered: Vec<OutputFile>,
        assets: &[Asset],
        search: Arc<Files>,
    ) -> Self {
        let mut files: Files = rendered
            .into_iter()
            .map(|f| (f.path, Body::Memory(Arc::new(f.bytes))))
            .collect();
        // A withheld attachment (HTML while allow_html is false) is not served.
        for asset in assets.iter().filter(|a| a.is_published()) {
            files.insert(asset.dest.clone(), Body::Disk(asset.source.clone()));
        }
        Site {
            generation,
            files,
            search,
        }
    }

    pub fn get(&self, path: &str) -> Option<&Body> {
        self.files.get(path).or_else(|| self.search.get(path))
    }

    /// The same site with a new search index.
    pub fn with_search(&self, search: Files) -> Self {
        Site {
            generation: self.generation,
            files: self.files.clone(),
            search: Arc::new(search),
        }
    }

    /// This site with `pages` rendered anew, as generation `generation`.
    pub fn with_pages(&self, generation: u64, pages: Vec<OutputFile>) -> Self {
        let mut files = self.files.clone();
        for page in pages {
            files.insert(page.path, Body::Memory(Arc::new(page.bytes)));
        }
        Site {
            generation,
            files,
            search: Arc::clone(&self.search),
        }
    }

    /// The HTML pages that differ from `before` (their keys, sorted); None
    /// when pages were added or removed, which can change any page's links.
    pub fn changed_pages(&self, before: &Site) -> Option<Vec<String>> {
        let pages = |site: &Site| site.files.keys().filter(|k| k.ends_with(".html")).count();
        if pages(self) != pages(before) {
            return None;
        }
        let mut changed = Vec::new();
        for (key, body) in self.files.iter().filter(|(k, _)| k.ends_with(".html")) {
            let same = match (body, before.files.get(key)) {
                (Body::Memory(a), Some(Body::Memory(b))) => Arc::ptr_eq(a, b) || a == b,
                (Body::Disk(a), Some(Body::Disk(b))) => a == b,
                (_, None) => return None,
                _ => false,
            };
            if !same {
                changed.push(key.clone());
            }
        }
        changed.sort();
        Some(changed)
    }

    /// The rendered pages, as the search indexer takes them.
    pub fn pages(&self) -> Vec<OutputFile> {
        self.files
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .filter_map(|(path, body)| match body {
                Body::Memory(bytes) => Some(OutputFile {
                    path: path.clone(),
                    bytes: bytes.as_ref().clone(),
                }),
                Body::Disk(_) => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn text(site: &Site, path: &str) -> String {
        match site.get(path) {
            Some(Body::Memory(b)) => String::from_utf8_lossy(b).into_owned(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn assets_are_served_from_disk_and_new_pages_replace_old_ones() {
        let asset = Asset {
            source: "/hb/static/style.css".into(),
            dest: "style.css".into(),
            kind: crate::model::AssetKind::Static,
        };
        let site = Site::new(
            1,
            vec![page("index.html", "depan"), page("a/index.html", "A")],
            &[asset],
            Arc::default(),
        );
        assert!(matches!(site.get("style.css"), Some(Body::Disk(_))));
        let next = site.with_pages(2, vec![page("a/index.html", "A2")]);
        assert_eq!(text(&next, "a/index.html"), "A2");
        assert_eq!(text(&next, "index.html"), "depan");
        assert!(matches!(next.get("style.css"), Some(Body::Disk(_))));
        assert_eq!(
            text(&site, "a/index.html"),
            "A",
            "the old generation is untouched"
        );
    }

    #[test]
    fn only_changed_pages_are_named() {
        let one = Site::new(
            1,
            vec![page("index.html", "x"), page("a/index.html", "A")],
            &[],
            Arc::default(),
        );
        let same = Site::new(
            2,
            vec![page("index.html", "x"), page("a/index.html", "A")],
            &[],
            Arc::default(),
        );
        assert_eq!(same.changed_pages(&one), Some(vec![]));
        let edited = one.with_pages(2, vec![page("a/index.html", "A2")]);
        assert_eq!(
            edited.changed_pages(&one),
            Some(vec!["a/index.html".to_string()])
        );
        let added = one.with_pages(2, vec![page("b/index.html", "B")]);
        assert_eq!(added.changed_pages(&one), None);
        let renamed = Site::new(
            2,
            vec![page("index.html", "x"), page("b/index.html", "A")],
            &[],
            Arc::default(),
        );
        assert_eq!(renamed.changed_pages(&one), None);
    }
}
