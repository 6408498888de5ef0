//! A bound on how deep a page's elements nest, applied to the markup before
//! it is parsed. The HTML parser checks the whole stack of open elements at
//! many tags, so 100,000 nested `<div>`s take minutes to parse, and the
//! extractor's walks go as deep as the tree. Browsers cap the depth too
//! (Blink at 512); here tags below [`MAX_DEPTH`] are left out and their
//! text kept, so the article in a badly broken page still reads.

use std::borrow::Cow;

/// Deeper than any real page's article (news sites nest 20 to 40 levels),
/// shallow enough that extraction stays fast.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content, and elements that the parser closes
/// by itself when the next one starts (so a page need not close them).
#[rustfmt::skip]
const NOT_COUNTED: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"param", b"source", b"track", b"wbr", b"keygen", b"basefont", b"frame", b"image",
    b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option", b"optgroup", b"thead", b"tbody",
    b"tfoot", b"rb", b"rt", b"rp", b"rtc", b"colgroup", b"caption", b"html", b"head", b"body",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"plaintext",
];

/// `html` with the tags nested deeper than [`MAX_DEPTH`] left out, and
/// whether any were.
pub fn limit(html: &str) -> (Cow<'_, str>, bool) {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + i;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            at =
                memchr::memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let end = tag_end(bytes, start);
        at = end;
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name: Vec<u8> = bytes[name_start..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .map(u8::to_ascii_lowercase)
            .collect();
        if name.is_empty() || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        if !closing && RAW.contains(&name.as_slice()) {
            at = raw_end(bytes, end, &name);
            continue;
        }
        let self_closing = bytes[..end].ends_with(b"/>");
        if NOT_COUNTED.contains(&name.as_slice()) || self_closing {
            continue;
        }
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cuts.push((start, end));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            dropped += 1;
            cuts.push((start, end));
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(html), false);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    (Cow::Owned(out), true)
}

/// Where the tag starting at `start` ends (after its `>`), quotes respected.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[start + 1..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return start + 1 + i + 1,
            // A `<` outside quotes starts the next tag: this one was broken.
            (None, b'<') => return start + 1 + i,
            _ => {}
        }
    }
    bytes.len()
}

/// Where the raw text of a `<name>` element that starts at `from` ends.
fn raw_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + i;
        let candidate = &bytes[start + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return start;
        }
        at = start + 2;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn a_real_page_is_left_as_it_is() {
        let html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x>\
                    <script>if (a < b) { document.write('<div><div>') }</script></div></body></html>";
        let (out, cut) = limit(html);
        assert!(!cut);
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn tags_below_the_limit_are_left_out_and_their_text_kept() {
        let html = nested(100_000);
        let (out, cut) = limit(&html);
        assert!(cut);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("<p>deep text</p>"));
    }

    #[test]
    fn the_limit_is_not_fooled_by_markup_in_scripts_comments_or_quotes() {
        let html = format!(
            "<!-- {} --><script>{}</script><div title=\"a > b <div>\">x</div>",
            "<div>".repeat(1000),
            "<div>".repeat(1000)
        );
        let (_, cut) = limit(&html);
        assert!(!cut);
    }
}
