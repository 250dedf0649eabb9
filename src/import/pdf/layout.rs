//! From glyphs to the text of a form's tables: words joined into runs,
//! runs into lines, and each run's cell from the ruling lines (cell
//! borders) around it, so a page reads as the tab-separated text that
//! [`crate::import::text`] reads from an office export.

use super::page::{Glyph, Page, Shape};

/// Text on one line of one cell: its left and right edge, baseline, size.
#[derive(Debug, Clone)]
pub struct Run {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

impl Run {
    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, self.y + self.size * 0.3)
    }
}

/// A straight ruling line: vertical (x, y0, y1) or horizontal (y, x0, x1).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

/// The ruling lines of a page that are not part of a symbol.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub vertical: Vec<Rule>,
    pub horizontal: Vec<Rule>,
}

/// Glyphs joined into runs: one run per stretch of text without a wide
/// gap (a cell border or a column between). Lines are sorted top first.
pub fn runs(page: &Page, rules: &Rules) -> Vec<Run> {
    // Lines: glyphs whose baselines are within a third of their size, each
    // line keeping the order the glyphs were drawn in (the reading order;
    // sorting by x would put a kerned letter before the space it follows).
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for g in &page.glyphs {
        if g.text.trim().is_empty() && g.text != " " {
            continue;
        }
        let found = lines
            .iter_mut()
            .rev()
            .take(64)
            .find(|line| (line[0].y - g.y).abs() <= line[0].size.max(g.size) * 0.35);
        match found {
            Some(line) => line.push(g),
            None => lines.push(vec![g]),
        }
    }
    // A PDF that draws its spaces (browsers, most office suites) says
    // where words end; a gap then is only a space when it is wide (a
    // font without widths makes narrow gaps between letters).
    let drawn_spaces = page.glyphs.iter().any(|g| g.text == " ");
    let space_gap = if drawn_spaces { 0.6 } else { 0.3 };
    let mut out = Vec::new();
    for line in lines {
        let mut run: Option<Run> = None;
        let mut space = false;
        for g in line {
            let size = g.size.max(1.0);
            if g.text == " " {
                space = true;
                continue;
            }
            if let Some(r) = &mut run {
                let gap = g.x - r.x1;
                let mid = r.y + size * 0.3;
                let border_between = rules
                    .vertical
                    .iter()
                    .any(|v| v.at > r.x1 - 0.5 && v.at < g.x + 0.5 && v.from <= mid && v.to >= mid);
                if gap > size * 1.2 || gap < -size * 0.6 || border_between {
                    out.push(run.take().expect("some"));
                } else {
                    if (space || gap > size * space_gap) && !r.text.ends_with(' ') {
                        r.text.push(' ');
                    }
                    space = false;
                    r.text.push_str(&g.text);
                    r.x1 = r.x1.max(g.x + g.w);
                    continue;
                }
            }
            space = false;
            run = Some(Run {
                x0: g.x,
                x1: g.x + g.w,
                y: g.y,
                size,
                text: g.text.clone(),
            });
        }
        out.extend(run);
    }
    for r in &mut out {
        r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|r| !r.text.is_empty());
    // Top first, then left to right.
    out.sort_by(|a, b| {
        let same = (a.y - b.y).abs() <= a.size.max(b.size) * 0.35;
        if same {
            a.x0.total_cmp(&b.x0)
        } else {
            b.y.total_cmp(&a.y)
        }
    });
    // A kerned letter drawn apart from its word ("T" then "ata") touches
    // the run beside it: one word again.
    let mut merged: Vec<Run> = Vec::with_capacity(out.len());
    for r in out {
        if let Some(last) = merged.last_mut() {
            let gap = r.x0 - last.x1;
            let same_line = (last.y - r.y).abs() <= last.size.max(r.size) * 0.35;
            // A capital left alone before the rest of its word: a TJ
            // kerning that pdf-extract placed too far ("T" … "ata Usaha").
            let mut tail = last.text.chars().rev();
            let lone_capital = tail.next().is_some_and(char::is_uppercase)
                && tail.next().is_none_or(|c| c == ' ')
                && r.text.starts_with(char::is_lowercase)
                && gap > 0.0
                && gap < r.size * 3.0
                && !rules
                    .vertical
                    .iter()
                    .any(|v| v.at > last.x1 && v.at < r.x0 && v.from <= r.y && v.to >= r.y);
            if same_line && (gap.abs() < r.size * 0.15 || lone_capital) {
                last.text.push_str(&r.text);
                last.x1 = last.x1.max(r.x1);
                continue;
            }
        }
        merged.push(r);
    }
    merged
}

/// Two lines of one cell as one text: a word hyphenated at the end of the
/// first line ("Pengadministra-" / "si Umum") is one word again.
pub fn join_wrapped(to: &mut String, next: &str) {
    if to.is_empty() {
        to.push_str(next);
        return;
    }
    let hyphen = to.ends_with('-') || to.ends_with('\u{ad}');
    let letter_before = to
        .trim_end_matches(['-', '\u{ad}'])
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    if hyphen && letter_before && next.starts_with(char::is_lowercase) {
        while to.ends_with('-') || to.ends_with('\u{ad}') {
            to.pop();
        }
    } else {
        to.push(' ');
    }
    to.push_str(next);
}

/// True for a shape that is a flowchart symbol or an arrowhead rather than
/// a ruling line: a closed outline of some size, or with curves.
pub fn is_figure(shape: &Shape) -> bool {
    shape.subpaths.iter().any(|s| {
        let (x0, y0, x1, y1) = s.bbox();
        let (w, h) = (x1 - x0, y1 - y0);
        (s.closed || s.curves > 0 || s.points.len() >= 5)
            && w > 2.0
            && h > 2.0
            && w < 250.0
            && h < 150.0
            && !(s.curves == 0 && s.points.len() == 4 && (w < 2.5 || h < 2.5))
    })
}

/// The ruling lines: straight segments of paths that are not figures, and
/// filled hairline rectangles (how browsers print a border).
pub fn rules(page: &Page) -> Rules {
    let mut rules = Rules::default();
    for shape in &page.shapes {
        for sub in &shape.subpaths {
            let (x0, y0, x1, y1) = sub.bbox();
            let (w, h) = (x1 - x0, y1 - y0);
            if shape.filled && sub.curves == 0 && sub.points.len() == 4 && (w < 2.5 || h < 2.5) {
                if w < h && h > 6.0 {
                    rules.vertical.push(Rule {
                        at: (x0 + x1) / 2.0,
                        from: y0,
                        to: y1,
                    });
                } else if w > 6.0 {
                    rules.horizontal.push(Rule {
                        at: (y0 + y1) / 2.0,
                        from: x0,
                        to: x1,
                    });
                }
                continue;
            }
            if is_figure(shape) || !shape.stroked {
                continue;
            }
            let mut points = sub.points.clone();
            if sub.closed && points.len() > 2 {
                points.push(points[0]);
            }
            for pair in points.windows(2) {
                let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
                if (ax - bx).abs() < 0.5 && (ay - by).abs() > 6.0 {
                    rules.vertical.push(Rule {
                        at: ax,
                        from: ay.min(by),
                        to: ay.max(by),
                    });
                } else if (ay - by).abs() < 0.5 && (ax - bx).abs() > 6.0 {
                    rules.horizontal.push(Rule {
                        at: ay,
                        from: ax.min(bx),
                        to: ax.max(bx),
                    });
                }
            }
        }
    }
    rules
}

/// x positions shared by the vertical rules (within 1.5 pt), sorted.
pub fn cluster(mut xs: Vec<f64>) -> Vec<f64> {
    xs.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in xs {
        match out.last() {
            Some(&last) if x - last < 1.5 => {}
            _ => out.push(x),
        }
    }
    out
}

/// Runs as tab-separated lines: each run's cell is counted from the
/// vertical rules crossing its line (`grid` None) or from a fixed grid of
/// column edges (a table whose merged headings cross fewer rules).
pub fn tab_lines(runs: &[&Run], rules: &Rules, grid: Option<&[f64]>) -> Vec<String> {
    let mut lines: Vec<Vec<&Run>> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            Some(line) if (line[0].y - r.y).abs() <= line[0].size.max(r.size) * 0.35 => {
                line.push(r)
            }
            _ => lines.push(vec![r]),
        }
    }
    let mut out = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mid = line[0].y + line[0].size * 0.3;
        let edges: Vec<f64> = match grid {
            Some(g) => g.to_vec(),
            None => cluster(
                rules
                    .vertical
                    .iter()
                    .filter(|v| v.from <= mid + 1.0 && v.to >= mid - 1.0)
                    .map(|v| v.at)
                    .collect(),
            ),
        };
        let left_edge = edges
            .iter()
            .copied()
            .find(|&e| line.iter().all(|r| r.x0 >= e - 1.0));
        let mut cells: Vec<String> = Vec::new();
        for (order, r) in line.iter().enumerate() {
            let index = if edges.is_empty() {
                order
            } else {
                edges
                    .iter()
                    .filter(|&&e| e <= r.x0 + 1.0 && left_edge.is_none_or(|l| e > l + 0.5))
                    .count()
            };
            if cells.len() <= index {
                cells.resize(index + 1, String::new());
            }
            let cell = &mut cells[index];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&r.text);
        }
        if let Some(g) = grid {
            // A table line keeps every column, so a wrapped cell's second
            // line still reads as a line of the table.
            let width = g.len().saturating_sub(1);
            if cells.len() < width {
                cells.resize(width, String::new());
            }
        }
        out.push(cells.join("\t"));
    }
    out
}
