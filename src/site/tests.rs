use std::path::Path;

use super::links::Positions;
use super::*;

fn config() -> Config {
    let site = r#"
title = "T"
base_url = "https://user.github.io/repo/"
languages = ["en", "de"]
entities = "entities.toml"
[[topics]]
slug = "energy"
name = "Energy"
[[topics]]
slug = "culture"
name = "Culture"
"#;
    let entities = "[[people]]\nslug = \"ilham-aliyev\"\nname = \"Ilham Aliyev\"\n[[places]]\nslug = \"baku\"\nname = \"Baku\"\n[[places]]\nslug = \"astana\"\nname = \"Astana\"\n";
    Config::parse(site, Some((Path::new("entities.toml"), entities))).unwrap()
}

fn article(file: &str, front: &str, body: &str) -> Article {
    let text = format!("---\n{front}\n---\n{body}");
    let (a, diags) = Article::parse(Path::new(&format!("content/{file}")), &text, &config());
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    a.unwrap()
}

fn site(articles: Vec<Article>) -> (Site, Vec<String>) {
    let (site, diags) = Site::assemble(config(), articles);
    let messages = diags.sorted().iter().map(ToString::to_string).collect();
    (site, messages)
}

fn slugs(site: &Site, list: &[usize]) -> Vec<String> {
    list.iter()
        .map(|&i| site.entries[i].slug().to_string())
        .collect()
}

fn sample() -> Vec<Article> {
    vec![
        article(
            "c.md",
            "title: C\ndate: 2024-03-11\nlang: en\ntopics: [energy, culture]\npeople: [ilham-aliyev]\nplaces: [baku]",
            "\nC text.\n",
        ),
        article(
            "a.md",
            "title: A\ndate: 2005\nlang: en\ntopics: [energy]",
            "\nA text.\n",
        ),
        article(
            "u.md",
            "title: U\nlang: de\ntopics: [culture]",
            "\nU text.\n",
        ),
        article(
            "b.md",
            "title: B\ndate: 2023-11\nlang: en\ntopics: [energy]\nplaces: [baku]",
            "\nB text.\n",
        ),
        article(
            "b2.md",
            "title: B2\ndate: 2023-11-24\nlang: de\ntopics: [energy]\nplaces: [baku]\ntranslations: [b]",
            "\nB2 text.\n",
        ),
    ]
}

#[test]
fn entries_run_oldest_first_with_the_undated_last() {
    let (site, _) = site(sample());
    let order: Vec<&str> = site.entries.iter().map(Entry::slug).collect();
    assert_eq!(order, ["a", "b", "b2", "c", "u"]);
}

#[test]
fn topic_and_place_lists_are_newest_first() {
    let (site, _) = site(sample());
    assert_eq!(slugs(&site, &site.topics[0]), ["c", "b2", "b", "a"]);
    assert_eq!(slugs(&site, &site.topics[1]), ["c", "u"]);
    assert_eq!(slugs(&site, &site.places[0]), ["c", "b2", "b"]);
    assert!(site.places[1].is_empty());
}

#[test]
fn each_language_lists_its_articles_newest_first_by_code() {
    let (site, _) = site(sample());
    let codes: Vec<&str> = site.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["de", "en"]);
    assert_eq!(slugs(&site, &site.languages[0].articles), ["b2", "u"]);
    assert_eq!(slugs(&site, &site.languages[1].articles), ["c", "b", "a"]);
}

#[test]
fn neighbours_in_time_skip_the_undated() {
    let (site, _) = site(sample());
    let index = |slug: &str| site.entries.iter().position(|e| e.slug() == slug).unwrap();
    assert_eq!(site.previous[index("a")], None);
    assert_eq!(site.next[index("a")], Some(index("b")));
    assert_eq!(site.next[index("c")], None);
    assert_eq!(site.previous[index("u")], None);
    assert_eq!(site.next[index("u")], None);
}

#[test]
fn related_prefers_shared_tags_then_nearness_and_leaves_translations_apart() {
    let (site, _) = site(sample());
    let index = |slug: &str| site.entries.iter().position(|e| e.slug() == slug).unwrap();
    // b2 shares energy+baku with b (its translation, so apart) and with c; a shares energy only.
    assert_eq!(slugs(&site, &site.related(index("b2"))), ["c", "a"]);
    assert_eq!(slugs(&site, &site.translations[index("b")]), ["b2"]);
    assert_eq!(slugs(&site, &site.translations[index("b2")]), ["b"]);
}

#[test]
fn a_tag_listed_twice_is_shared_once() {
    let mut articles = sample();
    // d lists energy twice and is nearer to b2 than c is; c still shares
    // two tags (energy, baku) and d only one.
    articles.push(article(
        "d.md",
        "title: D\ndate: 2023-12\nlang: en\ntopics: [energy, energy]",
        "\nD text.\n",
    ));
    let (site, _) = site(articles);
    let index = |slug: &str| site.entries.iter().position(|e| e.slug() == slug).unwrap();
    assert_eq!(slugs(&site, &site.related(index("b2"))), ["c", "d", "a"]);
}

#[test]
fn related_articles_as_near_as_each_other_go_by_slug() {
    let on = |file: &str, date: &str| {
        article(
            file,
            &format!("title: T\ndate: {date}\nlang: en\ntopics: [culture]"),
            "\nText.\n",
        )
    };
    // x is five days from both; "early" comes first by date, "b-late" by slug.
    let articles = vec![
        on("early.md", "2020-06-10"),
        on("x.md", "2020-06-15"),
        on("b-late.md", "2020-06-20"),
        on("far.md", "2020-09-01"),
    ];
    let (site, _) = site(articles);
    let index = |slug: &str| site.entries.iter().position(|e| e.slug() == slug).unwrap();
    assert_eq!(
        slugs(&site, &site.related(index("x"))),
        ["b-late", "early", "far"]
    );
}

#[test]
fn people_and_places_count_the_topics_of_their_articles() {
    let (site, _) = site(sample());
    // Baku: c (energy, culture), b and b2 (energy): energy 3, culture 1.
    assert_eq!(site.entity_topics(EntityKind::Place)[0], [(0, 3), (1, 1)]);
    assert!(site.entity_topics(EntityKind::Place)[1].is_empty());
    // Ilham Aliyev: c only; a tie keeps site.toml's order.
    assert_eq!(site.entity_topics(EntityKind::Person)[0], [(0, 1), (1, 1)]);
}

#[test]
fn links_between_articles_resolve_under_the_base_path() {
    let mut articles = sample();
    articles.push(article(
        "l.md",
        "title: L\ndate: 2024\nlang: en\ntopics: [energy]",
        "\n## Section one\n\nSee [A](a.md), [C](./c.md#top) and [topics](/topics/).\n",
    ));
    articles[2] = article(
        "c.md",
        "title: C\ndate: 2024-03-11\nlang: en\ntopics: [energy]",
        "\n## Top\n\nC text.\n",
    );
    let (site, messages) = site(articles);
    assert!(messages.is_empty(), "{messages:?}");
    let l = site.entries.iter().find(|e| e.slug() == "l").unwrap();
    assert!(
        l.body.html.contains("href=\"/repo/articles/a/\""),
        "{}",
        l.body.html
    );
    assert!(l.body.html.contains("href=\"/repo/articles/c/#top\""));
    assert!(l.body.html.contains("href=\"/repo/topics/\""));
    let link = SiteLink {
        dest: "/topics/".to_string(),
        line: 10,
        column: 36,
    };
    assert_eq!(l.site_links, [link]);
}

#[test]
fn broken_links_and_anchors_are_errors_with_lines() {
    let mut articles = sample();
    articles.push(article(
        "l.md",
        "title: L\ndate: 2024\nlang: en\ntopics: [energy]",
        "\nSee [A](aa.md).\n\nAnd [C](c.md#nowhere), [here](#nothing).\n",
    ));
    let (_, messages) = site(articles);
    assert_eq!(
        messages,
        [
            "content/l.md:8:5: link to \"aa.md\" but there is no content/aa.md (did you mean \"a.md\"?); fix the file name or remove the link",
            "content/l.md:10:5: link to \"c.md#nowhere\" but c.md has no heading with the id \"nowhere\"; it has no headings",
            "content/l.md:10:24: link to \"#nothing\" but this article has no heading with that id; it has no headings",
        ]
    );
}

#[test]
fn an_unknown_translation_is_an_error_on_its_line() {
    let mut articles = sample();
    articles.push(article(
        "t.md",
        "title: T\ndate: 2024\nlang: en\ntopics: [energy]\ntranslations: [nope]",
        "\nT.\n",
    ));
    let (_, messages) = site(articles);
    assert_eq!(
        messages,
        [
            "content/t.md:6:16: translation \"nope\" is not the slug of another article; use the file name without .md"
        ]
    );
}

#[test]
fn events_are_gathered_by_date() {
    let articles = vec![article(
        "x.md",
        "title: X\ndate: 2023\nlang: en\ntopics: [energy]\nevents:\n  - date: 2022-08-24\n    text: Declaration\n  - date: 2005-05-24\n    text: Treaty",
        "\nX.\n",
    )];
    let (site, _) = site(articles);
    let events: Vec<String> = site
        .events
        .iter()
        .map(|e| format!("{} {}", e.date, e.text))
        .collect();
    assert_eq!(events, ["2005-05-24 Treaty", "2022-08-24 Declaration"]);
}

#[test]
fn a_year_with_more_lines_than_a_page_splits_by_month_and_each_line_knows_its_page() {
    use super::chronology::{Chronology, Place};
    let mut articles = sample();
    articles.push(article(
        "d.md",
        "title: D\ndate: 2023-11-25\nlang: en\ntopics: [energy]\nevents:\n  - date: 2023-11-02\n    text: Talks\n  - date: 2023-03-01\n    text: Visit",
        "\nD.\n",
    ));
    articles.push(article(
        "y.md",
        "title: Y\ndate: 2023\nlang: en\ntopics: [energy]",
        "\nY.\n",
    ));
    let (site, _) = site(articles);
    let index = |slug: &str| site.entries.iter().position(|e| e.slug() == slug).unwrap();
    // 2023: y (month unknown), the visit in March, then b, the talks, b2 and d
    // in November; b and b2 (translations, one story) as lines of their own.
    let chronology = Chronology::new(&site.entries, &site.events, &[], 2);
    let years: Vec<(i32, usize, usize, bool)> = chronology
        .years
        .iter()
        .map(|y| (y.year, y.all.articles, y.all.events, y.is_split()))
        .collect();
    assert_eq!(
        years,
        [(2005, 1, 0, false), (2023, 4, 2, true), (2024, 1, 0, false)]
    );
    let y2023 = &chronology.years[1];
    assert_eq!(y2023.unknown_month.lines.len(), 1);
    let months: Vec<(u8, usize, usize)> = y2023
        .months
        .iter()
        .map(|(m, s)| (*m, s.articles, s.events))
        .collect();
    assert_eq!(months, [(3, 0, 1), (11, 3, 1)]);
    let place = |year, month, page| Place { year, month, page };
    let pages: Vec<Place> = chronology.pages().into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(
        pages,
        [
            place(2005, None, 1),
            place(2023, None, 1),
            place(2023, Some(3), 1),
            place(2023, Some(11), 1),
            place(2023, Some(11), 2),
            place(2024, None, 1),
        ]
    );
    // November's four lines: b, the talks (2 Nov) on page 1; b2, d on page 2.
    assert_eq!(
        chronology.article_address(index("d"), "d"),
        "chronology/2023/11/page/2/#a-d"
    );
    assert_eq!(
        chronology.article_address(index("y"), "y"),
        "chronology/2023/#a-y"
    );
    assert_eq!(
        chronology.article_address(index("u"), "u"),
        "chronology/undated/"
    );
    assert_eq!(
        chronology.event_address(index("d"), 1, "d").as_deref(),
        Some("chronology/2023/11/#e-d-1")
    );
    assert_eq!(
        chronology.event_address(index("d"), 2, "d").as_deref(),
        Some("chronology/2023/03/#e-d-2")
    );
    assert_eq!(chronology.event_address(index("d"), 3, "d"), None);
    // With room for the year, it stays whole.
    let whole = Chronology::new(&site.entries, &site.events, &[], 6);
    assert!(!whole.years[1].is_split());
    assert_eq!(
        whole.article_address(index("d"), "d"),
        "chronology/2023/#a-d"
    );
}

#[test]
fn a_body_cache_renders_again_only_the_articles_that_changed() {
    let mut cache = BodyCache::default();
    let kept = Arc::new(article("a.md", "title: A\nlang: en", "Kept *as is*."));
    let edited = Arc::new(article("b.md", "title: B\nlang: en", "Before."));
    let (first, _) = Site::assemble_with(config(), vec![kept.clone(), edited], &mut cache);
    let body = |site: &Site, slug: &str| {
        site.entries
            .iter()
            .find(|e| e.slug() == slug)
            .map(|e| e.body.clone())
            .unwrap()
    };
    // The same article (as serve's cache hands it over again) keeps its
    // rendered body; an article read anew from its file gets a new one.
    let again = Arc::new(article("b.md", "title: B\nlang: en", "After."));
    let (second, _) = Site::assemble_with(config(), vec![kept, again], &mut cache);
    assert!(Arc::ptr_eq(&body(&first, "a"), &body(&second, "a")));
    assert!(body(&second, "b").html.contains("After."));
    assert!(!body(&second, "b").html.contains("Before."));
    // Kept for serve: the Markdown is still there for the next assembly.
    assert!(second.entries.iter().all(|e| !e.article.body.is_empty()));
    // A one-off assembly drops each article's Markdown once it is rendered.
    let (once, _) = Site::assemble(
        config(),
        vec![article("c.md", "title: C\nlang: en", "Text.")],
    );
    assert!(once.entries[0].article.body.is_empty());
}

#[test]
fn positions_match_a_count_from_the_start_in_any_order() {
    let a = article(
        "p.md",
        "title: P\nlang: en",
        "One [a](https://a.example)\n\nÄö [b](/x) and [c](#no)\nlast ü [d](/y)",
    );
    let mut positions = Positions::new(&a);
    let offsets = [0, 5, 28, 32, 40, 52, 3, 61, a.body.len(), 0];
    for offset in offsets {
        let (line, column) = crate::config::line_column(&a.body, offset);
        assert_eq!(
            positions.of(offset),
            (a.body_line + line - 1, column),
            "at {offset}"
        );
    }
}
