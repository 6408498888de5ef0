use super::*;

const SITE: &str = r#"
title = "T"
base_url = "https://user.github.io/repo"
languages = ["en", "de"]
[[topics]]
slug = "energy"
name = "Energy"
[topics.keywords]
en = ["energy", "oil"]
de = ["Energie*"]
"#;

#[test]
fn base_url_gets_a_trailing_slash_and_a_base_path() {
    let config = Config::parse(SITE, None).unwrap();
    assert_eq!(config.base_url, "https://user.github.io/repo/");
    assert_eq!(config.base_path(), "/repo/");
    let root = config.with_base_url("https://example.org").unwrap();
    assert_eq!(root.base_path(), "/");
}

#[test]
fn unknown_field_names_the_file_and_line() {
    let err = Config::parse(
        "title = \"T\"\nbase_url = \"https://x.org/\"\nlanguages = [\"en\"]\ntitel = \"x\"\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        "site.toml:4:1: unknown key `titel` (did you mean `title`?)"
    );
    let far = Config::parse(
        "title = \"T\"\nbase_url = \"https://x.org/\"\nlanguages = [\"en\"]\nfooter = \"x\"\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        far,
        "site.toml:4:1: unknown key `footer`; the keys here are title, description, base_url, language, languages, paginate, max_topics, chronology_paginate, page_budget, entities, cname, topics"
    );
}

#[test]
fn unknown_language_is_refused_with_a_suggestion() {
    let err = Config::parse(&SITE.replace("\"de\"]", "\"dee\"]"), None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("unknown language \"dee\" (did you mean \"de\"?)"),
        "{err}"
    );
}

#[test]
fn topic_keywords_match_in_every_language() {
    let config = Config::parse(SITE, None).unwrap();
    assert_eq!(
        config.topic_lexicon("de").score("Energiepolitik und Öl")[&0],
        1
    );
    assert!(
        config
            .topic_lexicon("en")
            .score("Energiepolitik")
            .is_empty()
    );
    assert_eq!(
        config.topic_lexicon("fr").score("oil and Energiepolitik")[&0],
        2
    );
}

#[test]
fn a_device_name_as_a_slug_is_refused_where_it_is_written() {
    let err = Config::parse(&SITE.replace("slug = \"energy\"", "slug = \"aux\""), None)
        .unwrap_err()
        .to_string();
    let line = SITE.lines().position(|l| l.contains("\"energy\"")).unwrap() + 1;
    assert_eq!(
        err,
        format!(
            "site.toml:{line}:8: the slug \"aux\" is a name Windows keeps for a device, so the site could not be copied to a Windows computer; choose another topic slug"
        )
    );
    let entities = "[[places]]\nslug = \"nul\"\nname = \"Nul\"\n";
    let err = Config::parse(
        &SITE.replace("[[topics]]", "entities = \"entities.toml\"\n[[topics]]"),
        Some((Path::new("entities.toml"), entities)),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("entities.toml:2:8: the slug \"nul\" is a name Windows keeps"),
        "{err}"
    );
    assert!(err.ends_with("; choose another place slug"), "{err}");
}

#[test]
fn line_column_counts_from_one() {
    assert_eq!(line_column("ab\ncd", 4), (2, 2));
    assert_eq!(line_column("ab", 0), (1, 1));
}

fn places(body: &str) -> Result<Config> {
    Config::parse(SITE, Some((Path::new("entities.toml"), body)))
}

#[test]
fn a_place_may_have_a_position_and_a_person_may_not() {
    let config = places(
        "[[places]]\nslug = \"baku\"\nname = \"Baku\"\nlat = 40.41\nlon = 49.87\n\n\
         [[places]]\nslug = \"nowhere\"\nname = \"Nowhere\"\n",
    )
    .unwrap();
    assert_eq!(
        config.places[0].position,
        Some(Position {
            lat: 40.41,
            lon: 49.87
        })
    );
    assert_eq!(config.places[1].position, None);
    let err = places("[[people]]\nslug = \"a\"\nname = \"A\"\nlat = 1.0\nlon = 2.0\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("entities.toml:4:7: person \"a\" has `lat` and `lon`"),
        "{err}"
    );
}

#[test]
fn a_position_out_of_range_or_half_given_is_refused_where_it_is_written() {
    let err = places("[[places]]\nslug = \"b\"\nname = \"B\"\nlat = 40.4\nlon = 249.9\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "entities.toml:5:7: `lon = 249.9` of place \"b\" is not between -180 and 180; write \
         degrees (north and east positive), e.g. `lat = 40.41`, `lon = 49.87`"
    );
    let err = places("[[places]]\nslug = \"b\"\nname = \"B\"\nlat = 40.4\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("entities.toml:4:7: place \"b\" has only one of `lat` and `lon`"),
        "{err}"
    );
}

#[test]
fn a_misspelt_position_key_gets_a_suggestion() {
    let err = places("[[places]]\nslug = \"b\"\nname = \"B\"\nlat = 40.4\nlong = 49.9\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "entities.toml:5:1: unknown key `long` (did you mean `lon`?)"
    );
}
