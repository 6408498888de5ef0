//! Scores what ingest finds on a corpus of real pages against what a person
//! expects (see `tests/corpus/README.md` for the folder layout). Shared by
//! `examples/corpus_eval` (the report) and `tests/corpus_quality.rs` (the
//! floors), so both count the same way.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use caspian::config::Config;
use caspian::date::PartialDate;
use caspian::ingest::seed::{self, Ingested};

/// What ingest reads of each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// `copied.txt`, as a seed `seeds/<page>.txt`.
    Copied,
    /// `page.html`, as a seed `seeds/<page>.html`.
    Saved,
}

impl Input {
    fn file(self) -> &'static str {
        match self {
            Input::Copied => "copied.txt",
            Input::Saved => "page.html",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Input::Copied => "txt",
            Input::Saved => "html",
        }
    }
}

/// A dated event as the corpus writes it down.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ExpectedEvent {
    pub date: String,
    pub text: String,
}

/// `expected.json`: Readability's metadata fields, and the chronicle
/// corpus's own (`date`, `topics`, …), each absent where not written down.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expected {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub published_time: Option<String>,
    /// The article's date as its text shows it (`YYYY-MM-DD`, `YYYY-MM`).
    pub date: Option<String>,
    pub topics: Option<Vec<String>>,
    /// Topics the article names only in passing: neither right nor wrong.
    #[serde(default)]
    pub topics_passing: Vec<String>,
    pub people: Option<Vec<String>>,
    pub places: Option<Vec<String>>,
    pub events: Option<Vec<ExpectedEvent>>,
}

impl Expected {
    /// The primary language subtag, lower-cased (`en-US` → `en`).
    pub fn language(&self) -> Option<String> {
        let lang = self.lang.as_deref()?.trim();
        let primary = lang.split(['-', '_']).next()?.to_ascii_lowercase();
        (!primary.is_empty()).then_some(primary)
    }

    /// The publication date: `date` where written down, else the day of
    /// `publishedTime`.
    pub fn publication_date(&self) -> Option<PartialDate> {
        if let Some(d) = &self.date {
            return PartialDate::parse(d).ok();
        }
        let t = self.published_time.as_deref()?;
        PartialDate::parse(t.get(..10)?).ok()
    }
}

/// One page of a corpus.
#[derive(Debug, Clone)]
pub struct Page {
    pub name: String,
    pub dir: PathBuf,
    pub expected: Expected,
    pub expected_text: String,
}

impl Page {
    /// The bytes of `input`, if the page has that form.
    pub fn input(&self, input: Input) -> Option<Vec<u8>> {
        read_maybe_gz(&self.dir.join(input.file()))
    }

    /// The copied text, for telling whether a headline is there at all.
    pub fn copied(&self) -> Option<String> {
        self.input(Input::Copied)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }
}

/// Reads `path`, or `path.gz` decompressed.
pub fn read_maybe_gz(path: &Path) -> Option<Vec<u8>> {
    if let Ok(bytes) = std::fs::read(path) {
        return Some(bytes);
    }
    let mut gz = path.as_os_str().to_owned();
    gz.push(".gz");
    let file = std::fs::File::open(PathBuf::from(gz)).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Every page of the corpus at `dir`, in name order. A folder without
/// `expected.json` is not a page.
pub fn read_corpus(dir: &Path) -> Result<Vec<Page>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let json = std::fs::read_to_string(dir.join("expected.json"))
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let expected: Expected = serde_json::from_str(&json)
                .map_err(|e| format!("{}/expected.json: {e}", dir.display()))?;
            let expected_text = read_maybe_gz(&dir.join("expected.txt"))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            Ok(Page {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir,
                expected,
                expected_text,
            })
        })
        .collect()
}

/// Lower-case `\w+` tokens, as the extraction benchmarks cut text.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' || is_mark(c) {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Combining marks, which `\w` counts as word characters (Devanagari
/// vowel signs, decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

fn shingles(tokens: &[String]) -> HashMap<&[String], usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        out.insert(tokens, 1);
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of `got` against `expected`, by 4-token shingles
/// counted as multisets. Both empty is perfect; one empty scores 0.
pub fn precision_recall(got: &str, expected: &str) -> (f64, f64) {
    let (g, e) = (tokens(got), tokens(expected));
    let (gs, es) = (shingles(&g), shingles(&e));
    let total = |s: &HashMap<&[String], usize>| s.values().sum::<usize>();
    let (gn, en) = (total(&gs), total(&es));
    if gn == 0 && en == 0 {
        return (1.0, 1.0);
    }
    let common: usize = gs
        .iter()
        .map(|(k, n)| (*n).min(es.get(k).copied().unwrap_or(0)))
        .sum();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (ratio(common, gn), ratio(common, en))
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Whether `got` is the headline `expected` names: the same words, one
/// containing the other with at least half of the longer one's words, or
/// 80% of the words shared. The expected title may carry the site's name
/// after a separator, so either part of it counts.
pub fn title_matches(got: &str, expected: &str) -> bool {
    let got = tokens(got);
    if got.is_empty() {
        return false;
    }
    title_forms(expected)
        .iter()
        .any(|e| words_match(&got, &tokens(e)))
}

fn title_forms(expected: &str) -> Vec<&str> {
    let mut forms = vec![expected];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
        if let Some((head, _)) = expected.rsplit_once(sep) {
            forms.push(head);
        }
        if let Some((head, _)) = expected.split_once(sep) {
            forms.push(head);
        }
    }
    forms
}

fn words_match(a: &[String], b: &[String]) -> bool {
    if b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * 2 >= long.len() && long.windows(short.len()).any(|w| w == short) {
        return true;
    }
    let sa: BTreeSet<&String> = a.iter().collect();
    let sb: BTreeSet<&String> = b.iter().collect();
    let shared = sa.intersection(&sb).count();
    shared * 5 >= sa.len().max(sb.len()) * 4
}

/// Whether the copied text writes the date out in full somewhere (in any
/// of the forms ingest reads), so that a publication date could have been
/// found in it at all.
pub fn copy_shows_date(copied: &str, date: PartialDate) -> bool {
    copied.lines().any(|l| {
        caspian::ingest::date_mentions::find(l)
            .iter()
            .any(|m| m.date() == Some(date))
    })
}

/// Whether some line of the copied text reads as the expected title, so
/// that a headline could have been found at all.
pub fn copy_has_title(copied: &str, expected: &str) -> bool {
    copied
        .lines()
        .filter(|l| !l.trim().is_empty())
        .any(|l| title_matches(l, expected))
}

/// The text of a Markdown body, one block a line, as a reader sees it.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Counts of a set comparison, summed over pages (micro-averaged).
#[derive(Debug, Clone, Copy, Default)]
pub struct SetScore {
    pub right: usize,
    pub extra: usize,
    pub missed: usize,
}

impl SetScore {
    pub fn of(got: &[String], expected: &[String], neither: &[String]) -> SetScore {
        let got: BTreeSet<&String> = got.iter().filter(|g| !neither.contains(g)).collect();
        let expected: BTreeSet<&String> =
            expected.iter().filter(|g| !neither.contains(g)).collect();
        SetScore {
            right: got.intersection(&expected).count(),
            extra: got.difference(&expected).count(),
            missed: expected.difference(&got).count(),
        }
    }

    pub fn add(&mut self, o: SetScore) {
        self.right += o.right;
        self.extra += o.extra;
        self.missed += o.missed;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.extra)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// How a date ingest gave compares with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOutcome {
    /// Neither the page nor ingest gives one.
    NoneExpected,
    /// Ingest gave a date where the page gives none: counted wrong.
    Invented,
    Right,
    /// Ingest gave fewer parts (a month) that agree.
    Partial,
    Wrong,
    Missed,
}

fn compare_dates(got: Option<PartialDate>, expected: Option<PartialDate>) -> DateOutcome {
    match (got, expected) {
        (None, None) => DateOutcome::NoneExpected,
        (Some(_), None) => DateOutcome::Invented,
        (None, Some(_)) => DateOutcome::Missed,
        (Some(g), Some(e)) if g == e => DateOutcome::Right,
        (Some(g), Some(e))
            if g.year == e.year && (g.month.is_none() || g.month == e.month) && g.day.is_none() =>
        {
            DateOutcome::Partial
        }
        _ => DateOutcome::Wrong,
    }
}

/// What ingest made of one page, scored.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub name: String,
    /// The expected language, or `?`.
    pub lang: String,
    pub error: Option<String>,
    pub body: String,
    pub expected_text: String,
    pub precision: f64,
    pub recall: f64,
    pub title: String,
    pub generated: bool,
    pub title_right: bool,
    /// Whether any line of the copy reads as the expected title.
    pub title_in_copy: bool,
    /// The copied text shows the expected publication date in full.
    pub date_in_copy: bool,
    pub lang_got: String,
    pub lang_right: Option<bool>,
    pub date_got: Option<PartialDate>,
    pub date: DateOutcome,
    pub topics: Option<SetScore>,
    pub people: Option<SetScore>,
    pub places: Option<SetScore>,
    /// Expected events found with the same date and the same words, and how
    /// many were expected.
    pub events_found: usize,
    pub events_expected: usize,
    pub events_got: Vec<(String, String)>,
    /// What ingest gave and what was expected, for the list of misses.
    pub topics_got: Vec<String>,
    pub expected: Expected,
}

impl Outcome {
    pub fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }

    /// A headline counts as right when it reads as the expected title, or
    /// when the copy has no such line and ingest said so by generating one.
    pub fn headline_ok(&self) -> bool {
        self.title_right || (!self.title_in_copy && self.generated)
    }
}

/// Runs ingest on one page and scores it. `today` bounds dates as ingest
/// does; pass a fixed day for repeatable numbers.
pub fn evaluate(page: &Page, input: Input, config: &Config, today: PartialDate) -> Outcome {
    let bytes = page.input(input).unwrap_or_default();
    let seed_path = format!("seeds/{}.{}", page.name, input.extension());
    let result: Result<Ingested, String> = seed::parse(&seed_path, &bytes, config, today);
    let expected_title = page.expected.title.clone().unwrap_or_default();
    let title_in_copy = page
        .copied()
        .is_some_and(|c| copy_has_title(&c, &expected_title));
    let want_lang = page.expected.language();
    let want_date = page.expected.publication_date();
    let date_in_copy = want_date
        .zip(page.copied())
        .is_some_and(|(d, c)| copy_shows_date(&c, d));
    let mut out = Outcome {
        name: page.name.clone(),
        lang: want_lang.clone().unwrap_or_else(|| "?".into()),
        error: None,
        body: String::new(),
        expected_text: page.expected_text.clone(),
        precision: 0.0,
        recall: 0.0,
        title: String::new(),
        generated: false,
        title_right: false,
        title_in_copy,
        date_in_copy,
        lang_got: String::new(),
        lang_right: want_lang.as_ref().map(|_| false),
        date_got: None,
        date: compare_dates(None, want_date),
        topics: None,
        people: None,
        places: None,
        events_found: 0,
        events_expected: page.expected.events.as_ref().map_or(0, Vec::len),
        events_got: Vec::new(),
        topics_got: Vec::new(),
        expected: page.expected.clone(),
    };
    let ingested = match result {
        Ok(i) => i,
        Err(e) => {
            out.error = Some(e);
            return out;
        }
    };
    let fm = &ingested.front_matter;
    out.body = markdown_text(&ingested.body);
    (out.precision, out.recall) = precision_recall(&out.body, &page.expected_text);
    out.title = fm.title.clone();
    out.generated = fm.generated.iter().any(|g| g == "title");
    out.title_right = !expected_title.is_empty() && title_matches(&fm.title, &expected_title);
    out.lang_got = fm.lang.clone();
    out.lang_right = want_lang.as_ref().map(|w| *w == fm.lang);
    out.date_got = fm.date;
    out.date = compare_dates(fm.date, want_date);
    let e = &page.expected;
    out.topics_got = fm.topics.clone();
    out.topics = e
        .topics
        .as_ref()
        .map(|t| SetScore::of(&fm.topics, t, &e.topics_passing));
    out.people = e.people.as_ref().map(|t| SetScore::of(&fm.people, t, &[]));
    out.places = e.places.as_ref().map(|t| SetScore::of(&fm.places, t, &[]));
    out.events_got = fm
        .events
        .iter()
        .map(|ev| (ev.date.iso(), ev.text.clone()))
        .collect();
    if let Some(want) = &e.events {
        out.events_found = want
            .iter()
            .filter(|w| {
                out.events_got
                    .iter()
                    .any(|(d, t)| *d == w.date && tokens(t) == tokens(&w.text))
            })
            .count();
    }
    out
}

/// Sums over a group of pages.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub pages: usize,
    pub errors: usize,
    pub precision: f64,
    pub recall: f64,
    pub headline_ok: usize,
    pub title_in_copy: usize,
    pub lang_given: usize,
    pub lang_right: usize,
    pub date_given: usize,
    pub date_right: usize,
    /// Pages whose copy shows the expected date, and of them those whose
    /// date ingest got right.
    pub date_in_copy: usize,
    pub date_right_in_copy: usize,
    pub date_partial: usize,
    pub date_wrong: usize,
    pub date_invented: usize,
    pub topics: SetScore,
    pub people: SetScore,
    pub places: SetScore,
    pub events_expected: usize,
    pub events_found: usize,
}

impl Summary {
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Summary {
        let mut s = Summary::default();
        for o in outcomes {
            s.pages += 1;
            s.errors += usize::from(o.error.is_some());
            s.precision += o.precision;
            s.recall += o.recall;
            s.headline_ok += usize::from(o.headline_ok());
            s.title_in_copy += usize::from(o.title_in_copy);
            if let Some(right) = o.lang_right {
                s.lang_given += 1;
                s.lang_right += usize::from(right);
            }
            match o.date {
                DateOutcome::NoneExpected => {}
                DateOutcome::Invented => s.date_invented += 1,
                DateOutcome::Right => s.date_right += 1,
                DateOutcome::Partial => s.date_partial += 1,
                DateOutcome::Wrong => s.date_wrong += 1,
                DateOutcome::Missed => {}
            }
            if o.date_in_copy {
                s.date_in_copy += 1;
                s.date_right_in_copy += usize::from(o.date == DateOutcome::Right);
            }
            if !matches!(o.date, DateOutcome::NoneExpected | DateOutcome::Invented) {
                s.date_given += 1;
            }
            for (total, part) in [
                (&mut s.topics, o.topics),
                (&mut s.people, o.people),
                (&mut s.places, o.places),
            ] {
                if let Some(p) = part {
                    total.add(p);
                }
            }
            s.events_expected += o.events_expected;
            s.events_found += o.events_found;
        }
        if s.pages > 0 {
            s.precision /= s.pages as f64;
            s.recall /= s.pages as f64;
        }
        s
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }
}

/// The outcomes grouped by expected language, in code order.
pub fn by_language(outcomes: &[Outcome]) -> BTreeMap<String, Vec<&Outcome>> {
    let mut groups: BTreeMap<String, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        groups.entry(o.lang.clone()).or_default().push(o);
    }
    groups
}

/// Lines of `from` of which less than half the shingles appear in `other`:
/// what was lost (expected against got) or kept wrongly (got against
/// expected).
pub fn unmatched_lines(from: &str, other: &str) -> Vec<String> {
    let other_tokens = tokens(other);
    let known: BTreeSet<&[String]> = other_tokens.windows(4).collect();
    from.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|line| {
            let t = tokens(line);
            if t.len() < 4 {
                return !other_tokens
                    .windows(t.len().max(1))
                    .any(|w| w == t.as_slice());
            }
            let all = t.windows(4).count();
            let hit = t.windows(4).filter(|w| known.contains(w)).count();
            hit * 2 < all
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_score_what_was_kept_and_lost() {
        let (p, r) = precision_recall("a b c d e f", "a b c d e f g h");
        assert_eq!(p, 1.0);
        assert!((r - 0.6).abs() < 1e-9, "{r}");
    }

    #[test]
    fn a_title_with_the_site_name_still_matches() {
        assert!(title_matches(
            "Pixar's head of animation quits",
            "Pixar's head of animation quits - Yahoo News"
        ));
        assert!(!title_matches(
            "Skip to content",
            "Pixar's head of animation quits"
        ));
    }
}
