//! The entry points the command line and `serve` call: ingest, build and
//! check, each the whole pipeline from the site folder to its result.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Article};
use crate::error::{Diagnostic, Diagnostics, Result};
use crate::ingest::{self, SeedReport};
use crate::layout::{CONTENT_DIR, PUBLIC_DIR, SEEDS_DIR, SITE_FILE};
use crate::output;
use crate::render::{self, Job, Page, Renderer};
use crate::site::Site;
use crate::site::links::{self, Targets};

/// `caspian ingest`; `keep` names seeds (as the user typed them) to make
/// articles of even when an article has their text.
pub fn ingest(root: &Path, force: bool, keep: &[PathBuf]) -> Result<Vec<SeedReport>> {
    let config = Config::load(root)?;
    let keep = keep
        .iter()
        .map(|seed| Ok(ingest::seed_name(root, seed)?.1))
        .collect::<Result<Vec<String>>>()?;
    let mut reports = ingest::run(root, &config, force, &keep)?;
    tell_stories(root, &config, &mut reports);
    Ok(reports)
}

/// Gives each article ingest wrote the other reports of its story, found
/// as the build will find them among every article of `content/` (those
/// with errors left out: the build reports them). Reads nothing when
/// nothing was written. The articles are written by then: a folder that
/// cannot be read now is the build's to report, and ingest says nothing of
/// stories.
fn tell_stories(root: &Path, config: &Config, reports: &mut [SeedReport]) {
    if reports.iter().all(|r| r.written().is_none()) {
        return;
    }
    let Ok((articles, _)) = content::load(root, config) else {
        return;
    };
    let path_of = |i: usize| crate::fs::relative(root, &root.join(&articles[i].path));
    let mut story_of: std::collections::HashMap<String, Vec<String>> = Default::default();
    for story in crate::site::stories::among(config, &articles) {
        for &i in &story {
            let others = story
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| format!("{} ({})", path_of(j), articles[j].meta.lang))
                .collect();
            story_of.insert(path_of(i), others);
        }
    }
    for report in reports {
        if let Some(others) = report.written().and_then(|path| story_of.remove(path)) {
            report.story = others;
        }
    }
}

/// What one build keeps for the next (`serve`): the articles read and their
/// bodies rendered. Belongs to one configuration; make a new one when it changes.
#[derive(Default)]
pub struct Cache {
    content: content::ArticleCache,
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
            content: content::ArticleCache::once(),
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
    diagnostics.extend(config.strings.warnings.iter().cloned());
    diagnostics.extend(seeds_without_articles(root, &articles)?);
    let (site, site_diagnostics) = Site::assemble_with(config, articles, &mut cache.bodies);
    diagnostics.extend(site_diagnostics);
    let plan = render::plan(&site);
    let assets = render::assets::assets(root)?;
    let targets = Targets::new(
        plan.iter()
            .map(|(p, _)| p.as_str())
            .chain(assets.keys().map(String::as_str)),
    );
    diagnostics.extend(links::check_site_links(&site, &targets));
    if diagnostics.errors() > 0 {
        return Ok((None, diagnostics));
    }
    let renderer = Renderer::new(root, site.config.strings.clone())?;
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
pub struct MadeFile {
    pub path: String,
    pub bytes: usize,
}

/// The files one job made and the problems their links show.
type JobOutcome = Result<(Vec<MadeFile>, Vec<Diagnostic>)>;

/// Renders every file of the site in parallel and hands each to `put` as
/// soon as it is made, so that the site is never whole in memory. Returns
/// the files made and the problems their links show.
pub fn make(
    ready: &Ready,
    put: impl Fn(&Page) -> Result<()> + Sync,
) -> Result<(Vec<MadeFile>, Vec<Diagnostic>)> {
    let targets = Targets::new(
        ready
            .plan
            .iter()
            .map(|(p, _)| p.as_str())
            .chain(ready.assets.keys().map(String::as_str)),
    );
    let base = ready.site.config.base_path();
    let budget = ready.site.config.page_budget;
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
            problems.extend(links::check_page_links(
                base,
                &targets,
                &page.path,
                &page.bytes,
            ));
            problems.extend(check_page_budget(&page, budget));
            put(&page)?;
            made.push(MadeFile {
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
    let (mut files, mut problems): (Vec<MadeFile>, Vec<Diagnostic>) = (Vec::new(), Vec::new());
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
        files.push(MadeFile {
            path: page.path,
            bytes: page.bytes.len(),
        });
    }
    problems.sort();
    problems.dedup();
    Ok((files, problems))
}

/// A warning when `page` is an HTML page over `budget` kB (1,000 bytes;
/// 0: no budget), so that a site's own templates cannot make its pages
/// heavy for a phone without anyone noticing.
fn check_page_budget(page: &Page, budget: usize) -> Option<Diagnostic> {
    let size = page.bytes.len();
    if budget == 0 || !page.path.ends_with(".html") || size <= budget * 1000 {
        return None;
    }
    Some(Diagnostic::warning(
        format!("{PUBLIC_DIR}/{}", page.path),
        0,
        0,
        format!(
            "the page is {} kB, over the page budget of {budget} kB, and slow to load on a \
             phone; make its template show less, or raise `page_budget` in {SITE_FILE}",
            size.div_ceil(1000)
        ),
    ))
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

/// Seeds that ingest has not turned into articles yet: those no article
/// names as its `source.seed`, and not recorded as repeating an article.
fn seeds_without_articles(root: &Path, articles: &[Arc<Article>]) -> Result<Vec<Diagnostic>> {
    let seeds = crate::ingest::list_seeds(&root.join(SEEDS_DIR))?.files;
    let ingested: HashSet<&str> = articles
        .iter()
        .filter_map(|a| a.meta.source.as_ref()?.seed.as_deref())
        .collect();
    let duplicates = ingest::duplicates::recorded_seeds(root);
    Ok(seeds
        .iter()
        .map(|p| crate::fs::relative(root, p))
        .filter(|s| !ingested.contains(s.as_str()) && !duplicates.contains(s))
        .map(|s| {
            Diagnostic::warning(
                s,
                0,
                0,
                format!("this seed has no article in {CONTENT_DIR}/ yet; run `caspian ingest`"),
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_over_the_budget_is_named_with_its_size() {
        let page = |path: &str, size: usize| Page {
            path: path.into(),
            bytes: vec![b'x'; size],
        };
        let warning = check_page_budget(&page("chronology/index.html", 612_345), 500);
        assert_eq!(
            warning.map(|w| w.to_string()).as_deref(),
            Some(
                "public/chronology/index.html: warning: the page is 613 kB, over the page \
                 budget of 500 kB, and slow to load on a phone; make its template show less, \
                 or raise `page_budget` in site.toml"
            )
        );
        assert_eq!(check_page_budget(&page("a/index.html", 500_000), 500), None);
        // Only pages: the search index and feeds are not read by a page load.
        assert_eq!(
            check_page_budget(&page("search/x.json", 900_000), 500),
            None
        );
        assert_eq!(check_page_budget(&page("a/index.html", 900_000), 0), None);
    }
}
