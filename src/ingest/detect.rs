//! Which language an article is in. whatlang does the statistics; letters
//! settle what it cannot: whatlang has no Kazakh, and it confuses
//! Azerbaijani with Turkish. A text in a language the site does not list is
//! named for what it is when whatlang, free to answer any of its 69
//! languages, is sure of one that is no near relative of the site's;
//! otherwise the answer is the closest of the site's languages.

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
    // Chinese and Japanese are told by their scripts: kana are Japanese
    // only, and Japanese writes a good part of each sentence in them (a
    // Chinese page may still quote a Japanese name or title).
    if letters.han * 2 > letters.total {
        let japanese = letters.kana * 10 >= letters.han + letters.kana;
        return sure(if japanese { "ja" } else { "zh" });
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
    // Azerbaijani has ə), with a letter of one of its Latin alphabets (ū,
    // ñ or dotless ı of 2021; ǵ, ń or ý of 2018).
    if letters.cyrillic * 2 <= letters.total
        && allows("kk")
        && letters.schwa == 0
        && letters.kazakh_latin > 0
        && letters.q * 100 >= letters.total
    {
        return sure("kk");
    }
    let allowed_detected = match unrestricted(text, allowed) {
        Unrestricted::Unlisted(other) => return sure(other),
        // Sure of a language the site lists: asking again among the site's
        // languages alone gives the same answer, at the same cost again.
        Unrestricted::Listed(code) => Detected {
            code: code.to_string(),
            certain: true,
        },
        Unrestricted::Unsure => among(text, allowed)?,
    };
    // ə is Azerbaijani's own letter; Turkish has none.
    let code = match allowed_detected.code.as_str() {
        "az" | "tr" if allows("az") && letters.schwa * 200 >= letters.total => "az",
        "az" if allows("tr") && letters.schwa == 0 => "tr",
        _ => return Some(allowed_detected),
    };
    Some(Detected {
        code: code.to_string(),
        certain: allowed_detected.certain,
    })
}

/// What whatlang says of `text` asked about the site's languages alone.
fn among(text: &str, allowed: &[String]) -> Option<Detected> {
    let list: Vec<Lang> = allowed
        .iter()
        .filter_map(|code| language::iso3(code))
        .filter_map(Lang::from_code)
        .collect();
    if list.is_empty() {
        return None;
    }
    let detected = Detector::with_allowlist(list).detect(sample(text))?;
    Some(Detected {
        code: language::from_iso3(detected.lang().code())?.to_string(),
        certain: detected.is_reliable(),
    })
}

/// The part of `text` whatlang reads: its first 4,000 bytes (cut at a
/// character) are language enough, and an archive's long pages then cost no
/// more than short ones.
fn sample(text: &str) -> &str {
    const BYTES: usize = 4000;
    if text.len() <= BYTES {
        return text;
    }
    let mut end = BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Languages whatlang's statistics mix up with each other when the text is
/// short or full of names: a text it calls one of them may be in another.
const NEAR_RELATIVES: &[&[&str]] = &[
    // Cyrillic: East and South Slavic, and the Turkic languages written in it.
    &["ru", "uk", "be", "bg", "sr", "kk", "ky"],
    // Turkic in Latin letters.
    &["tr", "az", "tk", "uz", "kk"],
];

/// What whatlang says of `text` asked about all its languages.
enum Unrestricted {
    /// Sure of a language the site does not list, and no near relative of
    /// one it does.
    Unlisted(&'static str),
    /// Sure of a language the site lists.
    Listed(&'static str),
    /// Not sure, or sure of a near relative of a language the site lists (a
    /// Kazakh or Ukrainian text on a Russian site is left to the site's
    /// languages, which then say whether they are certain).
    Unsure,
}

fn unrestricted(text: &str, allowed: &[String]) -> Unrestricted {
    let Some(code) = Detector::new()
        .detect(sample(text))
        .filter(|info| info.is_reliable())
        .and_then(|info| language::from_iso3(info.lang().code()))
    else {
        return Unrestricted::Unsure;
    };
    let listed = |c: &str| allowed.iter().any(|a| a == c);
    let near_listed = NEAR_RELATIVES
        .iter()
        .any(|family| family.contains(&code) && family.iter().any(|c| listed(c)));
    if listed(code) {
        Unrestricted::Listed(code)
    } else if near_listed {
        Unrestricted::Unsure
    } else {
        Unrestricted::Unlisted(code)
    }
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
        for word in text.split(|c: char| !c.is_alphabetic()) {
            let mut w = LetterCounts::default();
            let (mut latin, mut cyrillic) = (false, false);
            for c in word.chars() {
                latin |= c.is_ascii_alphabetic();
                cyrillic |= ('\u{400}'..='\u{4ff}').contains(&c);
                w.count(c);
            }
            // A word of Latin letters with Cyrillic look-alikes among them
            // ("Аqtаý", with Cyrillic А and а) is a Latin word.
            if latin && cyrillic {
                w = LetterCounts::default();
                for c in word.chars() {
                    w.count(latin_look_alike(c).unwrap_or(c));
                }
            }
            n.add(&w);
        }
        n
    }

    fn add(&mut self, other: &LetterCounts) {
        self.total += other.total;
        self.cyrillic += other.cyrillic;
        self.kazakh_cyrillic += other.kazakh_cyrillic;
        self.kazakh_latin += other.kazakh_latin;
        self.schwa += other.schwa;
        self.q += other.q;
        self.han += other.han;
        self.kana += other.kana;
    }

    fn count(&mut self, c: char) {
        self.total += 1;
        if c.is_ascii() {
            self.q += usize::from(c.eq_ignore_ascii_case(&'q'));
            return;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        match lower {
            '\u{400}'..='\u{4ff}' => self.cyrillic += 1,
            '\u{3040}'..='\u{30ff}' => self.kana += 1,
            '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{20000}'..='\u{2ffff}' => {
                self.han += 1
            }
            _ => {}
        }
        match lower {
            'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' => self.kazakh_cyrillic += 1,
            'ū' | 'ñ' | 'ı' | 'ǵ' | 'ń' | 'ý' => self.kazakh_latin += 1,
            'ə' => self.schwa += 1,
            'q' => self.q += 1,
            _ => {}
        }
    }
}

/// The Latin letter a Cyrillic one looks like, where one does.
fn latin_look_alike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'к' => 'k',
        _ => return None,
    })
}

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
    fn the_sites_languages_come_first() {
        let en = "The heads of state first had a short dialogue and then discussed the agenda."
            .to_string();
        assert_eq!(
            language(&en, &["de".to_string(), "en".to_string()]).as_deref(),
            Some("en")
        );
    }

    #[test]
    fn a_language_the_site_does_not_list_is_named() {
        let pt = "O presidente do Cazaquistão chegou ontem a Baku para uma visita oficial de dois dias. Os dois governos assinaram acordos sobre energia, transporte e cultura, e discutiram a nova rota comercial através do mar Cáspio.";
        let it = "Il presidente del Kazakistan è arrivato ieri a Baku per una visita ufficiale di due giorni. I due governi hanno firmato accordi sull'energia, sui trasporti e sulla cultura, e hanno discusso la nuova rotta commerciale attraverso il Mar Caspio.";
        let fr = "Le président du Kazakhstan est arrivé hier à Bakou pour une visite officielle de deux jours. Les deux gouvernements ont signé des accords sur l'énergie, les transports et la culture, et ont discuté de la nouvelle route commerciale à travers la mer Caspienne.";
        let id = "Presiden Kazakhstan tiba di Baku kemarin untuk kunjungan resmi selama dua hari. Kedua pemerintah menandatangani perjanjian tentang energi, transportasi dan budaya, serta membahas jalur perdagangan baru melintasi Laut Kaspia.";
        for (text, code) in [(pt, "pt"), (it, "it"), (fr, "fr"), (id, "id")] {
            let got = detect(text, &all()).expect("a language");
            assert_eq!(got.code, code, "{text}");
            assert!(got.certain, "{text}");
        }
    }

    #[test]
    fn a_near_relative_of_a_site_language_is_not_named_for_it() {
        // Ukrainian on a site with Russian: whatlang's Slavic guesses are
        // not trusted against a listed relative; the site's language is
        // answered and the caller warns when it is not certain.
        let uk = "Президент Казахстану прибув до Баку з офіційним візитом. Сторони підписали угоди щодо енергетики та транспорту і обговорили новий торговельний маршрут через Каспійське море.";
        let got = language(uk, &["ru".to_string(), "en".to_string()]);
        assert_eq!(got.as_deref(), Some("ru"));
    }

    #[test]
    fn kazakh_in_the_2018_latin_alphabet_and_with_cyrillic_look_alikes() {
        // The 2018 alphabet writes ǵ, ń, ý with acute accents and sh, ch
        // as digraphs; some sites mix Cyrillic а, е, о, і into Latin words.
        let acute = "Qazaqstan Respýblıkasynyń Prezıdenti Qasym-Jomart Toqaev Ázerbaıjan Respýblıkasynyń Prezıdentimen kezdesti. Taraptar ekijaqty yntymaqtastyqtyń damýyn talqylady.";
        let mixed = "Prеmеr-ministr Аqtаý tеńіz pоrtynyń аldаǵy jumys jоspаrymеn tаnysty. Qаzіrgі tаńdа Аqtаý tеńіz pоrty qоsymshа аlаń sаlýdy jоspаrlаp оtyr.";
        assert_eq!(language(acute, &all()).as_deref(), Some("kk"));
        assert_eq!(language(mixed, &all()).as_deref(), Some("kk"));
        // Uzbek writes q as often, with none of Kazakh's letters.
        let uz = "Qozog'iston Prezidenti Qasim-Jomart Toqayev Ozarbayjon Prezidenti bilan uchrashdi. Tomonlar ikki tomonlama hamkorlikni muhokama qildilar va yangi kelishuvlarni imzoladilar.";
        assert_ne!(language(uz, &all()).as_deref(), Some("kk"));
    }

    #[test]
    fn a_chinese_page_quoting_a_japanese_word_is_chinese() {
        let zh = "新竹尖石美樹營地賞楓，我們一早從台北出發，沿著山路開了三個小時才到營地。楓葉正紅，營地主人說今年天氣冷得早，所以顏色特別漂亮。晚上大家在帳篷外烤肉聊天，看見滿天星星。隔壁營位的朋友送來一盒もみじ饅頭。";
        assert_eq!(language(zh, &all()).as_deref(), Some("zh"));
    }
}
