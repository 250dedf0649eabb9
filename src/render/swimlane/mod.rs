//! The SOP AP flowchart ("diagram alir") as SVG, drawn by lajur itself.
//!
//! Rows are the steps in order and columns are the lanes (pelaksana), as on
//! the official form, so no general graph layout is needed: [`layout`] is a
//! pure function from an SOP to plain geometry (symbols, orthogonal arrows,
//! labels), and [`render_svg`] draws that geometry as the `<svg>` element
//! that goes inline in the SOP page and into alur.svg. See
//! docs/architecture.md, "The flowchart", for the layout and the markup
//! contract.

mod arrows;
mod channel;
mod labels;
mod layout;
mod markup;
pub mod metrics;
mod pages;
mod route;
mod svg;
mod symbols;

pub use layout::{
    Anchor, Arrow, Cell, Column, EndMark, Join, Label, Layout, Point, Rect, Row, Shape, Symbol,
    layout,
};
pub use pages::{
    Crossing, print_crossings, print_page_count, print_page_layouts, render_print_pages,
};
pub use svg::FONT_STACK;

use crate::config::Language;
use crate::model::Sop;

/// The whole `<svg>` element of the flowchart of `sop`, identical inline in
/// the page and in alur.svg. Each symbol links to the row of the steps
/// table ([`crate::routes::step_anchor`]) and carries the id
/// [`crate::routes::CHART_STEP_ANCHOR`] and its number for the way back.
pub fn render_svg(sop: &Sop, language: Language) -> String {
    render_svg_linked(sop, language, Vec::new())
}

/// As [`render_svg`], with each lane header linked to `lane_urls[lane]`
/// (the role's page) where there is one.
pub fn render_svg_linked(sop: &Sop, language: Language, lane_urls: Vec<Option<String>>) -> String {
    let frame = svg::Frame {
        lane_urls,
        ..svg::Frame::whole(sop)
    };
    svg::draw(sop, sop, &layout(sop), &frame, language)
}
