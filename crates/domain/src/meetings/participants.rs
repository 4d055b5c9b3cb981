//! Who takes part in a meeting, and the decisions recorded under its agenda.

use super::Presence;
use crate::check::Problems;
use crate::directory::Names;
use crate::DomainError;

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: String,
    pub position: i64,
    pub person_id: Option<String>,
    pub organisation_id: Option<String>,
    pub user_id: Option<String>,
    pub name: String,
    pub role_title: Option<String>,
    pub presence: Presence,
}

/// A participant as typed: a name, the organisation (checked against the register by the
/// caller) and their title there.
#[derive(Debug, Clone, Default)]
pub struct ParticipantInput {
    pub name: String,
    pub organisation_id: Option<String>,
    pub role_title: Option<String>,
}

impl ParticipantInput {
    pub fn validate(
        &self,
        id: &str,
        position: i64,
        presence: Presence,
    ) -> Result<Participant, Vec<DomainError>> {
        let mut p = Problems::new();
        let name = p.required(Some(&self.name), "name", 200);
        let role_title = p.text(self.role_title.as_deref(), "role_title", 300);
        p.finish(Participant {
            id: id.to_string(),
            position,
            person_id: None,
            organisation_id: self
                .organisation_id
                .clone()
                .filter(|o| !o.trim().is_empty()),
            user_id: None,
            name,
            role_title,
            presence,
        })
    }
}

/// A decision's text in the three languages (one is enough).
pub fn decision_text(text: &Names) -> Result<Names, Vec<DomainError>> {
    let mut p = Problems::new();
    let text = p.names(text, "text", 2000, true);
    p.finish(Names {
        ko_latn: None,
        ..text
    })
}

/// The note written when a follow-up moves on.
pub fn status_note(note: Option<&str>) -> Result<Option<String>, Vec<DomainError>> {
    let mut p = Problems::new();
    let note = p.text(note, "note", 2000);
    p.finish(note)
}
