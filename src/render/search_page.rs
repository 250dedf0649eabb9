//! The search page, /cari/: the name of its template, and the context of
//! the page (its script is `routes::SEARCH_SCRIPT_FILE`). The default template and script are embedded with
//! the rest of the default theme by `source::theme`, so a handbook without a
//! themes/ folder has search too.

use std::collections::BTreeMap;

use crate::model::Handbook;
use crate::routes::{Kind, Routes};

/// The template of the page (extends base.html).
pub const TEMPLATE_NAME: &str = "cari.html";

/// One choice of a filter menu: a value of a Pagefind filter and how many
/// SOPs have it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FilterOption {
    pub value: String,
    pub count: usize,
}

/// A unit the search page offers to browse when a query finds nothing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitLink {
    pub nama: String,
    pub url: String,
}

/// The context of the search page, beside the site globals (site, t, nav).
///
/// The filter menus are written into the page from the model rather than
/// asked of Pagefind when the page opens: that would fetch every filter
/// file (100 KB on a handbook of 10,000 SOPs) before the first query.
/// So are the top units, which the page offers (with the sections of the
/// navigation bar, the role pages among them) when a query finds nothing
/// even with its typos corrected and its words fewer: never a blank page.
pub fn context(handbook: &Handbook, routes: &Routes) -> tera::Context {
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for sop in &handbook.sops {
        if let Some(unit) = crate::search::unit_name(sop, handbook) {
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
    ctx.insert(
        "s",
        crate::i18n::SearchStrings::of(handbook.config.language),
    );
    ctx.insert("breadcrumbs", &Vec::<()>::new());
    ctx.insert("unit_options", &options(units));
    ctx.insert("role_options", &options(roles));
    ctx.insert(
        "abbreviations",
        &abbreviations_json(&handbook.config.abbreviations),
    );
    let stopwords =
        crate::search::Stopwords::new(handbook.config.language, &handbook.config.stopwords);
    ctx.insert("stopwords", &stopwords.to_json());
    ctx.insert("sop_count", &handbook.sops.len());
    ctx.insert("search_index_url", routes.search_index_url());
    let units: Vec<UnitLink> = (0..handbook.units.len())
        .filter(|&i| handbook.units[i].parent.as_deref() == Some(""))
        .map(|i| UnitLink {
            nama: handbook.units[i].nama.clone(),
            url: routes.url(Kind::Unit(i)).to_string(),
        })
        .collect();
    ctx.insert("browse_units", &units);
    ctx
}

/// The groups of abbreviations the index knows, as JSON for a `<script>`
/// element: the search page marks "Kepala Sub Bagian" in an excerpt when
/// the reader typed "kasubag". `<` is escaped so no form can end the
/// element.
fn abbreviations_json(extra: &BTreeMap<String, String>) -> String {
    let abbreviations = crate::search::Abbreviations::new(extra);
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
}
