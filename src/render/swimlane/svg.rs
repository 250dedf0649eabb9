//! Drawing a [`Layout`] as an SVG string, written by hand: the markup is a
//! contract (docs/architecture.md, "The flowchart") and must not drift.
//!
//! Colours come from classes and a small stylesheet inside the SVG (light
//! by default, dark under `prefers-color-scheme: dark`), so the standalone
//! alur.svg looks right on its own and the page's CSS can override it.
//! Numbers carry one decimal so snapshots are stable.

use std::fmt::Write as _;

use super::layout::{Anchor, Cell, FONT, HEADER_FONT, HEADER_LINE, LINE, Layout, Rect};
use super::markup::{N, Piece, esc, line, path_d, push};
use super::symbols::{draw_end, draw_symbol};
use crate::config::Language;
use crate::i18n::{self, FlowchartStrings, Strings};
use crate::model::{Alur, Flow, Sop, StepKind, Target};

/// The font stack whose metrics metrics.rs embeds (Arial and its metric twins).
pub const FONT_STACK: &str = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

const STYLE: &str = "
.alur{font-family:Arial,'Liberation Sans',Arimo,Helvetica,sans-serif;font-size:12px;background:#fff}
.alur text{fill:#1b1f24}
.alur .alur-kepala{font-weight:bold;font-size:11px}
.alur .alur-garis{stroke:#8c959f;stroke-width:1}
.alur .alur-bentuk{fill:#fff;stroke:#1b1f24;stroke-width:1.5}
.alur .alur-mulai .alur-bentuk,.alur .alur-selesai .alur-bentuk{fill:#e6f0fb}
.alur .alur-keputusan .alur-bentuk{fill:#fdf5e2}
.alur .alur-nomor{font-weight:bold;font-size:12px}
.alur .alur-simbol{font-size:10px}
.alur .alur-akhir-teks{font-size:9px}
.alur .alur-panah,.alur .alur-gabung{fill:none;stroke:#1b1f24;stroke-width:1.3}
.alur .alur-ujung{fill:#1b1f24}
.alur .alur-label{font-size:11px;font-style:italic}
.alur .alur-latar{fill:#fff}
.alur a:hover .alur-bentuk,.alur a:focus .alur-bentuk{stroke-width:2.5}
.alur g:target .alur-bentuk{stroke:#b45309;stroke-width:3}
.alur .alur-lajur text{fill:#0a55a3;text-decoration:underline}
@media (prefers-color-scheme: dark){
.alur{background:#16191d}
.alur text{fill:#e3e6ea}
.alur .alur-garis{stroke:#59616b}
.alur .alur-bentuk{fill:#22262b;stroke:#d5d9de}
.alur .alur-mulai .alur-bentuk,.alur .alur-selesai .alur-bentuk{fill:#1d2b3c}
.alur .alur-keputusan .alur-bentuk{fill:#352c18}
.alur .alur-panah,.alur .alur-gabung{stroke:#d5d9de}
.alur .alur-ujung{fill:#d5d9de}
.alur .alur-latar{fill:#16191d}
.alur g:target .alur-bentuk{stroke:#f59e0b}
.alur .alur-lajur text{fill:#8cc4ff}
}
";

/// The drawing's words in the UI language (src/i18n.rs): its own, and
/// those it shares with the steps table of the page.
struct Words {
    t: &'static Strings,
    f: &'static FlowchartStrings,
}

fn words(language: Language) -> Words {
    Words {
        t: Strings::of(language),
        f: FlowchartStrings::of(language),
    }
}

impl Words {
    /// "7 langkah, 3 pelaksana".
    fn steps_roles(&self, steps: usize, roles: usize) -> String {
        let t = self.t;
        format!(
            "{}, {}",
            i18n::count(steps, t.step_count_one, t.step_count),
            i18n::count(roles, t.role_count_one, t.role_count)
        )
    }
}

/// What a drawing of some of the rows needs to know about them.
pub struct Frame {
    /// The step number (1-based position in the whole SOP) of each row:
    /// `data-step`, `data-from`, `data-to`.
    pub numbers: Vec<usize>,
    /// The number printed on the paper for each row (`no`; empty for an
    /// unnumbered row): the No column and the symbols show it.
    pub labels: Vec<String>,
    /// Rows that are off-page connectors: no number in the No column.
    pub offpage: Vec<bool>,
    /// What a row's symbol shows instead of its step number: the letter a
    /// pair of off-page connectors shares.
    pub marks: Vec<Option<String>>,
    /// Give symbols their ids and links to the steps table (the drawing on
    /// screen; printed pages repeat steps and must not repeat ids).
    pub links: bool,
    /// Added to the title, e.g. " (halaman 1 dari 2)".
    pub title_suffix: String,
    /// Added to the ids inside the SVG, so several drawings can share a page.
    pub id_suffix: String,
    /// The page of each lane's role: its header links there (a new member
    /// of staff clicks their role to see every step they do). Empty: no links.
    pub lane_urls: Vec<Option<String>>,
}

impl Frame {
    /// Every row is its own step.
    pub fn whole(sop: &Sop) -> Frame {
        Frame {
            numbers: (1..=sop.steps.len()).collect(),
            labels: sop.steps.iter().map(|s| s.no.clone()).collect(),
            offpage: vec![false; sop.steps.len()],
            marks: Vec::new(),
            links: true,
            title_suffix: String::new(),
            id_suffix: String::new(),
            lane_urls: Vec::new(),
        }
    }

    pub(super) fn number(&self, row: usize) -> usize {
        self.numbers.get(row).copied().unwrap_or(row + 1)
    }

    /// The printed number of a row.
    pub(super) fn label(&self, row: usize) -> String {
        match self.labels.get(row) {
            Some(label) => label.clone(),
            None => self.number(row).to_string(),
        }
    }
}

/// Draws `layout` (made from `sop`, whose description `whole` gives) as
/// the `<svg>` element.
pub fn draw(sop: &Sop, whole: &Sop, layout: &Layout, frame: &Frame, language: Language) -> String {
    draw_described(
        sop,
        whole,
        layout,
        frame,
        language,
        &description(whole, language),
    )
}

/// The description of `whole` in words, escaped for the SVG's `<desc>`.
pub fn description(whole: &Sop, language: Language) -> String {
    esc(&describe(
        whole,
        &words(language),
        0..whole.steps.len(),
        true,
    ))
    .into_owned()
}

/// The description of the printed page that holds `steps` of `whole`: the
/// counts of the whole SOP, then only the page's own steps.
pub fn page_description(whole: &Sop, language: Language, steps: std::ops::Range<usize>) -> String {
    esc(&describe(whole, &words(language), steps, false)).into_owned()
}

/// As [`draw`], with the [`description`] of `whole` made already.
pub fn draw_described(
    sop: &Sop,
    whole: &Sop,
    layout: &Layout,
    frame: &Frame,
    language: Language,
    description: &str,
) -> String {
    let w = words(language);
    let mut out = String::with_capacity(4096 + sop.steps.len() * 900);
    let s = frame.id_suffix.as_str();
    push!(
        &mut out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="alur" viewBox="0 0 "#,
        N(layout.width),
        " ",
        N(layout.height),
        r#"" width=""#,
        N(layout.width),
        r#"" height=""#,
        N(layout.height),
        // A drawing with links (the page's, alur.svg) is a graphics
        // document: an image role would hide its links from assistive
        // technology (axe: nested-interactive); paper has none.
        if frame.links || frame.lane_urls.iter().any(Option::is_some) {
            r#"" role="graphics-document" aria-labelledby="alur-judul"#
        } else {
            r#"" role="img" aria-labelledby="alur-judul"#
        },
        s,
        " alur-ringkasan",
        s,
        r#"">"#,
    );
    push!(
        &mut out,
        r#"<title id="alur-judul"#,
        s,
        r#"">"#,
        w.f.title,
        ": ",
        &esc(&whole.nama),
        &esc(&frame.title_suffix),
        r#"</title><desc id="alur-ringkasan"#,
        s,
        r#"">"#,
        description,
        "</desc>",
    );
    out.push('\n');
    out.push_str("<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n");
    push!(
        &mut out,
        r#"<defs><marker id="alur-panah"#,
        s,
        r#"" viewBox="0 0 10 10" refX="10" refY="5" "#,
    );
    out.push_str(concat!(
        r#"markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">"#,
        r#"<polygon class="alur-ujung" points="0,1 10,5 0,9"/></marker></defs>"#,
        "\n",
    ));

    table(&mut out, layout, &w);
    texts(&mut out, layout, frame, &w);

    out.push_str(r#"<g class="alur-sambungan">"#);
    out.push('\n');
    for join in &layout.joins {
        push!(
            &mut out,
            r#"<line class="alur-gabung" x1=""#,
            N(join.from.x),
            r#"" y1=""#,
            N(join.from.y),
            r#"" x2=""#,
            N(join.to.x),
            r#"" y2=""#,
            N(join.to.y),
            "\"/>\n",
        );
    }
    for arrow in &layout.arrows {
        push!(
            &mut out,
            r#"<path class="alur-panah"#,
            if arrow.is_no { " alur-tidak" } else { "" },
            if arrow.within { " alur-berurutan" } else { "" },
            r#"" data-from=""#,
            frame.number(arrow.from),
            r#"" data-to=""#,
        );
        if arrow.end {
            out.push_str("selesai");
        } else {
            push!(&mut out, frame.number(arrow.to));
        }
        push!(&mut out, r#"" d=""#);
        path_d(&mut out, &arrow.points);
        push!(&mut out, r#"" marker-end="url(#alur-panah"#, s, ")\"/>\n");
    }
    out.push_str("</g>");

    out.push_str(r#"<g class="alur-simbol">"#);
    out.push('\n');
    let mut first_seen = vec![false; sop.steps.len()];
    for symbol in &layout.symbols {
        let first = !std::mem::replace(&mut first_seen[symbol.step], true);
        draw_symbol(&mut out, sop, symbol, frame, first);
    }
    for end in &layout.ends {
        draw_end(&mut out, sop, end, frame, w.f.end_mark);
    }
    out.push_str("</g>");

    out.push_str(r#"<g class="alur-cabang">"#);
    out.push('\n');
    for label in &layout.labels {
        let anchor = match label.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        // The halo that keeps a label readable over a line is a box of
        // the background colour behind it, not a stroke around the glyphs:
        // a stroked text is printed to PDF as a second copy of the text,
        // which copy-paste and screen readers then read twice.
        let b = label.bounds();
        push!(
            &mut out,
            r#"<rect class="alur-latar" x=""#,
            N(b.x - 1.0),
            r#"" y=""#,
            N(b.y - 1.0),
            r#"" width=""#,
            N(b.w + 2.0),
            r#"" height=""#,
            N(b.h + 2.0),
            r#""/><text class="alur-label" x=""#,
            N(label.at.x),
            r#"" y=""#,
            N(label.at.y),
            r#"" text-anchor=""#,
            anchor,
            r#"">"#,
        );
        push!(&mut out, &esc(&label.text));
        out.push_str("</text>\n");
    }
    out.push_str("</g></svg>");
    out
}

/// The table rules: outer frame, header rows, column and row lines.
fn table(out: &mut String, layout: &Layout, _w: &Words) {
    let left = layout.number_column.x;
    let right = layout
        .mutu_columns
        .last()
        .or(layout.lanes.last())
        .map_or(layout.kegiatan_column.x + layout.kegiatan_column.w, |c| {
            c.x + c.w
        });
    let top = layout.top;
    let bottom = layout.rows.last().map_or(
        top + layout.header_heights.0 + layout.header_heights.1,
        |r| r.y + r.h,
    );
    let band = top + layout.header_heights.0;
    let body = band + layout.header_heights.1;
    let lanes_x = layout.kegiatan_column.x + layout.kegiatan_column.w;
    out.push_str(r#"<g class="alur-garis">"#);
    out.push('\n');
    line(out, left, top, right, top);
    let lanes_right = layout.lanes.last().map_or(lanes_x, |c| c.x + c.w);
    line(out, lanes_x, band, lanes_right, band);
    // The "Mutu Baku" band spans Kelengkapan, Waktu and Output.
    if let (Some(first), Some(third)) = (layout.mutu_columns.first(), layout.mutu_columns.get(2)) {
        line(out, first.x, band, third.x + third.w, band);
    }
    line(out, left, body, right, body);
    for row in &layout.rows {
        line(out, left, row.y + row.h, right, row.y + row.h);
    }
    line(out, left, top, left, bottom);
    line(
        out,
        layout.kegiatan_column.x,
        top,
        layout.kegiatan_column.x,
        bottom,
    );
    line(out, lanes_x, top, lanes_x, bottom);
    for lane in layout.lanes.iter().skip(1) {
        line(out, lane.x, band, lane.x, bottom);
    }
    for (k, column) in layout.mutu_columns.iter().enumerate() {
        // Waktu and Output sit under the band; Kelengkapan and Keterangan
        // start whole columns.
        let from = if k == 1 || k == 2 { band } else { top };
        line(out, column.x, from, column.x, bottom);
    }
    line(out, right, top, right, bottom);
    out.push_str("</g>");
}

/// Writes the lines of a cell, centred vertically; `x` per `anchor`.
/// A label of the header row, bold and centred in its cell.
fn header_text(out: &mut String, cell: &Cell) {
    cell_text(
        out,
        cell,
        HEADER_FONT,
        HEADER_LINE,
        Anchor::Middle,
        "alur-kepala",
    );
}

/// A label spanning the columns from `left` to `right` in the header's top
/// band ("Pelaksana" over the lanes, "Mutu Baku" over its three columns).
fn header_band(out: &mut String, left: f64, right: f64, top: f64, h: f64, label: &str) {
    let band = Cell {
        rect: Rect {
            x: left,
            y: top,
            w: right - left,
            h,
        },
        lines: vec![label.to_string()],
    };
    header_text(out, &band);
}

fn cell_text(out: &mut String, cell: &Cell, size: f64, line_h: f64, anchor: Anchor, class: &str) {
    if cell.lines.is_empty() {
        return;
    }
    let (x, anchor_attr) = match anchor {
        Anchor::Start => (cell.rect.x + 7.0, ""),
        Anchor::Middle => (cell.rect.cx(), r#" text-anchor="middle""#),
        Anchor::End => (cell.rect.right() - 7.0, r#" text-anchor="end""#),
    };
    let block = cell.lines.len() as f64 * line_h;
    // Baseline of the first line: the block centred, baseline at ~0.8 em.
    let first = cell.rect.cy() - block / 2.0 + (line_h - size) / 2.0 + size * 0.82;
    push!(out, r#"<text class=""#, class, "\"", anchor_attr, ">");
    for (i, text) in cell.lines.iter().enumerate() {
        push!(
            out,
            r#"<tspan x=""#,
            N(x),
            r#"" y=""#,
            N(first + i as f64 * line_h),
            r#"">"#,
            &esc(text),
            "</tspan>",
        );
    }
    out.push_str("</text>\n");
}

/// Header labels, role names, step numbers and the Kegiatan texts.
fn texts(out: &mut String, layout: &Layout, frame: &Frame, w: &Words) {
    let (h1, h2) = layout.header_heights;
    let whole_header = |column: &super::layout::Column| Rect {
        x: column.x,
        y: layout.top,
        w: column.w,
        h: h1 + h2,
    };
    out.push_str(r#"<g class="alur-teks">"#);
    out.push('\n');
    for (column, label) in [
        (&layout.number_column, w.t.step_no),
        (&layout.kegiatan_column, w.t.kegiatan),
    ] {
        let cell = Cell {
            rect: whole_header(column),
            lines: vec![label.to_string()],
        };
        header_text(out, &cell);
    }
    if let (Some(first), Some(last)) = (layout.lanes.first(), layout.lanes.last()) {
        header_band(out, first.x, last.x + last.w, layout.top, h1, w.f.roles);
    }
    let mutu_columns = [w.t.kelengkapan, w.t.waktu, w.t.output, w.t.keterangan];
    for (k, column) in layout.mutu_columns.iter().enumerate() {
        let rect = if k == 3 {
            whole_header(column)
        } else {
            Rect {
                x: column.x,
                y: layout.top + h1,
                w: column.w,
                h: h2,
            }
        };
        let cell = Cell {
            rect,
            lines: vec![mutu_columns.get(k).copied().unwrap_or("").to_string()],
        };
        header_text(out, &cell);
    }
    if let (Some(first), Some(third)) = (layout.mutu_columns.first(), layout.mutu_columns.get(2)) {
        header_band(
            out,
            first.x,
            third.x + third.w,
            layout.top,
            h1,
            w.t.mutu_baku,
        );
    }
    for (i, header) in layout.lane_headers.iter().enumerate() {
        let url = frame.lane_urls.get(i).and_then(Option::as_deref);
        if let Some(url) = url {
            push!(out, r#"<a class="alur-lajur" href=""#, &esc(url), r#"">"#);
        }
        cell_text(
            out,
            header,
            HEADER_FONT,
            HEADER_LINE,
            Anchor::Middle,
            "alur-kepala",
        );
        if url.is_some() {
            out.push_str("</a>\n");
        }
    }
    for (i, row) in layout.rows.iter().enumerate() {
        let number = Cell {
            rect: Rect {
                x: layout.number_column.x,
                y: row.y,
                w: layout.number_column.w,
                h: row.h,
            },
            lines: if frame.offpage.get(i).copied().unwrap_or(false) {
                Vec::new()
            } else {
                // An unnumbered row (`no: ""`) has an empty cell.
                Some(frame.label(i))
                    .filter(|l| !l.is_empty())
                    .into_iter()
                    .collect()
            },
        };
        cell_text(out, &number, FONT, LINE, Anchor::Middle, "alur-no");
        cell_text(
            out,
            &row.kegiatan,
            FONT,
            LINE,
            Anchor::Start,
            "alur-kegiatan",
        );
        for cell in &row.mutu {
            cell_text(out, cell, FONT, LINE, Anchor::Start, "alur-mutu");
        }
    }
    out.push_str("</g>");
}

/// "Langkah 6" (the printed number), or "Langkah (baris 5)" for an unnumbered row.
fn step_words(sop: &Sop, i: usize, w: &Words) -> String {
    match sop.steps.get(i) {
        Some(step) if !step.no.is_empty() => format!("{} {}", w.t.step, step.no),
        _ => format!("{} ({} {})", w.t.step, w.f.row, i + 1),
    }
}

/// The flow in words, for a screen reader: the counts (and with `lanes`,
/// the roles), then each step of `steps`, who does it and where it leads.
fn describe(sop: &Sop, w: &Words, steps: std::ops::Range<usize>, lanes: bool) -> String {
    let mut out = w.steps_roles(sop.steps.len(), sop.lanes.len());
    if lanes && !sop.lanes.is_empty() {
        out.push_str(": ");
        let names: Vec<&str> = sop.lanes.iter().map(|l| l.nama.as_str()).collect();
        out.push_str(&names.join(", "));
    }
    out.push('.');
    for step in sop.steps.get(steps).unwrap_or_default() {
        let roles: Vec<&str> = step
            .lanes
            .iter()
            .filter_map(|&l| sop.lanes.get(l).map(|l| l.nama.as_str()))
            .collect();
        let _ = write!(out, " {}", step_words(sop, step.number - 1, w));
        if !roles.is_empty() {
            let joiner = match step.alur {
                Alur::Bersama => format!(" {} ", w.f.and),
                Alur::Berurutan => " → ".to_string(),
            };
            let _ = write!(out, " ({})", roles.join(&joiner));
        }
        let _ = write!(out, ": {}", step.kegiatan.trim());
        let to = |t: &Target| match t.step_index() {
            Some(i) => format!(
                "{} {}",
                w.t.to_step,
                step_words(sop, i, w).trim_start_matches(w.t.step).trim()
            ),
            None => w.f.end.to_string(),
        };
        match &step.flow {
            Flow::Next { to: targets } if targets.is_empty() => {
                if step.kind == StepKind::Selesai {
                    let _ = write!(out, "; {}.", w.f.end);
                } else {
                    out.push('.');
                }
            }
            Flow::Next { to: targets } => {
                let list: Vec<String> = targets
                    .iter()
                    .map(|t| match t.step_index() {
                        Some(i) => format!(
                            "{} {}",
                            w.f.then,
                            step_words(sop, i, w).trim_start_matches(w.t.step).trim()
                        ),
                        None => w.f.end.to_string(),
                    })
                    .collect();
                let _ = write!(out, "; {}.", list.join(&format!(" {} ", w.f.and)));
            }
            Flow::Decision {
                ya,
                tidak,
                label_ya,
                label_tidak,
            } => {
                let ya_label = Flow::named(label_ya, Flow::YA);
                let tidak_label = Flow::named(label_tidak, Flow::TIDAK);
                let _ = write!(
                    out,
                    " ({}): {ya_label} {}, {tidak_label} {}.",
                    w.f.decision,
                    to(ya),
                    to(tidak),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::words;
    use crate::config::Language;

    #[test]
    fn the_english_summary_counts_one_in_the_singular() {
        let en = words(Language::En);
        assert_eq!(en.steps_roles(1, 1), "1 step, 1 role");
        assert_eq!(en.steps_roles(7, 3), "7 steps, 3 roles");
        assert_eq!(
            words(Language::Id).steps_roles(1, 1),
            "1 langkah, 1 pelaksana"
        );
    }
}
