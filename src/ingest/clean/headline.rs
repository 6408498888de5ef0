//! The headline: which line of a copied page a reader would call the
//! article's title, and the tags a site hangs on it. `clean` calls
//! `choose` once the lines are judged and the prose is found.

use super::{BYLINE, Kind, RELATIVE_TIME, date_mentions, key};
use crate::text::{fold, word_count};

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
    "javascript",
];

/// Whether a line reads as a title: three to twenty-five words, no final
/// full stop, colon or ellipsis (a question or an exclamation may be one),
/// no date, not a byline and none of the page's controls.
fn is_title_shaped(line: &str) -> bool {
    let words = word_count(line);
    let trimmed = line.trim_end_matches(['”', '"', '»', ')', '’', '\'', ']', '“', '«', ' ']);
    (3..=25).contains(&words)
        && !trimmed.ends_with(['.', ',', ':', ';', '…', '。', '：', '；'])
        && !BYLINE.is_match(line)
        && date_mentions::find(line).is_empty()
        && !is_control(line)
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
        || (word_count(line) <= 15
            && (BYLINE.is_match(line)
                || fold(line).starts_with("posted ")
                || !date_mentions::find(line).is_empty()
                || RELATIVE_TIME.is_match(line)))
}

/// The headline: the first title-shaped line of five words or more that a
/// byline or a date line follows within four lines, in the dozen lines above
/// the article's first paragraph of prose (a standfirst or a caption may
/// stand between them; a standfirst follows the headline, so the first
/// such line of a run is the headline, unless it is a kicker of fewer than
/// seven words).
fn title_before(lines: &[String], kind: &[Kind], start: usize) -> Option<usize> {
    let end = start.min(lines.len());
    let title = |i: usize| {
        kind[i] == Kind::Unknown && word_count(&lines[i]) >= 5 && is_title_shaped(&lines[i])
    };
    let by_or_date = (start.saturating_sub(12)..end)
        .rev()
        .find(|&j| is_by_or_date(&lines[j], kind[j]))?;
    let last = (by_or_date.saturating_sub(4)..by_or_date)
        .rev()
        .find(|&i| title(i))?;
    let mut first = last;
    while first > 0 && title(first - 1) && word_count(&lines[first - 1]) >= 7 {
        first -= 1;
    }
    Some(first)
}

/// A title-shaped line of four words or more that the dozen lines under
/// it show again, above the article's first paragraph of prose: the page's
/// header and the article's both carry the headline.
fn repeated_title(lines: &[String], kind: &[Kind], start: usize) -> Option<usize> {
    let end = start.min(lines.len());
    (0..end).find(|&i| {
        kind[i] == Kind::Unknown
            && word_count(&lines[i]) >= 4
            && is_title_shaped(&lines[i])
            && (i + 1..end.min(i + 13)).any(|j| fold(&lines[j]) == fold(&lines[i]))
    })
}

/// The headline among `lines`, judged as `kind`, whose prose starts at
/// `start` and whose first sentence-like line is `first_body`: a title the
/// page shows twice, else one a byline or date follows, else the first
/// line of seven words or more before the text (rubrics and kickers are
/// shorter), else the longest of three or more.
pub(super) fn choose(
    lines: &[String],
    kind: &[Kind],
    start: usize,
    first_body: usize,
) -> Option<usize> {
    let titles: Vec<usize> = (0..first_body)
        .filter(|&i| kind[i] == Kind::Unknown && !is_control(&lines[i]))
        .collect();
    repeated_title(lines, kind, start)
        .or_else(|| title_before(lines, kind, start))
        .or_else(|| titles.iter().copied().find(|&i| word_count(&lines[i]) >= 7))
        .or_else(|| {
            titles
                .iter()
                .copied()
                .filter(|&i| word_count(&lines[i]) >= 3)
                .max_by_key(|&i| (word_count(&lines[i]), std::cmp::Reverse(i)))
        })
}

#[cfg(test)]
mod tests;
