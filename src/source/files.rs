//! Reading source files safely: size limit, UTF-8, editor temp files, and
//! the front matter of Markdown files.

use std::io::Read;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Pos};

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

/// Reads a text file: at most [`MAX_FILE_BYTES`], valid UTF-8, without a BOM.
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
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let at = e.utf8_error().valid_up_to();
        let bad = e.as_bytes().get(at).copied().unwrap_or(0);
        // Valid up to `at`, so the prefix is text and gives line and column.
        let prefix = String::from_utf8_lossy(valid);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Box::new(
            Diagnostic::error(
                rel,
                Pos::new(line, column),
                format!("not UTF-8 text: byte 0x{bad:02X} at byte offset {at}"),
            )
            .with_hint("save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)"),
        )
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
}
