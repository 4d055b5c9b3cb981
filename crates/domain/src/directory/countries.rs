//! Country names in French, Korean and English for every ISO 3166-1 code, from
//! `data/country_names.csv` (made by `tools/countries/names.py` from the Unicode CLDR names).

use std::collections::BTreeMap;
use std::sync::OnceLock;

const NAMES: &str = include_str!("../../data/country_names.csv");

fn table() -> &'static BTreeMap<String, [String; 3]> {
    static TABLE: OnceLock<BTreeMap<String, [String; 3]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::csv::rows(NAMES)
            .map(|f| (f[0].clone(), [f[1].clone(), f[2].clone(), f[3].clone()]))
            .collect()
    })
}

/// Whether `code` (upper case) is an ISO 3166-1 alpha-2 code.
pub fn is_country(code: &str) -> bool {
    table().contains_key(code)
}

/// The country's name in `lang` (`fr`, `ko`, `en`; French otherwise), or `None` for a code that
/// is not a country.
pub fn country_name(code: &str, lang: &str) -> Option<&'static str> {
    let i = match lang {
        "ko" => 1,
        "en" => 2,
        _ => 0,
    };
    table().get(code).map(|n| n[i].as_str())
}

/// Every country code, in code order.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    table().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_three_names() {
        assert!(country_codes().count() >= 249);
        assert_eq!(country_name("SN", "ko"), Some("세네갈"));
        assert_eq!(country_name("KR", "fr"), Some("Corée"));
        assert_eq!(
            country_name("BQ", "en"),
            Some("Bonaire, Sint Eustatius and Saba")
        );
        assert!(!is_country("XX"));
        for code in country_codes() {
            assert!(["fr", "ko", "en"]
                .iter()
                .all(|l| !country_name(code, l).unwrap().is_empty()));
        }
    }
}
