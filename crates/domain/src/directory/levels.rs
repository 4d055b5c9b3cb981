//! Countries and the levels of each country's own system of local government (see the glossary).

use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Country(String);

impl Country {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| Country(s.to_ascii_uppercase()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn fr() -> Self {
        Country("FR".into())
    }
    pub fn kr() -> Self {
        Country("KR".into())
    }
}

/// The level of a local authority in its own country's system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    // France
    Commune,
    Intercommunality,
    Department,
    Region,
    // Korea
    SpecialCity,
    MetropolitanCity,
    SpecialSelfGoverningCity,
    Province,
    SpecialSelfGoverningProvince,
    City,
    County,
    AutonomousDistrict,
}

impl Level {
    pub const ALL: [Level; 12] = [
        Level::Commune,
        Level::Intercommunality,
        Level::Department,
        Level::Region,
        Level::SpecialCity,
        Level::MetropolitanCity,
        Level::SpecialSelfGoverningCity,
        Level::Province,
        Level::SpecialSelfGoverningProvince,
        Level::City,
        Level::County,
        Level::AutonomousDistrict,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Level::Commune => "commune",
            Level::Intercommunality => "intercommunality",
            Level::Department => "department",
            Level::Region => "region",
            Level::SpecialCity => "special_city",
            Level::MetropolitanCity => "metropolitan_city",
            Level::SpecialSelfGoverningCity => "special_self_governing_city",
            Level::Province => "province",
            Level::SpecialSelfGoverningProvince => "special_self_governing_province",
            Level::City => "city",
            Level::County => "county",
            Level::AutonomousDistrict => "autonomous_district",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The country whose system this level belongs to.
    pub fn country(self) -> &'static str {
        match self {
            Level::Commune | Level::Intercommunality | Level::Department | Level::Region => "FR",
            _ => "KR",
        }
    }

    /// Levels of one country, from the widest to the narrowest.
    pub fn of_country(country: &str) -> Vec<Level> {
        let mut levels: Vec<Level> = Self::ALL
            .into_iter()
            .filter(|l| l.country() == country)
            .collect();
        levels.sort_by_key(|l| l.rank());
        levels
    }

    /// 1 for regional-level bodies (région, 도, 특별시, 광역시), 2 for the intermediate French
    /// levels, 3 for the local ones.
    pub fn rank(self) -> u8 {
        match self {
            Level::Region
            | Level::SpecialCity
            | Level::MetropolitanCity
            | Level::SpecialSelfGoverningCity
            | Level::Province
            | Level::SpecialSelfGoverningProvince => 1,
            Level::Department | Level::Intercommunality => 2,
            Level::Commune | Level::City | Level::County | Level::AutonomousDistrict => 3,
        }
    }
}

/// What kind of body an organisation is. Only local authorities have a `Level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    LocalAuthority,
    Embassy,
    StateBody,
    Association,
    Network,
    Agency,
    EconomicZone,
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 8] = [
        OrgKind::LocalAuthority,
        OrgKind::Embassy,
        OrgKind::StateBody,
        OrgKind::Association,
        OrgKind::Network,
        OrgKind::Agency,
        OrgKind::EconomicZone,
        OrgKind::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::LocalAuthority => "local_authority",
            OrgKind::Embassy => "embassy",
            OrgKind::StateBody => "state_body",
            OrgKind::Association => "association",
            OrgKind::Network => "network",
            OrgKind::Agency => "agency",
            OrgKind::EconomicZone => "economic_zone",
            OrgKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// Size classes by population, as the line-up rules of the contracts define them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    Small,
    Medium,
    Large,
    Unknown,
}

impl SizeClass {
    pub fn of(population: Option<i64>) -> Self {
        match population {
            None => SizeClass::Unknown,
            Some(p) if p < 100_000 => SizeClass::Small,
            Some(p) if p < 1_000_000 => SizeClass::Medium,
            Some(_) => SizeClass::Large,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            SizeClass::Small => "small",
            SizeClass::Medium => "medium",
            SizeClass::Large => "large",
            SizeClass::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_belong_to_their_country() {
        assert_eq!(Level::of_country("FR").len(), 4);
        assert_eq!(Level::of_country("KR").len(), 8);
        assert_eq!(Level::of_country("FR")[0], Level::Region);
        for l in Level::ALL {
            assert_eq!(Level::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn size_classes_follow_the_contract() {
        assert_eq!(SizeClass::of(Some(99_999)), SizeClass::Small);
        assert_eq!(SizeClass::of(Some(100_000)), SizeClass::Medium);
        assert_eq!(SizeClass::of(Some(999_999)), SizeClass::Medium);
        assert_eq!(SizeClass::of(Some(1_000_000)), SizeClass::Large);
        assert_eq!(SizeClass::of(None), SizeClass::Unknown);
    }

    #[test]
    fn countries() {
        assert_eq!(Country::parse(" kr ").unwrap().as_str(), "KR");
        assert!(Country::parse("KOR").is_none());
        assert!(Country::parse("K1").is_none());
    }
}
