//! Atom feeds: the site's newest articles, each topic's and each language's.

use serde::Serialize;
use tera::Context;

use super::Page;
use super::context::Ctx;
use crate::error::Result;
use crate::route;

/// Articles per feed.
const FEED_ENTRIES: usize = 20;

#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    updated: String,
    summary: &'a str,
    content: &'a str,
    lang: &'a str,
}

/// The feed of the whole site.
pub(super) fn render_site_feed(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let newest: Vec<usize> = (0..site.entries.len()).rev().collect();
    render_feed(ctx, route::FEED, &site.config.title, &newest)
}

/// The feed of topic `t`.
pub(super) fn render_topic_feed(ctx: &Ctx, t: usize) -> Result<Page> {
    let site = ctx.site;
    let topic = &site.config.topics[t];
    let title = format!("{} – {}", site.config.title, topic.name);
    let address = route::topic_feed(&topic.slug);
    render_feed(ctx, &address, &title, &site.topics[t])
}

/// The feed of the articles in language `l` of `site.languages`.
pub(super) fn render_language_feed(ctx: &Ctx, l: usize) -> Result<Page> {
    let site = ctx.site;
    let language = &site.languages[l];
    let name = crate::language::native_name(&language.code);
    let title = format!("{} – {name}", site.config.title);
    let address = route::language_feed(&language.code);
    render_feed(ctx, &address, &title, &language.articles)
}

/// An Atom feed of the newest dated articles in `list` (given newest first).
fn render_feed(ctx: &Ctx, address: &str, title: &str, list: &[usize]) -> Result<Page> {
    let site = ctx.site;
    let entries: Vec<FeedEntry> = list
        .iter()
        .filter_map(|&i| {
            let e = &site.entries[i];
            Some(FeedEntry {
                title: e.article.title(),
                url: site.absolute(&route::article(e.slug())),
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
    c.insert("feed_url", &site.absolute(address));
    c.insert("site_url", &site.config.base_url);
    c.insert("site_title", &site.config.title);
    c.insert("lang", &site.config.language);
    c.insert("updated", &updated);
    c.insert("entries", &entries);
    ctx.page("feed.xml", address, &c)
}
