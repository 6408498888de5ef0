//! What every page's template sees: `site` (its title, address, navigation),
//! `page` (title, description, canonical address, language) and `t` (the
//! interface's words, `t.nav_topics`; counted ones through the `plural`
//! function). Also the
//! facts of a list's numbered pages, which topic, language, person and
//! place pages share.

use serde::Serialize;
use tera::Context;

use super::views::{Card, Pager, description};
use super::{Page, Renderer};
use crate::config::EntityKind;
use crate::error::Result;
use crate::route;
use crate::site::Site;

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    /// The base path, `/` or `/repo/`.
    base: &'a str,
    lang: &'a str,
    nav: Vec<NavItem<'a>>,
    assets: String,
    feed_url: String,
    search_url: String,
    /// How many articles the site has: with none, pages say how to add one.
    article_count: usize,
}

#[derive(Serialize)]
struct NavItem<'a> {
    name: &'a str,
    url: String,
    key: &'static str,
}

#[derive(Serialize, Default)]
pub(super) struct PageView<'a> {
    pub title: String,
    pub description: String,
    /// Absolute URL of this page.
    pub canonical: String,
    pub lang: &'a str,
    /// Which section of the site this page is in: home, article, topics, ...
    pub section: &'static str,
    pub alternates: Vec<Alternate<'a>>,
}

/// The same page in another language, for `hreflang`.
#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    pub lang: &'a str,
    pub url: String,
}

/// What a page function needs: the site, and the templates to render it with.
pub(super) struct Ctx<'a> {
    pub site: &'a Site,
    pub renderer: &'a Renderer,
}

impl<'a> Ctx<'a> {
    /// A template's context with `site` and `page` in it.
    pub fn context(&self, page: PageView<'a>) -> Context {
        let site = self.site;
        let strings = &site.config.strings;
        let nav = [
            ("nav_home", route::HOME.to_string(), "home"),
            ("nav_topics", route::TOPICS.to_string(), "topics"),
            (
                "nav_chronology",
                route::CHRONOLOGY.to_string(),
                "chronology",
            ),
            ("nav_people", route::entities(EntityKind::Person), "people"),
            ("nav_places", route::entities(EntityKind::Place), "places"),
            ("nav_languages", route::LANGUAGES.to_string(), "languages"),
            ("nav_search", route::SEARCH.to_string(), "search"),
        ]
        .into_iter()
        .map(|(name, address, key)| NavItem {
            name: strings.get(name),
            url: site.url(&address),
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
                assets: site.url(route::ASSETS),
                feed_url: site.url(route::FEED),
                search_url: site.url(route::SEARCH),
                article_count: site.entries.len(),
            },
        );
        c.insert("page", &page);
        c
    }

    /// The file that serves `address`, made by `template` of `context`.
    pub fn page(&self, template: &str, address: &str, context: &Context) -> Result<Page> {
        let bytes = self.renderer.render(template, context)?;
        Ok(Page::new(route::file(address), bytes))
    }

    /// The facts of the page at `address`, in the site's language.
    pub fn page_view(
        &self,
        title: String,
        description: String,
        address: &str,
        section: &'static str,
    ) -> PageView<'a> {
        PageView {
            title,
            description,
            canonical: self.site.absolute(address),
            lang: &self.site.config.language,
            section,
            alternates: Vec::new(),
        }
    }
}

/// A list of articles cut into numbered pages of `paginate` articles:
/// a topic's, a language's, a person's or a place's.
pub(super) struct List<'a> {
    /// Its name: "Energy", "Baku".
    pub name: &'a str,
    /// What it is about, or empty: then `fallback` is said.
    pub about: &'a str,
    pub fallback: String,
    pub section: &'static str,
    /// Its articles, newest first.
    pub articles: &'a [usize],
    /// The address of page `number` (from 1).
    pub address: &'a dyn Fn(usize) -> String,
}

impl List<'_> {
    /// The facts of page `number`: "Energy (page 2)", its description or
    /// the fallback.
    pub fn page_view<'a>(&self, ctx: &Ctx<'a>, number: usize) -> PageView<'a> {
        let title = if number > 1 {
            ctx.site.config.strings.fill(
                "page_title",
                &[("name", self.name), ("n", &number.to_string())],
            )
        } else {
            self.name.to_string()
        };
        let about = if self.about.is_empty() {
            &self.fallback
        } else {
            self.about
        };
        ctx.page_view(
            title,
            description(about),
            &(self.address)(number),
            self.section,
        )
    }

    /// The articles on page `number`.
    pub fn slice(&self, site: &Site, number: usize) -> &[usize] {
        let (size, list) = (site.config.paginate, self.articles);
        &list[((number - 1) * size).min(list.len())..(number * size).min(list.len())]
    }

    /// The pager of page `number`.
    pub fn pager(&self, site: &Site, number: usize) -> Pager {
        let first = site.url(&(self.address)(1));
        Pager::new(&first, number, page_count(site, self.articles))
    }

    /// The context of page `number`: its facts, its articles as `card`
    /// makes them, and its pager.
    pub fn context<'a>(
        &self,
        ctx: &Ctx<'a>,
        number: usize,
        card: impl Fn(usize) -> Card<'a>,
    ) -> Context {
        let mut c = ctx.context(self.page_view(ctx, number));
        let cards: Vec<Card> = self
            .slice(ctx.site, number)
            .iter()
            .map(|&i| card(i))
            .collect();
        c.insert("articles", &cards);
        c.insert("pager", &self.pager(ctx.site, number));
        c
    }
}

/// How many pages a list of articles takes.
pub(super) fn page_count(site: &Site, list: &[usize]) -> usize {
    list.len().div_ceil(site.config.paginate).max(1)
}
