//! What a page says about itself in its markup: the headline, publication
//! date, language, publisher and address, from Open Graph and `article:*`
//! meta tags, JSON-LD (`NewsArticle`, `Article`, … also inside `@graph`),
//! `<time>` marked as the publication date, `<html lang>` and
//! `<link rel=canonical>`. This is what a site states for certain; the
//! text's evidence comes second.

use dom_query::Document;
use serde_json::Value;

use crate::date::PartialDate;
use crate::ingest::date_mentions;

/// The page's own metadata; each field absent where the markup says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The publication date and where it was read (`article:published_time`, …).
    pub published: Option<(PartialDate, String)>,
    /// The primary language subtag, lower-cased (`en-US` → `en`).
    pub lang: Option<String>,
    /// `<link rel=canonical>`, or `og:url`: absolute http(s) only.
    pub canonical: Option<String>,
    /// `og:site_name`, or the JSON-LD publisher's name.
    pub site_name: Option<String>,
    /// `<base href>` when absolute: what relative links are resolved against.
    pub base: Option<String>,
}

/// Meta tags that carry the publication date, most trusted first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
];

/// JSON-LD types that are the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
];

/// Reads the page's metadata from its parsed document.
pub fn read(doc: &Document) -> PageMeta {
    let metas = meta_tags(doc);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(key, value)| key == k && !value.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let json_ld = json_ld(doc);
    let article = json_ld
        .iter()
        .find(|v| is_article(v))
        .or_else(|| json_ld.iter().find(|v| v.get("datePublished").is_some()));

    // og:title first: some sites (Wikipedia) put a description in the
    // JSON-LD headline.
    let title = meta(&["og:title"])
        .or_else(|| article.and_then(|a| json_text(a.get("headline"))))
        .or_else(|| meta(&["twitter:title", "dc.title"]))
        .or_else(|| {
            let t = clean(&doc.select("head title").text());
            (!t.is_empty()).then(|| strip_site_name(&t, meta(&["og:site_name"]).as_deref()))
        });

    // JSON-LD first: a meta tag's time is sometimes the site's local
    // time a day off, or the last update.
    let published = article
        .and_then(|a| {
            let v = json_text(a.get("datePublished"))?;
            Some((parse_date(&v)?, "JSON-LD datePublished".to_string()))
        })
        .or_else(|| {
            DATE_META.iter().find_map(|k| {
                let v = meta(&[k])?;
                Some((parse_date(&v)?, (*k).to_string()))
            })
        })
        .or_else(|| {
            doc.select(
                "time[itemprop~=datePublished], time[pubdate], [itemprop~=datePublished][content]",
            )
            .iter()
            .find_map(|t| {
                let v = t.attr("datetime").or_else(|| t.attr("content"))?;
                Some((parse_date(&v)?, "<time> of the publication".into()))
            })
        });

    let html = doc.select("html");
    let lang = html
        .attr("lang")
        .or_else(|| html.attr("xml:lang"))
        .map(|l| l.to_string())
        .or_else(|| http_equiv(doc, "content-language"))
        .or_else(|| meta(&["og:locale", "language", "dc.language"]))
        .or_else(|| json_text(article?.get("inLanguage")))
        .and_then(|l| primary_subtag(&l));

    let canonical = doc
        .select("link[rel~=canonical]")
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.trim().to_string()))
        .filter(|u| is_web_address(u))
        .or_else(|| meta(&["og:url"]).filter(|u| is_web_address(u)));

    let site_name = meta(&["og:site_name"])
        .or_else(|| json_text(article?.get("publisher")?.get("name")))
        .or_else(|| meta(&["application-name"]))
        .map(|s| clean(&s))
        .filter(|s| !s.is_empty());

    let base = doc
        .select("base[href]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|u| is_web_address(u));

    PageMeta {
        title: title.map(|t| clean(&t)).filter(|t| !t.is_empty()),
        published,
        lang,
        canonical,
        site_name,
        base,
    }
}

/// The address a browser's "Save page as" records in its first line
/// (`<!-- saved from url=(0042)https://… -->`), which `caspian ingest URL`
/// writes too.
pub fn saved_from(html: &str) -> Option<String> {
    let head = &html[..html.floor_char_boundary(2048)];
    let at = head.find("<!-- saved from url=(")?;
    let rest = &head[at + "<!-- saved from url=(".len()..];
    let (_, rest) = rest.split_once(')')?;
    let url = rest
        .split([' ', '\t', '\n', '\r'])
        .next()?
        .trim_end_matches("-->");
    is_web_address(url).then(|| url.to_string())
}

/// Whether `url` is an absolute http(s) address.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "http://".len() + 1
        && !url.contains(char::is_whitespace)
}

/// `(key, content)` of every meta tag, keys lower-cased, by `property`,
/// `name` or `itemprop`.
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in doc.select("meta[content]").iter() {
        let content = m
            .attr("content")
            .map(|c| c.trim().to_string())
            .unwrap_or_default();
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = m.attr(attr) {
                for k in key.split_whitespace() {
                    out.push((k.to_ascii_lowercase(), content.clone()));
                }
            }
        }
    }
    out
}

fn http_equiv(doc: &Document, name: &str) -> Option<String> {
    doc.select("meta[http-equiv][content]")
        .iter()
        .find_map(|m| {
            m.attr("http-equiv")
                .filter(|h| h.eq_ignore_ascii_case(name))
                .and_then(|_| m.attr("content").map(|c| c.to_string()))
        })
}

/// Every object in the page's JSON-LD blocks, `@graph` and arrays opened.
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type]").iter() {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text = script.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim();
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            flatten(value, &mut out, 0);
        }
    }
    out
}

fn flatten(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for v in items {
                flatten(v, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            if map.contains_key("@type") {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

fn is_article(value: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t));
    match value.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A JSON-LD value as text: a string, or the first string of a list, or
/// an object's `name`.
fn json_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| json_text(Some(v))),
        Value::Object(map) => json_text(map.get("name")),
        _ => None,
    }
}

/// The day of a timestamp as the page wrote it: `2015-03-17T16:27:40Z`,
/// `2017-11-03 03:01:00`, `2020-09-21`, or a date in words.
pub fn parse_date(value: &str) -> Option<PartialDate> {
    let v = value.trim();
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
    {
        let year = v[..4].parse().ok()?;
        let date = PartialDate::ymd(year, v[5..7].parse().ok()?, v[8..10].parse().ok()?)?;
        return Some(date);
    }
    date_mentions::find(v)
        .into_iter()
        .find(|m| m.is_full())?
        .date()
}

/// `en-US`, `en_us`, `EN` → `en`, `aze` → `az`; anything that is not a
/// known language's code → none (the text tells it then).
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.len() == 3 {
        return crate::language::from_iso3(&primary).map(str::to_string);
    }
    crate::language::is_known(&primary).then_some(primary)
}

/// Whitespace collapsed, ends trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A headline without the site's name after it ("Talks in Baku | APA" →
/// "Talks in Baku"), when the page names its site (`og:site_name`).
pub fn without_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [
        " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " _ ",
    ] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.trim().eq_ignore_ascii_case(site)
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// A `<title>` without the site's name: "Headline | Site" → "Headline",
/// when the part cut off is the site's name or clearly shorter.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if is_site
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3)
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read(&Document::from(html))
    }

    #[test]
    fn open_graph_and_article_meta_are_read() {
        let m = meta_of(
            r#"<html lang="az-AZ"><head><title>Başlıq | APA</title>
            <meta property="og:title" content="Qazaxıstan və Azərbaycan  razılaşdı">
            <meta property="article:published_time" content="2024-03-05T10:20:00+04:00">
            <meta property="og:site_name" content="APA">
            <link rel="canonical" href="https://apa.az/xeber/1">
            </head><body></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Qazaxıstan və Azərbaycan razılaşdı")
        );
        assert_eq!(
            m.published.as_ref().map(|p| p.0.iso()).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(m.lang.as_deref(), Some("az"));
        assert_eq!(m.site_name.as_deref(), Some("APA"));
        assert_eq!(m.canonical.as_deref(), Some("https://apa.az/xeber/1"));
    }

    #[test]
    fn json_ld_in_a_graph_gives_headline_date_and_publisher() {
        let m = meta_of(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Kazinform"},
              {"@type":["NewsArticle"],"headline":"Tokayev meets Aliyev","datePublished":"2023-11-24T09:00:00Z",
               "publisher":{"@type":"Organization","name":"Kazinform"},"inLanguage":"en-US"}]}
            </script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Tokayev meets Aliyev"));
        assert_eq!(
            m.published,
            Some((
                PartialDate::ymd(2023, 11, 24).unwrap(),
                "JSON-LD datePublished".into()
            ))
        );
        assert_eq!(m.site_name.as_deref(), Some("Kazinform"));
        assert_eq!(m.lang.as_deref(), Some("en"));
    }

    #[test]
    fn a_time_marked_as_the_publication_date_is_read() {
        let m = meta_of(
            r#"<html><body><article><time datetime="2022-06-01T08:00">1 June</time>
            <time itemprop="datePublished" datetime="2021-05-04">4 May</time></article></body></html>"#,
        );
        assert_eq!(
            m.published.map(|p| p.0.iso()).as_deref(),
            Some("2021-05-04")
        );
    }

    #[test]
    fn a_page_that_says_nothing_gives_nothing() {
        let m = meta_of(
            "<html><body><p>Text of 3 March 2015.</p><time datetime=\"2015-03-03\">x</time></body></html>",
        );
        assert_eq!(m, PageMeta::default());
    }

    #[test]
    fn dates_are_read_as_the_page_wrote_them() {
        for (v, want) in [
            ("2015-03-17T16:27:40.294Z", "2015-03-17"),
            ("2021-11-01T10:52:50+0100", "2021-11-01"),
            ("2017-11-03 03:01:00.000000", "2017-11-03"),
            ("Tue, 17 Mar 2015 09:00:00 GMT", "2015-03-17"),
        ] {
            assert_eq!(parse_date(v).map(|d| d.iso()).as_deref(), Some(want), "{v}");
        }
        assert_eq!(parse_date("2015-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn the_saved_from_line_gives_the_address() {
        let html = "<!DOCTYPE html>\n<!-- saved from url=(0025)https://example.org/a/b -->\n<html>";
        assert_eq!(saved_from(html).as_deref(), Some("https://example.org/a/b"));
        assert_eq!(
            saved_from("<!-- saved from url=(0014)about:internet -->"),
            None
        );
    }

    #[test]
    fn only_known_language_codes_are_taken() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("kaz").as_deref(), Some("kk"));
        assert_eq!(primary_subtag("xx-YY"), None);
        assert_eq!(primary_subtag("12"), None);
    }

    #[test]
    fn a_headline_loses_the_name_of_its_site() {
        assert_eq!(
            without_site_name("How to Build a Terrarium | eHow", Some("eHow")),
            "How to Build a Terrarium"
        );
        assert_eq!(
            without_site_name("How to Build a Terrarium | eHow", None),
            "How to Build a Terrarium | eHow"
        );
        assert_eq!(
            without_site_name("Baku - Astana", Some("Astana Times")),
            "Baku - Astana"
        );
    }

    #[test]
    fn a_title_loses_the_site_name() {
        assert_eq!(
            strip_site_name("Talks in Baku went well | APA", Some("APA")),
            "Talks in Baku went well"
        );
        assert_eq!(strip_site_name("A - B", None), "A - B");
    }
}
