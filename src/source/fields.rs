//! Reading typed values out of a YAML tree while collecting every problem:
//! unknown and duplicate keys, missing required fields, wrong types.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Pos, did_you_mean};

use super::yaml::{Node, Value, YamlError};

/// The problems of one file, in the order they were met.
#[derive(Debug)]
pub struct Report {
    pub file: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new(file: impl AsRef<Path>) -> Self {
        Report {
            file: file.as_ref().to_path_buf(),
            diagnostics: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(&self.file, pos, message));
    }

    pub fn error_hint(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(&self.file, pos, message).with_hint(hint));
    }

    pub fn warning_hint(&mut self, pos: Pos, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(&self.file, pos, message).with_hint(hint));
    }

    /// A file that is no YAML we can read.
    pub fn yaml(&mut self, e: YamlError) {
        let d = Diagnostic::error(&self.file, e.pos, e.message);
        self.diagnostics.push(match e.hint {
            Some(hint) => d.with_hint(hint),
            None => d,
        });
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// The entries of a map whose keys were checked against the known ones.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a map of `what` (for messages: "an SOP", "a step")
    /// with the keys `known`, reporting unknown and duplicate keys. None, with
    /// an error, when `node` is no map.
    pub fn read(
        node: &'n Node,
        known: &[&'static str],
        what: &str,
        report: &mut Report,
    ) -> Option<Fields<'n>> {
        let Value::Map(map) = &node.value else {
            // A step written as plain text ("- Menerima surat"): show it as keys.
            let hint = match (known.first(), node.as_str()) {
                (Some(first), Some(text)) => format!(
                    "write it as `key: value` lines, e.g. `- {first}: {}`; the keys of {what} are: {}",
                    text.trim(),
                    known.join(", ")
                ),
                _ => format!("the keys of {what} are: {}", known.join(", ")),
            };
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: {what} should be a map of `key: value`, not {}",
                    node.kind_name()
                ),
                hint,
            );
            return None;
        };
        let mut entries: Vec<(&str, &Node, &Node)> = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                report.error_hint(
                    key.pos,
                    format!("a key of {what} must be a plain word"),
                    format!("the keys of {what} are: {}", known.join(", ")),
                );
                continue;
            };
            if !known.contains(&name) {
                let hint = match did_you_mean(name, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the keys of {what} are: {}", known.join(", ")),
                };
                report.error_hint(key.pos, format!("unknown key `{name}` in {what}"), hint);
                continue;
            }
            if let Some((_, first, _)) = entries.iter().find(|(n, _, _)| *n == name) {
                report.error_hint(
                    key.pos,
                    format!("duplicate key `{name}`"),
                    format!(
                        "`{name}` is already set on line {}; keep one",
                        first.pos.line
                    ),
                );
                continue;
            }
            entries.push((name, key, value));
        }
        Some(Fields {
            pos: node.pos,
            entries,
        })
    }

    /// The value of `key`, None when absent or written empty.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(n, _, v)| *n == key && !v.is_null())
            .map(|(_, _, v)| *v)
    }

    /// Where `key` is written, if it is.
    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(n, _, _)| *n == key)
            .map(|(_, k, _)| k.pos)
    }

    /// The value of a required `key`; an error at the map when it is missing.
    pub fn required(&self, key: &str, what: &str, report: &mut Report) -> Option<&'n Node> {
        let found = self.get(key);
        if found.is_none() {
            let pos = self.key_pos(key).unwrap_or(self.pos);
            report.error_hint(
                pos,
                format!("missing required field `{key}` in {what}"),
                format!("add `{key}: ...`"),
            );
        }
        found
    }
}

/// A scalar as trimmed text; numbers and booleans are text as written.
pub fn text(node: &Node, key: &str, report: &mut Report) -> Option<String> {
    match &node.value {
        Value::Scalar(s) => Some(s.trim().to_string()),
        Value::Null => None,
        Value::Seq(_) => {
            report.error_hint(
                node.pos,
                format!("wrong type: `{key}` should be one text, not a list"),
                format!(
                    "write it on the same line, `{key}: ...`; for several lines write `{key}: |` and the lines below it, indented, without `- `"
                ),
            );
            None
        }
        Value::Map(entries) => {
            let hint = match colon_text(entries) {
                // `nama: SOP Cuti: Pegawai` is a YAML error, but a text on
                // the next line with `: ` in it reads as a map.
                Some(line) => format!(
                    "the `: ` in the text makes YAML read it as `key: value`; put the text in quotes: `{key}: \"{line}\"`"
                ),
                None => format!(
                    "`{key}` takes one text, e.g. `{key}: ...`; the keys below it ({}) belong elsewhere or need less indentation",
                    key_names(entries)
                ),
            };
            report.error_hint(
                node.pos,
                format!("wrong type: `{key}` should be text, not a map"),
                hint,
            );
            None
        }
    }
}

/// A one-entry map of two texts, as YAML reads a text with `: ` in it
/// ("Nomor : 1798"): the text it was meant to be.
fn colon_text(entries: &[(Node, Node)]) -> Option<String> {
    match entries {
        [(k, v)] => {
            let (k, v) = (k.as_str()?, v.as_str()?);
            Some(format!("{}: {}", k.trim_end(), v.trim()))
        }
        _ => None,
    }
}

fn key_names(entries: &[(Node, Node)]) -> String {
    entries
        .iter()
        .map(|(k, _)| format!("`{}`", k.as_str().unwrap_or("?")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Required text that must not be blank.
pub fn required_text(
    fields: &Fields<'_>,
    key: &str,
    what: &str,
    report: &mut Report,
) -> Option<String> {
    let node = fields.required(key, what, report)?;
    let value = text(node, key, report)?;
    if value.is_empty() {
        report.error_hint(
            node.pos,
            format!("`{key}` is empty"),
            format!("write it after the colon: `{key}: ...`"),
        );
        return None;
    }
    Some(value)
}

/// A list of text items; a single text is a list of one (authors write a
/// one-line list that way).
pub fn text_list(node: &Node, key: &str, report: &mut Report) -> Vec<String> {
    text_items(node, key, report)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// [`text_list`] with where each item is written.
pub fn text_items(node: &Node, key: &str, report: &mut Report) -> Vec<(String, Pos)> {
    match &node.value {
        Value::Null => Vec::new(),
        Value::Scalar(s) => non_blank(s).into_iter().map(|s| (s, node.pos)).collect(),
        Value::Seq(items) => items
            .iter()
            .filter_map(|item| match &item.value {
                Value::Scalar(s) => {
                    Some((s.trim().to_string(), item.pos)).filter(|(s, _)| !s.is_empty())
                }
                Value::Null => None,
                Value::Map(entries) => {
                    // "- SK ... Nomor : 1798": a line with `: ` in it. Its
                    // meaning is plain, so it is kept as the text it was
                    // meant to be, with a warning to quote it.
                    if let Some(line) = colon_text(entries) {
                        report.warning_hint(
                            item.pos,
                            format!(
                                "an item of `{key}` with `: ` in it was read by YAML as `key: value`; it is kept as the text `{line}`"
                            ),
                            format!("put the line in quotes: `- \"{line}\"`"),
                        );
                        return Some((line, item.pos));
                    }
                    report.error_hint(
                        item.pos,
                        format!("wrong type: an item of `{key}` should be text, not a map"),
                        format!(
                            "write each item as text on its own line starting with `- `; the keys {} do not belong in `{key}` (a text with `: ` in it needs quotes)",
                            key_names(entries)
                        ),
                    );
                    None
                }
                Value::Seq(_) => {
                    report.error_hint(
                        item.pos,
                        format!("wrong type: an item of `{key}` should be text, not a list"),
                        "write one `- ` per item: `- - text` makes a list inside the list",
                    );
                    None
                }
            })
            .collect(),
        Value::Map(entries) => {
            let hint = match colon_text(entries) {
                Some(line) => format!(
                    "the `: ` in the text makes YAML read it as `key: value`; put it in quotes: `{key}: \"{line}\"`, or one item per line starting with `- `"
                ),
                None => format!(
                    "write each item on its own line starting with `- `, e.g.\n  {key}:\n    - first item\n    - second item"
                ),
            };
            report.error_hint(
                node.pos,
                format!("wrong type: `{key}` should be a list, not a map"),
                hint,
            );
            Vec::new()
        }
    }
}

fn non_blank(s: &str) -> Vec<String> {
    let s = s.trim();
    if s.is_empty() {
        Vec::new()
    } else {
        vec![s.to_string()]
    }
}

/// `true` or `false` (also yes/no, as YAML 1.1 authors write them).
pub fn boolean(node: &Node, key: &str, report: &mut Report) -> Option<bool> {
    let value = match node.as_str().map(|s| s.trim().to_ascii_lowercase()) {
        Some(s) if matches!(s.as_str(), "true" | "yes" | "ya") => Some(true),
        Some(s) if matches!(s.as_str(), "false" | "no" | "tidak") => Some(false),
        _ => None,
    };
    if value.is_none() {
        report.error_hint(
            node.pos,
            format!("wrong type: `{key}` should be true or false"),
            format!("write `{key}: true` or `{key}: false`"),
        );
    }
    value
}

/// An integer.
pub fn integer(node: &Node, key: &str, report: &mut Report) -> Option<i64> {
    let value = node.as_str().and_then(|s| s.trim().parse::<i64>().ok());
    if value.is_none() {
        report.error_hint(
            node.pos,
            format!("wrong type: `{key}` should be a whole number"),
            format!("write digits only, e.g. `{key}: 2`"),
        );
    }
    value
}

/// A map of text to text (abbreviations, roles).
pub fn text_map(node: &Node, key: &str, report: &mut Report) -> Vec<(String, String, Pos)> {
    let Value::Map(entries) = &node.value else {
        if !node.is_null() {
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: `{key}` should be a map, not {}",
                    node.kind_name()
                ),
                "write one `short: long` pair per line",
            );
        }
        return Vec::new();
    };
    let mut out: Vec<(String, String, Pos)> = Vec::new();
    for (k, v) in entries {
        let (Some(k_text), Some(v_text)) = (k.as_str(), v.as_str()) else {
            report.error_hint(
                k.pos,
                format!("wrong type: each entry of `{key}` should be `text: text`"),
                "one pair per line, both sides plain text, e.g. `Kasubbag Umum: Kepala Sub Bagian Umum`",
            );
            continue;
        };
        if out.iter().any(|(seen, _, _)| seen == k_text) {
            report.error_hint(
                k.pos,
                format!("duplicate key `{k_text}` in `{key}`"),
                "keep one of the two lines",
            );
            continue;
        }
        out.push((k_text.trim().to_string(), v_text.trim().to_string(), k.pos));
    }
    out
}
