//! Countries and the levels of each country's own system of local government (see the glossary).

use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Country(String);

impl Country {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let code = s.to_ascii_uppercase();
        super::is_country(&code).then_some(Country(code))
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

/// One level of a country's own system of local government, from `data/levels.csv` (France and
/// Korea, the network's partner countries, and a generic set for every other country). Stored
/// by its id (`commune`, `metropolitan_city`, `sn_department` …), unique across countries.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Level(&'static LevelDef);

#[derive(Debug, PartialEq, Eq, Hash)]
struct LevelDef {
    /// ISO code, or `*` for the generic set.
    country: String,
    id: String,
    /// 1 regional, 2 intermediate, 3 local.
    tier: u8,
    /// French, Korean, English.
    names: [String; 3],
    source: String,
}

const LEVELS: &str = include_str!("../../data/levels.csv");
const GENERIC: &str = "*";

fn levels() -> &'static [LevelDef] {
    static ALL: std::sync::OnceLock<Vec<LevelDef>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        crate::csv::rows(LEVELS)
            .map(|f| LevelDef {
                country: f[0].clone(),
                id: f[1].clone(),
                tier: f[2].parse().expect("levels.csv: tier"),
                names: [f[3].clone(), f[4].clone(), f[5].clone()],
                source: f[6].clone(),
            })
            .collect()
    })
}

impl Level {
    /// Every level of every country, the generic set last.
    pub fn all() -> impl Iterator<Item = Level> {
        levels().iter().map(Level)
    }

    pub fn code(self) -> &'static str {
        &self.0.id
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::all().find(|l| l.code() == s.trim())
    }

    /// The country whose system this level belongs to (`*` for the generic set).
    pub fn country(self) -> &'static str {
        &self.0.country
    }

    /// Whether an authority of `country` may have this level: its own country's levels, or the
    /// generic set where the platform has none for the country.
    pub fn fits(self, country: &str) -> bool {
        self.country() == country || (self.is_generic() && !has_own_levels(country))
    }

    pub fn is_generic(self) -> bool {
        self.country() == GENERIC
    }

    /// The levels of one country, from the widest to the narrowest (the generic set for a
    /// country without its own).
    pub fn of_country(country: &str) -> Vec<Level> {
        let code = if has_own_levels(country) {
            country
        } else {
            GENERIC
        };
        let mut out: Vec<Level> = Self::all().filter(|l| l.country() == code).collect();
        out.sort_by_key(|l| l.tier());
        out
    }

    /// 1 for regional bodies (région, 도, 광역시 …), 2 for intermediate ones, 3 for local ones.
    pub fn tier(self) -> u8 {
        self.0.tier
    }

    /// The level's name in `lang` (`fr`, `ko`, `en`; French otherwise).
    pub fn name(self, lang: &str) -> &'static str {
        let i = match lang {
            "ko" => 1,
            "en" => 2,
            _ => 0,
        };
        &self.0.names[i]
    }

    /// Where the level comes from (the law or reference that defines it).
    pub fn source(self) -> &'static str {
        &self.0.source
    }
}

/// Whether the platform knows the country's own levels.
pub fn has_own_levels(country: &str) -> bool {
    levels().iter().any(|l| l.country == country)
}

impl std::fmt::Debug for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Level({})", self.code())
    }
}

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Level::parse(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown level {code}")))
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
        assert_eq!(Level::of_country("FR")[0].code(), "region");
        assert_eq!(Level::of_country("SN").last().unwrap().code(), "sn_commune");
        for l in Level::all() {
            assert_eq!(Level::parse(l.code()), Some(l));
            assert!(["fr", "ko", "en"]
                .iter()
                .all(|lang| !l.name(lang).is_empty()));
            assert!(!l.source().is_empty() && (1..=3).contains(&l.tier()));
        }
    }

    #[test]
    fn ten_partner_countries_have_their_own_levels_and_others_the_generic_set() {
        let own = [
            "SN", "LB", "JP", "VN", "CN", "US", "MA", "TN", "BF", "ML", "MG", "DE", "CA",
        ];
        assert!(own.iter().all(|c| has_own_levels(c)));
        let br = Level::of_country("BR");
        assert!(br.iter().all(|l| l.is_generic()) && br.len() == 4);
        let commune = Level::parse("commune").unwrap();
        assert!(commune.fits("FR") && !commune.fits("SN"));
        let generic = Level::parse("generic_municipality").unwrap();
        assert!(generic.fits("BR") && !generic.fits("FR"));
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
        assert!(Country::parse("XX").is_none());
    }
}
