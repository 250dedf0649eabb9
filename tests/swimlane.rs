//! The flowchart: geometry properties on realistic SOPs and on hundreds of
//! random ones, the SVG markup contract of FORMAT.md, and snapshots.

use std::path::PathBuf;

use lajur::config::Language;
use lajur::diagnostic::Pos;
use lajur::model::{Alur, Flow, Lane, Sop, Step, StepKind, Target, slug::slugify};
use lajur::render::swimlane::metrics::text_width;
use lajur::render::swimlane::{
    Arrow, Layout, Point, Rect, Shape, Symbol, layout, print_page_layouts, render_print_pages,
    render_svg,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Building SOPs in code.

/// How a step leads on, in the words of the form.
#[derive(Clone, Copy)]
enum Go {
    /// The next step (or nothing after selesai).
    Next,
    /// lanjut: 1-based step number.
    Lanjut(usize),
    /// A decision: ya and tidak as 1-based step numbers.
    Decide(usize, usize),
}

fn sop(nama: &str, lanes: &[&str], steps: &[(&str, &[usize], Go)]) -> Sop {
    let n = steps.len();
    let steps = steps
        .iter()
        .enumerate()
        .map(|(i, &(kegiatan, lanes, go))| {
            let (kind, flow) = match go {
                Go::Decide(ya, tidak) => (
                    StepKind::Keputusan,
                    Flow::Decision {
                        ya: Target::step(ya - 1),
                        tidak: Target::step(tidak - 1),
                        label_ya: "Ya".into(),
                        label_tidak: "Tidak".into(),
                    },
                ),
                Go::Lanjut(to) => (kind_at(i, n), Flow::next(Some(to - 1))),
                Go::Next => (kind_at(i, n), Flow::next((i + 1 < n).then_some(i + 1))),
            };
            step(i, kegiatan, lanes.to_vec(), kind, flow)
        })
        .collect();
    Sop {
        lanes: lanes.iter().map(|n| lane(n)).collect(),
        steps,
        ..empty_sop(nama)
    }
}

fn kind_at(i: usize, n: usize) -> StepKind {
    if i == 0 {
        StepKind::Mulai
    } else if i + 1 == n {
        StepKind::Selesai
    } else {
        StepKind::Proses
    }
}

fn lane(nama: &str) -> Lane {
    Lane {
        nama: nama.to_string(),
        singkatan: None,
        slug: slugify(nama),
    }
}

fn step(i: usize, kegiatan: &str, lanes: Vec<usize>, kind: StepKind, flow: Flow) -> Step {
    Step {
        number: i + 1,
        id: None,
        kegiatan: kegiatan.to_string(),
        lanes,
        kind,
        flow,
        kelengkapan: Vec::new(),
        waktu: None,
        output: None,
        keterangan: None,
        pos: Pos::default(),
        no: (i + 1).to_string(),
        ..Step::default()
    }
}

fn empty_sop(nama: &str) -> Sop {
    Sop {
        file: PathBuf::from("content/contoh.yaml"),
        path: "contoh".into(),
        nomor: "SOP-01".into(),
        nama: nama.into(),
        ..Sop::default()
    }
}

/// SOP-04/BPKPAD Balangan (seeds/): five lanes, nine steps, the correction
/// at step 7 sends the draft back to step 6 when it is not right.
fn balangan() -> Sop {
    sop(
        "SOP Tehnis Perencanaan Kinerja",
        &[
            "Sekretaris",
            "Kepala Bidang",
            "Kasubbag Perencanaan dan Keuangan",
            "Kepala Seksi",
            "Staf Penyusun Evaluasi Kinerja",
        ],
        &[
            (
                "Disposisi kepada kasubag Renkeu untuk melaksanakan penyusunan RKT",
                &[0],
                Go::Next,
            ),
            ("Perencanaan melakukan penyusunan RKT", &[2], Go::Next),
            ("Rapat sosialisasi pengisian form RKT", &[1, 2, 3], Go::Next),
            ("Mengisi form RKT", &[3], Go::Next),
            (
                "Mensosialisasikan Form RKT yang sudah diisi oleh semua bidang",
                &[2],
                Go::Next,
            ),
            (
                "Mengkompilasikan form RKT dari masing-masing bidang",
                &[4],
                Go::Next,
            ),
            ("Koreksi draft RKT", &[1], Go::Decide(8, 6)),
            ("Menerima dan menandatangani RKT", &[0], Go::Next),
            ("Pengarsipan RKT", &[4], Go::Next),
        ],
    )
}

/// SOP-070/Setda Banjarbaru (seeds/): eleven steps, two corrections that
/// both send the draft back to step 6.
fn banjarbaru() -> Sop {
    sop(
        "Penyusunan Rencana Kinerja Tahunan",
        &[
            "Kepala Sub Bagian Perencanaan",
            "Pelaksana",
            "Sekretaris Daerah",
            "Kepala Bagian Umum",
            "Asisten III",
        ],
        &[
            (
                "Melaksanakan koordinasi dengan masing-masing bagian dan meminta data usulan kegiatan",
                &[0],
                Go::Next,
            ),
            (
                "Menerima data usulan dari masing-masing bagian",
                &[1],
                Go::Next,
            ),
            (
                "Mengundang Seluruh Kabag dan Kasubbag untuk rapat pembahasan Rencana Kinerja Tahunan",
                &[0],
                Go::Next,
            ),
            (
                "Melaksanakan rapat koordinasi perihal penetapan prioritas program dan target program/ kegiatan",
                &[0, 3],
                Go::Next,
            ),
            (
                "Menghimpun data dan informasi dari masing-masing bagian",
                &[1],
                Go::Next,
            ),
            ("Membuat konsep Rencana Kinerja Tahunan", &[1], Go::Next),
            (
                "Mengoreksi dan memberi paraf draft Rencana Kinerja Tahunan",
                &[3],
                Go::Decide(8, 6),
            ),
            (
                "Mengoreksi dan memberi paraf draft Rencana Kinerja Tahunan",
                &[4],
                Go::Decide(9, 6),
            ),
            (
                "Menyusun Draft Akhir Rencana Kinerja Tahunan",
                &[1],
                Go::Next,
            ),
            (
                "Menandatangani dokumen Rencana Kinerja Tahunan",
                &[2],
                Go::Next,
            ),
            (
                "Menggandakan, membukukan dan mengarsipkan dokumen Rencana Kinerja Tahunan",
                &[1],
                Go::Next,
            ),
        ],
    )
}

/// A made-up SOP with what the seeds lack: a forward skip, a lanjut
/// upwards, a decision whose Ya skips ahead, long words in narrow lanes.
fn tricky() -> Sop {
    sop(
        "Pertanggungjawaban Penggunaan Anggaran",
        &[
            "Bendahara Pengeluaran",
            "Pejabat Penatausahaan Keuangan",
            "PPK",
            "Pengguna Anggaran",
        ],
        &[
            ("Menerima pertanggungjawaban", &[0], Go::Next),
            (
                "Mengkompilasikan dokumen pertanggungjawaban",
                &[0, 1],
                Go::Next,
            ),
            ("Verifikasi kelengkapan", &[1], Go::Decide(5, 2)),
            ("Meminta kelengkapan", &[0], Go::Lanjut(2)),
            ("Menyetujui", &[3], Go::Decide(7, 4)),
            ("Dicatat", &[2], Go::Next),
            ("Selesai", &[2], Go::Next),
        ],
    )
}

// ---------------------------------------------------------------------------
// Geometry properties, each a function over a Layout so every test (the
// examples and the random SOPs) asserts the same things.

const EPS: f64 = 0.05;

type Segment = (Point, Point);

fn segments(points: &[Point]) -> impl Iterator<Item = Segment> + '_ {
    points.windows(2).map(|w| (w[0], w[1]))
}

/// Every step has a symbol in each of its lanes, inside that lane and its row.
fn every_step_has_its_symbols(sop: &Sop, l: &Layout) -> Result<(), String> {
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
fn every_segment_is_orthogonal(l: &Layout) -> Result<(), String> {
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
fn on_outline(shape: Shape, r: &Rect, p: Point) -> bool {
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
fn every_arrow_joins_its_symbols(l: &Layout) -> Result<(), String> {
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
fn crosses(r: &Rect, (p, q): Segment) -> bool {
    let (x0, x1) = (p.x.min(q.x), p.x.max(q.x));
    let (y0, y1) = (p.y.min(q.y), p.y.max(q.y));
    x1 > r.x + EPS && x0 < r.right() - EPS && y1 > r.y + EPS && y0 < r.bottom() - EPS
}

/// No arrow runs through a symbol. The first and last segment touch their
/// own symbol (a diamond's side port lies inside its bounding box), so for
/// them it is enough that they point away from it.
fn no_arrow_crosses_a_symbol(l: &Layout) -> Result<(), String> {
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
fn overlap(a: Segment, b: Segment) -> bool {
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
fn no_two_arrows_share_a_segment(l: &Layout) -> Result<(), String> {
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
fn arrows_match_edges(sop: &Sop, l: &Layout) -> Result<(), String> {
    arrows_match_edges_within(sop, l, 30.0)
}

/// [`arrows_match_edges`], each label within `reach` of where its branch
/// leaves.
fn arrows_match_edges_within(sop: &Sop, l: &Layout, reach: f64) -> Result<(), String> {
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
fn everything_fits(l: &Layout) -> Result<(), String> {
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

/// Is any point of `r` inside the symbol's shape? Every shape is convex and
/// symmetric about its vertical centre line, and but for the pentagon also
/// about its horizontal one, so the point of the box nearest its centre in
/// each direction is the one to test.
fn box_meets_shape(r: &Rect, shape: Shape, s: &Rect) -> bool {
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
fn labels_keep_clear(l: &Layout) -> Result<(), String> {
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
fn cross(a: Segment, b: Segment) -> bool {
    let (h, v) = if a.0.y == a.1.y { (a, b) } else { (b, a) };
    if h.0.y != h.1.y || v.0.x != v.1.x {
        return false;
    }
    let (x0, x1) = (h.0.x.min(h.1.x), h.0.x.max(h.1.x));
    let (y0, y1) = (v.0.y.min(v.1.y), v.0.y.max(v.1.y));
    x0 + EPS < v.0.x && v.0.x < x1 - EPS && y0 + EPS < h.0.y && h.0.y < y1 - EPS
}

/// The pairs (loop back, forward arrow) that cross, as 1-based step numbers.
fn loop_back_crossings(l: &Layout) -> Vec<((usize, usize), (usize, usize))> {
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

/// The properties that hold on any drawing, printed pages included.
fn check_drawing(l: &Layout) -> Result<(), String> {
    every_segment_is_orthogonal(l)?;
    every_arrow_joins_its_symbols(l)?;
    no_arrow_crosses_a_symbol(l)?;
    no_two_arrows_share_a_segment(l)?;
    labels_keep_clear(l)?;
    everything_fits(l)
}

fn check_all(sop: &Sop) -> Result<Layout, String> {
    let l = layout(sop);
    every_step_has_its_symbols(sop, &l)?;
    every_segment_is_orthogonal(&l)?;
    every_arrow_joins_its_symbols(&l)?;
    no_arrow_crosses_a_symbol(&l)?;
    no_two_arrows_share_a_segment(&l)?;
    arrows_match_edges(sop, &l)?;
    labels_keep_clear(&l)?;
    everything_fits(&l)?;
    Ok(l)
}

#[test]
fn example_sops_have_clean_geometry() {
    for sop in [balangan(), banjarbaru(), tricky()] {
        if let Err(e) = check_all(&sop) {
            panic!("{}: {e}", sop.nama);
        }
    }
}

/// The SOPs of the example handbook (content/), as the loader reads them.
fn example_handbook() -> Vec<Sop> {
    handbook_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// The shapes of real SOPs that issue 17 was found on
/// (tests/fixtures/flowchart), by path.
fn real_shapes() -> Vec<Sop> {
    handbook_at(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flowchart"))
}

fn real_shape(path: &str) -> Sop {
    real_shapes()
        .into_iter()
        .find(|s| s.path == path)
        .unwrap_or_else(|| panic!("no SOP {path} in tests/fixtures/flowchart"))
}

/// The SOPs of the handbook at `root`, as the loader reads them.
fn handbook_at(root: PathBuf) -> Vec<Sop> {
    let opts = lajur::Options {
        root,
        ..Default::default()
    };
    let loaded = lajur::source::load(&opts);
    let handbook = loaded.handbook.unwrap_or_else(|| {
        panic!(
            "the example handbook does not load: {:?}",
            loaded.diagnostics
        )
    });
    handbook.sops
}

#[test]
fn every_example_sop_has_clean_geometry() {
    let sops = example_handbook();
    assert!(sops.len() >= 2);
    for sop in &sops {
        if let Err(e) = check_all(sop) {
            panic!("{}: {e}", sop.path);
        }
        for l in print_page_layouts(sop, Language::Id, 8) {
            if let Err(e) = check_drawing(&l) {
                panic!("{} (printed): {e}", sop.path);
            }
        }
    }
}

#[test]
fn real_flowchart_shapes_have_clean_geometry() {
    let sops = real_shapes();
    assert!(sops.len() >= 3);
    for sop in &sops {
        let l = check_all(sop).unwrap_or_else(|e| panic!("{}: {e}", sop.path));
        // Revision loops here always have a free channel beside them.
        assert_eq!(loop_back_crossings(&l), [], "{}", sop.path);
        for (page, l) in print_page_layouts(sop, Language::Id, 4).iter().enumerate() {
            if let Err(e) = check_drawing(l) {
                panic!("{} (printed page {}): {e}", sop.path, page + 1);
            }
        }
    }
}

#[test]
fn a_long_label_in_the_last_lane_stays_in_it() {
    // Issue 17, defect 1: "Tidak berkenan" started at x=571 of a 592 px
    // drawing and showed as "Tida".
    let sop = real_shape("mts/penerimaan-tamu");
    let l = layout(&sop);
    let label = l
        .labels
        .iter()
        .find(|lb| lb.text == "Tidak berkenan")
        .expect("the Tidak branch is labelled");
    let last = l.lanes.last().expect("lanes");
    let r = label.bounds();
    assert!(
        r.x >= last.x && r.right() <= last.x + last.w && r.right() <= l.width,
        "{r:?} is not inside the last lane {last:?} of a {} px drawing",
        l.width
    );
    // The lanes without such a label stay narrow.
    assert!(l.lanes[0].w < last.w, "{:?}", l.lanes);
}

#[test]
fn revision_loops_take_the_free_channel() {
    // Issue 17, defect 2: Tidak 2 -> 1 and 3 -> 2 crossed the forward
    // arrows 1 -> 2 and 2 -> 3.
    let l = layout(&real_shape("mts/verifikasi-berkas"));
    let loops: Vec<(usize, usize)> = l
        .arrows
        .iter()
        .filter(|a| a.to < a.from)
        .map(|a| (a.from + 1, a.to + 1))
        .collect();
    assert_eq!(loops, [(2, 1), (3, 2)]);
    assert_eq!(loop_back_crossings(&l), []);
}

#[test]
fn each_label_is_drawn_once() {
    // Issue 17, defect 7: a label with a stroked halo was printed as two
    // copies of its text ("Tidak Tidak" in pdftotext).
    for sop in real_shapes().iter().chain([&balangan(), &tricky()]) {
        let svg = render_svg(sop, Language::Id);
        let labelled = sop.edges().iter().filter(|e| e.label.is_some()).count();
        assert_eq!(svg.matches("<text class=\"alur-label\"").count(), labelled);
        assert!(!svg.contains("paint-order"), "a stroked halo is back");
        for text in elements(&svg, "text") {
            assert!(!text.contains("stroke"), "{text}");
        }
    }
}

/// The two pentagons of each lettered pair sit in one lane (issue 17,
/// defect 5: A at the bottom of one page in one lane, its twin at the top
/// of the next in another).
fn twins_share_a_lane(pages: &[String]) -> Result<(), String> {
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

#[test]
fn twin_connectors_sit_in_one_lane() {
    let mut pairs = 0;
    for sop in real_shapes().iter().chain([&balangan(), &banjarbaru()]) {
        for per in 1..5 {
            let pages = render_print_pages(sop, Language::Id, per);
            pairs += pages
                .iter()
                .map(|p| p.matches("alur-penghubung").count())
                .sum::<usize>();
            if let Err(e) = twins_share_a_lane(&pages) {
                panic!("{} ({per} steps a page): {e}", sop.path);
            }
        }
    }
    assert!(pairs > 20);
}

#[test]
fn the_checks_catch_broken_geometry() {
    // The properties must be able to fail: break a good layout and see.
    let sop = balangan();
    let good = layout(&sop);

    let mut diagonal = good.clone();
    diagonal.arrows[0].points[1].x += 3.0;
    assert!(every_segment_is_orthogonal(&diagonal).is_err());

    let mut shared = good.clone();
    let copy = shared.arrows[0].clone();
    shared.arrows.push(copy);
    assert!(no_two_arrows_share_a_segment(&shared).is_err());

    let mut through = good.clone();
    let target = through.symbols[4].rect;
    let from = through.symbols[0].rect;
    through.arrows[0].points = vec![
        Point {
            x: from.cx(),
            y: from.bottom(),
        },
        Point {
            x: from.cx(),
            y: target.cy(),
        },
        Point {
            x: target.right() + 30.0,
            y: target.cy(),
        },
    ];
    assert!(
        no_arrow_crosses_a_symbol(&through).is_err()
            || every_arrow_joins_its_symbols(&through).is_err()
    );

    let mut adrift = good.clone();
    adrift.arrows[0].points[0].y -= 5.0;
    assert!(every_arrow_joins_its_symbols(&adrift).is_err());

    let mut missing = good.clone();
    missing.symbols.retain(|s| s.step != 3);
    assert!(every_step_has_its_symbols(&sop, &missing).is_err());

    // A label pushed over the lane border, off the drawing, onto its
    // diamond, onto another label.
    assert!(!good.labels.is_empty());
    assert!(labels_keep_clear(&good).is_ok());
    let lane = good.lanes[good.lanes.len() - 1];
    let mut edge = good.clone();
    edge.labels[0].at.x = lane.x + lane.w - 5.0;
    edge.labels[0].anchor = lajur::render::swimlane::Anchor::Start;
    assert!(labels_keep_clear(&edge).is_err());
    let mut border = good.clone();
    border.labels[0].at.x = good.lanes[1].x - 5.0;
    border.labels[0].anchor = lajur::render::swimlane::Anchor::Start;
    assert!(labels_keep_clear(&border).is_err());
    let mut on_symbol = good.clone();
    let diamond = good
        .symbols
        .iter()
        .find(|s| s.shape == Shape::Decision)
        .expect("a decision");
    on_symbol.labels[0].at = Point {
        x: diamond.rect.cx(),
        y: diamond.rect.cy(),
    };
    assert!(labels_keep_clear(&on_symbol).is_err());
    let mut twice = good;
    let copy = twice.labels[0].clone();
    twice.labels.push(copy);
    assert!(labels_keep_clear(&twice).is_err());

    // A loop back across a forward arrow is seen.
    let mut crossed = layout(&real_shape("mts/verifikasi-berkas"));
    let back = crossed
        .arrows
        .iter()
        .position(|a| a.to < a.from)
        .expect("a loop");
    let (from, to) = (crossed.arrows[back].from, crossed.arrows[back].to);
    let forward = crossed
        .arrows
        .iter()
        .find(|a| a.from == to && a.to == from)
        .expect("the forward arrow")
        .points
        .clone();
    // Run the loop straight up through the middle of the forward dog-leg.
    let dogleg = forward[1];
    let mid_x = (forward[1].x + forward[2].x) / 2.0;
    crossed.arrows[back].points = vec![
        Point {
            x: mid_x,
            y: dogleg.y + 20.0,
        },
        Point {
            x: mid_x,
            y: dogleg.y - 20.0,
        },
    ];
    assert!(!loop_back_crossings(&crossed).is_empty());
}

#[test]
fn rows_follow_steps_and_lanes_follow_pelaksana() {
    let sop = balangan();
    let l = layout(&sop);
    assert_eq!(l.lanes.len(), 5);
    assert_eq!(l.rows.len(), 9);
    for pair in l.rows.windows(2) {
        assert!(pair[0].y + pair[0].h <= pair[1].y);
    }
    for pair in l.lanes.windows(2) {
        assert!(pair[0].x + pair[0].w <= pair[1].x);
    }
    // The joint step 3 has a symbol in each of its three lanes, joined.
    assert_eq!(l.symbols.iter().filter(|s| s.step == 2).count(), 3);
    assert_eq!(l.joins.iter().filter(|j| j.step == 2).count(), 2);
    // Step 7's Tidak loops back to step 6: a side route that goes up.
    let back = l.arrows.iter().find(|a| a.from == 6 && a.to == 5).unwrap();
    assert!(back.points.last().unwrap().y < back.points[0].y);
    assert!(back.is_no);
    // The long role name wraps instead of widening its lane past the
    // others: only a lane a branch label leaves by its side grows.
    assert!(l.lane_headers[2].lines.len() > 1);
    let narrowest = l.lanes.iter().map(|c| c.w).fold(f64::MAX, f64::min);
    assert_eq!(l.lanes[2].w, narrowest);
}

#[test]
fn nested_loops_take_separate_tracks() {
    // Two corrections that both return to step 6 from rows 7 and 8 would
    // overlap on one track; the channel colouring must keep them apart.
    let l = check_all(&banjarbaru()).unwrap();
    let loops: Vec<_> = l
        .arrows
        .iter()
        .filter(|a| a.to == 5 && a.from > 5)
        .collect();
    assert_eq!(loops.len(), 2);
    let track = |a: &&lajur::render::swimlane::Arrow| a.points[1].x;
    assert_ne!(track(&loops[0]), track(&loops[1]));
}

#[test]
fn long_words_wrap_inside_their_cells() {
    let mut sop = tricky();
    sop.steps[1].kegiatan = "Mengkompilasikanpertanggungjawabanpengelolaankeuangan".repeat(3);
    sop.lanes[1].nama = "Pertanggungjawabanpengelolaankeuangandaerah".into();
    let l = check_all(&sop).unwrap();
    assert!(l.rows[1].kegiatan.lines.len() >= 3);
    assert!(l.lane_headers[1].lines.len() >= 2);
}

#[test]
fn degenerate_sops_do_not_panic() {
    // No lanes, a step without lanes, out-of-range targets, one step.
    let mut odd = sop(
        "Aneh",
        &[],
        &[("Satu", &[], Go::Next), ("Dua", &[7], Go::Decide(9, 2))],
    );
    odd.steps[1].flow = Flow::Decision {
        ya: Target::step(40),
        tidak: Target::step(1),
        label_ya: "Ya".into(),
        label_tidak: "Tidak".into(),
    };
    let svg = render_svg(&odd, Language::Id);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    let l = layout(&odd);
    assert_eq!(l.symbols.len(), 2);
    // The self-loop of step 2 still leaves and enters its own diamond.
    every_segment_is_orthogonal(&l).unwrap();
    every_arrow_joins_its_symbols(&l).unwrap();
    no_two_arrows_share_a_segment(&l).unwrap();

    let empty = sop("Kosong", &["A"], &[]);
    assert!(render_svg(&empty, Language::En).contains("</svg>"));
}

// ---------------------------------------------------------------------------
// The markup contract of FORMAT.md, checked on the SVG text.

fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let end = element[start..].find('"')? + start;
    Some(&element[start..end])
}

fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
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

#[test]
fn svg_follows_the_markup_contract() {
    let sop = balangan();
    let svg = render_svg(&sop, Language::Id);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let root = elements(&svg, "svg")[0];
    // Not an image: it holds links (axe: nested-interactive, issue 17).
    assert_eq!(attr(root, "role"), Some("graphics-document"));
    assert!(
        attr(root, "viewBox").is_some()
            && attr(root, "width").is_some()
            && attr(root, "height").is_some()
    );
    assert!(
        svg.contains(
            "<title id=\"alur-judul\">Diagram alir: SOP Tehnis Perencanaan Kinerja</title>"
        )
    );
    assert!(svg.contains("<desc") && svg.contains("Langkah 7 (Kepala Bidang): Koreksi draft RKT (keputusan): Ya ke langkah 8, Tidak ke langkah 6."));

    // A <g> per symbol: 9 steps, step 3 in three lanes.
    let groups: Vec<&str> = elements(&svg, "g")
        .into_iter()
        .filter(|g| g.contains("data-step"))
        .collect();
    assert_eq!(groups.len(), 11);
    for g in &groups {
        let n: usize = attr(g, "data-step").unwrap().parse().unwrap();
        let step = &sop.steps[n - 1];
        assert_eq!(attr(g, "data-jenis"), Some(step.kind.as_str()));
        let lane = attr(g, "data-lane").unwrap();
        assert!(step.lanes.iter().any(|&l| sop.lanes[l].slug == lane), "{g}");
    }
    assert_eq!(
        groups
            .iter()
            .filter(|g| attr(g, "data-step") == Some("3"))
            .count(),
        3
    );
    // One id per step, linked to its table row.
    for n in 1..=9 {
        assert_eq!(svg.matches(&format!("id=\"alur-langkah-{n}\"")).count(), 1);
        assert!(svg.contains(&format!(
            "<a href=\"#langkah-{n}\"><g id=\"alur-langkah-{n}\""
        )));
    }
    // Shapes: capsules (rounded rects), rectangles and a diamond.
    assert!(
        svg.contains("data-jenis=\"mulai\" data-lane=\"sekretaris\"><rect class=\"alur-bentuk\"")
    );
    let decision = svg.find("data-jenis=\"keputusan\"").unwrap();
    assert!(
        svg[decision..]
            .starts_with("data-jenis=\"keputusan\" data-lane=\"kepala-bidang\"><polygon")
    );

    // Arrows: one path per edge, absolute M/H/V only, a marker at the end.
    let paths = elements(&svg, "path");
    assert_eq!(paths.len(), sop.edges().len());
    for p in &paths {
        assert!(attr(p, "data-from").is_some() && attr(p, "data-to").is_some());
        let d = attr(p, "d").unwrap();
        assert!(d.starts_with('M'));
        assert!(d.chars().all(|c| "MLHV0123456789. -".contains(c)), "{d}");
        assert_eq!(attr(p, "marker-end"), Some("url(#alur-panah)"));
    }
    assert!(
        paths
            .iter()
            .any(|p| attr(p, "data-from") == Some("7") && attr(p, "data-to") == Some("6"))
    );
    // Branch labels are text.
    assert!(svg.contains(">Ya</text>") && svg.contains(">Tidak</text>"));
    // Colours by class, with a dark scheme.
    assert!(svg.contains("@media (prefers-color-scheme: dark)"));
    assert!(!svg.contains(" fill=\""));
}

#[test]
fn custom_branch_labels_and_english() {
    let mut sop = tricky();
    if let Flow::Decision {
        label_ya,
        label_tidak,
        ..
    } = &mut sop.steps[2].flow
    {
        *label_ya = "Lengkap".into();
        *label_tidak = "Tidak lengkap".into();
    }
    let svg = render_svg(&sop, Language::En);
    assert!(svg.contains(">Lengkap</text>") && svg.contains(">Tidak lengkap</text>"));
    assert!(svg.contains(">Activity</tspan>"));
    assert!(svg.contains("<title id=\"alur-judul\">Flowchart: "));
}

#[test]
fn text_is_escaped() {
    let mut sop = tricky();
    sop.steps[0].kegiatan = "Terima <berkas> & \"cek\"".into();
    sop.nama = "A & B".into();
    let svg = render_svg(&sop, Language::Id);
    assert!(svg.contains("Terima &lt;berkas&gt; &amp; &quot;cek&quot;"));
    assert!(svg.contains("Diagram alir: A &amp; B"));
    assert!(!svg.contains("<berkas>"));
}

#[test]
fn snapshots() {
    insta::assert_snapshot!("balangan", render_svg(&balangan(), Language::Id));
    insta::assert_snapshot!("banjarbaru", render_svg(&banjarbaru(), Language::Id));
    insta::assert_snapshot!("tricky_en", render_svg(&tricky(), Language::En));
}

#[test]
fn printed_pages_use_off_page_connectors() {
    let sop = balangan();
    let layouts = print_page_layouts(&sop, Language::Id, 4);
    assert_eq!(layouts.len(), 3);
    for l in &layouts {
        check_drawing(l).unwrap();
    }
    // Page 2 holds steps 5-8: step 4 (page 1) comes in at the top through
    // a pentagon, step 9 (page 3) goes out at the bottom through another.
    let page2 = &layouts[1];
    let connectors: Vec<_> = page2
        .symbols
        .iter()
        .filter(|s| s.shape == Shape::OffPage)
        .collect();
    assert_eq!(connectors.len(), 2);
    assert_eq!(page2.rows.len(), 6);
    assert_eq!(
        page2.rows[0].kegiatan.lines.join(" "),
        "Langkah 4 di halaman 1"
    );
    assert_eq!(
        page2.rows[5].kegiatan.lines.join(" "),
        "Langkah 9 di halaman 3"
    );

    let svgs = render_print_pages(&sop, Language::Id, 4);
    assert_eq!(svgs.len(), 3);
    let page2 = &svgs[1];
    assert!(page2.contains("(halaman 2 dari 3)</title>"));
    assert!(page2.contains(r#"class="alur-penghubung" data-step="4""#));
    assert!(page2.contains(r#"data-from="4" data-to="5""#));
    assert!(page2.contains(r#"data-from="8" data-to="9""#));
    assert!(page2.contains(r#"data-from="7" data-to="6""#));
    // Pages share one HTML page with the screen drawing: no duplicate ids.
    assert!(!page2.contains("href=\"#langkah-") && !page2.contains("id=\"alur-langkah-"));
    assert!(
        page2.contains(r#"<marker id="alur-panah-h2""#) && page2.contains("url(#alur-panah-h2)")
    );
    // The pentagon is a polygon of five points.
    let at = page2.find(r#"class="alur-penghubung""#).unwrap();
    let polygon = &page2[at..][page2[at..].find("<polygon").unwrap()..];
    let points = attr(&polygon[..polygon.find("/>").unwrap()], "points").unwrap();
    assert_eq!(points.split(' ').count(), 5);
}

// ---------------------------------------------------------------------------
// Random SOPs.

const WORDS: &[&str] = &[
    "Mengkompilasikan",
    "pertanggungjawaban",
    "draft",
    "RKT",
    "form",
    "dan",
    "kepada",
    "masing-masing",
    "Menandatangani",
    "dokumen",
    "Rencana",
    "Kinerja",
    "Tahunan",
    "verifikasi",
    "disposisi",
    "ke",
    "Sekretaris",
    "Daerah",
];

const ROLES: &[&str] = &[
    "Sekretaris",
    "Kepala Bidang",
    "Kasubbag Perencanaan dan Keuangan",
    "Kepala Seksi",
    "Staf Penyusun Evaluasi Kinerja",
    "PPK",
    "Pejabat Pelaksana Teknis Kegiatan Pertanggungjawaban",
    "Bendahara",
    "Asisten III",
    "Pelaksana",
];

#[derive(Debug, Clone)]
struct RawStep {
    lane: usize,
    extra: Vec<usize>,
    joint: bool,
    roll: u8,
    target: usize,
    ya_target: usize,
    words: Vec<usize>,
}

fn raw_step(lanes: usize, steps: usize) -> impl Strategy<Value = RawStep> {
    (
        0..lanes,
        prop::collection::vec(0..lanes, 1..=2),
        prop::bool::weighted(0.15),
        any::<u8>(),
        0..steps,
        0..steps,
        prop::collection::vec(0..WORDS.len(), 1..14),
    )
        .prop_map(
            |(lane, extra, joint, roll, target, ya_target, words)| RawStep {
                lane,
                extra,
                joint,
                roll,
                target,
                ya_target,
                words,
            },
        )
}

fn random_sop() -> impl Strategy<Value = Sop> {
    (2..=9usize, 3..=40usize)
        .prop_flat_map(|(lanes, steps)| {
            (
                prop::collection::vec(raw_step(lanes, steps), steps),
                prop::sample::subsequence((0..ROLES.len()).collect::<Vec<_>>(), lanes),
            )
        })
        .prop_map(|(raw, roles)| build(&raw, &roles))
}

fn build(raw: &[RawStep], roles: &[usize]) -> Sop {
    let n = raw.len();
    let other = |i: usize, t: usize| if t == i { (i + 1) % n } else { t };
    let steps = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut lanes = vec![r.lane];
            if r.joint {
                lanes.extend(&r.extra);
                lanes.sort_unstable();
                lanes.dedup();
            }
            let text: Vec<&str> = r.words.iter().map(|&w| WORDS[w]).collect();
            let decision = i > 0 && i + 1 < n && r.roll < 70;
            let (kind, flow) = if decision {
                let ya = if r.roll % 3 == 0 {
                    other(i, r.ya_target)
                } else {
                    i + 1
                };
                (
                    StepKind::Keputusan,
                    Flow::Decision {
                        ya: Target::step(ya),
                        tidak: Target::step(other(i, r.target)),
                        label_ya: "Ya".into(),
                        label_tidak: if r.roll % 2 == 0 {
                            "Tidak".into()
                        } else {
                            "Tidak lengkap".into()
                        },
                    },
                )
            } else if i + 1 == n {
                (StepKind::Selesai, Flow::next(None))
            } else {
                let to = if r.roll > 220 {
                    other(i, r.target)
                } else {
                    i + 1
                };
                (kind_at(i, n), Flow::next(Some(to)))
            };
            step(i, &text.join(" "), lanes, kind, flow)
        })
        .collect();
    Sop {
        lanes: roles.iter().map(|&r| lane(ROLES[r])).collect(),
        steps,
        ..empty_sop("Acak")
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_sops_have_clean_geometry(sop in random_sop()) {
        if let Err(e) = check_all(&sop) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn random_printed_pages_have_clean_geometry(sop in random_sop(), per in 1..12usize) {
        for l in print_page_layouts(&sop, Language::Id, per) {
            if let Err(e) = check_drawing(&l) {
                prop_assert!(false, "{e}");
            }
        }
        if let Err(e) = twins_share_a_lane(&render_print_pages(&sop, Language::Id, per)) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn random_sops_keep_the_markup_contract(sop in random_sop()) {
        let svg = render_svg(&sop, Language::Id);
        let symbols: usize = sop.steps.iter().map(|s| s.lanes.len()).sum();
        prop_assert_eq!(svg.matches(" data-step=\"").count(), symbols);
        prop_assert_eq!(svg.matches("<path ").count(), sop.edges().len());
        prop_assert_eq!(svg.matches("<svg").count(), 1);
    }
}

/// Writes the example SVGs and an HTML page embedding them into
/// $SWIMLANE_OUT, to look at in a browser (`shared/tools/look`):
/// `SWIMLANE_OUT=/tmp/alur cargo test --test swimlane -- --ignored`.
#[test]
#[ignore]
fn write_examples_for_a_look() {
    let Ok(dir) = std::env::var("SWIMLANE_OUT") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut page = String::from(
        "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>\
         <style>body{margin:8px;font-family:Arial,sans-serif}.wadah{overflow-x:auto}</style>",
    );
    let heavy = sop(
        "Banyak putaran",
        &[
            "A",
            "Kepala Bidang Pertanggungjawaban",
            "C",
            "D",
            "E",
            "F",
            "G",
        ],
        &[
            ("Mulai", &[0], Go::Next),
            ("Dua", &[3], Go::Next),
            ("Tiga", &[5], Go::Decide(4, 2)),
            ("Empat", &[1, 2], Go::Next),
            ("Lima", &[6], Go::Decide(8, 3)),
            ("Enam", &[0], Go::Lanjut(2)),
            ("Tujuh", &[2], Go::Decide(8, 6)),
            ("Delapan", &[4], Go::Decide(10, 1)),
            ("Sembilan", &[4], Go::Lanjut(11)),
            ("Sepuluh", &[3], Go::Decide(11, 5)),
            ("Sebelas", &[3], Go::Next),
        ],
    );
    for (name, sop) in [
        ("balangan", balangan()),
        ("banjarbaru", banjarbaru()),
        ("tricky", tricky()),
        ("heavy", heavy),
    ] {
        let svg = render_svg(&sop, Language::Id);
        std::fs::write(dir.join(format!("{name}.svg")), &svg).unwrap();
        page.push_str(&format!("<h2>{name}</h2><div class=wadah>{svg}</div>"));
    }
    for sop in example_handbook() {
        let name = sop.path.replace('/', "_");
        std::fs::write(
            dir.join(format!("contoh-{name}.svg")),
            render_svg(&sop, Language::Id),
        )
        .unwrap();
    }
    for (i, svg) in render_print_pages(&banjarbaru(), Language::Id, 4)
        .iter()
        .enumerate()
    {
        std::fs::write(dir.join(format!("cetak-{}.svg", i + 1)), svg).unwrap();
    }
    std::fs::write(dir.join("index.html"), page).unwrap();
}

// ---------------------------------------------------------------------------
// Random SOPs with the flowcharts agencies draw: berurutan rows (a lane may
// come back), branches that end the procedure, forks, arrows aimed at one
// symbol of a berurutan row.

fn build_flow(raw: &[RawStep], roles: &[usize]) -> Sop {
    let mut sop = build(raw, roles);
    let n = sop.steps.len();
    for (i, r) in raw.iter().enumerate() {
        let step = &mut sop.steps[i];
        if r.joint && r.roll % 3 != 2 {
            // Passed from lane to lane, in the order drawn.
            let mut lanes = vec![r.lane];
            lanes.extend(&r.extra);
            if lanes.windows(2).all(|w| w[0] == w[1]) {
                lanes.push((r.lane + 1) % roles.len().max(1));
            }
            step.kinds = vec![StepKind::Proses; lanes.len()];
            if let Some(last) = step.kinds.last_mut() {
                *last = step.kind;
            }
            if i == 0 {
                step.kinds[0] = StepKind::Mulai;
            }
            step.lanes = lanes;
            step.alur = Alur::Berurutan;
        }
        step.flow = match std::mem::replace(&mut step.flow, Flow::next(None)) {
            Flow::Decision {
                ya,
                tidak,
                label_ya,
                label_tidak,
            } => Flow::Decision {
                ya: if r.roll % 5 == 1 { Target::End } else { ya },
                tidak: if r.roll % 4 == 1 { Target::End } else { tidak },
                label_ya: if r.roll % 7 == 0 {
                    String::new()
                } else {
                    label_ya
                },
                label_tidak,
            },
            Flow::Next { to } if i + 1 < n && r.roll > 235 => {
                let other = if r.target == i { (i + 1) % n } else { r.target };
                let mut to = to;
                to.push(Target::step(other));
                to.dedup();
                Flow::Next { to }
            }
            Flow::Next { .. } if i + 1 < n && (200..=215).contains(&r.roll) => Flow::Next {
                to: vec![Target::End],
            },
            other => other,
        };
        if r.words.len() % 4 == 0 {
            step.simbol = Some(WORDS[r.words[0]].to_string());
        }
    }
    // Some arrows aim at a later symbol of a berurutan row: the first one
    // in a lane, as `{ke, pelaksana}` does.
    let firsts: Vec<Vec<usize>> = sop
        .steps
        .iter()
        .map(|s| {
            (0..s.lanes.len())
                .filter(|&j| !s.lanes[..j].contains(&s.lanes[j]))
                .collect()
        })
        .collect();
    let aim = |t: Target, roll: u8| match t {
        Target::Step { step, .. } if firsts[step].len() > 1 && roll.is_multiple_of(2) => {
            Target::Step {
                step,
                symbol: firsts[step][roll as usize % firsts[step].len()],
            }
        }
        t => t,
    };
    for (i, r) in raw.iter().enumerate() {
        let sequence: Vec<bool> = sop.steps.iter().map(|s| s.is_sequence()).collect();
        let retarget = |t: Target| match t {
            Target::Step { step, .. } if sequence[step] => aim(t, r.roll / 3),
            t => t,
        };
        sop.steps[i].flow = match sop.steps[i].flow.clone() {
            Flow::Decision {
                ya,
                tidak,
                label_ya,
                label_tidak,
            } => Flow::Decision {
                ya: retarget(ya),
                tidak: retarget(tidak),
                label_ya,
                label_tidak,
            },
            Flow::Next { to } => Flow::Next {
                to: to.into_iter().map(retarget).collect(),
            },
        };
    }
    sop
}

fn random_flow_sop() -> impl Strategy<Value = Sop> {
    (2..=7usize, 3..=30usize)
        .prop_flat_map(|(lanes, steps)| {
            (
                prop::collection::vec(raw_step(lanes, steps), steps),
                prop::sample::subsequence((0..ROLES.len()).collect::<Vec<_>>(), lanes),
            )
        })
        .prop_map(|(raw, roles)| build_flow(&raw, &roles))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_flowcharts_as_agencies_draw_them_have_clean_geometry(sop in random_flow_sop()) {
        // Many loops into one symbol spread their stubs far apart; a label
        // then sits by the diamond's side, further from its stub's end.
        let l = layout(&sop);
        let checked = every_step_has_its_symbols(&sop, &l)
            .and_then(|()| check_drawing(&l))
            .and_then(|()| arrows_match_edges_within(&sop, &l, 50.0));
        if let Err(e) = checked {
            prop_assert!(false, "{e}");
        }
        let svg = render_svg(&sop, Language::Id);
        let symbols: usize = sop.steps.iter().map(|s| s.lanes.len()).sum();
        prop_assert_eq!(svg.matches(" data-step=\"").count(), symbols);
        let within: usize = sop
            .steps
            .iter()
            .filter(|s| s.is_sequence())
            .map(|s| s.lanes.len() - 1)
            .sum();
        let edges = sop.edges();
        prop_assert_eq!(svg.matches("<path ").count(), edges.len() + within);
        let ends = edges.iter().filter(|e| e.is_end()).count();
        prop_assert_eq!(svg.matches("data-end-of=\"").count(), ends);
        prop_assert_eq!(svg.matches("data-to=\"selesai\"").count(), ends);
    }

    #[test]
    fn random_printed_flowcharts_as_agencies_draw_them_have_clean_geometry(
        sop in random_flow_sop(),
        per in 1..10usize,
    ) {
        for l in print_page_layouts(&sop, Language::Id, per) {
            if let Err(e) = check_drawing(&l) {
                prop_assert!(false, "{e}");
            }
        }
    }
}
