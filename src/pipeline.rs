//! The entry points the command line and `serve` call: ingest, build and
//! check, each the whole pipeline from the site folder to its result.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::config::Config;
use crate::content;
use crate::error::{Diagnostic, Diagnostics, Error, Result};
use crate::ingest::{self, SeedReport};
use crate::output;
use crate::render::{self, Page, Renderer};
use crate::site::Site;

pub const PUBLIC_DIR: &str = "public";

/// `caspian ingest`.
pub fn ingest(root: &Path, force: bool) -> Result<Vec<SeedReport>> {
    let config = Config::load(root)?;
    ingest::run(root, &config, force)
}

/// The site in memory, or the reason it cannot be built.
pub struct Prepared {
    /// `None` when there are errors.
    pub pages: Option<Vec<Page>>,
    pub diagnostics: Diagnostics,
    pub articles: usize,
}

/// Everything `build` does except writing: loads, checks and renders.
pub fn prepare(root: &Path, base_url: Option<&str>) -> Result<Prepared> {
    let mut config = Config::load(root)?;
    if let Some(url) = base_url {
        config = config.with_base_url(url)?;
    }
    let (articles, mut diagnostics) = content::load(root, &config)?;
    diagnostics.extend(seeds_without_articles(root)?);
    let count = articles.len();
    let (site, site_diagnostics) = Site::assemble(config, articles);
    diagnostics.extend(site_diagnostics);
    if diagnostics.errors() > 0 {
        return Ok(Prepared {
            pages: None,
            diagnostics,
            articles: count,
        });
    }
    let renderer = Renderer::new(root)?;
    let mut pages = render::render_site(&site, &renderer)?;
    add_assets(root, &mut pages)?;
    diagnostics.extend(check_site_links(&site, &pages));
    diagnostics.extend(check_page_links(&site, &pages));
    let pages = (diagnostics.errors() == 0).then_some(pages);
    Ok(Prepared {
        pages,
        diagnostics,
        articles: count,
    })
}

/// What a build did.
pub struct Built {
    pub out: PathBuf,
    pub pages: usize,
    pub bytes: usize,
    pub articles: usize,
}

/// `caspian build`: on errors, returns them and leaves the output as it was.
pub fn build(
    root: &Path,
    out: Option<&Path>,
    base_url: Option<&str>,
) -> Result<(Option<Built>, Diagnostics)> {
    let prepared = prepare(root, base_url)?;
    let Some(pages) = prepared.pages else {
        return Ok((None, prepared.diagnostics));
    };
    let out = out.map_or_else(|| root.join(PUBLIC_DIR), Path::to_path_buf);
    output::write_site(&out, &pages)?;
    let built = Built {
        out,
        pages: pages.len(),
        bytes: pages.iter().map(|p| p.bytes.len()).sum(),
        articles: prepared.articles,
    };
    Ok((Some(built), prepared.diagnostics))
}

/// `caspian check`: every diagnostic, nothing written.
pub fn check(root: &Path) -> Result<Diagnostics> {
    Ok(prepare(root, None)?.diagnostics)
}

/// The built-in assets, with the site's `static/` files over them.
fn add_assets(root: &Path, pages: &mut Vec<Page>) -> Result<()> {
    let mut assets: BTreeMap<String, Vec<u8>> = render::builtin_assets()
        .map(|p| (p.path, p.bytes))
        .collect();
    let dir = root.join(render::STATIC_DIR);
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| {
                Error::read(
                    &dir,
                    e.into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("walk")),
                )
            })?;
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.')
            {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::read(entry.path(), e))?;
            assets.insert(format!("assets/{rel}"), bytes);
        }
    }
    pages.extend(assets.into_iter().map(|(path, bytes)| Page { path, bytes }));
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(())
}

/// Seeds that ingest has not turned into articles yet.
fn seeds_without_articles(root: &Path) -> Result<Vec<Diagnostic>> {
    let seeds = crate::fs::list_files(&root.join(ingest::SEEDS_DIR), "txt")?;
    if seeds.is_empty() {
        return Ok(Vec::new());
    }
    let ingested = ingest::ingested_seeds(root)?;
    Ok(seeds
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|s| !ingested.contains(s))
        .map(|s| {
            Diagnostic::warning(
                s,
                0,
                0,
                "this seed has no article in content/ yet; run `caspian ingest`",
            )
        })
        .collect())
}

/// Whether a root-relative path (without the base path) is a page of the site.
fn resolves(paths: &HashSet<&str>, path: &str) -> bool {
    let path = path.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return paths.contains("index.html");
    }
    if path.ends_with('/') {
        return paths.contains(format!("{path}index.html").as_str());
    }
    paths.contains(path) || paths.contains(format!("{path}/index.html").as_str())
}

/// Links an editor wrote as `/path` in an article.
fn check_site_links(site: &Site, pages: &[Page]) -> Vec<Diagnostic> {
    let paths: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let mut out = Vec::new();
    for e in &site.entries {
        for (dest, line, column) in &e.site_links {
            if !resolves(&paths, dest.trim_start_matches('/')) {
                out.push(Diagnostic::error(
                    &e.article.path,
                    *line,
                    *column,
                    format!("link to \"{dest}\" but the site has no such page; link e.g. /topics/, /chronology/ or another-article.md"),
                ));
            }
        }
    }
    out
}

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:href|src)="([^"]*)""#).expect("link pattern"));

/// Every internal `href` and `src` of every page must lead somewhere: this
/// catches a template that links to a page the site does not make.
fn check_page_links(site: &Site, pages: &[Page]) -> Vec<Diagnostic> {
    let paths: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let base = site.config.base_path();
    let mut out = Vec::new();
    for page in pages.iter().filter(|p| p.path.ends_with(".html")) {
        let html = String::from_utf8_lossy(&page.bytes);
        for cap in LINK.captures_iter(&html) {
            let link = cap[1].replace("&amp;", "&");
            let Some(path) = link.strip_prefix(base) else {
                continue;
            };
            if link.starts_with("//") || resolves(&paths, path) {
                continue;
            }
            out.push(Diagnostic::error(
                format!("{PUBLIC_DIR}/{}", page.path),
                0,
                0,
                format!("links to \"{link}\", which the site does not have; check the templates"),
            ));
        }
    }
    out.sort();
    out.dedup();
    out
}
