//! The templates pages are made with: those built into the binary, with a
//! file of the same name in the site's `templates/` over each, and Tera's
//! errors turned into diagnostics at the template's file, line and column.
//! Also the one function templates have for the interface's counted words:
//! `{{ plural(key="articles", n=count) }}` says "5 статей".

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use tera::{Context, Tera};

use crate::config::Strings;
use crate::error::{Diagnostic, Error, Result};
use crate::layout::TEMPLATES_DIR;

/// Templates built into the binary; a file of the same name in the site's
/// `templates/` folder replaces one.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "partials/card.html",
        include_str!("../../templates/partials/card.html"),
    ),
    (
        "partials/facts.html",
        include_str!("../../templates/partials/facts.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../../templates/partials/pager.html"),
    ),
    (
        "partials/empty.html",
        include_str!("../../templates/partials/empty.html"),
    ),
    (
        "partials/line.html",
        include_str!("../../templates/partials/line.html"),
    ),
    (
        "partials/period-nav.html",
        include_str!("../../templates/partials/period-nav.html"),
    ),
    (
        "partials/timeline.html",
        include_str!("../../templates/partials/timeline.html"),
    ),
    (
        "partials/chart.html",
        include_str!("../../templates/partials/chart.html"),
    ),
    (
        "partials/map.html",
        include_str!("../../templates/partials/map.html"),
    ),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("topics.html", include_str!("../../templates/topics.html")),
    ("topic.html", include_str!("../../templates/topic.html")),
    (
        "languages.html",
        include_str!("../../templates/languages.html"),
    ),
    (
        "language.html",
        include_str!("../../templates/language.html"),
    ),
    (
        "chronology.html",
        include_str!("../../templates/chronology.html"),
    ),
    (
        "chronology-year.html",
        include_str!("../../templates/chronology-year.html"),
    ),
    (
        "chronology-month.html",
        include_str!("../../templates/chronology-month.html"),
    ),
    (
        "chronology-undated.html",
        include_str!("../../templates/chronology-undated.html"),
    ),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    ("entity.html", include_str!("../../templates/entity.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
];

pub struct Renderer {
    tera: Tera,
    /// Each template's file as an editor knows it: `templates/404.html`, or
    /// `built-in template 404.html`.
    files: BTreeMap<String, String>,
}

impl Renderer {
    /// The built-in templates, with the site's own in `root/templates` over
    /// them, saying counted words with `strings`.
    pub fn new(root: &Path, strings: Arc<Strings>) -> Result<Self> {
        let mut sources: BTreeMap<String, (String, String)> = TEMPLATES
            .iter()
            .map(|(name, text)| {
                let shown = format!("built-in template {name}");
                (name.to_string(), (shown, text.to_string()))
            })
            .collect();
        for (name, text) in site_templates(root)? {
            sources.insert(name.clone(), (format!("{TEMPLATES_DIR}/{name}"), text));
        }
        let files: BTreeMap<String, String> = sources
            .iter()
            .map(|(name, (shown, _))| (name.clone(), shown.clone()))
            .collect();
        let mut tera = Tera::new();
        // The words are the same on every page: given once, not per page.
        tera.global_context().insert("t", &strings.text);
        tera.register_function("plural", move |kwargs: tera::Kwargs, _: &tera::State| {
            plural(&strings, &kwargs)
        });
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, (_, text))| (name.as_str(), text.as_str())),
        )
        .map_err(|e| template_error(&e, &files, None))?;
        Ok(Renderer { tera, files })
    }

    /// The page `name` makes of `context`, as the bytes of its file: the
    /// templates and every value in them are UTF-8 already, so the output
    /// is not checked again.
    pub(super) fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut bytes)
            .map_err(|e| template_error(&e, &self.files, Some(name)))?;
        Ok(bytes)
    }
}

/// `plural(key=KEY, n=COUNT, NAME=VALUE…)`: the counted string `KEY` of
/// the `[plural]` table of the interface's words, in the form `COUNT`
/// takes in the language, `{n}` and each `{NAME}` filled in.
fn plural(strings: &Strings, kwargs: &tera::Kwargs) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    if !strings.has_plural(key) {
        let hint = crate::error::suggest(key, strings.plural_keys())
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        return Err(tera::Error::message(format!(
            "plural(): there is no counted string \"{key}\"{hint} in the [plural] table of the \
             interface's words"
        )));
    }
    let n: u64 = kwargs.must_get("n")?;
    let mut names: Vec<(&str, String)> = kwargs
        .iter()
        .filter_map(|(name, value)| Some((name.as_str()?, value)))
        .filter(|(name, _)| !matches!(*name, "key" | "n"))
        .map(|(name, value)| {
            (
                name,
                value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string),
            )
        })
        .collect();
    names.sort();
    let args: Vec<(&str, &str)> = names.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(strings.plural(key, n, &args))
}

/// The site's own templates (`.html` and `.xml` files under
/// `root/templates`), by name: `partials/card.html`.
fn site_templates(root: &Path) -> Result<Vec<(String, String)>> {
    let dir = root.join(TEMPLATES_DIR);
    let listing = crate::fs::list(&dir, "html")?;
    listing.refuse_links(root, "caspian reads only real files in", TEMPLATES_DIR)?;
    let xml = listing
        .others
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"));
    listing
        .files
        .iter()
        .chain(xml)
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| Error::read(path, e))?;
            Ok((crate::fs::relative(&dir, path), text))
        })
        .collect()
}

/// Tera's text report of an error: `error: MESSAGE --> NAME:LINE:COLUMN`.
static REPORT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"error: ([^\n]+?)\s*\n\s*--> ([^\s:]+):(\d+):(\d+)").expect("report pattern")
});

/// A template error at the template's file, line and column. `rendering` is
/// the template being rendered, when the error came while rendering.
fn template_error(
    e: &tera::Error,
    files: &BTreeMap<String, String>,
    rendering: Option<&str>,
) -> Error {
    let file = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("{TEMPLATES_DIR}/{name}"))
    };
    let (path, line, column, message) = match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            (
                file(report.filename()),
                span.start_line,
                span.start_col + 1,
                report.message().trim().to_string(),
            )
        }
        tera::ErrorKind::MissingParent { current, parent } => (
            file(current),
            0,
            0,
            format!(
                "extends \"{parent}\", which is neither a built-in template nor a file in \
                 {TEMPLATES_DIR}/"
            ),
        ),
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => (file(tpl), 0, 0, one_line(e)),
        _ => match REPORT.captures(&e.to_string()) {
            // Unknown filters, tests and includes come as a report in text.
            Some(c) => (
                file(&c[2]),
                c[3].parse().unwrap_or(0),
                c[4].parse().unwrap_or(0),
                c[1].to_string(),
            ),
            None => (
                rendering.map_or(TEMPLATES_DIR.to_string(), file),
                0,
                0,
                one_line(e),
            ),
        },
    };
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let message = message.trim_end_matches('.');
    let message = match rendering {
        Some(name) if file(name) != path => {
            format!("{message} (while rendering {name}); fix the template")
        }
        _ => format!("{message}; fix the template"),
    };
    Error::Located(Diagnostic::error(path, line, column, message))
}

/// An error and its sources on one line.
fn one_line(e: &tera::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
