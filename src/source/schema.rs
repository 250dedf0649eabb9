//! The JSON Schema of an SOP file (docs/sop.source.schema.json), written from
//! the tables the loader reads with (source/keys.rs).
//!
//! An editor with a YAML language server (VS Code's YAML extension) uses it
//! to complete keys, show each key's label and meaning on the form, and flag
//! a misspelt key or a value of the wrong shape as the author types. It
//! describes what the loader accepts, no more: what only the loader can tell
//! (a date that is no date, a step number that is no step) stays for
//! `lajur check`.

use serde_json::{Map, Value, json};

use super::keys::{self, Key, Shape};

/// Where the schema is published, its `$id`; `lajur init` and `lajur new`
/// point to the copy in the handbook instead, which works offline.
pub const ID: &str = "https://lajur.dev/schema/sop.source.schema.json";

/// The file name of the schema, in docs/ and in a handbook's root.
pub const FILE_NAME: &str = "sop.source.schema.json";

/// The schema as the text of docs/sop.source.schema.json (with a final line break).
pub fn sop_source_schema() -> String {
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    root.insert("$id".into(), ID.into());
    root.insert("title".into(), "SOP (sumber lajur)".into());
    root.insert(
        "description".into(),
        "Satu SOP dalam buku pedoman lajur: isian formulir SOP AP (PermenPAN-RB 35/2012). Berkas .yaml, atau front matter berkas .md."
            .into(),
    );
    if let Value::Object(map) = record(keys::SOP) {
        root.extend(map);
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).expect("JSON of the schema");
    text.push('\n');
    text
}

/// A map of `keys`: no other key, the required ones required.
fn record(keys: &[Key]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|k| {
            let mut schema = shape(k.shape);
            if let Value::Object(map) = &mut schema {
                map.insert("title".into(), k.label.into());
                map.insert("description".into(), k.about.into());
            }
            (k.name.to_string(), schema)
        })
        .collect();
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut out = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    if !required.is_empty() {
        out["required"] = json!(required);
    }
    // A keterkaitan names an SOP of the handbook (ref) or something outside
    // it (teks), not both.
    if keys.iter().any(|k| k.name == "ref") {
        out["not"] = json!({ "required": ["ref", "teks"] });
    }
    out
}

/// Any YAML scalar: the loader reads numbers and true/false as their text;
/// an empty value is no value.
fn scalar() -> Value {
    json!({ "type": ["string", "number", "boolean", "null"] })
}

fn shape(of: Shape) -> Value {
    match of {
        Shape::Text | Shape::Date => scalar(),
        Shape::TextOrList | Shape::DateOrList => {
            json!({ "anyOf": [scalar(), { "type": "array", "items": scalar() }] })
        }
        Shape::Flag => json!({
            "anyOf": [
                { "type": "boolean" },
                { "type": "string", "pattern": any_case(&["true", "false", "yes", "no", "ya", "tidak"]) }
            ]
        }),
        Shape::Choice(words) => choice(words),
        Shape::ChoiceOrList(words) => {
            json!({ "anyOf": [choice(words), { "type": "array", "items": choice(words) }] })
        }
        Shape::Suggested(words) => json!({ "anyOf": [{ "enum": words }, { "type": "string" }] }),
        Shape::Map(keys) => record(keys),
        Shape::ListOf(items) => {
            let items: Vec<Value> = items.iter().map(|s| shape(*s)).collect();
            json!({ "type": ["array", "null"], "items": { "anyOf": items } })
        }
        Shape::AnyOf(shapes) => {
            json!({ "anyOf": shapes.iter().map(|s| shape(*s)).collect::<Vec<_>>() })
        }
        Shape::Target => json!({
            "anyOf": [
                { "type": ["string", "integer"] },
                record(keys::TARGET),
            ]
        }),
    }
}

/// One of `words`, any case (the loader lowercases them; `bagian dari` and
/// `bagian_dari` are `bagian-dari`): offered as completions by the enum,
/// accepted in any case by the pattern.
fn choice(words: &[&str]) -> Value {
    json!({
        "anyOf": [
            { "enum": words },
            { "type": "string", "pattern": any_case(words) },
        ]
    })
}

/// A pattern matching any of `words` in any case, blanks around allowed.
fn any_case(words: &[&str]) -> String {
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    '-' => "[-_ ]".to_string(),
                    c if c.is_ascii_alphabetic() => {
                        format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                    }
                    c => c.to_string(),
                })
                .collect()
        })
        .collect();
    format!("^\\s*({})\\s*$", alternatives.join("|"))
}
