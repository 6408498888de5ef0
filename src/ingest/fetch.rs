//! `caspian ingest URL…`: a web address becomes a saved page in `seeds/`,
//! which ingest then reads like any page saved from a browser. The page is
//! kept as the site sent it, with the address recorded in the first line
//! the way browsers record it (`<!-- saved from url=(0042)https://… -->`),
//! so ingesting it again, anywhere, gives the same article. A failed fetch
//! writes nothing.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use super::SEEDS_DIR;
use super::html::{self, meta};
use crate::config::Config;
use crate::date::PartialDate;
use crate::fs;

/// How long one fetch may take, all of it.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// What fetching an address did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// `seeds/<slug>.html`
    pub seed: String,
    /// The address the page came from, after redirects.
    pub url: String,
    /// Whether the file is new, changed or the same as before.
    pub action: super::Action,
}

/// A page as the site sent it.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address after redirects.
    pub url: String,
    /// The charset the response's `Content-Type` names.
    pub charset: Option<String>,
    pub bytes: Vec<u8>,
}

/// Fetches `url` and saves it in `root/seeds/`, if ingest finds an article
/// in it (a home page or a search page is not kept). The error says what
/// happened and what to do; nothing is written then.
pub fn fetch_into(
    root: &Path,
    url: &str,
    timeout: Duration,
    config: &Config,
    today: PartialDate,
) -> Result<Saved, String> {
    let page = fetch(url, timeout)?;
    let name = format!("{SEEDS_DIR}/{}.html", seed_name(&page.url));
    super::seed::parse(&name, &saved_page(&page), config, today)
        .map_err(|why| format!("fetched, but not saved: {why}"))?;
    save(root, &page)
}

/// The HTTP client: rustls, redirects bounded, one timeout for the whole
/// exchange, and a User-Agent that says who is asking.
fn agent(timeout: Duration, host: &str) -> ureq::Agent {
    let name = host.rsplit_once(':').map_or(host, |(name, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            name
        } else {
            host
        }
    });
    // A proxy from the environment is used, except for this computer's own
    // addresses, which no proxy can reach.
    let loopback = name == "localhost" || name.starts_with("127.") || name == "[::1]";
    let proxy = if loopback {
        None
    } else {
        ureq::Proxy::try_from_env()
    };
    ureq::Agent::config_builder()
        .proxy(proxy)
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(user_agent())
        .build()
        .into()
}

/// `caspian/0.1.0 (static site generator for news archives; fetches one page an editor asked for)`
pub fn user_agent() -> String {
    format!(
        "caspian/{} (static site generator for news archives; fetches one page an editor asked for)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Fetches one page. Only an HTML answer of at most
/// [`html::MAX_PAGE_BYTES`] is a page.
pub fn fetch(url: &str, timeout: Duration) -> Result<Page, String> {
    let url = url.trim();
    if !meta::is_web_address(url) {
        return Err(
            "is not a web address: it must start with https:// or http:// (to ingest a page saved from a browser, put the file in seeds/)".into(),
        );
    }
    let host = host_of(url);
    let mut response = agent(timeout, &host)
        .get(url)
        .call()
        .map_err(|e| describe(&e, &host, timeout))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(status_problem(status, response.status().canonical_reason()));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    if !mime.is_empty() && !matches!(mime.as_str(), "text/html" | "application/xhtml+xml") {
        return Err(format!(
            "is not a web page: the site sent {mime}; ingest reads articles from web pages (for a PDF or a document, copy its text into a .txt file in seeds/)"
        ));
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string())
        .next();
    let limit = html::MAX_PAGE_BYTES as u64;
    if response.body().content_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    response
        .body_mut()
        .with_config()
        .limit(limit + 1)
        .reader()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            match e
                .into_inner()
                .and_then(|e| e.downcast::<ureq::Error>().ok())
            {
                Some(e) => describe(&e, &host, timeout),
                None => "the connection broke while the page was read; try again".into(),
            }
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Page {
        url: final_url,
        charset,
        bytes,
    })
}

fn too_large() -> String {
    format!(
        "is larger than the {} MB a page may be; open it in a browser and save the article's page (\"Web page, HTML only\") into seeds/",
        html::MAX_PAGE_BYTES / 1_048_576
    )
}

/// What an HTTP status means for the editor.
fn status_problem(status: u16, reason: Option<&str>) -> String {
    let what = format!("{status} {}", reason.unwrap_or(""));
    let what = what.trim();
    match status {
        404 | 410 => format!("the site has no such page ({what}); check the address"),
        401 | 403 => format!(
            "the site refused to give the page ({what}): it may need a login or turn programs away; open it in a browser and save the page into seeds/"
        ),
        429 => format!("the site asks to wait before more requests ({what}); try again later"),
        300..=399 => format!(
            "the site redirected more than {MAX_REDIRECTS} times or to nowhere ({what}); open the address in a browser and use the address it ends at"
        ),
        500..=599 => format!("the site failed to answer ({what}); try again later"),
        _ => format!("the site answered {what} instead of the page; check the address"),
    }
}

/// What a failed request means for the editor.
fn describe(e: &ureq::Error, host: &str, timeout: Duration) -> String {
    match e {
        // The system's resolver says so in words only.
        ureq::Error::Io(io) if io.to_string().contains("failed to lookup address") => format!(
            "no such host: {host}; check the address for a typo, and that this computer is online"
        ),
        ureq::Error::HostNotFound => format!(
            "no such host: {host}; check the address for a typo, and that this computer is online"
        ),
        ureq::Error::Timeout(_) => format!(
            "timed out after {} s; try again later, or open the page in a browser and save it into seeds/",
            timeout.as_secs()
        ),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => format!(
            "redirected more than {MAX_REDIRECTS} times; open the address in a browser and use the address it ends at"
        ),
        ureq::Error::BodyExceedsLimit(_) => too_large(),
        ureq::Error::ConnectionFailed => format!(
            "could not connect to {host}; check the address, and that this computer is online"
        ),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => format!(
            "{host} refused the connection; check the address (and its port), or try again later"
        ),
        ureq::Error::Tls(why) => format!(
            "the secure connection to {host} failed ({why}); check the address, or open it in a browser and save the page into seeds/"
        ),
        other => format!("could not fetch it ({other}); check the address and try again"),
    }
}

/// The host of an absolute address, for messages.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority
        .rsplit('@')
        .next()
        .unwrap_or(authority)
        .to_string()
}

/// Saves `page` as `seeds/<slug>.html`: the name comes from its address,
/// and a file of that name saved from another address keeps its name (the
/// new one gets `-2`, `-3`, …).
pub fn save(root: &Path, page: &Page) -> Result<Saved, String> {
    let bytes = saved_page(page);
    let base = seed_name(&page.url);
    let dir = root.join(SEEDS_DIR);
    for n in 1.. {
        let name = if n == 1 {
            format!("{base}.html")
        } else {
            format!("{base}-{n}.html")
        };
        let path = dir.join(&name);
        let seed = format!("{SEEDS_DIR}/{name}");
        let action = match std::fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => super::Action::Created,
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
            Ok(old) if old == bytes => super::Action::Unchanged,
            Ok(old)
                if meta::saved_from(&String::from_utf8_lossy(&old[..old.len().min(2048)]))
                    .as_deref()
                    == Some(page.url.as_str()) =>
            {
                super::Action::Updated
            }
            Ok(_) => continue,
        };
        if action != super::Action::Unchanged {
            fs::write_atomic(&path, &bytes).map_err(|e| e.to_string())?;
        }
        return Ok(Saved {
            seed,
            url: page.url.clone(),
            action,
        });
    }
    unreachable!("some name is free")
}

/// The page's bytes with the address it came from in the first line, and
/// the charset the site named, where the page itself does not say it.
pub fn saved_page(page: &Page) -> Vec<u8> {
    let mut body: Vec<u8> = page.bytes.clone();
    // A page with a byte-order mark is stored as UTF-8, so that the line
    // before it can be read.
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&body) {
        body = encoding
            .decode_without_bom_handling(&body[bom..])
            .0
            .into_owned()
            .into_bytes();
    } else if let Some(charset) = &page.charset {
        let named = encoding_rs::Encoding::for_label(charset.as_bytes());
        if named.is_some() && html::decode::declared(&body) != named {
            let tag = format!(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\">",
                named.map_or(charset.as_str(), |e| e.name())
            );
            body = insert_in_head(&body, tag.as_bytes());
        }
    }
    let url = &page.url;
    let mut out = format!("<!-- saved from url=({:04}){url} -->\n", url.len()).into_bytes();
    out.extend_from_slice(&body);
    out
}

/// `tag` right after the page's `<head>`, or first if it has none early on.
fn insert_in_head(body: &[u8], tag: &[u8]) -> Vec<u8> {
    let head = &body[..body.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"<head")
        .and_then(|i| memchr::memchr(b'>', &lower[i..]).map(|e| i + e + 1))
        .unwrap_or(0);
    [&body[..at], tag, &body[at..]].concat()
}

/// A file name for the page at `url`: its last path segment with words in
/// it (`/news/tokayev-meets-aliyev-834512.html` → `tokayev-meets-aliyev-834512`),
/// the host before a segment that says nothing (`index.php?id=7` →
/// `example-org-index-7`).
pub fn seed_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or("").trim_start_matches("www.");
    let decoded = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let last = parts
        .map(|s| {
            decoded(
                s.rsplit_once('.')
                    .map_or(s, |(stem, ext)| if ext.len() <= 5 { stem } else { s }),
            )
        })
        .rfind(|s| s.chars().any(char::is_alphabetic));
    const SAYS_NOTHING: &[&str] = &[
        "index", "default", "article", "news", "view", "show", "page", "story", "item", "post",
        "read",
    ];
    let query_digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let name = match last {
        Some(s) if !SAYS_NOTHING.contains(&s.to_ascii_lowercase().as_str()) => {
            format!("{s} {query_digits}")
        }
        Some(s) => format!("{host} {s} {query_digits}"),
        None => format!("{host} {query_digits}"),
    };
    match crate::text::slugify(&name, "en", 80) {
        s if s.is_empty() => "page".to_string(),
        s => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_address() {
        for (url, want) in [
            (
                "https://apa.az/en/foreign-policy/kazakhstan-and-azerbaijan-sign-deal-834512",
                "kazakhstan-and-azerbaijan-sign-deal-834512",
            ),
            (
                "https://www.example.org/news/tokayev-meets-aliyev.html?utm=x",
                "tokayev-meets-aliyev",
            ),
            ("http://example.org/index.php?id=7", "example-org-index-7"),
            ("https://example.org/", "example-org"),
            ("https://kazinform.kz/news/2023/11/24/", "kazinform-kz-news"),
            (
                "https://ru.example.kz/%D0%BF%D1%80%D0%B5%D0%B7%D0%B8%D0%B4%D0%B5%D0%BD%D1%82",
                "prezident",
            ),
        ] {
            assert_eq!(seed_name(url), want, "{url}");
        }
    }

    #[test]
    fn the_address_and_the_sites_charset_are_recorded() {
        let page = Page {
            url: "https://example.org/a".into(),
            charset: Some("windows-1251".into()),
            bytes: b"<html><head><title>T</title></head></html>".to_vec(),
        };
        let saved = String::from_utf8(saved_page(&page)).unwrap();
        assert_eq!(
            saved,
            "<!-- saved from url=(0021)https://example.org/a -->\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>T</title></head></html>"
        );
        assert_eq!(
            meta::saved_from(&saved).as_deref(),
            Some("https://example.org/a")
        );
        // A page that names its charset itself is left as it is.
        let page = Page {
            bytes: b"<html><head><meta charset=windows-1251></head></html>".to_vec(),
            ..page
        };
        let saved = saved_page(&page);
        assert!(saved.ends_with(&page.bytes));
    }

    #[test]
    fn failures_say_what_happened_and_what_to_do() {
        let t = Duration::from_secs(30);
        assert_eq!(
            describe(&ureq::Error::HostNotFound, "nosuch.example", t),
            "no such host: nosuch.example; check the address for a typo, and that this computer is online"
        );
        let lookup = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        assert!(
            describe(&ureq::Error::Io(lookup), "nosuch.example", t)
                .starts_with("no such host: nosuch.example;")
        );
        assert!(
            describe(&ureq::Error::TooManyRedirects, "h", t)
                .contains("redirected more than 5 times")
        );
        assert!(
            status_problem(404, Some("Not Found"))
                .starts_with("the site has no such page (404 Not Found)")
        );
        assert!(status_problem(403, Some("Forbidden")).contains("save the page into seeds/"));
        assert_eq!(
            host_of("https://user@example.org:8080/a?b"),
            "example.org:8080"
        );
    }
}
