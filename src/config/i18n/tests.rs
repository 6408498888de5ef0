use super::*;

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

#[test]
fn plural_categories_follow_cldr() {
    let numbers = [0, 1, 2, 5, 11, 21, 22, 25, 101];
    let categories =
        |lang: &str| -> Vec<&str> { numbers.iter().map(|&n| plural_category(lang, n)).collect() };
    assert_eq!(
        categories("ru"),
        [
            "many", "one", "few", "many", "many", "one", "few", "many", "one"
        ]
    );
    for lang in ["en", "de", "az", "tr", "kk"] {
        assert_eq!(
            categories(lang),
            [
                "other", "one", "other", "other", "other", "other", "other", "other", "other"
            ],
            "{lang}"
        );
    }
    assert_eq!(plural_category("ru", 12), "many");
    assert_eq!(plural_category("ru", 14), "many");
    assert_eq!(plural_category("ru", 111), "many");
    assert_eq!(plural_category("ru", 24), "few");
}

#[test]
fn counted_strings_take_the_form_of_their_number() {
    let ru = Strings::builtin("ru");
    let said: Vec<String> = [0, 1, 2, 5, 11, 21, 22, 25, 101]
        .iter()
        .map(|&n| ru.plural("articles", n, &[]))
        .collect();
    assert_eq!(
        said,
        [
            "0 статей",
            "1 статья",
            "2 статьи",
            "5 статей",
            "11 статей",
            "21 статья",
            "22 статьи",
            "25 статей",
            "101 статья"
        ]
    );
    let en = Strings::builtin("en");
    assert_eq!(en.plural("articles", 1, &[]), "1 article");
    assert_eq!(en.plural("articles", 0, &[]), "0 articles");
    assert_eq!(en.plural("page_of", 2, &[("total", "7")]), "page 2 of 7");
    assert_eq!(
        Strings::builtin("kk").plural("articles", 5, &[]),
        "5 мақала"
    );
    assert_eq!(
        Strings::builtin("de").plural("articles", 1, &[]),
        "1 Artikel"
    );
    assert_eq!(
        Strings::builtin("tr").plural("minutes_read", 3, &[]),
        "3 dk okuma"
    );
}

#[test]
fn dates_read_as_each_language_writes_them() {
    let day = date("2025-03-03");
    let said: Vec<(&str, String)> = ["en", "de", "az", "ru", "kk", "tr"]
        .iter()
        .map(|&l| (l, Strings::builtin(l).date(day)))
        .collect();
    assert_eq!(
        said,
        [
            ("en", "3 March 2025".to_string()),
            ("de", "3. März 2025".to_string()),
            ("az", "3 mart 2025".to_string()),
            ("ru", "3 марта 2025 г.".to_string()),
            ("kk", "2025 жылғы 3 наурыз".to_string()),
            ("tr", "3 Mart 2025".to_string()),
        ]
    );
    let month = date("2025-03");
    let said: Vec<String> = ["en", "de", "ru", "kk"]
        .iter()
        .map(|&l| Strings::builtin(l).date(month))
        .collect();
    assert_eq!(
        said,
        ["March 2025", "März 2025", "март 2025", "2025 жылғы наурыз"]
    );
    assert_eq!(Strings::builtin("en").date(date("2023")), "2023");
    assert_eq!(Strings::builtin("ru").date(date("2023")), "2023 г.");
    assert_eq!(
        Strings::builtin("ru").date(date("2023-11-24")),
        "24 ноября 2023 г."
    );
}

#[test]
fn every_builtin_file_gives_every_key_with_its_language_s_forms() {
    let english = Strings::english();
    for (lang, text) in BUILTIN {
        let file: File = toml::from_str(text).unwrap_or_else(|e| panic!("{lang}.toml: {e}"));
        assert_eq!(
            english.missing_in(&file),
            Vec::<String>::new(),
            "{lang}.toml"
        );
        assert_eq!(
            unknown_keys(Path::new("x"), text, &file, &english),
            Vec::new(),
            "{lang}.toml"
        );
        assert_eq!(file.months.as_ref().map(Vec::len), Some(12), "{lang}.toml");
        assert_eq!(
            file.months_of_day.as_ref().map(Vec::len),
            Some(12),
            "{lang}.toml"
        );
        let wanted: &[&str] = if *lang == "ru" {
            &["few", "many", "one"]
        } else {
            &["one", "other"]
        };
        for (key, forms) in &file.plural {
            let have: Vec<&str> = forms.keys().map(String::as_str).collect();
            assert_eq!(have, wanted, "{lang}.toml [plural] {key}");
        }
        // Each language names the six in itself.
        assert_eq!(file.languages.len(), 6, "{lang}.toml [languages]");
    }
}

#[test]
fn a_site_file_overrides_some_keys_and_the_rest_falls_back() {
    let text = "nav_topics = \"Рубрики\"\n[plural]\narticles = { one = \"{n} материал\", few = \"{n} материала\", many = \"{n} материалов\" }\n";
    let strings = Strings::parse("ru", Some((Path::new("i18n/ru.toml"), text))).unwrap();
    assert_eq!(strings.get("nav_topics"), "Рубрики");
    // Not in the site's file: the built-in Russian.
    assert_eq!(strings.get("nav_places"), "Места");
    assert_eq!(strings.plural("articles", 5, &[]), "5 материалов");
    // A partial file of a language caspian knows is complete: no warning.
    assert_eq!(strings.warnings, Vec::new());
}

#[test]
fn a_language_without_builtin_words_falls_back_to_english_and_check_says_what_is_missing() {
    let text = "nav_home = \"Accueil\"\nnav_topics = \"Thèmes\"\n";
    let strings = Strings::parse("fr", Some((Path::new("i18n/fr.toml"), text))).unwrap();
    assert_eq!(strings.get("nav_home"), "Accueil");
    assert_eq!(strings.get("nav_places"), "Places");
    assert_eq!(strings.warnings.len(), 1);
    let warning = strings.warnings[0].to_string();
    assert!(
        warning.starts_with("i18n/fr.toml: warning: ")
            && warning.contains("strings are shown in English, which this file does not give: ")
            && warning.contains("nav_places")
            && warning.contains("articles")
            && warning.contains("months")
            && !warning.contains("nav_home,"),
        "{warning}"
    );
    // Without a file at all: which file to create.
    let strings = Strings::parse("fr", None).unwrap();
    assert_eq!(
        strings.warnings[0].to_string(),
        "i18n/fr.toml: warning: the interface is in English: caspian has no built-in words \
         for `language = \"fr\"`; create this file with the strings of the built-in en.toml \
         in fr (see the README)"
    );
    assert_eq!(Strings::parse("kk", None).unwrap().warnings, Vec::new());
}

#[test]
fn an_unknown_key_is_a_warning_with_a_suggestion() {
    let text = "nav_home = \"Start\"\nnav_topic = \"Themen\"\n";
    let strings = Strings::parse("de", Some((Path::new("i18n/de.toml"), text))).unwrap();
    assert_eq!(
        strings
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "i18n/de.toml:2:1: warning: unknown key `nav_topic` (did you mean `nav_topics`?); \
          the interface never shows it"
        ]
    );
}

#[test]
fn bad_toml_is_an_error_at_its_line() {
    let text = "nav_home = \"Start\"\nnav_topics = Themen\n";
    let error = Strings::parse("de", Some((Path::new("i18n/de.toml"), text)))
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("i18n/de.toml:2:"), "{error}");
}
