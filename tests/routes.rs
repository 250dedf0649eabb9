//! One route table names every page and file of the site (src/routes.rs),
//! and everything that links to a page reads it: the example handbook is
//! built with the binary, as a user builds it, and the site it wrote is
//! held to the table the program plans for it.
//!
//! - every route's file was written, and every file written is a route
//!   (or the theme's static files, the search index, the output marker);
//! - sitemap.xml lists the table's pages for search engines, in its order,
//!   and every page that is not there is one the contract keeps out (404,
//!   the search page, drafts, an empty section);
//! - every internal link of every page, drawing and JSON file (navigation,
//!   breadcrumbs, keterkaitan and backlinks, roles, regulations, step
//!   anchors) is a route, and its `#anchor` is on the page it names;
//! - the navigation bar is the table's sections on every page;
//! - the search records are the SOP pages;
//! - every folder the site takes for itself is reserved from units.
//!
//! Under base_url "/", "/sop/" and an absolute one, with and without
//! drafts, and with roles per satuan kerja (/pelaksana/SATKER/).

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use lajur::Options;
use lajur::pipeline::{self, Linked};
use lajur::routes::{self, Kind, Routes};
use lajur::source::SourceCache;
use serde_json::Value;
use support::{copy_dir, lajur_in};

/// The example handbook of the repository, copied into a temp folder with
/// `settings` appended to its handbook.yaml.
fn example(settings: &str) -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&repo.join("content"), &dir.path().join("content"));
    let yaml = fs::read_to_string(repo.join("handbook.yaml")).expect("handbook.yaml");
    fs::write(
        dir.path().join("handbook.yaml"),
        format!("{yaml}\n{settings}\n"),
    )
    .expect("write");
    dir
}

/// `lajur build ARGS` run in the handbook folder; the site it wrote.
fn build(root: &Path, args: &[&str]) -> PathBuf {
    let args = [&["build"], args].concat();
    let (code, printed) = lajur_in(root, &args);
    assert!(code == 0, "lajur {args:?}: {printed}");
    root.join("public")
}

/// The handbook the program loads and links, with the route table it
/// plans for it (the pipeline's stages, as `lajur build` runs them).
fn plan(opts: &Options) -> Linked {
    let mut cache = SourceCache::disabled();
    let loaded = pipeline::load(opts, &mut cache).expect("the example handbook loads");
    pipeline::link(loaded).expect("the example handbook links")
}

/// Every file under `dir`, as '/'-separated paths.
fn files(dir: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, base: &Path, found: &mut BTreeSet<String>) {
        for entry in fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, base, found);
            } else {
                let rel = path.strip_prefix(base).expect("under base");
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                found.insert(parts.join("/"));
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(dir, dir, &mut found);
    found
}

/// The values of the URL attributes (href, src, action) in HTML or SVG,
/// with the one entity a URL of this site can hold decoded.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in [" href=\"", " src=\"", " action=\""] {
        for (at, _) in text.match_indices(attr) {
            let rest = &text[at + attr.len()..];
            let end = rest.find('"').expect("a closed attribute");
            found.push(rest[..end].replace("&amp;", "&"));
        }
    }
    found
}

/// What a site is checked against: the table, and the files of the theme
/// and the search engine that are not the handbook's.
struct Site<'a> {
    out: &'a Path,
    routes: &'a Routes,
    /// URL → output path of every route.
    by_url: BTreeMap<String, String>,
    /// The theme's static files, copied to the top of the site.
    theme_files: BTreeSet<String>,
    /// Links checked, by what they point to: a sanity count.
    seen: BTreeMap<&'static str, usize>,
}

impl<'a> Site<'a> {
    fn new(out: &'a Path, routes: &'a Routes) -> Self {
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
        let mut by_url = BTreeMap::new();
        for kind in routes.files() {
            let route = routes.get(kind);
            assert!(
                route.url.starts_with(routes.base_url()),
                "{kind:?}: {} is not under base_url",
                route.url
            );
            let before = by_url.insert(route.url.clone(), route.path.clone());
            assert!(before.is_none(), "{kind:?}: {} has two routes", route.url);
        }
        Site {
            out,
            routes,
            by_url,
            theme_files: files(&theme),
            seen: BTreeMap::new(),
        }
    }

    /// Whether `path` (under the output folder) is written by the site but
    /// is not the handbook's: the theme's, the search engine's, or the
    /// marker that lets a later build replace the folder.
    fn not_a_route(&self, path: &str) -> bool {
        self.theme_files.contains(path)
            || path
                .strip_prefix(routes::SEARCH_INDEX_DIR)
                .is_some_and(|rest| rest.starts_with('/'))
            || path == routes::OUTPUT_MARKER
    }

    /// Checks one internal link found in `from`; external ones pass.
    fn check_link(&mut self, from: &str, link: &str) {
        if link.starts_with("http") && !link.starts_with(self.routes.base_url()) {
            return; // a regulation on the JDIH, a teks+url keterkaitan
        }
        if link.starts_with("mailto:") || link.starts_with("tel:") || link.is_empty() {
            return;
        }
        // A link the author wrote relative to the page (a Markdown body's
        // "../formulir.txt"), as the browser resolves it.
        let absolute;
        let link = if link.starts_with('/') || link.starts_with('#') || link.contains("://") {
            link
        } else {
            absolute = format!("{}{}", self.routes.base_url(), resolve(from, link));
            &absolute
        };
        let (url, anchor) = match link.split_once('#') {
            Some((url, anchor)) => (url, Some(anchor)),
            None => (link, None),
        };
        let target = if url.is_empty() && from.ends_with(".svg") {
            // The flowchart's step links are written for the drawing inline
            // in its page (docs/format.md: alur.svg and the inline SVG are one
            // drawing): they point to the page's rows.
            let page = from.rsplit_once('/').map_or("", |(dir, _)| dir);
            format!("{page}/index.html")
        } else if url.is_empty() {
            from.to_string() // "#langkah-3" on the page itself
        } else {
            assert!(
                url.starts_with(self.routes.base_url()),
                "{from}: `{link}` does not go through base_url {}",
                self.routes.base_url()
            );
            match self.by_url.get(url) {
                Some(path) => {
                    let kind = if path.starts_with(self.first_segment(Kind::Roles)) {
                        "role"
                    } else if path.starts_with(self.first_segment(Kind::Regulations)) {
                        "regulation"
                    } else if path.ends_with("sop.json") || path.ends_with(".svg") {
                        "file"
                    } else {
                        "page"
                    };
                    *self.seen.entry(kind).or_default() += 1;
                    path.clone()
                }
                None => {
                    let path = &url[self.routes.base_url().len()..];
                    assert!(
                        self.not_a_route(path) && self.out.join(path).is_file(),
                        "{from}: `{link}` is not a route of the site"
                    );
                    return;
                }
            }
        };
        if let Some(anchor) = anchor.filter(|a| !a.is_empty()) {
            let text = fs::read_to_string(self.out.join(&target)).expect("the linked file");
            assert!(
                text.contains(&format!(" id=\"{anchor}\"")),
                "{from}: `{link}`: no #{anchor} on {target}"
            );
            *self.seen.entry("anchor").or_default() += 1;
        }
    }

    /// The top folder of a section's route ("pelaksana/").
    fn first_segment(&self, kind: Kind) -> &str {
        let path = &self.routes.get(kind).path;
        &path[..=path.find('/').expect("a section is a folder")]
    }
}

/// `link`, relative to the file at `from`, as a path under the output
/// folder.
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop(); // the file itself
    for part in link.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Every string under a "url" key of a JSON value.
fn json_urls<'v>(value: &'v Value, key: Option<&str>, found: &mut Vec<&'v str>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                json_urls(v, Some(k), found);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| json_urls(v, key, found)),
        Value::String(s) if key == Some("url") => found.push(s),
        _ => {}
    }
}

/// The URLs of the search records (Pagefind's fragments: gzipped JSON
/// after a marker), as stored: below base_url.
fn search_urls(out: &Path) -> BTreeSet<String> {
    use std::io::Read;
    let mut found = BTreeSet::new();
    for path in files(&out.join("pagefind/fragment")) {
        let bytes = fs::read(out.join("pagefind/fragment").join(path)).expect("fragment");
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut text)
            .expect("gzip");
        let json = text
            .strip_prefix(b"pagefind_dcd")
            .expect("Pagefind's marker");
        let value: Value = serde_json::from_slice(json).expect("fragment JSON");
        let mut urls = Vec::new();
        json_urls(&value, None, &mut urls);
        found.extend(urls.into_iter().map(str::to_string));
    }
    found
}

/// Builds the example with `settings` and `args` and holds the site to the
/// table the program plans for it.
fn agrees(settings: &str, args: &[&str], opts: impl Fn(PathBuf) -> Options) {
    let dir = example(settings);
    let out = build(dir.path(), args);
    let linked = plan(&opts(dir.path().to_path_buf()));
    let (handbook, routes) = (&linked.handbook, &linked.routes);
    let mut site = Site::new(&out, routes);

    // Every route's file is written, and every file written is a route.
    let written = files(&out);
    let planned: BTreeSet<String> = site.by_url.values().cloned().collect();
    for path in &planned {
        assert!(written.contains(path), "{path}: a route, not written");
    }
    for path in &written {
        assert!(
            planned.contains(path) || site.not_a_route(path),
            "{path}: written, but no route names it"
        );
    }

    // sitemap.xml: the table's pages, in its order.
    let sitemap = fs::read_to_string(out.join(&routes.get(Kind::Sitemap).path)).expect("sitemap");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").expect("closed <loc>")])
        .collect();
    let expected: Vec<&str> = routes.sitemap().map(|k| routes.url(k)).collect();
    assert_eq!(locs, expected, "sitemap.xml is not the table's");
    // Every page missing from it is one the contract keeps out.
    let listed: BTreeSet<&str> = locs.iter().copied().collect();
    let drafts: BTreeSet<&str> = (0..handbook.sops.len())
        .filter(|&i| handbook.sops[i].draft)
        .map(|i| routes.url(Kind::Sop(i)))
        .collect();
    // The kelengkapan page is a report for whoever keeps the handbook, not
    // a page to be found by (src/routes.rs, Routes::sitemap).
    let kept_out = [
        Kind::NotFound,
        Kind::Search,
        Kind::Regulations,
        Kind::Roles,
        Kind::Completeness,
    ];
    for kind in routes.files() {
        let route = routes.get(kind);
        if !route.path.ends_with(".html") || listed.contains(route.url.as_str()) {
            continue;
        }
        let reason = drafts.contains(route.url.as_str()) || kept_out.contains(&kind);
        assert!(reason, "{kind:?} {}: a page, not in sitemap.xml", route.url);
    }
    for kind in [Kind::Regulations, Kind::Roles] {
        // A section index is listed unless the section is empty.
        let empty = !routes.nav().any(|k| k == kind);
        assert_eq!(listed.contains(routes.url(kind)), !empty, "{kind:?}");
    }
    assert!(!listed.contains(routes.url(Kind::NotFound)));
    // A draft is published only to preview it (docs/format.md), never offered.
    for draft in &drafts {
        assert!(!listed.contains(draft), "{draft}: a draft in sitemap.xml");
    }

    // Every internal link of the pages and drawings is a route.
    let nav: Vec<&str> = routes.nav().map(|k| routes.url(k)).collect();
    let ours: Vec<&String> = written.iter().filter(|p| !site.not_a_route(p)).collect();
    for path in ours
        .iter()
        .filter(|p| p.ends_with(".html") || p.ends_with(".svg"))
    {
        let text = fs::read_to_string(out.join(path)).expect("read");
        for link in links(&text) {
            site.check_link(path, &link);
        }
        if let Some(start) = text.find("<nav class=\"site-nav\"") {
            let bar = &text[start..start + text[start..].find("</nav>").expect("closed nav")];
            assert_eq!(links(bar), nav, "{path}: the navigation bar");
        } else {
            assert!(!path.ends_with(".html"), "{path}: no navigation bar");
        }
    }

    // The open data's URLs too.
    for path in ours.iter().filter(|p| p.ends_with(".json")) {
        let value: Value =
            serde_json::from_str(&fs::read_to_string(out.join(path)).expect("read")).expect("JSON");
        let mut urls = Vec::new();
        json_urls(&value, None, &mut urls);
        for url in urls {
            site.check_link(path, url);
        }
    }

    // The search records are the SOP pages (published ones at least).
    let sops: BTreeSet<String> = (0..handbook.sops.len())
        .map(|i| routes.below_base(routes.url(Kind::Sop(i))).to_string())
        .collect();
    let records = search_urls(&out);
    for url in &records {
        assert!(sops.contains(url), "search record {url}: not an SOP page");
    }
    for i in (0..handbook.sops.len()).filter(|&i| !handbook.sops[i].draft) {
        let url = routes.below_base(routes.url(Kind::Sop(i)));
        assert!(records.contains(url), "{url}: not in the search index");
    }

    // The folders the site takes for itself are reserved from units.
    for kind in routes.files() {
        let own = !matches!(
            kind,
            Kind::Front
                | Kind::Unit(_)
                | Kind::Sop(_)
                | Kind::Flowchart(_)
                | Kind::SopJson(_)
                | Kind::Asset(_)
        );
        let path = &routes.get(kind).path;
        if let Some((top, _)) = path.split_once('/').filter(|_| own) {
            assert!(
                routes::RESERVED.contains(&top),
                "{kind:?}: {top}/ is the site's, not reserved"
            );
        }
    }

    // Not a vacuous pass: the example links every way the table knows.
    for (kind, at_least) in [
        ("page", 100),
        ("role", 50),
        ("regulation", 20),
        ("file", 12),
        ("anchor", 20),
    ] {
        let n = site.seen.get(kind).copied().unwrap_or(0);
        assert!(
            n >= at_least,
            "only {n} links to a {kind} checked: {:?}",
            site.seen
        );
    }
}

#[test]
fn the_example_site_agrees_with_its_route_table() {
    agrees("", &[], |root| Options {
        root,
        ..Options::default()
    });
}

#[test]
fn under_a_base_url_with_drafts_too() {
    agrees("", &["--base-url", "/sop/", "--drafts"], |root| Options {
        root,
        drafts: true,
        base_url: Some("/sop/".into()),
    });
}

#[test]
fn with_roles_per_agency_and_an_absolute_base_url() {
    agrees(
        "roles_per_agency: true\nbase_url: https://sop.example.go.id/pedoman/",
        &[],
        |root| Options {
            root,
            ..Options::default()
        },
    );
}
