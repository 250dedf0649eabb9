//! Headless Chromium: a command with a profile of its own, and the DOM of a
//! page after its scripts ran.

use std::path::Path;
use std::process::Command;

/// Headless Chromium with its own profile in `profile`, quiet: no network of
/// its own, no first-run pages.
pub fn headless(chromium: &Path, profile: &Path) -> Command {
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The DOM of `url` after its scripts ran, as headless Chromium sees it.
pub fn dump_dom(chromium: &Path, profile: &Path, url: &str) -> String {
    let out = headless(chromium, profile)
        .args(["--virtual-time-budget=5000", "--dump-dom"])
        .arg(url)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The search page at `url` (/cari/?q=...) once it has shown its results:
/// its DOM. A cold browser may dump the page before the index has loaded:
/// the page marks itself data-state="done" once results are shown, so the
/// page is loaded again (up to three times) until it says so. Fails when the
/// page could not load its index.
pub fn search_page(chromium: &Path, profile: &Path, url: &str) -> String {
    let mut dom = String::new();
    for _ in 0..3 {
        dom = dump_dom(chromium, profile, url);
        if dom.contains("data-state=\"done\"") {
            break;
        }
    }
    assert!(
        !dom.contains("data-state=\"error\""),
        "the search page could not load its index for {url}"
    );
    dom
}

/// The list of results of a search page's DOM, as HTML.
pub fn result_list(dom: &str) -> &str {
    dom.split_once("id=\"cari-hasil\"")
        .map(|(_, rest)| rest.split("</ol>").next().unwrap_or(""))
        .unwrap_or("")
}

/// The URLs of the results of a search page's DOM, in order.
pub fn result_urls(dom: &str) -> Vec<String> {
    result_list(dom)
        .split("data-url=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// `query` as it goes in a URL's query string.
pub fn query_param(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
