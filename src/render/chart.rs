//! Coverage over time: a bar chart of articles per month (per year when the
//! archive spans more than `MAX_MONTH_YEARS` years), stacked by topic on the
//! chronology's way in, one colour on a topic's, a language's, a person's or
//! a place's page. Drawn here as inline SVG, styled by the site's CSS; each
//! bar links to its period of the chronology, and the template shows the
//! same numbers as a table.
//!
//! Every chart of a site shares one time axis, from the first year with a
//! dated article to the last, so that two pages can be compared.

use std::fmt::Write;

use serde::Serialize;

use crate::config::Strings;
use crate::date::PartialDate;
use crate::route;
use crate::site::Site;
use crate::text::escape_html;

/// An archive spanning more years than this is charted by year.
const MAX_MONTH_YEARS: i32 = 8;
/// The most series a stacked chart draws; the other topics are one more.
pub const MAX_SERIES: usize = 5;
/// The drawing's size in SVG units; CSS scales it to the column.
const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 34.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 18.0;
/// The least room between two labels of the time axis.
const LABEL_GAP: f64 = 34.0;

/// The bars' periods: every month or every year from `first` to `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    pub first: i32,
    pub last: i32,
    pub by_month: bool,
}

impl Timeline {
    /// The site's time axis; `None` when no article is dated.
    pub fn of(site: &Site) -> Option<Timeline> {
        // Entries are oldest first, the undated last; an event's year may
        // lie outside the articles' years, but the axis is the articles'.
        let first = site.entries.first()?.date()?.year;
        let last = site
            .entries
            .iter()
            .rev()
            .find_map(|e| e.date())
            .map_or(first, |d| d.year);
        Some(Timeline::new(first, last))
    }

    pub fn new(first: i32, last: i32) -> Timeline {
        Timeline {
            first,
            last,
            by_month: last - first < MAX_MONTH_YEARS,
        }
    }

    /// How many bars: never none, a year has at least one.
    pub fn bars(&self) -> usize {
        let years = (self.last - self.first + 1) as usize;
        if self.by_month { years * 12 } else { years }
    }

    /// The bar of a date, if it has one: a date without its month has none
    /// on a chart by month.
    pub fn bar(&self, date: PartialDate) -> Option<usize> {
        if date.year < self.first || date.year > self.last {
            return None;
        }
        let year = (date.year - self.first) as usize;
        if !self.by_month {
            return Some(year);
        }
        date.month.map(|m| year * 12 + usize::from(m) - 1)
    }

    /// The year and (on a chart by month) the month of bar `k`.
    pub fn period(&self, k: usize) -> (i32, Option<u8>) {
        if self.by_month {
            (self.first + (k / 12) as i32, Some((k % 12) as u8 + 1))
        } else {
            (self.first + k as i32, None)
        }
    }
}

/// One series of a chart: a topic, or the rest.
#[derive(Debug, Serialize)]
pub struct Series {
    pub name: String,
    /// Its colour's class: `s0`, `s1`, ...
    pub class: String,
}

/// One period with articles, as the table shows it.
#[derive(Debug, Serialize)]
pub struct Row {
    /// "November 2023", "2023".
    pub label: String,
    /// Its page of the chronology.
    pub url: String,
    pub total: usize,
    /// Per series.
    pub counts: Vec<usize>,
}

/// What a page's template gets: the drawing and its text alternative.
#[derive(Debug, Serialize)]
pub struct Chart {
    /// The inline SVG.
    pub svg: String,
    /// What it shows, in the interface's language: "Articles per month, by
    /// topic, January 2022 to December 2024; …", and what it leaves out
    /// (articles undated, or without a month on a chart by month).
    pub caption: String,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
}

/// The chart of `articles` (numbers in `site.entries`), one series.
pub fn single(site: &Site, articles: &[usize]) -> Option<Chart> {
    let series = vec![Series {
        name: site.config.strings.get("chart_articles").into(),
        class: "s0".into(),
    }];
    build(site, articles, series, |_| 0)
}

/// The chart of every article, stacked by topic: the `MAX_SERIES` topics
/// with the most articles, each article counted once, under the first of
/// its topics that is drawn, and the rest as "Other topics or none".
pub fn by_topic(site: &Site) -> Option<Chart> {
    let mut topics: Vec<usize> = (0..site.config.topics.len())
        .filter(|&t| !site.topics[t].is_empty())
        .collect();
    topics.sort_by_key(|&t| std::cmp::Reverse(site.topics[t].len()));
    topics.truncate(MAX_SERIES);
    // Drawn in the order site.toml gives them.
    topics.sort_unstable();
    let mut series: Vec<Series> = topics
        .iter()
        .enumerate()
        .map(|(k, &t)| Series {
            name: site.config.topics[t].name.clone(),
            class: format!("s{k}"),
        })
        .collect();
    let other = series.len();
    series.push(Series {
        name: site.config.strings.get("chart_other_topics").into(),
        class: format!("s{}", MAX_SERIES),
    });
    let all: Vec<usize> = (0..site.entries.len()).collect();
    build(site, &all, series, |i| {
        site.entries[i]
            .article
            .meta
            .topics
            .iter()
            .filter_map(|slug| site.config.topics.iter().position(|t| &t.slug == slug))
            .find_map(|t| topics.iter().position(|&d| d == t))
            .unwrap_or(other)
    })
}

fn build(
    site: &Site,
    articles: &[usize],
    series: Vec<Series>,
    series_of: impl Fn(usize) -> usize,
) -> Option<Chart> {
    let timeline = Timeline::of(site)?;
    let strings = &site.config.strings;
    let mut counts = vec![vec![0usize; series.len()]; timeline.bars()];
    let mut left_out = 0;
    // Per bar, its first article, and whether one of its articles has a line
    // of its own in the chronology (a story's later reports are under their
    // first report's line, which may be in another period).
    let mut first: Vec<Option<(usize, bool)>> = vec![None; timeline.bars()];
    for &i in articles {
        match site.entries[i].date().and_then(|d| timeline.bar(d)) {
            Some(k) => {
                counts[k][series_of(i)] += 1;
                let own = site.story_of[i].is_none_or(|s| site.stories[s].reports[0] == i);
                match &mut first[k] {
                    None => first[k] = Some((i, own)),
                    Some((_, any)) => *any |= own,
                }
            }
            None => left_out += 1,
        }
    }
    if counts.iter().all(|c| c.iter().all(|&n| n == 0)) {
        return None;
    }
    let urls: Vec<Option<String>> = (0..counts.len())
        .map(|k| {
            let (i, own) = first[k]?;
            let address = if own {
                period_address(site, timeline.period(k))
            } else {
                site.chronology.article_address(i, site.entries[i].slug())
            };
            Some(site.url(&address))
        })
        .collect();
    let labels: Vec<String> = (0..counts.len())
        .map(|k| period_label(strings, timeline.period(k)))
        .collect();
    let titles: Vec<String> = (0..counts.len())
        .map(|k| {
            let total = counts[k].iter().sum::<usize>() as u64;
            strings.plural("name_count", total, &[("name", &labels[k])])
        })
        .collect();
    let svg = render_svg(&timeline, &counts, &urls, &titles, &series);
    let rows = (0..counts.len())
        .filter_map(|k| {
            let url = urls[k].clone()?;
            Some(Row {
                label: labels[k].clone(),
                url,
                total: counts[k].iter().sum(),
                counts: counts[k].clone(),
            })
        })
        .collect();
    let (from, to) = if timeline.by_month {
        (
            period_label(strings, (timeline.first, Some(1))),
            period_label(strings, (timeline.last, Some(12))),
        )
    } else {
        (timeline.first.to_string(), timeline.last.to_string())
    };
    let key = match (timeline.by_month, series.len() > 1) {
        (true, false) => "chart_caption_month",
        (true, true) => "chart_caption_month_topics",
        (false, false) => "chart_caption_year",
        (false, true) => "chart_caption_year_topics",
    };
    let mut caption = strings.fill(key, &[("from", &from), ("to", &to)]);
    if left_out > 0 {
        let key = if timeline.by_month {
            "chart_left_out_month"
        } else {
            "chart_left_out_date"
        };
        caption.push(' ');
        caption += &strings.plural(key, left_out as u64, &[]);
    }
    Some(Chart {
        svg,
        caption,
        series,
        rows,
    })
}

fn period_label(strings: &Strings, (year, month): (i32, Option<u8>)) -> String {
    match month {
        Some(m) => strings.month_year(year, m),
        None => year.to_string(),
    }
}

/// The page of the chronology that shows a period with articles: a year's
/// page, a month's page of a year split by month, or the month's part of
/// its year's page.
fn period_address(site: &Site, (year, month): (i32, Option<u8>)) -> String {
    let chronology = &site.chronology;
    let split = chronology.year_index(year).is_some_and(|y| {
        chronology.years[y]
            .months
            .iter()
            .any(|(m, _)| Some(*m) == month)
    });
    match month {
        Some(m) if split => route::chronology_month(year, m, 1),
        Some(m) => route::anchored(
            &route::chronology_year(year, 1),
            &route::month_id(year, Some(m)),
        ),
        None => route::chronology_year(year, 1),
    }
}

/// A round number at least `n` for the top of the axis: 1, 2, 5, 10, 20, ...
pub fn nice_max(n: usize) -> usize {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if step * m >= n {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// The bars whose periods the time axis names: the first of each year (or
/// each year), thinned so that labels keep `LABEL_GAP` apart.
pub fn axis_labels(timeline: &Timeline, bar_width: f64) -> Vec<usize> {
    let per_year = if timeline.by_month { 12 } else { 1 };
    let years = (timeline.last - timeline.first + 1) as usize;
    let year_width = bar_width * per_year as f64;
    let every = (LABEL_GAP / year_width).ceil().max(1.0) as usize;
    (0..years)
        .filter(|y| y % every == 0)
        .map(|y| y * per_year)
        .collect()
}

fn render_svg(
    timeline: &Timeline,
    counts: &[Vec<usize>],
    urls: &[Option<String>],
    titles: &[String],
    series: &[Series],
) -> String {
    let top = counts
        .iter()
        .map(|c| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0);
    let top = nice_max(top.max(1));
    let plot_h = HEIGHT - TOP - BOTTOM;
    let bar_w = (WIDTH - LEFT) / counts.len() as f64;
    let gap = if bar_w > 4.0 { 1.0 } else { 0.0 };
    let y_of = |n: usize| TOP + plot_h * (1.0 - n as f64 / top as f64);
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">"#
    );
    // The axes: their text is the table's, so screen readers skip it.
    s.push_str(r#"<g class="axis" aria-hidden="true">"#);
    let ticks = if top.is_multiple_of(2) {
        vec![0, top / 2, top]
    } else {
        vec![0, top]
    };
    for n in ticks {
        let y = y_of(n);
        let _ = write!(
            s,
            r#"<line x1="{LEFT}" x2="{WIDTH}" y1="{y:.1}" y2="{y:.1}"/><text x="{}" y="{:.1}" text-anchor="end">{n}</text>"#,
            LEFT - 4.0,
            y + 3.5
        );
    }
    for k in axis_labels(timeline, bar_w) {
        let x = LEFT + k as f64 * bar_w;
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{}">{}</text>"#,
            HEIGHT - 4.0,
            timeline.period(k).0
        );
    }
    s.push_str("</g>");
    for (k, bar) in counts.iter().enumerate() {
        let Some(url) = &urls[k] else { continue };
        let _ = write!(
            s,
            r#"<a href="{}"><title>{}</title>"#,
            escape_html(url),
            escape_html(&titles[k])
        );
        let x = LEFT + k as f64 * bar_w + gap / 2.0;
        let mut below = 0;
        for (n, one) in bar.iter().zip(series) {
            if *n == 0 {
                continue;
            }
            let (y0, y1) = (y_of(below), y_of(below + n));
            below += n;
            let _ = write!(
                s,
                r#"<rect class="{}" x="{x:.1}" y="{y1:.1}" width="{:.1}" height="{:.1}"/>"#,
                one.class,
                bar_w - gap,
                y0 - y1
            );
        }
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_years_are_charted_by_month_and_decades_by_year() {
        let short = Timeline::new(2022, 2024);
        assert!(short.by_month);
        assert_eq!(short.bars(), 36);
        assert_eq!(short.bar(PartialDate::ym(2023, 2).unwrap()), Some(13));
        assert_eq!(short.bar(PartialDate::year(2023)), None);
        assert_eq!(short.period(13), (2023, Some(2)));
        let long = Timeline::new(1995, 2024);
        assert!(!long.by_month);
        assert_eq!(long.bars(), 30);
        assert_eq!(long.bar(PartialDate::year(2023)), Some(28));
        assert_eq!(long.period(28), (2023, None));
    }

    #[test]
    fn the_axis_ends_at_a_round_number() {
        assert_eq!(nice_max(1), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(nice_max(200), 200);
        assert_eq!(nice_max(201), 500);
    }

    #[test]
    fn year_labels_are_thinned_so_they_do_not_collide() {
        let short = Timeline::new(2022, 2024);
        assert_eq!(axis_labels(&short, 10.0), vec![0, 12, 24]);
        let long = Timeline::new(1995, 2024);
        // 30 bars of 12 units: a label every third year.
        let labels = axis_labels(&long, 12.0);
        assert_eq!(labels[..3], [0, 3, 6]);
        assert!(
            labels
                .windows(2)
                .all(|w| (w[1] - w[0]) as f64 * 12.0 >= LABEL_GAP)
        );
    }
}
