//! `lajur new` and `lajur init`: starting points for authors.
//!
//! Both write files an author is meant to read and edit, so every field is
//! present and explained in a comment (in Indonesian, the authors' language),
//! and what they write passes `lajur check` as it is. Neither ever overwrites
//! an author's file: everything is checked before the first byte is written
//! (the one file `lajur new` may replace is the JSON Schema an earlier lajur
//! wrote in the handbook root, brought up to date).

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Component, Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The SOP written by `lajur new`: the YAML of every field, commented.
/// `@NOMOR@`, `@NAMA@`, `@TANGGAL@` and `@DRAFT@` are filled in by [`sop_yaml`].
const SOP_TEMPLATE: &str = r##"# SOP baru. Ganti setiap isian contoh, lalu jalankan `lajur check`.
# Kunci-kunci di bawah adalah isian formulir SOP AP (PermenPAN-RB 35/2012).
# Baris yang diawali "#" adalah komentar: tidak dibaca oleh lajur.
# Panduan lengkap: docs/format.md.

# Nomor SOP (wajib), harus unik di seluruh buku pedoman.
nomor: @NOMOR@
# Nama SOP (wajib).
nama: @NAMA@
@DRAFT@
# Satuan Kerja. Bila tidak diisi, diambil dari _index.md unit di atasnya.
# satuan_kerja: Sekretariat Daerah Kota Contoh
# Baris unit pada kop SOP (Bagian / Sub Bagian). Bawaan: nama folder unit.
# unit: Bagian Umum

# Tanggal boleh ditulis 2024-01-31, 31-01-2024, 31/01/2024, 31-Jan-2024
# atau 31 Januari 2024.
tanggal_pembuatan: @TANGGAL@
# Tanggal Revisi: satu tanggal atau daftar tanggal; yang terbaru ditampilkan.
# tanggal_revisi:
#   - 2 Januari 2026
#   - 15 Juli 2025
tanggal_efektif: @TANGGAL@

# Disahkan oleh: pejabat yang menandatangani SOP.
disahkan_oleh:
  jabatan: Kepala Bagian Umum
  nama: Nama Pejabat, S.H.
  # NIP ditulis dalam tanda kutip agar spasinya tidak berubah.
  nip: "19700101 199001 1 001"

# Dasar Hukum: satu peraturan per baris. Jenis, nomor dan tahunnya dikenali
# ("UU No. 17 Tahun 2003", "Undang-Undang Nomor 17 Tahun 2003" dan
# "UU 17/2003" dianggap peraturan yang sama).
dasar_hukum:
  - Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan

# Kualifikasi Pelaksana.
kualifikasi_pelaksana:
  - Memahami tata naskah dinas
  - Mampu mengoperasikan komputer

# Keterkaitan: SOP lain yang berhubungan, ditulis dengan nomor, nama atau
# jalur berkasnya (folder/nama-berkas tanpa ekstensi). Hubungan: terkait,
# prasyarat, lanjutan atau bagian-dari. Contoh:
#   - SOP-071/Setda
#   - ref: bagian-umum/surat-masuk
#     hubungan: prasyarat
keterkaitan: []

# Peralatan / Perlengkapan.
peralatan:
  - Komputer
  - Printer
  - ATK

# Peringatan: akibat bila SOP tidak dilaksanakan.
peringatan: Bila SOP ini tidak dilaksanakan, naskah dinas dapat terlambat atau tidak sah

# Pencatatan dan Pendataan: satu kalimat atau daftar.
pencatatan: Disimpan sebagai arsip elektronik dan arsip kertas

# Pelaksana: lajur bagan alir, dari kiri ke kanan. Tulis nama jabatan, atau
# nama dan singkatan; langkah boleh memakai salah satunya.
pelaksana:
  - Pelaksana
  - nama: Kepala Sub Bagian Umum
    singkatan: Kasubbag Umum

# Langkah: kegiatan berurutan. Nomor langkah = urutannya (1, 2, 3, ...).
# Langkah pertama otomatis "mulai" dan langkah terakhir "selesai".
langkah:
  - kegiatan: Menerima permohonan dan berkas pendukung
    # Pelaksana langkah: nama atau singkatan salah satu lajur di atas. Untuk
    # kegiatan bersama, tulis daftar: [Pelaksana, Kasubbag Umum].
    pelaksana: Pelaksana
    # Mutu baku: kelengkapan (satu teks atau daftar), waktu, output.
    kelengkapan: Surat permohonan
    # Waktu: detik, menit, jam, hari (hari kerja), minggu, bulan, tahun;
    # boleh "1,5 jam" atau rentang "1-2 hari".
    waktu: 10 menit
    output: Berkas permohonan
    keterangan: Berkas dicatat dalam agenda

  # "id" memberi nama langkah agar dapat dituju dari langkah lain.
  - id: konsep
    kegiatan: Menyusun konsep naskah
    pelaksana: Pelaksana
    kelengkapan: Berkas permohonan
    waktu: 1 jam
    output: Konsep naskah

  # Keputusan: "ya" (bawaan: langkah berikutnya) dan "tidak" (wajib) menunjuk
  # nomor langkah atau id. Di sini "Tidak" kembali ke penyusunan konsep.
  - kegiatan: Memeriksa konsep naskah
    pelaksana: Kasubbag Umum
    jenis: keputusan
    ya: 4
    tidak: konsep
    # Label cabang; bawaan "Ya" dan "Tidak".
    label_ya: Sesuai
    label_tidak: Perlu perbaikan
    kelengkapan: Konsep naskah
    waktu: 30 menit
    output: Konsep naskah berparaf
    # Langkah biasa yang tidak berlanjut ke langkah berikutnya memakai
    # "lanjut: <nomor atau id>".

  - kegiatan: Menandatangani naskah dan mengarsipkannya
    pelaksana: Kasubbag Umum
    jenis: selesai
    kelengkapan: Konsep naskah berparaf
    waktu: 15 menit
    output: Naskah dinas
"##;

const DRAFT_TRUE: &str = "# Draf: tidak diterbitkan kecuali dengan `lajur build --drafts`.
# Hapus baris ini (atau tulis false) setelah SOP disahkan.
draft: true
";

const DRAFT_FALSE: &str =
    "# Draf: tulis true agar SOP ini tidak diterbitkan (kecuali dengan --drafts).
draft: false
";

/// The Markdown body of a `.md` SOP written by `lajur new`.
const SOP_BODY: &str = "Tulis di sini penjelasan prosedur untuk pembaca: tujuan SOP, istilah yang
dipakai, dan hal yang sering ditanyakan. Bagian ini ditampilkan di halaman
SOP di atas tabel langkah. Format Markdown: **tebal**, *miring*, daftar,
tabel dan [tautan](https://jdih.example.go.id/).

## Ruang lingkup

SOP ini berlaku untuk ...
";

const HANDBOOK_YAML: &str = r#"# Pengaturan situs lajur. Semua kunci boleh dihapus: nilai di bawah ini adalah
# nilai bawaannya. Panduan lengkap: docs/format.md.

# Judul situs.
title: Buku Pedoman SOP

# Instansi, ditampilkan di kop situs dan di setiap SOP (bawaan: tidak ada).
# organisation: Pemerintah Kota Contoh

# Alamat situs setelah diterbitkan: URL lengkap atau awalan jalur,
# misalnya https://contoh.go.id/sop/ atau /sop/.
base_url: /

# Bahasa tampilan: id (Indonesia) atau en (Inggris).
language: id

# Logo: jalur berkas di folder static/ (bawaan: tidak ada).
# logo: logo.png

# Tema: folder di themes/.
theme: default

# Folder hasil `lajur build`.
output_dir: public

# HTML mentah di dalam Markdown ditampilkan sebagai teks kecuali true.
allow_html: false

# Singkatan tambahan untuk pencarian: "SINGKATAN: kepanjangan"
# (bawaan: kosong, di samping daftar singkatan bawaan).
# abbreviations:
#   SPJ: Surat Pertanggungjawaban

# Satu jabatan yang ditulis berbeda di beberapa SOP: "ejaan lain: nama jabatan"
# (bawaan: kosong).
# roles:
#   Kasubag Umum: Kepala Sub Bagian Umum

# Formulir cetak: kertas A4 atau F4 (melintang), jumlah langkah per halaman.
print:
  paper: A4
  steps_per_page: 8
"#;

const FRONT_PAGE: &str = "---
nama: Buku Pedoman SOP
---
Selamat datang di buku pedoman Standar Operasional Prosedur Administrasi
Pemerintahan (SOP AP). Pilih unit kerja untuk melihat SOP-nya, atau buka
halaman Pelaksana untuk melihat tugas setiap jabatan.
";

const UNIT_INDEX: &str = "---
# Unit kerja: nama (wajib), satuan_kerja (diwariskan ke setiap SOP di bawahnya)
# dan urutan (urutan tampil di antara unit yang sejajar).
nama: Bagian Umum
satuan_kerja: Sekretariat Daerah Kota Contoh
urutan: 1
---
Bagian Umum melaksanakan urusan ketatausahaan, kerumahtanggaan dan
perlengkapan. Tambahkan SOP dengan `lajur new content/bagian-umum/nama-sop.yaml`.
";

/// Where `lajur init` puts its example SOP, relative to the handbook root.
const EXAMPLE_SOP: &str = "content/bagian-umum/naskah-dinas.yaml";

/// `lajur new PATH [--nama ...]`: writes a new SOP with every field of the
/// form, commented. The format follows the extension (`.md` gives front
/// matter and a Markdown body); a PATH without one gets `.yaml`. Parent
/// folders are created. An existing file is never overwritten.
pub fn new_sop(path: &Path, nama: Option<&str>) -> io::Result<()> {
    new_sop_at(path, nama).map(|_| ())
}

/// What `lajur new` wrote.
#[derive(Debug)]
pub struct NewSop {
    /// The SOP (with `.yaml` added when PATH had no extension).
    pub sop: PathBuf,
    /// The schema the SOP's first line points to, when it was written or
    /// brought up to date (a .yaml SOP in a handbook without the current one).
    pub schema: Option<PathBuf>,
}

/// [`new_sop`], saying what was written.
pub fn new_sop_at(path: &Path, nama: Option<&str>) -> io::Result<NewSop> {
    let path = with_sop_extension(path)?;
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| invalid(format!("{} has no file name", path.display())))?;
    let nama = nama
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| nama_from_stem(stem));
    let yaml = sop_yaml(&placeholder_nomor(&path), &nama, true);
    // Only a .yaml file gets the schema line: an editor's YAML language
    // server does not read the front matter of a .md file.
    let (text, schema) = if is_markdown(&path) {
        (format!("---\n{yaml}---\n{SOP_BODY}"), None)
    } else {
        let schema = schema_location(&path)?;
        let line = schema_line(&relative_to(&schema, &absolute(&path)?));
        (format!("{line}{yaml}"), Some(schema))
    };
    refuse_existing(std::slice::from_ref(&path))?;
    write_new(&path, &text)?;
    let schema = match schema {
        Some(schema) => write_schema(&schema)?.then_some(schema),
        None => None,
    };
    Ok(NewSop { sop: path, schema })
}

/// The first line of a .yaml SOP lajur writes: VS Code's YAML extension
/// (any editor with the YAML language server) reads the schema it names,
/// resolved from the SOP's own folder, and completes and checks the keys as
/// the author types.
fn schema_line(schema: &str) -> String {
    format!("# yaml-language-server: $schema={schema}\n")
}

/// Where the schema of the handbook holding the new SOP `path` is: in the
/// handbook root, the folder above `content/` (else the current folder).
/// A copy in the handbook works offline and matches the lajur that wrote it.
fn schema_location(path: &Path) -> io::Result<PathBuf> {
    let path = absolute(path)?;
    let root = path
        .ancestors()
        .skip(1)
        .find(|a| a.file_name().is_some_and(|n| n == "content"))
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    let root = match root {
        Some(root) => root,
        None => absolute(Path::new("."))?,
    };
    Ok(root.join(crate::source::schema::FILE_NAME))
}

/// `path` made absolute against the current folder, `.` and `..` resolved
/// by name (the file does not exist yet, so it cannot be canonicalised).
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let mut out = PathBuf::new();
    for part in std::path::absolute(path)?.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// `target` as a '/'-separated path from the folder of `file` (both
/// absolute), or the absolute path when they share no folder.
fn relative_to(target: &Path, file: &Path) -> String {
    let from: Vec<Component> = file
        .parent()
        .map_or(Vec::new(), |p| p.components().collect());
    let to: Vec<Component> = target.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common <= 1 {
        return target.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Writes the schema of the running lajur to `path` when it is missing, or
/// brings up to date one an earlier lajur wrote (its `$id` says so); a file
/// of another origin there is left alone. True when it wrote.
fn write_schema(path: &Path) -> io::Result<bool> {
    let schema = crate::source::schema::sop_source_schema();
    match fs::read_to_string(path) {
        Ok(old) if old == schema || !old.contains(crate::source::schema::ID) => Ok(false),
        Ok(_) => fs::write(path, schema)
            .map(|()| true)
            .map_err(|e| with_path(e, path)),
        Err(e) if e.kind() == ErrorKind::NotFound => write_new(path, &schema).map(|()| true),
        Err(e) => Err(with_path(e, path)),
    }
}

/// `lajur init [DIR]`: a new handbook with handbook.yaml (every setting with
/// its default), a front page, one unit, one example SOP that builds as it
/// is, and the JSON Schema of an SOP its first line points to. Refuses when
/// any of these files already exists, writing nothing.
pub fn init(dir: &Path) -> io::Result<()> {
    let example = sop_yaml(
        "SOP-001/Umum",
        "Penyusunan dan Pengesahan Naskah Dinas",
        false,
    );
    // The example is two folders below the root, where the schema is.
    let schema_name = crate::source::schema::FILE_NAME;
    let example = format!("{}{example}", schema_line(&format!("../../{schema_name}")));
    let schema = crate::source::schema::sop_source_schema();
    let files: [(&str, &str); 5] = [
        ("handbook.yaml", HANDBOOK_YAML),
        ("content/_index.md", FRONT_PAGE),
        ("content/bagian-umum/_index.md", UNIT_INDEX),
        (EXAMPLE_SOP, &example),
        (schema_name, &schema),
    ];
    let paths: Vec<PathBuf> = files.iter().map(|(p, _)| dir.join(p)).collect();
    refuse_existing(&paths)?;
    for (path, (_, text)) in paths.iter().zip(files.iter()) {
        write_new(path, text)?;
    }
    Ok(())
}

/// Fills the SOP template. `nomor` and `nama` are quoted, so any text an
/// author passes on the command line stays one YAML string.
fn sop_yaml(nomor: &str, nama: &str, draft: bool) -> String {
    // The author's text goes in last, so it is never searched for markers.
    SOP_TEMPLATE
        .replace("@TANGGAL@", &today_iso())
        .replace("@DRAFT@", if draft { DRAFT_TRUE } else { DRAFT_FALSE })
        .replace("@NOMOR@", &yaml_quote(nomor))
        .replace("@NAMA@", &yaml_quote(nama))
}

/// Adds `.yaml` to a PATH without extension; refuses one that is no SOP.
fn with_sop_extension(path: &Path) -> io::Result<PathBuf> {
    match path.extension().and_then(|e| e.to_str()) {
        None => Ok(path.with_extension("yaml")),
        Some(ext) if ["yaml", "yml", "md"].contains(&ext.to_ascii_lowercase().as_str()) => {
            Ok(path.to_path_buf())
        }
        Some(ext) => Err(invalid(format!(
            "{} ends in .{ext}; an SOP is a .yaml or .md file (or give no extension for .yaml)",
            path.display()
        ))),
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// A nomor that is unique in the handbook until the author writes the real
/// one: built from the path under content/ (two SOPs cannot share a path),
/// so running `lajur new` twice never gives a duplicate-nomor error.
fn placeholder_nomor(path: &Path) -> String {
    let names: Vec<String> = path
        .with_extension("")
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let under_content = match names.iter().rposition(|n| n == "content") {
        Some(i) => names[i + 1..].join("/"),
        None => names.last().cloned().unwrap_or_default(),
    };
    format!("SOP-000/{under_content}")
}

/// "surat-masuk" → "Surat Masuk": a readable default nama from the file name.
fn nama_from_stem(stem: &str) -> String {
    stem.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A YAML double-quoted scalar holding `s` exactly.
fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Today's date (UTC) as ISO `YYYY-MM-DD`, for tanggal_pembuatan.
fn today_iso() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    let (y, m, d) = civil_from_days(days as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Fails, naming every file that is already there, before anything is written.
fn refuse_existing(paths: &[PathBuf]) -> io::Result<()> {
    let existing: Vec<String> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if existing.is_empty() {
        return Ok(());
    }
    Err(io::Error::new(
        ErrorKind::AlreadyExists,
        format!(
            "{} already exist{}; lajur never overwrites a file (choose another name or move it away first)",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        ),
    ))
}

/// Creates the parent folders, then the file; `create_new` keeps a file that
/// appeared in the meantime from being overwritten.
fn write_new(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| with_path(e, path))?;
    io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| with_path(e, path))
}

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(ErrorKind::InvalidInput, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_match_known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        // 2018-11-07, the day SOP-070/Setda was made.
        assert_eq!(civil_from_days(17_842), (2018, 11, 7));
        // A leap day.
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn nomor_placeholder_follows_the_content_path() {
        assert_eq!(
            placeholder_nomor(Path::new("hb/content/umum/surat-masuk.md")),
            "SOP-000/umum/surat-masuk"
        );
        assert_eq!(placeholder_nomor(Path::new("rkt.yaml")), "SOP-000/rkt");
    }

    #[test]
    fn nama_from_file_name_is_title_case() {
        assert_eq!(nama_from_stem("surat-masuk"), "Surat Masuk");
        assert_eq!(nama_from_stem("cuti_pegawai"), "Cuti Pegawai");
    }

    #[test]
    fn quoted_nama_keeps_yaml_special_characters() {
        assert_eq!(yaml_quote(r#"SPP: "UP" \ GU"#), r#""SPP: \"UP\" \\ GU""#);
    }

    #[test]
    fn extension_decides_the_format() {
        assert_eq!(
            with_sop_extension(Path::new("a/b")).ok(),
            Some(PathBuf::from("a/b.yaml"))
        );
        assert!(with_sop_extension(Path::new("a/b.md")).is_ok());
        assert!(with_sop_extension(Path::new("a/b.txt")).is_err());
    }
}
