//! Channel routes: which gutter, track and ports an arrow that does not
//! go straight down takes, counting the lines it would cross, so a loop
//! back beside a forward arrow takes a free channel rather than cut
//! through it (the second half of [`super::route`]).

use super::route::{Half, Port, Route, Side, Spec};

/// Tracks in use: per channel half, per track, the row spans on it.
pub(super) type Channels = std::collections::HashMap<Half, Vec<Vec<(usize, usize)>>>;

/// The two steps of a channel route and which of their ports are free.
pub(super) struct Ends<'a> {
    /// The rows of the source and the target.
    pub(super) rows: (usize, usize),
    pub(super) from: &'a Spec,
    pub(super) to: &'a Spec,
    pub(super) bottom: bool,
    pub(super) top: bool,
}

/// How a step meets gutter `g` (the channel left of lane `g`): the lane of
/// the symbol it uses, its port, and the lanes crossed on the way. A side
/// port must face away from the step's other symbols (so its stub never
/// runs over their joining line); a bottom or top port reaches the gutter
/// through the empty margin of the row and may go either way.
///
/// `relaxed` also allows a side that faces the next symbol of a berurutan
/// row, into the gutter right beside it only (the stub then runs beside the
/// row's own arrow, off its middle), for a route no other way allows.
fn meet(
    spec: &Spec,
    g: usize,
    vertical: Option<Port>,
    relaxed: bool,
) -> Option<(usize, Port, usize)> {
    let lanes = &spec.lanes;
    let lo = lanes[0];
    let hi = lanes[lanes.len() - 1];
    if g <= lo {
        let side = (spec.left || (relaxed && g == lo)).then_some(Port::Left);
        let port = vertical.or(side)?;
        Some((lo, port, lo - g))
    } else if g > hi {
        let side = (spec.right || (relaxed && g == hi + 1)).then_some(Port::Right);
        let port = vertical.or(side)?;
        Some((hi, port, g - hi - 1))
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

/// The halves of gutter `g`: right of lane g-1 and left of lane g.
fn halves(g: usize, lane_count: usize) -> impl Iterator<Item = Half> {
    [
        (g > 0).then(|| Half {
            lane: g - 1,
            side: Side::Right,
        }),
        (g < lane_count).then_some(Half {
            lane: g,
            side: Side::Left,
        }),
    ]
    .into_iter()
    .flatten()
}

/// A route over two gutters: from the source to a track in one, along it
/// to the upper margin of the target's row, across that margin to a track
/// in the other gutter, and down it into the target's side.
fn cross_route(
    ends: &Ends,
    lane_count: usize,
    span: (usize, usize),
    to_row: usize,
    channels: &Channels,
) -> Option<Route> {
    let mut best: Option<(usize, Route)> = None;
    for relaxed in [false, true] {
        if best.is_some() {
            break;
        }
        for g1 in 0..=lane_count {
            let Some((from_lane, from_port, df)) =
                meet(ends.from, g1, ends.bottom.then_some(Port::Bottom), relaxed)
            else {
                continue;
            };
            for g2 in 0..=lane_count {
                let Some((to_lane, to_port, dt)) = meet(ends.to, g2, None, relaxed) else {
                    continue;
                };
                for half in halves(g1, lane_count) {
                    for half2 in halves(g2, lane_count) {
                        let slot = free_slot(channels, half, span);
                        let slot2 = free_slot(channels, half2, (to_row, to_row));
                        let cost = (df + dt + g1.abs_diff(g2)) * 100 + (slot + slot2) * 10;
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
                                    cross: Some((half2, slot2)),
                                },
                            ));
                        }
                    }
                }
            }
        }
    }
    best.map(|(_, r)| r)
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
pub(super) enum Level {
    Top,
    Middle,
    Bottom,
}

/// A horizontal line in grid terms: its row and level, and its ends in
/// half-lane units (lane k's centre line is 2k+1, gutter g is 2g).
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    pub(super) at: (usize, Level),
    pub(super) from: usize,
    pub(super) to: usize,
}

/// A vertical track: its gutter and the (row, level) of its two ends.
#[derive(Debug, Clone, Copy)]
struct Track {
    gutter: usize,
    ends: ((usize, Level), (usize, Level)),
}

pub(super) fn centre(lane: usize) -> usize {
    2 * lane + 1
}

/// The gutter of a channel half: the one left of its lane, or right of it.
pub(super) fn gutter_of(half: Half) -> usize {
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
pub(super) struct Crossings {
    pub(super) runs: Vec<Run>,
    tracks: Vec<Track>,
}

impl Crossings {
    /// Records a channel route: its two stubs and its track.
    pub(super) fn add(&mut self, from: (usize, usize, Port), to: (usize, usize, Port), half: Half) {
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
pub(super) fn channel_route(
    ends: &Ends,
    lane_count: usize,
    span: (usize, usize),
    to_row: usize,
    channels: &Channels,
    crossings: &Crossings,
) -> Route {
    let mut best: Option<(usize, Route)> = None;
    for (g, relaxed) in (0..=lane_count)
        .map(|g| (g, false))
        .chain((0..=lane_count).map(|g| (g, true)))
    {
        if relaxed && best.is_some() {
            break;
        }
        let from = meet(ends.from, g, ends.bottom.then_some(Port::Bottom), relaxed);
        let to = meet(ends.to, g, ends.top.then_some(Port::Top), relaxed);
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
                        cross: None,
                    },
                ));
            }
        }
    }
    if best.is_none() {
        best = cross_route(ends, lane_count, span, to_row, channels).map(|r| (0, r));
    }
    // Gutter 0 qualifies, relaxed if a berurutan row blocks a side.
    best.map(|(_, r)| r).unwrap_or(Route::Down {
        from_lane: ends.from.lanes[0],
        to_lane: ends.to.lanes[0],
    })
}
