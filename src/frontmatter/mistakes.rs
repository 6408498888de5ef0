//! The mistakes editors make in front matter, found in its lines: a colon
//! in an unquoted text, a key with no space after its colon, a tab for
//! indentation, a list item without its dash, a key without its colon, a
//! key written twice. The YAML reader words these in its own terms, and
//! often on the line where it gave up rather than where the mistake is;
//! here each is told at its own line, with the line as it should be.

use super::{Problem, scalar};

/// Keys whose value is a text: a colon in it calls for quotes.
const TEXT_KEYS: [&str; 6] = ["title", "summary", "source", "name", "url", "text"];

/// Every key front matter may have, at any depth.
fn is_key(word: &str) -> bool {
    super::KEYS.contains(&word)
        || super::SOURCE_KEYS.contains(&word)
        || super::EVENT_KEYS.contains(&word)
}

/// One line of the block, cut into what the rules look at.
struct Line<'a> {
    /// Spaces before the content.
    indent: usize,
    /// The line without its indentation and trailing spaces.
    content: &'a str,
}

impl<'a> Line<'a> {
    fn of(text: &'a str) -> Line<'a> {
        let text = text.trim_end();
        let content = text.trim_start_matches(' ');
        Line {
            indent: text.len() - content.len(),
            content,
        }
    }

    /// Blank lines and comments say nothing about the structure.
    fn is_structure(&self) -> bool {
        !self.content.is_empty() && !self.content.starts_with('#')
    }

    /// The content after a list item's `- `, or `None` if it is no item.
    fn item(&self) -> Option<&'a str> {
        (self.content == "-")
            .then_some("")
            .or_else(|| self.content.strip_prefix("- "))
    }

    /// `(key, value)` of a `key: value` or `key:` line (after a list item's dash).
    fn key_value(&self) -> Option<(&'a str, &'a str)> {
        self.key_value_at().map(|(key, value, _)| (key, value))
    }

    /// `key_value`, and where the value starts in `content`, in bytes.
    fn key_value_at(&self) -> Option<(&'a str, &'a str, usize)> {
        let text = self.item().unwrap_or(self.content);
        let (key, rest) = text.split_once(':')?;
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !plain || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return None;
        }
        let value = rest.trim_start();
        let start = self.content.len() - text.len() + key.len() + 1 + (rest.len() - value.len());
        Some((key, value, start))
    }
}

/// The first mistake in the front matter `yaml`, whose first line is line
/// `first_line` of the file.
pub(super) fn first(yaml: &str, first_line: usize) -> Option<Problem> {
    let raw: Vec<&str> = yaml.lines().collect();
    let lines: Vec<Line> = raw.iter().map(|l| Line::of(l)).collect();
    let mut keys = Keys::default();
    let mut text_block: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let at = |column: usize, message: String| Problem {
            line: first_line + i,
            column,
            message,
        };
        if let Some(column) = leading_tab(raw[i]) {
            return Some(at(
                column,
                "this line is indented with a tab, which YAML does not allow; indent it with \
                 spaces"
                    .into(),
            ));
        }
        // The lines of a `|` or `>` block are text, whatever they hold.
        match text_block {
            Some(indent) if line.indent > indent || !line.is_structure() => continue,
            _ => text_block = None,
        }
        if !line.is_structure() {
            continue;
        }
        if let Some((column, message)) = no_space_after_colon(line) {
            return Some(at(column, message));
        }
        if let Some((column, message)) = colon_in_text(line) {
            return Some(at(column, message));
        }
        if let Some(message) = item_without_dash(&lines, i) {
            return Some(at(line.indent + 1, message));
        }
        if let Some(message) = key_without_colon(&lines, i) {
            return Some(at(1, message));
        }
        if let Some((key, value)) = line.key_value() {
            if let Some(before) = keys.insert(line, key, i) {
                return Some(at(
                    line.indent + 1,
                    format!(
                        "`{key}` is written twice, here and on line {}; keep one of them",
                        first_line + before
                    ),
                ));
            }
            if value.starts_with(['|', '>']) {
                text_block = Some(line.indent);
            }
        }
    }
    None
}

/// The column (from 1) of a tab among the spaces that indent `line`.
fn leading_tab(line: &str) -> Option<usize> {
    let indent = &line[..line.len() - line.trim_start().len()];
    indent.chars().position(|c| c == '\t').map(|p| p + 1)
}

/// `title:Aktau port`: YAML reads the line as one text, not a key.
fn no_space_after_colon(line: &Line) -> Option<(usize, String)> {
    let text = line.item().unwrap_or(line.content);
    let (key, value) = text.split_once(':')?;
    // `https://…` in a list is an address, not a key.
    if !is_key(key) && (line.indent > 0 || line.item().is_some()) {
        return None;
    }
    let plain_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if !plain_key || value.is_empty() || value.starts_with([' ', '\t', '/', ':']) {
        return None;
    }
    let column = line.indent + (line.content.len() - text.len()) + key.chars().count() + 2;
    let value = value.trim();
    let value = if TEXT_KEYS.contains(&key) {
        scalar(value)
    } else {
        value.to_string()
    };
    Some((
        column,
        format!(
            "`{key}:` needs a space after its colon, or YAML does not see the key; write `{key}: \
             {value}`"
        ),
    ))
}

/// `title: Aktau: port opens`: a colon and a space in an unquoted text
/// start another key, which YAML does not allow there.
fn colon_in_text(line: &Line) -> Option<(usize, String)> {
    let (key, value, start) = line.key_value_at()?;
    if !TEXT_KEYS.contains(&key)
        || value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!'])
    {
        return None;
    }
    // A ` #` starts a comment; what follows is not the text.
    let value = value.split(" #").next().unwrap_or(value);
    let colon = value
        .find(": ")
        .or_else(|| value.ends_with(':').then(|| value.len() - 1))?;
    let column = line.indent + line.content[..start + colon].chars().count() + 1;
    Some((
        column,
        format!(
            "the {key} has a colon in it, which YAML takes for the end of a key; put the {key} in \
             quotes: `{key}: {}`",
            scalar(value)
        ),
    ))
}

/// A line among a list's items that has no `- ` before it.
fn item_without_dash(lines: &[Line], i: usize) -> Option<String> {
    let line = &lines[i];
    if line.item().is_some() || line.key_value().is_some() || line.content.contains(": ") {
        return None;
    }
    let structure = |range: &mut dyn Iterator<Item = usize>| {
        range
            .map(|j| &lines[j])
            .find(|l| l.is_structure())
            .map(|l| (l.indent, l.item().is_some(), l.key_value()))
    };
    let before = structure(&mut (0..i).rev());
    let after = structure(&mut (i + 1..lines.len()));
    let item_before = matches!(before, Some((indent, true, _)) if indent == line.indent);
    // The first item of a list: under `key:`, with items after it.
    let first_item = matches!(before, Some((indent, false, Some((_, "")))) if indent <= line.indent)
        && matches!(after, Some((indent, true, _)) if indent == line.indent);
    (item_before || first_item).then(|| {
        format!(
            "\"{}\" is a list item without its dash; write it as `{}- {}`",
            line.content,
            " ".repeat(line.indent),
            line.content
        )
    })
}

/// `lang en`: a key of front matter with a space where its colon goes.
fn key_without_colon(lines: &[Line], i: usize) -> Option<String> {
    let line = &lines[i];
    if line.indent > 0 || line.item().is_some() || line.content.contains(':') {
        return None;
    }
    let (key, value) = line.content.split_once(' ')?;
    is_key(key).then(|| {
        format!(
            "`{key}` has no colon after it, so YAML does not see the key; write `{key}: {}`",
            value.trim()
        )
    })
}

/// The keys seen so far in each mapping that is open, to tell a key
/// written twice: a mapping at each indentation, a new one for each list
/// item.
#[derive(Default)]
struct Keys<'a> {
    /// `(indent, [(key, line index)])`, outermost first.
    open: Vec<(usize, Vec<(&'a str, usize)>)>,
}

impl<'a> Keys<'a> {
    /// Records `key` of `line` (at index `i`); returns the index of the
    /// line where the same mapping had it already.
    fn insert(&mut self, line: &Line, key: &'a str, i: usize) -> Option<usize> {
        let indent = match line.item() {
            // `- key: …` opens a new mapping at the key's column.
            Some(_) => {
                let indent = line.indent + 2;
                self.open.retain(|(at, _)| *at < indent);
                self.open.push((indent, Vec::new()));
                indent
            }
            None => line.indent,
        };
        self.open.retain(|(at, _)| *at <= indent);
        if self.open.last().is_none_or(|(at, _)| *at != indent) {
            self.open.push((indent, Vec::new()));
        }
        let (_, keys) = self.open.last_mut()?;
        if let Some(&(_, before)) = keys.iter().find(|(k, _)| *k == key) {
            return Some(before);
        }
        keys.push((key, i));
        None
    }
}
