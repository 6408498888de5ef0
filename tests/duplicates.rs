//! The same article twice: real pages (`tests/corpus/readability`) copied
//! several times with other furniture around them, and beside their saved
//! page, are each ingested once; the committed content and the multilingual
//! chronicle corpus (several reports of one event, in several languages)
//! hold no false duplicate; and what ingest, `check` and `build` say.

mod common;

#[path = "../examples/corpus_eval/score.rs"]
#[allow(dead_code)]
mod score;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

/// Furniture that sites put around an article: menus and teasers, comment
/// lines, another dateline, a paragraph of their own at the end. The
/// furniture of copy `n` of page `page`, put around `text`.
fn furnished(text: &str, page: usize, n: usize) -> String {
    let menu = "Home\nNews\nWorld\nBusiness\nSport\nCulture\nOpinion\nSearch\nSign in\n";
    let dateline = format!(
        "Updated {:02}:{:02} GMT, {} March 2021\n",
        (page * 7) % 24,
        (page * 13) % 60,
        1 + page % 28
    );
    let teasers = "Most read\nThe ten best places to see this spring\nWhy the markets fell on Monday\n\
                   Advertisement\nRead more: the week in pictures\n";
    let comments = "42 comments\nAnna K. wrote: Thank you for this.\nReply\n\
                    Mark_77 wrote: Where is the source?\nReply\nLoad more comments\n";
    let republished = "This article was first published by our partners and is republished \
                       here with their permission; our editors have added the links and checked \
                       the figures, and any mistakes in the translation of quotes are ours.\n";
    let cookies = "We use cookies to give you the best experience on our website, to show you \
                   personalised advertising and to understand where our audience comes from; \
                   by using the site you agree to our use of cookies as the policy explains.\n";
    match n % 4 {
        0 => format!("{menu}\n{dateline}\n{text}\n\n{teasers}"),
        1 => format!("{cookies}\n{text}\n\n{republished}\n{comments}"),
        2 => format!("{dateline}\n{text}\n\n{republished}\n{teasers}{menu}"),
        _ => format!("{menu}{teasers}\n{text}\n\n{comments}\n{cookies}"),
    }
}

struct Ingest {
    status: bool,
    /// Per seed, its line of the report (warnings apart).
    lines: BTreeMap<String, String>,
    out: String,
}

fn ingest(root: &Path, args: &[&str]) -> Ingest {
    let mut all = vec!["ingest"];
    all.extend(args);
    let out = caspian(root, &all);
    let text = stdout(&out);
    // The first line of each seed; warnings follow it.
    let mut lines = BTreeMap::new();
    for line in text.lines() {
        if let Some((seed, _)) = line.split_once(": ")
            && seed.starts_with("seeds/")
        {
            lines
                .entry(seed.to_string())
                .or_insert_with(|| line.to_string());
        }
    }
    Ingest {
        status: out.status.success(),
        lines,
        out: format!("{text}{}", stderr(&out)),
    }
}

/// The article a seed of [`every_copy_of_a_real_page_is_found`] holds: its
/// page's name (`seeds/<page>--<n>.txt` or `seeds/<page>.html`), where two
/// pages of the corpus that are saves of one article count as one.
fn article_of(seed: &str) -> &str {
    // Not an article but a section's front page, a list of teasers: ingest
    // keeps other teasers and captions from the saved page than from the
    // copied text (a third in common), so the two are two articles.
    if seed == "seeds/nytimes-5.html" {
        return "nytimes-5 (saved page)";
    }
    let name = seed.trim_start_matches("seeds/");
    let name = name.strip_suffix(".html").unwrap_or(name);
    match name.split("--").next().unwrap_or(name) {
        // The same Lifehacker article, saved before and after its comments loaded.
        "lifehacker-working" => "lifehacker-post-comment-load",
        page => page,
    }
}

#[test]
fn every_copy_of_a_real_page_is_found() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = score::read_corpus(&root.join("tests/corpus/readability")).unwrap();
    let site = site(false, false);
    let mut seeds = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let copied = page.copied().expect("every page has its copied text");
        let n = 2 + i % 3;
        for k in 0..n {
            let text = if k == 0 {
                copied.clone()
            } else {
                furnished(&copied, i, k + i)
            };
            let seed = format!("seeds/{}--{k}.txt", page.name);
            write(site.path(), &seed, text);
            seeds.push(seed);
        }
        if let Some(html) = page.input(score::Input::Saved) {
            let seed = format!("seeds/{}.html", page.name);
            write(site.path(), &seed, html);
            seeds.push(seed);
        }
    }
    let articles: BTreeSet<&str> = seeds.iter().map(|s| article_of(s)).collect();
    let copies = seeds.len() - articles.len();
    let run = ingest(site.path(), &[]);
    assert!(run.status, "{}", run.out);

    // Per page: its articles and its duplicates, and whom these name.
    let mut created: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut found = 0;
    let mut wrong = Vec::new();
    let articles: BTreeMap<String, String> = run
        .lines
        .iter()
        .filter_map(|(seed, line)| {
            let path = line.split(" created ").nth(1)?;
            Some((path.to_string(), seed.clone()))
        })
        .collect();
    for (seed, line) in &run.lines {
        if line.contains(" created ") {
            created.entry(article_of(seed)).or_default().push(seed);
        } else if let Some(rest) = line.split(": the same article as ").nth(1) {
            found += 1;
            let article = rest.split(' ').next().unwrap();
            let original = &articles[article];
            if article_of(original) != article_of(seed) {
                wrong.push(line.clone());
            }
        }
    }
    let twice: Vec<_> = created.iter().filter(|(_, s)| s.len() > 1).collect();
    assert!(wrong.is_empty(), "duplicates of another page: {wrong:#?}");
    assert!(
        twice.is_empty(),
        "pages ingested more than once: {twice:#?}"
    );
    assert_eq!(created.len(), articles.len(), "{}", run.out);
    assert_eq!(found, copies, "{}", run.out);
    // The record names every one, with the article it repeats.
    let record: toml::Table = read(site.path(), "seeds/duplicates.toml").parse().unwrap();
    assert_eq!(record.len(), copies);
}

#[test]
fn no_false_duplicate_in_the_committed_content_nor_the_chronicle_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = score::read_corpus(&root.join("tests/corpus/chronicle")).unwrap();
    assert!(pages.len() >= 100);
    let site = site(true, true);
    for page in &pages {
        write(
            site.path(),
            &format!("seeds/{}.txt", page.name),
            page.copied().unwrap(),
        );
    }
    let run = ingest(site.path(), &[]);
    assert!(run.status, "{}", run.out);
    // Two pages of the corpus are the very pages that committed seeds were
    // copied from: the two duplicates there are, and they are found.
    let duplicates: Vec<&String> = run
        .lines
        .values()
        .filter(|l| l.contains("the same article"))
        .collect();
    assert_eq!(
        duplicates,
        [
            "seeds/en_16_turanews-joint-statement.txt: the same article as \
             content/presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement.md \
             (from seeds/003_e315b40c047e683f.txt), 100% of its text; not ingested",
            "seeds/kk_01_abai-tokaev-aliev-talks.txt: the same article as \
             content/qasym-zhomart-toqaev-pen-ilkham-aliev-kelissoz-zhurgizdi.md \
             (from seeds/005_2c7d9a079c7b62ba.txt), 100% of its text; not ingested",
        ],
        "{}",
        run.out
    );
    let created = run
        .lines
        .values()
        .filter(|l| l.contains(" created "))
        .count();
    assert_eq!(created, pages.len() - 2, "{}", run.out);
    let check = caspian(site.path(), &["check"]);
    let said = format!("{}{}", stdout(&check), stderr(&check));
    assert!(!said.contains("nearly the same text"), "{said}");
}

/// A real article (a page of the chronicle corpus) as copied text, and the
/// same with other furniture.
fn one_article() -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = score::read_corpus(&root.join("tests/corpus/chronicle")).unwrap();
    let page = pages.iter().find(|p| p.name.starts_with("en_")).unwrap();
    let copied = page.copied().unwrap();
    let other = furnished(&copied, 5, 1);
    (copied, other)
}

/// `text` as a saved page, a paragraph a line, with its publisher and address.
fn saved_page(text: &str) -> String {
    let paragraphs: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", caspian::text::escape_html(l)))
        .collect();
    format!(
        "<html><head><title>Copy</title>\
         <meta property=\"og:site_name\" content=\"Caspian Courier\">\
         <link rel=\"canonical\" href=\"https://courier.example/2024/visit\"></head>\
         <body><article>{paragraphs}</article></body></html>"
    )
}

#[test]
fn a_seed_that_repeats_an_article_is_named_recorded_and_not_ingested() {
    let (copied, other) = one_article();
    let site = site(false, false);
    write(site.path(), "seeds/a.txt", &copied);
    let first = ingest(site.path(), &[]);
    let article = first.lines["seeds/a.txt"]
        .split(" created ")
        .nth(1)
        .expect("created")
        .to_string();
    // Another copy, with its own source, in the next run.
    write(site.path(), "seeds/b.html", saved_page(&other));
    let content_before = tree(&site.path().join("content"));
    for args in [&[][..], &["--force"][..]] {
        let run = ingest(site.path(), args);
        assert!(run.status, "{}", run.out);
        let line = &run.lines["seeds/b.html"];
        let share: u8 = line
            .strip_prefix(&format!(
                "seeds/b.html: the same article as {article} (from seeds/a.txt), "
            ))
            .and_then(|rest| rest.strip_suffix("% of its text; not ingested"))
            .unwrap_or_else(|| panic!("{line}"))
            .parse()
            .unwrap();
        assert!((60..=100).contains(&share), "{line}");
        assert!(run.out.contains("seeds/duplicates.toml"), "{}", run.out);
        assert_eq!(tree(&site.path().join("content")), content_before);
        let record: toml::Table = read(site.path(), "seeds/duplicates.toml").parse().unwrap();
        let entry = record["seeds/b.html"].as_table().unwrap();
        assert_eq!(entry["article"].as_str(), Some(article.as_str()));
        assert_eq!(entry["share"].as_integer(), Some(i64::from(share)));
        assert_eq!(entry["name"].as_str(), Some("Caspian Courier"));
        assert_eq!(
            entry["url"].as_str(),
            Some("https://courier.example/2024/visit")
        );
    }
    // Neither a seed without an article nor a duplicate to `check`.
    let check = caspian(site.path(), &["check"]);
    let said = format!("{}{}", stdout(&check), stderr(&check));
    assert!(!said.contains("seeds/b.html"), "{said}");
}

#[test]
fn a_duplicate_kept_on_purpose_is_ingested_and_not_warned_about() {
    let (copied, other) = one_article();
    let site = site(false, false);
    write(site.path(), "seeds/a.txt", &copied);
    write(site.path(), "seeds/b.txt", &other);
    let run = ingest(site.path(), &[]);
    assert!(
        run.lines["seeds/b.txt"].ends_with("; not ingested"),
        "{}",
        run.out
    );

    let run = ingest(site.path(), &["--keep-duplicate", "seeds/b.txt"]);
    assert!(run.status, "{}", run.out);
    let line = &run.lines["seeds/b.txt"];
    let kept = line
        .split(" created ")
        .nth(1)
        .unwrap_or_else(|| panic!("{line}"));
    let text = read(site.path(), kept);
    assert!(text.contains("\nduplicate: keep\n"), "{text}");
    let record = read(site.path(), "seeds/duplicates.toml");
    assert!(!record.contains("b.txt"), "{record}");
    // It stays kept on the next run, without the flag.
    let again = ingest(site.path(), &[]);
    assert!(
        again.lines["seeds/b.txt"].contains(" unchanged "),
        "{}",
        again.out
    );

    let check = caspian(site.path(), &["check"]);
    let said = format!("{}{}", stdout(&check), stderr(&check));
    assert!(!said.contains("nearly the same text"), "{said}");

    // Without the key, check and build name both files and their share.
    std::fs::write(
        site.path().join(kept),
        text.replace("duplicate: keep\n", ""),
    )
    .unwrap();
    let original = run.lines["seeds/a.txt"]
        .split(' ')
        .next_back()
        .unwrap()
        .to_string();
    let (first, second) = if original.as_str() < kept {
        (original.as_str(), kept)
    } else {
        (kept, original.as_str())
    };
    for command in ["check", "build"] {
        let out = caspian(site.path(), &[command]);
        assert!(out.status.success(), "{}", stderr(&out));
        let said = format!("{}{}", stdout(&out), stderr(&out));
        let warning = said
            .lines()
            .find(|l| l.contains("nearly the same text"))
            .unwrap_or_else(|| panic!("{command}: {said}"));
        let prefix = format!("{second}: warning: nearly the same text as {first}: ");
        let rest = warning
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{warning}"));
        let share: u8 = rest.split('%').next().unwrap().parse().unwrap();
        assert!(share >= 60, "{warning}");
        assert!(
            rest.ends_with(
                "% of the shorter one is in the other; delete one of them, or add \
                 `duplicate: keep` to this one to keep both"
            ),
            "{warning}"
        );
    }
    let strict = caspian(site.path(), &["check", "--deny-warnings"]);
    assert!(!strict.status.success());
}

#[test]
fn keep_duplicate_names_a_seed_that_is_there() {
    let site = site(false, false);
    let out = caspian(
        site.path(),
        &["ingest", "--keep-duplicate", "seeds/none.txt"],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no such seed"), "{}", stderr(&out));
}
