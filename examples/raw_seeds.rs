//! Writes N raw articles into a new site's `seeds/`, to time `caspian
//! ingest` at the size of a real archive: the copied text of the corpus
//! pages (`tests/corpus/*/*/copied.txt`, real pages in the site's six
//! languages and more, menus and all) and the committed seeds, in turn, each
//! copy with its own number in a line above the text and in a closing
//! paragraph. From the second round on, one word in four of each line is
//! swapped for another word of the same text, so that a copy is not the same
//! article as the one it was made from (ingest would refuse it as a
//! duplicate) and still reads as its language. Deterministic: the same N
//! gives the same files.
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

/// `text` with one word in four of each line (which ones, and their
/// replacements, chosen by `round`) swapped for another word of the text.
fn reword(text: &str, round: usize) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return text.to_string();
    }
    let mut n = round.wrapping_mul(0x9e37_79b9);
    text.lines()
        .map(|line| {
            line.split_whitespace()
                .enumerate()
                .map(|(k, w)| {
                    if k > 0 && (k + round).is_multiple_of(4) && w.chars().all(char::is_alphabetic)
                    {
                        n = n.wrapping_mul(6_364_136_223).wrapping_add(1_442_695_041);
                        words[(n >> 7) % words.len()]
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
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
        let round = i / sources.len();
        let text = &if round == 0 {
            text.clone()
        } else {
            reword(text, round)
        };
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
