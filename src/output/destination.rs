//! Where `build` may write: the output folder checked before anything is
//! written. Never the handbook or a folder of its sources, and only a folder
//! lajur wrote itself (it leaves a marker there, [`Landmarks::marker`]), an
//! empty or missing one, or any with `--force`.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos};

/// What the marker file says to whoever opens it.
pub(super) const MARKER_TEXT: &str = "This folder is written by `lajur build` and replaced whole by the next build.\n\
Do not keep other files here: edit the handbook (content/, static/) instead.\n";

/// The folders of the handbook an output folder may be neither, nor above, nor inside.
const SOURCES: &[&str] = &["content", "static", "themes", "templates"];

/// What a site lajur wrote is recognised by: the marker file it leaves, or,
/// for a site written before it left one, the file of its front page and
/// the folder of its search index. The route table names all three
/// (`routes::OUTPUT_MARKER`, `routes::PAGE_FILE`, `routes::SEARCH_INDEX_DIR`)
/// and the caller passes them in: `output` sits below `routes`, which hands
/// it the files.
#[derive(Debug, Clone, Copy)]
pub struct Landmarks<'a> {
    pub marker: &'a str,
    pub front_page: &'a str,
    pub search_index: &'a str,
}

/// Where the output setting came from, for the diagnostic of a bad one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `-o, --output` on the command line.
    CommandLine,
    /// output_dir of handbook.yaml, at this position.
    HandbookYaml(Pos),
    /// Neither: the default, `public`.
    Default,
}

/// Checks that the build may replace `out` and returns it as an absolute
/// path with no `..` and no symbolic link in it, the path the build then
/// writes (so `-o public/../public` names the same folder throughout).
///
/// Refused, as a settings error: the root, content/, static/, themes/,
/// templates/, any folder above or inside one of them; a file; a folder
/// holding files lajur did not write (unless `force`; a site of lajur's
/// without a marker is known by its `landmarks`); a folder lajur could not
/// delete (read-only), since the swap would then leave it beside the new
/// site.
pub fn destination(
    root: &Path,
    out: &Path,
    force: bool,
    setting: Setting,
    landmarks: Landmarks<'_>,
) -> Result<PathBuf, Box<Diagnostic>> {
    let fail = |message: String, hint: &str| {
        let (file, pos) = match setting {
            Setting::CommandLine => (PathBuf::from("--output"), Pos::default()),
            Setting::HandbookYaml(pos) => (PathBuf::from("handbook.yaml"), pos),
            Setting::Default => (out.to_path_buf(), Pos::default()),
        };
        Box::new(Diagnostic::error(file, pos, message).with_hint(hint))
    };
    let shown = out.display();
    let resolved = resolve(out).map_err(|e| {
        fail(
            format!("cannot use `{shown}` as the output folder: {e}"),
            "choose another output folder",
        )
    })?;
    let root = resolve(root).map_err(|e| {
        fail(
            format!("cannot read the handbook folder: {e}"),
            "pass the handbook folder as --root",
        )
    })?;
    if resolved.parent().is_none() {
        return Err(fail(
            format!("the output folder `{shown}` is the root of the file system"),
            "choose a folder of its own, such as `public`",
        ));
    }
    if root.starts_with(&resolved) {
        return Err(fail(
            format!(
                "the output folder `{shown}` is the handbook folder or holds it: building would delete the handbook"
            ),
            "the output goes in a folder of its own inside the handbook, such as `public`",
        ));
    }
    for source in SOURCES {
        let dir = root.join(source);
        if dir.starts_with(&resolved) || resolved.starts_with(&dir) {
            return Err(fail(
                format!(
                    "the output folder `{shown}` is or holds {source}/, or is inside it: building would delete the handbook's files or publish itself"
                ),
                "the output goes in a folder of its own, such as `public`, beside content/",
            ));
        }
    }
    let meta = match fs::metadata(&resolved) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(resolved),
        Err(e) => {
            return Err(fail(
                format!("cannot read the output folder `{shown}`: {e}"),
                "choose another output folder",
            ));
        }
    };
    if !meta.is_dir() {
        return Err(fail(
            format!("the output `{shown}` is a file, not a folder"),
            "choose a folder, such as `public`",
        ));
    }
    if !force && !is_ours(&resolved, landmarks) {
        let found = foreign_files(&resolved);
        return Err(fail(
            format!(
                "the output folder `{shown}` holds files lajur did not write ({found}); a build replaces the whole folder"
            ),
            "choose an empty or new folder, or pass --force to replace this one and delete its files",
        ));
    }
    if let Some(locked) = read_only_folder(&resolved) {
        return Err(fail(
            format!(
                "the output folder `{shown}` holds a read-only folder (`{}`): lajur could not replace it",
                locked.display()
            ),
            "make it writable (chmod -R u+w) or choose another output folder",
        ));
    }
    Ok(resolved)
}

/// `path` made absolute, every existing part resolved as the file system
/// does (symbolic links, `..`), the parts that do not exist yet taken as
/// written.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut resolved = std::env::current_dir()?;
    for part in path.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => {
                resolved = PathBuf::from(part.as_os_str());
            }
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if fs::symlink_metadata(&resolved).is_ok() {
                    resolved = fs::canonicalize(&resolved)?;
                }
            }
        }
    }
    Ok(resolved)
}

/// True when `dir` is empty, holds lajur's marker, or is a site lajur wrote
/// before it left markers: it has the search index's folder and a front
/// page that names lajur as the generator.
fn is_ours(dir: &Path, landmarks: Landmarks<'_>) -> bool {
    if dir.join(landmarks.marker).is_file() {
        return true;
    }
    let Ok(mut entries) = fs::read_dir(dir) else {
        return false;
    };
    if entries.next().is_none() {
        return true;
    }
    let mut head = Vec::new();
    let read = fs::File::open(dir.join(landmarks.front_page))
        .and_then(|f| io::Read::read_to_end(&mut io::Read::take(f, 4096), &mut head));
    read.is_ok()
        && dir.join(landmarks.search_index).is_dir()
        && String::from_utf8_lossy(&head).contains("<meta name=\"generator\" content=\"lajur")
}

/// A few names of what `dir` holds, for the message.
fn foreign_files(dir: &Path) -> String {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|it| {
            it.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let more = names.len().saturating_sub(3);
    names.truncate(3);
    let mut shown = names.join(", ");
    if more > 0 {
        shown.push_str(&format!(" and {more} more"));
    }
    shown
}

/// The first folder under `dir` (or `dir` itself) whose entries cannot be
/// deleted because it has no write permission, relative to `dir`'s parent.
fn read_only_folder(dir: &Path) -> Option<PathBuf> {
    let base = dir.parent().unwrap_or(dir);
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .find(|e| e.metadata().is_ok_and(|m| m.permissions().readonly()))
        .map(|e| {
            e.path()
                .strip_prefix(base)
                .unwrap_or(e.path())
                .to_path_buf()
        })
}
