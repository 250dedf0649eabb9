//! Test PDFs drawn the way an office suite exports an SOP form: a kop and
//! header table, the identity boxes, a QR code and a footer on every page,
//! and the steps table as a swimlane: hairline cell borders drawn line by
//! line, symbols stroked (or as filled rings), arrows as lines with filled
//! triangular heads, "Ya"/"Tidak" beside the branches.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// One step of a test SOP.
#[derive(Clone, Debug)]
pub struct FxStep {
    pub kegiatan: &'static str,
    /// Lane indexes; several for a joint row.
    pub lanes: Vec<usize>,
    pub kind: FxKind,
    /// For a decision: the "Tidak" target (0-based step index).
    pub tidak: Option<usize>,
    /// For any step: where it goes when not the next (0-based), drawn as an arrow.
    pub jump: Option<usize>,
    /// A fork: besides the next step, an arrow to this one too.
    pub also: Option<usize>,
    /// Several lanes joined by arrows, left to right (berurutan).
    pub sequential: bool,
    pub waktu: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FxKind {
    Terminator,
    Process,
    Decision,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Style {
    /// Outlines stroked.
    Stroked,
    /// Every outline a filled ring, as print-to-PDF draws strokes.
    Rings,
}

pub struct Fx {
    pub lanes: Vec<&'static str>,
    pub steps: Vec<FxStep>,
    pub rows_per_page: usize,
    /// Repeat the table heading on every page.
    pub repeat_heading: bool,
    pub style: Style,
    /// The branch labels as the form prints them ("Ya"/"Tidak", "Y"/"T").
    pub labels: (&'static str, &'static str),
    /// The steps table starts on page 1, under the identity boxes (no
    /// separate identity page).
    pub table_on_first_page: bool,
    /// A scanned page (an image, no text) inserted before this page index
    /// of the finished document.
    pub scanned_page: Option<usize>,
}

fn n(v: f64) -> Object {
    Object::Real(v as f32)
}

struct Canvas {
    ops: Vec<Operation>,
    style: Style,
}

impl Canvas {
    fn op(&mut self, o: &str, args: Vec<Object>) {
        self.ops.push(Operation::new(o, args));
    }
    fn text(&mut self, x: f64, y: f64, size: f64, s: &str) {
        self.op("BT", vec![]);
        self.op("Tf", vec!["F1".into(), n(size)]);
        self.op("Td", vec![n(x), n(y)]);
        self.op("Tj", vec![Object::string_literal(s)]);
        self.op("ET", vec![]);
    }
    fn line(&mut self, a: (f64, f64), b: (f64, f64)) {
        self.op("w", vec![n(0.5)]);
        self.op("m", vec![n(a.0), n(a.1)]);
        self.op("l", vec![n(b.0), n(b.1)]);
        self.op("S", vec![]);
    }
    fn polyline(&mut self, pts: &[(f64, f64)]) {
        self.op("w", vec![n(0.75)]);
        self.op("m", vec![n(pts[0].0), n(pts[0].1)]);
        for p in &pts[1..] {
            self.op("l", vec![n(p.0), n(p.1)]);
        }
        self.op("S", vec![]);
    }
    fn fill_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.op("re", vec![n(x), n(y), n(w), n(h)]);
        self.op("f", vec![]);
    }
    /// A closed outline: stroked, or a filled ring (outline and the same
    /// outline 0.75 pt inside, filled even-odd).
    fn outline(&mut self, path: &dyn Fn(&mut Canvas, f64)) {
        match self.style {
            Style::Stroked => {
                self.op("w", vec![n(0.75)]);
                path(self, 0.0);
                self.op("S", vec![]);
            }
            Style::Rings => {
                path(self, 0.0);
                path(self, 0.75);
                self.op("f*", vec![]);
            }
        }
    }
    fn head(&mut self, tip: (f64, f64), dir: (f64, f64)) {
        let (bx, by) = (tip.0 - dir.0 * 6.0, tip.1 - dir.1 * 6.0);
        let (px, py) = (-dir.1 * 2.5, dir.0 * 2.5);
        self.op("m", vec![n(tip.0), n(tip.1)]);
        self.op("l", vec![n(bx + px), n(by + py)]);
        self.op("l", vec![n(bx - px), n(by - py)]);
        self.op("h", vec![]);
        self.op("f", vec![]);
    }
}

const W: f64 = 842.0;
const H: f64 = 595.0;
const LEFT: f64 = 30.0;

/// Column edges of the steps table: No, Kegiatan, lanes, Kelengkapan, Waktu, Output.
fn columns(lanes: usize) -> Vec<f64> {
    let mut x = vec![LEFT, LEFT + 25.0, LEFT + 185.0];
    for _ in 0..lanes {
        let last = *x.last().unwrap();
        x.push(last + 75.0);
    }
    for w in [75.0, 50.0, 75.0] {
        let last = *x.last().unwrap();
        x.push(last + w);
    }
    x
}

fn page_extras(c: &mut Canvas, page: usize) {
    // A QR code (a grid of small filled squares) and a footer, as
    // electronic signature services stamp them.
    for i in 0..9 {
        for j in 0..9 {
            if (i * 7 + j * 3 + page).is_multiple_of(3) {
                c.fill_rect(770.0 + i as f64 * 4.0, 20.0 + j as f64 * 4.0, 4.0, 4.0);
            }
        }
    }
    c.text(
        LEFT,
        22.0,
        7.0,
        "Dokumen ini telah ditandatangani secara elektronik",
    );
}

/// Draws the kop, header table and identity boxes; returns the y under them.
fn identity_page(c: &mut Canvas) -> f64 {
    // Kop (left) and the header table (right).
    let top = H - 30.0;
    let rows = [
        ("Nomor SOP", "SOP-12/Uji"),
        ("Tanggal Pembuatan", "2 Januari 2024"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "1 Februari 2024"),
        ("Disahkan oleh", "Kepala Dinas"),
        ("", "Budi Santoso, S.H."),
        ("", "NIP. 19700101 199001 1 001"),
        ("Nama SOP", "Pengujian Impor PDF"),
    ];
    let (mid, right) = (420.0, 810.0);
    let row_h = 16.0;
    let bottom = top - row_h * rows.len() as f64;
    c.line((LEFT, top), (right, top));
    c.line((LEFT, bottom), (right, bottom));
    for x in [LEFT, mid, mid + 110.0, right] {
        c.line((x, top), (x, bottom));
    }
    for (i, line) in [
        "PEMERINTAH KABUPATEN UJI",
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        "BIDANG APLIKASI",
    ]
    .iter()
    .enumerate()
    {
        c.text(LEFT + 6.0, top - 20.0 - 14.0 * i as f64, 9.0, line);
    }
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = top - row_h * (i as f64 + 1.0);
        if !label.is_empty() || i == 0 {
            c.line((mid, y + row_h), (right, y + row_h));
        }
        c.text(mid + 4.0, y + 5.0, 8.0, label);
        c.text(mid + 114.0, y + 5.0, 8.0, value);
    }
    // The identity boxes: two columns.
    let boxes = [
        (
            (
                "Dasar Hukum",
                vec![
                    "1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                    "2. Peraturan Bupati Uji Nomor 5 Tahun 2020",
                ],
            ),
            (
                "Kualifikasi Pelaksana",
                vec![
                    "1. Memahami tata naskah dinas",
                    "2. Mampu mengoperasikan komputer",
                ],
            ),
        ),
        (
            ("Keterkaitan", vec!["1. SOP Surat Masuk"]),
            ("Peralatan/Perlengkapan", vec!["1. Komputer", "2. Printer"]),
        ),
        (
            (
                "Peringatan",
                vec!["Bila tidak dilaksanakan, layanan terlambat"],
            ),
            (
                "Pencatatan dan Pendataan",
                vec!["Disimpan sebagai arsip elektronik"],
            ),
        ),
    ];
    let mut y = bottom - 10.0;
    for ((l1, items1), (l2, items2)) in boxes {
        let lines = 1 + items1.len().max(items2.len());
        let h = 13.0 * lines as f64 + 6.0;
        c.line((LEFT, y), (right, y));
        c.line((LEFT, y - 14.0), (right, y - 14.0));
        c.line((LEFT, y - h), (right, y - h));
        for x in [LEFT, mid, right] {
            c.line((x, y), (x, y - h));
        }
        c.text(LEFT + 4.0, y - 10.0, 8.0, l1);
        c.text(mid + 4.0, y - 10.0, 8.0, l2);
        for (i, t) in items1.iter().enumerate() {
            c.text(LEFT + 4.0, y - 24.0 - 13.0 * i as f64, 8.0, t);
        }
        for (i, t) in items2.iter().enumerate() {
            c.text(mid + 4.0, y - 24.0 - 13.0 * i as f64, 8.0, t);
        }
        y -= h + 8.0;
    }
    y
}

/// A symbol drawn: lane, centre x, centre y, half width, half height.
type Placed = (usize, f64, f64, f64, f64);

/// An off-page connector: a pentagon pointing down, centred at (x, y).
fn pentagon(c: &mut Canvas, x: f64, y: f64) {
    c.outline(&|c, d| {
        c.op("m", vec![n(x - 8.0 + d), n(y + 7.0 - d)]);
        c.op("l", vec![n(x + 8.0 - d), n(y + 7.0 - d)]);
        c.op("l", vec![n(x + 8.0 - d), n(y - 2.0)]);
        c.op("l", vec![n(x), n(y - 7.0 + d)]);
        c.op("l", vec![n(x - 8.0 + d), n(y - 2.0)]);
        c.op("h", vec![]);
    });
}

/// Draws `fx` as a PDF and returns its bytes.
pub fn pdf(fx: &Fx) -> Vec<u8> {
    let mut pages: Vec<Vec<Operation>> = Vec::new();
    let mut c = Canvas {
        ops: Vec::new(),
        style: fx.style,
    };
    let identity_bottom = identity_page(&mut c);
    // The page index of table page p is p + off.
    let off = if fx.table_on_first_page {
        0
    } else {
        page_extras(&mut c, 0);
        pages.push(std::mem::take(&mut c.ops));
        1
    };

    let cols = columns(fx.lanes.len());
    let lane_x = |l: usize| (cols[2 + l] + cols[3 + l]) / 2.0;
    let row_h = 48.0;
    let chunks: Vec<Vec<usize>> = (0..fx.steps.len())
        .collect::<Vec<_>>()
        .chunks(fx.rows_per_page)
        .map(|c| c.to_vec())
        .collect();
    // Where each step's symbols are: (page, [(lane, center x, center y, half w, half h)]).
    let mut at: Vec<(usize, Vec<Placed>)> = Vec::new();
    for (p, chunk) in chunks.iter().enumerate() {
        let mut top = if p == 0 && fx.table_on_first_page {
            identity_bottom - 6.0
        } else {
            H - 40.0
        };
        let heading = p == 0 || fx.repeat_heading;
        let table_top = top;
        if heading {
            // Two bands: No | Kegiatan | Pelaksana (over the lanes) | Mutu Baku; then the lane names.
            let last = *cols.last().unwrap();
            let lanes_end = cols[2 + fx.lanes.len()];
            c.line((cols[0], top), (last, top));
            c.line((cols[2], top - 16.0), (last, top - 16.0));
            c.line((cols[0], top - 32.0), (last, top - 32.0));
            for (i, &x) in cols.iter().enumerate() {
                let spans_both = i <= 2 || x == lanes_end || i == cols.len() - 1;
                c.line(
                    (x, if spans_both { top } else { top - 16.0 }),
                    (x, top - 32.0),
                );
            }
            c.text(cols[0] + 3.0, top - 20.0, 8.0, "No");
            c.text(cols[1] + 3.0, top - 20.0, 8.0, "Kegiatan");
            c.text(cols[2] + 3.0, top - 11.0, 8.0, "Pelaksana");
            c.text(lanes_end + 3.0, top - 11.0, 8.0, "Mutu Baku");
            for (l, name) in fx.lanes.iter().enumerate() {
                c.text(cols[2 + l] + 3.0, top - 27.0, 7.0, name);
            }
            for (k, name) in ["Kelengkapan", "Waktu", "Output"].iter().enumerate() {
                c.text(cols[2 + fx.lanes.len() + k] + 3.0, top - 27.0, 7.0, name);
            }
            top -= 32.0;
        } else {
            c.line((cols[0], top), (*cols.last().unwrap(), top));
        }
        for &s in chunk {
            let step = &fx.steps[s];
            let y0 = top - row_h;
            c.line((cols[0], y0), (*cols.last().unwrap(), y0));
            c.text(cols[0] + 3.0, top - 12.0, 8.0, &format!("{}", s + 1));
            // Kegiatan wrapped at about 32 letters.
            let mut line = String::new();
            let mut k = 0;
            for word in step.kegiatan.split(' ') {
                if line.len() + word.len() > 32 {
                    c.text(cols[1] + 3.0, top - 12.0 - 10.0 * k as f64, 8.0, &line);
                    k += 1;
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            c.text(cols[1] + 3.0, top - 12.0 - 10.0 * k as f64, 8.0, &line);
            let m = 2 + fx.lanes.len();
            c.text(cols[m] + 3.0, top - 12.0, 7.0, "Berkas");
            c.text(cols[m + 1] + 3.0, top - 12.0, 7.0, step.waktu);
            c.text(cols[m + 2] + 3.0, top - 12.0, 7.0, "Dokumen");
            let cy = top - row_h / 2.0;
            let mut here = Vec::new();
            for &l in &step.lanes {
                let cx = lane_x(l);
                let (hw, hh) = match step.kind {
                    FxKind::Terminator => (22.0, 9.0),
                    FxKind::Process => (24.0, 11.0),
                    FxKind::Decision => (20.0, 13.0),
                };
                match step.kind {
                    FxKind::Process => c.outline(&|c, d| {
                        c.op(
                            "re",
                            vec![
                                n(cx - hw + d),
                                n(cy - hh + d),
                                n(2.0 * (hw - d)),
                                n(2.0 * (hh - d)),
                            ],
                        );
                    }),
                    FxKind::Decision => c.outline(&|c, d| {
                        c.op("m", vec![n(cx), n(cy + hh - d)]);
                        c.op("l", vec![n(cx + hw - d), n(cy)]);
                        c.op("l", vec![n(cx), n(cy - hh + d)]);
                        c.op("l", vec![n(cx - hw + d), n(cy)]);
                        c.op("h", vec![]);
                    }),
                    FxKind::Terminator => c.outline(&|c, d| {
                        let r = hh - d;
                        let (l, rr) = (cx - hw + hh, cx + hw - hh);
                        c.op("m", vec![n(l), n(cy - r)]);
                        c.op("l", vec![n(rr), n(cy - r)]);
                        c.op(
                            "c",
                            vec![
                                n(rr + r * 0.55),
                                n(cy - r),
                                n(rr + r),
                                n(cy - r * 0.55),
                                n(rr + r),
                                n(cy),
                            ],
                        );
                        c.op(
                            "c",
                            vec![
                                n(rr + r),
                                n(cy + r * 0.55),
                                n(rr + r * 0.55),
                                n(cy + r),
                                n(rr),
                                n(cy + r),
                            ],
                        );
                        c.op("l", vec![n(l), n(cy + r)]);
                        c.op(
                            "c",
                            vec![
                                n(l - r * 0.55),
                                n(cy + r),
                                n(l - r),
                                n(cy + r * 0.55),
                                n(l - r),
                                n(cy),
                            ],
                        );
                        c.op(
                            "c",
                            vec![
                                n(l - r),
                                n(cy - r * 0.55),
                                n(l - r * 0.55),
                                n(cy - r),
                                n(l),
                                n(cy - r),
                            ],
                        );
                        c.op("h", vec![]);
                    }),
                }
                // The step number inside the symbol.
                c.text(cx - 3.0, cy - 3.0, 7.0, &format!("{}", s + 1));
                here.push((l, cx, cy, hw, hh));
            }
            // A joint row: plain lines between its symbols; a row passed
            // from lane to lane: arrows.
            for w in here.windows(2) {
                let (a, b) = ((w[0].1 + w[0].3, w[0].2), (w[1].1 - w[1].3, w[1].2));
                if step.sequential {
                    c.polyline(&[a, (b.0 - 6.0, b.1)]);
                    c.head(b, (1.0, 0.0));
                } else {
                    c.line(a, b);
                }
            }
            at.push((p, here));
            top = y0;
        }
        // Column borders, line by line, from the heading to the last row.
        let rows_top = if heading { table_top - 32.0 } else { table_top };
        for &x in &cols {
            c.line((x, rows_top), (x, top));
        }
        page_extras(&mut c, p + off);
        pages.push(std::mem::take(&mut c.ops));
    }
    // Arrows, drawn on the page of their source; across a page break an
    // arrow to the next step is left to the reader's default.
    for (s, step) in fx.steps.iter().enumerate() {
        let (p, here) = &at[s];
        let mut c = Canvas {
            ops: std::mem::take(&mut pages[p + off]),
            style: fx.style,
        };
        let last = *here.last().unwrap();
        let next = s + 1;
        let goes_next = step.jump.is_none() && next < fx.steps.len();
        if goes_next && at[next].0 == *p {
            let t = at[next].1[0];
            let from = (last.1, last.2 - last.4);
            let to = (t.1, t.2 + t.4);
            // The elbow a little below the row border, not on it.
            let midy = (from.1 + to.1) / 2.0 - 5.0;
            let pts = if (from.0 - to.0).abs() < 0.5 {
                vec![from, to]
            } else {
                vec![from, (from.0, midy), (to.0, midy), to]
            };
            let mut body = pts.clone();
            let tip = *body.last().unwrap();
            body.last_mut().unwrap().1 += 6.0;
            c.polyline(&body);
            c.head(tip, (0.0, -1.0));
            if step.kind == FxKind::Decision {
                c.text(from.0 + 3.0, from.1 - 9.0, 7.0, fx.labels.0);
            }
        }
        if goes_next && at[next].0 != *p {
            // To the next page: an off-page pentagon under the table, its
            // twin above the table of the next page.
            let from = (last.1, last.2 - last.4);
            let bottom = at[s].1[0].2 - row_h / 2.0 - 18.0;
            c.polyline(&[from, (from.0, bottom + 7.0 + 6.0)]);
            c.head((from.0, bottom + 7.0), (0.0, -1.0));
            pentagon(&mut c, from.0, bottom);
            if step.kind == FxKind::Decision {
                c.text(from.0 + 3.0, from.1 - 9.0, 7.0, fx.labels.0);
            }
            let t = at[next].1[0];
            let mut d = Canvas {
                ops: std::mem::take(&mut pages[at[next].0 + off]),
                style: fx.style,
            };
            let top = H - 22.0;
            pentagon(&mut d, t.1, top);
            d.polyline(&[(t.1, top - 7.0), (t.1, t.2 + t.4 + 6.0)]);
            d.head((t.1, t.2 + t.4), (0.0, -1.0));
            pages[at[next].0 + off] = d.ops;
        }
        let branch = step.tidak.or(step.jump).or(step.also);
        if let Some(t) = branch {
            let target = at[t].1[0];
            assert_eq!(at[t].0, *p, "fixture arrows stay on one page");
            // Out of the right corner, down or up beside the symbols (in
            // the gap between the widest symbol and the lane's edge, each
            // arrow its own track), into the target's right side.
            let from = (last.1 + last.3, last.2);
            let x = last.1.max(target.1) + 32.0 + 2.0 * (s % 3) as f64;
            let to = (target.1 + target.3, target.2);
            c.polyline(&[from, (x, from.1), (x, to.1), (to.0 + 6.0, to.1)]);
            c.head(to, (-1.0, 0.0));
            if step.kind == FxKind::Decision {
                c.text(from.0 + 2.0, from.1 + 3.0, 7.0, fx.labels.1);
            }
        }
        pages[p + off] = c.ops;
    }

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let image = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0, 255, 255, 0],
    ));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "Im1" => image },
    });
    let mut contents: Vec<Vec<u8>> = pages
        .into_iter()
        .map(|ops| Content { operations: ops }.encode().expect("encodes"))
        .collect();
    if let Some(at) = fx.scanned_page {
        // A scan: the whole page one image, no text.
        contents.insert(at, format!("q {W} 0 0 {H} 0 0 cm /Im1 Do Q").into_bytes());
    }
    let mut kids = Vec::new();
    for content in contents {
        let stream = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), n(W), n(H)],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}
