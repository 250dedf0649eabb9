//! Waktu as authors write it: read, summed and shown.

use super::*;

fn minutes(m: f64) -> Duration {
    Duration {
        minutes: m,
        ..Duration::default()
    }
}
fn days(d: f64) -> Duration {
    Duration {
        days: d,
        ..Duration::default()
    }
}
fn months(m: f64) -> Duration {
    Duration {
        months: m,
        ..Duration::default()
    }
}
fn exact(d: Duration) -> Option<DurationRange> {
    Some(DurationRange::exact(d))
}
fn range(min: Duration, max: Duration) -> Option<DurationRange> {
    Some(DurationRange { min, max })
}
fn read(text: &str) -> Option<DurationRange> {
    Waktu::parse(text).duration
}

#[test]
fn reads_the_forms_of_the_format() {
    let cases = [
        ("15 menit", exact(minutes(15.0))),
        ("15 Menit", exact(minutes(15.0))),
        ("1 jam", exact(minutes(60.0))),
        ("2 HARI", exact(days(2.0))),
        ("1,5 jam", exact(minutes(90.0))),
        ("1.5 jam", exact(minutes(90.0))),
        ("1-2 hari", range(days(1.0), days(2.0))),
        ("1 - 2 hari", range(days(1.0), days(2.0))),
        ("1–2 hari", range(days(1.0), days(2.0))),
        ("30mnt", exact(minutes(30.0))),
        ("2j", exact(minutes(120.0))),
        ("45 m", exact(minutes(45.0))),
        ("3 hr", exact(days(3.0))),
        ("1 minggu", exact(days(5.0))),
        ("2 pekan", exact(days(10.0))),
        ("1 bulan", exact(months(1.0))),
        ("1 tahun", exact(months(12.0))),
        ("10 detik", exact(minutes(10.0 / 60.0))),
        ("1 jam 30 menit", exact(minutes(90.0))),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), want, "{text}");
    }
}

#[test]
fn reads_messier_forms() {
    let cases = [
        ("1jam30menit", exact(minutes(90.0))),
        ("1 jam dan 30 menit", exact(minutes(90.0))),
        ("1 jam, 30 menit", exact(minutes(90.0))),
        ("2 hari kerja", exact(days(2.0))),
        ("3 HK", exact(days(3.0))),
        ("15 mnt.", exact(minutes(15.0))),
        ("± 15 menit", exact(minutes(15.0))),
        ("+/- 2 jam", exact(minutes(120.0))),
        ("kurang lebih 2 jam", exact(minutes(120.0))),
        ("Maks. 3 hari", exact(days(3.0))),
        ("paling lama 7 hari kerja", exact(days(7.0))),
        ("1 s/d 2 hari", range(days(1.0), days(2.0))),
        ("1 sampai 3 jam", range(minutes(60.0), minutes(180.0))),
        ("1—2 hari", range(days(1.0), days(2.0))),
        ("30 menit - 1 jam", range(minutes(30.0), minutes(60.0))),
        (
            "1 hari 45 menit - 2 hari 45 menit",
            range(days(1.0) + minutes(45.0), days(2.0) + minutes(45.0)),
        ),
        ("  2   Hari  ", exact(days(2.0))),
        ("1 Tahun 6 Bulan", exact(months(18.0))),
        ("2 weeks", exact(days(10.0))),
        ("1 hour 30 minutes", exact(minutes(90.0))),
        ("1 x 24 jam", exact(minutes(24.0 * 60.0))),
        ("3×24 Jam", exact(minutes(72.0 * 60.0))),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), want, "{text}");
    }
}

#[test]
fn reads_bounds_and_approximations_as_their_number() {
    let cases = [
        ("maksimal 2 hari", exact(days(2.0))),
        ("maks. 15 menit", exact(minutes(15.0))),
        ("Paling lama 3 hari", exact(days(3.0))),
        ("paling lambat 1 minggu", exact(days(5.0))),
        ("kurang dari 10 menit", exact(minutes(10.0))),
        ("< 5 menit", exact(minutes(5.0))),
        ("<5 menit", exact(minutes(5.0))),
        ("≤ 1 jam", exact(minutes(60.0))),
        ("±30 menit", exact(minutes(30.0))),
        ("kurang lebih 1 jam", exact(minutes(60.0))),
        ("lebih kurang 1 jam", exact(minutes(60.0))),
        ("sekitar 2 jam", exact(minutes(120.0))),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), want, "{text}");
    }
}

#[test]
fn per_item_forms_count_once() {
    let cases = [
        ("5 menit/berkas", exact(minutes(5.0))),
        ("5 menit / berkas", exact(minutes(5.0))),
        ("10 menit per dokumen", exact(minutes(10.0))),
        ("2 jam/pemohon", exact(minutes(120.0))),
        ("1 s/d 2 hari", range(days(1.0), days(2.0))),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), want, "{text}");
    }
}

#[test]
fn every_unit_of_the_format_is_read() {
    let cases = [
        ("1 detik", 1.0 / 60.0),
        ("1 menit", 1.0),
        ("1 mnt", 1.0),
        ("1 m", 1.0),
        ("1 jam", 60.0),
        ("1 j", 60.0),
    ];
    for (text, want) in cases {
        assert_eq!(read(text), exact(minutes(want)), "{text}");
    }
    for (text, want) in [
        ("1 hari", 1.0),
        ("1 hr", 1.0),
        ("1 minggu", 5.0),
        ("1 pekan", 5.0),
    ] {
        assert_eq!(read(text), exact(days(want)), "{text}");
    }
    assert_eq!(read("1 bulan"), exact(months(1.0)));
    assert_eq!(read("1 tahun"), exact(months(12.0)));
}

#[test]
fn a_bare_number_takes_satuan_waktu() {
    let menit = Unit::parse("Menit");
    assert_eq!(menit, Some(Unit::Minute));
    assert_eq!(Waktu::parse_in("5", menit).duration, exact(minutes(5.0)));
    assert_eq!(
        Waktu::parse_in("1-2", Unit::parse("hari")).duration,
        range(days(1.0), days(2.0))
    );
    // A number with its own unit keeps it.
    assert_eq!(
        Waktu::parse_in("2 jam", menit).duration,
        exact(minutes(120.0))
    );
    assert_eq!(Waktu::parse_in("5", None).duration, None);
    assert_eq!(Unit::parse("hr"), Some(Unit::Day));
}

#[test]
fn a_bare_number_is_shown_with_the_unit_it_was_read_in() {
    let shown = |text: &str, unit: &str| {
        Waktu::parse_in(text, Unit::parse(unit))
            .shown()
            .into_owned()
    };
    assert_eq!(shown("5", "menit"), "5 menit");
    assert_eq!(shown("1-2", "Hari"), "1-2 hari");
    assert_eq!(shown("1,5", "jam"), "1,5 jam");
    assert_eq!(shown("± 10", "mnt"), "± 10 menit");
    assert_eq!(shown("maks. 10", "menit"), "maks. 10 menit");
    assert_eq!(shown("5/berkas", "menit"), "5 menit/berkas");
    // Its own unit, or unreadable: as written.
    assert_eq!(shown("2 JAM", "menit"), "2 JAM");
    assert_eq!(shown("segera", "menit"), "segera");
    assert_eq!(Waktu::parse("5").shown(), "5");
    assert_eq!(Unit::parse("menitan"), None);
}

#[test]
fn unreadable_waktu_keeps_its_text() {
    for text in [
        "",
        "segera",
        "15",
        "jam",
        "1-2",
        "1 jam - 2",
        "15 menitan",
        "1-2-3 hari",
        "setengah hari",
        "1 jam 30",
        "klik 5 menit",
        "5 menit @ orang",
        "99999999999999999999 jam",
    ] {
        let w = Waktu::parse(text);
        assert_eq!(w.duration, None, "{text:?}");
        assert_eq!(w.text, text);
    }
}

fn id(r: Option<DurationRange>) -> String {
    r.map(|r| r.display(Language::Id)).unwrap_or_default()
}
fn en(r: Option<DurationRange>) -> String {
    r.map(|r| r.display(Language::En)).unwrap_or_default()
}

#[test]
fn displays_normalised_indonesian() {
    assert_eq!(id(read("90 menit")), "1 jam 30 menit");
    assert_eq!(id(read("1,5 jam")), "1 jam 30 menit");
    assert_eq!(id(read("2 hari 180 menit")), "2 hari 3 jam");
    assert_eq!(id(read("1-2 hari")), "1-2 hari");
    assert_eq!(id(read("1,5 hari")), "1,5 hari");
    assert_eq!(id(read("1 - 1,5 jam")), "1 jam - 1 jam 30 menit");
    assert_eq!(id(read("30-45 menit")), "30-45 menit");
    assert_eq!(
        id(read("1 hari 45 menit - 2 hari 45 menit")),
        "1 hari 45 menit - 2 hari 45 menit"
    );
    // Hours are never turned into days: a working day has no fixed length.
    assert_eq!(id(read("30 jam")), "30 jam");
    assert_eq!(id(read("90 detik")), "1 menit 30 detik");
    assert_eq!(id(read("2 pekan")), "10 hari");
    assert_eq!(id(read("18 bulan")), "1 tahun 6 bulan");
    assert_eq!(id(read("2 tahun")), "2 tahun");
    assert_eq!(id(Some(DurationRange::default())), "0 menit");
}

#[test]
fn displays_english() {
    assert_eq!(en(read("1 jam 30 menit")), "1 hour 30 minutes");
    assert_eq!(en(read("1,5 hari")), "1.5 days");
    assert_eq!(en(read("1 hari")), "1 day");
    assert_eq!(en(read("2 HARI 1 jam 1 menit")), "2 days 1 hour 1 minute");
    assert_eq!(en(read("1-2 hari")), "1-2 days");
    assert_eq!(en(read("1 bulan")), "1 month");
    assert_eq!(en(read("1 tahun")), "1 year");
    assert_eq!(en(read("10 detik")), "10 seconds");
}

#[test]
fn sums_keep_both_ends_of_ranges() {
    let ranges: Vec<DurationRange> = ["1-2 hari", "45 menit", "30 menit"]
        .iter()
        .filter_map(|t| read(t))
        .collect();
    let total = DurationRange::sum(&ranges);
    assert_eq!(
        total,
        DurationRange {
            min: days(1.0) + minutes(75.0),
            max: days(2.0) + minutes(75.0),
        }
    );
    assert_eq!(
        total.display(Language::Id),
        "1 hari 1 jam 15 menit - 2 hari 1 jam 15 menit"
    );
    assert_eq!(DurationRange::sum(&[]), DurationRange::default());
}

#[test]
fn sums_of_fractions_display_whole_minutes() {
    let ranges: Vec<DurationRange> = ["0,1 jam", "0,2 jam", "0.7 jam"]
        .iter()
        .filter_map(|t| read(t))
        .collect();
    assert_eq!(DurationRange::sum(&ranges).display(Language::Id), "1 jam");
}

/// The waktu of every row of a seed SOP: the one cell of the row that
/// reads as a waktu (the rows are the tab-separated lines starting with
/// the step number).
fn seed_waktu(name: &str) -> Vec<DurationRange> {
    // The two seed SOPs the project was made from, kept in the repository.
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the seed SOPs are in tests/fixtures/seeds");
    text.lines()
        .filter(|line| {
            line.split('\t')
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .map(|line| {
            let found: Vec<DurationRange> = line.split('\t').filter_map(read).collect();
            assert_eq!(found.len(), 1, "one waktu per row: {line}");
            found[0]
        })
        .collect()
}

#[test]
fn banjarbaru_seed_totals_one_day_four_hours_forty_minutes() {
    let rows = seed_waktu("sop-070-setda-banjarbaru.txt");
    assert_eq!(rows.len(), 11);
    let total = DurationRange::sum(&rows);
    assert_eq!(total.display(Language::Id), "1 hari 4 jam 40 menit");
    assert_eq!(total.display(Language::En), "1 day 4 hours 40 minutes");
}

#[test]
fn balangan_seed_keeps_days_apart_from_minutes() {
    let rows = seed_waktu("sop-04-bpkpad-balangan.txt");
    assert_eq!(rows.len(), 9);
    // 2 + 2 + 120 hari; 15 + 30 + 2 + 30 + 60 + 15 menit = 2 jam 32 menit.
    assert_eq!(
        DurationRange::sum(&rows).display(Language::Id),
        "124 hari 2 jam 32 menit"
    );
}

proptest::proptest! {
    #[test]
    fn any_text_is_read_without_panic(text in "\\PC{0,40}") {
        let w = Waktu::parse(&text);
        if let Some(d) = w.duration {
            let _ = d.display(Language::Id);
            let _ = d.display(Language::En);
        }
    }

    #[test]
    fn displayed_minutes_read_back_the_same(m in 0u32..100_000) {
        let d = DurationRange::exact(minutes(f64::from(m)));
        proptest::prop_assert_eq!(read(&d.display(Language::Id)), Some(d));
    }
}
