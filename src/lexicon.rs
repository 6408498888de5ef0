//! Finds topic keywords and the names of people and places in text, in any
//! language and script, through folding and inflection (`Bektenovla`,
//! `Алиевым`, `Kasachstans`). Used by ingest to tag articles and by the site
//! to show why an article belongs to a topic.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::text::{Folded, fold, word_spans};

/// A compiled list of patterns, each belonging to one id (a topic, a person,
/// a place). A pattern is a word or a phrase; a word ending in `*` matches
/// every word that begins with it.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    patterns: Vec<Pattern>,
    index: FxHashMap<u64, Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Pattern {
    id: usize,
    words: Vec<PatternWord>,
}

#[derive(Debug, Clone)]
struct PatternWord {
    text: String,
    chars: usize,
    open: bool,
}

/// One match: which id, where in the original text, and how much it counts
/// (a phrase counts 2, a word 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    pub weight: u32,
}

impl Lexicon {
    pub fn new<'a>(entries: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let mut lexicon = Lexicon::default();
        for (id, pattern) in entries {
            let folded = fold(pattern);
            // A `*` right after a word opens that word: "водн* ресурс*".
            let words: Vec<PatternWord> = word_spans(&folded)
                .map(|(a, b)| {
                    let text = folded[a..b].to_string();
                    PatternWord {
                        chars: text.chars().count(),
                        text,
                        open: folded[b..].starts_with('*'),
                    }
                })
                .collect();
            if words.is_empty() {
                continue;
            }
            let key = index_key(&words[0].text);
            lexicon
                .index
                .entry(key)
                .or_default()
                .push(lexicon.patterns.len());
            lexicon.patterns.push(Pattern { id, words });
        }
        lexicon
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match in `text`, in order. Matches of one id never overlap (the
    /// longest wins); matches of different ids may.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        self.find_folded(&Folded::new(text))
    }

    /// [`Lexicon::find`] on text already folded, for callers that match
    /// several lexicons against one text.
    pub fn find_folded(&self, folded: &Folded) -> Vec<Hit> {
        let words = folded.words();
        let word = |i: usize| &folded.text[words[i].0..words[i].1];
        let mut hits = Vec::new();
        for i in 0..words.len() {
            let Some(candidates) = self.index.get(&index_key(word(i))) else {
                continue;
            };
            for &p in candidates {
                let pattern = &self.patterns[p];
                let n = pattern.words.len();
                if i + n <= words.len()
                    && pattern
                        .words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| w.matches(word(i + k)))
                {
                    hits.push(Hit {
                        id: pattern.id,
                        start: folded.original(words[i].0),
                        end: folded.original(words[i + n - 1].1),
                        weight: if n > 1 { 2 } else { 1 },
                    });
                }
            }
        }
        hits.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.id.cmp(&b.id))
        });
        let mut last_end: HashMap<usize, usize> = HashMap::new();
        hits.retain(|h| {
            let end = last_end.entry(h.id).or_insert(0);
            if h.start < *end {
                return false;
            }
            *end = h.end;
            true
        });
        hits
    }

    /// Points per id: the sum of its hits' weights.
    pub fn score(&self, text: &str) -> HashMap<usize, u32> {
        self.score_folded(&Folded::new(text))
    }

    /// [`Lexicon::score`] on text already folded.
    pub fn score_folded(&self, folded: &Folded) -> HashMap<usize, u32> {
        let mut scores = HashMap::new();
        for hit in self.find_folded(folded) {
            *scores.entry(hit.id).or_insert(0) += hit.weight;
        }
        scores
    }
}

/// Words of one or two letters are matched whole; longer ones by their first
/// three letters, which every inflected form shares. The key packs them in
/// one number, 21 bits each (no word holds NUL).
fn index_key(word: &str) -> u64 {
    word.chars()
        .take(3)
        .enumerate()
        .fold(0, |key, (i, c)| key | (c as u64) << (21 * i))
}

fn is_vowel(c: char) -> bool {
    "aeiouyаеиоуыэюя".contains(c)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

impl PatternWord {
    fn matches(&self, word: &str) -> bool {
        if self.open {
            return word.starts_with(&self.text);
        }
        if word == self.text {
            return true;
        }
        let allowance = match self.chars {
            0..=2 => 0,
            3 => 1,
            4 => 3,
            _ => 5,
        };
        if let Some(rest) = word.strip_prefix(self.text.as_str()) {
            let n = rest.chars().count();
            return n <= allowance && rest.chars().all(char::is_alphabetic);
        }
        // Declension and derivation replace a final vowel: Астана → Астане,
        // culture → cultural. Short Latin names keep theirs (Aktau ≠ Aktaş).
        let last = self.text.chars().last().unwrap_or(' ');
        let long_enough = if is_cyrillic(last) { 5 } else { 6 };
        if self.chars >= long_enough && is_vowel(last) {
            let stem = &self.text[..self.text.len() - last.len_utf8()];
            if let Some(rest) = word.strip_prefix(stem) {
                let n = rest.chars().count();
                return (1..=3).contains(&n) && rest.chars().all(char::is_alphabetic);
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(lexicon: &Lexicon, text: &str) -> Vec<usize> {
        let mut ids: Vec<usize> = lexicon.find(text).iter().map(|h| h.id).collect();
        ids.dedup();
        ids
    }

    #[test]
    fn finds_inflected_forms_in_every_script() {
        let lexicon = Lexicon::new([
            (0, "Bektenov"),
            (1, "Bakı"),
            (2, "Алиев"),
            (3, "Kasachstan"),
            (4, "Астана"),
        ]);
        assert_eq!(ids(&lexicon, "Oljas Bektenovla görüşüb"), [0]);
        assert_eq!(ids(&lexicon, "BAKIDA rəsmi səfərdə"), [1]);
        assert_eq!(ids(&lexicon, "встреча с Алиевым"), [2]);
        assert_eq!(ids(&lexicon, "Premierminister Kasachstans"), [3]);
        assert_eq!(ids(&lexicon, "саммит в Астане"), [4]);
    }

    #[test]
    fn a_final_vowel_may_change_in_long_words_only() {
        let lexicon = Lexicon::new([(0, "culture"), (1, "Aktau")]);
        assert_eq!(ids(&lexicon, "cultural ties"), [0]);
        assert!(lexicon.find("Aktaş").is_empty());
    }

    #[test]
    fn does_not_match_inside_other_words() {
        let lexicon = Lexicon::new([(0, "art"), (1, "Baku"), (2, "oil")]);
        assert!(lexicon.find("an article about Bakuriani").is_empty());
        assert_eq!(ids(&lexicon, "the arts"), [0]);
        assert!(lexicon.find("turmoil").is_empty());
    }

    #[test]
    fn phrases_need_consecutive_words_and_count_double() {
        let lexicon = Lexicon::new([(0, "renewable energy"), (0, "energy")]);
        let hits =
            lexicon.find("Renewable energy matters; energy too. Renewable sources of energy.");
        let weights: Vec<u32> = hits.iter().map(|h| h.weight).collect();
        assert_eq!(weights, [2, 1, 1]);
        assert_eq!(lexicon.score("renewable energy")[&0], 2);
    }

    #[test]
    fn star_matches_compounds() {
        let lexicon = Lexicon::new([(0, "Energie*")]);
        assert_eq!(ids(&lexicon, "die Energieversorgungssicherheit"), [0]);
    }

    #[test]
    fn star_opens_any_word_of_a_phrase() {
        let lexicon = Lexicon::new([(0, "водн* ресурс*")]);
        assert_eq!(ids(&lexicon, "использование водных ресурсов Каспия"), [0]);
        assert!(lexicon.find("водных запасов").is_empty());
    }

    #[test]
    fn hits_point_at_the_original_text() {
        let text = "Prezident İlham Əliyev Bakıda";
        let lexicon = Lexicon::new([(7, "Ilham Aliyev"), (7, "İlham Əliyev")]);
        let hit = lexicon.find(text)[0];
        assert_eq!(&text[hit.start..hit.end], "İlham Əliyev");
    }
}
