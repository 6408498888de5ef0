//! Dates written out in the text of an article, in English, German,
//! Azerbaijani, Russian, Kazakh (both alphabets) and Turkish: month names
//! with their inflections ("Martın 3-də", "24 Қараша, 2023", "3 марта 2025
//! года", "November 24, 2023") and numeric forms ("11.03.2024", ISO).
//! Never a relative date ("yesterday"), never a year the text did not write.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::PartialDate;
use crate::text::Folded;

/// A date as written: with a year or without one, with a day or without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

impl Mention {
    /// The date, when the text gave at least a year.
    pub fn date(&self) -> Option<PartialDate> {
        match (self.year?, self.day) {
            (y, Some(d)) => PartialDate::ymd(y, self.month, d),
            (y, None) => PartialDate::ym(y, self.month),
        }
    }

    pub fn is_full(&self) -> bool {
        self.year.is_some() && self.day.is_some()
    }

    /// "3 March", for messages about a date without its year.
    pub fn describe(&self) -> String {
        let month = PartialDate::month_name(self.month);
        match (self.day, self.year) {
            (Some(d), Some(y)) => format!("{d} {month} {y}"),
            (Some(d), None) => format!("{d} {month}"),
            (None, Some(y)) => format!("{month} {y}"),
            (None, None) => month.to_string(),
        }
    }
}

/// Month names that are only ever whole words (English and German, and the
/// abbreviations of Russian).
const EXACT: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("januar", 1),
    ("janner", 1),
    ("marz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Turkish abbreviations ("19 Ağu 2023", "15 Şub 2018").
    ("oca", 1),
    ("sub", 2),
    ("nis", 4),
    ("haz", 6),
    ("tem", 7),
    ("agu", 8),
    ("eyl", 9),
    ("eki", 10),
    ("kas", 11),
    ("ara", 12),
    ("мая", 5),
    ("маи", 5),
    ("мае", 5),
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];

/// Stems that take case endings (folded: `қ`→`к`, `ı`→`i`, `ş`→`s`, `ý`→`y`,
/// apostrophes dropped), and how many letters of ending each may carry.
const STEMS: &[(&str, u8, usize)] = &[
    // Russian
    ("январ", 1, 2),
    ("феврал", 2, 2),
    ("март", 3, 2),
    ("апрел", 4, 2),
    ("июн", 6, 2),
    ("июл", 7, 2),
    ("август", 8, 2),
    ("сентябр", 9, 2),
    ("октябр", 10, 2),
    ("ноябр", 11, 2),
    ("декабр", 12, 2),
    // Kazakh, Cyrillic
    ("кантар", 1, 5),
    ("акпан", 2, 5),
    ("наурыз", 3, 5),
    ("сауир", 4, 5),
    ("мамыр", 5, 5),
    ("маусым", 6, 5),
    ("шилде", 7, 5),
    ("тамыз", 8, 5),
    ("кыркуиек", 9, 5),
    ("казан", 10, 5),
    ("караша", 11, 5),
    ("желтоксан", 12, 5),
    // Kazakh, Latin: 2021 (qañtar, säuır, şılde, qyrküiek, qaraşa), 2018
    // (qańtar, sáýir, naýryz, maýsym, shilde, qyrkúiek, qarasha), 2017
    // (qan'tar, sa'ui'r, s'i'lde, qyrku'iek, qaras'a) and the transliterations
    // of the press (nawryz, sawir, mawsym, qyrkuyek, zheltoqsan).
    ("qantar", 1, 5),
    ("aqpan", 2, 5),
    ("nauryz", 3, 5),
    ("nayryz", 3, 5),
    ("nawryz", 3, 5),
    ("sauir", 4, 5),
    ("sayir", 4, 5),
    ("sawir", 4, 5),
    ("mamyr", 5, 5),
    ("mausym", 6, 5),
    ("maysym", 6, 5),
    ("mawsym", 6, 5),
    ("silde", 7, 5),
    ("shilde", 7, 5),
    ("tamyz", 8, 5),
    ("qyrkuiek", 9, 5),
    ("qyrkyiek", 9, 5),
    ("qyrkuyek", 9, 5),
    ("qazan", 10, 5),
    ("qarasa", 11, 5),
    ("qarasha", 11, 5),
    ("jeltoqsan", 12, 5),
    ("zheltoqsan", 12, 5),
    // Azerbaijani
    ("yanvar", 1, 5),
    ("fevral", 2, 5),
    ("mart", 3, 5),
    ("aprel", 4, 5),
    ("may", 5, 5),
    ("iyun", 6, 5),
    ("iyul", 7, 5),
    ("avqust", 8, 5),
    ("sentyabr", 9, 5),
    ("oktyabr", 10, 5),
    ("noyabr", 11, 5),
    ("dekabr", 12, 5),
    // Turkish
    ("ocak", 1, 5),
    ("subat", 2, 5),
    ("nisan", 4, 5),
    ("mayis", 5, 5),
    ("haziran", 6, 5),
    ("temmuz", 7, 5),
    ("agustos", 8, 5),
    ("eylul", 9, 5),
    ("ekim", 10, 5),
    ("kasim", 11, 5),
    ("aralik", 12, 5),
];

/// The month a folded word names, if it names one. Apostrophes inside the
/// word (Kazakh Latin of 2017, Turkish case endings: "Mart'ta") are dropped.
pub fn month_of(word: &str) -> Option<u8> {
    if word.contains(['\'', '’']) {
        let joined: String = word.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
        return month_of(&joined);
    }
    // Most words start with none of the names' first three letters.
    if PREFIXES.binary_search(&prefix(word)?).is_err() {
        return None;
    }
    if let Some(&(_, m)) = EXACT.iter().find(|(w, _)| *w == word) {
        return Some(m);
    }
    STEMS
        .iter()
        .filter(|(stem, _, max)| {
            word.strip_prefix(stem)
                .is_some_and(|rest| rest.chars().count() <= *max)
        })
        .max_by_key(|(stem, _, _)| stem.len())
        .map(|&(_, m, _)| m)
}

/// The first three letters of a word, if it has three.
fn prefix(word: &str) -> Option<[char; 3]> {
    let mut chars = word.chars();
    Some([chars.next()?, chars.next()?, chars.next()?])
}

/// The first three letters of every name and stem, sorted: a word that
/// starts otherwise names no month.
static PREFIXES: LazyLock<Vec<[char; 3]>> = LazyLock::new(|| {
    let mut all: Vec<[char; 3]> = EXACT
        .iter()
        .map(|&(w, _)| w)
        .chain(STEMS.iter().map(|&(w, _, _)| w))
        .filter_map(prefix)
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});

/// A month's name, with the apostrophes of Kazakh Latin (2017) and of
/// Turkish case endings inside it.
const MONTH: &str = r"(?P<m>\p{L}+(?:['’]\p{L}+)*)";
/// A day, or the first day of a range ("24–26", "12.–14."), with its
/// ordinal or case ending ("24th", "3-də", "5'inde").
const DAY: &str = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?(?:\s*[-–—]\s*[0-3]?\d(?:st|nd|rd|th|\.)?)?(?:-?\p{L}{1,4}|['’]\p{L}{1,5})?";
/// A year with its case ending ("2024-cü", "2018'de") and the word for
/// "year" that may follow ("года", "жылғы", "jylğy", "ildə", "yılında").
const YEAR: &str = r"(?P<y>(?:19|20)\d\d)(?:-?\p{L}{1,4}|['’]\p{L}{1,5})?(?:\s*(?:il|ilin|ilde|yil|yili|yilinda|yilinin|года|году|годом|год|г\.|гг\.|жылгы|жылы|жыл|ж\.|jylgy|jylghy|jyly|jyl|j\.|year))?";
/// "Of the month" between a month's name and its day: "dekabr ayının
/// 25-də", "Aralık ayının 25'inde", "желтоқсан айының 25-і" (folded).
const OF_MONTH: &str = r"(?:ayinin|ayin|аиынын|аиыныц|aiynyn)";
/// What must follow a date: not a letter or a digit. (Unicode `\b` would
/// send Cyrillic text down the regex crate's slowest path; the boundary
/// before a date is checked in code.)
const END: &str = r"(?:[^\p{L}\p{N}]|$)";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    Full,
    MonthYear,
    DayMonth,
}

struct Pattern {
    regex: Regex,
    shape: Shape,
    /// Whether it needs a month's name (the slow patterns).
    named: bool,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |core: String, shape| Pattern {
        named: core.contains("(?P<m>"),
        regex: Regex::new(&format!("(?P<x>{core}){END}")).expect("date pattern"),
        shape,
    };
    vec![
        // "24 September – 2 October 2024": the first day, the year of the last.
        p(
            format!(
                r"{DAY}\s*{MONTH}\.?\s*[-–—]\s*[0-3]?\d\.?\s*(?P<m2>\p{{L}}+)\.?,?\s+{YEAR}"
            ),
            Shape::Full,
        ),
        p(
            format!(r"{DAY}\s*(?:of\s+)?{MONTH}\.?(?:\s*,)?\s+{YEAR}"),
            Shape::Full,
        ),
        p(format!(r"{MONTH}\.?\s+{DAY},?\s+{YEAR}"), Shape::Full),
        p(format!(r"{YEAR}\s+{MONTH}(?:\s+{OF_MONTH})?\s+{DAY}"), Shape::Full),
        p(format!(r"{YEAR}\s+{DAY}\s+{MONTH}"), Shape::Full),
        p(
            r"(?P<d>[0-3]?\d)\.(?P<n>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?:['’]\p{L}{1,5}|-?\p{L}{1,4})?"
                .into(),
            Shape::Full,
        ),
        p(
            r"(?P<y>(?:19|20)\d\d)-(?P<n>[01]\d)-(?P<d>[0-3]\d)".into(),
            Shape::Full,
        ),
        p(format!(r"{MONTH}\s+{YEAR}"), Shape::MonthYear),
        p(format!(r"{YEAR}\s+{MONTH}"), Shape::MonthYear),
        p(format!(r"{DAY}\s*{MONTH}"), Shape::DayMonth),
        // "June10-11": a day glued to its month, as copies sometimes have it.
        p(format!(r"{MONTH}(?:\s+{OF_MONTH}\s+|\s*){DAY}"), Shape::DayMonth),
    ]
});

/// Whether the character before byte `i` of `s` ends a word.
fn after_word(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(crate::text::is_word_char)
}

/// Every date written in `text`, in order, none overlapping another. Where
/// two readings overlap, the full date wins over a partial one.
pub fn find(text: &str) -> Vec<Mention> {
    // Every form has a number in it.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let text_end = folded.text.len();
    // The patterns with a month's name are the slow ones; they read only
    // the words around a month's name.
    let near_months = month_windows(&folded.text);
    let year_written = has_year(text);
    let mut found: Vec<(Shape, Mention)> = Vec::new();
    for pattern in PATTERNS.iter() {
        if pattern.shape != Shape::DayMonth && !year_written {
            continue;
        }
        let whole_text = [(0, text_end)];
        let windows: &[(usize, usize)] = if pattern.named {
            &near_months
        } else {
            &whole_text
        };
        for &(from, to) in windows {
            scan(&folded, pattern, from, to, &mut found);
        }
    }
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1.end - b.1.start).cmp(&(a.1.end - a.1.start)))
            .then(a.1.start.cmp(&b.1.start))
    });
    let mut taken: Vec<Mention> = Vec::new();
    for (_, m) in found {
        if taken.iter().all(|t| m.end <= t.start || m.start >= t.end) {
            taken.push(m);
        }
    }
    taken.sort_by_key(|m| m.start);
    taken
}

/// Whether `text` has four digits that may be a year (1900 to 2099), as
/// every date with a year has.
fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit())
}

/// How many words before and after a month's name a date may take: "24 –
/// 26 September – 2 October 2024 yılında" has five on either side.
const DATE_WORDS: usize = 8;

/// The stretches of `folded` (byte ranges, merged where they meet) that
/// hold [`DATE_WORDS`] words (split at spaces) either side of each word
/// that names a month, or that has an apostrophe in it ("qan'tar",
/// "Mart'ta").
fn month_windows(folded: &str) -> Vec<(usize, usize)> {
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push((s, folded.len()));
    }
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut last_token = None;
    for (j, &(a, b)) in tokens.iter().enumerate() {
        let token = &folded[a..b];
        let names_month = token.contains(['\'', '’'])
            || crate::text::word_spans(token).any(|(x, y)| {
                // "june10": a day glued to its month.
                month_of(token[x..y].trim_end_matches(|c: char| c.is_ascii_digit())).is_some()
            });
        if !names_month {
            continue;
        }
        let first = j.saturating_sub(DATE_WORDS);
        let last = (j + DATE_WORDS).min(tokens.len() - 1);
        match (windows.last_mut(), last_token) {
            (Some(w), Some(l)) if first <= l + 1 => w.1 = tokens[last].1,
            _ => windows.push((tokens[first].0, tokens[last].1)),
        }
        last_token = Some(last);
    }
    windows
}

/// Every date `pattern` finds in `folded` from byte `from` to `to`, which
/// is the end of the text or the start of a space.
fn scan(
    folded: &Folded,
    pattern: &Pattern,
    from: usize,
    to: usize,
    found: &mut Vec<(Shape, Mention)>,
) {
    let text = &folded.text[..to];
    let mut at = from;
    while at < text.len() {
        let Some(caps) = pattern.regex.captures_at(text, at) else {
            break;
        };
        let whole = caps.name("x").expect("group x");
        let month = match (caps.name("m"), caps.name("n")) {
            (Some(m), _) => month_of(m.as_str()),
            (None, Some(n)) => n.as_str().parse().ok().filter(|n| (1..=12).contains(n)),
            _ => None,
        };
        let second_month_ok = caps
            .name("m2")
            .is_none_or(|m| month_of(m.as_str()).is_some());
        let year = caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let day = caps.name("d").and_then(|d| d.as_str().parse::<u8>().ok());
        let valid = second_month_ok
            && !after_word(&folded.text, whole.start())
            && match (month, pattern.shape) {
                (Some(m), Shape::Full) => year
                    .zip(day)
                    .is_some_and(|(y, d)| PartialDate::ymd(y, m, d).is_some()),
                (Some(m), Shape::MonthYear) => year.and_then(|y| PartialDate::ym(y, m)).is_some(),
                (Some(m), Shape::DayMonth) => {
                    day.is_some_and(|d| PartialDate::ymd(2000, m, d).is_some())
                }
                (None, _) => false,
            };
        if valid {
            found.push((
                pattern.shape,
                Mention {
                    year,
                    month: month.unwrap_or(1),
                    day: if pattern.shape == Shape::MonthYear {
                        None
                    } else {
                        day
                    },
                    start: folded.original(whole.start()),
                    end: folded.original(whole.end()),
                },
            ));
            at = whole.end();
        } else {
            at = next_char(text, whole.start());
        }
    }
}

fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8())
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[+-]?(?-u:\b)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?-u:\b)(?i:\s*[ap]\.?m\.?)?")
        .expect("time pattern")
});

/// Words a dateline may carry besides its date and time: zones, "o'clock".
#[rustfmt::skip]
const DATELINE_WORDS: &[&str] = &[
    "utc", "gmt", "msk", "cet", "cest", "azt", "almt", "est", "edt", "pst", "pdt", "bst",
    "uhr", "saat", "ч", "г", "am", "pm",
];

/// Whether a line is a dateline: a date (and perhaps a time, a zone, a
/// weekday, a label such as "Published:" or "Stand:") and little else.
/// Returns the first date.
pub fn dateline(line: &str) -> Option<Mention> {
    dateline_dates(line).map(|dates| dates[0].0)
}

/// The dates of a dateline with a year, each with what its label says of
/// it, or `None` when the line is not a dateline. A line whose date is
/// labelled ("Published: …") may carry a byline too: "Nurbek Sarsenov |
/// 15.03.2024 11:42 Güncelleme: 15.03.2024 12:05".
pub fn dateline_dates(line: &str) -> Option<Vec<(Mention, Label)>> {
    // Two dates with their times and labels take up to about twenty words.
    if !crate::text::words_at_most(line, 24) || !has_year(line) {
        return None;
    }
    let mentions = find(line);
    if !mentions.iter().any(|m| m.year.is_some()) {
        return None;
    }
    let mut dates = Vec::new();
    let mut previous_end = 0;
    for m in &mentions {
        if m.year.is_some() {
            dates.push((*m, label_before(line, m.start, previous_end)));
        }
        previous_end = m.end;
    }
    let mut rest = line.to_string();
    for m in mentions.iter().rev() {
        rest.replace_range(m.start..m.end, " ");
    }
    let rest = TIME.replace_all(&rest, " ");
    let leftover = crate::text::word_spans(&rest)
        .map(|(a, b)| crate::text::fold(&rest[a..b]))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !DATELINE_WORDS.contains(&w.as_str()) && !is_weekday(w))
        .filter(|w| !is_label_word(w))
        .count();
    let labelled = dates.iter().any(|(_, l)| *l != Label::None);
    let leftover = leftover.saturating_sub(byline_words(line));
    (leftover <= 3 || labelled && leftover <= 8).then_some(dates)
}

/// Words that open a byline ("by Laura June Topolsky July 10, 2015"), folded.
const BYLINE: &[&str] = &["by", "von", "автор", "author"];

/// How many words a byline opening `line` takes ("by" and up to four
/// capitalised words of the name before the first date), or 0: the author's
/// name beside a date does not make the line any less a dateline.
pub fn byline_words(line: &str) -> usize {
    let until = find(line).first().map_or(line.len(), |m| m.start);
    let head = &line[..until];
    let words: Vec<&str> = crate::text::word_spans(head)
        .map(|(a, b)| &head[a..b])
        .collect();
    let Some((first, name)) = words.split_first() else {
        return 0;
    };
    let named = !name.is_empty()
        && name.len() <= 4
        && name
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if BYLINE.contains(&crate::text::fold(first).trim_end_matches(':')) && named {
        words.len()
    } else {
        0
    }
}

/// Whether a line gives a time of day ("14:35", "10:00 PM").
pub fn has_time(line: &str) -> bool {
    TIME.is_match(line)
}

/// Weekdays, folded, in the six languages (Kazakh in both alphabets):
/// the mark of the date a site prints in its header, which is today's.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота",
    "субботу", "воскресенье",
    "дуисенби", "сеисенби", "сарсенби", "беисенби", "жума", "сенби", "жексенби",
    "duisenbi", "seisenbi", "sarsenbi", "beisenbi", "juma", "senbi", "jeksenbi", "duysenbi",
    "seysenbi", "beysenbi",
    "ertesi", "cersenbe", "axsami", "cume", "senbe", "bazar",
    "pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi", "pazar",
];

/// Whether a folded word names a day of the week.
pub fn is_weekday(folded_word: &str) -> bool {
    WEEKDAYS.contains(&folded_word)
}

/// Whether a line names a day of the week.
pub fn names_weekday(line: &str) -> bool {
    let folded = crate::text::fold(line);
    crate::text::word_spans(&folded).any(|(a, b)| is_weekday(&folded[a..b]))
}

/// What a dateline's label says of its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// No label.
    None,
    /// "Published", "Опубликовано", "Yayımlandı", "Dərc edilib", "Жарияланды".
    Published,
    /// "Updated", "Обновлено", "Güncelleme": the story may be older.
    Updated,
    /// "Last updated", "last edited": a page kept up to date, whose first
    /// publication the line does not give.
    LastEdited,
}

/// Labels, folded, and what they say: the longest that ends before the
/// date wins ("Last updated" over "updated").
#[rustfmt::skip]
const LABELS: &[(&str, Label)] = &[
    ("published", Label::Published), ("first published", Label::Published),
    ("publication date", Label::Published), ("date published", Label::Published),
    ("posted", Label::Published), ("posted on", Label::Published), ("released", Label::Published),
    ("veroffentlicht", Label::Published), ("veroffentlicht am", Label::Published),
    ("erschienen", Label::Published), ("erschienen am", Label::Published),
    ("publiziert", Label::Published), ("erstellt", Label::Published),
    ("опубликовано", Label::Published), ("опубликован", Label::Published),
    ("опубл", Label::Published), ("дата публикации", Label::Published),
    ("размещено", Label::Published),
    ("жарияланды", Label::Published), ("жарияланган", Label::Published),
    ("жариялану уакыты", Label::Published),
    ("jariialandy", Label::Published), ("jarialandy", Label::Published),
    ("jariyalandy", Label::Published), ("jarialangan", Label::Published),
    ("derc edilib", Label::Published), ("derc olunub", Label::Published),
    ("derc edilme tarixi", Label::Published), ("derc olunma tarixi", Label::Published),
    ("yayimlanib", Label::Published), ("yayimlandi", Label::Published),
    ("yayin tarihi", Label::Published), ("yayinlanma tarihi", Label::Published),
    ("olusturulma", Label::Published), ("olusturulma tarihi", Label::Published),
    ("eklenme tarihi", Label::Published), ("giris", Label::Published),
    ("sendung", Label::Published), ("sendung vom", Label::Published), ("broadcast", Label::Published),
    ("эфир", Label::Published),
    ("giris tarihi", Label::Published),
    ("updated", Label::Updated), ("update", Label::Updated), ("aktualisiert", Label::Updated),
    ("aktualisiert am", Label::Updated),
    ("обновлено", Label::Updated), ("обновлен", Label::Updated), ("изменено", Label::Updated),
    ("жанартылды", Label::Updated), ("janartyldy", Label::Updated),
    ("yenilenib", Label::Updated), ("yenilendi", Label::Updated),
    ("guncelleme", Label::Updated), ("guncellendi", Label::Updated),
    ("son guncelleme", Label::Updated), ("guncellenme tarihi", Label::Updated),
    ("last updated", Label::LastEdited), ("last update", Label::LastEdited),
    ("last modified", Label::LastEdited), ("modified", Label::LastEdited),
    ("last edited", Label::LastEdited), ("edited", Label::LastEdited),
    ("last reviewed", Label::LastEdited), ("reviewed", Label::LastEdited),
    ("zuletzt aktualisiert", Label::LastEdited), ("zuletzt geandert", Label::LastEdited),
    ("geandert", Label::LastEdited), ("последнее обновление", Label::LastEdited),
    ("son yenilenme", Label::LastEdited),
];

fn is_label_word(folded_word: &str) -> bool {
    LABELS
        .iter()
        .any(|(label, _)| label.split(' ').any(|w| w == folded_word))
}

/// What the words just before `start` in `line` say of the date there:
/// "Published: 12 June 2024", "Обновлено 21 ноября 2024", "Giriş: 06
/// Temmuz 2024". Only the words since the previous date count, so that in
/// "15.03.2024 Güncelleme: 16.03.2024" the first date has no label.
pub fn label_before(line: &str, start: usize, previous_end: usize) -> Label {
    let folded = crate::text::fold(&line[previous_end.min(start)..start]);
    let words: Vec<&str> = crate::text::word_spans(&folded)
        .map(|(a, b)| &folded[a..b])
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !is_weekday(w))
        .filter(|w| !["on", "am", "at", "um", "в", "от", "by"].contains(w))
        .collect();
    // The label is the last words before the date, at most five of them.
    let mut best = (0, Label::None);
    for n in 1..=words.len().min(6) {
        let tail = words[words.len() - n..].join(" ");
        if let Some(&(_, label)) = LABELS.iter().find(|(l, _)| *l == tail) {
            best = (n, label);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Vec<String> {
        find(text)
            .iter()
            .map(|m| match m.date() {
                Some(d) => d.iso(),
                None => format!("--{:02}-{:02}", m.month, m.day.unwrap_or(0)),
            })
            .collect()
    }

    #[test]
    fn reads_dates_in_six_languages() {
        assert_eq!(iso("# 24 November 2023 15:50 (UTC +04:00)"), ["2023-11-24"]);
        assert_eq!(iso("on March 11, 2024. During"), ["2024-03-11"]);
        assert_eq!(iso("am 3. Juli 2023 in Baku"), ["2023-07-03"]);
        assert_eq!(iso("Am 24. März 2023"), ["2023-03-24"]);
        assert_eq!(iso("24 Қараша, 2023"), ["2023-11-24"]);
        assert_eq!(iso("2023 жылғы 24 қарашада Бакуде"), ["2023-11-24"]);
        assert_eq!(iso("3 марта 2025 года в Баку"), ["2025-03-03"]);
        assert_eq!(iso("2024-cü il iyunun 12-də Bakıda"), ["2024-06-12"]);
        assert_eq!(iso("15 Mart 2024 Cuma"), ["2024-03-15"]);
        assert_eq!(iso("12 säuır 2024 j."), ["2024-04-12"]);
        assert_eq!(iso("11.03.2024 11:42"), ["2024-03-11"]);
        assert_eq!(iso("2024-03-11"), ["2024-03-11"]);
    }

    #[test]
    fn reads_a_day_glued_to_its_month_and_a_byline_beside_a_date() {
        assert_eq!(iso("on June10-11, in 1997"), ["--06-10"]);
        assert_eq!(byline_words("by Laura June Topolsky July 10, 2015"), 4);
        assert!(dateline("by Laura June Topolsky July 10, 2015").is_some());
        assert_eq!(byline_words("by the end of July 10, 2015"), 0);
        assert!(
            dateline("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC").is_some()
        );
    }

    #[test]
    fn reads_kazakh_months_in_every_latin_alphabet() {
        // 2021 and the press's own spelling.
        for (text, want) in [
            ("5 qañtar 2024", "2024-01-05"),
            ("5 aqpan 2024", "2024-02-05"),
            ("5 nauryz 2024", "2024-03-05"),
            ("5 säuır 2024", "2024-04-05"),
            ("5 mamyr 2024", "2024-05-05"),
            ("5 mausym 2024", "2024-06-05"),
            ("5 şılde 2024", "2024-07-05"),
            ("5 tamyz 2024", "2024-08-05"),
            ("5 qyrküiek 2024", "2024-09-05"),
            ("5 qazan 2024", "2024-10-05"),
            ("5 qaraşa 2024", "2024-11-05"),
            ("5 jeltoqsan 2024", "2024-12-05"),
            // 2018, with acute accents.
            ("5 qańtar 2019", "2019-01-05"),
            ("5 naýryz 2019", "2019-03-05"),
            ("5 sáýir 2019", "2019-04-05"),
            ("5 maýsym 2019", "2019-06-05"),
            ("5 shilde 2019", "2019-07-05"),
            ("5 qyrkúiek 2019", "2019-09-05"),
            ("5 qarasha 2019", "2019-11-05"),
            // 2017, with apostrophes.
            ("5 qan'tar 2018", "2018-01-05"),
            ("5 sa'ui'r 2018", "2018-04-05"),
            ("5 s'i'lde 2018", "2018-07-05"),
            ("5 qyrku'iek 2018", "2018-09-05"),
            ("5 qaras'a 2018", "2018-11-05"),
            // Year first, with the word for "year".
            ("2024 jylğy 12 säuırde", "2024-04-12"),
            ("2024 jylghy 12 sauirde", "2024-04-12"),
            ("2024 j. 12 qazanda", "2024-10-12"),
        ] {
            assert_eq!(iso(text), [want], "{text}");
        }
    }

    #[test]
    fn a_range_gives_its_first_day() {
        assert_eq!(iso("from 24–26 September 2024 in Baku"), ["2024-09-24"]);
        assert_eq!(iso("September 24-26, 2024"), ["2024-09-24"]);
        assert_eq!(iso("12–14 säuır"), ["--04-12"]);
        assert_eq!(iso("24–26 сентября 2024 года"), ["2024-09-24"]);
        assert_eq!(iso("vom 12.–14. März 2024"), ["2024-03-12"]);
        assert_eq!(iso("24 September – 2 October 2024"), ["2024-09-24"]);
        assert_eq!(iso("2024-cü il sentyabrın 24-26-da"), ["2024-09-24"]);
        assert_eq!(iso("2024-cü il dekabr ayının 25-də"), ["2024-12-25"]);
        assert_eq!(iso("1997-ci il iyun ayının 10-11-də"), ["1997-06-10"]);
        assert_eq!(iso("2024 жылғы 12–14 сәуірде"), ["2024-04-12"]);
    }

    #[test]
    fn the_case_ending_is_part_of_the_date() {
        let text = "arasında 12 Ağustos 2018'de Aktau'da imzalanan";
        let m = find(text)[0];
        assert_eq!(&text[m.start..m.end], "12 Ağustos 2018'de");
        let text = "15 Mart'ta Bakü'de";
        let m = find(text)[0];
        assert_eq!(&text[m.start..m.end], "15 Mart'ta");
        let text = "24 ноября 2023 года в Баку";
        let m = find(text)[0];
        assert_eq!(&text[m.start..m.end], "24 ноября 2023 года");
        let text = "2023 жылғы 24 қарашада Бакуде";
        let m = find(text)[0];
        assert_eq!(&text[m.start..m.end], "2023 жылғы 24 қарашада");
        let text = "в 2024 годах";
        assert!(find(text).is_empty());
    }

    #[test]
    fn reads_russian_abbreviations_and_am_pm_times() {
        assert_eq!(iso("5 янв. 2024"), ["2024-01-05"]);
        assert_eq!(iso("19 Ağu 2023 09:15"), ["2023-08-19"]);
        assert_eq!(iso("3 Dekabr , 2014 12:32"), ["2014-12-03"]);
        assert_eq!(iso("12 сент. 2023 г."), ["2023-09-12"]);
        let line = "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC";
        assert_eq!(
            dateline(line).and_then(|m| m.date()).unwrap().iso(),
            "2024-12-06"
        );
    }

    #[test]
    fn labels_say_what_a_dateline_dates() {
        let label = |line: &str| {
            let m = find(line)[0];
            label_before(line, m.start, 0)
        };
        assert_eq!(label("Published: 12 June 2024 | 09:30"), Label::Published);
        assert_eq!(
            label("Опубликовано: 21 ноября 2024, 15:40"),
            Label::Published
        );
        assert_eq!(label("Yayımlandı 06.07.2024"), Label::Published);
        assert_eq!(label("Dərc edilib: 12.06.2024"), Label::Published);
        assert_eq!(label("Жарияланды: 17.05.2024 10:15"), Label::Published);
        assert_eq!(label("Giriş: 06 Temmuz 2024, 13:25"), Label::Published);
        assert_eq!(label("Обновлено 21 ноября 2024, 16:02"), Label::Updated);
        // "Stand" dates the page as it stands: the German sites' own date line.
        assert_eq!(label("Stand: 14.09.2023 16:45 Uhr"), Label::None);
        assert_eq!(label("Last Updated: January 7, 2025"), Label::LastEdited);
        assert_eq!(
            label("This page was last edited on 26 September 2019, at 10:21"),
            Label::LastEdited
        );
        assert_eq!(label("21 ноября 2024, 15:40"), Label::None);
        let line = "15.03.2024 11:42 Güncelleme: 16.03.2024 12:05";
        let ms = find(line);
        assert_eq!(label_before(line, ms[0].start, 0), Label::None);
        assert_eq!(label_before(line, ms[1].start, ms[0].end), Label::Updated);
    }

    #[test]
    fn weekdays_mark_a_header_date() {
        assert!(names_weekday("Жұма, 5 желтоқсан 2025"));
        assert!(names_weekday("Friday 25 December 2015"));
        assert!(names_weekday("Cümə, 5 dekabr 2025"));
        assert!(names_weekday("5 Aralık 2025 Cuma"));
        assert!(!names_weekday("5 желтоқсан 2025, 14:35"));
        assert!(dateline("Жұма, 5 желтоқсан 2025").is_some());
    }

    #[test]
    fn a_day_and_month_without_a_year_stay_without_one() {
        assert_eq!(iso("Martın 3-də Azərbaycan Baş naziri"), ["--03-03"]);
        assert_eq!(iso("on 14 June the ministers"), ["--06-14"]);
        assert_eq!(find("Martın 3-də")[0].date(), None);
    }

    #[test]
    fn month_and_year_are_kept_as_far_as_known() {
        assert_eq!(iso("im April 2023 besuchte"), ["2023-04"]);
        assert_eq!(iso("в марте 2025 года"), ["2025-03"]);
    }

    #[test]
    fn a_date_with_a_year_needs_four_digits_of_one() {
        assert!(has_year("3 March 2024"));
        assert!(has_year("11.03.1998"));
        assert!(!has_year("12:41, 34 comments, 2.1K views, № 5"));
        assert!(!has_year("2 018"));
        assert!(
            find("12:41 March 3, 34 comments")
                .iter()
                .all(|m| m.year.is_none())
        );
        assert_eq!(dateline("12:41 | 34 comments"), None);
    }

    #[test]
    fn every_name_and_stem_names_its_month() {
        for &(word, month) in EXACT {
            assert_eq!(month_of(word), Some(month), "{word}");
        }
        for &(stem, month, _) in STEMS {
            assert_eq!(month_of(stem), Some(month), "{stem}");
        }
        assert_eq!(month_of("ma"), None);
        assert_eq!(month_of("table"), None);
    }

    #[test]
    fn words_that_only_look_like_months_are_not_dates() {
        assert!(
            find("Kasım-Jomart Tokayev 2023").is_empty(),
            "{:?}",
            find("Kasım-Jomart Tokayev 2023")
        );
        assert!(
            find("the parties may cooperate in 2022-2026").is_empty(),
            "{:?}",
            find("the parties may cooperate in 2022-2026")
        );
        assert!(find("the parties may cooperate in 2022-2026").is_empty());
        assert!(find("Qazan city hosted 3 delegations").is_empty());
        assert!(!find("31 February 2024").iter().any(Mention::is_full));
    }

    #[test]
    fn recognises_datelines_and_not_sentences() {
        for line in [
            "# 24 November 2023 15:50 (UTC +04:00)",
            "Stand: 03.07.2023 16:45 Uhr",
            "15.03.2024 11:42 Güncelleme: 15.03.2024 12:05",
            "Published: 12 June 2024 | 09:30",
            "17 мая 2024, 14:20",
            "2024 жылғы 17 мамыр",
        ] {
            assert!(dateline(line).is_some(), "{line}");
        }
        assert!(dateline("The Joint Statement was signed in Astana on April 10, 2023.").is_none());
        assert_eq!(
            dateline("15.03.2024 11:42 Güncelleme: 16.03.2024 12:05")
                .unwrap()
                .day,
            Some(15)
        );
    }
}
