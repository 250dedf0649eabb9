//! Writes a [`Draft`] as the YAML an author would have written: the form's
//! order, the author's wording, and a `# periksa:` comment at each place a
//! person must check. Every line of the report points at its comment.

use super::draft::{Draft, Step};
use crate::model::Date;

/// The YAML text and, for each `# periksa:` comment, its line and message.
pub struct Written {
    pub yaml: String,
    pub periksa: Vec<(usize, String)>,
}

struct Out {
    text: String,
    line: usize,
    periksa: Vec<(usize, String)>,
}

impl Out {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
        self.line += 1;
    }
    fn periksa(&mut self, indent: &str, message: &str) {
        let message = one_line(message);
        self.line(&format!("{indent}# periksa: {message}"));
        self.periksa.push((self.line, message));
    }
    fn notes(&mut self, draft: &Draft, field: &str, indent: &str) {
        for m in draft.notes_at(field) {
            self.periksa(indent, m);
        }
    }
    fn scalar(&mut self, indent: &str, key: &str, value: &str) {
        self.line(&format!("{indent}{key}: {}", scalar(value)));
    }
    fn list(&mut self, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.line(&format!("{key}:"));
        for item in items {
            self.line(&format!("  - {}", scalar(item)));
        }
    }
}

/// `draft` as YAML; `source` names the document in the opening comment.
pub fn write(draft: &Draft, source: &str) -> Written {
    let mut o = Out {
        text: String::new(),
        line: 0,
        periksa: Vec::new(),
    };
    o.line(&format!(
        "# Diimpor oleh `lajur import` dari {}.",
        one_line(source)
    ));
    o.line("# Periksa setiap baris \"# periksa:\" terhadap dokumen asli, lalu hapus komentarnya.");
    o.notes(draft, "", "");
    if let Some(org) = &draft.organisasi {
        o.line(&format!(
            "# Kop: {} (tulis sebagai `organisasi:` di _index.md unit ini).",
            one_line(org)
        ));
    }
    o.notes(draft, "nomor", "");
    match &draft.nomor {
        Some(n) => o.scalar("", "nomor", n),
        None => o.periksa("", "Nomor SOP tidak ditemukan"),
    }
    o.notes(draft, "nama", "");
    o.scalar("", "nama", draft.nama.as_deref().unwrap_or(""));
    if let Some(s) = &draft.satuan_kerja {
        o.scalar("", "satuan_kerja", s);
    }
    o.list("unit", &draft.unit);
    for (key, value) in [
        ("tanggal_pembuatan", &draft.tanggal_pembuatan),
        ("tanggal_revisi", &draft.tanggal_revisi),
        ("tanggal_efektif", &draft.tanggal_efektif),
        ("tanggal_pengesahan", &draft.tanggal_pengesahan),
    ] {
        o.notes(draft, key, "");
        let Some(value) = value else { continue };
        if Date::means_none(value) {
            continue;
        }
        if Date::parse(value).is_ok() {
            o.scalar("", key, value);
        } else {
            // Never a date lajur would read wrongly: the text stays, as a
            // comment, for the author to write again.
            o.periksa("", &format!("{key} tidak terbaca sebagai tanggal"));
            o.line(&format!("# {key}: {}", one_line(value)));
        }
    }
    o.notes(draft, "disahkan_oleh", "");
    if let Some(a) = &draft.disahkan_oleh {
        o.line("disahkan_oleh:");
        for (key, value) in [("jabatan", &a.jabatan), ("nama", &a.nama), ("nip", &a.nip)] {
            if !value.is_empty() {
                o.scalar("  ", key, value);
            }
        }
    }
    for key in [
        "dasar_hukum",
        "kualifikasi_pelaksana",
        "keterkaitan",
        "peralatan",
        "peringatan",
        "pencatatan",
    ] {
        o.notes(draft, key, "");
        let items = match key {
            "dasar_hukum" => &draft.dasar_hukum,
            "kualifikasi_pelaksana" => &draft.kualifikasi_pelaksana,
            "keterkaitan" => &draft.keterkaitan,
            "peralatan" => &draft.peralatan,
            "peringatan" => &draft.peringatan,
            _ => &draft.pencatatan,
        };
        match items.as_slice() {
            [one] if matches!(key, "peringatan" | "pencatatan") => o.scalar("", key, one),
            _ => o.list(key, items),
        }
    }
    o.line("");
    o.notes(draft, "pelaksana", "");
    o.list("pelaksana", &draft.lanes);
    o.line("");
    o.notes(draft, "langkah", "");
    o.line("langkah:");
    let positional = draft
        .steps
        .iter()
        .enumerate()
        .all(|(i, s)| s.no == (i + 1).to_string());
    for step in &draft.steps {
        write_step(&mut o, step, !positional);
    }
    Written {
        yaml: o.text,
        periksa: o.periksa,
    }
}

fn write_step(o: &mut Out, step: &Step, with_no: bool) {
    for note in &step.notes {
        o.periksa("  ", note);
    }
    o.line(&format!("  - kegiatan: {}", scalar(&step.kegiatan)));
    if with_no {
        o.scalar("    ", "no", &step.no);
    }
    match step.pelaksana.as_slice() {
        [one] => o.scalar("    ", "pelaksana", one),
        many => o.line(&format!(
            "    pelaksana: [{}]",
            many.iter().map(|s| flow(s)).collect::<Vec<_>>().join(", ")
        )),
    }
    if step.berurutan {
        o.line("    alur: berurutan");
    }
    match step.jenis.as_slice() {
        [] => {}
        [one] => o.scalar("    ", "jenis", one.as_str()),
        many => o.line(&format!(
            "    jenis: [{}]",
            many.iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    for (key, value) in [
        ("ya", &step.ya),
        ("tidak", &step.tidak),
        ("label_ya", &step.label_ya),
        ("label_tidak", &step.label_tidak),
    ] {
        if let Some(v) = value {
            o.scalar("    ", key, v);
        }
    }
    match step.lanjut.as_slice() {
        [] => {}
        [one] => o.scalar("    ", "lanjut", one),
        many => o.line(&format!(
            "    lanjut: [{}]",
            many.iter().map(|s| flow(s)).collect::<Vec<_>>().join(", ")
        )),
    }
    // A list printed as bullets in its cell ("- DPA - Dokumen RKT").
    let bulleted = step.kelengkapan.as_deref().and_then(bullets);
    if let Some(items) = &bulleted {
        o.line("    kelengkapan:");
        for item in items {
            o.line(&format!("      - {}", scalar(item)));
        }
    }
    let kelengkapan = step.kelengkapan.clone().filter(|_| bulleted.is_none());
    for (key, value) in [
        ("kelengkapan", &kelengkapan),
        ("waktu", &step.waktu),
        ("output", &step.output),
        ("keterangan", &step.keterangan),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            o.scalar("    ", key, v);
        }
    }
}

/// The items of text written as a bulleted list ("- a - b", "• a • b"):
/// None unless it starts with a bullet and has two items or more.
fn bullets(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    let bullet = ["- ", "• ", "· "]
        .into_iter()
        .find(|b| text.starts_with(b))?;
    let sep = format!(" {bullet}");
    let items: Vec<String> = text[bullet.len()..]
        .split(sep.as_str())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (items.len() >= 2).then_some(items)
}

/// Comments are one line: a line break in a message would end the comment.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A scalar as YAML: plain when YAML reads it back as the same string,
/// else double-quoted (JSON's string syntax is YAML's).
pub fn scalar(s: &str) -> String {
    if is_plain(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

/// A scalar inside a flow sequence `[a, b]`: commas and brackets quoted too.
fn flow(s: &str) -> String {
    if is_plain(s) && !s.contains([',', '[', ']', '{', '}']) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn is_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || s.chars().any(|c| c.is_control()) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off" | "null" | "~"
    ) {
        return false;
    }
    // Numbers, NIPs, dates and times are written quoted so they stay text
    // as written ("19650928 199203 1 008", "2018-11-07", "1:30").
    !(first.is_ascii_digit() || first == '.' || first == '+')
        || s.chars().any(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_yaml_would_misread_are_quoted() {
        assert_eq!(scalar("Draft RKT"), "Draft RKT");
        assert_eq!(scalar("15 menit"), "15 menit");
        assert_eq!(scalar("19650928 199203 1 008"), "\"19650928 199203 1 008\"");
        assert_eq!(scalar("- data"), "\"- data\"");
        assert_eq!(scalar("Nomor SOP: 1"), "\"Nomor SOP: 1\"");
        assert_eq!(scalar("Ya"), "Ya");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar(""), "\"\"");
    }
}
