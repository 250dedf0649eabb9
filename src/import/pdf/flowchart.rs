//! The flowchart of a PDF form read from its drawing: rows from the step
//! numbers and the rules between them, each symbol's lane from the column
//! it is drawn in (position wins over wording), its kind from its shape,
//! and each arrow from its head back to where it leaves, so a decision gets
//! its ya and tidak targets and their labels.

use super::layout::Run;
use super::symbols::{self, Symbol, SymbolKind, Trace};
use super::{Laid, Table};
use crate::import::draft::{Draft, Kind};
use crate::import::form::ColumnKind;
use crate::import::text::Column;

/// A symbol placed: page, step (index into draft.steps), lane name.
#[derive(Debug, Clone)]
struct Placed {
    page: usize,
    step: usize,
    lane: String,
    symbol: Symbol,
}

/// A traced arrow between two placed symbols (indexes into the placed list),
/// or to a symbol that is no step (a connector, a branch's end).
#[derive(Debug, Clone)]
struct Arrow {
    from: usize,
    to: usize,
    trace: Trace,
    label: Option<String>,
}

pub fn read(laid: &[Laid], table: &Table, draft: &mut Draft) {
    let lanes: Vec<(usize, String)> = table
        .columns
        .iter()
        .enumerate()
        .filter_map(|(c, col)| match col {
            Some(Column::Lane(name)) => Some((c, name.clone())),
            _ => None,
        })
        .collect();
    if lanes.is_empty() {
        draft.note("pelaksana", "kolom lajur pelaksana tidak ditemukan di PDF");
        return;
    }
    let no_col = table.find(ColumnKind::No).unwrap_or(0);
    // Rows: the numbers in the No column, page by page, in the order of the steps.
    let mut rows: Vec<(usize, f64, f64)> = Vec::new(); // (page, top, bottom)
    for (p, page) in laid.iter().enumerate() {
        let Some((grid, rows_top)) = &table.pages[p] else {
            continue;
        };
        let Some((x0, x1)) = table.column_range(p, no_col) else {
            continue;
        };
        let width = grid.last().unwrap_or(&0.0) - grid.first().unwrap_or(&0.0);
        let numbers: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| r.y < *rows_top && r.center().0 > x0 && r.center().0 < x1)
            .filter(|r| {
                let t = r.text.trim_end_matches('.');
                !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
            })
            .collect();
        let mut lines: Vec<f64> = page
            .rules
            .horizontal
            .iter()
            .filter(|h| h.to - h.from > width * 0.5 && h.at <= rows_top + 1.0)
            .map(|h| h.at)
            .collect();
        lines.push(*rows_top);
        let lines = super::layout::cluster(lines);
        for (i, n) in numbers.iter().enumerate() {
            let mid = n.center().1;
            let above = lines
                .iter()
                .copied()
                .filter(|&y| y > mid)
                .fold(f64::MAX, f64::min);
            let below = lines
                .iter()
                .copied()
                .filter(|&y| y < mid)
                .fold(f64::MIN, f64::max);
            let top = if above < f64::MAX {
                above
            } else {
                i.checked_sub(1)
                    .map_or(*rows_top, |j| (numbers[j].center().1 + mid) / 2.0)
            };
            let bottom = if below > f64::MIN {
                below
            } else {
                numbers
                    .get(i + 1)
                    .map_or(0.0, |m| (m.center().1 + mid) / 2.0)
            };
            rows.push((p, top, bottom));
        }
    }
    if rows.len() != draft.steps.len() {
        draft.note(
            "langkah",
            format!(
                "{} baris bernomor di bagan alir, {} langkah di tabel: periksa urutan dan pelaksana",
                rows.len(),
                draft.steps.len()
            ),
        );
    }
    // Symbols placed in a row and a lane.
    let mut placed: Vec<Placed> = Vec::new();
    let mut loose: Vec<(usize, Symbol)> = Vec::new();
    for (p, page) in laid.iter().enumerate() {
        for s in &page.figures.symbols {
            let (cx, cy) = s.center();
            let lane = table
                .column_of(p, cx)
                .and_then(|c| lanes.iter().find(|(lc, _)| *lc == c))
                .map(|(_, n)| n.clone());
            let step = rows
                .iter()
                .position(|&(rp, top, bottom)| rp == p && cy <= top && cy >= bottom);
            match (lane, step) {
                (Some(lane), Some(step)) if step < draft.steps.len() => placed.push(Placed {
                    page: p,
                    step,
                    lane,
                    symbol: s.clone(),
                }),
                _ => loose.push((p, s.clone())),
            }
        }
    }
    // Arrows, from their heads.
    let mut arrows: Vec<Arrow> = Vec::new();
    let mut untraced = 0;
    // Arrows into an off-page connector (page, x, arrow) and out of one
    // (page, x, the step symbol it leads to).
    let mut outs: Vec<(usize, f64, usize)> = Vec::new();
    let mut ins: Vec<(usize, f64, usize)> = Vec::new();
    for (p, page) in laid.iter().enumerate() {
        for head in &page.figures.heads {
            let traces = symbols::trace(head, &page.figures.segments);
            let hit = |pt: (f64, f64), slack: f64| {
                placed
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.page == p && s.symbol.touches(pt, slack))
                    .min_by(|a, b| {
                        symbols::dist(a.1.symbol.center(), pt)
                            .total_cmp(&symbols::dist(b.1.symbol.center(), pt))
                    })
                    .map(|(i, _)| i)
            };
            let connector = |pt: (f64, f64)| {
                loose.iter().position(|(lp, s)| {
                    *lp == p && s.kind == SymbolKind::OffPage && s.touches(pt, 3.0)
                })
            };
            // Each start of the line (several where arrows were drawn into
            // one point); a start on no symbol is a branch of another
            // arrow's line, not an arrow.
            let mut followed = false;
            for trace in traces {
                match (hit(trace.tail, 3.0), hit(trace.tip, 3.0)) {
                    (Some(from), Some(to)) if from != to => {
                        followed = true;
                        // Heads drawn on top of each other give one arrow.
                        if !arrows.iter().any(|a| a.from == from && a.to == to) {
                            arrows.push(Arrow {
                                from,
                                to,
                                trace,
                                label: None,
                            });
                        }
                    }
                    // Into an off-page connector: joined below to the arrow
                    // leaving its twin on a later page.
                    (Some(from), None) if connector(trace.tip).is_some() => {
                        followed = true;
                        outs.push((p, trace.tip.0, arrows.len()));
                        arrows.push(Arrow {
                            from,
                            to: usize::MAX,
                            trace,
                            label: None,
                        });
                    }
                    (None, Some(to)) if connector(trace.tail).is_some() => {
                        followed = true;
                        ins.push((p, trace.tail.0, to))
                    }
                    _ => {}
                }
            }
            if !followed {
                untraced += 1;
            }
        }
    }
    // Labels: short text in the lane columns, outside every symbol, next to
    // the first piece of an arrow leaving a decision; nearest pairs first,
    // each label and each arrow used once.
    let mut pairs: Vec<(f64, usize, String)> = Vec::new();
    for (p, page) in laid.iter().enumerate() {
        for r in &page.runs {
            let (cx, cy) = r.center();
            let in_lane = table.column_of(p, cx).is_some_and(|c| table.is_lane(c))
                || table
                    .column_of(p, r.x0 + 1.0)
                    .is_some_and(|c| table.is_lane(c));
            if !in_lane || r.text.split_whitespace().count() > 3 {
                continue;
            }
            if placed
                .iter()
                .any(|s| s.page == p && s.symbol.touches((cx, cy), 0.0))
            {
                continue;
            }
            for (k, a) in arrows.iter().enumerate() {
                let from = &placed[a.from];
                if from.page != p || from.symbol.kind != SymbolKind::Decision {
                    continue;
                }
                let d = a
                    .trace
                    .path
                    .iter()
                    .map(|&s| symbols::to_segment((cx, cy), s))
                    .fold(f64::MAX, f64::min)
                    .min(symbols::dist((cx, cy), a.trace.tail));
                if d < 24.0 {
                    pairs.push((d, k, r.text.clone()));
                }
            }
        }
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut used_labels: Vec<(usize, String)> = Vec::new();
    for (_, k, text) in pairs {
        let from = arrows[k].from;
        if arrows[k].label.is_none() && !used_labels.contains(&(from, text.clone())) {
            arrows[k].label = Some(text.clone());
            used_labels.push((from, text));
        }
    }
    // Each connector at the foot of a page meets one at the head of the
    // next page holding connectors, in order from left to right.
    outs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    ins.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut taken = vec![false; ins.len()];
    for &(p, _, arrow) in &outs {
        let twin = ins
            .iter()
            .enumerate()
            .filter(|(k, (ip, _, _))| !taken[*k] && *ip > p)
            .min_by_key(|(_, (ip, _, _))| *ip)
            .map(|(k, _)| k);
        match twin {
            Some(k) => {
                taken[k] = true;
                arrows[arrow].to = ins[k].2;
            }
            None => untraced += 1,
        }
    }
    untraced += taken.iter().filter(|t| !**t).count();
    arrows.retain(|a| a.to != usize::MAX);
    apply(draft, &placed, &arrows);
    if untraced > 0 {
        draft.note(
            "langkah",
            format!("{untraced} panah tidak dapat diikuti dari ujung ke pangkalnya: periksa ya/tidak/lanjut"),
        );
    }
    let _ = loose;
}

/// A branch label that says "no": Tidak, T, Belum, Ditolak, and the words
/// forms use for the branch that goes back or stops (Perlu perbaikan,
/// Ditangguhkan, Kurang, Salah).
fn says_no(label: &str) -> bool {
    let l = label.trim().to_lowercase();
    let first = l.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "t" | "n"
            | "no"
            | "tdk"
            | "tidak"
            | "belum"
            | "tolak"
            | "ditolak"
            | "gagal"
            | "salah"
            | "kurang"
            | "ditangguhkan"
            | "ditunda"
            | "tunda"
            | "revisi"
            | "kembali"
            | "invalid"
    ) || l.starts_with("perlu perbaikan")
        || l.starts_with("tidak")
}

fn apply(draft: &mut Draft, placed: &[Placed], arrows: &[Arrow]) {
    let n = draft.steps.len();
    let numbers: Vec<String> = draft.steps.iter().map(|s| s.no.clone()).collect();
    for (i, step) in draft.steps.iter_mut().enumerate() {
        step.notes
            .retain(|m| !m.starts_with("pelaksana") && !m.starts_with("sisa teks"));
        let mut own: Vec<usize> = (0..placed.len()).filter(|&k| placed[k].step == i).collect();
        if own.is_empty() {
            step.notes.push("simbol langkah ini tidak ditemukan di bagan alir; pelaksana diambil dari kata-kata kegiatan".into());
            continue;
        }
        own.sort_by(|&a, &b| placed[a].symbol.bbox.0.total_cmp(&placed[b].symbol.bbox.0));
        // A small terminator a decision's branch ends in is that branch's
        // end (`selesai`), not a symbol of the row.
        let ends: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&k| {
                placed[k].symbol.kind == SymbolKind::Terminator
                    && own.len() > 1
                    && arrows.iter().any(|a| {
                        a.to == k
                            && placed[a.from].step == i
                            && placed[a.from].symbol.kind == SymbolKind::Decision
                    })
            })
            .collect();
        own.retain(|k| !ends.contains(k));
        // Within a row, arrows order the symbols (berurutan).
        let inner: Vec<&Arrow> = arrows
            .iter()
            .filter(|a| own.contains(&a.from) && own.contains(&a.to))
            .collect();
        if !inner.is_empty() {
            step.berurutan = true;
            let mut order = Vec::new();
            let mut cur = own
                .iter()
                .copied()
                .find(|k| !inner.iter().any(|a| a.to == *k))
                .unwrap_or(own[0]);
            while !order.contains(&cur) {
                order.push(cur);
                match inner.iter().find(|a| a.from == cur) {
                    Some(a) => cur = a.to,
                    None => break,
                }
            }
            for k in &own {
                if !order.contains(k) {
                    order.push(*k);
                }
            }
            own = order;
        }
        step.pelaksana = own.iter().map(|&k| placed[k].lane.clone()).collect();
        let kinds: Vec<Kind> = own
            .iter()
            .map(|&k| match placed[k].symbol.kind {
                SymbolKind::Decision => Kind::Keputusan,
                SymbolKind::Terminator if i == 0 => Kind::Mulai,
                SymbolKind::Terminator => Kind::Selesai,
                _ => Kind::Proses,
            })
            .collect();
        let default = if i == 0 {
            Kind::Mulai
        } else if i + 1 == n {
            Kind::Selesai
        } else {
            Kind::Proses
        };
        step.jenis = if step.berurutan && kinds.iter().any(|k| *k != kinds[0]) {
            kinds.clone()
        } else if kinds[0] != default {
            vec![kinds[0]]
        } else {
            Vec::new()
        };
        // Arrows leaving the row (from its last symbol, or any of them).
        let out: Vec<&Arrow> = arrows
            .iter()
            .filter(|a| own.contains(&a.from) && !own.contains(&a.to))
            .collect();
        let target = |a: &Arrow| -> String {
            if ends.contains(&a.to) {
                "selesai".to_string()
            } else {
                numbers[placed[a.to].step].clone()
            }
        };
        let next = numbers.get(i + 1).cloned();
        let is_decision = kinds.contains(&Kind::Keputusan);
        if is_decision {
            if out.len() != 2 {
                step.notes.push(format!(
                    "keputusan dengan {} panah keluar (seharusnya 2): tentukan ya dan tidak",
                    out.len()
                ));
                if out.len() < 2 {
                    // A decision needs its tidak: without it, not a decision.
                    step.jenis.retain(|k| *k != Kind::Keputusan);
                    continue;
                }
            }
            let no_by_label = out
                .iter()
                .position(|a| a.label.as_deref().is_some_and(says_no));
            let to_next = out.iter().position(|a| Some(target(a)) == next);
            let tidak_i = match (no_by_label, to_next) {
                (Some(t), _) => t,
                (None, Some(nx)) => {
                    step.notes.push(
                        "label ya/tidak tidak terbaca; panah ke langkah berikutnya dianggap ya"
                            .into(),
                    );
                    if nx == 0 { 1 } else { 0 }
                }
                (None, None) => {
                    step.notes
                        .push("label ya/tidak tidak terbaca: periksa arah ya dan tidak".into());
                    1
                }
            };
            let ya_i = if tidak_i == 0 { 1 } else { 0 };
            let (ya, tidak) = (out[ya_i], out[tidak_i]);
            if Some(target(ya)) != next {
                step.ya = Some(target(ya));
            }
            step.tidak = Some(target(tidak));
            match ya.label.as_deref() {
                Some("Ya") => {}
                Some(l) => step.label_ya = Some(l.to_string()),
                None => step.label_ya = Some(String::new()),
            }
            match tidak.label.as_deref() {
                Some("Tidak") => {}
                Some(l) => step.label_tidak = Some(l.to_string()),
                None => step.label_tidak = Some(String::new()),
            }
        } else {
            let targets: Vec<String> = out.iter().map(|a| target(a)).collect();
            match targets.as_slice() {
                [] if i + 1 < n && !kinds.contains(&Kind::Selesai) => {
                    step.lanjut = vec!["selesai".into()];
                    step.notes.push(
                        "tidak ada panah keluar dari langkah ini: prosedur berakhir di sini?"
                            .into(),
                    );
                }
                [] => {}
                [one] if Some(one) == next.as_ref() => {}
                _ => step.lanjut = targets,
            }
        }
    }
}
