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

/// Month names that are only ever whole words (English and German).
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
    ("мая", 5),
    ("маи", 5),
    ("мае", 5),
];

/// Stems that take case endings (folded: `қ`→`к`, `ı`→`i`, `ş`→`s`...), and
/// how many letters of ending each may carry.
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
    // Kazakh, Latin
    ("qantar", 1, 5),
    ("aqpan", 2, 5),
    ("nauryz", 3, 5),
    ("sauir", 4, 5),
    ("mamyr", 5, 5),
    ("mausym", 6, 5),
    ("silde", 7, 5),
    ("shilde", 7, 5),
    ("tamyz", 8, 5),
    ("qyrkuiek", 9, 5),
    ("qazan", 10, 5),
    ("qarasa", 11, 5),
    ("qarasha", 11, 5),
    ("jeltoqsan", 12, 5),
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

/// The month a folded word names, if it names one.
pub fn month_of(word: &str) -> Option<u8> {
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

const DAY: &str = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.|-?\p{L}{1,4})?";
const YEAR: &str = r"(?P<y>(?:19|20)\d\d)(?:-?\p{L}{1,4})?(?:\s*(?:il|ilin|ilde|yil|yili|yilinda|года|год|г\.|гг\.|жылгы|жылы|жыл|jylgy|jyly|year)\b)?";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    Full,
    MonthYear,
    DayMonth,
}

struct Pattern {
    regex: Regex,
    shape: Shape,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: String, shape| Pattern {
        regex: Regex::new(&re).expect("date pattern"),
        shape,
    };
    vec![
        p(
            format!(r"\b{DAY}\s*(?:of\s+)?(?P<m>\p{{L}}+)\.?,?\s+{YEAR}"),
            Shape::Full,
        ),
        p(
            format!(r"\b(?P<m>\p{{L}}+)\.?\s+{DAY},?\s+{YEAR}"),
            Shape::Full,
        ),
        p(format!(r"\b{YEAR}\s+(?P<m>\p{{L}}+)\s+{DAY}"), Shape::Full),
        p(format!(r"\b{YEAR}\s+{DAY}\s+(?P<m>\p{{L}}+)"), Shape::Full),
        p(
            r"\b(?P<d>[0-3]?\d)\.(?P<n>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b".into(),
            Shape::Full,
        ),
        p(
            r"\b(?P<y>(?:19|20)\d\d)-(?P<n>[01]\d)-(?P<d>[0-3]\d)\b".into(),
            Shape::Full,
        ),
        p(format!(r"\b(?P<m>\p{{L}}+)\s+{YEAR}"), Shape::MonthYear),
        p(format!(r"\b{YEAR}\s+(?P<m>\p{{L}}+)"), Shape::MonthYear),
        p(format!(r"\b{DAY}\s*(?P<m>\p{{L}}+)"), Shape::DayMonth),
        p(format!(r"\b(?P<m>\p{{L}}+)\s+{DAY}\b"), Shape::DayMonth),
    ]
});

/// Every date written in `text`, in order, none overlapping another. Where
/// two readings overlap, the full date wins over a partial one.
pub fn find(text: &str) -> Vec<Mention> {
    // Every form has a number in it.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let folded = Folded::new(text);
    // The patterns with a month's name are the slow ones; most paragraphs
    // name no month at all.
    let names_a_month =
        crate::text::word_spans(&folded.text).any(|(a, b)| month_of(&folded.text[a..b]).is_some());
    let mut found: Vec<(Shape, Mention)> = Vec::new();
    for pattern in PATTERNS
        .iter()
        .filter(|p| names_a_month || !p.regex.as_str().contains("(?P<m>"))
    {
        let mut at = 0;
        while at < folded.text.len() {
            let Some(caps) = pattern.regex.captures_at(&folded.text, at) else {
                break;
            };
            let whole = caps.get(0).expect("group 0");
            let month = match (caps.name("m"), caps.name("n")) {
                (Some(m), _) => month_of(m.as_str()),
                (None, Some(n)) => n.as_str().parse().ok().filter(|n| (1..=12).contains(n)),
                _ => None,
            };
            let year = caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
            let day = caps.name("d").and_then(|d| d.as_str().parse::<u8>().ok());
            let valid = match (month, pattern.shape) {
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
                at = next_char(&folded.text, whole.start());
            }
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

fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8())
}

static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[+-]?\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b").expect("time pattern"));

/// Whether a line is a dateline: a date (and perhaps a time, a zone, a label
/// such as "Published:" or "Stand:") and little else. Returns the first date.
pub fn dateline(line: &str) -> Option<Mention> {
    let words = crate::text::word_count(line);
    if words > 14 {
        return None;
    }
    let mentions = find(line);
    let first = *mentions.iter().find(|m| m.year.is_some())?;
    let mut rest = line.to_string();
    for m in mentions.iter().rev() {
        rest.replace_range(m.start..m.end, " ");
    }
    let rest = TIME.replace_all(&rest, " ");
    let leftover = crate::text::word_spans(&rest)
        .map(|(a, b)| &rest[a..b])
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| {
            ![
                "utc", "gmt", "msk", "cet", "cest", "azt", "almt", "uhr", "saat", "ч", "г",
            ]
            .contains(&crate::text::fold(w).as_str())
        })
        .count();
    (leftover <= 3).then_some(first)
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
