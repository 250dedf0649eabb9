//! Routing: which way each arrow goes, decided on the grid before anything
//! has a size (DESIGN.md, "Flowchart layout: grid plus channel routing").
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

use crate::model::Sop;

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
    },
}

/// An arrow with its route.
#[derive(Debug, Clone)]
pub struct PlannedEdge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
    pub is_no: bool,
    pub route: Route,
}

/// One end of a side route on a side of a symbol, for spreading the ends
/// over that side.
#[derive(Debug, Clone, Copy)]
pub struct End {
    pub edge: usize,
    /// The row of the arrow's other end.
    pub other_row: usize,
    pub is_source: bool,
}

/// Everything decided before sizes: lanes per step, routes, port order.
#[derive(Debug, Clone)]
pub struct Plan {
    pub lane_count: usize,
    /// The lanes of each step, sorted, at least one.
    pub step_lanes: Vec<Vec<usize>>,
    pub edges: Vec<PlannedEdge>,
    /// Side-route ends per (step, lane, side), in top-to-bottom order.
    pub ends: std::collections::HashMap<(usize, usize, Side), Vec<End>>,
    /// The most tracks any channel half needs.
    pub tracks: usize,
}

/// Decides the lanes of every step and the route of every arrow.
pub fn plan(sop: &Sop) -> Plan {
    let lane_count = sop.lanes.len().max(1);
    let n = sop.steps.len();
    let step_lanes: Vec<Vec<usize>> = sop
        .steps
        .iter()
        .map(|step| {
            let mut lanes: Vec<usize> = step
                .lanes
                .iter()
                .copied()
                .filter(|&l| l < lane_count)
                .collect();
            lanes.sort_unstable();
            lanes.dedup();
            if lanes.is_empty() {
                lanes.push(0);
            }
            lanes
        })
        .collect();

    let mut edges = Vec::new();
    // Bottoms and tops already taken: at most one arrow leaves a step
    // downwards and one enters it from above.
    let mut bottom_used = vec![false; n];
    let mut top_used = vec![false; n];
    let mut channel_edges = Vec::new();
    for edge in sop.edges() {
        if edge.from >= n || edge.to() >= n {
            continue;
        }
        let index = edges.len();
        let to = edge.to();
        let route = if to == edge.from + 1 && !bottom_used[edge.from] {
            bottom_used[edge.from] = true;
            top_used[to] = true;
            let (from_lane, to_lane) = closest_pair(&step_lanes[edge.from], &step_lanes[to]);
            Route::Down { from_lane, to_lane }
        } else {
            channel_edges.push(index);
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
            route,
        });
    }

    // What a channel route may cross: the dog-legs of the down arrows, then
    // the stubs and tracks of the channel routes placed before it.
    let mut crossings = Crossings::default();
    for e in &edges {
        if let Route::Down { from_lane, to_lane } = e.route
            && from_lane != to_lane
        {
            crossings.runs.push(Run {
                at: (e.to, Level::Top),
                from: centre(from_lane),
                to: centre(to_lane),
            });
        }
    }

    // Shorter spans first, so they take the tracks nearest the symbols.
    channel_edges.sort_by_key(|&i| {
        let e = &edges[i];
        (e.from.abs_diff(e.to), e.from.min(e.to), i)
    });
    let mut channels: Channels = std::collections::HashMap::new();
    let mut tracks = 0;
    for i in channel_edges {
        let (from, to) = (edges[i].from, edges[i].to);
        // A forward arrow leaves by the bottom and enters by the top when
        // they are free, as the flow reads downwards; back-edges use sides.
        let bottom = to > from && !bottom_used[from];
        let top = to > from && !top_used[to];
        let ends = Ends {
            rows: (from, to),
            from: &step_lanes[from],
            to: &step_lanes[to],
            bottom,
            top,
        };
        // The rows the track runs over. A bottom (top) port reaches its
        // track in the margin of its own row, so that row counts too.
        let span = (from.min(to), from.max(to));
        let route = channel_route(&ends, lane_count, span, &channels, &crossings);
        if let Route::Channel {
            half,
            slot,
            from_port,
            from_lane,
            to_port,
            to_lane,
        } = route
        {
            crossings.add((from, from_lane, from_port), (to, to_lane, to_port), half);
            let slots = channels.entry(half).or_default();
            if slots.len() <= slot {
                slots.resize(slot + 1, Vec::new());
            }
            slots[slot].push(span);
            tracks = tracks.max(slot + 1);
            bottom_used[from] |= from_port == Port::Bottom;
            top_used[to] |= to_port == Port::Top;
        }
        edges[i].route = route;
    }

    let mut ends: std::collections::HashMap<(usize, usize, Side), Vec<End>> =
        std::collections::HashMap::new();
    for (index, e) in edges.iter().enumerate() {
        if let Route::Channel {
            from_lane,
            from_port,
            to_lane,
            to_port,
            ..
        } = e.route
        {
            if let Some(side) = from_port.side() {
                ends.entry((e.from, from_lane, side))
                    .or_default()
                    .push(End {
                        edge: index,
                        other_row: e.to,
                        is_source: true,
                    });
            }
            if let Some(side) = to_port.side() {
                ends.entry((e.to, to_lane, side)).or_default().push(End {
                    edge: index,
                    other_row: e.from,
                    is_source: false,
                });
            }
        }
    }
    for ((row, _, _), list) in ends.iter_mut() {
        let row = *row;
        // Top to bottom: ends going up (nearest first), then ends in this
        // row, then ends going down (farthest first). With the nesting of
        // the tracks this keeps the stubs of one side from crossing the
        // tracks of its neighbours.
        list.sort_by_key(|end| {
            let group = match end.other_row.cmp(&row) {
                std::cmp::Ordering::Less => 0,
                std::cmp::Ordering::Equal => 1,
                std::cmp::Ordering::Greater => 2,
            };
            (
                group,
                std::cmp::Reverse(end.other_row),
                !end.is_source,
                end.edge,
            )
        });
    }

    Plan {
        lane_count,
        step_lanes,
        edges,
        ends,
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

/// Tracks in use: per channel half, per track, the row spans on it.
type Channels = std::collections::HashMap<Half, Vec<Vec<(usize, usize)>>>;

/// The two steps of a channel route and which of their ports are free.
struct Ends<'a> {
    /// The rows of the source and the target.
    rows: (usize, usize),
    from: &'a [usize],
    to: &'a [usize],
    bottom: bool,
    top: bool,
}

/// How a step meets gutter `g` (the channel left of lane `g`): the lane of
/// the symbol it uses, its port, and the lanes crossed on the way. A side
/// port must face away from the step's other symbols (so its stub never
/// runs over their joining line); a bottom or top port reaches the gutter
/// through the empty margin of the row and may go either way.
fn meet(lanes: &[usize], g: usize, vertical: Option<Port>) -> Option<(usize, Port, usize)> {
    let lo = lanes[0];
    let hi = lanes[lanes.len() - 1];
    if g <= lo {
        Some((lo, vertical.unwrap_or(Port::Left), lo - g))
    } else if g > hi {
        Some((hi, vertical.unwrap_or(Port::Right), g - hi - 1))
    } else {
        let port = vertical?;
        // Inside the step's lanes: the symbol right next to the gutter.
        let lane = lanes
            .iter()
            .copied()
            .min_by_key(|&l| if l < g { g - 1 - l } else { l - g })
            .unwrap_or(lo);
        Some((lane, port, 0))
    }
}

/// The lowest track of `half` free over the rows `span`.
fn free_slot(channels: &Channels, half: Half, span: (usize, usize)) -> usize {
    let Some(slots) = channels.get(&half) else {
        return 0;
    };
    slots
        .iter()
        .position(|used| used.iter().all(|&(a, b)| b < span.0 || span.1 < a))
        .unwrap_or(slots.len())
}

/// Where in its row a horizontal line runs: the upper margin (a dog-leg,
/// an arrow coming in at the top), the middle (a side stub), the lower
/// margin (an arrow leaving at the bottom for a channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Top,
    Middle,
    Bottom,
}

/// A horizontal line in grid terms: its row and level, and its ends in
/// half-lane units (lane k's centre line is 2k+1, gutter g is 2g).
#[derive(Debug, Clone, Copy)]
struct Run {
    at: (usize, Level),
    from: usize,
    to: usize,
}

/// A vertical track: its gutter and the (row, level) of its two ends.
#[derive(Debug, Clone, Copy)]
struct Track {
    gutter: usize,
    ends: ((usize, Level), (usize, Level)),
}

fn centre(lane: usize) -> usize {
    2 * lane + 1
}

/// The gutter of a channel half: the one left of its lane, or right of it.
fn gutter_of(half: Half) -> usize {
    match half.side {
        Side::Left => half.lane,
        Side::Right => half.lane + 1,
    }
}

/// Where an end of a channel route meets its symbol, in grid terms.
fn level_of(port: Port) -> Level {
    match port {
        Port::Top => Level::Top,
        Port::Bottom => Level::Bottom,
        Port::Left | Port::Right => Level::Middle,
    }
}

/// Lines already drawn, for counting what a new channel route would cross.
#[derive(Debug, Default)]
struct Crossings {
    runs: Vec<Run>,
    tracks: Vec<Track>,
}

impl Crossings {
    /// Records a channel route: its two stubs and its track.
    fn add(&mut self, from: (usize, usize, Port), to: (usize, usize, Port), half: Half) {
        let gutter = gutter_of(half);
        for (row, lane, port) in [from, to] {
            self.runs.push(Run {
                at: (row, level_of(port)),
                from: centre(lane),
                to: 2 * gutter,
            });
        }
        self.tracks.push(Track {
            gutter,
            ends: ((from.0, level_of(from.2)), (to.0, level_of(to.2))),
        });
    }

    /// How many lines a route with these stubs and this track would cross.
    fn count(&self, stubs: [Run; 2], track: Track) -> usize {
        let within = |y: (usize, Level), ends: ((usize, Level), (usize, Level))| {
            let (lo, hi) = (ends.0.min(ends.1), ends.0.max(ends.1));
            lo < y && y < hi
        };
        let across = |x: usize, run: &Run| run.from.min(run.to) < x && x < run.from.max(run.to);
        let runs = self
            .runs
            .iter()
            .filter(|run| within(run.at, track.ends) && across(2 * track.gutter, run))
            .count();
        let tracks = stubs
            .iter()
            .map(|stub| {
                self.tracks
                    .iter()
                    .filter(|t| within(stub.at, t.ends) && across(2 * t.gutter, stub))
                    .count()
            })
            .sum::<usize>();
        runs + tracks
    }
}

/// Picks the channel for a route: the fewest lines to cross (a loop back
/// beside a forward arrow takes the free channel rather than cut through
/// it), then the fewest lanes to cross, then the lowest free track, then
/// the right-hand side (where the form's loops usually run).
fn channel_route(
    ends: &Ends,
    lane_count: usize,
    span: (usize, usize),
    channels: &Channels,
    crossings: &Crossings,
) -> Route {
    let mut best: Option<(usize, Route)> = None;
    for g in 0..=lane_count {
        let from = meet(ends.from, g, ends.bottom.then_some(Port::Bottom));
        let to = meet(ends.to, g, ends.top.then_some(Port::Top));
        let (Some((from_lane, from_port, df)), Some((to_lane, to_port, dt))) = (from, to) else {
            continue;
        };
        // The halves of gutter g: right of lane g-1 and left of lane g.
        let halves = [
            (g > 0).then(|| Half {
                lane: g - 1,
                side: Side::Right,
            }),
            (g < lane_count).then_some(Half {
                lane: g,
                side: Side::Left,
            }),
        ];
        for half in halves.into_iter().flatten() {
            let slot = free_slot(channels, half, span);
            // A half on the far side of both symbols makes both stubs
            // cross the near half for nothing.
            let near = |lane: usize| match half.side {
                Side::Right => lane == half.lane || lane < g,
                Side::Left => lane == half.lane || lane >= g,
            };
            let detour = usize::from(!near(from_lane) && !near(to_lane)) * 1000;
            let prefer_right = usize::from(half.side == Side::Left);
            let (from_row, to_row) = ends.rows;
            let stubs = [
                Run {
                    at: (from_row, level_of(from_port)),
                    from: centre(from_lane),
                    to: 2 * g,
                },
                Run {
                    at: (to_row, level_of(to_port)),
                    from: centre(to_lane),
                    to: 2 * g,
                },
            ];
            let track = Track {
                gutter: g,
                ends: (stubs[0].at, stubs[1].at),
            };
            let crossed = crossings.count(stubs, track);
            let cost = crossed * 1000
                + (df + dt) * 100
                + detour
                + slot * 10
                + prefer_right * 2
                + usize::from(!near(from_lane));
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((
                    cost,
                    Route::Channel {
                        from_lane,
                        from_port,
                        to_lane,
                        to_port,
                        half,
                        slot,
                    },
                ));
            }
        }
    }
    // Gutter 0 always qualifies (it is left of every lane), so best is set.
    best.map(|(_, r)| r).unwrap_or(Route::Down {
        from_lane: ends.from[0],
        to_lane: ends.to[0],
    })
}
