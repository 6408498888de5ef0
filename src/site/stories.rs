//! The site's stories: each article made into a report for
//! [`crate::stories`], and what it finds made into the site's stories and a
//! warning for each story key given to one article only.

use rayon::prelude::*;

use super::Entry;
use super::tags::{Tag, TagKind};
use crate::config::Config;
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
        .map(|((e, tags), translations)| report(config, e, tags, translations))
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

/// What story detection needs of one article.
fn report<'a>(
    config: &Config,
    e: &'a Entry,
    tags: &[Tag],
    translations: &'a [usize],
) -> Report<'a> {
    let meta = &e.article.meta;
    let mut names: Vec<Name> = tags.iter().filter_map(|&t| name(t)).collect();
    names.sort_unstable();
    let title = e.article.title();
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
        slug: e.slug(),
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
