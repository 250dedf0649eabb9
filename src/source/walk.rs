//! Walking content/: which files are units, SOPs, the register and attachments.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::slug::slugify;

use super::files::is_ignored;

/// What content/ holds, every path relative to content/ with '/' separators,
/// as written on disk (not slugged), in file-name order.
#[derive(Debug, Default)]
pub struct Content {
    /// Unit folders, "" (content/ itself) first.
    pub folders: Vec<String>,
    /// SOP files (.yaml, .yml, .md other than _index.md).
    pub sops: Vec<String>,
    /// content/dasar-hukum.yaml, if present.
    pub register: Option<String>,
    /// Every other file: copied next to its unit page.
    pub attachments: Vec<String>,
    /// Symlink loops and unreadable entries, skipped.
    pub diagnostics: Vec<Diagnostic>,
}

/// The file name part of a content path.
pub fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// The folder part of a content path ("" at the top).
pub fn folder(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The extension, lower-cased, of an SOP source file, if it is one.
pub fn sop_extension(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    [".yaml", ".yml", ".md"]
        .into_iter()
        .find(|ext| lower.ends_with(ext) && lower.len() > ext.len())
}

/// Keeps a walk inside the handbook: symbolic links are followed only when
/// they lead to a place inside the root, and only files and folders are
/// read (a FIFO would hang the build, a device such as /dev/zero never
/// ends); every entry skipped is a warning.
pub struct Guard {
    root: PathBuf,
    /// The root with every link resolved, to compare link targets with.
    canonical: Option<PathBuf>,
}

impl Guard {
    pub fn new(root: &Path) -> Guard {
        Guard {
            root: root.to_path_buf(),
            canonical: std::fs::canonicalize(root).ok(),
        }
    }

    /// Whether `entry` may be read; if not, the warning that says why.
    pub fn check(&self, entry: &walkdir::DirEntry) -> Result<(), Diagnostic> {
        let path = entry.path();
        let shown = display(&self.root, path);
        if entry.path_is_symlink() {
            let target = std::fs::canonicalize(path);
            let inside = match (&target, &self.canonical) {
                (Ok(target), Some(root)) => target.starts_with(root),
                _ => false,
            };
            if !inside {
                let target = target.map_or_else(
                    |_| "an unreadable place".to_string(),
                    |t| format!("`{}`", t.display()),
                );
                return Err(Diagnostic::warning(
                    &shown,
                    Pos::default(),
                    format!("symbolic link to {target}, outside the handbook; skipped"),
                )
                .with_hint("copy the file into the handbook, or link only to files inside it"));
            }
        }
        let kind = entry.file_type();
        if !kind.is_file() && !kind.is_dir() {
            return Err(Diagnostic::warning(
                &shown,
                Pos::default(),
                "not a regular file or folder (a FIFO, socket or device); skipped",
            )
            .with_hint("remove it from the handbook: only files and folders are published"));
        }
        Ok(())
    }

    /// True when `path` (not walked: a unit's _index.md) may be read: a
    /// regular file, and inside the root once its links are resolved.
    pub fn allows_file(&self, path: &Path) -> bool {
        let Some(root) = &self.canonical else {
            return false;
        };
        std::fs::metadata(path).is_ok_and(|m| m.is_file())
            && std::fs::canonicalize(path).is_ok_and(|p| p.starts_with(root))
    }
}

/// Walks `root`/content. Symlinks are followed when they stay inside the
/// handbook (see [`Guard`]); a loop is a warning, not a hang.
pub fn walk(root: &Path) -> Content {
    let content_dir = root.join("content");
    let mut out = Content {
        folders: vec![String::new()],
        ..Content::default()
    };
    let guard = Guard::new(root);
    let mut skipped = Vec::new();
    let walker = WalkDir::new(&content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            if e.file_name().to_str().is_some_and(is_ignored) {
                return false;
            }
            if let Err(d) = guard.check(e) {
                skipped.push(d);
                return false;
            }
            // A folder whose name makes no URL would publish its pages at
            // its parent's (a folder `_` holding only _index.md at `/`).
            if e.file_type().is_dir() && slugify(&e.file_name().to_string_lossy()).is_empty() {
                skipped.push(nameless(&display(root, e.path()), "folder"));
                return false;
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.diagnostics.push(walk_problem(root, &e));
                continue;
            }
        };
        let Some(rel) = relative(&content_dir, entry.path()) else {
            let shown = display(root, entry.path());
            out.diagnostics.push(
                Diagnostic::warning(
                    &shown,
                    Pos::default(),
                    "the file name is not valid UTF-8; skipped",
                )
                .with_hint("rename it using letters, digits, spaces and dashes"),
            );
            continue;
        };
        if entry.file_type().is_dir() {
            out.folders.push(rel);
            continue;
        }
        let name = file_name(&rel);
        if name == "_index.md" {
            // Read with its folder.
        } else if entry.depth() == 1 && matches!(name, "dasar-hukum.yaml" | "dasar-hukum.yml") {
            out.register = Some(rel);
        } else if let Some(ext) = sop_extension(name) {
            if slugify(&name[..name.len() - ext.len()]).is_empty() {
                out.diagnostics
                    .push(nameless(&format!("content/{rel}"), "file"));
                continue;
            }
            out.sops.push(rel);
        } else {
            out.attachments.push(rel);
        }
    }
    out.diagnostics.extend(skipped);
    out
}

/// The error for a file or folder whose name has no letter or digit, in any
/// script, to make its URL of.
fn nameless(shown: &(impl AsRef<Path> + ?Sized), what: &str) -> Diagnostic {
    let shown = shown.as_ref();
    let name = shown.file_name().map_or_else(
        || shown.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Diagnostic::error(
        shown,
        Pos::default(),
        format!("the {what} name `{name}` makes no URL: it has no letter or digit"),
    )
    .with_hint(format!(
        "rename the {what} with letters or digits, in any script (`Бухгалтерия` becomes `buhgalteriya`)"
    ))
}

/// The files under `root/dir` (a templates/ folder), as (path below `dir`
/// with '/', path relative to `root`), walked as content/ is: links only
/// inside the handbook, only files and folders; with the warnings for what
/// was skipped.
pub fn guarded_files(root: &Path, dir: &Path) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
    let base = root.join(dir);
    if !base.is_dir() {
        return (Vec::new(), Vec::new());
    }
    let guard = Guard::new(root);
    let mut skipped = Vec::new();
    let mut out = Vec::new();
    let walker = WalkDir::new(&base)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            if e.file_name().to_str().is_some_and(is_ignored) {
                return false;
            }
            guard.check(e).map_err(|d| skipped.push(d)).is_ok()
        });
    for entry in walker.flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(below) = entry.path().strip_prefix(&base) else {
            continue;
        };
        let name = below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push((name, dir.join(below)));
    }
    (out, skipped)
}

fn relative(base: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(base).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// A path for a diagnostic: relative to the root, '/'-separated.
pub fn display(root: &Path, path: &Path) -> PathBuf {
    let rel = path.strip_prefix(root).unwrap_or(path);
    PathBuf::from(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

fn walk_problem(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e
        .path()
        .map(|p| display(root, p))
        .unwrap_or_else(|| "content".into());
    if let Some(ancestor) = e.loop_ancestor() {
        return Diagnostic::warning(
            &path,
            Pos::default(),
            format!(
                "symlink loop: this link leads back to `{}`; skipped",
                display(root, ancestor).display()
            ),
        )
        .with_hint("remove the link, or point it at a folder outside its own parents");
    }
    match e.io_error().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::NotFound) => Diagnostic::warning(
            &path,
            Pos::default(),
            "broken link: it points at nothing; skipped",
        ),
        _ => Diagnostic::error(&path, Pos::default(), format!("cannot read: {e}")),
    }
}
