//! Writing the site: into a staging folder, swapped in only when whole.
//!
//! A reader of the published site (or a web server syncing the folder) must
//! never see half a build, and a build that fails must leave the last good
//! site exactly as it was. So everything is written into a staging folder
//! beside the output, on the same file system, and then swapped in with two
//! renames.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::Asset;

use super::destination::MARKER_TEXT;
use super::{OutputError, OutputFile};

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
    /// The marker file left in the output (`routes::OUTPUT_MARKER`).
    marker: String,
    assets: Vec<Asset>,
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
    /// Makes an empty staging folder for `out`, on the same file system;
    /// `marker` names it (and the old site while it is swapped out) and is
    /// the file left in the output when it is committed.
    pub fn create(out: &Path, assets: &[Asset], marker: &str) -> Result<Staging, OutputError> {
        // An attachment withheld (HTML with allow_html false) is not copied.
        let assets: Vec<Asset> = assets
            .iter()
            .filter(|a| a.is_published())
            .cloned()
            .collect();
        for asset in &assets {
            safe_relative(&asset.dest)?;
        }
        let (parent, name) = split_output(out)?;
        let made_parent = parent
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .last()
            .map(Path::to_path_buf);
        fs::create_dir_all(&parent).map_err(|source| staging_error(&parent, source))?;
        let pid = std::process::id();
        let dir = parent.join(format!("{name}{marker}-tmp-{pid}"));
        if dir.exists() {
            // Left by a killed build that had our pid; it was never the output.
            fs::remove_dir_all(&dir).map_err(|source| staging_error(&dir, source))?;
        }
        fs::create_dir_all(&dir).map_err(|source| staging_error(&dir, source))?;
        Ok(Staging {
            old: parent.join(format!("{name}{marker}-old-{pid}")),
            marker: marker.to_string(),
            out: out.to_path_buf(),
            assets,
            files: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            committed: false,
            made_parent,
            dir,
        })
    }

    /// Writes one file into the staging folder.
    pub fn put(&self, file: &OutputFile) -> Result<(), OutputError> {
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
        written.map_err(|source| OutputError::Write {
            path: file.path.clone(),
            source,
        })?;
        self.files.fetch_add(1, Ordering::Relaxed);
        if file.path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Copies the assets in and swaps the staging folder in for the output.
    pub fn commit(mut self) -> Result<Written, OutputError> {
        self.assets.par_iter().try_for_each(|a| {
            let dest = self.dir.join(safe_relative(&a.dest)?);
            if let Some(parent) = dest.parent() {
                fs::create_dir_all(parent).map_err(|source| OutputError::Write {
                    path: a.dest.clone(),
                    source,
                })?;
            }
            fs::copy(&a.source, dest)
                .map(|_| ())
                .map_err(|source| OutputError::Copy {
                    path: a.source.clone(),
                    source,
                })
        })?;
        fs::write(self.dir.join(&self.marker), MARKER_TEXT).map_err(|source| {
            OutputError::Write {
                path: self.marker.clone(),
                source,
            }
        })?;
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

fn staging_error(path: &Path, source: io::Error) -> OutputError {
    OutputError::Staging {
        path: path.to_path_buf(),
        source,
    }
}

fn split_output(out: &Path) -> Result<(PathBuf, String), OutputError> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| OutputError::NoName {
            path: out.to_path_buf(),
        })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

fn swap(staging: &Path, out: &Path, old: &Path) -> Result<(), OutputError> {
    let failed = |source| OutputError::Swap {
        path: out.to_path_buf(),
        source,
    };
    if !out.exists() {
        return fs::rename(staging, out).map_err(failed);
    }
    if !out.is_dir() {
        return Err(OutputError::NotAFolder {
            path: out.to_path_buf(),
        });
    }
    if old.exists() {
        fs::remove_dir_all(old).map_err(failed)?;
    }
    fs::rename(out, old).map_err(failed)?;
    if let Err(e) = fs::rename(staging, out) {
        // Put the previous site back before reporting.
        let _ = fs::rename(old, out);
        return Err(failed(e));
    }
    // The new site is in place; a leftover old folder is untidy, not wrong.
    let _ = fs::remove_dir_all(old);
    Ok(())
}

/// An output path as a relative path that stays inside the output folder.
fn safe_relative(path: &str) -> Result<PathBuf, OutputError> {
    let rel = Path::new(path);
    let inside = !path.is_empty()
        && rel
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if inside {
        Ok(rel.to_path_buf())
    } else {
        Err(OutputError::Outside {
            path: path.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssetKind;
    use crate::routes::OUTPUT_MARKER as MARKER;
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

    /// Writes `files` and the assets into `out` as `build` does: through
    /// a staging folder, committed when every file is in.
    fn write_site(files: &[OutputFile], assets: &[Asset], out: &Path) -> Result<(), OutputError> {
        let staging = Staging::create(out, assets, MARKER)?;
        files.iter().try_for_each(|f| staging.put(f))?;
        staging.commit().map(|_| ())
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
        ];
        let assets = [
            Asset {
                source: src.clone(),
                dest: "umum/formulir.pdf".into(),
                kind: AssetKind::Attachment,
            },
            Asset {
                source: src,
                dest: "logo.png".into(),
                kind: AssetKind::Static,
            },
        ];
        write_site(&files, &assets, &out).expect("written");
        let got = snapshot(&out);
        assert_eq!(got["index.html"], b"<h1>Beranda</h1>");
        assert_eq!(got["umum/rkt/index.html"], b"RKT");
        assert_eq!(got["umum/formulir.pdf"], b"%PDF");
        assert_eq!(got["logo.png"], b"%PDF");
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
        let err = write_site(&[file("index.html", "rusak")], &[missing], &out)
            .expect_err("a missing attachment");
        // The message names the file that could not be copied.
        assert!(err.to_string().contains("tidak-ada.pdf"), "{err}");
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(tmp.path()), ["public"], "staging removed");

        let escaping = write_site(&[file("../luar.html", "x")], &[], &out)
            .expect_err("a path out of the folder");
        assert!(escaping.to_string().contains("../luar.html"), "{escaping}");
        assert!(!tmp.path().join("luar.html").exists());
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(tmp.path()), ["public"]);
    }

    #[test]
    fn an_output_that_is_a_file_is_refused_and_kept() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("public");
        fs::write(&out, b"bukan folder").expect("write");
        let err = write_site(&[file("index.html", "x")], &[], &out).expect_err("a file");
        assert!(
            err.to_string().contains("public` is a file, not a folder"),
            "{err}"
        );
        assert_eq!(fs::read(&out).expect("still there"), b"bukan folder");
        assert_eq!(siblings(tmp.path()), ["public"]);
    }
}
