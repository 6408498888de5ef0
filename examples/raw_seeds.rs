//! Writes N raw articles into a new site's `seeds/`, to time `caspian
//! ingest` at the size of a real archive: the copied text of the corpus
//! pages (`tests/corpus/*/*/copied.txt`, real pages in the site's six
//! languages and more, menus and all) and the committed seeds, in turn, each
//! copy with its own number in a line above the text and in a closing
//! paragraph, so that no two are alike. Deterministic: the same N gives the
//! same files.
//!
//! ```sh
//! cargo run --release --example raw_seeds -- --articles 10000 --out DIR
//! time caspian ingest --root DIR
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};

fn usage() -> ! {
    eprintln!("usage: raw_seeds --articles N --out DIR");
    std::process::exit(2)
}

fn read(path: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The copied texts of the corpora and the committed seeds, in a fixed order.
fn sources(project: &Path) -> std::io::Result<Vec<String>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for corpus in ["tests/corpus/readability", "tests/corpus/chronicle"] {
        for entry in std::fs::read_dir(project.join(corpus))? {
            let dir = entry?.path();
            for name in ["copied.txt", "copied.txt.gz"] {
                if dir.join(name).is_file() {
                    files.push(dir.join(name));
                }
            }
        }
    }
    files.extend(
        caspian::fs::list_files(&project.join("seeds"), "txt").map_err(std::io::Error::other)?,
    );
    files.sort();
    files.iter().map(|f| read(f)).collect()
}

fn main() {
    let mut articles = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => articles = args.next().and_then(|n| n.parse::<usize>().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            _ => usage(),
        }
    }
    let (Some(n), Some(out)) = (articles, out) else {
        usage()
    };
    let project = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = sources(project).unwrap_or_else(|e| {
        eprintln!("reading the corpora: {e}");
        std::process::exit(1)
    });
    let write = |path: PathBuf, text: &[u8]| {
        std::fs::write(&path, text).unwrap_or_else(|e| {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1)
        })
    };
    std::fs::create_dir_all(out.join("seeds")).unwrap_or_else(|e| {
        eprintln!("{}: {e}", out.display());
        std::process::exit(1)
    });
    for file in ["site.toml", "entities.toml"] {
        write(out.join(file), &std::fs::read(project.join(file)).unwrap());
    }
    for i in 0..n {
        let text = &sources[i % sources.len()];
        let varied = format!(
            "Copy {i}\n{text}\n\nParagraph {i} of the archive, added to tell this copy from the others.\n"
        );
        write(out.join(format!("seeds/{i:05}.txt")), varied.as_bytes());
    }
    println!(
        "wrote {n} raw articles from {} sources under {}",
        sources.len(),
        out.display()
    );
}
