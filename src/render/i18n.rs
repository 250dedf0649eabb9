//! The words of the user interface, in Indonesian and English.
//!
//! One table, so a translator sees every string at once and a missing
//! translation cannot compile: each row is `(key, Indonesian, English)`.
//! Templates read them as `t.key`.

use std::collections::BTreeMap;

use crate::config::Language;
use crate::model::Hubungan;

/// `(key, id, en)`. Form labels stay as the official form writes them.
const STRINGS: &Table = &[
    ("skip_to_content", "Langsung ke isi", "Skip to content"),
    ("home", "Beranda", "Home"),
    ("breadcrumb", "Jejak halaman", "Breadcrumb"),
    ("main_nav", "Navigasi utama", "Main navigation"),
    ("search", "Cari", "Search"),
    ("search_label", "Cari SOP", "Search SOPs"),
    (
        "search_placeholder",
        "Cari SOP, pelaksana, dasar hukum…",
        "Search SOPs, roles, legal bases…",
    ),
    ("units", "Unit Kerja", "Units"),
    ("unit", "Unit Kerja", "Unit"),
    ("sub_units", "Sub Unit", "Sub-units"),
    ("sops", "Daftar SOP", "SOPs"),
    ("sop_count", "SOP", "SOPs"),
    ("sop_count_one", "SOP", "SOP"),
    ("total_sops", "Jumlah SOP", "Total SOPs"),
    ("recent", "Pembaruan Terakhir", "Recently updated"),
    ("revised_on", "Direvisi", "Revised"),
    ("created_on", "Dibuat", "Created"),
    ("no_sops", "Belum ada SOP.", "No SOPs yet."),
    ("attachments", "Lampiran", "Attachments"),
    // The identity section: labels of the SOP AP form (PermenPAN-RB 35/2012).
    ("identity", "Identitas SOP", "SOP identity"),
    ("nomor", "Nomor SOP", "SOP number"),
    ("tanggal_pembuatan", "Tanggal Pembuatan", "Date created"),
    ("tanggal_revisi", "Tanggal Revisi", "Date revised"),
    ("tanggal_efektif", "Tanggal Efektif", "Effective date"),
    ("tanggal_pengesahan", "Tanggal Pengesahan", "Date approved"),
    ("disahkan_oleh", "Disahkan oleh", "Approved by"),
    ("nip", "NIP.", "NIP"),
    ("nama_sop", "Nama SOP", "SOP name"),
    ("dasar_hukum", "Dasar Hukum", "Legal basis"),
    (
        "kualifikasi_pelaksana",
        "Kualifikasi Pelaksana",
        "Qualifications of the performers",
    ),
    ("keterkaitan", "Keterkaitan", "Related SOPs"),
    ("peralatan", "Peralatan/Perlengkapan", "Equipment"),
    ("peringatan", "Peringatan", "Warning"),
    ("pencatatan", "Pencatatan dan Pendataan", "Records and data"),
    ("not_set", "—", "—"),
    ("not_yet_available", "belum tersedia", "not yet available"),
    (
        "backlinks",
        "SOP yang merujuk ke SOP ini",
        "SOPs that refer to this SOP",
    ),
    ("hubungan_terkait", "terkait", "related"),
    ("hubungan_prasyarat", "prasyarat", "prerequisite"),
    ("hubungan_lanjutan", "lanjutan", "follow-up"),
    ("hubungan_bagian_dari", "bagian dari", "part of"),
    (
        "backlink_as",
        "menyebut SOP ini sebagai",
        "lists this SOP as",
    ),
    ("draft", "Draf", "Draft"),
    (
        "draft_notice",
        "SOP ini masih draf dan belum disahkan.",
        "This SOP is a draft and not yet approved.",
    ),
    // The flowchart and the steps.
    ("flowchart", "Diagram Alir", "Flowchart"),
    (
        "flowchart_scroll",
        "Geser ke samping untuk melihat seluruh diagram.",
        "Scroll sideways to see the whole chart.",
    ),
    (
        "flowchart_svg",
        "Unduh diagram (SVG)",
        "Download the chart (SVG)",
    ),
    (
        "flowchart_missing",
        "Diagram alir belum dapat ditampilkan.",
        "The flowchart cannot be shown yet.",
    ),
    ("steps", "Uraian Prosedur", "Procedure"),
    ("step_no", "No", "No"),
    ("kegiatan", "Kegiatan", "Activity"),
    ("pelaksana", "Pelaksana", "Performer"),
    ("kelengkapan", "Kelengkapan", "Requirements"),
    ("waktu", "Waktu", "Time"),
    ("output", "Output", "Output"),
    ("keterangan", "Keterangan", "Notes"),
    ("mutu_baku", "Mutu Baku", "Quality standard"),
    ("step", "Langkah", "Step"),
    ("to_step", "ke langkah", "to step"),
    ("back_to_step", "kembali ke langkah", "back to step"),
    (
        "flowchart_open",
        "Lihat diagram alir lengkap",
        "Show the whole flowchart",
    ),
    ("next_step", "Lanjut ke langkah", "Continue at step"),
    ("ends_here", "prosedur selesai", "the procedure ends"),
    ("unnumbered", "tanpa nomor", "unnumbered"),
    ("show_in_chart", "Lihat di diagram", "Show in the chart"),
    ("total_waktu", "Total waktu", "Total time"),
    ("total_waktu_paper", "pada formulir", "on the paper form"),
    ("jumlah_waktu", "Jumlah waktu", "Total time"),
    ("total_partial", "sekurang-kurangnya", "at least"),
    ("total_partial_of", "dari", "of"),
    ("total_partial_steps", "langkah", "steps"),
    ("this_sop", "SOP ini", "this SOP"),
    ("description", "Uraian", "Description"),
    // Other pages.
    (
        "not_found_title",
        "Halaman tidak ditemukan",
        "Page not found",
    ),
    (
        "not_found_text",
        "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
        "The page you are looking for does not exist or has moved.",
    ),
    ("back_home", "Kembali ke beranda", "Back to the home page"),
    ("print", "Cetak", "Print"),
    (
        "print_title",
        "Cetak formulir SOP (juga ke PDF)",
        "Print the SOP form (or save it as PDF)",
    ),
    (
        "print_hint",
        "Untuk mencetak formulir SOP, gunakan menu Cetak pada peramban (Ctrl+P).",
        "To print the SOP form, use the browser's Print menu (Ctrl+P).",
    ),
    ("made_with", "Dibuat dengan", "Made with"),
    // Cross-links: legal bases and roles (render/crosslinks.rs).
    ("regulations", "Dasar Hukum", "Legal bases"),
    (
        "regulations_intro",
        "Peraturan yang menjadi dasar hukum SOP, menurut hierarki peraturan perundang-undangan.",
        "The regulations SOPs are based on, in the order of the legal hierarchy.",
    ),
    ("regulation_count", "peraturan", "regulations"),
    ("regulation_count_one", "peraturan", "regulation"),
    ("group_uu", "Undang-Undang", "Laws (Undang-Undang)"),
    (
        "group_perppu",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "Government regulations in lieu of law (Perppu)",
    ),
    (
        "group_pp",
        "Peraturan Pemerintah",
        "Government regulations (PP)",
    ),
    (
        "group_perpres",
        "Peraturan Presiden",
        "Presidential regulations (Perpres)",
    ),
    (
        "group_peraturan_menteri",
        "Peraturan Menteri",
        "Ministerial regulations",
    ),
    (
        "group_perda",
        "Peraturan Daerah",
        "Regional regulations (Perda)",
    ),
    (
        "group_peraturan_kepala_daerah",
        "Peraturan Kepala Daerah",
        "Regional head regulations",
    ),
    ("group_lainnya", "Lainnya", "Other"),
    ("regulation_title", "Tentang", "On"),
    ("regulation_text", "Naskah peraturan", "Full text"),
    ("amends", "Mengubah", "Amends"),
    ("amended_by", "Diubah dengan", "Amended by"),
    (
        "cited_by",
        "SOP yang berdasar pada peraturan ini",
        "SOPs based on this regulation",
    ),
    ("cited_as", "Ditulis", "Written as"),
    (
        "not_cited",
        "Tidak ada SOP yang mengacu langsung pada peraturan ini.",
        "No SOP cites this regulation directly.",
    ),
    ("unreadable", "tidak terbaca", "not recognised"),
    ("roles", "Pelaksana", "Roles"),
    (
        "roles_intro",
        "Setiap jabatan pelaksana dengan langkah yang dikerjakannya di setiap SOP.",
        "Every role with the steps it performs in every SOP.",
    ),
    ("role_count", "pelaksana", "roles"),
    ("role_count_one", "pelaksana", "role"),
    ("role", "Pelaksana", "Role"),
    ("role_steps", "Langkah yang dikerjakan", "Steps performed"),
    ("step_count", "langkah", "steps"),
    ("step_count_one", "langkah", "step"),
    ("singkatan", "Singkatan", "Abbreviation"),
    ("also_written", "Juga ditulis", "Also written as"),
    ("as_lane", "Sebagai", "As"),
    ("together_with", "bersama", "together with"),
    (
        "open_step",
        "Lihat langkah di SOP",
        "Open the step in the SOP",
    ),
    (
        "no_regulations",
        "Belum ada SOP yang mencantumkan dasar hukum.",
        "No SOP lists a legal basis yet.",
    ),
    ("no_roles", "Belum ada pelaksana.", "No roles yet."),
];

/// A table of strings, a row per key: `(key, Indonesian, English)`.
pub type Table = [(&'static str, &'static str, &'static str)];

/// The strings of one language, as a map for templates (`t.nomor`).
pub fn strings(language: Language) -> BTreeMap<&'static str, &'static str> {
    strings_of(STRINGS, language)
}

/// The strings of `table` in one language, as a map for templates: the
/// search page has a table of its own (`search::page`).
pub fn strings_of(
    table: &'static Table,
    language: Language,
) -> BTreeMap<&'static str, &'static str> {
    table
        .iter()
        .map(|&(key, id, en)| (key, in_language(language, id, en)))
        .collect()
}

/// One string by key; `?` when missing, so a typo shows on the page instead
/// of breaking the build.
pub fn get(language: Language, key: &str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("?", |&(_, id, en)| in_language(language, id, en))
}

fn in_language(language: Language, id: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Id => id,
        Language::En => en,
    }
}

/// How a related SOP relates, in words.
pub fn hubungan(language: Language, h: Hubungan) -> &'static str {
    match h {
        Hubungan::Terkait => get(language, "hubungan_terkait"),
        Hubungan::Prasyarat => get(language, "hubungan_prasyarat"),
        Hubungan::Lanjutan => get(language, "hubungan_lanjutan"),
        Hubungan::BagianDari => get(language, "hubungan_bagian_dari"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "a key appears twice in STRINGS");
    }

    #[test]
    fn languages_differ_where_words_differ() {
        assert_eq!(strings(Language::Id)["home"], "Beranda");
        assert_eq!(strings(Language::En)["home"], "Home");
        assert_eq!(hubungan(Language::Id, Hubungan::BagianDari), "bagian dari");
        assert_eq!(hubungan(Language::En, Hubungan::Prasyarat), "prerequisite");
    }
}
