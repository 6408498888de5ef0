#![no_main]
//! Ingest of one raw article: `ingest::seed::parse` on any bytes; what it
//! writes must be an article that `build` accepts.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::ingest_seed(data));
