//! The entry points the command line and `serve` call: ingest, build and
//! check, each the whole pipeline from the site folder to its result.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use memchr::memmem;
use rayon::prelude::*;

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

impl Cache {
    /// Tells the next [`ready`] which files (relative to the root) changed
    /// since the last, as a file watcher saw them: when they are all
    /// articles, only they are read, and the folder is not looked through.
    pub fn changed(&mut self, paths: Vec<PathBuf>) {
        self.content.changed(paths);
    }

    /// For one build: nothing is kept, and no article is held twice.
    pub fn once() -> Cache {
        Cache {
            content: content::Cache::once(),
            bodies: crate::site::BodyCache::once(),
        }
    }
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

/// The configuration under `root`, with `base_url` over its own if given.
fn config(root: &Path, base_url: Option<&str>) -> Result<Config> {
    let config = Config::load(root)?;
    match base_url {
        Some(url) => config.with_base_url(url),
        None => Ok(config),
    }
}

/// One file made by [`make`]: where it goes and how big it is.
pub struct Made {
    pub path: String,
    pub bytes: usize,
}

/// The files one job made and the problems their links show.
type JobOutcome = Result<(Vec<Made>, Vec<Diagnostic>)>;

/// Renders every file of the site in parallel and hands each to `put` as
/// soon as it is made, so that the site is never whole in memory. Returns
/// the files made and the problems their links show.
pub fn make(
    ready: &Ready,
    put: impl Fn(&Page) -> Result<()> + Sync,
) -> Result<(Vec<Made>, Vec<Diagnostic>)> {
    let targets = Targets::new(
        ready
            .plan
            .iter()
            .map(|(p, _)| p.as_str())
            .chain(ready.assets.keys().map(String::as_str)),
    );
    let base = ready.site.config.base_path();
    // The big jobs first, then the pages, any of which an idle core may
    // take, so that both cores stay busy to the end; the results go back
    // into the plan's order.
    let (mut order, pages): (Vec<usize>, Vec<usize>) =
        (0..ready.plan.len()).partition(|&k| ready.plan[k].1.is_whole_site());
    order.extend(pages);
    let make_job = |k: usize| -> JobOutcome {
        let (path, job) = &ready.plan[k];
        let pages = render::render_job(&ready.site, &ready.renderer, &ready.plan, path, *job)?;
        let mut made = Vec::with_capacity(pages.len());
        let mut problems = Vec::new();
        // A file of the site's static/ replaces a made one of the same
        // name (assets/highlight.css), as in `serve`.
        for page in pages
            .into_iter()
            .filter(|p| !ready.assets.contains_key(&p.path))
        {
            problems.extend(check_page_links(base, &targets, &page));
            put(&page)?;
            made.push(Made {
                path: page.path,
                bytes: page.bytes.len(),
            });
        }
        Ok((made, problems))
    };
    let mut made: Vec<(usize, JobOutcome)> = order
        .par_iter()
        .with_max_len(1)
        .map(|&k| (k, make_job(k)))
        .collect();
    made.sort_unstable_by_key(|(k, _)| *k);
    let (mut files, mut problems): (Vec<Made>, Vec<Diagnostic>) = (Vec::new(), Vec::new());
    // The first error in the plan's order, the same on every run.
    for (_, result) in made {
        let (m, p) = result?;
        files.extend(m);
        problems.extend(p);
    }
    for (path, bytes) in &ready.assets {
        let page = Page {
            path: path.clone(),
            bytes: bytes.clone(),
        };
        put(&page)?;
        files.push(Made {
            path: page.path,
            bytes: page.bytes.len(),
        });
    }
    problems.sort();
    problems.dedup();
    Ok((files, problems))
}

/// What a build did.
pub struct Built {
    pub out: PathBuf,
    pub pages: usize,
    pub bytes: usize,
    pub articles: usize,
}

/// `caspian build`: on errors, returns them and leaves the output as it was.
/// The pages are written as they are rendered into a staging folder, which
/// replaces the output only when every page is there and no link is broken.
pub fn build(
    root: &Path,
    out: Option<&Path>,
    base_url: Option<&str>,
) -> Result<(Option<Built>, Diagnostics)> {
    let (ready, mut diagnostics) = ready(root, config(root, base_url)?, &mut Cache::once())?;
    let Some(ready) = ready else {
        return Ok((None, diagnostics));
    };
    let out = out.map_or_else(|| root.join(PUBLIC_DIR), Path::to_path_buf);
    let staging = output::Staging::open(&out)?;
    let (files, problems) = make(&ready, |page| staging.put(page)).map_err(|e| staging.fail(e))?;
    diagnostics.extend(problems);
    if diagnostics.errors() > 0 {
        return Ok((None, diagnostics));
    }
    staging.commit(files.iter().map(|f| f.path.as_str()))?;
    let built = Built {
        out,
        pages: files.len(),
        bytes: files.iter().map(|f| f.bytes).sum(),
        articles: ready.site.entries.len(),
    };
    Ok((Some(built), diagnostics))
}

/// `caspian check`: every diagnostic, nothing written.
pub fn check(root: &Path) -> Result<Diagnostics> {
    let (ready, mut diagnostics) = ready(root, config(root, None)?, &mut Cache::once())?;
    if let Some(ready) = ready {
        diagnostics.extend(make(&ready, |_| Ok(()))?.1);
    }
    Ok(diagnostics)
}

/// The built-in assets, with the site's `static/` files over them.
pub fn assets(root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut assets: BTreeMap<String, Vec<u8>> = render::builtin_assets()
        .map(|p| (p.path, p.bytes))
        .collect();
    let dir = root.join(render::STATIC_DIR);
    // Hidden files and folders (.git, .DS_Store) are skipped by the listing.
    let listing = crate::fs::list(&dir, "")?;
    if let Some(link) = listing.links.first() {
        return Err(Error::Other(format!(
            "{}: this is a symbolic link; caspian copies only real files from static/ (a link can lead outside the site, or in a circle): put the file itself here",
            link.strip_prefix(root).unwrap_or(link).display()
        )));
    }
    for path in listing.files.iter().chain(&listing.others) {
        let rel = crate::fs::relative(&dir, path);
        let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
        assets.insert(format!("assets/{rel}"), bytes);
    }
    Ok(assets)
}

/// Seeds that ingest has not turned into articles yet.
fn seeds_without_articles(root: &Path) -> Result<Vec<Diagnostic>> {
    let seeds = ingest::list_seeds(&root.join(ingest::SEEDS_DIR))?.files;
    if seeds.is_empty() {
        return Ok(Vec::new());
    }
    let ingested = ingest::ingested_seeds(root)?;
    Ok(seeds
        .iter()
        .map(|p| crate::fs::relative(root, p))
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

/// Every address a page may link to, root-relative without the base path:
/// each file, and each folder that has an `index.html`, with and without
/// its trailing slash. The same answers as [`resolves`], without building
/// a string for every link.
struct Targets<'a>(HashSet<&'a str>);

impl<'a> Targets<'a> {
    fn new(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = HashSet::new();
        for path in paths {
            set.insert(path);
            if let Some(folder) = path.strip_suffix("index.html")
                && (folder.is_empty() || folder.ends_with('/'))
            {
                set.insert(folder);
                set.insert(folder.trim_end_matches('/'));
            }
        }
        Targets(set)
    }

    fn has(&self, link: &str) -> bool {
        self.0.contains(link.split(['#', '?']).next().unwrap_or(""))
    }
}

/// Every internal `href` and `src` of a page must lead somewhere: this
/// catches a template that links to a page the site does not make.
fn check_page_links(base: &str, targets: &Targets, page: &Page) -> Vec<Diagnostic> {
    if !page.path.ends_with(".html") {
        return Vec::new();
    }
    static ATTRIBUTE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"=\""));
    let html = &page.bytes;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = ATTRIBUTE.find(&html[from..]).map(|i| from + i) {
        from = at + 2;
        if !(html[..at].ends_with(b"href") || html[..at].ends_with(b"src")) {
            continue;
        }
        let Some(len) = memchr::memchr(b'"', &html[from..]) else {
            break;
        };
        let value = String::from_utf8_lossy(&html[from..from + len]);
        from += len + 1;
        let link = value.replace("&amp;", "&");
        let Some(path) = link.strip_prefix(base) else {
            continue;
        };
        if link.starts_with("//") || targets.has(path) {
            continue;
        }
        out.push(Diagnostic::error(
            format!("{PUBLIC_DIR}/{}", page.path),
            0,
            0,
            format!("links to \"{link}\", which the site does not have; check the templates"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(html: &str) -> Vec<String> {
        let files = [
            "index.html",
            "topics/index.html",
            "topics/energy/index.html",
            "assets/style.css",
            "feed.xml",
        ];
        let targets = Targets::new(files);
        let page = Page {
            path: "topics/energy/index.html".into(),
            bytes: html.as_bytes().to_vec(),
        };
        check_page_links("/repo/", &targets, &page)
            .into_iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn page_links_resolve_as_the_site_serves_them() {
        let good = r#"<a href="/repo/">home</a> <a href="/repo/topics/">t</a>
            <a href="/repo/topics/energy/#top">e</a> <a href="/repo/topics/energy">e</a>
            <link rel="stylesheet" href="/repo/assets/style.css"><img src="/repo/feed.xml?x=1&amp;y=2">
            <a href="https://example.org/repo/missing/">out</a> <a href="//cdn.example/x">cdn</a>
            <p title="a=&quot;b&quot;">=""</p>"#;
        assert_eq!(broken(good), Vec::<String>::new());
        for files in [["index.html", "a/index.html"], ["index.html", "b.html"]] {
            let targets = Targets::new(files);
            let set: HashSet<&str> = files.into_iter().collect();
            for link in [
                "",
                "a/",
                "a",
                "a/#x",
                "b.html",
                "b",
                "b/",
                "c",
                "a/index.html?q",
            ] {
                assert_eq!(targets.has(link), resolves(&set, link), "{link}");
            }
        }
    }

    #[test]
    fn a_link_to_a_page_the_site_lacks_is_named() {
        assert_eq!(
            broken(
                r#"<a href="/repo/people/">p</a><img data-src="/repo/x.png"><a href="/repo/topics/energy/">ok</a>"#
            ),
            [
                "public/topics/energy/index.html: links to \"/repo/people/\", which the site does not have; check the templates",
                "public/topics/energy/index.html: links to \"/repo/x.png\", which the site does not have; check the templates",
            ]
        );
    }
}
