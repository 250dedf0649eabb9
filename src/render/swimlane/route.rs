//! Routing: which way each arrow goes, decided on the grid before anything
//! has a size (docs/architecture.md, "The flowchart").
//!
//! Two kinds of route cover every arrow:
//!
//! - **down**: the first arrow from a step to the next row leaves the bottom
//!   of the symbol and enters the top of the next one, straight or with one
//!   dog-leg in the gap between the rows. At most one arrow crosses each gap,
//!   so the gap needs a single track.
//! - **channel**: every other arrow (back-edges, skips, a second branch to
//!   the next row) runs along a vertical track in a side channel beside a
//!   lane. A forward arrow leaves by the bottom of its symbol and enters by
//!   the top of its target when those are free (crossing to the channel in
//!   the empty margin of the row), as the flow reads downwards; otherwise,
//!   and for every back-edge, it uses an outer side. Each channel is
//!   coloured like an interval graph: an arrow spans the rows from its
//!   source to its target, and two arrows whose spans meet never share a
//!   track. Shorter spans get the tracks nearer the symbols, so loops nest
//!   instead of crossing.
//!
//! Channel routes only use the outer sides of a step that sits in several
//! lanes (the sides facing away from its other symbols), so a stub never runs
//! over the line that joins them.

use super::channel::{
    ChannelEdge, Crossings, Heading, Level, Router, Run, centre, gutter_of, side_order,
};
use crate::model::{Sop, StepKind, Target};

/// A side of a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

/// One half of a side channel: the band beside one lane's symbols, on one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Half {
    pub lane: usize,
    pub side: Side,
}

/// Where an arrow meets a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Port {
    Top,
    Bottom,
    Left,
    Right,
}

impl Port {
    /// The side, for a port on a side.
    pub fn side(self) -> Option<Side> {
        match self {
            Port::Left => Some(Side::Left),
            Port::Right => Some(Side::Right),
            Port::Top | Port::Bottom => None,
        }
    }
}

/// How an arrow is routed, in grid terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Bottom of the source symbol in `from_lane` to the top of the target in `to_lane`.
    Down { from_lane: usize, to_lane: usize },
    /// Out of `from_port` of the source symbol, along track `slot` of `half`,
    /// into `to_port` of the target. A bottom port runs to the track just
    /// under its row; a top port comes from the track just over its row.
    Channel {
        from_lane: usize,
        from_port: Port,
        to_lane: usize,
        to_port: Port,
        half: Half,
        slot: usize,
        /// When no one gutter serves both ends (two berurutan rows whose
        /// free sides face away from each other): the track that takes the
        /// arrow from the upper margin of the target's row down to its
        /// port, reached across that margin.
        cross: Option<(Half, usize)>,
    },
    /// A branch that ends the procedure: out of the `side` of the source
    /// symbol in `lane` (None: its bottom), down into a terminator under it
    /// (`tier` 0 first, further ones lower).
    End {
        lane: usize,
        side: Option<Side>,
        tier: usize,
    },
}

/// An arrow with its route.
#[derive(Debug, Clone)]
pub struct PlannedEdge {
    pub from: usize,
    /// The target step; `from` for a branch that ends the procedure.
    pub to: usize,
    pub label: Option<String>,
    pub is_no: bool,
    /// The branch ends the procedure (`selesai` as a target): it runs to a
    /// small end terminator under its symbol instead of to a step.
    pub end: bool,
    /// The symbols (indices into `Plan::symbols` of the step) it leaves and
    /// enters, for a berurutan row; None for a joint step, whose symbol is
    /// the one in the lane the route picks.
    pub from_symbol: Option<usize>,
    pub to_symbol: Option<usize>,
    pub route: Route,
}

/// A symbol of a step in the plan: its lane, its kind and its level (the
/// sub-row of a berurutan row that comes back to a lane or would cross a
/// symbol: 0 for every other step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanSymbol {
    pub lane: usize,
    pub kind: StepKind,
    pub level: usize,
}

/// Which ports of a step's symbols an arrow may use at one end.
#[derive(Debug, Clone)]
pub(super) struct Spec {
    /// The lanes it may leave or enter by (sorted): every lane of a joint
    /// step, the one lane of a symbol of a berurutan row.
    pub(super) lanes: Vec<usize>,
    /// Side ports facing away from the step's other symbols.
    pub(super) left: bool,
    pub(super) right: bool,
    /// The top is free (not entered by the row's own arrow).
    pub(super) top: bool,
}

/// One end of a side route on a side of a symbol, for spreading the ends
/// over that side.
#[derive(Debug, Clone, Copy)]
pub struct End {
    pub edge: usize,
    /// The row of the arrow's other end.
    pub other_row: usize,
    pub is_source: bool,
    /// The arrow runs down to an end terminator: lowest on its side.
    pub to_end: bool,
    /// How far out from the symbol its track runs (see [`track_rank`]).
    pub track: usize,
}

/// How far from a symbol's `side` in `lane` the track (`half`, `slot`) an
/// end's stub runs to lies: the gutters crossed first, then within a
/// gutter the tracks of the near half outwards and those of the far half
/// inwards (slot 0 of a half is the one nearest its own lane). Slots are
/// numbered by then (a few dozen at most), so every track of a gutter
/// ranks below every track of the next one: a wider spread let a far-half
/// track outrank the next gutter's, and the stubs of one side then crossed
/// each other's tracks (issue 17).
fn track_rank(lane: usize, side: Side, half: Half, slot: usize) -> usize {
    const GUTTER: usize = 1 << 20;
    let gutter = gutter_of(half);
    let crossed = match side {
        Side::Left => lane.saturating_sub(gutter),
        Side::Right => gutter.saturating_sub(lane + 1),
    };
    let slot = slot.min(GUTTER / 2 - 1);
    let within = if half.side == side {
        slot
    } else {
        GUTTER - 1 - slot
    };
    crossed.saturating_mul(GUTTER).saturating_add(within)
}

/// How many of the ends `list` (on one side of a symbol in `row`, in
/// their order top to bottom) lead up to an earlier row. On a side a
/// berurutan row's own arrow uses, those sit above its middle and the rest
/// below, as the router counts crossings there (see
/// [`super::channel::side_order`]): an end whose track goes up, drawn
/// under the row's arrow, would cross it.
pub(super) fn ends_going_up(row: usize, list: &[End]) -> usize {
    list.iter()
        .filter(|e| !e.to_end && e.other_row < row)
        .count()
}

/// Everything decided before sizes: lanes per step, routes, port order.
#[derive(Debug, Clone)]
pub struct Plan {
    pub lane_count: usize,
    /// The symbols of each step: one per lane of a joint step (sorted), one
    /// per pelaksana of a berurutan row (in the order written).
    pub symbols: Vec<Vec<PlanSymbol>>,
    /// True for a berurutan row of several symbols (joined by arrows).
    pub sequence: Vec<bool>,
    pub edges: Vec<PlannedEdge>,
    /// Side-route ends per (step, lane, side), in top-to-bottom order.
    pub ends: std::collections::HashMap<(usize, usize, Side), Vec<End>>,
    /// How many end terminators hang under each side of a step's symbol
    /// (left, right), for the height of its row.
    pub end_tiers: Vec<usize>,
    /// The sides of symbols of berurutan rows that the row's own arrows
    /// use (step, lane, side): ends there keep off the middle.
    pub inner_sides: std::collections::HashSet<(usize, usize, Side)>,
    /// The most tracks any channel half needs.
    pub tracks: usize,
}

/// The levels of the symbols of a berurutan row: a symbol stays on the
/// level of the one before it unless its lane is taken there, or the arrow
/// between them would run over a symbol or another arrow of the level;
/// then it goes one level down.
fn sequence_levels(lanes: &[usize]) -> Vec<usize> {
    let mut levels: Vec<usize> = Vec::with_capacity(lanes.len());
    // Per level: the lanes taken and the spans of its arrows.
    let mut taken: Vec<Vec<usize>> = vec![Vec::new()];
    let mut spans: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    for (j, &lane) in lanes.iter().enumerate() {
        let Some(&prev_level) = levels.last() else {
            levels.push(0);
            taken[0].push(lane);
            continue;
        };
        let prev = lanes[j - 1];
        let (lo, hi) = (prev.min(lane), prev.max(lane));
        let fits = lane != prev
            && !taken[prev_level].contains(&lane)
            && !taken[prev_level].iter().any(|&t| lo < t && t < hi)
            && !spans[prev_level]
                .iter()
                .any(|&(a, b)| (a < lane && lane < b) || (lo < b && a < hi));
        let level = if fits { prev_level } else { prev_level + 1 };
        if level == taken.len() {
            taken.push(Vec::new());
            spans.push(Vec::new());
        }
        if fits {
            spans[level].push((lo, hi));
        }
        taken[level].push(lane);
        levels.push(level);
    }
    levels
}

/// Decides the lanes of every step and the route of every arrow.
pub fn plan(sop: &Sop) -> Plan {
    let lane_count = sop.lanes.len().max(1);
    let n = sop.steps.len();
    let valid = |l: usize| l < lane_count;
    let step_lanes: Vec<Vec<usize>> = sop
        .steps
        .iter()
        .map(|step| {
            let mut lanes: Vec<usize> = step.lanes.iter().copied().filter(|&l| valid(l)).collect();
            lanes.sort_unstable();
            lanes.dedup();
            if lanes.is_empty() {
                lanes.push(0);
            }
            lanes
        })
        .collect();
    let sequence: Vec<bool> = sop
        .steps
        .iter()
        .map(|s| s.is_sequence() && s.lanes.iter().all(|&l| valid(l)))
        .collect();
    let symbols: Vec<Vec<PlanSymbol>> = sop
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            if sequence[i] {
                let levels = sequence_levels(&step.lanes);
                step.lanes
                    .iter()
                    .zip(levels)
                    .enumerate()
                    .map(|(j, (&lane, level))| PlanSymbol {
                        lane,
                        kind: step.symbol_kind(j),
                        level,
                    })
                    .collect()
            } else {
                step_lanes[i]
                    .iter()
                    .map(|&lane| PlanSymbol {
                        lane,
                        kind: step.kind,
                        level: 0,
                    })
                    .collect()
            }
        })
        .collect();

    // Where an arrow may meet the symbols of a step.
    let spec = |step: usize, symbol: Option<usize>| -> Spec {
        if !sequence[step] {
            return Spec {
                lanes: step_lanes[step].clone(),
                left: true,
                right: true,
                top: true,
            };
        }
        let row = &symbols[step];
        let j = symbol.unwrap_or(row.len() - 1);
        let me = row[j];
        let same_level = |k: usize| k != j && row[k].level == me.level;
        Spec {
            lanes: vec![me.lane],
            left: !(0..row.len()).any(|k| same_level(k) && row[k].lane < me.lane),
            right: !(0..row.len()).any(|k| same_level(k) && row[k].lane > me.lane),
            top: j == 0 || row[j - 1].level == me.level,
        }
    };

    let mut edges = Vec::new();
    let mut specs: Vec<(Spec, Spec)> = Vec::new();
    // Bottoms and tops already taken: at most one arrow leaves a step
    // downwards and one enters it from above.
    let mut bottom_used = vec![false; n];
    let mut top_used = vec![false; n];
    let mut channel_edges = Vec::new();
    let mut end_edges = Vec::new();
    for edge in sop.edges() {
        if edge.from >= n {
            continue;
        }
        let index = edges.len();
        let from_symbol =
            sequence[edge.from].then(|| edge.from_symbol.min(symbols[edge.from].len() - 1));
        let from_spec = spec(edge.from, from_symbol);
        let (to, to_symbol, to_spec) = match edge.target {
            Target::Step { step, .. } if step >= n => continue,
            Target::Step { step, symbol } => {
                let symbol = sequence[step].then(|| symbol.min(symbols[step].len() - 1));
                (step, symbol, spec(step, symbol))
            }
            Target::End => {
                end_edges.push(index);
                (edge.from, from_symbol, from_spec.clone())
            }
        };
        let route =
            if !edge.is_end() && to == edge.from + 1 && !bottom_used[edge.from] && to_spec.top {
                bottom_used[edge.from] = true;
                top_used[to] = true;
                let (from_lane, to_lane) = closest_pair(&from_spec.lanes, &to_spec.lanes);
                Route::Down { from_lane, to_lane }
            } else {
                if !edge.is_end() {
                    channel_edges.push(index);
                }
                // Filled in below, once every channel route can be coloured.
                Route::Down {
                    from_lane: 0,
                    to_lane: 0,
                }
            };
        edges.push(PlannedEdge {
            from: edge.from,
            to,
            label: edge.label.map(str::to_string),
            is_no: edge.is_no,
            end: edge.is_end(),
            from_symbol,
            to_symbol,
            route,
        });
        specs.push((from_spec, to_spec));
    }

    // What a channel route may cross: the dog-legs of the down arrows and
    // the arrows inside berurutan rows, then the other channel routes.
    let mut crossings = Crossings::default();
    for (i, e) in edges.iter().enumerate() {
        // Only the down arrows: the others still hold a placeholder.
        let Route::Down { from_lane, to_lane } = e.route else {
            continue;
        };
        if e.end || channel_edges.contains(&i) {
            continue;
        }
        // Into the top of the target: a route over two gutters crosses
        // the upper margin of that row under the dog-leg.
        let top = (e.to, Level::Middle(0, 0));
        if from_lane == to_lane {
            crossings.fixed_track(centre(to_lane), (e.from, Level::Bottom), top);
        } else {
            crossings.fixed(Run {
                at: (e.to, Level::Top),
                from: centre(from_lane),
                to: centre(to_lane),
                heading: Heading::Forward,
            });
            crossings.fixed_track(centre(to_lane), (e.to, Level::Top), top);
        }
    }
    for (i, row) in symbols.iter().enumerate() {
        if !sequence[i] {
            continue;
        }
        for pair in row.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            // Across the level at the symbols' middle, or across the gap
            // above the next level.
            let order = if a.level == b.level {
                side_order(i, i)
            } else {
                0
            };
            crossings.fixed(Run {
                at: (i, Level::Middle(b.level, order)),
                from: centre(a.lane),
                to: centre(b.lane),
                heading: Heading::Forward,
            });
        }
    }

    // Shorter spans first, so they take the tracks nearest the symbols.
    channel_edges.sort_by_key(|&i| {
        let e = &edges[i];
        (e.from.abs_diff(e.to), e.from.min(e.to), i)
    });
    let level = |step: usize, symbol: Option<usize>| {
        symbol
            .and_then(|j| symbols[step].get(j))
            .map_or(0, |s| s.level)
    };
    let requests: Vec<ChannelEdge> = channel_edges
        .iter()
        .map(|&i| {
            let e = &edges[i];
            ChannelEdge {
                edge: i,
                rows: (e.from, e.to),
                from: specs[i].0.clone(),
                to: specs[i].1.clone(),
                levels: (level(e.from, e.from_symbol), level(e.to, e.to_symbol)),
            }
        })
        .collect();
    let mut router = Router {
        lane_count,
        channels: Default::default(),
        crossings,
        bottom_used,
        top_used,
    };
    let routes = router.route_all(&requests);
    let tracks = router.tracks();
    let mut bottom_used = router.bottom_used;
    for (request, route) in requests.iter().zip(routes) {
        edges[request.edge].route = route;
    }

    // Ends of branches: a terminator under the symbol the branch leaves,
    // right of it first, then left, then further down on the same sides.
    let mut end_tiers = vec![0; n];
    let mut hung: std::collections::HashMap<(usize, Side), usize> = Default::default();
    for i in end_edges {
        let from = edges[i].from;
        let spec = &specs[i].0;
        let mut sides = Vec::new();
        if spec.right {
            sides.push((spec.lanes[spec.lanes.len() - 1], Side::Right));
        }
        if spec.left {
            sides.push((spec.lanes[0], Side::Left));
        }
        if sides.is_empty() {
            sides.push((spec.lanes[spec.lanes.len() - 1], Side::Right));
        }
        // The side with the fewest terminators so far (right on a tie).
        let (lane, side) = sides
            .iter()
            .copied()
            .min_by_key(|&(_, side)| hung.get(&(from, side)).copied().unwrap_or(0))
            .unwrap_or((spec.lanes[0], Side::Right));
        let below = hung.get(&(from, side)).copied().unwrap_or(0);
        if below > 0 && !bottom_used[from] {
            // Straight down from the bottom, under the terminators beside
            // (a decision whose two branches both end has a free bottom).
            let lane = if sequence[from] {
                spec.lanes[0]
            } else {
                closest_pair(&spec.lanes, &spec.lanes).0
            };
            let tier = [Side::Left, Side::Right]
                .iter()
                .map(|&side| hung.get(&(from, side)).copied().unwrap_or(0))
                .max()
                .unwrap_or(0);
            bottom_used[from] = true;
            edges[i].route = Route::End {
                lane,
                side: None,
                tier,
            };
            end_tiers[from] = end_tiers[from].max(tier + 1);
            continue;
        }
        let tier = hung.entry((from, side)).or_insert(0);
        edges[i].route = Route::End {
            lane,
            side: Some(side),
            tier: *tier,
        };
        *tier += 1;
        end_tiers[from] = end_tiers[from].max(*tier);
    }

    let mut ends: std::collections::HashMap<(usize, usize, Side), Vec<End>> =
        std::collections::HashMap::new();
    for (index, e) in edges.iter().enumerate() {
        match e.route {
            Route::Channel {
                from_lane,
                from_port,
                to_lane,
                to_port,
                half,
                slot,
                cross,
            } => {
                if let Some(side) = from_port.side() {
                    ends.entry((e.from, from_lane, side))
                        .or_default()
                        .push(End {
                            edge: index,
                            other_row: e.to,
                            is_source: true,
                            to_end: false,
                            track: track_rank(from_lane, side, half, slot),
                        });
                }
                if let Some(side) = to_port.side() {
                    // A route over two gutters comes in from its second track.
                    let (half, slot) = cross.unwrap_or((half, slot));
                    ends.entry((e.to, to_lane, side)).or_default().push(End {
                        edge: index,
                        other_row: e.from,
                        is_source: false,
                        to_end: false,
                        track: track_rank(to_lane, side, half, slot),
                    });
                }
            }
            Route::End {
                lane,
                side: Some(side),
                ..
            } => {
                ends.entry((e.from, lane, side)).or_default().push(End {
                    edge: index,
                    other_row: e.from,
                    is_source: true,
                    to_end: true,
                    track: 0,
                });
            }
            Route::Down { .. } | Route::End { side: None, .. } => {}
        }
    }
    for ((row, _, _), list) in ends.iter_mut() {
        let row = *row;
        // Top to bottom: ends going up (nearest first), then ends in this
        // row, then ends going down (farthest first), then the branches
        // that end under the symbol. With the nesting of the tracks this
        // keeps the stubs of one side from crossing the tracks of its
        // neighbours. Ends to one row nest by their tracks: going up, the
        // inner track's stub above; going down, below (so neither stub
        // runs across the other's track).
        list.sort_by_key(|end| {
            let (group, nest) = match end.other_row.cmp(&row) {
                _ if end.to_end => (3, 0),
                std::cmp::Ordering::Less => (0, end.track),
                std::cmp::Ordering::Equal => (1, 0),
                std::cmp::Ordering::Greater => (2, usize::MAX - end.track),
            };
            (
                group,
                std::cmp::Reverse(end.other_row),
                nest,
                !end.is_source,
                end.edge,
            )
        });
    }

    let mut inner_sides = std::collections::HashSet::new();
    for (i, row) in symbols.iter().enumerate() {
        if !sequence[i] {
            continue;
        }
        for pair in row.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.level == b.level && a.lane != b.lane {
                let (left, right) = if a.lane < b.lane { (a, b) } else { (b, a) };
                inner_sides.insert((i, left.lane, Side::Right));
                inner_sides.insert((i, right.lane, Side::Left));
            }
        }
    }

    Plan {
        lane_count,
        symbols,
        inner_sides,
        sequence,
        edges,
        ends,
        end_tiers,
        tracks,
    }
}

/// The pair of lanes, one of each step, that are nearest each other
/// (leftmost on a tie), so a down arrow runs as straight as it can.
fn closest_pair(from: &[usize], to: &[usize]) -> (usize, usize) {
    let mut best = (from[0], to[0]);
    for &a in from {
        for &b in to {
            if a.abs_diff(b) < best.0.abs_diff(best.1) {
                best = (a, b);
            }
        }
    }
    best
}
