//! content/dasar-hukum.yaml: full titles and links of regulations.

use crate::model::{RegisterEntry, url};

use super::fields::{self, Fields, Report};
use super::yaml::{Node, Value};

const ENTRY_KEYS: &[&str] = &["id", "judul", "url"];

/// Reads the register: a list of {id, judul, url}.
pub fn read(node: &Node, report: &mut Report) -> Vec<RegisterEntry> {
    let items = match &node.value {
        Value::Seq(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            report.error_hint(
                node.pos,
                format!(
                    "wrong type: dasar-hukum.yaml should be a list, not {}",
                    node.kind_name()
                ),
                "write each regulation as `- id: uu-no-17-tahun-2003` with `judul:` and `url:` below it",
            );
            return Vec::new();
        }
    };
    let what = "a regulation of dasar-hukum.yaml";
    let mut out: Vec<(RegisterEntry, usize)> = Vec::new();
    for item in items {
        let Some(f) = Fields::read(item, ENTRY_KEYS, what, report) else {
            continue;
        };
        let Some(id) = fields::required_text(&f, "id", what, report) else {
            continue;
        };
        let text = |key: &str, report: &mut Report| {
            f.get(key)
                .and_then(|n| fields::text(n, key, report))
                .filter(|s| !s.is_empty())
        };
        let judul = text("judul", report);
        let url = text("url", report).filter(|written| {
            let linkable = url::author_link(written).is_some();
            if !linkable && let Some(node) = f.get("url") {
                report.warning_hint(
                    node.pos,
                    "this url is no web link (it could run a script in a reader's browser): the regulation is shown without a link",
                    "write an address starting with https:// or http://, e.g. https://peraturan.go.id/...",
                );
            }
            linkable
        });
        if let Some((_, line)) = out.iter().find(|(e, _)| e.id == id) {
            report.error_hint(
                f.pos,
                format!("regulation `{id}` is listed twice"),
                format!("it is already on line {line}"),
            );
            continue;
        }
        out.push((RegisterEntry { id, judul, url }, f.pos.line));
    }
    out.into_iter().map(|(e, _)| e).collect()
}
