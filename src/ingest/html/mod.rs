//! A saved web page (`seeds/*.html`, `.htm`) in, one normalized article
//! out. The bytes are decoded ([`decode`]), nesting too deep to parse is
//! bounded ([`nesting`]), the page's own metadata read ([`meta`]), the
//! article found by dom_smoothie (a port of Mozilla's Readability, chosen
//! on the corpus in `tests/corpus/`) and written as Markdown ([`body`]).
//! Then the text's evidence: language where the markup gives none, topics,
//! people, places and events, as for copied text. Pure: no I/O.

pub mod body;
pub mod decode;
pub mod meta;
pub mod nesting;

use super::clean::{Block, Cleaned};
use super::seed::published::{self, Candidate, DateChoice};
use super::seed::{self, Explanation, Reading};
use super::{date_mentions, detect};
use crate::config::Config;
use crate::date::PartialDate;
use crate::text::word_count;

/// Pages larger than this are refused. A saved news page is 100 KB to
/// 2 MB; one with its pictures inside (a "single file" save) can be far
/// larger, and the pictures are not read anyway.
pub const MAX_PAGE_BYTES: usize = 10 * 1024 * 1024;
/// An article has at least this many words (a wire flash has 30 or so);
/// fewer, and the page holds none. A home page, a list or a search page
/// has more, but most of them are links.
const MIN_WORDS: usize = 25;

/// Whether a seed's name says it is a saved page.
pub fn is_page(seed_path: &str) -> bool {
    let lower = seed_path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// Why a page of `size` bytes is not read.
pub fn too_big(size: u64) -> String {
    format!(
        "is {:.1} MB, more than the {} MB a saved page may be; save the page again as \"Web page, HTML only\", without its pictures",
        size as f64 / 1_048_576.0,
        MAX_PAGE_BYTES / 1_048_576
    )
}

/// Reads a saved page, keeping what decided each field. `seed_path` is how
/// the article will cite it (`seeds/<file>.html`); `today` bounds the
/// dates it will believe.
pub fn explain(
    seed_path: &str,
    bytes: &[u8],
    config: &Config,
    today: PartialDate,
) -> Result<Explanation, String> {
    let mut warnings = Vec::new();
    let html = read_html(bytes, &mut warnings)?;
    let (html, cut) = nesting::limit(&html);
    if cut {
        warnings.push(format!(
            "the page's markup nests more than {} levels deep; the elements below that were read as plain text",
            nesting::MAX_DEPTH
        ));
    }
    let saved_from = meta::saved_from(&html);
    let doc = dom_query::Document::from(html.as_ref());
    let meta = meta::read(&doc);
    let base = meta
        .base
        .clone()
        .or_else(|| saved_from.clone())
        .or_else(|| meta.canonical.clone());
    let no_article = || {
        "no article found in the page: it looks like a home page, a list of articles or a search page; save the article's own page (or copy its text into a .txt file)".to_string()
    };
    let mut readability = dom_smoothie::Readability::with_document(doc, base.as_deref(), None)
        .map_err(|e| format!("cannot be read: {e}"))?;
    let article = readability.parse().map_err(|_| no_article())?;
    let mut body = body::to_markdown(&article.content);

    // Readability's choice among JSON-LD, meta tags and `<title>` (the
    // headline most like the page's title) is right more often than any
    // one tag: some sites put a description in the JSON-LD headline or a
    // teaser in og:title.
    let title = Some(body::clean_text(&article.title).trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| meta.title.clone())
        .map(|t| meta::without_site_name(&t, meta.site_name.as_deref()));
    drop_leading_title(&mut body, title.as_deref());
    let words: usize = body.paragraphs.iter().map(|p| word_count(p)).sum();
    let chars: usize = body.paragraphs.iter().map(|p| p.chars().count()).sum();
    if words < MIN_WORDS || body.link_chars * 2 > chars {
        return Err(no_article());
    }
    let paragraphs: Vec<&str> = body.paragraphs.iter().map(String::as_str).collect();
    let all_text = format!(
        "{}\n{}",
        title.as_deref().unwrap_or(""),
        paragraphs.join("\n")
    );

    let (lang, language_certain) = language(&meta, &all_text, config, &mut warnings)?;
    let mentions: Vec<Vec<date_mentions::Mention>> =
        paragraphs.iter().map(|p| date_mentions::find(p)).collect();
    let dating = date_from_markup(&meta, &body, &paragraphs, &mentions, today);
    let (source_name, source_found) = match &meta.site_name {
        Some(name) => (
            Some(name.clone()),
            Some("the page's og:site_name or JSON-LD publisher"),
        ),
        None => match seed::publisher_in_text(&paragraphs.join("\n")) {
            Some(name) => (Some(name), Some("a sentence of the text (\"… reports\")")),
            None => (None, None),
        },
    };
    Ok(seed::finish(Reading {
        seed_path,
        headline: title,
        no_headline: "the page has no headline in its markup",
        lang,
        language_certain,
        paragraphs: &paragraphs,
        mentions: &mentions,
        dating,
        source_name,
        source_found,
        url: meta.canonical.clone().or(saved_from),
        body: body.markdown,
        removed: Vec::new(),
        warnings,
        config,
    }))
}

/// The publication date from the page's markup. A date the markup does
/// not give is not taken from the text (a saved page that hides its date
/// rarely shows it), but a date the text mentions is offered in the warning.
fn date_from_markup(
    meta: &meta::PageMeta,
    body: &body::Body,
    paragraphs: &[&str],
    mentions: &[Vec<date_mentions::Mention>],
    today: PartialDate,
) -> DateChoice {
    let believable = |d: &PartialDate| d.year >= 1995 && *d <= today;
    match &meta.published {
        Some((d, from)) if believable(d) => DateChoice {
            date: Some(*d),
            candidates: vec![Candidate {
                written: d.iso(),
                date: Some(*d),
                context: String::new(),
                place: format!("the page's {from}"),
                rank: Some(0),
                why: "the page's own markup says when it was published".into(),
                chosen: true,
            }],
            ..DateChoice::default()
        },
        Some((d, from)) => DateChoice {
            warning: Some(format!(
                "the page's {from} says {}, which cannot be a publication date; add `date:` by hand",
                d.iso()
            )),
            ..DateChoice::default()
        },
        None => {
            let cleaned = Cleaned {
                blocks: body
                    .paragraphs
                    .iter()
                    .map(|p| Block::Paragraph(p.clone()))
                    .collect(),
                ..Cleaned::default()
            };
            let in_text = published::choose(&cleaned, paragraphs, mentions, today);
            let hint = match in_text.date {
                Some(d) => format!(
                    " (its text mentions {}: check whether that is the day it was published)",
                    d.iso()
                ),
                None => String::new(),
            };
            DateChoice {
                warning: Some(format!(
                    "the page's markup gives no publication date; add `date:` by hand{hint}"
                )),
                candidates: in_text.candidates,
                ..DateChoice::default()
            }
        }
    }
}

/// The page's bytes as text, or why they are not a web page.
fn read_html(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, String> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; save the web page into it again, or delete it".into());
    }
    if let Some(what) = crate::text::file_kind(bytes) {
        return Err(format!(
            "is {what}, not a web page; save the article's page from the browser (\"Save page as…\", HTML only), or give ingest its address"
        ));
    }
    let (html, note) = decode::decode(bytes);
    warnings.extend(note);
    let sample = &html[..html.floor_char_boundary(8192)];
    let controls = sample
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
        .count();
    if controls * 100 > sample.chars().count() {
        return Err("looks like a binary file, not a web page; save the article's page from the browser (\"Save page as…\", HTML only)".into());
    }
    if !looks_like_html(&html) {
        return Err("has no HTML markup, so it is not a saved web page; if it is the article's text, rename it to .txt".into());
    }
    Ok(html)
}

/// Whether the text has the tags every saved page has at least one of.
fn looks_like_html(html: &str) -> bool {
    let head = html[..html.floor_char_boundary(65_536)].to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<div",
        "<p>",
        "<p ",
        "<article",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// The extractor keeps the headline in the body on some pages; the title
/// is in the front matter already.
fn drop_leading_title(body: &mut body::Body, title: Option<&str>) {
    let (Some(title), Some(first)) = (title, body.paragraphs.first()) else {
        return;
    };
    let same = |a: &str, b: &str| {
        crate::text::fold(a)
            .split_whitespace()
            .eq(crate::text::fold(b).split_whitespace())
    };
    if body.markdown.starts_with('#') && same(first, title) {
        body.paragraphs.remove(0);
        body.markdown = body
            .markdown
            .split_once("\n\n")
            .map_or(String::new(), |(_, rest)| rest.to_string());
    }
}

/// The article's language: the page's markup says it, else the text
/// tells it. When both are the site's languages and the text is certain
/// of another one, the text wins: sites template `<html lang>` once for
/// pages in several languages.
fn language(
    meta: &meta::PageMeta,
    text: &str,
    config: &Config,
    warnings: &mut Vec<String>,
) -> Result<(String, bool), String> {
    let detected = detect::detect(text, &config.languages);
    let site_langs = config.languages.join(", ");
    let lang = match (&meta.lang, &detected) {
        (Some(page), Some(d))
            if d.certain && d.code != *page && config.languages.contains(page) =>
        {
            warnings.push(format!(
                "the page's markup says it is in {} ({page}), but its text reads as {} ({}); taken as {}: check `lang:`",
                crate::language::english_name(page),
                crate::language::english_name(&d.code),
                d.code,
                d.code
            ));
            d.code.clone()
        }
        (Some(page), _) => page.clone(),
        (None, Some(d)) => {
            if !d.certain {
                warnings.push(format!(
                    "the language could not be told for certain (taken as {}); check `lang:`, and that the page holds an article in one of the site's languages ({site_langs})",
                    d.code
                ));
            }
            d.code.clone()
        }
        (None, None) => {
            return Err("too little text to tell its language, and the page does not say; write the Markdown file by hand".into());
        }
    };
    if !config.languages.contains(&lang) {
        warnings.push(format!(
            "the text is in {} ({lang}), not one of the site's languages ({site_langs}); add \"{lang}\" to `languages` in site.toml",
            crate::language::english_name(&lang),
        ));
    }
    let certain = meta.lang.is_some() || detected.is_some_and(|d| d.certain);
    Ok((lang, certain))
}

#[cfg(test)]
mod tests;
