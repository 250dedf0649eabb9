//! The indexes of small handbooks built in code (crate::testing::model).

use super::*;
use crate::model::RegisterEntry;
use crate::testing::model::*;

#[test]
fn one_regulation_per_id_with_every_citing_sop() {
    let long = citation(
        "Undang-Undang No. 17 Tahun 2003 tentang Keuangan Negara",
        RegulationKind::Uu,
        "17",
        2003,
        Some("Keuangan Negara"),
    );
    let short = citation("UU 17/2003", RegulationKind::Uu, "17", 2003, None);
    let pp = citation(
        "PP 58/2005",
        RegulationKind::Pp,
        "58",
        2005,
        Some("Pengelolaan Keuangan Daerah"),
    );
    let hb = handbook(vec![
        sop("A", vec![], vec![], vec![short.clone(), pp]),
        sop(
            "B",
            vec![],
            vec![],
            vec![long, unread("Peraturan internal")],
        ),
        // The same law twice in one SOP is still one citing SOP.
        sop("C", vec![], vec![], vec![short.clone(), short]),
    ]);
    let regs = regulations(&hb);
    assert_eq!(regs.len(), 2);
    let uu = &regs[0];
    assert_eq!(uu.id, "uu-no-17-tahun-2003");
    assert_eq!(uu.cited_by, vec![0, 1, 2]);
    assert_eq!(uu.title.as_deref(), Some("Keuangan Negara"));
    assert_eq!(uu.name, "Undang-Undang Nomor 17 Tahun 2003");
    // The line that is no citation makes no regulation.
    assert_eq!(regs[1].cited_by, vec![0]);
}

#[test]
fn regulations_follow_the_legal_hierarchy_then_year_then_number() {
    let hb = handbook(vec![sop(
        "A",
        vec![],
        vec![],
        vec![
            citation("Perda", RegulationKind::Perda, "3", 2019, None),
            citation("PP 12", RegulationKind::Pp, "12", 2019, None),
            citation("PP 9", RegulationKind::Pp, "9", 2019, None),
            citation("PP 2010", RegulationKind::Pp, "1", 2010, None),
            citation("Permendagri", RegulationKind::Permendagri, "13", 2006, None),
            citation("UU", RegulationKind::Uu, "23", 2014, None),
        ],
    )]);
    let ids: Vec<String> = regulations(&hb).into_iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            "uu-no-23-tahun-2014",
            "pp-no-1-tahun-2010",
            "pp-no-9-tahun-2019",
            "pp-no-12-tahun-2019",
            "permendagri-no-13-tahun-2006",
            "perda-no-3-tahun-2019",
        ]
    );
}

#[test]
fn amendments_link_both_ways_and_the_amended_gets_a_page() {
    let mut amending = citation(
        "Permendagri Nomor 21 Tahun 2011 tentang Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006",
        RegulationKind::Permendagri,
        "21",
        2011,
        Some("Perubahan Kedua atas Permendagri Nomor 13 Tahun 2006"),
    );
    amending.amends = Some(Box::new(citation(
        "Permendagri Nomor 13 Tahun 2006",
        RegulationKind::Permendagri,
        "13",
        2006,
        Some("Pedoman Pengelolaan Keuangan Daerah"),
    )));
    let hb = handbook(vec![sop("A", vec![], vec![], vec![amending])]);
    let regs = regulations(&hb);
    assert_eq!(regs.len(), 2);
    let old = regs
        .iter()
        .find(|r| r.id == "permendagri-no-13-tahun-2006")
        .expect("the amended regulation has an entry");
    let new = regs
        .iter()
        .find(|r| r.id == "permendagri-no-21-tahun-2011")
        .expect("the amending regulation has an entry");
    assert_eq!(old.amended_by, vec![new.id.clone()]);
    assert_eq!(new.amends, vec![old.id.clone()]);
    assert!(old.cited_by.is_empty());
    assert_eq!(new.cited_by, vec![0]);
    assert_eq!(
        old.title.as_deref(),
        Some("Pedoman Pengelolaan Keuangan Daerah")
    );
}

#[test]
fn the_register_gives_title_and_link() {
    let mut hb = handbook(vec![sop(
        "A",
        vec![],
        vec![],
        vec![citation(
            "UU 17/2003 tentang Keuangan",
            RegulationKind::Uu,
            "17",
            2003,
            Some("Keuangan"),
        )],
    )]);
    hb.register = vec![
        RegisterEntry {
            id: "uu-no-17-tahun-2003".into(),
            judul: Some("Keuangan Negara".into()),
            url: Some("https://peraturan.go.id/id/uu-no-17-tahun-2003".into()),
        },
        RegisterEntry {
            id: "uu-no-1-tahun-1999".into(),
            judul: Some("Not cited anywhere".into()),
            url: None,
        },
    ];
    let regs = regulations(&hb);
    assert_eq!(regs.len(), 1, "a register entry no SOP cites gets no page");
    assert_eq!(regs[0].title.as_deref(), Some("Keuangan Negara"));

    // A judul that repeats the name keeps only what the name does not say.
    hb.register[0].judul =
        Some("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara Republik".into());
    let regs = regulations(&hb);
    assert_eq!(regs[0].title.as_deref(), Some("Keuangan Negara Republik"));
    // One that names another regulation is kept whole.
    hb.register[0].judul = Some("Undang-Undang Nomor 1 Tahun 2004 tentang X".into());
    let regs = regulations(&hb);
    assert_eq!(
        regs[0].title.as_deref(),
        Some("Undang-Undang Nomor 1 Tahun 2004 tentang X")
    );
    assert_eq!(
        regs[0].url.as_deref(),
        Some("https://peraturan.go.id/id/uu-no-17-tahun-2003")
    );
}

#[test]
fn generic_kinds_keep_who_issued_them() {
    let mut c = unread("Peraturan Menteri Kesehatan Nomor 4 Tahun 2019 tentang SPM");
    c.kind = Some(RegulationKind::Permen);
    c.number = Some("4".into());
    c.year = Some(2019);
    assert_eq!(
        formal_name(&c),
        "Peraturan Menteri Kesehatan Nomor 4 Tahun 2019"
    );
    let mut perda = unread("Perda Kota Banjarbaru 3/2019");
    perda.kind = Some(RegulationKind::Perda);
    perda.place = Some("Kota Banjarbaru".into());
    perda.number = Some("3".into());
    perda.year = Some(2019);
    assert_eq!(
        formal_name(&perda),
        "Peraturan Daerah Kota Banjarbaru Nomor 3 Tahun 2019"
    );
}

#[test]
fn lanes_merge_by_spelling_singkatan_and_settings() {
    let a = sop(
        "A",
        vec![
            lane("Kepala Sub Bagian Umum", Some("Kasubag Umum")),
            lane("Pelaksana", None),
        ],
        vec![
            step(1, &[0], Some(minutes(15.0))),
            step(2, &[1], Some(minutes(30.0))),
            step(3, &[0, 1], Some(minutes(5.0))),
        ],
        vec![],
    );
    let b = sop(
        "B",
        vec![
            // The singkatan of SOP A written as a nama.
            lane("Kasubag  umum", None),
            // Case and punctuation differ only.
            lane("pelaksana.", None),
            lane("Kabag Umum", None),
        ],
        vec![
            step(1, &[2], None),
            step(2, &[0], Some(minutes(10.0))),
            step(3, &[1], None),
        ],
        vec![],
    );
    let c = sop(
        "C",
        vec![lane("Kepala Bagian Umum", None)],
        vec![step(1, &[0], None)],
        vec![],
    );
    let mut hb = handbook(vec![a, b, c]);
    hb.config
        .roles
        .insert("Kabag Umum".into(), "Kepala Bagian Umum".into());
    let roles = roles(&hb);
    let names: Vec<&str> = roles.iter().map(|r| r.nama.as_str()).collect();
    assert_eq!(
        names,
        ["Kepala Bagian Umum", "Kepala Sub Bagian Umum", "Pelaksana"]
    );

    let kasubag = &roles[1];
    assert_eq!(kasubag.slug, "kepala-sub-bagian-umum");
    assert_eq!(kasubag.singkatan, ["Kasubag Umum"]);
    assert_eq!(kasubag.sops.len(), 2);
    // Steps 1 and 3 (joint) of A, step 2 of B.
    assert_eq!(kasubag.sops[0].steps, [0, 2]);
    assert_eq!(kasubag.sops[1].steps, [1]);
    assert_eq!(kasubag.step_count, 3);

    let pelaksana = &roles[2];
    assert_eq!(
        pelaksana.sops[0].steps,
        [1, 2],
        "a joint step counts for each lane"
    );
    assert_eq!(pelaksana.aliases, ["pelaksana."]);

    let kabag = &roles[0];
    assert_eq!(kabag.sops.iter().map(|s| s.sop).collect::<Vec<_>>(), [1, 2]);

    let lanes = lane_roles(&hb, &roles);
    assert_eq!(lanes[0], [Some(1), Some(2)]);
    assert_eq!(lanes[1], [Some(1), Some(2), Some(0)]);
    assert_eq!(lanes[2], [Some(0)]);
}

#[test]
fn roles_total_their_time_per_sop_and_overall() {
    let a = sop(
        "A",
        vec![lane("Operator", None), lane("Kepala", None)],
        vec![
            step(1, &[0], Some(minutes(15.0))),
            step(2, &[1], Some(minutes(45.0))),
            step(3, &[0], Some(minutes(30.0))),
            step(4, &[0], None),
        ],
        vec![],
    );
    let b = sop(
        "B",
        vec![lane("operator", None)],
        vec![step(1, &[0], Some(minutes(10.0)))],
        vec![],
    );
    let hb = handbook(vec![a, b]);
    let roles = roles(&hb);
    let operator = roles
        .iter()
        .find(|r| r.slug == "operator")
        .expect("operator is a role");
    let per_sop: Vec<f64> = operator
        .sops
        .iter()
        .map(|s| s.total_waktu.map(|t| t.max.minutes).unwrap_or(-1.0))
        .collect();
    assert_eq!(per_sop, [45.0, 10.0]);
    assert_eq!(operator.total_waktu.map(|t| t.min.minutes), Some(55.0));
    let kepala = roles.iter().find(|r| r.slug == "kepala").expect("kepala");
    assert_eq!(kepala.step_count, 1);
}

#[test]
fn lanes_take_the_slug_of_their_role() {
    let a = sop(
        "A",
        vec![lane("Kepala Sub Bagian Umum", Some("Kasubag Umum"))],
        vec![step(1, &[0], None)],
        vec![],
    );
    let b = sop(
        "B",
        vec![lane("Kasubag Umum", None), lane("Staf", None)],
        vec![step(1, &[0, 1], None)],
        vec![],
    );
    let mut hb = handbook(vec![a, b]);
    let indexes = Indexes::build(&hb);
    assign_role_slugs(&mut hb, &indexes);
    assert_eq!(hb.sops[1].lanes[0].slug, "kepala-sub-bagian-umum");
    assert_eq!(hb.sops[1].lanes[1].slug, "staf");
}

#[test]
fn nameless_lanes_still_get_distinct_slugs() {
    let a = sop(
        "A",
        vec![lane("?", None), lane("-", None)],
        vec![step(1, &[0], None), step(2, &[1], None)],
        vec![],
    );
    let roles = roles(&handbook(vec![a]));
    let mut slugs: Vec<&str> = roles.iter().map(|r| r.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["peran", "peran-2"]);
}
