//! Seeds that repeat an article: which new seed is the same text as an
//! article in `content/` or as a seed before it in the same run (see
//! [`crate::duplicates`] for how texts are compared), and the record of
//! them in `seeds/duplicates.toml`, where each one's own source is kept
//! without touching the article a person may have edited.

use std::collections::BTreeSet;
use std::path::Path;

use crate::duplicates::{self, Prints};
use crate::error::{Error, Result};
use crate::fs;
use crate::layout::{DUPLICATES_FILE, SEEDS_DIR};

/// What a seed repeats: an article in `content/` (its place in the
/// content index) or a seed of this run (its place in the seeds' list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earlier {
    Content(usize),
    Seed(usize),
}

/// Per seed, the text it repeats and the share they have in common, or
/// `None`. `seeds` holds the prints of the new seeds only (`None` for the
/// others), in the seeds' order; `saved_page` tells those that are saved
/// pages. Among copies in one run the saved page wins (its text is the
/// page's own, without a reader's selection), then the first by name, so
/// the same seeds always give the same articles.
pub fn repeated(
    content: &[Prints],
    seeds: &[Option<Prints>],
    saved_page: &[bool],
) -> Vec<Option<(Earlier, u8)>> {
    let none = Prints::default();
    let texts: Vec<&Prints> = content
        .iter()
        .chain(seeds.iter().map(|p| p.as_ref().unwrap_or(&none)))
        .collect();
    let n = content.len();
    // Per seed, the texts it is a copy of, as places in `texts`.
    let mut copies_of: Vec<Vec<(usize, u8)>> = vec![Vec::new(); seeds.len()];
    for pair in duplicates::copies(&texts) {
        for (this, other) in [(pair.first, pair.second), (pair.second, pair.first)] {
            if this >= n {
                copies_of[this - n].push((other, pair.share));
            }
        }
    }
    let mut order: Vec<usize> = (0..seeds.len()).collect();
    order.sort_by_key(|&k| !saved_page[k]);
    let mut written = vec![false; seeds.len()];
    let mut found = vec![None; seeds.len()];
    for k in order {
        if seeds[k].is_none() {
            continue;
        }
        // The closest copy that is, or will be, an article; then the first.
        let earlier = copies_of[k]
            .iter()
            .filter(|&&(other, _)| other < n || written[other - n])
            .max_by_key(|&&(other, share)| (share, std::cmp::Reverse(other)));
        match earlier {
            Some(&(other, share)) if other < n => found[k] = Some((Earlier::Content(other), share)),
            Some(&(other, share)) => found[k] = Some((Earlier::Seed(other - n), share)),
            None => written[k] = true,
        }
    }
    found
}

/// One line of `seeds/duplicates.toml`'s record: a seed not ingested.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recorded {
    /// `seeds/<file>`
    pub seed: String,
    /// The article it repeats, `content/<slug>.md`.
    pub article: String,
    pub share: u8,
    /// The seed's own publisher and address, as ingest read them.
    pub name: Option<String>,
    pub url: Option<String>,
}

const HEADER: &str = "\
# Seeds that `caspian ingest` did not make into articles, because an article
# in content/ has the same text. Each keeps the seed's own source (publisher
# and address) and the article it repeats. Ingest writes this file anew on
# every run; to make one of these seeds an article after all, run
# `caspian ingest --keep-duplicate SEED`.
";

/// The record's text, seeds in name order.
pub fn render(recorded: &[Recorded]) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = String::from(HEADER);
    let sorted: BTreeSet<&Recorded> = recorded.iter().collect();
    for r in sorted {
        out.push_str(&format!("\n[{}]\n", quote(&r.seed)));
        out.push_str(&format!("article = {}\n", quote(&r.article)));
        out.push_str(&format!("share = {}\n", r.share));
        for (key, value) in [("name", &r.name), ("url", &r.url)] {
            if let Some(v) = value {
                out.push_str(&format!("{key} = {}\n", quote(v)));
            }
        }
    }
    out
}

/// Writes the record under `root` when there is something to record or a
/// record to bring up to date; an unchanged record is left as it is.
pub fn write(root: &Path, recorded: &[Recorded]) -> Result<()> {
    let path = root.join(SEEDS_DIR).join(DUPLICATES_FILE);
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::read(&path, e)),
    };
    if old.is_none() && recorded.is_empty() {
        return Ok(());
    }
    let text = render(recorded);
    if old.as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    fs::write_atomic(&path, text.as_bytes())
}

/// The seeds the record under `root` names (`seeds/<file>`); none when
/// there is no record or it cannot be read as one.
pub fn recorded_seeds(root: &Path) -> BTreeSet<String> {
    let path = root.join(SEEDS_DIR).join(DUPLICATES_FILE);
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    match text.parse::<toml::Table>() {
        Ok(table) => table.keys().cloned().collect(),
        Err(_) => BTreeSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize) -> String {
        (0..60)
            .map(|i| format!("word{}", (i * 7 + n * 1000) % 997))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_saved_page_wins_over_copied_text_then_the_first_seed() {
        let same = Some(Prints::of(&text(1)));
        let other = Some(Prints::of(&text(2)));
        let seeds = [same.clone(), other, same.clone(), same];
        let found = repeated(&[], &seeds, &[false, false, true, false]);
        assert_eq!(
            found,
            vec![
                Some((Earlier::Seed(2), 100)),
                None,
                None,
                Some((Earlier::Seed(2), 100))
            ]
        );
    }

    #[test]
    fn an_article_in_content_comes_before_any_seed() {
        let content = [Prints::of(&text(2)), Prints::of(&text(1))];
        let found = repeated(&content, &[None, Some(Prints::of(&text(1)))], &[true, true]);
        assert_eq!(found, vec![None, Some((Earlier::Content(1), 100))]);
    }

    #[test]
    fn the_record_is_sorted_and_quoted() {
        let r = |seed: &str, url: Option<&str>| Recorded {
            seed: seed.into(),
            article: "content/a.md".into(),
            share: 97,
            name: Some("Agency \"Trend\"".into()),
            url: url.map(Into::into),
        };
        let text = render(&[
            r("seeds/b.txt", None),
            r("seeds/a.html", Some("https://x.az/1")),
        ]);
        assert!(text.starts_with(HEADER));
        assert_eq!(
            &text[HEADER.len()..],
            "\n[\"seeds/a.html\"]\narticle = \"content/a.md\"\nshare = 97\n\
             name = 'Agency \"Trend\"'\nurl = \"https://x.az/1\"\n\
             \n[\"seeds/b.txt\"]\narticle = \"content/a.md\"\nshare = 97\n\
             name = 'Agency \"Trend\"'\n"
        );
        let table: toml::Table = text.parse().expect("valid TOML");
        assert_eq!(table.len(), 2);
    }
}
