//! The pages that tie SOPs together: the legal bases (/dasar-hukum/) and the
//! roles (/pelaksana/), plus the open data (sop.json, handbook.json).
//!
//! The indexes are computed once by [`Indexes::build`]; this module only
//! turns them into template values and files.

use rayon::prelude::*;
use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::config::Language;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::link::index::{Agency, Indexes, Regulation, RegulationGroup, Role};
use crate::model::{Handbook, RegulationKind};
use crate::routes::Kind;

use super::RenderError;
use super::json;
use super::pages::{Builder, Link, SopSummary};
use super::templates::Templates;
use crate::i18n;
use crate::output::{OutputFile, Sink};

/// The links of the navigation bar to the cross-link pages, for the `nav`
/// global: only those with something to show.
pub fn nav(builder: &Builder<'_>) -> Vec<Link> {
    builder
        .routes
        .nav()
        .map(|kind| Link {
            title: section_title(builder.language, kind).to_string(),
            url: builder.url(kind),
        })
        .collect()
}

/// A section's name.
fn section_title(language: Language, kind: Kind) -> &'static str {
    let t = i18n::strings(language);
    match kind {
        Kind::Regulations => t.regulations,
        Kind::Roles => t.roles,
        other => unreachable!("{other:?} is not a section of the navigation"),
    }
}

/// Every cross-link file: dasar-hukum/index.html, dasar-hukum/<id>/index.html,
/// pelaksana/index.html, pelaksana/<slug>/index.html (with roles_per_agency
/// also pelaksana/<satker>/index.html), <sop>/sop.json and
/// handbook.json, each handed to `sink` when made; returns their paths.
/// Pages run in parallel; every template error is returned.
pub fn render(
    builder: &Builder<'_>,
    theme: &Templates,
    indexes: &Indexes,
    sink: Sink<'_>,
) -> Result<Vec<String>, RenderError> {
    let jobs: Vec<Job> = [Job::Regulations, Job::Roles, Job::HandbookJson]
        .into_iter()
        .chain((0..indexes.regulations.len()).map(Job::Regulation))
        .chain((0..indexes.roles.len()).map(Job::Role))
        .chain((0..indexes.agencies.len()).map(Job::Agency))
        .chain((0..builder.handbook.sops.len()).map(Job::SopJson))
        .collect();
    // Every SOP in a list, made once: each is listed on the page of every
    // role it has and of every regulation it cites.
    let summaries: Vec<SopSummary> = (0..builder.handbook.sops.len())
        .into_par_iter()
        .map(|i| builder.sop_summary(i))
        .collect();
    // Each file goes to the sink as soon as it is made: at ten thousand
    // SOPs the JSON and role pages alone are some 300 MB.
    let results: Vec<Result<String, RenderError>> = jobs
        .par_iter()
        .map(|job| {
            let file = job
                .render(builder, theme, indexes, &summaries)
                .map_err(|d| RenderError::Pages(Diagnostics(vec![d])))?;
            let path = file.path.clone();
            sink(file).map_err(RenderError::Write)?;
            Ok(path)
        })
        .collect();
    let mut paths = Vec::with_capacity(results.len());
    let mut errors: Vec<Diagnostic> = Vec::new();
    for result in results {
        match result {
            Ok(path) => paths.push(path),
            Err(RenderError::Write(e)) => return Err(RenderError::Write(e)),
            Err(RenderError::Pages(list)) => {
                for d in list {
                    if !errors.contains(&d) {
                        errors.push(d);
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(paths)
    } else {
        Err(RenderError::Pages(Diagnostics(errors)))
    }
}

enum Job {
    Regulations,
    Regulation(usize),
    Roles,
    Role(usize),
    Agency(usize),
    SopJson(usize),
    HandbookJson,
}

impl Job {
    fn render(
        &self,
        builder: &Builder<'_>,
        theme: &Templates,
        indexes: &Indexes,
        summaries: &[SopSummary],
    ) -> Result<OutputFile, Diagnostic> {
        let handbook = builder.handbook;
        let routes = builder.routes;
        let mut ctx = tera::Context::new();
        // `capacity`: the page's size, roughly, so its buffer is not grown
        // over and over (a role's page runs to megabytes on a large handbook).
        let page = |ctx: &mut tera::Context, template: &str, path: String, capacity: usize| {
            Ok(OutputFile {
                path,
                bytes: theme.render_bytes(template, ctx, capacity)?,
            })
        };
        match self {
            Job::Regulations => {
                ctx.insert("page", &regulations_page(builder, indexes));
                ctx.insert("breadcrumbs", &home(builder));
                page(
                    &mut ctx,
                    "dasar-hukum.html",
                    routes.get(Kind::Regulations).path.clone(),
                    16_384 + 512 * indexes.regulations.len(),
                )
            }
            Job::Regulation(i) => {
                let regulation = &indexes.regulations[*i];
                ctx.insert(
                    "page",
                    &regulation_page(builder, indexes, summaries, regulation),
                );
                ctx.insert("breadcrumbs", &section(builder, Kind::Regulations));
                page(
                    &mut ctx,
                    "regulasi.html",
                    routes.get(Kind::Regulation(*i)).path.clone(),
                    8_192 + 640 * regulation.cited_by.len(),
                )
            }
            Job::Roles => {
                ctx.insert("page", &roles_page(builder, indexes));
                ctx.insert("breadcrumbs", &home(builder));
                page(
                    &mut ctx,
                    "pelaksana.html",
                    routes.get(Kind::Roles).path.clone(),
                    16_384 + 512 * indexes.roles.len(),
                )
            }
            Job::Role(i) => {
                let role = &indexes.roles[*i];
                ctx.insert("page", &role_page(builder, summaries, *i));
                let mut crumbs = section(builder, Kind::Roles);
                if let Some(agency) = indexes.agency_of(role) {
                    crumbs.push(Link {
                        title: agency.nama.clone(),
                        url: builder.url(Kind::Agency(agency_index(indexes, agency))),
                    });
                }
                ctx.insert("breadcrumbs", &crumbs);
                page(
                    &mut ctx,
                    "peran.html",
                    routes.get(Kind::Role(*i)).path.clone(),
                    16_384 + 1_280 * role.sops.len() + 896 * role.step_count,
                )
            }
            Job::Agency(i) => {
                let agency = &indexes.agencies[*i];
                ctx.insert("page", &agency_page(builder, indexes, *i));
                ctx.insert("breadcrumbs", &section(builder, Kind::Roles));
                page(
                    &mut ctx,
                    "pelaksana.html",
                    routes.get(Kind::Agency(*i)).path.clone(),
                    8_192 + 512 * agency.roles.len(),
                )
            }
            Job::SopJson(i) => Ok(OutputFile {
                path: routes.sop(*i).json.path.clone(),
                bytes: json::sop_json_bytes(handbook, *i, indexes, routes),
            }),
            Job::HandbookJson => Ok(OutputFile {
                path: routes.get(Kind::HandbookJson).path.clone(),
                bytes: json::handbook_json_bytes(handbook, indexes, routes),
            }),
        }
    }
}

fn home(builder: &Builder<'_>) -> Vec<Link> {
    vec![Link {
        title: i18n::strings(builder.language).home.to_string(),
        url: builder.url(Kind::Front),
    }]
}

/// Home, then the section index (for a regulation or a role page).
fn section(builder: &Builder<'_>, index: Kind) -> Vec<Link> {
    let mut crumbs = home(builder);
    crumbs.push(Link {
        title: section_title(builder.language, index).to_string(),
        url: builder.url(index),
    });
    crumbs
}

/// The position of `agency` (one of `indexes.agencies`) in its list.
fn agency_index(indexes: &Indexes, agency: &Agency) -> usize {
    indexes
        .agencies
        .iter()
        .position(|a| std::ptr::eq(a, agency))
        .expect("agency_of returns one of the agencies")
}

/// The page of a regulation of the indexes.
fn regulation_url(builder: &Builder<'_>, r: &Regulation) -> String {
    builder
        .routes
        .regulation(&r.id)
        .expect("every regulation of the indexes has a page")
        .url
        .clone()
}

/// A regulation in a list.
#[derive(Debug, Serialize)]
struct RegulationItem {
    id: String,
    name: String,
    title: Option<String>,
    url: String,
    /// How many SOPs cite it.
    sop_count: usize,
}

fn regulation_item(builder: &Builder<'_>, r: &Regulation) -> RegulationItem {
    RegulationItem {
        id: r.id.clone(),
        name: r.name.clone(),
        title: r.title.clone(),
        url: regulation_url(builder, r),
        sop_count: r.cited_by.len(),
    }
}

#[derive(Debug, Serialize)]
struct RegulationGroupItem {
    key: &'static str,
    title: &'static str,
    count: usize,
    regulations: Vec<RegulationItem>,
}

#[derive(Debug, Serialize)]
struct RegulationsPage {
    title: &'static str,
    url: String,
    count: usize,
    groups: Vec<RegulationGroupItem>,
}

fn regulations_page(builder: &Builder<'_>, indexes: &Indexes) -> RegulationsPage {
    let lang = builder.language;
    let groups = RegulationGroup::ALL
        .iter()
        .filter_map(|&group| {
            let regulations: Vec<RegulationItem> = indexes
                .regulations
                .iter()
                .filter(|r| r.group == group)
                .map(|r| regulation_item(builder, r))
                .collect();
            (!regulations.is_empty()).then(|| RegulationGroupItem {
                key: group.as_str(),
                title: i18n::regulation_group(lang, group),
                count: regulations.len(),
                regulations,
            })
        })
        .collect();
    RegulationsPage {
        title: i18n::strings(lang).regulations,
        url: builder.url(Kind::Regulations),
        count: indexes.regulations.len(),
        groups,
    }
}

/// One SOP citing a regulation, with the words it used: the fields of its
/// summary and `written`.
#[derive(Debug)]
struct Citing<'a> {
    sop: &'a SopSummary,
    /// The dasar_hukum line as the SOP writes it.
    written: Vec<&'a str>,
}

impl Serialize for Citing<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Citing", SopSummary::FIELDS + 1)?;
        self.sop.serialize_fields(&mut out)?;
        out.serialize_field("written", &self.written)?;
        out.end()
    }
}

#[derive(Debug, Serialize)]
struct RegulationPage<'a> {
    id: String,
    name: String,
    /// "Undang-Undang", for the kicker above the name.
    kind: Option<&'static str>,
    title: Option<String>,
    number: Option<String>,
    year: Option<u16>,
    place: Option<String>,
    url: String,
    /// The register's link to the full text.
    source_url: Option<String>,
    amends: Vec<RegulationItem>,
    amended_by: Vec<RegulationItem>,
    sops: Vec<Citing<'a>>,
}

fn regulation_page<'a>(
    builder: &Builder<'a>,
    indexes: &Indexes,
    summaries: &'a [SopSummary],
    r: &Regulation,
) -> RegulationPage<'a> {
    let handbook: &'a Handbook = builder.handbook;
    let related = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| indexes.regulation(id))
            .map(|other| regulation_item(builder, other))
            .collect()
    };
    let sops = r
        .cited_by
        .iter()
        .map(|&i| (&handbook.sops[i], &summaries[i]))
        .map(|(sop, summary)| Citing {
            sop: summary,
            written: sop
                .dasar_hukum
                .iter()
                .filter(|c| c.id.as_deref() == Some(r.id.as_str()))
                .map(|c| c.text.as_str())
                .collect(),
        })
        .collect();
    RegulationPage {
        id: r.id.clone(),
        name: r.name.clone(),
        kind: r.kind.map(RegulationKind::label_id),
        title: r.title.clone(),
        number: r.number.clone(),
        year: r.year,
        place: r.place.clone(),
        url: regulation_url(builder, r),
        source_url: r.url.clone(),
        amends: related(&r.amends),
        amended_by: related(&r.amended_by),
        sops,
    }
}

#[derive(Debug, Clone, Serialize)]
struct RoleItem {
    nama: String,
    /// With roles_per_agency: the satuan kerja, to tell "Kepala" of two agencies apart.
    satuan_kerja: Option<String>,
    slug: String,
    url: String,
    singkatan: Vec<String>,
    sop_count: usize,
    step_count: usize,
    total_waktu: Option<String>,
}

/// The roles of one satuan kerja (with roles_per_agency), or of none.
#[derive(Debug, Serialize)]
struct RoleGroup {
    /// The satuan kerja; None for the roles of SOPs that name none (or for
    /// every role, without roles_per_agency).
    satuan_kerja: Option<String>,
    /// Its page, /pelaksana/<satker>/.
    url: Option<String>,
    roles: Vec<RoleItem>,
}

/// /pelaksana/ (every role, grouped by satuan kerja with roles_per_agency)
/// and /pelaksana/<satker>/ (the roles of one satuan kerja).
#[derive(Debug, Serialize)]
struct RolesPage {
    title: String,
    url: String,
    /// On a satuan kerja's page: the kind of page ("Pelaksana") above its name.
    section: Option<&'static str>,
    count: usize,
    /// Every role of the page, in order, for themes that list them flat.
    roles: Vec<RoleItem>,
    groups: Vec<RoleGroup>,
}

/// Role `index` of the indexes in a list.
fn role_item(builder: &Builder<'_>, index: usize) -> RoleItem {
    let role = &builder.indexes.roles[index];
    RoleItem {
        nama: role.nama.clone(),
        satuan_kerja: role.satuan_kerja.clone(),
        slug: role.slug.clone(),
        url: builder.url(Kind::Role(index)),
        singkatan: role.singkatan.clone(),
        sop_count: role.sops.len(),
        step_count: role.step_count,
        total_waktu: role.total_waktu.map(|t| t.display(builder.language)),
    }
}

fn roles_page(builder: &Builder<'_>, indexes: &Indexes) -> RolesPage {
    let roles: Vec<RoleItem> = (0..indexes.roles.len())
        .map(|i| role_item(builder, i))
        .collect();
    let mut groups: Vec<RoleGroup> = indexes
        .agencies
        .iter()
        .enumerate()
        .map(|(i, agency)| RoleGroup {
            satuan_kerja: Some(agency.nama.clone()),
            url: Some(builder.url(Kind::Agency(i))),
            roles: agency.roles.iter().map(|&i| roles[i].clone()).collect(),
        })
        .collect();
    // Roles of SOPs that name no satuan kerja (or every role, without
    // roles_per_agency): one group with no heading, after the agencies.
    let without: Vec<RoleItem> = indexes
        .roles
        .iter()
        .zip(&roles)
        .filter(|(r, _)| indexes.agency_of(r).is_none())
        .map(|(_, item)| item.clone())
        .collect();
    if !without.is_empty() {
        groups.push(RoleGroup {
            satuan_kerja: None,
            url: None,
            roles: without,
        });
    }
    RolesPage {
        title: i18n::strings(builder.language).roles.to_string(),
        url: builder.url(Kind::Roles),
        section: None,
        count: indexes.roles.len(),
        roles,
        groups,
    }
}

/// /pelaksana/<satker>/: the roles of one satuan kerja.
/// Agency `index` of the indexes.
fn agency_page(builder: &Builder<'_>, indexes: &Indexes, index: usize) -> RolesPage {
    let agency = &indexes.agencies[index];
    let roles: Vec<RoleItem> = agency
        .roles
        .iter()
        .map(|&i| role_item(builder, i))
        .collect();
    RolesPage {
        title: agency.nama.clone(),
        url: builder.url(Kind::Agency(index)),
        section: Some(i18n::strings(builder.language).roles),
        count: roles.len(),
        groups: vec![RoleGroup {
            satuan_kerja: None,
            url: None,
            roles: roles.clone(),
        }],
        roles,
    }
}

/// A step of an SOP the role performs.
#[derive(Debug, Serialize)]
struct RoleStep<'a> {
    number: usize,
    /// The number printed on the paper ("" for an unnumbered row).
    no: &'a str,
    kind: &'static str,
    kegiatan: &'a str,
    waktu: Option<std::borrow::Cow<'a, str>>,
    output: Option<&'a str>,
    /// The step in the SOP page's table.
    url: String,
    /// The other lanes of a joint step.
    together_with: Vec<&'a str>,
}

/// An SOP on a role's page: the fields of its summary, then what the role
/// does in it.
#[derive(Debug)]
struct RoleInSopItem<'a> {
    sop: &'a SopSummary,
    /// The lane header(s) this SOP writes for the role, when not its nama.
    lane_names: Vec<&'a str>,
    steps: Vec<RoleStep<'a>>,
    total_waktu: Option<String>,
}

impl Serialize for RoleInSopItem<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("RoleInSopItem", SopSummary::FIELDS + 3)?;
        self.sop.serialize_fields(&mut out)?;
        out.serialize_field("lane_names", &self.lane_names)?;
        out.serialize_field("steps", &self.steps)?;
        out.serialize_field("total_waktu", &self.total_waktu)?;
        out.end()
    }
}

#[derive(Debug, Serialize)]
struct RolePage<'a> {
    #[serde(flatten)]
    item: RoleItem,
    aliases: Vec<String>,
    sops: Vec<RoleInSopItem<'a>>,
}

/// Role `index` of the indexes.
fn role_page<'a>(builder: &Builder<'a>, summaries: &'a [SopSummary], index: usize) -> RolePage<'a> {
    let lang = builder.language;
    let role: &'a Role = &builder.indexes.roles[index];
    let sops = role
        .sops
        .iter()
        .map(|in_sop| {
            // The indexes hold only SOPs, steps and lanes of this handbook:
            // an index out of range is a bug, not a page to leave out.
            let sop = &builder.handbook.sops[in_sop.sop];
            let summary = &summaries[in_sop.sop];
            // Only worth saying when the SOP writes the role another way.
            let lane_names = in_sop
                .lanes
                .iter()
                .map(|&l| sop.lanes[l].nama.as_str())
                .filter(|n| n.trim() != role.nama)
                .collect();
            let page = &builder.routes.sop(in_sop.sop).page;
            let steps = in_sop
                .steps
                .iter()
                .map(|&s| &sop.steps[s])
                .map(|step| RoleStep {
                    number: step.number,
                    no: &step.no,
                    kind: step.kind.as_str(),
                    kegiatan: &step.kegiatan,
                    waktu: step.waktu.as_ref().map(|w| w.shown()),
                    output: step.output.as_deref(),
                    url: page.step_url(step.number),
                    together_with: step
                        .lanes
                        .iter()
                        .filter(|l| !in_sop.lanes.contains(l))
                        .map(|&l| sop.lanes[l].nama.as_str())
                        .collect(),
                })
                .collect();
            RoleInSopItem {
                sop: summary,
                lane_names,
                steps,
                total_waktu: in_sop.total_waktu.map(|t| t.display(lang)),
            }
        })
        .collect();
    RolePage {
        item: role_item(builder, index),
        aliases: role.aliases.clone(),
        sops,
    }
}

#[cfg(test)]
mod tests;
