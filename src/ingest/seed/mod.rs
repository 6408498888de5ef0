//! One raw article in, one normalized article out: bytes are checked and
//! decoded, furniture removed, and the title, date, language, topics,
//! people, places, events and source read from what is left. Pure: no I/O.

use std::sync::LazyLock;

use regex::Regex;

pub mod explain;
pub mod published;
pub mod topics;

pub use explain::Explanation;

use published::DateChoice;

use super::clean;
use super::{date_mentions, detect, events, markdown};
use crate::config::{Config, EntityKind};
use crate::date::PartialDate;
use crate::frontmatter::{FrontMatter, Source};
use crate::text::{cut_at_word, normalize, slugify};

/// Seeds larger than this are refused: an article is tens of kilobytes.
pub const MAX_SEED_BYTES: usize = 2 * 1024 * 1024;
/// Longest title ingest makes up from the text.
const GENERATED_TITLE_CHARS: usize = 90;

/// A seed turned into an article, with what ingest wants an editor to know.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub slug: String,
    pub front_matter: FrontMatter,
    pub body: String,
    pub warnings: Vec<String>,
}

/// Reads a seed. `seed_path` is how the article will cite it
/// (`seeds/<file>.txt`, or `seeds/<file>.html` for a saved page, which
/// goes to [`html::explain`](super::html::explain)); `today` bounds the
/// dates it will believe.
pub fn parse(
    seed_path: &str,
    bytes: &[u8],
    config: &Config,
    today: PartialDate,
) -> Result<Ingested, String> {
    explain(seed_path, bytes, config, today).map(|e| e.ingested)
}

/// [`parse`], keeping what decided each field, for `ingest --explain`.
pub fn explain(
    seed_path: &str,
    bytes: &[u8],
    config: &Config,
    today: PartialDate,
) -> Result<Explanation, String> {
    if super::html::is_page(seed_path) {
        return super::html::explain(seed_path, bytes, config, today);
    }
    let mut warnings = Vec::new();
    let raw = decode(bytes, &mut warnings)?;
    let text = normalize(&raw);
    let cleaned = clean::clean(&text);
    let paragraphs: Vec<&str> = cleaned.paragraphs().collect();
    if paragraphs.is_empty() {
        return Err(format!(
            "nothing is left after removing site furniture ({} line{} removed); \
             check that the file holds an article",
            cleaned.removed.len(),
            if cleaned.removed.len() == 1 { "" } else { "s" }
        ));
    }
    let body_text = paragraphs.join("\n");
    let all_text = format!("{}\n{body_text}", cleaned.headline.as_deref().unwrap_or(""));
    let detected = detect_language(&all_text, config, &mut warnings)?;

    let mentions: Vec<Vec<date_mentions::Mention>> =
        paragraphs.iter().map(|p| date_mentions::find(p)).collect();
    let dating = published::choose(&cleaned, &paragraphs, &mentions, today);
    let (source_name, source_found) = match &cleaned.source_name {
        Some(name) => (Some(name.clone()), cleaned.source_found),
        None => match publisher_in_text(&body_text) {
            Some(name) => (Some(name), Some("a sentence of the text (\"… reports\")")),
            None => (None, None),
        },
    };
    Ok(finish(Reading {
        seed_path,
        headline: cleaned.headline.clone(),
        no_headline: "the text has no headline",
        lang: detected.code,
        language_certain: detected.certain,
        paragraphs: &paragraphs,
        mentions: &mentions,
        dating,
        source_name,
        source_found,
        url: None,
        body: markdown::render(&cleaned.blocks),
        removed: cleaned.removed.clone(),
        warnings,
        config,
    }))
}

/// The language of `text`, with a warning when it is not one of the
/// site's or not certain; an error when there is too little text to tell.
pub(super) fn detect_language(
    text: &str,
    config: &Config,
    warnings: &mut Vec<String>,
) -> Result<detect::Detected, String> {
    let detected = detect::detect(text, &config.languages).ok_or_else(|| {
        "too little text to tell its language; \
         add more of the article or write the Markdown file by hand"
            .to_string()
    })?;
    let lang = &detected.code;
    if !config.languages.contains(lang) {
        warnings.push(format!(
            "the text is in {} ({lang}), not one of the site's languages ({}); \
             add \"{lang}\" to `languages` in site.toml",
            crate::language::english_name(lang),
            config.languages.join(", ")
        ));
    } else if !detected.certain {
        warnings.push(format!(
            "the language could not be told for certain (taken as {lang}); check `lang:`, \
             and that the file holds an article in one of the site's languages ({})",
            config.languages.join(", ")
        ));
    }
    Ok(detected)
}

/// What a reader of one form of seed (copied text, a saved page) found:
/// the article's text, headline, language, date and source. [`finish`]
/// works out the rest the same way for every form.
pub(super) struct Reading<'a> {
    pub seed_path: &'a str,
    pub headline: Option<String>,
    /// How to say that there is no headline ("the text has no headline").
    pub no_headline: &'static str,
    pub lang: String,
    pub language_certain: bool,
    pub paragraphs: &'a [&'a str],
    /// The dates of each paragraph.
    pub mentions: &'a [Vec<date_mentions::Mention>],
    pub dating: DateChoice,
    pub source_name: Option<String>,
    pub source_found: Option<&'static str>,
    pub url: Option<String>,
    /// The body as Markdown.
    pub body: String,
    /// The lines taken out as site furniture.
    pub removed: Vec<String>,
    pub warnings: Vec<String>,
    pub config: &'a Config,
}

/// The fields every seed shares, from what its reader found: the title
/// (made up when there is no headline), topics, people, places, events and
/// the slug.
pub(super) fn finish(r: Reading) -> Explanation {
    let Reading {
        seed_path,
        paragraphs,
        mentions,
        dating,
        mut warnings,
        config,
        lang,
        ..
    } = r;
    let date = dating.date;
    warnings.extend(dating.warning.clone());
    let (title, generated) = match r.headline {
        Some(h) => (h, false),
        None => (generated_title(paragraphs), true),
    };
    if generated {
        warnings.push(format!(
            "{}; the title was made from its first sentence (marked `generated: [title]`): \
             write a real one",
            r.no_headline
        ));
    }

    let topic_choice = topics::choose(config, &lang, &title, paragraphs);
    if topic_choice.chosen.is_empty() {
        warnings.push(
            "no topic reached the threshold; add `topics:` by hand if the article has one".into(),
        );
    }
    let all_text = format!("{title}\n{}", paragraphs.join("\n"));
    let folded = crate::text::Folded::new(&all_text);
    let people_named = entities(config, EntityKind::Person, &folded);
    let places_named = entities(config, EntityKind::Place, &folded);
    // The publication date is no event; a date the story gives is.
    let except = date.filter(|_| !dating.is_event);
    let found_events = events::extract_found(&title, paragraphs, mentions, &lang, except, date);

    let slug = match slugify(&title, &lang, 80) {
        s if s.is_empty() => "article".to_string(),
        s => s,
    };
    let front_matter = FrontMatter {
        title,
        generated: if generated {
            vec!["title".into()]
        } else {
            Vec::new()
        },
        date,
        lang,
        topics: topic_choice.chosen.clone(),
        people: people_named.iter().map(|(s, _)| s.clone()).collect(),
        places: places_named.iter().map(|(s, _)| s.clone()).collect(),
        summary: None,
        source: Some(Source {
            name: r.source_name,
            url: r.url,
            seed: Some(seed_path.to_string()),
            fingerprint: None,
        }),
        events: found_events.iter().map(|f| f.event.clone()).collect(),
        translations: Vec::new(),
        story: None,
        keep_duplicate: false,
        slug: None,
    };
    Explanation {
        seed: seed_path.to_string(),
        ingested: Ingested {
            slug,
            front_matter,
            body: r.body,
            warnings,
        },
        headline_generated: generated,
        removed: r.removed,
        language_certain: r.language_certain,
        date: dating,
        topics: topic_choice,
        people: people_named,
        places: places_named,
        events: found_events,
        source_found: r.source_found,
    }
}

/// The most bytes a seed of this name may have.
pub fn max_bytes(seed_path: &str) -> usize {
    if super::html::is_page(seed_path) {
        super::html::MAX_PAGE_BYTES
    } else {
        MAX_SEED_BYTES
    }
}

/// Why a seed of `size` bytes is not read.
pub fn too_big(size: u64) -> String {
    format!(
        "is {:.1} MB, more than the {} MB an article may be; check that it is one article and not an archive or a whole site",
        size as f64 / 1_048_576.0,
        MAX_SEED_BYTES / 1_048_576
    )
}

/// Bytes to text, or why not. UTF-16 with a byte-order mark is decoded and
/// said so; any other encoding than UTF-8 is refused with its position.
pub fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, String> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; paste the article's text into it or delete it".into());
    }
    if let Some(what) = crate::text::file_kind(bytes) {
        return Err(format!(
            "is {what}, not text; copy the article's text into a .txt file saved as UTF-8"
        ));
    }
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| {
            "starts like UTF-16 text but is broken; save it again as UTF-8".to_string()
        })
    };
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        warnings.push("was saved as UTF-16; decoded it (UTF-8 is preferred)".into());
        return utf16(bytes[0] == 0xff);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if sample.contains(&0) || controls * 100 > sample.len() {
        return Err("looks like a binary file, not text; copy the article's text into a .txt file saved as UTF-8".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(format!(
                "is not UTF-8 text (byte 0x{:02X} at line {line}, column {column}); it was probably saved in an older encoding such as Windows-1251 or Latin-1: open it and save it as UTF-8",
                bytes[e.valid_up_to()]
            ))
        }
    }
}

/// A title from the first sentence that says something (a letter or a
/// digit once a leading date is dropped): at most 90 characters, cut at a
/// word. Text with no such sentence (which detecting its language refuses
/// first) gets "Untitled".
fn generated_title(paragraphs: &[&str]) -> String {
    let candidates = || {
        paragraphs.iter().flat_map(|p| sentences(p)).map(|s| {
            let s = s.trim_end_matches('.').trim();
            match date_mentions::find(s).first().filter(|m| m.start == 0) {
                Some(m) => s[m.end..].trim_start_matches([',', ' ']),
                None => s,
            }
        })
    };
    // A sentence of three words at least, not a label ("Summary:"), a
    // list's number or a time ("3/09/15 8:00am"); else any that says something.
    let sentence = candidates()
        .find(|s| {
            s.split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .count()
                >= 3
        })
        .or_else(|| candidates().find(|s| s.chars().any(char::is_alphanumeric)))
        .unwrap_or("Untitled");
    let mut chars = sentence.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    cut_at_word(&capitalised, GENERATED_TITLE_CHARS)
}

/// The sentences of `paragraph`, each without the mark that ends it.
fn sentences(paragraph: &str) -> impl Iterator<Item = &str> {
    let mut rest = paragraph;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (end, next) = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && rest[i + 1..].starts_with(' ')
                    || matches!(c, '。' | '！' | '？')
            })
            .map_or((rest.len(), rest.len()), |(i, c)| (i, i + c.len_utf8()));
        let sentence = &rest[..end];
        rest = rest[next..].trim_start();
        Some(sentence)
    })
}

/// The people or places named in the text, most named first, with how
/// often.
fn entities(config: &Config, kind: EntityKind, text: &crate::text::Folded) -> Vec<(String, u32)> {
    let scores = config.entity_lexicon(kind).score_folded(text);
    let mut found: Vec<(usize, u32)> = scores.into_iter().collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    found
        .into_iter()
        .map(|(i, n)| (config.entities(kind)[i].slug.clone(), n))
        .collect()
}

static PUBLISHER_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let name = r"(?P<name>[\p{Lu}][\p{L}\d.&-]*(?:\s[\p{Lu}][\p{L}\d.&-]*){0,2})";
    let word = r"(?P<name>[\p{Lu}][\p{L}\d.&]*)";
    [
        // Not `\b` at the end: a Unicode word boundary sends a text with any
        // letter outside ASCII down the regex crate's slowest engine.
        format!(r"{name},? (?:reports|reported|informs|writes)(?:[^\p{{L}}\p{{N}}_]|$)"),
        format!(r"(?:сообщает|сообщают|передает|передаёт|пишет) (?:корреспондент )?{name}"),
        format!(r"{name} (?:хабарлайды|мәлімдеді)"),
        format!(r"(?:berichtet|berichtete|meldet|meldete) (?:die |der |das )?(?:Nachrichtenagentur )?{name}"),
        format!(r"{word}-(?:a|ə|ya|yə) (?:verilən|bildirilib|açıqlama)"),
        format!(r"{word} (?:xəbər verir|xəbər verib)"),
        format!(r"{word}(?:'?(?:nın|nin|nun|nün|ın|in|un|ün))? muhabiri"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("publisher pattern"))
    .collect()
});

/// A publisher the text names as its source ("APA reports", "сообщает Kazinform").
pub(super) fn publisher_in_text(text: &str) -> Option<String> {
    const NOT_NAMES: &[&str] = &[
        "He",
        "She",
        "It",
        "The",
        "This",
        "They",
        "Er",
        "Sie",
        "Он",
        "Она",
        "President",
        "Prezident",
    ];
    PUBLISHER_PATTERNS.iter().find_map(|re| {
        re.captures_iter(text)
            .filter_map(|c| {
                c.name("name")
                    .map(|m| m.as_str().trim_end_matches(['.', '-']).to_string())
            })
            .find(|n| !NOT_NAMES.contains(&n.as_str()) && n.chars().count() >= 2)
    })
}

#[cfg(test)]
mod tests;
