//! Stable record ids: short lower-case slugs (`fr-issy`, `p-issy-guro`) that appear in URLs and the API.

use crate::{DomainError, ErrorKey};

/// Checks that `id` is a usable stable id: 1–64 characters of `a-z`, `0-9`, `-`, `_`, `.`,
/// starting with a letter or digit.
pub fn check_id(id: &str, field: &str) -> Result<(), DomainError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(DomainError::field(ErrorKey::InvalidId, field))
    }
}

/// The id an organisation gets from its country and name when none is given: the country
/// code, then the English, French or romanised name as a slug (`fr-ville-de-tours`), or
/// `fallback` when no name gives letters (a name in Hangul only). The one rule of the API and
/// the importer; the API makes it free with a `-2`, `-3` … suffix.
pub fn organisation_id(country: &str, names: &crate::directory::Names, fallback: &str) -> String {
    let name = names
        .en
        .as_deref()
        .or(names.fr.as_deref())
        .or(names.ko_latn.as_deref())
        .unwrap_or("");
    let slug = slugify(name);
    let country = country.trim().to_ascii_lowercase();
    if slug.is_empty() {
        format!("{country}-{fallback}")
    } else {
        format!("{country}-{slug}")
    }
}

/// Makes a slug from free text: ASCII letters and digits folded to lower case, French accents
/// removed, everything else turned into single dashes. Hangul is dropped; the caller adds a
/// prefix or suffix so that the result is never empty.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let folded = fold_latin(c);
        match folded {
            Some(f) if f.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(f.to_ascii_lowercase());
            }
            _ => dash = true,
        }
        if out.len() >= 48 {
            break;
        }
    }
    out
}

fn fold_latin(c: char) -> Option<char> {
    let f = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' => 'y',
        'œ' | 'Œ' => 'o',
        'æ' | 'Æ' => 'a',
        c if c.is_ascii() => c,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(check_id("fr-issy", "id").is_ok());
        assert!(check_id("p-issy-guro", "id").is_ok());
        assert!(check_id("", "id").is_err());
        assert!(check_id("-x", "id").is_err());
        assert!(check_id("Fr-Issy", "id").is_err());
        assert!(check_id("a/b", "id").is_err());
        assert!(check_id(&"a".repeat(65), "id").is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Région Île-de-France"), "region-ile-de-france");
        assert_eq!(
            slugify("Ville d'Issy-les-Moulineaux"),
            "ville-d-issy-les-moulineaux"
        );
        assert_eq!(slugify("구로구"), "");
        let names = crate::directory::Names {
            fr: Some("Ville de Tours".into()),
            ..Default::default()
        };
        assert_eq!(organisation_id("FR", &names, "org"), "fr-ville-de-tours");
        let hangul = crate::directory::Names {
            ko: Some("구로구".into()),
            ..Default::default()
        };
        assert_eq!(organisation_id("KR", &hangul, "row-7"), "kr-row-7");
    }
}
