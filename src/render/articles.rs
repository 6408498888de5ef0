//! An article's page: its text, facts, links to its topics, people and
//! places, related articles, neighbours in time and translations, and its
//! schema.org description for search engines.

use serde::Serialize;

use super::Page;
use super::context::{Alternate, Ctx};
use super::stories::{StoryLink, story_link};
use super::views::{Card, DateView, Link, description, entity_links, topic_links};
use crate::config::EntityKind;
use crate::error::Result;
use crate::language;
use crate::route;
use crate::site::Site;

#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    title_generated: bool,
    date: Option<DateView>,
    /// Its line in the chronology (or the undated articles' page).
    chronology_url: String,
    lang: &'a str,
    /// Its language's name in the interface's language.
    lang_name: &'a str,
    lang_native: &'static str,
    /// The page of the articles in its language.
    lang_url: String,
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
    /// The story it is a report of, with the reports that are not its
    /// translations (those are listed apart).
    story: Option<StoryLink<'a>>,
    has_code: bool,
    json_ld: String,
    words: usize,
    minutes: usize,
}

#[derive(Serialize)]
struct EventView<'a> {
    date: DateView,
    text: &'a str,
    /// Its line in the chronology.
    url: Option<String>,
}

#[derive(Serialize)]
struct TranslationView<'a> {
    title: &'a str,
    url: &'a str,
    lang: &'a str,
    lang_name: &'static str,
}

pub(super) fn render_article(ctx: &Ctx, i: usize) -> Result<Page> {
    let site = ctx.site;
    let e = &site.entries[i];
    let meta = &e.article.meta;
    let address = route::article(e.slug());
    let source = meta.source.as_ref();
    let people = entity_links(site, e, EntityKind::Person);
    let places = entity_links(site, e, EntityKind::Place);
    let topics = topic_links(site, e);
    let words = crate::text::word_count(&e.body.plain);
    let json_ld = json_ld(site, i, &address, &topics, &people, &places);
    let strings = &site.config.strings;
    let view = ArticleView {
        title: e.article.title(),
        title_generated: meta.generated.iter().any(|g| g == "title"),
        date: meta.date.map(|d| DateView::new(d, strings)),
        chronology_url: site.url(&site.chronology.article_address(i, e.slug())),
        lang: &meta.lang,
        lang_name: strings.language_name(&meta.lang),
        lang_native: language::native_name(&meta.lang),
        lang_url: site.url(&route::language(&meta.lang, 1)),
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
            .enumerate()
            .map(|(n, ev)| EventView {
                date: DateView::new(ev.date, strings),
                text: &ev.text,
                url: site
                    .chronology
                    .event_address(i, n + 1, e.slug())
                    .map(|a| site.url(&a)),
            })
            .collect(),
        related: site
            .related(i)
            .into_iter()
            .map(|j| Card::new(site, j))
            .collect(),
        previous: site.previous[i].map(|j| Card::new(site, j)),
        next: site.next[i].map(|j| Card::new(site, j)),
        translations: translations(site, i),
        story: story_link(site, i, &site.translations[i]),
        has_code: e.body.has_code,
        json_ld,
        words,
        minutes: words.div_ceil(200).max(1),
    };
    let title = e.article.title().to_string();
    let mut page = ctx.page_view(title, description(&e.summary), &address, "article");
    page.lang = &meta.lang;
    page.alternates = alternates(site, i);
    let mut c = ctx.context(page);
    c.insert("article", &view);
    ctx.page("article.html", &address, &c)
}

/// The article's translations, for its "also in" links.
fn translations(site: &Site, i: usize) -> Vec<TranslationView<'_>> {
    site.translations[i]
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
        .collect()
}

/// The article and its translations, each in its language, for `hreflang`;
/// none for an article without translations.
fn alternates(site: &Site, i: usize) -> Vec<Alternate<'_>> {
    if site.translations[i].is_empty() {
        return Vec::new();
    }
    std::iter::once(i)
        .chain(site.translations[i].iter().copied())
        .map(|j| {
            let e = &site.entries[j];
            Alternate {
                lang: &e.article.meta.lang,
                url: site.absolute(&route::article(e.slug())),
            }
        })
        .collect()
}

/// schema.org `NewsArticle` as JSON-LD, safe inside `<script>`.
fn json_ld(
    site: &Site,
    i: usize,
    address: &str,
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
    let mentions = people
        .iter()
        .map(|p| serde_json::json!({"@type": "Person", "name": p.name}))
        .chain(
            places
                .iter()
                .map(|p| serde_json::json!({"@type": "Place", "name": p.name})),
        )
        .collect::<Vec<_>>();
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": e.article.title(),
        "inLanguage": meta.lang,
        "url": site.absolute(address),
        "mainEntityOfPage": site.absolute(address),
        "description": description(&e.summary),
        "publisher": { "@type": "Organization", "name": publisher },
        "isPartOf": {
            "@type": "WebSite",
            "name": site.config.title,
            "url": site.config.base_url,
        },
        "about": topics.iter().map(|t| t.name).collect::<Vec<_>>(),
        "mentions": mentions,
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
