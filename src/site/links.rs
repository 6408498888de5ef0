//! Links, read and checked in one place. An editor links another article by
//! its file name (`other.md`, `other.md#heading`), a page of the site by its
//! address (`/topics/`), or a heading of the same article (`#heading`).
//! This module resolves those links to URLs, and holds every check of the
//! site's links: each article's own as it is assembled, anchors into other
//! articles once all are, `/path` links once the plan of pages is known,
//! and every `href` and `src` of every rendered page. Whether an address is
//! a page of the site is one rule: [`Targets::has`].

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use memchr::memmem;

use super::body::Rendered;
use super::{Entry, Site};
use crate::content::Article;
use crate::error::{Diagnostic, suggest};
use crate::layout::{CONTENT_DIR, PUBLIC_DIR};
use crate::route;

/// A link an editor wrote, where they wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// As written: `/topics/`, `other.md#top`.
    pub dest: String,
    pub line: usize,
    pub column: usize,
}

/// The articles links may lead to, by file name, under the base path.
pub struct ArticleLinks {
    /// The base path, `/` or `/repo/`.
    base: String,
    /// Each article's slug by its file name.
    by_file: HashMap<String, String>,
}

/// An article's links as the article alone can check them.
pub struct Checked {
    /// Links to pages of the site (`/topics/`), checked once the plan is known.
    pub site_links: Vec<SiteLink>,
    /// Links to headings of other articles, checked once all are assembled.
    pub anchored: Vec<SiteLink>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ArticleLinks {
    pub fn new(base: &str, articles: &[Arc<Article>]) -> Self {
        let by_file = articles
            .iter()
            .map(|a| (a.file_name(), a.slug.clone()))
            .collect();
        ArticleLinks {
            base: base.to_string(),
            by_file,
        }
    }

    /// Root-relative, with the base path: `/repo/articles/<slug>/`.
    pub fn article_url(&self, slug: &str) -> String {
        format!("{}{}", self.base, route::article(slug))
    }

    /// A number that changes when a link could resolve differently: when
    /// the base path, a file name or a slug changes.
    pub fn key(&self) -> u64 {
        let mut files: Vec<(&String, &String)> = self.by_file.iter().collect();
        files.sort();
        super::bodies::hash(&(&self.base, files))
    }

    /// The URL a link leads to, or `None` to keep it as written (a link
    /// out of the site, or to an article that does not exist).
    pub fn resolve(&self, dest: &str) -> Option<String> {
        if let Some(path) = dest.strip_prefix('/').filter(|p| !p.starts_with('/')) {
            return Some(format!("{}{path}", self.base));
        }
        let (file, anchor) = split_anchor(dest);
        let slug = md_target(file).and_then(|name| self.by_file.get(name))?;
        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
        Some(format!("{}{anchor}", self.article_url(slug)))
    }

    /// The links of `article`, whose body rendered as `body`: those left
    /// out, to articles that do not exist and to headings it lacks are
    /// reported; those that need the whole site to check are kept.
    pub fn check_article(&self, article: &Article, body: &Rendered) -> Checked {
        let mut checked = Checked {
            site_links: Vec::new(),
            anchored: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mut position = Positions::new(article);
        let mut at = |offset: usize| position.of(offset);
        let path = &article.path;
        for link in &body.dropped {
            let (line, column) = at(link.offset);
            let message = dropped_message(&link.dest, link.image);
            checked
                .diagnostics
                .push(Diagnostic::warning(path, line, column, message));
        }
        // Most links lead out of the site: a link's line is found only
        // when it is kept or reported.
        for link in &body.links {
            let (file, anchor) = split_anchor(&link.dest);
            let kept = |(line, column)| SiteLink {
                dest: link.dest.clone(),
                line,
                column,
            };
            let message = if link.dest.starts_with('/') && !link.dest.starts_with("//") {
                checked.site_links.push(kept(at(link.offset)));
                continue;
            } else if let Some(name) = md_target(file) {
                if self.by_file.contains_key(name) {
                    if anchor.is_some() {
                        checked.anchored.push(kept(at(link.offset)));
                    }
                    continue;
                }
                self.missing_file_message(&link.dest, name)
            } else if file.is_empty()
                && anchor.is_some_and(|a| !body.headings.iter().any(|h| h == a))
            {
                format!(
                    "link to \"{}\" but this article has no heading with that id; {}",
                    link.dest,
                    headings_hint(&body.headings)
                )
            } else {
                continue;
            };
            let (line, column) = at(link.offset);
            checked
                .diagnostics
                .push(Diagnostic::error(path, line, column, message));
        }
        checked
    }

    fn missing_file_message(&self, dest: &str, name: &str) -> String {
        let hint = suggest(name, self.by_file.keys().map(String::as_str))
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        format!(
            "link to \"{dest}\" but there is no {CONTENT_DIR}/{name}{hint}; fix the file name or \
             remove the link"
        )
    }

    /// Anchors in links to other articles, now that every heading is
    /// known. `anchored` holds those links of each entry.
    pub fn check_anchors(&self, entries: &[Entry], anchored: &[Vec<SiteLink>]) -> Vec<Diagnostic> {
        let by_slug: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.slug(), i))
            .collect();
        let mut out = Vec::new();
        for (entry, links) in entries.iter().zip(anchored) {
            for SiteLink { dest, line, column } in links {
                let (file, anchor) = split_anchor(dest);
                let (Some(name), Some(anchor)) = (md_target(file), anchor) else {
                    continue;
                };
                let target = self.by_file.get(name).and_then(|s| by_slug.get(s.as_str()));
                let Some(&target) = target else {
                    continue;
                };
                let headings = &entries[target].body.headings;
                if !headings.iter().any(|h| h == anchor) {
                    let message = format!(
                        "link to \"{dest}\" but {name} has no heading with the id \"{anchor}\"; {}",
                        headings_hint(headings)
                    );
                    out.push(Diagnostic::error(
                        &entry.article.path,
                        *line,
                        *column,
                        message,
                    ));
                }
            }
        }
        out
    }
}

fn dropped_message(dest: &str, image: bool) -> String {
    let (what, shown) = if image {
        ("image", "its description is shown instead")
    } else {
        ("link to", "its text is shown without the link")
    };
    format!(
        "{what} \"{dest}\" left out of the page: an address must start with https://, http://, \
         mailto: or tel:, or lead to a page of the site; {shown}"
    )
}

fn headings_hint(headings: &[String]) -> String {
    if headings.is_empty() {
        "it has no headings".into()
    } else {
        format!("its headings are: {}", headings.join(", "))
    }
}

fn split_anchor(dest: &str) -> (&str, Option<&str>) {
    match dest.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (dest, None),
    }
}

/// The file name of a relative link to an article, `other.md` or
/// `./other.md` or `../content/other.md`.
fn md_target(file: &str) -> Option<&str> {
    if file.contains("://") || file.starts_with('/') || !file.ends_with(".md") {
        return None;
    }
    file.rsplit('/').next()
}

/// Lines and columns in the file of places in an article's body, asked
/// for mostly in the order they come (as links do): each question counts
/// lines on from the last one.
pub(super) struct Positions<'a> {
    body: &'a str,
    first_line: usize,
    offset: usize,
    line: usize,
}

impl<'a> Positions<'a> {
    pub(super) fn new(article: &'a Article) -> Positions<'a> {
        Positions {
            body: &article.body,
            first_line: article.body_line,
            offset: 0,
            line: 0,
        }
    }

    pub(super) fn of(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.body.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 0);
        }
        let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
        self.line += newlines(&self.body[self.offset..offset]);
        self.offset = offset;
        let before = &self.body[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            self.first_line + self.line,
            before[line_start..].chars().count() + 1,
        )
    }
}

/// Every address a page may link to, root-relative without the base path:
/// each file, and each folder that has an `index.html`, with and without
/// its trailing slash. What a host serves, without building a string for
/// every link.
pub struct Targets<'a>(HashSet<&'a str>);

impl<'a> Targets<'a> {
    /// The addresses of the site whose files are `paths`.
    pub fn new(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = HashSet::new();
        for path in paths {
            set.insert(path);
            let folder = route::address(path);
            if folder != path && (folder.is_empty() || folder.ends_with('/')) {
                set.insert(folder);
                set.insert(folder.trim_end_matches('/'));
            }
        }
        Targets(set)
    }

    /// Whether `link` (root-relative, without the base path; a query or an
    /// anchor after it) leads to a page of the site.
    pub fn has(&self, link: &str) -> bool {
        self.0.contains(link.split(['#', '?']).next().unwrap_or(""))
    }
}

/// Links an editor wrote as `/path` in an article, against the site's pages.
pub fn check_site_links(site: &Site, targets: &Targets) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &site.entries {
        for SiteLink { dest, line, column } in &e.site_links {
            if !targets.has(dest.trim_start_matches('/')) {
                out.push(Diagnostic::error(
                    &e.article.path,
                    *line,
                    *column,
                    format!(
                        "link to \"{dest}\" but the site has no such page; link e.g. /topics/, \
                         /chronology/ or another-article.md"
                    ),
                ));
            }
        }
    }
    out
}

/// Every internal `href` and `src` of the page `path`, made of `bytes`,
/// must lead somewhere: this catches a template that links to a page the
/// site does not make. `base` is the base path.
pub fn check_page_links(
    base: &str,
    targets: &Targets,
    path: &str,
    bytes: &[u8],
) -> Vec<Diagnostic> {
    if !path.ends_with(".html") {
        return Vec::new();
    }
    static ATTRIBUTE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"=\""));
    let html = bytes;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = ATTRIBUTE.find(&html[from..]).map(|i| from + i) {
        from = at + 2;
        if !(html[..at].ends_with(b"href") || html[..at].ends_with(b"src")) {
            continue;
        }
        let Some(len) = memchr::memchr(b'"', &html[from..]) else {
            break;
        };
        let value = String::from_utf8_lossy(&html[from..from + len]);
        from += len + 1;
        let link = value.replace("&amp;", "&");
        let Some(address) = link.strip_prefix(base) else {
            continue;
        };
        if link.starts_with("//") || targets.has(address) {
            continue;
        }
        out.push(Diagnostic::error(
            format!("{PUBLIC_DIR}/{path}"),
            0,
            0,
            format!("links to \"{link}\", which the site does not have; check the templates"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(html: &str) -> Vec<String> {
        let files = [
            "index.html",
            "topics/index.html",
            "topics/energy/index.html",
            "assets/style.css",
            "feed.xml",
        ];
        let targets = Targets::new(files);
        check_page_links(
            "/repo/",
            &targets,
            "topics/energy/index.html",
            html.as_bytes(),
        )
        .into_iter()
        .map(|d| d.to_string())
        .collect()
    }

    #[test]
    fn page_links_resolve_as_the_site_serves_them() {
        let good = r#"<a href="/repo/">home</a> <a href="/repo/topics/">t</a>
            <a href="/repo/topics/energy/#top">e</a> <a href="/repo/topics/energy">e</a>
            <link rel="stylesheet" href="/repo/assets/style.css"><img src="/repo/feed.xml?x=1&amp;y=2">
            <a href="https://example.org/repo/missing/">out</a> <a href="//cdn.example/x">cdn</a>
            <p title="a=&quot;b&quot;">=""</p>"#;
        assert_eq!(broken(good), Vec::<String>::new());
        let links = [
            "",
            "a/",
            "a",
            "a/#x",
            "b.html",
            "b",
            "b/",
            "c",
            "a/index.html?q",
        ];
        let folder = Targets::new(["index.html", "a/index.html"]);
        let found: Vec<&str> = links.into_iter().filter(|l| folder.has(l)).collect();
        assert_eq!(found, ["", "a/", "a", "a/#x", "a/index.html?q"]);
        let file = Targets::new(["index.html", "b.html"]);
        let found: Vec<&str> = links.into_iter().filter(|l| file.has(l)).collect();
        assert_eq!(found, ["", "b.html"]);
    }

    #[test]
    fn a_link_to_a_page_the_site_lacks_is_named() {
        assert_eq!(
            broken(
                r#"<a href="/repo/people/">p</a><img data-src="/repo/x.png"><a href="/repo/topics/energy/">ok</a>"#
            ),
            [
                "public/topics/energy/index.html: links to \"/repo/people/\", which the site does not have; check the templates",
                "public/topics/energy/index.html: links to \"/repo/x.png\", which the site does not have; check the templates",
            ]
        );
    }
}
