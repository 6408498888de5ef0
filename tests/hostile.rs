//! Text that tries to run script or break out of its place: in titles,
//! summaries, sources, events, bodies (raw HTML, `javascript:` links,
//! comments), topic names, entity names and aliases, and a raw seed. The
//! built site never runs script it did not write, and every page stays whole.

mod common;

use std::collections::BTreeMap;

use common::*;

const TITLE: &str = "Attack <script>alert('title')</script> \"quoted\" 'single' </script><!-- -->";
const SEED_TITLE: &str = "Energy <script>alert('seed title')</script> talks \"quoted\" 'single'";

/// The hostile fixture, ingested and built.
fn hostile_site() -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>, String) {
    let site = fixture("hostile");
    let ingest = caspian(site.path(), &["ingest"]);
    assert!(ingest.status.success(), "{}", stdout(&ingest));
    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = tree(&site.path().join("public"));
    (site, files, stderr(&out))
}

/// Whether a URL, as a browser reads it, would run or show something other
/// than a web page: `javascript:`, `vbscript:`, `data:`.
fn dangerous(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| url.starts_with(s))
}

fn text_of(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn no_page_runs_script_the_site_did_not_write() {
    let (_site, files, _) = hostile_site();
    let mut pages = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let source = String::from_utf8_lossy(bytes);
        let doc = scraper::Html::parse_document(&source);

        // The site's own scripts only: JSON-LD on articles, search.js on search.
        for script in select(&doc, "script") {
            let attrs: Vec<(&str, &str)> = script.value().attrs().collect();
            if path.starts_with("articles/") && attrs == [("type", "application/ld+json")] {
                let json = script.text().collect::<String>();
                let ld: serde_json::Value = serde_json::from_str(&json)
                    .unwrap_or_else(|e| panic!("{path}: JSON-LD does not parse: {e}\n{json}"));
                assert!(ld["headline"].is_string(), "{path}");
                for bad in ["</script", "<!--", "<"] {
                    assert!(!json.contains(bad), "{path}: JSON-LD holds {bad:?}");
                }
                continue;
            }
            assert!(
                path == "search/index.html"
                    && attrs.contains(&("src", "/hostile/assets/search.js"))
                    && script.text().next().is_none(),
                "{path}: a script the site did not write: {}",
                script.html()
            );
        }
        for element in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            let tag = element.value().name();
            // The site's own pictures: an <svg> of a chart or a map in its
            // figure, drawn of shapes, links and text alone.
            let own_picture = tag == "svg"
                && element
                    .parent()
                    .and_then(scraper::ElementRef::wrap)
                    .is_some_and(|f| {
                        f.value()
                            .has_class("picture", scraper::CaseSensitivity::CaseSensitive)
                    })
                && element
                    .descendants()
                    .filter_map(scraper::ElementRef::wrap)
                    .skip(1)
                    .all(|e| {
                        ["g", "line", "text", "a", "title", "rect", "path", "circle"]
                            .contains(&e.value().name())
                    });
            assert!(
                own_picture
                    || ![
                        "iframe", "object", "embed", "svg", "img", "style", "base", "frame"
                    ]
                    .contains(&tag),
                "{path}: an injected <{tag}>: {}",
                element.html()
            );
            for (name, value) in element.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{path}: <{tag} {name}=\"{value}\">"
                );
                assert!(name != "style", "{path}: <{tag} style=\"{value}\">");
                if [
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "srcset",
                    "poster",
                    "xlink:href",
                ]
                .contains(&name)
                {
                    assert!(!dangerous(value), "{path}: <{tag} {name}=\"{value}\">");
                }
            }
        }
        // Nothing broke out of its place: no comment swallowed the rest of
        // the page, and every page ends with the site's footer.
        assert!(!source.contains("<!--"), "{path}: an HTML comment");
        assert_eq!(select(&doc, "footer.site-footer").len(), 1, "{path}");
        assert_eq!(select(&doc, "head > title").len(), 1, "{path}");
        assert_eq!(
            select(&doc, "title").len(),
            1 + select(&doc, "svg title").len(),
            "{path}"
        );
    }
    assert!(pages >= 12, "only {pages} pages");
}

#[test]
fn hostile_text_is_shown_as_the_text_it_is() {
    let (_site, files, warnings) = hostile_site();
    let page = html(&files, "articles/hostile/index.html");
    assert_eq!(text_of(&page, "h1"), [TITLE]);
    assert_eq!(
        text_of(&page, "title"),
        [format!(
            "{TITLE} · Hostile <script>alert('site')</script> \" Chronicle"
        )]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:title']", "content"),
        [TITLE]
    );
    assert_eq!(
        attrs(&page, "meta[name=description]", "content"),
        ["</script><script>alert('summary')</script> \" onmouseover=\"alert(1) --> <!-- energy"]
    );
    assert_eq!(
        attrs(&page, "meta[property='article:tag']", "content"),
        [
            "Energy <img src=x onerror=alert('topic')> \" ' -->",
            "Culture\"><svg onload=alert(1)>"
        ]
    );
    assert_eq!(
        text_of(&page, ".meta a:not(.date-link, .lang-link)"),
        ["<b onmouseover=alert('source')>Source</b>"]
    );
    assert_eq!(
        attrs(&page, ".meta a:not(.date-link, .lang-link)", "href"),
        ["https://example.org/?q=\"><script>alert('url')</script>"]
    );
    assert_eq!(
        text_of(&page, ".events li span"),
        ["<script>alert('event')</script> energy"]
    );
    assert_eq!(
        text_of(&page, ".facts dd a"),
        [
            "Energy <img src=x onerror=alert('topic')> \" ' -->",
            "Culture\"><svg onload=alert(1)>",
            "Mallory <script>alert('person')</script>",
            "Nowhere \" onfocus=\"alert(1)",
        ]
    );

    // The body: raw HTML as text, the comment left out, unsafe links as
    // their text, safe ones kept.
    let prose = text_of(&page, ".prose p");
    assert_eq!(
        prose[0].split_whitespace().collect::<Vec<_>>().join(" "),
        "Energy talks: <script>alert('body')</script> and <img src=x onerror=\"alert('img')\"> and <a href=\"javascript:alert('raw link')\" onclick=\"alert(2)\">raw link</a>."
    );
    assert_eq!(
        prose[1],
        "<div onmouseover=\"alert('div')\" style=\"background:url(javascript:alert(3))\">A raw block.</div>"
    );
    assert_eq!(prose[2], "<!-- a comment --> and a broken one --> <!--");
    assert!(!page.html().contains("a note for editors"));
    assert_eq!(
        attrs(&page, ".prose a", "href"),
        ["https://example.org/", "https://example.org/page?a=1&b=2"]
    );
    for text in [
        "markdown javascript",
        "mixed case",
        "entity",
        "hex entity",
        "vbscript",
        "ref link",
    ] {
        assert!(prose[3].contains(text), "{text} is gone:\n{}", prose[3]);
    }
    assert_eq!(
        warnings.matches("warning: link to \"").count(),
        9,
        "{warnings}"
    );
    assert_eq!(
        warnings.matches("warning: image \"").count(),
        1,
        "{warnings}"
    );
    assert!(
        warnings.contains("content/hostile.md:27:1: warning: link to \"javascript:alert('md')\" left out of the page: an address must start with https://, http://, mailto: or tel:, or lead to a page of the site; its text is shown without the link"),
        "{warnings}"
    );

    // The seed's raw HTML reached its page as text.
    let seed = html(
        &files,
        "articles/energy-script-alert-seed-title-script-talks-quoted-single/index.html",
    );
    assert_eq!(text_of(&seed, "h1"), [SEED_TITLE]);
    let body = text_of(&seed, ".prose").join(" ");
    for raw in [
        "<img src=x onerror=alert('seed')>",
        "<a href=\"javascript:alert('seed link')\">click</a>",
        "[a link](javascript:alert('seed markdown'))",
        "<!-- a comment --> and --> and </script>",
        "&#106;avascript:alert('entity')",
    ] {
        assert!(body.contains(raw), "missing {raw:?} in {body}");
    }

    // Entity pages and topic pages show names and aliases as text.
    let person = html(&files, "people/mallory/index.html");
    assert_eq!(
        text_of(&person, "h1"),
        ["Mallory <script>alert('person')</script>"]
    );
    let shown = person.html();
    for alias in [
        "Mal\"lory' onmouseover='alert(1)",
        "</script><script>alert('alias')</script>",
    ] {
        assert!(
            person.root_element().text().any(|t| t.contains(alias)),
            "alias {alias} not shown as text:\n{shown}"
        );
    }
    let topic = html(&files, "topics/energy/index.html");
    assert_eq!(
        text_of(&topic, "h1"),
        ["Energy <img src=x onerror=alert('topic')> \" ' -->"]
    );
}

#[test]
fn feeds_sitemap_and_search_index_carry_the_text_escaped() {
    let (_site, files, _) = hostile_site();
    let feeds: Vec<&String> = files.keys().filter(|p| p.ends_with("feed.xml")).collect();
    assert_eq!(
        feeds.len(),
        4,
        "the site's, two topics', English's: {feeds:?}"
    );
    for path in feeds {
        let xml = String::from_utf8_lossy(&files[path]).into_owned();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
        let feed: atom_syndication::Feed = xml.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
        for entry in feed.entries() {
            let html = entry.content().and_then(|c| c.value()).unwrap_or_default();
            let body = scraper::Html::parse_fragment(html);
            for element in body
                .root_element()
                .descendants()
                .filter_map(scraper::ElementRef::wrap)
            {
                let tag = element.value().name();
                assert!(
                    !["script", "img", "iframe", "svg", "object"].contains(&tag),
                    "{path}: <{tag}> in a feed entry"
                );
                for (name, value) in element.value().attrs() {
                    assert!(
                        !name.starts_with("on") && !dangerous(value),
                        "{path}: {name}={value}"
                    );
                }
            }
        }
        let titles: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .filter_map(|e| e.children().find(|n| n.has_tag_name("title")))
            .filter_map(|t| t.text())
            .collect();
        if path == "feed.xml" {
            let mut titles = titles.clone();
            titles.sort_unstable();
            assert_eq!(titles, [TITLE, SEED_TITLE]);
        }
    }
    roxmltree::Document::parse(&String::from_utf8_lossy(&files["sitemap.xml"])).unwrap();

    // Every file of the search index is JSON, and the records hold the titles as written.
    let mut titles = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("search/")) {
        if !path.ends_with(".json") {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        if path.starts_with("search/docs/") {
            for record in value.as_array().unwrap() {
                titles.push(record["t"].as_str().unwrap().to_string());
            }
        }
    }
    assert!(titles.iter().any(|t| t == TITLE), "{titles:?}");
    // search.js puts the index's text into the page as text, never as markup.
    let js = String::from_utf8_lossy(&files["assets/search.js"]).into_owned();
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
    ] {
        assert!(!js.contains(sink), "search.js uses {sink}");
    }
    assert!(js.contains("textContent") && js.contains("createTextNode"));
}
