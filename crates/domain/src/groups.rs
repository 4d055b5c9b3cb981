//! The network and its country groups. One instance serves one network and all of its groups.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::check::Problems;
use crate::directory::Names;
use crate::{DomainError, ErrorKey};

/// How an organisation takes part in a country group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    /// A member local authority of the network's own country.
    Member,
    /// A local authority of the partner country, partner of one or more members.
    Partner,
    /// Embassies, ministries, associations of the partner country: read access.
    Observer,
    /// The network's secretariat.
    Secretariat,
}

impl GroupRole {
    pub const ALL: [GroupRole; 4] = [
        GroupRole::Member,
        GroupRole::Partner,
        GroupRole::Observer,
        GroupRole::Secretariat,
    ];
    pub fn code(self) -> &'static str {
        match self {
            GroupRole::Member => "member",
            GroupRole::Partner => "partner",
            GroupRole::Observer => "observer",
            GroupRole::Secretariat => "secretariat",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A country group of the network: the partner country, its reference time zones (Paris first),
/// the languages its content is written in, its hashtags, and its names.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub network_id: String,
    /// The partner country (ISO 3166-1 alpha-2).
    pub country: String,
    /// French, Korean and English names (the interface's languages).
    pub name: Names,
    /// Names in other languages, by BCP 47 tag (`ja`, `ar`, `vi` …).
    pub other_names: BTreeMap<String, String>,
    pub about: Names,
    /// Paris first, then the partner country's zones.
    pub time_zones: Vec<Tz>,
    /// BCP 47 tags of the languages the group's content is written in, French first.
    pub languages: Vec<String>,
    /// Without the `#`.
    pub hashtags: Vec<String>,
    pub version: i64,
}

impl Group {
    /// The group's name in `lang`, in any language it has (then French, English, Korean).
    pub fn name_in(&self, lang: &str) -> &str {
        match self.other_names.get(lang) {
            Some(n) => n,
            None => self.name.get(lang),
        }
    }

    /// Every name, by language tag.
    pub fn names(&self) -> BTreeMap<String, String> {
        let mut all = self.other_names.clone();
        for (tag, v) in [
            ("fr", &self.name.fr),
            ("ko", &self.name.ko),
            ("en", &self.name.en),
        ] {
            if let Some(v) = v {
                all.insert(tag.to_string(), v.clone());
            }
        }
        all
    }

    /// The partner country's zones (every zone after Paris).
    pub fn partner_zones(&self) -> &[Tz] {
        self.time_zones.get(1..).unwrap_or(&[])
    }
}

/// A group as the secretariat types it.
#[derive(Debug, Clone, Default)]
pub struct GroupInput {
    pub id: String,
    /// By BCP 47 tag; French is required.
    pub names: BTreeMap<String, String>,
    pub about: Names,
    pub country: String,
    /// IANA names; Paris is added first when absent; at least one other zone.
    pub time_zones: Vec<String>,
    /// BCP 47 tags; French is added first when absent.
    pub languages: Vec<String>,
    /// With or without the `#`.
    pub hashtags: Vec<String>,
}

/// Whether `tag` reads as a BCP 47 language tag: a 2–3 letter language, then subtags of 2–8
/// letters or digits (`fr`, `ko`, `zh-Hans`, `pt-BR`, `ar`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl GroupInput {
    pub fn validate(&self, network: &str) -> Result<Group, Vec<DomainError>> {
        let mut p = Problems::new();
        p.take(crate::ids::check_id(self.id.trim(), "id"));
        let mut name = Names::default();
        let mut other_names = BTreeMap::new();
        for (tag, text) in &self.names {
            let field = format!("names.{tag}");
            if !is_language_tag(tag) {
                p.push(ErrorKey::InvalidLanguage, field);
                continue;
            }
            let Some(text) = p.text(Some(text), &field, 200) else {
                continue;
            };
            match tag.as_str() {
                "fr" => name.fr = Some(text),
                "ko" => name.ko = Some(text),
                "en" => name.en = Some(text),
                _ => {
                    other_names.insert(tag.clone(), text);
                }
            }
        }
        if name.fr.is_none() && !p_has(&p, "names.fr") {
            p.push(ErrorKey::Required, "names.fr");
        }
        let about = p.names(&self.about, "about", 5000, false);
        let country = self.country.trim().to_ascii_uppercase();
        if !crate::directory::is_country(&country) || country == "FR" {
            p.push(ErrorKey::InvalidCountry, "country");
        }
        let mut time_zones = vec![crate::time::PARIS];
        for (i, z) in self.time_zones.iter().enumerate() {
            if let Some(tz) = p.take(crate::time::parse_zone(z, &format!("time_zones[{i}]"))) {
                if !time_zones.contains(&tz) {
                    time_zones.push(tz);
                }
            }
        }
        if time_zones.len() < 2 && !p_has(&p, "time_zones") {
            p.push(ErrorKey::Required, "time_zones");
        }
        let mut languages = vec!["fr".to_string()];
        for (i, l) in self.languages.iter().enumerate() {
            let l = l.trim();
            if !is_language_tag(l) {
                p.push(ErrorKey::InvalidLanguage, format!("languages[{i}]"));
            } else if !languages.iter().any(|x| x == l) {
                languages.push(l.to_string());
            }
        }
        let mut hashtags = Vec::new();
        for (i, h) in self.hashtags.iter().enumerate() {
            let h = h.trim().trim_start_matches('#');
            if h.is_empty() {
                continue;
            }
            if h.chars().count() > 100 || !h.chars().all(|c| c.is_alphanumeric() || c == '_') {
                p.push(ErrorKey::InvalidHashtag, format!("hashtags[{i}]"));
            } else if !hashtags.iter().any(|x| x == h) {
                hashtags.push(h.to_string());
            }
        }
        p.finish(Group {
            id: self.id.trim().to_string(),
            network_id: network.to_string(),
            country,
            name,
            other_names,
            about,
            time_zones,
            languages,
            hashtags,
            version: 1,
        })
    }
}

fn p_has(p: &Problems, field: &str) -> bool {
    p.fields().any(|f| f.starts_with(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senegal() -> GroupInput {
        GroupInput {
            id: "sn".into(),
            names: BTreeMap::from([
                ("fr".into(), "Groupe-pays Sénégal".into()),
                ("en".into(), "Senegal country group".into()),
                ("wo".into(), "Mbootaay Senegaal".into()),
            ]),
            country: "sn".into(),
            time_zones: vec!["Africa/Dakar".into()],
            languages: vec!["fr".into(), "en".into(), "wo".into()],
            hashtags: vec!["#SenegalFranceLocal".into()],
            ..GroupInput::default()
        }
    }

    #[test]
    fn a_group_gets_paris_first_and_its_partner_zones() {
        let g = senegal().validate("cuf").unwrap();
        assert_eq!(g.country, "SN");
        assert_eq!(g.time_zones, [crate::time::PARIS, chrono_tz::Africa::Dakar]);
        assert_eq!(g.partner_zones(), [chrono_tz::Africa::Dakar]);
        assert_eq!(g.languages, ["fr", "en", "wo"]);
        assert_eq!(g.hashtags, ["SenegalFranceLocal"]);
        assert_eq!(g.name_in("wo"), "Mbootaay Senegaal");
        assert_eq!(
            g.name_in("ko"),
            "Senegal country group",
            "Names::get's fallback"
        );
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut input = senegal();
        input.id = "Not An Id".into();
        input.country = "XX".into();
        input.time_zones = vec!["Africa/Nowhere".into()];
        input.languages = vec!["French".into()];
        input.hashtags = vec!["two words".into()];
        input.names.remove("fr");
        let fields: Vec<String> = input
            .validate("cuf")
            .unwrap_err()
            .into_iter()
            .filter_map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "id",
                "names.fr",
                "country",
                "time_zones[0]",
                "languages[0]",
                "hashtags[0]"
            ]
        );
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "ko", "zh-Hans", "pt-BR", "ar", "wo"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "French", "f", "fr_FR", "FR", "fr-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
