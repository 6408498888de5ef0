use super::*;

fn config() -> Config {
    let site = r#"
title = "T"
base_url = "https://x.org/"
languages = ["en", "de", "az", "ru", "kk", "tr"]
entities = "entities.toml"
[[topics]]
slug = "energy"
name = "Energy"
[topics.keywords]
en = ["energy", "oil", "pipeline", "renewable energy"]
[[topics]]
slug = "culture"
name = "Culture"
[topics.keywords]
en = ["culture", "cultural", "music"]
"#;
    let entities = r#"
[[people]]
slug = "ilham-aliyev"
name = "Ilham Aliyev"
aliases = ["President Aliyev"]
[[places]]
slug = "baku"
name = "Baku"
aliases = ["Bakı", "Баку"]
"#;
    Config::parse(
        site,
        Some((std::path::Path::new("entities.toml"), entities)),
    )
    .unwrap()
}

fn today() -> PartialDate {
    PartialDate::ymd(2026, 11, 24).unwrap()
}

fn ingest(text: &str) -> Result<Ingested, String> {
    parse("seeds/x.txt", text.as_bytes(), &config(), today())
}

#[test]
fn reads_title_date_language_topics_and_names() {
    let a = ingest(
        "Featured\n\nAliyev welcomes pipeline deal in Baku\n\nPresident Ilham Aliyev welcomed the oil pipeline deal in Baku on 5 May 2024, APA reports.\n\nThe renewable energy part of the deal was praised. Music was played.",
    )
    .unwrap();
    let fm = &a.front_matter;
    assert_eq!(fm.title, "Aliyev welcomes pipeline deal in Baku");
    assert_eq!(fm.date.unwrap().iso(), "2024-05-05");
    assert_eq!(fm.lang, "en");
    assert_eq!(fm.topics, ["energy"]);
    assert_eq!(fm.people, ["ilham-aliyev"]);
    assert_eq!(fm.places, ["baku"]);
    assert_eq!(fm.source.as_ref().unwrap().name.as_deref(), Some("APA"));
    assert_eq!(
        fm.source.as_ref().unwrap().seed.as_deref(),
        Some("seeds/x.txt")
    );
    assert_eq!(a.slug, "aliyev-welcomes-pipeline-deal-in-baku");
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_passing_word_does_not_make_a_topic() {
    let a = ingest("Leaders meet in Baku\n\nThe leaders met in Baku and talked about many things for a long time.\n\nThey also mentioned culture once.").unwrap();
    assert!(a.front_matter.topics.is_empty());
}

#[test]
fn without_a_headline_the_title_is_generated_and_marked() {
    let a = ingest("Die beiden Regierungschefs haben zunächst ein Einzelgespräch abgehalten, um aktuelle Fragen einer bilateralen Agenda zu besprechen, und danach lange über alles Mögliche gesprochen.\nDas Treffen wurde fortgesetzt.").unwrap();
    let title = &a.front_matter.title;
    assert!(title.chars().count() <= 90, "{title}");
    assert!(
        title.starts_with("Die beiden Regierungschefs haben zunächst"),
        "{title}"
    );
    assert!(title.ends_with('…'));
    assert_eq!(a.front_matter.generated, ["title"]);
    assert!(a.warnings.iter().any(|w| w.contains("no headline")));
}

#[test]
fn a_generated_title_skips_sentences_without_words() {
    // Found by fuzzing: a first "sentence" of only "!" made an empty title,
    // which build then refused.
    let a = ingest("! Erster Absatz über die Zusammenarbeit von Baku und Astana im Verkehr. Mehr folgt.\n\nZweiter Absatz über die Hauptstädte und ihre Zusammenarbeit.").unwrap();
    assert_eq!(
        a.front_matter.title,
        "Erster Absatz über die Zusammenarbeit von Baku und Astana im Verkehr"
    );
    let a = ingest("12.05.2024. — !\n\nDie Präsidenten trafen sich in Baku, um über die Zusammenarbeit zu sprechen.").unwrap();
    assert_eq!(
        a.front_matter.title,
        "Die Präsidenten trafen sich in Baku, um über die Zusammenarbeit zu sprechen"
    );
}

#[test]
fn a_generated_title_skips_labels_numbers_and_times() {
    let a = ingest("Summary:\n\n1\n\n3/09/15 8:00am\n\nThe ferry from Baku to Kuryk carried a record number of lorries this year. Officials expect more.").unwrap();
    assert_eq!(
        a.front_matter.title,
        "The ferry from Baku to Kuryk carried a record number of lorries this year"
    );
}

#[test]
fn a_day_without_a_year_leaves_the_date_out_and_warns() {
    let a = ingest("Martın 3-də Azərbaycan Baş naziri Əli Əsədov Bakıda Qazaxıstanın Baş naziri ilə görüşüb.\n\n2024-cü ilin sonuna ticarət artıb. 2022-2026-cı illər üçün proqram qəbul edilib.").unwrap();
    assert_eq!(a.front_matter.date, None);
    assert!(
        a.warnings
            .iter()
            .any(|w| w.contains("\"3 March\" but gives no year")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn no_date_at_all_is_never_filled_from_the_clock() {
    let a = ingest("Die Seiten betonten, dass das Jahr 2022 den 30. Jahrestag markiert.\nIm April dieses Jahres kam der Präsident.").unwrap();
    assert_eq!(a.front_matter.date, None);
    assert!(a.warnings.iter().any(|w| w.contains("no date")));
}

#[test]
fn the_story_date_beats_an_older_reference_and_a_deadline() {
    let a = ingest("Ministers met on 3 July 2023 in Baku to sign a plan.\n\nThe works are due to end by 1 March 2024. The treaty of 24 May 2005 was recalled.").unwrap();
    assert_eq!(a.front_matter.date.unwrap().iso(), "2023-07-03");
}

#[test]
fn dates_in_the_future_or_long_past_are_not_believed() {
    let a = ingest("The summit is planned for 5 May 2031 in Baku, officials said today.\n\nIt follows the treaty.").unwrap();
    assert_eq!(a.front_matter.date, None);
}

#[test]
fn bad_bytes_get_clear_messages() {
    let cfg = config();
    let err = |bytes: &[u8]| parse("seeds/x.txt", bytes, &cfg, today()).unwrap_err();
    assert!(err(b"").starts_with("is empty"));
    assert!(err(b"  \n\n ").starts_with("is empty"));
    assert!(err(b"%PDF-1.4 ...").starts_with("is a PDF document"));
    assert!(err(b"abc\x00\x01\x02\x03def").starts_with("looks like a binary file"));
    assert_eq!(
        err(b"Erste Zeile\nGr\xfc\xdfe ist Latin-1")
            .split(';')
            .next()
            .unwrap(),
        "is not UTF-8 text (byte 0xFC at line 2, column 3)"
    );
    assert!(err(&vec![b'a'; MAX_SEED_BYTES + 1]).contains("more than the 2 MB"));
    assert!(
        err(b"Featured\n\nShare\n\nTags:\n")
            .starts_with("nothing is left after removing site furniture (3 lines removed)")
    );
}

#[test]
fn utf16_is_decoded_and_said_so() {
    let text = "Leaders met in Baku on 5 May 2024 to discuss the oil pipeline and energy.";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let a = parse("seeds/x.txt", &bytes, &config(), today()).unwrap();
    assert!(a.warnings.iter().any(|w| w.contains("UTF-16")));
    assert_eq!(a.front_matter.date.unwrap().iso(), "2024-05-05");
}

#[test]
fn publisher_is_read_from_the_text() {
    assert_eq!(
        publisher_in_text("Kazakhstan's leader arrived, Turanews.kz reports citing Akorda.")
            .as_deref(),
        Some("Turanews.kz")
    );
    assert_eq!(
        publisher_in_text("Nazirlər Kabinetindən Metbuat.az-a verilən məlumata görə").as_deref(),
        Some("Metbuat.az")
    );
    assert_eq!(
        publisher_in_text("как сообщает Kazinform, стороны").as_deref(),
        Some("Kazinform")
    );
    assert_eq!(publisher_in_text("He reports nothing."), None);
}
