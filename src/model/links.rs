//! Keterkaitan: related SOPs resolved across the handbook.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

use super::{Hubungan, Sop, slug};

/// A nomor as compared: "SOP- 070/Setda" and "sop-070/setda" are one nomor.
pub fn nomor_key(nomor: &str) -> String {
    nomor
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A nomor with only its letters and digits: "SOP-070/Setda" and "SOP 070
/// SETDA" are the same nomor but for punctuation.
fn loose_nomor_key(nomor: &str) -> String {
    nomor
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many letters two nama may differ by and still be "the same SOP
/// misspelt": a few, and never more than a fifth of the nama.
fn close_enough(distance: usize, len: usize) -> bool {
    distance > 0 && distance <= 3 && distance * 5 <= len
}

/// A nama as compared: any case, punctuation as spaces, runs of spaces as
/// one, without a leading "SOP" ("SOP Penyusunan RKT." = "penyusunan rkt").
pub fn nama_key(nama: &str) -> String {
    let spaced: String = nama
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    if words.first() == Some(&"sop") && words.len() > 1 {
        words.remove(0);
    }
    words.join(" ")
}

/// A content path as written in a reference, without content/, slashes at
/// the ends and the extension ("content/Umum/RKT.yaml" → "Umum/RKT").
fn path_key(reference: &str) -> &str {
    let r = reference.trim().trim_matches('/');
    let r = r.strip_prefix("content/").unwrap_or(r);
    for ext in [".yaml", ".yml", ".md"] {
        if r.len() > ext.len() && r.is_char_boundary(r.len() - ext.len()) {
            let (stem, tail) = r.split_at(r.len() - ext.len());
            if tail.eq_ignore_ascii_case(ext) {
                return stem;
            }
        }
    }
    r
}

/// The content path of an SOP as written on disk, without extension.
fn raw_path(sop: &Sop) -> String {
    let file = sop.file.to_string_lossy().replace('\\', "/");
    path_key(&file).to_string()
}

/// Every way an SOP can be named, computed once for the handbook.
struct Index {
    nomor: HashMap<String, usize>,
    path: HashMap<String, usize>,
    nama: HashMap<String, usize>,
    /// Distinct nama keys with a nama as written, for did-you-mean.
    names: Vec<(String, usize)>,
    /// Nomor with only letters and digits, for did-you-mean.
    loose_nomor: HashMap<String, usize>,
}

impl Index {
    fn new(sops: &[Sop]) -> Index {
        let mut index = Index {
            nomor: HashMap::new(),
            path: HashMap::new(),
            nama: HashMap::new(),
            names: Vec::new(),
            loose_nomor: HashMap::new(),
        };
        // The first SOP wins a key, as the order of `sops` is the reading order.
        for (i, sop) in sops.iter().enumerate() {
            if !sop.nomor.is_empty() {
                index.nomor.entry(nomor_key(&sop.nomor)).or_insert(i);
                index
                    .loose_nomor
                    .entry(loose_nomor_key(&sop.nomor))
                    .or_insert(i);
            }
            index.path.entry(raw_path(sop)).or_insert(i);
            index.path.entry(sop.path.clone()).or_insert(i);
            let key = nama_key(&sop.nama);
            if !key.is_empty() && !index.nama.contains_key(&key) {
                index.nama.insert(key.clone(), i);
                index.names.push((key, i));
            }
        }
        index
    }

    /// Which SOP `reference` names: by nomor, else content path (as written
    /// or slugged), else nama.
    fn find(&self, reference: &str) -> Option<usize> {
        if let Some(i) = self.nomor.get(&nomor_key(reference)) {
            return Some(*i);
        }
        let path = path_key(reference);
        if !path.is_empty() {
            let found = self
                .path
                .get(path)
                .or_else(|| self.path.get(&slug::slugify_path(path)));
            if let Some(i) = found {
                return Some(*i);
            }
        }
        self.nama.get(&nama_key(reference)).copied()
    }

    /// An SOP really close to `reference`, other than SOP `own`: the same
    /// nomor but for punctuation (its nomor), or a nama a few letters
    /// apart (its nama). Never merely a similar-sounding SOP: a hint that
    /// names an unrelated SOP of another agency misleads.
    fn closest<'s>(&self, reference: &str, own: usize, sops: &'s [Sop]) -> Option<&'s str> {
        let loose = loose_nomor_key(reference);
        if !loose.is_empty()
            && let Some(&i) = self.loose_nomor.get(&loose)
            && i != own
        {
            return Some(sops[i].nomor.as_str());
        }
        let key = nama_key(reference);
        let len = key.chars().count();
        self.names
            .iter()
            .filter(|(_, i)| *i != own)
            .map(|(k, i)| (strsim::levenshtein(&key, k), *i))
            .filter(|(d, _)| close_enough(*d, len))
            .min_by_key(|(d, _)| *d)
            .map(|(_, i)| sops[i].nama.as_str())
    }
}

/// Resolves every keterkaitan entry (by nomor, content path, then normalised
/// nama) and returns a warning for each that resolves to nothing, with a
/// did-you-mean only when an SOP is really close. An entry naming its own
/// SOP is kept (the page marks it "SOP ini") with a warning. Entries
/// outside the handbook (`{teks, url}`) are left as written.
pub fn resolve(sops: &mut [Sop]) -> Vec<Diagnostic> {
    let index = Index::new(sops);
    let mut out = Vec::new();
    // One did-you-mean per distinct unresolved reference: a missing SOP is
    // often cited by many.
    let mut suggestions: HashMap<String, Option<String>> = HashMap::new();
    for i in 0..sops.len() {
        let relations = std::mem::take(&mut sops[i].keterkaitan);
        let mut kept = Vec::with_capacity(relations.len());
        for mut relation in relations {
            if relation.outside {
                kept.push(relation);
                continue;
            }
            match index.find(&relation.reference) {
                Some(t) if t == i => {
                    out.push(
                        Diagnostic::warning(
                            &sops[i].file,
                            relation.pos,
                            format!("keterkaitan `{}` is this SOP itself", relation.reference),
                        )
                        .with_hint("it is shown marked \"SOP ini\"; if the paper means another SOP, write its nomor or nama, or `teks:` for one outside the handbook"),
                    );
                    relation.target = Some(t);
                    relation.is_self = true;
                }
                Some(t) => relation.target = Some(t),
                None => {
                    let close = suggestions
                        .entry(relation.reference.clone())
                        .or_insert_with(|| {
                            index
                                .closest(&relation.reference, i, sops)
                                .map(String::from)
                        })
                        .clone();
                    let hint = match close {
                        Some(nama) => format!("did you mean `{nama}`?"),
                        None => "it is shown as \"belum tersedia\" until an SOP with this nomor, nama or path is added; for something outside the handbook (another agency's SOP, a unit, a document) write `- teks: ...` (and `url: ...`)".into(),
                    };
                    out.push(
                        Diagnostic::warning(
                            &sops[i].file,
                            relation.pos,
                            format!(
                                "keterkaitan `{}` matches no SOP of the handbook",
                                relation.reference
                            ),
                        )
                        .with_hint(hint),
                    );
                }
            }
            kept.push(relation);
        }
        sops[i].keterkaitan = kept;
    }
    out
}

/// For each SOP, the SOPs that point to it and how: `(from, hubungan)`,
/// in the order of `sops`, each pair once.
pub fn backlinks(sops: &[Sop]) -> Vec<Vec<(usize, Hubungan)>> {
    let mut out: Vec<Vec<(usize, Hubungan)>> = vec![Vec::new(); sops.len()];
    for (from, sop) in sops.iter().enumerate() {
        for relation in &sop.keterkaitan {
            if let Some(to) = relation.target
                && to != from
                && let Some(list) = out.get_mut(to)
                && !list.contains(&(from, relation.hubungan))
            {
                list.push((from, relation.hubungan));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Pos;
    use crate::model::Relation;

    fn sop(file: &str, nomor: &str, nama: &str, refs: &[&str]) -> Sop {
        let path = slug::slugify_path(path_key(file));
        Sop {
            file: file.into(),
            path,
            pos: Pos::new(1, 1),
            nomor: nomor.into(),
            nama: nama.into(),
            keterkaitan: refs
                .iter()
                .enumerate()
                .map(|(i, r)| Relation {
                    reference: r.to_string(),
                    pos: Pos::new(10 + i, 5),
                    ..Relation::default()
                })
                .collect(),
            ..Sop::default()
        }
    }

    #[test]
    fn resolves_by_nomor_path_and_nama() {
        let mut sops = vec![
            sop(
                "content/Umum/RKT.yaml",
                "SOP- 070/Setda",
                "Penyusunan Rencana Kinerja Tahunan",
                &[
                    "SOP Penyusunan  Laporan Kinerja.",
                    "umum/lkj",
                    "sop-071/setda",
                    "Umum/RKT",
                    "SOP Penyusunan Laporan Kinerjaa",
                ],
            ),
            sop(
                "content/Umum/LKJ.md",
                "SOP-071/Setda",
                "Penyusunan Laporan Kinerja",
                &["SOP-070/Setda"],
            ),
        ];
        let warnings = resolve(&mut sops);
        let targets: Vec<Option<usize>> = sops[0].keterkaitan.iter().map(|r| r.target).collect();
        // The self-reference "Umum/RKT" is kept, marked.
        assert_eq!(targets, [Some(1), Some(1), Some(1), Some(0), None]);
        let marked: Vec<bool> = sops[0].keterkaitan.iter().map(|r| r.is_self).collect();
        assert_eq!(marked, [false, false, false, true, false]);
        assert_eq!(sops[1].keterkaitan[0].target, Some(0));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].message.contains("itself"));
        assert_eq!(warnings[1].line, 14);
        assert_eq!(
            warnings[1].hint.as_deref(),
            Some("did you mean `Penyusunan Laporan Kinerja`?")
        );

        let back = backlinks(&sops);
        // An SOP is not its own backlink.
        assert_eq!(back[1], [(0, Hubungan::Terkait)]);
        assert_eq!(back[0], [(1, Hubungan::Terkait)]);
    }

    #[test]
    fn did_you_mean_names_only_a_really_close_sop() {
        let mut sops = vec![
            sop(
                "content/a/surat.yaml",
                "SOP-01/KEL",
                "Pelayanan Surat Masuk",
                &[
                    // The same nomor but for punctuation.
                    "SOP 02 KEL",
                    // Two letters off.
                    "Pelayanan Surat Kluar",
                    // Another SOP entirely: no hint.
                    "Pelayanan Surat Keterangan Usaha",
                    "SOP Pengelolaan Arsip Dinamis",
                ],
            ),
            sop(
                "content/b/keluar.yaml",
                "SOP-02/KEL",
                "Pelayanan Surat Keluar",
                &[],
            ),
            sop(
                "content/c/arsip.yaml",
                "SOP-9/DPK",
                "Pengelolaan Arsip Statis",
                &[],
            ),
        ];
        let warnings = resolve(&mut sops);
        let hints: Vec<Option<&str>> = warnings.iter().map(|w| w.hint.as_deref()).collect();
        assert_eq!(hints.len(), 4, "{warnings:?}");
        assert_eq!(hints[0], Some("did you mean `SOP-02/KEL`?"));
        assert_eq!(hints[1], Some("did you mean `Pelayanan Surat Keluar`?"));
        for hint in &hints[2..] {
            let hint = hint.unwrap_or_default();
            assert!(!hint.contains("did you mean"), "{hint}");
            assert!(hint.contains("teks"), "{hint}");
        }
    }

    #[test]
    fn entries_outside_the_handbook_are_kept_as_written() {
        let mut sops = vec![sop("content/a.yaml", "SOP-1", "Cuti Pegawai", &[])];
        sops[0].keterkaitan.push(Relation {
            reference: "SOP Pelayanan KTP Disdukcapil".into(),
            outside: true,
            url: Some("https://example.go.id/sop/ktp".into()),
            ..Relation::default()
        });
        let warnings = resolve(&mut sops);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(sops[0].keterkaitan[0].target, None);
        assert!(sops[0].keterkaitan[0].outside);
    }

    #[test]
    fn nama_key_ignores_case_punctuation_and_sop() {
        assert_eq!(nama_key("SOP  Penyusunan, RKT."), "penyusunan rkt");
        assert_eq!(nama_key("SOP"), "sop");
    }
}
