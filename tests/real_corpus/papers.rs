//! The papers of the corpus, as their pages must show them: written from
//! the papers (see each unit's _index.md for the source), not from lajur's
//! output.

use crate::{Decision, Paper, s};

pub const PAPERS: &[Paper] = &[
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
