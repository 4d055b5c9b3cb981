//! Writing a group's yearly roadmap (coordinators), as a whole or one action's status.

use domain::accounts::Action;
use domain::directory::{clean_text, Names};
use domain::meetings::roadmap::WorkStatus;
use domain::period::Period;
use domain::{DomainError, ErrorKey};
use serde::Deserialize;
use storage::{Axis, Milestone, Roadmap, RoadmapAction};
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::ops::names::NamesDto as NamesInput;
use crate::OrNotFound;
use crate::{AppError, AppState};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoadmapWrite {
    #[serde(default)]
    pub summary: NamesInput,
    pub axes: Vec<AxisWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AxisWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub actions: Vec<ActionWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub owner_organisation: Option<String>,
    #[serde(default)]
    pub owner_text: Option<String>,
    /// Period code: `2021-06`, `2021-11..2021-12`, `2022-early`, `2021`.
    #[serde(default)]
    pub period: Option<String>,
    /// `planned`, `in_progress`, `done`, `dropped`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub milestones: Vec<MilestoneWrite>,
    /// Meetings (and, later, seminars) that carry the action out: `{"type": "meeting", "id": …}`.
    #[serde(default)]
    pub links: Vec<LinkWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkWrite {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

fn names(n: &NamesInput, field: &str) -> Result<Names, DomainError> {
    let out = Names {
        fr: clean_text(n.fr.as_deref(), &format!("{field}.fr"), 1000)?,
        ko: clean_text(n.ko.as_deref(), &format!("{field}.ko"), 1000)?,
        ko_latn: None,
        en: clean_text(n.en.as_deref(), &format!("{field}.en"), 1000)?,
    };
    if out.fr.is_none() && out.ko.is_none() && out.en.is_none() {
        return Err(DomainError::field(
            ErrorKey::Required,
            format!("{field}.fr"),
        ));
    }
    Ok(out)
}

fn period(p: Option<&str>, field: &str) -> Result<Option<Period>, DomainError> {
    match p.map(str::trim).filter(|p| !p.is_empty()) {
        Some(code) => Period::parse(code, field).map(Some),
        None => Ok(None),
    }
}

fn status(s: Option<&str>, field: &str) -> Result<WorkStatus, DomainError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(WorkStatus::Planned),
        Some(s) => {
            WorkStatus::parse(s).ok_or_else(|| DomainError::field(ErrorKey::InvalidStatus, field))
        }
    }
}

/// Replaces the roadmap of `group` for `year`; every problem names its place
/// (`axes[1].actions[0].period`), and nothing is stored unless all is right.
pub async fn replace(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    year: i64,
    w: &RoadmapWrite,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings { group })?;
    state.db.group(group).await?.or_404()?;
    if !(1990..=2200).contains(&year) {
        return Err(AppError::field(ErrorKey::InvalidNumber, "year"));
    }
    let base = format!("rm-{group}-{year}");
    let mut axes = Vec::new();
    for (i, a) in w.axes.iter().enumerate() {
        let f = format!("axes[{i}]");
        let mut actions = Vec::new();
        for (j, x) in a.actions.iter().enumerate() {
            let f = format!("{f}.actions[{j}]");
            if let Some(o) = x.owner_organisation.as_deref().filter(|o| !o.is_empty()) {
                if state.db.organisation(o).await?.is_none() {
                    return Err(AppError::field(
                        ErrorKey::UnknownOrganisation,
                        format!("{f}.owner_organisation"),
                    ));
                }
            }
            let mut links = Vec::new();
            for (k, l) in x.links.iter().enumerate() {
                let lf = format!("{f}.links[{k}]");
                match l.kind.as_str() {
                    "meeting" if state.db.meeting(&l.id).await?.is_some() => {}
                    "meeting" => {
                        return Err(AppError::field(ErrorKey::NotFound, format!("{lf}.id")))
                    }
                    "seminar" => {}
                    _ => return Err(AppError::field(ErrorKey::InvalidKind, format!("{lf}.type"))),
                }
                links.push((l.kind.clone(), l.id.clone()));
            }
            let milestones = x
                .milestones
                .iter()
                .enumerate()
                .map(|(k, m)| {
                    let mf = format!("{f}.milestones[{k}]");
                    Ok(Milestone {
                        id: format!("{base}-{i}-{j}-{k}"),
                        title: names(&m.title, &format!("{mf}.title"))?,
                        period: period(m.period.as_deref(), &format!("{mf}.period"))?,
                        status: status(m.status.as_deref(), &format!("{mf}.status"))?,
                    })
                })
                .collect::<Result<Vec<_>, DomainError>>()?;
            actions.push(RoadmapAction {
                id: format!("{base}-{i}-{j}"),
                title: names(&x.title, &format!("{f}.title"))?,
                owner_organisation: x.owner_organisation.clone().filter(|o| !o.is_empty()),
                owner_text: clean_text(x.owner_text.as_deref(), &format!("{f}.owner_text"), 300)?,
                period: period(x.period.as_deref(), &format!("{f}.period"))?,
                status: status(x.status.as_deref(), &format!("{f}.status"))?,
                milestones,
                links,
            });
        }
        axes.push(Axis {
            id: format!("{base}-{i}"),
            title: names(&a.title, &format!("{f}.title"))?,
            actions,
        });
    }
    let summary = Names {
        fr: clean_text(w.summary.fr.as_deref(), "summary.fr", 5000)?,
        ko: clean_text(w.summary.ko.as_deref(), "summary.ko", 5000)?,
        ko_latn: None,
        en: clean_text(w.summary.en.as_deref(), "summary.en", 5000)?,
    };
    let roadmap = Roadmap {
        id: base.clone(),
        group_id: group.to_string(),
        year,
        summary,
        sources: serde_json::json!({}),
        axes,
    };
    state.db.replace_roadmap(&roadmap).await?;
    Ok(())
}

/// One action moves on (coordinators).
pub async fn set_action_status(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    action: &str,
    to: WorkStatus,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings { group })?;
    state
        .db
        .set_roadmap_action_status(group, action, to)
        .await?;
    Ok(())
}
