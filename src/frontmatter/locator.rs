//! Where a key or a value stands in the front matter's text, to place a
//! diagnostic on its line and column: the YAML reader keeps no positions
//! of the values it gives. Shared by front matter's own checks and by
//! content's checks against the configuration.

/// The front matter's lines, and the line of the file the first one is.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    first_line: usize,
}

impl<'a> Locator<'a> {
    pub fn new(yaml: &'a str, first_line: usize) -> Self {
        Locator {
            lines: yaml.lines().collect(),
            first_line,
        }
    }

    /// The index of the line where the top-level `key:` (or `"key":`) is.
    fn key_index(&self, key: &str) -> Option<usize> {
        let quoted = format!("\"{key}\"");
        self.lines.iter().position(|l| {
            [key, quoted.as_str()].into_iter().any(|k| {
                l.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
        })
    }

    /// Line and column of a top-level key, or of the block's first line.
    pub fn key(&self, key: &str) -> (usize, usize) {
        self.key_index(key)
            .map_or((self.first_line, 1), |i| (self.first_line + i, 1))
    }

    /// Line and column of `needle`, as a word of its own, within the value
    /// of `key` (on the key's line or the indented lines under it); the
    /// key's line if it is not there, the block's first line if the key
    /// is not either.
    pub fn value(&self, key: &str, needle: &str) -> (usize, usize) {
        let Some(start) = self.key_index(key) else {
            return (self.first_line, 1);
        };
        for (i, line) in self.lines.iter().enumerate().skip(start) {
            if i > start && !line.starts_with([' ', '-', '\t']) && !line.trim().is_empty() {
                break;
            }
            let from = if i == start {
                line.find(':').map_or(0, |c| c + 1)
            } else {
                0
            };
            if let Some(at) = find_word(&line[from..], needle) {
                return (self.first_line + i, line[..from + at].chars().count() + 1);
            }
        }
        (self.first_line + start, 1)
    }
}

/// Where `needle` first stands in `hay` with no letter, digit, `-` or `_`
/// right before or after it: `energy` is not found in `energy-policy`.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
    let mut at = 0;
    while let Some(pos) = hay[at..].find(needle) {
        let start = at + pos;
        let end = start + needle.len();
        if bounded(hay[..start].chars().last()) && bounded(hay[end..].chars().next()) {
            return Some(start);
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_as_whole_words_under_their_key() {
        let yaml = "title: Energy\ntopics:\n  - energy-policy\n\n  - energy\nlang: en\n";
        let locator = Locator::new(yaml, 2);
        assert_eq!(locator.key("topics"), (3, 1));
        assert_eq!(locator.value("topics", "energy"), (6, 5));
        assert_eq!(locator.value("lang", "en"), (7, 7));
        // Not under its key: the key's line; no key: the first line.
        assert_eq!(locator.value("lang", "de"), (7, 1));
        assert_eq!(locator.value("places", "baku"), (2, 1));
        assert_eq!(Locator::new("\"slug\": x\n", 2).value("slug", "x"), (2, 9));
    }
}
