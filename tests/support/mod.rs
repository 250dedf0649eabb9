//! What the integration tests share, one file per concern:
//!
//! - handbook folders: [`handbook`], [`write`], [`sop`], [`unit`], from
//!   `lajur::testing::folder`, which the unit tests use too (handbooks built
//!   in code are `lajur::testing::model`);
//! - running lajur as a user does, in the handbook folder: [`lajur_in`]
//!   (run.rs);
//! - reading what it wrote: [`read`], [`snapshot`], [`copy_dir`] (files.rs);
//! - a built site on a localhost port (site.rs) and headless Chromium
//!   (browser.rs);
//! - large realistic handbooks, [`synthetic`] (`lajur::testing::synthetic`,
//!   also the generator of examples/gen_handbook.rs and benches/pipeline.rs);
//! - below: finding the programs a test drives, and saying loudly when one
//!   is missing.
//!
//! A test file says `mod support;` (a directory crate
//! `#[path = "../support/mod.rs"] mod support;`); not every file uses every
//! part, hence the allowances: what one crate leaves unused another uses.
#![allow(dead_code, unused_imports)]

mod browser;
mod files;
mod run;
mod site;

pub use browser::{dump_dom, headless, query_param, result_list, result_urls, search_page};
pub use files::{copy_dir, read, snapshot};
pub use lajur::testing::folder::{STEPS, handbook, sop, unit, write};
pub use lajur::testing::synthetic;
pub use run::{lajur_in, lajur_in_finite, lajur_output, said};
pub use site::Site;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Says that a test skipped a case for want of `what` (a program, or a
/// feature of the system) where it is seen: written to the terminal itself,
/// which `cargo test` does not hide even when the test passes. When the
/// comma-separated LAJUR_REQUIRE names `what` (.ci/run sets it), the skip
/// fails the test instead: CI must run the case, not pass without it.
pub fn skipped(what: &str, why: &str) {
    let required = std::env::var("LAJUR_REQUIRE")
        .is_ok_and(|list| list.split(',').any(|item| item.trim() == what));
    assert!(!required, "LAJUR_REQUIRE names {what}, but {why}");
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "\n**********************************************************\n\
         *** SKIPPED: {why}\n\
         **********************************************************"
    );
}

/// Makes a FIFO at `path` with mkfifo(1); false, said loudly, when it
/// cannot (and a failure under LAJUR_REQUIRE=mkfifo, as in .ci/run).
pub fn mkfifo(path: &Path) -> bool {
    let why = match Command::new("mkfifo").arg(path).output() {
        Ok(out) if out.status.success() => return true,
        Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_string(),
        Err(e) => format!("mkfifo(1) did not run: {e}"),
    };
    let at = path.display();
    skipped(
        "mkfifo",
        &format!("no FIFO at {at} ({why}): its case was NOT tested"),
    );
    false
}

/// `name` on the PATH, if it is installed.
pub fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}
