//! The route table: where every page and file of the site lives, as an
//! output path (under the output folder) and a URL (under base_url).
//!
//! It is planned once, after the handbook is loaded and linked
//! ([`plan`]), and every part of the site that names a page reads it: the
//! pages' links and breadcrumbs, the navigation, sitemap.xml, sop.json and
//! handbook.json, the search page, and the check that no unit takes a
//! folder of the site ([`RESERVED`]). A URL or an output path is spelled
//! here and nowhere else, as Zola stores a page's permalink once: a site
//! whose sitemap, navigation and links were each rebuilt by hand could not
//! agree when one of them changed (tests/routes.rs holds them to it).
//!
//! To add a kind of page: a [`Kind`], its route made in [`plan`], its place
//! in [`Routes::files`] (and [`Routes::sitemap`] if search engines should
//! see it), then a render job that writes `routes.get(kind).path`.

use std::collections::HashMap;

use crate::Handbook;
use crate::config::Config;
use crate::link::index::Indexes;

/// The legal bases: /dasar-hukum/ and /dasar-hukum/<id>/.
const REGULATIONS_DIR: &str = "dasar-hukum";
/// The roles: /pelaksana/, /pelaksana/<slug>/ and /pelaksana/<satker>/.
const ROLES_DIR: &str = "pelaksana";
/// The search page.
const SEARCH_DIR: &str = "cari";
/// Completeness and review (docs/format.md, "Alamat halaman hasil"), with
/// its table as a CSV file beside it.
const COMPLETENESS_DIR: &str = "kelengkapan";
const COMPLETENESS_CSV_FILE: &str = "kelengkapan.csv";
/// The search index (Pagefind's bundle): its files, its script and
/// WebAssembly, as Pagefind names the folder. `search` writes its files
/// below it; the search page finds it by [`Routes::search_index_url`].
pub const SEARCH_INDEX_DIR: &str = "pagefind";
/// The page file of a folder.
pub(crate) const PAGE_FILE: &str = "index.html";
/// The page a web server shows for a missing URL.
pub(crate) const NOT_FOUND_FILE: &str = "404.html";
/// The files beside an SOP's page.
pub(crate) const FLOWCHART_FILE: &str = "alur.svg";
pub(crate) const SOP_JSON_FILE: &str = "sop.json";
/// The folder of the search index's vocabulary (the words a typo is
/// corrected to), under [`SEARCH_INDEX_DIR`]. The default theme's
/// search-forgiving.js spells it too, under the bundle's URL.
pub const SEARCH_VOCABULARY_DIR: &str = "kata";
/// Files of the default theme the site names: its stylesheet, and the
/// search page's script (cari.html loads it from the site's root).
pub(crate) const STYLESHEET_FILE: &str = "style.css";
pub(crate) const SEARCH_SCRIPT_FILE: &str = "search.js";
/// The file lajur leaves in every output folder it writes, so that a later
/// build knows the folder is its own to replace (`output` is handed it);
/// the staging folder and the old site beside the output while a build
/// swaps them are named with it too.
pub const OUTPUT_MARKER: &str = ".lajur";

/// Top-level folders the site itself writes: a unit or SOP there would mix
/// its pages with the site's own or be overwritten by them (a unit
/// `pagefind/` inside the search engine's folder).
pub const RESERVED: [&str; 5] = [
    REGULATIONS_DIR,
    ROLES_DIR,
    SEARCH_DIR,
    COMPLETENESS_DIR,
    SEARCH_INDEX_DIR,
];

/// One page or file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The file under the output folder, '/'-separated ("umum/rkt/index.html").
    pub path: String,
    /// Its address: base_url and the folder of a page ("/sop/umum/rkt/"),
    /// or the file itself ("/sop/umum/rkt/alur.svg").
    pub url: String,
}

impl Route {
    /// The page at folder `dir` ("" is the front page).
    fn page(config: &Config, dir: &str) -> Route {
        if dir.is_empty() {
            return Route {
                path: PAGE_FILE.to_string(),
                url: config.base_url.clone(),
            };
        }
        Route {
            path: format!("{dir}/{PAGE_FILE}"),
            url: config.url(&format!("{dir}/")),
        }
    }

    /// The file at `path`.
    fn file(config: &Config, path: String) -> Route {
        Route {
            url: config.url(&path),
            path,
        }
    }

    /// The URL of step `number` (1-based) on this SOP page: its row in the
    /// steps table.
    pub fn step_url(&self, number: usize) -> String {
        format!("{}#{}", self.url, step_anchor(number))
    }
}

/// The id of a step's row on its SOP page, before the step's number
/// ("langkah-3"): the flowchart's symbols link there.
pub const STEP_ANCHOR: &str = "langkah-";
/// The id of a step's symbol in the flowchart, before the step's number
/// ("alur-langkah-3"): the steps table links back there.
pub const CHART_STEP_ANCHOR: &str = "alur-langkah-";

/// The id of a step's row on its SOP page.
pub fn step_anchor(number: usize) -> String {
    format!("{STEP_ANCHOR}{number}")
}

/// What a route is, naming the thing it belongs to by its index (into
/// `Handbook::units`, `Handbook::sops`, `Handbook::assets` or the lists of
/// [`Indexes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Front,
    /// A unit's page; the root unit's is the front page.
    Unit(usize),
    Sop(usize),
    /// An SOP's flowchart as a file (written only when it has steps).
    Flowchart(usize),
    SopJson(usize),
    /// /dasar-hukum/.
    Regulations,
    Regulation(usize),
    /// /pelaksana/.
    Roles,
    Role(usize),
    /// A satuan kerja's roles, /pelaksana/<satker>/ (with roles_per_agency).
    Agency(usize),
    Search,
    /// /kelengkapan/: what each SOP lacks and which are due for review.
    Completeness,
    /// /kelengkapan/kelengkapan.csv: the same table for a spreadsheet.
    CompletenessCsv,
    NotFound,
    Sitemap,
    HandbookJson,
    /// An attachment of content/ or a static file, copied as it is.
    Asset(usize),
}

/// The three files of an SOP.
#[derive(Debug, Clone)]
pub struct SopRoutes {
    pub page: Route,
    pub flowchart: Route,
    pub json: Route,
    /// The flowchart is drawn (the SOP has steps): alur.svg is written.
    drawn: bool,
    /// A draft is published only to preview it, not for search engines.
    draft: bool,
}

/// Every route of one site. Planned by [`plan`] from one handbook and its
/// indexes; the indices of a [`Kind`] are into those.
#[derive(Debug, Clone)]
pub struct Routes {
    base_url: String,
    front: Route,
    /// One per unit of the handbook, the root's being the front page.
    units: Vec<Route>,
    sops: Vec<SopRoutes>,
    regulations: Route,
    regulation: Vec<Route>,
    /// Regulation id → index into `regulation`.
    regulation_ids: HashMap<String, usize>,
    roles: Route,
    role: Vec<Route>,
    agency: Vec<Route>,
    search: Route,
    /// The folder of the search index, `/pagefind/` under base_url.
    search_index_url: String,
    completeness: Route,
    completeness_csv: Route,
    not_found: Route,
    sitemap: Route,
    handbook_json: Route,
    assets: Vec<Route>,
}

/// The plan stage: the route of every page and file of `handbook`.
pub fn plan(handbook: &Handbook, indexes: &Indexes) -> Routes {
    let config = &handbook.config;
    let page = |dir: &str| Route::page(config, dir);
    let section = |dir: &str, slug: &str| Route::page(config, &format!("{dir}/{slug}"));
    Routes {
        base_url: config.base_url.clone(),
        front: page(""),
        units: handbook.units.iter().map(|u| page(&u.path)).collect(),
        sops: handbook
            .sops
            .iter()
            .map(|s| SopRoutes {
                page: page(&s.path),
                flowchart: Route::file(config, format!("{}/{FLOWCHART_FILE}", s.path)),
                json: Route::file(config, format!("{}/{SOP_JSON_FILE}", s.path)),
                drawn: !s.steps.is_empty(),
                draft: s.draft,
            })
            .collect(),
        regulations: page(REGULATIONS_DIR),
        regulation: indexes
            .regulations
            .iter()
            .map(|r| section(REGULATIONS_DIR, &r.id))
            .collect(),
        regulation_ids: indexes
            .regulations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect(),
        roles: page(ROLES_DIR),
        role: indexes
            .roles
            .iter()
            .map(|r| section(ROLES_DIR, &r.slug))
            .collect(),
        agency: indexes
            .agencies
            .iter()
            .map(|a| section(ROLES_DIR, &a.slug))
            .collect(),
        search: page(SEARCH_DIR),
        search_index_url: config.url(&format!("{SEARCH_INDEX_DIR}/")),
        completeness: page(COMPLETENESS_DIR),
        completeness_csv: Route::file(
            config,
            format!("{COMPLETENESS_DIR}/{COMPLETENESS_CSV_FILE}"),
        ),
        not_found: Route::file(config, NOT_FOUND_FILE.into()),
        sitemap: Route::file(config, "sitemap.xml".into()),
        handbook_json: Route::file(config, "handbook.json".into()),
        assets: handbook
            .assets
            .iter()
            .map(|a| Route::file(config, a.dest.clone()))
            .collect(),
    }
}

impl Routes {
    /// The route of `kind`. The index of a kind comes from the handbook and
    /// indexes this table was planned from; another would be a bug.
    pub fn get(&self, kind: Kind) -> &Route {
        fn at(list: &[Route], i: usize, kind: Kind) -> &Route {
            list.get(i).unwrap_or_else(|| {
                panic!("{kind:?}: no such route (planned from another handbook?)")
            })
        }
        match kind {
            Kind::Front => &self.front,
            Kind::Unit(i) => at(&self.units, i, kind),
            Kind::Sop(i) => &self.sop(i).page,
            Kind::Flowchart(i) => &self.sop(i).flowchart,
            Kind::SopJson(i) => &self.sop(i).json,
            Kind::Regulations => &self.regulations,
            Kind::Regulation(i) => at(&self.regulation, i, kind),
            Kind::Roles => &self.roles,
            Kind::Role(i) => at(&self.role, i, kind),
            Kind::Agency(i) => at(&self.agency, i, kind),
            Kind::Search => &self.search,
            Kind::Completeness => &self.completeness,
            Kind::CompletenessCsv => &self.completeness_csv,
            Kind::NotFound => &self.not_found,
            Kind::Sitemap => &self.sitemap,
            Kind::HandbookJson => &self.handbook_json,
            Kind::Asset(i) => at(&self.assets, i, kind),
        }
    }

    /// The routes of SOP `i` of the handbook.
    pub fn sop(&self, i: usize) -> &SopRoutes {
        self.sops
            .get(i)
            .unwrap_or_else(|| panic!("SOP {i}: no such route (planned from another handbook?)"))
    }

    /// The URL of a page or file.
    pub fn url(&self, kind: Kind) -> &str {
        &self.get(kind).url
    }

    /// The page of the regulation with this id (every regulation an SOP
    /// cites has one).
    pub fn regulation(&self, id: &str) -> Option<&Route> {
        self.regulation_ids.get(id).map(|&i| &self.regulation[i])
    }

    /// base_url: every URL starts with it.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The URL of a file under the output folder that the handbook names
    /// itself (a logo under static/).
    pub fn file_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }

    /// A URL of this site below base_url, as from the site's root
    /// ("/sop/umum/rkt/" → "/umum/rkt/"): what the search index stores.
    pub fn below_base<'u>(&self, url: &'u str) -> &'u str {
        url.strip_prefix(self.base_url.trim_end_matches('/'))
            .unwrap_or(url)
    }

    /// The URL the search index stores for SOP `i`: its page, below
    /// base_url (the search page puts the base path in front).
    pub fn search_record_url(&self, i: usize) -> &str {
        self.below_base(&self.sop(i).page.url)
    }

    /// The URL of the search index's folder ("/sop/pagefind/"), where the
    /// search page loads Pagefind's script from.
    pub fn search_index_url(&self) -> &str {
        &self.search_index_url
    }

    /// The units with a page of their own: all but the root, whose page is
    /// the front page.
    pub fn unit_pages(&self) -> impl Iterator<Item = Kind> + '_ {
        (0..self.units.len())
            .filter(|&i| self.units[i] != self.front)
            .map(Kind::Unit)
    }

    /// The sections of the navigation bar: the cross-link indexes with
    /// something to show (no bar of links to empty pages). The kelengkapan
    /// page is not one: it is a tool of whoever keeps the handbook (the
    /// Bagian Organisasi), not a way for readers into the SOPs, so it is
    /// linked from the front page only.
    pub fn nav(&self) -> impl Iterator<Item = Kind> + '_ {
        [
            (!self.regulation.is_empty()).then_some(Kind::Regulations),
            (!self.role.is_empty()).then_some(Kind::Roles),
        ]
        .into_iter()
        .flatten()
    }

    /// The pages of sitemap.xml, in its order: the front page, the units,
    /// the published SOPs (no drafts), then the cross-link pages of the
    /// sections in the navigation. 404, the search page, the kelengkapan
    /// page (a report on the SOPs' gaps, not something to be found by) and
    /// the files are not pages for search engines.
    pub fn sitemap(&self) -> impl Iterator<Item = Kind> + '_ {
        let sops = (0..self.sops.len())
            .filter(|&i| !self.sops[i].draft)
            .map(Kind::Sop);
        let regulations = (!self.regulation.is_empty())
            .then_some(Kind::Regulations)
            .into_iter()
            .chain((0..self.regulation.len()).map(Kind::Regulation));
        let roles = (!self.role.is_empty())
            .then_some(Kind::Roles)
            .into_iter()
            .chain((0..self.role.len()).map(Kind::Role))
            .chain((0..self.agency.len()).map(Kind::Agency));
        std::iter::once(Kind::Front)
            .chain(self.unit_pages())
            .chain(sops)
            .chain(regulations)
            .chain(roles)
    }

    /// Every file the site writes from the handbook, each once: pages,
    /// drawings, data and the copied assets (not the theme's static files
    /// or the search index, which are not the handbook's).
    pub fn files(&self) -> impl Iterator<Item = Kind> + '_ {
        let sops = (0..self.sops.len()).flat_map(move |i| {
            [
                Some(Kind::Sop(i)),
                self.sops[i].drawn.then_some(Kind::Flowchart(i)),
                Some(Kind::SopJson(i)),
            ]
            .into_iter()
            .flatten()
        });
        [Kind::Front]
            .into_iter()
            .chain(self.unit_pages())
            .chain(sops)
            .chain([Kind::Regulations])
            .chain((0..self.regulation.len()).map(Kind::Regulation))
            .chain([Kind::Roles])
            .chain((0..self.role.len()).map(Kind::Role))
            .chain((0..self.agency.len()).map(Kind::Agency))
            .chain([
                Kind::Search,
                Kind::Completeness,
                Kind::CompletenessCsv,
                Kind::NotFound,
                Kind::Sitemap,
                Kind::HandbookJson,
            ])
            .chain((0..self.assets.len()).map(Kind::Asset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::model::{handbook, lane, sop, step};

    fn planned(base_url: &str) -> (Handbook, Routes) {
        let mut a = sop(
            "SOP-1",
            vec![lane("Staf", None)],
            vec![step(1, &[0], None)],
            vec![],
        );
        a.path = "umum/rkt".into();
        let mut hb = handbook(vec![a]);
        hb.config.base_url = base_url.into();
        let indexes = Indexes::build(&hb);
        let routes = plan(&hb, &indexes);
        (hb, routes)
    }

    #[test]
    fn a_page_is_a_folder_and_its_url_is_under_base_url() {
        let (_, routes) = planned("/sop/");
        let page = &routes.sop(0).page;
        assert_eq!(page.path, "umum/rkt/index.html");
        assert_eq!(page.url, "/sop/umum/rkt/");
        assert_eq!(page.step_url(3), "/sop/umum/rkt/#langkah-3");
        assert_eq!(routes.sop(0).flowchart.url, "/sop/umum/rkt/alur.svg");
        assert_eq!(routes.get(Kind::Front).path, "index.html");
        assert_eq!(routes.url(Kind::Front), "/sop/");
        assert_eq!(routes.url(Kind::Role(0)), "/sop/pelaksana/staf/");
        assert_eq!(routes.get(Kind::Search).path, "cari/index.html");
        assert_eq!(routes.url(Kind::Completeness), "/sop/kelengkapan/");
        assert_eq!(
            routes.url(Kind::CompletenessCsv),
            "/sop/kelengkapan/kelengkapan.csv"
        );
        assert_eq!(routes.below_base(&page.url), "/umum/rkt/");
    }

    #[test]
    fn an_absolute_base_url_stays_in_front_and_is_cut_for_the_search_index() {
        let (_, routes) = planned("https://x.go.id/sop/");
        let url = &routes.sop(0).page.url;
        assert_eq!(url, "https://x.go.id/sop/umum/rkt/");
        assert_eq!(routes.below_base(url), "/umum/rkt/");
    }

    #[test]
    fn every_file_is_listed_once() {
        let (_, routes) = planned("/");
        let paths: Vec<&str> = routes
            .files()
            .map(|k| routes.get(k).path.as_str())
            .collect();
        let mut unique = paths.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "{paths:?}");
        assert!(paths.contains(&"umum/rkt/alur.svg"));
        // The empty regulation index is written, but not offered.
        assert!(paths.contains(&"dasar-hukum/index.html"));
        assert!(!routes.sitemap().any(|k| k == Kind::Regulations));
        assert_eq!(routes.nav().collect::<Vec<_>>(), [Kind::Roles]);
    }
}
