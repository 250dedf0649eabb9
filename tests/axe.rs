//! Accessibility: axe-core run in headless Chromium on each kind of page of
//! a built handbook, at a desktop width (1280 px) and a phone's (360 px).
//! Pages: SOP, front page, unit (and a nested one), role index and role
//! page, regulation index and one regulation, search, the kelengkapan page
//! and the 404 page.
//! Issue 17: every SOP page had two violations (nested-interactive: links
//! inside the flowchart's role="img"; landmark-unique).
//!
//! Needs Chromium and axe-core from npm (.ci/run installs both:
//! `npm install --prefix target/axe axe-core@4`; or point LAJUR_AXE at an
//! axe.min.js). Skipped, loudly, without them.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{Site, copy_dir, headless, tool};

fn axe_script() -> Option<PathBuf> {
    let path = std::env::var_os("LAJUR_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/axe/node_modules/axe-core/axe.min.js")
        });
    path.is_file().then_some(path)
}

/// Runs axe on `page` (a path under the site) at `width`; returns the ids
/// of the violations with the elements they name.
fn violations(chromium: &Path, site: &Site, public: &Path, page: &str, width: u32) -> Vec<String> {
    // A copy of the page beside it, with axe and a runner that writes what
    // it found into the page for --dump-dom to read.
    // A folder's index.html, or a page file such as /404.html.
    let (dir, file) = match page.rsplit_once('/') {
        Some((dir, file)) if file.ends_with(".html") => (format!("{dir}/"), file),
        _ => (page.to_string(), "index.html"),
    };
    let source = public.join(dir.trim_start_matches('/')).join(file);
    let html = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{page}: {e}"));
    let runner = "<script src=\"/axe.min.js\"></script><script>\
        axe.run(document, {resultTypes: ['violations']}).then(r => {\
        const out = document.createElement('pre'); out.id = 'axe-hasil';\
        out.textContent = JSON.stringify(r.violations.map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')));\
        document.body.appendChild(out); });</script></body>";
    let name = format!("axe-{width}.html");
    fs::write(
        source.with_file_name(&name),
        html.replace("</body>", runner),
    )
    .expect("write");
    let profile = tempfile::tempdir().expect("profile");
    let url = site.url(&format!("{dir}{name}"));
    let out = headless(chromium, profile.path())
        .args(["--virtual-time-budget=15000", "--dump-dom"])
        .arg(format!("--window-size={width},900"))
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let found = dom
        .split("<pre id=\"axe-hasil\">")
        .nth(1)
        .and_then(|r| r.split("</pre>").next())
        .unwrap_or_else(|| panic!("axe did not finish on {url}"));
    let found = found
        .replace("&quot;", "\"")
        .replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&");
    let list: Vec<String> = serde_json::from_str(&found).unwrap_or_else(|e| panic!("{found}: {e}"));
    list
}

#[test]
fn every_kind_of_page_passes_axe_on_a_desktop_and_a_phone() {
    let Some(chromium) = tool("chromium") else {
        support::skipped(
            "chromium",
            "chromium not installed (the axe test needs it; .ci/run installs it)",
        );
        return;
    };
    let Some(axe) = axe_script() else {
        support::skipped(
            "axe-core",
            "axe-core not installed (npm install --prefix target/axe axe-core@4, as .ci/run does, or set LAJUR_AXE)",
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The real flowchart shapes, and the example handbook for what they
    // lack: nested units and the page of one regulation.
    let fixture = dir.path().join("buku");
    copy_dir(&repo.join("tests/fixtures/flowchart"), &fixture);
    // Several agencies with their own roles (roles_per_agency): the page
    // of one agency's roles, /pelaksana/SATKER/.
    let agencies = dir.path().join("instansi");
    copy_dir(&repo.join("tests/fixtures/real"), &agencies);
    let example = dir.path().join("contoh");
    copy_dir(&repo.join("content"), &example.join("content"));
    fs::copy(repo.join("handbook.yaml"), example.join("handbook.yaml")).expect("copy");
    let handbooks: [(&Path, &[&str]); 3] = [
        (
            &fixture,
            &[
                "/mts/penerimaan-tamu/",
                "/mts/verifikasi-berkas/",
                "/",
                "/mts/",
                "/pelaksana/",
                "/pelaksana/tamu/",
                "/cari/",
                "/dasar-hukum/",
                "/kelengkapan/",
                "/404.html",
            ],
        ),
        (
            &example,
            &[
                "/bpkpad-balangan/sekretariat/",
                "/dasar-hukum/permenpanrb-no-35-tahun-2012/",
            ],
        ),
        (
            &agencies,
            &[
                "/pelaksana/bps-kabupaten-jembrana/",
                "/pelaksana/bps-kabupaten-jembrana/ppk/",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (root, pages) in handbooks {
        let opts = lajur::Options {
            root: root.to_path_buf(),
            ..Default::default()
        };
        if let Err(e) = lajur::build(&opts, None) {
            panic!("build failed: {e:?}");
        }
        let public = root.join("public");
        fs::copy(&axe, public.join("axe.min.js")).expect("copy axe");
        let site = Site::serve(public.clone());
        for page in pages {
            for width in [1280, 360] {
                let found = violations(&chromium, &site, &public, page, width);
                if !found.is_empty() {
                    failures.push(format!("{page} at {width} px: {found:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
}
