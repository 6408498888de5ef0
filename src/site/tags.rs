//! The tags of articles: the topics, people and places the configuration
//! knows, each by its kind and its number in the configuration's list, and
//! the lists of articles under each.

use std::collections::HashMap;
use std::ops::{Index, IndexMut};

use crate::config::{Config, EntityKind};
use crate::frontmatter::FrontMatter;

/// What a tag is: a topic of `site.toml`, or a person or a place of the
/// entities file. Ordered as the front matter lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TagKind {
    Topic,
    Person,
    Place,
}

impl TagKind {
    pub const ALL: [TagKind; 3] = [TagKind::Topic, TagKind::Person, TagKind::Place];

    /// The kind of entity a person or place tag names; `None` for a topic.
    pub fn entity(self) -> Option<EntityKind> {
        match self {
            TagKind::Topic => None,
            TagKind::Person => Some(EntityKind::Person),
            TagKind::Place => Some(EntityKind::Place),
        }
    }
}

impl From<EntityKind> for TagKind {
    fn from(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => TagKind::Person,
            EntityKind::Place => TagKind::Place,
        }
    }
}

/// A tag the configuration knows: its kind, and its number in the
/// configuration's list of that kind. Topics sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    pub kind: TagKind,
    pub number: usize,
}

/// One value for each kind of tag.
#[derive(Debug, Clone, Default)]
pub struct PerKind<T>([T; 3]);

impl<T> PerKind<T> {
    pub fn from_fn(mut make: impl FnMut(TagKind) -> T) -> Self {
        PerKind(TagKind::ALL.map(&mut make))
    }

    pub fn map<U>(self, mut f: impl FnMut(TagKind, T) -> U) -> PerKind<U> {
        let mut kinds = TagKind::ALL.into_iter();
        PerKind(self.0.map(|value| f(kinds.next().expect("a kind"), value)))
    }
}

impl<T> Index<TagKind> for PerKind<T> {
    type Output = T;

    fn index(&self, kind: TagKind) -> &T {
        &self.0[kind as usize]
    }
}

impl<T> IndexMut<TagKind> for PerKind<T> {
    fn index_mut(&mut self, kind: TagKind) -> &mut T {
        &mut self.0[kind as usize]
    }
}

/// Each topic, person and place of the configuration by its slug.
pub struct TagNumbers<'a>(PerKind<HashMap<&'a str, usize>>);

impl<'a> TagNumbers<'a> {
    pub fn new(config: &'a Config) -> Self {
        TagNumbers(PerKind::from_fn(|kind| {
            let slugs: Vec<&str> = match kind.entity() {
                None => config.topics.iter().map(|t| t.slug.as_str()).collect(),
                Some(entity) => config
                    .entities(entity)
                    .iter()
                    .map(|e| e.slug.as_str())
                    .collect(),
            };
            slugs.into_iter().enumerate().map(|(i, s)| (s, i)).collect()
        }))
    }

    /// How many tags of `kind` the configuration has.
    pub fn count(&self, kind: TagKind) -> usize {
        self.0[kind].len()
    }

    /// The tags of an article that the configuration knows, each once,
    /// sorted (topics first).
    pub fn tags_of(&self, meta: &FrontMatter) -> Vec<Tag> {
        let lists = [&meta.topics, &meta.people, &meta.places];
        let mut tags: Vec<Tag> = TagKind::ALL
            .into_iter()
            .zip(lists)
            .flat_map(|(kind, list)| {
                let numbers = &self.0[kind];
                list.iter().filter_map(move |slug| {
                    let number = *numbers.get(slug.as_str())?;
                    Some(Tag { kind, number })
                })
            })
            .collect();
        // A tag listed twice is shared once.
        tags.sort_unstable();
        tags.dedup();
        tags
    }
}

/// Who has each tag, from the tags of every article.
pub struct Tagged {
    /// Per kind and tag, the articles that have it, in chronological order.
    pub holders: PerKind<Vec<Vec<usize>>>,
    /// Per person and per place, the topics of its articles as (topic
    /// number, how many articles), most first, ties in the order site.toml
    /// gives the topics.
    pub entity_topics: PerKind<Vec<Vec<(usize, usize)>>>,
}

impl Tagged {
    /// `tags` holds each article's tags, articles in chronological order.
    pub fn new(numbers: &TagNumbers, tags: &[Vec<Tag>]) -> Tagged {
        let mut holders = PerKind::from_fn(|kind| vec![Vec::new(); numbers.count(kind)]);
        // Per person and place, how many of its articles have each topic.
        let topics = numbers.count(TagKind::Topic);
        let mut counts = PerKind::from_fn(|kind| match kind {
            TagKind::Topic => Vec::new(),
            _ => vec![vec![0; topics]; numbers.count(kind)],
        });
        for (i, these) in tags.iter().enumerate() {
            for &Tag { kind, number } in these {
                holders[kind][number].push(i);
                if kind == TagKind::Topic {
                    continue;
                }
                let article_topics = these.iter().take_while(|t| t.kind == TagKind::Topic);
                for topic in article_topics {
                    counts[kind][number][topic.number] += 1;
                }
            }
        }
        let entity_topics = counts.map(|_, per_tag| per_tag.into_iter().map(most_first).collect());
        Tagged {
            holders,
            entity_topics,
        }
    }
}

/// The topics counted more than never, as (topic, count), most first; a
/// tie keeps the topics' order.
fn most_first(counts: Vec<usize>) -> Vec<(usize, usize)> {
    let mut topics: Vec<(usize, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, count)| count > 0)
        .collect();
    topics.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    topics
}
