//! The Safety promises against hostile or careless text, end to end: the
//! binary run in a handbook folder as an author runs it. Script URLs are no
//! links and a script base_url is refused; YAML aliases are bounded by the
//! text they copy; an SOP's page grows linearly with its steps; control
//! characters never break an SVG or reach the terminal raw.

mod support;

use std::fs;
use std::path::Path;

use support::{lajur_output, write};

const SOP: &str = "\
nomor: SOP-070/Setda
nama: Penyusunan Rencana Kinerja Tahunan
dasar_hukum:
  - Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara
  - Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah
pelaksana: [Kepala Sub Bagian, Pelaksana]
langkah:
  - kegiatan: Meminta data usulan kegiatan
    pelaksana: Kepala Sub Bagian
    waktu: 15 menit
  - kegiatan: Membuat konsep RKT
    pelaksana: Pelaksana
    waktu: 1 hari
";

/// A handbook in a new temp folder: handbook.yaml and the given files.
fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let mut all = vec![("handbook.yaml", "title: Buku Pedoman SOP\n")];
    all.extend_from_slice(files);
    support::handbook(&all)
}

/// Runs the binary in `dir` (no --root, as an author does); returns its exit
/// status, its standard output and its standard error as bytes.
fn lajur(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, Vec<u8>) {
    let out = lajur_output(dir, args);
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir` whose name ends in `ext`, with its text.
fn files_ending(dir: &Path, ext: &str) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().to_string_lossy().ends_with(ext))
        .map(|e| {
            let text = fs::read_to_string(e.path()).expect("read");
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// Every value of an href or src attribute in `html`, entities decoded.
fn link_targets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        for rest in html.split(attr).skip(1) {
            let value = rest.split('"').next().unwrap_or("");
            out.push(value.replace("&amp;", "&").replace("&#x27;", "'"));
        }
    }
    out
}

#[test]
fn script_urls_written_by_authors_are_no_links() {
    let register = "\
- id: uu-no-17-tahun-2003
  judul: Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara
  url: \"  JavaScript:alert(document.cookie)\"
- id: pp-no-12-tahun-2019
  url: https://peraturan.go.id/id/pp-no-12-tahun-2019
";
    let front = "---\nnama: Beranda\n---\n\
        [satu](javascript:alert(1)) [dua](java&#09;script:alert(2)) \
        [tiga](data:text/html;base64,PHNjcmlwdD4=) [empat](VBScript:msgbox) \
        [lima](https://jdih.go.id/) [enam](mailto:umum@example.go.id)\n";
    let sop = SOP.replace(
        "pelaksana: [",
        "keterkaitan:\n  - teks: SOP Pelayanan KTP Disdukcapil\n    url: \"JAVA\\tSCRIPT:alert(7)\"\n  - teks: SOP Arsip\n    url: https://arsip.example.go.id/sop\npelaksana: [",
    );
    let dir = handbook(&[
        ("content/_index.md", front),
        ("content/dasar-hukum.yaml", register),
        ("content/umum/rkt.yaml", &sop),
    ]);
    let (code, _, err) = lajur(dir.path(), &["check"]);
    let err = text(&err);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("content/dasar-hukum.yaml:3:8: warning: this url is no web link"),
        "{err}"
    );

    let (code, _, err) = lajur(dir.path(), &["build"]);
    assert_eq!(code, 0, "{}", text(&err));
    let mut targets = Vec::new();
    for (_, html) in files_ending(&dir.path().join("public"), ".html") {
        targets.extend(link_targets(&html));
    }
    for target in &targets {
        let seen: String = target
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_lowercase();
        for scheme in ["javascript:", "data:", "vbscript:", "java&#9;script"] {
            assert!(!seen.starts_with(scheme), "a link to {target}");
        }
    }
    for kept in [
        "https://peraturan.go.id/id/pp-no-12-tahun-2019",
        "https://jdih.go.id/",
        "mailto:umum@example.go.id",
        "https://arsip.example.go.id/sop",
    ] {
        assert!(targets.iter().any(|t| t == kept), "no link to {kept}");
    }
    let rkt = fs::read_to_string(dir.path().join("public/umum/rkt/index.html")).expect("rkt");
    assert!(rkt.contains("SOP Pelayanan KTP Disdukcapil"), "{rkt}");
    // The words of a dropped link stay, as text.
    let front_page = fs::read_to_string(dir.path().join("public/index.html")).expect("index");
    assert!(front_page.contains("satu dua tiga empat"), "{front_page}");
}

#[test]
fn base_url_is_an_http_address_or_a_path() {
    let dir = handbook(&[("content/umum/rkt.yaml", SOP)]);
    for bad in [
        "javascript:alert(1)//",
        "/sop/?v=2",
        "https://example.go.id/sop/#atas",
        "sop/",
    ] {
        let (code, out, err) = lajur(dir.path(), &["build", "--base-url", bad]);
        let err = text(&err);
        assert_eq!(code, 2, "--base-url {bad}: {}{err}", text(&out));
        assert!(err.contains("--base-url:0:0: error: base_url"), "{err}");
        assert!(err.contains("hint:"), "{err}");
        assert!(
            !dir.path().join("public").exists(),
            "--base-url {bad} wrote a site"
        );
    }
    write(
        dir.path(),
        "handbook.yaml",
        "title: Pedoman\nbase_url: https://example.go.id/sop/?x=1\n",
    );
    for command in ["check", "build"] {
        let (code, _, err) = lajur(dir.path(), &[command]);
        let err = text(&err);
        assert_eq!(code, 2, "{command}: {err}");
        assert!(
            err.contains("handbook.yaml:2:11: error: base_url"),
            "{command}: {err}"
        );
    }
    assert!(!dir.path().join("public").exists());
    // What the format allows still builds, links under it.
    write(
        dir.path(),
        "handbook.yaml",
        "title: Pedoman\nbase_url: https://example.go.id/sop\n",
    );
    let (code, _, err) = lajur(dir.path(), &["build"]);
    assert_eq!(code, 0, "{}", text(&err));
    let page = fs::read_to_string(dir.path().join("public/umum/rkt/index.html")).expect("page");
    assert!(
        page.contains("href=\"https://example.go.id/sop/umum/\""),
        "{page}"
    );
}

#[test]
fn aliases_that_copy_too_much_text_are_an_error_naming_the_line() {
    // A valid SOP of 61 KB: 300 steps, each aliasing one 50 KB kegiatan.
    // Expanded it was 15 MB of text; its site 709 MB and the build 2.9 GB.
    let mut sop = format!(
        "nomor: SOP-1\nnama: Alias\npelaksana: [Staf]\nlangkah:\n  - kegiatan: &k \"{}\"\n    pelaksana: Staf\n",
        "Memeriksa berkas. ".repeat(2_800)
    );
    for _ in 1..300 {
        sop.push_str("  - kegiatan: *k\n    pelaksana: Staf\n");
    }
    assert!((55_000..70_000).contains(&sop.len()), "{}", sop.len());
    let dir = handbook(&[("content/umum/besar.yaml", &sop)]);
    for command in ["check", "build"] {
        let (code, _, err) = lajur(dir.path(), &[command]);
        let err = text(&err);
        assert_eq!(code, 1, "{command}: {err}");
        // 20 aliases of 49 KB stay under 1 MiB; the 21st, on line 47, does not.
        assert!(
            err.contains("content/umum/besar.yaml:47:15: error: aliases copy too much text"),
            "{command}: {err}"
        );
        assert!(err.contains("hint: write a long text once"), "{err}");
    }
    assert!(!dir.path().join("public").exists());
}

/// An SOP of `n` steps over three lanes, a decision every tenth step.
fn long_sop(n: usize) -> String {
    let lanes = ["Staf", "Kepala Sub Bagian", "Kepala Bagian"];
    let mut s = format!(
        "nomor: SOP-{n}\nnama: SOP {n} langkah\npelaksana: [{}]\nlangkah:\n",
        lanes.join(", ")
    );
    for i in 1..=n {
        s.push_str(&format!(
            "  - kegiatan: Memeriksa kelengkapan berkas nomor {i}\n    pelaksana: {}\n    waktu: 10 menit\n",
            lanes[i % 3]
        ));
        if i % 10 == 0 && i < n {
            s.push_str(&format!(
                "    jenis: keputusan\n    ya: {}\n    tidak: {}\n",
                i + 1,
                i - 5
            ));
        }
    }
    s
}

#[test]
fn an_sop_page_grows_linearly_with_its_steps() {
    let size = |n: usize| {
        let dir = handbook(&[("content/umum/sop.yaml", &long_sop(n))]);
        let (code, _, err) = lajur(dir.path(), &["build"]);
        assert_eq!(code, 0, "{}", text(&err));
        let page = dir.path().join("public/umum/sop/index.html");
        fs::metadata(page).expect("the SOP page").len() as f64
    };
    let (small, large) = (size(150), size(600));
    // Four times the steps, four times the page (give or take the fixed
    // part). Each printed page describing every step made it 8 times.
    let ratio = large / small;
    assert!(
        ratio < 4.4,
        "150 steps: {small} bytes, 600 steps: {large} bytes ({ratio:.2}x)"
    );
}

#[test]
fn control_characters_never_break_an_svg_or_the_terminal() {
    // Word writes a line break in a cell as a vertical tab; an escape
    // sequence clears a terminal and colours what follows.
    let sop = "nomor: SOP-9\n\
        nama: \"Penerimaan\\vtamu \\e[2Jdinas\"\n\
        pelaksana: [\"Petugas\\x00 Piket\", Kepala Bagian]\n\
        langkah:\n\
        \x20 - kegiatan: Menerima\x0btamu\x0cdan mencatat\x1b[31m di buku\x7f tamu\n\
        \x20   pelaksana: Petugas Piket\n\
        \x20   waktu: \"\x1b[2J\x1b[31mlima menit\"\n\
        \x20 - kegiatan: \"Melaporkan\\u0085kepada \\x1b]0;judul\\x07Kepala\"\n\
        \x20   pelaksana: Kepala Bagian\n";
    let dir = handbook(&[("content/umum/tamu.yaml", sop)]);
    for command in ["check", "build"] {
        let (code, out, err) = lajur(dir.path(), &[command]);
        assert_eq!(code, 0, "{command}: {}", text(&err));
        for bytes in [&out, &err] {
            assert!(
                !bytes.contains(&0x1b),
                "{command} printed a raw ESC: {}",
                text(bytes)
            );
            assert!(
                !bytes.iter().any(|&b| b < 0x20 && b != b'\n' && b != b'\t'),
                "{}",
                text(bytes)
            );
        }
        // The echoed source line shows the escape sequence as text.
        assert!(
            text(&err).contains("\\u{1b}[2J\\u{1b}[31mlima menit"),
            "{}",
            text(&err)
        );
    }
    let public = dir.path().join("public");
    // The flowcharts (not the theme's icon, favicon.svg).
    let mut svgs = files_ending(&public, ".svg");
    svgs.retain(|(path, _)| !path.ends_with("/favicon.svg"));
    assert!(!svgs.is_empty());
    for (path, svg) in &svgs {
        let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{path}: {e}"));
        let all: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(all.contains("Menerima"), "{path}");
        assert!(
            !all.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{path}"
        );
    }
    // The SVGs inlined in the page are the same drawing.
    let page = fs::read_to_string(public.join("umum/tamu/index.html")).expect("page");
    let inline = &page[page.find("<svg").expect("an inline svg")..];
    let inline = &inline[..inline.find("</svg>").expect("its end") + 6];
    roxmltree::Document::parse(inline).expect("the inline flowchart is XML");
    for (path, json) in files_ending(&public, ".json") {
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!value.to_string().contains("\\u001b"), "{path}");
    }
    let json = fs::read_to_string(public.join("umum/tamu/sop.json")).expect("sop.json");
    let sop: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(sop["nama"], "Penerimaan\ntamu [2Jdinas");
    assert!(
        json.contains("Menerima\\ntamu\\ndan mencatat[31m di buku tamu"),
        "{json}"
    );
}

#[test]
fn a_misspelt_keterkaitan_of_any_length_gets_its_hint_in_linear_time() {
    // A nama of 300 KB and a keterkaitan naming it with one letter wrong,
    // plus one naming nothing close: comparing them letter by letter in
    // full is a table of 9 * 10^10 cells (the fuzzer's keterkaitan target
    // never finished for it); along its diagonal band it is instant.
    let nama = "Penyusunan Rencana Kinerja Tahunan ".repeat(8_600);
    let mut typo = nama.clone();
    typo.replace_range(150_000..150_001, "x");
    let far = "Pengelolaan Arsip Dinamis ".repeat(11_000);
    let cited = format!(
        "nomor: SOP-1\nnama: {}\npelaksana: [Staf]\nlangkah:\n  - kegiatan: Menyusun\n    pelaksana: Staf\n",
        nama.trim_end()
    );
    let citing = SOP.replace(
        "pelaksana: [",
        &format!(
            "keterkaitan:\n  - {}\n  - {}\npelaksana: [",
            typo.trim_end(),
            far.trim_end()
        ),
    );
    let dir = handbook(&[
        ("content/umum/panjang.yaml", &cited),
        ("content/umum/rkt.yaml", &citing),
    ]);
    let (code, _, err) = lajur(dir.path(), &["check"]);
    let err = text(&err);
    assert_eq!(code, 0, "{}", &err[..err.len().min(2_000)]);
    assert_eq!(err.matches("matches no SOP of the handbook").count(), 2);
    assert_eq!(
        err.matches("hint: did you mean `Penyusunan Rencana")
            .count(),
        1
    );
}

#[test]
fn a_content_folder_named_like_a_folder_of_the_site_is_an_error() {
    // The search engine's folder, the completeness page, the search page,
    // the roles and the legal bases: a unit or SOP there would mix its
    // pages with the site's own or lose them.
    let unit = "---\nnama: Pencarian\n---\n";
    let dir = handbook(&[
        ("content/pagefind/_index.md", unit),
        ("content/pagefind/rkt.yaml", SOP),
        (
            "content/Kelengkapan/lkj.yaml",
            &SOP.replace("SOP-070", "SOP-071"),
        ),
        ("content/cari.yaml", &SOP.replace("SOP-070", "SOP-072")),
        ("content/umum/rkt.yaml", &SOP.replace("SOP-070", "SOP-073")),
    ]);
    for command in ["check", "build"] {
        let (code, _, err) = lajur(dir.path(), &[command]);
        let err = text(&err);
        assert_eq!(code, 1, "{command}: {err}");
        for (file, path) in [
            ("content/pagefind/_index.md:1:1", "pagefind"),
            // A folder without _index.md is named as it is on disk, with
            // no line to point at.
            ("content/Kelengkapan/", "kelengkapan"),
            ("content/cari.yaml:1:1", "cari"),
        ] {
            let said = format!("{file}: error: `{path}/` is a page of the site itself");
            assert!(err.contains(&said), "{command}: {said}: {err}");
        }
        assert!(!err.contains("umum/rkt.yaml"), "{err}");
    }
    assert!(!dir.path().join("public").exists());
}

#[test]
fn folders_without_index_md_sharing_a_url_are_each_named_as_on_disk() {
    let dir = handbook(&[
        ("content/Umum/rkt.yaml", SOP),
        ("content/umum/lkj.yaml", &SOP.replace("SOP-070", "SOP-071")),
    ]);
    let (code, _, err) = lajur(dir.path(), &["check"]);
    let err = text(&err);
    assert_eq!(code, 1, "{err}");
    // Both folders, each by the name the author gave it, neither with a
    // line that does not exist.
    assert!(
        err.contains(
            "content/umum/: error: duplicate URL `umum/`: content/Umum/ is published there too"
        ),
        "{err}"
    );
    assert!(!err.contains(":0:0"), "{err}");
}

#[test]
fn the_messages_about_a_huge_sop_grow_with_it_not_with_its_square() {
    // 2,000 lanes and 4,000 steps, each step naming a lane that is not
    // there and every decision leading to an id that is not there. Every
    // hint listed every lane or every id: 4,000 messages of 30 KB each,
    // 120 MB of messages for a file of half a megabyte, and as many
    // comparisons of names.
    let lanes: Vec<String> = (0..2_000).map(|i| format!("Petugas {i:04}")).collect();
    let mut sop = format!(
        "nomor: SOP-1\nnama: Besar\npelaksana: [{}]\nlangkah:\n",
        lanes.join(", ")
    );
    for i in 0..4_000 {
        sop.push_str(&format!(
            "  - id: langkah-{i}\n    kegiatan: Memeriksa\n    pelaksana: Pengawas {i:04}\n"
        ));
        if i % 2 == 0 && i < 3_998 {
            sop.push_str(&format!(
                "    jenis: keputusan\n    ya: lngkah-{}\n    tidak: selesai\n",
                i + 1
            ));
        }
    }
    assert!((300_000..1_000_000).contains(&sop.len()), "{}", sop.len());
    let dir = handbook(&[("content/umum/besar.yaml", &sop)]);
    let (code, _, err) = lajur(dir.path(), &["check"]);
    assert_eq!(code, 1);
    let err = text(&err);
    assert_eq!(
        err.matches("error: unknown pelaksana `Pengawas").count(),
        4_000
    );
    assert_eq!(err.matches("which is no step number or id").count(), 1_999);
    // Each hint names a dozen lanes or ids and says how many there are.
    assert!(
        err.contains("Petugas 0011, ... (2000 in all)"),
        "{}",
        &err[..3_000]
    );
    assert!(
        err.contains("langkah-11, ... (4000 in all)"),
        "{}",
        &err[..3_000]
    );
    assert!(
        err.len() < 10 * sop.len(),
        "{} bytes of messages for an SOP of {} bytes",
        err.len(),
        sop.len()
    );
}
