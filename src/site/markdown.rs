//! An article's Markdown body as HTML: links to other articles by file name
//! resolved, headings given ids, code highlighted by syntect with CSS
//! classes. Also the body as plain text, for search and excerpts, and every
//! link with its position, for `check`.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::text::slugify;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// The one place that decides which Markdown extensions articles get.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A link or image in the body, where the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    /// Byte offset in the body.
    pub offset: usize,
    pub image: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub plain: String,
    /// Heading ids, in order.
    pub headings: Vec<String>,
    pub links: Vec<LinkRef>,
    pub has_code: bool,
}

/// A heading being read: its level, its id if written, its classes, its inside.
type OpenHeading<'a> = (
    HeadingLevel,
    Option<String>,
    Vec<CowStr<'a>>,
    Vec<Event<'a>>,
);

/// Renders `body`. `resolve` maps a link destination as written to the URL
/// to use, or `None` to keep it as written.
pub fn render(body: &str, resolve: &dyn Fn(&str) -> Option<String>) -> Rendered {
    let mut out = Rendered::default();
    let mut ids = HashSet::new();
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<OpenHeading> = None;
    let mut code: Option<(String, String)> = None;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if let Some((_, text)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    text.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, text) = code.take().expect("inside a code block");
                    out.plain.push_str(&text);
                    out.plain.push('\n');
                    out.has_code = true;
                    events.push(Event::Html(highlight(&lang, &text).into()));
                    continue;
                }
                _ => continue,
            }
        }
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                continue;
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                heading = Some((level, id.map(|i| i.to_string()), classes, Vec::new()));
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, id, classes, inner) = heading.take().expect("inside a heading");
                let text: String = inner
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let base = id.unwrap_or_else(|| match slugify(&text, "en", 60) {
                    s if s.is_empty() => "section".into(),
                    s => s,
                });
                let id = (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|c| !ids.contains(c))
                    .expect("a free id");
                ids.insert(id.clone());
                out.headings.push(id.clone());
                out.plain.push_str(&text);
                out.plain.push('\n');
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes,
                    attrs: Vec::new(),
                }));
                events.extend(inner);
                events.push(Event::End(TagEnd::Heading(level)));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = record_link(&mut out.links, dest_url, range.start, false, resolve);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = record_link(&mut out.links, dest_url, range.start, true, resolve);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if heading.is_none() {
                    out.plain.push_str(t);
                }
                event
            }
            Event::SoftBreak | Event::HardBreak => {
                out.plain.push(' ');
                event
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => {
                out.plain.push('\n');
                event
            }
            e => e,
        };
        match heading.as_mut() {
            Some((_, _, _, inner)) => inner.push(event),
            None => events.push(event),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// Notes a link as written and returns its destination resolved.
fn record_link<'a>(
    links: &mut Vec<LinkRef>,
    dest: CowStr<'a>,
    offset: usize,
    image: bool,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> CowStr<'a> {
    links.push(LinkRef {
        dest: dest.to_string(),
        offset,
        image,
    });
    resolve(&dest).map_or(dest, CowStr::from)
}

/// A code block as `<pre>` with syntect's classes; unknown languages plain.
fn highlight(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| SYNTAXES.find_syntax_by_token(lang))
        .flatten();
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_attr(lang))
    };
    let Some(syntax) = syntax else {
        return format!(
            "<pre class=\"code\"><code{class}>{}</code></pre>\n",
            escape_text(code)
        );
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\"><code{class}>{}</code></pre>\n",
                escape_text(code)
            );
        }
    }
    format!(
        "<pre class=\"code\"><code{class}>{}</code></pre>\n",
        generator.finalize()
    )
}

/// The stylesheet for highlighted code: a light theme, and a dark one for
/// readers whose system is dark.
pub fn highlight_css() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let light = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], CLASS_STYLE)
        .unwrap_or_default();
    let dark = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], CLASS_STYLE)
        .unwrap_or_default();
    format!(
        "/* Code highlighting, generated by caspian from syntect's themes. */\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )
}

pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn headings_get_unique_ids() {
        let r = render(
            "## Energy and oil\n\ntext\n\n## Energy and oil\n\n### Own {#mine}\n",
            &none,
        );
        assert_eq!(r.headings, ["energy-and-oil", "energy-and-oil-2", "mine"]);
        assert!(
            r.html
                .contains("<h2 id=\"energy-and-oil\">Energy and oil</h2>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn links_are_resolved_and_recorded_with_offsets() {
        let body = "See [the treaty](treaty.md#text) and [x](https://example.org).";
        let r = render(body, &|dest| {
            dest.strip_suffix(".md#text")
                .map(|s| format!("/base/articles/{s}/#text"))
        });
        assert!(
            r.html.contains("href=\"/base/articles/treaty/#text\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"https://example.org\""));
        assert_eq!(
            r.links[0],
            LinkRef {
                dest: "treaty.md#text".into(),
                offset: 4,
                image: false
            }
        );
    }

    #[test]
    fn code_is_highlighted_with_classes_not_colours() {
        let r = render("```rust\nfn main() {}\n```\n", &none);
        assert!(r.has_code);
        assert!(r.html.contains("<span class=\"hl-"), "{}", r.html);
        assert!(!r.html.contains("style="));
        let plain = render("```nosuchlang\n<b>\n```\n", &none);
        assert!(plain.html.contains("&lt;b&gt;"));
    }

    #[test]
    fn plain_text_keeps_words_apart() {
        let r = render(
            "# Title\n\nFirst *para*.\n\n- item one\n- item two\n",
            &none,
        );
        assert_eq!(r.plain, "Title\nFirst para.\nitem one\nitem two\n");
    }

    #[test]
    fn highlight_css_has_light_and_dark() {
        let css = highlight_css();
        assert!(css.contains(".hl-code"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
