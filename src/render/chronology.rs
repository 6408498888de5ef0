//! The chronology: every dated article and every dated event the articles
//! mention, merged by date and grouped by year and month, then the undated
//! articles. Also the list of years the home page links into.

use serde::Serialize;

use super::Page;
use super::context::Ctx;
use super::views::{Card, DateView};
use crate::date::PartialDate;
use crate::error::Result;
use crate::route;
use crate::site::Site;

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
pub(super) struct YearLink {
    year: i32,
    url: String,
}

/// Every year an article or event has, each with its place on the
/// chronology page.
pub(super) fn years(site: &Site) -> Vec<YearLink> {
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
            url: site.url(&route::chronology_year(year)),
        })
        .collect()
}

pub(super) fn render_chronology(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let years = by_year(dated_items(site));
    let undated: Vec<Card> = (0..site.entries.len())
        .filter(|&i| site.entries[i].date().is_none())
        .map(|i| Card::new(site, i))
        .collect();
    let mut c = ctx.context(ctx.page_view(
        "Chronology".into(),
        "Every article by date, with the dated events the articles mention.".into(),
        route::CHRONOLOGY,
        "chronology",
    ));
    c.insert("years", &years);
    c.insert("undated", &undated);
    ctx.page("chronology.html", route::CHRONOLOGY, &c)
}

/// Dated articles and events, merged by date; on one date an article
/// before the events it mentions.
fn dated_items(site: &Site) -> Vec<(PartialDate, ChronoItem)> {
    let mut items: Vec<(PartialDate, u8, usize, ChronoItem)> = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        if let Some(date) = e.date() {
            let item = ChronoItem {
                kind: "article",
                date: date.into(),
                title: e.article.title().to_string(),
                url: e.url.clone(),
                lang: e.article.meta.lang.clone(),
                source_title: None,
                source_lang: None,
            };
            items.push((date, 0, i, item));
        }
    }
    for (k, ev) in site.events.iter().enumerate() {
        let e = &site.entries[ev.entry];
        let item = ChronoItem {
            kind: "event",
            date: ev.date.into(),
            title: ev.text.clone(),
            url: e.url.clone(),
            lang: e.article.meta.lang.clone(),
            source_title: Some(e.article.title().to_string()),
            source_lang: Some(e.article.meta.lang.clone()),
        };
        items.push((ev.date, 1, k, item));
    }
    items.sort_by_key(|a| (a.0, a.1, a.2));
    items
        .into_iter()
        .map(|(date, _, _, item)| (date, item))
        .collect()
}

/// Items in date order, grouped by year, then by month.
fn by_year(items: Vec<(PartialDate, ChronoItem)>) -> Vec<YearView> {
    let mut years: Vec<YearView> = Vec::new();
    for (date, item) in items {
        if years.last().is_none_or(|y| y.year != date.year) {
            years.push(YearView {
                year: date.year,
                id: route::year_id(date.year),
                groups: Vec::new(),
                count: 0,
            });
        }
        let year = years.last_mut().expect("a year");
        let id = route::month_id(date.year, date.month);
        if year.groups.last().is_none_or(|g| g.id != id) {
            let label = match date.month {
                Some(m) => format!("{} {}", PartialDate::month_name(m), date.year),
                None => format!("{} (month not known)", date.year),
            };
            year.groups.push(GroupView {
                label,
                id,
                items: Vec::new(),
            });
        }
        year.count += usize::from(item.kind == "article");
        year.groups.last_mut().expect("a group").items.push(item);
    }
    years
}
