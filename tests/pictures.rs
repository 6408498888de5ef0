//! The pictures: the chart of articles over time on the chronology's way in
//! and on list pages, and the map of places. Built on the fixture site; each
//! picture's links lead to pages that exist, its table holds the counts the
//! page's lists hold, and the output is the same twice.

mod common;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

/// The rows of a picture's table: (label, numbers).
fn numbers(doc: &scraper::Html) -> Vec<(String, Vec<usize>)> {
    select(doc, ".numbers-table tbody tr")
        .iter()
        .map(|row| {
            let text = |css: &str| -> Vec<String> {
                row.select(&scraper::Selector::parse(css).unwrap())
                    .map(|e| e.text().collect::<String>().trim().to_string())
                    .collect()
            };
            let numbers = text("td").iter().map(|n| n.parse().unwrap()).collect();
            (text("th").concat(), numbers)
        })
        .collect()
}

#[test]
fn the_chronology_charts_each_year_s_articles() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let way_in = html(&files, "chronology/index.html");
    assert_eq!(select(&way_in, "figure svg.chart").len(), 1);
    // 2005 to 2024 is charted by year, stacked by topic: Energy, Culture
    // (Trade has no article) and the rest.
    let rows = numbers(&way_in);
    // The year table counts stories (two translations are one); the chart
    // counts articles, as the fixture's dates say.
    let mut years: Vec<(String, usize)> = Vec::new();
    for entry in std::fs::read_dir(site.path().join("content")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let Some(date) = text.lines().find_map(|l| l.strip_prefix("date: ")) else {
            continue;
        };
        let year = date[..4].to_string();
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, n)) => *n += 1,
            None => years.push((year, 1)),
        }
    }
    years.sort_by(|a, b| b.0.cmp(&a.0));
    let table: Vec<String> = select(&way_in, ".year-table tbody tr th")
        .iter()
        .map(|th| th.text().collect::<String>().trim().to_string())
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(
        years.iter().all(|(y, _)| table.contains(y)),
        "{years:?} in {table:?}"
    );
    let mut charted: Vec<(String, usize)> = rows
        .iter()
        .map(|(label, n)| (label.clone(), n[0]))
        .collect();
    charted.reverse();
    assert_eq!(charted, years);
    for (label, n) in &rows {
        assert_eq!(
            n[0],
            n[1..].iter().sum::<usize>(),
            "{label}: the parts make the whole"
        );
    }
    assert_eq!(
        attrs(&way_in, "svg.chart a", "href"),
        attrs(&way_in, ".numbers-table tbody a", "href"),
        "a bar for each row, leading where the row does"
    );
    assert!(attrs(&way_in, "svg.chart a", "href").contains(&"/repo/chronology/2023/".to_string()));
    assert_eq!(
        broken_links(&files, "/repo/"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn a_few_years_are_charted_by_month_and_each_bar_finds_its_month() {
    let site = fixture("site");
    let treaty = read(site.path(), "content/treaty-2005.md");
    write(
        site.path(),
        "content/treaty-2005.md",
        treaty.replace("\ndate: 2005-05-24", "\ndate: 2022-05-24"),
    );
    let files = build(site.path(), SUB);
    let energy = html(&files, "topics/energy/index.html");
    let rows = numbers(&energy);
    assert_eq!(
        rows,
        [
            ("May 2022".to_string(), vec![1]),
            ("November 2023".to_string(), vec![2]),
            ("March 2024".to_string(), vec![1])
        ]
    );
    assert_eq!(
        attrs(&energy, "svg.chart a", "href"),
        [
            "/repo/chronology/2022/#y2022-05",
            "/repo/chronology/2023/#y2023-11",
            "/repo/chronology/2024/#y2024-03"
        ]
    );
    assert!(
        texts(&energy, "figcaption")[0]
            .starts_with("Articles per month, January 2022 to December 2024")
    );
    // The second page of a list has no chart.
    let second = html(&files, "topics/energy/page/2/index.html");
    assert!(select(&second, "svg.chart").is_empty());
    // A year split by month: its bars lead to the months' pages.
    std::fs::write(
        site.path().join("site.toml"),
        read(site.path(), "site.toml")
            .replace("paginate = 2\n", "paginate = 2\nchronology_paginate = 1\n"),
    )
    .unwrap();
    let files = build(site.path(), SUB);
    let way_in = html(&files, "chronology/index.html");
    assert!(
        attrs(&way_in, "svg.chart a", "href").contains(&"/repo/chronology/2023/11/".to_string())
    );
    assert_eq!(
        broken_links(&files, "/repo/"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn the_map_marks_each_place_with_a_position_and_counts_its_articles() {
    let site = fixture("site");
    let files = build(site.path(), SUB);
    let places = html(&files, "places/index.html");
    assert_eq!(
        select(&places, "svg.map circle").len(),
        2,
        "Baku and Astana; Fuzuli has no position"
    );
    assert_eq!(
        attrs(&places, "svg.map a", "href"),
        ["/repo/places/baku/", "/repo/places/astana/"]
    );
    assert_eq!(
        numbers(&places),
        [
            ("Baku".to_string(), vec![3]),
            ("Astana".to_string(), vec![1])
        ]
    );
    assert!(
        texts(&places, "figcaption")[0].contains("Not on the map: 1 place without a position.")
    );
    assert!(
        !select(&places, "svg.map path.land").is_empty(),
        "coastlines drawn"
    );
    let baku = html(&files, "places/baku/index.html");
    assert_eq!(attrs(&baku, "svg.map a", "href"), ["/repo/places/baku/"]);
    assert_eq!(texts(&baku, "svg.map .labels text"), ["Baku"]);
    // Baku's chart: its articles by year (the fixture spans 2005 to 2024).
    assert_eq!(
        numbers(&baku),
        [("2023".to_string(), vec![2]), ("2024".to_string(), vec![1])]
    );
    let fuzuli = html(&files, "places/fuzuli/index.html");
    assert!(select(&fuzuli, "svg.map").is_empty(), "no position, no map");
    assert_eq!(select(&fuzuli, "svg.chart").len(), 1);
}

#[test]
fn the_pictures_are_the_same_twice() {
    let site = fixture("site");
    let first = build(site.path(), SUB);
    let second = build(site.path(), SUB);
    for page in [
        "chronology/index.html",
        "places/index.html",
        "places/baku/index.html",
        "topics/energy/index.html",
    ] {
        assert_eq!(first[page], second[page], "{page}");
    }
}
