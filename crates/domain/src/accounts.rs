//! Accounts, roles and the permission rules, checked the same way by pages and the API.

use serde::{Deserialize, Serialize};

/// A role held by a user. Presidents, coordinators and observers are bound to one country group
/// (a group's president — "la présidente du groupe-pays" — has the coordinators' rights); an
/// editor to one organisation; the secretariat to the whole network.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    Secretariat,
    President { group: String },
    Coordinator { group: String },
    Editor { organisation: String },
    Observer { group: String },
}

impl Role {
    pub fn code(&self) -> &'static str {
        match self {
            Role::Secretariat => "secretariat",
            Role::President { .. } => "president",
            Role::Coordinator { .. } => "coordinator",
            Role::Editor { .. } => "editor",
            Role::Observer { .. } => "observer",
        }
    }

    /// Builds a role from its stored or typed form; `None` when a needed binding is missing.
    pub fn from_parts(code: &str, group: Option<&str>, organisation: Option<&str>) -> Option<Role> {
        match code {
            "secretariat" => Some(Role::Secretariat),
            "president" => group.map(|g| Role::President { group: g.into() }),
            "coordinator" => group.map(|g| Role::Coordinator { group: g.into() }),
            "observer" => group.map(|g| Role::Observer { group: g.into() }),
            "editor" => organisation.map(|o| Role::Editor {
                organisation: o.into(),
            }),
            _ => None,
        }
    }

    pub fn group(&self) -> Option<&str> {
        match self {
            Role::President { group } | Role::Coordinator { group } | Role::Observer { group } => {
                Some(group)
            }
            _ => None,
        }
    }

    pub fn organisation(&self) -> Option<&str> {
        match self {
            Role::Editor { organisation } => Some(organisation),
            _ => None,
        }
    }
}

/// Who is acting: an anonymous visitor, or a signed-in user with roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<String>,
    pub roles: Vec<Role>,
}

impl Actor {
    pub fn anonymous() -> Self {
        Actor::default()
    }
    pub fn user(user_id: impl Into<String>, roles: Vec<Role>) -> Self {
        Actor {
            user_id: Some(user_id.into()),
            roles,
        }
    }
    pub fn is_signed_in(&self) -> bool {
        self.user_id.is_some()
    }
    fn is_secretariat(&self) -> bool {
        self.roles.contains(&Role::Secretariat)
    }
    fn edits(&self, organisation: &str) -> bool {
        self.roles
            .iter()
            .any(|r| r.organisation() == Some(organisation))
    }
    fn in_group(&self, group: &str) -> bool {
        self.roles.iter().any(|r| r.group() == Some(group))
    }
    fn coordinates(&self, group: &str) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Coordinator { group: g } | Role::President { group: g } if g == group))
    }

    /// Whether this actor may do `action`. The one place where these rules live.
    pub fn can(&self, action: &Action<'_>) -> bool {
        if self.is_secretariat() {
            return true;
        }
        match action {
            Action::ReadPublic => true,
            Action::ReadGroupWorkspace { group, member_of } => {
                self.in_group(group) || member_of.iter().any(|o| self.edits(o))
            }
            Action::EditOrganisation { organisation } => self.edits(organisation),
            Action::CreateOrganisation
            | Action::ManageUsers
            | Action::ManageNetwork
            | Action::ReadAudit => false,
            Action::EditPartnership { parties } | Action::CreatePartnership { parties } => {
                parties.iter().any(|o| self.edits(o))
            }
            Action::ManageGroup { group } | Action::ManageMeetings { group } => {
                self.coordinates(group)
            }
            Action::EditMinutes {
                group,
                participants,
            } => self.coordinates(group) || participants.iter().any(|o| self.edits(o)),
            Action::UpdateFollowUp { group, owner } => {
                self.coordinates(group) || owner.is_some_and(|o| self.edits(o))
            }
        }
    }
}

/// What someone wants to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<'a> {
    ReadPublic,
    /// `member_of`: the organisations that belong to the group, so that their editors can read.
    ReadGroupWorkspace {
        group: &'a str,
        member_of: &'a [String],
    },
    CreateOrganisation,
    EditOrganisation {
        organisation: &'a str,
    },
    CreatePartnership {
        parties: [&'a str; 2],
    },
    EditPartnership {
        parties: [&'a str; 2],
    },
    ManageGroup {
        group: &'a str,
    },
    ManageUsers,
    ManageNetwork,
    /// Read the audit log: the secretariat.
    ReadAudit,
    /// Create and change meetings, their participants, the minutes' status, the roadmap.
    ManageMeetings {
        group: &'a str,
    },
    /// Write the text of minutes that are not final: the group's coordinators and the editors
    /// of the organisations that took part.
    EditMinutes {
        group: &'a str,
        participants: &'a [String],
    },
    /// Change a follow-up's status: coordinators, and the editors of the owner organisation.
    UpdateFollowUp {
        group: &'a str,
        owner: Option<&'a str>,
    },
}

/// An e-mail address as typed, trimmed and lower-cased; refused on `field` when it has no `@`,
/// has spaces or is longer than an address can be. The one rule for accounts, registrations
/// and contacts.
pub fn normalise_email(value: &str, field: &str) -> Result<String, crate::DomainError> {
    let email = value.trim().to_lowercase();
    if !email.contains('@') || email.len() > 254 || email.contains(char::is_whitespace) {
        return Err(crate::DomainError::field(
            crate::ErrorKey::InvalidEmail,
            field,
        ));
    }
    Ok(email)
}

/// An invitation to the platform, as typed on the page or sent to the API: who (address, name,
/// language of the e-mail and of the interface) and in which role.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InvitationInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    /// `fr`, `ko` or `en`; empty: the inviter's language.
    #[serde(default)]
    pub language: Option<String>,
    /// `secretariat`, `president`, `coordinator`, `observer` (with `group`) or `editor` (with
    /// `organisation`).
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
}

/// A checked invitation.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub language: Option<String>,
    pub role: Role,
}

/// The roles an invitation can give, in the order a form offers them.
pub const ROLE_CODES: [&str; 5] = [
    "coordinator",
    "president",
    "observer",
    "editor",
    "secretariat",
];

impl InvitationInput {
    /// Every problem, each with its field: the address, the name, the language, the role and
    /// the group or organisation the role needs.
    pub fn validate(&self) -> Result<Invitation, Vec<crate::DomainError>> {
        use crate::ErrorKey;
        let mut p = crate::check::Problems::new();
        let email = p.take(normalise_email(&self.email, "email"));
        let name = p.required(Some(&self.name), "name", 200);
        let language = self
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        if language.is_some_and(|l| !["fr", "ko", "en"].contains(&l)) {
            p.push(ErrorKey::InvalidLanguage, "language");
        }
        let bound = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let (group, organisation) = (bound(&self.group), bound(&self.organisation));
        let code = self.role.trim();
        let role = if code.is_empty() {
            p.push(ErrorKey::Required, "role");
            None
        } else if !ROLE_CODES.contains(&code) {
            p.push(ErrorKey::InvalidKind, "role");
            None
        } else {
            let role = Role::from_parts(code, group.as_deref(), organisation.as_deref());
            if role.is_none() {
                let field = if code == "editor" {
                    "organisation"
                } else {
                    "group"
                };
                p.push(ErrorKey::Required, field);
            }
            role
        };
        let invitation = Invitation {
            email: email.unwrap_or_default(),
            name,
            language: language.map(str::to_string),
            role: role.unwrap_or(Role::Secretariat),
        };
        p.finish(invitation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors() -> Vec<(&'static str, Actor)> {
        vec![
            ("public", Actor::anonymous()),
            ("secretariat", Actor::user("u1", vec![Role::Secretariat])),
            (
                "coordinator",
                Actor::user("u2", vec![Role::Coordinator { group: "kr".into() }]),
            ),
            (
                "editor",
                Actor::user(
                    "u3",
                    vec![Role::Editor {
                        organisation: "fr-issy".into(),
                    }],
                ),
            ),
            (
                "observer",
                Actor::user("u4", vec![Role::Observer { group: "kr".into() }]),
            ),
            (
                "president",
                Actor::user("u5", vec![Role::President { group: "kr".into() }]),
            ),
        ]
    }

    /// The whole matrix of role × action: each row lists who may.
    #[test]
    fn an_invitation_names_each_problem() {
        let bad = InvitationInput {
            email: "not an address".into(),
            role: "coordinator".into(),
            language: Some("de".into()),
            ..Default::default()
        };
        let fields: Vec<_> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.key, e.field.unwrap()))
            .collect();
        use crate::ErrorKey::*;
        assert_eq!(
            fields,
            [
                (InvalidEmail, "email".to_string()),
                (Required, "name".to_string()),
                (InvalidLanguage, "language".to_string()),
                (Required, "group".to_string()),
            ]
        );
        let ok = InvitationInput {
            email: " Awa@Dakar.example ".into(),
            name: "Awa Ndiaye".into(),
            role: "editor".into(),
            organisation: Some("sn-dakar".into()),
            ..Default::default()
        };
        assert_eq!(
            ok.validate().unwrap(),
            Invitation {
                email: "awa@dakar.example".into(),
                name: "Awa Ndiaye".into(),
                language: None,
                role: Role::Editor {
                    organisation: "sn-dakar".into()
                },
            }
        );
    }

    #[test]
    fn permission_matrix() {
        let members = vec!["fr-issy".to_string(), "fr-tours".to_string()];
        let rows: Vec<(Action, &[&str])> = vec![
            (
                Action::ReadPublic,
                &["public", "secretariat", "coordinator", "editor", "observer"],
            ),
            (
                Action::ReadGroupWorkspace {
                    group: "kr",
                    member_of: &members,
                },
                &["secretariat", "coordinator", "editor", "observer"],
            ),
            (
                Action::ReadGroupWorkspace {
                    group: "cn",
                    member_of: &[],
                },
                &["secretariat"],
            ),
            (Action::CreateOrganisation, &["secretariat"]),
            (
                Action::EditOrganisation {
                    organisation: "fr-issy",
                },
                &["secretariat", "editor"],
            ),
            (
                Action::EditOrganisation {
                    organisation: "fr-tours",
                },
                &["secretariat"],
            ),
            (
                Action::CreatePartnership {
                    parties: ["kr-guro", "fr-issy"],
                },
                &["secretariat", "editor"],
            ),
            (
                Action::EditPartnership {
                    parties: ["fr-tours", "kr-suwon"],
                },
                &["secretariat"],
            ),
            (
                Action::ManageGroup { group: "kr" },
                &["secretariat", "coordinator"],
            ),
            (Action::ManageGroup { group: "cn" }, &["secretariat"]),
            (Action::ManageUsers, &["secretariat"]),
            (
                Action::ManageMeetings { group: "kr" },
                &["secretariat", "coordinator"],
            ),
            (Action::ManageMeetings { group: "cn" }, &["secretariat"]),
            (
                Action::EditMinutes {
                    group: "kr",
                    participants: &members,
                },
                &["secretariat", "coordinator", "editor"],
            ),
            (
                Action::EditMinutes {
                    group: "kr",
                    participants: &[],
                },
                &["secretariat", "coordinator"],
            ),
            (
                Action::UpdateFollowUp {
                    group: "kr",
                    owner: Some("fr-issy"),
                },
                &["secretariat", "coordinator", "editor"],
            ),
            (
                Action::UpdateFollowUp {
                    group: "kr",
                    owner: None,
                },
                &["secretariat", "coordinator"],
            ),
            (Action::ManageNetwork, &["secretariat"]),
        ];
        for (action, allowed) in &rows {
            for (name, actor) in actors() {
                // The group's president has the coordinators' rights.
                let as_name = if name == "president" {
                    "coordinator"
                } else {
                    name
                };
                assert_eq!(
                    actor.can(action),
                    allowed.contains(&as_name),
                    "{name} on {action:?}"
                );
            }
        }
    }

    #[test]
    fn roles_need_their_binding() {
        assert_eq!(Role::from_parts("editor", None, None), None);
        assert_eq!(
            Role::from_parts("coordinator", Some("kr"), None),
            Some(Role::Coordinator { group: "kr".into() })
        );
        assert_eq!(Role::from_parts("king", None, None), None);
        assert_eq!(
            Role::from_parts("president", Some("kr"), None),
            Some(Role::President { group: "kr".into() })
        );
        assert_eq!(Role::from_parts("president", None, None), None);
    }
}
