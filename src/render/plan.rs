//! The plan of a site: every file it has, each with the job that makes it,
//! and the dispatch of a job to the page function that renders it. `build`
//! renders the whole plan; `serve` renders one job when a page is asked for.

use super::context::{Ctx, page_count};
use super::{Page, Renderer, articles, chronology, feeds, lists, search, sitemaps, stories};
use crate::config::EntityKind;
use crate::error::Result;
use crate::route;
use crate::site::chronology::Place;
use crate::site::{Site, body};

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
    LanguagesIndex,
    /// Page `page` (from 1) of a language's articles: the language by its
    /// number in `site.languages`.
    Language {
        language: usize,
        page: usize,
    },
    LanguageFeed(usize),
    /// The chronology's way in.
    Chronology,
    /// A page of a year of the chronology: the year by its number in
    /// `site.chronology.years`.
    ChronologyYear {
        year: usize,
        place: Place,
    },
    /// A page of a month of a year split by month: the month by its number
    /// in the year's `months`.
    ChronologyMonth {
        year: usize,
        month: usize,
        place: Place,
    },
    /// Page `page` (from 1) of the undated articles.
    ChronologyUndated(usize),
    /// A story's reports side by side, by its number in `site.stories`.
    Story(usize),
    EntityIndex(EntityKind),
    Entity {
        kind: EntityKind,
        entity: usize,
        page: usize,
    },
    Search,
    /// `search/index.json` and the rest of the search index beside it.
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
    /// one page: the search index, the sitemaps, feeds and indexes. A build starts these first so that no core is left with
    /// one of them at the end while the other waits.
    pub fn is_whole_site(self) -> bool {
        matches!(
            self,
            Job::SearchIndex
                | Job::Sitemap(_)
                | Job::Feed
                | Job::TopicFeed(_)
                | Job::TopicsIndex
                | Job::LanguageFeed(_)
                | Job::LanguagesIndex
                | Job::EntityIndex(_)
                | Job::Home
        )
    }
}

/// Every file of the site with the job that makes it, sorted by path. The
/// search index is listed once, as `search/index.json`.
pub fn plan(site: &Site) -> Vec<(String, Job)> {
    let mut plan: Vec<(String, Job)> = [
        (route::HOME, Job::Home),
        (route::TOPICS, Job::TopicsIndex),
        (route::LANGUAGES, Job::LanguagesIndex),
        (route::CHRONOLOGY, Job::Chronology),
        (route::SEARCH, Job::Search),
        (route::SEARCH_INDEX, Job::SearchIndex),
        (route::FEED, Job::Feed),
        (route::NOT_FOUND, Job::NotFound),
        (route::ROBOTS, Job::Robots),
        (route::NOJEKYLL, Job::NoJekyll),
    ]
    .into_iter()
    .map(|(address, job)| (route::file(address), job))
    .collect();
    plan.push((route::asset("highlight.css"), Job::HighlightCss));
    for (place, year, month) in site.chronology.pages() {
        let job = match month {
            Some(month) => Job::ChronologyMonth { year, month, place },
            None => Job::ChronologyYear { year, place },
        };
        plan.push((route::file(&place.address()), job));
    }
    if !site.chronology.undated.is_empty() {
        for page in 1..=page_count(site, &site.chronology.undated) {
            let address = route::chronology_undated(page);
            plan.push((route::file(&address), Job::ChronologyUndated(page)));
        }
    }
    if site.config.cname.is_some() {
        plan.push((route::CNAME.to_string(), Job::Cname));
    }
    for (i, e) in site.entries.iter().enumerate() {
        plan.push((route::file(&route::article(e.slug())), Job::Article(i)));
    }
    for (s, story) in site.stories.iter().enumerate() {
        plan.push((route::file(&route::story(&story.slug)), Job::Story(s)));
    }
    for (t, topic) in site.config.topics.iter().enumerate() {
        for page in 1..=page_count(site, &site.topics[t]) {
            let address = route::topic(&topic.slug, page);
            plan.push((route::file(&address), Job::Topic { topic: t, page }));
        }
        plan.push((route::topic_feed(&topic.slug), Job::TopicFeed(t)));
    }
    for (l, language) in site.languages.iter().enumerate() {
        for page in 1..=page_count(site, &language.articles) {
            let address = route::language(&language.code, page);
            plan.push((route::file(&address), Job::Language { language: l, page }));
        }
        plan.push((route::language_feed(&language.code), Job::LanguageFeed(l)));
    }
    for kind in [EntityKind::Person, EntityKind::Place] {
        plan.push((route::file(&route::entities(kind)), Job::EntityIndex(kind)));
        for (entity, en) in site.config.entities(kind).iter().enumerate() {
            let list = &site.entity_articles(kind)[entity];
            if list.is_empty() {
                continue;
            }
            for page in 1..=page_count(site, list) {
                let address = route::entity(kind, &en.slug, page);
                plan.push((route::file(&address), Job::Entity { kind, entity, page }));
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
pub(super) fn sitemap_jobs(urls: usize, limit: usize) -> Vec<(String, Job)> {
    if urls <= limit {
        return vec![(route::SITEMAP.to_string(), Job::Sitemap(0))];
    }
    let parts = urls.div_ceil(limit);
    let index = (route::SITEMAP.to_string(), Job::SitemapIndex(parts));
    let part = |n| (route::sitemap_part(n), Job::Sitemap(n));
    std::iter::once(index)
        .chain((1..=parts).map(part))
        .collect()
}

/// Whether a file of the plan is a page a sitemap lists.
pub(super) fn in_sitemap(path: &str, job: Job) -> bool {
    path.ends_with("index.html") && job != Job::NotFound
}

/// One job's files. `plan` is the whole site's, for the sitemap; `path` is
/// the job's file in it.
pub fn render_job(
    site: &Site,
    renderer: &Renderer,
    plan: &[(String, Job)],
    path: &str,
    job: Job,
) -> Result<Vec<Page>> {
    let ctx = Ctx { site, renderer };
    let one = |page: Result<Page>| page.map(|p| vec![p]);
    let file = |bytes: String| Ok(vec![Page::new(path, bytes)]);
    match job {
        Job::Home => one(lists::render_home(&ctx)),
        Job::Article(i) => one(articles::render_article(&ctx, i)),
        Job::TopicsIndex => one(lists::render_topics_index(&ctx)),
        Job::Topic { topic, page } => one(lists::render_topic(&ctx, topic, page)),
        Job::TopicFeed(t) => one(feeds::render_topic_feed(&ctx, t)),
        Job::LanguagesIndex => one(lists::render_languages_index(&ctx)),
        Job::Language { language, page } => one(lists::render_language(&ctx, language, page)),
        Job::LanguageFeed(l) => one(feeds::render_language_feed(&ctx, l)),
        Job::Chronology => one(chronology::render_way_in(&ctx)),
        Job::ChronologyYear { year, place } => one(chronology::render_year(&ctx, year, place)),
        Job::ChronologyMonth { year, month, place } => {
            one(chronology::render_month(&ctx, year, month, place))
        }
        Job::ChronologyUndated(page) => one(chronology::render_undated(&ctx, page)),
        Job::Story(s) => one(stories::render_story(&ctx, s)),
        Job::EntityIndex(kind) => one(lists::render_entity_index(&ctx, kind)),
        Job::Entity { kind, entity, page } => one(lists::render_entity(&ctx, kind, entity, page)),
        Job::Search => one(search::render_search_page(&ctx)),
        Job::SearchIndex => Ok(search::render_index(site)),
        Job::Feed => one(feeds::render_site_feed(&ctx)),
        Job::NotFound => one(lists::render_not_found(&ctx)),
        Job::Sitemap(part) => one(sitemaps::render_sitemap(&ctx, plan, path, part)),
        Job::SitemapIndex(parts) => Ok(vec![sitemaps::sitemap_index(
            &site.config.base_url,
            path,
            parts,
        )]),
        Job::Robots => file(sitemaps::robots(site)),
        Job::NoJekyll => file(String::new()),
        Job::Cname => file(format!("{}\n", site.config.cname.as_deref().unwrap_or(""))),
        Job::HighlightCss => file(body::highlight_css()),
    }
}
