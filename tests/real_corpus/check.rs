//! `lajur check` on the corpus: only warnings an author can act on.

use crate::papers::PAPERS;
use crate::{copy_dir, fixture, lajur};

#[test]
fn check_warns_only_of_what_an_author_can_act_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("real");
    copy_dir(&fixture(), &root);
    let (code, printed) = lajur(&root, &["check"]);
    assert_eq!(code, 0, "{printed}");
    let warnings: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains(": warning:"))
        .collect();
    for warning in &warnings {
        assert!(
            ACTIONABLE.iter().any(|w| warning.contains(w)),
            "a warning the author cannot act on: {warning}"
        );
    }
    // Each unread citation says what to do with that line: the Perhentian
    // Raja paper leaves its SK's number blank, and cites a training module.
    let lines: Vec<&str> = printed.lines().collect();
    let hint_after = |i: usize| -> &str {
        lines[i..]
            .iter()
            .find(|l| l.trim_start().starts_with("= hint:"))
            .copied()
            .unwrap_or_default()
    };
    let mut citations = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.contains("cannot read this citation") {
            continue;
        }
        citations += 1;
        let want = if line.contains(" no. tentang") {
            "is blank on the paper"
        } else {
            "not a regulation"
        };
        assert!(hint_after(i).contains(want), "{line}: {}", hint_after(i));
    }
    assert_eq!(citations, 2, "{printed}");
    // The papers without a number are each reported once.
    let unnumbered = PAPERS.iter().filter(|p| p.nomor == "—").count();
    let nomor_warnings = warnings
        .iter()
        .filter(|w| w.contains(NOMOR_WARNING))
        .count();
    assert_eq!(nomor_warnings, unnumbered, "{printed}");
}

/// The warning for an SOP without nomor (eleven papers print none).
const NOMOR_WARNING: &str = "the SOP has no nomor";

/// The warnings the corpus keeps, each one an author can act on: give the
/// SOP its number, or fix a dasar hukum line that names no regulation (the
/// Perhentian Raja paper cites a surat keputusan whose number is blank, and a
/// training module).
const ACTIONABLE: &[&str] = &[NOMOR_WARNING, "cannot read this citation"];
