//! For any article that ingest writes, `build` accepts it. Raw articles are
//! generated from the seeds' own words (sentences in every language of the
//! archive), site furniture, dates in many forms, Markdown and HTML
//! characters and other Unicode; what ingest makes of each must read back
//! without errors, assemble into a site and render its page. The same for
//! saved web pages made of those lines in every kind of markup an article
//! uses (headings, lists, quotes, tables, links, emphasis, pictures, code),
//! with metadata right, wrong or missing. In process, `PROPTEST_CASES`
//! cases (256 unless set); then the real binaries on a handful of
//! generated seeds.

mod common;

use std::path::Path;
use std::sync::{Arc, LazyLock};

use caspian::config::Config;
use caspian::content::Article;
use caspian::date::PartialDate;
use caspian::error::Diagnostic;
use caspian::ingest::{self, seed};
use caspian::render::{self, Job, Renderer};
use caspian::site::links::Targets;
use caspian::site::{Site, SiteLink};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

use common::{caspian, project, stderr, stdout};

static CONFIG: LazyLock<Config> = LazyLock::new(|| Config::load(&project()).unwrap());
static RENDERER: LazyLock<Renderer> =
    LazyLock::new(|| Renderer::new(&project(), CONFIG.strings.clone()).unwrap());

/// The words of each raw article the project has (the seeds and the ingest
/// fixtures), one list per article and so per language.
static WORDS: LazyLock<Vec<Arc<Vec<String>>>> = LazyLock::new(|| {
    let mut pools = Vec::new();
    for dir in ["seeds", "tests/fixtures/ingest"] {
        for file in caspian::fs::list_files(&project().join(dir), "txt").unwrap() {
            let text = std::fs::read_to_string(file).unwrap();
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().count() > 1)
                .map(str::to_string)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            pools.push(Arc::new(words));
        }
    }
    pools
});

/// What the page around an article leaves in a copy: buttons, menus,
/// credits, tags, list labels and their links.
const FURNITURE: &[&str] = &[
    "Featured",
    "Back to top button",
    "Home",
    "Share",
    "Tweet",
    "Advertisement",
    "Фото",
    "Реклама",
    "Tags: energy, oil, Baku",
    "Teqlər: Qazaxıstan",
    "© APA | All rights reserved",
    "1 2 3 4 5 İDMAN XƏBƏR",
    "Read also",
    "Читайте также",
    "Source: Trend",
    "Quelle: dpa",
    "12:30",
    "Photo: Press Service",
    "Most read",
    "x x x",
    "* * *",
    "---",
    "Loading...",
];

/// Pieces of markup and awkward characters to drop among the words.
const ODDITIES: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "<",
    ">",
    "<b>",
    "</i>",
    "<!--",
    "#",
    "##",
    "|",
    "`",
    "```",
    "-",
    "--",
    "+",
    "=",
    "~",
    "~~",
    "\\",
    "&",
    "&amp;",
    "&#123;",
    "!",
    "![x](y.png)",
    "[link](other.md)",
    "[a](/topics/)",
    "[^1]",
    "{#id}",
    "1.",
    "2)",
    "2024.",
    ":",
    ": ",
    " #",
    "\"",
    "'",
    "„",
    "“",
    "«",
    "»",
    "–",
    "—",
    "…",
    "€",
    "№",
    "%",
    "@",
    "\u{200b}",
    "\u{ad}",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\u{feff}",
    "\u{fffe}",
    "\u{202e}",
    "\t",
    "👍🏽",
    "سلام",
    "中文",
    "ﬁ",
    "e\u{301}",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_AZ: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_TR: [&str; 12] = [
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
];
const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

/// A date written one of the ways the press writes it; the day may not
/// exist in its month, the year may be far off.
fn date() -> impl Strategy<Value = String> {
    (1980i32..2035, 1usize..=12, 1u32..=31, 0usize..12).prop_map(|(y, m, d, form)| {
        let i = m - 1;
        match form {
            0 => format!("{d} {} {y}", MONTHS_EN[i]),
            1 => format!("{} {d}, {y}", MONTHS_EN[i]),
            2 => format!("{y}-{m:02}-{d:02}"),
            3 => format!("{d:02}.{m:02}.{y}"),
            4 => format!("{d}. {} {y}", MONTHS_DE[i]),
            5 => format!("{d} {} {y}-ci il", MONTHS_AZ[i]),
            6 => format!("{d} {} {y} года", MONTHS_RU[i]),
            7 => format!("{d} {} {y}", MONTHS_TR[i]),
            8 => format!("{y} жылғы {d} {}", MONTHS_KK[i]),
            9 => format!("12:30, {d:02}.{m:02}.{y}"),
            10 => format!("{d} {}", MONTHS_EN[i]),
            _ => format!("bis zum {d}. {} {y}", MONTHS_DE[i]),
        }
    })
}

/// Words of one article (one language), some of them odd.
fn words(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    (0..WORDS.len()).prop_flat_map(move |pool| {
        let pool = WORDS[pool].clone();
        prop::collection::vec(
            prop_oneof![
                12 => prop::sample::select((*pool).clone()),
                1 => prop::sample::select(ODDITIES).prop_map(str::to_string),
                1 => date(),
                1 => "\\PC{1,8}",
            ],
            min..max,
        )
    })
}

/// One line of a raw article.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        // A sentence.
        8 => (words(4, 30), prop::sample::select(&[".", ".", "!", "?", ":", "", "…"][..]))
            .prop_map(|(w, end)| {
                let text = w.join(" ");
                let mut chars = text.chars();
                let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
                format!("{first}{}{end}", chars.as_str())
            }),
        // A headline.
        2 => words(3, 12).prop_map(|w| w.join(" ")),
        2 => prop::sample::select(FURNITURE).prop_map(str::to_string),
        1 => date(),
        1 => (date(), prop::sample::select(&["Baku", "Astana", "Aktau", "Bakı", "Астана"][..]))
            .prop_map(|(d, city)| format!("{city}, {d} /APA/")),
        1 => "[*_\\[\\]<>#|`\\-!&;:.()0-9a-zA-Z ]{1,40}",
        1 => "\\PC{0,40}",
        2 => Just(String::new()),
    ]
}

/// A raw article: lines, with one of the line ends editors' systems use,
/// sometimes a byte-order mark.
fn raw_article() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(line(), 1..40),
        prop::sample::select(&["\n", "\r\n", "\n\n"][..]),
        any::<bool>(),
    )
        .prop_map(|(lines, end, bom)| {
            let text = lines.join(end);
            let mut bytes = Vec::new();
            if bom {
                bytes.extend_from_slice("\u{feff}".as_bytes());
            }
            bytes.extend_from_slice(text.as_bytes());
            bytes
        })
}

/// One line of a raw article in one of the shapes a page gives text.
fn block(line: &str, shape: usize) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let half = words.len() / 2;
    let (a, b) = (words[..half].join(" "), words[half..].join(" "));
    match shape {
        0 => format!("<p>{line}</p>"),
        1 => format!("<h2>{line}</h2>"),
        2 => format!("<ul><li>{a}</li><li>{b}<ol start=\"3\"><li>{a}</li></ol></li></ul>"),
        3 => format!("<blockquote><p>{a}</p><p>{b}</p></blockquote>"),
        4 => format!(
            "<table><tr><th>{a}</th><th>x|y</th></tr><tr><td>{b}</td><td>{line}</td></tr></table>"
        ),
        5 => format!(
            "<p>{a} <a href=\"https://example.org/{b}\">{b}</a> <a href=\"/rel\">{a}</a> <a href=\"javascript:x()\">{b}</a></p>"
        ),
        6 => format!("<p>{a}<em> {b} </em><strong>{a}</strong><b><i>{b}</i></b></p>"),
        7 => format!("<pre>{line}\n  ```{a}</pre><p><code>`{b}`</code></p>"),
        8 => format!("<p>{a} <img src=\"x.jpg\" alt=\"{b}\"> {a}<br>{b}<br></p>"),
        9 => format!("<div><div><section>{line}<br><br></section></div></div>"),
        10 => format!("<figure><img src=\"y.png\"><figcaption>{line}</figcaption></figure><hr>"),
        _ => format!("<p><a href=\"https://example.org/\"><div>{a}</div></a>{b}</p>"),
    }
}

/// A saved web page: lines of raw articles as HTML, some metadata (right,
/// wrong or missing), menus and a footer around them.
fn html_page() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec((line(), 0usize..12), 1..30),
        prop::option::of(words(1, 12)),
        prop::option::of(date()),
        prop::sample::select(&["en", "de-DE", "az", "ru", "kk", "tr", "fr", "xx-YY", "", "12"][..]),
        any::<bool>(),
    )
        .prop_map(|(lines, title, date, lang, canonical)| {
            let mut head = String::new();
            if let Some(t) = title {
                head.push_str(&format!("<meta property=\"og:title\" content=\"{}\">", t.join(" ").replace('"', "&quot;")));
            }
            if let Some(d) = date {
                head.push_str(&format!("<meta property=\"article:published_time\" content=\"{d}\">"));
            }
            if canonical {
                head.push_str("<link rel=\"canonical\" href=\"https://example.org/a(b) c\">");
            }
            let body: String = lines.iter().map(|(l, shape)| block(l, *shape)).collect();
            format!(
                "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>T</title>{head}</head>\
                 <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>{body}</article>\
                 <footer>© Site</footer></body></html>"
            )
            .into_bytes()
        })
}

fn today() -> PartialDate {
    PartialDate::ymd(2026, 11, 24).unwrap()
}

/// What ingest wrote for `raw`, and its file name, or `None` when ingest
/// refused the text (which it may, with a reason).
fn ingest_one(raw: &[u8]) -> Option<(String, String)> {
    ingest_as("seeds/generated.txt", raw)
}

fn ingest_as(seed: &str, raw: &[u8]) -> Option<(String, String)> {
    match seed::parse(seed, raw, &CONFIG, today()) {
        Ok(ingested) => Some((
            format!("content/{}.md", ingested.slug),
            ingest::render(&ingested),
        )),
        Err(why) => {
            assert!(!why.is_empty());
            None
        }
    }
}

/// The errors among diagnostics, as printed.
fn errors_of<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> Vec<String> {
    diags
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect()
}

/// Everything `build` checks of one article, and its page rendered.
fn assert_build_accepts(file: &str, text: &str) {
    let (article, diags) = Article::parse(Path::new(file), text, &CONFIG);
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?}\nin\n{text}");
    let article = article.expect("an article without errors");

    let (site, diags) = Site::assemble(CONFIG.clone(), vec![article]);
    let errors = errors_of(diags.iter());
    assert!(errors.is_empty(), "{errors:#?}\nin\n{text}");

    let plan = render::plan(&site);
    let targets = Targets::new(plan.iter().map(|(p, _)| p.as_str()));
    for SiteLink { dest, line, column } in &site.entries[0].site_links {
        assert!(
            targets.has(dest.trim_start_matches('/')),
            "{file}:{line}:{column}: link to {dest}\nin\n{text}"
        );
    }
    let (path, job) = plan
        .iter()
        .find(|(_, job)| matches!(job, Job::Article(0)))
        .expect("the article has a page");
    let pages = render::render_job(&site, &RENDERER, &plan, path, *job)
        .unwrap_or_else(|e| panic!("{e}\nin\n{text}"));
    assert!(!pages.is_empty() && !pages[0].bytes.is_empty());
}

proptest! {
    #[test]
    fn build_accepts_every_article_ingest_writes(raw in raw_article()) {
        if let Some((file, text)) = ingest_one(&raw) {
            assert_build_accepts(&file, &text);
        }
    }

    #[test]
    fn build_accepts_every_article_ingest_writes_from_a_saved_page(page in html_page()) {
        if let Some((file, text)) = ingest_as("seeds/generated.html", &page) {
            assert_build_accepts(&file, &text);
        }
    }
}

/// `n` raw articles from the generator, the same every run.
fn generated(n: usize) -> Vec<Vec<u8>> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| raw_article().new_tree(&mut runner).unwrap().current())
        .collect()
}

/// `n` saved pages from the generator, the same every run.
fn generated_pages(n: usize) -> Vec<Vec<u8>> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| html_page().new_tree(&mut runner).unwrap().current())
        .collect()
}

/// The property says nothing of pages if ingest refuses what is generated.
#[test]
fn most_generated_pages_are_ingested() {
    let pages = generated_pages(64);
    let ingested = pages
        .iter()
        .filter(|p| ingest_as("seeds/generated.html", p).is_some())
        .count();
    assert!(
        ingested * 2 >= pages.len(),
        "only {ingested} of {} ingested",
        pages.len()
    );
}

/// The property above says nothing if ingest refuses what is generated.
#[test]
fn most_generated_articles_are_ingested() {
    let raw = generated(64);
    let ingested = raw.iter().filter(|r| ingest_one(r).is_some()).count();
    assert!(
        ingested * 4 >= raw.len() * 3,
        "only {ingested} of {} ingested",
        raw.len()
    );
}

#[test]
fn caspian_builds_what_caspian_ingest_wrote_from_generated_seeds() {
    let site = common::site(false, false);
    let raw: Vec<Vec<u8>> = generated(40)
        .into_iter()
        .filter(|r| ingest_one(r).is_some())
        .take(6)
        .collect();
    assert_eq!(raw.len(), 6);
    for (i, bytes) in raw.iter().enumerate() {
        common::write(site.path(), &format!("seeds/generated-{i}.txt"), bytes);
    }
    let pages: Vec<Vec<u8>> = generated_pages(40)
        .into_iter()
        .filter(|p| ingest_as("seeds/generated.html", p).is_some())
        .take(4)
        .collect();
    assert_eq!(pages.len(), 4);
    for (i, bytes) in pages.iter().enumerate() {
        common::write(site.path(), &format!("seeds/page-{i}.html"), bytes);
    }

    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let written = caspian::fs::list_files(&site.path().join("content"), "md").unwrap();
    assert_eq!(written.len(), raw.len() + pages.len(), "{}", stdout(&out));

    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    for file in written {
        let slug = file.file_stem().unwrap().to_string_lossy();
        let page = site
            .path()
            .join(format!("public/articles/{slug}/index.html"));
        assert!(page.is_file(), "no page for {}", file.display());
    }
}
