//! The search index: no server needed. `search/docs.json` lists the
//! articles, the people and places with every alias (so "tokayev" finds
//! "Токаев"), and which shards exist; `search/shards/<prefix>.json` maps
//! each folded word to the articles that contain it, split by the word's
//! first two letters so that a query loads only what it needs.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::Page;
use crate::config::EntityKind;
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

pub fn render_index(site: &Site) -> Vec<Page> {
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
    let mut postings: Vec<(String, Vec<usize>)> = postings.into_iter().collect();
    postings.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Every token has two letters or more, so sorted tokens come shard by
    // shard, and the shards in the order of their keys.
    let shards: Vec<(String, &[Posting])> = postings
        .chunk_by(|a, b| first_two(&a.0) == first_two(&b.0))
        .map(|run| (shard_key(&run[0].0), run))
        .collect();
    let mut docs = Vec::with_capacity(site.entries.len());
    for e in &site.entries {
        docs.push(Doc {
            u: &e.url,
            t: e.article.title(),
            d: e.date().map(|d| d.human()),
            i: e.date().map(|d| d.iso()),
            l: &e.article.meta.lang,
            s: cut_at_word(&e.summary, 160),
        });
    }
    let mut entities = BTreeMap::new();
    let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for kind in [EntityKind::Person, EntityKind::Place] {
        for (k, en) in site.config.entities(kind).iter().enumerate() {
            let list = &site.entity_articles(kind)[k];
            if list.is_empty() {
                continue;
            }
            let key = format!("{}/{}", kind.key(), en.slug);
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
            entities.insert(
                key,
                EntityDocs {
                    n: &en.name,
                    u: site.url(&format!("{}/{}/", kind.key(), en.slug)),
                    d,
                },
            );
        }
    }
    let languages = site
        .entries
        .iter()
        .map(|e| {
            (
                e.article.meta.lang.as_str(),
                crate::language::english_name(&e.article.meta.lang),
            )
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
        "search/docs.json",
        serde_json::to_vec(&index).unwrap_or_default(),
    )];
    pages.par_extend(shards.par_iter().map(|(key, tokens)| {
        Page::new(
            format!("search/shards/{key}.json"),
            serde_json::to_vec(&Shard(tokens)).unwrap_or_default(),
        )
    }));
    pages
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
