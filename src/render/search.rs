//! The search index, cut so that a query costs what the reader asks for
//! (no server needed), and the search page that reads it.
//!
//! Articles are numbered newest first (on one date by slug, the undated
//! last), the order results are shown in, so that a list of numbers is
//! also a ranking. The files, all under `search/`:
//!
//! - `index.json`, read at the first keystroke: the word buckets there are,
//!   the names whose first word has one letter, the chronology's years and
//!   the language names. It grows with the vocabulary, not the articles.
//! - `words/<hex of a prefix>.json`: the folded words that start with the
//!   prefix, each with the articles that have it (as gaps between their
//!   numbers) and those whose title has it; and the names (of people and
//!   places, every alias and form) whose first word starts with it. A
//!   bucket over [`BUCKET_BYTES`] is cut by the next letter of its words,
//!   and keeps only the union of its words' articles, which is all a query
//!   of exactly that prefix needs. So a query word fetches one bucket, of
//!   bounded size, however short it is.
//! - `people/<slug>.json`, `places/<slug>.json`: a name's articles and the
//!   words of its aliases, fetched when a query names it ("tokayev" finds
//!   "Токаев").
//! - `docs/<n>.json`: the result records (title, address, date, language,
//!   summary) of [`RECORDS_PER_FILE`] articles, fetched for the results
//!   shown, ten at a time.
//!
//! Words are folded by `text::fold`, which `static/search.js` repeats.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use serde::ser::SerializeSeq;

use super::Page;
use super::context::Ctx;
use crate::config::EntityKind;
use crate::error::Result;
use crate::route;
use crate::site::Site;
use crate::text::{cut_at_word, fold, word_spans};

/// Words longer than this are not indexed (URLs, codes).
const MAX_TOKEN_CHARS: usize = 32;

/// Result records in one file. A page of ten results whose articles lie
/// far apart fetches ten files; sixteen records (about 6 kB, 2.5 kB
/// compressed) keep that small without making thousands of files more.
pub const RECORDS_PER_FILE: usize = 16;

/// The size (as JSON, before compression) over which a bucket of words is
/// cut by their next letter; about 15 kB compressed.
const BUCKET_BYTES: usize = 48_000;

/// The search page: a form, and the script that reads the index.
pub(super) fn render_search_page(ctx: &Ctx) -> Result<Page> {
    let strings = &ctx.site.config.strings;
    let mut c = ctx.context(ctx.page_view(
        strings.get("nav_search").into(),
        strings.get("search_description").into(),
        route::SEARCH,
        "search",
    ));
    c.insert("index_url", &ctx.site.url(route::SEARCH));
    c.insert("script_strings", &script_strings(strings));
    ctx.page("search.html", route::SEARCH, &c)
}

/// What the search page's script says, in the interface's language, as
/// JSON for a `data-strings` attribute: plain strings, and counted ones as
/// their forms by plural category (the script picks one with
/// `Intl.PluralRules` for the page's `lang`).
fn script_strings(strings: &crate::config::Strings) -> String {
    let mut out = serde_json::Map::new();
    for key in [
        "undated",
        "search_loading",
        "search_too_short",
        "search_failed",
        "search_names",
        "search_year",
    ] {
        out.insert(key.into(), strings.get(key).into());
    }
    for key in ["search_matches", "search_no_match", "search_more"] {
        if let Some(forms) = strings.plural_forms(key) {
            out.insert(key.into(), serde_json::json!(forms));
        }
    }
    serde_json::Value::Object(out).to_string()
}

/// Every file of the search index.
pub fn render_index(site: &Site) -> Vec<Page> {
    let ranks = Ranks::new(site);
    let (postings, titles) = postings(site, &ranks);
    let names = names(site, &ranks);
    let mut buckets = Vec::new();
    for run in postings.chunk_by(|a, b| prefix(&a.0, 2) == prefix(&b.0, 2)) {
        cut(
            prefix(&run[0].0, 2),
            run,
            &titles,
            BUCKET_BYTES,
            &mut buckets,
        );
    }
    // A bucket for each name whose first word no article has.
    let mut have: FxHashSet<&str> = buckets.iter().map(|b| b.prefix).collect();
    for alias in names.aliases.keys() {
        let first = first_word(alias);
        if first.chars().count() >= 2 && have.insert(prefix(first, 2)) {
            buckets.push(Bucket {
                prefix: prefix(first, 2),
                words: Words::Leaf(&[]),
            });
        }
    }
    buckets.sort_by(|a, b| a.prefix.cmp(b.prefix));
    let aliases = bucket_aliases(&buckets, &names.aliases);
    let manifest = Manifest {
        docs: ranks.order.len(),
        per: RECORDS_PER_FILE,
        buckets: buckets.iter().map(|b| b.prefix).collect(),
        short: names
            .aliases
            .iter()
            .filter(|(alias, _)| first_word(alias).chars().count() < 2)
            .map(|(alias, files)| (alias.as_str(), files))
            .collect(),
        years: site
            .chronology
            .years
            .iter()
            .map(|y| (y.year, site.url(&route::chronology_year(y.year, 1))))
            .collect(),
        languages: site
            .entries
            .iter()
            .map(|e| {
                let lang = e.article.meta.lang.as_str();
                (lang, site.config.strings.language_name(lang))
            })
            .collect(),
    };
    let mut pages = vec![Page::new(route::SEARCH_INDEX, json(&manifest))];
    pages.par_extend(buckets.par_iter().zip(&aliases).map(|(bucket, aliases)| {
        let bytes = match &bucket.words {
            Words::Leaf(words) => json(&Leaf {
                w: PostingMap(words),
                t: TitleMap(words, &titles),
                a: aliases,
            }),
            Words::Split { docs, titles } => json(&Split {
                d: Gaps(docs),
                t: Gaps(titles),
                a: aliases,
            }),
        };
        Page::new(route::search_words(bucket.prefix), bytes)
    }));
    pages.par_extend(
        names
            .files
            .par_iter()
            .map(|(path, file)| Page::new(format!("{}{path}", route::SEARCH), json(file))),
    );
    pages.par_extend(
        ranks
            .order
            .par_chunks(RECORDS_PER_FILE)
            .enumerate()
            .map(|(n, chunk)| {
                let records: Vec<Record> =
                    chunk.iter().map(|&i| record(site, i as usize)).collect();
                Page::new(route::search_records(n), json(&records))
            }),
    );
    pages
}

/// The order results are shown in: newest first, on one date by slug, the
/// undated last.
struct Ranks {
    /// Per rank, the article (its number in `site.entries`).
    order: Vec<u32>,
}

impl Ranks {
    fn new(site: &Site) -> Self {
        // The entries run oldest first, on one date by slug, then the
        // undated by slug: the dates backwards, each date's run as it is.
        let entries = &site.entries;
        let dated = entries.partition_point(|e| e.date().is_some());
        let mut runs = Vec::new();
        let mut start = 0;
        while start < dated {
            let date = entries[start].date();
            let end = start + entries[start..dated].partition_point(|e| e.date() == date);
            runs.push(start as u32..end as u32);
            start = end;
        }
        let order = runs
            .into_iter()
            .rev()
            .flatten()
            .chain(dated as u32..entries.len() as u32)
            .collect();
        Ranks { order }
    }
}

/// A folded word and the articles (by rank, ascending) that have it.
type Posting = (String, Vec<u32>);

/// The articles whose title has a word, by the word.
type Titles = FxHashMap<String, Vec<u32>>;

/// An article's folded text, its distinct words in it (byte ranges), and how
/// many of those are the title's.
type ArticleWords = (String, Vec<(usize, usize)>, usize);

/// Every word of the site with the articles that have it, sorted by word,
/// and the articles whose title has it.
fn postings(site: &Site, ranks: &Ranks) -> (Vec<Posting>, Titles) {
    // Each article's distinct words, found in parallel a batch at a time
    // (so that only one batch's words are ever held apart), merged in the
    // order of the ranks, so that every list comes out sorted. A word is
    // copied only the first time the site shows it.
    let mut postings: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    let mut titles: Titles = FxHashMap::default();
    let keep = |token: &str| (2..=MAX_TOKEN_CHARS).contains(&token.chars().count());
    for (batch, ids) in ranks.order.chunks(1024).enumerate() {
        let words: Vec<ArticleWords> = ids
            .par_iter()
            .map(|&i| {
                let e = &site.entries[i as usize];
                let title = fold(e.article.title());
                let text = format!("{title}\n{}", fold(&e.body.plain));
                let mut seen = FxHashSet::default();
                let spans: Vec<(usize, usize)> = word_spans(&text)
                    .filter(|&(a, b)| keep(&text[a..b]) && seen.insert(&text[a..b]))
                    .collect();
                let in_title = spans.partition_point(|&(_, b)| b <= title.len());
                (text, spans, in_title)
            })
            .collect();
        for (k, (text, spans, in_title)) in words.iter().enumerate() {
            let rank = (batch * 1024 + k) as u32;
            for (n, &(a, b)) in spans.iter().enumerate() {
                let token = &text[a..b];
                add(&mut postings, token, rank);
                if n < *in_title {
                    add(&mut titles, token, rank);
                }
            }
        }
    }
    let mut postings: Vec<Posting> = postings.into_iter().collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (postings, titles)
}

fn add(map: &mut FxHashMap<String, Vec<u32>>, token: &str, rank: u32) {
    match map.get_mut(token) {
        Some(list) => list.push(rank),
        None => {
            map.insert(token.to_string(), vec![rank]);
        }
    }
}

/// A bucket of the index: the words that start with its prefix.
struct Bucket<'a> {
    prefix: &'a str,
    words: Words<'a>,
}

enum Words<'a> {
    /// The words themselves.
    Leaf(&'a [Posting]),
    /// Too many to fetch at once: cut by the next letter into buckets of
    /// their own, and here only what a query of exactly the prefix needs.
    Split {
        /// The articles that have any of the words.
        docs: Vec<u32>,
        /// The articles whose title has any of them.
        titles: Vec<u32>,
    },
}

/// Adds the bucket of `words` (all starting with `start`) to `out`, cut
/// by the next letter while it is over `limit` bytes and can be cut.
fn cut<'a>(
    start: &'a str,
    words: &'a [Posting],
    titles: &Titles,
    limit: usize,
    out: &mut Vec<Bucket<'a>>,
) {
    let depth = start.chars().count();
    // The word that is the prefix itself sorts first; the rest are longer.
    let longer = match words.first() {
        Some((w, _)) if w.len() == start.len() => &words[1..],
        _ => words,
    };
    if longer.is_empty() || leaf_bytes(words, titles) <= limit {
        out.push(Bucket {
            prefix: start,
            words: Words::Leaf(words),
        });
        return;
    }
    let union = |lists: &mut dyn Iterator<Item = &Vec<u32>>| {
        let mut all: Vec<u32> = lists.flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    out.push(Bucket {
        prefix: start,
        words: Words::Split {
            docs: union(&mut words.iter().map(|(_, d)| d)),
            titles: union(&mut words.iter().filter_map(|(w, _)| titles.get(w))),
        },
    });
    for run in longer.chunk_by(|a, b| prefix(&a.0, depth + 1) == prefix(&b.0, depth + 1)) {
        cut(prefix(&run[0].0, depth + 1), run, titles, limit, out);
    }
}

/// About how large a bucket of `words` is as JSON.
fn leaf_bytes(words: &[Posting], titles: &Titles) -> usize {
    words
        .iter()
        .map(|(w, docs)| {
            let title = titles.get(w).map_or(0, |t| w.len() + 4 + gaps_bytes(t));
            w.len() + 4 + gaps_bytes(docs) + title
        })
        .sum()
}

/// How many bytes `list` takes as JSON gaps.
fn gaps_bytes(list: &[u32]) -> usize {
    let mut last = 0;
    list.iter()
        .map(|&n| {
            let gap = n - last;
            last = n;
            gap.checked_ilog10().unwrap_or(0) as usize + 2
        })
        .sum()
}

/// The first `n` characters of a word.
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((end, _)) => &word[..end],
        None => word,
    }
}

fn first_word(alias: &str) -> &str {
    alias.split(' ').next().unwrap_or(alias)
}

/// The names of people and places: each alias (folded, its words joined by
/// a space) with the files of those it names, and each one's file.
struct Names<'a> {
    aliases: BTreeMap<String, Vec<String>>,
    /// Path under `search/` and file.
    files: Vec<(String, NameFile<'a>)>,
}

fn names<'a>(site: &'a Site, ranks: &Ranks) -> Names<'a> {
    let mut rank_of = vec![0u32; ranks.order.len()];
    for (rank, &i) in ranks.order.iter().enumerate() {
        rank_of[i as usize] = rank as u32;
    }
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut files = Vec::new();
    for kind in [EntityKind::Person, EntityKind::Place] {
        for (k, en) in site.config.entities(kind).iter().enumerate() {
            let list = &site.entity_articles(kind)[k];
            if list.is_empty() {
                continue;
            }
            let path = route::search_entity(kind, &en.slug)
                .trim_start_matches(route::SEARCH)
                .to_string();
            // Every form but the open-ended patterns ("казахск*"), which
            // search matches by prefix anyway.
            let forms = en.patterns.iter().filter(|p| !p.contains('*'));
            let mut words = Vec::new();
            for alias in std::iter::once(&en.name).chain(&en.aliases).chain(forms) {
                let folded = fold(alias);
                let parts: Vec<&str> = word_spans(&folded).map(|(a, b)| &folded[a..b]).collect();
                if parts.is_empty() {
                    continue;
                }
                let key = parts.join(" ");
                if parts.len() == 1 {
                    words.push(key.clone());
                }
                let named = aliases.entry(key).or_default();
                if !named.contains(&path) {
                    named.push(path.clone());
                }
            }
            words.sort_unstable();
            words.dedup();
            let mut docs: Vec<u32> = list.iter().map(|&i| rank_of[i]).collect();
            docs.sort_unstable();
            let file = NameFile {
                n: &en.name,
                u: site.url(&route::entity(kind, &en.slug, 1)),
                w: words,
                d: docs,
            };
            files.push((path, file));
        }
    }
    for named in aliases.values_mut() {
        named.sort_unstable();
    }
    Names { aliases, files }
}

/// Per bucket, the aliases whose first word starts with its prefix.
fn bucket_aliases<'a>(
    buckets: &[Bucket],
    aliases: &'a BTreeMap<String, Vec<String>>,
) -> Vec<BTreeMap<&'a str, &'a [String]>> {
    let index: FxHashMap<&str, usize> = buckets
        .iter()
        .enumerate()
        .map(|(k, b)| (b.prefix, k))
        .collect();
    let mut out = vec![BTreeMap::new(); buckets.len()];
    for (alias, files) in aliases {
        let first = first_word(alias);
        for n in 2..=first.chars().count() {
            if let Some(&k) = index.get(prefix(first, n)) {
                out[k].insert(alias.as_str(), files.as_slice());
            }
        }
    }
    out
}

fn record(site: &Site, i: usize) -> Record<'_> {
    let e = &site.entries[i];
    Record {
        u: &e.url,
        t: e.article.title(),
        d: e.date().map(|d| site.config.strings.date(d)),
        i: e.date().map(|d| d.iso()),
        l: &e.article.meta.lang,
        s: cut_at_word(&e.summary, 160),
    }
}

fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[derive(Serialize)]
struct Manifest<'a> {
    /// How many articles.
    docs: usize,
    /// Records a file of `docs/` holds.
    per: usize,
    /// The prefix of every bucket, sorted.
    buckets: Vec<&'a str>,
    /// The aliases whose first word has one letter, which no bucket holds.
    short: BTreeMap<&'a str, &'a Vec<String>>,
    /// The chronology's years and their pages.
    years: BTreeMap<i32, String>,
    /// Language names by code in the interface's language, for result lines.
    languages: BTreeMap<&'a str, &'a str>,
}

/// A bucket of words.
#[derive(Serialize)]
struct Leaf<'a> {
    /// Each word with its articles.
    w: PostingMap<'a>,
    /// Each word a title has with those articles.
    t: TitleMap<'a>,
    /// The aliases that start with the prefix, and whom they name.
    a: &'a BTreeMap<&'a str, &'a [String]>,
}

/// A bucket cut by the next letter.
#[derive(Serialize)]
struct Split<'a> {
    d: Gaps<'a>,
    t: Gaps<'a>,
    a: &'a BTreeMap<&'a str, &'a [String]>,
}

/// A person or a place.
#[derive(Serialize)]
struct NameFile<'a> {
    /// Name.
    n: &'a str,
    /// Its page.
    u: String,
    /// Its one-word aliases, folded, to mark in summaries.
    w: Vec<String>,
    /// The articles that name it.
    #[serde(serialize_with = "gaps")]
    d: Vec<u32>,
}

/// An article as a result line shows it.
#[derive(Serialize)]
struct Record<'a> {
    u: &'a str,
    t: &'a str,
    /// The date as readers see it, and as `<time datetime>` wants it.
    d: Option<String>,
    i: Option<String>,
    l: &'a str,
    s: String,
}

/// Ascending numbers as the gaps between them (the first from 0): shorter.
struct Gaps<'a>(&'a [u32]);

impl Serialize for Gaps<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        let mut last = 0;
        for &n in self.0 {
            seq.serialize_element(&(n - last))?;
            last = n;
        }
        seq.end()
    }
}

fn gaps<S: serde::Serializer>(list: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
    Gaps(list).serialize(serializer)
}

/// Words with their articles, in order.
struct PostingMap<'a>(&'a [Posting]);

impl Serialize for PostingMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(w, docs)| (w, Gaps(docs))))
    }
}

/// The words of a bucket that titles have, with those articles.
struct TitleMap<'a>(&'a [Posting], &'a Titles);

impl Serialize for TitleMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let titled = self
            .0
            .iter()
            .filter_map(|(w, _)| Some((w, Gaps(self.1.get(w)?))));
        serializer.collect_map(titled)
    }
}

#[cfg(test)]
mod tests;
