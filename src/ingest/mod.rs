//! `caspian ingest`: every raw article in `seeds/` becomes a Markdown file in
//! `content/`. Idempotent, and it never loses a person's work: a content file
//! edited since ingest wrote it is kept unless `--force`, and nothing is
//! ever deleted. A new seed that repeats an article (the same text under
//! other furniture) is not written; `seeds/duplicates.toml` records it
//! with its source (see [`duplicates`]).
//!
//! The work on one seed is pure ([`seed::parse`]); this module finds the
//! seeds, matches each to its content file and decides what to write.

pub mod clean;
pub mod date_mentions;
pub mod detect;
pub mod duplicates;
pub mod events;
pub mod fetch;
pub mod html;
pub mod markdown;
pub mod seed;
pub mod short_text;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::duplicates::Prints;
use crate::error::{Error, Result};
use crate::frontmatter;
use crate::fs;
use crate::layout::{self, CONTENT_DIR, DUPLICATES_FILE, SEEDS_DIR};

pub use seed::Ingested;

/// What happened to one seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Created,
    Updated,
    Unchanged,
    /// Edited by a person since ingest wrote it; left alone.
    Kept,
    /// Edited by a person, and overwritten because of `--force`.
    Overwritten,
    /// Not a `.txt`, `.html` or `.htm` file, so not read.
    Skipped,
    /// The same text as an article; not written (see [`SeedReport::original`]).
    Duplicate,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Unchanged => "unchanged",
            Action::Kept => "kept",
            Action::Overwritten => "overwritten",
            Action::Skipped => "skipped",
            Action::Duplicate => "not ingested",
        })
    }
}

/// One line of ingest's report.
#[derive(Debug, Clone)]
pub struct SeedReport {
    /// `seeds/<file>.txt`
    pub seed: String,
    /// What was done and to which file (`content/<slug>.md`), or why not.
    pub outcome: std::result::Result<(Action, String), String>,
    pub warnings: Vec<String>,
    /// For a duplicate: the article it repeats.
    pub original: Option<Original>,
    /// For an article written: the other reports of its story
    /// (`content/<slug>.md (<language>)`), as the build will show them.
    pub story: Vec<String>,
}

/// The article a seed repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    /// `content/<slug>.md`
    pub article: String,
    /// The seed the article came from, when ingest wrote it.
    pub seed: Option<String>,
    /// How much of the shorter text is in the other, in percent.
    pub share: u8,
}

impl SeedReport {
    /// Whether the file was left alone for not being a seed.
    pub fn skipped(&self) -> bool {
        matches!(self.outcome, Ok((Action::Skipped, _)))
    }

    /// The article written from the seed (`content/<slug>.md`), if any.
    pub fn written(&self) -> Option<&str> {
        match &self.outcome {
            Ok((Action::Created | Action::Updated | Action::Overwritten, path)) => Some(path),
            _ => None,
        }
    }

    /// Whether the seed was not ingested for repeating an article.
    pub fn duplicate(&self) -> bool {
        matches!(self.outcome, Ok((Action::Duplicate, _)))
    }
}

impl fmt::Display for SeedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            Ok((Action::Kept, path)) => write!(
                f,
                "{}: kept {path}: edited by hand since ingest wrote it (use --force to overwrite it)",
                self.seed
            )?,
            Ok((Action::Skipped, _)) => write!(
                f,
                "{}: skipped: ingest reads only .txt files (copied text) and .html or .htm files (saved web pages) in seeds/",
                self.seed
            )?,
            Ok((Action::Duplicate, article)) => {
                write!(f, "{}: the same article as {article}", self.seed)?;
                if let Some(original) = &self.original {
                    if let Some(seed) = &original.seed {
                        write!(f, " (from {seed})")?;
                    }
                    write!(f, ", {}% of its text", original.share)?;
                }
                write!(f, "; not ingested")?
            }
            Ok((action, path)) => write!(f, "{}: {action} {path}", self.seed)?,
            Err(why) => write!(f, "{}: error: {why}", self.seed)?,
        }
        for w in &self.warnings {
            write!(f, "\n{}: warning: {w}", self.seed)?;
        }
        if !self.story.is_empty() {
            write!(
                f,
                "\n{}: one story with {}: the same or the next day, the same people and \
                 places; the site shows them together (`story: none` keeps an article alone)",
                self.seed,
                listed(&self.story)
            )?;
        }
        Ok(())
    }
}

/// The first few of `items`, and how many more: a story of fifty reports
/// should not make each of its reports' lines fifty names long.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 3;
    match items.len().checked_sub(SHOWN) {
        None | Some(0) => items.join(", "),
        Some(more) => format!("{} and {more} more", items[..SHOWN].join(", ")),
    }
}

/// Ingests every seed under `root`. A bad seed is reported and the others go
/// on; only a failure to read the folders themselves is an `Err`. A new seed
/// whose text an article already has is not written, whatever `force`
/// says, unless it is one of `keep` (`seeds/<file>`, as
/// [`seed_name`] gives them).
pub fn run(root: &Path, config: &Config, force: bool, keep: &[String]) -> Result<Vec<SeedReport>> {
    let seeds_dir = root.join(SEEDS_DIR);
    let content_dir = root.join(CONTENT_DIR);
    let listing = list_seeds(&seeds_dir)?;
    let seeds = listing.files;
    let existing = index_content(root)?;
    let today = crate::date::today();

    // Per seed: what ingest made of it and the file text, or why not; and
    // for a new seed, the fingerprints of its text.
    type SeedOutcome = std::result::Result<(Ingested, String), String>;
    let parsed: Vec<(String, SeedOutcome, Option<Prints>)> = seeds
        .par_iter()
        .map(|path| {
            let name = fs::relative(root, path);
            let article = existing.by_seed.get(&name);
            let kept = keep.contains(&name) || article.is_some_and(|&k| existing.kept[k]);
            let result = read_seed(path)
                .and_then(|bytes| seed::parse(&name, &bytes, config, today))
                .map(|mut ingested| {
                    ingested.front_matter.keep_duplicate = kept;
                    let text = render(&ingested);
                    (ingested, text)
                });
            let prints = match &result {
                Ok((ingested, _)) if article.is_none() && !kept => Some(Prints::of(&ingested.body)),
                _ => None,
            };
            (name, result, prints)
        })
        .collect();
    let (parsed, prints): (Vec<_>, Vec<_>) = parsed
        .into_iter()
        .map(|(name, result, prints)| ((name, result), prints))
        .unzip();
    let saved_page: Vec<bool> = seeds
        .iter()
        .map(|p| html::is_page(&p.to_string_lossy()))
        .collect();
    let repeated = duplicates::repeated(&existing.prints, &prints, &saved_page);

    std::fs::create_dir_all(&content_dir).map_err(|e| Error::write(&content_dir, e))?;
    fs::remove_stale_temps(&content_dir)?;
    // Files are named in the seeds' order, so the same seeds get the same
    // names; then written in parallel, each to its own name.
    let mut names = FreeNames::new(existing.files.iter().map(|p| fs::relative(root, p)));
    let named: Vec<_> = parsed
        .into_iter()
        .zip(&repeated)
        .map(|((name, result), repeats)| {
            let result = result.map(|(ingested, text)| {
                let target = match existing.by_seed.get(&name) {
                    Some(&k) => fs::relative(root, &existing.files[k]),
                    None if repeats.is_some() => String::new(),
                    None => names.take(&ingested.slug),
                };
                (ingested, text, target)
            });
            (name, result)
        })
        .collect();
    // What each duplicate repeats, now that every new article has its name.
    let originals: Vec<Option<Original>> = repeated
        .iter()
        .map(|repeats| {
            let &(earlier, share) = repeats.as_ref()?;
            let (article, seed) = match earlier {
                duplicates::Earlier::Content(k) => (
                    fs::relative(root, &existing.files[k]),
                    existing.seeds[k].clone(),
                ),
                duplicates::Earlier::Seed(k) => {
                    let (seed, result) = &named[k];
                    let target = result.as_ref().map(|(_, _, t)| t.clone()).ok()?;
                    (target, Some(seed.clone()))
                }
            };
            Some(Original {
                article,
                seed,
                share,
            })
        })
        .collect();
    let recorded: Vec<duplicates::Recorded> = named
        .iter()
        .zip(&originals)
        .filter_map(|((seed, result), original)| {
            let original = original.as_ref()?;
            let source = result.as_ref().ok()?.0.front_matter.source.as_ref();
            Some(duplicates::Recorded {
                seed: seed.clone(),
                article: original.article.clone(),
                share: original.share,
                name: source.and_then(|s| s.name.clone()),
                url: source.and_then(|s| s.url.clone()),
            })
        })
        .collect();
    let mut reports: Vec<SeedReport> = named
        .into_par_iter()
        .zip(originals)
        .map(|((name, result), original)| match result {
            Err(why) => SeedReport {
                seed: name,
                outcome: Err(why),
                warnings: Vec::new(),
                original: None,
                story: Vec::new(),
            },
            Ok((_, _, _)) if original.is_some() => SeedReport {
                seed: name,
                outcome: Ok((
                    Action::Duplicate,
                    original
                        .as_ref()
                        .map(|o| o.article.clone())
                        .unwrap_or_default(),
                )),
                warnings: Vec::new(),
                original,
                story: Vec::new(),
            },
            Ok((ingested, text, target)) => {
                let outcome =
                    write_article(&root.join(&target), &text, force).map(|action| (action, target));
                // A kept file is the editor's: what ingest would have written does not matter.
                let warnings = match outcome {
                    Ok((Action::Kept, _)) => Vec::new(),
                    _ => ingested.warnings,
                };
                SeedReport {
                    seed: name,
                    outcome,
                    warnings,
                    original: None,
                    story: Vec::new(),
                }
            }
        })
        .collect();
    duplicates::write(root, &recorded)?;
    for link in &listing.links {
        reports.push(SeedReport {
            seed: fs::relative(root, link),
            outcome: Err(layout::link_refused(
                "ingest reads only real files in",
                SEEDS_DIR,
            )),
            warnings: Vec::new(),
            original: None,
            story: Vec::new(),
        });
    }
    for other in &listing.others {
        reports.push(SeedReport {
            seed: fs::relative(root, other),
            outcome: Ok((Action::Skipped, String::new())),
            warnings: Vec::new(),
            original: None,
            story: Vec::new(),
        });
    }
    reports.sort_by(|a, b| a.seed.cmp(&b.seed));
    Ok(reports)
}

/// The name of the seed at `seed`, a path as the user typed it (from the
/// current folder, or from `root`): `seeds/<file>` when it is under `root`.
/// An error when there is no such file.
pub fn seed_name(root: &Path, seed: &Path) -> Result<(PathBuf, String)> {
    let path = if seed.exists() || seed.is_absolute() {
        seed.to_path_buf()
    } else {
        root.join(seed)
    };
    if !path.is_file() {
        return Err(Error::Other(format!(
            "{}: no such seed; give the path of a raw article, e.g. `seeds/article.txt`",
            path.display()
        )));
    }
    let name = match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) if p.starts_with(&r) => fs::relative(&r, &p),
        _ => path.to_string_lossy().replace('\\', "/"),
    };
    Ok((path, name))
}

/// What ingest would write for the seed at `seed` (a path as the user
/// typed it: from the current folder, or from `root`), and why: each field
/// with what decided it. Writes nothing.
pub fn explain(root: &Path, config: &Config, seed: &Path) -> Result<String> {
    let (path, name) = seed_name(root, seed)?;
    let bytes = read_seed(&path).map_err(|why| Error::Other(format!("{name}: {why}")))?;
    let explained = seed::explain(&name, &bytes, config, crate::date::today())
        .map_err(|why| Error::Other(format!("{name}: {why}")))?;
    let existing = index_content(root)?;
    let target = match existing.by_seed.get(&name) {
        Some(&k) => {
            let file = &existing.files[k];
            let file_name = fs::relative(root, file);
            let text = std::fs::read_to_string(file).map_err(|e| Error::read(file, e))?;
            if is_untouched(&text) {
                format!("{file_name} (ingest wrote it; it would be updated)")
            } else {
                format!("{file_name} (edited by hand: kept unless --force)")
            }
        }
        None => format!("{CONTENT_DIR}/{}.md (new)", explained.ingested.slug),
    };
    Ok(format!(
        "{name} -> {target}; --explain writes nothing\n\n{explained}"
    ))
}

/// The file text for an ingested article, fingerprinted.
pub fn render(ingested: &Ingested) -> String {
    let unsigned = article_text(&ingested.front_matter, &ingested.body);
    let mut front_matter = ingested.front_matter.clone();
    if let Some(source) = front_matter.source.as_mut() {
        source.fingerprint = Some(fingerprint(&unsigned));
    }
    article_text(&front_matter, &ingested.body)
}

fn article_text(front_matter: &frontmatter::FrontMatter, body: &str) -> String {
    format!("{}\n{body}", frontmatter::write(front_matter))
}

/// A 64-bit FNV-1a hash, as 16 hex digits: enough to notice an edit.
fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `text` is exactly what ingest wrote: its fingerprint line matches
/// the rest of it.
pub fn is_untouched(text: &str) -> bool {
    let Some(start) = text.find("\n  fingerprint: ") else {
        return false;
    };
    let line_start = start + 1;
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i + 1);
    let recorded = text[line_start..line_end]
        .trim()
        .trim_start_matches("fingerprint:")
        .trim()
        // The writer quotes a fingerprint that YAML would read as a number.
        .trim_matches(['"', '\'']);
    let without = format!("{}{}", &text[..line_start], &text[line_end..]);
    fingerprint(&without) == recorded
}

fn write_article(path: &Path, text: &str, force: bool) -> std::result::Result<Action, String> {
    let action = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Action::Created,
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        Ok(old) if old == text => return Ok(Action::Unchanged),
        Ok(old) if is_untouched(&old) => Action::Updated,
        Ok(_) if force => Action::Overwritten,
        Ok(_) => return Ok(Action::Kept),
    };
    fs::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(action)
}

/// File names for new articles: `content/<slug>.md`, or `<slug>-2.md`, ...
/// when the name is taken.
struct FreeNames {
    taken: HashSet<String>,
    /// Per slug, the number to try first: those below it are taken.
    next: HashMap<String, usize>,
}

impl FreeNames {
    fn new(taken: impl IntoIterator<Item = String>) -> FreeNames {
        FreeNames {
            taken: taken.into_iter().collect(),
            next: HashMap::new(),
        }
    }

    fn take(&mut self, slug: &str) -> String {
        let first = self.next.get(slug).copied().unwrap_or(1);
        let (n, name) = (first..)
            .map(|n| {
                let name = if n == 1 {
                    format!("{CONTENT_DIR}/{slug}.md")
                } else {
                    format!("{CONTENT_DIR}/{slug}-{n}.md")
                };
                (n, name)
            })
            .find(|(_, name)| !self.taken.contains(name))
            .expect("a free name");
        self.next.insert(slug.to_string(), n + 1);
        self.taken.insert(name.clone());
        name
    }
}

/// The seeds under `dir`: copied text (`.txt`) and saved pages (`.html`,
/// `.htm`), in name order; links and other files apart, and the record of
/// duplicates left out.
pub fn list_seeds(dir: &Path) -> Result<fs::Listing> {
    let mut listing = fs::list(dir, "txt")?;
    let record = dir.join(DUPLICATES_FILE);
    let (pages, others): (Vec<PathBuf>, Vec<PathBuf>) = std::mem::take(&mut listing.others)
        .into_iter()
        .filter(|p| *p != record)
        .partition(|p| html::is_page(&p.to_string_lossy()));
    listing.others = others;
    if !pages.is_empty() {
        listing.files.extend(pages);
        listing.files.sort();
    }
    Ok(listing)
}

/// A seed's bytes; one too big to be an article is not read at all.
fn read_seed(path: &Path) -> std::result::Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("cannot be read: {e}");
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    let name = path.to_string_lossy();
    if size > seed::max_bytes(&name) as u64 {
        return Err(if html::is_page(&name) {
            html::too_big(size)
        } else {
            seed::too_big(size)
        });
    }
    std::fs::read(path).map_err(cannot)
}

/// The content files, which seed each came from, whether it is kept as a
/// duplicate on purpose, and the fingerprints of its text.
struct ContentIndex {
    files: Vec<PathBuf>,
    /// Per seed, the place in `files` of its article.
    by_seed: BTreeMap<String, usize>,
    seeds: Vec<Option<String>>,
    kept: Vec<bool>,
    prints: Vec<Prints>,
}

fn index_content(root: &Path) -> Result<ContentIndex> {
    let files = fs::list_files(&root.join(CONTENT_DIR), "md")?;
    let read: Vec<(Option<String>, bool, Prints)> = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
            let split = frontmatter::split(&text).ok();
            let kept =
                split.is_some_and(|s| s.yaml.lines().any(|l| l.trim_end() == "duplicate: keep"));
            let prints = Prints::of(split.map_or(text.as_str(), |s| s.body));
            Ok((seed_of(&text), kept, prints))
        })
        .collect::<Result<_>>()?;
    let mut by_seed = BTreeMap::new();
    let (mut seeds, mut kept, mut prints) = (Vec::new(), Vec::new(), Vec::new());
    for (k, (seed, keep, p)) in read.into_iter().enumerate() {
        if let Some(seed) = &seed {
            by_seed.entry(seed.clone()).or_insert(k);
        }
        seeds.push(seed);
        kept.push(keep);
        prints.push(p);
    }
    Ok(ContentIndex {
        files,
        by_seed,
        seeds,
        kept,
        prints,
    })
}

/// The `seed:` a content file names, read from its text even when the YAML
/// around it is broken, so that a half-edited file is still recognised.
fn seed_of(text: &str) -> Option<String> {
    let yaml = frontmatter::split(text).map(|s| s.yaml).unwrap_or(text);
    yaml.lines().find_map(|line| {
        let value = line.trim_start().strip_prefix("seed:")?.trim();
        Some(value.trim_matches(['"', '\'']).to_string()).filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What ingest makes of `seeds/x.txt` with this body.
    fn ingested(body: String) -> Ingested {
        Ingested {
            slug: "x".into(),
            front_matter: frontmatter::FrontMatter {
                title: "T".into(),
                lang: "en".into(),
                source: Some(frontmatter::Source {
                    seed: Some("seeds/x.txt".into()),
                    ..Default::default()
                }),
                ..Default::default()
            },
            body,
            warnings: vec![],
        }
    }

    #[test]
    fn fingerprint_tells_ingests_text_from_an_edit() {
        let text = render(&ingested("Body.\n".into()));
        assert!(text.contains("\n  fingerprint: "), "{text}");
        assert!(is_untouched(&text));
        assert!(!is_untouched(&text.replace("Body.", "Body, edited.")));
        assert!(!is_untouched("---\ntitle: T\n---\n"));
    }

    #[test]
    fn a_quoted_fingerprint_still_matches() {
        // A fingerprint such as "9d810466539f9470" looks like a number to
        // YAML, so the writer quotes it; this one is the first such body.
        let text = (0..)
            .map(|n| render(&ingested(format!("Body {n}.\n"))))
            .find(|text| text.contains("\n  fingerprint: \""))
            .expect("some fingerprint is quoted");
        assert!(is_untouched(&text), "{text}");
        assert!(!is_untouched(&text.replace("Body", "Text")));
    }

    #[test]
    fn seed_is_found_even_in_broken_yaml() {
        assert_eq!(
            seed_of("---\ntitle: [broken\nsource:\n  seed: seeds/a.txt\n---\n").as_deref(),
            Some("seeds/a.txt")
        );
        assert_eq!(seed_of("---\ntitle: T\n---\n"), None);
    }

    #[test]
    fn a_long_list_of_reports_is_cut_to_three_and_a_count() {
        let items: Vec<String> = (1..=5).map(|i| format!("content/{i}.md (en)")).collect();
        assert_eq!(listed(&items[..1]), "content/1.md (en)");
        assert_eq!(
            listed(&items[..3]),
            "content/1.md (en), content/2.md (en), content/3.md (en)"
        );
        assert_eq!(
            listed(&items),
            "content/1.md (en), content/2.md (en), content/3.md (en) and 2 more"
        );
    }

    #[test]
    fn free_names_never_collide() {
        let mut names = FreeNames::new(["content/a.md".to_string(), "content/b-2.md".to_string()]);
        assert_eq!(names.take("a"), "content/a-2.md");
        assert_eq!(names.take("a"), "content/a-3.md");
        assert_eq!(names.take("b"), "content/b.md");
        assert_eq!(names.take("b"), "content/b-3.md");
        assert_eq!(names.take("b-3"), "content/b-3-2.md");
    }
}
