//! A small YAML tree that remembers where every value was written.
//!
//! The files are read into this tree first and turned into the model by
//! hand (see `fields`), so one file reports every problem it has instead of
//! the first one a deserializer would stop at. Building the tree is bounded:
//! aliases are expanded against a node budget (an alias bomb is an error,
//! not a hang), and nesting is limited.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Marker, Options, Parser, ScalarStyle};

use crate::diagnostic::Pos;

use super::clean::clean_text;

/// At most this many values in one file, aliases expanded. A long SOP has a
/// few thousand; the budget leaves ample room and stops "billion laughs".
pub const MAX_NODES: usize = 200_000;

/// At most this many bytes of text copied by aliases into one file. Counting
/// values alone let a few aliases to one long text expand a small file into
/// gigabytes (600 KB aliased 1,500 times); an SOP that shares a text between
/// its steps stays far below.
pub const MAX_ALIAS_BYTES: usize = 1 << 20;

/// At most this many nested lists and maps. An SOP needs four.
pub const MAX_DEPTH: usize = 64;

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing written (`key:`), `~` or `null`.
    Null,
    /// Any scalar, kept as text exactly as the author wrote it: `nomor: 070`
    /// stays "070", never the number 70.
    Scalar(String),
    Seq(Vec<Node>),
    /// Entries in the order written; duplicates are kept for the reader to report.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// How the value is described in a "wrong type" message.
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "empty",
            Value::Scalar(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
        }
    }

    /// How many values, and how many bytes of text, the node holds.
    fn size(&self) -> (usize, usize) {
        let add = |(n, b): (usize, usize), (m, c): (usize, usize)| (n + m, b + c);
        match &self.value {
            Value::Null => (1, 0),
            Value::Scalar(text) => (1, text.len()),
            Value::Seq(items) => items.iter().map(Node::size).fold((1, 0), add),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| add(k.size(), v.size()))
                .fold((1, 0), add),
        }
    }
}

/// Why a text is no YAML we can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
}

/// Reads one YAML document. `line_offset` is added to every line (the front
/// matter of an .md file starts on its line 2). An empty document is `Null`.
pub fn parse(text: &str, line_offset: usize) -> Result<Node, YamlError> {
    let shielded = shield(text);
    let text = shielded.as_ref();
    let mut options = Options::default();
    options.set_emit_comments(false);
    options.block_nesting_limit = MAX_DEPTH;
    options.flow_nesting_limit = MAX_DEPTH;
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        alias_bytes: 0,
        shielded: matches!(shielded, Cow::Owned(_)),
        roots: Vec::new(),
    };
    for item in Parser::new_from_str_with_options(text, options) {
        match item {
            Ok((event, span)) => builder.event(event, pos(&span.start, line_offset))?,
            Err(e) => {
                let info = e.info();
                let message = if info.is_empty() {
                    "YAML syntax error".to_string()
                } else {
                    format!("YAML syntax error: {info}")
                };
                return Err(YamlError {
                    pos: pos(e.marker(), line_offset),
                    message,
                    hint: Some(syntax_hint(&info).into()),
                });
            }
        }
    }
    let mut roots = builder.roots.into_iter();
    let first = roots.next().unwrap_or(Node {
        value: Value::Null,
        pos: Pos::new(1 + line_offset, 1),
    });
    if let Some(extra) = roots.find(|n| !n.is_null()) {
        return Err(YamlError {
            pos: extra.pos,
            message: "a second YAML document in the same file".into(),
            hint: Some("a file holds one SOP: remove the `---` line above, or move the rest into its own file".into()),
        });
    }
    Ok(first)
}

/// First of the private-use characters that stand in for raw control
/// characters while the YAML is parsed.
const SHIELD: u32 = 0xE000;

/// `text` with each raw control character but tab and line breaks (a
/// vertical tab pasted from Word, an ESC) replaced by a private-use
/// character, one for one so positions stay. YAML refuses raw control
/// characters as a syntax error; this way they reach the scalar, where
/// [`unshield`] and `clean_text` make them line breaks or drop them.
fn shield(text: &str) -> Cow<'_, str> {
    let raw = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.chars().any(raw) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match char::from_u32(SHIELD + c as u32) {
                Some(stand_in) if raw(c) => stand_in,
                _ => c,
            })
            .collect(),
    )
}

/// The control characters [`shield`] stood in for, back in place.
fn unshield(text: &str) -> String {
    text.chars()
        .map(|c| match (c as u32).checked_sub(SHIELD) {
            Some(code) if code < 0x100 => char::from_u32(code).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// "640 KB", "12 bytes".
fn shown_bytes(bytes: usize) -> String {
    if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

fn syntax_hint(info: &str) -> &'static str {
    if info.contains("tab") {
        "indent with spaces, not tabs"
    } else if info.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted (\"...\")"
    } else {
        "check the indentation, and quote (\"...\") a value that contains `: ` or starts with a special character"
    }
}

fn pos(marker: &Marker, line_offset: usize) -> Pos {
    Pos::new(marker.line() + line_offset, marker.col() + 1)
}

enum Frame {
    Seq {
        items: Vec<Node>,
        pos: Pos,
        anchor: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        pos: Pos,
        anchor: usize,
    },
}

struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    nodes: usize,
    /// Bytes of text copied by aliases so far.
    alias_bytes: usize,
    /// The text had raw control characters, stood in for by [`shield`].
    shielded: bool,
    roots: Vec<Node>,
}

impl Builder {
    fn count(&mut self, n: usize, at: Pos) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(YamlError {
                pos: at,
                message: format!(
                    "too many values: with its aliases expanded this file has more than {MAX_NODES}"
                ),
                hint: Some(
                    "an SOP never needs this many; look for aliases (*name) that repeat each other"
                        .into(),
                ),
            });
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, at: Pos) -> Result<(), YamlError> {
        match event {
            Event::Scalar(text, style, anchor, _tag) => {
                self.count(1, at)?;
                let null = style == ScalarStyle::Plain
                    && matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL");
                let value = if null {
                    Value::Null
                } else {
                    // Control characters never reach the model (see `clean`).
                    let text = if self.shielded {
                        Cow::Owned(unshield(&text))
                    } else {
                        text
                    };
                    Value::Scalar(match clean_text(&text) {
                        Cow::Borrowed(_) => text.into_owned(),
                        Cow::Owned(cleaned) => cleaned,
                    })
                };
                self.complete(Node { value, pos: at }, anchor)
            }
            Event::SequenceStart(_, anchor, _) => {
                self.count(1, at)?;
                self.open(Frame::Seq {
                    items: Vec::new(),
                    pos: at,
                    anchor,
                })
            }
            Event::MappingStart(_, anchor, _) => {
                self.count(1, at)?;
                self.open(Frame::Map {
                    entries: Vec::new(),
                    key: None,
                    pos: at,
                    anchor,
                })
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq { items, pos, anchor }) => self.complete(
                    Node {
                        value: Value::Seq(items),
                        pos,
                    },
                    anchor,
                ),
                Some(Frame::Map {
                    entries,
                    pos,
                    anchor,
                    ..
                }) => self.complete(
                    Node {
                        value: Value::Map(entries),
                        pos,
                    },
                    anchor,
                ),
                None => Ok(()),
            },
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(YamlError {
                        pos: at,
                        message: "alias to an unknown anchor".into(),
                        hint: None,
                    });
                };
                // Count before cloning so an expansion over budget is never built.
                let (nodes, bytes) = target.size();
                self.count(nodes, at)?;
                self.alias_bytes = self.alias_bytes.saturating_add(bytes);
                if self.alias_bytes > MAX_ALIAS_BYTES {
                    return Err(YamlError {
                        pos: at,
                        message: format!(
                            "aliases copy too much text: with this one expanded, aliases in this file repeat more than {} MiB of text (this alias alone {})",
                            MAX_ALIAS_BYTES >> 20,
                            shown_bytes(bytes)
                        ),
                        hint: Some(
                            "write a long text once: an alias (*name) copies the whole anchored value every time it is used; shorten the anchored value or write each step's own text"
                                .into(),
                        ),
                    });
                }
                let Some(target) = self.anchors.get(&id) else {
                    return Ok(());
                };
                let mut copy = target.clone();
                copy.pos = at;
                self.complete(copy, 0)
            }
            Event::UnresolvedAlias(name) => Err(YamlError {
                pos: at,
                message: format!("alias `*{name}` to an anchor that is not defined"),
                hint: Some("define `&name` on a value before using `*name`".into()),
            }),
            _ => Ok(()),
        }
    }

    fn open(&mut self, frame: Frame) -> Result<(), YamlError> {
        let at = match &frame {
            Frame::Seq { pos, .. } | Frame::Map { pos, .. } => *pos,
        };
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                pos: at,
                message: format!("values nested more than {MAX_DEPTH} levels deep"),
                hint: Some("an SOP needs only a few levels: check the indentation".into()),
            });
        }
        self.stack.push(frame);
        Ok(())
    }

    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.roots.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_keys(node: &Node) -> Vec<&str> {
        match &node.value {
            Value::Map(e) => e.iter().filter_map(|(k, _)| k.as_str()).collect(),
            _ => vec![],
        }
    }

    #[test]
    fn keeps_scalars_as_written_and_positions() {
        let n = parse("nomor: 070\nnama: RKT\nlangkah:\n  - kegiatan: a\n", 0).unwrap();
        assert_eq!(map_keys(&n), ["nomor", "nama", "langkah"]);
        let Value::Map(entries) = &n.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].1.as_str(), Some("070"));
        assert_eq!(entries[1].0.pos, Pos::new(2, 1));
        assert_eq!(entries[2].1.pos.line, 4);
    }

    #[test]
    fn line_offset_moves_positions() {
        let n = parse("a: 1\n", 1).unwrap();
        assert_eq!(n.pos.line, 2);
        let e = parse("a: [1\n", 1).unwrap_err();
        assert!(e.pos.line >= 2, "{e:?}");
    }

    #[test]
    fn empty_text_is_null() {
        assert!(parse("", 0).unwrap().is_null());
        assert!(parse("# only a comment\n", 0).unwrap().is_null());
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("a: 1\nb: [2\nc: 3\n", 0).unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{}", e.message);
        assert!(e.pos.line >= 2);
    }

    #[test]
    fn aliases_expand_within_budget() {
        let n = parse("a: &x [1, 2]\nb: *x\n", 0).unwrap();
        let Value::Map(e) = &n.value else { panic!() };
        assert_eq!(e[0].1.value, e[1].1.value);
        assert_eq!(e[1].1.pos, Pos::new(2, 4));
    }

    #[test]
    fn alias_bomb_is_an_error() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            let items = [prev.as_str(); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{items}]\n"));
        }
        let e = parse(&text, 0).unwrap_err();
        assert!(e.message.contains("too many values"), "{}", e.message);
    }

    #[test]
    fn aliases_are_bounded_by_the_text_they_copy() {
        // Few values, but each alias copies 600 KB: 1,500 of them would be 900 MB.
        let mut text = format!("a: &big \"{}\"\nb:\n", "x".repeat(600_000));
        for _ in 0..1_500 {
            text.push_str("  - *big\n");
        }
        let e = parse(&text, 0).unwrap_err();
        assert!(
            e.message.contains("aliases copy too much text"),
            "{}",
            e.message
        );
        assert!(e.message.contains("585 KB"), "{}", e.message);
        // The second alias is the one that crosses 1 MiB.
        assert_eq!(e.pos, Pos::new(4, 5));
        assert!(e.hint.unwrap().contains("an alias (*name) copies"));
        // Sharing a short text between steps is fine.
        let mut shared = String::from("k: &k \"Memeriksa berkas\"\nl:\n");
        for _ in 0..300 {
            shared.push_str("  - kegiatan: *k\n");
        }
        assert!(parse(&shared, 0).is_ok());
    }

    #[test]
    fn control_characters_leave_the_text() {
        // Escaped in quotes, and raw as pasted from Word (a plain scalar).
        let n = parse("a: \"Terima\\vberkas\\e[2J\"\nb: x\x0by \x1b[31mz\x00\n", 0).unwrap();
        let Value::Map(e) = &n.value else { panic!() };
        assert_eq!(e[0].1.as_str(), Some("Terima\nberkas[2J"));
        assert_eq!(e[1].1.as_str(), Some("x\ny [31mz"));
        assert_eq!(e[1].0.pos, Pos::new(2, 1));
        // Positions after a raw control character are where they were.
        let e = parse("a: \x1b\x1bx: [1, x\n", 0).unwrap_err();
        assert_eq!(e.pos, Pos::new(1, 7), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000);
        assert!(parse(&text, 0).is_err());
        let mut block = String::new();
        for i in 0..500 {
            block.push_str(&" ".repeat(i));
            block.push_str("- \n");
        }
        let _ = parse(&block, 0);
    }

    #[test]
    fn second_document_is_an_error() {
        let e = parse("a: 1\n---\nb: 2\n", 0).unwrap_err();
        assert_eq!(e.pos.line, 3);
        assert!(parse("---\na: 1\n", 0).is_ok());
    }
}
