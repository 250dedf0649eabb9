//! Singkatan: the abbreviations of Indonesian government procedures.
//!
//! A reader types what they remember: "kasubag", "SP2D", "LAKIP". The SOP may
//! say "Kepala Sub Bagian", "Surat Perintah Pencairan Dana" or "LKjIP". So
//! every page is indexed with the other forms of each abbreviation or long
//! form it contains, and is found by either.

use std::cell::RefCell;
use std::collections::BTreeMap;

// foldhash: looked up for every word of every SOP while indexing.
use hashbrown::HashMap;

use super::memo::{self, WordMemo};

/// The built-in groups: every spelling in a group stands for the same thing.
/// Shorts first, then long forms (a long form is any entry with a space).
/// Where one short has two common meanings (PPK, SPM), each meaning is its own
/// group: a page with the short gets both long forms (indexing a meaning the page
/// does not use costs less than missing the one it does), a page with one long
/// form gets only the short.
const BUILT_IN: &[&[&str]] = &[
    // Jabatan (positions)
    &[
        "Kasubbag",
        "Kasubag",
        "Kepala Sub Bagian",
        "Kepala Subbagian",
    ],
    &["Kabag", "Kepala Bagian"],
    &["Kabid", "Kepala Bidang"],
    &["Kasi", "Kasie", "Kepala Seksi"],
    &[
        "Kasubbid",
        "Kasubid",
        "Kepala Sub Bidang",
        "Kepala Subbidang",
    ],
    &["Kadis", "Kepala Dinas"],
    &["Kaban", "Kepala Badan"],
    &["Kabal", "Kepala Balai"],
    &["Kakan", "Kepala Kantor"],
    &["Kaur", "Kepala Urusan"],
    &["Sekda", "Sekretaris Daerah"],
    &["Setda", "Sekretariat Daerah"],
    &["Setdako", "Sekretariat Daerah Kota"],
    &["Setdakab", "Sekretariat Daerah Kabupaten"],
    &["Setdaprov", "Sekretariat Daerah Provinsi"],
    &["Sekdis", "Sekretaris Dinas"],
    &["Sekban", "Sekretaris Badan"],
    &["Sekwan", "Sekretaris DPRD"],
    &["Setwan", "Sekretariat DPRD"],
    &["Asda", "Asisten Daerah"],
    &["Wawali", "Wakil Wali Kota", "Wakil Walikota"],
    &["Wabup", "Wakil Bupati"],
    &["Wagub", "Wakil Gubernur"],
    &[
        "Jafung",
        "JFT",
        "Jabatan Fungsional Tertentu",
        "Jabatan Fungsional",
    ],
    &["JFU", "Jabatan Fungsional Umum"],
    &["PA", "Pengguna Anggaran"],
    &["KPA", "Kuasa Pengguna Anggaran"],
    &["PPK", "Pejabat Pembuat Komitmen"],
    &["PPK", "Pejabat Penatausahaan Keuangan"],
    &[
        "PPK-SKPD",
        "PPK SKPD",
        "Pejabat Penatausahaan Keuangan SKPD",
    ],
    &["PPTK", "Pejabat Pelaksana Teknis Kegiatan"],
    &["PPSPM", "Pejabat Penandatangan Surat Perintah Membayar"],
    &["PPKD", "Pejabat Pengelola Keuangan Daerah"],
    &["BUD", "Bendahara Umum Daerah"],
    &["KBUD", "Kuasa Bendahara Umum Daerah"],
    &[
        "PPHP",
        "Pejabat Penerima Hasil Pekerjaan",
        "Panitia Penerima Hasil Pekerjaan",
    ],
    &["PBJ", "Pengadaan Barang dan Jasa", "Pengadaan Barang/Jasa"],
    &[
        "UKPBJ",
        "Unit Kerja Pengadaan Barang/Jasa",
        "Unit Kerja Pengadaan Barang dan Jasa",
    ],
    &["ULP", "Unit Layanan Pengadaan"],
    &["Pokja", "Kelompok Kerja"],
    &["Tupoksi", "Tugas Pokok dan Fungsi"],
    &["Tusi", "Tugas dan Fungsi"],
    &["TU", "Tata Usaha"],
    &["Umpeg", "Umum dan Kepegawaian"],
    &["Renkeu", "Perencanaan dan Keuangan"],
    &["Renprog", "Perencanaan dan Program"],
    &["Evlap", "Evaluasi dan Pelaporan"],
    // Perencanaan dan kinerja (planning and performance)
    &["RKT", "Rencana Kinerja Tahunan", "Rencana Kerja Tahunan"],
    &["Renja", "Rencana Kerja"],
    &["Renstra", "Rencana Strategis"],
    &["RPJMD", "Rencana Pembangunan Jangka Menengah Daerah"],
    &["RPJPD", "Rencana Pembangunan Jangka Panjang Daerah"],
    &["RKPD", "Rencana Kerja Pemerintah Daerah"],
    &["Musrenbang", "Musyawarah Perencanaan Pembangunan"],
    &[
        "LKjIP",
        "LAKIP",
        "LKIP",
        "Laporan Kinerja Instansi Pemerintah",
        "Laporan Akuntabilitas Kinerja Instansi Pemerintah",
    ],
    &["SAKIP", "Sistem Akuntabilitas Kinerja Instansi Pemerintah"],
    &["PK", "Perjanjian Kinerja", "Penetapan Kinerja"],
    &["IKU", "Indikator Kinerja Utama"],
    &["LPPD", "Laporan Penyelenggaraan Pemerintahan Daerah"],
    &["LKPJ", "Laporan Keterangan Pertanggungjawaban"],
    &["SOP AP", "SOP Administrasi Pemerintahan"],
    &["SPI", "Sistem Pengendalian Intern"],
    &["SPIP", "Sistem Pengendalian Intern Pemerintah"],
    &["APIP", "Aparat Pengawasan Intern Pemerintah"],
    &["LHP", "Laporan Hasil Pemeriksaan"],
    &["BPK", "Badan Pemeriksa Keuangan"],
    &["BPKP", "Badan Pengawasan Keuangan dan Pembangunan"],
    &["SPM", "Surat Perintah Membayar"],
    &["SPM", "Standar Pelayanan Minimal"],
    &["SKM", "Survei Kepuasan Masyarakat"],
    &["RB", "Reformasi Birokrasi"],
    // Keuangan daerah (regional finance)
    &["APBD", "Anggaran Pendapatan dan Belanja Daerah"],
    &["APBN", "Anggaran Pendapatan dan Belanja Negara"],
    &["APBD-P", "APBD Perubahan", "Perubahan APBD"],
    &["KUA", "Kebijakan Umum Anggaran"],
    &["PPAS", "Prioritas dan Plafon Anggaran Sementara"],
    &["RKA", "Rencana Kerja dan Anggaran"],
    &["RKA-SKPD", "Rencana Kerja dan Anggaran SKPD"],
    &["DPA", "Dokumen Pelaksanaan Anggaran"],
    &["DPPA", "Dokumen Pelaksanaan Perubahan Anggaran"],
    &["SPD", "Surat Penyediaan Dana"],
    &["SPP", "Surat Permintaan Pembayaran"],
    &[
        "SPP-UP",
        "SPP UP",
        "Surat Permintaan Pembayaran Uang Persediaan",
    ],
    &["SPP-GU", "SPP GU", "Surat Permintaan Pembayaran Ganti Uang"],
    &[
        "SPP-TU",
        "SPP TU",
        "Surat Permintaan Pembayaran Tambahan Uang",
    ],
    &["SPP-LS", "SPP LS", "Surat Permintaan Pembayaran Langsung"],
    &["SP2D", "Surat Perintah Pencairan Dana"],
    &[
        "SPJ",
        "Surat Pertanggungjawaban",
        "Surat Pertanggung Jawaban",
    ],
    &["UP", "Uang Persediaan"],
    &["GU", "Ganti Uang"],
    &["LS", "Pembayaran Langsung"],
    &["SILPA", "Sisa Lebih Pembiayaan Anggaran"],
    &["LRA", "Laporan Realisasi Anggaran"],
    &["LKPD", "Laporan Keuangan Pemerintah Daerah"],
    &["CaLK", "Catatan atas Laporan Keuangan"],
    &["BKU", "Buku Kas Umum"],
    &["SIPD", "Sistem Informasi Pemerintahan Daerah"],
    &["PAD", "Pendapatan Asli Daerah"],
    &["BMD", "Barang Milik Daerah"],
    &["BMN", "Barang Milik Negara"],
    &["KIB", "Kartu Inventaris Barang"],
    &["HPS", "Harga Perkiraan Sendiri"],
    &["RAB", "Rencana Anggaran Biaya"],
    &["SPK", "Surat Perintah Kerja"],
    &["BAST", "Berita Acara Serah Terima"],
    &["BA", "Berita Acara"],
    &["PPh", "Pajak Penghasilan"],
    &["PPN", "Pajak Pertambahan Nilai"],
    &["NPWP", "Nomor Pokok Wajib Pajak"],
    &["SSP", "Surat Setoran Pajak"],
    &["STS", "Surat Tanda Setoran"],
    &["TPP", "Tambahan Penghasilan Pegawai"],
    // Lembaga (institutions)
    &["OPD", "Organisasi Perangkat Daerah"],
    &["SKPD", "Satuan Kerja Perangkat Daerah"],
    &["SKPKD", "Satuan Kerja Pengelola Keuangan Daerah"],
    &["Pemda", "Pemerintah Daerah"],
    &["Pemkot", "Pemerintah Kota"],
    &["Pemkab", "Pemerintah Kabupaten"],
    &["Pemprov", "Pemerintah Provinsi"],
    &["DPRD", "Dewan Perwakilan Rakyat Daerah"],
    &["Bappeda", "Badan Perencanaan Pembangunan Daerah"],
    &["BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"],
    &[
        "BPKPAD",
        "Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah",
    ],
    &["BKD", "Badan Kepegawaian Daerah"],
    &[
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    ],
    &["BKN", "Badan Kepegawaian Negara"],
    &["Inspektorat", "Itda", "Inspektorat Daerah"],
    &["Diskominfo", "Dinas Komunikasi dan Informatika"],
    &[
        "Disdukcapil",
        "Dukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
    ],
    &[
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    ],
    &["PTSP", "Pelayanan Terpadu Satu Pintu"],
    &["Satpol PP", "Satuan Polisi Pamong Praja"],
    &[
        "KemenPAN-RB",
        "KemenPANRB",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    ],
    &["Kemendagri", "Kementerian Dalam Negeri"],
    &["Kemenkeu", "Kementerian Keuangan"],
    &["JDIH", "Jaringan Dokumentasi dan Informasi Hukum"],
    &["PPID", "Pejabat Pengelola Informasi dan Dokumentasi"],
    // Kepegawaian (personnel)
    &["ASN", "Aparatur Sipil Negara"],
    &["PNS", "Pegawai Negeri Sipil"],
    &["PPPK", "P3K", "Pegawai Pemerintah dengan Perjanjian Kerja"],
    &["CPNS", "Calon Pegawai Negeri Sipil"],
    &["NIP", "Nomor Induk Pegawai"],
    &["NIK", "Nomor Induk Kependudukan"],
    &["KTP", "Kartu Tanda Penduduk"],
    &["KK", "Kartu Keluarga"],
    &["SKP", "Sasaran Kinerja Pegawai"],
    &["DP3", "Daftar Penilaian Pelaksanaan Pekerjaan"],
    &["SK", "Surat Keputusan"],
    &["KGB", "Kenaikan Gaji Berkala"],
    &["KP", "Kenaikan Pangkat"],
    &["Diklat", "Pendidikan dan Pelatihan"],
    &["Bimtek", "Bimbingan Teknis"],
    &["Juklak", "Petunjuk Pelaksanaan"],
    &["Juknis", "Petunjuk Teknis"],
    // Persuratan dan kearsipan (correspondence and records)
    &["ATK", "Alat Tulis Kantor"],
    &["Nodin", "ND", "Nota Dinas"],
    &["SPT", "Surat Perintah Tugas"],
    &["SPT", "Surat Pemberitahuan Tahunan"],
    &["SPPD", "Surat Perintah Perjalanan Dinas"],
    &["Perjadin", "Perjalanan Dinas"],
    &["SE", "Surat Edaran"],
    &["JRA", "Jadwal Retensi Arsip"],
    &["TNDE", "Tata Naskah Dinas Elektronik"],
    &["Srikandi", "Sistem Informasi Kearsipan Dinas Terintegrasi"],
    &["Ortala", "Organisasi dan Tata Laksana"],
    &["Prokopim", "Protokol dan Komunikasi Pimpinan"],
    &["Rakor", "Rapat Koordinasi"],
    &["Monev", "Monitoring dan Evaluasi"],
    &["Renaksi", "Rencana Aksi"],
];

/// The abbreviations used to index a handbook: the built-in list merged with
/// `Config::abbreviations`.
#[derive(Debug, Clone)]
pub struct Abbreviations {
    /// Each group: its forms as written, and each form as numbered words.
    groups: Vec<Group>,
    /// Every word of every form, lower-case, numbered: a page's words are
    /// looked up once each, then forms are compared as numbers.
    numbers: HashMap<String, u32>,
    /// Per word number, the (group, form) pairs starting with that word,
    /// so one pass over a page's words finds every form.
    starting_with: Vec<Vec<(usize, usize)>>,
    /// Tells this list from another in what each thread remembers of the
    /// words it has looked up.
    list: u64,
}

#[derive(Debug, Clone)]
struct Group {
    forms: Vec<Form>,
}

#[derive(Debug, Clone)]
struct Form {
    text: String,
    /// The numbers of its lower-case words.
    words: Vec<u32>,
    /// One- and two-letter shorts (TU, UP, LS, SE) only match in capitals,
    /// because in lower case they are ordinary words ("up", "se").
    capitals_only: bool,
}

impl Form {
    /// `text` as a form, its words numbered in `numbers` (new words are
    /// given the next number).
    fn new(text: &str, numbers: &mut HashMap<String, u32>) -> Option<Form> {
        let words = words_lower(text);
        if words.is_empty() {
            return None;
        }
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        let words = words
            .into_iter()
            .map(|w| {
                let next = numbers.len() as u32;
                *numbers.entry(w).or_insert(next)
            })
            .collect();
        Some(Form {
            text: text.trim().to_string(),
            words,
            capitals_only: letters <= 2 && !text.contains(' '),
        })
    }
}

impl Default for Abbreviations {
    fn default() -> Self {
        Abbreviations::new(&BTreeMap::new())
    }
}

impl Abbreviations {
    /// The built-in list, extended by `extra` (`SHORT: long form` from
    /// handbook.yaml). A handbook's own meaning of a short replaces the
    /// built-in one, since the agency knows what its SOPs mean by it.
    pub fn new(extra: &BTreeMap<String, String>) -> Abbreviations {
        let mut groups: Vec<Vec<String>> = BUILT_IN
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect();
        for (short, long) in extra {
            let (short_key, long_key) = (words_lower(short), words_lower(long));
            if short_key.is_empty() || long_key.is_empty() {
                continue;
            }
            for group in &mut groups {
                group.retain(|f| words_lower(f) != short_key || is_long(f));
            }
            match groups
                .iter_mut()
                .find(|g| g.iter().any(|f| words_lower(f) == long_key))
            {
                Some(group) => group.push(short.clone()),
                None => groups.push(vec![short.clone(), long.clone()]),
            }
        }
        let mut numbers = HashMap::new();
        let groups: Vec<Group> = groups
            .into_iter()
            .map(|g| Group {
                forms: g
                    .iter()
                    .filter_map(|f| Form::new(f, &mut numbers))
                    .collect(),
            })
            .filter(|g| g.forms.len() > 1)
            .collect();
        let mut starting_with = vec![Vec::new(); numbers.len()];
        for (gi, group) in groups.iter().enumerate() {
            for (fi, form) in group.forms.iter().enumerate() {
                starting_with[form.words[0] as usize].push((gi, fi));
            }
        }
        Abbreviations {
            groups,
            numbers,
            starting_with,
            list: memo::new_owner(),
        }
    }

    /// Each group's forms as written: for the search page, which marks in
    /// an excerpt the other forms of a word the reader typed.
    pub fn groups(&self) -> Vec<Vec<&str>> {
        self.groups
            .iter()
            .map(|g| g.forms.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    /// Number of groups (each an abbreviation with its spellings and long forms).
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The terms to index besides `text` so that the page is found by every
    /// form of each abbreviation or long form it contains: for "Kasubag
    /// Renkeu" that is "Kasubbag", "Kepala Sub Bagian", "Kepala Subbagian",
    /// "Perencanaan dan Keuangan". Forms already in the text are left out.
    /// Matching is by whole words, ignoring case (except for the shortest shorts).
    pub fn extra_terms(&self, text: &str) -> Vec<&str> {
        self.extra_terms_in(&[text])
    }

    /// [`Abbreviations::extra_terms`] of several texts (the fields of an SOP):
    /// a long form is never matched across two of them.
    pub fn extra_terms_in(&self, texts: &[&str]) -> Vec<&str> {
        let mut present = vec![Vec::<bool>::new(); self.groups.len()];
        // One buffer for the words of every text, one for their numbers.
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        SEEN.with_borrow_mut(|seen| {
            for text in texts {
                words.clear();
                numbers.clear();
                for word in tokens(text) {
                    words.push(word);
                    numbers.push(*seen.get_or_make(self.list, word, || self.number(word)));
                }
                self.mark_present(&words, &numbers, &mut present);
            }
        });
        let mut out = Vec::new();
        for (gi, seen) in present.iter().enumerate() {
            if seen.is_empty() {
                continue;
            }
            for (fi, form) in self.groups[gi].forms.iter().enumerate() {
                if !seen[fi] && !out.contains(&form.text.as_str()) {
                    out.push(form.text.as_str());
                }
            }
        }
        out
    }
}

impl Abbreviations {
    /// The number of `word` (as written) if some form has it, ignoring case.
    fn number(&self, word: &str) -> Option<u32> {
        // Lower-cased only when it has capitals, as the forms were.
        if word.chars().any(char::is_uppercase) {
            self.numbers.get(word.to_lowercase().as_str()).copied()
        } else {
            self.numbers.get(word).copied()
        }
    }

    /// Marks, per group, which of its forms occur in the words of one text,
    /// given with their numbers.
    fn mark_present(&self, words: &[&str], numbers: &[Option<u32>], present: &mut [Vec<bool>]) {
        for (i, number) in numbers.iter().enumerate() {
            let Some(number) = number else {
                continue;
            };
            for &(gi, fi) in &self.starting_with[*number as usize] {
                let form = &self.groups[gi].forms[fi];
                let Some(here) = numbers.get(i..i + form.words.len()) else {
                    continue;
                };
                if !here.iter().zip(&form.words).all(|(n, w)| *n == Some(*w)) {
                    continue;
                }
                if form.capitals_only && words[i].chars().any(char::is_lowercase) {
                    continue;
                }
                let seen = &mut present[gi];
                if seen.is_empty() {
                    seen.resize(self.groups[gi].forms.len(), false);
                }
                seen[fi] = true;
            }
        }
    }
}

thread_local! {
    /// The number in one list of abbreviations of each word a thread has
    /// looked up, as written: lower-casing each capitalised word to look it
    /// up was a fifth of matching.
    static SEEN: RefCell<WordMemo<Option<u32>>> = RefCell::default();
}

fn is_long(form: &str) -> bool {
    form.trim().contains(' ')
}

/// The words of `s` as the index sees them: runs of letters and digits.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn words_lower(s: &str) -> Vec<String> {
    tokens(s).map(str::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let abbreviations = Abbreviations::default();
        let terms = abbreviations.extra_terms(text);
        terms.into_iter().map(String::from).collect()
    }

    #[test]
    fn the_built_in_list_is_large_and_every_group_has_two_forms() {
        let a = Abbreviations::default();
        assert!(a.len() >= 60, "only {} groups", a.len());
        assert!(a.groups.iter().all(|g| g.forms.len() >= 2));
    }

    #[test]
    fn an_abbreviation_brings_its_long_form_and_other_spellings() {
        let t = terms("Disposisi kepada kasubag Renkeu untuk penyusunan RKT");
        for expected in [
            "Kasubbag",
            "Kepala Sub Bagian",
            "Perencanaan dan Keuangan",
            "Rencana Kinerja Tahunan",
        ] {
            assert!(t.iter().any(|x| x == expected), "{expected} missing: {t:?}");
        }
        // The form the page already has is not repeated.
        assert!(!t.iter().any(|x| x == "Kasubag"));
    }

    #[test]
    fn a_long_form_brings_its_abbreviation() {
        let t = terms("Kepala Sub Bagian Perencanaan menerbitkan Surat Perintah Pencairan Dana");
        assert!(t.contains(&"Kasubbag".to_string()), "{t:?}");
        assert!(t.contains(&"Kasubag".to_string()), "{t:?}");
        assert!(t.contains(&"SP2D".to_string()), "{t:?}");
    }

    #[test]
    fn matching_is_by_whole_words_and_ignores_case() {
        assert!(terms("sp2d diterbitkan").contains(&"Surat Perintah Pencairan Dana".to_string()));
        // "Kabid" inside another word is no abbreviation.
        assert!(terms("Kabidang").is_empty());
        assert!(terms("kepala sub").is_empty());
    }

    #[test]
    fn two_letter_abbreviations_match_only_in_capitals() {
        assert!(terms("tidak up to date").is_empty());
        assert!(terms("Sub Bagian TU").contains(&"Tata Usaha".to_string()));
    }

    #[test]
    fn the_handbook_extends_and_overrides_the_list() {
        let extra = BTreeMap::from([
            (
                "SIMDA".to_string(),
                "Sistem Informasi Manajemen Daerah".to_string(),
            ),
            ("PPK".to_string(), "Pejabat Pembuat Komitmen".to_string()),
            (
                "Kasubbagum".to_string(),
                "Kepala Sub Bagian Umum".to_string(),
            ),
        ]);
        let a = Abbreviations::new(&extra);
        assert_eq!(
            a.extra_terms("input ke SIMDA"),
            vec!["Sistem Informasi Manajemen Daerah"]
        );
        assert_eq!(a.extra_terms("PPK"), vec!["Pejabat Pembuat Komitmen"]);
        let t = a.extra_terms("diparaf Kepala Sub Bagian Umum");
        assert!(t.contains(&"Kasubbagum"), "{t:?}");
        // The built-in meaning of the long form's first words still applies.
        assert!(t.contains(&"Kasubbag"), "{t:?}");
    }

    #[test]
    fn two_lists_read_in_one_thread_keep_their_own_words() {
        let extra = BTreeMap::from([(
            "SIMDA".to_string(),
            "Sistem Informasi Manajemen Daerah".to_string(),
        )]);
        let (own, built_in) = (Abbreviations::new(&extra), Abbreviations::default());
        // Each list in turn, so a thread's remembered words change hands.
        for _ in 0..2 {
            assert_eq!(
                own.extra_terms("input ke SIMDA"),
                ["Sistem Informasi Manajemen Daerah"]
            );
            assert!(built_in.extra_terms("input ke SIMDA").is_empty());
        }
    }

    #[test]
    fn odd_input_gives_no_terms_and_no_panic() {
        assert!(terms("").is_empty());
        assert!(terms("—/—  ¿").is_empty());
        let a = Abbreviations::new(&BTreeMap::from([(" ".to_string(), "".to_string())]));
        assert!(a.extra_terms("apa saja").is_empty());
    }
}
