//! The search page, /cari/: its template, its script and its words.
//!
//! The render module owns the theme; this module hands it what the search page
//! needs: the default template and script (embedded, so a handbook without a
//! themes/ folder has search too) and the context of the page.

use std::collections::BTreeMap;

use crate::config::Language;
use crate::model::Handbook;

/// The template of the page (extends base.html).
pub const TEMPLATE_NAME: &str = "cari.html";
/// The default theme's template text.
pub const TEMPLATE: &str = include_str!("../../themes/default/templates/cari.html");
/// The script of the page, under the output root.
pub const SCRIPT_PATH: &str = "search.js";
/// The default theme's script.
pub const SCRIPT: &[u8] = include_bytes!("../../themes/default/static/search.js");
/// Where the page lands under the output folder.
pub const OUTPUT_PATH: &str = "cari/index.html";

/// `(key, Indonesian, English)`: the words of the search page, read by the
/// template as `s.key`. `{n}` and `{q}` are filled in by the script.
const STRINGS: &crate::render::i18n::Table = &[
    ("title", "Cari SOP", "Search SOPs"),
    (
        "hint",
        "Ketik nama SOP, singkatan (Kasubag, SP2D), pelaksana atau dasar hukum (UU 17/2003).",
        "Type an SOP name, an abbreviation (Kasubag, SP2D), a role or a legal basis (UU 17/2003).",
    ),
    (
        "loading",
        "Memuat indeks pencarian…",
        "Loading the search index…",
    ),
    (
        "count",
        "{n} SOP ditemukan untuk “{q}”",
        "{n} SOPs found for “{q}”",
    ),
    (
        "count_one",
        "1 SOP ditemukan untuk “{q}”",
        "1 SOP found for “{q}”",
    ),
    (
        "none",
        "Tidak ada SOP yang cocok dengan “{q}”. Coba kata lain atau singkatannya.",
        "No SOP matches “{q}”. Try other words or an abbreviation.",
    ),
    ("more", "Tampilkan lebih banyak", "Show more"),
    (
        "error",
        "Pencarian tidak dapat dimuat. Muat ulang halaman ini.",
        "Search could not be loaded. Reload this page.",
    ),
    ("all", "Semua", "All"),
    ("filter_unit", "Unit kerja", "Unit"),
    ("filter_pelaksana", "Pelaksana", "Role"),
    (
        "needs_js",
        "Pencarian memerlukan JavaScript. Telusuri SOP melalui daftar unit kerja di beranda.",
        "Search needs JavaScript. Browse the SOPs by unit from the home page.",
    ),
];

/// The words of the search page in `language`, for `s` in the template.
pub fn strings(language: Language) -> BTreeMap<&'static str, &'static str> {
    crate::render::i18n::strings_of(STRINGS, language)
}

/// One choice of a filter menu: a value of a Pagefind filter and how many
/// SOPs have it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FilterOption {
    pub value: String,
    pub count: usize,
}

/// The context of the search page, beside the site globals (site, t, nav).
///
/// The filter menus are written into the page from the model rather than
/// asked of Pagefind when the page opens: that would fetch every filter
/// file (100 KB on a handbook of 10,000 SOPs) before the first query.
pub fn context(handbook: &Handbook) -> tera::Context {
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for sop in &handbook.sops {
        if let Some(unit) = super::unit_name(sop, handbook) {
            *units.entry(unit).or_default() += 1;
        }
        let lanes: std::collections::BTreeSet<&str> =
            sop.lanes.iter().map(|l| l.nama.as_str()).collect();
        for lane in lanes {
            *roles.entry(lane).or_default() += 1;
        }
    }
    let options = |counts: BTreeMap<&str, usize>| -> Vec<FilterOption> {
        counts
            .into_iter()
            .map(|(value, count)| FilterOption {
                value: value.to_string(),
                count,
            })
            .collect()
    };
    let mut ctx = tera::Context::new();
    ctx.insert("s", &strings(handbook.config.language));
    ctx.insert("breadcrumbs", &Vec::<()>::new());
    ctx.insert("unit_options", &options(units));
    ctx.insert("role_options", &options(roles));
    ctx.insert(
        "abbreviations",
        &abbreviations_json(&handbook.config.abbreviations),
    );
    ctx
}

/// The groups of abbreviations the index knows, as JSON for a `<script>`
/// element: the search page marks "Kepala Sub Bagian" in an excerpt when
/// the reader typed "kasubag". `<` is escaped so no form can end the
/// element.
fn abbreviations_json(extra: &BTreeMap<String, String>) -> String {
    let abbreviations = super::Abbreviations::new(extra);
    serde_json::to_string(&abbreviations.groups())
        .expect("strings are JSON")
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_abbreviations_cannot_end_their_script_element() {
        let extra = BTreeMap::from([("XSS".to_string(), "</script><b>".to_string())]);
        let json = abbreviations_json(&extra);
        assert!(!json.contains('<'), "{json}");
        let groups: Vec<Vec<String>> = serde_json::from_str(&json).expect("JSON");
        assert!(groups.contains(&vec!["XSS".to_string(), "</script><b>".to_string()]));
        assert!(
            groups
                .iter()
                .any(|g| g.contains(&"Kepala Sub Bagian".to_string()))
        );
    }

    #[test]
    fn both_languages_have_every_string() {
        for (key, id, en) in STRINGS {
            assert!(!id.is_empty() && !en.is_empty(), "{key}");
        }
        assert_eq!(strings(Language::En)["all"], "All");
        assert_eq!(strings(Language::Id)["all"], "Semua");
    }
}
