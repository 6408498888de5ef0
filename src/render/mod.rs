//! Pages from the `Site`: Tera templates (built in, or the site's own of the
//! same name in `templates/`), feeds, sitemap, search index and assets.
//! Every page is a pure function of `&Site`, rendered in parallel.
//!
//! - `plan`: every file of the site and the job that makes it, and the
//!   dispatch of a job to its page function;
//! - `templates`: the built-in templates, the site's over them, and Tera's
//!   errors as diagnostics; `assets`: the same for static files;
//! - `context`: what every page's template sees (`site`, `page`);
//!   `views`: the small views of articles, links and pagers lists share;
//! - the pages, as readers meet them: `articles`, `lists` (home, topics,
//!   people and places), `chronology`, `stories`, `search`, `feeds`,
//!   `sitemaps`;
//! - the pictures some of them show, drawn as inline SVG: `chart`
//!   (articles over time) and `map` (the places).
//!
//! Every address comes from `crate::route`.

mod articles;
pub mod assets;
pub mod chart;
mod chronology;
mod context;
mod feeds;
mod lists;
pub mod map;
pub mod plan;
pub mod search;
mod sitemaps;
mod stories;
pub mod templates;
pub mod views;

pub use assets::{ASSETS, builtin_assets};
pub use plan::{Job, plan, render_job};
pub use templates::{Renderer, TEMPLATES};

/// One output file: its path under the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Page {
    fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Page {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}
