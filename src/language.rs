//! The languages caspian knows by name: ISO 639-1 codes, the ISO 639-3 code
//! the language detector uses, and the name a reader sees.

/// `(639-1, 639-3, English name, native name)`.
const LANGUAGES: &[(&str, &str, &str, &str)] = &[
    ("af", "afr", "Afrikaans", "Afrikaans"),
    ("ar", "ara", "Arabic", "العربية"),
    ("az", "aze", "Azerbaijani", "Azərbaycanca"),
    ("be", "bel", "Belarusian", "Беларуская"),
    ("bg", "bul", "Bulgarian", "Български"),
    ("ca", "cat", "Catalan", "Català"),
    ("cs", "ces", "Czech", "Čeština"),
    ("da", "dan", "Danish", "Dansk"),
    ("de", "deu", "German", "Deutsch"),
    ("el", "ell", "Greek", "Ελληνικά"),
    ("en", "eng", "English", "English"),
    ("es", "spa", "Spanish", "Español"),
    ("et", "est", "Estonian", "Eesti"),
    ("fa", "pes", "Persian", "فارسی"),
    ("fi", "fin", "Finnish", "Suomi"),
    ("fr", "fra", "French", "Français"),
    ("he", "heb", "Hebrew", "עברית"),
    ("hi", "hin", "Hindi", "हिन्दी"),
    ("hr", "hrv", "Croatian", "Hrvatski"),
    ("hu", "hun", "Hungarian", "Magyar"),
    ("hy", "hye", "Armenian", "Հայերեն"),
    ("id", "ind", "Indonesian", "Bahasa Indonesia"),
    ("it", "ita", "Italian", "Italiano"),
    ("ja", "jpn", "Japanese", "日本語"),
    ("ka", "kat", "Georgian", "ქართული"),
    ("kk", "kaz", "Kazakh", "Қазақша"),
    ("ko", "kor", "Korean", "한국어"),
    ("ky", "kir", "Kyrgyz", "Кыргызча"),
    ("lt", "lit", "Lithuanian", "Lietuvių"),
    ("lv", "lav", "Latvian", "Latviešu"),
    ("nl", "nld", "Dutch", "Nederlands"),
    ("pl", "pol", "Polish", "Polski"),
    ("pt", "por", "Portuguese", "Português"),
    ("ro", "ron", "Romanian", "Română"),
    ("ru", "rus", "Russian", "Русский"),
    ("sk", "slk", "Slovak", "Slovenčina"),
    ("sr", "srp", "Serbian", "Српски"),
    ("sv", "swe", "Swedish", "Svenska"),
    ("tk", "tuk", "Turkmen", "Türkmençe"),
    ("tr", "tur", "Turkish", "Türkçe"),
    ("uk", "ukr", "Ukrainian", "Українська"),
    ("uz", "uzb", "Uzbek", "Oʻzbekcha"),
    ("zh", "cmn", "Chinese", "中文"),
];

fn entry(code: &str) -> Option<&'static (&'static str, &'static str, &'static str, &'static str)> {
    LANGUAGES.iter().find(|l| l.0 == code)
}

pub fn is_known(code: &str) -> bool {
    entry(code).is_some()
}

/// The language's name in English, or "" when unknown.
pub fn english_name(code: &str) -> &'static str {
    entry(code).map_or("", |l| l.2)
}

/// The language's name in itself ("Deutsch", "Azərbaycanca"), or "".
pub fn native_name(code: &str) -> &'static str {
    entry(code).map_or("", |l| l.3)
}

/// The ISO 639-3 code for an ISO 639-1 code.
pub fn iso3(code: &str) -> Option<&'static str> {
    entry(code).map(|l| l.1)
}

/// The ISO 639-1 code for an ISO 639-3 code.
pub fn from_iso3(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|l| l.1 == code).map(|l| l.0)
}

/// All known codes, for "did you mean" hints.
pub fn codes() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().map(|l| l.0)
}

/// The code a mistaken language value most likely meant: a name such as
/// "English" or "Deutsch", or a code one letter off.
pub fn suggest_code(wrong: &str) -> Option<&'static str> {
    let lower = wrong.trim().to_lowercase();
    LANGUAGES
        .iter()
        .find(|l| l.2.to_lowercase() == lower || l.3.to_lowercase() == lower || l.1 == lower)
        .map(|l| l.0)
        .or_else(|| crate::error::suggest(&lower, codes()))
}
