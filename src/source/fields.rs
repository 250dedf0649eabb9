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
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: {what} should be a map of `key: value`, not {}",
                    node.kind_name()
                ),
                format!("the keys of {what} are: {}", known.join(", ")),
            );
            return None;
        };
        let mut entries: Vec<(&str, &Node, &Node)> = Vec::with_capacity(map.len());
        for (key, value) in map {
            let Some(name) = key.as_str() else {
                report.error(key.pos, format!("a key of {what} must be a plain word"));
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
        _ => {
            report.error(
                node.pos,
                format!(
                    "wrong type: `{key}` should be text, not {}",
                    node.kind_name()
                ),
            );
            None
        }
    }
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
        report.error(node.pos, format!("`{key}` is empty"));
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
                _ => {
                    report.error(
                        item.pos,
                        format!(
                            "wrong type: an item of `{key}` should be text, not {}",
                            item.kind_name()
                        ),
                    );
                    None
                }
            })
            .collect(),
        Value::Map(_) => {
            report.error_hint(
                node.pos,
                format!("wrong type: `{key}` should be a list, not a map"),
                "write each item on its own line starting with `- `",
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
        report.error(
            node.pos,
            format!("wrong type: `{key}` should be a whole number"),
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
            report.error(
                k.pos,
                format!("wrong type: each entry of `{key}` should be `text: text`"),
            );
            continue;
        };
        if out.iter().any(|(seen, _, _)| seen == k_text) {
            report.error(k.pos, format!("duplicate key `{k_text}` in `{key}`"));
            continue;
        }
        out.push((k_text.trim().to_string(), v_text.trim().to_string(), k.pos));
    }
    out
}
