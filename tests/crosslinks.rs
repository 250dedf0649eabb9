//! The handbook as a web of links: one page per regulation with every SOP
//! citing it, one page per role with every step it performs, and the open
//! data (sop.json, handbook.json) in the shape docs/*.schema.json describe.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use lajur::Options;
use serde_json::Value;
use support::{read, unit, write};

/// Three SOPs that write one law four ways, cite an amendment and the
/// regulation it amends, and name two roles in several spellings.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "handbook.yaml",
        "title: Uji Tautan\n\
         roles:\n\
         \x20 Kasubag Umum: Kepala Sub Bagian Umum\n",
    );
    write(
        root,
        "content/dasar-hukum.yaml",
        "- id: uu-no-17-tahun-2003\n\
         \x20 judul: Keuangan Negara\n\
         \x20 url: https://peraturan.go.id/id/uu-no-17-tahun-2003\n",
    );
    write(root, "content/umum/_index.md", unit("Bagian Umum"));
    write(
        root,
        "content/umum/rapat.yaml",
        "nomor: SOP-01/UM\n\
         nama: Penyelenggaraan Rapat\n\
         dasar_hukum:\n\
         \x20 - Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara\n\
         \x20 - Permendagri Nomor 21 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah\n\
         pelaksana:\n\
         \x20 - nama: Kepala Bagian Umum\n\
         \x20   singkatan: Kabag Umum\n\
         \x20 - Staf Umum\n\
         langkah:\n\
         \x20 - kegiatan: Menyiapkan undangan rapat\n\
         \x20   pelaksana: Staf Umum\n\
         \x20   waktu: 15 menit\n\
         \x20   output: Undangan\n\
         \x20 - kegiatan: Menandatangani undangan rapat\n\
         \x20   pelaksana: Kabag Umum\n\
         \x20   waktu: 5 menit\n\
         \x20   output: Undangan bertanda tangan\n\
         \x20 - kegiatan: Memimpin rapat\n\
         \x20   pelaksana: [Kabag Umum, Staf Umum]\n\
         \x20   waktu: 1 jam\n",
    );
    write(
        root,
        "content/umum/arsip.yaml",
        "nomor: SOP-02/UM\n\
         nama: Pengarsipan Notulen\n\
         dasar_hukum:\n\
         \x20 - UU No 17 Thn 2003 tentang Keuangan Negara\n\
         keterkaitan:\n\
         \x20 - ref: SOP-01/UM\n\
         \x20   hubungan: prasyarat\n\
         \x20 - SOP Yang Belum Ditulis\n\
         pelaksana: [Kabag Umum, Kasubag Umum]\n\
         langkah:\n\
         \x20 - kegiatan: Menyerahkan notulen rapat\n\
         \x20   pelaksana: Kabag Umum\n\
         \x20   waktu: 10 menit\n\
         \x20 - kegiatan: Mengarsipkan notulen rapat\n\
         \x20   pelaksana: Kasubag Umum\n\
         \x20   waktu: 20 menit\n\
         \x20   output: Arsip notulen\n",
    );
    write(
        root,
        "content/keuangan/spj.md",
        "---\n\
         nomor: SOP-03/KEU\n\
         nama: Verifikasi SPJ\n\
         dasar_hukum:\n\
         \x20 - UU 17/2003\n\
         \x20 - Undang-Undang Nomor 17 Tahun 2003\n\
         \x20 - Permendagri Nomor 13 Tahun 2006 tentang Pedoman Pengelolaan Keuangan Daerah\n\
         \x20 - Catatan rapat pimpinan\n\
         pelaksana: [Kepala Sub Bagian Umum, Bendahara]\n\
         langkah:\n\
         \x20 - kegiatan: Menerima berkas SPJ\n\
         \x20   pelaksana: Kepala Sub Bagian Umum\n\
         \x20   waktu: 1 jam\n\
         \x20 - kegiatan: Memverifikasi SPJ\n\
         \x20   pelaksana: Bendahara\n\
         \x20   waktu: 1 hari\n\
         ---\n\
         Uraian singkat.\n",
    );
    dir
}

/// Builds the fixture into a fresh output folder and returns it.
fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("tempdir");
    let opts = Options {
        root: root.to_path_buf(),
        ..Options::default()
    };
    let public = out.path().join("public");
    if let Err(e) = lajur::build(&opts, Some(public.clone())) {
        panic!("the fixture builds: {e:?}");
    }
    (out, public)
}

fn json(public: &Path, rel: &str) -> Value {
    serde_json::from_str(&read(public, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&value).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// The subfolders of `dir`, sorted.
fn subdirs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn one_page_per_regulation_with_every_citing_sop() {
    let site = fixture();
    let (_out, public) = build(site.path());

    // Four spellings of UU 17/2003 in three SOPs: one page.
    let pages = subdirs(&public.join("dasar-hukum"));
    assert_eq!(
        pages.iter().filter(|p| p.contains("17-tahun-2003")).count(),
        1,
        "{pages:?}"
    );
    let uu = read(&public, "dasar-hukum/uu-no-17-tahun-2003/index.html");
    for sop in ["/umum/rapat/", "/umum/arsip/", "/keuangan/spj/"] {
        assert!(
            uu.contains(&format!("href=\"{sop}\"")),
            "UU page misses {sop}"
        );
    }
    assert!(uu.contains("https://peraturan.go.id/id/uu-no-17-tahun-2003"));

    // The index groups by the legal hierarchy and counts.
    let index = read(&public, "dasar-hukum/index.html");
    let uu_at = index.find("/dasar-hukum/uu-no-17-tahun-2003/");
    let permendagri_at = index.find("/dasar-hukum/permendagri-no-13-tahun-2006/");
    assert!(
        matches!((uu_at, permendagri_at), (Some(u), Some(p)) if u < p),
        "UU before Permendagri on the index"
    );
    assert!(
        !index.contains("Catatan rapat pimpinan"),
        "an unread line gets no regulation page"
    );
}

#[test]
fn amendments_link_both_ways() {
    let site = fixture();
    let (_out, public) = build(site.path());
    let amended = read(
        &public,
        "dasar-hukum/permendagri-no-13-tahun-2006/index.html",
    );
    let amending = read(
        &public,
        "dasar-hukum/permendagri-no-21-tahun-2011/index.html",
    );
    assert!(amended.contains("href=\"/dasar-hukum/permendagri-no-21-tahun-2011/\""));
    assert!(amending.contains("href=\"/dasar-hukum/permendagri-no-13-tahun-2006/\""));
    // SOP-03 cites the amended regulation itself; SOP-01 only the amendment.
    assert!(amended.contains("href=\"/keuangan/spj/\""));
    assert!(!amended.contains("href=\"/umum/rapat/\""));
}

#[test]
fn roles_merge_across_spellings_and_list_their_steps() {
    let site = fixture();
    let (_out, public) = build(site.path());
    let roles = subdirs(&public.join("pelaksana"));
    assert_eq!(
        roles,
        [
            "bendahara",
            "kepala-bagian-umum",
            "kepala-sub-bagian-umum",
            "staf-umum"
        ],
        "Kabag Umum (a singkatan) and Kasubag Umum (roles:) are no roles of their own"
    );

    // Merged through the singkatan of SOP-01.
    let kabag = read(&public, "pelaksana/kepala-bagian-umum/index.html");
    for step in [
        "Menandatangani undangan rapat",
        "Memimpin rapat",
        "Menyerahkan notulen rapat",
    ] {
        assert!(kabag.contains(step), "Kepala Bagian Umum misses {step:?}");
    }
    assert!(!kabag.contains("Menyiapkan undangan rapat"));
    assert!(kabag.contains("href=\"/umum/rapat/#langkah-2\""));
    assert!(
        kabag.contains("Undangan bertanda tangan"),
        "the output is shown"
    );

    // Merged through `roles:` in handbook.yaml.
    let kasubag = read(&public, "pelaksana/kepala-sub-bagian-umum/index.html");
    assert!(kasubag.contains("Mengarsipkan notulen rapat"));
    assert!(kasubag.contains("Menerima berkas SPJ"));

    let index = read(&public, "pelaksana/index.html");
    assert!(index.contains("href=\"/pelaksana/kepala-bagian-umum/\""));
}

#[test]
fn the_flowchart_lane_headers_link_to_their_roles() {
    let site = fixture();
    let (_out, public) = build(site.path());
    let page = read(&public, "umum/rapat/index.html");
    let svg = &page[page.find("<svg").expect("the flowchart")..];
    let svg = &svg[..svg.find("</svg>").expect("its end")];
    // A lane named by its singkatan links to the merged role.
    assert!(
        svg.contains(r#"<a class="alur-lajur" href="/pelaksana/kepala-bagian-umum/">"#),
        "{svg}"
    );
    // Every lane header is a link.
    let lanes = svg.matches(r#"class="alur-lajur""#).count();
    assert!(lanes >= 2, "{lanes} linked lane headers");
    // alur.svg is the same drawing.
    assert!(read(&public, "umum/rapat/alur.svg").contains(r#"class="alur-lajur""#));
}

#[test]
fn open_data_matches_the_schemas() {
    let site = fixture();
    let (_out, public) = build(site.path());
    let sop_schema = schema("sop.schema.json");
    for sop in ["umum/rapat", "umum/arsip", "keuangan/spj"] {
        let value = json(&public, &format!("{sop}/sop.json"));
        assert_valid(&sop_schema, &value, sop);
    }
    let handbook = json(&public, "handbook.json");
    assert_valid(&schema("handbook.schema.json"), &handbook, "handbook.json");
    assert_eq!(handbook["sop_count"], 3);

    let arsip = json(&public, "umum/arsip/sop.json");
    assert_eq!(arsip["dasar_hukum"][0]["id"], "uu-no-17-tahun-2003");
    assert_eq!(
        arsip["dasar_hukum"][0]["url"],
        "/dasar-hukum/uu-no-17-tahun-2003/"
    );
    assert_eq!(arsip["keterkaitan"][0]["target"]["url"], "/umum/rapat/");
    assert_eq!(arsip["keterkaitan"][0]["hubungan"], "prasyarat");
    assert_eq!(arsip["keterkaitan"][1]["resolved"], false);
    assert_eq!(
        arsip["pelaksana"][1]["role"]["url"],
        "/pelaksana/kepala-sub-bagian-umum/"
    );
    assert_eq!(arsip["total_waktu"]["min"]["minutes"], 30.0);

    let rapat = json(&public, "umum/rapat/sop.json");
    assert_eq!(rapat["dirujuk_oleh"][0]["nomor"], "SOP-02/UM");
    let spj = json(&public, "keuangan/spj/sop.json");
    assert_eq!(
        spj["dasar_hukum"][3]["id"],
        Value::Null,
        "an unread line keeps no id"
    );
}
