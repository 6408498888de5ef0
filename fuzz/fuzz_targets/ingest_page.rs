#![no_main]
//! Ingest of one saved web page: `ingest::seed::parse` on any bytes named
//! `.html`; what it writes must be an article that `build` accepts.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::ingest_page(data));
