//! The ministries and lembaga whose regulations SOPs cite, and how authors
//! name them.

/// A ministry: the abbreviation of its regulations' ids ("kes" of
/// "permenkes"), its full name, and how authors write it, compacted to
/// lower-case letters ("pan dan rb" → "pandanrb").
pub(super) struct Ministry {
    pub abbr: &'static str,
    pub name: &'static str,
    aliases: &'static [&'static str],
}

/// The ministries whose regulations SOPs cite most. Dalam Negeri, Keuangan
/// and PAN-RB have kinds of their own; the others are `Permen`.
pub(super) const MINISTRIES: &[Ministry] = &[
    Ministry {
        abbr: "dagri",
        name: "Dalam Negeri",
        aliases: &["dalamnegeri", "dagri", "mendagri"],
    },
    Ministry {
        abbr: "keu",
        name: "Keuangan",
        aliases: &["keuangan", "keu"],
    },
    Ministry {
        abbr: "panrb",
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
        name: "Kesehatan",
        aliases: &["kesehatan", "kes"],
    },
    Ministry {
        abbr: "dikbud",
        name: "Pendidikan dan Kebudayaan",
        aliases: &["pendidikandankebudayaan", "dikbud"],
    },
    Ministry {
        abbr: "diknas",
        name: "Pendidikan Nasional",
        aliases: &["pendidikannasional", "diknas"],
    },
    Ministry {
        abbr: "dikbudristek",
        name: "Pendidikan, Kebudayaan, Riset, dan Teknologi",
        aliases: &[
            "pendidikankebudayaanrisetdanteknologi",
            "pendidikandankebudayaanrisetdanteknologi",
            "dikbudristek",
        ],
    },
    Ministry {
        abbr: "naker",
        name: "Ketenagakerjaan",
        aliases: &["ketenagakerjaan", "tenagakerja", "naker", "aker"],
    },
    Ministry {
        abbr: "hub",
        name: "Perhubungan",
        aliases: &["perhubungan", "hub"],
    },
    Ministry {
        abbr: "kumham",
        name: "Hukum dan Hak Asasi Manusia",
        aliases: &["hukumdanhakasasimanusia", "hukumdanham", "kumham"],
    },
    Ministry {
        abbr: "sos",
        name: "Sosial",
        aliases: &["sosial", "sos"],
    },
    Ministry {
        abbr: "tan",
        name: "Pertanian",
        aliases: &["pertanian", "tan"],
    },
    Ministry {
        abbr: "lhk",
        name: "Lingkungan Hidup dan Kehutanan",
        aliases: &["lingkunganhidupdankehutanan", "lhk"],
    },
    Ministry {
        abbr: "pupr",
        name: "Pekerjaan Umum dan Perumahan Rakyat",
        aliases: &["pekerjaanumumdanperumahanrakyat", "pupr"],
    },
    Ministry {
        abbr: "desa",
        name: "Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
        aliases: &[
            "desapembangunandaerahtertinggaldantransmigrasi",
            "desapdtt",
            "desa",
        ],
    },
    Ministry {
        abbr: "ag",
        name: "Agama",
        aliases: &["agama", "ag"],
    },
    Ministry {
        abbr: "kominfo",
        name: "Komunikasi dan Informatika",
        aliases: &["komunikasidaninformatika", "kominfo"],
    },
    Ministry {
        abbr: "dag",
        name: "Perdagangan",
        aliases: &["perdagangan", "dag"],
    },
    Ministry {
        abbr: "perin",
        name: "Perindustrian",
        aliases: &["perindustrian", "perin"],
    },
    Ministry {
        abbr: "esdm",
        name: "Energi dan Sumber Daya Mineral",
        aliases: &["energidansumberdayamineral", "esdm"],
    },
    Ministry {
        abbr: "atrbpn",
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
        name: "Pemberdayaan Perempuan dan Perlindungan Anak",
        aliases: &["pemberdayaanperempuandanperlindungananak", "pppa"],
    },
    Ministry {
        abbr: "kp",
        name: "Kelautan dan Perikanan",
        aliases: &["kelautandanperikanan", "kp"],
    },
];

/// A lembaga (non-ministerial agency) whose regulations SOPs cite: the
/// abbreviation of its ids and text, and how authors write it, compacted
/// to lower-case letters as for [`Ministry`].
pub(super) struct Lembaga {
    pub abbr: &'static str,
    pub short: &'static str,
    aliases: &'static [&'static str],
}

pub(super) const LEMBAGA: &[Lembaga] = &[
    Lembaga {
        abbr: "bkn",
        short: "BKN",
        aliases: &["badankepegawaiannegara", "bkn"],
    },
    Lembaga {
        abbr: "lkpp",
        short: "LKPP",
        aliases: &[
            "lembagakebijakanpengadaanbarangjasapemerintah",
            "lembagakebijakanpengadaanbarangdanjasapemerintah",
            "lkpp",
        ],
    },
    Lembaga {
        abbr: "anri",
        short: "ANRI",
        aliases: &["arsipnasional", "arsipnasionalrepublikindonesia", "anri"],
    },
    Lembaga {
        abbr: "lan",
        short: "LAN",
        aliases: &["lembagaadministrasinegara", "lan"],
    },
    Lembaga {
        abbr: "bpkp",
        short: "BPKP",
        aliases: &["badanpengawasankeuangandanpembangunan", "bpkp"],
    },
    Lembaga {
        abbr: "bpom",
        short: "BPOM",
        aliases: &["badanpengawasobatdanmakanan", "bpom"],
    },
    Lembaga {
        abbr: "bps",
        short: "BPS",
        aliases: &["badanpusatstatistik", "bps"],
    },
    Lembaga {
        abbr: "bnpb",
        short: "BNPB",
        aliases: &["badannasionalpenanggulanganbencana", "bnpb"],
    },
    Lembaga {
        abbr: "bssn",
        short: "BSSN",
        aliases: &["badansiberdansandinegara", "bssn"],
    },
    Lembaga {
        abbr: "perpusnas",
        short: "Perpusnas",
        aliases: &[
            "perpustakaannasional",
            "perpustakaannasionalrepublikindonesia",
            "perpusnas",
        ],
    },
];

/// The lembaga named by `words` ("Badan Kepegawaian Negara", "BKN").
pub(super) fn lembaga(words: &str) -> Option<&'static Lembaga> {
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
pub(super) fn ministry(words: &str) -> Option<&'static Ministry> {
    let key = compact(words);
    MINISTRIES
        .iter()
        .find(|m| m.aliases.contains(&key.as_str()))
}
