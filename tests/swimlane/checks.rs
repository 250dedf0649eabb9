//! Geometry properties, each a function over a Layout so every test (the
//! examples, the real SOPs and the generated ones) asserts the same things;
//! and the markup read back from the SVG text.

use lajur::model::{Sop, StepKind};
use lajur::render::swimlane::metrics::text_width;
use lajur::render::swimlane::{Arrow, Layout, Point, Rect, Shape, Symbol, layout};

pub const EPS: f64 = 0.05;

pub type Segment = (Point, Point);

pub fn segments(points: &[Point]) -> impl Iterator<Item = Segment> + '_ {
    points.windows(2).map(|w| (w[0], w[1]))
}

/// Every step has a symbol in each of its lanes, inside that lane and its row.
pub fn every_step_has_its_symbols(sop: &Sop, l: &Layout) -> Result<(), String> {
    for (i, step) in sop.steps.iter().enumerate() {
        for &lane in &step.lanes {
            let symbol = l
                .symbols
                .iter()
                .find(|s| s.step == i && s.lane == lane)
                .ok_or(format!("step {} has no symbol in lane {lane}", i + 1))?;
            let column = l.lanes[lane];
            let row = &l.rows[i];
            let r = symbol.rect;
            if r.x < column.x
                || r.right() > column.x + column.w
                || r.y < row.y
                || r.bottom() > row.y + row.h
            {
                return Err(format!("symbol of step {} leaves its cell", i + 1));
            }
        }
    }
    Ok(())
}

/// Every segment is horizontal or vertical and has a length.
pub fn every_segment_is_orthogonal(l: &Layout) -> Result<(), String> {
    for a in &l.arrows {
        if a.points.len() < 2 {
            return Err(format!("arrow {}->{} has no segment", a.from + 1, a.to + 1));
        }
        for (p, q) in segments(&a.points) {
            if p.x != q.x && p.y != q.y {
                return Err(format!(
                    "arrow {}->{} is diagonal at {p:?}",
                    a.from + 1,
                    a.to + 1
                ));
            }
            if p == q {
                return Err(format!(
                    "arrow {}->{} has an empty segment",
                    a.from + 1,
                    a.to + 1
                ));
            }
        }
    }
    Ok(())
}

/// Is `p` on the outline of a symbol of this shape?
pub fn on_outline(shape: Shape, r: &Rect, p: Point) -> bool {
    let (dx, dy) = ((p.x - r.cx()).abs(), (p.y - r.cy()).abs());
    let (a, b) = (r.w / 2.0, r.h / 2.0);
    let tol = 0.15;
    match shape {
        Shape::Process => {
            (dx <= a + tol && dy <= b + tol) && ((a - dx).abs() <= tol || (b - dy).abs() <= tol)
        }
        Shape::OffPage => {
            // Top and straight sides down to 60 % of the height, then two
            // edges slanting to the point at the bottom.
            let shoulder = r.y + r.h * 0.6;
            if p.y <= shoulder + tol {
                (dx <= a + tol && p.y >= r.y - tol)
                    && ((a - dx).abs() <= tol || (p.y - r.y).abs() <= tol)
            } else {
                let reach = a * (r.bottom() - p.y) / (r.bottom() - shoulder);
                (dx - reach).abs() <= tol * 2.0
            }
        }
        Shape::Decision => (dx / a + dy / b - 1.0).abs() * a.min(b) <= tol * 2.0,
        Shape::Terminator => {
            let straight = a - b;
            if dx <= straight {
                (b - dy).abs() <= tol
            } else {
                ((dx - straight).hypot(dy) - b).abs() <= tol
            }
        }
    }
}

/// Every arrow starts on a symbol of its source step and ends on one of its target.
pub fn every_arrow_joins_its_symbols(l: &Layout) -> Result<(), String> {
    for a in &l.arrows {
        let (Some(first), Some(last)) = (a.points.first(), a.points.last()) else {
            return Err("empty arrow".into());
        };
        let starts = l
            .symbols
            .iter()
            .any(|s| s.step == a.from && on_outline(s.shape, &s.rect, *first));
        let ends = if a.end {
            l.ends
                .iter()
                .any(|e| e.step == a.from && on_outline(Shape::Terminator, &e.rect, *last))
        } else {
            l.symbols
                .iter()
                .any(|s| s.step == a.to && on_outline(s.shape, &s.rect, *last))
        };
        if !starts || !ends {
            return Err(format!(
                "arrow {}->{} does not join its symbols ({first:?} .. {last:?})",
                a.from + 1,
                a.to + 1
            ));
        }
    }
    Ok(())
}

/// Does the segment run through the inside of `r` (shrunk by EPS)?
pub fn crosses(r: &Rect, (p, q): Segment) -> bool {
    let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
    let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
    x1 > r.x + EPS && x0 < r.right() - EPS && y1 > r.y + EPS && y0 < r.bottom() - EPS
}

/// No arrow runs through a symbol. The first and last segment touch their
/// own symbol (a diamond's side port lies inside its bounding box), so for
/// them it is enough that they point away from it.
pub fn no_arrow_crosses_a_symbol(l: &Layout) -> Result<(), String> {
    // The end terminators of branches are symbols too, of no step's own.
    let ends: Vec<Symbol> = l
        .ends
        .iter()
        .map(|e| Symbol {
            step: usize::MAX,
            lane: e.lane,
            kind: StepKind::Selesai,
            shape: Shape::Terminator,
            rect: e.rect,
            text: Vec::new(),
        })
        .collect();
    for a in &l.arrows {
        let count = a.points.len().saturating_sub(1);
        for (k, seg) in segments(&a.points).enumerate() {
            for s in l.symbols.iter().chain(&ends) {
                let own_start = k == 0 && s.step == a.from && on_outline(s.shape, &s.rect, seg.0);
                let target = if a.end { usize::MAX } else { a.to };
                let own_end =
                    k + 1 == count && s.step == target && on_outline(s.shape, &s.rect, seg.1);
                let (port, other) = if own_start {
                    (seg.0, seg.1)
                } else if own_end {
                    (seg.1, seg.0)
                } else {
                    if crosses(&s.rect, seg) {
                        let what = if s.step == usize::MAX {
                            "an end terminator".to_string()
                        } else {
                            format!("the symbol of step {} ({:?})", s.step + 1, s.rect)
                        };
                        return Err(format!(
                            "arrow {}->{} crosses {what} at {seg:?}",
                            a.from + 1,
                            a.to + 1,
                        ));
                    }
                    continue;
                };
                let outward = (other.x - port.x) * (port.x - s.rect.cx())
                    + (other.y - port.y) * (port.y - s.rect.cy());
                let inside = other.x > s.rect.x + EPS
                    && other.x < s.rect.right() - EPS
                    && other.y > s.rect.y + EPS
                    && other.y < s.rect.bottom() - EPS;
                if outward <= 0.0 || inside {
                    return Err(format!(
                        "arrow {}->{} runs into its own symbol",
                        a.from + 1,
                        a.to + 1
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Do two axis-parallel segments lie on one line and overlap over a length?
pub fn overlap(a: Segment, b: Segment) -> bool {
    let horizontal = |s: Segment| s.0.y == s.1.y;
    if horizontal(a) && horizontal(b) && (a.0.y - b.0.y).abs() < EPS {
        let (a0, a1) = (a.0.x.min(a.1.x), a.0.x.max(a.1.x));
        let (b0, b1) = (b.0.x.min(b.1.x), b.0.x.max(b.1.x));
        return a1.min(b1) - a0.max(b0) > EPS;
    }
    if !horizontal(a) && !horizontal(b) && (a.0.x - b.0.x).abs() < EPS {
        let (a0, a1) = (a.0.y.min(a.1.y), a.0.y.max(a.1.y));
        let (b0, b1) = (b.0.y.min(b.1.y), b.0.y.max(b.1.y));
        return a1.min(b1) - a0.max(b0) > EPS;
    }
    false
}

/// No two arrows (nor an arrow and a joining line) share a piece of a segment.
pub fn no_two_arrows_share_a_segment(l: &Layout) -> Result<(), String> {
    let mut all: Vec<(String, Segment)> = Vec::new();
    for a in &l.arrows {
        for seg in segments(&a.points) {
            all.push((format!("arrow {}->{}", a.from + 1, a.to + 1), seg));
        }
    }
    let arrows = all.len();
    for j in &l.joins {
        all.push((format!("join of step {}", j.step + 1), (j.from, j.to)));
    }
    let mut owner = Vec::new();
    for (k, a) in l.arrows.iter().enumerate() {
        owner.extend(std::iter::repeat_n(k, a.points.len().saturating_sub(1)));
    }
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            let same_arrow = i < arrows && j < arrows && owner[i] == owner[j];
            if !same_arrow && overlap(all[i].1, all[j].1) {
                return Err(format!("{} and {} overlap", all[i].0, all[j].0));
            }
        }
    }
    Ok(())
}

/// One arrow per edge of the SOP, and each decision branch labelled next to
/// where it leaves its diamond.
pub fn arrows_match_edges(sop: &Sop, l: &Layout) -> Result<(), String> {
    arrows_match_edges_within(sop, l, 30.0)
}

/// [`arrows_match_edges`], each label within `reach` of where its branch
/// leaves.
pub fn arrows_match_edges_within(sop: &Sop, l: &Layout, reach: f64) -> Result<(), String> {
    let edges = sop.edges();
    let arrows: Vec<&Arrow> = l.arrows.iter().filter(|a| !a.within).collect();
    if edges.len() != arrows.len() {
        return Err(format!("{} edges but {} arrows", edges.len(), arrows.len()));
    }
    for (e, &a) in edges.iter().zip(&arrows) {
        let to = if e.is_end() { e.from } else { e.to() };
        if (e.from, to, e.is_end()) != (a.from, a.to, a.end) {
            return Err(format!(
                "edge {}->{} drawn as {}->{}",
                e.from + 1,
                to + 1,
                a.from + 1,
                a.to + 1
            ));
        }
        if let Some(text) = e.label {
            let start = a.points[0];
            let label = l
                .labels
                .iter()
                .find(|lb| l.arrows[lb.arrow] == *a && lb.text == text)
                .ok_or(format!(
                    "branch {}->{} has no label {text:?}",
                    e.from + 1,
                    to + 1
                ))?;
            // Beside its stub, or a line further out when other stubs
            // crowd that side; a branch that ends may name itself under
            // its terminator.
            let near = |p: Point, reach: f64| {
                (label.at.x - p.x).abs() <= reach && (label.at.y - p.y).abs() <= reach
            };
            let end = a.points[a.points.len() - 1];
            if !(near(start, reach) || (a.end && near(end, 40.0))) {
                return Err(format!(
                    "label {text:?} at {:?} is far from where its branch {}->{} leaves ({start:?})",
                    label.at,
                    e.from + 1,
                    e.to() + 1
                ));
            }
        }
    }
    Ok(())
}

/// Everything is inside the drawing, and every wrapped line fits its column.
pub fn everything_fits(l: &Layout) -> Result<(), String> {
    let inside = |p: &Point| p.x >= 0.0 && p.y >= 0.0 && p.x <= l.width && p.y <= l.height;
    for a in &l.arrows {
        if !a.points.iter().all(inside) {
            return Err(format!(
                "arrow {}->{} leaves the drawing",
                a.from + 1,
                a.to + 1
            ));
        }
    }
    for s in &l.symbols {
        if s.rect.right() > l.width || s.rect.bottom() > l.height {
            return Err(format!("symbol of step {} leaves the drawing", s.step + 1));
        }
    }
    for row in &l.rows {
        for line in &row.kegiatan.lines {
            if text_width(line, 12.0, false) > row.kegiatan.rect.w - 14.0 {
                return Err(format!("{line:?} overflows the Kegiatan column"));
            }
        }
    }
    for header in &l.lane_headers {
        for line in &header.lines {
            if text_width(line, 11.0, true) > header.rect.w - 14.0 {
                return Err(format!("{line:?} overflows its lane header"));
            }
        }
    }
    Ok(())
}

/// How wide a symbol's shape is at height `y` (0 outside it).
fn width_at(shape: Shape, r: &Rect, y: f64) -> f64 {
    if y < r.y || y > r.bottom() {
        return 0.0;
    }
    let dy = (y - r.cy()).abs();
    match shape {
        Shape::Process => r.w,
        Shape::OffPage => {
            let shoulder = r.y + r.h * 0.6;
            if y <= shoulder {
                r.w
            } else {
                r.w * (r.bottom() - y) / (r.bottom() - shoulder)
            }
        }
        Shape::Decision => r.w * (1.0 - dy / (r.h / 2.0)),
        Shape::Terminator => {
            let b = r.h / 2.0;
            r.w - 2.0 * b + 2.0 * (b * b - dy * dy).max(0.0).sqrt()
        }
    }
}

/// Does a line of `width` px whose glyphs run from `top` to `bottom`,
/// centred on the symbol, stay inside its shape?
fn line_inside(shape: Shape, r: &Rect, width: f64, top: f64, bottom: f64) -> bool {
    width <= width_at(shape, r, top).min(width_at(shape, r, bottom)) + EPS
}

/// Every text of the drawing stays inside it and inside the box it is
/// drawn in (issue 17, defect 1: "Tidak berkenan" showed as "Tida"): the
/// wrapped lines of every table cell (Kegiatan, the lane headers and, on a
/// printed page, the Mutu Baku and Keterangan cells) fit their column and
/// their row; a symbol's own words (`simbol`) fit inside its shape; the word
/// in an end terminator fits its capsule.
pub fn texts_fit(l: &Layout) -> Result<(), String> {
    let within = |r: &Rect| {
        r.x >= 0.0 && r.y >= 0.0 && r.right() <= l.width + EPS && r.bottom() <= l.height + EPS
    };
    let cells = l
        .rows
        .iter()
        .flat_map(|row| {
            std::iter::once((&row.kegiatan, 12.0, 15.0, false))
                .chain(row.mutu.iter().map(|c| (c, 12.0, 15.0, false)))
        })
        .chain(l.lane_headers.iter().map(|c| (c, 11.0, 13.0, true)));
    for (cell, size, line_h, bold) in cells {
        if !within(&cell.rect) {
            return Err(format!("the cell {:?} leaves the drawing", cell.rect));
        }
        for line in &cell.lines {
            if text_width(line, size, bold) > cell.rect.w - 14.0 + EPS {
                return Err(format!("{line:?} overflows its {} px column", cell.rect.w));
            }
        }
        if cell.lines.len() as f64 * line_h > cell.rect.h - 14.0 + EPS {
            return Err(format!(
                "{} lines of {:?} overflow their {} px row",
                cell.lines.len(),
                cell.lines.first(),
                cell.rect.h
            ));
        }
    }
    for s in &l.symbols {
        if !within(&s.rect) {
            return Err(format!(
                "the symbol of step {} leaves the drawing",
                s.step + 1
            ));
        }
        // As svg.rs writes them: the block centred, 11 px apart, 10 px text.
        let block = s.text.len() as f64 * 11.0;
        let first = s.rect.cy() - block / 2.0 + 10.0 * 0.85;
        for (i, line) in s.text.iter().enumerate() {
            let baseline = first + i as f64 * 11.0;
            let (top, bottom) = (baseline - 10.0 * 0.8, baseline + 10.0 * 0.2);
            if !line_inside(s.shape, &s.rect, text_width(line, 10.0, false), top, bottom) {
                return Err(format!(
                    "{line:?} spills out of the symbol of step {} ({:?})",
                    s.step + 1,
                    s.rect
                ));
            }
        }
    }
    for e in &l.ends {
        if !within(&e.rect) {
            return Err(format!(
                "the end terminator of step {} leaves the drawing",
                e.step + 1
            ));
        }
        let baseline = e.rect.cy() + 9.0 * 0.35;
        let (top, bottom) = (baseline - 9.0 * 0.8, baseline + 9.0 * 0.2);
        if !line_inside(
            Shape::Terminator,
            &e.rect,
            text_width("Selesai", 9.0, false),
            top,
            bottom,
        ) {
            return Err(format!(
                "\"Selesai\" spills out of the end terminator of step {}",
                e.step + 1
            ));
        }
    }
    Ok(())
}

/// Each branch label is drawn once (issue 17, defect 7: a stroked halo
/// printed every label twice, "Tidak Tidak" in pdftotext): one label per
/// labelled arrow in the layout, one `<text>` per label in `svg`, and no
/// stroke on any text.
pub fn labels_drawn_once(l: &Layout, svg: &str) -> Result<(), String> {
    let mut arrows: Vec<usize> = l.labels.iter().map(|lb| lb.arrow).collect();
    arrows.sort_unstable();
    if arrows.windows(2).any(|w| w[0] == w[1]) {
        return Err("an arrow carries two labels".into());
    }
    if arrows.iter().any(|&a| a >= l.arrows.len()) {
        return Err("a label names no arrow".into());
    }
    let drawn = svg.matches("<text class=\"alur-label\"").count();
    if drawn != l.labels.len() {
        return Err(format!("{} labels drawn as {drawn} texts", l.labels.len()));
    }
    if svg.contains("paint-order") || elements(svg, "text").iter().any(|t| t.contains("stroke")) {
        return Err("a text is stroked: PDF copies it twice".into());
    }
    Ok(())
}

/// Is any point of `r` inside the symbol's shape? Every shape is convex and
/// symmetric about its vertical centre line, and but for the pentagon also
/// about its horizontal one, so the point of the box nearest its centre in
/// each direction is the one to test.
pub fn box_meets_shape(r: &Rect, shape: Shape, s: &Rect) -> bool {
    let meet = r.x < s.right() - EPS
        && s.x + EPS < r.right()
        && r.y < s.bottom() - EPS
        && s.y + EPS < r.bottom();
    if !meet {
        return false;
    }
    let p = Point {
        x: s.cx().clamp(r.x, r.right()),
        y: s.cy().clamp(r.y, r.bottom()),
    };
    let (dx, dy) = ((p.x - s.cx()).abs(), (p.y - s.cy()).abs());
    let (a, b) = (s.w / 2.0, s.h / 2.0);
    match shape {
        Shape::Process | Shape::OffPage => true,
        Shape::Decision => dx / a + dy / b < 1.0 - 0.01,
        Shape::Terminator => {
            let straight = a - b;
            dx <= straight || (dx - straight).hypot(dy) < b - EPS
        }
    }
}

/// Every branch label sits inside the cell of the symbol it leaves: inside
/// the drawing, over no lane border and no row line, over no symbol and no
/// other label (issue 17: "Tidak berkenan" ran off the drawing, "Tidak" sat
/// on lane borders).
pub fn labels_keep_clear(l: &Layout) -> Result<(), String> {
    for (i, label) in l.labels.iter().enumerate() {
        let r = label.bounds();
        let name = format!("label {:?}", label.text);
        if r.x < 0.0 || r.y < 0.0 || r.right() > l.width || r.bottom() > l.height {
            return Err(format!("{name} leaves the drawing ({r:?})"));
        }
        let lanes_left = l.lanes.first().map_or(0.0, |c| c.x);
        let lanes_right = l.lanes.last().map_or(0.0, |c| c.x + c.w);
        if r.x < lanes_left || r.right() > lanes_right {
            return Err(format!("{name} leaves the lanes ({r:?})"));
        }
        for lane in &l.lanes {
            for x in [lane.x, lane.x + lane.w] {
                if r.x < x && x < r.right() {
                    return Err(format!("{name} sits on a lane border at x={x}"));
                }
            }
        }
        for row in &l.rows {
            let y = row.y + row.h;
            if r.y < y && y < r.bottom() {
                return Err(format!("{name} sits on a row line at y={y}"));
            }
        }
        for s in &l.symbols {
            if box_meets_shape(&r, s.shape, &s.rect) {
                return Err(format!("{name} covers the symbol of step {}", s.step + 1));
            }
        }
        for e in &l.ends {
            if box_meets_shape(&r, Shape::Terminator, &e.rect) {
                return Err(format!(
                    "{name} covers the end terminator of step {}",
                    e.step + 1
                ));
            }
        }
        for other in &l.labels[i + 1..] {
            let o = other.bounds();
            if r.x < o.right() && o.x < r.right() && r.y < o.bottom() && o.y < r.bottom() {
                return Err(format!("{name} covers label {:?}", other.text));
            }
        }
    }
    Ok(())
}

/// Do a horizontal and a vertical segment cross at a point inside both?
pub fn cross(a: Segment, b: Segment) -> bool {
    let (h, v) = if a.0.y == a.1.y { (a, b) } else { (b, a) };
    if h.0.y != h.1.y || v.0.x != v.1.x {
        return false;
    }
    let (x0, x1) = (h.0.x.min(h.1.x), h.0.x.max(h.1.x));
    let (y0, y1) = (v.0.y.min(v.1.y), v.0.y.max(v.1.y));
    x0 + EPS < v.0.x && v.0.x < x1 - EPS && y0 + EPS < h.0.y && h.0.y < y1 - EPS
}

/// The pairs (loop back, forward arrow) that cross, as 1-based step numbers.
pub fn loop_back_crossings(l: &Layout) -> Vec<((usize, usize), (usize, usize))> {
    let mut out = Vec::new();
    for back in l.arrows.iter().filter(|a| a.to <= a.from) {
        for forward in l.arrows.iter().filter(|a| a.to > a.from) {
            let meets =
                segments(&back.points).any(|p| segments(&forward.points).any(|q| cross(p, q)));
            if meets {
                out.push((
                    (back.from + 1, back.to + 1),
                    (forward.from + 1, forward.to + 1),
                ));
            }
        }
    }
    out
}

/// How far a free track keeps from a line running beside it: half the
/// router's distance between two tracks (8 px), so a "free" track squeezed
/// between two drawn lines is not one.
const TRACK_CLEARANCE: f64 = 4.0;

/// Do two vertical segments run side by side closer than
/// [`TRACK_CLEARANCE`] over a length (or two horizontal ones along one
/// line)?
fn beside(a: Segment, b: Segment) -> bool {
    let vertical = |s: Segment| s.0.x == s.1.x && s.0.y != s.1.y;
    if !(vertical(a) && vertical(b)) {
        return overlap(a, b);
    }
    let (a0, a1) = (a.0.y.min(a.1.y), a.0.y.max(a.1.y));
    let (b0, b1) = (b.0.y.min(b.1.y), b.0.y.max(b.1.y));
    (a.0.x - b.0.x).abs() < TRACK_CLEARANCE && a1.min(b1) - a0.max(b0) > EPS
}

/// `r` grown by `by` on every side.
fn grown(r: &Rect, by: f64) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

/// Does `seg` run clear of the drawing: through no symbol and no end
/// terminator, across no forward arrow, along or close beside no line?
fn clear_run(l: &Layout, seg: Segment) -> bool {
    let forward = |a: &&Arrow| a.within || a.to > a.from;
    l.symbols.iter().all(|s| !crosses(&s.rect, seg))
        && l.ends.iter().all(|e| !crosses(&e.rect, seg))
        && l.arrows
            .iter()
            .all(|a| segments(&a.points).all(|q| !(beside(seg, q) || forward(&a) && cross(seg, q))))
        && l.joins
            .iter()
            .all(|j| !beside(seg, (j.from, j.to)) && !cross(seg, (j.from, j.to)))
}

/// A loop back never crosses a forward arrow when a free channel exists
/// (issue 17, defect 2: Tidak 2 -> 1 crossed 1 -> 2 with an empty channel
/// beside them). For each loop back that crosses one, every vertical track
/// from the middle of a side of its source to the middle of a side of its
/// target (2 px apart across the drawing) must be blocked: its three runs
/// would cross a symbol or a forward arrow, run along a line, or run
/// closer than 4 px beside a vertical line.
pub fn loops_take_a_free_channel(l: &Layout) -> Result<(), String> {
    let forward = |a: &Arrow| a.within || a.to > a.from;
    for back in l
        .arrows
        .iter()
        .filter(|a| !a.within && !a.end && a.to <= a.from)
    {
        let crossed = l
            .arrows
            .iter()
            .filter(|a| forward(a))
            .find(|f| segments(&back.points).any(|p| segments(&f.points).any(|q| cross(p, q))));
        let Some(crossed) = crossed else {
            continue;
        };
        let (Some(&first), Some(&last)) = (back.points.first(), back.points.last()) else {
            continue;
        };
        let own = |step: usize, p: Point| {
            l.symbols
                .iter()
                .find(|s| s.step == step && on_outline(s.shape, &s.rect, p))
        };
        let (Some(s), Some(t)) = (own(back.from, first), own(back.to, last)) else {
            continue;
        };
        let (s, t) = (s.rect, t.rect);
        // Tracks run in the lanes, not over the No and Kegiatan columns.
        let lanes_left = l.lanes.first().map_or(l.width, |c| c.x);
        let lanes_right = l.lanes.last().map_or(0.0, |c| c.x + c.w);
        let mut x = lanes_left + 3.0;
        while x < lanes_right - 3.0 {
            let beside = |r: &Rect| x < r.x - 3.0 || x > r.right() + 3.0;
            if beside(&s) && beside(&t) {
                let edge = |r: &Rect| if x > r.cx() { r.right() } else { r.x };
                let (ys, yt) = (s.cy(), t.cy());
                let runs = [
                    (Point { x: edge(&s), y: ys }, Point { x, y: ys }),
                    (Point { x, y: ys }, Point { x, y: yt }),
                    (Point { x, y: yt }, Point { x: edge(&t), y: yt }),
                ];
                // The track itself keeps clear of every symbol, as a
                // router's track keeps off the symbols: one along a
                // symbol's edge (where arrows end) is no channel.
                let off_symbols = l
                    .symbols
                    .iter()
                    .map(|s| s.rect)
                    .chain(l.ends.iter().map(|e| e.rect))
                    .all(|r| !crosses(&grown(&r, TRACK_CLEARANCE), runs[1]));
                if off_symbols && runs.iter().all(|&r| r.0 == r.1 || clear_run(l, r)) {
                    return Err(format!(
                        "loop {}->{} crosses arrow {}->{} but a track at x={x} is free",
                        back.from + 1,
                        back.to + 1,
                        crossed.from + 1,
                        crossed.to + 1
                    ));
                }
            }
            x += 2.0;
        }
    }
    Ok(())
}

/// The properties that hold on any drawing, printed pages included.
pub fn check_drawing(l: &Layout) -> Result<(), String> {
    every_segment_is_orthogonal(l)?;
    every_arrow_joins_its_symbols(l)?;
    no_arrow_crosses_a_symbol(l)?;
    no_two_arrows_share_a_segment(l)?;
    labels_keep_clear(l)?;
    everything_fits(l)?;
    texts_fit(l)?;
    loops_take_a_free_channel(l)
}

pub fn check_all(sop: &Sop) -> Result<Layout, String> {
    let l = layout(sop);
    every_step_has_its_symbols(sop, &l)?;
    every_segment_is_orthogonal(&l)?;
    every_arrow_joins_its_symbols(&l)?;
    no_arrow_crosses_a_symbol(&l)?;
    no_two_arrows_share_a_segment(&l)?;
    arrows_match_edges(sop, &l)?;
    labels_keep_clear(&l)?;
    everything_fits(&l)?;
    texts_fit(&l)?;
    loops_take_a_free_channel(&l)?;
    Ok(l)
}

/// The two pentagons of each lettered pair sit in one lane (issue 17,
/// defect 5: A at the bottom of one page in one lane, its twin at the top
/// of the next in another).
pub fn twins_share_a_lane(pages: &[String]) -> Result<(), String> {
    let mut lanes: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for svg in pages {
        for g in svg.split("<g ").skip(1) {
            if !g.starts_with("class=\"alur-penghubung\"") {
                continue;
            }
            let head = &g[..g.find('>').unwrap_or(g.len())];
            let lane = attr(&format!(" {head}"), "data-lane")
                .unwrap_or("")
                .to_string();
            let mark = g
                .split("class=\"alur-nomor\"")
                .nth(1)
                .and_then(|t| t.split('>').nth(1))
                .and_then(|t| t.split('<').next())
                .unwrap_or("")
                .to_string();
            lanes.entry(mark).or_default().push(lane);
        }
    }
    for (mark, found) in &lanes {
        if found.len() != 2 || found[0] != found[1] {
            return Err(format!("pentagons {mark}: lanes {found:?}"));
        }
    }
    Ok(())
}

pub fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let end = element[start..].find('"')? + start;
    Some(&element[start..end])
}

pub fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(&open) {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}
