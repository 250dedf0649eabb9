//! Layout and SVG of a 15-step SOP: the flowchart is drawn on every build
//! and every save in `lajur serve`, so it must stay far under a millisecond
//! (target: 100 µs).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use lajur::config::Language;
use lajur::model::{Flow, Sop, Step, StepKind, Target};
use lajur::render::swimlane::{layout, render_svg};
use lajur::testing::model;

const ROLES: [&str; 5] = [
    "Sekretaris",
    "Kepala Bidang",
    "Kasubbag Perencanaan dan Keuangan",
    "Kepala Seksi",
    "Staf Penyusun Evaluasi Kinerja",
];

/// Fifteen steps over five lanes, with two revision loops, a forward skip
/// and a joint step: a large SOP of the kind the seeds are.
fn fifteen_steps() -> Sop {
    let n = 15;
    let steps = (0..n)
        .map(|i| {
            let lanes = if i == 2 { vec![1, 2] } else { vec![(i * 3) % 5] };
            let (kind, flow) = match i {
                0 => (StepKind::Mulai, Flow::next(Some(1))),
                6 | 11 => (
                    StepKind::Keputusan,
                    Flow::Decision {
                        ya: Target::step(i + 1),
                        tidak: Target::step(i - 2),
                        label_ya: "Ya".into(),
                        label_tidak: "Tidak".into(),
                    },
                ),
                3 => (StepKind::Proses, Flow::next(Some(5))),
                14 => (StepKind::Selesai, Flow::next(None)),
                _ => (StepKind::Proses, Flow::next(Some(i + 1))),
            };
            Step {
                kegiatan: format!(
                    "Mengkompilasikan form RKT dari masing-masing bidang untuk pertanggungjawaban tahap {}",
                    i + 1
                ),
                kind,
                flow,
                ..model::step(i + 1, &lanes, None)
            }
        })
        .collect();
    Sop {
        file: PathBuf::from("content/rkt.yaml"),
        path: "rkt".into(),
        nama: "SOP Tehnis Perencanaan Kinerja".into(),
        ..model::sop(
            "SOP-04/BPKPAD",
            ROLES.iter().map(|r| model::lane(r, None)).collect(),
            steps,
            Vec::new(),
        )
    }
}

fn bench(c: &mut Criterion) {
    let sop = fifteen_steps();
    c.bench_function("swimlane layout, 15 steps", |b| {
        b.iter(|| layout(black_box(&sop)))
    });
    c.bench_function("swimlane layout + svg, 15 steps", |b| {
        b.iter(|| render_svg(black_box(&sop), Language::Id))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
