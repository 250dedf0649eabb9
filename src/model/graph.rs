//! The step graph: which steps can be reached and which can reach the end.
//!
//! Both checks walk the arrows of [`Sop::edges`], so they see exactly the
//! flowchart that is drawn. Arrows pointing outside the steps (a loader bug or
//! a half-checked SOP) are ignored instead of panicking.

use super::{Flow, Sop, StepKind, Target};

/// The flowchart as a graph of symbols: a joint (bersama) step is one node,
/// a berurutan row one node per symbol, chained in the order written, and
/// one more node stands for the end of the procedure.
struct Graph {
    /// The first node of each step.
    base: Vec<usize>,
    /// Successors of each node; the last node is the end.
    next: Vec<Vec<usize>>,
}

impl Graph {
    fn new(sop: &Sop) -> Graph {
        let n = sop.steps.len();
        let mut base = Vec::with_capacity(n);
        let mut count = 0;
        for step in &sop.steps {
            base.push(count);
            count += if step.is_sequence() {
                step.lanes.len()
            } else {
                1
            };
        }
        let end = count;
        let mut next = vec![Vec::new(); count + 1];
        let node = |t: Target| match t {
            Target::Step { step, symbol } if step < n => {
                let s = &sop.steps[step];
                Some(if s.is_sequence() {
                    base[step] + symbol.min(s.lanes.len() - 1)
                } else {
                    base[step]
                })
            }
            Target::Step { .. } => None,
            Target::End => Some(end),
        };
        for (i, step) in sop.steps.iter().enumerate() {
            let nodes = if step.is_sequence() {
                step.lanes.len()
            } else {
                1
            };
            for k in 1..nodes {
                next[base[i] + k - 1].push(base[i] + k);
            }
        }
        for edge in sop.edges() {
            if edge.from >= n {
                continue;
            }
            let from = node(Target::Step {
                step: edge.from,
                symbol: edge.from_symbol,
            });
            if let (Some(from), Some(to)) = (from, node(edge.target)) {
                next[from].push(to);
            }
        }
        // A selesai step ends the procedure.
        for (i, step) in sop.steps.iter().enumerate() {
            if step.kind == StepKind::Selesai {
                let last = base[i]
                    + if step.is_sequence() {
                        step.lanes.len() - 1
                    } else {
                        0
                    };
                next[last].push(end);
            }
        }
        Graph { base, next }
    }

    fn end(&self) -> usize {
        self.next.len() - 1
    }

    /// The nodes of step `i`.
    fn nodes(&self, i: usize) -> std::ops::Range<usize> {
        let to = self.base.get(i + 1).copied().unwrap_or(self.end());
        self.base[i]..to
    }

    fn reversed(&self) -> Vec<Vec<usize>> {
        let mut back = vec![Vec::new(); self.next.len()];
        for (from, list) in self.next.iter().enumerate() {
            for &to in list {
                back[to].push(from);
            }
        }
        back
    }
}

/// Steps (0-based) that no path from the first step reaches.
pub fn unreachable(sop: &Sop) -> Vec<usize> {
    if sop.steps.is_empty() {
        return Vec::new();
    }
    let g = Graph::new(sop);
    let seen = reach(&g.next, [0]);
    (0..sop.steps.len())
        .filter(|&i| g.nodes(i).all(|k| !seen[k]))
        .collect()
}

/// Symbols (step, symbol; 0-based) of berurutan rows that are reached,
/// but not at these symbols: an arrow aims past them into the row.
pub fn unreachable_symbols(sop: &Sop) -> Vec<(usize, usize)> {
    if sop.steps.is_empty() {
        return Vec::new();
    }
    let g = Graph::new(sop);
    let seen = reach(&g.next, [0]);
    let mut out = Vec::new();
    for i in 0..sop.steps.len() {
        let nodes = g.nodes(i);
        if nodes.len() > 1 && nodes.clone().any(|k| seen[k]) {
            out.extend(
                nodes
                    .clone()
                    .filter(|&k| !seen[k])
                    .map(|k| (i, k - nodes.start)),
            );
        }
    }
    out
}

/// Steps (0-based) from which no path leads to the end of the procedure (a
/// selesai step or a `selesai` branch): an endless loop or a dead end.
pub fn dead_ends(sop: &Sop) -> Vec<usize> {
    if sop.steps.is_empty() {
        return Vec::new();
    }
    let g = Graph::new(sop);
    // Walk the arrows backwards from the end: what it meets can finish.
    let seen = reach(&g.reversed(), [g.end()]);
    (0..sop.steps.len())
        .filter(|&i| !seen[g.nodes(i).end - 1])
        .collect()
}

/// The branches of forks (`lanjut` with several steps) that never reach the
/// end: (the forking step, the step of the branch), 0-based.
pub fn dead_forks(sop: &Sop) -> Vec<(usize, usize)> {
    let dead = dead_ends(sop);
    let mut out = Vec::new();
    for (i, step) in sop.steps.iter().enumerate() {
        let Flow::Next { to } = &step.flow else {
            continue;
        };
        if to.len() < 2 {
            continue;
        }
        for t in to {
            if let Some(b) = t.step_index().filter(|b| dead.contains(b))
                && !out.contains(&(i, b))
            {
                out.push((i, b));
            }
        }
    }
    out
}

/// Marks every node reachable from `starts` along `next` (iterative, so a
/// long SOP cannot overflow the stack).
fn reach(next: &[Vec<usize>], starts: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; next.len()];
    let mut stack: Vec<usize> = starts.into_iter().collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(next[i].iter().copied().filter(|&j| !seen[j]));
    }
    seen
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::Pos;
    use crate::model::{Flow, Lane, Step, Target};

    /// A step's arrows in the tests: `N(to)`, `End` or `D(ya, tidak)`.
    #[derive(Clone, Copy)]
    pub(crate) enum F {
        N(usize),
        End,
        D(usize, usize),
    }

    /// An SOP with one lane whose steps have the given flows (0-based
    /// targets); a step without arrows is a selesai, a decision a keputusan.
    pub(crate) fn sop_with(flows: &[F]) -> Sop {
        let steps = flows
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (kind, flow) = match *f {
                    F::N(to) if i == 0 => (StepKind::Mulai, Flow::next(Some(to))),
                    F::N(to) => (StepKind::Proses, Flow::next(Some(to))),
                    F::End => (StepKind::Selesai, Flow::next(None)),
                    F::D(ya, tidak) => (
                        StepKind::Keputusan,
                        Flow::Decision {
                            ya: Target::step(ya),
                            tidak: Target::step(tidak),
                            label_ya: "Ya".into(),
                            label_tidak: "Tidak".into(),
                        },
                    ),
                };
                Step {
                    number: i + 1,
                    id: None,
                    kegiatan: format!("Langkah {}", i + 1),
                    lanes: vec![0],
                    kind,
                    flow,
                    kelengkapan: Vec::new(),
                    waktu: None,
                    output: None,
                    keterangan: None,
                    pos: Pos::new(i + 1, 1),
                    no: (i + 1).to_string(),
                    ..Step::default()
                }
            })
            .collect();
        Sop {
            file: "content/uji.yaml".into(),
            path: "uji".into(),
            pos: Pos::new(1, 1),
            nomor: "SOP-UJI".into(),
            nama: "Uji".into(),
            lanes: vec![Lane {
                nama: "Pelaksana".into(),
                singkatan: None,
                slug: "pelaksana".into(),
            }],
            steps,
            ..Sop::default()
        }
    }

    use F::*;

    #[test]
    fn a_straight_sop_has_no_problem() {
        let sop = sop_with(&[N(1), N(2), End]);
        assert_eq!(unreachable(&sop), Vec::<usize>::new());
        assert_eq!(dead_ends(&sop), Vec::<usize>::new());
    }

    #[test]
    fn a_revision_loop_is_fine() {
        // 0 → 1 → decision 2: ya → 3 (end), tidak → back to 1.
        let sop = sop_with(&[N(1), N(2), D(3, 1), End]);
        assert!(unreachable(&sop).is_empty());
        assert!(dead_ends(&sop).is_empty());
    }

    #[test]
    fn a_skipped_step_is_unreachable() {
        // 1 jumps over 2, and nothing points at 2.
        let sop = sop_with(&[N(1), N(3), N(3), End]);
        assert_eq!(unreachable(&sop), vec![2]);
        // 2 itself still leads to the end.
        assert!(dead_ends(&sop).is_empty());
    }

    #[test]
    fn an_endless_loop_never_reaches_selesai() {
        // 1 and 2 point at each other; 3 is the end nobody reaches.
        let sop = sop_with(&[N(1), N(2), N(1), End]);
        assert_eq!(dead_ends(&sop), vec![0, 1, 2]);
        assert_eq!(unreachable(&sop), vec![3]);
    }

    #[test]
    fn a_decision_with_one_good_branch_can_finish() {
        // Tidak leads into a loop, ya to the end: the decision can still finish.
        let sop = sop_with(&[N(1), D(3, 2), N(2), End]);
        assert_eq!(dead_ends(&sop), vec![2]);
        assert!(unreachable(&sop).is_empty());
    }

    #[test]
    fn an_sop_without_selesai_is_all_dead_ends() {
        let sop = sop_with(&[N(1), N(2), N(0)]);
        assert_eq!(dead_ends(&sop), vec![0, 1, 2]);
        assert!(unreachable(&sop).is_empty());
    }

    #[test]
    fn arrows_out_of_range_do_not_panic() {
        let sop = sop_with(&[N(7), D(9, 1), End]);
        assert_eq!(unreachable(&sop), vec![1, 2]);
        assert_eq!(dead_ends(&sop), vec![0, 1]);
    }

    #[test]
    fn an_empty_sop_has_nothing_to_report() {
        let sop = sop_with(&[]);
        assert!(unreachable(&sop).is_empty());
        assert!(dead_ends(&sop).is_empty());
    }

    #[test]
    fn the_first_step_is_always_reachable() {
        let sop = sop_with(&[End, N(0)]);
        assert_eq!(unreachable(&sop), vec![1]);
        assert!(dead_ends(&sop).is_empty());
    }

    /// Step `i` of `sop` made a berurutan row over `lanes` (adding lanes
    /// to the SOP as needed).
    fn berurutan(sop: &mut Sop, i: usize, lanes: &[usize]) {
        while sop.lanes.len() <= lanes.iter().copied().max().unwrap_or(0) {
            let k = sop.lanes.len();
            sop.lanes.push(Lane {
                nama: format!("Lajur {k}"),
                singkatan: None,
                slug: format!("lajur-{k}"),
            });
        }
        sop.steps[i].lanes = lanes.to_vec();
        sop.steps[i].alur = crate::model::Alur::Berurutan;
    }

    #[test]
    fn a_selesai_branch_ends_the_procedure() {
        // 0 → decision 1: ya → 2 (end), tidak → selesai; 2 → selesai too.
        let mut sop = sop_with(&[N(1), D(2, 0), N(0)]);
        sop.steps[1].flow = Flow::Decision {
            ya: Target::step(2),
            tidak: Target::End,
            label_ya: "Ya".into(),
            label_tidak: "".into(),
        };
        sop.steps[2].flow = Flow::Next {
            to: vec![Target::End],
        };
        assert!(dead_ends(&sop).is_empty());
        assert!(unreachable(&sop).is_empty());
        let edges = sop.edges();
        assert_eq!(edges.len(), 4);
        assert!(edges[2].is_end() && edges[2].is_no);
        // An empty label draws none.
        assert_eq!(edges[2].label, None);
        assert_eq!(edges[1].label, Some("Ya"));
    }

    #[test]
    fn a_fork_whose_branches_join_is_fine() {
        // 0 forks to 1 and 2; both join at 3, the end.
        let mut sop = sop_with(&[N(1), N(3), N(3), End]);
        sop.steps[0].flow = Flow::Next {
            to: vec![Target::step(1), Target::step(2)],
        };
        assert!(unreachable(&sop).is_empty());
        assert!(dead_ends(&sop).is_empty());
        assert!(dead_forks(&sop).is_empty());
    }

    #[test]
    fn a_fork_branch_that_never_ends_is_reported_at_the_fork() {
        // 0 forks to 1 and 2; 2 loops on itself.
        let mut sop = sop_with(&[N(1), N(3), N(2), End]);
        sop.steps[0].flow = Flow::Next {
            to: vec![Target::step(1), Target::step(2)],
        };
        assert_eq!(dead_forks(&sop), vec![(0, 2)]);
        assert_eq!(dead_ends(&sop), vec![2]);
    }

    #[test]
    fn an_arrow_into_the_middle_of_a_berurutan_row_skips_its_first_symbol() {
        let mut sop = sop_with(&[N(1), N(2), End]);
        berurutan(&mut sop, 1, &[0, 1]);
        // A plain number aims at the first symbol: every symbol is reached.
        assert!(unreachable_symbols(&sop).is_empty());
        sop.steps[0].flow = Flow::Next {
            to: vec![Target::Step { step: 1, symbol: 1 }],
        };
        assert_eq!(unreachable_symbols(&sop), vec![(1, 0)]);
        // The row itself is reached, and leads on from its last symbol.
        assert!(unreachable(&sop).is_empty());
        assert!(dead_ends(&sop).is_empty());
        assert_eq!(sop.edges()[1].from_symbol, 1);
    }

    #[test]
    fn a_loop_back_into_a_berurutan_row_reaches_all_of_it() {
        // Row 1 passes lane 0 → lane 1 → lane 0; the decision at 2 sends
        // Tidak back to the row's second symbol.
        let mut sop = sop_with(&[N(1), N(2), D(3, 1), End]);
        berurutan(&mut sop, 1, &[0, 1, 0]);
        sop.steps[2].flow = Flow::Decision {
            ya: Target::step(3),
            tidak: Target::Step { step: 1, symbol: 1 },
            label_ya: "Ya".into(),
            label_tidak: "Tidak".into(),
        };
        assert!(unreachable_symbols(&sop).is_empty());
        assert!(dead_ends(&sop).is_empty());
    }
}
