use super::*;
use serde_json::Value;

use crate::diagnostic::Pos;
use crate::link::index::{agencies, lane_roles, regulations, roles};
use crate::model::{Relation, StepKind};
use crate::testing::model::{citation, handbook, lane, minutes, sop, step, unread};

fn schema(name: &str) -> jsonschema::Validator {
    let path = format!("{}/docs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}\n{value:#}", errors.join("\n"));
}

/// Two SOPs: A (a decision, a joint step, citations, a link to B and
/// one to nothing) and B. The indexes are built by hand because the
/// keterkaitan backlinks come from another module.
fn fixture() -> (Handbook, Indexes) {
    let mut decision = step(2, &[1], Some(minutes(30.0)));
    decision.kind = StepKind::Keputusan;
    decision.flow = Flow::Decision {
        ya: Target::step(2),
        tidak: Target::step(0),
        label_ya: "Lengkap".into(),
        label_tidak: "Tidak lengkap".into(),
    };
    let mut first = step(1, &[0], Some(minutes(15.0)));
    first.kind = StepKind::Mulai;
    first.flow = Flow::next(Some(1));
    let mut last = step(3, &[0, 1], None);
    last.kind = StepKind::Selesai;
    let mut a = sop(
        "SOP-070/Setda",
        vec![
            lane("Kepala Sub Bagian Perencanaan", Some("Kasubag Perencanaan")),
            lane("Pelaksana", None),
        ],
        vec![first, decision, last],
        vec![
            citation(
                "UU No 17 Thn 2003 tentang Keuangan Negara",
                crate::model::RegulationKind::Uu,
                "17",
                2003,
                Some("Keuangan Negara"),
            ),
            unread("Peraturan internal kantor"),
        ],
    );
    a.path = "umum/rkt".into();
    a.keterkaitan = vec![
        Relation {
            reference: "SOP-071".into(),
            hubungan: Hubungan::Lanjutan,
            target: Some(1),
            pos: Pos::default(),
            ..Relation::default()
        },
        Relation {
            reference: "SOP Arsip".into(),
            hubungan: Hubungan::Terkait,
            target: None,
            pos: Pos::default(),
            ..Relation::default()
        },
    ];
    a.total_waktu = Some(DurationRange::sum([
        minutes(15.0).duration.as_ref().expect("readable"),
        minutes(30.0).duration.as_ref().expect("readable"),
    ]));
    let mut b = sop(
        "SOP-071",
        vec![lane("Kasubag Perencanaan", None)],
        vec![step(1, &[0], None)],
        vec![],
    );
    b.path = "umum/lkj".into();
    let mut hb = handbook(vec![a, b]);
    hb.config.base_url = "/sop/".into();
    let roles = roles(&hb);
    let indexes = Indexes {
        regulations: regulations(&hb),
        lane_roles: lane_roles(&hb, &roles),
        agencies: agencies(&roles),
        roles,
        backlinks: vec![vec![], vec![(0, Hubungan::Lanjutan)]],
    };
    (hb, indexes)
}

/// sop.json of SOP `index`, as the site writes it.
fn sop_json(hb: &Handbook, index: usize, indexes: &Indexes) -> Value {
    let bytes = sop_json_bytes(hb, index, indexes, &crate::routes::plan(hb, indexes));
    serde_json::from_slice(&bytes).expect("sop.json is JSON")
}

/// handbook.json, as the site writes it.
fn handbook_json(hb: &Handbook, indexes: &Indexes) -> Value {
    let bytes = handbook_json_bytes(hb, indexes, &crate::routes::plan(hb, indexes));
    serde_json::from_slice(&bytes).expect("handbook.json is JSON")
}

#[test]
fn sop_json_resolves_links_roles_and_regulations() {
    let (hb, indexes) = fixture();
    let a = sop_json(&hb, 0, &indexes);
    assert_valid(&schema("sop.schema.json"), &a);

    assert_eq!(a["url"], "/sop/umum/rkt/");
    assert_eq!(a["dasar_hukum"][0]["id"], "uu-no-17-tahun-2003");
    assert_eq!(
        a["dasar_hukum"][0]["url"],
        "/sop/dasar-hukum/uu-no-17-tahun-2003/"
    );
    assert_eq!(a["dasar_hukum"][1]["id"], Value::Null);
    assert_eq!(a["keterkaitan"][0]["target"]["url"], "/sop/umum/lkj/");
    assert_eq!(a["keterkaitan"][0]["hubungan"], "lanjutan");
    assert_eq!(a["keterkaitan"][1]["resolved"], false);
    // The singkatan of A is the nama in B: one role, one page.
    assert_eq!(
        a["pelaksana"][0]["role"]["url"],
        "/sop/pelaksana/kepala-sub-bagian-perencanaan/"
    );
    let steps = &a["langkah"];
    assert_eq!(steps[0]["lanjut"], 2);
    assert_eq!(steps[1]["ya"], 3);
    assert_eq!(steps[1]["tidak"], 1);
    assert_eq!(steps[1]["label_tidak"], "Tidak lengkap");
    assert_eq!(steps[2]["pelaksana"].as_array().map(Vec::len), Some(2));
    assert_eq!(a["total_waktu"]["min"]["minutes"], 45.0);

    let b = sop_json(&hb, 1, &indexes);
    assert_valid(&schema("sop.schema.json"), &b);
    assert_eq!(b["dirujuk_oleh"][0]["nomor"], "SOP-070/Setda");
    assert_eq!(b["dirujuk_oleh"][0]["hubungan"], "lanjutan");
    assert_eq!(b["total_waktu"], Value::Null);
}

#[test]
fn handbook_json_lists_everything_in_short() {
    let (hb, indexes) = fixture();
    let h = handbook_json(&hb, &indexes);
    assert_valid(&schema("handbook.schema.json"), &h);
    assert_eq!(h["sop_count"], 2);
    assert_eq!(h["sops"][1]["json_url"], "/sop/umum/lkj/sop.json");
    assert_eq!(h["sops"][0]["keterkaitan"], serde_json::json!(["SOP-071"]));
    assert_eq!(
        h["dasar_hukum"][0]["cited_by"],
        serde_json::json!(["SOP-070/Setda"])
    );
    let kasubag = h["pelaksana"]
        .as_array()
        .and_then(|roles| {
            roles
                .iter()
                .find(|r| r["slug"] == "kepala-sub-bagian-perencanaan")
        })
        .expect("the merged role is listed");
    assert_eq!(kasubag["sop_count"], 2);
    assert_eq!(kasubag["step_count"], 3);
}

#[test]
fn the_written_files_keep_the_order_of_the_form() {
    let (hb, indexes) = fixture();
    let routes = crate::routes::plan(&hb, &indexes);
    let text = String::from_utf8(sop_json_bytes(&hb, 0, &indexes, &routes)).expect("UTF-8");
    assert!(
        text.starts_with("{\n  \"nomor\": \"SOP-070/Setda\",\n  \"nama\""),
        "{text}"
    );
    assert!(text.ends_with("}\n"), "{text}");
    let text = String::from_utf8(handbook_json_bytes(&hb, &indexes, &routes)).expect("UTF-8");
    assert!(text.starts_with("{\n  \"title\""), "{text}");
}

#[test]
fn the_schemas_reject_what_they_do_not_describe() {
    let (hb, indexes) = fixture();
    let validator = schema("sop.schema.json");
    let mut missing = sop_json(&hb, 0, &indexes);
    if let Value::Object(map) = &mut missing {
        map.remove("langkah");
    }
    assert!(!validator.is_valid(&missing));
    let mut renamed = sop_json(&hb, 0, &indexes);
    renamed["langkah"][0]["jenis"] = "awal".into();
    assert!(!validator.is_valid(&renamed));
}
