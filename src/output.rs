//! Writing the site: into a staging folder, swapped in only when whole.
//!
//! A reader of the published site (or a web server syncing the folder) must
//! never see half a build, and a build that fails must leave the last good
//! site exactly as it was. So everything is written into a staging folder
//! beside the output, on the same file system, and then swapped in with two
//! renames.
//!
//! Before anything is written, [`destination`] makes sure the output folder
//! is one lajur may replace: never the handbook or a folder of its sources,
//! and only a folder lajur wrote itself (it leaves [`MARKER`] there), an
//! empty or missing one, or any with `--force`.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Pos};
use crate::model::Asset;
use crate::render::OutputFile;

/// The file lajur leaves in every output folder it writes, so that a later
/// build knows the folder is its own to replace.
pub const MARKER: &str = ".lajur";

const MARKER_TEXT: &str = "This folder is written by `lajur build` and replaced whole by the next build.\n\
Do not keep other files here: edit the handbook (content/, static/) instead.\n";

/// The folders of the handbook an output folder may be neither, nor above, nor inside.
const SOURCES: &[&str] = &["content", "static", "themes", "templates"];

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
/// holding files lajur did not write (unless `force`); a folder lajur could
/// not delete (read-only), since the swap would then leave it beside the
/// new site.
pub fn destination(
    root: &Path,
    out: &Path,
    force: bool,
    setting: Setting,
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
    if !force && !is_ours(&resolved) {
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
/// before it left markers (its front page names lajur as the generator).
fn is_ours(dir: &Path) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    let Ok(mut entries) = fs::read_dir(dir) else {
        return false;
    };
    if entries.next().is_none() {
        return true;
    }
    let mut head = Vec::new();
    let read = fs::File::open(dir.join("index.html"))
        .and_then(|f| io::Read::read_to_end(&mut io::Read::take(f, 4096), &mut head));
    read.is_ok()
        && dir.join("pagefind").is_dir()
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

/// Writes `files` and copies `assets` into `out`, replacing what was there.
/// An asset wins over a rendered file with the same path (the handbook's own
/// static/ over the theme's). On any error `out` is left as it was.
pub fn write_site(files: &[OutputFile], assets: &[Asset], out: &Path) -> io::Result<()> {
    let staging = Staging::create(out, assets)?;
    files.par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit().map(|_| ())
}

/// A site being written: files go into a staging folder beside the output
/// as they come, from any thread; [`Staging::commit`] copies the assets and
/// swaps the folder in. Dropped without a commit, the staging folder is
/// removed and the output is left as it was.
pub struct Staging {
    dir: PathBuf,
    /// The first of the output's parent folders that did not exist before:
    /// removed again when the build fails, so it leaves nothing behind.
    made_parent: Option<PathBuf>,
    out: PathBuf,
    old: PathBuf,
    assets: Vec<Asset>,
    /// Paths an asset takes: a rendered file there gives way.
    asset_paths: BTreeSet<String>,
    files: AtomicUsize,
    pages: AtomicUsize,
    committed: bool,
}

/// What a commit put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Every file, the assets included.
    pub files: usize,
    /// The HTML pages among them.
    pub pages: usize,
}

impl Staging {
    /// Makes an empty staging folder for `out`, on the same file system.
    pub fn create(out: &Path, assets: &[Asset]) -> io::Result<Staging> {
        // An attachment withheld (HTML with allow_html false) is not copied.
        let assets: Vec<Asset> = assets
            .iter()
            .filter(|a| a.is_published())
            .cloned()
            .collect();
        let asset_paths = assets
            .iter()
            .map(|a| safe_relative(&a.dest).map(|_| a.dest.clone()))
            .collect::<io::Result<_>>()?;
        let (parent, name) = split_output(out)?;
        let made_parent = parent
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .last()
            .map(Path::to_path_buf);
        fs::create_dir_all(&parent)?;
        let pid = std::process::id();
        let dir = parent.join(format!("{name}.lajur-tmp-{pid}"));
        if dir.exists() {
            // Left by a killed build that had our pid; it was never the output.
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            old: parent.join(format!("{name}.lajur-old-{pid}")),
            out: out.to_path_buf(),
            assets,
            asset_paths,
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            committed: false,
            made_parent,
            dir,
        })
    }

    /// Writes one file into the staging folder.
    pub fn put(&self, file: &OutputFile) -> io::Result<()> {
        if self.asset_paths.contains(&file.path) {
            return Ok(());
        }
        let path = self.dir.join(safe_relative(&file.path)?);
        // Most files go into a folder that exists already: try first, make
        // the folder only when the write says it is missing.
        let written = match fs::write(&path, &file.bytes) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => match path.parent() {
                Some(parent) => {
                    fs::create_dir_all(parent).and_then(|()| fs::write(&path, &file.bytes))
                }
                None => Err(e),
            },
            other => other,
        };
        written.map_err(|e| with_path(e, &file.path))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        if file.path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Copies the assets in and swaps the staging folder in for the output.
    pub fn commit(mut self) -> io::Result<Written> {
        self.assets.par_iter().try_for_each(|a| {
            let dest = self.dir.join(safe_relative(&a.dest)?);
            if let Some(parent) = dest.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::copy(&a.source, dest)
                .map(|_| ())
                .map_err(|e| with_path(e, &a.source.display().to_string()))
        })?;
        fs::write(self.dir.join(MARKER), MARKER_TEXT)?;
        swap(&self.dir, &self.out, &self.old)?;
        self.committed = true;
        Ok(Written {
            files: self.files.load(Ordering::Relaxed) + self.assets.len(),
            pages: self.pages.load(Ordering::Relaxed)
                + self
                    .assets
                    .iter()
                    .filter(|a| a.dest.ends_with(".html"))
                    .count(),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
            if let Some(made) = &self.made_parent {
                let _ = fs::remove_dir_all(made);
            }
        }
    }
}

fn split_output(out: &Path) -> io::Result<(PathBuf, String)> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("the output folder `{}` has no name", out.display()),
            )
        })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

fn swap(staging: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    if !out.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("the output `{}` is a file, not a folder", out.display()),
        ));
    }
    if old.exists() {
        fs::remove_dir_all(old)?;
    }
    fs::rename(out, old)?;
    if let Err(e) = fs::rename(staging, out) {
        // Put the previous site back before reporting.
        let _ = fs::rename(old, out);
        return Err(e);
    }
    // The new site is in place; a leftover old folder is untidy, not wrong.
    let _ = fs::remove_dir_all(old);
    Ok(())
}

/// An output path as a relative path that stays inside the output folder.
fn safe_relative(path: &str) -> io::Result<PathBuf> {
    let rel = Path::new(path);
    let inside = !path.is_empty()
        && rel
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        Ok(rel.to_path_buf())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("output path `{path}` would leave the output folder"),
        ))
    }
}

fn with_path(e: io::Error, path: &str) -> io::Error {
    io::Error::new(e.kind(), format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssetKind;
    use std::collections::BTreeMap;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Every file under `dir` with its bytes.
    fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                (rel, fs::read(e.path()).unwrap_or_default())
            })
            .collect()
    }

    fn siblings(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|it| {
                it.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn writes_files_and_assets_into_a_new_output() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let src = tmp.path().join("formulir.pdf");
        fs::write(&src, b"%PDF").expect("write");
        let out = tmp.path().join("public");
        let files = [
            file("index.html", "<h1>Beranda</h1>"),
            file("umum/rkt/index.html", "RKT"),
            file("style.css", "theme"),
        ];
        let assets = [
            Asset {
                source: src.clone(),
                dest: "umum/formulir.pdf".into(),
                kind: AssetKind::Attachment,
            },
            Asset {
                source: src,
                dest: "style.css".into(),
                kind: AssetKind::Static,
            },
        ];
        write_site(&files, &assets, &out).expect("written");
        let got = snapshot(&out);
        assert_eq!(got["index.html"], b"<h1>Beranda</h1>");
        assert_eq!(got["umum/rkt/index.html"], b"RKT");
        assert_eq!(got["umum/formulir.pdf"], b"%PDF");
        // The handbook's own file wins over the theme's.
        assert_eq!(got["style.css"], b"%PDF");
        assert_eq!(siblings(tmp.path()), ["formulir.pdf", "public"]);
    }

    #[test]
    fn a_new_build_replaces_the_old_output_whole() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("public");
        write_site(
            &[file("lama/index.html", "lama"), file("index.html", "1")],
            &[],
            &out,
        )
        .expect("first");
        write_site(&[file("index.html", "2")], &[], &out).expect("second");
        let got = snapshot(&out);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            [MARKER, "index.html"],
            "a page removed from the handbook is gone: {got:?}"
        );
        assert_eq!(got["index.html"], b"2");
        assert_eq!(
            siblings(tmp.path()),
            ["public"],
            "no staging or old folder left"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output_untouched() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("public");
        write_site(
            &[file("index.html", "baik"), file("a/b.html", "b")],
            &[],
            &out,
        )
        .expect("first");
        let before = snapshot(&out);

        let missing = Asset {
            source: tmp.path().join("tidak-ada.pdf"),
            dest: "a/tidak-ada.pdf".into(),
            kind: AssetKind::Attachment,
        };
        let err = write_site(&[file("index.html", "rusak")], &[missing], &out);
        assert!(err.is_err());
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(tmp.path()), ["public"], "staging removed");

        let escaping = write_site(&[file("../luar.html", "x")], &[], &out);
        assert!(escaping.is_err());
        assert!(!tmp.path().join("luar.html").exists());
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(tmp.path()), ["public"]);
    }

    #[test]
    fn an_output_that_is_a_file_is_refused_and_kept() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("public");
        fs::write(&out, b"bukan folder").expect("write");
        assert!(write_site(&[file("index.html", "x")], &[], &out).is_err());
        assert_eq!(fs::read(&out).expect("still there"), b"bukan folder");
        assert_eq!(siblings(tmp.path()), ["public"]);
    }
}
