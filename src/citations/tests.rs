//! The reading of real dasar_hukum lines, end to end: ids, parts, names.

use super::*;
use crate::model::RegulationKind;
use RegulationKind as K;

/// (line, id, kind).
#[rustfmt::skip]
const IDS: &[(&str, Option<&str>, Option<RegulationKind>)] = &[
    // The four spellings docs/format.md names.
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
