//! Where a step goes: the targets of `ke`, `ya` and `tidak` resolved by
//! number, id or lane, and the graph of steps checked as a whole.

use super::*;

/// "steps are numbered 1 to 7" or the printed numbers, and the ids: for
/// hints. Made once per SOP, not once per wrong target.
pub(super) fn describe_range(n: usize, numbers: &[String], ids: &[(String, usize)]) -> String {
    let numbered: Vec<&str> = numbers
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let plain = numbered
        .iter()
        .enumerate()
        .all(|(i, s)| *s == (i + 1).to_string())
        && numbered.len() == n;
    let mut out = if plain {
        format!("steps are numbered 1 to {n}")
    } else {
        format!(
            "the steps' numbers (`no`) are: {}",
            listed(numbered.iter().map(|s| s.to_string()))
        )
    };
    if !ids.is_empty() {
        let ids = listed(ids.iter().map(|(id, _)| id.clone()));
        out.push_str(&format!("; the ids are: {ids}"));
    }
    out
}

/// What a target (ya, tidak, lanjut) can name.
pub(super) struct Targets<'a> {
    pub(super) ids: &'a [(String, usize)],
    /// The printed number of each step ("" when unnumbered).
    pub(super) numbers: &'a [String],
    pub(super) step_lanes: &'a [Vec<usize>],
    pub(super) lanes: &'a [Lane],
    pub(super) lane_keys: &'a LaneKeys,
    pub(super) config: &'a Config,
    /// The first step printed with each number, by id, by id as compared:
    /// a target is looked up, not compared with every step.
    pub(super) by_number: HashMap<&'a str, usize>,
    pub(super) by_id: HashMap<&'a str, usize>,
    pub(super) by_loose_id: HashMap<String, usize>,
    pub(super) range: String,
}

impl<'a> Targets<'a> {
    pub(super) fn new(
        n: usize,
        ids: &'a [(String, usize)],
        numbers: &'a [String],
        step_lanes: &'a [Vec<usize>],
        lanes: &'a [Lane],
        lane_keys: &'a LaneKeys,
        config: &'a Config,
    ) -> Self {
        let mut by_number = HashMap::new();
        for (i, no) in numbers.iter().enumerate().filter(|(_, no)| !no.is_empty()) {
            by_number.entry(no.as_str()).or_insert(i);
        }
        let mut by_id = HashMap::new();
        let mut by_loose_id = HashMap::new();
        for (id, i) in ids {
            by_id.entry(id.as_str()).or_insert(*i);
            by_loose_id.entry(norm(id)).or_insert(*i);
        }
        Targets {
            ids,
            numbers,
            step_lanes,
            lanes,
            lane_keys,
            config,
            by_number,
            by_id,
            by_loose_id,
            range: describe_range(n, numbers, ids),
        }
    }

    /// "steps are numbered 1 to 7" or the printed numbers, and the ids: for hints.
    pub(super) fn range(&self) -> String {
        self.range.clone()
    }

    /// `lanjut`: one target, or a list of them (a fork).
    pub(super) fn resolve_list(&self, node: &Node, report: &mut Report) -> Option<Vec<Target>> {
        let Value::Seq(items) = &node.value else {
            return self.resolve(node, "lanjut", report).map(|t| vec![t]);
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter().filter(|i| !i.is_null()) {
            match self.resolve(item, "lanjut", report) {
                Some(t) if !out.contains(&t) => out.push(t),
                Some(_) => report.error_hint(
                    item.pos,
                    "the same step is listed twice in `lanjut`",
                    "a fork lists each following step once",
                ),
                None => ok = false,
            }
        }
        if out.is_empty() && ok {
            report.error_hint(
                node.pos,
                "`lanjut` is an empty list",
                "write the step that follows, or a list of the steps that all follow (a fork)",
            );
            return None;
        }
        ok.then_some(out)
    }

    /// A target: a step number (as printed), an id, `selesai`, or `{ke, pelaksana}`.
    pub(super) fn resolve(&self, node: &Node, key: &str, report: &mut Report) -> Option<Target> {
        match &node.value {
            Value::Map(_) => return self.resolve_symbol(node, key, report),
            Value::Seq(_) => {
                let hint = if key == "lanjut" {
                    "a fork is one list of steps: `lanjut: [8, 9]`".to_string()
                } else {
                    format!(
                        "`{key}` leads to one step; for several steps that all follow, let `{key}` lead to a step whose `lanjut` is a list"
                    )
                };
                report.error_hint(
                    node.pos,
                    format!("wrong type: `{key}` should be a step number, an id or `selesai`, not a list"),
                    hint,
                );
                return None;
            }
            _ => {}
        }
        let written = fields::text(node, key, report)?;
        if written.eq_ignore_ascii_case("selesai") {
            return Some(Target::End);
        }
        self.step(&written, node.pos, key, report).map(Target::step)
    }

    /// A step number (as printed) or id to a 0-based index.
    pub(super) fn step(
        &self,
        written: &str,
        pos: Pos,
        key: &str,
        report: &mut Report,
    ) -> Option<usize> {
        if let Some(&i) = self.by_number.get(written) {
            return Some(i);
        }
        if written.parse::<usize>().is_ok() {
            report.error_hint(
                pos,
                format!("`{key}` leads to step {written}, which does not exist"),
                self.range(),
            );
            return None;
        }
        if let Some(&i) = self
            .by_id
            .get(written)
            .or_else(|| self.by_loose_id.get(&norm(written)))
        {
            return Some(i);
        }
        let hint = match did_you_mean(written, self.ids.iter().map(|(id, _)| id.as_str())) {
            Some(c) => format!("did you mean `{c}`? {}", self.range()),
            None => format!(
                "{}; or `selesai` to end the procedure on this branch",
                self.range()
            ),
        };
        report.error_hint(
            pos,
            format!("`{key}` leads to `{written}`, which is no step number or id"),
            hint,
        );
        None
    }

    /// `{ke: N, pelaksana: X}`: the symbol of lane X in step N.
    pub(super) fn resolve_symbol(
        &self,
        node: &Node,
        key: &str,
        report: &mut Report,
    ) -> Option<Target> {
        let what = format!("a target in `{key}`");
        let f = Fields::read(node, TARGET_KEYS, &what, report)?;
        let ke = fields::required_text(&f, "ke", &what, report);
        let pelaksana = fields::required_text(&f, "pelaksana", &what, report);
        let (ke, pelaksana) = (ke?, pelaksana?);
        let ke_pos = f.get("ke").map_or(node.pos, |n| n.pos);
        let lane_pos = f.get("pelaksana").map_or(node.pos, |n| n.pos);
        if ke.eq_ignore_ascii_case("selesai") {
            report.error_hint(
                ke_pos,
                "`selesai` has no pelaksana to aim at",
                format!("write `{key}: selesai`"),
            );
            return None;
        }
        let step = self.step(&ke, ke_pos, key, report)?;
        let lanes = &self.step_lanes[step];
        let number = self.numbers.get(step).map_or("", String::as_str);
        let lane = self.lane_keys.find(&pelaksana, self.config);
        let symbol = lane.and_then(|l| lanes.iter().position(|&x| x == l));
        if let Some(symbol) = symbol {
            return Some(Target::Step { step, symbol });
        }
        let listed = lane_list(lanes.iter().filter_map(|&l| self.lanes.get(l)));
        let which = if number.is_empty() {
            format!("the {} row", ordinal(step + 1))
        } else {
            format!("step {number}")
        };
        report.error_hint(
            lane_pos,
            format!("`{key}` aims at `{pelaksana}` in {which}, which has no symbol in that lane"),
            format!(
                "{which} is done by: {listed}; name one of them, or write only `{key}: {}` for its first symbol",
                if number.is_empty() { ke.as_str() } else { number }
            ),
        );
        None
    }
}

/// "step 6" (its printed number), or "the 5th row (unnumbered)".
pub(super) fn step_name(step: &Step) -> String {
    if step.no.is_empty() {
        format!("the {} row (unnumbered)", ordinal(step.number))
    } else {
        format!("step {}", step.no)
    }
}

pub(super) fn check_graph(sop: &Sop, report: &mut Report) {
    let first = sop.steps.first().map(step_name).unwrap_or_default();
    for i in graph::unreachable(sop) {
        let step = &sop.steps[i];
        report.error_hint(
            step.pos,
            format!("{} cannot be reached from {first}", step_name(step)),
            "no arrow leads to it: point a `lanjut`, `ya` or `tidak` of an earlier step to it, or remove it",
        );
    }
    for (i, symbol) in graph::unreachable_symbols(sop) {
        let step = &sop.steps[i];
        let lane = step
            .lanes
            .get(symbol)
            .and_then(|&l| sop.lanes.get(l))
            .map_or("", |l| l.nama.as_str());
        report.error_hint(
            step.pos,
            format!(
                "the symbol of `{lane}` in {} cannot be reached: every arrow into the row aims past it",
                step_name(step)
            ),
            format!(
                "a plain number aims at the row's first symbol; `{{ke: {}, pelaksana: ...}}` aims further in: aim one arrow at `{lane}` or before it, or remove it from the row's pelaksana",
                step.no
            ),
        );
    }
    let forks = graph::dead_forks(sop);
    for &(i, branch) in &forks {
        let step = &sop.steps[i];
        report.error_hint(
            step.pos,
            format!(
                "the fork at {} never comes together again: the branch to {} never joins the others nor reaches the end",
                step_name(step),
                step_name(&sop.steps[branch])
            ),
            "let that branch lead (with `lanjut`) to a step the other branches also reach, or end it with `lanjut: selesai`",
        );
    }
    let dead = graph::dead_ends(sop);
    if let (Some(&first), true) = (dead.first(), forks.is_empty()) {
        let names: Vec<String> = dead.iter().map(|&i| step_name(&sop.steps[i])).collect();
        let message = if dead.len() == 1 {
            format!("no way from {} to a selesai step", names[0])
        } else {
            let which = if dead.iter().all(|&i| !sop.steps[i].no.is_empty()) {
                let nos: Vec<&str> = dead.iter().map(|&i| sop.steps[i].no.as_str()).collect();
                format!("steps {}", nos.join(", "))
            } else {
                names.join(", ")
            };
            format!("no way to a selesai step from {which}")
        };
        let hint = if sop.steps.iter().any(|s| s.kind == StepKind::Selesai)
            || sop.edges().iter().any(|e| e.is_end())
        {
            "a loop never ends or a step leads nowhere: give a way out with `lanjut`, `ya` or `tidak` (`selesai` ends the procedure on that branch)"
        } else {
            "no step is `jenis: selesai`: the last step usually is"
        };
        report.error_hint(sop.steps[first].pos, message, hint);
    }
}
