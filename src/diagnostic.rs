//! Problems found in a handbook, collected rather than thrown so that one run
//! reports every problem in every file, as a compiler does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A position in a source file: 1-based line and column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub fn new(line: usize, column: usize) -> Self {
        Pos { line, column }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the handbook root (`content/umum/rkt.yaml`).
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What to do about it: a did-you-mean or the expected form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the offending line, filled in by
    /// `source::files::attach_lines` (diagnostics read no file themselves).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl AsRef<Path>, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, pos, message)
    }

    pub fn warning(file: impl AsRef<Path>, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, pos, message)
    }

    fn new(
        severity: Severity,
        file: impl AsRef<Path>,
        pos: Pos,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            file: file.as_ref().to_path_buf(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: error: message`, the source line with a caret, and
    /// the hint. Control characters from the handbook's text are shown
    /// escaped (`\u{1b}`), so a message never moves the terminal's cursor or
    /// changes its colours.
    pub fn to_text(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = escape_controls(&self.file.display().to_string());
        let message = escape_controls(&self.message);
        // A folder (`content/Kelengkapan/`) has no line to point at.
        let mut out = if self.line == 0 && file.ends_with('/') {
            format!("{file}: {severity}: {message}\n")
        } else {
            format!(
                "{file}:{}:{}: {severity}: {message}\n",
                self.line, self.column
            )
        };
        if let Some(src) = &self.source_line {
            let gutter = self.line.to_string();
            let shown: String = src.chars().map(shown_in_source).collect();
            let _ = writeln!(out, "{} | {}", gutter, shown);
            // The caret stands under the column's character as shown, escapes
            // and all.
            let pad: String = src
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| match c {
                    '\t' => "\t".to_string(),
                    c => " ".repeat(shown_in_source(c).chars().count()),
                })
                .collect();
            let _ = writeln!(out, "{} | {}^", " ".repeat(gutter.len()), pad);
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {}", escape_controls(hint));
        }
        out
    }
}

/// A character of an echoed source line as shown: a tab stays (the caret
/// line copies it), other control characters are escaped.
fn shown_in_source(c: char) -> String {
    if c == '\t' {
        "\t".into()
    } else {
        escape_controls(c.encode_utf8(&mut [0; 4]))
    }
}

/// Characters that change what a terminal shows rather than being shown:
/// C0 and C1 controls (ESC starts colour and cursor sequences), DEL, and
/// the bidirectional overrides that reorder the text around them.
fn is_terminal_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character written as an escape (`\u{1b}`, `\n`,
/// `\t`), so that text from a handbook printed to a terminal is only text.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_terminal_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_terminal_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Every problem of one run, in file and line order once [`Diagnostics::sort`] ran.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self.0.dedup();
    }

    /// The text report: every diagnostic, then a count.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.to_text());
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} error(s), {} warning(s)",
            self.errors(),
            self.warnings()
        );
        out
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Words longer than this get no "did you mean": comparing two words takes
/// time in proportion to the product of their lengths, and a name this long
/// mistyped is not found by a likeness score anyway.
const MAX_SUGGESTED_CHARS: usize = 200;

/// Candidates past this many get no "did you mean" at all.
const MAX_CANDIDATES: usize = 256;

/// The closest of `candidates` to `word`, if it is close enough to be a useful "did you mean".
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.len() > 4 * MAX_SUGGESTED_CHARS || word.chars().count() > MAX_SUGGESTED_CHARS {
        return None;
    }
    // A list this long is no set of keys or lanes written by hand, and
    // comparing each of thousands of wrong names with each of thousands of
    // candidates is quadratic.
    let candidates: Vec<&str> = candidates.into_iter().take(MAX_CANDIDATES + 1).collect();
    if candidates.len() > MAX_CANDIDATES {
        return None;
    }
    let w = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| c.len() <= 4 * MAX_SUGGESTED_CHARS && c.chars().count() <= MAX_SUGGESTED_CHARS)
        .map(|c| (strsim::jaro_winkler(&w, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_has_position_source_and_hint() {
        let mut d = Diagnostic::error("content/a.yaml", Pos::new(2, 3), "unknown key `nomer`")
            .with_hint("did you mean `nomor`?");
        d.source_line = Some("  nomer: 1".into());
        let t = d.to_text();
        assert!(t.starts_with("content/a.yaml:2:3: error: unknown key `nomer`\n"));
        assert!(t.contains("2 |   nomer: 1\n"));
        assert!(t.contains("  |   ^\n"));
        assert!(t.contains("hint: did you mean `nomor`?"));
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let mut d = Diagnostic::error(
            "content/a.yaml",
            Pos::new(3, 13),
            "waktu `\u{1b}[2J5 menit` cannot be read",
        )
        .with_hint("write it as `5 menit`\u{7}");
        d.source_line = Some("    waktu: \"\u{1b}[2J5 menit\"\u{202e}".into());
        let t = d.to_text();
        assert!(
            !t.contains('\u{1b}') && !t.contains('\u{7}') && !t.contains('\u{202e}'),
            "{t}"
        );
        assert!(t.contains("waktu `\\u{1b}[2J5 menit`"), "{t}");
        assert!(
            t.contains("3 |     waktu: \"\\u{1b}[2J5 menit\"\\u{202e}\n"),
            "{t}"
        );
        // The caret is under the escape that stands for column 13.
        assert!(t.contains("  |             ^\n"), "{t}");
        assert!(t.contains("hint: write it as `5 menit`\\u{7}"), "{t}");
    }

    #[test]
    fn did_you_mean_finds_close_words_only() {
        assert_eq!(
            did_you_mean("nomer", ["nomor", "nama", "langkah"]),
            Some("nomor")
        );
        assert_eq!(did_you_mean("zzzz", ["nomor", "nama"]), None);
    }

    #[test]
    fn no_suggestion_for_a_very_long_word() {
        let long = "penyusunan ".repeat(1_000);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
        assert_eq!(
            did_you_mean("nomor", [long.as_str(), "nomer"]),
            Some("nomer")
        );
    }
}
