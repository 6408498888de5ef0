//! `caspian init`: a new archive that checks, builds and serves at once,
//! never made over a site or a file; and what the pages of a site with no
//! articles say.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// `caspian init ARGS...` run in `dir`.
fn init(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_caspian"))
        .arg("init")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// `caspian serve` on `root`: the body of its home page, then it stops.
fn served_home(root: &Path) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caspian"))
        .args(["--root", root.to_str().unwrap(), "serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    let (host, path) = url.trim_start_matches("http://").split_once('/').unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{url}: {response}");
    response
}

#[test]
fn init_makes_an_archive_that_checks_builds_and_serves_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = init(dir.path(), &["kazakh-press"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "created a new archive in kazakh-press:
  site.toml                    the title, address, languages and topics
  entities.toml                people and places, an example of each
  content/example-article.md   an example article
  seeds/.gitkeep               raw articles for `caspian ingest` go in seeds/
  .gitignore                   keeps public/ and .caspian/ out of git
  .github/workflows/pages.yml  publishes the site on GitHub Pages
next: `cd kazakh-press`, then `caspian serve` to see the site, and `caspian new \"Its headline\"` to write an article
"
    );
    let root = dir.path().join("kazakh-press");
    assert!(read(&root, "site.toml").contains("\ntitle = \"Kazakh press\"\n"));
    assert_eq!(
        read(&root, ".github/workflows/pages.yml"),
        read(&project(), ".github/workflows/pages.yml"),
        "the workflow is this repository's own"
    );
    let ignored: Vec<String> = read(&root, ".gitignore")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect();
    assert_eq!(ignored, ["/public/", "/.caspian/"]);

    let check = caspian(&root, &["check", "--deny-warnings"]);
    assert_eq!(stdout(&check), "all good\n", "{}", stderr(&check));
    let files = build(&root, "https://example.org/");
    assert!(files.contains_key("articles/example-article/index.html"));
    let home = html(&files, "index.html");
    assert_eq!(texts(&home, "h1"), ["Kazakh press"]);
    assert_eq!(texts(&home, ".latest h3"), ["An example article"]);
    let person = html(&files, "people/abai-qunanbaiuly/index.html");
    assert_eq!(texts(&person, "h1"), ["Abai Qunanbaiuly"]);
    assert!(broken_links(&files, "/").is_empty());
    assert!(served_home(&root).contains("<h1 id=\"intro-h\">Kazakh press</h1>"));

    // Editors' commands work in it as they are.
    let new = caspian(
        &root,
        &[
            "new",
            "Parliament passes the budget",
            "--topics",
            "politics,economy",
        ],
    );
    assert!(new.status.success(), "{}", stderr(&new));
    assert!(stdout(&new).contains("language: en (English, told by the words \"the\""));
    let check = caspian(&root, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn init_in_the_current_folder_says_no_cd() {
    let dir = tempfile::tempdir().unwrap();
    let out = init(dir.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("\nnext: `caspian serve` to see the site, and `caspian new \"Its headline\"` to write an article\n"),
        "{}",
        stdout(&out)
    );
    assert!(dir.path().join("site.toml").is_file());
}

#[test]
fn init_refuses_a_folder_that_holds_a_site_and_overwrites_nothing() {
    // This repository's site.
    let site = site(true, true);
    let before = tree(site.path());
    let out = init(site.path(), &["."]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        "error: . already holds a site (site.toml, entities.toml, content/, seeds/); caspian init makes a new one and never overwrites a file: give it a new or empty folder, e.g. `caspian init my-archive`\n"
    );
    assert_eq!(tree(site.path()), before);

    // A folder with only some of a site.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "archive/content/mine.md", "mine");
    let out = init(dir.path(), &["archive"]);
    assert_eq!(
        stderr(&out),
        "error: archive already holds a site (content/); caspian init makes a new one and never overwrites a file: give it a new or empty folder, e.g. `caspian init my-archive`\n"
    );
    assert_eq!(read(dir.path(), "archive/content/mine.md"), "mine");
    assert!(!dir.path().join("archive/site.toml").exists());

    // A workflow of its own is not replaced.
    write(dir.path(), "repo/.github/workflows/pages.yml", "mine");
    let out = init(dir.path(), &["repo"]);
    assert_eq!(
        stderr(&out),
        "error: repo already has .github/workflows/pages.yml, and caspian init never overwrites a file: move it away, or give init a new or empty folder\n"
    );
    assert_eq!(tree(&dir.path().join("repo")).len(), 1);

    // A fresh repository's .gitignore is kept, and told what to leave out.
    write(dir.path(), "fresh/.gitignore", "*.log");
    write(dir.path(), "fresh/README.md", "# Mine\n");
    let out = init(dir.path(), &["fresh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("  added /public/ and /.caspian/ to the .gitignore that was there\n")
    );
    assert_eq!(
        read(dir.path(), "fresh/.gitignore"),
        "*.log\n# Made by caspian, never committed.\n/public/\n/.caspian/\n"
    );
    assert_eq!(read(dir.path(), "fresh/README.md"), "# Mine\n");
}

/// The texts of a page's headings, and the lists of its main part that
/// have no items (search fills its results in the browser).
fn headings_and_empty_lists(doc: &scraper::Html) -> (Vec<String>, usize) {
    let empty = select(doc, "main ul, main ol")
        .iter()
        .filter(|list| list.value().id() != Some("search-results"))
        .filter(|list| list.children().all(|c| c.value().as_element().is_none()))
        .count();
    (texts(doc, "main h1, main h2, main h3"), empty)
}

#[test]
fn an_empty_site_says_how_to_add_an_article_and_shows_no_empty_heading() {
    let dir = tempfile::tempdir().unwrap();
    assert!(init(dir.path(), &["archive"]).status.success());
    let root = dir.path().join("archive");
    std::fs::remove_file(root.join("content/example-article.md")).unwrap();
    let check = caspian(&root, &["check"]);
    assert_eq!(stdout(&check), "all good\n", "{}", stderr(&check));
    let files = build(&root, "https://example.org/news/");
    let note = "No articles yet: add one with caspian new.";
    let pages = [
        ("index.html", vec!["Archive", "Topics"]),
        ("chronology/index.html", vec!["Chronology"]),
        (
            "topics/index.html",
            vec![
                "Topics",
                "Politics",
                "Economy",
                "Energy",
                "Transport",
                "Culture",
            ],
        ),
        ("people/index.html", vec!["People"]),
        ("places/index.html", vec!["Places"]),
        ("languages/index.html", vec!["Languages"]),
        ("search/index.html", vec!["Search"]),
    ];
    for (path, headings) in pages {
        let doc = html(&files, path);
        assert_eq!(texts(&doc, ".empty-site"), [note], "{path}");
        assert_eq!(
            headings_and_empty_lists(&doc),
            (headings.iter().map(|h| h.to_string()).collect(), 0),
            "{path}"
        );
    }
    // The home page has nothing to search, nor years to list.
    let home = html(&files, "index.html");
    assert!(select(&home, "form").is_empty());
    assert!(select(&home, ".years, .latest").is_empty());

    // Without topics either, the topics page says where they come from.
    let site = read(&root, "site.toml");
    let site = &site[..site.find("[[topics]]").unwrap()];
    write(&root, "site.toml", site);
    let files = build(&root, "https://example.org/news/");
    let doc = html(&files, "topics/index.html");
    assert_eq!(
        texts(&doc, "main p"),
        [
            note,
            "No topics yet: add them to site.toml, each as a [[topics]] table."
        ]
    );
    assert_eq!(
        headings_and_empty_lists(&doc),
        (vec!["Topics".to_string()], 0)
    );
    let home = html(&files, "index.html");
    assert_eq!(
        headings_and_empty_lists(&home),
        (vec!["Archive".to_string()], 0)
    );
    assert!(select(&home, ".home-grid").is_empty());
}
