//! Checks across files: one nomor per SOP, one source per URL.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos};
use crate::link::references::nomor_key;
use crate::model::{Sop, Unit};
// Top-level folders the site itself writes (docs/format.md, "Alamat halaman hasil"), as the
// route table has them.
use crate::routes::RESERVED;

/// Errors for a nomor used twice, at the later file (in path order).
pub fn duplicate_nomor(sops: &[Sop]) -> Vec<Diagnostic> {
    let mut order: Vec<&Sop> = sops.iter().filter(|s| !s.nomor.is_empty()).collect();
    order.sort_by(|a, b| a.file.cmp(&b.file));
    let mut seen: HashMap<String, &Sop> = HashMap::new();
    let mut out = Vec::new();
    for sop in order {
        match seen.get(&nomor_key(&sop.nomor)) {
            Some(first) => out.push(
                Diagnostic::error(
                    &sop.file,
                    sop.pos,
                    format!(
                        "duplicate nomor `{}`: already used by {}",
                        sop.nomor,
                        slashed(&first.file)
                    ),
                )
                .with_hint("every SOP of the handbook has its own nomor"),
            ),
            None => {
                seen.insert(nomor_key(&sop.nomor), sop);
            }
        }
    }
    out
}

/// Errors for two sources published at the same URL (`Rkt.yaml` and
/// `rkt.md`, a folder and a file, "Bagian Umum/" and "bagian-umum/"), a
/// name that slugs to nothing, and the site's own reserved paths.
pub fn duplicate_paths(units: &[Unit], sops: &[Sop]) -> Vec<Diagnostic> {
    // (url path, file for diagnostics, position)
    let mut sources: Vec<(&str, PathBuf, Pos)> = Vec::new();
    // A folder of attachments alone makes no page of its own; one in a
    // folder of the site is an attachment clash, named file by file.
    let only_attachments = |u: &Unit| u.file.is_none() && !sops.iter().any(|s| s.unit == u.path);
    let folders = disk_folders(units, sops);
    let mut handed: HashMap<&str, usize> = HashMap::new();
    for unit in units
        .iter()
        .filter(|u| !u.path.is_empty())
        .filter(|u| !(RESERVED.contains(&u.path.as_str()) && only_attachments(u)))
    {
        let (file, pos) = match &unit.file {
            Some(file) => (file.clone(), Pos::new(1, 1)),
            // No _index.md: the folder itself, as the author named it, and
            // no line to point at.
            None => {
                // Folders sharing a URL are handed out one each.
                let turn = handed.entry(&unit.path).or_insert(0);
                let list = folders.get(unit.path.as_str());
                let folder = list.and_then(|l| l.get(*turn).or(l.last()));
                *turn += 1;
                let folder = folder.cloned();
                (
                    folder.unwrap_or_else(|| format!("content/{}/", unit.path).into()),
                    Pos::default(),
                )
            }
        };
        sources.push((&unit.path, file, pos));
    }
    for sop in sops {
        sources.push((&sop.path, sop.file.clone(), Pos::new(1, 1)));
    }
    sources.sort_by(|a, b| a.1.cmp(&b.1));
    let mut out = Vec::new();
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for (path, file, pos) in &sources {
        let last = path.rsplit('/').next().unwrap_or(path);
        if last.is_empty() {
            out.push(
                Diagnostic::error(file, *pos, "this name gives an empty URL")
                    .with_hint("use letters or digits in the file or folder name"),
            );
        } else if RESERVED.contains(path) {
            out.push(
                Diagnostic::error(
                    file,
                    *pos,
                    format!("`{path}/` is a page of the site itself"),
                )
                .with_hint(format!(
                    "rename it: {} are taken at the top of content/",
                    RESERVED.join(", ")
                )),
            );
        } else if let Some(first) = seen.get(path) {
            out.push(
                Diagnostic::error(
                    file,
                    *pos,
                    format!(
                        "duplicate URL `{path}/`: {} is published there too",
                        slashed(first)
                    ),
                )
                .with_hint("names that differ only in case, spaces or punctuation give the same URL; rename one"),
            );
        } else {
            seen.insert(path, file);
        }
    }
    out
}

/// The folders of units without _index.md as they are named on disk
/// (`content/Bagian Umum/`, not their URL `bagian-umum`), read off the files
/// below them: a unit's path is its folder names slugged one by one. Two
/// folders may share a URL ("Umum/" and "umum/"): each path maps to all of
/// its folders, sorted, but those a unit's _index.md names already. The
/// trailing slash marks a folder, which a message names without a line.
fn disk_folders<'a>(units: &'a [Unit], sops: &'a [Sop]) -> HashMap<&'a str, Vec<PathBuf>> {
    let files = sops.iter().map(|s| (s.unit.as_str(), &s.file)).chain(
        units
            .iter()
            .filter_map(|u| Some((u.path.as_str(), u.file.as_ref()?))),
    );
    let mut found: HashMap<&str, BTreeSet<PathBuf>> = HashMap::new();
    for (unit, file) in files {
        // The unit itself and every unit above it.
        let mut path = unit;
        let mut depth = path.split('/').count();
        while !path.is_empty() {
            let folder: PathBuf = file.components().take(1 + depth).collect();
            let folder = PathBuf::from(format!("{}/", slashed(&folder)));
            found.entry(path).or_default().insert(folder);
            path = path.rsplit_once('/').map_or("", |(parent, _)| parent);
            depth -= 1;
        }
    }
    for unit in units {
        if let (Some(file), Some(set)) = (&unit.file, found.get_mut(unit.path.as_str())) {
            let folder = file.parent().map(slashed).unwrap_or_default();
            set.remove(&PathBuf::from(format!("{folder}/")));
        }
    }
    found
        .into_iter()
        .map(|(path, set)| (path, set.into_iter().collect()))
        .collect()
}

fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Compares nomor the way people read them: "SOP-2" before "SOP-10".
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if ord.is_ne() {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                let ord = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
                if ord.is_ne() {
                    return ord;
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&c| c == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn nomor_sorts_naturally() {
        assert_eq!(natural_cmp("SOP-2", "SOP-10"), Ordering::Less);
        assert_eq!(natural_cmp("SOP-070", "SOP-70"), Ordering::Equal);
        assert_eq!(natural_cmp("a", "B"), Ordering::Less);
        assert_eq!(natural_cmp("SOP-1", "SOP-1a"), Ordering::Less);
    }
}
