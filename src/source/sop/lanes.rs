//! The lanes (pelaksana) of an SOP: read, and found again by the name a
//! step writes, however it spells it.

use super::*;

/// A role name as compared: trimmed, spaces collapsed, any case.
pub(super) fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The role nama `written` stands for, after handbook.yaml `roles`.
pub(super) fn canonical(written: &str, config: &Config) -> String {
    let key = norm(written);
    config
        .roles
        .iter()
        .find(|(other, _)| norm(other) == key)
        .map(|(_, nama)| nama.trim().to_string())
        .unwrap_or_else(|| written.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub(super) fn lane(nama: String, singkatan: Option<String>) -> Lane {
    Lane {
        slug: slug::slugify(&nama),
        nama,
        singkatan,
    }
}

/// The lanes written in `pelaksana`, each with where it is written.
pub(super) fn read_lanes(node: &Node, config: &Config, report: &mut Report) -> Vec<(Lane, Pos)> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar(_) => vec![node],
        _ => {
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: `pelaksana` should be a list of roles, not {}",
                    node.kind_name()
                ),
                "write each role on its own line starting with `- `, left to right",
            );
            return Vec::new();
        }
    };
    let mut lanes: Vec<(Lane, Pos)> = Vec::new();
    for item in items {
        let new = match &item.value {
            Value::Null => continue,
            Value::Scalar(s) => lane(canonical(s, config), None),
            Value::Map(_) => {
                let Some(f) = Fields::read(item, LANE_KEYS, "a pelaksana", report) else {
                    continue;
                };
                let Some(nama) = fields::required_text(&f, "nama", "a pelaksana", report) else {
                    continue;
                };
                let singkatan = f
                    .get("singkatan")
                    .and_then(|n| fields::text(n, "singkatan", report))
                    .filter(|s| !s.is_empty());
                lane(canonical(&nama, config), singkatan)
            }
            Value::Seq(_) => {
                report.error_hint(
                    item.pos,
                    "wrong type: a pelaksana should be a role or {nama, singkatan}, not a list",
                    "one `- ` per lane: `- Kepala Sub Bagian Umum`, or `- nama: Kepala Sub Bagian Umum` with `singkatan: Kasubbag Umum` below it",
                );
                continue;
            }
        };
        if new.nama.is_empty() {
            continue;
        }
        let names = |l: &Lane| {
            let mut v = vec![norm(&l.nama)];
            v.extend(l.singkatan.as_deref().map(norm));
            v
        };
        if let Some((_, first)) = lanes
            .iter()
            .find(|(l, _)| names(l).iter().any(|n| names(&new).contains(n)))
        {
            report.error_hint(
                item.pos,
                format!("the lane `{}` is listed twice", new.nama),
                format!("it is already on line {}", first.line),
            );
            continue;
        }
        lanes.push((new, item.pos));
    }
    lanes
}

pub(super) fn find_lane(
    written: &str,
    pos: Pos,
    lanes: &[Lane],
    keys: &LaneKeys,
    config: &Config,
    report: &mut Report,
) -> Option<usize> {
    let found = keys.find(written, config);
    if found.is_none() {
        let names: Vec<&str> = lanes
            .iter()
            .flat_map(|l| std::iter::once(l.nama.as_str()).chain(l.singkatan.as_deref()))
            .collect();
        let hint = match did_you_mean(written, names) {
            Some(c) => format!("did you mean `{c}`? the lanes are: {}", lane_list(lanes)),
            None => format!("the lanes (pelaksana) are: {}", lane_list(lanes)),
        };
        report.error_hint(pos, format!("unknown pelaksana `{written}`"), hint);
    }
    found
}

/// The lane a pelaksana as written names (its nama or singkatan, any case).
/// Every lane by its nama and singkatan as compared (any case and spacing),
/// made once per SOP: a step's pelaksana is looked up, not compared with
/// every lane (an SOP of thousands of lanes and steps was quadratic).
pub(super) struct LaneKeys(pub(super) HashMap<String, usize>);

impl LaneKeys {
    pub(super) fn new(lanes: &[Lane]) -> LaneKeys {
        let mut keys = HashMap::new();
        for (i, lane) in lanes.iter().enumerate() {
            for name in std::iter::once(&lane.nama).chain(&lane.singkatan) {
                keys.entry(norm(name)).or_insert(i);
            }
        }
        LaneKeys(keys)
    }

    /// The first lane named `written`, as written or as the role it stands
    /// for after handbook.yaml `roles`.
    pub(super) fn find(&self, written: &str, config: &Config) -> Option<usize> {
        let as_written = self.0.get(&norm(written));
        let as_role = self.0.get(&norm(&canonical(written, config)));
        as_written.into_iter().chain(as_role).min().copied()
    }
}

/// "Nama (SINGKATAN), ..." for hints.
pub(super) fn lane_list<'l>(lanes: impl IntoIterator<Item = &'l Lane>) -> String {
    listed(lanes.into_iter().map(|l| match &l.singkatan {
        Some(s) => format!("{} ({s})", l.nama),
        None => l.nama.clone(),
    }))
}

/// The most names a hint lists: every hint of an SOP of thousands of steps
/// listing them all made its messages grow with the square of the SOP.
pub(super) const LISTED: usize = 12;

/// "a, b, c" or, past `LISTED` names, "a, b, ... (40 in all)".
pub(super) fn listed(names: impl IntoIterator<Item = String>) -> String {
    let mut shown = Vec::with_capacity(LISTED);
    let mut count = 0usize;
    for name in names {
        if count < LISTED {
            shown.push(name);
        }
        count += 1;
    }
    let mut out = shown.join(", ");
    if count > LISTED {
        out.push_str(&format!(", ... ({count} in all)"));
    }
    out
}
