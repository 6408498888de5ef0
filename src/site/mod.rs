//! The site as a whole, assembled once from the valid articles: each
//! article's HTML and plain text, the topic, person and place lists, the
//! chronology's order, related articles, neighbours in time and
//! translations. Read-only afterwards: rendering is a pure function of it.
//!
//! Assembly goes in named steps: render the bodies (`bodies`), make each
//! entry and check its links (`links`), index the tags (`tags`), then
//! translations, neighbours in time, events, stories (`stories`) and the
//! chronology's pages (`chronology`). Related articles
//! (`related`) are found when a page asks.

pub mod bodies;
pub mod body;
pub mod chronology;
pub mod links;
mod related;
pub mod stories;
pub mod tags;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, EntityKind};
use crate::content::Article;
use crate::date::PartialDate;
use crate::duplicates::{self, Prints};
use crate::error::{Diagnostic, Diagnostics};
use crate::text::cut_at_word;

pub use bodies::BodyCache;
pub use chronology::Chronology;
use links::ArticleLinks;
pub use links::SiteLink;
use related::RelatedIndex;
pub use stories::Story;
use tags::{PerKind, Tag, TagKind, TagNumbers, Tagged};

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
    pub site_links: Vec<SiteLink>,
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
    /// Its place among the article's events, from 1.
    pub number: usize,
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
    /// Each language the articles are in, by code, with its articles.
    pub languages: Vec<Language>,
    /// Per person and per place, the topics of its articles (see
    /// [`Site::entity_topics`]).
    entity_topics: PerKind<Vec<Vec<(usize, usize)>>>,
    related: RelatedIndex,
    pub previous: Vec<Option<usize>>,
    pub next: Vec<Option<usize>>,
    pub translations: Vec<Vec<usize>>,
    /// Every dated event, by date.
    pub events: Vec<DatedEvent>,
    /// The stories: the reports of one event, two or more, by their first report.
    pub stories: Vec<Story>,
    /// Per article, the number of its story in `stories`.
    pub story_of: Vec<Option<usize>>,
    /// The articles and events by year and month, and the page of each.
    pub chronology: Chronology,
}

/// One article made into an entry, with what the whole site needs of it.
struct Assembled {
    entry: Entry,
    tags: Vec<Tag>,
    /// Its links to headings of other articles.
    anchored: Vec<SiteLink>,
    diagnostics: Vec<Diagnostic>,
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
        diags.extend(check_duplicates(&articles));
        let links = ArticleLinks::new(config.base_path(), &articles);
        let bodies = cache.render(&articles, &links);
        let numbers = TagNumbers::new(&config);
        let made: Vec<Assembled> = articles
            .into_par_iter()
            .zip(bodies)
            .map(|(article, body)| make_entry(article, body, &links, &numbers))
            .collect();
        let n = made.len();
        let (mut entries, mut tags, mut anchored) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for m in made {
            diags.extend(m.diagnostics);
            entries.push(m.entry);
            tags.push(m.tags);
            anchored.push(m.anchored);
        }
        diags.extend(links.check_anchors(&entries, &anchored));
        let tagged = Tagged::new(&numbers, &tags);
        let [topics, people, places] =
            TagKind::ALL.map(|kind| newest_first_lists(&entries, &tagged.holders[kind]));
        let languages = languages(&entries);
        let translations = translations(&entries, &mut diags);
        let (previous, next) = neighbours(&entries);
        let events = events(&entries);
        let (stories, story_of, lone_keys) = stories::find(&config, &entries, &tags, &translations);
        diags.extend(lone_keys);
        let chronology = Chronology::new(&entries, &events, &stories, config.chronology_paginate);
        let related = RelatedIndex::new(&entries, tags, tagged.holders);
        let site = Site {
            config,
            entries,
            topics,
            people,
            places,
            languages,
            entity_topics: tagged.entity_topics,
            related,
            previous,
            next,
            translations,
            events,
            stories,
            story_of,
            chronology,
        };
        (site, diags)
    }

    /// Related articles: most shared topics, people and places first, then
    /// nearest in time, then by slug. Translations are shown apart, not
    /// here. Computed when a page asks, so that `serve` need not compute it
    /// for every article.
    pub fn related(&self, i: usize) -> Vec<usize> {
        self.related.related(i, &self.translations[i])
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
        &self.entity_topics[TagKind::from(kind)]
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

/// A warning for each two articles with nearly the same text, on the one
/// whose file name sorts later, naming the other; none for an article with
/// `duplicate: keep`.
fn check_duplicates(articles: &[Arc<Article>]) -> Vec<Diagnostic> {
    let kept = Prints::default();
    let prints: Vec<&Prints> = articles
        .iter()
        .map(|a| {
            if a.meta.keep_duplicate {
                &kept
            } else {
                &a.prints
            }
        })
        .collect();
    duplicates::copies(&prints)
        .into_iter()
        .map(|pair| {
            let (a, b) = (&articles[pair.first].path, &articles[pair.second].path);
            let (first, second) = if a < b { (a, b) } else { (b, a) };
            Diagnostic::warning(
                second,
                0,
                0,
                format!(
                    "nearly the same text as {}: {}% of the shorter one is in the other; delete \
                     one of them, or add `duplicate: keep` to this one to keep both",
                    first.display(),
                    pair.share
                ),
            )
        })
        .collect()
}

/// The entry of one article whose body rendered as `body`: its tags, its
/// summary, and its links checked as far as it alone can show.
fn make_entry(
    mut article: Arc<Article>,
    body: Arc<body::Rendered>,
    links: &ArticleLinks,
    numbers: &TagNumbers,
) -> Assembled {
    let tags = numbers.tags_of(&article.meta);
    let summary = article
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| summary_of(&body.plain));
    let checked = links.check_article(&article, &body);
    // Only its HTML and plain text are wanted from here on: in a build
    // nothing else holds the article, and its Markdown goes.
    if let Some(article) = Arc::get_mut(&mut article) {
        article.body = String::new();
    }
    let entry = Entry {
        url: links.article_url(&article.slug),
        article,
        body,
        summary,
        site_links: checked.site_links,
        topic_lines: Default::default(),
    };
    Assembled {
        entry,
        tags,
        anchored: checked.anchored,
        diagnostics: checked.diagnostics,
    }
}

/// Per tag, its articles newest first: the entries are in chronological
/// order, so that order backwards for the dated, then the undated as they
/// come.
fn newest_first_lists(entries: &[Entry], holders: &[Vec<usize>]) -> Vec<Vec<usize>> {
    holders
        .iter()
        .map(|list| {
            let (dated, undated): (Vec<usize>, Vec<usize>) =
                list.iter().partition(|&&i| entries[i].date().is_some());
            dated.into_iter().rev().chain(undated).collect()
        })
        .collect()
}

/// The articles in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its ISO 639-1 code, as the articles' `lang` gives it.
    pub code: String,
    /// Its articles, newest first.
    pub articles: Vec<usize>,
}

/// Each language of the articles, by code, with its articles newest first.
fn languages(entries: &[Entry]) -> Vec<Language> {
    let mut by_code: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, e) in entries.iter().enumerate() {
        by_code.entry(&e.article.meta.lang).or_default().push(i);
    }
    let (codes, holders): (Vec<&str>, Vec<Vec<usize>>) = by_code.into_iter().unzip();
    codes
        .into_iter()
        .zip(newest_first_lists(entries, &holders))
        .map(|(code, articles)| Language {
            code: code.to_string(),
            articles,
        })
        .collect()
}

/// Per article, its translations, both ways even when only one side says
/// so; a translation that is no article is reported.
fn translations(entries: &[Entry], diags: &mut Diagnostics) -> Vec<Vec<usize>> {
    let n = entries.len();
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
                        format!(
                            "translation \"{other}\" is not the slug of another article; use the \
                             file name without .md"
                        ),
                    ));
                }
            }
        }
    }
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
    translations
}

/// Per article, the dated article before it and after it in time.
fn neighbours(entries: &[Entry]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let n = entries.len();
    let dated: Vec<usize> = (0..n).filter(|&i| entries[i].date().is_some()).collect();
    let mut previous = vec![None; n];
    let mut next = vec![None; n];
    for w in dated.windows(2) {
        next[w[0]] = Some(w[1]);
        previous[w[1]] = Some(w[0]);
    }
    (previous, next)
}

/// Every dated event the articles mention, by date.
fn events(entries: &[Entry]) -> Vec<DatedEvent> {
    let mut events: Vec<DatedEvent> = entries
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.article
                .meta
                .events
                .iter()
                .enumerate()
                .map(move |(n, ev)| DatedEvent {
                    date: ev.date,
                    text: ev.text.clone(),
                    entry: i,
                    number: n + 1,
                })
        })
        .collect();
    events.sort_by(|a, b| (a.date, a.entry, &a.text).cmp(&(b.date, b.entry, &b.text)));
    events
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

#[cfg(test)]
mod tests;
