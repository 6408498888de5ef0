//! The extracted article's HTML as Markdown that keeps its structure:
//! paragraphs, headings, lists, quotes, tables, code, absolute links and
//! emphasis. Images are left out (their alt text kept as text), and so is
//! anything that is not text to read (scripts, styles, forms, media).
//! Every character of the text that Markdown would read as markup is
//! escaped, as in the text path, so the page shows what the article said.

use dom_query::{Document, NodeRef};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::ingest::markdown::escape;

/// The article as Markdown, and its blocks as plain text (for detecting
/// its language, topics and the rest), in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub markdown: String,
    pub paragraphs: Vec<String>,
    /// How many of the plain text's characters are link text.
    pub link_chars: usize,
}

/// Converts `html` (the extractor's output) to Markdown.
pub fn to_markdown(html: &str) -> Body {
    let doc = Document::fragment(html);
    let mut w = Writer::default();
    w.children(&doc.root(), 0);
    w.flush();
    Body {
        markdown: if w.blocks.is_empty() {
            String::new()
        } else {
            format!("{}\n", w.blocks.join("\n\n"))
        },
        paragraphs: w.plain,
        link_chars: w.link_chars,
    }
}

/// Elements with nothing a reader reads.
#[rustfmt::skip]
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "annotation", "annotation-xml", "iframe", "object", "embed",
    "video", "audio", "canvas", "button", "input", "select", "textarea", "option", "head",
    "title", "meta", "link", "map", "area", "picture", "source", "track", "dialog", "form",
];

/// Elements that start and end a block.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
    "figcaption", "details", "summary", "center", "fieldset", "address", "hgroup", "dl", "dt",
    "dd", "body", "html", "caption", "legend",
];

/// Elements that hold blocks: a link or emphasis around one is dropped
/// rather than broken across blocks.
#[rustfmt::skip]
const HOLDS_BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "ul", "ol", "table", "blockquote", "pre", "h1", "h2",
    "h3", "h4", "h5", "h6", "figure", "header", "footer", "aside", "hr", "dl",
];

/// Deeper than this, elements are read for their text only.
const MAX_DEPTH: usize = 200;

#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    plain: Vec<String>,
    /// The block being written: its Markdown, and its plain text.
    line: String,
    text: String,
    link_chars: usize,
    /// Inside a link: links are not nested.
    in_link: bool,
    /// Alt texts written so far: a picture repeated (an icon, a gallery's
    /// one caption) says it once.
    alts: std::collections::HashSet<String>,
}

impl Writer {
    fn children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn node(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            self.push_text(&node.text());
            return;
        }
        if !node.is_element() {
            if node.is_document() || node.is_fragment() {
                self.children(node, depth);
            }
            return;
        }
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        let name = name.as_str();
        if SKIPPED.contains(&name) || node.has_attr("hidden") || hidden_by_style(node) {
            return;
        }
        if depth > MAX_DEPTH {
            self.push_text(&node.text());
            return;
        }
        match name {
            "br" => {
                if !self.line.trim().is_empty() {
                    self.line.push_str("\\\n");
                    self.text.push(' ');
                }
            }
            "hr" => {
                self.flush();
                self.blocks.push("* * *".into());
            }
            "img" => {
                if let Some(alt) = node
                    .attr("alt")
                    .map(|a| clean_text(&a))
                    .filter(|a| reads_as_words(a))
                    .filter(|a| self.alts.insert(a.trim().to_string()))
                {
                    self.push_text(&alt);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = (name.as_bytes()[1] - b'0').clamp(2, 4) as usize;
                let (md, plain) = self.inline_of(node, depth);
                if !md.is_empty() {
                    // `{` would start heading attributes.
                    self.blocks
                        .push(format!("{} {}", "#".repeat(level), md.replace('{', "\\{")));
                    self.plain.push(plain);
                }
            }
            "ul" | "ol" => {
                self.flush();
                let list = self.list(node, name == "ol", depth);
                if !list.is_empty() {
                    self.blocks.push(list);
                }
            }
            "blockquote" => {
                self.flush();
                let inner = self.sub(node, depth);
                if !inner.is_empty() {
                    let quoted: Vec<String> = inner
                        .lines()
                        .map(|l| {
                            if l.is_empty() {
                                ">".to_string()
                            } else {
                                format!("> {l}")
                            }
                        })
                        .collect();
                    self.blocks.push(quoted.join("\n"));
                }
            }
            "pre" => {
                self.flush();
                let code = node.text().to_string();
                let code = code.trim_matches('\n');
                if !code.trim().is_empty() {
                    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
                    self.blocks.push(format!("{fence}\n{code}\n{fence}"));
                    self.plain.push(code.to_string());
                }
            }
            "table" => {
                self.flush();
                self.table(node, depth);
            }
            "a" => self.link(node, depth),
            "em" | "i" | "cite" | "dfn" | "var" => self.wrapped(node, depth, "*"),
            "strong" | "b" => self.wrapped(node, depth, "**"),
            "code" | "kbd" | "samp" | "tt" => {
                let code = clean_text(&node.text());
                let code = code.trim();
                if !code.is_empty() {
                    self.open_inline(node);
                    let fence = "`".repeat(longest_run(code, '`') + 1);
                    let pad = if code.starts_with('`') || code.ends_with('`') {
                        " "
                    } else {
                        ""
                    };
                    self.line
                        .push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
                    self.text.push_str(code);
                    self.close_inline(node);
                }
            }
            "li" => {
                // An item outside a list: a paragraph.
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ => self.children(node, depth),
        }
    }

    /// Text of a text node, whitespace collapsed as a browser shows it.
    fn push_text(&mut self, raw: &str) {
        let t = clean_text(raw);
        if t.is_empty() {
            return;
        }
        let t = if self.line.is_empty() || self.line.ends_with(['\n', ' ']) {
            t.trim_start()
        } else {
            &t
        };
        if t.is_empty() {
            return;
        }
        self.line.push_str(&escape(t));
        self.text.push_str(t);
        if self.in_link {
            self.link_chars += t.chars().count();
        }
    }

    /// Before an inline element: the space its text started with, which
    /// must stand outside its markers.
    fn open_inline(&mut self, node: &NodeRef) {
        let raw = node.text();
        if raw.starts_with(char::is_whitespace)
            && !self.line.is_empty()
            && !self.line.ends_with([' ', '\n'])
        {
            self.line.push(' ');
            self.text.push(' ');
        }
        // "**a***b*" would not read as two emphases.
        if self.line.ends_with('*') {
            self.line.push(' ');
            self.text.push(' ');
        }
    }

    /// After an inline element: the space its text ended with.
    fn close_inline(&mut self, node: &NodeRef) {
        if node.text().ends_with(char::is_whitespace) {
            self.line.push(' ');
            self.text.push(' ');
        }
    }

    /// Ends the block being written.
    fn flush(&mut self) {
        let md = self.line.trim().trim_end_matches('\\').trim_end();
        let text = self.text.trim();
        if !md.is_empty() && !text.is_empty() {
            self.blocks.push(md.to_string());
            self.plain.push(text.to_string());
        }
        self.line.clear();
        self.text.clear();
    }

    /// What `node`'s children write as blocks, joined as Markdown; a list
    /// right after a block stays tight with it (a nested list).
    fn sub(&mut self, node: &NodeRef, depth: usize) -> String {
        let mut inner = Writer {
            in_link: self.in_link,
            alts: std::mem::take(&mut self.alts),
            ..Writer::default()
        };
        inner.children(node, depth);
        inner.flush();
        self.alts = std::mem::take(&mut inner.alts);
        self.plain.append(&mut inner.plain);
        self.link_chars += inner.link_chars;
        let mut out = String::new();
        for block in &inner.blocks {
            if !out.is_empty() {
                out.push_str(if is_list(block) { "\n" } else { "\n\n" });
            }
            out.push_str(block);
        }
        out
    }

    /// `node`'s children as one line of inline Markdown and its plain text.
    fn inline_of(&mut self, node: &NodeRef, depth: usize) -> (String, String) {
        let mut inner = Writer {
            in_link: self.in_link,
            alts: std::mem::take(&mut self.alts),
            ..Writer::default()
        };
        inner.children(node, depth);
        inner.flush();
        self.alts = std::mem::take(&mut inner.alts);
        self.link_chars += inner.link_chars;
        (inner.blocks.join(" "), inner.plain.join(" "))
    }

    fn wrapped(&mut self, node: &NodeRef, depth: usize, mark: &str) {
        if holds_blocks(node) {
            self.children(node, depth);
            return;
        }
        let (md, plain) = self.inline_of(node, depth);
        let md = md.replace("\\\n", " ");
        if md.trim().is_empty() {
            return;
        }
        // Emphasis must not start or end with a space, and in a word only
        // `*` works.
        self.open_inline(node);
        self.line.push_str(&format!("{mark}{}{mark}", md.trim()));
        self.text.push_str(plain.trim());
        self.close_inline(node);
    }

    fn link(&mut self, node: &NodeRef, depth: usize) {
        let href = node.attr("href").map(|h| h.trim().to_string());
        let target = href.filter(|h| is_kept_link(h));
        let outer = self.in_link;
        self.in_link = true;
        match target {
            Some(target) if !outer && !holds_blocks(node) => {
                let (md, plain) = self.inline_of(node, depth);
                let md = md.replace("\\\n", " ");
                if !md.trim().is_empty() {
                    self.open_inline(node);
                    self.line
                        .push_str(&format!("[{}]({})", md.trim(), link_target(&target)));
                    self.text.push_str(plain.trim());
                    self.close_inline(node);
                }
            }
            // A link that cannot be followed, or around blocks: its text.
            _ => self.children(node, depth),
        }
        self.in_link = outer;
    }

    fn list(&mut self, node: &NodeRef, ordered: bool, depth: usize) -> String {
        let mut number: u64 = node
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1)
            .min(999_999_999);
        let mut items = Vec::new();
        for child in node.children_it(false) {
            let is_item = child
                .node_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("li"));
            let inner = if is_item {
                self.sub(&child, depth + 1)
            } else if child.is_element() {
                // A list's stray child (a nested list, a div): its own blocks.
                let mut w = Writer {
                    alts: std::mem::take(&mut self.alts),
                    ..Writer::default()
                };
                w.node(&child, depth + 1);
                w.flush();
                self.alts = std::mem::take(&mut w.alts);
                self.plain.append(&mut w.plain);
                w.blocks.join("\n\n")
            } else {
                continue;
            };
            if inner.is_empty() {
                continue;
            }
            let marker = if ordered {
                let m = format!("{number}. ");
                number += 1;
                m
            } else {
                "- ".to_string()
            };
            let indent = " ".repeat(marker.len());
            let mut item = String::new();
            for (i, l) in inner.lines().enumerate() {
                if i == 0 {
                    item.push_str(&marker);
                    item.push_str(l);
                } else {
                    item.push('\n');
                    if !l.is_empty() {
                        item.push_str(&indent);
                        item.push_str(l);
                    }
                }
            }
            items.push(item);
        }
        items.join("\n")
    }

    fn table(&mut self, node: &NodeRef, depth: usize) {
        let rows: Vec<NodeRef> = node
            .descendants_it()
            .filter(|n| n.node_name().is_some_and(|t| t.eq_ignore_ascii_case("tr")))
            .collect();
        let nested = node.descendants_it().any(|n| {
            n.node_name().is_some_and(|t| {
                HOLDS_BLOCKS
                    .iter()
                    .any(|b| t.eq_ignore_ascii_case(b) && *b != "p")
            })
        });
        fn cells<'a>(row: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
            row.children_it(false)
                .filter(|c| {
                    c.node_name().is_some_and(|t| {
                        t.eq_ignore_ascii_case("td") || t.eq_ignore_ascii_case("th")
                    })
                })
                .collect()
        }
        let columns = rows.iter().map(|r| cells(r).len()).max().unwrap_or(0);
        // A table for layout (blocks in its cells, one column) is read as
        // blocks; a table of data becomes a Markdown table.
        if nested || columns < 2 || rows.len() < 2 {
            for row in &rows {
                for cell in cells(row) {
                    self.flush();
                    self.children(&cell, depth + 2);
                    self.flush();
                }
            }
            if rows.is_empty() {
                self.children(node, depth);
            }
            return;
        }
        let mut lines = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let mut texts: Vec<String> = cells(row)
                .iter()
                .map(|c| {
                    let (md, plain) = self.inline_of(c, depth + 2);
                    if !plain.is_empty() {
                        self.plain.push(plain);
                    }
                    md.replace("\\\n", " ")
                })
                .collect();
            texts.resize(columns, String::new());
            lines.push(format!("| {} |", texts.join(" | ")));
            if i == 0 {
                lines.push(format!("|{}", " --- |".repeat(columns)));
            }
        }
        self.blocks.push(lines.join("\n"));
    }
}

/// Whether a Markdown block is a list.
fn is_list(block: &str) -> bool {
    let digits = block.bytes().take_while(u8::is_ascii_digit).count();
    block.starts_with("- ") || digits > 0 && block[digits..].starts_with(". ")
}

/// Whether an image's alt text says something: words, not a file name
/// ("IMG_3886.jpg"), a lone label ("Screenshot") or a formula's source.
fn reads_as_words(alt: &str) -> bool {
    let words: Vec<&str> = alt.split_whitespace().collect();
    let lower = alt.trim().to_ascii_lowercase();
    let file = [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif",
    ]
    .iter()
    .any(|e| lower.ends_with(e));
    words.len() >= 2 && !file && !alt.contains('\\')
}

/// An element its page hides with an inline style.
fn hidden_by_style(node: &NodeRef) -> bool {
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn holds_blocks(node: &NodeRef) -> bool {
    node.descendants_it().any(|n| {
        n.node_name()
            .is_some_and(|t| HOLDS_BLOCKS.iter().any(|b| t.eq_ignore_ascii_case(b)))
    })
}

/// Links a reader can follow and `caspian build` keeps: absolute web
/// addresses, mail and telephone. A relative link whose page address is
/// unknown cannot be followed, so only its text is kept.
fn is_kept_link(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && href.len() > 10
        || lower.starts_with("mailto:") && href.len() > 8
        || lower.starts_with("tel:") && href.len() > 5
}

/// An address written so that Markdown reads it whole.
fn link_target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() || c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Text as a reader sees it: NFC, invisible characters out, any run of
/// white space or control characters one space.
pub fn clean_text(raw: &str) -> String {
    let nfc: std::borrow::Cow<str> = match is_nfc_quick(raw.chars()) {
        IsNormalized::Yes => raw.into(),
        _ => raw.nfc().collect::<String>().into(),
    };
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    for c in nfc.chars() {
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_whitespace() || c.is_control() => space = true,
            c => {
                if space {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str) -> String {
        to_markdown(html).markdown
    }

    #[test]
    fn structure_is_kept() {
        let got = md(
            "<div><h2>Talks</h2><p>The <em>two</em> presidents <strong>met</strong> in \
                      <a href=\"https://example.org/baku\">Baku</a>.</p>\
                      <ul><li>Oil</li><li>Gas <ol start=\"3\"><li>pipes</li></ol></li></ul>\
                      <blockquote><p>We agree.</p><p>Fully.</p></blockquote>\
                      <table><tr><th>Year</th><th>Trade</th></tr><tr><td>2023</td><td>$1 bn</td></tr></table>\
                      <pre>let x = 1;\n  y</pre><hr><p>End<br>line</p></div>",
        );
        assert_eq!(
            got,
            "## Talks\n\n\
             The *two* presidents **met** in [Baku](https://example.org/baku).\n\n\
             - Oil\n- Gas\n  3. pipes\n\n\
             > We agree.\n>\n> Fully.\n\n\
             | Year | Trade |\n| --- | --- |\n| 2023 | $1 bn |\n\n\
             ```\nlet x = 1;\n  y\n```\n\n\
             * * *\n\n\
             End\\\nline\n"
        );
    }

    #[test]
    fn images_scripts_and_forms_leave_only_alt_text() {
        let got = md(
            "<p>Before <img src=\"a.jpg\" alt=\"The port of Aktau\"> after.</p>\
                      <script>alert(1)</script><style>p{}</style><form><input value=x></form>\
                      <p><img src=\"b.jpg\"></p>",
        );
        assert_eq!(got, "Before The port of Aktau after.\n");
    }

    #[test]
    fn a_repeated_picture_says_its_alt_text_once() {
        let got = md(
            "<p><img alt=\"Logo of the site\"> One.</p><ul><li><img alt=\"Logo of the site\"> Two.</li></ul>",
        );
        assert_eq!(got, "Logo of the site One.\n\n- Two.\n");
    }

    #[test]
    fn relative_and_script_links_keep_only_their_text() {
        let got = md(
            "<p><a href=\"/news/1\">one</a> <a href=\"javascript:x()\">two</a> \
                      <a href=\"mailto:a@b.example\">three</a> <a href=\"https://e.example/a b(c)\">four</a></p>",
        );
        assert_eq!(
            got,
            "one two [three](mailto:a@b.example) [four](https://e.example/a%20b%28c%29)\n"
        );
    }

    #[test]
    fn markdown_characters_in_text_are_escaped() {
        let got = md(
            "<p>* not a list</p><p>1. not a list either</p><h3>Results {2024}</h3><p>a_b *c* [d]</p>",
        );
        assert_eq!(
            got,
            "\\* not a list\n\n1\\. not a list either\n\n### Results \\{2024}\n\na\\_b \\*c\\* \\[d\\]\n"
        );
    }

    #[test]
    fn white_space_is_collapsed_and_emphasis_keeps_its_spaces_outside() {
        let got = md("<p>  One\n\t two <em> three </em>four</p>");
        assert_eq!(got, "One two *three* four\n");
    }

    #[test]
    fn a_layout_table_is_read_as_blocks() {
        let got = md("<table><tr><td><p>First paragraph.</p><p>Second.</p></td></tr></table>");
        assert_eq!(got, "First paragraph.\n\nSecond.\n");
    }
}
