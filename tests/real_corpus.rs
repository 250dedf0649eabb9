//! The real corpus: tests/fixtures/real holds SOPs that thirteen agencies
//! published (a kelurahan, a kecamatan, dinas, madrasah, Kementerian Agama
//! offices, a pengadilan agama, puskesmas, BPS), transcribed as they are
//! printed. The binary builds it in the handbook folder, and every SOP's page
//! is read back field by field against the expectations below, which were
//! written from the papers (see each unit's _index.md for the source), not
//! from lajur's output.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use support::lajur_in as lajur;

/// What one paper shows, as its page must show it.
struct Paper {
    /// Content path of the SOP (its page is public/PATH/index.html).
    path: &'static str,
    /// The kop (the form's header lines), top to bottom, each once: the
    /// paper's own, or for a paper published without one (a web page) the
    /// agency lines its unit's _index.md gives.
    kop: &'static [&'static str],
    /// Nomor as shown on the form: "—" where the paper prints none.
    nomor: &'static str,
    nama: &'static str,
    /// (form label, date as the page shows it): only the dates on the paper.
    dates: &'static [(&'static str, &'static str)],
    /// Jabatan, nama and NIP of "Disahkan oleh", as far as printed.
    disahkan: &'static [&'static str],
    dasar_hukum: &'static [&'static str],
    steps: &'static [Step],
    /// The decisions: (step position, (label, target) for Ya, for Tidak);
    /// a target is a step position or "selesai".
    decisions: &'static [Decision],
    /// The total printed on the paper, shown as written.
    total_printed: Option<&'static str>,
    /// The sum of the paper's waktu column, when every row has one.
    total_sum: Option<&'static str>,
}

struct Step {
    /// The number printed beside the row ("" when the paper prints none).
    no: &'static str,
    kegiatan: &'static str,
    /// The lanes the activity is drawn in.
    lanes: &'static [&'static str],
}

struct Decision {
    step: usize,
    ya: (&'static str, &'static str),
    tidak: (&'static str, &'static str),
}

const fn s(no: &'static str, kegiatan: &'static str, lanes: &'static [&'static str]) -> Step {
    Step {
        no,
        kegiatan,
        lanes,
    }
}

const PAPERS: &[Paper] = &[
    Paper {
        path: "kelurahan-sei-putih-timur-i/pengurusan-surat-masuk",
        kop: &[
            "PEMERINTAH KOTA MEDAN",
            "KELURAHAN SEI PUTIH TIMUR-I",
            "KECAMATAN MEDAN PETISAH",
        ],
        nomor: "—",
        nama: "Pengurusan Surat Masuk",
        dates: &[
            ("Tanggal Pembuatan", "4 Januari 2015"),
            ("Tanggal Revisi", "4 Desember 2015"),
            ("Tanggal Efektif", "4 Januari 2016"),
        ],
        disahkan: &[
            "KEPALA KELURAHAN SEKIP",
            "YUDA PRATIWI SETIAWAN, S.STP, M.SP",
        ],
        dasar_hukum: &["Peraturan Walikota Medan Nomor 39 Tahun 2013 Tentang Tata Naskah Dinas"],
        steps: &[
            s(
                "1",
                "Menerima, mencatat dan melampirkan lembar disposisi.",
                &["JFU"],
            ),
            s(
                "2",
                "Memverifikasi surat masuk dan memberikan catatan",
                &["sekretaris"],
            ),
            s(
                "3",
                "Mencermati isi surat dan memberikan catatan",
                &["Lurah"],
            ),
            s(
                "4",
                "Mendistribusikan surat sesuai catatan disposisi",
                &["JFU"],
            ),
            s(
                "5",
                "Mencatat dan mengadministrasikan surat masuk",
                &["JFU"],
            ),
        ],
        decisions: &[Decision {
            step: 2,
            ya: ("Ya", "3"),
            tidak: ("Tidak", "1"),
        }],
        total_printed: Some("35"),
        total_sum: Some("35 menit"),
    },
    Paper {
        path: "mtsn-1-banjarnegara/pelayanan-pilam",
        kop: &[
            "KEMENTERIAN AGAMA REPUBLIK INDONESIA",
            "MADRASAH TSANAWIYAH NEGERI",
        ],
        nomor: "—",
        nama: "PELAYANAN PILAM",
        dates: &[
            ("Tanggal Pembuatan", "4 Januari 2024"),
            ("Tanggal Efektif", "9 Januari 2024"),
        ],
        disahkan: &["Kepala MTs Negeri"],
        dasar_hukum: &[
            "Permendagri Nomor 21/2011 tentang Perubahan Kedua atas Permendagri Nomor 13 2006 tentang Pedoman Pengelolaan Keuangan Daerah;",
            "Surat Keputusan Kepala MTs Negeri 1 Banjarnegara, Nomor : 1798 Tahun 2023 perihal pembagian tuas tambahan Guru dan Pegawai MTs Negeri 1 Banjarnegara",
        ],
        steps: &[
            s(
                "1",
                "Mempersilahkan tamu untuk duduk di ruang tunggu dan meminta kepada tamu untuk mengisi buku tamu",
                &["Pengadministrasi Umum"],
            ),
            s(
                "2",
                "Mengisi buku tamu, diserahkan kepada Pengadministrasian Umum",
                &["Tamu"],
            ),
            s(
                "3",
                "Melaporkan kedatangan tamu kepada Kepala Madrasah, Kepala Tata Usaha dan Pegawai",
                &["Pengadministrasi Umum"],
            ),
            s(
                "4",
                "Melakukan konsultasi dengan Kepala Madrasah, memberikan arahan. Jika tidak berkenan maka tamu ditolak. Jika berkenan, maka tamu dipersilahkan menemui Kepala Madrasah atau Pejabat/PNS lain yang dituju",
                &["Kasubbag Umum dan Kepegawaian"],
            ),
            s(
                "5",
                "Mengantarkan tamu untuk bertemu dengan pejabat sesuai dengan tujuan kedatangan.",
                &["Pengadministrasi Umum"],
            ),
        ],
        decisions: &[Decision {
            step: 4,
            ya: ("Ya", "5"),
            tidak: ("Tidak", "selesai"),
        }],
        total_printed: None,
        total_sum: Some("55 menit"),
    },
    Paper {
        path: "kemenag-kota-salatiga/pengelolaan-persediaan",
        kop: &[
            "KEMENTERIAN AGAMA RI",
            "KANTOR KEMENTERIAN AGAMA KOTA SALATIGA",
        ],
        nomor: "B- /Kd.11.32/1/KS.01.1/01/2019",
        nama: "Pengelolaan Persediaan",
        dates: &[
            ("Tanggal Pembuatan", "3 Januari 2020"),
            // The paper prints "-": no revision yet.
            ("Tanggal Revisi", "—"),
            ("Tanggal Efektif", "3 Januari 2020"),
        ],
        disahkan: &["Kepala Kantor", "Drs. H. Nurudin, M.Pd.I"],
        dasar_hukum: &[
            "PP No: 27 Tahun 2014",
            "PMK No: 29/PMK.06/2010",
            "PMK No: 218/KM.6/2013",
            "PMK No: 52/PMK.06/2016",
        ],
        steps: &[
            s("1", "Membuat Form BON ATK", &["BMN"]),
            s("2", "Pemohon Menulis permohonan ATK", &["Pemohon"]),
            s("3", "ACC dari Ka. Sub. Bagian Tata Usaha", &["Ka.Sub.Bag"]),
            s("4", "Mengambil ATK yang diminta", &["BMN"]),
            s("5", "Memberikan ATK kepada Pemohon", &["BMN"]),
            s(
                "6",
                "Melakukan Entri data Barang dalam Aplikasi Persediaan",
                &["BMN"],
            ),
        ],
        decisions: &[Decision {
            step: 3,
            ya: ("Ya", "4"),
            tidak: ("Tidak", "2"),
        }],
        total_printed: None,
        total_sum: Some("50 menit"),
    },
    Paper {
        path: "pa-kabupaten-kediri/pengelolaan-surat-masuk",
        kop: &[
            "MAHKAMAH AGUNG REPUBLIK INDONESIA",
            "Pengadilan Agama Kabupaten Kediri",
        ],
        nomor: "—",
        nama: "Pengelolaan Surat Masuk",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "1",
                "Menerima surat masuk dari Pos atau ekpeditur instansi.",
                &["Kasubag. Umum"],
            ),
            s(
                "2",
                "Membuka surat dan memberi paraf/jam dibalik surat.",
                &["Kasubag. Umum"],
            ),
            s("3", "Menyerahkan surat ke pencatat", &["Kasubag. Umum"]),
            s(
                "4",
                "Mengagenda surat dan membuat KK, Lembar Disposisi sesuai Kode surat",
                &["Pencatat surat"],
            ),
            s(
                "5",
                "Menyerahkan surat dengan kelengkapannya kepada Pansek untuk didisposisi.",
                &["Pencatat surat"],
            ),
            s(
                "6",
                "Menerima surat dan memparaf buku ekpedisi",
                &["Pansek"],
            ),
            s(
                "7",
                "Membawa surat ke pimpinan (KPTA/WAKAPTA) untuk mohon petunjuk (Surat Penting)",
                &["Pansek"],
            ),
            s(
                "8",
                "Mendisposisi surat biasa ke Pengolah (Wapan/Wasek)",
                &["Pansek"],
            ),
            s("9", "Menerima surat memparaf ekpedisi.", &["Wapan/ Wasek"]),
            s(
                "10",
                "Mempertegas disposisi Pansek kepada PM/Kasubag. Dan selanjutnya menyimpan lembar disposisi warna kuning(SEBAGAI ALAT KONTROL) dan menyerahkan dengan lembar pengantar surat biasa.",
                &["Wapan/ Wasek"],
            ),
            s(
                "11",
                "Menindaklanjuti surat apabila surat tersebut memerlukan jawaban dengan membuat konsep surat.",
                &["PM/Kasubag"],
            ),
            s(
                "13",
                "Apabila surat tersebut tidak perlu tindak lanjut disimpan dalam folder filling kabinet (aktif)",
                &["PM/Kasubag"],
            ),
        ],
        decisions: &[],
        total_printed: None,
        total_sum: Some("1 jam 25 menit"),
    },
    Paper {
        path: "bps-kabupaten-jembrana/administrasi-keuangan-non-survei",
        kop: &["BADAN PUSAT STATISTIK", "BPS Kabupaten Jembrana"],
        nomor: "—",
        nama: "SOP Administrasi Keuangan Non Survei",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "01",
                "PIC mengajukan usulan pengadaan barang untuk kegiatan berupa pengadaan barang",
                &["PIC"],
            ),
            s(
                "02",
                "Pembuatan SPJ di Aplikasi TK Online apabila kegiatan berupa pencairan gaji, tunjangan kinerja, gaji lainnya dan lembur",
                &["PIC"],
            ),
            s(
                "03",
                "PPK memeriksa apakah kegiatan pencairan dana sesuai dengan POK",
                &["PPK"],
            ),
            s("04", "PIC membuat KAK", &["PIC"]),
            s(
                "05",
                "PIC menyiapkan kelengkapan administrasi berdasarkan Kartu Kendali Administrasi",
                &["PIC"],
            ),
            s(
                "06",
                "Berdasarkan KAK, PIC/Pejabat Pengadaan melakukan pengadaan atau melakukan kegiatan pencairan gaji/tukin/lembur",
                &["PIC", "Pejabat Pengadaan"],
            ),
            s(
                "07",
                "Kelengkapan dokumen yang dikumpulkan oleh PIC sudah sesuai dengan kartu kendali administrasi",
                &["PIC"],
            ),
            s(
                "08",
                "PIC mengumpulkan dokumen ke PPK lalu verifikasi dokumen dilakukan oleh PPK",
                &["PPK"],
            ),
            s(
                "09",
                "Setelah dilakukan verifikasi dokumen oleh PPK, PPK menyerahkan kelengkapan administrasi kepada bendahara untuk dilakukan verifikasi.",
                &["PPK"],
            ),
            s(
                "10",
                "Bendahara menerima kelengkapan administrasi sebagai pendukung kelengkapan SPJ. Bendahara melakukan pengamprahan ke KPPN.",
                &["Bendahara"],
            ),
            s(
                "11",
                "Bendahara melakukan pengamprahan sampai SP2D terbit.",
                &["Bendahara"],
            ),
            s(
                "12",
                "Pengarsipan SPJ melalui Arsip digital (SISKA) dan arsip non digital (SEKAR) dilakukan oleh Subbagian umum.",
                &["Subbagian umum"],
            ),
        ],
        decisions: &[],
        total_printed: None,
        total_sum: None,
    },
    Paper {
        path: "puskesmas-dtp-plumbon/pendaftaran",
        kop: &["Pemerintah Kabupaten Cirebon", "UPT Puskesmas DTP Plumbon"],
        nomor: "C/VII/SOP/2016/096",
        nama: "PENDAFTARAN",
        dates: &[("Tanggal Pengesahan", "13 Mei 2016")],
        disahkan: &["dr. H. Edi Susanto", "19780424 200604 1 017"],
        dasar_hukum: &[
            "SK Kepala UPT Puskesmas DTP Plumbon Nomor C/VII/SK/2016/058 tentang Pelayanan Pendaftaran Pasien",
            "Peraturan Menteri Kesehatan RI Nomor 269/Menkes/Per/III/2008 tentang Rekam Medis",
            "Peraturan Menteri Kesehatan RI Nomor 75 Tahun 2014 tentang Pusat Kesehatan Masyarakat",
        ],
        steps: &[
            s(
                "1",
                "Petugas mempersilakan pasien mengambil nomor antrian",
                &["Petugas"],
            ),
            s(
                "2",
                "Petugas mempersilakan pasien duduk di ruang tunggu unit pendaftaran.",
                &["Petugas"],
            ),
            s(
                "3",
                "Petugas memanggil pasien sesuai nomor urut antrian.",
                &["Petugas"],
            ),
            s(
                "4",
                "Petugas menginput data dan mencatat di buku register pendaftaran.",
                &["Petugas"],
            ),
            s(
                "5",
                "Bagi pasien yang tidak mempunyai kartu BPJS ( umum ) petugas meminta pasien membayar retribusi sebesar Rp. 4.000 rupiah",
                &["Petugas"],
            ),
            s(
                "6",
                "Petugas mempersilakan pasien menunggu dipoli tujuan.",
                &["Petugas"],
            ),
            s(
                "7",
                "Petugas membuatkan rekam medik bagi pasien baru dan mecarikan rekam medik bagi pasien lama sesuai dengan nomor indeks pasien.",
                &["Petugas"],
            ),
            s(
                "8",
                "Petugas memberi tanda merah pada rekam medik untuk pasien lansia umur 60 ke atas dan pasien yang memerlukan penanganan segera.",
                &["Petugas"],
            ),
            s(
                "9",
                "Petugas mengurutkan rekam medik pasien sesuai dengan nomor urut antrian.",
                &["Petugas"],
            ),
            s(
                "10",
                "Petugas mengantarkan rekam medik ke masing-masing poli sesuai tujuan pasien.",
                &["Petugas"],
            ),
        ],
        decisions: &[],
        total_printed: None,
        total_sum: None,
    },
    Paper {
        path: "puskesmas-perhentian-raja/pemberian-imunisasi-injeksi-polio",
        kop: &["UPTD. PUSKESMAS PERHENTIAN RAJA"],
        nomor: "—",
        nama: "PEMBERIAN IMUNISASI INJEKSI POLIO",
        dates: &[],
        disahkan: &["dr. MHD. IKHSAN", "19780908 200904 1 001"],
        dasar_hukum: &[
            "Surat keputusan puskesmas no. tentang pelayanan klinis",
            "Modul pelatihan imunisasi bagi petugas puskesmas, Direktorat Jendral P2PL kemenkes RI, 2013",
        ],
        steps: &[
            s(
                "1",
                "Memeriksa kartu imunisasi/regitrasi sasaran",
                &["Petugas"],
            ),
            s("2", "Menilai kontra indikasi", &["Petugas"]),
            s(
                "3",
                "Memeriksa bahwa umur sasaran sesuai dengan vaksin yang akan didapatnya",
                &["Petugas"],
            ),
            s(
                "4",
                "Beritau ibu imunisasi yangdi berikan dan cara pemberiannya",
                &["Petugas"],
            ),
            s("5", "Petugas mencuci tangan", &["Petugas"]),
            s("6", "Petugas memasang hand scoon", &["Petugas"]),
            s(
                "7",
                "Petugas mengambil vaksin memakai spuit dengan jarum disposibel sesuai stanndar sebanyak 0,5 cc",
                &["Petugas"],
            ),
            s(
                "8",
                "Petugas membersihkan1/3 paha bagian luar dengan kapas yang telah dibasahi dengan air DTT, jangan menggunakan alkohol",
                &["Petugas"],
            ),
            s(
                "9",
                "Suntikan vaksin sebanyak 0,5 ml pada anterolateral paha dengan posisi jarum suntik 90˚c tehadap permukaan kulit",
                &["Petugas"],
            ),
            s(
                "10",
                "Lakukan aspirasi untuk memastikan jarum tidak menembus pembuluh darah",
                &["Petugas"],
            ),
            s(
                "11",
                "Suntikan pelan-pelan untuk mengurangi rasa sakit",
                &["Petugas"],
            ),
            s(
                "12",
                "Jangan memijat-mijat tempat suntikan, jika ada pendarahan kapas tetap ditekan pada lokasi suntikan hingga darah berhenti",
                &["Petugas"],
            ),
            s(
                "13",
                "Petugas membuang jarum bekas ke safety box tanpa recaping",
                &["Petugas"],
            ),
            s(
                "14",
                "Beri tahu pada pasien/keluarganya tentang kunjungan berikutnya",
                &["Petugas"],
            ),
            s("15", "Mencuci tangan setelah tindakan", &["Petugas"]),
            s(
                "16",
                "Tuliskan dengan lengkap setiap imunisasi pada kartu imunisasi /regritasi sasaran",
                &["Petugas"],
            ),
        ],
        decisions: &[],
        total_printed: None,
        total_sum: None,
    },
    Paper {
        path: "man-2-mojokerto/legalisir",
        kop: &["KEMENTERIAN AGAMA REPUBLIK INDONESIA", "MAN 2 Mojokerto"],
        nomor: "—",
        nama: "LEGALISIR IJAZAH/STTB/SURAT KETERANGAN PENGGANTI IJAZAH",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "1",
                "Pemohon mengisi Formulir Permohonan dan menyerahkan kelengkapan persyaratan yang telah ditetapkan kepada petugas FO",
                &["Pemohon"],
            ),
            s(
                "2",
                "Petugas FO menerima dan melakukan ceklist dokumen persyaratan. Jika persyaratan lengkap, petugas FO memberikan bukti tanda terima dan jika tidak lengkap, berkas dikembalikan",
                &["Petugas FO"],
            ),
            s(
                "3",
                "Dokumen diserahkan kepada petugas BO untuk diverifikasi dan divalidasi antara fotocopy dokumen yang akan disahkan dengan dokumen asli;",
                &["Petugas BO"],
            ),
            s(
                "4",
                "Apabila hasil verifikasi dan validasi tersebut dinyatakan telah sesuai dengan dokumen aslinya, petugas BO membubuhkan paraf persetujuan di atas dokumen fotocopy dan menyampaikan kepada Pejabat yang berwenang untuk membubuhkan tanda tangan pengesahan",
                &["Petugas BO"],
            ),
            s(
                "5",
                "Petugas BO memberikan nomor dan membubuhkan cap stempel pada fotocopy dokumen yang telah ditanda tangani pejabat yang berwenang",
                &["Petugas BO"],
            ),
            s(
                "6",
                "Petugas BO menyerahkan Legalisir ke petugas pengambilan dokumen",
                &["Petugas BO"],
            ),
            s(
                "7",
                "Petugas pengambilan dokumen memanggil pemohon sesuai nomor antrian, dan menyerahkan dokumen kepada pemohon dengan meminta tanda terima dokumen",
                &["Petugas pengambilan dokumen"],
            ),
            s(
                "8",
                "Pemohon mengisi buku tanda terima dokumen dan instrumen Survey Kepuasan Masyarakat (SKM)",
                &["Pemohon"],
            ),
        ],
        decisions: &[Decision {
            step: 2,
            ya: ("Lengkap", "3"),
            tidak: ("Tidak lengkap", "selesai"),
        }],
        total_printed: Some("10 Menit"),
        total_sum: None,
    },
    Paper {
        path: "kemenag-kabupaten-pasuruan/permohonan-usul-cuti",
        kop: &[
            "KEMENTERIAN AGAMA REPUBLIK INDONESIA",
            "Kantor Kementerian Agama Kabupaten Pasuruan",
        ],
        nomor: "—",
        nama: "Permohonan Usul Cuti Tahunan / Cuti Sakit / Cuti Besar / Cuti Melahirkan",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "1",
                "Pemohon menyerahkan berkas permohonan usul Cuti kepada petugas Front Office PTSP;",
                &["Pemohon"],
            ),
            s(
                "2",
                "Petugas Front Office PTSP memeriksa kelengkapan berkas permohonan, jika berkas permohonan lengkap akan diteruskan ke petugas Back Office PTSP, jika berkas permohonan tidak lengkap, akan dikembalikan kepada pemohon;",
                &["Petugas Front Office PTSP"],
            ),
            s(
                "3",
                "Petugas Back Office memproses pelayanan yang dimaksud;",
                &["Petugas Back Office PTSP"],
            ),
            s(
                "4",
                "Petugas Front Office menyerahkan layanankepada pemohon;",
                &["Petugas Front Office PTSP"],
            ),
            s(
                "5",
                "Pemohon mengisi instrumen Survey Kepuasan Masyarakat (SKM).",
                &["Pemohon"],
            ),
        ],
        decisions: &[Decision {
            step: 2,
            ya: ("Lengkap", "3"),
            tidak: ("Tidak lengkap", "selesai"),
        }],
        total_printed: Some("1 (satu) hari kerja"),
        total_sum: None,
    },
    Paper {
        path: "diskominfo-padang-lawas/permohonan-informasi",
        kop: &[
            "PEMERINTAH KABUPATEN PADANG LAWAS",
            "Dinas Komunikasi dan Informatika Kabupaten Padang Lawas",
        ],
        nomor: "—",
        nama: "SOP Permohonan Informasi",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "",
                "Pemohon informasi publik datang ke meja layanan informasi.",
                &["Pemohon"],
            ),
            s(
                "",
                "Pemohon mengisi formulirpermohonan informasi yang disediakan dengan melampirkan fotokopi identitas, atau akta badan hukum yang diwakili oleh pemohon.",
                &["Pemohon"],
            ),
            s(
                "",
                "Petugas memberikan tanda bukti penerimaan permintaan informasi publik kepada pemohon.",
                &["Petugas"],
            ),
            s(
                "",
                "Petugas memproses permintaan informasi publik dengan mencatat ke buku pendaftaran sesuai dengan formulir permintaan informasi publik yang telah ditandatangani oleh pemohon.",
                &["Petugas"],
            ),
            s(
                "",
                "Pejabat Pengelola Informasi dan Dokumntasi (PPID) mempertimbangkan pemohon informasi, apakah akan dipenuhi atau ditolak.",
                &["PPID"],
            ),
            s(
                "",
                "Permohonan informasi yang diterima selanjutnya akan diproses selambat-lambatnya selama 10 hari dengan waktu perpanjangan maksimal selama tujuh hari.",
                &["PPID"],
            ),
            s(
                "",
                "Petugas menyerahkan hasil informasi yang telah diproses kepada pemohon, setelah pemohon mengisi formulir tanda bukti penerimaan.",
                &["Petugas"],
            ),
            s(
                "",
                "Untuk permohonan informasi yang termasuk dalam ketegori informasi yang dikecualikan, PPID akan menolaknya dengan melampirkan alasan sesuai ketentuan peraturan perundang-undangan yang berlaku.",
                &["PPID"],
            ),
            s(
                "",
                "Apabila pemohon tidak puas dengan penolakan dari PPID, pemohon dapat mengajukan keberatan ke atasan PPID untuk mendapatkan jawaban yang lebih lengkap, kemudian bila pemohon masih belum puas terhadap jawaban tersebut, pemohon dapat mengajukan surat pengaduan sengketa yang ditujukan kepada Komisi Informasi.",
                &["Pemohon"],
            ),
        ],
        decisions: &[Decision {
            step: 5,
            ya: ("Dipenuhi", "6"),
            tidak: ("Ditolak", "8"),
        }],
        total_printed: None,
        total_sum: None,
    },
    Paper {
        path: "damkar-batang-hari/rka",
        kop: &[
            "Pemerintah Kabupaten Batang Hari",
            "Dinas Pemadam Kebakaran dan Penyelamatan",
        ],
        nomor: "—",
        nama: "RKA (Rencana Kerja Anggaran)",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "1",
                "Staf menerima surat masuk,di catat dan selanjutnya dimasukkan ke ruangan Kepla Dinas untuk dibuatkan disposisi sesuai maksud surat",
                &["Staf"],
            ),
            s(
                "2",
                "Kepala Bagian/Bidang menerima surat disposisi dari Kepala Dinas untuk ditindak lanjuti",
                &["Kepala Bagian/Bidang"],
            ),
            s(
                "3",
                "Kepala Bagian/Bidang menlanjutkan disposisi ke kasubbsg Tata Usaha untuk menyampaikan maksud surat",
                &["Kepala Bagian/Bidang"],
            ),
            s(
                "4",
                "Melaksanakan penyususnan konsep RKA masing-masing Bagian/Bidang",
                &["Kepala Bagian/Bidang"],
            ),
            s(
                "5",
                "Staf pelaksana mengetik konsep RKA",
                &["Staf pelaksana"],
            ),
            s(
                "6",
                "Kepala Sub Baguan Tata usaha mengoreksi Draft RKA",
                &["Kepala Sub Bagian Tata Usaha"],
            ),
            s(
                "7",
                "Kepala Bagian/Bidang mengajukan draft RKA kepada Kepala Dinas",
                &["Kepala Bagian/Bidang"],
            ),
            s(
                "8",
                "Staf pelaksana mengantar RKA le Bapperida dan Bakeuda",
                &["Staf pelaksana"],
            ),
            s(
                "9",
                "Pengarsipan RKA oleh Staf Pengelola",
                &["Staf Pengelola"],
            ),
        ],
        decisions: &[],
        total_printed: Some("1 Bulan"),
        total_sum: None,
    },
    Paper {
        path: "kecamatan-pendopo-barat/surat-keterangan-pindah-keluar",
        kop: &["Kecamatan Pendopo Barat"],
        nomor: "—",
        nama: "STANDAR PELAYANAN SURAT KETERANGAN PINDAH KELUAR",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[
            "UU No :23 Thn 2006 Tentang Administrasi Kependudukan",
            "Perpres No. 25 Thn 2008 Tentang Persyaratan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil",
            "Perpres No.26 Thn 2009 tentang Penerapan KTP Berbasis NIK secara Nasional 4.",
            "Perda Kota Medan No.1 Thn 2010 Tentang Penyelenggaraan Administrasi Kependudukan)",
        ],
        steps: &[
            s(
                "1",
                "Pemohon datang membawa persyaratan ke kantor Camat;",
                &["PEMOHON"],
            ),
            s("2", "Dilayani oleh petugas loket;", &["Petugas Loket"]),
            s(
                "3",
                "Diverifikasi dan di paraf oleh Kasi Pelayanan Umum;",
                &["Kasi Yanum"],
            ),
            s("4", "Di paraf oleh Sekcam;", &["Sekcam"]),
            s("5", "Ditandatangani oleh Camat;", &["Camat"]),
            s("6", "Berkas diberikan kepada pemohon.", &["Petugas Loket"]),
        ],
        decisions: &[],
        total_printed: Some("1 Minggu"),
        total_sum: None,
    },
    Paper {
        path: "dinas-kabupaten-melawi/pelayanan-surat-masuk",
        kop: &["Pemerintah Kabupaten Melawi"],
        nomor: "—",
        nama: "Pelayanan Surat Masuk",
        dates: &[],
        disahkan: &[],
        dasar_hukum: &[],
        steps: &[
            s(
                "1",
                "Tamu/Pengguna Layanan menuju ke petugas Informasi/TU;",
                &["Tamu/Pengguna Layanan"],
            ),
            s(
                "2",
                "Menyampaikan keperluan/ Menyerahkan Surat Masuk;",
                &["Tamu/Pengguna Layanan"],
            ),
            s(
                "3",
                "Surat Masuk diterima oleh petugas TU, didata dalam buku agenda surat masuk, lalu diberi lembar disposisi;",
                &["Petugas TU"],
            ),
            s(
                "4",
                "Surat Masuk diserahkan pada Sekretaris Dinas untuk didisposisi;",
                &["Sekretaris Dinas"],
            ),
            s(
                "5",
                "Surat Masuk diserahkan kepada Kepala Dinas untuk didisposisi;",
                &["Kepala Dinas"],
            ),
            s(
                "6",
                "Surat Masuk diserahkan pada bagian terkait sesuai disposisi;",
                &["Petugas TU"],
            ),
            s("7", "Surat masuk diarsipkan", &["Petugas TU"]),
        ],
        decisions: &[],
        total_printed: Some("1 Hari kerja"),
        total_sum: None,
    },
];

/// The corpus built by the binary, run in a copy of the handbook folder the
/// way an author runs it: the temp folder, and its public/ folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("real");
    copy_dir(&fixture(), &root);
    let (code, printed) = lajur(&root, &["build"]);
    assert_eq!(code, 0, "the real corpus must build:\n{printed}");
    assert!(
        !printed.contains(": error:"),
        "the real corpus builds with no errors:\n{printed}"
    );
    (dir, root.join("public"))
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

fn page(site: &Path, paper: &Paper) -> String {
    let file = site.join(paper.path).join("index.html");
    fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The visible text of an HTML fragment: tags dropped, entities decoded,
/// white space collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The HTML between the first `start` (after `from`) and the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)? + start.len();
    let j = html[i..].find(end)? + i;
    Some(&html[i..j])
}

/// The text of the `<dd>` that follows `<dt>LABEL</dt>` in the form's head.
fn form_value(html: &str, label: &str) -> Option<String> {
    let head = between(html, "class=\"form-head__meta\"", "</dl>")?;
    let dt = format!("<dt>{label}</dt>");
    between(head, &dt, "</dd>").map(|dd| text(dd.trim_start().trim_start_matches("<dd>")))
}

/// Every table row of the steps: (number cell, kegiatan cell) as text.
fn step_rows(html: &str) -> Vec<(String, String)> {
    let table = between(html, "<table class=\"steps\"", "</table>").expect("a steps table");
    let body = between(table, "<tbody>", "</tbody>").expect("a steps body");
    body.split("<tr ")
        .skip(1)
        .map(|row| {
            let no = between(row, "class=\"steps__no\">", "</th>")
                .map(|cell| {
                    // The hidden word "Langkah" before the number is for screen readers.
                    let word = "<span class=\"steps__word\">";
                    match cell.find(word) {
                        Some(i) => {
                            let after = &cell[i + word.len()..];
                            let close = after.find("</span>").map_or(0, |j| j + "</span>".len());
                            text(&format!("{}{}", &cell[..i], &after[close..]))
                        }
                        None => text(cell),
                    }
                })
                .unwrap_or_default();
            let kegiatan = between(row, "class=\"steps__kegiatan\"", "</td>")
                .map(|cell| {
                    let cell = &cell[cell.find('>').map_or(0, |i| i + 1)..];
                    let end = ["<ul", "<p "]
                        .iter()
                        .filter_map(|m| cell.find(m))
                        .min()
                        .unwrap_or(cell.len());
                    text(&cell[..end])
                })
                .unwrap_or_default();
            (no, kegiatan)
        })
        .collect()
}

/// The inline flowchart SVG of a page.
fn svg(html: &str) -> &str {
    let start = html.find("<svg").expect("an inline flowchart");
    let end = html[start..].find("</svg>").expect("a closed svg") + start;
    &html[start..end]
}

/// Every step symbol of an SVG: (data-step, data-jenis, data-lane).
fn symbols(svg: &str) -> Vec<(String, String, String)> {
    svg.split("<g ")
        .skip(1)
        .filter_map(|g| {
            let tag = format!(" {}", &g[..g.find('>')?]);
            let attr = |name: &str| between(&tag, &format!(" {name}=\""), "\"").map(str::to_string);
            Some((attr("data-step")?, attr("data-jenis")?, attr("data-lane")?))
        })
        .collect()
}

/// A role's slug: lower case, every run of other characters one dash.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[test]
fn the_corpus_holds_twelve_agencies_or_more() {
    let units: Vec<_> = fs::read_dir(fixture().join("content"))
        .expect("content")
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    assert!(units.len() >= 12, "{} agencies", units.len());
    for unit in &units {
        let index = fs::read_to_string(unit.path().join("_index.md")).expect("a unit _index.md");
        assert!(
            index.contains("<http"),
            "{}: the unit names its source URL",
            unit.path().display()
        );
    }
    // Every SOP of the corpus has its paper in the table above.
    let sops = walkdir::WalkDir::new(fixture().join("content"))
        .into_iter()
        .flatten()
        .filter(|e| {
            e.file_type().is_file()
                && e.file_name() != "_index.md"
                && e.path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "md")
        })
        .count();
    assert_eq!(sops, PAPERS.len());
}

#[test]
fn every_page_shows_the_identity_of_its_paper() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let at = paper.path;
        assert_eq!(
            form_value(&html, "Nomor SOP").as_deref(),
            Some(paper.nomor),
            "{at}: nomor"
        );
        assert_eq!(
            form_value(&html, "Nama SOP").as_deref(),
            Some(paper.nama),
            "{at}: nama"
        );
        for (label, shown) in paper.dates {
            assert_eq!(
                form_value(&html, label).as_deref(),
                Some(*shown),
                "{at}: {label}"
            );
        }
        if !paper.disahkan.is_empty() {
            let approver = form_value(&html, "Disahkan oleh").unwrap_or_default();
            for part in paper.disahkan {
                assert!(
                    approver.contains(part),
                    "{at}: disahkan oleh {approver:?} lacks {part:?}"
                );
            }
        }
        let citations: Vec<String> = between(&html, "<ol class=\"citations\">", "</ol>")
            .map(|ol| ol.split("<li>").skip(1).map(text).collect())
            .unwrap_or_default();
        let citations: Vec<&str> = citations
            .iter()
            .map(|c| c.strip_suffix("(tidak terbaca)").unwrap_or(c).trim_end())
            .collect();
        assert_eq!(citations, paper.dasar_hukum, "{at}: dasar hukum");
    }
}

#[test]
fn every_step_is_on_its_page_with_the_papers_number_and_text() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let rows = step_rows(&html);
        let want: Vec<(String, String)> = paper
            .steps
            .iter()
            .map(|s| (s.no.to_string(), s.kegiatan.to_string()))
            .collect();
        assert_eq!(rows, want, "{}: steps", paper.path);
    }
}

#[test]
fn the_flowchart_draws_each_step_in_its_lanes() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let drawn = symbols(svg(&html));
        for (i, step) in paper.steps.iter().enumerate() {
            let position = (i + 1).to_string();
            let mut lanes: Vec<String> = drawn
                .iter()
                .filter(|(n, _, _)| *n == position)
                // With roles_per_agency a lane is SATKER/ROLE.
                .map(|(_, _, lane)| lane.rsplit('/').next().unwrap_or(lane).to_string())
                .collect();
            lanes.sort();
            lanes.dedup();
            let mut want: Vec<String> = step.lanes.iter().map(|l| slug(l)).collect();
            want.sort();
            assert_eq!(lanes, want, "{}: lanes of step {position}", paper.path);
        }
        let positions: std::collections::BTreeSet<&str> =
            drawn.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            positions.iter().all(|n| n
                .parse::<usize>()
                .is_ok_and(|n| n >= 1 && n <= paper.steps.len())),
            "{}: symbols of steps the paper does not have: {positions:?}",
            paper.path
        );
    }
}

#[test]
fn decisions_branch_where_the_paper_says() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let chart = svg(&html);
        for d in paper.decisions {
            let step = d.step.to_string();
            assert!(
                symbols(chart)
                    .iter()
                    .any(|(n, jenis, _)| *n == step && jenis == "keputusan"),
                "{}: step {step} is drawn as a decision",
                paper.path
            );
            for (label, target) in [d.ya, d.tidak] {
                // The steps table names each branch and where it leads.
                let to = if target == "selesai" {
                    "prosedur selesai".to_string()
                } else {
                    format!("<a href=\"#langkah-{target}\">")
                };
                let branch = format!("<span class=\"branch__label\">{label}</span> → {to}");
                assert!(html.contains(&branch), "{}: branch {branch}", paper.path);
                let arrow = format!("data-from=\"{step}\" data-to=\"{target}\"");
                assert!(chart.contains(&arrow), "{}: arrow {arrow}", paper.path);
                assert!(
                    chart.contains(&format!(">{label}</text>")),
                    "{}: branch label {label:?}",
                    paper.path
                );
                if target == "selesai" {
                    // The branch ends in a terminator of its own, in the
                    // lane of the decision.
                    let lane = &paper.steps[d.step - 1].lanes[0];
                    let end = chart.split("<g ").find(|g| {
                        g[..g.find('>').unwrap_or(g.len())]
                            .contains(&format!(" data-end-of=\"{step}\""))
                    });
                    let end = end.unwrap_or_else(|| panic!("{}: no end terminator", paper.path));
                    assert!(
                        end.contains(&format!("/{}\"", slug(lane))),
                        "{}: the end terminator sits in the lane of {lane}",
                        paper.path
                    );
                }
            }
        }
        // A paper without decisions draws none.
        if paper.decisions.is_empty() {
            assert!(
                !chart.contains("data-jenis=\"keputusan\""),
                "{}: no decision",
                paper.path
            );
        }
    }
}

#[test]
fn the_total_waktu_is_the_papers() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let total = between(&html, "class=\"total-waktu\"", "</p>").map(text);
        for want in paper.total_printed.iter().chain(&paper.total_sum) {
            let total = total.as_deref().unwrap_or_default();
            assert!(
                total.contains(want),
                "{}: total waktu {total:?} shows {want:?}",
                paper.path
            );
        }
    }
}

#[test]
fn check_warns_only_of_what_an_author_can_act_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("real");
    copy_dir(&fixture(), &root);
    let (code, printed) = lajur(&root, &["check"]);
    assert_eq!(code, 0, "{printed}");
    let warnings: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains(": warning:"))
        .collect();
    for warning in &warnings {
        assert!(
            ACTIONABLE.iter().any(|w| warning.contains(w)),
            "a warning the author cannot act on: {warning}"
        );
    }
    // Each unread citation says what to do with that line: the Perhentian
    // Raja paper leaves its SK's number blank, and cites a training module.
    let lines: Vec<&str> = printed.lines().collect();
    let hint_after = |i: usize| -> &str {
        lines[i..]
            .iter()
            .find(|l| l.trim_start().starts_with("= hint:"))
            .copied()
            .unwrap_or_default()
    };
    let mut citations = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.contains("cannot read this citation") {
            continue;
        }
        citations += 1;
        let want = if line.contains(" no. tentang") {
            "is blank on the paper"
        } else {
            "not a regulation"
        };
        assert!(hint_after(i).contains(want), "{line}: {}", hint_after(i));
    }
    assert_eq!(citations, 2, "{printed}");
    // The papers without a number are each reported once.
    let unnumbered = PAPERS.iter().filter(|p| p.nomor == "—").count();
    let nomor_warnings = warnings
        .iter()
        .filter(|w| w.contains(NOMOR_WARNING))
        .count();
    assert_eq!(nomor_warnings, unnumbered, "{printed}");
}

/// The warning for an SOP without nomor (eleven papers print none).
const NOMOR_WARNING: &str = "the SOP has no nomor";

/// The warnings the corpus keeps, each one an author can act on: give the
/// SOP its number, or fix a dasar hukum line that names no regulation (the
/// Perhentian Raja paper cites a surat keputusan whose number is blank, and a
/// training module).
const ACTIONABLE: &[&str] = &[NOMOR_WARNING, "cannot read this citation"];

/// The SOP's source in the fixture (its transcription of the paper) and its
/// unit's front matter, read as plain YAML, not by lajur.
fn source(paper: &Paper) -> (serde_json::Value, serde_json::Value) {
    let content = fixture().join("content");
    let yaml = content.join(format!("{}.yaml", paper.path));
    let text = match fs::read_to_string(&yaml) {
        Ok(text) => text,
        Err(_) => front_matter(&content.join(format!("{}.md", paper.path))),
    };
    let unit = Path::new(paper.path).parent().expect("a unit folder");
    let unit = front_matter(&content.join(unit).join("_index.md"));
    let read = |text: &str| -> serde_json::Value {
        serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", paper.path))
    };
    (read(&text), read(&unit))
}

fn front_matter(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let body = text.strip_prefix("---\n").expect("front matter");
    body[..body.find("\n---").expect("closing ---")].to_string()
}

/// White space collapsed, as a browser shows text.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A field written as one text or a list (a keterkaitan outside the handbook
/// as `{teks}`), as the lines the paper prints; missing or empty: none.
fn written_lines(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    let one = |v: &Value| match v {
        Value::String(s) => collapsed(s),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => map
            .get("teks")
            .or_else(|| map.get("ref"))
            .and_then(Value::as_str)
            .map(collapsed)
            .unwrap_or_default(),
        other => panic!("unexpected {other}"),
    };
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(one).collect(),
        Some(v) => vec![one(v)].into_iter().filter(|s| !s.is_empty()).collect(),
    }
}

/// The lines of an item list on the page: each `<li>` (without its badge),
/// else the one paragraph; "—" (nothing on the paper) is none.
fn shown_lines(html: &str) -> Vec<String> {
    if html.contains("class=\"empty\"") {
        return Vec::new();
    }
    if html.contains("<li") {
        return html
            .split("<li")
            .skip(1)
            .map(|li| {
                let li = &li[li.find('>').map_or(0, |i| i + 1)..];
                let li = &li[..li.find("</li>").unwrap_or(li.len())];
                text(&li[..li.find("<span class=\"badge").unwrap_or(li.len())])
            })
            .collect();
    }
    let shown = text(html);
    if shown.is_empty() {
        Vec::new()
    } else {
        vec![shown]
    }
}

/// The kop lines of the screen form and of the printed form.
fn kop_lines(html: &str) -> (Vec<String>, Vec<String>) {
    let lines = |block: Option<&str>, class: &str| -> Vec<String> {
        block
            .unwrap_or_default()
            .split(&format!("class=\"{class}"))
            .skip(1)
            .map(|p| text(&p[p.find('>').map_or(0, |i| i + 1)..p.find("</p>").unwrap_or(p.len())]))
            .collect()
    };
    (
        lines(
            between(html, "class=\"form-head__lines\"", "</div>"),
            "form-head__line",
        ),
        lines(
            between(html, "class=\"print-ident__kop\"", "</td>"),
            "print-ident__line",
        ),
    )
}

/// The kop: the paper's lines top to bottom, on screen and in print, never
/// one line twice (the same up to case and punctuation).
#[test]
fn every_kop_prints_the_papers_lines_once() {
    let (_dir, site) = built();
    let key = |line: &str| -> String {
        line.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    for paper in PAPERS {
        let html = page(&site, paper);
        let (screen, print) = kop_lines(&html);
        assert_eq!(screen, paper.kop, "{}: kop", paper.path);
        assert_eq!(print, paper.kop, "{}: printed kop", paper.path);
        let mut keys: Vec<String> = screen.iter().map(|l| key(l)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), screen.len(), "{}: a kop line twice", paper.path);
    }
}

/// Kualifikasi, keterkaitan, peralatan, peringatan and pencatatan: each
/// line the paper prints, in its order, on the page and on the printed form.
#[test]
fn every_page_shows_the_lists_of_its_paper() {
    let (_dir, site) = built();
    let fields = [
        ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
        ("keterkaitan", "Keterkaitan"),
        ("peralatan", "Peralatan/Perlengkapan"),
        ("peringatan", "Peringatan"),
        ("pencatatan", "Pencatatan dan Pendataan"),
    ];
    let mut shown_somewhere = 0;
    for paper in PAPERS {
        let html = page(&site, paper);
        let (sop, _) = source(paper);
        let print = between(&html, "class=\"print-pairs\"", "</table>").expect("printed pairs");
        for (key, label) in fields {
            let want = written_lines(sop.get(key));
            shown_somewhere += want.len();
            let cell = between(&html, &format!("<h3>{label}</h3>"), "</section>")
                .unwrap_or_else(|| panic!("{}: no {label}", paper.path));
            assert_eq!(shown_lines(cell), want, "{}: {label}", paper.path);
            // The printed form: the cell under the label's <th>, by column.
            let heads = print
                .split("<tr>")
                .position(|row| row.contains(&format!("<th>{label}:</th>")))
                .unwrap_or_else(|| panic!("{}: no printed {label}", paper.path));
            let row = print.split("<tr>").nth(heads).expect("the label row");
            let column = row
                .split("<th>")
                .skip(1)
                .position(|th| th.starts_with(&format!("{label}:")))
                .expect("column");
            let cells = print.split("<tr>").nth(heads + 1).expect("the value row");
            let printed = cells
                .split("<td>")
                .nth(column + 1)
                .expect("the printed cell");
            let printed = &printed[..printed.find("</td>").unwrap_or(printed.len())];
            assert_eq!(
                shown_lines(printed),
                want,
                "{}: printed {label}",
                paper.path
            );
        }
    }
    assert!(shown_somewhere > 30, "the corpus prints these lists");
}

/// Per step, the Mutu Baku the paper prints: kelengkapan, waktu (a bare
/// number with the SOP's satuan_waktu, as "5 menit") and output.
#[test]
fn every_step_shows_the_mutu_baku_of_its_paper() {
    let (_dir, site) = built();
    let mut cells_checked = 0;
    for paper in PAPERS {
        let html = page(&site, paper);
        let (sop, unit) = source(paper);
        let satuan = sop
            .get("satuan_waktu")
            .or_else(|| unit.get("satuan_waktu"))
            .and_then(|v| v.as_str());
        let table = between(&html, "<table class=\"steps\"", "</table>").expect("a steps table");
        let rows: Vec<&str> = table.split("<tr id=\"langkah-").skip(1).collect();
        let steps = sop["langkah"].as_array().expect("langkah");
        assert_eq!(rows.len(), steps.len(), "{}: rows", paper.path);
        for (i, (row, step)) in rows.iter().zip(steps).enumerate() {
            let cell = |label: &str| -> Vec<String> {
                let cell = between(row, &format!("data-label=\"{label}\""), "</td>")
                    .unwrap_or_else(|| panic!("{}: step {}: no {label}", paper.path, i + 1));
                shown_lines(&cell[cell.find('>').map_or(0, |j| j + 1)..])
            };
            let mut waktu = written_lines(step.get("waktu"));
            if let (Some(unit), [w]) = (satuan, waktu.as_mut_slice())
                && w.chars().all(|c| c.is_ascii_digit() || c == ',')
            {
                *w = format!("{w} {unit}");
            }
            for (label, want) in [
                ("Kelengkapan", written_lines(step.get("kelengkapan"))),
                ("Waktu", waktu),
                ("Output", written_lines(step.get("output"))),
            ] {
                cells_checked += want.len();
                assert_eq!(cell(label), want, "{}: step {}: {label}", paper.path, i + 1);
            }
        }
    }
    assert!(
        cells_checked >= 50,
        "the corpus prints mutu baku: {cells_checked}"
    );
}

/// A paper without a number: "—" in the Nomor field of the form and of the
/// printed form, and nothing in its place above or before the title.
#[test]
fn an_sop_without_nomor_shows_a_dash_only_in_the_nomor_field() {
    let (_dir, site) = built();
    let unnumbered: Vec<&Paper> = PAPERS.iter().filter(|p| p.nomor == "—").collect();
    assert!(unnumbered.len() >= 5);
    for paper in unnumbered {
        let html = page(&site, paper);
        let at = paper.path;
        assert_eq!(form_value(&html, "Nomor SOP").as_deref(), Some("—"), "{at}");
        assert_eq!(
            between(&html, "class=\"print-ident__nomor\">", "</td>")
                .map(text)
                .as_deref(),
            Some("—"),
            "{at}: printed nomor"
        );
        let header = between(&html, "<header class=\"page-header sop-header\">", "<h1>")
            .expect("the SOP header");
        assert_eq!(text(header), "", "{at}: above the title");
        let caption = between(&html, "class=\"print-page__caption\"><span>", "</span>")
            .expect("the flowchart page caption");
        assert_eq!(text(caption), paper.nama, "{at}: printed caption");
        let footer = between(&html, "@bottom-left { content: \"", "\"").expect("print footer");
        assert_eq!(footer, paper.nama, "{at}: printed footer");
        assert!(!html.contains("— ·"), "{at}");
    }
    // A role page heads each SOP by its nama alone when it has no nomor.
    let role = fs::read_to_string(
        site.join("pelaksana/madrasah-tsanawiyah-negeri/pengadministrasi-umum/index.html"),
    )
    .expect("the role page");
    let heading = between(&role, "<h2 id=\"sop-1-judul\">", "</h2>").expect("the SOP heading");
    assert_eq!(text(heading), "PELAYANAN PILAM", "{role}");
}
