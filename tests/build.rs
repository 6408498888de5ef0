//! `caspian build` on a fixture site and on the committed content: every
//! page of the layout, what each list holds, the chronology's order, links
//! that work under a sub-path, feeds and sitemap that parse, and output that
//! is the same byte for byte.

mod common;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

#[test]
fn every_page_of_the_layout_is_there() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    for path in [
        "index.html",
        "articles/treaty-2005/index.html",
        "articles/summit-2023/index.html",
        "articles/gipfel-2023/index.html",
        "articles/year-only/index.html",
        "articles/month-only/index.html",
        "articles/undated/index.html",
        "topics/index.html",
        "topics/energy/index.html",
        "topics/energy/page/2/index.html",
        "topics/energy/feed.xml",
        "topics/culture/index.html",
        "topics/trade/index.html",
        "topics/trade/feed.xml",
        "chronology/index.html",
        "chronology/2005/index.html",
        "chronology/2022/index.html",
        "chronology/2023/index.html",
        "chronology/2024/index.html",
        "chronology/undated/index.html",
        "people/index.html",
        "people/ilham-aliyev/index.html",
        "people/kassym-jomart-tokayev/index.html",
        "places/index.html",
        "places/baku/index.html",
        "places/astana/index.html",
        "search/index.html",
        "search/index.json",
        "search/docs/0.json",
        "search/people/kassym-jomart-tokayev.json",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        ".nojekyll",
        "assets/style.css",
        "assets/search.js",
        "assets/highlight.css",
    ] {
        assert!(files.contains_key(path), "missing {path}");
    }
    assert!(
        !files.keys().any(|p| p.starts_with("topics/energy/page/3")),
        "4 energy articles, 2 a page"
    );
}

#[test]
fn each_topic_page_lists_exactly_its_articles_newest_first() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let links = |path: &str| attrs(&html(&files, path), ".cards .card-title a", "href");
    let mut energy = links("topics/energy/index.html");
    energy.extend(links("topics/energy/page/2/index.html"));
    assert_eq!(
        energy,
        // Newest first is the chronology backwards: on one day, slugs backwards too.
        [
            "/repo/articles/month-only/",
            "/repo/articles/summit-2023/",
            "/repo/articles/gipfel-2023/",
            "/repo/articles/treaty-2005/"
        ]
    );
    assert_eq!(
        links("topics/culture/index.html"),
        ["/repo/articles/summit-2023/", "/repo/articles/gipfel-2023/"],
        "culture page 1 of 2"
    );
    assert!(links("topics/trade/index.html").is_empty());
    // The excerpt shows why the article is under the topic.
    let energy_page = html(&files, "topics/energy/index.html");
    assert!(
        texts(&energy_page, ".card-summary mark")
            .iter()
            .any(|m| m == "oil"),
        "{:?}",
        texts(&energy_page, ".card-summary mark")
    );
}

/// The lines of a chronology page as `datetime kind`.
fn lines(doc: &scraper::Html) -> Vec<String> {
    select(doc, ".year .timeline > li, .latest-lines .timeline > li")
        .iter()
        .map(|li| {
            let time = li
                .select(&scraper::Selector::parse("time").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("datetime")
                .unwrap()
                .to_string();
            let kind = li.value().attr("class").unwrap().to_string();
            format!("{time} {kind}")
        })
        .collect()
}

/// The file that serves a root-relative URL under `/repo/`, and its fragment.
fn target(url: &str) -> (String, String) {
    let (address, id) = url.split_once('#').unwrap_or((url, ""));
    let path = address.strip_prefix("/repo/").unwrap();
    (format!("{path}index.html"), id.to_string())
}

#[test]
fn the_chronology_runs_oldest_first_year_by_year_with_precision_and_events() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let way_in = html(&files, "chronology/index.html");
    // The way in: every year, newest first, with its counts, then the undated.
    let rows: Vec<String> = select(&way_in, ".year-table tbody tr")
        .iter()
        .map(|tr| tr.text().collect::<Vec<_>>().join(" "))
        .collect();
    // summit-2023 and gipfel-2023 (translations) are one story: one line.
    assert_eq!(
        rows,
        ["2024 1 0", "2023 2 0", "2022 0 1", "2005 1 1", "Undated 1"]
    );
    // The latest lines, newest first.
    assert_eq!(
        lines(&way_in)[..3],
        [
            "2024-03 t-article",
            "2023-11-24 t-article",
            "2023 t-article"
        ]
    );
    // Each year's page, followed from the way in, oldest first.
    let mut all = Vec::new();
    let mut headings = Vec::new();
    let years = attrs(&way_in, ".year-table tbody th a", "href");
    assert_eq!(
        years,
        [
            "/repo/chronology/2024/",
            "/repo/chronology/2023/",
            "/repo/chronology/2022/",
            "/repo/chronology/2005/",
            "/repo/chronology/undated/"
        ]
    );
    for url in years.iter().rev().skip(1) {
        let doc = html(&files, &target(url).0);
        all.extend(lines(&doc));
        headings.extend(texts(&doc, ".year h2"));
    }
    assert_eq!(
        all,
        [
            "2005-05-24 t-article",
            "2005-05-24 t-event",
            "2022-08-24 t-event",
            "2023 t-article",
            "2023-11-24 t-article",
            "2024-03 t-article",
        ]
    );
    let y2023 = html(&files, "chronology/2023/index.html");
    assert_eq!(
        attrs(&y2023, "#a-gipfel-2023 .story-reports li", "id"),
        ["a-summit-2023"],
        "the story's other report is under its line"
    );
    assert_eq!(
        headings,
        [
            "May 2005",
            "August 2022",
            "2023 (month not known)",
            "November 2023",
            "March 2024"
        ]
    );
    // A year leads to the years before and after it.
    let y2023 = html(&files, "chronology/2023/index.html");
    assert_eq!(
        attrs(&y2023, ".period-nav a", "href"),
        ["/repo/chronology/2022/", "/repo/chronology/2024/"]
    );
    assert_eq!(texts(&y2023, "h1"), ["2023"]);
    let undated = html(&files, "chronology/undated/index.html");
    assert_eq!(
        attrs(&undated, ".card-title a", "href"),
        ["/repo/articles/undated/"]
    );
}

#[test]
fn every_link_into_the_chronology_finds_its_line() {
    // One page a line: every year with more than one line is split by
    // month, and a month with two lines goes on to a second page (the two
    // translations of 24 November stand alone, each a line of its own).
    for per_page in [1, 400] {
        let site = fixture("site");
        let gipfel = read(site.path(), "content/gipfel-2023.md")
            .replace("lang: de\n", "lang: de\nstory: none\n");
        write(site.path(), "content/gipfel-2023.md", gipfel);
        let config = read(site.path(), "site.toml").replace(
            "paginate = 2",
            &format!("paginate = 2\nchronology_paginate = {per_page}"),
        );
        write(site.path(), "site.toml", config);
        let files = build(site.path(), SUB);
        let mut links = Vec::new();
        for (path, _) in files.iter().filter(|(p, _)| p.starts_with("articles/")) {
            let doc = html(&files, path);
            links.extend(attrs(&doc, ".meta .date-link", "href"));
            links.extend(attrs(&doc, ".events a", "href"));
        }
        links.extend(attrs(&html(&files, "index.html"), ".year-list a", "href"));
        assert_eq!(links.len(), 6 + 2 + 4, "{links:?}");
        for url in &links {
            let (path, id) = target(url);
            assert!(files.contains_key(&path), "{url}: no page {path}");
            if !id.is_empty() {
                let doc = html(&files, &path);
                assert_eq!(
                    select(&doc, &format!("#{id}")).len(),
                    1,
                    "{url}: no line #{id}"
                );
            }
        }
        let summit = html(&files, "articles/summit-2023/index.html");
        let date = attrs(&summit, ".meta .date-link", "href");
        let event = attrs(&summit, ".events a", "href");
        if per_page == 1 {
            // gipfel-2023 comes first on that day (by slug).
            assert_eq!(date, ["/repo/chronology/2023/11/page/2/#a-summit-2023"]);
            assert_eq!(event, ["/repo/chronology/2022/#e-summit-2023-1"]);
            let november = html(&files, "chronology/2023/11/index.html");
            assert_eq!(texts(&november, "h1"), ["November 2023"]);
            assert_eq!(
                attrs(&november, ".pager a", "href"),
                [
                    "/repo/chronology/2023/11/page/2/",
                    "/repo/chronology/2023/11/page/2/"
                ]
            );
            // A split year lists its months; its page keeps the lines whose
            // month is not known.
            let y2023 = html(&files, "chronology/2023/index.html");
            assert_eq!(
                attrs(&y2023, ".month-list a", "href"),
                ["/repo/chronology/2023/11/"]
            );
            assert_eq!(lines(&y2023), ["2023 t-article"]);
        } else {
            assert_eq!(date, ["/repo/chronology/2023/#a-summit-2023"]);
            assert!(!files.contains_key("chronology/2023/11/index.html"));
        }
        assert_eq!(
            broken_links(&files, "/repo/"),
            Vec::<(String, String)>::new()
        );
    }
}

#[test]
fn article_pages_link_their_topics_people_places_neighbours_and_relatives() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let doc = html(&files, "articles/summit-2023/index.html");
    assert_eq!(attrs(&doc, "html", "lang"), ["en"]);
    assert_eq!(texts(&doc, "h1"), ["Presidents meet in Baku"]);
    assert_eq!(attrs(&doc, ".meta time", "datetime"), ["2023-11-24"]);
    assert_eq!(
        texts(&doc, ".facts dd:nth-of-type(2) a"),
        ["Ilham Aliyev", "Kassym-Jomart Tokayev"]
    );
    assert_eq!(
        attrs(&doc, ".facts dd:nth-of-type(3) a", "href"),
        ["/repo/places/baku/", "/repo/places/fuzuli/"]
    );
    assert_eq!(
        attrs(&doc, ".neighbours .prev a", "href"),
        ["/repo/articles/gipfel-2023/"]
    );
    assert_eq!(
        attrs(&doc, ".neighbours .next a", "href"),
        ["/repo/articles/month-only/"]
    );
    assert_eq!(attrs(&doc, ".translations a", "hreflang"), ["de"]);
    assert_eq!(
        attrs(&doc, "link[rel=alternate][hreflang]", "hreflang"),
        ["en", "de"]
    );
    let related = attrs(&doc, ".related .card-title a", "href");
    assert_eq!(
        related[0], "/repo/articles/treaty-2005/",
        "shares energy and both presidents: {related:?}"
    );
    assert!(
        !related.contains(&"/repo/articles/gipfel-2023/".to_string()),
        "a translation is not 'related'"
    );
    // The link to another article by its file resolves, anchor and all.
    assert!(
        attrs(&doc, ".prose a", "href")
            .contains(&"/repo/articles/treaty-2005/#text-of-the-treaty".to_string())
    );
    // Code is highlighted with classes, and the stylesheet for them is linked.
    assert!(!select(&doc, ".prose pre span[class^=hl-]").is_empty());
    assert!(
        attrs(&doc, "link[rel=stylesheet]", "href")
            .contains(&"/repo/assets/highlight.css".to_string())
    );
    // Open Graph and schema.org.
    assert_eq!(
        attrs(&doc, "meta[property='og:type']", "content"),
        ["article"]
    );
    let ld: serde_json::Value =
        serde_json::from_str(&texts(&doc, "script[type='application/ld+json']")[0]).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["datePublished"], "2023-11-24");
    assert_eq!(ld["publisher"]["name"], "APA");

    let de = html(&files, "articles/gipfel-2023/index.html");
    assert_eq!(attrs(&de, "html", "lang"), ["de"]);
    let ru = html(&files, "articles/year-only/index.html");
    assert_eq!(attrs(&ru, "html", "lang"), ["ru"]);
    assert_eq!(attrs(&ru, ".meta time", "datetime"), ["2023"]);
    assert_eq!(texts(&ru, ".meta time"), ["2023"]);
    let month = html(&files, "articles/month-only/index.html");
    assert_eq!(texts(&month, ".meta time"), ["March 2024"]);
}

#[test]
fn every_date_shown_is_a_time_element() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for time in select(&doc, "time") {
            let dt = time
                .value()
                .attr("datetime")
                .unwrap_or_else(|| panic!("{path}: <time> without datetime"));
            assert!(
                caspian::date::PartialDate::parse(dt).is_ok(),
                "{path}: datetime {dt}"
            );
        }
    }
}

#[test]
fn entity_pages_show_aliases_articles_and_topics() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let doc = html(&files, "people/kassym-jomart-tokayev/index.html");
    assert_eq!(texts(&doc, "h1"), ["Kassym-Jomart Tokayev"]);
    let aliases = texts(&doc, ".alias");
    for a in ["Tokayev", "Qassym-Schomart Toqajew", "Токаев"] {
        assert!(aliases.contains(&a.to_string()), "{aliases:?}");
    }
    assert_eq!(texts(&doc, ".entity-topics a"), ["Energy", "Culture"]);
    // Forms that only help matching are not names to show.
    let baku = html(&files, "places/baku/index.html");
    assert_eq!(texts(&baku, ".alias"), ["Bakı", "Баку"]);
    assert_eq!(
        attrs(&doc, ".card-title a", "href"),
        ["/repo/articles/summit-2023/", "/repo/articles/gipfel-2023/"],
        "paginate = 2"
    );
    assert!(files.contains_key("people/kassym-jomart-tokayev/page/2/index.html"));
}

#[test]
fn no_internal_link_is_broken_under_a_sub_path_or_at_a_root_domain() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    assert_eq!(
        broken_links(&files, "/repo/"),
        Vec::<(String, String)>::new()
    );
    let files = build(site.path(), "https://chronicle.example.org");
    assert_eq!(broken_links(&files, "/"), Vec::<(String, String)>::new());
    assert!(String::from_utf8_lossy(&files["index.html"]).contains("href=\"/topics/\""));
}

#[test]
fn feeds_and_sitemap_are_valid_xml_with_absolute_urls() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let feed: atom_syndication::Feed = String::from_utf8_lossy(&files["feed.xml"]).parse().unwrap();
    let links: Vec<&str> = feed.entries().iter().map(|e| e.links()[0].href()).collect();
    assert_eq!(
        links,
        [
            "https://user.github.io/repo/articles/month-only/",
            "https://user.github.io/repo/articles/summit-2023/",
            "https://user.github.io/repo/articles/gipfel-2023/",
            "https://user.github.io/repo/articles/year-only/",
            "https://user.github.io/repo/articles/treaty-2005/",
        ],
        "newest first; the undated article has no place in a feed"
    );
    let energy: atom_syndication::Feed = String::from_utf8_lossy(&files["topics/energy/feed.xml"])
        .parse()
        .unwrap();
    assert_eq!(energy.entries().len(), 4);
    let _: atom_syndication::Feed = String::from_utf8_lossy(&files["topics/trade/feed.xml"])
        .parse()
        .unwrap();

    let sitemap = String::from_utf8_lossy(&files["sitemap.xml"]).into_owned();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://user.github.io/repo/"));
    assert!(locs.contains(&"https://user.github.io/repo/articles/summit-2023/"));
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://user.github.io/repo/"))
    );
    assert!(!locs.iter().any(|l| l.contains("404")));
    assert!(
        String::from_utf8_lossy(&files["robots.txt"])
            .contains("Sitemap: https://user.github.io/repo/sitemap.xml")
    );
}

#[test]
fn two_builds_are_identical() {
    let site = fixture("site");
    let first = build(site.path(), SUB);
    let second = build(site.path(), SUB);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between builds");
        assert!(
            !String::from_utf8_lossy(bytes).contains("__caspian"),
            "{path}: the live-reload script belongs to serve only"
        );
    }
}

#[test]
fn a_broken_article_fails_the_build_and_leaves_the_previous_site_whole() {
    let site = fixture("site");
    let before = build(site.path(), SUB);
    write(
        site.path(),
        "content/broken.md",
        "---\ntitle: Broken\ndate: 2024-13-01\nlang: en\ntopics: [enrgy]\n---\n\nText.\n",
    );
    let out = caspian(site.path(), &["build", "--base-url", SUB]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("content/broken.md:3:7: malformed date \"2024-13-01\": there is no month 13; write it as YYYY-MM-DD, YYYY-MM or YYYY"), "{err}");
    assert!(
        err.contains("content/broken.md:5:10: unknown topic \"enrgy\" (did you mean \"energy\"?)"),
        "{err}"
    );
    assert!(
        err.contains("2 errors; nothing was written, the previous site is unchanged"),
        "{err}"
    );
    assert_eq!(tree(&site.path().join("public")), before);
}

#[test]
fn the_site_templates_override_the_built_in_ones() {
    let site = fixture("site");
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Lost at sea</h1>{% endblock main %}",
    );
    let files = build(site.path(), SUB);
    assert_eq!(texts(&html(&files, "404.html"), "h1"), ["Lost at sea"]);
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}{{ nothing.here }}{% endblock main %}",
    );
    let out = caspian(site.path(), &["build", "--base-url", SUB]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("templates/404.html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_committed_site_builds_clean() {
    let site = site(true, true);
    copy_dir(&project().join("templates"), &site.path().join("templates"));
    copy_dir(&project().join("static"), &site.path().join("static"));
    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).is_empty(),
        "warnings on the committed site:\n{}",
        stderr(&out)
    );
    let files = tree(&site.path().join("public"));
    assert_eq!(
        broken_links(&files, "/caspian/"),
        Vec::<(String, String)>::new()
    );
    let chronology = html(&files, "chronology/index.html");
    let years = texts(&chronology, ".year-table tbody th");
    assert_eq!(years, ["2025", "2024", "2023", "2022", "2005"]);
}

#[test]
fn build_names_each_page_over_the_page_budget_and_check_can_refuse_them() {
    let site = fixture("site");
    let config =
        read(site.path(), "site.toml").replace("paginate = 2", "paginate = 2\npage_budget = 9");
    write(site.path(), "site.toml", config);
    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let over: Vec<&str> = err.lines().filter(|l| l.contains("page budget")).collect();
    // The one article page over 9 kB (the fixture's longest), and no other.
    assert_eq!(
        over,
        [
            "public/articles/summit-2023/index.html: warning: the page is 10 kB, over the page \
          budget of 9 kB, and slow to load on a phone; make its template show less, or raise \
          `page_budget` in site.toml"
        ]
    );
    let check = caspian(site.path(), &["check", "--deny-warnings"]);
    assert!(!check.status.success());
    assert!(stderr(&check).contains("public/articles/summit-2023/index.html: warning"));
    // The default budget, 500 kB, holds every page of the fixture.
    let site = fixture("site");
    let out = caspian(site.path(), &["build"]);
    assert!(!stderr(&out).contains("page budget"), "{}", stderr(&out));
}

#[test]
fn a_custom_domain_gets_its_cname_file() {
    let site = fixture("site");
    let config = read(site.path(), "site.toml").replace(
        "base_url = \"https://example.org/fixture/\"",
        "base_url = \"https://news.example.org/\"\ncname = \"news.example.org\"",
    );
    write(site.path(), "site.toml", config);
    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = tree(&site.path().join("public"));
    assert_eq!(
        String::from_utf8_lossy(&files["CNAME"]),
        "news.example.org\n"
    );
    assert_eq!(broken_links(&files, "/"), Vec::<(String, String)>::new());
    assert!(
        String::from_utf8_lossy(&files["sitemap.xml"])
            .contains("<loc>https://news.example.org/articles/summit-2023/</loc>")
    );
}

#[test]
fn a_topic_page_shows_the_passage_that_names_the_topic_most() {
    let site = fixture("site");
    write(
        site.path(),
        "content/pipeline-2024.md",
        "---\ntitle: Caspian pipeline agreed\ndate: 2024-05-01\nlang: en\ntopics: [energy]\n---\n\n\
         The ministers met in Baku and mentioned oil once among many other things.\n\n\
         The new pipeline will carry oil and natural gas under the Caspian to Baku, and its electricity comes from a wind farm.\n",
    );
    let files = build(site.path(), SUB);
    let page = html(&files, "topics/energy/index.html");
    let card = select(&page, ".card")
        .into_iter()
        .find(|c| c.html().contains("pipeline-2024"))
        .expect("the article is on the energy page");
    let summary = card
        .select(&scraper::Selector::parse(".card-summary").unwrap())
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(
        summary.starts_with("The new pipeline will carry oil"),
        "{summary}"
    );
}
