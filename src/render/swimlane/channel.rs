//! Channel routes: which gutter, track and ports an arrow that does not
//! go straight down takes, counting the lines it would cross, so a loop
//! back beside a forward arrow takes a free channel rather than cut
//! through it (the second half of [`super::route`]).

use super::route::{Half, Port, Route, Side, Spec};

/// Tracks in use: per channel half, its tracks by how far out from the
/// lane each runs (a key in fine units, see [`track_x`]; a new track can
/// go between two, see [`Placing::Insert`]), each with the row spans on it.
/// While routing, a [`Route::Channel`]'s `slot` holds that key;
/// [`Router::route_all`] numbers the tracks of each half from the lane
/// outwards before it returns.
pub(super) type Channels =
    std::collections::HashMap<Half, std::collections::BTreeMap<u64, Vec<(usize, usize)>>>;

/// The key of a half's first track, and the room between two tracks
/// added one after the other (room for 24 tracks inserted between two).
const FIRST: u64 = 1 << 24;

/// Which tracks of a half a route may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placing {
    /// The nearest track free over its rows (a new one outside the others
    /// when none is).
    Nearest,
    /// Any free track, or a new one between any two tracks (the ones
    /// further out move out one place): a loop back finds the channel
    /// beside a forward arrow even when the tracks there are taken.
    Insert,
}

/// The tracks of `half` a route over the rows `span` may take: (key, how
/// many tracks lie nearer the lane, a track added between others).
fn candidates(
    channels: &Channels,
    half: Half,
    span: (usize, usize),
    placing: Placing,
) -> Vec<(u64, usize, bool)> {
    let Some(tracks) = channels.get(&half) else {
        return vec![(FIRST, 0, false)];
    };
    let free = |used: &Vec<(usize, usize)>| used.iter().all(|&(a, b)| b < span.0 || span.1 < a);
    let outside = (
        tracks.keys().last().map_or(FIRST, |&k| k + FIRST),
        tracks.len(),
        false,
    );
    let mut out = Vec::new();
    let mut below = 0;
    for (rank, (&key, used)) in tracks.iter().enumerate() {
        if placing == Placing::Insert {
            let gap = key - below;
            if gap >= 2 {
                out.push((below + gap / 2, rank, true));
            }
        }
        if free(used) {
            out.push((key, rank, false));
            if placing == Placing::Nearest {
                return out;
            }
        }
        below = key;
    }
    out.push(outside);
    out
}

/// The two steps of a channel route and which of their ports are free.
pub(super) struct Ends<'a> {
    /// The rows of the source and the target.
    pub(super) rows: (usize, usize),
    pub(super) from: &'a Spec,
    pub(super) to: &'a Spec,
    pub(super) bottom: bool,
    pub(super) top: bool,
    /// The sub-rows of the two symbols (see [`Level::Middle`]).
    pub(super) levels: (usize, usize),
}

impl Ends<'_> {
    fn heading(&self) -> Heading {
        if self.rows.1 > self.rows.0 {
            Heading::Forward
        } else {
            Heading::Back
        }
    }

    /// The rows the track runs over. A bottom (top) port reaches its track
    /// in the margin of its own row, so that row counts too.
    fn span(&self) -> (usize, usize) {
        let (from, to) = self.rows;
        (from.min(to), from.max(to))
    }
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
    channels: &Channels,
    crossings: &Crossings,
    placing: Placing,
) -> Option<Route> {
    let span = ends.span();
    let to_row = ends.rows.1;
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
                        for (slot, rank, added) in candidates(channels, half, span, placing) {
                            for (slot2, rank2, added2) in
                                candidates(channels, half2, (to_row, to_row), placing)
                            {
                                let route = Route::Channel {
                                    from_lane,
                                    from_port,
                                    to_lane,
                                    to_port,
                                    half,
                                    slot: slot as usize,
                                    cross: Some((half2, slot2 as usize)),
                                };
                                let lines = lines_of(ends, &route);
                                let cost = crossings.across_first(&lines, placing) * 1000
                                    + (df + dt + g1.abs_diff(g2)) * 100
                                    + usize::from(added || added2) * INSERTED
                                    + (rank + rank2) * 10;
                                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                                    best = Some((cost, route));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    best.map(|(_, r)| r)
}

/// What a track added between others costs: less than any line crossed,
/// more than the lanes and tracks a route passes.
const INSERTED: usize = 500;

/// Where in its row a line's end or a horizontal line lies, top to
/// bottom: the upper margin (a dog-leg, an arrow coming in at the top),
/// the height of the symbols, the lower margin (an arrow leaving at the
/// bottom for a channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Level {
    Top,
    /// Under the dog-legs: where a route over two gutters crosses the
    /// upper margin of its target's row (see [`layout::CROSS`]).
    ///
    /// [`layout::CROSS`]: super::layout::CROSS
    Cross,
    /// Beside the symbols: the sub-row of a berurutan row (0 for every
    /// other step), then the place among the ends of one side (see
    /// [`side_order`]), as the stubs are spread there.
    Middle(usize, usize),
    Bottom,
}

/// Where on a side of a symbol in row `row` the end of an arrow to or from
/// row `other` lies, as [`super::route::plan`] spreads them: ends going
/// up (nearest first), ends in this row, ends going down (farthest first).
pub(super) fn side_order(row: usize, other: usize) -> usize {
    const SPAN: usize = 1 << 20;
    let group = match other.cmp(&row) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => 1,
        std::cmp::Ordering::Greater => 2,
    };
    group * SPAN + (SPAN - 1 - other.min(SPAN - 1))
}

/// Which way a line leads: a loop back crossing a forward arrow is what a
/// reader takes for a wrong turn (issue 17, defect 2), so such a crossing
/// weighs most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Heading {
    Forward,
    Back,
}

/// A horizontal line in grid terms: its row and level, and its ends in
/// fine units across the drawing (see [`centre`] and [`track_x`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    pub(super) at: (usize, Level),
    pub(super) from: u64,
    pub(super) to: u64,
    pub(super) heading: Heading,
}

/// A vertical track: where it runs across and the (row, level) of its ends.
#[derive(Debug, Clone, Copy)]
pub(super) struct Track {
    x: u64,
    ends: ((usize, Level), (usize, Level)),
    heading: Heading,
}

/// Fine units across the drawing: lane k's centre line is at (2k+1)·UNIT,
/// the border left of lane g at 2g·UNIT, and the tracks of a gutter on
/// either side of it at their keys (see [`Channels`]) in from the border.
const UNIT: u64 = 1 << 44;
const HALF: u64 = 1 << 42;

pub(super) fn centre(lane: usize) -> u64 {
    (2 * lane as u64 + 1) * UNIT
}

/// Where the track with key `key` of `half` runs: the tracks right of a
/// lane go outwards to the right from it, those left of a lane outwards
/// to the left.
fn track_x(half: Half, key: usize) -> u64 {
    let border = 2 * gutter_of(half) as u64 * UNIT;
    let key = (key as u64).min(HALF - 1);
    match half.side {
        Side::Right => border - HALF + key,
        Side::Left => border + HALF - key,
    }
}

/// The gutter of a channel half: the one left of its lane, or right of it.
pub(super) fn gutter_of(half: Half) -> usize {
    match half.side {
        Side::Left => half.lane,
        Side::Right => half.lane + 1,
    }
}

/// Where an end of a channel route meets its symbol, in grid terms: `row`
/// and `level` (sub-row) of the symbol, `other` the row of the far end.
fn level_of(port: Port, level: usize, row: usize, other: usize) -> Level {
    match port {
        Port::Top => Level::Top,
        Port::Bottom => Level::Bottom,
        Port::Left | Port::Right => Level::Middle(level, side_order(row, other)),
    }
}

/// The lines of one channel route: its stubs and crossing runs, its tracks.
#[derive(Debug, Clone, Default)]
pub(super) struct Lines {
    runs: Vec<Run>,
    tracks: Vec<Track>,
}

/// The lines `route` (a channel route between `ends`) draws.
fn lines_of(ends: &Ends, route: &Route) -> Lines {
    let Route::Channel {
        from_lane,
        from_port,
        to_lane,
        to_port,
        half,
        slot,
        cross,
    } = *route
    else {
        return Lines::default();
    };
    let heading = ends.heading();
    let (from_row, to_row) = ends.rows;
    let start = (
        from_row,
        level_of(from_port, ends.levels.0, from_row, to_row),
    );
    let end = (to_row, level_of(to_port, ends.levels.1, to_row, from_row));
    let x = track_x(half, slot);
    let run = |at, from, to| Run {
        at,
        from,
        to,
        heading,
    };
    let track = |x, a, b| Track {
        x,
        ends: (a, b),
        heading,
    };
    let mut lines = Lines::default();
    lines.runs.push(run(start, centre(from_lane), x));
    let last = match cross {
        Some((half2, slot2)) => {
            let x2 = track_x(half2, slot2);
            let across = (to_row, Level::Cross);
            lines.tracks.push(track(x, start, across));
            lines.runs.push(run(across, x, x2));
            lines.tracks.push(track(x2, across, end));
            x2
        }
        None => {
            lines.tracks.push(track(x, start, end));
            x
        }
    };
    lines.runs.push(run(end, last, centre(to_lane)));
    lines
}

/// Does a horizontal run cross a vertical track at a point inside both?
fn meets(run: &Run, track: &Track) -> bool {
    let (lo, hi) = (
        track.ends.0.min(track.ends.1),
        track.ends.0.max(track.ends.1),
    );
    lo < run.at && run.at < hi && run.from.min(run.to) < track.x && track.x < run.from.max(run.to)
}

/// What a crossing costs: a loop back across a forward line ten times
/// any other.
fn weight(a: Heading, b: Heading) -> usize {
    if a == b { 1 } else { 10 }
}

/// Lines already drawn, each with the edge it belongs to (None: a line
/// that is never routed again), for counting what a route would cross.
#[derive(Debug, Default)]
pub(super) struct Crossings {
    runs: Vec<(Option<usize>, Run)>,
    tracks: Vec<(Option<usize>, Track)>,
}

impl Crossings {
    /// A line no channel route moves: the dog-leg of a down arrow, an
    /// arrow inside a berurutan row.
    pub(super) fn fixed(&mut self, run: Run) {
        self.runs.push((None, run));
    }

    /// A vertical line no channel route moves: the end of a down arrow,
    /// from its dog-leg (or the row above) into the top of its target.
    pub(super) fn fixed_track(&mut self, x: u64, from: (usize, Level), to: (usize, Level)) {
        self.tracks.push((
            None,
            Track {
                x,
                ends: (from, to),
                heading: Heading::Forward,
            },
        ));
    }

    fn add(&mut self, edge: usize, lines: &Lines) {
        self.runs
            .extend(lines.runs.iter().map(|&r| (Some(edge), r)));
        self.tracks
            .extend(lines.tracks.iter().map(|&t| (Some(edge), t)));
    }

    fn remove(&mut self, edge: usize) {
        self.runs.retain(|(owner, _)| *owner != Some(edge));
        self.tracks.retain(|(owner, _)| *owner != Some(edge));
    }

    /// The weighted crossings of `lines` with every other line; with
    /// `only_across`, only those of a loop back with a forward line.
    fn cost(&self, lines: &Lines, only_across: bool) -> usize {
        let counted = |a: Heading, b: Heading| {
            if only_across && a == b {
                0
            } else {
                weight(a, b)
            }
        };
        let runs: usize = lines
            .runs
            .iter()
            .map(|run| {
                self.tracks
                    .iter()
                    .filter(|(_, t)| meets(run, t))
                    .map(|(_, t)| counted(run.heading, t.heading))
                    .sum::<usize>()
            })
            .sum();
        let tracks: usize = lines
            .tracks
            .iter()
            .map(|track| {
                self.runs
                    .iter()
                    .filter(|(_, r)| meets(r, track))
                    .map(|(_, r)| counted(r.heading, track.heading))
                    .sum::<usize>()
            })
            .sum();
        runs + tracks
    }

    /// What `lines` cross, weighed as [`Self::cost`]; when re-routing
    /// ([`Placing::Insert`]) a crossing of a loop back with a forward line
    /// first, so no such crossing is traded for fewer others.
    fn across_first(&self, lines: &Lines, placing: Placing) -> usize {
        let all = self.cost(lines, false);
        match placing {
            Placing::Nearest => all,
            Placing::Insert => self.cost(lines, true) * 1000 + all,
        }
    }
}

/// Picks the channel for a route: the fewest lines to cross (a loop back
/// beside a forward arrow takes the free channel rather than cut through
/// it), then the fewest lanes to cross, then the lowest free track, then
/// the right-hand side (where the form's loops usually run).
fn channel_route(
    ends: &Ends,
    lane_count: usize,
    channels: &Channels,
    crossings: &Crossings,
    placing: Placing,
) -> Route {
    let span = ends.span();
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
        for half in halves(g, lane_count) {
            // A half on the far side of both symbols makes both stubs
            // cross the near half for nothing.
            let near = |lane: usize| match half.side {
                Side::Right => lane == half.lane || lane < g,
                Side::Left => lane == half.lane || lane >= g,
            };
            let detour = usize::from(!near(from_lane) && !near(to_lane)) * 1000;
            let prefer_right = usize::from(half.side == Side::Left);
            for (slot, rank, added) in candidates(channels, half, span, placing) {
                let route = Route::Channel {
                    from_lane,
                    from_port,
                    to_lane,
                    to_port,
                    half,
                    slot: slot as usize,
                    cross: None,
                };
                let lines = lines_of(ends, &route);
                let cost = crossings.across_first(&lines, placing) * 1000
                    + (df + dt) * 100
                    + detour
                    + usize::from(added) * INSERTED
                    + rank * 10
                    + prefer_right * 2
                    + usize::from(!near(from_lane));
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, route));
                }
            }
        }
    }
    if best.is_none() {
        best = cross_route(ends, lane_count, channels, crossings, placing).map(|r| (0, r));
    }
    // Gutter 0 qualifies, relaxed if a berurutan row blocks a side.
    best.map(|(_, r)| r).unwrap_or(Route::Down {
        from_lane: ends.from.lanes[0],
        to_lane: ends.to.lanes[0],
    })
}

/// An arrow that runs in a channel, with what decides its route.
pub(super) struct ChannelEdge {
    /// Its index among the plan's edges.
    pub(super) edge: usize,
    pub(super) rows: (usize, usize),
    pub(super) from: Spec,
    pub(super) to: Spec,
    /// The sub-rows of the symbols it leaves and enters.
    pub(super) levels: (usize, usize),
}

/// The most passes of re-routing (see [`Router::route_all`]); on 20,000
/// generated SOPs one needed six, 69 four or more, the rest fewer.
const PASSES: usize = 8;

/// The tracks in use and the lines drawn while routing the channels.
pub(super) struct Router {
    pub(super) lane_count: usize,
    pub(super) channels: Channels,
    pub(super) crossings: Crossings,
    /// Bottoms and tops taken: at most one arrow leaves a step downwards
    /// and one enters it from above.
    pub(super) bottom_used: Vec<bool>,
    pub(super) top_used: Vec<bool>,
}

impl Router {
    /// The route for `edge` given what is drawn so far.
    fn choose(&self, edge: &ChannelEdge, placing: Placing) -> Route {
        let (from, to) = edge.rows;
        // A forward arrow leaves by the bottom and enters by the top when
        // they are free, as the flow reads downwards; back-edges use sides.
        let ends = Ends {
            rows: edge.rows,
            from: &edge.from,
            to: &edge.to,
            bottom: to > from && !self.bottom_used[from],
            top: to > from && !self.top_used[to] && edge.to.top,
            levels: edge.levels,
        };
        channel_route(
            &ends,
            self.lane_count,
            &self.channels,
            &self.crossings,
            placing,
        )
    }

    fn ends<'a>(&self, edge: &'a ChannelEdge, route: &Route) -> Ends<'a> {
        let (from_port, to_port) = match *route {
            Route::Channel {
                from_port, to_port, ..
            } => (from_port, to_port),
            _ => (Port::Left, Port::Left),
        };
        Ends {
            rows: edge.rows,
            from: &edge.from,
            to: &edge.to,
            bottom: from_port == Port::Bottom,
            top: to_port == Port::Top,
            levels: edge.levels,
        }
    }

    /// Marks the tracks, ports and lines of `route` as taken.
    fn take(&mut self, edge: &ChannelEdge, route: &Route) {
        let Route::Channel {
            from_port,
            to_port,
            half,
            slot,
            cross,
            ..
        } = *route
        else {
            return;
        };
        let (from, to) = edge.rows;
        let mut take = |half: Half, slot: usize, span: (usize, usize)| {
            let tracks = self.channels.entry(half).or_default();
            tracks.entry(slot as u64).or_default().push(span);
        };
        take(half, slot, (from.min(to), from.max(to)));
        if let Some((half, slot)) = cross {
            take(half, slot, (to, to));
        }
        self.bottom_used[from] |= from_port == Port::Bottom;
        self.top_used[to] |= to_port == Port::Top;
        let lines = lines_of(&self.ends(edge, route), route);
        self.crossings.add(edge.edge, &lines);
    }

    /// Gives back the tracks, ports and lines of `route`.
    fn release(&mut self, edge: &ChannelEdge, route: &Route) {
        let Route::Channel {
            from_port,
            to_port,
            half,
            slot,
            cross,
            ..
        } = *route
        else {
            return;
        };
        let (from, to) = edge.rows;
        let mut give = |half: Half, slot: usize, span: (usize, usize)| {
            let Some(tracks) = self.channels.get_mut(&half) else {
                return;
            };
            if let Some(used) = tracks.get_mut(&(slot as u64))
                && let Some(k) = used.iter().position(|&s| s == span)
            {
                used.remove(k);
                if used.is_empty() {
                    tracks.remove(&(slot as u64));
                }
            }
        };
        give(half, slot, (from.min(to), from.max(to)));
        if let Some((half, slot)) = cross {
            give(half, slot, (to, to));
        }
        if from_port == Port::Bottom {
            self.bottom_used[from] = false;
        }
        if to_port == Port::Top {
            self.top_used[to] = false;
        }
        self.crossings.remove(edge.edge);
    }

    /// The weighted crossings of `route` with every other line drawn.
    fn cost(&self, edge: &ChannelEdge, route: &Route, only_across: bool) -> usize {
        let lines = lines_of(&self.ends(edge, route), route);
        self.crossings.cost(&lines, only_across)
    }

    /// The most tracks any channel half uses.
    pub(super) fn tracks(&self) -> usize {
        self.channels.values().map(|t| t.len()).max().unwrap_or(0)
    }

    /// `route` with its tracks' keys turned into their places in their
    /// halves, counted from the lane outwards (0 nearest).
    fn numbered(&self, mut route: Route) -> Route {
        let place = |half: Half, key: usize| {
            self.channels
                .get(&half)
                .map_or(0, |t| t.range(..key as u64).count())
        };
        if let Route::Channel {
            half, slot, cross, ..
        } = &mut route
        {
            *slot = place(*half, *slot);
            if let Some((half, slot)) = cross {
                *slot = place(*half, *slot);
            }
        }
        route
    }

    /// Routes every channel edge, in the order given (shorter spans first,
    /// so they take the tracks nearest the symbols); then routes again,
    /// knowing every other line, each loop back that crosses a forward
    /// arrow (and each forward arrow a loop back crosses), keeping the new
    /// route when it crosses less. That second time a route may also take
    /// a new track between two taken ones: the tracks further out move out
    /// one place, in order, so no line already drawn crosses another it
    /// did not. Passes repeat until none changes a route: a forward arrow
    /// moved late can free the channel a loop looked at earlier (three
    /// passes left 1 in 20,000 generated SOPs with a loop across a forward
    /// arrow beside a free channel). Each change lowers the weighted
    /// crossings of the whole drawing, so the passes end; [`PASSES`] only
    /// bounds the time.
    pub(super) fn route_all(&mut self, edges: &[ChannelEdge]) -> Vec<Route> {
        let mut routes = Vec::with_capacity(edges.len());
        for edge in edges {
            let route = self.choose(edge, Placing::Nearest);
            self.take(edge, &route);
            routes.push(route);
        }
        for _ in 0..PASSES {
            let mut changed = false;
            let order = (0..edges.len())
                .filter(|&k| edges[k].rows.1 < edges[k].rows.0)
                .chain((0..edges.len()).filter(|&k| edges[k].rows.1 > edges[k].rows.0));
            for k in order.collect::<Vec<_>>() {
                let edge = &edges[k];
                if self.cost(edge, &routes[k], true) == 0 {
                    continue;
                }
                let old = routes[k].clone();
                self.release(edge, &old);
                // Fewer crossings of loops with forward lines, then fewer
                // crossings in all.
                let crossed =
                    |route: &Route| (self.cost(edge, route, true), self.cost(edge, route, false));
                let before = crossed(&old);
                let new = self.choose(edge, Placing::Insert);
                if crossed(&new) < before {
                    self.take(edge, &new);
                    routes[k] = new;
                    changed = true;
                } else {
                    self.take(edge, &old);
                }
            }
            if !changed {
                break;
            }
        }
        routes.into_iter().map(|r| self.numbered(r)).collect()
    }
}
