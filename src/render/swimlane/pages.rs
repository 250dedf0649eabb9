//! The printed form: the flowchart cut into pages of a few steps each (the
//! `print.steps_per_page` setting), as the official form is printed, with
//! the form's Mutu Baku (Kelengkapan, Waktu, Output) and Keterangan columns
//! beside the lanes, so each step's row holds its symbol and its standards.
//!
//! Where an arrow runs to a step on another page it ends at an off-page
//! connector (the form's pentagon), in a row of its own at the bottom of the
//! page, and resumes from a matching pentagon in a row at the top of the
//! other page (or the other way round for an arrow back to an earlier page).
//! The two pentagons of one arrow carry the same letter (A, B, C, ... over
//! the whole SOP) and their rows say which step on which page they stand for.
//!
//! Each page is laid out as an SOP of its own, made of the page's steps and
//! its connectors, so every page gets the same routing and the same
//! guarantees as the whole drawing.

use std::cmp::Reverse;

use super::layout::{Layout, layout_with};
use super::svg::{self, Frame};
use crate::config::Language;
use crate::i18n::{self, FlowchartStrings};
use crate::model::{Alur, Flow, Sop, Step, Target};

/// An arrow that runs from one printed page to another. Step indices are
/// 0-based, as in [`super::Arrow`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crossing {
    pub from: usize,
    pub to: usize,
    /// The "Tidak" branch of a decision (a decision may send both branches
    /// to the same step).
    pub is_no: bool,
    /// The symbol of `to` it aims at (0 unless a berurutan row is entered
    /// further in).
    pub to_symbol: usize,
    /// What both its pentagons show: "A", "B", ..., "Z", "AA", ...
    pub letter: String,
}

/// One printed page: the SOP of its rows and how they map to the real steps.
struct Page {
    sop: Sop,
    frame: Frame,
}

/// How many printed pages the flowchart of `sop` takes.
pub fn print_page_count(sop: &Sop, steps_per_page: usize) -> usize {
    sop.steps.len().div_ceil(steps_per_page.max(1)).max(1)
}

/// The printed pages of the flowchart of `sop`, `steps_per_page` steps
/// each, as `<svg>` elements with the Mutu Baku and Keterangan columns.
/// Ids carry the page (`alur-panah-h2`) so the pages can sit together in
/// one HTML page, and symbols do not link to the steps table (the screen
/// drawing does).
pub fn render_print_pages(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<String> {
    let per = steps_per_page.max(1);
    pages(sop, language, steps_per_page)
        .into_iter()
        .enumerate()
        .map(|(index, page)| {
            // Each page describes its own steps: the whole flow on every
            // page made the printed form grow with the square of the steps.
            let first = (index * per).min(sop.steps.len());
            let steps = first..(first + per).min(sop.steps.len());
            let description = svg::page_description(sop, language, steps);
            let layout = layout_with(&page.sop, &page.frame.offpage, true);
            svg::draw_described(&page.sop, sop, &layout, &page.frame, language, &description)
        })
        .collect()
}

/// The layouts of [`render_print_pages`], for tests.
pub fn print_page_layouts(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<Layout> {
    pages(sop, language, steps_per_page)
        .iter()
        .map(|page| layout_with(&page.sop, &page.frame.offpage, true))
        .collect()
}

/// Every arrow that crosses from one printed page to another, lettered in
/// reading order: by the earlier page it touches, then the later page,
/// then where it lands on the later page. So the arrow that carries the
/// flow on to the next page is usually "A", and a loop back across the
/// same break gets the next letter.
pub fn print_crossings(sop: &Sop, steps_per_page: usize) -> Vec<Crossing> {
    let per = steps_per_page.max(1);
    let n = sop.steps.len();
    let mut list: Vec<(usize, usize, bool, usize)> = sop
        .edges()
        .into_iter()
        .filter_map(|e| match e.target {
            Target::Step { step, symbol } => Some((e.from, step, e.is_no, symbol)),
            // An end of a branch is drawn beside the step it leaves.
            Target::End => None,
        })
        .filter(|&(from, to, _, _)| from < n && to < n && from / per != to / per)
        .collect();
    list.sort_by_key(|&(from, to, is_no, symbol)| {
        let (early, late) = (from.min(to), from.max(to));
        (early / per, late / per, late, early, is_no, symbol)
    });
    list.into_iter()
        .enumerate()
        .map(|(i, (from, to, is_no, to_symbol))| Crossing {
            from,
            to,
            is_no,
            to_symbol,
            letter: letter(i),
        })
        .collect()
}

/// 0 → "A", 25 → "Z", 26 → "AA", as spreadsheet columns are named.
fn letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn pages(sop: &Sop, language: Language, steps_per_page: usize) -> Vec<Page> {
    let n = sop.steps.len();
    let per = steps_per_page.max(1);
    let count = print_page_count(sop, per);
    let crossings = print_crossings(sop, per);
    (0..count)
        .map(|p| {
            let range = p * per..((p + 1) * per).min(n);
            page(sop, language, (p, count), range, per, &crossings)
        })
        .collect()
}

/// A pentagon on a page: the crossing it stands for, its step on this page
/// and the step on the other page that it names.
struct Connector<'a> {
    crossing: &'a Crossing,
    here: usize,
    other: usize,
}

fn page(
    sop: &Sop,
    language: Language,
    (index, count): (usize, usize),
    range: std::ops::Range<usize>,
    per: usize,
    crossings: &[Crossing],
) -> Page {
    let words = FlowchartStrings::of(language);
    let inside = |i: usize| range.contains(&i);
    let mut before: Vec<Connector> = Vec::new();
    let mut after: Vec<Connector> = Vec::new();
    for crossing in crossings {
        let (here, other) = match (inside(crossing.from), inside(crossing.to)) {
            (true, false) => (crossing.from, crossing.to),
            (false, true) => (crossing.to, crossing.from),
            _ => continue,
        };
        let connector = Connector {
            crossing,
            here,
            other,
        };
        if other < range.start {
            before.push(connector);
        } else {
            after.push(connector);
        }
    }
    // Nearest the page's own step first at the bottom, last at the top, so
    // the arrow that continues the flow runs straight into its pentagon and
    // the others nest around it.
    before.sort_by_key(|c| {
        (
            Reverse(c.here),
            c.crossing.letter.len(),
            c.crossing.letter.clone(),
        )
    });
    after.sort_by_key(|c| {
        (
            Reverse(c.here),
            c.crossing.letter.len(),
            c.crossing.letter.clone(),
        )
    });

    let first_step_row = before.len();
    let after_row = first_step_row + range.len();
    let step_row = |real: usize| inside(real).then(|| first_step_row + real - range.start);
    // Where an arrow from `from` (on this page) to `target` ends on the page.
    let target_row = |from: usize, target: Target, is_no: bool| {
        let Target::Step { step: to, symbol } = target else {
            return Some(Target::End);
        };
        if let Some(row) = step_row(to) {
            return Some(Target::Step { step: row, symbol });
        }
        let at = |list: &[Connector], base: usize| {
            list.iter()
                .position(|c| {
                    (
                        c.crossing.from,
                        c.crossing.to,
                        c.crossing.is_no,
                        c.crossing.to_symbol,
                    ) == (from, to, is_no, symbol)
                })
                .map(|j| Target::step(base + j))
        };
        at(&before, 0).or_else(|| at(&after, after_row))
    };

    let mut steps: Vec<Step> = Vec::with_capacity(after_row + after.len());
    let mut numbers = Vec::with_capacity(steps.capacity());
    let mut labels = Vec::with_capacity(steps.capacity());
    let mut marks = Vec::with_capacity(steps.capacity());
    let connector_step = |c: &Connector, row: usize| {
        let mut step = sop.steps[c.other].clone();
        step.number = row + 1;
        // A pentagon carries on only into this page; the branch label stays
        // with the decision that the arrow leaves.
        let into_here = c.crossing.to == c.here;
        step.flow = Flow::Next {
            to: step_row(c.here)
                .filter(|_| into_here)
                .map(|row| Target::Step {
                    step: row,
                    symbol: c.crossing.to_symbol,
                })
                .into_iter()
                .collect(),
        };
        // One pentagon, in the lane of the symbol the arrow leaves, on both
        // pages: the twins of a pair sit in the same lane, so a reader
        // follows the flow straight from one page to the next.
        let source = &sop.steps[c.crossing.from];
        let lane = source
            .lanes
            .get(source.exit_symbol())
            .or(source.lanes.first())
            .copied();
        step.lanes = lane.into_iter().collect();
        step.alur = Alur::Bersama;
        step.kinds.clear();
        step.simbol = None;
        let on_page = c.other / per + 1;
        let no = match sop.steps[c.other].no.as_str() {
            "" => (c.other + 1).to_string(),
            no => no.to_string(),
        };
        step.kegiatan = i18n::fill(words.connector, &[("no", &no), ("page", &on_page)]);
        step.kelengkapan.clear();
        step.waktu = None;
        step.output = None;
        step.keterangan = None;
        step
    };
    for c in &before {
        steps.push(connector_step(c, steps.len()));
        numbers.push(c.other + 1);
        labels.push(String::new());
        marks.push(Some(c.crossing.letter.clone()));
    }
    for real in range.clone() {
        let original = &sop.steps[real];
        let mut step = original.clone();
        step.number = steps.len() + 1;
        step.flow = match &original.flow {
            Flow::Next { to } => Flow::Next {
                to: to
                    .iter()
                    .filter_map(|&t| target_row(real, t, false))
                    .collect(),
            },
            Flow::Decision {
                ya,
                tidak,
                label_ya,
                label_tidak,
            } => match (target_row(real, *ya, false), target_row(real, *tidak, true)) {
                (Some(ya), Some(tidak)) => Flow::Decision {
                    ya,
                    tidak,
                    label_ya: label_ya.clone(),
                    label_tidak: label_tidak.clone(),
                },
                // Out-of-range targets (an unchecked SOP): no arrows.
                _ => Flow::Next { to: Vec::new() },
            },
        };
        steps.push(step);
        numbers.push(real + 1);
        labels.push(original.no.clone());
        marks.push(None);
    }
    for c in &after {
        steps.push(connector_step(c, steps.len()));
        numbers.push(c.other + 1);
        labels.push(String::new());
        marks.push(Some(c.crossing.letter.clone()));
    }

    let offpage = marks.iter().map(Option::is_some).collect();
    // Layout and drawing read only the steps and the lanes of a page (the
    // title and the description come from the whole SOP): a clone of the
    // whole SOP for each page copied its citations, body and steps for
    // nothing.
    let page_sop = Sop {
        nomor: sop.nomor.clone(),
        nama: sop.nama.clone(),
        path: sop.path.clone(),
        lanes: sop.lanes.clone(),
        steps,
        ..Sop::default()
    };
    let title_suffix = i18n::fill(words.page_of, &[("page", &(index + 1)), ("count", &count)]);
    Page {
        sop: page_sop,
        frame: Frame {
            numbers,
            labels,
            offpage,
            marks,
            links: false,
            title_suffix,
            id_suffix: format!("-h{}", index + 1),
            // Paper has no links.
            lane_urls: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Pos;
    use crate::model::StepKind;
    use crate::render::swimlane::Shape;
    use crate::testing::model::lane;

    /// `n` steps over two lanes, alternating; `decide` makes step `d`
    /// (1-based) a decision whose Tidak goes back to step `back`.
    fn chain(n: usize, decide: &[(usize, usize)]) -> Sop {
        let steps = (0..n)
            .map(|i| {
                let decision = decide.iter().find(|(d, _)| *d == i + 1);
                let (kind, flow) = match decision {
                    Some(&(_, back)) => (
                        StepKind::Keputusan,
                        Flow::Decision {
                            ya: Target::step(i + 1),
                            tidak: Target::step(back - 1),
                            label_ya: "Ya".into(),
                            label_tidak: "Tidak".into(),
                        },
                    ),
                    None => (
                        match i {
                            0 => StepKind::Mulai,
                            _ if i + 1 == n => StepKind::Selesai,
                            _ => StepKind::Proses,
                        },
                        Flow::next((i + 1 < n).then_some(i + 1)),
                    ),
                };
                Step {
                    number: i + 1,
                    id: None,
                    kegiatan: format!("Kegiatan nomor {}", i + 1),
                    lanes: vec![i % 2],
                    kind,
                    flow,
                    kelengkapan: vec![format!("Berkas {}", i + 1)],
                    waktu: Some(crate::model::waktu::Waktu::parse("15 menit")),
                    output: Some(format!("Hasil {}", i + 1)),
                    keterangan: None,
                    pos: Pos::default(),
                    no: (i + 1).to_string(),
                    ..Step::default()
                }
            })
            .collect();
        Sop {
            file: "content/contoh.yaml".into(),
            path: "contoh".into(),
            nomor: "SOP-01".into(),
            nama: "Contoh".into(),
            lanes: vec![lane("Pelaksana", None), lane("Kepala Bagian", None)],
            steps,
            ..Sop::default()
        }
    }

    #[test]
    fn letters_run_like_spreadsheet_columns() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(letter)
            .collect();
        assert_eq!(
            names,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"].map(String::from)
        );
    }

    #[test]
    fn pages_hold_at_most_the_steps_per_page() {
        let sop = chain(15, &[]);
        assert_eq!(print_page_count(&sop, 8), 2);
        assert_eq!(print_page_count(&sop, 5), 3);
        assert_eq!(print_page_count(&sop, 15), 1);
        assert_eq!(print_page_count(&sop, 0), 15);
        assert_eq!(print_page_count(&chain(0, &[]), 8), 1);
        let layouts = print_page_layouts(&sop, Language::Id, 8);
        assert_eq!(layouts.len(), 2);
        // Page 1: steps 1-8 and one pentagon under them; page 2: one
        // pentagon over steps 9-15.
        assert_eq!(layouts[0].rows.len(), 9);
        assert_eq!(layouts[1].rows.len(), 8);
    }

    #[test]
    fn a_loop_back_across_the_break_gets_its_own_pair_of_letters() {
        // Step 10 decides; Tidak goes back to step 6 on page 1.
        let sop = chain(15, &[(10, 6)]);
        let crossings = print_crossings(&sop, 8);
        let pairs: Vec<(usize, usize, &str)> = crossings
            .iter()
            .map(|c| (c.from + 1, c.to + 1, c.letter.as_str()))
            .collect();
        assert_eq!(pairs, [(8, 9, "A"), (10, 6, "B")]);

        let layouts = print_page_layouts(&sop, Language::Id, 8);
        let texts = |l: &Layout| -> Vec<String> {
            l.rows.iter().map(|r| r.kegiatan.lines.join(" ")).collect()
        };
        let page1 = texts(&layouts[0]);
        assert_eq!(page1.len(), 10);
        assert_eq!(page1[8], "Langkah 9 di halaman 2");
        assert_eq!(page1[9], "Langkah 10 di halaman 2");
        let page2 = texts(&layouts[1]);
        assert_eq!(page2[0], "Langkah 6 di halaman 1");
        assert_eq!(page2[1], "Langkah 8 di halaman 1");
        assert_eq!(page2[2], "Kegiatan nomor 9");
        for l in &layouts {
            let pentagons = l
                .symbols
                .iter()
                .filter(|s| s.shape == Shape::OffPage)
                .count();
            assert_eq!(pentagons, 2);
        }

        let svgs = render_print_pages(&sop, Language::Id, 8);
        let mark = |svg: &str, step: usize| {
            let at = svg
                .find(&format!(r#"class="alur-penghubung" data-step="{step}""#))
                .unwrap_or_else(|| panic!("no pentagon for step {step}"));
            let text = &svg[at..];
            let start = text.find(r#"class="alur-nomor""#).unwrap_or(0);
            let text = &text[start..];
            let open = text.find('>').unwrap_or(0) + 1;
            let close = text.find("</text>").unwrap_or(open);
            text[open..close].to_string()
        };
        // Page 1: A goes on to step 9, B brings the loop back from step 10.
        assert_eq!(mark(&svgs[0], 9), "A");
        assert_eq!(mark(&svgs[0], 10), "B");
        // Page 2: A comes from step 8, B leaves for step 6.
        assert_eq!(mark(&svgs[1], 8), "A");
        assert_eq!(mark(&svgs[1], 6), "B");
        assert!(svgs[1].contains(r#"data-from="10" data-to="6""#));
        assert!(svgs[0].contains(r#"data-from="10" data-to="6""#));
        // The Tidak label stays with its decision, on page 2.
        assert!(svgs[1].contains(">Tidak</text>"));
        assert!(!svgs[0].contains(">Tidak</text>"));
    }

    #[test]
    fn printed_rows_hold_the_mutu_baku_beside_the_symbols() {
        let sop = chain(15, &[(10, 6)]);
        let layouts = print_page_layouts(&sop, Language::Id, 8);
        let page2 = &layouts[1];
        assert_eq!(page2.mutu_columns.len(), 4);
        let lanes_right = page2.lanes.last().map(|c| c.x + c.w).unwrap_or(0.0);
        assert_eq!(page2.mutu_columns[0].x, lanes_right);
        // Step 9 is the third row; its cells share the row's box.
        let row = &page2.rows[2];
        let texts: Vec<String> = row.mutu.iter().map(|c| c.lines.join(" ")).collect();
        assert_eq!(texts, ["Berkas 9", "15 menit", "Hasil 9", ""]);
        for cell in &row.mutu {
            assert_eq!((cell.rect.y, cell.rect.h), (row.y, row.h));
        }
        // A pentagon's row has no standards of its own.
        assert!(page2.rows[0].mutu.iter().all(|c| c.lines.is_empty()));
        // The screen drawing keeps its own steps table instead.
        assert!(
            crate::render::swimlane::layout(&sop)
                .mutu_columns
                .is_empty()
        );

        let svg = &render_print_pages(&sop, Language::Id, 8)[1];
        for header in ["Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"] {
            assert!(svg.contains(&format!(">{header}</tspan>")), "{header}");
        }
    }

    #[test]
    fn a_single_page_has_no_pentagons() {
        let sop = chain(6, &[(4, 2)]);
        assert!(print_crossings(&sop, 8).is_empty());
        let layouts = print_page_layouts(&sop, Language::Id, 8);
        assert_eq!(layouts.len(), 1);
        assert!(layouts[0].symbols.iter().all(|s| s.shape != Shape::OffPage));
    }
}
