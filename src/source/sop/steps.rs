//! The steps of an SOP: each read as written, then numbered, given its
//! kind and symbol, and joined to its lanes and targets.

use super::*;

/// A step as written, before targets are resolved (they need every id,
/// every printed number and every step's lanes).
pub(super) struct RawStep<'n> {
    pub(super) pos: Pos,
    pub(super) id: Option<String>,
    /// `no` as written, with where.
    pub(super) no: Option<(String, Pos)>,
    pub(super) kegiatan: String,
    pub(super) pelaksana: Vec<(String, Pos)>,
    /// `jenis`: one kind, or (with `alur: berurutan`) one per pelaksana.
    pub(super) jenis: Vec<(StepKind, Pos)>,
    pub(super) jenis_is_list: bool,
    pub(super) jenis_pos: Option<Pos>,
    pub(super) alur: Alur,
    pub(super) alur_pos: Option<Pos>,
    pub(super) simbol: Option<String>,
    pub(super) ya: Option<&'n Node>,
    pub(super) tidak: Option<&'n Node>,
    pub(super) lanjut: Option<&'n Node>,
    /// Branch labels; `Some("")` when written `""` (no label drawn).
    pub(super) label_ya: Option<String>,
    pub(super) label_tidak: Option<String>,
    pub(super) label_pos: Option<Pos>,
    pub(super) kelengkapan: Vec<String>,
    pub(super) waktu: Option<Waktu>,
    pub(super) output: Option<String>,
    pub(super) keterangan: Option<String>,
}

/// A `jenis` word to a kind, with an error that names the kinds.
pub(super) fn read_kind(node: &Node, report: &mut Report) -> Option<(StepKind, Pos)> {
    let written = fields::text(node, "jenis", report)?;
    let key = written.to_lowercase();
    if let Some((_, kind)) = KINDS.iter().find(|(name, _)| *name == key) {
        return Some((*kind, node.pos));
    }
    let names = KINDS.map(|(name, _)| name);
    let hint = match did_you_mean(&key, names) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("jenis is one of: {}", names.join(", ")),
    };
    report.error_hint(node.pos, format!("unknown jenis `{written}`"), hint);
    None
}

pub(super) fn read_raw_step<'n>(
    node: &'n Node,
    number: usize,
    time_unit: Option<Unit>,
    report: &mut Report,
) -> Option<RawStep<'n>> {
    let what = format!("step {number}");
    let f = Fields::read(node, STEP_KEYS, &what, report)?;
    let text = |key: &str, report: &mut Report| {
        f.get(key)
            .and_then(|n| fields::text(n, key, report))
            .filter(|s| !s.is_empty())
    };
    // Text that may be written `""` on purpose.
    let maybe_empty =
        |key: &str, report: &mut Report| f.get(key).and_then(|n| fields::text(n, key, report));
    let kegiatan = fields::required_text(&f, "kegiatan", &what, report).unwrap_or_default();
    let pelaksana = match f.required("pelaksana", &what, report) {
        Some(n) => {
            let written = fields::text_items(n, "pelaksana", report);
            if written.is_empty() && !matches!(n.value, Value::Map(_)) {
                report.error_hint(
                    n.pos,
                    format!("`pelaksana` of step {number} names no role"),
                    "write the lane that does the step: `pelaksana: Kepala Sub Bagian Umum`, or a list for a joint step",
                );
            }
            written
        }
        None => Vec::new(),
    };
    let (jenis, jenis_is_list) = match f.get("jenis") {
        Some(Node {
            value: Value::Seq(items),
            ..
        }) => (
            items
                .iter()
                .filter(|i| !i.is_null())
                .filter_map(|i| read_kind(i, report))
                .collect(),
            true,
        ),
        Some(n) => (read_kind(n, report).into_iter().collect(), false),
        None => (Vec::new(), false),
    };
    let alur = f.get("alur").and_then(|n| {
        let written = fields::text(n, "alur", report)?;
        let key = written.to_lowercase();
        if let Some((_, alur)) = ALUR.iter().find(|(name, _)| *name == key) {
            return Some(*alur);
        }
        let names = ALUR.map(|(name, _)| name);
        let hint = match did_you_mean(&key, names) {
            Some(c) => format!("did you mean `{c}`?"),
            None => "alur is `bersama` (one joint activity) or `berurutan` (passed from lane to lane in the order of pelaksana)".to_string(),
        };
        report.error_hint(n.pos, format!("unknown alur `{written}`"), hint);
        None
    });
    let id = text("id", report);
    let no = f
        .get("no")
        .and_then(|n| fields::text(n, "no", report).map(|t| (t, n.pos)));
    let waktu = text("waktu", report).map(|written| {
        let w = Waktu::parse_in(&written, time_unit);
        if w.duration.is_none()
            && let Some(n) = f.get("waktu")
        {
            report.warning_hint(
                n.pos,
                format!("cannot read the waktu `{written}`; it is shown as written and left out of the total"),
                if time_unit.is_none() && written.trim().chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | ' ')) {
                    "a number alone has no unit: add one (15 menit), or set `satuan_waktu: menit` on the SOP or its unit (_index.md)"
                } else {
                    "write a number and a unit, e.g. 15 menit, 1 jam, 1,5 jam, 2 hari, 1-2 hari"
                },
            );
        }
        w
    });
    Some(RawStep {
        pos: f.pos,
        id,
        no,
        kegiatan,
        pelaksana,
        jenis,
        jenis_is_list,
        jenis_pos: f.get("jenis").map(|n| n.pos),
        alur: alur.unwrap_or_default(),
        alur_pos: f.get("alur").map(|n| n.pos),
        simbol: text("simbol", report),
        ya: f.get("ya"),
        tidak: f.get("tidak"),
        lanjut: f.get("lanjut"),
        label_ya: maybe_empty("label_ya", report),
        label_tidak: maybe_empty("label_tidak", report),
        label_pos: f.key_pos("label_ya").or(f.key_pos("label_tidak")),
        kelengkapan: f
            .get("kelengkapan")
            .map(|n| fields::text_list(n, "kelengkapan", report))
            .unwrap_or_default(),
        waktu,
        output: text("output", report),
        keterangan: text("keterangan", report),
    })
}

/// The numbers printed in the No column: `no` where written, else one more
/// than the last number above (the position when no step writes `no`); an
/// empty `no` leaves the row unnumbered. A duplicate is an error.
pub(super) fn printed_numbers(raw: &[Option<RawStep<'_>>], report: &mut Report) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut last = 0usize;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, step) in raw.iter().enumerate() {
        let written = step.as_ref().and_then(|s| s.no.as_ref());
        let no = match written {
            Some((text, _)) => text.clone(),
            None => (last + 1).to_string(),
        };
        if let Ok(value) = no.parse::<usize>() {
            last = value;
        }
        if !no.is_empty() {
            if let Some(first) = seen.get(&no) {
                let pos = written
                    .map(|(_, pos)| *pos)
                    .or(step.as_ref().map(|s| s.pos))
                    .unwrap_or_default();
                let hint = if written.is_some() {
                    format!(
                        "step {} (the {} row) is already numbered {no}; give each row its own `no` as on the paper",
                        no_of(&out, *first),
                        ordinal(*first + 1)
                    )
                } else {
                    format!(
                        "this row counts on from the row above; write its own `no` (or `no: \"\"` for a row the paper leaves unnumbered); the {} row is already numbered {no}",
                        ordinal(*first + 1)
                    )
                };
                report.error_hint(pos, format!("two steps are numbered {no}"), hint);
            } else {
                seen.insert(no.clone(), i);
            }
        }
        out.push(no);
    }
    out
}

pub(super) fn no_of(numbers: &[String], i: usize) -> &str {
    numbers.get(i).map_or("", String::as_str)
}

/// "1st", "2nd": which row of the list, for messages about numbering.
pub(super) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The kinds of the symbols of a step, one per lane written, and the kind
/// of the step (of its last symbol, where its arrows leave).
pub(super) fn symbol_kinds(
    s: &RawStep<'_>,
    i: usize,
    n: usize,
    symbols: usize,
    report: &mut Report,
) -> (StepKind, Vec<StepKind>) {
    let sequence = s.alur == Alur::Berurutan && symbols > 1;
    // The step's one jenis, or the default for its place.
    let kind = s
        .jenis
        .first()
        .map_or(StepKind::default_at(i, n), |(k, _)| *k);
    if s.jenis_is_list && !sequence {
        let pos = s.jenis_pos.unwrap_or(s.pos);
        if s.alur == Alur::Berurutan {
            report.error_hint(
                pos,
                format!("`jenis` of step {} is a list, but the step has one pelaksana", i + 1),
                "a list of jenis gives one per pelaksana of an `alur: berurutan` row; write one jenis",
            );
        } else {
            report.error_hint(
                pos,
                format!("`jenis` of step {} is a list, but the step is not `alur: berurutan`", i + 1),
                "a joint step (bersama) has one symbol drawn in each lane: write one jenis, or add `alur: berurutan` when the activity passes from lane to lane",
            );
        }
        return (kind, Vec::new());
    }
    if !sequence {
        return (kind, Vec::new());
    }
    let kinds: Vec<StepKind> = if s.jenis_is_list {
        if s.jenis.len() != symbols {
            report.error_hint(
                s.jenis_pos.unwrap_or(s.pos),
                format!(
                    "step {} has {} jenis for {} pelaksana",
                    i + 1,
                    s.jenis.len(),
                    symbols
                ),
                "with `alur: berurutan`, write one jenis per pelaksana, in the same order",
            );
        }
        (0..symbols)
            .map(|j| s.jenis.get(j).map_or(StepKind::Proses, |(k, _)| *k))
            .collect()
    } else {
        // One kind for a row: a mulai is where the row starts, a decision
        // or a selesai where it ends; the other symbols are boxes.
        let mut kinds = vec![StepKind::Proses; symbols];
        match kind {
            StepKind::Mulai => kinds[0] = kind,
            StepKind::Keputusan | StepKind::Selesai => kinds[symbols - 1] = kind,
            StepKind::Proses => {}
        }
        kinds
    };
    // Branches leave a row from its last symbol: a diamond anywhere else
    // would have nowhere to send "Tidak".
    if let Some(j) = kinds[..symbols - 1]
        .iter()
        .position(|k| *k == StepKind::Keputusan)
    {
        let pos = s.jenis.get(j).map_or(s.pos, |(_, p)| *p);
        report.error_hint(
            pos,
            format!(
                "in step {} the decision (keputusan) is symbol {} of {}, not the last",
                i + 1,
                j + 1,
                symbols
            ),
            "the arrows of a berurutan row (ya, tidak) leave from its last symbol: end the row with the decision, or split the row into two steps",
        );
    }
    let kind = kinds[symbols - 1];
    (kind, kinds)
}

pub(super) fn read_steps(
    node: &Node,
    pelaksana: Option<&Node>,
    config: &Config,
    time_unit: Option<Unit>,
    report: &mut Report,
) -> (Vec<Lane>, Vec<Step>) {
    let Value::Seq(items) = &node.value else {
        report.error_hint(
            node.pos,
            format!(
                "wrong type: `langkah` should be a list of steps, not {}",
                node.kind_name()
            ),
            "write each step on its own line starting with `- kegiatan: ...`",
        );
        return (Vec::new(), Vec::new());
    };
    if items.is_empty() {
        report.error_hint(
            node.pos,
            "`langkah` has no steps",
            "write each step below it as `- kegiatan: ...` with `pelaksana: ...` on the next line",
        );
        return (Vec::new(), Vec::new());
    }
    let raw: Vec<Option<RawStep<'_>>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| read_raw_step(item, i + 1, time_unit, report))
        .collect();

    // Lanes: as written, else every role in order of first use.
    let written_lanes = pelaksana
        .map(|n| read_lanes(n, config, report))
        .unwrap_or_default();
    let lane_pos: Vec<Pos> = written_lanes.iter().map(|(_, pos)| *pos).collect();
    let mut lanes: Vec<Lane> = written_lanes.into_iter().map(|(l, _)| l).collect();
    if lanes.is_empty() {
        for (written, _) in raw.iter().flatten().flat_map(|s| &s.pelaksana) {
            let nama = canonical(written, config);
            if !nama.is_empty() && !lanes.iter().any(|l| norm(&l.nama) == norm(&nama)) {
                lanes.push(lane(nama, None));
            }
        }
    }

    let n = items.len();
    let mut ids: Vec<(String, usize)> = Vec::new();
    let mut first_with: HashMap<&str, usize> = HashMap::new();
    for (i, step) in raw.iter().enumerate() {
        let Some(id) = step.as_ref().and_then(|s| s.id.as_ref()) else {
            continue;
        };
        if let Some(first) = first_with.get(id.as_str()) {
            report.error_hint(
                raw[i].as_ref().map_or(items[i].pos, |s| s.pos),
                format!("duplicate step id `{id}`"),
                format!("step {} already has this id", first + 1),
            );
        } else {
            first_with.insert(id, i);
            ids.push((id.clone(), i));
        }
    }
    let numbers = printed_numbers(&raw, report);
    let lane_keys = LaneKeys::new(&lanes);

    // Every step's lanes first: a target may aim at one lane's symbol of any row.
    let step_lanes: Vec<Vec<usize>> = raw
        .iter()
        .map(|step| {
            let Some(s) = step else {
                return Vec::new();
            };
            let found = s.pelaksana.iter().filter_map(|(written, pos)| {
                find_lane(written, *pos, &lanes, &lane_keys, config, report)
            });
            if s.alur == Alur::Berurutan {
                // In order, a lane as often as the activity comes back to it.
                found.collect()
            } else {
                found.fold(Vec::new(), |mut acc, l| {
                    if !acc.contains(&l) {
                        acc.push(l);
                    }
                    acc
                })
            }
        })
        .collect();
    let targets = Targets::new(n, &ids, &numbers, &step_lanes, &lanes, &lane_keys, config);

    let mut steps = Vec::with_capacity(n);
    for (i, step) in raw.into_iter().enumerate() {
        let Some(s) = step else {
            let mut step = placeholder(i, n, items[i].pos);
            step.no = numbers[i].clone();
            steps.push(step);
            continue;
        };
        let step_lanes = step_lanes[i].clone();
        // A last row that says where it goes (`lanjut: selesai`, a loop
        // back) is an activity, not the selesai symbol.
        let last_leads_on = i + 1 == n && s.lanjut.is_some();
        let (kind, kinds) = symbol_kinds(
            &s,
            i,
            if last_leads_on { n + 1 } else { n },
            step_lanes.len(),
            report,
        );
        if s.alur == Alur::Berurutan
            && s.pelaksana.len() < 2
            && let Some(pos) = s.alur_pos
        {
            report.warning_hint(
                pos,
                format!("`alur: berurutan` on step {}, which has one pelaksana", i + 1),
                "berurutan passes the activity from lane to lane: list the pelaksana in order, or remove `alur`",
            );
        }
        let next = (i + 1 < n).then_some(Target::step(i + 1));
        let flow = if kind == StepKind::Keputusan {
            if let Some(l) = s.lanjut {
                report.error_hint(
                    l.pos,
                    "`lanjut` on a decision",
                    "a decision leads by `ya` and `tidak`; remove `lanjut`",
                );
            }
            let tidak = match s.tidak {
                Some(t) => targets.resolve(t, "tidak", report),
                None => {
                    report.error_hint(
                        s.pos,
                        format!("decision without `tidak` (step {})", i + 1),
                        "add `tidak: <step number or id>`, or `tidak: selesai`: where the answer \"Tidak\" leads",
                    );
                    None
                }
            };
            let ya = match s.ya {
                Some(t) => targets.resolve(t, "ya", report),
                None if next.is_none() => {
                    report.error_hint(
                        s.pos,
                        "the last step is a decision: `ya` has no next step to lead to",
                        "add `ya: <step number or id>`, or `ya: selesai`",
                    );
                    None
                }
                None => next,
            };
            match (ya, tidak) {
                (Some(ya), Some(tidak)) => Flow::Decision {
                    ya,
                    tidak,
                    label_ya: s.label_ya.unwrap_or_else(|| Flow::YA.into()),
                    label_tidak: s.label_tidak.unwrap_or_else(|| Flow::TIDAK.into()),
                },
                _ => Flow::Next {
                    to: next.into_iter().collect(),
                },
            }
        } else {
            for (key, node) in [("ya", s.ya), ("tidak", s.tidak)] {
                if let Some(node) = node {
                    report.error_hint(
                        node.pos,
                        format!("`{key}` on step {}, which is not a decision", i + 1),
                        "add `jenis: keputusan` to make it a decision, or use `lanjut` for the next step",
                    );
                }
            }
            if let Some(pos) = s.label_pos {
                report.error_hint(
                    pos,
                    format!("branch labels on step {}, which is not a decision", i + 1),
                    "add `jenis: keputusan`, or remove label_ya / label_tidak",
                );
            }
            match (kind, s.lanjut) {
                (StepKind::Selesai, Some(l)) => {
                    report.error_hint(
                        l.pos,
                        "`lanjut` on a selesai step",
                        "a selesai step ends the SOP; remove `lanjut` or change `jenis`",
                    );
                    Flow::Next { to: Vec::new() }
                }
                (StepKind::Selesai, None) => Flow::Next { to: Vec::new() },
                (_, Some(l)) => {
                    let to = targets.resolve_list(l, report);
                    Flow::Next {
                        to: to.unwrap_or_else(|| next.into_iter().collect()),
                    }
                }
                (_, None) => Flow::Next {
                    to: next.into_iter().collect(),
                },
            }
        };
        steps.push(Step {
            number: i + 1,
            no: numbers[i].clone(),
            id: s.id,
            kegiatan: s.kegiatan,
            lanes: step_lanes,
            kind,
            alur: s.alur,
            kinds,
            simbol: s.simbol,
            flow,
            kelengkapan: s.kelengkapan,
            waktu: s.waktu,
            output: s.output,
            keterangan: s.keterangan,
            pos: s.pos,
        });
    }
    // A lane nobody works in is an empty column: most likely a step names it differently.
    let clean = report.error_count() == 0;
    for (i, pos) in lane_pos.iter().enumerate() {
        if clean && !steps.iter().any(|s| s.lanes.contains(&i)) {
            report.warning_hint(
                *pos,
                format!("the lane `{}` has no step", lanes[i].nama),
                "give it a step, or remove it from `pelaksana`",
            );
        }
    }
    (lanes, steps)
}

/// Stands in for a step that is no map, so numbering stays right.
pub(super) fn placeholder(i: usize, n: usize, pos: Pos) -> Step {
    Step {
        number: i + 1,
        no: (i + 1).to_string(),
        kind: StepKind::default_at(i, n),
        flow: Flow::next((i + 1 < n).then_some(i + 1)),
        pos,
        ..Step::default()
    }
}
