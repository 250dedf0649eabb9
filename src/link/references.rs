//! Keterkaitan: related SOPs resolved across the handbook.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

use crate::model::{Hubungan, Sop, slug};

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
    /// Nama keys for did-you-mean.
    near: NearNames,
    /// Nomor with only letters and digits, for did-you-mean.
    loose_nomor: HashMap<String, usize>,
}

impl Index {
    fn new(sops: &[Sop]) -> Index {
        let mut index = Index {
            nomor: HashMap::new(),
            path: HashMap::new(),
            nama: HashMap::new(),
            near: NearNames::default(),
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
                index.near.add(&key, i);
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
        // A path copied from Windows Explorer has backslashes.
        let written = reference.replace('\\', "/");
        let path = path_key(&written);
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

    /// The SOPs really close to `reference`, best first (at most two, so
    /// that one remains when the citing SOP itself is among them): the same
    /// nomor but for punctuation, else a nama a few letters apart. Never
    /// merely a similar-sounding SOP: a hint that names an unrelated SOP of
    /// another agency misleads.
    fn closest(&self, reference: &str) -> Vec<Close> {
        let loose = loose_nomor_key(reference);
        if !loose.is_empty()
            && let Some(&i) = self.loose_nomor.get(&loose)
        {
            let mut out = vec![Close::Nomor(i)];
            out.extend(
                self.near
                    .closest(&nama_key(reference))
                    .into_iter()
                    .map(Close::Nama),
            );
            return out;
        }
        self.near
            .closest(&nama_key(reference))
            .into_iter()
            .map(Close::Nama)
            .collect()
    }
}

/// A did-you-mean: an SOP named by its nomor or by its nama.
#[derive(Clone, Copy)]
enum Close {
    Nomor(usize),
    Nama(usize),
}

impl Close {
    fn sop(self) -> usize {
        match self {
            Close::Nomor(i) | Close::Nama(i) => i,
        }
    }

    fn name(self, sops: &[Sop]) -> &str {
        match self {
            Close::Nomor(i) => &sops[i].nomor,
            Close::Nama(i) => &sops[i].nama,
        }
    }
}

/// The most letters a nama may differ by and still be a did-you-mean.
const MAX_TYPOS: usize = 3;
/// A piece of nama shared by more nama than this says nothing about which
/// SOP was meant ("pelayanan", "penyusunan") and is not looked up.
const COMMON_PIECE: usize = 64;
/// The most nama compared letter by letter with one reference.
const MAX_COMPARED: usize = 32;

/// The nama of the handbook, found again from a misspelt one without
/// comparing it with every nama (a handbook of thousands of SOPs, each
/// citing one that does not exist, would be quadratic) and without
/// comparing long texts letter by letter in full (a nama of a million
/// letters would be quadratic in its length). Each nama is cut into
/// `MAX_TYPOS + 1` pieces: `MAX_TYPOS` typos leave at least one piece intact,
/// shifted by at most `MAX_TYPOS` letters, so the nama close to a reference
/// are among those with a piece found in it.
#[derive(Default)]
struct NearNames {
    /// Distinct nama keys, as letters, with their SOP, in reading order.
    names: Vec<(Vec<char>, usize)>,
    /// (nama length, piece number, piece) → positions in `names`.
    pieces: HashMap<(usize, usize, String), Vec<usize>>,
}

/// Where piece `n` of a text of `len` letters starts and how long it is.
fn piece(len: usize, n: usize) -> (usize, usize) {
    let start = n * len / (MAX_TYPOS + 1);
    (start, (n + 1) * len / (MAX_TYPOS + 1) - start)
}

impl NearNames {
    fn add(&mut self, key: &str, sop: usize) {
        let letters: Vec<char> = key.chars().collect();
        let len = letters.len();
        let at = self.names.len();
        for n in 0..=MAX_TYPOS {
            let (start, size) = piece(len, n);
            if size > 0 {
                let text: String = letters[start..start + size].iter().collect();
                let list = self.pieces.entry((len, n, text)).or_default();
                // A list past COMMON_PIECE is never read; it need not grow.
                if list.len() <= COMMON_PIECE {
                    list.push(at);
                }
            }
        }
        self.names.push((letters, sop));
    }

    /// The SOPs whose nama is a few letters from `key`, nearest first, at
    /// most two.
    fn closest(&self, key: &str) -> Vec<usize> {
        let letters: Vec<char> = key.chars().collect();
        let len = letters.len();
        let most = MAX_TYPOS.min(len / 5);
        if most == 0 {
            return Vec::new();
        }
        // How many pieces of each nama were found in the reference.
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for other in len - most..=len + most {
            for n in 0..=MAX_TYPOS {
                let (start, size) = piece(other, n);
                if size == 0 {
                    continue;
                }
                for shifted in start.saturating_sub(most)..=start + most {
                    let Some(text) = letters.get(shifted..shifted + size) else {
                        continue;
                    };
                    let text: String = text.iter().collect();
                    if let Some(list) = self.pieces.get(&(other, n, text))
                        && list.len() <= COMMON_PIECE
                    {
                        for &at in list {
                            *hits.entry(at).or_default() += 1;
                        }
                    }
                }
            }
        }
        let mut candidates: Vec<(usize, usize)> = hits.into_iter().collect();
        candidates.sort_unstable_by_key(|&(at, hits)| (std::cmp::Reverse(hits), at));
        let mut close: Vec<(usize, usize)> = candidates
            .iter()
            .take(MAX_COMPARED)
            .filter_map(|&(at, _)| {
                let distance = levenshtein_within(&letters, &self.names[at].0, most)?;
                close_enough(distance, len).then_some((distance, at))
            })
            .collect();
        close.sort_unstable();
        close
            .iter()
            .take(2)
            .map(|&(_, at)| self.names[at].1)
            .collect()
    }
}

/// The Levenshtein distance of `a` and `b` when it is at most `most`, in
/// time proportional to their length (only the diagonal band of width
/// `2 * most + 1` of the usual table is filled; strsim fills all of it).
fn levenshtein_within(a: &[char], b: &[char], most: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let over = most + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut row = vec![over; b.len() + 1];
    for i in 1..=a.len() {
        let low = i.saturating_sub(most).max(1);
        let high = (i + most).min(b.len());
        // The cell left of the band: the first column, or out of reach.
        row[low - 1] = if low == 1 { i.min(over) } else { over };
        let mut best = row[low - 1];
        for j in low..=high {
            let replace = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let cell = replace.min(prev[j] + 1).min(row[j - 1] + 1).min(over);
            row[j] = cell;
            best = best.min(cell);
        }
        // The cell right of the band, read by the next row.
        if high < b.len() {
            row[high + 1] = over;
        }
        if best > most {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    (prev[b.len()] <= most).then_some(prev[b.len()])
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
    let mut suggestions: HashMap<String, Vec<Close>> = HashMap::new();
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
                        .or_insert_with(|| index.closest(&relation.reference))
                        .iter()
                        .find(|close| close.sop() != i)
                        .map(|close| close.name(sops).to_string());
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
            // `from` grows, so a pair already listed is among the list's
            // last few (one per hubungan): looking only there keeps an SOP
            // cited by thousands linear.
            if let Some(to) = relation.target
                && to != from
                && let Some(list) = out.get_mut(to)
                && !list
                    .iter()
                    .rev()
                    .take_while(|(f, _)| *f == from)
                    .any(|&(_, h)| h == relation.hubungan)
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

    /// An SOP at `file` whose keterkaitan are `refs`, each on a line of its own.
    fn sop(file: &str, nomor: &str, nama: &str, refs: &[&str]) -> Sop {
        Sop {
            file: file.into(),
            path: slug::slugify_path(path_key(file)),
            pos: Pos::new(1, 1),
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
            ..crate::testing::model::sop(nomor, Vec::new(), Vec::new(), Vec::new())
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
    fn windows_paths_with_backslashes_and_spaces_resolve() {
        let mut sops = vec![
            sop(
                "content/Bagian Umum/Cuti Pegawai.yaml",
                "SOP-1",
                "Cuti Pegawai",
                &[
                    "Bagian Umum\\Surat Masuk",
                    "content\\Bagian Umum\\Surat Masuk.yaml",
                    "bagian-umum\\surat-masuk",
                ],
            ),
            sop(
                "content/Bagian Umum/Surat Masuk.yaml",
                "SOP-2",
                "Surat Masuk",
                &[],
            ),
        ];
        let warnings = resolve(&mut sops);
        let targets: Vec<Option<usize>> = sops[0].keterkaitan.iter().map(|r| r.target).collect();
        assert_eq!(targets, [Some(1), Some(1), Some(1)], "{warnings:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
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

    /// `count` SOPs named alike ("Pelayanan Surat Nomor 17 Bagian 3"), each
    /// citing a misspelt nama of the next.
    fn alike(count: usize) -> Vec<Sop> {
        let nama = |i: usize| format!("Pelayanan Surat Nomor {} Bagian {}", i * 7, i % 13);
        (0..count)
            .map(|i| {
                let next = nama((i + 1) % count).replacen("Surat", "Surta", 1);
                let file = format!("content/u/s{i}.yaml");
                let nomor = format!("SOP-{i}/X");
                sop(&file, &nomor, &nama(i), &[next.as_str()])
            })
            .collect()
    }

    #[test]
    fn did_you_mean_is_found_among_thousands_of_alike_sops() {
        // Comparing each of 5,000 misspelt references with each of 5,000
        // nama letter by letter is 25 million comparisons: minutes, and a
        // handbook twice as big four times that. Each reference is compared
        // with a few nama sharing a piece of it instead, and still finds
        // the one it misspells though thousands share its first words.
        let count = 5_000;
        let mut sops = alike(count);
        let warnings = resolve(&mut sops);
        assert_eq!(warnings.len(), count);
        for (i, warning) in warnings.iter().enumerate() {
            let meant = &sops[(i + 1) % count].nama;
            assert_eq!(
                warning.hint.as_deref(),
                Some(format!("did you mean `{meant}`?").as_str())
            );
        }
    }

    #[test]
    fn did_you_mean_on_a_nama_of_a_million_letters_is_linear() {
        // Letter-by-letter comparison of two texts of a million letters
        // fills a table of 10^12 cells (hours); only its diagonal band is
        // needed to know whether they are a few letters apart.
        let nama: String = "Penyusunan Rencana Kinerja ".repeat(40_000);
        let mut typo = nama.clone();
        typo.replace_range(500_000..500_001, "x");
        let far = "Pengelolaan Arsip Dinamis ".repeat(40_000);
        let mut sops = vec![
            sop("content/a.yaml", "SOP-1", &nama, &[]),
            sop(
                "content/b.yaml",
                "SOP-2",
                "Cuti",
                &[typo.as_str(), far.as_str()],
            ),
        ];
        let warnings = resolve(&mut sops);
        let hints: Vec<&str> = warnings.iter().filter_map(|w| w.hint.as_deref()).collect();
        assert_eq!(hints.len(), 2);
        assert_eq!(hints[0], format!("did you mean `{nama}`?"));
        assert!(!hints[1].contains("did you mean"));
    }

    #[test]
    fn a_hint_never_names_the_citing_sop() {
        // Two SOPs cite the same misspelt nama; it is close to the first
        // SOP's own nama, so the first gets the second's, the second its
        // first's (one did-you-mean is worked out per reference, not per SOP).
        let mut sops = vec![
            sop(
                "content/a.yaml",
                "SOP-1",
                "Pelayanan Surat Masuk",
                &["Pelayanan Surat Masak"],
            ),
            sop(
                "content/b.yaml",
                "SOP-2",
                "Pelayanan Surat Masuk Ulang",
                &["Pelayanan Surat Masak"],
            ),
        ];
        sops[1].nama = "Pelayanan Surat Masok".into();
        let warnings = resolve(&mut sops);
        let hints: Vec<Option<&str>> = warnings.iter().map(|w| w.hint.as_deref()).collect();
        assert_eq!(
            hints,
            [
                Some("did you mean `Pelayanan Surat Masok`?"),
                Some("did you mean `Pelayanan Surat Masuk`?")
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_banded_distance_is_the_distance_when_small(
            a in "[ab ]{0,12}",
            b in "[ab ]{0,12}",
            most in 0usize..4,
        ) {
            let full = strsim::levenshtein(&a, &b);
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            proptest::prop_assert_eq!(
                levenshtein_within(&a, &b, most),
                (full <= most).then_some(full)
            );
        }
    }

    #[test]
    fn nama_key_ignores_case_punctuation_and_sop() {
        assert_eq!(nama_key("SOP  Penyusunan, RKT."), "penyusunan rkt");
        assert_eq!(nama_key("SOP"), "sop");
    }
}
