//! The words synthetic SOPs are made of: agencies, bidang and seksi,
//! roles, the verbs and objects of steps, names, waktu, decisions.

pub(super) const AGENCIES: &[(&str, &str)] = &[
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Koperasi dan Usaha Kecil Menengah", "Diskop"),
    (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
    ),
    ("Dinas Pemuda dan Olahraga", "Dispora"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispersip"),
    ("Dinas Kelautan dan Perikanan", "DKP"),
    ("Dinas Pariwisata", "Dispar"),
    ("Dinas Kehutanan", "Dishut"),
    ("Dinas Energi dan Sumber Daya Mineral", "DESDM"),
    ("Dinas Perdagangan", "Disdag"),
    ("Dinas Perindustrian", "Disperin"),
    ("Dinas Tanaman Pangan dan Hortikultura", "DTPH"),
    ("Dinas Perkebunan dan Peternakan", "Disbunnak"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Pendapatan Daerah", "Bapenda"),
    ("Badan Kepegawaian Daerah", "BKD"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("Inspektorat Daerah", "Inspektorat"),
    ("Sekretariat Daerah", "Setda"),
    ("Sekretariat DPRD", "Setwan"),
    ("Satuan Polisi Pamong Praja", "Satpol PP"),
];

pub(super) const BIDANG: &[&str] = &[
    "Sekretariat",
    "Perencanaan dan Evaluasi",
    "Pelayanan",
    "Pengendalian dan Pengawasan",
    "Pembinaan dan Pengembangan",
    "Sarana dan Prasarana",
    "Data dan Informasi",
    "Pemberdayaan Masyarakat",
];

pub(super) const SEKSI: &[&str] = &[
    "Umum dan Kepegawaian",
    "Keuangan",
    "Program dan Pelaporan",
    "Perizinan",
    "Pengaduan",
    "Monitoring",
    "Standardisasi",
    "Kerja Sama",
    "Pendataan",
    "Penyuluhan",
];

/// The staff roles every agency has, beside its heads.
pub(super) const STAFF: &[(&str, Option<&str>)] = &[
    ("Staf Pelaksana", None),
    ("Pengadministrasi Umum", None),
    ("Bendahara Pengeluaran", None),
    ("Pengelola Data", None),
    ("Analis Kebijakan", None),
    ("Verifikator Keuangan", None),
    ("Pejabat Pembuat Komitmen", Some("PPK")),
    ("Pejabat Pengelola Informasi dan Dokumentasi", Some("PPID")),
];

/// The public: the first lane of a service SOP.
pub(super) const APPLICANTS: &[&str] = &["Pemohon", "Masyarakat", "Pegawai Pemohon", "Badan Usaha"];

pub(super) const VERBS: &[&str] = &[
    "Menerima",
    "Memeriksa",
    "Memverifikasi",
    "Menyusun",
    "Mengoreksi",
    "Menandatangani",
    "Mengarsipkan",
    "Menyampaikan",
    "Mengkompilasikan",
    "Meneliti",
    "Menginput",
    "Mendistribusikan",
    "Membahas",
    "Menetapkan",
    "Mengevaluasi",
    "Mencetak",
    "Mendisposisikan",
    "Menyerahkan",
];

pub(super) const OBJECTS: &[&str] = &[
    "berkas permohonan",
    "surat masuk",
    "nota dinas",
    "rencana kerja tahunan",
    "laporan kinerja",
    "dokumen pelaksanaan anggaran",
    "surat perintah membayar",
    "data pegawai",
    "usulan kegiatan",
    "laporan pertanggungjawaban",
    "rekomendasi teknis",
    "izin usaha",
    "pengaduan masyarakat",
    "daftar hadir rapat",
    "berita acara pemeriksaan",
    "surat keputusan",
    "rencana pengadaan barang dan jasa",
    "kartu inventaris barang",
    "laporan keuangan",
    "permohonan informasi publik",
    "data kependudukan",
    "hasil monitoring",
    "notula rapat koordinasi",
    "dokumen kontrak",
];

pub(super) const QUALIFIERS: &[&str] = &[
    "sesuai ketentuan yang berlaku",
    "beserta kelengkapan persyaratannya",
    "dari masing-masing bidang",
    "melalui aplikasi SIPD",
    "untuk diteruskan kepada pimpinan",
    "dan mencatatnya dalam buku agenda",
    "secara elektronik",
    "paling lambat akhir bulan berjalan",
    "dengan memperhatikan standar pelayanan",
    "",
    "",
    "",
];

pub(super) const NAMES: &[&str] = &[
    "Pelayanan",
    "Penyusunan",
    "Penerbitan",
    "Pengelolaan",
    "Verifikasi",
    "Penanganan",
    "Pengajuan",
    "Pelaporan",
    "Pemeriksaan",
    "Pengadaan",
];

pub(super) const WAKTU: &[&str] = &[
    "5 menit", "10 menit", "15 menit", "30 menit", "1 jam", "2 jam", "1 hari", "2 hari",
    "1-2 hari", "3 hari", "1,5 jam",
];

pub(super) const DECISIONS: &[(&str, &str)] = &[
    ("Ya", "Tidak"),
    ("Lengkap", "Tidak lengkap"),
    ("Disetujui", "Perlu perbaikan"),
    ("Sesuai", "Tidak sesuai"),
];

pub(super) const HUBUNGAN: &[&str] = &["terkait", "prasyarat", "lanjutan", "bagian-dari"];
