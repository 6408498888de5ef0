//! The site's configuration: `site.toml` (title, address, languages, topics
//! with their keyword lexicons) and the entities file it names (people and
//! places with every spelling). Loaded once; everything else borrows it.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};
use crate::language;
use crate::lexicon::Lexicon;
use crate::text::is_slug;

pub mod i18n;
pub use i18n::Strings;

pub use crate::layout::SITE_FILE;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    languages: Vec<String>,
    #[serde(default = "default_paginate")]
    paginate: usize,
    #[serde(default = "default_max_topics")]
    max_topics: usize,
    #[serde(default = "default_chronology_paginate")]
    chronology_paginate: usize,
    #[serde(default = "default_page_budget")]
    page_budget: usize,
    #[serde(default)]
    entities: Option<String>,
    #[serde(default)]
    cname: Option<String>,
    #[serde(default)]
    topics: Vec<TopicFile>,
}

fn default_language() -> String {
    "en".into()
}

fn default_paginate() -> usize {
    50
}

fn default_max_topics() -> usize {
    3
}

fn default_chronology_paginate() -> usize {
    400
}

fn default_page_budget() -> usize {
    500
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    slug: toml::Spanned<String>,
    name: toml::Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    keywords: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    people: Vec<EntityFile>,
    #[serde(default)]
    places: Vec<EntityFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityFile {
    slug: toml::Spanned<String>,
    name: toml::Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default, rename = "match")]
    patterns: Vec<String>,
    /// A place's latitude and longitude in degrees, for the map.
    #[serde(default)]
    lat: Option<toml::Spanned<f64>>,
    #[serde(default)]
    lon: Option<toml::Spanned<f64>>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Keywords by language code.
    pub keywords: BTreeMap<String, Vec<String>>,
}

/// A person or a place.
#[derive(Debug, Clone)]
pub struct Entity {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Other ways of writing the name, shown to readers.
    pub aliases: Vec<String>,
    /// Forms that only help find the name in text: inflections, titles, phrases.
    pub patterns: Vec<String>,
    /// A place's position for the map; a place without one is not drawn.
    pub position: Option<Position>,
}

/// A point on the earth, in degrees: north and east are positive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Place,
}

impl EntityKind {
    /// The front-matter key and the folder under `public/`.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Place => "places",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Absolute, always ending in `/`.
    pub base_url: String,
    pub language: String,
    pub languages: Vec<String>,
    pub paginate: usize,
    /// The most topics ingest gives an article, unless its text is plainly
    /// about more.
    pub max_topics: usize,
    /// Lines (articles and events) on one chronology page: a year with
    /// more is split by month, a month with more goes on in numbered pages.
    pub chronology_paginate: usize,
    /// The size in kB (1,000 bytes) over which build warns about a page;
    /// 0: never.
    pub page_budget: usize,
    pub cname: Option<String>,
    pub topics: Vec<Topic>,
    pub people: Vec<Entity>,
    pub places: Vec<Entity>,
    /// The file people and places came from, relative to the root.
    pub entities_file: Option<PathBuf>,
    /// Topic keywords by language: an article is matched only against the
    /// keywords of its own language (German "IT" is not English "it").
    pub topic_lexicons: BTreeMap<String, Lexicon>,
    /// Every language's keywords, for articles in a language with none.
    pub topic_lexicon_all: Lexicon,
    pub people_lexicon: Lexicon,
    pub place_lexicon: Lexicon,
    /// The interface's words in `language`: the built-in file with the
    /// site's `i18n/<language>.toml` over it.
    pub strings: Arc<Strings>,
}

impl Config {
    /// Reads `site.toml` under `root` and the entities file it names.
    pub fn load(root: &Path) -> Result<Self> {
        let site_path = root.join(SITE_FILE);
        if !site_path.exists() {
            return Err(Error::Other(format!(
                "there is no {SITE_FILE} in {}: caspian works in a site's folder (the one with \
                 {SITE_FILE}, content/ and templates/); run it there, or name the folder with \
                 --root DIR",
                root.display()
            )));
        }
        let site_text =
            std::fs::read_to_string(&site_path).map_err(|e| Error::read(&site_path, e))?;
        let site: SiteFile = parse_toml(Path::new(SITE_FILE), &site_text)?;
        let entities = match &site.entities {
            Some(name) => {
                let path = root.join(name);
                if !path.exists() {
                    let line = site_text
                        .lines()
                        .position(|l| {
                            l.trim_start()
                                .strip_prefix("entities")
                                .is_some_and(|rest| rest.trim_start().starts_with('='))
                        })
                        .map_or(0, |i| i + 1);
                    let column = usize::from(line > 0);
                    return Err(Error::Located(Diagnostic::error(
                        SITE_FILE,
                        line,
                        column,
                        format!(
                            "`entities = \"{name}\"` names a file that does not exist; create \
                             {name} (people and places), or correct the name"
                        ),
                    )));
                }
                let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
                Some((PathBuf::from(name), text))
            }
            None => None,
        };
        let mut config = Config::from_parts(
            site,
            &site_text,
            entities.as_ref().map(|(p, t)| (p.as_path(), t.as_str())),
        )?;
        config.strings = Arc::new(Strings::load(root, &config.language)?);
        Ok(config)
    }

    /// Builds a configuration from the texts of `site.toml` and the entities
    /// file, without touching the disk.
    pub fn parse(site_text: &str, entities: Option<(&Path, &str)>) -> Result<Self> {
        let site: SiteFile = parse_toml(Path::new(SITE_FILE), site_text)?;
        Config::from_parts(site, site_text, entities)
    }

    fn from_parts(
        site: SiteFile,
        site_text: &str,
        entities: Option<(&Path, &str)>,
    ) -> Result<Self> {
        let (entities_file, entities_text, entities_data) = match entities {
            Some((path, text)) => (
                Some(path.to_path_buf()),
                text,
                parse_toml::<EntitiesFile>(path, text)?,
            ),
            None => (None, "", EntitiesFile::default()),
        };
        let site_file = Located {
            path: Path::new(SITE_FILE),
            text: site_text,
        };
        let base_url = normalize_base_url(&site.base_url).map_err(|m| site_file.error(m))?;
        check_languages(&site, &site_file)?;
        if site.paginate == 0 {
            return Err(site_file.error("paginate must be at least 1".into()));
        }
        if site.max_topics == 0 {
            return Err(site_file.error(
                "max_topics must be at least 1 (the most topics ingest gives an article; \
                 3 if left out)"
                    .into(),
            ));
        }
        if site.chronology_paginate == 0 {
            return Err(site_file.error("chronology_paginate must be at least 1".into()));
        }
        let topics = read_topics(site.topics, &site_file)?;
        let entities_path = entities_file
            .clone()
            .unwrap_or_else(|| PathBuf::from(SITE_FILE));
        let entities_file_text = Located {
            path: &entities_path,
            text: entities_text,
        };
        let people = read_entities(
            entities_data.people,
            EntityKind::Person,
            &entities_file_text,
        )?;
        let places = read_entities(entities_data.places, EntityKind::Place, &entities_file_text)?;
        let (topic_lexicons, topic_lexicon_all) = topic_lexicons(&topics);
        let strings = Arc::new(Strings::builtin(&site.language));
        Ok(Config {
            strings,
            title: site.title,
            description: site.description,
            base_url,
            language: site.language,
            languages: site.languages,
            paginate: site.paginate,
            max_topics: site.max_topics,
            chronology_paginate: site.chronology_paginate,
            page_budget: site.page_budget,
            cname: site.cname.filter(|c| !c.trim().is_empty()),
            topic_lexicons,
            topic_lexicon_all,
            people_lexicon: entity_lexicon(&people),
            place_lexicon: entity_lexicon(&places),
            topics,
            people,
            places,
            entities_file,
        })
    }

    /// The topic keywords for text in `lang`.
    pub fn topic_lexicon(&self, lang: &str) -> &Lexicon {
        self.topic_lexicons
            .get(lang)
            .unwrap_or(&self.topic_lexicon_all)
    }

    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    pub fn entities(&self, kind: EntityKind) -> &[Entity] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Place => &self.places,
        }
    }

    pub fn entity(&self, kind: EntityKind, slug: &str) -> Option<&Entity> {
        self.entities(kind).iter().find(|e| e.slug == slug)
    }

    pub fn entity_lexicon(&self, kind: EntityKind) -> &Lexicon {
        match kind {
            EntityKind::Person => &self.people_lexicon,
            EntityKind::Place => &self.place_lexicon,
        }
    }

    /// The path part of the base URL: `/` or `/REPO/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |i| i + 3);
        self.base_url[after_scheme..]
            .find('/')
            .map_or("/", |i| &self.base_url[after_scheme + i..])
    }

    /// The same configuration served from another address.
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self> {
        self.base_url = normalize_base_url(base_url).map_err(Error::Other)?;
        Ok(self)
    }
}

/// A configuration file's name and text, to place a problem in it.
struct Located<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Located<'_> {
    /// A problem with the file as a whole.
    fn error(&self, message: String) -> Error {
        Error::Located(Diagnostic::error(self.path, 0, 0, message))
    }

    /// A problem with a value, at the value's place in the file.
    fn error_at(&self, span: std::ops::Range<usize>, message: String) -> Error {
        let (line, column) = line_column(self.text, span.start);
        Error::Located(Diagnostic::error(self.path, line, column, message))
    }
}

/// The interface's language and the archive's are languages caspian knows.
fn check_languages(site: &SiteFile, file: &Located) -> Result<()> {
    for code in site.languages.iter().chain([&site.language]) {
        if !language::is_known(code) {
            let hint = language::suggest_code(code)
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            return Err(file.error(format!(
                "unknown language \"{code}\"{hint}; use ISO 639-1 codes such as \"en\", \"de\", \
                 \"az\""
            )));
        }
    }
    Ok(())
}

/// The topics of `site.toml`, each with a unique slug and a name.
fn read_topics(list: Vec<TopicFile>, file: &Located) -> Result<Vec<Topic>> {
    let mut seen = HashSet::new();
    let mut topics = Vec::new();
    for t in list {
        let (slug_span, name_span) = (t.slug.span(), t.name.span());
        let (slug, name) = (t.slug.into_inner(), t.name.into_inner());
        if !is_slug(&slug) || !seen.insert(slug.clone()) {
            return Err(file.error_at(
                slug_span,
                format!(
                    "topic slug \"{slug}\" is not a unique slug of a-z, 0-9 and hyphens; e.g. \
                     `slug = \"{}\"`",
                    crate::text::slugify(&slug, "en", 40)
                ),
            ));
        }
        if let Some(why) = crate::text::slug_problem(&slug) {
            return Err(file.error_at(slug_span, format!("{why}; choose another topic slug")));
        }
        if name.trim().is_empty() {
            return Err(file.error_at(
                name_span,
                format!(
                    "topic \"{slug}\" has no name; write the name readers see, e.g. `name = \
                     \"Energy\"`"
                ),
            ));
        }
        if let Some(lang) = t.keywords.keys().find(|l| !language::is_known(l)) {
            return Err(file.error(format!(
                "topic \"{slug}\" has keywords for unknown language \"{lang}\""
            )));
        }
        topics.push(Topic {
            slug,
            name: name.trim().to_string(),
            description: t.description,
            keywords: t.keywords,
        });
    }
    Ok(topics)
}

/// The people or the places of the entities file, each with a unique slug
/// and a name.
fn read_entities(list: Vec<EntityFile>, kind: EntityKind, file: &Located) -> Result<Vec<Entity>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for e in list {
        let (slug_span, name_span) = (e.slug.span(), e.name.span());
        let (slug, name) = (e.slug.into_inner(), e.name.into_inner());
        if !is_slug(&slug) || !seen.insert(slug.clone()) {
            return Err(file.error_at(
                slug_span,
                format!(
                    "{} slug \"{slug}\" is not a unique slug of a-z, 0-9 and hyphens; e.g. `slug \
                     = \"{}\"`",
                    kind.noun(),
                    crate::text::slugify(&slug, "en", 40)
                ),
            ));
        }
        if let Some(why) = crate::text::slug_problem(&slug) {
            let message = format!("{why}; choose another {} slug", kind.noun());
            return Err(file.error_at(slug_span, message));
        }
        if name.trim().is_empty() {
            return Err(file.error_at(
                name_span,
                format!(
                    "{} \"{slug}\" has no name; write the name readers see after `name =`",
                    kind.noun()
                ),
            ));
        }
        let position = read_position(e.lat, e.lon, kind, &slug, file)?;
        out.push(Entity {
            slug,
            name: name.trim().to_string(),
            description: e.description,
            aliases: e.aliases,
            patterns: e.patterns,
            position,
        });
    }
    Ok(out)
}

/// A place's `lat` and `lon`: both or neither, each in its range; a person
/// has none.
fn read_position(
    lat: Option<toml::Spanned<f64>>,
    lon: Option<toml::Spanned<f64>>,
    kind: EntityKind,
    slug: &str,
    file: &Located,
) -> Result<Option<Position>> {
    let (lat, lon) = match (lat, lon) {
        (None, None) => return Ok(None),
        (Some(lat), Some(lon)) => (lat, lon),
        (Some(one), None) | (None, Some(one)) => {
            return Err(file.error_at(
                one.span(),
                format!(
                    "{} \"{slug}\" has only one of `lat` and `lon`; give both, in degrees \
                     (north and east positive), e.g. `lat = 40.41` and `lon = 49.87`",
                    kind.noun()
                ),
            ));
        }
    };
    if kind == EntityKind::Person {
        return Err(file.error_at(
            lat.span(),
            format!(
                "person \"{slug}\" has `lat` and `lon`; only places are put on the map, so \
                 remove them"
            ),
        ));
    }
    for (value, key, limit) in [(&lat, "lat", 90.0), (&lon, "lon", 180.0)] {
        let v = *value.get_ref();
        if !(-limit..=limit).contains(&v) {
            return Err(file.error_at(
                value.span(),
                format!(
                    "`{key} = {v}` of place \"{slug}\" is not between -{limit} and {limit}; \
                     write degrees (north and east positive), e.g. `lat = 40.41`, `lon = 49.87`"
                ),
            ));
        }
    }
    Ok(Some(Position {
        lat: lat.into_inner(),
        lon: lon.into_inner(),
    }))
}

/// The topics' keywords as a lexicon per language, and one of every
/// language's.
fn topic_lexicons(topics: &[Topic]) -> (BTreeMap<String, Lexicon>, Lexicon) {
    let languages: std::collections::BTreeSet<&String> =
        topics.iter().flat_map(|t| t.keywords.keys()).collect();
    let by_language = languages
        .into_iter()
        .map(|lang| {
            let keywords = topics.iter().enumerate().flat_map(|(i, t)| {
                t.keywords
                    .get(lang)
                    .into_iter()
                    .flatten()
                    .map(move |k| (i, k.as_str()))
            });
            (lang.clone(), Lexicon::new(keywords))
        })
        .collect();
    let all = Lexicon::new(
        topics
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.keywords.values().flatten().map(move |k| (i, k.as_str()))),
    );
    (by_language, all)
}

fn entity_lexicon(entities: &[Entity]) -> Lexicon {
    Lexicon::new(entities.iter().enumerate().flat_map(|(i, e)| {
        std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .chain(e.patterns.iter().map(String::as_str))
            .map(move |a| (i, a))
    }))
}

/// An absolute http(s) address ending in `/`.
pub fn normalize_base_url(url: &str) -> std::result::Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url \"{url}\" must start with https:// or http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(['?', '#', ' ']) {
        return Err(format!(
            "base_url \"{url}\" is not a site address such as https://user.github.io/repo/"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((0, 0), |span| line_column(text, span.start));
        let message = e.message().trim().replace('\n', " ");
        Error::Located(Diagnostic::error(
            path,
            line,
            column,
            explain_toml(&message),
        ))
    })
}

static UNKNOWN_FIELD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^unknown field `([^`]*)`, expected (?:one of )?(.*)$").expect("pattern")
});
static MISSING_FIELD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^missing field `([^`]*)`$").expect("pattern"));

/// The TOML reader's message in an editor's words, with what to do.
fn explain_toml(message: &str) -> String {
    if let Some(c) = UNKNOWN_FIELD.captures(message) {
        let key = &c[1];
        let keys: Vec<&str> = c[2]
            .split(',')
            .map(|k| k.trim().trim_start_matches("or ").trim().trim_matches('`'))
            .filter(|k| !k.is_empty())
            .collect();
        return match crate::error::suggest(key, keys.iter().copied()) {
            Some(s) => format!("unknown key `{key}` (did you mean `{s}`?)"),
            None => format!("unknown key `{key}`; the keys here are {}", keys.join(", ")),
        };
    }
    if let Some(c) = MISSING_FIELD.captures(message) {
        let key = &c[1];
        return format!("`{key}` is missing; add a line `{key} = ...` here");
    }
    format!("{message}; fix this line of the file")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
