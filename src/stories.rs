//! Stories: the reports of one event, in whatever languages it was
//! reported in. Two articles are one story when they appeared on the same
//! day or a day apart and name the same people and places, the rarer names
//! counting for more, without their headlines naming different ones; an
//! editor's `story:` key groups articles by hand and `story: none` keeps one
//! alone. Translations (the same text in another language) are always one
//! story.
//!
//! Only articles a day apart at most are compared, and only those that share
//! a name few articles of those days hold, so the work grows with the
//! articles, not with their pairs.

use std::collections::HashMap;

/// A name (a person or a place), by a number the caller gives it.
pub type Name = u32;

/// What story detection knows of one article.
#[derive(Debug, Clone, Default)]
pub struct Report<'a> {
    /// The day it appeared (days since 1970-01-01), when its date is exact
    /// to the day.
    pub day: Option<i64>,
    /// The people and places it names, sorted, each once.
    pub names: Vec<Name>,
    /// The people and places its headline names, sorted, each once.
    pub title_names: Vec<Name>,
    /// Its topics, sorted, each once.
    pub topics: Vec<u32>,
    /// What its editor says, if anything.
    pub editor: Option<Editor<'a>>,
    /// Other articles (by number) with the same text in another language.
    pub translations: &'a [usize],
    /// Its slug: an editor's key that is another article's slug joins that
    /// article's story.
    pub slug: &'a str,
}

/// An editor's `story:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor<'a> {
    Key(&'a str),
    Alone,
}

/// One story: two reports or more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The editor's key, or else the slug of its first report.
    pub slug: String,
    /// Its reports by number, in the order of the input.
    pub reports: Vec<usize>,
}

/// A story key an editor gave one article only (and that is no other
/// article's slug), with the key or slug it may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoneKey {
    pub report: usize,
    pub key: String,
    pub suggestion: Option<String>,
}

/// How alike two reports must be (0 to 1) to be one story.
const THRESHOLD: f64 = 0.6;
/// Reports that share fewer people and places are never one story: one
/// name in common (a country, a capital) says little.
const MIN_SHARED: usize = 2;
/// What a headline naming one of the same people or places adds.
const TITLE_BONUS: f64 = 0.15;
/// What reports with topics that share none lose.
const TOPIC_PENALTY: f64 = 0.15;
/// A name that more reports of two days hold suggests no pair: a country
/// the whole archive is about is named by nearly every article.
const MAX_HOLDERS: usize = 64;

/// The stories among `reports` (given in the site's order: by date, then
/// slug), oldest first, and the editors' keys given once.
pub fn find(reports: &[Report]) -> (Vec<Story>, Vec<LoneKey>) {
    let weights = Weights::new(reports);
    let mut groups = Groups::new(reports);
    let mut scored: Vec<(f64, usize, usize)> = candidates(reports)
        .into_iter()
        .filter_map(|(a, b)| {
            let s = weights.similarity(&reports[a], &reports[b])?;
            (s >= THRESHOLD).then_some((s, a, b))
        })
        .collect();
    // Likest first; ties in the input's order, so the result is the same each time.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, a, b) in scored {
        groups.join_if_alike(a, b, reports, &weights);
    }
    let lone = groups.join_keys(reports);
    groups.join_translations(reports);
    (groups.stories(reports), lone)
}

/// How much each name counts: the rarer among the reports, the more.
struct Weights {
    weight: HashMap<Name, f64>,
}

impl Weights {
    fn new(reports: &[Report]) -> Self {
        let mut holders: HashMap<Name, usize> = HashMap::new();
        for r in reports {
            for &n in &r.names {
                *holders.entry(n).or_default() += 1;
            }
        }
        // Inverse document frequency, smoothed: a name every report holds
        // counts ln 2, one that one report in a hundred holds ln 101.
        let total = reports.len() as f64;
        let weight = holders
            .into_iter()
            .map(|(n, h)| (n, (1.0 + total / h as f64).ln()))
            .collect();
        Weights { weight }
    }

    fn of(&self, n: Name) -> f64 {
        self.weight.get(&n).copied().unwrap_or(0.0)
    }

    /// How alike two reports are, from 0 to about 1; `None` when they
    /// cannot be one story (more than a day apart, undated, or headlines
    /// that name different people and places).
    fn similarity(&self, a: &Report, b: &Report) -> Option<f64> {
        if (a.day? - b.day?).abs() > 1 {
            return None;
        }
        let titles = self.jaccard(&a.title_names, &b.title_names);
        if !a.title_names.is_empty()
            && !b.title_names.is_empty()
            && !shares(&a.title_names, &b.title_names)
        {
            return None;
        }
        let mut s = self.alike(&a.names, &b.names)?;
        // Headlines that name the same rare people and places add the more.
        s += TITLE_BONUS * titles.unwrap_or(0.0);
        if !a.topics.is_empty() && !b.topics.is_empty() && !shares(&a.topics, &b.topics) {
            s -= TOPIC_PENALTY;
        }
        Some(s)
    }
}

impl Weights {
    /// How much of their weight two sorted lists of names share: `(both,
    /// weight of a, weight of b, how many names they share)`.
    fn shared(&self, a: &[Name], b: &[Name]) -> (f64, f64, f64, usize) {
        let (mut both, mut wa, mut wb, mut count) = (0.0, 0.0, 0.0, 0);
        merge(a, b, |n, side| {
            let w = self.of(n);
            match side {
                Side::Both => {
                    count += 1;
                    both += w;
                    wa += w;
                    wb += w;
                }
                Side::A => wa += w,
                Side::B => wb += w,
            }
        });
        (both, wa, wb, count)
    }

    /// The weighted Jaccard index of two lists of names: the weight they
    /// share over the weight of either; `None` when they share none.
    fn jaccard(&self, a: &[Name], b: &[Name]) -> Option<f64> {
        let (both, wa, wb, _) = self.shared(a, b);
        (both > 0.0).then(|| both / (wa + wb - both))
    }

    /// How alike two reports' names are: the mean of their Jaccard index and
    /// of how much of the lighter one's weight the other holds. A short
    /// report that names a few of the people and places a long one names is
    /// as much a report of its event as the long one; the Jaccard half keeps
    /// a report that names only the country or two the whole archive names
    /// from matching every report that names them too.
    fn alike(&self, a: &[Name], b: &[Name]) -> Option<f64> {
        let (both, wa, wb, count) = self.shared(a, b);
        if both <= 0.0 || count < MIN_SHARED {
            return None;
        }
        let jaccard = both / (wa + wb - both);
        let contained = both / wa.min(wb);
        Some((jaccard + contained) / 2.0)
    }
}

/// Which of two lists holds an item.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Both,
    A,
    B,
}

/// Calls `f` once for each item of two sorted lists, saying which holds it.
fn merge(a: &[u32], b: &[u32], mut f: impl FnMut(u32, Side)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                f(*x, Side::Both);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                f(*x, Side::A);
                i += 1;
            }
            (Some(x), None) => {
                f(*x, Side::A);
                i += 1;
            }
            (_, Some(y)) => {
                f(*y, Side::B);
                j += 1;
            }
            (None, None) => unreachable!(),
        }
    }
}

/// Whether two sorted lists share an item.
fn shares(a: &[u32], b: &[u32]) -> bool {
    let mut any = false;
    merge(a, b, |_, side| any |= side == Side::Both);
    any
}

/// Pairs of dated reports a day apart at most that share a name held by
/// few reports of those days; each pair once, the smaller number first.
fn candidates(reports: &[Report]) -> Vec<(usize, usize)> {
    let mut by_day: Vec<(i64, usize)> = reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.editor != Some(Editor::Alone))
        .filter_map(|(i, r)| Some((r.day?, i)))
        .collect();
    by_day.sort_unstable();
    let mut pairs = Vec::new();
    let mut start = 0;
    while start < by_day.len() {
        let day = by_day[start].0;
        let today = start + by_day[start..].partition_point(|&(d, _)| d == day);
        let end = today + by_day[today..].partition_point(|&(d, _)| d == day + 1);
        // Who holds each name among the reports of this day and the next.
        let mut holders: HashMap<Name, Vec<usize>> = HashMap::new();
        for (k, &(_, i)) in by_day[start..end].iter().enumerate() {
            for &n in &reports[i].names {
                holders.entry(n).or_default().push(k);
            }
        }
        let first_of_next = today - start;
        for list in holders.values().filter(|l| l.len() <= MAX_HOLDERS) {
            for (x, &p) in list.iter().enumerate() {
                // Pairs within the next day are that day's to find.
                if p >= first_of_next {
                    break;
                }
                for &q in &list[x + 1..] {
                    let (a, b) = (by_day[start + p].1, by_day[start + q].1);
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        start = today;
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Reports joined into groups (a union-find), each group with its editor's
/// key and the days its reports span.
struct Groups {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
    key: Vec<Option<String>>,
    days: Vec<Option<(i64, i64)>>,
}

impl Groups {
    fn new(reports: &[Report]) -> Self {
        Groups {
            parent: (0..reports.len()).collect(),
            members: (0..reports.len()).map(|i| vec![i]).collect(),
            // An editor's key is known from the start, so that no two keys
            // ever end up in one group.
            key: reports
                .iter()
                .map(|r| match r.editor {
                    Some(Editor::Key(key)) => Some(key.to_string()),
                    _ => None,
                })
                .collect(),
            days: reports.iter().map(|r| r.day.map(|d| (d, d))).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b` unless they have different keys.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return true;
        }
        let key = match (&self.key[ra], &self.key[rb]) {
            (Some(x), Some(y)) if x != y => return false,
            (x, y) => x.clone().or_else(|| y.clone()),
        };
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        self.key[keep] = key;
        self.days[keep] = match (self.days[keep], self.days[gone]) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
        true
    }

    /// Joins the articles with the same key (whatever their days), and each
    /// with the article whose slug its key is when that one has no key of its
    /// own; returns the keys given once that are no article's slug.
    fn join_keys(&mut self, reports: &[Report]) -> Vec<LoneKey> {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in reports.iter().enumerate() {
            if let Some(Editor::Key(key)) = r.editor {
                by_key.entry(key).or_default().push(i);
            }
        }
        let by_slug: HashMap<&str, usize> = reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug, i))
            .collect();
        let mut keys: Vec<(&str, Vec<usize>)> = by_key.into_iter().collect();
        keys.sort_unstable();
        let mut lone = Vec::new();
        for (key, list) in &keys {
            for &i in &list[1..] {
                self.join(list[0], i);
            }
            let named = by_slug
                .get(key)
                .copied()
                .filter(|&j| reports[j].editor.is_none() && !list.contains(&j));
            match named {
                Some(j) => {
                    self.join(list[0], j);
                }
                None if list.len() == 1 => {
                    let others = keys
                        .iter()
                        .map(|(k, _)| *k)
                        .chain(reports.iter().map(|r| r.slug))
                        .filter(|k| k != key);
                    lone.push(LoneKey {
                        report: list[0],
                        key: key.to_string(),
                        suggestion: crate::error::suggest(key, others).map(str::to_string),
                    });
                }
                None => {}
            }
        }
        lone
    }

    /// Joins each article with its translations, unless either stands alone.
    fn join_translations(&mut self, reports: &[Report]) {
        for (i, r) in reports.iter().enumerate() {
            for &j in r.translations {
                let alone = |k: usize| reports[k].editor == Some(Editor::Alone);
                if !alone(i) && !alone(j) {
                    self.join(i, j);
                }
            }
        }
    }

    /// Joins the groups of `a` and `b` when they stay within two days and
    /// their reports are, on average, alike.
    fn join_if_alike(&mut self, a: usize, b: usize, reports: &[Report], weights: &Weights) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        if let (Some((a0, a1)), Some((b0, b1))) = (self.days[ra], self.days[rb])
            && a1.max(b1) - a0.min(b0) > 1
        {
            return;
        }
        let mut sum = 0.0;
        for &x in &self.members[ra] {
            for &y in &self.members[rb] {
                sum += weights.similarity(&reports[x], &reports[y]).unwrap_or(0.0);
            }
        }
        let pairs = (self.members[ra].len() * self.members[rb].len()) as f64;
        if sum / pairs >= THRESHOLD {
            self.join(ra, rb);
        }
    }

    /// The groups of two reports or more, by their first report.
    fn stories(mut self, reports: &[Report]) -> Vec<Story> {
        let mut stories: Vec<(Option<String>, Vec<usize>)> = Vec::new();
        for i in 0..reports.len() {
            if self.parent[i] == i && self.members[i].len() > 1 {
                let mut members = std::mem::take(&mut self.members[i]);
                members.sort_unstable();
                stories.push((self.key[i].take(), members));
            }
        }
        stories.sort_by_key(|(_, members)| members[0]);
        let keys: std::collections::HashSet<String> =
            stories.iter().filter_map(|(k, _)| k.clone()).collect();
        let mut taken = std::collections::HashSet::new();
        stories
            .into_iter()
            .map(|(key, reports_of)| {
                let slug = key.unwrap_or_else(|| {
                    // A story without a key is named after its first report,
                    // unless an editor's key already has that name.
                    let first = reports[reports_of[0]].slug;
                    let mut slug = first.to_string();
                    let mut n = 2;
                    while keys.contains(&slug) || taken.contains(&slug) {
                        slug = format!("{first}-{n}");
                        n += 1;
                    }
                    slug
                });
                taken.insert(slug.clone());
                Story {
                    slug,
                    reports: reports_of,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
