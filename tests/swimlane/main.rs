//! The flowchart: geometry properties on realistic SOPs and on hundreds of
//! random ones, the SVG markup contract of docs/architecture.md, and snapshots.

mod checks;
mod random;
mod routing;
mod sops;

use std::path::PathBuf;

use lajur::config::Language;
use lajur::model::{Flow, Target};
use lajur::render::swimlane::{
    Point, Shape, layout, print_page_layouts, render_print_pages, render_svg,
};

use checks::*;
use sops::*;

#[test]
fn example_sops_have_clean_geometry() {
    for sop in [balangan(), banjarbaru(), tricky()] {
        if let Err(e) = check_all(&sop) {
            panic!("{}: {e}", sop.nama);
        }
    }
}

#[test]
fn every_example_sop_has_clean_geometry() {
    let sops = example_handbook();
    assert!(sops.len() >= 2);
    for sop in &sops {
        if let Err(e) = check_all(sop) {
            panic!("{}: {e}", sop.path);
        }
        for l in print_page_layouts(sop, Language::Id, 8) {
            if let Err(e) = check_drawing(&l) {
                panic!("{} (printed): {e}", sop.path);
            }
        }
    }
}

#[test]
fn real_flowchart_shapes_have_clean_geometry() {
    let sops = real_shapes();
    assert!(sops.len() >= 3);
    for sop in &sops {
        let l = check_all(sop).unwrap_or_else(|e| panic!("{}: {e}", sop.path));
        // Revision loops here always have a free channel beside them.
        assert_eq!(loop_back_crossings(&l), [], "{}", sop.path);
        for (page, l) in print_page_layouts(sop, Language::Id, 4).iter().enumerate() {
            if let Err(e) = check_drawing(l) {
                panic!("{} (printed page {}): {e}", sop.path, page + 1);
            }
        }
    }
}

#[test]
fn the_real_corpus_has_clean_geometry() {
    // tests/fixtures/real: SOPs thirteen agencies published, on screen and
    // on each printed page at a few page lengths.
    let sops = handbook_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real"));
    assert!(sops.len() >= 10, "{} SOPs", sops.len());
    let mut pages = 0;
    for sop in &sops {
        let l = check_all(sop).unwrap_or_else(|e| panic!("{}: {e}", sop.path));
        labels_drawn_once(&l, &render_svg(sop, Language::Id))
            .unwrap_or_else(|e| panic!("{}: {e}", sop.path));
        for per in [3, 5, 8] {
            let layouts = print_page_layouts(sop, Language::Id, per);
            let svgs = render_print_pages(sop, Language::Id, per);
            for (page, (l, svg)) in layouts.iter().zip(&svgs).enumerate() {
                if let Err(e) = check_drawing(l).and_then(|()| labels_drawn_once(l, svg)) {
                    panic!("{} ({per} a page, page {}): {e}", sop.path, page + 1);
                }
                pages += 1;
            }
            twins_share_a_lane(&svgs).unwrap_or_else(|e| panic!("{} ({per}): {e}", sop.path));
        }
    }
    assert!(pages > 30, "{pages} printed pages");
}

#[test]
fn a_long_label_in_the_last_lane_stays_in_it() {
    // Issue 17, defect 1: "Tidak berkenan" started at x=571 of a 592 px
    // drawing and showed as "Tida".
    let sop = real_shape("mts/penerimaan-tamu");
    let l = layout(&sop);
    let label = l
        .labels
        .iter()
        .find(|lb| lb.text == "Tidak berkenan")
        .expect("the Tidak branch is labelled");
    let last = l.lanes.last().expect("lanes");
    let r = label.bounds();
    assert!(
        r.x >= last.x && r.right() <= last.x + last.w && r.right() <= l.width,
        "{r:?} is not inside the last lane {last:?} of a {} px drawing",
        l.width
    );
    // The lanes without such a label stay narrow.
    assert!(l.lanes[0].w < last.w, "{:?}", l.lanes);
}

#[test]
fn revision_loops_take_the_free_channel() {
    // Issue 17, defect 2: Tidak 2 -> 1 and 3 -> 2 crossed the forward
    // arrows 1 -> 2 and 2 -> 3.
    let l = layout(&real_shape("mts/verifikasi-berkas"));
    let loops: Vec<(usize, usize)> = l
        .arrows
        .iter()
        .filter(|a| a.to < a.from)
        .map(|a| (a.from + 1, a.to + 1))
        .collect();
    assert_eq!(loops, [(2, 1), (3, 2)]);
    assert_eq!(loop_back_crossings(&l), []);
}

#[test]
fn each_label_is_drawn_once() {
    // Issue 17, defect 7: a label with a stroked halo was printed as two
    // copies of its text ("Tidak Tidak" in pdftotext).
    for sop in real_shapes().iter().chain([&balangan(), &tricky()]) {
        let svg = render_svg(sop, Language::Id);
        let labelled = sop.edges().iter().filter(|e| e.label.is_some()).count();
        assert_eq!(svg.matches("<text class=\"alur-label\"").count(), labelled);
        assert!(!svg.contains("paint-order"), "a stroked halo is back");
        for text in elements(&svg, "text") {
            assert!(!text.contains("stroke"), "{text}");
        }
    }
}

#[test]
fn twin_connectors_sit_in_one_lane() {
    let mut pairs = 0;
    for sop in real_shapes().iter().chain([&balangan(), &banjarbaru()]) {
        for per in 1..5 {
            let pages = render_print_pages(sop, Language::Id, per);
            pairs += pages
                .iter()
                .map(|p| p.matches("alur-penghubung").count())
                .sum::<usize>();
            if let Err(e) = twins_share_a_lane(&pages) {
                panic!("{} ({per} steps a page): {e}", sop.path);
            }
        }
    }
    assert!(pairs > 20);
}

#[test]
fn the_checks_catch_broken_geometry() {
    // The properties must be able to fail: break a good layout and see.
    let sop = balangan();
    let good = layout(&sop);

    let mut diagonal = good.clone();
    diagonal.arrows[0].points[1].x += 3.0;
    assert!(every_segment_is_orthogonal(&diagonal).is_err());

    let mut shared = good.clone();
    let copy = shared.arrows[0].clone();
    shared.arrows.push(copy);
    assert!(no_two_arrows_share_a_segment(&shared).is_err());

    let mut through = good.clone();
    let target = through.symbols[4].rect;
    let from = through.symbols[0].rect;
    through.arrows[0].points = vec![
        Point {
            x: from.cx(),
            y: from.bottom(),
        },
        Point {
            x: from.cx(),
            y: target.cy(),
        },
        Point {
            x: target.right() + 30.0,
            y: target.cy(),
        },
    ];
    assert!(
        no_arrow_crosses_a_symbol(&through).is_err()
            || every_arrow_joins_its_symbols(&through).is_err()
    );

    let mut adrift = good.clone();
    adrift.arrows[0].points[0].y -= 5.0;
    assert!(every_arrow_joins_its_symbols(&adrift).is_err());

    let mut missing = good.clone();
    missing.symbols.retain(|s| s.step != 3);
    assert!(every_step_has_its_symbols(&sop, &missing).is_err());

    // A label pushed over the lane border, off the drawing, onto its
    // diamond, onto another label.
    assert!(!good.labels.is_empty());
    assert!(labels_keep_clear(&good).is_ok());
    let lane = good.lanes[good.lanes.len() - 1];
    let mut edge = good.clone();
    edge.labels[0].at.x = lane.x + lane.w - 5.0;
    edge.labels[0].anchor = lajur::render::swimlane::Anchor::Start;
    assert!(labels_keep_clear(&edge).is_err());
    let mut border = good.clone();
    border.labels[0].at.x = good.lanes[1].x - 5.0;
    border.labels[0].anchor = lajur::render::swimlane::Anchor::Start;
    assert!(labels_keep_clear(&border).is_err());
    let mut on_symbol = good.clone();
    let diamond = good
        .symbols
        .iter()
        .find(|s| s.shape == Shape::Decision)
        .expect("a decision");
    on_symbol.labels[0].at = Point {
        x: diamond.rect.cx(),
        y: diamond.rect.cy(),
    };
    assert!(labels_keep_clear(&on_symbol).is_err());
    let mut twice = good.clone();
    let copy = twice.labels[0].clone();
    twice.labels.push(copy);
    assert!(labels_keep_clear(&twice).is_err());
    let svg = render_svg(&sop, Language::Id);
    assert!(labels_drawn_once(&good, &svg).is_ok());
    assert!(labels_drawn_once(&twice, &svg).is_err());
    let stroked = svg.replace(
        "class=\"alur-label\"",
        "class=\"alur-label\" stroke=\"#fff\"",
    );
    assert!(labels_drawn_once(&good, &stroked).is_err());

    // Text out of its box: a Kegiatan line, a printed Mutu Baku line, a
    // symbol's own words, a row too short for its lines.
    assert!(texts_fit(&good).is_ok());
    let mut long = good.clone();
    long.rows[0].kegiatan.lines[0] = "Mengkompilasikan pertanggungjawaban dokumen".repeat(2);
    assert!(texts_fit(&long).is_err());
    let mut printed = print_page_layouts(&sop, Language::Id, 4).remove(0);
    assert!(texts_fit(&printed).is_ok());
    printed.rows[1].mutu[2].lines = vec!["Rencana Kinerja Tahunan ditandatangani".into()];
    assert!(texts_fit(&printed).is_err());
    let mut worded = good.clone();
    worded.symbols[1].text = vec!["Pertanggungjawaban".into()];
    assert!(texts_fit(&worded).is_err());
    let mut short = good.clone();
    short.rows[0].kegiatan.lines = vec!["a".into(); 9];
    assert!(texts_fit(&short).is_err());

    // A loop back across a forward arrow is seen.
    let mut crossed = layout(&real_shape("mts/verifikasi-berkas"));
    let back = crossed
        .arrows
        .iter()
        .position(|a| a.to < a.from)
        .expect("a loop");
    let (from, to) = (crossed.arrows[back].from, crossed.arrows[back].to);
    let forward = crossed
        .arrows
        .iter()
        .find(|a| a.from == to && a.to == from)
        .expect("the forward arrow")
        .points
        .clone();
    // Run the loop straight up through the middle of the forward dog-leg.
    let dogleg = forward[1];
    let mid_x = (forward[1].x + forward[2].x) / 2.0;
    crossed.arrows[back].points = vec![
        Point {
            x: mid_x,
            y: dogleg.y + 20.0,
        },
        Point {
            x: mid_x,
            y: dogleg.y - 20.0,
        },
    ];
    assert!(!loop_back_crossings(&crossed).is_empty());
}

#[test]
fn rows_follow_steps_and_lanes_follow_pelaksana() {
    let sop = balangan();
    let l = layout(&sop);
    assert_eq!(l.lanes.len(), 5);
    assert_eq!(l.rows.len(), 9);
    for pair in l.rows.windows(2) {
        assert!(pair[0].y + pair[0].h <= pair[1].y);
    }
    for pair in l.lanes.windows(2) {
        assert!(pair[0].x + pair[0].w <= pair[1].x);
    }
    // The joint step 3 has a symbol in each of its three lanes, joined.
    assert_eq!(l.symbols.iter().filter(|s| s.step == 2).count(), 3);
    assert_eq!(l.joins.iter().filter(|j| j.step == 2).count(), 2);
    // Step 7's Tidak loops back to step 6: a side route that goes up.
    let back = l.arrows.iter().find(|a| a.from == 6 && a.to == 5).unwrap();
    assert!(back.points.last().unwrap().y < back.points[0].y);
    assert!(back.is_no);
    // The long role name wraps instead of widening its lane past the
    // others: only a lane a branch label leaves by its side grows.
    assert!(l.lane_headers[2].lines.len() > 1);
    let narrowest = l.lanes.iter().map(|c| c.w).fold(f64::MAX, f64::min);
    assert_eq!(l.lanes[2].w, narrowest);
}

#[test]
fn nested_loops_take_separate_tracks() {
    // Two corrections that both return to step 6 from rows 7 and 8 would
    // overlap on one track; the channel colouring must keep them apart.
    let l = check_all(&banjarbaru()).unwrap();
    let loops: Vec<_> = l
        .arrows
        .iter()
        .filter(|a| a.to == 5 && a.from > 5)
        .collect();
    assert_eq!(loops.len(), 2);
    let track = |a: &&lajur::render::swimlane::Arrow| a.points[1].x;
    assert_ne!(track(&loops[0]), track(&loops[1]));
}

#[test]
fn long_words_wrap_inside_their_cells() {
    let mut sop = tricky();
    sop.steps[1].kegiatan = "Mengkompilasikanpertanggungjawabanpengelolaankeuangan".repeat(3);
    sop.lanes[1].nama = "Pertanggungjawabanpengelolaankeuangandaerah".into();
    let l = check_all(&sop).unwrap();
    assert!(l.rows[1].kegiatan.lines.len() >= 3);
    assert!(l.lane_headers[1].lines.len() >= 2);
}

#[test]
fn degenerate_sops_do_not_panic() {
    // No lanes, a step without lanes, out-of-range targets, one step.
    let mut odd = sop(
        "Aneh",
        &[],
        &[("Satu", &[], Go::Next), ("Dua", &[7], Go::Decide(9, 2))],
    );
    odd.steps[1].flow = Flow::Decision {
        ya: Target::step(40),
        tidak: Target::step(1),
        label_ya: "Ya".into(),
        label_tidak: "Tidak".into(),
    };
    let svg = render_svg(&odd, Language::Id);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    let l = layout(&odd);
    assert_eq!(l.symbols.len(), 2);
    // The self-loop of step 2 still leaves and enters its own diamond.
    every_segment_is_orthogonal(&l).unwrap();
    every_arrow_joins_its_symbols(&l).unwrap();
    no_two_arrows_share_a_segment(&l).unwrap();

    let empty = sop("Kosong", &["A"], &[]);
    assert!(render_svg(&empty, Language::En).contains("</svg>"));
}

#[test]
fn svg_follows_the_markup_contract() {
    let sop = balangan();
    let svg = render_svg(&sop, Language::Id);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let root = elements(&svg, "svg")[0];
    // Not an image: it holds links (axe: nested-interactive, issue 17).
    assert_eq!(attr(root, "role"), Some("graphics-document"));
    assert!(
        attr(root, "viewBox").is_some()
            && attr(root, "width").is_some()
            && attr(root, "height").is_some()
    );
    assert!(
        svg.contains(
            "<title id=\"alur-judul\">Diagram alir: SOP Tehnis Perencanaan Kinerja</title>"
        )
    );
    assert!(svg.contains("<desc") && svg.contains("Langkah 7 (Kepala Bidang): Koreksi draft RKT (keputusan): Ya ke langkah 8, Tidak ke langkah 6."));

    // A <g> per symbol: 9 steps, step 3 in three lanes.
    let groups: Vec<&str> = elements(&svg, "g")
        .into_iter()
        .filter(|g| g.contains("data-step"))
        .collect();
    assert_eq!(groups.len(), 11);
    for g in &groups {
        let n: usize = attr(g, "data-step").unwrap().parse().unwrap();
        let step = &sop.steps[n - 1];
        assert_eq!(attr(g, "data-jenis"), Some(step.kind.as_str()));
        let lane = attr(g, "data-lane").unwrap();
        assert!(step.lanes.iter().any(|&l| sop.lanes[l].slug == lane), "{g}");
    }
    assert_eq!(
        groups
            .iter()
            .filter(|g| attr(g, "data-step") == Some("3"))
            .count(),
        3
    );
    // One id per step, linked to its table row.
    for n in 1..=9 {
        assert_eq!(svg.matches(&format!("id=\"alur-langkah-{n}\"")).count(), 1);
        assert!(svg.contains(&format!(
            "<a href=\"#langkah-{n}\"><g id=\"alur-langkah-{n}\""
        )));
    }
    // Shapes: capsules (rounded rects), rectangles and a diamond.
    assert!(
        svg.contains("data-jenis=\"mulai\" data-lane=\"sekretaris\"><rect class=\"alur-bentuk\"")
    );
    let decision = svg.find("data-jenis=\"keputusan\"").unwrap();
    assert!(
        svg[decision..]
            .starts_with("data-jenis=\"keputusan\" data-lane=\"kepala-bidang\"><polygon")
    );

    // Arrows: one path per edge, absolute M/H/V only, a marker at the end.
    let paths = elements(&svg, "path");
    assert_eq!(paths.len(), sop.edges().len());
    for p in &paths {
        assert!(attr(p, "data-from").is_some() && attr(p, "data-to").is_some());
        let d = attr(p, "d").unwrap();
        assert!(d.starts_with('M'));
        assert!(d.chars().all(|c| "MLHV0123456789. -".contains(c)), "{d}");
        assert_eq!(attr(p, "marker-end"), Some("url(#alur-panah)"));
    }
    assert!(
        paths
            .iter()
            .any(|p| attr(p, "data-from") == Some("7") && attr(p, "data-to") == Some("6"))
    );
    // Branch labels are text.
    assert!(svg.contains(">Ya</text>") && svg.contains(">Tidak</text>"));
    // Colours by class, with a dark scheme.
    assert!(svg.contains("@media (prefers-color-scheme: dark)"));
    assert!(!svg.contains(" fill=\""));
}

#[test]
fn custom_branch_labels_and_english() {
    let mut sop = tricky();
    if let Flow::Decision {
        label_ya,
        label_tidak,
        ..
    } = &mut sop.steps[2].flow
    {
        *label_ya = "Lengkap".into();
        *label_tidak = "Tidak lengkap".into();
    }
    let svg = render_svg(&sop, Language::En);
    assert!(svg.contains(">Lengkap</text>") && svg.contains(">Tidak lengkap</text>"));
    assert!(svg.contains(">Activity</tspan>"));
    assert!(svg.contains("<title id=\"alur-judul\">Flowchart: "));
}

#[test]
fn text_is_escaped() {
    let mut sop = tricky();
    sop.steps[0].kegiatan = "Terima <berkas> & \"cek\"".into();
    sop.nama = "A & B".into();
    let svg = render_svg(&sop, Language::Id);
    assert!(svg.contains("Terima &lt;berkas&gt; &amp; &quot;cek&quot;"));
    assert!(svg.contains("Diagram alir: A &amp; B"));
    assert!(!svg.contains("<berkas>"));
}

#[test]
fn snapshots() {
    insta::assert_snapshot!("balangan", render_svg(&balangan(), Language::Id));
    insta::assert_snapshot!("banjarbaru", render_svg(&banjarbaru(), Language::Id));
    insta::assert_snapshot!("tricky_en", render_svg(&tricky(), Language::En));
}

#[test]
fn printed_pages_use_off_page_connectors() {
    let sop = balangan();
    let layouts = print_page_layouts(&sop, Language::Id, 4);
    assert_eq!(layouts.len(), 3);
    for l in &layouts {
        check_drawing(l).unwrap();
    }
    // Page 2 holds steps 5-8: step 4 (page 1) comes in at the top through
    // a pentagon, step 9 (page 3) goes out at the bottom through another.
    let page2 = &layouts[1];
    let connectors: Vec<_> = page2
        .symbols
        .iter()
        .filter(|s| s.shape == Shape::OffPage)
        .collect();
    assert_eq!(connectors.len(), 2);
    assert_eq!(page2.rows.len(), 6);
    assert_eq!(
        page2.rows[0].kegiatan.lines.join(" "),
        "Langkah 4 di halaman 1"
    );
    assert_eq!(
        page2.rows[5].kegiatan.lines.join(" "),
        "Langkah 9 di halaman 3"
    );

    let svgs = render_print_pages(&sop, Language::Id, 4);
    assert_eq!(svgs.len(), 3);
    let page2 = &svgs[1];
    assert!(page2.contains("(halaman 2 dari 3)</title>"));
    assert!(page2.contains(r#"class="alur-penghubung" data-step="4""#));
    assert!(page2.contains(r#"data-from="4" data-to="5""#));
    assert!(page2.contains(r#"data-from="8" data-to="9""#));
    assert!(page2.contains(r#"data-from="7" data-to="6""#));
    // Pages share one HTML page with the screen drawing: no duplicate ids.
    assert!(!page2.contains("href=\"#langkah-") && !page2.contains("id=\"alur-langkah-"));
    assert!(
        page2.contains(r#"<marker id="alur-panah-h2""#) && page2.contains("url(#alur-panah-h2)")
    );
    // The pentagon is a polygon of five points.
    let at = page2.find(r#"class="alur-penghubung""#).unwrap();
    let polygon = &page2[at..][page2[at..].find("<polygon").unwrap()..];
    let points = attr(&polygon[..polygon.find("/>").unwrap()], "points").unwrap();
    assert_eq!(points.split(' ').count(), 5);
}

/// Writes the example SVGs and an HTML page embedding them into
/// $SWIMLANE_OUT, to look at in a browser:
/// `SWIMLANE_OUT=/tmp/alur cargo test --test swimlane -- --ignored`.
#[test]
#[ignore]
fn write_examples_for_a_look() {
    let Ok(dir) = std::env::var("SWIMLANE_OUT") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut page = String::from(
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>\
         <style>body{margin:8px;font-family:Arial,sans-serif}.wadah{overflow-x:auto}</style>",
    );
    let heavy = sop(
        "Banyak putaran",
        &[
            "A",
            "Kepala Bidang Pertanggungjawaban",
            "C",
            "D",
            "E",
            "F",
            "G",
        ],
        &[
            ("Mulai", &[0], Go::Next),
            ("Dua", &[3], Go::Next),
            ("Tiga", &[5], Go::Decide(4, 2)),
            ("Empat", &[1, 2], Go::Next),
            ("Lima", &[6], Go::Decide(8, 3)),
            ("Enam", &[0], Go::Lanjut(2)),
            ("Tujuh", &[2], Go::Decide(8, 6)),
            ("Delapan", &[4], Go::Decide(10, 1)),
            ("Sembilan", &[4], Go::Lanjut(11)),
            ("Sepuluh", &[3], Go::Decide(11, 5)),
            ("Sebelas", &[3], Go::Next),
        ],
    );
    for (name, sop) in [
        ("balangan", balangan()),
        ("banjarbaru", banjarbaru()),
        ("tricky", tricky()),
        ("heavy", heavy),
    ] {
        let svg = render_svg(&sop, Language::Id);
        std::fs::write(dir.join(format!("{name}.svg")), &svg).unwrap();
        page.push_str(&format!("<h2>{name}</h2><div class=wadah>{svg}</div>"));
    }
    for sop in example_handbook() {
        let name = sop.path.replace('/', "_");
        std::fs::write(
            dir.join(format!("contoh-{name}.svg")),
            render_svg(&sop, Language::Id),
        )
        .unwrap();
    }
    for (i, svg) in render_print_pages(&banjarbaru(), Language::Id, 4)
        .iter()
        .enumerate()
    {
        std::fs::write(dir.join(format!("cetak-{}.svg", i + 1)), svg).unwrap();
    }
    std::fs::write(dir.join("index.html"), page).unwrap();
}

#[test]
fn a_loop_and_a_branch_between_the_same_rows_nest() {
    // A decision sends Tidak down to step 3 by a side channel while step
    // 3's Tidak loops back to step 2 in the same gutter: the inner track's
    // stubs must sit inside the outer one's at both ends, or the loop cuts
    // across the branch (found by the generated SOPs).
    let s = sop(
        "Dua cabang",
        &["A", "B"],
        &[
            ("Satu", &[0], Go::Next),
            ("Dua", &[0, 1], Go::Decide(3, 3)),
            ("Tiga", &[0], Go::Decide(4, 2)),
            ("Empat", &[0], Go::Next),
        ],
    );
    let l = check_all(&s).unwrap();
    assert_eq!(loop_back_crossings(&l), []);
}
