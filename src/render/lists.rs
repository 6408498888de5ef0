//! The pages that list articles: the home page, every topic and one
//! topic's articles, every language and one language's articles, every
//! person or place and the articles that name one, and the page for an
//! address the site does not have.

use serde::Serialize;

use super::Page;
use super::chronology::years;
use super::context::{Ctx, List};
use super::views::{Card, description};
use super::{chart, map};
use crate::config::EntityKind;
use crate::error::Result;
use crate::language;
use crate::route;
use crate::site::Site;

/// Articles on the home page.
const HOME_ARTICLES: usize = 8;

#[derive(Serialize)]
struct TopicView<'a> {
    name: &'a str,
    slug: &'a str,
    description: &'a str,
    url: String,
    feed_url: String,
    count: usize,
}

fn topic_view(site: &Site, t: usize) -> TopicView<'_> {
    let topic = &site.config.topics[t];
    TopicView {
        name: &topic.name,
        slug: &topic.slug,
        description: &topic.description,
        url: site.url(&route::topic(&topic.slug, 1)),
        feed_url: site.url(&route::topic_feed(&topic.slug)),
        count: site.topics[t].len(),
    }
}

fn topic_views(site: &Site) -> Vec<TopicView<'_>> {
    (0..site.config.topics.len())
        .map(|t| topic_view(site, t))
        .collect()
}

pub(super) fn render_home(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let latest: Vec<Card> = newest(site)
        .take(HOME_ARTICLES)
        .map(|i| Card::new(site, i))
        .collect();
    let mut c = ctx.context(ctx.page_view(
        site.config.title.clone(),
        description(&site.config.description),
        route::HOME,
        "home",
    ));
    c.insert("latest", &latest);
    c.insert("topics", &topic_views(site));
    c.insert("years", &years(site));
    c.insert("article_count", &site.entries.len());
    ctx.page("index.html", route::HOME, &c)
}

/// Dated articles newest first, then the undated.
fn newest(site: &Site) -> impl Iterator<Item = usize> + '_ {
    let dated = (0..site.entries.len())
        .rev()
        .filter(|&i| site.entries[i].date().is_some());
    dated.chain((0..site.entries.len()).filter(|&i| site.entries[i].date().is_none()))
}

pub(super) fn render_topics_index(ctx: &Ctx) -> Result<Page> {
    let strings = &ctx.site.config.strings;
    let mut c = ctx.context(ctx.page_view(
        strings.get("nav_topics").into(),
        strings.get("topics_description").into(),
        route::TOPICS,
        "topics",
    ));
    c.insert("topics", &topic_views(ctx.site));
    ctx.page("topics.html", route::TOPICS, &c)
}

pub(super) fn render_topic(ctx: &Ctx, t: usize, number: usize) -> Result<Page> {
    let site = ctx.site;
    let topic = &site.config.topics[t];
    let address = |n| route::topic(&topic.slug, n);
    let list = List {
        name: &topic.name,
        about: &topic.description,
        fallback: (site.config.strings).fill("articles_about", &[("name", &topic.name)]),
        section: "topics",
        articles: &site.topics[t],
        address: &address,
    };
    let mut c = list.context(ctx, number, |i| Card::with_excerpt(site, i, t));
    c.insert("topic", &topic_view(site, t));
    if number == 1 {
        c.insert("chart", &chart::single(site, &site.topics[t]));
    }
    ctx.page("topic.html", &address(number), &c)
}

#[derive(Serialize)]
struct LanguageView<'a> {
    code: &'a str,
    /// Its name in itself: "Deutsch".
    native: &'static str,
    /// Its name in the interface's language: "German", "немецкий".
    name: &'a str,
    url: String,
    feed_url: String,
    count: usize,
}

fn language_view(site: &Site, l: usize) -> LanguageView<'_> {
    let language = &site.languages[l];
    let code = language.code.as_str();
    LanguageView {
        code,
        native: language::native_name(code),
        name: site.config.strings.language_name(code),
        url: site.url(&route::language(code, 1)),
        feed_url: site.url(&route::language_feed(code)),
        count: language.articles.len(),
    }
}

pub(super) fn render_languages_index(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let mut index: Vec<LanguageView> = (0..site.languages.len())
        .map(|l| language_view(site, l))
        .collect();
    // Most articles first; ties by code, which `site.languages` is sorted by.
    index.sort_by_key(|l| std::cmp::Reverse(l.count));
    let strings = &site.config.strings;
    let mut c = ctx.context(ctx.page_view(
        strings.get("nav_languages").into(),
        strings.get("languages_description").into(),
        route::LANGUAGES,
        "languages",
    ));
    c.insert("languages", &index);
    ctx.page("languages.html", route::LANGUAGES, &c)
}

pub(super) fn render_language(ctx: &Ctx, l: usize, number: usize) -> Result<Page> {
    let site = ctx.site;
    let view = language_view(site, l);
    let address = |n| route::language(view.code, n);
    let list = List {
        name: view.native,
        about: "",
        fallback: (site.config.strings).fill("articles_in", &[("name", view.name)]),
        section: "languages",
        articles: &site.languages[l].articles,
        address: &address,
    };
    let mut c = list.context(ctx, number, |i| Card::new(site, i));
    c.insert("language", &view);
    if number == 1 {
        c.insert("chart", &chart::single(site, &site.languages[l].articles));
    }
    ctx.page("language.html", &address(number), &c)
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

fn entity_view(site: &Site, kind: EntityKind, i: usize) -> EntityView<'_> {
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
    // Most articles first; ties in the order site.toml gives the topics.
    let topics: Vec<TopicCount> = site.entity_topics(kind)[i]
        .iter()
        .map(|&(t, count)| {
            let t = &site.config.topics[t];
            TopicCount {
                name: &t.name,
                url: site.url(&route::topic(&t.slug, 1)),
                count,
            }
        })
        .collect();
    EntityView {
        name: &en.name,
        slug: &en.slug,
        description: &en.description,
        aliases,
        url: site.url(&route::entity(kind, &en.slug, 1)),
        count: list.len(),
        topics,
    }
}

/// The heading and the description of the list of people or places.
fn heading(site: &Site, kind: EntityKind) -> (&str, &str) {
    let strings = &site.config.strings;
    match kind {
        EntityKind::Person => (strings.get("nav_people"), strings.get("people_description")),
        EntityKind::Place => (strings.get("nav_places"), strings.get("places_description")),
    }
}

pub(super) fn render_entity_index(ctx: &Ctx, kind: EntityKind) -> Result<Page> {
    let site = ctx.site;
    let lists = site.entity_articles(kind);
    let mut index: Vec<EntityView> = (0..lists.len())
        .filter(|&i| !lists[i].is_empty())
        .map(|i| entity_view(site, kind, i))
        .collect();
    index.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(b.name)));
    let (heading, about) = heading(site, kind);
    let address = route::entities(kind);
    let mut c = ctx.context(ctx.page_view(heading.into(), about.into(), &address, kind.key()));
    c.insert("entities", &index);
    c.insert("kind", kind.key());
    c.insert("heading", heading);
    if kind == EntityKind::Place {
        c.insert("map", &map::render(site, None));
    }
    ctx.page("entities.html", &address, &c)
}

pub(super) fn render_entity(ctx: &Ctx, kind: EntityKind, i: usize, number: usize) -> Result<Page> {
    let site = ctx.site;
    let en = entity_view(site, kind, i);
    let address = |n| route::entity(kind, en.slug, n);
    let list = List {
        name: en.name,
        about: en.description,
        fallback: (site.config.strings).fill("articles_naming", &[("name", en.name)]),
        section: kind.key(),
        articles: &site.entity_articles(kind)[i],
        address: &address,
    };
    let mut c = list.context(ctx, number, |a| Card::new(site, a));
    c.insert("kind", kind.key());
    c.insert("noun", kind.noun());
    c.insert("entity", &en);
    if number == 1 {
        c.insert(
            "chart",
            &chart::single(site, &site.entity_articles(kind)[i]),
        );
        if kind == EntityKind::Place {
            c.insert("map", &map::render(site, Some(i)));
        }
    }
    ctx.page("entity.html", &address(number), &c)
}

pub(super) fn render_not_found(ctx: &Ctx) -> Result<Page> {
    let page = ctx.page_view(
        ctx.site.config.strings.get("not_found").into(),
        String::new(),
        route::NOT_FOUND,
        "none",
    );
    ctx.page("404.html", route::NOT_FOUND, &ctx.context(page))
}
