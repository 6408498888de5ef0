//! Near-duplicate texts: the same article under other furniture, found
//! without comparing every pair. Ingest asks it whether a new seed repeats
//! an article; `check` and `build` ask it which articles repeat each other.
//!
//! A text's fingerprints come from its prose only: the paragraphs of at
//! least [`MIN_PARAGRAPH_WORDS`] words, so that menus, teasers, credits and
//! datelines barely count. Each run of [`SHINGLE_WORDS`] words (folded:
//! lower case, accents gone) is hashed, and winnowing keeps the smallest
//! hash of every [`WINDOW`] consecutive ones (Schleimer, Wilkerson and
//! Aiken, 2003): any passage of `SHINGLE_WORDS + WINDOW - 1` words that two
//! texts share gives both the same fingerprint. Two texts are copies when at
//! least [`SAME_SHARE`] percent of the shorter one's fingerprints are in
//! the other.
//!
//! Why containment of the shorter text and not MinHash with LSH banding:
//! MinHash estimates the Jaccard similarity of the whole texts, and a copy
//! that carries another site's furniture, or a saved page beside copied
//! text, can share less than a fifth of its shingles with the original
//! while nearly all of the shorter text is in the longer. Containment
//! tells those apart from two reports of one event (a few shared phrases)
//! and from a translation (no shared word runs at all). Candidates come
//! from an index of fingerprints (sorted, not hashed, to keep its memory
//! flat), so only texts that share a fingerprint are ever compared.

use rayon::prelude::*;

use crate::text::{fold_char, is_unspaced, word_spans};

/// Words in a shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Shingles in a winnowing window.
pub const WINDOW: usize = 8;
/// Paragraphs shorter than this are furniture, not prose, and not read.
pub const MIN_PARAGRAPH_WORDS: usize = 16;
/// Below this many fingerprints a text is too short to be judged.
pub const MIN_PRINTS: usize = 4;
/// The share of the shorter text's fingerprints, in percent, that makes
/// two texts copies.
pub const SAME_SHARE: u8 = 60;
/// A fingerprint held by more texts than this is boilerplate (a cookie
/// notice or a credit that every page of a site carries, a formula), not
/// the article: it neither makes two texts candidates nor counts in their
/// share. A text republished more often than this is not seen as copied.
pub const MAX_HOLDERS: usize = 64;

/// The fingerprints of one text's prose, sorted, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prints(Box<[u32]>);

impl Prints {
    /// The fingerprints of `text` (Markdown or plain text: paragraphs are
    /// separated by blank lines).
    pub fn of(text: &str) -> Prints {
        let mut prints = Vec::new();
        let mut words = Vec::new();
        for paragraph in paragraphs(text) {
            words.clear();
            word_hashes(paragraph, &mut words);
            if words.len() < MIN_PARAGRAPH_WORDS {
                continue;
            }
            winnow(&shingles(&words), &mut prints);
        }
        prints.sort_unstable();
        prints.dedup();
        Prints(prints.into_boxed_slice())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether there is enough prose to tell a copy.
    fn judged(&self) -> bool {
        self.0.len() >= MIN_PRINTS
    }
}

/// How much of the shorter of `a` and `b` is in the other, in percent
/// (rounded down); 0 when either is too short to be judged.
pub fn share(a: &Prints, b: &Prints) -> u8 {
    share_apart(a, b, &[], (0, 0))
}

/// [`share`], with the fingerprints in `boilerplate` (sorted) left out of
/// both texts; `held` says how many of each text's are boilerplate.
fn share_apart(a: &Prints, b: &Prints, boilerplate: &[u32], held: (usize, usize)) -> u8 {
    let shorter = (a.len() - held.0).min(b.len() - held.1);
    if shorter < MIN_PRINTS {
        return 0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.0.len() && j < b.0.len() {
        match a.0[i].cmp(&b.0[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += usize::from(boilerplate.binary_search(&a.0[i]).is_err());
                i += 1;
                j += 1;
            }
        }
    }
    (common * 100 / shorter) as u8
}

/// Two texts that are copies of each other: their places in the list
/// given to [`copies`], `first < second`, and their [`share`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    pub first: usize,
    pub second: usize,
    pub share: u8,
}

/// Every pair of texts that are copies, in order of `first`, then `second`.
pub fn copies(texts: &[&Prints]) -> Vec<Pair> {
    // (fingerprint, text), sorted: each fingerprint's holders side by side.
    let mut held: Vec<(u32, u32)> = texts
        .par_iter()
        .enumerate()
        .filter(|(_, p)| p.judged())
        .flat_map_iter(|(k, p)| p.0.iter().map(move |&print| (print, k as u32)))
        .collect();
    held.par_sort_unstable();
    // Per pair that shares a fingerprint that is not boilerplate, one entry
    // per such fingerprint: `first << 32 | second`.
    let mut shared: Vec<u64> = Vec::new();
    let mut boilerplate = Vec::new();
    let mut held_boilerplate = vec![0; texts.len()];
    for holders in held.chunk_by(|a, b| a.0 == b.0) {
        if holders.len() > MAX_HOLDERS {
            boilerplate.push(holders[0].0);
            for &(_, k) in holders {
                held_boilerplate[k as usize] += 1;
            }
            continue;
        }
        for (i, &(_, a)) in holders.iter().enumerate() {
            for &(_, b) in &holders[i + 1..] {
                shared.push(u64::from(a) << 32 | u64::from(b));
            }
        }
    }
    drop(held);
    shared.par_sort_unstable();
    let candidates: Vec<(usize, usize)> = shared
        .chunk_by(|a, b| a == b)
        // One fingerprint in common may be chance; a copy has many.
        .filter(|run| run.len() >= 2)
        .map(|run| ((run[0] >> 32) as usize, (run[0] & 0xffff_ffff) as usize))
        .collect();
    drop(shared);
    candidates
        .into_par_iter()
        .filter_map(|(first, second)| {
            let held = (held_boilerplate[first], held_boilerplate[second]);
            let share = share_apart(texts[first], texts[second], &boilerplate, held);
            (share >= SAME_SHARE).then_some(Pair {
                first,
                second,
                share,
            })
        })
        .collect()
}

/// The blocks of `text` between blank lines.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let (mut start, mut offset) = (None, 0);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                found.push(&text[s..offset]);
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        found.push(&text[s..]);
    }
    found
}

/// A hash of each word of `paragraph`, folded so that case and accents do
/// not matter; in scripts written without spaces, each character is a
/// word. The addresses of Markdown links are not words of the text.
fn word_hashes(paragraph: &str, into: &mut Vec<u64>) {
    let mut link_end = 0;
    for (start, end) in word_spans(paragraph) {
        if start < link_end {
            continue;
        }
        if paragraph[..start].ends_with("](") {
            link_end = paragraph[start..].find(')').map_or(end, |i| start + i);
            continue;
        }
        let word = &paragraph[start..end];
        let mut hash = FNV_OFFSET;
        for c in word.chars() {
            if is_unspaced(c) {
                if hash != FNV_OFFSET {
                    into.push(hash);
                }
                into.push(fnv(FNV_OFFSET, fold_char(c)));
                hash = FNV_OFFSET;
            } else {
                hash = fnv(hash, fold_char(c));
            }
        }
        if hash != FNV_OFFSET {
            into.push(hash);
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut hash: u64, c: char) -> u64 {
    let mut buf = [0; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A 32-bit hash of each run of [`SHINGLE_WORDS`] words.
fn shingles(words: &[u64]) -> Vec<u32> {
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            let mut h: u64 = 0;
            for &word in w {
                h = (h ^ word)
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    .rotate_left(29);
            }
            // The high bits are the best mixed.
            (h >> 32) as u32
        })
        .collect()
}

/// Winnowing: the smallest hash of each window of [`WINDOW`] shingles (the
/// rightmost, when it ties), each position once.
fn winnow(hashes: &[u32], into: &mut Vec<u32>) {
    let window = WINDOW.min(hashes.len());
    let mut last: Option<usize> = None;
    for start in 0..=hashes.len() - window {
        let w = &hashes[start..start + window];
        let (k, &h) = w
            .iter()
            .enumerate()
            .rev()
            .min_by_key(|&(_, h)| *h)
            .expect("a window is never empty");
        let at = start + k;
        if last != Some(at) {
            into.push(h);
            last = Some(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "The ferry line between Aktau and Baku carried more cargo this year \
        than in any year before, the port authority said on Tuesday in its annual report.\n\n\
        Officials in both countries expect the new terminal at Kuryk to double the number of \
        trucks that cross the Caspian Sea each month once the second berth opens in spring.\n\n\
        Shipping companies have ordered four new vessels, which will be built in Baku and \
        delivered over the next three years, according to the ministry of transport.\n";

    fn prints(text: &str) -> Prints {
        Prints::of(text)
    }

    #[test]
    fn short_lines_are_furniture_and_give_no_fingerprints() {
        assert!(prints("Home\n\nNews\n\nSport\n\nShare on Facebook\n").is_empty());
        assert!(!prints(REPORT).is_empty());
    }

    #[test]
    fn the_same_text_with_other_furniture_is_a_copy() {
        let copied = format!(
            "Menu\n\nHome | World | Business\n\nAKTAU, March 3 (Agency)\n\n{REPORT}\n\
             Read also: Kazakhstan opens a new road to China\n\n\
             Comments are closed for this article. Please read our community rules before you \
             write to the editors, who answer every letter within a week.\n"
        );
        let share = share(&prints(REPORT), &prints(&copied));
        assert!(share >= 95, "{share}");
    }

    #[test]
    fn case_accents_and_link_addresses_do_not_matter() {
        let linked = REPORT
            .replace(
                "Aktau",
                "[AKTAU](https://example.com/aktau-port-news-archive)",
            )
            .replace("Kuryk", "Kúryk");
        assert_eq!(share(&prints(REPORT), &prints(&linked)), 100);
    }

    #[test]
    fn another_report_of_the_same_event_is_no_copy() {
        let other = "The port authority reported record cargo on the Aktau to Baku ferry line \
            on Tuesday, more than in any previous year.\n\n\
            A second berth at Kuryk is due in spring, and officials hope it will double the \
            monthly number of trucks crossing the sea between Kazakhstan and Azerbaijan.\n\n\
            Four new ships are on order from a shipyard in Baku, the transport ministry said; \
            they are to be delivered within three years.\n";
        let share = share(&prints(REPORT), &prints(other));
        assert!(share < 20, "{share}");
    }

    #[test]
    fn a_translation_is_no_copy() {
        let german = "Die Fährlinie zwischen Aktau und Baku hat in diesem Jahr mehr Fracht \
            befördert als in jedem Jahr zuvor, teilte die Hafenbehörde am Dienstag mit.\n\n\
            Die Behörden beider Länder erwarten, dass das neue Terminal in Kuryk die Zahl der \
            Lastwagen verdoppelt, die jeden Monat das Kaspische Meer überqueren.\n\n\
            Reedereien haben vier neue Schiffe bestellt, die in Baku gebaut und in den nächsten \
            drei Jahren geliefert werden sollen, so das Verkehrsministerium.\n";
        assert_eq!(share(&prints(REPORT), &prints(german)), 0);
    }

    #[test]
    fn words_of_unspaced_scripts_are_characters() {
        let japanese = "昔々、ある村に正直なおじいさんとおばあさんが住んでいました。二人は毎日山へ芝刈りに行き、\
            川で洗濯をして、静かに暮らしていました。";
        let mut words = Vec::new();
        word_hashes(japanese, &mut words);
        assert!(words.len() > 40, "{}", words.len());
        assert_eq!(
            share(
                &prints(japanese),
                &prints(&format!("メニュー\n\n{japanese}"))
            ),
            100
        );
    }

    #[test]
    fn copies_are_found_through_the_index_in_order() {
        let a = prints(REPORT);
        let b = prints(&format!("Top stories\n\n{REPORT}\nAll rights reserved.\n"));
        let other = prints(
            "Kazakhstan and Azerbaijan signed an agreement on the joint development of the \
             Middle Corridor, a trade route that links China with Europe across the sea.\n",
        );
        let empty = Prints::default();
        let found = copies(&[&other, &a, &empty, &b]);
        assert_eq!(
            found,
            vec![Pair {
                first: 1,
                second: 3,
                share: 100
            }]
        );
    }

    /// A paragraph of `n` words of its own, from `seed`.
    fn prose(seed: usize, n: usize) -> String {
        (0..n)
            .map(|i| format!("w{}", seed * 1000 + i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn boilerplate_that_many_texts_carry_is_not_the_article() {
        let cookies = prose(1, 80);
        let article = prose(2, 40);
        // The copy carries a cookie notice; the original, a paragraph of
        // its own that the copy left out: a third of each is the article.
        let original = Prints::of(&format!("{article}\n\n{}", prose(3, 80)));
        let copy = Prints::of(&format!("{article}\n\n{cookies}"));
        assert!(share(&original, &copy) < SAME_SHARE);
        // Once the notice is seen on more pages than a text is copied to,
        // it no longer counts.
        let others: Vec<Prints> = (0..MAX_HOLDERS)
            .map(|k| Prints::of(&format!("{}\n\n{cookies}", prose(10 + k, 40))))
            .collect();
        let mut texts: Vec<&Prints> = others.iter().collect();
        texts.push(&original);
        texts.push(&copy);
        let n = texts.len();
        let found = copies(&texts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].first, found[0].second), (n - 2, n - 1));
        assert_eq!(found[0].share, 100);
    }

    #[test]
    fn paragraphs_are_cut_at_blank_lines() {
        let text = "one\ntwo\n\n\nthree\n  \nfour";
        assert_eq!(paragraphs(text), vec!["one\ntwo\n", "three\n", "four"]);
    }
}
