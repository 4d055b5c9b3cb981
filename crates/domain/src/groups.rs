//! The network and its country groups. One instance serves one network and all of its groups.

use serde::{Deserialize, Serialize};

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
