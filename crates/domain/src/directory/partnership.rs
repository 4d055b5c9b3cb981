//! Partnerships between two organisations, and their kinds and statuses (see the glossary).

use serde::{Deserialize, Serialize};

use super::clean_text;
use crate::{ids::check_id, DomainError, ErrorKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    Twinning,
    Friendship,
    Mou,
    LetterOfIntent,
    CooperationAgreement,
    Informal,
}

impl PartnershipKind {
    pub const ALL: [PartnershipKind; 6] = [
        PartnershipKind::Twinning,
        PartnershipKind::Friendship,
        PartnershipKind::Mou,
        PartnershipKind::LetterOfIntent,
        PartnershipKind::CooperationAgreement,
        PartnershipKind::Informal,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PartnershipKind::Twinning => "twinning",
            PartnershipKind::Friendship => "friendship",
            PartnershipKind::Mou => "mou",
            PartnershipKind::LetterOfIntent => "letter_of_intent",
            PartnershipKind::CooperationAgreement => "cooperation_agreement",
            PartnershipKind::Informal => "informal",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipStatus {
    Planned,
    Active,
    Dormant,
    Ended,
}

impl PartnershipStatus {
    pub const ALL: [PartnershipStatus; 4] = [
        PartnershipStatus::Planned,
        PartnershipStatus::Active,
        PartnershipStatus::Dormant,
        PartnershipStatus::Ended,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PartnershipStatus::Planned => "planned",
            PartnershipStatus::Active => "active",
            PartnershipStatus::Dormant => "dormant",
            PartnershipStatus::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// When an agreement was signed: a full date when known, else a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Signed {
    Date(chrono::NaiveDate),
    Year(i32),
}

impl Signed {
    pub fn year(self) -> i32 {
        use chrono::Datelike;
        match self {
            Signed::Date(d) => d.year(),
            Signed::Year(y) => y,
        }
    }
}

/// A partnership as entered, before checks.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PartnershipInput {
    pub organisation_a: String,
    pub organisation_b: String,
    pub kind: String,
    pub status: Option<String>,
    pub signed_date: Option<String>,
    pub signed_year: Option<i32>,
    pub themes: Vec<String>,
    pub notes: Option<String>,
    /// The language the notes are written in (a BCP 47 tag).
    #[serde(default)]
    pub notes_lang: Option<String>,
}

/// A checked partnership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partnership {
    pub id: String,
    pub organisation_a: String,
    pub organisation_b: String,
    pub kind: PartnershipKind,
    pub status: PartnershipStatus,
    pub signed: Option<Signed>,
    pub themes: Vec<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub notes_lang: Option<String>,
}

impl PartnershipInput {
    pub fn validate(&self, id: String) -> Result<Partnership, Vec<DomainError>> {
        let mut errors = Vec::new();
        if let Err(e) = check_id(&id, "id") {
            errors.push(e);
        }
        let a = self.organisation_a.trim().to_string();
        let b = self.organisation_b.trim().to_string();
        if a.is_empty() {
            errors.push(DomainError::field(ErrorKey::Required, "organisation_a"));
        }
        if b.is_empty() {
            errors.push(DomainError::field(ErrorKey::Required, "organisation_b"));
        }
        if !a.is_empty() && a == b {
            errors.push(DomainError::field(
                ErrorKey::SelfPartnership,
                "organisation_b",
            ));
        }
        let kind = PartnershipKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidKind, "kind"));
        }
        let status = match self.status.as_deref().map(str::trim) {
            None | Some("") => Some(PartnershipStatus::Active),
            Some(s) => PartnershipStatus::parse(s),
        };
        if status.is_none() {
            errors.push(DomainError::field(ErrorKey::InvalidStatus, "status"));
        }
        let date = match self.signed_date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(DomainError::field(ErrorKey::InvalidDate, "signed_date"));
                    None
                }
            },
        };
        if self
            .signed_year
            .is_some_and(|y| !(1900..=2200).contains(&y))
        {
            errors.push(DomainError::field(ErrorKey::InvalidNumber, "signed_year"));
        }
        let signed = date
            .map(Signed::Date)
            .or(self.signed_year.map(Signed::Year));
        if let (Some(d), Some(y)) = (date, self.signed_year) {
            if Signed::Date(d).year() != y {
                errors.push(DomainError::field(ErrorKey::InvalidDate, "signed_year"));
            }
        }
        let mut themes = Vec::new();
        for (i, t) in self.themes.iter().enumerate() {
            match clean_text(Some(t), &format!("themes[{i}]"), 200) {
                Ok(Some(t)) if !themes.contains(&t) => themes.push(t),
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        let notes = clean_text(self.notes.as_deref(), "notes", 20_000).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let notes_lang = self
            .notes_lang
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty() && notes.is_some())
            .map(str::to_string);
        if notes_lang
            .as_deref()
            .is_some_and(|t| !crate::groups::is_language_tag(t))
        {
            errors.push(DomainError::field(ErrorKey::InvalidLanguage, "notes_lang"));
        }
        match (errors.is_empty(), kind, status) {
            (true, Some(kind), Some(status)) => Ok(Partnership {
                id,
                organisation_a: a,
                organisation_b: b,
                kind,
                status,
                signed,
                themes,
                notes,
                notes_lang,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issy_guro() -> PartnershipInput {
        PartnershipInput {
            organisation_a: "fr-issy".into(),
            organisation_b: "kr-guro".into(),
            kind: "twinning".into(),
            signed_year: Some(2005),
            themes: vec!["jeunesse".into(), "jeunesse".into(), " culture ".into()],
            ..Default::default()
        }
    }

    #[test]
    fn valid_partnership_defaults_to_active_and_dedups_themes() {
        let p = issy_guro().validate("p-issy-guro".into()).unwrap();
        assert_eq!(p.status, PartnershipStatus::Active);
        assert_eq!(p.themes, vec!["jeunesse", "culture"]);
        assert_eq!(p.signed, Some(Signed::Year(2005)));
    }

    #[test]
    fn partnership_with_itself_is_refused() {
        let mut i = issy_guro();
        i.organisation_b = "fr-issy".into();
        let e = i.validate("p".into()).unwrap_err();
        assert_eq!(e[0].key, ErrorKey::SelfPartnership);
    }

    #[test]
    fn date_and_year_must_agree() {
        let mut i = issy_guro();
        i.signed_date = Some("2006-10-01".into());
        let e = i.validate("p".into()).unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("signed_year"));
        i.signed_date = Some("2005-13-01".into());
        assert_eq!(
            i.validate("p".into()).unwrap_err()[0].key,
            ErrorKey::InvalidDate
        );
    }
}
