//! The fixture handbook: a front page, a unit with an attachment, a sub-unit
//! with an SOP in YAML (every field of the form), one in Markdown and a
//! draft.

use crate::write;

pub const HANDBOOK: &str = "\
title: Buku Pedoman SOP Sekretariat Daerah
organisation: Pemerintah Kota Banjarbaru
";

pub const FRONT: &str = "\
---
nama: Beranda
---
Buku pedoman ini memuat **Standar Operasional Prosedur** Sekretariat Daerah.
";

pub const UNIT: &str = "\
---
nama: Bagian Umum
satuan_kerja: Sekretariat Daerah Kota Banjarbaru
---
Bagian Umum mengurus perencanaan, keuangan dan rumah tangga.
";

pub const SUB_UNIT: &str = "\
---
nama: Sub Bagian Perencanaan
---
";

pub const RKT: &str = "\
nomor: SOP-070/Setda
nama: Penyusunan Rencana Kinerja Tahunan
tanggal_pembuatan: 7-Nov-2018
tanggal_efektif: 31 Desember 2018
disahkan_oleh:
  jabatan: Sekretaris Daerah
  nama: Drs. H. SAID ABDULLAH, M.Si
  nip: 19650928 199203 1 008
dasar_hukum:
  - Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara
kualifikasi_pelaksana:
  - Memiliki kemampuan pengolahan data sederhana
keterkaitan:
  - ref: SOP-071/Setda
    hubungan: lanjutan
  - SOP Pengadaan Barang
peralatan: [Komputer, Printer]
peringatan: Jika tidak dilaksanakan sesuai SOP, penyusunan RKT tidak lancar
pencatatan: Disimpan sebagai data elektronik
pelaksana:
  - {nama: Kepala Sub Bagian Perencanaan, singkatan: Kasubbag}
  - Pelaksana
  - Kepala Bagian Umum
langkah:
  - kegiatan: Melaksanakan koordinasi dan meminta data usulan kegiatan
    pelaksana: Kasubbag
    kelengkapan: Nota dinas
    waktu: 15 menit
    output: Data usulan RKT
  - kegiatan: Membuat konsep Rencana Kinerja Tahunan
    pelaksana: Pelaksana
    waktu: 1 hari
    output: Draft RKT
  - kegiatan: Mengoreksi draft Rencana Kinerja Tahunan
    pelaksana: Kepala Bagian Umum
    jenis: keputusan
    tidak: 2
    label_tidak: Perlu perbaikan
    waktu: 5 menit
  - kegiatan: Mengarsipkan dokumen RKT
    pelaksana: Pelaksana
    waktu: 30 menit
    output: Dokumen RKT
";

pub const LKJ: &str = "\
---
nomor: SOP-071/Setda
nama: Penyusunan Laporan Kinerja
tanggal_pembuatan: 2019-01-10
tanggal_revisi: [2020-05-15, 01 JULI 2023]
langkah:
  - kegiatan: Menghimpun data capaian kinerja
    pelaksana: Kepala Sub Bagian Perencanaan
  - kegiatan: Menyusun laporan
    pelaksana: Pelaksana
---
Laporan disampaikan paling lambat **31 Maret**. <b>Penting</b> <script>alert(1)</script>
";

pub const DRAFT: &str = "\
nomor: SOP-099/Setda
nama: Prosedur Yang Masih Draf
draft: true
langkah:
  - kegiatan: Mulai
    pelaksana: Pelaksana
  - kegiatan: Selesai
    pelaksana: Pelaksana
";

/// Writes the fixture handbook into a new temp folder.
pub fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let files: &[(&str, &[u8])] = &[
        ("handbook.yaml", HANDBOOK.as_bytes()),
        ("content/_index.md", FRONT.as_bytes()),
        ("content/bagian-umum/_index.md", UNIT.as_bytes()),
        (
            "content/bagian-umum/formulir-usulan.pdf",
            b"%PDF-1.4 formulir",
        ),
        (
            "content/bagian-umum/perencanaan/_index.md",
            SUB_UNIT.as_bytes(),
        ),
        ("content/bagian-umum/perencanaan/rkt.yaml", RKT.as_bytes()),
        ("content/bagian-umum/perencanaan/lkj.md", LKJ.as_bytes()),
        (
            "content/bagian-umum/perencanaan/draf.yaml",
            DRAFT.as_bytes(),
        ),
    ];
    for (path, bytes) in files {
        write(root, path, bytes);
    }
    dir
}
