//! Routing cases the generated SOPs found, kept as small SOPs a reader can
//! draw on paper: each fails if the router stops seeing a crossing it
//! could avoid.

use lajur::model::{Alur, Flow, Sop, Target};
use lajur::render::swimlane::{Arrow, Layout};

use crate::checks::*;
use crate::sops::*;

/// The arrow from step `from` to step `to` (1-based), not one inside a row.
fn arrow(l: &Layout, from: usize, to: usize) -> &Arrow {
    l.arrows
        .iter()
        .find(|a| !a.within && !a.end && a.from + 1 == from && a.to + 1 == to)
        .unwrap_or_else(|| panic!("no arrow {from}->{to}"))
}

fn meet(a: &Arrow, b: &Arrow) -> bool {
    segments(&a.points).any(|p| segments(&b.points).any(|q| cross(p, q)))
}

#[test]
fn overlapping_forward_skips_take_channels_that_do_not_cross() {
    // Tidak 4 -> 6 and Tidak 5 -> 7: their rows overlap, so in one channel
    // one would cut across the other; the channel on each side of the lane
    // is free, so neither may.
    let s = sop(
        "Dua lompatan",
        &["Kepala Bagian", "Staf"],
        &[
            ("Menerima berkas", &[0], Go::Next),
            ("Mencatat", &[0], Go::Next),
            ("Memeriksa", &[1], Go::Next),
            ("Lengkap?", &[0], Go::Decide(5, 6)),
            ("Sah?", &[0], Go::Decide(6, 7)),
            ("Memaraf", &[0], Go::Next),
            ("Mengarsipkan", &[1], Go::Next),
            ("Selesai", &[0], Go::Next),
        ],
    );
    let l = check_all(&s).unwrap();
    let (first, second) = (arrow(&l, 4, 6), arrow(&l, 5, 7));
    assert!(
        !meet(first, second),
        "4->6 {:?} crosses 5->7 {:?}",
        first.points,
        second.points
    );
}

/// Step 2 passes the file from lane A to B to C (berurutan); step 4's
/// Tidak sends it back to B, the middle symbol, whose two sides the row's
/// own arrows use.
fn loop_into_the_middle_of_a_row() -> Sop {
    let mut s = sop(
        "Kembali ke tengah",
        &["Pengadministrasi", "Kasubbag Umum", "Kabag Umum"],
        &[
            ("Menerima surat", &[0], Go::Next),
            ("Meneruskan surat", &[0, 1, 2], Go::Next),
            ("Menelaah", &[1], Go::Next),
            ("Sesuai?", &[1], Go::Decide(5, 2)),
            ("Selesai", &[2], Go::Next),
        ],
    );
    s.steps[1].alur = Alur::Berurutan;
    s.steps[3].flow = Flow::Decision {
        ya: Target::step(4),
        tidak: Target::Step { step: 1, symbol: 1 },
        label_ya: "Ya".into(),
        label_tidak: "Tidak".into(),
    };
    s
}

#[test]
fn a_loop_into_the_middle_of_a_row_keeps_off_the_rows_arrows() {
    // The loop comes up from below into a side the row's arrow runs from:
    // its end sits under that arrow, so neither its stub nor its track
    // crosses it (drawn above it, the track coming up cut through it while
    // the router counted no crossing).
    let s = loop_into_the_middle_of_a_row();
    let l = check_all(&s).unwrap();
    let back = arrow(&l, 4, 2);
    for own in l.arrows.iter().filter(|a| a.within && a.from == 1) {
        assert!(
            !meet(back, own),
            "the loop {:?} crosses the row's arrow {:?}",
            back.points,
            own.points
        );
    }
    assert_eq!(loop_back_crossings(&l), []);
    let middle = l
        .symbols
        .iter()
        .find(|s| s.step == 1 && s.lane == 1)
        .expect("the middle symbol");
    let end = back.points[back.points.len() - 1];
    assert!(
        end.y > middle.rect.cy(),
        "the loop ends at {end:?}, above the middle of {:?}",
        middle.rect
    );
}

#[test]
fn stubs_on_one_side_nest_across_two_gutters() {
    // Step 1's Tidak comes down to step 3 from a channel two lanes to the
    // right, step 3 loops back to step 1 by the nearer channel: on step
    // 3's right side the loop's stub must sit above the arrow coming in,
    // or it crosses that arrow's stub with a free channel beside them
    // (a far-half track once ranked above every track of the next gutter).
    let s = sop(
        "Dua saluran",
        &["A", "B", "C", "D", "E", "F", "G"],
        &[
            ("Satu", &[6], Go::Decide(4, 3)),
            ("Dua", &[4], Go::Decide(3, 3)),
            ("Tiga", &[4], Go::Lanjut(1)),
            ("Empat", &[0], Go::Next),
        ],
    );
    let l = check_all(&s).unwrap();
    assert_eq!(loop_back_crossings(&l), []);
}
