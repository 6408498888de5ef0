//! The article is one stretch of the page. Each line gets a score: prose
//! scores its words, furniture (menus, teaser titles, times and counts,
//! comment heads, buttons) scores below zero, and the stretch of lines with
//! the highest sum is the article. Boilerpipe and jusText judge blocks one
//! by one with a little context; taking the best run as a whole lets a
//! short line inside the text stay (a subheading between two paragraphs
//! costs less than they bring) while a menu or a teaser list after the
//! text, however many sentences of its own it holds, stays out once the
//! furniture before it outweighs them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Kind, bullet, date_mentions, ends_with_stop};
use crate::text::{is_unspaced, word_count, words_at_most};

/// What a stretch needs to be taken as the article: this much score…
const MIN_SCORE: i32 = 40;
/// …and this many paragraphs of at least `PARAGRAPH_WORDS` words.
const MIN_PARAGRAPHS: usize = 2;
const PARAGRAPH_WORDS: i32 = 10;
/// Lines of this many words or more are text even without a full stop
/// (a copy cut off mid-sentence, a paragraph without final punctuation).
const LONG_LINE: usize = 18;
/// `LONG_LINE` in Chinese and Japanese, as `word_count` counts them: 26
/// characters, about as much as eighteen words of a European language.
const UNSPACED_LONG_LINE: usize = 13;
/// The page's last line, when it is text of this many words (not all of
/// them capitalised, as a menu's are), is the end of a copy cut off
/// mid-sentence: the article's.
const CUT_LINE: usize = 5;

/// A line's score by what `judge` made of it.
const FURNITURE: i32 = -3;
const MARKER: i32 = -6;
const DATELINE: i32 = -1;
/// "Jane Roe on 3 May 2015 at 12:41 said:": a comment begins.
const COMMENT_HEAD: i32 = -20;
/// "12:41", "34 comments", "2.1K": a time, a count, a number.
const COUNT: i32 = -4;

/// "NAME said:", "NAME on DATE at TIME wrote:", in several languages. (No
/// Unicode `\b`: it sends a line with any letter outside ASCII down the regex
/// crate's slowest engine.)
static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^.{0,119}[^\p{L}\p{N}_](?:said|says|wrote|writes|replied|replies|commented|schrieb|sagt|kommentierte|пишет|написал|написала|ответил|ответила|жазды|yazdı|yazdi|dedi|yazıb|yazib)\s*:$")
        .expect("comment head")
});
/// A line that is a number, a time or a count: "12:41", "34 comments",
/// "1.2K views", "3h", "№ 5".
static COUNT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W{0,2}\d[\d\s.,:/kKmM+%-]*(?:\s*\p{L}{1,14}\.?){0,2}\W{0,2}$").expect("count")
});
/// The heading of a page's comments: "There are 13 comments", "5 Responses",
/// "Comments (3)", "Leave a Reply", "Kommentare", "Комментарии (12)" (not
/// "Comment" alone: that is as often a button or a table's column).
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:there (?:are|is) )?(?:\d+|no|one) (?:comments?|responses?|replies|reactions?|thoughts? on .{1,200})|(?:comments|kommentare|комментарии|пікірлер|yorumlar|şərhlər|rəylər)(?:\s*\(\d+\))?|\d+ (?:kommentare?|комментари[йяев]{1,2}|пікір|yorum|şərh)|leave a (?:reply|comment)|(?:join|start) the discussion)\s*:?$")
        .expect("comments heading")
});
/// What the comments under their heading show first: a commenter's name
/// with the date or time ("Jane Roe · March 10, 2017 at 12:20 AM", "Jane
/// Roe said:"), a button to answer or sign in, or the form's and the
/// section's own words ("Post a Comment", "Your email address will not be
/// published").
fn opens_comment(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "comment",
        "kommentar",
        "комментар",
        "пікір",
        "yorum",
        "şərh",
        "email address",
        "e-mail address",
        "sign in",
        "log in",
        "reply",
        "antworten",
        "ответить",
        "cevapla",
    ];
    let line = line.trim();
    let lower = line.to_lowercase();
    words_at_most(line, 14)
        && (WORDS.iter().any(|w| lower.contains(w))
            || is_comment_head(line)
            || date_mentions::has_time(line)
            || date_mentions::dateline(line).is_some())
}

/// An item of a numbered list: "1. …", "12) …".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[.)]\s+\S").expect("numbered"));

/// A list's items of one shape, three or more in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    None,
    /// "+ Added Slime Block": a list the author wrote, text however short.
    Bullet,
    /// "1. Finland": as often a table of contents or a list of other
    /// stories as the article's own, so it neither adds nor takes away.
    Numbered,
}

/// The number of a numbered list's item.
fn number(line: &str) -> Option<u32> {
    NUMBERED.captures(line).and_then(|c| c[1].parse().ok())
}

/// Marks the lines that are items of a list: at least three lines in a row
/// opening with the same bullet, or numbered one after another.
fn list_items(lines: &[String]) -> Vec<Item> {
    let n = lines.len();
    let mut items = vec![Item::None; n];
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        let item = if let Some(b) = bullet(&lines[i]) {
            while j < n && bullet(&lines[j]) == Some(b) {
                j += 1;
            }
            Item::Bullet
        } else if let Some(mut k) = number(&lines[i]) {
            while let Some(m) = lines
                .get(j)
                .and_then(|l| number(l))
                .filter(|&m| m == k + 1 || m + 1 == k)
            {
                k = m;
                j += 1;
            }
            Item::Numbered
        } else {
            Item::None
        };
        if j - i >= 3 {
            items[i..j].fill(item);
            i = j;
        } else {
            i += 1;
        }
    }
    items
}

/// How many words make `line` text without a full stop: `LONG_LINE`, or
/// fewer in the scripts written without spaces, where `word_count` takes
/// two characters for a word and a line of a given length says more.
fn long_line(line: &str) -> usize {
    let unspaced = line.chars().filter(|&c| is_unspaced(c)).count();
    if unspaced * 2 > line.chars().count() {
        UNSPACED_LONG_LINE
    } else {
        LONG_LINE
    }
}

/// Whether the line opens a comment: "NAME said:", "NAME on DATE at TIME
/// said:"; not a sentence that introduces a quote ("In an interview, the
/// president also said:"): a head without the comment's date or time is
/// four words at most.
pub(super) fn is_comment_head(line: &str) -> bool {
    line.trim_end().ends_with(':')
        && words_at_most(line, 16)
        && COMMENT.is_match(line.trim())
        && (words_at_most(line, 4) || line.chars().any(|c| c.is_ascii_digit()))
}

/// A line's score: what it adds to a stretch of text, or takes away.
fn score(line: &str, kind: Kind, item: Item, last_text: bool) -> i32 {
    match kind {
        Kind::Furniture => return FURNITURE,
        Kind::Marker | Kind::ListLabel => return MARKER,
        Kind::Dateline => return DATELINE,
        Kind::Break => return 0,
        Kind::Unknown => {}
    }
    let words = word_count(line);
    let w = i32::try_from(words).unwrap_or(i32::MAX);
    let trimmed = line.trim_end();
    if is_comment_head(line) {
        return COMMENT_HEAD;
    }
    match item {
        Item::Bullet => return w,
        Item::Numbered => return 0,
        Item::None => {}
    }
    if words <= 4 && COUNT_LINE.is_match(line.trim()) {
        return COUNT;
    }
    // A teaser cut short: "Ten things you did not know about…".
    if (trimmed.ends_with('…') || trimmed.ends_with("...")) && words < 25 {
        return -2 - w / 2;
    }
    if last_text
        && words >= CUT_LINE
        && line
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
    {
        return w;
    }
    if trimmed.ends_with([',', '，', '、']) {
        return 0;
    }
    if ends_with_stop(line) {
        w
    } else if words >= long_line(line) {
        w / 2
    } else {
        -2 - w.min(16) / 2
    }
}

/// The stretch of `lines` that is the article, if one stands out: the run
/// with the highest sum of scores, from its first line of text to its
/// last, ended before a comment thread.
pub(super) fn find(lines: &[String], kind: &[Kind]) -> Option<Range<usize>> {
    let n = lines.len();
    let items = list_items(lines);
    // A page whose copy ends on a line of text was cut off there.
    let last_text = n.checked_sub(1).filter(|&i| kind[i] == Kind::Unknown);
    let scores: Vec<i32> = (0..n)
        .map(|i| score(&lines[i], kind[i], items[i], Some(i) == last_text))
        .collect();

    // The maximum-sum run (Kadane), the earliest of equal ones.
    let (mut best, mut best_range) = (0, 0..0);
    let (mut sum, mut start) = (0, 0);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += s;
        if sum > best {
            best = sum;
            best_range = start..i + 1;
        }
    }
    let Range { start, mut end } = best_range;
    // A comment thread inside it: cut at the first comment head with its
    // date or time that follows two paragraphs of the article. A head
    // without one ("Various people wrote:") may be the author quoting
    // readers: it only costs its score.
    // The heading of the page's comments ends it too.
    let mut prose = 0;
    for i in start..end {
        let head = scores[i] == COMMENT_HEAD && lines[i].chars().any(|c| c.is_ascii_digit());
        // A heading the comments follow: a commenter's name with the date
        // or time, or a reply button, within a few lines (a count of
        // comments at the article's head is followed by the article).
        let heading = COMMENTS_HEADING.is_match(lines[i].trim())
            && lines[i + 1..end.min(i + 7)]
                .iter()
                .any(|l| opens_comment(l));
        if prose >= 2 && (head || heading) {
            end = i;
            break;
        }
        if scores[i] >= PARAGRAPH_WORDS {
            prose += 1;
        }
    }
    // From its first line of text to its last.
    let start = (start..end).find(|&i| scores[i] > 0)?;
    let end = (start..end).rev().find(|&i| scores[i] > 0)? + 1;
    let total: i32 = scores[start..end].iter().sum();
    let paragraphs = scores[start..end]
        .iter()
        .filter(|&&s| s >= PARAGRAPH_WORDS)
        .count();
    (total >= MIN_SCORE && paragraphs >= MIN_PARAGRAPHS).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> (Vec<String>, Vec<Kind>) {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let kind = lines.iter().map(|l| super::super::judge(l)).collect();
        (lines, kind)
    }

    fn stretch(text: &str) -> Option<Vec<String>> {
        let (lines, kind) = lines(text);
        find(&lines, &kind).map(|r| lines[r].to_vec())
    }

    const PARAGRAPH_A: &str = "The two presidents met in Baku on Friday to sign a treaty on the shared use of the Caspian ports.";
    const PARAGRAPH_B: &str = "Officials said the agreement would double the freight carried across the sea within five years.";
    const PARAGRAPH_C: &str = "Trade between the two countries grew by a fifth last year, according to the statistics office.";

    #[test]
    fn the_article_is_the_run_of_prose_between_menus_and_teasers() {
        let text = format!(
            "Home\nPolitics\nEconomy\nSport\n{PARAGRAPH_A}\n{PARAGRAPH_B}\nMore on this\n{PARAGRAPH_C}\nLatest headlines\nTen things about the Caspian you did not know…\n12:41\nPorts are busy again as the season opens…\n09:15\nThe railway is finished at last\n"
        );
        let got = stretch(&text).unwrap();
        assert_eq!(got.first().unwrap(), PARAGRAPH_A);
        assert_eq!(got.last().unwrap(), PARAGRAPH_C);
    }

    #[test]
    fn a_comment_thread_ends_the_article() {
        let text = format!(
            "{PARAGRAPH_A}\n{PARAGRAPH_B}\n{PARAGRAPH_C}\nJane Roe on 3 May 2015 at 12:41 said:\nI do not agree with any of this, the ports have been busy for years and nobody noticed.\nJohn Doe wrote:\nNeither do I, and the railway will never be finished at this rate, mark my words.\n"
        );
        let got = stretch(&text).unwrap();
        assert_eq!(got.len(), 3);
        assert!(is_comment_head("Jane Roe on 3 May 2015 at 12:41 said:"));
        assert!(is_comment_head("Ivan пишет:"));
        assert!(!is_comment_head(PARAGRAPH_A));
        assert!(!is_comment_head(
            "In a wide-ranging interview, President Obama also said:"
        ));
    }

    #[test]
    fn the_heading_of_the_comments_ends_the_article() {
        const D: &str = "The port authority expects the new ferries to carry their first lorries before the summer.";
        let comments = "Gulnara · 3 March 2024 at 12:41\nA long comment about how the ferries were always late and the tickets always too dear for anyone.\nReply\nReport\nSamir · 3 March 2024 at 13:05\nAnother reader agreeing at length that the ferries were late and the tickets were far too dear.\nReply\n";
        for heading in [
            "There are 13 comments",
            "5 Responses",
            "Comments (3)",
            "Leave a Reply",
            "Комментарии (12)",
        ] {
            let text = format!(
                "{PARAGRAPH_A}\n{PARAGRAPH_B}\n{PARAGRAPH_C}\n{D}\nTagged: ports\n{heading}\n{comments}"
            );
            let got = stretch(&text).unwrap();
            assert_eq!(got.last().unwrap(), D, "{heading}");
        }
        // A count of comments the article follows (at its head, or between
        // other stories and it) is no heading of the comments.
        let text = format!(
            "{PARAGRAPH_A}\n{PARAGRAPH_B}\n12 Comments\n1 / 5\n{PARAGRAPH_C}\n{D}\n{PARAGRAPH_A}\n"
        );
        assert_eq!(stretch(&text).unwrap().len(), 7);
        // "Comment" alone is a button or a table's column.
        assert!(!COMMENTS_HEADING.is_match("Comment"));
    }

    #[test]
    fn a_written_list_is_text_however_short_its_items() {
        let items: String = (0..12)
            .map(|i| format!("+ Added block number {i}, which can be crafted from the new stone\n"))
            .collect();
        let text = format!(
            "Minecraft News\nMinecraft 1.8 - The Bountiful Update\n{items}NewerOlder\nOfficial links:\nMinecraft.net\n"
        );
        let got = stretch(&text).unwrap();
        assert_eq!(got.len(), 12);
        assert!(got.iter().all(|l| l.starts_with("+ Added")));
    }

    #[test]
    fn a_numbered_list_inside_the_text_stays_and_one_alone_does_not_count() {
        let text = format!(
            "{PARAGRAPH_A}\n1. Finland\n2. Norway\n3. Australia\n4. Canada\n{PARAGRAPH_B}\n{PARAGRAPH_C}\n"
        );
        assert_eq!(stretch(&text).unwrap().len(), 7);
        let toc = "1. Introduction\n2. The production environment\n3. Embracing risk\n4. Service level objectives\n";
        assert_eq!(stretch(toc), None);
    }

    #[test]
    fn too_little_prose_is_no_stretch() {
        assert_eq!(stretch(&format!("Home\n{PARAGRAPH_A}\nContact\n")), None);
        assert_eq!(stretch("Home\nNews\nSport\n"), None);
    }

    #[test]
    fn a_long_last_line_cut_off_by_the_copy_is_text() {
        let cut = "And the ministers agreed that the next round of talks on the new ferry terminal would be held in";
        let text = format!("Menu\n{PARAGRAPH_A}\n{PARAGRAPH_B}\n{cut}\n");
        assert_eq!(stretch(&text).unwrap().last().unwrap(), cut);
    }
}
