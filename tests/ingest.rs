//! `caspian ingest` on the real seeds, on invented articles in six
//! languages, and on seeds built to break it.

mod common;

use common::*;

const SEED_000: &str = "seeds/000_83ff57b76f8a7241.txt";
const SEED_001: &str = "seeds/001_15d7fedb3d65d3cb.txt";
const SEED_002: &str = "seeds/002_1501b90f0e9e3d40.txt";
const SEED_003: &str = "seeds/003_e315b40c047e683f.txt";
const SEED_004: &str = "seeds/004_946781bc2ee28188.txt";

fn includes(have: &[String], want: &[&str], what: &str, seed: &str) {
    for w in want {
        assert!(
            have.iter().any(|h| h == w),
            "{seed}: {what} {have:?} lacks {w}"
        );
    }
}

#[test]
fn the_five_seeds_come_out_right() {
    let site = site(true, false);
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));

    struct Want {
        seed: &'static str,
        lang: &'static str,
        date: Option<&'static str>,
        title: Option<&'static str>,
        /// What the text is about…
        topics: &'static [&'static str],
        /// …and what it names only in passing or in a list of sectors.
        not_topics: &'static [&'static str],
        people: &'static [&'static str],
        places: &'static [&'static str],
    }
    let wants = [
        Want {
            seed: SEED_000,
            lang: "de",
            date: None,
            title: None,
            topics: &["diplomacy"],
            not_topics: &["energy", "culture", "digital"],
            people: &[
                "alikhan-smailov",
                "ali-asadov",
                "ilham-aliyev",
                "kassym-jomart-tokayev",
            ],
            places: &["fuzuli"],
        },
        Want {
            seed: SEED_001,
            lang: "az",
            date: None,
            title: None,
            // Transit and the Middle Corridor, trade volumes, the talks; the
            // plane crash (təyyarə) and the Kurmangazy centre are side matters.
            topics: &["transport", "trade", "diplomacy"],
            not_topics: &["energy", "environment"],
            people: &[
                "ali-asadov",
                "olzhas-bektenov",
                "ilham-aliyev",
                "kassym-jomart-tokayev",
            ],
            places: &["baku", "aktau", "fuzuli"],
        },
        Want {
            seed: SEED_002,
            lang: "en",
            date: Some("2024-03-11"),
            title: Some(
                "Kazakh and Azerbaijani Presidents Strengthen Bilateral Relations in Inaugural Meeting",
            ),
            // Every sector is named, in lists: the meeting is the story.
            topics: &["diplomacy"],
            not_topics: &["energy", "transport", "digital", "culture"],
            people: &["ilham-aliyev", "kassym-jomart-tokayev"],
            places: &["astana", "baku"],
        },
        Want {
            seed: SEED_003,
            lang: "en",
            date: Some("2023-04-10"),
            title: Some("Presidents of Kazakhstan and Azerbaijan made a joint statement"),
            // A joint statement with a paragraph for each sector is diplomacy.
            topics: &["diplomacy"],
            not_topics: &["energy", "transport", "digital"],
            people: &["ilham-aliyev", "kassym-jomart-tokayev"],
            places: &["astana", "aktau"],
        },
        Want {
            seed: SEED_004,
            lang: "en",
            date: Some("2023-11-24"),
            title: Some(
                "President of Azerbaijan Ilham Aliyev met with President of Kazakhstan Kassym-Jomart Tokayev",
            ),
            topics: &["diplomacy", "transport"],
            not_topics: &["energy", "digital"],
            people: &["ilham-aliyev", "kassym-jomart-tokayev"],
            places: &["baku", "fuzuli"],
        },
    ];
    for w in wants {
        let (_, fm, _) = article_for_seed(site.path(), w.seed);
        assert_eq!(fm.lang, w.lang, "{}", w.seed);
        assert_eq!(fm.date.map(|d| d.iso()).as_deref(), w.date, "{}", w.seed);
        match w.title {
            Some(t) => {
                assert_eq!(fm.title, t, "{}", w.seed);
                assert!(fm.generated.is_empty(), "{}", w.seed);
            }
            None => {
                assert_eq!(fm.generated, ["title"], "{}", w.seed);
                assert!(fm.title.chars().count() <= 90, "{}: {}", w.seed, fm.title);
            }
        }
        includes(&fm.topics, w.topics, "topics", w.seed);
        for t in w.not_topics {
            assert!(
                !fm.topics.iter().any(|have| have == t),
                "{}: topics {:?} should not have {t} (named in passing)",
                w.seed,
                fm.topics
            );
        }
        assert!(fm.topics.len() <= 3, "{}: {:?}", w.seed, fm.topics);
        includes(&fm.people, w.people, "people", w.seed);
        includes(&fm.places, w.places, "places", w.seed);
    }
}

#[test]
fn the_seeds_lose_their_furniture_and_keep_their_text() {
    let site = site(true, false);
    caspian(site.path(), &["ingest"]);
    let body = |seed: &str| article_for_seed(site.path(), seed).2;
    let gone = [
        (SEED_000, "Tags:"),
        (SEED_002, "Flag of Kazakhstan"),
        (SEED_002, "in Politics / Kazakhstan - by"),
        (SEED_003, "Featured"),
        (SEED_003, "TuraNews\n"),
        (SEED_003, "Back to top button"),
        (SEED_004, "© APA"),
        (SEED_004, "-UPDATED"),
        (SEED_004, "1 2 3 4 5"),
        (SEED_004, "İDMAN XƏBƏR"),
        (SEED_004, "15:50 (UTC +04:00)"),
    ];
    for (seed, text) in gone {
        assert!(!body(seed).contains(text), "{seed} still has {text:?}");
    }
    let kept = [
        (
            SEED_000,
            "Die beiden Regierungschefs haben zunächst ein Einzelgespräch abgehalten",
        ),
        (
            SEED_000,
            "Im Anschluss an das Treffen wurden bilaterale Dokumente zwischen Aserbaidschan und Kasachstan unterzeichnet.",
        ),
        (SEED_001, "Martın 3-də Azərbaycan Baş naziri Əli Əsədov"),
        (
            SEED_001,
            "Xəzər dənizinin dibi ilə fiber-optik rabitə xətlərinin çəkilməsi haqqında Sazişin təsdiqinə dair sənədlər imzalanıb.",
        ),
        (
            SEED_002,
            "paving the way for enhanced cooperation and mutual prosperity in the years to come.",
        ),
        (
            SEED_003,
            "This Joint Statement was signed in Astana on April 10, 2023 in the Kazakh and Azerbaijani languages.",
        ),
        (
            SEED_004,
            "During the meeting, the sides exchanged ideas on cooperation in cultural and humanitarian fields.",
        ),
    ];
    for (seed, text) in kept {
        assert!(body(seed).contains(text), "{seed} lost {text:?}");
    }
    // The first paragraph repeated at the end of 004 appears once.
    assert_eq!(body(SEED_004).matches("has met with President of the Republic of Kazakhstan Kassym-Jomart Tokayev, APA reports.").count(), 1);
    // The speech dash is text, not a list; the numbered list of 003 stays a list.
    assert!(body(SEED_004).contains("\n\\- Kassym-Jomart Kemelevich, thank you"));
    assert!(body(SEED_003).contains("\n1. Relations between the Republic of Kazakhstan"));
    assert!(body(SEED_003).contains("\n13. The Parties agreed"));
    assert!(
        body(SEED_004).contains("\n* * *\n"),
        "x x x becomes a thematic break"
    );
}

#[test]
fn the_joint_statement_yields_its_dated_events() {
    let site = site(true, false);
    caspian(site.path(), &["ingest"]);
    let (_, fm, _) = article_for_seed(site.path(), SEED_003);
    let events: Vec<String> = fm
        .events
        .iter()
        .map(|e| format!("{}: {}", e.date, e.text))
        .collect();
    assert_eq!(
        events,
        [
            "2005-05-24: Treaty on strategic partnership and allied relations",
            "2022-08-24: Declaration on strengthening strategic relations and deepening allied interaction",
            "2022-11-25: Ministerial meeting on Trans-Caspian interconnection held in Aktau",
        ]
    );
    let (_, fm, _) = article_for_seed(site.path(), SEED_004);
    assert_eq!(fm.source.unwrap().name.as_deref(), Some("APA"));
}

#[test]
fn ingest_is_idempotent() {
    let site = site(true, false);
    let first = caspian(site.path(), &["ingest"]);
    assert_eq!(
        stdout(&first).matches(": created content/").count(),
        6,
        "{}",
        stdout(&first)
    );
    let before = tree(&site.path().join("content"));
    let second = caspian(site.path(), &["ingest"]);
    assert!(second.status.success());
    assert_eq!(
        stdout(&second).matches(": unchanged content/").count(),
        6,
        "{}",
        stdout(&second)
    );
    assert_eq!(tree(&site.path().join("content")), before);
}

#[test]
fn ingest_keeps_a_hand_edited_file() {
    let site = site(true, false);
    caspian(site.path(), &["ingest"]);
    let (path, _, _) = article_for_seed(site.path(), SEED_000);
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("generated: [title]\n", "", 1)
        .replacen("lang: de", "date: 2023\nlang: de", 1);
    std::fs::write(&path, &edited).unwrap();

    let out = caspian(site.path(), &["ingest"]);
    let name = path
        .strip_prefix(site.path())
        .unwrap()
        .display()
        .to_string();
    assert!(
        stdout(&out).contains(&format!("{SEED_000}: kept {name}: edited by hand since ingest wrote it (use --force to overwrite it)")),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);

    let forced = caspian(site.path(), &["ingest", "--force"]);
    assert!(
        stdout(&forced).contains(&format!("{SEED_000}: overwritten {name}")),
        "{}",
        stdout(&forced)
    );
    assert_ne!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn ingest_never_deletes_and_never_takes_a_persons_file_name() {
    let site = site(true, false);
    // A person's own article that happens to have the name ingest would choose.
    let mine = "---\ntitle: Mine\ndate: 2024\nlang: en\n---\n\nMy text.\n";
    write(
        site.path(),
        "content/presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement.md",
        mine,
    );
    caspian(site.path(), &["ingest"]);
    assert_eq!(
        read(
            site.path(),
            "content/presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement.md"
        ),
        mine
    );
    let (path, _, _) = article_for_seed(site.path(), SEED_003);
    assert!(path.ends_with("presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement-2.md"));

    std::fs::remove_file(site.path().join(SEED_003)).unwrap();
    caspian(site.path(), &["ingest"]);
    assert!(path.exists());
}

#[test]
fn bad_seeds_are_named_and_the_others_go_on() {
    let site = site(true, false);
    write(site.path(), "seeds/bad_empty.txt", "");
    write(
        site.path(),
        "seeds/bad_binary.txt",
        [0x7f, b'E', b'L', b'F', 0, 0, 0, 1, 2, 3, 0, 0],
    );
    write(
        site.path(),
        "seeds/bad_latin1.txt",
        b"Die Pr\xe4sidenten trafen sich in Baku.\n",
    );
    write(
        site.path(),
        "seeds/bad_furniture.txt",
        "Featured\n\nShare\n\nTags:\n\nBack to top button\n",
    );
    write(
        site.path(),
        "seeds/bad_huge.txt",
        "Die Präsidenten trafen sich in Baku. ".repeat(10 * 1024 * 1024 / 38),
    );
    write(site.path(), "seeds/notes.md", "Which sites to copy next.\n");
    let out = caspian(site.path(), &["ingest"]);
    assert!(!out.status.success());
    let text = stdout(&out);
    for line in [
        "seeds/notes.md: skipped: ingest reads only .txt files (copied text) and .html or .htm files (saved web pages) in seeds/",
        "seeds/bad_empty.txt: error: is empty; paste the article's text into it or delete it",
        "seeds/bad_binary.txt: error: looks like a binary file, not text; copy the article's text into a .txt file saved as UTF-8",
        "seeds/bad_latin1.txt: error: is not UTF-8 text (byte 0xE4 at line 1, column 7); it was probably saved in an older encoding such as Windows-1251 or Latin-1: open it and save it as UTF-8",
        "seeds/bad_furniture.txt: error: nothing is left after removing site furniture (4 lines removed); check that the file holds an article",
        "seeds/bad_huge.txt: error: is 10.0 MB, more than the 2 MB an article may be; check that it is one article and not an archive or a whole site",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert_eq!(text.matches(": created content/").count(), 6, "{text}");
    assert!(
        stderr(&out).contains("5 of 11 seeds failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_committed_content_keeps_the_editors_corrections() {
    let site = site(true, true);
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{SEED_000}: kept content/")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{SEED_001}: kept content/")),
        "{text}"
    );
    assert_eq!(text.matches(": unchanged content/").count(), 4, "{text}");
    let (_, de, _) = article_for_seed(site.path(), SEED_000);
    assert_eq!(de.date.unwrap().iso(), "2023");
    assert!(de.generated.is_empty());
    let (_, az, _) = article_for_seed(site.path(), SEED_001);
    assert_eq!(az.date.unwrap().iso(), "2025-03-03");
}

#[test]
fn seeds_in_other_languages_and_no_language_are_ingested_with_a_word_to_check() {
    let site = site(false, false);
    let root = site.path();
    write(
        root,
        "seeds/zh.txt",
        "哈萨克斯坦与阿塞拜疆加强能源合作\n\n巴库，2023年11月24日。哈萨克斯坦总统托卡耶夫在巴库会见了阿塞拜疆总统阿利耶夫。双方讨论了能源合作和里海运输走廊的发展。\n\n两国领导人签署了多项协议。\n",
    );
    write(
        root,
        "seeds/ja.txt",
        "カザフスタンとアゼルバイジャンの大統領がバクーで会談した。両首脳はエネルギー協力について話し合った。\n",
    );
    write(
        root,
        "seeds/el.txt",
        "Ο Πρόεδρος του Καζακστάν συναντήθηκε με τον Πρόεδρο του Αζερμπαϊτζάν στο Μπακού.\n\nΣυζήτησαν την ενέργεια και τις μεταφορές.\n",
    );
    // Latin letters, but none of the site's languages: named, not taken for English.
    write(
        root,
        "seeds/pt.txt",
        "Presidente do Cazaquistão visita Baku\n\nO presidente do Cazaquistão chegou ontem a Baku para uma visita oficial de dois dias. Os dois governos assinaram acordos sobre energia, transporte e cultura.\n\nSegundo o comunicado, as partes concordaram em ampliar o volume de carga transportada pelo corredor médio.\n",
    );
    write(
        root,
        "seeds/it.txt",
        "Il presidente del Kazakistan a Baku\n\nIl presidente del Kazakistan è arrivato ieri a Baku per una visita ufficiale di due giorni. I due governi hanno firmato accordi sull'energia, sui trasporti e sulla cultura.\n\nSecondo il comunicato, le parti hanno deciso di aumentare il volume delle merci trasportate lungo il corridoio di mezzo.\n",
    );
    let noise: Vec<String> = (0..60)
        .map(|i| ["qxzj", "kvwpf", "zjkv", "wpfqx", "jkvwp"][i % 5].to_string())
        .collect();
    write(root, "seeds/noise.txt", format!("{}.\n", noise.join(" ")));
    let out = caspian(root, &["ingest"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    for line in [
        "seeds/zh.txt: warning: the text is in Chinese (zh), not one of the site's languages (en, de, az, ru, kk, tr); add \"zh\" to `languages` in site.toml",
        "seeds/ja.txt: warning: the text is in Japanese (ja), not one of the site's languages (en, de, az, ru, kk, tr); add \"ja\" to `languages` in site.toml",
        "seeds/el.txt: warning: the text is in Greek (el), not one of the site's languages (en, de, az, ru, kk, tr); add \"el\" to `languages` in site.toml",
        "seeds/pt.txt: warning: the text is in Portuguese (pt), not one of the site's languages (en, de, az, ru, kk, tr); add \"pt\" to `languages` in site.toml",
        "seeds/it.txt: warning: the text is in Italian (it), not one of the site's languages (en, de, az, ru, kk, tr); add \"it\" to `languages` in site.toml",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert!(
        text.contains(
            "seeds/noise.txt: warning: the language could not be told for certain (taken as "
        ),
        "{text}"
    );

    let (_, zh, body) = article_for_seed(root, "seeds/zh.txt");
    assert_eq!(zh.lang, "zh");
    assert_eq!(zh.title, "哈萨克斯坦与阿塞拜疆加强能源合作");
    assert!(body.contains("两国领导人签署了多项协议。"), "{body}");
    let (_, ja, body) = article_for_seed(root, "seeds/ja.txt");
    assert_eq!(ja.lang, "ja");
    assert!(
        body.contains("両首脳はエネルギー協力について話し合った。"),
        "{body}"
    );
    let (_, el, _) = article_for_seed(root, "seeds/el.txt");
    assert_eq!(el.lang, "el");
    let (_, pt, _) = article_for_seed(root, "seeds/pt.txt");
    assert_eq!(pt.lang, "pt");
    let (_, it, _) = article_for_seed(root, "seeds/it.txt");
    assert_eq!(it.lang, "it");
}

#[test]
fn a_seed_with_bom_and_crlf_gives_the_article_of_the_clean_one() {
    let site = site(false, false);
    let clean = "Presidents met in Baku\n\nBAKU, 24 November 2023. The presidents of Kazakhstan and Azerbaijan discussed energy and the pipeline.\n\nThey signed agreements on oil and gas.\n";
    write(site.path(), "seeds/clean.txt", clean);
    write(
        site.path(),
        "seeds/windows.txt",
        format!("\u{feff}{}", clean.replace('\n', "\r\n")),
    );
    let out = caspian(site.path(), &["ingest"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let (_, mut a, body_a) = article_for_seed(site.path(), "seeds/clean.txt");
    let (_, mut b, body_b) = article_for_seed(site.path(), "seeds/windows.txt");
    assert_eq!(body_a, body_b);
    a.source = None;
    b.source = None;
    assert_eq!(a, b);
    assert_eq!(a.date.unwrap().iso(), "2023-11-24");
}

#[test]
fn a_symbolic_link_in_seeds_is_named_and_not_followed() {
    let site = site(false, false);
    let root = site.path();
    write(
        root,
        "seeds/real.txt",
        "Presidents met in Baku\n\nBAKU, 24 November 2023. The presidents of Kazakhstan and Azerbaijan discussed energy.\n",
    );
    std::os::unix::fs::symlink("loop.txt", root.join("seeds/loop.txt")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", root.join("seeds/outside.txt")).unwrap();
    let out = caspian(root, &["ingest"]);
    assert!(!out.status.success());
    let text = stdout(&out);
    for name in ["loop", "outside"] {
        let line = format!(
            "seeds/{name}.txt: error: is a symbolic link; ingest reads only real files in seeds/ (a link can lead outside the site, or in a circle): put the file itself here"
        );
        assert!(text.contains(&line), "missing {line:?} in\n{text}");
    }
    assert!(text.contains("seeds/real.txt: created content/"), "{text}");
    assert!(
        stderr(&out).contains("2 of 3 seeds failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_says_why_and_writes_nothing() {
    let fresh = site(true, false);
    let out = caspian(fresh.path(), &["ingest", "--explain", SEED_003]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    for line in [
        "seeds/003_e315b40c047e683f.txt -> content/presidents-of-kazakhstan-and-azerbaijan-made-a-joint-statement.md (new); --explain writes nothing",
        "title: Presidents of Kazakhstan and Azerbaijan made a joint statement",
        "lang: en (English)",
        "date: 2023-04-10",
        "topics: [diplomacy]",
        "events:",
        "  2005-05-24: Treaty on strategic partnership and allied relations",
        "source: TuraNews",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    // Why the date: the signing line chosen, the treaty's date refused.
    assert!(
        text.contains(
            "chosen    2023-04-10  \"April 10, 2023\", paragraph 27: the closing line of a document"
        ),
        "{text}"
    );
    assert!(
        text.contains("refused   2005-05-24  \"May 24, 2005\""),
        "{text}"
    );
    // Each topic's score against the threshold and the strongest.
    assert!(text.contains("  + diplomacy"), "{text}");
    assert!(text.contains("a side matter"), "{text}");
    assert!(text.contains("  - energy"), "{text}");
    assert!(
        !fresh.path().join("content").exists(),
        "--explain wrote content/"
    );

    // A seed edited by hand since is said so; a missing seed is an error.
    let edited = site(true, true);
    let out = caspian(edited.path(), &["ingest", "--explain", SEED_000]);
    assert!(
        stdout(&out).contains("(edited by hand: kept unless --force)"),
        "{}",
        stdout(&out)
    );
    let out = caspian(edited.path(), &["ingest", "--explain", "seeds/nope.txt"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("seeds/nope.txt: no such seed"),
        "{}",
        stderr(&out)
    );
}
