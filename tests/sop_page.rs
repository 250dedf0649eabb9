//! The SOP page around the flowchart (issue 17), on the shapes of real SOPs
//! in tests/fixtures/flowchart, built as a user builds them.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::copy_dir;

fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("buku");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flowchart");
    copy_dir(&fixture, &root);
    let opts = lajur::Options {
        root: root.clone(),
        ..Default::default()
    };
    if let Err(e) = lajur::build(&opts, None) {
        panic!("build failed: {e:?}");
    }
    (dir, root.join("public"))
}

fn page(public: &Path, path: &str) -> String {
    fs::read_to_string(public.join(path).join("index.html")).expect("SOP page")
}

#[test]
fn a_joint_steps_roles_are_one_item_of_its_card() {
    // Issue 17, defect 4: on a phone each cell of the steps table is a grid
    // of its label and its content; the ", " between two roles was a grid
    // item of its own and showed as a lone ",".
    let (_dir, public) = build();
    let html = page(&public, "mts/penerimaan-tamu");
    let cells: Vec<&str> = html
        .split("class=\"steps__pelaksana\">")
        .skip(1)
        .map(|c| &c[..c.find("</td>").expect("cell ends")])
        .collect();
    assert_eq!(cells.len(), 5);
    for cell in &cells {
        assert!(
            cell.starts_with("<span class=\"steps__lanes\">") && cell.ends_with("</span>"),
            "the roles are not one item: {cell}"
        );
    }
    assert!(cells[1].contains(">Tamu</a>, <a"), "{}", cells[1]);
}

#[test]
fn the_scroll_hint_shows_only_where_the_drawing_scrolls() {
    // Issue 17, defect 8: "Geser ke samping" showed on a wide screen
    // where nothing scrolls, and the drawing sat left of an empty box.
    let (_dir, public) = build();
    let html = page(&public, "mts/penerimaan-tamu");
    let svg = fs::read_to_string(public.join("mts/penerimaan-tamu/alur.svg")).expect("alur.svg");
    let width: f64 = svg
        .split(" width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .expect("the drawing's width");
    let rule = html
        .split("@media (min-width: ")
        .nth(1)
        .and_then(|r| r.split("px)").next())
        .and_then(|r| r.parse::<f64>().ok())
        .expect("a rule that hides the hint where the drawing fits");
    assert!(rule > width && rule < width + 120.0, "{rule} for {width}");
    assert!(html.contains(".flowchart__hint { display: none; }"));
    let css = fs::read_to_string(public.join("style.css")).expect("style.css");
    assert!(css.contains(
        ".flowchart__scroll svg { display: block; max-width: none; height: auto; margin: 0 auto; }"
    ));
}

#[test]
fn the_flowchart_has_no_links_inside_an_image_and_one_landmark() {
    // Issue 17, defect 10 (axe: nested-interactive, landmark-unique): the
    // drawing's links sat inside role="img", and the scroll box was a
    // second region named like its section.
    let (_dir, public) = build();
    let html = page(&public, "mts/verifikasi-berkas");
    let svg_open = html
        .split("<svg xmlns=")
        .nth(1)
        .and_then(|s| s.split('>').next())
        .expect("the inline drawing");
    assert!(html.contains("<a href=\"#langkah-1\">"));
    assert!(!svg_open.contains("role=\"img\""), "{svg_open}");
    assert!(
        svg_open.contains("role=\"graphics-document\""),
        "{svg_open}"
    );
    assert_eq!(html.matches("aria-labelledby=\"judul-alur\"").count(), 1);
    assert!(!html.contains("role=\"region\""));
    // Paper has no links: the printed pages stay images.
    let printed = html.split("class=\"print-form").nth(1).expect("the form");
    assert!(printed.contains("role=\"img\""));
}

#[test]
fn the_last_printed_page_has_the_jumlah_waktu_row() {
    // Issue 17, defect 6: the page showed "Total waktu", the paper's
    // Jumlah row was missing. Same total as the page.
    let (_dir, public) = build();
    let html = page(&public, "mts/penerimaan-tamu");
    let total = html
        .split("class=\"total-waktu__computed\">")
        .nth(1)
        .and_then(|t| t.split('<').next())
        .expect("the page's total");
    let form = html.split("class=\"print-form").nth(1).expect("the form");
    let pages: Vec<&str> = form
        .split("<section class=\"print-page print-page--alur")
        .skip(1)
        .collect();
    assert_eq!(pages.len(), 2);
    assert!(!pages[0].contains("Jumlah waktu"));
    assert!(pages[1].starts_with("\" data-akhir>"));
    assert!(
        pages[1].contains(&format!(
            "<th scope=\"row\">Jumlah waktu</th><td>{total}</td>"
        )),
        "{}",
        pages[1]
    );
}

#[test]
fn on_a_phone_the_steps_are_a_flow_of_cards_with_the_swimlane_a_tap_away() {
    let (_dir, public) = build();
    let html = page(&public, "mts/verifikasi-berkas");
    // Each card: its symbol, number, pelaksana, kegiatan, mutu baku.
    let rows: Vec<&str> = html.split("<tr id=\"langkah-").skip(1).collect();
    assert_eq!(rows.len(), 6);
    let kinds = [
        "mulai",
        "keputusan",
        "keputusan",
        "proses",
        "proses",
        "selesai",
    ];
    for (row, kind) in rows.iter().zip(kinds) {
        assert!(
            row.contains(&format!(
                "class=\"steps__symbol steps__symbol--{kind}\" aria-hidden=\"true\""
            )),
            "{kind}: {row}"
        );
        assert!(row.contains("data-label=\"Pelaksana\""));
        assert!(row.contains("data-label=\"Waktu\""));
    }
    // A decision says where each branch goes; a loop back says so.
    assert!(rows[1].contains("branch--loop"), "{}", rows[1]);
    assert!(
        rows[1].contains("<a href=\"#langkah-1\">kembali ke langkah 1</a>"),
        "{}",
        rows[1]
    );
    assert!(
        rows[1].contains("<a href=\"#langkah-3\">ke langkah 3</a>"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains("<a href=\"#langkah-2\">kembali ke langkah 2</a>"),
        "{}",
        rows[2]
    );
    // The whole swimlane, one tap away on the same page, without script.
    assert!(html.contains("<a href=\"#alur-diagram\">Lihat diagram alir lengkap</a>"));
    assert!(html.contains("<figure class=\"flowchart\" id=\"alur-diagram\">"));
    let css = fs::read_to_string(public.join("style.css")).expect("style.css");
    let phone = css
        .split("@media (max-width: 48rem)")
        .nth(1)
        .expect("the phone rules");
    assert!(phone.contains(".flowchart:not(:target):not(:has(:target)) { display: none; }"));
    assert!(phone.contains(".flowchart__open { display: block;"));
}
