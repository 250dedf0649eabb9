//! Attachments stay in their place (docs/security.md, Safety): never over
//! a generated file, and markup only with allow_html.

use std::fs;

use crate::handbook::{HANDBOOK, handbook};
use crate::support::lajur_in;
use crate::{read, snapshot, write};

#[test]
fn an_attachment_never_replaces_a_generated_file() {
    let dir = handbook();
    let root = dir.path();
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    let before = snapshot(&root.join("public"));
    let clashes: &[(&str, &str)] = &[
        (
            "content/bagian-umum/index.html",
            "`bagian-umum/index.html`, a page of the site",
        ),
        ("content/style.css", "`style.css`, the site's stylesheet"),
        ("content/search.js", "`search.js`, the search script"),
        ("content/404.html", "`404.html`, a page of the site"),
        ("content/sitemap.xml", "`sitemap.xml`"),
        (
            "content/bagian-umum/perencanaan/rkt",
            "where lajur generates `bagian-umum/perencanaan/rkt/`, a folder of the site",
        ),
        (
            "content/pagefind/pagefind.js",
            "`pagefind/pagefind.js`, the search index",
        ),
    ];
    for (file, generated) in clashes {
        write(root, file, b"<script>alert('diganti')</script>");
        for command in ["check", "build"] {
            let (code, text) = lajur_in(root, &[command]);
            assert_eq!(code, 1, "{command} with {file}: {text}");
            assert!(
                text.contains(&format!("{file}:0:0: error: `{file}`")),
                "{command}: {text}"
            );
            assert!(
                text.contains(generated),
                "{command} names {generated}: {text}"
            );
        }
        assert_eq!(snapshot(&root.join("public")), before, "{file}");
        fs::remove_file(root.join(file)).expect("rm");
    }
}

#[test]
fn html_and_svg_attachments_are_published_only_with_allow_html() {
    let dir = handbook();
    let root = dir.path();
    let markup = [
        "content/bagian-umum/panduan.html",
        "content/bagian-umum/panduan.HTM",
        "content/bagian-umum/panduan.xhtml",
        "content/bagian-umum/peta.svg",
    ];
    for file in markup {
        write(root, file, b"<svg onload=\"alert(1)\"/>");
    }
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("public"));
    for file in markup {
        let dest = file.trim_start_matches("content/");
        assert!(!site.contains_key(dest), "{dest} published");
        assert!(
            text.contains(&format!("{file}:0:0: warning: not published")),
            "{file}: {text}"
        );
    }
    let unit = read(&root.join("public"), "bagian-umum/index.html");
    assert!(
        unit.contains("formulir-usulan.pdf"),
        "the PDF is still listed"
    );
    assert!(!unit.contains("peta.svg"), "a withheld file is not listed");

    write(
        root,
        "handbook.yaml",
        format!("{HANDBOOK}allow_html: true\n").as_bytes(),
    );
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("not published"), "{text}");
    let site = snapshot(&root.join("public"));
    assert!(site.contains_key("bagian-umum/peta.svg"));
    assert!(site.contains_key("bagian-umum/panduan.html"));
}
