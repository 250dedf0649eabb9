//! The keys of an SOP file: for each, its name, its label on the SOP AP form,
//! what an author writes there (in Indonesian, the authors' language) and the
//! shape of its value.
//!
//! The loader reads an SOP with exactly these names (`SOP_KEYS` and the
//! others in sop/mod.rs are taken from these tables), and the JSON Schema an
//! editor checks the file with (docs/sop.source.schema.json, from
//! [`super::schema`]) is written from them: a key the loader learns is in the
//! schema, with its description, or the build does not compile.

/// One key of a map in the source format.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    /// The label of the form ("Nomor SOP"), a short title in the editor.
    pub label: &'static str,
    /// What to write, in Indonesian, shown when the author hovers the key.
    pub about: &'static str,
    pub shape: Shape,
    pub required: bool,
}

/// What a value may be, as the loader reads it. A YAML scalar of any type is
/// text to the loader (`waktu: 5`, `nomor: 12` are read as their text), and
/// an empty value is no value.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// One text.
    Text,
    /// One text or a list of texts.
    TextOrList,
    /// true or false (also ya/tidak, yes/no).
    Flag,
    /// One date, in any of the forms of docs/format.md.
    Date,
    /// One date or a list of dates.
    DateOrList,
    /// One of these words, any case.
    Choice(&'static [&'static str]),
    /// One of these words or a list of them.
    ChoiceOrList(&'static [&'static str]),
    /// A suggested word (a unit of waktu); the loader checks the rest.
    Suggested(&'static [&'static str]),
    /// A map with these keys and no others.
    Map(&'static [Key]),
    /// A list whose items are any of these shapes.
    ListOf(&'static [Shape]),
    /// Any of these shapes.
    AnyOf(&'static [Shape]),
    /// Where an arrow leads: a step number or id, `selesai`, or `{ke, pelaksana}`.
    Target,
}

/// The names of `keys`, in order, for the loader's checks of unknown keys.
pub const fn names<const N: usize>(keys: &[Key]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = keys[i].name;
        i += 1;
    }
    out
}

const fn key(name: &'static str, label: &'static str, about: &'static str, shape: Shape) -> Key {
    Key {
        name,
        label,
        about,
        shape,
        required: false,
    }
}

const fn required(
    name: &'static str,
    label: &'static str,
    about: &'static str,
    shape: Shape,
) -> Key {
    Key {
        required: true,
        ..key(name, label, about, shape)
    }
}

pub const JENIS: &[&str] = &["mulai", "proses", "keputusan", "selesai"];
pub const ALUR: &[&str] = &["bersama", "berurutan"];
pub const HUBUNGAN: &[&str] = &["terkait", "prasyarat", "lanjutan", "bagian-dari"];
pub const JUDUL_LAJUR: &[&str] = &["nama", "singkatan"];
/// The units of waktu an editor suggests; the loader knows their short forms too.
const SATUAN_WAKTU: &[&str] = &[
    "detik", "menit", "jam", "hari", "minggu", "pekan", "bulan", "tahun",
];

pub const APPROVER: &[Key] = &[
    key(
        "jabatan",
        "Jabatan",
        "Jabatan pejabat yang mengesahkan, misalnya Sekretaris Daerah.",
        Shape::Text,
    ),
    key(
        "nama",
        "Nama",
        "Nama pejabat dengan gelarnya, seperti di bawah tanda tangan.",
        Shape::Text,
    ),
    key(
        "nip",
        "NIP",
        "NIP pejabat; tulis dalam tanda kutip agar spasinya tetap: \"19700101 199001 1 001\".",
        Shape::Text,
    ),
];

pub const LANE: &[Key] = &[
    required(
        "nama",
        "Nama jabatan",
        "Nama jabatan pelaksana, judul lajur bagan alir.",
        Shape::Text,
    ),
    key(
        "singkatan",
        "Singkatan",
        "Singkatan jabatan (Kasubbag Umum); langkah boleh menyebut nama atau singkatannya.",
        Shape::Text,
    ),
];

pub const RELATION: &[Key] = &[
    key(
        "ref",
        "SOP terkait",
        "SOP di buku pedoman ini: nomor, nama, atau jalur berkasnya (bagian-umum/surat-masuk).",
        Shape::Text,
    ),
    key(
        "hubungan",
        "Hubungan",
        "terkait (bawaan), prasyarat, lanjutan atau bagian-dari.",
        Shape::Choice(HUBUNGAN),
    ),
    key(
        "teks",
        "Teks",
        "Sesuatu di luar buku pedoman ini (SOP instansi lain, dokumen), ditulis apa adanya; tanpa ref.",
        Shape::Text,
    ),
    key(
        "url",
        "Tautan",
        "Alamat http(s) untuk teks di luar buku pedoman.",
        Shape::Text,
    ),
];

pub const TARGET: &[Key] = &[
    required(
        "ke",
        "Ke langkah",
        "Nomor atau id langkah yang dituju.",
        Shape::Text,
    ),
    required(
        "pelaksana",
        "Pelaksana",
        "Lajur simbol yang dituju pada langkah berurutan itu.",
        Shape::Text,
    ),
];

pub const STEP: &[Key] = &[
    required(
        "kegiatan",
        "Kegiatan",
        "Uraian kegiatan langkah ini.",
        Shape::Text,
    ),
    required(
        "pelaksana",
        "Pelaksana",
        "Siapa yang melakukan: nama atau singkatan salah satu lajur; daftar untuk kegiatan bersama.",
        Shape::TextOrList,
    ),
    key(
        "id",
        "Id",
        "Nama langkah yang dapat dituju dari langkah lain (ya, tidak, lanjut) selain nomornya.",
        Shape::Text,
    ),
    key(
        "jenis",
        "Jenis simbol",
        "mulai, proses, keputusan atau selesai. Bawaan: langkah pertama mulai, terakhir selesai, lainnya proses. Dengan alur berurutan boleh daftar, satu per pelaksana.",
        Shape::ChoiceOrList(JENIS),
    ),
    key(
        "ya",
        "Ya",
        "Untuk keputusan: langkah tujuan bila \"Ya\" (nomor, id atau selesai); bawaan langkah berikutnya.",
        Shape::Target,
    ),
    key(
        "tidak",
        "Tidak",
        "Untuk keputusan (wajib): langkah tujuan bila \"Tidak\" (nomor, id atau selesai), sering kembali ke langkah sebelumnya.",
        Shape::Target,
    ),
    key(
        "label_ya",
        "Label Ya",
        "Tulisan cabang Ya, misalnya Lengkap; \"\" tanpa tulisan.",
        Shape::Text,
    ),
    key(
        "label_tidak",
        "Label Tidak",
        "Tulisan cabang Tidak, misalnya Tidak lengkap; \"\" tanpa tulisan.",
        Shape::Text,
    ),
    key(
        "lanjut",
        "Lanjut ke",
        "Langkah berikutnya bila bukan langkah sesudahnya (nomor, id atau selesai); daftar untuk percabangan [8, 9].",
        Shape::AnyOf(&[Shape::Target, Shape::ListOf(&[Shape::Target])]),
    ),
    key(
        "no",
        "No",
        "Nomor langkah seperti tercetak di kertas bila bukan urutannya; \"\" tanpa nomor.",
        Shape::Text,
    ),
    key(
        "alur",
        "Alur",
        "Dengan beberapa pelaksana: bersama (bawaan, satu kegiatan bersama) atau berurutan (berpindah dari lajur ke lajur).",
        Shape::Choice(ALUR),
    ),
    key(
        "simbol",
        "Tulisan dalam simbol",
        "Teks pendek di dalam simbol sebagai ganti nomor langkah (Via Email, Lengkap?).",
        Shape::Text,
    ),
    key(
        "kelengkapan",
        "Mutu Baku: Kelengkapan",
        "Kelengkapan / persyaratan langkah ini: satu teks atau daftar.",
        Shape::TextOrList,
    ),
    key(
        "waktu",
        "Mutu Baku: Waktu",
        "Waktu langkah ini: 15 menit, 1 jam, 1,5 jam, 2 hari (hari kerja), 1-2 hari.",
        Shape::Text,
    ),
    key(
        "output",
        "Mutu Baku: Output",
        "Hasil langkah ini.",
        Shape::Text,
    ),
    key(
        "keterangan",
        "Keterangan",
        "Keterangan langkah ini.",
        Shape::Text,
    ),
];

pub const SOP: &[Key] = &[
    key(
        "nomor",
        "Nomor SOP",
        "Nomor SOP, misalnya SOP-070/Setda; unik di buku pedoman. Boleh kosong sampai SOP diberi nomor.",
        Shape::Text,
    ),
    required(
        "nama",
        "Nama SOP",
        "Nama prosedur seperti tertulis pada formulir, misalnya Penerimaan Surat Masuk.",
        Shape::Text,
    ),
    key(
        "satuan_kerja",
        "Satuan Kerja",
        "Satuan kerja; bila tidak diisi, diambil dari unit di atasnya (_index.md).",
        Shape::Text,
    ),
    key(
        "unit",
        "Unit",
        "Baris unit pada kop (Bagian / Sub Bagian): satu teks atau daftar baris. Bawaan: nama folder unit.",
        Shape::TextOrList,
    ),
    key(
        "tanggal_pembuatan",
        "Tanggal Pembuatan",
        "Tanggal pembuatan: 2018-11-07, 7-11-2018, 07/11/2018, 7 November 2018, Juni 2020 atau 2016; - bila tidak ada.",
        Shape::Date,
    ),
    key(
        "tanggal_revisi",
        "Tanggal Revisi",
        "Tanggal revisi: satu tanggal atau daftar tanggal; yang terbaru ditampilkan. - bila belum pernah direvisi.",
        Shape::DateOrList,
    ),
    key(
        "tanggal_efektif",
        "Tanggal Efektif",
        "Tanggal SOP mulai berlaku.",
        Shape::Date,
    ),
    key(
        "tanggal_pengesahan",
        "Tanggal Pengesahan",
        "Tanggal pengesahan, bila formulir mencetaknya (sebagai ganti atau di samping Tanggal Efektif).",
        Shape::Date,
    ),
    key(
        "disahkan_oleh",
        "Disahkan oleh",
        "Pejabat yang mengesahkan: jabatan, nama dan nip.",
        Shape::Map(APPROVER),
    ),
    key(
        "dasar_hukum",
        "Dasar Hukum",
        "Peraturan yang menjadi dasar, satu per baris: jenis, nomor dan tahunnya dikenali (UU 17/2003, Peraturan Pemerintah Nomor 58 Tahun 2005 tentang ...).",
        Shape::TextOrList,
    ),
    key(
        "kualifikasi_pelaksana",
        "Kualifikasi Pelaksana",
        "Kualifikasi pelaksana, satu per baris.",
        Shape::TextOrList,
    ),
    key(
        "keterkaitan",
        "Keterkaitan",
        "SOP lain yang berhubungan: nomor, nama atau jalur berkasnya, atau {ref, hubungan}; {teks, url} untuk sesuatu di luar buku pedoman.",
        Shape::AnyOf(&[
            Shape::Text,
            Shape::ListOf(&[Shape::Text, Shape::Map(RELATION)]),
        ]),
    ),
    key(
        "peralatan",
        "Peralatan / Perlengkapan",
        "Peralatan dan perlengkapan, satu per baris.",
        Shape::TextOrList,
    ),
    key(
        "peringatan",
        "Peringatan",
        "Peringatan: akibat bila SOP tidak dilaksanakan; satu teks atau daftar.",
        Shape::TextOrList,
    ),
    key(
        "pencatatan",
        "Pencatatan dan Pendataan",
        "Pencatatan dan pendataan: satu teks atau daftar.",
        Shape::TextOrList,
    ),
    key(
        "pelaksana",
        "Pelaksana",
        "Lajur bagan alir dari kiri ke kanan: nama jabatan, atau {nama, singkatan}. Bawaan: jabatan menurut urutan munculnya di langkah.",
        Shape::ListOf(&[Shape::Text, Shape::Map(LANE)]),
    ),
    key(
        "judul_lajur",
        "Judul lajur",
        "Yang tertulis di kepala lajur bagan alir: nama (bawaan) atau singkatan.",
        Shape::Choice(JUDUL_LAJUR),
    ),
    key(
        "satuan_waktu",
        "Satuan waktu",
        "Satuan angka tanpa satuan pada waktu (\"5\" berarti 5 menit dengan satuan_waktu: menit); bawaan dari unit.",
        Shape::Suggested(SATUAN_WAKTU),
    ),
    key(
        "total_waktu",
        "Total waktu (di kertas)",
        "Jumlah waktu seperti tercetak di kertas; ditampilkan di samping jumlah yang dihitung dari langkah.",
        Shape::Text,
    ),
    required(
        "langkah",
        "Langkah",
        "Kegiatan berurutan; nomor langkah adalah urutannya (1, 2, 3, ...) kecuali diberi no.",
        Shape::ListOf(&[Shape::Map(STEP)]),
    ),
    key(
        "draft",
        "Draf",
        "true: tidak diterbitkan kecuali dengan lajur build --drafts.",
        Shape::Flag,
    ),
];
