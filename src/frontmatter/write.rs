//! Front matter written back: keys in a fixed order, values quoted only
//! where a YAML reader would take them for something else, so that an
//! editor's diff stays small and every reader reads back the same.

use super::{FrontMatter, Story};

/// Writes front matter, `---` lines included, keys in [`KEYS`](super::KEYS) order, empty
/// fields left out.
pub fn write(fm: &FrontMatter) -> String {
    let mut out = String::from("---\n");
    let mut line = |key: &str, value: String| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    };
    line("title", scalar(&fm.title));
    let list = |items: &[String]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|s| flow_scalar(s))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    if !fm.generated.is_empty() {
        line("generated", list(&fm.generated));
    }
    if let Some(d) = fm.date {
        line("date", d.iso());
    }
    line("lang", scalar(&fm.lang));
    for (key, items) in [
        ("topics", &fm.topics),
        ("people", &fm.people),
        ("places", &fm.places),
    ] {
        if !items.is_empty() {
            line(key, list(items));
        }
    }
    if let Some(s) = &fm.summary {
        line("summary", scalar(s));
    }
    if let Some(source) = &fm.source {
        out.push_str("source:\n");
        for (key, value) in [
            ("name", &source.name),
            ("url", &source.url),
            ("seed", &source.seed),
            ("fingerprint", &source.fingerprint),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("  {key}: {}\n", scalar(v)));
            }
        }
    }
    if !fm.events.is_empty() {
        out.push_str("events:\n");
        for e in &fm.events {
            out.push_str(&format!(
                "  - date: {}\n    text: {}\n",
                e.date.iso(),
                scalar(&e.text)
            ));
        }
    }
    if !fm.translations.is_empty() {
        out.push_str(&format!("translations: {}\n", list(&fm.translations)));
    }
    match &fm.story {
        Some(Story::Key(key)) => out.push_str(&format!("story: {}\n", scalar(key))),
        Some(Story::Alone) => out.push_str("story: none\n"),
        None => {}
    }
    if fm.keep_duplicate {
        out.push_str("duplicate: keep\n");
    }
    if let Some(slug) = &fm.slug {
        out.push_str(&format!("slug: {}\n", scalar(slug)));
    }
    out.push_str("---\n");
    out
}

/// A YAML scalar: plain where every YAML reader takes it as this text, double
/// quoted otherwise (booleans and nulls of YAML 1.1 such as `no` and `on`,
/// numbers, dates, indicators, `: ` and ` #`).
pub fn scalar(s: &str) -> String {
    if needs_quotes(s) {
        quoted(s)
    } else {
        s.to_string()
    }
}

/// A scalar as an item of a `[a, b]` list, where `,`, `[`, `]`, `{` and `}`
/// would end it too.
fn flow_scalar(s: &str) -> String {
    if s.contains([',', '[', ']', '{', '}']) {
        quoted(s)
    } else {
        scalar(s)
    }
}

/// A YAML double-quoted string, safe for any text.
pub fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            // YAML breaks lines at U+2028 and U+2029 even inside quotes.
            c if c.is_control()
                || !is_printable(c)
                || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') =>
            {
                q.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn needs_quotes(s: &str) -> bool {
    const SPECIAL: [&str; 14] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "nan", "inf", ".nan",
        ".inf",
    ];
    let Some(first) = s.chars().next() else {
        return true;
    };
    let lower = s.to_ascii_lowercase();
    SPECIAL.contains(&lower.trim_start_matches(['+', '-']))
        || s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| {
            !is_printable(c) || c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}')
        })
        || looks_numeric(s)
}

/// Whether YAML lets `c` stand in a document as it is; any other character
/// (a control character, U+FFFE, U+FFFF) must be written as an escape.
fn is_printable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}'
        | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Numbers, dates and times in any YAML version's eyes: `2024`, `1_000`,
/// `0x1F`, `1e3`, `12:30`, `2024-03-03`.
fn looks_numeric(s: &str) -> bool {
    let body = s.trim_start_matches(['+', '-']);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._:-+ ".contains(c))
        && body.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 2
}
