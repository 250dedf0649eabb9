//! Riwayat perubahan: the commits that changed each SOP's file, read from
//! the handbook's git repository with gix (no git program needed).
//!
//! **When.** The handbook is a git repository when its root folder is the
//! top of a git work tree (it holds `.git`). A handbook kept in a subfolder
//! of a bigger repository is not: so the test fixtures and examples inside
//! lajur's own repository do not take lajur's history. The example handbook
//! at the top of lajur's repository does: built there, its pages show the
//! commits of lajur's repository that changed content/. Only `build` reads
//! history; `check` has nothing to report from it, and `serve` skips it to
//! stay quick (the pages it serves have no Riwayat section).
//!
//! **Never an error.** No repository, a repository without commits, a
//! broken one, a shallow clone, a file never committed: the SOP simply has
//! no history (or only what can be told), and the build goes on. In a
//! shallow clone the oldest commit present has no parent to compare with,
//! so it is left out rather than shown as having created every file.
//!
//! **One pass.** The commits reachable from HEAD are walked once, newest
//! first, for the whole handbook. A commit whose content/ tree is the same
//! as its parent's is skipped after two lookups; the others have their
//! content/ trees diffed (gix-diff, trees only, no blob diff), keeping the
//! SOP files. Merge commits are skipped, as `git log` shows a path's
//! history: their changes are those of the commits merged.
//!
//! **Renames.** git itself tells a rename by content similarity, which
//! gix does only with its `blob-diff` feature (attributes, filters and
//! worktree code the binary does not otherwise need). Here a file removed
//! and one added in the same commit are one file renamed when their
//! content is identical, or when both read as the same SOP (same nomor,
//! else same nama): what a rename of an SOP file is. Older commits of the
//! old path then count for the SOP under its new name.
//!
//! **What changed.** Each version is read with lajur's own loader, in the
//! SOP's place in the handbook (its unit's satuan_waktu, ...), and
//! consecutive versions are compared field by field (`model::diff`).

use std::collections::HashMap;
use std::path::Path;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::diff::tree::recorder::Change as Recorded;
use rayon::prelude::*;

use super::fields::Report;
use super::{place, read_sop_source, walk};
use crate::config::Config;
use crate::model::history::{Change, Revision};
use crate::model::{Date, Handbook, Sop, Unit, diff};

/// The history read from git: for each path of content/ as it is now, the
/// commits that changed it, newest first.
pub struct History {
    repo: gix::ThreadSafeRepository,
    commits: Vec<CommitInfo>,
    by_path: HashMap<String, Vec<Event>>,
}

/// A commit that changed one file.
struct Event {
    /// Index into `History::commits`.
    commit: usize,
    /// The version before the commit (None: the file was added).
    old: Option<ObjectId>,
    new: ObjectId,
    /// The file had this path before the commit.
    moved_from: Option<String>,
}

/// What a revision shows of its commit.
struct CommitInfo {
    commit: String,
    date: Date,
    author: String,
    message: String,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History")
            .field("commits", &self.commits.len())
            .field("files", &self.by_path.len())
            .finish()
    }
}

/// True for a path of content/ that can hold an SOP.
fn is_sop_path(path: &str) -> bool {
    walk::sop_extension(path).is_some() && !path.ends_with("/_index.md") && path != "_index.md"
}

/// Reads the history of content/ when `root` is the top of a git work tree;
/// None otherwise, or when nothing can be read (no commit, a broken
/// repository). Never fails: whatever cannot be read is left out.
pub fn read(root: &Path) -> Option<History> {
    if !root.join(".git").exists() {
        return None;
    }
    let repo = gix::open_opts(root, gix::open::Options::isolated()).ok()?;
    let workdir = repo.workdir()?;
    if workdir.canonicalize().ok()? != root.canonicalize().ok()? {
        return None;
    }
    let head = repo.head_id().ok()?.detach();
    let shallow: Vec<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|c| c.iter().copied().collect())
        .unwrap_or_default();
    let walk = repo
        .rev_walk([head])
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            Default::default(),
        ))
        .all()
        .ok()?;

    let mut history = History {
        repo: repo.clone().into_sync(),
        commits: Vec::new(),
        by_path: HashMap::new(),
    };
    // Each path as it was at the commit being read → its path now (renames).
    let mut now: HashMap<String, String> = HashMap::new();
    let mut state = gix::diff::tree::State::default();
    let mut content_trees: HashMap<ObjectId, Option<ObjectId>> = HashMap::new();
    let content_tree = |id: ObjectId, cache: &mut HashMap<ObjectId, Option<ObjectId>>| {
        *cache.entry(id).or_insert_with(|| {
            let commit = repo.find_commit(id).ok()?;
            let tree = commit.tree().ok()?;
            let entry = tree.find_entry("content")?;
            entry.mode().is_tree().then(|| entry.object_id())
        })
    };
    for info in walk {
        // A walk that fails half-way (a missing object) keeps what it read.
        let Ok(info) = info else { break };
        let id = info.id;
        let parents: Vec<ObjectId> = info.parent_ids().map(|p| p.detach()).collect();
        if parents.len() > 1 || shallow.contains(&id) {
            continue;
        }
        let after = content_tree(id, &mut content_trees);
        let before = match parents.first() {
            Some(&p) => content_tree(p, &mut content_trees),
            None => None,
        };
        content_trees.remove(&id);
        if after == before {
            continue;
        }
        let Some(changes) = diff_trees(&repo, before, after, &mut state) else {
            continue;
        };
        let Some(info) = commit_info(&repo, id) else {
            continue;
        };
        let commit = history.commits.len();
        let mut used = false;
        for (path, event) in pair_renames(changes, |a, b| same_sop(&repo, a, b)) {
            let current = now.get(&path).cloned().unwrap_or_else(|| path.clone());
            if let Some(from) = &event.moved_from {
                now.insert(from.clone(), current.clone());
            }
            history
                .by_path
                .entry(current)
                .or_default()
                .push(Event { commit, ..event });
            used = true;
        }
        if used {
            history.commits.push(info);
        }
    }
    (!history.by_path.is_empty()).then_some(history)
}

/// The SOP files changed between two content/ trees (None: a tree that
/// cannot be read).
fn diff_trees(
    repo: &gix::Repository,
    before: Option<ObjectId>,
    after: Option<ObjectId>,
    state: &mut gix::diff::tree::State,
) -> Option<Vec<Recorded>> {
    let data = |id: Option<ObjectId>| -> Option<Vec<u8>> {
        match id {
            Some(id) => Some(repo.find_tree(id).ok()?.detach().data),
            None => Some(Vec::new()),
        }
    };
    let (lhs, rhs) = (data(before)?, data(after)?);
    let mut recorder = gix::diff::tree::Recorder::default();
    let kind = repo.object_hash();
    gix::diff::tree(
        gix::objs::TreeRefIter::from_bytes(&lhs, kind),
        gix::objs::TreeRefIter::from_bytes(&rhs, kind),
        state,
        &repo.objects,
        &mut recorder,
    )
    .ok()?;
    Some(
        recorder
            .records
            .into_iter()
            .filter(|c| {
                let (mode, path) = match c {
                    Recorded::Addition {
                        entry_mode, path, ..
                    }
                    | Recorded::Deletion {
                        entry_mode, path, ..
                    }
                    | Recorded::Modification {
                        entry_mode, path, ..
                    } => (entry_mode, path),
                };
                mode.is_blob() && path.to_str().is_ok_and(is_sop_path)
            })
            .collect(),
    )
}

/// The changes of one commit as events by path (under content/), a file
/// removed and one added paired as a rename when `same` says they are one.
fn pair_renames(
    changes: Vec<Recorded>,
    same: impl Fn(ObjectId, ObjectId) -> bool,
) -> Vec<(String, Event)> {
    let path = |p: &gix::bstr::BString| format!("content/{}", p.to_str_lossy());
    let mut removed: Vec<(String, ObjectId)> = Vec::new();
    let mut out = Vec::new();
    let mut added = Vec::new();
    for change in changes {
        match change {
            Recorded::Modification {
                previous_oid,
                oid,
                path: p,
                ..
            } => out.push((
                path(&p),
                Event {
                    commit: 0,
                    old: Some(previous_oid),
                    new: oid,
                    moved_from: None,
                },
            )),
            Recorded::Addition { oid, path: p, .. } => added.push((path(&p), oid)),
            Recorded::Deletion { oid, path: p, .. } => removed.push((path(&p), oid)),
        }
    }
    // Identical content first, then the same SOP.
    for exact in [true, false] {
        let mut rest = Vec::new();
        for (p, oid) in added {
            let found = removed
                .iter()
                .position(|(_, old)| if exact { *old == oid } else { same(*old, oid) });
            match found {
                Some(k) => {
                    let (from, old) = removed.remove(k);
                    out.push((
                        p,
                        Event {
                            commit: 0,
                            old: Some(old),
                            new: oid,
                            moved_from: Some(from),
                        },
                    ));
                }
                None => rest.push((p, oid)),
            }
        }
        added = rest;
        if removed.is_empty() {
            break;
        }
    }
    out.extend(added.into_iter().map(|(p, oid)| {
        (
            p,
            Event {
                commit: 0,
                old: None,
                new: oid,
                moved_from: None,
            },
        )
    }));
    out
}

/// Two versions that read as the same SOP: the same nomor, or without
/// one the same nama.
fn same_sop(repo: &gix::Repository, a: ObjectId, b: ObjectId) -> bool {
    let config = Config::default();
    let read = |id: ObjectId| -> Option<Sop> {
        let text = blob_text(repo, id)?;
        super::read_sop_text("x.yaml", &text, &config).0
    };
    match (read(a), read(b)) {
        (Some(a), Some(b)) if !a.nomor.is_empty() || !b.nomor.is_empty() => a.nomor == b.nomor,
        (Some(a), Some(b)) => !a.nama.is_empty() && a.nama == b.nama,
        _ => false,
    }
}

fn blob_text(repo: &gix::Repository, id: ObjectId) -> Option<String> {
    let blob = repo.find_blob(id).ok()?;
    String::from_utf8(blob.detach().data).ok()
}

fn commit_info(repo: &gix::Repository, id: ObjectId) -> Option<CommitInfo> {
    let commit = repo.find_commit(id).ok()?;
    let author = commit.author().ok()?;
    let time = author.time().ok()?;
    let date = Date::parse(&time.format_or_unix(gix::date::time::format::SHORT)).ok()?;
    let message = commit
        .message()
        .map(|m| m.summary().to_str_lossy().trim().to_string())
        .unwrap_or_default();
    Some(CommitInfo {
        commit: id.to_hex_with_len(7).to_string(),
        date,
        author: author.name.to_str_lossy().trim().to_string(),
        message,
    })
}

impl History {
    /// Gives every SOP of `handbook` its revisions: each version read as the
    /// loader reads the file now (in its unit), compared with the one before.
    pub fn attach(&self, handbook: &mut Handbook) {
        let units = folders(&handbook.units);
        let config = &handbook.config;
        let revisions: Vec<Vec<Revision>> = handbook
            .sops
            .par_iter()
            .map_init(
                || self.repo.to_thread_local(),
                |repo, sop| self.revisions(repo, sop, &units, config),
            )
            .collect();
        for (sop, history) in handbook.sops.iter_mut().zip(revisions) {
            sop.history = history;
        }
    }

    fn revisions(
        &self,
        repo: &gix::Repository,
        sop: &Sop,
        units: &HashMap<&str, &Unit>,
        config: &Config,
    ) -> Vec<Revision> {
        let file = sop.file.to_string_lossy().replace('\\', "/");
        let Some(events) = self.by_path.get(&file) else {
            return Vec::new();
        };
        let rel = file.strip_prefix("content/").unwrap_or(&file);
        let place = place(rel, units, config);
        let mut versions: HashMap<ObjectId, Option<Sop>> = HashMap::new();
        let mut version = |id: ObjectId| -> Option<Sop> {
            versions
                .entry(id)
                .or_insert_with(|| {
                    let text = blob_text(repo, id)?;
                    read_sop_source(&text, &place, Report::new(&place.file)).0
                })
                .clone()
        };
        events
            .iter()
            .map(|event| {
                let info = &self.commits[event.commit];
                let mut changes = Vec::new();
                if let Some(from) = &event.moved_from {
                    changes.push(Change::Moved { from: from.clone() });
                }
                match event.old {
                    None => changes.push(Change::Created),
                    Some(old) => match (version(old), version(event.new)) {
                        (Some(a), Some(b)) => changes.extend(diff::diff(&a, &b, config.language)),
                        _ => changes.push(Change::Unreadable),
                    },
                }
                Revision {
                    commit: info.commit.clone(),
                    date: info.date,
                    author: info.author.clone(),
                    message: info.message.clone(),
                    changes,
                }
            })
            .collect()
    }
}

/// The units that can pass something on to their SOPs (those with an
/// _index.md), by their folder under content/ as written.
fn folders(units: &[Unit]) -> HashMap<&str, &Unit> {
    units
        .iter()
        .filter_map(|u| {
            let file = u.file.as_ref()?.to_str()?;
            let folder = file
                .strip_prefix("content/")?
                .strip_suffix("_index.md")?
                .trim_end_matches('/');
            Some((folder, u))
        })
        .collect()
}
