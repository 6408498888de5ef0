//! Stories on pages: a story's reports as an article page and a chronology
//! line list them, and a story's own page with its reports side by side.

use serde::Serialize;

use super::Page;
use super::context::Ctx;
use super::views::{DateView, Link, description, entity_links, topic_links};
use crate::config::EntityKind;
use crate::error::Result;
use crate::language;
use crate::route;
use crate::site::Site;

/// One report of a story.
#[derive(Serialize)]
pub struct ReportView<'a> {
    /// Its line's id in the chronology (under the story's line).
    pub id: String,
    pub title: &'a str,
    pub url: &'a str,
    pub lang: &'a str,
    /// In its own language: "Deutsch", "Русский".
    pub lang_name: &'static str,
    pub source_name: Option<&'a str>,
    pub date: Option<DateView>,
    pub summary: &'a str,
}

impl<'a> ReportView<'a> {
    pub fn new(site: &'a Site, i: usize) -> Self {
        let e = &site.entries[i];
        let meta = &e.article.meta;
        ReportView {
            id: route::article_line_id(e.slug()),
            title: e.article.title(),
            url: &e.url,
            lang: &meta.lang,
            lang_name: language::native_name(&meta.lang),
            source_name: meta.source.as_ref().and_then(|s| s.name.as_deref()),
            date: e.date().map(|d| DateView::new(d, &site.config.strings)),
            summary: &e.summary,
        }
    }
}

/// A story as an article page or a chronology line shows it: where its page
/// is, how many reports it has, and the reports not shown already.
#[derive(Serialize)]
pub struct StoryLink<'a> {
    pub url: String,
    /// All its reports, this one included.
    pub count: usize,
    pub reports: Vec<ReportView<'a>>,
}

/// The story of article `i`, with its reports other than `i` and those in
/// `except`; `None` when it is in no story.
pub fn story_link<'a>(site: &'a Site, i: usize, except: &[usize]) -> Option<StoryLink<'a>> {
    let story = &site.stories[site.story_of[i]?];
    Some(StoryLink {
        url: site.url(&route::story(&story.slug)),
        count: story.reports.len(),
        reports: story
            .reports
            .iter()
            .filter(|&&j| j != i && !except.contains(&j))
            .map(|&j| ReportView::new(site, j))
            .collect(),
    })
}

#[derive(Serialize)]
struct StoryView<'a> {
    /// The headline of its report in the site's language, or of its first.
    title: &'a str,
    title_lang: &'a str,
    date: Option<DateView>,
    chronology_url: String,
    reports: Vec<ReportView<'a>>,
    /// How many languages it was reported in.
    languages: usize,
    topics: Vec<Link<'a>>,
    people: Vec<Link<'a>>,
    places: Vec<Link<'a>>,
}

/// `stories/<slug>/`: the story's reports side by side.
pub(super) fn render_story<'a>(ctx: &Ctx<'a>, s: usize) -> Result<Page> {
    let site: &'a Site = ctx.site;
    let story = &site.stories[s];
    let first = story.reports[0];
    let shown = story
        .reports
        .iter()
        .copied()
        .find(|&i| site.entries[i].article.meta.lang == site.config.language)
        .unwrap_or(first);
    let e = &site.entries[shown];
    let mut languages: Vec<&str> = story
        .reports
        .iter()
        .map(|&i| site.entries[i].article.meta.lang.as_str())
        .collect();
    languages.sort_unstable();
    languages.dedup();
    // The topics, people and places of its reports, each once, in the order
    // the reports give them.
    let union = |links: fn(&'a Site, usize) -> Vec<Link<'a>>| {
        let mut all: Vec<Link> = Vec::new();
        for &i in &story.reports {
            for link in links(site, i) {
                if !all.iter().any(|l| l.url == link.url) {
                    all.push(link);
                }
            }
        }
        all
    };
    let view = StoryView {
        title: e.article.title(),
        title_lang: &e.article.meta.lang,
        date: site.entries[first]
            .date()
            .map(|d| DateView::new(d, &site.config.strings)),
        chronology_url: site.url(
            &site
                .chronology
                .article_address(first, site.entries[first].slug()),
        ),
        reports: story
            .reports
            .iter()
            .map(|&i| ReportView::new(site, i))
            .collect(),
        languages: languages.len(),
        topics: union(|site, i| topic_links(site, &site.entries[i])),
        people: union(|site, i| entity_links(site, &site.entries[i], EntityKind::Person)),
        places: union(|site, i| entity_links(site, &site.entries[i], EntityKind::Place)),
    };
    let address = route::story(&story.slug);
    // "One story in 3 reports, in 2 languages: <the shown report's summary>"
    let strings = &site.config.strings;
    let mut about = strings.plural("story_reports", story.reports.len() as u64, &[]);
    if languages.len() > 1 {
        about += &strings.plural("story_languages", languages.len() as u64, &[]);
    }
    about = format!("{about}: {}", e.summary);
    let mut c = ctx.context(ctx.page_view(
        e.article.title().to_string(),
        description(&about),
        &address,
        "chronology",
    ));
    c.insert("story", &view);
    ctx.page("story.html", &address, &c)
}
