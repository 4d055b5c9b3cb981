//! Registration to a seminar: within capacity, registered; past it, on the waiting list, in
//! order; when someone cancels, the first on the list moves up.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Registered,
    Waitlisted,
    Cancelled,
}

impl RegistrationStatus {
    pub const ALL: [RegistrationStatus; 3] = [
        RegistrationStatus::Registered,
        RegistrationStatus::Waitlisted,
        RegistrationStatus::Cancelled,
    ];
    pub fn code(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Waitlisted => "waitlisted",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// The status of a new registration, given the capacity (`None`: unlimited) and how many are
/// registered already.
pub fn admit(capacity: Option<i64>, registered: i64) -> RegistrationStatus {
    match capacity {
        Some(c) if registered >= c => RegistrationStatus::Waitlisted,
        _ => RegistrationStatus::Registered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity() {
        assert_eq!(admit(Some(2), 1), RegistrationStatus::Registered);
        assert_eq!(admit(Some(2), 2), RegistrationStatus::Waitlisted);
        assert_eq!(admit(None, 5000), RegistrationStatus::Registered);
    }
}
