//! Runs ingest over corpus folders of real pages and says how right it is:
//! body precision, recall and F1 (4-token shingles), headline, language and
//! date agreement, and for corpora that write them down topics, people,
//! places and events; by language, then the worst pages with what was kept
//! or lost.
//!
//! ```sh
//! cargo run --release --example corpus_eval -- tests/corpus/readability tests/corpus/chronicle
//! cargo run --release --example corpus_eval -- --html tests/corpus/readability
//! cargo run --release --example corpus_eval -- --page bbc-1 tests/corpus/readability
//! ```

mod score;

use std::path::PathBuf;

use caspian::config::Config;
use caspian::date::PartialDate;
use score::{Input, Outcome, Summary};

struct Args {
    corpora: Vec<PathBuf>,
    input: Input,
    root: PathBuf,
    worst: usize,
    page: Option<String>,
    today: PartialDate,
    misses: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: corpus_eval [--html] [--root SITE] [--worst N] [--page NAME] [--today YYYY-MM-DD] [--misses] CORPUS..."
    );
    std::process::exit(2)
}

fn args() -> Args {
    let mut args = Args {
        corpora: Vec::new(),
        input: Input::Copied,
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        worst: 10,
        page: None,
        today: caspian::date::today(),
        misses: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--html" => args.input = Input::Saved,
            "--root" => args.root = value().into(),
            "--worst" => args.worst = value().parse().unwrap_or_else(|_| usage()),
            "--page" => args.page = Some(value()),
            "--misses" => args.misses = true,
            "--today" => args.today = PartialDate::parse(&value()).unwrap_or_else(|_| usage()),
            "-h" | "--help" => usage(),
            _ if a.starts_with("--") => usage(),
            _ => args.corpora.push(a.into()),
        }
    }
    if args.corpora.is_empty() {
        usage();
    }
    args
}

fn main() {
    let args = args();
    let config = Config::load(&args.root).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    for corpus in &args.corpora {
        let mut pages = score::read_corpus(corpus).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        if let Some(name) = &args.page {
            pages.retain(|p| &p.name == name);
        }
        let outcomes: Vec<Outcome> = pages
            .iter()
            .filter(|p| p.input(args.input).is_some())
            .map(|p| score::evaluate(p, args.input, &config, args.today))
            .collect();
        println!(
            "## {} ({}, {} pages)\n",
            corpus.display(),
            match args.input {
                Input::Copied => "copied text",
                Input::Saved => "saved pages",
            },
            outcomes.len()
        );
        print_table(&outcomes);
        print_metadata(&outcomes);
        if args.misses {
            print_misses(&outcomes);
        }
        print_worst(&outcomes, if args.page.is_some() { 1 } else { args.worst });
    }
}

fn print_table(outcomes: &[Outcome]) {
    println!(
        "| lang | pages | body F1 | precision | recall | headline | language | date right / partial / wrong / given | invented |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let row = |name: &str, s: &Summary| {
        println!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} | {} | {} | {} / {} / {} / {} | {} |",
            s.pages,
            s.f1(),
            s.precision,
            s.recall,
            s.headline_ok,
            if s.lang_given > 0 {
                format!("{} of {}", s.lang_right, s.lang_given)
            } else {
                "–".into()
            },
            s.date_right,
            s.date_partial,
            s.date_wrong,
            s.date_given,
            s.date_invented,
        )
    };
    for (lang, group) in score::by_language(outcomes) {
        row(&lang, &Summary::of(group));
    }
    row("**all**", &Summary::of(outcomes));
    let all = Summary::of(outcomes);
    println!(
        "\nheadline: {} right of {} (a line of the copy reads as the title on {}); {} pages failed to ingest",
        all.headline_ok, all.pages, all.title_in_copy, all.errors
    );
    println!(
        "publication date: right on {} of the {} pages whose copy shows it in full\n",
        all.date_right_in_copy, all.date_in_copy
    );
}

fn print_metadata(outcomes: &[Outcome]) {
    let all = Summary::of(outcomes);
    if outcomes
        .iter()
        .all(|o| o.topics.is_none() && o.events_expected == 0)
    {
        return;
    }
    println!("| lang | topics P / R / F1 | people F1 | places F1 | events found |");
    println!("|---|---:|---:|---:|---:|");
    let row = |name: &str, s: &Summary| {
        println!(
            "| {name} | {:.2} / {:.2} / {:.2} | {:.2} | {:.2} | {} of {} |",
            s.topics.precision(),
            s.topics.recall(),
            s.topics.f1(),
            s.people.f1(),
            s.places.f1(),
            s.events_found,
            s.events_expected
        )
    };
    for (lang, group) in score::by_language(outcomes) {
        row(&lang, &Summary::of(group));
    }
    row("**all**", &all);
    println!();
}

fn print_worst(outcomes: &[Outcome], n: usize) {
    let mut sorted: Vec<&Outcome> = outcomes.iter().collect();
    sorted.sort_by(|a, b| a.f1().total_cmp(&b.f1()).then(a.name.cmp(&b.name)));
    println!("### worst pages\n");
    for o in sorted.into_iter().take(n) {
        println!(
            "- **{}** ({}): F1 {:.2} (P {:.2}, R {:.2}); lang {}; date {}",
            o.name,
            o.lang,
            o.f1(),
            o.precision,
            o.recall,
            o.lang_got,
            o.date_got.map_or("none".into(), |d| d.iso()),
        );
        if let Some(e) = &o.error {
            println!("  - error: {e}");
            continue;
        }
        println!(
            "  - title{}{}: {:?}",
            if o.generated { " (generated)" } else { "" },
            if o.headline_ok() { "" } else { " WRONG" },
            o.title
        );
        for (what, lines) in [
            (
                "kept, not expected",
                score::unmatched_lines(&o.body, &o.expected_text),
            ),
            ("lost", score::unmatched_lines(&o.expected_text, &o.body)),
        ] {
            if lines.is_empty() {
                continue;
            }
            println!("  - {what} ({} lines):", lines.len());
            for l in lines.iter().take(6) {
                println!("    - {}", clip(l, 110));
            }
        }
    }
}

/// Every page whose date, topics or events are not as expected, with what
/// ingest gave and what a person wrote down.
fn print_misses(outcomes: &[Outcome]) {
    use score::DateOutcome;
    println!("### misses\n");
    for o in outcomes {
        let mut lines = Vec::new();
        if o.error.is_none() && !o.headline_ok() {
            lines.push(format!(
                "headline{}: got {:?}, want {:?}{}",
                if o.generated { " (generated)" } else { "" },
                o.title,
                o.expected.title.as_deref().unwrap_or(""),
                if o.title_in_copy {
                    " (a line of the copy reads as it)"
                } else {
                    ""
                }
            ));
        }
        let want_date = o.expected.publication_date().map(|d| d.iso());
        if !matches!(o.date, DateOutcome::Right | DateOutcome::NoneExpected) {
            lines.push(format!(
                "date {:?}: got {}, want {}{}",
                o.date,
                o.date_got.map_or("none".into(), |d| d.iso()),
                want_date.unwrap_or_else(|| "none".into()),
                if o.date_in_copy {
                    " (the copy shows it)"
                } else {
                    ""
                }
            ));
        }
        if let (Some(t), Some(want)) = (o.topics, &o.expected.topics)
            && (t.extra > 0 || t.missed > 0)
        {
            lines.push(format!(
                "topics: got [{}], want [{}], passing [{}]",
                o.topics_got.join(", "),
                want.join(", "),
                o.expected.topics_passing.join(", ")
            ));
        }
        for w in o.expected.events.iter().flatten() {
            let found = o
                .events_got
                .iter()
                .any(|(d, t)| *d == w.date && score::tokens(t) == score::tokens(&w.text));
            if !found {
                let got = o
                    .events_got
                    .iter()
                    .find(|(d, _)| *d == w.date)
                    .map_or("nothing".to_string(), |(_, t)| format!("{t:?}"));
                lines.push(format!("event {}: want {:?}, got {got}", w.date, w.text));
            }
        }
        for (d, t) in &o.events_got {
            let expected = o.expected.events.iter().flatten().any(|w| w.date == *d);
            if o.expected.events.is_some() && !expected {
                lines.push(format!("event {d}: not expected: {t:?}"));
            }
        }
        if lines.is_empty() {
            continue;
        }
        println!("- **{}** ({})", o.name, o.lang);
        for l in lines {
            println!("  - {l}");
        }
    }
    println!();
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
