//! Which language a short text is in, such as the title `caspian new` is
//! given: too few letters for the statistics of [`super::detect`], so it is
//! told by its script, the letters only some languages write (ə, ß, ñ, қ…)
//! and their commonest words, among the site's languages.

/// A language told from a short text, and what told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// ISO 639-1.
    pub code: String,
    /// What gave it away, for the editor: `the letters ə, ı and the words
    /// "yeni", "açılıb"`, or `its Cyrillic letters`.
    pub clues: String,
}

/// The language of a short text, a headline, among `allowed` (ISO 639-1):
/// too short for the statistics of [`super::detect::detect`], so told by its script, the
/// letters only some languages write, and their commonest words. `None`
/// when nothing tells, or the text is in none of the languages allowed.
pub fn detect(text: &str, allowed: &[String]) -> Option<Guess> {
    let script = Script::of(text)?;
    let candidates: Vec<&str> = allowed
        .iter()
        .map(String::as_str)
        .filter(|code| script.writes(code))
        .collect();
    let mut scores: Vec<Score> = candidates.iter().map(|&code| Score::new(code)).collect();
    let lower: String = text
        .chars()
        .map(|c| match c {
            'İ' => 'i',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    let turkic = lower.contains(['ə', 'ğ', 'ş', 'ç', 'ı', 'ñ', 'ū']);
    for score in &mut scores {
        for &(letter, codes, weight) in LETTERS {
            // q and x are Azerbaijani or Kazakh only among letters of
            // theirs; ö and ü are German only without them.
            let gated = match letter {
                'q' | 'x' => !turkic,
                'ö' | 'ü' => turkic,
                _ => false,
            };
            if codes.contains(&score.code) && !gated && lower.contains(letter) {
                score.points += weight;
                score.letters.push(letter);
            }
        }
        let words = WORDS
            .iter()
            .find(|(code, _)| *code == score.code)
            .map_or(&[][..], |(_, w)| *w);
        let endings = ENDINGS
            .iter()
            .find(|(code, _)| *code == score.code)
            .map_or(&[][..], |(_, e)| *e);
        for word in lower.split(|c: char| !c.is_alphabetic()) {
            let ending = endings
                .iter()
                .any(|e| word.chars().count() > e.chars().count() + 2 && word.ends_with(e));
            if !word.is_empty() && (words.contains(&word) || ending) {
                score.points += 2;
                if !score.words.contains(&word) {
                    score.words.push(word);
                }
            }
        }
    }
    // ə is Azerbaijani's commonest vowel: a Turkic title without it is Turkish.
    if turkic && !lower.contains(['ə', 'q', 'x', 'ñ', 'ū', 'ä']) {
        for score in scores.iter_mut().filter(|s| s.code == "tr") {
            score.points += 2;
        }
    }
    // Russian is what Cyrillic without the letters of the others is.
    if script == Script::Cyrillic {
        for score in scores.iter_mut().filter(|s| s.code == "ru") {
            score.points += 1;
        }
    }
    // The best, the first of `allowed` on a tie; by the script alone when
    // it is the only language of the site that writes it.
    let best = scores
        .iter()
        .rev()
        .max_by_key(|s| s.points)
        .filter(|s| s.points > 0 || candidates.len() == 1)?;
    Some(Guess {
        code: best.code.to_string(),
        clues: best.clues(script),
    })
}

/// What one language scored, and for what.
struct Score<'a> {
    code: &'a str,
    points: u32,
    letters: Vec<char>,
    words: Vec<&'a str>,
}

impl<'a> Score<'a> {
    fn new(code: &'a str) -> Self {
        Score {
            code,
            points: 0,
            letters: Vec::new(),
            words: Vec::new(),
        }
    }

    fn clues(&self, script: Script) -> String {
        let letters = self
            .letters
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let words = self
            .words
            .iter()
            .take(3)
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(", ");
        match (letters.is_empty(), words.is_empty()) {
            (false, false) => format!("the letters {letters} and the words {words}"),
            (false, true) => format!("the letters {letters}"),
            (true, false) => format!("the words {words}"),
            (true, true) => format!("its {} letters", script.name()),
        }
    }
}

/// The writing systems a title can be in, as far as they tell languages apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    /// A script of one language (Greek, Georgian, Armenian, Hebrew, Hangul, …).
    Own(&'static str, &'static str),
}

/// Scripts that one language writes: `(first, last, ISO 639-1, name)`.
const OWN_SCRIPTS: &[(char, char, &str, &str)] = &[
    ('\u{370}', '\u{3ff}', "el", "Greek"),
    ('\u{530}', '\u{58f}', "hy", "Armenian"),
    ('\u{590}', '\u{5ff}', "he", "Hebrew"),
    ('\u{600}', '\u{6ff}', "ar", "Arabic"),
    ('\u{900}', '\u{97f}', "hi", "Devanagari"),
    ('\u{10a0}', '\u{10ff}', "ka", "Georgian"),
    ('\u{3040}', '\u{30ff}', "ja", "Japanese"),
    ('\u{ac00}', '\u{d7af}', "ko", "Hangul"),
    ('\u{4e00}', '\u{9fff}', "zh", "Chinese"),
];

/// Languages written in Cyrillic; Kazakh and Serbian are in Latin letters too.
const CYRILLIC: [&str; 7] = ["ru", "kk", "uk", "be", "bg", "sr", "ky"];
const LATIN_TOO: [&str; 2] = ["kk", "sr"];

impl Script {
    /// The script most of the letters of `text` are in.
    fn of(text: &str) -> Option<Script> {
        let (mut latin, mut cyrillic) = (0, 0);
        let mut own = vec![0; OWN_SCRIPTS.len()];
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
                latin += 1;
            } else if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyrillic += 1;
            } else if let Some(k) = OWN_SCRIPTS
                .iter()
                .position(|&(first, last, ..)| (first..=last).contains(&c))
            {
                own[k] += 1;
            }
        }
        let (k, &most) = own
            .iter()
            .enumerate()
            .max_by_key(|&(k, n)| (n, usize::MAX - k))?;
        if most > latin && most > cyrillic {
            // Kana among Chinese characters is Japanese.
            let (_, _, code, name) = OWN_SCRIPTS[k];
            let kana = own[6] > 0;
            return Some(if code == "zh" && kana {
                Script::Own("ja", "Japanese")
            } else {
                Script::Own(code, name)
            });
        }
        match (latin, cyrillic) {
            (0, 0) => None,
            (l, c) if c > l => Some(Script::Cyrillic),
            _ => Some(Script::Latin),
        }
    }

    fn writes(self, code: &str) -> bool {
        match self {
            Script::Latin => {
                (LATIN_TOO.contains(&code) || !CYRILLIC.contains(&code))
                    && code != "fa"
                    && !OWN_SCRIPTS.iter().any(|s| s.2 == code)
            }
            Script::Cyrillic => CYRILLIC.contains(&code),
            Script::Own(own, _) => own == code || (own == "ar" && code == "fa"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Own(_, name) => name,
        }
    }
}

/// Letters that only some languages write: `(letter, languages, points)`.
/// German, Turkish, Azerbaijani and Kazakh all write ö and ü: they count
/// for German only in a text without the others' own letters.
const LETTERS: &[(char, &[&str], u32)] = &[
    ('ə', &["az"], 4),
    ('ß', &["de"], 4),
    ('ä', &["de", "kk"], 1),
    ('ö', &["de"], 1),
    ('ü', &["de"], 1),
    ('ğ', &["tr", "az", "kk"], 1),
    ('ş', &["tr", "az", "kk"], 1),
    ('ç', &["tr", "az"], 1),
    ('ı', &["tr", "az", "kk"], 1),
    ('q', &["az", "kk"], 1),
    ('x', &["az"], 1),
    // Kazakh in Latin letters, the alphabets of 2021 and of 2018.
    ('ñ', &["kk"], 3),
    ('ū', &["kk"], 3),
    ('ý', &["kk"], 3),
    ('ń', &["kk"], 3),
    ('ǵ', &["kk"], 3),
    ('á', &["kk"], 2),
    ('ú', &["kk"], 2),
    ('ó', &["kk"], 2),
    // Kazakh in Cyrillic: the letters Russian has not.
    ('ә', &["kk"], 4),
    ('ғ', &["kk"], 4),
    ('қ', &["kk"], 4),
    ('ң', &["kk"], 4),
    ('ө', &["kk"], 4),
    ('ұ', &["kk"], 4),
    ('ү', &["kk"], 4),
    ('һ', &["kk"], 4),
    ('і', &["kk", "uk", "be"], 2),
    ('ї', &["uk"], 4),
    ('є', &["uk"], 4),
    ('ґ', &["uk"], 4),
    ('ў', &["be"], 4),
];

/// The commonest words of headlines, in lower case: the ones each language
/// has and the others of the site's six do not.
const WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is",
            "are", "was", "a", "an", "new", "first", "after", "over", "into", "its", "says",
            "said", "will", "opens", "signs", "meets", "visits", "talks", "between", "amid",
            "year", "how", "what", "why", "who", "you", "your", "we", "our", "it", "this", "that",
            "not", "be", "can", "all", "more", "about", "up", "out", "may", "has", "have", "using",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "den", "dem", "des", "und", "in", "mit", "für", "von", "zu",
            "zum", "zur", "im", "auf", "ist", "sind", "nach", "bei", "über", "ein", "eine",
            "einen", "neue", "neuen", "neues", "wird", "werden", "aus", "gegen", "vor", "zwischen",
            "sich", "nicht", "auch", "erste", "ersten", "erstmals", "was", "an", "wie", "wer",
            "warum", "es", "kann", "mehr", "noch", "bis", "um",
        ],
    ),
    (
        "az",
        &[
            "və",
            "ilə",
            "üçün",
            "bu",
            "bir",
            "ki",
            "olan",
            "olub",
            "haqqında",
            "arasında",
            "yeni",
            "ilk",
            "ildə",
            "prezidenti",
            "nazir",
            "respublikası",
        ],
    ),
    (
        "tr",
        &[
            "ve",
            "ile",
            "için",
            "bu",
            "bir",
            "ki",
            "olan",
            "oldu",
            "ilk",
            "yeni",
            "arasında",
            "hakkında",
            "yılında",
            "cumhurbaşkanı",
            "bakan",
            "bakanı",
        ],
    ),
    (
        "ru",
        &[
            "в",
            "и",
            "на",
            "с",
            "по",
            "для",
            "о",
            "об",
            "из",
            "к",
            "у",
            "не",
            "что",
            "как",
            "от",
            "до",
            "за",
            "при",
            "между",
            "первый",
            "первом",
            "первую",
            "рейс",
            "новый",
            "новая",
            "новое",
            "открыл",
            "открыла",
            "открылся",
            "президент",
            "вышел",
            "года",
            "году",
            "после",
        ],
    ),
    (
        "kk",
        &[
            "және",
            "мен",
            "бен",
            "пен",
            "үшін",
            "бұл",
            "бір",
            "жылы",
            "жаңа",
            "туралы",
            "арасындағы",
            "jäne",
            "üşın",
            "būl",
            "bır",
            "jaña",
            "jyly",
            "turaly",
            "arasyndağy",
            "jáne",
            "úshin",
            "búl",
            "jańa",
            "arasyndaǵy",
            "boiynşa",
            "boıynsha",
        ],
    ),
];

/// Word endings only one of the languages has: Azerbaijani's reported past
/// (`açılıb`, `görüşüb`), Turkish's present (`açılıyor`).
const ENDINGS: &[(&str, &[&str])] = &[
    ("az", &["ıb", "ib", "ub", "üb", "acaq", "əcək"]),
    ("tr", &["yor", "acak", "ecek"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<String> {
        ["en", "de", "az", "ru", "kk", "tr"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_headline_in_each_language_is_told_by_its_letters_and_words() {
        let guess = |title: &str| detect(title, &all()).map(|g| g.code);
        let titles = [
            ("Aktau port opens a new ferry terminal", "en"),
            (
                "Aktau eröffnet neues Fährterminal für den Verkehr nach Baku",
                "de",
            ),
            ("Aktau limanında yeni bərə terminalı açılıb", "az"),
            ("Aktau limanında yeni feribot terminali açıldı", "tr"),
            ("Паром «Актау» вышел в первый рейс", "ru"),
            ("Ақтау портында жаңа паром терминалы ашылды", "kk"),
            ("Aqtau portynda jaña parom terminaly aşyldy", "kk"),
            ("Aqtaý portynda jańa parom termınaly ashyldy", "kk"),
            ("Tokayev und Aliyev treffen sich in Baku", "de"),
            ("Tokayev and Aliyev meet in Baku", "en"),
            ("Tokayev ve Aliyev Bakü'de bir araya geldi", "tr"),
            ("Tokayev və Əliyev Bakıda görüşüb", "az"),
        ];
        for (title, lang) in titles {
            assert_eq!(guess(title).as_deref(), Some(lang), "{title}");
        }
    }

    #[test]
    fn a_headline_says_what_told_its_language() {
        let clues = |title: &str| detect(title, &all()).unwrap().clues;
        assert_eq!(
            clues("Aktau limanında yeni bərə terminalı açılıb"),
            "the letters ə, ç, ı and the words \"yeni\", \"açılıb\""
        );
        assert_eq!(
            clues("Паром «Актау» вышел в первый рейс"),
            "the words \"вышел\", \"в\", \"первый\""
        );
        assert_eq!(clues("Паром Актау"), "its Cyrillic letters");
    }

    #[test]
    fn a_headline_is_only_ever_in_one_of_the_sites_languages() {
        let site = ["en".to_string(), "de".to_string()];
        assert_eq!(detect("Паром «Актау» вышел в первый рейс", &site), None);
        let site = ["en".to_string(), "ru".to_string()];
        assert_eq!(
            detect("Ақтау портында жаңа паром терминалы ашылды", &site).map(|g| g.code),
            Some("ru".to_string()),
            "Cyrillic, and Russian is the site's only Cyrillic language"
        );
        assert_eq!(detect("Aktau 2024", &all()), None, "nothing tells");
        assert_eq!(detect("2024", &all()), None);
    }
}
