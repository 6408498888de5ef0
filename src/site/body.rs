//! An article's Markdown body as HTML: links to other articles by file name
//! resolved, headings given ids, code highlighted by syntect with CSS
//! classes. Also the body as plain text, for search and excerpts, and every
//! link with its position, for `check`.
//!
//! The body cannot put markup of its own into a page: raw HTML is shown as
//! the text it is (an HTML comment, an editors' note, is left out), and a
//! link or image whose address could run script (`javascript:`, `data:`,
//! anything but http, https, mailto, tel or a relative address) is dropped,
//! its text kept.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::text::{escape_html, is_safe_link, slugify};

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
    /// Links and images left out for their scheme (`javascript:`, ...).
    pub dropped: Vec<LinkRef>,
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
    let mut writer = Writer {
        out: Rendered::default(),
        ids: HashSet::new(),
        events: Vec::new(),
        heading: None,
        code: None,
        html_block: None,
        kept: Vec::new(),
        resolve,
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        writer.take(event, range.start);
    }
    let mut out = writer.out;
    out.html.reserve(body.len() + body.len() / 4);
    pulldown_cmark::html::push_html(&mut out.html, writer.events.into_iter());
    // Kept for the whole build: without the room growing left.
    out.html.shrink_to_fit();
    out.plain.shrink_to_fit();
    out
}

/// The body being rendered: the parser's events go in one by one, those
/// of the page come out (with headings given ids, code highlighted, raw
/// HTML as text and unsafe links dropped), and the plain text, headings
/// and links are noted on the way.
struct Writer<'a, 'r> {
    out: Rendered,
    /// Heading ids given so far.
    ids: HashSet<String>,
    /// The page's events.
    events: Vec<Event<'a>>,
    heading: Option<OpenHeading<'a>>,
    /// The code block being read: its language and its text.
    code: Option<(String, String)>,
    /// The text of the raw HTML block being read.
    html_block: Option<String>,
    /// Per open link and image, whether its tags are written (false: dropped).
    kept: Vec<bool>,
    resolve: &'r dyn Fn(&str) -> Option<String>,
}

impl<'a> Writer<'a, '_> {
    /// One event of the parser, which starts at byte `offset` of the body.
    fn take(&mut self, event: Event<'a>, offset: usize) {
        if self.html_block.is_some() {
            return self.in_html_block(event);
        }
        if self.code.is_some() {
            return self.in_code_block(event);
        }
        let Some(event) = self.translate(event, offset) else {
            return;
        };
        match self.heading.as_mut() {
            Some((_, _, _, inner)) => inner.push(event),
            None => self.events.push(event),
        }
    }

    /// Raw HTML is shown as the text it is; a comment is left out.
    fn in_html_block(&mut self, event: Event<'a>) {
        let text = self.html_block.as_mut().expect("inside an HTML block");
        match event {
            Event::Html(t) => text.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => {
                let text = self.html_block.take().expect("inside an HTML block");
                if !is_comment(&text) {
                    let text = text.trim_end().to_string();
                    self.out.plain.push_str(&text);
                    self.out.plain.push('\n');
                    self.events.push(Event::Start(Tag::Paragraph));
                    self.events.push(Event::Text(text.into()));
                    self.events.push(Event::End(TagEnd::Paragraph));
                }
            }
            _ => {}
        }
    }

    fn in_code_block(&mut self, event: Event<'a>) {
        let (_, text) = self.code.as_mut().expect("inside a code block");
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                let (lang, text) = self.code.take().expect("inside a code block");
                self.out.plain.push_str(&text);
                self.out.plain.push('\n');
                self.out.has_code = true;
                self.events
                    .push(Event::Html(highlight(&lang, &text).into()));
            }
            _ => {}
        }
    }

    /// The event as the page has it, noting what it says on the way;
    /// `None` for an event that is kept back or left out.
    fn translate(&mut self, event: Event<'a>, offset: usize) -> Option<Event<'a>> {
        let out = &mut self.out;
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
                return None;
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                self.heading = Some((level, id.map(|i| i.to_string()), classes, Vec::new()));
                return None;
            }
            Event::End(TagEnd::Heading(_)) => {
                self.end_heading();
                return None;
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some(String::new());
                return None;
            }
            Event::InlineHtml(t) => {
                if is_comment(&t) {
                    return None;
                }
                if self.heading.is_none() {
                    out.plain.push_str(&t);
                }
                Event::Text(t)
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
                if !is_safe_link(dest_url) =>
            {
                out.dropped.push(LinkRef {
                    dest: dest_url.to_string(),
                    offset,
                    image: matches!(event, Event::Start(Tag::Image { .. })),
                });
                self.kept.push(false);
                return None;
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if self.kept.pop() == Some(false) {
                    return None;
                }
                event
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.record_link(dest_url, offset, false),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: self.record_link(dest_url, offset, true),
                title,
                id,
            }),
            Event::Text(ref t) | Event::Code(ref t) => {
                if self.heading.is_none() {
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
        Some(event)
    }

    /// The heading read so far, with an id of its own (the one written, or
    /// one made of its text), into the page.
    fn end_heading(&mut self) {
        let (level, id, classes, inner) = self.heading.take().expect("inside a heading");
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
            .find(|c| !self.ids.contains(c))
            .expect("a free id");
        self.ids.insert(id.clone());
        self.out.headings.push(id.clone());
        self.out.plain.push_str(&text);
        self.out.plain.push('\n');
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes,
            attrs: Vec::new(),
        }));
        self.events.extend(inner);
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// Notes a link as written and returns its destination resolved.
    fn record_link(&mut self, dest: CowStr<'a>, offset: usize, image: bool) -> CowStr<'a> {
        self.kept.push(true);
        self.out.links.push(LinkRef {
            dest: dest.to_string(),
            offset,
            image,
        });
        (self.resolve)(&dest).map_or(dest, CowStr::from)
    }
}

/// Whether raw HTML is nothing but complete comments (`<!-- note -->`),
/// which are notes between editors and are left out of the page.
fn is_comment(html: &str) -> bool {
    let mut rest = html.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix("<!--") else {
            return false;
        };
        let Some(end) = inner.find("-->") else {
            return false;
        };
        rest = inner[end + 3..].trim_start();
    }
    true
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
            escape_html(code)
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
                escape_html(code)
            );
        }
    }
    format!(
        "<pre class=\"code\"><code{class}>{}</code></pre>\n",
        generator.finalize()
    )
}

/// The background of code blocks in the default style sheet
/// (`--bg-soft` of `static/style.css`), light and dark.
const CODE_BACKGROUND: [[u8; 3]; 2] = [[0xf1, 0xef, 0xe9], [0x1d, 0x22, 0x26]];

/// The stylesheet for highlighted code: a light theme, and a dark one for
/// readers whose system is dark, each colour made readable on the code
/// blocks' background.
pub fn highlight_css() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let light = css_for_theme_with_class_style(&themes.themes["InspiredGitHub"], CLASS_STYLE)
        .unwrap_or_default();
    let dark = css_for_theme_with_class_style(&themes.themes["base16-ocean.dark"], CLASS_STYLE)
        .unwrap_or_default();
    let light = readable(&light, CODE_BACKGROUND[0]);
    let dark = readable(&dark, CODE_BACKGROUND[1]);
    format!(
        "/* Code highlighting, generated by caspian from syntect's themes. */\n{light}\n\
         @media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
    )
}

/// The least contrast WCAG asks of text (level AA, normal size).
const MIN_CONTRAST: f64 = 4.5;

/// `css` with each `color: #rrggbb` moved towards black (on a light
/// background) or white (on a dark one) until it has [`MIN_CONTRAST`] with
/// `background`: some of the themes' colours are too pale to read.
fn readable(css: &str, background: [u8; 3]) -> String {
    let mut out = String::with_capacity(css.len());
    for line in css.split_inclusive('\n') {
        let fixed = line
            .trim_start()
            .strip_prefix("color: #")
            .and_then(|rest| rest.get(..6))
            .and_then(parse_hex)
            .map(|c| format!(" color: {};\n", hex(legible(c, background))));
        out.push_str(fixed.as_deref().unwrap_or(line));
    }
    out
}

fn parse_hex(h: &str) -> Option<[u8; 3]> {
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// `color`, or the nearest colour towards black or white that has enough
/// contrast with `background`.
fn legible(color: [u8; 3], background: [u8; 3]) -> [u8; 3] {
    let target = if luminance(background) > 0.5 {
        0.0
    } else {
        255.0
    };
    let mut c = color;
    for step in 1..=20 {
        if contrast(c, background) >= MIN_CONTRAST {
            break;
        }
        let t = f64::from(step) / 20.0;
        c = color.map(|v| (f64::from(v) + (target - f64::from(v)) * t).round() as u8);
    }
    c
}

/// WCAG relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let [r, g, b] = c.map(|v| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    });
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG contrast ratio, from 1 to 21.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn escape_attr(s: &str) -> String {
    escape_html(s).replace('"', "&quot;")
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
    fn raw_html_is_shown_as_text_and_comments_are_left_out() {
        let r = render(
            "Talks <script>alert(1)</script> and <b onclick=\"x()\">bold</b> <!-- note -->.\n\n<div onmouseover=\"x()\">\nblock\n</div>\n\n<!-- a note\nfor editors -->\n\n<!-- closed --> then --> and <!--\n\nlast\n",
            &none,
        );
        assert_eq!(
            r.html,
            "<p>Talks &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b onclick=\"x()\"&gt;bold&lt;/b&gt; .</p>\n\
             <p>&lt;div onmouseover=\"x()\"&gt;\nblock\n&lt;/div&gt;</p>\n\
             <p>&lt;!-- closed --&gt; then --&gt; and &lt;!--</p>\n\
             <p>last</p>\n"
        );
        assert!(
            r.plain.contains("<b onclick=\"x()\">bold</b>"),
            "{}",
            r.plain
        );
        assert!(!r.plain.contains("note"), "{}", r.plain);
    }

    #[test]
    fn links_that_could_run_script_are_dropped_and_their_text_kept() {
        let body = "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](&#106;avascript:x) \
                    [d](data:text/html,x) [e](vbscript:x) <javascript:x> ![f](javascript:x) \
                    [![g](data:image/svg+xml,x)](https://ok.example/) [h](https://ok.example/) \
                    [i](mailto:a@b.example) [j](other.md) [k](#top)";
        let r = render(body, &none);
        assert_eq!(
            r.html,
            "<p>a b c d e javascript:x f <a href=\"https://ok.example/\">g</a> \
             <a href=\"https://ok.example/\">h</a> <a href=\"mailto:a@b.example\">i</a> \
             <a href=\"other.md\">j</a> <a href=\"#top\">k</a></p>\n"
        );
        let dropped: Vec<(&str, bool)> = r
            .dropped
            .iter()
            .map(|l| (l.dest.as_str(), l.image))
            .collect();
        assert_eq!(
            dropped,
            [
                ("javascript:alert(1)", false),
                ("JaVaScRiPt:x", false),
                ("javascript:x", false),
                ("data:text/html,x", false),
                ("vbscript:x", false),
                ("javascript:x", false),
                ("javascript:x", true),
                ("data:image/svg+xml,x", true),
            ]
        );
        assert_eq!(r.links.len(), 5);
    }

    #[test]
    fn highlight_css_has_light_and_dark() {
        let css = highlight_css();
        assert!(css.contains(".hl-code"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }

    #[test]
    fn every_code_colour_is_readable_on_the_code_background() {
        let css = highlight_css();
        let (light, dark) = css.split_once("prefers-color-scheme: dark").unwrap();
        for (part, background) in [(light, CODE_BACKGROUND[0]), (dark, CODE_BACKGROUND[1])] {
            let colours: Vec<[u8; 3]> = part
                .lines()
                .filter_map(|l| l.trim_start().strip_prefix("color: #"))
                .filter_map(|h| parse_hex(&h[..6]))
                .collect();
            assert!(colours.len() > 20);
            for c in colours {
                assert!(contrast(c, background) >= MIN_CONTRAST, "{}", hex(c));
            }
        }
        // The theme's pale blue (4.0:1 on the light background) is darkened.
        assert_eq!(contrast([0xff; 3], [0; 3]).round(), 21.0);
        assert!(contrast([0x00, 0x86, 0xb3], CODE_BACKGROUND[0]) < MIN_CONTRAST);
        assert!(!light.contains("#0086b3"));
    }
}
