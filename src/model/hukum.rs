//! Dasar hukum: legal citations as they are really written.
//!
//! A line is read in three steps: the list marker and trailing punctuation
//! go; the line splits at the first "tentang" into a head (kind, issuer or
//! place, number, year) and a title; the head is tokenised and recognised
//! from a table of the ways each kind is written. A title of the form
//! "Perubahan (Kedua...) atas X" is an amendment, and X is read the same way.
//!
//! # Ids
//!
//! Ids follow the slugs of peraturan.go.id: `<prefix>[-<place>]-no-<number>-tahun-<year>`,
//! the number kept as text and slugged (`215/PMK.05/2016` → `215-pmk-05-2016`).
//!
//! - National kinds use [`RegulationKind::slug_prefix`]: `uu`, `perppu`, `pp`,
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
//!   abbreviation when it is one of [`LEMBAGA`].
//! - Another Peraturan Menteri is `permen<ministry>` for the ministries of
//!   [`MINISTRIES`] (`permenkes`, `permendikbud`, ...), else
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

use serde::Serialize;

use super::slug::slugify;

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

    /// The usual English translation ("Government Regulation").
    pub fn label_en(self) -> &'static str {
        use RegulationKind as K;
        match self {
            K::Uu => "Law",
            K::Perppu => "Government Regulation in Lieu of Law",
            K::Pp => "Government Regulation",
            K::Perpres => "Presidential Regulation",
            K::Keppres => "Presidential Decree",
            K::Inpres => "Presidential Instruction",
            K::Permendagri => "Regulation of the Minister of Home Affairs",
            K::Pmk => "Regulation of the Minister of Finance",
            K::Permenpanrb => {
                "Regulation of the Minister of State Apparatus Empowerment and Bureaucratic Reform"
            }
            K::Permenpan => "Regulation of the State Minister of State Apparatus Empowerment",
            K::Permen => "Ministerial Regulation",
            K::Perda => "Regional Regulation",
            K::Pergub => "Governor Regulation",
            K::Perbup => "Regent Regulation",
            K::Perwali => "Mayor Regulation",
            K::Keputusan => "Decree",
            K::SuratEdaran => "Circular",
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

impl Citation {
    /// The short name used in lists: "UU No. 17 Tahun 2003",
    /// "Perda Kota Banjarbaru No. 3 Tahun 2019", "PMK No. 215/PMK.05/2016".
    /// A line that could not be read is shown as written.
    pub fn display_name(&self) -> String {
        if self.id.as_deref() == Some(UUD_ID) {
            return "UUD 1945".to_string();
        }
        let issuer = self.issuer();
        let mut name = match (self.kind, issuer.as_deref()) {
            (Some(RegulationKind::Permen), Some(issuer)) => {
                match issuer.strip_prefix("Menteri ").and_then(ministry) {
                    Some(m) => m.short.to_string(),
                    None => format!("Peraturan {issuer}"),
                }
            }
            (Some(RegulationKind::Keputusan), Some(issuer)) => format!("Keputusan {issuer}"),
            (Some(RegulationKind::SuratEdaran), Some(issuer)) => format!("SE {issuer}"),
            (Some(kind), _) => kind.short().to_string(),
            (None, Some(issuer)) if self.id.is_some() => format!("Peraturan {issuer}"),
            (None, _) => return self.text.trim().to_string(),
        };
        if let Some(place) = &self.place {
            name.push(' ');
            name.push_str(place);
        }
        if let Some(number) = &self.number {
            name.push_str(" No. ");
            name.push_str(number);
        }
        if let Some(year) = self.year {
            let in_number = self
                .number
                .as_deref()
                .is_some_and(|n| n.ends_with(&year.to_string()) && n.contains('/'));
            if !in_number {
                name.push_str(&format!(" Tahun {year}"));
            }
        }
        name
    }
}

impl Citation {
    /// Who issued a Peraturan Menteri, Keputusan, Surat Edaran or other
    /// Peraturan ("Menteri Kesehatan", "Bupati Balangan"), read from the text.
    pub fn issuer(&self) -> Option<String> {
        let body = normalise(strip_list_marker(&self.text));
        let (head, _) = split_tentang(strip_trailing(&body));
        let mut recognised = read_head(head).recognised?;
        recognised.name_pan_for(self.year, head);
        recognised.issuer
    }
}

const UUD_ID: &str = "uud-1945";

/// A ministry: the abbreviation of its regulations' ids ("kes" of
/// "permenkes"), the short name in text, its full name, and how authors
/// write it, compacted to lower-case letters ("pan dan rb" → "pandanrb").
pub struct Ministry {
    pub abbr: &'static str,
    pub short: &'static str,
    pub name: &'static str,
    aliases: &'static [&'static str],
}

/// The ministries whose regulations SOPs cite most. Dalam Negeri, Keuangan
/// and PAN-RB have kinds of their own; the others are `Permen`.
pub const MINISTRIES: &[Ministry] = &[
    Ministry {
        abbr: "dagri",
        short: "Permendagri",
        name: "Dalam Negeri",
        aliases: &["dalamnegeri", "dagri", "mendagri"],
    },
    Ministry {
        abbr: "keu",
        short: "PMK",
        name: "Keuangan",
        aliases: &["keuangan", "keu"],
    },
    Ministry {
        abbr: "panrb",
        short: "PermenPAN-RB",
        name: "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        // The ministry was "PAN" until 2009; authors still write it so.
        aliases: &[
            "pendayagunaanaparaturnegaradanreformasibirokrasi",
            "pendayagunaanaparaturnegara",
            "pandanrb",
            "panrb",
            "pan",
        ],
    },
    Ministry {
        abbr: "kes",
        short: "Permenkes",
        name: "Kesehatan",
        aliases: &["kesehatan", "kes"],
    },
    Ministry {
        abbr: "dikbud",
        short: "Permendikbud",
        name: "Pendidikan dan Kebudayaan",
        aliases: &["pendidikandankebudayaan", "dikbud"],
    },
    Ministry {
        abbr: "diknas",
        short: "Permendiknas",
        name: "Pendidikan Nasional",
        aliases: &["pendidikannasional", "diknas"],
    },
    Ministry {
        abbr: "dikbudristek",
        short: "Permendikbudristek",
        name: "Pendidikan, Kebudayaan, Riset, dan Teknologi",
        aliases: &[
            "pendidikankebudayaanrisetdanteknologi",
            "pendidikandankebudayaanrisetdanteknologi",
            "dikbudristek",
        ],
    },
    Ministry {
        abbr: "naker",
        short: "Permenaker",
        name: "Ketenagakerjaan",
        aliases: &["ketenagakerjaan", "tenagakerja", "naker", "aker"],
    },
    Ministry {
        abbr: "hub",
        short: "Permenhub",
        name: "Perhubungan",
        aliases: &["perhubungan", "hub"],
    },
    Ministry {
        abbr: "kumham",
        short: "Permenkumham",
        name: "Hukum dan Hak Asasi Manusia",
        aliases: &["hukumdanhakasasimanusia", "hukumdanham", "kumham"],
    },
    Ministry {
        abbr: "sos",
        short: "Permensos",
        name: "Sosial",
        aliases: &["sosial", "sos"],
    },
    Ministry {
        abbr: "tan",
        short: "Permentan",
        name: "Pertanian",
        aliases: &["pertanian", "tan"],
    },
    Ministry {
        abbr: "lhk",
        short: "Permen LHK",
        name: "Lingkungan Hidup dan Kehutanan",
        aliases: &["lingkunganhidupdankehutanan", "lhk"],
    },
    Ministry {
        abbr: "pupr",
        short: "Permen PUPR",
        name: "Pekerjaan Umum dan Perumahan Rakyat",
        aliases: &["pekerjaanumumdanperumahanrakyat", "pupr"],
    },
    Ministry {
        abbr: "desa",
        short: "Permendesa",
        name: "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
        aliases: &[
            "desapembangunandaerahtertinggaldantransmigrasi",
            "desapdtt",
            "desa",
        ],
    },
    Ministry {
        abbr: "ag",
        short: "PMA",
        name: "Agama",
        aliases: &["agama", "ag"],
    },
    Ministry {
        abbr: "kominfo",
        short: "Permenkominfo",
        name: "Komunikasi dan Informatika",
        aliases: &["komunikasidaninformatika", "kominfo"],
    },
    Ministry {
        abbr: "dag",
        short: "Permendag",
        name: "Perdagangan",
        aliases: &["perdagangan", "dag"],
    },
    Ministry {
        abbr: "perin",
        short: "Permenperin",
        name: "Perindustrian",
        aliases: &["perindustrian", "perin"],
    },
    Ministry {
        abbr: "esdm",
        short: "Permen ESDM",
        name: "Energi dan Sumber Daya Mineral",
        aliases: &["energidansumberdayamineral", "esdm"],
    },
    Ministry {
        abbr: "atrbpn",
        short: "Permen ATR/BPN",
        name: "Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional",
        aliases: &[
            "agrariadantataruangkepalabadanpertanahannasional",
            "agrariadantataruang",
            "atrbpn",
            "atr",
        ],
    },
    Ministry {
        abbr: "ppn",
        short: "Permen PPN/Bappenas",
        name: "Perencanaan Pembangunan Nasional/Kepala Bappenas",
        aliases: &[
            "perencanaanpembangunannasionalkepalabadanperencanaanpembangunannasional",
            "perencanaanpembangunannasionalkepalabappenas",
            "perencanaanpembangunannasional",
            "ppnbappenas",
            "ppn",
        ],
    },
    Ministry {
        abbr: "pppa",
        short: "Permen PPPA",
        name: "Pemberdayaan Perempuan dan Perlindungan Anak",
        aliases: &["pemberdayaanperempuandanperlindungananak", "pppa"],
    },
    Ministry {
        abbr: "kp",
        short: "Permen KP",
        name: "Kelautan dan Perikanan",
        aliases: &["kelautandanperikanan", "kp"],
    },
];

/// A lembaga (non-ministerial agency) whose regulations SOPs cite: the
/// abbreviation of its ids and text, and how authors write it, compacted
/// to lower-case letters as for [`Ministry`].
pub struct Lembaga {
    pub abbr: &'static str,
    pub short: &'static str,
    pub name: &'static str,
    aliases: &'static [&'static str],
}

pub const LEMBAGA: &[Lembaga] = &[
    Lembaga {
        abbr: "bkn",
        short: "BKN",
        name: "Badan Kepegawaian Negara",
        aliases: &["badankepegawaiannegara", "bkn"],
    },
    Lembaga {
        abbr: "lkpp",
        short: "LKPP",
        name: "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
        aliases: &[
            "lembagakebijakanpengadaanbarangjasapemerintah",
            "lembagakebijakanpengadaanbarangdanjasapemerintah",
            "lkpp",
        ],
    },
    Lembaga {
        abbr: "anri",
        short: "ANRI",
        name: "Arsip Nasional Republik Indonesia",
        aliases: &["arsipnasional", "arsipnasionalrepublikindonesia", "anri"],
    },
    Lembaga {
        abbr: "lan",
        short: "LAN",
        name: "Lembaga Administrasi Negara",
        aliases: &["lembagaadministrasinegara", "lan"],
    },
    Lembaga {
        abbr: "bpkp",
        short: "BPKP",
        name: "Badan Pengawasan Keuangan dan Pembangunan",
        aliases: &["badanpengawasankeuangandanpembangunan", "bpkp"],
    },
    Lembaga {
        abbr: "bpom",
        short: "BPOM",
        name: "Badan Pengawas Obat dan Makanan",
        aliases: &["badanpengawasobatdanmakanan", "bpom"],
    },
    Lembaga {
        abbr: "bps",
        short: "BPS",
        name: "Badan Pusat Statistik",
        aliases: &["badanpusatstatistik", "bps"],
    },
    Lembaga {
        abbr: "bnpb",
        short: "BNPB",
        name: "Badan Nasional Penanggulangan Bencana",
        aliases: &["badannasionalpenanggulanganbencana", "bnpb"],
    },
    Lembaga {
        abbr: "bssn",
        short: "BSSN",
        name: "Badan Siber dan Sandi Negara",
        aliases: &["badansiberdansandinegara", "bssn"],
    },
    Lembaga {
        abbr: "perpusnas",
        short: "Perpusnas",
        name: "Perpustakaan Nasional",
        aliases: &[
            "perpustakaannasional",
            "perpustakaannasionalrepublikindonesia",
            "perpusnas",
        ],
    },
];

/// The lembaga named by `words` ("Badan Kepegawaian Negara", "BKN").
pub fn lembaga(words: &str) -> Option<&'static Lembaga> {
    let key = compact(words);
    LEMBAGA.iter().find(|l| l.aliases.contains(&key.as_str()))
}

fn compact(words: &str) -> String {
    words
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The ministry named by `words` ("Dalam Negeri", "PAN dan RB", "kes").
pub fn ministry(words: &str) -> Option<&'static Ministry> {
    let key = compact(words);
    MINISTRIES
        .iter()
        .find(|m| m.aliases.contains(&key.as_str()))
}

/// Reads one dasar_hukum line. A line that is no citation keeps its text with `id: None`.
pub fn parse(line: &str) -> Citation {
    parse_nested(line, 0)
}

/// How deep "Perubahan atas Perubahan atas ..." is followed: real chains
/// are two or three long; the limit keeps a crafted line from exhausting the stack.
const MAX_AMENDMENT_DEPTH: usize = 8;

fn parse_nested(line: &str, depth: usize) -> Citation {
    let text = line.trim().to_string();
    let body = normalise(strip_list_marker(&text));
    let body = strip_trailing(&body);
    let (head, rest) = split_tentang(body);
    let head_info = read_head(head);

    let mut title = rest.map(clean_title).filter(|t| !t.is_empty());
    if title.is_none() && !head_info.trailing.is_empty() {
        // "UU No 17 Thn 2003 Keuangan Negara": a title without "tentang".
        title = Some(clean_title(&head_info.trailing)).filter(|t| !t.is_empty());
    }
    let amends = title
        .as_deref()
        .and_then(amended_part)
        .filter(|_| depth < MAX_AMENDMENT_DEPTH)
        .map(|amended| parse_nested(amended, depth + 1))
        .filter(|c| c.id.is_some())
        .map(Box::new);

    let Some(mut recognised) = head_info.recognised else {
        return Citation {
            text,
            ..Citation::default()
        };
    };
    recognised.name_pan_for(head_info.year, head);
    let id = recognised.id(head_info.number.as_deref(), head_info.year);
    Citation {
        text,
        kind: recognised.kind,
        number: head_info.number,
        year: head_info.year,
        place: recognised.place,
        title,
        id,
        amends,
    }
}

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

/// Drops "1.", "1 ", "a.", "(a)", "iv)", "-", "•" at the start of a line.
fn strip_list_marker(text: &str) -> &str {
    let t = text
        .trim_start()
        .trim_start_matches(['-', '•', '*', '·', '–', '—', '▪', '●'])
        .trim_start();
    // "(a)", "(1)", "(iv)".
    if let Some(inner) = t.strip_prefix('(')
        && let Some(close) = inner.find(')')
        && (1..=4).contains(&close)
        && inner[..close].chars().all(|c| c.is_ascii_alphanumeric())
    {
        return inner[close + 1..].trim_start();
    }
    let n = t.len()
        - t.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    let (marker, after) = t.split_at(n);
    let numeric = (1..=2).contains(&marker.len()) && marker.chars().all(|c| c.is_ascii_digit());
    let letter = marker.len() == 1 && marker.chars().all(|c| c.is_ascii_alphabetic());
    let roman = (1..=4).contains(&marker.len())
        && marker
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'));
    if let Some(rest) = after.strip_prefix(['.', ')']) {
        // "1.Undang-Undang" needs no space, but "17.5" is no marker.
        let spaced = rest.starts_with(char::is_whitespace);
        if (numeric && !rest.starts_with(|c: char| c.is_ascii_digit()))
            || ((letter || roman) && spaced)
        {
            return rest.trim_start();
        }
    } else if numeric && after.starts_with(char::is_whitespace) {
        // "1 Undang-Undang": a number then a word is a list marker.
        let rest = after.trim_start();
        if rest.starts_with(char::is_alphabetic) {
            return rest;
        }
    }
    t
}

/// One kind of dash, "Undang-Undang" in one word, no line breaks.
fn normalise(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| match c {
            '–' | '—' | '‒' | '‑' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    // "Undang Undang", "Undang - Undang", "undang-Undang" → "Undang-Undang".
    // ASCII lower-casing keeps byte offsets, so `lower` indexes `s` too.
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find("undang") {
        let start = at + found;
        let after = &lower[start + 6..];
        let gap = after.len() - after.trim_start_matches([' ', '-']).len();
        let rest = &after[gap..];
        let joined = gap > 0 && rest.starts_with("undang") && !rest.starts_with("undangan");
        out.push_str(&s[at..start]);
        if joined {
            // Keep the author's capital of the first word.
            out.push_str(if s[start..].starts_with('U') {
                "Undang-Undang"
            } else {
                "undang-undang"
            });
            at = start + 6 + gap + 6;
        } else {
            out.push_str(&s[start..start + 6]);
            at = start + 6;
        }
    }
    out.push_str(&s[at..]);
    out
}

/// Drops what ends a list item: ";", ",", ".", ":", "; dan", ", dan".
fn strip_trailing(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t.len();
        t = t.trim_end_matches([';', ',', '.', ':']).trim_end();
        let lower = t.to_ascii_lowercase();
        for end in [" dan", " serta", " and"] {
            if lower.ends_with(end) && lower[..lower.len() - end.len()].ends_with([';', ',']) {
                t = t[..t.len() - end.len()].trim_end();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Splits at the first word "tentang" (or "ttg").
fn split_tentang(text: &str) -> (&str, Option<&str>) {
    let lower = text.to_ascii_lowercase();
    for word in ["tentang", "ttg"] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(word) {
            let at = from + found;
            let end = at + word.len();
            let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
            let after_ok = end == lower.len() || !lower.as_bytes()[end].is_ascii_alphanumeric();
            if before_ok && after_ok {
                let rest = text[end..].trim_start_matches([' ', ':', '.']);
                return (&text[..at], Some(rest));
            }
            from = end;
        }
    }
    (text, None)
}

/// A title without what follows it in formal lists: the gazette in
/// brackets, "sebagaimana telah diubah ...", "juncto ...", end punctuation.
fn clean_title(title: &str) -> String {
    // A leading space lets a stop word match at the very start ("Jo. UU ...").
    let lower = format!(" {}", title.to_ascii_lowercase());
    let mut end = title.len();
    for stop in [
        "(lembaran",
        "(berita",
        "(tambahan",
        " sebagaimana ",
        " yang telah diubah",
        " jo.",
        " jo ",
        " juncto ",
    ] {
        if let Some(at) = lower.find(stop) {
            end = end.min(at.saturating_sub(1));
        }
    }
    strip_trailing(&title[..end])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// X of a title "Perubahan (Kedua...) atas X".
fn amended_part(title: &str) -> Option<&str> {
    let lower = title.to_ascii_lowercase();
    if !lower.starts_with("perubahan") {
        return None;
    }
    let at = lower.find(" atas ")?;
    Some(title[at + 6..].trim())
}

/// A word of the head: as written, and lower-cased without edge punctuation.
#[derive(Debug)]
struct Word<'a> {
    raw: &'a str,
    norm: String,
}

fn words(head: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for raw in head.split([' ', ':']).filter(|w| !w.is_empty()) {
        // "No.17", "Nomor17": the marker and the number glued together.
        let lower = raw.to_ascii_lowercase();
        let glued = ["nomor", "nomer", "no."].iter().find(|m| {
            lower.starts_with(*m) && lower[m.len()..].starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some(marker) = glued {
            out.push(word(&raw[..marker.len()]));
            out.push(word(&raw[marker.len()..]));
        } else {
            out.push(word(raw));
        }
    }
    out
}

fn word(raw: &str) -> Word<'_> {
    let trimmed = raw.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | '"' | '\'' | '“' | '”'));
    Word {
        raw: trimmed,
        norm: trimmed.to_lowercase(),
    }
}

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
struct Recognised {
    kind: Option<RegulationKind>,
    /// The id up to the place: "uu", "permenkes", "keputusan-bupati-balangan".
    prefix: String,
    place: Option<String>,
    issuer: Option<String>,
}

impl Recognised {
    /// The PAN ministry as named in the regulation's `year`.
    fn name_pan_for(&mut self, year: Option<u16>, head: &str) {
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

    fn id(&self, number: Option<&str>, year: Option<u16>) -> Option<String> {
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

#[derive(Debug, Default)]
struct Head {
    recognised: Option<Recognised>,
    number: Option<String>,
    year: Option<u16>,
    /// Words after the year, when there was no "tentang".
    trailing: String,
}

fn is_number_marker(w: &str) -> bool {
    matches!(
        w,
        "nomor" | "nomer" | "no" | "nmr" | "nom" | "nr" | "number"
    )
}

fn is_year_marker(w: &str) -> bool {
    matches!(w, "tahun" | "thn" | "th" | "thun" | "tahum" | "year")
}

fn as_year(w: &str) -> Option<u16> {
    let y: u16 = w.parse().ok()?;
    (w.len() == 4 && (1900..2100).contains(&y)).then_some(y)
}

fn read_head(head: &str) -> Head {
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

/// Removes "(2)", "(a)", "(iv)": brackets of up to four characters.
fn without_short_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        match inner.find(')') {
            Some(close) if close <= 4 => rest = &inner[close + 1..],
            _ => {
                out.push('(');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use RegulationKind as K;

    /// (line, id, kind).
    #[rustfmt::skip]
    const IDS: &[(&str, Option<&str>, Option<RegulationKind>)] = &[
        // The four spellings FORMAT.md names.
        ("Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Undang-Undang Nomor 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU No 17 Thn 2003 tentang Keuangan Negara", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU 17/2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        // The Banjarbaru seed, as the export ran its list together.
        ("1 Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("2 Undang-Undang No. 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional", Some("uu-no-25-tahun-2004"), Some(K::Uu)),
        ("3 Permendagri Nomor 12 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah", Some("permendagri-no-12-tahun-2011"), Some(K::Permendagri)),
        ("4 Permendagri Nomor 54 Tahun 2010 tentang Pelaksanaan Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, Pengendalian, Evaluasi Pelaksanaan Rencana Pembangunan Daerah", Some("permendagri-no-54-tahun-2010"), Some(K::Permendagri)),
        ("5 Peraturan Pemerintah No. 58 Tahun 2005 tentang Pengelolaan Keuangan Daerah", Some("pp-no-58-tahun-2005"), Some(K::Pp)),
        // The Balangan seed.
        ("1.\tPeraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah", Some("perpres-no-29-tahun-2014"), Some(K::Perpres)),
        ("2.\tPermenPAN dan RB No. 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Review atas Laporan Kinerja", Some("permenpanrb-no-53-tahun-2014"), Some(K::Permenpanrb)),
        // Spellings of the number and the year.
        ("Undang-Undang Nomer 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Undang-Undang No.17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU No.17 Th. 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU Nomor: 17 Tahun: 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU No 17 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Undang-undang Republik Indonesia Nomor 17 Tahun 2003 tentang Keuangan Negara", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Undang Undang Nomor 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Undang – Undang Nomor 17 Tahun 2003 — tentang Keuangan Negara", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UNDANG-UNDANG NOMOR 17 TAHUN 2003 TENTANG KEUANGAN NEGARA", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU RI No. 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("Pasal 5 ayat (2) UU No 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU No. 23 Th 2014 Jo. UU No. 9 Th 2015", Some("uu-no-23-tahun-2014"), Some(K::Uu)),
        ("Permendagri 86/2017", Some("permendagri-no-86-tahun-2017"), Some(K::Permendagri)),
        ("Peraturan Menteri Pendayagunaan Aparatur Negara Nomor PER/21/M.PAN/11/2008 tentang Pedoman Penyusunan SOP", Some("permenpan-no-per-21-m-pan-11-2008-tahun-2008"), Some(K::Permenpan)),
        ("Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah Nomor 12 Tahun 2021", Some("peraturan-lkpp-no-12-tahun-2021"), None),
        ("Keputusan Kepala Badan Kepegawaian Negara Nomor 13 Tahun 2002", Some("keputusan-kepala-badan-kepegawaian-negara-no-13-tahun-2002"), Some(K::Keputusan)),
        ("SK Bupati Balangan No. 188.45/123/2020", Some("keputusan-bupati-balangan-no-188-45-123-2020-tahun-2020"), Some(K::Keputusan)),
        ("Surat Edaran Nomor 1/SE/2020", Some("se-no-1-se-2020-tahun-2020"), Some(K::SuratEdaran)),
        ("Perda No. 5 Tahun 2016", Some("perda-no-5-tahun-2016"), Some(K::Perda)),
        // List markers and trailing punctuation.
        ("a. Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara;", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("(b) Undang-Undang Nomor 17 Tahun 2003;", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("1.Undang-Undang Nomor 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("3) UU No. 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("B. UU No. 17 Tahun 2003", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("UU No. 17 Tahun 2003 (Lembaran Negara Tahun 2003 Nomor 47)", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("iv. UU No. 17 Tahun 2003.", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("- Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara; dan", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("• UU No. 17 Tahun 2003,", Some("uu-no-17-tahun-2003"), Some(K::Uu)),
        ("12. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9 Tahun 2015", Some("uu-no-23-tahun-2014"), Some(K::Uu)),
        ("Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara (Lembaran Negara Republik Indonesia Tahun 2004 Nomor 5, Tambahan Lembaran Negara Republik Indonesia Nomor 4355);", Some("uu-no-1-tahun-2004"), Some(K::Uu)),
        // National kinds.
        ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020 tentang Kebijakan Keuangan Negara", Some("perppu-no-1-tahun-2020"), Some(K::Perppu)),
        ("Perppu No. 2 Tahun 2022 tentang Cipta Kerja", Some("perppu-no-2-tahun-2022"), Some(K::Perppu)),
        ("Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah", Some("pp-no-12-tahun-2019"), Some(K::Pp)),
        ("PP No. 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil", Some("pp-no-94-tahun-2021"), Some(K::Pp)),
        ("Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi 2010-2025", Some("perpres-no-81-tahun-2010"), Some(K::Perpres)),
        ("Perpres No. 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik", Some("perpres-no-95-tahun-2018"), Some(K::Perpres)),
        ("Keputusan Presiden Nomor 42 Tahun 2002 tentang Pedoman Pelaksanaan Anggaran Pendapatan dan Belanja Negara", Some("keppres-no-42-tahun-2002"), Some(K::Keppres)),
        ("Keppres No. 80 Tahun 2003", Some("keppres-no-80-tahun-2003"), Some(K::Keppres)),
        ("Instruksi Presiden Nomor 3 Tahun 2003 tentang Kebijakan dan Strategi Nasional Pengembangan E-Government", Some("inpres-no-3-tahun-2003"), Some(K::Inpres)),
        ("Inpres No. 7 Tahun 1999 tentang Akuntabilitas Kinerja Instansi Pemerintah", Some("inpres-no-7-tahun-1999"), Some(K::Inpres)),
        // Ministers.
        ("Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah", Some("permendagri-no-13-tahun-2006"), Some(K::Permendagri)),
        ("Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 77 Tahun 2020", Some("permendagri-no-77-tahun-2020"), Some(K::Permendagri)),
        ("Permendagri No. 86 Th. 2017", Some("permendagri-no-86-tahun-2017"), Some(K::Permendagri)),
        ("Peraturan Menteri Keuangan Nomor 215/PMK.05/2016 tentang Perubahan atas Peraturan Menteri Keuangan Nomor 162/PMK.05/2013", Some("permenkeu-no-215-pmk-05-2016-tahun-2016"), Some(K::Pmk)),
        ("PMK Nomor 215/PMK.05/2016", Some("permenkeu-no-215-pmk-05-2016-tahun-2016"), Some(K::Pmk)),
        ("PMK 215/PMK.05/2016", Some("permenkeu-no-215-pmk-05-2016-tahun-2016"), Some(K::Pmk)),
        ("Permenkeu No. 215/PMK.05/2016", Some("permenkeu-no-215-pmk-05-2016-tahun-2016"), Some(K::Pmk)),
        ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 35 Tahun 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("PermenPAN-RB No. 35 Tahun 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("Permenpan RB Nomor 35 Tahun 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("PERMENPANRB NO 35 TAHUN 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("Permen PAN & RB No. 35 Tahun 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("Permenpan No. 35 Tahun 2012", Some("permenpanrb-no-35-tahun-2012"), Some(K::Permenpanrb)),
        ("Peraturan Menteri Kesehatan Nomor 4 Tahun 2019 tentang Standar Teknis Pelayanan Dasar", Some("permenkes-no-4-tahun-2019"), Some(K::Permen)),
        ("Permenkes No. 4 Tahun 2019", Some("permenkes-no-4-tahun-2019"), Some(K::Permen)),
        ("Peraturan Menteri Pekerjaan Umum dan Perumahan Rakyat Nomor 14 Tahun 2020", Some("permenpupr-no-14-tahun-2020"), Some(K::Permen)),
        ("Peraturan Menteri Pariwisata Nomor 10 Tahun 2018", Some("permen-pariwisata-no-10-tahun-2018"), Some(K::Permen)),
        // Regions.
        ("Peraturan Daerah Kota Banjarbaru Nomor 3 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah", Some("perda-kota-banjarbaru-no-3-tahun-2019"), Some(K::Perda)),
        ("Perda Kota Banjarbaru No. 3 Tahun 2019", Some("perda-kota-banjarbaru-no-3-tahun-2019"), Some(K::Perda)),
        ("PERATURAN DAERAH KOTA BANJARBARU NOMOR 3 TAHUN 2019", Some("perda-kota-banjarbaru-no-3-tahun-2019"), Some(K::Perda)),
        ("Peraturan Daerah Kabupaten Balangan Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah", Some("perda-kabupaten-balangan-no-7-tahun-2016"), Some(K::Perda)),
        ("Perda Kab. Balangan No. 7 Tahun 2016", Some("perda-kabupaten-balangan-no-7-tahun-2016"), Some(K::Perda)),
        ("Peraturan Daerah Provinsi Kalimantan Selatan Nomor 2 Tahun 2016", Some("perda-provinsi-kalimantan-selatan-no-2-tahun-2016"), Some(K::Perda)),
        ("Peraturan Gubernur Kalimantan Selatan Nomor 0100 Tahun 2017", Some("pergub-kalimantan-selatan-no-0100-tahun-2017"), Some(K::Pergub)),
        ("Pergub Provinsi Kalimantan Selatan No. 0100 Tahun 2017", Some("pergub-kalimantan-selatan-no-0100-tahun-2017"), Some(K::Pergub)),
        ("Peraturan Bupati Balangan Nomor 12 Tahun 2020 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi", Some("perbup-balangan-no-12-tahun-2020"), Some(K::Perbup)),
        ("Peraturan Bupati Kabupaten Balangan Nomor 12 Tahun 2020", Some("perbup-balangan-no-12-tahun-2020"), Some(K::Perbup)),
        ("Perbup Balangan No 12 Thn 2020", Some("perbup-balangan-no-12-tahun-2020"), Some(K::Perbup)),
        ("Peraturan Walikota Banjarbaru Nomor 10 Tahun 2019", Some("perwali-banjarbaru-no-10-tahun-2019"), Some(K::Perwali)),
        ("Peraturan Wali Kota Banjarbaru Nomor 10 Tahun 2019", Some("perwali-banjarbaru-no-10-tahun-2019"), Some(K::Perwali)),
        ("Perwali Kota Banjarbaru No. 10 Tahun 2019", Some("perwali-banjarbaru-no-10-tahun-2019"), Some(K::Perwali)),
        // Decisions and circulars.
        ("Keputusan Menteri Pendayagunaan Aparatur Negara Nomor 63 Tahun 2003 tentang Pedoman Umum Penyelenggaraan Pelayanan Publik", Some("kepmenpan-no-63-tahun-2003"), Some(K::Keputusan)),
        ("KepmenPAN No. 63 Tahun 2003", Some("kepmenpan-no-63-tahun-2003"), Some(K::Keputusan)),
        ("Keputusan Bupati Balangan Nomor 188.45/123/2020 tentang Tim Penyusun SOP", Some("keputusan-bupati-balangan-no-188-45-123-2020-tahun-2020"), Some(K::Keputusan)),
        ("Keputusan Bupati Kabupaten Balangan Nomor 188.45/123/2020", Some("keputusan-bupati-balangan-no-188-45-123-2020-tahun-2020"), Some(K::Keputusan)),
        ("Keputusan Walikota Banjarbaru Nomor 100 Tahun 2021", Some("keputusan-wali-kota-banjarbaru-no-100-tahun-2021"), Some(K::Keputusan)),
        ("Surat Edaran Menteri Dalam Negeri Nomor 900/1234/SJ tentang Pedoman Penyusunan APBD", Some("se-mendagri-no-900-1234-sj"), Some(K::SuratEdaran)),
        ("SE Mendagri No. 900/1234/SJ", Some("se-mendagri-no-900-1234-sj"), Some(K::SuratEdaran)),
        ("Keputusan MenPAN Nomor 63 Tahun 2003", Some("kepmenpan-no-63-tahun-2003"), Some(K::Keputusan)),
        ("Surat Edaran Sekretaris Daerah Kota Banjarbaru Nomor 800/12/Org/2022", Some("se-sekretaris-daerah-kota-banjarbaru-no-800-12-org-2022-tahun-2022"), Some(K::SuratEdaran)),
        // Other regulations and the constitution.
        ("Peraturan Kepala Badan Kepegawaian Negara Nomor 7 Tahun 2013", Some("perka-bkn-no-7-tahun-2013"), None),
        // Issue 16: what real SOPs of madrasah, puskesmas, kementerian offices cite.
        ("PMA Nomor 90 Tahun 2013 tentang Penyelenggaraan Pendidikan Madrasah", Some("pma-no-90-tahun-2013"), Some(K::Permen)),
        ("Peraturan Menteri Agama Republik Indonesia Nomor 90 Tahun 2013", Some("pma-no-90-tahun-2013"), Some(K::Permen)),
        ("KMA Nomor 184 Tahun 2019 tentang Pedoman Implementasi Kurikulum pada Madrasah", Some("kma-no-184-tahun-2019"), Some(K::Keputusan)),
        ("Keputusan Menteri Agama Nomor 184 Tahun 2019", Some("kma-no-184-tahun-2019"), Some(K::Keputusan)),
        ("Permenkes RI No. 43 Tahun 2019 tentang Pusat Kesehatan Masyarakat", Some("permenkes-no-43-tahun-2019"), Some(K::Permen)),
        ("Peraturan Menteri Pendidikan dan Kebudayaan Nomor 6 Tahun 2021", Some("permendikbud-no-6-tahun-2021"), Some(K::Permen)),
        ("Permendikbudristek Nomor 50 Tahun 2022", Some("permendikbudristek-no-50-tahun-2022"), Some(K::Permen)),
        ("Peraturan Menteri Pendidikan Nasional Nomor 24 Tahun 2008", Some("permendiknas-no-24-tahun-2008"), Some(K::Permen)),
        ("Peraturan BKN Nomor 7 Tahun 2021 tentang Perpindahan PNS", Some("peraturan-bkn-no-7-tahun-2021"), None),
        ("Peraturan Badan Kepegawaian Negara Nomor 7 Tahun 2021", Some("peraturan-bkn-no-7-tahun-2021"), None),
        ("Perka BKN No. 24 Tahun 2017 tentang Tata Cara Pemberian Cuti PNS", Some("perka-bkn-no-24-tahun-2017"), None),
        ("Peraturan Kepala BKN Nomor 24 Tahun 2017", Some("perka-bkn-no-24-tahun-2017"), None),
        ("Peraturan LKPP Nomor 12 Tahun 2021", Some("peraturan-lkpp-no-12-tahun-2021"), None),
        ("Peraturan Arsip Nasional Republik Indonesia Nomor 9 Tahun 2018", Some("peraturan-anri-no-9-tahun-2018"), None),
        ("Peraturan Kepala Arsip Nasional Republik Indonesia Nomor 19 Tahun 2011", Some("perka-anri-no-19-tahun-2011"), None),
        ("Peraturan ANRI No. 9 Tahun 2018", Some("peraturan-anri-no-9-tahun-2018"), None),
        ("Peraturan Kepala Badan Pusat Statistik Nomor 1 Tahun 2019", Some("perka-bps-no-1-tahun-2019"), None),
        // The PAN ministry as named in the regulation's year.
        ("Keputusan Menteri Negara Pendayagunaan Aparatur Negara Nomor 63/KEP/M.PAN/7/2003", Some("kepmenpan-no-63-kep-m-pan-7-2003-tahun-2003"), Some(K::Keputusan)),
        ("PermenPAN dan RB Nomor 5 Tahun 1993", Some("permenpan-no-5-tahun-1993"), Some(K::Permenpan)),
        ("Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/15/M.PAN/7/2008", Some("permenpan-no-per-15-m-pan-7-2008-tahun-2008"), Some(K::Permenpan)),
        ("Permenpan No. 20 Tahun 2009", Some("permenpan-no-20-tahun-2009"), Some(K::Permenpan)),
        ("PermenPAN-RB No. 20 Tahun 2009", Some("permenpanrb-no-20-tahun-2009"), Some(K::Permenpanrb)),
        ("PermenPAN No. 12 Tahun 2011", Some("permenpanrb-no-12-tahun-2011"), Some(K::Permenpanrb)),
        // The number after "Nomor", not a digit of the issuer's name.
        ("SK Kepala MTs Negeri 1 Kota Banjarbaru Nomor : 1798 Tahun 2023", Some("keputusan-kepala-mts-negeri-1-kota-banjarbaru-no-1798-tahun-2023"), Some(K::Keputusan)),
        ("Keputusan Kepala Puskesmas Banjarbaru Selatan 2 Nomor 445/12/PKM Tahun 2022", Some("keputusan-kepala-puskesmas-banjarbaru-selatan-2-no-445-12-pkm-tahun-2022"), Some(K::Keputusan)),
        ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", Some("uud-1945"), None),
        ("UUD 1945", Some("uud-1945"), None),
        // Not enough to name one regulation.
        ("Undang-Undang Nomor 17", None, Some(K::Uu)),
        ("Peraturan Pemerintah tentang Pengelolaan Keuangan Daerah", None, Some(K::Pp)),
        ("Peraturan perundang-undangan yang berlaku", None, None),
        ("Rencana Strategis Setdako Banjarbaru 2016-2021", None, None),
        ("", None, None),
        ("   ", None, None),
        ("1.", None, None),
    ];

    #[test]
    fn ids_of_real_world_spellings() {
        assert!(IDS.len() >= 60);
        let mut failures = Vec::new();
        for (line, id, kind) in IDS {
            let c = parse(line);
            if c.id.as_deref() != *id || c.kind != *kind {
                failures.push(format!(
                    "{line:?}\n  got  {:?} {:?}\n  want {id:?} {kind:?}",
                    c.id, c.kind
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn the_parts_of_a_citation() {
        let c = parse("Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara");
        assert_eq!(c.number.as_deref(), Some("17"));
        assert_eq!(c.year, Some(2003));
        assert_eq!(c.title.as_deref(), Some("Keuangan Negara"));
        assert_eq!(c.place, None);
        assert_eq!(
            c.text,
            "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara"
        );

        let c = parse("UU 17/2003");
        assert_eq!(
            (c.number.as_deref(), c.year, c.title),
            (Some("17"), Some(2003), None)
        );

        let c = parse("PMK Nomor 215/PMK.05/2016 tentang Jurnal Akuntansi");
        assert_eq!(c.number.as_deref(), Some("215/PMK.05/2016"));
        assert_eq!(c.year, Some(2016));
        assert_eq!(c.title.as_deref(), Some("Jurnal Akuntansi"));
    }

    #[test]
    fn places_are_named_as_the_id_names_them() {
        let place = |line: &str| parse(line).place;
        assert_eq!(
            place("PERATURAN DAERAH KOTA BANJARBARU NOMOR 3 TAHUN 2019").as_deref(),
            Some("Kota Banjarbaru")
        );
        assert_eq!(
            place("Perda Kab. Balangan No. 7 Tahun 2016").as_deref(),
            Some("Kabupaten Balangan")
        );
        assert_eq!(
            place("Peraturan Bupati Kabupaten Balangan Nomor 12 Tahun 2020").as_deref(),
            Some("Balangan")
        );
        assert_eq!(
            place("Peraturan Gubernur Provinsi Kalimantan Selatan Nomor 1 Tahun 2017").as_deref(),
            Some("Kalimantan Selatan")
        );
        assert_eq!(place("UU No. 17 Tahun 2003"), None);
    }

    #[test]
    fn titles_lose_what_follows_them_in_formal_lists() {
        let title = |line: &str| parse(line).title;
        assert_eq!(
            title("Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara (Lembaran Negara Republik Indonesia Tahun 2004 Nomor 5);").as_deref(),
            Some("Perbendaharaan Negara")
        );
        assert_eq!(
            title("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015;").as_deref(),
            Some("Pemerintahan Daerah")
        );
        assert_eq!(
            title("UU No. 17 Tahun 2003 tentang Keuangan Negara; dan").as_deref(),
            Some("Keuangan Negara")
        );
        assert_eq!(
            title("UU No 17 Thn 2003 Keuangan Negara").as_deref(),
            Some("Keuangan Negara")
        );
        assert_eq!(
            title("UU Nomor 17 Tahun 2003 Tentang: Keuangan Negara").as_deref(),
            Some("Keuangan Negara")
        );
    }

    #[test]
    fn an_amendment_links_to_what_it_amends() {
        let c = parse(
            "Permendagri Nomor 12 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah",
        );
        assert_eq!(c.id.as_deref(), Some("permendagri-no-12-tahun-2011"));
        assert_eq!(
            c.title.as_deref(),
            Some(
                "Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah"
            )
        );
        let amended = c.amends.as_deref().expect("amends the 2006 Permendagri");
        assert_eq!(amended.id.as_deref(), Some("permendagri-no-13-tahun-2006"));
        assert_eq!(
            amended.title.as_deref(),
            Some("Pedoman Pengelolaan Keuangan Daerah")
        );

        let c = parse(
            "Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua Atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        );
        assert_eq!(
            c.amends.and_then(|a| a.id).as_deref(),
            Some("uu-no-23-tahun-2014")
        );
        let c = parse(
            "PMK Nomor 215/PMK.05/2016 tentang Perubahan atas Peraturan Menteri Keuangan Nomor 162/PMK.05/2013",
        );
        assert_eq!(
            c.amends.and_then(|a| a.id).as_deref(),
            Some("permenkeu-no-162-pmk-05-2013-tahun-2013")
        );
        // A title that merely mentions another regulation amends nothing.
        let c = parse(
            "Permendagri Nomor 54 Tahun 2010 tentang Pelaksanaan Peraturan Pemerintah Nomor 8 Tahun 2008",
        );
        assert_eq!(c.amends, None);
        // An amendment of something unreadable keeps no broken link.
        let c = parse("UU Nomor 2 Tahun 2020 tentang Perubahan atas sesuatu");
        assert_eq!(c.amends, None);
    }

    #[test]
    fn a_long_chain_of_amendments_is_cut_short() {
        let line = "UU Nomor 1 Tahun 2000 tentang Perubahan atas ".repeat(2000);
        let mut c = parse(&line);
        let mut depth = 0;
        while let Some(next) = c.amends {
            c = *next;
            depth += 1;
        }
        assert_eq!(depth, MAX_AMENDMENT_DEPTH);
    }

    #[test]
    fn a_line_that_is_no_citation_keeps_its_text() {
        let c = parse("  Peraturan perundang-undangan yang berlaku  ");
        assert_eq!(c.id, None);
        assert_eq!(c.text, "Peraturan perundang-undangan yang berlaku");
        assert_eq!(
            c.display_name(),
            "Peraturan perundang-undangan yang berlaku"
        );
    }

    #[test]
    fn display_names_are_short() {
        let name = |line: &str| parse(line).display_name();
        assert_eq!(
            name("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara"),
            "UU No. 17 Tahun 2003"
        );
        assert_eq!(name("UU 17/2003"), "UU No. 17 Tahun 2003");
        assert_eq!(
            name("Peraturan Daerah Kota Banjarbaru Nomor 3 Tahun 2019"),
            "Perda Kota Banjarbaru No. 3 Tahun 2019"
        );
        assert_eq!(
            name("Peraturan Bupati Kabupaten Balangan Nomor 12 Tahun 2020"),
            "Perbup Balangan No. 12 Tahun 2020"
        );
        assert_eq!(
            name("Peraturan Menteri Keuangan Nomor 215/PMK.05/2016"),
            "PMK No. 215/PMK.05/2016"
        );
        assert_eq!(
            name("PermenPAN dan RB No. 53 Tahun 2014"),
            "PermenPAN-RB No. 53 Tahun 2014"
        );
        assert_eq!(
            name("Peraturan Menteri Kesehatan Nomor 4 Tahun 2019"),
            "Permenkes No. 4 Tahun 2019"
        );
        assert_eq!(
            name("Peraturan Menteri Pariwisata Nomor 10 Tahun 2018"),
            "Peraturan Menteri Pariwisata No. 10 Tahun 2018"
        );
        assert_eq!(
            name("Keputusan Bupati Balangan Nomor 5 Tahun 2020"),
            "Keputusan Bupati Balangan No. 5 Tahun 2020"
        );
        assert_eq!(
            name("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"),
            "UUD 1945"
        );
        // A 1993 MenPAN regulation is not "PAN-RB", however it is written.
        assert_eq!(
            name("PermenPAN dan RB Nomor 5 Tahun 1993"),
            "PermenPAN No. 5 Tahun 1993"
        );
        assert_eq!(
            name("KepmenPAN No. 63 Tahun 2003"),
            "Keputusan Menteri Negara Pendayagunaan Aparatur Negara No. 63 Tahun 2003"
        );
        assert_eq!(name("PMA Nomor 90 Tahun 2013"), "PMA No. 90 Tahun 2013");
        assert_eq!(
            name("Perka BKN No. 24 Tahun 2017"),
            "Peraturan Kepala BKN No. 24 Tahun 2017"
        );
        assert_eq!(
            name("Peraturan Badan Kepegawaian Negara Nomor 7 Tahun 2021"),
            "Peraturan BKN No. 7 Tahun 2021"
        );
    }

    #[test]
    fn the_number_is_the_one_after_nomor() {
        let c = parse("SK Kepala MTs Negeri 1 Kota Banjarbaru Nomor : 1798 Tahun 2023 tentang Tim");
        assert_eq!(c.number.as_deref(), Some("1798"));
        assert_eq!(c.year, Some(2023));
        assert_eq!(c.title.as_deref(), Some("Tim"));
        // Without "Nomor", the first number still is.
        let c = parse("UU 17/2003");
        assert_eq!(c.number.as_deref(), Some("17"));
    }

    #[test]
    fn kinds_have_names_and_prefixes() {
        assert_eq!(K::Uu.label_id(), "Undang-Undang");
        assert_eq!(K::Pp.label_id(), "Peraturan Pemerintah");
        assert_eq!(K::Perda.label_id(), "Peraturan Daerah");
        assert_eq!(K::Pp.label_en(), "Government Regulation");
        assert_eq!(K::Uu.short(), "UU");
        assert_eq!(K::Pmk.short(), "PMK");
        assert_eq!(K::Pmk.slug_prefix(), "permenkeu");
        // Every kind read from its own formal name comes back as itself.
        for kind in RegulationKind::ALL {
            let line = match kind {
                K::Perda | K::Pergub | K::Perbup | K::Perwali => {
                    format!("{} Balangan Nomor 1 Tahun 2020", kind.label_id())
                }
                K::Permen => format!("{} Sosial Nomor 1 Tahun 2020", kind.label_id()),
                // The ministry had this name until 2009.
                K::Permenpan => format!("{} Nomor 1 Tahun 2008", kind.label_id()),
                K::Keputusan | K::SuratEdaran => {
                    format!("{} Bupati Balangan Nomor 1 Tahun 2020", kind.label_id())
                }
                _ => format!("{} Nomor 1 Tahun 2020", kind.label_id()),
            };
            let c = parse(&line);
            assert_eq!(c.kind, Some(kind), "{line}");
            let id = c.id.unwrap_or_default();
            assert!(id.starts_with(kind.slug_prefix()), "{line}: {id}");
            assert!(id.contains("-no-1-tahun-20"), "{line}: {id}");
        }
    }

    #[test]
    fn citations_serialise_with_their_kind() {
        let json = serde_json::to_value(parse("PP No. 58 Tahun 2005")).unwrap_or_default();
        assert_eq!(json["kind"], "pp");
        assert_eq!(json["id"], "pp-no-58-tahun-2005");
        let json = serde_json::to_value(parse("Surat Edaran Nomor 1/SE/2020")).unwrap_or_default();
        assert_eq!(json["kind"], "surat-edaran");
    }

    proptest::proptest! {
        #[test]
        fn any_line_is_read_without_panic(line in "\\PC{0,80}") {
            let c = parse(&line);
            let _ = c.display_name();
            if let Some(id) = &c.id {
                proptest::prop_assert!(!id.is_empty());
                proptest::prop_assert!(id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'));
            }
        }

        #[test]
        fn any_number_and_year_round_trip(number in 1u32..500, year in 1945u16..2100) {
            let id = format!("uu-no-{number}-tahun-{year}");
            for line in [
                format!("Undang-Undang Nomor {number} Tahun {year}"),
                format!("UU No. {number} Thn {year} tentang Sesuatu"),
                format!("UU {number}/{year}"),
            ] {
                let c = parse(&line);
                proptest::prop_assert_eq!(c.id.as_deref(), Some(id.as_str()));
            }
        }
    }
}
