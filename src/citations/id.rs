//! Ids of regulations.
//!
//! Ids follow the slugs of peraturan.go.id: `<prefix>[-<place>]-no-<number>-tahun-<year>`,
//! the number kept as text and slugged (`215/PMK.05/2016` → `215-pmk-05-2016`).
//!
//! - National kinds use [`RegulationKind::slug_prefix`](crate::model::RegulationKind::slug_prefix): `uu`, `perppu`, `pp`,
//!   `perpres`, `keppres`, `inpres`, `permendagri`, `permenkeu` (PMK),
//!   `permenpanrb`. The PAN ministry is named as in the regulation's year:
//!   before October 2009 it was the Menteri Negara Pendayagunaan Aparatur
//!   Negara, so an older regulation is `permenpan` (`kepmenpan`), whatever
//!   the author calls the ministry today; a 2009 one is PAN unless the line
//!   says "RB".
//! - The Minister of Religious Affairs' regulations and decrees are `pma`
//!   and `kma`, as the ministry numbers them.
//! - A lembaga's regulation is `peraturan-<lembaga>` and its head's
//!   `perka-<lembaga>` (`perka-bkn-no-24-tahun-2017`), the lembaga by its
//!   abbreviation when it is one of [`LEMBAGA`](super::issuers::LEMBAGA).
//! - Another Peraturan Menteri is `permen<ministry>` for the ministries of
//!   [`MINISTRIES`](super::issuers::MINISTRIES) (`permenkes`, `permendikbud`, ...), else
//!   `permen-<ministry words>`.
//! - A Perda keeps the level of its region in the place
//!   (`perda-kota-banjarbaru-...`, `perda-provinsi-kalimantan-selatan-...`),
//!   because a kabupaten and a kota may share a name. Pergub, Perbup and
//!   Perwali drop it (`perbup-balangan-...`, `pergub-kalimantan-selatan-...`,
//!   `perwali-banjarbaru-...`): the kind already says which level, and
//!   "Peraturan Bupati Kabupaten Balangan" and "Perbup Balangan" are one
//!   regulation. `place` holds the same words as the id.
//! - A Keputusan or Surat Edaran names its issuer: `kepmen<ministry>` /
//!   `se-men<ministry>` for a minister, else `keputusan-<issuer>` /
//!   `se-<issuer>` (`keputusan-bupati-balangan-no-...`).
//! - The constitution is `uud-1945` (kind None).
//! - A citation without a year gets no id, since "UU No. 17" names a
//!   different law every year; the author is warned and adds the year. The
//!   exception is a number that is a structured code with `/`
//!   ("900/1234/SJ", usual for a Surat Edaran): the code is unique by itself.
//!   When "Tahun" is missing but the code ends in a year ("215/PMK.05/2016"),
//!   that is the year.

use super::recognise::Recognised;
use crate::model::RegulationKind;
use crate::model::slug::slugify;

pub(super) const UUD_ID: &str = "uud-1945";

/// The PAN ministry before October 2009 (Kabinet Indonesia Bersatu II
/// added Reformasi Birokrasi).
const PAN_BEFORE_2009: &str = "Negara Pendayagunaan Aparatur Negara";

/// True when a regulation of the PAN ministry of `year` was issued before
/// the ministry became PAN-RB: before 2009, or in 2009 when the line does
/// not name Reformasi Birokrasi (the change came in October).
fn pan_before_rb(year: Option<u16>, head: &str) -> bool {
    match year {
        Some(y) if y < 2009 => true,
        Some(2009) => {
            let lower = head.to_lowercase();
            !(lower.contains("reformasi")
                || lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "rb" || w.ends_with("panrb")))
        }
        _ => false,
    }
}

impl Recognised {
    /// The PAN ministry as named in the regulation's `year`.
    pub(super) fn name_pan_for(&mut self, year: Option<u16>, head: &str) {
        if !self.prefix.contains("menpanrb") || !pan_before_rb(year, head) {
            return;
        }
        self.prefix = self.prefix.replace("menpanrb", "menpan");
        if self.kind == Some(RegulationKind::Permenpanrb) {
            self.kind = Some(RegulationKind::Permenpan);
        }
        if self.issuer.is_some() {
            self.issuer = Some(format!("Menteri {PAN_BEFORE_2009}"));
        }
    }

    pub(super) fn id(&self, number: Option<&str>, year: Option<u16>) -> Option<String> {
        if self.prefix == "uud" {
            return Some(UUD_ID.to_string());
        }
        let number = number?;
        let number_slug = slugify(number);
        if number_slug.is_empty() || (year.is_none() && !number.contains('/')) {
            return None;
        }
        let mut id = self.prefix.clone();
        if let Some(place) = self.place.as_deref().map(slugify).filter(|p| !p.is_empty()) {
            id.push('-');
            id.push_str(&place);
        }
        id.push_str("-no-");
        id.push_str(&number_slug);
        if let Some(year) = year {
            id.push_str(&format!("-tahun-{year}"));
        }
        Some(id)
    }
}
