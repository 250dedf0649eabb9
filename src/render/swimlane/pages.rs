//! The printed form: the flowchart cut into pages of a few steps each (the
//! `print.steps_per_page` setting), as the official form is printed. Where
//! an arrow runs to a step on another page it ends at an off-page connector
//! (the form's pentagon) with that step's number, in a row of its own at the
//! top of the page (a step before the page) or at the bottom (a step after).
//!
//! Each page is laid out as an SOP of its own, made of the page's steps and
//! its connectors, so every page gets the same routing and the same
//! guarantees as the whole drawing.

use std::collections::{BTreeSet, HashMap};

use super::layout::{Layout, layout_with};
use super::svg::{self, Frame};
use crate::config::Language;
use crate::model::{Flow, Sop, Step};

/// One printed page: the SOP of its rows and how they map to the real steps.
struct Page {
    sop: Sop,
    frame: Frame,
}

/// The printed pages of the flowchart of `sop`, `steps_per_page` steps
/// each, as `<svg>` elements. Ids carry the page (`alur-panah-h2`) so the
/// pages can sit together in one HTML page, and symbols do not link to the
/// steps table (the screen drawing does).
pub fn render_print_pages(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<String> {
    pages(sop, language, steps_per_page)
        .into_iter()
        .map(|page| {
            let layout = layout_with(&page.sop, &page.frame.offpage);
            svg::draw(&page.sop, sop, &layout, &page.frame, language)
        })
        .collect()
}

/// The layouts of [`render_print_pages`], for tests.
pub fn print_page_layouts(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<Layout> {
    pages(sop, language, steps_per_page)
        .iter()
        .map(|page| layout_with(&page.sop, &page.frame.offpage))
        .collect()
}

fn pages(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<Page> {
    let n = sop.steps.len();
    let per = steps_per_page.max(1);
    let count = n.div_ceil(per).max(1);
    (0..count)
        .map(|p| {
            page(
                sop,
                language,
                p,
                count,
                p * per..((p + 1) * per).min(n),
                per,
            )
        })
        .collect()
}

fn page(
    sop: &Sop,
    language: Language,
    index: usize,
    count: usize,
    range: std::ops::Range<usize>,
    per: usize,
) -> Page {
    let n = sop.steps.len();
    let inside = |i: usize| range.contains(&i);
    let edges: Vec<_> = sop
        .edges()
        .into_iter()
        .filter(|e| e.from < n && e.to < n)
        .collect();
    let mut before = BTreeSet::new();
    let mut after = BTreeSet::new();
    for e in &edges {
        if inside(e.from) != inside(e.to) {
            let other = if inside(e.from) { e.to } else { e.from };
            if other < range.start {
                before.insert(other);
            } else {
                after.insert(other);
            }
        }
    }
    let order: Vec<usize> = before
        .iter()
        .copied()
        .chain(range.clone())
        .chain(after.iter().copied())
        .collect();
    let row_of: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(row, &real)| (real, row))
        .collect();
    let map = |real: usize| row_of.get(&real).copied();

    let steps: Vec<Step> = order
        .iter()
        .enumerate()
        .map(|(row, &real)| {
            let original = &sop.steps[real];
            let mut step = original.clone();
            step.number = row + 1;
            if inside(real) {
                step.flow = match &original.flow {
                    Flow::Next { to } => Flow::Next {
                        to: to.and_then(map),
                    },
                    Flow::Decision {
                        ya,
                        tidak,
                        label_ya,
                        label_tidak,
                    } => match (map(*ya), map(*tidak)) {
                        (Some(ya), Some(tidak)) => Flow::Decision {
                            ya,
                            tidak,
                            label_ya: label_ya.clone(),
                            label_tidak: label_tidak.clone(),
                        },
                        // Out-of-range targets (an unchecked SOP): no arrows.
                        _ => Flow::Next { to: None },
                    },
                };
            } else {
                // A connector carries on only into this page, with the
                // branch labels when both branches of a decision land here.
                step.flow = match &original.flow {
                    Flow::Next { to } => Flow::Next {
                        to: to.filter(|&t| inside(t)).and_then(map),
                    },
                    Flow::Decision {
                        ya,
                        tidak,
                        label_ya,
                        label_tidak,
                    } => match (inside(*ya), inside(*tidak)) {
                        (true, true) => Flow::Decision {
                            ya: map(*ya).unwrap_or(row),
                            tidak: map(*tidak).unwrap_or(row),
                            label_ya: label_ya.clone(),
                            label_tidak: label_tidak.clone(),
                        },
                        (true, false) => Flow::Next { to: map(*ya) },
                        (false, true) => Flow::Next { to: map(*tidak) },
                        (false, false) => Flow::Next { to: None },
                    },
                };
                step.lanes.truncate(1);
                let on_page = real / per + 1;
                step.kegiatan = match language {
                    Language::Id => format!("Langkah {} di halaman {on_page}", real + 1),
                    Language::En => format!("Step {} on page {on_page}", real + 1),
                };
            }
            step
        })
        .collect();

    let mut page_sop = sop.clone();
    page_sop.steps = steps;
    let title_suffix = match language {
        Language::Id => format!(" (halaman {} dari {count})", index + 1),
        Language::En => format!(" (page {} of {count})", index + 1),
    };
    Page {
        sop: page_sop,
        frame: Frame {
            numbers: order.iter().map(|r| r + 1).collect(),
            offpage: order.iter().map(|&r| !inside(r)).collect(),
            links: false,
            title_suffix,
            id_suffix: format!("-h{}", index + 1),
        },
    }
}
