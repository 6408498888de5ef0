//! What the fuzz targets check, one function per target: the input must not
//! make caspian panic or hang, and the invariants below must hold. Shared
//! with `tests/fuzz_corpus.rs`, which replays the committed corpora through
//! these same functions without the fuzzer.

// Each target uses one of the checks.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use caspian::config::Config;
use caspian::content::Article;
use caspian::date::PartialDate;
use caspian::error::Diagnostic;
use caspian::frontmatter;
use caspian::ingest::{self, clean, seed};
use caspian::site::{Site, body};
use caspian::text::{is_slug, normalize};

/// The project's own configuration, read once.
pub fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::parse(
            include_str!("../site.toml"),
            Some((Path::new("entities.toml"), include_str!("../entities.toml"))),
        )
        .expect("the project's configuration is valid")
    })
}

/// A configuration with only what assembling a site reads of it (the base
/// path; a sub-path, as on GitHub Pages): cloning the project's, with its
/// word lists, would cost more than the rest of a check.
fn site_config() -> Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            Config::parse(
                "title = \"Fuzz\"\nbase_url = \"https://example.org/sub/\"\nlanguages = [\"en\"]\n",
                None,
            )
            .expect("a valid configuration")
        })
        .clone()
}

/// The errors among diagnostics, as printed.
fn errors_of<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> Vec<String> {
    diags
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect()
}

/// A fixed "today", so that a run does not depend on the clock.
pub fn today() -> PartialDate {
    PartialDate::ymd(2026, 11, 24).expect("a real day")
}

/// A diagnostic points into the file it is about: its line exists (or is
/// the one just past the end, where an unclosed block ends), or is 0 for
/// the whole file.
fn assert_located(diags: &[Diagnostic], text: &str) {
    let last = text.lines().count() + 1;
    for d in diags {
        assert!(
            d.line <= last && (d.line == 0 || d.column >= 1),
            "{d} points outside the file's {} lines",
            last - 1
        );
    }
}

/// Front matter: splitting and reading any text, and an article from it.
/// What reads without problems is written back and reads the same.
pub fn frontmatter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(split) = frontmatter::split(text) {
        let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
        assert!(unmarked.ends_with(split.body));
        let before_body = &unmarked[..unmarked.len() - split.body.len()];
        // An empty body after a last line without a newline "starts" on
        // the line after it; a body with text starts where its text does.
        if !split.body.is_empty() {
            assert_eq!(split.body_line, before_body.matches('\n').count() + 1);
        }

        let (fm, problems) = frontmatter::parse(split.yaml, split.yaml_line);
        let last = text.lines().count() + 1;
        for p in &problems {
            assert!(
                (1..=last).contains(&p.line) && p.column >= 1,
                "{p:?} points outside the file's {} lines",
                last - 1
            );
        }
        if problems.is_empty() {
            let written = frontmatter::write(&fm);
            let again = frontmatter::split(&written).expect("written front matter splits");
            let (back, problems) = frontmatter::parse(again.yaml, again.yaml_line);
            assert!(problems.is_empty(), "{problems:?} in\n{written}");
            assert_eq!(back, fm, "written as\n{written}");
            assert_eq!(frontmatter::write(&back), written);
        }
    }

    let path = Path::new("content/fuzz.md");
    let (article, diags) = Article::parse(path, text, config());
    assert_located(&diags, text);
    assert_eq!(article.is_some(), !diags.iter().any(Diagnostic::is_error));
    if let Some(article) = article {
        assert!(is_slug(&article.slug), "{:?}", article.slug);
        let rewritten = format!("{}{}", frontmatter::write(&article.meta), article.body);
        let (again, diags) = Article::parse(path, &rewritten, config());
        let again = again.unwrap_or_else(|| panic!("{diags:?} in\n{rewritten}"));
        assert_eq!(again.meta, article.meta);
        assert_eq!(again.body, article.body);
    }
}

/// Ingest of one raw article: what it writes is an article that `build`
/// accepts, reads back as what ingest meant, carries a fingerprint that
/// matches it, and shows each paragraph as the seed said it.
pub fn ingest_seed(data: &[u8]) {
    let Ok(ingested) = seed::parse("seeds/fuzz.txt", data, config(), today()) else {
        return;
    };
    assert!(is_slug(&ingested.slug), "{:?}", ingested.slug);
    let text = ingest::render(&ingested);
    assert!(
        ingest::is_untouched(&text),
        "fingerprint does not match\n{text}"
    );

    let file = format!("content/{}.md", ingested.slug);
    let (article, diags) = Article::parse(Path::new(&file), &text, config());
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?} in\n{text}");
    let article = article.expect("no errors, so an article");
    let mut meta = article.meta.clone();
    if let Some(source) = meta.source.as_mut() {
        source.fingerprint = None;
    }
    assert_eq!(meta, ingested.front_matter);
    assert_eq!(article.body, format!("\n{}", ingested.body));

    let (site, diags) = Site::assemble(site_config(), vec![article]);
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?} in\n{text}");

    // The body's Markdown shows the cleaned paragraphs as written: no
    // character of the seed turned into markup. (Ingest cleans
    // deterministically, so cleaning again gives the same paragraphs.)
    let raw = seed::decode(data, &mut Vec::new()).expect("decoded once already");
    let cleaned = clean::clean(&normalize(&raw));
    let expected: Vec<&str> = cleaned.paragraphs().map(list_item_text).collect();
    let shown: Vec<&str> = site.entries[0]
        .body
        .plain
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(shown, expected, "body:\n{}", ingested.body);
}

/// Ingest of one saved web page: what it writes is an article that
/// `build` accepts, reads back as what ingest meant, and carries a
/// fingerprint that matches it; the same bytes give the same article.
pub fn ingest_page(data: &[u8]) {
    let Ok(ingested) = seed::parse("seeds/fuzz.html", data, config(), today()) else {
        return;
    };
    assert!(is_slug(&ingested.slug), "{:?}", ingested.slug);
    let text = ingest::render(&ingested);
    assert!(
        ingest::is_untouched(&text),
        "fingerprint does not match\n{text}"
    );
    let again = seed::parse("seeds/fuzz.html", data, config(), today()).expect("parsed once");
    assert_eq!(ingest::render(&again), text);

    let file = format!("content/{}.md", ingested.slug);
    let (article, diags) = Article::parse(Path::new(&file), &text, config());
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?} in\n{text}");
    let article = article.expect("no errors, so an article");
    let mut meta = article.meta.clone();
    if let Some(source) = meta.source.as_mut() {
        source.fingerprint = None;
    }
    assert_eq!(meta, ingested.front_matter);
    assert_eq!(article.body, format!("\n{}", ingested.body));

    let (_, diags) = Site::assemble(site_config(), vec![article]);
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?} in\n{text}");
}

/// A paragraph's text as a reader sees it: "1. text" is a list item whose
/// number the list shows, not its text (as ingest's Markdown writer decides).
fn list_item_text(p: &str) -> &str {
    let digits = p.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &p[digits..];
        if let Some(item) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return item.trim_start();
        }
    }
    p
}

/// Markdown of a body: rendering any text, alone and in a site with
/// another article to link to, as `build` does.
pub fn markdown(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let resolve = |dest: &str| -> Option<String> {
        dest.strip_prefix('/')
            .map(|p| format!("/sub/{p}"))
            .or_else(|| {
                dest.strip_suffix(".md")
                    .map(|s| format!("/sub/articles/{s}/"))
            })
    };
    let rendered = body::render(body, &resolve);
    for link in &rendered.links {
        assert!(
            body.is_char_boundary(link.offset) && link.offset <= body.len(),
            "{link:?}"
        );
    }
    let mut ids = std::collections::HashSet::new();
    for id in &rendered.headings {
        assert!(!id.is_empty(), "an empty heading id");
        assert!(ids.insert(id), "heading id {id:?} twice");
    }

    let head = "---\ntitle: Fuzz\ndate: 2024-05-01\nlang: en\n---\n";
    if body.contains('\0') {
        // A NUL byte marks a damaged file: the article is refused, at its line.
        let text = format!("{head}{body}");
        let (article, diags) = Article::parse(Path::new("content/fuzz.md"), &text, config());
        assert!(
            article.is_none(),
            "an article with a NUL character was accepted"
        );
        assert_located(&diags, &text);
        return;
    }
    let mut articles = Vec::new();
    for (file, text) in [
        ("content/fuzz.md", format!("{head}{body}")),
        ("content/other.md", format!("{head}## Known heading\n")),
    ] {
        let (article, diags) = Article::parse(Path::new(file), &text, config());
        articles.push(article.unwrap_or_else(|| panic!("{diags:?}")));
    }
    let text = format!("{head}{body}");
    let (site, diags) = Site::assemble(site_config(), articles);
    assert_located(&diags.iter().cloned().collect::<Vec<_>>(), &text);
    assert_eq!(site.entries.len(), 2);
}
