//! The seminar series (the "Tour franco-coréen des initiatives locales"): seminars with their
//! programme, the consultation of members on the themes (`consultation`), public holidays of
//! both countries (`holidays`), the slot finder (`slots`) and registrations (`registration`).

pub mod consultation;
pub mod holidays;
pub mod programme;
pub mod registration;
pub mod slots;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeminarStatus {
    /// A theme and a period, no date yet.
    Planned,
    Scheduled,
    Held,
    Cancelled,
}

impl SeminarStatus {
    pub const ALL: [SeminarStatus; 4] = [
        SeminarStatus::Planned,
        SeminarStatus::Scheduled,
        SeminarStatus::Held,
        SeminarStatus::Cancelled,
    ];
    pub fn code(self) -> &'static str {
        match self {
            SeminarStatus::Planned => "planned",
            SeminarStatus::Scheduled => "scheduled",
            SeminarStatus::Held => "held",
            SeminarStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// Who may register: the group's members and observers, or the public as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Members,
    Public,
}

impl Audience {
    pub fn code(self) -> &'static str {
        match self {
            Audience::Members => "members",
            Audience::Public => "public",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "members" => Some(Audience::Members),
            "public" => Some(Audience::Public),
            _ => None,
        }
    }
}
