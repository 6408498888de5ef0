//! Every page address of the site, in one place. The plan of files, the
//! pages, their links, the pagers, the search index and the link check all
//! ask here, so that a page is always found where the links to it point.
//!
//! An address is relative to the site's root, without the base path: a
//! folder such as `articles/baku-talks/`, served as its `index.html` (see
//! [`file`]), or a file such as `feed.xml`. `Site::url` puts the base path
//! before one, `Site::absolute` the whole base URL.

use crate::config::EntityKind;

/// The home page.
pub const HOME: &str = "";
/// Every topic.
pub const TOPICS: &str = "topics/";
/// Every language of the articles.
pub const LANGUAGES: &str = "languages/";
/// Every article and dated event, by date.
pub const CHRONOLOGY: &str = "chronology/";
/// The search page; the index it reads lies beside it.
pub const SEARCH: &str = "search/";
/// What search reads first, at a reader's first keystroke: how the index
/// is cut (its word buckets), the years and the language names. The rest of
/// the index lies beside it, in files whose names `static/search.js` makes
/// from the same rules as [`search_words`] and [`search_records`].
pub const SEARCH_INDEX: &str = "search/index.json";
/// The site's Atom feed.
pub const FEED: &str = "feed.xml";
/// The page a host shows for an address the site does not have.
pub const NOT_FOUND: &str = "404.html";
/// The sitemap, or the index of its parts on a large site.
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// Tells GitHub Pages to serve the files as they are.
pub const NOJEKYLL: &str = ".nojekyll";
/// The custom domain, for GitHub Pages.
pub const CNAME: &str = "CNAME";
/// Styles, scripts and images: the built-in ones and the site's `static/`.
pub const ASSETS: &str = "assets/";

/// One article: `articles/<slug>/`.
pub fn article(slug: &str) -> String {
    format!("articles/{slug}/")
}

/// A story's reports side by side: `stories/<slug>/`.
pub fn story(slug: &str) -> String {
    format!("stories/{slug}/")
}

/// Page `number` (from 1) of a topic's articles: `topics/<slug>/`, then
/// `topics/<slug>/page/2/`, ...
pub fn topic(slug: &str, number: usize) -> String {
    page(&format!("topics/{slug}/"), number)
}

/// A topic's Atom feed.
pub fn topic_feed(slug: &str) -> String {
    format!("topics/{slug}/feed.xml")
}

/// Page `number` (from 1) of the articles in a language: `languages/de/`,
/// then `languages/de/page/2/`, ...
pub fn language(code: &str, number: usize) -> String {
    page(&format!("{LANGUAGES}{code}/"), number)
}

/// A language's Atom feed.
pub fn language_feed(code: &str) -> String {
    format!("{LANGUAGES}{code}/feed.xml")
}

/// Every person or every place: `people/`, `places/`.
pub fn entities(kind: EntityKind) -> String {
    format!("{}/", kind.key())
}

/// Page `number` (from 1) of the articles that name a person or a place:
/// `people/<slug>/`, then `people/<slug>/page/2/`, ...
pub fn entity(kind: EntityKind, slug: &str, number: usize) -> String {
    page(&format!("{}/{slug}/", kind.key()), number)
}

/// The undated articles: `chronology/undated/`, then `.../page/2/`, ...
pub fn chronology_undated(number: usize) -> String {
    page(&format!("{CHRONOLOGY}undated/"), number)
}

/// Page `number` (from 1) of a year of the chronology: `chronology/2023/`,
/// then `chronology/2023/page/2/`, ...
pub fn chronology_year(year: i32, number: usize) -> String {
    page(&format!("{CHRONOLOGY}{year:04}/"), number)
}

/// Page `number` (from 1) of a month of a year the chronology splits by
/// month: `chronology/2023/11/`, then `chronology/2023/11/page/2/`, ...
pub fn chronology_month(year: i32, month: u8, number: usize) -> String {
    page(&format!("{CHRONOLOGY}{year:04}/{month:02}/"), number)
}

/// The id of a year's row on the chronology's way in: `y2023` (as the
/// year's part of the one chronology page was, so old links still land).
pub fn year_id(year: i32) -> String {
    format!("y{year}")
}

/// The id of a month's part of a year's page, `y2023-11`, or of the part
/// whose month is not known, `y2023-00`.
pub fn month_id(year: i32, month: Option<u8>) -> String {
    format!("y{year}-{:02}", month.unwrap_or(0))
}

/// The id of an article's line in the chronology: `a-<slug>`.
pub fn article_line_id(slug: &str) -> String {
    format!("a-{slug}")
}

/// The id of the line of an article's `number`-th event (from 1) in the
/// chronology: `e-<slug>-2`.
pub fn event_line_id(slug: &str, number: usize) -> String {
    format!("e-{slug}-{number}")
}

/// A place on a page: `chronology/2023/#a-baku-talks`.
pub fn anchored(address: &str, id: &str) -> String {
    format!("{address}#{id}")
}

/// The bucket of the search index for words that start with `prefix`
/// (folded): `search/words/<the prefix's UTF-8 bytes in hex>.json`.
pub fn search_words(prefix: &str) -> String {
    let hex: String = prefix.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{SEARCH}words/{hex}.json")
}

/// The `number`-th file (from 0) of the search index's result records.
pub fn search_records(number: usize) -> String {
    format!("{SEARCH}docs/{number}.json")
}

/// A person's or a place's file of the search index:
/// `search/people/<slug>.json`.
pub fn search_entity(kind: EntityKind, slug: &str) -> String {
    format!("{SEARCH}{}/{slug}.json", kind.key())
}

/// Part `number` (from 1) of a sitemap too large for one file.
pub fn sitemap_part(number: usize) -> String {
    format!("sitemaps/{number}.xml")
}

/// A built-in or static file: `assets/style.css`.
pub fn asset(name: &str) -> String {
    format!("{ASSETS}{name}")
}

/// Page `number` (from 1) of a list whose first page is `first`, which
/// may be an address or a URL: `first` itself, then `{first}page/2/`, ...
pub fn page(first: &str, number: usize) -> String {
    if number == 1 {
        first.to_string()
    } else {
        format!("{first}page/{number}/")
    }
}

/// The file that serves an address: a folder's `index.html`, or the file.
pub fn file(address: &str) -> String {
    if address.is_empty() || address.ends_with('/') {
        format!("{address}index.html")
    } else {
        address.to_string()
    }
}

/// The address a file serves: `articles/x/` for `articles/x/index.html`.
pub fn address(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_go_on_in_numbered_pages_under_their_first() {
        assert_eq!(topic("energy", 1), "topics/energy/");
        assert_eq!(topic("energy", 3), "topics/energy/page/3/");
        assert_eq!(entity(EntityKind::Place, "baku", 2), "places/baku/page/2/");
        assert_eq!(page("/repo/people/x/", 2), "/repo/people/x/page/2/");
        assert_eq!(chronology_year(2023, 1), "chronology/2023/");
        assert_eq!(chronology_month(2023, 3, 2), "chronology/2023/03/page/2/");
        assert_eq!(chronology_undated(2), "chronology/undated/page/2/");
        assert_eq!(language("de", 1), "languages/de/");
        assert_eq!(language("de", 2), "languages/de/page/2/");
        assert_eq!(language_feed("de"), "languages/de/feed.xml");
    }

    #[test]
    fn a_search_bucket_is_named_by_the_hex_of_its_prefix() {
        assert_eq!(search_words("ba"), "search/words/6261.json");
        assert_eq!(search_words("то"), "search/words/d182d0be.json");
        assert_eq!(search_records(3), "search/docs/3.json");
    }

    #[test]
    fn a_folder_is_served_by_its_index_and_a_file_by_itself() {
        assert_eq!(file(HOME), "index.html");
        assert_eq!(file(&article("a")), "articles/a/index.html");
        assert_eq!(file(FEED), "feed.xml");
        assert_eq!(address("articles/a/index.html"), "articles/a/");
        assert_eq!(address("index.html"), "");
        assert_eq!(address(NOT_FOUND), "404.html");
    }
}
