//! The article's publication date, chosen among the dates the page shows:
//! its datelines, weighed by their label ("Published", "Updated") and by
//! where they stand against the headline, then the dates of its first
//! paragraphs. A date the text gives without a year, later than the day of
//! the ingest, or from the page's furniture is never taken: a missing date
//! is better than a wrong one. Every candidate is kept with the reason it
//! won or lost, for `caspian ingest --explain`.

use crate::date::PartialDate;
use crate::ingest::clean::{Cleaned, Dateline, Place};
use crate::ingest::date_mentions::{Label, Mention};

/// Paragraphs at the head of the text whose dates may be the story's own.
const LEDE: usize = 2;
/// The rank of a wire dateline opening a paragraph ("12.08.2018 - …",
/// "Astana, 5 September 2008, (Khabar) - …"), of a full date in the first
/// paragraphs (datelines rank below both), and of a document's signing line.
const WIRE_RANK: u32 = 50;
const LEDE_RANK: u32 = 100;
const SIGNING_RANK: u32 = 200;
/// The rank of a full date in the headline: after the lede's, before a date
/// line among the text.
const HEADLINE_RANK: u32 = 120;
/// The rank of the page's first date line when it stands among what reads as
/// text (the headline not found next to it): after the lede's own dates.
const IN_TEXT_RANK: u32 = 150;
/// Paragraphs in which a wire dateline may open one.
const WIRE_PARAGRAPHS: usize = 6;

/// The date ingest writes, why, and what else it weighed.
#[derive(Debug, Clone, Default)]
pub struct DateChoice {
    pub date: Option<PartialDate>,
    /// Whether the date is that of an event the story tells in its first
    /// paragraphs (then also one of its events), not the page's or the
    /// document's own.
    pub is_event: bool,
    pub warning: Option<String>,
    /// Every date considered, the chosen one first, then the others by rank.
    pub candidates: Vec<Candidate>,
}

/// A date the page shows, and what ingest made of it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// As written: "22 января 2024".
    pub written: String,
    /// `None` for a day and month without a year.
    pub date: Option<PartialDate>,
    /// The line or sentence it stands in.
    pub context: String,
    /// Where it stands: "dateline 1 line below the headline".
    pub place: String,
    /// Lower is better; `None` when it cannot be the publication date.
    pub rank: Option<u32>,
    /// Why it ranks so, or why it was refused.
    pub why: String,
    pub chosen: bool,
}

/// Chooses the article's date. `mentions` are the dates of each paragraph
/// (as [`crate::ingest::date_mentions::find`] gives them).
pub fn choose(
    cleaned: &Cleaned,
    paragraphs: &[&str],
    mentions: &[Vec<Mention>],
    today: PartialDate,
) -> DateChoice {
    let believable = |d: &PartialDate| d.year >= 1995 && *d <= today;
    let mut candidates = Vec::new();
    // The page's first date line that is not its header's.
    let first = cleaned
        .datelines
        .iter()
        .position(|d| d.place != Place::AfterText && !d.is_header());
    for (n, dl) in cleaned.datelines.iter().enumerate() {
        for (k, &(m, label)) in dl.dates.iter().enumerate() {
            let Some(date) = m.date() else { continue };
            let own = first == Some(n) && k == 0;
            let (rank, why) = dateline_rank(dl, label, own, &date, believable(&date), today);
            candidates.push(Candidate {
                written: dl.line[m.start..m.end].to_string(),
                date: Some(date),
                context: dl.line.clone(),
                place: format!("dateline {}", describe_place(dl.place, n)),
                rank,
                why,
                chosen: false,
            });
        }
    }
    // A full date in the headline ("Speech at the signing ceremony, 18
    // November 1999") dates the occasion it reports, after the lede's own.
    if let Some(h) = cleaned.headline.as_deref() {
        for m in crate::ingest::date_mentions::find(h) {
            let Some(date) = m.date().filter(|d| m.is_full() && believable(d)) else {
                continue;
            };
            candidates.push(Candidate {
                written: h[m.start..m.end].to_string(),
                date: Some(date),
                context: h.to_string(),
                place: "headline".into(),
                rank: Some(HEADLINE_RANK),
                why: "a full date in the headline: the day of what it reports".into(),
                chosen: false,
            });
        }
    }
    let mut yearless = Vec::new();
    for (i, (p, found)) in paragraphs.iter().zip(mentions).enumerate() {
        for m in found {
            let written = p[m.start..m.end].to_string();
            let context = clip(sentence_around(p, m.start, m.end), 160);
            let place = format!("paragraph {}", i + 1);
            let date = m.date();
            let (rank, why) = match date {
                None if m.day.is_some() => {
                    if i < LEDE {
                        yearless.push((candidates.len(), *m));
                    }
                    (None, "no year: the text does not say which".to_string())
                }
                None => continue,
                Some(d) if !m.is_full() => (
                    None,
                    format!(
                        "{} only: not a day",
                        if d.month.is_some() {
                            "a month"
                        } else {
                            "a year"
                        }
                    ),
                ),
                Some(d) if !believable(&d) => (None, unbelievable(&d, today)),
                Some(_) if i < WIRE_PARAGRAPHS && opens_as_wire(p, m.start, m.end) => (
                    Some(WIRE_RANK),
                    "a wire dateline opening a paragraph (\"date - …\")".to_string(),
                ),
                Some(_) if i + 2 >= paragraphs.len() && is_signing_line(p) => (
                    Some(SIGNING_RANK),
                    "the closing line of a document that says when it was signed".to_string(),
                ),
                Some(_) if i >= LEDE => (
                    None,
                    format!(
                        "past the first {LEDE} paragraphs: a date the story mentions, not its own"
                    ),
                ),
                Some(_) => match why_not_the_story_date(p, m.start) {
                    Some(why) => (None, why.to_string()),
                    None => (
                        Some(LEDE_RANK),
                        "a full date in the first paragraphs: the story's own".to_string(),
                    ),
                },
            };
            candidates.push(Candidate {
                written,
                date,
                context,
                place,
                rank,
                why,
                chosen: false,
            });
        }
    }

    // The best rank wins; among the lede's dates, the latest (an older
    // date there is a reference: "met on 3 July to sign the 2005 treaty").
    let best = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.rank?, c.date?)))
        .min_by(|a, b| {
            a.1.cmp(&b.1)
                .then(if a.1 == LEDE_RANK {
                    b.2.cmp(&a.2)
                } else {
                    std::cmp::Ordering::Equal
                })
                .then(a.0.cmp(&b.0))
        })
        .map(|(i, rank, _)| (i, rank));

    let mut choice = DateChoice::default();
    match best {
        Some((i, rank)) if rank < LEDE_RANK || yearless.is_empty() => {
            candidates[i].chosen = true;
            choice.date = candidates[i].date;
            choice.is_event = rank == LEDE_RANK;
        }
        _ => {
            // A day and month in the lede without a year (the story's own
            // date): the date stays out rather than borrow a year (the same
            // day of another year is often an anniversary's).
            if let Some(&(_, m)) = yearless.first() {
                choice.warning = Some(format!(
                    "the text dates the story \"{}\" but gives no year; add `date: YYYY-{:02}-{:02}` by hand once you know it",
                    m.describe(),
                    m.month,
                    m.day.unwrap_or(1)
                ));
            }
        }
    }
    if choice.date.is_none() && choice.warning.is_none() {
        choice.warning = Some("the text gives no date; add `date:` by hand (YYYY-MM-DD, or YYYY-MM or YYYY where only that much is known)".into());
    }
    candidates.sort_by_key(|c| (!c.chosen, c.rank.is_none(), c.rank));
    choice.candidates = candidates;
    choice
}

/// How a dateline's date ranks, and why; `None` when it is refused.
fn dateline_rank(
    dl: &Dateline,
    label: Label,
    first: bool,
    date: &PartialDate,
    believable: bool,
    today: PartialDate,
) -> (Option<u32>, String) {
    if !believable {
        return (None, unbelievable(date, today));
    }
    if label == Label::LastEdited {
        return (None, "a \"last updated\" or \"last edited\" date: the page's, not the story's first publication".into());
    }
    if dl.place == Place::AfterText && label != Label::Published {
        return (
            None,
            "after the article's text: furniture of the page".into(),
        );
    }
    if dl.place == Place::InText
        && first
        && (dl.time || dl.byline)
        && matches!(label, Label::None | Label::Published)
    {
        // The menus of a copied page may read as text and hide the headline;
        // the page's first date line, with its time ("April 5, 2018 | 6:00
        // PM") or its author ("by … July 10, 2015"), is still the article's.
        return (
            Some(IN_TEXT_RANK),
            "the page's first date line, with a time of day or a byline, though the headline was not found near it".into(),
        );
    }
    if dl.place == Place::InText {
        return (None, "a date line among the paragraphs, away from the headline: a table, a reference or a promotion, not the article's date".into());
    }
    if label == Label::Updated {
        return (
            None,
            "an update: the story may be older, and a missing date is better than a wrong one"
                .into(),
        );
    }
    if dl.is_header() {
        return (None, "names a weekday, gives no time and stands above the headline apart from it: the page's header date (today's), not the article's".into());
    }
    let near = match dl.place {
        Place::Above(d) => d <= 3,
        Place::Below(_) => true,
        Place::InText | Place::AfterText => false,
    };
    let (rank, why) = match (label, near) {
        (Label::Published, _) => (0, "labelled as the publication date"),
        (_, true) => (10, "a date line next to the headline"),
        (_, false) => (30, "a date line above the headline, apart from it"),
    };
    let distance = match dl.place {
        Place::Above(d) | Place::Below(d) => d.min(9) as u32,
        Place::InText | Place::AfterText => 9,
    };
    // A month without a day ranks after any full date of its kind.
    let partial = u32::from(date.day.is_none()) * 5;
    (Some(rank + partial + distance.min(4)), why.to_string())
}

fn unbelievable(date: &PartialDate, today: PartialDate) -> String {
    if date.year < 1995 {
        "before 1995: a date of history, not of the press".into()
    } else {
        format!("later than today ({today}): a plan or a deadline, not a publication")
    }
}

fn describe_place(place: Place, n: usize) -> String {
    let lines = |d: usize| format!("{d} line{}", if d == 1 { "" } else { "s" });
    let what = match place {
        Place::Above(0) => "just above the headline".to_string(),
        Place::Above(d) => format!("above the headline, {} between", lines(d)),
        Place::Below(0) => "just below the headline".to_string(),
        Place::Below(d) => format!("below the headline, {} between", lines(d)),
        Place::InText => "among the paragraphs".to_string(),
        Place::AfterText => "after the text".to_string(),
    };
    format!("{} ({what})", n + 1)
}

/// Why a full date in the first paragraphs is not the story's own: a
/// deadline or a plan ("bis zum", "until"), a reference point ("since"),
/// or the date of an embedded post ("— Name (@handle) October 31, 2021").
fn why_not_the_story_date(paragraph: &str, start: usize) -> Option<&'static str> {
    let before = crate::text::fold(&paragraph[..start]);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric() && c != '@')
        .filter(|w| !w.is_empty())
        .collect();
    let last = |n: usize| words.iter().rev().take(n);
    if last(2).any(|w| DEADLINE.contains(w)) {
        return Some("a deadline or a plan (\"until\", \"by\"), not the story's date");
    }
    if last(2).any(|w| SINCE.contains(w)) {
        return Some("a point the story counts from (\"since\"), not its date");
    }
    if before.contains("(@") {
        return Some("the date of an embedded post, not of the article");
    }
    None
}

/// Whether the date at `start..end` opens `paragraph` as a wire story's
/// dateline does: at its start or after a place ("Astana, "), followed by
/// a dash, perhaps after the agency ("(Khabar) -").
fn opens_as_wire(paragraph: &str, start: usize, end: usize) -> bool {
    let before = paragraph[..start].trim();
    let place = before.is_empty()
        || before.ends_with(',')
            && crate::text::words_at_most(before, 3)
            && before.chars().next().is_some_and(char::is_uppercase);
    let after = paragraph[end..].trim_start_matches([',', ' ']);
    let after = match after.strip_prefix('(') {
        Some(rest) => rest.split_once(')').map_or(after, |(_, r)| r.trim_start()),
        None => after,
    };
    place && after.starts_with(['-', '–', '—'])
}

/// Whether a paragraph is the closing line of a treaty or a statement:
/// short, with a closing formula ("Done at Astana on …", "Совершено в
/// городе Астане …") or a document that names itself signed ("This Joint
/// Statement was signed in Astana on April 10, 2023").
fn is_signing_line(paragraph: &str) -> bool {
    if !crate::text::words_at_most(paragraph, 40) {
        return false;
    }
    let folded = format!(" {} ", crate::text::fold(paragraph));
    let has = |list: &[&str]| list.iter().any(|s| folded.contains(s));
    has(CLOSING) || has(THIS) && has(SIGNED)
}

#[rustfmt::skip]
const CLOSING: &[&str] = &[
    " done at ", " done in ", " совершено в", " geschehen zu ", " geschehen in ", " ausgefertigt ",
];
#[rustfmt::skip]
const THIS: &[&str] = &[
    " this ", " the present ", " настоящ", " данн", " diese", " isbu ", " bu ", " осы ", " bul ",
];
#[rustfmt::skip]
const SIGNED: &[&str] = &[
    " signed", "подписан", "unterzeichnet", "imzalan", "кол коиыл", "qol qoiyl",
];

#[rustfmt::skip]
const DEADLINE: &[&str] = &["bis", "until", "till", "before", "by", "до", "к", "deadline", "ehe", "kadar", "qeder", "деиин"];
#[rustfmt::skip]
const SINCE: &[&str] = &["since", "seit", "с", "со", "начиная", "beri", "бери"];

/// The sentence of `paragraph` around `start..end`.
fn sentence_around(paragraph: &str, start: usize, end: usize) -> &str {
    let from = paragraph[..start]
        .rfind(['.', '!', '?'])
        .filter(|&i| paragraph[i + 1..].starts_with(' '))
        .map_or(0, |i| i + 2);
    let to = paragraph[end..]
        .find(". ")
        .map_or(paragraph.len(), |i| end + i + 1);
    paragraph[from.min(start)..to].trim()
}

fn clip(s: &str, n: usize) -> String {
    crate::text::cut_at_word(s, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{clean, date_mentions};

    fn choose_in(text: &str, today: &str) -> DateChoice {
        let cleaned = clean::clean(&crate::text::normalize(text));
        let paragraphs: Vec<&str> = cleaned.paragraphs().collect();
        let mentions: Vec<Vec<Mention>> =
            paragraphs.iter().map(|p| date_mentions::find(p)).collect();
        choose(
            &cleaned,
            &paragraphs,
            &mentions,
            PartialDate::parse(today).unwrap(),
        )
    }

    fn date_in(text: &str) -> Option<String> {
        choose_in(text, "2026-01-01").date.map(|d| d.iso())
    }

    #[test]
    fn the_header_date_gives_way_to_the_articles_own() {
        let page = "Жұма, 5 желтоқсан 2025\nBaq.kz\nЖаңалықтар\nСаясат\nҚоғам\n\
            Тоқаев пен Әлиев Бакуде кездесті\n03.12.2025 14:35\n\
            Президент Қасым-Жомарт Тоқаев Бакуде Ильхам Әлиевпен кездесті. Тараптар екіжақты ынтымақтастықты талқылады.\n\
            Келіссөздер кең құрамда жалғасты, екі ел үкіметтері бірқатар құжатқа қол қойды.";
        assert_eq!(date_in(page).as_deref(), Some("2025-12-03"));
    }

    #[test]
    fn a_header_date_alone_is_not_the_articles() {
        let page = "Friday 25 December 2015\nMarkets\nCompanies\nOpinion\n\
            Hotel bosses spill the beans on cost cutting\n\
            Hotel managers have described the measures they take to cut costs, in a survey published by an industry group.\n\
            The survey asked more than a hundred managers about their budgets and their staff.";
        let choice = choose_in(page, "2026-01-01");
        assert_eq!(choice.date, None);
        assert!(
            choice.candidates[0].why.contains("header date"),
            "{:?}",
            choice.candidates
        );
    }

    #[test]
    fn published_is_taken_and_updates_and_last_edited_are_refused() {
        let page = "Kazakhstan and Azerbaijan sign a ferry deal in Aktau\n\
            Updated: 5 March 2024\nPublished: 4 March 2024 | 09:30\n\
            The two countries signed an agreement on new ferry lines across the Caspian Sea on Monday.\n\
            The ferries will carry containers between Aktau and Alat from next year.";
        assert_eq!(date_in(page).as_deref(), Some("2024-03-04"));
        // An update alone may be years after the story.
        let page = "Kazakhstan and Azerbaijan sign a ferry deal in Aktau\n\
            Updated Jul 24, 2018, 2:15pm EDT\n\
            The two countries signed an agreement on new ferry lines across the Caspian Sea on Monday.\n\
            The ferries will carry containers between Aktau and Alat from next year.";
        assert_eq!(date_in(page), None);
        let page = "Vidyard introduces new features on its video platform\nLast Updated: January 7, 2025\n\
            The company witnessed a large increase in new monthly sign-ups since March 1, 2020 and launched features.\n\
            Video is the ultimate engagement tool for marketers, the company said in a statement.";
        assert_eq!(date_in(page), None);
    }

    /// Menus that read as text hide the headline: the page's first date
    /// line still dates it when it gives a time or a byline, and only the first.
    #[test]
    fn the_first_date_line_with_a_time_or_a_byline_dates_a_page_whose_headline_is_lost() {
        let menu = "Do you know your rights? These resources were made so you can have your rights at hand.\n\
            The union works in courts, legislatures and communities to defend the Constitution for everyone.\n\
            Our lawyers took part in many cases before the courts of the whole country this year.\n\
            Facebook Is Tracking Me Even Though I Am Not on Facebook\n";
        let body = "Facebook collects data about people who have never even opted in, and there are ways to stop it.\n\
            These non-users can protect themselves with a few tools that anyone can install.\n";
        for line in [
            "April 5, 2018 | 6:00 PM",
            "Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC",
            "by Laura June Topolsky April 5, 2018",
        ] {
            let page = format!("{menu}{line}\n{body}");
            let want = if line.starts_with("Dec") {
                "2024-12-06"
            } else {
                "2018-04-05"
            };
            assert_eq!(date_in(&page).as_deref(), Some(want), "{line}");
        }
        // Without a time or a byline, a date among the paragraphs stays refused.
        assert_eq!(date_in(&format!("{menu}April 5, 2018\n{body}")), None);
        // A comment's date after the first date line is not taken.
        let page = format!("{menu}{body}April 6, 2018 | 2:20 AM\n");
        assert_eq!(date_in(&page), None);
    }

    #[test]
    fn dates_later_than_today_are_never_taken() {
        let page = "Ministers agree a plan\n5 May 2031\n\
            The ministers agreed a plan for the port, which they want to open on 5 May 2031.\n\
            They met in Baku and talked for a long time about the details.";
        let choice = choose_in(page, "2026-01-01");
        assert_eq!(choice.date, None);
        assert!(choice.candidates.iter().all(|c| c.rank.is_none()));
    }

    #[test]
    fn a_full_date_in_the_headline_dates_the_occasion_after_the_ledes() {
        let speech = "Speech of the President at the signing of the pipeline documents in Baku, 18 November 1999\n\nscotch egg\n\ntemp-thumb\n\nDear Presidents! Dear friends!\n\nWe have gathered here today to sign documents of great importance for our peoples and for the whole region.\n\nIt was not an easy task, and many doubted that the pipeline would ever be built across the mountains.";
        assert_eq!(date_in(speech).as_deref(), Some("1999-11-18"));
        // The lede's own date comes first; a year alone in a headline is no date.
        assert_eq!(
            date_in("Ten years after the 2005 treaty\n\nMinisters met on 3 July 2015 in Baku to mark the treaty's tenth year.\n\nThey signed a new plan for the ports of both countries.").as_deref(),
            Some("2015-07-03")
        );
    }

    #[test]
    fn the_lede_dates_the_story_when_no_dateline_does() {
        assert_eq!(
            date_in("Ministers met on 3 July 2023 in Baku to sign a plan.\n\nThe works are due to end by 1 March 2024. The treaty of 24 May 2005 was recalled.").as_deref(),
            Some("2023-07-03")
        );
        // A deadline, a starting point and an embedded post are not the story's date.
        assert_eq!(
            date_in("The works must be finished by 1 March 2024, the ministry said in a statement.\n\nThey began in the spring and go on.").as_deref(),
            None
        );
        assert_eq!(
            date_in("Sign-ups grew fourfold since March 1, 2020, the company said in a statement today.\n\nIt launched new features.").as_deref(),
            None
        );
    }

    #[test]
    fn a_wire_dateline_opening_a_paragraph_dates_the_article() {
        let page = "Caspian states sign the convention\n\
            Leaders of five countries met at the coast.\n\
            Astana, 5 September 2008, (Khabar) - The office of the cultural centre opened in the capital today.\n\
            It will hold exhibitions and concerts through the year.";
        assert_eq!(date_in(page).as_deref(), Some("2008-09-05"));
        let page = "Abkommen über das Kaspische Meer\n\
            12.08.2018 - Staats- und Regierungschefs der fünf Anrainerstaaten haben ein Abkommen unterzeichnet.\n\
            Es regelt die Nutzung des Meeres.";
        assert_eq!(date_in(page).as_deref(), Some("2018-08-12"));
    }

    #[test]
    fn a_date_deep_in_the_text_is_an_event_not_the_publication() {
        let page = "Leaders meet in Baku\n\
            The leaders met in Baku and talked about many things for a long time.\n\
            They discussed trade and transport and many other matters of the day.\n\
            They recalled the treaty signed on 24 May 2005 in Astana.";
        assert_eq!(date_in(page), None);
    }
}
