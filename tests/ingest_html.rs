//! Saved web pages and web addresses as seeds: `caspian ingest` on a site
//! whose `seeds/` holds `.html` pages (good ones and the bad inputs an
//! editor will meet), and `caspian ingest URL…` against a small HTTP
//! server on 127.0.0.1 that the test starts (no test reaches the internet).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{article_for_seed, caspian, stderr, stdout};

/// A news page as sites make them: menus, a sidebar of links, a footer,
/// and the article with its metadata in the head.
fn news_page(head: &str, lang: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>Kazakhstan and Azerbaijan agree on a Caspian power cable | Caspian Wire</title>
<meta property="og:title" content="Kazakhstan and Azerbaijan agree on a Caspian power cable">
<meta property="og:site_name" content="Caspian Wire">
<link rel="canonical" href="https://caspianwire.example/energy/power-cable">
{head}
<script>var ads = "<div>" + 1;</script><style>.x {{ color: red }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/energy">Energy</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Kazakhstan and Azerbaijan agree on a Caspian power cable</h1>
<p class="byline">By Staff Writer</p>
<p>The presidents of Kazakhstan and Azerbaijan, Kassym-Jomart Tokayev and Ilham Aliyev, agreed in Baku on Tuesday to build an undersea power cable across the Caspian Sea, linking the two countries' electricity grids for the first time.</p>
<p>The cable would carry green energy from wind farms on the Kazakh steppe to Azerbaijan and on to Europe through Georgia and the Black Sea, officials said. Its cost was put at about <strong>two billion dollars</strong>, and the first power could flow in 2029.</p>
<h2>Why it matters</h2>
<p>Europe is looking for <em>renewable energy</em> from beyond Russia, and the <a href="/energy/middle-corridor">Middle Corridor</a> already carries oil, grain and containers across the sea by ferry. The ministers said the cable would follow the same route.</p>
<ul><li>Wind farms in the Mangystau region</li><li>A converter station near Aktau</li><li>A landing point south of Baku</li></ul>
<blockquote><p>This cable is a bridge of energy between our peoples, Aliyev said.</p></blockquote>
<p>Experts cautioned that the depth of the Caspian Sea and the need for agreement among all five coastal states could slow the project, which still needs a feasibility study and financing from international banks.</p>
<img src="/img/cable.jpg" alt="A map of the planned cable across the Caspian Sea">
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Oil prices rise</a></li><li><a href="/b">New ferry line</a></li><li><a href="/c">Football results</a></li></ul></aside>
</main>
<footer><p>© 2024 Caspian Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#
    )
}

fn with_date(lang: &str) -> String {
    news_page(
        r#"<meta property="article:published_time" content="2024-03-05T10:20:00+04:00">"#,
        lang,
    )
}

#[test]
fn a_saved_page_becomes_an_article_that_builds() {
    let site = common::site(false, false);
    common::write(site.path(), "seeds/power-cable.html", with_date("en"));
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("seeds/power-cable.html: created content/kazakhstan-and-azerbaijan-agree-on-a-caspian-power-cable.md"),
        "{}",
        stdout(&out)
    );
    let (_, fm, body) = article_for_seed(site.path(), "seeds/power-cable.html");
    assert_eq!(
        fm.title,
        "Kazakhstan and Azerbaijan agree on a Caspian power cable"
    );
    assert_eq!(fm.date.map(|d| d.iso()).as_deref(), Some("2024-03-05"));
    assert_eq!(fm.lang, "en");
    assert!(fm.topics.contains(&"energy".to_string()), "{:?}", fm.topics);
    assert!(
        fm.people.contains(&"ilham-aliyev".to_string()),
        "{:?}",
        fm.people
    );
    let source = fm.source.unwrap();
    assert_eq!(source.name.as_deref(), Some("Caspian Wire"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://caspianwire.example/energy/power-cable")
    );
    // The body keeps the article's structure, and nothing of the page around it.
    for part in [
        "The presidents of Kazakhstan and Azerbaijan",
        "**two billion dollars**",
        "## Why it matters",
        "*renewable energy*",
        "[Middle Corridor](https://caspianwire.example/energy/middle-corridor)",
        "- Wind farms in the Mangystau region\n- A converter station near Aktau",
        "> This cable is a bridge of energy",
        "A map of the planned cable across the Caspian Sea",
    ] {
        assert!(body.contains(part), "{part:?} not in\n{body}");
    }
    for furniture in [
        "Most read",
        "Football results",
        "All rights reserved",
        "Privacy",
        "var ads",
        "color: red",
    ] {
        assert!(!body.contains(furniture), "{furniture:?} in\n{body}");
    }
    assert!(
        !body.starts_with("# "),
        "the headline is in the front matter, not the body:\n{body}"
    );

    let out = caspian(site.path(), &["build"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    // Ingest again: nothing changes.
    let out = caspian(site.path(), &["ingest"]);
    assert!(stdout(&out).contains("unchanged"), "{}", stdout(&out));
}

#[test]
fn text_and_pages_are_ingested_together_and_check_knows_both() {
    let site = common::site(true, false);
    common::write(site.path(), "seeds/page.htm", with_date("en"));
    let out = caspian(site.path(), &["check"]);
    assert!(
        stderr(&out).contains("seeds/page.htm") && stderr(&out).contains("run `caspian ingest`"),
        "{}",
        stderr(&out)
    );
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let written = caspian::fs::list_files(&site.path().join("content"), "md").unwrap();
    assert_eq!(written.len(), 7, "{}", stdout(&out));
    let out = caspian(site.path(), &["check"]);
    assert!(
        !stderr(&out).contains("run `caspian ingest`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_page_without_a_date_in_its_markup_gets_none_and_a_hint() {
    let site = common::site(false, false);
    let page = news_page("", "en").replace(
        "agreed in Baku on Tuesday",
        "agreed in Baku on 4 March 2024",
    );
    common::write(site.path(), "seeds/undated.html", page);
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let (_, fm, _) = article_for_seed(site.path(), "seeds/undated.html");
    assert_eq!(fm.date, None);
    assert!(
        stdout(&out).contains("the page's markup gives no publication date; add `date:` by hand (its text mentions 2024-03-04"),
        "{}",
        stdout(&out)
    );
}

/// The bad inputs: each gets a clear message or a warning, nothing is
/// half-written, and the good page beside them is ingested all the same.
#[test]
fn bad_pages_are_reported_and_the_others_go_on() {
    let site = common::site(false, false);
    let root = site.path();
    common::write(root, "seeds/good.html", with_date("en"));
    common::write(root, "seeds/picture.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    common::write(
        root,
        "seeds/text.html",
        "Just some words an editor pasted.\nNo markup at all.\n",
    );
    common::write(
        root,
        "seeds/home.html",
        format!(
            "<html lang=\"en\"><head><title>Caspian Wire</title></head><body><ul>{}</ul></body></html>",
            (0..60)
                .map(|i| format!("<li><a href=\"/story/{i}\">Story number {i} of the day</a></li>"))
                .collect::<String>()
        ),
    );
    let mut huge = with_date("en").into_bytes();
    huge.extend(std::iter::repeat_n(b' ', 30 * 1024 * 1024));
    common::write(root, "seeds/huge.html", huge);
    let nested = with_date("en").replace(
        "<p>Experts cautioned",
        &format!(
            "{}<p>Deep down.</p>{}<p>Experts cautioned",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    );
    common::write(root, "seeds/nested.html", nested);
    let lying = with_date("en")
        .replace(
            "The presidents of Kazakhstan and Azerbaijan,",
            "Президенты Казахстана и Азербайджана договорились о строительстве кабеля по дну Каспийского моря. The presidents of Kazakhstan and Azerbaijan,",
        )
        .replace("agree on a Caspian power cable", "agree on a cable");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&lying);
    common::write(root, "seeds/lying.html", &bytes);

    let started = std::time::Instant::now();
    // Three pages hold the same article: kept on purpose, to see each read.
    let keep = ["--keep-duplicate", "seeds/nested.html"];
    let out = caspian(
        root,
        &["ingest", keep[0], keep[1], keep[0], "seeds/lying.html"],
    );
    let elapsed = started.elapsed();
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    for line in [
        "seeds/picture.html: error: is a PNG image, not a web page",
        "seeds/text.html: error: has no HTML markup, so it is not a saved web page; if it is the article's text, rename it to .txt",
        "seeds/home.html: error: no article found in the page",
        "seeds/huge.html: error: is 30.0 MB, more than the 10 MB a saved page may be",
        "seeds/good.html: created content/",
        "seeds/nested.html: created content/",
        "seeds/nested.html: warning: the page's markup nests more than 256 levels deep",
        "seeds/lying.html: created content/",
        "seeds/lying.html: warning: says it is UTF-8 but is not; read it as windows-1251",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    assert!(
        stderr(&out).contains("4 of 7 seeds failed"),
        "{}",
        stderr(&out)
    );
    // The deep page did not take the parser's quadratic time (minutes).
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    let (_, _, body) = article_for_seed(root, "seeds/nested.html");
    assert!(body.contains("Deep down."), "{body}");
    let (_, fm, body) = article_for_seed(root, "seeds/lying.html");
    assert!(body.contains("Президенты Казахстана"), "{body}");
    assert_eq!(fm.lang, "en");
    let written = caspian::fs::list_files(&root.join("content"), "md").unwrap();
    assert_eq!(written.len(), 3, "{text}");
    let out = caspian(root, &["build"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

/// A tiny HTTP/1.1 server for the fetch tests: each path answers as a
/// site might, each connection on its own thread. It lives as long as the
/// test process.
struct Server {
    base: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let page = Arc::new(with_date("en"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (page, log) = (page.clone(), log.clone());
                std::thread::spawn(move || answer(stream, &page, &log));
            }
        });
        Server { base, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The request lines and User-Agents the server has seen.
    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// Answers one request, after noting its request line and User-Agent.
fn answer(mut stream: TcpStream, page: &str, log: &Mutex<Vec<String>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    let _ = reader.read_line(&mut request);
    let mut agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some(ua) = line
            .strip_prefix("user-agent: ")
            .or_else(|| line.strip_prefix("User-Agent: "))
        {
            agent = ua.trim().to_string();
        }
    }
    log.lock()
        .unwrap()
        .push(format!("{} | {agent}", request.trim()));
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let respond = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path.as_str() {
        "/news/power-cable" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            page.as_bytes(),
        ),
        "/cyrillic" => {
            let html = page.replace("<meta charset=\"utf-8\">", "").replace(
                "The presidents of Kazakhstan and Azerbaijan,",
                "Президенты Казахстана и Азербайджана договорились. The presidents of Kazakhstan and Azerbaijan,",
            );
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
            respond(
                &mut stream,
                "200 OK",
                "Content-Type: text/html; charset=windows-1251\r\n",
                &bytes,
            )
        }
        "/moved" => respond(
            &mut stream,
            "301 Moved Permanently",
            "Location: /news/power-cable\r\n",
            b"",
        ),
        p if p.starts_with("/loop") => {
            let n: u32 = p.trim_start_matches("/loop").parse().unwrap_or(0);
            respond(
                &mut stream,
                "302 Found",
                &format!("Location: /loop{}\r\n", n + 1),
                b"",
            )
        }
        "/home" => {
            let links: String = (0..60)
                .map(|i| format!("<li><a href=\"/s/{i}\">Story number {i} of the day</a></li>"))
                .collect();
            let html = format!(
                "<html lang=\"en\"><head><title>Caspian Wire</title></head><body><ul>{links}</ul></body></html>"
            );
            respond(
                &mut stream,
                "200 OK",
                "Content-Type: text/html\r\n",
                html.as_bytes(),
            )
        }
        "/missing" => respond(
            &mut stream,
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<h1>Not found</h1>",
        ),
        "/forbidden" => respond(
            &mut stream,
            "403 Forbidden",
            "Content-Type: text/html\r\n",
            b"<h1>Forbidden</h1>",
        ),
        "/report.pdf" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: application/pdf\r\n",
            b"%PDF-1.4\n",
        ),
        "/huge" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 31457280\r\nConnection: close\r\n\r\n<html>";
            let _ = stream.write_all(head.as_bytes());
        }
        "/endless" => {
            // No length given, and more than a page may be.
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
            let chunk = vec![b'x'; 64 * 1024];
            for _ in 0..(11 * 16) {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/silent" => std::thread::sleep(Duration::from_secs(3)),
        _ => respond(&mut stream, "404 Not Found", "", b""),
    }
}

#[test]
fn an_address_is_fetched_into_seeds_and_ingested() {
    let server = Server::start();
    let site = common::site(false, false);
    let root = site.path();
    let (moved, cyrillic) = (server.url("/moved"), server.url("/cyrillic"));
    // Both addresses serve the same article: kept on purpose, to see each read.
    let keep = ["--keep-duplicate", "seeds/power-cable.html"];
    let out = caspian(root, &["ingest", keep[0], keep[1], &moved, &cyrillic]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{moved}: created seeds/power-cable.html")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{cyrillic}: created seeds/cyrillic.html")),
        "{text}"
    );
    assert!(
        text.contains("seeds/power-cable.html: created content/"),
        "{text}"
    );

    // The page is kept as sent, its final address in the first line.
    let saved = std::fs::read_to_string(root.join("seeds/power-cable.html")).unwrap();
    let final_url = server.url("/news/power-cable");
    assert!(
        saved.starts_with(&format!(
            "<!-- saved from url=({:04}){final_url} -->\n<!DOCTYPE html>",
            final_url.len()
        )),
        "{}",
        &saved[..200]
    );
    let (_, fm, _) = article_for_seed(root, "seeds/power-cable.html");
    assert_eq!(
        fm.title,
        "Kazakhstan and Azerbaijan agree on a Caspian power cable"
    );
    // The page's canonical address wins over where it was fetched.
    assert_eq!(
        fm.source.unwrap().url.as_deref(),
        Some("https://caspianwire.example/energy/power-cable")
    );
    // The site's charset was kept with the page, so ingest reads it right.
    let (_, _, body) = article_for_seed(root, "seeds/cyrillic.html");
    assert!(body.contains("Президенты Казахстана"), "{body}");

    let seen = server.seen();
    let agent = format!("caspian/{}", env!("CARGO_PKG_VERSION"));
    assert!(seen.iter().all(|s| s.contains(&agent)), "{seen:#?}");
    assert_eq!(seen.len(), 3, "{seen:#?}");
}

#[test]
fn failed_fetches_say_why_write_nothing_and_the_rest_goes_on() {
    let server = Server::start();
    let site = common::site(false, false);
    let root = site.path();
    let urls: Vec<String> = [
        "/missing",
        "/forbidden",
        "/report.pdf",
        "/huge",
        "/loop0",
        "/home",
        "/news/power-cable",
    ]
    .iter()
    .map(|p| server.url(p))
    .collect();
    let mut args = vec!["ingest"];
    args.extend(urls.iter().map(String::as_str));
    args.push("ftp://example.org/x");
    let out = caspian(root, &args);
    let text = stdout(&out);
    assert!(!out.status.success(), "{text}");
    for (url, message) in [
        (
            &urls[0],
            "error: the site has no such page (404 Not Found); check the address",
        ),
        (
            &urls[1],
            "error: the site refused to give the page (403 Forbidden)",
        ),
        (
            &urls[2],
            "error: is not a web page: the site sent application/pdf",
        ),
        (&urls[3], "error: is larger than the 10 MB a page may be"),
        (&urls[4], "error: redirected more than 5 times"),
        (
            &urls[5],
            "error: fetched, but not saved: no article found in the page",
        ),
        (&urls[6], "created seeds/power-cable.html"),
    ] {
        assert!(
            text.contains(&format!("{url}: {message}")),
            "{url}: {message:?} not in\n{text}"
        );
    }
    assert!(
        text.contains("ftp://example.org/x: error: is not a web address"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("7 of 8 addresses could not be fetched"),
        "{}",
        stderr(&out)
    );
    let seeds: Vec<_> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(seeds, vec![std::ffi::OsString::from("power-cable.html")]);
    assert!(
        !root
            .join("content")
            .read_dir()
            .unwrap()
            .any(|e| { e.unwrap().file_name().to_string_lossy().starts_with('.') })
    );
}

#[test]
fn a_page_without_a_length_is_cut_off_at_the_limit_and_a_silent_site_times_out() {
    let server = Server::start();
    let err = caspian::ingest::fetch::fetch(&server.url("/endless"), Duration::from_secs(20))
        .unwrap_err();
    assert!(
        err.starts_with("is larger than the 10 MB a page may be"),
        "{err}"
    );
    let err =
        caspian::ingest::fetch::fetch(&server.url("/silent"), Duration::from_secs(1)).unwrap_err();
    assert!(err.starts_with("timed out after 1 s"), "{err}");
}

#[test]
fn fetching_the_same_address_again_keeps_one_seed() {
    let server = Server::start();
    let site = common::site(false, false);
    let url = server.url("/news/power-cable");
    let config = caspian::config::Config::load(site.path()).unwrap();
    let today = caspian::date::PartialDate::ymd(2026, 11, 24).unwrap();
    let fetch = || {
        caspian::ingest::fetch::fetch_into(
            site.path(),
            &url,
            Duration::from_secs(10),
            &config,
            today,
        )
    };
    let first = fetch().unwrap();
    let again = fetch().unwrap();
    assert_eq!(first.seed, "seeds/power-cable.html");
    assert_eq!(again.seed, "seeds/power-cable.html");
    assert_eq!(again.action, caspian::ingest::Action::Unchanged);
    // A page of the same name from another address gets its own file.
    let other = caspian::ingest::fetch::Page {
        url: "https://elsewhere.example/power-cable".into(),
        charset: None,
        bytes: b"<html></html>".to_vec(),
    };
    let saved = caspian::ingest::fetch::save(site.path(), &other).unwrap();
    assert_eq!(saved.seed, "seeds/power-cable-2.html");
    assert!(Path::new(&site.path().join("seeds/power-cable-2.html")).is_file());
}
