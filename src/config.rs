//! handbook.yaml: the site settings. Every key has a default, so the file is optional.

use std::collections::BTreeMap;

use serde::Serialize;

pub mod period;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Id,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
}

/// Paper of the printed form (landscape).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Paper {
    #[default]
    A4,
    F4,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrintSettings {
    pub paper: Paper,
    pub steps_per_page: usize,
    /// A QR code to the SOP's page on the identity page (only when base_url
    /// is absolute: a path alone leads nowhere from paper).
    pub qr: bool,
}

impl Default for PrintSettings {
    fn default() -> Self {
        PrintSettings {
            paper: Paper::A4,
            steps_per_page: 8,
            qr: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    pub title: String,
    /// Always ends with '/': "/" or "/sop/" or "https://example.go.id/sop/".
    pub base_url: String,
    pub language: Language,
    pub organisation: Option<String>,
    /// Path under static/.
    pub logo: Option<String>,
    pub theme: String,
    pub output_dir: String,
    pub abbreviations: BTreeMap<String, String>,
    /// Words left out of search queries, beside the built-in question and
    /// filler words (`search::stopwords`).
    pub stopwords: Vec<String>,
    pub allow_html: bool,
    /// Other spelling → role nama.
    pub roles: BTreeMap<String, String>,
    /// A role is one per satuan kerja (/pelaksana/SATKER/ROLE/): "Kepala" of
    /// two agencies stays two roles.
    pub roles_per_agency: bool,
    pub print: PrintSettings,
    /// review_after: an SOP whose newest date is older than this on the
    /// day of the build is due for review (the kelengkapan page).
    pub review_after: Option<period::Period>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Buku Pedoman SOP".into(),
            base_url: "/".into(),
            language: Language::Id,
            organisation: None,
            logo: None,
            theme: "default".into(),
            output_dir: "public".into(),
            abbreviations: BTreeMap::new(),
            stopwords: Vec::new(),
            allow_html: false,
            roles: BTreeMap::new(),
            roles_per_agency: false,
            print: PrintSettings::default(),
            review_after: None,
        }
    }
}

impl Config {
    /// The keys handbook.yaml may have, for did-you-mean on unknown keys.
    pub const KEYS: &'static [&'static str] = &[
        "title",
        "base_url",
        "language",
        "organisation",
        "logo",
        "theme",
        "output_dir",
        "abbreviations",
        "stopwords",
        "allow_html",
        "roles",
        "roles_per_agency",
        "print",
        "review_after",
    ];

    /// Normalises a base_url so it always ends in exactly one '/'.
    pub fn normalise_base_url(url: &str) -> String {
        let trimmed = url.trim().trim_end_matches('/');
        format!("{trimmed}/")
    }

    /// The site-absolute URL of an output path ("a/b/name/" → "/sop/a/b/name/").
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_always_ends_in_one_slash() {
        assert_eq!(Config::normalise_base_url("/sop"), "/sop/");
        assert_eq!(
            Config::normalise_base_url("https://x.go.id/sop//"),
            "https://x.go.id/sop/"
        );
        assert_eq!(Config::normalise_base_url(""), "/");
        let c = Config {
            base_url: "/sop/".into(),
            ..Config::default()
        };
        assert_eq!(c.url("/umum/rkt/"), "/sop/umum/rkt/");
    }
}
