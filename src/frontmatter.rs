//! Front matter: the YAML block at the top of an article. Splits it from the
//! body, reads it into typed fields with a located diagnostic for every
//! problem, and writes it back in a fixed key order with minimal quoting, so
//! that an editor's diff stays small.
//!
//! serde_yaml stays behind this module: swapping the YAML crate touches only
//! this file.

use serde_yaml::Value;

use crate::date::PartialDate;
use crate::error::suggest;
use crate::language;
use crate::text::{is_slug, slug_problem};

/// Every key an article may have, in the order they are written.
pub const KEYS: [&str; 12] = [
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
    pub slug: Option<String>,
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
            message: "the file is empty; write the front matter (a line `---`, then `title: ...`, `date: ...`, `lang: ...`, and another `---`) and the article under it, or delete the file".into(),
        });
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(Problem {
            line: 1,
            column: 1,
            message: "the file does not start with front matter; put a line `---` first, then `title: ...`, `date: ...`, `lang: ...`, and close it with another `---`".into(),
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

/// Finds keys and values in the YAML text, to place diagnostics on lines.
struct Locator<'a> {
    lines: Vec<&'a str>,
    first_line: usize,
}

impl<'a> Locator<'a> {
    fn new(yaml: &'a str, first_line: usize) -> Self {
        Locator {
            lines: yaml.lines().collect(),
            first_line,
        }
    }

    fn key_index(&self, key: &str) -> Option<usize> {
        self.lines.iter().position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
                || l.strip_prefix(&format!("\"{key}\""))
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
    }

    /// Line and column of a top-level key, or of the block's first line.
    fn key(&self, key: &str) -> (usize, usize) {
        self.key_index(key)
            .map_or((self.first_line, 1), |i| (self.first_line + i, 1))
    }

    /// Line and column of `needle` within the value of `key`.
    fn value(&self, key: &str, needle: &str) -> (usize, usize) {
        let Some(start) = self.key_index(key) else {
            return (self.first_line, 1);
        };
        for (i, line) in self.lines.iter().enumerate().skip(start) {
            if i > start && !line.starts_with([' ', '-', '\t']) && !line.trim().is_empty() {
                break;
            }
            let from = if i == start {
                line.find(':').map_or(0, |c| c + 1)
            } else {
                0
            };
            if let Some(col) = line[from..].find(needle) {
                return (self.first_line + i, line[..from + col].chars().count() + 1);
            }
        }
        (self.first_line + start, 1)
    }
}

/// Reads front matter. Returns what could be read and every problem found;
/// `title` and `lang` are empty when missing or invalid.
pub fn parse(yaml: &str, yaml_line: usize) -> (FrontMatter, Vec<Problem>) {
    let mut fm = FrontMatter::default();
    let mut problems = Vec::new();
    let locator = Locator::new(yaml, yaml_line);
    let mut problem = |(line, column): (usize, usize), message: String| {
        problems.push(Problem {
            line,
            column,
            message,
        });
    };

    if yaml.len() > MAX_FRONT_MATTER {
        problem(
            (yaml_line, 1),
            format!(
                "the front matter is {} KiB, more than the {} KiB allowed; move long text into the body",
                yaml.len() / 1024,
                MAX_FRONT_MATTER / 1024
            ),
        );
        return (fm, problems);
    }
    let value: Value = if yaml.trim().is_empty() {
        Value::Mapping(Default::default())
    } else {
        match serde_yaml::from_str(yaml) {
            Ok(v) => v,
            Err(e) => {
                // From the byte offset, not YAML's own line count: YAML also
                // breaks lines at U+0085, U+2028 and U+2029, editors do not.
                let (line, column) = e.location().map_or((yaml_line, 1), |l| {
                    let mut at = l.index().min(yaml.len());
                    while !yaml.is_char_boundary(at) {
                        at -= 1;
                    }
                    let (line, column) = crate::config::line_column(yaml, at);
                    (yaml_line + line - 1, column)
                });
                let message = e.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                let unclosed = (message.contains("unexpected end of stream")
                    || message.contains("did not find expected ',' or"))
                .then(|| unclosed_line(yaml))
                .flatten();
                let (line, column) = unclosed.map_or((line, column), |i| (yaml_line + i, 1));
                let message = if unclosed.is_some() {
                    "the front matter ends inside a quoted text or a list: a quote `\"` or a bracket `[` opened on this line is never closed".to_string()
                } else if message.contains("repetition limit exceeded") {
                    "the front matter repeats its aliases (`&name` and `*name`) so often that it grows without end; write the values out instead".to_string()
                } else if message.contains("recursion limit exceeded") {
                    "the front matter is nested too deeply (lists inside lists); a value is a text, a date or a list of texts".to_string()
                } else {
                    format!(
                        "the front matter is not valid YAML: {message}; check the quoting and indentation of this line"
                    )
                };
                problem((line, column), message);
                return (fm, problems);
            }
        }
    };
    let Value::Mapping(map) = value else {
        problem(
            (yaml_line, 1),
            "the front matter must be a list of `key: value` lines".into(),
        );
        return (fm, problems);
    };

    for (key, value) in &map {
        let Some(key) = key.as_str() else {
            problem(
                (yaml_line, 1),
                format!(
                    "front matter key {} is not text",
                    scalar_text(key).unwrap_or_default()
                ),
            );
            continue;
        };
        let at = locator.key(key);
        match key {
            "title" => match scalar_text(value).map(|s| s.trim().to_string()) {
                Some(t) if !t.is_empty() => fm.title = t,
                _ => problem(at, "the title is empty; write the article's headline after `title:`".into()),
            },
            "date" => match scalar_text(value) {
                Some(text) => match PartialDate::parse(&text) {
                    Ok(d) => fm.date = Some(d),
                    Err(why) => problem(
                        locator.value("date", text.trim()),
                        format!("malformed date \"{}\": {why}; write it as YYYY-MM-DD, YYYY-MM or YYYY", text.trim()),
                    ),
                },
                None if value.is_null() => problem(
                    at,
                    "the date is empty; write it as YYYY-MM-DD, YYYY-MM or YYYY, or remove the line if the date is unknown".into(),
                ),
                None => problem(at, "the date must be one value such as 2023-11-24".into()),
            },
            "lang" => match scalar_text(value).map(|s| s.trim().to_string()) {
                Some(code) if language::is_known(&code) => fm.lang = code,
                Some(code) if !code.is_empty() => {
                    let hint = language::suggest_code(&code).map(|s| format!(" (did you mean \"{s}\"?)")).unwrap_or_default();
                    problem(
                        locator.value("lang", &code),
                        format!("unknown language \"{code}\"{hint}; use an ISO 639-1 code such as en, de, az, ru, kk, tr"),
                    );
                }
                _ => problem(at, "the language is empty; write its ISO 639-1 code, e.g. `lang: en`".into()),
            },
            "summary" => match scalar_text(value) {
                Some(s) if !s.trim().is_empty() => fm.summary = Some(s.trim().to_string()),
                Some(_) => {}
                None if value.is_null() => {}
                None => problem(at, "the summary must be text".into()),
            },
            "slug" => match scalar_text(value) {
                Some(s) if is_slug(s.trim()) => match slug_problem(s.trim()) {
                    Some(why) => problem(
                        locator.value("slug", s.trim()),
                        format!("{why}; choose another `slug:`"),
                    ),
                    None => fm.slug = Some(s.trim().to_string()),
                },
                Some(s) => {
                    let fixed = match crate::text::slugify(&s, "en", 80) {
                        f if f.is_empty() => "a-short-name".to_string(),
                        f => f,
                    };
                    problem(
                        locator.value("slug", s.trim()),
                        format!("slug \"{}\" may hold only a-z, 0-9 and single hyphens; e.g. `slug: {fixed}`", s.trim()),
                    )
                }
                None => problem(at, "the slug must be text".into()),
            },
            "topics" | "people" | "places" | "translations" | "generated" => {
                let items = string_list(value);
                match items {
                    // `topics: energy, culture` is one text, not two slugs.
                    _ if value.as_str().is_some_and(|v| v.contains(',')) => {
                        let list = value.as_str().unwrap_or_default().split(',').map(str::trim).collect::<Vec<_>>().join(", ");
                        problem(at, format!("`{key}` is written as one text; make it a list: `{key}: [{list}]`"));
                    }
                    Some(items) => {
                        let target = match key {
                            "topics" => &mut fm.topics,
                            "people" => &mut fm.people,
                            "places" => &mut fm.places,
                            "translations" => &mut fm.translations,
                            _ => &mut fm.generated,
                        };
                        *target = items;
                    }
                    None => problem(at, format!("`{key}` must be a list, e.g. `{key}: [a, b]`")),
                }
            }
            "source" => match value {
                Value::Mapping(m) => {
                    let mut source = Source::default();
                    for (k, v) in m {
                        let k = k.as_str().unwrap_or("");
                        let text = scalar_text(v).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                        match k {
                            "name" => source.name = text,
                            "url" => match text {
                                Some(url) if !url.starts_with("https://") && !url.starts_with("http://") => problem(
                                    locator.value("source", &url),
                                    format!("the source url \"{url}\" is not a web address; write it as https://... or leave `url:` out"),
                                ),
                                url => source.url = url,
                            },
                            "seed" => source.seed = text,
                            "fingerprint" => source.fingerprint = text,
                            _ => problem(locator.value("source", k), unknown_key_message(k, &SOURCE_KEYS, "source")),
                        }
                    }
                    // A source with nothing in it is no source: the writer leaves it out.
                    if source != Source::default() {
                        fm.source = Some(source);
                    }
                }
                v => match scalar_text(v) {
                    Some(name) => fm.source = Some(Source { name: Some(name.trim().to_string()), ..Default::default() }),
                    None if v.is_null() => {}
                    None => problem(at, "`source` must be a publisher name or `name:`, `url:`, `seed:` lines".into()),
                },
            },
            "events" => match value {
                Value::Sequence(items) => {
                    for item in items {
                        match read_event(item) {
                            Ok(e) => fm.events.push(e),
                            Err((needle, message)) => problem(locator.value("events", &needle), message),
                        }
                    }
                }
                Value::Null => {}
                _ => problem(at, "`events` must be a list of `- date: YYYY-MM-DD` / `text: ...` entries".into()),
            },
            other => problem(at, unknown_key_message(other, &KEYS, "front matter")),
        }
    }

    if !map.contains_key("title") {
        problem(
            (yaml_line, 1),
            "the title is missing; add `title: ` and the article's headline".into(),
        );
    }
    if !map.contains_key("lang") {
        problem(
            (yaml_line, 1),
            "the language is missing; add e.g. `lang: en` (ISO 639-1 code)".into(),
        );
    }
    (fm, problems)
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
        return Err((needle, "each event needs `date:` and `text:`, e.g. `- date: 2005-05-24` then `  text: Treaty signed`".into()));
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
    let date = PartialDate::parse(&date_text)
        .map_err(|why| (date_text.clone(), format!("malformed event date \"{date_text}\": {why}; write it as YYYY-MM-DD, YYYY-MM or YYYY")))?;
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

/// Writes front matter, `---` lines included, keys in [`KEYS`] order, empty
/// fields left out.
pub fn write(fm: &FrontMatter) -> String {
    let mut out = String::from("---\n");
    let mut line = |key: &str, value: String| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    };
    line("title", scalar(&fm.title));
    let list = |items: &[String]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|s| flow_scalar(s))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    if !fm.generated.is_empty() {
        line("generated", list(&fm.generated));
    }
    if let Some(d) = fm.date {
        line("date", d.iso());
    }
    line("lang", scalar(&fm.lang));
    for (key, items) in [
        ("topics", &fm.topics),
        ("people", &fm.people),
        ("places", &fm.places),
    ] {
        if !items.is_empty() {
            line(key, list(items));
        }
    }
    if let Some(s) = &fm.summary {
        line("summary", scalar(s));
    }
    if let Some(source) = &fm.source {
        out.push_str("source:\n");
        for (key, value) in [
            ("name", &source.name),
            ("url", &source.url),
            ("seed", &source.seed),
            ("fingerprint", &source.fingerprint),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("  {key}: {}\n", scalar(v)));
            }
        }
    }
    if !fm.events.is_empty() {
        out.push_str("events:\n");
        for e in &fm.events {
            out.push_str(&format!(
                "  - date: {}\n    text: {}\n",
                e.date.iso(),
                scalar(&e.text)
            ));
        }
    }
    if !fm.translations.is_empty() {
        out.push_str(&format!("translations: {}\n", list(&fm.translations)));
    }
    if let Some(slug) = &fm.slug {
        out.push_str(&format!("slug: {}\n", scalar(slug)));
    }
    out.push_str("---\n");
    out
}

/// A YAML scalar: plain where every YAML reader takes it as this text, double
/// quoted otherwise (booleans and nulls of YAML 1.1 such as `no` and `on`,
/// numbers, dates, indicators, `: ` and ` #`).
pub fn scalar(s: &str) -> String {
    if needs_quotes(s) {
        quoted(s)
    } else {
        s.to_string()
    }
}

/// A scalar as an item of a `[a, b]` list, where `,`, `[`, `]`, `{` and `}`
/// would end it too.
fn flow_scalar(s: &str) -> String {
    if s.contains([',', '[', ']', '{', '}']) {
        quoted(s)
    } else {
        scalar(s)
    }
}

/// A YAML double-quoted string, safe for any text.
pub fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            // YAML breaks lines at U+2028 and U+2029 even inside quotes.
            c if c.is_control()
                || !is_printable(c)
                || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') =>
            {
                q.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn needs_quotes(s: &str) -> bool {
    const SPECIAL: [&str; 14] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "nan", "inf", ".nan",
        ".inf",
    ];
    let Some(first) = s.chars().next() else {
        return true;
    };
    let lower = s.to_ascii_lowercase();
    SPECIAL.contains(&lower.trim_start_matches(['+', '-']))
        || s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| {
            !is_printable(c) || c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
        })
        || looks_numeric(s)
}

/// Whether YAML lets `c` stand in a document as it is; any other character
/// (a control character, U+FFFE, U+FFFF) must be written as an escape.
fn is_printable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}'
        | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Numbers, dates and times in any YAML version's eyes: `2024`, `1_000`,
/// `0x1F`, `1e3`, `12:30`, `2024-03-03`.
fn looks_numeric(s: &str) -> bool {
    let body = s.trim_start_matches(['+', '-']);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:-+ ".contains(c))
        && body.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(yaml: &str) -> FrontMatter {
        let (fm, problems) = parse(yaml, 2);
        assert!(problems.is_empty(), "{problems:?}");
        fm
    }

    #[test]
    fn splits_front_matter_from_body_with_line_numbers() {
        let text = "---\ntitle: A\nlang: en\n---\n\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.yaml, "title: A\nlang: en\n");
        assert_eq!(split.body, "\nBody\n");
        assert_eq!(split.body_line, 5);
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_explained() {
        assert!(
            split("title: A\n")
                .unwrap_err()
                .message
                .starts_with("the file does not start with front matter")
        );
        assert!(
            split("---\ntitle: A\n")
                .unwrap_err()
                .message
                .starts_with("the front matter is never closed")
        );
    }

    #[test]
    fn reads_every_key() {
        let fm = parse_ok(
            "title: Presidents met\ngenerated: [title]\ndate: 2023-11-24\nlang: en\ntopics: [energy, transport]\npeople:\n  - ilham-aliyev\nplaces: [baku]\nsummary: S\nsource:\n  name: APA\n  seed: seeds/004.txt\nevents:\n  - date: 2005-05-24\n    text: Treaty\ntranslations: [x]\nslug: presidents-met\n",
        );
        assert_eq!(fm.title, "Presidents met");
        assert_eq!(fm.date.unwrap().iso(), "2023-11-24");
        assert_eq!(fm.topics, ["energy", "transport"]);
        assert_eq!(fm.people, ["ilham-aliyev"]);
        assert_eq!(fm.source.unwrap().name.as_deref(), Some("APA"));
        assert_eq!(fm.events[0].text, "Treaty");
        assert_eq!(fm.slug.as_deref(), Some("presidents-met"));
    }

    #[test]
    fn a_year_alone_is_a_date() {
        assert_eq!(
            parse_ok("title: T\nlang: de\ndate: 2023\n")
                .date
                .unwrap()
                .iso(),
            "2023"
        );
    }

    #[test]
    fn yaml_errors_count_lines_from_the_top_of_the_file() {
        let (_, problems) = parse("title: A\nlang: en\ntopics: [energy\n", 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4, "{problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("the front matter ends inside a quoted text or a list")
        );
        let (_, problems) = parse("title: A\nlang: en\ntopics: energy: x\n", 2);
        assert_eq!(problems[0].line, 4, "{problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("the front matter is not valid YAML"),
            "{problems:?}"
        );
    }

    #[test]
    fn yaml_error_lines_count_only_newlines() {
        // YAML breaks lines at NEL and LINE SEPARATOR too; the file's lines
        // as an editor sees them do not.
        let (_, problems) = parse("title: \"a\u{2028}b\u{85}c\"\nlang\n", 2);
        let (_, plain) = parse("title: \"axbxc\"\nlang\n", 2);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].line, problems[0].column),
            (plain[0].line, plain[0].column)
        );
        assert!(problems[0].line <= 4, "{problems:?}");
    }

    #[test]
    fn unknown_keys_get_a_suggestion_and_their_line() {
        let (_, problems) = parse("title: A\nlang: en\ntopcs: [energy]\n", 2);
        assert_eq!(
            problems,
            [Problem {
                line: 4,
                column: 1,
                message: "unknown front matter key `topcs` (did you mean `topics`?)".into()
            }]
        );
    }

    #[test]
    fn malformed_date_and_language_are_located() {
        let (_, problems) = parse("title: A\nlang: english\ndate: 2023-02-30\n", 2);
        let messages: Vec<String> = problems
            .iter()
            .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
            .collect();
        assert_eq!(
            messages,
            [
                "3:7: unknown language \"english\" (did you mean \"en\"?); use an ISO 639-1 code such as en, de, az, ru, kk, tr".to_string(),
                "4:7: malformed date \"2023-02-30\": February has no day 30; write it as YYYY-MM-DD, YYYY-MM or YYYY".to_string(),
            ]
        );
    }

    #[test]
    fn missing_title_and_language_are_errors() {
        let (_, problems) = parse("date: 2023\n", 2);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("a{}", i - 1)
            };
            yaml.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        yaml.push_str("title: T\nlang: en\n");
        let (_, problems) = parse(&yaml, 2);
        assert!(!problems.is_empty());
    }

    #[test]
    fn scalars_are_quoted_only_where_yaml_needs_it() {
        assert_eq!(scalar("Presidents met in Baku"), "Presidents met in Baku");
        assert_eq!(
            scalar("Kazakhstan–Azerbaijan: a chronicle"),
            "\"Kazakhstan–Azerbaijan: a chronicle\""
        );
        for tricky in [
            "no",
            "Yes",
            "ON",
            "null",
            "~",
            "2024-03-03",
            "2024",
            "12:30",
            "1e3",
            "- dash",
            "#hash",
            "\"quoted\"",
            "[x]",
            "a #b",
            " pad",
            "",
            "@x",
            "*star",
            "trailing:",
        ] {
            assert!(scalar(tricky).starts_with('"'), "{tricky} should be quoted");
        }
    }

    #[test]
    fn written_front_matter_reads_back_the_same() {
        let fm = FrontMatter {
            title: "No: \"quoted\" \\ back".into(),
            generated: vec!["title".into()],
            date: Some(PartialDate::parse("2025-03").unwrap()),
            lang: "az".into(),
            topics: vec!["energy".into(), "culture".into()],
            people: vec!["ali-asadov".into()],
            places: vec![],
            summary: Some("yes".into()),
            source: Some(Source {
                name: Some("APA".into()),
                url: None,
                seed: Some("seeds/001.txt".into()),
                fingerprint: Some("00ff".into()),
            }),
            events: vec![Event {
                date: PartialDate::parse("2005-05-24").unwrap(),
                text: "Treaty: signed".into(),
            }],
            translations: vec!["other".into()],
            slug: Some("x-y".into()),
        };
        let text = write(&fm);
        let split = split(&text).unwrap();
        assert_eq!(parse_ok(split.yaml), fm);
    }

    #[test]
    fn characters_yaml_refuses_are_escaped() {
        for s in ["a\u{fffe}b", "\u{ffff}", "del\u{7f}", "c1\u{9b}"] {
            let yaml = format!("title: {}\nlang: en\n", scalar(s));
            assert!(yaml.is_ascii(), "{yaml}");
            assert_eq!(parse_ok(&yaml).title, s, "{yaml}");
        }
    }

    #[test]
    fn list_items_with_brackets_and_commas_stay_one_item() {
        let fm = FrontMatter {
            title: "T".into(),
            lang: "en".into(),
            topics: vec!["a, b".into(), "r [,1t".into(), "x]".into(), "{y}".into()],
            translations: vec!["c,d".into()],
            ..Default::default()
        };
        let written = write(&fm);
        assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
    }

    #[test]
    fn line_separators_inside_quotes_are_escaped() {
        // Found by fuzzing: U+2028 was written as it is, and YAML broke the
        // quoted title there, so a `---` after it closed the document.
        let fm = FrontMatter {
            title: "Toqajew \u{2028} --- fingerprint: \u{2029} x".into(),
            lang: "kk".into(),
            summary: Some("\u{feff}x".into()),
            ..Default::default()
        };
        let written = write(&fm);
        assert_eq!(written.lines().count(), 5, "{written}");
        assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
    }

    #[test]
    fn an_empty_source_is_no_source() {
        for yaml in [
            "title: T\nlang: en\nsource: {}\n",
            "title: T\nlang: en\nsource:\n  name: \"\"\n  url: # none\n",
        ] {
            let fm = parse_ok(yaml);
            assert_eq!(fm.source, None, "{yaml}");
            let written = write(&fm);
            assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
        }
    }

    #[test]
    fn round_trips_awkward_strings() {
        for s in [
            "no",
            "2024-03-03",
            "a: b",
            "ends with #",
            "x #y",
            "'single'",
            "tab\there",
            "Ö: ü",
            "%x",
            "0x1F",
            ".5",
            "-1",
            "!tag",
            "|",
            ">",
            "Anfang „Zitat“",
        ] {
            let yaml = format!("title: {}\nlang: en\n", scalar(s));
            assert_eq!(parse_ok(&yaml).title, s.trim(), "{yaml}");
        }
    }
}
