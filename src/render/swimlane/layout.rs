//! Layout: the plain geometry of a flowchart, computed from an SOP with no
//! drawing in it, so tests can assert on it.
//!
//! The drawing is the table of the SOP AP form: a "No" column, a "Kegiatan"
//! column with the wrapped activity text, then one column per pelaksana with
//! the wrapped role name as its header. Row i is step i; the step's symbol
//! sits in its lane(s), centred in the row. Every lane has the same width,
//! as on the form: wide enough for the symbols and for the deepest side
//! channel the routes need.

use super::arrows;
use super::labels::{Obstacles, label_box, label_width, place_labels};
use super::metrics::{text_width, wrap};
use super::route::{self, PlanSymbol, Route, Side};
use crate::model::{Sop, StepKind};

/// A point in SVG user units (px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// The five symbols of the form (arrows are [`Arrow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Capsule: mulai and selesai.
    Terminator,
    /// Rectangle: proses.
    Process,
    /// Diamond: keputusan.
    Decision,
    /// Pentagon: the off-page connector where a printed page breaks the flow.
    OffPage,
}

/// A step's symbol in one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    /// 0-based index into `Sop::steps`.
    pub step: usize,
    pub lane: usize,
    pub kind: StepKind,
    pub shape: Shape,
    pub rect: Rect,
    /// The text drawn inside instead of the step number (`simbol`), wrapped.
    pub text: Vec<String>,
}

/// An arrow as an orthogonal polyline from a point on its source symbol to a
/// point on its target symbol (or on an end terminator).
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// 0-based step indices; `to` is `from` for an arrow to an end
    /// terminator and for an arrow inside a berurutan row.
    pub from: usize,
    pub to: usize,
    pub points: Vec<Point>,
    pub is_no: bool,
    /// The branch ends the procedure: the arrow runs to an [`EndMark`].
    pub end: bool,
    /// An arrow between two symbols of one berurutan row.
    pub within: bool,
}

/// The small end terminator of a branch that ends the procedure (`selesai`
/// as a target), under the symbol the branch leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct EndMark {
    /// The step the branch leaves (0-based).
    pub step: usize,
    pub lane: usize,
    pub rect: Rect,
    /// The arrow (index into `Layout::arrows`) that runs into it.
    pub arrow: usize,
}

/// Which way a text runs from its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A branch label ("Ya", "Tidak" or the SOP's own) where a branch leaves its diamond.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    /// The arrow (index into `Layout::arrows`) it names.
    pub arrow: usize,
    /// Baseline position.
    pub at: Point,
    pub anchor: Anchor,
}

impl Label {
    /// The box its text covers, with room for a wider fallback font: the
    /// drawing puts its halo there, and nothing else may be inside it.
    pub fn bounds(&self) -> Rect {
        label_box(&self.text, self.at, self.anchor)
    }
}

/// A line joining the symbols of a step done in several lanes.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    pub step: usize,
    pub from: Point,
    pub to: Point,
}

/// Wrapped text of a table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The cell's box.
    pub rect: Rect,
    pub lines: Vec<String>,
}

/// A column of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub x: f64,
    pub w: f64,
}

/// A row of the table: one step.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub y: f64,
    pub h: f64,
    /// Kegiatan, wrapped to the column.
    pub kegiatan: Cell,
    /// On a printed page: Mutu Baku (Kelengkapan, Waktu, Output) and
    /// Keterangan, wrapped to their columns; empty on screen.
    pub mutu: Vec<Cell>,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub number_column: Column,
    pub kegiatan_column: Column,
    pub lanes: Vec<Column>,
    /// On a printed page, right of the lanes as on the form: Kelengkapan,
    /// Waktu, Output (under one "Mutu Baku" band) and Keterangan; empty on
    /// screen, where the steps table beside the drawing holds them.
    pub mutu_columns: Vec<Column>,
    /// The lane headers (role names, wrapped), one per lane.
    pub lane_headers: Vec<Cell>,
    /// Top of the table and the heights of the two header rows (the
    /// "Pelaksana" band over the lanes, then the role names).
    pub top: f64,
    pub header_heights: (f64, f64),
    pub rows: Vec<Row>,
    pub symbols: Vec<Symbol>,
    pub arrows: Vec<Arrow>,
    pub labels: Vec<Label>,
    pub joins: Vec<Join>,
    /// End terminators of branches that end the procedure.
    pub ends: Vec<EndMark>,
}

// Sizes in px. The text sizes match the stylesheet in svg.rs.
pub(crate) const FONT: f64 = 12.0;
pub(crate) const LINE: f64 = 15.0;
pub(crate) const HEADER_FONT: f64 = 11.0;
pub(crate) const HEADER_LINE: f64 = 13.0;
pub(crate) const LABEL_FONT: f64 = 11.0;
/// From a symbol (a side exit) or from an arrow's line (a bottom exit) to
/// its label, and from a label to the lane border.
pub(super) const LABEL_GAP_SIDE: f64 = 4.0;
const LABEL_GAP_DOWN: f64 = 5.0;
const LABEL_PAD: f64 = 4.0;
/// How much further out a label moves when its first places are taken.
pub(super) const LABEL_STEP: f64 = 13.0;
const MARGIN: f64 = 1.0;
const NUMBER_W: f64 = 34.0;
const KEGIATAN_W: f64 = 220.0;
const CELL_PAD: f64 = 7.0;
const MIN_LANE_W: f64 = 112.0;
/// The printed form's Kelengkapan, Waktu, Output and Keterangan columns.
const MUTU_W: [f64; 4] = [150.0, 70.0, 120.0, 110.0];
const HEADER1_H: f64 = 22.0;
/// Room above and below a symbol in its row: for the "Ya" label under a
/// diamond and the dog-leg of a down arrow.
const ROW_PAD: f64 = 20.0;
/// Where a dog-leg (or an arrow coming in at the top) runs below the line
/// between two rows, and where an arrow leaving at the bottom for a side
/// channel runs above it.
pub(super) const DOGLEG: f64 = 7.0;
pub(super) const EXIT: f64 = 7.0;
/// Where a route over two gutters crosses the upper margin of its
/// target's row: below the dog-legs, above the symbols.
pub(super) const CROSS: f64 = 13.0;
/// Distance between the ends spread over one side of a symbol.
pub(super) const PORT_GAP: f64 = 10.0;
/// From a symbol's zone to its first track, between tracks, and from the
/// last track to the lane line.
pub(super) const TRACK_PAD: f64 = 10.0;
pub(super) const TRACK_GAP: f64 = 8.0;
const LINE_PAD: f64 = 6.0;
const RECT_W: f64 = 60.0;
const RECT_H: f64 = 30.0;
const DIAMOND_W: f64 = 64.0;
const DIAMOND_H: f64 = 44.0;
/// Between the levels of a berurutan row that comes back to a lane.
pub(super) const LEVEL_GAP: f64 = 26.0;
/// The end terminator of a branch: its height, the gap above it, and how
/// far beside the symbol its arrow comes down.
pub(crate) const END_H: f64 = 20.0;
pub(super) const END_GAP: f64 = 8.0;
pub(super) const END_SIDE: f64 = 8.0;
/// The text in an end terminator and inside a symbol (`simbol`).
pub(crate) const END_FONT: f64 = 9.0;
pub(crate) const SIMBOL_FONT: f64 = 10.0;
pub(crate) const SIMBOL_LINE: f64 = 11.0;
/// Where the off-page pentagon's sides start to slant, as a share of its height.
pub(crate) const OFFPAGE_SHOULDER: f64 = 0.6;

/// Rounds to one decimal, the precision of the SVG, so the geometry tested
/// is exactly the geometry drawn.
pub(crate) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn shape_of(kind: StepKind) -> Shape {
    match kind {
        StepKind::Mulai | StepKind::Selesai => Shape::Terminator,
        StepKind::Proses => Shape::Process,
        StepKind::Keputusan => Shape::Decision,
    }
}

/// Size of a symbol that must hold `ports` ends on one side and the
/// `text` lines of a `simbol`.
fn symbol_size(shape: Shape, ports: usize, text: &[String]) -> (f64, f64) {
    let spread = ports.saturating_sub(1) as f64 * PORT_GAP;
    let tw = text
        .iter()
        .map(|l| text_width(l, SIMBOL_FONT, false))
        .fold(0.0, f64::max);
    let th = text.len() as f64 * SIMBOL_LINE;
    match shape {
        Shape::Process | Shape::OffPage => (
            RECT_W.max((tw + 12.0).ceil()),
            RECT_H.max(spread + 14.0).max((th + 10.0).ceil()),
        ),
        Shape::Terminator => {
            let h = RECT_H.max(spread + 14.0).max((th + 10.0).ceil());
            // Keep a straight middle so the ends stay round.
            (RECT_W.max(h + 24.0).max((tw + h).ceil()), h)
        }
        // The outermost end must meet the diamond well away from its top
        // and bottom corners; a text fits in the diamond's inner box.
        Shape::Decision => (
            DIAMOND_W.max((2.0 * (tw + 8.0)).ceil()),
            DIAMOND_H
                .max(spread * 1.6 + 8.0)
                .max((2.0 * (th + 4.0)).ceil()),
        ),
    }
}

/// The lines of a `simbol` text inside a symbol.
fn simbol_lines(text: Option<&str>) -> Vec<String> {
    text.map(|t| wrap(t, 72.0, SIMBOL_FONT, false))
        .unwrap_or_default()
}

/// Where a horizontal line at `y` meets the `side` of a symbol.
pub(super) fn side_x(shape: Shape, rect: &Rect, side: Side, y: f64) -> f64 {
    let half_w = rect.w / 2.0;
    let dy = (y - rect.cy()).abs();
    let reach = match shape {
        Shape::Process => half_w,
        // Straight sides down to the shoulder, then slanting to the point.
        Shape::OffPage => {
            let shoulder = rect.y + rect.h * OFFPAGE_SHOULDER;
            if y <= shoulder {
                half_w
            } else {
                half_w * ((rect.bottom() - y) / (rect.bottom() - shoulder)).max(0.0)
            }
        }
        Shape::Terminator => {
            let r = rect.h / 2.0;
            half_w - r + (r * r - dy * dy).max(0.0).sqrt()
        }
        Shape::Decision => half_w * (1.0 - dy / (rect.h / 2.0)).max(0.0),
    };
    match side {
        Side::Left => rect.cx() - reach,
        Side::Right => rect.cx() + reach,
    }
}

/// Lays out the flowchart of `sop`: a pure function of its lanes and steps.
pub fn layout(sop: &Sop) -> Layout {
    layout_with(sop, &[], false)
}

/// [`layout`], with the steps flagged in `offpage` drawn as off-page
/// connectors (a printed page's link to a step on another page), and with
/// the Mutu Baku and Keterangan columns of the form when `mutu`.
pub(crate) fn layout_with(sop: &Sop, offpage: &[bool], mutu: bool) -> Layout {
    let shape_at = |i: usize, kind: StepKind| {
        if offpage.get(i).copied().unwrap_or(false) {
            Shape::OffPage
        } else {
            shape_of(kind)
        }
    };
    let plan = route::plan(sop);
    let lane_count = plan.lane_count;
    let n = sop.steps.len();

    // Symbol sizes, from how many ends share a side.
    // A side a berurutan row's own arrow uses keeps its middle for it.
    let slots = |step: usize, lane: usize, side: Side| {
        let list = plan
            .ends
            .get(&(step, lane, side))
            .map_or(&[][..], Vec::as_slice);
        let count = list.len();
        if count > 0 && plan.inner_sides.contains(&(step, lane, side)) {
            // Those going up above it, the others below.
            let up = route::ends_going_up(step, list);
            2 * up.max(count - up) + 1
        } else {
            count
        }
    };
    let ports_of = |step: usize, lane: usize| {
        slots(step, lane, Side::Left).max(slots(step, lane, Side::Right))
    };
    let mut zone: f64 = RECT_W.max(DIAMOND_W);
    let mut sizes: Vec<Vec<(f64, f64)>> = Vec::with_capacity(n);
    let mut texts: Vec<Vec<String>> = Vec::with_capacity(n);
    let end_text = end_word(sop);
    let end_w = (text_width(end_text, END_FONT, false) + 14.0)
        .max(36.0)
        .ceil();
    for (i, step) in sop.steps.iter().enumerate() {
        let text = if offpage.get(i).copied().unwrap_or(false) {
            Vec::new()
        } else {
            simbol_lines(step.simbol.as_deref())
        };
        let row_sizes: Vec<(f64, f64)> = plan.symbols[i]
            .iter()
            .enumerate()
            .map(|(j, sym)| {
                let text = if simbol_on(plan.sequence[i], j, plan.symbols[i].len()) {
                    &text[..]
                } else {
                    &[]
                };
                symbol_size(shape_at(i, sym.kind), ports_of(i, sym.lane), text)
            })
            .collect();
        for &(w, _) in &row_sizes {
            zone = zone.max(w);
        }
        // An end terminator hangs beside the line a down arrow takes from
        // the symbol's middle, inside the symbol's zone.
        if plan.end_tiers[i] > 0 {
            for &(w, _) in &row_sizes {
                zone = zone.max(2.0 * (w / 2.0 + END_SIDE + end_w / 2.0 + 2.0));
            }
        }
        sizes.push(row_sizes);
        texts.push(text);
    }

    // Branch labels: the room each needs from the centre line of the lane
    // it leaves, so none reaches a lane border. A lane grows for its own
    // labels only, so one long label ("Tidak berkenan") does not widen
    // every lane of the drawing.
    let mut label_reach = vec![0.0_f64; lane_count];
    // Half the width of the step's own symbol in the lane (a side label
    // starts beside it; the zone may be wider, for an end terminator).
    let own_half = |step: usize, lane: usize| {
        plan.symbols[step]
            .iter()
            .zip(&sizes[step])
            .filter(|(sym, _)| sym.lane == lane)
            .map(|(_, &(w, _))| w / 2.0)
            .fold(0.0, f64::max)
    };
    for e in &plan.edges {
        let Some(text) = e.label.as_deref() else {
            continue;
        };
        let w = label_width(text);
        let (lane, reach) = match e.route {
            Route::Channel {
                from_lane,
                from_port,
                ..
            } if from_port.side().is_some() => (
                from_lane,
                own_half(e.from, from_lane) + LABEL_GAP_SIDE + w + LABEL_PAD,
            ),
            Route::Channel { from_lane, .. } | Route::Down { from_lane, .. } => {
                (from_lane, LABEL_GAP_DOWN + w + LABEL_PAD)
            }
            // Over the stub to an end terminator beside the symbol.
            Route::End {
                lane,
                side: Some(_),
                ..
            } => (
                lane,
                own_half(e.from, lane) + LABEL_GAP_SIDE + w + LABEL_PAD,
            ),
            Route::End { lane, .. } => (lane, LABEL_GAP_DOWN + w + LABEL_PAD),
        };
        if let Some(r) = label_reach.get_mut(lane) {
            *r = r.max(reach);
        }
    }

    // Columns: every lane as wide as the symbols and the deepest channel
    // need, wider where its labels need it.
    let half_channel = TRACK_PAD + plan.tracks.saturating_sub(1) as f64 * TRACK_GAP + LINE_PAD;
    let base_w = MIN_LANE_W.max(zone + 2.0 * half_channel).ceil();
    let number_column = Column {
        x: MARGIN,
        w: NUMBER_W,
    };
    let kegiatan_column = Column {
        x: MARGIN + NUMBER_W,
        w: KEGIATAN_W,
    };
    let lanes_x = kegiatan_column.x + KEGIATAN_W;
    let lanes: Vec<Column> = label_reach
        .iter()
        .scan(lanes_x, |x, &reach| {
            let w = base_w.max((2.0 * reach).ceil());
            let column = Column { x: *x, w };
            *x += w;
            Some(column)
        })
        .collect();
    let mutu_x = lanes.last().map_or(lanes_x, |c| c.x + c.w);
    let mutu_columns: Vec<Column> = if mutu {
        MUTU_W
            .iter()
            .scan(mutu_x, |x, &w| {
                let column = Column { x: *x, w };
                *x += w;
                Some(column)
            })
            .collect()
    } else {
        Vec::new()
    };
    let width = mutu_columns.last().map_or(mutu_x, |c| c.x + c.w) + MARGIN;
    let lane_cx = |k: usize| lanes.get(k).map_or(lanes_x, |c| c.x + c.w / 2.0);

    // Header: the "Pelaksana" band, then the role names wrapped in their lanes.
    let top = MARGIN;
    let names: Vec<Vec<String>> = (0..lane_count)
        .map(|k| {
            // judul_lajur: the nama, or the singkatan many forms print.
            let name = sop.lanes.get(k).map(|l| sop.lane_header(l));
            let w = lanes.get(k).map_or(base_w, |c| c.w);
            wrap(
                name.as_deref().unwrap_or(""),
                w - 2.0 * CELL_PAD,
                HEADER_FONT,
                true,
            )
        })
        .collect();
    let max_lines = names.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let header2 = (max_lines as f64 * HEADER_LINE + 2.0 * CELL_PAD).ceil();
    let lane_headers: Vec<Cell> = names
        .into_iter()
        .enumerate()
        .map(|(k, lines)| Cell {
            rect: Rect {
                x: lanes[k].x,
                y: top + HEADER1_H,
                w: lanes[k].w,
                h: header2,
            },
            lines,
        })
        .collect();

    // Rows: tall enough for the wrapped Kegiatan and the tallest symbol.
    let mut rows = Vec::with_capacity(n);
    let mut y = top + HEADER1_H + header2;
    for (i, step) in sop.steps.iter().enumerate() {
        let lines = wrap(&step.kegiatan, KEGIATAN_W - 2.0 * CELL_PAD, FONT, false);
        let text_h = lines.len().max(1) as f64 * LINE + 2.0 * CELL_PAD;
        let symbol_h = block_height(&plan.symbols[i], &sizes[i]);
        let extra = plan.end_tiers[i] as f64 * (END_H + END_GAP);
        let mutu_lines: Vec<Vec<String>> = if mutu_columns.is_empty() {
            Vec::new()
        } else {
            let waktu = step.waktu.as_ref().map(|w| w.shown());
            [
                wrap_items(&step.kelengkapan, MUTU_W[0]),
                wrap_items(waktu.as_slice(), MUTU_W[1]),
                wrap_items(step.output.as_slice(), MUTU_W[2]),
                wrap_items(step.keterangan.as_slice(), MUTU_W[3]),
            ]
            .into()
        };
        let mutu_h = mutu_lines
            .iter()
            .map(|lines| lines.len() as f64 * LINE + 2.0 * CELL_PAD)
            .fold(0.0, f64::max);
        let h = text_h
            .max(mutu_h)
            .max(symbol_h + 2.0 * ROW_PAD + extra)
            .ceil();
        let mutu = mutu_lines
            .into_iter()
            .zip(&mutu_columns)
            .map(|(lines, c)| Cell {
                rect: Rect {
                    x: c.x,
                    y,
                    w: c.w,
                    h,
                },
                lines,
            })
            .collect();
        rows.push(Row {
            y,
            h,
            kegiatan: Cell {
                rect: Rect {
                    x: kegiatan_column.x,
                    y,
                    w: KEGIATAN_W,
                    h,
                },
                lines,
            },
            mutu,
        });
        y += h;
    }
    let height = y + MARGIN;

    // Symbols, centred in their cells; the levels of a berurutan row one
    // under the other, and room under them for end terminators.
    let mut symbols = Vec::new();
    let mut row_symbols: Vec<Vec<usize>> = Vec::with_capacity(n);
    for i in 0..n {
        let row = &rows[i];
        let extra = plan.end_tiers[i] as f64 * (END_H + END_GAP);
        let level_h = level_heights(&plan.symbols[i], &sizes[i]);
        let block_h = block_height(&plan.symbols[i], &sizes[i]);
        let top = row.y + (row.h - extra - block_h) / 2.0;
        let mut own = Vec::with_capacity(plan.symbols[i].len());
        let count = plan.symbols[i].len();
        for (j, (sym, &(w, h))) in plan.symbols[i].iter().zip(&sizes[i]).enumerate() {
            let above: f64 = level_h[..sym.level].iter().map(|h| h + LEVEL_GAP).sum();
            let cy = top + above + level_h[sym.level] / 2.0;
            own.push(symbols.len());
            symbols.push(Symbol {
                step: i,
                lane: sym.lane,
                kind: sym.kind,
                shape: shape_at(i, sym.kind),
                rect: Rect {
                    x: round1(lane_cx(sym.lane) - w / 2.0),
                    y: round1(cy - h / 2.0),
                    w,
                    h,
                },
                text: if simbol_on(plan.sequence[i], j, count) {
                    texts[i].clone()
                } else {
                    Vec::new()
                },
            });
        }
        row_symbols.push(own);
    }
    // Joint steps: a line between neighbouring symbols of the step.
    let mut joins = Vec::new();
    for (i, own) in row_symbols.iter().enumerate() {
        if plan.sequence[i] {
            continue;
        }
        for pair in own.windows(2) {
            let (a, b) = (&symbols[pair[0]], &symbols[pair[1]]);
            let y = round1(a.rect.cy());
            joins.push(Join {
                step: i,
                from: Point {
                    x: round1(side_x(a.shape, &a.rect, Side::Right, y)),
                    y,
                },
                to: Point {
                    x: round1(side_x(b.shape, &b.rect, Side::Left, y)),
                    y,
                },
            });
        }
    }

    let (arrows, pending, ends) = arrows::draw(&arrows::Placed {
        plan: &plan,
        symbols: &symbols,
        row_symbols: &row_symbols,
        rows: &rows,
        lanes: &lanes,
        lanes_x,
        zone,
        end_w,
    });
    let end_marks: Vec<Rect> = ends.iter().map(|e| e.rect).collect();
    let labels = place_labels(
        pending,
        &Obstacles {
            arrows: &arrows,
            joins: &joins,
            symbols: &symbols,
            end_marks: &end_marks,
            lanes: &lanes,
            rows: &rows,
        },
    );

    Layout {
        width: round1(width),
        height: round1(height),
        number_column,
        kegiatan_column,
        lanes,
        mutu_columns,
        lane_headers,
        top,
        header_heights: (HEADER1_H, header2),
        rows,
        symbols,
        arrows,
        labels,
        joins,
        ends,
    }
}

/// Whether symbol `j` of a step shows its `simbol` text: every symbol of a
/// joint step, the last one (where the row decides or ends) of a berurutan
/// row; the others show the number.
fn simbol_on(sequence: bool, j: usize, count: usize) -> bool {
    !sequence || j + 1 == count
}

/// The word in an end terminator, for its width: the layout is the same
/// in both languages, sized for the Indonesian word, the longer one.
fn end_word(_sop: &Sop) -> &'static str {
    crate::i18n::FlowchartStrings::of(crate::config::Language::Id).end_mark
}

/// The height of each level of a row's symbols.
fn level_heights(symbols: &[PlanSymbol], sizes: &[(f64, f64)]) -> Vec<f64> {
    let levels = symbols.iter().map(|s| s.level + 1).max().unwrap_or(1);
    let mut heights = vec![0.0f64; levels];
    for (sym, &(_, h)) in symbols.iter().zip(sizes) {
        heights[sym.level] = heights[sym.level].max(h);
    }
    heights
}

/// The height of a row's symbols, levels and gaps included.
fn block_height(symbols: &[PlanSymbol], sizes: &[(f64, f64)]) -> f64 {
    let heights = level_heights(symbols, sizes);
    heights.iter().sum::<f64>() + (heights.len() - 1) as f64 * LEVEL_GAP
}

/// The lines of a Mutu Baku cell: one item as it is, several as a list.
fn wrap_items<S: AsRef<str>>(items: &[S], column_w: f64) -> Vec<String> {
    let max = column_w - 2.0 * CELL_PAD;
    if let [only] = items {
        return wrap(only.as_ref(), max, FONT, false);
    }
    items
        .iter()
        .flat_map(|item| {
            let mut lines = wrap(item.as_ref(), max - BULLET_W, FONT, false);
            for (i, line) in lines.iter_mut().enumerate() {
                // A hanging indent, so a continuation line does not read as
                // a new item; no-break spaces, as SVG collapses plain ones.
                let lead = if i == 0 { "- " } else { "\u{a0}\u{a0}" };
                line.insert_str(0, lead);
            }
            lines
        })
        .collect()
}

/// Room for the "- " of a list item.
const BULLET_W: f64 = 10.0;
