//! Every article's body rendered to HTML, in parallel, reusing the bodies
//! an earlier assembly rendered of the same articles (`serve` rebuilds
//! after an edit without rendering the rest again).

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::body::{self, Rendered};
use super::links::ArticleLinks;
use crate::content::Article;

/// Bodies rendered to HTML by an earlier assembly, by article.
#[derive(Default)]
pub struct BodyCache {
    /// Whether to keep nothing (a build assembles once).
    once: bool,
    /// [`ArticleLinks::key`] of the links the bodies were rendered with.
    links_key: u64,
    /// By the address of the article they were rendered from, which the
    /// cache holds so that no other article can take that address.
    bodies: HashMap<usize, (Arc<Article>, Arc<Rendered>)>,
}

impl BodyCache {
    pub fn once() -> BodyCache {
        BodyCache {
            once: true,
            ..BodyCache::default()
        }
    }

    /// The bodies of `articles`, their links resolved by `links`: those
    /// of the same articles (the same `Arc`) as last time taken from the
    /// cache while the links resolve as they did.
    pub fn render(
        &mut self,
        articles: &[Arc<Article>],
        links: &ArticleLinks,
    ) -> Vec<Arc<Rendered>> {
        let links_key = links.key();
        if self.links_key != links_key {
            self.links_key = links_key;
            self.bodies.clear();
        }
        let resolve = |dest: &str| links.resolve(dest);
        let rendered: Vec<Arc<Rendered>> = articles
            .par_iter()
            .map(|a| match self.bodies.get(&Arc::as_ptr(a).addr()) {
                Some((_, r)) => r.clone(),
                None => Arc::new(body::render(&a.body, &resolve)),
            })
            .collect();
        if !self.once {
            self.bodies = articles
                .iter()
                .zip(&rendered)
                .map(|(a, r)| (Arc::as_ptr(a).addr(), (a.clone(), r.clone())))
                .collect();
        }
        rendered
    }
}

/// A quick hash of `value`, to tell when it changed.
pub fn hash(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(value)
}
