//! `text::fold` and `text::is_word_char` over every character, as a table
//! that the browser tests hold `static/search.js` to
//! (`tests/browser/search-fold.test.mjs`): search finds a word only when the
//! reader's browser folds it as the build did.
//!
//! After a deliberate change of folding, write the table anew with
//! `CASPIAN_BLESS=1 cargo test --test fold_table`.

use std::fmt::Write as _;
use std::io::{Read, Write as _};

use caspian::text::{fold_char, is_word_char};

const TABLE: &str = "tests/fixtures/fold-table.txt.gz";

/// Each character that folds to another, as `code folded` in hex; then
/// each run of word characters as `w first last`.
fn table() -> String {
    let mut out = String::from(
        "# text::fold and text::is_word_char over every character (tests/fold_table.rs)\n",
    );
    let chars = || (0..=0x10ffff_u32).filter_map(char::from_u32);
    for c in chars() {
        let f = fold_char(c);
        if f != c {
            writeln!(out, "{:x} {:x}", c as u32, f as u32).unwrap();
        }
    }
    let mut run: Option<(u32, u32)> = None;
    for c in chars() {
        let u = c as u32;
        match (is_word_char(c), run) {
            (true, Some((first, last))) if last + 1 == u => run = Some((first, u)),
            (true, _) => {
                if let Some((first, last)) = run {
                    writeln!(out, "w {first:x} {last:x}").unwrap();
                }
                run = Some((u, u));
            }
            (false, _) => {}
        }
    }
    if let Some((first, last)) = run {
        writeln!(out, "w {first:x} {last:x}").unwrap();
    }
    out
}

#[test]
fn the_table_search_js_is_held_to_is_the_folding_of_today() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLE);
    let want = table();
    if std::env::var_os("CASPIAN_BLESS").is_some() {
        let file = std::fs::File::create(&path).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        gz.write_all(want.as_bytes()).unwrap();
        gz.finish().unwrap();
    }
    let mut have = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_string(&mut have)
        .unwrap();
    assert!(
        have == want,
        "{TABLE} is not text::fold of today; if folding changed on purpose, \
         CASPIAN_BLESS=1 cargo test --test fold_table, and make static/search.js fold alike"
    );
    // The table holds what search relies on.
    assert!(want.contains("\n130 69\n"), "İ → i");
    assert!(want.contains("\n4b1 443\n"), "Ұ → у");
}
