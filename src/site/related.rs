//! Related articles: those that share the most topics, people and places
//! with an article, then the nearest in time. Found when a page asks.

use std::cmp::Reverse;

use super::Entry;
use super::tags::{PerKind, Tag};

/// How many related articles an article page shows.
const RELATED: usize = 4;

/// Under each tag, only this many articles on either side in time are
/// candidates.
const RELATED_WINDOW: usize = 200;

/// What related articles are found from.
#[derive(Debug)]
pub struct RelatedIndex {
    /// Per kind and tag, the articles that have it, oldest first.
    holders: PerKind<Vec<Vec<usize>>>,
    /// Per article, its tags the configuration knows, each once.
    tags: Vec<Vec<Tag>>,
    /// Per article, its date in days, to say how near two are in time.
    days: Vec<Option<i64>>,
    /// Per article, its place among all slugs in order, which breaks ties
    /// between related articles without comparing the slugs each time.
    slug_rank: Vec<u32>,
}

impl RelatedIndex {
    /// `entries` in chronological order, with their `tags`, and who holds
    /// each tag.
    pub fn new(entries: &[Entry], tags: Vec<Vec<Tag>>, holders: PerKind<Vec<Vec<usize>>>) -> Self {
        let days = entries
            .iter()
            .map(|e| e.date().map(|d| d.approx_days()))
            .collect();
        let mut by_slug: Vec<usize> = (0..entries.len()).collect();
        by_slug.sort_unstable_by(|&a, &b| entries[a].slug().cmp(entries[b].slug()));
        let mut slug_rank = vec![0; entries.len()];
        for (rank, &i) in by_slug.iter().enumerate() {
            slug_rank[i] = u32::try_from(rank).expect("fewer than 4 billion articles");
        }
        RelatedIndex {
            holders,
            tags,
            days,
            slug_rank,
        }
    }

    /// Related articles of article `i`: most shared topics, people and
    /// places first, then nearest in time, then by slug; none of its
    /// `translations`, which are shown apart.
    ///
    /// Under each topic, person and place only the articles nearest in time
    /// are candidates (`RELATED_WINDOW` on each side): a topic thousands of
    /// articles share would otherwise make the whole site quadratic, and the
    /// far ones lose to the near ones on a tie anyway.
    pub fn related(&self, i: usize, translations: &[usize]) -> Vec<usize> {
        // Every candidate once per tag it shares; sorted, a run's length is its score.
        let mut candidates: Vec<usize> = Vec::new();
        for &Tag { kind, number } in &self.tags[i] {
            let holders = &self.holders[kind][number];
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
            if best.len() == RELATED && scored >= best[RELATED - 1] || translations.contains(&j) {
                continue;
            }
            let at = best.partition_point(|b| *b < scored);
            best.insert(at, scored);
            best.truncate(RELATED);
        }
        best.into_iter().map(|b| b.3).collect()
    }
}
