//! caspian: a static site generator for multilingual news archives.
//!
//! The pipeline, in the order the modules below follow it:
//!
//! ```text
//! seeds/*.txt ─ingest→ content/*.md ─load→ Article ─assemble→ Site ─render→ pages ─write→ public/
//! ```
//!
//! `config`, `error`, `layout`, `text`, `date`, `language` and `lexicon` are
//! the ground floor every stage stands on. `pipeline` holds the entry points that the
//! command line and `serve` call.

pub mod config;
pub mod content;
pub mod date;
pub mod draft;
pub mod error;
pub mod frontmatter;
pub mod fs;
pub mod ingest;
pub mod language;
pub mod layout;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod route;
pub mod serve;
pub mod site;
pub mod text;
