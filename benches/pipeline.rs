//! The hot pieces of a build, each on its own, so that a regression shows up
//! here before it shows up in scripts/bench.sh: reading one SOP, rendering
//! one SOP page, drawing one flowchart, and a whole build of 200 SOPs.
//!
//! ```text
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- --warm-up-time 1 --measurement-time 2   # quick look
//! ```
//!
//! The SOPs are the synthetic ones of `gen_handbook` (same generator, same
//! seed), so these figures and the script's describe the same handbooks.

use lajur::testing::synthetic;

use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use lajur::config::Language;
use lajur::render::swimlane::render_svg;
use lajur::{Handbook, Options};
use tempfile::TempDir;

/// gen_handbook's default seed: the same SOPs as `scripts/bench.sh`.
const SEED: u64 = 35_2012;

/// The handbook the SOPs below are picked from (and the whole-build size).
const SOPS: usize = 200;

/// The SOPs of the render benchmark's handbook: enough for keterkaitan and
/// backlinks to land on the page, few enough that loading it stays cheap.
const FEW: usize = 20;

fn options(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        ..Options::default()
    }
}

/// A synthetic handbook of `n` SOPs in a fresh temp folder.
fn handbook_dir(n: usize) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    synthetic::write_lajur(dir.path(), n, SEED).expect("write the synthetic handbook");
    dir
}

/// Loads a handbook that must have no errors: a benchmark of a failing
/// build would measure the error path.
fn load(root: &Path) -> Handbook {
    let loaded = lajur::source::load(&options(root));
    assert!(
        !loaded.diagnostics.has_errors(),
        "the synthetic handbook has errors: {:?}",
        loaded.diagnostics
    );
    loaded.handbook.expect("a handbook")
}

/// The SOP with the most steps among the first `n` (15 with this seed: the
/// generator gives 6 to 15), and its index: the worst case of a page.
fn largest(n: usize) -> (usize, synthetic::SynthSop) {
    synthetic::generate(n, SEED)
        .sops
        .into_iter()
        .enumerate()
        .max_by_key(|(i, s)| (s.steps.len(), std::cmp::Reverse(*i)))
        .expect("at least one SOP")
}

/// A handbook of that one SOP: handbook.yaml and its file, so that loading
/// it is reading one SOP (the unit folders take their nama from their names).
fn one_sop_dir(sop: &synthetic::SynthSop) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    fs::write(root.join("handbook.yaml"), "title: Satu SOP\n").expect("write handbook.yaml");
    let (rel, text) = synthetic::sop_file(sop);
    let file = root.join("content").join(rel);
    fs::create_dir_all(file.parent().expect("a folder")).expect("create the unit folders");
    fs::write(file, text).expect("write the SOP");
    dir
}

fn read_one_sop(c: &mut Criterion) {
    let (_, sop) = largest(SOPS);
    let yaml = synthetic::sop_yaml(&sop);
    let steps = sop.steps.len();
    c.bench_function(&format!("yaml parse, one {steps}-step SOP"), |b| {
        b.iter(|| lajur::source::yaml::parse(black_box(&yaml), 0).expect("valid YAML"))
    });

    let dir = one_sop_dir(&sop);
    let opts = options(dir.path());
    assert_eq!(load(dir.path()).sops.len(), 1, "one SOP");
    c.bench_function(
        &format!("load handbook of one {steps}-step SOP (read, parse, model)"),
        |b| b.iter(|| lajur::source::load(black_box(&opts))),
    );
}

fn render_one_sop(c: &mut Criterion) {
    let dir = handbook_dir(FEW);
    let loaded = lajur::pipeline::load(
        &options(dir.path()),
        &mut lajur::source::SourceCache::disabled(),
    )
    .expect("the synthetic handbook has no errors");
    let linked = lajur::pipeline::link(loaded).expect("the synthetic handbook links");
    let (_, sop) = largest(FEW);
    let index = linked
        .handbook
        .sops
        .iter()
        .position(|s| s.nomor == sop.nomor)
        .expect("the SOP is in the handbook");
    // The templates are parsed on every call, as in `serve` after a save
    // (the indexes are made once per build, by the link stage).
    c.bench_function(
        &format!(
            "render one SOP page ({} steps, handbook of {FEW})",
            sop.steps.len()
        ),
        |b| {
            b.iter(|| {
                let producer = lajur::pipeline::Producer::new(black_box(&linked), dir.path())
                    .expect("the templates parse");
                lajur::output::keep_files(|sink| producer.sop_pages(&[index], sink))
                    .expect("the page renders")
            })
        },
    );
}

fn flowchart(c: &mut Criterion) {
    let (_, sop) = largest(SOPS);
    let dir = one_sop_dir(&sop);
    let handbook = load(dir.path());
    let model = &handbook.sops[0];
    c.bench_function(
        &format!(
            "swimlane layout + svg, generated {}-step SOP",
            model.steps.len()
        ),
        |b| b.iter(|| render_svg(black_box(model), Language::Id)),
    );
}

fn whole_build(c: &mut Criterion) {
    let dir = handbook_dir(SOPS);
    let opts = options(dir.path());
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("public");
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function(format!("lajur::build, {SOPS} SOPs"), |b| {
        b.iter(|| lajur::build(black_box(&opts), Some(public.clone())).expect("the build succeeds"))
    });
    group.finish();
}

criterion_group!(
    benches,
    read_one_sop,
    render_one_sop,
    flowchart,
    whole_build
);
criterion_main!(benches);
