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
use super::seed::{self, Ingested};
use super::{detect, events};
use crate::config::{Config, EntityKind};
use crate::date::PartialDate;
use crate::frontmatter::{FrontMatter, Source};
use crate::text::{slugify, word_count};

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

/// Reads a saved page. `seed_path` is how the article will cite it
/// (`seeds/<file>.html`); `today` bounds the dates it will believe.
pub fn parse(
    seed_path: &str,
    bytes: &[u8],
    config: &Config,
    today: PartialDate,
) -> Result<Ingested, String> {
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

    let lang = language(&meta, &all_text, config, &mut warnings)?;

    let (title, generated) = match title {
        Some(t) => (t, false),
        None => (seed::generated_title(&paragraphs), true),
    };
    if generated {
        warnings.push("the page has no headline in its markup; the title was made from its first sentence (marked `generated: [title]`): write a real one".into());
    }

    let believable = |d: &PartialDate| d.year >= 1995 && *d <= today;
    let date = match &meta.published {
        Some((d, _)) if believable(d) => Some(*d),
        Some((d, from)) => {
            warnings.push(format!(
                "the page's {from} says {}, which cannot be a publication date; add `date:` by hand",
                d.iso()
            ));
            None
        }
        None => {
            let cleaned = Cleaned {
                blocks: body
                    .paragraphs
                    .iter()
                    .map(|p| Block::Paragraph(p.clone()))
                    .collect(),
                ..Cleaned::default()
            };
            let hint = match seed::choose_date(&cleaned, &paragraphs, today).0 {
                Some(d) => format!(
                    " (its text mentions {}: check whether that is the day it was published)",
                    d.iso()
                ),
                None => String::new(),
            };
            warnings.push(format!(
                "the page's markup gives no publication date; add `date:` by hand{hint}"
            ));
            None
        }
    };

    let topics = seed::choose_topics(config, &lang, &title, &paragraphs);
    if topics.is_empty() {
        warnings.push(
            "no topic reached the threshold; add `topics:` by hand if the article has one".into(),
        );
    }
    let folded = crate::text::Folded::new(&all_text);
    let people = seed::entities(config, EntityKind::Person, &folded);
    let places = seed::entities(config, EntityKind::Place, &folded);
    let events = events::extract(paragraphs.iter().copied(), &lang, date);
    let source_name = meta
        .site_name
        .clone()
        .or_else(|| seed::publisher_in_text(&paragraphs.join("\n")));

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
        topics,
        people,
        places,
        summary: None,
        source: Some(Source {
            name: source_name,
            url: meta.canonical.clone().or(saved_from),
            seed: Some(seed_path.to_string()),
            fingerprint: None,
        }),
        events,
        translations: Vec::new(),
        slug: None,
    };
    Ok(Ingested {
        slug,
        front_matter,
        body: body.markdown,
        warnings,
    })
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
) -> Result<String, String> {
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
    Ok(lang)
}

#[cfg(test)]
mod tests;
