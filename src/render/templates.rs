//! The theme's templates, parsed: Tera, with lajur's HTML escaping, and
//! every template error as a diagnostic at the template's file and line.
//!
//! The texts are read by `source` (see `source::theme`); they are parsed
//! here once per build.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tera::Tera;

use crate::diagnostic::{Diagnostic, Diagnostics, Pos};
use crate::source::Theme;

/// The parsed templates of the theme and the handbook.
pub struct Templates {
    pub tera: Tera,
    /// Template name → the file it came from, for diagnostics.
    files: BTreeMap<String, PathBuf>,
}

impl Templates {
    /// Parses the templates of `theme`; a syntax error, or a template that
    /// extends one that does not exist, is a diagnostic at its file.
    pub fn parse(theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::default();
        let templates = Templates {
            tera: Tera::default(),
            files: theme
                .templates
                .iter()
                .map(|(name, t)| (name.clone(), t.file.clone()))
                .collect(),
        };
        // sitemap.xml is escaped as XML too (Tera's default list has .xml).
        let batch = theme
            .templates
            .iter()
            .map(|(name, t)| (name.as_str(), t.text.as_str()));
        if let Err(e) = tera.add_raw_templates(batch) {
            return Err(Diagnostics(vec![templates.diagnostic(&e, None)]));
        }
        tera.set_escape_fn(escape_html);
        Ok(Templates { tera, ..templates })
    }

    /// Renders template `name`; an error is a diagnostic naming the template file.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e, Some(name)))
    }

    /// As [`Templates::render`], into a buffer of `capacity` bytes to start
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

    /// The theme of the handbook at `root`, read as `source` reads it, parsed.
    fn parsed(root: &std::path::Path) -> Result<Templates, Diagnostics> {
        let (theme, _) = crate::source::theme::load(root, &crate::config::Config::default());
        Templates::parse(&theme)
    }

    #[test]
    fn handbook_templates_win() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("mkdir");
        std::fs::write(root.join("templates/404.html"), "hilang {{ 1 + 1 }}").expect("write");
        std::fs::write(root.join("templates/.404.html.swp"), "{% broken").expect("write");
        let templates = parsed(root).unwrap_or_else(|d| panic!("{d:?}"));
        let out = templates
            .render("404.html", &tera::Context::new())
            .expect("renders");
        assert_eq!(out, "hilang 2");
        assert!(templates.tera.contains_template("sop.html"));
        assert!(!templates.tera.contains_template(".404.html.swp"));
    }

    #[test]
    fn template_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("mkdir");
        std::fs::write(root.join("templates/404.html"), "ok\n{% if %}\n").expect("write");
        let Err(errors) = parsed(root) else {
            panic!("a broken template must not parse");
        };
        let d = errors.iter().next().expect("one diagnostic");
        assert_eq!(d.file, std::path::Path::new("templates/404.html"));
        assert_eq!(d.line, 2);

        std::fs::write(root.join("templates/404.html"), "{{ nothing.here }}").expect("write");
        let templates = parsed(root).unwrap_or_else(|d| panic!("{d:?}"));
        let d = templates
            .render("404.html", &tera::Context::new())
            .expect_err("undefined variable");
        assert_eq!(d.file, std::path::Path::new("templates/404.html"));
        assert!(d.message.contains("template error"), "{}", d.message);
    }
}
