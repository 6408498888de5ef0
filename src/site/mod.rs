//! The site as a whole, assembled once from the valid articles: each
//! article's HTML and plain text, the topic, person and place lists, the
//! chronology's order, related articles, neighbours in time and
//! translations. Read-only afterwards: rendering is a pure function of it.

pub mod body;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, EntityKind};
use crate::content::Article;
use crate::date::PartialDate;
use crate::error::{Diagnostic, Diagnostics, suggest};
use crate::text::cut_at_word;

/// How many related articles an article page shows.
const RELATED: usize = 4;

/// An article with what the site made of it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Shared with `serve`'s cache of what it read.
    pub article: Arc<Article>,
    /// Root-relative, with the base path: `/repo/articles/<slug>/`.
    pub url: String,
    /// The body as HTML and as plain text, with its heading ids.
    pub body: Arc<body::Rendered>,
    /// The front matter's summary, or the start of the text.
    pub summary: String,
    /// Links to site pages written as `/path`, checked once the pages exist.
    pub site_links: Vec<(String, usize, usize)>,
    /// Per topic of the article, the byte range of the first line of the
    /// plain text that mentions it: found once, when a topic page asks.
    pub topic_lines: std::sync::OnceLock<Vec<(usize, std::ops::Range<usize>)>>,
}

impl Entry {
    pub fn slug(&self) -> &str {
        &self.article.slug
    }

    pub fn date(&self) -> Option<PartialDate> {
        self.article.meta.date
    }
}

/// A dated event an article mentions.
#[derive(Debug, Clone)]
pub struct DatedEvent {
    pub date: PartialDate,
    pub text: String,
    pub entry: usize,
}

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Oldest first: dated articles by date then slug, then undated ones by slug.
    pub entries: Vec<Entry>,
    /// Per topic of the configuration, its articles newest first.
    pub topics: Vec<Vec<usize>>,
    /// Per person of the configuration, the articles naming them, newest first.
    pub people: Vec<Vec<usize>>,
    pub places: Vec<Vec<usize>>,
    /// Per person and per place of the configuration, the topics of its
    /// articles as (topic number, how many articles), most first, ties in
    /// the order site.toml gives the topics.
    pub entity_topics: [Vec<Vec<(usize, usize)>>; 2],
    /// Per topic, person and place (kind 0, 1, 2, then its number in the
    /// configuration), the articles that have it, oldest first: the
    /// candidates for related articles.
    holders: [Vec<Vec<usize>>; 3],
    /// Per article, its tags the configuration knows as (kind, number),
    /// each once.
    tags: Vec<Vec<(usize, usize)>>,
    /// Per article, its date in days, to say how near two are in time.
    days: Vec<Option<i64>>,
    /// Per article, its place among all slugs in order, which breaks ties
    /// between related articles without comparing the slugs each time.
    slug_rank: Vec<u32>,
    pub previous: Vec<Option<usize>>,
    pub next: Vec<Option<usize>>,
    pub translations: Vec<Vec<usize>>,
    /// Every dated event, by date.
    pub events: Vec<DatedEvent>,
}

impl Site {
    /// Builds the site from articles that each passed their own checks, and
    /// reports what only the whole can show: broken links and anchors,
    /// unknown translations.
    pub fn assemble(config: Config, articles: Vec<Article>) -> (Site, Diagnostics) {
        let articles = articles.into_iter().map(Arc::new).collect();
        Site::assemble_with(config, articles, &mut BodyCache::once())
    }

    /// [`Site::assemble`], reusing the HTML of the bodies of articles that
    /// are the same (the same `Arc`, from `serve`'s cache of what it read)
    /// as at the last assembly with the same cache.
    pub fn assemble_with(
        config: Config,
        mut articles: Vec<Arc<Article>>,
        cache: &mut BodyCache,
    ) -> (Site, Diagnostics) {
        let mut diags = Diagnostics::default();
        articles.sort_by(|a, b| chronological_key(a).cmp(&chronological_key(b)));
        let base = config.base_path().to_string();
        let article_url = |slug: &str| format!("{base}articles/{slug}/");
        let by_file: HashMap<String, String> = articles
            .iter()
            .map(|a| (a.file_name(), a.slug.clone()))
            .collect();
        let by_slug: HashMap<String, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.slug.clone(), i))
            .collect();

        let resolve = |dest: &str| -> Option<String> {
            if let Some(path) = dest.strip_prefix('/').filter(|p| !p.starts_with('/')) {
                return Some(format!("{base}{path}"));
            }
            let (file, anchor) = split_anchor(dest);
            let slug = md_target(file).and_then(|name| by_file.get(name))?;
            Some(format!(
                "{}{}",
                article_url(slug),
                anchor.map(|a| format!("#{a}")).unwrap_or_default()
            ))
        };
        // Links resolve the same way while the files, slugs and base path do.
        let mut links_key: Vec<(&String, &String)> = by_file.iter().collect();
        links_key.sort();
        let links_key = hash(&(&base, links_key));
        if cache.links_key != links_key {
            cache.links_key = links_key;
            cache.bodies.clear();
        }
        let rendered: Vec<Arc<body::Rendered>> = articles
            .par_iter()
            .map(|a| match cache.bodies.get(&Arc::as_ptr(a).addr()) {
                Some((_, r)) => r.clone(),
                None => Arc::new(body::render(&a.body, &resolve)),
            })
            .collect();
        if !cache.once {
            cache.bodies = articles
                .iter()
                .zip(&rendered)
                .map(|(a, r)| (Arc::as_ptr(a).addr(), (a.clone(), r.clone())))
                .collect();
        }

        // Each topic, person and place of the configuration by its number.
        let tag_numbers: [HashMap<&str, usize>; 3] = [
            config
                .topics
                .iter()
                .map(|t| t.slug.as_str())
                .collect::<Vec<_>>(),
            config
                .entities(EntityKind::Person)
                .iter()
                .map(|e| e.slug.as_str())
                .collect(),
            config
                .entities(EntityKind::Place)
                .iter()
                .map(|e| e.slug.as_str())
                .collect(),
        ]
        .map(|slugs| slugs.into_iter().enumerate().map(|(i, s)| (s, i)).collect());
        // Per article: its entry, its problems, and its tags as (kind, number).
        type Made = (Entry, Vec<Diagnostic>, Vec<(usize, usize)>);
        let made: Vec<Made> = articles
            .into_par_iter()
            .zip(rendered)
            .map(|(mut article, r)| {
            let mut diags = Vec::new();
            let meta = &article.meta;
            // (kind, number) of each tag the configuration knows.
            let mut tags: Vec<(usize, usize)> = [&meta.topics, &meta.people, &meta.places]
                .into_iter()
                .enumerate()
                .flat_map(|(kind, list)| {
                    let numbers = &tag_numbers[kind];
                    list.iter()
                        .filter_map(move |t| numbers.get(t.as_str()).map(|&n| (kind, n)))
                })
                .collect();
            // A tag listed twice is shared once.
            tags.sort_unstable();
            tags.dedup();
            let summary = article
                .meta
                .summary
                .clone()
                .unwrap_or_else(|| summary_of(&r.plain));
            let mut site_links = Vec::new();
            let mut position = Positions::new(&article);
            for link in &r.dropped {
                let (line, column) = position.of(link.offset);
                let (what, shown) = if link.image {
                    ("image", "its description is shown instead")
                } else {
                    ("link to", "its text is shown without the link")
                };
                diags.push(Diagnostic::warning(
                    &article.path,
                    line,
                    column,
                    format!("{what} \"{}\" left out of the page: an address must start with https://, http://, mailto: or tel:, or lead to a page of the site; {shown}", link.dest),
                ));
            }
            // Most links lead out of the site: a link's line is found only
            // when it is kept or reported.
            for link in &r.links {
                let (file, anchor) = split_anchor(&link.dest);
                if link.dest.starts_with('/') && !link.dest.starts_with("//") {
                    let (line, column) = position.of(link.offset);
                    site_links.push((link.dest.clone(), line, column));
                } else if let Some(name) = md_target(file) {
                    match by_file.get(name) {
                        None => {
                            let hint = suggest(name, by_file.keys().map(String::as_str))
                                .map(|s| format!(" (did you mean \"{s}\"?)"))
                                .unwrap_or_default();
                            let (line, column) = position.of(link.offset);
                            diags.push(Diagnostic::error(
                                &article.path,
                                line,
                                column,
                                format!("link to \"{}\" but there is no content/{name}{hint}; fix the file name or remove the link", link.dest),
                            ));
                        }
                        Some(_) if anchor.is_some() => {
                            let (line, column) = position.of(link.offset);
                            site_links.push((link.dest.clone(), line, column))
                        }
                        Some(_) => {}
                    }
                } else if file.is_empty()
                    && anchor.is_some_and(|a| !r.headings.iter().any(|h| h == a))
                {
                    let (line, column) = position.of(link.offset);
                    diags.push(Diagnostic::error(
                        &article.path,
                        line,
                        column,
                        format!(
                            "link to \"{}\" but this article has no heading with that id; {}",
                            link.dest,
                            headings_hint(&r.headings)
                        ),
                    ));
                }
            }
            // Only its HTML and plain text are wanted from here on: in a
            // build nothing else holds the article, and its Markdown goes.
            if let Some(article) = Arc::get_mut(&mut article) {
                article.body = String::new();
            }
            let entry = Entry {
                url: article_url(&article.slug),
                article,
                body: r,
                summary,
                site_links,
                topic_lines: Default::default(),
            };
            (entry, diags, tags)
        })
            .collect();
        let mut entries = Vec::with_capacity(made.len());
        let mut tags = Vec::with_capacity(made.len());
        // Per kind and tag, who has it, in chronological order.
        let mut tagged: [Vec<Vec<usize>>; 3] = tag_numbers
            .each_ref()
            .map(|numbers| vec![Vec::new(); numbers.len()]);
        // Per person and place, how many of its articles have each topic.
        let mut topic_counts: [Vec<Vec<usize>>; 2] =
            [1, 2].map(|kind| vec![vec![0; tag_numbers[0].len()]; tag_numbers[kind].len()]);
        for (i, (entry, ds, these)) in made.into_iter().enumerate() {
            entries.push(entry);
            diags.extend(ds);
            for &(kind, n) in &these {
                tagged[kind][n].push(i);
                if kind > 0 {
                    for &(_, topic) in these.iter().take_while(|t| t.0 == 0) {
                        topic_counts[kind - 1][n][topic] += 1;
                    }
                }
            }
            tags.push(these);
        }
        let entity_topics = topic_counts.map(|per_entity| {
            per_entity
                .into_iter()
                .map(|counts| {
                    let mut topics: Vec<(usize, usize)> = counts
                        .into_iter()
                        .enumerate()
                        .filter(|&(_, count)| count > 0)
                        .collect();
                    topics.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
                    topics
                })
                .collect()
        });

        // Anchors in links to other articles, now that every heading is known.
        for entry in &entries {
            for (dest, line, column) in &entry.site_links {
                let (file, anchor) = split_anchor(dest);
                let (Some(name), Some(anchor)) = (md_target(file), anchor) else {
                    continue;
                };
                let Some(target) = by_file.get(name).and_then(|slug| by_slug.get(slug)) else {
                    continue;
                };
                let headings = &entries[*target].body.headings;
                if !headings.iter().any(|h| h == anchor) {
                    diags.push(Diagnostic::error(
                        &entry.article.path,
                        *line,
                        *column,
                        format!("link to \"{dest}\" but {name} has no heading with the id \"{anchor}\"; {}", headings_hint(headings)),
                    ));
                }
            }
        }
        for entry in &mut entries {
            entry
                .site_links
                .retain(|(dest, _, _)| dest.starts_with('/'));
        }

        let n = entries.len();
        // Entries are in chronological order, so newest first is that order
        // backwards for the dated, then the undated as they come.
        let newest_first = |list: Vec<usize>| {
            let (dated, undated): (Vec<usize>, Vec<usize>) =
                list.into_iter().partition(|&i| entries[i].date().is_some());
            dated
                .into_iter()
                .rev()
                .chain(undated)
                .collect::<Vec<usize>>()
        };
        let [topics, people, places] = tagged.each_ref().map(|lists| {
            lists
                .iter()
                .map(|list| newest_first(list.clone()))
                .collect()
        });
        let holders = tagged;
        let days = entries
            .iter()
            .map(|e| e.date().map(|d| d.approx_days()))
            .collect();
        let mut by_slug: Vec<usize> = (0..n).collect();
        by_slug.sort_unstable_by(|&a, &b| entries[a].slug().cmp(entries[b].slug()));
        let mut slug_rank = vec![0; n];
        for (rank, &i) in by_slug.iter().enumerate() {
            slug_rank[i] = u32::try_from(rank).expect("fewer than 4 billion articles");
        }

        let slug_index: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.slug(), i))
            .collect();
        let mut translations = vec![Vec::new(); n];
        for (i, entry) in entries.iter().enumerate() {
            for other in &entry.article.meta.translations {
                match slug_index.get(other.as_str()) {
                    Some(&j) if j != i => translations[i].push(j),
                    _ => {
                        let (line, column) = entry.article.position_of("translations", other);
                        diags.push(Diagnostic::error(
                            &entry.article.path,
                            line,
                            column,
                            format!("translation \"{other}\" is not the slug of another article; use the file name without .md"),
                        ));
                    }
                }
            }
        }
        // A translation goes both ways, even when only one side says so.
        for i in 0..n {
            for j in translations[i].clone() {
                if !translations[j].contains(&i) {
                    translations[j].push(i);
                }
            }
        }
        for list in &mut translations {
            list.sort_unstable();
            list.dedup();
        }

        let dated: Vec<usize> = (0..n).filter(|&i| entries[i].date().is_some()).collect();
        let mut previous = vec![None; n];
        let mut next = vec![None; n];
        for w in dated.windows(2) {
            next[w[0]] = Some(w[1]);
            previous[w[1]] = Some(w[0]);
        }

        let mut events: Vec<DatedEvent> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.article.meta.events.iter().map(move |ev| DatedEvent {
                    date: ev.date,
                    text: ev.text.clone(),
                    entry: i,
                })
            })
            .collect();
        events.sort_by(|a, b| (a.date, a.entry, &a.text).cmp(&(b.date, b.entry, &b.text)));

        let site = Site {
            config,
            entries,
            topics,
            people,
            places,
            entity_topics,
            holders,
            tags,
            days,
            slug_rank,
            previous,
            next,
            translations,
            events,
        };
        (site, diags)
    }

    /// Related articles: most shared topics, people and places first, then
    /// nearest in time, then by slug. Translations are shown apart, not here.
    ///
    /// Under each topic, person and place only the articles nearest in time
    /// are candidates (`RELATED_WINDOW` on each side): a topic thousands of
    /// articles share would otherwise make the whole site quadratic, and the
    /// far ones lose to the near ones on a tie anyway. Computed when a page
    /// asks, so that `serve` need not compute it for every article.
    pub fn related(&self, i: usize) -> Vec<usize> {
        const RELATED_WINDOW: usize = 200;
        // Every candidate once per tag it shares; sorted, a run's length is its score.
        let mut candidates: Vec<usize> = Vec::new();
        for &(kind, n) in &self.tags[i] {
            let holders = &self.holders[kind][n];
            let at = holders.binary_search(&i).unwrap_or_else(|p| p);
            let from = at.saturating_sub(RELATED_WINDOW);
            let to = (at + RELATED_WINDOW + 1).min(holders.len());
            candidates.extend(holders[from..to].iter().filter(|&&j| j != i));
        }
        // A stable sort merges the sorted runs (one per tag) without
        // sorting them again.
        candidates.sort();
        let days = |j: usize| match (self.days[i], self.days[j]) {
            (Some(a), Some(b)) => (a - b).unsigned_abs(),
            _ => u64::MAX,
        };
        // Better first: more shared, then nearer in time, then by slug.
        let mut best: Vec<(Reverse<usize>, u64, u32, usize)> = Vec::with_capacity(RELATED + 1);
        for run in candidates.chunk_by(|a, b| a == b) {
            let j = run[0];
            let scored = (Reverse(run.len()), days(j), self.slug_rank[j], j);
            if best.len() == RELATED && scored >= best[RELATED - 1]
                || self.translations[i].contains(&j)
            {
                continue;
            }
            let at = best.partition_point(|b| *b < scored);
            best.insert(at, scored);
            best.truncate(RELATED);
        }
        best.into_iter().map(|b| b.3).collect()
    }

    /// A root-relative URL under the base path: `url("topics/")` → `/repo/topics/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_path())
    }

    /// An absolute URL: `https://user.github.io/repo/topics/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    /// Per person or place, the topics of its articles as (topic number,
    /// how many articles), most first.
    pub fn entity_topics(&self, kind: EntityKind) -> &[Vec<(usize, usize)>] {
        match kind {
            EntityKind::Person => &self.entity_topics[0],
            EntityKind::Place => &self.entity_topics[1],
        }
    }

    pub fn entity_articles(&self, kind: EntityKind) -> &[Vec<usize>] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Place => &self.places,
        }
    }
}

fn chronological_key(a: &Article) -> (bool, Option<PartialDate>, &str) {
    (a.meta.date.is_none(), a.meta.date, &a.slug)
}

/// Bodies rendered to HTML by an earlier assembly, by file.
#[derive(Default)]
pub struct BodyCache {
    /// Whether to keep nothing (a build assembles once).
    once: bool,
    links_key: u64,
    /// By the address of the article they were rendered from, which the
    /// cache holds so that no other article can take that address.
    bodies: HashMap<usize, (Arc<Article>, Arc<body::Rendered>)>,
}

impl BodyCache {
    pub fn once() -> BodyCache {
        BodyCache {
            once: true,
            ..BodyCache::default()
        }
    }
}

fn hash(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(value)
}

/// The start of the text, about two lines long.
fn summary_of(plain: &str) -> String {
    let mut text = String::new();
    for word in plain.split_whitespace() {
        if text.len() > 4 * 220 {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    cut_at_word(&text, 220)
}

fn split_anchor(dest: &str) -> (&str, Option<&str>) {
    match dest.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (dest, None),
    }
}

/// The file name of a relative link to an article, `other.md` or
/// `./other.md` or `../content/other.md`.
fn md_target(file: &str) -> Option<&str> {
    if file.contains("://") || file.starts_with('/') || !file.ends_with(".md") {
        return None;
    }
    file.rsplit('/').next()
}

/// Lines and columns in the file of places in an article's body, asked
/// for mostly in the order they come (as links do): each question counts
/// lines on from the last one.
struct Positions<'a> {
    body: &'a str,
    first_line: usize,
    offset: usize,
    line: usize,
}

impl<'a> Positions<'a> {
    fn new(article: &'a Article) -> Positions<'a> {
        Positions {
            body: &article.body,
            first_line: article.body_line,
            offset: 0,
            line: 0,
        }
    }

    fn of(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.body.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 0);
        }
        let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
        self.line += newlines(&self.body[self.offset..offset]);
        self.offset = offset;
        let before = &self.body[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            self.first_line + self.line,
            before[line_start..].chars().count() + 1,
        )
    }
}

fn headings_hint(headings: &[String]) -> String {
    if headings.is_empty() {
        "it has no headings".into()
    } else {
        format!("its headings are: {}", headings.join(", "))
    }
}

#[cfg(test)]
mod tests;
