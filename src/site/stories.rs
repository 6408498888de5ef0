//! The site's stories: each article made into a report for
//! [`crate::stories`], and what it finds made into the site's stories and a
//! warning for each story key given to one article only.

use rayon::prelude::*;

use std::collections::HashMap;

use super::tags::{Tag, TagKind, TagNumbers};
use super::{Entry, chronological_key};
use crate::config::Config;
use crate::content::Article;
use crate::error::Diagnostic;
use crate::frontmatter::Story as EditorStory;
use crate::stories::{self, Editor, Name, Report};

pub use crate::stories::Story;

/// The stories of `entries` (in the site's order) and, per article, the
/// number of its story; warnings for story keys given once.
pub fn find(
    config: &Config,
    entries: &[Entry],
    tags: &[Vec<Tag>],
    translations: &[Vec<usize>],
) -> (Vec<Story>, Vec<Option<usize>>, Vec<Diagnostic>) {
    let reports: Vec<Report> = entries
        .par_iter()
        .zip(tags)
        .zip(translations)
        .map(|((e, tags), translations)| report(config, &e.article, tags, translations))
        .collect();
    let (stories, lone) = stories::find(&reports);
    let mut story_of = vec![None; entries.len()];
    for (s, story) in stories.iter().enumerate() {
        for &i in &story.reports {
            story_of[i] = Some(s);
        }
    }
    let diagnostics = lone
        .into_iter()
        .map(|l| {
            let article = &entries[l.report].article;
            let (line, column) = article.position_of("story", &l.key);
            let hint = l
                .suggestion
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            Diagnostic::warning(
                &article.path,
                line,
                column,
                format!(
                    "story \"{}\" is on no other article{hint}; give every report of the story \
                     the same `story:` (or the slug of one of them), or remove the line",
                    l.key
                ),
            )
        })
        .collect();
    (stories, story_of, diagnostics)
}

/// The stories among `articles` as a build finds them, read from their
/// front matter alone (no body is rendered, no site assembled): what
/// ingest tells of the articles it wrote. Each story is its reports'
/// numbers in `articles`, oldest first.
pub fn among(config: &Config, articles: &[Article]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| chronological_key(&articles[a]).cmp(&chronological_key(&articles[b])));
    let numbers = TagNumbers::new(config);
    let place: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(at, &i)| (articles[i].slug.as_str(), at))
        .collect();
    // Translations both ways, as the site links them; a slug that is no
    // article's is the build's error to report, not ingest's.
    let mut translations = vec![Vec::new(); order.len()];
    for (at, &i) in order.iter().enumerate() {
        for other in &articles[i].meta.translations {
            if let Some(&to) = place.get(other.as_str()).filter(|&&to| to != at) {
                translations[at].push(to);
                translations[to].push(at);
            }
        }
    }
    for list in &mut translations {
        list.sort_unstable();
        list.dedup();
    }
    let reports: Vec<Report> = order
        .par_iter()
        .zip(&translations)
        .map(|(&i, translations)| {
            let tags = numbers.tags_of(&articles[i].meta);
            report(config, &articles[i], &tags, translations)
        })
        .collect();
    stories::find(&reports)
        .0
        .into_iter()
        .map(|story| story.reports.into_iter().map(|at| order[at]).collect())
        .collect()
}

/// What story detection needs of one article.
fn report<'a>(
    config: &Config,
    article: &'a Article,
    tags: &[Tag],
    translations: &'a [usize],
) -> Report<'a> {
    let meta = &article.meta;
    let mut names: Vec<Name> = tags.iter().filter_map(|&t| name(t)).collect();
    names.sort_unstable();
    let title = article.title();
    let people = config.people_lexicon.find(title).into_iter().map(|h| Tag {
        kind: TagKind::Person,
        number: h.id,
    });
    let places = config.place_lexicon.find(title).into_iter().map(|h| Tag {
        kind: TagKind::Place,
        number: h.id,
    });
    let mut title_names: Vec<Name> = people.chain(places).filter_map(name).collect();
    title_names.sort_unstable();
    title_names.dedup();
    let topics = tags
        .iter()
        .filter(|t| t.kind == TagKind::Topic)
        .map(|t| t.number as u32)
        .collect();
    Report {
        day: meta.date.filter(|d| d.is_full()).map(|d| d.approx_days()),
        names,
        title_names,
        topics,
        editor: meta.story.as_ref().map(|s| match s {
            EditorStory::Key(key) => Editor::Key(key),
            EditorStory::Alone => Editor::Alone,
        }),
        translations,
        slug: &article.slug,
    }
}

/// A person or a place as a name: people even, places odd.
fn name(tag: Tag) -> Option<Name> {
    let number = u32::try_from(tag.number).ok()?;
    match tag.kind {
        TagKind::Topic => None,
        TagKind::Person => Some(number * 2),
        TagKind::Place => Some(number * 2 + 1),
    }
}
