//! Flowchart figures told apart by their shape: a capsule (terminator), a
//! box (process), a diamond (decision), a pentagon (off-page connector), a
//! circle (on-page connector), a small filled triangle (an arrowhead); and
//! the straight pieces arrows are drawn with.

use super::page::{Shape, Subpath, bbox};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Terminator,
    Process,
    Decision,
    OffPage,
    Connector,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub kind: SymbolKind,
    /// (min x, min y, max x, max y)
    pub bbox: (f64, f64, f64, f64),
}

impl Symbol {
    pub fn center(&self) -> (f64, f64) {
        (
            (self.bbox.0 + self.bbox.2) / 2.0,
            (self.bbox.1 + self.bbox.3) / 2.0,
        )
    }
    /// `p` on or inside the outline, `slack` points around it included.
    pub fn touches(&self, p: (f64, f64), slack: f64) -> bool {
        p.0 >= self.bbox.0 - slack
            && p.0 <= self.bbox.2 + slack
            && p.1 >= self.bbox.1 - slack
            && p.1 <= self.bbox.3 + slack
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Head {
    pub tip: (f64, f64),
    /// The middle of the side opposite the tip: where the line meets it.
    pub base: (f64, f64),
}

/// A straight piece of a line.
pub type Segment = ((f64, f64), (f64, f64));

/// The figures of a page.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub symbols: Vec<Symbol>,
    pub heads: Vec<Head>,
    pub segments: Vec<Segment>,
}

/// Vertices without repeats (a closing point equal to the first dropped).
fn corners(sub: &Subpath) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for &p in &sub.points {
        if out.last().is_none_or(|&q| dist(p, q) > 0.3) {
            out.push(p);
        }
    }
    if out.len() > 2 && dist(out[0], *out.last().expect("len > 2")) < 0.3 {
        out.pop();
    }
    out
}

pub fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Reads the figures out of a page's shapes.
pub fn figures(shapes: &[Shape]) -> Figures {
    let mut f = Figures::default();
    for shape in shapes {
        // A filled ring is an outer and an inner outline: the outer one is
        // the figure.
        let Some(outer) = shape.subpaths.iter().max_by(|a, b| {
            let area = |s: &Subpath| {
                let (x0, y0, x1, y1) = s.bbox();
                (x1 - x0) * (y1 - y0)
            };
            area(a).total_cmp(&area(b))
        }) else {
            continue;
        };
        let (x0, y0, x1, y1) = outer.bbox();
        let (w, h) = (x1 - x0, y1 - y0);
        let pts = corners(outer);
        let closed_like = outer.closed
            || shape.filled
            || (pts.len() > 2
                && dist(outer.points[0], *outer.points.last().expect("points")) < 0.5);
        if shape.filled && pts.len() == 3 && w.max(h) <= 16.0 && outer.curves == 0 {
            f.heads.push(head(&pts));
            continue;
        }
        // A shape only filled, with one outline, is a background (behind
        // a label, a lane's shading): symbols are stroked, or filled rings.
        let background = shape.filled && !shape.stroked && shape.subpaths.len() == 1;
        if closed_like && !background && w >= 8.0 && h >= 5.0 && w < 250.0 && h < 150.0 {
            let kind = if outer.curves >= 2 {
                Some(if (w - h).abs() < 0.15 * w.max(h) {
                    SymbolKind::Connector
                } else {
                    SymbolKind::Terminator
                })
            } else if pts.len() == 4 {
                let axis = pts
                    .iter()
                    .zip(pts.iter().cycle().skip(1))
                    .all(|(a, b)| (a.0 - b.0).abs() < 0.5 || (a.1 - b.1).abs() < 0.5);
                if axis {
                    // A thin one is a ruling line drawn as a rectangle.
                    (w > 2.5 && h > 2.5).then_some(SymbolKind::Process)
                } else {
                    Some(SymbolKind::Decision)
                }
            } else if pts.len() == 5 {
                Some(SymbolKind::OffPage)
            } else {
                None
            };
            if let Some(kind) = kind {
                let b = bbox(&outer.points);
                // A figure filled then stroked is drawn twice: one symbol.
                let same = f.symbols.iter().any(|s| {
                    (s.bbox.0 - b.0).abs() < 2.0
                        && (s.bbox.1 - b.1).abs() < 2.0
                        && (s.bbox.2 - b.2).abs() < 2.0
                        && (s.bbox.3 - b.3).abs() < 2.0
                });
                if !same {
                    f.symbols.push(Symbol { kind, bbox: b });
                }
                continue;
            }
        }
        // Lines: stroked pieces, and thin filled rectangles.
        if shape.filled
            && !shape.stroked
            && pts.len() == 4
            && outer.curves == 0
            && (w < 2.5 || h < 2.5)
        {
            if w < h {
                let x = (x0 + x1) / 2.0;
                f.segments.push(((x, y0), (x, y1)));
            } else {
                let y = (y0 + y1) / 2.0;
                f.segments.push(((x0, y), (x1, y)));
            }
            continue;
        }
        if shape.stroked {
            for sub in &shape.subpaths {
                for pair in sub.points.windows(2) {
                    f.segments.push((pair[0], pair[1]));
                }
            }
        }
    }
    f
}

/// The tip of an arrowhead is the corner farthest from the other two.
fn head(pts: &[(f64, f64)]) -> Head {
    let score = |i: usize| {
        let p = pts[i];
        pts.iter().map(|&q| dist(p, q)).sum::<f64>()
    };
    let tip_i = (0..3)
        .max_by(|&a, &b| score(a).total_cmp(&score(b)))
        .unwrap_or(0);
    let others: Vec<(f64, f64)> = (0..3).filter(|&i| i != tip_i).map(|i| pts[i]).collect();
    Head {
        tip: pts[tip_i],
        base: (
            (others[0].0 + others[1].0) / 2.0,
            (others[0].1 + others[1].1) / 2.0,
        ),
    }
}

/// An arrow traced back from its head: the point where it starts and every
/// piece it is drawn with.
#[derive(Debug, Clone)]
pub struct Trace {
    pub tail: (f64, f64),
    pub tip: (f64, f64),
    pub path: Vec<Segment>,
}

/// Follows the pieces joined end to end from `head` back to where the line
/// starts. The line meets the head at its base or runs to its tip. Where
/// lines meet end to end (two arrows drawn into one point, their heads on
/// top of each other), every branch is followed: one trace per start.
pub fn trace(head: &Head, segments: &[Segment]) -> Vec<Trace> {
    let mut used = vec![false; segments.len()];
    let near = |p: (f64, f64), q: (f64, f64), d: f64| dist(p, q) <= d;
    // The piece meeting the head's base; else one running to its tip (a
    // line drawn under its head). The base first: another arrow may start
    // where this one's tip touches a symbol.
    let mut starts: Vec<(usize, (f64, f64))> = Vec::new();
    for (reach, to_tip) in [(2.5, false), (1.5, true)] {
        for (i, &(a, b)) in segments.iter().enumerate() {
            for (end, other) in [(a, b), (b, a)] {
                let meets = if to_tip {
                    near(end, head.tip, reach)
                } else {
                    near(end, head.base, reach)
                };
                // Not the head's own outline, nor a piece shorter than it.
                if meets
                    && dist(end, other) > 1.0
                    && !(near(other, head.tip, 1.5) || near(other, head.base, 1.5))
                {
                    starts.push((i, other));
                    break;
                }
            }
        }
        if !starts.is_empty() {
            break;
        }
    }
    for &(i, _) in &starts {
        used[i] = true;
    }
    let mut out = Vec::new();
    for (first, point) in starts {
        let mut path = vec![segments[first]];
        walk(head.tip, point, &mut path, &mut used, segments, &mut out);
    }
    out
}

/// One step of [`trace`]: every unused piece joined at `point`, depth first.
fn walk(
    tip: (f64, f64),
    point: (f64, f64),
    path: &mut Vec<Segment>,
    used: &mut [bool],
    segments: &[Segment],
    out: &mut Vec<Trace>,
) {
    let next: Vec<(usize, (f64, f64))> = segments
        .iter()
        .enumerate()
        .filter(|&(i, _)| !used[i])
        .filter_map(|(i, &(a, b))| {
            if dist(a, point) <= 1.2 {
                Some((i, b))
            } else if dist(b, point) <= 1.2 {
                Some((i, a))
            } else {
                None
            }
        })
        .collect();
    if next.is_empty() || path.len() >= 64 || out.len() >= 16 {
        out.push(Trace {
            tail: point,
            tip,
            path: path.clone(),
        });
        return;
    }
    for &(i, _) in &next {
        used[i] = true;
    }
    for (i, other) in next {
        path.push(segments[i]);
        walk(tip, other, path, used, segments, out);
        path.pop();
    }
}

/// Distance from `p` to the segment `s`.
pub fn to_segment(p: (f64, f64), s: Segment) -> f64 {
    let ((ax, ay), (bx, by)) = s;
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - ax) * dx + (p.1 - ay) * dy) / len2).clamp(0.0, 1.0)
    };
    dist(p, (ax + t * dx, ay + t * dy))
}
