//! `caspian init [DIR]`: a new archive that builds, checks and serves at
//! once. Its files are built into the binary: a short commented
//! `site.toml` and `entities.toml`, one example article, `seeds/`, a
//! `.gitignore` and the GitHub Pages workflow (this repository's own). It
//! never overwrites a file, and refuses a folder that holds a site.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::layout::{CONTENT_DIR, SEEDS_DIR, SITE_FILE};

/// The entities file the starter `site.toml` names.
const ENTITIES_FILE: &str = "entities.toml";
const GITIGNORE: &str = ".gitignore";
/// Where GitHub looks for the workflow.
pub const WORKFLOW_FILE: &str = ".github/workflows/pages.yml";
/// The starter `site.toml`'s title line, which takes the folder's name.
const TITLE_LINE: &str = "title = \"News archive\"";

/// The files of a new archive: `(path, text, what it is)`.
const FILES: &[(&str, &str, &str)] = &[
    (
        SITE_FILE,
        include_str!("site/site.toml"),
        "the title, address, languages and topics",
    ),
    (
        ENTITIES_FILE,
        include_str!("site/entities.toml"),
        "people and places, an example of each",
    ),
    (
        "content/example-article.md",
        include_str!("site/content/example-article.md"),
        "an example article",
    ),
    (
        "seeds/.gitkeep",
        "",
        "raw articles for `caspian ingest` go in seeds/",
    ),
    (
        GITIGNORE,
        include_str!("site/gitignore"),
        "keeps public/ and .caspian/ out of git",
    ),
    (
        WORKFLOW_FILE,
        include_str!("../../.github/workflows/pages.yml"),
        "publishes the site on GitHub Pages",
    ),
];

/// What `init` did, to tell the editor.
#[derive(Debug)]
pub struct Made {
    /// The archive's folder, as given.
    pub dir: PathBuf,
    /// `(path, what it is)` of each file written.
    pub files: Vec<(&'static str, &'static str)>,
    /// Lines added to a `.gitignore` that was there already.
    pub ignored: Vec<String>,
}

/// Makes a new archive in `dir` (made if need be).
pub fn init(dir: &Path) -> Result<Made> {
    refuse_a_site(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let title = title_of(dir);
    let mut made = Made {
        dir: dir.to_path_buf(),
        files: Vec::new(),
        ignored: Vec::new(),
    };
    for &(path, text, about) in FILES {
        let full = dir.join(path);
        if path == GITIGNORE && full.exists() {
            made.ignored = add_ignored(&full, text)?;
            continue;
        }
        let text = if path == SITE_FILE {
            text.replacen(TITLE_LINE, &format!("title = {}", toml_string(&title)), 1)
        } else {
            text.to_string()
        };
        if let Some(folder) = full.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
        }
        // Whole or not at all, and never over a file that is there.
        crate::fs::create_atomic(&full, text.as_bytes())?;
        made.files.push((path, about));
    }
    Ok(made)
}

/// An error naming what in `dir` shows a site is there already, or a file
/// `init` would have to overwrite.
fn refuse_a_site(dir: &Path) -> Result<()> {
    let site: Vec<String> = [SITE_FILE, ENTITIES_FILE, CONTENT_DIR, SEEDS_DIR]
        .into_iter()
        .filter(|name| dir.join(name).exists())
        .map(|name| match dir.join(name).is_dir() {
            true => format!("{name}/"),
            false => name.to_string(),
        })
        .collect();
    if !site.is_empty() {
        return Err(Error::Other(format!(
            "{} already holds a site ({}); caspian init makes a new one and never overwrites a \
             file: give it a new or empty folder, e.g. `caspian init my-archive`",
            dir.display(),
            site.join(", ")
        )));
    }
    if dir.join(WORKFLOW_FILE).exists() {
        return Err(Error::Other(format!(
            "{} already has {WORKFLOW_FILE}, and caspian init never overwrites a file: move it \
             away, or give init a new or empty folder",
            dir.display()
        )));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Other(format!(
            "{} is a file, not a folder; give caspian init a new or empty folder",
            dir.display()
        )));
    }
    Ok(())
}

/// Adds the lines of `wanted` that the `.gitignore` at `path` lacks, at its
/// end; returns them.
fn add_ignored(path: &Path, wanted: &str) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
    let has = |line: &str| text.lines().any(|l| l.trim() == line);
    let missing: Vec<String> = wanted
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !has(l))
        .map(String::from)
        .collect();
    if missing.is_empty() {
        return Ok(missing);
    }
    let mut text = text;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# Made by caspian, never committed.\n");
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).map_err(|e| Error::write(path, e))?;
    Ok(missing)
}

/// The site's title from its folder's name: `kazakh-press` → "Kazakh press".
fn title_of(dir: &Path) -> String {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let words = name.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "News archive".to_string(),
    }
}

/// `text` as a TOML string, quoted and escaped.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The lines `caspian init` prints: what was made, and what to do next.
pub fn report(made: &Made) -> String {
    let width = made.files.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
    let mut out = format!("created a new archive in {}:\n", made.dir.display());
    for (path, about) in &made.files {
        out.push_str(&format!("  {path:width$}  {about}\n"));
    }
    if !made.ignored.is_empty() {
        out.push_str(&format!(
            "  added {} to the .gitignore that was there\n",
            made.ignored.join(" and ")
        ));
    }
    let cd = match made.dir.as_os_str().to_string_lossy().as_ref() {
        "." | "" => String::new(),
        dir => format!("`cd {dir}`, then "),
    };
    out.push_str(&format!(
        "next: {cd}`caspian serve` to see the site, and `caspian new \"Its headline\"` to write \
         an article\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_starter_configuration_reads() {
        let site = FILES[0]
            .1
            .replacen(TITLE_LINE, "title = \"Kazakh press\"", 1);
        let entities = FILES[1].1;
        let config = Config::parse(&site, Some((Path::new(ENTITIES_FILE), entities))).unwrap();
        assert_eq!(config.title, "Kazakh press");
        assert_eq!(config.languages, ["en", "de", "az", "ru", "kk", "tr"]);
        // Every topic has starter keywords in each of the six languages.
        assert_eq!(config.topics.len(), 5);
        for topic in &config.topics {
            for lang in &config.languages {
                assert!(
                    topic.keywords.get(lang).is_some_and(|k| k.len() >= 8),
                    "{} in {lang}",
                    topic.slug
                );
            }
        }
        assert_eq!(config.people.len(), 1);
        assert_eq!(config.places.len(), 1);
    }

    #[test]
    fn the_title_comes_from_the_folders_name() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("kazakh-press_2025");
        std::fs::create_dir(&archive).unwrap();
        assert_eq!(title_of(&archive), "Kazakh press 2025");
        assert_eq!(toml_string("A \"quoted\" name"), "'A \"quoted\" name'");
    }
}
