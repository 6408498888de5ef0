//! What templates see: small serializable views borrowed from the `Site`,
//! with every cross-reference already resolved to a name and a URL.

use serde::Serialize;

use crate::config::{EntityKind, Strings};
use crate::date::PartialDate;
use crate::route;
use crate::site::{Entry, Site};
use crate::text::{cut_at_word, escape_html as escape};

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// For `<time datetime>`: `2023-11-24`, `2025-03` or `2023`.
    pub iso: String,
    /// For readers, in the interface's language: `24 November 2023`,
    /// `3 марта 2025 г.`, `March 2025` or `2023`.
    pub human: String,
}

impl DateView {
    /// The date in the interface's words.
    pub fn new(d: PartialDate, strings: &Strings) -> Self {
        DateView {
            iso: d.iso(),
            human: strings.date(d),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub url: String,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct Card<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub date: Option<DateView>,
    pub lang: &'a str,
    /// Its language's name in the interface's language.
    pub lang_name: &'a str,
    /// Plain text, or HTML with `<mark>` when `excerpt_html` is set.
    pub summary: String,
    pub excerpt_html: bool,
    pub topics: Vec<Link<'a>>,
}

impl<'a> Card<'a> {
    pub fn new(site: &'a Site, i: usize) -> Self {
        let e = &site.entries[i];
        Card {
            title: e.article.title(),
            url: &e.url,
            date: e.date().map(|d| DateView::new(d, &site.config.strings)),
            lang: &e.article.meta.lang,
            lang_name: site.config.strings.language_name(&e.article.meta.lang),
            summary: e.summary.clone(),
            excerpt_html: false,
            topics: topic_links(site, e),
        }
    }

    /// A card whose text shows why the article is in a topic: the passage
    /// that mentions it, the words marked.
    pub fn with_excerpt(site: &'a Site, i: usize, topic: usize) -> Self {
        let mut card = Card::new(site, i);
        if let Some(html) = topic_excerpt(site, &site.entries[i], topic) {
            card.summary = html;
            card.excerpt_html = true;
        }
        card
    }
}

pub fn topic_links<'a>(site: &'a Site, e: &Entry) -> Vec<Link<'a>> {
    e.article
        .meta
        .topics
        .iter()
        .filter_map(|slug| site.config.topic(slug))
        .map(|t| Link {
            name: &t.name,
            url: site.url(&route::topic(&t.slug, 1)),
        })
        .collect()
}

pub fn entity_links<'a>(site: &'a Site, e: &Entry, kind: EntityKind) -> Vec<Link<'a>> {
    let slugs = match kind {
        EntityKind::Person => &e.article.meta.people,
        EntityKind::Place => &e.article.meta.places,
    };
    slugs
        .iter()
        .filter_map(|slug| site.config.entity(kind, slug))
        .map(|en| Link {
            name: &en.name,
            url: site.url(&route::entity(kind, &en.slug, 1)),
        })
        .collect()
}

/// For each of the article's topics, the line of its text that names the
/// topic most (by its keywords' weights; the first such line on a tie): the
/// strongest evidence, not a passing mention that happens to come first.
fn topic_lines(site: &Site, e: &Entry) -> Vec<(usize, std::ops::Range<usize>)> {
    let lexicon = site.config.topic_lexicon(&e.article.meta.lang);
    let wanted: Vec<usize> = e
        .article
        .meta
        .topics
        .iter()
        .filter_map(|slug| site.config.topics.iter().position(|t| &t.slug == slug))
        .collect();
    let plain = &e.body.plain;
    // Per wanted topic: the best line so far and its weight.
    let mut best: Vec<Option<(u32, std::ops::Range<usize>)>> = vec![None; wanted.len()];
    let mut start = 0;
    while !wanted.is_empty() && start < plain.len() {
        let end = plain[start..].find('\n').map_or(plain.len(), |i| start + i);
        let hits = lexicon.find(&plain[start..end]);
        for (k, &t) in wanted.iter().enumerate() {
            let weight: u32 = hits.iter().filter(|h| h.id == t).map(|h| h.weight).sum();
            if weight > best[k].as_ref().map_or(0, |(w, _)| *w) {
                best[k] = Some((weight, start..end));
            }
        }
        start = end + 1;
    }
    wanted
        .into_iter()
        .zip(best)
        .filter_map(|(t, b)| b.map(|(_, range)| (t, range)))
        .collect()
}

/// The sentence around the first mention of a topic's keywords in the line
/// that names the topic most, cut to about 260 characters, keywords in
/// `<mark>`. HTML-escaped.
fn topic_excerpt(site: &Site, e: &Entry, topic: usize) -> Option<String> {
    let lexicon = site.config.topic_lexicon(&e.article.meta.lang);
    let plain = &e.body.plain;
    let lines = e.topic_lines.get_or_init(|| topic_lines(site, e));
    let (_, range) = lines.iter().find(|(t, _)| *t == topic)?;
    let text = &plain[range.clone()];
    let hits: Vec<_> = lexicon
        .find(text)
        .into_iter()
        .filter(|h| h.id == topic)
        .collect();
    let first = hits.first()?;
    let start = text[..first.start]
        .rfind(['\n', '.', '!', '?'])
        .map_or(0, |i| i + 1);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let limit = 260;
    let mut end = text[first.end..]
        .find(['\n'])
        .map_or(text.len(), |i| first.end + i);
    if text[start..end].chars().count() > limit {
        end = text[start..]
            .char_indices()
            .nth(limit)
            .map_or(end, |(i, _)| start + i);
        end = text[start..end]
            .rfind(' ')
            .map_or(end, |i| start + i)
            .max(first.end);
    }
    let mut html = String::new();
    let mut at = start;
    for h in hits.iter().filter(|h| h.start >= start && h.end <= end) {
        html.push_str(&escape(&text[at..h.start]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[h.start..h.end]));
        html.push_str("</mark>");
        at = h.end;
    }
    html.push_str(&escape(&text[at..end]));
    if end < text.len() && !text[..end].ends_with(['.', '!', '?']) {
        html.push('…');
    }
    Some(html.trim().to_string())
}

/// Pagination of a list: which page this is and where the others are.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first page, the last, and those near this one; `None` stands for
    /// the pages left out between them.
    pub pages: Vec<Option<PageLink>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// Pages shown on either side of the current one in a pager.
const PAGER_NEAR: usize = 2;

impl Pager {
    /// `base` is the list's first page, e.g. `/repo/topics/energy/`.
    pub fn new(base: &str, current: usize, total: usize) -> Self {
        let url = |n: usize| route::page(base, n);
        Pager {
            current,
            total,
            previous: (current > 1).then(|| url(current - 1)),
            next: (current < total).then(|| url(current + 1)),
            // A list of thousands of pages links each page to a handful, so
            // a page's size does not grow with the list.
            pages: {
                let near = current.saturating_sub(PAGER_NEAR).max(1)..=current + PAGER_NEAR;
                let shown: Vec<usize> = (1..=total)
                    .filter(|&n| n == 1 || n == total || near.contains(&n))
                    .collect();
                let mut pages = Vec::with_capacity(shown.len() + 2);
                let mut last = 0;
                for n in shown {
                    // One page left out is shown rather than an ellipsis.
                    if n == last + 2 {
                        pages.push(Some(PageLink {
                            number: last + 1,
                            url: url(last + 1),
                            current: false,
                        }));
                    } else if n > last + 2 {
                        pages.push(None);
                    }
                    pages.push(Some(PageLink {
                        number: n,
                        url: url(n),
                        current: n == current,
                    }));
                    last = n;
                }
                pages
            },
        }
    }
}

/// A summary cut for `<meta name="description">`.
pub fn description(text: &str) -> String {
    cut_at_word(&text.split_whitespace().collect::<Vec<_>>().join(" "), 160)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pager as text: numbers, `[n]` for the current page, `…` for a gap.
    fn shown(current: usize, total: usize) -> String {
        let pager = Pager::new("/repo/topics/energy/", current, total);
        pager
            .pages
            .iter()
            .map(|p| match p {
                Some(p) if p.current => format!("[{}]", p.number),
                Some(p) => p.number.to_string(),
                None => "…".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_pager_shows_the_ends_and_the_pages_near_this_one() {
        assert_eq!(shown(1, 1), "[1]");
        assert_eq!(shown(2, 5), "1 [2] 3 4 5");
        assert_eq!(shown(1, 9), "[1] 2 3 … 9");
        // One page between would be an ellipsis as wide as the page: shown.
        assert_eq!(shown(5, 9), "1 2 3 4 [5] 6 7 8 9");
        assert_eq!(shown(300, 575), "1 … 298 299 [300] 301 302 … 575");
        assert_eq!(shown(575, 575), "1 … 573 574 [575]");
        // However long the list, a page links a handful of others.
        assert!(Pager::new("/", 5000, 10_000).pages.len() <= 9);
        let pager = Pager::new("/repo/topics/energy/", 300, 575);
        let urls: Vec<&str> = pager
            .pages
            .iter()
            .flatten()
            .map(|p| p.url.as_str())
            .collect();
        assert_eq!(urls[0], "/repo/topics/energy/");
        assert_eq!(urls[1], "/repo/topics/energy/page/298/");
        assert_eq!(
            pager.previous.as_deref(),
            Some("/repo/topics/energy/page/299/")
        );
        assert_eq!(pager.next.as_deref(), Some("/repo/topics/energy/page/301/"));
    }
}
