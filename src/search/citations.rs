//! Dasar hukum as a reader types it: "UU 17/2003", "uu 17 2003",
//! "Undang-Undang Nomor 17 Tahun 2003" all find the SOPs citing that law,
//! whichever way the SOP wrote it.

use crate::model::{Citation, RegulationKind};

/// The short names (the first is the usual one) and long names of a kind.
fn names(kind: RegulationKind) -> (&'static [&'static str], &'static [&'static str]) {
    use RegulationKind::*;
    match kind {
        Uu => (&["UU"], &["Undang-Undang"]),
        Perppu => (
            &["Perppu", "Perpu"],
            &["Peraturan Pemerintah Pengganti Undang-Undang"],
        ),
        Pp => (&["PP"], &["Peraturan Pemerintah"]),
        Perpres => (&["Perpres"], &["Peraturan Presiden"]),
        Keppres => (&["Keppres", "Kepres"], &["Keputusan Presiden"]),
        Inpres => (&["Inpres"], &["Instruksi Presiden"]),
        Permendagri => (&["Permendagri"], &["Peraturan Menteri Dalam Negeri"]),
        Pmk => (&["PMK", "Permenkeu"], &["Peraturan Menteri Keuangan"]),
        Permenpanrb => (
            &["PermenPAN-RB", "PermenPANRB", "PermenPAN"],
            &["Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"],
        ),
        Permenpan => (
            &["PermenPAN"],
            &["Peraturan Menteri Negara Pendayagunaan Aparatur Negara"],
        ),
        Permen => (&["Permen"], &["Peraturan Menteri"]),
        Perda => (&["Perda"], &["Peraturan Daerah"]),
        Pergub => (&["Pergub"], &["Peraturan Gubernur"]),
        Perbup => (&["Perbup"], &["Peraturan Bupati"]),
        Perwali => (&["Perwali"], &["Peraturan Wali Kota", "Peraturan Walikota"]),
        Keputusan => (&["Kep"], &["Keputusan"]),
        SuratEdaran => (&["SE"], &["Surat Edaran"]),
    }
}

/// The other ways to write `citation`, to index beside the line as written.
/// Empty when the line could not be read as kind, number and year.
pub fn aliases(citation: &Citation) -> Vec<String> {
    let (Some(kind), Some(number), Some(year)) =
        (citation.kind, citation.number.as_deref(), citation.year)
    else {
        return Vec::new();
    };
    let number = number.trim();
    if number.is_empty() {
        return Vec::new();
    }
    let (shorts, longs) = names(kind);
    // Joined from pieces rather than `format!`ted: each alias is then one
    // allocation of the right size, and an SOP cites several laws.
    let year = year.to_string();
    let mut out = Vec::new();
    for short in shorts {
        out.push([short, " ", number, "/", &year].concat());
        out.push([short, " ", number, " ", &year].concat());
        out.push([short, " No ", number, " Tahun ", &year].concat());
    }
    for long in longs {
        out.push([long, " Nomor ", number, " Tahun ", &year].concat());
    }
    if let Some(id) = &citation.id {
        out.push(id.clone());
    }
    if let Some(amended) = &citation.amends {
        out.extend(aliases(amended));
    }
    out.retain(|a| !a.eq_ignore_ascii_case(&citation.text));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A citation read as kind, number and year, without a register id.
    fn citation(text: &str, kind: RegulationKind, number: &str, year: u16) -> Citation {
        Citation {
            id: None,
            ..crate::testing::model::citation(text, kind, number, year, None)
        }
    }

    #[test]
    fn a_law_gets_the_short_and_long_forms_readers_type() {
        let c = citation(
            "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
            RegulationKind::Uu,
            "17",
            2003,
        );
        let a = aliases(&c);
        for form in [
            "UU 17/2003",
            "UU 17 2003",
            "Undang-Undang Nomor 17 Tahun 2003",
        ] {
            assert!(a.iter().any(|x| x == form), "{form} missing: {a:?}");
        }
    }

    #[test]
    fn an_amendment_also_brings_the_forms_of_what_it_amends() {
        let mut c = citation(
            "Permendagri Nomor 21 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006",
            RegulationKind::Permendagri,
            "21",
            2011,
        );
        c.amends = Some(Box::new(citation(
            "Permendagri Nomor 13 Tahun 2006",
            RegulationKind::Permendagri,
            "13",
            2006,
        )));
        let a = aliases(&c);
        assert!(a.contains(&"Permendagri 21/2011".to_string()), "{a:?}");
        assert!(a.contains(&"Permendagri 13/2006".to_string()), "{a:?}");
        assert!(
            a.contains(&"Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006".to_string()),
            "{a:?}"
        );
    }

    #[test]
    fn an_unreadable_line_has_no_aliases() {
        let mut c = citation("Kebijakan pimpinan", RegulationKind::Uu, "1", 2000);
        c.kind = None;
        assert!(aliases(&c).is_empty());
        let mut c = citation("UU tanpa nomor", RegulationKind::Uu, "", 2000);
        c.number = Some("  ".into());
        assert!(aliases(&c).is_empty());
    }
}
