//! The benchmark's site generator (`examples/bench_site`) at a small size:
//! the same seed gives the same bytes, the articles have what the benchmark
//! promises, caspian builds them with every kind of page, and the Hugo form
//! holds the same articles. Hugo itself runs only in `scripts/bench`.

mod common;
#[path = "../examples/bench_site/generate.rs"]
mod generate;

use std::collections::BTreeSet;

use common::*;

const N: usize = 60;

fn sources() -> generate::Sources {
    generate::Sources::load(&project()).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
    let sources = sources();
    let files = |seed| generate::site_files(&sources, &generate::generate(&sources, N, seed));
    let first = files(7);
    assert_eq!(first, files(7));
    let other = files(8);
    assert_ne!(first, other);
    let articles = |f: &std::collections::BTreeMap<String, Vec<u8>>| {
        f.keys()
            .filter(|k| k.starts_with("caspian/content/"))
            .count()
    };
    assert_eq!(articles(&first), N);
    assert_eq!(articles(&other), N);
}

#[test]
fn articles_have_the_promised_mix_of_languages_dates_tags_and_markdown() {
    let sources = sources();
    let articles = generate::generate(&sources, 1000, 1);
    let slugs: BTreeSet<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
    let titles: BTreeSet<&str> = articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(slugs.len(), 1000, "slugs are unique");
    assert_eq!(titles.len(), 1000, "titles are unique");
    assert!(slugs.iter().all(|s| caspian::text::is_slug(s)));
    let langs: BTreeSet<&str> = articles.iter().map(|a| a.lang.as_str()).collect();
    assert_eq!(
        langs,
        BTreeSet::from(["az", "de", "en", "kk", "ru", "tr"]),
        "sentences come from the content and the raw test articles"
    );
    let years: BTreeSet<u16> = articles.iter().map(|a| a.date.year).collect();
    assert_eq!(years, (2006..=2025).collect(), "twenty years");
    assert!(
        articles.iter().any(|a| a.date.month.is_none()),
        "a year only"
    );
    assert!(
        articles
            .iter()
            .any(|a| a.date.month.is_some() && a.date.day.is_none()),
        "a month only"
    );
    let full = articles.iter().filter(|a| a.date.is_full()).count();
    assert!(full > 900, "most dates are full: {full}");
    for a in &articles {
        assert!((1..=3).contains(&a.topics.len()), "{}: topics", a.slug);
        assert!(a.people.len() <= 3, "{}: people", a.slug);
        assert!((1..=3).contains(&a.places.len()), "{}: places", a.slug);
        let paragraphs = a
            .body
            .split("\n\n")
            .filter(|b| b.chars().next().is_some_and(char::is_alphabetic) || b.starts_with('['))
            .count();
        assert!(
            (4..=12).contains(&paragraphs),
            "{}: {paragraphs} paragraphs",
            a.slug
        );
        for link in &a.links {
            assert!(slugs.contains(link.as_str()), "{}: link to {link}", a.slug);
            assert!(a.body.contains(&format!("]({link}.md)")), "{}", a.slug);
        }
    }
    let having =
        |what: &dyn Fn(&generate::Article) -> bool| articles.iter().filter(|a| what(a)).count();
    assert!(having(&|a| a.body.contains("\n- ")) > 50, "bulleted lists");
    assert!(having(&|a| a.body.contains("\n1. ")) > 50, "numbered lists");
    assert!(having(&|a| a.body.contains("\n> ")) > 50, "quotes");
    assert!(having(&|a| a.body.contains("\n## ")) > 50, "headings");
    assert!(having(&|a| !a.links.is_empty()) > 200, "links");
    for lang in ["json", "sql", "rust", "python", "yaml", "bash"] {
        assert!(
            having(&|a| a.body.contains(&format!("```{lang}\n"))) > 5,
            "```{lang}"
        );
    }
    assert!(having(&|a| a.people.is_empty()) > 50, "some name nobody");
}

#[test]
fn caspian_builds_the_generated_site_with_every_kind_of_page() {
    let sources = sources();
    let articles = generate::generate(&sources, N, 3);
    let dir = tempfile::tempdir().unwrap();
    generate::write_sites(dir.path(), &sources, &articles).unwrap();
    let root = dir.path().join("caspian");

    let check = caspian(&root, &["check", "--deny-warnings"]);
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    let files = build(&root, "https://user.github.io/repo/");

    for path in [
        "index.html",
        "chronology/index.html",
        "topics/index.html",
        "people/index.html",
        "places/index.html",
        "search/index.html",
        "feed.xml",
        "sitemap.xml",
    ] {
        assert!(files.contains_key(path), "missing {path}");
    }
    for a in &articles {
        assert!(
            files.contains_key(&format!("articles/{}/index.html", a.slug)),
            "missing the page of {}",
            a.slug
        );
        for (kind, slugs) in [
            ("topics", &a.topics),
            ("people", &a.people),
            ("places", &a.places),
        ] {
            for slug in slugs {
                assert!(
                    files.contains_key(&format!("{kind}/{slug}/index.html")),
                    "missing {kind}/{slug}"
                );
            }
        }
    }
    // Every article is on the chronology, once, on its year's page; links
    // between articles and code highlighting worked.
    let on_years: usize = files
        .keys()
        .filter(|p| p.starts_with("chronology/2") && p.ends_with("index.html"))
        .map(|p| select(&html(&files, p), ".year .t-article").len())
        .sum();
    assert_eq!(on_years, N);
    let linking = articles
        .iter()
        .find(|a| !a.links.is_empty())
        .expect("an article with a link");
    let page = html(&files, &format!("articles/{}/index.html", linking.slug));
    assert!(
        attrs(&page, ".prose a", "href").contains(&format!("/repo/articles/{}/", linking.links[0])),
        "{} links to {}",
        linking.slug,
        linking.links[0]
    );
    let coded = articles
        .iter()
        .find(|a| a.body.contains("```"))
        .expect("an article with code");
    let page = html(&files, &format!("articles/{}/index.html", coded.slug));
    assert!(
        !select(&page, "pre code span[class^=\"hl-\"]").is_empty(),
        "{} is highlighted",
        coded.slug
    );
    assert_eq!(
        broken_links(&files, "/repo/"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn the_hugo_form_has_one_content_file_per_article_with_full_dates_and_refs() {
    let sources = sources();
    let articles = generate::generate(&sources, N, 3);
    let dir = tempfile::tempdir().unwrap();
    generate::write_sites(dir.path(), &sources, &articles).unwrap();
    let hugo = dir.path().join("hugo");

    let pages: BTreeSet<String> = std::fs::read_dir(hugo.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "_index.md")
        .collect();
    let expected: BTreeSet<String> = articles.iter().map(|a| format!("{}.md", a.slug)).collect();
    assert_eq!(pages, expected);

    for a in &articles {
        let text = read(&hugo, &format!("content/articles/{}.md", a.slug));
        let date = text
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .unwrap_or_else(|| panic!("{}: no date", a.slug));
        assert!(
            date.len() == 10 && date.starts_with(&a.date.iso()),
            "{}: Hugo needs a full date, got {date}",
            a.slug
        );
        for link in &a.links {
            assert!(
                text.contains(&format!("]({{{{< relref \"{link}.md\" >}}}})")),
                "{}: link to {link} through relref",
                a.slug
            );
        }
        assert!(
            !text.contains(".md)"),
            "{}: a link left in caspian's form",
            a.slug
        );
    }
    for path in [
        "hugo.toml",
        "layouts/_default/baseof.html",
        "layouts/_default/single.html",
        "layouts/_default/term.html",
        "layouts/_default/taxonomy.html",
        "layouts/index.html",
        "layouts/chronology/list.html",
        "content/chronology/_index.md",
        "static/assets/style.css",
    ] {
        assert!(hugo.join(path).is_file(), "missing hugo/{path}");
    }
    for (kind, all) in [
        ("topics", &sources.topics),
        ("people", &sources.people),
        ("places", &sources.places),
    ] {
        for n in all.iter() {
            let term = read(&hugo, &format!("content/{kind}/{}/_index.md", n.slug));
            assert!(
                term.contains(&format!("title: \"{}\"", n.name)),
                "{kind}/{}",
                n.slug
            );
        }
    }
}
