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
