//! Reading the theme: the templates and built-in static files, in three layers.
//!
//! 1. the default theme built into the binary, so a handbook without a
//!    themes/ folder (from `lajur init`, a test fixture) still builds;
//! 2. `<root>/themes/<theme>/templates/`, replacing templates of the same
//!    name;
//! 3. the handbook's own `<root>/templates/NAME`, which wins over the
//!    theme (as in Zola).
//!
//! Static files on disk (`themes/<theme>/static/`, `static/`) are loaded as
//! `Handbook::assets`; here only the built-in files, which they replace
//! when they have the same path. The texts are read here, with the rest of
//! the handbook; `render` parses them (a syntax error is a render error, at
//! the template's file and line).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Pos};

/// The default theme's templates, embedded: (name, text).
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "unit.html",
        include_str!("../../themes/default/templates/unit.html"),
    ),
    (
        "sop.html",
        include_str!("../../themes/default/templates/sop.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "dasar-hukum.html",
        include_str!("../../themes/default/templates/dasar-hukum.html"),
    ),
    (
        "regulasi.html",
        include_str!("../../themes/default/templates/regulasi.html"),
    ),
    (
        "pelaksana.html",
        include_str!("../../themes/default/templates/pelaksana.html"),
    ),
    (
        "peran.html",
        include_str!("../../themes/default/templates/peran.html"),
    ),
    (
        "partials/sop_list.html",
        include_str!("../../themes/default/templates/partials/sop_list.html"),
    ),
    (
        "cari.html",
        include_str!("../../themes/default/templates/cari.html"),
    ),
    (
        "kelengkapan.html",
        include_str!("../../themes/default/templates/kelengkapan.html"),
    ),
];

/// The default theme's static files, embedded: (path, bytes).
const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    // The tab's icon when the handbook has no logo: without one every
    // browser asks for /favicon.ico and logs the 404 as a console error.
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    // The search page's script (see `render::search_page`).
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    // Sorting and the unit filter of the kelengkapan page.
    (
        "kelengkapan.js",
        include_bytes!("../../themes/default/static/kelengkapan.js"),
    ),
    // Loaded by search.js only when a query finds nothing as typed.
    (
        "search-forgiving.js",
        include_bytes!("../../themes/default/static/search-forgiving.js"),
    ),
];

/// The theme as read: every template's text and the built-in static files.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name → the template.
    pub templates: BTreeMap<String, Template>,
    /// The built-in static files: output path → bytes.
    pub static_files: BTreeMap<String, &'static [u8]>,
}

/// One template and where it came from.
#[derive(Debug, Clone)]
pub struct Template {
    /// The file shown in diagnostics, relative to the root (a built-in one
    /// is marked so).
    pub file: PathBuf,
    pub text: String,
}

/// Reads the theme of `config` under `root`: the built-in templates, then
/// the theme's, then the handbook's own. Whether the theme's folder exists
/// is a setting, checked with handbook.yaml; what is skipped (editor
/// leftovers, links out of the handbook) is in the warnings returned.
pub fn load(root: &Path, config: &Config) -> (Theme, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let mut templates: BTreeMap<String, Template> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let file = Path::new("themes/default/templates").join(name);
            let template = Template {
                file: builtin(&file),
                text: text.to_string(),
            };
            (name.to_string(), template)
        })
        .collect();
    let theme_dir = Path::new("themes").join(&config.theme);
    for dir in [theme_dir.join("templates"), PathBuf::from("templates")] {
        let (files, skipped) = super::guarded_files(root, &dir);
        diagnostics.extend(skipped);
        for (name, rel) in files {
            match std::fs::read_to_string(root.join(&rel)) {
                Ok(text) => {
                    templates.insert(name, Template { file: rel, text });
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    &rel,
                    Pos::default(),
                    format!("cannot read the template: {e}"),
                )),
            }
        }
    }
    let static_files = DEFAULT_STATIC
        .iter()
        .map(|(path, bytes)| (path.to_string(), *bytes))
        .collect();
    let theme = Theme {
        templates,
        static_files,
    };
    (theme, diagnostics)
}

/// The file name shown for a built-in template: the path it has in the
/// default theme's source, marked as built in.
fn builtin(file: &Path) -> PathBuf {
    PathBuf::from(format!("{} (built-in)", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_loads_without_a_themes_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (theme, skipped) = load(dir.path(), &Config::default());
        assert!(skipped.is_empty());
        assert!(theme.templates.contains_key("sop.html"));
        assert!(theme.static_files.contains_key("style.css"));
    }

    #[test]
    fn the_handbook_templates_win_over_the_theme_and_editor_files_are_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("themes/gelap/templates")).expect("mkdir");
        std::fs::create_dir_all(root.join("templates")).expect("mkdir");
        std::fs::write(root.join("themes/gelap/templates/404.html"), "tema").expect("write");
        std::fs::write(root.join("themes/gelap/templates/unit.html"), "unit").expect("write");
        std::fs::write(root.join("templates/404.html"), "pedoman").expect("write");
        std::fs::write(root.join("templates/.404.html.swp"), "{% broken").expect("write");
        let config = Config {
            theme: "gelap".into(),
            ..Config::default()
        };
        let (theme, _) = load(root, &config);
        assert_eq!(theme.templates["404.html"].text, "pedoman");
        assert_eq!(
            theme.templates["404.html"].file,
            Path::new("templates/404.html")
        );
        assert_eq!(theme.templates["unit.html"].text, "unit");
        assert!(!theme.templates.contains_key(".404.html.swp"));
    }
}
