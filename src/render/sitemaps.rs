//! What crawlers read: the sitemap (split into parts under an index on a
//! site with more pages than one sitemap may list) and `robots.txt`.

use serde::Serialize;
use tera::Context;

use super::Page;
use super::context::Ctx;
use super::plan::{Job, SITEMAP_URLS, in_sitemap};
use crate::date::PartialDate;
use crate::error::Result;
use crate::route;
use crate::site::Site;
use crate::text::escape_html;

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// The sitemap of the whole site (`part` 0) or of its `part`-th
/// [`SITEMAP_URLS`] pages, as the file `path`.
pub(super) fn render_sitemap(
    ctx: &Ctx,
    plan: &[(String, Job)],
    path: &str,
    part: usize,
) -> Result<Page> {
    let site = ctx.site;
    let urls: Vec<SitemapUrl> = sitemap_part(plan, part, SITEMAP_URLS)
        .map(|(path, job)| SitemapUrl {
            loc: site.absolute(route::address(path)),
            lastmod: match job {
                Job::Article(i) => site.entries[*i]
                    .date()
                    .filter(PartialDate::is_full)
                    .map(|d| d.iso()),
                _ => None,
            },
        })
        .collect();
    let mut c = Context::new();
    c.insert("urls", &urls);
    ctx.page("sitemap.xml", path, &c)
}

/// The pages of the plan that the sitemap's `part` lists (0: all of them).
fn sitemap_part(
    plan: &[(String, Job)],
    part: usize,
    limit: usize,
) -> impl Iterator<Item = &(String, Job)> {
    let (skip, take) = match part {
        0 => (0, usize::MAX),
        n => ((n - 1) * limit, limit),
    };
    plan.iter()
        .filter(|(path, job)| in_sitemap(path, *job))
        .skip(skip)
        .take(take)
}

/// A sitemap index of the parts under `sitemaps/`, for a site at `base_url`.
pub(super) fn sitemap_index(base_url: &str, path: &str, parts: usize) -> Page {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in 1..=parts {
        let loc = escape_html(&format!("{base_url}{}", route::sitemap_part(part)));
        xml.push_str(&format!(
            "  <sitemap>\n    <loc>{loc}</loc>\n  </sitemap>\n"
        ));
    }
    xml.push_str("</sitemapindex>\n");
    Page::new(path, xml)
}

/// `robots.txt`: everything may be crawled, and the sitemap is there.
pub(super) fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.absolute(route::SITEMAP)
    )
}

#[cfg(test)]
mod tests {
    use super::super::plan::sitemap_jobs;
    use super::*;

    #[test]
    fn a_site_with_more_urls_than_a_sitemap_may_list_gets_an_index_of_parts() {
        assert_eq!(
            sitemap_jobs(3, 3),
            [("sitemap.xml".into(), Job::Sitemap(0))]
        );
        assert_eq!(
            sitemap_jobs(7, 3),
            [
                ("sitemap.xml".into(), Job::SitemapIndex(3)),
                ("sitemaps/1.xml".into(), Job::Sitemap(1)),
                ("sitemaps/2.xml".into(), Job::Sitemap(2)),
                ("sitemaps/3.xml".into(), Job::Sitemap(3)),
            ]
        );
        let mut plan: Vec<(String, Job)> = (0..7)
            .map(|i| (format!("articles/a{i}/index.html"), Job::Article(i)))
            .collect();
        plan.push(("404.html".into(), Job::NotFound));
        plan.push(("feed.xml".into(), Job::Feed));
        let part = |n| -> Vec<&str> {
            sitemap_part(&plan, n, 3)
                .map(|(p, _)| p.trim_end_matches("/index.html"))
                .collect()
        };
        assert_eq!(part(1), ["articles/a0", "articles/a1", "articles/a2"]);
        assert_eq!(part(3), ["articles/a6"]);
        assert_eq!(part(0).len(), 7);
        let index = sitemap_index("https://x.org/a&b/", "sitemap.xml", 2);
        let xml = String::from_utf8(index.bytes).unwrap();
        assert!(
            xml.contains("<loc>https://x.org/a&amp;b/sitemaps/2.xml</loc>"),
            "{xml}"
        );
        assert_eq!(xml.matches("<sitemap>").count(), 2);
    }
}
