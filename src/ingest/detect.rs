//! Which language an article is in. whatlang does the statistics, limited
//! to the site's languages; letters settle what it cannot: whatlang has no
//! Kazakh, and it confuses Azerbaijani with Turkish.

use whatlang::{Detector, Lang};

use crate::language;

/// A language told from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// ISO 639-1.
    pub code: String,
    /// False when the statistics could not tell: the text is in none of the
    /// languages asked about, or is not language at all.
    pub certain: bool,
}

/// The language of `text` among `allowed` (ISO 639-1), and whether it is
/// sure. `None` when the text has too few letters to tell.
pub fn detect(text: &str, allowed: &[String]) -> Option<Detected> {
    let sure = |code: &str| {
        Some(Detected {
            code: code.to_string(),
            certain: true,
        })
    };
    let allows = |code: &str| allowed.iter().any(|a| a == code);
    let letters = LetterCounts::of(text);
    if letters.total < 20 {
        return None;
    }
    // Chinese and Japanese are told by their scripts: kana are Japanese only.
    if letters.han * 2 > letters.total {
        return sure(if letters.kana > 0 { "ja" } else { "zh" });
    }
    if letters.kana * 4 > letters.total {
        return sure("ja");
    }
    // Kazakh Cyrillic has letters Russian never uses.
    if letters.cyrillic * 2 > letters.total
        && allows("kk")
        && letters.kazakh_cyrillic * 200 >= letters.cyrillic
    {
        return sure("kk");
    }
    // Kazakh in Latin letters: q is everywhere (rare in Turkish, and
    // Azerbaijani has ə), with ū, ñ or dotless ı.
    if letters.cyrillic * 2 <= letters.total
        && allows("kk")
        && letters.schwa == 0
        && letters.kazakh_latin > 0
        && letters.q * 100 >= letters.total
    {
        return sure("kk");
    }
    let list: Vec<Lang> = allowed
        .iter()
        .filter_map(|code| language::iso3(code))
        .filter_map(Lang::from_code)
        .collect();
    if list.is_empty() {
        return None;
    }
    let detected = Detector::with_allowlist(list).detect(text)?;
    let code = language::from_iso3(detected.lang().code())?;
    let code = match code {
        // ə is Azerbaijani's own letter; Turkish has none.
        "az" | "tr" if allows("az") && letters.schwa * 200 >= letters.total => "az",
        "az" if allows("tr") && letters.schwa == 0 => "tr",
        c => c,
    };
    Some(Detected {
        code: code.to_string(),
        certain: detected.is_reliable(),
    })
}

#[derive(Default)]
struct LetterCounts {
    total: usize,
    cyrillic: usize,
    kazakh_cyrillic: usize,
    kazakh_latin: usize,
    schwa: usize,
    q: usize,
    han: usize,
    kana: usize,
}

impl LetterCounts {
    fn of(text: &str) -> Self {
        let mut n = LetterCounts::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            n.total += 1;
            let lower = c.to_lowercase().next().unwrap_or(c);
            match lower {
                '\u{400}'..='\u{4ff}' => n.cyrillic += 1,
                '\u{3040}'..='\u{30ff}' => n.kana += 1,
                '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{20000}'..='\u{2ffff}' => {
                    n.han += 1
                }
                _ => {}
            }
            match lower {
                'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => n.kazakh_cyrillic += 1,
                'ū' | 'ñ' | 'ı' => n.kazakh_latin += 1,
                'ə' => n.schwa += 1,
                'q' => n.q += 1,
                _ => {}
            }
        }
        n
    }
}

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
/// too short for the statistics of [`detect`], so told by its script, the
/// letters only some languages write, and their commonest words. `None`
/// when nothing tells, or the text is in none of the languages allowed.
pub fn detect_short(text: &str, allowed: &[String]) -> Option<Guess> {
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

    fn language(text: &str, allowed: &[String]) -> Option<String> {
        detect(text, allowed).map(|d| d.code)
    }

    fn all() -> Vec<String> {
        ["en", "de", "az", "ru", "kk", "tr"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn tells_azerbaijani_from_turkish() {
        let az = "Azərbaycan Baş naziri Əli Əsədov Bakıda rəsmi səfərdə olan Qazaxıstanın Baş naziri ilə görüşüb. Görüşdə əməkdaşlığın genişləndirilməsi müzakirə edilib.";
        let tr = "Azerbaycan Başbakanı Ali Esedov, Bakü'de resmi ziyarette bulunan Kazakistan Başbakanı ile görüştü. Görüşmede iş birliğinin genişletilmesi ele alındı.";
        assert_eq!(language(az, &all()).as_deref(), Some("az"));
        assert_eq!(language(tr, &all()).as_deref(), Some("tr"));
    }

    #[test]
    fn tells_kazakh_from_russian() {
        let kk = "Қазақстан Президенті Қасым-Жомарт Тоқаев Әзербайжан Президенті Ильхам Әлиевпен телефон арқылы сөйлесті. Тараптар екіжақты ынтымақтастықты талқылады.";
        let ru = "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом Азербайджана Ильхамом Алиевым. Стороны обсудили двустороннее сотрудничество.";
        assert_eq!(language(kk, &all()).as_deref(), Some("kk"));
        assert_eq!(language(ru, &all()).as_deref(), Some("ru"));
    }

    #[test]
    fn knows_kazakh_in_latin_letters() {
        let kk = "Qazaqstan Prezidentı Qasym-Jomart Toqaev Äzırbaijan Prezidentımen telefon arqyly söilestı. Taraptar ekıjaqty yntymaqtastyqty tälqylady, Astanada kezdesu ötkızudı ūsyndy.";
        assert_eq!(language(kk, &all()).as_deref(), Some("kk"));
    }

    #[test]
    fn german_and_english_are_themselves() {
        let de = "Die beiden Regierungschefs haben zunächst ein Einzelgespräch abgehalten, um aktuelle Fragen einer bilateralen Agenda zu besprechen.";
        let en = "The heads of state first had a short dialogue and then discussed the agenda of bilateral relations.";
        assert_eq!(language(de, &all()).as_deref(), Some("de"));
        assert_eq!(language(en, &all()).as_deref(), Some("en"));
    }

    #[test]
    fn chinese_and_japanese_are_told_by_their_scripts() {
        let zh = "哈萨克斯坦总统托卡耶夫在巴库会见了阿塞拜疆总统阿利耶夫。双方讨论了能源合作。";
        let ja = "カザフスタンとアゼルバイジャンの大統領がバクーで会談した。両首脳はエネルギー協力について話し合った。";
        assert_eq!(language(zh, &all()).as_deref(), Some("zh"));
        assert_eq!(language(ja, &all()).as_deref(), Some("ja"));
    }

    #[test]
    fn letters_that_are_no_language_are_guessed_but_not_certain() {
        let noise = "qxzj kvwp fqxz jkvw pfqx zjkv wpfq xzjk vwpf qxzjk vwpfq xzjkv wpfqx zjkvw pfqxz jkvwp";
        let guess = detect(noise, &all()).expect("a guess");
        assert!(!guess.certain, "{guess:?}");
        let en = "The heads of state first had a short dialogue and then discussed the agenda of bilateral relations.";
        assert!(detect(en, &all()).unwrap().certain);
    }

    #[test]
    fn too_little_text_is_not_guessed() {
        assert_eq!(language("Tags:", &all()), None);
    }

    #[test]
    fn only_the_sites_languages_are_answers() {
        let en = "The heads of state first had a short dialogue and then discussed the agenda."
            .to_string();
        assert_eq!(
            language(&en, &["de".to_string(), "en".to_string()]).as_deref(),
            Some("en")
        );
    }

    #[test]
    fn a_headline_in_each_language_is_told_by_its_letters_and_words() {
        let guess = |title: &str| detect_short(title, &all()).map(|g| g.code);
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
        let clues = |title: &str| detect_short(title, &all()).unwrap().clues;
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
        assert_eq!(
            detect_short("Паром «Актау» вышел в первый рейс", &site),
            None
        );
        let site = ["en".to_string(), "ru".to_string()];
        assert_eq!(
            detect_short("Ақтау портында жаңа паром терминалы ашылды", &site).map(|g| g.code),
            Some("ru".to_string()),
            "Cyrillic, and Russian is the site's only Cyrillic language"
        );
        assert_eq!(detect_short("Aktau 2024", &all()), None, "nothing tells");
        assert_eq!(detect_short("2024", &all()), None);
    }
}
