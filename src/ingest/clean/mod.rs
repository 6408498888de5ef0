//! Site furniture out, article in. A raw article copied from a news site is
//! cut into lines; each line is judged by what it is (a credit, a tag list,
//! a breadcrumb, a dateline, a caption, a share button or a "read also"
//! list in one of many languages) and by where it stands (short lines
//! without sentence punctuation at the edges of the text are furniture, the
//! longest one before the text is the headline, everything after the page's
//! footer starts is furniture, a repeated paragraph is dropped).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::date_mentions::{self, Label, Mention};
use crate::text::{fold, has_words, word_count, words_at_most};

mod headline;
mod stretch;
pub use headline::strip_headline_tags;

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
    /// The first date of the first dateline that is neither the page's
    /// header date nor furniture after the text (see `datelines`).
    pub dateline: Option<Mention>,
    /// Every dateline of the page, in order, with where it stands: what
    /// choosing the publication date weighs.
    pub datelines: Vec<Dateline>,
    pub blocks: Vec<Block>,
    /// The publisher, when a credit, a "Source:" line, a wire dateline or a
    /// sign-off names it.
    pub source_name: Option<String>,
    /// Where `source_name` was read: "a credit line (©)", …
    pub source_found: Option<&'static str>,
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

/// A line that dates the page ("22 января 2024, 17:45", "Published: 12
/// June 2024", "Жұма, 5 желтоқсан 2025").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub line: String,
    /// Its dates with a year (positions within `line`), each with what its
    /// label says of it.
    pub dates: Vec<(Mention, Label)>,
    pub place: Place,
    /// It names a day of the week, as a site's header does with today's date.
    pub weekday: bool,
    /// It gives a time of day, as an article's own date line usually does.
    pub time: bool,
    /// It opens with the author's name ("by Laura June Topolsky July 10,
    /// 2015"): a byline's date is the article's.
    pub byline: bool,
}

impl Dateline {
    /// The page's header date: a weekday and no time, above the headline
    /// with other lines between ("Жұма, 5 желтоқсан 2025" over the menu).
    pub fn is_header(&self) -> bool {
        self.weekday && !self.time
    }
}

/// Where a dateline stands, counted in lines from the headline (from the
/// text's first paragraph when there is no headline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Above it, with this many lines between.
    Above(usize),
    /// Below it and before the text, or just inside it, with this many
    /// lines between.
    Below(usize),
    /// Among the paragraphs, away from the headline.
    InText,
    /// After the text: a footer, a list of other stories.
    AfterText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Not judged yet: text, a headline, or furniture by position.
    Unknown,
    /// Furniture wherever it stands (an advertisement, a caption).
    Furniture,
    /// Furniture that ends a page's text when nothing long follows it
    /// (share buttons, tags, comments, a credit).
    Marker,
    /// A heading of links to other stories ("Read also", "Most read"): the
    /// short lines after it are those links.
    ListLabel,
    Dateline,
    Break,
}

/// Whole lines that are furniture anywhere, folded, without trailing punctuation.
#[rustfmt::skip]
const INLINE: &[&str] = &[
    "advertisement", "advertising", "sponsored", "ad", "anzeige", "werbung", "реклама", "жарнама",
    "reklam", "featured", "photo", "video", "gallery", "фото", "видео", "listen",
    "listen to this article", "vorlesen", "breaking news", "live", "top stories", "top story",
];

/// Whole lines that belong to the page around the article (buttons, menus).
#[rustfmt::skip]
const PAGE: &[&str] = &[
    // English
    "back to top", "back to top button", "share", "share this", "share this article",
    "share on facebook", "share on twitter", "tweet", "print", "email", "comments",
    "leave a comment", "no comments", "sign in to comment", "log in to comment", "loading",
    "previous", "next", "previous article", "next article", "subscribe", "newsletter",
    "follow us", "menu", "search", "home", "close", "skip to content", "copy link", "bookmark",
    "watch the video", "watch video", "facebook twitter telegram whatsapp",
    // German
    "teilen", "drucken", "kommentare", "startseite", "zum artikel", "weiterlesen", "mehr lesen",
    "artikel teilen", "link kopieren", "zuruck nach oben", "nach oben", "datenschutz", "impressum",
    // Russian
    "поделиться", "комментарии", "наверх", "подписаться", "печать", "распечатать",
    // Kazakh
    "болису", "пикирлер", "басып шыгару", "bolisu",
    // Azerbaijani
    "paylas", "serhler", "cap et", "yuxari",
    // Turkish
    "bu haberi paylasin", "yazdir", "yorumlar", "abone ol", "yukari cik", "sayfa basina don",
    "haberin devami", "bildirim",
];

/// Headings of lists of other stories.
#[rustfmt::skip]
const LIST_LABELS: &[&str] = &[
    "read more", "read also", "also read", "see also", "related", "related news",
    "related articles", "related posts", "related stories", "more news", "latest news", "top news",
    "most read", "most popular", "trending", "more on this topic", "more stories", "you may also like",
    "mehr zum thema", "lesen sie auch", "weitere nachrichten", "auch interessant",
    "das konnte sie auch interessieren", "empfehlungen", "meistgelesen",
    "читаите также", "читать также", "смотрите также", "самое читаемое", "последние новости",
    "популярное", "главное", "все новости", "новости", "лента новостеи", "по теме",
    "оки отырыныз", "тагы окыныз", "коп окылган", "сонгы жаналыктар", "барлык жаналыктар",
    "жаналыктар", "oqi otyrynyz", "songy janalyqtar", "kop oqylgan",
    "diger xeberler", "oxsar xeberler", "son xeberler", "en cox oxunan", "en cox oxunanlar",
    "xeber lenti", "xeberler", "butun xeberler", "movzu ile bagli",
    "ilgili haberler", "benzer haberler", "en cok okunanlar", "son dakika", "gundem",
    "one cikanlar", "tumunu gor",
];

/// Beginnings of lines that are furniture however long the line is.
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "read more:", "read also:", "also read:", "see also:", "related:", "more:", "read more about",
    "subscribe to", "follow us", "join us on", "join our", "download our app", "sign up for",
    "click here", "share this", "if you find a mistake", "found a typo", "hinweis: die kommentarfunktion",
    "читаите также", "читать также", "смотрите также", "читаите нас", "подписываитесь",
    "подпишитесь", "нашли ошибку", "присоединяитесь", "авторизуитесь", "просмотров",
    "lesen sie auch", "mehr zum thema:", "siehe auch", "folgen sie uns", "abonnieren sie",
    "dieses thema im programm",
    "oxu:", "hemcinin oxuyun", "daha cox oxu", "bizi izleyin", "sehv tapdiniz",
    "ayrica bakiniz", "ilginizi cekebilir", "bizi takip edin", "abone olun",
    "anadolu ajansi web sitesinde",
    "оки отырыныз", "тагы окыныз", "жазылыныз", "кателик таптыныз", "oqi otyrynyz",
    "qateni baiqasanyz",
];

/// Phrases of a cookie, consent or script notice, folded: the notice is a
/// sentence or two, but the site's, not the article's (an article about
/// cookies says "cookies" without asking the reader to accept them).
#[rustfmt::skip]
const CONSENT: &[&str] = &[
    "enable javascript", "javascript is disabled", "requires javascript", "javascript aktivieren",
    "benotigt javascript", "включите javascript", "javascript-i aktiv", "javascript'i etkin",
    "we use cookies", "site uses cookies", "website uses cookies", "uses cookies to",
    "accept cookies", "cookie settings", "cookie policies", "our use of cookies",
    "verwendet cookies", "verwenden cookies", "nutzt cookies", "nutzen cookies",
    "cookie-einstellungen", "cookies akzeptieren", "utilise des cookies", "utilisons des cookies",
    "utilizamos cookies", "utiliza cookies", "usa cookies", "gebruikt cookies",
    "использует cookie", "используем cookie", "использует фаилы cookie", "фаилы cookie",
    "cookie фаилдар", "cerez kullan", "cerezler kullan", "cerez politika", "kuki fayllar",
];

#[rustfmt::skip]
const TAG_LABELS: &[&str] = &[
    "tags", "tag", "teqler", "etiketler", "etiket", "anahtar kelimeler", "acar sozler", "теги",
    "метки", "тегтер", "тег", "килт создер", "tegter", "schlagworter", "schlagworte",
    "stichworter", "keywords", "topics", "themen", "темы",
];

#[rustfmt::skip]
const SOURCE_LABELS: &[&str] = &["source", "sources", "kaynak", "quelle", "источник", "menbe", "дереккоз"];

#[rustfmt::skip]
const CAPTION_STARTS: &[&str] = &[
    "photo", "foto", "фото", "сурет", "sekil", "fotograf", "bild:", "bild ", "image", "picture",
    "illustration", "credit", "video:", "видео:", "getty", "flag of", "the flag", "flagge", "флаг",
    "screenshot", "скриншот",
];

#[rustfmt::skip]
const CAPTION_CONTAINS: &[&str] = &[
    "photo:", "фото:", "foto:", "сурет:", "getty images", "/ reuters", "/ afp", "/ ap", "/ dpa",
    "/ anadolu", "photo by", "foto von", "фото из открытых",
];

/// A photographer's credit glued to the agency that ends a caption:
/// "… Jane Roe/Reuters".
#[rustfmt::skip]
const CREDIT_ENDS: &[&str] = &[
    "/reuters", "/afp", "/ap", "/epa", "/dpa", "/getty images", "/anadolu", "/tass", "/ria novosti",
];

/// Words that mark a trailing "(…)" as a picture's caption.
#[rustfmt::skip]
const CAPTION_NOTES: &[&str] = &[
    "visualisierung", "symbolbild", "archivbild", "archiv", "visualization", "rendering",
    "illustration", "file photo", "archive", "архив", "arxiv", "temsili", "gorsel",
];

#[rustfmt::skip]
const FLAG_WORDS: &[&str] = &["flag", "flagge", "флаг", "bayragi", "bayraq", "туы"];

/// "All rights reserved" in the credit lines of many languages.
#[rustfmt::skip]
const RIGHTS: &[&str] = &[
    "all rights reserved", "alle rechte vorbehalten", "все права защищены", "барлык кукыктар коргалган",
    "butun huquqlar qorunur", "tum haklari saklidir", "barlyq quqyqtar qorgalgan",
];

static PAGINATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}\s+){2,}\d{1,3}(?:\s|$)").expect("pagination"));
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:[xх*•·#~=_—–-]\s*){3,}$").expect("separator"));
/// Any of [`PREFIXES`] at the start of a folded line, spaces aside.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| any_phrase(r"^\s*", PREFIXES));
/// Any of [`CAPTION_CONTAINS`] in a folded line.
static CAPTION_PHRASE: LazyLock<Regex> = LazyLock::new(|| any_phrase("", CAPTION_CONTAINS));

/// One pattern that finds any of `phrases`, taken as they are, after
/// `before`: a list tested on every line is looked for all at once.
fn any_phrase(before: &str, phrases: &[&str]) -> Regex {
    let alternatives: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!("{before}(?:{})", alternatives.join("|"))).expect("phrases")
}
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^(?:by|von|автор|avtor|müəllif|yazar)\s*:?\s+\S)|(?:(?:^|\s)(?:-\s*)?(?:by|von|автор|müəllif|yazar)\s*:?$)")
        .expect("byline")
});
/// "3 days ago", "6 min read", "Lesezeit: 4 Min.": times relative to the reader.
/// (Word edges are spelled out: a Unicode `\b` sends a line with any letter
/// outside ASCII down the regex crate's slowest engine.)
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(?:\d+\s*(?:min|mins|minutes?|мин|минут|dəq|dk|dakika)\.?\s*(?:read|чтения|oxu|okuma)|lesezeit|ago|назад|əvvəl|önce|бұрын|vor\s+\d+\s+(?:minuten|stunden|tagen))(?:[^\p{L}\p{N}_]|$)")
        .expect("relative time")
});
/// Wire datelines at the start of a story, naming the agency:
/// "Baku/Astana (dpa) -", "АСТАНА. KAZINFORM –", "БАКУ, 21 ноября. /ТАСС/.".
static WIRE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^[\p{Lu}][\p{L}/ -]{1,40}?\s*\(\s*(?P<a>[^()]{2,30}?)\s*\)\s*[-–—]",
        r"^[\p{Lu}][\p{Lu} -]{1,30}[.,]\s+(?P<a>\p{Lu}[\p{L}.-]*\p{Lu}[\p{L}.-]*)\s*[-–—]",
        r"^[\p{Lu}][\p{L} -]{1,30},\s*\d{1,2}\s+\p{L}+\.?\s*/(?P<a>[^/]{2,20})/",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("wire dateline"))
    .collect()
});
/// A dateline on a line of its own: "Bakı, 18 oktyabr, AZƏRTAC".
static WIRE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}][\p{L}-]+,\s*\d{1,2}[\s.]+\p{L}+\.?,?\s*(?:\d{4},?\s*)?(?P<a>\p{Lu}[\p{L}.]*\p{Lu}[\p{L}.]*)$").expect("wire line")
});
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{L}\d-]+\.(?:kz|az|ru|uz|kg|tr|de|com|org|net|info|news|media|tv|am|ge)$")
        .expect("masthead")
});

/// The bullet an item of a written list opens with ("+ Added …", "- …",
/// "* …", "• …"), followed by a space and text.
fn bullet(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let b = chars.next().filter(|c| "-+*•–·▪►✓".contains(*c))?;
    let rest = chars.as_str();
    (rest.starts_with(char::is_whitespace) && !rest.trim_start().is_empty()).then_some(b)
}

/// Whether a line reads as running text: it ends as a sentence does, or it
/// is too long to be anything else.
pub fn is_sentence(line: &str) -> bool {
    ends_with_stop(line) || has_words(line, 25)
}

/// Whether a line ends as a sentence does, quotes and brackets aside: also
/// with the full stops of Chinese and Japanese, Hindi, Arabic and Urdu.
fn ends_with_stop(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['”', '"', '»', ')', '’', '\'', ']', '“', '«', ' ']);
    trimmed.ends_with([
        '.', '!', '?', '…', ':', ';', '。', '！', '？', '；', '：', '।', '؟', '۔',
    ])
}

/// A paragraph long enough that it cannot be a link or a button.
fn is_long_text(line: &str) -> bool {
    is_sentence(line) && has_words(line, 15)
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
            // A byline with its date ("by … July 10, 2015") is a line of its own.
            Some(last)
                if joinable
                    && starts_lower
                    && !is_sentence(last)
                    && last.len() >= 40
                    && date_mentions::dateline(line).is_none()
                    && !BYLINE.is_match(line) =>
            {
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
    key_of_folded(&fold(line))
}

/// `key` of a line already folded.
fn key_of_folded(folded: &str) -> String {
    folded
        .trim()
        .trim_end_matches([':', '.', '!', '»', '›', '>', '|', '-', '→', ' ', '…'])
        .trim()
        .to_string()
}

fn is_credit(line: &str) -> bool {
    let starts = |p: &str| {
        line.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    line.contains('©') || starts("(c) ") || starts("copyright ")
}

/// The publisher in a credit line: "© APA | caption" → "APA",
/// "© 2024 The Astana Times. All rights reserved." → "The Astana Times",
/// "© «Егемен Қазақстан» газеті" → "Егемен Қазақстан".
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
    if let Some(quoted) = quoted_name(after) {
        return Some(quoted);
    }
    let mut name = after
        .split(['|', '/', ',', '–', '—'])
        .next()?
        .split(" - ")
        .next()?
        .split(". ")
        .next()?
        .trim();
    let folded = fold(name);
    if let Some(at) = RIGHTS.iter().find_map(|r| folded.find(r)) {
        name = name[..at].trim();
    }
    let words: Vec<&str> = name
        .trim_end_matches('.')
        .split_whitespace()
        .filter(|w| !(w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())))
        .collect();
    (!words.is_empty() && words.len() <= 4).then(|| words.join(" "))
}

fn quoted_name(text: &str) -> Option<String> {
    let start = text.find(['«', '“', '„'])?;
    let rest = &text[start + text[start..].chars().next()?.len_utf8()..];
    let end = rest.find(['»', '”', '“'])?;
    let name = rest[..end].trim();
    (word_count(name) >= 1 && word_count(name) <= 5).then(|| name.to_string())
}

fn tag_label(folded: &str) -> bool {
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

fn starts_with_prefix(folded: &str) -> bool {
    PREFIX.is_match(folded)
}

fn is_breadcrumb(line: &str) -> bool {
    !is_sentence(line)
        && words_at_most(line, 12)
        && ([" / ", " > ", " › ", " » ", " | ", " → ", " • ", " :: "]
            .iter()
            .any(|s| line.contains(s))
            || (words_at_most(line, 6) && BYLINE.is_match(line)))
}

/// The parts of a breadcrumb trail of three parts or more ("Home > News >
/// …"), split at the first separator that makes one.
fn trail(line: &str) -> Option<Vec<&str>> {
    [" » ", " > ", " › ", " → ", " / ", " :: "]
        .iter()
        .map(|sep| line.split(sep).collect::<Vec<&str>>())
        .find(|parts| parts.len() >= 3)
}

/// The last part of a breadcrumb trail, when it reads as a title, not a
/// section's name: four words or more, no full stop.
fn breadcrumb_title(line: &str) -> Option<String> {
    let last = trail(line)
        .filter(|_| words_at_most(line, 30))?
        .last()?
        .trim();
    (has_words(last, 4) && !ends_with_stop(last)).then(|| last.to_string())
}

fn is_caption(line: &str, folded: &str) -> bool {
    if !words_at_most(line, 20) {
        return false;
    }
    let words = word_count(line);
    let short_non_sentence = !is_sentence(line) || words <= 12;
    let note = folded
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .is_some_and(|(_, note)| CAPTION_NOTES.iter().any(|n| note.trim().starts_with(n)));
    (short_non_sentence && CAPTION_STARTS.iter().any(|s| folded.starts_with(s)))
        || CAPTION_PHRASE.is_match(folded)
        || (folded.contains('/') && CREDIT_ENDS.iter().any(|s| folded.trim_end().ends_with(s)))
        || note
        || (words <= 5
            && !is_sentence(line)
            && crate::text::word_spans(folded).any(|(a, b)| FLAG_WORDS.contains(&&folded[a..b])))
}

/// A cookie, consent or script notice of at most a short paragraph.
fn is_consent(line: &str, folded: &str) -> bool {
    CONSENT_WORDS.iter().any(|w| folded.contains(w))
        && CONSENT.iter().any(|c| folded.contains(c))
        && words_at_most(line, 80)
}

/// A word every phrase of [`CONSENT`] has: a line without one of them is
/// no notice, and most lines are told so in four searches, not forty.
const CONSENT_WORDS: &[&str] = &["cookie", "javascript", "cerez", "kuki"];

/// What one line is, judged on its own.
fn judge(line: &str) -> Kind {
    judge_folded(line, &fold(line))
}

/// [`judge`], for a line already folded.
fn judge_folded(line: &str, folded: &str) -> Kind {
    let k = key_of_folded(folded);
    if SEPARATOR.is_match(line) {
        Kind::Break
    } else if !line.chars().any(char::is_alphanumeric) {
        Kind::Furniture
    } else if is_credit(line)
        || tag_label(folded)
        || source_label(line).is_some()
        || PAGE.contains(&k.as_str())
    {
        Kind::Marker
    } else if LIST_LABELS.contains(&k.as_str()) {
        Kind::ListLabel
    } else if INLINE.contains(&k.as_str())
        || starts_with_prefix(folded)
        || PAGINATION.is_match(line)
    {
        Kind::Furniture
    } else if !is_sentence(line) && date_mentions::dateline(line).is_some() {
        Kind::Dateline
    } else if is_breadcrumb(line)
        || is_caption(line, folded)
        || is_consent(line, folded)
        || (!is_sentence(line) && words_at_most(line, 8) && RELATIVE_TIME.is_match(line))
    {
        Kind::Furniture
    } else {
        Kind::Unknown
    }
}

/// Takes the furniture out of a raw article (already normalized).
pub fn clean(text: &str) -> Cleaned {
    let lines = split_paragraphs(text);
    let n = lines.len();
    // Each line folded once, for judging it and for finding its repeats.
    let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    let mut kind: Vec<Kind> = lines
        .iter()
        .zip(&folded)
        .map(|(l, f)| judge_folded(l, f))
        .collect();
    let mut out = Cleaned::default();
    let dateline_lines: Vec<usize> = (0..n).filter(|&i| kind[i] == Kind::Dateline).collect();

    // Captions: the line beside a credit, or a line a credit repeats.
    let credits: Vec<usize> = (0..n).filter(|&i| is_credit(&lines[i])).collect();
    for &c in &credits {
        for j in [c.wrapping_sub(1), c + 1] {
            if j < n
                && kind[j] == Kind::Unknown
                && !is_sentence(&lines[j])
                && words_at_most(&lines[j], 30)
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
    // The links under a "Read also" heading.
    for i in 0..n {
        if kind[i] == Kind::ListLabel {
            for j in i + 1..n {
                if kind[j] != Kind::Unknown || is_sentence(&lines[j]) || has_words(&lines[j], 20) {
                    break;
                }
                kind[j] = Kind::Furniture;
            }
        }
    }

    let is_body = |k: &[Kind], i: usize| k[i] == Kind::Unknown && is_sentence(&lines[i]);
    let first_body = (0..n).find(|&i| is_body(&kind, i)).unwrap_or(n);
    // The page's footer: a button, tag list or credit after the text that
    // no long paragraph follows.
    let mut footer = n;
    for i in (first_body..n).rev() {
        if is_body(&kind, i) && is_long_text(&lines[i]) {
            break;
        }
        if matches!(kind[i], Kind::Marker | Kind::ListLabel) {
            footer = i;
        }
    }
    let last_body = (first_body..footer).rev().find(|&i| is_body(&kind, i));

    // Before the text: the headline; after it, a standfirst of six words or
    // more is text; the rest is furniture.
    let leading: Vec<usize> = (0..first_body)
        .filter(|&i| kind[i] == Kind::Unknown)
        .collect();
    let start = prose_start(&lines, &kind).unwrap_or(first_body);
    let headline = headline::choose(&lines, &kind, start, first_body);
    // The prose found first may be a box of the page's own (a service's
    // pitch, a notice) above the article's stretch: a title over its
    // byline between the two is the article's. It names the article only;
    // what the text is stays the stretch's to say.
    let signed = stretch::find(&lines, &kind)
        .filter(|r| r.start > start)
        .and_then(|r| headline::choose(&lines, &kind, r.start, first_body))
        .filter(|&h| h > start && headline::is_signed(&lines, h));
    // Paragraphs of text before each line: a dateline with a few of them
    // above it is still at the head of the article.
    let text_before: Vec<usize> = (0..n)
        .scan(0, |count, i| {
            let before = *count;
            *count += usize::from(is_body(&kind, i));
            Some(before)
        })
        .collect();
    out.datelines = place_datelines(
        &lines,
        &dateline_lines,
        headline.unwrap_or(first_body),
        &text_before,
        last_body.unwrap_or(n),
    );
    out.dateline = out
        .datelines
        .iter()
        .find(|d| !d.is_header() && d.place != Place::AfterText)
        .map(|d| d.dates[0].0);
    if let Some(h) = signed {
        out.headline = Some(strip_headline_tags(&lines[h]));
        kind[h] = Kind::Furniture;
    } else if let Some(h) = headline {
        out.headline = Some(strip_headline_tags(&lines[h]));
        // The page's header and the article both show it.
        for i in 0..start.max(h + 1) {
            if i == h || (kind[i] == Kind::Unknown && folded[i] == folded[h]) {
                kind[i] = Kind::Furniture;
            }
        }
    }
    // The article's stretch (see `stretch`), found on the lines as judged:
    // a list it holds before its first sentence is the article's too.
    let stretch = stretch::find(&lines, &kind);
    // Without a headline, a line with no final stop set apart above the
    // article (only furniture and lines of a word or three between) is
    // its title.
    if headline.is_none()
        && let Some(j) = stretch
            .as_ref()
            .and_then(|r| lead_above(&lines, &kind, r.start))
        && !ends_with_stop(&lines[j])
        && words_at_most(&lines[j], 60)
    {
        out.headline = Some(strip_headline_tags(&lines[j]));
        kind[j] = Kind::Furniture;
    }
    // Without one still, a breadcrumb trail above the article may end in
    // its title: "Site » Arts » Kazakh Days of Culture in Azerbaijan".
    if out.headline.is_none() {
        let above = stretch.as_ref().map_or(first_body, |r| r.start);
        out.headline = lines[..above.min(n)]
            .iter()
            .find_map(|l| breadcrumb_title(l));
    }
    let in_stretch = |i: usize| stretch.as_ref().is_some_and(|r| r.contains(&i));
    for &i in &leading {
        if Some(i) == headline || (in_stretch(i) && i > headline.unwrap_or(0)) {
        } else if headline.is_none_or(|h| i < h) || !has_words(&lines[i], 6) {
            kind[i] = Kind::Furniture;
        }
    }

    // After the text: short lines are furniture; a name alone is a sign-off.
    let mut signoff = None;
    let end = last_body.unwrap_or(first_body.min(n.saturating_sub(1)));
    for i in end + 1..n {
        if i >= footer {
            if kind[i] == Kind::Unknown || kind[i] == Kind::Break {
                kind[i] = Kind::Furniture;
            }
            continue;
        }
        if kind[i] == Kind::Unknown && words_at_most(&lines[i], 6) && !in_stretch(i) {
            kind[i] = Kind::Furniture;
            if is_signoff(&lines[i]) {
                signoff = Some(lines[i].trim().to_string());
            }
        }
        if kind[i] == Kind::Break {
            kind[i] = Kind::Furniture;
        }
    }

    // The article is its stretch: what stands outside it is furniture, but
    // for the headline and the standfirst under it (or, without a headline,
    // the text's first line a caption or two above).
    if let Some(r) = &stretch {
        let kept_above = match headline {
            Some(h) => (h + 1..r.start.min(h + 4))
                .filter(|&i| kind[i] == Kind::Unknown && has_words(&lines[i], 6))
                .collect::<Vec<_>>(),
            None => lead_above(&lines, &kind, r.start).into_iter().collect(),
        };
        for i in (0..n).filter(|i| !r.contains(i) && !kept_above.contains(i)) {
            if matches!(kind[i], Kind::Unknown | Kind::Break) {
                kind[i] = Kind::Furniture;
            }
        }
    }
    // Repeats: only lines of six words or more count.
    let folds: Vec<Option<&str>> = lines
        .iter()
        .zip(&folded)
        .map(|(l, f)| has_words(l, 6).then_some(f.as_str()))
        .collect();
    let repeats = Repeats::new(&folds, &kind, stretch.as_ref());

    // The body, without repeats of a paragraph and without edge separators.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut previous: Option<usize> = None;
    for i in 0..n {
        match kind[i] {
            Kind::Unknown => {
                let line = &lines[i];
                if let Some(folded) = folds[i]
                    && !seen.insert(folded)
                    && repeats.drop(i, folded, previous.and_then(|p| folds[p]))
                {
                    out.removed.push(line.clone());
                    continue;
                }
                previous = Some(i);
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

    let credit = credits.iter().find_map(|&c| credit_name(&lines[c]));
    let label = lines.iter().find_map(|l| source_label(l));
    let wire = out.paragraphs().take(2).find_map(wire_agency).or_else(|| {
        (0..first_body.min(n)).find_map(|i| {
            WIRE_LINE
                .captures(&lines[i])
                .and_then(|c| c.name("a"))
                .map(|m| m.as_str().to_string())
        })
    });
    let masthead = (0..first_body.min(n))
        .find(|&i| MASTHEAD.is_match(lines[i].trim()))
        .map(|i| lines[i].trim().to_string());
    let found = [
        (credit, "a credit line (©)"),
        (label, "a \"Source:\" line"),
        (wire, "the wire dateline at the start of the text"),
        (signoff, "the sign-off after the text"),
        (masthead, "the site's name above the text"),
    ]
    .into_iter()
    .find_map(|(name, how)| Some((name?, how)));
    out.source_name = found.as_ref().map(|(name, _)| spelling_in(name, text));
    out.source_found = found.map(|(_, how)| how);
    out
}

/// Without a headline, the text's first line above the stretch that starts
/// at `start`, when only furniture and lines of a word or three (captions,
/// image names, buttons) stand between: a title or lead the page set apart.
fn lead_above(lines: &[String], kind: &[Kind], start: usize) -> Option<usize> {
    for i in (0..start).rev() {
        let words = word_count(&lines[i]);
        match kind[i] {
            Kind::Unknown if headline::is_timestamp(&lines[i]) => {}
            Kind::Unknown if words >= 6 => return Some(i),
            Kind::Unknown if words <= 3 => {}
            Kind::Furniture | Kind::Dateline | Kind::Break => {}
            _ => return None,
        }
    }
    None
}

/// Which repeated lines of the article go. Without a stretch, every
/// repeat of a paragraph does. Inside one, the article may say a thing
/// twice (the same step in each part of a plan, a credit under each
/// picture): a repeat goes only when it repeats the line before it or what
/// the page shows outside the article, or comes after the article's last
/// new paragraph (the lead the page shows again under the text).
struct Repeats<'a> {
    /// With a stretch: the lines outside it, and its last new paragraph.
    stretch: Option<(HashSet<&'a str>, Option<usize>)>,
}

impl<'a> Repeats<'a> {
    /// `folds` holds each line folded, or `None` for a line too short to
    /// count as a repeat.
    fn new(
        folds: &'a [Option<&'a str>],
        kind: &[Kind],
        stretch: Option<&std::ops::Range<usize>>,
    ) -> Self {
        let stretch = stretch.map(|r| {
            let outside = (0..folds.len())
                .filter(|i| !r.contains(i))
                .filter_map(|i| folds[i])
                .collect();
            let mut seen = HashSet::new();
            let last_new = r
                .clone()
                .filter(|&i| kind[i] == Kind::Unknown && folds[i].is_none_or(|f| seen.insert(f)))
                .last();
            (outside, last_new)
        });
        Repeats { stretch }
    }

    /// Whether line `i`, folded `folded` and seen before, goes; `previous`
    /// is the body's line before it, folded.
    fn drop(&self, i: usize, folded: &str, previous: Option<&str>) -> bool {
        self.stretch.as_ref().is_none_or(|(outside, last_new)| {
            previous == Some(folded)
                || outside.contains(folded)
                || last_new.is_none_or(|last| i > last)
        })
    }
}

/// The article's first paragraph of prose: a sentence of ten words or more
/// with more text within the next three lines. A lone sentence among menus
/// (a cookie notice, a site's motto, a sign-up plea) is not one.
fn prose_start(lines: &[String], kind: &[Kind]) -> Option<usize> {
    let n = lines.len();
    let text = |i: usize| kind[i] == Kind::Unknown && is_sentence(&lines[i]);
    (0..n).find(|&i| text(i) && has_words(&lines[i], 10) && (i + 1..n.min(i + 4)).any(&text))
}

/// The datelines at `indices` of `lines`, each placed against the headline
/// (or the text's first line) at `reference`; one with fewer than three
/// paragraphs of text above it is still at the article's head.
fn place_datelines(
    lines: &[String],
    indices: &[usize],
    reference: usize,
    text_before: &[usize],
    last_body: usize,
) -> Vec<Dateline> {
    indices
        .iter()
        .filter_map(|&i| {
            let line = &lines[i];
            let dates = date_mentions::dateline_dates(line)?;
            let place = if i < reference {
                Place::Above(reference - i - 1)
            } else if i > last_body {
                Place::AfterText
            } else if text_before[i] < 3 || i - reference <= 3 {
                Place::Below(i.saturating_sub(reference + 1))
            } else {
                Place::InText
            };
            Some(Dateline {
                line: line.clone(),
                dates,
                place,
                weekday: date_mentions::names_weekday(line),
                time: date_mentions::has_time(line),
                byline: date_mentions::byline_words(line) > 0,
            })
        })
        .collect()
}

/// The agency a wire dateline at the start of a paragraph names.
fn wire_agency(paragraph: &str) -> Option<String> {
    WIRE.iter().find_map(|re| {
        re.captures(paragraph)?
            .name("a")
            .map(|m| m.as_str().trim().to_string())
    })
}

/// A name written in capitals ("KAZINFORM") as the text spells it elsewhere
/// in ordinary case ("Kazinform"), if it does.
fn spelling_in(name: &str, text: &str) -> String {
    if !name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
    {
        return name.to_string();
    }
    let folded = fold(name);
    crate::text::word_spans(text)
        .map(|(a, b)| &text[a..b])
        .find(|w| fold(w) == folded && w.chars().any(char::is_lowercase))
        .map_or_else(|| name.to_string(), str::to_string)
}

/// A sign-off: one word ("TuraNews", "AZƏRTAC"), or two or three
/// capitalised words that are not a shouted phrase; no digits.
fn is_signoff(line: &str) -> bool {
    let words = word_count(line);
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = words > 1 && letters.iter().all(|c| c.is_uppercase());
    (1..=3).contains(&words)
        && !shouted
        && !is_sentence(line)
        && line
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !line.chars().any(|c| c.is_ascii_digit())
        && judge(line) == Kind::Unknown
}

#[cfg(test)]
mod tests;
