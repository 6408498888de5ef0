//! The headline: which line of a copied page a reader would call the
//! article's title, and the tags a site hangs on it. `clean` calls
//! `choose` once the lines are judged and the prose is found.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::{BYLINE, Kind, RELATIVE_TIME, WIRE_LINE, date_mentions, is_sentence, key, trail};
use crate::text::{fold, has_words, word_count, words_at_most};

/// Tags a site hangs on a headline ("-UPDATED", "(VIDEO)"), folded.
#[rustfmt::skip]
const HEADLINE_TAGS: &[&str] = &[
    "updated", "update", "upd", "video", "photo", "photos", "foto", "fotos", "видео", "фото",
    "yenilenib", "yenilendi", "guncellendi", "exclusive", "live", "breaking", "eksklyuziv",
    "эксклюзив", "обновлено", "жанартылды", "interview", "интервью", "musahibe", "opinion",
    "aktualisiert", "fotolar", "galeri", "infographic", "инфографика", "audio", "онлаин", "online",
];

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
            && HEADLINE_TAGS.contains(&key(first).as_str())
            && !rest.trim().is_empty()
        {
            h = rest.trim().to_string();
        }
        if h == before {
            return h;
        }
    }
}

/// Phrases of a page's own controls, folded: a line holding one is not a headline.
const CONTROLS: &[&str] = &[
    "skip to",
    "jump to",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "subscribe",
    "newsletter",
    "cookie",
    "search",
    "menu",
    "notification",
    "download",
    "share on",
    "click here",
    "follow us",
    "zip code",
    "browser",
    "advertis",
    "report this ad",
];

/// Whether a line reads as a title: three to twenty-five words, no final
/// full stop, colon or ellipsis (a question or an exclamation may be one),
/// no date, not a byline and none of the page's controls.
fn is_title_shaped(line: &str) -> bool {
    let words = word_count(line);
    let trimmed = line.trim_end_matches(['”', '"', '»', ')', '’', '\'', ']', '“', '«', ' ']);
    (3..=25).contains(&words)
        && (!trimmed.ends_with(['.', ',', ':', ';', '…', '。', '：', '；'])
            || ends_with_initialism(trimmed))
        && !BYLINE.is_match(line)
        && undated_words(line) >= 6.min(letter_words(line))
        && !is_control(line)
        && !is_timestamp(line)
}

/// Whether a line is a time stamp: it gives a time of day and holds more
/// numbers than words ("3/09/15 8:00am", "28 février 2019 à 18:46"), in
/// whatever form its date is written.
pub(super) fn is_timestamp(line: &str) -> bool {
    CLOCK.is_match(line) && letter_words(line) < word_count(line) - letter_words(line)
}

/// A time of day, "18:46" or "8:00am".
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)[0-2]?\d:[0-5]\d(?:\D|$)").expect("clock"));

/// Whether the line's last word is an initialism ("… Underneath N.Y.C.",
/// "… in the U.S."), whose full stop ends no sentence.
fn ends_with_initialism(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("");
    let letters: Vec<char> = last.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && last.chars().filter(|&c| c == '.').count() == letters.len()
}

/// Whether a line is capitalised as an English title is: three words of
/// four letters or more, and every such word opens with a capital.
fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> = crate::text::word_spans(line)
        .map(|(a, b)| &line[a..b])
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    long.len() >= 3 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// The words of a line that hold a letter, outside its dates: a long
/// title may name a day ("Official visit … (June 10-11, 1997)"), a date
/// line is little else.
fn undated_words(line: &str) -> usize {
    let mut rest = String::new();
    let mut at = 0;
    for m in date_mentions::find(line) {
        rest.push_str(&line[at..m.start]);
        rest.push(' ');
        at = m.end;
    }
    rest.push_str(&line[at..]);
    letter_words(&rest)
}

/// Whether a line is a breadcrumb trail of three parts or more ("Home >
/// Fables > January > The Greedy Dog"), however many characters its parts
/// take in a script written without spaces.
fn is_trail(line: &str) -> bool {
    trail(line).is_some_and(|parts| parts.iter().all(|p| (1..=8).contains(&letter_words(p))))
}

/// Whether a line holds one of the page's controls ("Skip to content",
/// "Sign in", "Enter Search Keywords").
fn is_control(line: &str) -> bool {
    let folded = fold(line);
    CONTROLS.iter().any(|c| folded.contains(c))
}

/// A byline or a date line, which stand just under a headline.
fn is_by_or_date(line: &str, kind: Kind) -> bool {
    kind == Kind::Dateline
        || (words_at_most(line, 15)
            && (BYLINE.is_match(line)
                || fold(line).starts_with("posted ")
                || !date_mentions::find(line).is_empty()
                || RELATIVE_TIME.is_match(line)))
}

/// The headline among `lines`, judged as `kind`, whose prose starts at
/// `start` and whose first sentence-like line is `first_body`: of the
/// title-shaped lines above the prose, the one with most signs of a title
/// (see `score`), or none when no line shows any.
pub(super) fn choose(
    lines: &[String],
    kind: &[Kind],
    start: usize,
    first_body: usize,
) -> Option<usize> {
    let n = lines.len();
    let start = start.min(n);
    let lead = lead_stems(lines, kind, start);
    // How often the page shows each line above the prose.
    let mut shown: HashMap<String, usize> = HashMap::new();
    for line in &lines[..start] {
        *shown.entry(fold(line)).or_default() += 1;
    }
    // Lines of other text (neither furniture nor a byline or date) above
    // each line.
    let plain: Vec<usize> = std::iter::once(0)
        .chain((0..start).scan(0, |count, j| {
            *count += usize::from(kind[j] == Kind::Unknown && !is_by_or_date(&lines[j], kind[j]));
            Some(*count)
        }))
        .collect();
    // A table of contents: three lines or more in a row that the text
    // below shows again, each a heading of its own.
    let below: HashSet<&str> = lines[start..].iter().map(|l| l.trim()).collect();
    let again: Vec<bool> = lines[..start]
        .iter()
        .map(|l| below.contains(l.trim()))
        .collect();
    let contents = |i: usize| {
        (i.saturating_sub(2)..=i).any(|a| a + 3 <= start && again[a..a + 3].iter().all(|&x| x))
    };
    let candidate = |i: usize| {
        kind[i] == Kind::Unknown
            && !contents(i)
            && is_title_shaped(&lines[i])
            && letter_words(&lines[i]) >= 2
            && !WIRE_LINE.is_match(&lines[i])
            && !is_trail(&lines[i])
            && super::bullet(&lines[i]).is_none()
            // The prose's first line is a headline only when a byline or a
            // date stands under it ("Why do we dream?" over "By Jane Roe"),
            // or when its final stop is an initialism's and its words are
            // capitalised as a title's ("… Underneath N.Y.C.").
            && (i < start
                || by_or_date_within(lines, kind, i, 2)
                || (ends_with_initialism(&lines[i]) && is_title_case(&lines[i])))
    };
    let scored: Vec<(usize, i32)> = (0..(start + 1).min(n))
        .filter(|&i| candidate(i))
        .map(|i| (i, score(lines, kind, i, start, &lead, &shown, &plain)))
        .collect();
    let Some((mut best, top)) = scored
        .iter()
        .copied()
        .filter(|&(_, s)| s >= MIN_SCORE)
        .max_by_key(|&(i, s)| (s, std::cmp::Reverse(i)))
        .or_else(|| {
            // No line shows a sign: a long title-shaped line before any
            // sentence is still one (a short one may be a caption).
            scored
                .iter()
                .copied()
                .find(|&(i, _)| i < first_body && has_words(&lines[i], 7))
        })
    else {
        return name_title(lines, kind, start);
    };
    // An encyclopaedia's page shows its title twice above the prose and
    // opens the prose with it ("Mangystau" … "Mangystau" over "Mangystau is
    // a region…"): that is the title, whatever its infobox rows score.
    if let Some(name) = name_title(lines, kind, start)
        && shown
            .get(&fold(&lines[name]))
            .is_some_and(|&count| count >= 2)
        && opens_with(lines, kind, start, &lines[name])
    {
        return Some(name);
    }
    // A standfirst without a full stop follows its headline: of a run of
    // such lines, nearly as like a title and sharing the prose's words,
    // the first is the headline, unless it is a kicker of fewer than seven
    // words.
    // A standfirst of fifteen words or more under a shorter line that
    // itself shows a title's signs: the shorter line is the title.
    if best > 0
        && word_count(&lines[best]) >= LONG_STANDFIRST
        && candidate(best - 1)
        && (5..word_count(&lines[best])).contains(&word_count(&lines[best - 1]))
        && score(lines, kind, best - 1, start, &lead, &shown, &plain) >= MIN_SCORE
    {
        best -= 1;
    }
    while best > 0
        && candidate(best - 1)
        && has_words(&lines[best - 1], 7)
        && !stems(&lines[best - 1]).is_disjoint(&lead)
        && score(lines, kind, best - 1, start, &lead, &shown, &plain) + STANDFIRST_MARGIN >= top
    {
        best -= 1;
    }
    // A short title over a standfirst with no byline under it ("A historic
    // opportunity" over "Relations are at their highest level"): the
    // title names the lead's subject in two of its words or more, and reads
    // as a phrase, not a name or a section ("Lupita Nyong'o", "Harbour News").
    if best > 0
        && candidate(best - 1)
        && !has_words(&lines[best - 1], 7)
        && lines[best - 1]
            .split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase))
        && stems(&lines[best - 1]).intersection(&lead).count() >= 2
        && !by_or_date_within(lines, kind, best, 4)
        && !by_or_date_within(lines, kind, best - 1, 1)
    {
        best -= 1;
    }
    // A title right over its byline, capitalised as a title, under a line
    // that is not (a link, a kicker): "On Recent Events" over "Tuesday 15
    // October 2019 by Jane Roe".
    if best + 1 < start
        && candidate(best + 1)
        && by_or_date_within(lines, kind, best + 1, 1)
        && !by_or_date_within(lines, kind, best, 1)
        && is_title_case(&lines[best + 1])
        && !is_title_case(&lines[best])
    {
        best += 1;
    }
    Some(best)
}

/// A title of a word or two that names what the prose at `start` opens
/// with, as an encyclopaedia's or a glossary's does ("New Zealand" over
/// "New Zealand is a sovereign island country…"): the page's first line
/// of text, or shown again above the prose; its words capitalised and
/// among the first twelve of one of the first two sentences.
fn name_title(lines: &[String], kind: &[Kind], start: usize) -> Option<usize> {
    let opening: Vec<String> = (start..lines.len())
        .filter(|&i| kind[i] == Kind::Unknown && is_sentence(&lines[i]))
        .take(2)
        .flat_map(|i| {
            let lead = &lines[i];
            crate::text::word_spans(lead)
                .take(12)
                .map(|(a, b)| fold(&lead[a..b]))
                .collect::<Vec<_>>()
        })
        .collect();
    let first_text = (0..start).find(|&i| kind[i] == Kind::Unknown)?;
    (0..start).find(|&i| {
        let line = lines[i].trim();
        let words: Vec<&str> = crate::text::word_spans(line)
            .map(|(a, b)| &line[a..b])
            .collect();
        kind[i] == Kind::Unknown
            && (1..=2).contains(&words.len())
            && words.iter().all(|w| w.chars().all(char::is_alphabetic))
            && line.chars().next().is_some_and(char::is_uppercase)
            && !is_control(line)
            && words.iter().all(|w| opening.contains(&fold(w)))
            && (i == first_text || (i + 1..start).any(|j| lines[j].trim() == line))
    })
}

/// Whether the prose's first sentence at `start` or after opens with `name`.
fn opens_with(lines: &[String], kind: &[Kind], start: usize, name: &str) -> bool {
    (start..lines.len())
        .find(|&i| kind[i] == Kind::Unknown && is_sentence(&lines[i]))
        .is_some_and(|i| {
            let (line, name) = (fold(&lines[i]), fold(name));
            line.strip_prefix(name.trim())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
}

/// The weights of `score`: per word shared with the lead (at most
/// `MAX_SHARED` of them), for a byline or date under the line, for the page
/// showing it twice, for five words or more; less a point per
/// `LINES_PER_POINT` lines of other text between it and the prose (at most
/// `MAX_DISTANCE`) and `MENU` for standing among short lines.
const SHARED_WORD: i32 = 2;
const MAX_SHARED: usize = 3;
const FOLLOWED: i32 = 4;
const REPEATED: i32 = 4;
const LONG_ENOUGH: i32 = 1;
const LINES_PER_POINT: i32 = 4;
const MAX_DISTANCE: i32 = 3;
const MENU: i32 = 3;
/// The least score that makes a line the headline.
const MIN_SCORE: i32 = 2;
/// A line of this many words under a shorter title is its standfirst.
const LONG_STANDFIRST: usize = 15;
/// How much less than the best a standfirst's line above may score and
/// still be the headline.
const STANDFIRST_MARGIN: i32 = 2;

/// How much a candidate line at `i` looks like the headline of prose that
/// starts at `start`: it shares words with the first paragraphs, a byline
/// or a date follows it, the page shows it twice (its header repeats the
/// title); it loses for each few lines of other text between it and the
/// prose and for standing in a run of short lines (a menu).
#[allow(clippy::too_many_arguments)]
fn score(
    lines: &[String],
    kind: &[Kind],
    i: usize,
    start: usize,
    lead: &HashSet<String>,
    shown: &HashMap<String, usize>,
    plain: &[usize],
) -> i32 {
    let line = &lines[i];
    let shared = stems(line).intersection(lead).count().min(MAX_SHARED) as i32;
    let followed = by_or_date_within(lines, kind, i, 4);
    let folded = fold(line);
    let repeated = shown.get(&folded).copied().unwrap_or(0) > usize::from(i < start)
        || (0..start.min(3)).any(|j| j != i && is_title_of(&lines[j], line));
    let between = (plain[start] - plain[(i + 1).min(start)]) as i32;
    let short = |j: usize| {
        kind.get(j) == Some(&Kind::Unknown)
            && words_at_most(&lines[j], 4)
            && !is_sentence(&lines[j])
    };
    let menu = words_at_most(line, 4) && i > 0 && short(i - 1) && short(i + 1);
    SHARED_WORD * shared
        + FOLLOWED * i32::from(followed)
        + REPEATED * i32::from(repeated)
        + LONG_ENOUGH * i32::from(has_words(line, 5))
        - (between / LINES_PER_POINT).min(MAX_DISTANCE)
        - MENU * i32::from(menu)
}

/// Whether the page's top line `top` is "`title` | Site" or "`title` - Site",
/// as the <title> of many pages reads.
fn is_title_of(top: &str, title: &str) -> bool {
    let (top, title) = (fold(top), fold(title));
    top.strip_prefix(title.trim()).is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with(['|', '-', '–', '—', ':', '·', '«', '»'])
    })
}

/// Whether a byline ("By Jane Roe") or a "Posted …" line stands within
/// two lines under line `i`, as under an article's title; a bare date may
/// be any line of a table.
pub(super) fn is_signed(lines: &[String], i: usize) -> bool {
    lines
        .iter()
        .skip(i + 1)
        .take(2)
        .any(|l| word_count(l) <= 15 && (BYLINE.is_match(l) || fold(l).starts_with("posted ")))
}

/// Whether a byline or a date line stands within `within` lines under line `i`.
fn by_or_date_within(lines: &[String], kind: &[Kind], i: usize, within: usize) -> bool {
    (i + 1..lines.len().min(i + 1 + within)).any(|j| is_by_or_date(&lines[j], kind[j]))
}

/// Words of a line that hold a letter (counted as `word_count` counts
/// them in scripts written without spaces).
fn letter_words(line: &str) -> usize {
    crate::text::word_spans(line)
        .map(|(a, b)| &line[a..b])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(word_count)
        .sum()
}

/// The stems of the first three paragraphs of prose from `start`.
fn lead_stems(lines: &[String], kind: &[Kind], start: usize) -> HashSet<String> {
    let mut out = HashSet::new();
    for i in (start..lines.len())
        .filter(|&i| kind[i] == Kind::Unknown && is_sentence(&lines[i]))
        .take(3)
    {
        out.extend(stems(&lines[i]));
    }
    out
}

/// A text's content words, each cut to its first five letters (so that
/// "Népal" meets "Népalais"); words shorter than five letters, mostly
/// function words, are left out. Scripts written without spaces give
/// their pairs of characters instead.
fn stems(text: &str) -> HashSet<String> {
    let folded = fold(text);
    let mut out = HashSet::new();
    for (a, b) in crate::text::word_spans(&folded) {
        let chars: Vec<char> = folded[a..b].chars().collect();
        if chars.iter().all(|&c| c >= '\u{2e80}') {
            out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
        } else if chars.len() >= 5 {
            out.insert(chars[..5].iter().collect());
        }
    }
    out
}

#[cfg(test)]
mod tests;
