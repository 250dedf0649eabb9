//! handbook.yaml read into [`Config`], every key checked.

use std::path::Path;

use crate::config::{Config, Language, Paper};
use crate::diagnostic::{Diagnostic, Pos, did_you_mean};
use crate::model::calendar::Period;
use crate::model::url;

use super::fields::{self, Fields, Report};
use super::{files, yaml};

const PRINT_KEYS: &[&str] = &["paper", "steps_per_page", "qr"];

/// Reads handbook.yaml under `root`. A missing file is the default settings.
/// The diagnostics are all errors of the settings (exit status 2).
pub fn read(root: &Path) -> (Config, Vec<Diagnostic>) {
    let rel = Path::new("handbook.yaml");
    let path = root.join(rel);
    if !path.exists() {
        return (Config::default(), Vec::new());
    }
    let text = match files::read_text(&path, rel) {
        Ok(text) => text,
        Err(d) => return (Config::default(), vec![*d]),
    };
    let (config, mut diagnostics) = parse(&text, rel);
    if let Some(d) = missing_theme(root, &config, &text) {
        diagnostics.push(d);
    }
    (config, diagnostics)
}

/// The theme is a folder of themes/ (checked here, with the settings, so
/// `check` and `build` both stop on it with exit status 2).
fn missing_theme(root: &Path, config: &Config, text: &str) -> Option<Diagnostic> {
    let theme = config.theme.as_str();
    if theme == "default" {
        return None;
    }
    let pos = key_position(text, "theme").unwrap_or_default();
    let plain = !theme.contains(['/', '\\']) && theme != ".." && theme != ".";
    if plain && root.join("themes").join(theme).is_dir() {
        return None;
    }
    let message = if plain {
        format!("theme `{theme}` not found: there is no folder themes/{theme}/")
    } else {
        format!("theme `{theme}` is not a folder name under themes/")
    };
    let mut known: Vec<String> = std::fs::read_dir(root.join("themes"))
        .map(|it| {
            it.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    known.sort();
    let hint = match did_you_mean(theme, known.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `{close}`?"),
        None => {
            format!("create themes/{theme}/templates/, or remove `theme` to use the default theme")
        }
    };
    Some(Diagnostic::error("handbook.yaml", pos, message).with_hint(hint))
}

/// Where handbook.yaml under `root` sets output_dir, for a diagnostic
/// about the folder it names; None when it does not.
pub fn output_dir_position(root: &Path) -> Option<Pos> {
    let rel = Path::new("handbook.yaml");
    let text = files::read_text(&root.join(rel), rel).ok()?;
    key_position(&text, "output_dir")
}

/// The line of a top-level `key:` of handbook.yaml's text.
fn key_position(text: &str, key: &str) -> Option<Pos> {
    text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start()
            .starts_with(':')
            .then(|| Pos::new(i + 1, 1))
    })
}

/// Reads the text of handbook.yaml (`file` names it in diagnostics).
pub fn parse(text: &str, file: &Path) -> (Config, Vec<Diagnostic>) {
    let mut report = Report::new(file);
    let mut config = Config::default();
    let node = match yaml::parse(text, 0) {
        Ok(node) => node,
        Err(e) => {
            report.yaml(e);
            return (config, report.diagnostics);
        }
    };
    if node.is_null() {
        return (config, Vec::new());
    }
    if let Some(f) = Fields::read(&node, Config::KEYS, "handbook.yaml", &mut report) {
        apply(&f, &mut config, &mut report);
    }
    config.base_url = Config::normalise_base_url(&config.base_url);
    (config, report.diagnostics)
}

fn apply(f: &Fields<'_>, config: &mut Config, report: &mut Report) {
    let text =
        |key: &str, report: &mut Report| f.get(key).and_then(|n| fields::text(n, key, report));
    if let Some(v) = text("title", report) {
        config.title = v;
    }
    if let Some(node) = f.get("base_url")
        && let Some(v) = fields::text(node, "base_url", report)
    {
        match url::check_base_url(&v) {
            Ok(()) => config.base_url = v,
            Err((message, hint)) => report.error_hint(node.pos, message, hint),
        }
    }
    if let Some(node) = f.get("language") {
        match fields::text(node, "language", report)
            .as_deref()
            .map(str::to_lowercase)
        {
            Some(l) if l == "id" => config.language = Language::Id,
            Some(l) if l == "en" => config.language = Language::En,
            Some(other) => report.error_hint(
                node.pos,
                format!("unknown language `{other}`"),
                "language is `id` (Indonesian) or `en` (English)",
            ),
            None => {}
        }
    }
    config.organisation = text("organisation", report).filter(|s| !s.is_empty());
    config.logo = text("logo", report).filter(|s| !s.is_empty());
    if let Some(v) = text("theme", report).filter(|s| !s.is_empty()) {
        config.theme = v;
    }
    if let Some(v) = text("output_dir", report).filter(|s| !s.is_empty()) {
        config.output_dir = v;
    }
    if let Some(node) = f.get("abbreviations") {
        config.abbreviations = fields::text_map(node, "abbreviations", report)
            .into_iter()
            .map(|(k, v, _)| (k, v))
            .collect();
    }
    if let Some(node) = f.get("stopwords") {
        config.stopwords = fields::text_list(node, "stopwords", report);
    }
    if let Some(node) = f.get("allow_html")
        && let Some(b) = fields::boolean(node, "allow_html", report)
    {
        config.allow_html = b;
    }
    if let Some(node) = f.get("roles") {
        config.roles = fields::text_map(node, "roles", report)
            .into_iter()
            .map(|(k, v, _)| (k, v))
            .collect();
    }
    if let Some(node) = f.get("roles_per_agency")
        && let Some(b) = fields::boolean(node, "roles_per_agency", report)
    {
        config.roles_per_agency = b;
    }
    if let Some(node) = f.get("review_after")
        && let Some(v) = fields::text(node, "review_after", report)
    {
        match Period::parse(&v) {
            Some(period) => config.review_after = Some(period),
            None => report.error_hint(
                node.pos,
                format!("review_after `{v}` is not a length of time"),
                "write a number and a unit: `1 tahun`, `6 bulan`, `2 minggu` or `90 hari`",
            ),
        }
    }
    if let Some(node) = f.get("print")
        && let Some(p) = Fields::read(node, PRINT_KEYS, "print", report)
    {
        if let Some(node) = p.get("paper") {
            match fields::text(node, "paper", report).map(|s| s.to_uppercase()) {
                Some(s) if s == "A4" => config.print.paper = Paper::A4,
                Some(s) if s == "F4" => config.print.paper = Paper::F4,
                Some(other) => {
                    let hint = match did_you_mean(&other, ["A4", "F4"]) {
                        Some(c) => format!("did you mean `{c}`? paper is A4 or F4"),
                        None => "paper is A4 or F4 (printed landscape)".into(),
                    };
                    report.error_hint(node.pos, format!("unknown paper `{other}`"), hint);
                }
                None => {}
            }
        }
        if let Some(node) = p.get("steps_per_page")
            && let Some(n) = fields::integer(node, "steps_per_page", report)
        {
            if (1..=100).contains(&n) {
                config.print.steps_per_page = n as usize;
            } else {
                report.error(
                    node.pos,
                    format!("steps_per_page should be between 1 and 100, not {n}"),
                );
            }
        }
        if let Some(node) = p.get("qr")
            && let Some(b) = fields::boolean(node, "qr", report)
        {
            config.print.qr = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> (Config, Vec<Diagnostic>) {
        parse(text, Path::new("handbook.yaml"))
    }

    #[test]
    fn every_key_is_read() {
        let (c, d) = cfg(
            "title: Pedoman\nbase_url: /sop\nlanguage: EN\norganisation: Pemkot\n\
             logo: logo.png\ntheme: dark\noutput_dir: out\nabbreviations: {RKT: Rencana Kinerja Tahunan}\n\
             stopwords: [gan, terima kasih]\nallow_html: true\nroles: {Kasubbag: Kepala Sub Bagian}\nroles_per_agency: true\nprint: {paper: f4, steps_per_page: 10, qr: false}\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.title, "Pedoman");
        assert_eq!(c.base_url, "/sop/");
        assert_eq!(c.language, Language::En);
        assert_eq!(c.organisation.as_deref(), Some("Pemkot"));
        assert_eq!(c.theme, "dark");
        assert_eq!(c.output_dir, "out");
        assert_eq!(c.abbreviations["RKT"], "Rencana Kinerja Tahunan");
        assert_eq!(c.stopwords, ["gan", "terima kasih"]);
        assert!(c.allow_html);
        assert_eq!(c.roles["Kasubbag"], "Kepala Sub Bagian");
        assert!(c.roles_per_agency);
        assert_eq!(c.print.paper, Paper::F4);
        assert_eq!(c.print.steps_per_page, 10);
        assert!(!c.print.qr);
    }

    #[test]
    fn empty_file_is_the_default() {
        let (c, d) = cfg("# nothing yet\n");
        assert!(d.is_empty());
        assert_eq!(c, Config::default());
    }

    #[test]
    fn wrong_values_are_errors_with_positions() {
        let (_, d) = cfg("titel: X\nlanguage: fr\nprint:\n  paper: A5\n");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (1, 1));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(d[1].line, 2);
        assert_eq!(d[2].line, 4);
    }

    #[test]
    fn review_after_is_a_length_of_time_or_an_error_at_its_line() {
        let (c, d) = cfg("title: X\nreview_after: 6 bulan\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.review_after, Period::parse("6 bulan"));
        for bad in [
            "review_after: setahun",
            "review_after: 1",
            "review_after: 0 tahun",
        ] {
            let (c, d) = cfg(&format!("title: X\n{bad}\n"));
            assert_eq!(c.review_after, None);
            assert_eq!(d.len(), 1, "{bad}: {d:?}");
            assert_eq!(d[0].line, 2);
            assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("1 tahun")));
        }
    }
}
