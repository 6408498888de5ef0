use super::*;

/// People and places of the tests, by number.
const TOKAYEV: Name = 1;
const ALIYEV: Name = 2;
const MIRZIYOYEV: Name = 3;
const KAZAKHSTAN: Name = 10;
const AZERBAIJAN: Name = 11;
const ASTANA: Name = 12;
const BAKU: Name = 13;
const AKTAU: Name = 14;
const KURYK: Name = 15;
const UZBEKISTAN: Name = 16;

const DIPLOMACY: u32 = 1;
const TRANSPORT: u32 = 2;
const ENERGY: u32 = 3;

fn report(
    slug: &'static str,
    day: i64,
    names: &[Name],
    title: &[Name],
    topics: &[u32],
) -> Report<'static> {
    let sorted = |list: &[u32]| {
        let mut v = list.to_vec();
        v.sort_unstable();
        v.dedup();
        v
    };
    Report {
        day: Some(day),
        names: sorted(names),
        title_names: sorted(title),
        topics: sorted(topics),
        editor: None,
        translations: &[],
        slug,
    }
}

/// Background articles that make the countries common, as in a real archive.
fn background(n: usize) -> Vec<Report<'static>> {
    (0..n)
        .map(|k| {
            let day = 1000 + 10 * k as i64;
            report(
                "background",
                day,
                &[KAZAKHSTAN, AZERBAIJAN],
                &[],
                &[DIPLOMACY],
            )
        })
        .collect()
}

fn slugs<'a>(stories: &[Story], reports: &[Report<'a>]) -> Vec<Vec<&'a str>> {
    stories
        .iter()
        .map(|s| s.reports.iter().map(|&i| reports[i].slug).collect())
        .collect()
}

fn visit(slug: &'static str, day: i64) -> Report<'static> {
    report(
        slug,
        day,
        &[ALIYEV, TOKAYEV, ASTANA, KAZAKHSTAN, AZERBAIJAN],
        &[ALIYEV, ASTANA],
        &[DIPLOMACY],
    )
}

#[test]
fn reports_of_one_visit_a_day_apart_are_one_story() {
    let mut reports = background(20);
    reports.push(visit("aliyev-arrives-en", 100));
    reports.push(visit("aliyev-pribyl-ru", 100));
    reports.push(visit("aliyev-keldi-kk", 101));
    let (stories, lone) = find(&reports);
    assert!(lone.is_empty());
    assert_eq!(
        slugs(&stories, &reports),
        [["aliyev-arrives-en", "aliyev-pribyl-ru", "aliyev-keldi-kk"]]
    );
    assert_eq!(stories[0].slug, "aliyev-arrives-en");
}

#[test]
fn the_same_names_three_days_apart_are_two_stories() {
    let mut reports = background(20);
    reports.push(visit("first", 100));
    reports.push(visit("second", 103));
    assert!(find(&reports).0.is_empty());
}

#[test]
fn a_day_and_a_person_shared_are_not_enough() {
    let mut reports = background(20);
    reports.push(visit("aliyev-arrives", 100));
    reports.push(report(
        "tokayev-meets-mirziyoyev",
        100,
        &[TOKAYEV, MIRZIYOYEV, ASTANA, KAZAKHSTAN, UZBEKISTAN],
        &[TOKAYEV, MIRZIYOYEV],
        &[DIPLOMACY],
    ));
    assert!(find(&reports).0.is_empty());
}

#[test]
fn headlines_naming_different_people_keep_reports_apart() {
    let mut reports = background(20);
    let names = [ALIYEV, TOKAYEV, BAKU, KAZAKHSTAN, AZERBAIJAN];
    reports.push(report("a", 100, &names, &[ALIYEV], &[DIPLOMACY]));
    reports.push(report("b", 100, &names, &[TOKAYEV], &[DIPLOMACY]));
    assert!(find(&reports).0.is_empty());
    // A headline that names no one does not object.
    reports.pop();
    reports.push(report("b", 100, &names, &[], &[DIPLOMACY]));
    assert_eq!(find(&reports).0.len(), 1);
}

#[test]
fn common_names_alone_make_no_story() {
    let mut reports = background(40);
    reports.push(report(
        "ferry",
        100,
        &[KAZAKHSTAN, AZERBAIJAN, KURYK],
        &[],
        &[TRANSPORT],
    ));
    reports.push(report(
        "oil",
        100,
        &[KAZAKHSTAN, AZERBAIJAN, AKTAU],
        &[],
        &[ENERGY],
    ));
    assert!(find(&reports).0.is_empty());
}

#[test]
fn a_chain_of_days_does_not_make_one_long_story() {
    let mut reports = background(20);
    for (k, slug) in ["d0", "d1", "d2", "d3"].into_iter().enumerate() {
        reports.push(visit(slug, 100 + k as i64));
    }
    let (stories, _) = find(&reports);
    for s in &stories {
        let days: Vec<i64> = s.reports.iter().map(|&i| reports[i].day.unwrap()).collect();
        assert!(
            days.iter().max().unwrap() - days.iter().min().unwrap() <= 1,
            "{days:?}"
        );
    }
    assert_eq!(slugs(&stories, &reports), [["d0", "d1"], ["d2", "d3"]]);
}

#[test]
fn editors_keys_group_and_none_keeps_alone() {
    let mut reports = background(20);
    reports.push(visit("a", 100));
    reports.push(visit("b", 100));
    reports.push(visit("c", 100));
    reports.push(report("far", 400, &[KURYK], &[], &[TRANSPORT]));
    let n = reports.len();
    reports[n - 4].editor = Some(Editor::Alone);
    reports[n - 1].editor = Some(Editor::Key("visit"));
    reports[n - 2].editor = Some(Editor::Key("visit"));
    let (stories, lone) = find(&reports);
    assert!(lone.is_empty());
    assert_eq!(slugs(&stories, &reports), [["b", "c", "far"]]);
    assert_eq!(stories[0].slug, "visit");
}

#[test]
fn a_key_that_is_an_articles_slug_joins_its_story() {
    let mut reports = background(5);
    reports.push(report("summit", 100, &[BAKU], &[], &[]));
    reports.push(report("late-report", 300, &[], &[], &[]));
    let n = reports.len();
    reports[n - 1].editor = Some(Editor::Key("summit"));
    let (stories, lone) = find(&reports);
    assert!(lone.is_empty());
    assert_eq!(slugs(&stories, &reports), [["summit", "late-report"]]);
}

#[test]
fn a_key_given_once_is_reported_with_a_suggestion() {
    let mut reports = background(3);
    reports.push(report("x", 100, &[], &[], &[]));
    reports.push(report("y", 200, &[], &[], &[]));
    reports.push(report("z", 300, &[], &[], &[]));
    let n = reports.len();
    reports[n - 3].editor = Some(Editor::Key("caspian-summit"));
    reports[n - 2].editor = Some(Editor::Key("caspian-summit"));
    reports[n - 1].editor = Some(Editor::Key("caspian-sumit"));
    let (stories, lone) = find(&reports);
    assert_eq!(stories.len(), 1);
    assert_eq!(
        lone,
        [LoneKey {
            report: n - 1,
            key: "caspian-sumit".into(),
            suggestion: Some("caspian-summit".into()),
        }]
    );
}

#[test]
fn translations_are_one_story_unless_one_stands_alone() {
    let translations: &'static [usize] = &[1];
    let mut reports = vec![
        report("en", 100, &[BAKU], &[], &[]),
        report("de", 900, &[AKTAU], &[], &[]),
    ];
    reports[0].translations = translations;
    assert_eq!(find(&reports).0.len(), 1);
    reports[1].editor = Some(Editor::Alone);
    assert!(find(&reports).0.is_empty());
}

#[test]
fn a_key_naming_an_article_brings_that_articles_story_along() {
    let mut reports = background(20);
    reports.push(visit("visit", 100));
    reports.push(visit("visit-ru", 100));
    reports.push(report("k1", 500, &[], &[], &[]));
    reports.push(report("k2", 600, &[], &[], &[]));
    let n = reports.len();
    reports[n - 1].editor = Some(Editor::Key("visit"));
    reports[n - 2].editor = Some(Editor::Key("visit"));
    let (stories, _) = find(&reports);
    assert_eq!(
        slugs(&stories, &reports),
        [["visit", "visit-ru", "k1", "k2"]]
    );
    assert_eq!(stories[0].slug, "visit");
}

#[test]
fn an_unkeyed_story_named_like_a_key_takes_another_name() {
    let mut reports = background(20);
    reports.push(visit("visit", 100));
    reports.push(visit("visit-ru", 100));
    reports.push(report("k1", 500, &[], &[], &[]));
    reports.push(report("k2", 600, &[], &[], &[]));
    let n = reports.len();
    reports[n - 1].editor = Some(Editor::Key("visit"));
    reports[n - 2].editor = Some(Editor::Key("visit"));
    // The article "visit" has a key of its own, so the key does not take it.
    reports[n - 4].editor = Some(Editor::Key("state-visit"));
    reports[n - 3].editor = Some(Editor::Key("state-visit"));
    let (stories, _) = find(&reports);
    let names: Vec<&str> = stories.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(names, ["state-visit", "visit"]);
    // With the article "visit" kept out of every story, the key is only a key.
    reports[n - 4].editor = Some(Editor::Alone);
    reports[n - 3].editor = Some(Editor::Alone);
    // Named after its first report, unless a key has that name.
    let mut more = reports.clone();
    more.push(visit("visit-2", 800));
    more.push(visit("visit-kk", 800));
    let (stories, _) = find(&more);
    let names: Vec<&str> = stories.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(names, ["visit", "visit-2"]);
}

#[test]
fn candidates_skip_names_that_many_reports_of_the_days_hold() {
    let reports: Vec<Report> = (0..200)
        .map(|_| report("same", 100, &[KAZAKHSTAN], &[], &[]))
        .collect();
    assert!(candidates(&reports).is_empty());
    let few: Vec<Report> = (0..3)
        .map(|_| report("same", 100, &[KAZAKHSTAN], &[], &[]))
        .collect();
    assert_eq!(candidates(&few), [(0, 1), (0, 2), (1, 2)]);
}
