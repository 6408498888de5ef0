//! Helpers for the integration tests: a site folder in a temp dir, the
//! `caspian` binary run on it, and readers for what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use caspian::frontmatter::{self, FrontMatter};

pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `caspian --root ROOT ARGS...`.
pub fn caspian(root: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_caspian"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("caspian runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temp site with the project's configuration; with its seeds and its
/// committed content when asked.
pub fn site(seeds: bool, content: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["site.toml", "entities.toml"] {
        std::fs::copy(project().join(file), dir.path().join(file)).unwrap();
    }
    if seeds {
        copy_dir(&project().join("seeds"), &dir.path().join("seeds"));
    }
    if content {
        copy_dir(&project().join("content"), &dir.path().join("content"));
    }
    dir
}

pub fn write(root: &Path, rel: &str, text: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A content file's front matter and body.
pub fn article(path: &Path) -> (FrontMatter, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let split = frontmatter::split(&text).unwrap();
    let (fm, problems) = frontmatter::parse(split.yaml, split.yaml_line);
    assert!(problems.is_empty(), "{}: {problems:?}", path.display());
    (fm, split.body.to_string())
}

/// The content file ingest wrote for `seed` (`seeds/<file>.txt`).
pub fn article_for_seed(root: &Path, seed: &str) -> (PathBuf, FrontMatter, String) {
    for entry in std::fs::read_dir(root.join("content")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let (fm, body) = article(&path);
            if fm.source.as_ref().and_then(|s| s.seed.as_deref()) == Some(seed) {
                return (path, fm, body);
            }
        }
    }
    panic!("no content file for {seed}");
}

/// Every file under `dir`, relative path → bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// A temp copy of a fixture site under `tests/fixtures/`.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Builds `root` into `root/public` with the given base URL; panics on failure.
pub fn build(root: &Path, base_url: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = caspian(root, &["build", "--base-url", base_url]);
    assert!(
        out.status.success(),
        "build failed:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
    tree(&root.join("public"))
}

pub fn html(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> scraper::Html {
    let bytes = files.get(path).unwrap_or_else(|| panic!("no {path}"));
    scraper::Html::parse_document(&String::from_utf8_lossy(bytes))
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&scraper::Selector::parse(css).unwrap())
        .collect()
}

pub fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub fn attrs(doc: &scraper::Html, css: &str, attr: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .filter_map(|e| e.value().attr(attr).map(String::from))
        .collect()
}

/// Every internal `href` and `src` in every HTML page that leads nowhere:
/// (page, link). Links are taken under `base_path` (`/` or `/repo/`).
pub fn broken_links(
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    base_path: &str,
) -> Vec<(String, String)> {
    let mut broken = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for (css, attr) in [("[href]", "href"), ("[src]", "src")] {
            for link in attrs(&doc, css, attr) {
                if link.starts_with("http") || link.starts_with("mailto:") {
                    continue;
                }
                let target = if let Some(rest) = link.strip_prefix(base_path) {
                    rest.to_string()
                } else if link.starts_with('#') {
                    continue;
                } else {
                    broken.push((path.clone(), link));
                    continue;
                };
                let (file, anchor) = match target.split_once('#') {
                    Some((f, a)) => (f.to_string(), Some(a.to_string())),
                    None => (target.clone(), None),
                };
                let file = file.split('?').next().unwrap_or("").to_string();
                let candidates = if file.is_empty() || file.ends_with('/') {
                    vec![format!("{file}index.html")]
                } else {
                    vec![file.clone(), format!("{file}/index.html")]
                };
                let Some(found) = candidates.iter().find(|c| files.contains_key(*c)) else {
                    broken.push((path.clone(), link));
                    continue;
                };
                if let Some(anchor) = anchor.filter(|a| !a.is_empty()) {
                    let target_doc =
                        scraper::Html::parse_document(&String::from_utf8_lossy(&files[found]));
                    if select(&target_doc, &format!("[id=\"{anchor}\"]")).is_empty() {
                        broken.push((path.clone(), link));
                    }
                }
            }
        }
    }
    broken
}
