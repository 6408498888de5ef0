//! Bad input in content/, the configuration and the templates: each is
//! either accepted as if it were clean, or rejected with a message that
//! names the file (and line) and says what to do, while the site built
//! before stays byte for byte as it was and no content file changes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

/// A built fixture site, and what its public/ and content/ hold.
struct Built {
    site: tempfile::TempDir,
    public: BTreeMap<String, Vec<u8>>,
}

fn built_site() -> Built {
    let site = fixture("site");
    let public = build(site.path(), SUB);
    Built { site, public }
}

impl Built {
    fn root(&self) -> &Path {
        self.site.path()
    }

    /// Runs `build`, which must fail; returns its stderr after checking that
    /// public/ and content/ are as they were.
    fn build_fails(&self) -> String {
        let content = tree(&self.root().join("content"));
        let out = caspian(self.root(), &["build", "--base-url", SUB]);
        let err = stderr(&out);
        assert!(!out.status.success(), "the build should fail:\n{err}");
        assert!(
            err.contains("nothing was written, the previous site is unchanged")
                || err.starts_with("error: "),
            "{err}"
        );
        assert!(
            tree(&self.root().join("public")) == self.public,
            "public/ changed"
        );
        assert!(
            tree(&self.root().join("content")) == content,
            "content/ changed"
        );
        err
    }
}

fn assert_lines(err: &str, expected: &[&str]) {
    let lines: Vec<&str> = err.lines().collect();
    for line in expected {
        assert!(lines.contains(line), "missing:\n{line}\nin:\n{err}");
    }
}

fn article(extra: &str, body: &str) -> String {
    format!("---\ntitle: A\ndate: 2024-01-01\nlang: en\ntopics: [energy]\n{extra}---\n\n{body}")
}

#[test]
fn broken_content_files_are_each_named_located_and_explained() {
    let b = built_site();
    let root = b.root();
    let mut laughs =
        String::from("title: T\nlang: en\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 9].join(", ");
        laughs.push_str(&format!("b{i}: &b{i} [{refs}]\n"));
    }
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("content/empty.md", Vec::new()),
        (
            "content/unclosed.md",
            b"---\ntitle: A\nlang: en\n\nText.\n".to_vec(),
        ),
        ("content/no-front-matter.md", b"Just text.\n".to_vec()),
        (
            "content/quote.md",
            b"---\ntitle: \"Half quoted\nlang: en\n---\n\nText.\n".to_vec(),
        ),
        (
            "content/tab.md",
            b"---\ntitle: A\n\tlang: en\n---\n\nText.\n".to_vec(),
        ),
        ("content/nul.md", article("", "Te\0xt.\n").into_bytes()),
        (
            "content/photo.md",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec(),
        ),
        (
            "content/huge.md",
            article(
                "",
                &"Die Präsidenten trafen sich in Baku. ".repeat(20 * 1024 * 1024 / 38),
            )
            .into_bytes(),
        ),
        (
            "content/day-first.md",
            article("", "Text.\n")
                .replace("2024-01-01", "24/11/2023")
                .into_bytes(),
        ),
        (
            "content/no-such-day.md",
            article("", "Text.\n")
                .replace("2024-01-01", "2023-02-30")
                .into_bytes(),
        ),
        (
            "content/topic-text.md",
            article("", "Text.\n")
                .replace("[energy]", "energy, culture")
                .into_bytes(),
        ),
        (
            "content/climb.md",
            article("slug: ../../x\n", "Text.\n").into_bytes(),
        ),
        (
            "content/absolute.md",
            article("slug: /etc/passwd\n", "Text.\n").into_bytes(),
        ),
        (
            "content/dot.md",
            article("slug: \".\"\n", "Text.\n").into_bytes(),
        ),
        (
            "content/device.md",
            article("slug: con\n", "Text.\n").into_bytes(),
        ),
        ("content/aux.md", article("", "Text.\n").into_bytes()),
        (
            "content/long.md",
            article(&format!("slug: {}\n", "a".repeat(300)), "Text.\n").into_bytes(),
        ),
        (
            "content/laughs.md",
            format!("---\n{laughs}---\n\nText.\n").into_bytes(),
        ),
        (
            "content/nested.md",
            article(
                &format!("people: {}{}\n", "[".repeat(200), "]".repeat(200)),
                "Text.\n",
            )
            .into_bytes(),
        ),
        (
            "content/nested-long.md",
            article(
                &format!("people: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
                "Text.\n",
            )
            .into_bytes(),
        ),
        (
            "content/script-source.md",
            article("source:\n  url: \"javascript:alert(1)\"\n", "Text.\n").into_bytes(),
        ),
        ("content/2023/same.md", article("", "One.\n").into_bytes()),
        ("content/2024/same.md", article("", "Two.\n").into_bytes()),
    ];
    for (path, bytes) in &files {
        write(root, path, bytes);
    }
    std::os::unix::fs::symlink("loop.md", root.join("content/loop.md")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", root.join("content/outside.md")).unwrap();

    let err = b.build_fails();
    let link = "this is a symbolic link; caspian reads only real files in content/ (a link can lead outside the site, or in a circle): put the file itself here";
    let expected = [
        "content/empty.md:1:1: the file is empty; write the front matter (a line `---`, then `title: ...`, `date: ...`, `lang: ...`, and another `---`) and the article under it, or delete the file".to_string(),
        "content/unclosed.md:1:1: the front matter is never closed; add a line `---` after its last key".into(),
        "content/no-front-matter.md:1:1: the file does not start with front matter; put a line `---` first, then `title: ...`, `date: ...`, `lang: ...`, and close it with another `---`".into(),
        "content/quote.md:2:1: the front matter ends inside a quoted text or a list: a quote `\"` or a bracket `[` opened on this line is never closed".into(),
        "content/tab.md:3:1: this line is indented with a tab, which YAML does not allow; indent it with spaces".into(),
        "content/nul.md:8:3: the file holds a NUL character, which text never has: it is damaged or was not saved as text; delete the character (or the file, if it is not an article)".into(),
        "content/photo.md: the file is a PNG image, not an article; move it out of content/ (images and other files for the site go in static/)".into(),
        "content/huge.md: the file is 20.0 MB, more than the 2 MB an article may be; split it into several articles, or check that it is one article and not an archive".into(),
        "content/day-first.md:3:7: malformed date \"24/11/2023\": the day comes first; in this form it is 2023-11-24; write it as YYYY-MM-DD, YYYY-MM or YYYY".into(),
        "content/no-such-day.md:3:7: malformed date \"2023-02-30\": February has no day 30; write it as YYYY-MM-DD, YYYY-MM or YYYY".into(),
        "content/topic-text.md:5:1: `topics` is written as one text; make it a list: `topics: [energy, culture]`".into(),
        "content/climb.md:6:7: slug \"../../x\" may hold only a-z, 0-9 and single hyphens; e.g. `slug: x`".into(),
        "content/absolute.md:6:7: slug \"/etc/passwd\" may hold only a-z, 0-9 and single hyphens; e.g. `slug: etc-passwd`".into(),
        "content/dot.md:6:8: slug \".\" may hold only a-z, 0-9 and single hyphens; e.g. `slug: a-short-name`".into(),
        "content/device.md:6:7: the slug \"con\" is a name Windows keeps for a device, so the site could not be copied to a Windows computer; choose another `slug:`".into(),
        "content/aux.md: the file name gives the address; the slug \"aux\" is a name Windows keeps for a device, so the site could not be copied to a Windows computer: rename the file or add a `slug:`".into(),
        format!("content/long.md:6:7: the slug \"{}…\" is 300 characters long, more than the 100 an address may have; choose another `slug:`", "a".repeat(40)),
        "content/laughs.md:2:1: the front matter repeats its aliases (`&name` and `*name`) so often that it grows without end; write the values out instead".into(),
        "content/nested.md:6:136: the front matter is nested too deeply (lists inside lists); a value is a text, a date or a list of texts".into(),
        "content/nested-long.md:2:1: the front matter is 195 KiB, more than the 64 KiB allowed; move long text into the body".into(),
        "content/script-source.md:7:9: the source url \"javascript:alert(1)\" is not a web address; write it as https://... or leave `url:` out".into(),
        "content/2023/same.md: two articles have the slug \"same\" (content/2023/same.md and content/2024/same.md); rename one file or give it its own `slug:`".into(),
        "content/2024/same.md: two articles have the slug \"same\" (content/2023/same.md and content/2024/same.md); rename one file or give it its own `slug:`".into(),
        format!("content/loop.md: {link}"),
        format!("content/outside.md: {link}"),
    ];
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_lines(&err, &expected);
    assert!(
        err.ends_with("25 errors; nothing was written, the previous site is unchanged\n"),
        "{err}"
    );

    // `check` says the same, and writes nothing either.
    let check = caspian(root, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_lines(&stderr(&check), &expected);
}

#[test]
fn front_matter_mistakes_are_told_in_an_editors_words_at_their_own_line() {
    let b = built_site();
    let root = b.root();
    let files = [
        (
            "colon",
            "---\ntitle: Aktau: port opens a terminal\ndate: 2024-06-05\nlang: en\n---\n\nText.\n",
        ),
        (
            "no-space",
            "---\ntitle:Aktau port opens a terminal\ndate: 2024-06-05\nlang: en\n---\n\nText.\n",
        ),
        (
            "tab",
            "---\ntitle: A\nlang: en\ntopics:\n\t- energy\n---\n\nText.\n",
        ),
        (
            "no-dash",
            "---\ntitle: A\nlang: en\ntopics:\n  - energy\n  transport\nplaces: [baku]\n---\n\nText.\n",
        ),
        (
            "twice",
            "---\ntitle: A\ndate: 2024-06-05\nlang: en\ntitle: B\n---\n\nText.\n",
        ),
    ];
    for (name, text) in files {
        write(root, &format!("content/{name}.md"), text);
    }
    let err = b.build_fails();
    assert_lines(
        &err,
        &[
            "content/colon.md:2:13: the title has a colon in it, which YAML takes for the end of a key; put the title in quotes: `title: \"Aktau: port opens a terminal\"`",
            "content/no-space.md:2:7: `title:` needs a space after its colon, or YAML does not see the key; write `title: Aktau port opens a terminal`",
            "content/tab.md:5:1: this line is indented with a tab, which YAML does not allow; indent it with spaces",
            "content/no-dash.md:6:3: \"transport\" is a list item without its dash; write it as `  - transport`",
            "content/twice.md:5:1: `title` is written twice, here and on line 2; keep one of them",
        ],
    );
    assert!(err.contains("5 errors;"), "{err}");
}

#[test]
fn bom_and_crlf_build_exactly_like_the_clean_file() {
    let b = built_site();
    let clean = read(b.root(), "content/summit-2023.md");
    let crlf = clean.replace('\n', "\r\n");
    write(
        b.root(),
        "content/summit-2023.md",
        format!("\u{feff}{crlf}"),
    );
    assert_eq!(build(b.root(), SUB), b.public);
    write(
        b.root(),
        "content/summit-2023.md",
        format!("\u{feff}{clean}"),
    );
    assert_eq!(build(b.root(), SUB), b.public);
    write(b.root(), "content/summit-2023.md", &crlf);
    assert_eq!(build(b.root(), SUB), b.public);
}

#[test]
fn odd_but_harmless_content_builds_with_warnings() {
    let site = fixture("site");
    let root = site.path();
    // Names that are also the site's own folders stay under articles/.
    for name in ["index", "topics", "search", "assets", "feed", "page", "404"] {
        write(
            root,
            &format!("content/{name}.md"),
            article("", &format!("The {name} article.\n")),
        );
    }
    write(root, "content/stub.md", article("", ""));
    write(root, "content/photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF");
    write(root, "content/.draft.md", "not front matter at all");
    let out = caspian(root, &["build", "--base-url", SUB]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_lines(
        &err,
        &[
            "content/stub.md: warning: the article has no text; write it under the front matter",
            "content/photo.jpg: warning: this is not an article (only .md files in content/ are read); move it out of content/ (images and other files for the site go in static/)",
        ],
    );
    assert!(
        !err.contains(".draft.md"),
        "hidden files are not read: {err}"
    );
    let files = tree(&root.join("public"));
    for name in ["index", "topics", "search", "assets", "feed", "page", "404"] {
        let page = html(&files, &format!("articles/{name}/index.html"));
        assert_eq!(texts(&page, ".prose p"), [format!("The {name} article.")]);
    }
    assert_eq!(texts(&html(&files, "topics/index.html"), "h1"), ["Topics"]);
    assert_eq!(texts(&html(&files, "search/index.html"), "h1"), ["Search"]);
    assert!(files.contains_key("assets/style.css"));
    assert_eq!(
        broken_links(&files, "/repo/"),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn static_files_are_copied_but_not_links_nor_hidden_ones() {
    let b = built_site();
    let root = b.root();
    write(root, "static/.git/config", "[core]\n");
    write(root, "static/img/map.svg", "<svg/>");
    let out = caspian(root, &["build", "--base-url", SUB]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = tree(&root.join("public"));
    assert_eq!(files["assets/img/map.svg"], b"<svg/>");
    assert!(
        !files.keys().any(|k| k.contains(".git")),
        "hidden folders are not copied"
    );

    // A link in static/ could copy any file of the machine into the site.
    let b = built_site();
    let root = b.root();
    std::fs::create_dir(root.join("static")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.join("static/passwd")).unwrap();
    let err = b.build_fails();
    assert_eq!(
        err,
        "error: static/passwd: this is a symbolic link; caspian copies only real files from static/ (a link can lead outside the site, or in a circle): put the file itself here\n"
    );
}

#[test]
fn a_missing_site_toml_says_where_to_run() {
    let b = built_site();
    std::fs::remove_file(b.root().join("site.toml")).unwrap();
    let err = b.build_fails();
    assert_eq!(
        err,
        format!(
            "error: there is no site.toml in {}: caspian works in a site's folder (the one with site.toml, content/ and templates/); run it there, or name the folder with --root DIR\n",
            b.root().display()
        )
    );
}

#[test]
fn a_missing_entities_file_is_named_where_site_toml_names_it() {
    let b = built_site();
    std::fs::remove_file(b.root().join("entities.toml")).unwrap();
    assert_eq!(
        b.build_fails(),
        "error: site.toml:7:1: `entities = \"entities.toml\"` names a file that does not exist; create entities.toml (people and places), or correct the name\n"
    );
}

#[test]
fn configuration_mistakes_name_the_file_line_and_nearest_key() {
    let b = built_site();
    let site_toml = read(b.root(), "site.toml");
    let entities = read(b.root(), "entities.toml");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "site.toml",
            site_toml.replace("paginate = 2", "pagniate = 2"),
            "error: site.toml:6:1: unknown key `pagniate` (did you mean `paginate`?)",
        ),
        (
            "site.toml",
            site_toml.replace("paginate = 2", "footer = \"x\""),
            "error: site.toml:6:1: unknown key `footer`; the keys here are title, description, base_url, language, languages, paginate, max_topics, chronology_paginate, page_budget, entities, cname, topics",
        ),
        (
            "site.toml",
            site_toml.replacen("name = \"Energy\"", "nmae = \"Energy\"", 1),
            "error: site.toml:11:1: unknown key `nmae` (did you mean `name`?)",
        ),
        (
            "site.toml",
            site_toml.replacen("name = \"Energy\"\n", "", 1),
            "error: site.toml:9:1: `name` is missing; add a line `name = ...` here",
        ),
        (
            "site.toml",
            site_toml.replacen("name = \"Energy\"", "name = \" \"", 1),
            "error: site.toml:11:8: topic \"energy\" has no name; write the name readers see, e.g. `name = \"Energy\"`",
        ),
        (
            "site.toml",
            site_toml.replacen("slug = \"culture\"", "slug = \"Culture Days\"", 1),
            "error: site.toml:19:8: topic slug \"Culture Days\" is not a unique slug of a-z, 0-9 and hyphens; e.g. `slug = \"culture-days\"`",
        ),
        (
            "entities.toml",
            entities.replacen("aliases = [\"Bakı\"", "alias = [\"Bakı\"", 1),
            "error: entities.toml:18:1: unknown key `alias` (did you mean `aliases`?)",
        ),
        (
            "entities.toml",
            entities.replacen("name = \"Baku\"", "name = \"\"", 1),
            "error: entities.toml:15:8: place \"baku\" has no name; write the name readers see after `name =`",
        ),
    ];
    for (file, text, message) in cases {
        write(b.root(), file, &text);
        assert_eq!(b.build_fails(), format!("{message}\n"), "{file}");
        assert_eq!(read(b.root(), file), text, "{file} was changed");
        write(b.root(), "site.toml", &site_toml);
        write(b.root(), "entities.toml", &entities);
    }
}

#[test]
fn template_errors_name_the_sites_template_and_line() {
    let b = built_site();
    let cases = [
        (
            "templates/404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>Lost</h1>\n{% if %}\n{% endblock main %}\n",
            "error: templates/404.html:4:7: Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`; fix the template",
        ),
        (
            "templates/404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>Lost</h1>\n{{ nothing.here }}\n{% endblock main %}\n",
            "error: templates/404.html:4:4: Variable `nothing` is not defined. Available variables: page, site, t; fix the template",
        ),
        (
            "templates/404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title | shout }}\n{% endblock main %}\n",
            "error: templates/404.html:3:17: Unknown filter `shout`; fix the template",
        ),
        (
            "templates/404.html",
            "{% extends \"bass.html\" %}\n",
            "error: templates/404.html: extends \"bass.html\", which is neither a built-in template nor a file in templates/; fix the template",
        ),
        (
            "templates/partials/card.html",
            "<li>\n  {{ card.headline }}\n</li>\n",
            "error: templates/partials/card.html:2:11: Field `headline` is not defined. Available fields: date, excerpt_html, lang, lang_name, summary, title, topics, url (while rendering article.html); fix the template",
        ),
    ];
    for (file, text, message) in cases {
        write(b.root(), file, text);
        assert_eq!(b.build_fails(), format!("{message}\n"), "{file}");
        std::fs::remove_file(b.root().join(file)).unwrap();
    }
    // A link is not followed: it could put any file of the machine in a page.
    std::os::unix::fs::symlink("/etc/hostname", b.root().join("templates/base.html")).unwrap();
    assert_eq!(
        b.build_fails(),
        "error: templates/base.html: this is a symbolic link; caspian reads only real files in templates/ (a link can lead outside the site, or in a circle): put the file itself here\n"
    );
}
