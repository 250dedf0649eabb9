//! A dasar_hukum line as data: the kinds of regulation and what a line was
//! read as. The reading itself is [`crate::citations`].

use serde::Serialize;

/// The kinds of regulation, in the order of the legal hierarchy
/// (UU 12/2011 pasal 7-8): the derive of `Ord` follows that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegulationKind {
    Uu,
    Perppu,
    Pp,
    Perpres,
    Keppres,
    Inpres,
    Permendagri,
    Pmk,
    Permenpanrb,
    /// Peraturan Menteri Negara Pendayagunaan Aparatur Negara (before October 2009).
    Permenpan,
    Permen,
    Perda,
    Pergub,
    Perbup,
    Perwali,
    Keputusan,
    SuratEdaran,
}

impl RegulationKind {
    /// Every kind, in the order of the hierarchy.
    pub const ALL: [RegulationKind; 17] = [
        RegulationKind::Uu,
        RegulationKind::Perppu,
        RegulationKind::Pp,
        RegulationKind::Perpres,
        RegulationKind::Keppres,
        RegulationKind::Inpres,
        RegulationKind::Permendagri,
        RegulationKind::Pmk,
        RegulationKind::Permenpanrb,
        RegulationKind::Permenpan,
        RegulationKind::Permen,
        RegulationKind::Perda,
        RegulationKind::Pergub,
        RegulationKind::Perbup,
        RegulationKind::Perwali,
        RegulationKind::Keputusan,
        RegulationKind::SuratEdaran,
    ];

    /// The formal Indonesian name ("Peraturan Pemerintah").
    pub fn label_id(self) -> &'static str {
        use RegulationKind as K;
        match self {
            K::Uu => "Undang-Undang",
            K::Perppu => "Peraturan Pemerintah Pengganti Undang-Undang",
            K::Pp => "Peraturan Pemerintah",
            K::Perpres => "Peraturan Presiden",
            K::Keppres => "Keputusan Presiden",
            K::Inpres => "Instruksi Presiden",
            K::Permendagri => "Peraturan Menteri Dalam Negeri",
            K::Pmk => "Peraturan Menteri Keuangan",
            K::Permenpanrb => {
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
            }
            K::Permenpan => "Peraturan Menteri Negara Pendayagunaan Aparatur Negara",
            K::Permen => "Peraturan Menteri",
            K::Perda => "Peraturan Daerah",
            K::Pergub => "Peraturan Gubernur",
            K::Perbup => "Peraturan Bupati",
            K::Perwali => "Peraturan Wali Kota",
            K::Keputusan => "Keputusan",
            K::SuratEdaran => "Surat Edaran",
        }
    }

    /// The abbreviation used in running text ("UU", "PP", "Perpres").
    pub fn short(self) -> &'static str {
        use RegulationKind as K;
        match self {
            K::Uu => "UU",
            K::Perppu => "Perppu",
            K::Pp => "PP",
            K::Perpres => "Perpres",
            K::Keppres => "Keppres",
            K::Inpres => "Inpres",
            K::Permendagri => "Permendagri",
            K::Pmk => "PMK",
            K::Permenpanrb => "PermenPAN-RB",
            K::Permenpan => "PermenPAN",
            K::Permen => "Permen",
            K::Perda => "Perda",
            K::Pergub => "Pergub",
            K::Perbup => "Perbup",
            K::Perwali => "Perwali",
            K::Keputusan => "Keputusan",
            K::SuratEdaran => "SE",
        }
    }

    /// The first part of the id ("uu", "permenkeu"). A Permen, Keputusan or
    /// Surat Edaran adds its issuer to it (see the module documentation).
    pub fn slug_prefix(self) -> &'static str {
        use RegulationKind as K;
        match self {
            K::Uu => "uu",
            K::Perppu => "perppu",
            K::Pp => "pp",
            K::Perpres => "perpres",
            K::Keppres => "keppres",
            K::Inpres => "inpres",
            K::Permendagri => "permendagri",
            K::Pmk => "permenkeu",
            K::Permenpanrb => "permenpanrb",
            K::Permenpan => "permenpan",
            K::Permen => "permen",
            K::Perda => "perda",
            K::Pergub => "pergub",
            K::Perbup => "perbup",
            K::Perwali => "perwali",
            K::Keputusan => "keputusan",
            K::SuratEdaran => "se",
        }
    }
}

/// One dasar_hukum line read as a citation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Citation {
    /// The line as written.
    pub text: String,
    pub kind: Option<RegulationKind>,
    /// The number as text ("17", "215/PMK.05/2016").
    pub number: Option<String>,
    pub year: Option<u16>,
    /// Provinsi/Kabupaten/Kota and place of a regional regulation ("Kota Banjarbaru").
    pub place: Option<String>,
    /// The title after "tentang".
    pub title: Option<String>,
    /// The peraturan.go.id-style id ("uu-no-17-tahun-2003"); None when the line cannot be read.
    pub id: Option<String>,
    /// The regulation this one amends ("Perubahan Kedua atas ...").
    pub amends: Option<Box<Citation>>,
}
