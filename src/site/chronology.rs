//! The chronology's shape: every dated article and event as a line, in
//! time order, gathered into years and months, and the page of the
//! chronology each line stands on. Assembled once with the site; the
//! chronology's pages, the plan of files and every link into the chronology
//! (an article's date, its events, the home page's years) read it, so that
//! a link always finds its line.
//!
//! A year is one page while it has at most `chronology_paginate` lines
//! (`site.toml`); a larger year is split by month, its own page then
//! listing its months and the lines whose month is not known. A page with
//! more lines than that goes on in numbered pages, so that no page grows
//! with the archive.

use std::ops::Range;

use super::{DatedEvent, Entry, Story};
use crate::date::PartialDate;
use crate::route;

/// One line of the chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// An article, by its number in `Site::entries`.
    Article(usize),
    /// An event an article mentions, by its number in `Site::events`.
    Event(usize),
}

/// A page of the chronology that holds lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub year: i32,
    /// `None`: the year's own page.
    pub month: Option<u8>,
    /// From 1.
    pub page: usize,
}

impl Place {
    /// Its address: `chronology/2023/`, `chronology/2023/11/page/2/`.
    pub fn address(&self) -> String {
        match self.month {
            Some(month) => route::chronology_month(self.year, month, self.page),
            None => route::chronology_year(self.year, self.page),
        }
    }
}

/// Lines and how many of them are articles and events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    /// Into [`Chronology::lines`].
    pub lines: Range<usize>,
    pub articles: usize,
    pub events: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// Every line of the year.
    pub all: Span,
    /// The lines whose month is not known (they come first).
    pub unknown_month: Span,
    /// The months that have lines, in order; empty unless the year is split.
    pub months: Vec<(u8, Span)>,
}

impl Year {
    /// Whether the year is too large for one page and has a page a month.
    pub fn is_split(&self) -> bool {
        !self.months.is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Chronology {
    /// Every dated line, oldest first; on one date an article before the
    /// events, each kind in its own order.
    pub lines: Vec<Line>,
    /// The years that have lines, oldest first.
    pub years: Vec<Year>,
    /// The undated articles, by slug.
    pub undated: Vec<usize>,
    /// Lines a page holds.
    pub per_page: usize,
    /// Per article, the place of its line (for a story's later report, the
    /// place of the story's line); `None` for the undated.
    article_places: Vec<Option<Place>>,
    /// Per article, the places of its events' lines, in its order.
    event_places: Vec<Vec<Place>>,
}

impl Chronology {
    /// The chronology of `entries` (in the site's order: dated by date, then
    /// undated) and `events` (by date), with `per_page` lines a page. A
    /// story is one line, its first report's, with the other reports under it.
    pub fn new(
        entries: &[Entry],
        events: &[DatedEvent],
        stories: &[Story],
        per_page: usize,
    ) -> Self {
        let per_page = per_page.max(1);
        let mut keyed: Vec<(PartialDate, u8, usize)> = Vec::new();
        let mut undated = Vec::new();
        // The reports after a story's first have no line of their own.
        let mut lead = vec![None; entries.len()];
        for story in stories {
            for &i in &story.reports[1..] {
                lead[i] = Some(story.reports[0]);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            if lead[i].is_some() {
                continue;
            }
            match e.date() {
                Some(date) => keyed.push((date, 0, i)),
                None => undated.push(i),
            }
        }
        keyed.extend(events.iter().enumerate().map(|(k, ev)| (ev.date, 1, k)));
        keyed.sort_unstable();
        let date_of = |&(date, _, _): &(PartialDate, u8, usize)| date;
        let lines: Vec<Line> = keyed
            .iter()
            .map(|&(_, kind, n)| match kind {
                0 => Line::Article(n),
                _ => Line::Event(n),
            })
            .collect();
        let mut years = Vec::new();
        let mut start = 0;
        while start < keyed.len() {
            let year = keyed[start].0.year;
            let end = start + keyed[start..].partition_point(|k| date_of(k).year == year);
            let known = start + keyed[start..end].partition_point(|k| date_of(k).month.is_none());
            let mut y = Year {
                year,
                all: span(&lines, start..end),
                unknown_month: span(&lines, start..known),
                months: Vec::new(),
            };
            if end - start > per_page {
                let mut m = known;
                while m < end {
                    let month = date_of(&keyed[m]).month.unwrap_or(0);
                    let to = m + keyed[m..end].partition_point(|k| date_of(k).month == Some(month));
                    y.months.push((month, span(&lines, m..to)));
                    m = to;
                }
            }
            years.push(y);
            start = end;
        }
        let mut chronology = Chronology {
            lines,
            years,
            undated,
            per_page,
            article_places: vec![None; entries.len()],
            event_places: Vec::new(),
        };
        chronology.place_lines(events);
        for (i, lead) in lead.into_iter().enumerate() {
            if let Some(lead) = lead {
                chronology.article_places[i] = chronology.article_places[lead];
            }
        }
        chronology
    }

    /// Notes the page of every line.
    fn place_lines(&mut self, events: &[DatedEvent]) {
        let per_page = self.per_page;
        let mut placed = Vec::with_capacity(self.lines.len());
        for y in &self.years {
            let mut pages: Vec<(Option<u8>, &Span)> = vec![];
            if y.is_split() {
                pages.push((None, &y.unknown_month));
                pages.extend(y.months.iter().map(|(m, s)| (Some(*m), s)));
            } else {
                pages.push((None, &y.all));
            }
            for (month, span) in pages {
                for (k, n) in span.lines.clone().enumerate() {
                    let place = Place {
                        year: y.year,
                        month,
                        page: 1 + k / per_page,
                    };
                    placed.push((self.lines[n], place));
                }
            }
        }
        let mut event_places: Vec<Vec<(usize, Place)>> =
            vec![Vec::new(); self.article_places.len()];
        for (line, place) in placed {
            match line {
                Line::Article(i) => self.article_places[i] = Some(place),
                Line::Event(k) => event_places[events[k].entry].push((events[k].number, place)),
            }
        }
        self.event_places = event_places
            .into_iter()
            .map(|mut places| {
                places.sort_unstable();
                places.into_iter().map(|(_, place)| place).collect()
            })
            .collect();
    }

    /// How many pages `span`'s lines take (at least one).
    pub fn page_count(&self, span: &Span) -> usize {
        span.lines.len().div_ceil(self.per_page).max(1)
    }

    /// The lines of page `page` (from 1) of `span`.
    pub fn page_lines(&self, span: &Span, page: usize) -> &[Line] {
        let lines = &self.lines[span.lines.clone()];
        let from = ((page - 1) * self.per_page).min(lines.len());
        let to = (page * self.per_page).min(lines.len());
        &lines[from..to]
    }

    /// Every page that holds lines, in order, with the year (by number in
    /// `years`) and the month (by number in the year's `months`) it shows.
    pub fn pages(&self) -> Vec<(Place, usize, Option<usize>)> {
        let mut out = Vec::new();
        for (y, year) in self.years.iter().enumerate() {
            let own = if year.is_split() {
                &year.unknown_month
            } else {
                &year.all
            };
            for page in 1..=self.page_count(own) {
                let place = Place {
                    year: year.year,
                    month: None,
                    page,
                };
                out.push((place, y, None));
            }
            for (m, (month, span)) in year.months.iter().enumerate() {
                for page in 1..=self.page_count(span) {
                    let place = Place {
                        year: year.year,
                        month: Some(*month),
                        page,
                    };
                    out.push((place, y, Some(m)));
                }
            }
        }
        out
    }

    /// Where article `i`'s line is: `chronology/2023/#a-<slug>`; the
    /// undated articles' page for an undated one.
    pub fn article_address(&self, i: usize, slug: &str) -> String {
        match self.article_places[i] {
            Some(place) => route::anchored(&place.address(), &route::article_line_id(slug)),
            None => route::chronology_undated(1),
        }
    }

    /// Where the line of article `i`'s `number`-th event (from 1) is:
    /// `chronology/2023/11/#e-<slug>-1`.
    pub fn event_address(&self, i: usize, number: usize, slug: &str) -> Option<String> {
        let place = self.event_places[i].get(number.checked_sub(1)?)?;
        let id = route::event_line_id(slug, number);
        Some(route::anchored(&place.address(), &id))
    }

    /// The year `year`'s number in `years`.
    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.binary_search_by_key(&year, |y| y.year).ok()
    }
}

/// The lines `range` with their counts.
fn span(lines: &[Line], range: Range<usize>) -> Span {
    let articles = lines[range.clone()]
        .iter()
        .filter(|l| matches!(l, Line::Article(_)))
        .count();
    Span {
        articles,
        events: range.len() - articles,
        lines: range,
    }
}
