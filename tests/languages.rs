//! `caspian build`'s language pages on the fixture site (articles in
//! English, German and Russian, two a page): the index with its counts and
//! links, each language's articles newest first over numbered pages, its
//! feed, the sitemap, and the label on an article that leads there.

mod common;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

#[test]
fn the_languages_index_lists_each_language_with_its_count_most_first() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let index = html(&files, "languages/index.html");
    let list = ".language-list li";
    assert_eq!(
        texts(&index, list),
        [
            "English 4 articles",
            "Deutsch German 1 article",
            "Русский Russian 1 article",
        ],
        "most articles first, ties by code; the English name beside a native one"
    );
    assert_eq!(
        attrs(&index, &format!("{list} a"), "href"),
        [
            "/repo/languages/en/",
            "/repo/languages/de/",
            "/repo/languages/ru/"
        ]
    );
    assert_eq!(
        attrs(&index, &format!("{list} a"), "lang"),
        ["en", "de", "ru"]
    );
    assert_eq!(
        attrs(&index, ".site-nav a[aria-current]", "href"),
        ["/repo/languages/"],
        "the navigation leads to it"
    );
}

#[test]
fn a_language_lists_its_articles_newest_first_over_numbered_pages() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let links = |path: &str| attrs(&html(&files, path), ".cards .card-title a", "href");
    let first = links("languages/en/index.html");
    let second = links("languages/en/page/2/index.html");
    assert_eq!(
        first,
        ["/repo/articles/month-only/", "/repo/articles/summit-2023/"]
    );
    assert_eq!(
        second,
        ["/repo/articles/treaty-2005/", "/repo/articles/undated/"],
        "the undated article comes last"
    );
    assert!(!files.contains_key("languages/en/page/3/index.html"));
    let page = html(&files, "languages/en/index.html");
    assert_eq!(
        attrs(&page, ".pager a[rel=next]", "href"),
        ["/repo/languages/en/page/2/"]
    );
    assert_eq!(
        texts(&page, ".list-meta"),
        ["4 articles, newest first; page 1 of 2 · Feed"]
    );
    let german = html(&files, "languages/de/index.html");
    assert_eq!(texts(&german, "h1[lang=de]"), ["Deutsch"]);
    assert_eq!(
        attrs(&german, ".cards .card-title a", "href"),
        ["/repo/articles/gipfel-2023/"]
    );
    assert!(
        select(&german, ".pager").is_empty(),
        "one page needs no pager"
    );
    assert!(
        !files.contains_key("languages/kk/index.html"),
        "no articles in Kazakh"
    );
}

#[test]
fn a_language_feed_holds_its_dated_articles_newest_first() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let feed: atom_syndication::Feed = String::from_utf8_lossy(&files["languages/en/feed.xml"])
        .parse()
        .unwrap();
    let links: Vec<&str> = feed.entries().iter().map(|e| e.links()[0].href()).collect();
    assert_eq!(
        links,
        [
            "https://user.github.io/repo/articles/month-only/",
            "https://user.github.io/repo/articles/summit-2023/",
            "https://user.github.io/repo/articles/treaty-2005/",
        ]
    );
    let page = html(&files, "languages/en/index.html");
    assert_eq!(
        attrs(&page, "link[type='application/atom+xml']", "href")[1..],
        ["/repo/languages/en/feed.xml"]
    );
    let sitemap = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    for url in ["languages/", "languages/de/", "languages/en/page/2/"] {
        assert!(sitemap.contains(&format!("<loc>{SUB}{url}</loc>")), "{url}");
    }
}

#[test]
fn an_articles_language_label_links_to_its_language() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let article = html(&files, "articles/gipfel-2023/index.html");
    assert_eq!(
        attrs(&article, ".meta a[href*='/languages/']", "href"),
        ["/repo/languages/de/"]
    );
    assert_eq!(texts(&article, ".meta a[href*='/languages/']"), ["German"]);
    assert!(broken_links(&files, "/repo/").is_empty());
}
