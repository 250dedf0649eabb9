//! The round trip of issue 20: every SOP of the example handbook printed to
//! PDF by headless Chromium (as an author prints the form from the site),
//! imported back with `lajur import`, must build the same flowchart: the
//! same symbols in the same lanes with the same kinds, the same arrows and
//! branch labels, and the same kegiatan and mutu baku.
//!
//! Needs chromium; without it the test says so loudly and passes.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{Site, copy_dir, headless, lajur_output as lajur, said, tool};

/// The SOP pages of a built site: folders (relative to it) holding alur.svg.
fn sop_pages(public: &Path, under: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(under).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.join("alur.svg").is_file() && path.join("sop.json").is_file() {
                out.push(path.strip_prefix(public).unwrap().to_path_buf());
            }
            sop_pages(public, &path, out);
        }
    }
}

/// What the flowchart draws: each symbol (step, kind, lane) and each arrow.
fn svg_structure(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let mut out = Vec::new();
    for node in doc.descendants() {
        let a = |k: &str| node.attribute(k).unwrap_or("").to_string();
        if node.has_tag_name("g") && node.attribute("data-step").is_some() {
            out.push(format!(
                "symbol {} {} {}",
                a("data-step"),
                a("data-jenis"),
                a("data-lane")
            ));
        } else if node.has_tag_name("path") && node.attribute("data-from").is_some() {
            out.push(format!("arrow {} -> {}", a("data-from"), a("data-to")));
        }
    }
    out.sort();
    out
}

/// Each step of sop.json as the form shows it.
fn steps(json: &serde_json::Value) -> Vec<serde_json::Value> {
    let keys = [
        "kegiatan",
        "jenis",
        "pelaksana",
        "alur",
        "simbol_lajur",
        "lanjut",
        "ya",
        "tidak",
        "label_ya",
        "label_tidak",
        "kelengkapan",
        "output",
        "keterangan",
        "simbol",
    ];
    json["langkah"]
        .as_array()
        .expect("langkah")
        .iter()
        .map(|s| {
            let mut kept = serde_json::Map::new();
            for k in keys {
                kept.insert(k.into(), s[k].clone());
            }
            kept.insert("waktu".into(), s["waktu"]["text"].clone());
            serde_json::Value::Object(kept)
        })
        .collect()
}

#[test]
fn every_printed_example_sop_imports_back_to_the_same_flowchart() {
    let Some(chromium) = tool("chromium") else {
        support::skipped(
            "chromium",
            "chromium not installed (the import round trip prints each SOP with it; .ci/run installs it)",
        );
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let example = tmp.path().join("contoh");
    fs::create_dir_all(&example).unwrap();
    fs::copy(repo.join("handbook.yaml"), example.join("handbook.yaml")).unwrap();
    copy_dir(&repo.join("content"), &example.join("content"));
    copy_dir(&repo.join("themes"), &example.join("themes"));
    let built = lajur(&example, &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", said(&built));
    let public = example.join("public");
    let mut pages = Vec::new();
    sop_pages(&public, &public, &mut pages);
    pages.sort();
    assert!(pages.len() >= 10, "the example has its SOPs: {pages:?}");

    // Print each SOP page from the served site, as an author does.
    let site = Site::serve(public.clone());
    let imported = tmp.path().join("impor");
    fs::create_dir_all(&imported).unwrap();
    let init = lajur(&imported, &["init", "."]);
    assert_eq!(init.status.code(), Some(0), "{}", said(&init));
    let profile = tempfile::tempdir().unwrap();
    let mut units = Vec::new();
    for page in &pages {
        let unit = page.to_string_lossy().replace(['/', '\\'], "-");
        let pdf = imported.join(format!("{unit}.pdf"));
        let out = headless(&chromium, profile.path())
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(site.url(&format!("/{}/", page.to_string_lossy().replace('\\', "/"))))
            .output()
            .expect("chromium runs");
        assert!(pdf.is_file(), "no PDF for {page:?}: {}", said(&out));
        let into = format!("content/{unit}");
        let out = lajur(
            &imported,
            &["import", "--into", &into, &pdf.to_string_lossy()],
        );
        assert_eq!(out.status.code(), Some(0), "{page:?}: {}", said(&out));
        units.push((page.clone(), unit));
    }
    let check = lajur(&imported, &["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(json["errors"], 0, "{}", said(&check));
    let build = lajur(&imported, &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", said(&build));

    let mut right = 0;
    let mut wrong = Vec::new();
    for (page, unit) in &units {
        let mut found = Vec::new();
        sop_pages(
            &imported.join("public"),
            &imported.join("public").join(unit),
            &mut found,
        );
        assert_eq!(found.len(), 1, "{unit}: {found:?}");
        let back = imported.join("public").join(&found[0]);
        let there = public.join(page);
        let read = |p: &Path, f: &str| fs::read_to_string(p.join(f)).unwrap();
        let json =
            |p: &Path| serde_json::from_str::<serde_json::Value>(&read(p, "sop.json")).unwrap();
        let same_svg =
            svg_structure(&read(&there, "alur.svg")) == svg_structure(&read(&back, "alur.svg"));
        let same_steps = steps(&json(&there)) == steps(&json(&back));
        if same_svg && same_steps {
            right += 1;
        } else {
            wrong.push(format!(
                "{page:?}: flowchart {same_svg}, steps {same_steps}\n  {:?}\n  {:?}",
                steps(&json(&there)),
                steps(&json(&back))
            ));
        }
    }
    eprintln!(
        "import round trip: {right} of {} SOPs identical",
        units.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
