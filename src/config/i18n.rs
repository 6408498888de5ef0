//! The interface's words: one file per language, `i18n/<code>.toml`, built
//! into the binary for en, de, az, ru, kk and tr, with the site's own file
//! of the same name over the built-in one key by key (as its `templates/`
//! are over the built-in templates). Also the two rules that words alone
//! cannot carry: plural forms and the order of a date's parts.
//!
//! A file holds the strings templates show (`nav_topics = "Topics"`), the
//! counted ones under `[plural]` (one form per CLDR category: `one`, `few`,
//! `many`, `other`), the month names, the date patterns and, under
//! `[languages]`, language names in the interface's language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::date::PartialDate;
use crate::error::{Diagnostic, Result};
use crate::layout::I18N_DIR;

/// The built-in files, by language code; `en` is what every other falls
/// back to.
pub const BUILTIN: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/en.toml")),
    ("de", include_str!("../../i18n/de.toml")),
    ("az", include_str!("../../i18n/az.toml")),
    ("ru", include_str!("../../i18n/ru.toml")),
    ("kk", include_str!("../../i18n/kk.toml")),
    ("tr", include_str!("../../i18n/tr.toml")),
];

/// One language's file as written: every part optional, so that a site's
/// file may give only the strings it changes.
#[derive(Debug, Default, Deserialize)]
struct File {
    months: Option<Vec<String>>,
    months_of_day: Option<Vec<String>>,
    #[serde(default)]
    plural: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    languages: BTreeMap<String, String>,
    #[serde(flatten)]
    text: BTreeMap<String, String>,
}

/// The interface's words in one language, every key present (a key the
/// language's files lack is taken from English).
#[derive(Debug, Clone)]
pub struct Strings {
    /// The language code, which picks the plural rule.
    pub lang: String,
    /// The strings templates see as `t`: `t.nav_topics`.
    pub text: BTreeMap<String, String>,
    /// Counted strings: key → CLDR category → pattern with `{n}`.
    plural: BTreeMap<String, BTreeMap<String, String>>,
    /// Month names as a heading says them: "March", "март".
    months: Vec<String>,
    /// Month names inside a day's date: "марта" in "3 марта 2025 г.".
    months_of_day: Vec<String>,
    /// Language names in this language, by code.
    languages: BTreeMap<String, String>,
    /// What `check` says about the site's file: keys missing or unknown.
    pub warnings: Vec<Diagnostic>,
}

impl Strings {
    /// The built-in words of `lang` (English where it has no file).
    pub fn builtin(lang: &str) -> Strings {
        let mut strings = Strings::english();
        if let Some(text) = builtin_text(lang).filter(|_| lang != "en") {
            let file: File = toml::from_str(text).expect("a built-in i18n file");
            strings.apply(file);
        }
        strings.lang = lang.to_string();
        strings
    }

    fn english() -> Strings {
        let file: File = toml::from_str(builtin_text("en").expect("en")).expect("i18n/en.toml");
        let months = file.months.clone().expect("months in en.toml");
        let mut strings = Strings {
            lang: "en".into(),
            text: BTreeMap::new(),
            plural: BTreeMap::new(),
            months_of_day: months.clone(),
            months,
            languages: BTreeMap::new(),
            warnings: Vec::new(),
        };
        strings.apply(file);
        strings
    }

    /// The words of `lang` for the site under `root`: the built-in file,
    /// with `i18n/<lang>.toml` of the site over it.
    pub fn load(root: &Path, lang: &str) -> Result<Strings> {
        let relative = PathBuf::from(I18N_DIR).join(format!("{lang}.toml"));
        let path = root.join(&relative);
        let text = if path.is_file() {
            Some(std::fs::read_to_string(&path).map_err(|e| crate::error::Error::read(&path, e))?)
        } else {
            None
        };
        Strings::parse(lang, text.as_deref().map(|t| (relative.as_path(), t)))
    }

    /// The words of `lang` with the site's file (its path relative to the
    /// root, and its text) over the built-in one, without touching the disk.
    pub fn parse(lang: &str, site: Option<(&Path, &str)>) -> Result<Strings> {
        let mut strings = Strings::builtin(lang);
        let has_builtin = builtin_text(lang).is_some();
        let Some((path, text)) = site else {
            if !has_builtin {
                strings.warnings.push(Diagnostic::warning(
                    PathBuf::from(I18N_DIR).join(format!("{lang}.toml")),
                    0,
                    0,
                    format!(
                        "the interface is in English: caspian has no built-in words for \
                         `language = \"{lang}\"`; create this file with the strings of the \
                         built-in en.toml in {lang} (see the README)"
                    ),
                ));
            }
            return Ok(strings);
        };
        let file: File = super::parse_toml(path, text)?;
        let english = Strings::english();
        let mut warnings = unknown_keys(path, text, &file, &english);
        if !has_builtin {
            let missing = english.missing_in(&file);
            if !missing.is_empty() {
                warnings.push(Diagnostic::warning(
                    path,
                    0,
                    0,
                    format!(
                        "{} shown in English, which this file does not give: {}; add them",
                        plural_en(missing.len(), "string is", "strings are"),
                        missing.join(", ")
                    ),
                ));
            }
        }
        for months in [&file.months, &file.months_of_day].into_iter().flatten() {
            if months.len() != 12 {
                warnings.push(Diagnostic::warning(
                    path,
                    key_line(text, "months"),
                    0,
                    format!(
                        "a list of months has {} names, not 12; it is left out",
                        months.len()
                    ),
                ));
            }
        }
        strings.apply(file);
        strings.warnings = warnings;
        Ok(strings)
    }

    /// `file`'s values over these.
    fn apply(&mut self, file: File) {
        if let Some(m) = file.months.filter(|m| m.len() == 12) {
            // A file that names months once uses them inside dates too.
            self.months_of_day = m.clone();
            self.months = m;
        }
        if let Some(m) = file.months_of_day.filter(|m| m.len() == 12) {
            self.months_of_day = m;
        }
        self.text.extend(file.text);
        self.plural.extend(file.plural);
        self.languages.extend(file.languages);
    }

    /// The keys of these (English) strings that `file` does not give.
    fn missing_in(&self, file: &File) -> Vec<String> {
        let mut missing: Vec<String> = self
            .text
            .keys()
            .filter(|k| !file.text.contains_key(*k))
            .chain(self.plural.keys().filter(|k| !file.plural.contains_key(*k)))
            .cloned()
            .collect();
        if file.months.is_none() {
            missing.push("months".into());
        }
        missing.sort();
        missing
    }

    /// The string `key`, or the key itself when there is none.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.text.get(key).map_or(key, String::as_str)
    }

    /// The string `key` with each `{name}` filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The keys of the counted strings.
    pub fn plural_keys(&self) -> impl Iterator<Item = &str> {
        self.plural.keys().map(String::as_str)
    }

    /// Whether `key` is a counted string.
    pub fn has_plural(&self, key: &str) -> bool {
        self.plural.contains_key(key)
    }

    /// The counted string `key` in the form `n` takes, `{n}` and each
    /// `{name}` of `args` filled in: "5 статей".
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let Some(forms) = self.plural.get(key) else {
            return key.to_string();
        };
        let category = plural_category(&self.lang, n);
        let pattern = [category, "other", "many", "one"]
            .iter()
            .find_map(|c| forms.get(*c))
            .map_or(key, String::as_str);
        let n = n.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(args);
        fill(pattern, &all)
    }

    /// A month's name as a heading or list says it: "März", "март".
    pub fn month(&self, month: u8) -> &str {
        &self.months[usize::from(month.clamp(1, 12)) - 1]
    }

    /// A date as readers see it, as precise as it is known: "3 марта 2025 г.",
    /// "2025 жылғы наурыз", "2023".
    pub fn date(&self, d: PartialDate) -> String {
        let year = d.year.to_string();
        match (d.month, d.day) {
            (Some(m), Some(day)) => fill(
                self.get("date_day"),
                &[
                    ("day", &day.to_string()),
                    ("month", &self.months_of_day[usize::from(m) - 1]),
                    ("year", &year),
                ],
            ),
            (Some(m), None) => self.month_year(d.year, m),
            _ => fill(self.get("date_year"), &[("year", &year)]),
        }
    }

    /// A month of a year: "März 2025", "2025 жылғы наурыз".
    pub fn month_year(&self, year: i32, month: u8) -> String {
        fill(
            self.get("date_month"),
            &[("month", self.month(month)), ("year", &year.to_string())],
        )
    }

    /// A language's name in this language; for a language the file does
    /// not name, its name in itself (in English, its English name).
    pub fn language_name(&self, code: &str) -> &str {
        match self.languages.get(code) {
            Some(name) => name,
            None if self.lang == "en" => crate::language::english_name(code),
            None => crate::language::native_name(code),
        }
    }

    /// The forms of a counted string, by CLDR category, for the search
    /// page's script (which picks one with `Intl.PluralRules`).
    pub fn plural_forms(&self, key: &str) -> Option<&BTreeMap<String, String>> {
        self.plural.get(key)
    }
}

/// The text of the built-in file for `lang`.
fn builtin_text(lang: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)
}

/// `pattern` with each `{name}` replaced by its value.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The CLDR plural category of a whole number `n` in `lang`: Russian (and
/// the East Slavic languages) has one, few and many; the others caspian
/// ships one and other (Kazakh and Turkish nouns stay singular after a
/// numeral, but their files still give both forms).
pub fn plural_category(lang: &str, n: u64) -> &'static str {
    match lang {
        "ru" | "uk" | "be" => {
            let (ten, hundred) = (n % 10, n % 100);
            if ten == 1 && hundred != 11 {
                "one"
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                "few"
            } else {
                "many"
            }
        }
        _ if n == 1 => "one",
        _ => "other",
    }
}

/// Keys of the site's file that English does not have, each with a
/// suggestion.
fn unknown_keys(path: &Path, text: &str, file: &File, english: &Strings) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let text_keys: Vec<&str> = english.text.keys().map(String::as_str).collect();
    let plural_keys: Vec<&str> = english.plural.keys().map(String::as_str).collect();
    let mut check = |key: &str, known: &[&str], table: &str| {
        if known.contains(&key) {
            return;
        }
        let hint = crate::error::suggest(key, known.iter().copied())
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        warnings.push(Diagnostic::warning(
            path,
            key_line(text, key),
            1,
            format!("unknown {table}key `{key}`{hint}; the interface never shows it"),
        ));
    };
    for key in file.text.keys() {
        check(key, &text_keys, "");
    }
    for key in file.plural.keys() {
        check(key, &plural_keys, "[plural] ");
    }
    warnings
}

/// The line (from 1) where `key = ` is written in `text`, or 0.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

fn plural_en(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

#[cfg(test)]
mod tests;
