use std::path::Path;

use super::*;
use crate::model::RegulationKind;
use crate::testing::model::{citation, handbook, lane, minutes, sop, step};

/// Renders the cross-link files of `hb` with the built-in theme.
fn render_files(hb: &Handbook) -> Vec<OutputFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (theme, _) = crate::source::theme::load(root, &hb.config);
    let indexes = Indexes::build(hb);
    let routes = crate::routes::plan(hb, &indexes);
    let completeness = crate::link::completeness::assess(hb, crate::model::calendar::build_day());
    let renderer = crate::render::Renderer::new(hb, &indexes, &routes, &completeness, &theme, root)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut paths = Vec::new();
    let files = crate::output::keep_files(|sink| {
        paths = render(&renderer.builder, &renderer.templates, &indexes, sink)?;
        Ok::<(), RenderError>(())
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(paths.len(), files.len(), "every file written is reported");
    files
}

fn text<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} is not rendered"));
    std::str::from_utf8(&file.bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture() -> Handbook {
    let uu = |text: &str| {
        citation(
            text,
            RegulationKind::Uu,
            "17",
            2003,
            Some("Keuangan Negara"),
        )
    };
    let mut pp = citation("PP 58/2005", RegulationKind::Pp, "58", 2005, None);
    pp.amends = Some(Box::new(citation(
        "PP 105/2000",
        RegulationKind::Pp,
        "105",
        2000,
        None,
    )));
    let mut a = sop(
        "SOP-1",
        vec![
            lane("Kepala Sub Bagian Umum", Some("Kasubag Umum")),
            lane("Staf", None),
        ],
        vec![
            step(1, &[0], Some(minutes(15.0))),
            step(2, &[0, 1], Some(minutes(45.0))),
        ],
        vec![uu("UU 17/2003"), pp],
    );
    a.path = "umum/satu".into();
    let mut b = sop(
        "SOP-2",
        vec![lane("Kasubag Umum", None)],
        vec![step(1, &[0], Some(minutes(10.0)))],
        vec![uu("Undang-Undang Nomor 17 Tahun 2003")],
    );
    b.path = "umum/dua".into();
    handbook(vec![a, b])
}

#[test]
fn every_crosslink_file_is_rendered() {
    let files = render_files(&fixture());
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "dasar-hukum/index.html",
            "dasar-hukum/pp-no-105-tahun-2000/index.html",
            "dasar-hukum/pp-no-58-tahun-2005/index.html",
            "dasar-hukum/uu-no-17-tahun-2003/index.html",
            "handbook.json",
            "pelaksana/index.html",
            "pelaksana/kepala-sub-bagian-umum/index.html",
            "pelaksana/staf/index.html",
            "umum/dua/sop.json",
            "umum/satu/sop.json",
        ]
    );
}

#[test]
fn an_empty_handbook_says_so_instead_of_failing() {
    let files = render_files(&handbook(Vec::new()));
    assert!(text(&files, "dasar-hukum/index.html").contains("Belum ada SOP yang mencantumkan"));
    assert!(text(&files, "pelaksana/index.html").contains("Belum ada pelaksana"));
    assert!(text(&files, "handbook.json").contains("\"sop_count\": 0"));
}

#[test]
fn regulation_pages_list_citing_sops_and_amendments() {
    let files = render_files(&fixture());
    let index = text(&files, "dasar-hukum/index.html");
    let uu_at = index
        .find("Undang-Undang Nomor 17 Tahun 2003")
        .expect("UU listed");
    let pp_at = index
        .find("Peraturan Pemerintah Nomor 58")
        .expect("PP listed");
    assert!(uu_at < pp_at, "UU comes before PP");

    let uu = text(&files, "dasar-hukum/uu-no-17-tahun-2003/index.html");
    assert!(uu.contains("href=\"/umum/satu/\"") && uu.contains("href=\"/umum/dua/\""));
    assert!(uu.contains("Keuangan Negara"));

    let old = text(&files, "dasar-hukum/pp-no-105-tahun-2000/index.html");
    assert!(old.contains("href=\"/dasar-hukum/pp-no-58-tahun-2005/\""));
    let new = text(&files, "dasar-hukum/pp-no-58-tahun-2005/index.html");
    assert!(new.contains("href=\"/dasar-hukum/pp-no-105-tahun-2000/\""));
}

#[test]
fn role_pages_show_each_step_across_sops() {
    let files = render_files(&fixture());
    let index = text(&files, "pelaksana/index.html");
    assert!(index.contains("href=\"/pelaksana/kepala-sub-bagian-umum/\""));
    assert!(
        index.contains("2 SOP"),
        "the merged role works in both SOPs"
    );

    let kasubag = text(&files, "pelaksana/kepala-sub-bagian-umum/index.html");
    assert!(kasubag.contains("href=\"/umum/satu/#langkah-2\""));
    assert!(kasubag.contains("href=\"/umum/dua/#langkah-1\""));
    assert!(kasubag.contains("45 menit"));
    // SOP-2 writes the role by its singkatan: the page says so.
    assert!(kasubag.contains("Kasubag Umum"));

    let staf = text(&files, "pelaksana/staf/index.html");
    assert!(staf.contains("Kegiatan 2") && !staf.contains("Kegiatan 1<"));
}
