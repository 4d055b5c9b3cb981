//! Organisations: local authorities and institutions of both countries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{clean_text, Country, Level, OrgKind, SizeClass};
use crate::{ids::check_id, DomainError, ErrorKey};

/// Names of one organisation, side by side. Korean names carry their romanisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Names {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ko: Option<String>,
    /// Revised Romanization of the Korean name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ko_latn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Names {
    /// The name to show in `lang` (`fr`, `ko` or `en`), falling back to the others.
    pub fn get(&self, lang: &str) -> &str {
        let order: [&Option<String>; 3] = match lang {
            "ko" => [&self.ko, &self.en, &self.fr],
            "en" => [&self.en, &self.fr, &self.ko],
            _ => [&self.fr, &self.en, &self.ko],
        };
        order
            .into_iter()
            .flatten()
            .next()
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The name in another script than the one shown, for a subtitle ("구로구 · Guro-gu").
    pub fn secondary(&self, lang: &str) -> Option<&str> {
        match lang {
            "ko" => self.fr.as_deref().or(self.en.as_deref()),
            _ => self.ko.as_deref(),
        }
    }

    fn cleaned(&self) -> Result<Names, DomainError> {
        Ok(Names {
            fr: clean_text(self.fr.as_deref(), "names.fr", 200)?,
            ko: clean_text(self.ko.as_deref(), "names.ko", 200)?,
            ko_latn: clean_text(self.ko_latn.as_deref(), "names.ko_latn", 200)?,
            en: clean_text(self.en.as_deref(), "names.en", 200)?,
        })
    }
}

/// Where an organisation sits, for the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Seat {
    pub lat: f64,
    pub lon: f64,
}

/// An organisation as entered by a person or a file, before checks.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OrganisationInput {
    pub id: Option<String>,
    pub kind: String,
    pub country: String,
    pub level: Option<String>,
    pub parent_id: Option<String>,
    pub names: Names,
    pub population: Option<i64>,
    pub population_year: Option<i32>,
    pub seat: Option<Seat>,
    pub seat_name: Option<String>,
    pub website: Option<String>,
    pub notes: Option<String>,
    /// Names in languages other than French, Korean and English, by BCP 47 tag (`ja`, `ar`,
    /// `vi`, `zh-Hant`, `wo` …): the partner country's own.
    #[serde(default)]
    pub other_names: BTreeMap<String, String>,
    /// The language the notes are written in (a BCP 47 tag), so that readers are told.
    #[serde(default)]
    pub notes_lang: Option<String>,
}

/// An organisation whose every field has been checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub kind: OrgKind,
    pub country: Country,
    pub level: Option<Level>,
    pub parent_id: Option<String>,
    pub names: Names,
    pub population: Option<i64>,
    pub population_year: Option<i32>,
    pub seat: Option<Seat>,
    pub seat_name: Option<String>,
    pub website: Option<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub other_names: BTreeMap<String, String>,
    #[serde(default)]
    pub notes_lang: Option<String>,
}

/// Languages written right to left, by their BCP 47 primary subtag.
const RTL: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"];

/// `rtl` for a tag of a language written right to left (`ar`, `ar-LB`, `he` …), else `ltr`.
pub fn direction(tag: &str) -> &'static str {
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    if RTL.contains(&primary.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

impl Organisation {
    /// The name in the partner's own language, when it has one: (tag, name).
    pub fn original_name(&self) -> Option<(&str, &str)> {
        self.other_names
            .iter()
            .next()
            .map(|(t, n)| (t.as_str(), n.as_str()))
    }

    pub fn size_class(&self) -> SizeClass {
        SizeClass::of(self.population)
    }
}

impl OrganisationInput {
    /// Checks every field; returns all problems found, each naming its field.
    pub fn validate(&self, id: String) -> Result<Organisation, Vec<DomainError>> {
        let mut errors = Vec::new();
        if let Err(e) = check_id(&id, "id") {
            errors.push(e);
        }
        let kind = OrgKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidKind, "kind"));
        }
        let country = Country::parse(&self.country);
        if country.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidCountry, "country"));
        }
        let level = match self
            .level
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(code) => match Level::parse(code) {
                None => {
                    errors.push(DomainError::field(ErrorKey::InvalidLevel, "level"));
                    None
                }
                Some(l) => Some(l),
            },
        };
        if let (Some(l), Some(c)) = (level, &country) {
            if !l.fits(c.as_str()) {
                errors.push(DomainError::field(ErrorKey::LevelCountryMismatch, "level"));
            }
        }
        if kind == Some(OrgKind::LocalAuthority) && level.is_none() && errors.is_empty() {
            errors.push(DomainError::field(ErrorKey::Required, "level"));
        }
        let names = self.names.cleaned().unwrap_or_else(|e| {
            errors.push(e);
            Names::default()
        });
        if names.fr.is_none() && names.ko.is_none() && names.en.is_none() {
            errors.push(DomainError::field(ErrorKey::Required, "names.fr"));
        }
        if self
            .population
            .is_some_and(|p| !(0..=2_000_000_000).contains(&p))
        {
            errors.push(DomainError::field(ErrorKey::InvalidNumber, "population"));
        }
        if self
            .population_year
            .is_some_and(|y| !(1800..=2200).contains(&y))
        {
            errors.push(DomainError::field(
                ErrorKey::InvalidNumber,
                "population_year",
            ));
        }
        if let Some(seat) = self.seat {
            let ok = seat.lat.is_finite()
                && seat.lon.is_finite()
                && (-90.0..=90.0).contains(&seat.lat)
                && (-180.0..=180.0).contains(&seat.lon);
            if !ok {
                errors.push(DomainError::field(ErrorKey::InvalidCoordinates, "seat"));
            }
        }
        let parent_id = self
            .parent_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        if parent_id.as_deref() == Some(id.as_str()) {
            errors.push(DomainError::field(ErrorKey::ParentCycle, "parent_id"));
        }
        let website = match clean_text(self.website.as_deref(), "website", 500) {
            Ok(Some(w)) if !crate::text::is_web_address(&w) => {
                errors.push(DomainError::field(ErrorKey::InvalidUrl, "website"));
                None
            }
            Ok(w) => w,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let seat_name =
            clean_text(self.seat_name.as_deref(), "seat_name", 200).unwrap_or_else(|e| {
                errors.push(e);
                None
            });
        let notes = clean_text(self.notes.as_deref(), "notes", 20_000).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let other_names = crate::check::other_texts(&self.other_names, "other_names", 200)
            .unwrap_or_else(|es| {
                errors.extend(es);
                BTreeMap::new()
            });
        let notes_lang = self
            .notes_lang
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty() && notes.is_some());
        if notes_lang.is_some_and(|t| !crate::groups::is_language_tag(t)) {
            errors.push(DomainError::field(ErrorKey::InvalidLanguage, "notes_lang"));
        }
        match (errors.is_empty(), kind, country) {
            (true, Some(kind), Some(country)) => Ok(Organisation {
                id,
                kind,
                country,
                level,
                parent_id,
                names,
                population: self.population,
                population_year: self.population_year,
                seat: self.seat,
                seat_name,
                website,
                notes,
                other_names,
                notes_lang: notes_lang.map(str::to_string),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guro() -> OrganisationInput {
        OrganisationInput {
            kind: "local_authority".into(),
            country: "KR".into(),
            level: Some("autonomous_district".into()),
            parent_id: Some("kr-seoul".into()),
            names: Names {
                fr: Some("Arrondissement de Guro".into()),
                ko: Some("구로구".into()),
                ko_latn: Some("Guro-gu".into()),
                en: None,
            },
            population: Some(399_950),
            seat: Some(Seat {
                lat: 37.49,
                lon: 126.88,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_korean_district() {
        let o = guro().validate("kr-guro".into()).unwrap();
        assert_eq!(o.level, Level::parse("autonomous_district"));
        assert_eq!(o.names.get("ko"), "구로구");
        assert_eq!(o.names.get("en"), "Arrondissement de Guro");
        assert_eq!(o.size_class(), SizeClass::Medium);
    }

    #[test]
    fn a_french_level_in_korea_is_refused_with_its_field() {
        let mut i = guro();
        i.level = Some("commune".into());
        let errs = i.validate("kr-guro".into()).unwrap_err();
        assert_eq!(errs[0].key, ErrorKey::LevelCountryMismatch);
        assert_eq!(errs[0].field.as_deref(), Some("level"));
    }

    #[test]
    fn every_problem_is_reported() {
        let i = OrganisationInput {
            kind: "castle".into(),
            country: "Korea".into(),
            population: Some(-3),
            seat: Some(Seat {
                lat: 200.0,
                lon: 0.0,
            }),
            website: Some("javascript:alert(1)".into()),
            ..Default::default()
        };
        let errs = i.validate("Bad Id".into()).unwrap_err();
        let fields: Vec<_> = errs.iter().filter_map(|e| e.field.as_deref()).collect();
        for f in [
            "id",
            "kind",
            "country",
            "names.fr",
            "population",
            "seat",
            "website",
        ] {
            assert!(fields.contains(&f), "{f} missing in {fields:?}");
        }
    }

    #[test]
    fn a_parent_of_itself_is_refused() {
        let mut i = guro();
        i.parent_id = Some("kr-guro".into());
        let errs = i.validate("kr-guro".into()).unwrap_err();
        assert_eq!(errs[0].key, ErrorKey::ParentCycle);
    }
}
