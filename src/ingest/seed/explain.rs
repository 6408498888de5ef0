//! What ingest made of one seed and why, as `caspian ingest --explain SEED`
//! prints it: each field's value with the lines or words that decided it,
//! and the close alternatives with their scores (each topic against the
//! threshold, each date against the others).

use std::fmt;

use super::Ingested;
use super::published::DateChoice;
use super::topics::TopicChoice;
use crate::ingest::events::Found;

/// One seed read as ingest reads it, with the evidence for each field.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub seed: String,
    pub ingested: Ingested,
    pub headline_generated: bool,
    /// The lines taken out as site furniture.
    pub removed: Vec<String>,
    pub language_certain: bool,
    pub date: DateChoice,
    pub topics: TopicChoice,
    /// Slugs with how often the text names them.
    pub people: Vec<(String, u32)>,
    pub places: Vec<(String, u32)>,
    pub events: Vec<Found>,
    /// Where the publisher's name was read.
    pub source_found: Option<&'static str>,
}

/// Lines of furniture shown before "and N more".
const REMOVED_SHOWN: usize = 8;
/// Date candidates shown.
const DATES_SHOWN: usize = 12;

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fm = &self.ingested.front_matter;
        writeln!(f, "title: {}", fm.title)?;
        if self.headline_generated {
            writeln!(
                f,
                "  made from the first sentence: no line before the text reads as a headline"
            )?;
        } else {
            writeln!(
                f,
                "  the headline: the title-like line just before the text's first paragraph"
            )?;
        }
        writeln!(
            f,
            "  {} line{} removed as site furniture{}",
            self.removed.len(),
            plural(self.removed.len()),
            if self.removed.is_empty() { "" } else { ":" }
        )?;
        for line in self.removed.iter().take(REMOVED_SHOWN) {
            writeln!(f, "    - {}", clip(line, 90))?;
        }
        if self.removed.len() > REMOVED_SHOWN {
            writeln!(f, "    … and {} more", self.removed.len() - REMOVED_SHOWN)?;
        }

        writeln!(
            f,
            "\nlang: {} ({}{})",
            fm.lang,
            crate::language::english_name(&fm.lang),
            if self.language_certain {
                ""
            } else {
                "; not certain"
            }
        )?;

        match fm.date {
            Some(d) => writeln!(f, "\ndate: {d}")?,
            None => writeln!(f, "\ndate: none")?,
        }
        if self.date.candidates.is_empty() {
            writeln!(f, "  the text shows no date")?;
        }
        for c in self.date.candidates.iter().take(DATES_SHOWN) {
            let verdict = if c.chosen {
                "chosen "
            } else if c.rank.is_some() {
                "outranked"
            } else {
                "refused"
            };
            let value = c.date.map_or_else(|| "no year".to_string(), |d| d.iso());
            writeln!(
                f,
                "  {verdict:<9} {value:<10}  \"{}\", {}: {}",
                c.written, c.place, c.why
            )?;
            if c.context != c.written {
                writeln!(f, "              in \"{}\"", clip(&c.context, 110))?;
            }
        }
        if self.date.candidates.len() > DATES_SHOWN {
            writeln!(
                f,
                "  … and {} more dates in the text",
                self.date.candidates.len() - DATES_SHOWN
            )?;
        }

        let t = &self.topics;
        writeln!(
            f,
            "\ntopics: [{}]\n  a topic needs {:.1} points (more in a longer text) and {:.0}% of the strongest topic's {:.1}; at most {} (max_topics), more only when plainly about more",
            fm.topics.join(", "),
            t.threshold,
            100.0 * super::topics::SHARE_OF_STRONGEST,
            t.strongest,
            t.max_topics
        )?;
        if t.accident > 0.0 {
            writeln!(
                f,
                "  an accident or disaster scores {:.1} (no site topic; a keyword in a sentence about it counts a quarter)",
                t.accident
            )?;
        }
        if t.scores.is_empty() {
            writeln!(f, "  no topic's keywords are in the text")?;
        }
        for s in &t.scores {
            writeln!(
                f,
                "  {} {:<12} {:>5.1}  {}",
                if s.chosen { "+" } else { "-" },
                s.slug,
                s.score,
                s.why
            )?;
            writeln!(
                f,
                "      headline {}, first paragraphs {}, further {} (in lists of sectors {}); named in {} paragraph{}: {}",
                s.in_title,
                s.in_lede,
                s.further,
                s.in_lists,
                s.paragraphs,
                plural(s.paragraphs),
                s.words.join(", ")
            )?;
        }

        for (what, named) in [("people", &self.people), ("places", &self.places)] {
            writeln!(
                f,
                "\n{what}:{}",
                if named.is_empty() { " none" } else { "" }
            )?;
            for (slug, n) in named {
                writeln!(f, "  {slug}: named {n} time{}", plural(*n as usize))?;
            }
        }

        writeln!(
            f,
            "\nevents:{}",
            if self.events.is_empty() { " none" } else { "" }
        )?;
        for e in &self.events {
            writeln!(f, "  {}: {}", e.event.date, e.event.text)?;
            writeln!(f, "      from \"{}\"", clip(&e.sentence, 110))?;
        }

        let source = fm.source.as_ref().and_then(|s| s.name.as_deref());
        match (source, self.source_found) {
            (Some(name), Some(how)) => writeln!(f, "\nsource: {name}\n  read from {how}")?,
            (Some(name), None) => writeln!(f, "\nsource: {name}")?,
            (None, _) => writeln!(f, "\nsource: none named")?,
        }

        if !self.ingested.warnings.is_empty() {
            writeln!(f, "\nwarnings:")?;
            for w in &self.ingested.warnings {
                writeln!(f, "  {w}")?;
            }
        }
        Ok(())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn clip(s: &str, n: usize) -> String {
    crate::text::cut_at_word(s, n)
}
