//! The labels of the SOP AP form, as real documents spell them, and the
//! pieces of the form every reader shares: the kop's lines, the
//! "Disahkan oleh" cell, the signature under the table.

use super::draft::{Approver, Draft};
use super::lists::{clean, collapse};

/// A field of the header table ("Nomor SOP", "Tanggal Efektif", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    Nomor,
    Pembuatan,
    Revisi,
    Efektif,
    Pengesahan,
    DisahkanOleh,
    Nama,
}

/// Lower-case words of a label, punctuation dropped, "tgl" read as tanggal.
pub fn label_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w.to_lowercase().as_str() {
            "tgl" => "tanggal".to_string(),
            "no" => "nomor".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// The header field a cell's text labels, when the whole cell is the label.
pub fn header_field(cell: &str) -> Option<HeaderField> {
    let words = label_words(cell);
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    Some(match w.as_slice() {
        ["nomor", "sop"] => HeaderField::Nomor,
        ["tanggal", "pembuatan"] | ["tanggal", "dibuat"] => HeaderField::Pembuatan,
        ["tanggal", "revisi"] => HeaderField::Revisi,
        ["tanggal", "efektif"] | ["tanggal", "berlaku"] => HeaderField::Efektif,
        ["tanggal", "pengesahan"] | ["tanggal", "disahkan"] => HeaderField::Pengesahan,
        ["disahkan", "oleh"] | ["disahkan"] | ["mengesahkan"] => HeaderField::DisahkanOleh,
        ["nama", "sop"] | ["judul", "sop"] | ["nama", "prosedur"] => HeaderField::Nama,
        _ => return None,
    })
}

/// The six identity boxes under the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxField {
    DasarHukum,
    Kualifikasi,
    Keterkaitan,
    Peralatan,
    Peringatan,
    Pencatatan,
}

/// The identity box a cell's text labels ("Peralatan/ Perlengkapan",
/// "Keterkaitan SOP", "Pencatatan & Pendataan", "Kualifikasi Pelaksana :").
pub fn box_field(cell: &str) -> Option<BoxField> {
    let words = label_words(cell);
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    Some(match words[0].as_str() {
        "dasar" if words.get(1).is_some_and(|w| w == "hukum") => BoxField::DasarHukum,
        "kualifikasi" => BoxField::Kualifikasi,
        "keterkaitan" => BoxField::Keterkaitan,
        "peralatan" | "perlengkapan" => BoxField::Peralatan,
        "peringatan" => BoxField::Peringatan,
        "pencatatan" | "pendataan" => BoxField::Pencatatan,
        _ => return None,
    })
}

impl BoxField {
    /// The YAML key it fills.
    pub fn key(self) -> &'static str {
        match self {
            BoxField::DasarHukum => "dasar_hukum",
            BoxField::Kualifikasi => "kualifikasi_pelaksana",
            BoxField::Keterkaitan => "keterkaitan",
            BoxField::Peralatan => "peralatan",
            BoxField::Peringatan => "peringatan",
            BoxField::Pencatatan => "pencatatan",
        }
    }

    /// Its list in `draft`.
    pub fn list(self, draft: &mut Draft) -> &mut Vec<String> {
        match self {
            BoxField::DasarHukum => &mut draft.dasar_hukum,
            BoxField::Kualifikasi => &mut draft.kualifikasi_pelaksana,
            BoxField::Keterkaitan => &mut draft.keterkaitan,
            BoxField::Peralatan => &mut draft.peralatan,
            BoxField::Peringatan => &mut draft.peringatan,
            BoxField::Pencatatan => &mut draft.pencatatan,
        }
    }
}

/// What a column of the flowchart table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    No,
    Kegiatan,
    /// The "Pelaksana" heading over the lanes.
    Pelaksana,
    /// The "Mutu Baku" heading over its columns.
    MutuBaku,
    Kelengkapan,
    Waktu,
    Output,
    Keterangan,
}

/// The column a heading names (Kegiatan/Uraian/Aktivitas,
/// Kelengkapan/Persyaratan/Sumber Data, ...).
pub fn column_kind(cell: &str) -> Option<ColumnKind> {
    let words = label_words(cell);
    let has = |w: &str| words.iter().any(|x| x == w);
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    Some(if words == ["nomor"] || words == ["nomor", "urut"] {
        ColumnKind::No
    } else if has("waktu") {
        ColumnKind::Waktu
    } else if has("kelengkapan") || has("persyaratan") || has("syarat") || has("sumber") {
        ColumnKind::Kelengkapan
    } else if has("output") || has("keluaran") || has("hasil") {
        ColumnKind::Output
    } else if has("keterangan") || words == ["ket"] {
        ColumnKind::Keterangan
    } else if has("kegiatan") || has("uraian") || has("aktivitas") || has("aktifitas") {
        ColumnKind::Kegiatan
    } else if words == ["mutu", "baku"] {
        ColumnKind::MutuBaku
    } else if words == ["pelaksana"] || words == ["pelaksana", "kegiatan"] {
        ColumnKind::Pelaksana
    } else {
        return None;
    })
}

/// Files each kop line (the form's header block, top-left) where it
/// belongs: "PEMERINTAH ..." is the organisasi, Bagian/Sub Bagian/Bidang/
/// Seksi lines are the unit, the rest is the satuan kerja.
pub fn file_kop_lines(lines: &[String], draft: &mut Draft) {
    let mut satker = Vec::new();
    for line in lines {
        let line = collapse(line);
        let words = label_words(&line);
        let first = words.first().map(String::as_str).unwrap_or("");
        if line.is_empty() || words == ["satuan", "kerja"] || words == ["logo"] {
            continue;
        }
        if line.starts_with('(') {
            // "(CONTOH)" wrapped under the line it ends.
            if let Some(last) = satker.last_mut().or(draft.organisasi.as_mut()) {
                last.push(' ');
                last.push_str(&line);
                continue;
            }
        }
        // The body the satuan kerja belongs to: a government, a ministry,
        // the supreme court ("KEMENTERIAN AGAMA REPUBLIK INDONESIA" above
        // "KANTOR KEMENTERIAN AGAMA KOTA ...").
        let body = matches!(first, "pemerintah" | "kementerian" | "mahkamah")
            || (satker.is_empty() && words.windows(2).any(|w| w == ["republik", "indonesia"]));
        match first {
            _ if body && draft.organisasi.is_none() => draft.organisasi = Some(line),
            "bagian" | "sub" | "subbag" | "subbagian" | "bidang" | "subbidang" | "seksi"
            | "upt" | "uptd" => draft.unit.push(line),
            _ => satker.push(line),
        }
    }
    if !satker.is_empty() {
        draft.satuan_kerja = Some(satker.join(" "));
    }
}

/// Reads "Disahkan oleh" written over several lines (jabatan, then nama,
/// then NIP), or on one line as [`read_approver`] reads it.
pub fn read_approver_lines(lines: &[String], draft: &mut Draft) -> Option<Approver> {
    let texts: Vec<String> = lines
        .iter()
        .map(|l| clean(l))
        .filter(|l| !l.is_empty())
        .collect();
    if texts.len() < 2 {
        return read_approver(&lines.join(" "), draft);
    }
    let nip_at = texts
        .iter()
        .position(|l| !split_nip(l).1.is_empty() && l.to_uppercase().contains("NIP"));
    let (names, nip) = match nip_at {
        Some(i) => {
            let (before, nip) = split_nip(&texts[i]);
            let mut names: Vec<String> = texts[..i].to_vec();
            if !before.is_empty() {
                names.push(before);
            }
            (names, nip)
        }
        None => (texts.clone(), String::new()),
    };
    if names.len() < 2 {
        return read_approver(&lines.join(" "), draft);
    }
    if nip.is_empty() {
        draft.note("disahkan_oleh", "NIP tidak ditemukan");
    }
    let nama = names.last().cloned().unwrap_or_default();
    let jabatan = names[..names.len() - 1].join(" ");
    Some(Approver {
        jabatan: trim_sep(&jabatan),
        nama,
        nip,
    })
}

/// Reads the "Disahkan oleh" cell: "Sekretaris Daerah, <u>Drs. H. SAID
/// ABDULLAH, M.Si</u> NIP. 19650928 199203 1 008". The underlined part is
/// the nama when the export kept it; else the jabatan ends at the first
/// comma. Notes go to `draft` at disahkan_oleh.
pub fn read_approver(raw: &str, draft: &mut Draft) -> Option<Approver> {
    let text = clean(raw);
    if text.is_empty() {
        return None;
    }
    let (before, nip) = split_nip(&text);
    let underlined = raw
        .find("<u>")
        .and_then(|a| {
            raw[a + 3..]
                .find("</u>")
                .map(|b| clean(&raw[a + 3..a + 3 + b]))
        })
        .filter(|u| !u.is_empty() && before.contains(u.as_str()));
    let (jabatan, nama) = match underlined {
        Some(nama) => {
            let jabatan = before.replacen(nama.as_str(), "", 1);
            (trim_sep(&jabatan), nama)
        }
        None => match before.split_once(',') {
            Some((j, n)) => (trim_sep(j), trim_sep(n)),
            None => {
                draft.note(
                    "disahkan_oleh",
                    format!("jabatan dan nama tidak terpisah dalam \"{before}\"; ditulis sebagai jabatan"),
                );
                (before.clone(), String::new())
            }
        },
    };
    if nip.is_empty() {
        draft.note("disahkan_oleh", "NIP tidak ditemukan");
    }
    Some(Approver { jabatan, nama, nip })
}

fn trim_sep(s: &str) -> String {
    collapse(s.trim_matches(|c: char| c == ',' || c.is_whitespace()))
}

/// Splits "…, NIP. 19650928 199203 1 008" into the text before NIP and the
/// number (its digits and spaces as printed).
pub fn split_nip(text: &str) -> (String, String) {
    let upper = text.to_uppercase();
    let mut search = 0;
    while let Some(found) = upper[search..].find("NIP") {
        let at = search + found;
        search = at + 3;
        let before_ok = at == 0 || !upper[..at].ends_with(|c: char| c.is_alphanumeric());
        let after = &text[at + 3..];
        let after_ok = !after.starts_with(|c: char| c.is_alphabetic());
        if before_ok && after_ok {
            let number = after
                .trim_start_matches(|c: char| c == '.' || c == ':' || c.is_whitespace())
                .trim();
            let digits: String = number
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '.')
                .collect();
            return (
                trim_sep(&text[..at]),
                collapse(digits.trim_end_matches('.')),
            );
        }
    }
    (trim_sep(text), String::new())
}

/// The signature under the flowchart ("KEPALA BPKPAD / FAKHRIYANTO, S.Pt,
/// MP / NIP. 19780601 200501 1 016"), from the lines after the table.
pub fn signature(lines: &[String]) -> Option<Approver> {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| clean(l))
        .filter(|l| !l.is_empty())
        .collect();
    let at = lines
        .iter()
        .position(|l| l.to_uppercase().starts_with("NIP"))?;
    if at == 0 {
        return None;
    }
    let (_, nip) = split_nip(&lines[at]);
    let nama = lines[at - 1].clone();
    let jabatan = if at >= 2 {
        lines[at - 2].trim_end_matches(',').trim().to_string()
    } else {
        String::new()
    };
    Some(Approver { jabatan, nama, nip })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approver_with_underlined_nama() {
        let mut d = Draft::default();
        let a = read_approver(
            "Sekretaris Daerah, <u>Drs. H. SAID ABDULLAH, M.Si</u> NIP. 19650928 199203 1 008",
            &mut d,
        )
        .unwrap();
        assert_eq!(a.jabatan, "Sekretaris Daerah");
        assert_eq!(a.nama, "Drs. H. SAID ABDULLAH, M.Si");
        assert_eq!(a.nip, "19650928 199203 1 008");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn approver_split_at_the_first_comma() {
        let mut d = Draft::default();
        let a = read_approver("Kepala Dinas, Budi, S.H. NIP: 1970", &mut d).unwrap();
        assert_eq!(
            (a.jabatan.as_str(), a.nama.as_str(), a.nip.as_str()),
            ("Kepala Dinas", "Budi, S.H.", "1970")
        );
    }

    #[test]
    fn labels_as_forms_spell_them() {
        assert_eq!(header_field("Tgl. Efektif"), Some(HeaderField::Efektif));
        assert_eq!(header_field("Nomor SOP"), Some(HeaderField::Nomor));
        assert_eq!(
            box_field("Peralatan/ Perlengkapan"),
            Some(BoxField::Peralatan)
        );
        assert_eq!(
            box_field("Kualifikasi Pelaksana :"),
            Some(BoxField::Kualifikasi)
        );
        assert_eq!(
            box_field("Pencatatan & Pendataan"),
            Some(BoxField::Pencatatan)
        );
        assert_eq!(column_kind("Mutu Baku Waktu"), Some(ColumnKind::Waktu));
        assert_eq!(column_kind("Sumber Data"), Some(ColumnKind::Kelengkapan));
        assert_eq!(column_kind("Uraian Kegiatan"), Some(ColumnKind::Kegiatan));
        assert_eq!(column_kind("No."), Some(ColumnKind::No));
        assert_eq!(column_kind("Kepala Seksi"), None);
    }

    #[test]
    fn a_ministry_or_court_line_above_the_office_is_its_organisasi() {
        let kop = |lines: &[&str]| {
            let mut d = Draft::default();
            let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            file_kop_lines(&lines, &mut d);
            (d.organisasi, d.satuan_kerja)
        };
        assert_eq!(
            kop(&["KEMENTERIAN AGAMA REPUBLIK INDONESIA", "MAN 2 Mojokerto"]),
            (
                Some("KEMENTERIAN AGAMA REPUBLIK INDONESIA".into()),
                Some("MAN 2 Mojokerto".into())
            )
        );
        assert_eq!(
            kop(&[
                "MAHKAMAH AGUNG REPUBLIK INDONESIA",
                "Pengadilan Agama Kediri"
            ])
            .0,
            Some("MAHKAMAH AGUNG REPUBLIK INDONESIA".into())
        );
        // An office whose own name says "Kementerian" stays the satuan kerja.
        assert_eq!(
            kop(&["KANTOR KEMENTERIAN AGAMA KOTA SALATIGA"]),
            (None, Some("KANTOR KEMENTERIAN AGAMA KOTA SALATIGA".into()))
        );
        // A name wrapped over two lines stays one satuan kerja.
        assert_eq!(
            kop(&["Badan Pengelolaan Keuangan", "Kabupaten Balangan"]).1,
            Some("Badan Pengelolaan Keuangan Kabupaten Balangan".into())
        );
    }
}
