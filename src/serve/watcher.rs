//! Watching the handbook: which file events mean a rebuild, and turning a
//! burst of them into one.
//!
//! Editors save in many steps. Vim probes with `4913`, renames the file to
//! `name~` and writes it anew; Emacs writes `#name#` and locks with
//! `.#name`; JetBrains IDEs write `name___jb_tmp___` and rename; others
//! write a temp file and rename it over the original. The debouncer
//! (notify-debouncer-full) gathers a save's events for a short quiet time;
//! here the editors' own files are dropped, and what is left of all the
//! batches waiting is merged into one set of changed files.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, FileIdMap, RecommendedCache, new_debouncer,
    new_debouncer_opt,
};

use crate::source::files::is_ignored;

/// What the site is built from, under the root: handbook.yaml and these folders.
pub const WATCHED_DIRS: [&str; 4] = ["content", "templates", "themes", "static"];

/// The quiet time that ends a save: editors finish theirs within a few
/// milliseconds, and the author is still moving their eyes.
pub const DEBOUNCE: Duration = Duration::from_millis(30);
/// How often the polling watcher looks (for file systems without events).
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The source files (relative to the root) that changed in one burst.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    pub paths: BTreeSet<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Only stylesheets changed: the page can keep its place and swap them.
    pub fn only_css(&self) -> bool {
        !self.paths.is_empty()
            && self
                .paths
                .iter()
                .all(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("css")))
    }

    /// Adds what `events` changed among the source files under `root`.
    pub fn add(&mut self, root: &Path, events: &[DebouncedEvent]) {
        for event in events {
            if !changes_content(&event.kind) {
                continue;
            }
            for path in &event.paths {
                if let Some(rel) = source_file(root, path) {
                    self.paths.insert(rel);
                }
            }
        }
    }
}

/// Whether an event can change what the site is built from. Reading a file
/// (which the build itself does) must not cause a rebuild.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// `path` relative to `root` when the site is built from it: handbook.yaml,
/// or something under a watched folder that is no editor's temp file nor
/// hidden (checked on every part of the path, so `.git/` inside content/
/// and files inside hidden folders are ignored too).
pub fn source_file(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel.components();
    let first = match parts.next()? {
        Component::Normal(first) => first.to_str()?,
        _ => return None,
    };
    let rest: Vec<&str> = parts
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if first == "handbook.yaml" && rest.is_empty() {
        return Some(rel.to_path_buf());
    }
    if !WATCHED_DIRS.contains(&first) || rest.iter().any(|part| is_ignored(part)) {
        return None;
    }
    Some(rel.to_path_buf())
}

/// Waits for the next burst of changes and merges it with every burst
/// already waiting behind it (those that came during a rebuild), so they
/// make one rebuild. Batches of only editor temp files are skipped.
/// Watcher errors go to `on_error`. None once the watcher is gone.
pub fn next_changes(
    events: &Receiver<DebounceEventResult>,
    root: &Path,
    mut on_error: impl FnMut(&notify::Error),
) -> Option<Changes> {
    let mut changes = Changes::default();
    let mut take = |result: DebounceEventResult, changes: &mut Changes| match result {
        Ok(batch) => changes.add(root, &batch),
        Err(errors) => errors.iter().for_each(&mut on_error),
    };
    while changes.is_empty() {
        let first = events.recv().ok()?;
        take(first, &mut changes);
        loop {
            match events.try_recv() {
                Ok(more) => take(more, &mut changes),
                Err(TryRecvError::Empty) => break,
                // The last batch still counts; the next call returns None.
                Err(TryRecvError::Disconnected) => break,
            }
        }
    }
    Some(changes)
}

/// The file watcher, native or polling, kept alive while serving.
pub enum Watcher {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, FileIdMap>),
}

impl Watcher {
    /// Starts watching `root` (its own files; the source folders are added
    /// by [`Watcher::watch_sources`]). Events go to the returned receiver.
    pub fn start(
        root: &Path,
        poll: bool,
    ) -> notify::Result<(Watcher, Receiver<DebounceEventResult>)> {
        let (tx, rx) = std::sync::mpsc::channel();
        // A tick a third of the quiet time: a save is seen at most 10 ms late.
        let tick = Some(DEBOUNCE / 3);
        let mut watcher = if poll {
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(false);
            Watcher::Poll(new_debouncer_opt::<_, PollWatcher, FileIdMap>(
                DEBOUNCE,
                tick,
                tx,
                FileIdMap::new(),
                config,
            )?)
        } else {
            Watcher::Native(new_debouncer(DEBOUNCE, tick, tx)?)
        };
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_sources(root);
        Ok((watcher, rx))
    }

    /// Watches each source folder that exists. Called again after a change
    /// at the top: a folder created (or deleted and created again) since.
    pub fn watch_sources(&mut self, root: &Path) {
        for dir in WATCHED_DIRS {
            let dir = root.join(dir);
            if dir.is_dir() {
                // Watching a folder twice only renews the watch.
                let _ = self.watch(&dir, RecursiveMode::Recursive);
            }
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Watcher::Native(d) => d.watch(path, mode),
            Watcher::Poll(d) => d.watch(path, mode),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::Event;
    use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};
    use std::sync::mpsc;
    use std::time::Instant;

    const ROOT: &str = "/hb";

    fn ev(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
        let mut event = Event::new(kind);
        for p in paths {
            event = event.add_path(Path::new(ROOT).join(p));
        }
        DebouncedEvent::new(event, Instant::now())
    }

    fn create(p: &str) -> DebouncedEvent {
        ev(EventKind::Create(CreateKind::File), &[p])
    }
    fn write(p: &str) -> DebouncedEvent {
        ev(
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            &[p],
        )
    }
    fn remove(p: &str) -> DebouncedEvent {
        ev(EventKind::Remove(RemoveKind::File), &[p])
    }
    fn rename(from: &str, to: &str) -> DebouncedEvent {
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &[from, to],
        )
    }
    fn closed(p: &str) -> DebouncedEvent {
        ev(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &[p],
        )
    }

    fn changed(events: &[DebouncedEvent]) -> Vec<String> {
        let mut c = Changes::default();
        c.add(Path::new(ROOT), events);
        c.paths.iter().map(|p| p.display().to_string()).collect()
    }

    const RKT: &str = "content/umum/rkt.yaml";

    #[test]
    fn vim_save_is_one_change_of_the_file() {
        // :w with the default backupcopy=auto: probe the folder with 4913,
        // rename the file to its backup, write a new one, drop the backup;
        // the swap file is written all along.
        let events = [
            write("content/umum/.rkt.yaml.swp"),
            create("content/umum/4913"),
            remove("content/umum/4913"),
            rename(RKT, "content/umum/rkt.yaml~"),
            create(RKT),
            write(RKT),
            closed(RKT),
            remove("content/umum/rkt.yaml~"),
            write("content/umum/.rkt.yaml.swx"),
        ];
        assert_eq!(changed(&events), [RKT]);
    }

    #[test]
    fn emacs_autosave_and_lock_files_are_not_changes() {
        let autosave = [
            create("content/umum/.#rkt.yaml"),
            write("content/umum/#rkt.yaml#"),
            remove("content/umum/#rkt.yaml#"),
        ];
        assert!(changed(&autosave).is_empty());
        let save = [
            rename(RKT, "content/umum/rkt.yaml~"),
            create(RKT),
            write(RKT),
            remove("content/umum/.#rkt.yaml"),
        ];
        assert_eq!(changed(&save), [RKT]);
    }

    #[test]
    fn jetbrains_safe_write() {
        let events = [
            create("content/umum/rkt.yaml___jb_tmp___"),
            write("content/umum/rkt.yaml___jb_tmp___"),
            rename(RKT, "content/umum/rkt.yaml___jb_old___"),
            rename("content/umum/rkt.yaml___jb_tmp___", RKT),
            remove("content/umum/rkt.yaml___jb_old___"),
        ];
        assert_eq!(changed(&events), [RKT]);
    }

    #[test]
    fn atomic_rename_save_and_deletes_and_folders() {
        // VS Code, gedit, most libraries: write a temp file, rename it over.
        let atomic = [
            create("content/umum/.rkt.yaml.tmp.123"),
            write("content/umum/.rkt.yaml.tmp.123"),
            rename("content/umum/.rkt.yaml.tmp.123", RKT),
        ];
        assert_eq!(changed(&atomic), [RKT]);
        assert_eq!(changed(&[remove(RKT)]), [RKT]);
        let folder = [
            ev(EventKind::Create(CreateKind::Folder), &["content/keuangan"]),
            rename("content/umum", "content/bagian-umum"),
        ];
        assert_eq!(
            changed(&folder),
            ["content/bagian-umum", "content/keuangan", "content/umum"]
        );
    }

    #[test]
    fn only_sources_count() {
        let events = [
            write("public/index.html"),
            write("handbook.yaml"),
            write("handbook.yaml.bak~"),
            write(".git/index"),
            write("content/.git/index"),
            write("content/.hidden/x.yaml"),
            write("templates/sop.html"),
            write("themes/dinas/static/style.css"),
            write("static/logo.png"),
            write("README.md"),
            ev(
                EventKind::Access(AccessKind::Open(AccessMode::Read)),
                &[RKT],
            ),
            ev(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                &[RKT],
            ),
        ];
        assert_eq!(
            changed(&events),
            [
                "handbook.yaml",
                "static/logo.png",
                "templates/sop.html",
                "themes/dinas/static/style.css"
            ]
        );
        assert_eq!(
            source_file(Path::new(ROOT), Path::new("/elsewhere/x")),
            None
        );
    }

    #[test]
    fn css_only_changes() {
        let mut c = Changes::default();
        c.add(Path::new(ROOT), &[write("static/style.css")]);
        assert!(c.only_css());
        c.add(Path::new(ROOT), &[write(RKT)]);
        assert!(!c.only_css());
        assert!(!Changes::default().only_css());
    }

    #[test]
    fn a_burst_waiting_is_one_rebuild() {
        let (tx, rx) = mpsc::channel::<DebounceEventResult>();
        // Three saves arrived while the last rebuild ran, plus a batch of
        // nothing but temp files and a watcher error.
        tx.send(Ok(vec![create("content/umum/4913")])).unwrap();
        tx.send(Ok(vec![write(RKT)])).unwrap();
        tx.send(Err(vec![notify::Error::generic("queue overflow")]))
            .unwrap();
        tx.send(Ok(vec![write("content/umum/lkj.md"), write(RKT)]))
            .unwrap();
        tx.send(Ok(vec![write("templates/sop.html")])).unwrap();
        let mut errors = 0;
        let changes = next_changes(&rx, Path::new(ROOT), |_| errors += 1).unwrap();
        assert_eq!(changes.paths.len(), 3, "{changes:?}");
        assert_eq!(errors, 1);
        // Nothing left: the next burst is a new rebuild.
        assert!(rx.try_recv().is_err());
        tx.send(Ok(vec![write(RKT)])).unwrap();
        drop(tx);
        let next = next_changes(&rx, Path::new(ROOT), |_| {}).unwrap();
        assert_eq!(next.paths.len(), 1);
        assert_eq!(next_changes(&rx, Path::new(ROOT), |_| {}), None);
    }

    #[test]
    fn temp_file_batches_alone_wait_for_a_real_change() {
        let (tx, rx) = mpsc::channel::<DebounceEventResult>();
        tx.send(Ok(vec![write("content/umum/.rkt.yaml.swp")]))
            .unwrap();
        tx.send(Ok(vec![write("content/umum/#rkt.yaml#")])).unwrap();
        // Sent from another thread a little later: the wait goes on past
        // the temp-file batches until this one.
        let later = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            tx.send(Ok(vec![write(RKT)])).unwrap();
        });
        let changes = next_changes(&rx, Path::new(ROOT), |_| {}).unwrap();
        assert_eq!(changes.paths.len(), 1);
        later.join().unwrap();
    }
}
