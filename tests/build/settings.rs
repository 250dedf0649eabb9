//! What a handbook changes in its site: allow_html and language in
//! handbook.yaml, its own templates/ and static/ files, and a broken template.

use std::fs;

use crate::handbook::{HANDBOOK, handbook};
use crate::support::lajur_in;
use crate::{build, read, write};

#[test]
fn raw_html_is_escaped_unless_allowed() {
    let dir = handbook();
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/lkj/index.html");
    assert!(page.contains("<strong>31 Maret</strong>"));
    assert!(page.contains("&lt;b&gt;Penting&lt;/b&gt;"));
    assert!(!page.contains("<script>alert(1)</script>"));

    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}allow_html: true\n").as_bytes(),
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/lkj/index.html");
    assert!(page.contains("<b>Penting</b>"));
}

#[test]
fn english_switches_the_interface() {
    let dir = handbook();
    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}language: en\n").as_bytes(),
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/perencanaan/rkt/index.html");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Skip to content"));
    assert!(page.contains("Date created"));
    assert!(page.contains("31 December 2018"));
    assert!(!page.contains("Tanggal Pembuatan"));
    assert!(read(&out, "index.html").contains("<html lang=\"en\">"));

    // A count of one is in the singular: "1 SOP · 1 step", not "1 SOPs".
    let mut ones = 0;
    for file in walkdir::WalkDir::new(&out).into_iter().flatten() {
        if file.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = fs::read_to_string(file.path()).expect("a page");
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for pair in words.windows(2).filter(|w| w[0] == "1") {
            assert!(
                !["SOPs", "steps", "roles", "regulations"].contains(&pair[1]),
                "1 {} in {}",
                pair[1],
                file.path().display()
            );
            ones += usize::from(["SOP", "step"].contains(&pair[1]));
        }
    }
    assert!(ones > 0, "no count of one to check");
}

#[test]
fn handbook_templates_override_the_theme() {
    let dir = handbook();
    write(
        dir.path(),
        "templates/unit.html",
        b"{% extends \"base.html\" %}{% block content %}<h1>Unit: {{ page.nama }}</h1>{% endblock content %}",
    );
    let out = build(dir.path());
    let page = read(&out, "bagian-umum/index.html");
    assert!(page.contains("<h1>Unit: Bagian Umum</h1>"));
    assert!(
        page.contains("class=\"skip-link\""),
        "the theme's base.html still wraps it"
    );
    // Other pages keep the theme's templates.
    assert!(read(&out, "bagian-umum/perencanaan/rkt/index.html").contains("Tanggal Efektif"));
}

#[test]
fn handbook_static_files_replace_the_theme_css() {
    let dir = handbook();
    write(dir.path(), "static/style.css", b"body { color: teal }");
    write(dir.path(), "static/img/logo.png", b"PNG");
    write(
        dir.path(),
        "handbook.yaml",
        format!("{HANDBOOK}logo: img/logo.png\n").as_bytes(),
    );
    let out = build(dir.path());
    assert_eq!(read(&out, "style.css"), "body { color: teal }");
    assert_eq!(fs::read(out.join("img/logo.png")).expect("logo"), b"PNG");
    assert!(read(&out, "index.html").contains("src=\"/img/logo.png\""));
}

#[test]
fn a_broken_template_fails_the_build_naming_it() {
    let dir = handbook();
    write(dir.path(), "templates/sop.html", b"{% for %}");
    let (code, text) = lajur_in(dir.path(), &["build"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("templates/sop.html"), "{text}");
    assert!(!dir.path().join("public").exists());
}
