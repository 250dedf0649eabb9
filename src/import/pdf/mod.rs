//! PDF import: the form's text read by position, and the flowchart read
//! from what is drawn: each symbol's lane is the column it sits in, its
//! kind its shape, each branch the arrow leaving it.
//!
//! The header table and identity boxes are turned into the tab-separated
//! text an office export gives, and read by [`super::text`]; so is the
//! steps table (No, Kegiatan, mutu baku). [`flowchart`] then reads the
//! lane columns.

pub mod flowchart;
pub mod layout;
pub mod page;
pub mod symbols;

use lopdf::Document;

use super::draft::Draft;
use super::form::{ColumnKind, column_kind};
use super::text::{self, Column};
use layout::{Rules, Run};
use symbols::Figures;

/// A page read and laid out.
pub struct Laid {
    pub height: f64,
    pub runs: Vec<Run>,
    pub rules: Rules,
    pub figures: Figures,
    pub images: usize,
    pub glyphs: usize,
}

/// Where the steps table is on each page.
pub struct Table {
    /// The page holding its heading.
    pub first_page: usize,
    /// Per page: the column edges (x, left to right), and the y below the
    /// heading (the top of the rows), or None for a page without the table.
    pub pages: Vec<Option<(Vec<f64>, f64)>>,
    pub columns: Vec<Option<Column>>,
}

impl Table {
    /// The x range of column `c` on page `p`.
    pub fn column_range(&self, p: usize, c: usize) -> Option<(f64, f64)> {
        let (grid, _) = self.pages.get(p)?.as_ref()?;
        Some((*grid.get(c)?, *grid.get(c + 1)?))
    }
    pub fn column_of(&self, p: usize, x: f64) -> Option<usize> {
        let (grid, _) = self.pages.get(p)?.as_ref()?;
        grid.windows(2).position(|w| x >= w[0] && x < w[1])
    }
    pub fn is_lane(&self, c: usize) -> bool {
        matches!(self.columns.get(c), Some(Some(Column::Lane(_))))
    }
    pub fn find(&self, kind: ColumnKind) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| *c == Some(Column::Field(kind)))
    }
}

/// Reads a PDF form.
pub fn read(bytes: &[u8]) -> Result<Draft, String> {
    let doc = Document::load_mem(bytes).map_err(|e| format!("not a PDF lajur can read: {e}"))?;
    let pages = page::read_pages(&doc)?;
    let laid: Vec<Laid> = pages
        .iter()
        .map(|p| {
            let rules = layout::rules(p);
            let runs = layout::runs(p, &rules);
            Laid {
                height: p.height,
                runs,
                figures: symbols::figures(&p.shapes),
                rules,
                images: p.images,
                glyphs: p.glyphs.len(),
            }
        })
        .collect();
    let bitmap: Vec<usize> = laid
        .iter()
        .enumerate()
        .filter(|(_, l)| l.glyphs == 0 && l.images > 0)
        .map(|(i, _)| i + 1)
        .collect();
    if laid.iter().all(|l| l.glyphs == 0) {
        return Err(if bitmap.is_empty() {
            "no text in the PDF".into()
        } else {
            "every page is an image (a scan): lajur reads no text from images; import the original office file's text, or type it with `lajur new`".to_string()
        });
    }
    let Some(table) = find_table(&laid) else {
        return Err("no steps table (a heading with No and Kegiatan) found in the PDF".into());
    };
    let text = table_text(&laid, &table);
    let mut draft = text::read(&text);
    for p in &bitmap {
        draft.note(
            "",
            format!("halaman {p} berupa gambar (hasil pindai): isinya tidak terbaca, ketik dari dokumen asli"),
        );
    }
    flowchart::read(&laid, &table, &mut draft);
    Ok(draft)
}

/// The heading of the steps table: a line with a "No" run and a
/// Kegiatan/Uraian/Aktivitas run. Its column edges are the vertical rules
/// running through the table.
fn find_table(laid: &[Laid]) -> Option<Table> {
    let mut first = None;
    for (p, page) in laid.iter().enumerate() {
        for no in page
            .runs
            .iter()
            .filter(|r| column_kind(&r.text) == Some(ColumnKind::No))
        {
            if page.runs.iter().any(|r| {
                (r.y - no.y).abs() < no.size * 2.0
                    && column_kind(&r.text) == Some(ColumnKind::Kegiatan)
            }) {
                first = Some((p, no.y + no.size));
                break;
            }
        }
        if first.is_some() {
            break;
        }
    }
    let (first_page, header_top) = first?;
    let mut pages: Vec<Option<(Vec<f64>, f64)>> = vec![None; laid.len()];
    let mut last_grid: Option<Vec<f64>> = None;
    let mut columns = Vec::new();
    for p in first_page..laid.len() {
        let page = &laid[p];
        // The heading's No run on this page (the first page has one).
        let no_top = if p == first_page {
            Some(header_top)
        } else {
            page.runs
                .iter()
                .find(|r| {
                    column_kind(&r.text) == Some(ColumnKind::No)
                        && page.runs.iter().any(|k| {
                            (k.y - r.y).abs() < r.size * 2.0
                                && column_kind(&k.text) == Some(ColumnKind::Kegiatan)
                        })
                })
                .map(|r| r.y + r.size)
        };
        // A page without the heading has the first page's columns.
        let grid = no_top
            .and_then(|t| grid(&page.rules, t))
            .or_else(|| last_grid.clone());
        let Some(grid) = grid else { continue };
        last_grid = Some(grid.clone());
        // The heading: its bands between horizontal rules, down to the
        // first row whose No cell holds a number.
        let has_heading = p == first_page
            || page.runs.iter().any(|r| {
                column_kind(&r.text) == Some(ColumnKind::No)
                    && page.runs.iter().any(|k| {
                        (k.y - r.y).abs() < r.size * 2.0
                            && column_kind(&k.text) == Some(ColumnKind::Kegiatan)
                    })
            });
        let heading_top = has_heading.then(|| heading_top(page, &grid));
        let rows_top = match heading_top {
            Some(t) => {
                let (bands, bottom) = heading_bands(page, &grid, t);
                if p == first_page {
                    columns = text::columns(&bands);
                }
                bottom
            }
            None => page.height,
        };
        pages[p] = Some((grid, rows_top));
    }
    Some(Table {
        first_page,
        pages,
        columns,
    })
}

/// Column edges: x positions whose vertical rules run through the heading
/// (at `top`, the top of its No text) and cover a good part of the table's
/// height; an arrow's vertical piece never enters the heading.
fn grid(rules: &Rules, top: f64) -> Option<Vec<f64>> {
    // A column rule stops at the table's top border (the highest rule
    // just above the heading's text); a line coming from above it is an
    // arrow from an off-page connector drawn over the heading.
    let border = rules
        .horizontal
        .iter()
        .map(|h| h.at)
        .filter(|&at| at > top && at <= top + 30.0)
        .fold(f64::MIN, f64::max);
    let ceiling = if border > f64::MIN {
        border + 2.0
    } else {
        top + 30.0
    };
    let below: Vec<_> = rules
        .vertical
        .iter()
        .filter(|v| v.from < top - 6.0 && v.to <= ceiling)
        .collect();
    let bottom = below.iter().map(|v| v.from).fold(f64::MAX, f64::min);
    let height = below.iter().map(|v| v.to).fold(f64::MIN, f64::max) - bottom;
    if below.is_empty() || height <= 0.0 {
        return None;
    }
    let xs = layout::cluster(below.iter().map(|v| v.at).collect());
    let edges: Vec<f64> = xs
        .into_iter()
        .filter(|&x| {
            below
                .iter()
                .any(|v| (v.at - x).abs() < 1.5 && v.from <= top - 4.0 && v.to >= top - 4.0)
        })
        .filter(|&x| {
            below
                .iter()
                .filter(|v| (v.at - x).abs() < 1.5)
                .map(|v| v.to - v.from)
                .sum::<f64>()
                >= height * 0.35
        })
        .collect();
    (edges.len() >= 3).then_some(edges)
}

/// The heading's lines, one per band between horizontal rules (a wrapped
/// heading joined), and the y where the rows start.
fn heading_bands(page: &Laid, grid: &[f64], top: f64) -> (Vec<String>, f64) {
    let width = grid.last().unwrap_or(&0.0) - grid.first().unwrap_or(&0.0);
    // The first number in the No column marks the first row.
    let first_row = page
        .runs
        .iter()
        .filter(|r| r.y < top && r.x0 < grid.get(1).copied().unwrap_or(f64::MAX))
        .filter(|r| {
            r.text
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        })
        .map(|r| r.y + r.size)
        .fold(f64::MIN, f64::max);
    let mut ys: Vec<f64> = page
        .rules
        .horizontal
        .iter()
        .filter(|h| h.to - h.from > width * 0.1 && h.at < top + 2.0 && h.at > first_row - 1.0)
        .map(|h| h.at)
        .collect();
    ys.push(top);
    ys.sort_by(|a, b| b.total_cmp(a));
    ys = layout::cluster(ys.iter().map(|y| -y).collect())
        .into_iter()
        .map(|y| -y)
        .collect();
    let bottom = if first_row > f64::MIN {
        ys.iter()
            .copied()
            .filter(|&y| y >= first_row - 1.0)
            .fold(f64::MAX, f64::min)
    } else {
        ys.last().copied().unwrap_or(top)
    };
    // A heading cell spanning several bands (No, Kegiatan beside the
    // lane names) belongs to the band its top rule starts: the nearest
    // rule above the text that crosses its column.
    let rules: Vec<&layout::Rule> = page
        .rules
        .horizontal
        .iter()
        .filter(|h| h.at < top + 1.0 && h.at >= bottom - 0.5)
        .collect();
    let mut bands: Vec<Vec<String>> =
        vec![vec![String::new(); grid.len().saturating_sub(1)]; ys.len()];
    for r in page.runs.iter().filter(|r| r.y < top && r.y > bottom) {
        let (cx, _) = r.center();
        let cell_top = rules
            .iter()
            .filter(|h| h.at > r.y && h.from <= cx && h.to >= cx)
            .map(|h| h.at)
            .fold(f64::MAX, f64::min);
        let band = ys
            .iter()
            .position(|&y| (y - cell_top).abs() < 1.5)
            .unwrap_or_else(|| ys.iter().rposition(|&y| y > r.y).unwrap_or(0));
        let x = r.x0 + 1.0;
        if let Some(c) = grid.windows(2).position(|g| x >= g[0] && x < g[1]) {
            layout::join_wrapped(&mut bands[band][c], &r.text);
        }
    }
    let bands: Vec<String> = bands
        .into_iter()
        .filter(|cells| cells.iter().any(|c| !c.is_empty()))
        .map(|cells| cells.join("\t"))
        .collect();
    (bands, bottom)
}

/// The text of the form as an office export writes it: the identity part
/// (cells from the rules around each line), the heading, then every row of
/// the steps table page by page, and last what stands below the table (the
/// signature). Text in the lane columns belongs to the flowchart.
fn table_text(laid: &[Laid], table: &Table) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut after: Vec<String> = Vec::new();
    for (p, page) in laid.iter().enumerate() {
        let above: Vec<&Run> = match (p.cmp(&table.first_page), &table.pages[p]) {
            (std::cmp::Ordering::Less, _) => page.runs.iter().collect(),
            // The identity part is on the first page; a page that holds
            // the table's heading further on starts with running headers.
            (std::cmp::Ordering::Equal, Some((grid, _))) if p == 0 => {
                let top = heading_top(page, grid);
                page.runs.iter().filter(|r| r.y > top).collect()
            }
            _ => Vec::new(),
        };
        if p <= table.first_page {
            let above = ruled_or_above(page, above);
            out.extend(layout::tab_lines(&above, &page.rules, None));
        }
        let Some((grid, rows_top)) = &table.pages[p] else {
            continue;
        };
        if p == table.first_page {
            let top = heading_top(page, grid);
            let (bands, _) = heading_bands(page, grid, top);
            out.extend(bands);
        }
        let bottom = page
            .rules
            .vertical
            .iter()
            .filter(|v| grid.iter().any(|g| (g - v.at).abs() < 1.5))
            .map(|v| v.from)
            .fold(f64::MAX, f64::min);
        let (left, right) = (grid[0], *grid.last().expect("grid"));
        let rows: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| {
                r.y < *rows_top && r.y > bottom && r.x0 >= left - 2.0 && r.x1 <= right + 2.0
            })
            .filter(|r| {
                let c = table.column_of(p, r.center().0);
                !c.is_some_and(|c| table.is_lane(c))
            })
            .collect();
        out.extend(row_lines(page, grid, *rows_top, bottom, &rows, table));
        let below: Vec<&Run> = page.runs.iter().filter(|r| r.y <= bottom).collect();
        after.extend(
            layout::tab_lines(&below, &page.rules, None)
                .into_iter()
                .map(|l| l.replace('\t', " ")),
        );
    }
    out.push(String::new());
    out.extend(after);
    out.join("\n")
}

/// The rows of the steps table, one line each: a row is the band between
/// two horizontal rules across the table, so a number printed beside the
/// middle of its Kegiatan still reads with all of it. A band without a
/// number in the No column (a "Jumlah waktu" row) is left out. Without
/// rules, the lines as they stand.
fn row_lines(
    page: &Laid,
    grid: &[f64],
    top: f64,
    bottom: f64,
    runs: &[&Run],
    table: &Table,
) -> Vec<String> {
    let width = grid.last().unwrap_or(&0.0) - grid.first().unwrap_or(&0.0);
    let mut ys: Vec<f64> = page
        .rules
        .horizontal
        .iter()
        .filter(|h| h.to - h.from > width * 0.5 && h.at <= top + 1.0 && h.at >= bottom - 1.0)
        .map(|h| h.at)
        .collect();
    ys.push(top);
    let ys = layout::cluster(ys);
    let no = table.find(ColumnKind::No).unwrap_or(0);
    if ys.len() < 3 {
        return rows_by_blocks(grid, runs, no);
    }
    let mut lines = Vec::new();
    for w in ys.windows(2).rev() {
        let (lo, hi) = (w[0], w[1]);
        let band: Vec<&Run> = runs
            .iter()
            .copied()
            .filter(|r| r.y > lo && r.y < hi)
            .collect();
        let mut cells = vec![String::new(); grid.len().saturating_sub(1)];
        for r in &band {
            let x = r.x0 + 1.0;
            if let Some(c) = grid.windows(2).position(|g| x >= g[0] && x < g[1]) {
                layout::join_wrapped(&mut cells[c], &r.text);
            }
        }
        let numbered = cells.get(no).is_some_and(|c| {
            let t = c.trim().trim_end_matches('.');
            !t.is_empty() && t.chars().all(|ch| ch.is_ascii_digit())
        });
        if numbered {
            lines.push(cells.join("\t"));
        }
    }
    lines
}

/// Rows without rules between them: in each column, lines close together
/// form a block (one cell's wrapped text), and a block belongs to the row
/// whose number is nearest its middle (forms centre a row's text).
fn rows_by_blocks(grid: &[f64], runs: &[&Run], no: usize) -> Vec<String> {
    let column = |r: &Run| {
        let x = r.x0 + 1.0;
        grid.windows(2).position(|g| x >= g[0] && x < g[1])
    };
    let numbers: Vec<f64> = runs
        .iter()
        .filter(|r| column(r) == Some(no))
        .filter(|r| {
            let t = r.text.trim_end_matches('.');
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
        })
        .map(|r| r.center().1)
        .collect();
    let width = grid.len().saturating_sub(1);
    let mut rows = vec![vec![String::new(); width]; numbers.len()];
    #[allow(clippy::needless_range_loop)] // c is the column, rows[row][c] its cell
    for c in 0..width {
        let mut cell: Vec<&Run> = runs
            .iter()
            .copied()
            .filter(|r| column(r) == Some(c))
            .collect();
        cell.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
        let mut blocks: Vec<Vec<&Run>> = Vec::new();
        for r in cell {
            match blocks.last_mut() {
                Some(b) if b.last().is_some_and(|l| l.y - r.y <= r.size * 1.6) => b.push(r),
                _ => blocks.push(vec![r]),
            }
        }
        for block in blocks {
            let mid = (block[0].center().1 + block[block.len() - 1].center().1) / 2.0;
            let Some(row) = (0..numbers.len()).min_by(|&a, &b| {
                (numbers[a] - mid)
                    .abs()
                    .total_cmp(&(numbers[b] - mid).abs())
            }) else {
                continue;
            };
            let text = block
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let slot = &mut rows[row][c];
            if !slot.is_empty() {
                slot.push(' ');
            }
            slot.push_str(&text);
        }
    }
    rows.into_iter().map(|cells| cells.join("\t")).collect()
}

/// The top of the heading on its page: the rule above the No cell (else
/// the No run's top).
fn heading_top(page: &Laid, grid: &[f64]) -> f64 {
    let Some(no) = page
        .runs
        .iter()
        .filter(|r| {
            column_kind(&r.text) == Some(ColumnKind::No)
                && r.x0 < grid.get(1).copied().unwrap_or(f64::MAX)
        })
        .max_by(|a, b| a.y.total_cmp(&b.y))
    else {
        return f64::MIN;
    };
    let (cx, _) = no.center();
    let rule = page
        .rules
        .horizontal
        .iter()
        .filter(|h| h.at > no.y + no.size * 0.5 && h.from <= cx && h.to >= cx)
        .map(|h| h.at)
        .fold(f64::MAX, f64::min);
    if rule < no.y + no.size * 4.0 {
        rule
    } else {
        no.y + no.size + 2.0
    }
}

/// The runs of the identity part worth reading: those inside the ruled
/// boxes, and those above them (a kop printed without borders); not a
/// footer or a stamp below them.
fn ruled_or_above<'a>(page: &'a Laid, runs: Vec<&'a Run>) -> Vec<&'a Run> {
    let ruled = |r: &Run| {
        let (cx, cy) = r.center();
        page.rules
            .vertical
            .iter()
            .any(|v| v.from <= cy && v.to >= cy)
            && page
                .rules
                .horizontal
                .iter()
                .any(|h| h.from <= cx && h.to >= cx && h.at < cy)
    };
    let top_ruled = runs
        .iter()
        .filter(|r| ruled(r))
        .map(|r| r.y)
        .fold(f64::MIN, f64::max);
    runs.into_iter()
        .filter(|r| ruled(r) || r.y > top_ruled)
        .collect()
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod measure;
#[cfg(test)]
mod tests;
