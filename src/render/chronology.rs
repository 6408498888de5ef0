//! The chronology's pages: the way in (every year with its counts, the
//! latest lines), a year (its lines by month, or, for a year split by
//! month, its months and the lines whose month is not known), a month of a
//! split year, and the undated articles. Which line stands on which page is
//! `site::chronology`'s to say; this file only shows it.

use serde::Serialize;

use super::Page;
use super::context::{Ctx, List};
use super::stories::{StoryLink, story_link};
use super::views::{Card, DateView, Pager};
use crate::date::PartialDate;
use crate::error::Result;
use crate::route;
use crate::site::Site;
use crate::site::chronology::{Line, Place, Span, Year};

/// Lines the way in shows, newest first.
const LATEST_LINES: usize = 10;

/// One line: an article, or an event with the article that mentions it.
#[derive(Serialize)]
pub struct LineView<'a> {
    /// "article" or "event".
    pub kind: &'static str,
    /// The line's id, which links from elsewhere lead to.
    pub id: String,
    pub date: DateView,
    /// The article's title, or the event's text.
    pub title: &'a str,
    /// The article (for an event: the one that mentions it).
    pub url: &'a str,
    pub lang: &'a str,
    /// For an event: the article that mentions it.
    pub source_title: Option<&'a str>,
    /// For the first report of a story: the story, with its other reports.
    pub story: Option<StoryLink<'a>>,
}

/// The lines of one month (or of the part of a year whose month is not
/// known) on a page.
#[derive(Serialize)]
pub struct GroupView<'a> {
    /// "November 2023", or "2023 (month not known)".
    pub label: String,
    pub id: String,
    pub lines: Vec<LineView<'a>>,
}

/// A year as the way in and the home page list it.
#[derive(Serialize)]
pub struct YearSummary {
    pub year: i32,
    /// Its row's id on the way in.
    pub id: String,
    pub url: String,
    pub articles: usize,
    pub events: usize,
}

/// A month of a year split by month, as the year's page lists it.
#[derive(Serialize)]
pub struct MonthSummary<'a> {
    pub month: u8,
    /// "November", in the interface's language.
    pub name: &'a str,
    pub url: String,
    pub articles: usize,
    pub events: usize,
}

/// A neighbouring year or month.
#[derive(Serialize)]
pub struct Neighbour {
    /// "2022", "October 2023".
    pub label: String,
    pub url: String,
}

/// What a year's or a month's page shows.
#[derive(Serialize)]
pub struct PeriodView<'a> {
    pub year: i32,
    /// For a month's page: the month.
    pub month: Option<u8>,
    /// "2023", "November 2023".
    pub label: String,
    /// The year's page, for a month's page to lead up to.
    pub year_url: String,
    /// The way in.
    pub chronology_url: String,
    pub articles: usize,
    pub events: usize,
    /// On the page of a year split by month: its months.
    pub months: Vec<MonthSummary<'a>>,
    /// The page's lines, by month.
    pub groups: Vec<GroupView<'a>>,
    pub previous: Option<Neighbour>,
    pub next: Option<Neighbour>,
}

/// Every year with a line, for the home page and the way in.
pub(super) fn years(site: &Site) -> Vec<YearSummary> {
    site.chronology
        .years
        .iter()
        .map(|y| YearSummary {
            year: y.year,
            id: route::year_id(y.year),
            url: site.url(&route::chronology_year(y.year, 1)),
            articles: y.all.articles,
            events: y.all.events,
        })
        .collect()
}

/// `chronology/`: the years, the latest lines, the undated articles' count.
pub(super) fn render_way_in(ctx: &Ctx) -> Result<Page> {
    let site = ctx.site;
    let chronology = &site.chronology;
    let latest: Vec<LineView> = chronology
        .lines
        .iter()
        .rev()
        .take(LATEST_LINES)
        .map(|&line| line_view(site, line))
        .collect();
    let strings = &site.config.strings;
    let mut c = ctx.context(ctx.page_view(
        strings.get("nav_chronology").into(),
        strings.get("chronology_description").into(),
        route::CHRONOLOGY,
        "chronology",
    ));
    c.insert("years", &years(site));
    c.insert("chart", &super::chart::by_topic(site));
    c.insert("latest", &latest);
    c.insert("undated_count", &chronology.undated.len());
    c.insert("undated_url", &site.url(&route::chronology_undated(1)));
    ctx.page("chronology.html", route::CHRONOLOGY, &c)
}

/// Page `place.page` of year number `y`: its lines by month, or, when the
/// year is split by month, its months and the lines whose month is not known.
pub(super) fn render_year(ctx: &Ctx, y: usize, place: Place) -> Result<Page> {
    let site = ctx.site;
    let chronology = &site.chronology;
    let year = &chronology.years[y];
    let span = if year.is_split() {
        &year.unknown_month
    } else {
        &year.all
    };
    let neighbour = |other: Option<&Year>| {
        other.map(|o| Neighbour {
            label: o.year.to_string(),
            url: site.url(&route::chronology_year(o.year, 1)),
        })
    };
    let view = PeriodView {
        year: year.year,
        month: None,
        label: year.year.to_string(),
        year_url: site.url(&route::chronology_year(year.year, 1)),
        chronology_url: site.url(route::CHRONOLOGY),
        articles: year.all.articles,
        events: year.all.events,
        months: year
            .months
            .iter()
            .map(|(month, span)| MonthSummary {
                month: *month,
                name: site.config.strings.month(*month),
                url: site.url(&route::chronology_month(year.year, *month, 1)),
                articles: span.articles,
                events: span.events,
            })
            .collect(),
        groups: groups(site, chronology.page_lines(span, place.page)),
        previous: neighbour(y.checked_sub(1).map(|p| &chronology.years[p])),
        next: neighbour(chronology.years.get(y + 1)),
    };
    let description = site
        .config
        .strings
        .fill("year_description", &[("name", &view.label)]);
    period_page(ctx, "chronology-year.html", &view, span, place, description)
}

/// Page `place.page` of month number `m` of year number `y`, a year split
/// by month.
pub(super) fn render_month(ctx: &Ctx, y: usize, m: usize, place: Place) -> Result<Page> {
    let site = ctx.site;
    let chronology = &site.chronology;
    let year = &chronology.years[y];
    let (month, span) = &year.months[m];
    let strings = &site.config.strings;
    let label = strings.month_year(year.year, *month);
    let month_link = |(month, _): &(u8, Span)| Neighbour {
        label: strings.month_year(year.year, *month),
        url: site.url(&route::chronology_month(year.year, *month, 1)),
    };
    let year_link = |other: &Year| Neighbour {
        label: other.year.to_string(),
        url: site.url(&route::chronology_year(other.year, 1)),
    };
    // At the year's ends, the neighbouring years.
    let previous = match m.checked_sub(1) {
        Some(p) => Some(month_link(&year.months[p])),
        None => y.checked_sub(1).map(|p| year_link(&chronology.years[p])),
    };
    let next = match year.months.get(m + 1) {
        Some(n) => Some(month_link(n)),
        None => chronology.years.get(y + 1).map(year_link),
    };
    let view = PeriodView {
        year: year.year,
        month: Some(*month),
        label,
        year_url: site.url(&route::chronology_year(year.year, 1)),
        chronology_url: site.url(route::CHRONOLOGY),
        articles: span.articles,
        events: span.events,
        months: Vec::new(),
        groups: groups(site, chronology.page_lines(span, place.page)),
        previous,
        next,
    };
    let description = strings.fill("month_description", &[("name", &view.label)]);
    period_page(
        ctx,
        "chronology-month.html",
        &view,
        span,
        place,
        description,
    )
}

/// A year's or a month's page `place.page` of `span`'s lines.
fn period_page(
    ctx: &Ctx,
    template: &str,
    view: &PeriodView,
    span: &Span,
    place: Place,
    description: String,
) -> Result<Page> {
    let site = ctx.site;
    let address = place.address();
    let strings = &site.config.strings;
    let title = strings.fill("chronology_title", &[("name", &view.label)]);
    let title = match place.page {
        1 => title,
        n => strings.fill("page_title", &[("name", &title), ("n", &n.to_string())]),
    };
    let mut c = ctx.context(ctx.page_view(title, description, &address, "chronology"));
    let first = site.url(&Place { page: 1, ..place }.address());
    let pager = Pager::new(&first, place.page, site.chronology.page_count(span));
    c.insert("period", view);
    c.insert("pager", &pager);
    ctx.page(template, &address, &c)
}

/// Page `number` of the undated articles.
pub(super) fn render_undated(ctx: &Ctx, number: usize) -> Result<Page> {
    let site = ctx.site;
    let address = route::chronology_undated;
    let strings = &site.config.strings;
    let list = List {
        name: strings.get("undated_articles"),
        about: strings.get("undated_description"),
        fallback: String::new(),
        section: "chronology",
        articles: &site.chronology.undated,
        address: &address,
    };
    let mut c = list.context(ctx, number, |i| Card::new(site, i));
    c.insert("chronology_url", &site.url(route::CHRONOLOGY));
    c.insert("count", &site.chronology.undated.len());
    ctx.page("chronology-undated.html", &address(number), &c)
}

/// Lines grouped by month, as they come (in time order).
fn groups<'a>(site: &'a Site, lines: &[Line]) -> Vec<GroupView<'a>> {
    let mut groups: Vec<GroupView> = Vec::new();
    for &line in lines {
        let date = line_date(site, line);
        let id = route::month_id(date.year, date.month);
        if groups.last().is_none_or(|g| g.id != id) {
            let strings = &site.config.strings;
            let label = match date.month {
                Some(m) => strings.month_year(date.year, m),
                None => strings.fill("month_not_known", &[("year", &date.year.to_string())]),
            };
            groups.push(GroupView {
                label,
                id,
                lines: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("a group");
        group.lines.push(line_view(site, line));
    }
    groups
}

fn line_date(site: &Site, line: Line) -> PartialDate {
    match line {
        Line::Article(i) => site.entries[i].date().expect("a dated article"),
        Line::Event(k) => site.events[k].date,
    }
}

fn line_view(site: &Site, line: Line) -> LineView<'_> {
    match line {
        Line::Article(i) => {
            let e = &site.entries[i];
            LineView {
                kind: "article",
                id: route::article_line_id(e.slug()),
                date: DateView::new(line_date(site, line), &site.config.strings),
                title: e.article.title(),
                url: &e.url,
                lang: &e.article.meta.lang,
                source_title: None,
                story: story_link(site, i, &[]),
            }
        }
        Line::Event(k) => {
            let ev = &site.events[k];
            let e = &site.entries[ev.entry];
            LineView {
                kind: "event",
                id: route::event_line_id(e.slug(), ev.number),
                date: DateView::new(ev.date, &site.config.strings),
                title: &ev.text,
                url: &e.url,
                lang: &e.article.meta.lang,
                source_title: Some(e.article.title()),
                story: None,
            }
        }
    }
}
