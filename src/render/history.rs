//! The Riwayat perubahan section of an SOP page: each commit that changed
//! the SOP's file, with its changes put into words ("langkah 3: waktu
//! 1 hari → 2 hari", "langkah 5 ditambah: ...", "dasar hukum: +
//! Permendagri 77/2020"). The changes themselves are `model::diff`'s.

use serde::Serialize;

use crate::config::Language;
use crate::i18n::HistoryStrings;
use crate::model::history::{Change, Field, Revision, StepField};

/// The section, None for an SOP without history (no git, or a file never
/// committed): the page then has no section at all.
#[derive(Debug, Clone, Serialize)]
pub struct Riwayat {
    pub title: &'static str,
    pub intro: &'static str,
    pub commit_label: &'static str,
    pub entries: Vec<Entry>,
}

/// One commit, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Long form in the page's language ("5 Desember 2026").
    pub date: String,
    /// ISO, for `<time datetime>`.
    pub date_iso: String,
    pub author: String,
    pub message: String,
    pub commit: String,
    pub changes: Vec<String>,
}

/// The section for an SOP's revisions, newest first as given.
pub fn section(revisions: &[Revision], language: Language) -> Option<Riwayat> {
    if revisions.is_empty() {
        return None;
    }
    let h = HistoryStrings::of(language);
    let entries = revisions
        .iter()
        .map(|r| Entry {
            date: r.date.long_in(language),
            date_iso: r.date.iso(),
            author: r.author.clone(),
            message: r.message.clone(),
            commit: r.commit.clone(),
            changes: if r.changes.is_empty() {
                vec![h.no_change.to_string()]
            } else {
                r.changes.iter().map(|c| words(c, h)).collect()
            },
        })
        .collect();
    Some(Riwayat {
        title: h.title,
        intro: h.intro,
        commit_label: h.commit,
        entries,
    })
}

/// One change in words.
pub fn words(change: &Change, h: &HistoryStrings) -> String {
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    match change {
        Change::Created => h.created.to_string(),
        Change::Moved { from } => format!("{} {from}", h.moved_from),
        Change::Unreadable => h.unreadable.to_string(),
        Change::Field {
            field: Field::Uraian,
            ..
        } => format!("{} {}", h.uraian, h.changed),
        Change::Field {
            field: Field::Draft,
            new,
            ..
        } => {
            let yes = new.as_deref() == Some("true");
            format!("{}: {}", h.draft, if yes { h.yes } else { h.no })
        }
        Change::Field { field, old, new } => {
            format!("{} {} → {}", field_name(*field, h), value(old), value(new))
        }
        Change::Added { field, item } => format!("{}: + {item}", field_name(*field, h)),
        Change::Removed { field, item } => format!("{}: - {item}", field_name(*field, h)),
        Change::StepAdded { no, kegiatan } => {
            format!("{} {no} {}: {kegiatan}", h.step, h.added)
        }
        Change::StepRemoved { no, kegiatan } => {
            format!("{} {no} {}: {kegiatan}", h.step, h.removed)
        }
        Change::StepField {
            no,
            field,
            old,
            new,
        } => format!(
            "{} {no}: {} {} → {}",
            h.step,
            step_field_name(*field, h),
            value(old),
            value(new)
        ),
        Change::StepItemAdded { no, field, item } => {
            format!("{} {no}: {} + {item}", h.step, step_field_name(*field, h))
        }
        Change::StepItemRemoved { no, field, item } => {
            format!("{} {no}: {} - {item}", h.step, step_field_name(*field, h))
        }
    }
}

fn field_name(field: Field, h: &HistoryStrings) -> &'static str {
    match field {
        Field::Nomor => h.nomor,
        Field::Nama => h.nama,
        Field::SatuanKerja => h.satuan_kerja,
        Field::TanggalPembuatan => h.tanggal_pembuatan,
        Field::TanggalRevisi => h.tanggal_revisi,
        Field::TanggalEfektif => h.tanggal_efektif,
        Field::TanggalPengesahan => h.tanggal_pengesahan,
        Field::Jabatan => h.jabatan,
        Field::Penandatangan => h.penandatangan,
        Field::Nip => h.nip,
        Field::DasarHukum => h.dasar_hukum,
        Field::KualifikasiPelaksana => h.kualifikasi_pelaksana,
        Field::Keterkaitan => h.keterkaitan,
        Field::Peralatan => h.peralatan,
        Field::Peringatan => h.peringatan,
        Field::Pencatatan => h.pencatatan,
        Field::Pelaksana => h.pelaksana,
        Field::TotalWaktu => h.total_waktu,
        Field::Uraian => h.uraian,
        Field::Draft => h.draft,
    }
}

fn step_field_name(field: StepField, h: &HistoryStrings) -> &'static str {
    match field {
        StepField::Kegiatan => h.kegiatan,
        StepField::Pelaksana => h.pelaksana,
        StepField::Jenis => h.jenis,
        StepField::Alur => h.alur,
        StepField::Kelengkapan => h.kelengkapan,
        StepField::Waktu => h.waktu,
        StepField::Output => h.output,
        StepField::Keterangan => h.keterangan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_as_the_form_says_them_in_both_languages() {
        let id = HistoryStrings::of(Language::Id);
        let en = HistoryStrings::of(Language::En);
        let waktu = Change::StepField {
            no: "3".into(),
            field: StepField::Waktu,
            old: Some("1 hari".into()),
            new: Some("2 hari".into()),
        };
        assert_eq!(words(&waktu, id), "langkah 3: waktu 1 hari → 2 hari");
        assert_eq!(words(&waktu, en), "step 3: time 1 hari → 2 hari");
        let lane = Change::Field {
            field: Field::Pelaksana,
            old: Some("Kasubbag Umum".into()),
            new: Some("Kabag Umum".into()),
        };
        assert_eq!(words(&lane, id), "pelaksana Kasubbag Umum → Kabag Umum");
        let law = Change::Added {
            field: Field::DasarHukum,
            item: "Permendagri 77/2020".into(),
        };
        assert_eq!(words(&law, id), "dasar hukum: + Permendagri 77/2020");
        let step = Change::StepAdded {
            no: "5".into(),
            kegiatan: "Mengarsipkan".into(),
        };
        assert_eq!(words(&step, id), "langkah 5 ditambah: Mengarsipkan");
        assert_eq!(words(&step, en), "step 5 added: Mengarsipkan");
    }
}
