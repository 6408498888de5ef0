//! The search index: no server needed. `search/docs.json` lists the
//! articles, the people and places with every alias (so "tokayev" finds
//! "Токаев"), and which shards exist; `search/shards/<prefix>.json` maps
//! each folded word to the articles that contain it, split by the word's
//! first two letters so that a query loads only what it needs. Also the
//! search page, which reads them.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::Page;
use super::context::Ctx;
use crate::config::EntityKind;
use crate::error::Result;
use crate::route;
use crate::site::Site;
use crate::text::{cut_at_word, fold, word_spans};

/// Words longer than this are not indexed (URLs, codes).
const MAX_TOKEN_CHARS: usize = 32;

#[derive(Serialize)]
struct Docs<'a> {
    docs: Vec<Doc<'a>>,
    entities: BTreeMap<String, EntityDocs<'a>>,
    aliases: BTreeMap<String, BTreeSet<String>>,
    shards: Vec<String>,
    /// Language names by code, for result lines.
    languages: BTreeMap<&'a str, &'static str>,
}

#[derive(Serialize)]
struct Doc<'a> {
    /// URL
    u: &'a str,
    /// title
    t: &'a str,
    /// date as readers see it, and as `<time datetime>` wants it
    d: Option<String>,
    i: Option<String>,
    /// language
    l: &'a str,
    /// summary
    s: String,
}

#[derive(Serialize)]
struct EntityDocs<'a> {
    n: &'a str,
    u: String,
    d: Vec<usize>,
}

/// The shard a folded word belongs to: its first two characters, as hex.
pub fn shard_key(token: &str) -> String {
    token
        .chars()
        .take(2)
        .collect::<String>()
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The search page: a form, and the script that reads the index.
pub(super) fn render_search_page(ctx: &Ctx) -> Result<Page> {
    let mut c = ctx.context(ctx.page_view(
        "Search".into(),
        "Search every article, in every language.".into(),
        route::SEARCH,
        "search",
    ));
    c.insert("index_url", &ctx.site.url(route::SEARCH));
    ctx.page("search.html", route::SEARCH, &c)
}

/// The search index: `search/docs.json` and every shard.
pub fn render_index(site: &Site) -> Vec<Page> {
    let postings = postings(site);
    // Every token has two letters or more, so sorted tokens come shard by
    // shard, and the shards in the order of their keys.
    let shards: Vec<(String, &[Posting])> = postings
        .chunk_by(|a, b| first_two(&a.0) == first_two(&b.0))
        .map(|run| (shard_key(&run[0].0), run))
        .collect();
    let docs = site
        .entries
        .iter()
        .map(|e| Doc {
            u: &e.url,
            t: e.article.title(),
            d: e.date().map(|d| d.human()),
            i: e.date().map(|d| d.iso()),
            l: &e.article.meta.lang,
            s: cut_at_word(&e.summary, 160),
        })
        .collect();
    let (entities, aliases) = entity_docs(site);
    let languages = site
        .entries
        .iter()
        .map(|e| {
            let lang = e.article.meta.lang.as_str();
            (lang, crate::language::english_name(lang))
        })
        .collect();
    let index = Docs {
        docs,
        entities,
        aliases,
        shards: shards.iter().map(|(key, _)| key.clone()).collect(),
        languages,
    };
    let mut pages = vec![Page::new(
        route::SEARCH_DOCS,
        serde_json::to_vec(&index).unwrap_or_default(),
    )];
    pages.par_extend(shards.par_iter().map(|(key, tokens)| {
        Page::new(
            route::search_shard(key),
            serde_json::to_vec(&Shard(tokens)).unwrap_or_default(),
        )
    }));
    pages
}

/// Every word of the site with the articles that have it, sorted by word.
fn postings(site: &Site) -> Vec<Posting> {
    // Each article's distinct words, found in parallel a batch at a time
    // (so that only one batch's words are ever held apart), merged in order.
    // A word is copied only the first time the site shows it.
    let mut postings: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (batch, entries) in site.entries.chunks(1024).enumerate() {
        let words: Vec<(String, Vec<(usize, usize)>)> = entries
            .par_iter()
            .map(|e| {
                let text = fold(&format!("{}\n{}", e.article.title(), e.body.plain));
                let mut seen = FxHashSet::default();
                let spans = word_spans(&text)
                    .filter(|&(a, b)| {
                        let token = &text[a..b];
                        (2..=MAX_TOKEN_CHARS).contains(&token.chars().count()) && seen.insert(token)
                    })
                    .collect();
                (text, spans)
            })
            .collect();
        for (k, (text, spans)) in words.iter().enumerate() {
            let doc = batch * 1024 + k;
            for &(a, b) in spans {
                let token = &text[a..b];
                match postings.get_mut(token) {
                    Some(docs) => docs.push(doc),
                    None => {
                        postings.insert(token.to_string(), vec![doc]);
                    }
                }
            }
        }
    }
    let mut postings: Vec<Posting> = postings.into_iter().collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    postings
}

/// The people and places articles name, by key (`people/<slug>`), and
/// each of their names, aliases and forms folded, with the keys it names.
type EntityIndex<'a> = (
    BTreeMap<String, EntityDocs<'a>>,
    BTreeMap<String, BTreeSet<String>>,
);

fn entity_docs(site: &Site) -> EntityIndex<'_> {
    let mut entities = BTreeMap::new();
    let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for kind in [EntityKind::Person, EntityKind::Place] {
        for (k, en) in site.config.entities(kind).iter().enumerate() {
            let list = &site.entity_articles(kind)[k];
            if list.is_empty() {
                continue;
            }
            let address = route::entity(kind, &en.slug, 1);
            let key = address.trim_end_matches('/').to_string();
            // Every form but the open-ended patterns ("казахск*"), which search
            // matches by prefix anyway.
            let forms = en.patterns.iter().filter(|p| !p.contains('*'));
            for alias in std::iter::once(&en.name).chain(&en.aliases).chain(forms) {
                let folded = fold(alias);
                let words: Vec<&str> = word_spans(&folded).map(|(a, b)| &folded[a..b]).collect();
                if !words.is_empty() {
                    aliases
                        .entry(words.join(" "))
                        .or_default()
                        .insert(key.clone());
                }
            }
            let mut d = list.clone();
            d.sort_unstable();
            let docs = EntityDocs {
                n: &en.name,
                u: site.url(&address),
                d,
            };
            entities.insert(key, docs);
        }
    }
    (entities, aliases)
}

/// A token and the articles that have it.
type Posting = (String, Vec<usize>);

/// A word's first two characters.
fn first_two(token: &str) -> &str {
    match token.char_indices().nth(2) {
        Some((end, _)) => &token[..end],
        None => token,
    }
}

/// A shard as JSON: each token, in order, with the articles that have it.
struct Shard<'a>(&'a [Posting]);

impl Serialize for Shard<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(token, docs)| (token, docs)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_keys_are_the_hex_of_two_letters() {
        assert_eq!(shard_key("baku"), "6261");
        assert_eq!(shard_key("т"), "d182");
        assert_eq!(shard_key("токаев"), "d182d0be");
    }
}
