//! Site furniture out, article in. A raw article copied from a news site is
//! cut into lines; each line is judged by what it is (a credit, a tag list,
//! a breadcrumb, a dateline, a caption, a share button in one of many
//! languages) and by where it stands (short lines without sentence
//! punctuation at the edges of the article are furniture, the first real
//! one is the headline, a repeated paragraph is dropped).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{self, Mention};
use crate::text::{fold, word_count};

/// A block of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// A separator such as "x x x" or "* * *".
    Break,
}

#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub headline: Option<String>,
    pub dateline: Option<Mention>,
    pub blocks: Vec<Block>,
    /// The publisher, when a credit, a "Source:" line or a sign-off names it.
    pub source_name: Option<String>,
    /// The lines taken out, for the curious and for tests.
    pub removed: Vec<String>,
}

impl Cleaned {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Break => None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unknown,
    Furniture,
    Credit,
    Tags,
    Dateline,
    Break,
}

/// Whole lines that are furniture, folded, without trailing punctuation.
const FURNITURE: &[&str] = &[
    // English
    "featured",
    "back to top",
    "back to top button",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "email",
    "advertisement",
    "advertising",
    "sponsored",
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related news",
    "related articles",
    "related posts",
    "more news",
    "latest news",
    "top news",
    "most read",
    "most popular",
    "trending",
    "comments",
    "leave a comment",
    "no comments",
    "loading",
    "previous",
    "next",
    "previous article",
    "next article",
    "subscribe",
    "newsletter",
    "follow us",
    "menu",
    "search",
    "home",
    "news",
    "close",
    "skip to content",
    "breaking news",
    "live",
    "video",
    "photo",
    "gallery",
    "listen",
    "listen to this article",
    "copy link",
    "bookmark",
    // German
    "teilen",
    "drucken",
    "anzeige",
    "werbung",
    "mehr zum thema",
    "zuruck nach oben",
    "nach oben",
    "lesen sie auch",
    "auch interessant",
    "das konnte sie auch interessieren",
    "empfehlungen",
    "kommentare",
    "startseite",
    "zum artikel",
    "weiterlesen",
    "mehr lesen",
    "artikel teilen",
    "link kopieren",
    "vorlesen",
    // Russian
    "поделиться",
    "реклама",
    "читаите также",
    "читать также",
    "смотрите также",
    "все новости",
    "главное",
    "популярное",
    "самое читаемое",
    "комментарии",
    "новости",
    "последние новости",
    "наверх",
    "подписаться",
    "печать",
    "распечатать",
    "фото",
    "видео",
    "лента новостеи",
    // Kazakh
    "болису",
    "жарнама",
    "оки отырыныз",
    "тагы окыныз",
    "барлык жаналыктар",
    "жаналыктар",
    "пикирлер",
    "басып шыгару",
    // Azerbaijani
    "paylas",
    "xeber lenti",
    "diger xeberler",
    "oxsar xeberler",
    "son xeberler",
    "reklam",
    "en cox oxunan",
    "en cox oxunanlar",
    "serhler",
    "cap et",
    "yuxari",
    "xeberler",
    "butun xeberler",
    "movzu ile bagli",
    "bolmeye kec",
    // Turkish
    "bu haberi paylasin",
    "ilgili haberler",
    "benzer haberler",
    "son dakika",
    "tumunu gor",
    "yazdir",
    "yorumlar",
    "abone ol",
    "gundem",
    "one cikanlar",
    "en cok okunanlar",
    "yukari cik",
    "sayfa basina don",
    "haberin devami",
    "bildirim",
];

/// Beginnings of lines that are furniture however long the line is.
const FURNITURE_PREFIXES: &[&str] = &[
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "more:",
    "read more about",
    "subscribe to",
    "follow us",
    "join us on",
    "join our",
    "download our app",
    "sign up for",
    "click here",
    "share this",
    "if you find a mistake",
    "found a typo",
    "читаите также",
    "читать также",
    "смотрите также",
    "читаите нас",
    "подписываитесь",
    "подпишитесь",
    "нашли ошибку",
    "присоединяитесь",
    "lesen sie auch",
    "mehr zum thema:",
    "siehe auch",
    "folgen sie uns",
    "abonnieren sie",
    "oxu:",
    "hemcinin oxuyun",
    "daha cox oxu",
    "bizi izleyin",
    "sehv tapdiniz",
    "ayrica bakiniz",
    "ilginizi cekebilir",
    "bizi takip edin",
    "abone olun",
    "oki otyrynyz",
    "оки отырыныз",
    "тагы окыныз",
    "жазылыныз",
    "кателик таптыныз",
];

const TAG_LABELS: &[&str] = &[
    "tags",
    "tag",
    "teqler",
    "etiketler",
    "etiket",
    "anahtar kelimeler",
    "acar sozler",
    "теги",
    "метки",
    "тегтер",
    "тег",
    "килт создер",
    "schlagworter",
    "schlagworte",
    "stichworter",
    "keywords",
    "topics",
    "themen",
    "темы",
];

const SOURCE_LABELS: &[&str] = &[
    "source",
    "kaynak",
    "quelle",
    "источник",
    "menbe",
    "дереккоз",
    "sources",
];

const CAPTION_STARTS: &[&str] = &[
    "photo",
    "foto",
    "фото",
    "сурет",
    "sekil",
    "fotograf",
    "bild:",
    "bild ",
    "image",
    "picture",
    "illustration",
    "credit",
    "video:",
    "видео:",
    "getty",
    "flag of",
    "the flag",
    "flagge",
    "флаг",
    "screenshot",
    "скриншот",
];

const CAPTION_CONTAINS: &[&str] = &[
    "(photo)",
    "(фото)",
    "(foto)",
    "(video)",
    "photo:",
    "фото:",
    "foto:",
    "сурет:",
    "getty images",
    "/ reuters",
    "/ afp",
    "/ ap",
    "/ dpa",
    "/ anadolu",
    "photo by",
    "foto von",
    "фото из открытых",
];

const FLAG_WORDS: &[&str] = &[
    "flag", "flagge", "флаг", "bayragi", "bayragı", "bayraq", "bayragi", "туы",
];

/// Tags a site hangs on a headline ("-UPDATED", "(VIDEO)"), folded.
const HEADLINE_TAGS: &[&str] = &[
    "updated",
    "update",
    "upd",
    "video",
    "photo",
    "photos",
    "foto",
    "fotos",
    "видео",
    "фото",
    "yenilenib",
    "yenilendi",
    "guncellendi",
    "exclusive",
    "live",
    "breaking",
    "eksklyuziv",
    "эксклюзив",
    "обновлено",
    "жанартылды",
    "interview",
    "интервью",
    "musahibe",
    "opinion",
    "aktualisiert",
    "fotolar",
    "galeri",
    "infographic",
    "инфографика",
    "audio",
    "онлаин",
    "online",
];

static PAGINATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}\s+){2,}\d{1,3}(?:\s|$)").expect("pagination"));
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[xх*•·#~=_—–-]\s*){3,}$").expect("separator"));
static BYLINE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:-\s*)?(?:by|von|автор|müəllif|yazar)\s*:?$").expect("byline")
});

/// Whether a line reads as running text: it ends as a sentence does, or it
/// is too long to be anything else.
pub fn is_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['”', '"', '»', ')', '’', '\'', ']', '“', '«', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';']) || word_count(line) >= 25
}

/// The text's paragraphs: one per line, except that a line broken in the
/// middle of a sentence (the next begins in lower case) is joined again.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            joinable = false;
            continue;
        }
        let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if joinable && starts_lower && !is_sentence(last) && last.len() >= 40 => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        joinable = true;
    }
    out
}

/// Folded, without the punctuation that trails a label or a button.
fn key(line: &str) -> String {
    fold(line)
        .trim()
        .trim_end_matches([':', '.', '!', '»', '›', '>', '|', '-', '→', ' ', '…'])
        .trim()
        .to_string()
}

/// The publisher in a credit line: "© APA | caption" → "APA".
fn credit_name(line: &str) -> Option<String> {
    let after = if let Some(i) = line.find('©') {
        &line[i + '©'.len_utf8()..]
    } else {
        let lower = line.to_lowercase();
        let at = ["(c) ", "copyright "]
            .iter()
            .find_map(|p| lower.find(p).filter(|&i| i < 3).map(|i| i + p.len()))?;
        &line[at..]
    };
    let name = after
        .split(['|', '/', ',', '–', '—'])
        .next()?
        .split(" - ")
        .next()?;
    let name: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())))
        .collect();
    (!name.is_empty() && name.len() <= 4).then(|| name.join(" "))
}

fn is_credit(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.contains('©') || lower.starts_with("(c) ") || lower.starts_with("copyright ")
}

fn tag_label(line: &str) -> bool {
    let folded = fold(line);
    let folded = folded.trim();
    TAG_LABELS.iter().any(|label| {
        folded.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(':')
        })
    })
}

fn source_label(line: &str) -> Option<String> {
    let (label, rest) = line.split_once(':')?;
    if !SOURCE_LABELS.contains(&fold(label.trim()).as_str()) {
        return None;
    }
    let name = rest.trim().trim_end_matches('.');
    (!name.is_empty() && word_count(name) <= 5).then(|| name.to_string())
}

fn is_furniture_phrase(line: &str) -> bool {
    let k = key(line);
    let folded = fold(line);
    FURNITURE.contains(&k.as_str())
        || FURNITURE_PREFIXES
            .iter()
            .any(|p| folded.trim_start().starts_with(p))
}

fn is_breadcrumb(line: &str) -> bool {
    !is_sentence(line)
        && word_count(line) <= 12
        && ([" / ", " > ", " › ", " » ", " | ", " → ", " • ", " :: "]
            .iter()
            .any(|s| line.contains(s))
            || BYLINE_END.is_match(line))
}

fn is_caption(line: &str) -> bool {
    let folded = fold(line);
    let words = word_count(line);
    if words > 20 {
        return false;
    }
    let short_non_sentence = !is_sentence(line) || words <= 12;
    (short_non_sentence && CAPTION_STARTS.iter().any(|s| folded.starts_with(s)))
        || CAPTION_CONTAINS.iter().any(|s| folded.contains(s))
        || (words <= 5
            && !is_sentence(line)
            && crate::text::word_spans(&folded).any(|(a, b)| FLAG_WORDS.contains(&&folded[a..b])))
}

/// Removes tags such as "-UPDATED", " - VIDEO", "(PHOTO)", "ФОТО |" from a headline.
pub fn strip_headline_tags(headline: &str) -> String {
    let mut h = headline.trim().to_string();
    loop {
        let before = h.clone();
        // A tag glued to a dash: "... Tokayev -UPDATED".
        if let Some(i) = h.rfind(" -") {
            let tail = &h[i + 2..];
            if tail.chars().count() >= 3
                && tail.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                h.truncate(i);
            }
        }
        // A known tag after a dash or bar, or in brackets, at either end.
        let trimmed = h.trim_end().trim_end_matches([')', ']']).trim_end();
        if let Some(i) = trimmed.rfind([' ', '(', '[', '-', '|', '–', '—']) {
            let tag = key(trimmed[i..].trim_start_matches([' ', '(', '[', '-', '|', '–', '—']));
            if HEADLINE_TAGS.contains(&tag.as_str()) {
                let head = trimmed[..i]
                    .trim_end()
                    .trim_end_matches(['-', '|', '–', '—', '(', '[', ':'])
                    .trim_end();
                if !head.is_empty() {
                    h = head.to_string();
                }
            }
        }
        if let Some((first, rest)) = h.split_once([':', '|'])
            && HEADLINE_TAGS.contains(&key(first).as_str()) && !rest.trim().is_empty() {
                h = rest.trim().to_string();
            }
        if h == before {
            return h;
        }
    }
}

/// Takes the furniture out of a raw article (already normalized).
pub fn clean(text: &str) -> Cleaned {
    let lines = split_paragraphs(text);
    let n = lines.len();
    let mut kind = vec![Kind::Unknown; n];
    let mut out = Cleaned::default();
    let mut credit_name_found = None;
    let mut label_name = None;

    for (i, line) in lines.iter().enumerate() {
        kind[i] = if SEPARATOR.is_match(&line.to_lowercase()) {
            Kind::Break
        } else if !line.chars().any(char::is_alphanumeric) {
            Kind::Furniture
        } else if is_credit(line) {
            credit_name_found = credit_name_found.or_else(|| credit_name(line));
            Kind::Credit
        } else if tag_label(line) {
            Kind::Tags
        } else if let Some(name) = source_label(line) {
            label_name = label_name.or(Some(name));
            Kind::Furniture
        } else if is_furniture_phrase(line)
            || PAGINATION.is_match(line)
            || is_breadcrumb(line)
            || is_caption(line)
        {
            Kind::Furniture
        } else if let Some(m) =
            dates::dateline(line).filter(|_| !is_sentence(line) || word_count(line) <= 8)
        {
            if out.dateline.is_none() {
                out.dateline = Some(m);
            }
            Kind::Dateline
        } else {
            Kind::Unknown
        };
    }

    // Captions: the line beside a credit, or a line the credit repeats.
    let credits: Vec<usize> = (0..n).filter(|&i| kind[i] == Kind::Credit).collect();
    for &c in &credits {
        for j in [c.wrapping_sub(1), c + 1] {
            if j < n
                && kind[j] == Kind::Unknown
                && !is_sentence(&lines[j])
                && word_count(&lines[j]) <= 30
            {
                kind[j] = Kind::Furniture;
            }
        }
    }
    for i in 0..n {
        if kind[i] == Kind::Unknown
            && !is_sentence(&lines[i])
            && credits
                .iter()
                .any(|&c| lines[c].contains(lines[i].as_str()))
        {
            kind[i] = Kind::Furniture;
        }
    }

    let is_body = |k: &[Kind], i: usize| k[i] == Kind::Unknown && is_sentence(&lines[i]);
    let first_body = (0..n).find(|&i| is_body(&kind, i)).unwrap_or(n);
    // A tag list after the text starts the page's footer.
    let footer = (first_body..n)
        .find(|&i| kind[i] == Kind::Tags)
        .unwrap_or(n);
    let last_body = (0..footer).rev().find(|&i| is_body(&kind, i));

    // Before the text: the first line of three words or more is the headline;
    // after it, a standfirst of six words or more is text; the rest is furniture.
    for i in 0..first_body {
        if kind[i] != Kind::Unknown {
            continue;
        }
        let words = word_count(&lines[i]);
        if out.headline.is_none() && words >= 3 {
            out.headline = Some(strip_headline_tags(&lines[i]));
            kind[i] = Kind::Furniture;
        } else if out.headline.is_none() || words < 6 {
            kind[i] = Kind::Furniture;
        }
    }

    // After the text: short lines are furniture; a name alone is a sign-off.
    let mut signoff = None;
    if let Some(last) = last_body {
        for i in last + 1..n {
            if i >= footer {
                if kind[i] == Kind::Unknown {
                    kind[i] = Kind::Furniture;
                }
                continue;
            }
            if kind[i] == Kind::Unknown && word_count(&lines[i]) <= 6 {
                kind[i] = Kind::Furniture;
                if is_signoff(&lines[i]) {
                    signoff = Some(lines[i].trim().to_string());
                }
            }
            if kind[i] == Kind::Break {
                kind[i] = Kind::Furniture;
            }
        }
    }

    // The body, without repeats of a paragraph and without edge separators.
    let mut seen = HashSet::new();
    for i in 0..n {
        match kind[i] {
            Kind::Unknown => {
                let line = &lines[i];
                if word_count(line) >= 6 && !seen.insert(fold(line)) {
                    out.removed.push(line.clone());
                    continue;
                }
                out.blocks.push(Block::Paragraph(line.clone()));
            }
            Kind::Break
                if i > first_body
                    && !out.blocks.is_empty()
                    && !matches!(out.blocks.last(), Some(Block::Break)) =>
            {
                out.blocks.push(Block::Break);
            }
            _ => out.removed.push(lines[i].clone()),
        }
    }
    while matches!(out.blocks.last(), Some(Block::Break)) {
        out.blocks.pop();
    }
    out.source_name = credit_name_found.or(label_name).or(signoff);
    out
}

/// A sign-off: one to three capitalised words with no digits ("TuraNews",
/// "AZERTAC", "Kazinform").
fn is_signoff(line: &str) -> bool {
    let words = word_count(line);
    (1..=3).contains(&words)
        && !is_sentence(line)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.chars().any(|c| c.is_ascii_digit())
        && !is_furniture_phrase(line)
}

#[cfg(test)]
mod tests;
