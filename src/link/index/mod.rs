//! Cross-reference indexes: the legal bases and the roles (pelaksana) seen
//! across every SOP, so that each gets a page linking back to the SOPs.
//!
//! Everything here is a pure function of a loaded [`Handbook`].

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::references as links;
use crate::model::slug::slugify;
use crate::model::waktu::DurationRange;
use crate::model::{Citation, Handbook, Hubungan, RegulationKind};

/// Everything the cross-link pages and the JSON need, built once per render.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Indexes {
    /// Every regulation, in the order of the legal hierarchy.
    pub regulations: Vec<Regulation>,
    /// Every role, sorted by nama.
    pub roles: Vec<Role>,
    /// `lane_roles[sop][lane]`: index into `roles` of the role a lane belongs to.
    pub lane_roles: Vec<Vec<Option<usize>>>,
    /// With `roles_per_agency`: every satuan kerja that has roles, sorted by
    /// nama (/pelaksana/SATKER/, one level above its roles' pages).
    pub agencies: Vec<Agency>,
    /// `backlinks[sop]`: the SOPs that point to it and how.
    pub backlinks: Vec<Vec<(usize, Hubungan)>>,
}

impl Indexes {
    pub fn build(handbook: &Handbook) -> Indexes {
        let roles = roles(handbook);
        let lane_roles = lane_roles(handbook, &roles);
        Indexes {
            agencies: agencies(&roles),
            regulations: regulations(handbook),
            roles,
            lane_roles,
            backlinks: links::backlinks(&handbook.sops),
        }
    }

    /// The regulation with this id.
    pub fn regulation(&self, id: &str) -> Option<&Regulation> {
        self.regulations.iter().find(|r| r.id == id)
    }

    /// The satuan kerja page a role belongs under (with `roles_per_agency`).
    pub fn agency_of(&self, role: &Role) -> Option<&Agency> {
        let (key, _) = role.slug.split_once('/')?;
        self.agencies.iter().find(|a| a.slug == key)
    }

    /// The role a lane of an SOP belongs to.
    pub fn lane_role(&self, sop: usize, lane: usize) -> Option<&Role> {
        let index = (*self.lane_roles.get(sop)?.get(lane)?)?;
        self.roles.get(index)
    }
}

/// A regulation cited as dasar hukum somewhere in the handbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Regulation {
    /// peraturan.go.id-style id: the page is /dasar-hukum/<id>/.
    pub id: String,
    pub kind: Option<RegulationKind>,
    /// The coarse group of the index page, in hierarchy order.
    pub group: RegulationGroup,
    /// "Undang-Undang Nomor 17 Tahun 2003".
    pub name: String,
    pub number: Option<String>,
    pub year: Option<u16>,
    pub place: Option<String>,
    /// The register's judul, else the longest title seen in citations.
    pub title: Option<String>,
    /// Link from the register (JDIH, peraturan.go.id).
    pub url: Option<String>,
    /// Ids of the regulations this one amends.
    pub amends: Vec<String>,
    /// Ids of the regulations that amend this one.
    pub amended_by: Vec<String>,
    /// Indices into `Handbook::sops` of the SOPs citing it, in handbook order.
    pub cited_by: Vec<usize>,
}

/// The groups of the /dasar-hukum/ page, in the order of the legal hierarchy
/// (UU 12/2011 pasal 7-8); the derive of `Ord` follows that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegulationGroup {
    Uu,
    Perppu,
    Pp,
    Perpres,
    PeraturanMenteri,
    Perda,
    PeraturanKepalaDaerah,
    Lainnya,
}

impl RegulationGroup {
    pub const ALL: [RegulationGroup; 8] = [
        RegulationGroup::Uu,
        RegulationGroup::Perppu,
        RegulationGroup::Pp,
        RegulationGroup::Perpres,
        RegulationGroup::PeraturanMenteri,
        RegulationGroup::Perda,
        RegulationGroup::PeraturanKepalaDaerah,
        RegulationGroup::Lainnya,
    ];

    pub fn of(kind: Option<RegulationKind>) -> RegulationGroup {
        use RegulationKind as K;
        match kind {
            Some(K::Uu) => RegulationGroup::Uu,
            Some(K::Perppu) => RegulationGroup::Perppu,
            Some(K::Pp) => RegulationGroup::Pp,
            Some(K::Perpres) => RegulationGroup::Perpres,
            Some(K::Permendagri | K::Pmk | K::Permenpanrb | K::Permenpan | K::Permen) => {
                RegulationGroup::PeraturanMenteri
            }
            Some(K::Perda) => RegulationGroup::Perda,
            Some(K::Pergub | K::Perbup | K::Perwali) => RegulationGroup::PeraturanKepalaDaerah,
            Some(K::Keppres | K::Inpres | K::Keputusan | K::SuratEdaran) | None => {
                RegulationGroup::Lainnya
            }
        }
    }

    /// The group's key in the regulations page's JSON and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            RegulationGroup::Uu => "uu",
            RegulationGroup::Perppu => "perppu",
            RegulationGroup::Pp => "pp",
            RegulationGroup::Perpres => "perpres",
            RegulationGroup::PeraturanMenteri => "peraturan-menteri",
            RegulationGroup::Perda => "perda",
            RegulationGroup::PeraturanKepalaDaerah => "peraturan-kepala-daerah",
            RegulationGroup::Lainnya => "lainnya",
        }
    }
}

/// The formal name a regulation page is titled with: "Undang-Undang Nomor
/// 17 Tahun 2003", "Peraturan Daerah Kota Banjarbaru Nomor 3 Tahun 2019".
/// A page about the regulation spells it out, as its own first page does. Kinds that do not say who issued them (a Peraturan Menteri of
/// some ministry, a Keputusan, a Surat Edaran) keep the words written
/// before "tentang", which do.
pub fn formal_name(citation: &Citation) -> String {
    use RegulationKind as K;
    let generic = matches!(
        citation.kind,
        None | Some(K::Permen | K::Keputusan | K::SuratEdaran)
    );
    if generic && let Some(head) = text_before_tentang(&citation.text) {
        return head;
    }
    let mut name = citation
        .kind
        .map(RegulationKind::label_id)
        .unwrap_or("Peraturan")
        .to_string();
    if let Some(place) = citation.place.as_deref().filter(|p| !p.trim().is_empty()) {
        name.push(' ');
        name.push_str(place.trim());
    }
    if let Some(number) = citation.number.as_deref().filter(|n| !n.trim().is_empty()) {
        name.push_str(" Nomor ");
        name.push_str(number.trim());
    }
    if let Some(year) = citation.year {
        // "215/PMK.05/2016" already carries its year.
        let has_year = citation
            .number
            .as_deref()
            .is_some_and(|n| n.contains('/') && n.trim_end().ends_with(&year.to_string()));
        if !has_year {
            name.push_str(&format!(" Tahun {year}"));
        }
    }
    name
}

fn text_before_tentang(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let end = lower.find(" tentang").unwrap_or(text.len());
    // `to_lowercase` can change byte lengths outside ASCII; only cut on a boundary.
    let head = text.get(..end).unwrap_or(text);
    let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
    (!head.is_empty()).then_some(head)
}

/// One entry per distinct regulation id cited in the handbook, plus every
/// regulation an amendment names (it gets a page even when no SOP cites it
/// directly), sorted by the legal hierarchy, then year, then number.
pub fn regulations(handbook: &Handbook) -> Vec<Regulation> {
    let mut by_id: BTreeMap<String, Regulation> = BTreeMap::new();
    for (sop_index, sop) in handbook.sops.iter().enumerate() {
        for citation in &sop.dasar_hukum {
            let Some(id) = citation.id.as_deref() else {
                continue;
            };
            let regulation = add_citation(&mut by_id, citation);
            if regulation.cited_by.last() != Some(&sop_index) {
                regulation.cited_by.push(sop_index);
            }
            add_amendments(&mut by_id, id, citation.amends.as_deref());
        }
    }
    for entry in &handbook.register {
        if let Some(regulation) = by_id.get_mut(&entry.id) {
            if let Some(judul) = entry.judul.as_deref().filter(|j| !j.trim().is_empty()) {
                regulation.title = Some(register_title(judul.trim(), &entry.id));
            }
            if let Some(url) = entry.url.as_deref().filter(|u| !u.trim().is_empty()) {
                regulation.url = Some(url.trim().to_string());
            }
        }
    }
    let mut out: Vec<Regulation> = by_id.into_values().collect();
    out.sort_by(compare_regulations);
    out
}

/// A register judul often repeats the name ("Undang-Undang Nomor 17 Tahun
/// 2003 tentang Keuangan Negara"); the page shows the name already, so only
/// what follows "tentang" is kept when the judul names this very regulation.
fn register_title(judul: &str, id: &str) -> String {
    let read = crate::citations::parse(judul);
    match read.title {
        Some(title) if read.id.as_deref() == Some(id) && !title.trim().is_empty() => {
            title.trim().to_string()
        }
        _ => judul.to_string(),
    }
}

fn add_citation<'a>(
    by_id: &'a mut BTreeMap<String, Regulation>,
    citation: &Citation,
) -> &'a mut Regulation {
    let id = citation.id.clone().unwrap_or_default();
    let regulation = by_id.entry(id.clone()).or_insert_with(|| Regulation {
        id,
        kind: citation.kind,
        group: RegulationGroup::of(citation.kind),
        name: formal_name(citation),
        number: citation.number.clone(),
        year: citation.year,
        place: citation.place.clone(),
        title: None,
        url: None,
        amends: Vec::new(),
        amended_by: Vec::new(),
        cited_by: Vec::new(),
    });
    // Fill in what an earlier, terser spelling ("UU 17/2003") left out.
    if regulation.kind.is_none() {
        regulation.kind = citation.kind;
        regulation.group = RegulationGroup::of(citation.kind);
    }
    if regulation.place.is_none() {
        regulation.place = citation.place.clone();
    }
    if let Some(title) = citation.title.as_deref().map(str::trim) {
        let longer = regulation
            .title
            .as_deref()
            .is_none_or(|t| title.chars().count() > t.chars().count());
        if longer && !title.is_empty() {
            regulation.title = Some(title.to_string());
        }
    }
    regulation
}

/// Records `amender → amended`, down a chain of amendments.
fn add_amendments(
    by_id: &mut BTreeMap<String, Regulation>,
    amender: &str,
    amended: Option<&Citation>,
) {
    let Some(amended) = amended else { return };
    let Some(amended_id) = amended.id.clone() else {
        return;
    };
    if amended_id == amender {
        return;
    }
    let regulation = add_citation(by_id, amended);
    if !regulation.amended_by.iter().any(|a| a == amender) {
        regulation.amended_by.push(amender.to_string());
    }
    if let Some(amending) = by_id.get_mut(amender)
        && !amending.amends.contains(&amended_id)
    {
        amending.amends.push(amended_id.clone());
    }
    add_amendments(by_id, &amended_id, amended.amends.as_deref());
}

fn compare_regulations(a: &Regulation, b: &Regulation) -> Ordering {
    a.group
        .cmp(&b.group)
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| a.year.cmp(&b.year))
        .then_with(|| compare_numbers(a.number.as_deref(), b.number.as_deref()))
        .then_with(|| a.id.cmp(&b.id))
}

/// Numbers compare by their leading digits first, so 9 comes before 12.
fn compare_numbers(a: Option<&str>, b: Option<&str>) -> Ordering {
    fn lead(n: &str) -> Option<u64> {
        let digits: String = n.trim().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    }
    match (a, b) {
        (Some(a), Some(b)) => match (lead(a), lead(b)) {
            (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
            _ => a.cmp(b),
        },
        _ => a.cmp(&b),
    }
}

/// A role (pelaksana) across the handbook: the lanes of every SOP that are
/// the same job, however each SOP spells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub nama: String,
    /// Slug of `nama`: the page is /pelaksana/<slug>/; with
    /// `roles_per_agency`, `<satker>/<nama>` (/pelaksana/SATKER/ROLE/).
    pub slug: String,
    /// With `roles_per_agency`: the satuan kerja the role belongs to.
    pub satuan_kerja: Option<String>,
    /// Every singkatan written for it.
    pub singkatan: Vec<String>,
    /// Other spellings of the nama met in lanes, besides `nama`.
    pub aliases: Vec<String>,
    /// Per SOP (in handbook order), what the role does there.
    pub sops: Vec<RoleInSop>,
    /// How many steps in all (a joint step counts once per role).
    pub step_count: usize,
    /// The sum of `RoleInSop::total_waktu`; None when no step has a readable waktu.
    pub total_waktu: Option<DurationRange>,
}

/// What one role does in one SOP.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleInSop {
    /// Index into `Handbook::sops`.
    pub sop: usize,
    /// The SOP's lanes that are this role (usually one).
    pub lanes: Vec<usize>,
    /// Indices into the SOP's steps, in order: every step done in one of those lanes.
    pub steps: Vec<usize>,
    /// The sum of those steps' waktu; None when none is readable.
    pub total_waktu: Option<DurationRange>,
}

/// Every role of the handbook, sorted by nama. Lanes are one role when their
/// nama or singkatan are the same up to case, spaces and punctuation, when the
/// singkatan of one is the nama or singkatan of another, or when
/// `roles:` in handbook.yaml maps one spelling to the other's nama. With
/// `roles_per_agency`, lanes are one role only within one satuan kerja.
pub fn roles(handbook: &Handbook) -> Vec<Role> {
    // Every lane of every SOP, in order: (sop, lane).
    let lanes: Vec<(usize, usize)> = handbook
        .sops
        .iter()
        .enumerate()
        .flat_map(|(s, sop)| (0..sop.lanes.len()).map(move |l| (s, l)))
        .collect();
    // Settings keys are other spellings; values the nama they stand for.
    let aliases: HashMap<String, &str> = handbook
        .config
        .roles
        .iter()
        .map(|(other, nama)| (slugify(other), nama.as_str()))
        .filter(|(key, _)| !key.is_empty())
        .collect();

    // Union-find over lanes: two lanes sharing any key are one role.
    let mut parent: Vec<usize> = (0..lanes.len()).collect();
    let mut owner_of_key: HashMap<String, usize> = HashMap::new();
    for (i, &(s, l)) in lanes.iter().enumerate() {
        for key in lane_keys(handbook, s, l, &aliases) {
            match owner_of_key.get(&key) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    owner_of_key.insert(key, i);
                }
            }
        }
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..lanes.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }

    let mut roles: Vec<Role> = groups
        .into_values()
        .map(|members| {
            let members: Vec<(usize, usize)> = members.iter().map(|&i| lanes[i]).collect();
            build_role(handbook, &members, &aliases)
        })
        .collect();
    roles.sort_by(|a, b| {
        a.nama
            .to_lowercase()
            .cmp(&b.nama.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    make_slugs_unique(&mut roles);
    roles
}

/// The keys a lane is known by: its nama, its singkatan, and the nama that
/// `roles:` gives either of them.
fn lane_keys(
    handbook: &Handbook,
    sop: usize,
    lane: usize,
    aliases: &HashMap<String, &str>,
) -> Vec<String> {
    let Some(lane) = handbook.sops.get(sop).and_then(|s| s.lanes.get(lane)) else {
        return Vec::new();
    };
    let mut keys = vec![slugify(&lane.nama)];
    if let Some(singkatan) = &lane.singkatan {
        keys.push(slugify(singkatan));
    }
    let mapped: Vec<String> = keys
        .iter()
        .filter_map(|k| aliases.get(k).map(|nama| slugify(nama)))
        .collect();
    keys.extend(mapped);
    keys.retain(|k| !k.is_empty());
    if let Some((agency, _)) = agency(handbook, sop) {
        for key in &mut keys {
            *key = format!("{agency}/{key}");
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// With `roles_per_agency`, the satuan kerja of SOP `sop`: its slug and its
/// name. None without the setting or for an SOP with no satuan kerja.
fn agency(handbook: &Handbook, sop: usize) -> Option<(String, &str)> {
    if !handbook.config.roles_per_agency {
        return None;
    }
    let nama = handbook.sops[sop].satuan_kerja.as_deref()?.trim();
    let key = slugify(nama);
    (!key.is_empty()).then_some((key, nama))
}

/// A satuan kerja of the handbook and its roles, with `roles_per_agency`:
/// the page a reader reaches going one level up from /pelaksana/SATKER/ROLE/.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agency {
    /// The satuan kerja as the first of its SOPs writes it.
    pub nama: String,
    /// The first segment of its roles' slugs: the page is /pelaksana/<slug>/.
    pub slug: String,
    /// Indices into `Indexes::roles`, in their order (by nama).
    pub roles: Vec<usize>,
}

/// The satuan kerja of the roles that have one (only with
/// `roles_per_agency`), sorted by nama.
pub fn agencies(roles: &[Role]) -> Vec<Agency> {
    let mut by_slug: BTreeMap<&str, Agency> = BTreeMap::new();
    for (i, role) in roles.iter().enumerate() {
        let (Some(nama), Some((key, _))) = (&role.satuan_kerja, role.slug.split_once('/')) else {
            continue;
        };
        by_slug
            .entry(key)
            .or_insert_with(|| Agency {
                nama: nama.clone(),
                slug: key.to_string(),
                roles: Vec::new(),
            })
            .roles
            .push(i);
    }
    let mut agencies: Vec<Agency> = by_slug.into_values().collect();
    agencies.sort_by(|a, b| {
        a.nama
            .to_lowercase()
            .cmp(&b.nama.to_lowercase())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    agencies
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The earlier lane stays the root, so groups keep handbook order.
    if ra != rb {
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high] = low;
    }
}

fn build_role(
    handbook: &Handbook,
    members: &[(usize, usize)],
    aliases: &HashMap<String, &str>,
) -> Role {
    let lane = |&(s, l): &(usize, usize)| &handbook.sops[s].lanes[l];
    let nama = role_nama(members.iter().map(lane), aliases);
    let agency = members.first().and_then(|&(s, _)| agency(handbook, s));

    let mut singkatan: Vec<String> = Vec::new();
    let mut other_names: Vec<String> = Vec::new();
    for member in members {
        let lane = lane(member);
        if let Some(s) = lane.singkatan.as_deref().map(str::trim)
            && !s.is_empty()
            && !singkatan.iter().any(|x| x == s)
        {
            singkatan.push(s.to_string());
        }
        let written = lane.nama.trim();
        if written != nama && !other_names.iter().any(|x| x == written) {
            other_names.push(written.to_string());
        }
    }
    // A nama written where a singkatan stands is listed as a singkatan only.
    other_names.retain(|n| !singkatan.iter().any(|s| slugify(s) == slugify(n)));

    let mut per_sop: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(s, l) in members {
        per_sop.entry(s).or_default().push(l);
    }
    let sops: Vec<RoleInSop> = per_sop
        .into_iter()
        .map(|(s, lanes)| {
            let sop = &handbook.sops[s];
            let steps: Vec<usize> = sop
                .steps
                .iter()
                .enumerate()
                .filter(|(_, step)| step.lanes.iter().any(|l| lanes.contains(l)))
                .map(|(i, _)| i)
                .collect();
            let total_waktu = sum_waktu(
                steps
                    .iter()
                    .filter_map(|&i| sop.steps[i].waktu.as_ref()?.duration.as_ref()),
            );
            RoleInSop {
                sop: s,
                lanes,
                steps,
                total_waktu,
            }
        })
        .collect();
    let step_count = sops.iter().map(|s| s.steps.len()).sum();
    let total_waktu = sum_waktu(sops.iter().filter_map(|s| s.total_waktu.as_ref()));
    let slug = match slugify(&nama) {
        s if s.is_empty() => "peran".to_string(),
        s => s,
    };
    let slug = match &agency {
        Some((key, _)) => format!("{key}/{slug}"),
        None => slug,
    };
    Role {
        nama,
        slug,
        satuan_kerja: agency.map(|(_, nama)| nama.to_string()),
        singkatan,
        aliases: other_names,
        sops,
        step_count,
        total_waktu,
    }
}

/// The nama a role is listed under: the one `roles:` names, else the one
/// most often written that is not somebody's singkatan (the full form), the
/// first written on a tie.
fn role_nama<'a>(
    lanes: impl Iterator<Item = &'a crate::model::Lane> + Clone,
    aliases: &HashMap<String, &str>,
) -> String {
    for lane in lanes.clone() {
        let keys = std::iter::once(&lane.nama).chain(lane.singkatan.as_ref());
        for key in keys {
            if let Some(nama) = aliases.get(&slugify(key)) {
                return nama.trim().to_string();
            }
        }
    }
    let singkatan: Vec<String> = lanes
        .clone()
        .filter_map(|l| l.singkatan.as_deref().map(slugify))
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for lane in lanes {
        let nama = lane.nama.trim();
        match counts.iter_mut().find(|(n, _)| n == nama) {
            Some((_, c)) => *c += 1,
            None => counts.push((nama.to_string(), 1)),
        }
    }
    counts
        .iter()
        .max_by(|(a, ca), (b, cb)| {
            let full_a = !singkatan.contains(&slugify(a));
            let full_b = !singkatan.contains(&slugify(b));
            full_a
                .cmp(&full_b)
                .then(ca.cmp(cb))
                // max_by keeps the last of equals: prefer the first written.
                .then(Ordering::Greater)
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

fn sum_waktu<'a>(ranges: impl Iterator<Item = &'a DurationRange>) -> Option<DurationRange> {
    let ranges: Vec<&DurationRange> = ranges.collect();
    (!ranges.is_empty()).then(|| DurationRange::sum(ranges))
}

/// Lanes whose nama slug the same are merged, so slugs only collide for
/// names with no letter or digit at all ("-", "?"): those get -2, -3, ...
/// With `roles_per_agency`, a role of an SOP without satuan kerja whose slug
/// is a satuan kerja's (/pelaksana/SATKER/ is that agency's page) gets -2 too.
fn make_slugs_unique(roles: &mut [Role]) {
    let mut seen: HashMap<String, usize> = roles
        .iter()
        .filter_map(|r| r.slug.split_once('/'))
        .map(|(agency, _)| (agency.to_string(), 1))
        .collect();
    for role in roles.iter_mut() {
        let count = seen.entry(role.slug.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            role.slug = format!("{}-{}", role.slug, count);
        }
    }
}

/// Gives every lane the slug of its role, so `data-lane` in the flowchart,
/// the role page and sop.json agree for a lane written by its singkatan or
/// in another spelling ("Kasubag Umum" → `kepala-sub-bagian-umum`).
pub fn assign_role_slugs(handbook: &mut Handbook, indexes: &Indexes) {
    for (sop, slots) in handbook.sops.iter_mut().zip(&indexes.lane_roles) {
        for (lane, slot) in sop.lanes.iter_mut().zip(slots) {
            if let Some(role) = slot.and_then(|r| indexes.roles.get(r)) {
                lane.slug = role.slug.clone();
            }
        }
    }
}

/// `lane_roles[sop][lane]`: the index into `roles` of each lane's role.
pub fn lane_roles(handbook: &Handbook, roles: &[Role]) -> Vec<Vec<Option<usize>>> {
    let mut out: Vec<Vec<Option<usize>>> = handbook
        .sops
        .iter()
        .map(|s| vec![None; s.lanes.len()])
        .collect();
    for (r, role) in roles.iter().enumerate() {
        for in_sop in &role.sops {
            for &lane in &in_sop.lanes {
                if let Some(slot) = out.get_mut(in_sop.sop).and_then(|v| v.get_mut(lane)) {
                    *slot = Some(r);
                }
            }
        }
    }
    out
}

/// Hand-built handbooks for tests here and in render::json.
#[cfg(test)]
mod tests;
