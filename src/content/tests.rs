use super::*;

fn config() -> Config {
    let site = r#"
title = "T"
base_url = "https://x.org/"
languages = ["en", "de"]
entities = "entities.toml"
[[topics]]
slug = "energy"
name = "Energy"
[[topics]]
slug = "transport"
name = "Transport"
"#;
    let entities = "[[people]]\nslug = \"ilham-aliyev\"\nname = \"Ilham Aliyev\"\n[[places]]\nslug = \"baku\"\nname = \"Baku\"\n";
    Config::parse(site, Some((Path::new("entities.toml"), entities))).unwrap()
}

fn messages(text: &str) -> Vec<String> {
    let (_, diags) = Article::parse(Path::new("content/x.md"), text, &config());
    diags.iter().map(ToString::to_string).collect()
}

#[test]
fn a_clean_article_parses_without_diagnostics() {
    let (article, diags) = Article::parse(
        Path::new("content/leaders-meet.md"),
        "---\ntitle: Leaders meet\ndate: 2024-03-11\nlang: en\ntopics: [energy]\npeople: [ilham-aliyev]\nplaces: [baku]\n---\n\nText.\n",
        &config(),
    );
    assert!(diags.is_empty(), "{diags:?}");
    let article = article.unwrap();
    assert_eq!(article.slug, "leaders-meet");
    assert_eq!(article.body_line, 9);
    assert_eq!(article.body, "\nText.\n");
}

#[test]
fn errors_on_unknown_topic_with_suggestion() {
    assert_eq!(
        messages("---\ntitle: T\ndate: 2024\nlang: en\ntopics: [energy, trasnport]\n---\n"),
        ["content/x.md:5:18: unknown topic \"trasnport\" (did you mean \"transport\"?)"]
    );
}

#[test]
fn errors_on_unknown_person_and_place() {
    assert_eq!(
        messages(
            "---\ntitle: T\ndate: 2024\nlang: en\ntopics: [energy]\npeople:\n  - ilham-aliev\nplaces: [paris]\n---\n"
        ),
        [
            "content/x.md:7:5: unknown person \"ilham-aliev\" (did you mean \"ilham-aliyev\"?)",
            "content/x.md:8:10: unknown place \"paris\"; add it to entities.toml under [[places]] with its aliases, or use one of: baku",
        ]
    );
}

#[test]
fn undated_and_topicless_articles_are_warnings() {
    assert_eq!(
        messages("---\ntitle: T\nlang: en\n---\n\nText.\n"),
        [
            "content/x.md:2:1: warning: the article is undated; add `date: YYYY-MM-DD` (or YYYY-MM, YYYY) so it takes its place in the chronology",
            "content/x.md:2:1: warning: the article has no topic; add e.g. `topics: [energy]` so readers find it under a topic",
        ]
    );
}

#[test]
fn a_file_name_that_is_no_slug_is_an_error_with_a_fix() {
    let (_, diags) = Article::parse(
        Path::new("content/Grüße aus Baku.md"),
        "---\ntitle: T\ndate: 2024\nlang: de\ntopics: [energy]\n---\n\nText.\n",
        &config(),
    );
    assert_eq!(
        diags[0].to_string(),
        "content/Grüße aus Baku.md: the file name \"Grüße aus Baku\" cannot be an address; rename the file to \"gruesse-aus-baku.md\" or add `slug: gruesse-aus-baku`"
    );
}

#[test]
fn a_language_outside_the_site_is_a_warning() {
    assert_eq!(
        messages("---\ntitle: T\ndate: 2024\nlang: fr\ntopics: [energy]\n---\n"),
        [
            "content/x.md:4:7: warning: language \"fr\" is not one of the site's languages (en, de); add it to `languages` in site.toml"
        ]
    );
}

#[test]
fn a_file_saved_again_within_the_clock_step_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("content/a.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = |title: &str| {
        format!("---\ntitle: {title}\ndate: 2024-01-01\nlang: en\ntopics: [energy]\n---\n\nText.\n")
    };
    std::fs::write(&path, text("First")).unwrap();
    let mut cache = ArticleCache::default();
    let (articles, _) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(articles[0].meta.title, "First");
    // Saved again, the same length, with the same time: a coarse clock
    // gives two saves within its step the same stamp.
    let when = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, text("Later")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let (articles, _) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(articles[0].meta.title, "Later");
}

#[test]
fn told_what_changed_a_load_reads_only_that() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let text = |title: &str| {
        format!("---\ntitle: {title}\ndate: 2024-01-01\nlang: en\ntopics: [energy]\n---\n\nText.\n")
    };
    for name in ["a", "b", "c"] {
        std::fs::write(content.join(format!("{name}.md")), text(name)).unwrap();
    }
    let titles = |articles: &[Arc<Article>]| -> Vec<String> {
        articles.iter().map(|a| a.meta.title.clone()).collect()
    };
    let mut cache = ArticleCache::default();
    let (first, _) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(titles(&first), ["a", "b", "c"]);

    // b edited, c deleted, d new; e written too, but the watcher did not say.
    std::fs::write(content.join("b.md"), text("b2")).unwrap();
    std::fs::remove_file(content.join("c.md")).unwrap();
    std::fs::write(content.join("d.md"), text("d")).unwrap();
    std::fs::write(content.join("e.md"), text("e")).unwrap();
    cache.changed(
        ["content/b.md", "content/c.md", "content/d.md"]
            .map(PathBuf::from)
            .to_vec(),
    );
    let (second, _) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(titles(&second), ["a", "b2", "d"]);
    // The article that did not change is the very same one.
    assert!(Arc::ptr_eq(&first[0], &second[0]));

    // A change that is not an article file (a folder, a link, an image)
    // sends the load through the whole folder, which finds e.
    std::fs::write(content.join("note.txt"), "x").unwrap();
    cache.changed(vec![PathBuf::from("content/note.txt")]);
    let (third, diags) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(titles(&third), ["a", "b2", "d", "e"]);
    assert!(diags.iter().any(|d| d.path.ends_with("note.txt")));
    // Told nothing, a load looks at every file; the stray is still named.
    std::fs::remove_file(content.join("e.md")).unwrap();
    let (fourth, diags) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(titles(&fourth), ["a", "b2", "d"]);
    // And after a full look, the stray is remembered for incremental loads.
    cache.changed(vec![PathBuf::from("content/a.md")]);
    let (_, again) = cache.load(dir.path(), &config()).unwrap();
    assert_eq!(diags.sorted(), again.sorted());
}

#[test]
fn a_file_deleted_while_the_folder_is_read_is_gone_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let text = "---\ntitle: T\ndate: 2024-01-01\nlang: en\ntopics: [energy]\n---\n\nText.\n";
    for i in 0..50 {
        std::fs::write(content.join(format!("a{i:02}.md")), text).unwrap();
    }
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Files come and go while the folder is read, as in a checkout.
        scope.spawn(|| {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for i in 0..50 {
                    let path = content.join(format!("a{i:02}.md"));
                    let _ = std::fs::remove_file(&path);
                    std::fs::write(&path, text).unwrap();
                }
            }
        });
        for _ in 0..300 {
            let loaded = ArticleCache::default().load(dir.path(), &config());
            if let Err(e) = loaded {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
                panic!("{e}");
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}

#[test]
fn an_article_without_text_is_a_warning() {
    assert_eq!(
        messages("---\ntitle: T\ndate: 2024\nlang: en\ntopics: [energy]\n---\n\n  \n"),
        ["content/x.md: warning: the article has no text; write it under the front matter"]
    );
}

#[test]
fn a_nul_character_is_located() {
    assert_eq!(
        messages("---\ntitle: T\ndate: 2024\nlang: en\n---\n\nTe\0xt.\n"),
        [
            "content/x.md:7:3: the file holds a NUL character, which text never has: it is damaged or was not saved as text; delete the character (or the file, if it is not an article)"
        ]
    );
}
