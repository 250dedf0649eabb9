//! Search: a Pagefind index of the SOP pages, built from the rendered pages
//! in memory, so a reader finds a procedure by what they remember of it.
//!
//! What goes into the index is the SOP page as served, plus a block that only
//! the index sees (never the reader): the other forms of every abbreviation
//! and long form on the page ("kasubag" ↔ "Kepala Sub Bagian"), the other
//! ways to cite each legal basis ("UU 17/2003"), and the SOP's nomor, unit
//! and pelaksana as Pagefind metadata and filters for the result list.

pub mod abbreviations;
pub mod citations;
pub mod page;
pub mod stemming;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

pub use abbreviations::Abbreviations;

use crate::model::{Handbook, Sop};
use crate::render::OutputFile;

/// Where the index lands under the output folder.
pub const BUNDLE_DIR: &str = "pagefind";

/// Weight of the abbreviation forms of words in the SOP's nama: a little under
/// the nama itself (an `<h1>`, weight 7 in Pagefind), so the title a reader
/// typed literally still ranks first.
const TITLE_TERMS_WEIGHT: u8 = 6;

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(String);

/// Builds the Pagefind index of the SOP pages among `pages` and returns its
/// files, with paths under `pagefind/`.
pub fn index(pages: &[OutputFile], handbook: &Handbook) -> Result<Vec<OutputFile>, SearchError> {
    let abbreviations = Abbreviations::new(&handbook.config.abbreviations);
    let by_path: HashMap<&str, &OutputFile> = pages.iter().map(|p| (p.path.as_str(), p)).collect();
    // Preparing the pages is independent per SOP; Pagefind itself then reads
    // them one at a time.
    let documents: Vec<(String, String)> = handbook
        .sops
        .par_iter()
        .filter_map(|sop| {
            let path = format!("{}/index.html", sop.path);
            let page = by_path.get(path.as_str())?;
            let html = String::from_utf8_lossy(&page.bytes);
            Some((path, indexed_html(&html, sop, handbook, &abbreviations)))
        })
        .collect();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| SearchError(e.to_string()))?;
    let language = handbook.config.language.code().to_string();
    let files = runtime.block_on(async move {
        let options = PagefindServiceConfig::builder()
            .force_language(language)
            .build();
        let mut index =
            PagefindIndex::new(Some(options)).map_err(|e| SearchError(e.to_string()))?;
        for (path, html) in documents {
            index
                .add_html_file(Some(path.clone()), None, html)
                .await
                .map_err(|e| SearchError(format!("{path}: {e}")))?;
        }
        index
            .get_files()
            .await
            .map_err(|e| SearchError(e.to_string()))
    })?;

    // Pagefind names its files under <current dir>/pagefind/; the folder
    // holding pagefind.js is that bundle folder whatever the current dir is.
    let bundle = files
        .iter()
        .find(|f| f.filename.file_name().is_some_and(|n| n == "pagefind.js"))
        .and_then(|f| f.filename.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from(BUNDLE_DIR));
    Ok(files
        .into_iter()
        .filter_map(|f| {
            let rel = f.filename.strip_prefix(&bundle).ok()?;
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(OutputFile {
                path: format!("{BUNDLE_DIR}/{}", rel.join("/")),
                bytes: f.contents,
            })
        })
        .collect())
}

/// The page as the index reads it: the served HTML with the index-only block
/// put before `</body>`.
pub fn indexed_html(
    html: &str,
    sop: &Sop,
    handbook: &Handbook,
    abbreviations: &Abbreviations,
) -> String {
    // A page that marks its content with data-pagefind-body has everything
    // else ignored, so the block must be marked too; a page that does not
    // would lose its content if the block were.
    let body_attr = if html.contains("data-pagefind-body") {
        " data-pagefind-body"
    } else {
        ""
    };
    let language = handbook.config.language;
    let texts = page_texts(sop);
    let mut title_terms = abbreviations.extra_terms(&sop.nama);
    title_terms.extend(stemming::root_forms(&[&sop.nama], language));
    let mut other_terms = abbreviations.extra_terms_in(&texts);
    other_terms.extend(stemming::root_forms(&texts, language));
    // A lane's singkatan names the role in the flowchart, which the index
    // does not read (Pagefind skips SVG), yet readers type it.
    other_terms.extend(sop.lanes.iter().filter_map(|l| l.singkatan.clone()));
    other_terms.retain(|t| !title_terms.contains(t));
    for citation in &sop.dasar_hukum {
        other_terms.extend(citations::aliases(citation));
    }
    let mut seen = HashSet::new();
    other_terms.retain(|t| seen.insert(t.clone()));

    let mut block = String::from("\n<div class=\"lajur-search-terms\" hidden>");
    block.push_str(&format!(
        "<span data-pagefind-meta=\"title:{}\"></span>",
        escape(&sop.nama)
    ));
    block.push_str(&format!(
        "<span data-pagefind-meta=\"nomor:{}\"></span>",
        escape(&sop.nomor)
    ));
    if let Some(unit) = unit_name(sop, handbook) {
        block.push_str(&format!(
            "<span data-pagefind-meta=\"unit:{0}\"></span><span data-pagefind-filter=\"unit:{0}\"></span>",
            escape(unit)
        ));
    }
    for lane in &sop.lanes {
        block.push_str(&format!(
            "<span data-pagefind-filter=\"pelaksana:{}\"></span>",
            escape(&lane.nama)
        ));
    }
    if !title_terms.is_empty() {
        block.push_str(&format!(
            "<p{body_attr} data-pagefind-weight=\"{TITLE_TERMS_WEIGHT}\">{}</p>",
            escape(&title_terms.join(". "))
        ));
    }
    if !other_terms.is_empty() {
        block.push_str(&format!(
            "<p{body_attr}>{}</p>",
            escape(&other_terms.join(". "))
        ));
    }
    block.push_str("</div>\n");

    let mut out = without_svg(html);
    match out.rfind("</body>").or_else(|| out.rfind("</BODY>")) {
        Some(at) => out.insert_str(at, &block),
        None => out.push_str(&block),
    }
    out
}

/// `html` without its inline SVG: Pagefind skips SVG anyway, and the
/// flowchart is most of an SOP page, so the index parses far less.
fn without_svg(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let Some(len) = rest[start..].find("</svg>") else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + len + "</svg>".len()..];
    }
    out.push_str(rest);
    out
}

/// The unit an SOP is filed under, by name.
fn unit_name<'a>(sop: &'a Sop, handbook: &'a Handbook) -> Option<&'a str> {
    handbook
        .units
        .iter()
        .find(|u| u.path == sop.unit && !u.path.is_empty())
        .map(|u| u.nama.as_str())
        .or_else(|| sop.unit_lines.last().map(String::as_str))
}

/// Every text of the SOP a reader might remember a word from, field by field.
fn page_texts(sop: &Sop) -> Vec<&str> {
    let mut parts: Vec<&str> = vec![&sop.nama, &sop.nomor, &sop.body];
    parts.extend(sop.satuan_kerja.as_deref());
    parts.extend(sop.unit_lines.iter().map(String::as_str));
    parts.extend(sop.dasar_hukum.iter().map(|c| c.text.as_str()));
    parts.extend(sop.kualifikasi_pelaksana.iter().map(String::as_str));
    parts.extend(sop.peralatan.iter().map(String::as_str));
    parts.extend(sop.peringatan.as_deref());
    parts.extend(sop.pencatatan.iter().map(String::as_str));
    for lane in &sop.lanes {
        parts.push(&lane.nama);
        parts.extend(lane.singkatan.as_deref());
    }
    for step in &sop.steps {
        parts.push(&step.kegiatan);
        parts.extend(step.kelengkapan.iter().map(String::as_str));
        parts.extend(step.output.as_deref());
        parts.extend(step.keterangan.as_deref());
    }
    if let Some(approver) = &sop.disahkan_oleh {
        parts.extend(approver.jabatan.as_deref());
    }
    parts
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_svg_is_left_out_of_what_the_index_parses() {
        let html = "<p>a</p><svg><g><text>x</text></g></svg><p>b</p><svg>unclosed";
        assert_eq!(without_svg(html), "<p>a</p><p>b</p><svg>unclosed");
    }
}
