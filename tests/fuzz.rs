//! Fuzzing every parser an author's text reaches: the YAML loader with
//! positions (and the SOP reader behind it, as `lajur check` runs it),
//! dates, waktu, citations, keterkaitan resolution, Markdown without raw
//! HTML, and the slugger.
//!
//! `cargo test --test fuzz` runs a quick pass (256 inputs per target). The
//! long run is `scripts/fuzz.sh`: the same targets with
//! `LAJUR_FUZZ_CASES=1000000` in a release build, under a memory limit, and
//! it reports per target how many inputs ran and the slowest one (a hang or
//! a quadratic path shows there). Inputs are built from each parser's own
//! vocabulary (keys, month names, units, regulation words, link schemes,
//! YAML anchors and aliases) mixed with any character at all, so they reach
//! deep into the parsers instead of failing on the first byte; and one input
//! in twenty is a token repeated up to 50 KB, where quadratic code shows.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use lajur::Config;
use lajur::link::references as links;
use lajur::model::{Hubungan, Relation, Sop, slug, tanggal::Date, waktu::Waktu};
use lajur::render::markdown::Markdown;
use lajur::source::yaml::{self, Value};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestCaseError, TestRunner};

/// How many inputs each target runs: 256, or `LAJUR_FUZZ_CASES`.
fn cases() -> u32 {
    std::env::var("LAJUR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Runs `check` on `cases()` inputs of `strategy` and prints how many ran and
/// the slowest input's time, for scripts/fuzz.sh to report.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(RunConfig {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..RunConfig::default()
    });
    let slowest = Mutex::new((Duration::ZERO, 0usize));
    let count = Mutex::new(0u64);
    let started = Instant::now();
    let result = runner.run(&strategy, |input| {
        let size = format!("{input:?}").len();
        let t = Instant::now();
        let r = check(input);
        let took = t.elapsed();
        let mut s = slowest.lock().unwrap();
        if took > s.0 {
            *s = (took, size);
        }
        *count.lock().unwrap() += 1;
        r
    });
    let (took, size) = *slowest.lock().unwrap();
    println!(
        "fuzz {name}: {} inputs in {:.1} s, slowest {:.1} ms (an input of {size} bytes)",
        count.lock().unwrap(),
        started.elapsed().as_secs_f64(),
        took.as_secs_f64() * 1000.0
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

/// Text made of `vocab` tokens, any characters and separators; one input in
/// twenty is one token repeated up to 50 KB.
fn text(vocab: &'static [&'static str], tokens: usize) -> BoxedStrategy<String> {
    let token = prop_oneof![
        6 => prop::sample::select(vocab).prop_map(String::from),
        2 => "[ \\t\\n\\r\\x0b\\x0c\\x1b\\x00\\u{85}\\u{2028}\\u{feff},.:;/()&*!|>#'\"\\[\\]{}<=%@`-]"
            .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => "[0-9]{1,12}".prop_map(String::from),
    ];
    let soup = prop::collection::vec(token, 0..tokens).prop_map(|v| v.concat());
    let repeated = (prop::sample::select(vocab), 1_000..50_000usize)
        .prop_map(|(t, bytes)| t.repeat(bytes / t.len().max(1)));
    prop_oneof![19 => soup, 1 => repeated].boxed()
}

const YAML: &[&str] = &[
    "nomor: ",
    "nama: ",
    "langkah:",
    "\n",
    "\n  ",
    "  ",
    "- ",
    "kegiatan: ",
    "pelaksana: ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "? ",
    "|",
    "|-\n",
    ">",
    "---\n",
    "...\n",
    "\"",
    "'",
    "# ",
    "!!str ",
    "!!binary ",
    "!x ",
    "%YAML 1.2\n",
    "%TAG ! x\n",
    "<<: ",
    "~",
    "null",
    "jenis: keputusan",
    "ya: ",
    "tidak: ",
    "waktu: 5 menit",
    "output: ",
    "dasar_hukum:",
    "keterkaitan:",
    "ref: ",
    "hubungan: lanjutan",
    "teks: ",
    "url: ",
    "tanggal_pembuatan: ",
    "7-11-2018",
    "disahkan_oleh:",
    "jabatan: ",
    "singkatan: ",
    "draft: ",
    "true",
    "\\u0000",
    "\\x1b",
    "\t",
    "\u{feff}",
    "é",
    "\u{1b}[31m",
];

const SOP_VALUES: &[&str] = &[
    "Penyusunan RKT",
    "SOP-01",
    "Kepala Bagian",
    "Staf",
    "5 menit",
    "1-2 hari",
    "tiga jam",
    "7-11-2018",
    "31 April 2020",
    "2018-11-07",
    "UU No. 17 Tahun 2003",
    "javascript:alert(1)",
    "https://jdih.go.id/",
    "\u{0b}",
    "\u{1b}[2J",
    "<script>",
    "&amp;",
    "\"",
    "ya",
    "tidak",
    "1",
    "0",
    "-1",
    "99999999999999999999",
    "",
    " ",
    "\n",
    "é",
    "日本",
    "Бухгалтерия",
    "[a](b)",
];

/// A mostly well-formed SOP with odd values, so the reader behind the YAML
/// tree (fields, lanes, steps, flow, dates, waktu) is reached too.
fn sop_text() -> BoxedStrategy<String> {
    let value = prop_oneof![
        4 => prop::sample::select(SOP_VALUES).prop_map(|v| format!("{v:?}")),
        1 => text(YAML, 8),
    ];
    let step = (value.clone(), value.clone(), value.clone(), 0..4usize, value.clone()).prop_map(
        |(k, p, w, kind, extra)| {
            let jenis = ["proses", "keputusan", "mulai", "selesai"][kind];
            format!(
                "  - kegiatan: {k}\n    pelaksana: {p}\n    waktu: {w}\n    jenis: {jenis}\n    ya: {extra}\n    tidak: 1\n"
            )
        },
    );
    (
        value.clone(),
        value.clone(),
        prop::collection::vec(value.clone(), 0..4),
        prop::collection::vec(step, 0..12),
        prop::collection::vec(value, 0..3),
        any::<bool>(),
    )
        .prop_map(|(nomor, nama, lanes, steps, dasar, md)| {
            let mut s = format!("nomor: {nomor}\nnama: {nama}\npelaksana:\n");
            for l in lanes {
                s.push_str(&format!("  - {l}\n"));
            }
            s.push_str("dasar_hukum:\n");
            for d in dasar {
                s.push_str(&format!("  - {d}\n"));
            }
            s.push_str("langkah:\n");
            s.push_str(&steps.concat());
            if md {
                format!("---\n{s}---\n# Isi\n")
            } else {
                s
            }
        })
        .boxed()
}

fn node_count(n: &yaml::Node) -> usize {
    match &n.value {
        Value::Null | Value::Scalar(_) => 1,
        Value::Seq(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        Value::Map(e) => {
            1 + e
                .iter()
                .map(|(k, v)| node_count(k) + node_count(v))
                .sum::<usize>()
        }
    }
}

#[test]
fn yaml_loader() {
    fuzz("yaml", (text(YAML, 60), 0..3usize), |(t, offset)| {
        match yaml::parse(&t, offset) {
            Ok(node) => {
                prop_assert!(node.pos.line > offset);
                prop_assert!(node_count(&node) <= yaml::MAX_NODES + 1);
            }
            Err(e) => {
                prop_assert!(e.pos.line > offset, "{e:?}");
                prop_assert!(!e.message.is_empty());
            }
        }
        Ok(())
    });
}

#[test]
fn sop_reader() {
    let config = Config::default();
    let strategy = prop_oneof![3 => sop_text(), 1 => text(YAML, 80)];
    fuzz("sop", strategy, |t| {
        let rel = if t.starts_with("---") {
            "x.md"
        } else {
            "x.yaml"
        };
        let (sop, diagnostics) = lajur::source::read_sop_text(rel, &t, &config);
        for d in &diagnostics {
            prop_assert!(d.line >= 1 || d.line == 0);
            prop_assert!(!d.message.is_empty());
        }
        if let Some(sop) = sop {
            for (i, step) in sop.steps.iter().enumerate() {
                prop_assert_eq!(step.number, i + 1);
                prop_assert!(step.lanes.iter().all(|&l| l < sop.lanes.len().max(1)));
            }
        }
        Ok(())
    });
}

const DATES: &[&str] = &[
    "2018",
    "11",
    "07",
    "7",
    "31",
    "29",
    "0",
    "1900",
    "2024",
    "-",
    "/",
    ".",
    " ",
    ", ",
    "Januari",
    "FEBRUARI",
    "Mei",
    "Agustus",
    "Agt",
    "Nov",
    "Desember",
    "December",
    "Sept",
    "Senin, ",
    "Minggu",
    "tanggal ",
    "tahun",
    "-2018",
    "99999999999",
    "2147483648",
    "٣",
    "１２",
];

#[test]
fn dates() {
    fuzz("dates", text(DATES, 8), |t| {
        if let Ok(d) = Date::parse(&t) {
            // A month alone has day 0, a year alone month 0 too.
            prop_assert!(d.month <= 12 && d.day <= 31 && (d.month > 0 || d.day == 0));
            prop_assert_eq!(Date::parse(&d.iso()), Ok(d), "{}", d.iso());
            let _ = d.long_id();
            let _ = d.long_en();
        }
        Ok(())
    });
}

const WAKTU: &[&str] = &[
    "5",
    "1,5",
    "0.5",
    "1/2",
    "setengah",
    "satu",
    "dua",
    "tiga",
    "sepuluh",
    " ",
    "-",
    "–",
    "s.d.",
    "sampai",
    "menit",
    "mnt",
    "jam",
    "hari",
    "hari kerja",
    "minggu",
    "pekan",
    "bulan",
    "tahun",
    "detik",
    "maksimal ",
    "paling lama ",
    "±",
    "1e308",
    "99999999999999999999",
    "NaN",
    "inf",
    "'",
    "OH",
    "HK",
];

#[test]
fn waktu() {
    fuzz("waktu", text(WAKTU, 10), |t| {
        let w = Waktu::parse(&t);
        if let Some(range) = w.duration {
            for d in [range.min, range.max] {
                prop_assert!(d.minutes.is_finite() && d.days.is_finite() && d.months.is_finite());
                prop_assert!(d.minutes >= 0.0 && d.days >= 0.0 && d.months >= 0.0);
            }
            let _ = range.display(lajur::config::Language::Id);
            let _ = range.display(lajur::config::Language::En);
        }
        Ok(())
    });
}

const CITATIONS: &[&str] = &[
    "Undang-Undang",
    "UU",
    "Peraturan Pemerintah",
    "PP",
    "Perpres",
    "Peraturan Menteri",
    "Permendagri",
    "PermenPAN-RB",
    "Menteri Keuangan",
    "Keputusan",
    "Surat Edaran",
    "Perda",
    "Peraturan Daerah",
    "Provinsi",
    "Kabupaten",
    "Kota",
    "Banjarbaru",
    "Nomor",
    "No.",
    "No",
    "17",
    "215/PMK.05/2016",
    "Tahun",
    "2003",
    "tentang",
    "Perubahan",
    "Kedua",
    "atas",
    "Perubahan atas ",
    "Undang-Undang Dasar 1945",
    "UUD",
    " ",
    ", ",
    ".",
    "/",
    "-",
    "1.",
    "a.",
    "(",
    ")",
    "\"",
    "Bupati",
    "Walikota",
    "Gubernur",
    "Nomor 3 Tahun 2019 tentang ",
    "../",
];

#[test]
fn citations() {
    fuzz("citations", text(CITATIONS, 24), |t| {
        let c = lajur::citations::parse(&t);
        let _ = lajur::link::index::formal_name(&c);
        let _ = lajur::search::citations::aliases(&c);
        if let Some(id) = &c.id {
            // The id is a folder of the site (/dasar-hukum/<id>/).
            prop_assert!(
                !id.is_empty()
                    && id
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{id:?}"
            );
        }
        Ok(())
    });
}

const NAMES: &[&str] = &[
    "SOP",
    "SOP-01",
    "sop 01",
    "Penyusunan",
    "RKT",
    "rkt",
    "umum/rkt",
    "content/umum/rkt.yaml",
    "Umum",
    "/",
    ".",
    "-",
    " ",
    "  ",
    "é",
    "É",
    "ß",
    "İ",
    "Σ",
    "..",
    ".md",
    ".yaml",
];

#[test]
fn keterkaitan() {
    let sop = (text(NAMES, 6), text(NAMES, 6), text(NAMES, 4));
    let relation = (text(NAMES, 6), 0..4usize);
    let strategy = prop::collection::vec((sop, prop::collection::vec(relation, 0..4)), 1..8);
    fuzz("keterkaitan", strategy, |spec| {
        let mut sops: Vec<Sop> = spec
            .iter()
            .enumerate()
            .map(|(i, ((nomor, nama, path), relations))| Sop {
                file: format!("content/{i}.yaml").into(),
                path: slug::slugify_path(path),
                nomor: nomor.clone(),
                nama: nama.clone(),
                keterkaitan: relations
                    .iter()
                    .map(|(r, h)| Relation {
                        reference: r.clone(),
                        hubungan: Hubungan::ALL[*h].1,
                        ..Relation::default()
                    })
                    .collect(),
                ..Sop::default()
            })
            .collect();
        let _ = links::resolve(&mut sops);
        let n = sops.len();
        for (i, sop) in sops.iter().enumerate() {
            for r in &sop.keterkaitan {
                if let Some(t) = r.target {
                    // An SOP that lists itself keeps the entry, marked.
                    prop_assert!(t < n && (t != i || r.is_self));
                }
            }
        }
        for back in links::backlinks(&sops) {
            prop_assert!(back.iter().all(|(from, _)| *from < n));
        }
        Ok(())
    });
}

const MARKDOWN: &[&str] = &[
    "[a](",
    "](",
    ")",
    "[x]: ",
    "<",
    ">",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    " javascript:",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "javascript&colon;",
    "vbscript:",
    "data:text/html,",
    "DATA:",
    "alert(1)",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:x\">",
    "<svg onload=alert(1)>",
    "<iframe>",
    "![i](",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "\n",
    "\n\n",
    "# ",
    "| a | b |\n|---|---|\n",
    "[^1]",
    "[^1]: ",
    "http://x.id/",
    "https://",
    "mailto:",
    "/",
    "#",
    " ",
    "\"",
    "'",
    "<!--",
    "-->",
    "<http://a>",
    "<javascript:alert(1)>",
    "&",
    "&amp;",
    "\\",
    "  \n",
    "> ",
    "- ",
    "1. ",
    "~~",
    "<br>",
    "\u{0}",
    "\u{1b}",
    "\u{0b}",
];

/// Tags pulldown-cmark writes for Markdown; anything else in the output
/// came from raw HTML.
const TAGS: &[&str] = &[
    "p",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "div",
    "section",
];

fn decoded(value: &str) -> String {
    value
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// A link target the Safety section allows: http(s), mailto, a path or an anchor.
fn safe_target(value: &str) -> bool {
    let v: String = decoded(value)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match v.find(':') {
        None => true,
        Some(i) => {
            let before = &v[..i];
            // A scheme is a letter, then letters, digits, '+', '-' or '.'
            // (RFC 3986); before anything else a colon is part of a path.
            let is_scheme = before.starts_with(|c: char| c.is_ascii_alphabetic())
                && before
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            !is_scheme || ["http", "https", "mailto"].contains(&before)
        }
    }
}

#[test]
fn markdown_without_html() {
    let md = Markdown {
        base_url: "/sop/",
        allow_html: false,
        heading_offset: 1,
    };
    fuzz("markdown", text(MARKDOWN, 40), |t| {
        let html = md.render(&t);
        let mut rest = html.as_str();
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
            let tag = &rest[start + 1..end];
            rest = &rest[end.min(rest.len())..];
            let tag = tag.trim_start_matches('/');
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            prop_assert!(TAGS.contains(&name.as_str()), "tag <{tag}> in {html}");
            for attr in tag.split(' ').skip(1) {
                let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
                prop_assert!(!key.starts_with("on"), "{attr} in {html}");
                if key == "href" || key == "src" {
                    prop_assert!(safe_target(value.trim_matches('"')), "{attr} in {html}");
                }
            }
        }
        Ok(())
    });
}

const SLUG_NAMES: &[&str] = &[
    "Bagian Umum",
    "Бухгалтерия",
    "会计",
    "Ä",
    "é",
    "_",
    "-",
    " ",
    "..",
    "/",
    "ǅ",
    "ﬁ",
    "İ",
    "\u{301}",
    "0",
    "SOP – 04/BPKPAD",
];

#[test]
fn slugger() {
    fuzz("slug", text(SLUG_NAMES, 12), |t| {
        let s = slug::slugify(&t);
        prop_assert!(
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{s:?}"
        );
        prop_assert!(
            !s.starts_with('-') && !s.ends_with('-') && !s.contains("--"),
            "{s:?}"
        );
        prop_assert_eq!(slug::slugify(&s), s.clone());
        let p = slug::slugify_path(&t);
        // A segment that slugs to nothing is reported by `check`; none is `..`.
        prop_assert!(
            p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '/'),
            "{p:?}"
        );
        prop_assert!(p.split('/').all(|seg| seg != ".." && seg != "."), "{p:?}");
        Ok(())
    });
}
