//! One pipeline: `check` runs every stage `build` runs (load, link, render,
//! the search index) into a sink that keeps nothing, so it stops where
//! `build` stops, with the same message and exit status, and writes
//! nothing. One test per stage that can fail, each run as an author runs
//! it: the binary in the handbook folder.

mod support;

use std::path::Path;
use support::{handbook, lajur_in, sop, write};

/// `check` and `build` in `dir` both exit with `code` and print `needle`;
/// a failed build writes nothing.
fn both_stop(dir: &Path, code: i32, needle: &str) {
    for command in ["check", "build"] {
        let (got, text) = lajur_in(dir, &[command]);
        assert_eq!(got, code, "{command}: {text}");
        assert!(
            text.contains(needle),
            "{command} should say {needle:?}: {text}"
        );
    }
    assert!(!dir.join("public").exists(), "a failed build wrote public/");
}

#[test]
fn a_missing_theme_is_a_settings_error_for_check_and_build() {
    let dir = handbook(&[
        ("handbook.yaml", "title: X\ntheme: gelap\n"),
        ("content/rkt.yaml", &sop("SOP-1")),
    ]);
    both_stop(
        dir.path(),
        2,
        "handbook.yaml:2:1: error: theme `gelap` not found",
    );
    // A theme is a folder of themes/, not a path out of the handbook.
    write(dir.path(), "handbook.yaml", b"theme: ../../..\n");
    both_stop(dir.path(), 2, "is not a folder name under themes/");
}

#[test]
fn template_errors_stop_check_as_they_stop_build() {
    let dir = handbook(&[
        ("content/umum/rkt.yaml", &sop("SOP-1")),
        (
            "templates/sop.html",
            "{% extends \"base.html\" %}{% block content %}{% if %}{% endblock content %}",
        ),
    ]);
    both_stop(dir.path(), 1, "templates/sop.html:1:");

    // An undefined variable shows only when the page is rendered.
    std::fs::remove_file(dir.path().join("templates/sop.html")).expect("rm");
    write(dir.path(), "handbook.yaml", b"theme: gelap\n");
    write(
        dir.path(),
        "themes/gelap/templates/unit.html",
        b"{% extends \"base.html\" %}{% block content %}{{ page.tidak_ada }}{% endblock content %}",
    );
    both_stop(dir.path(), 1, "themes/gelap/templates/unit.html");

    std::fs::remove_file(dir.path().join("themes/gelap/templates/unit.html")).expect("rm");
    let (code, text) = lajur_in(dir.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    assert!(!dir.path().join("public").exists(), "check writes nothing");
}

#[test]
fn names_in_any_script_make_a_url() {
    let dir = handbook(&[
        (
            "content/Бухгалтерия/_index.md",
            "---\nnama: Бухгалтерия\n---\n",
        ),
        ("content/Бухгалтерия/Отчёт.yaml", &sop("SOP-1")),
        ("content/会计/审计.yaml", &sop("SOP-2")),
    ]);
    let (code, text) = lajur_in(dir.path(), &["check"]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = lajur_in(dir.path(), &["build"]);
    assert_eq!(code, 0, "{text}");
    let public = dir.path().join("public");
    for page in [
        "buhgalteriya/index.html",
        "buhgalteriya/otchyot/index.html",
        "hui-ji/index.html",
        "hui-ji/shen-ji/index.html",
    ] {
        assert!(public.join(page).is_file(), "{page}: {text}");
    }
    let front = std::fs::read_to_string(public.join("index.html")).expect("front page");
    assert!(
        front.contains("href=\"/buhgalteriya/\""),
        "the unit is linked"
    );
}

#[test]
fn a_name_that_makes_no_url_is_an_error_naming_it() {
    // A folder `_` holding only _index.md used to become a unit linked to `/`.
    let dir = handbook(&[
        ("content/_/_index.md", "---\nnama: Garis Bawah\n---\n"),
        ("content/umum/rkt.yaml", &sop("SOP-1")),
    ]);
    both_stop(
        dir.path(),
        1,
        "content/_:0:0: error: the folder name `_` makes no URL",
    );
    std::fs::remove_dir_all(dir.path().join("content/_")).expect("rm");
    write(dir.path(), "content/umum/!!.yaml", sop("SOP-2").as_bytes());
    both_stop(
        dir.path(),
        1,
        "content/umum/!!.yaml:0:0: error: the file name `!!.yaml` makes no URL",
    );
}

// ------------------------------------------------------ one test per stage

#[test]
fn a_settings_error_stops_both_with_status_2() {
    let dir = handbook(&[
        ("handbook.yaml", "title: X\ntitel: Y\n"),
        ("content/rkt.yaml", &sop("SOP-1")),
    ]);
    both_stop(
        dir.path(),
        2,
        "handbook.yaml:2:1: error: unknown key `titel`",
    );
}

#[test]
fn an_output_folder_build_may_not_replace_stops_both_with_status_2() {
    let dir = handbook(&[
        ("handbook.yaml", "title: X\noutput_dir: content\n"),
        ("content/rkt.yaml", &sop("SOP-1")),
    ]);
    both_stop(dir.path(), 2, "handbook.yaml:2:");
    assert!(
        dir.path().join("content/rkt.yaml").is_file(),
        "the handbook is untouched"
    );
}

#[test]
fn a_handbook_error_stops_both_with_status_1() {
    let dir = handbook(&[
        ("content/rkt.yaml", &sop("SOP-1")),
        ("content/lain.yaml", &sop("SOP-1")),
    ]);
    both_stop(dir.path(), 1, "error: duplicate nomor `SOP-1`");
}
