use super::*;

fn config() -> Config {
    Config::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn today() -> PartialDate {
    PartialDate::ymd(2026, 11, 24).unwrap()
}

const PROSE: &str = "<p>The presidents of Kazakhstan and Azerbaijan met in Baku on Tuesday and agreed to build a power cable under the Caspian Sea, linking the two countries' grids for the first time.</p>\
<p>The cable would carry energy from wind farms on the steppe to Europe, officials said, and could be finished before the end of the decade if banks agree to finance it.</p>";

fn page(html_attrs: &str, head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html {html_attrs}><head><meta charset=\"utf-8\">{head}</head><body><article>{body}</article></body></html>"
    )
}

fn parse_page(html: &str) -> Result<crate::ingest::Ingested, String> {
    explain("seeds/p.html", html.as_bytes(), &config(), today()).map(|e| e.ingested)
}

#[test]
fn page_names_are_told_by_their_extension() {
    assert!(is_page("seeds/a.html"));
    assert!(is_page("seeds/a.HTM"));
    assert!(!is_page("seeds/a.txt"));
    assert!(!is_page("seeds/html"));
}

#[test]
fn the_headline_in_the_body_is_not_repeated() {
    let html = page(
        "lang=\"en\"",
        "<title>Power cable agreed</title>",
        &format!("<h1>Power cable agreed</h1>{PROSE}"),
    );
    let ingested = parse_page(&html).unwrap();
    assert_eq!(ingested.front_matter.title, "Power cable agreed");
    assert!(
        ingested.body.starts_with("The presidents"),
        "{}",
        ingested.body
    );
}

#[test]
fn a_page_without_a_headline_gets_one_made_and_marked() {
    let html = page("lang=\"en\"", "", PROSE);
    let ingested = parse_page(&html).unwrap();
    assert_eq!(ingested.front_matter.generated, ["title"]);
    assert!(
        ingested
            .front_matter
            .title
            .starts_with("The presidents of Kazakhstan")
    );
    assert!(ingested.warnings.iter().any(|w| w.contains("no headline")));
}

#[test]
fn the_markup_gives_the_language_and_the_text_settles_a_templated_one() {
    let de = page("lang=\"de\"", "<title>T</title>", PROSE);
    let ingested = parse_page(&de).unwrap();
    assert_eq!(ingested.front_matter.lang, "en");
    assert!(
        ingested
            .warnings
            .iter()
            .any(|w| w.contains("says it is in German (de), but its text reads as English (en)")),
        "{:?}",
        ingested.warnings
    );
    let fr = page("lang=\"fr-FR\"", "<title>T</title>", PROSE);
    let ingested = parse_page(&fr).unwrap();
    assert_eq!(ingested.front_matter.lang, "fr");
    assert!(
        ingested
            .warnings
            .iter()
            .any(|w| w.contains("not one of the site's languages"))
    );
    let none = page("", "<title>T</title>", PROSE);
    assert_eq!(parse_page(&none).unwrap().front_matter.lang, "en");
}

#[test]
fn a_date_from_the_future_or_long_ago_is_not_believed() {
    for (when, shown) in [
        ("2031-01-01T00:00:00Z", "2031-01-01"),
        ("1970-01-01", "1970-01-01"),
    ] {
        let html = page(
            "lang=\"en\"",
            &format!(
                "<title>T</title><meta property=\"article:published_time\" content=\"{when}\">"
            ),
            PROSE,
        );
        let ingested = parse_page(&html).unwrap();
        assert_eq!(ingested.front_matter.date, None);
        assert!(
            ingested
                .warnings
                .iter()
                .any(|w| w.contains(&format!("says {shown}, which cannot be a publication date"))),
            "{:?}",
            ingested.warnings
        );
    }
}

#[test]
fn relative_links_are_made_absolute_from_the_saved_address() {
    let html = format!(
        "<!-- saved from url=(0031)https://news.example/world/a.htm -->\n{}",
        page(
            "lang=\"en\"",
            "<title>T</title>",
            &format!(
                "{PROSE}<p>More in <a href=\"../energy/cable\">our report</a> and <a href=\"#top\">above</a> and more words here to read.</p>"
            ),
        )
    );
    let ingested = parse_page(&html).unwrap();
    assert!(
        ingested
            .body
            .contains("[our report](https://news.example/energy/cable)"),
        "{}",
        ingested.body
    );
    assert_eq!(
        ingested.front_matter.source.unwrap().url.as_deref(),
        Some("https://news.example/world/a.htm")
    );
}

#[test]
fn a_page_of_links_is_not_an_article() {
    let links: String = (0..50)
        .map(|i| format!("<p><a href=\"https://news.example/{i}\">Another story about the Caspian region, number {i}</a></p>"))
        .collect();
    let err = parse_page(&page("lang=\"en\"", "<title>News</title>", &links)).unwrap_err();
    assert!(err.starts_with("no article found in the page"), "{err}");
}

#[test]
fn a_wire_flash_is_an_article_and_a_caption_is_not() {
    let flash = "<p>ASTANA, 5 March. Kazakhstan and Azerbaijan signed an agreement on a power cable under the Caspian Sea on Tuesday, the Kazakh energy ministry said in a statement.</p>";
    assert!(parse_page(&page("lang=\"en\"", "<title>Cable signed</title>", flash)).is_ok());
    let caption = "<p>The port of Aktau at dawn.</p>";
    let err = parse_page(&page("lang=\"en\"", "<title>Photo</title>", caption)).unwrap_err();
    assert!(err.starts_with("no article found in the page"), "{err}");
}

#[test]
fn the_same_page_gives_the_same_article() {
    let html = page("lang=\"en\"", "<title>Power cable agreed</title>", PROSE);
    let a = parse_page(&html).unwrap();
    let b = parse_page(&html).unwrap();
    assert_eq!(crate::ingest::render(&a), crate::ingest::render(&b));
}
