//! The cleaned body as Markdown: paragraphs, numbered lists kept as lists,
//! separators as thematic breaks, and every character that Markdown would
//! read as markup escaped, so the page shows what the article said.

use super::clean::Block;

/// Renders blocks as Markdown, paragraphs separated by blank lines.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block {
            Block::Break => out.push_str("* * *"),
            Block::Paragraph(p) => out.push_str(&paragraph(p)),
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// One paragraph. "1. text" stays an ordered-list item when the number is
/// small enough to be one (a year such as "2024." is not).
fn paragraph(p: &str) -> String {
    let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let rest = &p[digits.len()..];
        if let Some(item) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            let number: u32 = digits.parse().unwrap_or(1);
            return format!("{number}. {}", escape(item.trim_start()));
        }
    }
    escape(p)
}

/// Escapes Markdown syntax in running text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' | '+' | '=' => at_start,
            '-' => at_start && chars.get(1).is_none_or(|n| n.is_whitespace() || *n == '-'),
            '&' => {
                // Only where it would start an entity such as `&amp;`.
                let name = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '#')
                    .count();
                name > 0 && chars.get(i + 1 + name) == Some(&';')
            }
            '.' | ')' => {
                // "2024. Year of" would start a list numbered 2024.
                i > 0
                    && chars[..i].iter().all(char::is_ascii_digit)
                    && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
            }
            '!' => chars.get(i + 1) == Some(&'['),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_html(markdown: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(
                markdown,
                pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION,
            ),
        );
        html
    }

    #[test]
    fn text_that_looks_like_markdown_shows_as_written() {
        for text in [
            "# 24 November 2023 at the start",
            "*Rates as of 1 May",
            "- We are ready, he said.",
            "[Editor's note] <b>bold</b> snake_case a|b ~x~",
            "2024. Year of the Caspian",
            "AT&amp;T &copy; and R&D",
            "+ plus = equals",
            "Back\\slash and `code`",
        ] {
            let html = render_html(&render(&[Block::Paragraph(text.into())]));
            let shown = html
                .trim()
                .trim_start_matches("<p>")
                .trim_end_matches("</p>");
            let expected = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert_eq!(shown, expected, "{text}");
        }
    }

    #[test]
    fn numbered_items_stay_a_list_with_their_numbers() {
        let md = render(&[
            Block::Paragraph("1. Relations between the Parties.".into()),
            Block::Paragraph("In this regard, more.".into()),
            Block::Paragraph("2. The Parties will cooperate.".into()),
        ]);
        assert_eq!(
            md,
            "1. Relations between the Parties.\n\nIn this regard, more.\n\n2. The Parties will cooperate.\n"
        );
        let html = render_html(&md);
        assert!(html.contains("<ol>\n<li>Relations"), "{html}");
        assert!(html.contains("<ol start=\"2\">"), "{html}");
    }

    #[test]
    fn a_separator_is_a_thematic_break() {
        let md = render(&[
            Block::Paragraph("A.".into()),
            Block::Break,
            Block::Paragraph("B.".into()),
        ]);
        assert!(render_html(&md).contains("<hr />"));
    }
}
