use super::*;

fn posting(word: &str, docs: &[u32]) -> Posting {
    (word.to_string(), docs.to_vec())
}

fn shown(buckets: &[Bucket]) -> Vec<String> {
    buckets
        .iter()
        .map(|b| match &b.words {
            Words::Leaf(words) => {
                let words: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                format!("{}: {}", b.prefix, words.join(" "))
            }
            Words::Split { docs, titles } => format!("{} cut: {docs:?} {titles:?}", b.prefix),
        })
        .collect()
}

#[test]
fn a_bucket_too_large_is_cut_by_the_next_letter_and_keeps_the_union() {
    let words = vec![
        posting("ba", &[1]),
        posting("bak", &[2, 3]),
        posting("baki", &[3, 4]),
        posting("bal", &[5]),
    ];
    let mut titles = Titles::default();
    titles.insert("baki".into(), vec![4]);
    let mut buckets = Vec::new();
    cut("ba", &words, &titles, 1000, &mut buckets);
    assert_eq!(shown(&buckets), ["ba: ba bak baki bal"]);
    // Too large: "ba" keeps what a query of "ba" needs; "bak" is cut again,
    // down to a bucket that is only "bak" and "baki" cannot be cut.
    let mut buckets = Vec::new();
    cut("ba", &words, &titles, 10, &mut buckets);
    assert_eq!(
        shown(&buckets),
        [
            "ba cut: [1, 2, 3, 4, 5] [4]",
            "bak cut: [2, 3, 4] [4]",
            "baki: baki",
            "bal: bal"
        ]
    );
}

#[test]
fn lists_are_written_as_gaps() {
    assert_eq!(
        serde_json::to_string(&Gaps(&[0, 3, 4, 10])).unwrap(),
        "[0,3,1,6]"
    );
    assert_eq!(gaps_bytes(&[0, 3, 4, 10]), "0,3,1,6,".len());
    assert_eq!(gaps_bytes(&[12, 112]), "12,100,".len());
}

#[test]
fn prefixes_count_letters_not_bytes() {
    assert_eq!(prefix("токаев", 2), "то");
    assert_eq!(prefix("b", 2), "b");
    assert_eq!(first_word("kassym jomart tokayev"), "kassym");
}

mod site {
    use std::path::Path;

    use super::super::*;
    use crate::config::Config;
    use crate::content::Article;

    fn site() -> Site {
        let config = Config::parse(
            "title = \"T\"\nbase_url = \"https://x.org/r/\"\nlanguages = [\"en\", \"az\"]\nentities = \"e.toml\"\n",
            Some((
                Path::new("e.toml"),
                "[[places]]\nslug = \"baku\"\nname = \"Baku\"\naliases = [\"Bakı\", \"Баку\"]\n",
            )),
        )
        .unwrap();
        let article = |file: &str, front: &str, body: &str| {
            let text = format!("---\n{front}\n---\n{body}");
            let (a, _) = Article::parse(Path::new(&format!("content/{file}")), &text, &config);
            a.unwrap()
        };
        let articles = vec![
            article(
                "old.md",
                "title: Old news from Baku\ndate: 2005\nlang: en\nplaces: [baku]",
                "\nBaku talks.\n",
            ),
            article(
                "b.md",
                "title: B\ndate: 2023-11-24\nlang: az\nplaces: [baku]",
                "\nBakıda görüş.\n",
            ),
            article(
                "a.md",
                "title: A\ndate: 2023-11-24\nlang: en",
                "\nBaking bread.\n",
            ),
            article("u.md", "title: U\nlang: en", "\nUndated Baku.\n"),
        ];
        Site::assemble(config.clone(), articles).0
    }

    fn file(pages: &[Page], path: &str) -> serde_json::Value {
        let page = pages
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("no {path}"));
        serde_json::from_slice(&page.bytes).unwrap()
    }

    #[test]
    fn articles_are_numbered_newest_first_by_slug_on_one_day_undated_last() {
        let site = site();
        let slugs: Vec<&str> = Ranks::new(&site)
            .order
            .iter()
            .map(|&i| site.entries[i as usize].slug())
            .collect();
        assert_eq!(slugs, ["a", "b", "old", "u"]);
        let pages = render_index(&site);
        let records = file(&pages, "search/docs/0.json");
        let urls: Vec<&str> = records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["u"].as_str().unwrap())
            .collect();
        assert_eq!(
            urls,
            [
                "/r/articles/a/",
                "/r/articles/b/",
                "/r/articles/old/",
                "/r/articles/u/"
            ]
        );
    }

    #[test]
    fn a_bucket_holds_its_words_their_titles_and_the_names_that_start_there() {
        let pages = render_index(&site());
        let manifest = file(&pages, "search/index.json");
        assert_eq!(manifest["docs"], 4);
        assert!(
            manifest["buckets"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b == "ba")
        );
        assert_eq!(manifest["years"]["2005"], "/r/chronology/2005/");
        // "ba": baku (old 2, u 3, and the title of old), bakida (b 1), baking (a 0).
        let ba = file(&pages, "search/words/6261.json");
        assert_eq!(ba["w"]["baku"], serde_json::json!([2, 1]));
        assert_eq!(ba["w"]["bakida"], serde_json::json!([1]));
        assert_eq!(ba["w"]["baking"], serde_json::json!([0]));
        assert_eq!(ba["t"], serde_json::json!({"baku": [2]}));
        assert_eq!(ba["a"]["baki"], serde_json::json!(["places/baku.json"]));
        assert_eq!(ba["a"]["baku"], serde_json::json!(["places/baku.json"]));
        // "Баку" has a bucket though no article writes it.
        let ba_cyrillic = file(&pages, &route::search_words("ба"));
        assert_eq!(
            ba_cyrillic["a"]["баку"],
            serde_json::json!(["places/baku.json"])
        );
        let baku = file(&pages, "search/places/baku.json");
        assert_eq!(baku["n"], "Baku");
        assert_eq!(baku["u"], "/r/places/baku/");
        assert_eq!(baku["w"], serde_json::json!(["baki", "baku", "баку"]));
        assert_eq!(baku["d"], serde_json::json!([1, 1]));
    }
}
