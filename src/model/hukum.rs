//! Dasar hukum: legal citations as they are really written.

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
    Permen,
    Perda,
    Pergub,
    Perbup,
    Perwali,
    Keputusan,
    SuratEdaran,
}

/// One dasar_hukum line read as a citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// Reads one dasar_hukum line. A line that is no citation keeps its text with `id: None`.
pub fn parse(_line: &str) -> Citation {
    todo!("hukum::parse")
}
