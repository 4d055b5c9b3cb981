//! The yearly roadmap of a group: axes → actions → milestones, each action with an owner, a
//! period, a status and links to the meetings and seminars that carry it out.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl WorkStatus {
    pub const ALL: [WorkStatus; 4] = [
        WorkStatus::Planned,
        WorkStatus::InProgress,
        WorkStatus::Done,
        WorkStatus::Dropped,
    ];
    pub fn code(self) -> &'static str {
        match self {
            WorkStatus::Planned => "planned",
            WorkStatus::InProgress => "in_progress",
            WorkStatus::Done => "done",
            WorkStatus::Dropped => "dropped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}
