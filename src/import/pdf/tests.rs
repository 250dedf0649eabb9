//! PDFs drawn as office suites export an SOP form, read back: the
//! identity fields, and the flowchart as the model reads the YAML written.

use super::fixture::{Fx, FxKind, FxStep, Style, pdf};
use crate::Config;
use crate::import::yaml;
use crate::model::{Flow, Sop, StepKind, Target};
use lopdf::dictionary;

fn step(kegiatan: &'static str, lanes: &[usize], kind: FxKind) -> FxStep {
    FxStep {
        kegiatan,
        lanes: lanes.to_vec(),
        kind,
        tidak: None,
        jump: None,
        also: None,
        sequential: false,
        waktu: "15 menit",
    }
}

fn sample(style: Style, rows_per_page: usize, repeat_heading: bool) -> Fx {
    let mut decision = step(
        "Memverifikasi kelengkapan berkas permohonan",
        &[1],
        FxKind::Decision,
    );
    decision.tidak = Some(1);
    Fx {
        lanes: vec!["Kepala Dinas", "Sekretaris", "Staf Pelaksana"],
        steps: vec![
            step(
                "Menerima berkas permohonan dari pemohon",
                &[2],
                FxKind::Terminator,
            ),
            step("Memeriksa dan mencatat berkas", &[2], FxKind::Process),
            decision,
            step("Rapat pembahasan", &[0, 1], FxKind::Process),
            step(
                "Kepala Dinas menandatangani surat balasan",
                &[1],
                FxKind::Process,
            ),
            step("Mengarsipkan surat", &[2], FxKind::Terminator),
        ],
        rows_per_page,
        repeat_heading,
        style,
        labels: ("Ya", "Tidak"),
        table_on_first_page: false,
        scanned_page: None,
    }
}

/// Imports `bytes` and reads the YAML written as `lajur check` does.
fn import(bytes: &[u8]) -> (Sop, String) {
    let draft = super::read(bytes).expect("the PDF is read");
    let written = yaml::write(&draft, "uji.pdf");
    let (sop, diagnostics) =
        crate::source::read_sop_text("uji/uji.yaml", &written.yaml, &Config::default());
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}\n{}", written.yaml);
    (sop.expect("an SOP"), written.yaml)
}

/// What the flowchart shows: per step its lanes, kind and where it leads.
pub(super) fn structure(sop: &Sop) -> Vec<(Vec<String>, StepKind, Vec<String>)> {
    sop.steps
        .iter()
        .map(|s| {
            let lanes = s.lanes.iter().map(|&l| sop.lanes[l].nama.clone()).collect();
            let t = |t: &Target| match t.step_index() {
                Some(i) => (i + 1).to_string(),
                None => "selesai".into(),
            };
            let flow = match &s.flow {
                Flow::Next { to } => {
                    let mut to: Vec<String> = to.iter().map(t).collect();
                    to.sort();
                    to
                }
                Flow::Decision {
                    ya,
                    tidak,
                    label_ya,
                    label_tidak,
                } => {
                    vec![
                        format!("{label_ya}:{}", t(ya)),
                        format!("{label_tidak}:{}", t(tidak)),
                    ]
                }
            };
            (lanes, s.kind, flow)
        })
        .collect()
}

fn expected() -> Vec<(Vec<String>, StepKind, Vec<String>)> {
    let l = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let f = |targets: &[&str]| targets.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        (l(&["Staf Pelaksana"]), StepKind::Mulai, f(&["2"])),
        (l(&["Staf Pelaksana"]), StepKind::Proses, f(&["3"])),
        (
            l(&["Sekretaris"]),
            StepKind::Keputusan,
            f(&["Ya:4", "Tidak:2"]),
        ),
        (
            l(&["Kepala Dinas", "Sekretaris"]),
            StepKind::Proses,
            f(&["5"]),
        ),
        (l(&["Sekretaris"]), StepKind::Proses, f(&["6"])),
        (l(&["Staf Pelaksana"]), StepKind::Selesai, f(&[])),
    ]
}

#[test]
fn stroked_form_on_one_page_gives_lanes_kinds_and_branches() {
    let (sop, yaml) = import(&pdf(&sample(Style::Stroked, 6, true)));
    assert_eq!(structure(&sop), expected(), "{yaml}");
    assert_eq!(sop.nomor, "SOP-12/Uji", "{yaml}");
    assert_eq!(sop.nama, "Pengujian Impor PDF");
    assert_eq!(sop.steps[3].kegiatan, "Rapat pembahasan");
    assert_eq!(
        sop.steps[2].kegiatan,
        "Memverifikasi kelengkapan berkas permohonan"
    );
    assert_eq!(
        sop.steps[0].waktu.as_ref().map(|w| w.text.as_str()),
        Some("15 menit")
    );
    assert_eq!(sop.steps[0].output.as_deref(), Some("Dokumen"));
}

#[test]
fn identity_fields_and_boxes_from_positions() {
    let (sop, yaml) = import(&pdf(&sample(Style::Stroked, 6, true)));
    assert_eq!(
        sop.tanggal_efektif.map(|d| d.iso()),
        Some("2024-02-01".into()),
        "{yaml}"
    );
    assert_eq!(
        sop.tanggal_pembuatan.map(|d| d.iso()),
        Some("2024-01-02".into())
    );
    assert!(sop.tanggal_revisi.is_empty());
    let a = sop.disahkan_oleh.as_ref().expect("disahkan_oleh");
    assert_eq!(a.jabatan.as_deref(), Some("Kepala Dinas"), "{yaml}");
    assert_eq!(a.nama.as_deref(), Some("Budi Santoso, S.H."));
    assert_eq!(a.nip.as_deref(), Some("19700101 199001 1 001"));
    assert_eq!(
        sop.satuan_kerja.as_deref(),
        Some("DINAS KOMUNIKASI DAN INFORMATIKA"),
        "{yaml}"
    );
    assert_eq!(sop.unit_lines, ["BIDANG APLIKASI"]);
    assert_eq!(sop.dasar_hukum.len(), 2, "{yaml}");
    assert_eq!(
        sop.kualifikasi_pelaksana,
        [
            "Memahami tata naskah dinas",
            "Mampu mengoperasikan komputer"
        ]
    );
    assert_eq!(sop.peralatan, ["Komputer", "Printer"]);
    assert_eq!(sop.keterkaitan.len(), 1);
    assert_eq!(
        sop.peringatan,
        ["Bila tidak dilaksanakan, layanan terlambat"]
    );
    assert_eq!(sop.pencatatan, ["Disimpan sebagai arsip elektronik"]);
}

#[test]
fn filled_rings_read_as_the_same_symbols() {
    let (sop, yaml) = import(&pdf(&sample(Style::Rings, 6, true)));
    assert_eq!(structure(&sop), expected(), "{yaml}");
}

#[test]
fn a_flowchart_over_pages_is_one_sop_with_or_without_a_repeated_heading() {
    for repeat in [true, false] {
        let (sop, yaml) = import(&pdf(&sample(Style::Stroked, 3, repeat)));
        assert_eq!(
            structure(&sop),
            expected(),
            "repeat heading {repeat}\n{yaml}"
        );
    }
}

#[test]
fn position_wins_over_wording() {
    // Step 5 says "Kepala Dinas menandatangani" but is drawn in the
    // Sekretaris lane: the lane is the symbol's.
    let (sop, _) = import(&pdf(&sample(Style::Stroked, 6, true)));
    assert_eq!(sop.lanes[sop.steps[4].lanes[0]].nama, "Sekretaris");
}

#[test]
fn a_page_that_is_only_an_image_is_reported_not_guessed() {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = doc.add_object(lopdf::Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0],
    ));
    let content = doc.add_object(lopdf::Stream::new(
        dictionary! {},
        b"q 500 0 0 700 0 0 cm /Im1 Do Q".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = super::read(&bytes).expect_err("a scan gives no SOP");
    assert!(err.contains("image"), "{err}");
}

/// The flowchart's structure in an SVG: each symbol (step, kind, lane),
/// each arrow (from, to) and each branch label.
fn svg_structure(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let mut out: Vec<String> = Vec::new();
    for node in doc.descendants() {
        let a = |k: &str| node.attribute(k).unwrap_or("");
        if node.has_tag_name("g") && node.attribute("data-step").is_some() {
            out.push(format!(
                "symbol {} {} {}",
                a("data-step"),
                a("data-jenis"),
                a("data-lane")
            ));
        } else if node.has_tag_name("path") && node.attribute("data-from").is_some() {
            out.push(format!("arrow {} -> {}", a("data-from"), a("data-to")));
        } else if node.has_tag_name("text") {
            let t = node.text().unwrap_or("").trim().to_string();
            if t == "Ya" || t == "Tidak" {
                out.push(format!("label {t}"));
            }
        }
    }
    out.sort();
    out
}

/// The sample written by hand, as the author of the paper form meant it.
const SAMPLE_YAML: &str = "nomor: SOP-12/Asli
nama: Pengujian Impor PDF (asli)
pelaksana: [Kepala Dinas, Sekretaris, Staf Pelaksana]
langkah:
  - kegiatan: Menerima berkas permohonan dari pemohon
    pelaksana: Staf Pelaksana
  - kegiatan: Memeriksa dan mencatat berkas
    pelaksana: Staf Pelaksana
  - kegiatan: Memverifikasi kelengkapan berkas permohonan
    pelaksana: Sekretaris
    jenis: keputusan
    tidak: 2
  - kegiatan: Rapat pembahasan
    pelaksana: [Kepala Dinas, Sekretaris]
  - kegiatan: Kepala Dinas menandatangani surat balasan
    pelaksana: Sekretaris
  - kegiatan: Mengarsipkan surat
    pelaksana: Staf Pelaksana
";

#[test]
fn imported_pdf_builds_the_same_flowchart_as_the_sop_it_was_drawn_from() {
    for (style, rows) in [(Style::Stroked, 6), (Style::Rings, 3)] {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        crate::scaffold::init(root).unwrap();
        std::fs::create_dir_all(root.join("content/asli")).unwrap();
        std::fs::write(root.join("content/asli/sampel.yaml"), SAMPLE_YAML).unwrap();
        let file = root.join("sampel.pdf");
        std::fs::write(&file, pdf(&sample(style, rows, false))).unwrap();
        let report = crate::import::run(
            root,
            &[file],
            &crate::import::ImportOptions {
                into: Some("content/impor".into()),
                ..Default::default()
            },
        );
        assert_eq!(report.exit_code(), 0, "{report:?}");
        let opts = crate::Options {
            root: root.to_path_buf(),
            ..Default::default()
        };
        let checked = crate::check(&opts);
        assert!(checked.is_ok(), "{checked:?}");
        crate::build(&opts, None).expect("builds");
        let svg = |p: &str| {
            std::fs::read_to_string(root.join("public").join(p).join("alur.svg")).unwrap()
        };
        let imported = svg_structure(&svg("impor/pengujian-impor-pdf"));
        assert!(imported.iter().any(|s| s.starts_with("symbol 3 keputusan")));
        assert_eq!(imported, svg_structure(&svg("asli/sampel")));
    }
}

#[test]
fn y_t_labels_forks_and_rows_passed_from_lane_to_lane() {
    let mut fx = sample(Style::Stroked, 6, true);
    fx.labels = ("Y", "T");
    // Step 2 forks: to 3 and to 5 at once.
    fx.steps[1].also = Some(4);
    // Step 4 passes from Kepala Dinas to Sekretaris.
    fx.steps[3].sequential = true;
    let (sop, yaml) = import(&pdf(&fx));
    let mut want = expected();
    want[1].2 = vec!["3".into(), "5".into()];
    want[2].2 = vec!["Y:4".into(), "T:2".into()];
    assert_eq!(structure(&sop), want, "{yaml}");
    assert_eq!(sop.steps[3].alur, crate::model::Alur::Berurutan, "{yaml}");
}

#[test]
fn a_flowchart_that_starts_on_page_one_under_the_identity_boxes() {
    // Page 1 holds three or four rows under the boxes.
    for (rows, repeat) in [(3, false), (3, true), (4, false)] {
        let mut fx = sample(Style::Stroked, rows, repeat);
        fx.table_on_first_page = true;
        let bytes = pdf(&fx);
        let pages = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();
        assert_eq!(pages, 6_usize.div_ceil(rows), "no separate identity page");
        let (sop, yaml) = import(&bytes);
        assert_eq!(structure(&sop), expected(), "rows {rows}\n{yaml}");
        // The identity part above the table is still read.
        assert_eq!(sop.nomor, "SOP-12/Uji", "{yaml}");
        assert_eq!(sop.nama, "Pengujian Impor PDF", "{yaml}");
        assert_eq!(sop.dasar_hukum.len(), 2, "{yaml}");
        assert_eq!(sop.pencatatan, ["Disimpan sebagai arsip elektronik"]);
        let a = sop.disahkan_oleh.as_ref().expect("disahkan_oleh");
        assert_eq!(a.nip.as_deref(), Some("19700101 199001 1 001"), "{yaml}");
    }
}

#[test]
fn a_scanned_page_among_text_pages_is_reported_by_its_number() {
    // A scanned page between the identity page and the table: the rest is
    // read, the scan named in a `# periksa` comment.
    let mut fx = sample(Style::Stroked, 6, true);
    fx.scanned_page = Some(1);
    let (sop, yaml) = import(&pdf(&fx));
    assert_eq!(structure(&sop), expected(), "{yaml}");
    assert!(
        yaml.lines()
            .any(|l| l.starts_with("# periksa: halaman 2 berupa gambar")),
        "{yaml}"
    );
}

#[test]
fn steps_on_a_scanned_page_are_not_guessed() {
    // The second page of the flowchart is a scan: its three steps cannot
    // be read. The import says so and holds only the steps it read.
    let mut fx = sample(Style::Stroked, 3, true);
    fx.scanned_page = Some(2);
    let mut pages = lopdf::Document::load_mem(&pdf(&fx)).unwrap();
    // Page 3 (index 2) is the scan; drop the real second table page after it
    // so the scan stands in its place.
    pages.delete_pages(&[4]);
    let mut bytes = Vec::new();
    pages.save_to(&mut bytes).unwrap();
    let draft = super::read(&bytes).expect("the readable pages are read");
    let written = yaml::write(&draft, "uji.pdf");
    assert!(
        written.yaml.contains("# periksa: halaman 3 berupa gambar"),
        "{}",
        written.yaml
    );
    assert_eq!(draft.steps.len(), 3, "{}", written.yaml);
    for kegiatan in ["Rapat pembahasan", "Mengarsipkan surat"] {
        assert!(!written.yaml.contains(kegiatan), "{}", written.yaml);
    }
}
