//! The kelengkapan page, its CSV and the review marks on the SOP and unit
//! pages: the one [`Completeness`] of the link stage put into words. Nothing
//! is judged here, so the page, the CSV and `check --format json` agree.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::config::Language;
use crate::i18n::{self, CompletenessStrings};
use crate::link::completeness::{Completeness, Gap, Part, Problem, Review, SopCompleteness};
use crate::model::Handbook;
use crate::routes::{Kind, Routes};

/// Everything the kelengkapan template shows, as `page`.
#[derive(Debug, Serialize)]
pub struct Page {
    /// The day of the build, in long form.
    pub as_of: String,
    /// review_after in words; None when it is not set.
    pub review_every: Option<String>,
    pub sop_count: usize,
    pub score: Option<u32>,
    pub gap_count: usize,
    pub due_count: usize,
    pub csv_url: String,
    pub units: Vec<UnitRow>,
    pub rows: Vec<Row>,
}

/// A unit with SOPs, in the table per unit and the filter.
#[derive(Debug, Serialize)]
pub struct UnitRow {
    pub path: String,
    pub nama: String,
    /// How deep below the top (0 for a unit of content/ itself).
    pub depth: usize,
    pub url: String,
    pub sops: usize,
    pub score: Option<u32>,
    pub gaps: usize,
    pub due: usize,
}

/// An SOP: a row of the table and of the CSV.
#[derive(Debug, Serialize)]
pub struct Row {
    /// The unit's names from the top, "Bagian Umum › Perencanaan".
    pub unit: String,
    pub unit_path: String,
    pub nomor: String,
    pub nama: String,
    pub url: String,
    pub score: u32,
    pub gap_count: usize,
    /// The gaps by part, in the order of the form.
    pub gaps: Vec<PartGaps>,
    pub review: Option<ReviewCell>,
}

/// The gaps of one part of the form.
#[derive(Debug, Serialize)]
pub struct PartGaps {
    /// The part's key in the source (`disahkan_oleh.nip`).
    pub part: &'static str,
    pub label: &'static str,
    /// Each gap in words: "kosong", "langkah 3: tidak terbaca “segera”".
    pub items: Vec<String>,
}

/// The review of an SOP in words.
#[derive(Debug, Serialize)]
pub struct ReviewCell {
    pub due: bool,
    /// "1 tahun 2 bulan" once due.
    pub overdue: Option<String>,
    /// The day it falls (fell) due, in long form.
    pub due_on: String,
    /// The newest date and the label of its field.
    pub newest: String,
    pub newest_label: &'static str,
    /// For sorting: days past due (negative: days left).
    pub sort: i64,
    /// The cell as one line: "Perlu ditinjau, lewat 3 bulan" or
    /// "ditinjau paling lambat 7 November 2027".
    pub text: String,
}

/// The label on the form of a date field.
fn date_label(language: Language, field: &str) -> &'static str {
    let t = i18n::strings(language);
    match field {
        "tanggal_revisi" => t.tanggal_revisi,
        "tanggal_efektif" => t.tanggal_efektif,
        "tanggal_pengesahan" => t.tanggal_pengesahan,
        _ => t.tanggal_pembuatan,
    }
}

/// A review in words.
pub fn review_cell(review: &Review, today_days: i64, language: Language) -> ReviewCell {
    use crate::model::calendar::days_from_civil;
    let k = CompletenessStrings::of(language);
    let overdue = review.overdue.map(|o| o.display(language));
    let due_on = review.due.long_in(language);
    let text = match &overdue {
        Some(o) => format!("{}, {} {o}", k.review_due, k.overdue_by),
        None => format!("{} {due_on}", k.due_on),
    };
    ReviewCell {
        due: overdue.is_some(),
        overdue,
        due_on,
        newest: review.newest.long_in(language),
        newest_label: date_label(language, review.newest_field),
        sort: today_days - days_from_civil(review.due.year, review.due.month, review.due.day),
        text,
    }
}

/// A gap in words, without its part.
fn gap_text(gap: &Gap, k: &CompletenessStrings) -> String {
    let mut out = String::new();
    if let Some(step) = gap.step {
        let _ = write!(out, "{} {step}: ", k.step);
    }
    out.push_str(match gap.problem {
        Problem::Missing => k.missing,
        Problem::Unreadable => k.unreadable,
    });
    if let Some(written) = &gap.written {
        let _ = write!(out, " “{written}”");
    }
    out
}

/// The gaps of one part in words. A run of three or more steps with the
/// same problem is one item, "langkah 1–12: kosong": an SOP imported
/// without waktu lacks it in every step, and a list of each would bury the
/// other findings.
fn part_items(gaps: &[&Gap], k: &CompletenessStrings) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < gaps.len() {
        let first = gaps[i];
        let mut end = i + 1;
        if let (Some(step), None) = (first.step, &first.written) {
            while end < gaps.len()
                && gaps[end].written.is_none()
                && gaps[end].problem == first.problem
                && gaps[end].step == Some(step + (end - i))
            {
                end += 1;
            }
            if end - i >= 3 {
                let problem = match first.problem {
                    Problem::Missing => k.missing,
                    Problem::Unreadable => k.unreadable,
                };
                out.push(format!(
                    "{} {step}–{}: {problem}",
                    k.step,
                    step + (end - i) - 1
                ));
                i = end;
                continue;
            }
        }
        out.push(gap_text(first, k));
        i += 1;
    }
    out
}

/// The gaps of an SOP by part, in the order of the form.
fn part_gaps(sop: &SopCompleteness, language: Language) -> Vec<PartGaps> {
    let k = CompletenessStrings::of(language);
    Part::ALL
        .iter()
        .filter_map(|&part| {
            let gaps: Vec<&Gap> = sop.gaps.iter().filter(|g| g.part == part).collect();
            let items = part_items(&gaps, k);
            (!items.is_empty()).then(|| PartGaps {
                part: part.key(),
                label: i18n::part(language, part),
                items,
            })
        })
        .collect()
}

/// The kelengkapan page of `handbook`.
pub fn page(handbook: &Handbook, completeness: &Completeness, routes: &Routes) -> Page {
    let language = handbook.config.language;
    let today = completeness.today;
    let today_days = crate::model::calendar::days_from_civil(today.year, today.month, today.day);
    let names: BTreeMap<&str, &str> = handbook
        .units
        .iter()
        .map(|u| (u.path.as_str(), u.nama.as_str()))
        .collect();
    // "a/b" → "A › B": the names of the unit and its parents.
    let unit_names = |path: &str| {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        (1..=parts.len())
            .filter_map(|end| names.get(parts[..end].join("/").as_str()).copied())
            .collect::<Vec<_>>()
            .join(" › ")
    };
    let rows = handbook
        .sops
        .iter()
        .zip(&completeness.sops)
        .enumerate()
        .map(|(i, (sop, c))| Row {
            unit: unit_names(&sop.unit),
            unit_path: sop.unit.clone(),
            nomor: sop.nomor_or_dash().to_string(),
            nama: sop.nama.clone(),
            url: routes.url(Kind::Sop(i)).to_string(),
            score: c.score,
            gap_count: c.gaps.len(),
            gaps: part_gaps(c, language),
            review: c
                .review
                .as_ref()
                .map(|r| review_cell(r, today_days, language)),
        })
        .collect();
    let units = handbook
        .units
        .iter()
        .zip(&completeness.units)
        .enumerate()
        .filter(|(_, (u, c))| !u.path.is_empty() && c.sops > 0)
        .map(|(i, (u, c))| UnitRow {
            path: u.path.clone(),
            nama: u.nama.clone(),
            depth: u.path.matches('/').count(),
            url: routes.url(Kind::Unit(i)).to_string(),
            sops: c.sops,
            score: c.score,
            gaps: c.gaps,
            due: c.due,
        })
        .collect();
    let whole = completeness.units.first().cloned().unwrap_or_default();
    Page {
        as_of: today.long_in(language),
        review_every: completeness
            .review_after
            .as_ref()
            .map(|p| p.display(language)),
        sop_count: whole.sops,
        score: whole.score,
        gap_count: whole.gaps,
        due_count: whole.due,
        csv_url: routes.url(Kind::CompletenessCsv).to_string(),
        units,
        rows,
    }
}

/// The table of the page as CSV, for a spreadsheet.
///
/// Offices open it by double-clicking, in Excel with Indonesian regional
/// settings or in LibreOffice, so:
/// - a UTF-8 byte order mark first: without it Excel reads the file in the
///   Windows code page and "—", "›" and "“" come out garbled (LibreOffice
///   and every CSV library skip it);
/// - `;` between fields: Excel splits on the list separator of the
///   system's region, which is `;` wherever `,` is the decimal mark, as in
///   Indonesia (a `,` file opens as one column there); LibreOffice asks,
///   with `;` among its defaults. No `sep=;` line: Excel then ignores the
///   byte order mark;
/// - CRLF line ends and fields quoted when they hold `;`, `"` or a line
///   break (RFC 4180);
/// - a text of the handbook's that starts with `=`, `+`, `-` or `@` gets a
///   leading `'`, or a spreadsheet would run it as a formula (a nama like
///   `=HYPERLINK(...)`).
pub fn csv(page: &Page, language: Language) -> Vec<u8> {
    let k = CompletenessStrings::of(language);
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = vec![
        k.unit.into(),
        k.nomor.into(),
        k.nama.into(),
        k.score.into(),
        k.gap_count.into(),
    ];
    // "Kekurangan: Nomor SOP": the part columns apart from the SOP's own.
    header.extend(
        Part::ALL
            .iter()
            .map(|&p| format!("{}: {}", k.gaps, i18n::part(language, p))),
    );
    header.extend([capitalised(k.newest), k.review.into(), k.address.into()]);
    line(&mut out, header.iter().map(String::as_str), false);
    for row in &page.rows {
        let mut cells: Vec<String> = vec![
            row.unit.clone(),
            row.nomor.clone(),
            row.nama.clone(),
            row.score.to_string(),
            row.gap_count.to_string(),
        ];
        cells.extend(Part::ALL.iter().map(|&p| {
            row.gaps
                .iter()
                .find(|g| g.part == p.key())
                .map(|g| g.items.join("; "))
                .unwrap_or_default()
        }));
        let review = row.review.as_ref();
        cells.push(review.map(|r| r.newest.clone()).unwrap_or_default());
        cells.push(review.map(|r| r.text.clone()).unwrap_or_default());
        cells.push(row.url.clone());
        line(&mut out, cells.iter().map(String::as_str), true);
    }
    out.into_bytes()
}

/// "tanggal terbaru" → "Tanggal terbaru", for a column's header.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One record of the CSV; `guard` keeps a spreadsheet from running a
/// field as a formula.
fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>, guard: bool) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(';');
        }
        let formula = guard && cell.starts_with(['=', '+', '-', '@']);
        let cell = if formula {
            format!("'{cell}")
        } else {
            cell.to_string()
        };
        if cell.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// The mark of an SOP past its review date, for its page: None unless due.
#[derive(Debug, Serialize)]
pub struct ReviewMark {
    pub cell: ReviewCell,
    /// review_after in words.
    pub every: String,
    pub completeness_url: String,
}

/// The review mark of SOP `i`, when it is due.
pub fn sop_mark(
    completeness: &Completeness,
    i: usize,
    routes: &Routes,
    language: Language,
) -> Option<ReviewMark> {
    let review = completeness.sops[i].review.as_ref()?;
    review.overdue?;
    let today = completeness.today;
    let today_days = crate::model::calendar::days_from_civil(today.year, today.month, today.day);
    Some(ReviewMark {
        cell: review_cell(review, today_days, language),
        every: completeness.review_after.as_ref()?.display(language),
        completeness_url: routes.url(Kind::Completeness).to_string(),
    })
}

/// SOP page URL → how long overdue, for the SOPs directly in unit `path`
/// that are due: the marks of its list.
pub fn unit_marks(
    handbook: &Handbook,
    completeness: &Completeness,
    path: &str,
    routes: &Routes,
) -> BTreeMap<String, String> {
    let language = handbook.config.language;
    handbook
        .sops
        .iter()
        .zip(&completeness.sops)
        .enumerate()
        .filter(|(_, (s, _))| s.unit == path)
        .filter_map(|(i, (_, c))| {
            let overdue = c.review.as_ref()?.overdue?;
            Some((
                routes.url(Kind::Sop(i)).to_string(),
                overdue.display(language),
            ))
        })
        .collect()
}

/// What the front page shows of it: the link and the average score.
#[derive(Debug, Serialize)]
pub struct FrontLink {
    pub url: String,
    pub score: Option<u32>,
    pub due: usize,
}

pub fn front_link(completeness: &Completeness, routes: &Routes) -> FrontLink {
    let whole = completeness.units.first();
    FrontLink {
        url: routes.url(Kind::Completeness).to_string(),
        score: whole.and_then(|u| u.score),
        due: whole.map_or(0, |u| u.due),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(part: Part, problem: Problem, step: usize, written: Option<&str>) -> Gap {
        Gap {
            part,
            problem,
            step: Some(step),
            written: written.map(String::from),
            line: 1,
            column: 1,
        }
    }

    #[test]
    fn a_run_of_three_steps_with_the_same_gap_is_one_item() {
        let k = CompletenessStrings::of(Language::Id);
        let gaps = [
            gap(Part::Waktu, Problem::Missing, 1, None),
            gap(Part::Waktu, Problem::Missing, 2, None),
            gap(Part::Waktu, Problem::Missing, 3, None),
            gap(Part::Waktu, Problem::Missing, 4, None),
            gap(Part::Waktu, Problem::Unreadable, 5, Some("segera")),
            gap(Part::Waktu, Problem::Missing, 7, None),
            gap(Part::Waktu, Problem::Missing, 8, None),
        ];
        let refs: Vec<&Gap> = gaps.iter().collect();
        assert_eq!(
            part_items(&refs, k),
            [
                "langkah 1–4: kosong",
                "langkah 5: tidak terbaca “segera”",
                "langkah 7: kosong",
                "langkah 8: kosong",
            ]
        );
    }
}
