//! What each template sees: the handbook turned into ready-to-print values.
//!
//! Everything a template shows is computed here (URLs under base_url, dates
//! in long form, step targets as numbers), so templates stay plain markup
//! and a theme author cannot get a link or a date wrong.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::config::{Config, Language};
use crate::link::index::Indexes;
use crate::model::url;
use crate::model::{Approver, AssetKind, Date, Flow, Handbook, Hubungan, Sop, Target, Unit};

use crate::routes::{Kind, Routes};

use super::markdown::Markdown;
use super::print;
use super::total;
use crate::i18n;

/// Site-wide values every page gets as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub organisation: Option<String>,
    /// base_url: every link starts with it.
    pub base: String,
    pub home_url: String,
    pub search_url: String,
    pub logo_url: Option<String>,
    /// `id` or `en`, for `<html lang>`.
    pub lang: &'static str,
    pub total_sops: usize,
    pub generator: String,
}

/// A titled link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A unit in a list: its link, its SOP count (with sub-units) and its sub-units.
#[derive(Debug, Clone, Serialize)]
pub struct UnitSummary {
    pub nama: String,
    pub url: String,
    pub sop_count: usize,
    pub children: Vec<UnitSummary>,
}

/// An SOP in a list.
#[derive(Debug, Clone)]
pub struct SopSummary {
    /// The nomor, or "—" for an SOP not numbered yet.
    pub nomor: String,
    /// False for an SOP not numbered yet: a heading names it by nama alone.
    pub has_nomor: bool,
    pub nama: String,
    pub url: String,
    pub unit: Option<String>,
    /// The newest date (revision, else creation) in long form, and what it is.
    pub date: Option<String>,
    pub date_label: Option<&'static str>,
    pub draft: bool,
}

impl SopSummary {
    /// How many fields [`SopSummary::serialize_fields`] writes.
    pub const FIELDS: usize = 8;

    /// Writes the fields into a struct being serialised, for the lists of
    /// the cross-link pages that add their own fields beside them. Serde's
    /// `flatten` would do the same through a map, which Tera builds with a
    /// key allocated for every field of every entry.
    pub fn serialize_fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
        out.serialize_field("nomor", &self.nomor)?;
        out.serialize_field("has_nomor", &self.has_nomor)?;
        out.serialize_field("nama", &self.nama)?;
        out.serialize_field("url", &self.url)?;
        out.serialize_field("unit", &self.unit)?;
        out.serialize_field("date", &self.date)?;
        out.serialize_field("date_label", &self.date_label)?;
        out.serialize_field("draft", &self.draft)
    }
}

impl Serialize for SopSummary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("SopSummary", Self::FIELDS)?;
        self.serialize_fields(&mut out)?;
        out.end()
    }
}

/// A file of a unit's folder, linked from its page.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    pub name: String,
    pub url: String,
    /// The file type in capitals (PDF, DOCX), for the reader to know what opens.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndexPage {
    pub body_html: String,
    pub units: Vec<UnitSummary>,
    /// SOPs directly in content/, outside any unit folder.
    pub sops: Vec<SopSummary>,
    pub recent: Vec<SopSummary>,
    /// How many regulations and roles the cross-link pages list, beside
    /// `site.total_sops`, with the URLs of those pages.
    pub regulation_count: usize,
    pub regulations_url: String,
    pub role_count: usize,
    pub roles_url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitPage {
    pub nama: String,
    pub url: String,
    pub satuan_kerja: Option<String>,
    pub body_html: String,
    pub children: Vec<UnitSummary>,
    pub sops: Vec<SopSummary>,
    pub attachments: Vec<Attachment>,
    pub sop_count: usize,
}

/// An SOP page. Its text is borrowed from the SOP and its drawings from
/// the caller: the page is only turned into template values, so owned
/// copies of every string (the flowchart above all) were made for nothing.
#[derive(Debug, Clone, Serialize)]
pub struct SopPage<'a> {
    /// The nomor, or "—" for an SOP that has none yet.
    pub nomor: &'a str,
    /// False for an SOP not numbered yet: the header leaves the nomor out.
    pub has_nomor: bool,
    pub nama: &'a str,
    pub url: String,
    /// The kop's lines, each printed once (organisasi of the unit or the
    /// handbook, satuan kerja, unit lines: a line equal to an earlier one,
    /// ignoring case and punctuation, is left out).
    pub organisation: Option<&'a str>,
    pub satuan_kerja: Option<&'a str>,
    pub unit_lines: Vec<&'a str>,
    /// The kop's logo: the unit's, else the handbook's.
    pub logo_url: Option<String>,
    /// Dates in long form, as precise as written ("Juni 2020"); a date
    /// written without a year, as written.
    pub tanggal_pembuatan: Option<String>,
    /// The newest revision, then the earlier ones.
    pub tanggal_revisi: Option<String>,
    pub tanggal_revisi_earlier: Vec<String>,
    pub tanggal_efektif: Option<String>,
    pub tanggal_pengesahan: Option<String>,
    pub disahkan_oleh: Option<&'a Approver>,
    pub dasar_hukum: Vec<CitationItem<'a>>,
    pub kualifikasi_pelaksana: &'a [String],
    pub keterkaitan: Vec<RelationItem<'a>>,
    pub peralatan: &'a [String],
    pub peringatan: &'a [String],
    pub pencatatan: &'a [String],
    pub lanes: Vec<LaneLink<'a>>,
    pub steps: Vec<StepRow<'a>>,
    /// The computed total; "sekurang-kurangnya ..., 4 dari 6 langkah" when
    /// some steps have no readable waktu.
    pub total_waktu: Option<String>,
    /// total_waktu as the paper form prints it.
    pub total_waktu_written: Option<&'a str>,
    pub body_html: String,
    pub backlinks: Vec<RelationItem<'a>>,
    /// The flowchart, inline; None until it can be drawn.
    pub flowchart_svg: Option<&'a str>,
    pub flowchart_url: String,
    /// The narrowest window (px) in which the drawing fits its box without
    /// scrolling sideways; None when it never does (wider than the page).
    /// Below it the page says the drawing scrolls; above it, it does not.
    pub flowchart_fits_px: Option<u32>,
    pub draft: bool,
    /// The official form as printed from the browser.
    pub print: print::PrintForm,
    /// Riwayat perubahan, when the handbook's git history has the file.
    pub riwayat: Option<super::history::Riwayat>,
}

/// A Keterkaitan entry, or a backlink: the SOP and how it relates.
#[derive(Debug, Clone, Serialize)]
pub struct RelationItem<'a> {
    /// As written in the SOP (for an unresolved entry), else "nomor — nama".
    pub reference: String,
    pub nomor: Option<&'a str>,
    pub nama: Option<&'a str>,
    /// None: not (yet) in the handbook, or outside it without a web link.
    pub url: Option<String>,
    /// `{teks, url}`: outside the handbook, shown as written.
    pub outside: bool,
    /// The entry names the SOP it is on ("SOP ini").
    pub is_self: bool,
    /// The hubungan in words. For a backlink it is said from the other SOP's
    /// side ("lists this SOP as a prerequisite"), which cannot be misread
    /// whichever way round the author meant it.
    pub hubungan: String,
    pub hubungan_key: &'static str,
}

/// A Dasar Hukum line: as the SOP writes it, linked to its regulation's page.
#[derive(Debug, Clone, Serialize)]
pub struct CitationItem<'a> {
    pub text: &'a str,
    /// The regulation's page; None when the line could not be read.
    pub url: Option<String>,
}

/// A lane (pelaksana) linked to its role's page, which gathers what the
/// role does in every SOP.
#[derive(Debug, Clone, Serialize)]
pub struct LaneLink<'a> {
    /// As the SOP writes the lane.
    pub nama: &'a str,
    pub singkatan: Option<&'a str>,
    /// The role's full nama, when the SOP writes it another way
    /// ("Kasubag Umum" for Kepala Sub Bagian Umum), for a tooltip.
    pub role: Option<&'a str>,
    pub url: Option<String>,
}

/// A row of the steps table.
#[derive(Debug, Clone, Serialize)]
pub struct StepRow<'a> {
    /// The position: the row's anchor and `data-step` in the flowchart.
    pub number: usize,
    /// The number printed on the paper form ("" for an unnumbered row).
    pub no: &'a str,
    pub kind: &'static str,
    pub kegiatan: &'a str,
    pub pelaksana: Vec<LaneLink<'a>>,
    pub kelengkapan: &'a [String],
    pub waktu: Option<std::borrow::Cow<'a, str>>,
    pub output: Option<&'a str>,
    pub keterangan: Option<&'a str>,
    /// A decision's branches.
    pub branches: Vec<Branch<'a>>,
    /// Where a non-decision step continues, when not (only) at the next
    /// step: several when the flow forks.
    pub jump_to: Vec<Jump<'a>>,
    /// The procedure ends after this step without a selesai row of its own
    /// (`lanjut: selesai`).
    pub ends: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Branch<'a> {
    pub label: &'a str,
    /// Where it leads (the row's anchor and its printed number), or the end.
    pub to: Jump<'a>,
    pub is_no: bool,
}

/// Where an arrow leads, for the steps table.
#[derive(Debug, Clone, Serialize)]
pub struct Jump<'a> {
    /// The position of the step (its anchor); None when the procedure ends.
    pub step: Option<usize>,
    /// Its printed number; empty for an unnumbered row.
    pub no: &'a str,
}

impl<'a> Jump<'a> {
    fn new(sop: &'a Sop, target: &Target) -> Jump<'a> {
        let step = target.step_index();
        Jump {
            step: step.map(|s| s + 1),
            no: step
                .and_then(|s| sop.steps.get(s))
                .map_or("", |s| s.no.as_str()),
        }
    }
}

/// Shared state for building every page of one site.
pub struct Builder<'a> {
    pub handbook: &'a Handbook,
    pub config: &'a Config,
    pub language: Language,
    pub markdown: Markdown<'a>,
    /// Regulations, roles and backlinks, computed once for the whole site.
    pub indexes: &'a Indexes,
    /// Where every page is, planned once for the whole site.
    pub routes: &'a Routes,
    /// Unit path → index in `handbook.units`.
    unit_index: BTreeMap<&'a str, usize>,
    /// Unit path → number of SOPs in it and every unit below.
    sop_counts: BTreeMap<&'a str, usize>,
}

/// Unit path → number of SOPs in it and every unit below, in one pass:
/// every ancestor of an SOP's folder counts it, the root included.
pub(crate) fn sop_counts(handbook: &Handbook) -> BTreeMap<&str, usize> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for sop in &handbook.sops {
        let mut path = sop.unit.as_str();
        loop {
            *counts.entry(path).or_default() += 1;
            match path.rfind('/') {
                Some(i) => path = &path[..i],
                None if !path.is_empty() => path = "",
                None => break,
            }
        }
    }
    counts
}

impl<'a> Builder<'a> {
    pub fn new(handbook: &'a Handbook, indexes: &'a Indexes, routes: &'a Routes) -> Self {
        let config = &handbook.config;
        let unit_index = handbook
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.path.as_str(), i))
            .collect();
        let sop_counts = sop_counts(handbook);
        Builder {
            handbook,
            config,
            language: config.language,
            markdown: Markdown {
                base_url: &config.base_url,
                allow_html: config.allow_html,
                heading_offset: 1,
            },
            indexes,
            routes,
            unit_index,
            sop_counts,
        }
    }

    pub fn site(&self) -> Site {
        let c = self.config;
        Site {
            title: c.title.clone(),
            organisation: c.organisation.clone(),
            base: c.base_url.clone(),
            home_url: self.routes.url(Kind::Front).to_string(),
            search_url: self.routes.url(Kind::Search).to_string(),
            logo_url: c.logo.as_deref().map(|l| self.routes.file_url(l)),
            lang: self.language.code(),
            total_sops: self.handbook.sops.len(),
            generator: format!("lajur {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// The URL of a page or file.
    pub fn url(&self, kind: Kind) -> String {
        self.routes.url(kind).to_string()
    }

    /// Home, then every ancestor unit of `unit_path` (itself included when
    /// `include_self`), as links.
    pub fn breadcrumbs(&self, unit_path: &str, include_self: bool) -> Vec<Link> {
        let mut crumbs = vec![Link {
            title: i18n::strings(self.language).home.to_string(),
            url: self.url(Kind::Front),
        }];
        let parts: Vec<&str> = unit_path.split('/').filter(|p| !p.is_empty()).collect();
        let upto = if include_self {
            parts.len()
        } else {
            parts.len().saturating_sub(1)
        };
        for end in 1..=upto {
            let path = parts[..end].join("/");
            let i = *self
                .unit_index
                .get(path.as_str())
                .expect("every folder of content/ is a unit, so every folder above a page is");
            crumbs.push(Link {
                title: self.handbook.units[i].nama.clone(),
                url: self.url(Kind::Unit(i)),
            });
        }
        crumbs
    }

    fn unit(&self, path: &str) -> Option<&'a Unit> {
        self.unit_index
            .get(path)
            .and_then(|&i| self.handbook.units.get(i))
    }

    fn date(&self, date: &Date) -> String {
        date.long_in(self.language)
    }

    /// The units right below `path`, by index.
    fn children_of(&self, path: &str) -> Vec<usize> {
        (0..self.handbook.units.len())
            .filter(|&i| self.handbook.units[i].parent.as_deref() == Some(path))
            .collect()
    }

    fn unit_summary(&self, i: usize, depth: usize) -> UnitSummary {
        let unit = &self.handbook.units[i];
        let children = if depth == 0 {
            Vec::new()
        } else {
            self.children_of(&unit.path)
                .into_iter()
                .map(|c| self.unit_summary(c, depth - 1))
                .collect()
        };
        UnitSummary {
            nama: unit.nama.clone(),
            url: self.url(Kind::Unit(i)),
            sop_count: self
                .sop_counts
                .get(unit.path.as_str())
                .copied()
                .unwrap_or(0),
            children,
        }
    }

    /// An SOP in a list, as the theme's sop_list partial expects it.
    pub(super) fn sop_summary(&self, i: usize) -> SopSummary {
        let sop = &self.handbook.sops[i];
        let (date, date_label) = match (sop.latest_revision(), &sop.tanggal_pembuatan) {
            (Some(d), _) => (
                Some(self.date(d)),
                Some(i18n::strings(self.language).revised_on),
            ),
            (None, Some(d)) => (
                Some(self.date(d)),
                Some(i18n::strings(self.language).created_on),
            ),
            (None, None) => (None, None),
        };
        SopSummary {
            nomor: sop.nomor_or_dash().to_string(),
            has_nomor: !sop.nomor.is_empty(),
            nama: sop.nama.clone(),
            url: self.url(Kind::Sop(i)),
            unit: self
                .unit(&sop.unit)
                .filter(|u| !u.path.is_empty())
                .map(|u| u.nama.clone()),
            date,
            date_label,
            draft: sop.draft,
        }
    }

    fn sops_in(&self, unit_path: &str) -> Vec<SopSummary> {
        (0..self.handbook.sops.len())
            .filter(|&i| self.handbook.sops[i].unit == unit_path)
            .map(|i| self.sop_summary(i))
            .collect()
    }

    pub fn index_page(&self) -> IndexPage {
        let root_body = self.unit("").map(|u| u.body.as_str()).unwrap_or("");
        let sops = &self.handbook.sops;
        let mut dated: Vec<(&Date, usize)> = (0..sops.len())
            .filter_map(|i| {
                let s = &sops[i];
                s.latest_revision()
                    .or(s.tanggal_pembuatan.as_ref())
                    .map(|d| (d, i))
            })
            .collect();
        // Newest first; equal dates by nomor so the list is stable between builds.
        dated.sort_by(|a, b| {
            b.0.cmp(a.0)
                .then_with(|| sops[a.1].nomor.cmp(&sops[b.1].nomor))
        });
        IndexPage {
            body_html: self.markdown.render(root_body),
            units: self
                .children_of("")
                .into_iter()
                .map(|u| self.unit_summary(u, 1))
                .collect(),
            sops: self.sops_in(""),
            recent: dated
                .into_iter()
                .take(RECENT_COUNT)
                .map(|(_, i)| self.sop_summary(i))
                .collect(),
            regulation_count: self.indexes.regulations.len(),
            regulations_url: self.url(Kind::Regulations),
            role_count: self.indexes.roles.len(),
            roles_url: self.url(Kind::Roles),
        }
    }

    pub fn unit_page(&self, i: usize) -> UnitPage {
        let unit = &self.handbook.units[i];
        let attachments = self
            .handbook
            .assets
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == AssetKind::Attachment && parent_dir(&a.dest) == unit.path)
            .map(|(asset, a)| {
                let name = a.dest.rsplit('/').next().unwrap_or(&a.dest).to_string();
                let kind = name
                    .rsplit_once('.')
                    .map(|(_, ext)| ext.to_uppercase())
                    .unwrap_or_default();
                Attachment {
                    url: self.url(Kind::Asset(asset)),
                    name,
                    kind,
                }
            })
            .collect();
        UnitPage {
            nama: unit.nama.clone(),
            url: self.url(Kind::Unit(i)),
            satuan_kerja: unit.satuan_kerja.clone(),
            body_html: self.markdown.render(&unit.body),
            children: self
                .children_of(&unit.path)
                .into_iter()
                .map(|u| self.unit_summary(u, 1))
                .collect(),
            sops: self.sops_in(&unit.path),
            attachments,
            sop_count: self
                .sop_counts
                .get(unit.path.as_str())
                .copied()
                .unwrap_or(0),
        }
    }

    /// The page of SOP `index` of the handbook.
    pub fn sop_page<'s>(&self, index: usize, flowchart_svg: Option<&'s str>) -> SopPage<'s>
    where
        'a: 's,
    {
        let sop = &self.handbook.sops[index];
        let lang = self.language;
        let lanes: Vec<LaneLink> = (0..sop.lanes.len())
            .map(|l| self.lane_link(index, l))
            .collect();
        let lane_link = |l: &usize| lanes.get(*l).cloned();
        let steps = sop
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let (branches, jump_to) = match &step.flow {
                    Flow::Decision {
                        ya,
                        tidak,
                        label_ya,
                        label_tidak,
                    } => (
                        vec![
                            Branch {
                                // The table names the branch even where the
                                // drawing leaves it unlabelled.
                                label: Flow::named(label_ya, Flow::YA),
                                to: Jump::new(sop, ya),
                                is_no: false,
                            },
                            Branch {
                                label: Flow::named(label_tidak, Flow::TIDAK),
                                to: Jump::new(sop, tidak),
                                is_no: true,
                            },
                        ],
                        Vec::new(),
                    ),
                    Flow::Next { to } if to.len() == 1 && to[0] == Target::step(i + 1) => {
                        (Vec::new(), Vec::new())
                    }
                    Flow::Next { to } => (
                        Vec::new(),
                        to.iter()
                            .filter(|t| **t != Target::End)
                            .map(|t| Jump::new(sop, t))
                            .collect(),
                    ),
                };
                let ends = matches!(&step.flow, Flow::Next { to } if to.contains(&Target::End));
                StepRow {
                    number: step.number,
                    no: &step.no,
                    kind: step.kind.as_str(),
                    kegiatan: &step.kegiatan,
                    pelaksana: step.lanes.iter().filter_map(lane_link).collect(),
                    kelengkapan: &step.kelengkapan,
                    waktu: step.waktu.as_ref().map(|w| w.shown()),
                    output: step.output.as_deref(),
                    keterangan: step.keterangan.as_deref(),
                    branches,
                    jump_to,
                    ends,
                }
            })
            .collect();
        let keterkaitan = sop
            .keterkaitan
            .iter()
            .map(|r| {
                let words = i18n::hubungan(lang, r.hubungan).to_string();
                if r.outside {
                    return RelationItem {
                        reference: r.reference.clone(),
                        nomor: None,
                        nama: None,
                        url: r.url.clone().filter(|u| url::is_web_link(u)),
                        outside: true,
                        is_self: false,
                        hubungan: words,
                        hubungan_key: r.hubungan.as_str(),
                    };
                }
                let mut item = self.relation_item(r.target, &r.reference, r.hubungan, words);
                item.is_self = r.is_self;
                item
            })
            .collect();
        let backlinks = self
            .indexes
            .backlinks
            .get(index)
            .map(|list| {
                list.iter()
                    .map(|(from, h)| {
                        let words = match h {
                            Hubungan::Terkait => i18n::hubungan(lang, *h).to_string(),
                            _ => format!(
                                "{} {}",
                                i18n::strings(lang).backlink_as,
                                i18n::hubungan(lang, *h)
                            ),
                        };
                        self.relation_item(Some(*from), "", *h, words)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let kop = print::Kop::of(sop, self.config);
        let field_date = |key: &str, date: Option<&Date>| {
            date.map(|d| self.date(d))
                .or_else(|| sop.date_as_written(key).map(String::from))
        };
        SopPage {
            nomor: sop.nomor_or_dash(),
            has_nomor: !sop.nomor.is_empty(),
            nama: &sop.nama,
            url: self.url(Kind::Sop(index)),
            organisation: kop.organisation,
            satuan_kerja: kop.satuan_kerja,
            unit_lines: kop.unit_lines,
            logo_url: sop
                .logo
                .as_deref()
                .or(self.config.logo.as_deref())
                .map(|l| self.config.url(l)),
            tanggal_pembuatan: field_date("tanggal_pembuatan", sop.tanggal_pembuatan.as_ref()),
            tanggal_revisi: field_date("tanggal_revisi", sop.tanggal_revisi.first()),
            tanggal_revisi_earlier: sop
                .tanggal_revisi
                .iter()
                .skip(1)
                .map(|d| self.date(d))
                .collect(),
            tanggal_efektif: field_date("tanggal_efektif", sop.tanggal_efektif.as_ref()),
            tanggal_pengesahan: field_date("tanggal_pengesahan", sop.tanggal_pengesahan.as_ref()),
            disahkan_oleh: sop
                .disahkan_oleh
                .as_ref()
                .filter(|a| a.jabatan.is_some() || a.nama.is_some() || a.nip.is_some()),
            dasar_hukum: sop
                .dasar_hukum
                .iter()
                .map(|c| CitationItem {
                    text: &c.text,
                    url: c
                        .id
                        .as_deref()
                        .and_then(|id| self.routes.regulation(id))
                        .map(|r| r.url.clone()),
                })
                .collect(),
            kualifikasi_pelaksana: &sop.kualifikasi_pelaksana,
            keterkaitan,
            peralatan: &sop.peralatan,
            peringatan: &sop.peringatan,
            pencatatan: &sop.pencatatan,
            lanes,
            steps,
            total_waktu: total::waktu(sop, lang),
            total_waktu_written: sop.total_waktu_written.as_deref(),
            body_html: self.markdown.render(&sop.body),
            backlinks,
            flowchart_svg,
            flowchart_fits_px: flowchart_svg.and_then(fits_px),
            flowchart_url: self.routes.sop(index).flowchart.url.clone(),
            draft: sop.draft,
            print: print::form(sop, self.config, self.routes.url(Kind::Sop(index))),
            riwayat: super::history::section(&sop.history, lang),
        }
    }

    /// The role page of each lane of SOP `sop`, for the flowchart's headers.
    pub fn lane_urls(&self, sop: usize) -> Vec<Option<String>> {
        (0..self.handbook.sops[sop].lanes.len())
            .map(|lane| self.lane_link(sop, lane).url)
            .collect()
    }

    /// Lane `lane` of SOP `sop` (both in range), linked to its role's page.
    fn lane_link(&self, sop: usize, lane: usize) -> LaneLink<'a> {
        let written = &self.handbook.sops[sop].lanes[lane];
        let role = self.indexes.lane_role(sop, lane);
        LaneLink {
            nama: &written.nama,
            singkatan: written.singkatan.as_deref(),
            role: role
                .filter(|r| r.nama != written.nama.trim())
                .map(|r| r.nama.as_str()),
            url: self
                .indexes
                .lane_roles
                .get(sop)
                .and_then(|lanes| lanes.get(lane).copied().flatten())
                .map(|r| self.url(Kind::Role(r))),
        }
    }

    fn relation_item(
        &self,
        target: Option<usize>,
        reference: &str,
        h: Hubungan,
        hubungan: String,
    ) -> RelationItem<'a> {
        let url = target.map(|t| self.url(Kind::Sop(t)));
        let target = target.and_then(|t| self.handbook.sops.get(t));
        RelationItem {
            reference: match target {
                Some(s) if s.nomor.is_empty() => s.nama.clone(),
                Some(s) => format!("{} — {}", s.nomor, s.nama),
                None => reference.to_string(),
            },
            nomor: target.map(|s| s.nomor.as_str()),
            nama: target.map(|s| s.nama.as_str()),
            url,
            outside: false,
            is_self: false,
            hubungan,
            hubungan_key: h.as_str(),
        }
    }
}

/// The window width from which an inline flowchart fits the page without
/// scrolling: its own width, its box (padding 0.5rem and a 1 px border on
/// each side), the page's side padding (1rem each) and room for a
/// scrollbar; None when it is wider than the page's widest column (72rem
/// with its padding). See style.css, .wrap and .flowchart.
fn fits_px(svg: &str) -> Option<u32> {
    const BOX: f64 = 2.0 * 8.0 + 2.0;
    const PAGE_PAD: f64 = 2.0 * 16.0;
    const SCROLLBAR: f64 = 20.0;
    const COLUMN: f64 = 72.0 * 16.0 - PAGE_PAD;
    let open = &svg[..svg.find('>')?];
    let start = open.find(" width=\"")? + 8;
    let width: f64 = open[start..].split('"').next()?.parse().ok()?;
    (width + BOX <= COLUMN).then(|| (width + BOX + PAGE_PAD + SCROLLBAR).ceil() as u32)
}

/// How many SOPs the front page lists as recently updated.
const RECENT_COUNT: usize = 8;

/// "a/b/form.pdf" → "a/b"; "form.pdf" → "".
fn parent_dir(dest: &str) -> &str {
    dest.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("")
}
