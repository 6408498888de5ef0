#![no_main]
//! An article body's Markdown: `site::body::render` on any text, alone
//! and through `Site::assemble`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::markdown(data));
