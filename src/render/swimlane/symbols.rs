//! Drawing the symbols of a step and the end terminators of branches:
//! each a group with the step's data attributes, linked to its row of the
//! steps table on screen.

use super::layout::{END_FONT, EndMark, OFFPAGE_SHOULDER, SIMBOL_FONT, SIMBOL_LINE, Shape, Symbol};
use super::markup::{N, Piece, esc, polygon, push};
use super::svg::Frame;
use crate::model::Sop;
use crate::routes::{CHART_STEP_ANCHOR, STEP_ANCHOR};

pub(super) fn draw_symbol(
    out: &mut String,
    sop: &Sop,
    symbol: &Symbol,
    frame: &Frame,
    first: bool,
) {
    let number = frame.number(symbol.step);
    let jenis = symbol.kind.as_str();
    let slug = sop.lanes.get(symbol.lane).map_or("", |l| l.slug.as_str());
    let r = symbol.rect;
    if frame.links {
        push!(out, r##"<a href="#"##, STEP_ANCHOR, number, r#"">"#);
    }
    let class = if symbol.shape == Shape::OffPage {
        "penghubung"
    } else {
        jenis
    };
    out.push_str("<g");
    if first && frame.links {
        push!(out, r#" id=""#, CHART_STEP_ANCHOR, number, "\"");
    }
    push!(
        out,
        r#" class="alur-"#,
        class,
        r#"" data-step=""#,
        number,
        r#"" data-jenis=""#,
        jenis,
        r#"" data-lane=""#,
        &esc(slug),
        r#"">"#,
    );
    match symbol.shape {
        Shape::Process | Shape::Terminator => {
            push!(
                out,
                r#"<rect class="alur-bentuk" x=""#,
                N(r.x),
                r#"" y=""#,
                N(r.y),
                r#"" width=""#,
                N(r.w),
                r#"" height=""#,
                N(r.h),
            );
            if symbol.shape == Shape::Terminator {
                push!(out, r#"" rx=""#, N(r.h / 2.0), r#"" ry=""#, N(r.h / 2.0));
            }
            out.push_str("\"/>");
        }
        Shape::Decision => {
            // The four corners: top, right, bottom, left.
            polygon(
                out,
                &[
                    (r.cx(), r.y),
                    (r.right(), r.cy()),
                    (r.cx(), r.bottom()),
                    (r.x, r.cy()),
                ],
            );
        }
        Shape::OffPage => {
            let shoulder = r.y + r.h * OFFPAGE_SHOULDER;
            polygon(
                out,
                &[
                    (r.x, r.y),
                    (r.right(), r.y),
                    (r.right(), shoulder),
                    (r.cx(), r.bottom()),
                    (r.x, shoulder),
                ],
            );
        }
    }
    let baseline = match symbol.shape {
        Shape::OffPage => r.y + r.h * 0.45 + 4.3,
        _ => r.cy() + 4.3,
    };
    let text_start = out.len();
    push!(
        out,
        r#"<text class="alur-nomor" x=""#,
        N(r.cx()),
        r#"" y=""#,
        N(baseline),
        r#"" text-anchor="middle">"#,
    );
    match frame.marks.get(symbol.step) {
        Some(Some(mark)) => push!(out, &esc(mark)),
        _ if !symbol.text.is_empty() => {
            // The SOP's own words for the symbol, smaller, line by line.
            out.truncate(text_start);
            push!(out, r#"<text class="alur-simbol" text-anchor="middle">"#);
            let block = symbol.text.len() as f64 * SIMBOL_LINE;
            let first = r.cy() - block / 2.0 + SIMBOL_FONT * 0.85;
            for (i, line) in symbol.text.iter().enumerate() {
                push!(
                    out,
                    r#"<tspan x=""#,
                    N(r.cx()),
                    r#"" y=""#,
                    N(first + i as f64 * SIMBOL_LINE),
                    r#"">"#,
                    &esc(line),
                    "</tspan>",
                );
            }
        }
        _ => push!(out, &esc(&frame.label(symbol.step))),
    }
    out.push_str("</text></g>");
    if frame.links {
        out.push_str("</a>");
    }
    out.push('\n');
}

/// The end terminator of a branch that ends the procedure: a small capsule
/// under the symbol the branch leaves, in its lane.
pub(super) fn draw_end(out: &mut String, sop: &Sop, end: &EndMark, frame: &Frame, end_mark: &str) {
    let slug = sop.lanes.get(end.lane).map_or("", |l| l.slug.as_str());
    let r = end.rect;
    push!(
        out,
        r#"<g class="alur-selesai alur-akhir" data-jenis="selesai" data-lane=""#,
        &esc(slug),
        r#"" data-end-of=""#,
        frame.number(end.step),
        r#""><rect class="alur-bentuk" x=""#,
        N(r.x),
        r#"" y=""#,
        N(r.y),
        r#"" width=""#,
        N(r.w),
        r#"" height=""#,
        N(r.h),
        r#"" rx=""#,
        N(r.h / 2.0),
        r#"" ry=""#,
        N(r.h / 2.0),
        r#""/><text class="alur-akhir-teks" x=""#,
        N(r.cx()),
        r#"" y=""#,
        N(r.cy() + END_FONT * 0.35),
        r#"" text-anchor="middle">"#,
        end_mark,
        "</text></g>\n",
    );
}
