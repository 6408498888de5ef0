//! Pages from the `Site`: Tera templates (built in, or the site's own of the
//! same name in `templates/`), feeds, sitemap, search index and assets.
//! Every page is a pure function of `&Site`, rendered in parallel.

pub mod search;
pub mod views;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera};

use crate::config::EntityKind;
use crate::date::PartialDate;
use crate::error::{Diagnostic, Error, Result};
use crate::language;
use crate::layout::{self, TEMPLATES_DIR};
use crate::site::{Site, body};
use views::{Card, DateView, Link, Pager, description, entity_links, topic_links};

/// Templates built into the binary; a file of the same name in the site's
/// `templates/` folder replaces one.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "partials/card.html",
        include_str!("../../templates/partials/card.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../../templates/partials/pager.html"),
    ),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("topics.html", include_str!("../../templates/topics.html")),
    ("topic.html", include_str!("../../templates/topic.html")),
    (
        "chronology.html",
        include_str!("../../templates/chronology.html"),
    ),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    ("entity.html", include_str!("../../templates/entity.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
];

/// Static files built into the binary, written under `assets/`; a file of
/// the same name in the site's `static/` folder replaces one.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("search.js", include_bytes!("../../static/search.js")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
];

/// Articles per feed.
const FEED_ENTRIES: usize = 20;
/// Articles on the home page.
const HOME_ARTICLES: usize = 8;

/// One output file: its path under the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Page {
    fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Page {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

pub struct Renderer {
    tera: Tera,
    /// Each template's file as an editor knows it: `templates/404.html`, or
    /// `built-in template 404.html`.
    files: BTreeMap<String, String>,
}

impl Renderer {
    /// The built-in templates, with the site's own in `root/templates` over them.
    pub fn new(root: &Path) -> Result<Self> {
        let dir = root.join(TEMPLATES_DIR);
        let mut sources: BTreeMap<String, (String, String)> = TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (format!("built-in template {name}"), text.to_string()),
                )
            })
            .collect();
        let listing = crate::fs::list(&dir, "html")?;
        if let Some(link) = listing.links.first() {
            return Err(Error::Other(format!(
                "{}: this {}",
                crate::fs::relative(root, link),
                layout::link_refused("caspian reads only real files in", TEMPLATES_DIR)
            )));
        }
        let xml = listing
            .others
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "xml"));
        for path in listing.files.iter().chain(xml) {
            let name = crate::fs::relative(&dir, path);
            let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
            sources.insert(name.clone(), (format!("{TEMPLATES_DIR}/{name}"), text));
        }
        let files: BTreeMap<String, String> = sources
            .iter()
            .map(|(name, (shown, _))| (name.clone(), shown.clone()))
            .collect();
        let mut tera = Tera::new();
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, (_, text))| (name.as_str(), text.as_str())),
        )
        .map_err(|e| template_error(&e, &files, None))?;
        Ok(Renderer { tera, files })
    }

    /// The page `name` makes of `context`, as the bytes of its file: the
    /// templates and every value in them are UTF-8 already, so the output
    /// is not checked again.
    fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut bytes)
            .map_err(|e| template_error(&e, &self.files, Some(name)))?;
        Ok(bytes)
    }
}

/// Tera's text report of an error: `error: MESSAGE --> NAME:LINE:COLUMN`.
static REPORT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"error: ([^\n]+?)\s*\n\s*--> ([^\s:]+):(\d+):(\d+)").expect("report pattern")
});

/// A template error at the template's file, line and column. `rendering` is
/// the template being rendered, when the error came while rendering.
fn template_error(
    e: &tera::Error,
    files: &BTreeMap<String, String>,
    rendering: Option<&str>,
) -> Error {
    let file = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("{TEMPLATES_DIR}/{name}"))
    };
    let (path, line, column, message) = match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            (
                file(report.filename()),
                span.start_line,
                span.start_col + 1,
                report.message().trim().to_string(),
            )
        }
        tera::ErrorKind::MissingParent { current, parent } => (
            file(current),
            0,
            0,
            format!(
                "extends \"{parent}\", which is neither a built-in template nor a file in {TEMPLATES_DIR}/"
            ),
        ),
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => (file(tpl), 0, 0, one_line(e)),
        _ => match REPORT.captures(&e.to_string()) {
            // Unknown filters, tests and includes come as a report in text.
            Some(c) => (
                file(&c[2]),
                c[3].parse().unwrap_or(0),
                c[4].parse().unwrap_or(0),
                c[1].to_string(),
            ),
            None => (
                rendering.map_or(TEMPLATES_DIR.to_string(), file),
                0,
                0,
                one_line(e),
            ),
        },
    };
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let message = message.trim_end_matches('.');
    let message = match rendering {
        Some(name) if file(name) != path => {
            format!("{message} (while rendering {name}); fix the template")
        }
        _ => format!("{message}; fix the template"),
    };
    Error::Located(Diagnostic::error(path, line, column, message))
}

fn one_line(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    /// The base path, `/` or `/repo/`.
    base: &'a str,
    lang: &'a str,
    nav: Vec<NavItem>,
    assets: String,
    feed_url: String,
    search_url: String,
}

#[derive(Serialize)]
struct NavItem {
    name: &'static str,
    url: String,
    key: &'static str,
}

#[derive(Serialize, Default)]
struct PageView<'a> {
    title: String,
    description: String,
    /// Absolute URL of this page.
    canonical: String,
    lang: &'a str,
    /// Which section of the site this page is in: home, article, topics, ...
    section: &'static str,
    alternates: Vec<Alternate<'a>>,
}

#[derive(Serialize)]
struct Alternate<'a> {
    lang: &'a str,
    url: String,
}

struct Ctx<'a> {
    site: &'a Site,
    renderer: &'a Renderer,
}

impl<'a> Ctx<'a> {
    fn context(&self, page: PageView<'a>) -> Context {
        let site = self.site;
        let nav = [
            ("Home", "", "home"),
            ("Topics", "topics/", "topics"),
            ("Chronology", "chronology/", "chronology"),
            ("People", "people/", "people"),
            ("Places", "places/", "places"),
            ("Search", "search/", "search"),
        ]
        .into_iter()
        .map(|(name, path, key)| NavItem {
            name,
            url: site.url(path),
            key,
        })
        .collect();
        let mut c = Context::new();
        c.insert(
            "site",
            &SiteView {
                title: &site.config.title,
                description: &site.config.description,
                base_url: &site.config.base_url,
                base: site.config.base_path(),
                lang: &site.config.language,
                nav,
                assets: site.url("assets/"),
                feed_url: site.url("feed.xml"),
                search_url: site.url("search/"),
            },
        );
        c.insert("page", &page);
        c
    }

    fn page(&self, template: &str, path: &str, context: &Context) -> Result<Page> {
        Ok(Page::new(path, self.renderer.render(template, context)?))
    }

    fn page_view(
        &self,
        title: String,
        description: String,
        path: &str,
        section: &'static str,
    ) -> PageView<'a> {
        PageView {
            title,
            description,
            canonical: self.site.absolute(path),
            lang: &self.site.config.language,
            section,
            alternates: Vec::new(),
        }
    }
}

/// One file of the site (or, for the search index, one family of files),
/// before it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home,
    Article(usize),
    TopicsIndex,
    /// A topic's page `page` (from 1).
    Topic {
        topic: usize,
        page: usize,
    },
    TopicFeed(usize),
    Chronology,
    EntityIndex(EntityKind),
    Entity {
        kind: EntityKind,
        entity: usize,
        page: usize,
    },
    Search,
    /// `search/docs.json` and every shard under `search/shards/`.
    SearchIndex,
    Feed,
    NotFound,
    /// `sitemap.xml` of the whole site (0), or its part n (from 1) under
    /// `sitemaps/` when the site has more URLs than one sitemap may list.
    Sitemap(usize),
    /// `sitemap.xml` as the index of that many parts.
    SitemapIndex(usize),
    Robots,
    NoJekyll,
    Cname,
    HighlightCss,
}

impl Job {
    /// Whether the job's work grows with the whole site rather than with
    /// one page: the search index, the chronology, the sitemaps, feeds and
    /// indexes. A build starts these first so that no core is left with
    /// one of them at the end while the other waits.
    pub fn is_whole_site(self) -> bool {
        matches!(
            self,
            Job::SearchIndex
                | Job::Chronology
                | Job::Sitemap(_)
                | Job::Feed
                | Job::TopicFeed(_)
                | Job::TopicsIndex
                | Job::EntityIndex(_)
                | Job::Home
        )
    }
}

/// Where a list's page lives: `topics/energy/` or `topics/energy/page/2/`.
fn page_path(base: &str, number: usize) -> String {
    if number == 1 {
        base.to_string()
    } else {
        format!("{base}page/{number}/")
    }
}

fn page_count(site: &Site, list: &[usize]) -> usize {
    list.len().div_ceil(site.config.paginate).max(1)
}

/// Every file of the site with the job that makes it, sorted by path. The
/// search index is listed once, as `search/docs.json`.
pub fn plan(site: &Site) -> Vec<(String, Job)> {
    let mut plan = vec![
        ("index.html".to_string(), Job::Home),
        ("topics/index.html".to_string(), Job::TopicsIndex),
        ("chronology/index.html".to_string(), Job::Chronology),
        ("search/index.html".to_string(), Job::Search),
        ("search/docs.json".to_string(), Job::SearchIndex),
        ("feed.xml".to_string(), Job::Feed),
        ("404.html".to_string(), Job::NotFound),
        ("robots.txt".to_string(), Job::Robots),
        (".nojekyll".to_string(), Job::NoJekyll),
        ("assets/highlight.css".to_string(), Job::HighlightCss),
    ];
    if site.config.cname.is_some() {
        plan.push(("CNAME".to_string(), Job::Cname));
    }
    for (i, e) in site.entries.iter().enumerate() {
        plan.push((format!("articles/{}/index.html", e.slug()), Job::Article(i)));
    }
    for (t, topic) in site.config.topics.iter().enumerate() {
        let base = format!("topics/{}/", topic.slug);
        for page in 1..=page_count(site, &site.topics[t]) {
            plan.push((
                format!("{}index.html", page_path(&base, page)),
                Job::Topic { topic: t, page },
            ));
        }
        plan.push((format!("{base}feed.xml"), Job::TopicFeed(t)));
    }
    for kind in [EntityKind::Person, EntityKind::Place] {
        plan.push((format!("{}/index.html", kind.key()), Job::EntityIndex(kind)));
        for (i, entity) in site.config.entities(kind).iter().enumerate() {
            let list = &site.entity_articles(kind)[i];
            if list.is_empty() {
                continue;
            }
            let base = format!("{}/{}/", kind.key(), entity.slug);
            for page in 1..=page_count(site, list) {
                plan.push((
                    format!("{}index.html", page_path(&base, page)),
                    Job::Entity {
                        kind,
                        entity: i,
                        page,
                    },
                ));
            }
        }
    }
    let urls = plan.iter().filter(|(p, j)| in_sitemap(p, *j)).count();
    plan.extend(sitemap_jobs(urls, SITEMAP_URLS));
    plan.sort_by(|a, b| a.0.cmp(&b.0));
    plan
}

/// The most URLs one sitemap file may list (sitemaps.org, and what search
/// engines accept); a site with more gets a sitemap index.
pub const SITEMAP_URLS: usize = 50_000;

/// The sitemap files for `urls` URLs, at most `limit` in each.
fn sitemap_jobs(urls: usize, limit: usize) -> Vec<(String, Job)> {
    if urls <= limit {
        return vec![("sitemap.xml".to_string(), Job::Sitemap(0))];
    }
    let parts = urls.div_ceil(limit);
    std::iter::once(("sitemap.xml".to_string(), Job::SitemapIndex(parts)))
        .chain((1..=parts).map(|part| (format!("sitemaps/{part}.xml"), Job::Sitemap(part))))
        .collect()
}

/// Whether a file of the plan is a page a sitemap lists.
fn in_sitemap(path: &str, job: Job) -> bool {
    path.ends_with("index.html") && job != Job::NotFound
}

/// One job's files. `plan` is the whole site's, for the sitemap.
pub fn render_job(
    site: &Site,
    renderer: &Renderer,
    plan: &[(String, Job)],
    path: &str,
    job: Job,
) -> Result<Vec<Page>> {
    let ctx = Ctx { site, renderer };
    let one = |page: Result<Page>| page.map(|p| vec![p]);
    match job {
        Job::Home => one(render_home(&ctx)),
        Job::Article(i) => one(render_article(&ctx, i)),
        Job::TopicsIndex => one(render_topics_index(&ctx)),
        Job::Topic { topic, page } => one(render_topic(&ctx, topic, page)),
        Job::TopicFeed(t) => {
            let topic = &site.config.topics[t];
            let title = format!("{} – {}", site.config.title, topic.name);
            one(render_feed(&ctx, path, &title, &site.topics[t]))
        }
        Job::Chronology => one(render_chronology(&ctx)),
        Job::EntityIndex(kind) => one(render_entity_index(&ctx, kind)),
        Job::Entity { kind, entity, page } => one(render_entity(&ctx, kind, entity, page)),
        Job::Search => one(render_search_page(&ctx)),
        Job::SearchIndex => Ok(search::render_index(site)),
        Job::Feed => {
            let newest: Vec<usize> = (0..site.entries.len()).rev().collect();
            one(render_feed(&ctx, path, &site.config.title, &newest))
        }
        Job::NotFound => {
            let page = ctx.page_view("Page not found".into(), String::new(), "404.html", "none");
            one(ctx.page("404.html", path, &ctx.context(page)))
        }
        Job::Sitemap(part) => one(render_sitemap(&ctx, plan, path, part, SITEMAP_URLS)),
        Job::SitemapIndex(parts) => Ok(vec![sitemap_index(&site.config.base_url, path, parts)]),
        Job::Robots => {
            let text = format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                site.absolute("sitemap.xml")
            );
            Ok(vec![Page::new(path, text)])
        }
        Job::NoJekyll => Ok(vec![Page::new(path, "")]),
        Job::Cname => Ok(vec![Page::new(
            path,
            format!("{}\n", site.config.cname.as_deref().unwrap_or("")),
        )]),
        Job::HighlightCss => Ok(vec![Page::new(path, body::highlight_css())]),
    }
}

/// The built-in assets, for the output's `assets/` folder.
pub fn builtin_assets() -> impl Iterator<Item = Page> {
    ASSETS
        .iter()
        .map(|(name, bytes)| Page::new(format!("assets/{name}"), bytes.to_vec()))
}

#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    title_generated: bool,
    date: Option<DateView>,
    lang: &'a str,
    lang_name: &'static str,
    lang_native: &'static str,
    source_name: Option<&'a str>,
    source_url: Option<&'a str>,
    topics: Vec<Link<'a>>,
    people: Vec<Link<'a>>,
    places: Vec<Link<'a>>,
    html: &'a str,
    summary: &'a str,
    events: Vec<EventView<'a>>,
    related: Vec<Card<'a>>,
    previous: Option<Card<'a>>,
    next: Option<Card<'a>>,
    translations: Vec<TranslationView<'a>>,
    has_code: bool,
    json_ld: String,
    words: usize,
    minutes: usize,
}

#[derive(Serialize)]
struct EventView<'a> {
    date: DateView,
    text: &'a str,
}

#[derive(Serialize)]
struct TranslationView<'a> {
    title: &'a str,
    url: &'a str,
    lang: &'a str,
    lang_name: &'static str,
}

fn render_article(ctx: &Ctx, i: usize) -> Result<Page> {
    let site = ctx.site;
    let e = &site.entries[i];
    let meta = &e.article.meta;
    let path = format!("articles/{}/", e.slug());
    let source = meta.source.as_ref();
    let translations: Vec<TranslationView> = site.translations[i]
        .iter()
        .map(|&j| {
            let t = &site.entries[j];
            TranslationView {
                title: t.article.title(),
                url: &t.url,
                lang: &t.article.meta.lang,
                lang_name: language::native_name(&t.article.meta.lang),
            }
        })
        .collect();
    let mut alternates = Vec::new();
    if !translations.is_empty() {
        alternates.push(Alternate {
            lang: &meta.lang,
            url: site.absolute(&path),
        });
        for &j in &site.translations[i] {
            let t = &site.entries[j];
            alternates.push(Alternate {
                lang: &t.article.meta.lang,
                url: site.absolute(&format!("articles/{}/", t.slug())),
            });
        }
    }
    let people = entity_links(site, e, EntityKind::Person);
    let places = entity_links(site, e, EntityKind::Place);
    let topics = topic_links(site, e);
    let words = crate::text::word_count(&e.body.plain);
    let json_ld = json_ld(site, i, &path, &topics, &people, &places);
    let view = ArticleView {
        title: e.article.title(),
        title_generated: meta.generated.iter().any(|g| g == "title"),
        date: meta.date.map(DateView::from),
        lang: &meta.lang,
        lang_name: language::english_name(&meta.lang),
        lang_native: language::native_name(&meta.lang),
        source_name: source.and_then(|s| s.name.as_deref()),
        source_url: source.and_then(|s| s.url.as_deref()),
        topics,
        people,
        places,
        html: &e.body.html,
        summary: &e.summary,
        events: meta
            .events
            .iter()
            .map(|ev| EventView {
                date: ev.date.into(),
                text: &ev.text,
            })
            .collect(),
        related: site
            .related(i)
            .into_iter()
            .map(|j| Card::new(site, j))
            .collect(),
        previous: site.previous[i].map(|j| Card::new(site, j)),
        next: site.next[i].map(|j| Card::new(site, j)),
        translations,
        has_code: e.body.has_code,
        json_ld,
        words,
        minutes: words.div_ceil(200).max(1),
    };
    let mut page = ctx.page_view(
        e.article.title().to_string(),
        description(&e.summary),
        &path,
        "article",
    );
    page.lang = &meta.lang;
    page.alternates = alternates;
    let mut c = ctx.context(page);
    c.insert("article", &view);
    ctx.page("article.html", &format!("{path}index.html"), &c)
}

/// schema.org `NewsArticle` as JSON-LD, safe inside `<script>`.
fn json_ld(
    site: &Site,
    i: usize,
    path: &str,
    topics: &[Link],
    people: &[Link],
    places: &[Link],
) -> String {
    let e = &site.entries[i];
    let meta = &e.article.meta;
    let publisher = meta
        .source
        .as_ref()
        .and_then(|s| s.name.as_deref())
        .unwrap_or(&site.config.title);
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": e.article.title(),
        "inLanguage": meta.lang,
        "url": site.absolute(path),
        "mainEntityOfPage": site.absolute(path),
        "description": description(&e.summary),
        "publisher": { "@type": "Organization", "name": publisher },
        "isPartOf": { "@type": "WebSite", "name": site.config.title, "url": site.config.base_url },
        "about": topics.iter().map(|t| t.name).collect::<Vec<_>>(),
        "mentions": people.iter().map(|p| serde_json::json!({"@type": "Person", "name": p.name}))
            .chain(places.iter().map(|p| serde_json::json!({"@type": "Place", "name": p.name})))
            .collect::<Vec<_>>(),
    });
    if let Some(d) = meta.date {
        ld["datePublished"] = d.iso().into();
    }
    // `<`, `>` and `&` only occur inside JSON strings, where `\u003c` means
    // the same; written so, no text can end the script or open a comment.
    serde_json::to_string(&ld)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Serialize)]
struct TopicView<'a> {
    name: &'a str,
    slug: &'a str,
    description: &'a str,
    url: String,
    feed_url: String,
    count: usize,
}

fn topic_view<'a>(site: &'a Site, t: usize) -> TopicView<'a> {
    let topic = &site.config.topics[t];
    TopicView {
        name: &topic.name,
        slug: &topic.slug,
        description: &topic.description,
        url: site.url(&format!("topics/{}/", topic.slug)),
        feed_url: site.url(&format!("topics/{}/feed.xml", topic.slug)),
        count: site.topics[t].len(),
    }
}

fn render_home(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let latest: Vec<Card> = newest(site)
        .take(HOME_ARTICLES)
        .map(|i| Card::new(site, i))
        .collect();
    let topics: Vec<TopicView> = (0..site.config.topics.len())
        .map(|t| topic_view(site, t))
        .collect();
    let mut c = ctx.context(ctx.page_view(
        site.config.title.clone(),
        description(&site.config.description),
        "",
        "home",
    ));
    c.insert("latest", &latest);
    c.insert("topics", &topics);
    c.insert("years", &years(site));
    c.insert("article_count", &site.entries.len());
    ctx.page("index.html", "index.html", &c)
}

/// Dated articles newest first, then the undated.
fn newest(site: &Site) -> impl Iterator<Item = usize> + '_ {
    let dated = (0..site.entries.len())
        .rev()
        .filter(|&i| site.entries[i].date().is_some());
    dated.chain((0..site.entries.len()).filter(|&i| site.entries[i].date().is_none()))
}

fn render_topics_index(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let topics: Vec<TopicView> = (0..site.config.topics.len())
        .map(|t| topic_view(site, t))
        .collect();
    let mut c = ctx.context(ctx.page_view(
        "Topics".into(),
        "Every topic of the archive.".into(),
        "topics/",
        "topics",
    ));
    c.insert("topics", &topics);
    ctx.page("topics.html", "topics/index.html", &c)
}

fn render_topic(ctx: &Ctx, t: usize, number: usize) -> Result<Page> {
    let site = ctx.site;
    let topic = &site.config.topics[t];
    let base = format!("topics/{}/", topic.slug);
    let list = &site.topics[t];
    let fallback = format!("Articles about {}.", topic.name);
    let page = list_page_view(
        ctx,
        &topic.name,
        &topic.description,
        &fallback,
        &base,
        number,
        "topics",
    );
    let mut c = ctx.context(page);
    c.insert("topic", &topic_view(site, t));
    let cards: Vec<Card> = page_slice(site, list, number)
        .iter()
        .map(|&i| Card::with_excerpt(site, i, t))
        .collect();
    c.insert("articles", &cards);
    c.insert(
        "pager",
        &Pager::new(&site.url(&base), number, page_count(site, list)),
    );
    ctx.page(
        "topic.html",
        &format!("{}index.html", page_path(&base, number)),
        &c,
    )
}

/// The page facts of page `number` of a list named `name` under `base`:
/// "Energy (page 2)", its description or `fallback` when it has none.
fn list_page_view<'a>(
    ctx: &Ctx<'a>,
    name: &str,
    about: &str,
    fallback: &str,
    base: &str,
    number: usize,
    section: &'static str,
) -> PageView<'a> {
    let title = if number > 1 {
        format!("{name} (page {number})")
    } else {
        name.to_string()
    };
    let about = if about.is_empty() { fallback } else { about };
    ctx.page_view(title, description(about), &page_path(base, number), section)
}

/// The articles on page `number` of a list.
fn page_slice<'a>(site: &Site, list: &'a [usize], number: usize) -> &'a [usize] {
    let size = site.config.paginate;
    &list[((number - 1) * size).min(list.len())..(number * size).min(list.len())]
}

#[derive(Serialize)]
struct YearView {
    year: i32,
    id: String,
    groups: Vec<GroupView>,
    count: usize,
}

#[derive(Serialize)]
struct GroupView {
    /// "November 2023", or "2023" for what is known only to the year.
    label: String,
    id: String,
    items: Vec<ChronoItem>,
}

#[derive(Serialize)]
struct ChronoItem {
    /// "article" or "event".
    kind: &'static str,
    date: DateView,
    title: String,
    url: String,
    lang: String,
    /// For an event: the article that mentions it.
    source_title: Option<String>,
    source_lang: Option<String>,
}

#[derive(Serialize)]
struct YearLink {
    year: i32,
    url: String,
}

fn years(site: &Site) -> Vec<YearLink> {
    let mut years: Vec<i32> = site
        .entries
        .iter()
        .filter_map(|e| e.date().map(|d| d.year))
        .chain(site.events.iter().map(|e| e.date.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| YearLink {
            year,
            url: site.url(&format!("chronology/#y{year}")),
        })
        .collect()
}

fn render_chronology(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    // Articles and events, merged by date; on one date an article before the events it mentions.
    let mut items: Vec<(PartialDate, u8, usize, ChronoItem)> = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        if let Some(date) = e.date() {
            items.push((
                date,
                0,
                i,
                ChronoItem {
                    kind: "article",
                    date: date.into(),
                    title: e.article.title().to_string(),
                    url: e.url.clone(),
                    lang: e.article.meta.lang.clone(),
                    source_title: None,
                    source_lang: None,
                },
            ));
        }
    }
    for (k, ev) in site.events.iter().enumerate() {
        let e = &site.entries[ev.entry];
        items.push((
            ev.date,
            1,
            k,
            ChronoItem {
                kind: "event",
                date: ev.date.into(),
                title: ev.text.clone(),
                url: e.url.clone(),
                lang: e.article.meta.lang.clone(),
                source_title: Some(e.article.title().to_string()),
                source_lang: Some(e.article.meta.lang.clone()),
            },
        ));
    }
    items.sort_by_key(|a| (a.0, a.1, a.2));

    let mut years: Vec<YearView> = Vec::new();
    for (date, _, _, item) in items {
        if years.last().is_none_or(|y| y.year != date.year) {
            years.push(YearView {
                year: date.year,
                id: format!("y{}", date.year),
                groups: Vec::new(),
                count: 0,
            });
        }
        let year = years.last_mut().expect("a year");
        let (label, id) = match date.month {
            Some(m) => (
                format!("{} {}", PartialDate::month_name(m), date.year),
                format!("y{}-{m:02}", date.year),
            ),
            None => (
                format!("{} (month not known)", date.year),
                format!("y{}-00", date.year),
            ),
        };
        if year.groups.last().is_none_or(|g| g.id != id) {
            year.groups.push(GroupView {
                label,
                id,
                items: Vec::new(),
            });
        }
        year.count += usize::from(item.kind == "article");
        year.groups.last_mut().expect("a group").items.push(item);
    }
    let undated: Vec<Card> = (0..site.entries.len())
        .filter(|&i| site.entries[i].date().is_none())
        .map(|i| Card::new(site, i))
        .collect();
    let mut c = ctx.context(ctx.page_view(
        "Chronology".into(),
        "Every article by date, with the dated events the articles mention.".into(),
        "chronology/",
        "chronology",
    ));
    c.insert("years", &years);
    c.insert("undated", &undated);
    ctx.page("chronology.html", "chronology/index.html", &c)
}

#[derive(Serialize)]
struct EntityView<'a> {
    name: &'a str,
    slug: &'a str,
    description: &'a str,
    aliases: Vec<&'a str>,
    url: String,
    count: usize,
    topics: Vec<TopicCount<'a>>,
}

#[derive(Serialize)]
struct TopicCount<'a> {
    name: &'a str,
    url: String,
    count: usize,
}

fn entity_view<'a>(site: &'a Site, kind: EntityKind, i: usize) -> EntityView<'a> {
    let en = &site.config.entities(kind)[i];
    let list = &site.entity_articles(kind)[i];
    let mut aliases: Vec<&str> = en
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != en.name)
        .collect();
    aliases.sort_unstable();
    aliases.dedup();
    let kind_number = match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
    };
    // Most articles first; ties in the order site.toml gives the topics.
    let topics: Vec<TopicCount> = site.entity_topics[kind_number][i]
        .iter()
        .map(|&(t, count)| {
            let t = &site.config.topics[t];
            TopicCount {
                name: &t.name,
                url: site.url(&format!("topics/{}/", t.slug)),
                count,
            }
        })
        .collect();
    EntityView {
        name: &en.name,
        slug: &en.slug,
        description: &en.description,
        aliases,
        url: site.url(&format!("{}/{}/", kind.key(), en.slug)),
        count: list.len(),
        topics,
    }
}

fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
    }
}

fn render_entity_index(ctx: &Ctx, kind: EntityKind) -> Result<Page> {
    let site = ctx.site;
    let lists = site.entity_articles(kind);
    let mut index: Vec<EntityView> = (0..lists.len())
        .filter(|&i| !lists[i].is_empty())
        .map(|i| entity_view(site, kind, i))
        .collect();
    index.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(b.name)));
    let heading = heading(kind);
    let mut c = ctx.context(ctx.page_view(
        heading.into(),
        format!("{heading} the articles name."),
        &format!("{}/", kind.key()),
        kind.key(),
    ));
    c.insert("entities", &index);
    c.insert("kind", kind.key());
    c.insert("heading", heading);
    ctx.page("entities.html", &format!("{}/index.html", kind.key()), &c)
}

fn render_entity(ctx: &Ctx, kind: EntityKind, i: usize, number: usize) -> Result<Page> {
    let site = ctx.site;
    let en = entity_view(site, kind, i);
    let list = &site.entity_articles(kind)[i];
    let base = format!("{}/{}/", kind.key(), en.slug);
    let fallback = format!("Articles that name {}.", en.name);
    let page = list_page_view(
        ctx,
        en.name,
        en.description,
        &fallback,
        &base,
        number,
        kind.key(),
    );
    let mut c = ctx.context(page);
    c.insert("kind", kind.key());
    c.insert("noun", kind.noun());
    c.insert(
        "articles",
        &page_slice(site, list, number)
            .iter()
            .map(|&a| Card::new(site, a))
            .collect::<Vec<_>>(),
    );
    c.insert(
        "pager",
        &Pager::new(&site.url(&base), number, page_count(site, list)),
    );
    c.insert("entity", &en);
    ctx.page(
        "entity.html",
        &format!("{}index.html", page_path(&base, number)),
        &c,
    )
}

fn render_search_page(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let mut c = ctx.context(ctx.page_view(
        "Search".into(),
        "Search every article, in every language.".into(),
        "search/",
        "search",
    ));
    c.insert("index_url", &site.url("search/"));
    ctx.page("search.html", "search/index.html", &c)
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    updated: String,
    summary: &'a str,
    content: &'a str,
    lang: &'a str,
}

/// An Atom feed of the newest dated articles in `list` (given newest first).
fn render_feed(ctx: &Ctx, path: &str, title: &str, list: &[usize]) -> Result<Page> {
    let site = ctx.site;
    let entries: Vec<FeedEntry> = list
        .iter()
        .filter_map(|&i| {
            let e = &site.entries[i];
            Some(FeedEntry {
                title: e.article.title(),
                url: site.absolute(&format!("articles/{}/", e.slug())),
                updated: e.date()?.rfc3339(),
                summary: &e.summary,
                content: &e.body.html,
                lang: &e.article.meta.lang,
            })
        })
        .take(FEED_ENTRIES)
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut c = Context::new();
    c.insert("title", title);
    c.insert("feed_url", &site.absolute(path));
    c.insert("site_url", &site.config.base_url);
    c.insert("site_title", &site.config.title);
    c.insert("lang", &site.config.language);
    c.insert("updated", &updated);
    c.insert("entries", &entries);
    ctx.page("feed.xml", path, &c)
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// The sitemap of the whole site (`part` 0) or of its `part`-th `limit` pages.
fn render_sitemap(
    ctx: &Ctx,
    plan: &[(String, Job)],
    path: &str,
    part: usize,
    limit: usize,
) -> Result<Page> {
    let site = ctx.site;
    let urls: Vec<SitemapUrl> = sitemap_part(plan, part, limit)
        .map(|(path, job)| SitemapUrl {
            loc: site.absolute(path.trim_end_matches("index.html")),
            lastmod: match job {
                Job::Article(i) => site.entries[*i]
                    .date()
                    .filter(PartialDate::is_full)
                    .map(|d| d.iso()),
                _ => None,
            },
        })
        .collect();
    let mut c = Context::new();
    c.insert("urls", &urls);
    ctx.page("sitemap.xml", path, &c)
}

/// The pages of the plan that the sitemap's `part` lists (0: all of them).
fn sitemap_part(
    plan: &[(String, Job)],
    part: usize,
    limit: usize,
) -> impl Iterator<Item = &(String, Job)> {
    let (skip, take) = match part {
        0 => (0, usize::MAX),
        n => ((n - 1) * limit, limit),
    };
    plan.iter()
        .filter(|(path, job)| in_sitemap(path, *job))
        .skip(skip)
        .take(take)
}

/// A sitemap index of the parts under `sitemaps/`.
fn sitemap_index(base_url: &str, path: &str, parts: usize) -> Page {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 1..=parts {
        let loc = crate::text::escape_html(&format!("{base_url}sitemaps/{part}.xml"));
        xml.push_str(&format!(
            "  <sitemap>\n    <loc>{loc}</loc>\n  </sitemap>\n"
        ));
    }
    xml.push_str("</sitemapindex>\n");
    Page::new(path, xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_with_more_urls_than_a_sitemap_may_list_gets_an_index_of_parts() {
        assert_eq!(
            sitemap_jobs(3, 3),
            [("sitemap.xml".into(), Job::Sitemap(0))]
        );
        assert_eq!(
            sitemap_jobs(7, 3),
            [
                ("sitemap.xml".into(), Job::SitemapIndex(3)),
                ("sitemaps/1.xml".into(), Job::Sitemap(1)),
                ("sitemaps/2.xml".into(), Job::Sitemap(2)),
                ("sitemaps/3.xml".into(), Job::Sitemap(3)),
            ]
        );
        let mut plan: Vec<(String, Job)> = (0..7)
            .map(|i| (format!("articles/a{i}/index.html"), Job::Article(i)))
            .collect();
        plan.push(("404.html".into(), Job::NotFound));
        plan.push(("feed.xml".into(), Job::Feed));
        let part = |n| -> Vec<&str> {
            sitemap_part(&plan, n, 3)
                .map(|(p, _)| p.trim_end_matches("/index.html"))
                .collect()
        };
        assert_eq!(part(1), ["articles/a0", "articles/a1", "articles/a2"]);
        assert_eq!(part(3), ["articles/a6"]);
        assert_eq!(part(0).len(), 7);
        let index = sitemap_index("https://x.org/a&b/", "sitemap.xml", 2);
        let xml = String::from_utf8(index.bytes).unwrap();
        assert!(
            xml.contains("<loc>https://x.org/a&amp;b/sitemaps/2.xml</loc>"),
            "{xml}"
        );
        assert_eq!(xml.matches("<sitemap>").count(), 2);
    }
}
