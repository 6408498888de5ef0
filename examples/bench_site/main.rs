//! Writes a benchmark site of N generated articles twice, for caspian
//! (`OUT/caspian`) and for Hugo (`OUT/hugo`); `scripts/bench` times both.
//!
//!     cargo run --release --example bench_site -- --articles 10000 --seed 1 --out DIR

mod generate;

use std::path::PathBuf;

use clap::Parser;

/// Writes a caspian site and the same site for Hugo, made up of generated articles.
#[derive(Parser)]
struct Args {
    /// How many articles.
    #[arg(long, default_value_t = 10_000)]
    articles: usize,
    /// The seed number: the same number gives the same sites, byte for byte.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write them (`OUT/caspian`, `OUT/hugo`); replaced if there.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let sources = generate::Sources::load(&project)?;
    let articles = generate::generate(&sources, args.articles, args.seed);
    let files = generate::write_sites(&args.out, &sources, &articles)?;
    println!(
        "wrote {} articles (seed {}) as {files} files under {}",
        articles.len(),
        args.seed,
        args.out.display()
    );
    Ok(())
}
