//! The topics an article is about, from the keywords of each topic in the
//! article's language. What counts is where the words stand (the headline
//! and the first paragraphs weigh more than a mention deep in the text),
//! how often they come back, and how a topic compares with the article's
//! strongest one; a sector named in a list of many ("trade, energy,
//! transport and culture") counts little. At most `max_topics` (site.toml)
//! are given, more only when the text is plainly about more.

use std::sync::LazyLock;

use crate::config::Config;
use crate::lexicon::Lexicon;
use crate::text::{Folded, word_count};

/// A keyword in the headline counts this many times…
const TITLE_WEIGHT: f32 = 3.0;
/// …in the first paragraph, in the second, and further down.
const PARAGRAPH_WEIGHTS: [f32; 2] = [2.0, 1.5];
/// A topic below this share of the strongest one's score is a side matter.
pub(crate) const SHARE_OF_STRONGEST: f32 = 0.4;
/// A topic under that share is still one when it comes back, outside
/// lists, in this many paragraphs and this share of all of them, at this
/// share of the strongest at least (a long joint statement names every
/// sector in a paragraph or two: that is no recurring topic).
const RECURRING_PARAGRAPHS: usize = 3;
const RECURRING_OF_PARAGRAPHS: f32 = 0.25;
const RECURRING_SHARE: f32 = 0.15;
/// A topic past `max_topics` is kept only at this share of the strongest,
/// and named in this many paragraphs.
const PLAINLY_SHARE: f32 = 0.75;
const PLAINLY_PARAGRAPHS: usize = 3;
/// Topics in one sentence that make it a list of sectors.
const LIST_TOPICS: usize = 3;
/// What a keyword counts in a sentence about an accident: the plane of a
/// crash report names the accident's circumstances, not aviation links.
const ACCIDENT_WEIGHT: f32 = 0.25;

/// Words of accidents and disasters, in the six languages.
#[rustfmt::skip]
static ACCIDENT: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        [
            "crash*", "accident*", "disaster*", "catastroph*", "tragedy", "emergency landing",
            "victims", "Absturz*", "abgestürzt*", "Unglück*", "Katastroph*", "Tragödie*",
            "Todesopfer", "крушени*", "катастроф*", "авиакатастроф*", "авари*", "трагеди*", "погиб*",
            "апат*", "зардап*", "apat*", "qəza*", "fəlakət*", "faciə*", "həlak*", "uçak kazası",
            "kazası", "kazada", "kazasında", "facia*", "enkaz*",
        ]
        .into_iter()
        .map(|w| (0, w)),
    )
});

/// The topics ingest gives an article, and how each topic scored.
#[derive(Debug, Clone, Default)]
pub struct TopicChoice {
    /// Slugs, in the site's order.
    pub chosen: Vec<String>,
    /// Every topic with a keyword in the text, highest score first.
    pub scores: Vec<TopicScore>,
    /// The score a topic needs, whatever the others score.
    pub threshold: f32,
    /// The highest score of any topic, or of the accident the text reports.
    pub strongest: f32,
    /// How much the text speaks of an accident or disaster (no site topic:
    /// a crash report names a plane without being about aviation).
    pub accident: f32,
    pub max_topics: usize,
}

/// How one topic scored in one article.
#[derive(Debug, Clone)]
pub struct TopicScore {
    pub slug: String,
    pub score: f32,
    /// Keyword hits in the headline, the first two paragraphs, further down.
    pub in_title: u32,
    pub in_lede: u32,
    pub further: u32,
    /// Hits in sentences that list three topics or more.
    pub in_lists: u32,
    /// Paragraphs that name it outside a list.
    pub paragraphs: usize,
    /// The keywords as the text wrote them, most frequent first (up to 6).
    pub words: Vec<String>,
    pub chosen: bool,
    /// Why it was chosen or not.
    pub why: String,
}

/// Scores every topic in `title` and `paragraphs` and chooses.
pub fn choose(config: &Config, lang: &str, title: &str, paragraphs: &[&str]) -> TopicChoice {
    let n = config.topics.len();
    let lexicon = config.topic_lexicon(lang);
    let words: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let threshold = 2.0f32.max(words as f32 / 400.0);
    let mut score = vec![0f32; n];
    let mut in_title = vec![0u32; n];
    let mut in_lede = vec![0u32; n];
    let mut further = vec![0u32; n];
    let mut in_lists = vec![0u32; n];
    let mut spread = vec![0usize; n];
    let mut written: Vec<Vec<(String, u32)>> = vec![Vec::new(); n];
    let mut note = |t: usize, word: &str| {
        let w = &mut written[t];
        match w.iter_mut().find(|(x, _)| x.eq_ignore_ascii_case(word)) {
            Some((_, c)) => *c += 1,
            None => w.push((word.to_string(), 1)),
        }
    };

    // Each text is folded once for both lexicons.
    let folded_title = Folded::new(title);
    let title_accidents = ACCIDENT.find_folded(&folded_title).len();
    let title_accident = if title_accidents == 0 {
        1.0
    } else {
        ACCIDENT_WEIGHT
    };
    // How much the text is about an accident, weighed as a topic is: no
    // site topic, but one a topic must compare with.
    let mut accident_score = TITLE_WEIGHT * title_accidents as f32;
    for hit in lexicon.find_folded(&folded_title) {
        score[hit.id] += TITLE_WEIGHT * title_accident * hit.weight as f32;
        in_title[hit.id] += 1;
        note(hit.id, &title[hit.start..hit.end]);
    }
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let place = PARAGRAPH_WEIGHTS.get(i).copied().unwrap_or(1.0);
        let folded = Folded::new(paragraph);
        let hits = lexicon.find_folded(&folded);
        let ends = sentence_ends(paragraph);
        let sentence_of = |at: usize| ends.iter().position(|&e| at < e).unwrap_or(ends.len());
        // Distinct topics in each sentence.
        let mut topics_in: Vec<Vec<usize>> = vec![Vec::new(); ends.len() + 1];
        for hit in &hits {
            let s = &mut topics_in[sentence_of(hit.start)];
            if !s.contains(&hit.id) {
                s.push(hit.id);
            }
        }
        let accidents: Vec<usize> = ACCIDENT
            .find_folded(&folded)
            .iter()
            .map(|h| sentence_of(h.start))
            .collect();
        accident_score += place * accidents.len() as f32;
        let mut here = vec![false; n];
        for hit in &hits {
            let sentence = sentence_of(hit.start);
            let k = topics_in[sentence].len();
            let listed = k >= LIST_TOPICS;
            let list = if listed { 1.5 / k as f32 } else { 1.0 };
            let accident = if accidents.contains(&sentence) {
                ACCIDENT_WEIGHT
            } else {
                1.0
            };
            score[hit.id] += place * list * accident * hit.weight as f32;
            if i < PARAGRAPH_WEIGHTS.len() {
                in_lede[hit.id] += 1;
            } else {
                further[hit.id] += 1;
            }
            if listed {
                in_lists[hit.id] += 1;
            } else {
                here[hit.id] = true;
            }
            note(hit.id, &paragraph[hit.start..hit.end]);
        }
        for (t, found) in here.into_iter().enumerate() {
            spread[t] += usize::from(found);
        }
    }

    let strongest = score.iter().copied().fold(accident_score, f32::max);
    let max_topics = config.max_topics;
    let mut scores: Vec<TopicScore> = (0..n)
        .filter(|&t| score[t] > 0.0)
        .map(|t| {
            let mut words = std::mem::take(&mut written[t]);
            words.sort_by_key(|w| std::cmp::Reverse(w.1));
            TopicScore {
                slug: config.topics[t].slug.clone(),
                score: score[t],
                in_title: in_title[t],
                in_lede: in_lede[t],
                further: further[t],
                in_lists: in_lists[t],
                paragraphs: spread[t],
                words: words.into_iter().take(6).map(|(w, _)| w).collect(),
                chosen: false,
                why: String::new(),
            }
        })
        .collect();
    scores.sort_by(|a, b| b.score.total_cmp(&a.score));

    let mut kept = 0;
    for s in &mut scores {
        let recurs = s.paragraphs >= 2 || s.in_title > 0 || s.score >= 2.0 * threshold;
        let (chosen, why) = if s.score < threshold {
            (false, format!("below the threshold {threshold:.1}"))
        } else if s.score < SHARE_OF_STRONGEST * strongest
            && !(s.paragraphs >= RECURRING_PARAGRAPHS
                && s.paragraphs as f32 >= RECURRING_OF_PARAGRAPHS * paragraphs.len() as f32
                && s.score >= RECURRING_SHARE * strongest)
        {
            (
                false,
                format!(
                    "under {:.0}% of the strongest topic's {strongest:.1}, and not in {RECURRING_PARAGRAPHS} paragraphs and a quarter of them: a side matter",
                    SHARE_OF_STRONGEST * 100.0
                ),
            )
        } else if !recurs {
            (
                false,
                "named outside a list in one paragraph only, not in the headline".into(),
            )
        } else if kept < max_topics {
            (true, "about it".into())
        } else if s.score >= PLAINLY_SHARE * strongest && s.paragraphs >= PLAINLY_PARAGRAPHS {
            (
                true,
                format!(
                    "past the {max_topics} topics of max_topics, but plainly about it too ({} paragraphs, {:.0}% of the strongest)",
                    s.paragraphs,
                    100.0 * s.score / strongest
                ),
            )
        } else {
            (
                false,
                format!("{max_topics} stronger topics already (max_topics in site.toml)"),
            )
        };
        kept += usize::from(chosen);
        s.chosen = chosen;
        s.why = why;
    }
    let chosen = config
        .topics
        .iter()
        .filter(|t| scores.iter().any(|s| s.chosen && s.slug == t.slug))
        .map(|t| t.slug.clone())
        .collect();
    TopicChoice {
        chosen,
        scores,
        threshold,
        strongest,
        accident: accident_score,
        max_topics,
    }
}

/// Byte offsets where the sentences of `paragraph` end (after each ". ").
fn sentence_ends(paragraph: &str) -> Vec<usize> {
    let bytes = paragraph.as_bytes();
    (1..bytes.len())
        .filter(|&i| bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'!' | b'?' | b';'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let site = r#"
title = "T"
base_url = "https://x.org/"
languages = ["en"]
max_topics = 2
[[topics]]
slug = "energy"
name = "Energy"
[topics.keywords]
en = ["energy", "oil", "pipeline"]
[[topics]]
slug = "transport"
name = "Transport"
[topics.keywords]
en = ["transport", "railway", "port", "ferry"]
[[topics]]
slug = "trade"
name = "Trade"
[topics.keywords]
en = ["trade", "investment", "exports"]
[[topics]]
slug = "culture"
name = "Culture"
[topics.keywords]
en = ["culture", "music", "theatre"]
"#;
        Config::parse(site, None).unwrap()
    }

    fn topics(title: &str, text: &str) -> Vec<String> {
        let paragraphs: Vec<&str> = text.split('\n').collect();
        choose(&config(), "en", title, &paragraphs).chosen
    }

    #[test]
    fn a_sector_in_a_list_of_many_is_not_a_topic() {
        let text = "The port of Aktau will take more ferry traffic, the railway company said.\n\
            New ferry lines will link the port with Baku from next year.\n\
            The ministers also spoke about cooperation in trade, energy, transport and culture.";
        assert_eq!(
            topics("Aktau port expands its ferry lines", text),
            ["transport"]
        );
    }

    #[test]
    fn the_headline_and_the_lede_weigh_more_than_the_end() {
        let text = "The pipeline will carry oil from the Caspian to the Mediterranean.\n\
            Oil companies welcomed the decision and promised more investment.\n\
            Work on the pipeline begins next year.\n\
            A music festival was held in Baku the same week, with a theatre show and music at night.";
        assert_eq!(topics("New oil pipeline approved", text), ["energy"]);
    }

    #[test]
    fn no_more_topics_than_max_topics_unless_plainly_about_more() {
        // Transport and energy in every paragraph, trade in two.
        let text = "The new railway reaches the port of Aktau. The pipeline next to it carries oil to Baku.\n\
            Ferry lines from the port will double. Oil exports through the pipeline will grow too. Trade grew as well.\n\
            The railway company expects more ferry traffic. The pipeline operator expects more oil.\n\
            Trade between the two countries rose. Investment and exports followed the new trade routes.";
        let paragraphs: Vec<&str> = text.split('\n').collect();
        let c = choose(
            &config(),
            "en",
            "Railway and pipeline reach Aktau",
            &paragraphs,
        );
        assert_eq!(c.chosen, ["energy", "transport"]);
        let trade = c.scores.iter().find(|s| s.slug == "trade").unwrap();
        assert!(trade.why.contains("max_topics"), "{}", trade.why);
    }

    #[test]
    fn scores_say_why() {
        let paragraphs = [
            "The pipeline carries oil.",
            "Oil prices rose.",
            "Music was played.",
        ];
        let c = choose(&config(), "en", "Pipeline opens", &paragraphs);
        assert_eq!(c.chosen, ["energy"]);
        let culture = c.scores.iter().find(|s| s.slug == "culture").unwrap();
        assert!(!culture.chosen);
        assert!(culture.why.contains("threshold"), "{}", culture.why);
        assert_eq!(c.scores[0].slug, "energy");
        assert_eq!(c.scores[0].in_title, 1);
    }
}
