//! caspian: a static site generator for multilingual news archives.
//!
//! The pipeline, in the order the modules below follow it:
//!
//! ```text
//! seeds/*.txt ─ingest→ content/*.md ─load→ Article ─assemble→ Site ─render→ pages ─write→ public/
//! ```
//!
//! - ground floor, which every stage stands on: `config`, `error`,
//!   `layout` (the folder and file names of a site), `route` (every page
//!   address), `fs`, `text`, `date`, `language`, `lexicon`, `frontmatter`,
//!   `duplicates` (the same text twice);
//! - `ingest` (seeds → content) and `draft` (`caspian new`);
//! - `content` (an article read and checked), `site` (the articles
//!   assembled, their links checked), `render` (pages), `output` (pages
//!   written to disk whole or not at all);
//! - `pipeline`: the entry points that the command line and `serve` call;
//! - `init`: a new site's files, beside the pipeline (`caspian init`).
//!
//! Each layer imports only from those below it: cli/serve → pipeline →
//! output → render → site → content → ground floor.

pub mod config;
pub mod content;
pub mod date;
pub mod draft;
pub mod duplicates;
pub mod error;
pub mod frontmatter;
pub mod fs;
pub mod ingest;
pub mod init;
pub mod language;
pub mod layout;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod route;
pub mod serve;
pub mod site;
pub mod stories;
pub mod text;
