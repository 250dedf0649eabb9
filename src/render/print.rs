//! The printed SOP AP form (PermenPAN-RB 35/2012): its kop lines, its
//! flowchart pages and the `@page` rules for the paper, apart from the
//! screen page that carries them (pages.rs).

use serde::Serialize;

use crate::config::{Config, Language, Paper};
use crate::model::Sop;

use super::swimlane;

mod qr;

/// The printed SOP AP form: the identity page, then the flowchart cut into
/// pages of `print.steps_per_page` steps, on A4 or F4 landscape.
#[derive(Debug, Clone, Serialize)]
pub struct PrintForm {
    /// "A4" or "F4".
    pub paper: &'static str,
    /// The page rules for the paper, ready for a `<style media="print">`:
    /// `@page` size and margins, the footer (nomor and nama on the left,
    /// "Halaman x dari y" on the right), and the height a flowchart page's
    /// drawing may take. Text from the SOP is escaped for CSS.
    pub page_css: String,
    /// The flowchart pages, each an `<svg>` with the form's header row
    /// (No, Kegiatan, the lanes, Mutu Baku, Keterangan).
    pub pages: Vec<String>,
    /// A QR code of the SOP page's address for the identity page, an
    /// `<svg>`: only when `print.qr` is on and the address is absolute.
    pub qr: Option<String>,
}

/// The printed form of `sop`, whose page is at `url`: its flowchart pages,
/// page rules and QR code.
pub fn form(sop: &Sop, config: &Config, url: &str) -> PrintForm {
    let (settings, language) = (&config.print, config.language);
    let pages = if sop.steps.is_empty() {
        Vec::new()
    } else {
        swimlane::render_print_pages(sop, language, settings.steps_per_page)
    };
    PrintForm {
        paper: match settings.paper {
            Paper::A4 => "A4",
            Paper::F4 => "F4",
        },
        page_css: page_css(settings.paper, language, sop),
        pages,
        qr: settings.qr.then(|| qr::svg(url)).flatten(),
    }
}

/// The kop (header) lines of an SOP, each printed once.
pub struct Kop<'a> {
    pub organisation: Option<&'a str>,
    pub satuan_kerja: Option<&'a str>,
    pub unit_lines: Vec<&'a str>,
}

impl<'a> Kop<'a> {
    pub fn of(sop: &'a Sop, config: &'a Config) -> Kop<'a> {
        let mut seen: Vec<String> = Vec::new();
        let mut once = |line: Option<&'a str>| {
            let line = line?;
            let key = kop_key(line);
            if key.is_empty() || seen.contains(&key) {
                return None;
            }
            seen.push(key);
            Some(line)
        };
        Kop {
            organisation: once(sop.organisasi.as_deref().or(config.organisation.as_deref())),
            satuan_kerja: once(sop.satuan_kerja.as_deref()),
            unit_lines: sop
                .unit_lines
                .iter()
                .filter_map(|l| once(Some(l.as_str())))
                .collect(),
        }
    }
}

/// A kop line as compared: letters and digits only, any case
/// ("Dinas Kesehatan," = "DINAS KESEHATAN").
fn kop_key(line: &str) -> String {
    line.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Paper sizes, landscape, in mm: A4 (297 x 210) and F4 (330 x 215, the
/// folio paper of Indonesian offices).
fn paper_mm(paper: Paper) -> (u32, u32) {
    match paper {
        Paper::A4 => (297, 210),
        Paper::F4 => (330, 215),
    }
}

/// Page margins in mm: top, sides, bottom (room for the footer).
const PRINT_MARGIN_MM: (u32, u32, u32) = (10, 10, 14);
/// Room under the last flowchart page's drawing for the Jumlah waktu row, in mm.
const PRINT_TOTAL_MM: u32 = 9;
/// Room above a flowchart page's drawing for its caption, in mm.
const PRINT_CAPTION_MM: u32 = 9;

/// The print rules of [`PrintForm::page_css`].
fn page_css(paper: Paper, language: Language, sop: &Sop) -> String {
    let (w, h) = paper_mm(paper);
    let (top, side, bottom) = PRINT_MARGIN_MM;
    let chart_h = h - top - bottom - PRINT_CAPTION_MM;
    // The last page keeps room under its drawing for the Jumlah waktu row.
    let last_h = chart_h - PRINT_TOTAL_MM;
    let t = crate::i18n::strings(language);
    let (page, of) = (t.print_page, t.print_page_of);
    // An SOP not numbered yet is named by its nama alone, not "— · nama".
    let footer = if sop.nomor.is_empty() {
        css_string(&sop.nama)
    } else {
        css_string(&format!("{} · {}", sop.nomor, sop.nama))
    };
    format!(
        "@page {{ size: {w}mm {h}mm; margin: {top}mm {side}mm {bottom}mm; \
         @bottom-left {{ content: {footer}; font: 8pt Arial, sans-serif; }} \
         @bottom-right {{ content: \"{page} \" counter(page) \" {of} \" counter(pages); font: 8pt Arial, sans-serif; }} }}\n\
         .print-page__chart svg {{ max-height: {chart_h}mm; }}\n\
         .print-page--alur[data-akhir] .print-page__chart svg {{ max-height: {last_h}mm; }}"
    )
}

/// `s` as a quoted CSS string that cannot end the string or the `<style>`.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // `<` could close the <style> element; a CSS escape keeps it.
            '<' => out.push_str("\\3c "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
