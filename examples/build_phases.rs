//! Where a build's time goes: load, render and write, search index, commit,
//! each timed.
//!
//! ```text
//! cargo run --release --example build_phases -- ROOT [OUT]
//! ```
//!
//! `PHASE=render` or `PHASE=search` in the environment runs only that one of
//! the two, so `/usr/bin/time -v` shows the peak memory of each.
//!
//! The same stages as `lajur build`, in the same order; docs/performance.md
//! quotes its output.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

// The allocator `lajur` itself uses, so the phases cost what they cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    // `lajur build` runs the search index beside render-and-write; here they
    // run one after the other, so each gets a time of its own.
    let staging = match lajur::output::Staging::create(&out, &handbook.assets) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    };
    let bytes = AtomicUsize::new(0);
    let write = |file: lajur::OutputFile| {
        bytes.fetch_add(file.bytes.len(), Ordering::Relaxed);
        staging.put(&file)
    };
    let started = Instant::now();
    let only = std::env::var("PHASE").unwrap_or_default();
    if only != "search"
        && only != "load"
        && let Err(e) = lajur::render::render_site_to(&handbook, &root, &write)
    {
        eprintln!("render failed: {e:?}");
        return ExitCode::FAILURE;
    }
    let render = started.elapsed();
    let started = Instant::now();
    if only != "render"
        && only != "load"
        && let Err(e) = lajur::search::index_to(&handbook, &write)
    {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let search = started.elapsed();
    let started = Instant::now();
    let written = match staging.commit() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("write failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let commit = started.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} SOPs: load {:.0} ms, render+write {:.0} ms, search {:.0} ms, commit {:.0} ms \
         ({} files, {:.1} MB); total {:.0} ms",
        handbook.sops.len(),
        ms(load),
        ms(render),
        ms(search),
        ms(commit),
        written.files,
        bytes.load(Ordering::Relaxed) as f64 / 1e6,
        ms(all.elapsed())
    );
    ExitCode::SUCCESS
}
