//! Reading source files safely: size limit, UTF-8, editor temp files, and
//! the front matter of Markdown files.

use std::io::Read;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Pos};

/// The largest source file read. A long SOP is a few tens of kilobytes, so
/// this only stops a wrong file (a database dump saved as .yaml) from
/// eating memory and time.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Names that are not content: hidden files and what editors leave behind
/// while saving (vim swap and `4913` probe, Emacs `#autosave#`, JetBrains
/// safe-write copies, `~` backups, `.tmp`, and the `~$name.docx` owner
/// file Word and Excel keep beside an attachment while it is open).
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with("~$")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.contains("___jb_tmp___")
        || name.contains("___jb_old___")
        || name == "4913"
}

/// Reads a text file: at most [`MAX_FILE_BYTES`], UTF-8 (see [`decode`]).
/// `rel` names the file in the diagnostic.
pub fn read_text(path: &Path, rel: &Path) -> Result<String, Box<Diagnostic>> {
    let whole_file = |message: String| Box::new(Diagnostic::error(rel, Pos::new(1, 1), message));
    // Opening a FIFO waits for a writer, and a device may never end: only
    // a regular file is read.
    let meta =
        std::fs::metadata(path).map_err(|e| whole_file(format!("cannot read the file: {e}")))?;
    if !meta.is_file() {
        return Err(whole_file(
            "not a regular file (a folder, FIFO, socket or device)".into(),
        ));
    }
    let file =
        std::fs::File::open(path).map_err(|e| whole_file(format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    // Read one byte past the limit, so a file growing while read is caught too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| whole_file(format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let shown = if size > MAX_FILE_BYTES {
            format!("{:.1} MiB", size as f64 / (1024.0 * 1024.0))
        } else {
            "over 1 MiB".into()
        };
        return Err(Box::new(
            Diagnostic::error(
                rel,
                Pos::new(1, 1),
                format!("file too large ({shown}): a source file is at most 1 MiB"),
            )
            .with_hint("an SOP is a few kilobytes of text; put large documents in as attachments (PDF) instead"),
        ));
    }
    decode(bytes).map_err(|problem| Box::new(problem.diagnostic(rel)))
}

/// The UTF-8 byte order mark Notepad writes at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The fix for a file lajur cannot read as text, in the words of the
/// agency's own staff first: most handbooks are edited in Notepad.
const RESAVE_HINT: &str = "simpan ulang sebagai UTF-8 (save it again as UTF-8): in Notepad, \
File > Save As (Simpan Sebagai), Encoding: UTF-8; in other editors, Save As with the encoding UTF-8";

/// Why the bytes of a source file are not text lajur reads.
#[derive(Debug, PartialEq, Eq)]
pub enum Undecodable {
    /// UTF-16, as Notepad's "Unicode" and Excel's "Unicode Text" save: every
    /// other byte of Latin text is zero.
    Utf16 { big_endian: bool },
    /// Not UTF-8 at `offset` (1-based `line` and `column` of the character),
    /// most often text saved in an older code page (Windows-1252, "ANSI").
    NotUtf8 {
        byte: u8,
        offset: usize,
        line: usize,
        column: usize,
    },
}

impl Undecodable {
    /// The error for the file named `rel`, with the fix.
    pub fn diagnostic(&self, rel: &Path) -> Diagnostic {
        match *self {
            Undecodable::Utf16 { big_endian } => Diagnostic::error(
                rel,
                Pos::new(1, 1),
                format!(
                    "the file is saved as UTF-16{} (Notepad: \"Unicode\"), not UTF-8; lajur reads only UTF-8 text",
                    if big_endian { " big-endian" } else { "" }
                ),
            ),
            Undecodable::NotUtf8 {
                byte,
                offset,
                line,
                column,
            } => {
                let seen = match legacy_char(byte) {
                    Some(c) => format!(", `{c}` in Windows-1252"),
                    None => String::new(),
                };
                Diagnostic::error(
                    rel,
                    Pos::new(line, column),
                    format!(
                        "not UTF-8 text: byte 0x{byte:02X}{seen} at byte offset {offset}; \
                         the file looks saved in an older code page (ANSI, Windows-1252)"
                    ),
                )
            }
        }
        .with_hint(RESAVE_HINT)
    }
}

/// The letter a byte stands for in Windows-1252 where it is one that
/// Indonesian text uses (é, è, ü, typographic quotes and dashes), to show
/// the author which character was saved wrongly.
fn legacy_char(byte: u8) -> Option<char> {
    match byte {
        0x91 => Some('‘'),
        0x92 => Some('’'),
        0x93 => Some('“'),
        0x94 => Some('”'),
        0x96 => Some('–'),
        0x97 => Some('—'),
        // Latin-1 letters and signs, where Windows-1252 agrees with Unicode.
        0xA1..=0xFF if byte != 0xAD => Some(char::from(byte)),
        _ => None,
    }
}

/// Fills `source_line` of every diagnostic from the files under `root`,
/// for the report: the line an author has to change, printed under the
/// message. Here, not in `diagnostic`, which reads no file.
pub fn attach_lines(diagnostics: &mut Diagnostics, root: &Path) {
    let mut cache: std::collections::HashMap<std::path::PathBuf, Option<String>> =
        Default::default();
    for d in &mut diagnostics.0 {
        if d.source_line.is_some() || d.line == 0 {
            continue;
        }
        let text = cache.entry(d.file.clone()).or_insert_with(|| {
            let path = root.join(&d.file);
            // Only a regular file: reading a FIFO would wait for ever.
            if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                return None;
            }
            let bytes = std::fs::read(path).ok()?;
            // A UTF-16 file has no line to show; Notepad's byte order
            // mark is not part of line 1, whose caret would stand one
            // place too far.
            if utf16_order(&bytes).is_some() {
                return None;
            }
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            Some(String::from_utf8_lossy(text).into_owned())
        });
        if let Some(text) = text {
            d.source_line = text
                .lines()
                .nth(d.line - 1)
                .map(|l| l.chars().take(200).collect());
        }
    }
}

/// Whether `bytes` look like UTF-16: a UTF-16 byte order mark, or the
/// zero bytes that every other position of UTF-16 Latin text holds. UTF-8
/// text has no zero byte at all. The answer is the byte order.
pub fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(false);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(true);
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.len() / 2;
    if pairs == 0 {
        return None;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most characters of an SOP are Latin: the high half of most pairs is zero.
    if odd * 2 > pairs && even * 4 < pairs {
        Some(false)
    } else if even * 2 > pairs && odd * 4 < pairs {
        Some(true)
    } else {
        None
    }
}

/// The text of a source file: UTF-8, with Notepad's byte order mark
/// dropped (line ends are left as saved: CRLF is read as a line end).
pub fn decode(bytes: Vec<u8>) -> Result<String, Undecodable> {
    if let Some(big_endian) = utf16_order(&bytes) {
        return Err(Undecodable::Utf16 { big_endian });
    }
    let bytes = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = &e.as_bytes()[..at];
        let byte = e.as_bytes().get(at).copied().unwrap_or(0);
        // Valid up to `at`, so the prefix is text and gives line and column.
        let prefix = String::from_utf8_lossy(valid);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Undecodable::NotUtf8 {
            byte,
            offset: at,
            line,
            column,
        }
    })
}

/// A Markdown file split at its front matter.
#[derive(Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The YAML between the `---` lines; its first line is line 2 of the file.
    pub yaml: &'a str,
    /// The Markdown after the closing line.
    pub body: &'a str,
}

/// Why a Markdown file has no usable front matter.
#[derive(Debug, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing line.
    NeverClosed,
}

/// Splits `---\nyaml\n---\nbody`. The closing line may also be `...`.
pub fn split_front_matter(text: &str) -> Result<FrontMatter<'_>, FrontMatterError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(FrontMatterError::Missing);
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        let end = offset + line.len();
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Ok(FrontMatter {
                yaml: &text[start..offset],
                body: &text[end..],
            });
        }
        offset = end;
    }
    Err(FrontMatterError::NeverClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_files_are_ignored() {
        for name in [
            ".git",
            "rkt.yaml~",
            ".rkt.yaml.swp",
            "rkt.yaml.swp",
            "x.tmp",
            "#rkt.yaml#",
            "rkt.yaml___jb_tmp___",
            "4913",
            "~$Formulir Usulan.docx",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in ["rkt.yaml", "_index.md", "form.pdf", "4913.pdf"] {
            assert!(!is_ignored(name), "{name}");
        }
    }

    #[test]
    fn front_matter_split() {
        let fm = split_front_matter("---\na: 1\n---\n# Body\n").unwrap();
        assert_eq!(fm.yaml, "a: 1\n");
        assert_eq!(fm.body, "# Body\n");
        let fm = split_front_matter("---\r\na: 1\r\n---\r\n").unwrap();
        assert_eq!(fm.yaml, "a: 1\r\n");
        assert_eq!(fm.body, "");
        assert_eq!(split_front_matter("# no\n"), Err(FrontMatterError::Missing));
        assert_eq!(
            split_front_matter("---\na: 1\n"),
            Err(FrontMatterError::NeverClosed)
        );
    }

    #[test]
    fn non_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.yaml");
        std::fs::write(&p, b"a: 1\nb: caf\xE9\n").unwrap();
        let d = read_text(&p, Path::new("x.yaml")).unwrap_err();
        assert_eq!((d.line, d.column), (2, 7));
        assert!(d.message.contains("0xE9"));
    }

    /// `text` as Notepad's "Unicode" (UTF-16 little-endian, with a BOM) or
    /// "Unicode big endian" saves it.
    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for unit in units {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    #[test]
    fn notepad_utf8_with_bom_and_crlf_reads_as_text() {
        let text = decode(b"\xEF\xBB\xBFnomor: SOP-1\r\nnama: Cuti\r\n".to_vec()).unwrap();
        assert_eq!(text, "nomor: SOP-1\r\nnama: Cuti\r\n");
        // A BOM anywhere but the start is the author's own character.
        let text = decode("a: \u{feff}b".as_bytes().to_vec()).unwrap();
        assert_eq!(text, "a: \u{feff}b");
    }

    #[test]
    fn utf16_from_notepad_is_named_with_the_fix() {
        let sop = "nomor: SOP-001/Umum\r\nnama: Penyusunan Rencana Kerja\r\n";
        for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let bytes = utf16(sop, big_endian, bom);
            assert_eq!(
                decode(bytes),
                Err(Undecodable::Utf16 { big_endian }),
                "big_endian {big_endian}, bom {bom}"
            );
        }
        let d = Undecodable::Utf16 { big_endian: false }
            .diagnostic(Path::new("content/bagian umum/Cuti Pegawai.yaml"));
        let text = d.to_text();
        assert!(
            text.starts_with("content/bagian umum/Cuti Pegawai.yaml:1:1: error:"),
            "{text}"
        );
        assert!(text.contains("UTF-16"), "{text}");
        assert!(text.contains("simpan ulang sebagai UTF-8"), "{text}");
        // Without a byte order mark, one short line is enough to tell.
        assert!(utf16_order(&utf16("nama: Cuti", false, false)).is_some());
        // UTF-8 text never has zero bytes; a file of one byte is no pair.
        assert_eq!(utf16_order(b"a: 1\n"), None);
        assert_eq!(utf16_order(b"a"), None);
        assert_eq!(utf16_order(b""), None);
    }

    #[test]
    fn windows_1252_names_the_character_line_and_fix() {
        // "Café" and an en dash typed in an old editor set to ANSI.
        let bytes = b"nomor: SOP-2\r\nnama: Kantin Caf\xE9 \x96 Umum\r\n".to_vec();
        let problem = decode(bytes).unwrap_err();
        assert_eq!(
            problem,
            Undecodable::NotUtf8 {
                byte: 0xE9,
                offset: 30,
                line: 2,
                column: 17
            }
        );
        let d = problem.diagnostic(Path::new("content/kantin.yaml"));
        assert_eq!((d.line, d.column), (2, 17));
        assert!(
            d.message.contains("0xE9, `é` in Windows-1252"),
            "{}",
            d.message
        );
        assert!(d.message.contains("code page"), "{}", d.message);
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("simpan ulang sebagai UTF-8")
        );
        let dash = decode(b"nama: a \x96 b".to_vec()).unwrap_err();
        let d = dash.diagnostic(Path::new("x.yaml"));
        assert!(d.message.contains("`–`"), "{}", d.message);
    }
}
