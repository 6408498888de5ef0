//! How fast caspian is on a thousand articles and more: ingest of raw
//! articles and of saved web pages (pure, and with the files), each phase of a build (parse,
//! assemble, render, write) and whole builds of generated sites.
//! Run with `cargo bench`; sizes in CASPIAN_BENCH_SIZES (default "1000").
//! `scripts/bench` times whole builds against Hugo and `cp -r`.

use std::path::PathBuf;

use caspian::config::Config;
use caspian::date::PartialDate;

fn main() {
    divan::main();
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sizes() -> Vec<usize> {
    std::env::var("CASPIAN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1000])
}

/// `n` raw articles: the seeds and the ingest fixtures, each copy with its
/// own number in the headline so that no two are alike.
fn raw_articles(n: usize) -> Vec<(String, Vec<u8>)> {
    let mut sources: Vec<String> = Vec::new();
    for dir in ["seeds", "tests/fixtures/ingest"] {
        for file in caspian::fs::list_files(&project().join(dir), "txt").unwrap() {
            sources.push(std::fs::read_to_string(file).unwrap());
        }
    }
    (0..n)
        .map(|i| {
            let text = &sources[i % sources.len()];
            let varied = format!(
                "Nachricht {i}\n\n{text}\n\nAbsatz {i}: Die Präsidenten trafen sich erneut in Baku."
            );
            (format!("seeds/{i:05}.txt"), varied.into_bytes())
        })
        .collect()
}

/// `n` saved web pages: the real pages of `tests/corpus/readability`
/// (news sites, blogs, magazines; 10 KB to 1.5 MB), in turn.
fn saved_pages(n: usize) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let dir = project().join("tests/corpus/readability");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().join("page.html.gz"))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    let sources: Vec<Vec<u8>> = pages
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).unwrap())
                .read_to_end(&mut out)
                .unwrap();
            out
        })
        .collect();
    (0..n)
        .map(|i| {
            (
                format!("seeds/{i:05}.html"),
                sources[i % sources.len()].clone(),
            )
        })
        .collect()
}

/// A site of `n` articles made from the committed content, dated across
/// thirty years.
fn site(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["site.toml", "entities.toml"] {
        std::fs::copy(project().join(file), dir.path().join(file)).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    let articles: Vec<String> = caspian::fs::list_files(&project().join("content"), "md")
        .unwrap()
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    for i in 0..n {
        let text = &articles[i % articles.len()];
        let (year, month, day) = (1995 + i % 30, 1 + i % 12, 1 + i % 28);
        let mut out = String::new();
        for line in text.lines() {
            if line.starts_with("date: ") {
                out.push_str(&format!("date: {year}-{month:02}-{day:02}\n"));
            } else if let Some(title) = line.strip_prefix("title: ") {
                out.push_str(&format!("title: \"{} ({i})\"\n", title.trim_matches('"')));
            } else if !line.starts_with("  seed: ") && !line.starts_with("  fingerprint: ") {
                out.push_str(line);
                out.push('\n');
            }
        }
        let path = dir.path().join(format!("content/a{i:05}.md"));
        std::fs::write(&path, out).unwrap();
        // Written an hour ago, as an archive's files are: `serve` reads a
        // file written in the last seconds again on every rebuild.
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(hour_ago))
            .unwrap();
    }
    dir
}

fn config() -> Config {
    Config::load(&project()).unwrap()
}

/// Reading raw articles: cleaning, dating, tagging (no files).
#[divan::bench(args = sizes(), sample_count = 5)]
fn ingest_parse(bencher: divan::Bencher, n: usize) {
    let config = config();
    let raw = raw_articles(n);
    let today = PartialDate::ymd(2026, 11, 24).unwrap();
    bencher.bench(|| {
        for (name, bytes) in &raw {
            divan::black_box(caspian::ingest::seed::parse(name, bytes, &config, today).unwrap());
        }
    });
}

/// `caspian ingest` on a folder of raw articles, files and all, from scratch.
#[divan::bench(args = sizes(), sample_count = 5)]
fn ingest_run(bencher: divan::Bencher, n: usize) {
    let config = config();
    let raw = raw_articles(n);
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            for (name, bytes) in &raw {
                let path = dir.path().join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            dir
        })
        .bench_values(|dir| {
            let reports = caspian::ingest::run(dir.path(), &config, false, &[]).unwrap();
            assert!(reports.iter().all(|r| r.outcome.is_ok()));
            dir
        });
}

/// Reading saved pages: decoding, finding the article, Markdown, metadata,
/// dating and tagging (no files, one core).
#[divan::bench(args = sizes(), sample_count = 3)]
fn ingest_pages_parse(bencher: divan::Bencher, n: usize) {
    let config = config();
    let pages = saved_pages(n);
    let today = PartialDate::ymd(2026, 11, 24).unwrap();
    bencher.bench(|| {
        for (name, bytes) in &pages {
            divan::black_box(caspian::ingest::seed::parse(name, bytes, &config, today).unwrap());
        }
    });
}

/// `caspian ingest` on a folder of saved pages, files and all, from
/// scratch, on every core (the target: 1,000 pages in under 10 s on two).
#[divan::bench(args = sizes(), sample_count = 3)]
fn ingest_pages_run(bencher: divan::Bencher, n: usize) {
    let config = config();
    let pages = saved_pages(n);
    bencher
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            for (name, bytes) in &pages {
                let path = dir.path().join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            dir
        })
        .bench_values(|dir| {
            let reports = caspian::ingest::run(dir.path(), &config, false, &[]).unwrap();
            assert!(reports.iter().all(|r| r.outcome.is_ok()));
            dir
        });
}

/// Build phase 1: read and parse every article of `content/`.
#[divan::bench(args = sizes(), sample_count = 5)]
fn phase_parse(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    let config = config();
    bencher.bench(|| divan::black_box(caspian::content::load(dir.path(), &config).unwrap()));
}

/// Build phase 2: the articles become a site: Markdown rendered, people,
/// places and topics found, related articles, chronology.
#[divan::bench(args = sizes(), sample_count = 5)]
fn phase_assemble(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    let config = config();
    let (articles, _) = caspian::content::load(dir.path(), &config).unwrap();
    bencher
        .with_inputs(|| (config.clone(), articles.clone()))
        .bench_values(|(config, articles)| caspian::site::Site::assemble(config, articles));
}

/// The site of `dir`, assembled and ready to render.
fn ready(dir: &std::path::Path) -> caspian::pipeline::Ready {
    let mut cache = caspian::pipeline::Cache::once();
    caspian::pipeline::ready(dir, config(), &mut cache)
        .unwrap()
        .0
        .unwrap()
}

/// Build phase 3: every page rendered (in parallel) and its links checked.
#[divan::bench(args = sizes(), sample_count = 5)]
fn phase_render(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    let ready = ready(dir.path());
    bencher.bench(|| divan::black_box(caspian::pipeline::make(&ready, |_| Ok(())).unwrap()));
}

/// Build phase 4: the rendered pages written into a new output folder.
#[divan::bench(args = sizes(), sample_count = 5)]
fn phase_write(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    let ready = ready(dir.path());
    let pages = std::sync::Mutex::new(Vec::new());
    caspian::pipeline::make(&ready, |page| {
        pages.lock().unwrap().push(page.clone());
        Ok(())
    })
    .unwrap();
    let pages = pages.into_inner().unwrap();
    let round = std::sync::atomic::AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            let n = round.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            dir.path().join(format!("out-{n}"))
        })
        .bench_values(|out| caspian::output::write_site(&out, &pages).unwrap());
}

/// Everything `build` does but writing: load, check, assemble, render.
#[divan::bench(args = sizes(), sample_count = 5)]
fn build_in_memory(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    bencher.bench(|| divan::black_box(caspian::pipeline::check(dir.path()).unwrap().errors()));
}

/// `caspian build` as a whole, writing `public/` (the second and later
/// builds, which rewrite only what changed).
#[divan::bench(args = sizes(), sample_count = 5)]
fn build_to_disk(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    caspian::pipeline::build(dir.path(), None, None).unwrap();
    bencher.bench(|| caspian::pipeline::build(dir.path(), None, None).unwrap());
}

/// What `serve` does after an edit: read what changed and assemble the site
/// (pages then render when the browser asks for them).
#[divan::bench(args = sizes(), sample_count = 5)]
fn serve_rebuild_after_one_edit(bencher: divan::Bencher, n: usize) {
    let dir = site(n);
    let config = config();
    let mut cache = caspian::pipeline::Cache::default();
    caspian::pipeline::ready(dir.path(), config.clone(), &mut cache).unwrap();
    let file = dir.path().join("content/a00000.md");
    let original = std::fs::read_to_string(&file).unwrap();
    let mut round = 0;
    bencher.bench_local(|| {
        round += 1;
        std::fs::write(
            &file,
            original.replace("title: \"", &format!("title: \"Edit {round} ")),
        )
        .unwrap();
        // As serve does: the watcher names the file that changed.
        cache.changed(vec!["content/a00000.md".into()]);
        let (ready, _) = caspian::pipeline::ready(dir.path(), config.clone(), &mut cache).unwrap();
        let ready = ready.unwrap();
        let article = ready
            .plan
            .iter()
            .find(|(p, _)| p == "articles/a00000/index.html")
            .unwrap();
        divan::black_box(
            caspian::render::render_job(
                &ready.site,
                &ready.renderer,
                &ready.plan,
                &article.0,
                article.1,
            )
            .unwrap(),
        );
    });
}
