//! `lajur serve`: build, serve the site from memory, and rebuild and reload
//! the browser on every save.
//!
//! ```text
//! watcher ──changes──▶ rebuild (changed files re-read) ──Site──▶ server ──▶ browser
//!                              │                                   ▲  reload/css/errors (SSE)
//!                              └──▶ search index, in the background ┘
//! ```
//!
//! Each good build becomes a new [`site::Site`], swapped in whole. While the
//! handbook has errors the last good site stays served, with the errors
//! shown over every page and printed in the terminal.

pub mod reload;
pub mod server;
pub mod site;
pub mod watcher;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::Options;
use crate::diagnostic::Diagnostics;
use crate::model::Handbook;
use crate::pipeline::{self, BuildError, Producer};
use crate::routes::Routes;
use crate::source::SourceCache;

use reload::{ErrorReport, Message};
use server::State;
use site::{Body, Site};
use watcher::{Changes, WATCHED_DIRS, Watcher};

/// What `lajur serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub drafts: bool,
    /// The address to listen on: loopback unless asked otherwise.
    pub bind: String,
    /// 0 takes any free port (the address printed says which).
    pub port: u16,
    /// Poll the files instead of waiting for events (WSL, Docker, network
    /// mounts, where events do not arrive).
    pub poll: bool,
    /// Open the site in the default browser once it is built.
    pub open: bool,
}

/// Why `lajur serve` could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("no such folder: {}", .0.display())]
    NoRoot(PathBuf),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("cannot watch the handbook for changes: {0} (try --poll)")]
    Watch(#[from] notify::Error),
}

/// Serves until the process is stopped (or the watcher fails).
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    // The watcher reports absolute paths with every symlink resolved; a root
    // of `.`, `..` or `pedoman` would never prefix them, and no edit would
    // rebuild. Resolved once here, every path below compares alike.
    let root = match options.root.canonicalize() {
        Ok(root) if root.is_dir() => root,
        _ => return Err(ServeError::NoRoot(options.root.clone())),
    };
    let options = &ServeOptions {
        root,
        ..options.clone()
    };
    let root = options.root.as_path();
    let listener = TcpListener::bind((options.bind.as_str(), options.port)).map_err(|source| {
        ServeError::Listen {
            addr: format!("{}:{}", options.bind, options.port),
            source,
        }
    })?;
    let addr = listener.local_addr().map_err(|source| ServeError::Listen {
        addr: format!("{}:{}", options.bind, options.port),
        source,
    })?;
    // Watch before the first build, so a save during it is not missed.
    let (mut watcher, events) = Watcher::start(root, options.poll)?;
    let state = Arc::new(State::new(options.root.clone()));
    let mut builder = Builder::new(options, Arc::clone(&state));
    builder.rebuild(&Changes::default());
    println!("Serving the handbook at http://{addr}/ (Ctrl+C to stop)");

    let server_state = Arc::clone(&state);
    std::thread::Builder::new()
        .name("lajur-accept".into())
        .spawn(move || {
            if let Err(e) = server::run(listener, server_state) {
                eprintln!("error: the server stopped: {e}");
                std::process::exit(2);
            }
        })
        .map_err(|source| ServeError::Listen {
            addr: addr.to_string(),
            source,
        })?;
    if options.open {
        let url = browser_url(addr);
        // Detached: the browser outlives neither a wait nor a Ctrl+C here.
        if let Err(e) = open::that_detached(&url) {
            eprintln!("warning: cannot open a browser at {url}: {e}");
        }
    }

    while let Some(changes) = watcher::next_changes(&events, root, |e| {
        eprintln!("warning: watching the files: {e}");
    }) {
        if changes.paths.iter().any(|p| is_top_folder(p)) {
            watcher.watch_sources(root);
        }
        builder.rebuild(&changes);
    }
    Ok(())
}

/// The address a browser on this machine reaches the server at: an
/// address of every interface (`--bind 0.0.0.0`) is not one to visit.
fn browser_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// `content`, `static`...: a source folder itself, created or removed.
fn is_top_folder(path: &Path) -> bool {
    path.to_str().is_some_and(|p| WATCHED_DIRS.contains(&p))
}

/// Rebuilds the site after each burst of changes and hands it to the server.
struct Builder {
    opts: Options,
    cache: SourceCache,
    state: Arc<State>,
    generation: u64,
    search: SearchWorker,
    /// The warnings last printed, so an unchanged list is not printed again.
    last_warnings: String,
}

impl Builder {
    fn new(options: &ServeOptions, state: Arc<State>) -> Self {
        Builder {
            opts: Options {
                root: options.root.clone(),
                drafts: options.drafts,
                // Served at the root of http://ADDR:PORT/ whatever base_url says.
                base_url: Some("/".into()),
            },
            cache: SourceCache::default(),
            search: SearchWorker::start(Arc::clone(&state)),
            state,
            generation: 0,
            last_warnings: String::new(),
        }
    }

    fn rebuild(&mut self, changes: &Changes) {
        for path in &changes.paths {
            self.cache.forget(path);
        }
        let start = Instant::now();
        let linked = match pipeline::load(&self.opts, &mut self.cache).and_then(pipeline::link) {
            Ok(linked) => linked,
            Err(e) => return self.show_failure(e),
        };
        let root = self.opts.root.clone();
        let producer = match Producer::new(&linked, &root) {
            Ok(producer) => producer,
            Err(e) => return self.show_failure(e),
        };
        let had_errors = self.state.errors().is_some();
        let first_shown = if had_errors {
            None
        } else {
            self.show_edited_sops_first(&producer, &linked.handbook, changes, start)
        };
        let files = match crate::output::keep_files(|sink| producer.site(sink, false)) {
            Ok(files) => files,
            Err(e) => return self.show_failure(e),
        };
        drop(producer);
        let pipeline::Linked {
            handbook,
            routes,
            warnings,
            ..
        } = linked;
        let before = self.state.site();
        self.generation += 1;
        let site = Site::new(
            self.generation,
            files,
            &handbook.assets,
            Arc::clone(&before.search),
        );
        let changed = site.changed_pages(&before);
        self.state.set_site(site);
        self.state.set_errors(None);
        if had_errors {
            self.state
                .reload
                .send(&Message::errors(&ErrorReport::none()));
        }
        if changes.only_css() {
            self.state.reload.send(&Message::css());
        } else if changes.paths.iter().any(|p| !p.starts_with("content")) {
            // Templates, settings or static files: any page may look different.
            self.state.reload.send(&Message::reload(None));
        } else {
            match changed {
                Some(keys) if keys.is_empty() => {}
                Some(keys) => {
                    let pages: Vec<String> = keys.iter().map(|k| reload::url_path(k)).collect();
                    self.state.reload.send(&Message::reload(Some(&pages)));
                }
                None => self.state.reload.send(&Message::reload(None)),
            }
        }
        let took = start.elapsed().as_millis();
        self.print_warnings(warnings);
        let fixed = if had_errors {
            "; the errors are fixed"
        } else {
            ""
        };
        if self.generation == 1 {
            println!("Built {} SOP(s) in {took} ms{fixed}", handbook.sops.len());
        } else {
            let shown = first_shown
                .map(|t| format!(", its page shown after {} ms", t.as_millis()))
                .unwrap_or_default();
            println!(
                "Rebuilt in {took} ms ({}; {} file(s) parsed{shown}){fixed}",
                describe(changes),
                self.cache.parsed().len(),
            );
        }
        self.search.index(self.generation, handbook, routes);
    }

    /// When only SOP files were edited, renders their pages alone and swaps
    /// them into the site served before rendering the whole site: the page
    /// the author is looking at is back in a few milliseconds, and the other
    /// pages (lists, cross-links) follow with the whole site. Returns how
    /// long that took, None when there was nothing to show first.
    fn show_edited_sops_first(
        &mut self,
        producer: &Producer<'_>,
        handbook: &Handbook,
        changes: &Changes,
        start: Instant,
    ) -> Option<Duration> {
        if self.generation == 0 || changes.is_empty() {
            return None;
        }
        let mut edited = Vec::new();
        for path in &changes.paths {
            // A new, renamed or deleted SOP changes the lists: the whole site it is.
            let i = handbook.sops.iter().position(|sop| sop.file == *path)?;
            edited.push(i);
        }
        let pages = crate::output::keep_files(|sink| producer.sop_pages(&edited, sink)).ok()?;
        let before = self.state.site();
        let site = before.with_pages(self.generation + 1, pages);
        let changed = site.changed_pages(&before)?;
        self.generation += 1;
        self.state.set_site(site);
        let shown = start.elapsed();
        if !changed.is_empty() {
            let pages: Vec<String> = changed.iter().map(|k| reload::url_path(k)).collect();
            self.state.reload.send(&Message::reload(Some(&pages)));
        }
        Some(shown)
    }

    /// Keeps the last good site, and shows why the build failed over it and
    /// in the terminal.
    fn show_failure(&mut self, e: BuildError) {
        match e {
            BuildError::Settings(d) | BuildError::Handbook(d) => self.show_errors(d),
            // Keeping files in memory does not fail, and the search index is
            // built in the background; anything else is shown as it is.
            other => eprintln!("error: {other}"),
        }
    }

    /// Keeps the last good site, and shows the errors over it and in the terminal.
    fn show_errors(&mut self, mut diagnostics: Diagnostics) {
        diagnostics.sort();
        let errors = Diagnostics(
            diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect(),
        );
        let report = ErrorReport::new(&errors);
        // The terminal first: whoever sees the overlay can find them there.
        crate::source::files::attach_lines(&mut diagnostics, &self.opts.root);
        eprint!("{}", diagnostics.to_text());
        if self.generation == 0 {
            eprintln!("Nothing to serve yet: the site is built once these are fixed.");
        } else {
            eprintln!("The last good version stays served until the errors are fixed.");
        }
        self.state.set_errors(Some(report.clone()));
        self.state.reload.send(&Message::errors(&report));
        // Printed again in full once fixed, if any are left.
        self.last_warnings.clear();
    }

    fn print_warnings(&mut self, mut warnings: Diagnostics) {
        warnings.sort();
        crate::source::files::attach_lines(&mut warnings, &self.opts.root);
        let text = if warnings.is_empty() {
            String::new()
        } else {
            warnings.to_text()
        };
        if text != self.last_warnings {
            eprint!("{text}");
            self.last_warnings = text;
        }
    }
}

fn describe(changes: &Changes) -> String {
    match changes.paths.len() {
        0 => "no change".into(),
        1 => changes
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        n => format!("{n} files"),
    }
}

/// Builds the search index off the rebuild path: after the reload, in one
/// background thread, always for the newest build only (a second of stale
/// search is fine; a rebuild waiting on Pagefind is not).
struct SearchWorker {
    next: Arc<NextIndex>,
}

/// The build waiting to be indexed (its generation, handbook and routes),
/// and the signal that one is there.
type NextIndex = (Mutex<Option<(u64, Handbook, Routes)>>, Condvar);

impl SearchWorker {
    fn start(state: Arc<State>) -> Self {
        let next: Arc<NextIndex> = Arc::default();
        let queue = Arc::clone(&next);
        let spawned = std::thread::Builder::new()
            .name("lajur-search".into())
            .spawn(move || {
                loop {
                    let (lock, ready) = &*queue;
                    let mut slot = lock.lock().unwrap_or_else(PoisonError::into_inner);
                    while slot.is_none() {
                        slot = ready.wait(slot).unwrap_or_else(PoisonError::into_inner);
                    }
                    let Some((generation, handbook, routes)) = slot.take() else {
                        continue;
                    };
                    drop(slot);
                    index_site(&state, generation, &handbook, &routes);
                }
            });
        if let Err(e) = spawned {
            eprintln!("warning: no search index while serving: {e}");
        }
        SearchWorker { next }
    }

    /// Indexes build `generation` once the worker is free, unless a newer
    /// build comes first.
    fn index(&self, generation: u64, handbook: Handbook, routes: Routes) {
        let (lock, ready) = &*self.next;
        *lock.lock().unwrap_or_else(PoisonError::into_inner) = Some((generation, handbook, routes));
        ready.notify_one();
    }
}

fn index_site(state: &State, generation: u64, handbook: &Handbook, routes: &Routes) {
    let site = state.site();
    if site.generation != generation {
        return;
    }
    drop(site);
    match crate::search::index(handbook, routes) {
        Ok(files) => {
            let search: HashMap<String, Body> = files
                .into_iter()
                .map(|f| (f.path, Body::Memory(Arc::new(f.bytes))))
                .collect();
            state.update_site(generation, |site| site.with_search(search));
        }
        Err(e) => eprintln!("warning: the search index was not updated: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_visits_loopback_when_bound_to_every_interface() {
        let url = |a: &str| browser_url(a.parse().unwrap());
        assert_eq!(url("0.0.0.0:1111"), "http://127.0.0.1:1111/");
        assert_eq!(url("[::]:8080"), "http://[::1]:8080/");
        assert_eq!(url("192.168.1.5:1111"), "http://192.168.1.5:1111/");
    }

    /// The page shown first after a save must be the page the whole site
    /// then has, or the browser would show one version and then another.
    #[test]
    fn an_sop_page_alone_is_the_page_of_the_whole_site() {
        let dir = crate::testing::folder::handbook(&[("handbook.yaml", "title: Pedoman\n")]);
        let root = dir.path();
        for (file, nomor, see) in [("a", "SOP-1", "SOP-2"), ("b", "SOP-2", "SOP-1")] {
            crate::testing::folder::write(
                root,
                &format!("content/umum/{file}.yaml"),
                format!(
                    "nomor: {nomor}\nnama: Prosedur {file}\nketerkaitan: [{{ref: {see}}}]\n\
                     pelaksana: [Pelaksana]\nlangkah:\n  - kegiatan: Bekerja\n    pelaksana: Pelaksana\n"
                ),
            );
        }
        let opts = Options {
            root: root.to_path_buf(),
            drafts: false,
            base_url: Some("/".into()),
        };
        let (linked, whole) = pipeline::render_in_memory(&opts).unwrap();
        let producer = Producer::new(&linked, root).unwrap();
        let alone = crate::output::keep_files(|sink| producer.sop_pages(&[1], sink)).unwrap();
        let b = &linked.handbook.sops[1];
        assert!(!alone.is_empty());
        for page in &alone {
            assert!(page.path.starts_with(&b.path), "{}", page.path);
            let same = whole.iter().find(|f| f.path == page.path).unwrap();
            assert!(same.bytes == page.bytes, "{} differs", page.path);
        }
        let html = alone
            .iter()
            .find(|f| f.path.ends_with("index.html"))
            .unwrap();
        assert!(String::from_utf8_lossy(&html.bytes).contains("Prosedur b"));
    }
}
