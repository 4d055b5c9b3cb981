//! Decisions and follow-ups. A follow-up has an owner (an organisation, or a person or body
//! named in words), a due period and a status; it is carried from meeting to meeting until it is
//! done or dropped.

use serde::{Deserialize, Serialize};

use crate::directory::{clean_text, Names};
use crate::period::Period;
use crate::{DomainError, ErrorKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 4] = [
        FollowUpStatus::Open,
        FollowUpStatus::InProgress,
        FollowUpStatus::Done,
        FollowUpStatus::Dropped,
    ];
    pub fn code(self) -> &'static str {
        match self {
            FollowUpStatus::Open => "open",
            FollowUpStatus::InProgress => "in_progress",
            FollowUpStatus::Done => "done",
            FollowUpStatus::Dropped => "dropped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
    /// Still to do: shown on the board and carried to the next meeting.
    pub fn is_carried(self) -> bool {
        matches!(self, FollowUpStatus::Open | FollowUpStatus::InProgress)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FollowUpInput {
    pub text: Names,
    pub owner_organisation: Option<String>,
    /// A person or body named in words ("collectivités françaises membres").
    pub owner_text: Option<String>,
    /// A period code (`2021-03`, `2022-early`, ...).
    pub due: Option<String>,
    pub status: Option<String>,
    pub agenda_position: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub text: Names,
    pub owner_organisation: Option<String>,
    pub owner_text: Option<String>,
    pub due: Option<Period>,
    pub status: FollowUpStatus,
    pub agenda_position: Option<usize>,
}

impl FollowUpInput {
    pub fn validate(&self) -> Result<FollowUp, DomainError> {
        let text = Names {
            fr: clean_text(self.text.fr.as_deref(), "text.fr", 2000)?,
            ko: clean_text(self.text.ko.as_deref(), "text.ko", 2000)?,
            ko_latn: None,
            en: clean_text(self.text.en.as_deref(), "text.en", 2000)?,
        };
        if text.fr.is_none() && text.ko.is_none() && text.en.is_none() {
            return Err(DomainError::field(ErrorKey::Required, "text.fr"));
        }
        let due = match self.due.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(code) => Some(Period::parse(code, "due")?),
            None => None,
        };
        let status = match self.status.as_deref().map(str::trim) {
            None | Some("") => FollowUpStatus::Open,
            Some(s) => FollowUpStatus::parse(s)
                .ok_or_else(|| DomainError::field(ErrorKey::InvalidStatus, "status"))?,
        };
        Ok(FollowUp {
            text,
            owner_organisation: clean_text(
                self.owner_organisation.as_deref(),
                "owner_organisation",
                64,
            )?,
            owner_text: clean_text(self.owner_text.as_deref(), "owner_text", 300)?,
            due,
            status,
            agenda_position: self.agenda_position,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_ups() {
        let f = FollowUpInput {
            text: Names {
                fr: Some("Réunion de la GAOK avec les collectivités coréennes".into()),
                ..Default::default()
            },
            owner_organisation: Some("inst-gaok".into()),
            due: Some("2021-03".into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(f.status, FollowUpStatus::Open);
        assert!(f.status.is_carried());
        assert_eq!(f.due.unwrap().code(), "2021-03");
        let bad = FollowUpInput {
            text: Names {
                fr: Some("x".into()),
                ..Default::default()
            },
            due: Some("bientôt".into()),
            ..Default::default()
        };
        assert_eq!(bad.validate().unwrap_err().field.as_deref(), Some("due"));
        assert!(!FollowUpStatus::Done.is_carried());
    }
}
