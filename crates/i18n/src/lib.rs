//! Translations and locale formatting for French, Korean and English.
//!
//! One Fluent catalog per locale (`locales/<lang>/main.ftl`), compiled into the binary. French is
//! the fallback. `tests/catalogs.rs` fails when a message is missing in a language or when its
//! variables differ between languages.

mod format;
mod negotiate;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, Loader};
use unic_langid::{langid, LanguageIdentifier};

pub use format::{format_date, format_date_medium, format_number};
pub use negotiate::negotiate;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    Ko,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Ko, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Ko => "한국어",
            Lang::En => "English",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Fr => langid!("fr"),
            Lang::Ko => langid!("ko"),
            Lang::En => langid!("en"),
        }
    }
}

/// A value for a message variable.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

/// The message `key` in `lang` (French when the language lacks it; the key itself when no
/// catalog has it, which the catalog tests prevent).
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(&lang.langid(), key)
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` with variables.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            (Cow::Owned(k.to_string()), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(&lang.langid(), key, &map)
        .unwrap_or_else(|| key.to_string())
}

/// Whether a message exists in French (the reference catalog).
/// A message with variables counts too (formatting it without them is an error, not absence).
pub fn has_key(key: &str) -> bool {
    // fluent-templates does not export its error type: a formatting error says so in words.
    match LOCALES.lookup_single_language::<&str>(&Lang::Fr.langid(), key, None) {
        Ok(_) => true,
        Err(e) => e.to_string().starts_with("Fluent errors"),
    }
}
