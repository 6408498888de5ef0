use super::*;

fn parse_ok(yaml: &str) -> FrontMatter {
    let (fm, problems) = parse(yaml, 2);
    assert!(problems.is_empty(), "{problems:?}");
    fm
}

#[test]
fn splits_front_matter_from_body_with_line_numbers() {
    let text = "---\ntitle: A\nlang: en\n---\n\nBody\n";
    let split = split(text).unwrap();
    assert_eq!(split.yaml, "title: A\nlang: en\n");
    assert_eq!(split.body, "\nBody\n");
    assert_eq!(split.body_line, 5);
}

#[test]
fn missing_or_unclosed_front_matter_is_explained() {
    assert!(
        split("title: A\n")
            .unwrap_err()
            .message
            .starts_with("the file does not start with front matter")
    );
    assert!(
        split("---\ntitle: A\n")
            .unwrap_err()
            .message
            .starts_with("the front matter is never closed")
    );
}

#[test]
fn reads_every_key() {
    let fm = parse_ok(
        "title: Presidents met\ngenerated: [title]\ndate: 2023-11-24\nlang: en\ntopics: [energy, transport]\npeople:\n  - ilham-aliyev\nplaces: [baku]\nsummary: S\nsource:\n  name: APA\n  seed: seeds/004.txt\nevents:\n  - date: 2005-05-24\n    text: Treaty\ntranslations: [x]\nslug: presidents-met\n",
    );
    assert_eq!(fm.title, "Presidents met");
    assert_eq!(fm.date.unwrap().iso(), "2023-11-24");
    assert_eq!(fm.topics, ["energy", "transport"]);
    assert_eq!(fm.people, ["ilham-aliyev"]);
    assert_eq!(fm.source.unwrap().name.as_deref(), Some("APA"));
    assert_eq!(fm.events[0].text, "Treaty");
    assert_eq!(fm.slug.as_deref(), Some("presidents-met"));
}

#[test]
fn a_year_alone_is_a_date() {
    assert_eq!(
        parse_ok("title: T\nlang: de\ndate: 2023\n")
            .date
            .unwrap()
            .iso(),
        "2023"
    );
}

#[test]
fn yaml_errors_count_lines_from_the_top_of_the_file() {
    let (_, problems) = parse("title: A\nlang: en\ntopics: [energy\n", 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 4, "{problems:?}");
    assert!(
        problems[0]
            .message
            .starts_with("the front matter ends inside a quoted text or a list")
    );
    let (_, problems) = parse("title: A\nlang: en\ntopics: energy: x\n", 2);
    assert_eq!(problems[0].line, 4, "{problems:?}");
    assert!(
        problems[0]
            .message
            .starts_with("the front matter is not valid YAML"),
        "{problems:?}"
    );
}

#[test]
fn yaml_error_lines_count_only_newlines() {
    // YAML breaks lines at NEL and LINE SEPARATOR too; the file's lines
    // as an editor sees them do not.
    let (_, problems) = parse("title: \"a\u{2028}b\u{85}c\"\nlang\n", 2);
    let (_, plain) = parse("title: \"axbxc\"\nlang\n", 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].line, problems[0].column),
        (plain[0].line, plain[0].column)
    );
    assert!(problems[0].line <= 4, "{problems:?}");
}

#[test]
fn unknown_keys_get_a_suggestion_and_their_line() {
    let (_, problems) = parse("title: A\nlang: en\ntopcs: [energy]\n", 2);
    assert_eq!(
        problems,
        [Problem {
            line: 4,
            column: 1,
            message: "unknown front matter key `topcs` (did you mean `topics`?)".into()
        }]
    );
}

#[test]
fn malformed_date_and_language_are_located() {
    let (_, problems) = parse("title: A\nlang: english\ndate: 2023-02-30\n", 2);
    let messages: Vec<String> = problems
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect();
    assert_eq!(
        messages,
        [
            "3:7: unknown language \"english\" (did you mean \"en\"?); use an ISO 639-1 code such as en, de, az, ru, kk, tr".to_string(),
            "4:7: malformed date \"2023-02-30\": February has no day 30; write it as YYYY-MM-DD, YYYY-MM or YYYY".to_string(),
        ]
    );
}

#[test]
fn missing_title_and_language_are_errors() {
    let (_, problems) = parse("date: 2023\n", 2);
    assert_eq!(problems.len(), 2);
}

#[test]
fn alias_bombs_are_refused() {
    let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("a{}", i - 1)
        };
        yaml.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    yaml.push_str("title: T\nlang: en\n");
    let (_, problems) = parse(&yaml, 2);
    assert!(!problems.is_empty());
}

#[test]
fn scalars_are_quoted_only_where_yaml_needs_it() {
    assert_eq!(scalar("Presidents met in Baku"), "Presidents met in Baku");
    assert_eq!(
        scalar("Kazakhstan–Azerbaijan: a chronicle"),
        "\"Kazakhstan–Azerbaijan: a chronicle\""
    );
    for tricky in [
        "no",
        "Yes",
        "ON",
        "null",
        "~",
        "2024-03-03",
        "2024",
        "12:30",
        "1e3",
        "- dash",
        "#hash",
        "\"quoted\"",
        "[x]",
        "a #b",
        " pad",
        "",
        "@x",
        "*star",
        "trailing:",
    ] {
        assert!(scalar(tricky).starts_with('"'), "{tricky} should be quoted");
    }
}

#[test]
fn written_front_matter_reads_back_the_same() {
    let fm = FrontMatter {
        title: "No: \"quoted\" \\ back".into(),
        generated: vec!["title".into()],
        date: Some(PartialDate::parse("2025-03").unwrap()),
        lang: "az".into(),
        topics: vec!["energy".into(), "culture".into()],
        people: vec!["ali-asadov".into()],
        places: vec![],
        summary: Some("yes".into()),
        source: Some(Source {
            name: Some("APA".into()),
            url: None,
            seed: Some("seeds/001.txt".into()),
            fingerprint: Some("00ff".into()),
        }),
        events: vec![Event {
            date: PartialDate::parse("2005-05-24").unwrap(),
            text: "Treaty: signed".into(),
        }],
        translations: vec!["other".into()],
        story: Some(Story::Key("aliyev-in-astana".into())),
        keep_duplicate: true,
        slug: Some("x-y".into()),
    };
    let text = write(&fm);
    let split = split(&text).unwrap();
    assert_eq!(parse_ok(split.yaml), fm);
}

#[test]
fn characters_yaml_refuses_are_escaped() {
    for s in ["a\u{fffe}b", "\u{ffff}", "del\u{7f}", "c1\u{9b}"] {
        let yaml = format!("title: {}\nlang: en\n", scalar(s));
        assert!(yaml.is_ascii(), "{yaml}");
        assert_eq!(parse_ok(&yaml).title, s, "{yaml}");
    }
}

#[test]
fn list_items_with_brackets_and_commas_stay_one_item() {
    let fm = FrontMatter {
        title: "T".into(),
        lang: "en".into(),
        topics: vec!["a, b".into(), "r [,1t".into(), "x]".into(), "{y}".into()],
        translations: vec!["c,d".into()],
        ..Default::default()
    };
    let written = write(&fm);
    assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
}

#[test]
fn line_separators_inside_quotes_are_escaped() {
    // Found by fuzzing: U+2028 was written as it is, and YAML broke the
    // quoted title there, so a `---` after it closed the document.
    let fm = FrontMatter {
        title: "Toqajew \u{2028} --- fingerprint: \u{2029} x".into(),
        lang: "kk".into(),
        summary: Some("\u{feff}x".into()),
        ..Default::default()
    };
    let written = write(&fm);
    assert_eq!(written.lines().count(), 5, "{written}");
    assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
}

#[test]
fn an_empty_source_is_no_source() {
    for yaml in [
        "title: T\nlang: en\nsource: {}\n",
        "title: T\nlang: en\nsource:\n  name: \"\"\n  url: # none\n",
    ] {
        let fm = parse_ok(yaml);
        assert_eq!(fm.source, None, "{yaml}");
        let written = write(&fm);
        assert_eq!(parse_ok(split(&written).unwrap().yaml), fm, "{written}");
    }
}

#[test]
fn round_trips_awkward_strings() {
    for s in [
        "no",
        "2024-03-03",
        "a: b",
        "ends with #",
        "x #y",
        "'single'",
        "tab\there",
        "Ö: ü",
        "%x",
        "0x1F",
        ".5",
        "-1",
        "!tag",
        "|",
        ">",
        "Anfang „Zitat“",
    ] {
        let yaml = format!("title: {}\nlang: en\n", scalar(s));
        assert_eq!(parse_ok(&yaml).title, s.trim(), "{yaml}");
    }
}

/// The problems of a front matter that starts on line 2, as
/// `line:column: message`.
fn problems(yaml: &str) -> Vec<String> {
    parse(yaml, 2)
        .1
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect()
}

#[test]
fn a_colon_in_an_unquoted_title_asks_for_quotes() {
    assert_eq!(
        problems("title: Aktau: port opens a terminal\nlang: en\n"),
        [
            "2:13: the title has a colon in it, which YAML takes for the end of a key; put the title in quotes: `title: \"Aktau: port opens a terminal\"`"
        ]
    );
    assert_eq!(
        problems("title: A\nlang: en\nsummary: Baku: the port said so # a comment\n"),
        [
            "4:14: the summary has a colon in it, which YAML takes for the end of a key; put the summary in quotes: `summary: \"Baku: the port said so\"`"
        ]
    );
    assert_eq!(
        problems(
            "title: A\nlang: en\nevents:\n  - date: 2005-05-24\n    text: Treaty: signed \"at last\"\n"
        ),
        [
            "6:17: the text has a colon in it, which YAML takes for the end of a key; put the text in quotes: `text: \"Treaty: signed \\\"at last\\\"\"`"
        ]
    );
    // Quoted, the colon is the title's.
    assert_eq!(
        problems("title: \"Aktau: port\"\nlang: en\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_key_with_no_space_after_its_colon_is_told_at_its_own_line() {
    assert_eq!(
        problems("title:Aktau port opens a terminal\nlang: en\n"),
        [
            "2:7: `title:` needs a space after its colon, or YAML does not see the key; write `title: Aktau port opens a terminal`"
        ]
    );
    assert_eq!(
        problems("title: A\nlang:en\ndate: 2024\n"),
        [
            "3:6: `lang:` needs a space after its colon, or YAML does not see the key; write `lang: en`"
        ]
    );
    // Alone, the line reads as one text rather than failing.
    assert_eq!(
        problems("title:Aktau: port\n"),
        [
            "2:7: `title:` needs a space after its colon, or YAML does not see the key; write `title: \"Aktau: port\"`"
        ]
    );
}

#[test]
fn a_tab_that_indents_a_line_is_named() {
    assert_eq!(
        problems("title: A\nlang: en\ntopics:\n\t- energy\n"),
        ["5:1: this line is indented with a tab, which YAML does not allow; indent it with spaces"]
    );
    assert_eq!(
        problems("title: A\nsource:\n  \tname: APA\nlang: en\n"),
        ["4:3: this line is indented with a tab, which YAML does not allow; indent it with spaces"]
    );
}

#[test]
fn a_list_item_without_its_dash_is_shown_with_it() {
    assert_eq!(
        problems("title: A\nlang: en\ntopics:\n  - energy\n  transport\nplaces: [baku]\n"),
        ["6:3: \"transport\" is a list item without its dash; write it as `  - transport`"]
    );
    assert_eq!(
        problems("title: A\nlang: en\npeople:\n- ilham-aliyev\nkassym-jomart-tokayev\n"),
        [
            "6:1: \"kassym-jomart-tokayev\" is a list item without its dash; write it as `- kassym-jomart-tokayev`"
        ]
    );
}

#[test]
fn a_key_written_twice_names_both_lines() {
    assert_eq!(
        problems("title: A\nlang: en\ntitle: B\n"),
        ["4:1: `title` is written twice, here and on line 2; keep one of them"]
    );
    assert_eq!(
        problems(
            "title: A\nlang: en\nsource:\n  name: APA\n  url: https://apa.az/1\n  name: Report\n"
        ),
        ["7:3: `name` is written twice, here and on line 5; keep one of them"]
    );
    // Each event is a mapping of its own.
    assert_eq!(
        problems(
            "title: A\nlang: en\nevents:\n  - date: 2005\n    text: One\n  - date: 2006\n    text: Two\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_key_without_its_colon_is_shown_with_it() {
    assert_eq!(
        problems("title: A\nlang en\ndate: 2024\n"),
        ["3:1: `lang` has no colon after it, so YAML does not see the key; write `lang: en`"]
    );
}

#[test]
fn text_in_a_block_is_not_taken_for_mistakes() {
    // Inside a `|` block, "Note: x" and a repeated word are text; the
    // mistake is the key written twice after it.
    assert_eq!(
        problems("title: A\nsummary: |\n  Note: x\n  title\nlang: en\nlang: de\n"),
        ["7:1: `lang` is written twice, here and on line 6; keep one of them"]
    );
}

#[test]
fn duplicate_keep_reads_back_and_nothing_else_is_taken() {
    let fm = parse_ok("title: A\nlang: en\nduplicate: keep\n");
    assert!(fm.keep_duplicate);
    assert!(write(&fm).contains("\nduplicate: keep\n"));
    assert_eq!(parse_ok(&write(&fm).replace("---\n", "")), fm);
    assert!(!parse_ok("title: A\nlang: en\n").keep_duplicate);
    let (_, problems) = parse("title: A\nlang: en\nduplicate: yes\n", 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 4);
    assert!(
        problems[0]
            .message
            .starts_with("`duplicate` takes only `keep`"),
        "{problems:?}"
    );
}

#[test]
fn story_takes_a_slug_or_none() {
    let fm = parse_ok("title: A\nlang: en\nstory: summit-2024\n");
    assert_eq!(fm.story, Some(Story::Key("summit-2024".into())));
    assert!(write(&fm).contains("\nstory: summit-2024\n"));
    let fm = parse_ok("title: A\nlang: en\nstory: none\n");
    assert_eq!(fm.story, Some(Story::Alone));
    assert!(write(&fm).contains("\nstory: none\n"));
    assert_eq!(parse_ok("title: A\nlang: en\n").story, None);
    let (_, problems) = parse("title: A\nlang: en\nstory: The Summit\n", 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 4);
    assert!(
        problems[0].message.contains("e.g. `story: the-summit`"),
        "{}",
        problems[0].message
    );
    let (_, problems) = parse("title: A\nlang: en\nstory: [a, b]\n", 2);
    assert!(problems[0].message.starts_with("`story` takes one slug"));
}
