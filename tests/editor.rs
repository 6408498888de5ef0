//! What editors run: `caspian new` and `caspian check`, with the exact
//! messages they see.

mod common;

use common::*;

#[test]
fn new_writes_front_matter_with_a_transliterated_slug_and_never_overwrites() {
    let site = fixture("site");
    let out = caspian(
        site.path(),
        &[
            "new",
            "Əli Əsədov Bakıda görüşüb",
            "--lang",
            "az",
            "--date",
            "2025-03-03",
            "--topics",
            "energy,culture",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("created content/eli-esedov-bakida-gorusub.md\n"),
        "{}",
        stdout(&out)
    );
    let text = read(site.path(), "content/eli-esedov-bakida-gorusub.md");
    assert!(text.starts_with("---\ntitle: Əli Əsədov Bakıda görüşüb\ndate: 2025-03-03\nlang: az\ntopics: [energy, culture]\n---\n"), "{text}");

    let again = caspian(
        site.path(),
        &["new", "Əli Əsədov Bakıda görüşüb", "--lang", "az"],
    );
    assert!(!again.status.success());
    assert_eq!(
        stderr(&again),
        "error: content/eli-esedov-bakida-gorusub.md already exists; edit it, or choose another title\n"
    );
    assert_eq!(
        read(site.path(), "content/eli-esedov-bakida-gorusub.md"),
        text
    );

    let today = caspian(site.path(), &["new", "Grüße aus Füzuli", "--lang", "de"]);
    assert!(
        stdout(&today).contains("created content/gruesse-aus-fuezuli.md"),
        "{}",
        stdout(&today)
    );
    assert!(stdout(&today).contains("(today; use --date to give the day the story happened)"));
    // A new article builds.
    let check = caspian(site.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn new_without_lang_writes_the_language_of_the_title_and_says_so() {
    // This repository's site.toml: the six languages.
    let site = site(false, false);
    let titles = [
        (
            "Aktau port opens a new ferry terminal",
            "en",
            "aktau-port-opens-a-new-ferry-terminal",
        ),
        (
            "Neues Fährterminal in Aktau eröffnet",
            "de",
            "neues-faehrterminal-in-aktau-eroeffnet",
        ),
        (
            "Aktau limanında yeni bərə terminalı açılıb",
            "az",
            "aktau-limaninda-yeni-bere-terminali-acilib",
        ),
        (
            "Паром «Актау» вышел в первый рейс",
            "ru",
            "parom-aktau-vyshel-v-pervyy-reys",
        ),
        (
            "Ақтау портында жаңа паром терминалы ашылды",
            "kk",
            "aqtau-portynda-zhanga-parom-terminaly-ashyldy",
        ),
        (
            "Aqtau portynda jaña parom terminaly aşyldy",
            "kk",
            "aqtau-portynda-jana-parom-terminaly-asyldy",
        ),
        (
            "Aktau limanında yeni feribot terminali açıldı",
            "tr",
            "aktau-limaninda-yeni-feribot-terminali-acildi",
        ),
    ];
    for (title, lang, slug) in titles {
        let out = caspian(site.path(), &["new", title, "--date", "2024-06-05"]);
        assert!(out.status.success(), "{title}: {}", stderr(&out));
        let said = stdout(&out);
        assert!(
            said.starts_with(&format!("created content/{slug}.md\n  language: {lang} (")),
            "{title}: {said}"
        );
        assert!(said.contains("use --lang to choose another"), "{said}");
        let text = read(site.path(), &format!("content/{slug}.md"));
        assert!(
            text.contains(&format!("\nlang: {lang}\n")),
            "{title}: {text}"
        );
    }
    let said = stdout(&caspian(
        site.path(),
        &[
            "new",
            "Паром «Актау» вернулся в Баку",
            "--date",
            "2024-06-06",
        ],
    ));
    assert_eq!(
        said.lines().nth(1),
        Some("  language: ru (Russian, told by the words \"в\"; use --lang to choose another)"),
        "{said}"
    );
    // --lang wins, and nothing is said about the language.
    let out = caspian(
        site.path(),
        &[
            "new",
            "Паром в Актау",
            "--lang",
            "kk",
            "--date",
            "2024-06-05",
        ],
    );
    assert!(!stdout(&out).contains("language:"), "{}", stdout(&out));
    assert!(read(site.path(), "content/parom-v-aktau.md").contains("\nlang: kk\n"));
    let check = caspian(site.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

/// Real headlines, each with the language a person gave it: `(title, lang)`.
fn corpus_headlines(corpus: &str) -> Vec<(String, String)> {
    let mut pages: Vec<_> = std::fs::read_dir(project().join("tests/corpus").join(corpus))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    pages.sort();
    pages
        .iter()
        .filter_map(|page| {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(page.join("expected.json")).unwrap())
                    .unwrap();
            let title = json["title"].as_str()?.to_string();
            let lang = json["lang"].as_str()?.split('-').next()?.to_lowercase();
            Some((title, lang))
        })
        .collect()
}

#[test]
fn the_language_of_real_headlines_is_told_right_or_not_at_all() {
    let six: Vec<String> = ["en", "de", "az", "ru", "kk", "tr"]
        .map(String::from)
        .to_vec();
    // (corpus, right at least, of): measured when the guess was written.
    for (corpus, floor, of) in [("chronicle", 58, 58), ("readability", 54, 61)] {
        let headlines: Vec<(String, String)> = corpus_headlines(corpus)
            .into_iter()
            .filter(|(_, lang)| six.contains(lang))
            .collect();
        assert_eq!(headlines.len(), of, "{corpus}");
        let mut right = 0;
        for (title, lang) in &headlines {
            match caspian::ingest::short_text::detect(title, &six) {
                Some(guess) if &guess.code == lang => right += 1,
                // Undecided is fine: `new` then takes the site's language and says so.
                None => {}
                Some(guess) => panic!("{corpus}: \"{title}\" is {lang}, not {}", guess.code),
            }
        }
        assert!(
            right >= floor,
            "{corpus}: {right} of {of} headlines right, fewer than {floor}"
        );
    }
}

#[test]
fn check_passes_a_clean_site() {
    let site = fixture("site");
    let out = caspian(site.path(), &["check"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("content/undated.md:2:1: warning: the article is undated;"),
        "{}",
        stderr(&out)
    );
    let strict = caspian(site.path(), &["check", "--deny-warnings"]);
    assert!(
        !strict.status.success(),
        "--deny-warnings makes the undated article fail"
    );
    std::fs::remove_file(site.path().join("content/undated.md")).unwrap();
    let clean = caspian(site.path(), &["check", "--deny-warnings"]);
    assert!(clean.status.success(), "{}", stderr(&clean));
    assert_eq!(stdout(&clean), "all good\n");
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn check_reports_every_problem_in_one_run_with_file_line_and_fix() {
    let site = fixture("site");
    std::fs::remove_file(site.path().join("content/undated.md")).unwrap();
    write(
        site.path(),
        "content/yaml.md",
        "---\ntitle: Broken\nlang: en\ntopics: [energy\ndate: 2024\n---\n\nText.\n",
    );
    write(
        site.path(),
        "content/fields.md",
        "---\ntitel: Typo\ndate: 2024-02-30\nlang: english\n---\n\nText.\n",
    );
    write(
        site.path(),
        "content/names.md",
        "---\ntitle: Names\ndate: 2024\nlang: en\ntopics: [enrgy]\npeople: [ilham-aliev]\nplaces: [paris]\n---\n\nText.\n",
    );
    write(
        site.path(),
        "content/dup-a.md",
        "---\ntitle: A\ndate: 2024\nlang: en\ntopics: [energy]\nslug: same\n---\n\nA.\n",
    );
    write(
        site.path(),
        "content/dup-b.md",
        "---\ntitle: B\ndate: 2024\nlang: en\ntopics: [energy]\nslug: same\n---\n\nB.\n",
    );
    write(
        site.path(),
        "content/links.md",
        "---\ntitle: Links\ndate: 2024\nlang: en\ntopics: [energy]\n---\n\nSee [one](treaty-2005.md#nowhere) and [two](tretay-2005.md).\n\nAnd [three](/topics/nothing/).\n",
    );
    write(
        site.path(),
        "content/bare.md",
        "---\ntitle: Bare\nlang: en\n---\n\nText.\n",
    );
    write(
        site.path(),
        "seeds/waiting.txt",
        "A raw article nobody has ingested yet.\n",
    );

    let out = caspian(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let expected = [
        "content/bare.md:2:1: warning: the article has no topic; add e.g. `topics: [energy]` so readers find it under a topic",
        "content/bare.md:2:1: warning: the article is undated; add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) so it takes its place in the chronology",
        "content/dup-a.md: two articles have the slug \"same\" (content/dup-a.md and content/dup-b.md); rename one file or give it its own `slug:`",
        "content/dup-b.md: two articles have the slug \"same\" (content/dup-a.md and content/dup-b.md); rename one file or give it its own `slug:`",
        "content/fields.md:2:1: unknown front matter key `titel` (did you mean `title`?)",
        "content/fields.md:2:1: the title is missing; add `title: ` and the article's headline",
        "content/fields.md:3:7: malformed date \"2024-02-30\": February has no day 30; write it as YYYY-MM-DD, YYYY-MM or YYYY",
        "content/fields.md:4:7: unknown language \"english\" (did you mean \"en\"?); use an ISO 639-1 code such as en, de, az, ru, kk, tr",
        "content/links.md:8:5: link to \"treaty-2005.md#nowhere\" but treaty-2005.md has no heading with the id \"nowhere\"; its headings are: text-of-the-treaty",
        "content/links.md:8:39: link to \"tretay-2005.md\" but there is no content/tretay-2005.md (did you mean \"treaty-2005.md\"?); fix the file name or remove the link",
        "content/links.md:10:5: link to \"/topics/nothing/\" but the site has no such page; link e.g. /topics/, /chronology/ or another-article.md",
        "content/names.md:5:10: unknown topic \"enrgy\" (did you mean \"energy\"?)",
        "content/names.md:6:10: unknown person \"ilham-aliev\" (did you mean \"ilham-aliyev\"?)",
        "content/names.md:7:10: unknown place \"paris\"; add it to entities.toml under [[places]] with its aliases, or use one of: baku, astana, fuzuli",
        "content/yaml.md:4:1: the front matter ends inside a quoted text or a list: a quote `\"` or a bracket `[` opened on this line is never closed",
        "seeds/waiting.txt: warning: this seed has no article in content/ yet; run `caspian ingest`",
    ];
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    for line in expected {
        assert!(lines.contains(&line), "missing:\n{line}\nin:\n{err}");
    }
    assert!(err.ends_with("13 errors, 3 warnings\n"), "{err}");

    // `build` reports the same diagnostics the same way, and fails.
    let build = caspian(site.path(), &["build"]);
    assert!(!build.status.success());
    for line in expected {
        assert!(stderr(&build).contains(line), "build did not say:\n{line}");
    }
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_content_file_that_is_not_utf8_is_named_with_its_line() {
    let site = fixture("site");
    write(
        site.path(),
        "content/latin1.md",
        b"---\ntitle: Gr\xfc\xdfe\nlang: de\n---\n\nText.\n",
    );
    let out = caspian(site.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("content/latin1.md:2:1: the file is not UTF-8 text; save it as UTF-8"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(site.path().join("content/latin1.md")).unwrap(),
        b"---\ntitle: Gr\xfc\xdfe\nlang: de\n---\n\nText.\n"
    );
}
