//! Dated events an article mentions ("the Treaty on strategic partnership
//! dated May 24, 2005"), for the chronology: each full date with a short
//! phrase saying what happened then.

use std::sync::LazyLock;

use super::dates;
use crate::date::PartialDate;
use crate::frontmatter::Event;
use crate::lexicon::Lexicon;
use crate::text::{cut_at_word, fold, word_spans};

/// Nouns that name what happens on a date: documents, meetings, visits.
const ANCHORS: &[&str] = &[
    // English
    "treaty",
    "agreement",
    "declaration",
    "statement",
    "protocol",
    "memorandum",
    "convention",
    "programme",
    "program",
    "roadmap",
    "road map",
    "meeting",
    "summit",
    "visit",
    "talks",
    "forum",
    "council",
    "conference",
    "session",
    "election",
    "opening",
    "launch",
    "ceremony",
    "signing",
    "accord",
    "charter",
    "contract",
    "festival",
    "games",
    // German
    "vertrag",
    "abkommen",
    "erklarung",
    "protokoll",
    "treffen",
    "gipfel",
    "besuch",
    "sitzung",
    "konferenz",
    "vereinbarung",
    "wahl",
    "eroffnung",
    "festival",
    // Russian
    "договор",
    "соглашение",
    "декларация",
    "заявление",
    "протокол",
    "меморандум",
    "встреча",
    "саммит",
    "визит",
    "переговоры",
    "форум",
    "заседание",
    "конференция",
    "выборы",
    "открытие",
    "программа",
    // Azerbaijani
    "muqavile",
    "sazis",
    "beyanname",
    "beyanat",
    "protokol",
    "gorus",
    "sammit",
    "sefer",
    "danisiq",
    "iclas",
    "konfrans",
    "secki",
    "proqram",
    // Turkish
    "antlasma",
    "anlasma",
    "bildiri",
    "deklarasyon",
    "mutabakat",
    "gorusme",
    "zirve",
    "ziyaret",
    "toplanti",
    "konferans",
    "secim",
    // Kazakh
    "келисим",
    "шарт",
    "малимдеме",
    "хаттама",
    "кездесу",
    "сапар",
    "келиссоз",
    "отырыс",
    "сайлау",
];

/// Words that end a noun phrase going backwards (articles, prepositions, pronouns).
const STOP: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "to",
    "of", "in", "on", "at", "for", "with", "by", "and", "or", "from", "was", "were", "is", "are",
    "has", "have", "had", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
    "einem", "einer", "zum", "zur", "im", "am", "vom", "und", "mit", "bei", "auf", "на", "в", "во",
    "о", "об", "с", "со", "и", "по", "к", "от", "для", "а", "что", "ve", "ile", "и", "бен", "мен",
    "жане",
];

/// Words left dangling before a date ("on", "dated", "am", "от").
const CONNECTIVES: &[&str] = &[
    "on",
    "dated",
    "of",
    "in",
    "from",
    "since",
    "at",
    "as",
    "am",
    "vom",
    "im",
    "seit",
    "от",
    "в",
    "на",
    "с",
    "tarixli",
    "tarihli",
    "tarihinde",
    "the",
];

/// Where a phrase stops going forwards.
const CUTS: &[&str] = &[
    " between ",
    " zwischen ",
    " между ",
    " which ",
    " that ",
    " welche",
    " который",
    " которое",
    " которая",
    " dated ",
];

static ANCHOR_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(ANCHORS.iter().map(|a| (0, *a))));

/// Languages whose noun phrases end in the noun (the modifiers come first).
fn head_final(lang: &str) -> bool {
    matches!(lang, "az" | "tr" | "kk" | "uz" | "tk" | "ky" | "ja" | "ko")
}

/// Every fully dated event in the paragraphs, once per date, oldest first;
/// `except` (the article's own date) is left out.
pub fn extract<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    lang: &str,
    except: Option<PartialDate>,
) -> Vec<Event> {
    let paragraphs: Vec<&str> = paragraphs.into_iter().collect();
    let mentions: Vec<Vec<dates::Mention>> = paragraphs.iter().map(|p| dates::find(p)).collect();
    extract_found(&paragraphs, &mentions, lang, except)
        .into_iter()
        .map(|f| f.event)
        .collect()
}

/// An event and the sentence it was read from.
#[derive(Debug, Clone)]
pub struct Found {
    pub event: Event,
    pub sentence: String,
}

/// [`extract`] with the dates of each paragraph already found, each event
/// with its sentence.
pub fn extract_found(
    paragraphs: &[&str],
    mentions: &[Vec<dates::Mention>],
    lang: &str,
    except: Option<PartialDate>,
) -> Vec<Found> {
    let mut events: Vec<Found> = Vec::new();
    for (paragraph, found) in paragraphs.iter().zip(mentions) {
        for mention in found.iter().filter(|m| m.is_full()) {
            let Some(date) = mention.date().filter(|d| (1900..=2100).contains(&d.year)) else {
                continue;
            };
            if Some(date) == except || events.iter().any(|e| e.event.date == date) {
                continue;
            }
            if let Some(text) = describe(paragraph, mention.start, mention.end, lang) {
                let (a, b) = sentence_bounds(paragraph, mention.start, mention.end);
                events.push(Found {
                    event: Event { date, text },
                    sentence: paragraph[a..b].to_string(),
                });
            }
        }
    }
    events.sort_by_key(|a| a.event.date);
    events
}

/// What happened at the date written at `start..end` of `paragraph`.
fn describe(paragraph: &str, start: usize, end: usize, lang: &str) -> Option<String> {
    let (s_start, s_end) = sentence_bounds(paragraph, start, end);
    let (c_start, c_end) = clause_bounds(paragraph, s_start, s_end, start, end);
    let sentence = &paragraph[s_start..s_end];
    let anchors: Vec<(usize, usize)> = ANCHOR_LEXICON
        .find(sentence)
        .iter()
        .map(|h| (s_start + h.start, s_start + h.end))
        .collect();
    let before = anchors
        .iter()
        .rev()
        .find(|a| a.1 <= start && a.0 >= c_start);
    let after = anchors.iter().find(|a| a.0 >= end);

    let phrase = if head_final(lang) {
        match (after, before) {
            (Some(&(_, a_end)), _) if word_spans(&paragraph[end..a_end]).count() <= 14 => {
                paragraph[end..a_end].to_string()
            }
            (_, Some(&(_, a_end))) => paragraph[c_start..a_end].to_string(),
            _ => without_date(paragraph, c_start, c_end, start, end),
        }
    } else {
        match (before, after) {
            (Some(&(a_start, _)), _) => {
                let mut from = extend_back(paragraph, c_start, a_start);
                // "meeting of the High Council": the first noun governs the second.
                for &(prev_start, prev_end) in anchors
                    .iter()
                    .rev()
                    .filter(|a| a.0 >= c_start && a.1 <= a_start)
                {
                    if prev_end > from {
                        continue;
                    }
                    let gap = fold(paragraph[prev_end..from].trim());
                    if ["of", "of the", "of a", "des", "der", "von"].contains(&gap.as_str()) {
                        from = extend_back(paragraph, c_start, prev_start);
                    } else {
                        break;
                    }
                }
                trim_connectives(&paragraph[from..start])
            }
            (None, Some(&(a_start, _))) => {
                let from = extend_back(paragraph, end, a_start);
                paragraph[from..c_end.max(from)].to_string()
            }
            _ => without_date(paragraph, c_start, c_end, start, end),
        }
    };
    let mut phrase = phrase
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && !"”\")»".contains(c))
        .to_string();
    for cut in CUTS {
        if let Some(i) = phrase.find(cut) {
            phrase.truncate(i);
        }
    }
    let phrase = trim_connectives(phrase.trim());
    if word_spans(&phrase).count() < 1 {
        return None;
    }
    let phrase = if word_spans(&phrase).count() > 14 {
        cut_at_word(&phrase, 100)
    } else {
        phrase
    };
    let mut chars = phrase.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The sentence around a date (the date's own full stops do not end it).
fn sentence_bounds(p: &str, start: usize, end: usize) -> (usize, usize) {
    let is_stop = |s: &str, i: usize| {
        let c = s[i..].chars().next();
        matches!(c, Some('.' | '!' | '?'))
            && s[i + 1..].starts_with(' ')
            && s[i + 2..]
                .chars()
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
    };
    let s_start = (0..start)
        .rev()
        .filter(|&i| p.is_char_boundary(i))
        .find(|&i| is_stop(p, i))
        .map_or(0, |i| i + 2);
    let s_end = (end..p.len())
        .filter(|&i| p.is_char_boundary(i))
        .find(|&i| is_stop(p, i))
        .map_or(p.len(), |i| i + 1);
    (s_start, s_end)
}

/// The clause around a date: between commas, semicolons or dashes, the
/// date's own comma aside.
fn clause_bounds(
    p: &str,
    s_start: usize,
    s_end: usize,
    start: usize,
    end: usize,
) -> (usize, usize) {
    let breaks = [
        ",",
        ";",
        " – ",
        " — ",
        ": ",
        " as well as ",
        " sowie ",
        " а также ",
        " habelə ",
    ];
    let c_start = breaks
        .iter()
        .filter_map(|b| p[s_start..start].rfind(b).map(|i| s_start + i + b.len()))
        .max()
        .unwrap_or(s_start);
    let c_end = breaks
        .iter()
        .filter_map(|b| p[end..s_end].find(b).map(|i| end + i))
        .min()
        .unwrap_or(s_end);
    (c_start, c_end)
}

/// Moves a phrase's start back over up to three modifiers ("first",
/// "ministerial", "Joint"), stopping at articles and prepositions.
fn extend_back(p: &str, limit: usize, anchor_start: usize) -> usize {
    let mut from = anchor_start;
    let words: Vec<(usize, usize)> = word_spans(&p[limit..anchor_start])
        .map(|(a, b)| (limit + a, limit + b))
        .collect();
    for &(a, b) in words.iter().rev().take(3) {
        let gap = &p[b..from];
        if !gap.trim().is_empty() && gap.trim() != "-" {
            break;
        }
        if STOP.contains(&fold(&p[a..b]).as_str()) {
            break;
        }
        from = a;
    }
    from
}

fn trim_connectives(phrase: &str) -> String {
    let mut phrase = phrase
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim()
        .to_string();
    loop {
        let Some((a, b)) = word_spans(&phrase).last() else {
            return phrase;
        };
        if b == phrase.len() && CONNECTIVES.contains(&fold(&phrase[a..b]).as_str()) {
            phrase.truncate(a);
            phrase = phrase
                .trim_end()
                .trim_end_matches([',', ';'])
                .trim_end()
                .to_string();
        } else {
            return phrase;
        }
    }
}

/// The clause without its date, when no event noun is at hand.
fn without_date(p: &str, c_start: usize, c_end: usize, start: usize, end: usize) -> String {
    let text = format!(
        "{} {}",
        trim_connectives(&p[c_start..start]),
        &p[end..c_end]
    );
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    cut_at_word(&text, 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str, lang: &str) -> Vec<String> {
        extract([text], lang, None)
            .iter()
            .map(|e| format!("{}: {}", e.date, e.text))
            .collect()
    }

    #[test]
    fn names_treaties_and_declarations_by_their_titles() {
        let p = "Kazakh Leader reaffirmed their commitment to the Treaty on strategic partnership and allied relations between the Republic of Kazakhstan and the Republic of Azerbaijan dated May 24, 2005, as well as the Declaration on strengthening strategic relations and deepening allied interaction between the Republic of Kazakhstan and Republic of Azerbaijan dated August 24, 2022.";
        assert_eq!(
            events(p, "en"),
            [
                "2005-05-24: Treaty on strategic partnership and allied relations",
                "2022-08-24: Declaration on strengthening strategic relations and deepening allied interaction",
            ]
        );
    }

    #[test]
    fn names_meetings_with_their_modifiers() {
        let p = "In this regard, the Parties highly appreciate the adoption of the road map for the years 2022-2027 at the ministerial meeting on Trans-Caspian interconnection held in Aktau on November 25, 2022. According to this document, more.";
        assert_eq!(
            events(p, "en"),
            ["2022-11-25: Ministerial meeting on Trans-Caspian interconnection held in Aktau"]
        );
        let p = "Kazakhstan's President participated in the first meeting of the High Inter-State Council of Kazakhstan and Azerbaijan on March 11, 2024. During his speech";
        assert_eq!(
            events(p, "en"),
            [
                "2024-03-11: First meeting of the High Inter-State Council of Kazakhstan and Azerbaijan"
            ]
        );
    }

    #[test]
    fn head_final_languages_take_the_words_before_the_noun() {
        let p = "Tərəflər 2005-ci il mayın 24-də imzalanmış strateji tərəfdaşlıq haqqında Müqaviləni xatırladıblar.";
        assert_eq!(
            events(p, "az"),
            ["2005-05-24: Imzalanmış strateji tərəfdaşlıq haqqında Müqaviləni"]
        );
    }

    #[test]
    fn the_articles_own_date_and_repeats_are_left_out() {
        let p = "This Joint Statement was signed in Astana on April 10, 2023. It recalls the summit of 1 May 2020 and again the summit of 1 May 2020.";
        let own = PartialDate::ymd(2023, 4, 10);
        let found: Vec<String> = extract([p], "en", own)
            .iter()
            .map(|e| e.date.iso())
            .collect();
        assert_eq!(found, ["2020-05-01"]);
    }

    #[test]
    fn without_an_event_noun_the_clause_speaks() {
        assert_eq!(
            events(
                "Prices rose sharply on 3 March 2024, the ministry said.",
                "en"
            ),
            ["2024-03-03: Prices rose sharply"]
        );
    }
}
