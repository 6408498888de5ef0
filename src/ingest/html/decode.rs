//! A saved page's bytes to text. The order is the browsers': a byte-order
//! mark, then what the page's markup declares (`<meta charset>` or
//! `http-equiv`), then a guess from the bytes (chardetng, Firefox's
//! detector). A declaration that the bytes contradict (UTF-8 declared, the
//! bytes are not; a legacy encoding declared, the bytes are UTF-8) is not
//! believed, and said so.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How far into the page the declaration is looked for. The HTML standard
/// says 1024 bytes; pages put long comments and scripts first, so a
/// little more.
const PRESCAN_BYTES: usize = 4096;

/// The page as text, and a note when it was not UTF-8 or its declaration
/// was wrong.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let text = decode_with(encoding, &bytes[bom..]);
        let note = (encoding != UTF_8).then(|| {
            format!(
                "was saved in {} (it starts with a byte-order mark); decoded it",
                encoding.name()
            )
        });
        return (text, note);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return (
            decode_with(encoding, bytes),
            Some(format!(
                "was saved in {} without a byte-order mark; decoded it",
                encoding.name()
            )),
        );
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared(bytes) {
        Some(declared) if declared == UTF_8 => {
            if valid_utf8 {
                return (String::from_utf8_lossy(bytes).into_owned(), None);
            }
            let guess = guess(bytes);
            let note = format!(
                "says it is UTF-8 but is not; read it as {} (detected from its bytes): check the text",
                guess.name()
            );
            (decode_with(guess, bytes), Some(note))
        }
        Some(declared) => {
            if valid_utf8 && !bytes.is_ascii() {
                let note = format!(
                    "says it is in {} but is UTF-8; read it as UTF-8",
                    declared.name()
                );
                return (String::from_utf8_lossy(bytes).into_owned(), Some(note));
            }
            let note = (!bytes.is_ascii()).then(|| {
                format!(
                    "was saved in {} (as its markup says); decoded it",
                    declared.name()
                )
            });
            (decode_with(declared, bytes), note)
        }
        None if valid_utf8 => (String::from_utf8_lossy(bytes).into_owned(), None),
        None => {
            let guess = guess(bytes);
            let note = format!(
                "does not say its encoding and is not UTF-8; read it as {} (detected from its bytes): check the text",
                guess.name()
            );
            (decode_with(guess, bytes), Some(note))
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// chardetng's guess, never UTF-8 (the caller knows the bytes are not).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// UTF-16 with no byte-order mark: in ASCII-heavy markup every other byte
/// is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |odd: usize| {
        sample
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 8 && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 8 && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding the page's `<meta>` declares in its first bytes, as the
/// HTML standard's prescan reads it: `charset=` in a `<meta>` tag, either
/// as its own attribute or inside `content`. A page cannot declare UTF-16
/// in ASCII bytes, so that means UTF-8; `x-user-defined` means
/// windows-1252.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&lower[at..], b"<") {
        let start = at + i;
        if lower[start..].starts_with(b"<!--") {
            at = memchr::memmem::find(&lower[start..], b"-->")
                .map_or(lower.len(), |e| start + e + 3);
            continue;
        }
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        at = end;
        if !tag.starts_with(b"<meta") {
            continue;
        }
        let Some(c) = memchr::memmem::find(tag, b"charset") else {
            continue;
        };
        let rest = &tag[c + b"charset".len()..];
        let rest = rest.trim_ascii_start();
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let value: Vec<u8> = rest
            .trim_ascii_start()
            .iter()
            .copied()
            .skip_while(|&b| b == b'"' || b == b'\'')
            .take_while(|&b| {
                !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace()
            })
            .collect();
        let Some(encoding) = Encoding::for_label(&value) else {
            continue;
        };
        return Some(if encoding == UTF_16LE || encoding == UTF_16BE {
            UTF_8
        } else if encoding.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            encoding
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(charset_meta: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head>{charset_meta}<title>T</title></head><body><p>{body}</p></body></html>"
        )
    }

    #[test]
    fn utf8_is_read_without_a_note() {
        let html = page("<meta charset=\"utf-8\">", "Qazaxıstan və Azərbaycan");
        let (text, note) = decode(html.as_bytes());
        assert_eq!(text, html);
        assert_eq!(note, None);
    }

    #[test]
    fn a_declared_legacy_encoding_is_used_and_named() {
        let html = page(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
            "Президент Казахстана",
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let (text, note) = decode(&bytes);
        assert_eq!(text, html);
        assert!(note.unwrap().contains("windows-1251"));
    }

    #[test]
    fn koi8_and_turkish_pages_are_decoded() {
        for (label, words) in [
            (
                "koi8-r",
                "Министр иностранных дел Казахстана встретился с коллегой",
            ),
            ("iso-8859-9", "Dışişleri Bakanı Çavuşoğlu görüştü"),
            (
                "windows-1254",
                "Cumhurbaşkanı Erdoğan ağustosta Bakü'yü ziyaret etti",
            ),
        ] {
            let encoding = Encoding::for_label(label.as_bytes()).unwrap();
            let html = page(&format!("<meta charset={label}>"), words);
            let (bytes, _, _) = encoding.encode(&html);
            let (text, note) = decode(&bytes);
            assert!(text.contains(words), "{label}: {text}");
            assert!(note.is_some(), "{label}");
        }
    }

    #[test]
    fn an_undeclared_legacy_page_is_detected() {
        let words = "Президент Республики Казахстан провёл переговоры с президентом Азербайджана в Баку. Стороны обсудили торговлю, энергетику и транспорт через Каспийское море.";
        let html = page("", words);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let (text, note) = decode(&bytes);
        assert!(text.contains(words), "{text}");
        assert!(note.unwrap().contains("windows-1251"));
    }

    #[test]
    fn a_charset_that_lies_is_not_believed() {
        let words =
            "Президент Республики Казахстан провёл переговоры с президентом Азербайджана в Баку.";
        let html = page("<meta charset=\"utf-8\">", words);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let (text, note) = decode(&bytes);
        assert!(text.contains(words), "{text}");
        assert!(note.unwrap().contains("says it is UTF-8 but is not"));

        let html = page("<meta charset=\"windows-1251\">", words);
        let (text, note) = decode(html.as_bytes());
        assert_eq!(text, html);
        assert!(note.unwrap().contains("but is UTF-8"));
    }

    #[test]
    fn utf16_with_or_without_a_bom_is_decoded() {
        let html = page("", "Kazakhstan and Azerbaijan");
        let le: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            ([&[0xff, 0xfe][..], &le].concat(), "UTF-16LE"),
            ([&[0xfe, 0xff][..], &be].concat(), "UTF-16BE"),
            (le.clone(), "UTF-16LE"),
            (be.clone(), "UTF-16BE"),
        ] {
            let (text, note) = decode(&bytes);
            assert_eq!(text, html);
            assert!(note.unwrap().contains(name));
        }
    }

    #[test]
    fn a_declaration_in_a_comment_is_not_read() {
        assert_eq!(
            declared(b"<!-- <meta charset=koi8-r> --><meta charset=utf-8>"),
            Some(UTF_8)
        );
        assert_eq!(declared(b"<meta charset='utf-16'>"), Some(UTF_8));
        assert_eq!(declared(b"<p>charset=koi8-r</p>"), None);
    }
}
