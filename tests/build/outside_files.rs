//! Files from outside the handbook (docs/security.md, Safety): symbolic
//! links are followed only inside it, FIFOs are skipped and never hang.

use std::fs;

use crate::handbook::handbook;
use crate::{lajur_in_finite, read, snapshot, support, write};

#[cfg(unix)]
#[test]
fn links_out_of_the_handbook_are_not_published() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "rahasia.txt", b"kata sandi");
    write(outside.path(), "folder/data.csv", b"gaji,pegawai");
    let dir = handbook();
    let root = dir.path();
    write(root, "berkas/formulir-b.pdf", b"%PDF formulir b");
    let umum = root.join("content/bagian-umum");
    symlink(outside.path().join("rahasia.txt"), umum.join("rahasia.txt")).expect("link");
    symlink(outside.path().join("folder"), umum.join("luar")).expect("link");
    symlink("/etc/passwd", umum.join("passwd")).expect("link");
    symlink("/dev/zero", umum.join("nol.bin")).expect("link");
    write(root, "static/.keep", b"");
    symlink(
        outside.path().join("rahasia.txt"),
        root.join("static/rahasia.txt"),
    )
    .expect("link");
    symlink(outside.path().join("folder"), root.join("static/luar")).expect("link");
    // A link that stays inside the handbook is followed.
    symlink("../../berkas/formulir-b.pdf", umum.join("formulir-b.pdf")).expect("link");

    let (code, text) = lajur_in_finite(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("public"));
    for leaked in [
        "bagian-umum/rahasia.txt",
        "bagian-umum/luar/data.csv",
        "bagian-umum/passwd",
        "bagian-umum/nol.bin",
        "rahasia.txt",
        "luar/data.csv",
    ] {
        assert!(!site.contains_key(leaked), "{leaked} was published");
    }
    assert_eq!(site["bagian-umum/formulir-b.pdf"], b"%PDF formulir b");
    for warned in [
        "content/bagian-umum/rahasia.txt",
        "content/bagian-umum/luar",
        "content/bagian-umum/passwd",
        "content/bagian-umum/nol.bin",
        "static/rahasia.txt",
        "static/luar",
    ] {
        assert!(
            text.contains(&format!("{warned}:0:0: warning: symbolic link to")),
            "{warned}: {text}"
        );
    }
    assert!(!text.contains("formulir-b.pdf:0:0: warning"), "{text}");
    let (code, checked) = lajur_in_finite(root, &["check"]);
    assert_eq!(code, 0, "{checked}");
    assert!(
        checked.contains("content/bagian-umum/passwd:0:0: warning"),
        "{checked}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_with_a_warning_and_never_hang() {
    let dir = handbook();
    let root = dir.path();
    let umum = root.join("content/bagian-umum");
    if !(support::mkfifo(&umum.join("x.yaml"))
        && support::mkfifo(&umum.join("lampiran.pdf"))
        && support::mkfifo(&root.join("content/_index.md.pipe"))
        && support::mkfifo(&umum.join("perencanaan/sub.md")))
    {
        return;
    }
    write(root, "static/.keep", b"");
    assert!(support::mkfifo(&root.join("static/pipa.css")));
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 0, "{command}: {text}");
        for fifo in [
            "content/bagian-umum/x.yaml",
            "content/bagian-umum/lampiran.pdf",
            "content/bagian-umum/perencanaan/sub.md",
            "static/pipa.css",
        ] {
            assert!(
                text.contains(&format!("{fifo}:0:0: warning: not a regular file")),
                "{command}, {fifo}: {text}"
            );
        }
    }
    let site = snapshot(&root.join("public"));
    assert!(!site.contains_key("bagian-umum/lampiran.pdf"));
    assert!(!site.contains_key("pipa.css"));
    assert!(site.contains_key("bagian-umum/perencanaan/rkt/index.html"));
}

#[cfg(unix)]
#[test]
fn a_fifo_for_handbook_yaml_is_a_settings_error() {
    let dir = handbook();
    let root = dir.path();
    fs::remove_file(root.join("handbook.yaml")).expect("rm");
    if !support::mkfifo(&root.join("handbook.yaml")) {
        return;
    }
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 2, "{command}: {text}");
        assert!(
            text.contains("handbook.yaml:1:1: error: not a regular file"),
            "{text}"
        );
    }
}

#[cfg(unix)]
#[test]
fn template_links_are_followed_only_inside_the_handbook() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "sop.html", b"DARI LUAR {{ page.nama }}");
    let dir = handbook();
    let root = dir.path();
    write(
        root,
        "bersama/unit.html",
        b"{% extends \"base.html\" %}{% block content %}<h1>Bersama: {{ page.nama }}</h1>{% endblock content %}",
    );
    fs::create_dir_all(root.join("templates")).expect("mkdir");
    symlink(
        outside.path().join("sop.html"),
        root.join("templates/sop.html"),
    )
    .expect("link");
    symlink("../bersama/unit.html", root.join("templates/unit.html")).expect("link");
    for command in ["check", "build"] {
        let (code, text) = lajur_in_finite(root, &[command]);
        assert_eq!(code, 0, "{command}: {text}");
        assert!(
            text.contains("templates/sop.html:0:0: warning: symbolic link to"),
            "{command}: {text}"
        );
    }
    let out = root.join("public");
    assert!(!read(&out, "bagian-umum/perencanaan/rkt/index.html").contains("DARI LUAR"));
    assert!(read(&out, "bagian-umum/index.html").contains("<h1>Bersama: Bagian Umum</h1>"));
}
