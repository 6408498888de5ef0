//! `caspian new`: a new article's file, front matter filled in, body empty,
//! under a slug made from its title in its own language. Never overwrites.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::date::PartialDate;
use crate::error::{Error, Result, suggest};
use crate::frontmatter::{self, FrontMatter};
use crate::ingest::short_text;
use crate::language;
use crate::layout::CONTENT_DIR;
use crate::text::slugify;

/// What `new` wrote, and what it chose for the editor.
#[derive(Debug)]
pub struct Draft {
    /// `content/<slug>.md`, relative to the root.
    pub path: PathBuf,
    pub text: String,
    /// Choices the editor did not make, to tell them: today's date, the
    /// language the title is in.
    pub notes: Vec<String>,
}

/// The file for a new article, without touching the disk.
pub fn draft(
    title: &str,
    lang: Option<&str>,
    date: Option<&str>,
    topics: &[String],
    config: &Config,
    today: PartialDate,
) -> Result<Draft> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(Error::Other(
            "the title is empty; write it in quotes: caspian new \"Tokayev visits Baku\"".into(),
        ));
    }
    let mut notes = Vec::new();
    let lang = choose_language(lang, &title, config, &mut notes)?;
    let date = choose_date(date, today, &mut notes)?;
    let topics = known_topics(topics, config)?;
    let slug = match slugify(&title, &lang, 80) {
        s if s.is_empty() => {
            return Err(Error::Other(
                "the title has no letters or digits to make an address from".into(),
            ));
        }
        s => s,
    };
    let front = FrontMatter {
        title,
        date: Some(date),
        lang,
        topics,
        ..FrontMatter::default()
    };
    let text = format!(
        "{}\n<!-- Write the article below. Paragraphs are separated by an empty line. -->\n",
        frontmatter::write(&front)
    );
    Ok(Draft {
        path: Path::new(CONTENT_DIR).join(format!("{slug}.md")),
        text,
        notes,
    })
}

/// The language asked for, or the one the title is in among the site's,
/// or the site's own (which `notes` then tells).
fn choose_language(
    lang: Option<&str>,
    title: &str,
    config: &Config,
    notes: &mut Vec<String>,
) -> Result<String> {
    match lang {
        Some(code) if language::is_known(code) => Ok(code.to_string()),
        Some(code) => {
            let hint = language::suggest_code(code)
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            Err(Error::Other(format!(
                "unknown language \"{code}\"{hint}; use an ISO 639-1 code such as en, de, az, ru, \
                 kk, tr"
            )))
        }
        None => match short_text::detect(title, &config.languages) {
            Some(guess) => {
                notes.push(format!(
                    "language: {} ({}, told by {}; use --lang to choose another)",
                    guess.code,
                    language::english_name(&guess.code),
                    guess.clues
                ));
                Ok(guess.code)
            }
            None => {
                notes.push(format!(
                    "language: {} (the site's: the title does not tell which of {} it is in; \
                     use --lang to choose another)",
                    config.language,
                    config.languages.join(", ")
                ));
                Ok(config.language.clone())
            }
        },
    }
}

/// The date asked for, or today (which `notes` then tells).
fn choose_date(
    date: Option<&str>,
    today: PartialDate,
    notes: &mut Vec<String>,
) -> Result<PartialDate> {
    let Some(text) = date else {
        notes.push(format!(
            "date: {} (today; use --date to give the day the story happened)",
            today.iso()
        ));
        return Ok(today);
    };
    PartialDate::parse(text).map_err(|why| {
        Error::Other(format!(
            "malformed date \"{text}\": {why}; write it as YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    })
}

/// The topics asked for, each one the site has.
fn known_topics(topics: &[String], config: &Config) -> Result<Vec<String>> {
    let slugs: Vec<&str> = config.topics.iter().map(|t| t.slug.as_str()).collect();
    let topics: Vec<String> = topics
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    for topic in &topics {
        if !slugs.contains(&topic.as_str()) {
            let hint = suggest(topic, slugs.iter().copied())
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            return Err(Error::Other(format!(
                "unknown topic \"{topic}\"{hint}; the topics are: {}",
                slugs.join(", ")
            )));
        }
    }
    Ok(topics)
}

/// Writes a draft under `root`, refusing to overwrite an existing file.
pub fn create(root: &Path, draft: &Draft) -> Result<()> {
    let full = root.join(&draft.path);
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    // Whole or not at all, even if interrupted: a half-written file would
    // be an article with a broken front matter.
    match crate::fs::create_atomic(&full, draft.text.as_bytes()) {
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Other(format!(
                "{} already exists; edit it, or choose another title",
                draft.path.display()
            )))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "title = \"T\"\nbase_url = \"https://x.org/\"\nlanguages = [\"en\", \"az\", \"de\", \"ru\", \"kk\"]\n[[topics]]\nslug = \"energy\"\nname = \"Energy\"\n",
            None,
        )
        .unwrap()
    }

    fn today() -> PartialDate {
        PartialDate::ymd(2026, 11, 24).unwrap()
    }

    #[test]
    fn slugs_are_transliterated_from_the_titles_language() {
        let path = |title: &str, lang: &str| {
            draft(title, Some(lang), Some("2024"), &[], &config(), today())
                .unwrap()
                .path
        };
        assert_eq!(
            path("Əli Əsədov Bektenovla görüşüb", "az"),
            Path::new("content/eli-esedov-bektenovla-gorusub.md")
        );
        assert_eq!(
            path("Grüße aus Füzuli: Straßen für Baku", "de"),
            Path::new("content/gruesse-aus-fuezuli-strassen-fuer-baku.md")
        );
        assert_eq!(
            path("Токаев прибыл в Баку", "ru"),
            Path::new("content/tokaev-pribyl-v-baku.md")
        );
        assert_eq!(
            path("Тоқаев Бакуге барды", "kk"),
            Path::new("content/toqaev-bakuge-bardy.md")
        );
        assert_eq!(
            path("Şuşa və Ağdam: ıslahat", "az"),
            Path::new("content/susa-ve-agdam-islahat.md")
        );
        // A device name of Windows is no file name there.
        assert_eq!(path("Con", "en"), Path::new("content/con-article.md"));
        assert_eq!(path("LPT1!", "en"), Path::new("content/lpt1-article.md"));
    }

    #[test]
    fn front_matter_is_filled_in_and_defaults_are_told() {
        let d = draft(
            "Pipeline  talks",
            None,
            None,
            &["energy".into()],
            &config(),
            today(),
        )
        .unwrap();
        assert_eq!(
            d.text,
            "---\ntitle: Pipeline talks\ndate: 2026-11-24\nlang: en\ntopics: [energy]\n---\n\n<!-- Write the article below. Paragraphs are separated by an empty line. -->\n"
        );
        assert_eq!(d.notes.len(), 2);
        assert!(d.notes[1].starts_with("date: 2026-11-24 (today"));
    }

    #[test]
    fn the_language_is_guessed_from_the_title_among_the_sites_and_said() {
        let guess = |title: &str, lang: Option<&str>| {
            let d = draft(title, lang, Some("2024"), &[], &config(), today()).unwrap();
            let lang = d.text.lines().find(|l| l.starts_with("lang: ")).unwrap()[6..].to_string();
            (lang, d.path, d.notes)
        };
        let (lang, path, notes) = guess("Паром «Актау» вышел в первый рейс", None);
        assert_eq!(lang, "ru");
        assert_eq!(
            path,
            Path::new("content/parom-aktau-vyshel-v-pervyy-reys.md")
        );
        assert_eq!(
            notes,
            [
                "language: ru (Russian, told by the words \"вышел\", \"в\", \"первый\"; use --lang to choose another)"
            ]
        );
        // --lang wins.
        let (lang, _, notes) = guess("Паром «Актау» вышел в первый рейс", Some("kk"));
        assert_eq!(lang, "kk");
        assert!(notes.is_empty(), "{notes:?}");
        // Greek is not among this site's languages.
        let (lang, _, notes) = guess("Νέο τερματικό στο λιμάνι του Ακτάου", None);
        assert_eq!(lang, "en");
        assert_eq!(
            notes,
            [
                "language: en (the site's: the title does not tell which of en, az, de, ru, kk it is in; use --lang to choose another)"
            ]
        );
    }

    #[test]
    fn bad_choices_are_refused_with_a_hint() {
        let err = |lang: Option<&str>, date: Option<&str>, topics: &[String]| {
            draft("T", lang, date, topics, &config(), today())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(Some("english"), None, &[]),
            "unknown language \"english\" (did you mean \"en\"?); use an ISO 639-1 code such as en, de, az, ru, kk, tr"
        );
        assert_eq!(
            err(None, Some("2024-02-30"), &[]),
            "malformed date \"2024-02-30\": February has no day 30; write it as YYYY-MM-DD, YYYY-MM or YYYY"
        );
        assert_eq!(
            err(None, None, &["enrgy".into()]),
            "unknown topic \"enrgy\" (did you mean \"energy\"?); the topics are: energy"
        );
    }

    #[test]
    fn an_existing_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let d = draft(
            "Pipeline talks",
            Some("en"),
            Some("2024"),
            &[],
            &config(),
            today(),
        )
        .unwrap();
        create(dir.path(), &d).unwrap();
        std::fs::write(dir.path().join(&d.path), "mine").unwrap();
        assert_eq!(
            create(dir.path(), &d).unwrap_err().to_string(),
            "content/pipeline-talks.md already exists; edit it, or choose another title"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&d.path)).unwrap(),
            "mine"
        );
    }
}
