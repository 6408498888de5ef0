//! `language` in `site.toml` picks the interface: the fixture site built in
//! Russian and in Kazakh leaves no English string of the interface in the
//! chrome of any page (the parts marked with the interface's `lang`), says
//! its dates and counts in that language, and keeps each article's own
//! `lang` on the article's text; a site's `i18n/<code>.toml` overrides one
//! string, and `check` names what a file for a new language lacks.

mod common;

use std::collections::BTreeMap;

use common::*;

const SUB: &str = "https://user.github.io/repo/";

/// The fixture site with `language = "<lang>"`.
fn site_in(lang: &str) -> tempfile::TempDir {
    let site = fixture("site");
    let toml = read(site.path(), "site.toml")
        .replace("language = \"en\"", &format!("language = \"{lang}\""));
    write(site.path(), "site.toml", toml);
    site
}

/// The strings of a built-in file: plain ones and every form of the
/// counted ones, by key.
fn strings(lang: &str) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(project().join(format!("i18n/{lang}.toml"))).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for (key, value) in &table {
        match value {
            toml::Value::String(s) => {
                out.insert(key.clone(), vec![s.clone()]);
            }
            toml::Value::Table(t) if key == "plural" => {
                for (k, forms) in t {
                    let forms = forms.as_table().unwrap();
                    out.insert(
                        format!("plural.{k}"),
                        forms
                            .values()
                            .map(|v| v.as_str().unwrap().to_string())
                            .collect(),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// The pieces of English that must not be left in a page's chrome: every
/// part between placeholders of each English string that the other
/// language says otherwise, five characters or longer.
fn english_pieces(lang: &str) -> Vec<String> {
    let english = strings("en");
    let other = strings(lang);
    let mut pieces = Vec::new();
    for (key, values) in &english {
        if other.get(key) == Some(values) || key.starts_with("date_") {
            continue;
        }
        for value in values {
            for piece in value.split(['{', '}']).step_by(2) {
                let piece = piece.trim_matches(|c: char| c.is_whitespace() || ",.:;()".contains(c));
                if piece.chars().count() >= 5 {
                    pieces.push(piece.to_string());
                }
            }
        }
    }
    pieces.sort();
    pieces.dedup();
    pieces
}

/// The chrome of a page: the text (and the labels and placeholders) of
/// every element whose nearest `lang` is the interface's, outside scripts.
fn chrome(doc: &scraper::Html, lang: &str) -> String {
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        let Some(parent) = node.parent().and_then(scraper::ElementRef::wrap) else {
            continue;
        };
        let own = std::iter::once(parent)
            .chain(parent.ancestors().filter_map(scraper::ElementRef::wrap))
            .find_map(|e| e.value().attr("lang"));
        if own != Some(lang) || matches!(parent.value().name(), "script" | "style" | "title") {
            continue;
        }
        if let Some(text) = node.value().as_text() {
            out.push_str(text);
            out.push('\n');
        }
        if let Some(e) = scraper::ElementRef::wrap(node) {
            for attr in ["aria-label", "placeholder"] {
                if let Some(v) = e.value().attr(attr) {
                    out.push_str(v);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// The English pieces of `lang`'s strings found in the chrome of each page.
fn english_in_chrome(
    files: &BTreeMap<String, Vec<u8>>,
    lang: &str,
    chrome_lang: &str,
) -> Vec<String> {
    let pieces = english_pieces(lang);
    let mut found = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        let chrome = chrome(&doc, chrome_lang);
        assert!(
            !chrome.trim().is_empty(),
            "{path} has no chrome in {chrome_lang}"
        );
        found.extend(
            pieces
                .iter()
                .filter(|p| chrome.contains(p.as_str()))
                .map(|p| format!("{path}: {p:?}")),
        );
    }
    found
}

#[test]
fn the_check_finds_the_english_interface_in_english() {
    // The test below can fail: built in English, the chrome is full of
    // the pieces it looks for.
    let site = site_in("en");
    let files = build(site.path(), SUB);
    let found = english_in_chrome(&files, "ru", "en");
    assert!(found.len() > 100, "{found:?}");
    assert!(found.iter().any(|f| f.ends_with("\"Related articles\"")));
}

fn no_english_left(lang: &str) -> BTreeMap<String, Vec<u8>> {
    let site = site_in(lang);
    let files = build(site.path(), SUB);
    assert!(english_pieces(lang).len() > 50);
    assert!(files.keys().filter(|p| p.ends_with(".html")).count() > 20);
    assert_eq!(
        english_in_chrome(&files, lang, lang),
        Vec::<String>::new(),
        "English left in the {lang} interface"
    );
    files
}

#[test]
fn a_russian_interface_leaves_no_english_in_the_chrome() {
    let files = no_english_left("ru");
    let home = html(&files, "index.html");
    assert_eq!(attrs(&home, "html", "lang"), ["ru"]);
    assert_eq!(
        texts(&home, ".site-nav a"),
        [
            "Главная",
            "Темы",
            "Хроника",
            "Люди",
            "Места",
            "Языки",
            "Поиск"
        ]
    );
    // A day's date in the genitive, a month alone in the nominative.
    let dates = texts(&home, ".card-meta time");
    assert!(
        dates.contains(&"24 ноября 2023 г.".to_string()),
        "{dates:?}"
    );
    assert!(dates.contains(&"март 2024".to_string()), "{dates:?}");
    for iso in attrs(&home, ".card-meta time", "datetime") {
        assert!(
            iso.len() >= 4 && iso.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
            "machine dates stay ISO: {iso}"
        );
    }
    // Counts take Russian plural forms.
    let languages = html(&files, "languages/index.html");
    assert_eq!(
        texts(&languages, ".language-list .count"),
        ["4 статьи", "1 статья", "1 статья"]
    );
    let topics = html(&files, "topics/index.html");
    assert!(texts(&topics, ".count").iter().all(|c| c.contains("стат")));
    // An article page: the article's language on the page, the
    // interface's on its chrome.
    let article = html(&files, "articles/gipfel-2023/index.html");
    assert_eq!(attrs(&article, "html", "lang"), ["de"]);
    assert_eq!(attrs(&article, ".site-header", "lang"), ["ru"]);
    assert_eq!(attrs(&article, ".article-header .meta", "lang"), ["ru"]);
    let meta = texts(&article, ".article-header .meta")[0].clone();
    assert!(
        meta.contains("мин чтения") && meta.contains("немецкий"),
        "{meta}"
    );
    // The search page's script speaks Russian too.
    let search = String::from_utf8_lossy(&files["search/index.html"]).into_owned();
    assert!(search.contains("Загружается указатель"), "data-strings");
}

#[test]
fn a_kazakh_interface_leaves_no_english_in_the_chrome() {
    let files = no_english_left("kk");
    let home = html(&files, "index.html");
    assert_eq!(attrs(&home, "html", "lang"), ["kk"]);
    let dates = texts(&home, ".card-meta time");
    assert!(
        dates.contains(&"2023 жылғы 24 қараша".to_string()),
        "{dates:?}"
    );
    let chronology = html(&files, "chronology/2024/index.html");
    assert!(
        texts(&chronology, "h2.month-h").contains(&"2024 жылғы наурыз".to_string()),
        "{:?}",
        texts(&chronology, "h2")
    );
}

#[test]
fn a_site_file_changes_one_string_and_check_names_what_a_new_language_lacks() {
    let site = site_in("ru");
    write(site.path(), "i18n/ru.toml", "nav_topics = \"Рубрики\"\n");
    let files = build(site.path(), SUB);
    let home = html(&files, "index.html");
    assert_eq!(texts(&home, ".site-nav a")[1], "Рубрики");
    assert_eq!(texts(&home, ".site-nav a")[3], "Люди", "the rest built in");

    let site = site_in("fr");
    let out = caspian(site.path(), &["check"]);
    assert!(
        stderr(&out).contains("i18n/fr.toml: warning: the interface is in English"),
        "{}",
        stderr(&out)
    );
    write(
        site.path(),
        "i18n/fr.toml",
        "nav_home = \"Accueil\"\nnav_hom = \"x\"\n",
    );
    let out = caspian(site.path(), &["check"]);
    let err = stderr(&out);
    assert!(
        err.contains("i18n/fr.toml: warning: ")
            && err.contains("shown in English, which this file does not give: ")
            && err.contains("nav_topics"),
        "{err}"
    );
    assert!(
        err.contains("i18n/fr.toml:2:1: warning: unknown key `nav_hom` (did you mean `nav_home`?)"),
        "{err}"
    );
    let files = build(site.path(), SUB);
    assert_eq!(
        texts(&html(&files, "index.html"), ".site-nav a")[0],
        "Accueil"
    );

    write(site.path(), "i18n/fr.toml", "nav_home = \n");
    let out = caspian(site.path(), &["check"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("i18n/fr.toml:1:"), "{}", stderr(&out));
}

#[test]
fn every_string_a_template_asks_for_is_in_the_english_file() {
    let en = strings("en");
    let word = regex::Regex::new(r"(?:^|[^\w.])t\.(\w+)").unwrap();
    // A key the template puts together ("articles_naming_" ~ kind) is left out.
    let counted = regex::Regex::new(r#"plural\(key="(\w+)","#).unwrap();
    let mut asked = 0;
    for file in caspian::fs::list_files(&project().join("templates"), "html").unwrap() {
        let text = std::fs::read_to_string(&file).unwrap();
        for c in word.captures_iter(&text) {
            asked += 1;
            assert!(en.contains_key(&c[1]), "{}: t.{}", file.display(), &c[1]);
        }
        for c in counted.captures_iter(&text) {
            asked += 1;
            let key = format!("plural.{}", &c[1]);
            assert!(en.contains_key(&key), "{}: {key}", file.display());
        }
    }
    assert!(asked > 80, "{asked}");
}
