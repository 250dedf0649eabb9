//! The flowchart of each page: each step in its lanes, and each decision
//! branching where the paper says.

use crate::html::{slug, svg, symbols};
use crate::papers::PAPERS;
use crate::{built, page};

#[test]
fn the_flowchart_draws_each_step_in_its_lanes() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let drawn = symbols(svg(&html));
        for (i, step) in paper.steps.iter().enumerate() {
            let position = (i + 1).to_string();
            let mut lanes: Vec<String> = drawn
                .iter()
                .filter(|(n, _, _)| *n == position)
                // With roles_per_agency a lane is SATKER/ROLE.
                .map(|(_, _, lane)| lane.rsplit('/').next().unwrap_or(lane).to_string())
                .collect();
            lanes.sort();
            lanes.dedup();
            let mut want: Vec<String> = step.lanes.iter().map(|l| slug(l)).collect();
            want.sort();
            assert_eq!(lanes, want, "{}: lanes of step {position}", paper.path);
        }
        let positions: std::collections::BTreeSet<&str> =
            drawn.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            positions.iter().all(|n| n
                .parse::<usize>()
                .is_ok_and(|n| n >= 1 && n <= paper.steps.len())),
            "{}: symbols of steps the paper does not have: {positions:?}",
            paper.path
        );
    }
}

#[test]
fn decisions_branch_where_the_paper_says() {
    let (_dir, site) = built();
    for paper in PAPERS {
        let html = page(&site, paper);
        let chart = svg(&html);
        for d in paper.decisions {
            let step = d.step.to_string();
            assert!(
                symbols(chart)
                    .iter()
                    .any(|(n, jenis, _)| *n == step && jenis == "keputusan"),
                "{}: step {step} is drawn as a decision",
                paper.path
            );
            for (label, target) in [d.ya, d.tidak] {
                // The steps table names each branch and where it leads.
                let to = if target == "selesai" {
                    "prosedur selesai".to_string()
                } else {
                    format!("<a href=\"#langkah-{target}\">")
                };
                let branch = format!("<span class=\"branch__label\">{label}</span> → {to}");
                assert!(html.contains(&branch), "{}: branch {branch}", paper.path);
                let arrow = format!("data-from=\"{step}\" data-to=\"{target}\"");
                assert!(chart.contains(&arrow), "{}: arrow {arrow}", paper.path);
                assert!(
                    chart.contains(&format!(">{label}</text>")),
                    "{}: branch label {label:?}",
                    paper.path
                );
                if target == "selesai" {
                    // The branch ends in a terminator of its own, in the
                    // lane of the decision.
                    let lane = &paper.steps[d.step - 1].lanes[0];
                    let end = chart.split("<g ").find(|g| {
                        g[..g.find('>').unwrap_or(g.len())]
                            .contains(&format!(" data-end-of=\"{step}\""))
                    });
                    let end = end.unwrap_or_else(|| panic!("{}: no end terminator", paper.path));
                    assert!(
                        end.contains(&format!("/{}\"", slug(lane))),
                        "{}: the end terminator sits in the lane of {lane}",
                        paper.path
                    );
                }
            }
        }
        // A paper without decisions draws none.
        if paper.decisions.is_empty() {
            assert!(
                !chart.contains("data-jenis=\"keputusan\""),
                "{}: no decision",
                paper.path
            );
        }
    }
}
