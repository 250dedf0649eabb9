//! The output folder (docs/security.md, Safety): a failed build leaves it as
//! it was, it is never a source folder, and lajur replaces only a folder it
//! wrote itself.

use std::fs;
use std::path::Path;

use crate::handbook::{HANDBOOK, RKT, handbook};
use crate::support::lajur_in;
use crate::{build, leftovers, snapshot, write};

#[test]
fn a_failed_build_leaves_the_published_site_untouched() {
    let dir = handbook();
    let out = build(dir.path());
    let before = snapshot(&out);
    assert!(before.len() > 5);

    // nama is required: the handbook now has an error.
    let broken = RKT.replace("nama: Penyusunan Rencana Kinerja Tahunan\n", "");
    assert_ne!(broken, RKT);
    write(
        dir.path(),
        "content/bagian-umum/perencanaan/rkt.yaml",
        broken.as_bytes(),
    );
    let (code, text) = lajur_in(dir.path(), &["build"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("rkt.yaml"), "{text}");
    assert_eq!(
        snapshot(&out),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<String> = fs::read_dir(dir.path())
        .expect("root")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("lajur-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_output_folder_is_never_a_source_folder() {
    let dir = handbook();
    let root = dir.path();
    write(root, "static/logo.png", b"PNG");
    write(root, "templates/.keep", b"");
    write(root, "themes/gelap/templates/.keep", b"");
    let sources = snapshot(root);
    let inside = root.join("content/bagian-umum");
    let outputs: Vec<(&Path, Vec<&str>)> = vec![
        (root, vec!["build", "-o", "content"]),
        (root, vec!["build", "-o", "content/../content"]),
        (root, vec!["build", "-o", "./content/bagian-umum"]),
        (root, vec!["build", "-o", "."]),
        (root, vec!["build", "-o", ".."]),
        (root, vec!["build", "-o", "static"]),
        (root, vec!["build", "-o", "static/site"]),
        (root, vec!["build", "-o", "themes"]),
        (root, vec!["build", "-o", "templates"]),
        (&inside, vec!["build", "--root", "../..", "-o", "../.."]),
        (&inside, vec!["build", "--root", "../..", "-o", "."]),
    ];
    for (cwd, args) in &outputs {
        let (code, text) = lajur_in(cwd, args);
        assert_eq!(code, 2, "{args:?} must be a settings error: {text}");
        assert!(text.contains("output folder"), "{args:?}: {text}");
        assert_eq!(snapshot(root), sources, "{args:?} touched the handbook");
        assert!(
            leftovers(root).is_empty(),
            "{args:?}: {:?}",
            leftovers(root)
        );
    }
    // The same from handbook.yaml, named at its line; `check` says so too.
    for setting in ["content", "./", "content/..", "static/../content"] {
        write(
            root,
            "handbook.yaml",
            format!("{HANDBOOK}output_dir: {setting}\n").as_bytes(),
        );
        let sources = snapshot(root);
        for command in ["build", "check"] {
            let (code, text) = lajur_in(root, &[command]);
            assert_eq!(code, 2, "{command} with output_dir {setting}: {text}");
            assert!(text.contains("handbook.yaml:3:1: error:"), "{text}");
            assert_eq!(snapshot(root), sources, "output_dir {setting}");
        }
    }
}

#[test]
fn a_folder_lajur_did_not_write_is_replaced_only_with_force() {
    let dir = handbook();
    let root = dir.path();
    write(root, "situs/catatan.txt", b"milik orang lain");
    write(root, "situs/foto/kantor.jpg", b"JPG");
    let before = snapshot(&root.join("situs"));
    for command in [vec!["build", "-o", "situs"], vec!["check"]] {
        let (code, text) = if command[0] == "check" {
            write(
                root,
                "handbook.yaml",
                format!("{HANDBOOK}output_dir: situs\n").as_bytes(),
            );
            lajur_in(root, &command)
        } else {
            lajur_in(root, &command)
        };
        assert_eq!(code, 2, "{command:?}: {text}");
        assert!(text.contains("did not write"), "{text}");
        assert!(
            text.contains("--force"),
            "the hint names the way out: {text}"
        );
        assert_eq!(snapshot(&root.join("situs")), before);
    }
    write(root, "handbook.yaml", HANDBOOK.as_bytes());

    let (code, text) = lajur_in(root, &["build", "-o", "situs", "--force"]);
    assert_eq!(code, 0, "{text}");
    let site = snapshot(&root.join("situs"));
    assert!(!site.contains_key("catatan.txt"), "replaced whole");
    assert!(site.contains_key("index.html"));
    assert!(site.contains_key(".lajur"), "the marker is left");
    // From now on the folder is lajur's: no --force needed.
    let (code, text) = lajur_in(root, &["build", "-o", "situs"]);
    assert_eq!(code, 0, "{text}");
    // An empty folder or a missing one is fine too.
    fs::create_dir_all(root.join("kosong")).expect("mkdir");
    assert_eq!(lajur_in(root, &["build", "-o", "kosong"]).0, 0);
    assert_eq!(lajur_in(root, &["build", "-o", "baru/situs"]).0, 0);
    assert!(root.join("baru/situs/index.html").is_file());
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn an_output_path_with_dot_dot_is_replaced_in_place() {
    let dir = handbook();
    let root = dir.path();
    let (code, text) = lajur_in(root, &["build"]);
    assert_eq!(code, 0, "{text}");
    let first = snapshot(&root.join("public"));

    write(
        root,
        "content/bagian-umum/baru.yaml",
        RKT.replace("SOP-070", "SOP-080").as_bytes(),
    );
    let (code, text) = lajur_in(root, &["build", "-o", "public/../public"]);
    assert_eq!(code, 0, "{text}");
    let second = snapshot(&root.join("public"));
    assert!(
        second.contains_key("bagian-umum/baru/index.html"),
        "{second:?}"
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));

    // A failed build through the same path leaves it exactly as it was.
    write(root, "templates/sop.html", b"{{ tidak.ada }}");
    let (code, text) = lajur_in(root, &["build", "-o", "public/../public"]);
    assert_eq!(code, 1, "{text}");
    assert_eq!(snapshot(&root.join("public")), second);
    assert_ne!(second, first);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = handbook();
    let root = dir.path();
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    let public = root.join("public");
    let before = snapshot(&public);
    fs::set_permissions(&public, fs::Permissions::from_mode(0o555)).expect("chmod");
    for _ in 0..2 {
        let (code, text) = lajur_in(root, &["build"]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains("read-only"), "{text}");
        assert_eq!(snapshot(&public), before);
        assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    }
    fs::set_permissions(&public, fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(lajur_in(root, &["build"]).0, 0);
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn a_failed_build_into_a_new_folder_leaves_nothing() {
    let dir = handbook();
    let root = dir.path();
    write(root, "templates/unit.html", b"{% if %}");
    let (code, text) = lajur_in(root, &["build", "-o", "hasil/situs"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        !root.join("hasil").exists(),
        "no folder made for a failed build"
    );
    assert!(leftovers(root).is_empty());
}
