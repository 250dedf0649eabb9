//! The arrows of a laid-out flowchart: each planned route turned into an
//! orthogonal polyline between the placed symbols (with the places its
//! branch label may go), the end terminators of branches that end the
//! procedure, and the arrows inside a berurutan row.

use super::labels::PendingLabel;
use super::layout::{
    Anchor, Arrow, CROSS, Column, DOGLEG, END_GAP, END_H, END_SIDE, EXIT, EndMark, LABEL_FONT,
    LABEL_GAP_SIDE, LABEL_STEP, LEVEL_GAP, PORT_GAP, Point, Rect, Row, Symbol, TRACK_GAP,
    TRACK_PAD, round1, side_x,
};
use super::route::{End, Half, Plan, Route, Side, ends_going_up};

/// What the arrows run between: the plan and the symbols and rows laid out
/// from it.
pub(super) struct Placed<'a> {
    pub(super) plan: &'a Plan,
    pub(super) symbols: &'a [Symbol],
    /// The indices into `symbols` of each step's symbols.
    pub(super) row_symbols: &'a [Vec<usize>],
    pub(super) rows: &'a [Row],
    pub(super) lanes: &'a [Column],
    /// Where the lanes start (the centre of a missing lane).
    pub(super) lanes_x: f64,
    /// The width every lane keeps for its symbols, channels outside it.
    pub(super) zone: f64,
    /// The width of an end terminator.
    pub(super) end_w: f64,
}

/// The arrows (routes first, then those inside berurutan rows), the labels
/// still to place, and the end terminators.
pub(super) fn draw(placed: &Placed) -> (Vec<Arrow>, Vec<PendingLabel>, Vec<EndMark>) {
    let Placed {
        plan,
        symbols,
        row_symbols,
        rows,
        lanes,
        lanes_x,
        zone,
        end_w,
    } = *placed;
    let lane_cx = |k: usize| lanes.get(k).map_or(lanes_x, |c| c.x + c.w / 2.0);
    // The symbol of step `step` an arrow meets: the one of a berurutan row
    // the plan chose, else the one in the lane of the route.
    let symbol_at = |step: usize, lane: usize, symbol: Option<usize>| -> Option<usize> {
        let own = row_symbols.get(step)?;
        match symbol {
            Some(j) => own.get(j).copied(),
            None => own.iter().copied().find(|&k| symbols[k].lane == lane),
        }
    };

    // Port heights of the side ends: spread evenly around the middle.
    let mut port_y: std::collections::HashMap<(usize, bool), f64> =
        std::collections::HashMap::new();
    for (&(step, lane, side), list) in &plan.ends {
        let count = list.len() as f64;
        let reserved = plan.inner_sides.contains(&(step, lane, side));
        let up = ends_going_up(step, list);
        for (
            j,
            End {
                edge, is_source, ..
            },
        ) in list.iter().enumerate()
        {
            let e = &plan.edges[*edge];
            let symbol = if *is_source {
                e.from_symbol
            } else {
                e.to_symbol
            };
            let Some(s) = symbol_at(step, lane, symbol) else {
                continue;
            };
            let cy = symbols[s].rect.cy();
            let dy = if reserved {
                // Around the row's own arrow in the middle: the ends going
                // up above it, the others below.
                let k = j as f64 - up as f64;
                (if k < 0.0 { k } else { k + 1.0 }) * PORT_GAP
            } else {
                (j as f64 - (count - 1.0) / 2.0) * PORT_GAP
            };
            port_y.insert((*edge, *is_source), round1(cy + dy));
        }
    }

    let track_x = |half: Half, slot: usize| {
        let offset = zone / 2.0 + TRACK_PAD + slot as f64 * TRACK_GAP;
        round1(match half.side {
            Side::Left => lane_cx(half.lane) - offset,
            Side::Right => lane_cx(half.lane) + offset,
        })
    };

    let mut arrows = Vec::with_capacity(plan.edges.len());
    let mut pending: Vec<PendingLabel> = Vec::new();
    let mut ends: Vec<EndMark> = Vec::new();
    // Routes over two gutters into each row so far.
    let mut crossings: std::collections::HashMap<usize, usize> = Default::default();
    for (index, e) in plan.edges.iter().enumerate() {
        let (points, candidates) = match e.route {
            Route::End { lane, side, tier } => {
                let Some(s) = symbol_at(e.from, lane, e.from_symbol) else {
                    continue;
                };
                let s = &symbols[s];
                let y = round1(s.rect.bottom() + END_GAP + tier as f64 * (END_H + END_GAP));
                match side {
                    None => {
                        // Straight down from the bottom.
                        let x = round1(s.rect.cx());
                        let start = Point {
                            x,
                            y: round1(s.rect.bottom()),
                        };
                        ends.push(EndMark {
                            step: e.from,
                            lane,
                            rect: Rect {
                                x: round1(x - end_w / 2.0),
                                y,
                                w: end_w,
                                h: END_H,
                            },
                            arrow: arrows.len(),
                        });
                        let ly = round1(start.y + 12.0);
                        let candidates = vec![
                            (
                                Point {
                                    x: round1(x - 5.0),
                                    y: ly,
                                },
                                Anchor::End,
                            ),
                            (
                                Point {
                                    x: round1(x + 5.0),
                                    y: ly,
                                },
                                Anchor::Start,
                            ),
                        ];
                        (vec![start, Point { x, y }], candidates)
                    }
                    Some(side) => {
                        let sy = port_y
                            .get(&(index, true))
                            .copied()
                            .unwrap_or(round1(s.rect.cy()));
                        let sx = round1(side_x(s.shape, &s.rect, side, sy));
                        let reach = s.rect.w / 2.0 + END_SIDE;
                        let x = round1(match side {
                            Side::Right => s.rect.cx() + reach,
                            Side::Left => s.rect.cx() - reach,
                        });
                        ends.push(EndMark {
                            step: e.from,
                            lane,
                            rect: Rect {
                                x: round1(x - end_w / 2.0),
                                y,
                                w: end_w,
                                h: END_H,
                            },
                            arrow: arrows.len(),
                        });
                        let points =
                            vec![Point { x: sx, y: sy }, Point { x, y: sy }, Point { x, y }];
                        // Over the stub where it leaves, or under it: the first
                        // away from the line going down.
                        let (dx, anchor) = match side {
                            Side::Right => (4.0, Anchor::Start),
                            Side::Left => (-4.0, Anchor::End),
                        };
                        let at = |dy: f64| {
                            (
                                Point {
                                    x: round1(sx + dx),
                                    y: round1(sy + dy),
                                },
                                anchor,
                            )
                        };
                        // Or under the terminator, when the lane has no room beside.
                        let under = (
                            Point {
                                x,
                                y: round1(y + END_H + LABEL_FONT),
                            },
                            Anchor::Middle,
                        );
                        let candidates = vec![at(-4.0), under];
                        (points, candidates)
                    }
                }
            }
            Route::Down { from_lane, to_lane } => {
                let (Some(s), Some(t)) = (
                    symbol_at(e.from, from_lane, e.from_symbol),
                    symbol_at(e.to, to_lane, e.to_symbol),
                ) else {
                    continue;
                };
                let (s, t) = (&symbols[s].rect, &symbols[t].rect);
                let (sx, tx) = (round1(s.cx()), round1(t.cx()));
                let start = Point {
                    x: sx,
                    y: round1(s.bottom()),
                };
                let end = Point {
                    x: tx,
                    y: round1(t.y),
                };
                let points = if sx == tx {
                    vec![start, end]
                } else {
                    let gy = round1(rows[e.to].y + DOGLEG);
                    vec![start, Point { x: sx, y: gy }, Point { x: tx, y: gy }, end]
                };
                // Under the diamond, right of the line or left of it.
                let y = round1(start.y + 12.0);
                let candidates = vec![
                    (
                        Point {
                            x: round1(sx + 5.0),
                            y,
                        },
                        Anchor::Start,
                    ),
                    (
                        Point {
                            x: round1(sx - 5.0),
                            y,
                        },
                        Anchor::End,
                    ),
                ];
                (points, candidates)
            }
            Route::Channel {
                from_lane,
                from_port,
                to_lane,
                to_port,
                half,
                slot,
                cross,
            } => {
                let (Some(s), Some(t)) = (
                    symbol_at(e.from, from_lane, e.from_symbol),
                    symbol_at(e.to, to_lane, e.to_symbol),
                ) else {
                    continue;
                };
                let (s, t) = (&symbols[s], &symbols[t]);
                let x = track_x(half, slot);
                let mut points = Vec::with_capacity(6);
                let candidates = match from_port.side() {
                    Some(side) => {
                        let sy = port_y
                            .get(&(index, true))
                            .copied()
                            .unwrap_or(round1(s.rect.cy()));
                        let sx = round1(side_x(s.shape, &s.rect, side, sy));
                        points.push(Point { x: sx, y: sy });
                        points.push(Point { x, y: sy });
                        // Over or under the stub; first choice on the side
                        // away from the track's run, where this arrow has no line.
                        let goes_up = e.to < e.from;
                        // Beside the symbol at the height of the text, so
                        // a label by a diamond's slanting side keeps clear of it.
                        let (dx, anchor) = match side {
                            Side::Right => (LABEL_GAP_SIDE, Anchor::Start),
                            Side::Left => (-LABEL_GAP_SIDE, Anchor::End),
                        };
                        let clear_x = |baseline: f64| {
                            let (top, bottom) =
                                (baseline - LABEL_FONT * 0.8, baseline + LABEL_FONT * 0.2);
                            let widest = s.rect.cy().clamp(top, bottom);
                            round1(side_x(s.shape, &s.rect, side, widest) + dx)
                        };
                        // Next to the stub first; where the symbol bulges
                        // into that place, as near as clears it.
                        let place = |y: f64, x: f64| (Point { x, y: round1(y) }, anchor);
                        let (over, under) = (sy - 4.0, sy + 13.0);
                        let near_x = round1(sx + dx);
                        // Then a line further out, where the stubs of
                        // several ends on one side crowd the nearer places.
                        let order = if goes_up {
                            [under, over, under + LABEL_STEP, over - LABEL_STEP]
                        } else {
                            [over, under, over - LABEL_STEP, under + LABEL_STEP]
                        };
                        order
                            .iter()
                            .flat_map(|&y| [place(y, near_x), place(y, clear_x(y))])
                            .collect()
                    }
                    None => {
                        // Bottom: down into the row's lower margin, across to the track.
                        let cx = round1(s.rect.cx());
                        let bottom = round1(s.rect.bottom());
                        let exit = round1(rows[e.from].y + rows[e.from].h - EXIT);
                        points.push(Point { x: cx, y: bottom });
                        points.push(Point { x: cx, y: exit });
                        points.push(Point { x, y: exit });
                        // First choice: the side the arrow does not turn to.
                        let y = round1(bottom + 12.0);
                        let left = (
                            Point {
                                x: round1(cx - 5.0),
                                y,
                            },
                            Anchor::End,
                        );
                        let right = (
                            Point {
                                x: round1(cx + 5.0),
                                y,
                            },
                            Anchor::Start,
                        );
                        if x > cx {
                            vec![left, right]
                        } else {
                            vec![right, left]
                        }
                    }
                };
                // Across the upper margin of the target's row to the track
                // of the other gutter.
                let x = match cross {
                    Some((half, slot)) => {
                        // One line per track, so two such routes into
                        // one row do not run on each other.
                        // (within the margin above the symbols).
                        let k = crossings.entry(e.to).or_insert(0usize);
                        let y = round1(rows[e.to].y + CROSS + (*k).min(2) as f64 * 3.0);
                        *k += 1;
                        let x2 = track_x(half, slot);
                        points.push(Point { x, y });
                        points.push(Point { x: x2, y });
                        x2
                    }
                    None => x,
                };
                match to_port.side() {
                    Some(side) => {
                        let ty = port_y
                            .get(&(index, false))
                            .copied()
                            .unwrap_or(round1(t.rect.cy()));
                        let tx = round1(side_x(t.shape, &t.rect, side, ty));
                        points.push(Point { x, y: ty });
                        points.push(Point { x: tx, y: ty });
                    }
                    None => {
                        // Top: across the row's upper margin, down into the symbol.
                        let cx = round1(t.rect.cx());
                        let entry = round1(rows[e.to].y + DOGLEG);
                        points.push(Point { x, y: entry });
                        points.push(Point { x: cx, y: entry });
                        points.push(Point {
                            x: cx,
                            y: round1(t.rect.y),
                        });
                    }
                }
                (points, candidates)
            }
        };
        if let Some(text) = &e.label {
            pending.push(PendingLabel {
                text: text.clone(),
                arrow: arrows.len(),
                lane: match e.route {
                    Route::Down { from_lane, .. } | Route::Channel { from_lane, .. } => from_lane,
                    Route::End { lane, .. } => lane,
                },
                row: e.from,
                candidates,
            });
        }
        arrows.push(Arrow {
            from: e.from,
            to: e.to,
            points,
            is_no: e.is_no,
            end: e.end,
            within: false,
        });
    }
    // Inside a berurutan row: from each symbol to the next, across the
    // level, or down into the next level.
    for (i, own) in row_symbols.iter().enumerate() {
        if !plan.sequence[i] {
            continue;
        }
        for (k, pair) in own.windows(2).enumerate() {
            let (a, b) = (&symbols[pair[0]], &symbols[pair[1]]);
            let (la, lb) = (plan.symbols[i][k].level, plan.symbols[i][k + 1].level);
            let points = if la == lb {
                let y = round1(a.rect.cy());
                let (from_side, to_side) = if b.rect.cx() > a.rect.cx() {
                    (Side::Right, Side::Left)
                } else {
                    (Side::Left, Side::Right)
                };
                vec![
                    Point {
                        x: round1(side_x(a.shape, &a.rect, from_side, y)),
                        y,
                    },
                    Point {
                        x: round1(side_x(b.shape, &b.rect, to_side, y)),
                        y,
                    },
                ]
            } else {
                let (ax, bx) = (round1(a.rect.cx()), round1(b.rect.cx()));
                let start = Point {
                    x: ax,
                    y: round1(a.rect.bottom()),
                };
                let end = Point {
                    x: bx,
                    y: round1(b.rect.y),
                };
                if ax == bx {
                    vec![start, end]
                } else {
                    // Across in the gap between the levels.
                    let gy = round1(b.rect.y - LEVEL_GAP / 2.0);
                    vec![start, Point { x: ax, y: gy }, Point { x: bx, y: gy }, end]
                }
            };
            arrows.push(Arrow {
                from: i,
                to: i,
                points,
                is_no: false,
                end: false,
                within: true,
            });
        }
    }
    (arrows, pending, ends)
}
