#![no_main]
//! Front matter: `frontmatter::split`, `frontmatter::parse` and
//! `Article::parse` on any text; what reads cleanly writes back the same.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::frontmatter(data));
