//! Front matter: the YAML block at the top of an article. Splits it from the
//! body, reads it into typed fields with a located diagnostic for every
//! problem, and writes it back in a fixed key order with minimal quoting, so
//! that an editor's diff stays small.
//!
//! serde_yaml stays behind this module: swapping the YAML crate touches only
//! this file.

mod locator;
mod mistakes;
mod write;

use serde_yaml::{Mapping, Value};

use crate::date::PartialDate;
use crate::error::suggest;
use crate::language;
use crate::text::{is_slug, slug_problem};

pub use locator::Locator;
pub use write::{quoted, scalar, write};

/// Every key an article may have, in the order they are written.
pub const KEYS: [&str; 14] = [
    "title",
    "generated",
    "date",
    "lang",
    "topics",
    "people",
    "places",
    "summary",
    "source",
    "events",
    "translations",
    "story",
    "duplicate",
    "slug",
];

const SOURCE_KEYS: [&str; 4] = ["name", "url", "seed", "fingerprint"];
const EVENT_KEYS: [&str; 2] = ["date", "text"];
/// Front matter larger than this is refused before parsing (an article's
/// metadata is a few hundred bytes; this stops alias bombs and accidents).
const MAX_FRONT_MATTER: usize = 64 * 1024;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    /// Fields that ingest made up rather than read (`title`), for an editor to check.
    pub generated: Vec<String>,
    pub date: Option<PartialDate>,
    pub lang: String,
    pub topics: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub summary: Option<String>,
    pub source: Option<Source>,
    pub events: Vec<Event>,
    pub translations: Vec<String>,
    /// `story: <slug>`: the story the article reports, shared with the
    /// other reports of it; `story: none` keeps it out of every story.
    pub story: Option<Story>,
    /// `duplicate: keep`: this article's text is also another's, on purpose.
    pub keep_duplicate: bool,
    pub slug: Option<String>,
}

/// What an editor says of an article's story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Story {
    /// `story: <slug>`: one story with every article of the same key.
    Key(String),
    /// `story: none`: a report of its own, whatever it shares with others.
    Alone,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Source {
    pub name: Option<String>,
    pub url: Option<String>,
    /// The raw file ingest read, `seeds/<file>.txt`.
    pub seed: Option<String>,
    /// What ingest wrote, so that it can tell a hand edit from its own work.
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: PartialDate,
    pub text: String,
}

/// A front-matter problem at a line and column of the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A file cut into its front matter and its body, with the line each starts on.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Cuts `text` at its `---` lines.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem {
            line: 1,
            column: 1,
            message: "the file is empty; write the front matter (a line `---`, then `title: ...`, \
                      `date: ...`, `lang: ...`, and another `---`) and the article under it, or \
                      delete the file"
                .into(),
        });
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Problem {
            line: 1,
            column: 1,
            message: "the file does not start with front matter; put a line `---` first, then \
                      `title: ...`, `date: ...`, `lang: ...`, and close it with another `---`"
                .into(),
        });
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let trimmed = l.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + l.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Problem {
        line: 1,
        column: 1,
        message: "the front matter is never closed; add a line `---` after its last key".into(),
    })
}

/// Reads front matter. Returns what could be read and every problem found;
/// `title` and `lang` are empty when missing or invalid.
pub fn parse(yaml: &str, yaml_line: usize) -> (FrontMatter, Vec<Problem>) {
    let map = match mapping(yaml, yaml_line) {
        Ok(map) => map,
        Err(problem) => return (FrontMatter::default(), vec![problem]),
    };
    // `title:Aktau: port` reads as the key `title:Aktau`: a mistake, not a key.
    if map
        .keys()
        .any(|k| k.as_str().is_some_and(|k| k.contains(':')))
        && let Some(mistake) = mistakes::first(yaml, yaml_line)
    {
        return (FrontMatter::default(), vec![mistake]);
    }
    let mut reader = Reader {
        fm: FrontMatter::default(),
        problems: Vec::new(),
        locator: Locator::new(yaml, yaml_line),
    };
    for (key, value) in &map {
        match key.as_str() {
            Some(key) => reader.read(key, value),
            None => {
                let key = scalar_text(key).unwrap_or_default();
                reader.problem(
                    (yaml_line, 1),
                    format!("front matter key {key} is not text"),
                );
            }
        }
    }
    if !map.contains_key("title") {
        reader.problem(
            (yaml_line, 1),
            "the title is missing; add `title: ` and the article's headline".into(),
        );
    }
    if !map.contains_key("lang") {
        reader.problem(
            (yaml_line, 1),
            "the language is missing; add e.g. `lang: en` (ISO 639-1 code)".into(),
        );
    }
    (reader.fm, reader.problems)
}

/// The front matter as a mapping of keys to values, or the one problem
/// that keeps it from being read at all.
fn mapping(yaml: &str, yaml_line: usize) -> Result<Mapping, Problem> {
    let problem = |message: String| Problem {
        line: yaml_line,
        column: 1,
        message,
    };
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(problem(format!(
            "the front matter is {} KiB, more than the {} KiB allowed; move long text into the \
             body",
            yaml.len() / 1024,
            MAX_FRONT_MATTER / 1024
        )));
    }
    if yaml.trim().is_empty() {
        return Ok(Mapping::default());
    }
    match serde_yaml::from_str(yaml) {
        Ok(Value::Mapping(map)) => Ok(map),
        Ok(_) => Err(mistakes::first(yaml, yaml_line).unwrap_or_else(|| {
            problem("the front matter must be a list of `key: value` lines".into())
        })),
        Err(e) => Err(yaml_error(&e, yaml, yaml_line)),
    }
}

/// The YAML reader's error in an editor's words, at its line in the file.
fn yaml_error(e: &serde_yaml::Error, yaml: &str, yaml_line: usize) -> Problem {
    // From the byte offset, not YAML's own line count: YAML also breaks
    // lines at U+0085, U+2028 and U+2029, editors do not.
    let (line, column) = e.location().map_or((yaml_line, 1), |l| {
        let mut at = l.index().min(yaml.len());
        while !yaml.is_char_boundary(at) {
            at -= 1;
        }
        let (line, column) = crate::config::line_column(yaml, at);
        (yaml_line + line - 1, column)
    });
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    // A mistake an editor makes, told at its own line: the reader gives up
    // at or after it (a key written twice, it tells with no useful place).
    let twice = message.contains("duplicate entry");
    if let Some(mistake) = mistakes::first(yaml, yaml_line).filter(|m| twice || m.line <= line) {
        return mistake;
    }
    let unclosed = (message.contains("unexpected end of stream")
        || message.contains("did not find expected ',' or"))
    .then(|| unclosed_line(yaml))
    .flatten();
    let (line, column) = unclosed.map_or((line, column), |i| (yaml_line + i, 1));
    let message = if unclosed.is_some() {
        "the front matter ends inside a quoted text or a list: a quote `\"` or a bracket `[` \
         opened on this line is never closed"
            .to_string()
    } else if message.contains("repetition limit exceeded") {
        "the front matter repeats its aliases (`&name` and `*name`) so often that it grows \
         without end; write the values out instead"
            .to_string()
    } else if message.contains("recursion limit exceeded") {
        "the front matter is nested too deeply (lists inside lists); a value is a text, a date \
         or a list of texts"
            .to_string()
    } else {
        format!(
            "the front matter is not valid YAML: {message}; check the quoting and indentation of \
             this line"
        )
    };
    Problem {
        line,
        column,
        message,
    }
}

/// Front matter being read key by key, with the problems found so far.
struct Reader<'a> {
    fm: FrontMatter,
    problems: Vec<Problem>,
    locator: Locator<'a>,
}

impl Reader<'_> {
    fn problem(&mut self, (line, column): (usize, usize), message: String) {
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    /// Reads one key; `at` is where the key is.
    fn read(&mut self, key: &str, value: &Value) {
        let at = self.locator.key(key);
        match key {
            "title" => self.title(value, at),
            "date" => self.date(value, at),
            "lang" => self.lang(value, at),
            "summary" => self.summary(value, at),
            "slug" => self.slug(value, at),
            "duplicate" => self.duplicate(value, at),
            "story" => self.story(value, at),
            "topics" | "people" | "places" | "translations" | "generated" => {
                self.list(key, value, at)
            }
            "source" => self.source(value, at),
            "events" => self.events(value, at),
            other => self.problem(at, unknown_key_message(other, &KEYS, "front matter")),
        }
    }

    fn title(&mut self, value: &Value, at: (usize, usize)) {
        match scalar_text(value).map(|s| s.trim().to_string()) {
            Some(t) if !t.is_empty() => self.fm.title = t,
            _ => self.problem(
                at,
                "the title is empty; write the article's headline after `title:`".into(),
            ),
        }
    }

    fn date(&mut self, value: &Value, at: (usize, usize)) {
        let Some(text) = scalar_text(value) else {
            let message = if value.is_null() {
                "the date is empty; write it as YYYY-MM-DD, YYYY-MM or YYYY, or remove the line \
                 if the date is unknown"
            } else {
                "the date must be one value such as 2023-11-24"
            };
            return self.problem(at, message.into());
        };
        match PartialDate::parse(&text) {
            Ok(d) => self.fm.date = Some(d),
            Err(why) => {
                let text = text.trim();
                self.problem(
                    self.locator.value("date", text),
                    format!(
                        "malformed date \"{text}\": {why}; write it as YYYY-MM-DD, YYYY-MM or YYYY"
                    ),
                )
            }
        }
    }

    fn lang(&mut self, value: &Value, at: (usize, usize)) {
        match scalar_text(value).map(|s| s.trim().to_string()) {
            Some(code) if language::is_known(&code) => self.fm.lang = code,
            Some(code) if !code.is_empty() => {
                let hint = language::suggest_code(&code)
                    .map(|s| format!(" (did you mean \"{s}\"?)"))
                    .unwrap_or_default();
                self.problem(
                    self.locator.value("lang", &code),
                    format!(
                        "unknown language \"{code}\"{hint}; use an ISO 639-1 code such as en, \
                         de, az, ru, kk, tr"
                    ),
                );
            }
            _ => self.problem(
                at,
                "the language is empty; write its ISO 639-1 code, e.g. `lang: en`".into(),
            ),
        }
    }

    fn summary(&mut self, value: &Value, at: (usize, usize)) {
        match scalar_text(value) {
            Some(s) if !s.trim().is_empty() => self.fm.summary = Some(s.trim().to_string()),
            Some(_) => {}
            None if value.is_null() => {}
            None => self.problem(at, "the summary must be text".into()),
        }
    }

    fn slug(&mut self, value: &Value, at: (usize, usize)) {
        let Some(text) = scalar_text(value) else {
            return self.problem(at, "the slug must be text".into());
        };
        let slug = text.trim();
        let here = self.locator.value("slug", slug);
        if !is_slug(slug) {
            let fixed = match crate::text::slugify(&text, "en", 80) {
                f if f.is_empty() => "a-short-name".to_string(),
                f => f,
            };
            let message = format!(
                "slug \"{slug}\" may hold only a-z, 0-9 and single hyphens; e.g. `slug: {fixed}`"
            );
            return self.problem(here, message);
        }
        match slug_problem(slug) {
            Some(why) => self.problem(here, format!("{why}; choose another `slug:`")),
            None => self.fm.slug = Some(slug.to_string()),
        }
    }

    fn duplicate(&mut self, value: &Value, at: (usize, usize)) {
        match scalar_text(value).map(|s| s.trim().to_string()).as_deref() {
            Some("keep") => self.fm.keep_duplicate = true,
            _ => self.problem(
                at,
                "`duplicate` takes only `keep` (`duplicate: keep` keeps an article whose text \
                 another article also has); to drop the duplicate, delete one of the files"
                    .into(),
            ),
        }
    }

    fn story(&mut self, value: &Value, at: (usize, usize)) {
        let Some(text) = scalar_text(value) else {
            return self.problem(
                at,
                "`story` takes one slug, e.g. `story: aliyev-visits-astana`, or `none`".into(),
            );
        };
        let key = text.trim();
        if key == "none" {
            self.fm.story = Some(Story::Alone);
        } else if is_slug(key) {
            self.fm.story = Some(Story::Key(key.to_string()));
        } else {
            let fixed = match crate::text::slugify(key, "en", 80) {
                f if f.is_empty() => "a-short-name".to_string(),
                f => f,
            };
            self.problem(
                self.locator.value("story", key),
                format!(
                    "story \"{key}\" may hold only a-z, 0-9 and single hyphens; e.g. `story: \
                     {fixed}` (the same on every report of the story), or `story: none`"
                ),
            );
        }
    }

    /// `topics`, `people`, `places`, `translations` or `generated`: a list.
    fn list(&mut self, key: &str, value: &Value, at: (usize, usize)) {
        // `topics: energy, culture` is one text, not two slugs.
        if let Some(text) = value.as_str().filter(|v| v.contains(',')) {
            let list = text
                .split(',')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(", ");
            let message =
                format!("`{key}` is written as one text; make it a list: `{key}: [{list}]`");
            return self.problem(at, message);
        }
        let Some(items) = string_list(value) else {
            return self.problem(at, format!("`{key}` must be a list, e.g. `{key}: [a, b]`"));
        };
        let fm = &mut self.fm;
        let target = match key {
            "topics" => &mut fm.topics,
            "people" => &mut fm.people,
            "places" => &mut fm.places,
            "translations" => &mut fm.translations,
            _ => &mut fm.generated,
        };
        *target = items;
    }

    fn source(&mut self, value: &Value, at: (usize, usize)) {
        let Value::Mapping(m) = value else {
            match scalar_text(value) {
                Some(name) => {
                    let name = Some(name.trim().to_string());
                    self.fm.source = Some(Source {
                        name,
                        ..Default::default()
                    });
                }
                None if value.is_null() => {}
                None => self.problem(
                    at,
                    "`source` must be a publisher name or `name:`, `url:`, `seed:` lines".into(),
                ),
            }
            return;
        };
        let mut source = Source::default();
        for (k, v) in m {
            let k = k.as_str().unwrap_or("");
            let text = scalar_text(v)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty());
            match k {
                "name" => source.name = text,
                "url" => match text {
                    Some(url) if !url.starts_with("https://") && !url.starts_with("http://") => {
                        self.problem(
                            self.locator.value("source", &url),
                            format!(
                                "the source url \"{url}\" is not a web address; write it as \
                                 https://... or leave `url:` out"
                            ),
                        )
                    }
                    url => source.url = url,
                },
                "seed" => source.seed = text,
                "fingerprint" => source.fingerprint = text,
                _ => self.problem(
                    self.locator.value("source", k),
                    unknown_key_message(k, &SOURCE_KEYS, "source"),
                ),
            }
        }
        // A source with nothing in it is no source: the writer leaves it out.
        if source != Source::default() {
            self.fm.source = Some(source);
        }
    }

    fn events(&mut self, value: &Value, at: (usize, usize)) {
        match value {
            Value::Sequence(items) => {
                for item in items {
                    match read_event(item) {
                        Ok(e) => self.fm.events.push(e),
                        Err((needle, message)) => {
                            self.problem(self.locator.value("events", &needle), message)
                        }
                    }
                }
            }
            Value::Null => {}
            _ => self.problem(
                at,
                "`events` must be a list of `- date: YYYY-MM-DD` / `text: ...` entries".into(),
            ),
        }
    }
}

/// The first line (from 0) that opens a double quote or a bracket it does
/// not close, where a YAML reader that ran off the end went astray.
fn unclosed_line(yaml: &str) -> Option<usize> {
    yaml.lines().position(|line| {
        let quotes = line.matches('"').count() - line.matches("\\\"").count();
        quotes % 2 == 1
            || line.matches('[').count() > line.matches(']').count()
            || line.matches('{').count() > line.matches('}').count()
    })
}

fn unknown_key_message(key: &str, known: &[&str], what: &str) -> String {
    match suggest(key, known.iter().copied()) {
        Some(s) => format!("unknown {what} key `{key}` (did you mean `{s}`?)"),
        None => format!(
            "unknown {what} key `{key}`; the keys are {}",
            known.join(", ")
        ),
    }
}

fn read_event(item: &Value) -> Result<Event, (String, String)> {
    let Value::Mapping(m) = item else {
        let needle = scalar_text(item).unwrap_or_default();
        let message = "each event needs `date:` and `text:`, e.g. `- date: 2005-05-24` then \
                       `  text: Treaty signed`";
        return Err((needle, message.into()));
    };
    for k in m.keys() {
        let k = k.as_str().unwrap_or("");
        if !EVENT_KEYS.contains(&k) {
            return Err((k.to_string(), unknown_key_message(k, &EVENT_KEYS, "event")));
        }
    }
    let date_text = m.get("date").and_then(scalar_text).unwrap_or_default();
    let text = m
        .get("text")
        .and_then(scalar_text)
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let date = PartialDate::parse(&date_text).map_err(|why| {
        let message = format!(
            "malformed event date \"{date_text}\": {why}; write it as YYYY-MM-DD, YYYY-MM or YYYY"
        );
        (date_text.clone(), message)
    })?;
    if text.is_empty() {
        return Err((
            date_text,
            "the event has no `text:`; say what happened".into(),
        ));
    }
    Ok(Event { date, text })
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Null => Some(Vec::new()),
        Value::Sequence(items) => items
            .iter()
            .map(|v| scalar_text(v).map(|s| s.trim().to_string()))
            .collect(),
        v => scalar_text(v).map(|s| vec![s.trim().to_string()]),
    }
}

#[cfg(test)]
mod tests;
