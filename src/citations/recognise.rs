//! The head of a line (kind, issuer or place, number, year) recognised
//! from a table of the ways each kind is written.

use super::issuers::{lembaga, ministry};
use super::lexer::{
    Word, as_year, is_number_marker, is_year_marker, without_short_brackets, words,
};
use crate::model::RegulationKind;
use crate::model::slug::slugify;

/// What the first words of a head say the citation is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opening {
    Uud,
    Kind(RegulationKind),
    /// Peraturan Menteri; the ministry decides the kind.
    MinisterRegulation,
    /// Keputusan, Surat Edaran: the issuer follows.
    Issued(RegulationKind),
    /// "Peraturan <someone>": another regulation (Peraturan Kepala BKN, Peraturan LKPP).
    OtherRegulation,
    /// "Perka": Peraturan Kepala of a lembaga.
    HeadOfLembaga,
    /// "PMA": a Peraturan Menteri of the named ministry.
    MinisterRegulationOf(&'static str),
    /// "KMA": a Keputusan Menteri of the named ministry.
    MinisterDecreeOf(&'static str),
}

/// The ways a head may start, longest first where one is a prefix of another.
const OPENINGS: &[(&[&str], Opening)] = {
    use Opening::*;
    use RegulationKind as K;
    &[
        (&["undang-undang", "dasar"], Uud),
        (&["uud"], Uud),
        (&["uud-nri"], Uud),
        (
            &["peraturan", "pemerintah", "pengganti", "undang-undang"],
            Kind(K::Perppu),
        ),
        (&["perppu"], Kind(K::Perppu)),
        (&["perpu"], Kind(K::Perppu)),
        (&["undang-undang"], Kind(K::Uu)),
        (&["uu"], Kind(K::Uu)),
        (&["peraturan", "pemerintah"], Kind(K::Pp)),
        (&["pp"], Kind(K::Pp)),
        (&["peraturan", "presiden"], Kind(K::Perpres)),
        (&["perpres"], Kind(K::Perpres)),
        (&["keputusan", "presiden"], Kind(K::Keppres)),
        (&["keppres"], Kind(K::Keppres)),
        (&["kepres"], Kind(K::Keppres)),
        (&["kepppres"], Kind(K::Keppres)),
        (&["instruksi", "presiden"], Kind(K::Inpres)),
        (&["inpres"], Kind(K::Inpres)),
        (&["peraturan", "menteri"], MinisterRegulation),
        (&["permen"], MinisterRegulation),
        (&["pmk"], Kind(K::Pmk)),
        (&["peraturan", "daerah"], Kind(K::Perda)),
        (&["perda"], Kind(K::Perda)),
        (&["peraturan", "gubernur"], Kind(K::Pergub)),
        (&["pergub"], Kind(K::Pergub)),
        (&["peraturan", "bupati"], Kind(K::Perbup)),
        (&["perbup"], Kind(K::Perbup)),
        (&["peraturan", "walikota"], Kind(K::Perwali)),
        (&["peraturan", "wali", "kota"], Kind(K::Perwali)),
        (&["perwali"], Kind(K::Perwali)),
        (&["perwal"], Kind(K::Perwali)),
        (&["perwako"], Kind(K::Perwali)),
        (&["surat", "keputusan"], Issued(K::Keputusan)),
        (&["keputusan"], Issued(K::Keputusan)),
        (&["sk"], Issued(K::Keputusan)),
        (&["kepmen"], Issued(K::Keputusan)),
        (&["surat", "edaran"], Issued(K::SuratEdaran)),
        (&["se"], Issued(K::SuratEdaran)),
        (&["pma"], MinisterRegulationOf("agama")),
        (&["kma"], MinisterDecreeOf("agama")),
        (&["perka"], HeadOfLembaga),
        (&["perlem"], OtherRegulation),
        (&["perban"], OtherRegulation),
        (&["peraturan"], OtherRegulation),
    ]
};

/// Words between the kind and the number that name nothing.
const FILLER: &[&str] = &["republik", "indonesia", "ri", "nri", "negara"];

/// The kind, issuer and place a head was recognised as.
#[derive(Debug)]
pub(super) struct Recognised {
    pub(super) kind: Option<RegulationKind>,
    /// The id up to the place: "uu", "permenkes", "keputusan-bupati-balangan".
    pub(super) prefix: String,
    pub(super) place: Option<String>,
    pub(super) issuer: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct Head {
    pub(super) recognised: Option<Recognised>,
    pub(super) number: Option<String>,
    pub(super) year: Option<u16>,
    /// Words after the year, when there was no "tentang".
    pub(super) trailing: String,
}

pub(super) fn read_head(head: &str) -> Head {
    // Short brackets are article numbers ("ayat (2)"); a longer one is the
    // gazette ("(Lembaran Negara ...)") and no part of the name.
    let head = without_short_brackets(head);
    let head = head.split('(').next().unwrap_or(&head);
    let mut words = words(head);
    // "Pasal 5 ayat (2) UU No 17 Tahun 2003": the article cited is not the
    // regulation's name; read from the first kind within a few words.
    if words.first().is_some_and(|w| w.norm == "pasal")
        && let Some(skip) = (1..words.len().min(8)).find(|&i| opening(&words[i..]).is_some())
    {
        words.drain(..skip);
    }
    let Some((opening, glued, used)) = opening(&words) else {
        return Head::default();
    };

    // The words that name the issuer or place run up to the number: up to
    // "Nomor" when the head has it ("SK Kepala MTs Negeri 1 ... Nomor 1798":
    // the 1 is part of the name), else up to the first digit.
    let marker = words[used..]
        .iter()
        .position(|w| is_number_marker(&w.norm))
        .map(|p| used + p);
    let mut i = used;
    let mut middle: Vec<&Word> = Vec::new();
    while let Some(w) = words.get(i) {
        let ends = match marker {
            Some(m) => i == m,
            None => is_year_marker(&w.norm) || w.norm.chars().any(|c| c.is_ascii_digit()),
        };
        if ends {
            break;
        }
        middle.push(w);
        i += 1;
    }

    let mut number = None;
    if words.get(i).is_some_and(|w| is_number_marker(&w.norm)) {
        i += 1;
    }
    if let Some(w) = words.get(i).filter(|w| !is_year_marker(&w.norm)) {
        let mut n = w.raw.to_string();
        i += 1;
        // "188.45/ 123 /2020": a code split by spaces around its slashes.
        while let Some(next) = words.get(i) {
            if n.ends_with('/') || next.raw.starts_with('/') {
                n.push_str(next.raw);
                i += 1;
            } else {
                break;
            }
        }
        number = Some(n);
    }

    let mut year = None;
    if words.get(i).is_some_and(|w| is_year_marker(&w.norm)) {
        i += 1;
        year = words.get(i).and_then(|w| as_year(&w.norm));
        if year.is_some() {
            i += 1;
        }
    } else if let Some(y) = words.get(i).and_then(|w| as_year(&w.norm)) {
        // "UU No 17 2003".
        year = Some(y);
        i += 1;
    }

    if let (Some(n), None) = (&number, year) {
        // "UU 17/2003": number and year in one.
        if let Some((left, right)) = n.split_once('/')
            && !left.is_empty()
            && left.chars().all(|c| c.is_ascii_digit())
            && let Some(y) = as_year(right)
        {
            number = Some(left.to_string());
            year = Some(y);
        } else {
            // "215/PMK.05/2016": the code ends in its year.
            year = n
                .rsplit(['/', '.', '-'])
                .next()
                .and_then(as_year)
                .filter(|_| n.contains('/'));
        }
    }

    let number = number.filter(|n| n.chars().any(|c| c.is_ascii_alphanumeric()));
    let trailing = words[i.min(words.len())..]
        .iter()
        .map(|w| w.raw)
        .collect::<Vec<_>>()
        .join(" ");

    let recognised = recognise(opening, glued, &middle);
    Head {
        recognised,
        number,
        year: if opening == Opening::Uud {
            Some(1945)
        } else {
            year
        },
        trailing,
    }
}

/// The opening of the head, the rest of a glued word ("dagri" of
/// "Permendagri") and how many words it used.
fn opening(words: &[Word]) -> Option<(Opening, Option<String>, usize)> {
    for (pattern, opening) in OPENINGS {
        if words.len() >= pattern.len() && pattern.iter().zip(words).all(|(p, w)| w.norm == *p) {
            return Some((*opening, None, pattern.len()));
        }
    }
    let first = &words.first()?.norm;
    // "Permendagri", "PermenPAN-RB", "Kepmendagri", "Permenkes".
    for (prefix, opening) in [
        ("permen", Opening::MinisterRegulation),
        ("kepmen", Opening::Issued(RegulationKind::Keputusan)),
    ] {
        if let Some(rest) = first.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return Some((opening, Some(rest.to_string()), 1));
        }
    }
    None
}

/// Words as written, title-cased when they were all capitals ("KOTA
/// BANJARBARU" → "Kota Banjarbaru").
fn phrase(words: &[&Word]) -> Option<String> {
    let raw: Vec<&str> = words
        .iter()
        .map(|w| w.raw)
        .filter(|w| !w.is_empty())
        .collect();
    if raw.is_empty() {
        return None;
    }
    let shouting = raw.iter().all(|w| !w.chars().any(char::is_lowercase));
    let words: Vec<String> = raw
        .iter()
        .map(|w| {
            if shouting && w.chars().count() > 3 {
                title_case(w)
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(words.join(" "))
}

fn title_case(word: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// The level of a region as written → as named ("Kab." → "Kabupaten").
fn level(word: &str) -> Option<&'static str> {
    match word {
        "provinsi" | "prov" | "propinsi" => Some("Provinsi"),
        "kabupaten" | "kab" => Some("Kabupaten"),
        "kota" | "kotamadya" => Some("Kota"),
        _ => None,
    }
}

fn without_filler<'a>(middle: &[&'a Word<'a>]) -> Vec<&'a Word<'a>> {
    let mut words: Vec<&Word> = middle.to_vec();
    while words
        .first()
        .is_some_and(|w| FILLER.contains(&w.norm.as_str()))
    {
        words.remove(0);
    }
    // "Negara" ends real names ("Pendayagunaan Aparatur Negara"): only
    // "Republik Indonesia" is dropped at the end.
    while words
        .last()
        .is_some_and(|w| FILLER.contains(&w.norm.as_str()) && w.norm != "negara")
    {
        words.pop();
    }
    words
}

fn recognise(opening: Opening, glued: Option<String>, middle: &[&Word]) -> Option<Recognised> {
    use RegulationKind as K;
    let simple = |kind: K| Recognised {
        kind: Some(kind),
        prefix: kind.slug_prefix().to_string(),
        place: None,
        issuer: None,
    };
    Some(match opening {
        Opening::Uud => Recognised {
            kind: None,
            prefix: "uud".into(),
            place: None,
            issuer: None,
        },
        Opening::Kind(kind @ (K::Perda | K::Pergub | K::Perbup | K::Perwali)) => {
            let mut words: Vec<&Word> = middle.to_vec();
            let first_level = words.first().and_then(|w| level(&w.norm));
            if first_level.is_some() {
                words.remove(0);
            }
            let name = phrase(&words);
            let place = match (kind, first_level, name) {
                (K::Perda, Some(level), Some(name)) => Some(format!("{level} {name}")),
                (_, _, name) => name,
            };
            Recognised {
                kind: Some(kind),
                prefix: kind.slug_prefix().to_string(),
                place,
                issuer: None,
            }
        }
        Opening::Kind(kind) => simple(kind),
        Opening::MinisterRegulation => {
            let (words, name) = ministry_words(glued.as_deref(), middle);
            match ministry(&name) {
                Some(m) if m.abbr == "ag" => Recognised {
                    kind: Some(K::Permen),
                    prefix: "pma".into(),
                    place: None,
                    issuer: Some(format!("Menteri {}", m.name)),
                },
                Some(m) if m.abbr == "dagri" => simple(K::Permendagri),
                Some(m) if m.abbr == "keu" => simple(K::Pmk),
                Some(m) if m.abbr == "panrb" => simple(K::Permenpanrb),
                Some(m) => Recognised {
                    kind: Some(K::Permen),
                    prefix: format!("permen{}", m.abbr),
                    place: None,
                    issuer: Some(format!("Menteri {}", m.name)),
                },
                None => {
                    let issuer = phrase(&words)?;
                    Recognised {
                        kind: Some(K::Permen),
                        prefix: format!("permen-{}", slugify(&issuer)),
                        place: None,
                        issuer: Some(format!("Menteri {issuer}")),
                    }
                }
            }
        }
        Opening::Issued(kind) => {
            let short = if kind == K::Keputusan { "kep" } else { "se-" };
            // Where the minister is named: glued to the kind ("Kepmendagri"),
            // glued to "Men" ("SE Mendagri", "Keputusan MenPAN-RB") or
            // spelled out ("Keputusan Menteri Dalam Negeri").
            let first = middle.first().map(|w| w.norm.as_str());
            let minister = match (glued, first) {
                (Some(glued), _) => Some((glued, middle)),
                (None, Some("menteri")) => Some((String::new(), &middle[1..])),
                (None, Some(word)) => word
                    .strip_prefix("men")
                    .filter(|rest| ministry(rest).is_some())
                    .map(|rest| (rest.to_string(), &middle[1..])),
                (None, None) => None,
            };
            if let Some((glued, rest)) = minister {
                let (words, name) = ministry_words(Some(&glued), rest);
                if kind == K::Keputusan && ministry(&name).is_some_and(|m| m.abbr == "ag") {
                    return recognise(Opening::MinisterDecreeOf("agama"), None, &[]);
                }
                let (abbr, issuer) = match ministry(&name) {
                    Some(m) => (m.abbr.to_string(), format!("Menteri {}", m.name)),
                    None => {
                        let issuer = phrase(&words)?;
                        (
                            format!("-{}", slugify(&issuer)),
                            format!("Menteri {issuer}"),
                        )
                    }
                };
                return Some(Recognised {
                    kind: Some(kind),
                    prefix: format!("{short}men{abbr}"),
                    place: None,
                    issuer: Some(issuer),
                });
            }
            let issuer = regional_issuer(middle);
            let prefix = match &issuer {
                Some(issuer) => format!("{}-{}", kind.slug_prefix(), slugify(issuer)),
                None => kind.slug_prefix().to_string(),
            };
            Recognised {
                kind: Some(kind),
                prefix,
                place: None,
                issuer,
            }
        }
        Opening::MinisterRegulationOf(name) | Opening::MinisterDecreeOf(name) => {
            let m = ministry(name)?;
            let decree = matches!(opening, Opening::MinisterDecreeOf(_));
            Recognised {
                kind: Some(if decree { K::Keputusan } else { K::Permen }),
                prefix: if decree { "kma" } else { "pma" }.into(),
                place: None,
                issuer: Some(format!("Menteri {}", m.name)),
            }
        }
        Opening::HeadOfLembaga => lembaga_regulation(true, middle)?,
        Opening::OtherRegulation => {
            let words = without_filler(middle);
            let head = words.first().is_some_and(|w| w.norm == "kepala");
            if let Some(r) = lembaga_regulation(head, if head { &words[1..] } else { &words }) {
                return Some(r);
            }
            let issuer = phrase(&words)?;
            Recognised {
                kind: None,
                prefix: format!("peraturan-{}", slugify(&issuer)),
                place: None,
                issuer: Some(issuer),
            }
        }
    })
}

/// A regulation of a lembaga (`peraturan-bkn-...`) or of its head
/// (`perka-bkn-...`). The lembaga is known by [`LEMBAGA`]; for "Perka" an
/// unknown one is named by its words.
fn lembaga_regulation(head: bool, middle: &[&Word]) -> Option<Recognised> {
    let words = without_filler(middle);
    let name: String = words
        .iter()
        .map(|w| w.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (abbr, short) = match lembaga(&name) {
        Some(l) => (l.abbr.to_string(), l.short.to_string()),
        None if head => {
            let short = phrase(&words)?;
            (slugify(&short), short)
        }
        None => return None,
    };
    Some(Recognised {
        kind: None,
        prefix: if head {
            format!("perka-{abbr}")
        } else {
            format!("peraturan-{abbr}")
        },
        place: None,
        issuer: Some(if head {
            format!("Kepala {short}")
        } else {
            short
        }),
    })
}

/// The words naming a ministry, without "Negara ... Republik Indonesia",
/// and the same joined for [`ministry`].
fn ministry_words<'a>(glued: Option<&str>, middle: &[&'a Word<'a>]) -> (Vec<&'a Word<'a>>, String) {
    let words = without_filler(middle);
    let mut name = glued.unwrap_or_default().to_string();
    for w in &words {
        name.push(' ');
        name.push_str(&w.norm);
    }
    (words, name)
}

/// The issuer of a Keputusan or Surat Edaran: "Bupati Balangan" also when
/// written "Bupati Kabupaten Balangan", "Wali Kota" for "Walikota".
fn regional_issuer(middle: &[&Word]) -> Option<String> {
    let words = without_filler(middle);
    let first = words.first()?;
    let head = match first.norm.as_str() {
        "bupati" => Some("Bupati"),
        "gubernur" => Some("Gubernur"),
        "walikota" => Some("Wali Kota"),
        "wali" if words.get(1).is_some_and(|w| w.norm == "kota") => Some("Wali Kota"),
        _ => None,
    };
    let Some(head) = head else {
        return phrase(&words);
    };
    let skip = if head == "Wali Kota" && first.norm == "wali" {
        2
    } else {
        1
    };
    let mut rest: Vec<&Word> = words[skip..].to_vec();
    if rest.first().is_some_and(|w| level(&w.norm).is_some()) {
        rest.remove(0);
    }
    Some(match phrase(&rest) {
        Some(place) => format!("{head} {place}"),
        None => head.to_string(),
    })
}
