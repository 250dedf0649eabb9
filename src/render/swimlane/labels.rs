//! Branch labels: where each "Ya", "Tidak" (or the SOP's own words) goes,
//! the first of its candidate places that stays in its cell, off every
//! symbol and other label, and over the fewest lines.

use super::layout::{
    Anchor, Arrow, Column, Join, LABEL_FONT, Label, Point, Rect, Row, Shape, Symbol, side_x,
};
use super::metrics::{SAFETY, text_width};
use super::route::Side;

/// The width of a label's text, with the slack that wrapping leaves for a
/// fallback font.
pub(super) fn label_width(text: &str) -> f64 {
    text_width(text, LABEL_FONT, false) / SAFETY
}

/// A branch label still to place: its text, its arrow, the lane and row
/// of the symbol it leaves, and its possible places.
pub(super) struct PendingLabel {
    pub(super) text: String,
    pub(super) arrow: usize,
    pub(super) lane: usize,
    pub(super) row: usize,
    pub(super) candidates: Vec<(Point, Anchor)>,
}

/// The box a label's text covers (baseline at `at`, 11 px italic).
pub(super) fn label_box(text: &str, at: Point, anchor: Anchor) -> Rect {
    let w = label_width(text);
    let x = match anchor {
        Anchor::Start => at.x,
        Anchor::Middle => at.x - w / 2.0,
        Anchor::End => at.x - w,
    };
    Rect {
        x,
        y: at.y - LABEL_FONT * 0.8,
        w,
        h: LABEL_FONT,
    }
}

fn segment_hits(r: &Rect, p: Point, q: Point) -> bool {
    let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
    let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
    x1 >= r.x && x0 <= r.right() && y1 >= r.y && y0 <= r.bottom()
}

fn boxes_meet(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Does the box overlap the symbol's shape (not only its bounding box: a
/// label may sit in the corner beside a diamond)? Every shape is convex and
/// symmetric about its vertical centre line; it is widest over the box's
/// height nearest its middle (the pentagon: nearest its top).
fn box_meets_symbol(r: &Rect, symbol: &Symbol) -> bool {
    if !boxes_meet(r, &symbol.rect) {
        return false;
    }
    let y = match symbol.shape {
        Shape::OffPage => r.y.max(symbol.rect.y),
        _ => symbol.rect.cy().clamp(r.y, r.bottom()),
    };
    let left = side_x(symbol.shape, &symbol.rect, Side::Left, y);
    let right = side_x(symbol.shape, &symbol.rect, Side::Right, y);
    r.x < right && left < r.right()
}

/// What a label must keep clear of, or cross as little as it can.
pub(super) struct Obstacles<'a> {
    pub(super) arrows: &'a [Arrow],
    pub(super) joins: &'a [Join],
    pub(super) symbols: &'a [Symbol],
    /// The end terminators of branches that end the procedure.
    pub(super) end_marks: &'a [Rect],
    pub(super) lanes: &'a [Column],
    pub(super) rows: &'a [Row],
}

/// Puts each branch label at the first of its places that stays inside
/// the cell of the symbol it leaves (clear of the lane borders and the row
/// lines), clear of every symbol and every other label, and runs over the
/// fewest lines (a label crossing an arrow stays readable thanks to its
/// halo; one over a border, a symbol or another label does not).
pub(super) fn place_labels(pending: Vec<PendingLabel>, around: &Obstacles) -> Vec<Label> {
    const BLOCKED: usize = 1000;
    let mut placed: Vec<(Label, Rect)> = Vec::with_capacity(pending.len());
    for label in pending {
        let cell = match (around.lanes.get(label.lane), around.rows.get(label.row)) {
            (Some(c), Some(r)) => Some(Rect {
                x: c.x,
                y: r.y,
                w: c.w,
                h: r.h,
            }),
            _ => None,
        };
        let mut best: Option<(usize, Point, Anchor, Rect)> = None;
        for (at, anchor) in label.candidates {
            let r = label_box(&label.text, at, anchor);
            let outside = cell.is_some_and(|c| {
                r.x < c.x + 1.0
                    || r.right() > c.right() - 1.0
                    || r.y < c.y + 1.0
                    || r.bottom() > c.bottom() - 1.0
            });
            let symbols = around
                .symbols
                .iter()
                .filter(|s| box_meets_symbol(&r, s))
                .count();
            let labels = placed
                .iter()
                .filter(|(_, other)| boxes_meet(&r, other))
                .count();
            let lines = around
                .arrows
                .iter()
                .flat_map(|a| a.points.windows(2))
                .filter(|w| segment_hits(&r, w[0], w[1]))
                .count()
                + around
                    .joins
                    .iter()
                    .filter(|j| segment_hits(&r, j.from, j.to))
                    .count();
            let symbols = symbols
                + around
                    .end_marks
                    .iter()
                    .filter(|e| boxes_meet(&r, e))
                    .count();
            let cost = (usize::from(outside) + symbols + labels) * BLOCKED + lines;
            if best.as_ref().is_none_or(|b| cost < b.0) {
                best = Some((cost, at, anchor, r));
            }
        }
        if let Some((_, at, anchor, r)) = best {
            placed.push((
                Label {
                    text: label.text,
                    arrow: label.arrow,
                    at,
                    anchor,
                },
                r,
            ));
        }
    }
    placed.into_iter().map(|(label, _)| label).collect()
}
