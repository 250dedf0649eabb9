//! Realistic synthetic handbooks, for benchmarks and load tests.
//!
//! A handbook of `n` SOPs laid out as a province would publish it: agencies
//! (dinas, badan), each with bidang, each with seksi, about twenty SOPs per
//! seksi. Every SOP has 6 to 15 steps over 3 to 5 roles of its agency, most
//! have a decision with a revision loop, some a joint step, 2 to 5 legal
//! bases from a pool of real-looking regulations (PermenPAN-RB 35/2012 in
//! every one, as in life), and 0 to 3 keterkaitan to other SOPs. One SOP in
//! five is a `.md` file with a Markdown body.
//!
//! The same text can be written as bare Markdown pages for Hugo (one page per
//! SOP, identity as a list, steps as a table), to compare like with like.
//!
//! Part of `lajur::testing` (the test-support feature), for the tests
//! (`support::synthetic`), `examples/gen_handbook.rs` and
//! `benches/pipeline.rs`. Deterministic: the same `n` and seed give the same
//! bytes.

use crate::model::tanggal::MONTHS_ID;

mod files;
mod words;

pub use files::{sop_file, sop_markdown, sop_yaml, write_hugo, write_lajur};
use words::*;

/// SOPs per seksi (the leaf unit), bidang per agency, seksi per bidang.
const SOPS_PER_SEKSI: usize = 20;
const BIDANG_PER_AGENCY: usize = 5;
const SEKSI_PER_BIDANG: usize = 4;

/// A deterministic generator (SplitMix64): no dependency, same bytes on every
/// machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.range(1, n) == 1
    }
}

/// One regulation of the pool, as an SOP cites it.
fn regulation(i: usize) -> String {
    let number = i % 60 + 1;
    let year = 2003 + (i * 7) % 21;
    match i % 8 {
        0 => format!(
            "Undang-Undang Nomor {number} Tahun {year} tentang Pelayanan Publik Bidang {}",
            BIDANG[i % BIDANG.len()]
        ),
        1 => format!(
            "Peraturan Pemerintah Nomor {number} Tahun {year} tentang Pengelolaan Keuangan Daerah"
        ),
        2 => format!(
            "Peraturan Presiden Nomor {number} Tahun {year} tentang Pengadaan Barang/Jasa Pemerintah"
        ),
        3 => format!(
            "Peraturan Menteri Dalam Negeri Nomor {number} Tahun {year} tentang Pedoman {}",
            SEKSI[i % SEKSI.len()]
        ),
        4 => format!("PP No. {number} Tahun {year} tentang Manajemen Pegawai Negeri Sipil"),
        5 => format!(
            "Peraturan Daerah Provinsi Kalimantan Selatan Nomor {number} Tahun {year} tentang Urusan {}",
            BIDANG[i % BIDANG.len()]
        ),
        6 => format!(
            "Peraturan Gubernur Kalimantan Selatan Nomor {number} Tahun {year} tentang Uraian Tugas {}",
            AGENCIES[i % AGENCIES.len()].0
        ),
        _ => format!("UU {number}/{year}"),
    }
}

/// How many regulations the handbook cites: grows with its size, as a
/// larger government has more regional regulations.
fn regulation_pool(n: usize) -> usize {
    (n / 40).clamp(24, 480)
}

/// A role of an SOP's flowchart: its nama and maybe a singkatan.
#[derive(Clone)]
pub struct Role {
    pub nama: String,
    pub singkatan: Option<String>,
}

pub struct Step {
    pub kegiatan: String,
    /// Indices into the SOP's roles; two for a joint step.
    pub lanes: Vec<usize>,
    /// (tidak target, label_ya, label_tidak) for a decision.
    pub decision: Option<(usize, &'static str, &'static str)>,
    pub kelengkapan: Option<String>,
    pub waktu: &'static str,
    pub output: String,
    pub keterangan: Option<String>,
}

pub struct SynthSop {
    /// Content path without extension, e.g. "dinkes/pelayanan/perizinan/sop-00012".
    pub path: String,
    pub markdown: bool,
    pub nomor: String,
    pub nama: String,
    pub tanggal_pembuatan: String,
    pub tanggal_revisi: Option<String>,
    pub jabatan: String,
    pub pejabat: String,
    pub dasar_hukum: Vec<String>,
    pub kualifikasi: Vec<String>,
    /// (nomor of the other SOP, hubungan).
    pub keterkaitan: Vec<(String, &'static str)>,
    pub peralatan: Vec<&'static str>,
    pub peringatan: String,
    pub pencatatan: String,
    pub roles: Vec<Role>,
    pub steps: Vec<Step>,
    pub body: Option<String>,
}

/// A unit folder: its content path and nama.
pub struct SynthUnit {
    pub path: String,
    pub nama: String,
    pub satuan_kerja: Option<String>,
}

pub struct Synthetic {
    pub units: Vec<SynthUnit>,
    pub sops: Vec<SynthSop>,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// "Umum dan Kepegawaian" → "UmuKep": how offices shorten a unit in a
/// singkatan (Umpeg, Renkeu), unique among the names above.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .flat_map(|w| w.chars().take(3))
        .collect()
}

fn nomor(i: usize, agency: usize) -> String {
    format!("SOP-{:05}/{}", i + 1, AGENCIES[agency % AGENCIES.len()].1)
}

/// Which agency, bidang and seksi SOP `i` belongs to.
fn place(i: usize) -> (usize, usize, usize) {
    let seksi_all = i / SOPS_PER_SEKSI;
    let bidang_all = seksi_all / SEKSI_PER_BIDANG;
    (
        bidang_all / BIDANG_PER_AGENCY,
        bidang_all % BIDANG_PER_AGENCY,
        seksi_all % SEKSI_PER_BIDANG,
    )
}

/// The agency's name, made unique past the list (a national portal has the
/// same dinas in many regions).
fn agency_name(a: usize) -> String {
    let (name, _) = AGENCIES[a % AGENCIES.len()];
    match a / AGENCIES.len() {
        0 => format!("{name} Provinsi"),
        k => format!("{name} Wilayah {}", k + 1),
    }
}

fn bidang_name(a: usize, b: usize) -> String {
    BIDANG[(a + b) % BIDANG.len()].to_string()
}

fn seksi_name(a: usize, b: usize, s: usize) -> String {
    SEKSI[(a * 3 + b * 2 + s) % SEKSI.len()].to_string()
}

/// The handbook of `n` SOPs with this seed.
pub fn generate(n: usize, seed: u64) -> Synthetic {
    let mut rng = Rng::new(seed);
    let mut units = Vec::new();
    let mut sops = Vec::with_capacity(n);
    let pool = regulation_pool(n);
    for i in 0..n {
        let (a, b, s) = place(i);
        let agency = agency_name(a);
        let bidang = bidang_name(a, b);
        let seksi = seksi_name(a, b, s);
        let agency_path = slug(&agency);
        let bidang_path = format!("{agency_path}/{}", slug(&bidang));
        let seksi_path = format!("{bidang_path}/{}-{s}", slug(&seksi));
        if i % SOPS_PER_SEKSI == 0 {
            if s == 0 && b == 0 {
                units.push(SynthUnit {
                    path: agency_path.clone(),
                    nama: agency.clone(),
                    satuan_kerja: Some(format!("{agency} Pemerintah Provinsi Kalimantan Selatan")),
                });
            }
            if s == 0 {
                units.push(SynthUnit {
                    path: bidang_path.clone(),
                    nama: format!("Bidang {bidang}"),
                    satuan_kerja: None,
                });
            }
            units.push(SynthUnit {
                path: seksi_path.clone(),
                nama: format!("Seksi {seksi}"),
                satuan_kerja: None,
            });
        }
        sops.push(sop(&mut rng, i, n, pool, (a, b, s), &seksi_path));
    }
    Synthetic { units, sops }
}

fn sop(
    rng: &mut Rng,
    i: usize,
    n: usize,
    pool: usize,
    (a, b, s): (usize, usize, usize),
    unit_path: &str,
) -> SynthSop {
    let agency = agency_name(a);
    let short = AGENCIES[a % AGENCIES.len()].1;
    let bidang = bidang_name(a, b);
    let seksi = seksi_name(a, b, s);

    // The roles: maybe the applicant, the seksi head, staff, the bidang
    // head, the agency head (left to right, as the form draws them).
    let mut roles = Vec::new();
    if rng.one_in(3) {
        roles.push(Role {
            nama: rng.pick(APPLICANTS).to_string(),
            singkatan: None,
        });
    }
    let staff = rng.range(1, 2);
    for _ in 0..staff {
        let (nama, singkatan) = rng.pick(STAFF);
        if roles.iter().all(|r| r.nama != *nama) {
            roles.push(Role {
                nama: nama.to_string(),
                singkatan: singkatan.map(str::to_string),
            });
        }
    }
    roles.push(Role {
        nama: format!("Kepala Seksi {seksi} {short}"),
        singkatan: rng
            .one_in(2)
            .then(|| format!("Kasi {} {short}", initials(&seksi))),
    });
    if roles.len() < 4 || rng.one_in(2) {
        roles.push(Role {
            nama: format!("Kepala Bidang {bidang} {short}"),
            singkatan: rng
                .one_in(2)
                .then(|| format!("Kabid {} {short}", initials(&bidang))),
        });
    }
    if rng.one_in(2) {
        roles.push(Role {
            nama: format!("Kepala {agency}"),
            singkatan: None,
        });
    }
    roles.truncate(5);

    let count = rng.range(6, 15);
    let mut steps: Vec<Step> = Vec::with_capacity(count);
    let decisions = match count {
        6..=8 => rng.range(0, 1),
        _ => rng.range(1, 2),
    };
    let mut decision_at: Vec<usize> = (0..decisions)
        .map(|k| 2 + k * (count - 3) / decisions.max(1) + rng.range(0, 1))
        .filter(|&d| d < count - 1)
        .collect();
    decision_at.dedup();
    let mut lane = 0;
    for k in 0..count {
        // A random walk over the lanes: work moves to the next role and
        // comes back, as approvals do.
        if k > 0 {
            lane = match rng.range(0, 4) {
                0 => lane,
                1 | 2 => (lane + 1) % roles.len(),
                _ => rng.range(0, roles.len() - 1),
            };
        }
        let mut lanes = vec![lane];
        if k > 0 && k + 1 < count && rng.one_in(25) {
            lanes.push((lane + 1) % roles.len());
        }
        let object = *rng.pick(OBJECTS);
        let qualifier = *rng.pick(QUALIFIERS);
        let kegiatan = format!("{} {object} {qualifier}", rng.pick(VERBS))
            .trim_end()
            .to_string();
        let decision = decision_at.contains(&k).then(|| {
            let back = rng.range(1, 3).min(k);
            let (ya, tidak) = *rng.pick(DECISIONS);
            // 1-based step number of the revision loop's target.
            (k + 1 - back, ya, tidak)
        });
        steps.push(Step {
            kegiatan,
            lanes,
            decision,
            kelengkapan: (!rng.one_in(4)).then(|| {
                let mut first = object.to_string();
                if let Some(c) = first.get_mut(0..1) {
                    c.make_ascii_uppercase();
                }
                first
            }),
            waktu: rng.pick::<&str>(WAKTU),
            output: format!(
                "{} {}",
                rng.pick(OBJECTS),
                rng.pick(&[
                    "terverifikasi",
                    "final",
                    "tertanda tangan",
                    "terarsip",
                    "terkirim"
                ])
            ),
            keterangan: rng
                .one_in(6)
                .then(|| "Dilakukan pada hari kerja".to_string()),
        });
    }

    // Every role does something (an idle lane is a warning in `lajur check`):
    // hand it a step of a role that has several.
    for l in 0..roles.len() {
        if steps.iter().any(|s| s.lanes.contains(&l)) {
            continue;
        }
        let uses =
            |lane: usize, steps: &[Step]| steps.iter().filter(|s| s.lanes.contains(&lane)).count();
        let start = rng.range(0, count - 1);
        if let Some(k) = (0..count)
            .map(|d| (start + d) % count)
            .find(|&k| steps[k].lanes.len() == 1 && uses(steps[k].lanes[0], &steps) > 1)
        {
            steps[k].lanes[0] = l;
        }
    }

    let mut dasar_hukum = vec![
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan".to_string(),
    ];
    for _ in 0..rng.range(1, 4) {
        let r = regulation(rng.range(0, pool - 1));
        if !dasar_hukum.contains(&r) {
            dasar_hukum.push(r);
        }
    }

    // Keterkaitan to neighbours in the same seksi or the next one, by nomor.
    let mut keterkaitan = Vec::new();
    for _ in 0..rng.range(0, 3) {
        let other = (i + rng.range(1, 40)) % n;
        if other != i {
            let (oa, _, _) = place(other);
            let entry = (nomor(other, oa), *rng.pick(HUBUNGAN));
            if keterkaitan.iter().all(|(o, _)| *o != entry.0) {
                keterkaitan.push(entry);
            }
        }
    }

    let subject = *rng.pick(OBJECTS);
    let nama = format!("{} {} {} {}", rng.pick(NAMES), subject, seksi, i + 1);
    let year = 2015 + i % 10;
    let markdown = i % 5 == 4;
    SynthSop {
        path: format!("{unit_path}/sop-{:05}", i + 1),
        markdown,
        nomor: nomor(i, a),
        nama,
        tanggal_pembuatan: format!("{} {} {year}", 1 + i % 28, MONTHS_ID[i % 12]),
        tanggal_revisi: rng
            .one_in(3)
            .then(|| format!("{}-{}-{}", 1 + i % 27, 1 + (i / 3) % 12, year + 1)),
        jabatan: format!("Kepala {agency}"),
        pejabat: format!("Drs. H. Pejabat {}, M.Si", a + 1),
        dasar_hukum,
        kualifikasi: vec![
            "Memahami tugas pokok dan fungsi unit kerja".to_string(),
            format!(
                "Mampu mengoperasikan aplikasi {}",
                rng.pick(&["SIPD", "SIMPEG", "SIMDA", "e-Office"])
            ),
        ],
        keterkaitan,
        peralatan: vec!["Komputer", "Printer", "Jaringan internet", "ATK"][..rng.range(1, 4)]
            .to_vec(),
        peringatan: format!(
            "Apabila tidak dilaksanakan sesuai SOP, {} terhambat",
            subject
        ),
        pencatatan: "Disimpan sebagai arsip elektronik dan arsip fisik".to_string(),
        roles,
        steps,
        body: markdown.then(|| {
            format!(
                "## Ruang lingkup\n\nSOP ini mengatur {} di lingkungan **{agency}**, mulai dari \
                 penerimaan berkas sampai pengarsipan.\n\n## Catatan\n\n- Berkas yang tidak \
                 lengkap dikembalikan kepada pengaju.\n- Waktu penyelesaian dihitung dalam hari \
                 kerja.\n",
                subject
            )
        }),
    }
}
