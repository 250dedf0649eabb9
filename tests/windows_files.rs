//! Handbooks as an agency PC running Windows leaves them, through the binary:
//! folder and file names with spaces, files saved by Notepad (UTF-8 with a
//! byte order mark, CRLF line ends) build like any other, and files saved
//! as UTF-16 or in an older code page are refused naming the file, the place
//! and the fix, with nothing written.

mod support;

use support::{lajur_in as lajur, read, write};

const BOM: &str = "\u{feff}";

/// `text` as Notepad saves it: a byte order mark, then CRLF line ends.
fn notepad(text: &str) -> Vec<u8> {
    format!("{BOM}{}", text.replace('\n', "\r\n")).into_bytes()
}

/// `text` as Notepad's "Unicode" saves it: UTF-16 little-endian with a
/// byte order mark, or big-endian without one.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let text = text.replace('\n', "\r\n");
    let mut units: Vec<u16> = text.encode_utf16().collect();
    if !big_endian {
        units.insert(0, 0xFEFF);
    }
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

const HANDBOOK: &str =
    "title: Pedoman SOP Dinas Komunikasi\norganisation: Pemerintah Kabupaten Contoh\n";

const UNIT: &str = "---\nnama: Bagian Umum\n---\nBagian Umum mengurus surat dan kepegawaian.\n";

const CUTI: &str = "\
nomor: SOP-001/Umum
nama: Pemberian Cuti Pegawai
pelaksana: [Pegawai, Kepala Bagian Umum]
langkah:
  - kegiatan: Mengajukan permohonan cuti
    pelaksana: Pegawai
    waktu: 15 menit
  - kegiatan: Menyetujui permohonan cuti
    pelaksana: Kepala Bagian Umum
    waktu: 1 hari
";

const SURAT: &str = "\
---
nomor: SOP-002/Umum
nama: Pengelolaan Surat Masuk
langkah:
  - kegiatan: Menerima surat
    pelaksana: Pengadministrasi
  - kegiatan: Mengagendakan surat
    pelaksana: Pengadministrasi
---
Surat masuk dicatat **pada hari yang sama**.
";

/// A handbook in a folder named with spaces, every file saved by Notepad.
fn notepad_handbook() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("Buku SOP Dinas");
    write(&root, "handbook.yaml", notepad(HANDBOOK));
    write(
        &root,
        "content/_index.md",
        notepad("---\nnama: Beranda\n---\nSelamat datang.\n"),
    );
    write(&root, "content/Bagian Umum/_index.md", notepad(UNIT));
    write(
        &root,
        "content/Bagian Umum/Cuti Pegawai.yaml",
        notepad(CUTI),
    );
    write(&root, "content/Bagian Umum/Surat Masuk.md", notepad(SURAT));
    (dir, root)
}

#[test]
fn notepad_files_in_folders_with_spaces_build_like_any_other() {
    let (_dir, root) = notepad_handbook();
    let (code, out) = lajur(&root, &["build"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("warning"), "{out}");

    let front = read(&root, "public/index.html");
    assert!(
        front.contains("Pedoman SOP Dinas Komunikasi"),
        "title from handbook.yaml"
    );
    let unit = read(&root, "public/bagian-umum/index.html");
    assert!(unit.contains("Bagian Umum mengurus surat"), "unit text");

    // The first field of a file that starts with a byte order mark, and the
    // last of a CRLF line, are read without the mark or the CR.
    let sop: serde_json::Value =
        serde_json::from_str(&read(&root, "public/bagian-umum/cuti-pegawai/sop.json"))
            .expect("sop.json");
    let text = sop.to_string();
    assert!(
        !text.contains('\u{feff}') && !text.contains("\\r"),
        "{text}"
    );
    let page = read(&root, "public/bagian-umum/cuti-pegawai/index.html");
    assert!(page.contains("SOP-001/Umum"), "nomor on the page");
    assert!(page.contains("Menyetujui permohonan cuti"), "a step");
    assert!(
        !page.contains('\u{feff}') && !page.contains('\r'),
        "no BOM or CR"
    );

    // A Markdown SOP: front matter and body both read through CRLF.
    let page = read(&root, "public/bagian-umum/surat-masuk/index.html");
    assert!(page.contains("SOP-002/Umum"), "nomor from the front matter");
    assert!(
        page.contains("<strong>pada hari yang sama</strong>"),
        "the Markdown body"
    );
}

#[test]
fn a_mistake_in_a_notepad_file_is_shown_at_its_line_and_column() {
    let (_dir, root) = notepad_handbook();
    // Line 1 has a wrong field name, line 7 (inside a step) another; the
    // file starts with a byte order mark and ends its lines with CRLF.
    let text = CUTI
        .replace("nomor: SOP-001/Umum", "nomer: SOP-001/Umum")
        .replace("    waktu: 15 menit", "    waktuu: 15 menit");
    write(
        &root,
        "content/Bagian Umum/Cuti Pegawai.yaml",
        notepad(&text),
    );
    let (code, out) = lajur(&root, &["check"]);
    assert_ne!(code, 0, "{out}");
    let file = "content/Bagian Umum/Cuti Pegawai.yaml";
    assert!(out.contains(&format!("{file}:1:1: ")), "{out}");
    assert!(out.contains(&format!("{file}:7:5: ")), "{out}");
    // The lines are echoed as the author sees them: no mark, no `\r`.
    assert!(out.contains("1 | nomer: SOP-001/Umum\n"), "{out}");
    assert!(
        out.contains("7 |     waktuu: 15 menit\n  |     ^\n"),
        "{out}"
    );
    assert!(!out.contains("\\r") && !out.contains("\\u{feff}"), "{out}");
}

#[test]
fn a_file_saved_as_utf16_is_refused_with_the_fix_and_nothing_is_written() {
    let (_dir, root) = notepad_handbook();
    assert_eq!(lajur(&root, &["build"]).0, 0);
    let before = read(&root, "public/bagian-umum/cuti-pegawai/index.html");

    let file = "content/Bagian Umum/Cuti Pegawai.yaml";
    for big_endian in [false, true] {
        write(&root, file, utf16(CUTI, big_endian));
        let (code, out) = lajur(&root, &["build"]);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains(&format!("{file}:1:1: error: ")), "{out}");
        assert!(out.contains("UTF-16"), "{out}");
        assert!(out.contains("simpan ulang sebagai UTF-8"), "{out}");
        assert!(out.contains("Save As"), "{out}");
        // No line of zero bytes echoed into the terminal.
        assert!(!out.contains("\\u{0}") && !out.contains('\0'), "{out}");
        assert_eq!(
            read(&root, "public/bagian-umum/cuti-pegawai/index.html"),
            before,
            "the site stays as it was"
        );
    }
    // handbook.yaml saved the same way is named too.
    write(&root, file, notepad(CUTI));
    write(&root, "handbook.yaml", utf16(HANDBOOK, false));
    let (code, out) = lajur(&root, &["check"]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("handbook.yaml:1:1: error: "), "{out}");
    assert!(out.contains("simpan ulang sebagai UTF-8"), "{out}");
}

#[test]
fn a_file_in_an_old_code_page_names_the_character_and_its_place() {
    let (_dir, root) = notepad_handbook();
    // "Café" typed in an editor set to ANSI (Windows-1252), CRLF line ends.
    let mut bytes = CUTI
        .replace("nama: Pemberian Cuti Pegawai", "nama: Cuti Pegawai Kafe @")
        .replace('\n', "\r\n")
        .into_bytes();
    let at = bytes.iter().position(|&b| b == b'@').expect("marker");
    bytes[at] = 0xE9;
    write(&root, "content/Bagian Umum/Cuti Pegawai.yaml", &bytes);
    let (code, out) = lajur(&root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "content/Bagian Umum/Cuti Pegawai.yaml:2:25: error: not UTF-8 text: byte 0xE9, `é` in Windows-1252"
        ),
        "{out}"
    );
    assert!(out.contains("code page"), "{out}");
    assert!(out.contains("simpan ulang sebagai UTF-8"), "{out}");
}
