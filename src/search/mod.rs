//! Search: a Pagefind index of the SOPs, built in memory, so a reader finds
//! a procedure by what they remember of it.
//!
//! Each SOP is one record: the text of its page (nama, nomor, legal bases,
//! steps, roles, body), plus what only the index sees (never the reader):
//! the other forms of every abbreviation and long form in it ("kasubag" ↔
//! "Kepala Sub Bagian"), the other ways to cite each legal basis ("UU
//! 17/2003"), and the SOP's nomor, unit and pelaksana as Pagefind metadata
//! and filters for the result list.

pub mod abbreviations;
pub mod citations;
mod memo;
pub mod pagefind;
pub mod stemming;
pub mod stopwords;
pub mod vocabulary;

use std::collections::BTreeMap;

pub use abbreviations::Abbreviations;
pub use pagefind::{MAX_FRAGMENTS, Record};
pub use stopwords::Stopwords;

use pagefind::Content;

use crate::model::{Handbook, Sop};
use crate::output::OutputFile;
use crate::routes::{Routes, SEARCH_INDEX_DIR};

/// Weight of the SOP's nama: what Pagefind gives an `<h1>`.
const TITLE_WEIGHT: u8 = 7;

/// Weight of the abbreviation forms of words in the SOP's nama: a little under
/// the nama itself (an `<h1>`, weight 7 in Pagefind), so the title a reader
/// typed literally still ranks first.
const TITLE_TERMS_WEIGHT: u8 = 6;

/// Why the index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The sink could not take a file of the index.
    #[error(transparent)]
    Write(#[from] crate::output::OutputError),
}

/// Builds the Pagefind index of the handbook's SOPs and returns its files,
/// with paths under the search index's folder (`pagefind/`). `routes` is
/// the table planned from `handbook`: each record holds its SOP's URL.
pub fn index(handbook: &Handbook, routes: &Routes) -> Result<Vec<OutputFile>, SearchError> {
    crate::output::keep_files(|sink| write_index(handbook, routes, sink, true))
}

/// The index as Pagefind's own indexer would write it, every location of
/// every word kept: [`index`] trims the commonest words of large handbooks
/// to keep what a query downloads small. For comparing the two.
pub fn index_as_pagefind(
    handbook: &Handbook,
    routes: &Routes,
) -> Result<Vec<OutputFile>, SearchError> {
    crate::output::keep_files(|sink| write_index(handbook, routes, sink, false))
}

/// Builds the index and hands each file to `sink` as soon as it is made.
///
/// Each SOP goes in as a record made from the model, not as its rendered
/// page: the text is the same, but the indexer then neither parses 40 KB of
/// HTML per SOP nor reads the labels of the form ("Nomor SOP", "Dasar
/// Hukum") that every page has, and the index can be built while the pages
/// are still being rendered (see docs/performance.md). Each record is
/// dropped as soon as it is read, and SOPs go in by batches, so at most two
/// batches of pages read are held at a time.
pub fn index_to(
    handbook: &Handbook,
    routes: &Routes,
    sink: crate::output::Sink<'_>,
) -> Result<(), SearchError> {
    write_index(handbook, routes, sink, true)
}

fn write_index(
    handbook: &Handbook,
    routes: &Routes,
    sink: crate::output::Sink<'_>,
    trim: bool,
) -> Result<(), SearchError> {
    // The bundle's files are named within its folder; the folder is the
    // route table's.
    let in_folder = |file: OutputFile| {
        sink(OutputFile {
            path: format!("{SEARCH_INDEX_DIR}/{}", file.path),
            bytes: file.bytes,
        })
    };
    let abbreviations = Abbreviations::new(&handbook.config.abbreviations);
    // The metadata fields every record has, and the unit when one has it.
    let mut meta_fields = vec!["title", "nomor"];
    if handbook
        .sops
        .iter()
        .any(|s| unit_name(s, handbook).is_some())
    {
        meta_fields.push("unit");
    }
    let mut bundle = pagefind::Bundle::new(
        handbook.config.language,
        &meta_fields,
        handbook.sops.len(),
        &in_folder,
    );
    if !trim {
        bundle = bundle.untrimmed();
    }
    // The vocabulary for correcting typos is lajur's, not Pagefind's: left
    // out of the bundle compared with Pagefind's own.
    let vocabulary = trim.then(vocabulary::Vocabulary::default);
    let sops: Vec<usize> = (0..handbook.sops.len()).collect();
    bundle.add(&sops, |&i| {
        let record = record(i, handbook, routes, &abbreviations);
        if let Some(vocabulary) = &vocabulary {
            vocabulary.note(pagefind::text_words(&record.content));
        }
        record
    })?;
    bundle.finish()?;
    for file in vocabulary.map(|v| v.files()).unwrap_or_default() {
        in_folder(file)?;
    }
    Ok(())
}

/// The record of SOP `i` of `handbook`: every text of the SOP a reader
/// might remember a word from, then the other forms of the abbreviations
/// and long forms in it ("kasubag" ↔ "Kepala Sub Bagian"), the stems
/// Snowball misses, and the other ways to cite each legal basis ("UU
/// 17/2003"). Its URL is the SOP's route in `routes`.
pub fn record(
    i: usize,
    handbook: &Handbook,
    routes: &Routes,
    abbreviations: &Abbreviations,
) -> Record {
    let sop = &handbook.sops[i];
    let language = handbook.config.language;
    let unit = unit_name(sop, handbook);

    let texts = page_texts(sop);
    // The record is one and a half to two times its texts, with the other
    // forms of their terms: sized once rather than grown by copying.
    let mut content = Content::with_capacity(2 * texts.iter().map(|t| t.len()).sum::<usize>());
    content.weighted(TITLE_WEIGHT, &sop.nama);
    content.sentence(&sop.nomor);
    content.sentences(sop.satuan_kerja.iter());
    content.sentences(sop.unit_lines.iter());
    content.sentences(sop.dasar_hukum.iter().map(|c| &c.text));
    content.sentences(sop.kualifikasi_pelaksana.iter());
    content.sentences(sop.keterkaitan.iter().map(|r| match r.target {
        Some(i) => &handbook.sops[i].nama,
        None => &r.reference,
    }));
    content.sentences(sop.peralatan.iter());
    content.sentences(sop.peringatan.iter());
    content.sentences(sop.pencatatan.iter());
    if let Some(approver) = &sop.disahkan_oleh {
        content.sentences(approver.jabatan.iter());
    }
    // Each role once: a role's name on every step it does would only make
    // the index larger (Pagefind keeps every position of every word) without
    // finding the SOP any better. Step numbers and times are left out for
    // the same reason: nobody searches for "3" or "10 menit".
    content.sentences(sop.lanes.iter().map(|l| &l.nama));
    for step in &sop.steps {
        content.sentence(&step.kegiatan);
        content.sentences(step.kelengkapan.iter());
        content.sentences(step.output.iter());
        content.sentences(step.keterangan.iter());
    }
    content.sentences(markdown_text(&sop.body).iter());
    let shown = content.len();

    let title_roots = stemming::root_forms(&[&sop.nama], language);
    let title_terms: Vec<&str> = abbreviations
        .extra_terms(&sop.nama)
        .into_iter()
        .chain(title_roots.iter().map(String::as_str))
        .collect();
    let roots = stemming::root_forms(&texts, language);
    let aliases: Vec<String> = sop
        .dasar_hukum
        .iter()
        .flat_map(citations::aliases)
        .collect();
    // Terms are borrowed, not copied, until they are written: an SOP has
    // some fifty, most of them repeated.
    let mut seen = hashbrown::HashSet::new();
    let other_terms = abbreviations
        .extra_terms_in(&texts)
        .into_iter()
        .chain(roots.iter().map(String::as_str))
        // A lane's singkatan names the role in the flowchart, and readers type it.
        .chain(sop.lanes.iter().filter_map(|l| l.singkatan.as_deref()))
        .filter(|t| !title_terms.contains(t))
        .chain(aliases.iter().map(String::as_str))
        .filter(|t| seen.insert(*t));
    if !title_terms.is_empty() {
        content.weighted(TITLE_TERMS_WEIGHT, &title_terms.join(". "));
    }
    content.sentences(other_terms);

    let mut meta = BTreeMap::from([
        ("title".to_string(), sop.nama.clone()),
        ("nomor".to_string(), sop.nomor.clone()),
    ]);
    let mut filters = BTreeMap::new();
    if let Some(unit) = unit {
        meta.insert("unit".to_string(), unit.to_string());
        filters.insert("unit".to_string(), vec![unit.to_string()]);
    }
    filters.insert(
        "pelaksana".to_string(),
        sop.lanes.iter().map(|l| l.nama.clone()).collect(),
    );
    Record {
        url: routes.search_record_url(i).to_string(),
        content: content.into_string(),
        shown,
        meta,
        filters,
    }
}

/// The words of a Markdown body, a sentence per block.
fn markdown_text(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut blocks = Vec::new();
    let mut block = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => block.push_str(&t),
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => blocks.push(std::mem::take(&mut block)),
            _ => {}
        }
    }
    blocks.push(block);
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

/// The unit an SOP is filed under, by name.
pub(crate) fn unit_name<'a>(sop: &'a Sop, handbook: &'a Handbook) -> Option<&'a str> {
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
    parts.extend(sop.peringatan.iter().map(String::as_str));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_body_is_read_as_plain_sentences() {
        let text =
            markdown_text("# Catatan\n\nBerkas **lengkap** dikirim\nke `BUD`.\n\n- satu\n- dua\n");
        assert_eq!(
            text,
            ["Catatan", "Berkas lengkap dikirim ke BUD.", "satu", "dua"]
        );
    }
}
