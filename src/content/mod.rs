//! Articles: a Markdown file in `content/` read into its front matter and
//! body, checked against the site's configuration. `Article::parse` does no
//! I/O; `load` reads the whole folder and reports every problem at once.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, EntityKind};
use crate::duplicates::Prints;
use crate::error::{Diagnostic, Diagnostics, Error, Result, suggest};
use crate::frontmatter::{self, FrontMatter, Locator};
use crate::fs;
use crate::layout::{self, CONTENT_DIR};

/// The largest article file read: a long report is a few hundred kilobytes;
/// more is an archive or an accident, and would make a page no phone loads.
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// One article, valid as far as it alone can be checked.
#[derive(Debug, Clone)]
pub struct Article {
    /// Relative to the site root: `content/<file>.md`.
    pub path: PathBuf,
    pub slug: String,
    pub meta: FrontMatter,
    pub body: String,
    /// The line of the file the body starts on, for link diagnostics.
    pub body_line: usize,
    /// The front matter as written, to place later diagnostics on its lines.
    pub front_matter_text: String,
    /// The fingerprints of its prose, to tell another article with the same text.
    pub prints: Prints,
}

impl Article {
    /// Reads an article from its text. Returns it when it has no errors,
    /// and every diagnostic either way.
    pub fn parse(path: &Path, text: &str, config: &Config) -> (Option<Article>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        if let Some(at) = text.find('\0') {
            let (line, column) = crate::config::line_column(text, at);
            diags.push(Diagnostic::error(
                path,
                line,
                column,
                "the file holds a NUL character, which text never has: it is damaged or was not \
                 saved as text; delete the character (or the file, if it is not an article)",
            ));
            return (None, diags);
        }
        let split = match frontmatter::split(text) {
            Ok(s) => s,
            Err(p) => {
                diags.push(Diagnostic::error(path, p.line, p.column, p.message));
                return (None, diags);
            }
        };
        let (meta, problems) = frontmatter::parse(split.yaml, split.yaml_line);
        for p in problems {
            diags.push(Diagnostic::error(path, p.line, p.column, p.message));
        }
        let locator = Locator::new(split.yaml, split.yaml_line);
        let checks = Checks {
            path,
            meta: &meta,
            locator: &locator,
        };
        diags.extend(checks.names(config));
        diags.extend(checks.language(config));
        // Whether an article is dated or has topics is worth saying only once
        // its front matter reads.
        if diags.is_empty() {
            diags.extend(checks.gaps(split.yaml_line, split.body));
        }
        let slug = match &meta.slug {
            Some(s) => s.clone(),
            None => slug_of_file(path, &meta.lang, &mut diags),
        };
        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }
        let article = Article {
            path: path.to_path_buf(),
            slug,
            meta,
            body: split.body.to_string(),
            body_line: split.body_line,
            front_matter_text: split.yaml.to_string(),
            prints: Prints::of(split.body),
        };
        (Some(article), diags)
    }

    /// Reads and parses `root/path`.
    pub fn from_file(
        root: &Path,
        path: &Path,
        config: &Config,
    ) -> Result<(Option<Article>, Vec<Diagnostic>)> {
        let full = root.join(path);
        let size = std::fs::metadata(&full)
            .map_err(|e| Error::read(&full, e))?
            .len();
        if size > MAX_ARTICLE_BYTES {
            return Ok((
                None,
                vec![Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "the file is {:.1} MB, more than the {} MB an article may be; split it \
                         into several articles, or check that it is one article and not an \
                         archive",
                        size as f64 / 1_048_576.0,
                        MAX_ARTICLE_BYTES / 1_048_576
                    ),
                )],
            ));
        }
        let bytes = std::fs::read(&full).map_err(|e| Error::read(&full, e))?;
        let head = &bytes[..bytes.len().min(8192)];
        let binary = crate::text::file_kind(&bytes).or_else(|| {
            (head.contains(&0) && std::str::from_utf8(&bytes).is_err()).then_some("a binary file")
        });
        if let Some(what) = binary {
            return Ok((
                None,
                vec![Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "the file is {what}, not an article; move it out of content/ (images and \
                         other files for the site go in static/)"
                    ),
                )],
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Article::parse(path, &text, config)),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                Ok((
                    None,
                    vec![Diagnostic::error(
                        path,
                        line,
                        1,
                        "the file is not UTF-8 text; save it as UTF-8",
                    )],
                ))
            }
        }
    }

    /// Line and column of `value` under `key` in the front matter.
    pub fn position_of(&self, key: &str, value: &str) -> (usize, usize) {
        Locator::new(&self.front_matter_text, 2).value(key, value)
    }

    pub fn title(&self) -> &str {
        &self.meta.title
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

fn unknown_message(what: &str, value: &str, known: &[&str], fix: &str) -> String {
    match suggest(value, known.iter().copied()) {
        Some(s) => format!("unknown {what} \"{value}\" (did you mean \"{s}\"?)"),
        None if known.is_empty() => format!("unknown {what} \"{value}\"; {fix}"),
        None => format!(
            "unknown {what} \"{value}\"; {fix}, or use one of: {}",
            known.join(", ")
        ),
    }
}

/// The checks of one article's front matter against the configuration
/// and against itself, each placed on its line.
struct Checks<'a> {
    path: &'a Path,
    meta: &'a FrontMatter,
    locator: &'a Locator<'a>,
}

impl Checks<'_> {
    fn error(&self, key: &str, value: &str, message: String) -> Diagnostic {
        let (line, column) = self.locator.value(key, value);
        Diagnostic::error(self.path, line, column, message)
    }

    /// Topics, people and places the configuration does not know, and
    /// fields marked generated that cannot be.
    fn names(&self, config: &Config) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let topic_slugs: Vec<&str> = config.topics.iter().map(|t| t.slug.as_str()).collect();
        for topic in &self.meta.topics {
            if !topic_slugs.contains(&topic.as_str()) {
                let fix = "add it to site.toml under [[topics]]";
                let message = unknown_message("topic", topic, &topic_slugs, fix);
                diags.push(self.error("topics", topic, message));
            }
        }
        let file = config
            .entities_file
            .as_ref()
            .map_or("the entities file".to_string(), |p| p.display().to_string());
        for kind in [EntityKind::Person, EntityKind::Place] {
            let known: Vec<&str> = config
                .entities(kind)
                .iter()
                .map(|e| e.slug.as_str())
                .collect();
            let list = match kind {
                EntityKind::Person => &self.meta.people,
                EntityKind::Place => &self.meta.places,
            };
            let fix = format!("add it to {file} under [[{}]] with its aliases", kind.key());
            for slug in list.iter().filter(|s| !known.contains(&s.as_str())) {
                let message = unknown_message(kind.noun(), slug, &known, &fix);
                diags.push(self.error(kind.key(), slug, message));
            }
        }
        for field in self.meta.generated.iter().filter(|f| *f != "title") {
            let message =
                format!("`generated` lists \"{field}\"; only `title` can be marked generated");
            diags.push(self.error("generated", field, message));
        }
        diags
    }

    /// A language the site does not receive: a warning.
    fn language(&self, config: &Config) -> Option<Diagnostic> {
        let lang = &self.meta.lang;
        if lang.is_empty() || config.languages.contains(lang) {
            return None;
        }
        let (line, column) = self.locator.value("lang", lang);
        let message = format!(
            "language \"{lang}\" is not one of the site's languages ({}); add it to `languages` \
             in site.toml",
            config.languages.join(", ")
        );
        Some(Diagnostic::warning(self.path, line, column, message))
    }

    /// What a readable article lacks: a date, a text, a topic. Warnings.
    fn gaps(&self, yaml_line: usize, body: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        if self.meta.date.is_none() {
            diags.push(Diagnostic::warning(
                self.path,
                yaml_line,
                1,
                "the article is undated; add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) so it takes \
                 its place in the chronology",
            ));
        }
        if body.trim().is_empty() {
            diags.push(Diagnostic::warning(
                self.path,
                0,
                0,
                "the article has no text; write it under the front matter",
            ));
        }
        if self.meta.topics.is_empty() {
            diags.push(Diagnostic::warning(
                self.path,
                yaml_line,
                1,
                "the article has no topic; add e.g. `topics: [energy]` so readers find it under \
                 a topic",
            ));
        }
        diags
    }
}

/// The slug the file name gives an article without a `slug:`; what is
/// wrong with it, if anything, goes into `diags`.
fn slug_of_file(path: &Path, lang: &str, diags: &mut Vec<Diagnostic>) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !crate::text::is_slug(&stem) {
        let fixed = crate::text::slugify(&stem, lang, 80);
        diags.push(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "the file name \"{stem}\" cannot be an address; rename the file to \
                 \"{fixed}.md\" or add `slug: {fixed}`"
            ),
        ));
        return fixed;
    }
    if let Some(why) = crate::text::slug_problem(&stem) {
        diags.push(Diagnostic::error(
            path,
            0,
            0,
            format!("the file name gives the address; {why}: rename the file or add a `slug:`"),
        ));
    }
    stem
}

/// What reading one file gave: the article if valid, and its diagnostics.
/// The article is shared, so that keeping it from one load to the next
/// costs no copy.
type Parsed = (Option<Arc<Article>>, Vec<Diagnostic>);

/// Reads every article under `root/content`, in parallel. Returns the valid
/// ones (sorted by path) and all diagnostics, including duplicate slugs.
pub fn load(root: &Path, config: &Config) -> Result<(Vec<Article>, Diagnostics)> {
    let (articles, diags) = ArticleCache::once().load(root, config)?;
    Ok((
        articles.into_iter().map(Arc::unwrap_or_clone).collect(),
        diags,
    ))
}

/// Articles kept from one load to the next, read again only when their
/// file changed: `serve` rebuilds after an edit without reading the rest.
/// A cache belongs to one configuration; make a new one when it changes.
#[derive(Default)]
pub struct ArticleCache {
    files: BTreeMap<PathBuf, (Stamp, Parsed)>,
    /// Whether to give the articles away rather than keep them for the next
    /// load (a build loads once): no article is then held twice.
    once: bool,
    /// What the last look at the whole folder found besides articles.
    strays: Option<Vec<Diagnostic>>,
    /// The files changed since the last load, as a file watcher saw them;
    /// `None`: look at every file.
    changed: Option<Vec<PathBuf>>,
}

/// When a file was last written, and how long it is.
type Stamp = (Option<std::time::SystemTime>, u64);

/// A file written again within the file system's clock step of being read
/// may keep its stamp: the stamp of a file written after this moment is not
/// kept, and the file is read again next time.
fn trusted_before() -> std::time::SystemTime {
    std::time::SystemTime::now() - std::time::Duration::from_secs(3)
}

impl ArticleCache {
    /// A cache for one load only.
    pub fn once() -> ArticleCache {
        ArticleCache {
            once: true,
            ..ArticleCache::default()
        }
    }

    /// Tells the next load which files (relative to the root) changed since
    /// the last one, so that it reads those and looks at no other. Without
    /// it, a load looks at every file.
    pub fn changed(&mut self, paths: Vec<PathBuf>) {
        self.changed = Some(paths);
    }

    /// Reads again only the `changed` files, when each is an article file
    /// (or was one, and is gone) and the folder was looked at before.
    /// `false` when that cannot be told without looking at every file.
    fn reload_changed(
        &mut self,
        root: &Path,
        config: &Config,
        changed: &[PathBuf],
    ) -> Result<bool> {
        let is_article_file = |rel: &Path| {
            rel.starts_with(CONTENT_DIR)
                && rel.extension().is_some_and(|e| e == "md")
                && !rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        };
        if self.strays.is_none() || !changed.iter().all(|rel| is_article_file(rel)) {
            return Ok(false);
        }
        for rel in changed {
            match std::fs::symlink_metadata(root.join(rel)) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    self.files.remove(rel);
                }
                Ok(meta) if meta.is_file() => {
                    let stamp = (
                        meta.modified().ok().filter(|t| *t < trusted_before()),
                        meta.len(),
                    );
                    match Article::from_file(root, rel, config) {
                        Ok((article, diags)) => {
                            let parsed = (article.map(Arc::new), diags);
                            self.files.insert(rel.clone(), (stamp, parsed));
                        }
                        Err(Error::Read { source, .. })
                            if source.kind() == std::io::ErrorKind::NotFound =>
                        {
                            self.files.remove(rel);
                        }
                        Err(e) => return Err(e),
                    }
                }
                // A link, a folder, or unreadable: the full look says what it is.
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// The files among `stamped` whose stamp is not the one they were
    /// read with, read again; a stamp after `trusted_before` is not kept.
    fn read_changed(
        &self,
        root: &Path,
        config: &Config,
        stamped: &[(PathBuf, Stamp)],
        trusted_before: std::time::SystemTime,
    ) -> Result<Vec<(PathBuf, Stamp, Parsed)>> {
        stamped
            .par_iter()
            .filter(|(rel, stamp)| {
                self.files
                    .get(rel)
                    .is_none_or(|(old, _)| old != stamp || stamp.0.is_none())
            })
            .filter_map(|(rel, stamp)| {
                let stamp = (stamp.0.filter(|t| *t < trusted_before), stamp.1);
                match Article::from_file(root, rel, config) {
                    Ok((article, diags)) => {
                        Some(Ok((rel.clone(), stamp, (article.map(Arc::new), diags))))
                    }
                    // Deleted since the folder was listed: it is simply gone.
                    Err(Error::Read { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound =>
                    {
                        None
                    }
                    Err(e) => Some(Err(e)),
                }
            })
            .collect()
    }

    /// The valid articles, the same `Arc` as last time for a file that has
    /// not changed, and every diagnostic.
    pub fn load(
        &mut self,
        root: &Path,
        config: &Config,
    ) -> Result<(Vec<Arc<Article>>, Diagnostics)> {
        if let Some(changed) = self.changed.take()
            && !self.once
            && self.reload_changed(root, config, &changed)?
        {
            let parsed: Vec<Parsed> = self.files.values().map(|(_, p)| p.clone()).collect();
            let (articles, mut diags) = gather(parsed);
            diags.extend(self.strays.clone().unwrap_or_default());
            return Ok((articles, diags));
        }
        let trusted_before = trusted_before();
        let listing = fs::list(&root.join(CONTENT_DIR), "md")?;
        let strays = strays(root, &listing);
        let stamped: Vec<(PathBuf, Stamp)> = listing
            .files
            .into_par_iter()
            .map(|full| {
                let meta = std::fs::metadata(&full).ok();
                let stamp = (
                    meta.as_ref().and_then(|m| m.modified().ok()),
                    meta.map_or(0, |m| m.len()),
                );
                (
                    full.strip_prefix(root).unwrap_or(&full).to_path_buf(),
                    stamp,
                )
            })
            .collect();
        let fresh = self.read_changed(root, config, &stamped, trusted_before)?;
        for (rel, stamp, parsed) in fresh {
            self.files.insert(rel, (stamp, parsed));
        }
        let present: HashSet<&PathBuf> = stamped.iter().map(|(rel, _)| rel).collect();
        self.files.retain(|rel, _| present.contains(rel));
        let parsed: Vec<Parsed> = if self.once {
            std::mem::take(&mut self.files)
                .into_values()
                .map(|(_, p)| p)
                .collect()
        } else {
            self.files.values().map(|(_, p)| p.clone()).collect()
        };
        let (articles, mut diags) = gather(parsed);
        if !self.once {
            self.strays = Some(strays.clone());
        }
        diags.extend(strays);
        Ok((articles, diags))
    }
}

/// What the content folder holds besides articles: symbolic links (an
/// error) and other files (a warning).
fn strays(root: &Path, listing: &fs::Listing) -> Vec<Diagnostic> {
    let relative = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    let link = format!(
        "this {}",
        layout::link_refused("caspian reads only real files in", CONTENT_DIR)
    );
    let links = listing
        .links
        .iter()
        .map(|l| Diagnostic::error(relative(l), 0, 0, link.clone()));
    let others = listing.others.iter().map(|other| {
        Diagnostic::warning(
            relative(other),
            0,
            0,
            "this is not an article (only .md files in content/ are read); move it out of \
             content/ (images and other files for the site go in static/)",
        )
    });
    links.chain(others).collect()
}

/// The valid articles and every diagnostic, with duplicate slugs reported
/// on both files and the articles that have errors left out.
fn gather(parsed: Vec<Parsed>) -> (Vec<Arc<Article>>, Diagnostics) {
    let mut articles = Vec::new();
    let mut diags = Diagnostics::default();
    for (article, ds) in parsed {
        diags.extend(ds);
        articles.extend(article);
    }
    let mut by_slug: BTreeMap<&str, Vec<&Arc<Article>>> = BTreeMap::new();
    for a in &articles {
        by_slug.entry(&a.slug).or_default().push(a);
    }
    for (slug, same) in by_slug.iter().filter(|(_, v)| v.len() > 1) {
        let names: Vec<String> = same.iter().map(|a| a.path.display().to_string()).collect();
        for a in same {
            diags.push(Diagnostic::error(
                &a.path,
                0,
                0,
                format!(
                    "two articles have the slug \"{slug}\" ({}); rename one file or give it its \
                     own `slug:`",
                    names.join(" and ")
                ),
            ));
        }
    }
    if diags.errors() > 0 {
        let bad: HashSet<PathBuf> = diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.clone())
            .collect();
        articles.retain(|a| !bad.contains(&a.path));
    }
    (articles, diags)
}

#[cfg(test)]
mod tests;
