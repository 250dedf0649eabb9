//! Rendering the handbook to the whole site.
//!
//! Pure: the handbook, its indexes and the theme (all read by `source`, the
//! indexes made by the link stage) in, every page out, handed as (path,
//! bytes) to a sink as soon as it is rendered. `build` gives a sink that
//! writes it into the staging folder at once, so a site of ten thousand SOPs
//! is never held in memory whole; `check` one that keeps nothing; `serve`
//! one that keeps the files in memory (see `crate::pipeline`).

mod claims;
pub mod completeness;
pub mod crosslinks;
mod history;
pub mod json;
pub mod markdown;
mod pages;
mod print;
mod search_page;
pub mod swimlane;
mod templates;
mod total;

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Language;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n;
use crate::link::completeness::Completeness;
use crate::link::index::Indexes;
use crate::model::{Handbook, Sop};
use crate::output::{OutputFile, Sink};
use crate::routes::{Kind, Routes};
use crate::source::Theme;

use pages::{Builder, Link};
use templates::Templates;

/// Why the site could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Templates failed, or a file clashed with an attachment: every
    /// distinct problem, once.
    #[error("{} error(s) rendering the pages", .0.errors())]
    Pages(Diagnostics),
    /// The sink could not take a file.
    #[error("could not write the site: {0}")]
    Write(#[source] crate::output::OutputError),
}

/// The pages of one build, ready to render: the templates parsed once, the
/// values every page shares (site, strings, navigation) set once.
pub struct Renderer<'a> {
    builder: Builder<'a>,
    completeness: &'a Completeness,
    templates: Templates,
    theme: &'a Theme,
    root: &'a Path,
}

impl<'a> Renderer<'a> {
    /// Parses the templates of `theme`; `root` is the handbook root, for the
    /// attachments' paths in messages.
    pub fn new(
        handbook: &'a Handbook,
        indexes: &'a Indexes,
        routes: &'a Routes,
        completeness: &'a Completeness,
        theme: &'a Theme,
        root: &'a Path,
    ) -> Result<Self, RenderError> {
        let mut templates = Templates::parse(theme).map_err(RenderError::Pages)?;
        let builder = Builder::new(handbook, indexes, routes);
        let globals = templates.tera.global_context();
        globals.insert("site", &builder.site());
        globals.insert("t", &i18n::strings(handbook.config.language));
        globals.insert(
            "k",
            &i18n::CompletenessStrings::of(handbook.config.language),
        );
        // Only sections with something to show: no bar of links to empty pages.
        globals.insert("nav", &crosslinks::nav(&builder));
        Ok(Renderer {
            builder,
            completeness,
            templates,
            theme,
            root,
        })
    }

    /// Renders every page of the site into `sink`.
    ///
    /// The pages: index.html, one per unit and per SOP (with its alur.svg
    /// and sop.json), the legal bases and the roles (see `crosslinks`),
    /// handbook.json, the search page, 404.html and sitemap.xml, and the
    /// built-in static files unless a page takes their path. Attachments and
    /// static files on disk stay in `Handbook::assets`, for the sink's owner
    /// to copy beside these.
    pub fn site(&self, sink: Sink<'_>) -> Result<(), RenderError> {
        let handbook = self.builder.handbook;
        let jobs: Vec<Job> = std::iter::once(Job::Index)
            .chain(
                handbook
                    .units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| !u.path.is_empty())
                    .map(|(i, _)| Job::Unit(i)),
            )
            .chain((0..handbook.sops.len()).map(Job::Sop))
            .chain([Job::Search, Job::Completeness, Job::NotFound, Job::Sitemap])
            .collect();
        self.render_jobs(&jobs, true, sink)
    }

    /// Only the pages of the SOPs at `sops` (indices into `handbook.sops`),
    /// each exactly as [`Renderer::site`] renders it: `serve` shows these
    /// first after a save, before the whole site is rendered again.
    pub fn sop_pages(&self, sops: &[usize], sink: Sink<'_>) -> Result<(), RenderError> {
        let jobs: Vec<Job> = sops.iter().map(|&i| Job::Sop(i)).collect();
        self.render_jobs(&jobs, false, sink)
    }

    /// Renders `jobs` into `sink`; `whole` adds the cross-link pages and the
    /// built-in static files.
    fn render_jobs(&self, jobs: &[Job], whole: bool, sink: Sink<'_>) -> Result<(), RenderError> {
        let builder = &self.builder;
        let templates = &self.templates;
        let completeness = self.completeness;
        // Every file passes the attachments' claims on its way out.
        let claims = claims::Claims::new(builder.handbook, self.root);
        let guarded = |file: OutputFile| claims.pass(file, sink);
        let sink: Sink<'_> = &guarded;

        // Each job's files go to the sink as soon as they are rendered; only
        // their paths are kept, for the built-in static files below.
        let results: Vec<Result<Vec<String>, JobError>> = jobs
            .par_iter()
            .map(|job| {
                let files = job
                    .render(builder, templates, completeness)
                    .map_err(JobError::Page)?;
                let mut paths = Vec::with_capacity(files.len());
                for file in files {
                    paths.push(file.path.clone());
                    sink(file).map_err(JobError::Write)?;
                }
                Ok(paths)
            })
            .collect();

        let mut paths = BTreeSet::new();
        let mut errors = Diagnostics::default();
        // One broken template breaks every page that uses it: report it once.
        let mut seen = BTreeSet::new();
        let mut report = |d: Diagnostic| {
            if seen.insert((d.file.clone(), d.line, d.column, d.message.clone())) {
                errors.push(d);
            }
        };
        for result in results {
            match result {
                Ok(p) => paths.extend(p),
                Err(JobError::Page(d)) => report(d),
                Err(JobError::Write(e)) => return Err(RenderError::Write(e)),
            }
        }
        if whole {
            match crosslinks::render(builder, templates, builder.indexes, sink) {
                Ok(written) => paths.extend(written),
                Err(RenderError::Pages(list)) => list.into_iter().for_each(&mut report),
                Err(write) => return Err(write),
            }
        }
        if whole && errors.is_empty() {
            // A built-in static file gives way to a page with the same path
            // (a file on disk with its path wins over it in the sink: see
            // `output::Assets`), never to an attachment of content/ (that is
            // a clash).
            for (path, bytes) in &self.theme.static_files {
                if !paths.contains(path) {
                    let file = OutputFile {
                        path: path.clone(),
                        bytes: bytes.to_vec(),
                    };
                    sink(file).map_err(RenderError::Write)?;
                }
            }
        }
        errors.extend(claims.into_errors());
        if !errors.is_empty() {
            return Err(RenderError::Pages(errors));
        }
        Ok(())
    }
}

enum JobError {
    Page(Diagnostic),
    Write(crate::output::OutputError),
}

/// One unit of rendering work; all are independent, so they run in parallel.
enum Job {
    Index,
    Unit(usize),
    Sop(usize),
    Search,
    Completeness,
    NotFound,
    Sitemap,
}

impl Job {
    fn render(
        &self,
        builder: &Builder<'_>,
        theme: &Templates,
        completeness: &Completeness,
    ) -> Result<Vec<OutputFile>, Diagnostic> {
        let handbook = builder.handbook;
        let routes = builder.routes;
        let mut ctx = tera::Context::new();
        // The indices of the jobs are those of the handbook's lists, which
        // the jobs were made from.
        match self {
            Job::Index => {
                ctx.insert("page", &builder.index_page());
                ctx.insert(
                    "completeness",
                    &completeness::front_link(completeness, routes),
                );
                ctx.insert("breadcrumbs", &Vec::<Link>::new());
                let html = theme.render("index.html", &ctx)?;
                Ok(vec![OutputFile::text(
                    routes.get(Kind::Front).path.clone(),
                    html,
                )])
            }
            Job::Unit(i) => {
                let unit = &handbook.units[*i];
                ctx.insert("page", &builder.unit_page(*i));
                // The SOPs of its list past their review date.
                let due = completeness::unit_marks(handbook, completeness, &unit.path, routes);
                ctx.insert("review_due", &due);
                ctx.insert("breadcrumbs", &builder.breadcrumbs(&unit.path, false));
                let html = theme.render("unit.html", &ctx)?;
                Ok(vec![OutputFile::text(
                    routes.get(Kind::Unit(*i)).path.clone(),
                    html,
                )])
            }
            Job::Sop(i) => {
                let sop = &handbook.sops[*i];
                let svg = flowchart_svg(sop, handbook.config.language, builder.lane_urls(*i));
                let page = builder.sop_page(*i, svg.as_deref());
                // The drawings, inline, are most of the page; the rest runs
                // to about 10 KB and 1.5 KB a step, plus the body as HTML
                // (larger than its Markdown).
                let capacity = svg.as_ref().map_or(0, String::len)
                    + page.print.pages.iter().map(String::len).sum::<usize>()
                    + 10_240
                    + 1_536 * sop.steps.len()
                    + 2 * sop.body.len();
                ctx.insert("page", &page);
                let review = completeness::sop_mark(completeness, *i, routes, builder.language);
                ctx.insert("review", &review);
                ctx.insert("breadcrumbs", &builder.breadcrumbs(&sop.unit, true));
                // The ids of a step's row and of its symbol in the
                // flowchart, which link to each other: spelled by the route
                // table, as the flowchart's own links are.
                ctx.insert("step_anchor", crate::routes::STEP_ANCHOR);
                ctx.insert("chart_step_anchor", crate::routes::CHART_STEP_ANCHOR);
                let html = theme.render_bytes("sop.html", &ctx, capacity)?;
                let routes = routes.sop(*i);
                let mut out = vec![OutputFile {
                    path: routes.page.path.clone(),
                    bytes: html,
                }];
                if let Some(svg) = svg {
                    out.push(OutputFile::text(routes.flowchart.path.clone(), svg));
                }
                Ok(out)
            }
            Job::Search => {
                let ctx = search_page::context(handbook, routes);
                let html = theme.render(search_page::TEMPLATE_NAME, &ctx)?;
                Ok(vec![OutputFile::text(
                    routes.get(Kind::Search).path.clone(),
                    html,
                )])
            }
            Job::Completeness => {
                let page = completeness::page(handbook, completeness, routes);
                let csv = completeness::csv(&page, builder.language);
                ctx.insert("page", &page);
                ctx.insert("breadcrumbs", &Vec::<Link>::new());
                let html = theme.render("kelengkapan.html", &ctx)?;
                Ok(vec![
                    OutputFile::text(routes.get(Kind::Completeness).path.clone(), html),
                    OutputFile {
                        path: routes.get(Kind::CompletenessCsv).path.clone(),
                        bytes: csv,
                    },
                ])
            }
            Job::NotFound => {
                ctx.insert("breadcrumbs", &Vec::<Link>::new());
                let html = theme.render("404.html", &ctx)?;
                Ok(vec![OutputFile::text(
                    routes.get(Kind::NotFound).path.clone(),
                    html,
                )])
            }
            Job::Sitemap => {
                ctx.insert("urls", &sitemap_urls(builder));
                let xml = theme.render("sitemap.xml", &ctx)?;
                Ok(vec![OutputFile::text(
                    routes.get(Kind::Sitemap).path.clone(),
                    xml,
                )])
            }
        }
    }
}

/// The flowchart of an SOP as SVG, drawn by `swimlane`: the same string is
/// inlined in the page and written as alur.svg. An SOP without steps has
/// nothing to draw.
fn flowchart_svg(sop: &Sop, language: Language, lane_urls: Vec<Option<String>>) -> Option<String> {
    if sop.steps.is_empty() {
        return None;
    }
    Some(swimlane::render_svg_linked(sop, language, lane_urls))
}

/// An entry of sitemap.xml.
#[derive(Debug, Serialize)]
struct SitemapUrl {
    loc: String,
    /// The newest date of an SOP (revision, else creation), ISO.
    lastmod: Option<String>,
}

/// Every page of the sitemap, as the route table lists them. Sitemaps
/// want absolute URLs: with an absolute base_url they are; with a path-only
/// base_url they stay root-relative, the best that can be known without the
/// host.
fn sitemap_urls(builder: &Builder<'_>) -> Vec<SitemapUrl> {
    let routes = builder.routes;
    routes
        .sitemap()
        .map(|kind| SitemapUrl {
            loc: routes.url(kind).to_string(),
            // The newest date of an SOP: revision, else creation.
            lastmod: match kind {
                Kind::Sop(i) => {
                    let s = &builder.handbook.sops[i];
                    s.latest_revision()
                        .or(s.tanggal_pembuatan.as_ref())
                        .map(|d| d.iso())
                }
                _ => None,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests;
