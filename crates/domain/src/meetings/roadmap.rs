//! The yearly roadmap of a group: axes → actions → milestones, each action with an owner, a
//! period, a status and links to the meetings and seminars that carry it out.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::check::Problems;
use crate::directory::Names;
use crate::period::Period;
use crate::{DomainError, ErrorKey};

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

/// A group's roadmap for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Roadmap {
    pub id: String,
    pub group_id: String,
    pub year: i64,
    pub summary: Names,
    pub sources: Value,
    pub axes: Vec<Axis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub id: String,
    pub title: Names,
    pub actions: Vec<RoadmapAction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapAction {
    pub id: String,
    pub title: Names,
    pub owner_organisation: Option<String>,
    pub owner_text: Option<String>,
    pub period: Option<Period>,
    pub status: WorkStatus,
    pub milestones: Vec<Milestone>,
    /// (`meeting` | `seminar`, id)
    pub links: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub id: String,
    pub title: Names,
    pub period: Option<Period>,
    pub status: WorkStatus,
}

/// A roadmap as typed: axes → actions → milestones. Owners and links are checked against the
/// register and the meetings by the caller.
#[derive(Debug, Clone, Default)]
pub struct RoadmapInput {
    pub summary: Names,
    pub axes: Vec<AxisInput>,
}

#[derive(Debug, Clone, Default)]
pub struct AxisInput {
    pub title: Names,
    pub actions: Vec<ActionInput>,
}

#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub title: Names,
    pub owner_organisation: Option<String>,
    pub owner_text: Option<String>,
    /// A period code: `2021-06`, `2021-11..2021-12`, `2022-early`, `2021`.
    pub period: Option<String>,
    pub status: Option<String>,
    pub milestones: Vec<MilestoneInput>,
    /// (`meeting` | `seminar`, id)
    pub links: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct MilestoneInput {
    pub title: Names,
    pub period: Option<String>,
    pub status: Option<String>,
}

impl RoadmapInput {
    /// The roadmap of `group` for `year`; every problem names its place
    /// (`axes[1].actions[0].period`).
    pub fn validate(&self, group: &str, year: i64) -> Result<Roadmap, Vec<DomainError>> {
        let mut p = Problems::new();
        p.within(year, crate::seminars::programme::YEARS, "year");
        let base = format!("rm-{group}-{year}");
        let mut axes = Vec::new();
        for (i, a) in self.axes.iter().enumerate() {
            let f = format!("axes[{i}]");
            let actions = a
                .actions
                .iter()
                .enumerate()
                .map(|(j, x)| {
                    x.validate(
                        &mut p,
                        &format!("{f}.actions[{j}]"),
                        &format!("{base}-{i}-{j}"),
                    )
                })
                .collect();
            axes.push(Axis {
                id: format!("{base}-{i}"),
                title: p.names(&a.title, &format!("{f}.title"), 1000, true),
                actions,
            });
        }
        let summary = p.names(&self.summary, "summary", 5000, false);
        p.finish(Roadmap {
            id: base,
            group_id: group.to_string(),
            year,
            summary,
            sources: Value::Object(Default::default()),
            axes,
        })
    }
}

fn work_status(p: &mut Problems, s: Option<&str>, field: &str) -> WorkStatus {
    p.code(
        s,
        WorkStatus::parse,
        Some(WorkStatus::Planned),
        ErrorKey::InvalidStatus,
        field,
    )
    .unwrap_or(WorkStatus::Planned)
}

impl ActionInput {
    fn validate(&self, p: &mut Problems, f: &str, id: &str) -> RoadmapAction {
        let title = p.names(&self.title, &format!("{f}.title"), 1000, true);
        let owner_text = p.text(self.owner_text.as_deref(), &format!("{f}.owner_text"), 300);
        let period = p.period(self.period.as_deref(), &format!("{f}.period"));
        let status = work_status(p, self.status.as_deref(), &format!("{f}.status"));
        for (k, (kind, _)) in self.links.iter().enumerate() {
            if !matches!(kind.as_str(), "meeting" | "seminar") {
                p.push(ErrorKey::InvalidKind, format!("{f}.links[{k}].type"));
            }
        }
        let milestones = self
            .milestones
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let mf = format!("{f}.milestones[{k}]");
                Milestone {
                    id: format!("{id}-{k}"),
                    title: p.names(&m.title, &format!("{mf}.title"), 1000, true),
                    period: p.period(m.period.as_deref(), &format!("{mf}.period")),
                    status: work_status(p, m.status.as_deref(), &format!("{mf}.status")),
                }
            })
            .collect();
        RoadmapAction {
            id: id.to_string(),
            title,
            owner_organisation: self
                .owner_organisation
                .clone()
                .filter(|o| !o.trim().is_empty()),
            owner_text,
            period,
            status,
            milestones,
            links: self.links.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_names_its_place() {
        let input = RoadmapInput {
            axes: vec![AxisInput {
                title: Names {
                    fr: Some("Axe".into()),
                    ..Names::default()
                },
                actions: vec![ActionInput {
                    period: Some("2021-13".into()),
                    status: Some("later".into()),
                    links: vec![("video".into(), "x".into())],
                    milestones: vec![MilestoneInput::default()],
                    ..ActionInput::default()
                }],
            }],
            ..RoadmapInput::default()
        };
        let errors = input.validate("kr", 2021).unwrap_err();
        let fields: Vec<_> = errors.into_iter().filter_map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "axes[0].actions[0].title.fr",
                "axes[0].actions[0].period",
                "axes[0].actions[0].status",
                "axes[0].actions[0].links[0].type",
                "axes[0].actions[0].milestones[0].title.fr",
            ]
        );
    }
}
