//! The one discipline for text people send, whatever the door (pages, API, imports, answers):
//! Unicode NFC (a name typed in decomposed Hangul or with combining accents is stored as
//! everyone else types it, so that it is found and compared), and no invisible control
//! characters (NUL, ESC, writing-direction overrides) other than line breaks and tabs.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::{DomainError, ErrorKey};

/// Characters refused in any text: C0/C1 controls other than line feed, carriage return and
/// tab, and the bidirectional embeddings, overrides and isolates (they turn the text around
/// them on a page: "gpj.exe" shown as "exe.jpg").
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text in NFC, or `ControlCharacters` on `field`.
pub fn clean<'a>(value: &'a str, field: &str) -> Result<Cow<'a, str>, DomainError> {
    if value.chars().any(is_forbidden) {
        return Err(DomainError::field(ErrorKey::ControlCharacters, field));
    }
    Ok(nfc(value))
}

/// The text in NFC, borrowed when it already is (the usual case, checked quickly).
pub fn nfc(value: &str) -> Cow<'_, str> {
    match is_nfc_quick(value.chars()) {
        IsNormalized::Yes => Cow::Borrowed(value),
        _ => Cow::Owned(value.nfc().collect()),
    }
}

/// A web address people may follow from a page: `http://` or `https://` and a host, no spaces.
/// The one check of links, websites and meeting addresses.
pub fn is_web_address(value: &str) -> bool {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

/// A link of a seminar or a meeting: cleaned text, then `is_web_address`; empty is `None`.
pub fn clean_link(value: Option<&str>, field: &str) -> Result<Option<String>, DomainError> {
    let link = crate::directory::clean_text(value, field, 1000)?;
    match link {
        Some(l) if !is_web_address(&l) => Err(DomainError::field(ErrorKey::InvalidUrl, field)),
        l => Ok(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses() {
        assert!(is_web_address("https://visio.example.org/s1"));
        assert!(is_web_address("http://www.issy.com"));
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https:// x",
            "www.issy.com",
            "ftp://x",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
        assert_eq!(clean_link(Some("  "), "link").unwrap(), None);
        assert_eq!(
            clean_link(Some("visio"), "link").unwrap_err().key,
            ErrorKey::InvalidUrl
        );
    }

    #[test]
    fn composed_and_clean() {
        let nfd = "\u{1100}\u{116e}\u{1105}\u{1169}\u{1100}\u{116e}"; // 구로구, decomposed
        assert_eq!(clean(nfd, "name").unwrap(), "구로구");
        assert_eq!(clean("Ve\u{301}nissieux", "name").unwrap(), "Vénissieux");
        assert!(matches!(clean("Issy", "name").unwrap(), Cow::Borrowed(_)));
        assert_eq!(clean("a\tb\r\nc", "notes").unwrap(), "a\tb\r\nc");
        for bad in [
            "a\u{0}b",
            "\u{1b}[31mred",
            "x\u{202E}gpj.exe",
            "\u{2067}x",
            "\u{85}",
        ] {
            let e = clean(bad, "names.fr").unwrap_err();
            assert_eq!(e.key, ErrorKey::ControlCharacters);
            assert_eq!(e.field.as_deref(), Some("names.fr"));
        }
        // Arabic and marks that shape it stay.
        assert!(clean("بيروت\u{200F}", "name").is_ok());
    }
}
