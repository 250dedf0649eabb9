//! Rendering a handbook built by hand: pages at their URLs, the form's
//! fields, links under base_url.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::*;
use crate::config::{Config, Language};
use crate::diagnostic::Pos;
use crate::model::*;
use crate::testing::model::{self as built, lane, unit, unread};

fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// A step of the form: a kelengkapan and an output, at line `number`.
fn step(number: usize, kegiatan: &str, lanes: Vec<usize>, kind: StepKind, flow: Flow) -> Step {
    Step {
        kegiatan: kegiatan.into(),
        kind,
        flow,
        kelengkapan: vec!["Nota dinas".into()],
        output: Some(format!("Output {number}")),
        pos: Pos::new(number, 1),
        ..built::step(number, &lanes, None)
    }
}

fn sop(path: &str, unit: &str, nomor: &str, nama: &str) -> Sop {
    Sop {
        file: PathBuf::from(format!("content/{path}.yaml")),
        path: path.into(),
        unit: unit.into(),
        pos: Pos::new(1, 1),
        nomor: nomor.into(),
        nama: nama.into(),
        satuan_kerja: Some("Sekretariat Daerah Kota Banjarbaru".into()),
        unit_lines: vec!["Bagian Umum".into(), "Sub Bagian Perencanaan".into()],
        tanggal_pembuatan: Some(date(2018, 11, 7)),
        tanggal_revisi: vec![],
        tanggal_efektif: Some(date(2018, 12, 31)),
        disahkan_oleh: Some(Approver {
            jabatan: Some("Sekretaris Daerah".into()),
            nama: Some("Drs. H. SAID ABDULLAH, M.Si".into()),
            nip: Some("19650928 199203 1 008".into()),
        }),
        dasar_hukum: vec![unread(
            "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
        )],
        kualifikasi_pelaksana: vec!["Memiliki kemampuan pengolahan data sederhana".into()],
        keterkaitan: vec![],
        peralatan: vec!["Printer".into()],
        peringatan: vec!["Jika tidak dilaksanakan sesuai SOP, proses tidak lancar".into()],
        pencatatan: vec!["Disimpan sebagai data elektronik".into()],
        lanes: vec![
            lane("Kepala Sub Bagian Perencanaan", Some("Kasubbag")),
            lane("Sekretaris Daerah", None),
        ],
        steps: vec![
            step(
                1,
                "Menerima data usulan",
                vec![0],
                StepKind::Mulai,
                Flow::next(Some(1)),
            ),
            step(
                2,
                "Memeriksa kelengkapan draft",
                vec![1],
                StepKind::Keputusan,
                Flow::Decision {
                    ya: Target::step(2),
                    tidak: Target::step(0),
                    label_ya: "Lengkap".into(),
                    label_tidak: "Tidak lengkap".into(),
                },
            ),
            step(
                3,
                "Menandatangani dokumen",
                vec![0, 1],
                StepKind::Selesai,
                Flow::next(None),
            ),
        ],
        total_waktu: None,
        draft: false,
        body: "Catatan <b>penting</b> untuk pelaksana.\n".into(),
        ..Sop::default()
    }
}

fn handbook(config: Config) -> Handbook {
    let mut lkj = sop(
        "bagian-umum/perencanaan/lkj",
        "bagian-umum/perencanaan",
        "SOP-071/Setda",
        "Penyusunan Laporan Kinerja",
    );
    lkj.tanggal_revisi = vec![date(2023, 7, 1), date(2020, 5, 15)];
    let mut rkt = sop(
        "bagian-umum/perencanaan/rkt",
        "bagian-umum/perencanaan",
        "SOP-070/Setda",
        "Penyusunan Rencana Kinerja Tahunan",
    );
    rkt.keterkaitan = vec![
        Relation {
            reference: "SOP Penyusunan Laporan Kinerja".into(),
            hubungan: Hubungan::Lanjutan,
            target: Some(0),
            pos: Pos::default(),
            ..Relation::default()
        },
        Relation {
            reference: "SOP Pengadaan ATK".into(),
            hubungan: Hubungan::Terkait,
            target: None,
            pos: Pos::default(),
            ..Relation::default()
        },
    ];
    Handbook {
        config,
        units: vec![
            unit("", None, "Beranda", "Selamat datang di **buku pedoman**."),
            unit(
                "bagian-umum",
                Some(""),
                "Bagian Umum",
                "Bagian yang mengurus rumah tangga.",
            ),
            unit(
                "bagian-umum/perencanaan",
                Some("bagian-umum"),
                "Sub Bagian Perencanaan",
                "",
            ),
        ],
        sops: vec![lkj, rkt],
        register: vec![],
        assets: vec![Asset {
            source: PathBuf::from("content/bagian-umum/formulir-usulan.pdf"),
            dest: "bagian-umum/formulir-usulan.pdf".into(),
            kind: crate::model::AssetKind::Attachment,
        }],
    }
}

fn render(config: Config) -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    render_in(dir.path(), config)
}

fn render_in(root: &Path, config: Config) -> BTreeMap<String, String> {
    render_handbook(root, &handbook(config))
}

/// The site of `handbook` as the pipeline makes it: the theme read from
/// `root`, the handbook linked, every page rendered into memory.
fn render_site(handbook: &Handbook, root: &Path) -> Result<Vec<OutputFile>, Diagnostics> {
    let (theme, _) = crate::source::theme::load(root, &handbook.config);
    let diagnostics = |e: crate::BuildError| match e.diagnostics() {
        Some(d) => d.clone(),
        None => panic!("{e}"),
    };
    let linked = crate::pipeline::link(crate::pipeline::Loaded {
        handbook: handbook.clone(),
        theme,
        diagnostics: Diagnostics::default(),
    })
    .map_err(diagnostics)?;
    let producer = crate::pipeline::Producer::new(&linked, root).map_err(diagnostics)?;
    crate::output::keep_files(|sink| producer.site(sink, false)).map_err(diagnostics)
}

fn render_handbook(root: &Path, handbook: &Handbook) -> BTreeMap<String, String> {
    let files = render_site(handbook, root).unwrap_or_else(|d| panic!("{}", d.to_text()));
    files
        .into_iter()
        .map(|f| (f.path, String::from_utf8_lossy(&f.bytes).into_owned()))
        .collect()
}

/// Every href and src value in `html`.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\"", "action=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
        }
    }
    out
}

#[test]
fn every_page_is_at_its_url() {
    let site = render(Config::default());
    for path in [
        "index.html",
        "bagian-umum/index.html",
        "bagian-umum/perencanaan/index.html",
        "bagian-umum/perencanaan/rkt/index.html",
        "bagian-umum/perencanaan/lkj/index.html",
        "404.html",
        "sitemap.xml",
        "style.css",
    ] {
        assert!(site.contains_key(path), "{path} missing: {:?}", site.keys());
    }
}

#[test]
fn sop_page_shows_the_form() {
    let site = render(Config {
        organisation: Some("Pemerintah Kota Banjarbaru".into()),
        ..Config::default()
    });
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    for want in [
        "<html lang=\"id\">",
        "SOP-070/Setda",
        "Penyusunan Rencana Kinerja Tahunan",
        "Pemerintah Kota Banjarbaru",
        "Sekretariat Daerah Kota Banjarbaru",
        "Sub Bagian Perencanaan",
        "Tanggal Pembuatan",
        "7 November 2018",
        "31 Desember 2018",
        "Drs. H. SAID ABDULLAH, M.Si",
        "19650928 199203 1 008",
        "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
        "Kualifikasi Pelaksana",
        "Peralatan/Perlengkapan",
        "Pencatatan dan Pendataan",
        "id=\"langkah-1\"",
        "id=\"langkah-3\"",
        "Memeriksa kelengkapan draft",
        "Output 2",
    ] {
        assert!(page.contains(want), "`{want}` not on the SOP page");
    }
    assert_eq!(page.matches("<h1").count(), 1, "one h1");
}

#[test]
fn decisions_show_where_each_branch_leads() {
    let site = render(Config::default());
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    let row = page
        .split("id=\"langkah-2\"")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("row of step 2");
    assert!(row.contains("Lengkap"), "{row}");
    assert!(row.contains("href=\"#langkah-3\""), "{row}");
    assert!(row.contains("Tidak lengkap"), "{row}");
    assert!(row.contains("href=\"#langkah-1\""), "{row}");
}

#[test]
fn keterkaitan_links_resolved_sops_and_marks_missing_ones() {
    let site = render(Config::default());
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    assert!(page.contains("href=\"/bagian-umum/perencanaan/lkj/\""));
    assert!(page.contains("lanjutan"));
    assert!(page.contains("SOP Pengadaan ATK"));
    assert!(page.contains("belum tersedia"));
    // The SOP pointed to lists the one pointing, saying how from its side.
    let lkj = &site["bagian-umum/perencanaan/lkj/index.html"];
    let back = lkj
        .split("SOP yang merujuk ke SOP ini")
        .nth(1)
        .expect("backlinks section");
    assert!(
        back.contains("href=\"/bagian-umum/perencanaan/rkt/\""),
        "{back}"
    );
    assert!(back.contains("menyebut SOP ini sebagai lanjutan"), "{back}");
}

#[test]
fn revision_dates_show_the_newest_in_long_form() {
    let site = render(Config::default());
    let page = &site["bagian-umum/perencanaan/lkj/index.html"];
    let revisi = page.split("Tanggal Revisi").nth(1).expect("revision row");
    let newest = revisi.find("1 Juli 2023").expect("newest revision");
    let older = revisi.find("15 Mei 2020").expect("older revision");
    assert!(newest < older);
    // The front page lists it as recently revised.
    assert!(site["index.html"].contains("1 Juli 2023"));
}

#[test]
fn front_and_unit_pages_list_units_sops_and_attachments() {
    let site = render(Config::default());
    let index = &site["index.html"];
    assert!(index.contains("Bagian Umum"));
    assert!(index.contains("<strong>buku pedoman</strong>"));
    assert!(index.contains("href=\"/bagian-umum/\""));
    let umum = &site["bagian-umum/index.html"];
    assert!(umum.contains("Sub Bagian Perencanaan"));
    assert!(umum.contains("href=\"/bagian-umum/formulir-usulan.pdf\""));
    assert!(umum.contains("Bagian yang mengurus rumah tangga."));
    let sub = &site["bagian-umum/perencanaan/index.html"];
    assert!(sub.contains("SOP-070/Setda") && sub.contains("SOP-071/Setda"));
    // Breadcrumbs go back to the parent unit.
    assert!(sub.contains("aria-label=\"Jejak halaman\""));
    assert!(sub.contains("href=\"/bagian-umum/\""));
}

#[test]
fn every_link_goes_under_base_url() {
    let site = render(Config {
        base_url: "/sop/".into(),
        logo: Some("logo.png".into()),
        ..Config::default()
    });
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        for link in links(text) {
            let ok = link.starts_with("/sop/") || link.starts_with('#');
            assert!(ok, "{path}: `{link}` is not under /sop/");
        }
    }
    assert!(site["sitemap.xml"].contains("<loc>/sop/bagian-umum/perencanaan/rkt/</loc>"));
}

#[test]
fn sitemap_is_absolute_when_base_url_is() {
    let site = render(Config {
        base_url: "https://setda.banjarbarukota.go.id/sop/".into(),
        ..Config::default()
    });
    let sitemap = &site["sitemap.xml"];
    assert!(sitemap.contains(
        "<loc>https://setda.banjarbarukota.go.id/sop/bagian-umum/perencanaan/lkj/</loc>"
    ));
    assert!(sitemap.contains("<lastmod>2023-07-01</lastmod>"));
}

#[test]
fn raw_html_in_bodies_is_escaped_unless_allowed() {
    let escaped = render(Config::default());
    let page = &escaped["bagian-umum/perencanaan/rkt/index.html"];
    assert!(page.contains("&lt;b&gt;penting&lt;/b&gt;"));
    let allowed = render(Config {
        allow_html: true,
        ..Config::default()
    });
    assert!(allowed["bagian-umum/perencanaan/rkt/index.html"].contains("<b>penting</b>"));
}

#[test]
fn english_switches_ui_strings_and_lang() {
    let site = render(Config {
        language: Language::En,
        ..Config::default()
    });
    let page = &site["bagian-umum/perencanaan/lkj/index.html"];
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Skip to content"));
    assert!(page.contains("1 July 2023"));
    assert!(!page.contains("Langsung ke isi"));
}

#[test]
fn handbook_templates_override_the_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Tersesat</h1>{% endblock content %}",
    )
    .expect("write");
    let site = render_in(dir.path(), Config::default());
    assert!(site["404.html"].contains("<h1>Tersesat</h1>"));
    assert!(
        site["404.html"].contains("class=\"skip-link\""),
        "still the theme's base"
    );
}

#[test]
fn a_broken_template_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/sop.html"),
        "{{ page.tidak_ada.sama_sekali }}",
    )
    .expect("write");
    let Err(errors) = render_site(&handbook(Config::default()), dir.path()) else {
        panic!("a broken template must fail the build");
    };
    // The link stage's warnings (a keterkaitan of the handbook built in
    // code) come with it; the one error is the template's.
    let first = errors.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!(first.file, Path::new("templates/sop.html"));
    assert_eq!(errors.errors(), 1, "reported once, not once per SOP");
}

/// The row of step `n` in the steps table of `page`.
fn step_row(page: &str, n: usize) -> &str {
    page.split(&format!("id=\"langkah-{n}\""))
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row for step {n}"))
}

#[test]
fn pelaksana_cells_link_to_the_role_pages() {
    let site = render(Config::default());
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    // A joint step links each of its lanes, in lane order.
    let row = step_row(page, 3);
    let kasubbag = row
        .find("href=\"/pelaksana/kepala-sub-bagian-perencanaan/\"")
        .expect("first lane linked");
    let sekda = row
        .find("href=\"/pelaksana/sekretaris-daerah/\"")
        .expect("second lane linked");
    assert!(kasubbag < sekda, "{row}");
    assert!(step_row(page, 2).contains("href=\"/pelaksana/sekretaris-daerah/\""));
    // Every link goes to a page that is written.
    for role in ["kepala-sub-bagian-perencanaan", "sekretaris-daerah"] {
        assert!(site.contains_key(&format!("pelaksana/{role}/index.html")));
    }
}

#[test]
fn a_lane_written_as_a_singkatan_links_to_the_full_role() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut hb = handbook(Config::default());
    // The second SOP writes the first lane by the first SOP's singkatan.
    hb.sops[1].lanes[0] = Lane {
        nama: "Kasubbag".into(),
        singkatan: None,
        slug: "kasubbag".into(),
    };
    // The link stage gives the lane its role's slug.
    let site = render_handbook(dir.path(), &hb);
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    let row = step_row(page, 1);
    assert!(
        row.contains("href=\"/pelaksana/kepala-sub-bagian-perencanaan/\""),
        "{row}"
    );
    assert!(
        row.contains(">Kasubbag</a>"),
        "shown as the SOP writes it: {row}"
    );
    assert!(
        page.contains("data-lane=\"kepala-sub-bagian-perencanaan\""),
        "the flowchart names the lane by its role"
    );
    assert!(!site.contains_key("pelaksana/kasubbag/index.html"));
}

#[test]
fn dasar_hukum_links_read_citations_and_marks_unread_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut hb = handbook(Config::default());
    hb.sops[1].dasar_hukum.push(crate::citations::parse(
        "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja",
    ));
    let site = render_handbook(dir.path(), &hb);
    let page = &site["bagian-umum/perencanaan/rkt/index.html"];
    let cell = page
        .split("class=\"citations\"")
        .nth(1)
        .and_then(|c| c.split("</ol>").next())
        .expect("dasar hukum list");
    assert!(
        cell.contains(
            "<a href=\"/dasar-hukum/pp-no-8-tahun-2006/\">Peraturan Pemerintah Nomor 8 Tahun 2006"
        ),
        "{cell}"
    );
    // The fixture's first line has no id: shown as written, marked.
    assert!(cell.contains("Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara"));
    assert_eq!(cell.matches("tidak terbaca").count(), 1, "{cell}");
    assert!(site.contains_key("dasar-hukum/pp-no-8-tahun-2006/index.html"));
}

#[test]
fn the_navigation_and_sitemap_reach_the_cross_link_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut hb = handbook(Config::default());
    // Without a readable citation there is no Dasar Hukum link to an empty page.
    let site = render_handbook(dir.path(), &hb);
    let nav = site["index.html"]
        .split("class=\"site-nav\"")
        .nth(1)
        .and_then(|n| n.split("</nav>").next())
        .expect("a navigation bar");
    assert!(nav.contains("href=\"/pelaksana/\""), "{nav}");
    assert!(!nav.contains("href=\"/dasar-hukum/\""), "{nav}");

    hb.sops[0].dasar_hukum = vec![crate::citations::parse("UU 17/2003")];
    let site = render_handbook(dir.path(), &hb);
    assert!(site["bagian-umum/index.html"].contains("href=\"/dasar-hukum/\""));
    let sitemap = &site["sitemap.xml"];
    for loc in [
        "/dasar-hukum/",
        "/dasar-hukum/uu-no-17-tahun-2003/",
        "/pelaksana/",
        "/pelaksana/sekretaris-daerah/",
        "/pelaksana/kepala-sub-bagian-perencanaan/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{loc}</loc>")),
            "{loc} not in the sitemap"
        );
    }
}

#[test]
fn front_page_counts_sops_units_and_roles() {
    let site = render(Config::default());
    let stats = site["index.html"]
        .split("class=\"stats\"")
        .nth(1)
        .and_then(|s| s.split("</dl>").next())
        .expect("the totals");
    let value = |label: &str| {
        let after = stats
            .split(label)
            .nth(1)
            .unwrap_or_else(|| panic!("{label} missing: {stats}"));
        let dd = after
            .split("<dd>")
            .nth(1)
            .and_then(|d| d.split("</dd>").next());
        dd.map(str::trim).map(String::from).unwrap_or_default()
    };
    assert_eq!(value("Jumlah SOP"), "2");
    assert_eq!(
        value("Unit Kerja"),
        "1",
        "top-level units, as the cards below"
    );
    assert_eq!(value("href=\"/pelaksana/\""), "2", "two roles");
    // Nothing read as a citation: no tile for an empty page.
    assert!(!stats.contains("/dasar-hukum/"), "{stats}");
}
