//! The fuzzers' corpora (`fuzz/corpus/<target>/`) replayed through the same
//! checks the fuzz targets run, so that `cargo test` keeps every input the
//! fuzzers found interesting working without building the fuzzer.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::PathBuf;

/// Runs `check` on every file of a target's corpus; fails naming each file
/// whose check failed.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "{} holds only {} inputs",
        dir.display(),
        files.len()
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap();
            std::panic::catch_unwind(|| check(&bytes)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "failed on {} of {} inputs: {failed:#?}",
        failed.len(),
        files.len()
    );
}

#[test]
fn frontmatter_corpus_parses_and_round_trips() {
    replay("frontmatter", checks::frontmatter);
}

#[test]
fn ingest_seed_corpus_ingests_into_articles_that_build_accepts() {
    replay("ingest_seed", checks::ingest_seed);
}

#[test]
fn ingest_page_corpus_ingests_into_articles_that_build_accepts() {
    replay("ingest_page", checks::ingest_page);
}

#[test]
fn markdown_corpus_renders() {
    replay("markdown", checks::markdown);
}
