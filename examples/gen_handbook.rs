//! Writes a realistic synthetic handbook of N SOPs, for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_handbook -- N DIR [--hugo HUGO_DIR] [--seed S]
//! ```
//!
//! DIR becomes a lajur handbook (handbook.yaml, content/); with `--hugo`,
//! HUGO_DIR gets the same SOPs as bare Markdown pages for Hugo, to compare
//! like with like (scripts/bench.sh does both). What the SOPs look like:
//! see src/testing/synthetic/ (`lajur::testing::synthetic`).

use lajur::testing::synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_handbook N DIR [--hugo HUGO_DIR] [--seed S]";

fn main() -> ExitCode {
    let mut positional = Vec::new();
    let mut hugo = None;
    let mut seed = 35_2012_u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--hugo" => hugo = args.next().map(PathBuf::from),
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => {
                    eprintln!("--seed needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(arg),
        }
    }
    let (Some(n), Some(dir)) = (
        positional
            .first()
            .and_then(|n| n.replace('_', "").parse::<usize>().ok()),
        positional.get(1).map(PathBuf::from),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if n == 0 {
        eprintln!("N must be at least 1\n{USAGE}");
        return ExitCode::from(2);
    }
    if let Err(e) = synthetic::write_lajur(&dir, n, seed) {
        eprintln!("cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    if let Some(hugo) = hugo
        && let Err(e) = synthetic::write_hugo(&hugo, n, seed)
    {
        eprintln!("cannot write {}: {e}", hugo.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
