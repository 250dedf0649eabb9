//! Text cleaned of control characters as it is read.
//!
//! Text pasted from office documents carries characters no page should
//! hold: Word writes a line break inside a cell as a vertical tab, and a
//! stray escape or NUL byte makes an SVG that is no XML at all (browsers
//! then show an error instead of the flowchart) or moves a terminal's
//! cursor when a message quotes it. Every value read from YAML and every
//! Markdown body passes through [`clean_text`], so what comes after never
//! sees them.

use std::borrow::Cow;

/// `text` with line-separating controls (vertical tab, form feed, NEL, the
/// Unicode line and paragraph separators, a lone carriage return) made
/// line breaks, CR LF made LF, and every other control character (C0 but tab
/// and line feed, DEL, C1) and the two non-characters U+FFFE/U+FFFF that XML
/// forbids removed.
pub fn clean_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if needs_cleaning(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_office_documents_become_line_breaks() {
        assert_eq!(clean_text("Terima\u{0b}berkas"), "Terima\nberkas");
        assert_eq!(
            clean_text("a\u{0c}b\u{85}c\u{2028}d\u{2029}e"),
            "a\nb\nc\nd\ne"
        );
        assert_eq!(clean_text("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn other_controls_are_removed_and_the_rest_kept() {
        assert_eq!(
            clean_text("\u{1b}[31mmerah\u{1b}[0m\u{0}\u{7f}\u{9b}"),
            "[31mmerah[0m"
        );
        assert_eq!(clean_text("x\u{fffe}\u{ffff}y"), "xy");
        let plain = "Kepala\tBagian — é 日本\n";
        assert!(matches!(clean_text(plain), Cow::Borrowed(s) if s == plain));
    }
}
