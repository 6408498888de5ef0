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
use crate::render::{self, Job, Page, Renderer};
use crate::site::Site;

pub const PUBLIC_DIR: &str = "public";

/// `caspian ingest`.
pub fn ingest(root: &Path, force: bool) -> Result<Vec<SeedReport>> {
    let config = Config::load(root)?;
    ingest::run(root, &config, force)
}

/// What one build keeps for the next (`serve`): the articles read and their
/// bodies rendered. Belongs to one configuration; make a new one when it changes.
#[derive(Default)]
pub struct Cache {
    content: content::Cache,
    bodies: crate::site::BodyCache,
}

/// A site assembled and ready to render any of its files.
pub struct Ready {
    pub site: Site,
    pub renderer: Renderer,
    /// Every file but the assets, with the job that makes it.
    pub plan: Vec<(String, Job)>,
    /// `assets/<name>` → bytes: the built-in ones with the site's `static/` over them.
    pub assets: BTreeMap<String, Vec<u8>>,
}

/// Loads, checks and assembles the site under `root` with `config`,
/// reusing what `cache` already read. `None` when there are errors.
pub fn ready(
    root: &Path,
    config: Config,
    cache: &mut Cache,
) -> Result<(Option<Ready>, Diagnostics)> {
    let (articles, mut diagnostics) = cache.content.load(root, &config)?;
    diagnostics.extend(seeds_without_articles(root)?);
    let (site, site_diagnostics) = Site::assemble_with(config, articles, &mut cache.bodies);
    diagnostics.extend(site_diagnostics);
    let plan = render::plan(&site);
    let assets = assets(root)?;
    let paths: HashSet<&str> = plan
        .iter()
        .map(|(p, _)| p.as_str())
        .chain(assets.keys().map(String::as_str))
        .collect();
    diagnostics.extend(check_site_links(&site, &paths));
    if diagnostics.errors() > 0 {
        return Ok((None, diagnostics));
    }
    let renderer = Renderer::new(root)?;
    let ready = (diagnostics.errors() == 0).then_some(Ready {
        site,
        renderer,
        plan,
        assets,
    });
    Ok((ready, diagnostics))
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
    let (ready, mut diagnostics) = self::ready(root, config, &mut Cache::default())?;
    let Some(ready) = ready else {
        return Ok(Prepared {
            pages: None,
            diagnostics,
            articles: 0,
        });
    };
    let mut pages = render::render_site(&ready.site, &ready.renderer)?;
    // A file of the site's static/ replaces a made one of the same name
    // (assets/highlight.css), as in `serve`: never two writes to one path.
    pages.retain(|p| !ready.assets.contains_key(&p.path));
    pages.extend(
        ready
            .assets
            .into_iter()
            .map(|(path, bytes)| Page { path, bytes }),
    );
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    diagnostics.extend(check_page_links(&ready.site, &pages));
    let articles = ready.site.entries.len();
    let pages = (diagnostics.errors() == 0).then_some(pages);
    Ok(Prepared {
        pages,
        diagnostics,
        articles,
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
pub fn assets(root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
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
    Ok(assets)
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
pub fn resolves(paths: &HashSet<&str>, path: &str) -> bool {
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
fn check_site_links(site: &Site, paths: &HashSet<&str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &site.entries {
        for (dest, line, column) in &e.site_links {
            if !resolves(paths, dest.trim_start_matches('/')) {
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
