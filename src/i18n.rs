//! The words of the user interface, in Indonesian and English.
//!
//! One table per page family, a row per string: `key: Indonesian, English;`.
//! Each table is a struct with a field per key, so code reads a string as
//! `i18n::strings(language).home`: a key that does not exist, or a row
//! without both languages, does not compile. Templates read the same
//! strings as `t.key` (and the search page's as `s.key`).

use serde::Serialize;

use crate::config::Language;
use crate::link::completeness::Part;
use crate::link::index::RegulationGroup;
use crate::model::Hubungan;

/// A struct `$name` with a `&'static str` field per row, and its two
/// instances, one per language.
macro_rules! table {
    ($(#[$meta:meta])* $name:ident { $($(#[$row:meta])* $key:ident: $id:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Serialize)]
        pub struct $name {
            $($(#[$row])* pub $key: &'static str,)*
        }

        impl $name {
            const ID: $name = $name { $($key: $id,)* };
            const EN: $name = $name { $($key: $en,)* };

            /// The strings in `language`.
            pub fn of(language: Language) -> &'static $name {
                match language {
                    Language::Id => &Self::ID,
                    Language::En => &Self::EN,
                }
            }
        }
    };
}

table! {
    /// The words of every page, `t` in templates. Form labels stay as the
    /// official form writes them.
    Strings {
        skip_to_content: "Langsung ke isi", "Skip to content";
        home: "Beranda", "Home";
        breadcrumb: "Jejak halaman", "Breadcrumb";
        main_nav: "Navigasi utama", "Main navigation";
        search: "Cari", "Search";
        search_label: "Cari SOP", "Search SOPs";
        search_placeholder: "Cari SOP, pelaksana, dasar hukum…", "Search SOPs, roles, legal bases…";
        units: "Unit Kerja", "Units";
        unit: "Unit Kerja", "Unit";
        sub_units: "Sub Unit", "Sub-units";
        sops: "Daftar SOP", "SOPs";
        sop_count: "SOP", "SOPs";
        sop_count_one: "SOP", "SOP";
        total_sops: "Jumlah SOP", "Total SOPs";
        recent: "Pembaruan Terakhir", "Recently updated";
        revised_on: "Direvisi", "Revised";
        created_on: "Dibuat", "Created";
        no_sops: "Belum ada SOP.", "No SOPs yet.";
        attachments: "Lampiran", "Attachments";
        // The identity section: labels of the SOP AP form (PermenPAN-RB 35/2012).
        identity: "Identitas SOP", "SOP identity";
        nomor: "Nomor SOP", "SOP number";
        tanggal_pembuatan: "Tanggal Pembuatan", "Date created";
        tanggal_revisi: "Tanggal Revisi", "Date revised";
        tanggal_efektif: "Tanggal Efektif", "Effective date";
        tanggal_pengesahan: "Tanggal Pengesahan", "Date approved";
        disahkan_oleh: "Disahkan oleh", "Approved by";
        nip: "NIP.", "NIP";
        nama_sop: "Nama SOP", "SOP name";
        dasar_hukum: "Dasar Hukum", "Legal basis";
        kualifikasi_pelaksana: "Kualifikasi Pelaksana", "Qualifications of the performers";
        keterkaitan: "Keterkaitan", "Related SOPs";
        peralatan: "Peralatan/Perlengkapan", "Equipment";
        peringatan: "Peringatan", "Warning";
        pencatatan: "Pencatatan dan Pendataan", "Records and data";
        not_set: "—", "—";
        not_yet_available: "belum tersedia", "not yet available";
        backlinks: "SOP yang merujuk ke SOP ini", "SOPs that refer to this SOP";
        hubungan_terkait: "terkait", "related";
        hubungan_prasyarat: "prasyarat", "prerequisite";
        hubungan_lanjutan: "lanjutan", "follow-up";
        hubungan_bagian_dari: "bagian dari", "part of";
        backlink_as: "menyebut SOP ini sebagai", "lists this SOP as";
        draft: "Draf", "Draft";
        draft_notice: "SOP ini masih draf dan belum disahkan.", "This SOP is a draft and not yet approved.";
        // The flowchart and the steps.
        flowchart: "Diagram Alir", "Flowchart";
        flowchart_scroll: "Geser ke samping untuk melihat seluruh diagram.", "Scroll sideways to see the whole chart.";
        flowchart_svg: "Unduh diagram (SVG)", "Download the chart (SVG)";
        flowchart_missing: "Diagram alir belum dapat ditampilkan.", "The flowchart cannot be shown yet.";
        steps: "Uraian Prosedur", "Procedure";
        step_no: "No", "No";
        kegiatan: "Kegiatan", "Activity";
        pelaksana: "Pelaksana", "Performer";
        kelengkapan: "Kelengkapan", "Requirements";
        waktu: "Waktu", "Time";
        output: "Output", "Output";
        keterangan: "Keterangan", "Notes";
        mutu_baku: "Mutu Baku", "Quality standard";
        step: "Langkah", "Step";
        to_step: "ke langkah", "to step";
        back_to_step: "kembali ke langkah", "back to step";
        flowchart_open: "Lihat diagram alir lengkap", "Show the whole flowchart";
        next_step: "Lanjut ke langkah", "Continue at step";
        ends_here: "prosedur selesai", "the procedure ends";
        unnumbered: "tanpa nomor", "unnumbered";
        show_in_chart: "Lihat di diagram", "Show in the chart";
        total_waktu: "Total waktu", "Total time";
        total_waktu_paper: "pada formulir", "on the paper form";
        jumlah_waktu: "Jumlah waktu", "Total time";
        total_partial: "sekurang-kurangnya", "at least";
        total_partial_of: "dari", "of";
        total_partial_steps: "langkah", "steps";
        this_sop: "SOP ini", "this SOP";
        description: "Uraian", "Description";
        // Other pages.
        not_found_title: "Halaman tidak ditemukan", "Page not found";
        not_found_text: "Halaman yang Anda cari tidak ada atau sudah dipindahkan.", "The page you are looking for does not exist or has moved.";
        back_home: "Kembali ke beranda", "Back to the home page";
        print: "Cetak", "Print";
        print_title: "Cetak formulir SOP (juga ke PDF)", "Print the SOP form (or save it as PDF)";
        print_hint: "Untuk mencetak formulir SOP, gunakan menu Cetak pada peramban (Ctrl+P).", "To print the SOP form, use the browser's Print menu (Ctrl+P).";
        made_with: "Dibuat dengan", "Made with";
        // Cross-links: legal bases and roles (render/crosslinks.rs).
        regulations: "Dasar Hukum", "Legal bases";
        regulations_intro: "Peraturan yang menjadi dasar hukum SOP, menurut hierarki peraturan perundang-undangan.", "The regulations SOPs are based on, in the order of the legal hierarchy.";
        regulation_count: "peraturan", "regulations";
        regulation_count_one: "peraturan", "regulation";
        group_uu: "Undang-Undang", "Laws (Undang-Undang)";
        group_perppu: "Peraturan Pemerintah Pengganti Undang-Undang", "Government regulations in lieu of law (Perppu)";
        group_pp: "Peraturan Pemerintah", "Government regulations (PP)";
        group_perpres: "Peraturan Presiden", "Presidential regulations (Perpres)";
        group_peraturan_menteri: "Peraturan Menteri", "Ministerial regulations";
        group_perda: "Peraturan Daerah", "Regional regulations (Perda)";
        group_peraturan_kepala_daerah: "Peraturan Kepala Daerah", "Regional head regulations";
        group_lainnya: "Lainnya", "Other";
        regulation_title: "Tentang", "On";
        regulation_text: "Naskah peraturan", "Full text";
        amends: "Mengubah", "Amends";
        amended_by: "Diubah dengan", "Amended by";
        cited_by: "SOP yang berdasar pada peraturan ini", "SOPs based on this regulation";
        cited_as: "Ditulis", "Written as";
        not_cited: "Tidak ada SOP yang mengacu langsung pada peraturan ini.", "No SOP cites this regulation directly.";
        unreadable: "tidak terbaca", "not recognised";
        roles: "Pelaksana", "Roles";
        roles_intro: "Setiap jabatan pelaksana dengan langkah yang dikerjakannya di setiap SOP.", "Every role with the steps it performs in every SOP.";
        role_count: "pelaksana", "roles";
        role_count_one: "pelaksana", "role";
        role: "Pelaksana", "Role";
        role_steps: "Langkah yang dikerjakan", "Steps performed";
        step_count: "langkah", "steps";
        step_count_one: "langkah", "step";
        singkatan: "Singkatan", "Abbreviation";
        also_written: "Juga ditulis", "Also written as";
        as_lane: "Sebagai", "As";
        together_with: "bersama", "together with";
        open_step: "Lihat langkah di SOP", "Open the step in the SOP";
        no_regulations: "Belum ada SOP yang mencantumkan dasar hukum.", "No SOP lists a legal basis yet.";
        no_roles: "Belum ada pelaksana.", "No roles yet.";
        // The footer of a printed page (render/pages.rs).
        print_page: "Halaman", "Page";
        print_page_of: "dari", "of";
        // Under the QR code of the printed form's identity page.
        print_qr: "Pindai untuk membuka versi terkini SOP ini", "Scan to open the current version of this SOP";
    }
}

table! {
    /// The words of the search page, `s` in its template. `{n}` and `{q}`
    /// are filled in by the script.
    SearchStrings {
        title: "Cari SOP", "Search SOPs";
        hint: "Ketik nama SOP, singkatan (Kasubag, SP2D), pelaksana atau dasar hukum (UU 17/2003).", "Type an SOP name, an abbreviation (Kasubag, SP2D), a role or a legal basis (UU 17/2003).";
        loading: "Memuat indeks pencarian…", "Loading the search index…";
        count: "{n} SOP ditemukan untuk “{q}”", "{n} SOPs found for “{q}”";
        count_one: "1 SOP ditemukan untuk “{q}”", "1 SOP found for “{q}”";
        none: "Tidak ada SOP yang cocok dengan “{q}”. Coba kata lain atau singkatannya.", "No SOP matches “{q}”. Try other words or an abbreviation.";
        more: "Tampilkan lebih banyak", "Show more";
        did_you_mean: "Maksud Anda:", "Did you mean:";
        fewer_words: "Tidak ada SOP yang memuat semua kata; menampilkan hasil untuk:", "No SOP has all the words; showing results for:";
        browse: "Telusuri SOP menurut unit kerja atau pelaksana:", "Browse the SOPs by unit or role:";
        error: "Pencarian tidak dapat dimuat. Muat ulang halaman ini.", "Search could not be loaded. Reload this page.";
        all: "Semua", "All";
        filter_unit: "Unit kerja", "Unit";
        filter_pelaksana: "Pelaksana", "Role";
        needs_js: "Pencarian memerlukan JavaScript. Telusuri SOP melalui daftar unit kerja di beranda.", "Search needs JavaScript. Browse the SOPs by unit from the home page.";
    }
}

table! {
    /// The words of the Riwayat perubahan section of an SOP page
    /// (render/history.rs): field names as the form writes them, lower case
    /// as they stand inside a sentence.
    HistoryStrings {
        title: "Riwayat Perubahan", "Change history";
        intro: "Perubahan pada berkas SOP ini menurut riwayat git, terbaru di atas.", "Changes to this SOP's file according to git, newest first.";
        commit: "Komit", "Commit";
        created: "SOP dibuat", "SOP created";
        moved_from: "dipindahkan dari", "moved from";
        unreadable: "isi versi ini tidak dapat dibaca sebagai SOP", "this version could not be read as an SOP";
        no_change: "tidak ada perubahan pada isi formulir", "no change to the form";
        step: "langkah", "step";
        added: "ditambah", "added";
        removed: "dihapus", "removed";
        changed: "diubah", "changed";
        nomor: "nomor", "number";
        nama: "nama", "name";
        satuan_kerja: "satuan kerja", "agency";
        tanggal_pembuatan: "tanggal pembuatan", "date created";
        tanggal_revisi: "tanggal revisi", "date revised";
        tanggal_efektif: "tanggal efektif", "effective date";
        tanggal_pengesahan: "tanggal pengesahan", "date approved";
        jabatan: "jabatan pengesah", "approver's position";
        penandatangan: "nama pengesah", "approver's name";
        nip: "NIP pengesah", "approver's NIP";
        dasar_hukum: "dasar hukum", "legal basis";
        kualifikasi_pelaksana: "kualifikasi pelaksana", "qualifications";
        keterkaitan: "keterkaitan", "related SOPs";
        peralatan: "peralatan", "equipment";
        peringatan: "peringatan", "warning";
        pencatatan: "pencatatan", "records";
        pelaksana: "pelaksana", "performer";
        total_waktu: "total waktu", "total time";
        uraian: "uraian", "description";
        draft: "draf", "draft";
        kegiatan: "kegiatan", "activity";
        jenis: "jenis", "kind";
        alur: "alur", "flow";
        kelengkapan: "kelengkapan", "requirements";
        waktu: "waktu", "time";
        output: "output", "output";
        keterangan: "keterangan", "notes";
        yes: "ya", "yes";
        no: "tidak", "no";
    }
}

table! {
    /// The flowchart's own words (render/swimlane), beside those it shares
    /// with the steps table (`Strings`: No, Kegiatan, Mutu Baku and its
    /// columns, Langkah), so the chart and the table cannot disagree. The
    /// description is the sentence a screen reader hears; `{name}` is
    /// filled in by [`fill`].
    FlowchartStrings {
        title: "Diagram alir", "Flowchart";
        roles: "Pelaksana", "Performed by";
        // The description: "Langkah 1 (mulai): ..., lalu ke langkah 2".
        then: "lalu ke langkah", "then step";
        end: "selesai", "end";
        and: "dan", "and";
        decision: "keputusan", "decision";
        /// "baris 5": a row the paper leaves unnumbered, by its position.
        row: "baris", "row";
        /// The word in an end terminator.
        end_mark: "Selesai", "End";
        // The printed form: an off-page connector's row and a page's title.
        connector: "Langkah {no} di halaman {page}", "Step {no} on page {page}";
        page_of: " (halaman {page} dari {count})", " (page {page} of {count})";
    }
}

table! {
    /// The words of the kelengkapan page, its CSV and the review marks on
    /// the SOP and unit pages, `k` in templates.
    CompletenessStrings {
        title: "Kelengkapan SOP", "SOP completeness";
        intro: "Bagian formulir SOP yang belum diisi atau tidak dapat dibaca, dan SOP yang perlu ditinjau, per SOP dan per unit kerja. Skor adalah persentase butir formulir yang terisi dan terbaca.", "The parts of each SOP form that are missing or unreadable, and the SOPs due for review, by SOP and by unit. The score is the share of the form's items filled in and readable.";
        front_link: "Periksa kelengkapan", "Check completeness";
        as_of: "Keadaan pada", "As of";
        review_every: "SOP ditinjau setiap", "SOPs are reviewed every";
        review_not_set: "Jangka peninjauan belum diatur (review_after di handbook.yaml).", "No review period is set (review_after in handbook.yaml).";
        score: "Skor", "Score";
        average: "Skor rata-rata", "Average score";
        gaps: "Kekurangan", "Gaps";
        complete: "Lengkap", "Complete";
        review: "Peninjauan", "Review";
        review_due: "Perlu ditinjau", "Due for review";
        overdue_by: "lewat", "overdue by";
        due_on: "ditinjau paling lambat", "review by";
        newest: "tanggal terbaru", "newest date";
        missing: "kosong", "missing";
        unreadable: "tidak terbaca", "unreadable";
        step: "langkah", "step";
        by_unit: "Per unit kerja", "By unit";
        by_sop: "Per SOP", "By SOP";
        sop_count: "Jumlah SOP", "SOPs";
        gap_count: "Jumlah kekurangan", "Gaps";
        due_count: "Perlu ditinjau", "Due for review";
        unit: "Unit kerja", "Unit";
        all_units: "Semua unit", "All units";
        sort_by: "Urutkan menurut", "Sort by";
        nomor: "Nomor SOP", "SOP number";
        nama: "Nama SOP", "SOP name";
        address: "Alamat", "Address";
        csv: "Unduh tabel (CSV, untuk Excel atau LibreOffice)", "Download the table (CSV, for Excel or LibreOffice)";
        no_sops: "Belum ada SOP.", "No SOPs yet.";
        part_nomor: "Nomor SOP", "SOP number";
        part_tanggal_pembuatan: "Tanggal Pembuatan", "Date created";
        part_tanggal_efektif: "Tanggal Efektif", "Effective date";
        part_tanggal_revisi: "Tanggal Revisi", "Date revised";
        part_disahkan_nama: "Disahkan oleh (nama)", "Approved by (name)";
        part_disahkan_nip: "Disahkan oleh (NIP)", "Approved by (NIP)";
        part_dasar_hukum: "Dasar Hukum", "Legal basis";
        part_kualifikasi: "Kualifikasi Pelaksana", "Qualifications";
        part_peralatan: "Peralatan/Perlengkapan", "Equipment";
        part_peringatan: "Peringatan", "Warning";
        part_pencatatan: "Pencatatan dan Pendataan", "Records and data";
        part_pelaksana: "Pelaksana", "Performer";
        part_waktu: "Waktu", "Time";
        part_output: "Output", "Output";
    }
}

/// The label of a part of the form on the kelengkapan page and in its CSV.
pub fn part(language: Language, part: Part) -> &'static str {
    let k = CompletenessStrings::of(language);
    match part {
        Part::Nomor => k.part_nomor,
        Part::TanggalPembuatan => k.part_tanggal_pembuatan,
        Part::TanggalEfektif => k.part_tanggal_efektif,
        Part::TanggalRevisi => k.part_tanggal_revisi,
        Part::DisahkanNama => k.part_disahkan_nama,
        Part::DisahkanNip => k.part_disahkan_nip,
        Part::DasarHukum => k.part_dasar_hukum,
        Part::Kualifikasi => k.part_kualifikasi,
        Part::Peralatan => k.part_peralatan,
        Part::Peringatan => k.part_peringatan,
        Part::Pencatatan => k.part_pencatatan,
        Part::Pelaksana => k.part_pelaksana,
        Part::Waktu => k.part_waktu,
        Part::Output => k.part_output,
    }
}

/// The words of every page in `language`.
pub fn strings(language: Language) -> &'static Strings {
    Strings::of(language)
}

/// `template` with each `{name}` of `values` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `n` and the noun, `one` or `many` as `n` asks ("1 step", "7 steps").
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How a related SOP relates, in words.
pub fn hubungan(language: Language, h: Hubungan) -> &'static str {
    let t = strings(language);
    match h {
        Hubungan::Terkait => t.hubungan_terkait,
        Hubungan::Prasyarat => t.hubungan_prasyarat,
        Hubungan::Lanjutan => t.hubungan_lanjutan,
        Hubungan::BagianDari => t.hubungan_bagian_dari,
    }
}

/// The heading of a group of regulations.
pub fn regulation_group(language: Language, group: RegulationGroup) -> &'static str {
    let t = strings(language);
    match group {
        RegulationGroup::Uu => t.group_uu,
        RegulationGroup::Perppu => t.group_perppu,
        RegulationGroup::Pp => t.group_pp,
        RegulationGroup::Perpres => t.group_perpres,
        RegulationGroup::PeraturanMenteri => t.group_peraturan_menteri,
        RegulationGroup::Perda => t.group_perda,
        RegulationGroup::PeraturanKepalaDaerah => t.group_peraturan_kepala_daerah,
        RegulationGroup::Lainnya => t.group_lainnya,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings as templates see them: an object of key → text.
    fn as_map<T: Serialize>(table: &T) -> serde_json::Map<String, serde_json::Value> {
        match serde_json::to_value(table).expect("JSON") {
            serde_json::Value::Object(map) => map,
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn both_languages_have_every_string() {
        for (id, en) in [
            (
                as_map(Strings::of(Language::Id)),
                as_map(Strings::of(Language::En)),
            ),
            (
                as_map(SearchStrings::of(Language::Id)),
                as_map(SearchStrings::of(Language::En)),
            ),
            (
                as_map(HistoryStrings::of(Language::Id)),
                as_map(HistoryStrings::of(Language::En)),
            ),
            (
                as_map(FlowchartStrings::of(Language::Id)),
                as_map(FlowchartStrings::of(Language::En)),
            ),
            (
                as_map(CompletenessStrings::of(Language::Id)),
                as_map(CompletenessStrings::of(Language::En)),
            ),
        ] {
            assert_eq!(id.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
            for (key, text) in id.iter().chain(&en) {
                assert!(!text.as_str().expect("text").is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn languages_differ_where_words_differ() {
        assert_eq!(strings(Language::Id).home, "Beranda");
        assert_eq!(strings(Language::En).home, "Home");
        assert_eq!(as_map(strings(Language::Id))["home"], "Beranda");
        assert_eq!(SearchStrings::of(Language::En).all, "All");
        assert_eq!(SearchStrings::of(Language::Id).all, "Semua");
        assert_eq!(hubungan(Language::Id, Hubungan::BagianDari), "bagian dari");
        assert_eq!(hubungan(Language::En, Hubungan::Prasyarat), "prerequisite");
    }

    #[test]
    fn the_printed_captions_fill_every_blank_in_both_languages() {
        for language in [Language::Id, Language::En] {
            let f = FlowchartStrings::of(language);
            let connector = fill(f.connector, &[("no", &"9"), ("page", &2)]);
            let title = fill(f.page_of, &[("page", &1), ("count", &3)]);
            for text in [&connector, &title] {
                assert!(!text.contains('{'), "{text}");
            }
        }
        let id = FlowchartStrings::of(Language::Id);
        assert_eq!(
            fill(id.connector, &[("no", &"9"), ("page", &2)]),
            "Langkah 9 di halaman 2"
        );
        assert_eq!(count(1, "step", "steps"), "1 step");
        assert_eq!(count(7, "step", "steps"), "7 steps");
    }
}
