//! Stories on the fixture `tests/fixtures/stories` (the project's own
//! configuration): three events each reported in two or three languages, a
//! story an editor grouped by key, and articles that share a day, a person
//! or a place with a story without being one of its reports. `caspian build`
//! must find every story and pair nothing else; an article page lists its
//! story's other reports, the chronology shows a story once, and a story's
//! page shows its reports side by side.

mod common;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

/// The fixture's content with the project's configuration.
fn stories_site() -> tempfile::TempDir {
    let dir = site(false, false);
    copy_dir(
        &project().join("tests/fixtures/stories/content"),
        &dir.path().join("content"),
    );
    dir
}

/// Each story page's reports, by the slugs of their articles.
fn found(files: &std::collections::BTreeMap<String, Vec<u8>>) -> Vec<(String, Vec<String>)> {
    files
        .keys()
        .filter_map(|p| p.strip_prefix("stories/")?.strip_suffix("/index.html"))
        .map(|slug| {
            let page = html(files, &format!("stories/{slug}/index.html"));
            let reports = attrs(&page, ".story-grid .report-title a", "href")
                .into_iter()
                .map(|h| {
                    h.trim_start_matches("/repo/articles/")
                        .trim_end_matches('/')
                        .to_string()
                })
                .collect();
            (slug.to_string(), reports)
        })
        .collect()
}

#[test]
fn every_story_is_found_and_nothing_else_is_paired() {
    let site = stories_site();
    let files = build(site.path(), SUB);
    let expected: Vec<(String, Vec<String>)> = [
        (
            "caspian-convention",
            &["convention-2018", "convention-anniversary"][..],
        ),
        ("crash-de", &["crash-de", "crash-tr", "crash-en"]),
        ("ferry-az", &["ferry-az", "ferry-ru", "ferry-de"]),
        ("visit-en", &["visit-en", "visit-ru", "visit-kk"]),
    ]
    .into_iter()
    .map(|(slug, reports)| (slug.into(), reports.iter().map(|r| r.to_string()).collect()))
    .collect();
    assert_eq!(found(&files), expected);
    // What ingest is told finds the same, from the front matter alone.
    let config = caspian::config::Config::load(site.path()).unwrap();
    let (articles, _) = caspian::content::load(site.path(), &config).unwrap();
    let mut among: Vec<Vec<String>> = caspian::site::stories::among(&config, &articles)
        .into_iter()
        .map(|story| story.iter().map(|&i| articles[i].slug.clone()).collect())
        .collect();
    among.sort();
    let mut reports: Vec<Vec<String>> = expected.iter().map(|(_, r)| r.clone()).collect();
    reports.sort();
    assert_eq!(among, reports);
    assert!(
        broken_links(&files, "/repo/").is_empty(),
        "{:?}",
        broken_links(&files, "/repo/")
    );
    // Same input, same output.
    let again = build(site.path(), SUB);
    assert!(files == again, "a second build wrote different files");
}

#[test]
fn an_article_lists_its_storys_other_reports() {
    let site = stories_site();
    let files = build(site.path(), SUB);
    let page = html(&files, "articles/visit-ru/index.html");
    assert_eq!(
        texts(&page, ".story-box .story-reports li"),
        [
            "English Ilham Aliyev arrives in Astana on a state visit Kazinform",
            "Қазақша Ильхам Әлиев Астанаға мемлекеттік сапармен келді Egemen Qazaqstan",
        ]
    );
    assert_eq!(
        attrs(&page, ".story-box .story-reports a", "lang"),
        ["en", "kk"]
    );
    assert_eq!(
        attrs(&page, ".story-box .story-link", "href"),
        ["/repo/stories/visit-en/"]
    );
    let alone = html(&files, "articles/same-day-alone/index.html");
    assert!(
        select(&alone, ".story-box").is_empty(),
        "story: none keeps it alone"
    );
    let decoy = html(&files, "articles/tokayev-uzbek/index.html");
    assert!(select(&decoy, ".story-box").is_empty());
}

#[test]
fn the_chronology_shows_a_story_once_with_its_reports_under_it() {
    let site = stories_site();
    let files = build(site.path(), SUB);
    let year = html(&files, "chronology/2024/index.html");
    // Lines of 2024: the visit (3 reports), the decoys of its days, the
    // phone call, the crash (3 reports), the statement two days later.
    assert_eq!(
        attrs(&year, ".timeline > li.t-article > a[lang]", "href"),
        [
            "/repo/articles/same-day-alone/",
            "/repo/articles/tokayev-uzbek/",
            "/repo/articles/visit-en/",
            "/repo/articles/youth-almaty/",
            "/repo/articles/phone-call/",
            "/repo/articles/crash-de/",
            "/repo/articles/crash-investigation/",
        ]
    );
    assert_eq!(
        attrs(&year, "#a-visit-en .story-reports li", "id"),
        ["a-visit-ru", "a-visit-kk"],
        "each report keeps an anchor its article's date links to"
    );
    let chronology = html(&files, "chronology/index.html");
    assert_eq!(
        texts(&chronology, "#y2024 td"),
        ["7", "0"],
        "2024 counts 7 stories, not 11 files"
    );
    assert_eq!(
        texts(&chronology, ".year-table thead th"),
        ["Year", "Stories", "Events"]
    );
    assert!(texts(&year, ".list-meta")[0].starts_with("7 stories"));
    let kk = html(&files, "articles/visit-kk/index.html");
    assert_eq!(
        attrs(&kk, ".meta .date-link", "href"),
        ["/repo/chronology/2024/#a-visit-kk"]
    );
}

#[test]
fn a_storys_page_shows_its_reports_side_by_side() {
    let site = stories_site();
    let files = build(site.path(), SUB);
    let page = html(&files, "stories/crash-de/index.html");
    assert_eq!(
        texts(&page, "h1"),
        ["Azerbaijan Airlines plane crashes near Aktau"],
        "the report in the site's language gives the headline"
    );
    assert_eq!(attrs(&page, "h1", "lang"), ["en"]);
    assert_eq!(
        texts(&page, ".story-grid .report-head"),
        [
            "Deutsch · BR24 · 25 December 2024",
            "Türkçe · TRT Haber · 25 December 2024",
            "English · The Astana Times · 26 December 2024",
        ]
    );
    assert_eq!(
        attrs(&page, ".story-grid .report-title a", "lang"),
        ["de", "tr", "en"]
    );
    let sitemap = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    assert!(sitemap.contains("https://user.github.io/repo/stories/crash-de/"));
}

#[test]
fn a_story_key_on_one_article_is_reported_with_a_suggestion() {
    let site = stories_site();
    let path = site.path().join("content/phone-call.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("lang: ru\n", "lang: ru\nstory: caspian-convnetion\n"),
    )
    .unwrap();
    let out = caspian(site.path(), &["check"]);
    let err = stderr(&out);
    assert!(
        err.contains("content/phone-call.md:5:8: warning: story \"caspian-convnetion\" is on no other article (did you mean \"caspian-convention\"?); give every report"),
        "{err}"
    );
    let out = caspian(site.path(), &["check", "--deny-warnings"]);
    assert!(!out.status.success());
}

/// Ingest says which story an article it writes joins, as the build will
/// find it: the committed seeds 004 (English, APA) and 005 (Kazakh, abai.kz)
/// report the presidents' talks in Baku on 24 November 2023; the other four
/// seeds report other days. An article already in `content/` is found too,
/// and a run that writes nothing says nothing of stories.
#[test]
fn ingest_names_the_other_reports_of_a_new_article_s_story() {
    let dir = site(true, false);
    let root = dir.path();
    let kazakh = "seeds/005_2c7d9a079c7b62ba.txt";
    let english = "seeds/004_946781bc2ee28188.txt";
    let held = std::fs::read(root.join(kazakh)).unwrap();
    std::fs::remove_file(root.join(kazakh)).unwrap();

    let first = caspian(root, &["ingest"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        !stdout(&first).contains("one story with"),
        "no two of the first five seeds report one event:\n{}",
        stdout(&first)
    );
    let (english_article, _, _) = article_for_seed(root, english);
    let english_article = english_article.strip_prefix(root).unwrap().to_owned();

    std::fs::write(root.join(kazakh), held).unwrap();
    let second = caspian(root, &["ingest"]);
    let out = stdout(&second);
    assert!(second.status.success(), "{}", stderr(&second));
    let (kazakh_article, _, _) = article_for_seed(root, kazakh);
    let kazakh_article = kazakh_article.strip_prefix(root).unwrap().to_owned();
    let said: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("one story with"))
        .collect();
    assert_eq!(
        said,
        [format!(
            "{kazakh}: one story with {} (en): the same or the next day, the same people and \
             places; the site shows them together (`story: none` keeps an article alone)",
            english_article.display()
        )],
        "{out}"
    );

    // The build agrees: the two are one story, the only one.
    let files = build(root, SUB);
    let stories: Vec<_> = found(&files).into_iter().map(|(_, r)| r).collect();
    let slug = |p: &std::path::Path| p.file_stem().unwrap().to_string_lossy().into_owned();
    let mut expected = vec![slug(&english_article), slug(&kazakh_article)];
    expected.sort();
    let mut got = stories.concat();
    got.sort();
    assert_eq!((stories.len(), got), (1, expected));

    let third = caspian(root, &["ingest"]);
    assert!(
        !stdout(&third).contains("one story with"),
        "{}",
        stdout(&third)
    );
}
