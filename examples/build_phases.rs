//! Where a build's time goes: load, render, search index, write, each timed.
//!
//! ```text
//! cargo run --release --example build_phases -- ROOT [OUT]
//! ```
//!
//! The same stages as `lajur build`, in the same order; docs/performance.md
//! quotes its output.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(PathBuf::from) else {
        eprintln!("usage: build_phases ROOT [OUT]");
        return ExitCode::from(2);
    };
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("public"));
    let opts = lajur::Options {
        root: root.clone(),
        ..lajur::Options::default()
    };
    let all = Instant::now();
    let started = Instant::now();
    let loaded = lajur::source::load(&opts);
    let load = started.elapsed();
    let Some(handbook) = loaded.handbook.filter(|_| !loaded.diagnostics.has_errors()) else {
        eprintln!("the handbook has errors: run `lajur check`");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let mut files = match lajur::render::render_site(&handbook, &root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("render failed: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    let render = started.elapsed();
    let started = Instant::now();
    match lajur::search::index(&files, &handbook) {
        Ok(index) => files.extend(index),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    let search = started.elapsed();
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let started = Instant::now();
    if let Err(e) = lajur::output::write_site(&files, &handbook.assets, &out) {
        eprintln!("write failed: {e}");
        return ExitCode::FAILURE;
    }
    let write = started.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} SOPs: load {:.0} ms, render {:.0} ms, search {:.0} ms, write {:.0} ms \
         ({} files, {:.1} MB); total {:.0} ms",
        handbook.sops.len(),
        ms(load),
        ms(render),
        ms(search),
        ms(write),
        files.len(),
        bytes as f64 / 1e6,
        ms(all.elapsed())
    );
    ExitCode::SUCCESS
}
