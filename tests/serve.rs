//! `caspian serve`: pages served under the base path, an edit visible at
//! once, a broken edit reported while the last good site is still served,
//! and nothing outside the site reachable.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

struct Server {
    child: Child,
    port: u16,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path) -> Server {
    start_with(Command::new(env!("CARGO_BIN_EXE_caspian")).args([
        "--root",
        root.to_str().unwrap(),
        "serve",
        "--port",
        "0",
    ]))
}

fn start_with(command: &mut Command) -> Server {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving ") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let after_scheme = url.trim_start_matches("http://");
    let (host, path) = after_scheme.split_once('/').unwrap();
    let port = host.rsplit(':').next().unwrap().parse().unwrap();
    Server {
        child,
        port,
        base: format!("/{path}"),
    }
}

/// A raw HTTP/1.1 GET, so that paths reach the server exactly as written.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        if ok() {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("timed out waiting for {what}");
}

const ARTICLE: &str = "content/summit-2023.md";

#[test]
fn serves_the_site_under_its_base_path_with_live_reload() {
    let site = fixture("site");
    let server = start(site.path());
    assert_eq!(server.base, "/fixture/");
    let (status, body) = get(server.port, "/fixture/articles/summit-2023/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Presidents meet in Baku</h1>"));
    assert!(body.contains("caspian serve: live reload"));
    assert!(body.contains("href=\"/fixture/topics/energy/\""));
    assert_eq!(get(server.port, "/fixture/").0, 200);
    assert_eq!(get(server.port, "/fixture/search/index.json").0, 200);
    assert_eq!(get(server.port, "/fixture/search/docs/0.json").0, 200);
    // "baku": a bucket of the index.
    assert_eq!(get(server.port, "/fixture/search/words/6261.json").0, 200);
    assert_eq!(get(server.port, "/fixture/search/places/baku.json").0, 200);
    assert_eq!(get(server.port, "/fixture/assets/style.css").0, 200);
    assert_eq!(get(server.port, "/fixture/no/such/page/").0, 404);
}

#[test]
fn an_edit_is_served_at_once_and_a_broken_one_keeps_the_last_good_site() {
    let site = fixture("site");
    let server = start(site.path());
    let page = "/fixture/articles/summit-2023/";
    let original = read(site.path(), ARTICLE);

    write(
        site.path(),
        ARTICLE,
        original.replace(
            "title: Presidents meet in Baku",
            "title: Presidents meet again",
        ),
    );
    let took = wait_for("the edit", || {
        get(server.port, page)
            .1
            .contains("<h1>Presidents meet again</h1>")
    });
    assert!(took < Duration::from_secs(5), "{took:?}");

    write(
        site.path(),
        ARTICLE,
        original.replace("date: 2023-11-24", "date: 2023-11-31"),
    );
    wait_for("the error", || {
        get(server.port, "/__caspian/status")
            .1
            .contains("malformed date")
    });
    let (_, status) = get(server.port, "/__caspian/status");
    assert!(
        status.contains(r#"content/summit-2023.md:3:7: malformed date \"2023-11-31\": November has no day 31; write it as YYYY-MM-DD"#),
        "{status}"
    );
    let (code, body) = get(server.port, page);
    assert_eq!(code, 200, "the last good site is still served");
    assert!(body.contains("<h1>Presidents meet again</h1>"));

    write(site.path(), ARTICLE, &original);
    wait_for("the fix", || {
        get(server.port, "/__caspian/status")
            .1
            .contains("\"error\":null")
    });
    assert!(
        get(server.port, page)
            .1
            .contains("<h1>Presidents meet in Baku</h1>")
    );
}

#[test]
fn nothing_outside_the_site_is_served() {
    let site = fixture("site");
    let server = start(site.path());
    for path in [
        "/fixture/../site.toml",
        "/fixture/%2e%2e/site.toml",
        "/fixture/..%2fsite.toml",
        "/fixture/%2E%2E/%2E%2E/etc/passwd",
        "/fixture/%2fetc%2fpasswd",
        "/fixture//etc/passwd",
        "/fixture/content/summit-2023.md",
        "/fixture/..%5csite.toml",
        "/etc/passwd",
        "/site.toml",
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("base_url"), "{path} leaked a file");
    }
}

#[test]
fn serve_survives_files_deleted_renamed_half_written_and_saved_many_times_a_second() {
    let site = fixture("site");
    let root = site.path();
    let mut server = start(root);
    let index = "/fixture/";
    let original = read(root, ARTICLE);
    let german = read(root, "content/gipfel-2023.md");
    let alive = |server: &mut Server| server.child.try_wait().unwrap().is_none();

    std::thread::scope(|scope| {
        // An editor saving one article 25 times a second for two seconds,
        // each time the same length, the way a save-on-type editor does.
        // Another saves as some editors do: the old file renamed to a
        // backup, the new one written, the backup deleted.
        let german = &german;
        let editor = scope.spawn(move || {
            for i in 0..50 {
                let title = format!("title: Edit {i:02}");
                write(
                    root,
                    ARTICLE,
                    original.replace("title: Presidents meet in Baku", &title),
                );
                let backup = root.join("content/gipfel-2023.md~");
                std::fs::rename(root.join("content/gipfel-2023.md"), &backup).unwrap();
                let title = format!("title: Gipfel {i:02}");
                write(
                    root,
                    "content/gipfel-2023.md",
                    german.replace("title: Präsidenten treffen sich in Baku", &title),
                );
                std::fs::remove_file(&backup).unwrap();
                std::thread::sleep(Duration::from_millis(40));
            }
        });
        std::fs::remove_file(root.join("content/month-only.md")).unwrap();
        std::fs::rename(
            root.join("content/year-only.md"),
            root.join("content/culture-days.md"),
        )
        .unwrap();
        // Half of a new article, its front matter not yet closed: an error
        // while it lasts, and the last good site is served meanwhile.
        write(
            root,
            "content/half.md",
            "---\ntitle: Half an article\nlang: en\ntopics: [ene",
        );
        wait_for("the half-written article's error", || {
            assert_eq!(
                get(server.port, index).0,
                200,
                "the site is served all along"
            );
            get(server.port, "/__caspian/status")
                .1
                .contains("content/half.md:1:1: the front matter is never closed")
        });
        write(
            root,
            "content/half.md",
            "---\ntitle: Half an article\nlang: en\ntopics: [energy]\ndate: 2024-01-02\n---\n\nNow whole.\n",
        );
        while !editor.is_finished() {
            assert_eq!(
                get(server.port, index).0,
                200,
                "the site is served all along"
            );
            let status = get(server.port, "/__caspian/status").1;
            assert!(
                !status.contains("cannot read"),
                "a file between two saves is no error: {status}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    });
    assert!(alive(&mut server), "serve is still running");

    // The editor saves the English article, then the German one: a rebuild
    // may fall between the two, and the one after the last save shows both.
    wait_for("the last save of both articles", || {
        get(server.port, "/fixture/articles/summit-2023/")
            .1
            .contains("<h1>Edit 49</h1>")
            && get(server.port, "/fixture/articles/gipfel-2023/")
                .1
                .contains("<h1>Gipfel 49</h1>")
    });
    assert!(
        get(server.port, "/__caspian/status")
            .1
            .contains("\"error\":null")
    );
    let (code, page) = get(server.port, "/fixture/articles/half/");
    assert_eq!(code, 200);
    assert!(page.contains("Now whole."));
    assert_eq!(get(server.port, "/fixture/articles/culture-days/").0, 200);
    assert_eq!(get(server.port, "/fixture/articles/year-only/").0, 404);
    assert_eq!(get(server.port, "/fixture/articles/month-only/").0, 404);
    assert_eq!(get(server.port, index).0, 200);
    assert!(alive(&mut server), "serve is still running");
}

#[test]
fn an_edit_is_seen_when_serve_runs_in_the_site_folder() {
    let site = fixture("site");
    let server = start_with(
        Command::new(env!("CARGO_BIN_EXE_caspian"))
            .current_dir(site.path())
            .args(["serve", "--port", "0"]),
    );
    let original = read(site.path(), ARTICLE);
    write(
        site.path(),
        ARTICLE,
        original.replace("title: Presidents meet in Baku", "title: Seen from here"),
    );
    wait_for("the edit", || {
        get(server.port, "/fixture/articles/summit-2023/")
            .1
            .contains("<h1>Seen from here</h1>")
    });
}
