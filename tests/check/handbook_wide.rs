//! Diagnostics of the handbook as a whole: nomor and slugs used twice,
//! reserved paths, handbook.yaml's settings and the units' _index.md.

use lajur::diagnostic::Severity;

use crate::{assert_at, check, find, sop};

#[test]
fn duplicate_nomor() {
    let loaded = check(&[
        ("content/a.yaml", &sop("SOP-070/Setda")),
        ("content/b/c.yaml", &sop("SOP- 070/setda")),
    ]);
    let d = find(&loaded, "duplicate nomor");
    assert_at(d, "content/b/c.yaml", 1, Severity::Error);
    assert!(d.message.contains("content/a.yaml"), "{d:#?}");
}

#[test]
fn duplicate_slug() {
    let text = format!("---\n{}---\n", sop("SOP-2"));
    let loaded = check(&[
        ("content/umum/Rkt.yaml", &sop("SOP-1")),
        ("content/umum/rkt.md", &text),
    ]);
    let d = find(&loaded, "duplicate URL `umum/rkt/`");
    assert_at(d, "content/umum/rkt.md", 1, Severity::Error);
    assert!(d.message.contains("content/umum/Rkt.yaml"), "{d:#?}");
}

#[test]
fn reserved_path() {
    let loaded = check(&[("content/cari.yaml", &sop("SOP-1"))]);
    let d = find(&loaded, "is a page of the site itself");
    assert_at(d, "content/cari.yaml", 1, Severity::Error);
}

#[test]
fn unknown_handbook_key_is_a_settings_error() {
    let loaded = check(&[
        (
            "handbook.yaml",
            "title: X\nlanguag: id\nprint:\n  paper: A5\n",
        ),
        ("content/rkt.yaml", &sop("SOP-1")),
    ]);
    assert!(!loaded.settings_ok);
    let d = find(&loaded, "unknown key `languag`");
    assert_at(d, "handbook.yaml", 2, Severity::Error);
    assert_eq!(d.hint.as_deref(), Some("did you mean `language`?"));
    let d = find(&loaded, "unknown paper `A5`");
    assert_at(d, "handbook.yaml", 4, Severity::Error);
}

#[test]
fn wrong_language_is_a_settings_error() {
    let loaded = check(&[("handbook.yaml", "language: fr\n")]);
    assert!(!loaded.settings_ok);
    assert_at(
        find(&loaded, "unknown language"),
        "handbook.yaml",
        1,
        Severity::Error,
    );
}

#[test]
fn unit_index_is_checked() {
    let loaded = check(&[
        (
            "content/umum/_index.md",
            "---\nnma: Bagian Umum\n---\nTeks\n",
        ),
        ("content/umum/rkt.yaml", &sop("SOP-1")),
    ]);
    let d = find(&loaded, "unknown key `nma`");
    assert_at(d, "content/umum/_index.md", 2, Severity::Error);
    let d = find(&loaded, "missing required field `nama`");
    assert_at(d, "content/umum/_index.md", 2, Severity::Error);
}
