//! Floors on what ingest finds in real pages (`tests/corpus/`), from their
//! copied text and from the saved pages themselves: a change
//! that makes extraction worse than these fails. The numbers are a little
//! under what ingest reaches; `cargo run --release --example corpus_eval`
//! prints the full report. Raise a floor when you raise the quality.

#[path = "../examples/corpus_eval/score.rs"]
#[allow(dead_code)]
mod score;

use std::path::Path;

use caspian::config::Config;
use caspian::date::PartialDate;
use score::{Input, Outcome, Summary};

fn outcomes(corpus: &str, input: Input) -> Vec<Outcome> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(root).expect("the repository's site.toml loads");
    let today = PartialDate::ymd(2026, 12, 1).unwrap();
    let pages = score::read_corpus(&root.join("tests/corpus").join(corpus)).unwrap();
    assert!(!pages.is_empty(), "the {corpus} corpus is there");
    pages
        .iter()
        .map(|p| score::evaluate(p, input, &config, today))
        .collect()
}

#[test]
fn copied_text_of_the_readability_pages_keeps_its_floors() {
    let all = outcomes("readability", Input::Copied);
    let s = Summary::of(&all);
    assert_eq!(s.pages, 93);
    let report = format!(
        "body F1 {:.3} (P {:.3}, R {:.3}), headline {} of 93, language {} of {}",
        s.f1(),
        s.precision,
        s.recall,
        s.headline_ok,
        s.lang_right,
        s.lang_given
    );
    assert!(s.f1() >= 0.80, "{report}");
    assert!(s.recall >= 0.95, "{report}");
    assert!(s.headline_ok >= 26, "{report}");
    assert!(s.lang_right >= 60, "{report}");
}

#[test]
fn saved_readability_pages_keep_their_floors() {
    let all = outcomes("readability", Input::Saved);
    let s = Summary::of(&all);
    assert_eq!(s.pages, 93);
    let report = format!(
        "body F1 {:.3} (P {:.3}, R {:.3}), headline {} of 93, language {} of {}, date {} right and {} wrong of {}, {} where Readability reads none, {} errors",
        s.f1(),
        s.precision,
        s.recall,
        s.headline_ok,
        s.lang_right,
        s.lang_given,
        s.date_right,
        s.date_wrong,
        s.date_given,
        s.date_invented,
        s.errors
    );
    assert_eq!(s.errors, 0, "{report}");
    assert!(s.f1() >= 0.975, "{report}");
    assert!(s.precision >= 0.965, "{report}");
    assert!(s.recall >= 0.985, "{report}");
    assert!(s.headline_ok >= 91, "{report}");
    assert!(s.lang_right >= 69, "{report}");
    assert!(s.date_right >= 30 && s.date_wrong == 0, "{report}");
    // Dates from markup Readability's metadata does not read (Dublin Core,
    // `<time pubdate>`, itemprop): 15 of the 18 are the dateline the page
    // shows; none may be added without looking.
    assert!(s.date_invented <= 18, "{report}");
}
