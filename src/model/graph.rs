//! The step graph: which steps can be reached and which can reach the end.
//!
//! Both checks walk the arrows of [`Sop::edges`], so they see exactly the
//! flowchart that is drawn. Arrows pointing outside the steps (a loader bug or
//! a half-checked SOP) are ignored instead of panicking.

use super::{Sop, StepKind};

/// Steps (0-based) that no path from the first step reaches.
pub fn unreachable(sop: &Sop) -> Vec<usize> {
    let n = sop.steps.len();
    if n == 0 {
        return Vec::new();
    }
    let mut successors = vec![Vec::new(); n];
    for edge in sop.edges() {
        if edge.from < n && edge.to < n {
            successors[edge.from].push(edge.to);
        }
    }
    let seen = reach(&successors, [0]);
    unseen(&seen)
}

/// Steps (0-based) from which no path leads to a selesai step (an endless loop or a dead end).
pub fn dead_ends(sop: &Sop) -> Vec<usize> {
    let n = sop.steps.len();
    // Walk the arrows backwards from every selesai: what it meets can finish.
    let mut predecessors = vec![Vec::new(); n];
    for edge in sop.edges() {
        if edge.from < n && edge.to < n {
            predecessors[edge.to].push(edge.from);
        }
    }
    let ends = sop
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == StepKind::Selesai)
        .map(|(i, _)| i);
    let seen = reach(&predecessors, ends);
    unseen(&seen)
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

fn unseen(seen: &[bool]) -> Vec<usize> {
    seen.iter()
        .enumerate()
        .filter(|(_, s)| !**s)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::Pos;
    use crate::model::{Flow, Lane, Step};

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
                    F::N(to) if i == 0 => (StepKind::Mulai, Flow::Next { to: Some(to) }),
                    F::N(to) => (StepKind::Proses, Flow::Next { to: Some(to) }),
                    F::End => (StepKind::Selesai, Flow::Next { to: None }),
                    F::D(ya, tidak) => (
                        StepKind::Keputusan,
                        Flow::Decision {
                            ya,
                            tidak,
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
}
