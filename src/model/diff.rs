//! What changed between two versions of one SOP, in the form's own terms:
//! "langkah 3: waktu 1 hari → 2 hari", "langkah 5 ditambah", "pelaksana
//! Kasubbag Umum → Kabag Umum", "dasar hukum: + Permendagri 77/2020".
//!
//! Both versions are SOPs as the loader reads them, so a change of
//! spacing, quoting, comments or key order is no change, and a date written
//! `7-11-2018` one day and `7 November 2018` the next is the same date.
//!
//! Steps are matched by their kegiatan (a longest common subsequence, as a
//! line diff matches lines): a step inserted in the middle is one step
//! added, not every later step changed. Steps left unmatched between two
//! matches are paired in order (the kegiatan was reworded) and the rest are
//! added or removed.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::history::{Change, Field, StepField};
use super::{Flow, Sop, Step, Target};
use crate::config::Language;

/// The changes from `old` to `new`, identity fields first, then the lanes,
/// then the steps in order, then the rest of the form.
pub fn diff(old: &Sop, new: &Sop, language: Language) -> Vec<Change> {
    let mut out = Vec::new();
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    let date = |d: Option<&super::Date>| d.map(|d| d.long_in(language));
    field(&mut out, Field::Nomor, text(&old.nomor), text(&new.nomor));
    field(&mut out, Field::Nama, text(&old.nama), text(&new.nama));
    field(
        &mut out,
        Field::SatuanKerja,
        old.satuan_kerja.clone(),
        new.satuan_kerja.clone(),
    );
    let dates = [
        (
            Field::TanggalPembuatan,
            old.tanggal_pembuatan.as_ref(),
            new.tanggal_pembuatan.as_ref(),
        ),
        (
            Field::TanggalRevisi,
            old.tanggal_revisi.first(),
            new.tanggal_revisi.first(),
        ),
        (
            Field::TanggalEfektif,
            old.tanggal_efektif.as_ref(),
            new.tanggal_efektif.as_ref(),
        ),
        (
            Field::TanggalPengesahan,
            old.tanggal_pengesahan.as_ref(),
            new.tanggal_pengesahan.as_ref(),
        ),
    ];
    for (f, a, b) in dates {
        field(&mut out, f, date(a), date(b));
    }
    let approver = |sop: &Sop, get: fn(&super::Approver) -> &Option<String>| {
        sop.disahkan_oleh.as_ref().and_then(|a| get(a).clone())
    };
    field(
        &mut out,
        Field::Jabatan,
        approver(old, |a| &a.jabatan),
        approver(new, |a| &a.jabatan),
    );
    field(
        &mut out,
        Field::Penandatangan,
        approver(old, |a| &a.nama),
        approver(new, |a| &a.nama),
    );
    field(
        &mut out,
        Field::Nip,
        approver(old, |a| &a.nip),
        approver(new, |a| &a.nip),
    );
    citations(&mut out, old, new);
    list(
        &mut out,
        Field::KualifikasiPelaksana,
        &old.kualifikasi_pelaksana,
        &new.kualifikasi_pelaksana,
    );
    let relations = |sop: &Sop| -> Vec<String> {
        sop.keterkaitan
            .iter()
            .map(|r| r.reference.clone())
            .collect()
    };
    list(
        &mut out,
        Field::Keterkaitan,
        &relations(old),
        &relations(new),
    );
    list(&mut out, Field::Peralatan, &old.peralatan, &new.peralatan);
    list(
        &mut out,
        Field::Peringatan,
        &old.peringatan,
        &new.peringatan,
    );
    list(
        &mut out,
        Field::Pencatatan,
        &old.pencatatan,
        &new.pencatatan,
    );
    let renamed = lanes(&mut out, old, new);
    steps(&mut out, old, new, &renamed);
    field(
        &mut out,
        Field::TotalWaktu,
        old.total_waktu_written.clone(),
        new.total_waktu_written.clone(),
    );
    if old.body.trim() != new.body.trim() {
        out.push(Change::Field {
            field: Field::Uraian,
            old: None,
            new: None,
        });
    }
    if old.draft != new.draft {
        field(
            &mut out,
            Field::Draft,
            Some(old.draft.to_string()),
            Some(new.draft.to_string()),
        );
    }
    out
}

fn field(out: &mut Vec<Change>, field: Field, old: Option<String>, new: Option<String>) {
    if old != new {
        out.push(Change::Field { field, old, new });
    }
}

/// Items taken out, then items added (a reworded item is both).
fn list(out: &mut Vec<Change>, field: Field, old: &[String], new: &[String]) {
    for item in old.iter().filter(|i| !new.contains(i)) {
        out.push(Change::Removed {
            field,
            item: item.clone(),
        });
    }
    for item in new.iter().filter(|i| !old.contains(i)) {
        out.push(Change::Added {
            field,
            item: item.clone(),
        });
    }
}

/// Dasar hukum compared by the regulation each line cites, so rewording a
/// line that cites the same regulation is no change; a line that cannot be
/// read is compared as written. Shown short ("Permendagri 77/2020").
fn citations(out: &mut Vec<Change>, old: &Sop, new: &Sop) {
    let keyed = |sop: &Sop| -> Vec<(String, String)> {
        sop.dasar_hukum
            .iter()
            .map(|c| {
                let key = c.id.clone().unwrap_or_else(|| c.text.clone());
                let shown = match (c.kind, &c.number, c.year) {
                    (Some(kind), Some(number), _) if number.contains('/') => {
                        format!("{} {number}", kind.short())
                    }
                    (Some(kind), Some(number), Some(year)) => {
                        format!("{} {number}/{year}", kind.short())
                    }
                    _ => c.text.clone(),
                };
                (key, shown)
            })
            .collect()
    };
    let (a, b) = (keyed(old), keyed(new));
    for (key, shown) in &a {
        if !b.iter().any(|(k, _)| k == key) {
            out.push(Change::Removed {
                field: Field::DasarHukum,
                item: shown.clone(),
            });
        }
    }
    for (key, shown) in &b {
        if !a.iter().any(|(k, _)| k == key) {
            out.push(Change::Added {
                field: Field::DasarHukum,
                item: shown.clone(),
            });
        }
    }
}

/// The lanes: a lane renamed in place (same position, same count) is one
/// change "pelaksana A → B"; otherwise lanes added and taken out. Returns
/// the renames, so the steps of a renamed lane are not each reported.
fn lanes(out: &mut Vec<Change>, old: &Sop, new: &Sop) -> Vec<(String, String)> {
    let names = |sop: &Sop| -> Vec<String> { sop.lanes.iter().map(|l| l.nama.clone()).collect() };
    let (a, b) = (names(old), names(new));
    let mut renamed = Vec::new();
    if a.len() == b.len() {
        for (x, y) in a.iter().zip(&b) {
            if x != y && !b.contains(x) && !a.contains(y) {
                out.push(Change::Field {
                    field: Field::Pelaksana,
                    old: Some(x.clone()),
                    new: Some(y.clone()),
                });
                renamed.push((x.clone(), y.clone()));
            }
        }
    }
    let a: Vec<String> = a
        .into_iter()
        .filter(|x| !renamed.iter().any(|(from, _)| from == x))
        .collect();
    let b: Vec<String> = b
        .into_iter()
        .filter(|y| !renamed.iter().any(|(_, to)| to == y))
        .collect();
    list(out, Field::Pelaksana, &a, &b);
    renamed
}

fn steps(out: &mut Vec<Change>, old: &Sop, new: &Sop, renamed: &[(String, String)]) {
    let key = |s: &Step| s.kegiatan.split_whitespace().collect::<Vec<_>>().join(" ");
    let a: Vec<String> = old.steps.iter().map(key).collect();
    let b: Vec<String> = new.steps.iter().map(key).collect();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    step(out, old, new, old_index + k, new_index + k, renamed);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => removed(out, old, old_index..old_index + old_len),
            DiffOp::Insert {
                new_index, new_len, ..
            } => added(out, new, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let paired = old_len.min(new_len);
                for k in 0..paired {
                    step(out, old, new, old_index + k, new_index + k, renamed);
                }
                removed(out, old, old_index + paired..old_index + old_len);
                added(out, new, new_index + paired..new_index + new_len);
            }
        }
    }
}

fn removed(out: &mut Vec<Change>, sop: &Sop, range: std::ops::Range<usize>) {
    for s in &sop.steps[range] {
        out.push(Change::StepRemoved {
            no: number(s),
            kegiatan: s.kegiatan.clone(),
        });
    }
}

fn added(out: &mut Vec<Change>, sop: &Sop, range: std::ops::Range<usize>) {
    for s in &sop.steps[range] {
        out.push(Change::StepAdded {
            no: number(s),
            kegiatan: s.kegiatan.clone(),
        });
    }
}

/// The step's number as the form prints it, else its position.
fn number(step: &Step) -> String {
    if step.no.is_empty() {
        step.number.to_string()
    } else {
        step.no.clone()
    }
}

/// The fields of one step kept in both versions.
fn step(
    out: &mut Vec<Change>,
    old_sop: &Sop,
    new_sop: &Sop,
    i: usize,
    j: usize,
    renamed: &[(String, String)],
) {
    let (old, new) = (&old_sop.steps[i], &new_sop.steps[j]);
    let no = number(new);
    let mut push = |field: StepField, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(Change::StepField {
                no: no.clone(),
                field,
                old: a,
                new: b,
            });
        }
    };
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    push(
        StepField::Kegiatan,
        text(&old.kegiatan),
        text(&new.kegiatan),
    );
    // The old lanes under their new names: a lane renamed is said once.
    let pelaksana = |sop: &Sop, step: &Step, rename: bool| -> Option<String> {
        let names: Vec<&str> = step
            .lanes
            .iter()
            .filter_map(|&l| sop.lanes.get(l))
            .map(|l| {
                renamed
                    .iter()
                    .find(|(from, _)| rename && *from == l.nama)
                    .map_or(l.nama.as_str(), |(_, to)| to.as_str())
            })
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    };
    push(
        StepField::Pelaksana,
        pelaksana(old_sop, old, true),
        pelaksana(new_sop, new, false),
    );
    push(
        StepField::Jenis,
        Some(old.kind.as_str().to_string()),
        Some(new.kind.as_str().to_string()),
    );
    push(StepField::Alur, flow(old_sop, i), flow(new_sop, j));
    push(
        StepField::Waktu,
        old.waktu.as_ref().map(|w| w.shown().into_owned()),
        new.waktu.as_ref().map(|w| w.shown().into_owned()),
    );
    push(StepField::Output, old.output.clone(), new.output.clone());
    push(
        StepField::Keterangan,
        old.keterangan.clone(),
        new.keterangan.clone(),
    );
    for item in old
        .kelengkapan
        .iter()
        .filter(|k| !new.kelengkapan.contains(k))
    {
        out.push(Change::StepItemRemoved {
            no: no.clone(),
            field: StepField::Kelengkapan,
            item: item.clone(),
        });
    }
    for item in new
        .kelengkapan
        .iter()
        .filter(|k| !old.kelengkapan.contains(k))
    {
        out.push(Change::StepItemAdded {
            no: no.clone(),
            field: StepField::Kelengkapan,
            item: item.clone(),
        });
    }
}

/// Where step `i` leads, in printed step numbers: "ya 4, tidak 2",
/// "lanjut 7"; None for the plain next step (or the end after the last).
fn flow(sop: &Sop, i: usize) -> Option<String> {
    let target = |t: &Target| match t.step_index() {
        Some(s) => sop.steps.get(s).map_or_else(|| (s + 1).to_string(), number),
        None => "selesai".to_string(),
    };
    match &sop.steps[i].flow {
        Flow::Decision { ya, tidak, .. } => {
            Some(format!("ya {}, tidak {}", target(ya), target(tidak)))
        }
        Flow::Next { to } if to.len() == 1 && to[0] == Target::step(i + 1) => None,
        Flow::Next { to } if to.is_empty() => None,
        Flow::Next { to } => Some(format!(
            "lanjut {}",
            to.iter().map(target).collect::<Vec<_>>().join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::source::read_sop_text;

    fn sop(yaml: &str) -> Sop {
        let (sop, problems) = read_sop_text("x.yaml", yaml, &Config::default());
        sop.unwrap_or_else(|| panic!("not an SOP: {problems:?}"))
    }

    const BASE: &str = "nomor: SOP-1
nama: Surat masuk
dasar_hukum:
  - Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara
pelaksana: [Kasubbag Umum, Staf]
langkah:
  - kegiatan: Menerima surat
    pelaksana: Staf
    waktu: 1 hari
  - kegiatan: Memeriksa surat
    pelaksana: Kasubbag Umum
    waktu: 1 hari
  - kegiatan: Mengarsipkan surat
    pelaksana: Staf
";

    #[test]
    fn the_same_sop_written_differently_has_no_change() {
        let other = BASE.replace("waktu: 1 hari", "waktu: \"1 hari\"") + "# komentar\n";
        assert_eq!(
            diff(&sop(BASE), &sop(&other), Language::Id),
            Vec::<Change>::new()
        );
    }

    #[test]
    fn a_step_waktu_changed_is_one_change_of_that_step() {
        let new = BASE.replacen("waktu: 1 hari", "waktu: 2 hari", 1);
        assert_eq!(
            diff(&sop(BASE), &sop(&new), Language::Id),
            vec![Change::StepField {
                no: "1".into(),
                field: StepField::Waktu,
                old: Some("1 hari".into()),
                new: Some("2 hari".into()),
            }]
        );
    }

    #[test]
    fn a_step_inserted_is_added_and_later_steps_are_not_changed() {
        let new = BASE.replace(
            "  - kegiatan: Mengarsipkan surat",
            "  - kegiatan: Mendisposisi surat\n    pelaksana: Kasubbag Umum\n  - kegiatan: Mengarsipkan surat",
        );
        assert_eq!(
            diff(&sop(BASE), &sop(&new), Language::Id),
            vec![Change::StepAdded {
                no: "3".into(),
                kegiatan: "Mendisposisi surat".into()
            }]
        );
    }

    #[test]
    fn a_lane_renamed_is_said_once_not_for_every_step() {
        let new = BASE.replace("Kasubbag Umum", "Kabag Umum");
        assert_eq!(
            diff(&sop(BASE), &sop(&new), Language::Id),
            vec![Change::Field {
                field: Field::Pelaksana,
                old: Some("Kasubbag Umum".into()),
                new: Some("Kabag Umum".into()),
            }]
        );
    }

    #[test]
    fn a_regulation_added_is_shown_short() {
        let new = BASE.replace(
            "dasar_hukum:\n",
            "dasar_hukum:\n  - Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah\n",
        );
        assert_eq!(
            diff(&sop(BASE), &sop(&new), Language::Id),
            vec![Change::Added {
                field: Field::DasarHukum,
                item: "Permendagri 77/2020".into()
            }]
        );
    }

    #[test]
    fn a_step_removed_and_dates_changed() {
        let new = BASE.replace(
            "  - kegiatan: Memeriksa surat\n    pelaksana: Kasubbag Umum\n    waktu: 1 hari\n",
            "",
        ) + "tanggal_revisi: 2024-03-01\n";
        assert_eq!(
            diff(&sop(BASE), &sop(&new), Language::Id),
            vec![
                Change::Field {
                    field: Field::TanggalRevisi,
                    old: None,
                    new: Some("1 Maret 2024".into()),
                },
                Change::StepRemoved {
                    no: "2".into(),
                    kegiatan: "Memeriksa surat".into()
                },
            ]
        );
    }
}
