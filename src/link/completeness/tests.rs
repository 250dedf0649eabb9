use super::*;
use crate::model::calendar::Period;
use crate::model::{Approver, RegulationKind, Unit, WrittenDate};
use crate::testing::model::{citation, handbook, lane, minutes, sop, step, unread};

fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// An SOP with every part of the form filled in and readable.
fn complete() -> Sop {
    let mut s = sop(
        "SOP-1",
        vec![lane("Staf", None)],
        vec![
            step(1, &[0], Some(minutes(5.0))),
            step(2, &[0], Some(minutes(10.0))),
        ],
        vec![citation("UU 17/2003", RegulationKind::Uu, "17", 2003, None)],
    );
    for st in &mut s.steps {
        st.output = Some("Surat".into());
    }
    s.tanggal_pembuatan = Some(date(2020, 1, 2));
    s.tanggal_efektif = Some(date(2020, 2, 1));
    s.disahkan_oleh = Some(Approver {
        jabatan: Some("Kepala".into()),
        nama: Some("Budi".into()),
        nip: Some("19780601 200501 1 016".into()),
    });
    s.kualifikasi_pelaksana = vec!["S1".into()];
    s.peralatan = vec!["Komputer".into()];
    s.peringatan = vec!["Teliti".into()];
    s.pencatatan = vec!["Buku agenda".into()];
    s
}

#[test]
fn a_complete_sop_scores_100_and_each_gap_is_one_item() {
    let c = assess(&handbook(vec![complete()]), date(2021, 1, 1));
    assert_eq!(c.sops[0].gaps, []);
    assert_eq!(c.sops[0].items, 10 + 3 * 2);
    assert_eq!(c.sops[0].score, 100);
    assert_eq!(c.units[0].score, Some(100));

    let mut s = complete();
    s.nomor.clear();
    s.tanggal_efektif = None;
    s.dates_as_written.push(WrittenDate {
        key: "tanggal_pembuatan".into(),
        text: "7 November".into(),
    });
    s.tanggal_pembuatan = None;
    s.disahkan_oleh.as_mut().expect("set").nip = Some("1978".into());
    s.dasar_hukum.push(unread("Surat Pak Kadis"));
    s.peralatan.clear();
    s.steps[0].waktu = Some(crate::model::Waktu::parse("segera"));
    s.steps[1].waktu = None;
    s.steps[1].output = None;
    let c = assess(&handbook(vec![s]), date(2021, 1, 1));
    let found: Vec<(Part, Problem, Option<usize>)> = c.sops[0]
        .gaps
        .iter()
        .map(|g| (g.part, g.problem, g.step))
        .collect();
    use Problem::*;
    assert_eq!(
        found,
        [
            (Part::Nomor, Missing, None),
            (Part::TanggalPembuatan, Unreadable, None),
            (Part::TanggalEfektif, Missing, None),
            (Part::DisahkanNip, Unreadable, None),
            (Part::DasarHukum, Unreadable, None),
            (Part::Peralatan, Missing, None),
            (Part::Waktu, Unreadable, Some(1)),
            (Part::Waktu, Missing, Some(2)),
            (Part::Output, Missing, Some(2)),
        ]
    );
    // Two dasar hukum lines are two items.
    assert_eq!(c.sops[0].items, 17);
    assert_eq!(c.sops[0].score, (17 - 9) * 100 / 17);
    assert_eq!(c.sops[0].gaps[6].written.as_deref(), Some("segera"));
}

#[test]
fn tanggal_pengesahan_stands_in_for_tanggal_efektif() {
    let mut s = complete();
    s.tanggal_efektif = None;
    s.tanggal_pengesahan = Some(date(2020, 3, 1));
    let c = assess(&handbook(vec![s]), date(2021, 1, 1));
    assert_eq!(c.sops[0].gaps, []);
}

#[test]
fn review_counts_from_the_newest_date_and_a_partial_one_from_its_end() {
    let mut hb = handbook(vec![complete(), complete(), complete(), complete()]);
    hb.config.review_after = Period::parse("1 tahun");
    // Revised in June 2024 (month only): due 30 June 2025.
    hb.sops[0].tanggal_revisi = vec![date(2024, 6, 0)];
    // Effective 2 February 2024: due 1 February 2025... counted from the day.
    hb.sops[1].tanggal_efektif = Some(date(2024, 2, 1));
    // Only a year: due 31 December 2025.
    hb.sops[2].tanggal_efektif = None;
    hb.sops[2].tanggal_pembuatan = Some(date(2024, 0, 0));
    // No date at all: never due.
    hb.sops[3].tanggal_efektif = None;
    hb.sops[3].tanggal_pembuatan = None;
    let c = assess(&hb, date(2025, 7, 1));
    let r0 = c.sops[0].review.as_ref().expect("review");
    assert_eq!(
        (r0.newest_field, r0.due),
        ("tanggal_revisi", date(2025, 6, 30))
    );
    assert_eq!(r0.overdue.map(|o| o.days), Some(1));
    let r1 = c.sops[1].review.as_ref().expect("review");
    assert_eq!(r1.due, date(2025, 2, 1));
    assert_eq!(r1.overdue.map(|o| (o.months, o.rest_days)), Some((5, 0)));
    assert!(!c.sops[2].is_due());
    assert_eq!(
        c.sops[2].review.as_ref().map(|r| r.due),
        Some(date(2025, 12, 31))
    );
    assert_eq!(c.sops[3].review, None);
    assert_eq!(c.units[0].due, 2);

    // Without review_after nothing is ever due.
    hb.config.review_after = None;
    let c = assess(&hb, date(2030, 1, 1));
    assert!(c.sops.iter().all(|s| s.review.is_none()));
}

#[test]
fn a_unit_counts_the_sops_below_it_and_scores_their_mean() {
    let mut a = complete();
    a.unit = "umum".into();
    let mut b = complete();
    b.unit = "umum/tu".into();
    b.peringatan.clear();
    let mut other = complete();
    other.unit = "umum-lain".into();
    other.nomor.clear();
    let mut hb = handbook(vec![a, b, other]);
    for path in ["umum", "umum/tu", "umum-lain"] {
        hb.units.push(Unit {
            path: path.into(),
            nama: path.into(),
            ..Unit::default()
        });
    }
    let c = assess(&hb, date(2021, 1, 1));
    let score_b = c.sops[1].score;
    assert!(score_b < 100);
    assert_eq!(c.units[1].sops, 2, "umum holds umum/tu, not umum-lain");
    assert_eq!(c.units[1].score, Some((100 + score_b) / 2));
    assert_eq!(c.units[1].gaps, 1);
    assert_eq!(c.units[2].sops, 1);
    assert_eq!(c.units[0].sops, 3);
    assert_eq!(c.units[0].gaps, 2);
}
