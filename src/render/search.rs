//! The search index: no server needed. `search/docs.json` lists the
//! articles, the people and places with every alias (so "tokayev" finds
//! "Токаев"), and which shards exist; `search/shards/<prefix>.json` maps
//! each folded word to the articles that contain it, split by the word's
//! first two letters so that a query loads only what it needs.

use std::collections::{BTreeMap, BTreeSet};

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
    // Each article's distinct words, found in parallel, merged in order.
    let words: Vec<BTreeSet<String>> = site
        .entries
        .par_iter()
        .map(|e| {
            let text = fold(&format!("{}\n{}", e.article.title(), e.body.plain));
            word_spans(&text)
                .map(|(a, b)| &text[a..b])
                .filter(|t| (2..=MAX_TOKEN_CHARS).contains(&t.chars().count()))
                .map(str::to_string)
                .collect()
        })
        .collect();
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (i, tokens) in words.into_iter().enumerate() {
        for token in tokens {
            shards
                .entry(shard_key(&token))
                .or_default()
                .entry(token)
                .or_default()
                .push(i);
        }
    }
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
        shards: shards.keys().cloned().collect(),
        languages,
    };
    let mut pages = vec![Page::new(
        "search/docs.json",
        serde_json::to_vec(&index).unwrap_or_default(),
    )];
    for (key, tokens) in shards {
        pages.push(Page::new(
            format!("search/shards/{key}.json"),
            serde_json::to_vec(&tokens).unwrap_or_default(),
        ));
    }
    pages
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
