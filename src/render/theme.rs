//! The theme: Tera templates and static files, in three layers.
//!
//! 1. the default theme built into the binary, so a handbook without a
//!    themes/ folder (from `lajur init`, a test fixture) still builds;
//! 2. `<root>/themes/<theme>/templates/` and `static/`, replacing files of
//!    the same name;
//! 3. the handbook's own `<root>/templates/NAME`, which wins over the
//!    theme (as in Zola).
//!
//! Static files on disk (`themes/<theme>/static/`, `static/`) are loaded by
//! `source` as `Handbook::assets`; here only the built-in CSS, which they
//! replace when they have the same path.
//!
//! Templates are parsed once per build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

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
        super::search_page::TEMPLATE_NAME,
        super::search_page::TEMPLATE,
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
    (super::search_page::SCRIPT_PATH, super::search_page::SCRIPT),
];

/// The parsed templates and the static files of the theme and the handbook.
pub struct Theme {
    pub tera: Tera,
    /// Template name → the file it came from, for diagnostics.
    files: BTreeMap<String, PathBuf>,
    /// The built-in static files: output path → bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// Reads and parses the theme of `config` under `root`.
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let theme_dir = Path::new("themes").join(&config.theme);
        if config.theme != "default" && !root.join(&theme_dir).is_dir() {
            diagnostics.push(
                Diagnostic::error(
                    "handbook.yaml",
                    Pos::default(),
                    format!("theme `{}` not found", config.theme),
                )
                .with_hint(format!(
                    "create {}/templates/ or remove `theme` to use the default theme",
                    theme_dir.display()
                )),
            );
            return Err(diagnostics);
        }

        // name → (file shown in diagnostics, text)
        let mut sources: BTreeMap<String, (PathBuf, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| {
                let file = Path::new("themes/default/templates").join(name);
                (name.to_string(), (builtin(&file), text.to_string()))
            })
            .collect();
        for dir in [theme_dir.join("templates"), PathBuf::from("templates")] {
            for (name, rel) in files_under(root, &dir) {
                match std::fs::read_to_string(root.join(&rel)) {
                    Ok(text) => {
                        sources.insert(name, (rel, text));
                    }
                    Err(e) => diagnostics.push(Diagnostic::error(
                        &rel,
                        Pos::default(),
                        format!("cannot read the template: {e}"),
                    )),
                }
            }
        }

        // Static files on disk (the theme's static/, the handbook's static/)
        // reach the output as `Handbook::assets`, loaded by `source`; only
        // the built-in files are bytes here.
        let static_files: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
            .iter()
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
            .collect();
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }

        let mut tera = Tera::default();
        // sitemap.xml is escaped as XML too (Tera's default list has .xml).
        let files: BTreeMap<String, PathBuf> = sources
            .iter()
            .map(|(name, (file, _))| (name.clone(), file.clone()))
            .collect();
        let batch = sources
            .iter()
            .map(|(name, (_, text))| (name.as_str(), text.as_str()));
        let theme = Theme {
            tera: Tera::default(),
            files,
            static_files,
        };
        if let Err(e) = tera.add_raw_templates(batch) {
            diagnostics.push(theme.diagnostic(&e, None));
            return Err(diagnostics);
        }
        tera.set_escape_fn(escape_html);
        Ok(Theme { tera, ..theme })
    }

    /// Renders template `name`; an error is a diagnostic naming the template file.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e, Some(name)))
    }

    /// As [`Theme::render`], into a buffer of `capacity` bytes to start
    /// with: a page whose size is known roughly (the SOP pages, most of the
    /// site) then grows without copying itself over and over, and its bytes
    /// go out as they are, not checked again as a `String`.
    pub fn render_bytes(
        &self,
        name: &str,
        context: &tera::Context,
        capacity: usize,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(capacity);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|e| self.diagnostic(&e, Some(name)))?;
        Ok(out)
    }

    /// A Tera error as a diagnostic at the template file and line it names.
    fn diagnostic(&self, error: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        use tera::ErrorKind;
        let file_of = |name: &str| {
            self.files
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
        };
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let name = if report.filename().is_empty() {
                    rendering.unwrap_or("")
                } else {
                    report.filename()
                };
                let span = report.span();
                Diagnostic::error(
                    file_of(name),
                    Pos::new(span.start_line, span.start_col + 1),
                    format!("template error: {}", report.message()),
                )
            }
            ErrorKind::MissingParent { current, parent } => Diagnostic::error(
                file_of(current),
                Pos::default(),
                format!("template error: extends `{parent}`, which does not exist"),
            ),
            other => Diagnostic::error(
                rendering.map(file_of).unwrap_or_else(|| "templates".into()),
                Pos::default(),
                format!("template error: {other}"),
            ),
        }
    }
}

/// Tera's HTML escaping, byte for byte (`&<>"'`, the apostrophe as `&#39;`),
/// writing the text between special bytes in one piece. Tera's own writes
/// every byte with its own call through `dyn Write`: on a site of ten
/// thousand SOPs that was a tenth of the render time.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escaped)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// The file name shown for a built-in template: the path it has in the
/// default theme's source, marked as built in.
fn builtin(file: &Path) -> PathBuf {
    PathBuf::from(format!("{} (built-in)", file.display()))
}

/// Files under `root/dir`, as (path below dir with '/', path relative to
/// root): editor leftovers, hidden files, links out of the handbook and what
/// is not a file are skipped, as in content/ (source warns about them).
fn files_under(root: &Path, dir: &Path) -> Vec<(String, PathBuf)> {
    crate::source::guarded_files(root, dir).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_matches_tera() {
        for text in [
            "",
            "plain",
            "a & b <c> \"d\" 'e'",
            "&&<<",
            "ends with '",
            "Pengelolaan Arsip — \"Kepala\" & Staf <Umum>",
        ] {
            let mut ours = Vec::new();
            let mut teras = Vec::new();
            escape_html(text, &mut ours).expect("in memory");
            tera::escape_html(text, &mut teras).expect("in memory");
            assert_eq!(ours, teras, "{text}");
        }
    }

    #[test]
    fn built_in_theme_loads_without_a_themes_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let theme = Theme::load(dir.path(), &Config::default());
        let theme = theme.unwrap_or_else(|d| panic!("{}", d.to_text()));
        assert!(theme.tera.contains_template("sop.html"));
        assert!(theme.static_files.contains_key("style.css"));
    }

    #[test]
    fn handbook_templates_win() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("mkdir");
        std::fs::write(root.join("templates/404.html"), "hilang {{ 1 + 1 }}").expect("write");
        std::fs::write(root.join("templates/.404.html.swp"), "{% broken").expect("write");
        let theme = Theme::load(root, &Config::default()).unwrap_or_else(|d| panic!("{d:?}"));
        let out = theme
            .render("404.html", &tera::Context::new())
            .expect("renders");
        assert_eq!(out, "hilang 2");
        assert!(!theme.tera.contains_template(".404.html.swp"));
    }

    #[test]
    fn template_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("mkdir");
        std::fs::write(root.join("templates/404.html"), "ok\n{% if %}\n").expect("write");
        let Err(errors) = Theme::load(root, &Config::default()) else {
            panic!("a broken template must not load");
        };
        let d = errors.iter().next().expect("one diagnostic");
        assert_eq!(d.file, Path::new("templates/404.html"));
        assert_eq!(d.line, 2);

        std::fs::write(root.join("templates/404.html"), "{{ nothing.here }}").expect("write");
        let theme = Theme::load(root, &Config::default()).unwrap_or_else(|d| panic!("{d:?}"));
        let d = theme
            .render("404.html", &tera::Context::new())
            .expect_err("undefined variable");
        assert_eq!(d.file, Path::new("templates/404.html"));
        assert!(d.message.contains("template error"), "{}", d.message);
    }

    #[test]
    fn a_missing_theme_is_an_error_in_the_settings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = Config {
            theme: "tidak-ada".into(),
            ..Config::default()
        };
        let Err(errors) = Theme::load(dir.path(), &config) else {
            panic!("missing theme must fail");
        };
        assert!(errors.iter().any(|d| d.message.contains("tidak-ada")));
    }
}
