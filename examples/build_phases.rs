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
//! Each phase is given in wall time and, in brackets, in CPU time of all
//! threads (Linux only): on two cores a gain in CPU time can hide behind
//! the wall time of the slowest thread.
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
    let cpu_started = cpu_ms();
    let linked = match lajur::pipeline::load(&opts, &mut lajur::source::SourceCache::disabled())
        .and_then(lajur::pipeline::link)
    {
        Ok(linked) => linked,
        Err(e) => {
            eprintln!("{e}: run `lajur check`");
            return ExitCode::FAILURE;
        }
    };
    let load = started.elapsed();
    let load_cpu = cpu_ms() - cpu_started;
    let handbook = &linked.handbook;
    let producer = match lajur::pipeline::Producer::new(&linked, &root) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}: run `lajur check`");
            return ExitCode::FAILURE;
        }
    };
    // `lajur build` runs the search index beside render-and-write; here they
    // run one after the other, so each gets a time of its own.
    let staging = match lajur::output::Staging::create(
        &out,
        &handbook.assets,
        lajur::routes::OUTPUT_MARKER,
    ) {
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
    let cpu_started = cpu_ms();
    let only = std::env::var("PHASE").unwrap_or_default();
    if only != "search"
        && only != "load"
        && let Err(e) = producer.site(&write, false)
    {
        eprintln!("render failed: {e}");
        return ExitCode::FAILURE;
    }
    let render = started.elapsed();
    let render_cpu = cpu_ms() - cpu_started;
    let started = Instant::now();
    let cpu_started = cpu_ms();
    if only != "render"
        && only != "load"
        && let Err(e) = lajur::search::index_to(handbook, &linked.routes, &write)
    {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let search = started.elapsed();
    let search_cpu = cpu_ms() - cpu_started;
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
        "{} SOPs: load {:.0} ms [{load_cpu} cpu], render+write {:.0} ms [{render_cpu} cpu], \
         search {:.0} ms [{search_cpu} cpu], commit {:.0} ms ({} files, {:.1} MB); total {:.0} ms",
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

/// CPU time used so far by every thread of this process, user and system,
/// in milliseconds (to the kernel's clock tick, usually 10 ms); 0 where
/// /proc is missing.
fn cpu_ms() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // Fields after the command name, which is in brackets and may hold spaces:
    // utime and stime are the 14th and 15th fields of the whole line.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields
        .get(11..13)
        .map(|f| f.iter().filter_map(|v| v.parse::<u64>().ok()).sum())
        .unwrap_or(0);
    // USER_HZ is 100 on every Linux this runs on.
    ticks * 10
}
