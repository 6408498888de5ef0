//! The `caspian` command line: parses arguments, calls the pipeline, prints
//! what happened, and turns it into an exit status.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use caspian::config::Config;
use caspian::error::Diagnostics;
use caspian::layout::{DUPLICATES_FILE, SEEDS_DIR};
use caspian::{output, pipeline};

#[derive(Parser)]
#[command(
    name = "caspian",
    version,
    about = "A static site generator for multilingual news archives"
)]
struct Cli {
    /// The folder that holds site.toml, seeds/, content/, templates/ and public/.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a new archive that builds at once: site.toml, entities.toml, an
    /// example article, .gitignore and the GitHub Pages workflow.
    Init {
        /// The folder to make it in (default: --root, the current folder).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Turn the raw articles in seeds/ into Markdown files in content/.
    Ingest {
        /// Overwrite content files that were edited by hand since ingest wrote them.
        #[arg(long)]
        force: bool,
        /// Web addresses to fetch into seeds/ first (https://…).
        #[arg(value_name = "URL")]
        urls: Vec<String>,
        /// Print what ingest would write for this seed and why (the lines
        /// and words that decided each field, the scores of the
        /// alternatives); write nothing.
        #[arg(long, value_name = "SEED", conflicts_with = "force")]
        explain: Option<PathBuf>,
        /// Make an article of this seed even though an article has the same
        /// text (a seed that repeats one is otherwise not ingested, even
        /// with --force). May be given more than once.
        #[arg(long, value_name = "SEED", conflicts_with = "explain")]
        keep_duplicate: Vec<PathBuf>,
    },
    /// Build the site from content/ into public/.
    Build {
        /// Write the site here instead of public/.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The address the site will be served from (default: base_url in site.toml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Validate everything build validates, plus links, without writing anything.
    Check {
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Build, serve on localhost and rebuild when files change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: String,
    },
    /// Write a new article with its front matter filled in.
    New {
        /// The article's title.
        title: String,
        /// Its language (ISO 639-1).
        #[arg(long)]
        lang: Option<String>,
        /// Its date: YYYY-MM-DD, YYYY-MM or YYYY (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Its topics, comma-separated.
        #[arg(long, value_delimiter = ',')]
        topics: Vec<String>,
    },
}

// glibc's allocator spent a quarter of a 100,000-article build in malloc
// and free with two threads rendering; mimalloc keeps a heap per thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = cli.root;
    match cli.command {
        Command::Init { dir } => init(dir.as_deref().unwrap_or(&root)),
        Command::Ingest {
            explain: Some(seed),
            ..
        } => explain(&root, &seed),
        Command::Ingest {
            force,
            urls,
            keep_duplicate,
            ..
        } => ingest(&root, force, &urls, &keep_duplicate),
        Command::Build { out, base_url } => build(&root, out.as_deref(), base_url.as_deref()),
        Command::Check { deny_warnings } => check(&root, deny_warnings),
        Command::Serve { port, bind } => {
            caspian::serve::serve(&root, &bind, port)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            title,
            lang,
            date,
            topics,
        } => new(&root, &title, lang.as_deref(), date.as_deref(), &topics),
    }
}

fn init(dir: &Path) -> anyhow::Result<ExitCode> {
    let made = caspian::init::init(dir)?;
    print!("{}", caspian::init::report(&made));
    Ok(ExitCode::SUCCESS)
}

fn explain(root: &Path, seed: &Path) -> anyhow::Result<ExitCode> {
    let config = caspian::config::Config::load(root)?;
    print!("{}", caspian::ingest::explain(root, &config, seed)?);
    Ok(ExitCode::SUCCESS)
}

fn ingest(root: &Path, force: bool, urls: &[String], keep: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let fetch_failed = fetch(root, urls)?;
    let reports = pipeline::ingest(root, force, keep)?;
    let (mut failed, mut seeds, mut duplicates) = (0, 0, 0);
    for report in &reports {
        println!("{report}");
        failed += usize::from(report.outcome.is_err());
        seeds += usize::from(!report.skipped());
        duplicates += usize::from(report.duplicate());
    }
    if seeds == 0 {
        println!("no seeds in {}", root.join(SEEDS_DIR).display());
    }
    if duplicates > 0 {
        println!(
            "{duplicates} of {seeds} seeds repeat an article and were not ingested; their \
             sources are in {SEEDS_DIR}/{DUPLICATES_FILE}; `caspian ingest --keep-duplicate \
             SEED` makes an article of one all the same"
        );
    }
    if fetch_failed > 0 {
        eprintln!(
            "{fetch_failed} of {} addresses could not be fetched; nothing was saved for them",
            urls.len()
        );
    }
    if failed > 0 {
        eprintln!("{failed} of {seeds} seeds failed");
    }
    Ok(if failed + fetch_failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Saves each address as a seed; returns how many could not be fetched.
fn fetch(root: &Path, urls: &[String]) -> anyhow::Result<usize> {
    if urls.is_empty() {
        return Ok(0);
    }
    let config = caspian::config::Config::load(root)?;
    let mut failed = 0;
    for url in urls {
        let fetched = caspian::ingest::fetch::fetch_into(
            root,
            url,
            caspian::ingest::fetch::TIMEOUT,
            &config,
            caspian::date::today(),
        );
        match fetched {
            Ok(saved) => println!("{url}: {} {}", saved.action, saved.seed),
            Err(why) => {
                println!("{url}: error: {why}");
                failed += 1;
            }
        }
    }
    Ok(failed)
}

fn build(root: &Path, out: Option<&Path>, base_url: Option<&str>) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let (built, diagnostics) = pipeline::build(root, out, base_url)?;
    let (errors, warnings) = report(diagnostics);
    let Some(b) = built else {
        eprintln!(
            "{}; nothing was written, the previous site is unchanged",
            plural(errors, "error")
        );
        return Ok(ExitCode::FAILURE);
    };
    println!(
        "built {} into {} ({} files, {:.1} MB) in {:.2} s{}",
        plural(b.articles, "article"),
        b.out.display(),
        b.pages,
        b.bytes as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64(),
        plural_suffix(", ", warnings, "warning")
    );
    if let Some(warning) = output::pages_warning(&b.out, b.bytes as u64, pages_limit()) {
        eprintln!("{warning}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The size above which a build warns that GitHub Pages will not publish
/// the site: GitHub's, unless `CASPIAN_PAGES_LIMIT` gives another (in
/// bytes), so that a test need not write a gigabyte. Not a setting of
/// site.toml: the limit is the host's, not the site's to choose.
fn pages_limit() -> u64 {
    std::env::var("CASPIAN_PAGES_LIMIT")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(output::PAGES_LIMIT)
}

fn check(root: &Path, deny_warnings: bool) -> anyhow::Result<ExitCode> {
    let diagnostics = pipeline::check(root)?;
    let (errors, warnings) = report(diagnostics);
    if errors == 0 && warnings == 0 {
        println!("all good");
    } else {
        eprintln!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn new(
    root: &Path,
    title: &str,
    lang: Option<&str>,
    date: Option<&str>,
    topics: &[String],
) -> anyhow::Result<ExitCode> {
    let config = Config::load(root)?;
    let today = caspian::date::today();
    let draft = caspian::draft::draft(title, lang, date, topics, &config, today)?;
    caspian::draft::create(root, &draft)?;
    println!("created {}", draft.path.display());
    for note in &draft.notes {
        println!("  {note}");
    }
    println!("write the article under its front matter, then run `caspian serve` to see it");
    Ok(ExitCode::SUCCESS)
}

/// Prints diagnostics, sorted, to stderr; returns (errors, warnings).
fn report(diagnostics: Diagnostics) -> (usize, usize) {
    let (errors, warnings) = (diagnostics.errors(), diagnostics.warnings());
    for d in diagnostics.sorted() {
        eprintln!("{d}");
    }
    (errors, warnings)
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn plural_suffix(sep: &str, n: usize, noun: &str) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("{sep}{}", plural(n, noun))
    }
}
