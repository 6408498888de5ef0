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
//! text, shares much less of the union than of the shorter text. On the 93
//! pages of `tests/corpus/readability`, the copied text (menus and all)
//! against the article ingest takes from the saved page has a Jaccard
//! similarity of 5-word shingles of 0.59 at the median, under 0.5 for 35
//! pages and under 0.2 for 9, while the shorter one's containment in the
//! other is 0.91 at the median and at least 0.6 for 88. Containment
//! tells copies apart from two reports of one event (a few shared phrases)
//! and from a translation (no shared word runs at all).
//!
//! Only texts that share fingerprints are ever compared: the fingerprints
//! of all texts are sorted into an index (fingerprint → texts; sorted, not
//! hashed, to keep its memory flat), and two texts are a candidate when
//! they share at least two of either's *anchors*, its [`ANCHORS`] smallest
//! fingerprints that are not boilerplate: a sample of the text that any
//! copy of it holds most of, while phrases that many texts share do not
//! make every two of them a candidate.

use rayon::prelude::*;

use crate::text::{fold_char, is_unspaced, is_word_char};

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
/// Fingerprints of each text that make candidates (see [`copies`]).
pub const ANCHORS: usize = 16;

/// The fingerprints of one text's prose, sorted, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prints(Box<[u32]>);

impl Prints {
    /// The fingerprints of `text` (Markdown or plain text: paragraphs are
    /// separated by blank lines).
    pub fn of(text: &str) -> Prints {
        let (mut prints, mut words, mut hashes) = (Vec::new(), Vec::new(), Vec::new());
        for paragraph in paragraphs(text) {
            words.clear();
            word_hashes(paragraph, &mut words);
            if words.len() < MIN_PARAGRAPH_WORDS {
                continue;
            }
            hashes.clear();
            shingles(&words, &mut hashes);
            winnow(&hashes, &mut prints);
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
    // (fingerprint, text), sorted: each fingerprint's holders side by side,
    // in the order of the texts.
    let total = texts.iter().filter(|p| p.judged()).map(|p| p.len()).sum();
    let mut held: Vec<(u32, u32)> = Vec::with_capacity(total);
    for (k, p) in texts.iter().enumerate().filter(|(_, p)| p.judged()) {
        held.extend(p.0.iter().map(|&print| (print, k as u32)));
    }
    let held = sort_by_print(held);
    let boilerplate: Vec<u32> = held
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|holders| holders.len() > MAX_HOLDERS)
        .map(|holders| holders[0].0)
        .collect();
    // Per text, how many of its fingerprints are boilerplate, and its
    // anchors: its [`ANCHORS`] smallest other fingerprints, a sample that
    // any copy of it holds most of. Pairs come only from anchors, so
    // that fingerprints that many texts share (common phrases) do not make
    // every pair of their holders a candidate.
    let (held_boilerplate, anchor_limit): (Vec<usize>, Vec<u32>) = texts
        .par_iter()
        .map(|p| {
            let mut own = p.0.iter().filter(|f| boilerplate.binary_search(f).is_err());
            let limit = own.nth(ANCHORS - 1).copied().unwrap_or(u32::MAX);
            let held = p.0.iter().filter(|f| boilerplate.binary_search(f).is_ok());
            (held.count(), limit)
        })
        .unzip();
    let anchor = |print: u32, text: u32| print <= anchor_limit[text as usize];
    // Per pair that shares an anchor of either, one entry per such
    // fingerprint: `first << 32 | second`.
    let mut shared: Vec<u64> = Vec::new();
    for holders in held.chunk_by(|a, b| a.0 == b.0) {
        if holders.len() < 2 || holders.len() > MAX_HOLDERS {
            continue;
        }
        for &(print, a) in holders {
            if !anchor(print, a) {
                continue;
            }
            for &(_, b) in holders {
                // A pair of two anchors is counted once, from the first.
                if b == a || (b < a && anchor(print, b)) {
                    continue;
                }
                let (first, second) = (a.min(b), a.max(b));
                shared.push(u64::from(first) << 32 | u64::from(second));
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

/// `held` sorted by fingerprint, stably, so that the texts of one stay in
/// order: a radix sort, two passes of 16 bits, several times faster than a
/// comparison sort on millions of fingerprints.
fn sort_by_print(mut held: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let mut other = vec![(0, 0); held.len()];
    for shift in [0, 16] {
        let digit = |print: u32| ((print >> shift) & 0xffff) as usize;
        let mut starts = vec![0usize; 1 << 16];
        for &(print, _) in &held {
            starts[digit(print)] += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            (*start, sum) = (sum, sum + *start);
        }
        for &pair in &held {
            let d = digit(pair.0);
            other[starts[d]] = pair;
            starts[d] += 1;
        }
        std::mem::swap(&mut held, &mut other);
    }
    held
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

/// A hash of each word of `paragraph` (a run of letters, digits and
/// marks), folded so that case and accents do not matter; in scripts
/// written without spaces, each character is a word. The addresses of
/// Markdown links are not words of the text. One pass over the bytes: every
/// article is read this way on every build.
fn word_hashes(paragraph: &str, into: &mut Vec<u64>) {
    let bytes = paragraph.as_bytes();
    let (mut hash, mut in_word) = (WORD_SEED, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b.to_ascii_lowercase() as char, 1)
        } else {
            let c = paragraph[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        i += len;
        let word = if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else {
            is_word_char(c)
        };
        if word && !(b >= 0x80 && is_unspaced(c)) {
            hash = mix(hash, if b < 0x80 { c } else { fold_char(c) });
            in_word = true;
            continue;
        }
        if in_word {
            into.push(hash);
            (hash, in_word) = (WORD_SEED, false);
        }
        if word {
            into.push(mix(WORD_SEED, fold_char(c)));
        } else if b == b']' && bytes.get(i) == Some(&b'(') {
            i = paragraph[i..].find(')').map_or(bytes.len(), |k| i + k + 1);
        }
    }
    if in_word {
        into.push(hash);
    }
}

const WORD_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One more character into a word's hash (FNV-1a, a character at a time).
fn mix(hash: u64, c: char) -> u64 {
    (hash ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
}

/// A 32-bit hash of each run of [`SHINGLE_WORDS`] words.
fn shingles(words: &[u64], into: &mut Vec<u32>) {
    into.extend(words.windows(SHINGLE_WORDS).map(|w| {
        let mut h: u64 = 0;
        for &word in w {
            h = (h ^ word)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(29);
        }
        // The high bits are the best mixed.
        (h >> 32) as u32
    }));
}

/// Winnowing: the smallest hash of each window of [`WINDOW`] shingles (the
/// rightmost, when it ties), each position once.
fn winnow(hashes: &[u32], into: &mut Vec<u32>) {
    if hashes.is_empty() {
        return;
    }
    let window = WINDOW.min(hashes.len());
    // The place of the smallest hash of the window, looked for again only
    // when it leaves the window.
    let mut smallest: Option<usize> = None;
    for end in window - 1..hashes.len() {
        let start = end + 1 - window;
        match smallest {
            Some(at) if at >= start => {
                if hashes[end] <= hashes[at] {
                    smallest = Some(end);
                    into.push(hashes[end]);
                }
            }
            _ => {
                let at = (start..=end)
                    .rev()
                    .min_by_key(|&k| hashes[k])
                    .expect("a window is never empty");
                smallest = Some(at);
                into.push(hashes[at]);
            }
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
